//! The rules over a creator's posts: likes per post against the followers of its day, the spread
//! of views, engagement over time, and sponsored against other posts.

use super::*;

pub(super) fn likes_share_rules(ctx: &Context, t: &Thresholds, report: &mut RiskReport) -> bool {
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
        report.warnings.push(
            Warning::new(
                id,
                RiskKind::BoughtEngagement,
                severity(posts.len()),
                format!("{who} far {direction} likes than usual for the followers of the day"),
            )
            .evidence(evidence)
            .why(why)
            .action(action)
            .threshold(key),
        );
    }
    true
}

// ---------------------------------------------------------------------------------------------
// Views per post.

pub(super) fn views_spread_rule(ctx: &Context, t: &Thresholds, report: &mut RiskReport) -> bool {
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
    report.warnings.push(
        Warning::new(
            "views-inconsistent",
            RiskKind::EngagementAnomaly,
            Severity::Info,
            format!("Views per post vary widely: the middle half spans {} of the median", pct0(spread)),
        )
        .evidence(vec![
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
        ])
        .why("When views swing this much, an average is lifted by a few hits and a forecast from it overpromises: the next post may get a fraction of it.")
        .action(format!(
            "Plan reach and price with the median views ({}), not the average ({}); consider paying per view or per result.",
            compact(med),
            compact(mean)
        ))
        .threshold("views_spread_max"),
    );
    true
}

// ---------------------------------------------------------------------------------------------
// Engagement over time.

/// The latest third of dated posts against the earliest third, by the median rate of each.
pub(super) fn decline_rule(ctx: &Context, t: &Thresholds, report: &mut RiskReport) -> bool {
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
    report.warnings.push(
        Warning::new(
            "engagement-declining",
            RiskKind::EngagementAnomaly,
            Severity::Caution,
            format!("Engagement fell to {} of its earlier level", pct0(ratio)),
        )
        .evidence(vec![
            ev(format!("Earliest third ({})", span(first)), format!("{} median rate per post", pct(early))),
            ev(format!("Latest third ({})", span(last)), format!("{} median rate per post", pct(late))),
            ev("Latest against earliest", pct0(ratio)),
            ev(format!("Rate per post ({})", formula.name()), formula.expression()),
            ev("Method", "posts ordered by date; the median rate of the latest third divided by that of the earliest third"),
            ev("Threshold", format!("below {}", pct0(t.engagement_decline_share))),
        ])
        .why("An audience that reacts less and less is moving on, and a sponsored post will meet the same fatigue. Engagement fell across platforms too (by 16% on Instagram and 34% on TikTok for brand accounts in a year, Rival IQ 2025), so only a fall well beyond that is flagged.")
        .action("Look at the latest posts: a change of content or posting habits may explain it. Judge the creator by the latest posts, not the old average, and ask for recent insights.")
        .threshold("engagement_decline_share"),
    );
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

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::creator::dossier::SnapshotSource;

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
}
