//! The browser half of a list kept in parts (`parts` is the pure half): reading the parts an
//! index names (unpacking compressed ones, `packed`), writing the parts a save plans, sweeping
//! orphans, and what this page knows of the parts it read or wrote.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};

use web_sys::js_sys;

use crate::domain::io::workspace::{DroppedRecord, Record};

use super::envelope::{self, Corrupt, Kind, Load};
use super::parts::{self, Index, PartRef, Step};
use super::{
    js_error_text, key, keys, packed, set_text, write_raw, Keyed, ListSource, SaveError, PREFIX,
};

thread_local! {
    /// The ids each part holds, for the parts this page read or wrote: a part is never written
    /// twice under one name, so what it holds is known for good.
    static PART_IDS: RefCell<HashMap<String, Vec<String>>> = RefCell::new(HashMap::new());
    /// The parts this page read stored plain, before compression (version 4).
    static PLAIN_PARTS: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
    /// This page's part of a part's name (with the time and a counter, unique across tabs).
    static TOKEN: String = {
        // Six base-36 digits: 36^6 = 2,176,782,336 tokens.
        parts::base36((js_sys::Math::random() * 2_176_782_336.0) as u64)
    };
    static PARTS_WRITTEN: Cell<u64> = const { Cell::new(0) };
    /// Whether this page already looked for parts left over by a crash.
    static SWEPT: Cell<bool> = const { Cell::new(false) };
}

/// Parts nobody names are removed by a save only when this page wrote them or they are older than
/// this: a younger one may belong to another tab's save in progress.
const ORPHAN_AGE_MS: u64 = 60 * 60 * 1000;

/// The common start of every part key of `kind`: "microscope.shortlist.part.".
pub fn part_prefix(kind: &Kind) -> String {
    format!("{PREFIX}{}.part.", kind.key)
}

fn new_part_key(prefix: &str) -> String {
    let n = PARTS_WRITTEN.with(|c| {
        let n = c.get();
        c.set(n + 1);
        n
    });
    let now = js_sys::Date::now().max(0.0) as u64;
    TOKEN.with(|t| parts::part_key(prefix, now, t, n))
}

/// Reads the parts `index` names, in order. Returns the outcome and whether a part was missing.
pub(super) fn load_parts<T: Record + Keyed>(
    storage: &web_sys::Storage,
    kind: &Kind,
    index: &Index,
) -> (Load<Vec<T>>, bool) {
    let mut value = Vec::with_capacity(index.parts.iter().map(|p| p.count).sum());
    let mut dropped = Vec::new();
    let mut migrated_from = None;
    let mut missing = false;
    let mut known = Vec::with_capacity(index.parts.len());
    // Parts stored before compression (version 4): the next save writes them anew, compressed.
    let mut plain = Vec::new();
    // Records before this part in the stored list: a report counts in the whole list.
    let mut offset = 0;
    for part in &index.parts {
        let text = match storage.get_item(&part.key) {
            Ok(text) => text,
            Err(e) => {
                let reason = js_error_text(&e);
                return (Load::Unavailable { reason }, false);
            }
        };
        let text = match text.map(unpacked) {
            Some(Err(reason)) => {
                let reason = Corrupt::Part {
                    key: part.key.clone(),
                    reason: Box::new(reason),
                };
                let raw = dump(storage, kind);
                return (Load::Corrupt { reason, raw }, false);
            }
            Some(Ok((text, was_packed))) => {
                if !was_packed {
                    plain.push(part.key.clone());
                }
                Some(text)
            }
            None => None,
        };
        let load = text
            .as_deref()
            .map(|t| envelope::decode_list::<T>(Some(t), kind));
        match load {
            None | Some(Load::Missing) | Some(Load::Unavailable { .. }) => {
                missing = true;
                dropped.push(DroppedRecord {
                    index: offset,
                    name: None,
                    reason: format!(
                        "the part of the stored list holding this record and {} after it (“{}”) is missing from the browser's storage.",
                        part.count.saturating_sub(1),
                        part.key
                    ),
                    kept: false,
                });
            }
            Some(Load::Loaded {
                value: records,
                dropped: lost,
                migrated_from: from,
            }) => {
                known.push((
                    part.key.clone(),
                    records.iter().map(|r| r.record_id().to_string()).collect(),
                ));
                dropped.extend(lost.into_iter().map(|mut d| {
                    d.index += offset;
                    d
                }));
                migrated_from = migrated_from.or(from);
                value.extend(records);
            }
            Some(Load::Corrupt { reason, .. }) => {
                let reason = Corrupt::Part {
                    key: part.key.clone(),
                    reason: Box::new(reason),
                };
                let raw = dump(storage, kind);
                return (Load::Corrupt { reason, raw }, false);
            }
            Some(Load::TooNew {
                found, supported, ..
            }) => {
                let raw = dump(storage, kind);
                let load = Load::TooNew {
                    found,
                    supported,
                    raw,
                };
                return (load, false);
            }
        }
        offset += part.count;
    }
    PART_IDS.with(|ids| {
        let mut ids = ids.borrow_mut();
        // What this page knows of parts: the ones this index names (others are gone or going).
        let named: HashSet<&str> = index.parts.iter().map(|p| p.key.as_str()).collect();
        ids.retain(|k, _| named.contains(k.as_str()));
        ids.extend(known);
    });
    PLAIN_PARTS.with(|p| *p.borrow_mut() = plain.into_iter().collect());
    let load = Load::Loaded {
        value,
        dropped,
        migrated_from,
    };
    (load, missing)
}

