//! A list kept in parts: the pure half of the layout a large list (the shortlist) is stored in, so
//! that a save writes only what changed. The browser half (`storage::save_list`, `load_list`)
//! reads and writes the strings.
//!
//! Layout. The list's records go, in list order, into parts of at most `per_part` records, each
//! under its own key (`microscope.shortlist.part.<name>`) as an ordinary list envelope of the
//! kind's current version. The kind's own key (`microscope.shortlist`) holds the index: the
//! envelope of the same version whose data is `{"parts":[{"key":…,"count":…},…]}`, naming the
//! parts in list order. A part is never written twice: a save writes the parts that changed under
//! new names (time, a random tab token and a counter), then the index, then removes the parts the
//! old index named and the new one does not. So:
//!
//! - a crash (or a full quota) between two writes never loses or mixes data: until the index is
//!   written, the old index names only old parts, all still there; new parts nobody names yet are
//!   orphans, which loading ignores and a later save removes;
//! - the index is the one value two tabs compare: a save replaces it only when it is still the
//!   text this tab last saw (otherwise the tab re-reads and merges), and a `storage` event on it
//!   is another tab's whole save, its parts already written;
//! - a save after one edit rewrites the one part holding that record (`plan`), not the list.
//!
//! A list stored before parts (one key, data a list) still loads; the first save writes it in
//! parts, the index last.

use std::collections::HashMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::domain::io::workspace::APP_ID;

use super::envelope::Kind;

/// The first version of the shortlist kept in parts under this index (version 5 compresses the
/// parts, the index is the same).
pub const FIRST_PARTS_VERSION: u64 = 4;

/// One part as the index names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartRef {
    /// The part's localStorage key.
    pub key: String,
    /// How many records it holds (said when a part is missing).
    pub count: usize,
}

/// The index's data: the parts in list order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    pub parts: Vec<PartRef>,
}

/// Reads `raw` as an index of `kind` at a version that keeps the list in parts with this index
/// ([`FIRST_PARTS_VERSION`] to the current one; the parts say their own version and migrate as
/// they load). `None` for anything else (a list stored whole, a newer version, not JSON): the
/// careful decoder then says what it is.
pub fn read_index(raw: &str, kind: &Kind) -> Option<Index> {
    #[derive(Deserialize)]
    struct Stored {
        app: String,
        kind: String,
        version: u64,
        data: Index,
    }
    let stored: Stored = serde_json::from_str(raw).ok()?;
    (stored.app == APP_ID
        && stored.kind == kind.key
        && (FIRST_PARTS_VERSION..=u64::from(kind.version)).contains(&stored.version))
    .then_some(stored.data)
}

/// The opening of a part's text, before its records: the same envelope a whole list has, so a
/// part reads through the list decoder (migrations, checks, dropped records) unchanged.
pub fn part_opening(kind: &Kind) -> String {
    format!(
        r#"{{"app":"{APP_ID}","kind":"{}","version":{},"data":["#,
        kind.key, kind.version
    )
}

/// The end of a part's text, after its records.
pub const PART_CLOSING: &str = "]}";

/// What a save does with one stretch of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Keep the previous index's part at this position: its records are unchanged.
    Keep(usize),
    /// Write these records (positions in the list) as a new part.
    Write(Range<usize>),
}

