//! Browser tests of the stores' lifetime (wasm-bindgen-test in headless Chromium): loaded once for
//! the page, they keep following other tabs while their section is closed, a section that closes
//! saves its pending edits at once, and every record id comes from one source.
#![cfg(target_arch = "wasm32")]
// Test code may unwrap: clippy.toml's allow-*-in-tests covers #[test] functions and #[cfg(test)]
// modules only, not this crate's helper functions nor its #[wasm_bindgen_test] functions.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use leptos::prelude::*;
use microscope::storage::{self, envelope::Load};
use microscope::ui::campaign::panel::CampaignPanel;
use microscope::ui::risks::panel::RisksPanel;
use microscope::ui::state::ids::next_id;
use microscope::ui::state::lazy::Lazy;
use microscope::ui::state::thresholds::THRESHOLDS_KIND;
use microscope::ui::state::{CampaignsStore, ShortlistStore, ThresholdsStore};
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlInputElement;

wasm_bindgen_test_configure!(run_in_browser);

const CAMPAIGNS: &str = "microscope.campaigns";

fn stored(key: &str) -> String {
    local().get_item(key).unwrap().unwrap_or_default()
}

/// Regression (issue 14): the Campaign section reloaded the campaigns on each visit; loaded once
/// for the page instead, it must still show what another tab saved while the section was closed,
/// and leaving the section must still save its edits at once.
#[wasm_bindgen_test]
async fn campaigns_loaded_once_follow_another_tab_while_the_section_is_closed() {
    clean_storage();
    let owner = Owner::new();
    let (store, open) = owner.with(|| (CampaignsStore::load(), RwSignal::new(true)));
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(ShortlistStore::from_load(Load::Missing, None));
        provide_context(store);
        view! {
            <Show when=move || open.get()>
                <CampaignPanel />
            </Show>
        }
    });
    store.create("Mine", None);
    until("the new campaign listed", || {
        text_of(&root, ".campaign-list ul").contains("Mine")
    })
    .await;

    // Leaving the section saves at once, without waiting for the save delay.
    open.set(false);
    until("the section closed", || !exists(&root, ".campaign-list")).await;
    assert!(stored(CAMPAIGNS).contains("Mine"), "{}", stored(CAMPAIGNS));

    // Another tab replaces the campaigns while the section is closed.
    other_tab_writes(
        CAMPAIGNS,
        r#"{"app":"microscope","kind":"campaigns","version":2,"data":[{"id":"t1","name":"Theirs","created_at":1,"updated_at":1}]}"#,
    );
    open.set(true);
    until("the section open again", || exists(&root, ".campaign-list")).await;
    let names = text_of(&root, ".campaign-list ul");
    assert!(
        names.contains("Theirs") && !names.contains("Mine"),
        "{names}"
    );
    // A visit starts at the first campaign, as it did when each visit loaded them.
    assert_eq!(store.selected.get_untracked().as_deref(), Some("t1"));
    assert_eq!(text_of(&root, "#campaign-editor-title"), "Theirs");
    clean_storage();
}

/// Regression (issue 14's mount time): `App` no longer loads the campaigns at startup but hands
/// out a `Lazy` handle. The store it creates on the first visit reads what was stored by then,
/// is the one every later visit and caller gets, and outlives the section: it keeps following
/// another tab while Campaign is closed.
#[wasm_bindgen_test]
async fn campaigns_created_on_the_first_visit_are_shared_and_outlive_the_section() {
    clean_storage();
    let app = Owner::new();
    let open = app.with(|| {
        provide_context(ShortlistStore::from_load(Load::Missing, None));
        provide_context(Lazy::<CampaignsStore>::new());
        RwSignal::new(false)
    });
    let root = container();
    let _handle = app.with(|| {
        leptos::mount::mount_to(root.clone(), move || {
            view! {
                <Show when=move || open.get()>
                    <CampaignPanel />
                </Show>
            }
        })
    });
    // Written before the first visit: the store created then reads it.
    other_tab_writes(
        CAMPAIGNS,
        r#"{"app":"microscope","kind":"campaigns","version":2,"data":[{"id":"t1","name":"Before","created_at":1,"updated_at":1}]}"#,
    );
    open.set(true);
    until("the stored campaign listed", || {
        exists(&root, ".campaign-list") && text_of(&root, ".campaign-list ul").contains("Before")
    })
    .await;

    // Every later caller gets the section's store: an edit through it shows in the section.
    let store = app.with(CampaignsStore::from_context);
    store.create("Mine", None);
    until("the new campaign listed", || {
        text_of(&root, ".campaign-list ul").contains("Mine")
    })
    .await;
    open.set(false);
    until("the section closed", || !exists(&root, ".campaign-list")).await;
    assert!(stored(CAMPAIGNS).contains("Mine"), "{}", stored(CAMPAIGNS));

    // The section is gone, the store is not: it follows another tab's write.
    other_tab_writes(
        CAMPAIGNS,
        r#"{"app":"microscope","kind":"campaigns","version":2,"data":[{"id":"t2","name":"Theirs","created_at":2,"updated_at":2}]}"#,
    );
    let names = || {
        store
            .campaigns
            .with_untracked(|cs| cs.iter().map(|c| c.name.clone()).collect::<Vec<_>>())
    };
    assert_eq!(names(), vec!["Theirs".to_string()]);
    open.set(true);
    until("the section open again", || exists(&root, ".campaign-list")).await;
    assert_eq!(
        app.with(CampaignsStore::from_context)
            .campaigns
            .with_untracked(Vec::len),
        1
    );
    assert!(text_of(&root, ".campaign-list ul").contains("Theirs"));
    clean_storage();
}

/// The thresholds follow another tab's save whichever section is open; the editor shows them.
#[wasm_bindgen_test]
async fn thresholds_follow_another_tab_and_the_editor_shows_them() {
    let key = storage::key(&THRESHOLDS_KIND);
    clean_storage();
    let owner = Owner::new();
    let thresholds = owner.with(ThresholdsStore::load);
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(thresholds);
        view! { <RisksPanel /> }
    });
    let field =
        || -> HtmlInputElement { find(&root, "#threshold-min-sponsored-posts").unchecked_into() };
    until("the field showing the default", || field().value() == "3").await;

    other_tab_writes(
        &key,
        r#"{"app":"microscope","kind":"risk-thresholds","version":1,"data":{"min_sponsored_posts":5.0}}"#,
    );
    assert_eq!(thresholds.value.get_untracked().min_sponsored_posts, 5.0);
    until("the field showing the other tab's value", || {
        field().value() == "5"
    })
    .await;
    clean_storage();
}

/// One id source for the page: ids never repeat, whichever part of the page asks.
#[wasm_bindgen_test]
fn record_ids_come_from_one_source_for_the_page() {
    let ids: Vec<String> = (0..100).map(|_| next_id()).collect();
    let unique: std::collections::HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len());
    let stamp = |id: &str| id.split('-').next().unwrap_or_default().to_string();
    assert!(ids.iter().all(|id| stamp(id) == stamp(&ids[0])), "{ids:?}");
}
