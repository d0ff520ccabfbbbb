//! The campaigns' reactive state: loading through `storage`, debounced saves (`persisted`), other
//! tabs' changes merged by id and update time, and stored data that could not be read left
//! untouched until the user chooses "Start fresh".

use std::collections::HashSet;
use std::time::Duration;

use leptos::prelude::*;

use crate::domain::campaign::record::Campaign;
use crate::domain::creator::record::IdSource;
use crate::storage::envelope::Load;
pub use crate::storage::envelope::CAMPAIGNS;
use crate::storage::{self, SaveError};
use crate::ui::app::clock::now_ms;
use crate::ui::state::merge::{merge, LocalEdits};
use crate::ui::state::persisted::{Mode, Persisted, Saved, SAVE_DELAY as DELAY};
use crate::ui::state::shortlist::StoreProblem;

/// Edits within this time are saved together, so typing a name does not write on every key.
pub const SAVE_DELAY: Duration = DELAY;

/// Shown for a few seconds when another tab's changes were taken in.
const SYNC_NOTE: &str =
    "Campaigns were changed in another tab; this page now includes those changes.";

/// What a merge needs to know besides the two lists.
struct MergeBook {
    /// Campaign ids in the stored text this tab last saw: tells "removed in another tab" from
    /// "added here".
    base: HashSet<String>,
    edits: LocalEdits,
    ids: IdSource,
}

fn ids_of(campaigns: &[Campaign]) -> HashSet<String> {
    campaigns.iter().map(|c| c.id.clone()).collect()
}

/// A save failure in the words the banner uses.
fn describe(e: &SaveError) -> String {
    match e {
        SaveError::Quota(_) => format!(
            "Your latest campaign changes could not be saved: {e}. Everything is still here in this tab; download the brief or remove campaigns you no longer need, or free space in the browser."
        ),
        _ => format!(
            "Your latest campaign changes could not be saved: {e}. They stay in this tab until it closes."
        ),
    }
}

fn problem_for(load: &Load<Vec<Campaign>>, raw: Option<&str>) -> Option<StoreProblem> {
    let message = load.message(&CAMPAIGNS).unwrap_or_default();
    match load {
        Load::Missing => None,
        Load::Unavailable { .. } => Some(StoreProblem::Unavailable { message }),
        Load::Corrupt { raw, .. } | Load::TooNew { raw, .. } => Some(StoreProblem::Blocked {
            message,
            raw: raw.clone(),
        }),
        Load::Loaded { dropped, .. } if dropped.is_empty() => None,
        Load::Loaded { dropped, .. } => Some(StoreProblem::Dropped {
            message,
            records: dropped.iter().map(|d| d.to_string()).collect(),
            raw: raw.unwrap_or_default().to_string(),
        }),
    }
}

/// Context-free handle to the campaigns. Cheap to copy.
#[derive(Clone, Copy)]
pub struct CampaignStore {
    pub campaigns: RwSignal<Vec<Campaign>>,
    /// The campaign being edited.
    pub selected: RwSignal<Option<String>>,
    /// Why stored campaigns are not (all) in use (shown as a banner).
    pub problem: RwSignal<Option<StoreProblem>>,
    /// Why the last save failed; cleared by the next successful save.
    pub save_error: RwSignal<Option<String>>,
    /// A change arrived from another tab (a polite status message).
    pub sync_note: RwSignal<Option<String>>,
    persisted: Persisted<Vec<Campaign>>,
    book: StoredValue<MergeBook>,
}

impl CampaignStore {
    /// Loads the saved campaigns and starts listening to other tabs and to the page being hidden.
    pub fn load() -> CampaignStore {
        let (load, raw) = storage::load_list::<Campaign>(&CAMPAIGNS);
        let store = CampaignStore::from_load(load, raw);
        store.persisted.sync_list(
            move |load, raw| store.adopt(load, raw),
            store.sync_note,
            SYNC_NOTE,
        );
        store.persisted.on_saved(move || store.saved());
        store
    }

    /// The state for one load outcome, without listeners. `raw` is the stored text that was read.
    pub fn from_load(load: Load<Vec<Campaign>>, raw: Option<String>) -> CampaignStore {
        let problem = problem_for(&load, raw.as_deref());
        let mode = Mode::after(&load);
        let (campaigns, last_seen) = match load {
            Load::Missing | Load::Unavailable { .. } => (Vec::new(), None),
            Load::Corrupt { raw, .. } | Load::TooNew { raw, .. } => (Vec::new(), Some(raw)),
            Load::Loaded { value, .. } => (value, raw),
        };
        let selected = campaigns.first().map(|c| c.id.clone());
        let persisted = Persisted::new(&CAMPAIGNS, mode, last_seen, SAVE_DELAY, describe);
        CampaignStore {
            book: StoredValue::new(MergeBook {
                base: ids_of(&campaigns),
                edits: LocalEdits::default(),
                ids: IdSource::new(now_ms()),
            }),
            campaigns: RwSignal::new(campaigns),
            selected: RwSignal::new(selected),
            problem: RwSignal::new(problem),
            save_error: persisted.save_error,
            sync_note: RwSignal::new(None),
            persisted,
        }
    }