/// Which parts to keep and which records to write anew.
///
/// `prev` are the parts the stored index names, with the ids each holds (`None` when this tab
/// does not know them: that part is not kept). `ids` is the list in order, `changed(i)` whether
/// record `i` changed since the stored index was written. A previous part is kept when the list
/// holds exactly its ids, in order, at one stretch, none of them changed; everything else is
/// written in new parts of at most `per_part`. A written stretch that stays under half a part
/// takes in the small kept part before it or the kept part after it, so appends and deletions do
/// not leave the list in ever smaller parts.
pub fn plan(
    prev: &[Option<&[String]>],
    ids: &[&str],
    changed: &dyn Fn(usize) -> bool,
    per_part: usize,
) -> Vec<Step> {
    let per_part = per_part.max(1);
    let small = per_part / 2;
    let first: HashMap<&str, usize> = prev
        .iter()
        .enumerate()
        .filter_map(|(p, ids)| ids.and_then(|ids| ids.first()).map(|id| (id.as_str(), p)))
        .collect();
    let len_of = |p: usize| prev.get(p).copied().flatten().map_or(0, <[String]>::len);
    let mut steps = Vec::new();
    // The stretch being gathered for writing: its start and end.
    let mut open: Option<Range<usize>> = None;
    let mut i = 0;
    while i < ids.len() {
        let kept = ids
            .get(i)
            .and_then(|id| first.get(id))
            .copied()
            .filter(|&p| {
                let Some(Some(part)) = prev.get(p) else {
                    return false;
                };
                let end = i + part.len();
                end <= ids.len()
                    && part
                        .iter()
                        .zip(i..end)
                        .all(|(id, j)| ids.get(j) == Some(&id.as_str()) && !changed(j))
            });
        if let Some(p) = kept {
            let n = len_of(p);
            match &mut open {
                // A small written stretch takes in the part after it.
                Some(r) if r.len() < small && r.len() + n <= per_part => r.end += n,
                _ => {
                    if let Some(r) = open.take() {
                        steps.push(Step::Write(r));
                    }
                    steps.push(Step::Keep(p));
                }
            }
            i += n;
            continue;
        }
        match &mut open {
            Some(r) => r.end = i + 1,
            None => {
                // A small kept part just before takes in what is written after it.
                let start = match steps.last() {
                    Some(Step::Keep(p)) if len_of(*p) < small => {
                        let n = len_of(*p);
                        steps.pop();
                        i - n
                    }
                    _ => i,
                };
                open = Some(start..i + 1);
            }
        }
        if open.as_ref().is_some_and(|r| r.len() >= per_part) {
            if let Some(r) = open.take() {
                steps.push(Step::Write(r));
            }
        }
        i += 1;
    }
    if let Some(r) = open {
        steps.push(Step::Write(r));
    }
    steps
}

/// A part's key: `<prefix><time>-<token>-<n>`, time in milliseconds and n in base 36, so no two
/// tabs (each with its random token) and no two saves of one tab name a part alike.
pub fn part_key(prefix: &str, time_ms: u64, token: &str, n: u64) -> String {
    format!("{prefix}{}-{token}-{}", base36(time_ms), base36(n))
}

/// When the part under `key` was written (milliseconds), read back from its name.
pub fn part_time(prefix: &str, key: &str) -> Option<u64> {
    let name = key.strip_prefix(prefix)?;
    let time = name.split('-').next()?;
    u64::from_str_radix(time, 36).ok()
}

