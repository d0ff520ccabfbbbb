//! The shortlist: the collection of creators with fast sort, filter, search and merge, and the compact JSON it is saved as.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::value::RawValue;

use crate::creator::platform::Platform;
use crate::creator::tier::Tier;

use super::id_index::{IdHasher, IdIndex};
use super::record::*;

/// The column to sort the shortlist by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortKey {
    Name,
    Followers,
    Tier,
    /// Engagement rate, supplied by the caller.
    Rate,
    Status,
    Price,
    #[default]
    Updated,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortDir {
    #[default]
    Asc,
    Desc,
}

/// What to show. Every set criterion must match; `text` matches when every word in it appears in
/// the name, notes or tags (case-insensitive).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub tier: Option<Tier>,
    pub platform: Option<Platform>,
    pub status: Option<Status>,
    pub tag: Option<String>,
    pub text: String,
}

/// Search keys, computed once per change so a query over 5,000 creators only compares. The name
/// (every sort's tie-breaker) is compared lower-cased: an ASCII name (most) byte by byte in place,
/// any other lowered once here; the text searched (name, notes and tags) is built on the first
/// search that needs it. An import of 100,000 creators no longer makes a lower-cased copy of every
/// name, nor text nobody may search (issue 19).
#[derive(Debug, Clone)]
struct Keys {
    /// The lower-cased name of a name that is not ASCII; `None` for an ASCII one.
    lowered: Option<Box<str>>,
    haystack: OnceLock<String>,
}

impl Keys {
    fn of(c: &Creator) -> Keys {
        Keys {
            lowered: (!c.name.is_ascii()).then(|| c.name.to_lowercase().into_boxed_str()),
            haystack: OnceLock::new(),
        }
    }

    /// The creator's name as sorted (see [`Name`]).
    fn name<'a>(&'a self, c: &'a Creator) -> Name<'a> {
        match &self.lowered {
            Some(l) => Name {
                text: l,
                ascii_to_lower: false,
            },
            None => Name {
                text: &c.name,
                ascii_to_lower: true,
            },
        }
    }

    fn haystack(&self, c: &Creator) -> &str {
        self.haystack.get_or_init(|| {
            let mut haystack = String::with_capacity(c.name.len() + c.notes.len() + 16);
            haystack.push_str(&lower(&c.name));
            haystack.push('\n');
            haystack.push_str(&lower(&c.notes));
            for t in &c.tags {
                haystack.push('\n');
                haystack.push_str(&lower(t));
            }
            haystack
        })
    }
}

/// A name as the sort compares it: lower-cased, `text` as it is or (an ASCII name) with each
/// byte lower-cased as it is compared. Compares as the two lower-cased names would.
#[derive(Debug, Clone, Copy)]
struct Name<'a> {
    text: &'a str,
    ascii_to_lower: bool,
}

impl<'a> Name<'a> {
    fn cmp_lowered(self, other: Name<'_>) -> Ordering {
        self.bytes().cmp(other.bytes())
    }

    fn bytes(self) -> impl Iterator<Item = u8> + 'a {
        let to_lower = self.ascii_to_lower;
        self.text
            .bytes()
            .map(move |b| if to_lower { b.to_ascii_lowercase() } else { b })
    }
}

/// `s.to_lowercase()`, without its character-by-character work for ASCII text (most names).
fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// The plain merge: the incoming creator replaces the listed one, which only keeps its creation
/// time (a workspace file carries whole creators).
pub fn keep_creation_time(existing: &Creator, mut incoming: Creator) -> Creator {
    incoming.created_at = existing.created_at;
    incoming
}

/// How a merge changed the shortlist.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeSummary {
    pub added: usize,
    pub updated: usize,
}

/// The shortlist: creators in insertion order, with search keys, an id index and each creator's
/// saved form kept in step.
#[derive(Debug, Clone, Default)]
pub struct Shortlist {
    creators: Vec<Creator>,
    keys: Vec<Keys>,
    by_id: IdIndex,
    /// Each creator's JSON, made by the first save after it changed and kept until it changes
    /// again: a save after one edit encodes one creator, not 5,000 (issue 8: encoding was 14 of a
    /// save's 23 ms). Filled lazily, so an import does not pay for it.
    json: Vec<OnceLock<Box<RawValue>>>,
}

impl PartialEq for Shortlist {
    fn eq(&self, other: &Self) -> bool {
        self.creators == other.creators
    }
}

impl Shortlist {
    /// Builds the shortlist; a later creator with the same id replaces the earlier one.
    pub fn new(creators: Vec<Creator>) -> Shortlist {
        let mut list = Shortlist::default();
        for c in creators {
            list.upsert(c);
        }
        list
    }

    pub fn len(&self) -> usize {
        self.creators.len()
    }

    pub fn is_empty(&self) -> bool {
        self.creators.is_empty()
    }

    pub fn creators(&self) -> &[Creator] {
        &self.creators
    }

    pub fn into_vec(self) -> Vec<Creator> {
        self.creators
    }

    pub fn get(&self, id: &str) -> Option<&Creator> {
        self.by_id
            .get(&self.creators, id)
            .and_then(|i| self.creators.get(i))
    }

    /// Adds the creator, or replaces the one with the same id. Returns true when it replaced one.
    pub fn upsert(&mut self, creator: Creator) -> bool {
        let keys = Keys::of(&creator);
        let at = self.by_id.get(&self.creators, &creator.id);
        if let Some(i) = at.filter(|&i| i < self.creators.len() && i < self.keys.len()) {
            self.creators[i] = creator;
            self.keys[i] = keys;
            if let Some(j) = self.json.get_mut(i) {
                *j = OnceLock::new();
            }
            return true;
        }
        self.creators.push(creator);
        // Not listed (looked up above), so this indexes it.
        let _ = self
            .by_id
            .insert_new(&self.creators, self.creators.len() - 1);
        self.keys.push(keys);
        self.json.push(OnceLock::new());
        false
    }

