//! Published engagement benchmarks (DOMAIN.md §2) in one table, and the verdict of a rate against them.
//!
//! A comparison never mixes formulas: `Comparison::new` refuses a benchmark of another formula, and
//! a lookup that finds nothing says which formula would have a benchmark.

use thiserror::Error;

use crate::domain::creator::platform::Platform;
use crate::domain::creator::tier::Tier;
use crate::domain::engine::engagement::Formula;
use crate::domain::text::choice::choices;
use crate::domain::text::format::{compact, percent, trimmed};

/// One published figure. `value` is a rate (0.085 = 8.5%).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Benchmark {
    /// `None`: any platform (a rule of thumb).
    pub platform: Option<Platform>,
    /// `None`: all tiers (a median over all creators, or a rule of thumb).
    pub tier: Option<Tier>,
    pub formula: Formula,
    pub value: f64,
    pub source: &'static str,
    pub year: u16,
    /// The source gives the year only roughly ("~2025").
    pub approximate_year: bool,
    /// Follower bracket the figure was published for, inclusive, when it is not the tier itself.
    pub followers: Option<(u64, Option<u64>)>,
    pub note: &'static str,
}

/// What a benchmark row stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Published for a tier (or a follower bracket inside it): the one red-flag rules may use.
    Tier,
    /// A median over all creators of a platform: context, not a tier norm.
    AllCreators,
    /// A rule of thumb for any platform.
    RuleOfThumb,
}

impl Benchmark {
    pub fn scope(&self) -> Scope {
        match (self.platform, self.tier) {
            (None, _) => Scope::RuleOfThumb,
            (Some(_), None) => Scope::AllCreators,
            (Some(_), Some(_)) => Scope::Tier,
        }
    }

    /// "CreatorDB, 2026", "industry summary, ~2025".
    pub fn citation(&self) -> String {
        let approx = if self.approximate_year { "~" } else { "" };
        format!("{}, {approx}{}", self.source, self.year)
    }

    /// The value as published: "8.5%", "4.26%", "5%".
    pub fn value_label(&self) -> String {
        percent(Some(self.value), self.decimals())
    }

    /// Decimal places of the published percentage, so 4.26% is not shown as 4.3%.
    pub fn decimals(&self) -> usize {
        let pct = self.value * 100.0;
        (0..3)
            .find(|&d| {
                let scaled = pct * 10f64.powi(d as i32);
                (scaled - scaled.round()).abs() < 1e-6
            })
            .unwrap_or(3)
    }

    /// What the figure is for: "TikTok micro benchmark", "Instagram 5K–20K followers benchmark",
    /// "median of all TikTok creators", "rule of thumb for an excellent result".
    pub fn label(&self) -> String {
        match (self.platform, self.tier, self.followers) {
            (None, _, _) => "rule of thumb for an excellent result".to_string(),
            (Some(p), None, _) => format!("median of all {} creators", p.name()),
            (Some(p), Some(_), Some((min, max))) => {
                let bracket = match max {
                    Some(max) => format!("{}–{}", compact(min as f64), compact(max as f64 + 1.0)),
                    None => format!("{}+", compact(min as f64)),
                };
                format!("{} {bracket} followers benchmark", p.name())
            }
            (Some(p), Some(t), None) => {
                format!("{} {} benchmark", p.name(), t.name().to_lowercase())
            }
        }
    }

    /// Whether the figure applies to an account with `followers` (always, without a bracket).
    pub fn covers(&self, followers: u64) -> bool {
        match self.followers {
            None => self
                .tier
                .is_none_or(|t| Tier::for_followers(followers) == t),
            Some((min, max)) => followers >= min && max.is_none_or(|m| followers <= m),
        }
    }
}

const CREATORDB: &str = "CreatorDB";
const HYPEAUDITOR_2018_NOTE: &str = "HypeAuditor's 2018 follower brackets don't match the tiers; each bracket is listed under every tier it overlaps, and with a follower count the app uses the bracket that contains it.";

