//! Published engagement benchmarks (DOMAIN.md §2) in one table, with the look-ups into it; the
//! verdict of a rate against them is `verdict`, re-exported here.
//!
//! A comparison never mixes formulas: `Comparison::new` refuses a benchmark of another formula, and
//! a lookup that finds nothing says which formula would have a benchmark.

use thiserror::Error;

use crate::creator::platform::Platform;
use crate::creator::tier::Tier;
use crate::engine::engagement::Formula;
use crate::text::format::{compact, percent};

mod verdict;
pub use verdict::*;

/// When a figure was published, as precisely as its source says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Year {
    Exact(u16),
    /// The source gives the year only roughly ("~2025").
    About(u16),
    /// The report that quotes the figure gives no year for it.
    Undated,
}

impl Year {
    /// "2026", "~2025", "undated".
    pub fn label(self) -> String {
        match self {
            Year::Exact(y) => y.to_string(),
            Year::About(y) => format!("~{y}"),
            Year::Undated => "undated".to_string(),
        }
    }

    /// For "newest first": an undated figure counts as the oldest.
    pub fn sort_key(self) -> u16 {
        match self {
            Year::Exact(y) | Year::About(y) => y,
            Year::Undated => 0,
        }
    }
}

/// One published figure. `value` is a rate (0.085 = 8.5%).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Benchmark {
    /// `None`: any platform (a rule of thumb).
    pub platform: Option<Platform>,
    /// The app's tier the figure was published for; `None` for a follower bracket (see
    /// `followers`) or for all account sizes.
    pub tier: Option<Tier>,
    pub formula: Formula,
    pub value: f64,
    /// Who measured it.
    pub source: &'static str,
    /// Who reported it, when the app knows the figure from that report ("eMarketer").
    pub via: Option<&'static str>,
    /// Known only from a secondary report (DOMAIN.md §7 "[S]"): shown as such, to be checked.
    pub secondhand: bool,
    pub year: Year,
    /// Follower bracket the figure was published for, inclusive, when it is not one of the app's
    /// tiers. Listed once; it applies to every tier it overlaps.
    pub followers: Option<(u64, Option<u64>)>,
    /// Who or what was measured, as the source says: "Instagram influencers, 10K–50K followers".
    pub population: &'static str,
    pub note: &'static str,
}

/// What a benchmark row stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Published for a tier or a follower bracket: the one red-flag rules may use.
    Tier,
    /// A median or average over accounts of every size: context, not a tier norm.
    AllCreators,
    /// A rule of thumb for any platform.
    RuleOfThumb,
}

impl Benchmark {
    pub fn scope(&self) -> Scope {
        match (self.platform, self.tier, self.followers) {
            (None, _, _) => Scope::RuleOfThumb,
            (Some(_), None, None) => Scope::AllCreators,
            (Some(_), _, _) => Scope::Tier,
        }
    }

