//! The rules a creator's history makes possible (DOMAIN.md §5, history rules): follower jumps and
//! falls, likes per post against the followers of its day, the spread of views, engagement over
//! time, sponsored against other posts, and figures others reported against the posts.
//!
//! Each rule needs a minimum of data (`min_history_posts`, `min_follower_snapshots`) and says
//! what is missing otherwise. A rule whose list is empty stays silent: the Risks tools have no
//! dossier, and `campaign::risk_profile` says where to add one.
//!
//! This file runs them (`assess_dossier`) and holds what they share (`Context`: follower counts
//! by date and each post's rate; the median and quantile helpers). The rules live beside it:
//! `followers` (jumps and falls), `posts` (likes per post, spread of views, engagement over time,
//! sponsored against other posts) and `reported` (figures others reported).

use crate::creator::dossier::{Post, ReportedFigure, ReportedKind};
use crate::creator::series::{followers_over_time, value_nearest, Point};
use crate::engine::engagement::Formula;
use crate::text::date::Date;
use crate::text::format::{compact, plural};
use crate::text::number::parse_amount;

use super::geography::country_rule;
use super::*;

mod followers;
mod posts;
mod reported;

use followers::follower_rules;
use posts::{decline_rule, likes_share_rules, views_spread_rule};
pub use posts::{sponsored_comparison, SponsoredComparison};
use reported::reported_rules;

/// Two posts on each side at least: the median of one post is that post.
const MIN_EACH_SIDE: usize = 2;

/// What the dossier rules found, and which risks they could look at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DossierReport {
    pub report: RiskReport,
    /// Risks at least one dossier rule looked at (in `RiskKind` order, no repeats).
    pub checked: Vec<RiskKind>,
}

/// Runs the dossier rules alone (history and country fit). `assess` runs them with the others;
/// `campaign::risk_profile` also keeps their not-checked lines and checked risks.
pub fn assess_dossier(input: &RiskInput, t: &Thresholds) -> DossierReport {
    let ctx = Context::new(input, t);
    let mut out = DossierReport::default();
    let mut ran: Vec<RiskKind> = Vec::new();
    let report = &mut out.report;
    if follower_rules(input, t, report) {
        ran.push(RiskKind::BoughtEngagement);
    }
    if likes_share_rules(&ctx, t, report) {
        ran.push(RiskKind::BoughtEngagement);
    }
    if views_spread_rule(&ctx, t, report) {
        ran.push(RiskKind::EngagementAnomaly);
    }
    if decline_rule(&ctx, t, report) {
        ran.push(RiskKind::EngagementAnomaly);
    }
    if input.sponsored_engagement_ratio.is_none() && !input.posts.is_empty() {
        if let Err(reason) = sponsored_comparison(input, t) {
            not_checked(report, RiskKind::HateWatching, &reason);
        }
    }
    if reported_rules(&ctx, t, report) {
        ran.push(RiskKind::EngagementAnomaly);
    }
    if country_rule(input, t, report) {
        ran.push(RiskKind::AudienceFit);
    }
    out.checked = RiskKind::ALL
        .into_iter()
        .filter(|k| ran.contains(k))
        .collect();
    out
}

// ---------------------------------------------------------------------------------------------
// What the rules share: follower counts by date and each post's engagement rate.

/// A post's engagement rate under one formula.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Rated {
    date: Option<Date>,
    rate: f64,
    sponsored: bool,
}

struct Context<'a> {
    posts: &'a [Post],
    reported: &'a [ReportedFigure],
    /// Follower counts oldest first, one a day.
    followers: Vec<Point>,
    /// The creator's current count, for posts when there is no history.
    current: Option<f64>,
    min_posts: usize,
}

