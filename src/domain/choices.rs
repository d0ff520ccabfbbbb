//! The ids of every choice enum across the areas, written out in full: stored data and files use
//! them, so a change here is a data migration. Lives at the domain root because it names enums of
//! every area (an area may only import the areas below it).

use crate::campaign::calendar::item::{Kind as DeliverableKind, State as DeliverableState};
use crate::campaign::pricing::reach::Assumption;
use crate::campaign::pricing::terms::Term;
use crate::campaign::record::Goal;
use crate::campaign::tracking::Metric;
use crate::creator::record::Status;
use crate::engine::benchmark::Verdict;
use crate::engine::engagement::{Field as PostField, Formula};
use crate::io::csv_import::Field as CsvField;
use crate::risk::comments::GenericKind;
use crate::risk::disclosure::{Jurisdiction, Verdict as CaptionVerdict};
use crate::risk::rules::RiskKind;
use crate::testing::check_cases;
use crate::text::choice::Choice;
use crate::{Platform, Tier};

/// Every id, as a release writes it. Stored data (local storage, workspace files, CSV) holds
/// these strings: a change here breaks what users saved, so this list is written out, not
/// computed.
fn ids<T: Choice>() -> Vec<&'static str> {
    T::ALL.iter().map(|c| c.id()).collect()
}

fn check<T: Choice + std::fmt::Debug>(name: &str, want: &[&str]) {
    assert_eq!(ids::<T>(), want, "{name}: ids changed");
    for (i, a) in T::ALL.iter().enumerate() {
        for b in &T::ALL[i + 1..] {
            assert_ne!(a.id(), b.id(), "{name}: duplicate id");
            assert_ne!(a.label(), b.label(), "{name}: duplicate label");
        }
        assert_eq!(T::parse(a.id()), Some(*a), "{name}: parse(id) of {a:?}");
        assert_eq!(
            T::parse(a.label()),
            Some(*a),
            "{name}: parse(label) of {a:?}"
        );
        let padded = format!("  {}  ", a.id().to_uppercase());
        assert_eq!(T::parse(&padded), Some(*a), "{name}: parse({padded:?})");
    }
    assert_eq!(T::parse("no such choice"), None, "{name}");
}

#[test]
fn ids_are_stable_unique_and_read_back() {
    check::<Goal>(
        "Goal",
        &["awareness", "engagement", "conversions", "content-creation"],
    );
    check::<Metric>("Metric", &["views", "engagements", "clicks", "conversions"]);
    check::<Status>(
        "Status",
        &[
            "prospect",
            "contacted",
            "negotiating",
            "confirmed",
            "posted",
            "declined",
        ],
    );
    check::<Platform>("Platform", &["tiktok", "youtube", "instagram"]);
    check::<Tier>("Tier", &["below-nano", "nano", "micro", "macro", "mega"]);
    check::<Formula>(
        "Formula",
        &[
            "source-views",
            "followers",
            "tiktok-views",
            "median-views",
            "impressions",
            "reach",
        ],
    );
    check::<PostField>(
        "engagement Field",
        &[
            "views",
            "likes",
            "comments",
            "shares",
            "dislikes",
            "saves",
            "impressions",
            "reach",
        ],
    );
    check::<CsvField>(
        "CSV Field",
        &[
            "id",
            "name",
            "platform",
            "profile_url",
            "followers",
            "views",
            "likes",
            "comments",
            "shares",
            "saves",
            "dislikes",
            "impressions",
            "reach",
            "posts_per_week",
            "price",
            "currency",
            "sponsored_posts",
            "status",
            "tags",
            "notes",
            "email",
            "location",
            "language",
            "links",
        ],
    );
    check::<Jurisdiction>(
        "Jurisdiction",
        &["us", "uk", "eu", "de", "fr", "in", "au", "ca", "cn", "br"],
    );
    check::<RiskKind>(
        "RiskKind",
        &[
            "hate-watching",
            "bought-engagement",
            "audience-fit",
            "inexperience",
            "disclosure",
            "engagement-anomaly",
            "cadence",
        ],
    );
    check::<GenericKind>(
        "GenericKind",
        &["emoji-only", "one-word", "stock-praise", "self-promotion"],
    );
    check::<Verdict>(
        "Verdict",
        &["far-below", "below", "in-line", "above", "far-above"],
    );
    check::<CaptionVerdict>("CaptionVerdict", &["meets", "missing", "weak", "misplaced"]);
    check::<DeliverableKind>(
        "DeliverableKind",
        &[
            "draft-due",
            "approval",
            "go-live",
            "usage-rights-end",
            "custom",
        ],
    );
    check::<DeliverableState>(
        "DeliverableState",
        &["planned", "submitted", "approved", "live", "done"],
    );
    check::<Term>(
        "Term",
        &["usage-rights", "exclusivity", "whitelisting", "rush"],
    );
    check::<Assumption>(
        "Assumption",
        &[
            "youtube-unique-viewers",
            "tiktok-unique-viewers",
            "instagram-feed-reach",
            "feed-impressions-per-reach",
            "story-impressions-per-reach",
        ],
    );
}

#[test]
fn the_default_parse_trims_and_ignores_case_only() {
    let cases = [
        ("micro", Some(Tier::Micro)),
        (" Below Nano ", Some(Tier::BelowNano)),
        ("BELOW-NANO", Some(Tier::BelowNano)),
        ("belownano", None),
        ("", None),
    ];
    check_cases(cases, Tier::parse);
}

/// Runs each `(typed, want)` case through `T`'s parser as the trait exposes it.
fn words<T: Choice + std::fmt::Debug>(cases: &[(&str, Option<T>)]) {
    check_cases(cases.iter().copied(), |s| T::parse(s));
}

/// The enums with their own parser, in one table each: the aliases people type in their sheets
/// and headers stay in force through the trait.
#[test]
fn own_parsers_keep_their_words() {
    words(&[
        ("tiktok", Some(Platform::TikTok)),
        ("Tik Tok", Some(Platform::TikTok)),
        ("YouTube", Some(Platform::YouTube)),
        ("yt", Some(Platform::YouTube)),
        ("IG", Some(Platform::Instagram)),
        ("Instagram", Some(Platform::Instagram)),
        ("myspace", None),
        ("", None),
    ]);
    words(&[
        ("Views", Some(PostField::Views)),
        ("plays", Some(PostField::Views)),
        ("View count", Some(PostField::Views)),
        ("Hearts", Some(PostField::Likes)),
        ("comments", Some(PostField::Comments)),
        ("Shares", Some(PostField::Shares)),
        ("favourites", Some(PostField::Saves)),
        ("dislikes", Some(PostField::Dislikes)),
        ("date", None),
    ]);
    words(&[
        ("booked", Some(Status::Confirmed)),
        ("", Some(Status::Prospect)),
    ]);
    words(&[("contentcreation", Some(Goal::ContentCreation))]);
    words(&[("Germany", Some(Jurisdiction::Germany))]);
}
