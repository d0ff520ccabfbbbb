//! Browser tests of a creator's dossier page (wasm-bindgen-test in headless Chromium): posts added,
//! edited, deleted and pasted, the audience and the custom fields edited, each read back from the
//! real localStorage; bad input named and nothing saved.
#![cfg(target_arch = "wasm32")]
// Test code may unwrap (see tests/browser_shortlist.rs).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use leptos::prelude::*;
use microscope::domain::{Creator, Platform};
use microscope::ui::dossier::DossierPage;
use microscope::ui::state::ShortlistStore;
use serde_json::Value;
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

mod support;

wasm_bindgen_test_configure!(run_in_browser);

const KEY: &str = "microscope.shortlist";

/// Stores one creator with a custom field (as an import leaves it) and opens its dossier.
fn open() -> (HtmlElement, impl Drop, Owner) {
    open_with(|_| {})
}

/// The same, with `edit` applied to the stored creator's JSON first.
fn open_with(edit: impl FnOnce(&mut Value)) -> (HtmlElement, impl Drop, Owner) {
    clean_storage();
    let mut c = Creator::new("c1".into(), "Ann", 1_700_000_000_000.0);
    c.platform = Some(Platform::TikTok);
    c.followers = Some(45_000);
    let mut data = serde_json::to_value(vec![c]).unwrap();
    data[0]["custom"] = serde_json::json!([{ "name": "Agency", "value": "Lumen" }]);
    edit(&mut data[0]);
    let text =
        serde_json::json!({ "app": "microscope", "kind": "shortlist", "version": 3, "data": data });
    local().set_item(KEY, &text.to_string()).unwrap();
    let owner = Owner::new();
    let state = owner.with(ShortlistStore::load);
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(state);
        view! { <DossierPage id="c1".to_string() /> }
    });
    (root, handle, owner)
}

/// The stored creator, once a save has landed that `ready` accepts.
async fn stored_when(what: &str, ready: impl Fn(&Value) -> bool) -> Value {
    flush_saves();
    let read = || {
        support::stored_list(KEY)
            .and_then(|t| serde_json::from_str::<Value>(&t).ok())
            .map(|v| v["data"][0].clone())
    };
    until(what, || read().is_some_and(|c| ready(&c))).await;
    read().unwrap()
}

fn today() -> String {
    let d = web_sys::js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

#[wasm_bindgen_test]
async fn posts_are_added_edited_pasted_and_deleted_and_give_the_averages() {
    let (root, _handle, owner) = open();
    let posts = find(&root, "[aria-labelledby='dossier-posts-title']");

    type_into(&posts, "#dossier-post-date", "2025-01-10");
    type_into(&posts, "#dossier-post-views", "12.5K");
    type_into(&posts, "#dossier-post-likes", "800");
    button(&posts, "Add post").click();
    let c = stored_when("the first post", |c| {
        c["posts"].as_array().is_some_and(|p| p.len() == 1)
    })
    .await;
    assert_eq!(c["posts"][0]["views"], 12_500.0);
    assert_eq!(c["metrics"]["views"], 12_500.0);

    // Two rows pasted as a sheet copies them; the averages follow all three posts.
    type_area(
        &posts,
        "#dossier-paste-posts",
        "2025-01-03\t9,000\t500\n2025-01-20\t15000\t700\t10\t\t\t\tyes\tNew drop #ad",
    );
    button(&posts, "Add pasted posts").click();
    let c = stored_when("three posts", |c| {
        c["posts"].as_array().is_some_and(|p| p.len() == 3)
    })
    .await;
    let dates: Vec<&str> = c["posts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2025-01-03", "2025-01-10", "2025-01-20"]);
    assert_eq!(c["posts"][2]["sponsored"], true);
    assert_eq!(c["metrics"]["views"], 12_166.666666666666);
    until("the averages note", || {
        text(&posts).contains("averages of 3 posts")
    })
    .await;

    // Edit the second post (2025-01-10): its views become 11,000.
    click(&posts, "button[aria-label='Edit post 2']");
    until("the edit form", || text(&posts).contains("Edit post 2")).await;
    type_into(&posts, "#dossier-post-views", "11,000");
    button(&posts, "Save post").click();
    let c = stored_when("the edited post", |c| c["posts"][1]["views"] == 11_000.0).await;
    assert_eq!(c["posts"][1]["likes"], 800.0);

    // Delete the first; undo brings it back.
    click(&posts, "button[aria-label='Delete post 1']");
    stored_when("a deleted post", |c| {
        c["posts"].as_array().is_some_and(|p| p.len() == 2)
    })
    .await;
    until("the undo button", || text(&posts).contains("Undo delete")).await;
    button(&posts, "Undo delete").click();
    stored_when("the post restored", |c| {
        c["posts"].as_array().is_some_and(|p| p.len() == 3)
    })
    .await;

    // A bad paste adds nothing and says which line and field.
    type_area(
        &posts,
        "#dossier-paste-posts",
        "2025-01-04\t100\n2025-01-05\tlots",
    );
    button(&posts, "Add pasted posts").click();
    until("the paste error", || {
        text(&posts).contains("Line 2: views:")
    })
    .await;
    flush_saves();
    let c = stored_when("still three posts", |_| true).await;
    assert_eq!(c["posts"].as_array().unwrap().len(), 3);
    owner.cleanup();
}