/// A part's stored text as JSON text: unpacked when it is compressed (`packed`), as stored when it
/// is not (parts of version 4). Also says whether it was compressed.
fn unpacked(text: String) -> Result<(String, bool), Corrupt> {
    if packed::is_packed(&text) {
        packed::unpack(&text)
            .map(|t| (t, true))
            .map_err(|e| Corrupt::Packed(e.to_string()))
    } else {
        Ok((text, false))
    }
}

/// Every stored key of `kind` (its index and every part, orphans included) with its text, as one
/// JSON object: what the user downloads when part of a list could not be read. Compressed parts
/// are written out unpacked, so the file reads as JSON; one that does not unpack is kept as stored.
pub(super) fn dump(storage: &web_sys::Storage, kind: &Kind) -> String {
    let main = key(kind);
    let prefix = part_prefix(kind);
    let mut all = serde_json::Map::new();
    for k in keys(storage) {
        if k == main || k.starts_with(&prefix) {
            if let Ok(Some(text)) = storage.get_item(&k) {
                let text = if packed::is_packed(&text) {
                    packed::unpack(&text).unwrap_or(text)
                } else {
                    text
                };
                all.insert(k, serde_json::Value::String(text));
            }
        }
    }
    serde_json::to_string(&all).unwrap_or_default()
}

/// Writes `list` in parts over the stored index `prev`: the changed parts under new names, then
/// the index, then removes the parts `prev` named that the new index does not. A failed write
/// removes the parts this save wrote, so storage is as before. `all`: also remove every other
/// part of the kind, whoever wrote it (the user chose to replace what is stored).
pub(super) fn write_parts(
    storage: &web_sys::Storage,
    kind: &Kind,
    list: &dyn ListSource,
    prev: Index,
    per_part: usize,
    all: bool,
) -> Result<String, SaveError> {
    let k = key(kind);
    let prefix = part_prefix(kind);
    // Parts no sweep may touch before the new index is written: those the index this save
    // replaces names, and those the stored index names (the same, except for "Start fresh").
    let mut named = prev.clone();
    if let Some(stored) = storage
        .get_item(&k)
        .ok()
        .flatten()
        .and_then(|t| parts::read_index(&t, kind))
    {
        named.parts.extend(stored.parts);
    }
    if !SWEPT.with(|s| s.replace(true)) {
        // Once a page: parts a crashed save left behind take room nobody will give back.
        sweep(storage, &prefix, &named, false);
    }
    let ids: Vec<&str> = (0..list.count()).map(|i| list.id(i)).collect();
    // `upgrade`: parts stored before compression are not kept but written anew, compressed.
    let steps = |upgrade: bool| {
        PART_IDS.with(|known| {
            let known = known.borrow();
            PLAIN_PARTS.with(|plain| {
                let plain = plain.borrow();
                let prev: Vec<Option<&[String]>> = prev
                    .parts
                    .iter()
                    .map(|p| {
                        let stale = upgrade && plain.contains(&p.key);
                        known.get(&p.key).filter(|_| !stale).map(Vec::as_slice)
                    })
                    .collect();
                parts::plan(&prev, &ids, &|i| list.changed(i), per_part)
            })
        })
    };
    let upgrade = PLAIN_PARTS.with(|p| !p.borrow().is_empty());
    let mut result = write_steps(storage, kind, list, &prev, &steps(upgrade), &prefix);
    if matches!(result, Err(SaveError::Quota(_))) {
        // Room taken by parts nobody names (a crash, a save cut short) is given back, once.
        sweep(storage, &prefix, &named, true);
        result = write_steps(storage, kind, list, &prev, &steps(upgrade), &prefix);
    }
    if upgrade && matches!(result, Err(SaveError::Quota(_))) {
        // A full storage may not hold the compressed copy beside the old parts: write only what
        // changed, as before, and compress the rest as it changes.
        result = write_steps(storage, kind, list, &prev, &steps(false), &prefix);
    }
    let (index, written) = result?;
    let text = envelope::encode(kind, &index).map_err(|e| SaveError::Encode(e.to_string()))?;
    if let Err(e) = write_raw(storage, &k, &text) {
        remove_parts(storage, written.iter().map(|(k, _)| k.as_str()));
        return Err(e);
    }
    // The new index is stored: the parts only the old one named can go.
    let named: HashSet<&str> = index.parts.iter().map(|p| p.key.as_str()).collect();
    let replaced: Vec<&str> = prev
        .parts
        .iter()
        .map(|p| p.key.as_str())
        .filter(|k| !named.contains(k))
        .collect();
    remove_parts(storage, replaced.iter().copied());
    if all {
        sweep(storage, &prefix, &index, true);
    }
    PART_IDS.with(|known| {
        let mut known = known.borrow_mut();
        for k in &replaced {
            known.remove(*k);
        }
        known.extend(written);
    });
    PLAIN_PARTS.with(|plain| plain.borrow_mut().retain(|k| named.contains(k.as_str())));
    Ok(text)
}

