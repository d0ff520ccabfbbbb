//! Browser tests of the Risks section (wasm-bindgen-test in headless Chromium): caption verdicts, comment tools, thresholds.
#![cfg(target_arch = "wasm32")]
// Test code may unwrap: clippy.toml's allow-*-in-tests covers #[test] functions and #[cfg(test)]
// modules only, not this crate's helper functions nor its #[wasm_bindgen_test] functions.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use leptos::prelude::*;
use support::window;
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

use microscope::domain::{Campaign, Creator, Platform, PostMetrics};
use microscope::storage::envelope::Load;
use microscope::storage::{self, envelope};
use microscope::ui::risks::for_creator::CampaignWarnings;
use microscope::ui::risks::panel::RisksPanel;
use microscope::ui::shortlist::panel::ShortlistPanel;
use microscope::ui::state::thresholds::{StoredThresholds, THRESHOLDS_KIND};
use microscope::ui::state::{ShortlistStore, ThresholdsStore};
use microscope::ui::widgets::banners::StoredValueBanner;

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> (HtmlElement, impl Drop) {
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), RisksPanel);
    (root, handle)
}

/// The Risks panel with the thresholds' banner as the Workspace panel shows it under every
/// section, over one store.
fn mount_with_banner() -> (HtmlElement, impl Drop) {
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), || {
        let thresholds = ThresholdsStore::load();
        provide_context(thresholds);
        view! {
            <RisksPanel />
            <StoredValueBanner store=thresholds what="risk thresholds" />
        }
    });
    (root, handle)
}

#[wasm_bindgen_test]
async fn ad_at_the_start_meets_us_and_uk() {
    clean_storage();
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
    clean_storage();
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
    clean_storage();
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
    clean_storage();
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
    clean_storage();
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
    clean_storage();
    let (root, _mounted) = mount();
    type_into(&root, "#risks-interests", "#Workouts, cooking");
    type_into(&root, "#risks-categories", "fitness, travel");
    leptos::task::tick().await;
    let section = text_of(&root, "[aria-labelledby=\"risks-audience-title\"]");
    assert!(section.contains("Overlap: 50%"), "{section}");
    assert!(section.contains("via “Workouts”"), "{section}");
    assert!(section.contains("travel"), "{section}");
}

#[wasm_bindgen_test]
async fn no_sponsored_posts_asks_for_an_approval_process() {
    clean_storage();
    let (root, _mounted) = mount();
    type_into(&root, "#risks-sponsored", "0");
    leptos::task::tick().await;
    let section = text_of(&root, "[aria-labelledby=\"risks-anomaly-title\"]");
    assert!(section.contains("No past sponsored posts"), "{section}");
    assert!(section.contains("Caution"), "{section}");
    assert!(section.contains("What to do"), "{section}");
    assert!(section.contains("approval"), "{section}");
}

#[wasm_bindgen_test]
async fn threshold_edit_is_checked_and_saved() {
    clean_storage();
    let (root, _mounted) = mount();
    type_into(&root, "#threshold-min-sponsored-posts", "5");
    leptos::task::tick().await;
    let (load, _) = storage::load_one::<StoredThresholds>(&THRESHOLDS_KIND);
    match load {
        envelope::Load::Loaded { value, .. } => assert_eq!(value.0.min_sponsored_posts, 5.0),
        other => panic!("not saved: {other:?}"),
    }
    // With 5 as the bar, 4 past sponsored posts is now too few.
    type_into(&root, "#risks-sponsored", "4");
    leptos::task::tick().await;
    assert!(text_of(&root, "[aria-labelledby=\"risks-anomaly-title\"]")
        .contains("Only 4 past sponsored posts"));

    type_into(&root, "#threshold-min-sponsored-posts", "abc");
    leptos::task::tick().await;
    let error = text_of(&root, "#threshold-min-sponsored-posts-error");
    assert!(error.contains("Past sponsored posts"), "{error}");
    let input = find(&root, "#threshold-min-sponsored-posts");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));

    click(&root, ".threshold-form button");
    leptos::task::tick().await;
    let input: HtmlInputElement = input.unchecked_into();
    assert_eq!(input.value(), "3");
    assert!(text_of(&root, "#threshold-min-sponsored-posts-error").is_empty());
    local()
        .remove_item(&storage::key(&THRESHOLDS_KIND))
        .unwrap();
}

