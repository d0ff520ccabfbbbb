//! The Check section: the creator form (`form`), its `panel`, and the engagement and economics views
//! of its analysis.

pub mod economics;
pub mod engagement;
pub mod form;
pub mod panel;
