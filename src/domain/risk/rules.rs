//! Risk rules: turn a creator's numbers and comment samples into explained warnings (DOMAIN.md §5), with editable thresholds.
//!
//! Each rule is a published heuristic or a stated default, applied to plain inputs the engine
//! fills in. A warning says what was seen (with numbers), why it matters and what to do; a rule
//! that lacks its inputs is listed as "not checked" rather than passing silently.

use serde::{Deserialize, Serialize};

use crate::creator::dossier::{FollowerSnapshot, Post, ReportedFigure, Share};
use crate::creator::platform::Platform;
use crate::creator::tier::Tier;
use crate::risk::comments::GenericSummary;
use crate::risk::disclosure::{Jurisdiction, JurisdictionResult};
use crate::risk::sentiment::SentimentSummary;
use crate::text::choice::choices;
use crate::text::format::{capitalise, percent};

mod geography;
mod history;
mod numbers;
mod samples;

use crate::risk::thresholds::{format_value, trim_number};
use crate::risk::thresholds::{ThresholdUnit, Thresholds};
pub use history::{assess_dossier, sponsored_comparison, SponsoredComparison};
use numbers::{cadence_rule, credibility_rule, engagement_rules, inexperience_rule, likes_rules};
use samples::{audience_rule, disclosure_rule, generic_comment_rule, hate_watching_rules};

/// The checklist item an inexperience warning links to.
pub const APPROVAL_CHECKLIST_ID: &str = "approval-framework";

/// What a warning is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RiskKind {
    HateWatching,
    BoughtEngagement,
    AudienceFit,
    Inexperience,
    Disclosure,
    EngagementAnomaly,
    Cadence,
}

choices! {
    RiskKind, id, label;
    HateWatching => "hate-watching", "Hate-watching";
    BoughtEngagement => "bought-engagement", "Fake or bought engagement";
    AudienceFit => "audience-fit", "Audience fit";
    Inexperience => "inexperience", "Inexperience with brands";
    Disclosure => "disclosure", "Ad disclosure";
    EngagementAnomaly => "engagement-anomaly", "Engagement anomaly";
    Cadence => "cadence", "Posting cadence";
}

/// How much a warning should weigh in the decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Severity {
    /// Worth knowing; not a reason to drop the creator.
    Info,
    /// Check before you sign.
    Caution,
    /// A published red flag: investigate or walk away.
    High,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Info => "Info",
            Severity::Caution => "Caution",
            Severity::High => "High risk",
        }
    }
}

/// One thing seen, with its number: "Negative comments" / "14 of 40 (35%)".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub label: String,
    pub value: String,
}

fn ev(label: impl Into<String>, value: impl Into<String>) -> Evidence {
    Evidence {
        label: label.into(),
        value: value.into(),
    }
}

/// One explained warning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// Stable rule id ("engagement-far-above-benchmark"), for keys and tests.
    pub id: String,
    pub kind: RiskKind,
    pub severity: Severity,
    pub title: String,
    /// What was seen, with numbers.
    pub evidence: Vec<Evidence>,
    /// Why it matters.
    pub why: String,
    /// What to do about it.
    pub action: String,
    /// The campaign checklist item this warning asks for, if any ("approval-framework").
    pub checklist_item: Option<String>,
    /// The key of the threshold that triggered it (see [`THRESHOLDS`]), so the UI can link to it.
    pub threshold: Option<String>,
}

/// How every rule writes its warning: `new` with what fired and how badly, then what was seen
/// (`evidence`), why it matters (`why`), what to do (`action`) and the threshold that draws the
/// line, so a rule states only what is its own.
impl Warning {
    pub fn new(
        id: impl Into<String>,
        kind: RiskKind,
        severity: Severity,
        title: impl Into<String>,
    ) -> Warning {
        Warning {
            id: id.into(),
            kind,
            severity,
            title: title.into(),
            evidence: Vec::new(),
            why: String::new(),
            action: String::new(),
            checklist_item: None,
            threshold: None,
        }
    }

    pub fn evidence(mut self, evidence: Vec<Evidence>) -> Warning {
        self.evidence = evidence;
        self
    }

    pub fn why(mut self, why: impl Into<String>) -> Warning {
        self.why = why.into();
        self
    }

    pub fn action(mut self, action: impl Into<String>) -> Warning {
        self.action = action.into();
        self
    }

