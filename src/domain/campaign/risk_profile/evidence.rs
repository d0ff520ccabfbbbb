//! A creator's stored evidence in its risk profile: the latest comment sample, caption check and
//! audience, the follower history and the posts, each with its date, age and whether it is stale;
//! how each feeds the rules; and the age each warning resting on it carries.
//!
//! The domain has no clock, so everything here takes `today`.

use serde::{Deserialize, Serialize};

use crate::campaign::record::Campaign;
use crate::creator::dossier::{age_text, is_stale, CaptionCheck, CommentSample};
use crate::creator::record::Creator;
use crate::risk::comments::{summarise_generic, GenericSummary};
use crate::risk::disclosure::{check, Jurisdiction, Verdict};
use crate::risk::rules::{
    sponsored_comparison, Evidence, RiskInput, RiskKind, RiskReport, Severity, SponsoredComparison,
    Warning,
};
use crate::risk::sentiment::SentimentSummary;
use crate::risk::thresholds::Thresholds;
use crate::text::date::Date;
use crate::text::format::{compact, percent, plural};

/// What a piece of stored evidence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EvidenceKind {
    CommentSample,
    CaptionCheck,
    Audience,
    FollowerHistory,
    Posts,
}

impl EvidenceKind {
    /// Stable id ("comment-sample"), for keys and the stale warning's id.
    pub fn id(self) -> &'static str {
        match self {
            EvidenceKind::CommentSample => "comment-sample",
            EvidenceKind::CaptionCheck => "caption-check",
            EvidenceKind::Audience => "audience",
            EvidenceKind::FollowerHistory => "follower-history",
            EvidenceKind::Posts => "posts",
        }
    }

    /// As a heading: "Comment sample".
    pub fn label(self) -> &'static str {
        match self {
            EvidenceKind::CommentSample => "Comment sample",
            EvidenceKind::CaptionCheck => "Caption check",
            EvidenceKind::Audience => "Audience",
            EvidenceKind::FollowerHistory => "Follower history",
            EvidenceKind::Posts => "Posts",
        }
    }

    /// In a sentence: "comment sample".
    pub fn noun(self) -> &'static str {
        match self {
            EvidenceKind::CommentSample => "comment sample",
            EvidenceKind::CaptionCheck => "caption check",
            EvidenceKind::Audience => "audience",
            EvidenceKind::FollowerHistory => "follower history",
            EvidenceKind::Posts => "posts",
        }
    }

    /// The risk it mainly feeds (a comment sample also feeds the generic-comment check).
    pub fn feeds(self) -> RiskKind {
        match self {
            EvidenceKind::CommentSample => RiskKind::HateWatching,
            EvidenceKind::CaptionCheck => RiskKind::Disclosure,
            EvidenceKind::Audience => RiskKind::AudienceFit,
            EvidenceKind::FollowerHistory => RiskKind::BoughtEngagement,
            EvidenceKind::Posts => RiskKind::EngagementAnomaly,
        }
    }

    /// What its date is the date of, at the start of a sentence.
    fn latest_label(self) -> &'static str {
        match self {
            EvidenceKind::CommentSample => "The comment sample",
            EvidenceKind::CaptionCheck => "The caption check",
            EvidenceKind::Audience => "The audience breakdown",
            EvidenceKind::FollowerHistory => "The latest follower count",
            EvidenceKind::Posts => "The latest dated post",
        }
    }

    /// How to bring it up to date.
    fn recheck(self) -> &'static str {
        match self {
            EvidenceKind::CommentSample => "Paste a fresh sample of recent comments under Risks → Comment sentiment and save it to this creator.",
            EvidenceKind::CaptionCheck => "Check the caption of a recent sponsored post under Risks → Ad disclosure and save it to this creator.",
            EvidenceKind::Audience => "Ask the creator for current audience insights and update the audience in the creator's details.",
            EvidenceKind::FollowerHistory => "Check the creator again (or edit the follower count): each new count is added to the history.",
            EvidenceKind::Posts => "Add the creator's recent posts in the creator's details.",
        }
    }

    /// The warnings that rest on this evidence, by id (prefix for the reported-figure family).
    fn backs(self, warning_id: &str) -> bool {
        match self {
            EvidenceKind::CommentSample => {
                matches!(warning_id, "negative-comments" | "generic-comments")
            }
            EvidenceKind::CaptionCheck => warning_id == "disclosure-not-met",
            EvidenceKind::Audience => warning_id == "audience-outside-countries",
            EvidenceKind::FollowerHistory => warning_id.starts_with("follower-"),
            EvidenceKind::Posts => {
                matches!(
                    warning_id,
                    "post-likes-below-usual"
                        | "post-likes-above-usual"
                        | "views-inconsistent"
                        | "engagement-declining"
                        | "sponsored-engagement-drop"
                ) || warning_id.starts_with("reported-")
            }
        }
    }
}

