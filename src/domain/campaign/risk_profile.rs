//! A creator's risk profile: the risk rules (risk.rs) fed from a shortlisted creator or the "Check a creator" form, and a campaign's combined warning list.
//!
//! The rules stay in risk.rs; this file only decides which of a creator's stored numbers feed
//! which rule, and says for every rule that could not run what to enter and where. A creator's
//! stored evidence (the latest comment sample and caption check, the audience, posts, follower
//! history and reported figures) feeds its rules through `evidence`, which also dates every
//! warning resting on it and flags evidence older than the "evidence is stale after" threshold.

use serde::{Deserialize, Serialize};

mod evidence;

pub use evidence::EvidenceItem;
#[cfg(test)]
use evidence::{evidence_of, EvidenceKind};

use crate::campaign::record::Campaign;
use crate::creator::metrics::PostMetrics;
use crate::creator::platform::Platform;
use crate::creator::record::Creator;
use crate::creator::tier::Tier;
use crate::engine::analysis::AnalysisInput;
use crate::engine::benchmark::{find_for_followers, Scope};
use crate::engine::cadence::{cadence_benchmark, NoCadenceBenchmark};
use crate::engine::engagement::{compute, Field, Formula};
use crate::risk::disclosure::Jurisdiction;
use crate::risk::rules::{
    assess, assess_dossier, dislike_ratio, CadenceInput, EngagementInput, NotChecked, RiskInput,
    RiskKind, RiskReport, Severity, Warning,
};
use crate::risk::thresholds::Thresholds;
use crate::text::date::Date;
use crate::text::format::plural;

/// Where the user supplies what is missing; the "not checked" reasons point there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A shortlisted creator: the shortlist's editor.
    Shortlist,
    /// The "Check a creator" form.
    CheckForm,
}

impl Place {
    fn fields(self) -> &'static str {
        match self {
            Place::Shortlist => "in the creator's details (Edit on the shortlist)",
            Place::CheckForm => "in the form above",
        }
    }

    /// Where a pasted sample or caption is kept: only a shortlisted creator has a dossier.
    fn save_hint(self, what: &str) -> String {
        match self {
            Place::Shortlist => format!(" and save {what} to this creator"),
            Place::CheckForm => String::new(),
        }
    }
}

/// Which engagement formulas may be compared with a benchmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Formulas {
    /// This one first, then any other the numbers allow and a tier benchmark exists for (the
    /// shortlist: the evidence names the formula used).
    Prefer(Formula),
    /// Only this one (the check form, where the user picked it next to the result).
    Only(Formula),
}

/// A creator's warnings, what could not be checked, and which risks were looked at.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatorRisk {
    pub report: RiskReport,
    /// Risks at least one rule could look at (in `RiskKind` order, no repeats).
    pub checked: Vec<RiskKind>,
    /// The stored evidence the profile used, with its age (see `evidence::evidence_of`); empty on the
    /// check form.
    pub evidence: Vec<EvidenceItem>,
}

impl CreatorRisk {
    pub fn summary(&self) -> RiskSummary {
        RiskSummary::counting(
            self.report.warnings.iter().map(|w| w.severity),
            self.checked.len(),
            self.report.not_checked.len(),
        )
    }
}

/// Counts for a badge: cheap to compare, so a row only re-renders when they change.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskSummary {
    pub high: usize,
    pub caution: usize,
    pub info: usize,
    /// Risks at least one rule looked at.
    pub checked: usize,
    /// Checks that could not run.
    pub not_checked: usize,
}

impl RiskSummary {
    /// Warnings of `severities` counted by level, with how many risks were `checked` and how
    /// many checks could not run.
    fn counting(
        severities: impl Iterator<Item = Severity>,
        checked: usize,
        not_checked: usize,
    ) -> RiskSummary {
        let mut summary = RiskSummary {
            checked,
            not_checked,
            ..RiskSummary::default()
        };
        for severity in severities {
            match severity {
                Severity::High => summary.high += 1,
                Severity::Caution => summary.caution += 1,
                Severity::Info => summary.info += 1,
            }
        }
        summary
    }

    pub fn total(&self) -> usize {
        self.high + self.caution + self.info
    }

    pub fn highest(&self) -> Option<Severity> {
        if self.high > 0 {
            Some(Severity::High)
        } else if self.caution > 0 {
            Some(Severity::Caution)
        } else if self.info > 0 {
            Some(Severity::Info)
        } else {
            None
        }
    }

    /// Nothing could be checked: no warning means nothing here.
    pub fn unchecked(&self) -> bool {
        self.checked == 0 && self.total() == 0
    }

    /// The badge's words: "2 warnings", "No warnings", "Not checked".
    pub fn label(&self) -> String {
        match self.total() {
            0 if self.unchecked() => "Not checked".to_string(),
            0 => "No warnings".to_string(),
            n => plural(n, "warning", "warnings"),
        }
    }

    /// "1 high risk, 1 caution" (empty without warnings).
    pub fn breakdown(&self) -> String {
        [
            (self.high, "high risk", "high risks"),
            (self.caution, "caution", "cautions"),
            (self.info, "note", "notes"),
        ]
        .into_iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| plural(n, one, many))
        .collect::<Vec<_>>()
        .join(", ")
    }

    /// What a screen reader says: "Risks for Ana: 1 high risk, 1 caution".
    pub fn accessible_name(&self, name: &str) -> String {
        let head = format!("Risks for {name}: ");
        if self.total() > 0 {
            return head + &self.breakdown();
        }
        if self.unchecked() {
            return head
                + "not checked; add followers and average likes, comments and views to check";
        }
        let mut s = head + "no warnings";
        if self.not_checked > 0 {
            s.push_str(&format!(
                " ({} could not run)",
                plural(self.not_checked, "check", "checks")
            ));
        }
        s
    }
}

/// What a profile is built from: one creator's facts, whatever their origin.
struct Facts<'a> {
    platform: Option<Platform>,
    followers: Option<u64>,
    /// One element: averages per post; several: one per post.
    posts: &'a [PostMetrics],
    posts_per_week: Option<f64>,
    sponsored_posts: Option<u32>,
    tags: &'a [String],
    /// A shortlisted creator's dossier, and today's date to age it by.
    dossier: Option<(&'a Creator, Date)>,
}