    /// "CreatorDB, 2026", "industry summary, ~2025", "HypeAuditor via eMarketer, 2026".
    pub fn citation(&self) -> String {
        let via = self.via.map(|v| format!(" via {v}")).unwrap_or_default();
        format!("{}{via}, {}", self.source, self.year.label())
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
    /// "median of all TikTok creators" (an all-sizes row's population), "rule of thumb for an
    /// excellent result".
    pub fn label(&self) -> String {
        match (self.platform, self.tier, self.followers) {
            (None, _, _) => "rule of thumb for an excellent result".to_string(),
            (Some(p), _, Some((min, max))) => {
                let bracket = match (min, max) {
                    (0, Some(max)) => format!("under {}", compact(max as f64 + 1.0)),
                    (_, Some(max)) => {
                        format!("{}–{}", compact(min as f64), compact(max as f64 + 1.0))
                    }
                    (_, None) => format!("{}+", compact(min as f64)),
                };
                format!("{} {bracket} followers benchmark", p.name())
            }
            (Some(p), Some(t), None) => {
                format!("{} {} benchmark", p.name(), t.name().to_lowercase())
            }
            (Some(_), None, None) => self.population.to_string(),
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

    /// Whether the figure was published for `tier` or for a bracket that overlaps it.
    pub fn fits_tier(&self, tier: Tier) -> bool {
        match (self.tier, self.followers) {
            (Some(t), _) => t == tier,
            (None, Some((min, max))) => {
                let info = tier.info();
                min <= info.max.unwrap_or(u64::MAX) && max.unwrap_or(u64::MAX) >= info.min
            }
            (None, None) => false,
        }
    }

    /// "HypeAuditor, 2026, via eMarketer (second-hand)": the source line under a figure.
    pub fn provenance(&self) -> String {
        let via = match (self.via, self.secondhand) {
            (Some(v), true) => format!(", via {v} (second-hand, not checked against the original)"),
            (Some(v), false) => format!(", via {v}"),
            (None, true) => ", reported second-hand (not checked against the original)".to_string(),
            (None, false) => String::new(),
        };
        format!("{}, {}{via}", self.source, self.year.label())
    }
}

/// A row of the table, for every platform-specific figure; the builders below add the rest.
const fn figure(
    platform: Platform,
    formula: Formula,
    value: f64,
    source: &'static str,
    year: Year,
    population: &'static str,
    note: &'static str,
) -> Benchmark {
    Benchmark {
        platform: Some(platform),
        tier: None,
        formula,
        value,
        source,
        via: None,
        secondhand: false,
        year,
        followers: None,
        population,
        note,
    }
}

impl Benchmark {
    const fn for_tier(self, tier: Tier) -> Benchmark {
        Benchmark {
            tier: Some(tier),
            ..self
        }
    }

    const fn bracket(self, min: u64, max: Option<u64>) -> Benchmark {
        Benchmark {
            followers: Some((min, max)),
            ..self
        }
    }

    const fn reported_via(self, via: &'static str) -> Benchmark {
        Benchmark {
            via: Some(via),
            ..self
        }
    }

    const fn second_hand(self) -> Benchmark {
        Benchmark {
            secondhand: true,
            ..self
        }
    }
}

const CREATORDB: &str = "CreatorDB";
const CREATORDB_ARTICLE: &str =
    "micro creators measured for the CreatorDB micro-influencer article";
const HYPEAUDITOR: &str = "HypeAuditor";
const HYPEAUDITOR_2026: &str =
    "HypeAuditor State of Influencer Marketing 2026, reported by eMarketer.";
const HYPEAUDITOR_2018_NOTE: &str = "HypeAuditor's 2018 follower brackets don't match the app's tiers; a bracket applies to every tier it overlaps, and with a follower count the app uses the bracket that contains it.";
const TIMF: &str = "The Influencer Marketing Factory";
const TIMF_NOTE: &str = "TikTok engagement by views per follower bracket (2025), known second-hand; filed under the TikTok-style formula, the closest by-views formula in the app.";
const BUFFER: &str = "Buffer";
const BUFFER_NOTE: &str = "Engagements ÷ impressions over posts Buffer measured (2025), known second-hand; the population is not stated, so it is context, not a tier norm.";
const INFLUENCER_HERO: &str = "Influencer Hero";

/// The one table of published engagement benchmarks (DOMAIN.md §2 and §7). Within a platform,
/// newer figures come first, which is also the order comparisons are listed in.
pub static BENCHMARKS: [Benchmark; 26] = [
    figure(Platform::TikTok, Formula::SourceViews, 0.085, CREATORDB, Year::Exact(2026), CREATORDB_ARTICLE,
        "The average micro TikToker, about 130K views per post (CreatorDB micro-influencer article).")
        .for_tier(Tier::Micro),
    figure(Platform::YouTube, Formula::SourceViews, 0.036, CREATORDB, Year::Exact(2026), CREATORDB_ARTICLE,
        "The average micro YouTuber, over 11M views per video, about 100× TikTok (CreatorDB micro-influencer article).")
        .for_tier(Tier::Micro),
    Benchmark {
        platform: None,
        ..figure(Platform::TikTok, Formula::SourceViews, 0.05, CREATORDB, Year::Exact(2026), "any platform, any size",
            "An industry rule of thumb quoted in the source article: 5% counts as an excellent result on any platform. A convention, not a measured average.")
    },
    figure(Platform::TikTok, Formula::TikTokViews, 0.087, "industry summary", Year::About(2025), "TikTok micro creators",
        "Interactions per view as summarised around 2025; filed under the TikTok-style formula, the usual one for TikTok by views.")
        .for_tier(Tier::Micro),
    figure(Platform::TikTok, Formula::TikTokViews, 0.075, TIMF, Year::Exact(2025), "TikTok accounts under 100K followers", TIMF_NOTE)
        .bracket(0, Some(99_999)).second_hand(),
    figure(Platform::TikTok, Formula::TikTokViews, 0.051, TIMF, Year::Exact(2025), "TikTok accounts with 100K–500K followers", TIMF_NOTE)
        .bracket(100_000, Some(499_999)).second_hand(),
    figure(Platform::TikTok, Formula::TikTokViews, 0.0448, TIMF, Year::Exact(2025), "TikTok accounts with 500K–1M followers", TIMF_NOTE)
        .bracket(500_000, Some(999_999)).second_hand(),
    figure(Platform::TikTok, Formula::TikTokViews, 0.0376, TIMF, Year::Exact(2025), "TikTok accounts with 1M–5M followers", TIMF_NOTE)
        .bracket(1_000_000, Some(4_999_999)).second_hand(),
    figure(Platform::TikTok, Formula::TikTokViews, 0.0422, TIMF, Year::Exact(2025), "TikTok accounts with 5M–10M followers", TIMF_NOTE)
        .bracket(5_000_000, Some(9_999_999)).second_hand(),
    figure(Platform::TikTok, Formula::TikTokViews, 0.0288, TIMF, Year::Exact(2025), "TikTok accounts with 10M+ followers", TIMF_NOTE)
        .bracket(10_000_000, None).second_hand(),
    figure(Platform::TikTok, Formula::TikTokViews, 0.0131, INFLUENCER_HERO, Year::Exact(2024), "median of all TikTok creators",
        "Median over TikTok creators of every size, by views; filed under the TikTok-style formula. Context, not a tier norm."),
    figure(Platform::TikTok, Formula::Impressions, 0.0486, BUFFER, Year::Exact(2025), "TikTok posts of every account size (population not stated)", BUFFER_NOTE)
        .second_hand(),
    figure(Platform::Instagram, Formula::Followers, 0.0178, HYPEAUDITOR, Year::Exact(2026), "Instagram influencers, 1K–10K followers (the app's nano tier)", HYPEAUDITOR_2026)
        .for_tier(Tier::Nano).reported_via("eMarketer"),
    figure(Platform::Instagram, Formula::Followers, 0.0054, HYPEAUDITOR, Year::Exact(2026), "Instagram influencers, 10K–50K followers (HypeAuditor's micro; the app's micro runs to 99,999)",
        "HypeAuditor State of Influencer Marketing 2026, reported by eMarketer; far lower than HypeAuditor's 2018 figures, as Instagram reach fell.")
        .bracket(10_000, Some(49_999)).reported_via("eMarketer"),
    figure(Platform::Instagram, Formula::Followers, 0.0033, HYPEAUDITOR, Year::Exact(2026), "Instagram influencers, 1M+ followers (the app's mega tier)", HYPEAUDITOR_2026)
        .for_tier(Tier::Mega).reported_via("eMarketer"),
    figure(Platform::Instagram, Formula::Followers, 0.0023, "CreatorIQ", Year::Exact(2023), "Instagram mega accounts",
        "Mega-tier Instagram accounts, engagement by followers.")
        .for_tier(Tier::Mega),
    figure(Platform::Instagram, Formula::Followers, 0.0426, HYPEAUDITOR, Year::Exact(2018), "Instagram accounts, 1K–5K followers", HYPEAUDITOR_2018_NOTE)
        .bracket(1_000, Some(4_999)),
    figure(Platform::Instagram, Formula::Followers, 0.0228, HYPEAUDITOR, Year::Exact(2018), "Instagram accounts, 5K–20K followers", HYPEAUDITOR_2018_NOTE)
        .bracket(5_000, Some(19_999)),
    figure(Platform::Instagram, Formula::Followers, 0.0162, HYPEAUDITOR, Year::Exact(2018), "Instagram accounts, 20K–100K followers", HYPEAUDITOR_2018_NOTE)
        .bracket(20_000, Some(99_999)),
    figure(Platform::Instagram, Formula::Followers, 0.0155, HYPEAUDITOR, Year::Exact(2018), "Instagram accounts, 100K–1M followers",
        "Published for 100K–1M followers, which is exactly the macro tier.")
        .for_tier(Tier::Macro),
    figure(Platform::Instagram, Formula::Followers, 0.0154, HYPEAUDITOR, Year::Exact(2018), "Instagram accounts, more than 1M followers",
        "Published for more than 1M followers, which is exactly the mega tier.")
        .for_tier(Tier::Mega),
    figure(Platform::Instagram, Formula::Impressions, 0.0623, "Captiv8", Year::Undated, "Instagram nano influencers (under 10K followers), 5,000+ organic campaign posts",
        "Engagements ÷ impressions on Instagram campaign posts, reported by eMarketer without a year; known second-hand.")
        .for_tier(Tier::Nano).reported_via("eMarketer").second_hand(),
    figure(Platform::Instagram, Formula::Impressions, 0.0116, BUFFER, Year::Exact(2025), "Instagram posts of every account size (population not stated)", BUFFER_NOTE)
        .second_hand(),
    figure(Platform::YouTube, Formula::TikTokViews, 0.016, "CreatorIQ", Year::Exact(2023), "YouTube mega channels",
        "Mega-tier YouTube channels, engagement by views as CreatorIQ computes it (likes, comments, shares per view).")
        .for_tier(Tier::Mega),
    figure(Platform::YouTube, Formula::TikTokViews, 0.0054, INFLUENCER_HERO, Year::Exact(2024), "median of all YouTube creators",
        "Median over YouTube creators of every size, by views; filed under the TikTok-style formula. Context, not a tier norm."),
    figure(Platform::YouTube, Formula::Impressions, 0.0441, BUFFER, Year::Exact(2025), "YouTube posts of every account size (population not stated)", BUFFER_NOTE)
        .second_hand(),
];

/// What a context figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContextKind {
    /// An average engagement rate whose formula the report does not state.
    AverageRate,
    /// The change in engagement from one year to the next (−0.16 = −16%).
    YearOnYear,
}

/// A published figure that is never compared with a creator's rate: its formula is not stated,
/// or it is a trend rather than a rate (DOMAIN.md §7). Shown next to the range, as context.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ContextFigure {
    pub platform: Platform,
    pub kind: ContextKind,
    pub value: f64,
    pub source: &'static str,
    pub year: Year,
    pub population: &'static str,
    /// Known only from a secondary report.
    pub secondhand: bool,
}

impl ContextFigure {
    /// "Socialinsider, 2026 (second-hand): average engagement 0.48%, brand accounts, 70M posts
    /// 2024–2025; formula not stated, so not compared."
    pub fn sentence(&self) -> String {
        let hand = if self.secondhand {
            " (second-hand)"
        } else {
            ""
        };
        let (what, value, why) = match self.kind {
            ContextKind::AverageRate => (
                "average engagement",
                percent(Some(self.value), 2),
                "formula not stated, so not compared",
            ),
            ContextKind::YearOnYear => (
                "engagement change on the year before",
                format!("{:+.0}%", self.value * 100.0),
                "a trend, not a rate",
            ),
        };
        format!(
            "{}, {}{hand}: {what} {value}, {}; {why}.",
            self.source,
            self.year.label(),
            self.population
        )
    }
}

const SOCIALINSIDER_POP: &str = "brand accounts, 70M posts from 2024–2025";

/// Figures the app shows for context only (DOMAIN.md §7).
pub static CONTEXT_FIGURES: [ContextFigure; 4] = [
    ContextFigure {
        platform: Platform::Instagram,
        kind: ContextKind::AverageRate,
        value: 0.0048,
        source: "Socialinsider",
        year: Year::Exact(2026),
        population: SOCIALINSIDER_POP,
        secondhand: true,
    },
    ContextFigure {
        platform: Platform::TikTok,
        kind: ContextKind::AverageRate,
        value: 0.037,
        source: "Socialinsider",
        year: Year::Exact(2026),
        population: SOCIALINSIDER_POP,
        secondhand: true,
    },
    ContextFigure {
        platform: Platform::Instagram,
        kind: ContextKind::YearOnYear,
        value: -0.16,
        source: "Rival IQ",
        year: Year::Exact(2025),
        population: "brand accounts",
        secondhand: true,
    },
    ContextFigure {
        platform: Platform::TikTok,
        kind: ContextKind::YearOnYear,
        value: -0.34,
        source: "Rival IQ",
        year: Year::Exact(2025),
        population: "brand accounts",
        secondhand: true,
    },
];

/// The context figures for a platform.
pub fn context_for(platform: Platform) -> impl Iterator<Item = &'static ContextFigure> {
    CONTEXT_FIGURES
        .iter()
        .filter(move |c| c.platform == platform)
}

