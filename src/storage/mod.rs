//! Storage: the one door to localStorage. The envelope (versions, migrations, decoding) is pure and
//! lives in `envelope`, the layout of a list kept in parts (index, parts, what a save rewrites) in
//! `parts`; this file reads and writes the strings and tells storage failures apart.
//!
//! Rules: never overwrite what could not be read; never let a tab holding older data overwrite newer
//! data (a save first checks that the stored text is still the one this tab last saw: for a list in
//! parts, its index); a crash between two writes loses nothing (parts first, under new names; the
//! index last; the old parts removed after it; orphans ignored by loading, removed by a later save).

pub mod envelope;
pub mod file;
pub mod packed;
pub mod parts;
mod site;

pub use site::{event_is_for, flag, request_persistence, set_flag, usage, Usage};

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};

use serde::Serialize;
use thiserror::Error;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::js_sys;

use crate::domain::campaign::record::Campaign;
use crate::domain::creator::record::Creator;
use crate::domain::io::workspace::{DroppedRecord, Record};
use envelope::{Corrupt, Kind, Layout, Load};
use parts::{Index, PartRef, Step};

const PREFIX: &str = "microscope.";

/// The localStorage key of a kind: "microscope.shortlist".
pub fn key(kind: &Kind) -> String {
    format!("{PREFIX}{}", kind.key)
}

/// Why a save did not happen. Every variant keeps the data in memory; the UI says what to do.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SaveError {
    #[error("the browser's storage for this site is full ({0})")]
    Quota(String),
    #[error("this browser is not letting the site store data ({0})")]
    Unavailable(String),
    #[error("another tab saved newer changes")]
    Conflict { stored: Option<String> },
    #[error("{0}")]
    Encode(String),
}

/// localStorage, or why it can't be used (private mode, disabled cookies, sandboxed frame).
fn local_storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("no window")?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err("localStorage is not available".to_string()),
        Err(e) => Err(js_error_text(&e)),
    }
}

fn js_error_text(e: &wasm_bindgen::JsValue) -> String {
    if let Some(ex) = e.dyn_ref::<web_sys::DomException>() {
        format!("{}: {}", ex.name(), ex.message())
    } else {
        e.as_string().unwrap_or_else(|| "unknown error".to_string())
    }
}

/// The stored text of a kind: `Ok(None)` when nothing is stored, `Err` when storage is unusable.
pub fn read_raw(kind: &Kind) -> Result<Option<String>, String> {
    let storage = local_storage()?;
    storage.get_item(&key(kind)).map_err(|e| js_error_text(&e))
}

/// A stored record with an id: a list in parts is planned by its records' ids.
pub trait Keyed {
    fn record_id(&self) -> &str;
}

impl Keyed for Creator {
    fn record_id(&self) -> &str {
        &self.id
    }
}

impl Keyed for Campaign {
    fn record_id(&self) -> &str {
        &self.id
    }
}

/// Loads a list kind, telling missing, unavailable, corrupt, too new and loaded apart.
/// Returns the raw text seen too (for a list in parts, its index), which the next save checks
/// against.
pub fn load_list<T: Record + Keyed>(kind: &Kind) -> (Load<Vec<T>>, Option<String>) {
    let storage = match local_storage() {
        Ok(s) => s,
        Err(reason) => return (Load::Unavailable { reason }, None),
    };
    // A part the index names is gone only when another tab saved in between (it removes the
    // parts its new index no longer names): read again from its index, a few times.
    for _ in 0..3 {
        let raw = match storage.get_item(&key(kind)) {
            Ok(raw) => raw,
            Err(e) => {
                return (
                    Load::Unavailable {
                        reason: js_error_text(&e),
                    },
                    None,
                )
            }
        };
        let index = match (&raw, kind.layout) {
            (Some(raw), Layout::Parts { .. }) => parts::read_index(raw, kind),
            _ => None,
        };
        let Some(index) = index else {
            return (envelope::decode_list(raw.as_deref(), kind), raw);
        };
        let (load, missing) = load_parts::<T>(&storage, kind, &index);
        let moved = missing && storage.get_item(&key(kind)).ok().flatten() != raw;
        if !moved {
            return (load, raw);
        }
    }
    let raw = storage.get_item(&key(kind)).ok().flatten();
    (envelope::decode_list(raw.as_deref(), kind), raw)
}

