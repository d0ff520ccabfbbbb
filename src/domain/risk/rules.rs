//! Risk rules: turn a creator's numbers and comment samples into explained warnings (DOMAIN.md §5), with editable thresholds.
//!
//! Each rule is a published heuristic or a stated default, applied to plain inputs the engine
//! fills in. A warning says what was seen (with numbers), why it matters and what to do; a rule
//! that lacks its inputs is listed as "not checked" rather than passing silently.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::domain::creator::platform::Platform;
use crate::domain::creator::tier::Tier;
use crate::domain::risk::audience::{audience_fit, MatchVia};
use crate::domain::risk::comments::{GenericSummary, NORMAL_SHARE_NOTE};
use crate::domain::risk::disclosure::{JurisdictionResult, Verdict, DISCLAIMER};
use crate::domain::risk::sentiment::{SentimentSummary, ENGLISH_ONLY_NOTE};
use crate::domain::text::format::{compact, percent};
use crate::domain::text::number::parse_amount;

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

impl RiskKind {
    pub const ALL: [RiskKind; 7] = [
        RiskKind::HateWatching,
        RiskKind::BoughtEngagement,
        RiskKind::AudienceFit,
        RiskKind::Inexperience,
        RiskKind::Disclosure,
        RiskKind::EngagementAnomaly,
        RiskKind::Cadence,
    ];

    pub fn label(self) -> &'static str {
        match self {
            RiskKind::HateWatching => "Hate-watching",
            RiskKind::BoughtEngagement => "Fake or bought engagement",
            RiskKind::AudienceFit => "Audience fit",
            RiskKind::Inexperience => "Inexperience with brands",
            RiskKind::Disclosure => "Ad disclosure",
            RiskKind::EngagementAnomaly => "Engagement anomaly",
            RiskKind::Cadence => "Posting cadence",
        }
    }
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
}

/// dislikes / (likes + dislikes); `None` when both are zero or unknown.
pub fn dislike_ratio(likes: Option<f64>, dislikes: Option<f64>) -> Option<f64> {
    let (l, d) = (likes?, dislikes?);
    let total = l + d;
    (l >= 0.0 && d >= 0.0 && total > 0.0 && total.is_finite()).then(|| d / total)
}

// ---------------------------------------------------------------------------------------------
// Thresholds.

/// Every number a rule compares against, in one place. Shares are fractions (0.3 = 30%).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Thresholds {
    pub engagement_high_multiple: f64,
    pub engagement_low_multiple: f64,
    pub min_engagement_by_followers: f64,
    pub likes_low_share_of_usual: f64,
    pub likes_high_share_of_followers: f64,
    pub generic_comment_share: f64,
    pub negative_comment_share: f64,
    pub negative_comment_share_high: f64,
    pub min_comment_sample: f64,
    pub dislike_ratio: f64,
    pub sponsored_engagement_drop: f64,
    pub min_follower_credibility: f64,
    pub min_sponsored_posts: f64,
    pub min_audience_overlap: f64,
    pub cadence_low_multiple: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        let mut t = Thresholds {
            engagement_high_multiple: 0.0,
            engagement_low_multiple: 0.0,
            min_engagement_by_followers: 0.0,
            likes_low_share_of_usual: 0.0,
            likes_high_share_of_followers: 0.0,
            generic_comment_share: 0.0,
            negative_comment_share: 0.0,
            negative_comment_share_high: 0.0,
            min_comment_sample: 0.0,
            dislike_ratio: 0.0,
            sponsored_engagement_drop: 0.0,
            min_follower_credibility: 0.0,
            min_sponsored_posts: 0.0,
            min_audience_overlap: 0.0,
            cadence_low_multiple: 0.0,
        };
        for info in THRESHOLDS {
            if let Some(slot) = t.slot(info.key) {
                *slot = info.default;
            }
        }
        t
    }
}

/// How a threshold is shown and typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThresholdUnit {
    /// Stored as a fraction, shown and typed as a percentage ("30" means 30%).
    Percent,
    /// A multiple of a benchmark ("2" means 2×).
    Multiple,
    /// A whole number.
    Count,
}

/// What a threshold means, where its default comes from, and what values make sense.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ThresholdInfo {
    pub key: &'static str,
    pub label: &'static str,
    pub explanation: &'static str,
    /// Where the default comes from; "Microscope default" when it is our own pick.
    pub source: &'static str,
    pub unit: ThresholdUnit,
    pub default: f64,
    pub min: f64,
    pub max: f64,
}

