//! Browser tests of the workspace as a whole (wasm-bindgen-test in headless Chromium): a restore
//! that fails changes nothing stored, one that works fills every store; the workspace kept in a
//! file through a stubbed File System Access handle (written after changes, a teammate's change
//! merged when the page comes back, an unreadable file never written over); share links packed
//! and unpacked by the browser's own deflate, with a size limit, and opened from the address.
#![cfg(target_arch = "wasm32")]
// Test code may unwrap: clippy.toml's allow-*-in-tests covers #[test] functions and #[cfg(test)]
// modules only, not this crate's helper functions nor its #[wasm_bindgen_test] functions.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use leptos::prelude::*;
use microscope::domain::io::share::{ShareError, Shared};
use microscope::domain::io::workspace::merge::Choices;
use microscope::domain::io::workspace::{Settings, Workspace, WorkspaceFile};
use microscope::domain::{Campaign, Creator, Formula};
use microscope::ui::state::workspace::Stores;
use microscope::ui::state::{CampaignsStore, SettingsStore, ShortlistStore, ThresholdsStore};
use microscope::ui::workspace::file_sync::FileSync;
use microscope::ui::workspace::panel::WorkspacePanel;
use microscope::ui::workspace::share::{make_link, open_link, SharedLink};
use support::*;
// leptos's prelude has a `window()` too; the helpers' one is meant.
use support::window;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use web_sys::js_sys;

wasm_bindgen_test_configure!(run_in_browser);

const KEYS: [&str; 4] = [
    "microscope.shortlist",
    "microscope.campaigns",
    "microscope.risk-thresholds",
    "microscope.settings",
];

fn creator(id: &str, name: &str) -> Creator {
    let mut c = Creator::new(id.to_string(), name, 1_700_000_000_000.0);
    c.followers = Some(45_000);
    c
}

/// The four stores, loaded under `owner` (their listeners go with it).
fn load_stores(owner: &Owner) -> Stores {
    owner.with(|| Stores {
        shortlist: Some(ShortlistStore::load()),
        campaigns: Some(CampaignsStore::load()),
        lazy_campaigns: None,
        thresholds: Some(ThresholdsStore::load()),
        settings: Some(SettingsStore::load()),
    })
}

fn provide(stores: Stores) {
    if let Some(s) = stores.shortlist {
        provide_context(s);
    }
    if let Some(c) = stores.campaigns {
        provide_context(c);
    }
    if let Some(t) = stores.thresholds {
        provide_context(t);
    }
    if let Some(s) = stores.settings {
        provide_context(s);
    }
}

fn names(stores: Stores) -> Vec<String> {
    stores
        .current()
        .creators
        .iter()
        .map(|c| c.name.clone())
        .collect()
}

fn stored_all() -> Vec<Option<String>> {
    KEYS.iter().map(|k| support::stored_list(k)).collect()
}

/// A file with every store: Ann, the Spring campaign with a tick and a result, changed
/// thresholds, the followers formula.
fn full_file() -> String {
    let mut campaign = Campaign::new("k1".into(), "Spring", 1_700_000_000_000.0);
    campaign.creators.push("c1".into());
    campaign.checklist.set("set-goal", true);
    let workspace = Workspace {
        creators: vec![creator("c1", "Ann")],
        campaigns: vec![campaign],
        thresholds: None,
        settings: Settings {
            formula: Some(Formula::Followers),
            ..Settings::default()
        },
    };
    // The thresholds type is the domain's own; the file carries one changed value.
    let mut value: serde_json::Value =
        serde_json::from_str(&WorkspaceFile::new(workspace, 1.0).to_json().unwrap()).unwrap();
    value["thresholds"] = serde_json::json!({ "min_sponsored_posts": 5.0 });
    serde_json::to_string_pretty(&value).unwrap()
}

/// Regression for "the backup misses campaigns", and no partial write: a file that can't be
/// opened (cut short anywhere, newer, not JSON) changes no store and nothing stored; a good one
/// fills every store and storage.
#[wasm_bindgen_test]
async fn a_failed_restore_changes_nothing_and_a_good_one_fills_every_store() {
    clean_storage();
    let owner = Owner::new();
    let stores = load_stores(&owner);
    stores.shortlist.unwrap().add(creator("c9", "Mine"));
    flush_saves();
    let before = stored_all();
    let held = stores.current();

    let good = full_file();
    let mut bad: Vec<String> = (1..good.len())
        .step_by(37)
        .filter_map(|n| good.get(..n).map(str::to_string))
        .collect();
    // From a newer build: the current version replaced, whatever it is (a fixed "2" stopped
    // matching when the format moved, and the case silently became a good file).
    let current = format!(
        "\"version\": {}",
        microscope::domain::io::workspace::WORKSPACE_VERSION
    );
    assert!(good.contains(&current), "{good}");
    bad.push(good.replace(&current, "\"version\": 9"));
    bad.push("{not json".into());
    bad.push(
        good.replace("\"creators\": [", "\"creators\": {\"x\": [")
            .replace("],\n  \"campaigns\"", "]},\n  \"campaigns\""),
    );
    for text in &bad {
        let result = stores.restore_text(text, Choices::default());
        assert!(result.is_err(), "opened: {text}");
        flush_saves();
        assert_eq!(stores.current(), held, "{text}");
        assert_eq!(stored_all(), before, "{text}");
    }

    let restored = stores.restore_text(&good, Choices::default()).unwrap();
    assert!(restored.report.changed());
    flush_saves();
    assert_eq!(names(stores), vec!["Mine", "Ann"]);
    let stored = stored_all();
    assert!(stored[1].as_deref().unwrap().contains("Spring"));
    assert!(stored[1].as_deref().unwrap().contains("set-goal"));
    assert!(stored[2]
        .as_deref()
        .unwrap()
        .contains("\"min_sponsored_posts\":5.0"));
    assert!(stored[3].as_deref().unwrap().contains("followers"));
    owner.cleanup();
}