/// A shortlisted creator's risks. `formula` is the shortlist's formula, tried first; with a
/// campaign, its brand categories are checked against the creator's tags, its countries against
/// the audience's and the stored caption check. The creator's stored evidence is aged on `today`
/// (the domain has no clock: the UI passes the browser's date).
pub fn creator_risk(
    creator: &Creator,
    formula: Formula,
    campaign: Option<&Campaign>,
    thresholds: &Thresholds,
    today: Date,
) -> CreatorRisk {
    let facts = Facts {
        platform: creator.platform,
        followers: creator.followers,
        posts: std::slice::from_ref(&creator.metrics),
        posts_per_week: creator.posts_per_week,
        sponsored_posts: creator.sponsored_posts,
        tags: &creator.tags,
        dossier: Some((creator, today)),
    };
    profile(
        &facts,
        Formulas::Prefer(formula),
        campaign,
        Place::Shortlist,
        thresholds,
    )
}

/// The risks of the creator being checked on the "Check a creator" form: its formula only,
/// no campaign (audience fit is listed as not checked).
pub fn check_form_risk(
    input: &AnalysisInput,
    sponsored_posts: Option<u32>,
    thresholds: &Thresholds,
) -> CreatorRisk {
    let posts_per_week = input
        .cadence
        .as_ref()
        .and_then(|c| c.per_week().ok())
        .filter(|p| p.is_finite() && *p >= 0.0);
    let facts = Facts {
        platform: Some(input.platform),
        followers: input.followers,
        posts: &input.posts,
        posts_per_week,
        sponsored_posts,
        tags: &[],
        dossier: None,
    };
    profile(
        &facts,
        Formulas::Only(input.formula),
        None,
        Place::CheckForm,
        thresholds,
    )
}

fn finite(v: Option<f64>) -> Option<f64> {
    v.filter(|x| x.is_finite() && *x >= 0.0)
}