type NewParts = Vec<(String, Vec<String>)>;

/// Writes the parts `steps` asks for; returns the new index and the parts written with their ids.
fn write_steps(
    storage: &web_sys::Storage,
    kind: &Kind,
    list: &dyn ListSource,
    prev: &Index,
    steps: &[Step],
    prefix: &str,
) -> Result<(Index, NewParts), SaveError> {
    let opening = parts::part_opening(kind);
    let mut index = Index::default();
    let mut written: NewParts = Vec::new();
    for step in steps {
        match step {
            Step::Keep(p) => {
                if let Some(part) = prev.parts.get(*p) {
                    index.parts.push(part.clone());
                }
            }
            Step::Write(range) => {
                let mut text = String::with_capacity(opening.len() + 2 + range.len() * 512);
                text.push_str(&opening);
                let mut ids = Vec::with_capacity(range.len());
                for i in range.clone() {
                    if i > range.start {
                        text.push(',');
                    }
                    if let Err(e) = list.write_json(i, &mut text) {
                        remove_parts(storage, written.iter().map(|(k, _)| k.as_str()));
                        return Err(SaveError::Encode(e));
                    }
                    ids.push(list.id(i).to_string());
                }
                text.push_str(parts::PART_CLOSING);
                let part = new_part_key(prefix);
                if let Err(e) = set_text(storage, &part, &packed::pack(&text)) {
                    remove_parts(storage, written.iter().map(|(k, _)| k.as_str()));
                    return Err(e);
                }
                index.parts.push(PartRef {
                    key: part.clone(),
                    count: range.len(),
                });
                written.push((part, ids));
            }
        }
    }
    Ok((index, written))
}

fn remove_parts<'a>(storage: &web_sys::Storage, keys: impl Iterator<Item = &'a str>) {
    for k in keys {
        // A part left behind is ignored by loading and removed by a later save.
        let _ = storage.remove_item(k);
    }
}

/// Removes parts `index` does not name: this page's, and (with `any_age`, or when older than
/// [`ORPHAN_AGE_MS`]) other tabs'. Parts younger than that from another tab are left: that tab
/// may be between writing them and writing its index.
fn sweep(storage: &web_sys::Storage, prefix: &str, index: &Index, any_age: bool) {
    let named: HashSet<&str> = index.parts.iter().map(|p| p.key.as_str()).collect();
    let now = js_sys::Date::now().max(0.0) as u64;
    let mine = TOKEN.with(|t| format!("-{t}-"));
    let orphans: Vec<String> = keys(storage)
        .into_iter()
        .filter(|k| k.starts_with(prefix) && !named.contains(k.as_str()))
        .filter(|k| {
            any_age
                || k.contains(&mine)
                || parts::part_time(prefix, k).is_none_or(|t| now.saturating_sub(t) > ORPHAN_AGE_MS)
        })
        .collect();
    remove_parts(storage, orphans.iter().map(String::as_str));
    PART_IDS.with(|known| {
        let mut known = known.borrow_mut();
        for k in &orphans {
            known.remove(k);
        }
    });
}
