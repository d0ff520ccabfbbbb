//! Widgets shared by every section: labelled fields (text, number, choice select), chart images,
//! warning cards, the stored-data banners and file download and reading.

pub mod banners;
pub mod chart_image;
pub mod fields;
pub mod files;
pub mod number_field;
pub mod warning;
