//! The rules over what the user pasted or tagged: comment samples (generic and negative comments, hate-watching), audience fit and ad disclosure.

use crate::risk::audience::audience_fit;
use crate::risk::comments::NORMAL_SHARE_NOTE;
use crate::risk::disclosure::{JurisdictionResult, Verdict, DISCLAIMER};
use crate::risk::sentiment::ENGLISH_ONLY_NOTE;

use super::*;

/// `w` judged on a pasted sample of `total` comments: a sample smaller than the minimum cannot
/// carry more than information, and the warning's why says so.
fn on_sample(mut w: Warning, total: usize, t: &Thresholds) -> Warning {
    if (total as f64) < t.min_comment_sample {
        w.severity = Severity::Info;
        w.why.push_str(&format!(
            " Only {total} comments were pasted; with fewer than {} this is a hint, not a finding. Paste more to be sure.",
            format_value(ThresholdUnit::Count, t.min_comment_sample)
        ));
    }
    w
}

/// "12 of 20 (60%)": `n` comments of a sample of `total`, `share` of it.
fn part_of(n: usize, total: usize, share: f64) -> String {
    format!("{n} of {total} ({})", pct0(share))
}

pub(super) fn generic_comment_rule(input: &RiskInput, t: &Thresholds, report: &mut RiskReport) {
    let Some(summary) = input.generic_comments.as_ref().filter(|s| s.total > 0) else {
        not_checked(
            report,
            RiskKind::BoughtEngagement,
            "Paste a sample of comments (one per line) to check for generic and emoji-only comments.",
        );
        return;
    };
    let Some(share) = summary.share() else {
        return;
    };
    if share < t.generic_comment_share {
        return;
    }
    let examples: Vec<String> = summary
        .examples
        .iter()
        .map(|e| format!("“{}”", e.text))
        .collect();
    let mut evidence = vec![
        ev(
            "Generic comments",
            part_of(summary.generic, summary.total, share),
        ),
        ev(
            "By kind",
            format!(
                "{} emoji only, {} one word, {} stock praise, {} spam",
                summary.emoji_only, summary.one_word, summary.stock_praise, summary.self_promotion
            ),
        ),
        ev("Normal", "1 to 3 of 20"),
    ];
    if !examples.is_empty() {
        evidence.push(ev("Examples", examples.join(", ")));
    }
    let why = format!(
        "{} generic comments or more is a published sign of bought engagement or comment pods. {NORMAL_SHARE_NOTE}",
        pct0(t.generic_comment_share)
    );
    let warning = Warning::new(
        "generic-comments",
        RiskKind::BoughtEngagement,
        Severity::High,
        format!("{} of comments are generic", pct0(share)),
    )
    .evidence(evidence)
    .why(why)
    .action("Read comments on several posts: real fans mention the content. Ask for audience insights or run an audit tool before paying.")
    .threshold("generic_comment_share");
    report.warnings.push(on_sample(warning, summary.total, t));
}

