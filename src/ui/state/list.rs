//! The list form of a persisted store: records with ids (the shortlist's creators, the campaigns),
//! loaded once by `App`, saved after a pause in editing, merged by id with what another tab saved,
//! and never written over stored data this tab could not read.
//!
//! `ListStore<C>` holds that logic once; `ShortlistStore` and `CampaignsStore` add their own edits
//! (and deref to it for the shared signals and actions). Saving itself is `Persisted`'s job.

use std::collections::HashSet;

use std::collections::HashMap;

use leptos::prelude::*;
use serde::Serialize;

use crate::domain::io::workspace::Record;
use crate::storage::envelope::{Kind, Load};
use crate::storage::{self, aside, Keyed, ListSource, SaveError};
use crate::ui::app::clock::now_ms;
use crate::ui::state::merge::{merge, LocalEdits, Versioned};
use crate::ui::state::persisted::{
    flash_note, Mode, Persisted, Save, SaveWords, Saved, SAVE_DELAY,
};

/// What tells one list store from another: where it is kept and how it speaks.
#[derive(Debug)]
pub struct ListSpec {
    pub kind: &'static Kind,
    /// How a failed save is worded in the banner.
    pub save: SaveWords,
    /// Shown for a few seconds when another tab's changes were taken in.
    pub sync_note: &'static str,
    /// Ask the browser not to evict the site's storage once the list first holds something.
    pub ask_persistence: bool,
    /// How the banner of unreadable stored data names the list.
    pub names: ListNames,
}

/// A list's names in its stored-data banner ("Your saved {what} {was} not loaded", "Some saved
/// {items} could not be loaded"); `what` also makes the banner's ids unique on the page.
#[derive(Debug)]
pub struct ListNames {
    /// The list: "shortlist".
    pub what: &'static str,
    /// Its verb: "was", "were".
    pub was: &'static str,
    /// What it holds: "creators".
    pub items: &'static str,
}

/// A collection of stored records, as the list store keeps it in a signal.
pub trait Records: Send + Sync + 'static {
    type Item: Versioned + Record + Keyed + Serialize + Send + Sync + 'static;
    /// Where and how this list is stored.
    const SPEC: &'static ListSpec;

    fn from_items(items: Vec<Self::Item>) -> Self;
    fn items(&self) -> &[Self::Item];

    /// Appends item `i`'s stored JSON to `out` (a list may keep it between saves).
    fn write_json(&self, i: usize, out: &mut String) -> Result<(), String> {
        let item = self.items().get(i).ok_or("no such record")?;
        let json = serde_json::to_string(item).map_err(|e| e.to_string())?;
        out.push_str(&json);
        Ok(())
    }
}

/// Why stored data is not (fully) in use. Shown as a banner until resolved.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreProblem {
    /// The browser refuses storage: nothing will be kept after the page closes.
    Unavailable { message: String },
    /// Stored data exists but can't be used (unreadable, or written by a newer version). It is
    /// never overwritten until the user chooses "Start fresh".
    Blocked { message: String, raw: String },
    /// Loaded, but some records could not be; `raw` is the stored text as it was. It is kept
    /// aside (`storage::aside`) before any save; `not_kept` says why that failed, and saving then
    /// waits for the user's "Save without them".
    Dropped {
        message: String,
        records: Vec<String>,
        raw: String,
        not_kept: Option<String>,
    },
    /// Loaded in full, but copies of the stored list kept aside at earlier loads are still in
    /// this browser (or, `Err`, they are there and do not read).
    Kept {
        copies: Result<Vec<KeptSummary>, String>,
    },
}

/// One copy kept aside, as its banner names it.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptSummary {
    /// When it was kept, in milliseconds since 1970.
    pub kept_at: f64,
    /// What could not be read then.
    pub records: Vec<String>,
}

