//! Browser tests of the Campaign section (wasm-bindgen-test in headless Chromium): creating a
//! campaign with a goal, its recommendations with citations, the checklist's progress, and saving.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use microscope::ui::campaign_panel::CampaignPanel;
use microscope::ui::campaign_state::CampaignStore;
use microscope::ui::shortlist_state::ShortlistState;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

const KEY: &str = "microscope.campaigns";

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

fn document() -> web_sys::Document {
    window().document().unwrap()
}

fn local() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

fn container() -> HtmlElement {
    let div = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

/// Lets saves pending from an earlier test land, then starts from empty storage.
async fn mount() -> (HtmlElement, impl Drop) {
    sleep(500).await;
    local().clear().unwrap();
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), || {
        provide_context(ShortlistState::load());
        view! { <CampaignPanel /> }
    });
    (root, handle)
}

fn fire(target: &web_sys::EventTarget, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn find(root: &HtmlElement, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

fn text(root: &HtmlElement) -> String {
    root.text_content().unwrap_or_default()
}

fn type_into(root: &HtmlElement, selector: &str, value: &str, event: &str) {
    let input: HtmlInputElement = find(root, selector).unchecked_into();
    input.set_value(value);
    fire(&input, event);
}

async fn create(root: &HtmlElement, name: &str) {
    type_into(root, "#campaign-new-name", name, "input");
    let form = find(root, "#campaign-new-name")
        .closest("form")
        .unwrap()
        .unwrap();
    fire(&form, "submit");
    sleep(0).await;
}

#[wasm_bindgen_test]
async fn a_new_campaign_with_a_goal_shows_recommendations_with_citations() {
    let (root, _handle) = mount().await;
    assert!(!text(&root).contains("Who to look for"));
    create(&root, "Spring launch").await;
    assert_eq!(
        text(&find(&root, "#campaign-editor-title")),
        "Spring launch"
    );

    let goal: HtmlSelectElement = find(&root, "#campaign-goal").unchecked_into();
    goal.set_value("awareness");
    fire(&goal, "change");
    sleep(0).await;
    let help = text(&find(&root, "#campaign-goal-help"));
    assert!(help.contains("seen by as many"), "goal help: {help}");

    let recs = find(&root, ".campaign-recs");
    assert!(recs.query_selector("li cite").unwrap().is_some());
    assert!(
        text(&recs).contains("("),
        "recommendations: {}",
        text(&recs)
    );

    // Saved after the debounce, with the goal.
    sleep(450).await;
    let stored = local().get_item(KEY).unwrap().unwrap_or_default();
    assert!(stored.contains("Spring launch"), "stored: {stored}");
    assert!(stored.contains("\"awareness\""), "stored: {stored}");
}

#[wasm_bindgen_test]
async fn ticking_a_checklist_item_changes_progress_and_is_saved() {
    let (root, _handle) = mount().await;
    create(&root, "Summer").await;
    let before = text(&find(&root, "#campaign-progress-label"));
    assert!(before.starts_with("0 of "), "progress before: {before}");

    let first: HtmlInputElement = find(&root, "#campaign-check-0").unchecked_into();
    first.set_checked(true);
    fire(&first, "change");
    sleep(0).await;
    let after = text(&find(&root, "#campaign-progress-label"));
    assert!(after.starts_with("1 of "), "progress after: {after}");

    sleep(450).await;
    let owner = Owner::new();
    let store = owner.with(CampaignStore::load);
    let ticks = store
        .campaigns
        .with_untracked(|cs| cs.first().map(|c| c.checklist.len()));
    assert_eq!(ticks, Some(1));
}

#[wasm_bindgen_test]
async fn unreadable_stored_campaigns_are_never_overwritten() {
    sleep(500).await;
    local().clear().unwrap();
    local().set_item(KEY, "{not json").unwrap();
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || view! { <CampaignPanel /> });
    assert!(root.query_selector(".banner").unwrap().is_some());
    create(&root, "Kept in memory").await;
    assert!(text(&root).contains("Kept in memory"));
    sleep(450).await;
    assert_eq!(local().get_item(KEY).unwrap().as_deref(), Some("{not json"));
}

#[wasm_bindgen_test]
async fn the_brief_names_the_campaign() {
    let (root, _handle) = mount().await;
    create(&root, "Autumn drop").await;
    type_into(&root, "#campaign-budget", "5,000", "input");
    sleep(0).await;
    let brief = text(&find(&root, ".campaign-brief-text"));
    assert!(
        brief.contains("# Campaign brief: Autumn drop"),
        "brief: {brief}"
    );
}

#[wasm_bindgen_test]
async fn a_result_with_dates_and_target_draws_the_chart() {
    let (root, _handle) = mount().await;
    create(&root, "Tracked").await;
    type_into(&root, "#campaign-start", "2026-05-01", "change");
    type_into(&root, "#campaign-end", "2026-05-31", "change");
    type_into(&root, "#campaign-target", "10,000", "input");
    sleep(0).await;
    // With a target and dates the pace line is drawn before any result.
    assert!(root.query_selector(".chart img").unwrap().is_some());
    assert!(
        text(&root).contains(": 0 engagements so far"),
        "{}",
        text(&root)
    );
    type_into(&root, "#campaign-result-date", "2026-05-05", "input");
    type_into(&root, "#campaign-result-value", "800", "input");
    let form = find(&root, "#campaign-result-date")
        .closest("form")
        .unwrap()
        .unwrap();
    fire(&form, "submit");
    sleep(0).await;
    let img = find(&root, ".chart img");
    assert!(!img.get_attribute("alt").unwrap_or_default().is_empty());
    assert!(
        text(&root).contains(": 800 engagements so far"),
        "{}",
        text(&root)
    );
}

/// Guards against losing the last edits when the user leaves the section within the save delay.
#[wasm_bindgen_test]
async fn leaving_the_section_saves_pending_edits() {
    let (root, handle) = mount().await;
    create(&root, "Left quickly").await;
    drop(handle);
    sleep(0).await;
    let stored = local().get_item(KEY).unwrap().unwrap_or_default();
    assert!(stored.contains("Left quickly"), "stored: {stored}");
}
