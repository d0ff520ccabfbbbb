//! The campaigns store, provided as context by `App`: the list form of the persisted store
//! (`list`) over the campaigns, plus the campaign being edited and the campaign edits.
//!
//! Loaded on the first visit to the Campaign section (through `App`'s `Lazy` handle, so the first
//! screen does not wait for it), then kept for the page: another tab's writes reach it through the
//! storage event whichever section is open, so the Campaign section shows them as it did when it
//! reloaded on each visit.

use std::ops::Deref;

use leptos::prelude::*;

use crate::domain::campaign::record::Campaign;
use crate::storage::envelope::{Load, CAMPAIGNS};
use crate::ui::app::clock::now_ms;
use crate::ui::state::ids::next_id;
use crate::ui::state::lazy::Lazy;
use crate::ui::state::list::{ListNames, ListSpec, ListStore, Records};
use crate::ui::state::persisted::SaveWords;

static SPEC: ListSpec = ListSpec {
    kind: &CAMPAIGNS,
    save: SaveWords {
        subject: "Your latest campaign changes",
        quota: "Everything is still here in this tab; download the brief or remove campaigns you no longer need, or free space in the browser.",
        other: "They stay in this tab until it closes.",
    },
    sync_note: "Campaigns were changed in another tab; this page now includes those changes.",
    ask_persistence: false,
    names: ListNames {
        what: "campaigns",
        was: "were",
        items: "campaigns",
    },
};

impl Records for Vec<Campaign> {
    type Item = Campaign;
    const SPEC: &'static ListSpec = &SPEC;

    fn from_items(items: Vec<Campaign>) -> Vec<Campaign> {
        items
    }

    fn items(&self) -> &[Campaign] {
        self
    }
}

/// Context handle to the campaigns. Cheap to copy; derefs to its [`ListStore`] for the banners'
/// signals (`problem`, `save_error`, `sync_note`) and `flush`, `start_fresh` and the like.
#[derive(Clone, Copy)]
pub struct CampaignsStore {
    pub campaigns: RwSignal<Vec<Campaign>>,
    /// The campaign being edited.
    pub selected: RwSignal<Option<String>>,
    /// Why the last edit was not kept (see [`CampaignsStore::edit`]); `None` after one that was.
    pub refused: RwSignal<Option<String>>,
    store: ListStore<Vec<Campaign>>,
}

impl Deref for CampaignsStore {
    type Target = ListStore<Vec<Campaign>>;
    fn deref(&self) -> &ListStore<Vec<Campaign>> {
        &self.store
    }
}

impl CampaignsStore {
    /// Loads the saved campaigns and starts listening to other tabs and to the page being hidden.
    pub fn load() -> CampaignsStore {
        let (load, raw) = ListStore::<Vec<Campaign>>::read();
        let store = CampaignsStore::from_load(load, raw);
        store.store.listen(move || store.follow_selection());
        store
    }

    /// The page's campaigns: the store in context if there is one (a test may provide it), else
    /// the one `App`'s `Lazy` handle creates on the first call, else (a panel alone) a new one.
    pub fn from_context() -> CampaignsStore {
        use_context::<CampaignsStore>()
            .or_else(|| use_context::<Lazy<CampaignsStore>>().map(|l| l.get(CampaignsStore::load)))
            .unwrap_or_else(CampaignsStore::load)
    }

    /// The state for one load outcome, without listeners. `raw` is the stored text that was read.
    pub fn from_load(load: Load<Vec<Campaign>>, raw: Option<String>) -> CampaignsStore {
        let store = ListStore::<Vec<Campaign>>::from_load(load, raw);
        let selected = store
            .items
            .with_untracked(|cs| cs.first().map(|c| c.id.clone()));
        CampaignsStore {
            campaigns: store.items,
            selected: RwSignal::new(selected),
            refused: RwSignal::new(None),
            store,
        }
    }

    /// Selects the first campaign (what a visit to the Campaign section starts with).
    pub fn select_first(&self) {
        let first = self
            .campaigns
            .with_untracked(|cs| cs.first().map(|c| c.id.clone()));
        if self.selected.get_untracked() != first {
            self.selected.set(first);
        }
    }

    /// The selection follows the campaign while it exists, else moves to the first.
    fn follow_selection(&self) {
        let selected = self.selected.get_untracked();
        let gone = selected.as_ref().is_none_or(|s| {
            !self
                .campaigns
                .with_untracked(|cs| cs.iter().any(|c| &c.id == s))
        });
        if gone {
            self.select_first();
        }
    }

    /// Replaces every campaign (a restored workspace file); the selection follows.
    pub fn replace_all(&self, campaigns: Vec<Campaign>) {
        self.store.replace_all(campaigns);
        self.follow_selection();
    }

    /// Adds a campaign named `name` and selects it. Returns its id. It starts in `currency` (the
    /// one picked last, a setting) when given, else the default.
    pub fn create(&self, name: &str, currency: Option<String>) -> String {
        let id = next_id();
        let mut campaign = Campaign::new(id.clone(), name, now_ms());
        if let Some(code) = currency {
            campaign.currency = code;
        }
        self.campaigns.update(|cs| cs.push(campaign));
        self.selected.set(Some(id.clone()));
        self.edited(|e| e.changed(&id));
        id
    }

    /// Changes one campaign and schedules a save, unless the result fails the check every
    /// stored campaign must pass on loading ([`Campaign::checked`]): then the campaign stays as
    /// it was and `refused` says why. Regression: an end date before the start, or a name, code
    /// pattern or link part over its length, was saved as typed; the next load set the whole
    /// campaign aside and the next save deleted it.
    pub fn edit(&self, id: &str, change: impl FnOnce(&mut Campaign)) {
        // Later than any stored copy this tab has seen, so a merge keeps this edit.
        let now = now_ms();
        let mut outcome = None;
        self.campaigns.update(|cs| {
            if let Some(c) = cs.iter_mut().find(|c| c.id == id) {
                // The shop's orders (up to 200,000) are set aside while the rest is copied: no
                // edit made here can make them invalid, and a copy per keystroke would be slow.
                let files = std::mem::take(&mut c.attribution.files);
                let before = c.clone();
                c.attribution.files = files;
                change(c);
                let files = std::mem::take(&mut c.attribution.files);
                match c.clone().checked() {
                    Ok(_) => {
                        c.attribution.files = files;
                        c.updated_at = now.max(c.updated_at + 1.0);
                        outcome = Some(None);
                    }
                    Err(e) => {
                        *c = before;
                        c.attribution.files = files;
                        outcome = Some(Some(format!("Not saved: {e}")));
                    }
                }
            }
        });
        let Some(refused) = outcome else { return };
        let kept = refused.is_none();
        if self.refused.get_untracked() != refused {
            self.refused.set(refused);
        }
        if kept {
            self.edited(|e| e.changed(id));
        }
    }

    pub fn remove(&self, id: &str) {
        self.campaigns.update(|cs| cs.retain(|c| c.id != id));
        if self.selected.get_untracked().as_deref() == Some(id) {
            self.select_first();
        }
        self.edited(|e| e.deleted(id));
    }
}
