//! The rules a creator's history makes possible (DOMAIN.md §5, history rules): follower jumps and
//! falls, likes per post against the followers of its day, the spread of views, engagement over
//! time, sponsored against other posts, and figures others reported against the posts.
//!
//! Each rule needs a minimum of data (`min_history_posts`, `min_follower_snapshots`) and says
//! what is missing otherwise. A rule whose list is empty stays silent: the Risks tools have no
//! dossier, and `campaign::risk_profile` says where to add one.

use crate::domain::creator::dossier::{Post, ReportedFigure, ReportedKind};
use crate::domain::creator::series::{followers_over_time, value_nearest, Point};
use crate::domain::engine::engagement::Formula;
use crate::domain::text::date::Date;
use crate::domain::text::format::{compact, plural};
use crate::domain::text::number::parse_amount;

use super::geography::country_rule;
use super::*;

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

// ---------------------------------------------------------------------------------------------
// Followers over time.

/// Growth between two consecutive counts.
struct Step {
    from: Point,
    to: Point,
    /// (to − from) ÷ from × 7 ÷ days: growth per week, linear.
    weekly: f64,
}

fn step_text(s: &Step) -> String {
    format!(
        "{} on {} → {} on {} ({}, {} a week)",
        compact(s.from.value),
        s.from.date,
        compact(s.to.value),
        s.to.date,
        signed_pct(s.to.value / s.from.value - 1.0),
        signed_pct(s.weekly)
    )
}

/// Follower jumps (against an absolute line and the creator's usual growth) and falls. Returns
/// whether the rule could look.
fn follower_rules(input: &RiskInput, t: &Thresholds, report: &mut RiskReport) -> bool {
    if input.follower_history.is_empty() {
        return false;
    }
    let points = followers_over_time(&input.follower_history);
    let min = count(t.min_follower_snapshots).max(2);
    if points.len() < min {
        not_checked(
            report,
            RiskKind::BoughtEngagement,
            &format!(
                "Follower jumps are looked for in at least {min} follower counts on different dates; the history has {}. Add counts as you check the creator again.",
                plural(points.len(), "date", "dates")
            ),
        );
        return false;
    }
    let steps: Vec<Step> = points
        .windows(2)
        .filter_map(|w| {
            let (from, to) = (*w.first()?, *w.get(1)?);
            let days = from.date.days_until(to.date);
            (days > 0 && from.value > 0.0).then(|| Step {
                from,
                to,
                // Multiplied out before the one division, so that a round growth stays exact.
                weekly: (to.value - from.value) * 7.0 / (from.value * days as f64),
            })
        })
        .collect();

    // The biggest jump, with the usual growth (median of the other steps) it was set against.
    let mut jump: Option<(usize, f64, &'static str)> = None;
    let mut jumps = 0;
    for (i, s) in steps.iter().enumerate() {
        let others: Vec<f64> = steps
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, o)| o.weekly)
            .collect();
        let usual = median(&others).unwrap_or(0.0);
        let absolute = s.weekly > t.follower_spike_weekly;
        let relative = usual > 0.0
            && s.weekly > t.follower_spike_multiple * usual
            && s.weekly >= t.follower_spike_weekly / 4.0;
        if absolute || relative {
            jumps += 1;
            let key = if absolute {
                "follower_spike_weekly"
            } else {
                "follower_spike_multiple"
            };
            if jump.is_none_or(|(k, _, _)| steps.get(k).is_none_or(|b| s.weekly > b.weekly)) {
                jump = Some((i, usual, key));
            }
        }
    }

    // The largest fall from a high point to a later count.
    let mut fall: Option<(usize, usize, f64)> = None;
    let mut peak = 0usize;
    for (j, p) in points.iter().enumerate() {
        let top = points.get(peak).map_or(0.0, |q| q.value);
        if p.value > top {
            peak = j;
            continue;
        }
        if top > 0.0 {
            let share = (top - p.value) / top;
            if fall.is_none_or(|(_, _, f)| share > f) {
                fall = Some((peak, j, share));
            }
        }
    }
    let fall = fall.filter(|(_, _, share)| *share >= t.follower_drop_share);

    let thresholds_text = format!(
        "a jump is growth above {} a week, or above {} the usual growth (and at least {} a week); a fall is {} or more",
        pct0(t.follower_spike_weekly),
        times(t.follower_spike_multiple),
        pct(t.follower_spike_weekly / 4.0),
        pct0(t.follower_drop_share)
    );
    let fall_text = |(top, low, share): (usize, usize, f64)| -> Option<String> {
        let (a, b) = (points.get(top)?, points.get(low)?);
        Some(format!(
            "{} on {} → {} on {} (−{})",
            compact(a.value),
            a.date,
            compact(b.value),
            b.date,
            pct0(share)
        ))
    };
    // A jump that ends at or before the high point the fall starts from.
    let jump_before_fall = match (jump, fall) {
        (Some((i, _, _)), Some((top, _, _))) => i < top,
        _ => false,
    };
    let mut evidence: Vec<Evidence> = Vec::new();
    if let Some((i, usual, _)) = jump {
        if let Some(s) = steps.get(i) {
            evidence.push(ev("Jump", step_text(s)));
            evidence.push(ev(
                "Usual growth (median of the other periods)",
                format!("{} a week", signed_pct(usual)),
            ));
            if jumps > 1 {
                evidence.push(ev(
                    "Jumps in the history",
                    plural(jumps, "period", "periods"),
                ));
            }
        }
    }
    if let Some(text) = fall.and_then(fall_text) {
        evidence.push(ev("Fall", text));
    }
    evidence.push(ev(
        "Follower counts",
        format!(
            "{}, {} to {}",
            points.len(),
            points
                .first()
                .map(|p| p.date.to_string())
                .unwrap_or_default(),
            points
                .last()
                .map(|p| p.date.to_string())
                .unwrap_or_default()
        ),
    ));
    evidence.push(ev("Thresholds", thresholds_text));

    let growth_of = |i: usize| {
        steps
            .get(i)
            .map(|s| signed_pct(s.to.value / s.from.value - 1.0))
            .unwrap_or_default()
    };
    if let (true, Some((i, _, _)), Some((_, _, share))) = (jump_before_fall, jump, fall) {
        report.warnings.push(Warning {
            id: "follower-spike-then-drop".into(),
            kind: RiskKind::BoughtEngagement,
            severity: Severity::High,
            title: format!(
                "Followers jumped {} and then fell {}",
                growth_of(i),
                pct0(share)
            ),
            evidence,
            why: "Bought followers arrive within days and are often removed again when the platform clears out fake accounts, so a jump followed by a fall is the pattern of a bought audience (the “hockey stick” of DOMAIN.md §5). A giveaway can bring followers who leave again too.".into(),
            action: "Ask the creator what happened on those dates (a giveaway, a viral post, press) and compare with their posts of those days. If nothing explains it, ask for audience insights or run an audit tool before paying, and judge reach by views rather than followers.".into(),
            checklist_item: None,
            threshold: Some("follower_drop_share".into()),
        });
    } else if let Some((i, _, key)) = jump {
        report.warnings.push(Warning {
            id: "follower-spike".into(),
            kind: RiskKind::BoughtEngagement,
            severity: Severity::Caution,
            title: format!(
                "Followers jumped {} in {}",
                growth_of(i),
                steps
                    .get(i)
                    .map(|s| plural(
                        s.from.date.days_until(s.to.date).max(0) as usize,
                        "day",
                        "days"
                    ))
                    .unwrap_or_default()
            ),
            evidence,
            why: "A sudden jump in followers, far above the creator's usual growth, is a published sign of bought followers (the “hockey stick” of DOMAIN.md §5); a viral post, press or a giveaway can cause one too.".into(),
            action: "Ask the creator what caused the jump; check whether likes and views per post grew with the followers. If they did not, the new followers may not be real.".into(),
            checklist_item: None,
            threshold: Some(key.into()),
        });
    } else if let Some((_, _, share)) = fall {
        report.warnings.push(Warning {
            id: "follower-drop".into(),
            kind: RiskKind::BoughtEngagement,
            severity: Severity::Info,
            title: format!("Followers fell {}", pct0(share)),
            evidence,
            why: "A fall in followers can be the platform removing fake or inactive accounts, or an audience leaving after a controversy or a change of content.".into(),
            action: "Ask the creator about it and read the comments of those days; compare with the engagement of recent posts.".into(),
            checklist_item: None,
            threshold: Some("follower_drop_share".into()),
        });
    }
    true
}