    /// Each creator's JSON in list order, as a save writes the list: encoded for the creators
    /// that changed since the last call, kept from it for the others.
    pub fn encoded(&self) -> Result<Vec<&RawValue>, serde_json::Error> {
        self.creators
            .iter()
            .zip(&self.json)
            .map(|(c, cell)| {
                if let Some(v) = cell.get() {
                    return Ok(&**v);
                }
                let v = serde_json::value::to_raw_value(c)?;
                Ok(&**cell.get_or_init(|| v))
            })
            .collect()
    }

    /// Creator `i`'s JSON, kept as [`Shortlist::encoded`] keeps it: a save of the list in parts
    /// encodes only the creators of the parts it writes. `None` past the end.
    pub fn encoded_one(&self, i: usize) -> Option<Result<&RawValue, serde_json::Error>> {
        let (c, cell) = (self.creators.get(i)?, self.json.get(i)?);
        if let Some(v) = cell.get() {
            return Some(Ok(&**v));
        }
        Some(serde_json::value::to_raw_value(c).map(|v| &**cell.get_or_init(|| v)))
    }

    pub fn remove(&mut self, id: &str) -> Option<Creator> {
        let i = self.by_id.remove(&self.creators, id)?;
        if i >= self.creators.len() || i >= self.keys.len() {
            return None;
        }
        let removed = self.creators.remove(i);
        self.keys.remove(i);
        if i < self.json.len() {
            self.json.remove(i);
        }
        for (j, c) in self.creators.iter().enumerate().skip(i) {
            self.by_id.moved(&c.id, j + 1, j);
        }
        Some(removed)
    }

    /// Adds imported creators; one whose id is already listed updates it and keeps its creation time.
    pub fn merge(&mut self, incoming: Vec<Creator>) -> MergeSummary {
        self.merge_with(incoming, keep_creation_time)
    }

    /// Adds imported creators; one whose id is already listed is replaced by
    /// `combine(existing, incoming)` (a CSV import keeps the dossier the file does not carry:
    /// `io::csv_import::merge_imported`).
    ///
    /// Done in pieces of [`MERGE_PIECE`] creators, each a call of its own: the browser runs a
    /// function's first calls in its baseline compiler and its optimised code serves only calls
    /// that start later, so one call over 100,000 creators ran the slow code to the end
    /// (issue 19).
    pub fn merge_with(
        &mut self,
        incoming: Vec<Creator>,
        combine: impl Fn(&Creator, Creator) -> Creator,
    ) -> MergeSummary {
        let mut summary = MergeSummary::default();
        let incoming = match self.adopt(incoming) {
            Ok(added) => {
                summary.added = added;
                return summary;
            }
            Err(incoming) => incoming,
        };
        // Room for all of them up front: an import of 100,000 would otherwise regrow each of
        // the four parallel tables some 17 times.
        self.creators.reserve(incoming.len());
        self.keys.reserve(incoming.len());
        self.json.reserve(incoming.len());
        self.by_id.reserve(&self.creators, incoming.len());
        // Through a pointer the optimisers can't see through, so the pieces stay calls.
        let piece: MergePiece = std::hint::black_box(merge_piece);
        let mut incoming = incoming.into_iter();
        while incoming.len() > 0 {
            piece(self, &mut incoming, &combine, &mut summary);
        }
        summary
    }

    /// The first import into an empty list: `incoming` becomes the list as it is, without moving
    /// its creators one by one (100,000 of some 600 bytes each), and only the index and the keys
    /// are built, in pieces. Gives `incoming` back, for a merge one by one, when the list is not
    /// empty or two creators in it share an id.
    fn adopt(&mut self, incoming: Vec<Creator>) -> Result<usize, Vec<Creator>> {
        if !self.creators.is_empty() || !self.keys.is_empty() || !self.json.is_empty() {
            return Err(incoming);
        }
        let n = incoming.len();
        self.creators = incoming;
        self.by_id.clear();
        self.by_id.reserve(&self.creators, n);
        self.keys.reserve(n);
        self.json.reserve(n);
        let piece: IndexPiece = std::hint::black_box(index_piece);
        let mut from = 0;
        while from < n {
            let to = from.saturating_add(MERGE_PIECE).min(n);
            if !piece(self, from, to) {
                // A repeated id: back to the empty list.
                self.by_id.clear();
                self.keys.clear();
                self.json.clear();
                return Err(std::mem::take(&mut self.creators));
            }
            from = to;
        }
        Ok(n)
    }

    /// Positions (into [`Shortlist::creators`]) of the creators matching `filter`, sorted.
    ///
    /// `rate` is asked once per shown creator, and only when sorting by [`SortKey::Rate`].
    /// Missing values (no followers, no price, rate n/a) go last in both directions, since a
    /// marketer sorting wants the known figures first. Ties fall back to name, then id, so the
    /// order never jumps between renders.
    pub fn query<F>(&self, filter: &Filter, key: SortKey, dir: SortDir, rate: F) -> Vec<usize>
    where
        F: Fn(&Creator) -> Option<f64>,
    {
        self.query_page(filter, key, dir, rate, |n| 0..n).positions
    }

