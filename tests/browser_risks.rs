//! Browser tests of the Risks section (wasm-bindgen-test in headless Chromium): caption verdicts, comment tools, thresholds.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, EventInit, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

use microscope::storage::{self, envelope};
use microscope::ui::risk_thresholds::{StoredThresholds, THRESHOLDS_KIND};
use microscope::ui::risks_panel::RisksPanel;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn container() -> HtmlElement {
    let div = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

/// Leptos delegates input events to the document, so the event must bubble.
fn fire(target: &web_sys::EventTarget, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn find(root: &HtmlElement, selector: &str) -> web_sys::Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn type_area(root: &HtmlElement, selector: &str, text: &str) {
    let area: HtmlTextAreaElement = find(root, selector).unchecked_into();
    area.set_value(text);
    fire(&area, "input");
}

fn type_input(root: &HtmlElement, selector: &str, text: &str) {
    let input: HtmlInputElement = find(root, selector).unchecked_into();
    input.set_value(text);
    fire(&input, "input");
}

fn set_checked(root: &HtmlElement, selector: &str, on: bool) {
    let input: HtmlInputElement = find(root, selector).unchecked_into();
    input.set_checked(on);
    fire(&input, "change");
}

fn text_of(root: &HtmlElement, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

/// How many elements under `root` have `class`.
fn count_class(root: &HtmlElement, class: &str) -> u32 {
    root.get_elements_by_class_name(class).length()
}

fn exists(root: &HtmlElement, selector: &str) -> bool {
    root.query_selector(selector).unwrap().is_some()
}

fn mount() -> (HtmlElement, impl Drop) {
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), RisksPanel);
    (root, handle)
}

#[wasm_bindgen_test]
async fn ad_at_the_start_meets_us_and_uk() {
    let (root, _mounted) = mount();
    assert!(root
        .text_content()
        .unwrap()
        .contains("Paste the caption of a sponsored post"));

    type_area(
        &root,
        "#risks-caption",
        "#ad Loving my new running shoes from @brand",
    );
    leptos::task::tick().await;
    assert_eq!(
        count_class(&root, "verdict-card"),
        10,
        "all ten countries are on by default"
    );
    for id in ["us", "uk"] {
        let card = text_of(&root, &format!("[data-jurisdiction=\"{id}\"]"));
        assert!(card.contains("Meets the rule"), "{id}: {card}");
        assert!(card.contains("at the start of the caption"), "{id}: {card}");
    }
    let us = text_of(&root, "[data-jurisdiction=\"us\"]");
    assert!(us.contains("FTC Endorsement Guides, 2023"), "{us}");
    // Germany wants its own word: "#ad" is named as not enough.
    let de = text_of(&root, "[data-jurisdiction=\"de\"]");
    assert!(de.contains("Not clear enough"), "{de}");
    assert!(root
        .text_content()
        .unwrap()
        .contains("guidance, not legal advice"));
}

#[wasm_bindgen_test]
async fn sp_is_named_not_enough_with_the_reason() {
    let (root, _mounted) = mount();
    type_area(&root, "#risks-caption", "#sp Loving my new running shoes");
    leptos::task::tick().await;
    for id in ["us", "uk"] {
        let card = text_of(&root, &format!("[data-jurisdiction=\"{id}\"]"));
        assert!(card.contains("Not clear enough"), "{id}: {card}");
        let listed = text_of(&root, &format!("[data-jurisdiction=\"{id}\"] .not-enough"));
        assert!(listed.contains("“#sp”"), "{id}: {listed}");
        assert!(
            listed.contains("not understood by most viewers"),
            "{id}: {listed}"
        );
    }
}

#[wasm_bindgen_test]
async fn country_boxes_choose_the_verdicts_shown() {
    let (root, _mounted) = mount();
    type_area(&root, "#risks-caption", "Ad: new shoes");
    leptos::task::tick().await;
    set_checked(&root, "#risks-country-cn", false);
    set_checked(&root, "#risks-country-br", false);
    leptos::task::tick().await;
    assert_eq!(count_class(&root, "verdict-card"), 8);
    assert!(!exists(&root, "[data-jurisdiction=\"cn\"]"));
    // Verdicts carry words, never colour alone.
    let badge = text_of(&root, "[data-jurisdiction=\"us\"] .badge");
    assert!(badge.contains("Meets the rule"), "{badge}");
}

#[wasm_bindgen_test]
async fn pasted_caption_stays_text() {
    let (root, _mounted) = mount();
    type_area(&root, "#risks-caption", "<img src=x onerror=alert(1)> #sp");
    leptos::task::tick().await;
    assert!(
        !exists(&root, ".risk-result img"),
        "pasted text must never become markup"
    );
}

#[wasm_bindgen_test]
async fn generic_comments_are_counted_without_the_word_list() {
    let (root, _mounted) = mount();
    type_area(&root, "#risks-comments", "🔥🔥\nNice\ngreat pic\nfollow me for follow back\nThe blue jacket in the second photo, where is it from?");
    leptos::task::tick().await;
    let section = text_of(&root, "[aria-labelledby=\"risks-generic-title\"]");
    assert!(
        section.contains("4 of 5 comments (80%) are generic"),
        "{section}"
    );
    assert!(section.contains("emoji only"), "{section}");
    // 80% is over the 50% threshold, but 5 comments are fewer than 20: information only.
    assert!(section.contains("80% of comments are generic"), "{section}");
    assert!(section.contains("Info"), "{section}");
}

#[wasm_bindgen_test]
async fn audience_fit_shows_matching_and_missing() {
    let (root, _mounted) = mount();
    type_input(&root, "#risks-interests", "#Workouts, cooking");
    type_input(&root, "#risks-categories", "fitness, travel");
    leptos::task::tick().await;
    let section = text_of(&root, "[aria-labelledby=\"risks-audience-title\"]");
    assert!(section.contains("Overlap: 50%"), "{section}");
    assert!(section.contains("via “Workouts”"), "{section}");
    assert!(section.contains("travel"), "{section}");
}

#[wasm_bindgen_test]
async fn no_sponsored_posts_asks_for_an_approval_process() {
    let (root, _mounted) = mount();
    type_input(&root, "#risks-sponsored", "0");
    leptos::task::tick().await;
    let section = text_of(&root, "[aria-labelledby=\"risks-anomaly-title\"]");
    assert!(section.contains("No past sponsored posts"), "{section}");
    assert!(section.contains("Caution"), "{section}");
    assert!(section.contains("What to do"), "{section}");
    assert!(section.contains("approval"), "{section}");
}

#[wasm_bindgen_test]
async fn threshold_edit_is_checked_and_saved() {
    local_storage()
        .remove_item(&storage::key(&THRESHOLDS_KIND))
        .unwrap();
    let (root, _mounted) = mount();
    type_input(&root, "#threshold-min-sponsored-posts", "5");
    leptos::task::tick().await;
    let (load, _) = storage::load_one::<StoredThresholds>(&THRESHOLDS_KIND);
    match load {
        envelope::Load::Loaded { value, .. } => assert_eq!(value.0.min_sponsored_posts, 5.0),
        other => panic!("not saved: {other:?}"),
    }
    // With 5 as the bar, 4 past sponsored posts is now too few.
    type_input(&root, "#risks-sponsored", "4");
    leptos::task::tick().await;
    assert!(text_of(&root, "[aria-labelledby=\"risks-anomaly-title\"]")
        .contains("Only 4 past sponsored posts"));

    type_input(&root, "#threshold-min-sponsored-posts", "abc");
    leptos::task::tick().await;
    let error = text_of(&root, "#threshold-min-sponsored-posts-error");
    assert!(error.contains("Past sponsored posts"), "{error}");
    let input = find(&root, "#threshold-min-sponsored-posts");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));

    let reset: HtmlElement = find(&root, ".threshold-form button").unchecked_into();
    reset.click();
    leptos::task::tick().await;
    let input: HtmlInputElement = input.unchecked_into();
    assert_eq!(input.value(), "3");
    assert!(text_of(&root, "#threshold-min-sponsored-posts-error").is_empty());
    local_storage()
        .remove_item(&storage::key(&THRESHOLDS_KIND))
        .unwrap();
}

