//! Browser tests (wasm-bindgen-test in headless Chromium): mount real components and drive the DOM.
#![cfg(target_arch = "wasm32")]
// Test code may unwrap: clippy.toml's allow-*-in-tests covers #[test] functions and #[cfg(test)]
// modules only, not this crate's helper functions nor its #[wasm_bindgen_test] functions.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount_check() -> (web_sys::HtmlElement, impl Drop) {
    clean_storage();
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), microscope::ui::check::panel::CheckPanel);
    (root, handle)
}

#[wasm_bindgen_test]
async fn check_panel_shows_tier_for_typed_followers() {
    let (root, _mounted) = mount_check();
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
    let (root, _mounted) = mount_check();
    type_into(&root, "#check-followers", "abc");
    leptos::task::tick().await;
    assert!(text_of(&root, "#check-followers-error").contains("“abc” is not a number"));
    let input = find(&root, "#check-followers");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(!text(&root).contains("Micro:"));
}

#[wasm_bindgen_test]
async fn check_panel_uses_the_platform_audience_word() {
    let (root, _mounted) = mount_check();
    select(&root, "#check-platform", "youtube");
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
    clean_storage();
    // The fatal block lives in index.html; recreate it here as the page would have it.
    let doc = document();
    let block = doc.create_element("div").unwrap();
    block.set_id("fatal");
    block.set_attribute("hidden", "").unwrap();
    let detail = doc.create_element("pre").unwrap();
    detail.set_id("fatal-detail");
    block.append_child(&detail).unwrap();
    doc.body().unwrap().append_child(&block).unwrap();

    microscope::ui::app::panic::show("boom <img src=x onerror=alert(1)>");
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
    let (root, _mounted) = mount_check();
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
    let chart = find(&root, "figure.chart img");
    assert!(chart
        .get_attribute("src")
        .unwrap()
        .starts_with("data:image/svg+xml,"));
    assert!(chart.get_attribute("alt").unwrap().contains("8.5%"));
}

#[wasm_bindgen_test]
async fn zero_views_show_na_never_nan() {
    let (root, _mounted) = mount_check();
    type_into(&root, "#check-followers", "45K");
    type_into(&root, "#check-views", "0");
    type_into(&root, "#check-likes", "100");
    leptos::task::tick().await;
    let page = text(&root);
    assert!(page.contains("n/a"), "{page}");
    // Whole words only: "micro-influencer" (a benchmark's population) contains "inf".
    let words: Vec<&str> = page.split(|c: char| !c.is_alphanumeric()).collect();
    for bad in ["NaN", "inf", "Infinity"] {
        assert!(!words.contains(&bad), "{bad} in {page}");
    }
}

/// Regression: the rate read "n/a: n/a: enter a post's numbers…" (the prefix was added twice).
#[wasm_bindgen_test]
async fn an_undefined_rate_says_n_a_once_with_the_reason() {
    let (root, _mounted) = mount_check();
    type_into(&root, "#check-followers", "45K");
    leptos::task::tick().await;
    let page = text(&root);
    assert!(page.contains("n/a: enter a post's numbers"), "{page}");
    assert!(!page.contains("n/a: n/a"), "{page}");
}

#[wasm_bindgen_test]
async fn followers_error_waits_until_the_field_is_touched() {
    let (root, _mounted) = mount_check();
    leptos::task::tick().await;
    // Empty at first: no error yet, though the tier needs a number.
    assert_eq!(text_of(&root, "#check-followers-error"), "");
    assert_eq!(
        find(&root, "#check-followers").get_attribute("aria-invalid"),
        None
    );
    fire(&find(&root, "#check-followers"), "blur");
    leptos::task::tick().await;
    assert!(
        text_of(&root, "#check-followers-error").contains("Enter a number"),
        "{}",
        text_of(&root, "#check-followers-error")
    );
    assert_eq!(
        find(&root, "#check-followers")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert_eq!(text_of(&root, "label[for=check-followers]"), "Followers");
}

#[wasm_bindgen_test]
async fn analysis_panel_lists_an_anomaly_with_its_evidence() {
    // TikTok micro: (likes + dislikes + shares + comments) / views = 33,150 / 130,000 = 25.5%,
    // 3× the 8.5% benchmark (CreatorDB, 2026): more than 2× is a published red flag.
    let (root, _mounted) = mount_check();
    type_into(&root, "#check-followers", "45K");
    type_into(&root, "#check-views", "130,000");
    type_into(&root, "#check-likes", "30,000");
    type_into(&root, "#check-comments", "1,500");
    type_into(&root, "#check-shares", "1,650");
    type_into(&root, "#check-sponsored", "0");
    leptos::task::tick().await;
    let risks = find(&root, "section[aria-labelledby=check-risks-title]");
    let shown = text(&risks);
    assert!(
        shown.contains("2 warnings: 1 high risk, 1 caution."),
        "{shown}"
    );
    let anomaly = find(&risks, "[data-warning=engagement-far-above-benchmark]");
    assert_eq!(text_of(&anomaly, ".badge"), "High risk");
    let card = text(&anomaly);
    assert!(card.contains("Engagement is 3× the benchmark"), "{card}");
    for evidence in [
        "25.5%",
        "8.5%",
        "TikTok micro benchmark, CreatorDB, 2026",
        "Why it matters",
        "What to do",
    ] {
        assert!(card.contains(evidence), "{evidence}: {card}");
    }
    assert!(exists(&risks, "[data-warning=few-sponsored-posts]"));
    // What could not run says where to supply it.
    let gaps = text_of(&risks, ".not-checked-list");
    assert!(gaps.contains("Risks → Comment sentiment"), "{gaps}");
    assert!(!gaps.contains("Edit on the shortlist"), "{gaps}");

    // Back in line with the benchmark: the anomaly goes.
    type_into(&root, "#check-likes", "9,500");
    type_into(&root, "#check-comments", "850");
    type_into(&root, "#check-shares", "700");
    leptos::task::tick().await;
    assert!(!exists(
        &root,
        "[data-warning=engagement-far-above-benchmark]"
    ));
}

/// Regression: the Check section started at the default formula whatever was picked before (the
/// setting the workspace file keeps); a pick there was not kept either.
#[wasm_bindgen_test]
async fn the_check_starts_with_the_formula_picked_last_and_keeps_a_new_pick() {
    use leptos::prelude::*;
    use microscope::ui::state::SettingsStore;
    clean_storage();
    local()
        .set_item(
            "microscope.settings",
            r#"{"app":"microscope","kind":"settings","version":1,"data":{"formula":"followers"}}"#,
        )
        .unwrap();
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), || {
        provide_context(SettingsStore::load());
        view! { <microscope::ui::check::panel::CheckPanel /> }
    });
    until("the stored formula is picked", || {
        find(&root, "#check-formula")
            .dyn_into::<web_sys::HtmlSelectElement>()
            .unwrap()
            .value()
            == "followers"
    })
    .await;
    select(&root, "#check-formula", "tiktok-views");
    until("the new pick is stored", || {
        flush_saves();
        local()
            .get_item("microscope.settings")
            .unwrap()
            .is_some_and(|s| s.contains("\"formula\":\"tiktok-views\""))
    })
    .await;
}