impl StoreProblem {
    /// The banner for one load outcome of `kind`.
    fn after<T>(kind: &Kind, load: &Load<Vec<T>>) -> Option<StoreProblem> {
        let message = load.message(kind).unwrap_or_default();
        match load {
            Load::Missing => None,
            Load::Unavailable { .. } => Some(StoreProblem::Unavailable { message }),
            Load::Corrupt { raw, .. } | Load::TooNew { raw, .. } => Some(StoreProblem::Blocked {
                message,
                raw: raw.clone(),
            }),
            Load::Loaded { dropped, .. } if dropped.is_empty() => None,
            // Read again only now: a clean load never copies the stored text.
            Load::Loaded { dropped, .. } => Some(StoreProblem::Dropped {
                message,
                records: dropped.iter().map(|d| d.to_string()).collect(),
                raw: storage::stored_text(kind).unwrap_or_default(),
                not_kept: None,
            }),
        }
    }

    /// Keeps the stored text of a `Dropped` load aside before anything may save the list without
    /// those records. Returns the mode saving may go on in: `Blocked` when no copy could be kept.
    fn keep_unread(kind: &Kind, problem: &mut Option<StoreProblem>, mode: Mode) -> Mode {
        let Some(StoreProblem::Dropped {
            records,
            raw,
            not_kept,
            ..
        }) = problem
        else {
            return mode;
        };
        // An empty text means the stored list could not be read a second time: nothing to keep.
        let kept = if raw.is_empty() {
            Err("the stored list could not be read again".to_string())
        } else {
            aside::keep_aside(kind, raw, records.clone(), now_ms()).map_err(|e| e.to_string())
        };
        match kept {
            Ok(()) => mode,
            Err(e) => {
                *not_kept = Some(e);
                Mode::Blocked
            }
        }
    }

    /// The banner for copies kept aside at earlier loads, when there are any.
    fn kept(kind: &Kind) -> Option<StoreProblem> {
        let copies = aside::kept_reports(kind).map(|reports| {
            reports
                .into_iter()
                .map(|(kept_at, records)| KeptSummary { kept_at, records })
                .collect::<Vec<_>>()
        });
        match copies {
            Ok(c) if c.is_empty() => None,
            copies => Some(StoreProblem::Kept { copies }),
        }
    }

    pub fn message(&self) -> &str {
        match self {
            StoreProblem::Unavailable { message }
            | StoreProblem::Blocked { message, .. }
            | StoreProblem::Dropped { message, .. } => message,
            StoreProblem::Kept { .. } => "",
        }
    }

    /// The stored text, when there is one to offer as a download.
    pub fn raw(&self) -> Option<&str> {
        match self {
            StoreProblem::Unavailable { .. } | StoreProblem::Kept { .. } => None,
            StoreProblem::Blocked { raw, .. } | StoreProblem::Dropped { raw, .. } => Some(raw),
        }
    }
}

/// The list as saved: read from the signal when the save happens, so scheduling a save never
/// copies the list (5,000 creators); with the merge book, whose edits say which records changed
/// since the stored list this tab last saw (a list in parts rewrites only their parts).
struct ListToSave<C: Records>(RwSignal<C>, StoredValue<MergeBook>);

impl<C: Records> Clone for ListToSave<C> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<C: Records> Copy for ListToSave<C> {}

/// One save's view of the list.
struct Source<'a, C: Records> {
    list: &'a C,
    edits: &'a LocalEdits,
}

impl<C: Records> ListSource for Source<'_, C> {
    fn count(&self) -> usize {
        self.list.items().len()
    }

    fn id(&self, i: usize) -> &str {
        self.list.items().get(i).map_or("", |c| c.id())
    }

    fn changed(&self, i: usize) -> bool {
        self.list
            .items()
            .get(i)
            .is_none_or(|c| self.edits.is_changed(c.id()))
    }

    fn write_json(&self, i: usize, out: &mut String) -> Result<(), String> {
        self.list.write_json(i, out)
    }
}

