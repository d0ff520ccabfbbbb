//! Files in and out, the top area: `encoding` (a file's bytes to text: UTF-8, UTF-16, Windows-1252),
//! CSV import (`csv_import`: column mapping, with the tokenizer,
//! row reading and the stepped import session beneath it), CSV export (`csv_export`, which
//! neutralises the formula marks the import removes) and the JSON `workspace` file, which also
//! holds the `Record` trait every stored or imported list is decoded with (creators, campaigns,
//! and the stored thresholds).

pub mod csv_export;
pub mod csv_import;
pub mod encoding;
pub mod workspace;

pub use csv_import::{ImportReport, ImportSession};
pub use workspace::{decode_record, decode_records, DroppedRecord, Record, APP_ID};
