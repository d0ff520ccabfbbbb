//! Storage: the one door to localStorage. The envelope (versions, migrations, decoding) is pure and
//! lives in `envelope`; this file reads and writes the strings and tells storage failures apart.
//!
//! Rules: never overwrite what could not be read; never let a tab holding older data overwrite newer
//! data (a save first checks that the stored text is still the one this tab last saw).

pub mod envelope;
pub mod file;

use std::cell::RefCell;

use gloo_storage::{LocalStorage as GlooLocal, Storage as _};
use serde::Serialize;
use thiserror::Error;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::js_sys;

use crate::domain::io::workspace::Record;
use envelope::{Kind, Load};

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

/// Loads a list kind, telling missing, unavailable, corrupt, too new and loaded apart.
/// Returns the raw text seen too, which the next save checks against.
pub fn load_list<T: Record>(kind: &Kind) -> (Load<Vec<T>>, Option<String>) {
    match read_raw(kind) {
        Err(reason) => (Load::Unavailable { reason }, None),
        Ok(raw) => (envelope::decode_list(raw.as_deref(), kind), raw),
    }
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

/// Saves `data` if the stored text is still `last_seen` (what this tab loaded or last wrote).
/// Returns the new stored text, to pass as `last_seen` next time.
pub fn save<T: Serialize + ?Sized>(
    kind: &Kind,
    data: &T,
    last_seen: Option<&str>,
) -> Result<String, SaveError> {
    let storage = local_storage().map_err(SaveError::Unavailable)?;
    let k = key(kind);
    // The check against other tabs reads the stored value back: part of what a save costs.
    let timing = SaveTiming::start(&k);
    let stored = storage
        .unchecked_ref::<JsStorage>()
        .get_item_js(&k)
        .map_err(|e| SaveError::Unavailable(js_error_text(&e)))?;
    // The usual case (this tab wrote last) is settled in JS; otherwise the stored text is read
    // into Rust and compared in full, exactly as strict either way.
    if !still_what_this_tab_wrote(&k, &stored, last_seen) {
        let stored = stored.as_string();
        if stored.as_deref() != last_seen {
            return Err(SaveError::Conflict { stored });
        }
    }
    let text = envelope::encode(kind, data).map_err(|e| SaveError::Encode(e.to_string()))?;
    write_raw(&storage, &k, &text)?;
    timing.end();
    Ok(text)
}

/// Replaces whatever is stored, after the user chose to (start fresh, restore an import).
pub fn overwrite<T: Serialize + ?Sized>(kind: &Kind, data: &T) -> Result<String, SaveError> {
    let storage = local_storage().map_err(SaveError::Unavailable)?;
    let k = key(kind);
    let timing = SaveTiming::start(&k);
    let text = envelope::encode(kind, data).map_err(|e| SaveError::Encode(e.to_string()))?;
    write_raw(&storage, &k, &text)?;
    timing.end();
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
    let result = storage.unchecked_ref::<JsStorage>().set_item_js(key, &js);
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
    })?;
    remember_written(key, text, js);
    Ok(())
}

/// A small flag (a notice shown once). Failures are ignored: at worst the notice shows again.
pub fn flag(name: &str) -> bool {
    // gloo throws when storage is unusable, so probe first.
    local_storage().is_ok()
        && GlooLocal::get::<bool>(format!("{PREFIX}flag.{name}")).unwrap_or(false)
}

pub fn set_flag(name: &str) {
    if local_storage().is_ok() {
        let _ = GlooLocal::set(format!("{PREFIX}flag.{name}"), true);
    }
}

/// Asks the browser not to evict this site's storage under pressure. Best effort; the answer only
/// changes how safe the data is, not what the app does.
pub fn request_persistence() {
    if let Some(window) = web_sys::window() {
        let storage = window.navigator().storage();
        if let Ok(promise) = storage.persist() {
            // Ignore the outcome: a refusal is normal for sites not yet installed or bookmarked.
            let _ = promise;
        }
    }
}

/// Whether a storage event concerns `kind` (another tab wrote or cleared it).
pub fn event_is_for(event: &web_sys::StorageEvent, kind: &Kind) -> bool {
    match event.key() {
        Some(k) => k == key(kind),
        // `clear()` in another tab sends a null key.
        None => true,
    }
}

/// How much of localStorage this app's values take, in UTF-16 code units (what browsers count
/// against the quota, keys included), and the shortlist's share of it. Measured on the stored
/// JS strings, without copying them into Rust. `None` when storage can't be used.
pub fn usage() -> Option<Usage> {
    let storage = local_storage().ok()?;
    let js = storage.unchecked_ref::<JsStorage>();
    let mut usage = Usage::default();
    let len = storage.length().ok()?;
    for i in 0..len {
        let Ok(Some(k)) = storage.key(i) else {
            continue;
        };
        if !k.starts_with(PREFIX) {
            continue;
        }
        let units = js
            .get_item_js(&k)
            .ok()
            .and_then(|v| v.dyn_into::<js_sys::JsString>().ok())
            .map_or(0, |v| v.length() as usize);
        let total = units + k.encode_utf16().count();
        usage.units += total;
        if k == key(&envelope::SHORTLIST) {
            usage.shortlist_units = units;
        }
    }
    Some(usage)
}

/// What [`usage`] measured.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Usage {
    /// Every `microscope.` key and value, in UTF-16 code units.
    pub units: usize,
    /// The stored shortlist's text alone.
    pub shortlist_units: usize,
}
