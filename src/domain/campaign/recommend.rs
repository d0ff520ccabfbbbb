//! Which platforms and tiers fit a campaign goal, and why: each recommendation is a list of reasons with the figure and its source.
//!
//! The score is a plain sum of points, each point attached to a reason the UI shows, so nothing
//! is a black box. Two kinds of reasons add up:
//! - tier fit: what a tier is good for under the goal (DOMAIN.md §1 and §4), from -1 to +3;
//! - evidence: a published figure for the platform and tier, read from the benchmark, cadence
//!   and price tables (so a corrected table corrects the advice), from -1 to +3.
//!
//! Mega accounts are not recommended: fees are six figures per post and the product plans
//! campaigns with smaller creators. Fits: 4 points or more is strong, 2–3 good, 0–1 possible,
//! below 0 weak.

use crate::campaign::checklist::{Step, STEPS};
use crate::campaign::record::Goal;
use crate::creator::platform::Platform;
use crate::creator::tier::Tier;
use crate::engine::benchmark::{find, rule_of_thumb, Benchmark, Scope};
use crate::engine::cadence::cadence_benchmark;
use crate::engine::cost::{cpm_range, price_range};
use crate::engine::engagement::Formula;
use crate::engine::published::PublishedFigure;
use crate::text::format::{compact, money};

/// Views per post from the source article (DOMAIN.md §2). The only two it publishes.
pub static TYPICAL_VIEWS: [PublishedFigure; 2] = [
    PublishedFigure {
        platform: Platform::YouTube,
        tier: Tier::Micro,
        value: 11_000_000.0,
        wording: "over 11M",
        source: "CreatorDB",
        year: 2026,
        note: "The source article's average for micro YouTubers, about 100× TikTok. An average: a few viral channels can lift it far above a typical channel.",
    },
    PublishedFigure {
        platform: Platform::TikTok,
        tier: Tier::Micro,
        value: 130_000.0,
        wording: "about 130K",
        source: "CreatorDB",
        year: 2026,
        note: "",
    },
];

/// The typical views per post of a platform and tier, when published.
pub fn typical_views(platform: Platform, tier: Tier) -> Option<&'static PublishedFigure> {
    PublishedFigure::find(&TYPICAL_VIEWS, platform, tier)
}

/// One reason behind a recommendation.
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    pub text: String,
    /// The number the reason rests on: "8.5% by views", "$5.00–$25.00 per post".
    pub figure: String,
    /// "CreatorDB, 2026".
    pub citation: String,
    /// What the reason adds to the score (may be 0 for context, or negative).
    pub points: i32,
}

/// How well a platform and tier fit the goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Fit {
    Weak,
    Possible,
    Good,
    Strong,
}

impl Fit {
    pub fn from_score(score: i32) -> Fit {
        match score {
            s if s >= 4 => Fit::Strong,
            s if s >= 2 => Fit::Good,
            s if s >= 0 => Fit::Possible,
            _ => Fit::Weak,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Fit::Strong => "Strong fit",
            Fit::Good => "Good fit",
            Fit::Possible => "Possible",
            Fit::Weak => "Weak fit",
        }
    }
}

/// A platform and tier with its score and the reasons for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation {
    pub platform: Platform,
    pub tier: Tier,
    /// Sum of the reasons' points.
    pub score: i32,
    /// 1 = best.
    pub rank: usize,
    pub fit: Fit,
    pub reasons: Vec<Reason>,
    /// What is not known for this pair ("no published engagement benchmark for TikTok nano").
    pub gaps: Vec<String>,
}

impl Recommendation {
    /// "TikTok micro".
    pub fn title(&self) -> String {
        format!(
            "{} {}",
            self.platform.name(),
            self.tier.name().to_lowercase()
        )
    }
}

/// The answer for a goal.
#[derive(Debug, Clone, PartialEq)]
pub struct Recommendations {
    pub goal: Goal,
    /// Best first.
    pub items: Vec<Recommendation>,
    /// The source article's method (DOMAIN.md §4), as advice.
    pub advice: &'static [Step],
    /// How to read the list.
    pub notes: Vec<String>,
}

/// The tiers recommendations consider, in the order ties are broken (micro is the product's focus).
pub const TIERS_CONSIDERED: [Tier; 3] = [Tier::Micro, Tier::Nano, Tier::Macro];