// ---------------------------------------------------------------------------------------------
// Likes per post against the followers of its day.

fn likes_share_rules(ctx: &Context, t: &Thresholds, report: &mut RiskReport) -> bool {
    if ctx.posts.is_empty() {
        return false;
    }
    // (date, likes, followers, share), in the order the posts were entered.
    let shares: Vec<(Option<Date>, f64, f64, f64)> = ctx
        .posts
        .iter()
        .filter_map(|p| {
            let likes = usable(p.metrics.likes)?;
            let followers = ctx.followers_at(p.date)?;
            Some((p.date, likes, followers, likes / followers))
        })
        .collect();
    if shares.len() < ctx.min_posts {
        not_checked(
            report,
            RiskKind::BoughtEngagement,
            &format!(
                "Likes per post are set against the followers of the post's day with at least {} posts that have likes and a follower count (nearest in the follower history, or the current count); there {}.",
                ctx.min_posts,
                if shares.len() == 1 { "is 1".to_string() } else { format!("are {}", shares.len()) }
            ),
        );
        return false;
    }
    let values: Vec<f64> = shares.iter().map(|s| s.3).collect();
    let Some(usual) = median(&values).filter(|u| *u > 0.0) else {
        return true;
    };
    let describe = |&(date, likes, followers, share): &(Option<Date>, f64, f64, f64)| {
        ev(
            format!("Post of {}", day_text(date)),
            format!(
                "{} likes, {} followers: {} ({} the usual share)",
                compact(likes),
                compact(followers),
                pct(share),
                times(share / usual)
            ),
        )
    };
    let usual_ev = ev(
        "Usual share of followers liking a post",
        format!(
            "{} (median of {})",
            pct(usual),
            plural(shares.len(), "post", "posts")
        ),
    );
    let low: Vec<_> = shares
        .iter()
        .filter(|s| s.3 < t.likes_low_share_of_usual * usual)
        .collect();
    let high: Vec<_> = shares
        .iter()
        .filter(|s| s.3 > t.likes_post_high_multiple * usual)
        .collect();
    let severity = |n: usize| {
        if n >= 2 {
            Severity::Caution
        } else {
            Severity::Info
        }
    };
    // (posts, id, more or fewer, threshold line, why, action, threshold key)
    let sides = [
        (
            low,
            "post-likes-below-usual",
            "fewer",
            format!("below {} of the usual share", pct0(t.likes_low_share_of_usual)),
            "When far fewer followers like a post than usually do, the follower count may have grown with bought or inactive accounts, or that content did not reach the audience.",
            "Compare the dates with the follower history: a jump before those posts points to bought followers. Judge reach by views and likes per post, not by followers.",
            "likes_low_share_of_usual",
        ),
        (
            high,
            "post-likes-above-usual",
            "more",
            format!("above {} the usual share", times(t.likes_post_high_multiple)),
            "A post liked by many times the usual share of followers was a giveaway, paid boosting, a viral hit or bought likes; averages that include it overstate the creator's usual reach.",
            "Look at those posts: a giveaway or a boost explains it; otherwise read their comments for generic ones. Forecast from the median post, not the average.",
            "likes_post_high_multiple",
        ),
    ];
    for (posts, id, direction, line, why, action, key) in sides {
        if posts.is_empty() {
            continue;
        }
        let mut evidence = vec![usual_ev.clone()];
        evidence.extend(posts.iter().take(3).map(|s| describe(s)));
        evidence.push(ev("Threshold", line));
        let who = if posts.len() == 1 {
            "1 post got".to_string()
        } else {
            format!("{} posts got", posts.len())
        };
        report.warnings.push(Warning {
            id: id.into(),
            kind: RiskKind::BoughtEngagement,
            severity: severity(posts.len()),
            title: format!("{who} far {direction} likes than usual for the followers of the day"),
            evidence,
            why: why.into(),
            action: action.into(),
            checklist_item: None,
            threshold: Some(key.into()),
        });
    }
    true
}