/// Unreadable saved thresholds are announced once, by the banner (the Thresholds tool had its own
/// copy of the message, stored text and button, so the Risks page said it twice); the tool says
/// only that changes apply to this page and are not saved.
#[wasm_bindgen_test]
async fn unreadable_saved_thresholds_are_kept_and_defaults_used() {
    clean_storage();
    let key = storage::key(&THRESHOLDS_KIND);
    let corrupt = "{\"app\":\"microscope\",\"kind\":\"risk-thresholds\",\"version\":1,\"data\":{\"min_sponsored_posts\":2.5}}";
    local().set_item(&key, corrupt).unwrap();
    let (root, _mounted) = mount_with_banner();
    leptos::task::tick().await;
    let banner = text_of(&root, ".banner.danger");
    assert!(banner.contains("could not be read"), "{banner}");
    assert!(banner.contains("The defaults are in use"), "{banner}");
    let page = text(&root);
    assert_eq!(page.matches("could not be read").count(), 1, "{page}");
    let notice = text_of(&root, ".threshold-notice");
    assert!(notice.contains("not saved until you replace"), "{notice}");
    let input: HtmlInputElement = find(&root, "#threshold-min-sponsored-posts").unchecked_into();
    assert_eq!(input.value(), "3");

    // An edit applies in memory but does not overwrite what is stored.
    type_into(&root, "#threshold-min-sponsored-posts", "4");
    leptos::task::tick().await;
    assert_eq!(local().get_item(&key).unwrap().as_deref(), Some(corrupt));

    // A newer version is not overwritten either.
    let newer = "{\"app\":\"microscope\",\"kind\":\"risk-thresholds\",\"version\":9,\"data\":{}}";
    local().set_item(&key, newer).unwrap();
    let (root2, _mounted2) = mount_with_banner();
    leptos::task::tick().await;
    assert!(text_of(&root2, ".banner.danger").contains("newer Microscope"));
    assert!(!text_of(&root2, ".threshold-notice").contains("newer Microscope"));
    type_into(&root2, "#threshold-min-sponsored-posts", "4");
    leptos::task::tick().await;
    assert_eq!(local().get_item(&key).unwrap().as_deref(), Some(newer));
    local().remove_item(&key).unwrap();
}

/// TikTok micro with 130K views; interactions set for the by-views rate (benchmark 8.5%).
fn tiktok(id: &str, name: &str, rate: f64) -> Creator {
    let mut c = Creator::new(id.to_string(), name, 0.0);
    c.platform = Some(Platform::TikTok);
    c.followers = Some(45_000);
    let interactions = rate * 130_000.0;
    c.metrics = PostMetrics {
        views: Some(130_000.0),
        likes: Some(interactions * 0.9),
        comments: Some(interactions * 0.05),
        shares: Some(interactions * 0.05),
        ..PostMetrics::default()
    };
    c.sponsored_posts = Some(9);
    c.posts_per_week = Some(1.0);
    c
}

/// A shortlist state holding `creators`, as if loaded (nothing is saved: nothing was edited).
fn shortlist(creators: Vec<Creator>) -> ShortlistStore {
    ShortlistStore::from_load(
        Load::Loaded {
            value: creators,
            dropped: Vec::new(),
            migrated_from: None,
        },
        None,
    )
}