/// Where the tier thresholds and meanings come from.
const TIER_CITATION: &str = "Microscope tier table (a convention)";
/// The source article, for the qualities it credits smaller creators with.
const SOURCE_ARTICLE: &str = "CreatorDB micro-influencer article, 2026";

/// Ranks platform × tier for `goal`. `platforms`: the campaign's platforms; empty means all.
pub fn recommend(goal: Goal, platforms: &[Platform]) -> Recommendations {
    let platforms: Vec<Platform> = if platforms.is_empty() {
        Platform::ALL.to_vec()
    } else {
        Platform::ALL
            .into_iter()
            .filter(|p| platforms.contains(p))
            .collect()
    };
    let mut items: Vec<Recommendation> = Vec::new();
    for &platform in &platforms {
        for tier in TIERS_CONSIDERED {
            let mut reasons = vec![tier_reason(goal, tier)];
            let mut gaps = Vec::new();
            evidence(goal, platform, tier, &mut reasons, &mut gaps);
            let score = reasons.iter().map(|r| r.points).sum();
            items.push(Recommendation {
                platform,
                tier,
                score,
                rank: 0,
                fit: Fit::from_score(score),
                reasons,
                gaps,
            });
        }
    }
    let tier_order = |t: Tier| TIERS_CONSIDERED.iter().position(|x| *x == t);
    let platform_order = |p: Platform| Platform::ALL.iter().position(|x| *x == p);
    items.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| tier_order(a.tier).cmp(&tier_order(b.tier)))
            .then_with(|| platform_order(a.platform).cmp(&platform_order(b.platform)))
    });
    for (i, item) in items.iter_mut().enumerate() {
        item.rank = i + 1;
    }

    let mut notes = vec![
        "Scores add up the points of the reasons listed: tier fit for the goal (−1 to +3) and published figures for the platform and tier (−1 to +3). 4 or more is a strong fit.".to_string(),
        "Mega accounts are not listed: their fees run to six figures per post, and the published figures here are for smaller creators.".to_string(),
        "Published figures describe typical creators; check each creator's own numbers before you book.".to_string(),
    ];
    if matches!(goal, Goal::Engagement | Goal::Conversions)
        && platforms.contains(&Platform::Instagram)
    {
        notes.push("Instagram's published engagement rates are by followers; TikTok's and YouTube's are by views. The two formulas are not comparable, so Instagram's rates are shown for context and add no points.".to_string());
    }
    Recommendations {
        goal,
        items,
        advice: &STEPS,
        notes,
    }
}

/// What the tier is good for under the goal, from the tier table's meaning.
fn tier_reason(goal: Goal, tier: Tier) -> Reason {
    let (points, why) = match (goal, tier) {
        (Goal::Awareness, Tier::Nano) => (-1, "Small audiences: you need many nano creators to add up to real reach."),
        (Goal::Awareness, Tier::Micro) => (1, "Reach large enough to matter, at micro prices."),
        (Goal::Awareness, _) => (2, "Broad reach per post is what macro accounts sell."),
        (Goal::Engagement, Tier::Nano) => (1, "Close-knit audiences that react; engagement tends to fall as accounts grow."),
        (Goal::Engagement, Tier::Micro) => (2, "Audiences still close to the creator, with reach large enough for a campaign."),
        (Goal::Engagement, _) => (0, "Engagement is usually lower at macro size and the relationship with followers looser."),
        (Goal::Conversions, Tier::Nano) => (2, "High trust: followers act on recommendations from creators they feel close to."),
        (Goal::Conversions, Tier::Micro) => (3, "Trusted and authentic, with enough reach to drive sales: the source article's case for micro creators."),
        (Goal::Conversions, _) => (0, "A looser relationship with followers: recommendations carry less trust."),
        (Goal::ContentCreation, Tier::Nano) => (1, "Low fees per post let you commission many pieces of content."),
        (Goal::ContentCreation, Tier::Micro) => (1, "Experienced at producing content, still at modest fees."),
        (Goal::ContentCreation, _) => (0, "Polished content, but each piece costs far more."),
    };
    let citation = if goal == Goal::Conversions && tier != Tier::Macro {
        SOURCE_ARTICLE.to_string()
    } else {
        TIER_CITATION.to_string()
    };
    Reason {
        text: why.to_string(),
        figure: tier.bounds_label("followers"),
        citation,
        points,
    }
}

