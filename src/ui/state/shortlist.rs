//! The shortlist's reactive state (kept apart from the persisted `Creator` type), provided as
//! context by `App`: loading through `storage`, debounced saves, and changes from other tabs.
//!
//! Rules it keeps: stored data that could not be read is never overwritten unless the user says so;
//! a failed save keeps everything in memory; a tab never overwrites newer data another tab saved
//! (it merges first: see `shortlist_merge`).

use std::collections::HashSet;
use std::time::Duration;

use leptos::prelude::*;
use serde::ser::Error as _;
use serde::{Serialize, Serializer};

use crate::domain::creator::record::{Creator, MergeSummary, Shortlist, Status};
use crate::storage::envelope::{Load, SHORTLIST};
use crate::storage::{self, SaveError};
use crate::ui::app::clock::now_ms;
use crate::ui::state::merge::{merge, LocalEdits};
use crate::ui::state::persisted::{self, Mode, Persisted, Saved};

/// Edits within this time are saved together: typing in a form doesn't write 5,000 creators per key.
pub const SAVE_DELAY: Duration = persisted::SAVE_DELAY;
/// Set once the first-run notice about browser storage has been dismissed.
pub const FIRST_RUN_FLAG: &str = "shortlist-storage-notice";

/// Shown for a few seconds when another tab's changes were taken in.
const SYNC_NOTE: &str =
    "The shortlist was updated in another tab; this list now includes those changes.";

/// Why the stored shortlist is not (fully) in use. Shown as a banner until resolved.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreProblem {
    /// The browser refuses storage: nothing will be kept after the page closes.
    Unavailable { message: String },
    /// Stored data exists but can't be used (unreadable, or written by a newer version). It is
    /// never overwritten until the user chooses "Start fresh".
    Blocked { message: String, raw: String },
    /// Loaded, but some records could not be; `raw` is the stored text as it was.
    Dropped {
        message: String,
        records: Vec<String>,
        raw: String,
    },
}

impl StoreProblem {
    pub fn message(&self) -> &str {
        match self {
            StoreProblem::Unavailable { message }
            | StoreProblem::Blocked { message, .. }
            | StoreProblem::Dropped { message, .. } => message,
        }
    }

    /// The stored text, when there is one to offer as a download.
    pub fn raw(&self) -> Option<&str> {
        match self {
            StoreProblem::Unavailable { .. } => None,
            StoreProblem::Blocked { raw, .. } | StoreProblem::Dropped { raw, .. } => Some(raw),
        }
    }
}

/// The shortlist as saved: read from the signal when the save happens, so scheduling a save
/// never copies 5,000 creators; each creator's JSON is kept by the list between saves
/// (`Shortlist::encoded`), so a save re-encodes only the creators that changed.
#[derive(Clone, Copy)]
struct ListToSave(RwSignal<Shortlist>);

impl Serialize for ListToSave {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0
            .try_with_untracked(|l| match l.encoded() {
                Ok(items) => items.serialize(serializer),
                Err(e) => Err(S::Error::custom(e)),
            })
            .unwrap_or_else(|| Err(S::Error::custom("the shortlist is no longer on the page")))
    }
}

/// What a merge needs besides the two lists: lives in a `StoredValue` so reading it never re-renders.
struct MergeBook {
    /// Ids in the stored text this tab last saw: tells "removed in another tab" from "added here".
    base: HashSet<String>,
    edits: LocalEdits,
    asked_persistence: bool,
}

/// Context handle to the shortlist. Cheap to copy.
#[derive(Clone, Copy)]
pub struct ShortlistState {
    /// The creators, with search keys kept in step (domain type).
    pub list: RwSignal<Shortlist>,
    /// A banner about the stored data, if any.
    pub problem: RwSignal<Option<StoreProblem>>,
    /// Why the last save failed; cleared by the next successful save.
    pub save_error: RwSignal<Option<String>>,
    /// Show the one-time notice that browser storage can be cleared.
    pub first_run: RwSignal<bool>,
    /// A change arrived from another tab (for a polite status message).
    pub sync_note: RwSignal<Option<String>>,
    /// Edits not yet in storage.
    pub unsaved: RwSignal<bool>,
    persisted: Persisted<ListToSave>,
    book: StoredValue<MergeBook>,
}

fn ids_of(creators: &[Creator]) -> HashSet<String> {
    creators.iter().map(|c| c.id.clone()).collect()
}

