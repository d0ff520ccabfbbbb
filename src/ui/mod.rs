//! Browser UI: thin Leptos components that call the domain and render its results.

pub mod chart_image;
pub mod check_panel;
pub mod check_state;
pub mod economics_view;
pub mod engagement_view;
pub mod number_field;
pub mod panic;
pub mod risks_panel;
pub mod shell;
pub mod shortlist_panel;
pub mod shortlist_state;