/// A way of cutting follower counts into tiers. Sources use their own; the app keeps its own
/// (DOMAIN.md §1) and names the others wherever a figure is compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TierConvention {
    pub name: &'static str,
    pub bounds: &'static str,
}

/// Other conventions than the app's (DOMAIN.md §7).
pub static OTHER_TIER_CONVENTIONS: [TierConvention; 3] = [
    TierConvention {
        name: "eMarketer",
        bounds: "nano 1K–4,999, micro 5K–19,999, mid-tier 20K–99,999",
    },
    TierConvention {
        name: "HypeAuditor 2018",
        bounds: "1K–5K, 5K–20K, 20K–100K, 100K–1M, over 1M",
    },
    TierConvention {
        name: "HypeAuditor 2026",
        bounds: "nano 1K–10K, micro 10K–50K, mega over 1M",
    },
];

/// "Tiers follow the app's convention (micro: 10,000 to 99,999). Others in use: eMarketer …".
pub fn tier_convention_note(tier: Tier) -> String {
    let others: Vec<String> = OTHER_TIER_CONVENTIONS
        .iter()
        .map(|c| format!("{} ({})", c.name, c.bounds))
        .collect();
    format!(
        "Tiers follow the app's convention (its {} tier is {}). Sources cut tiers differently: {}. A figure published for a bracket applies to every tier it overlaps, and only the bracket containing the follower count is used.",
        tier.name().to_lowercase(),
        // An en dash, not "to": the tier headline already reads "Micro: 10,000 to 99,999".
        tier.bounds_label("followers").replace(" to ", "–"),
        others.join("; ")
    )
}

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
        .filter(move |b| b.fits_tier(tier));
    let all_rows = BENCHMARKS
        .iter()
        .filter(wanted)
        .filter(|b| b.scope() == Scope::AllCreators);
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
                "No published benchmark for Instagram micro with “By views (CreatorDB)”; switch to “By followers” or “By impressions” to compare.",
            ),
            (
                Platform::YouTube,
                Tier::Micro,
                Formula::MedianViews,
                "No published benchmark for YouTube micro with “Median by views”; switch to “By views (CreatorDB)”, “By views, TikTok style” or “By impressions” to compare.",
            ),
            (
                Platform::Instagram,
                Tier::BelowNano,
                Formula::Followers,
                // Buffer's 2025 impressions figure covers every account size.
                "No published benchmark for Instagram below nano with “By followers”; switch to “By impressions” to compare.",
            ),
        ];
        for (p, t, f, want) in cases {
            assert_eq!(
                lookup(p, t, f).map_err(|e| e.to_string()),
                Err(want.to_string())
            );
        }
        assert_eq!(
            no_benchmark_message(Platform::Instagram, Tier::BelowNano, Formula::Reach, &[]),
            "No published benchmark for Instagram below nano under any formula."
        );
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
                    .filter(|b| b.citation() == "HypeAuditor, 2018")
                    .map(|b| b.value)
                    .collect();
            assert_eq!(hype, vec![want], "{followers}");
        }
        // Without a follower count both overlapping brackets are listed for micro.
        let micro = find(Platform::Instagram, Tier::Micro, Formula::Followers)
            .filter(|b| b.citation() == "HypeAuditor, 2018")
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
            vec![
                // The Influencer Marketing Factory's under-100K bracket (2025) covers nano too.
                (
                    "TikTok under 100K followers benchmark".to_string(),
                    "The Influencer Marketing Factory, 2025".to_string(),
                    "7.5%".to_string()
                ),
                (
                    "median of all TikTok creators".to_string(),
                    "Influencer Hero, 2024".to_string(),
                    "1.31%".to_string()
                )
            ]
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

    /// One row per published figure (DOMAIN.md §2 and §7): the value as published, its formula,
    /// its source (with "via"), its year, and whom it covers.
    /// (platform, formula, percent as published, citation, followers it must cover, followers it
    /// must not cover)
    type FigureCase = (
        Option<Platform>,
        Formula,
        f64,
        &'static str,
        u64,
        Option<u64>,
    );

    #[test]
    fn every_figure_as_published() {
        use Formula::*;
        use Platform::*;
        let cases: &[FigureCase] = &[
            (
                Some(TikTok),
                SourceViews,
                8.5,
                "CreatorDB, 2026",
                45_000,
                Some(5_000),
            ),
            (
                Some(YouTube),
                SourceViews,
                3.6,
                "CreatorDB, 2026",
                45_000,
                Some(100_000),
            ),
            (None, SourceViews, 5.0, "CreatorDB, 2026", 45_000, None),
            (
                Some(TikTok),
                TikTokViews,
                8.7,
                "industry summary, ~2025",
                45_000,
                Some(5_000),
            ),
            (
                Some(TikTok),
                TikTokViews,
                7.50,
                "The Influencer Marketing Factory, 2025",
                99_999,
                Some(100_000),
            ),
            (
                Some(TikTok),
                TikTokViews,
                5.10,
                "The Influencer Marketing Factory, 2025",
                100_000,
                Some(500_000),
            ),
            (
                Some(TikTok),
                TikTokViews,
                4.48,
                "The Influencer Marketing Factory, 2025",
                999_999,
                Some(1_000_000),
            ),
            (
                Some(TikTok),
                TikTokViews,
                3.76,
                "The Influencer Marketing Factory, 2025",
                1_000_000,
                Some(5_000_000),
            ),
            (
                Some(TikTok),
                TikTokViews,
                4.22,
                "The Influencer Marketing Factory, 2025",
                5_000_000,
                Some(10_000_000),
            ),
            (
                Some(TikTok),
                TikTokViews,
                2.88,
                "The Influencer Marketing Factory, 2025",
                50_000_000,
                Some(9_999_999),
            ),
            (
                Some(TikTok),
                TikTokViews,
                1.31,
                "Influencer Hero, 2024",
                500,
                None,
            ),
            (
                Some(TikTok),
                Impressions,
                4.86,
                "Buffer, 2025",
                45_000,
                None,
            ),
            (
                Some(Instagram),
                Followers,
                1.78,
                "HypeAuditor via eMarketer, 2026",
                9_999,
                Some(10_000),
            ),
            (
                Some(Instagram),
                Followers,
                0.54,
                "HypeAuditor via eMarketer, 2026",
                49_999,
                Some(50_000),
            ),
            (
                Some(Instagram),
                Followers,
                0.33,
                "HypeAuditor via eMarketer, 2026",
                1_000_000,
                Some(999_999),
            ),
            (
                Some(Instagram),
                Followers,
                0.23,
                "CreatorIQ, 2023",
                2_000_000,
                Some(999_999),
            ),
            (
                Some(Instagram),
                Followers,
                4.26,
                "HypeAuditor, 2018",
                1_000,
                Some(5_000),
            ),
            (
                Some(Instagram),
                Followers,
                2.28,
                "HypeAuditor, 2018",
                19_999,
                Some(20_000),
            ),
            (
                Some(Instagram),
                Followers,
                1.62,
                "HypeAuditor, 2018",
                20_000,
                Some(100_000),
            ),
            (
                Some(Instagram),
                Followers,
                1.55,
                "HypeAuditor, 2018",
                100_000,
                Some(99_999),
            ),
            (
                Some(Instagram),
                Followers,
                1.54,
                "HypeAuditor, 2018",
                1_000_000,
                Some(999_999),
            ),
            (
                Some(Instagram),
                Impressions,
                6.23,
                "Captiv8 via eMarketer, undated",
                1_000,
                Some(10_000),
            ),
            (
                Some(Instagram),
                Impressions,
                1.16,
                "Buffer, 2025",
                45_000,
                None,
            ),
            (
                Some(YouTube),
                TikTokViews,
                1.6,
                "CreatorIQ, 2023",
                1_000_000,
                Some(999_999),
            ),
            (
                Some(YouTube),
                TikTokViews,
                0.54,
                "Influencer Hero, 2024",
                500,
                None,
            ),
            (
                Some(YouTube),
                Impressions,
                4.41,
                "Buffer, 2025",
                45_000,
                None,
            ),
        ];
        assert_eq!(cases.len(), BENCHMARKS.len(), "a case per figure");
        for &(platform, formula, pct, citation, inside, outside) in cases {
            let found: Vec<&Benchmark> = BENCHMARKS
                .iter()
                .filter(|b| {
                    b.platform == platform
                        && b.formula == formula
                        && b.citation() == citation
                        && (b.value * 100.0 - pct).abs() < 1e-9
                })
                .collect();
            assert_eq!(found.len(), 1, "{citation} {pct}% {formula:?}");
            for b in found {
                assert!(b.covers(inside), "{citation} {pct}% covers {inside}");
                if let Some(out) = outside {
                    assert!(!b.covers(out), "{citation} {pct}% must not cover {out}");
                }
                let shown: f64 = b
                    .value_label()
                    .trim_end_matches('%')
                    .parse()
                    .unwrap_or(-1.0);
                assert!(
                    (shown - pct).abs() < 1e-9,
                    "{} shown for {pct}",
                    b.value_label()
                );
            }
        }
        // Second-hand figures (DOMAIN.md §7 "[S]") say so in their provenance.
        for b in BENCHMARKS.iter().filter(|b| b.secondhand) {
            assert!(b.provenance().contains("second-hand"), "{}", b.provenance());
        }
        let captiv8 = BENCHMARKS.iter().find(|b| b.source == "Captiv8");
        assert_eq!(
            captiv8.map(Benchmark::provenance).as_deref(),
            Some("Captiv8, undated, via eMarketer (second-hand, not checked against the original)")
        );
    }

    #[test]
    fn context_figures_are_never_compared() {
        // (platform, sentence)
        let cases = [
            (Platform::Instagram, vec![
                "Socialinsider, 2026 (second-hand): average engagement 0.48%, brand accounts, 70M posts from 2024–2025; formula not stated, so not compared.",
                "Rival IQ, 2025 (second-hand): engagement change on the year before -16%, brand accounts; a trend, not a rate.",
            ]),
            (Platform::TikTok, vec![
                "Socialinsider, 2026 (second-hand): average engagement 3.70%, brand accounts, 70M posts from 2024–2025; formula not stated, so not compared.",
                "Rival IQ, 2025 (second-hand): engagement change on the year before -34%, brand accounts; a trend, not a rate.",
            ]),
            (Platform::YouTube, vec![]),
        ];
        for (p, want) in cases {
            let got: Vec<String> = context_for(p).map(ContextFigure::sentence).collect();
            assert_eq!(got, want, "{p:?}");
        }
    }

    fn range_for(
        platform: Platform,
        followers: u64,
        formula: Formula,
        rate: f64,
    ) -> Option<BenchmarkRange> {
        let cs: Vec<Comparison> = find_for_followers(platform, followers, formula)
            .filter_map(|b| Comparison::new(Some(rate), formula, b))
            .collect();
        BenchmarkRange::new(&cs)
    }

    #[test]
    fn ranges_label_sources_and_choose_a_figure() {
        // (platform, followers, formula, rate, range label, position, chosen citation)
        let cases = [
            (
                Platform::Instagram,
                30_000,
                Formula::Followers,
                0.0173,
                "0.54%–1.62% across 2 sources",
                RangePosition::Above,
                "HypeAuditor via eMarketer, 2026",
            ),
            (
                Platform::Instagram,
                3_000,
                Formula::Followers,
                0.02,
                "1.78%–4.26% across 2 sources",
                RangePosition::Within,
                "HypeAuditor via eMarketer, 2026",
            ),
            (
                Platform::Instagram,
                5_000_000,
                Formula::Followers,
                0.001,
                "0.23%–1.54% across 3 sources",
                RangePosition::Below,
                "HypeAuditor via eMarketer, 2026",
            ),
            (
                Platform::TikTok,
                45_000,
                Formula::TikTokViews,
                0.08,
                "7.5%–8.7% across 2 sources",
                RangePosition::Within,
                "The Influencer Marketing Factory, 2025",
            ),
            (
                Platform::TikTok,
                45_000,
                Formula::SourceViews,
                0.085,
                "8.5% from 1 source",
                RangePosition::Within,
                "CreatorDB, 2026",
            ),
            (
                Platform::Instagram,
                4_000,
                Formula::Impressions,
                0.05,
                "6.23% from 1 source",
                RangePosition::Below,
                "Captiv8 via eMarketer, undated",
            ),
            // No tier figure: the range is the all-size medians, said to be context.
            (
                Platform::YouTube,
                45_000,
                Formula::TikTokViews,
                0.01,
                "0.54% from 1 source",
                RangePosition::Above,
                "Influencer Hero, 2024",
            ),
        ];
        for (p, followers, f, rate, label, position, chosen) in cases {
            let r = range_for(p, followers, f, rate);
            let r = r.unwrap_or_else(|| panic!("{p:?} {followers} {f:?}: no range"));
            assert_eq!(r.label(), label, "{p:?} {followers}");
            assert_eq!(r.position(Some(rate)), Some(position), "{p:?} {followers}");
            let c = r.chosen().map(|(c, _)| c.benchmark.citation());
            assert_eq!(c.as_deref(), Some(chosen), "{p:?} {followers}");
            assert!(r.figures.iter().all(|c| c.benchmark.formula == f));
        }
        assert!(range_for(Platform::Instagram, 45_000, Formula::Reach, 0.01).is_none());
        let r = range_for(Platform::Instagram, 30_000, Formula::Followers, 0.0173);
        assert_eq!(
            r.and_then(|r| r.verdict_sentence()).as_deref(),
            Some("Verdict: far above against HypeAuditor via eMarketer, 2026 (0.54%, Instagram 10K–50K followers benchmark): the newest figure; engagement has fallen over the years, so older figures run high.")
        );
        let only = range_for(Platform::YouTube, 45_000, Formula::TikTokViews, 0.01)
            .and_then(|r| r.chosen())
            .map(|(_, why)| why);
        assert!(only.is_some_and(|w| w.contains("context")));
    }

    #[test]
    fn other_formulas_with_more_figures_are_named() {
        // (platform, followers, formula, note)
        let cases = [
            (Platform::TikTok, 45_000, Formula::SourceViews,
             Some("More benchmarks under another formula: “By views, TikTok style” has 3 published figures for this account (this formula: 1). Figures of different formulas are never mixed; switch the formula to compare with them.")),
            (Platform::Instagram, 45_000, Formula::Reach,
             Some("More benchmarks under another formula: “By followers” has 2 published figures, “By impressions” has 1 published figure for this account (this formula: 0). Figures of different formulas are never mixed; switch the formula to compare with them.")),
            (Platform::Instagram, 45_000, Formula::Followers, None),
        ];
        for (p, followers, f, want) in cases {
            assert_eq!(
                richer_formulas_note(p, followers, f).as_deref(),
                want,
                "{p:?} {f:?}"
            );
        }
    }

    #[test]
    fn tier_conventions_are_named() {
        let note = tier_convention_note(Tier::Micro);
        for want in [
            "its micro tier is 10,000–99,999 followers",
            "eMarketer (nano 1K–4,999, micro 5K–19,999, mid-tier 20K–99,999)",
            "HypeAuditor 2018",
        ] {
            assert!(note.contains(want), "{note}");
        }
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
        let all = find(Platform::TikTok, Tier::Nano, Formula::TikTokViews)
            .find(|b| b.scope() == Scope::AllCreators);
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
            assert!(b.year == Year::Undated || (2015..=2030).contains(&b.year.sort_key()));
            assert!(!b.note.is_empty() && !b.source.is_empty() && !b.population.is_empty());
            // A bracket is listed once, not under a tier: it applies to every tier it overlaps.
            assert!(b.tier.is_none() || b.followers.is_none(), "{b:?}");
            if let Some((min, max)) = b.followers {
                assert!(max.is_none_or(|m| m > min), "{b:?}");
                assert!(Tier::ALL.into_iter().any(|t| b.fits_tier(t)), "{b:?}");
            }
            // A second-hand figure says so; "via" names the report where it is known.
            assert!(!b.citation().contains("via ") || b.via.is_some());
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn lookups_are_total(p in 0usize..3, t in 0usize..5, f in 0usize..6, followers in any::<u64>(), value in prop::option::of(any::<f64>())) {
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
