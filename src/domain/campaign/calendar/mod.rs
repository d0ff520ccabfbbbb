//! Deliverables calendar (issue #17): dated deliverables per creator in a campaign, a month view,
//! `.ics` (RFC 5545) and CSV export, overdue warnings. Kept in `Campaign::deliverables`.

use serde::{Deserialize, Serialize};

/// Every deliverable of a campaign; an empty one is not written to storage.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Deliverables {}

impl Deliverables {
    pub fn is_empty(&self) -> bool {
        *self == Deliverables::default()
    }
}