/// The tier benchmark of a platform under a formula (not an all-creator median).
fn tier_benchmark(platform: Platform, tier: Tier, formula: Formula) -> Option<&'static Benchmark> {
    find(platform, tier, formula).find(|b| b.scope() == Scope::Tier && b.followers.is_none())
}

/// Adds the published figures that bear on the goal for this platform and tier.
fn evidence(
    goal: Goal,
    platform: Platform,
    tier: Tier,
    reasons: &mut Vec<Reason>,
    gaps: &mut Vec<String>,
) {
    let what = format!("{} {}", platform.name(), tier.name().to_lowercase());
    match goal {
        Goal::Engagement | Goal::Conversions => {
            let (high, low) = if goal == Goal::Engagement {
                (3, 1)
            } else {
                (2, 1)
            };
            match engagement_reason(platform, tier, high, low) {
                Some(r) => reasons.push(r),
                None => gaps.push(format!("No published engagement benchmark for {what}.")),
            }
        }
        Goal::Awareness => {
            match views_reason(platform, tier) {
                Some(r) => reasons.push(r),
                None => gaps.push(format!("No published views per post for {what}.")),
            }
            if let Some(r) = cpm_reason(platform, tier) {
                reasons.push(r);
            }
            if tier == Tier::Macro {
                if let Some(r) = price_reason(platform, tier, false) {
                    reasons.push(r);
                }
            }
        }
        Goal::ContentCreation => {
            match price_reason(platform, tier, true) {
                Some(r) => reasons.push(r),
                None => gaps.push(format!("No published price range for {what}.")),
            }
            if let Ok(b) = cadence_benchmark(platform, tier) {
                let points = if b.value >= 2.0 { 1 } else { 0 };
                let posts = format!(
                    "{} {} a week",
                    b.wording,
                    if b.value == 1.0 { "post" } else { "posts" }
                );
                reasons.push(Reason {
                    text: format!(
                        "{} creators publish {posts} on their own channel{}.",
                        what,
                        if points > 0 {
                            ": practised, regular producers"
                        } else {
                            ""
                        }
                    ),
                    figure: posts,
                    citation: b.citation(),
                    points,
                });
            }
        }
    }
}

/// Engagement benchmark for the platform and tier: by views where published (the source
/// article's formula), otherwise Instagram's by-followers figures, shown with no points.
fn engagement_reason(platform: Platform, tier: Tier, high: i32, low: i32) -> Option<Reason> {
    let what = format!("{} {}", platform.name(), tier.name().to_lowercase());
    if let Some(b) = tier_benchmark(platform, tier, Formula::SourceViews) {
        let excellent = rule_of_thumb(Formula::SourceViews).ok();
        let others: Vec<String> = Platform::ALL
            .into_iter()
            .filter(|p| *p != platform)
            .filter_map(|p| tier_benchmark(p, tier, Formula::SourceViews))
            .map(|o| {
                format!(
                    "{} {} {}",
                    o.platform.map_or("", |p| p.name()),
                    tier.name().to_lowercase(),
                    o.value_label()
                )
            })
            .collect();
        let versus = if others.is_empty() {
            String::new()
        } else {
            format!(" (vs {})", others.join(", "))
        };
        let (points, verdict) = match excellent {
            Some(e) if b.value >= e.value => (
                high,
                format!(", above the {} that counts as excellent", e.value_label()),
            ),
            Some(e) => (
                low,
                format!(", below the {} that counts as excellent", e.value_label()),
            ),
            None => (low, String::new()),
        };
        return Some(Reason {
            text: format!(
                "{what} creators average {} engagement by views{verdict}{versus}.",
                b.value_label()
            ),
            figure: format!("{} by views", b.value_label()),
            citation: b.citation(),
            points,
        });
    }
    let b = find(platform, tier, Formula::Followers)
        .find(|b| b.scope() == Scope::Tier && b.followers.is_none())?;
    Some(Reason {
        text: format!(
            "{what} accounts average {} engagement by followers ({}); a different formula from the by-views rates, so shown for context.",
            b.value_label(),
            Formula::Followers.expression()
        ),
        figure: format!("{} by followers", b.value_label()),
        citation: b.citation(),
        points: 0,
    })
}

fn views_reason(platform: Platform, tier: Tier) -> Option<Reason> {
    let t = typical_views(platform, tier)?;
    let points = if t.value >= 1_000_000.0 { 3 } else { 2 };
    Some(Reason {
        text: format!(
            "The average {} {} creator gets {} views per post, per the source article.{}",
            platform.name(),
            tier.name().to_lowercase(),
            t.wording,
            if t.note.is_empty() {
                String::new()
            } else {
                format!(" {}", t.note)
            }
        ),
        figure: format!("{} views per post", t.wording),
        citation: t.citation(),
        points,
    })
}

