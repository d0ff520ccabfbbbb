//! Files in and out: CSV import (`csv_import`: mapping, preview, line-numbered rejects), CSV export
//! (`csv_export`) and the JSON `workspace` format with its record decoding.

pub mod csv_export;
pub mod csv_import;
pub mod workspace;