/// The mean of one field over the posts that have it.
fn mean(posts: &[PostMetrics], field: Field) -> Option<f64> {
    let values: Vec<f64> = posts.iter().filter_map(|p| finite(field.get(p))).collect();
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

fn formulas_to_try(formulas: Formulas) -> Vec<Formula> {
    match formulas {
        Formulas::Only(f) => vec![f],
        Formulas::Prefer(f) => std::iter::once(f)
            .chain(Formula::ALL.into_iter().filter(move |x| *x != f))
            .collect(),
    }
}

/// The rate compared with a tier benchmark of the same formula, or why there is none.
fn engagement_input(
    facts: &Facts,
    platform: Platform,
    followers: u64,
    formulas: Formulas,
) -> Result<EngagementInput, String> {
    let tier = Tier::for_followers(followers);
    let mut rated: Vec<Formula> = Vec::new();
    for f in formulas_to_try(formulas) {
        let Some(rate) = finite(compute(f, facts.posts, Some(followers)).rate) else {
            continue;
        };
        rated.push(f);
        let bench = find_for_followers(platform, followers, f).find(|b| b.scope() == Scope::Tier);
        if let Some(b) = bench {
            return Ok(EngagementInput {
                rate,
                benchmark: Some(b.value),
                formula: f.expression().to_string(),
                benchmark_source: format!("{}, {}", b.label(), b.citation()),
            });
        }
    }
    Err(if rated.is_empty() {
        String::new()
    } else {
        let names: Vec<String> = rated.iter().map(|f| format!("“{}”", f.name())).collect();
        format!(
            "No published benchmark for {} {} creators with {}, the formula{} these numbers allow, so the rate cannot be compared.",
            tier.name().to_lowercase(),
            platform.name(),
            names.join(" or "),
            if rated.len() == 1 { "" } else { "s" },
        )
    })
}

fn profile(
    facts: &Facts,
    formulas: Formulas,
    campaign: Option<&Campaign>,
    place: Place,
    thresholds: &Thresholds,
) -> CreatorRisk {
    let at = place.fields();
    let mut missing: Vec<NotChecked> = Vec::new();
    let mut miss = |kind: RiskKind, reason: String| missing.push(NotChecked { kind, reason });
    let mut input = RiskInput {
        platform: facts.platform,
        tier: facts.followers.map(Tier::for_followers),
        followers: facts.followers.map(|f| f as f64),
        sponsored_posts: facts.sponsored_posts,
        ..RiskInput::default()
    };
    let no_numbers = format!(
        "Add average views, likes and comments per post {at} to compare engagement with the benchmark."
    );
    let mut fed = facts
        .dossier
        .map(|(c, today)| evidence::feed(c, today, campaign, thresholds, &mut input));
    if let Some((c, _)) = facts.dossier {
        if c.posts.is_empty() {
            miss(
                RiskKind::EngagementAnomaly,
                format!("Add the creator's posts one by one, with their dates, {at} to check engagement over time, the spread of views and sponsored against other posts."),
            );
        }
        if c.follower_history.is_empty() {
            miss(
                RiskKind::BoughtEngagement,
                format!("Add follower counts with their dates {at} (each check and edit of the count adds one) to look for follower jumps."),
            );
        }
    }

    // Engagement against the tier benchmark, and the brands' 2% minimum by followers.
    match (facts.platform, facts.followers) {
        (None, _) => miss(
            RiskKind::EngagementAnomaly,
            format!("Set the platform {at}: benchmarks are published per platform."),
        ),
        (Some(_), None) => miss(
            RiskKind::EngagementAnomaly,
            format!("Add the follower count {at}: benchmarks are published per tier."),
        ),
        (Some(platform), Some(followers)) => {
            match engagement_input(facts, platform, followers, formulas) {
                Ok(e) => input.engagement = Some(e),
                Err(reason) if reason.is_empty() => {
                    miss(RiskKind::EngagementAnomaly, no_numbers.clone())
                }
                Err(reason) => miss(RiskKind::EngagementAnomaly, reason),
            }
        }
    }
    if facts.followers.is_some_and(|f| f > 0) {
        input.engagement_by_followers =
            finite(compute(Formula::Followers, facts.posts, facts.followers).rate);
    }

    // Likes against followers.
    input.average_likes = mean(facts.posts, Field::Likes);
    if input.average_likes.is_none() || facts.followers.is_none() {
        miss(
            RiskKind::BoughtEngagement,
            format!("Add the follower count and average likes {at} to compare likes with the audience size."),
        );
    }
    if input.generic_comments.is_none() {
        miss(
            RiskKind::BoughtEngagement,
            format!(
                "Paste a sample of the creator's comments under Risks → Generic comments{} to check for emoji-only and stock comments.",
                place.save_hint("it")
            ),
        );
    }

    // Hate-watching: dislikes where known (the posts' averages, else the likes and dislikes
    // typed with the stored comment sample), and the stored comment sample.
    input.dislike_ratio = dislike_ratio(
        mean(facts.posts, Field::Likes),
        mean(facts.posts, Field::Dislikes),
    );
    if let Some(f) = fed.as_mut().filter(|_| input.dislike_ratio.is_none()) {
        input.dislike_ratio = f.sample_dislike_ratio;
        f.dislikes_from_sample = f.sample_dislike_ratio.is_some();
    }
    let dislike_hint = if input.dislike_ratio.is_none()
        && matches!(facts.platform, None | Some(Platform::YouTube))
    {
        format!(", or add average dislikes {at} (YouTube, from the creator's own analytics)")
    } else {
        String::new()
    };
    if input.sentiment.is_none() {
        miss(
            RiskKind::HateWatching,
            format!(
                "Paste a sample of the creator's comments under Risks → Comment sentiment{} to check for hate-watching{dislike_hint}.",
                place.save_hint("it")
            ),
        );
    }

    // Audience fit: only against a campaign.
    match campaign {
        None => miss(
            RiskKind::AudienceFit,
            match place {
                Place::Shortlist => "Audience fit is checked against a campaign's brand categories: see the campaign's risk list.".to_string(),
                Place::CheckForm => "Audience fit is checked against a campaign's brand categories: add the creator to the shortlist and to a campaign.".to_string(),
            },
        ),
        Some(c) if c.brand_categories.is_empty() => miss(
            RiskKind::AudienceFit,
            format!("Add the brand's categories to the campaign “{}” to check audience fit.", c.name),
        ),
        Some(_) if facts.tags.is_empty() => miss(
            RiskKind::AudienceFit,
            format!("Add the audience's interests as tags {at} to check the fit with the campaign's brand categories."),
        ),
        Some(c) => {
            input.audience_tags = facts.tags.to_vec();
            input.brand_categories = c.brand_categories.clone();
        }
    }
    if let (Some(c), Some((creator, _))) = (campaign, facts.dossier) {
        if !c.countries.is_empty() && creator.audience.countries.is_empty() {
            miss(
                RiskKind::AudienceFit,
                format!("Add where the audience lives (countries and shares, from the creator's insights) {at} to check it against the campaign's countries."),
            );
        }
    }

    if facts.sponsored_posts.is_none() {
        miss(
            RiskKind::Inexperience,
            format!("Add the number of past sponsored posts {at} to check the creator's experience with brands."),
        );
    }

    // Cadence against the tier's published posting frequency.
    match finite(facts.posts_per_week) {
        None => miss(
            RiskKind::Cadence,
            match place {
                Place::Shortlist => format!("Add posts per week {at} to compare the posting cadence with the benchmark."),
                Place::CheckForm => "Enter the posts published in a period (Cadence, above) to compare with the benchmark.".to_string(),
            },
        ),
        Some(per_week) => {
            let bench = match (facts.platform, facts.followers) {
                (Some(p), Some(f)) => cadence_benchmark(p, Tier::for_followers(f)),
                _ => Err(NoCadenceBenchmark::TierUnknown),
            };
            match bench {
                Ok(b) => {
                    input.cadence = Some(CadenceInput {
                        posts_per_week: per_week,
                        benchmark_per_week: b.value,
                        benchmark_source: format!(
                            "{} {}, {}",
                            b.platform.name(),
                            b.tier.name().to_lowercase(),
                            b.citation()
                        ),
                    })
                }
                Err(e) => miss(RiskKind::Cadence, e.to_string()),
            }
        }
    }

    let countries = campaign
        .map(|c| {
            c.jurisdictions()
                .iter()
                .map(|j: &Jurisdiction| j.name())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let save = place.save_hint("the check");
    if input.disclosure.is_empty() {
        miss(
            RiskKind::Disclosure,
            if countries.is_empty() {
                format!("Paste a past sponsored caption under Risks → Ad disclosure and choose the target countries{save}.")
            } else {
                format!(
                    "Paste a past sponsored caption under Risks → Ad disclosure{save} to check it for the campaign's countries ({}).",
                    countries.join(", ")
                )
            },
        );
    }

    let mut report = assess(&input, thresholds);
    // The profile's own reasons replace the rules' generic ones; the dossier rules' reasons are
    // already specific (how many posts or counts there are, how many are needed).
    let dossier = assess_dossier(&input, thresholds);
    report.not_checked = missing;
    report.not_checked.extend(dossier.report.not_checked);
    let fed = fed.unwrap_or_default();
    evidence::annotate(&mut report, &fed, thresholds);
    let checked = RiskKind::ALL
        .into_iter()
        .filter(|k| match k {
            RiskKind::EngagementAnomaly => {
                input.engagement.is_some() || input.engagement_by_followers.is_some()
            }
            RiskKind::BoughtEngagement => {
                input.average_likes.is_some() && input.followers.is_some()
            }
            RiskKind::HateWatching => {
                input.dislike_ratio.is_some()
                    || input.sentiment.is_some()
                    || input.sponsored_engagement_ratio.is_some()
            }
            RiskKind::AudienceFit => !input.brand_categories.is_empty(),
            RiskKind::Inexperience => input.sponsored_posts.is_some(),
            RiskKind::Cadence => input.cadence.is_some(),
            RiskKind::Disclosure => !input.disclosure.is_empty(),
        } || dossier.checked.contains(k)
            || (*k == RiskKind::BoughtEngagement && input.generic_comments.is_some()))
        .collect();
    CreatorRisk {
        report,
        checked,
        evidence: fed.items,
    }
}

/// One warning in a campaign's combined list, tagged with its creator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatorWarning {
    pub creator_id: String,
    pub creator_name: String,
    pub warning: Warning,
}

/// What could not be checked for one creator of a campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatorGaps {
    pub creator_id: String,
    pub creator_name: String,
    pub not_checked: Vec<NotChecked>,
}

/// A campaign's warnings over all its creators, most severe first, then by creator name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignRisks {
    pub warnings: Vec<CreatorWarning>,
    /// Per creator, in the order given.
    pub gaps: Vec<CreatorGaps>,
    /// Names of creators with no warning although something was checked.
    pub clear: Vec<String>,
    /// Names of creators nothing could be checked for.
    pub unchecked: Vec<String>,
}

impl CampaignRisks {
    pub fn summary(&self) -> RiskSummary {
        RiskSummary::counting(
            self.warnings.iter().map(|w| w.warning.severity),
            usize::from(!self.warnings.is_empty() || !self.clear.is_empty()),
            self.gaps.iter().map(|g| g.not_checked.len()).sum(),
        )
    }
}

