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
        // Into an empty list, every creator listed afterwards is an imported one: noted as such,
        // without copying 100,000 ids into the list of changes (issue 19).
        if self.list.with_untracked(|l| l.creators().is_empty()) {
            let summary = self
                .list
                .try_update(|l| l.merge_with(creators, combine))
                .unwrap_or_default();
            self.edited(LocalEdits::changed_all_listed);
            return summary;
        }
        let ids: Vec<String> = creators.iter().map(|c| c.id.clone()).collect();
        let summary = self
            .list
            .try_update(|l| l.merge_with(creators, combine))
            .unwrap_or_default();
        self.edited(|e| e.changed_all(ids));
        summary
    }

    /// Hides the first-run notice for good.
    pub fn dismiss_first_run(&self) {
        storage::set_flag(FIRST_RUN_FLAG);
        self.first_run.set(false);
    }
}
