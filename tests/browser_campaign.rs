//! Browser tests of the Campaign section (wasm-bindgen-test in headless Chromium): creating a
//! campaign with a goal, recommendations with citations, countries in the brief and checklist,
//! results tied to creators, the vetting record, saving, other tabs, and unreadable stored data.
#![cfg(target_arch = "wasm32")]
// Test code may unwrap: clippy.toml's allow-*-in-tests covers #[test] functions and #[cfg(test)]
// modules only, not this crate's helper functions nor its #[wasm_bindgen_test] functions.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use leptos::prelude::*;
use microscope::domain::{Creator, Platform, PostMetrics};
use microscope::storage::envelope::Load;
use microscope::ui::campaign::panel::CampaignPanel;
use microscope::ui::state::{CampaignsStore, ShortlistStore};
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{js_sys, HtmlElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

const KEY: &str = "microscope.campaigns";

fn creator(id: &str, name: &str, views: f64, price: f64) -> Creator {
    let mut c = Creator::new(id.into(), name, 1.0);
    c.platform = Some(Platform::TikTok);
    c.followers = Some(45_000);
    c.metrics = PostMetrics {
        views: Some(views),
        likes: Some(views / 13.0),
        comments: Some(views / 200.0),
        shares: Some(views / 300.0),
        ..PostMetrics::default()
    };
    c.price = Some(price);
    c.sponsored_posts = Some(1);
    c
}

/// A shortlist with Ann and Bo, not read from storage.
fn shortlist() -> ShortlistStore {
    ShortlistStore::from_load(
        Load::Loaded {
            value: vec![
                creator("c1", "Ann", 130_000.0, 300.0),
                creator("c2", "Bo", 60_000.0, 200.0),
            ],
            dropped: Vec::new(),
            migrated_from: None,
        },
        None,
    )
}

/// Mounts the panel over clean storage holding `stored` (if any) under the campaigns' key.
fn mount_with(stored: Option<&str>) -> (HtmlElement, impl Drop) {
    clean_storage();
    if let Some(s) = stored {
        local().set_item(KEY, s).unwrap();
    }
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), || {
        provide_context(shortlist());
        view! { <CampaignPanel /> }
    });
    (root, handle)
}

/// Mounts the panel over empty storage. (An earlier test's store saved its pending edits when
/// that test's panel went, so nothing of it lands later.)
fn mount() -> (HtmlElement, impl Drop) {
    mount_with(None)
}

async fn create(root: &HtmlElement, name: &str) {
    type_into(root, "#campaign-new-name", name);
    let form = find(root, "#campaign-new-name")
        .closest("form")
        .unwrap()
        .unwrap();
    fire(&form, "submit");
    until(&format!("the editor of “{name}”"), || {
        text_if(root, "#campaign-editor-title") == name
    })
    .await;
}

fn submit(root: &HtmlElement, selector: &str) {
    let form = find(root, selector).closest("form").unwrap().unwrap();
    fire(&form, "submit");
}

fn stored() -> String {
    local().get_item(KEY).unwrap().unwrap_or_default()
}

