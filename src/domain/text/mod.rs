//! Text in and out: numbers as people type them ("45K", "1,2 M") and the one way figures are
//! written back (thousands, percents, money, plurals), and the vocabulary of choice enums (`Choice`:
//! all values, stable id, label, parse). Every other area parses and formats through here.

pub mod choice;
pub mod format;
pub mod number;
