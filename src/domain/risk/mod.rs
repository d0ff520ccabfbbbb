//! Risks of working with a creator. `rules` turns plain inputs into explained warnings against
//! the editable `thresholds`; its inputs come from exact VADER `sentiment` and generic-comment
//! checks on pasted `comments`, `audience` fit and the ten-country `disclosure` caption checker.
//! `findings` turns the tools' results into the entries a creator's dossier keeps, and `stored`
//! turns those back into rule inputs.
//! A creator's whole risk list needs a campaign's countries and categories, so it is built one
//! area up, in `campaign::risk_profile`.

pub mod audience;
pub mod comments;
pub mod disclosure;
pub mod findings;
pub mod rules;
pub mod sentiment;
pub mod stored;
pub mod thresholds;
