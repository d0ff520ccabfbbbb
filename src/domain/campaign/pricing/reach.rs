//! Reach and impressions estimates per creator and for the plan, from vendor defaults
//! (DOMAIN.md §9) the user can edit: the share of views that are unique viewers (YouTube 75%,
//! TikTok 68%, Stellar), Instagram feed reach as a share of followers when there is no data (15%,
//! LoudCrowd), impressions per reach (feed post × 1.5, Story × 1, Modash).
//!
//! Always an estimate, and kept apart from the views the user enters in tracking (`actual_views`
//! is shown beside the estimate, never mixed into it). What the creator's own insights give (a
//! post's reach) replaces the default, and the row says so.

use crate::campaign::record::Campaign;
use crate::creator::platform::Platform;
use crate::creator::record::Creator;
use crate::text::choice::choices;
use crate::text::format::{group_thousands, percent, trimmed};
use crate::text::sparse::sparse_record;

/// One editable assumption.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Assumption {
    YouTubeUnique,
    TikTokUnique,
    InstagramReach,
    FeedImpressions,
    StoryImpressions,
}

choices! {
    Assumption, id, label;
    YouTubeUnique => "youtube-unique-viewers", "Unique viewers among YouTube views";
    TikTokUnique => "tiktok-unique-viewers", "Unique viewers among TikTok views";
    InstagramReach => "instagram-feed-reach", "Instagram feed reach without data (share of followers)";
    FeedImpressions => "feed-impressions-per-reach", "Impressions per reach, feed post";
    StoryImpressions => "story-impressions-per-reach", "Impressions per reach, Story";
}

/// How an assumption is written and bounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A share between 0 and 1, shown as a percentage.
    Share,
    /// A multiplier, shown as "× 1.5".
    Times,
}

impl Assumption {
    /// The vendor default.
    pub fn default_value(self) -> f64 {
        match self {
            Assumption::YouTubeUnique => 0.75,
            Assumption::TikTokUnique => 0.68,
            Assumption::InstagramReach => 0.15,
            Assumption::FeedImpressions => 1.5,
            Assumption::StoryImpressions => 1.0,
        }
    }

    pub fn unit(self) -> Unit {
        match self {
            Assumption::FeedImpressions | Assumption::StoryImpressions => Unit::Times,
            _ => Unit::Share,
        }
    }

    /// The values `checked` accepts: a share from 0 to 100%; impressions at least the reach (each
    /// person reached saw the post once) and at most 10 times it.
    pub fn range(self) -> (f64, f64) {
        match self.unit() {
            Unit::Share => (0.0, 1.0),
            Unit::Times => (1.0, 10.0),
        }
    }

    /// Who uses the default, and when it was current (the vendors publish no year).
    pub fn source(self) -> &'static str {
        match self {
            Assumption::YouTubeUnique | Assumption::TikTokUnique => {
                "Stellar, vendor default (no year published; current in 2026)"
            }
            Assumption::InstagramReach => {
                "LoudCrowd, vendor baseline (no year published; current in 2026)"
            }
            Assumption::FeedImpressions | Assumption::StoryImpressions => {
                "Modash, vendor default (no year published; current in 2026)"
            }
        }
    }

    /// The formula it enters.
    pub fn formula(self) -> &'static str {
        match self {
            Assumption::YouTubeUnique | Assumption::TikTokUnique => {
                "reach = average views per post × this share"
            }
            Assumption::InstagramReach => {
                "reach of a feed post = followers × this share, when the creator's insights give no reach"
            }
            Assumption::FeedImpressions => "impressions of a feed post = reach × this",
            Assumption::StoryImpressions => "impressions of a Story = reach × this",
        }
    }

    /// "75%" or "× 1.5".
    pub fn show(self, v: f64) -> String {
        match self.unit() {
            Unit::Share => percent(Some(v), if (v * 100.0).fract() == 0.0 { 0 } else { 1 }),
            Unit::Times => format!("× {}", trimmed(v, 2)),
        }
    }
}

sparse_record! {
    /// The assumptions as the user set them; `None` is the vendor default (so a stored campaign
    /// follows a corrected default instead of freezing an old one).
    #[derive(Copy)]
    pub struct ReachAssumptions {
        pub youtube_unique: Option<f64>,
        pub tiktok_unique: Option<f64>,
        pub instagram_reach: Option<f64>,
        pub feed_impressions: Option<f64>,
        pub story_impressions: Option<f64>,
    }
}