/// Cost per 1,000 views from the price range and typical views, against the platform's ad CPM.
fn cpm_reason(platform: Platform, tier: Tier) -> Option<Reason> {
    let t = typical_views(platform, tier)?;
    let price = price_range(platform, tier).ok()?;
    let ads = cpm_range(platform);
    let low = price.low / t.value * 1000.0;
    let high = price.high / t.value * 1000.0;
    if !(low.is_finite() && high.is_finite()) {
        return None;
    }
    let cheaper = high < ads.low;
    Some(Reason {
        text: format!(
            "Estimated cost per 1,000 views: {}–{} (price range ÷ typical views × 1,000), {} the {}–{} ads cost on {}.",
            money(Some(low), "$"),
            money(Some(high), "$"),
            if cheaper { "well below" } else { "compare with" },
            money(Some(ads.low), "$"),
            money(Some(ads.high), "$"),
            platform.name()
        ),
        figure: format!("{}–{} CPM", money(Some(low), "$"), money(Some(high), "$")),
        citation: format!("{}; {}; {}, {}", price.citation(), t.citation(), ads.source, ads.year),
        points: if cheaper { 1 } else { 0 },
    })
}

/// Posts a $1,000 budget buys at the top of the published range, scored for content volume
/// (`scored`) or shown as context.
fn price_reason(platform: Platform, tier: Tier, scored: bool) -> Option<Reason> {
    let r = price_range(platform, tier).ok()?;
    let per_thousand = 1000.0 / r.high;
    let points = if !scored || !per_thousand.is_finite() {
        0
    } else if per_thousand >= 10.0 {
        3
    } else if per_thousand >= 4.0 {
        2
    } else if per_thousand >= 1.0 {
        1
    } else {
        -1
    };
    let range = format!("{}–{}", money(Some(r.low), "$"), money(Some(r.high), "$"));
    let text = if scored {
        format!(
            "{} {} creators charge {range} per post: $1,000 buys at least {}.",
            platform.name(),
            tier.name().to_lowercase(),
            posts_label(per_thousand)
        )
    } else {
        format!(
            "{} {} creators charge {range} per post, so each post takes a large share of a budget.",
            platform.name(),
            tier.name().to_lowercase()
        )
    };
    Some(Reason {
        text,
        figure: format!("{range} per post"),
        citation: r.citation(),
        points,
    })
}

