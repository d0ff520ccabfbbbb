//! Browser UI: thin Leptos components that call the domain and render its results.

pub mod chart_image;
pub mod check_panel;
pub mod check_state;
pub mod economics_view;
pub mod engagement_view;
pub mod number_field;
pub mod panic;
pub mod risk_anomalies;
pub mod risk_audience;
pub mod risk_comments;
pub mod risk_disclosure;
pub mod risk_lexicon;
pub mod risk_thresholds;
pub mod risk_warning;
pub mod risks_panel;
pub mod shell;
pub mod shortlist_banners;
pub mod shortlist_compare;
pub mod shortlist_download;
pub mod shortlist_editor;
pub mod shortlist_format;
pub mod shortlist_import;
pub mod shortlist_merge;
pub mod shortlist_panel;
pub mod shortlist_state;
pub mod shortlist_transfer;