impl ReachAssumptions {
    fn slot(&mut self, a: Assumption) -> &mut Option<f64> {
        match a {
            Assumption::YouTubeUnique => &mut self.youtube_unique,
            Assumption::TikTokUnique => &mut self.tiktok_unique,
            Assumption::InstagramReach => &mut self.instagram_reach,
            Assumption::FeedImpressions => &mut self.feed_impressions,
            Assumption::StoryImpressions => &mut self.story_impressions,
        }
    }

    /// The user's value, if they set one.
    pub fn edited(&self, a: Assumption) -> Option<f64> {
        let mut copy = *self;
        *copy.slot(a)
    }

    /// The value in use.
    pub fn get(&self, a: Assumption) -> f64 {
        self.edited(a).unwrap_or(a.default_value())
    }

    /// Sets (or, with `None` or the default itself, resets) an assumption.
    pub fn set(&mut self, a: Assumption, v: Option<f64>) {
        *self.slot(a) = v.filter(|v| *v != a.default_value());
    }

    /// The first value out of its range, with that range.
    pub fn out_of_range(&self) -> Option<(Assumption, f64)> {
        Assumption::ALL.iter().find_map(|&a| {
            let v = self.edited(a)?;
            let (min, max) = a.range();
            (!(v.is_finite() && v >= min && v <= max)).then_some((a, v))
        })
    }
}

/// A creator's estimate for one post.
#[derive(Debug, Clone, PartialEq)]
pub struct ReachEstimate {
    pub creator_id: String,
    pub name: String,
    pub platform: Option<Platform>,
    /// People reached (estimate); `None` with `missing` saying what to enter.
    pub reach: Option<f64>,
    /// Times shown (estimate): a feed post on Instagram, the views elsewhere.
    pub impressions: Option<f64>,
    /// Instagram only: a Story's impressions at the same reach.
    pub story_impressions: Option<f64>,
    /// How the numbers were made, with every input and assumption named.
    pub formula: String,
    pub missing: Option<String>,
    /// Views the user entered in tracking for this creator: actual figures, kept apart.
    pub actual_views: Option<f64>,
}

fn count(v: f64) -> String {
    group_thousands(v.max(0.0).round() as u64)
}

/// An Instagram feed post's reach and how it was found: the creator's insights when they give
/// one, else followers × the reach share. `None` without either.
pub fn feed_reach(creator: &Creator, a: &ReachAssumptions) -> Option<(f64, String)> {
    let insight = creator.metrics.reach.filter(|r| r.is_finite() && *r >= 0.0);
    if let Some(r) = insight {
        return Some((r, format!("reach {} from the creator's insights", count(r))));
    }
    let f = creator.followers? as f64;
    let share = a.get(Assumption::InstagramReach);
    let r = f * share;
    Some((
        r,
        format!(
            "reach ≈ {} followers × {} ({}) = {}",
            count(f),
            Assumption::InstagramReach.show(share),
            Assumption::InstagramReach.source(),
            count(r)
        ),
    ))
}

/// The estimate for one creator's post.
pub fn estimate(creator: &Creator, a: &ReachAssumptions) -> ReachEstimate {
    let mut out = ReachEstimate {
        creator_id: creator.id.clone(),
        name: creator.name.clone(),
        platform: creator.platform,
        reach: None,
        impressions: None,
        story_impressions: None,
        formula: String::new(),
        missing: None,
        actual_views: None,
    };
    let views = creator.metrics.views.filter(|v| v.is_finite() && *v >= 0.0);
    match creator.platform {
        None => out.missing = Some("Set the creator's platform for an estimate.".to_string()),
        Some(p @ (Platform::YouTube | Platform::TikTok)) => {
            let key = if p == Platform::YouTube {
                Assumption::YouTubeUnique
            } else {
                Assumption::TikTokUnique
            };
            let Some(v) = views else {
                out.missing = Some(format!(
                    "Enter the creator's average views per post for a {} estimate.",
                    p.name()
                ));
                return out;
            };
            let share = a.get(key);
            let reach = v * share;
            out.reach = Some(reach);
            out.impressions = Some(v);
            out.formula = format!(
                "reach ≈ {} average views × {} unique viewers ({}) = {}; impressions ≈ the views, {} (each view is one showing: Microscope's reading)",
                count(v),
                key.show(share),
                key.source(),
                count(reach),
                count(v),
            );
        }
        Some(Platform::Instagram) => {
            let Some((reach, basis)) = feed_reach(creator, a) else {
                out.missing = Some(
                    "Enter the follower count (or a post's reach from the creator's insights) for an Instagram estimate."
                        .to_string(),
                );
                return out;
            };
            let feed = a.get(Assumption::FeedImpressions);
            let story = a.get(Assumption::StoryImpressions);
            out.reach = Some(reach);
            out.impressions = Some(reach * feed);
            out.story_impressions = Some(reach * story);
            out.formula = format!(
                "{basis}; feed-post impressions ≈ reach {} = {}, a Story's ≈ reach {} = {} ({})",
                Assumption::FeedImpressions.show(feed),
                count(reach * feed),
                Assumption::StoryImpressions.show(story),
                count(reach * story),
                Assumption::FeedImpressions.source(),
            );
        }
    }
    out
}

