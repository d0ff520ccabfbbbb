//! DOM helpers shared by the browser tests (tests/browser*.rs): one copy instead of one per file.
// Each browser test binary compiles this module and uses a different subset of it.
#![allow(dead_code)]

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys;
use web_sys::{Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement};

pub fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

pub fn document() -> web_sys::Document {
    window().document().unwrap()
}

pub fn local() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

/// The list stored under `key` as one envelope, as a list stored whole reads: a list kept in
/// parts (an index whose data names its parts, `microscope::storage::parts`) is put together from
/// its parts in order, each record's text as stored. Anything else is returned as stored.
pub fn stored_list(key: &str) -> Option<String> {
    let raw = local().get_item(key).unwrap()?;
    let Ok(index) = serde_json::from_str::<serde_json::Value>(&raw) else {
        return Some(raw);
    };
    let Some(parts) = index["data"]["parts"].as_array() else {
        return Some(raw);
    };
    let mut records = Vec::new();
    for part in parts {
        let text = local()
            .get_item(part["key"].as_str().unwrap())
            .unwrap()
            .unwrap_or_else(|| panic!("the index names {part} but it is not stored"));
        // Parts of format 5 are stored compressed (src/storage/packed.rs).
        let text = if microscope::storage::packed::is_packed(&text) {
            microscope::storage::packed::unpack(&text).unwrap()
        } else {
            text
        };
        // A part is `{"app":…,"data":[records]}`: its records are the text inside the brackets.
        let start = text.find("\"data\":[").unwrap() + "\"data\":[".len();
        let inner = &text[start..text.len() - "]}".len()];
        if !inner.is_empty() {
            records.push(inner.to_string());
        }
    }
    Some(format!(
        r#"{{"app":{},"kind":{},"version":{},"data":[{}]}}"#,
        index["app"],
        index["kind"],
        index["version"],
        records.join(",")
    ))
}

/// The keys of the parts of the list stored under `key` (in storage, named by its index or not).
pub fn part_keys(key: &str) -> Vec<String> {
    let prefix = format!("{key}.part.");
    let storage = local();
    let mut keys: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with(&prefix))
        .collect();
    keys.sort();
    keys
}

/// How long [`until`] waits for a condition before failing: far more than any step needs on a
/// busy machine, so only a condition that never comes fails the test.
pub const PATIENCE_MS: f64 = 10_000.0;
/// How often [`until`] looks again.
const POLL_MS: i32 = 10;

/// Waits `ms` milliseconds on the browser's timer. Only for a test that asserts that nothing
/// happens (no save lands): there is no condition to wait for. Everything else uses [`until`].
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// Waits until `condition` holds, looking again every 10 ms (effects, debounced saves and
/// timers run in between); fails naming `what` if it does not hold within [`PATIENCE_MS`].
/// Tests wait for what they need to see, never for a guessed delay.
pub async fn until(what: &str, mut condition: impl FnMut() -> bool) {
    let started = js_sys::Date::now();
    loop {
        if condition() {
            return;
        }
        if js_sys::Date::now() - started > PATIENCE_MS {
            panic!("waited {PATIENCE_MS} ms for: {what}");
        }
        sleep(POLL_MS).await;
    }
}

/// Empties localStorage: every browser test starts from clean storage, and none passes state to
/// the next.
pub fn clean_storage() {
    // A store of an earlier test that is still alive (its debounce timer pending) would otherwise
    // save into this test's storage later and merge its records in (seen: "Autumn drop" of one
    // campaign test inside the next one's list). Saving everything now, then clearing, means
    // nothing of an earlier test lands later.
    flush_saves();
    local().clear().unwrap();
}

/// Saves every store's pending edits now, as the page does when it is hidden or closed
/// (`pagehide`): a test that checks nothing was written then need not wait out the save delay.
pub fn flush_saves() {
    fire(&window(), "pagehide");
}