fn envelope(data: &str) -> String {
    format!(r#"{{"app":"microscope","kind":"campaigns","version":2,"data":[{data}]}}"#)
}

fn campaign_json(id: &str, name: &str, updated: f64) -> String {
    format!(r#"{{"id":"{id}","name":"{name}","created_at":1,"updated_at":{updated}}}"#)
}

fn campaign_names(root: &HtmlElement) -> String {
    text_of(root, ".campaign-list ul")
}

/// The stored campaigns as JSON (`Null` while nothing readable is stored).
fn stored_json() -> serde_json::Value {
    serde_json::from_str(&stored()).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_new_campaign_with_a_goal_shows_recommendations_with_citations() {
    let (root, _handle) = mount();
    assert!(!text(&root).contains("Who to look for"));
    create(&root, "Spring launch").await;
    assert_eq!(text_of(&root, "#campaign-editor-title"), "Spring launch");

    select(&root, "#campaign-goal", "awareness");
    until("the goal's help", || {
        text_if(&root, "#campaign-goal-help").contains("seen by as many")
    })
    .await;
    let help = text_of(&root, "#campaign-goal-help");
    assert!(help.contains("seen by as many"), "goal help: {help}");

    let recs = find(&root, ".campaign-recs");
    assert!(recs.query_selector("li cite").unwrap().is_some());

    // Saved after the debounce, with the goal.
    until("the campaign saved with its goal", || {
        stored().contains("Spring launch") && stored().contains("\"awareness\"")
    })
    .await;
    assert!(stored().contains("Spring launch"), "stored: {}", stored());
    assert!(stored().contains("\"awareness\""), "stored: {}", stored());
}

#[wasm_bindgen_test]
async fn ticking_a_checklist_item_changes_progress_and_is_saved() {
    let (root, _handle) = mount();
    create(&root, "Summer").await;
    let before = text_of(&root, "#campaign-progress-label");
    assert!(before.starts_with("0 of "), "progress before: {before}");
    set_checked(&root, "#campaign-check-0", true);
    until("progress at 1", || {
        text_if(&root, "#campaign-progress-label").starts_with("1 of ")
    })
    .await;
    let after = text_of(&root, "#campaign-progress-label");
    assert!(after.starts_with("1 of "), "progress after: {after}");

    until("the tick saved", || {
        stored_json()["data"][0]["checklist"]
            .as_array()
            .is_some_and(|ticks| ticks.len() == 1)
    })
    .await;
    let owner = Owner::new();
    let store = owner.with(CampaignsStore::load);
    let ticks = store
        .campaigns
        .with_untracked(|cs| cs.first().map(|c| c.checklist.len()));
    assert_eq!(ticks, Some(1));
    owner.cleanup();
}

/// Regression: one click on "Delete this campaign" removed it at once, checklist and results with it.
#[wasm_bindgen_test]
async fn deleting_a_campaign_asks_first_and_keep_it_keeps_it() {
    let (root, _handle) = mount();
    create(&root, "Autumn").await;
    let asking = |root: &HtmlElement| text(root).contains("Delete “Autumn” with its checklist");
    button(&root, "Delete this campaign…").click();
    until("the question before deleting", || asking(&root)).await;
    assert!(
        campaign_names(&root).contains("Autumn"),
        "deleted without asking"
    );
    assert!(text(&root).contains("Delete “Autumn” with its checklist"));

    button(&root, "Keep it").click();
    until("the question gone", || !asking(&root)).await;
    assert!(campaign_names(&root).contains("Autumn"));

    button(&root, "Delete this campaign…").click();
    until("the question again", || asking(&root)).await;
    button(&root, "Delete").click();
    until("the deletion shown and saved", || {
        !text(&root).contains("Autumn") && !stored().is_empty() && !stored().contains("Autumn")
    })
    .await;
    assert!(!text(&root).contains("Autumn"), "{}", text(&root));
    assert!(!stored().contains("Autumn"), "stored: {}", stored());
}

#[wasm_bindgen_test]
async fn countries_categories_currency_and_notes_reach_the_brief_and_checklist() {
    let (root, _handle) = mount();
    create(&root, "Autumn drop").await;
    set_checked(&root, "#campaign-country-de", true);
    set_checked(&root, "#campaign-country-fr", true);
    // As typed (input), then the field is left (change), which tidies the text.
    type_into(&root, "#campaign-categories", "#Skincare, vegan, skincare");
    fire(&find(&root, "#campaign-categories"), "change");
    select(&root, "#campaign-currency", "EUR");
    type_into(&root, "#campaign-budget", "1,000");
    let notes: web_sys::HtmlTextAreaElement = find(&root, "#campaign-notes").unchecked_into();
    notes.set_value("SPF 50 claim must be exact");
    fire(&notes, "input");
    set_checked(&root, "#campaign-creator-c1", true);
    until("the brief, plan and checklist updated", || {
        text_if(&root, ".campaign-brief-text").contains("> SPF 50 claim must be exact")
            && text_if(&root, ".campaign-plan").contains("€1,000")
            && text_if(&root, ".campaign-checklist").contains("“Publicité”")
    })
    .await;

    let brief = text_of(&root, ".campaign-brief-text");
    for want in [
        "- **Target countries:** Germany, France",
        "- **Germany:** Write “Werbung” or “Anzeige”",
        "- **France:** Write “Publicité” or “Collaboration commerciale”",
        "- **What the brand is about:** skincare, vegan",
        "> SPF 50 claim must be exact",
    ] {
        assert!(brief.contains(want), "missing {want:?} in brief:\n{brief}");
    }
    assert_eq!(text_of(&root, "label[for=campaign-budget]"), "Budget (EUR)");
    assert_eq!(
        find(&root, "#campaign-categories")
            .unchecked_into::<web_sys::HtmlInputElement>()
            .value(),
        "skincare, vegan"
    );
    // The plan's money is in the campaign's currency.
    let plan = text_of(&root, ".campaign-plan");
    assert!(plan.contains("of €1,000 spent"), "plan: {plan}");
    // The checklist has a disclosure item per country for Ann, naming the labels.
    let checklist = text_of(&root, ".campaign-checklist");
    assert!(
        checklist.contains("Disclosure rules explained for Germany")
            && checklist.contains("Disclosure rules explained for France")
            && checklist.contains("“Werbung”")
            && checklist.contains("“Publicité”"),
        "checklist: {checklist}"
    );

    until("the campaign saved with its notes", || {
        stored().contains("SPF 50 claim must be exact")
    })
    .await;
    let s = stored();
    for want in [
        r#""countries":["de","fr"]"#,
        r#""brand_categories":["skincare","vegan"]"#,
        r#""currency":"EUR""#,
        r#""notes":"SPF 50 claim must be exact""#,
    ] {
        assert!(s.contains(want), "missing {want} in {s}");
    }
}

#[wasm_bindgen_test]
async fn a_result_is_tied_to_a_creator_and_tracked_per_creator() {
    let (root, _handle) = mount();
    create(&root, "Tracked").await;
    set_checked(&root, "#campaign-creator-c1", true);
    set_checked(&root, "#campaign-creator-c2", true);
    type_into(&root, "#campaign-budget", "1,000");
    type_into(&root, "#campaign-start", "2026-05-01");
    type_into(&root, "#campaign-end", "2026-05-31");
    type_into(&root, "#campaign-target", "10,000");
    until("the pace chart", || exists(&root, ".chart img")).await;
    assert!(exists(&root, ".chart img"), "pace drawn before any result");
    assert!(
        text(&root).contains(": 0 engagements so far"),
        "{}",
        text(&root)
    );

    // Without a creator the result is refused, naming the field.
    type_into(&root, "#campaign-result-date", "2026-05-05");
    type_into(&root, "#campaign-result-interactions", "800");
    submit(&root, "#campaign-result-date");
    until("the result refused", || {
        text_if(&root, "#campaign-result-error").starts_with("Creator:")
    })
    .await;
    assert!(text_of(&root, "#campaign-result-error").starts_with("Creator:"));

    select(&root, "#campaign-result-creator", "c2");
    type_into(&root, "#campaign-result-views", "12K");
    submit(&root, "#campaign-result-date");
    until("the result counted", || {
        text(&root).contains(": 800 engagements so far")
    })
    .await;
    assert_eq!(text_of(&root, "#campaign-result-error"), "");
    assert!(
        text(&root).contains(": 800 engagements so far"),
        "{}",
        text(&root)
    );
    let table = text_of(&root, ".campaign-per-creator");
    assert!(
        table.contains("Bo") && table.contains("800"),
        "per creator: {table}"
    );
    let results = text_of(&root, ".campaign-results");
    assert!(
        results.contains("2026-05-05") && results.contains("12K"),
        "{results}"
    );
    let who: HtmlSelectElement = find(&root, "#campaign-result-0-creator").unchecked_into();
    assert_eq!(who.value(), "c2");

    // The chart for Bo alone, against the plan's forecast for his post.
    select(&root, "#campaign-chart-who", "c2");
    let chart_alt = |root: &HtmlElement| {
        root.query_selector(".chart img")
            .unwrap()
            .and_then(|img| img.get_attribute("alt"))
            .unwrap_or_default()
    };
    until("Bo's chart", || chart_alt(&root).starts_with("Bo: ")).await;
    let alt = find(&root, ".chart img")
        .get_attribute("alt")
        .unwrap_or_default();
    assert!(
        alt.starts_with("Bo: Engagements against the plan's forecast"),
        "alt: {alt}"
    );

    until("the result saved", || stored().contains("2026-05-05")).await;
    assert!(
        stored().contains(
            r#""creator_id":"c2","date":"2026-05-05","views":12000.0,"interactions":800.0"#
        ),
        "stored: {}",
        stored()
    );
}

#[wasm_bindgen_test]
async fn the_vetting_record_names_each_creator_with_numbers_and_warnings() {
    let (root, _handle) = mount();
    create(&root, "Vetted").await;
    set_checked(&root, "#campaign-creator-c1", true);
    until("Ann in the vetting record", || {
        exists(&root, ".campaign-vetting-doc h6")
    })
    .await;
    let record = text_of(&root, ".campaign-vetting-doc");
    for want in [
        "Vetting record: Vetted",
        "Platform: TikTok; followers: 45,000; tier: Micro",
        "Against the benchmark:",
        "(CreatorDB, 2026)",
        "Warnings (",
    ] {
        assert!(record.contains(want), "missing {want:?} in:\n{record}");
    }
    assert_eq!(text_of(&root, ".campaign-vetting-doc h6"), "Ann");
    // Rendered as a document: bold labels, no Markdown marks left.
    assert!(exists(&root, ".campaign-vetting-doc li strong"));
    assert!(!record.contains("**") && !record.contains("##"), "{record}");
    // One past sponsored post: the inexperience warning is among them.
    assert!(record.to_lowercase().contains("sponsored"), "{record}");
}

#[wasm_bindgen_test]
async fn old_results_without_a_creator_still_load_and_can_be_assigned() {
    let v1 = r#"{"app":"microscope","kind":"campaigns","version":1,"data":[
        {"id":"k1","name":"From session one","creators":["c1","c2"],"start":"2026-05-01","end":"2026-05-31",
         "targets":{"engagements":10000},"created_at":1,"updated_at":2,
         "results":[{"creator_id":"","date":"2026-05-03","interactions":500}]}]}"#;
    let (root, _handle) = mount_with(Some(v1));
    assert!(!exists(&root, ".banner"), "{}", text(&root));
    assert!(
        text(&root).contains(": 500 engagements so far"),
        "{}",
        text(&root)
    );
    let table = text_of(&root, ".campaign-per-creator");
    assert!(table.contains("Not tied to a creator"), "{table}");
    select(&root, "#campaign-result-0-creator", "c1");
    until("the assignment saved", || {
        stored().contains(r#""version":3"#)
    })
    .await;
    let s = stored();
    assert!(
        s.contains(r#""version":3"#) && s.contains(r#""creator_id":"c1""#),
        "{s}"
    );
}

#[wasm_bindgen_test]
async fn another_tabs_campaigns_are_merged_and_older_data_never_wins() {
    let (root, _handle) = mount();
    create(&root, "Mine").await;
    until("“Mine” saved", || stored().contains("Mine")).await;
    let mine = stored();
    assert!(mine.contains("Mine"));
    let v: serde_json::Value = serde_json::from_str(&mine).unwrap();
    let my_id = (
        v["data"][0]["id"].as_str().unwrap().to_string(),
        v["data"][0]["updated_at"].as_f64().unwrap(),
    );

    // The other tab adds a campaign: it appears here, ours stays.
    let both = envelope(&format!(
        "{},{}",
        campaign_json(&my_id.0, "Mine", my_id.1),
        campaign_json("t1", "Theirs", my_id.1 + 10.0)
    ));
    other_tab_writes(KEY, &both);
    until("their campaign shown", || {
        campaign_names(&root).contains("Theirs")
    })
    .await;
    let names = campaign_names(&root);
    assert!(
        names.contains("Mine") && names.contains("Theirs"),
        "{names}"
    );

    // This tab renames "Mine" (newer); before its save lands, the other tab writes an older copy
    // of it. The newer name must survive in the page and in storage.
    type_into(&root, "#campaign-name", "Mine, renamed");
    until("the new name listed", || {
        campaign_names(&root).contains("Mine, renamed")
    })
    .await;
    let older = envelope(&format!(
        "{},{}",
        campaign_json(&my_id.0, "Mine, older edit", my_id.1 + 1.0),
        campaign_json("t1", "Theirs", my_id.1 + 10.0)
    ));
    other_tab_writes(KEY, &older);
    until("the merge saved", || stored().contains("Mine, renamed")).await;
    let names = campaign_names(&root);
    assert!(
        names.contains("Mine, renamed")
            && !names.contains("older edit")
            && names.contains("Theirs"),
        "{names}"
    );
    let s = stored();
    assert!(
        s.contains("Mine, renamed") && !s.contains("older edit") && s.contains("Theirs"),
        "stored: {s}"
    );

    // A newer edit from the other tab wins over this tab's untouched copy.
    let newer = envelope(&campaign_json(&my_id.0, "Renamed there", now() + 60_000.0));
    other_tab_writes(KEY, &newer);
    until("their newer edit shown", || {
        campaign_names(&root).contains("Renamed there")
    })
    .await;
    let names = campaign_names(&root);
    assert!(
        names.contains("Renamed there") && !names.contains("Theirs"),
        "{names}"
    );
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Regression: the editor's typed fields kept the text they opened with. After another tab
/// changed the notes, this tab still showed the old notes, and one more keystroke there wrote
/// them back over the other tab's change.
#[wasm_bindgen_test]
async fn typed_fields_follow_another_tabs_change_and_never_write_it_back() {
    let (root, _handle) = mount();
    create(&root, "Spring").await;
    type_area(&root, "#campaign-notes", "Old notes");
    until("the notes saved", || stored().contains("Old notes")).await;
    let mut theirs = stored_json();
    let updated = theirs["data"][0]["updated_at"].as_f64().unwrap();
    theirs["data"][0]["notes"] = "Notes from the other tab".into();
    theirs["data"][0]["budget"] = 2500.0.into();
    theirs["data"][0]["brand_categories"] = serde_json::json!(["skincare", "vegan"]);
    theirs["data"][0]["updated_at"] = (updated + 1_000.0).into();
    other_tab_writes(KEY, &theirs.to_string());
    let value = |selector: &str| {
        find(&root, selector)
            .dyn_into::<web_sys::HtmlTextAreaElement>()
            .map(|t| t.value())
            .or_else(|e| e.dyn_into::<web_sys::HtmlInputElement>().map(|i| i.value()))
            .unwrap_or_default()
    };
    until("the fields show the other tab's values", || {
        value("#campaign-notes") == "Notes from the other tab"
            && value("#campaign-budget") == "2,500"
            && value("#campaign-categories") == "skincare, vegan"
    })
    .await;
    // An edit here to another field keeps the other tab's notes.
    type_into(&root, "#campaign-name", "Spring launch");
    until("the new name saved", || stored().contains("Spring launch")).await;
    let s = stored_json();
    assert_eq!(s["data"][0]["notes"], "Notes from the other tab", "{s}");
    assert_eq!(s["data"][0]["budget"], 2500.0, "{s}");
    // Typing is never interrupted: a field whose text reads as the stored value keeps its text.
    type_into(&root, "#campaign-budget", "3K");
    until("the budget saved", || {
        stored_json()["data"][0]["budget"] == 3000.0
    })
    .await;
    assert_eq!(value("#campaign-budget"), "3K");
}

#[wasm_bindgen_test]
async fn a_save_meeting_newer_data_merges_instead_of_overwriting() {
    let (root, _handle) = mount();
    create(&root, "Here").await;
    // Another tab writes while our save is pending, and its storage event is lost.
    local()
        .set_item(KEY, &envelope(&campaign_json("t9", "There", now())))
        .unwrap();
    until("the merged save", || stored().contains("Here")).await;
    let s = stored();
    assert!(s.contains("Here") && s.contains("There"), "stored: {s}");
    let names = campaign_names(&root);
    assert!(names.contains("Here") && names.contains("There"), "{names}");
}

#[wasm_bindgen_test]
async fn unreadable_stored_campaigns_are_never_overwritten_until_start_fresh() {
    let (root, _handle) = mount_with(Some("{not json"));
    let banner = text_of(&root, ".campaign-banners .banner");
    assert!(
        banner.contains("Your saved campaigns were not loaded")
            && banner.contains("could not be read: it is not valid JSON"),
        "{banner}"
    );
    let buttons = text_of(&root, ".campaign-banners .button-row");
    assert!(
        buttons.contains("Download the stored data") && buttons.contains("Start fresh…"),
        "{buttons}"
    );
    create(&root, "Kept in memory").await;
    assert!(text(&root).contains("Kept in memory"));
    // The pending save runs now instead of after the save delay: it must write nothing.
    flush_saves();
    assert_eq!(stored(), "{not json");

    // Start fresh asks first; Cancel leaves everything as it is.
    click(
        &root,
        ".campaign-banners .button-row button.secondary:last-child",
    );
    until("the question before starting fresh", || {
        exists(&root, "[role=alertdialog]")
    })
    .await;
    assert!(exists(&root, "[role=alertdialog]"));
    click(&root, "[role=alertdialog] button.secondary");
    until("the question gone", || !exists(&root, "[role=alertdialog]")).await;
    assert!(!exists(&root, "[role=alertdialog]"));
    assert_eq!(stored(), "{not json");

    click(
        &root,
        ".campaign-banners .button-row button.secondary:last-child",
    );
    until("the question again", || exists(&root, "[role=alertdialog]")).await;
    click(&root, "[role=alertdialog] button.danger");
    until("the banner gone", || {
        !exists(&root, ".campaign-banners .banner")
    })
    .await;
    assert!(
        !exists(&root, ".campaign-banners .banner"),
        "{}",
        text(&root)
    );
    assert!(stored().contains("Kept in memory"), "{}", stored());
    // Saving is back on.
    type_into(&root, "#campaign-name", "Kept and saved");
    until("the new name saved", || stored().contains("Kept and saved")).await;
    assert!(stored().contains("Kept and saved"), "{}", stored());
}

#[wasm_bindgen_test]
async fn campaigns_from_a_newer_version_are_left_alone() {
    let newer = r#"{"app":"microscope","kind":"campaigns","version":9,"data":[]}"#;
    let (root, _handle) = mount_with(Some(newer));
    let banner = text_of(&root, ".campaign-banners .banner");
    assert!(
        banner.contains("written by a newer Microscope (format 9"),
        "{banner}"
    );
    create(&root, "Not saved over it").await;
    // The pending save runs now instead of after the save delay: it must write nothing.
    flush_saves();
    assert_eq!(stored(), newer);
}

#[wasm_bindgen_test]
async fn the_brief_names_the_campaign() {
    let (root, _handle) = mount();
    create(&root, "Autumn drop").await;
    type_into(&root, "#campaign-budget", "5,000");
    until("the brief", || {
        text_if(&root, ".campaign-brief-text").contains("Autumn drop")
    })
    .await;
    let brief = text_of(&root, ".campaign-brief-text");
    assert!(
        brief.contains("# Campaign brief: Autumn drop"),
        "brief: {brief}"
    );
    assert!(
        brief.contains("Target countries are not chosen yet"),
        "brief: {brief}"
    );
}

/// Guards against losing the last edits when the user leaves the section within the save delay.
#[wasm_bindgen_test]
async fn leaving_the_section_saves_pending_edits() {
    let (root, handle) = mount();
    create(&root, "Left quickly").await;
    drop(handle);
    until("the pending edit saved", || {
        stored().contains("Left quickly")
    })
    .await;
    assert!(stored().contains("Left quickly"), "stored: {}", stored());
}
