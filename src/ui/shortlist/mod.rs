//! The Shortlist section: the table (`panel`, its `row`s and the `table_state` of filters, sort,
//! selection and undo), the `editor` dialog (with the `imported` details it shows read-only), CSV
//! `import` with preview (drawn in `import`, run slice by slice in `import_run`), `transfer` (export
//! and JSON in and out), `compare` and the row `format`ting.

pub mod banners;
pub mod compare;
pub mod editor;
pub mod format;
pub mod r#import;
mod import_run;
mod imported;
pub mod panel;
mod row;
mod table_state;
pub mod transfer;