#[wasm_bindgen_test]
async fn audience_and_custom_fields_are_edited_and_checked() {
    let (root, _handle, owner) = open();
    let audience = find(&root, "[aria-labelledby='dossier-audience-title']");
    button(&audience, "Add a country").click();
    button(&audience, "Add a country").click();
    until("two country rows", || {
        exists(&audience, "#dossier-countries-name-1")
    })
    .await;
    type_into(&audience, "#dossier-countries-name-0", "Portugal");
    type_into(&audience, "#dossier-countries-value-0", "46%");
    type_into(&audience, "#dossier-countries-name-1", "Spain");
    type_into(&audience, "#dossier-countries-value-1", "60");
    button(&audience, "Save audience").click();
    // 106% in all: refused, named, and the rows stay as typed.
    until("the share error", || {
        text(&audience).contains("Audience countries: the shares add up to 106%")
    })
    .await;
    let input: web_sys::HtmlInputElement =
        find(&audience, "#dossier-countries-value-1").unchecked_into();
    assert_eq!(input.value(), "60");
    type_into(&audience, "#dossier-countries-value-1", "8");
    button(&audience, "Add an age group").click();
    until("an age row", || exists(&audience, "#dossier-ages-name-0")).await;
    type_into(&audience, "#dossier-ages-name-0", "25-34");
    type_into(&audience, "#dossier-ages-value-0", "41");
    button(&audience, "Save audience").click();
    let c = stored_when("the audience", |c| {
        c["audience"]["countries"]
            .as_array()
            .is_some_and(|l| l.len() == 2)
    })
    .await;
    assert_eq!(
        c["audience"]["countries"][0],
        serde_json::json!({ "name": "Portugal", "share": 0.46 })
    );
    assert_eq!(c["audience"]["ages"][0]["name"], "25-34");

    let custom = find(&root, "[aria-labelledby='dossier-custom-title']");
    let first: web_sys::HtmlInputElement =
        find(&custom, "#dossier-custom-value-0").unchecked_into();
    assert_eq!(first.value(), "Lumen");
    type_into(&custom, "#dossier-custom-value-0", "Lumen Talent");
    button(&custom, "Add a field").click();
    until("a new field row", || {
        exists(&custom, "#dossier-custom-name-1")
    })
    .await;
    type_into(&custom, "#dossier-custom-value-1", "Voice note");
    button(&custom, "Save custom fields").click();
    until("the missing name", || {
        text(&custom).contains("Custom field 2: give it a name")
    })
    .await;
    type_into(&custom, "#dossier-custom-name-1", "Brief format");
    button(&custom, "Save custom fields").click();
    let c = stored_when("two custom fields", |c| {
        c["custom"].as_array().is_some_and(|l| l.len() == 2)
    })
    .await;
    assert_eq!(
        c["custom"],
        serde_json::json!([{ "name": "Agency", "value": "Lumen Talent" }, { "name": "Brief format", "value": "Voice note" }])
    );
    // Removing a field and saving drops it.
    click(&custom, "button[aria-label='Remove field 1']");
    button(&custom, "Save custom fields").click();
    let c = stored_when("one custom field", |c| {
        c["custom"].as_array().is_some_and(|l| l.len() == 1)
    })
    .await;
    assert_eq!(c["custom"][0]["name"], "Brief format");
    owner.cleanup();
}

#[wasm_bindgen_test]
async fn follower_counts_are_dated_once_per_day() {
    let (root, _handle, owner) = open();
    let head = find(&root, "[aria-labelledby='dossier-headline-title']");
    type_into(&head, "#dossier-followers-today", "-5");
    button(&head, "Update followers").click();
    until("the negative count", || {
        text(&head).contains("Followers today: “-5” is negative")
    })
    .await;
    type_into(&head, "#dossier-followers-today", "46,000");
    button(&head, "Update followers").click();
    let c = stored_when("a snapshot", |c| {
        c["follower_history"]
            .as_array()
            .is_some_and(|l| l.len() == 1)
    })
    .await;
    assert_eq!(c["followers"], 46_000);
    assert_eq!(
        c["follower_history"][0],
        serde_json::json!({ "date": today(), "count": 46_000, "source": "edit" })
    );
    // The same day, a new count: that day's entry is updated, not repeated.
    type_into(&head, "#dossier-followers-today", "46,500");
    button(&head, "Update followers").click();
    let c = stored_when("the day's count updated", |c| c["followers"] == 46_500).await;
    assert_eq!(c["follower_history"].as_array().unwrap().len(), 1);
    assert_eq!(c["follower_history"][0]["count"], 46_500);
    owner.cleanup();
}