    /// The key of the threshold (a row of `THRESHOLDS`) that triggered it.
    pub fn threshold(mut self, key: &str) -> Warning {
        self.threshold = Some(key.to_string());
        self
    }

    pub fn checklist_item(mut self, id: &str) -> Warning {
        self.checklist_item = Some(id.to_string());
        self
    }
}

/// A rule that could not run, and what input it needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotChecked {
    pub kind: RiskKind,
    pub reason: String,
}

/// Warnings (most severe first) and the rules that could not run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskReport {
    pub warnings: Vec<Warning>,
    pub not_checked: Vec<NotChecked>,
}

impl RiskReport {
    pub fn highest(&self) -> Option<Severity> {
        self.warnings.iter().map(|w| w.severity).max()
    }

    pub fn by_id(&self, id: &str) -> Option<&Warning> {
        self.warnings.iter().find(|w| w.id == id)
    }

    /// The warnings `keep` accepts, in the report's order: what one tool shows of it.
    pub fn warnings_where(self, keep: impl Fn(&Warning) -> bool) -> Vec<Warning> {
        self.warnings.into_iter().filter(|w| keep(w)).collect()
    }
}

/// An engagement rate with the benchmark of the same formula (never compare across formulas).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EngagementInput {
    /// 0.085 for 8.5%.
    pub rate: f64,
    /// Benchmark for the same platform, tier and formula; `None` when none is published.
    pub benchmark: Option<f64>,
    /// The formula, as shown to the user: "interactions / views (CreatorDB)".
    pub formula: String,
    /// Where the benchmark comes from: "CreatorDB, TikTok micro, 2024".
    pub benchmark_source: String,
}

/// Posting frequency against a benchmark.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CadenceInput {
    pub posts_per_week: f64,
    pub benchmark_per_week: f64,
    /// "CreatorDB micro-influencer article: TikTok micro ≈ 1 post a week".
    pub benchmark_source: String,
}

/// Everything the rules look at, as plain values; the engine fills what it knows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RiskInput {
    pub platform: Option<Platform>,
    pub tier: Option<Tier>,
    pub followers: Option<f64>,
    pub engagement: Option<EngagementInput>,
    /// (likes + comments) / followers, averaged over recent posts, for the 2% brand minimum.
    pub engagement_by_followers: Option<f64>,
    /// Average likes per recent post.
    pub average_likes: Option<f64>,
    /// The share of followers that usually like a post for accounts like this one (0.03 = 3%).
    pub usual_like_share: Option<f64>,
    /// Where that usual share comes from ("this creator's last 12 posts", a benchmark).
    pub usual_like_share_source: Option<String>,
    /// Past sponsored posts the user found.
    pub sponsored_posts: Option<u32>,
    /// Engagement rate of sponsored posts divided by that of the creator's other posts.
    pub sponsored_engagement_ratio: Option<f64>,
    pub sentiment: Option<SentimentSummary>,
    pub generic_comments: Option<GenericSummary>,
    /// dislikes / (likes + dislikes), where known (YouTube hid public dislikes in Dec 2021).
    pub dislike_ratio: Option<f64>,
    /// Follower credibility (share of real, active followers) from an audit tool, 0 to 1.
    pub follower_credibility: Option<f64>,
    pub audience_tags: Vec<String>,
    pub brand_categories: Vec<String>,
    pub cadence: Option<CadenceInput>,
    /// Caption checks of a past sponsored post, for the campaign's target jurisdictions.
    pub disclosure: Vec<JurisdictionResult>,
    // The creator's dossier, for the history rules (`rules/history.rs`) and the country fit
    // (`rules/geography.rs`). All empty: those rules stay silent (the Risks tools have no
    // dossier); `campaign::risk_profile` says where to add what is missing.
    /// Posts one by one, in any order; dated posts feed the rules over time.
    pub posts: Vec<Post>,
    /// Follower counts over time, in any order.
    pub follower_history: Vec<FollowerSnapshot>,
    /// Figures others reported (an import file's engagement rate), to set against the posts.
    pub reported: Vec<ReportedFigure>,
    /// Where the audience lives, as the creator's insights name the countries.
    pub audience_countries: Vec<Share>,
    /// The campaign's target countries.
    pub target_countries: Vec<Jurisdiction>,
}