/// The one table of published engagement benchmarks. Within a platform, tier rows come before
/// all-creator rows, newest first.
pub static BENCHMARKS: [Benchmark; 17] = [
    Benchmark {
        platform: Some(Platform::TikTok),
        tier: Some(Tier::Micro),
        formula: Formula::SourceViews,
        value: 0.085,
        source: CREATORDB,
        year: 2026,
        approximate_year: false,
        followers: None,
        note: "The average micro TikToker, about 130K views per post (CreatorDB micro-influencer article).",
    },
    Benchmark {
        platform: Some(Platform::YouTube),
        tier: Some(Tier::Micro),
        formula: Formula::SourceViews,
        value: 0.036,
        source: CREATORDB,
        year: 2026,
        approximate_year: false,
        followers: None,
        note: "The average micro YouTuber, over 11M views per video, about 100× TikTok (CreatorDB micro-influencer article).",
    },
    Benchmark {
        platform: None,
        tier: None,
        formula: Formula::SourceViews,
        value: 0.05,
        source: CREATORDB,
        year: 2026,
        approximate_year: false,
        followers: None,
        note: "An industry rule of thumb quoted in the source article: 5% counts as an excellent result on any platform. A convention, not a measured average.",
    },
    Benchmark {
        platform: Some(Platform::TikTok),
        tier: Some(Tier::Micro),
        formula: Formula::TikTokViews,
        value: 0.087,
        source: "industry summary",
        year: 2025,
        approximate_year: true,
        followers: None,
        note: "Interactions per view as summarised around 2025; filed under the TikTok-style formula, the usual one for TikTok by views.",
    },
    Benchmark {
        platform: Some(Platform::Instagram),
        tier: Some(Tier::Nano),
        formula: Formula::Followers,
        value: 0.0178,
        source: "HypeAuditor via eMarketer",
        year: 2026,
        approximate_year: false,
        followers: None,
        note: "Instagram engagement by followers, nano tier.",
    },
    Benchmark {
        platform: Some(Platform::Instagram),
        tier: Some(Tier::Nano),
        formula: Formula::Followers,
        value: 0.0426,
        source: "HypeAuditor",
        year: 2018,
        approximate_year: false,
        followers: Some((1_000, Some(4_999))),
        note: HYPEAUDITOR_2018_NOTE,
    },
    Benchmark {
        platform: Some(Platform::Instagram),
        tier: Some(Tier::Nano),
        formula: Formula::Followers,
        value: 0.0228,
        source: "HypeAuditor",
        year: 2018,
        approximate_year: false,
        followers: Some((5_000, Some(19_999))),
        note: HYPEAUDITOR_2018_NOTE,
    },
    Benchmark {
        platform: Some(Platform::Instagram),
        tier: Some(Tier::Micro),
        formula: Formula::Followers,
        value: 0.0054,
        source: "HypeAuditor via eMarketer",
        year: 2026,
        approximate_year: false,
        followers: None,
        note: "Instagram engagement by followers, micro tier; far lower than HypeAuditor's 2018 figures, as Instagram reach fell.",
    },
    Benchmark {
        platform: Some(Platform::Instagram),
        tier: Some(Tier::Micro),
        formula: Formula::Followers,
        value: 0.0228,
        source: "HypeAuditor",
        year: 2018,
        approximate_year: false,
        followers: Some((5_000, Some(19_999))),
        note: HYPEAUDITOR_2018_NOTE,
    },
    Benchmark {
        platform: Some(Platform::Instagram),
        tier: Some(Tier::Micro),
        formula: Formula::Followers,
        value: 0.0162,
        source: "HypeAuditor",
        year: 2018,
        approximate_year: false,
        followers: Some((20_000, Some(99_999))),
        note: HYPEAUDITOR_2018_NOTE,
    },
    Benchmark {
        platform: Some(Platform::Instagram),
        tier: Some(Tier::Macro),
        formula: Formula::Followers,
        value: 0.0155,
        source: "HypeAuditor",
        year: 2018,
        approximate_year: false,
        followers: None,
        note: "Published for 100K–1M followers, which is exactly the macro tier.",
    },
    Benchmark {
        platform: Some(Platform::Instagram),
        tier: Some(Tier::Mega),
        formula: Formula::Followers,
        value: 0.0033,
        source: "HypeAuditor via eMarketer",
        year: 2026,
        approximate_year: false,
        followers: None,
        note: "Instagram engagement by followers, mega tier.",
    },
    Benchmark {
        platform: Some(Platform::Instagram),
        tier: Some(Tier::Mega),
        formula: Formula::Followers,
        value: 0.0023,
        source: "CreatorIQ",
        year: 2023,
        approximate_year: false,
        followers: None,
        note: "Mega-tier Instagram accounts, engagement by followers.",
    },
    Benchmark {
        platform: Some(Platform::Instagram),
        tier: Some(Tier::Mega),
        formula: Formula::Followers,
        value: 0.0154,
        source: "HypeAuditor",
        year: 2018,
        approximate_year: false,
        followers: None,
        note: "Published for more than 1M followers, which is exactly the mega tier.",
    },
    Benchmark {
        platform: Some(Platform::YouTube),
        tier: Some(Tier::Mega),
        formula: Formula::TikTokViews,
        value: 0.016,
        source: "CreatorIQ",
        year: 2023,
        approximate_year: false,
        followers: None,
        note: "Mega-tier YouTube channels, engagement by views as CreatorIQ computes it (likes, comments, shares per view).",
    },
    Benchmark {
        platform: Some(Platform::TikTok),
        tier: None,
        formula: Formula::TikTokViews,
        value: 0.0131,
        source: "Influencer Hero",
        year: 2024,
        approximate_year: false,
        followers: None,
        note: "Median over TikTok creators of every size, by views; filed under the TikTok-style formula. Context, not a tier norm.",
    },
    Benchmark {
        platform: Some(Platform::YouTube),
        tier: None,
        formula: Formula::TikTokViews,
        value: 0.0054,
        source: "Influencer Hero",
        year: 2024,
        approximate_year: false,
        followers: None,
        note: "Median over YouTube creators of every size, by views; filed under the TikTok-style formula. Context, not a tier norm.",
    },
];

