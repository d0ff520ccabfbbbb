//! The shortlist's reactive state (kept apart from the persisted `Creator` type), provided as
//! context by `App`: loading through `storage`, debounced saves, and changes from other tabs.
//!
//! Rules it keeps: stored data that could not be read is never overwritten unless the user says so;
//! a failed save keeps everything in memory; a tab never overwrites newer data another tab saved
//! (it merges first: see `shortlist_merge`).

use std::collections::HashSet;
use std::time::Duration;

use leptos::prelude::*;

use crate::domain::creator::{Creator, MergeSummary, Shortlist, Status};
use crate::storage::envelope::{Load, SHORTLIST};
use crate::storage::{self, SaveError};
use crate::ui::shortlist_merge::{merge, LocalEdits};

/// Edits within this time are saved together: typing in a form doesn't write 5,000 creators per key.
pub const SAVE_DELAY: Duration = Duration::from_millis(300);
/// Set once the first-run notice about browser storage has been dismissed.
pub const FIRST_RUN_FLAG: &str = "shortlist-storage-notice";
/// A save that keeps meeting newer data gives up after this many merges (another tab saving in a loop).
const MAX_SAVE_ATTEMPTS: usize = 4;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Saves go to storage.
    Normal,
    /// Storage can't be used; saves are not attempted.
    Unavailable,
    /// Stored data must not be overwritten; saves wait for "Start fresh".
    Blocked,
}