/// dislikes / (likes + dislikes); `None` when both are zero or unknown.
pub fn dislike_ratio(likes: Option<f64>, dislikes: Option<f64>) -> Option<f64> {
    let (l, d) = (likes?, dislikes?);
    let total = l + d;
    (l >= 0.0 && d >= 0.0 && total > 0.0 && total.is_finite()).then(|| d / total)
}
// ---------------------------------------------------------------------------------------------
// Rules.

/// Runs every rule on `input` with `thresholds`.
pub fn assess(input: &RiskInput, thresholds: &Thresholds) -> RiskReport {
    let mut report = RiskReport::default();
    engagement_rules(input, thresholds, &mut report);
    likes_rules(input, thresholds, &mut report);
    generic_comment_rule(input, thresholds, &mut report);
    credibility_rule(input, thresholds, &mut report);
    hate_watching_rules(input, thresholds, &mut report);
    audience_rule(input, thresholds, &mut report);
    inexperience_rule(input, thresholds, &mut report);
    cadence_rule(input, thresholds, &mut report);
    disclosure_rule(input, &mut report);
    let dossier = assess_dossier(input, thresholds).report;
    report.warnings.extend(dossier.warnings);
    report.not_checked.extend(dossier.not_checked);
    // Most severe first; among equals, the order of RiskKind.
    report
        .warnings
        .sort_by(|a, b| b.severity.cmp(&a.severity).then(a.kind.cmp(&b.kind)));
    report
}

fn usable(v: Option<f64>) -> Option<f64> {
    v.filter(|x| x.is_finite() && *x >= 0.0)
}

fn pct(v: f64) -> String {
    percent(Some(v), 1)
}

fn pct0(v: f64) -> String {
    percent(Some(v), 0)
}

fn times(v: f64) -> String {
    format_value(ThresholdUnit::Multiple, v)
}

fn tier_phrase(input: &RiskInput) -> String {
    match (input.platform, input.tier) {
        (Some(p), Some(t)) => format!("{} {} creators", t.name().to_lowercase(), p.name()),
        (Some(p), None) => format!("{} creators", p.name()),
        (None, Some(t)) => format!("{} creators", t.name().to_lowercase()),
        (None, None) => "creators like this one".to_string(),
    }
}