impl<C: Records> ListToSave<C> {
    fn with_source(
        &self,
        f: impl FnOnce(&Source<'_, C>) -> Result<String, SaveError>,
    ) -> Result<String, SaveError> {
        self.1
            .try_with_value(|b| {
                self.0.try_with_untracked(|list| {
                    f(&Source {
                        list,
                        edits: &b.edits,
                    })
                })
            })
            .flatten()
            .unwrap_or_else(|| {
                Err(SaveError::Encode(
                    "the list is no longer on the page".to_string(),
                ))
            })
    }
}

impl<C: Records> Save for ListToSave<C> {
    fn save(&self, kind: &Kind, last_seen: Option<&str>) -> Result<String, SaveError> {
        self.with_source(|source| storage::save_list(kind, source, last_seen))
    }

    fn overwrite(&self, kind: &Kind) -> Result<String, SaveError> {
        self.with_source(|source| storage::overwrite_list(kind, source))
    }
}

/// What a merge needs besides the two lists: lives in a `StoredValue` so reading it never re-renders.
struct MergeBook {
    /// Ids in the stored text this tab last saw: tells "removed in another tab" from "added here".
    base: HashSet<String>,
    edits: LocalEdits,
    asked_persistence: bool,
}

fn ids_of<T: Versioned>(items: &[T]) -> HashSet<String> {
    items.iter().map(|c| c.id().to_string()).collect()
}

/// Ids of records this tab holds in a later version than `stored` without having edited them since
/// its last save (the merge keeps this tab's copy of those too).
fn newer_here<T: Versioned>(local: &[T], stored: &[T], edits: &LocalEdits) -> Vec<String> {
    let stored_at: HashMap<&str, f64> = stored.iter().map(|c| (c.id(), c.updated_at())).collect();
    local
        .iter()
        .filter(|m| !edits.is_changed(m.id()))
        .filter(|m| stored_at.get(m.id()).is_some_and(|&t| m.updated_at() > t))
        .map(|m| m.id().to_string())
        .collect()
}

/// Handle to one stored list. Cheap to copy.
pub struct ListStore<C: Records> {
    /// The records (the list type may keep more, e.g. the shortlist's search keys).
    pub items: RwSignal<C>,
    /// Why stored records are not (all) in use (shown as a banner).
    pub problem: RwSignal<Option<StoreProblem>>,
    /// Why the last save failed; cleared by the next successful save.
    pub save_error: RwSignal<Option<String>>,
    /// A change arrived from another tab (a polite status message).
    pub sync_note: RwSignal<Option<String>>,
    /// Edits not yet in storage.
    pub unsaved: RwSignal<bool>,
    persisted: Persisted<ListToSave<C>>,
    book: StoredValue<MergeBook>,
}

impl<C: Records> Clone for ListStore<C> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<C: Records> Copy for ListStore<C> {}

impl<C: Records> ListStore<C> {
    /// Reads the stored list; see [`ListStore::listen`] for keeping it in step afterwards.
    pub fn read() -> (Load<Vec<C::Item>>, Option<String>) {
        storage::load_list::<C::Item>(C::SPEC.kind)
    }

    /// The store for one load outcome, without listeners. `raw` is the stored text that was read.
    pub fn from_load(load: Load<Vec<C::Item>>, raw: Option<String>) -> ListStore<C> {
        let spec = C::SPEC;
        let mut problem = StoreProblem::after(spec.kind, &load);
        let mode = StoreProblem::keep_unread(spec.kind, &mut problem, Mode::after(&load));
        if problem.is_none() {
            problem = StoreProblem::kept(spec.kind);
        }
        // What a save compares against: the text read (for a list in parts, its index), also
        // when it could not be read, so that nothing replaces it unseen.
        let (items, last_seen) = match load {
            Load::Missing | Load::Unavailable { .. } => (Vec::new(), None),
            Load::Corrupt { .. } | Load::TooNew { .. } => (Vec::new(), raw),
            Load::Loaded { value, .. } => (value, raw),
        };
        let persisted = Persisted::new(spec.kind, mode, last_seen, SAVE_DELAY, &spec.save);
        ListStore {
            book: StoredValue::new(MergeBook {
                base: ids_of(&items),
                edits: LocalEdits::default(),
                asked_persistence: false,
            }),
            items: RwSignal::new(C::from_items(items)),
            problem: RwSignal::new(problem),
            save_error: persisted.save_error,
            sync_note: RwSignal::new(None),
            unsaved: persisted.unsaved,
            persisted,
        }
    }