/// "40 posts", "1 post", "0.05 posts".
fn posts_label(n: f64) -> String {
    if n >= 2.0 {
        format!("{} posts", compact(n.floor()))
    } else if n >= 1.0 {
        "1 post".to_string()
    } else {
        format!("{n:.2} posts")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn top(goal: Goal, platforms: &[Platform]) -> Vec<(Platform, Tier)> {
        recommend(goal, platforms)
            .items
            .iter()
            .take(2)
            .map(|r| (r.platform, r.tier))
            .collect()
    }

    #[test]
    fn goals_rank_the_expected_pairs_first() {
        let cases = [
            (
                Goal::Engagement,
                vec![],
                vec![
                    (Platform::TikTok, Tier::Micro),
                    (Platform::YouTube, Tier::Micro),
                ],
            ),
            (
                Goal::Awareness,
                vec![],
                vec![
                    (Platform::YouTube, Tier::Micro),
                    (Platform::TikTok, Tier::Micro),
                ],
            ),
            (
                Goal::Conversions,
                vec![],
                vec![
                    (Platform::TikTok, Tier::Micro),
                    (Platform::YouTube, Tier::Micro),
                ],
            ),
            (
                Goal::ContentCreation,
                vec![],
                vec![
                    (Platform::TikTok, Tier::Nano),
                    (Platform::Instagram, Tier::Nano),
                ],
            ),
            (
                Goal::Engagement,
                vec![Platform::Instagram],
                vec![
                    (Platform::Instagram, Tier::Micro),
                    (Platform::Instagram, Tier::Nano),
                ],
            ),
        ];
        for (goal, platforms, want) in cases {
            assert_eq!(top(goal, &platforms), want, "{goal:?}");
        }
    }

    #[test]
    fn reasons_cite_figures() {
        // (goal, pair, a reason's figure, its citation, text fragment)
        let cases = [
            (
                Goal::Engagement,
                (Platform::TikTok, Tier::Micro),
                "8.5% by views",
                "CreatorDB, 2026",
                "vs YouTube micro 3.6%",
            ),
            (
                Goal::Engagement,
                (Platform::YouTube, Tier::Micro),
                "3.6% by views",
                "CreatorDB, 2026",
                "below the 5% that counts as excellent",
            ),
            (
                Goal::Awareness,
                (Platform::YouTube, Tier::Micro),
                "over 11M views per post",
                "CreatorDB, 2026",
                "100×",
            ),
            (
                Goal::Awareness,
                (Platform::TikTok, Tier::Micro),
                "$0.192–$0.962 CPM",
                "pricing guide, 2023; CreatorDB, 2026; quoted CPM ranges, 2023",
                "well below the $5.00–$15.00",
            ),
            (
                Goal::Awareness,
                (Platform::YouTube, Tier::Macro),
                "100,000 to 999,999 followers",
                "Microscope tier table (a convention)",
                "Broad reach",
            ),
            (
                Goal::Conversions,
                (Platform::Instagram, Tier::Nano),
                "1,000 to 9,999 followers",
                "CreatorDB micro-influencer article, 2026",
                "trust",
            ),
            (
                Goal::Conversions,
                (Platform::Instagram, Tier::Nano),
                "1.78% by followers",
                "HypeAuditor via eMarketer, 2026",
                "different formula",
            ),
            (
                Goal::ContentCreation,
                (Platform::TikTok, Tier::Nano),
                "$5.00–$25.00 per post",
                "pricing guide, 2023",
                "at least 40 posts",
            ),
            (
                Goal::ContentCreation,
                (Platform::YouTube, Tier::Micro),
                "almost 3 posts a week",
                "CreatorDB, 2026",
                "regular producers",
            ),
        ];
        for (goal, (p, t), figure, citation, fragment) in cases {
            let recs = recommend(goal, &[]);
            let item = recs.items.iter().find(|r| r.platform == p && r.tier == t);
            let reason = item.and_then(|i| i.reasons.iter().find(|r| r.figure == figure));
            assert!(
                reason.is_some(),
                "{goal:?} {p:?} {t:?}: no reason with figure {figure}: {item:#?}"
            );
            if let Some(r) = reason {
                assert_eq!(r.citation, citation, "{goal:?} {p:?} {t:?}");
                assert!(r.text.contains(fragment), "{}", r.text);
            }
        }
    }

    #[test]
    fn scores_are_the_sum_of_reasons_and_ranks_are_dense() {
        for goal in Goal::ALL {
            let recs = recommend(goal, &[]);
            assert_eq!(recs.items.len(), 9);
            assert_eq!(recs.advice.len(), 7);
            for (i, r) in recs.items.iter().enumerate() {
                assert_eq!(r.rank, i + 1);
                assert_eq!(r.score, r.reasons.iter().map(|x| x.points).sum::<i32>());
                assert_eq!(r.fit, Fit::from_score(r.score));
                assert!(r
                    .reasons
                    .iter()
                    .all(|x| !x.figure.is_empty() && !x.citation.is_empty()));
                assert!(!r
                    .reasons
                    .iter()
                    .any(|x| x.text.contains("NaN") || x.text.contains("inf")));
            }
            assert!(recs.items.windows(2).all(|w| w[0].score >= w[1].score));
        }
    }

    #[test]
    fn gaps_and_notes_are_said() {
        let recs = recommend(Goal::Engagement, &[Platform::TikTok, Platform::Instagram]);
        let nano = recs
            .items
            .iter()
            .find(|r| r.platform == Platform::TikTok && r.tier == Tier::Nano);
        assert_eq!(
            nano.map(|r| r.gaps.clone()),
            Some(vec![
                "No published engagement benchmark for TikTok nano.".to_string()
            ])
        );
        assert!(recs.notes.iter().any(|n| n.contains("not comparable")));
        assert!(recs.items.iter().all(|r| r.platform != Platform::YouTube));
        let awareness = recommend(Goal::Awareness, &[Platform::TikTok]);
        assert!(!awareness.notes.iter().any(|n| n.contains("not comparable")));
        assert_eq!(
            awareness.items.first().map(|r| r.title()),
            Some("TikTok micro".to_string())
        );
    }
}
