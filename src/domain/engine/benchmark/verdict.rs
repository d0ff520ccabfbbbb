//! The verdict of a rate against the published benchmarks of `super`: the bands of the ratio
//! (`Verdict`, `VERDICT_BANDS`), one rate against one benchmark (`Comparison`), against every
//! benchmark of its tier and formula (`BenchmarkRange`), and the formulas that would have more.
//! Split from the table so that the figures and their sources read apart from the judging.

use super::{find_for_followers, Benchmark, Scope, Year};
use crate::creator::platform::Platform;
use crate::engine::engagement::Formula;
use crate::text::choice::choices;
use crate::text::format::{percent, trimmed};

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
    /// A figure set against a benchmark's value, as every comparison does it: the figure kept
    /// only when usable (finite, not negative), its ratio to the benchmark and that ratio's
    /// verdict.
    pub fn against(
        value: Option<f64>,
        benchmark: f64,
    ) -> (Option<f64>, Option<f64>, Option<Verdict>) {
        let value = value.filter(|v| v.is_finite() && *v >= 0.0);
        let ratio = value.and_then(|v| crate::engine::engagement::ratio(v, benchmark));
        (value, ratio, ratio.and_then(Verdict::from_ratio))
    }

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

/// A figure set against a published one of the same kind: the figure (kept only when usable),
/// figure ÷ benchmark and that ratio's verdict. An engagement rate against a [`Benchmark`]
/// ([`Comparison`]) and posts per week against a cadence figure (`cadence::CadenceComparison`)
/// are both this.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Against<B: 'static> {
    /// The creator's figure; `None` when undefined ("n/a").
    pub value: Option<f64>,
    pub benchmark: &'static B,
    /// value ÷ benchmark.
    pub ratio: Option<f64>,
    pub verdict: Option<Verdict>,
}

impl<B> Against<B> {
    /// `value` against `benchmark`, whose published value is `published`.
    pub fn set(value: Option<f64>, benchmark: &'static B, published: f64) -> Against<B> {
        let (value, ratio, verdict) = Verdict::against(value, published);
        Against {
            value,
            benchmark,
            ratio,
            verdict,
        }
    }
}

/// A rate set against one benchmark of the same formula.
pub type Comparison = Against<Benchmark>;

impl Comparison {
    /// `None` when the benchmark is of another formula: mixing formulas misleads.
    pub fn new(
        value: Option<f64>,
        formula: Formula,
        benchmark: &'static Benchmark,
    ) -> Option<Comparison> {
        (benchmark.formula == formula).then(|| Against::set(value, benchmark, benchmark.value))
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

/// Where a rate sits against a range of figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangePosition {
    Below,
    Within,
    Above,
}

/// The figures of one formula that match a creator (platform, tier or follower bracket), as a
/// range: sources disagree, so one number would mislead. Built from comparisons, so every
/// figure in it has the creator's formula.
#[derive(Debug, Clone, PartialEq)]
pub struct BenchmarkRange {
    /// The figures, newest first.
    pub figures: Vec<Comparison>,
    pub low: f64,
    pub high: f64,
    /// `Tier` when tier or bracket figures exist; else `AllCreators` (medians over every size).
    pub scope: Scope,
}

impl BenchmarkRange {
    /// The tier (or bracket) figures among `comparisons`, or the all-size ones when there are
    /// none; `None` when there is nothing to compare with.
    pub fn new(comparisons: &[Comparison]) -> Option<BenchmarkRange> {
        let scope = if comparisons
            .iter()
            .any(|c| c.benchmark.scope() == Scope::Tier)
        {
            Scope::Tier
        } else {
            Scope::AllCreators
        };
        let mut figures: Vec<Comparison> = comparisons
            .iter()
            .filter(|c| c.benchmark.scope() == scope)
            .copied()
            .collect();
        // Stable: the table's order breaks ties.
        figures.sort_by_key(|c| std::cmp::Reverse(c.benchmark.year.sort_key()));
        let values = figures.iter().map(|c| c.benchmark.value);
        let low = values.clone().fold(f64::INFINITY, f64::min);
        let high = values.fold(f64::NEG_INFINITY, f64::max);
        (!figures.is_empty()).then_some(BenchmarkRange {
            figures,
            low,
            high,
            scope,
        })
    }

    /// Distinct sources (a source's figures of different years count once).
    pub fn sources(&self) -> usize {
        let mut seen: Vec<(&str, Option<&str>)> = Vec::new();
        for c in &self.figures {
            let key = (c.benchmark.source, c.benchmark.via);
            if !seen.contains(&key) {
                seen.push(key);
            }
        }
        seen.len()
    }