impl ShortlistState {
    /// Loads the saved shortlist and starts listening to other tabs and to the page being hidden.
    pub fn load() -> ShortlistState {
        let (load, raw) = storage::load_list::<Creator>(&SHORTLIST);
        let state = ShortlistState::from_load(load, raw);
        state.listen();
        state
    }

    /// The state for one load outcome, without listeners. `raw` is the stored text that was read.
    pub fn from_load(load: Load<Vec<Creator>>, raw: Option<String>) -> ShortlistState {
        let message = load.message(&SHORTLIST).unwrap_or_default();
        let mode = Mode::after(&load);
        let mut first_run = false;
        let (creators, problem, last_seen) = match load {
            Load::Missing => {
                first_run = !storage::flag(FIRST_RUN_FLAG);
                (Vec::new(), None, None)
            }
            Load::Unavailable { .. } => (
                Vec::new(),
                Some(StoreProblem::Unavailable { message }),
                None,
            ),
            Load::Corrupt { raw, .. } | Load::TooNew { raw, .. } => {
                let problem = StoreProblem::Blocked {
                    message,
                    raw: raw.clone(),
                };
                (Vec::new(), Some(problem), Some(raw))
            }
            Load::Loaded { value, dropped, .. } => {
                let problem = (!dropped.is_empty()).then(|| StoreProblem::Dropped {
                    message,
                    records: dropped.iter().map(|d| d.to_string()).collect(),
                    raw: raw.clone().unwrap_or_default(),
                });
                (value, problem, raw)
            }
        };
        let base = ids_of(&creators);
        let persisted = Persisted::new(&SHORTLIST, mode, last_seen, SAVE_DELAY, save_error_message);
        ShortlistState {
            list: RwSignal::new(Shortlist::new(creators)),
            problem: RwSignal::new(problem),
            save_error: persisted.save_error,
            first_run: RwSignal::new(first_run),
            sync_note: RwSignal::new(None),
            unsaved: persisted.unsaved,
            persisted,
            book: StoredValue::new(MergeBook {
                base,
                edits: LocalEdits::default(),
                asked_persistence: false,
            }),
        }
    }

    /// Listens to other tabs (storage events) and flushes pending saves when the page is hidden
    /// or closed; merges before retrying a save that met newer data. The listeners go when the
    /// current reactive owner is cleaned up.
    fn listen(self) {
        self.persisted.sync_list(
            move |load, raw| self.adopt(load, raw),
            self.sync_note,
            SYNC_NOTE,
        );
        self.persisted.on_saved(move || self.saved());
    }

    /// Adds a creator (from the check panel), or replaces the one with the same id. Returns its id.
    pub fn add(&self, creator: Creator) -> String {
        let id = creator.id.clone();
        self.put(creator);
        id
    }

    /// Adds or replaces a creator (the editor stamps `updated_at`).
    pub fn put(&self, creator: Creator) {
        let id = creator.id.clone();
        self.list.update(|l| {
            l.upsert(creator);
        });
        self.edited(|e| e.changed(&id));
    }

    /// Sets one creator's status, stamping the change time.
    pub fn set_status(&self, id: &str, status: Status) {
        let Some(mut c) = self.list.with_untracked(|l| l.get(id).cloned()) else {
            return;
        };
        if c.status == status {
            return;
        }
        c.status = status;
        c.updated_at = now_ms().max(c.updated_at);
        self.put(c);
    }

    /// Removes a creator; returns it so the user can undo.
    pub fn remove(&self, id: &str) -> Option<Creator> {
        let removed = self.list.try_update(|l| l.remove(id)).flatten()?;
        self.edited(|e| e.deleted(id));
        Some(removed)
    }

    /// Adds imported creators; an id already listed is updated.
    pub fn import(&self, creators: Vec<Creator>) -> MergeSummary {
        let ids: Vec<String> = creators.iter().map(|c| c.id.clone()).collect();
        let summary = self
            .list
            .try_update(|l| l.merge(creators))
            .unwrap_or_default();
        self.edited(|e| e.changed_all(ids));
        summary
    }

    /// Replaces the whole shortlist (a workspace file the user chose to restore).
    pub fn replace_all(&self, creators: Vec<Creator>) {
        let old: Vec<String> = self
            .list
            .with_untracked(|l| l.creators().iter().map(|c| c.id.clone()).collect());
        let new_ids = ids_of(&creators);
        self.list.set(Shortlist::new(creators));
        self.edited(|e| {
            for id in old.iter().filter(|id| !new_ids.contains(*id)) {
                e.deleted(id);
            }
            for id in &new_ids {
                e.changed(id);
            }
        });
    }

