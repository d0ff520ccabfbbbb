//! The Shortlist section: the table (`panel`), the `editor` dialog, CSV `import` with preview,
//! `transfer` (export and JSON in and out), `compare` and the row `format`ting.

pub mod compare;
pub mod editor;
pub mod format;
pub mod r#import;
pub mod panel;
pub mod transfer;