/// Merges creators' reports into one list: severity (highest first), then creator name
/// (ignoring case), then creator id; a creator's own order (by kind) is kept among equals.
pub fn combine<'a>(
    reports: impl IntoIterator<Item = (&'a Creator, &'a RiskReport)>,
) -> Vec<CreatorWarning> {
    let mut out: Vec<CreatorWarning> = reports
        .into_iter()
        .flat_map(|(c, r)| {
            r.warnings.iter().map(move |w| CreatorWarning {
                creator_id: c.id.clone(),
                creator_name: c.name.clone(),
                warning: w.clone(),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.warning
            .severity
            .cmp(&a.warning.severity)
            .then_with(|| {
                a.creator_name
                    .to_lowercase()
                    .cmp(&b.creator_name.to_lowercase())
            })
            .then_with(|| a.creator_id.cmp(&b.creator_id))
    });
    out
}

/// Every creator's risks for a campaign, combined (see [`combine`]).
pub fn campaign_risks(
    creators: &[Creator],
    campaign: Option<&Campaign>,
    formula: Formula,
    thresholds: &Thresholds,
    today: Date,
) -> CampaignRisks {
    let risks: Vec<CreatorRisk> = creators
        .iter()
        .map(|c| creator_risk(c, formula, campaign, thresholds, today))
        .collect();
    let warnings = combine(creators.iter().zip(risks.iter().map(|r| &r.report)));
    let mut out = CampaignRisks {
        warnings,
        ..CampaignRisks::default()
    };
    for (c, r) in creators.iter().zip(&risks) {
        let s = r.summary();
        if s.unchecked() {
            out.unchecked.push(c.name.clone());
        } else if s.total() == 0 {
            out.clear.push(c.name.clone());
        }
        if !r.report.not_checked.is_empty() {
            out.gaps.push(CreatorGaps {
                creator_id: c.id.clone(),
                creator_name: c.name.clone(),
                not_checked: r.report.not_checked.clone(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::creator::dossier::{
        CaptionCheck, CommentSample, CountryVerdict, FollowerSnapshot, Post, SampleCounts, Share,
        SnapshotSource,
    };
    use crate::engine::cadence::CadenceInput as PostCount;
    use crate::testing::strings;
    use crate::text::date::day;

    fn creator(name: &str, platform: Option<Platform>, followers: Option<u64>) -> Creator {
        let mut c = Creator::new(format!("id-{}", name.to_lowercase()), name, 0.0);
        c.platform = platform;
        c.followers = followers;
        c
    }

    /// The check form with a TikTok micro creator's numbers.
    fn form(metrics: PostMetrics, formula: Formula) -> AnalysisInput {
        AnalysisInput {
            platform: Platform::TikTok,
            followers: Some(45_000),
            posts: vec![metrics],
            formula,
            cadence: None,
            price: None,
        }
    }

    /// The day the tests' evidence is aged on.
    fn today() -> Date {
        day("2026-12-06")
    }

    fn ids(r: &CreatorRisk) -> Vec<&str> {
        r.report.warnings.iter().map(|w| w.id.as_str()).collect()
    }

    /// TikTok micro, 130K views; interactions chosen for the by-views rate given.
    fn tiktok(name: &str, rate: f64) -> Creator {
        let mut c = creator(name, Some(Platform::TikTok), Some(45_000));
        let interactions = rate * 130_000.0;
        c.metrics = PostMetrics::counts(
            130_000.0,
            interactions * 0.9,
            interactions * 0.05,
            interactions * 0.05,
        );
        c
    }

    #[test]
    fn engagement_against_the_tier_benchmark() {
        let t = Thresholds::default();
        // (by-views rate, expected warning ids); the TikTok micro benchmark is 8.5% (CreatorDB).
        let cases: &[(f64, &[&str])] = &[
            (0.085, &[]),
            (0.255, &["engagement-far-above-benchmark"]),
            (0.17, &[]), // exactly 2×: not more than 2×
            (0.03, &["engagement-far-below-benchmark"]),
        ];
        for (rate, want) in cases {
            let r = creator_risk(
                &tiktok("Ana", *rate),
                Formula::SourceViews,
                None,
                &t,
                today(),
            );
            assert_eq!(ids(&r), *want, "rate {rate}");
            assert!(r.checked.contains(&RiskKind::EngagementAnomaly));
        }
        let r = creator_risk(
            &tiktok("Ana", 0.255),
            Formula::SourceViews,
            None,
            &t,
            today(),
        );
        let w = &r.report.warnings[..];
        let evidence: Vec<&str> = w
            .iter()
            .flat_map(|w| w.evidence.iter().map(|e| e.value.as_str()))
            .collect();
        assert_eq!(evidence, ["25.5%", "8.5%", "3×"]);
        assert_eq!(r.summary().label(), "1 warning");
        assert_eq!(
            r.summary().accessible_name("Ana"),
            "Risks for Ana: 1 high risk"
        );
    }

    #[test]
    fn preferred_formula_falls_back_to_one_with_a_benchmark() {
        let t = Thresholds::default();
        let c = tiktok("Ana", 0.255);
        // "By followers" has no TikTok benchmark: the by-views formulas are used instead, named.
        let r = creator_risk(&c, Formula::Followers, None, &t, today());
        let w = r.report.by_id("engagement-far-above-benchmark");
        let label = w
            .and_then(|w| w.evidence.first())
            .map(|e| e.label.clone())
            .unwrap_or_default();
        assert!(label.contains("÷ views"), "{label}");
        // The check form keeps to the user's formula and says why nothing was compared.
        let input = form(c.metrics, Formula::MedianViews);
        let r = check_form_risk(&input, None, &t);
        assert!(r.report.by_id("engagement-far-above-benchmark").is_none());
        assert!(r
            .report
            .not_checked
            .iter()
            .any(|n| n.kind == RiskKind::EngagementAnomaly
                && n.reason
                    .contains("No published benchmark for micro TikTok creators")));
    }

    #[test]
    fn missing_inputs_say_what_to_enter_and_where() {
        let t = Thresholds::default();
        // (creator, kind, text the reason must contain)
        let bare = creator("Bo", None, None);
        let no_followers = creator("Bo", Some(Platform::Instagram), None);
        let no_numbers = creator("Bo", Some(Platform::Instagram), Some(20_000));
        let cases: &[(&Creator, RiskKind, &str)] = &[
            (
                &bare,
                RiskKind::EngagementAnomaly,
                "Set the platform in the creator's details",
            ),
            (
                &no_followers,
                RiskKind::EngagementAnomaly,
                "Add the follower count",
            ),
            (
                &no_numbers,
                RiskKind::EngagementAnomaly,
                "Add average views, likes and comments",
            ),
            (&no_numbers, RiskKind::Inexperience, "past sponsored posts"),
            (&no_numbers, RiskKind::Cadence, "Add posts per week"),
            (&no_numbers, RiskKind::AudienceFit, "campaign's risk list"),
            (
                &no_numbers,
                RiskKind::HateWatching,
                "Risks → Comment sentiment",
            ),
            (
                &no_numbers,
                RiskKind::BoughtEngagement,
                "Risks → Generic comments",
            ),
            (&no_numbers, RiskKind::Disclosure, "Risks → Ad disclosure"),
        ];
        for (c, kind, text) in cases {
            let r = creator_risk(c, Formula::default(), None, &t, today());
            assert!(
                r.report
                    .not_checked
                    .iter()
                    .any(|n| n.kind == *kind && n.reason.contains(text)),
                "{kind:?} should say {text:?}: {:?}",
                r.report.not_checked
            );
        }
        let r = creator_risk(&bare, Formula::default(), None, &t, today());
        assert!(r.report.warnings.is_empty());
        assert!(r.checked.is_empty());
        assert_eq!(r.summary().label(), "Not checked");
        assert!(r
            .summary()
            .accessible_name("Bo")
            .starts_with("Risks for Bo: not checked"));
    }

    #[test]
    fn stored_fields_feed_their_rules() {
        let t = Thresholds::default();
        let mut inexperienced = tiktok("Cy", 0.085);
        inexperienced.sponsored_posts = Some(0);
        let mut slow = tiktok("Cy", 0.085);
        slow.posts_per_week = Some(0.25); // TikTok micro posts about once a week
        let mut regular = tiktok("Cy", 0.085);
        regular.posts_per_week = Some(1.0);
        regular.sponsored_posts = Some(5);
        let mut bought = creator("Cy", Some(Platform::Instagram), Some(10_000));
        bought.metrics = PostMetrics {
            likes: Some(15_000.0),
            comments: Some(100.0),
            ..PostMetrics::default()
        };
        let mut disliked = creator("Cy", Some(Platform::YouTube), Some(50_000));
        disliked.metrics = PostMetrics {
            views: Some(40_000.0),
            likes: Some(900.0),
            dislikes: Some(600.0),
            comments: Some(50.0),
            ..PostMetrics::default()
        };
        // (creator, expected id, kind now checked)
        let cases: &[(&Creator, &str, RiskKind)] = &[
            (
                &inexperienced,
                "few-sponsored-posts",
                RiskKind::Inexperience,
            ),
            (&slow, "cadence-far-below", RiskKind::Cadence),
            (&bought, "likes-above-followers", RiskKind::BoughtEngagement),
            (&disliked, "dislikes-high", RiskKind::HateWatching),
        ];
        for (c, id, kind) in cases {
            let r = creator_risk(c, Formula::default(), None, &t, today());
            assert!(r.report.by_id(id).is_some(), "{id}: {:?}", ids(&r));
            assert!(r.checked.contains(kind), "{kind:?}");
        }
        let r = creator_risk(&regular, Formula::default(), None, &t, today());
        assert!(r.report.warnings.is_empty(), "{:?}", ids(&r));
        assert_eq!(r.summary().label(), "No warnings");
        assert!(r
            .summary()
            .accessible_name("Cy")
            .starts_with("Risks for Cy: no warnings ("));
        // The inexperience warning keeps its link to the campaign checklist.
        let r = creator_risk(&inexperienced, Formula::default(), None, &t, today());
        assert_eq!(
            r.report
                .by_id("few-sponsored-posts")
                .and_then(|w| w.checklist_item.as_deref()),
            Some("approval-framework")
        );
    }

    #[test]
    fn audience_fit_needs_a_campaign_with_categories() {
        let t = Thresholds::default();
        let mut c = tiktok("Di", 0.085);
        c.tags = vec!["gaming".into()];
        let mut beauty = Campaign {
            name: "Spring glow".into(),
            brand_categories: vec!["beauty".into(), "fashion".into()],
            countries: vec!["us".into(), "de".into()],
            ..Campaign::default()
        };
        let r = creator_risk(&c, Formula::default(), Some(&beauty), &t, today());
        let w = r.report.by_id("audience-fit-low");
        assert_eq!(w.map(|w| w.severity), Some(Severity::High));
        assert!(r.checked.contains(&RiskKind::AudienceFit));
        let disclosure = r
            .report
            .not_checked
            .iter()
            .find(|n| n.kind == RiskKind::Disclosure)
            .map(|n| n.reason.clone())
            .unwrap_or_default();
        assert!(
            disclosure.contains("United States, Germany"),
            "{disclosure}"
        );

        // (tags, categories, expected reason fragment or None when checked without warning)
        let cases: &[(&[&str], &[&str], Option<&str>)] = &[
            (
                &["gaming"],
                &[],
                Some("Add the brand's categories to the campaign “Spring glow”"),
            ),
            (
                &[],
                &["beauty"],
                Some("Add the audience's interests as tags"),
            ),
            (&["makeup", "style"], &["beauty", "fashion"], None),
        ];
        for (tags, cats, want) in cases {
            c.tags = strings(tags);
            beauty.brand_categories = strings(cats);
            let r = creator_risk(&c, Formula::default(), Some(&beauty), &t, today());
            let reason = r
                .report
                .not_checked
                .iter()
                // The categories check only: the campaign's countries ask for the audience's
                // countries too (a check of its own, tested in `stored_evidence_*`).
                .find(|n| {
                    n.kind == RiskKind::AudienceFit
                        && !n.reason.contains("where the audience lives")
                })
                .map(|n| n.reason.as_str());
            match want {
                Some(text) => assert!(reason.is_some_and(|r| r.contains(text)), "{reason:?}"),
                None => {
                    assert_eq!(reason, None);
                    assert!(r.report.by_id("audience-fit-low").is_none(), "{tags:?}");
                }
            }
        }
    }

    #[test]
    fn check_form_input_feeds_the_rules() {
        let t = Thresholds::default();
        // (posts, days, sponsored, expected ids)
        type Case<'a> = (u32, u32, Option<u32>, &'a [&'a str]);
        let cases: &[Case] = &[
            (4, 28, Some(10), &[]),
            (1, 28, Some(10), &["cadence-far-below"]),
            (4, 28, Some(1), &["few-sponsored-posts"]),
        ];
        for (posts, days, sponsored, want) in cases {
            let input = AnalysisInput {
                platform: Platform::TikTok,
                followers: Some(45_000),
                posts: vec![PostMetrics::counts(130_000.0, 9_500.0, 850.0, 700.0)],
                formula: Formula::SourceViews,
                cadence: Some(PostCount::Count {
                    posts: *posts,
                    days: *days,
                }),
                price: None,
            };
            let r = check_form_risk(&input, *sponsored, &t);
            assert_eq!(ids(&r), *want, "{posts}/{days}");
            assert!(r
                .report
                .not_checked
                .iter()
                .any(|n| n.kind == RiskKind::AudienceFit && n.reason.contains("to a campaign")));
        }
        let empty = AnalysisInput {
            platform: Platform::TikTok,
            followers: None,
            posts: vec![],
            formula: Formula::SourceViews,
            cadence: None,
            price: None,
        };
        let r = check_form_risk(&empty, None, &t);
        assert!(r.summary().unchecked());
        assert!(r
            .report
            .not_checked
            .iter()
            .all(|n| !n.reason.contains("Edit on the shortlist")));
    }

    #[test]
    fn summary_words() {
        // (high, caution, info, checked, label, accessible name)
        let cases: &[(usize, usize, usize, usize, &str, &str)] = &[
            (1, 1, 0, 2, "2 warnings", "Risks for Ana: 1 high risk, 1 caution"),
            (0, 2, 1, 1, "3 warnings", "Risks for Ana: 2 cautions, 1 note"),
            (0, 0, 1, 1, "1 warning", "Risks for Ana: 1 note"),
            (0, 0, 0, 3, "No warnings", "Risks for Ana: no warnings (2 checks could not run)"),
            (0, 0, 0, 0, "Not checked", "Risks for Ana: not checked; add followers and average likes, comments and views to check"),
        ];
        for (high, caution, info, checked, label, name) in cases {
            let s = RiskSummary {
                high: *high,
                caution: *caution,
                info: *info,
                checked: *checked,
                not_checked: 2,
            };
            assert_eq!(s.label(), *label);
            assert_eq!(s.accessible_name("Ana"), *name);
        }
        assert_eq!(RiskSummary::default().highest(), None);
        let s = RiskSummary {
            caution: 1,
            info: 3,
            ..RiskSummary::default()
        };
        assert_eq!(s.highest(), Some(Severity::Caution));
    }

    #[test]
    fn combined_list_is_tagged_and_sorted() {
        let t = Thresholds::default();
        let mut zoe = tiktok("Zoe", 0.255); // high: far above benchmark
        zoe.sponsored_posts = Some(0); // caution
        let mut adam = tiktok("adam", 0.03); // caution: far below
        adam.sponsored_posts = Some(9);
        let mut ben = tiktok("Ben", 0.3); // high
        ben.sponsored_posts = Some(9);
        let mut clean = tiktok("Cleo", 0.085);
        clean.sponsored_posts = Some(9);
        let empty = creator("Nil", None, None);
        let creators = vec![zoe, adam, clean, ben, empty];
        let risks = campaign_risks(&creators, None, Formula::SourceViews, &t, today());
        let got: Vec<(&str, &str, Severity)> = risks
            .warnings
            .iter()
            .map(|w| {
                (
                    w.creator_name.as_str(),
                    w.warning.id.as_str(),
                    w.warning.severity,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Ben", "engagement-far-above-benchmark", Severity::High),
                ("Zoe", "engagement-far-above-benchmark", Severity::High),
                ("adam", "engagement-far-below-benchmark", Severity::Caution),
                ("Zoe", "few-sponsored-posts", Severity::Caution),
            ]
        );
        assert!(risks
            .warnings
            .iter()
            .all(|w| w.creator_id.starts_with("id-")));
        assert_eq!(risks.clear, ["Cleo"]);
        assert_eq!(risks.unchecked, ["Nil"]);
        assert_eq!(risks.gaps.len(), 5);
        assert_eq!(risks.summary().label(), "4 warnings");
        assert_eq!(
            campaign_risks(&[], None, Formula::default(), &t, today())
                .summary()
                .label(),
            "Not checked"
        );
    }

    fn sample(date: &str, total: usize, negative: usize, text: &str) -> CommentSample {
        CommentSample {
            date: day(date),
            text: text.into(),
            counts: SampleCounts {
                total,
                positive: total - negative,
                negative,
                ..SampleCounts::default()
            },
            likes: None,
            dislikes: None,
        }
    }

    fn caption(date: &str, text: &str, verdicts: &[(&str, &str)]) -> CaptionCheck {
        CaptionCheck {
            date: day(date),
            caption: text.into(),
            post_link: None,
            post_settings: Default::default(),
            verdicts: verdicts
                .iter()
                .map(|(c, v)| CountryVerdict {
                    country: c.to_string(),
                    verdict: v.to_string(),
                })
                .collect(),
        }
    }

    fn reason(r: &CreatorRisk, kind: RiskKind, text: &str) -> bool {
        r.report
            .not_checked
            .iter()
            .any(|n| n.kind == kind && n.reason.contains(text))
    }

    #[test]
    fn stored_comment_sample_feeds_hate_watching_and_generic_comments() {
        let t = Thresholds::default();
        let bare = tiktok("Eve", 0.085);
        let r = creator_risk(&bare, Formula::default(), None, &t, today());
        assert!(!r.checked.contains(&RiskKind::HateWatching));
        assert!(reason(
            &r,
            RiskKind::HateWatching,
            "Risks → Comment sentiment and save it to this creator"
        ));
        assert!(reason(
            &r,
            RiskKind::BoughtEngagement,
            "Risks → Generic comments and save it to this creator"
        ));

        let mut eve = bare.clone();
        let generic = "nice\n🔥🔥\ngreat pic\nwow\n".repeat(10);
        // An older sample first: the latest one (by date) is the one used.
        eve.comment_samples
            .push(sample("2026-06-01", 40, 0, "love it\n"));
        eve.comment_samples
            .push(sample("2026-11-02", 40, 20, &generic));
        let r = creator_risk(&eve, Formula::default(), None, &t, today());
        let negative = r.report.by_id("negative-comments");
        assert_eq!(negative.map(|w| w.severity), Some(Severity::High));
        assert!(negative.is_some_and(|w| w.evidence.iter().any(
            |e| e.label == "Evidence" && e.value == "comment sample of 2026-11-02, 34 days old"
        )));
        let generic_w = r.report.by_id("generic-comments");
        assert!(generic_w.is_some_and(|w| w.evidence.iter().any(|e| e.label == "Examples")));
        assert!(r.checked.contains(&RiskKind::HateWatching));
        assert!(!reason(&r, RiskKind::HateWatching, "Comment sentiment"));
        assert!(!reason(&r, RiskKind::BoughtEngagement, "Generic comments"));
        // The sample is fresh: no stale note.
        assert!(r.report.by_id("stale-comment-sample").is_none());
        assert_eq!(
            r.evidence
                .first()
                .map(|e| (e.kind, e.age.as_str(), e.stale)),
            Some((EvidenceKind::CommentSample, "34 days old", false))
        );
    }

    /// Regression: the likes and dislikes typed beside a comment sample were not kept, so the
    /// dislike ratio the Risks panel showed could not be worked out again for the creator. Now
    /// they feed the rule when the posts give no ratio, and the warning names the sample.
    #[test]
    fn likes_and_dislikes_typed_with_a_sample_feed_the_dislike_rule() {
        let t = Thresholds::default();
        let with_sample =
            |likes: Option<f64>, dislikes: Option<f64>, post_dislikes: Option<f64>| {
                let mut c = creator("Yu", Some(Platform::YouTube), Some(50_000));
                c.metrics = PostMetrics {
                    likes: post_dislikes.map(|_| 900.0),
                    dislikes: post_dislikes,
                    ..PostMetrics::default()
                };
                c.comment_samples.push(CommentSample {
                    likes,
                    dislikes,
                    ..sample("2026-11-02", 10, 1, "love it\n")
                });
                c
            };
        let sample_evidence = "comment sample of 2026-11-02, 34 days old";
        // (sample's likes, dislikes, the posts' average dislikes, the warning and whether it
        // names the sample)
        let cases = [
            (Some(900.0), Some(600.0), None, Some(true)),
            (Some(900.0), Some(10.0), None, None),
            (None, Some(600.0), None, None),
            // The posts' averages come first: 900 likes and 600 dislikes per post.
            (Some(900.0), Some(10.0), Some(600.0), Some(false)),
            (Some(900.0), Some(600.0), Some(10.0), None),
        ];
        for (likes, dislikes, post_dislikes, want) in cases {
            let c = with_sample(likes, dislikes, post_dislikes);
            let r = creator_risk(&c, Formula::default(), None, &t, today());
            let got = r.report.by_id("dislikes-high").map(|w| {
                w.evidence
                    .iter()
                    .any(|e| e.label == "Evidence" && e.value == sample_evidence)
            });
            assert_eq!(got, want, "{likes:?} {dislikes:?} {post_dislikes:?}");
        }
        let c = with_sample(Some(900.0), Some(600.0), None);
        let summary = evidence::evidence_of(&c, today(), &t)
            .first()
            .map(|e| e.summary.clone())
            .unwrap_or_default();
        assert!(
            summary.ends_with("dislikes 40.0% of likes + dislikes"),
            "{summary}"
        );
    }

    #[test]
    fn stale_evidence_is_flagged_against_the_editable_age() {
        let mut t = Thresholds::default();
        let mut c = tiktok("Fay", 0.085);
        c.comment_samples
            .push(sample("2026-08-01", 40, 2, "love it\n"));
        c.audience.date = Some(day("2026-11-20"));
        c.audience.countries = vec![Share {
            name: "United States".into(),
            share: 0.8,
        }];
        // (stale after days, stale ids)
        let cases: &[(f64, &[&str])] = &[
            (90.0, &["stale-comment-sample"]),
            (127.0, &[]), // exactly 127 days old is not older than 127
            (126.0, &["stale-comment-sample"]),
            (7.0, &["stale-comment-sample", "stale-audience"]),
        ];
        for (days, want) in cases {
            assert_eq!(t.set("stale_evidence_days", *days), Ok(()));
            let r = creator_risk(&c, Formula::default(), None, &t, today());
            let stale: Vec<&str> = ids(&r)
                .into_iter()
                .filter(|id| id.starts_with("stale-"))
                .collect();
            assert_eq!(&stale, want, "{days}");
            for id in stale {
                let w = r.report.by_id(id);
                assert_eq!(w.map(|w| w.severity), Some(Severity::Info));
                assert_eq!(
                    w.and_then(|w| w.threshold.as_deref()),
                    Some("stale_evidence_days")
                );
            }
        }
        let r = creator_risk(
            &c,
            Formula::default(),
            None,
            &Thresholds::default(),
            today(),
        );
        let w = r.report.by_id("stale-comment-sample");
        assert_eq!(
            w.map(|w| w.title.as_str()),
            Some("The comment sample is 4 months old")
        );
        assert!(w.is_some_and(|w| w.action.contains("Risks → Comment sentiment")));
    }

    #[test]
    fn stored_caption_check_feeds_disclosure_for_the_campaign_countries() {
        let t = Thresholds::default();
        let camp = Campaign {
            name: "Trail".into(),
            countries: vec!["us".into(), "de".into()],
            ..Campaign::default()
        };
        // A creator whose "#ad" caption of 2026-11-02 is stored with these verdicts.
        let stored_check = |name: &str, verdicts: &[(&str, &str)]| {
            let mut c = tiktok(name, 0.085);
            let check = caption("2026-11-02", "#ad new trail shoes", verdicts);
            c.caption_checks.push(check);
            c
        };
        let c = stored_check("Gus", &[("us", "meets")]);
        let r = creator_risk(&c, Formula::default(), Some(&camp), &t, today());
        // Checked again for Germany, which the stored check did not cover: "#ad" is weak there.
        let w = r.report.by_id("disclosure-not-met");
        assert_eq!(w.map(|w| w.severity), Some(Severity::Caution));
        assert!(w.is_some_and(|w| w.evidence.iter().any(|e| e.label.starts_with("Germany"))));
        assert!(w.is_some_and(|w| w
            .evidence
            .iter()
            .any(|e| e.value == "caption check of 2026-11-02, 34 days old")));
        assert!(r.checked.contains(&RiskKind::Disclosure));
        assert!(!reason(&r, RiskKind::Disclosure, "Risks → Ad disclosure"));
        // Without a campaign, the countries the caption was checked for.
        let r = creator_risk(&c, Formula::default(), None, &t, today());
        assert!(r.report.by_id("disclosure-not-met").is_none());
        assert!(r.checked.contains(&RiskKind::Disclosure));
        // A stored verdict that differs from the caption alone (the paid-partnership toggle
        // satisfies the EU rule) stands, and says why.
        let eu = Campaign {
            countries: vec!["eu".into()],
            ..camp.clone()
        };
        let mut toggled = stored_check("Hal", &[("eu", "meets")]);
        let r = creator_risk(&toggled, Formula::default(), Some(&eu), &t, today());
        assert!(
            r.report.by_id("disclosure-not-met").is_none(),
            "{:?}",
            ids(&r)
        );
        // Regression: the campaign feed re-checked a stored caption without the ticks saved with
        // it, so a country the check did not cover was judged as if no paid-partnership label
        // was on. "#ad" with the label meets the EU rule; checked for the US only, then fed an
        // EU campaign, it must meet there too.
        let mut ticked = tiktok("Ida", 0.085);
        let mut check = caption("2026-11-02", "#ad new trail shoes", &[("us", "meets")]);
        check.post_settings.paid_partnership_label = true;
        ticked.caption_checks.push(check.clone());
        let r = creator_risk(&ticked, Formula::default(), Some(&eu), &t, today());
        assert!(
            r.report.by_id("disclosure-not-met").is_none(),
            "{:?}",
            ids(&r)
        );
        check.post_settings.paid_partnership_label = false;
        ticked.caption_checks[0] = check;
        let r = creator_risk(&ticked, Formula::default(), Some(&eu), &t, today());
        assert!(
            r.report.by_id("disclosure-not-met").is_some(),
            "{:?}",
            ids(&r)
        );
        toggled.caption_checks[0].verdicts[0].verdict = "missing".into();
        let r = creator_risk(&toggled, Formula::default(), Some(&eu), &t, today());
        let w = r.report.by_id("disclosure-not-met");
        assert_eq!(w.map(|w| w.severity), Some(Severity::High));
        assert!(w.is_some_and(|w| w.evidence.iter().any(|e| e
            .value
            .contains("the verdict saved with the caption check of 2026-11-02"))));
    }

    #[test]
    fn stored_audience_and_posts_feed_their_rules() {
        let t = Thresholds::default();
        let camp = Campaign {
            name: "Trail".into(),
            countries: vec!["us".into()],
            ..Campaign::default()
        };
        let mut c = tiktok("Ivy", 0.085);
        let r = creator_risk(&c, Formula::default(), Some(&camp), &t, today());
        assert!(reason(
            &r,
            RiskKind::AudienceFit,
            "Add where the audience lives"
        ));
        assert!(reason(
            &r,
            RiskKind::EngagementAnomaly,
            "Add the creator's posts one by one"
        ));
        assert!(reason(
            &r,
            RiskKind::BoughtEngagement,
            "Add follower counts with their dates"
        ));
        c.audience.date = Some(day("2026-11-02"));
        c.audience.countries = vec![
            Share {
                name: "Brazil".into(),
                share: 0.7,
            },
            Share {
                name: "United States".into(),
                share: 0.3,
            },
        ];
        // Six posts a week apart: sponsored ones get a third of the others' likes, per view.
        for i in 0..6 {
            let sponsored = i % 2 == 0;
            c.posts.push(Post {
                date: Date::from_day_number(day("2026-09-07").day_number() + 7 * i),
                metrics: PostMetrics {
                    views: Some(10_000.0),
                    likes: Some(if sponsored { 100.0 } else { 300.0 }),
                    ..PostMetrics::default()
                },
                sponsored,
                ..Post::default()
            });
        }
        let r = creator_risk(&c, Formula::default(), Some(&camp), &t, today());
        let country = r.report.by_id("audience-outside-countries");
        assert_eq!(country.map(|w| w.severity), Some(Severity::Caution));
        assert!(country.is_some_and(|w| w
            .evidence
            .iter()
            .any(|e| e.value == "audience of 2026-11-02, 34 days old")));
        let drop = r.report.by_id("sponsored-engagement-drop");
        assert!(
            drop.is_some_and(|w| w.evidence.iter().any(
                |e| e.label == "Sponsored posts (3)" && e.value == "1.0% median rate per post"
            )),
            "{:?}",
            ids(&r)
        );
        assert!(
            drop.is_some_and(|w| w.evidence.iter().any(|e| e.value.starts_with("posts of"))),
            "{drop:?}"
        );
        assert!(r.checked.contains(&RiskKind::AudienceFit));
        assert!(r.checked.contains(&RiskKind::HateWatching));
        assert!(!reason(
            &r,
            RiskKind::AudienceFit,
            "Add where the audience lives"
        ));
        assert!(!reason(
            &r,
            RiskKind::EngagementAnomaly,
            "Add the creator's posts"
        ));
        // The check form has no dossier: none of this is asked for there.
        let input = form(c.metrics, Formula::SourceViews);
        let r = check_form_risk(&input, None, &t);
        assert!(r.evidence.is_empty());
        assert!(!reason(&r, RiskKind::EngagementAnomaly, "one by one"));
        assert!(!reason(
            &r,
            RiskKind::HateWatching,
            "save it to this creator"
        ));
    }

    #[test]
    fn evidence_list_for_the_dossier() {
        let t = Thresholds::default();
        let mut c = tiktok("Jo", 0.085);
        assert!(evidence_of(&c, today(), &t).is_empty());
        c.comment_samples.push(CommentSample {
            counts: SampleCounts {
                total: 40,
                positive: 20,
                neutral: 6,
                negative: 14,
                generic: 22,
                ..SampleCounts::default()
            },
            ..sample("2026-11-02", 40, 14, "")
        });
        c.caption_checks.push(caption(
            "2026-05-01",
            "#ad",
            &[("us", "meets"), ("de", "weak")],
        ));
        c.audience.countries = vec![Share {
            name: "Spain".into(),
            share: 0.6,
        }];
        c.follower_history.push(FollowerSnapshot {
            date: day("2026-12-06"),
            count: 45_000,
            source: SnapshotSource::Check,
        });
        c.posts.push(Post::default());
        let got: Vec<(EvidenceKind, Option<String>, String, bool, String)> =
            evidence_of(&c, today(), &t)
                .into_iter()
                .map(|e| {
                    (
                        e.kind,
                        e.date.map(|d| d.to_string()),
                        e.age,
                        e.stale,
                        e.summary,
                    )
                })
                .collect();
        let s = |x: &str| x.to_string();
        assert_eq!(
            got,
            [
                (
                    EvidenceKind::CommentSample,
                    Some(s("2026-11-02")),
                    s("34 days old"),
                    false,
                    s("40 comments: 14 (35%) negative, 22 (55%) generic")
                ),
                (
                    EvidenceKind::CaptionCheck,
                    Some(s("2026-05-01")),
                    s("7 months old"),
                    true,
                    s("United States: meets the rule; Germany: not clear enough")
                ),
                (
                    EvidenceKind::Audience,
                    None,
                    s("undated"),
                    false,
                    s("countries: Spain 60%")
                ),
                (
                    EvidenceKind::FollowerHistory,
                    Some(s("2026-12-06")),
                    s("today"),
                    false,
                    s("1 count, latest 45K")
                ),
                (
                    EvidenceKind::Posts,
                    None,
                    s("undated"),
                    false,
                    s("1 post (0 dated, 0 sponsored)")
                ),
            ]
        );
    }

    #[test]
    fn never_panics_or_yields_nan_on_odd_numbers() {
        let t = Thresholds::default();
        let odd = [0.0, f64::NAN, f64::INFINITY, -5.0, 1e12];
        for v in odd {
            let mut c = creator("Odd", Some(Platform::Instagram), Some(0));
            c.metrics = PostMetrics::counts(v, v, v, v);
            c.posts_per_week = Some(v);
            let r = creator_risk(&c, Formula::Followers, None, &t, today());
            for w in &r.report.warnings {
                let shown = std::iter::once(w.title.as_str())
                    .chain(w.evidence.iter().map(|e| e.value.as_str()));
                for text in shown {
                    assert!(
                        !text.contains("NaN") && !text.contains("inf"),
                        "{v}: {text}"
                    );
                }
            }
        }
    }
}