    /// Like [`Shortlist::query`], but sorts only the rows of one page: `rows(n)` gets the number
    /// of matching creators and returns the range to show (clamped to it). The creators on the
    /// page and their order are exactly those of `query(..)[rows(n)]`; the rest are only
    /// partitioned, which at 100,000 creators (just imported) takes a tenth of sorting them all.
    pub fn query_page<F, R>(
        &self,
        filter: &Filter,
        key: SortKey,
        dir: SortDir,
        rate: F,
        rows: R,
    ) -> QueryPage
    where
        F: Fn(&Creator) -> Option<f64>,
        R: FnOnce(usize) -> std::ops::Range<usize>,
    {
        let value_of = |c: &Creator| sort_value(c, key, &rate);
        let mut keyed = self.keyed(filter, &value_of);
        let matching = keyed.len();
        let range = rows(matching);
        let start = range.start.min(matching);
        let end = range.end.clamp(start, matching);
        let cmp = |a: &Keyed<'_>, b: &Keyed<'_>| order(key, dir, a, b);
        if end <= BEST_MAX {
            // The first pages (the first one right after an import): the best `end` creators
            // kept while scanning, in pieces (see `best_piece`), instead of a selection over all
            // (one long call of a function run for the first time).
            let mut best: Vec<Keyed<'_>> = Vec::with_capacity(end + 1);
            let piece: BestPiece = std::hint::black_box(best_piece);
            for part in keyed.chunks(QUERY_PIECE) {
                piece(part, end, &cmp, &mut best);
            }
            best.sort_unstable_by(cmp);
            return QueryPage {
                matching,
                positions: best
                    .get(start..)
                    .unwrap_or_default()
                    .iter()
                    .map(|(_, _, _, i)| *i)
                    .collect(),
            };
        }
        let mut page: &mut [Keyed<'_>] = &mut keyed;
        if start > 0 && start < page.len() {
            page.select_nth_unstable_by(start, cmp);
        }
        page = page.get_mut(start..).unwrap_or_default();
        let len = end - start;
        if len > 0 && len < page.len() {
            page.select_nth_unstable_by(len - 1, cmp);
        }
        let page = page.get_mut(..len).unwrap_or_default();
        page.sort_unstable_by(cmp);
        QueryPage {
            matching,
            positions: page.iter().map(|(_, _, _, i)| *i).collect(),
        }
    }

    /// The creators matching `filter`, each with its sort value (computed once, not once per
    /// comparison: rates may be costly) and its tie-breakers by reference (lower-cased name, then
    /// id), so a comparison never looks a creator up again. Gathered in pieces of
    /// [`QUERY_PIECE`] creators (see [`Shortlist::merge_with`] for why).
    fn keyed<'a>(
        &'a self,
        filter: &Filter,
        value_of: &dyn Fn(&Creator) -> Option<f64>,
    ) -> Vec<Keyed<'a>> {
        let (words, tag) = search_terms(filter);
        let criteria = Criteria {
            filter,
            words: &words,
            tag: tag.as_deref(),
        };
        let mut out = Vec::with_capacity(self.creators.len());
        let piece: KeyedPiece = std::hint::black_box(keyed_piece);
        let mut from = 0;
        while from < self.creators.len() {
            let to = from.saturating_add(QUERY_PIECE).min(self.creators.len());
            piece(self, from, to, &criteria, value_of, &mut out);
            from = to;
        }
        out
    }

    /// Every tag in use with how many creators carry it, most used first: the tag filter's choices.
    pub fn tag_counts(&self) -> Vec<(String, usize)> {
        // The id index's hash serves here too: 100,000 imported creators carry 200,000 tags.
        let mut counts: TagCounts<'_> = HashMap::default();
        let piece: CountPiece = std::hint::black_box(count_piece);
        for part in self.creators.chunks(QUERY_PIECE) {
            piece(part, &mut counts);
        }
        let mut out: Vec<(String, usize)> = counts
            .into_iter()
            .map(|(t, n)| (t.to_string(), n))
            .collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out
    }
}

/// Creators looked at per call in a query and in the tag counts: each pass over 100,000 creators
/// just imported runs once, and a single call would run the browser's unoptimised code to the end.
const QUERY_PIECE: usize = 4_096;

/// Up to this many rows from the top, a page is found by keeping the best rows while scanning
/// (see [`best_piece`]); further down, by selection.
const BEST_MAX: usize = 2_048;

/// What a creator must match, as [`Shortlist::keyed`] tests it.
struct Criteria<'f> {
    filter: &'f Filter,
    words: &'f [String],
    tag: Option<&'f str>,
}

type KeyedPiece = for<'a> fn(
    &'a Shortlist,
    usize,
    usize,
    &Criteria<'_>,
    &dyn Fn(&Creator) -> Option<f64>,
    &mut Vec<Keyed<'a>>,
);

/// Adds the creators `from..to` of `list` that match to `out`, keyed for sorting.
fn keyed_piece<'a>(
    list: &'a Shortlist,
    from: usize,
    to: usize,
    criteria: &Criteria<'_>,
    value_of: &dyn Fn(&Creator) -> Option<f64>,
    out: &mut Vec<Keyed<'a>>,
) {
    let filter = criteria.filter;
    let (creators, keys) = (
        list.creators.get(from..to).unwrap_or_default(),
        list.keys.get(from..to).unwrap_or_default(),
    );
    for (i, (c, k)) in creators.iter().zip(keys).enumerate() {
        let matches = filter.tier.is_none_or(|t| c.tier() == Some(t))
            && filter.platform.is_none_or(|p| c.platform == Some(p))
            && filter.status.is_none_or(|s| c.status == s)
            && criteria.tag.is_none_or(|t| c.tags.iter().any(|x| x == t))
            && (criteria.words.is_empty() || {
                let haystack = k.haystack(c);
                criteria.words.iter().all(|w| haystack.contains(w.as_str()))
            });
        if matches {
            out.push((value_of(c), k.name(c), c.id.as_str(), from + i));
        }
    }
}

type BestPiece = for<'a, 'b> fn(
    &'b [Keyed<'a>],
    usize,
    &dyn Fn(&Keyed<'_>, &Keyed<'_>) -> Ordering,
    &mut Vec<Keyed<'a>>,
);

