//! Text in and out, the lowest area: `number` reads numbers as people type them ("45K", "1,2 M"),
//! with the CSV import's measured fast paths beside the general parser, and `format` is the one
//! way figures are written back (thousands, percents, money). Every other area parses and formats
//! through here.

pub mod format;
pub mod number;

pub use format::group_thousands;
pub use number::{parse_amount, parse_count, NumberError};