/// One piece of a creator's stored evidence, as the dossier and the vetting record show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceItem {
    pub kind: EvidenceKind,
    /// When it was taken (the latest entry's date); `None` when undated (an audience typed
    /// without a date, posts without dates).
    pub date: Option<Date>,
    /// "34 days old", "today", or "undated".
    pub age: String,
    /// Older than the "evidence is stale after" threshold.
    pub stale: bool,
    /// What it holds, in a line: "40 comments: 14 negative (35%), 22 generic (55%)".
    pub summary: String,
}

impl EvidenceItem {
    /// "comment sample of 2026-11-02, 34 days old" (what a warning resting on it says).
    pub fn dated_noun(&self) -> String {
        match self.date {
            Some(d) => format!("{} of {d}, {}", self.kind.noun(), self.age),
            None => format!("{} (undated)", self.kind.noun()),
        }
    }
}

/// The latest of a dated list: the newest date, and of one day the entry added last.
fn latest<T>(items: &[T], date: impl Fn(&T) -> Date) -> Option<&T> {
    items
        .iter()
        .enumerate()
        .max_by_key(|(i, x)| (date(x), *i))
        .map(|(_, x)| x)
}

fn latest_sample(c: &Creator) -> Option<&CommentSample> {
    latest(&c.comment_samples, |s| s.date)
}

fn latest_caption(c: &Creator) -> Option<&CaptionCheck> {
    latest(&c.caption_checks, |s| s.date)
}

fn share_text(n: usize, total: usize) -> String {
    let share = (total > 0).then(|| n as f64 / total as f64);
    format!("{n} ({})", percent(share, 0))
}

fn item(
    kind: EvidenceKind,
    date: Option<Date>,
    today: Date,
    t: &Thresholds,
    summary: String,
) -> EvidenceItem {
    let stale_after = t.stale_after_days();
    EvidenceItem {
        kind,
        date,
        age: date.map_or_else(|| "undated".to_string(), |d| age_text(d, today)),
        stale: date.is_some_and(|d| is_stale(d, today, stale_after)),
        summary,
    }
}