/// The tier's benchmarks for a formula, then the all-creator medians; no rule of thumb (see
/// `rule_of_thumb`). Allocation-free; total for every input.
pub fn find(
    platform: Platform,
    tier: Tier,
    formula: Formula,
) -> impl Iterator<Item = &'static Benchmark> + Clone {
    let wanted = move |b: &&'static Benchmark| b.platform == Some(platform) && b.formula == formula;
    let tier_rows = BENCHMARKS
        .iter()
        .filter(wanted)
        .filter(move |b| b.tier == Some(tier));
    let all_rows = BENCHMARKS
        .iter()
        .filter(wanted)
        .filter(|b| b.tier.is_none());
    tier_rows.chain(all_rows)
}

/// Like `find`, keeping only rows whose published follower bracket contains `followers`.
pub fn find_for_followers(
    platform: Platform,
    followers: u64,
    formula: Formula,
) -> impl Iterator<Item = &'static Benchmark> + Clone {
    find(platform, Tier::for_followers(followers), formula).filter(move |b| b.covers(followers))
}

/// The benchmarks for a platform, tier and formula, or why there are none. The tests check the
/// table through it; the app asks `find` and `find_for_followers`.
#[cfg(test)]
pub fn lookup(
    platform: Platform,
    tier: Tier,
    formula: Formula,
) -> Result<Vec<&'static Benchmark>, NoBenchmark> {
    let found: Vec<_> = find(platform, tier, formula).collect();
    if found.is_empty() {
        Err(NoBenchmark::for_formula(platform, tier, formula))
    } else {
        Ok(found)
    }
}

/// The 5% rule of thumb, when the formula is the one it is quoted for.
pub fn rule_of_thumb(formula: Formula) -> Result<&'static Benchmark, NoBenchmark> {
    BENCHMARKS
        .iter()
        .find(|b| b.scope() == Scope::RuleOfThumb && b.formula == formula)
        .ok_or(NoBenchmark::RuleOfThumbFormula)
}

/// Why there is nothing to compare with. The message is shown as it is.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NoBenchmark {
    #[error("{}", no_benchmark_message(*.platform, *.tier, *.formula, .alternatives))]
    ForFormula {
        platform: Platform,
        tier: Tier,
        formula: Formula,
        /// Formulas that do have a benchmark for this platform and tier.
        alternatives: Vec<Formula>,
    },
    #[error("Enter the follower count: benchmarks are published per tier.")]
    TierUnknown,
    #[error("The 5% rule of thumb is quoted for the source article's formula; switch to “By views (CreatorDB)” to compare with it.")]
    RuleOfThumbFormula,
}