#[wasm_bindgen_test]
async fn unreadable_saved_thresholds_are_kept_and_defaults_used() {
    let key = storage::key(&THRESHOLDS_KIND);
    let corrupt = "{\"app\":\"microscope\",\"kind\":\"risk-thresholds\",\"version\":1,\"data\":{\"min_sponsored_posts\":2.5}}";
    local_storage().set_item(&key, corrupt).unwrap();
    let (root, _mounted) = mount();
    leptos::task::tick().await;
    let notice = text_of(&root, ".threshold-notice");
    assert!(notice.contains("could not be read"), "{notice}");
    assert!(notice.contains("default thresholds are in use"), "{notice}");
    let input: HtmlInputElement = find(&root, "#threshold-min-sponsored-posts").unchecked_into();
    assert_eq!(input.value(), "3");

    // An edit applies in memory but does not overwrite what is stored.
    type_input(&root, "#threshold-min-sponsored-posts", "4");
    leptos::task::tick().await;
    assert_eq!(
        local_storage().get_item(&key).unwrap().as_deref(),
        Some(corrupt)
    );

    // A newer version is not overwritten either.
    let newer = "{\"app\":\"microscope\",\"kind\":\"risk-thresholds\",\"version\":9,\"data\":{}}";
    local_storage().set_item(&key, newer).unwrap();
    let (root2, _mounted2) = mount();
    leptos::task::tick().await;
    assert!(text_of(&root2, ".threshold-notice").contains("newer Microscope"));
    type_input(&root2, "#threshold-min-sponsored-posts", "4");
    leptos::task::tick().await;
    assert_eq!(
        local_storage().get_item(&key).unwrap().as_deref(),
        Some(newer)
    );
    local_storage().remove_item(&key).unwrap();
}