/// Keeps in `best` the first `k` (by `cmp`) of `best` and `items` together, as a heap with the
/// last of them on top: one comparison with it per item, and a few more for an item that gets
/// in. The caller sorts them in the end.
fn best_piece<'a>(
    items: &[Keyed<'a>],
    k: usize,
    cmp: &dyn Fn(&Keyed<'_>, &Keyed<'_>) -> Ordering,
    best: &mut Vec<Keyed<'a>>,
) {
    if k == 0 {
        return;
    }
    for item in items {
        if best.len() < k {
            best.push(*item);
            // Up while bigger than the parent.
            let mut at = best.len() - 1;
            while at > 0 {
                let parent = (at - 1) / 2;
                if cmp(&best[parent], &best[at]) == Ordering::Less {
                    best.swap(parent, at);
                    at = parent;
                } else {
                    break;
                }
            }
        } else if best
            .first()
            .is_some_and(|top| cmp(item, top) == Ordering::Less)
        {
            best[0] = *item;
            // Down while smaller than the bigger child.
            let mut at = 0;
            loop {
                let (left, right) = (2 * at + 1, 2 * at + 2);
                let mut biggest = at;
                if left < best.len() && cmp(&best[biggest], &best[left]) == Ordering::Less {
                    biggest = left;
                }
                if right < best.len() && cmp(&best[biggest], &best[right]) == Ordering::Less {
                    biggest = right;
                }
                if biggest == at {
                    break;
                }
                best.swap(at, biggest);
                at = biggest;
            }
        }
    }
}

type TagCounts<'a> = HashMap<&'a str, usize, std::hash::BuildHasherDefault<IdHasher>>;
type CountPiece = for<'a> fn(&'a [Creator], &mut TagCounts<'a>);

/// Counts the tags of `creators` into `counts`.
fn count_piece<'a>(creators: &'a [Creator], counts: &mut TagCounts<'a>) {
    for c in creators {
        for t in &c.tags {
            *counts.entry(t.as_str()).or_insert(0) += 1;
        }
    }
}

/// Creators merged per call of [`merge_piece`].
const MERGE_PIECE: usize = 2_048;

type MergePiece = fn(
    &mut Shortlist,
    &mut std::vec::IntoIter<Creator>,
    &dyn Fn(&Creator, Creator) -> Creator,
    &mut MergeSummary,
);

type IndexPiece = fn(&mut Shortlist, usize, usize) -> bool;

/// Indexes creators `from..to` of a list adopted whole (see `Shortlist::adopt`); false at an id
/// already indexed.
fn index_piece(list: &mut Shortlist, from: usize, to: usize) -> bool {
    for (i, c) in list.creators.iter().enumerate().take(to).skip(from) {
        if list.by_id.insert_new(&list.creators, i).is_err() {
            return false;
        }
        list.keys.push(Keys::of(c));
        list.json.push(OnceLock::new());
    }
    true
}

/// Merges up to [`MERGE_PIECE`] of `incoming` into `list` (see [`Shortlist::merge_with`]).
fn merge_piece(
    list: &mut Shortlist,
    incoming: &mut std::vec::IntoIter<Creator>,
    combine: &dyn Fn(&Creator, Creator) -> Creator,
    summary: &mut MergeSummary,
) {
    for c in incoming.by_ref().take(MERGE_PIECE) {
        // One look-up in the index per creator: it either finds the listed one or the new one is
        // pushed and indexed.
        match list.by_id.get(&list.creators, &c.id) {
            Some(i) => {
                let merged = match list.creators.get(i) {
                    Some(existing) => combine(existing, c),
                    None => c,
                };
                summary.updated += 1;
                list.upsert(merged);
            }
            None => {
                summary.added += 1;
                list.keys.push(Keys::of(&c));
                list.creators.push(c);
                // Not indexed (looked up above): the index takes its position.
                let _ = list
                    .by_id
                    .insert_new(&list.creators, list.creators.len() - 1);
                list.json.push(OnceLock::new());
            }
        }
    }
}

/// One page of a query: how many creators matched, and the positions (into
/// [`Shortlist::creators`]) of those on the page, in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QueryPage {
    pub matching: usize,
    pub positions: Vec<usize>,
}

/// A creator as sorted: its sort value, name (compared lower-cased), id and position.
type Keyed<'a> = (Option<f64>, Name<'a>, &'a str, usize);

/// The search box's words and the tag filter, lower-cased as the search keys are.
fn search_terms(filter: &Filter) -> (Vec<String>, Option<String>) {
    let words = filter
        .text
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let tag = filter
        .tag
        .as_deref()
        .map(|t| t.trim().trim_start_matches('#').to_lowercase())
        .filter(|t| !t.is_empty());
    (words, tag)
}

/// The value a creator is sorted by under `key`; `None` (sorted last) when unknown or not finite.
fn sort_value(c: &Creator, key: SortKey, rate: &impl Fn(&Creator) -> Option<f64>) -> Option<f64> {
    let v = match key {
        SortKey::Followers => c.followers.map(|f| f as f64),
        SortKey::Tier => c.tier().map(|t| t as u8 as f64),
        SortKey::Rate => rate(c),
        SortKey::Status => Some(c.status as u8 as f64),
        SortKey::Price => c.price,
        SortKey::Updated => Some(c.updated_at),
        SortKey::Name => None,
    };
    v.filter(|v| v.is_finite())
}