/// A creator's stored evidence, in `EvidenceKind` order: the latest comment sample, the latest
/// caption check, the audience, the follower history (dated by its latest count) and the posts
/// (dated by the latest dated post), each with its age and whether it is older than the
/// "evidence is stale after" threshold. Evidence the creator does not have is left out.
pub fn evidence_of(creator: &Creator, today: Date, thresholds: &Thresholds) -> Vec<EvidenceItem> {
    let t = thresholds;
    let mut out = Vec::new();
    if let Some(s) = latest_sample(creator) {
        let c = &s.counts;
        let mut parts = Vec::new();
        if c.positive + c.neutral + c.negative > 0 {
            parts.push(format!("{} negative", share_text(c.negative, c.total)));
        }
        parts.push(format!("{} generic", share_text(c.generic, c.total)));
        if let Some(r) = s.dislike_ratio() {
            parts.push(format!(
                "dislikes {} of likes + dislikes",
                percent(Some(r), 1)
            ));
        }
        let summary = format!(
            "{}: {}",
            plural(c.total, "comment", "comments"),
            parts.join(", ")
        );
        out.push(item(
            EvidenceKind::CommentSample,
            Some(s.date),
            today,
            t,
            summary,
        ));
    }
    if let Some(check) = latest_caption(creator) {
        let verdicts: Vec<String> = check
            .verdicts
            .iter()
            .map(|v| {
                // As `CountryVerdict::readable`, the verdict in lower case inside a sentence.
                let verdict = v
                    .verdict()
                    .map_or_else(|| v.verdict.clone(), |x| x.label().to_lowercase());
                format!("{}: {verdict}", v.country_name())
            })
            .collect();
        let summary = if verdicts.is_empty() {
            "no country checked".to_string()
        } else {
            verdicts.join("; ")
        };
        out.push(item(
            EvidenceKind::CaptionCheck,
            Some(check.date),
            today,
            t,
            summary,
        ));
    }
    let a = &creator.audience;
    if !a.is_empty() {
        let mut top: Vec<_> = a.countries.iter().collect();
        top.sort_by(|x, y| y.share.total_cmp(&x.share));
        let countries: Vec<String> = top
            .iter()
            .take(3)
            .map(|s| format!("{} {}", s.name, percent(Some(s.share), 0)))
            .collect();
        let summary = if countries.is_empty() {
            "ages and genders, no countries".to_string()
        } else {
            format!("countries: {}", countries.join(", "))
        };
        out.push(item(EvidenceKind::Audience, a.date, today, t, summary));
    }
    if let Some(last) = creator.follower_history.iter().max_by_key(|s| s.date) {
        let summary = format!(
            "{}, latest {}",
            plural(creator.follower_history.len(), "count", "counts"),
            compact(last.count as f64)
        );
        out.push(item(
            EvidenceKind::FollowerHistory,
            Some(last.date),
            today,
            t,
            summary,
        ));
    }
    if !creator.posts.is_empty() {
        let dated = creator.posts.iter().filter(|p| p.date.is_some()).count();
        let sponsored = creator.posts.iter().filter(|p| p.sponsored).count();
        let summary = format!(
            "{} ({} dated, {} sponsored)",
            plural(creator.posts.len(), "post", "posts"),
            dated,
            sponsored
        );
        let newest = creator.posts.iter().filter_map(|p| p.date).max();
        out.push(item(EvidenceKind::Posts, newest, today, t, summary));
    }
    out
}

/// What feeding the dossier gave the profile besides the rule inputs.
#[derive(Debug, Default)]
pub(super) struct Fed {
    pub items: Vec<EvidenceItem>,
    pub sponsored: Option<SponsoredComparison>,
    /// dislikes ÷ (likes + dislikes) of the likes and dislikes typed with the latest comment
    /// sample, for when the posts give none.
    pub sample_dislike_ratio: Option<f64>,
    /// The dislike ratio the rules got is the sample's, so the "dislikes-high" warning rests on it.
    pub dislikes_from_sample: bool,
}

/// Fills `input` from the creator's stored evidence: the latest comment sample (sentiment from
/// its counts, generic comments checked again on its text, which gives the examples), the latest
/// caption check for `countries` (the campaign's, or the countries it was checked for), the
/// audience's countries against the campaign's, the posts, follower history and reported
/// figures for the history rules, and the sponsored ratio from the posts.
pub(super) fn feed(
    creator: &Creator,
    today: Date,
    campaign: Option<&Campaign>,
    thresholds: &Thresholds,
    input: &mut RiskInput,
) -> Fed {
    if let Some(sample) = latest_sample(creator) {
        input.sentiment = SentimentSummary::from_counts(&sample.counts);
        let fresh = summarise_generic(&sample.text);
        input.generic_comments = if fresh.total > 0 {
            Some(fresh)
        } else {
            GenericSummary::from_counts(&sample.counts)
        };
    }
    if let Some(caption) = latest_caption(creator) {
        let targets: Vec<Jurisdiction> = match campaign.map(Campaign::jurisdictions) {
            Some(j) if !j.is_empty() => j,
            _ => caption
                .verdicts
                .iter()
                .filter_map(|v| Jurisdiction::parse(&v.country))
                .collect(),
        };
        input.disclosure = disclosure_results(caption, &targets);
    }
    if let Some(c) = campaign.filter(|c| !c.countries.is_empty()) {
        input.target_countries = c.jurisdictions();
        input.audience_countries = creator.audience.countries.clone();
    }
    input.posts = creator.posts.to_vec();
    input.follower_history = creator.follower_history.to_vec();
    input.reported = creator.reported.to_vec();
    let sponsored = sponsored_comparison(input, thresholds).ok();
    if let Some(s) = &sponsored {
        input.sponsored_engagement_ratio = Some(s.ratio);
    }
    Fed {
        items: evidence_of(creator, today, thresholds),
        sponsored,
        sample_dislike_ratio: latest_sample(creator).and_then(CommentSample::dislike_ratio),
        dislikes_from_sample: false,
    }
}

