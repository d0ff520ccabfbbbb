//! A fair price and reach estimates (issue #17): per-creator price ranges from the price table and
//! CPM ranges times editable modifiers, and reach/impressions estimates from editable vendor
//! assumptions. Kept in `Campaign::pricing`.

use serde::{Deserialize, Serialize};

/// Everything pricing keeps in a campaign; an empty one is not written to storage.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Pricing {}

impl Pricing {
    pub fn is_empty(&self) -> bool {
        *self == Pricing::default()
    }
}
