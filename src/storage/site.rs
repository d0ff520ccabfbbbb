//! What the site keeps in localStorage besides the stores: small flags (a notice shown once), the
//! request not to be evicted, which storage events concern a store, and how much of the quota the
//! app's values take. Same door as the stores (`super`): the same key prefix and probes.

use gloo_storage::{LocalStorage as GlooLocal, Storage as _};
use wasm_bindgen::JsCast;
use web_sys::js_sys;

use super::envelope::{self, Kind};
use super::{key, local_storage, part_prefix, JsStorage, PREFIX};

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
    let shortlist = key(&envelope::SHORTLIST);
    let shortlist_parts = part_prefix(&envelope::SHORTLIST);
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
        if k == shortlist || k.starts_with(&shortlist_parts) {
            usage.shortlist_units += total;
        }
    }
    Some(usage)
}

/// What [`usage`] measured.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Usage {
    /// Every `microscope.` key and value, in UTF-16 code units.
    pub units: usize,
    /// The stored shortlist alone: its index and parts, keys included.
    pub shortlist_units: usize,
}
