//! The fields of every record a stored format carries, as they were when its version last moved:
//! a test fails when a record gains (or loses) a field while the versions stay where they were.
//!
//! Why: serde skips a field it does not know. A tab still running an older build (open since
//! before a deploy, or a teammate's) would read a newer record, drop the field it does not know
//! and write the record back without it. When the version moves with the field, the older build
//! finds the data too new and leaves it alone (`envelope::Load::TooNew`); the newer build reads
//! the older version through an unchanged-records migration (`envelope::Migration::unchanged`).
//! Settings keep unknown entries themselves (`Settings::extra`), so they are not listed.

use crate::domain::io::share::SHARE_VERSION;
use crate::domain::io::workspace::WORKSPACE_VERSION;
use crate::domain::testing::{
    campaign_record_fields, creator_record_fields, thresholds_fields, Fields,
};
use crate::storage::envelope::{Kind, CAMPAIGNS, SHORTLIST, THRESHOLDS};

/// A record's structs with their fields, and the versions of the formats that carry it when the
/// list was written. Change a list only together with those versions.
struct Snapshot {
    /// The stored kind, and its version when the list was written.
    kind: Kind,
    at: u32,
    /// The workspace file's and share links' versions when the list was written, for a record
    /// they carry too.
    files_at: Option<(u32, u32)>,
    /// Each struct's name and its fields, separated by spaces.
    structs: &'static [(&'static str, &'static str)],
    now: fn() -> Vec<Fields>,
}

const CREATOR: Snapshot = Snapshot {
    kind: SHORTLIST,
    at: 6,
    files_at: Some((3, 2)),
    structs: &[
        (
            "Creator",
            "id name profile_url platform followers metrics posts_per_week price currency tags \
             notes status sponsored_posts created_at updated_at email links location language \
             posts follower_history comment_samples caption_checks audience reported custom",
        ),
        (
            "PostMetrics",
            "views likes comments shares dislikes saves impressions reach",
        ),
        ("FollowerSnapshot", "date count source"),
        ("CommentSample", "date text counts likes dislikes"),
        (
            "SampleCounts",
            "total positive neutral negative unrecognised generic emoji_only one_word \
             stock_praise self_promotion",
        ),
        (
            "CaptionCheck",
            "date caption post_link verdicts post_settings",
        ),
        (
            "PostSettings",
            "paid_partnership_label retouched_or_ai_images virtual_persona",
        ),
        ("CountryVerdict", "country verdict"),
        ("Audience", "date countries ages genders"),
        ("Share", "name share"),
        ("ReportedFigure", "kind value source date"),
        ("CustomField", "name value"),
        ("Post", "caption date link sponsored"),
    ],
    now: creator_record_fields,
};

const CAMPAIGN: Snapshot = Snapshot {
    kind: CAMPAIGNS,
    at: 3,
    files_at: Some((3, 2)),
    structs: &[
        (
            "Campaign",
            "id name goal budget currency platforms countries brand_categories start end \
             creators checklist targets results notes attribution pricing deliverables \
             created_at updated_at",
        ),
        ("Targets", "views engagements clicks conversions"),
        (
            "PostResult",
            "creator_id date views interactions clicks conversions",
        ),
        (
            "Attribution",
            "pattern percent landing_url creators window_days rates files",
        ),
        ("UtmParts", "source medium campaign content"),
        ("CreatorCode", "code utm"),
        ("Rate", "currency rate"),
        (
            "OrdersFile",
            "name imported_at rows orders without_code matched unmatched unreadable \
             unreadable_count keyed_by_line currency_assumed",
        ),
        ("StoredOrder", "k c d t r $ s"),
        ("CodeCount", "code orders"),
        ("RejectedRow", "line reason"),
        ("Pricing", "terms quotes usd_rate reach"),
        ("TermSetting", "term on low_pct high_pct"),
        ("CampaignQuote", "creator_id amount"),
        (
            "ReachAssumptions",
            "youtube_unique tiktok_unique instagram_reach feed_impressions story_impressions",
        ),
        ("Deliverables", "items"),
        ("Deliverable", "id creator_id kind title date state note"),
    ],
    now: campaign_record_fields,
};

const THRESHOLD_VALUES: Snapshot = Snapshot {
    kind: THRESHOLDS,
    at: 2,
    files_at: None,
    structs: &[(
        "Thresholds",
        "engagement_high_multiple engagement_low_multiple min_engagement_by_followers \
         likes_low_share_of_usual likes_high_share_of_followers generic_comment_share \
         negative_comment_share negative_comment_share_high min_comment_sample dislike_ratio \
         sponsored_engagement_drop min_follower_credibility min_sponsored_posts \
         min_audience_overlap cadence_low_multiple min_history_posts min_follower_snapshots \
         follower_spike_weekly follower_spike_multiple follower_drop_share \
         likes_post_high_multiple views_spread_max engagement_decline_share \
         reported_figure_multiple min_audience_in_countries stale_evidence_days",
    )],
    now: thresholds_fields,
};

fn sorted<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut v: Vec<String> = names.into_iter().map(str::to_string).collect();
    v.sort();
    v
}

/// Regression: likes and dislikes were added to a comment sample (and codes, pricing and the
/// calendar to a campaign) with the versions left as they were, so a tab still running the build
/// before them would have saved those records back without them.
#[test]
fn a_record_changes_its_fields_only_with_its_versions() {
    for snap in [CREATOR, CAMPAIGN, THRESHOLD_VALUES] {
        let listed: Vec<(String, Vec<String>)> = snap
            .structs
            .iter()
            .map(|(name, fields)| (name.to_string(), sorted(fields.split_whitespace())))
            .collect();
        let now: Vec<(String, Vec<String>)> = (snap.now)()
            .into_iter()
            .map(|(name, fields)| (name, sorted(fields.iter().map(String::as_str))))
            .collect();
        let mut formats = vec![(snap.kind.key, snap.at, snap.kind.version)];
        if let Some((workspace, share)) = snap.files_at {
            formats.push(("workspace file", workspace, WORKSPACE_VERSION));
            formats.push(("share link", share, SHARE_VERSION));
        }
        let names: Vec<&str> = formats.iter().map(|f| f.0).collect();
        assert_eq!(
            now, listed,
            "The fields of a stored {} changed. An older build would drop a field it does not know and save the record back without it: raise the version of each of {names:?} by one (Migration::unchanged; WORKSPACE_VERSION, SHARE_VERSION), then list the fields here with the new versions.",
            snap.kind.key
        );
        for (format, listed_at, now) in formats {
            assert_eq!(
                listed_at, now,
                "The {format} format moved: list the fields of a stored {} as this version writes them, with it.",
                snap.kind.key
            );
        }
    }
}
