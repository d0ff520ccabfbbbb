//! Risks of working with a creator: the `rules` (warnings against editable thresholds), exact VADER
//! `sentiment` and generic-comment checks on pasted `comments`, `audience` fit, the ten-country
//! `disclosure` caption checker, and `profile`, which gathers a creator's warnings in one list.

pub mod audience;
pub mod comments;
pub mod disclosure;
pub mod profile;
pub mod rules;
pub mod sentiment;
pub mod thresholds;
