//! Merging this tab's unsaved edits of a stored list (shortlist, campaigns) with newer data another
//! tab saved, so neither tab's work is lost. Pure: the state modules call it when storage changed
//! under them.

use std::collections::{HashMap, HashSet};

use crate::domain::campaign::record::Campaign;
use crate::domain::creator::record::Creator;

/// A stored record the merge can match by id and order by its last change.
pub trait Versioned: Clone {
    fn id(&self) -> &str;
    /// Milliseconds since 1970 of the last change.
    fn updated_at(&self) -> f64;
}

impl Versioned for Creator {
    fn id(&self) -> &str {
        &self.id
    }
    fn updated_at(&self) -> f64 {
        self.updated_at
    }
}

impl Versioned for Campaign {
    fn id(&self) -> &str {
        &self.id
    }
    fn updated_at(&self) -> f64 {
        self.updated_at
    }
}

/// What this tab changed since it last saved or adopted the stored shortlist.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LocalEdits {
    /// Ids added or edited here.
    pub changed: HashSet<String>,
    /// Ids removed here.
    pub deleted: HashSet<String>,
    /// Every record in this tab's list counts as changed, besides `changed`: set by an import
    /// into an empty list, whose 100,000 ids were otherwise copied into `changed` one by one
    /// (issue 19). [`LocalEdits::list_ids`] turns it into ids before the list takes in records
    /// it did not hold.
    pub all_listed: bool,
}

impl LocalEdits {
    pub fn is_empty(&self) -> bool {
        !self.all_listed && self.changed.is_empty() && self.deleted.is_empty()
    }

    /// Whether the record with this id, one of this tab's list, was added or edited here.
    pub fn is_changed(&self, id: &str) -> bool {
        self.all_listed || self.changed.contains(id)
    }

    /// Every record now in the list was added or edited here (see `all_listed`).
    pub fn changed_all_listed(&mut self) {
        self.all_listed = true;
    }

    /// Replaces `all_listed` by the ids of the list it stood for (`ids`, this tab's list as it
    /// is), so that records the list takes in later do not count as changed.
    pub fn list_ids<'a>(&mut self, ids: impl Iterator<Item = &'a str>) {
        if !std::mem::take(&mut self.all_listed) {
            return;
        }
        for id in ids {
            self.deleted.remove(id);
            self.changed.insert(id.to_string());
        }
    }

    pub fn changed(&mut self, id: &str) {
        self.deleted.remove(id);
        self.changed.insert(id.to_string());
    }

    /// Many ids at once (an import of 100,000): takes the ids instead of copying each.
    pub fn changed_all(&mut self, ids: Vec<String>) {
        self.changed.reserve(ids.len());
        for id in ids {
            self.deleted.remove(&id);
            self.changed.insert(id);
        }
    }

    pub fn deleted(&mut self, id: &str) {
        self.changed.remove(id);
        self.deleted.insert(id.to_string());
    }

    pub fn clear(&mut self) {
        self.changed.clear();
        self.deleted.clear();
        self.all_listed = false;
    }
}

