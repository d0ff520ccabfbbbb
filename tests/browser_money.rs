//! Browser tests of issue #17's campaign parts (wasm-bindgen-test in headless Chromium): the
//! overdue warning from stored deliverables and its end when the state changes in the list, the
//! month grid's keyboard moves, and the fair price and reach following the terms, the quote and
//! an edited assumption, all saved.
#![cfg(target_arch = "wasm32")]
// Test code may unwrap: clippy.toml's allow-*-in-tests covers #[test] functions and #[cfg(test)]
// modules only, not this crate's helper functions nor its #[wasm_bindgen_test] functions.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use leptos::prelude::*;
use microscope::domain::{Creator, Platform, PostMetrics};
use microscope::storage::envelope::Load;
use microscope::ui::campaign::panel::CampaignPanel;
use microscope::ui::state::ShortlistStore;
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{js_sys, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const KEY: &str = "microscope.campaigns";

/// Ann: TikTok, 45,000 followers, 130,000 average views, $300 a post.
fn ann() -> Creator {
    let mut c = Creator::new("c1".into(), "Ann", 1.0);
    c.platform = Some(Platform::TikTok);
    c.followers = Some(45_000);
    c.metrics = PostMetrics {
        views: Some(130_000.0),
        likes: Some(10_000.0),
        ..PostMetrics::default()
    };
    c.price = Some(300.0);
    c
}

fn mount_with(stored: &str) -> (HtmlElement, impl Drop) {
    clean_storage();
    local().set_item(KEY, stored).unwrap();
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), || {
        provide_context(ShortlistStore::from_load(
            Load::Loaded {
                value: vec![ann()],
                dropped: Vec::new(),
                migrated_from: None,
            },
            None,
        ));
        view! { <CampaignPanel /> }
    });
    (root, handle)
}

/// "YYYY-MM-DD" of a date in local time.
fn iso(d: &js_sys::Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Noon of a local date moved by `days` (at noon a daylight-saving change never moves the day).
fn shifted(d: &js_sys::Date, days: i32) -> js_sys::Date {
    let noon = js_sys::Date::new_with_year_month_day_hr(
        d.get_full_year(),
        d.get_month() as i32,
        d.get_date() as i32,
        12,
    );
    js_sys::Date::new(&(noon.get_time() + f64::from(days) * 86_400_000.0).into())
}

/// The local date `days` from today, as the app's clock reads it.
fn local_date(days: i32) -> String {
    iso(&shifted(&js_sys::Date::new_0(), days))
}

/// A keydown of `key` on `target`, bubbling, as the browser sends it (built through the page's
/// own constructor: the crate does not enable web-sys's `KeyboardEventInit`).
fn press(target: &web_sys::Element, key: &str) {
    let ctor: js_sys::Function = js_sys::Reflect::get(&support::window(), &"KeyboardEvent".into())
        .unwrap()
        .unchecked_into();
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"key".into(), &key.into()).unwrap();
    js_sys::Reflect::set(&init, &"bubbles".into(), &true.into()).unwrap();
    let event: web_sys::Event =
        js_sys::Reflect::construct(&ctor, &js_sys::Array::of2(&"keydown".into(), &init))
            .unwrap()
            .unchecked_into();
    target.dispatch_event(&event).unwrap();
}

/// The Monday of the week of an ISO date ("2026-05-07" gives "2026-05-04").
fn monday_of(date: &str) -> String {
    let parts: Vec<u32> = date.split('-').map(|p| p.parse().unwrap()).collect();
    let d = js_sys::Date::new_with_year_month_day(parts[0], parts[1] as i32 - 1, parts[2] as i32);
    let back = (d.get_day() as i32 + 6) % 7;
    iso(&shifted(&d, -back))
}

fn campaign(extra: &str) -> String {
    format!(
        r#"{{"app":"microscope","kind":"campaigns","version":2,"data":[{{"id":"k1","name":"Spring","currency":"USD","creators":["c1"],"created_at":1,"updated_at":2{extra}}}]}}"#
    )
}