impl NoBenchmark {
    pub fn for_formula(platform: Platform, tier: Tier, formula: Formula) -> NoBenchmark {
        let alternatives = Formula::ALL
            .into_iter()
            .filter(|&f| f != formula && find(platform, tier, f).next().is_some())
            .collect();
        NoBenchmark::ForFormula {
            platform,
            tier,
            formula,
            alternatives,
        }
    }
}

fn no_benchmark_message(
    platform: Platform,
    tier: Tier,
    formula: Formula,
    alternatives: &[Formula],
) -> String {
    let what = format!("{} {}", platform.name(), tier.name().to_lowercase());
    let names: Vec<String> = alternatives
        .iter()
        .map(|f| format!("“{}”", f.name()))
        .collect();
    match names.split_last() {
        None => format!("No published benchmark for {what} under any formula."),
        Some((last, rest)) => {
            let list = if rest.is_empty() {
                last.clone()
            } else {
                format!("{} or {last}", rest.join(", "))
            };
            format!(
                "No published benchmark for {what} with “{}”; switch to {list} to compare.",
                formula.name()
            )
        }
    }
}

/// How a value sits against a benchmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verdict {
    FarBelow,
    Below,
    InLine,
    Above,
    FarAbove,
}

/// One band of ratios (value ÷ benchmark). `to: None` is open-ended.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    pub verdict: Verdict,
    pub from: f64,
    pub to: Option<f64>,
}

/// The verdict thresholds, in one place so the UI can show them. A value exactly on a boundary
/// gets the milder verdict (0.8× and 1.25× are in line, 0.5× is below, 2× is above), because
/// "far above" is the red flag of DOMAIN.md §5 (> 2×) and should need more than 2×.
pub const VERDICT_BANDS: [Band; 5] = [
    Band {
        verdict: Verdict::FarBelow,
        from: 0.0,
        to: Some(0.5),
    },
    Band {
        verdict: Verdict::Below,
        from: 0.5,
        to: Some(0.8),
    },
    Band {
        verdict: Verdict::InLine,
        from: 0.8,
        to: Some(1.25),
    },
    Band {
        verdict: Verdict::Above,
        from: 1.25,
        to: Some(2.0),
    },
    Band {
        verdict: Verdict::FarAbove,
        from: 2.0,
        to: None,
    },
];

choices! {
    Verdict, id, label;
    FarBelow => "far-below", "far below";
    Below => "below", "below";
    InLine => "in-line", "in line";
    Above => "above", "above";
    FarAbove => "far-above", "far above";
}

impl Verdict {
    /// The verdict for `value ÷ benchmark`; `None` for a negative or non-finite ratio.
    pub fn from_ratio(ratio: f64) -> Option<Verdict> {
        if !ratio.is_finite() || ratio < 0.0 {
            return None;
        }
        let band = if ratio >= 1.0 {
            VERDICT_BANDS
                .iter()
                .find(|b| b.to.is_none_or(|to| ratio <= to))
        } else {
            VERDICT_BANDS.iter().rev().find(|b| ratio >= b.from)
        };
        band.map(|b| b.verdict)
    }

    /// The words for a posting frequency.
    pub fn cadence_label(self) -> &'static str {
        match self {
            Verdict::FarBelow => "far less often",
            Verdict::Below => "less often",
            Verdict::InLine => "in line",
            Verdict::Above => "more often",
            Verdict::FarAbove => "far more often",
        }
    }

    pub fn band(self) -> Band {
        VERDICT_BANDS
            .into_iter()
            .find(|b| b.verdict == self)
            .unwrap_or(Band {
                verdict: self,
                from: 0.0,
                to: None,
            })
    }

    /// The thresholds in words: "under 0.5× the benchmark", "0.8× to 1.25× the benchmark".
    pub fn range_label(self) -> String {
        let band = self.band();
        match band.to {
            _ if band.from == 0.0 => {
                format!("under {}× the benchmark", times(band.to.unwrap_or(0.0)))
            }
            None => format!("over {}× the benchmark", times(band.from)),
            Some(to) => format!("{}× to {}× the benchmark", times(band.from), times(to)),
        }
    }
}

