//! The shortlist store, provided as context by `App`: the list form of the persisted store
//! (`list`) over the domain's `Shortlist`, plus the shortlist's own edits and first-run notice.
//!
//! Rules it keeps (in `list` and `persisted`): stored data that could not be read is never
//! overwritten unless the user says so; a failed save keeps everything in memory; a tab never
//! overwrites newer data another tab saved (it merges first: see `merge`).

use std::ops::Deref;

use leptos::prelude::*;

use crate::domain::creator::record::{Creator, Status};
use crate::domain::creator::shortlist::{keep_creation_time, MergeSummary, Shortlist};
use crate::storage;
use crate::storage::envelope::{Load, SHORTLIST};
use crate::ui::app::clock::now_ms;
use crate::ui::state::list::{ListNames, ListSpec, ListStore, Records};
use crate::ui::state::merge::LocalEdits;
use crate::ui::state::persisted::SaveWords;

/// Set once the first-run notice about browser storage has been dismissed.
pub const FIRST_RUN_FLAG: &str = "shortlist-storage-notice";

static SPEC: ListSpec = ListSpec {
    kind: &SHORTLIST,
    save: SaveWords {
        subject: "Your latest changes",
        quota: "Everything is still here in this tab. Save the workspace to a file (or export it) to keep it, then remove creators you no longer need or free space in the browser.",
        other: "Everything is still here in this tab; export the shortlist to keep it.",
    },
    sync_note: "The shortlist was updated in another tab; this list now includes those changes.",
    ask_persistence: true,
    names: ListNames {
        what: "shortlist",
        was: "was",
        items: "creators",
    },
};

/// Saved as the list of creators, in parts (`storage::parts`); each creator's JSON is kept by the
/// list between saves (`Shortlist::encoded_one`), so a save encodes only the creators of the parts
/// it writes, and only those that changed since they were last encoded.
impl Records for Shortlist {
    type Item = Creator;
    const SPEC: &'static ListSpec = &SPEC;

    fn from_items(items: Vec<Creator>) -> Shortlist {
        Shortlist::new(items)
    }

    fn items(&self) -> &[Creator] {
        self.creators()
    }

    fn write_json(&self, i: usize, out: &mut String) -> Result<(), String> {
        match self.encoded_one(i) {
            Some(Ok(json)) => {
                out.push_str(json.get());
                Ok(())
            }
            Some(Err(e)) => Err(e.to_string()),
            None => Err("no such creator".to_string()),
        }
    }
}

/// Context handle to the shortlist. Cheap to copy; derefs to its [`ListStore`] for the banners'
/// signals (`problem`, `save_error`, `sync_note`, `unsaved`) and `flush`, `start_fresh` and the like.
#[derive(Clone, Copy)]
pub struct ShortlistStore {
    /// The creators, with search keys kept in step (domain type).
    pub list: RwSignal<Shortlist>,
    /// Show the one-time notice that browser storage can be cleared.
    pub first_run: RwSignal<bool>,
    store: ListStore<Shortlist>,
}

/// A change to the shortlist that its readers have not been told of yet (see
/// [`ShortlistStore::import_unshown`]): `show` tells them, and they redraw.
#[must_use = "the table shows the old list until the change is shown"]
pub struct Unshown(RwSignal<Shortlist>);

impl Unshown {
    /// Merges `creators` into `list` (see `Shortlist::merge_with`) without telling its readers.
    fn merge(
        list: RwSignal<Shortlist>,
        creators: Vec<Creator>,
        combine: impl Fn(&Creator, Creator) -> Creator,
    ) -> (MergeSummary, Unshown) {
        let summary = list
            .try_update_untracked(|l| l.merge_with(creators, combine))
            .unwrap_or_default();
        (summary, Unshown(list))
    }

    /// Tells whatever reads the list that it changed.
    pub fn show(self) {
        self.0.notify();
    }
}

impl Deref for ShortlistStore {
    type Target = ListStore<Shortlist>;
    fn deref(&self) -> &ListStore<Shortlist> {
        &self.store
    }
}

impl ShortlistStore {
    /// Loads the saved shortlist and starts listening to other tabs and to the page being hidden.
    pub fn load() -> ShortlistStore {
        let (load, raw) = ListStore::<Shortlist>::read();
        let state = ShortlistStore::from_load(load, raw);
        state.store.listen(|| {});
        state
    }

