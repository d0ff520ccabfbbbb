//! The JSON of every stored record declared with `sparse_record!`, written out in full: stored
//! campaigns, creators and workspace files hold these bytes, so a change here is a data
//! migration. Each record writes `{}` when nothing is set and leaves out each field at its
//! default. Lives at the domain root because it names records of every area.

use serde_json::{json, Map};

use crate::campaign::attribution::{CreatorCode, UtmParts};
use crate::campaign::calendar::item::{Deliverable, Kind, State};
use crate::campaign::calendar::Deliverables;
use crate::campaign::pricing::reach::ReachAssumptions;
use crate::campaign::pricing::Pricing;
use crate::campaign::record::Targets;
use crate::creator::dossier::{Audience, PostSettings, Share};
use crate::engine::engagement::Formula;
use crate::io::workspace::Settings;
use crate::testing::check_json;
use crate::text::date::Date;
use crate::PostMetrics;

#[test]
fn campaign_records() {
    check_json([
        (Targets::default(), "{}"),
        (
            Targets {
                views: Some(1_000_000.0),
                conversions: Some(0.0),
                ..Targets::default()
            },
            r#"{"views":1000000.0,"conversions":0.0}"#,
        ),
        (
            Targets {
                engagements: Some(5.0),
                clicks: Some(7.5),
                ..Targets::default()
            },
            r#"{"engagements":5.0,"clicks":7.5}"#,
        ),
    ]);
    check_json([
        (ReachAssumptions::default(), "{}"),
        (
            ReachAssumptions {
                youtube_unique: Some(0.5),
                tiktok_unique: Some(0.4),
                instagram_reach: Some(0.3),
                feed_impressions: Some(1.5),
                story_impressions: Some(1.1),
            },
            concat!(
                r#"{"youtube_unique":0.5,"tiktok_unique":0.4,"instagram_reach":0.3,"#,
                r#""feed_impressions":1.5,"story_impressions":1.1}"#
            ),
        ),
    ]);
    // Filled in `pricing::tests::json_round_trip_and_empty_is_not_written`.
    check_json([(Pricing::default(), "{}")]);
    check_json([
        (UtmParts::default(), "{}"),
        (
            UtmParts {
                source: Some("ig".into()),
                medium: Some(String::new()),
                campaign: Some("spring".into()),
                content: Some("ann".into()),
            },
            r#"{"source":"ig","medium":"","campaign":"spring","content":"ann"}"#,
        ),
    ]);
    check_json([
        (CreatorCode::default(), "{}"),
        (CreatorCode::new("ANN15"), r#"{"code":"ANN15"}"#),
        (
            CreatorCode {
                utm: UtmParts {
                    medium: Some("social".into()),
                    ..UtmParts::default()
                },
                ..CreatorCode::default()
            },
            r#"{"utm":{"medium":"social"}}"#,
        ),
    ]);
    let deliverable = Deliverable {
        id: "d1".into(),
        creator_id: String::new(),
        kind: Kind::Custom,
        title: "Unboxing".into(),
        date: Date::new(2026, 3, 1),
        state: State::default(),
        note: String::new(),
    };
    check_json([
        (Deliverables::default(), "{}"),
        (
            Deliverables {
                items: vec![deliverable],
            },
            r#"{"items":[{"id":"d1","kind":"custom","title":"Unboxing","date":"2026-03-01","state":"planned"}]}"#,
        ),
    ]);
}

#[test]
fn creator_records() {
    let share = |name: &str, share: f64| Share {
        name: name.into(),
        share,
    };
    check_json([
        (Audience::default(), "{}"),
        (
            Audience {
                date: Date::new(2026, 11, 2),
                countries: vec![share("Portugal", 0.42)],
                ages: vec![share("25-34", 0.31), share("35-44", 0.2)],
                genders: vec![share("Women", 0.6)],
            },
            concat!(
                r#"{"date":"2026-11-02","countries":[{"name":"Portugal","share":0.42}],"#,
                r#""ages":[{"name":"25-34","share":0.31},{"name":"35-44","share":0.2}],"#,
                r#""genders":[{"name":"Women","share":0.6}]}"#
            ),
        ),
        (
            Audience {
                ages: vec![share("18-24", 1.0)],
                ..Audience::default()
            },
            r#"{"ages":[{"name":"18-24","share":1.0}]}"#,
        ),
    ]);
    check_json([
        (PostSettings::default(), "{}"),
        (
            PostSettings {
                paid_partnership_label: true,
                retouched_or_ai_images: false,
                virtual_persona: true,
            },
            r#"{"paid_partnership_label":true,"virtual_persona":true}"#,
        ),
        (
            PostSettings {
                retouched_or_ai_images: true,
                ..PostSettings::default()
            },
            r#"{"retouched_or_ai_images":true}"#,
        ),
    ]);
    check_json([
        (PostMetrics::default(), "{}"),
        (
            PostMetrics {
                views: Some(1.0),
                likes: Some(2.0),
                comments: Some(3.0),
                shares: Some(4.0),
                dislikes: Some(5.0),
                saves: Some(6.0),
                impressions: Some(7.0),
                reach: Some(0.0),
            },
            concat!(
                r#"{"views":1.0,"likes":2.0,"comments":3.0,"shares":4.0,"dislikes":5.0,"#,
                r#""saves":6.0,"impressions":7.0,"reach":0.0}"#
            ),
        ),
    ]);
}

#[test]
fn workspace_settings() {
    let mut extra = Map::new();
    extra.insert("a_newer_key".into(), json!({"x": 1}));
    check_json([
        (Settings::default(), "{}"),
        (
            Settings {
                formula: Some(Formula::Followers),
                currency: Some("EUR".into()),
                dismissed: vec!["tour".into()],
                extra,
            },
            r#"{"formula":"followers","currency":"EUR","dismissed":["tour"],"a_newer_key":{"x":1}}"#,
        ),
        (
            Settings {
                dismissed: vec!["tour".into()],
                ..Settings::default()
            },
            r#"{"dismissed":["tour"]}"#,
        ),
    ]);
}
