//! The vetting record as a typed [`Document`]: for each creator, the numbers they were picked on
//! (with formula and source), the budget decision when a plan is given, notes, the stored
//! evidence the checks used (with its age) and the warnings seen.

use super::brief::quote_lines;
use super::figures::figures;
use super::{Block, Document, Item, Section, Text};
use crate::campaign::budget::Plan;
use crate::campaign::record::Campaign;
use crate::campaign::risk_profile::EvidenceItem;
use crate::creator::record::Creator;
use crate::engine::engagement::Formula;
use crate::risk::rules::Warning;

/// One creator's entry in the vetting record.
#[derive(Debug, Clone, Copy)]
pub struct Vetting<'a> {
    pub creator: &'a Creator,
    /// The risk warnings computed for this creator (`risk::assess(...).warnings`).
    pub warnings: &'a [Warning],
    /// The stored evidence those warnings used (`CreatorRisk::evidence`).
    pub evidence: &'a [EvidenceItem],
}

/// "Comment sample, 2026-11-02 (34 days old, stale: check again): 40 comments: …"; the summary
/// quotes user data (country names), so it is a user span.
fn evidence_line(e: &EvidenceItem) -> Text {
    let mut head = e.kind.label().to_string();
    match e.date {
        Some(d) => head.push_str(&format!(", {d} ({}", e.age)),
        None => head.push_str(" (undated"),
    }
    if e.stale {
        head.push_str(", stale: check again");
    }
    head.push_str("): ");
    Text::own(head).and_user(&e.summary)
}

/// The plan's explanation of why `c` was picked or left out, in Microscope's own words.
fn decision(plan: &Plan, c: &Creator) -> Option<String> {
    plan.picks
        .iter()
        .find(|x| x.candidate.creator_id == c.id)
        .map(|x| x.explanation.clone())
        .or_else(|| {
            plan.left_out
                .iter()
                .find(|x| x.creator_id == c.id)
                .map(|x| x.reason.clone())
        })
}

/// "**Caution: title**. Seen: label: value. Why it matters: … What to do: …"; warning texts can
/// quote user data, so they are user spans.
fn warning(w: &Warning) -> Text {
    let mut t = Text::label(format!("{}: ", w.severity.label()))
        .and_strong_user(&w.title)
        .and(". Seen: ");
    for (n, e) in w.evidence.iter().enumerate() {
        if n > 0 {
            t = t.and("; ");
        }
        t = t.and_user(&e.label).and(": ").and_user(&e.value);
    }
    t.and(". Why it matters: ")
        .and_user(&w.why)
        .and(" What to do: ")
        .and_user(&w.action)
}

fn entry(campaign: &Campaign, v: &Vetting<'_>, formula: Formula, plan: Option<&Plan>) -> Section {
    let c = v.creator;
    let f = figures(c, formula, &campaign.currency);
    let mut items = vec![
        Item::new(
            Text::label("Platform:")
                .and(format!(" {}; ", f.platform))
                .and_strong("followers:")
                .and(format!(" {}; ", f.followers))
                .and_strong("tier:")
                .and(format!(" {}", f.tier)),
        ),
        Item::new(Text::label("Engagement:").and(format!(
            " {} ({}: {}), from {} entered",
            f.rate,
            formula.name(),
            formula.expression(),
            match f.posts {
                1 => "averages".to_string(),
                n => format!("{n} posts"),
            }
        ))),
        Item::new(Text::label("Against the benchmark:").and(format!(" {}", f.benchmark))),
        Item::new(Text::label("Price:").and(format!(" {}", f.price))),
    ];
    if let Some(n) = c.sponsored_posts {
        items.push(Item::new(
            Text::label("Past sponsored posts:").and(format!(" {n}")),
        ));
    }
    if let Some(d) = plan.and_then(|p| decision(p, c)) {
        items.push(Item::new(Text::label("Budget plan:").and(format!(" {d}"))));
    }
    let notes = quote_lines(&c.notes);
    if !notes.is_empty() {
        items.push(Item {
            text: Text::label("Notes:"),
            sub: Vec::new(),
            quote: notes,
        });
    }
    if v.evidence.is_empty() {
        items.push(Item::new(Text::label("Stored evidence:").and(
            " none (no comment sample, caption check, audience, follower history or posts saved for this creator).",
        )));
    } else {
        items.push(Item {
            text: Text::label("Stored evidence used:"),
            sub: v.evidence.iter().map(evidence_line).collect(),
            quote: Vec::new(),
        });
    }
    if v.warnings.is_empty() {
        items.push(Item::new(
            Text::label("Warnings:").and(" none from the checks that ran."),
        ));
    } else {
        items.push(Item {
            text: Text::label(format!("Warnings ({}):", v.warnings.len())),
            sub: v.warnings.iter().map(warning).collect(),
            quote: Vec::new(),
        });
    }
    Section {
        heading: Text::user(&c.name),
        blocks: vec![Block::List(items)],
    }
}