    /// Adds a campaign named `name` and selects it. Returns its id.
    pub fn create(&self, name: &str) -> String {
        let id = self
            .book
            .try_update_value(|b| b.ids.next_id())
            .unwrap_or_default();
        let campaign = Campaign::new(id.clone(), name, now_ms());
        self.campaigns.update(|cs| cs.push(campaign));
        self.selected.set(Some(id.clone()));
        self.edited(|e| e.changed(&id));
        id
    }

    /// Changes one campaign and schedules a save.
    pub fn edit(&self, id: &str, change: impl FnOnce(&mut Campaign)) {
        // Later than any stored copy this tab has seen, so a merge keeps this edit.
        let now = now_ms();
        self.campaigns.update(|cs| {
            if let Some(c) = cs.iter_mut().find(|c| c.id == id) {
                change(c);
                c.updated_at = now.max(c.updated_at + 1.0);
            }
        });
        self.edited(|e| e.changed(id));
    }

    pub fn remove(&self, id: &str) {
        self.campaigns.update(|cs| cs.retain(|c| c.id != id));
        if self.selected.get_untracked().as_deref() == Some(id) {
            let first = self
                .campaigns
                .with_untracked(|cs| cs.first().map(|c| c.id.clone()));
            self.selected.set(first);
        }
        self.edited(|e| e.deleted(id));
    }

    fn edited(&self, record: impl FnOnce(&mut LocalEdits)) {
        self.book.update_value(|b| record(&mut b.edits));
        if let Some(data) = self.campaigns.try_get_untracked() {
            self.persisted.schedule(data);
        }
    }

    /// Saves pending edits now (page hidden, or a test wants it settled).
    pub fn flush(&self) {
        self.persisted.flush();
    }

    /// After a write: what is stored is this tab's list, with no edits outstanding.
    fn saved(&self) {
        let Some(ids) = self.campaigns.try_with_untracked(|cs| ids_of(cs)) else {
            return;
        };
        self.book.try_update_value(|b| {
            b.edits.clear();
            b.base = ids;
        });
    }

    /// Whether saves are going to storage (false while storage is unusable or blocked).
    pub fn saving_enabled(&self) -> bool {
        self.persisted.mode() == Some(Mode::Normal)
    }

    /// Takes in what storage now holds. Returns true when local edits were merged in and must
    /// be saved.
    fn adopt(&self, load: Load<Vec<Campaign>>, raw: Option<String>) -> bool {
        let problem = problem_for(&load, raw.as_deref());
        let (stored, dropped) = match load {
            Load::Loaded { value, dropped, .. } => (value, !dropped.is_empty()),
            Load::Missing => (Vec::new(), false),
            Load::Unavailable { .. } => return false,
            Load::Corrupt { raw, .. } | Load::TooNew { raw, .. } => {
                // Another tab (perhaps a newer version) wrote something this one can't read:
                // keep ours in memory, never overwrite theirs.
                // This tab's edits stay pending (and shown as unsaved) until "Start fresh".
                let pending = self
                    .book
                    .with_value(|b| !b.edits.is_empty())
                    .then(|| self.campaigns.get_untracked());
                self.persisted.adopt(Some(raw), Mode::Blocked, pending);
                self.problem.set(problem);
                return false;
            }
        };
        let was_blocked = self.persisted.mode() == Some(Mode::Blocked);
        let stored_ids = ids_of(&stored);
        let has_edits = self.book.with_value(|b| !b.edits.is_empty());
        let list = if has_edits {
            self.book.with_value(|b| {
                self.campaigns
                    .with_untracked(|local| merge(local, stored, &b.base, &b.edits))
            })
        } else {
            stored
        };
        self.persisted
            .adopt(raw, Mode::Normal, has_edits.then(|| list.clone()));
        self.book.update_value(|b| b.base = stored_ids);
        // The selection follows the campaign while it exists.
        let selected = self.selected.get_untracked();
        if selected
            .as_ref()
            .is_some_and(|s| !list.iter().any(|c| &c.id == s))
            || selected.is_none()
        {
            self.selected.set(list.first().map(|c| c.id.clone()));
        }
        self.campaigns.set(list);
        if dropped {
            self.problem.set(problem);
        } else if was_blocked {
            self.problem.set(None);
        }
        has_edits
    }

    /// "Start fresh", after the user confirmed: replaces the unreadable stored data with this
    /// tab's campaigns (none unless they created some since).
    pub fn start_fresh(&self) {
        let data = self.campaigns.get_untracked();
        if self.persisted.overwrite(&data) == Saved::Written {
            self.problem.set(None);
        }
    }

    /// Hides the "some campaigns could not be loaded" banner.
    pub fn dismiss_problem(&self) {
        if matches!(
            self.problem.get_untracked(),
            Some(StoreProblem::Dropped { .. })
        ) {
            self.problem.set(None);
        }
    }
}