fn times(x: f64) -> String {
    trimmed(x, 2)
}

/// A rate set against one benchmark of the same formula.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Comparison {
    /// The creator's rate; `None` when undefined ("n/a").
    pub value: Option<f64>,
    pub benchmark: &'static Benchmark,
    /// value ÷ benchmark.
    pub ratio: Option<f64>,
    pub verdict: Option<Verdict>,
}

impl Comparison {
    /// `None` when the benchmark is of another formula: mixing formulas misleads.
    pub fn new(
        value: Option<f64>,
        formula: Formula,
        benchmark: &'static Benchmark,
    ) -> Option<Comparison> {
        if benchmark.formula != formula {
            return None;
        }
        let value = value.filter(|v| v.is_finite() && *v >= 0.0);
        let ratio =
            value.and_then(|v| crate::domain::engine::engagement::ratio(v, benchmark.value));
        Some(Comparison {
            value,
            benchmark,
            ratio,
            verdict: ratio.and_then(Verdict::from_ratio),
        })
    }

    /// "8.2% vs 8.5% TikTok micro benchmark (CreatorDB, 2026): in line".
    pub fn sentence(&self) -> String {
        let decimals = self.benchmark.decimals().max(1);
        let head = format!(
            "{} vs {} {} ({})",
            percent(self.value.filter(|v| (v * 100.0).is_finite()), decimals),
            self.benchmark.value_label(),
            self.benchmark.label(),
            self.benchmark.citation()
        );
        match self.verdict {
            Some(v) => format!("{head}: {}", v.label()),
            None => head,
        }
    }