/// The plan's estimates: one post per creator of the campaign.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanReach {
    pub rows: Vec<ReachEstimate>,
    /// Sums over the creators with an estimate: an upper bound of the people reached, since
    /// audiences overlap.
    pub reach: f64,
    pub impressions: f64,
    /// Creators with an estimate, and without.
    pub counted: usize,
    pub not_counted: usize,
    /// All views entered in tracking for the campaign's creators.
    pub actual_views: Option<f64>,
}

/// Estimates for every creator of the campaign found in `creators`, in campaign order, each with
/// the views entered in tracking beside it.
pub fn plan_reach(campaign: &Campaign, creators: &[Creator], a: &ReachAssumptions) -> PlanReach {
    let (members, _) = campaign.members(creators);
    let rows: Vec<ReachEstimate> = members
        .into_iter()
        .map(|c| {
            let mut e = estimate(c, a);
            e.actual_views = actual_views(campaign, &c.id);
            e
        })
        .collect();
    let counted = rows.iter().filter(|r| r.reach.is_some()).count();
    let actual: Vec<f64> = rows.iter().filter_map(|r| r.actual_views).collect();
    PlanReach {
        reach: rows.iter().filter_map(|r| r.reach).sum(),
        impressions: rows.iter().filter_map(|r| r.impressions).sum(),
        not_counted: rows.len() - counted,
        counted,
        actual_views: (!actual.is_empty()).then(|| actual.iter().sum()),
        rows,
    }
}