// ---------------------------------------------------------------------------------------------
// Views per post.

fn views_spread_rule(ctx: &Context, t: &Thresholds, report: &mut RiskReport) -> bool {
    if ctx.posts.is_empty() {
        return false;
    }
    let mut views: Vec<f64> = ctx
        .posts
        .iter()
        .filter_map(|p| usable(p.metrics.views))
        .collect();
    if views.len() < ctx.min_posts {
        not_checked(
            report,
            RiskKind::EngagementAnomaly,
            &format!(
                "The spread of views is judged over at least {} posts with views; {} have views.",
                ctx.min_posts,
                plural(views.len(), "post", "posts")
            ),
        );
        return false;
    }
    views.sort_by(f64::total_cmp);
    let (Some(q1), Some(med), Some(q3)) = (
        quantile(&views, 0.25),
        quantile(&views, 0.5),
        quantile(&views, 0.75),
    ) else {
        return false;
    };
    if med <= 0.0 {
        return true;
    }
    let spread = (q3 - q1) / med;
    if spread <= t.views_spread_max {
        return true;
    }
    let mean = views.iter().sum::<f64>() / views.len() as f64;
    report.warnings.push(Warning {
        id: "views-inconsistent".into(),
        kind: RiskKind::EngagementAnomaly,
        severity: Severity::Info,
        title: format!("Views per post vary widely: the middle half spans {} of the median", pct0(spread)),
        evidence: vec![
            ev("Median views", compact(med)),
            ev("Middle half of posts (quartiles)", format!("{} to {}", compact(q1), compact(q3))),
            ev("Spread ((upper quartile − lower quartile) ÷ median)", pct0(spread)),
            ev("Average views", compact(mean)),
            ev(
                "Posts",
                format!(
                    "{}, from {} to {} views",
                    views.len(),
                    compact(views.first().copied().unwrap_or(0.0)),
                    compact(views.last().copied().unwrap_or(0.0))
                ),
            ),
            ev("Threshold", format!("above {}", pct0(t.views_spread_max))),
        ],
        why: "When views swing this much, an average is lifted by a few hits and a forecast from it overpromises: the next post may get a fraction of it.".into(),
        action: format!(
            "Plan reach and price with the median views ({}), not the average ({}); consider paying per view or per result.",
            compact(med),
            compact(mean)
        ),
        checklist_item: None,
        threshold: Some("views_spread_max".into()),
    });
    true
}

// ---------------------------------------------------------------------------------------------
// Engagement over time.

/// The latest third of dated posts against the earliest third, by the median rate of each.
fn decline_rule(ctx: &Context, t: &Thresholds, report: &mut RiskReport) -> bool {
    if ctx.posts.is_empty() {
        return false;
    }
    let (formula, rated) = ctx.rated();
    let mut dated: Vec<(Date, f64)> = rated
        .iter()
        .filter_map(|r| Some((r.date?, r.rate)))
        .collect();
    let min = ctx.min_posts.max(3 * MIN_EACH_SIDE);
    if dated.len() < min {
        not_checked(
            report,
            RiskKind::EngagementAnomaly,
            &format!(
                "Engagement over time is judged over at least {min} dated posts with likes and views (or a follower count); {} have them. Add the posts' dates.",
                plural(dated.len(), "post", "posts")
            ),
        );
        return false;
    }
    dated.sort_by_key(|d| d.0);
    let k = dated.len() / 3;
    let (first, last) = (
        dated.get(..k).unwrap_or_default(),
        dated.get(dated.len() - k..).unwrap_or_default(),
    );
    let rates = |part: &[(Date, f64)]| part.iter().map(|d| d.1).collect::<Vec<f64>>();
    let (Some(early), Some(late)) = (median(&rates(first)), median(&rates(last))) else {
        return false;
    };
    if early <= 0.0 {
        return true;
    }
    let ratio = late / early;
    if ratio >= t.engagement_decline_share {
        return true;
    }
    let span = |part: &[(Date, f64)]| {
        format!(
            "{}, {} to {}",
            plural(part.len(), "post", "posts"),
            part.first().map(|d| d.0.to_string()).unwrap_or_default(),
            part.last().map(|d| d.0.to_string()).unwrap_or_default()
        )
    };
    report.warnings.push(Warning {
        id: "engagement-declining".into(),
        kind: RiskKind::EngagementAnomaly,
        severity: Severity::Caution,
        title: format!("Engagement fell to {} of its earlier level", pct0(ratio)),
        evidence: vec![
            ev(format!("Earliest third ({})", span(first)), format!("{} median rate per post", pct(early))),
            ev(format!("Latest third ({})", span(last)), format!("{} median rate per post", pct(late))),
            ev("Latest against earliest", pct0(ratio)),
            ev(format!("Rate per post ({})", formula.name()), formula.expression()),
            ev("Method", "posts ordered by date; the median rate of the latest third divided by that of the earliest third"),
            ev("Threshold", format!("below {}", pct0(t.engagement_decline_share))),
        ],
        why: "An audience that reacts less and less is moving on, and a sponsored post will meet the same fatigue. Engagement fell across platforms too (by 16% on Instagram and 34% on TikTok for brand accounts in a year, Rival IQ 2025), so only a fall well beyond that is flagged.".into(),
        action: "Look at the latest posts: a change of content or posting habits may explain it. Judge the creator by the latest posts, not the old average, and ask for recent insights.".into(),
        checklist_item: None,
        threshold: Some("engagement_decline_share".into()),
    });
    true
}

