//! The rules over a creator's numbers: engagement against the benchmark, likes against followers, credibility, experience and posting cadence.

use crate::creator::platform::Platform;
use crate::text::format::compact;

use super::*;

pub(super) fn engagement_rules(input: &RiskInput, t: &Thresholds, report: &mut RiskReport) {
    let mut below_benchmark: Option<bool> = None;
    match &input.engagement {
        Some(e) if e.rate.is_finite() && e.rate >= 0.0 => match usable(e.benchmark).filter(|b| *b > 0.0) {
            Some(bench) => {
                let ratio = e.rate / bench;
                below_benchmark = Some(ratio < 1.0);
                let evidence = vec![
                    ev(format!("Engagement rate ({})", e.formula), pct(e.rate)),
                    ev(format!("Benchmark, same formula ({})", e.benchmark_source), pct(bench)),
                    ev("Compared with the benchmark", times(ratio)),
                ];
                if ratio > t.engagement_high_multiple {
                    report.warnings.push(
                        Warning::new(
                            "engagement-far-above-benchmark",
                            RiskKind::EngagementAnomaly,
                            Severity::High,
                            format!("Engagement is {} the benchmark", times(ratio)),
                        )
                        .evidence(evidence)
                        .why(format!(
                            "More than {} the usual engagement of {} is a published red flag for bought likes, comment pods or engagement groups. One viral post can also lift an average.",
                            times(t.engagement_high_multiple),
                            tier_phrase(input)
                        ))
                        .action("Look at recent posts one by one: if a single viral post lifts the average, judge by the median. If every post is this high, read the comments for generic ones and ask the creator for audience and reach screenshots.")
                        .threshold("engagement_high_multiple"),
                    );
                } else if ratio < t.engagement_low_multiple {
                    report.warnings.push(
                        Warning::new(
                            "engagement-far-below-benchmark",
                            RiskKind::EngagementAnomaly,
                            Severity::Caution,
                            format!("Engagement is only {} the benchmark", times(ratio)),
                        )
                        .evidence(evidence)
                        .why(format!(
                            "Far less engagement than usual for {} means many followers never react: ghost followers, bought followers, or an audience that has moved on.",
                            tier_phrase(input)
                        ))
                        .action("Ask for audience insights (active followers, reach per post); compare a few recent posts; pay per result rather than per post if you go ahead.")
                        .threshold("engagement_low_multiple"),
                    );
                }
            }
            None => not_checked(
                report,
                RiskKind::EngagementAnomaly,
                "No published benchmark for this platform, tier and formula, so the rate cannot be compared.",
            ),
        },
        _ => not_checked(
            report,
            RiskKind::EngagementAnomaly,
            "Enter recent post numbers to compare engagement with the benchmark.",
        ),
    }

    if let Some(rate) = usable(input.engagement_by_followers) {
        if rate < t.min_engagement_by_followers {
            // Below 2% is normal for larger Instagram accounts; only a caution when the rate is
            // also below the tier benchmark (or no benchmark says otherwise).
            let severity = if below_benchmark == Some(false) {
                Severity::Info
            } else {
                Severity::Caution
            };
            let mut why = format!(
                "Many brands ask for at least {} engagement by followers; below it a large part of the following may be inactive or fake (ghost followers).",
                pct0(t.min_engagement_by_followers)
            );
            if severity == Severity::Info {
                why.push_str(" Here the rate is still in line with the benchmark for its tier, so this is information rather than a warning sign.");
            }
            report.warnings.push(
                Warning::new(
                    "engagement-below-brand-minimum",
                    RiskKind::EngagementAnomaly,
                    severity,
                    format!("Engagement by followers is {}", pct(rate)),
                )
                .evidence(vec![
                    ev("Engagement by followers ((likes + comments) / followers)", pct(rate)),
                    ev("Brand minimum", pct0(t.min_engagement_by_followers)),
                ])
                .why(why)
                .action("Ask the creator for the share of active followers and the reach of recent posts.")
                .threshold("min_engagement_by_followers"),
            );
        }
    }
}