    /// The state for one load outcome, without listeners. `raw` is the stored text that was read.
    pub fn from_load(load: Load<Vec<Creator>>, raw: Option<String>) -> ShortlistStore {
        let first_run = matches!(load, Load::Missing) && !storage::flag(FIRST_RUN_FLAG);
        let store = ListStore::from_load(load, raw);
        ShortlistStore {
            list: store.items,
            first_run: RwSignal::new(first_run),
            store,
        }
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
        self.import_with(creators, keep_creation_time)
    }

    /// Adds imported creators; an id already listed becomes `combine(existing, incoming)`.
    pub fn import_with(
        &self,
        creators: Vec<Creator>,
        combine: impl Fn(&Creator, Creator) -> Creator,
    ) -> MergeSummary {
        let (summary, unshown) = self.import_unshown(creators, combine);
        unshown.show();
        summary
    }

    /// [`ShortlistStore::import_with`], but what reads the list (the table and its page one, the
    /// counts, the tag filter) redraws only when the returned [`Unshown`] is shown. The creators
    /// are in the list and their save is scheduled when this returns, so nothing waits on the
    /// redraw but the redraw itself: the import shows its report first, and draws the table's
    /// page one after that report has painted (issue 19).
    pub fn import_unshown(
        &self,
        creators: Vec<Creator>,
        combine: impl Fn(&Creator, Creator) -> Creator,
    ) -> (MergeSummary, Unshown) {
        // Into an empty list, every creator listed afterwards is an imported one: noted as such,
        // without copying 100,000 ids into the list of changes (issue 19).
        let ids: Option<Vec<String>> = (!self.list.with_untracked(|l| l.creators().is_empty()))
            .then(|| creators.iter().map(|c| c.id.clone()).collect());
        let (summary, unshown) = Unshown::merge(self.list, creators, combine);
        match ids {
            None => self.edited(LocalEdits::changed_all_listed),
            Some(ids) => self.edited(|e| e.changed_all(ids)),
        }
        (summary, unshown)
    }

    /// Hides the first-run notice for good.
    pub fn dismiss_first_run(&self) {
        storage::set_flag(FIRST_RUN_FLAG);
        self.first_run.set(false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn creator(id: &str) -> Creator {
        Creator {
            id: id.into(),
            name: format!("Creator {id}"),
            ..Creator::default()
        }
    }

    /// Guards issue 19's report-first import (`ShortlistStore::import_unshown`): the creators are
    /// in the list as soon as the merge returns (a save reads them from there), but what reads the
    /// list (the table's page one, its counts) is told only when the change is shown, a frame
    /// after the report.
    #[test]
    fn an_unshown_merge_is_listed_at_once_and_redrawn_when_shown() {
        let owner = Owner::new();
        owner.set();
        // (listed before, imported, added and updated, listed after)
        type Case<'a> = (&'a [&'a str], &'a [&'a str], (usize, usize), usize);
        let cases: [Case; 3] = [
            (&["a"], &["b", "c", "a"], (2, 1), 3),
            (&[], &["x"], (1, 0), 1),
            (&["a"], &[], (0, 0), 1),
        ];
        for (before, imported, (added, updated), after) in cases {
            let list = RwSignal::new(Shortlist::new(
                before.iter().map(|id| creator(id)).collect(),
            ));
            let len = Memo::new(move |_| list.with(|l| l.creators().len()));
            assert_eq!(len.get_untracked(), before.len());
            let incoming = imported.iter().map(|id| creator(id)).collect();
            let (summary, unshown) = Unshown::merge(list, incoming, keep_creation_time);
            assert_eq!(
                (summary.added, summary.updated),
                (added, updated),
                "{imported:?}"
            );
            assert_eq!(list.with_untracked(|l| l.creators().len()), after);
            for id in imported {
                assert!(list.with_untracked(|l| l.get(id).is_some()), "{id}");
            }
            assert_eq!(
                len.get_untracked(),
                before.len(),
                "readers see the old list until shown"
            );
            unshown.show();
            assert_eq!(len.get_untracked(), after, "{imported:?}");
        }
    }
}