// ---------------------------------------------------------------------------------------------
// Sponsored against other posts.

/// Sponsored posts' engagement against the creator's other posts (Modash calls it “paid post
/// performance”), by the median rate per post of each group.
#[derive(Debug, Clone, PartialEq)]
pub struct SponsoredComparison {
    /// The rate per post (by views, TikTok style, or by followers).
    pub formula: Formula,
    pub sponsored_posts: usize,
    pub other_posts: usize,
    pub sponsored_median: f64,
    pub other_median: f64,
    /// `sponsored_median ÷ other_median`: what `RiskInput::sponsored_engagement_ratio` takes.
    pub ratio: f64,
}

impl SponsoredComparison {
    /// What the ratio rests on, for the warning it feeds.
    pub fn evidence(&self) -> Vec<Evidence> {
        vec![
            ev(
                format!("Sponsored posts ({})", self.sponsored_posts),
                format!("{} median rate per post", pct(self.sponsored_median)),
            ),
            ev(
                format!("Other posts ({})", self.other_posts),
                format!("{} median rate per post", pct(self.other_median)),
            ),
            ev(
                format!("Rate per post ({})", self.formula.name()),
                self.formula.expression(),
            ),
        ]
    }
}

/// Sponsored against other posts, from the posts marked sponsored; why not when the posts do not
/// allow it (fewer than `min_history_posts` with a rate, or fewer than two on a side).
pub fn sponsored_comparison(
    input: &RiskInput,
    t: &Thresholds,
) -> Result<SponsoredComparison, String> {
    let ctx = Context::new(input, t);
    let (formula, rated) = ctx.rated();
    let side = |sponsored: bool| -> Vec<f64> {
        rated
            .iter()
            .filter(|r| r.sponsored == sponsored)
            .map(|r| r.rate)
            .collect()
    };
    let (paid, other) = (side(true), side(false));
    if rated.len() < ctx.min_posts || paid.len() < MIN_EACH_SIDE || other.len() < MIN_EACH_SIDE {
        return Err(format!(
            "Sponsored posts are compared with the others over at least {} posts with likes and views (or a follower count), {MIN_EACH_SIDE} or more of each kind; there are {} sponsored and {} other. Mark the sponsored posts among the creator's posts.",
            ctx.min_posts,
            paid.len(),
            other.len()
        ));
    }
    let (Some(sponsored_median), Some(other_median)) = (median(&paid), median(&other)) else {
        return Err("The posts' rates could not be compared.".to_string());
    };
    if other_median <= 0.0 {
        return Err(
            "The creator's other posts have no engagement, so sponsored posts cannot be set against them."
                .to_string(),
        );
    }
    Ok(SponsoredComparison {
        formula,
        sponsored_posts: paid.len(),
        other_posts: other.len(),
        sponsored_median,
        other_median,
        ratio: sponsored_median / other_median,
    })
}

// ---------------------------------------------------------------------------------------------
// Figures others reported.

/// A reported value read as a number, and how it was read (for the evidence).
fn read_reported(kind: ReportedKind, text: &str) -> Option<(f64, Option<&'static str>)> {
    let trimmed = text.trim();
    match kind {
        ReportedKind::EngagementRate => {
            if let Some(bare) = trimmed.strip_suffix('%') {
                return decimal(bare).map(|v| (v / 100.0, None));
            }
            // Without "%": files write a rate either as a percentage ("3.1") or as a fraction
            // (Modash's API: 0.031); above 1 it can only be a percentage.
            let v = decimal(trimmed)?;
            Some(if v > 1.0 {
                (v / 100.0, Some("read as a percentage"))
            } else {
                (v, Some("read as a fraction"))
            })
        }
        ReportedKind::AverageViews | ReportedKind::AverageLikes | ReportedKind::AverageComments => {
            parse_amount(trimmed).ok().map(|v| (v, None))
        }
        _ => None,
    }
}

/// A rate as files write it: digits with one decimal point or comma ("3.1", "0,031"). Not
/// `parse_amount`, which reads "0.031" as thirty-one with a thousands separator; never "NaN".
fn decimal(text: &str) -> Option<f64> {
    let t = text.trim().replace(',', ".");
    let ok = !t.is_empty()
        && t.chars().all(|c| c.is_ascii_digit() || c == '.')
        && t.matches('.').count() <= 1
        && t.chars().any(|c| c.is_ascii_digit());
    ok.then(|| t.parse::<f64>().ok()).flatten()
}

fn mean_of(ctx: &Context, get: impl Fn(&Post) -> Option<f64>) -> (usize, Option<f64>) {
    let values: Vec<f64> = ctx.posts.iter().filter_map(|p| usable(get(p))).collect();
    let n = values.len();
    (n, (n > 0).then(|| values.iter().sum::<f64>() / n as f64))
}

