//! Browser tests (wasm-bindgen-test in headless Chromium): mount real components and drive the DOM.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh container in the page body for one test.
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

fn type_into(root: &HtmlElement, selector: &str, text: &str) {
    let input: HtmlInputElement = root
        .query_selector(selector)
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value(text);
    fire(&input, "input");
}

fn text(root: &HtmlElement) -> String {
    root.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn check_panel_shows_tier_for_typed_followers() {
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), microscope::ui::check_panel::CheckPanel);
    assert!(text(&root).contains("Enter a follower count"));

    type_into(&root, "#check-followers", "45K");
    leptos::task::tick().await;
    assert!(
        text(&root).contains("Micro: 10,000 to 99,999 followers"),
        "{}",
        text(&root)
    );

    type_into(&root, "#check-followers", "1,000,000");
    leptos::task::tick().await;
    assert!(text(&root).contains("Mega: 1,000,000 followers or more"));
}

#[wasm_bindgen_test]
async fn check_panel_explains_bad_input() {
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), microscope::ui::check_panel::CheckPanel);
    type_into(&root, "#check-followers", "abc");
    leptos::task::tick().await;
    let error = root
        .query_selector("#check-followers-error")
        .unwrap()
        .unwrap();
    assert!(error
        .text_content()
        .unwrap()
        .contains("“abc” is not a number"));
    let input = root.query_selector("#check-followers").unwrap().unwrap();
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(!text(&root).contains("Micro:"));
}

#[wasm_bindgen_test]
async fn check_panel_uses_the_platform_audience_word() {
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), microscope::ui::check_panel::CheckPanel);
    let select: HtmlSelectElement = root
        .query_selector("#check-platform")
        .unwrap()
        .unwrap()
        .unchecked_into();
    select.set_value("youtube");
    fire(&select, "change");
    type_into(&root, "#check-followers", "10000");
    leptos::task::tick().await;
    assert!(
        text(&root).contains("Micro: 10,000 to 99,999 subscribers"),
        "{}",
        text(&root)
    );
}

#[wasm_bindgen_test]
fn panic_message_is_shown_as_text() {
    // The fatal block lives in index.html; recreate it here as the page would have it.
    let doc = document();
    let block = doc.create_element("div").unwrap();
    block.set_id("fatal");
    block.set_attribute("hidden", "").unwrap();
    let detail = doc.create_element("pre").unwrap();
    detail.set_id("fatal-detail");
    block.append_child(&detail).unwrap();
    doc.body().unwrap().append_child(&block).unwrap();

    microscope::ui::panic::show("boom <img src=x onerror=alert(1)>");
    assert!(!block.has_attribute("hidden"));
    assert_eq!(
        detail.text_content().unwrap(),
        "boom <img src=x onerror=alert(1)>"
    );
    assert_eq!(
        detail.children().length(),
        0,
        "the detail must be text, never markup"
    );
}

#[wasm_bindgen_test]
async fn seed_tiktok_example_is_in_line_with_the_micro_benchmark() {
    // DOMAIN.md §2: TikTok micro, 130,000 views, interactions giving 8.5% (CreatorDB, 2026).
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), microscope::ui::check_panel::CheckPanel);
    type_into(&root, "#check-followers", "45K");
    type_into(&root, "#check-views", "130,000");
    type_into(&root, "#check-likes", "9.5K");
    type_into(&root, "#check-comments", "850");
    type_into(&root, "#check-shares", "700");
    leptos::task::tick().await;
    let page = text(&root);
    assert!(page.contains("8.50%"), "{page}");
    assert!(
        page.contains("8.5% vs 8.5% TikTok micro benchmark (CreatorDB, 2026): in line"),
        "{page}"
    );
    let chart = root.query_selector("figure.chart img").unwrap().unwrap();
    assert!(chart
        .get_attribute("src")
        .unwrap()
        .starts_with("data:image/svg+xml,"));
    assert!(chart.get_attribute("alt").unwrap().contains("8.5%"));
}

#[wasm_bindgen_test]
async fn zero_views_show_na_never_nan() {
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), microscope::ui::check_panel::CheckPanel);
    type_into(&root, "#check-followers", "45K");
    type_into(&root, "#check-views", "0");
    type_into(&root, "#check-likes", "100");
    leptos::task::tick().await;
    let page = text(&root);
    assert!(page.contains("n/a"), "{page}");
    for bad in ["NaN", "inf", "Infinity"] {
        assert!(!page.contains(bad), "{bad} in {page}");
    }
}
