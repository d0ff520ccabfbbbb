//! Risks of working with a creator: the `rules` (warnings against editable thresholds), exact VADER
//! `sentiment` and generic-comment checks on pasted `comments`, `audience` fit, the ten-country
//! `disclosure` caption checker. A creator's whole risk list, which needs a campaign's countries and categories, is built in `campaign::risk_profile`.

pub mod audience;
pub mod comments;
pub mod disclosure;
pub mod rules;
pub mod sentiment;
pub mod thresholds;