/// The threshold table: labels and explanations for the settings screen, defaults, valid ranges.
pub const THRESHOLDS: &[ThresholdInfo] = &[
    ThresholdInfo {
        key: "engagement_high_multiple",
        label: "Engagement far above benchmark",
        explanation: "Flag an engagement rate more than this many times the benchmark for the same platform, tier and formula. Far-above-normal engagement is a common sign of bought likes, comment pods or one viral post skewing the average.",
        source: "Published fake-engagement heuristic: more than 2× the tier benchmark is a red flag (DOMAIN.md §5)",
        unit: ThresholdUnit::Multiple,
        default: 2.0,
        min: 1.1,
        max: 20.0,
    },
    ThresholdInfo {
        key: "engagement_low_multiple",
        label: "Engagement far below benchmark",
        explanation: "Flag an engagement rate below this fraction of the benchmark (same formula). Many followers who never engage point to ghost or bought followers.",
        source: "Microscope default: the mirror image of the 2× rule (half the benchmark)",
        unit: ThresholdUnit::Multiple,
        default: 0.5,
        min: 0.05,
        max: 0.95,
    },
    ThresholdInfo {
        key: "min_engagement_by_followers",
        label: "Brand minimum engagement by followers",
        explanation: "Many brands ask for at least this engagement rate by followers ((likes + comments) / followers). Below it and below the tier benchmark, ghost followers are likely.",
        source: "Brands commonly ask for at least 2% by followers (DOMAIN.md §5)",
        unit: ThresholdUnit::Percent,
        default: 0.02,
        min: 0.001,
        max: 0.5,
    },
    ThresholdInfo {
        key: "likes_low_share_of_usual",
        label: "Likes far below the usual share of followers",
        explanation: "Flag when the share of followers who like a post is below this fraction of the usual share (for example 1% where 4% is usual is 25%). Few likers for the audience size suggests bought or inactive followers.",
        source: "Published heuristic: below 40% of the usual share of followers (DOMAIN.md §5)",
        unit: ThresholdUnit::Percent,
        default: 0.40,
        min: 0.05,
        max: 0.95,
    },
    ThresholdInfo {
        key: "likes_high_share_of_followers",
        label: "Likes above the follower count",
        explanation: "Flag average likes above this share of followers. More likes than followers usually means a giveaway, paid boosting, a viral post or bought likes. Common for TikTok and YouTube, whose feeds reach beyond followers.",
        source: "Published heuristic: above 100% (DOMAIN.md §5)",
        unit: ThresholdUnit::Percent,
        default: 1.0,
        min: 0.1,
        max: 10.0,
    },
    ThresholdInfo {
        key: "generic_comment_share",
        label: "Generic comments",
        explanation: "Flag when this share of comments or more are emoji-only, one word, stock praise (“great pic”) or spam. 1 to 3 out of 20 is normal.",
        source: "Published heuristic: 50% or more generic comments (DOMAIN.md §5)",
        unit: ThresholdUnit::Percent,
        default: 0.50,
        min: 0.10,
        max: 1.0,
    },
    ThresholdInfo {
        key: "negative_comment_share",
        label: "Negative comments (caution)",
        explanation: "Warn of possible hate-watching when this share of comments or more read negative. 30% means about one comment in three, well above the share that sarcasm and slang misread by the word list can explain.",
        source: "Microscope default: no published cut-off; 30% leaves room for VADER's misreadings",
        unit: ThresholdUnit::Percent,
        default: 0.30,
        min: 0.05,
        max: 1.0,
    },
    ThresholdInfo {
        key: "negative_comment_share_high",
        label: "Negative comments (high risk)",
        explanation: "Treat hate-watching as a high risk when this share of comments or more read negative: negativity is then the majority reaction.",
        source: "Microscope default: half of the comments",
        unit: ThresholdUnit::Percent,
        default: 0.50,
        min: 0.05,
        max: 1.0,
    },
    ThresholdInfo {
        key: "min_comment_sample",
        label: "Smallest comment sample to judge",
        explanation: "With fewer comments than this, shares are too noisy to call a risk: the warning is shown as information only.",
        source: "Microscope default: 20, the sample size of the published “1 to 3 of 20” rule",
        unit: ThresholdUnit::Count,
        default: 20.0,
        min: 1.0,
        max: 1000.0,
    },
    ThresholdInfo {
        key: "dislike_ratio",
        label: "Dislike ratio",
        explanation: "Flag when dislikes are this share or more of likes plus dislikes (where the count is known; YouTube hid public dislikes in December 2021).",
        source: "Microscope default: one dislike for every four likes",
        unit: ThresholdUnit::Percent,
        default: 0.20,
        min: 0.01,
        max: 0.9,
    },
    ThresholdInfo {
        key: "sponsored_engagement_drop",
        label: "Engagement on sponsored posts",
        explanation: "Flag when sponsored posts get less than this share of the creator's usual engagement: the audience turns away when the creator advertises.",
        source: "Microscope default: half the usual engagement",
        unit: ThresholdUnit::Percent,
        default: 0.5,
        min: 0.05,
        max: 0.95,
    },
    ThresholdInfo {
        key: "min_follower_credibility",
        label: "Follower credibility",
        explanation: "Flag when an audit tool rates fewer than this share of followers as real and active.",
        source: "Modash flags credibility below 75%; GRIN asks for more than 80% genuine followers",
        unit: ThresholdUnit::Percent,
        default: 0.75,
        min: 0.3,
        max: 0.99,
    },
    ThresholdInfo {
        key: "min_sponsored_posts",
        label: "Past sponsored posts",
        explanation: "With fewer past sponsored posts than this, treat the creator as new to brand work and plan an approval process and a content framework.",
        source: "Microscope default: 3; the source article recommends an approval process for inexperienced creators",
        unit: ThresholdUnit::Count,
        default: 3.0,
        min: 1.0,
        max: 100.0,
    },
    ThresholdInfo {
        key: "min_audience_overlap",
        label: "Audience fit",
        explanation: "Flag when the creator's audience interests cover less than this share of the campaign's brand categories.",
        source: "Microscope default: half of the brand categories",
        unit: ThresholdUnit::Percent,
        default: 0.5,
        min: 0.05,
        max: 1.0,
    },
    ThresholdInfo {
        key: "cadence_low_multiple",
        label: "Posting far less than usual",
        explanation: "Flag when the creator posts less than this fraction of the benchmark's posts per week.",
        source: "Microscope default: half the benchmark cadence",
        unit: ThresholdUnit::Multiple,
        default: 0.5,
        min: 0.05,
        max: 0.95,
    },
];

/// Why an edited threshold was refused. Shown to the user.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ThresholdError {
    #[error("There is no threshold called “{0}”.")]
    UnknownKey(String),
    #[error("{label}: {reason}")]
    NotANumber { label: String, reason: String },
    #[error("{label}: {value} is outside the sensible range of {min} to {max}.")]
    OutOfRange {
        label: String,
        value: String,
        min: String,
        max: String,
    },
    #[error("{label}: {value} must be a whole number.")]
    NotWhole { label: String, value: String },
    #[error("“{low}” ({low_value}) must not be higher than “{high}” ({high_value}).")]
    Order {
        low: String,
        low_value: String,
        high: String,
        high_value: String,
    },
}

/// Pairs that must stay in order: (lower key, higher key).
const ORDERED: &[(&str, &str)] = &[("negative_comment_share", "negative_comment_share_high")];