#[wasm_bindgen_test]
async fn shortlist_rows_carry_a_risk_badge() {
    clean_storage();
    let state = shortlist(vec![
        tiktok("a", "Ana", 0.255),
        tiktok("c", "Cleo", 0.085),
        Creator::new("n".into(), "Nil", 0.0),
    ]);
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        provide_context(state);
        view! { <ShortlistPanel /> }
    });
    leptos::task::tick().await;
    let header = text_of(&root, "thead");
    assert!(header.contains("Risks"), "{header}");
    // Rows are sorted by name: Ana, Cleo, Nil.
    let badge = |row: usize| find(&root, &format!("tbody tr:nth-child({row}) .risk-badge"));
    // Ana's rate is 3× the benchmark: one warning, high risk, in words.
    let ana = badge(1);
    assert_eq!(ana.get_attribute("data-risk-count").as_deref(), Some("1"));
    assert!(ana.class_name().contains("sev-high"));
    assert_eq!(ana.tag_name(), "BUTTON");
    assert!(
        text(&ana).contains("High risk · 1 warning"),
        "{}",
        text(&ana)
    );
    assert_eq!(
        ana.get_attribute("aria-label").as_deref(),
        Some("Risks for Ana: 1 high risk. Show the warnings")
    );
    let title = ana.get_attribute("title").unwrap_or_default();
    assert!(title.contains("Engagement is 3× the benchmark"), "{title}");
    assert!(
        text(&badge(2)).contains("No warnings"),
        "{}",
        text(&badge(2))
    );
    assert!(
        text(&badge(3)).contains("Not checked"),
        "{}",
        text(&badge(3))
    );

    // A sort reuses the rows: the badges follow their creators.
    click(&root, "thead th:nth-child(2) button");
    leptos::task::tick().await;
    assert!(text(&badge(1)).contains("Not checked"));
    assert_eq!(
        badge(3).get_attribute("data-risk-count").as_deref(),
        Some("1")
    );

    // The badge opens the creator's warnings in the editor.
    badge(3).click();
    leptos::task::tick().await;
    let details = find(&root, "details.editor-risks");
    assert!(details.has_attribute("open"));
    let shown = text(&details);
    assert!(
        shown.contains("Risks for this creator: 1 warning"),
        "{shown}"
    );
    assert!(shown.contains("Engagement is 3× the benchmark"), "{shown}");
}

#[wasm_bindgen_test]
async fn campaign_list_tags_each_warning_with_its_creator() {
    clean_storage();
    let mut zoe = tiktok("z", "Zoe", 0.255);
    zoe.tags = vec!["gaming".into()];
    let mut ben = tiktok("b", "Ben", 0.085);
    ben.tags = vec!["makeup".into(), "style".into()];
    ben.sponsored_posts = Some(0);
    let campaign = Campaign {
        id: "camp".into(),
        name: "Spring glow".into(),
        brand_categories: vec!["beauty".into(), "fashion".into()],
        countries: vec!["us".into(), "de".into()],
        creators: vec!["z".into(), "b".into()],
        ..Campaign::default()
    };
    let state = shortlist(vec![zoe, ben]);
    let campaign = RwSignal::new(Some(campaign));
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        provide_context(state);
        view! { <CampaignWarnings campaign=campaign /> }
    });
    leptos::task::tick().await;
    let all = text(&root);
    assert!(
        all.contains("3 warnings: 2 high risks, 1 caution."),
        "{all}"
    );
    let cards = root.get_elements_by_class_name("warning");
    let seen: Vec<(String, String)> = (0..cards.length())
        .map(|i| {
            let el = cards.item(i).unwrap();
            (
                el.get_attribute("data-creator").unwrap_or_default(),
                el.get_attribute("data-warning").unwrap_or_default(),
            )
        })
        .collect();
    // Severity first (Zoe's two are high risks), then the creator's name; a creator's own
    // warnings keep their order.
    assert_eq!(seen.len(), 3, "{seen:?}");
    assert_eq!(
        seen[2],
        ("Ben".to_string(), "few-sponsored-posts".to_string())
    );
    assert_eq!(
        seen[..2],
        [
            ("Zoe".to_string(), "audience-fit-low".to_string()),
            (
                "Zoe".to_string(),
                "engagement-far-above-benchmark".to_string()
            ),
        ]
    );
    assert!(text_of(&root, "article.warning .warning-creator").contains("Zoe"));
    assert!(all.contains("United States, Germany"), "{all}");

    // The campaign changes: without categories, audience fit is not checked.
    campaign.update(|c| {
        if let Some(c) = c {
            c.brand_categories.clear();
        }
    });
    leptos::task::tick().await;
    assert!(!exists(&root, "[data-warning=audience-fit-low]"));
    assert!(text(&root).contains("Add the brand's categories to the campaign “Spring glow”"));
}