/// What the posts give for a reported kind: (value shown, value, posts counted, formula text).
fn computed(ctx: &Context, kind: ReportedKind) -> Option<(usize, Option<f64>, String)> {
    Some(match kind {
        ReportedKind::EngagementRate => {
            let rates = ctx.rates(Formula::Followers);
            let n = rates.len();
            let mean = (n > 0).then(|| rates.iter().map(|r| r.rate).sum::<f64>() / n as f64);
            (
                n,
                mean,
                format!(
                    "{}, averaged over posts, with the follower count nearest each post's date (the formula of the Modash and HypeAuditor exports)",
                    Formula::Followers.expression()
                ),
            )
        }
        ReportedKind::AverageViews => {
            let (n, m) = mean_of(ctx, |p| p.metrics.views);
            (n, m, "mean views per post".to_string())
        }
        ReportedKind::AverageLikes => {
            let (n, m) = mean_of(ctx, |p| p.metrics.likes);
            (n, m, "mean likes per post".to_string())
        }
        ReportedKind::AverageComments => {
            let (n, m) = mean_of(ctx, |p| p.metrics.comments);
            (n, m, "mean comments per post".to_string())
        }
        _ => return None,
    })
}

fn show(kind: ReportedKind, v: f64) -> String {
    match kind {
        ReportedKind::EngagementRate => pct(v),
        _ => compact(v),
    }
}