/// Reads the parts `index` names, in order. Returns the outcome and whether a part was missing.
fn load_parts<T: Record + Keyed>(
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
fn dump(storage: &web_sys::Storage, kind: &Kind) -> String {
    let main = key(kind);
    let prefix = part_prefix(kind);
    let mut all = serde_json::Map::new();
    for k in keys(storage) {
        if k == main || k.starts_with(&prefix) {
            if let Ok(Some(text)) = storage.get_item(&k) {
                let text = match unpacked(text.clone()) {
                    Ok((plain, _)) => plain,
                    Err(_) => text,
                };
                all.insert(k, serde_json::Value::String(text));
            }
        }
    }
    serde_json::to_string(&all).unwrap_or_default()
}

/// The stored text of `kind` as the user can download it: a list in parts as one JSON object of
/// its keys and texts, anything else as stored. `None` when nothing is stored or storage is
/// unusable.
pub fn stored_text(kind: &Kind) -> Option<String> {
    let storage = local_storage().ok()?;
    let raw = storage.get_item(&key(kind)).ok().flatten()?;
    match kind.layout {
        Layout::Parts { .. } if parts::read_index(&raw, kind).is_some() => {
            Some(dump(&storage, kind))
        }
        _ => Some(raw),
    }
}

/// Every key in storage (a snapshot: removing keys while walking would skip some).
fn keys(storage: &web_sys::Storage) -> Vec<String> {
    let len = storage.length().unwrap_or(0);
    (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect()
}

/// Loads a single-value kind (settings).
pub fn load_one<T: Record>(kind: &Kind) -> (Load<T>, Option<String>) {
    match read_raw(kind) {
        Err(reason) => (Load::Unavailable { reason }, None),
        Ok(raw) => (envelope::decode_one(raw.as_deref(), kind), raw),
    }
}

#[wasm_bindgen]
extern "C" {
    /// The same localStorage object, with `getItem` giving the JS string itself: the check before
    /// a save can then compare it in JS instead of copying the whole stored text (1.5 M
    /// characters at 5,000 creators) into Rust each time.
    #[wasm_bindgen(extends = web_sys::Storage)]
    type JsStorage;

    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item_js(this: &JsStorage, key: &str) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item_js(this: &JsStorage, key: &str, value: &JsValue) -> Result<(), JsValue>;
}

/// A text this tab wrote under `key`, kept both as Rust text and as the very JS string handed to
/// `setItem`, so the next save can tell "still what I wrote" without converting the stored text.
struct Written {
    key: String,
    text: String,
    js: JsValue,
}

thread_local! {
    static WRITTEN: RefCell<Vec<Written>> = const { RefCell::new(Vec::new()) };
}

fn remember_written(key: &str, text: &str, js: JsValue) {
    WRITTEN.with(|w| {
        let mut w = w.borrow_mut();
        w.retain(|e| e.key != key);
        w.push(Written {
            key: key.to_string(),
            text: text.to_string(),
            js,
        });
    });
}

/// True only when the stored value is provably `last_seen`: it is (`===`) the JS string this tab
/// wrote, and that write's text equals `last_seen`. Anything else (first save after loading,
/// another tab's write, a removal) returns false and the caller does the full comparison.
fn still_what_this_tab_wrote(key: &str, stored: &JsValue, last_seen: Option<&str>) -> bool {
    let Some(last_seen) = last_seen else {
        return false;
    };
    WRITTEN.with(|w| {
        w.borrow()
            .iter()
            .any(|e| e.key == key && e.js == *stored && e.text == last_seen)
    })
}

/// Fails with `SaveError::Conflict` unless the text stored under `k` is still `last_seen` (what
/// this tab loaded or last wrote): another tab saved since, and writing now would lose its change.
fn still_last_seen(
    storage: &web_sys::Storage,
    k: &str,
    last_seen: Option<&str>,
) -> Result<(), SaveError> {
    let stored = storage
        .unchecked_ref::<JsStorage>()
        .get_item_js(k)
        .map_err(|e| SaveError::Unavailable(js_error_text(&e)))?;
    // The usual case (this tab wrote last) is settled in JS; otherwise the stored text is read
    // into Rust and compared in full, exactly as strict either way.
    if !still_what_this_tab_wrote(k, &stored, last_seen) {
        let stored = stored.as_string();
        if stored.as_deref() != last_seen {
            return Err(SaveError::Conflict { stored });
        }
    }
    Ok(())
}

/// Saves `data` if the stored text is still `last_seen` (what this tab loaded or last wrote).
/// Returns the new stored text, to pass as `last_seen` next time.
pub fn save<T: Serialize + ?Sized>(
    kind: &Kind,
    data: &T,
    last_seen: Option<&str>,
) -> Result<String, SaveError> {
    timed_write(kind, Guard::IfStill(last_seen), |storage, k| {
        write_envelope(storage, k, kind, data)
    })
}

/// Replaces whatever is stored, after the user chose to (start fresh, restore an import).
pub fn overwrite<T: Serialize + ?Sized>(kind: &Kind, data: &T) -> Result<String, SaveError> {
    timed_write(kind, Guard::Replace, |storage, k| {
        write_envelope(storage, k, kind, data)
    })
}

/// Whether a write first makes sure no other tab saved since this tab last read.
enum Guard<'a> {
    /// Only if the stored text is still this (what this tab loaded or last wrote).
    IfStill(Option<&'a str>),
    /// Whatever is stored: the user chose to replace it.
    Replace,
}

/// One timed save of `kind`: after the `guard`'s check, `write` gets the storage and the kind's
/// key and returns the new stored text.
fn timed_write(
    kind: &Kind,
    guard: Guard,
    write: impl FnOnce(&web_sys::Storage, &str) -> Result<String, SaveError>,
) -> Result<String, SaveError> {
    let storage = local_storage().map_err(SaveError::Unavailable)?;
    let k = key(kind);
    // The check against other tabs reads the stored value back: part of what a save costs.
    let timing = SaveTiming::start(&k);
    if let Guard::IfStill(last_seen) = guard {
        still_last_seen(&storage, &k, last_seen)?;
    }
    let text = write(&storage, &k)?;
    timing.end();
    Ok(text)
}

/// Writes `data` whole, as one envelope.
fn write_envelope<T: Serialize + ?Sized>(
    storage: &web_sys::Storage,
    k: &str,
    kind: &Kind,
    data: &T,
) -> Result<String, SaveError> {
    let text = envelope::encode(kind, data).map_err(|e| SaveError::Encode(e.to_string()))?;
    write_raw(storage, k, &text)?;
    Ok(text)
}

/// A list as a save reads it: its records' ids in order, which changed since the stored text this
/// tab last saw, and each record's JSON (written only for the records a save writes).
pub trait ListSource {
    fn count(&self) -> usize;
    fn id(&self, i: usize) -> &str;
    /// Whether record `i` changed since the stored list this tab last read or wrote.
    fn changed(&self, i: usize) -> bool;
    /// Appends record `i`'s JSON to `out`.
    fn write_json(&self, i: usize, out: &mut String) -> Result<(), String>;
}

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

/// Saves a list if the stored text (for a list in parts, the index) is still `last_seen`.
/// Returns the new stored text, to pass as `last_seen` next time. A list in parts writes only
/// the parts that changed (`parts::plan`), then the index, then removes the parts it replaced.
pub fn save_list(
    kind: &Kind,
    list: &dyn ListSource,
    last_seen: Option<&str>,
) -> Result<String, SaveError> {
    timed_write(kind, Guard::IfStill(last_seen), |storage, k| {
        match kind.layout {
            Layout::Whole => write_whole_list(storage, k, kind, list),
            Layout::Parts { per_part } => {
                let prev = last_seen.and_then(|t| parts::read_index(t, kind));
                // A list still stored whole (before parts) needs room for both while its parts
                // are written; when that room is missing it is written whole again, in place (one
                // write: as safe as before parts), and a later save tries parts again.
                let whole_before = last_seen.is_some() && prev.is_none();
                match write_parts(
                    storage,
                    kind,
                    list,
                    prev.unwrap_or_default(),
                    per_part,
                    false,
                ) {
                    Err(SaveError::Quota(_)) if whole_before => {
                        write_whole_list(storage, k, kind, list)
                    }
                    written => written,
                }
            }
        }
    })
}

/// Replaces whatever list is stored, after the user chose to ("Start fresh"): every part of the
/// list is written anew and every other part removed, unreadable ones included.
pub fn overwrite_list(kind: &Kind, list: &dyn ListSource) -> Result<String, SaveError> {
    timed_write(kind, Guard::Replace, |storage, k| match kind.layout {
        Layout::Whole => write_whole_list(storage, k, kind, list),
        Layout::Parts { per_part } => {
            write_parts(storage, kind, list, Index::default(), per_part, true)
        }
    })
}

/// Writes `list` whole under `k`, as one envelope.
fn write_whole_list(
    storage: &web_sys::Storage,
    k: &str,
    kind: &Kind,
    list: &dyn ListSource,
) -> Result<String, SaveError> {
    let text = whole_text(kind, list)?;
    write_raw(storage, k, &text)?;
    Ok(text)
}

/// The whole list as one envelope (the same text `envelope::encode` writes for a list).
fn whole_text(kind: &Kind, list: &dyn ListSource) -> Result<String, SaveError> {
    let mut text = parts::part_opening(kind);
    for i in 0..list.count() {
        if i > 0 {
            text.push(',');
        }
        list.write_json(i, &mut text).map_err(SaveError::Encode)?;
    }
    text.push_str(parts::PART_CLOSING);
    Ok(text)
}

/// Writes `list` in parts over the stored index `prev`: the changed parts under new names, then
/// the index, then removes the parts `prev` named that the new index does not. A failed write
/// removes the parts this save wrote, so storage is as before. `all`: also remove every other
/// part of the kind, whoever wrote it (the user chose to replace what is stored).
fn write_parts(
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

/// A User Timing measure "microscope:save:<key>" around a save, so the benchmark
/// (tests/e2e/bench) and the browser's performance panel see what a save costs: the read-back
/// check, encoding and writing. Only successful saves are measured; failures to mark are ignored
/// (timing is never worth a failed save).
struct SaveTiming {
    performance: Option<web_sys::Performance>,
    name: String,
}

impl SaveTiming {
    fn start(key: &str) -> SaveTiming {
        let performance = web_sys::window().and_then(|w| w.performance());
        let name = format!("microscope:save:{key}");
        if let Some(p) = &performance {
            let _ = p.mark(&format!("{name}:start"));
        }
        SaveTiming { performance, name }
    }

    fn end(self) {
        if let Some(p) = &self.performance {
            let start = format!("{}:start", self.name);
            let _ = p.measure_with_start_mark(&self.name, &start);
            // Marks would pile up over a long session; the measure keeps the figure.
            p.clear_marks_with_mark_name(&start);
        }
    }
}

fn write_raw(storage: &web_sys::Storage, key: &str, text: &str) -> Result<(), SaveError> {
    let js = JsValue::from_str(text);
    set_js(storage, key, &js)?;
    remember_written(key, text, js);
    Ok(())
}

/// Writes a part: never compared later, so not remembered.
fn set_text(storage: &web_sys::Storage, key: &str, text: &str) -> Result<(), SaveError> {
    set_js(storage, key, &JsValue::from_str(text))
}

fn set_js(storage: &web_sys::Storage, key: &str, js: &JsValue) -> Result<(), SaveError> {
    let result = storage.unchecked_ref::<JsStorage>().set_item_js(key, js);
    result.map_err(|e| {
        let detail = js_error_text(&e);
        let quota = e
            .dyn_ref::<web_sys::DomException>()
            .map(|ex| ex.name() == "QuotaExceededError" || ex.code() == 22)
            .unwrap_or(false);
        if quota {
            SaveError::Quota(detail)
        } else {
            SaveError::Unavailable(detail)
        }
    })
}