    /// Keeps the list in step with other tabs: another tab's write is taken in (merged with this
    /// tab's unsaved edits) unless this tab already saw that exact text, and `sync_note` says so
    /// for a few seconds; a save that met newer data re-reads and merges before it retries. Also
    /// saves pending edits when the page is hidden or closed, or the current reactive owner goes.
    /// `on_change` runs each time the list was replaced with what storage holds.
    pub fn listen(self, on_change: impl Fn() + Clone + Send + Sync + 'static) {
        let after_event = on_change.clone();
        self.persisted.listen(move || {
            if matches!(self.persisted.mode(), None | Some(Mode::Unavailable)) {
                return;
            }
            let (load, raw) = Self::read();
            if self.persisted.has_seen(raw.as_deref()) {
                return;
            }
            let needs_save = self.adopt(load, raw, &after_event);
            flash_note(self.sync_note, C::SPEC.sync_note);
            if needs_save {
                self.persisted.flush();
            }
        });
        self.persisted.on_conflict(move || {
            let (load, raw) = Self::read();
            if matches!(load, Load::Unavailable { .. }) {
                return false;
            }
            self.adopt(load, raw, &on_change);
            self.persisted.mode() == Some(Mode::Normal)
        });
        self.persisted.on_saved(move || self.saved());
    }

    /// Records an edit (`record` notes which ids changed) and schedules a save.
    pub fn edited(&self, record: impl FnOnce(&mut LocalEdits)) {
        self.book.update_value(|b| record(&mut b.edits));
        self.persisted.schedule(ListToSave(self.items, self.book));
    }

    /// Replaces the whole list (a restored workspace file), recording every id as changed and
    /// the ones that are gone as deleted, so another tab's write is still merged correctly.
    pub fn replace_all(&self, items: Vec<C::Item>) {
        let old = self.items.with_untracked(|l| ids_of(l.items()));
        let new_ids = ids_of(&items);
        self.items.set(C::from_items(items));
        self.edited(|e| {
            for id in old.iter().filter(|id| !new_ids.contains(*id)) {
                e.deleted(id);
            }
            for id in &new_ids {
                e.changed(id);
            }
        });
    }

    /// Saves pending edits now (the page is being hidden or closed, or a test wants it settled).
    pub fn flush(&self) {
        self.persisted.flush();
    }

    /// Whether saves are going to storage (false while storage is unusable or blocked).
    pub fn saving_enabled(&self) -> bool {
        self.persisted.mode() == Some(Mode::Normal)
    }

    /// "Start fresh", after the user confirmed: replaces the unreadable stored data with this
    /// tab's list (empty unless they added records since).
    pub fn start_fresh(&self) {
        if self.persisted.overwrite(&ListToSave(self.items, self.book)) == Saved::Written {
            self.problem.set(None);
        }
    }

    /// Hides the "some records could not be loaded" or "a copy is kept aside" banner (until the
    /// next load); not while saving waits for the user's choice.
    pub fn dismiss_problem(&self) {
        if matches!(
            self.problem.get_untracked(),
            Some(StoreProblem::Dropped { not_kept: None, .. } | StoreProblem::Kept { .. })
        ) {
            self.problem.set(None);
        }
    }

    /// "Save without them", after the user confirmed: no copy of the unread records could be
    /// kept aside, and the user chose to save the list as it is here anyway.
    pub fn save_without_unread(&self) {
        if let Some(StoreProblem::Dropped {
            not_kept: Some(_), ..
        }) = self.problem.get_untracked()
        {
            self.persisted.resume(ListToSave(self.items, self.book));
            self.problem.set(None);
        }
    }

