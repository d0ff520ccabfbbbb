//! Storage: the one door to localStorage. The envelope (versions, migrations, decoding) is pure and
//! lives in `envelope`, the layout of a list kept in parts (index, parts, what a save rewrites) in
//! `parts`, a part's compression in `packed`; `part_store` reads and writes a list's parts, and
//! this file reads and writes the other strings, decides the layout and tells failures apart.
//!
//! Rules: never overwrite what could not be read; never let a tab holding older data overwrite newer
//! data (a save first checks that the stored text is still the one this tab last saw: for a list in
//! parts, its index); a crash between two writes loses nothing (parts first, under new names; the
//! index last; the old parts removed after it; orphans ignored by loading, removed by a later save).

pub mod aside;
pub mod envelope;
// A test only: every stored record's fields against the versions of the formats carrying it.
#[cfg(test)]
mod fields;
pub mod file;
pub mod packed;
mod part_store;
pub mod parts;
mod site;

pub use part_store::part_prefix;
pub use site::{event_is_for, flag, request_persistence, set_flag, usage, Usage};

use std::cell::RefCell;

use serde::Serialize;
use thiserror::Error;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::campaign::record::Campaign;
use crate::domain::creator::record::Creator;
use crate::domain::io::workspace::Record;
use envelope::{Kind, Layout, Load};
use parts::Index;

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
        let (load, missing) = part_store::load_parts::<T>(&storage, kind, &index);
        let moved = missing && storage.get_item(&key(kind)).ok().flatten() != raw;
        if !moved {
            return (load, raw);
        }
    }
    let raw = storage.get_item(&key(kind)).ok().flatten();
    (envelope::decode_list(raw.as_deref(), kind), raw)
}

/// The stored text of `kind` as the user can download it: a list in parts as one JSON object of
/// its keys and texts, anything else as stored. `None` when nothing is stored or storage is
/// unusable.
pub fn stored_text(kind: &Kind) -> Option<String> {
    let storage = local_storage().ok()?;
    let raw = storage.get_item(&key(kind)).ok().flatten()?;
    match kind.layout {
        Layout::Parts { .. } if parts::read_index(&raw, kind).is_some() => {
            Some(part_store::dump(&storage, kind))
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
                match part_store::write_parts(
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
            part_store::write_parts(storage, kind, list, Index::default(), per_part, true)
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
