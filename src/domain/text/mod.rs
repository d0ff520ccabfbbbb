//! Text in and out, the lowest area: `number` reads numbers as people type them ("45K", "1,2 M"),
//! with the CSV import's measured fast paths beside the general parser; `format` is the one way
//! figures are written back (thousands, percents, money, plurals); `date` reads and writes
//! calendar dates; `csv` writes CSV cells and rows (quoting, the formula guard) and names a row
//! that could not be read; `choice` is the vocabulary of choice enums (all values, stable id,
//! label, parse); `sparse` declares stored records whose JSON leaves out every field at its
//! default. Every other area parses and formats through here.

pub mod choice;
pub mod csv;
pub mod date;
pub mod format;
pub mod number;
pub mod sparse;