fn stored() -> String {
    local().get_item(KEY).unwrap().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn an_overdue_deliverable_is_warned_until_its_state_moves_on() {
    let late = local_date(-2);
    let soon = local_date(5);
    let items = format!(
        r#","deliverables":{{"items":[{{"id":"d1","creator_id":"c1","kind":"draft-due","date":"{late}","state":"planned"}},{{"id":"d2","creator_id":"c1","kind":"go-live","date":"{soon}","state":"approved"}}]}}"#
    );
    let (root, _handle) = mount_with(&campaign(&items));
    until("the overdue warning", || {
        text_if(&root, ".campaign-overdue").contains("1 deliverable overdue")
    })
    .await;
    let warning = text_of(&root, ".campaign-overdue");
    assert!(
        warning.contains(&format!(
            "Ann: Draft due was due {late} (2 days ago) and is still “Planned”"
        )),
        "{warning}"
    );
    // The month grid marks it on its day (the grid opens on this month; go to the item's).
    let cell = format!("#cal-day-{late}");
    if !exists(&root, &cell) {
        button(&root, "‹ Previous month").click();
    }
    until("the draft in the month grid", || {
        text_if(&root, &cell).contains("Ann: Draft due (overdue)")
    })
    .await;
    // Keyboard: from the focused day, Home goes to Monday of its week.
    let focused = root.query_selector("td[tabindex='0']").unwrap().unwrap();
    let id = focused.id();
    press(&focused, "Home");
    let monday = monday_of(&id["cal-day-".len()..]);
    until("Monday of that week focused", || {
        root.query_selector("td[tabindex='0']")
            .unwrap()
            .is_some_and(|td| td.id() == format!("cal-day-{monday}"))
    })
    .await;

    // The list: moving the draft to "submitted" ends the warning, and it is saved.
    button(&root, "List").click();
    until("the list", || exists(&root, "#deliverable-d1-state")).await;
    select(&root, "#deliverable-d1-state", "submitted");
    until("no warning", || !exists(&root, ".campaign-overdue")).await;
    until("the state saved", || {
        stored().contains(r#""state":"submitted""#)
    })
    .await;
    let text = text_of(&root, ".cal-list");
    assert!(text.contains(&soon), "{text}");

    // A note longer than stored data allows is refused in the form, so a reload never meets a
    // campaign it must drop.
    type_into(&root, "#deliverable-date", &soon);
    type_area(&root, "#deliverable-note", &"x".repeat(2_001));
    let form = find(&root, "#deliverable-date")
        .closest("form")
        .unwrap()
        .unwrap();
    fire(&form, "submit");
    until("the note refused", || {
        text_if(&root, "#deliverable-error").ends_with("the note is longer than 2,000 characters.")
    })
    .await;
    flush_saves();
    assert!(!stored().contains("xxxxxxxxxx"), "{}", stored());
}

#[wasm_bindgen_test]
async fn terms_quotes_and_assumptions_move_the_figures_and_are_saved() {
    let (root, _handle) = mount_with(&campaign(""));
    until("Ann's price check", || {
        text_if(&root, ".campaign-price-card")
            .contains("CPM-based (estimate): $650.00–$1,950 per post")
    })
    .await;
    assert!(text_of(&root, ".campaign-quote-verdict").contains(
        "The quote is 0.23x the CPM-based estimate ($1,300, the midpoint of $650.00–$1,950) and below that range."
    ));
    set_checked(&root, "#campaign-term-usage-rights", true);
    until("the range with usage rights", || {
        text_if(&root, ".campaign-price-card")
            .contains("$975.00–$5,850 per post with the terms (+50–200%)")
    })
    .await;
    type_into(&root, "#campaign-quote-c1", "3,000");
    until("the typed quote compared", || {
        text_if(&root, ".campaign-quote-verdict")
            .contains("The quote is 0.88x the CPM-based estimate")
    })
    .await;
    // Reach: 130,000 × 68% = 88.4K; with the TikTok share at 50%, 65K.
    until("the reach row", || {
        text_if(&root, ".campaign-reach-table tbody").contains("88.4K")
    })
    .await;
    type_into(&root, "#campaign-assumption-tiktok-unique-viewers", "50");
    until("the edited reach", || {
        text_if(&root, ".campaign-reach-table tbody").contains("65K")
    })
    .await;
    // Out of range: refused with a message, the figure stays.
    type_into(&root, "#campaign-assumption-tiktok-unique-viewers", "150");
    until("the range message", || {
        text_if(&root, "#campaign-assumption-tiktok-unique-viewers-error")
            == "Enter a percentage from 0 to 100."
    })
    .await;
    assert!(text_of(&root, ".campaign-reach-table tbody").contains("65K"));
    until("everything saved", || {
        let s = stored();
        s.contains(r#""term":"usage-rights","on":true"#)
            && s.contains(r#""quotes":[{"creator_id":"c1","amount":3000.0}]"#)
            && s.contains(r#""tiktok_unique":0.5"#)
    })
    .await;
}