/// Bookkeeping for saving, not shown: lives in a `StoredValue` so reading it never re-renders.
struct SaveBook {
    /// The stored text this tab last read or wrote; a save only replaces exactly this.
    last_seen: Option<String>,
    /// Ids in that stored text: tells "removed in another tab" from "added here".
    base: HashSet<String>,
    edits: LocalEdits,
    timer: Option<TimeoutHandle>,
    mode: Mode,
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
    book: StoredValue<SaveBook>,
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance().map(|p| p.time_origin() + p.now()))
        .unwrap_or(0.0)
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
        let mut mode = Mode::Normal;
        let mut first_run = false;
        let (creators, problem, last_seen) = match load {
            Load::Missing => {
                first_run = !storage::flag(FIRST_RUN_FLAG);
                (Vec::new(), None, None)
            }
            Load::Unavailable { .. } => {
                mode = Mode::Unavailable;
                (
                    Vec::new(),
                    Some(StoreProblem::Unavailable { message }),
                    None,
                )
            }
            Load::Corrupt { raw, .. } | Load::TooNew { raw, .. } => {
                mode = Mode::Blocked;
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
        ShortlistState {
            list: RwSignal::new(Shortlist::new(creators)),
            problem: RwSignal::new(problem),
            save_error: RwSignal::new(None),
            first_run: RwSignal::new(first_run),
            sync_note: RwSignal::new(None),
            unsaved: RwSignal::new(false),
            book: StoredValue::new(SaveBook {
                last_seen,
                base,
                edits: LocalEdits::default(),
                timer: None,
                mode,
                asked_persistence: false,
            }),
        }
    }

    /// Listens to other tabs (storage events) and flushes pending saves when the page is hidden
    /// or closed. The listeners go when the current reactive owner is cleaned up.
    fn listen(self) {
        let storage = window_event_listener(leptos::ev::storage, move |ev| {
            if storage::event_is_for(&ev, &SHORTLIST) {
                self.other_tab_saved();
            }
        });
        // visibilitychange is fired at the document and bubbles to the window.
        let hidden = window_event_listener_untyped("visibilitychange", move |_| {
            let hidden = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
            if hidden {
                self.flush();
            }
        });
        let pagehide = window_event_listener_untyped("pagehide", move |_| self.flush());
        on_cleanup(move || {
            storage.remove();
            hidden.remove();
            pagehide.remove();
            if let Some(Some(timer)) = self.book.try_update_value(|b| b.timer.take()) {
                timer.clear();
            }
        });
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
        self.edited(|e| {
            for id in &ids {
                e.changed(id);
            }
        });
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
        self.unsaved.set(true);
        self.schedule_save();
    }

    /// Saves after [`SAVE_DELAY`] without further edits.
    fn schedule_save(&self) {
        let this = *self;
        let timer = set_timeout_with_handle(move || this.flush(), SAVE_DELAY).ok();
        let old = self
            .book
            .try_update_value(|b| std::mem::replace(&mut b.timer, timer))
            .flatten();
        if let Some(old) = old {
            old.clear();
        }
    }

    /// Saves pending edits now (the page is being hidden or closed, or a test wants it settled).
    pub fn flush(&self) {
        let pending = self.book.try_update_value(|b| {
            if let Some(t) = b.timer.take() {
                t.clear();
            }
            !b.edits.is_empty()
        });
        if pending == Some(true) {
            self.save_now();
        }
    }

    fn save_now(&self) {
        if self.book.try_with_value(|b| b.mode) != Some(Mode::Normal) {
            return;
        }
        for _ in 0..MAX_SAVE_ATTEMPTS {
            let Some(last_seen) = self.book.try_with_value(|b| b.last_seen.clone()) else {
                return;
            };
            let Some(result) = self.list.try_with_untracked(|l| {
                storage::save(&SHORTLIST, l.creators(), last_seen.as_deref())
            }) else {
                return;
            };
            match result {
                Ok(text) => {
                    self.saved(text);
                    return;
                }
                Err(SaveError::Conflict { .. }) => {
                    // Another tab saved since we last looked: take its data in, then try again.
                    if !self.reread() {
                        return;
                    }
                }
                Err(e) => {
                    self.save_error.set(Some(save_error_message(&e)));
                    return;
                }
            }
        }
        self.save_error.set(Some(
            "Another tab keeps saving changes at the same time, so this tab's changes are not saved yet. They are still here; they will be saved with your next change.".to_string(),
        ));
    }

    fn saved(&self, text: String) {
        let ids = self.list.with_untracked(|l| ids_of(l.creators()));
        let nonempty = !ids.is_empty();
        let ask = self
            .book
            .try_update_value(|b| {
                b.last_seen = Some(text);
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
        self.unsaved.set(false);
        if self.save_error.get_untracked().is_some() {
            self.save_error.set(None);
        }
    }

    /// Another tab wrote the shortlist: adopt its data, merging this tab's unsaved edits.
    fn other_tab_saved(&self) {
        let mode = self.book.try_with_value(|b| b.mode);
        if mode.is_none() || mode == Some(Mode::Unavailable) {
            return;
        }
        let (load, raw) = storage::load_list::<Creator>(&SHORTLIST);
        if self.book.try_with_value(|b| b.last_seen == raw) != Some(false) {
            return;
        }
        let needs_save = self.adopt(load, raw);
        self.sync_note.set(Some(SYNC_NOTE.to_string()));
        let note = self.sync_note;
        set_timeout(
            move || {
                if note.try_with_untracked(|n| n.as_deref() == Some(SYNC_NOTE)) == Some(true) {
                    let _ = note.try_set(None);
                }
            },
            Duration::from_secs(8),
        );
        if needs_save {
            self.save_now();
        }
    }

    /// Re-reads storage after a conflict. Returns false when saving must stop.
    fn reread(&self) -> bool {
        let (load, raw) = storage::load_list::<Creator>(&SHORTLIST);
        if matches!(load, Load::Unavailable { .. }) {
            return false;
        }
        self.adopt(load, raw);
        self.book.try_with_value(|b| b.mode) == Some(Mode::Normal)
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
                self.book.update_value(|b| {
                    b.mode = Mode::Blocked;
                    b.last_seen = Some(raw.clone());
                });
                self.problem
                    .set(Some(StoreProblem::Blocked { message, raw }));
                return false;
            }
        };
        let stored_ids = ids_of(&stored);
        let Some((has_edits, was_blocked)) = self
            .book
            .try_with_value(|b| (!b.edits.is_empty(), b.mode == Mode::Blocked))
        else {
            return false;
        };
        if has_edits {
            let merged = self.book.with_value(|b| {
                self.list
                    .with_untracked(|l| merge(l.creators(), stored, &b.base, &b.edits))
            });
            self.list.set(Shortlist::new(merged));
        } else {
            self.list.set(Shortlist::new(stored));
        }
        self.book.update_value(|b| {
            b.last_seen = raw.clone();
            b.base = stored_ids;
            b.mode = Mode::Normal;
        });
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
        let result = self
            .list
            .with_untracked(|l| storage::overwrite(&SHORTLIST, l.creators()));
        match result {
            Ok(text) => {
                self.book.update_value(|b| b.mode = Mode::Normal);
                self.problem.set(None);
                self.saved(text);
            }
            Err(e) => self.save_error.set(Some(save_error_message(&e))),
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
        self.book.try_with_value(|b| b.mode) == Some(Mode::Normal)
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