// ---------------------------------------------------------------------------------------------
// Risks on a picked creator: results saved, dated, in the creator's dossier.

const SHORTLIST_KEY: &str = "microscope.shortlist";

/// Stores `creators` (JSON records) as the shortlist, as an earlier visit would have.
fn store_shortlist(creators: &str) {
    let text =
        format!(r#"{{"app":"microscope","kind":"shortlist","version":2,"data":[{creators}]}}"#);
    local().set_item(SHORTLIST_KEY, &text).unwrap();
}

/// The stored record of creator `id`, read back from localStorage.
fn stored_creator(id: &str) -> serde_json::Value {
    let raw = support::stored_list(SHORTLIST_KEY).unwrap_or_default();
    let envelope: serde_json::Value = serde_json::from_str(&raw).unwrap();
    envelope["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .cloned()
        .unwrap_or_else(|| panic!("no creator {id} in {raw}"))
}

/// Mounts the Risks panel at the address `hash` ("#risks/ana"), as the shell would.
fn mount_at(hash: &str) -> (HtmlElement, impl Drop) {
    window().location().set_hash(hash).unwrap();
    mount()
}

/// Back to no hash, so the next test's panel does not start on this one's pick.
fn leave() {
    window().location().set_hash("").unwrap();
}

const ANA: &str =
    r#"{"id":"ana","name":"Ana Souza","status":"prospect","created_at":1.0,"updated_at":1.0}"#;

fn picker_value(root: &HtmlElement) -> String {
    find(root, "#risks-creator")
        .unchecked_into::<web_sys::HtmlSelectElement>()
        .value()
}

#[wasm_bindgen_test]
async fn picked_creator_keeps_a_comment_sample_and_a_caption_check() {
    clean_storage();
    store_shortlist(ANA);
    let (root, _mounted) = mount_at("#risks/ana");
    until("Ana picked", || picker_value(&root) == "ana").await;
    assert!(text(&root).contains("Stored evidence"));

    type_area(
        &root,
        "#risks-comments",
        "Nice\n🔥🔥\nWhere is the jacket from?",
    );
    until("the sample's save note", || {
        text(&root).contains("Saved to Ana Souza's dossier")
    })
    .await;
    // Editing in the same visit updates that sample instead of adding one.
    type_area(
        &root,
        "#risks-comments",
        "Nice\n🔥🔥\nWhere is the jacket from?\ngreat pic",
    );

    // A post link that is not a web address is refused, naming the field and why.
    type_into(&root, "#risks-post-link", "javascript:alert(1)");
    type_area(&root, "#risks-caption", "#ad Loving my new running shoes");
    leptos::task::tick().await;
    let error = text_of(&root, "#risks-post-link-error");
    assert!(error.starts_with("Post link:"), "{error}");
    assert!(error.contains("http:// or https://"), "{error}");
    assert!(text(&root).contains("The post link is not saved until it is fixed."));
    type_into(
        &root,
        "#risks-post-link",
        "https://www.instagram.com/p/abc/",
    );
    leptos::task::tick().await;

    flush_saves();
    let ana = stored_creator("ana");
    let samples = ana["comment_samples"].as_array().unwrap();
    assert_eq!(samples.len(), 1, "{ana}");
    assert_eq!(
        samples[0]["text"],
        "Nice\n🔥🔥\nWhere is the jacket from?\ngreat pic"
    );
    assert_eq!(samples[0]["counts"]["total"], 4, "{ana}");
    assert_eq!(samples[0]["counts"]["emoji_only"], 1, "{ana}");
    let today = microscope::ui::app::clock::today().to_string();
    assert_eq!(samples[0]["date"], today.as_str());
    let checks = ana["caption_checks"].as_array().unwrap();
    assert_eq!(checks.len(), 1, "{ana}");
    assert_eq!(checks[0]["caption"], "#ad Loving my new running shoes");
    assert_eq!(checks[0]["post_link"], "https://www.instagram.com/p/abc/");
    assert_eq!(checks[0]["date"], today.as_str());
    let verdicts = checks[0]["verdicts"].as_array().unwrap();
    assert_eq!(verdicts.len(), 10, "{ana}");
    assert!(verdicts.contains(&serde_json::json!({"country": "us", "verdict": "meets"})));

    // The stored evidence lists both, dated today.
    let evidence = text_of(&root, "[aria-labelledby=\"risks-evidence-title\"]");
    assert!(
        evidence.contains("1 comment sample and 1 caption check"),
        "{evidence}"
    );
    assert!(evidence.contains(&format!("{today} · today")), "{evidence}");
    assert!(evidence.contains("4 comments"), "{evidence}");
    leave();
}

#[wasm_bindgen_test]
async fn quick_check_saves_nothing() {
    clean_storage();
    store_shortlist(ANA);
    let before = support::stored_list(SHORTLIST_KEY);
    let (root, _mounted) = mount_at("#risks/");
    until("quick check picked", || picker_value(&root).is_empty()).await;
    assert!(text(&root).contains("Quick check: nothing you enter is saved."));
    assert!(!exists(&root, "[aria-labelledby=\"risks-evidence-title\"]"));
    type_area(&root, "#risks-comments", "Nice\nI hate this");
    type_area(&root, "#risks-caption", "#ad new shoes");
    leptos::task::tick().await;
    assert!(text(&root).contains("Quick check: nothing here is saved."));
    flush_saves();
    assert_eq!(support::stored_list(SHORTLIST_KEY), before);
    leave();
}

#[wasm_bindgen_test]
async fn picking_a_creator_goes_through_the_address() {
    clean_storage();
    store_shortlist(&format!(
        r#"{ANA},{{"id":"bo","name":"Bo","status":"prospect","created_at":1.0,"updated_at":1.0}}"#
    ));
    // No pick in the address: a quick check, so nothing pasted on a plain visit is saved into
    // someone's dossier (regression: the first creator by name used to be picked).
    let (root, _mounted) = mount_at("#risks");
    until("quick check by default", || picker_value(&root).is_empty()).await;
    select(&root, "#risks-creator", "bo");
    until("the address names Bo", || {
        window().location().hash().unwrap() == "#risks/bo"
    })
    .await;
    until("Bo picked", || {
        text(&root).contains("In Bo's dossier: 0 comment samples")
    })
    .await;
    // An address naming nobody on the shortlist is a quick check, and says so.
    window().location().set_hash("#risks/gone").unwrap();
    until("unknown creator named", || {
        text(&root).contains("(id “gone”) who is not on the shortlist")
    })
    .await;
    assert_eq!(picker_value(&root), "");
    leave();
}

#[wasm_bindgen_test]
async fn anomalies_take_the_numbers_the_shortlist_has() {
    clean_storage();
    store_shortlist(
        r#"{"id":"t1","name":"Tia","platform":"TikTok","followers":45000,"sponsored_posts":0,"status":"prospect","created_at":1.0,"updated_at":1.0}"#,
    );
    let (root, _mounted) = mount_at("#risks/t1");
    until("Tia picked", || picker_value(&root) == "t1").await;
    let section = || text_of(&root, "[aria-labelledby=\"risks-anomaly-title\"]");
    until("the shortlist's numbers shown", || {
        section().contains("From the shortlist; edit them there.")
    })
    .await;
    let shown = section();
    assert!(shown.contains("45,000"), "{shown}");
    assert!(shown.contains("TikTok"), "{shown}");
    // Not asked for again; what is missing still is.
    for known in ["#risks-platform", "#risks-followers", "#risks-sponsored"] {
        assert!(!exists(&root, known), "{known} is asked for again");
    }
    assert!(exists(&root, "#risks-avg-likes"));
    assert!(exists(&root, "#risks-rate"));
    assert!(shown.contains("No past sponsored posts"), "{shown}");
    let link = find(&root, ".from-shortlist a");
    assert_eq!(link.get_attribute("href").as_deref(), Some("#shortlist"));

    // A missing number typed here is saved to the creator only on request.
    type_into(&root, "#risks-avg-likes", "1,200");
    leptos::task::tick().await;
    button(
        &root,
        "Save the numbers typed here to Tia's shortlist entry",
    )
    .click();
    until("likes now from the shortlist", || {
        !exists(&root, "#risks-avg-likes")
    })
    .await;
    flush_saves();
    assert_eq!(stored_creator("t1")["metrics"]["likes"], 1200.0);
    leave();
}

#[wasm_bindgen_test]
async fn stale_evidence_is_flagged_and_deleting_asks_first() {
    clean_storage();
    store_shortlist(
        r##"{"id":"ana","name":"Ana Souza","status":"prospect","created_at":1.0,"updated_at":1.0,
            "comment_samples":[{"date":"2020-01-02","text":"nice\nso fake","counts":{"total":2,"positive":1,"neutral":0,"negative":1,"generic":1,"one_word":1}}],
            "caption_checks":[{"date":"2020-01-03","caption":"#sp shoes","verdicts":[{"country":"uk","verdict":"weak"}]}]}"##,
    );
    let (root, _mounted) = mount_at("#risks/ana");
    until("evidence shown", || {
        text(&root).contains("1 comment sample and 1 caption check")
    })
    .await;
    let evidence = text_of(&root, "[aria-labelledby=\"risks-evidence-title\"]");
    assert!(evidence.contains("2020-01-02"), "{evidence}");
    assert!(evidence.contains("years old"), "{evidence}");
    assert_eq!(
        count_class(&root, "stale"),
        4,
        "two entries and their badges"
    );
    assert!(evidence.contains("re-check"), "{evidence}");
    assert!(
        evidence.contains("2 comments: 1 negative (50%)"),
        "{evidence}"
    );
    assert!(evidence.contains("United Kingdom"), "{evidence}");
    assert!(evidence.contains("Not clear enough"), "{evidence}");

    // Delete asks; "Keep it" keeps.
    click(
        &root,
        "[aria-label=\"Delete the comment sample of 2020-01-02\"]",
    );
    leptos::task::tick().await;
    assert!(
        text(&root).contains("Delete the comment sample of 2020-01-02 from Ana Souza's dossier?")
    );
    button(&root, "Keep it").click();
    leptos::task::tick().await;
    assert!(text(&root).contains("1 comment sample and"));
    click(
        &root,
        "[aria-label=\"Delete the comment sample of 2020-01-02\"]",
    );
    leptos::task::tick().await;
    button(&root, "Delete it").click();
    until("sample deleted", || {
        text(&root).contains("0 comment samples and 1 caption check")
    })
    .await;
    flush_saves();
    let ana = stored_creator("ana");
    assert!(ana.get("comment_samples").is_none(), "{ana}");
    assert_eq!(ana["caption_checks"].as_array().unwrap().len(), 1);
    leave();
}