pub(super) fn hate_watching_rules(input: &RiskInput, t: &Thresholds, report: &mut RiskReport) {
    let mut checked = false;
    if let Some(s) = input.sentiment.as_ref().filter(|s| s.total > 0) {
        checked = true;
        if let Some(share) = s.negative_share() {
            let base = if share >= t.negative_comment_share_high {
                Some(Severity::High)
            } else if share >= t.negative_comment_share {
                Some(Severity::Caution)
            } else {
                None
            };
            if let Some(base) = base {
                let mut evidence = vec![
                    ev("Negative comments", part_of(s.negative, s.total, share)),
                    ev(
                        "Positive / neutral",
                        format!("{} / {}", s.positive, s.neutral),
                    ),
                ];
                for c in &s.most_negative {
                    evidence.push(ev(
                        format!("Negative comment (score {:.2})", c.compound),
                        format!("“{}”", c.text),
                    ));
                }
                if let Some(u) = s.unrecognised_share().filter(|u| *u > 0.0) {
                    evidence.push(ev(
                        "Comments the word list could not read",
                        format!("{} ({})", s.unrecognised, pct0(u)),
                    ));
                }
                let why = format!(
                    "A following built on negative attention (hate-watching) puts your brand next to mockery and anger. {} or more negative comments is the warning level. {ENGLISH_ONLY_NOTE}",
                    pct0(t.negative_comment_share)
                );
                let warning = Warning::new(
                    "negative-comments",
                    RiskKind::HateWatching,
                    base,
                    format!("{} of comments are negative", pct0(share)),
                )
                .evidence(evidence)
                .why(why)
                .action("Read the most negative comments: if the anger is aimed at the creator (not at a topic they cover), pick another creator or ask how they would handle it under a sponsored post.")
                .threshold(if base == Severity::High {
                    "negative_comment_share_high"
                } else {
                    "negative_comment_share"
                });
                report.warnings.push(on_sample(warning, s.total, t));
            }
        }
    }
    if let Some(ratio) = usable(input.dislike_ratio).filter(|r| *r <= 1.0) {
        checked = true;
        if ratio >= t.dislike_ratio {
            report.warnings.push(
                Warning::new(
                    "dislikes-high",
                    RiskKind::HateWatching,
                    Severity::Caution,
                    format!("{} of reactions are dislikes", pct0(ratio)),
                )
                .evidence(vec![
                    ev("Dislikes / (likes + dislikes)", pct(ratio)),
                    ev("Threshold", pct0(t.dislike_ratio)),
                ])
                .why("Many dislikes next to many views can mean people watch to hate the content. YouTube hid public dislike counts in December 2021, so this number is only known from the creator's own analytics.")
                .action("Ask the creator for dislike and retention numbers from their analytics, and read the comments.")
                .threshold("dislike_ratio"),
            );
        }
    }
    if let Some(ratio) = usable(input.sponsored_engagement_ratio) {
        checked = true;
        if ratio < t.sponsored_engagement_drop {
            report.warnings.push(
                Warning::new(
                    "sponsored-engagement-drop",
                    RiskKind::HateWatching,
                    Severity::Caution,
                    format!("Sponsored posts get {} of the usual engagement", pct0(ratio)),
                )
                .evidence(vec![
                    ev("Sponsored engagement / usual engagement", pct0(ratio)),
                    ev("Threshold", format!("below {}", pct0(t.sponsored_engagement_drop))),
                ])
                .why("When engagement collapses on ads, the audience is there for the creator, not for recommendations; your post may get the same cold reaction.")
                .action("Look at the comments under past sponsored posts; give the creator freedom to make the product fit their usual content.")
                .threshold("sponsored_engagement_drop"),
            );
        }
    }
    if !checked {
        not_checked(
            report,
            RiskKind::HateWatching,
            "Paste a sample of comments (one per line) or enter a dislike count to check for hate-watching.",
        );
    }
}

pub(super) fn audience_rule(input: &RiskInput, t: &Thresholds, report: &mut RiskReport) {
    let fit = audience_fit(&input.audience_tags, &input.brand_categories);
    let Some(score) = fit.score else {
        not_checked(
            report,
            RiskKind::AudienceFit,
            "Enter the audience's interests and the campaign's brand categories to check the fit.",
        );
        return;
    };
    if score >= t.min_audience_overlap {
        return;
    }
    let matching = fit.matching_text();
    let mut evidence = vec![ev(
        "Covered",
        format!("{} ({})", fit.covered_label(), pct0(score)),
    )];
    if !matching.is_empty() {
        evidence.push(ev("Matching", matching.join(", ")));
    }
    evidence.push(ev("Missing", fit.missing.join(", ")));
    if !fit.other_interests.is_empty() {
        evidence.push(ev("The audience is into", fit.other_interests.join(", ")));
    }
    report.warnings.push(
        Warning::new(
            "audience-fit-low",
            RiskKind::AudienceFit,
            if score == 0.0 {
                Severity::High
            } else {
                Severity::Caution
            },
            format!("The audience covers {}", fit.covered_label()),
        )
        .evidence(evidence)
        .why("Reach only pays off when the audience cares about what you sell; creators should fit the brand in content and in values.")
        .action("Ask the creator for audience insights (top interests, age, location), or choose creators whose audience matches the missing categories.")
        .threshold("min_audience_overlap"),
    );
}

pub(super) fn disclosure_rule(input: &RiskInput, report: &mut RiskReport) {
    if input.disclosure.is_empty() {
        not_checked(
            report,
            RiskKind::Disclosure,
            "Paste the caption of a past sponsored post and choose the target countries to check disclosure.",
        );
        return;
    }
    let failing: Vec<&JurisdictionResult> = input
        .disclosure
        .iter()
        .filter(|r| r.verdict != Verdict::Meets)
        .collect();
    if failing.is_empty() {
        return;
    }
    let missing = failing.iter().any(|r| r.verdict == Verdict::Missing);
    let evidence = failing
        .iter()
        .map(|r| {
            ev(
                format!("{} ({})", r.jurisdiction.name(), r.verdict.label()),
                r.explanation.clone(),
            )
        })
        .collect();
    report.warnings.push(
        Warning::new(
            "disclosure-not-met",
            RiskKind::Disclosure,
            if missing { Severity::High } else { Severity::Caution },
            format!(
                "The past sponsored caption falls short in {} of {} target countries",
                failing.len(),
                input.disclosure.len()
            ),
        )
        .evidence(evidence)
        .why(format!(
            "Hidden or unclear ads break consumer-protection rules, and regulators can hold the brand responsible along with the creator. {DISCLAIMER}"
        ))
        .action("Brief the creator on each target country's rules and write the exact label and its place (e.g. “#ad” at the start) into the agreement."),
    );
}