#[wasm_bindgen_test]
async fn an_unknown_creator_says_so() {
    clean_storage();
    let owner = Owner::new();
    let state = owner.with(ShortlistStore::load);
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(state);
        view! { <DossierPage id="gone".to_string() /> }
    });
    until("the not-found note", || {
        text(&root).contains("No creator with the id “gone”")
    })
    .await;
    assert!(exists(&root, "a[href='#shortlist']"));
    owner.cleanup();
}

#[wasm_bindgen_test]
async fn stored_caption_checks_show_verdicts_in_words_and_the_ticks() {
    // Regression: the dossier showed a caption check's stored ids ("uk: weak") where the Risks
    // section shows "United Kingdom: Not clear enough", and the checker's ticks were not kept.
    let (root, _handle, _owner) = open_with(|c| {
        c["caption_checks"] = serde_json::json!([{
            "date": "2026-11-02",
            "caption": "Loving these shoes #sponsored",
            "verdicts": [
                { "country": "uk", "verdict": "weak" },
                { "country": "us", "verdict": "meets" },
            ],
            "post_settings": { "paid_partnership_label": true, "retouched_or_ai_images": true },
        }]);
    });
    let evidence = text_of(&root, "[aria-labelledby='dossier-evidence-title']");
    assert!(
        evidence.contains("United Kingdom: ! Not clear enough"),
        "{evidence}"
    );
    assert!(
        evidence.contains("United States: ✓ Meets the rule"),
        "{evidence}"
    );
    assert!(
        !evidence.contains("uk:") && !evidence.contains(": weak"),
        "{evidence}"
    );
    assert!(
        evidence.contains(
            "Ticked: Paid-partnership label is switched on; Images are retouched or AI-generated"
        ),
        "{evidence}"
    );
    assert!(
        evidence.contains("Loving these shoes #sponsored"),
        "{evidence}"
    );
}

/// Regression (QA probe S4): the contact form was filled once, and its save wrote all four
/// fields, so a location another tab saved meanwhile was reverted when this tab saved a new
/// email. Only the field typed here is written; the other tab's location stays (and shows in
/// the form, which was not touched there).
#[wasm_bindgen_test]
async fn a_contact_save_keeps_the_location_another_tab_saved() {
    let (root, _handle, owner) = open_with(|c| c["location"] = "Lisbon".into());
    let contact = find(&root, "[aria-labelledby='dossier-contact-title']");
    type_into(&contact, "#dossier-email", "ann@new.example");
    other_tab_edits_creator("c1", |c| c.location = "Madrid, España".into());
    until("the other tab's location shown here", || {
        text(&contact).contains("Madrid, España")
    })
    .await;
    let location: web_sys::HtmlInputElement = find(&contact, "#dossier-location").unchecked_into();
    assert_eq!(
        location.value(),
        "Madrid, España",
        "an untouched field follows"
    );
    button(&contact, "Save contact").click();
    let c = stored_when("the new email", |c| c["email"] == "ann@new.example").await;
    assert_eq!(c["location"], "Madrid, España");
    owner.cleanup();
}

/// Regression (QA probe S9): the custom fields form wrote its whole list, so a field another
/// tab added meanwhile was removed when this tab changed another field's value. Fields are
/// merged by name: the other tab's new field stays, this tab's change is saved.
#[wasm_bindgen_test]
async fn a_custom_field_added_in_another_tab_survives_this_tab_s_save() {
    let (root, _handle, owner) = open();
    let custom = find(&root, "[aria-labelledby='dossier-custom-title']");
    type_into(&custom, "#dossier-custom-value-0", "Lumen Talent");
    other_tab_edits_creator("c1", |c| {
        c.custom
            .push(microscope::domain::creator::dossier::CustomField {
                name: "Added in B".into(),
                value: "B value".into(),
            })
    });
    until("the other tab's field shown here", || {
        text(&custom).contains("Added in B")
    })
    .await;
    let first: web_sys::HtmlInputElement =
        find(&custom, "#dossier-custom-value-0").unchecked_into();
    assert_eq!(first.value(), "Lumen Talent", "what was typed stays");
    button(&custom, "Save custom fields").click();
    let c = stored_when("the changed value", |c| {
        c["custom"][0]["value"] == "Lumen Talent"
    })
    .await;
    assert_eq!(
        c["custom"],
        serde_json::json!([{ "name": "Agency", "value": "Lumen Talent" }, { "name": "Added in B", "value": "B value" }])
    );
    owner.cleanup();
}

