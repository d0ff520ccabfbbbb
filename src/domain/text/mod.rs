//! Text in and out: numbers as people type them ("45K", "1,2 M") and the one way figures are
//! written back (thousands, percents, money, plurals), and the vocabulary of choice enums (`Choice`:
//! all values, stable id, label, parse). Every other area parses and formats through here.
//! Text in and out, the lowest area: `number` reads numbers as people type them ("45K", "1,2 M"),
//! with the CSV import's measured fast paths beside the general parser, and `format` is the one
//! way figures are written back (thousands, percents, money). Every other area parses and formats
//! through here.

pub mod choice;
pub mod format;
pub mod number;

pub use format::group_thousands;
pub use number::{parse_amount, parse_count, NumberError};