pub(super) fn likes_rules(input: &RiskInput, t: &Thresholds, report: &mut RiskReport) {
    let (Some(likes), Some(followers)) = (usable(input.average_likes), usable(input.followers))
    else {
        not_checked(
            report,
            RiskKind::BoughtEngagement,
            "Enter followers and average likes to compare likes with the audience size.",
        );
        return;
    };
    if followers <= 0.0 {
        return;
    }
    let share = likes / followers;
    let noun = input
        .platform
        .map(|p| p.audience_noun())
        .unwrap_or("followers");
    if let Some(usual) = usable(input.usual_like_share).filter(|u| *u > 0.0) {
        let ratio = share / usual;
        if ratio < t.likes_low_share_of_usual {
            let source = input
                .usual_like_share_source
                .clone()
                .unwrap_or_else(|| "usual for accounts like this".to_string());
            report.warnings.push(
                Warning::new(
                    "likes-below-usual",
                    RiskKind::BoughtEngagement,
                    Severity::Caution,
                    format!("Only {} of the usual likes for this many {noun}", pct0(ratio)),
                )
                .evidence(vec![
                    ev("Average likes", compact(likes)),
                    ev(format!("{} liking a post", capitalise(noun)), pct(share)),
                    ev(format!("Usual share ({source})"), pct(usual)),
                    ev("Threshold", format!("below {} of the usual share", pct0(t.likes_low_share_of_usual))),
                ])
                .why(format!(
                    "When far fewer {noun} like posts than usual, many of them may be bought or inactive accounts, so the follower count overstates the real audience."
                ))
                .action("Judge the creator by views and likes per post, not by follower count; ask for audience insights.")
                .threshold("likes_low_share_of_usual"),
            );
        }
    }
    if share > t.likes_high_share_of_followers {
        // TikTok and YouTube feeds reach far beyond followers, so more likes than followers is ordinary there.
        let beyond_followers = matches!(input.platform, Some(Platform::TikTok | Platform::YouTube));
        let mut why = "More likes than followers usually means a giveaway, paid boosting, one viral post, or bought likes.".to_string();
        if beyond_followers {
            why.push_str(" On TikTok and YouTube recommendations reach far beyond followers, so this is common and only worth a look.");
        }
        report.warnings.push(
            Warning::new(
                "likes-above-followers",
                RiskKind::BoughtEngagement,
                if beyond_followers {
                    Severity::Info
                } else {
                    Severity::Caution
                },
                format!("Average likes are {} of {noun}", pct0(share)),
            )
            .evidence(vec![
                ev("Average likes", compact(likes)),
                ev(capitalise(noun), compact(followers)),
                ev("Threshold", format!("above {} of {noun}", pct0(t.likes_high_share_of_followers))),
            ])
            .why(why)
            .action("Check whether the posts were giveaways or boosted; ask for reach and audience screenshots.")
            .threshold("likes_high_share_of_followers"),
        );
    }
}

pub(super) fn credibility_rule(input: &RiskInput, t: &Thresholds, report: &mut RiskReport) {
    let Some(cred) = usable(input.follower_credibility).filter(|c| *c <= 1.0) else {
        return;
    };
    if cred >= t.min_follower_credibility {
        return;
    }
    report.warnings.push(
        Warning::new(
            "follower-credibility-low",
            RiskKind::BoughtEngagement,
            Severity::Caution,
            format!("Follower credibility is {}", pct0(cred)),
        )
        .evidence(vec![
            ev("Follower credibility (from your audit tool)", pct0(cred)),
            ev("Threshold", format!("below {}", pct0(t.min_follower_credibility))),
        ])
        .why("Audit tools estimate the share of real, active followers; Modash flags credibility below 75% and GRIN asks for more than 80% genuine followers.")
        .action("Discount reach by the share of questionable followers when you compare prices, or choose a creator with a cleaner audience.")
        .threshold("min_follower_credibility"),
    );
}

pub(super) fn inexperience_rule(input: &RiskInput, t: &Thresholds, report: &mut RiskReport) {
    let Some(n) = input.sponsored_posts else {
        not_checked(
            report,
            RiskKind::Inexperience,
            "Enter how many sponsored posts the creator has made to check their experience with brands.",
        );
        return;
    };
    if f64::from(n) >= t.min_sponsored_posts {
        return;
    }
    let title = match n {
        0 => "No past sponsored posts".to_string(),
        1 => "Only 1 past sponsored post".to_string(),
        n => format!("Only {n} past sponsored posts"),
    };
    report.warnings.push(
        Warning::new(
            "few-sponsored-posts",
            RiskKind::Inexperience,
            Severity::Caution,
            title,
        )
        .evidence(vec![
            ev("Past sponsored posts", n.to_string()),
            ev(
                "Threshold",
                format!("fewer than {}", format_value(ThresholdUnit::Count, t.min_sponsored_posts)),
            ),
        ])
        .why("Creators new to brand work more often miss briefs, deadlines or disclosure rules. The source article recommends giving inexperienced creators an approval process and a content framework.")
        .action("Before signing, agree an approval step (draft, your review, publish) and a content framework: key messages, dos and don'ts, disclosure wording and dates. Then tick “Approval framework agreed” on the campaign checklist.")
        .checklist_item(APPROVAL_CHECKLIST_ID)
        .threshold("min_sponsored_posts"),
    );
}

pub(super) fn cadence_rule(input: &RiskInput, t: &Thresholds, report: &mut RiskReport) {
    let Some(c) = input.cadence.as_ref() else {
        not_checked(
            report,
            RiskKind::Cadence,
            "Enter how often the creator posts to compare with the benchmark.",
        );
        return;
    };
    let (Some(posts), Some(bench)) = (
        usable(Some(c.posts_per_week)),
        usable(Some(c.benchmark_per_week)).filter(|b| *b > 0.0),
    ) else {
        return;
    };
    let ratio = posts / bench;
    if ratio >= t.cadence_low_multiple {
        return;
    }
    report.warnings.push(
        Warning::new(
            "cadence-far-below",
            RiskKind::Cadence,
            Severity::Caution,
            format!("Posts {} as often as usual", times(ratio)),
        )
        .evidence(vec![
            ev("Posts per week", trim_number(format!("{posts:.1}"))),
            ev(format!("Benchmark ({})", c.benchmark_source), trim_number(format!("{bench:.1}"))),
            ev("Threshold", format!("below {} the benchmark", times(t.cadence_low_multiple))),
        ])
        .why("A creator who posts much less than usual reaches fewer people between sponsored posts, and platforms show infrequent accounts less. It can also mean a pause or lost interest.")
        .action("Ask about their posting plans and put posting dates in the agreement.")
        .threshold("cadence_low_multiple"),
    );
}
