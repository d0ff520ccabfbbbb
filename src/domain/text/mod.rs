//! Text in and out: numbers as people type them ("45K", "1,2 M") and the one way figures are
//! written back (thousands, percents, money). Every other area parses and formats through here.

pub mod format;
pub mod number;