    fn edited(&self, record: impl FnOnce(&mut LocalEdits)) {
        self.book.update_value(|b| record(&mut b.edits));
        self.persisted.schedule(ListToSave(self.list));
    }

    /// Saves pending edits now (the page is being hidden or closed, or a test wants it settled).
    pub fn flush(&self) {
        self.persisted.flush();
    }

    /// After a write: the stored list is this tab's, with no edits outstanding.
    fn saved(&self) {
        let Some(ids) = self.list.try_with_untracked(|l| ids_of(l.creators())) else {
            return;
        };
        let nonempty = !ids.is_empty();
        let ask = self
            .book
            .try_update_value(|b| {
                b.base = ids;
                b.edits.clear();
                let ask = nonempty && !b.asked_persistence;
                b.asked_persistence |= ask;
                ask
            })
            .unwrap_or(false);
        if ask {
            // Once there is something worth keeping, ask the browser not to evict it.
            storage::request_persistence();
        }
    }

    /// Takes in what storage now holds. Returns true when local edits were merged in and must be saved.
    fn adopt(&self, load: Load<Vec<Creator>>, raw: Option<String>) -> bool {
        let message = load.message(&SHORTLIST).unwrap_or_default();
        let (stored, dropped) = match load {
            Load::Loaded { value, dropped, .. } => (value, dropped),
            Load::Missing => (Vec::new(), Vec::new()),
            Load::Unavailable { .. } => return false,
            Load::Corrupt { raw, .. } | Load::TooNew { raw, .. } => {
                // Another tab (perhaps a newer version) wrote something this one can't read:
                // keep ours in memory, never overwrite theirs.
                // This tab's edits stay pending (and shown as unsaved) until "Start fresh".
                let edits = self.book.try_with_value(|b| !b.edits.is_empty()) == Some(true);
                self.persisted.adopt(
                    Some(raw.clone()),
                    Mode::Blocked,
                    edits.then_some(ListToSave(self.list)),
                );
                self.problem
                    .set(Some(StoreProblem::Blocked { message, raw }));
                return false;
            }
        };
        let stored_ids = ids_of(&stored);
        let Some(has_edits) = self.book.try_with_value(|b| !b.edits.is_empty()) else {
            return false;
        };
        let was_blocked = self.persisted.mode() == Some(Mode::Blocked);
        if has_edits {
            let merged = self.book.with_value(|b| {
                self.list
                    .with_untracked(|l| merge(l.creators(), stored, &b.base, &b.edits))
            });
            self.list.set(Shortlist::new(merged));
        } else {
            self.list.set(Shortlist::new(stored));
        }
        self.persisted.adopt(
            raw.clone(),
            Mode::Normal,
            has_edits.then_some(ListToSave(self.list)),
        );
        self.book.update_value(|b| b.base = stored_ids);
        if !dropped.is_empty() {
            self.problem.set(Some(StoreProblem::Dropped {
                message,
                records: dropped.iter().map(|d| d.to_string()).collect(),
                raw: raw.unwrap_or_default(),
            }));
        } else if was_blocked {
            self.problem.set(None);
        }
        has_edits
    }

    /// "Start fresh", after the user confirmed: replaces the unreadable stored data with this
    /// tab's list (empty unless they added creators since).
    pub fn start_fresh(&self) {
        if self.persisted.overwrite(&ListToSave(self.list)) == Saved::Written {
            self.problem.set(None);
        }
    }

    /// Hides the "some records could not be loaded" banner.
    pub fn dismiss_problem(&self) {
        if matches!(
            self.problem.get_untracked(),
            Some(StoreProblem::Dropped { .. })
        ) {
            self.problem.set(None);
        }
    }

    /// Hides the first-run notice for good.
    pub fn dismiss_first_run(&self) {
        storage::set_flag(FIRST_RUN_FLAG);
        self.first_run.set(false);
    }

    /// Whether saves are going to storage (false while storage is unusable or blocked).
    pub fn saving_enabled(&self) -> bool {
        self.persisted.mode() == Some(Mode::Normal)
    }
}

/// A save failure in the words the banner uses.
fn save_error_message(e: &SaveError) -> String {
    match e {
        SaveError::Quota(_) => format!(
            "Your latest changes could not be saved: {e}. Everything is still here in this tab. Export the shortlist to keep it, then remove creators you no longer need or free space in the browser."
        ),
        _ => format!(
            "Your latest changes could not be saved: {e}. Everything is still here in this tab; export the shortlist to keep it."
        ),
    }
}