    /// More than 2× a tier benchmark: a published red flag for bought engagement (DOMAIN.md §5).
    pub fn red_flag(&self) -> bool {
        self.verdict == Some(Verdict::FarAbove) && self.benchmark.scope() == Scope::Tier
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_benchmarks_compare_as_published() {
        // (platform, tier, rate, expected sentence)
        let cases = [
            (
                Platform::TikTok,
                Tier::Micro,
                11_050.0 / 130_000.0,
                "8.5% vs 8.5% TikTok micro benchmark (CreatorDB, 2026): in line",
            ),
            (
                Platform::TikTok,
                Tier::Micro,
                0.082,
                "8.2% vs 8.5% TikTok micro benchmark (CreatorDB, 2026): in line",
            ),
            (
                Platform::YouTube,
                Tier::Micro,
                0.036,
                "3.6% vs 3.6% YouTube micro benchmark (CreatorDB, 2026): in line",
            ),
            (
                Platform::YouTube,
                Tier::Micro,
                0.01,
                "1.0% vs 3.6% YouTube micro benchmark (CreatorDB, 2026): far below",
            ),
            (
                Platform::TikTok,
                Tier::Micro,
                0.2,
                "20.0% vs 8.5% TikTok micro benchmark (CreatorDB, 2026): far above",
            ),
        ];
        for (platform, tier, rate, want) in cases {
            let rows = lookup(platform, tier, Formula::SourceViews).unwrap_or_default();
            let first = rows.first().copied();
            let c = first.and_then(|b| Comparison::new(Some(rate), Formula::SourceViews, b));
            assert_eq!(c.map(|c| c.sentence()).as_deref(), Some(want));
        }
    }

    #[test]
    fn verdict_bands_and_boundaries() {
        let cases = [
            (0.0, Verdict::FarBelow),
            (0.49, Verdict::FarBelow),
            (0.5, Verdict::Below),
            (0.79, Verdict::Below),
            (0.8, Verdict::InLine),
            (1.0, Verdict::InLine),
            (1.25, Verdict::InLine),
            (1.26, Verdict::Above),
            (2.0, Verdict::Above),
            (2.01, Verdict::FarAbove),
            (1e12, Verdict::FarAbove),
        ];
        for (ratio, want) in cases {
            assert_eq!(Verdict::from_ratio(ratio), Some(want), "{ratio}");
        }
        assert_eq!(Verdict::from_ratio(f64::NAN), None);
        assert_eq!(Verdict::from_ratio(-1.0), None);
        assert_eq!(Verdict::FarBelow.range_label(), "under 0.5× the benchmark");
        assert_eq!(Verdict::InLine.range_label(), "0.8× to 1.25× the benchmark");
        assert_eq!(Verdict::FarAbove.range_label(), "over 2× the benchmark");
    }

    #[test]
    fn bands_are_contiguous() {
        for (i, band) in VERDICT_BANDS.iter().enumerate() {
            assert_eq!(band.verdict, Verdict::ALL[i]);
            match VERDICT_BANDS.get(i + 1) {
                Some(next) => assert_eq!(band.to, Some(next.from)),
                None => assert_eq!(band.to, None),
            }
        }
    }

    #[test]
    fn a_comparison_never_mixes_formulas() {
        let creatordb = find(Platform::TikTok, Tier::Micro, Formula::SourceViews).next();
        assert!(creatordb.is_some());
        if let Some(b) = creatordb {
            assert!(Comparison::new(Some(0.08), Formula::TikTokViews, b).is_none());
            assert!(Comparison::new(Some(0.08), Formula::SourceViews, b).is_some());
        }
        for p in Platform::ALL {
            for t in Tier::ALL {
                for f in Formula::ALL {
                    for b in find(p, t, f) {
                        assert_eq!(b.formula, f);
                        assert_eq!(b.platform, Some(p));
                        assert!(b.tier.is_none() || b.tier == Some(t));
                    }
                }
            }
        }
    }

    #[test]
    fn missing_benchmark_says_what_to_switch_to() {
        let cases = [
            (
                Platform::Instagram,
                Tier::Micro,
                Formula::SourceViews,
                "No published benchmark for Instagram micro with “By views (CreatorDB)”; switch to “By followers” to compare.",
            ),
            (
                Platform::YouTube,
                Tier::Micro,
                Formula::MedianViews,
                "No published benchmark for YouTube micro with “Median by views”; switch to “By views (CreatorDB)” or “By views, TikTok style” to compare.",
            ),
            (
                Platform::Instagram,
                Tier::BelowNano,
                Formula::Followers,
                "No published benchmark for Instagram below nano under any formula.",
            ),
        ];
        for (p, t, f, want) in cases {
            assert_eq!(
                lookup(p, t, f).map_err(|e| e.to_string()),
                Err(want.to_string())
            );
        }
    }

    #[test]
    fn instagram_brackets_map_onto_tiers() {
        // (followers, expected HypeAuditor 2018 value)
        let cases = [
            (1_000, 0.0426),
            (4_999, 0.0426),
            (5_000, 0.0228),
            (12_000, 0.0228),
            (19_999, 0.0228),
            (20_000, 0.0162),
            (99_999, 0.0162),
            (100_000, 0.0155),
            (5_000_000, 0.0154),
        ];
        for (followers, want) in cases {
            let hype: Vec<f64> =
                find_for_followers(Platform::Instagram, followers, Formula::Followers)
                    .filter(|b| b.source == "HypeAuditor")
                    .map(|b| b.value)
                    .collect();
            assert_eq!(hype, vec![want], "{followers}");
        }
        // Without a follower count both overlapping brackets are listed for micro.
        let micro = find(Platform::Instagram, Tier::Micro, Formula::Followers)
            .filter(|b| b.source == "HypeAuditor")
            .count();
        assert_eq!(micro, 2);
    }

    #[test]
    fn labels_and_citations() {
        let label_of = |p, t, f| {
            find(p, t, f)
                .map(|b| (b.label(), b.citation(), b.value_label()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            label_of(Platform::TikTok, Tier::Nano, Formula::TikTokViews),
            vec![(
                "median of all TikTok creators".to_string(),
                "Influencer Hero, 2024".to_string(),
                "1.31%".to_string()
            )]
        );
        assert_eq!(
            label_of(Platform::TikTok, Tier::Micro, Formula::TikTokViews)
                .first()
                .cloned(),
            Some((
                "TikTok micro benchmark".to_string(),
                "industry summary, ~2025".to_string(),
                "8.7%".to_string()
            ))
        );
        assert!(
            label_of(Platform::Instagram, Tier::Micro, Formula::Followers)
                .iter()
                .any(|(l, _, v)| l == "Instagram 20K–100K followers benchmark" && v == "1.62%")
        );
        let rule = rule_of_thumb(Formula::SourceViews).ok();
        assert_eq!(rule.map(|b| b.value_label()).as_deref(), Some("5%"));
        assert_eq!(
            rule_of_thumb(Formula::Followers),
            Err(NoBenchmark::RuleOfThumbFormula)
        );
        let c = rule.and_then(|b| Comparison::new(Some(0.085), Formula::SourceViews, b));
        assert_eq!(
            c.map(|c| c.sentence()).as_deref(),
            Some("8.5% vs 5% rule of thumb for an excellent result (CreatorDB, 2026): above")
        );
        assert!(c.is_some_and(|c| !c.red_flag()));
    }

    #[test]
    fn undefined_rate_compares_as_na() {
        let b = find(Platform::TikTok, Tier::Micro, Formula::SourceViews).next();
        let c = b.and_then(|b| Comparison::new(None, Formula::SourceViews, b));
        assert_eq!(
            c.map(|c| c.sentence()).as_deref(),
            Some("n/a vs 8.5% TikTok micro benchmark (CreatorDB, 2026)")
        );
        let nan = b.and_then(|b| Comparison::new(Some(f64::NAN), Formula::SourceViews, b));
        assert_eq!(nan.and_then(|c| c.verdict), None);
    }

    #[test]
    fn absurd_rate_prints_na_not_inf() {
        // Regression: a finite rate near f64::MAX became "inf%" in the sentence, because
        // format::percent checks the rate, not the rate × 100 (found by `lookups_are_total`).
        let b = find(Platform::TikTok, Tier::Micro, Formula::SourceViews).next();
        let c = b.and_then(|b| Comparison::new(Some(2.5e307), Formula::SourceViews, b));
        let sentence = c.map(|c| c.sentence()).unwrap_or_default();
        assert!(sentence.starts_with("n/a vs 8.5%"), "{sentence}");
    }

    #[test]
    fn red_flag_only_against_tier_benchmarks() {
        let tier = find(Platform::TikTok, Tier::Micro, Formula::TikTokViews).next();
        let all = find(Platform::TikTok, Tier::Nano, Formula::TikTokViews).next();
        let flag = |b: Option<&'static Benchmark>| {
            b.and_then(|b| Comparison::new(Some(0.5), Formula::TikTokViews, b))
                .is_some_and(|c| c.red_flag())
        };
        assert!(flag(tier));
        assert!(!flag(all));
    }

    #[test]
    fn table_is_sane() {
        for b in &BENCHMARKS {
            assert!(b.value > 0.0 && b.value < 1.0, "{b:?}");
            assert!((2015..=2030).contains(&b.year));
            assert!(!b.note.is_empty() && !b.source.is_empty());
            if let (Some(t), Some((min, _))) = (b.tier, b.followers) {
                // A bracket must overlap the tier it is listed under.
                let info = t.info();
                let bmax = b.followers.and_then(|(_, m)| m).unwrap_or(u64::MAX);
                assert!(
                    min <= info.max.unwrap_or(u64::MAX) && bmax >= info.min,
                    "{b:?}"
                );
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn lookups_are_total(p in 0usize..3, t in 0usize..5, f in 0usize..4, followers in any::<u64>(), value in prop::option::of(any::<f64>())) {
            let platform = Platform::ALL.get(p).copied().unwrap_or(Platform::TikTok);
            let tier = Tier::ALL.get(t).copied().unwrap_or(Tier::Micro);
            let formula = Formula::ALL.get(f).copied().unwrap_or_default();
            match lookup(platform, tier, formula) {
                Ok(rows) => prop_assert!(!rows.is_empty()),
                Err(e) => prop_assert!(!e.to_string().is_empty()),
            }
            for b in find_for_followers(platform, followers, formula) {
                let c = Comparison::new(value, formula, b);
                prop_assert!(c.is_some());
                if let Some(c) = c {
                    prop_assert!(c.ratio.is_none_or(|r| r.is_finite() && r >= 0.0));
                    prop_assert!(!c.sentence().contains("NaN") && !c.sentence().contains("inf"));
                }
            }
            let _ = rule_of_thumb(formula);
        }

        #[test]
        fn verdict_is_monotone(a in 0.0f64..100.0, b in 0.0f64..100.0) {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            prop_assert!(Verdict::from_ratio(lo) <= Verdict::from_ratio(hi));
        }
    }
}