/// The stored caption checked again for each target country, so each verdict comes with its
/// explanation. Where the stored verdict differs (the check knew things a caption does not show,
/// such as the platform's paid-partnership label), the stored verdict stands and says so.
fn disclosure_results(
    caption: &CaptionCheck,
    targets: &[Jurisdiction],
) -> Vec<crate::risk::disclosure::JurisdictionResult> {
    // The ticks saved with the check (paid-partnership label, retouched images, virtual persona)
    // go back in, so a country it did not cover is judged with them too.
    let input = caption.disclosure_input();
    targets
        .iter()
        .map(|&j| {
            let mut result = check(&input, j);
            let stored = caption
                .verdicts
                .iter()
                .find(|v| Jurisdiction::parse(&v.country) == Some(j))
                .and_then(|v| Verdict::from_id(&v.verdict));
            if let Some(v) = stored.filter(|v| *v != result.verdict) {
                result.verdict = v;
                result.explanation = format!(
                    "{} (the verdict saved with the caption check of {}; the caption checked again with its saved ticks gives another, so the rules changed since or the stored check was edited).",
                    v.label(),
                    caption.date
                );
            }
            result
        })
        .collect()
}

/// Says on each warning that rests on stored evidence how old that evidence is, adds the
/// sponsored comparison's numbers to the sponsored-drop warning, and adds one note per stale
/// item asking to check it again. Keeps the report's order (most severe first, then by kind).
pub(super) fn annotate(report: &mut RiskReport, fed: &Fed, thresholds: &Thresholds) {
    for w in &mut report.warnings {
        let rests_on = |it: &&EvidenceItem| {
            it.kind.backs(&w.id)
                || (fed.dislikes_from_sample
                    && it.kind == EvidenceKind::CommentSample
                    && w.id == "dislikes-high")
        };
        for it in fed.items.iter().filter(rests_on) {
            w.evidence.push(Evidence {
                label: "Evidence".into(),
                value: it.dated_noun(),
            });
        }
        if w.id == "sponsored-engagement-drop" {
            if let Some(s) = &fed.sponsored {
                w.evidence.extend(s.evidence());
            }
        }
    }
    let days = thresholds.stale_evidence_days;
    for it in fed.items.iter().filter(|it| it.stale) {
        report.warnings.push(Warning {
            id: format!("stale-{}", it.kind.id()),
            kind: it.kind.feeds(),
            severity: Severity::Info,
            title: format!("{} is {}", it.kind.latest_label(), it.age),
            evidence: vec![
                Evidence {
                    label: "Evidence".into(),
                    value: it.dated_noun(),
                },
                Evidence {
                    label: "What it holds".into(),
                    value: it.summary.clone(),
                },
                Evidence {
                    label: "Threshold".into(),
                    value: format!("older than {} days", days),
                },
            ],
            why: "Audiences, comment tone, posting habits and the ways a creator labels ads change; the checks that rest on this evidence describe the creator as they were then.".into(),
            action: it.kind.recheck().into(),
            checklist_item: None,
            threshold: Some("stale_evidence_days".into()),
        });
    }
    report
        .warnings
        .sort_by(|a, b| b.severity.cmp(&a.severity).then(a.kind.cmp(&b.kind)));
}