/// Regression (QA probe S8): the post form remembered the edited post's position, so when
/// another tab added an older post (which takes an earlier place) the save wrote over that new
/// post: one post lost, one duplicated. The post is found by what it was when opened.
#[wasm_bindgen_test]
async fn editing_a_post_after_another_tab_adds_an_older_one_edits_the_same_post() {
    let (root, _handle, owner) = open_with(|c| {
        c["posts"] = serde_json::json!([
            { "date": "2025-01-10", "views": 1000.0 },
            { "date": "2025-01-20", "views": 2000.0, "caption": "#ad" },
        ]);
    });
    let posts = find(&root, "[aria-labelledby='dossier-posts-title']");
    click(&posts, "button[aria-label='Edit post 2']");
    until("the edit form", || text(&posts).contains("Edit post 2")).await;
    other_tab_edits_creator("c1", |c| {
        c.posts.insert(
            0,
            serde_json::from_value(serde_json::json!({ "date": "2024-12-01", "views": 11111.0 }))
                .unwrap(),
        );
    });
    until("the other tab's post shown here", || {
        text(&posts).contains("11,111")
    })
    .await;
    until("the form's title follows the post", || {
        text(&posts).contains("Edit post 3")
    })
    .await;
    type_area(&posts, "#dossier-post-caption", "Edited caption #ad");
    button(&posts, "Save post").click();
    let c = stored_when("the edited caption", |c| {
        c["posts"][2]["caption"] == "Edited caption #ad"
    })
    .await;
    assert_eq!(
        c["posts"],
        serde_json::json!([
            { "date": "2024-12-01", "views": 11111.0 },
            { "date": "2025-01-10", "views": 1000.0 },
            { "date": "2025-01-20", "views": 2000.0, "caption": "Edited caption #ad" },
        ])
    );
    owner.cleanup();
}

/// The same bug's other side: when the post being edited was changed (or deleted) in another
/// tab, the save writes over no post; it says so, and the form keeps what was typed.
#[wasm_bindgen_test]
async fn a_post_changed_in_another_tab_is_not_written_over() {
    let (root, _handle, owner) = open_with(|c| {
        c["posts"] = serde_json::json!([{ "date": "2025-01-10", "views": 1000.0 }]);
    });
    let posts = find(&root, "[aria-labelledby='dossier-posts-title']");
    click(&posts, "button[aria-label='Edit post 1']");
    until("the edit form", || text(&posts).contains("Edit post 1")).await;
    other_tab_edits_creator("c1", |c| c.posts[0].metrics.views = Some(1500.0));
    until("the other tab's views shown here", || {
        text(&posts).contains("1,500")
    })
    .await;
    type_area(&posts, "#dossier-post-caption", "Typed here");
    button(&posts, "Save post").click();
    until("the message", || {
        text(&posts).contains("This post was changed or deleted in another tab")
    })
    .await;
    let caption: web_sys::HtmlTextAreaElement =
        find(&posts, "#dossier-post-caption").unchecked_into();
    assert_eq!(caption.value(), "Typed here");
    let c = stored_when("the other tab's post", |_| true).await;
    assert_eq!(
        c["posts"],
        serde_json::json!([{ "date": "2025-01-10", "views": 1500.0 }])
    );
    owner.cleanup();
}

/// An untouched custom fields form follows the other tab's saves; its rows made then stay alive
/// (regression of this fix, seen in the QA probe's S9: rows made while the form followed one
/// save were disposed at the next, and the page panicked).
#[wasm_bindgen_test]
async fn an_untouched_custom_form_follows_another_tab_s_saves() {
    let (root, _handle, owner) = open();
    let custom = find(&root, "[aria-labelledby='dossier-custom-title']");
    for (n, name) in ["First from B", "Second from B"].into_iter().enumerate() {
        other_tab_edits_creator("c1", |c| {
            c.custom
                .push(microscope::domain::creator::dossier::CustomField {
                    name: name.into(),
                    value: "B".into(),
                })
        });
        let id = format!("#dossier-custom-name-{}", n + 1);
        until("the form's new row", || exists(&custom, &id)).await;
    }
    type_into(&custom, "#dossier-custom-value-1", "typed in A");
    button(&custom, "Save custom fields").click();
    let c = stored_when("the typed value", |c| {
        c["custom"][1]["value"] == "typed in A"
    })
    .await;
    assert_eq!(c["custom"].as_array().unwrap().len(), 3);
    owner.cleanup();
}
