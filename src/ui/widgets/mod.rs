//! Widgets shared by every section: number fields, chart images, warning cards, the stored-data
//! banners and file download and reading.

pub mod banners;
pub mod chart_image;
pub mod files;
pub mod number_field;
pub mod warning;