/// Another tab's write: the stored text under `key` changes and a `storage` event arrives, as
/// the browser delivers it to every other tab of the origin.
pub fn other_tab_writes(key: &str, text: &str) {
    local().set_item(key, text).unwrap();
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(key));
    init.set_new_value(Some(text));
    init.set_storage_area(Some(&local()));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    window().dispatch_event(&event).unwrap();
}

/// A fresh container in the page body for one test.
pub fn container() -> HtmlElement {
    let div = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

/// Leptos delegates events to the document, so a synthetic event must bubble to be seen.
pub fn fire(target: &web_sys::EventTarget, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

/// The first element under `root` matching `selector`; the test fails naming the selector if none.
pub fn find(root: &HtmlElement, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into()
}

pub fn exists(root: &HtmlElement, selector: &str) -> bool {
    root.query_selector(selector).unwrap().is_some()
}

pub fn text(root: &HtmlElement) -> String {
    root.text_content().unwrap_or_default()
}

pub fn text_of(root: &HtmlElement, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

/// The text of the first element matching `selector`, or "" while there is none: for conditions
/// to wait on, where the element may not be drawn yet.
pub fn text_if(root: &HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

/// How many elements under `root` have `class`.
pub fn count_class(root: &HtmlElement, class: &str) -> u32 {
    root.get_elements_by_class_name(class).length()
}

/// Sets an input's value and fires `input`, as typing does.
pub fn type_into(root: &HtmlElement, selector: &str, value: &str) {
    type_with_event(root, selector, value, "input");
}

/// Sets an input's value and fires `event` (`input` or `change`).
pub fn type_with_event(root: &HtmlElement, selector: &str, value: &str, event: &str) {
    let input: HtmlInputElement = find(root, selector).unchecked_into();
    input.set_value(value);
    fire(&input, event);
}

/// Sets a textarea's value and fires `input`.
pub fn type_area(root: &HtmlElement, selector: &str, value: &str) {
    let area: web_sys::HtmlTextAreaElement = find(root, selector).unchecked_into();
    area.set_value(value);
    fire(&area, "input");
}

pub fn set_checked(root: &HtmlElement, selector: &str, on: bool) {
    let input: HtmlInputElement = find(root, selector).unchecked_into();
    input.set_checked(on);
    fire(&input, "change");
}

pub fn select(root: &HtmlElement, selector: &str, value: &str) {
    let select: HtmlSelectElement = find(root, selector).unchecked_into();
    select.set_value(value);
    fire(&select, "change");
}

pub fn click(root: &HtmlElement, selector: &str) {
    find(root, selector).click();
}

/// The button under `root` whose visible text is `label`, as a user would find it.
pub fn button(root: &HtmlElement, label: &str) -> HtmlElement {
    let buttons = root.get_elements_by_tag_name("button");
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|e| e.unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().unwrap_or_default().trim() == label)
        .unwrap_or_else(|| panic!("no button “{label}”"))
}

/// Another tab's save of one creator: a store of its own on the same storage (without listeners,
/// as another page's), `edit` applied to the creator `id` as stored, stamped now and saved, then
/// the `storage` event that tells this tab's store (`microscope.shortlist`'s index changed).
pub fn other_tab_edits_creator(id: &str, edit: impl FnOnce(&mut microscope::domain::Creator)) {
    use leptos::prelude::*;
    let owner = Owner::new();
    owner.with(|| {
        let (load, raw) = microscope::storage::load_list::<microscope::domain::Creator>(
            &microscope::storage::envelope::SHORTLIST,
        );
        let there = microscope::ui::state::ShortlistStore::from_load(load, raw);
        let mut c = there
            .list
            .with_untracked(|l| l.get(id).cloned())
            .unwrap_or_else(|| panic!("the other tab has no creator {id}"));
        edit(&mut c);
        c.updated_at = js_sys::Date::now().max(c.updated_at + 1.0);
        there.put(c);
        there.flush();
        assert_eq!(
            there.save_error.get_untracked(),
            None,
            "the other tab's save"
        );
    });
    owner.cleanup();
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some("microscope.shortlist"));
    init.set_storage_area(Some(&local()));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    window().dispatch_event(&event).unwrap();
}
