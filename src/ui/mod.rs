//! Browser UI: thin Leptos components that call the domain and render its results.

pub mod check_panel;
pub mod panic;
pub mod risks_panel;
pub mod shell;
pub mod shortlist_panel;
pub mod shortlist_state;
