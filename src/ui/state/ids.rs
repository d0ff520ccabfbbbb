//! The page's one source of new record ids, shared by every store and panel that makes records
//! (creators from the check panel and the shortlist, campaigns): one counter for the page, so two
//! records made in the same millisecond never share an id, whichever part of the page made them.

use std::cell::RefCell;

use crate::domain::creator::record::IdSource;
use crate::ui::app::clock::now_ms;

thread_local! {
    /// Seeded with the time of the first id asked for.
    static IDS: RefCell<Option<IdSource>> = const { RefCell::new(None) };
}

/// A new id, unique on this page ("c" + the page's base-36 time stamp + a counter).
pub fn next_id() -> String {
    IDS.with(|ids| {
        ids.borrow_mut()
            .get_or_insert_with(|| IdSource::new(now_ms()))
            .next_id()
    })
}