/// The list's order. Missing values go last in both directions; ties fall back to name, then id.
/// Ids are unique in the list, so no two creators compare equal and an unstable sort (or a
/// selection) gives the same order as a stable sort.
fn order(key: SortKey, dir: SortDir, a: &Keyed<'_>, b: &Keyed<'_>) -> Ordering {
    let directed = |o: Ordering| if dir == SortDir::Desc { o.reverse() } else { o };
    let (va, na, ia, _) = a;
    let (vb, nb, ib, _) = b;
    let by_name = || na.cmp_lowered(*nb).then_with(|| ia.cmp(ib));
    if key == SortKey::Name {
        return directed(by_name());
    }
    let by_value = match (va, vb) {
        (Some(x), Some(y)) => directed(x.total_cmp(y)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    by_value.then_with(by_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn creator(id: &str, name: &str) -> Creator {
        Creator::new(id.to_string(), name, 1.0)
    }

    /// Guards issue 19's in-place name comparison: an ASCII name compared byte by byte lower-cased,
    /// any other lowered once, must order as comparing both names' lower-cased copies did.
    #[test]
    fn names_compare_as_their_lower_cased_copies() {
        let names = [
            "ann", "Ann", "ANN", "anna", "Bo", "bo", "Åsa", "åsa", "Émile", "emile", "Zoë", "zoe",
            "", "a b", "A_B", "Ωmega", "ω", "İpek", "ipek", "10x", "9Lives",
        ];
        for a in names {
            for b in names {
                let (ca, cb) = (creator("a", a), creator("b", b));
                let (ka, kb) = (Keys::of(&ca), Keys::of(&cb));
                assert_eq!(
                    ka.name(&ca).cmp_lowered(kb.name(&cb)),
                    lower(a).cmp(&lower(b)),
                    "{a:?} against {b:?}"
                );
            }
        }
    }

    fn sample() -> Shortlist {
        let mut a = creator("a", "Zoe");
        a.followers = Some(45_000);
        a.platform = Some(Platform::TikTok);
        a.price = Some(120.0);
        a.tags = vec!["fitness".into()];
        a.updated_at = 3.0;
        let mut b = creator("b", "adam");
        b.followers = Some(5_000);
        b.platform = Some(Platform::Instagram);
        b.status = Status::Confirmed;
        b.notes = "Vegan recipes, great replies".into();
        b.updated_at = 1.0;
        let mut c = creator("c", "Mia");
        c.followers = Some(250_000);
        c.platform = Some(Platform::YouTube);
        c.price = Some(2_000.0);
        c.tags = vec!["travel".into(), "fitness".into()];
        c.updated_at = 2.0;
        let d = creator("d", "Bo");
        Shortlist::new(vec![a, b, c, d])
    }

    /// The names a search for `text` finds, by name.
    fn find(list: &Shortlist, text: &str) -> Vec<String> {
        let f = Filter {
            text: text.into(),
            ..Filter::default()
        };
        names(list, &list.query(&f, SortKey::Name, SortDir::Asc, |_| None))
    }

    fn names(list: &Shortlist, idx: &[usize]) -> Vec<String> {
        idx.iter()
            .filter_map(|&i| list.creators().get(i))
            .map(|c| c.name.clone())
            .collect()
    }

    #[test]
    fn sorting() {
        let list = sample();
        let rate = |c: &Creator| match c.id.as_str() {
            "a" => Some(0.08),
            "b" => Some(0.02),
            "c" => Some(f64::NAN),
            _ => None,
        };
        let all = Filter::default();
        use SortDir::{Asc, Desc};
        use SortKey as K;
        let cases: &[(SortKey, SortDir, &[&str])] = &[
            (K::Name, Asc, &["adam", "Bo", "Mia", "Zoe"]),
            (K::Name, Desc, &["Zoe", "Mia", "Bo", "adam"]),
            (K::Followers, Asc, &["adam", "Zoe", "Mia", "Bo"]),
            (K::Followers, Desc, &["Mia", "Zoe", "adam", "Bo"]),
            (K::Tier, Desc, &["Mia", "Zoe", "adam", "Bo"]),
            // NaN from the caller counts as n/a: last.
            (K::Rate, Desc, &["Zoe", "adam", "Bo", "Mia"]),
            (K::Rate, Asc, &["adam", "Zoe", "Bo", "Mia"]),
            (K::Price, Asc, &["Zoe", "Mia", "adam", "Bo"]),
            (K::Status, Desc, &["adam", "Bo", "Mia", "Zoe"]),
            (K::Updated, Desc, &["Zoe", "Mia", "adam", "Bo"]),
        ];
        for (key, dir, want) in cases {
            let got = names(&list, &list.query(&all, *key, *dir, rate));
            assert_eq!(got, *want, "{key:?} {dir:?}");
        }
    }

    /// The straightforward sort `query` replaced (every comparison recomputes both keys, stable
    /// sort): the reference its cached-key, unstable sort must agree with.
    fn reference_order(
        list: &Shortlist,
        key: SortKey,
        dir: SortDir,
        rate: impl Fn(&Creator) -> Option<f64>,
    ) -> Vec<String> {
        // The same sort values as `query`: what this guards is the sort itself.
        let value = |c: &Creator| sort_value(c, key, &rate);
        let by_name = |a: &Creator, b: &Creator| {
            a.name
                .to_lowercase()
                .cmp(&b.name.to_lowercase())
                .then_with(|| a.id.cmp(&b.id))
        };
        let flip = |o: Ordering| if dir == SortDir::Desc { o.reverse() } else { o };
        let mut all: Vec<&Creator> = list.creators().iter().collect();
        all.sort_by(|a, b| {
            if key == SortKey::Name {
                return flip(by_name(a, b));
            }
            match (value(a), value(b)) {
                (Some(x), Some(y)) => flip(x.total_cmp(&y)),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
            .then_with(|| by_name(a, b))
        });
        all.into_iter().map(|c| c.id.clone()).collect()
    }

    /// Guards the cached-key sort (issue 8, shortlist speed): same order as the straightforward
    /// sort on a list mixing missing values, equal values, equal names and case differences.
    #[test]
    fn cached_key_sort_keeps_the_order() {
        // (id, name, followers, price, status, updated_at, rate)
        type Row = (
            &'static str,
            &'static str,
            Option<u64>,
            Option<f64>,
            Status,
            f64,
            Option<f64>,
        );
        let rows: &[Row] = &[
            (
                "e",
                "ann",
                Some(5_000),
                None,
                Status::Posted,
                2.0,
                Some(0.05),
            ),
            (
                "b",
                "Ann",
                Some(5_000),
                Some(100.0),
                Status::Prospect,
                2.0,
                None,
            ),
            (
                "a",
                "Ann",
                None,
                Some(100.0),
                Status::Prospect,
                1.0,
                Some(0.05),
            ),
            (
                "k",
                "zed",
                Some(250_000),
                Some(0.0),
                Status::Declined,
                3.0,
                Some(0.2),
            ),
            ("c", "Bo", None, None, Status::Posted, 2.0, None),
            (
                "j",
                "bo",
                Some(45_000),
                Some(2_000.0),
                Status::Contacted,
                1.0,
                Some(0.0),
            ),
            (
                "d",
                "Émile",
                Some(45_000),
                None,
                Status::Contacted,
                5.0,
                Some(0.05),
            ),
            (
                "f",
                "",
                Some(999),
                Some(100.0),
                Status::Confirmed,
                4.0,
                None,
            ),
        ];
        let mut creators = Vec::new();
        let mut rates = HashMap::new();
        for &(id, name, followers, price, status, updated, rate) in rows {
            let mut c = creator(id, name);
            c.followers = followers;
            c.price = price;
            c.status = status;
            c.updated_at = updated;
            rates.insert(id.to_string(), rate);
            creators.push(c);
        }
        let list = Shortlist::new(creators);
        let rate = |c: &Creator| rates.get(&c.id).copied().flatten();
        let keys = [
            SortKey::Name,
            SortKey::Followers,
            SortKey::Tier,
            SortKey::Rate,
            SortKey::Status,
            SortKey::Price,
            SortKey::Updated,
        ];
        for key in keys {
            for dir in [SortDir::Asc, SortDir::Desc] {
                let got: Vec<String> = list
                    .query(&Filter::default(), key, dir, rate)
                    .iter()
                    .filter_map(|&i| list.creators().get(i))
                    .map(|c| c.id.clone())
                    .collect();
                assert_eq!(
                    got,
                    reference_order(&list, key, dir, rate),
                    "{key:?} {dir:?}"
                );
                // One page at a time: the same rows in the same order as slicing the full sort,
                // for every start and length (past the end included).
                let all = list.query(&Filter::default(), key, dir, rate);
                for start in 0..=10 {
                    for len in 0..=10 {
                        let page = list.query_page(&Filter::default(), key, dir, rate, |n| {
                            assert_eq!(n, 8);
                            start..start + len
                        });
                        let want = all
                            .get(start.min(8)..(start + len).min(8))
                            .unwrap_or_default();
                        assert_eq!(page.matching, 8);
                        assert_eq!(page.positions, want, "{key:?} {dir:?} {start}+{len}");
                    }
                }
            }
        }
        // Spot checks, so the test fails even if both sorts went wrong the same way.
        let ids = |key, dir| -> Vec<String> {
            list.query(&Filter::default(), key, dir, rate)
                .iter()
                .filter_map(|&i| list.creators().get(i))
                .map(|c| c.id.clone())
                .collect()
        };
        let cases: &[(SortKey, SortDir, [&str; 8])] = &[
            // Ties keep name then id ascending; missing followers go last.
            (
                SortKey::Followers,
                SortDir::Desc,
                ["k", "j", "d", "b", "e", "f", "a", "c"],
            ),
            (
                SortKey::Name,
                SortDir::Asc,
                ["f", "a", "b", "e", "c", "j", "k", "d"],
            ),
        ];
        for (key, dir, want) in cases {
            assert_eq!(ids(*key, *dir), want.to_vec(), "{key:?} {dir:?}");
        }
    }

    #[test]
    fn filtering() {
        let list = sample();
        let none = |_: &Creator| None;
        let cases: &[(Filter, &[&str])] = &[
            (Filter::default(), &["adam", "Bo", "Mia", "Zoe"]),
            (
                Filter {
                    tier: Some(Tier::Micro),
                    ..Filter::default()
                },
                &["Zoe"],
            ),
            (
                Filter {
                    platform: Some(Platform::Instagram),
                    ..Filter::default()
                },
                &["adam"],
            ),
            (
                Filter {
                    status: Some(Status::Prospect),
                    ..Filter::default()
                },
                &["Bo", "Mia", "Zoe"],
            ),
            (
                Filter {
                    tag: Some("#Fitness".into()),
                    ..Filter::default()
                },
                &["Mia", "Zoe"],
            ),
            (
                Filter {
                    text: "VEGAN replies".into(),
                    ..Filter::default()
                },
                &["adam"],
            ),
            (
                Filter {
                    text: "travel".into(),
                    ..Filter::default()
                },
                &["Mia"],
            ),
            (
                Filter {
                    text: "zo".into(),
                    tag: Some("fitness".into()),
                    ..Filter::default()
                },
                &["Zoe"],
            ),
            (
                Filter {
                    text: "nobody".into(),
                    ..Filter::default()
                },
                &[],
            ),
        ];
        for (filter, want) in cases {
            let got = names(
                &list,
                &list.query(filter, SortKey::Name, SortDir::Asc, none),
            );
            assert_eq!(got, *want, "{filter:?}");
        }
    }

    #[test]
    fn edits_keep_the_index_in_step() {
        let mut list = sample();
        let mut b = creator("b", "Adam Smith");
        b.notes = "now on tiktok".into();
        assert!(list.upsert(b));
        assert_eq!(list.len(), 4);
        assert_eq!(find(&list, "smith"), vec!["Adam Smith"]);
        assert!(
            find(&list, "vegan").is_empty(),
            "old search keys must be replaced"
        );
        assert_eq!(list.remove("a").map(|c| c.name), Some("Zoe".into()));
        assert_eq!(list.get("c").map(|c| c.name.as_str()), Some("Mia"));
        assert_eq!(list.get("d").map(|c| c.name.as_str()), Some("Bo"));
        assert!(list.remove("a").is_none());
        let mut newer = creator("c", "Mia R");
        newer.created_at = 99.0;
        let summary = list.merge(vec![newer, creator("e", "Eve")]);
        assert_eq!(
            summary,
            MergeSummary {
                added: 1,
                updated: 1
            }
        );
        assert_eq!(list.get("c").map(|c| c.created_at), Some(1.0));
        assert_eq!(list.len(), 4);
        assert_eq!(list.tag_counts(), vec![]);
    }

    /// Regression guard for the per-creator JSON kept between saves: after any edit the saved
    /// text must be exactly what encoding the list from scratch gives (a stale entry would save
    /// an old version of a creator and lose the edit).
    #[test]
    fn encoded_list_matches_a_fresh_encoding_after_every_edit() {
        let saved = |list: &Shortlist| {
            let parts: Vec<String> = list
                .encoded()
                .unwrap_or_default()
                .iter()
                .map(|r| r.get().to_string())
                .collect();
            format!("[{}]", parts.join(","))
        };
        let fresh = |list: &Shortlist| serde_json::to_string(list.creators()).unwrap_or_default();
        type Edit = fn(&mut Shortlist);
        let edits: [(&str, Edit); 6] = [
            ("nothing", |_| {}),
            ("upsert existing", |l| {
                let mut b = creator("b", "Adam Smith");
                b.notes = "changed".into();
                l.upsert(b);
            }),
            ("add new", |l| {
                l.upsert(creator("z", "Zed"));
            }),
            ("remove first", |l| {
                l.remove("a");
            }),
            ("merge", |l| {
                l.merge(vec![creator("c", "Mia R"), creator("y", "Yan")]);
            }),
            ("remove last", |l| {
                l.remove("y");
            }),
        ];
        let mut list = sample();
        for (what, edit) in edits {
            // Encode before the edit so every entry is cached, then edit and compare.
            let _ = saved(&list);
            edit(&mut list);
            assert_eq!(saved(&list), fresh(&list), "after {what}");
            let back: Vec<Creator> = serde_json::from_str(&saved(&list)).unwrap_or_default();
            assert_eq!(back, list.creators(), "after {what}: reads back");
        }
    }

    /// Issue 19: the merge looks each id up once and lowers the searched text only when a
    /// search needs it. A creator twice in one merge is added once, then updated by the later
    /// copy; text search finds what merged creators hold, non-ASCII names included.
    #[test]
    fn merge_adds_once_and_finds_merged_text() {
        let mut list = Shortlist::default();
        let mut again = creator("x", "Xena");
        again.notes = "Vegan RECIPES".into();
        again.created_at = 5.0;
        let mut accented = creator("é", "ÉLODIE Durand");
        accented.tags = vec!["café".into()];
        let summary = list.merge(vec![creator("x", "Xavi"), again, accented]);
        assert_eq!(
            summary,
            MergeSummary {
                added: 2,
                updated: 1
            }
        );
        assert_eq!(
            list.get("x").map(|c| (c.name.as_str(), c.created_at)),
            Some(("Xena", 1.0))
        );
        assert_eq!(find(&list, "recipes"), vec!["Xena"]);
        assert_eq!(find(&list, "élodie café"), vec!["ÉLODIE Durand"]);
        assert!(find(&list, "xavi").is_empty());
        assert_eq!(
            names(
                &list,
                &list.query(&Filter::default(), SortKey::Name, SortDir::Asc, |_| None)
            ),
            vec!["Xena", "ÉLODIE Durand"]
        );
    }

    /// The merge in pieces (and the empty list's adoption of the whole list) gives what one
    /// creator at a time gave: first appearance sets the order, the last copy of an id wins,
    /// across piece boundaries too.
    #[test]
    fn merge_in_pieces_matches_one_at_a_time() {
        let n = 3 * MERGE_PIECE + 7;
        let named = |id: String, n: usize| creator(&id, &format!("n{n}"));
        let inputs: [(&str, Vec<Creator>); 3] = [
            (
                "repeats all along",
                (0..n)
                    .map(|i| named(format!("i{}", i % (MERGE_PIECE + 500)), i))
                    .chain([creator("a", "Zoe again")])
                    .collect(),
            ),
            (
                "all new",
                (0..n).map(|i| named(format!("u{i}"), i)).collect(),
            ),
            (
                "one repeat in the last piece",
                (0..n)
                    .map(|i| named(format!("u{}", if i == n - 1 { 3 } else { i }), i))
                    .collect(),
            ),
        ];
        for start in [Shortlist::default(), sample()] {
            for (what, incoming) in &inputs {
                let mut want = start.clone();
                let mut updated = 0;
                for c in incoming.clone() {
                    if want.upsert(c) {
                        updated += 1;
                    }
                }
                let mut list = start.clone();
                let summary = list.merge(incoming.clone());
                assert_eq!(summary.updated, updated, "{what}");
                assert_eq!(summary.added + start.len(), want.len(), "{what}");
                assert_eq!(list.creators(), want.creators(), "{what}");
                for c in want.creators() {
                    assert_eq!(list.get(&c.id), Some(c), "{what}");
                }
                let f = Filter {
                    text: "n7".into(),
                    ..Filter::default()
                };
                assert_eq!(
                    list.query(&f, SortKey::Name, SortDir::Asc, |_| None),
                    want.query(&f, SortKey::Name, SortDir::Asc, |_| None),
                    "{what}"
                );
            }
        }
    }

    /// Issue 19: pages near the top are found by a bounded heap over pieces of the list, pages
    /// further down by selection; both must give the rows of the full sort, on a list bigger
    /// than a piece, with many equal names and values, and in the order that makes every row
    /// better than the ones before (newest last, sorted newest first).
    #[test]
    fn pages_match_the_full_sort_on_a_big_list() {
        let n = 2 * QUERY_PIECE + 123;
        let creators: Vec<Creator> = (0..n)
            .map(|i| {
                let mut c = creator(
                    &format!("c{i:05}"),
                    ["Ann", "bo", "Émile", "zed", "Ann"][i % 5],
                );
                c.followers = (i % 7 != 0).then_some((i % 1_000) as u64 * 100);
                c.updated_at = i as f64;
                c.tags = vec![["food", "travel"][i % 2].into()];
                c
            })
            .collect();
        let list = Shortlist::new(creators);
        let filters = [
            Filter::default(),
            Filter {
                tag: Some("food".into()),
                ..Filter::default()
            },
        ];
        for filter in &filters {
            for key in [SortKey::Name, SortKey::Followers, SortKey::Updated] {
                for dir in [SortDir::Asc, SortDir::Desc] {
                    let all = list.query_page(filter, key, dir, |_| None, |m| 0..m);
                    for (start, len) in [(0, 50), (50, 50), (BEST_MAX - 10, 30), (n - 20, 50)] {
                        let page =
                            list.query_page(filter, key, dir, |_| None, |_| start..start + len);
                        let m = all.matching;
                        let want = all
                            .positions
                            .get(start.min(m)..(start + len).min(m))
                            .unwrap_or_default();
                        assert_eq!(page.matching, m);
                        assert_eq!(page.positions, want, "{key:?} {dir:?} {start}+{len}");
                    }
                }
            }
        }
        let all = list.query_page(
            &Filter::default(),
            SortKey::Updated,
            SortDir::Asc,
            |_| None,
            |m| 0..m,
        );
        assert_eq!(all.positions, (0..n).collect::<Vec<_>>());
        assert_eq!(
            list.tag_counts(),
            vec![
                ("food".to_string(), n.div_ceil(2)),
                ("travel".to_string(), n / 2)
            ]
        );
    }

    /// Guards the id index without copies of the ids (issue 19, session 10): it holds positions,
    /// so every way the list changes (adopt, merge with repeats, upsert, remove shifting the rest,
    /// growth past its first room) must leave each listed id finding its own creator and a
    /// removed or unknown id finding none.
    #[test]
    fn id_index_finds_every_listed_creator_after_each_change() {
        let names = |list: &Shortlist, ids: &[&str]| -> Vec<Option<String>> {
            ids.iter()
                .map(|id| list.get(id).map(|c| c.name.clone()))
                .collect()
        };
        let many: Vec<Creator> = (0..3_000)
            .map(|i| creator(&format!("id{i}"), &format!("N{i}")))
            .collect();
        type Change = fn(&mut Shortlist);
        /// What changed the list, how, the ids looked up and the names they find.
        type Case<'a> = (&'a str, Change, &'a [&'a str], Vec<Option<&'a str>>);
        let cases: [Case; 5] = [
            (
                "adopted whole",
                |_| {},
                &["id0", "id2999", "x"],
                vec![Some("N0"), Some("N2999"), None],
            ),
            (
                "merged with a repeat and a new one",
                |l| {
                    l.merge(vec![
                        creator("id5", "Five"),
                        creator("new", "New"),
                        creator("new", "Newer"),
                    ]);
                },
                &["id5", "new", "id6"],
                vec![Some("Five"), Some("Newer"), Some("N6")],
            ),
            (
                "upserted",
                |l| {
                    l.upsert(creator("id7", "Seven"));
                    l.upsert(creator("late", "Late"));
                },
                &["id7", "late", "id8"],
                vec![Some("Seven"), Some("Late"), Some("N8")],
            ),
            (
                "removed near the start",
                |l| {
                    l.remove("id1");
                },
                &["id1", "id0", "id2", "id2999"],
                vec![None, Some("N0"), Some("N2"), Some("N2999")],
            ),
            (
                "grown past its room one by one",
                |l| {
                    for i in 0..5_000 {
                        l.upsert(creator(&format!("more{i}"), &format!("M{i}")));
                    }
                },
                &["more0", "more4999", "id1234"],
                vec![Some("M0"), Some("M4999"), Some("N1234")],
            ),
        ];
        for (what, change, ids, want) in cases {
            let mut list = Shortlist::default();
            assert_eq!(list.merge(many.clone()).added, 3_000, "{what}");
            change(&mut list);
            let want: Vec<Option<String>> = want.into_iter().map(|n| n.map(String::from)).collect();
            assert_eq!(names(&list, ids), want, "{what}");
            for (i, c) in list.creators().iter().enumerate() {
                assert_eq!(
                    list.by_id.get(list.creators(), &c.id),
                    Some(i),
                    "{what}: {}",
                    c.id
                );
            }
        }
    }

    /// Regression guard for issue 19's first id hash, which spread one import's ids ("cmiv3k2ab-0",
    /// "cmiv3k2ab-1", ...) over a handful of buckets: the low bits, which pick the bucket, must
    /// differ between nearly all of them.
    #[test]
    fn id_hash_spreads_ids_made_together_over_the_low_bits() {
        use std::hash::BuildHasher;
        let hasher = std::hash::BuildHasherDefault::<IdHasher>::default();
        let mut ids = IdSource::new(1_765_000_000_000.0);
        let mut low: Vec<u64> = (0..4096)
            .map(|_| hasher.hash_one(ids.next_id()) & 0xfff)
            .collect();
        low.sort_unstable();
        low.dedup();
        // 4,096 random picks among 4,096 values give about 2,590 distinct ones.
        assert!(low.len() > 2_400, "{} distinct bucket bits", low.len());
    }

    #[test]
    fn tag_counts_most_used_first() {
        let list = sample();
        assert_eq!(
            list.tag_counts(),
            vec![("fitness".to_string(), 2), ("travel".to_string(), 1)]
        );
    }
}
