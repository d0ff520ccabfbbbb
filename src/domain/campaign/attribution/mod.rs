//! Results in money (issue #17): a discount code and a UTM link per creator, and the shop's orders
//! attributed to creators by code (revenue, ROAS, CPA). Kept in `Campaign::attribution`.

use serde::{Deserialize, Serialize};

/// Everything attribution keeps in a campaign; an empty one is not written to storage.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Attribution {}

impl Attribution {
    pub fn is_empty(&self) -> bool {
        *self == Attribution::default()
    }
}