fn not_checked(report: &mut RiskReport, kind: RiskKind, reason: &str) {
    report.not_checked.push(NotChecked {
        kind,
        reason: reason.to_string(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::risk::comments::summarise_generic;
    use crate::risk::disclosure::{check, DisclosureInput, Jurisdiction};
    use crate::risk::sentiment::{summarise_comments, Lexicon};
    use crate::risk::thresholds::ThresholdInfo;
    use crate::testing::check_cases;

    /// The severity of warning `id` on `input`; `None` when it does not fire.
    fn severity_of(input: &RiskInput, t: &Thresholds, id: &str) -> Option<Severity> {
        assess(input, t).by_id(id).map(|w| w.severity)
    }

    /// Warning `id` on `input`, which must fire.
    fn fired(input: &RiskInput, t: &Thresholds, id: &str) -> Warning {
        assess(input, t)
            .by_id(id)
            .cloned()
            .unwrap_or_else(|| panic!("warning expected"))
    }

    fn ids(report: &RiskReport) -> Vec<&str> {
        report.warnings.iter().map(|w| w.id.as_str()).collect()
    }

    /// The ids of the warnings on `input` that start with `prefix`, in the report's order.
    fn ids_starting(input: &RiskInput, t: &Thresholds, prefix: &str) -> Vec<String> {
        let report = assess(input, t);
        ids(&report)
            .into_iter()
            .filter(|id| id.starts_with(prefix))
            .map(String::from)
            .collect()
    }

    fn engagement(rate: f64, benchmark: Option<f64>) -> Option<EngagementInput> {
        Some(EngagementInput {
            rate,
            benchmark,
            formula: "interactions / views".into(),
            benchmark_source: "CreatorDB, TikTok micro".into(),
        })
    }

    #[test]
    fn engagement_anomalies() {
        let t = Thresholds::default();
        let tiktok_micro = |rate: f64, benchmark: Option<f64>| RiskInput {
            engagement: engagement(rate, benchmark),
            platform: Some(Platform::TikTok),
            tier: Some(Tier::Micro),
            ..RiskInput::default()
        };
        // ((rate, benchmark), expected warning ids)
        let above: &[&str] = &["engagement-far-above-benchmark"];
        let below: &[&str] = &["engagement-far-below-benchmark"];
        let cases: [(_, &[&str]); 8] = [
            ((0.20, Some(0.085)), above),
            ((0.17, Some(0.085)), &[]), // exactly 2× is not "more than 2×"
            ((0.09, Some(0.085)), &[]),
            ((0.04, Some(0.085)), below),
            ((0.0, Some(0.085)), below),
            ((0.50, None), &[]),
            ((0.50, Some(0.0)), &[]),
            ((f64::NAN, Some(0.085)), &[]),
        ];
        check_cases(cases, |(rate, benchmark)| {
            ids_starting(&tiktok_micro(rate, benchmark), &t, "engagement-far")
        });
        let w = fired(
            &tiktok_micro(0.20, Some(0.085)),
            &t,
            "engagement-far-above-benchmark",
        );
        assert_eq!(w.severity, Severity::High);
        assert!(
            w.evidence.iter().any(|e| e.value == "20.0%"),
            "{:?}",
            w.evidence
        );
        assert!(
            w.evidence.iter().any(|e| e.value == "8.5%"),
            "{:?}",
            w.evidence
        );
        assert!(w.why.contains("micro TikTok creators"), "{}", w.why);
    }

    #[test]
    fn ghost_follower_minimum() {
        let t = Thresholds::default();
        // ((by followers, rate vs benchmark), expected severity)
        let cases = [
            ((0.025, None), None),
            ((0.015, None), Some(Severity::Caution)),
            ((0.015, Some((0.01, 0.016))), Some(Severity::Caution)),
            ((0.006, Some((0.006, 0.0054))), Some(Severity::Info)),
        ];
        check_cases(cases, |(by_followers, eng): (f64, Option<(f64, f64)>)| {
            let input = RiskInput {
                engagement_by_followers: Some(by_followers),
                engagement: eng.and_then(|(r, b)| engagement(r, Some(b))),
                ..RiskInput::default()
            };
            severity_of(&input, &t, "engagement-below-brand-minimum")
        });
    }

    #[test]
    fn likes_against_followers() {
        let t = Thresholds::default();
        use Platform::{Instagram, TikTok};
        let below: &[&str] = &["likes-below-usual"];
        let above: &[&str] = &["likes-above-followers"];
        // ((platform, followers, likes, usual share), expected ids)
        let cases: [(_, &[&str]); 6] = [
            ((Instagram, 50_000.0, 2_000.0, Some(0.04)), &[]),
            ((Instagram, 50_000.0, 500.0, Some(0.04)), below),
            ((Instagram, 50_000.0, 800.0, Some(0.04)), &[]), // exactly 40%: not below
            ((Instagram, 50_000.0, 60_000.0, Some(0.04)), above),
            ((TikTok, 50_000.0, 60_000.0, None), above),
            ((Instagram, 0.0, 10.0, Some(0.04)), &[]),
        ];
        check_cases(cases, |(platform, followers, likes, usual)| {
            let input = RiskInput {
                platform: Some(platform),
                followers: Some(followers),
                average_likes: Some(likes),
                usual_like_share: usual,
                ..RiskInput::default()
            };
            ids_starting(&input, &t, "likes-")
        });
        let severity = |p: Platform| {
            let input = RiskInput {
                platform: Some(p),
                followers: Some(1_000.0),
                average_likes: Some(5_000.0),
                ..RiskInput::default()
            };
            assess(&input, &t)
                .by_id("likes-above-followers")
                .map(|w| w.severity)
        };
        assert_eq!(severity(Platform::Instagram), Some(Severity::Caution));
        assert_eq!(severity(Platform::TikTok), Some(Severity::Info));
        assert_eq!(severity(Platform::YouTube), Some(Severity::Info));
    }

    #[test]
    fn generic_comment_shares() {
        let t = Thresholds::default();
        let specific = "Where is this place?\nI made this last week, so good with lime\nHow long did the dough rest?\nYour tips saved my sourdough\n";
        // (sample, expected severity)
        let bought = format!(
            "{}{}",
            "nice\ngreat pic\n😍😍\nfollow me\n".repeat(3),
            specific.repeat(2)
        );
        let normal = format!("{}nice\n🔥🔥\nwow\n", specific.repeat(4));
        let tiny = "nice\n🔥🔥\nwhere?";
        let cases = [
            (bought.as_str(), Some(Severity::High)),
            (normal.as_str(), None),
            (tiny, Some(Severity::Info)),
        ];
        check_cases(cases, |sample| {
            let input = RiskInput {
                generic_comments: Some(summarise_generic(sample)),
                ..RiskInput::default()
            };
            severity_of(&input, &t, "generic-comments")
        });
        let input = RiskInput {
            generic_comments: Some(summarise_generic(&bought)),
            ..RiskInput::default()
        };
        let w = fired(&input, &t, "generic-comments");
        assert_eq!(
            w.evidence.first().map(|e| e.value.as_str()),
            Some("12 of 20 (60%)")
        );
        assert!(w
            .evidence
            .iter()
            .any(|e| e.label == "Examples" && e.value.contains("“nice”")));
        let empty = assess(&RiskInput::default(), &t);
        assert!(empty
            .not_checked
            .iter()
            .any(|n| n.reason.contains("Paste a sample of comments")));
    }

    #[test]
    fn hate_watching_from_comments() {
        let lexicon = Lexicon::parse(include_str!("../../../public/lexicon/vader_lexicon.txt"))
            .unwrap_or_default();
        let t = Thresholds::default();
        let hateful = "you are so annoying\nworst creator ever\nI hate this\nthis is awful\ncringe and fake\nunfollowed, terrible\n";
        let happy =
            "love this so much\ngreat video\nthank you for the tips\nso helpful\nwhere is this?\n";
        // (sample, expected severity)
        let cases = [
            (hateful.repeat(4), Some(Severity::High)),
            (
                format!("{}{}", hateful.repeat(2), happy.repeat(4)),
                Some(Severity::Caution),
            ),
            (happy.repeat(5), None),
            (hateful.to_string(), Some(Severity::Info)), // 6 comments: too few to call it
        ];
        check_cases(cases, |sample| {
            let input = RiskInput {
                sentiment: Some(summarise_comments(&lexicon, &sample)),
                ..RiskInput::default()
            };
            let w = assess(&input, &t).by_id("negative-comments").cloned()?;
            assert!(
                w.why.contains("English only"),
                "the caveat travels with the warning"
            );
            assert!(w
                .evidence
                .iter()
                .any(|e| e.label.starts_with("Negative comment (score")));
            Some(w.severity)
        });
    }

    #[test]
    fn dislikes_and_sponsored_drop() {
        let t = Thresholds::default();
        assert_eq!(dislike_ratio(Some(750.0), Some(250.0)), Some(0.25));
        assert_eq!(dislike_ratio(Some(0.0), Some(0.0)), None);
        assert_eq!(dislike_ratio(None, Some(3.0)), None);
        // ((dislike ratio, sponsored engagement ratio), expected ids)
        let cases: [(_, &[&str]); 4] = [
            ((Some(0.25), None), &["dislikes-high"]),
            ((Some(0.05), None), &[]),
            ((None, Some(0.3)), &["sponsored-engagement-drop"]),
            ((None, Some(0.9)), &[]),
        ];
        check_cases(cases, |(dislikes, sponsored)| {
            let input = RiskInput {
                dislike_ratio: dislikes,
                sponsored_engagement_ratio: sponsored,
                ..RiskInput::default()
            };
            let report = assess(&input, &t);
            assert!(!report
                .not_checked
                .iter()
                .any(|n| n.kind == RiskKind::HateWatching));
            report
                .warnings_where(|w| w.kind == RiskKind::HateWatching)
                .into_iter()
                .map(|w| w.id)
                .collect::<Vec<_>>()
        });
    }

    #[test]
    fn audience_fit_rule() {
        let t = Thresholds::default();
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        // ((audience, brand), expected severity)
        let cases: [((&[&str], &[&str]), _); 4] = [
            ((&["gym", "cooking"], &["fitness", "food"]), None),
            (
                (&["gym", "cars"], &["fitness", "food", "beauty"]),
                Some(Severity::Caution),
            ),
            ((&["gaming"], &["beauty", "fashion"]), Some(Severity::High)),
            ((&[], &["beauty"]), None),
        ];
        check_cases(cases, |(audience, brand)| {
            let input = RiskInput {
                audience_tags: s(audience),
                brand_categories: s(brand),
                ..RiskInput::default()
            };
            severity_of(&input, &t, "audience-fit-low")
        });
        let input = RiskInput {
            audience_tags: s(&["#Workouts", "cars"]),
            brand_categories: s(&["fitness", "food", "beauty"]),
            ..RiskInput::default()
        };
        let w = fired(&input, &t, "audience-fit-low");
        let evidence: Vec<(&str, &str)> = w
            .evidence
            .iter()
            .map(|e| (e.label.as_str(), e.value.as_str()))
            .collect();
        assert_eq!(
            evidence,
            [
                ("Covered", "1 of 3 brand categories (33%)"),
                ("Matching", "fitness (via “Workouts”, both fitness)"),
                ("Missing", "food, beauty"),
                ("The audience is into", "cars"),
            ]
        );
    }

    #[test]
    fn inexperience_links_to_the_checklist() {
        let t = Thresholds::default();
        let cases = [
            (Some(0), Some("No past sponsored posts")),
            (Some(1), Some("Only 1 past sponsored post")),
            (Some(2), Some("Only 2 past sponsored posts")),
            (Some(3), None),
            (None, None),
        ];
        check_cases(cases.map(|(n, want)| (n, want.map(String::from))), |n| {
            let input = RiskInput {
                sponsored_posts: n,
                ..RiskInput::default()
            };
            let w = assess(&input, &t).by_id("few-sponsored-posts").cloned()?;
            assert_eq!(w.checklist_item.as_deref(), Some(APPROVAL_CHECKLIST_ID));
            assert_eq!(w.kind, RiskKind::Inexperience);
            Some(w.title)
        });
        assert_eq!(APPROVAL_CHECKLIST_ID, "approval-framework");
    }

    #[test]
    fn cadence_rule_cases() {
        let t = Thresholds::default();
        // ((posts per week, benchmark), whether it fires)
        let cases = [
            ((1.0, 3.0), true),
            ((2.0, 3.0), false),
            ((1.5, 3.0), false),
            ((0.0, 1.0), true),
            ((1.0, 0.0), false),
        ];
        check_cases(cases, |(posts, bench)| {
            let input = RiskInput {
                cadence: Some(CadenceInput {
                    posts_per_week: posts,
                    benchmark_per_week: bench,
                    benchmark_source: "CreatorDB".into(),
                }),
                ..RiskInput::default()
            };
            assess(&input, &t).by_id("cadence-far-below").is_some()
        });
    }

    #[test]
    fn disclosure_results_become_a_warning() {
        let t = Thresholds::default();
        let caption = |c: &str| DisclosureInput {
            caption: c.into(),
            ..DisclosureInput::default()
        };
        let targets = [Jurisdiction::Us, Jurisdiction::Germany];
        let run = |c: &str| {
            let input = RiskInput {
                disclosure: targets.iter().map(|&j| check(&caption(c), j)).collect(),
                ..RiskInput::default()
            };
            assess(&input, &t)
                .by_id("disclosure-not-met")
                .map(|w| (w.severity, w.title.clone()))
        };
        assert_eq!(run("Werbung #ad neue Schuhe"), None);
        assert_eq!(
            run("#ad new shoes"),
            Some((
                Severity::Caution,
                "The past sponsored caption falls short in 1 of 2 target countries".into()
            ))
        );
        assert_eq!(run("new shoes").map(|(s, _)| s), Some(Severity::High));
    }

    #[test]
    fn empty_input_lists_what_was_not_checked() {
        let report = assess(&RiskInput::default(), &Thresholds::default());
        assert!(report.warnings.is_empty());
        assert_eq!(report.highest(), None);
        for kind in RiskKind::ALL {
            assert!(
                report.not_checked.iter().any(|n| n.kind == kind),
                "{kind:?} should be listed as not checked"
            );
        }
    }

    #[test]
    fn warnings_are_sorted_and_thresholds_change_outcomes() {
        let input = RiskInput {
            engagement: engagement(0.20, Some(0.085)),
            sponsored_posts: Some(1),
            ..RiskInput::default()
        };
        let report = assess(&input, &Thresholds::default());
        assert_eq!(
            ids(&report),
            ["engagement-far-above-benchmark", "few-sponsored-posts"]
        );
        assert_eq!(report.highest(), Some(Severity::High));
        let mut lenient = Thresholds::default();
        assert_eq!(lenient.set("engagement_high_multiple", 3.0), Ok(()));
        assert_eq!(lenient.set("min_sponsored_posts", 1.0), Ok(()));
        assert!(assess(&input, &lenient).warnings.is_empty());
        for w in &report.warnings {
            let key = w.threshold.clone().unwrap_or_default();
            assert!(
                ThresholdInfo::find(&key).is_some(),
                "{} points at unknown threshold {key}",
                w.id
            );
        }
    }
}