/// The vetting record: the goal, formula and budget it was judged on, then one section per
/// creator.
pub fn vetting_record(
    campaign: &Campaign,
    entries: &[Vetting<'_>],
    formula: Formula,
    plan: Option<&Plan>,
) -> Document {
    Document {
        title: Text::own("Vetting record: ").and_user(&campaign.name),
        intro: vec![
            Block::Paragraph(Text::own(format!(
                "Goal: {}. Engagement rate: “{}”, counted as {}. Budget: {}.",
                campaign.goal.label(),
                formula.name(),
                formula.expression(),
                campaign.budget_label()
            ))),
            Block::Paragraph(Text::own("Benchmarks are published figures; each is cited with its source and year. Warnings are explained heuristics, not verdicts.")),
        ],
        sections: entries
            .iter()
            .map(|v| entry(campaign, v, formula, plan))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::risk_profile::creator_risk;
    use crate::creator::dossier::{CaptionCheck, CommentSample, CountryVerdict, SampleCounts};
    use crate::creator::metrics::PostMetrics;
    use crate::creator::platform::Platform;
    use crate::risk::thresholds::Thresholds;
    use crate::text::date::day;

    #[test]
    fn vetting_record_lists_the_stored_evidence_and_its_age() {
        let mut camp = Campaign::new("k".into(), "Trail", 0.0);
        camp.countries = vec!["us".into()];
        let mut c = Creator::new("a".into(), "Ann", 0.0);
        c.platform = Some(Platform::TikTok);
        c.followers = Some(45_000);
        c.metrics = PostMetrics {
            views: Some(130_000.0),
            likes: Some(10_000.0),
            ..PostMetrics::default()
        };
        let bare = c.clone();
        c.comment_samples.push(CommentSample {
            date: day("2026-11-02"),
            text: "where did you buy the jacket?\n".repeat(30),
            counts: SampleCounts {
                total: 30,
                positive: 30,
                ..SampleCounts::default()
            },
            likes: None,
            dislikes: None,
        });
        c.caption_checks.push(CaptionCheck {
            date: day("2026-05-01"),
            caption: "new shoes #ad".into(),
            post_link: None,
            post_settings: Default::default(),
            verdicts: vec![CountryVerdict {
                country: "us".into(),
                verdict: "meets".into(),
            }],
        });
        let t = Thresholds::default();
        let today = day("2026-12-06");
        let risk = creator_risk(&c, Formula::SourceViews, Some(&camp), &t, today);
        let bare_risk = creator_risk(&bare, Formula::SourceViews, Some(&camp), &t, today);
        let md = vetting_record(
            &camp,
            &[
                Vetting {
                    creator: &c,
                    warnings: &risk.report.warnings,
                    evidence: &risk.evidence,
                },
                Vetting {
                    creator: &bare,
                    warnings: &bare_risk.report.warnings,
                    evidence: &bare_risk.evidence,
                },
            ],
            Formula::SourceViews,
            None,
        )
        .markdown();
        for want in [
            "- **Stored evidence used:**",
            "  - Comment sample, 2026-11-02 (34 days old): 30 comments\\: 0 \\(0\\%\\) negative, 0 \\(0\\%\\) generic",
            "  - Caption check, 2026-05-01 (7 months old, stale: check again): United States\\: meets the rule",
            "- **Warnings (1):**",
            "The caption check is 7 months old",
            "- **Stored evidence:** none (no comment sample, caption check, audience, follower history or posts saved for this creator).",
        ] {
            assert!(md.contains(want), "missing {want:?} in:\n{md}");
        }
    }
}