impl ThresholdInfo {
    pub fn find(key: &str) -> Option<&'static ThresholdInfo> {
        THRESHOLDS.iter().find(|i| i.key == key)
    }

    /// "2×", "30%", "20".
    pub fn format(&self, value: f64) -> String {
        format_value(self.unit, value)
    }

    fn check(&self, value: f64) -> Result<(), ThresholdError> {
        if !value.is_finite() {
            return Err(ThresholdError::NotANumber {
                label: self.label.to_string(),
                reason: "the value is not a number.".to_string(),
            });
        }
        if self.unit == ThresholdUnit::Count && value.fract() != 0.0 {
            // Quote the value as typed: `format` rounds counts, which turned 2.5 into "2".
            return Err(ThresholdError::NotWhole {
                label: self.label.to_string(),
                value: value.to_string(),
            });
        }
        if value < self.min || value > self.max {
            return Err(ThresholdError::OutOfRange {
                label: self.label.to_string(),
                value: self.format(value),
                min: self.format(self.min),
                max: self.format(self.max),
            });
        }
        Ok(())
    }
}

fn format_value(unit: ThresholdUnit, value: f64) -> String {
    if !value.is_finite() {
        return "n/a".to_string();
    }
    match unit {
        ThresholdUnit::Percent => {
            let pct = value * 100.0;
            if (pct - pct.round()).abs() < 1e-9 {
                format!("{pct:.0}%")
            } else {
                trim_number(format!("{pct:.2}")) + "%"
            }
        }
        ThresholdUnit::Multiple => trim_number(format!("{value:.2}")) + "×",
        ThresholdUnit::Count => format!("{value:.0}"),
    }
}