/// The views entered in tracking for one creator; `None` when none were.
pub fn actual_views(campaign: &Campaign, creator_id: &str) -> Option<f64> {
    let views: Vec<f64> = campaign
        .results
        .iter()
        .filter(|r| r.creator_id == creator_id)
        .filter_map(|r| r.views)
        .collect();
    (!views.is_empty()).then(|| views.iter().sum())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::record::PostResult;

    fn creator(
        id: &str,
        platform: Platform,
        followers: Option<u64>,
        views: Option<f64>,
    ) -> Creator {
        let mut c = Creator::new(id.into(), id, 0.0);
        c.platform = Some(platform);
        c.followers = followers;
        c.metrics.views = views;
        c
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-6)
    }

    #[test]
    fn hand_computed_estimates() {
        let defaults = ReachAssumptions::default();
        let mut edited = ReachAssumptions::default();
        edited.set(Assumption::InstagramReach, Some(0.2));
        edited.set(Assumption::TikTokUnique, Some(0.5));
        let mut with_insights = creator("ig2", Platform::Instagram, Some(45_000), None);
        with_insights.metrics.reach = Some(9_000.0);
        // (creator, assumptions, reach, impressions, story impressions)
        let cases = [
            // 130,000 × 0.68 = 88,400; impressions = the views.
            (
                creator("tt", Platform::TikTok, Some(45_000), Some(130_000.0)),
                defaults,
                88_400.0,
                130_000.0,
                None,
            ),
            // 20,000 × 0.75 = 15,000.
            (
                creator("yt", Platform::YouTube, None, Some(20_000.0)),
                defaults,
                15_000.0,
                20_000.0,
                None,
            ),
            // 45,000 × 0.15 = 6,750; × 1.5 = 10,125; Story × 1 = 6,750.
            (
                creator("ig", Platform::Instagram, Some(45_000), None),
                defaults,
                6_750.0,
                10_125.0,
                Some(6_750.0),
            ),
            // Edited: 45,000 × 0.2 = 9,000; × 1.5 = 13,500.
            (
                creator("ig", Platform::Instagram, Some(45_000), None),
                edited,
                9_000.0,
                13_500.0,
                Some(9_000.0),
            ),
            // Edited: 130,000 × 0.5 = 65,000.
            (
                creator("tt", Platform::TikTok, None, Some(130_000.0)),
                edited,
                65_000.0,
                130_000.0,
                None,
            ),
            // Insights beat the default: reach 9,000 whatever the share.
            (with_insights, defaults, 9_000.0, 13_500.0, Some(9_000.0)),
        ];
        for (c, a, reach, impressions, story) in cases {
            let e = estimate(&c, &a);
            assert!(close(e.reach, reach), "{}: {:?}", c.id, e.reach);
            assert!(
                close(e.impressions, impressions),
                "{}: {:?}",
                c.id,
                e.impressions
            );
            assert_eq!(e.story_impressions.map(|s| s.round()), story);
            assert!(e.missing.is_none());
        }
    }

    #[test]
    fn formulas_name_inputs_and_sources() {
        let e = estimate(
            &creator("tt", Platform::TikTok, None, Some(130_000.0)),
            &ReachAssumptions::default(),
        );
        assert_eq!(
            e.formula,
            "reach ≈ 130,000 average views × 68% unique viewers (Stellar, vendor default (no year published; current in 2026)) = 88,400; impressions ≈ the views, 130,000 (each view is one showing: Microscope's reading)"
        );
        let e = estimate(
            &creator("ig", Platform::Instagram, Some(45_000), None),
            &ReachAssumptions::default(),
        );
        assert_eq!(
            e.formula,
            "reach ≈ 45,000 followers × 15% (LoudCrowd, vendor baseline (no year published; current in 2026)) = 6,750; feed-post impressions ≈ reach × 1.5 = 10,125, a Story's ≈ reach × 1 = 6,750 (Modash, vendor default (no year published; current in 2026))"
        );
    }

    #[test]
    fn missing_inputs_say_what_to_enter() {
        let a = ReachAssumptions::default();
        let mut none = Creator::new("x".into(), "X", 0.0);
        let cases = [
            (none.clone(), "Set the creator's platform for an estimate."),
            (creator("tt", Platform::TikTok, Some(1), None), "Enter the creator's average views per post for a TikTok estimate."),
            (creator("ig", Platform::Instagram, None, Some(5.0)), "Enter the follower count (or a post's reach from the creator's insights) for an Instagram estimate."),
        ];
        for (c, want) in cases {
            let e = estimate(&c, &a);
            assert_eq!(e.missing.as_deref(), Some(want));
            assert_eq!(e.reach, None);
        }
        none.platform = Some(Platform::YouTube);
        none.metrics.views = Some(f64::NAN);
        assert!(estimate(&none, &a).reach.is_none());
    }

    #[test]
    fn the_plan_adds_up_and_keeps_actual_views_apart() {
        let all = vec![
            creator("tt", Platform::TikTok, Some(45_000), Some(130_000.0)),
            creator("ig", Platform::Instagram, Some(45_000), None),
            creator("yt", Platform::YouTube, None, None),
        ];
        let mut k = Campaign::new("k".into(), "K", 0.0);
        k.creators = vec!["tt".into(), "ig".into(), "yt".into(), "gone".into()];
        k.results = vec![
            PostResult {
                creator_id: "tt".into(),
                views: Some(100_000.0),
                ..PostResult::default()
            },
            PostResult {
                creator_id: "tt".into(),
                views: Some(20_000.0),
                ..PostResult::default()
            },
        ];
        let p = plan_reach(&k, &all, &ReachAssumptions::default());
        assert_eq!((p.counted, p.not_counted), (2, 1));
        assert!((p.reach - (88_400.0 + 6_750.0)).abs() < 1e-6);
        assert!((p.impressions - (130_000.0 + 10_125.0)).abs() < 1e-6);
        assert_eq!(p.actual_views, Some(120_000.0));
        assert_eq!(p.rows[0].actual_views, Some(120_000.0));
        assert_eq!(p.rows[1].actual_views, None);
        // The estimate is not moved by the actual views.
        assert!(close(p.rows[0].reach, 88_400.0));
    }

    #[test]
    fn set_resets_to_default_and_ranges_hold() {
        let mut a = ReachAssumptions::default();
        a.set(Assumption::FeedImpressions, Some(2.0));
        assert_eq!(a.get(Assumption::FeedImpressions), 2.0);
        a.set(Assumption::FeedImpressions, Some(1.5));
        assert_eq!(a, ReachAssumptions::default());
        let cases = [
            (Assumption::TikTokUnique, 1.2, true),
            (Assumption::TikTokUnique, 0.0, false),
            (Assumption::StoryImpressions, 0.5, true),
            (Assumption::FeedImpressions, 10.0, false),
            (Assumption::InstagramReach, f64::NAN, true),
        ];
        for (key, v, bad) in cases {
            let mut a = ReachAssumptions::default();
            a.set(key, Some(v));
            assert_eq!(a.out_of_range().is_some(), bad, "{key:?} {v}");
        }
        assert_eq!(Assumption::TikTokUnique.show(0.68), "68%");
        assert_eq!(Assumption::InstagramReach.show(0.125), "12.5%");
        assert_eq!(Assumption::FeedImpressions.show(1.5), "× 1.5");
    }
}