fn reported_rules(ctx: &Context, t: &Thresholds, report: &mut RiskReport) -> bool {
    let mut ran = false;
    for figure in ctx.reported {
        let Some((n, value, formula)) = computed(ctx, figure.kind) else {
            continue;
        };
        let label = figure.kind.label().to_lowercase();
        let Some((reported, reading)) = read_reported(figure.kind, &figure.value) else {
            not_checked(
                report,
                RiskKind::EngagementAnomaly,
                &format!(
                    "The reported {label} “{}” ({}) is not a number the app can read.",
                    figure.value, figure.source
                ),
            );
            continue;
        };
        if n < ctx.min_posts {
            not_checked(
                report,
                RiskKind::EngagementAnomaly,
                &format!(
                    "The reported {label} ({}, {}) is set against at least {} posts that have the numbers; {} have them.",
                    figure.value,
                    figure.source,
                    ctx.min_posts,
                    plural(n, "post", "posts")
                ),
            );
            continue;
        }
        ran = true;
        let Some(ours) = value.filter(|v| *v > 0.0) else {
            continue;
        };
        if reported <= 0.0 {
            continue;
        }
        let ratio = reported / ours;
        let gap = ratio.max(1.0 / ratio);
        if gap <= t.reported_figure_multiple {
            continue;
        }
        let higher = ratio > 1.0;
        let mut shown = figure.value.trim().to_string();
        if let Some(how) = reading {
            shown.push_str(&format!(" ({how}: {})", show(figure.kind, reported)));
        }
        let dated = figure.date.map(|d| format!(", {d}")).unwrap_or_default();
        report.warnings.push(Warning {
            id: format!("reported-{}-differs", figure.kind.id()),
            kind: RiskKind::EngagementAnomaly,
            severity: if higher { Severity::Caution } else { Severity::Info },
            title: format!(
                "The reported {label} ({}) is {} {} what the posts give ({})",
                show(figure.kind, reported),
                times(gap),
                if higher { "higher than" } else { "lower than" },
                show(figure.kind, ours)
            ),
            evidence: vec![
                ev(format!("Reported ({}{dated})", figure.source), shown),
                ev(format!("From the creator's posts ({})", plural(n, "post", "posts")), show(figure.kind, ours)),
                ev("Computed as", formula),
                ev("Threshold", format!("more than {} apart", times(t.reported_figure_multiple))),
            ],
            why: if higher {
                "A figure from a file or a vendor that is well above what the posts show may be old, counted over other posts or by another formula, or inflated; a choice made on it overrates the creator.".to_string()
            } else {
                "A figure from a file or a vendor well below what the posts show may be old or counted over other posts: the creator may be doing better now.".to_string()
            },
            action: "Trust the figure you can trace to posts; ask where the reported one comes from (which posts, which period, which formula) before quoting it.".into(),
            checklist_item: None,
            threshold: Some("reported_figure_multiple".into()),
        });
    }
    ran
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::domain::creator::dossier::{FollowerSnapshot, SnapshotSource};
    use crate::domain::creator::metrics::PostMetrics;

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    /// A date `n` weeks after 2026-01-05.
    fn week(n: i64) -> Date {
        Date::from_day_number(day("2026-01-05").day_number() + 7 * n)
            .unwrap_or_else(|| panic!("week {n}"))
    }

    fn history(counts: &[u64]) -> Vec<FollowerSnapshot> {
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

    fn post(date: Option<Date>, views: Option<f64>, likes: f64) -> Post {
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

    fn ids(report: &RiskReport) -> Vec<&str> {
        report.warnings.iter().map(|w| w.id.as_str()).collect()
    }

    /// Every warning's evidence as (label, value), in order.
    pub(in crate::domain::risk::rules) fn evidence_pairs(report: &RiskReport) -> Vec<(&str, &str)> {
        report
            .warnings
            .iter()
            .flat_map(|w| &w.evidence)
            .map(|e| (e.label.as_str(), e.value.as_str()))
            .collect()
    }

    fn reasons(report: &RiskReport) -> Vec<&str> {
        report
            .not_checked
            .iter()
            .map(|n| n.reason.as_str())
            .collect()
    }

    #[test]
    fn follower_jumps_and_falls() {
        let t = Thresholds::default();
        // (weekly counts, expected warning, the threshold it names)
        type Case<'a> = (&'a [u64], Option<(&'a str, Severity, &'a str)>);
        let cases: &[Case] = &[
            // 3% a week, then exactly 10%: not more than 10%, and under 5× the usual 3%.
            (&[10_000, 10_300, 11_330], None),
            (
                &[10_000, 10_300, 11_340],
                Some(("follower-spike", Severity::Caution, "follower_spike_weekly")),
            ),
            // 1% usual, then 6%: more than 5× the usual and at least 2.5% a week.
            (
                &[10_000, 10_100, 10_706],
                Some((
                    "follower-spike",
                    Severity::Caution,
                    "follower_spike_multiple",
                )),
            ),
            // 0.2% usual, then 1.2%: 6× the usual but below a quarter of 10% a week.
            (&[10_000, 10_020, 10_140], None),
            (
                &[10_000, 10_300, 12_000, 11_000],
                Some((
                    "follower-spike-then-drop",
                    Severity::High,
                    "follower_drop_share",
                )),
            ),
            // A fall of 4.2% after the jump is under 5%: the jump alone.
            (
                &[10_000, 10_300, 12_000, 11_500],
                Some(("follower-spike", Severity::Caution, "follower_spike_weekly")),
            ),
            // Exactly 5% down, no jump before.
            (
                &[10_000, 10_000, 9_500],
                Some(("follower-drop", Severity::Info, "follower_drop_share")),
            ),
            (&[10_000, 10_000, 9_501], None),
        ];
        for (counts, want) in cases {
            let input = RiskInput {
                follower_history: history(counts),
                ..RiskInput::default()
            };
            let out = assess_dossier(&input, &t);
            let got = out.report.warnings.first().map(|w| {
                (
                    w.id.as_str(),
                    w.severity,
                    w.threshold.as_deref().unwrap_or(""),
                )
            });
            assert_eq!(got, *want, "{counts:?}");
            assert!(out.report.warnings.len() <= 1, "{counts:?}");
            assert_eq!(out.checked, [RiskKind::BoughtEngagement], "{counts:?}");
        }
        let input = RiskInput {
            follower_history: history(&[10_000, 10_300, 12_000, 11_000]),
            ..RiskInput::default()
        };
        let report = assess_dossier(&input, &t).report;
        let evidence = evidence_pairs(&report);
        assert_eq!(
            evidence.get(..3),
            Some(
                &[
                    (
                        "Jump",
                        "10.3K on 2026-01-12 → 12K on 2026-01-19 (+17%, +17% a week)"
                    ),
                    ("Usual growth (median of the other periods)", "−3% a week"),
                    ("Fall", "12K on 2026-01-19 → 11K on 2026-01-26 (−8%)"),
                ][..]
            )
        );
        assert_eq!(
            report.warnings.first().map(|w| w.title.as_str()),
            Some("Followers jumped +17% and then fell 8%")
        );
    }

    #[test]
    fn follower_history_too_short() {
        let t = Thresholds::default();
        // Two counts, and a second count on the same day that does not add a date.
        let mut short = history(&[10_000, 20_000]);
        short.push(FollowerSnapshot {
            date: week(1),
            count: 21_000,
            source: SnapshotSource::Edit,
        });
        let input = RiskInput {
            follower_history: short,
            ..RiskInput::default()
        };
        let out = assess_dossier(&input, &t);
        assert!(out.report.warnings.is_empty());
        assert_eq!(
            reasons(&out.report),
            ["Follower jumps are looked for in at least 3 follower counts on different dates; the history has 2 dates. Add counts as you check the creator again."]
        );
        assert!(out.checked.is_empty());
        // Nothing given: nothing said (the Risks tools have no dossier).
        let empty = assess_dossier(&RiskInput::default(), &t);
        assert_eq!(empty, DossierReport::default());
    }

    #[test]
    fn likes_per_post_against_the_followers_of_the_day() {
        // Exact arithmetic: 1,024 followers, a usual share of 25%, lines at 0.5× and 2×.
        let mut t = Thresholds::default();
        assert_eq!(t.set("likes_low_share_of_usual", 0.5), Ok(()));
        assert_eq!(t.set("likes_post_high_multiple", 2.0), Ok(()));
        // (likes of the last posts, expected ids, severity of the first)
        type Case<'a> = (&'a [f64], &'a [&'a str], Option<Severity>);
        let cases: &[Case] = &[
            (&[128.0, 512.0], &[], None), // exactly on both lines
            (
                &[127.0, 512.0],
                &["post-likes-below-usual"],
                Some(Severity::Info),
            ),
            (
                &[127.0, 100.0],
                &["post-likes-below-usual"],
                Some(Severity::Caution),
            ),
            (
                &[256.0, 513.0],
                &["post-likes-above-usual"],
                Some(Severity::Info),
            ),
        ];
        for (last, want, severity) in cases {
            let mut posts: Vec<Post> = (0..5).map(|_| post(None, None, 256.0)).collect();
            posts.extend(last.iter().map(|&l| post(None, None, l)));
            let input = RiskInput {
                followers: Some(1_024.0),
                posts,
                ..RiskInput::default()
            };
            let report = assess_dossier(&input, &t).report;
            let got: Vec<&str> = ids(&report)
                .into_iter()
                .filter(|id| id.starts_with("post-likes"))
                .collect();
            assert_eq!(&got, want, "{last:?}");
            assert_eq!(report.warnings.first().map(|w| w.severity), *severity);
        }
        // The follower count nearest each post's date: 5 posts in January at 10,000 followers,
        // one in March at 50,000 with the same likes is far below the usual share.
        let t = Thresholds::default();
        let mut posts: Vec<Post> = (0..5).map(|i| post(Some(week(i)), None, 300.0)).collect();
        posts.push(post(Some(week(10)), None, 300.0));
        let mut follower_history = history(&[10_000]);
        follower_history.push(FollowerSnapshot {
            date: week(10),
            count: 50_000,
            source: SnapshotSource::Check,
        });
        let input = RiskInput {
            posts,
            follower_history,
            ..RiskInput::default()
        };
        let report = assess_dossier(&input, &t).report;
        let w = report.by_id("post-likes-below-usual");
        let shown: Vec<&str> = w
            .map(|w| w.evidence.iter().map(|e| e.value.as_str()).collect())
            .unwrap_or_default();
        assert_eq!(
            shown,
            [
                "3.0% (median of 6 posts)",
                "300 likes, 50K followers: 0.6% (0.2× the usual share)",
                "below 40% of the usual share"
            ]
        );
        // Too few posts with likes and a follower count.
        let input = RiskInput {
            posts: (0..5).map(|_| post(None, None, 300.0)).collect(),
            followers: Some(10_000.0),
            ..RiskInput::default()
        };
        let report = assess_dossier(&input, &t).report;
        assert!(reasons(&report).iter().any(|r| r
            .contains("at least 6 posts that have likes and a follower count")
            && r.contains("there are 5")));
    }

    #[test]
    fn spread_of_views() {
        let t = Thresholds::default();
        // (views, flagged); quartiles interpolate: with 6 posts, q1 is at rank 1.25, q3 at 3.75.
        let cases: &[(&[f64], bool)] = &[
            (&[1_000.0; 6], false),
            (&[100.0, 500.0, 500.0, 1_500.0, 1_500.0, 9_000.0], false), // spread exactly 100%
            (&[100.0, 499.0, 499.0, 1_501.0, 1_501.0, 9_000.0], true),
            (&[100.0, 500.0, 1_000.0, 1_000.0, 2_000.0, 5_000.0], true), // 625 to 1,750
        ];
        for (views, flagged) in cases {
            let input = RiskInput {
                posts: views.iter().map(|&v| post(None, Some(v), 10.0)).collect(),
                ..RiskInput::default()
            };
            let out = assess_dossier(&input, &t);
            assert_eq!(
                out.report.by_id("views-inconsistent").is_some(),
                *flagged,
                "{views:?}"
            );
            assert!(out.checked.contains(&RiskKind::EngagementAnomaly));
        }
        let input = RiskInput {
            posts: [100.0, 500.0, 1_000.0, 1_000.0, 2_000.0, 5_000.0]
                .iter()
                .map(|&v| post(None, Some(v), 10.0))
                .collect(),
            ..RiskInput::default()
        };
        let report = assess_dossier(&input, &t).report;
        let w = report.by_id("views-inconsistent");
        assert_eq!(
            w.and_then(|w| w.evidence.get(1)).map(|e| e.value.as_str()),
            Some("625 to 1.8K")
        );
        assert_eq!(
            w.map(|w| w.severity),
            Some(Severity::Info),
            "information: forecast with the median"
        );
        assert!(w.is_some_and(|w| w.action.contains("median views (1K)")));
        let few = RiskInput {
            posts: (0..5).map(|_| post(None, Some(100.0), 1.0)).collect(),
            ..RiskInput::default()
        };
        assert!(reasons(&assess_dossier(&few, &t).report)
            .iter()
            .any(|r| r.starts_with("The spread of views is judged over at least 6 posts with views; 5 posts have views.")));
    }

    #[test]
    fn engagement_over_time() {
        let t = Thresholds::default();
        // Likes of six posts a week apart, 1,000 views each (so the rate is likes ÷ 1,000),
        // entered newest first: the rule orders them by date.
        let cases: &[([f64; 6], bool)] = &[
            ([100.0, 100.0, 80.0, 80.0, 50.0, 50.0], false), // exactly half
            ([100.0, 100.0, 80.0, 80.0, 49.0, 49.0], true),
            ([100.0, 100.0, 80.0, 80.0, 120.0, 120.0], false),
        ];
        for (likes, flagged) in cases {
            let posts: Vec<Post> = likes
                .iter()
                .enumerate()
                .rev()
                .map(|(i, &l)| post(Some(week(i as i64)), Some(1_000.0), l))
                .collect();
            let input = RiskInput {
                posts,
                ..RiskInput::default()
            };
            let report = assess_dossier(&input, &t).report;
            let w = report.by_id("engagement-declining");
            assert_eq!(w.is_some(), *flagged, "{likes:?}");
            if let Some(w) = w {
                assert_eq!(w.severity, Severity::Caution);
                assert_eq!(w.title, "Engagement fell to 49% of its earlier level");
                let first = w
                    .evidence
                    .first()
                    .map(|e| (e.label.as_str(), e.value.as_str()));
                assert_eq!(
                    first,
                    Some((
                        "Earliest third (2 posts, 2026-01-05 to 2026-01-12)",
                        "10.0% median rate per post"
                    ))
                );
                assert!(w
                    .evidence
                    .iter()
                    .any(|e| e.value == "(likes + comments + shares + saves) ÷ views"));
            }
        }
        // Undated posts cannot be ordered.
        let input = RiskInput {
            posts: (0..8).map(|_| post(None, Some(1_000.0), 10.0)).collect(),
            ..RiskInput::default()
        };
        assert!(reasons(&assess_dossier(&input, &t).report)
            .iter()
            .any(|r| r.contains("at least 6 dated posts")
                && r.contains("0 posts have them. Add the posts' dates.")));
    }

    #[test]
    fn sponsored_against_other_posts() {
        let t = Thresholds::default();
        let posts = |paid: &[f64], other: &[f64]| -> Vec<Post> {
            let mk = |likes: f64, sponsored: bool| Post {
                sponsored,
                ..post(None, Some(1_000.0), likes)
            };
            paid.iter()
                .map(|&l| mk(l, true))
                .chain(other.iter().map(|&l| mk(l, false)))
                .collect()
        };
        // (sponsored likes, other likes, ratio or the start of the reason)
        type Case<'a> = (&'a [f64], &'a [f64], Result<f64, &'a str>);
        let cases: &[Case] = &[
            (&[20.0, 20.0, 20.0], &[40.0, 40.0, 40.0], Ok(0.5)),
            (&[10.0, 30.0], &[40.0, 40.0, 40.0, 40.0], Ok(0.5)),
            (&[60.0, 60.0, 60.0], &[40.0, 40.0, 40.0], Ok(1.5)),
            (
                &[20.0],
                &[40.0; 5],
                Err("Sponsored posts are compared with the others over at least 6 posts with likes and views (or a follower count), 2 or more of each kind; there are 1 sponsored and 5 other."),
            ),
            (&[20.0, 20.0], &[40.0, 40.0], Err("Sponsored posts are compared")),
            (&[20.0, 20.0], &[0.0; 4], Err("The creator's other posts have no engagement")),
        ];
        for (paid, other, want) in cases {
            let input = RiskInput {
                posts: posts(paid, other),
                ..RiskInput::default()
            };
            match (sponsored_comparison(&input, &t), want) {
                (Ok(c), Ok(ratio)) => {
                    assert!((c.ratio - ratio).abs() < 1e-12, "{paid:?}: {}", c.ratio);
                    assert_eq!(c.formula, Formula::TikTokViews);
                    assert_eq!(
                        (c.sponsored_posts, c.other_posts),
                        (paid.len(), other.len())
                    );
                }
                (Err(reason), Err(start)) => {
                    assert!(reason.starts_with(start), "{reason}");
                    // `assess` lists it as not checked while no ratio was given.
                    let report = assess_dossier(&input, &t).report;
                    assert!(reasons(&report).contains(&reason.as_str()));
                }
                (got, want) => panic!("{paid:?} {other:?}: {got:?}, wanted {want:?}"),
            }
        }
    }

    #[test]
    fn reported_figures_against_the_posts() {
        let t = Thresholds::default();
        // Six posts of 90 likes and 10 comments, 10,000 views, at 10,000 followers: 1% by
        // followers, 10,000 views on average.
        let posts: Vec<Post> = (0..6)
            .map(|_| Post {
                metrics: PostMetrics {
                    views: Some(10_000.0),
                    likes: Some(90.0),
                    comments: Some(10.0),
                    ..PostMetrics::default()
                },
                ..Post::default()
            })
            .collect();
        let figure = |kind: ReportedKind, value: &str| ReportedFigure {
            kind,
            value: value.into(),
            source: "import file “modash.csv”".into(),
            date: Some(day("2026-11-02")),
        };
        // (figure, expected warning id and severity)
        let cases: &[(ReportedFigure, Option<(&str, Severity)>)] = &[
            (
                figure(ReportedKind::EngagementRate, "3.1%"),
                Some(("reported-engagement-rate-differs", Severity::Caution)),
            ),
            (figure(ReportedKind::EngagementRate, "1.4%"), None),
            (
                figure(ReportedKind::EngagementRate, "1.6%"),
                Some(("reported-engagement-rate-differs", Severity::Caution)),
            ),
            (
                figure(ReportedKind::EngagementRate, "0.5%"),
                Some(("reported-engagement-rate-differs", Severity::Info)),
            ),
            (
                figure(ReportedKind::EngagementRate, "0.031"),
                Some(("reported-engagement-rate-differs", Severity::Caution)),
            ),
            (figure(ReportedKind::EngagementRate, "1.2"), None), // 1.2%
            (
                figure(ReportedKind::AverageViews, "42.9k"),
                Some(("reported-average-views-differs", Severity::Caution)),
            ),
            (figure(ReportedKind::AverageLikes, "100"), None),
            (figure(ReportedKind::Following, "9,000"), None),
        ];
        for (f, want) in cases {
            let input = RiskInput {
                followers: Some(10_000.0),
                posts: posts.clone(),
                reported: vec![f.clone()],
                ..RiskInput::default()
            };
            let out = assess_dossier(&input, &t);
            let got = out
                .report
                .warnings
                .iter()
                .find(|w| w.id.starts_with("reported-"))
                .map(|w| (w.id.as_str(), w.severity));
            assert_eq!(got, *want, "{}", f.value);
        }
        let input = RiskInput {
            followers: Some(10_000.0),
            posts: posts.clone(),
            reported: vec![figure(ReportedKind::EngagementRate, "0.031")],
            ..RiskInput::default()
        };
        let report = assess_dossier(&input, &t).report;
        let w = report.by_id("reported-engagement-rate-differs");
        assert_eq!(
            w.map(|w| w.title.as_str()),
            Some("The reported engagement rate (3.1%) is 3.1× higher than what the posts give (1.0%)")
        );
        let evidence: Vec<(&str, &str)> = w
            .map(|w| {
                w.evidence
                    .iter()
                    .map(|e| (e.label.as_str(), e.value.as_str()))
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(
            evidence.get(..2),
            Some(
                &[
                    (
                        "Reported (import file “modash.csv”, 2026-11-02)",
                        "0.031 (read as a fraction: 3.1%)"
                    ),
                    ("From the creator's posts (6 posts)", "1.0%"),
                ][..]
            )
        );
        assert!(evidence
            .iter()
            .any(|(l, v)| *l == "Computed as" && v.starts_with("(likes + comments) ÷ followers")));
        // Unreadable, or too few posts: not checked, with the figure named.
        for (f, n, start) in [
            (figure(ReportedKind::EngagementRate, "high"), 6, "The reported engagement rate “high”"),
            (figure(ReportedKind::AverageViews, "10k"), 3, "The reported average views (10k, import file “modash.csv”) is set against at least 6 posts"),
        ] {
            let input = RiskInput {
                followers: Some(10_000.0),
                posts: posts.get(..n).unwrap_or_default().to_vec(),
                reported: vec![f],
                ..RiskInput::default()
            };
            let report = assess_dossier(&input, &t).report;
            assert!(
                reasons(&report).iter().any(|r| r.starts_with(start)),
                "{:?}",
                reasons(&report)
            );
        }
    }

    #[test]
    fn every_history_warning_names_a_known_threshold_and_no_nan() {
        use crate::domain::risk::thresholds::ThresholdInfo;
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