/// `n` in base 36 (digits and lower-case letters).
pub fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::envelope::SHORTLIST;

    fn owned(parts: &[&[&str]]) -> Vec<Vec<String>> {
        parts
            .iter()
            .map(|p| p.iter().map(|s| s.to_string()).collect())
            .collect()
    }

    #[test]
    fn a_save_writes_only_the_parts_that_changed() {
        use Step::{Keep, Write};
        // (previous parts, list, changed positions, per part, steps)
        #[allow(clippy::type_complexity)]
        let cases: Vec<(&[&[&str]], &[&str], &[usize], usize, Vec<Step>)> = vec![
            // Nothing stored yet: everything written, in parts of at most 2.
            (
                &[],
                &["a", "b", "c"],
                &[],
                2,
                vec![Write(0..2), Write(2..3)],
            ),
            // Nothing changed: every part kept.
            (
                &[&["a", "b"], &["c", "d"]],
                &["a", "b", "c", "d"],
                &[],
                2,
                vec![Keep(0), Keep(1)],
            ),
            // One record changed: its part only.
            (
                &[
                    &["a", "b", "c", "d"],
                    &["e", "f", "g", "h"],
                    &["i", "j", "k", "l"],
                ],
                &["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"],
                &[5],
                4,
                vec![Keep(0), Write(4..8), Keep(2)],
            ),
            // One removed from the middle part: it is written without it (3 of 4, not small).
            (
                &[
                    &["a", "b", "c", "d"],
                    &["e", "f", "g", "h"],
                    &["i", "j", "k", "l"],
                ],
                &["a", "b", "c", "d", "e", "g", "h", "i", "j", "k", "l"],
                &[],
                4,
                vec![Keep(0), Write(4..7), Keep(2)],
            ),
            // Appended: the last part, full, is kept; the new one starts a part.
            (
                &[&["a", "b"]],
                &["a", "b", "c"],
                &[2],
                2,
                vec![Keep(0), Write(2..3)],
            ),
            // Appended after a small last part: that part is written again with it.
            (
                &[&["a", "b", "c", "d"], &["e"]],
                &["a", "b", "c", "d", "e", "f"],
                &[5],
                4,
                vec![Keep(0), Write(4..6)],
            ),
            // A small written stretch takes in the part after it.
            (
                &[&["a", "b", "c", "d"], &["e", "f", "g", "h"], &["i", "j"]],
                &["a", "b", "c", "d", "e", "i", "j"],
                &[],
                4,
                vec![Keep(0), Write(4..7)],
            ),
            // Another tab's order (the other part first): both kept, in the list's order.
            (
                &[&["a", "b"], &["c", "d"]],
                &["c", "d", "a", "b"],
                &[],
                2,
                vec![Keep(1), Keep(0)],
            ),
            // Everything removed.
            (&[&["a", "b"]], &[], &[], 2, vec![]),
        ];
        for (prev, ids, changed, per_part, want) in cases {
            let prev = owned(prev);
            let prev: Vec<Option<&[String]>> = prev.iter().map(|p| Some(p.as_slice())).collect();
            let got = plan(&prev, ids, &|i| changed.contains(&i), per_part);
            assert_eq!(got, want, "{ids:?} changed {changed:?}");
            // Whatever the plan, it covers the list once, in order.
            let mut covered = Vec::new();
            for step in &got {
                match step {
                    Keep(p) => {
                        covered.extend(prev[*p].unwrap_or_default().iter().map(String::as_str))
                    }
                    Write(r) => covered.extend(ids[r.clone()].iter().copied()),
                }
            }
            assert_eq!(covered, ids.to_vec());
        }
    }

    #[test]
    fn a_part_this_tab_does_not_know_is_written_again() {
        let prev = owned(&[&["a", "b"]]);
        let got = plan(
            &[None, Some(prev[0].as_slice())],
            &["x", "a", "b"],
            &|_| false,
            2,
        );
        assert_eq!(got, vec![Step::Write(0..1), Step::Keep(1)]);
        let got = plan(&[None], &["x", "y"], &|_| false, 2);
        assert_eq!(got, vec![Step::Write(0..2)]);
    }

    #[test]
    fn names_and_indexes_read_back() {
        let prefix = "microscope.shortlist.part.";
        let key = part_key(prefix, 1_767_225_600_000, "k3x9", 41);
        assert_eq!(key, "microscope.shortlist.part.mjuohs00-k3x9-15");
        assert_eq!(part_time(prefix, &key), Some(1_767_225_600_000));
        assert_eq!(part_time(prefix, "microscope.shortlist"), None);
        // (stored text, index read)
        let cases = [
            (
                r#"{"app":"microscope","kind":"shortlist","version":4,"data":{"parts":[{"key":"k1","count":3}]}}"#,
                Some(Index {
                    parts: vec![PartRef {
                        key: "k1".into(),
                        count: 3,
                    }],
                }),
            ),
            // Version 5 compresses the parts; its index is version 4's, and so is version 6's.
            (
                r#"{"app":"microscope","kind":"shortlist","version":5,"data":{"parts":[]}}"#,
                Some(Index { parts: vec![] }),
            ),
            (
                r#"{"app":"microscope","kind":"shortlist","version":6,"data":{"parts":[]}}"#,
                Some(Index { parts: vec![] }),
            ),
            // A list stored whole, an index before parts or newer, another kind: not an index.
            (
                r#"{"app":"microscope","kind":"shortlist","version":4,"data":[]}"#,
                None,
            ),
            (
                r#"{"app":"microscope","kind":"shortlist","version":3,"data":{"parts":[]}}"#,
                None,
            ),
            (
                r#"{"app":"microscope","kind":"shortlist","version":7,"data":{"parts":[]}}"#,
                None,
            ),
            (
                r#"{"app":"microscope","kind":"campaigns","version":4,"data":{"parts":[]}}"#,
                None,
            ),
            ("{not json", None),
        ];
        for (raw, want) in cases {
            assert_eq!(read_index(raw, &SHORTLIST), want, "{raw}");
        }
        let part = format!(
            "{}{{\"id\":\"a\",\"name\":\"Ann\"}}{PART_CLOSING}",
            part_opening(&SHORTLIST)
        );
        assert_eq!(
            part,
            r#"{"app":"microscope","kind":"shortlist","version":6,"data":[{"id":"a","name":"Ann"}]}"#
        );
    }
}