/// Installs a stand-in for the File System Access API: a picker that returns one handle over
/// `window.__file` (its text, last-modified time and number of writes).
fn install_file_stub() {
    js_sys::eval(
        r#"
        window.__file = { text: "", lastModified: 1000, writes: 0 };
        window.__handle = {
          name: "team.json",
          getFile: async () => new File([window.__file.text], "team.json", { lastModified: window.__file.lastModified }),
          createWritable: async () => {
            let buffer = "";
            return {
              write: async (t) => { buffer += t; },
              close: async () => { window.__file.text = buffer; window.__file.lastModified += 1; window.__file.writes += 1; },
            };
          },
        };
        window.showSaveFilePicker = async () => window.__handle;
        window.showOpenFilePicker = async () => [window.__handle];
        "#,
    )
    .unwrap();
}

fn file_field(name: &str) -> JsValue {
    let file = js_sys::Reflect::get(&window(), &"__file".into()).unwrap();
    js_sys::Reflect::get(&file, &name.into()).unwrap()
}

fn file_text() -> String {
    file_field("text").as_string().unwrap_or_default()
}

/// A teammate's save: new text, and a later last-modified time.
fn teammate_writes(text: &str) {
    let file = js_sys::Reflect::get(&window(), &"__file".into()).unwrap();
    js_sys::Reflect::set(&file, &"text".into(), &text.into()).unwrap();
    let t = file_field("lastModified").as_f64().unwrap();
    js_sys::Reflect::set(&file, &"lastModified".into(), &(t + 10_000.0).into()).unwrap();
}

/// Clean storage, a shortlist with Ann, the Workspace panel with its file binding, and the
/// workspace saved to the stub's "team.json" and kept there.
async fn kept_in_a_file() -> (Owner, Stores, web_sys::HtmlElement, impl Drop) {
    clean_storage();
    install_file_stub();
    let owner = Owner::new();
    let stores = load_stores(&owner);
    stores.shortlist.unwrap().add(creator("c1", "Ann"));
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide(stores);
        provide_context(FileSync::new(Stores::here()));
        view! { <WorkspacePanel /> }
    });
    button(&root, "Save to a file…").click();
    until("the file written with Ann", || file_text().contains("Ann")).await;
    until("the binding shown", || {
        text(&root).contains("Kept in team.json")
    })
    .await;
    (owner, stores, root, handle)
}

#[wasm_bindgen_test]
async fn the_workspace_kept_in_a_file_follows_changes_merges_a_teammate_and_never_overwrites_an_unreadable_file(
) {
    let (owner, stores, root, _handle) = kept_in_a_file().await;
    let shortlist = stores.shortlist.unwrap();

    // A change here is written after the pause.
    shortlist.add(creator("c2", "Bo"));
    until("Bo written to the file", || file_text().contains("Bo")).await;

    // A teammate adds Cy; coming back to the page merges it, and the merge is written back.
    let mut theirs = Workspace {
        creators: vec![creator("c1", "Ann"), creator("c3", "Cy")],
        ..Workspace::default()
    };
    teammate_writes(&WorkspaceFile::new(theirs.clone(), 2.0).to_json().unwrap());
    fire(&window(), "focus");
    until("Cy merged in", || names(stores).contains(&"Cy".to_string())).await;
    until("the note says so", || {
        text(&root).contains("Updated from team.json")
    })
    .await;
    until("the merge written back", || {
        file_text().contains("Bo") && file_text().contains("Cy")
    })
    .await;

    // A file that can't be read pauses the binding and is never written over.
    teammate_writes("{\"app\":\"microscope\",\"version\":2,\"creators\":[{\"id\"");
    fire(&window(), "focus");
    until("paused", || {
        text(&root).contains("Paused: nothing is written to team.json")
    })
    .await;
    let writes = file_field("writes").as_f64().unwrap();
    shortlist.add(creator("c4", "Dee"));
    fire(&window(), "pagehide");
    // Nothing to wait for: the write must not happen. Longer than the file's save delay.
    sleep(2_500).await;
    assert_eq!(file_field("writes").as_f64().unwrap(), writes);
    assert!(file_text().ends_with("[{\"id\""), "{}", file_text());

    // Fixed by the teammate: "Try the file again" merges it and writing resumes.
    theirs.creators.push(creator("c5", "Eve"));
    teammate_writes(&WorkspaceFile::new(theirs, 3.0).to_json().unwrap());
    button(&root, "Try the file again").click();
    until("Eve merged", || names(stores).contains(&"Eve".to_string())).await;
    until("Dee written", || file_text().contains("Dee")).await;
    owner.cleanup();
}