fn trim_number(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

impl Thresholds {
    fn slot(&mut self, key: &str) -> Option<&mut f64> {
        Some(match key {
            "engagement_high_multiple" => &mut self.engagement_high_multiple,
            "engagement_low_multiple" => &mut self.engagement_low_multiple,
            "min_engagement_by_followers" => &mut self.min_engagement_by_followers,
            "likes_low_share_of_usual" => &mut self.likes_low_share_of_usual,
            "likes_high_share_of_followers" => &mut self.likes_high_share_of_followers,
            "generic_comment_share" => &mut self.generic_comment_share,
            "negative_comment_share" => &mut self.negative_comment_share,
            "negative_comment_share_high" => &mut self.negative_comment_share_high,
            "min_comment_sample" => &mut self.min_comment_sample,
            "dislike_ratio" => &mut self.dislike_ratio,
            "sponsored_engagement_drop" => &mut self.sponsored_engagement_drop,
            "min_follower_credibility" => &mut self.min_follower_credibility,
            "min_sponsored_posts" => &mut self.min_sponsored_posts,
            "min_audience_overlap" => &mut self.min_audience_overlap,
            "cadence_low_multiple" => &mut self.cadence_low_multiple,
            _ => return None,
        })
    }

    pub fn get(&self, key: &str) -> Option<f64> {
        let mut copy = *self;
        copy.slot(key).map(|v| *v)
    }

    /// Sets one threshold after checking its range and that ordered pairs stay in order.
    pub fn set(&mut self, key: &str, value: f64) -> Result<(), ThresholdError> {
        let info =
            ThresholdInfo::find(key).ok_or_else(|| ThresholdError::UnknownKey(key.to_string()))?;
        info.check(value)?;
        let mut next = *self;
        if let Some(slot) = next.slot(key) {
            *slot = value;
        }
        next.check_order()?;
        *self = next;
        Ok(())
    }

    /// Sets a threshold from what the user typed: percentages as "30" or "30%", multiples as
    /// "2", "2x" or "2×", counts as whole numbers.
    pub fn set_from_text(&mut self, key: &str, text: &str) -> Result<(), ThresholdError> {
        let info =
            ThresholdInfo::find(key).ok_or_else(|| ThresholdError::UnknownKey(key.to_string()))?;
        let trimmed = text.trim();
        let bare = match info.unit {
            ThresholdUnit::Percent => trimmed.trim_end_matches('%'),
            ThresholdUnit::Multiple => trimmed.trim_end_matches(['x', 'X', '×']),
            ThresholdUnit::Count => trimmed,
        };
        let number = parse_amount(bare).map_err(|e| ThresholdError::NotANumber {
            label: info.label.to_string(),
            reason: e.to_string(),
        })?;
        let value = match info.unit {
            ThresholdUnit::Percent => number / 100.0,
            _ => number,
        };
        self.set(key, value)
    }

    /// Every problem with these values (for example after loading old settings).
    pub fn validate(&self) -> Result<(), Vec<ThresholdError>> {
        let mut errors: Vec<ThresholdError> = THRESHOLDS
            .iter()
            .filter_map(|info| self.get(info.key).and_then(|v| info.check(v).err()))
            .collect();
        if let Err(e) = self.check_order() {
            errors.push(e);
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// A copy with every invalid value (or broken pair) reset to its default.
    pub fn repaired(&self) -> Thresholds {
        let defaults = Thresholds::default();
        let mut out = *self;
        for info in THRESHOLDS {
            let bad = out.get(info.key).is_none_or(|v| info.check(v).is_err());
            if bad {
                if let Some(slot) = out.slot(info.key) {
                    *slot = info.default;
                }
            }
        }
        if out.check_order().is_err() {
            for (low, high) in ORDERED {
                for key in [low, high] {
                    if let (Some(slot), Some(d)) = (out.slot(key), defaults.get(key)) {
                        *slot = d;
                    }
                }
            }
        }
        out
    }

    fn check_order(&self) -> Result<(), ThresholdError> {
        for (low, high) in ORDERED {
            let (Some(lv), Some(hv)) = (self.get(low), self.get(high)) else {
                continue;
            };
            let (Some(li), Some(hi)) = (ThresholdInfo::find(low), ThresholdInfo::find(high)) else {
                continue;
            };
            if lv > hv {
                return Err(ThresholdError::Order {
                    low: li.label.to_string(),
                    low_value: li.format(lv),
                    high: hi.label.to_string(),
                    high_value: hi.format(hv),
                });
            }
        }
        Ok(())
    }

    /// "30%" for a key, as the settings screen shows it.
    pub fn display(&self, key: &str) -> Option<String> {
        let info = ThresholdInfo::find(key)?;
        self.get(key).map(|v| info.format(v))
    }
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

fn engagement_rules(input: &RiskInput, t: &Thresholds, report: &mut RiskReport) {
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
                    report.warnings.push(Warning {
                        id: "engagement-far-above-benchmark".into(),
                        kind: RiskKind::EngagementAnomaly,
                        severity: Severity::High,
                        title: format!("Engagement is {} the benchmark", times(ratio)),
                        evidence,
                        why: format!(
                            "More than {} the usual engagement of {} is a published red flag for bought likes, comment pods or engagement groups. One viral post can also lift an average.",
                            times(t.engagement_high_multiple),
                            tier_phrase(input)
                        ),
                        action: "Look at recent posts one by one: if a single viral post lifts the average, judge by the median. If every post is this high, read the comments for generic ones and ask the creator for audience and reach screenshots.".into(),
                        checklist_item: None,
                        threshold: Some("engagement_high_multiple".into()),
                    });
                } else if ratio < t.engagement_low_multiple {
                    report.warnings.push(Warning {
                        id: "engagement-far-below-benchmark".into(),
                        kind: RiskKind::EngagementAnomaly,
                        severity: Severity::Caution,
                        title: format!("Engagement is only {} the benchmark", times(ratio)),
                        evidence,
                        why: format!(
                            "Far less engagement than usual for {} means many followers never react: ghost followers, bought followers, or an audience that has moved on.",
                            tier_phrase(input)
                        ),
                        action: "Ask for audience insights (active followers, reach per post); compare a few recent posts; pay per result rather than per post if you go ahead.".into(),
                        checklist_item: None,
                        threshold: Some("engagement_low_multiple".into()),
                    });
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
            report.warnings.push(Warning {
                id: "engagement-below-brand-minimum".into(),
                kind: RiskKind::EngagementAnomaly,
                severity,
                title: format!("Engagement by followers is {}", pct(rate)),
                evidence: vec![
                    ev("Engagement by followers ((likes + comments) / followers)", pct(rate)),
                    ev("Brand minimum", pct0(t.min_engagement_by_followers)),
                ],
                why,
                action: "Ask the creator for the share of active followers and the reach of recent posts.".into(),
                checklist_item: None,
                threshold: Some("min_engagement_by_followers".into()),
            });
        }
    }
}

fn likes_rules(input: &RiskInput, t: &Thresholds, report: &mut RiskReport) {
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
            report.warnings.push(Warning {
                id: "likes-below-usual".into(),
                kind: RiskKind::BoughtEngagement,
                severity: Severity::Caution,
                title: format!("Only {} of the usual likes for this many {noun}", pct0(ratio)),
                evidence: vec![
                    ev("Average likes", compact(likes)),
                    ev(format!("{} liking a post", capitalise(noun)), pct(share)),
                    ev(format!("Usual share ({source})"), pct(usual)),
                    ev("Threshold", format!("below {} of the usual share", pct0(t.likes_low_share_of_usual))),
                ],
                why: format!(
                    "When far fewer {noun} like posts than usual, many of them may be bought or inactive accounts, so the follower count overstates the real audience."
                ),
                action: "Judge the creator by views and likes per post, not by follower count; ask for audience insights.".into(),
                checklist_item: None,
                threshold: Some("likes_low_share_of_usual".into()),
            });
        }
    }
    if share > t.likes_high_share_of_followers {
        // TikTok and YouTube feeds reach far beyond followers, so more likes than followers is ordinary there.
        let beyond_followers = matches!(input.platform, Some(Platform::TikTok | Platform::YouTube));
        let mut why = "More likes than followers usually means a giveaway, paid boosting, one viral post, or bought likes.".to_string();
        if beyond_followers {
            why.push_str(" On TikTok and YouTube recommendations reach far beyond followers, so this is common and only worth a look.");
        }
        report.warnings.push(Warning {
            id: "likes-above-followers".into(),
            kind: RiskKind::BoughtEngagement,
            severity: if beyond_followers {
                Severity::Info
            } else {
                Severity::Caution
            },
            title: format!("Average likes are {} of {noun}", pct0(share)),
            evidence: vec![
                ev("Average likes", compact(likes)),
                ev(capitalise(noun), compact(followers)),
                ev("Threshold", format!("above {} of {noun}", pct0(t.likes_high_share_of_followers))),
            ],
            why,
            action: "Check whether the posts were giveaways or boosted; ask for reach and audience screenshots.".into(),
            checklist_item: None,
            threshold: Some("likes_high_share_of_followers".into()),
        });
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

/// A sample smaller than the minimum cannot carry more than information.
fn sample_severity(severity: Severity, total: usize, t: &Thresholds) -> Severity {
    if (total as f64) < t.min_comment_sample {
        Severity::Info
    } else {
        severity
    }
}

fn small_sample_note(total: usize, t: &Thresholds) -> Option<String> {
    ((total as f64) < t.min_comment_sample).then(|| {
        format!(
            " Only {total} comments were pasted; with fewer than {} this is a hint, not a finding. Paste more to be sure.",
            format_value(ThresholdUnit::Count, t.min_comment_sample)
        )
    })
}

fn generic_comment_rule(input: &RiskInput, t: &Thresholds, report: &mut RiskReport) {
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
            format!("{} of {} ({})", summary.generic, summary.total, pct0(share)),
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
    let mut why = format!(
        "{} generic comments or more is a published sign of bought engagement or comment pods. {NORMAL_SHARE_NOTE}",
        pct0(t.generic_comment_share)
    );
    if let Some(note) = small_sample_note(summary.total, t) {
        why.push_str(&note);
    }
    report.warnings.push(Warning {
        id: "generic-comments".into(),
        kind: RiskKind::BoughtEngagement,
        severity: sample_severity(Severity::High, summary.total, t),
        title: format!("{} of comments are generic", pct0(share)),
        evidence,
        why,
        action: "Read comments on several posts: real fans mention the content. Ask for audience insights or run an audit tool before paying.".into(),
        checklist_item: None,
        threshold: Some("generic_comment_share".into()),
    });
}

fn credibility_rule(input: &RiskInput, t: &Thresholds, report: &mut RiskReport) {
    let Some(cred) = usable(input.follower_credibility).filter(|c| *c <= 1.0) else {
        return;
    };
    if cred >= t.min_follower_credibility {
        return;
    }
    report.warnings.push(Warning {
        id: "follower-credibility-low".into(),
        kind: RiskKind::BoughtEngagement,
        severity: Severity::Caution,
        title: format!("Follower credibility is {}", pct0(cred)),
        evidence: vec![
            ev("Follower credibility (from your audit tool)", pct0(cred)),
            ev("Threshold", format!("below {}", pct0(t.min_follower_credibility))),
        ],
        why: "Audit tools estimate the share of real, active followers; Modash flags credibility below 75% and GRIN asks for more than 80% genuine followers.".into(),
        action: "Discount reach by the share of questionable followers when you compare prices, or choose a creator with a cleaner audience.".into(),
        checklist_item: None,
        threshold: Some("min_follower_credibility".into()),
    });
}

fn hate_watching_rules(input: &RiskInput, t: &Thresholds, report: &mut RiskReport) {
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
                    ev(
                        "Negative comments",
                        format!("{} of {} ({})", s.negative, s.total, pct0(share)),
                    ),
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
                let mut why = format!(
                    "A following built on negative attention (hate-watching) puts your brand next to mockery and anger. {} or more negative comments is the warning level. {ENGLISH_ONLY_NOTE}",
                    pct0(t.negative_comment_share)
                );
                if let Some(note) = small_sample_note(s.total, t) {
                    why.push_str(&note);
                }
                report.warnings.push(Warning {
                    id: "negative-comments".into(),
                    kind: RiskKind::HateWatching,
                    severity: sample_severity(base, s.total, t),
                    title: format!("{} of comments are negative", pct0(share)),
                    evidence,
                    why,
                    action: "Read the most negative comments: if the anger is aimed at the creator (not at a topic they cover), pick another creator or ask how they would handle it under a sponsored post.".into(),
                    checklist_item: None,
                    threshold: Some(if base == Severity::High {
                        "negative_comment_share_high".into()
                    } else {
                        "negative_comment_share".into()
                    }),
                });
            }
        }
    }
    if let Some(ratio) = usable(input.dislike_ratio).filter(|r| *r <= 1.0) {
        checked = true;
        if ratio >= t.dislike_ratio {
            report.warnings.push(Warning {
                id: "dislikes-high".into(),
                kind: RiskKind::HateWatching,
                severity: Severity::Caution,
                title: format!("{} of reactions are dislikes", pct0(ratio)),
                evidence: vec![
                    ev("Dislikes / (likes + dislikes)", pct(ratio)),
                    ev("Threshold", pct0(t.dislike_ratio)),
                ],
                why: "Many dislikes next to many views can mean people watch to hate the content. YouTube hid public dislike counts in December 2021, so this number is only known from the creator's own analytics.".into(),
                action: "Ask the creator for dislike and retention numbers from their analytics, and read the comments.".into(),
                checklist_item: None,
                threshold: Some("dislike_ratio".into()),
            });
        }
    }
    if let Some(ratio) = usable(input.sponsored_engagement_ratio) {
        checked = true;
        if ratio < t.sponsored_engagement_drop {
            report.warnings.push(Warning {
                id: "sponsored-engagement-drop".into(),
                kind: RiskKind::HateWatching,
                severity: Severity::Caution,
                title: format!("Sponsored posts get {} of the usual engagement", pct0(ratio)),
                evidence: vec![
                    ev("Sponsored engagement / usual engagement", pct0(ratio)),
                    ev("Threshold", format!("below {}", pct0(t.sponsored_engagement_drop))),
                ],
                why: "When engagement collapses on ads, the audience is there for the creator, not for recommendations; your post may get the same cold reaction.".into(),
                action: "Look at the comments under past sponsored posts; give the creator freedom to make the product fit their usual content.".into(),
                checklist_item: None,
                threshold: Some("sponsored_engagement_drop".into()),
            });
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

fn audience_rule(input: &RiskInput, t: &Thresholds, report: &mut RiskReport) {
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
    let matching: Vec<String> = fit
        .matching
        .iter()
        .map(|m| match &m.via {
            MatchVia::Same => m.category.clone(),
            MatchVia::Synonym(group) => {
                format!("{} (via “{}”, both {group})", m.category, m.audience_tag)
            }
        })
        .collect();
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
    report.warnings.push(Warning {
        id: "audience-fit-low".into(),
        kind: RiskKind::AudienceFit,
        severity: if score == 0.0 {
            Severity::High
        } else {
            Severity::Caution
        },
        title: format!("The audience covers {}", fit.covered_label()),
        evidence,
        why: "Reach only pays off when the audience cares about what you sell; creators should fit the brand in content and in values.".into(),
        action: "Ask the creator for audience insights (top interests, age, location), or choose creators whose audience matches the missing categories.".into(),
        checklist_item: None,
        threshold: Some("min_audience_overlap".into()),
    });
}

fn inexperience_rule(input: &RiskInput, t: &Thresholds, report: &mut RiskReport) {
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
    report.warnings.push(Warning {
        id: "few-sponsored-posts".into(),
        kind: RiskKind::Inexperience,
        severity: Severity::Caution,
        title,
        evidence: vec![
            ev("Past sponsored posts", n.to_string()),
            ev(
                "Threshold",
                format!("fewer than {}", format_value(ThresholdUnit::Count, t.min_sponsored_posts)),
            ),
        ],
        why: "Creators new to brand work more often miss briefs, deadlines or disclosure rules. The source article recommends giving inexperienced creators an approval process and a content framework.".into(),
        action: "Before signing, agree an approval step (draft, your review, publish) and a content framework: key messages, dos and don'ts, disclosure wording and dates. Then tick “Approval framework agreed” on the campaign checklist.".into(),
        checklist_item: Some(APPROVAL_CHECKLIST_ID.into()),
        threshold: Some("min_sponsored_posts".into()),
    });
}

fn cadence_rule(input: &RiskInput, t: &Thresholds, report: &mut RiskReport) {
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
    report.warnings.push(Warning {
        id: "cadence-far-below".into(),
        kind: RiskKind::Cadence,
        severity: Severity::Caution,
        title: format!("Posts {} as often as usual", times(ratio)),
        evidence: vec![
            ev("Posts per week", trim_number(format!("{posts:.1}"))),
            ev(format!("Benchmark ({})", c.benchmark_source), trim_number(format!("{bench:.1}"))),
            ev("Threshold", format!("below {} the benchmark", times(t.cadence_low_multiple))),
        ],
        why: "A creator who posts much less than usual reaches fewer people between sponsored posts, and platforms show infrequent accounts less. It can also mean a pause or lost interest.".into(),
        action: "Ask about their posting plans and put posting dates in the agreement.".into(),
        checklist_item: None,
        threshold: Some("cadence_low_multiple".into()),
    });
}

fn disclosure_rule(input: &RiskInput, report: &mut RiskReport) {
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
    report.warnings.push(Warning {
        id: "disclosure-not-met".into(),
        kind: RiskKind::Disclosure,
        severity: if missing { Severity::High } else { Severity::Caution },
        title: format!(
            "The past sponsored caption falls short in {} of {} target countries",
            failing.len(),
            input.disclosure.len()
        ),
        evidence,
        why: format!(
            "Hidden or unclear ads break consumer-protection rules, and regulators can hold the brand responsible along with the creator. {DISCLAIMER}"
        ),
        action: "Brief the creator on each target country's rules and write the exact label and its place (e.g. “#ad” at the start) into the agreement.".into(),
        checklist_item: None,
        threshold: None,
    });
}

#[cfg(test)]
mod tests {
    #[test]
    fn not_whole_quotes_the_value_as_typed() {
        // Regression: typing 2.5 for past sponsored posts said "2 must be a whole number".
        let mut t = super::Thresholds::default();
        let err = t.set_from_text("min_sponsored_posts", "2.5");
        let message = err.map_err(|e| e.to_string()).err().unwrap_or_default();
        assert!(message.contains("2.5 must be a whole number"), "{message}");
    }

    use super::*;
    use crate::domain::risk::comments::summarise_generic;
    use crate::domain::risk::disclosure::{check, DisclosureInput, Jurisdiction};
    use crate::domain::risk::sentiment::{summarise_comments, Lexicon};

    fn ids(report: &RiskReport) -> Vec<&str> {
        report.warnings.iter().map(|w| w.id.as_str()).collect()
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
    fn defaults_match_the_domain_document() {
        let t = Thresholds::default();
        let cases = [
            (t.engagement_high_multiple, 2.0),
            (t.min_engagement_by_followers, 0.02),
            (t.likes_low_share_of_usual, 0.40),
            (t.likes_high_share_of_followers, 1.0),
            (t.generic_comment_share, 0.50),
            (t.negative_comment_share, 0.30),
            (t.min_sponsored_posts, 3.0),
            (t.min_follower_credibility, 0.75),
        ];
        for (got, want) in cases {
            assert_eq!(got, want);
        }
        assert_eq!(t.validate(), Ok(()));
        for info in THRESHOLDS {
            assert_eq!(t.get(info.key), Some(info.default), "{}", info.key);
            assert!(
                info.min <= info.default && info.default <= info.max,
                "{}",
                info.key
            );
            assert!(
                !info.label.is_empty() && !info.explanation.is_empty() && !info.source.is_empty()
            );
        }
    }

    #[test]
    fn every_field_has_a_table_row() {
        // Guards against a field added to Thresholds without a row: it would stay at 0.
        let json = serde_json::to_value(Thresholds::default()).unwrap_or_default();
        let fields = json.as_object().map(|o| o.len()).unwrap_or(0);
        assert_eq!(fields, THRESHOLDS.len());
        for info in THRESHOLDS {
            assert!(json.get(info.key).is_some(), "{} is not a field", info.key);
        }
    }

    #[test]
    fn threshold_edits_are_validated() {
        // (key, typed text, accepted value or error text)
        let cases: &[(&str, &str, Result<f64, &str>)] = &[
            ("negative_comment_share", "25", Ok(0.25)),
            ("negative_comment_share", "25%", Ok(0.25)),
            ("negative_comment_share", " 12,5 % ", Ok(0.125)),
            ("engagement_high_multiple", "3x", Ok(3.0)),
            ("engagement_high_multiple", "2.5×", Ok(2.5)),
            ("min_sponsored_posts", "5", Ok(5.0)),
            (
                "engagement_high_multiple",
                "0.8",
                Err("outside the sensible range of 1.1× to 20×"),
            ),
            (
                "negative_comment_share",
                "150",
                Err("150% is outside the sensible range of 5% to 100%"),
            ),
            (
                "negative_comment_share",
                "70",
                Err("must not be higher than"),
            ),
            (
                "negative_comment_share",
                "abc",
                Err("Negative comments (caution): “abc” is not a number"),
            ),
            ("negative_comment_share", "-5", Err("negative")),
            ("min_sponsored_posts", "2.5", Err("must be a whole number")),
            (
                "no_such_threshold",
                "1",
                Err("There is no threshold called “no_such_threshold”"),
            ),
        ];
        for (key, text, want) in cases {
            let mut t = Thresholds::default();
            let got = t.set_from_text(key, text);
            match want {
                Ok(v) => {
                    assert_eq!(got, Ok(()), "{key} = {text:?}");
                    let value = t.get(key).unwrap_or(f64::NAN);
                    assert!((value - v).abs() < 1e-12, "{key} = {text:?} gave {value}");
                }
                Err(msg) => {
                    let err = got.map(|_| String::new()).unwrap_or_else(|e| e.to_string());
                    assert!(
                        err.contains(msg),
                        "{key} = {text:?}: {err:?} should contain {msg:?}"
                    );
                    assert_eq!(t, Thresholds::default(), "a refused edit changes nothing");
                }
            }
        }
        let mut t = Thresholds::default();
        assert!(t.set("generic_comment_share", f64::NAN).is_err());
        assert!(t.set("generic_comment_share", f64::INFINITY).is_err());
    }

    #[test]
    fn stored_settings_are_repaired() {
        let stored = r#"{"engagement_high_multiple": 0.2, "negative_comment_share": 0.8, "negative_comment_share_high": 0.6}"#;
        let t: Thresholds = serde_json::from_str(stored).unwrap_or_default();
        assert_eq!(
            t.generic_comment_share, 0.5,
            "missing fields take their default"
        );
        let errors = t.validate().err().unwrap_or_default();
        assert_eq!(errors.len(), 2, "{errors:?}");
        let fixed = t.repaired();
        assert_eq!(fixed.validate(), Ok(()));
        assert_eq!(fixed.engagement_high_multiple, 2.0);
        assert_eq!(fixed.negative_comment_share, 0.30);
        assert_eq!(
            fixed.display("negative_comment_share").as_deref(),
            Some("30%")
        );
        assert_eq!(
            fixed.display("engagement_high_multiple").as_deref(),
            Some("2×")
        );
        assert_eq!(fixed.display("min_comment_sample").as_deref(), Some("20"));
    }

    #[test]
    fn engagement_anomalies() {
        let t = Thresholds::default();
        // (rate, benchmark, expected warning id)
        let cases: &[(f64, Option<f64>, Option<&str>)] = &[
            (0.20, Some(0.085), Some("engagement-far-above-benchmark")),
            (0.17, Some(0.085), None), // exactly 2× is not "more than 2×"
            (0.09, Some(0.085), None),
            (0.04, Some(0.085), Some("engagement-far-below-benchmark")),
            (0.0, Some(0.085), Some("engagement-far-below-benchmark")),
            (0.50, None, None),
            (0.50, Some(0.0), None),
            (f64::NAN, Some(0.085), None),
        ];
        for (rate, bench, want) in cases {
            let input = RiskInput {
                engagement: engagement(*rate, *bench),
                platform: Some(Platform::TikTok),
                tier: Some(Tier::Micro),
                ..RiskInput::default()
            };
            let report = assess(&input, &t);
            let got: Vec<&str> = ids(&report)
                .into_iter()
                .filter(|id| id.starts_with("engagement-far"))
                .collect();
            assert_eq!(
                got,
                want.iter().copied().collect::<Vec<_>>(),
                "rate {rate} vs {bench:?}"
            );
        }
        let report = assess(
            &RiskInput {
                engagement: engagement(0.20, Some(0.085)),
                platform: Some(Platform::TikTok),
                tier: Some(Tier::Micro),
                ..RiskInput::default()
            },
            &t,
        );
        let w = report
            .by_id("engagement-far-above-benchmark")
            .cloned()
            .unwrap_or_else(|| panic!("warning expected"));
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
        // (by followers, rate vs benchmark, expected severity)
        type Case = (f64, Option<(f64, f64)>, Option<Severity>);
        let cases: &[Case] = &[
            (0.025, None, None),
            (0.015, None, Some(Severity::Caution)),
            (0.015, Some((0.01, 0.016)), Some(Severity::Caution)),
            (0.006, Some((0.006, 0.0054)), Some(Severity::Info)),
        ];
        for (by_followers, eng, want) in cases {
            let input = RiskInput {
                engagement_by_followers: Some(*by_followers),
                engagement: eng.and_then(|(r, b)| engagement(r, Some(b))),
                ..RiskInput::default()
            };
            let got = assess(&input, &t)
                .by_id("engagement-below-brand-minimum")
                .map(|w| w.severity);
            assert_eq!(got, *want, "{by_followers} {eng:?}");
        }
    }

    #[test]
    fn likes_against_followers() {
        let t = Thresholds::default();
        // (platform, followers, likes, usual share, expected ids)
        type Case<'a> = (Platform, f64, f64, Option<f64>, &'a [&'a str]);
        let cases: &[Case] = &[
            (Platform::Instagram, 50_000.0, 2_000.0, Some(0.04), &[]),
            (
                Platform::Instagram,
                50_000.0,
                500.0,
                Some(0.04),
                &["likes-below-usual"],
            ),
            (Platform::Instagram, 50_000.0, 800.0, Some(0.04), &[]), // exactly 40%: not below
            (
                Platform::Instagram,
                50_000.0,
                60_000.0,
                Some(0.04),
                &["likes-above-followers"],
            ),
            (
                Platform::TikTok,
                50_000.0,
                60_000.0,
                None,
                &["likes-above-followers"],
            ),
            (Platform::Instagram, 0.0, 10.0, Some(0.04), &[]),
        ];
        for (platform, followers, likes, usual, want) in cases {
            let input = RiskInput {
                platform: Some(*platform),
                followers: Some(*followers),
                average_likes: Some(*likes),
                usual_like_share: *usual,
                ..RiskInput::default()
            };
            let report = assess(&input, &t);
            let got: Vec<&str> = ids(&report)
                .into_iter()
                .filter(|id| id.starts_with("likes-"))
                .collect();
            assert_eq!(&got, want, "{platform:?} {followers} {likes}");
        }
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
        let cases: &[(&str, Option<Severity>)] = &[
            (&bought, Some(Severity::High)),
            (&normal, None),
            (tiny, Some(Severity::Info)),
        ];
        for (sample, want) in cases {
            let input = RiskInput {
                generic_comments: Some(summarise_generic(sample)),
                ..RiskInput::default()
            };
            let report = assess(&input, &t);
            assert_eq!(
                report.by_id("generic-comments").map(|w| w.severity),
                *want,
                "{sample:?}"
            );
        }
        let input = RiskInput {
            generic_comments: Some(summarise_generic(&bought)),
            ..RiskInput::default()
        };
        let report = assess(&input, &t);
        let w = report
            .by_id("generic-comments")
            .cloned()
            .unwrap_or_else(|| panic!("warning expected"));
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
        let cases: Vec<(String, Option<Severity>)> = vec![
            (hateful.repeat(4), Some(Severity::High)),
            (
                format!("{}{}", hateful.repeat(2), happy.repeat(4)),
                Some(Severity::Caution),
            ),
            (happy.repeat(5), None),
            (hateful.to_string(), Some(Severity::Info)), // 6 comments: too few to call it
        ];
        for (sample, want) in &cases {
            let input = RiskInput {
                sentiment: Some(summarise_comments(&lexicon, sample)),
                ..RiskInput::default()
            };
            let report = assess(&input, &t);
            let got = report.by_id("negative-comments").map(|w| w.severity);
            assert_eq!(got, *want, "{sample:?}");
            if let Some(w) = report.by_id("negative-comments") {
                assert!(
                    w.why.contains("English only"),
                    "the caveat travels with the warning"
                );
                assert!(w
                    .evidence
                    .iter()
                    .any(|e| e.label.starts_with("Negative comment (score")));
            }
        }
    }

    #[test]
    fn dislikes_and_sponsored_drop() {
        let t = Thresholds::default();
        assert_eq!(dislike_ratio(Some(750.0), Some(250.0)), Some(0.25));
        assert_eq!(dislike_ratio(Some(0.0), Some(0.0)), None);
        assert_eq!(dislike_ratio(None, Some(3.0)), None);
        let cases: &[(Option<f64>, Option<f64>, &[&str])] = &[
            (Some(0.25), None, &["dislikes-high"]),
            (Some(0.05), None, &[]),
            (None, Some(0.3), &["sponsored-engagement-drop"]),
            (None, Some(0.9), &[]),
        ];
        for (dislikes, sponsored, want) in cases {
            let input = RiskInput {
                dislike_ratio: *dislikes,
                sponsored_engagement_ratio: *sponsored,
                ..RiskInput::default()
            };
            let report = assess(&input, &t);
            let got: Vec<&str> = report
                .warnings
                .iter()
                .filter(|w| w.kind == RiskKind::HateWatching)
                .map(|w| w.id.as_str())
                .collect();
            assert_eq!(&got, want);
            assert!(!report
                .not_checked
                .iter()
                .any(|n| n.kind == RiskKind::HateWatching));
        }
    }

    #[test]
    fn audience_fit_rule() {
        let t = Thresholds::default();
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        // (audience, brand, expected severity)
        let cases: &[(&[&str], &[&str], Option<Severity>)] = &[
            (&["gym", "cooking"], &["fitness", "food"], None),
            (
                &["gym", "cars"],
                &["fitness", "food", "beauty"],
                Some(Severity::Caution),
            ),
            (&["gaming"], &["beauty", "fashion"], Some(Severity::High)),
            (&[], &["beauty"], None),
        ];
        for (audience, brand, want) in cases {
            let input = RiskInput {
                audience_tags: s(audience),
                brand_categories: s(brand),
                ..RiskInput::default()
            };
            let report = assess(&input, &t);
            assert_eq!(
                report.by_id("audience-fit-low").map(|w| w.severity),
                *want,
                "{audience:?} {brand:?}"
            );
        }
        let input = RiskInput {
            audience_tags: s(&["#Workouts", "cars"]),
            brand_categories: s(&["fitness", "food", "beauty"]),
            ..RiskInput::default()
        };
        let w = assess(&input, &t)
            .by_id("audience-fit-low")
            .cloned()
            .unwrap_or_else(|| panic!("warning expected"));
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
        let cases: &[(Option<u32>, Option<&str>)] = &[
            (Some(0), Some("No past sponsored posts")),
            (Some(1), Some("Only 1 past sponsored post")),
            (Some(2), Some("Only 2 past sponsored posts")),
            (Some(3), None),
            (None, None),
        ];
        for (n, want) in cases {
            let report = assess(
                &RiskInput {
                    sponsored_posts: *n,
                    ..RiskInput::default()
                },
                &t,
            );
            let w = report.by_id("few-sponsored-posts");
            assert_eq!(w.map(|w| w.title.as_str()), *want, "{n:?}");
            if let Some(w) = w {
                assert_eq!(w.checklist_item.as_deref(), Some(APPROVAL_CHECKLIST_ID));
                assert_eq!(w.kind, RiskKind::Inexperience);
            }
        }
        assert_eq!(APPROVAL_CHECKLIST_ID, "approval-framework");
    }

    #[test]
    fn cadence_rule_cases() {
        let t = Thresholds::default();
        let cases: &[(f64, f64, bool)] = &[
            (1.0, 3.0, true),
            (2.0, 3.0, false),
            (1.5, 3.0, false),
            (0.0, 1.0, true),
            (1.0, 0.0, false),
        ];
        for (posts, bench, want) in cases {
            let input = RiskInput {
                cadence: Some(CadenceInput {
                    posts_per_week: *posts,
                    benchmark_per_week: *bench,
                    benchmark_source: "CreatorDB".into(),
                }),
                ..RiskInput::default()
            };
            assert_eq!(
                assess(&input, &t).by_id("cadence-far-below").is_some(),
                *want,
                "{posts} vs {bench}"
            );
        }
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
