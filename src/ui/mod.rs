//! Browser UI: thin Leptos components that call the domain and render its results.

pub mod app;
pub mod campaign;
pub mod check;
pub mod dossier;
pub mod risks;
pub mod shortlist;
pub mod state;
pub mod widgets;
pub mod workspace;