/// Regression: a write from here kept only what this build read of the file. A teammate's
/// top-level entry this build does not know was dropped, and so was a record it could not use.
#[wasm_bindgen_test]
async fn a_kept_file_keeps_the_entries_this_build_does_not_use() {
    let (owner, stores, root, _handle) = kept_in_a_file().await;
    let shortlist = stores.shortlist.unwrap();

    // A teammate's file with an entry this build does not know: it is there after our write.
    let mut theirs = serde_json::to_value(WorkspaceFile::new(
        Workspace {
            creators: vec![creator("c1", "Ann"), creator("c3", "Cy")],
            ..Workspace::default()
        },
        2.0,
    ))
    .unwrap();
    theirs["team_notes"] = serde_json::json!({ "kickoff": "Monday" });
    teammate_writes(&theirs.to_string());
    fire(&window(), "focus");
    until("Cy merged in", || names(stores).contains(&"Cy".to_string())).await;
    shortlist.add(creator("c4", "Dee"));
    until("Dee written", || file_text().contains("Dee")).await;
    let written: serde_json::Value = serde_json::from_str(&file_text()).unwrap();
    assert_eq!(written["team_notes"]["kickoff"], "Monday", "{written}");

    // A record this build can't use: what could be used is merged, the file is not written.
    theirs["creators"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({ "id": "c5", "name": "Eve", "followers": "many" }));
    teammate_writes(&theirs.to_string());
    fire(&window(), "focus");
    until("paused, saying why", || {
        let t = text(&root);
        t.contains("Paused: nothing is written to team.json")
            && t.contains("team.json holds 1 entry this version of Microscope could not use")
            && t.contains("a write would remove it")
            && t.contains("Eve")
    })
    .await;
    let writes = file_field("writes").as_f64().unwrap();
    shortlist.add(creator("c6", "Fay"));
    fire(&window(), "pagehide");
    // Nothing to wait for: the write must not happen. Longer than the file's save delay.
    sleep(2_500).await;
    assert_eq!(file_field("writes").as_f64().unwrap(), writes);
    assert!(file_text().contains("many"), "{}", file_text());
    owner.cleanup();
}

#[wasm_bindgen_test]
async fn links_round_trip_through_the_browsers_deflate_and_refuse_a_bomb() {
    let shared = Shared::Creator {
        creator: Box::new(creator("c1", "Ann")),
    };
    let link = make_link(&shared).await.unwrap();
    let (_, fragment) = link.split_once("#share=").unwrap();
    assert!(fragment.len() < 400, "{link}");
    assert_eq!(open_link(fragment).await, Ok(shared));

    // 2 MB of spaces pack into a few KB: unpacking stops at the limit.
    let bomb = vec![b' '; 2 * 1024 * 1024];
    let packed = microscope::ui::workspace::streams::compress(&bomb)
        .await
        .unwrap();
    let text = microscope::domain::io::share::to_link_text(&packed).unwrap();
    assert_eq!(open_link(&text).await, Err(ShareError::TooLarge));

    // Not deflate at all.
    let damaged = open_link("AAAAAAAA").await;
    assert!(
        matches!(&damaged, Err(ShareError::NotJson(m)) if m.contains("damaged")),
        "{damaged:?}"
    );
}

#[wasm_bindgen_test]
async fn a_link_in_the_address_opens_read_only_and_adds_only_on_click() {
    clean_storage();
    let shared = Shared::Creator {
        creator: Box::new(creator("c7", "Gia <b>bold</b>")),
    };
    let link = make_link(&shared).await.unwrap();
    let (_, fragment) = link.split_once('#').unwrap();
    window().location().set_hash(fragment).unwrap();
    let owner = Owner::new();
    let stores = load_stores(&owner);
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide(stores);
        view! { <SharedLink /> }
    });
    until("the shared creator shown", || {
        text(&root).contains("Shared with you: Gia <b>bold</b>")
    })
    .await;
    // Text, never markup; the fragment is gone from the address; nothing added yet.
    assert!(!exists(&root, "b"));
    assert_eq!(window().location().hash().unwrap(), "");
    assert!(names(stores).is_empty());
    button(&root, "Add to my workspace").click();
    until("added", || {
        names(stores) == vec!["Gia <b>bold</b>".to_string()]
    })
    .await;
    until("the message", || {
        text(&root).contains("Added the creator “Gia <b>bold</b>”.")
    })
    .await;
    owner.cleanup();
}