    /// Removes the copies kept aside, after the user confirmed. `Err` says why it failed.
    pub fn remove_kept(&self) -> Result<(), String> {
        aside::remove_kept(C::SPEC.kind).map_err(|e| e.to_string())?;
        if matches!(
            self.problem.get_untracked(),
            Some(StoreProblem::Kept { .. })
        ) {
            self.problem.set(None);
        }
        Ok(())
    }

    /// The copies kept aside as one download text (the stored value as it is when it does not
    /// read).
    pub fn kept_download(&self) -> Option<String> {
        let kind = C::SPEC.kind;
        match aside::kept_copies(kind) {
            Ok(copies) if copies.is_empty() => None,
            Ok(copies) => aside::download_text(copies, kind).ok(),
            Err(_) => aside::kept_raw(kind),
        }
    }

    /// After a write: the stored list is this tab's, with no edits outstanding.
    fn saved(&self) {
        let Some(ids) = self.items.try_with_untracked(|l| ids_of(l.items())) else {
            return;
        };
        let nonempty = !ids.is_empty();
        let ask = self
            .book
            .try_update_value(|b| {
                b.base = ids;
                b.edits.clear();
                let ask = C::SPEC.ask_persistence && nonempty && !b.asked_persistence;
                b.asked_persistence |= ask;
                ask
            })
            .unwrap_or(false);
        if ask {
            // Once there is something worth keeping, ask the browser not to evict it.
            storage::request_persistence();
        }
    }

    /// Takes in what storage now holds. Returns true when local edits were merged in and must
    /// be saved.
    fn adopt(&self, load: Load<Vec<C::Item>>, raw: Option<String>, on_change: &dyn Fn()) -> bool {
        let mut problem = StoreProblem::after(C::SPEC.kind, &load);
        let mode = StoreProblem::keep_unread(C::SPEC.kind, &mut problem, Mode::Normal);
        let (stored, dropped) = match load {
            Load::Loaded { value, dropped, .. } => (value, !dropped.is_empty()),
            Load::Missing => (Vec::new(), false),
            Load::Unavailable { .. } => return false,
            Load::Corrupt { .. } | Load::TooNew { .. } => {
                // Another tab (perhaps a newer version) wrote something this one can't read:
                // keep ours in memory, never overwrite theirs.
                // This tab's edits stay pending (and shown as unsaved) until "Start fresh".
                let edits = self.book.try_with_value(|b| !b.edits.is_empty()) == Some(true);
                self.persisted.adopt(
                    raw,
                    Mode::Blocked,
                    edits.then_some(ListToSave(self.items, self.book)),
                );
                self.problem.set(problem);
                return false;
            }
        };
        let Some(has_edits) = self.book.try_with_value(|b| !b.edits.is_empty()) else {
            return false;
        };
        let was_blocked = self.persisted.mode() == Some(Mode::Blocked);
        let stored_ids = ids_of(&stored);
        let list = if has_edits {
            // The merge adds the other tab's records to the list: "every record listed" must
            // name this tab's own first.
            self.book.update_value(|b| {
                self.items
                    .with_untracked(|l| b.edits.list_ids(l.items().iter().map(|c| c.id())))
            });
            let (list, newer) = self.book.with_value(|b| {
                self.items.with_untracked(|l| {
                    let newer = newer_here(l.items(), &stored, &b.edits);
                    (merge(l.items(), stored, &b.base, &b.edits), newer)
                })
            });
            // The merge keeps them over the stored copies: the next save must write them.
            self.book.update_value(|b| b.edits.changed_all(newer));
            list
        } else {
            stored
        };
        self.items.set(C::from_items(list));
        self.persisted.adopt(
            raw,
            mode,
            has_edits.then_some(ListToSave(self.items, self.book)),
        );
        self.book.update_value(|b| b.base = stored_ids);
        on_change();
        if dropped {
            self.problem.set(problem);
        } else if was_blocked {
            self.problem.set(None);
        }
        has_edits
    }
}
