//! Widgets shared by every section: titled sections, labelled fields (text, number, a select of
//! choices or of creators, groups of fields), chart images, modal dialogs that follow a condition,
//! a print button, table heads and scrolling tables, warning cards, a creator's stored evidence,
//! the banner of a stored list that could not be used, the parts of a CSV import's preview,
//! file download and reading, and moving the focus after a redraw. Nothing here imports a section.

pub mod banners;
pub mod chart_image;
pub mod dialog;
pub mod evidence;
pub mod fields;
pub mod files;
pub mod focus;
pub mod import_preview;
pub mod import_session;
pub mod number_field;
pub mod print;
pub mod section;
pub mod table;
pub mod warning;