    /// "0.54%–1.62% across 2 sources", "8.5% from 1 source".
    pub fn label(&self) -> String {
        let decimals = self
            .figures
            .iter()
            .map(|c| c.benchmark.decimals())
            .max()
            .unwrap_or(1)
            .max(1);
        let n = self.sources();
        let sources = if n == 1 {
            "1 source".to_string()
        } else {
            format!("{n} sources")
        };
        if self.figures.len() == 1 || self.low == self.high {
            format!("{} from {sources}", percent(Some(self.low), decimals))
        } else {
            format!(
                "{}–{} across {sources}",
                percent(Some(self.low), decimals),
                percent(Some(self.high), decimals)
            )
        }
    }

    /// Below every figure, within the range (ends included), or above every figure.
    pub fn position(&self, value: Option<f64>) -> Option<RangePosition> {
        let v = value.filter(|v| v.is_finite() && *v >= 0.0)?;
        Some(if v < self.low {
            RangePosition::Below
        } else if v > self.high {
            RangePosition::Above
        } else {
            RangePosition::Within
        })
    }

    /// The figure the verdict is taken against, and why: the newest; among figures of the
    /// same year, one dated exactly, then one known first-hand.
    pub fn chosen(&self) -> Option<(Comparison, String)> {
        let (_, best) = self
            .figures
            .iter()
            .copied()
            .enumerate()
            .max_by_key(|(i, c)| {
                (
                    c.benchmark.year.sort_key(),
                    matches!(c.benchmark.year, Year::Exact(_)),
                    !c.benchmark.secondhand,
                    std::cmp::Reverse(*i),
                )
            })?;
        let b = best.benchmark;
        let why = if self.figures.len() == 1 {
            match self.scope {
                Scope::Tier => "the only figure published for this size under this formula",
                _ => "the only figure under this formula: a median over every account size, context rather than a tier norm",
            }
            .to_string()
        } else {
            let same_year = self
                .figures
                .iter()
                .filter(|c| c.benchmark.year.sort_key() == b.year.sort_key())
                .count();
            if same_year > 1 && !b.secondhand {
                "the newest figure known first-hand; engagement has fallen over the years, so older figures run high".to_string()
            } else {
                "the newest figure; engagement has fallen over the years, so older figures run high"
                    .to_string()
            }
        };
        Some((best, why))
    }

    /// "Verdict: far above HypeAuditor via eMarketer, 2026 (0.54%, Instagram 10K–50K followers
    /// benchmark), the newest figure; …".
    pub fn verdict_sentence(&self) -> Option<String> {
        let (c, why) = self.chosen()?;
        let against = format!(
            "{} ({}, {})",
            c.benchmark.citation(),
            c.benchmark.value_label(),
            c.benchmark.label()
        );
        Some(match c.verdict {
            Some(v) => format!("Verdict: {} against {against}: {why}.", v.label()),
            None => {
                format!("No verdict: the rate is n/a. It would be set against {against}: {why}.")
            }
        })
    }
}

/// Other formulas with more figures for this account than `formula` has, most first.
pub fn richer_formulas(
    platform: Platform,
    followers: u64,
    formula: Formula,
) -> Vec<(Formula, usize)> {
    let count = |f| find_for_followers(platform, followers, f).count();
    let own = count(formula);
    let mut more: Vec<(Formula, usize)> = Formula::ALL
        .into_iter()
        .filter(|&f| f != formula)
        .map(|f| (f, count(f)))
        .filter(|&(_, n)| n > own)
        .collect();
    more.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    more
}

/// "“By views, TikTok style” has 3 published figures for this account (this formula: 1);
/// switch formula to compare with them." `None` when no formula has more.
pub fn richer_formulas_note(
    platform: Platform,
    followers: u64,
    formula: Formula,
) -> Option<String> {
    let more = richer_formulas(platform, followers, formula);
    let own = find_for_followers(platform, followers, formula).count();
    let parts: Vec<String> = more
        .iter()
        .map(|(f, n)| {
            let figures = if *n == 1 { "figure" } else { "figures" };
            format!("“{}” has {n} published {figures}", f.name())
        })
        .collect();
    (!parts.is_empty()).then(|| {
        format!(
            "More benchmarks under another formula: {} for this account (this formula: {own}). Figures of different formulas are never mixed; switch the formula to compare with them.",
            parts.join(", ")
        )
    })
}