/// This tab's list merged with the stored one.
///
/// - A creator in both: the copy with the later `updated_at` wins (this tab's on a tie when it
///   edited it, since the user is looking at it).
/// - Removed here: stays removed, even if the other tab still has it.
/// - Only in the stored list: kept, unless removed here.
/// - Only here: kept when added or edited here; dropped when it was in `base` (the stored list
///   this tab last saw) and untouched here, because then the other tab removed it.
///
/// Order: this tab's order, then creators new from the other tab in their order.
pub fn merge<T: Versioned>(
    local: &[T],
    stored: Vec<T>,
    base: &HashSet<String>,
    edits: &LocalEdits,
) -> Vec<T> {
    let mut stored_by_id: HashMap<String, T> = HashMap::with_capacity(stored.len());
    let mut stored_order: Vec<String> = Vec::with_capacity(stored.len());
    for c in stored {
        let id = c.id().to_string();
        if !stored_by_id.contains_key(&id) {
            stored_order.push(id.clone());
        }
        stored_by_id.insert(id, c);
    }
    let mut out = Vec::with_capacity(local.len().max(stored_order.len()));
    for mine in local {
        match stored_by_id.remove(mine.id()) {
            Some(theirs) => {
                let mine_wins = mine.updated_at() > theirs.updated_at()
                    || (mine.updated_at() == theirs.updated_at() && edits.is_changed(mine.id()));
                out.push(if mine_wins { mine.clone() } else { theirs });
            }
            None => {
                let removed_elsewhere = base.contains(mine.id()) && !edits.is_changed(mine.id());
                if !removed_elsewhere {
                    out.push(mine.clone());
                }
            }
        }
    }
    for id in stored_order {
        if edits.deleted.contains(&id) {
            continue;
        }
        if let Some(theirs) = stored_by_id.remove(&id) {
            out.push(theirs);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(id: &str, name: &str, updated: f64) -> Creator {
        let mut c = Creator::new(id.to_string(), name, 1.0);
        c.updated_at = updated;
        c
    }

    fn set(ids: &[&str]) -> HashSet<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    fn edits(changed: &[&str], deleted: &[&str]) -> LocalEdits {
        LocalEdits {
            changed: set(changed),
            deleted: set(deleted),
            all_listed: false,
        }
    }

    fn names(list: &[Creator]) -> Vec<&str> {
        list.iter().map(|c| c.name.as_str()).collect()
    }

    #[test]
    fn merge_rules() {
        struct Case {
            what: &'static str,
            local: Vec<Creator>,
            stored: Vec<Creator>,
            base: &'static [&'static str],
            edits: LocalEdits,
            want: &'static [&'static str],
        }
        let cases = [
            Case {
                what: "newer stored edit wins over an older local copy",
                local: vec![c("a", "Ann old", 1.0)],
                stored: vec![c("a", "Ann new", 2.0)],
                base: &["a"],
                edits: edits(&[], &[]),
                want: &["Ann new"],
            },
            Case {
                what: "newer local edit wins",
                local: vec![c("a", "Ann mine", 3.0)],
                stored: vec![c("a", "Ann theirs", 2.0)],
                base: &["a"],
                edits: edits(&["a"], &[]),
                want: &["Ann mine"],
            },
            Case {
                what: "a tie goes to the copy edited here",
                local: vec![c("a", "Ann mine", 2.0)],
                stored: vec![c("a", "Ann theirs", 2.0)],
                base: &["a"],
                edits: edits(&["a"], &[]),
                want: &["Ann mine"],
            },
            Case {
                what: "local deletion is honoured even though the other tab still has it",
                local: vec![c("b", "Bo", 1.0)],
                stored: vec![c("a", "Ann", 5.0), c("b", "Bo", 1.0)],
                base: &["a", "b"],
                edits: edits(&[], &["a"]),
                want: &["Bo"],
            },
            Case {
                what: "local addition and remote addition are both kept",
                local: vec![c("a", "Ann", 1.0), c("n", "New here", 4.0)],
                stored: vec![c("a", "Ann", 1.0), c("r", "New there", 4.0)],
                base: &["a"],
                edits: edits(&["n"], &[]),
                want: &["Ann", "New here", "New there"],
            },
            Case {
                what: "removed in the other tab and untouched here: removed",
                local: vec![c("a", "Ann", 1.0), c("b", "Bo", 1.0)],
                stored: vec![c("a", "Ann", 1.0)],
                base: &["a", "b"],
                edits: edits(&[], &[]),
                want: &["Ann"],
            },
            Case {
                what: "removed in the other tab but edited here: the edit is kept",
                local: vec![c("a", "Ann", 1.0), c("b", "Bo edited", 3.0)],
                stored: vec![c("a", "Ann", 1.0)],
                base: &["a", "b"],
                edits: edits(&["b"], &[]),
                want: &["Ann", "Bo edited"],
            },
            Case {
                what: "other tab cleared everything; local additions survive",
                local: vec![c("a", "Ann", 1.0), c("n", "Nia", 2.0)],
                stored: vec![],
                base: &["a"],
                edits: edits(&["n"], &[]),
                want: &["Nia"],
            },
        ];
        for case in cases {
            let base: HashSet<String> = set(case.base);
            let got = merge(&case.local, case.stored, &base, &case.edits);
            assert_eq!(names(&got), case.want, "{}", case.what);
        }
    }

    #[test]
    fn campaigns_merge_by_the_same_rules() {
        // (what, local name and time, stored name and time, edited here, kept name)
        let cases = [
            (
                "an older copy in storage never wins",
                ("Mine, renamed", 9.0),
                ("Mine, older", 5.0),
                true,
                "Mine, renamed",
            ),
            (
                "a newer copy from the other tab wins",
                ("Mine", 5.0),
                ("Renamed there", 9.0),
                false,
                "Renamed there",
            ),
        ];
        for (what, (local, lt), (stored, st), edited, want) in cases {
            let mut mine = Campaign::new("k1".into(), local, 1.0);
            mine.updated_at = lt;
            let mut theirs = Campaign::new("k1".into(), stored, 1.0);
            theirs.updated_at = st;
            let mut other = Campaign::new("k2".into(), "Theirs", 1.0);
            other.updated_at = 3.0;
            let e = if edited {
                edits(&["k1"], &[])
            } else {
                edits(&[], &[])
            };
            let got = merge(&[mine], vec![theirs, other], &set(&["k1"]), &e);
            let names: Vec<&str> = got.iter().map(|c| c.name.as_str()).collect();
            assert_eq!(names, vec![want, "Theirs"], "{what}");
        }
    }

    #[test]
    fn duplicate_ids_in_stored_keep_one() {
        let got = merge(
            &[],
            vec![c("a", "Ann 1", 1.0), c("a", "Ann 2", 2.0)],
            &HashSet::new(),
            &LocalEdits::default(),
        );
        assert_eq!(names(&got), vec!["Ann 2"]);
    }

    #[test]
    fn edit_bookkeeping() {
        let mut e = LocalEdits::default();
        assert!(e.is_empty());
        e.changed("a");
        e.deleted("a");
        assert_eq!(e, edits(&[], &["a"]));
        e.changed("a");
        assert_eq!(e, edits(&["a"], &[]));
        e.deleted("b");
        e.changed_all(vec!["b".into(), "c".into()]);
        assert_eq!(
            e,
            edits(&["a", "b", "c"], &[]),
            "an import re-adds a deleted id"
        );
        e.clear();
        assert!(e.is_empty());
    }

    /// Guards issue 19's import bookkeeping: "every record listed" (an import into an empty
    /// list, no ids copied) must merge with another tab's list as the ids themselves did, and
    /// stop covering records the list takes in once its ids are written out.
    #[test]
    fn all_listed_counts_as_every_listed_id() {
        let local = [c("a", "Ann here", 5.0), c("b", "Bo here", 5.0)];
        let stored = || {
            vec![
                c("a", "Ann there", 5.0),
                c("b", "Bo there", 9.0),
                c("z", "Zed there", 1.0),
            ]
        };
        let base = set(&["a", "b"]);
        let mut all = LocalEdits::default();
        all.deleted("b");
        all.changed_all_listed();
        assert!(!all.is_empty());
        assert!(all.is_changed("a") && all.is_changed("b"));
        let by_ids = edits(&["a", "b"], &[]);
        assert_eq!(
            names(&merge(&local, stored(), &base, &all)),
            names(&merge(&local, stored(), &base, &by_ids)),
        );
        assert_eq!(
            names(&merge(&local[..1], stored(), &base, &all)),
            names(&merge(&local[..1], stored(), &base, &edits(&["a"], &["b"]))),
            "a record removed here stays removed"
        );
        all.list_ids(local.iter().map(|c| c.id.as_str()));
        assert_eq!(all, by_ids, "the ids of the list, a deleted one re-added");
        assert!(
            !all.is_changed("z"),
            "the other tab's record is not this tab's edit"
        );
        all.changed_all_listed();
        all.clear();
        assert!(all.is_empty());
    }
}