impl<'a> Context<'a> {
    fn new(input: &'a RiskInput, t: &Thresholds) -> Context<'a> {
        Context {
            posts: &input.posts,
            reported: &input.reported,
            followers: followers_over_time(&input.follower_history),
            current: usable(input.followers),
            min_posts: count(t.min_history_posts),
        }
    }

    /// The follower count nearest the post's date; the latest known count for an undated post.
    fn followers_at(&self, date: Option<Date>) -> Option<f64> {
        let found = match date {
            Some(d) => value_nearest(&self.followers, d),
            None => self.followers.last().map(|p| p.value),
        };
        found.or(self.current).filter(|f| *f > 0.0)
    }

    /// Each post's rate by views (TikTok style, the interactions every platform shows) when
    /// enough posts have views, else by the followers of the post's day. The formula is named in
    /// every warning; the list is the longer of the two when neither reaches the minimum.
    fn rated(&self) -> (Formula, Vec<Rated>) {
        let by_views = self.rates(Formula::TikTokViews);
        if by_views.len() >= self.min_posts {
            return (Formula::TikTokViews, by_views);
        }
        let by_followers = self.rates(Formula::Followers);
        if by_followers.len() > by_views.len() {
            (Formula::Followers, by_followers)
        } else {
            (Formula::TikTokViews, by_views)
        }
    }

    fn rates(&self, formula: Formula) -> Vec<Rated> {
        self.posts
            .iter()
            .filter(|p| usable(p.metrics.likes).is_some())
            .filter_map(|p| {
                let denominator = match formula {
                    Formula::Followers => self.followers_at(p.date)?,
                    _ => usable(p.metrics.views).filter(|v| *v > 0.0)?,
                };
                let rate = formula.interactions(&p.metrics) / denominator;
                rate.is_finite().then_some(Rated {
                    date: p.date,
                    rate,
                    sponsored: p.sponsored,
                })
            })
            .collect()
    }
}

fn count(threshold: f64) -> usize {
    if threshold.is_finite() && threshold > 0.0 {
        threshold as usize
    } else {
        0
    }
}

/// The `q` quantile (0 to 1) of sorted values, interpolating between the closest ranks (as
/// spreadsheets' QUARTILE.INC and PERCENTILE.INC do).
fn quantile(sorted: &[f64], q: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let pos = q.clamp(0.0, 1.0) * last as f64;
    let below = pos.floor() as usize;
    let low = *sorted.get(below)?;
    let high = *sorted.get(below + 1).unwrap_or(&low);
    Some(low + (high - low) * (pos - below as f64))
}

fn median(values: &[f64]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    quantile(&sorted, 0.5)
}

fn day_text(date: Option<Date>) -> String {
    date.map(|d| d.to_string())
        .unwrap_or_else(|| "undated".to_string())
}

fn signed_pct(v: f64) -> String {
    if v >= 0.0 {
        format!("+{}", pct0(v))
    } else {
        format!("−{}", pct0(-v))
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::creator::dossier::{FollowerSnapshot, SnapshotSource};
    use crate::creator::metrics::PostMetrics;
    pub(super) use crate::text::date::day;

    /// A date `n` weeks after 2026-01-05.
    pub(super) fn week(n: i64) -> Date {
        Date::from_day_number(day("2026-01-05").day_number() + 7 * n)
            .unwrap_or_else(|| panic!("week {n}"))
    }

    pub(super) fn history(counts: &[u64]) -> Vec<FollowerSnapshot> {
        counts
            .iter()
            .enumerate()
            .map(|(i, &count)| FollowerSnapshot {
                date: week(i as i64),
                count,
                source: SnapshotSource::Typed,
            })
            .collect()
    }

    pub(super) fn post(date: Option<Date>, views: Option<f64>, likes: f64) -> Post {
        Post {
            date,
            metrics: PostMetrics {
                views,
                likes: Some(likes),
                ..PostMetrics::default()
            },
            ..Post::default()
        }
    }

    pub(super) fn ids(report: &RiskReport) -> Vec<&str> {
        report.warnings.iter().map(|w| w.id.as_str()).collect()
    }

    /// Every warning's evidence as (label, value), in order.
    pub(in crate::risk::rules) fn evidence_pairs(report: &RiskReport) -> Vec<(&str, &str)> {
        report
            .warnings
            .iter()
            .flat_map(|w| &w.evidence)
            .map(|e| (e.label.as_str(), e.value.as_str()))
            .collect()
    }

    pub(super) fn reasons(report: &RiskReport) -> Vec<&str> {
        report
            .not_checked
            .iter()
            .map(|n| n.reason.as_str())
            .collect()
    }

    #[test]
    fn every_history_warning_names_a_known_threshold_and_no_nan() {
        use crate::risk::thresholds::ThresholdInfo;
        let t = Thresholds::default();
        let posts: Vec<Post> = [
            (0.0, 0.0),
            (f64::NAN, 5.0),
            (1e12, 1e12),
            (10.0, f64::INFINITY),
            (100.0, 1.0),
            (5.0, 500.0),
        ]
        .iter()
        .enumerate()
        .map(|(i, &(v, l))| Post {
            sponsored: i % 2 == 0,
            ..post(Some(week(i as i64)), Some(v), l)
        })
        .collect();
        let input = RiskInput {
            followers: Some(0.0),
            posts,
            follower_history: history(&[0, 5, 1_000_000, 3]),
            reported: vec![ReportedFigure {
                kind: ReportedKind::AverageLikes,
                value: "0".into(),
                source: "x".into(),
                date: None,
            }],
            ..RiskInput::default()
        };
        let report = assess(&input, &t);
        for w in &report.warnings {
            let key = w.threshold.clone().unwrap_or_default();
            assert!(ThresholdInfo::find(&key).is_some(), "{}: {key}", w.id);
            let shown = std::iter::once(w.title.as_str())
                .chain(w.evidence.iter().map(|e| e.value.as_str()));
            for text in shown {
                assert!(!text.contains("NaN") && !text.contains("inf"), "{text}");
            }
        }
    }
}
