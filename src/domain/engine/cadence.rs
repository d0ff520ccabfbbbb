//! Posting cadence: posts per week from a count over a period or from post dates, and its
//! comparison with the source article's benchmarks (DOMAIN.md §2). Dates are `text::date`.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::creator::platform::Platform;
use crate::creator::tier::Tier;
use crate::engine::benchmark::Against;
use crate::engine::engagement::ratio;
use crate::engine::published::PublishedFigure;
pub use crate::text::date::Date;
#[cfg(test)]
use crate::text::date::DateError;
use crate::text::format::trimmed;

/// A bad date in a pasted list, with its line number (1-based).
#[cfg(test)]
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("line {line}: {error}")]
pub struct DateLineError {
    pub line: usize,
    pub error: DateError,
}

/// Reads post dates, one or more per line (separated by spaces, commas or semicolons). A time of
/// day ("18:30") next to a date is skipped. Every bad date is reported, not only the first.
/// Only the tests read pasted lists of dates now: the Check form takes a count over a period.
#[cfg(test)]
pub fn parse_dates(text: &str) -> Result<Vec<Date>, Vec<DateLineError>> {
    let mut dates = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let tokens = line
            .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
            .filter(|t| !t.is_empty())
            .filter(|t| !is_time_of_day(t));
        for token in tokens {
            match Date::parse(token) {
                Ok(d) => dates.push(d),
                Err(error) => errors.push(DateLineError { line: i + 1, error }),
            }
        }
    }
    if errors.is_empty() {
        Ok(dates)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
fn is_time_of_day(token: &str) -> bool {
    token.contains(':')
        && token
            .chars()
            .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
}

/// How the user describes a creator's posting: a count over a period, or the dates of posts.
/// Persisted with the shortlist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum CadenceInput {
    /// `posts` posts in the last `days` days.
    Count { posts: u32, days: u32 },
    /// The dates of recent posts, in any order; the same date may appear twice.
    Dates { dates: Vec<Date> },
}

/// Why posts per week can't be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum CadenceGap {
    #[error("n/a: the period must be at least one day.")]
    NoPeriod,
    #[error("n/a: enter at least two posts on different days.")]
    TooFewDates,
}

impl CadenceInput {
    /// Posts per week. From dates: the gaps between the first and last post, (n − 1) ÷ days
    /// between them × 7, so four weekly posts give exactly 1 a week (counting the days inclusive
    /// would report 1.27).
    pub fn per_week(&self) -> Result<f64, CadenceGap> {
        match self {
            CadenceInput::Count { posts, days } => {
                ratio(f64::from(*posts) * 7.0, f64::from(*days)).ok_or(CadenceGap::NoPeriod)
            }
            CadenceInput::Dates { dates } => {
                let mut days = dates.iter().map(|d| d.day_number());
                let first = days.next().ok_or(CadenceGap::TooFewDates)?;
                let (min, max) = days.fold((first, first), |(lo, hi), d| (lo.min(d), hi.max(d)));
                let gaps = dates.len().saturating_sub(1) as f64;
                ratio(gaps * 7.0, (max - min) as f64).ok_or(CadenceGap::TooFewDates)
            }
        }
    }
}

/// Posting frequencies from the source article (CreatorDB micro-influencer article, 2026).
pub static CADENCE_BENCHMARKS: [PublishedFigure; 4] = [
    PublishedFigure {
        platform: Platform::YouTube,
        tier: Tier::Micro,
        value: 3.0,
        wording: "almost 3",
        source: "CreatorDB",
        year: 2026,
        note: "Micro YouTubers post almost 3 videos a week.",
    },
    PublishedFigure {
        platform: Platform::TikTok,
        tier: Tier::Micro,
        value: 1.0,
        wording: "about 1",
        source: "CreatorDB",
        year: 2026,
        note: "Micro TikTokers post about once a week, 50% more often than the 1K–10K bracket.",
    },
    PublishedFigure {
        platform: Platform::TikTok,
        tier: Tier::Nano,
        value: 1.0 / 1.5,
        wording: "about 0.67",
        source: "CreatorDB",
        year: 2026,
        note: "Derived: micro TikTokers post 50% more than nano ones, so nano ≈ 1 ÷ 1.5 ≈ 0.67 a week.",
    },
    PublishedFigure {
        platform: Platform::Instagram,
        tier: Tier::Micro,
        value: 1.2,
        wording: "1.2",
        source: "CreatorDB",
        year: 2026,
        note: "Micro Instagram creators post 1.2 times a week.",
    },
];

/// Why there's no posting frequency to compare with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum NoCadenceBenchmark {
    #[error("No published posting frequency for {} {}; the source article gives YouTube micro, TikTok nano and micro, and Instagram micro.", .platform.name(), tier_word(*.tier))]
    Missing { platform: Platform, tier: Tier },
    #[error("Enter the follower count: posting benchmarks are published per tier.")]
    TierUnknown,
}

fn tier_word(tier: Tier) -> String {
    tier.name().to_lowercase()
}

/// The posting benchmark for a platform and tier. Total: never panics.
pub fn cadence_benchmark(
    platform: Platform,
    tier: Tier,
) -> Result<&'static PublishedFigure, NoCadenceBenchmark> {
    PublishedFigure::find(&CADENCE_BENCHMARKS, platform, tier)
        .ok_or(NoCadenceBenchmark::Missing { platform, tier })
}

/// Posts per week set against a benchmark, with the same verdict bands as engagement.
pub type CadenceComparison = Against<PublishedFigure>;

impl CadenceComparison {
    pub fn new(per_week: Option<f64>, benchmark: &'static PublishedFigure) -> CadenceComparison {
        Against::set(per_week, benchmark, benchmark.value)
    }

    /// "2.8 posts a week vs almost 3 for YouTube micro (CreatorDB, 2026): in line".
    pub fn sentence(&self) -> String {
        let b = self.benchmark;
        let head = format!(
            "{} vs {} for {} {} ({})",
            per_week_label(self.value),
            b.wording,
            b.platform.name(),
            tier_word(b.tier),
            b.citation()
        );
        match self.verdict {
            Some(v) => format!("{head}: {}", v.cadence_label()),
            None => head,
        }
    }
}

/// "1 post a week", "2.8 posts a week", "0.67 posts a week", "n/a".
pub fn per_week_label(per_week: Option<f64>) -> String {
    match per_week.filter(|v| v.is_finite()) {
        None => "n/a".to_string(),
        Some(v) => {
            let n = trimmed(v, if v < 1.0 { 2 } else { 1 });
            let noun = if n == "1" { "post" } else { "posts" };
            format!("{n} {noun} a week")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::check_cases;
    use crate::text::date::day as d;

    #[test]
    fn dates_parse_and_refuse() {
        let good = [
            ("2025-03-14", (2025, 3, 14)),
            ("  2024-02-29 ", (2024, 2, 29)),
            ("2000-02-29", (2000, 2, 29)),
            ("2025-12-31T23:59:00Z", (2025, 12, 31)),
        ];
        for (s, (y, m, day)) in good {
            let got = Date::parse(s).map(|d| (d.year(), d.month(), d.day()));
            assert_eq!(got, Ok((y, m, day)), "{s}");
        }
        let bad = [
            (
                "2025-02-29",
                "“2025-02-29” is not a date: February 2025 has 28 days.",
            ),
            (
                "1900-02-29",
                "“1900-02-29” is not a date: February 1900 has 28 days.",
            ),
            (
                "2025-04-31",
                "“2025-04-31” is not a date: April 2025 has 30 days.",
            ),
            (
                "2025-13-01",
                "“2025-13-01” has month 13; months go from 01 to 12.",
            ),
            (
                "2025-00-10",
                "“2025-00-10” has month 0; months go from 01 to 12.",
            ),
            (
                "14/03/2025",
                "“14/03/2025” is not a date; write it as YYYY-MM-DD, for example 2025-03-14.",
            ),
            (
                "2025-3-14",
                "“2025-3-14” is not a date; write it as YYYY-MM-DD, for example 2025-03-14.",
            ),
            (
                "2025-03-1x",
                "“2025-03-1x” is not a date; write it as YYYY-MM-DD, for example 2025-03-14.",
            ),
            (
                "0000-01-01",
                "“0000-01-01” is not a date; write it as YYYY-MM-DD, for example 2025-03-14.",
            ),
            (
                "２０２５-03-14",
                "“２０２５-03-14” is not a date; write it as YYYY-MM-DD, for example 2025-03-14.",
            ),
        ];
        for (s, want) in bad {
            assert_eq!(
                Date::parse(s).map_err(|e| e.to_string()),
                Err(want.to_string()),
                "{s}"
            );
        }
    }

    #[test]
    fn day_numbers() {
        let cases = [
            ("1970-01-01", 0),
            ("1970-01-02", 1),
            ("1969-12-31", -1),
            ("2000-03-01", 11_017),
            ("2024-02-29", 19_782),
            ("2025-01-01", 20_089),
        ];
        check_cases(cases, |s| d(s).day_number());
    }

    #[test]
    fn pasted_date_lists() {
        let text = "2025-03-01\n2025-03-08, 2025-03-15\n\n2025-03-22 18:30\n";
        let dates = parse_dates(text);
        assert_eq!(dates.as_ref().map(Vec::len), Ok(4));
        let input = CadenceInput::Dates {
            dates: dates.unwrap_or_default(),
        };
        assert_eq!(input.per_week(), Ok(1.0));

        let errs = parse_dates("2025-03-01\n2025-02-30\nsoon")
            .err()
            .unwrap_or_default();
        let msgs: Vec<String> = errs.iter().map(ToString::to_string).collect();
        assert_eq!(
            msgs,
            vec![
                "line 2: “2025-02-30” is not a date: February 2025 has 28 days.".to_string(),
                "line 3: “soon” is not a date; write it as YYYY-MM-DD, for example 2025-03-14."
                    .to_string(),
            ]
        );
    }

    #[test]
    fn posts_per_week() {
        let cases: Vec<(CadenceInput, Result<f64, CadenceGap>)> = vec![
            (
                CadenceInput::Count {
                    posts: 12,
                    days: 28,
                },
                Ok(3.0),
            ),
            (CadenceInput::Count { posts: 4, days: 28 }, Ok(1.0)),
            (CadenceInput::Count { posts: 0, days: 30 }, Ok(0.0)),
            (
                CadenceInput::Count { posts: 5, days: 0 },
                Err(CadenceGap::NoPeriod),
            ),
            (
                CadenceInput::Dates { dates: vec![] },
                Err(CadenceGap::TooFewDates),
            ),
            (
                CadenceInput::Dates {
                    dates: vec![d("2025-01-01")],
                },
                Err(CadenceGap::TooFewDates),
            ),
            (
                CadenceInput::Dates {
                    dates: vec![d("2025-01-01"), d("2025-01-01")],
                },
                Err(CadenceGap::TooFewDates),
            ),
            // Order doesn't matter; across a year boundary.
            (
                CadenceInput::Dates {
                    dates: vec![d("2025-01-04"), d("2024-12-28"), d("2025-01-11")],
                },
                Ok(1.0),
            ),
            // Two posts on one day, then a week later: 2 gaps in 7 days.
            (
                CadenceInput::Dates {
                    dates: vec![d("2025-05-01"), d("2025-05-01"), d("2025-05-08")],
                },
                Ok(2.0),
            ),
        ];
        check_cases(cases, |input| input.per_week());
    }

    #[test]
    fn seed_cadence_benchmarks() {
        let cases = [
            (
                Platform::YouTube,
                Tier::Micro,
                2.8,
                "2.8 posts a week vs almost 3 for YouTube micro (CreatorDB, 2026): in line",
            ),
            (
                Platform::TikTok,
                Tier::Micro,
                1.0,
                "1 post a week vs about 1 for TikTok micro (CreatorDB, 2026): in line",
            ),
            (
                Platform::TikTok,
                Tier::Nano,
                0.4,
                "0.4 posts a week vs about 0.67 for TikTok nano (CreatorDB, 2026): less often",
            ),
            (
                Platform::Instagram,
                Tier::Micro,
                3.0,
                "3 posts a week vs 1.2 for Instagram micro (CreatorDB, 2026): far more often",
            ),
        ];
        for (p, t, per_week, want) in cases {
            let b = cadence_benchmark(p, t);
            assert_eq!(
                b.map(|b| CadenceComparison::new(Some(per_week), b).sentence()),
                Ok(want.to_string())
            );
        }
        assert_eq!(
            cadence_benchmark(Platform::YouTube, Tier::Nano).map_err(|e| e.to_string()),
            Err("No published posting frequency for YouTube nano; the source article gives YouTube micro, TikTok nano and micro, and Instagram micro.".to_string())
        );
    }

    #[test]
    fn cadence_input_serde_round_trip() {
        let cases = [
            CadenceInput::Count { posts: 3, days: 7 },
            CadenceInput::Dates {
                dates: vec![d("2025-03-01"), d("2024-02-29")],
            },
        ];
        for input in cases {
            let json = serde_json::to_string(&input).unwrap_or_default();
            assert_eq!(
                serde_json::from_str::<CadenceInput>(&json).ok(),
                Some(input)
            );
        }
        let json = r#"{"kind":"dates","dates":["2025-03-01"]}"#;
        assert!(serde_json::from_str::<CadenceInput>(json).is_ok());
        // A corrupted stored date is refused, not silently accepted.
        let bad = r#"{"kind":"dates","dates":["2025-02-30"]}"#;
        assert!(serde_json::from_str::<CadenceInput>(bad).is_err());
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn date_parser_never_panics(s in "\\PC{0,24}") {
            let _ = Date::parse(&s);
            let _ = parse_dates(&s);
        }

        #[test]
        fn valid_dates_round_trip_and_order(y in 1u16..=9999, m in 1u8..=12, day in 1u8..=31) {
            if let Some(date) = Date::new(y, m, day) {
                prop_assert_eq!(Date::parse(&date.to_string()), Ok(date));
                // Day numbers are consecutive: the next valid day is one more.
                let next = Date::new(y, m, day + 1)
                    .or_else(|| Date::new(y, m + 1, 1))
                    .or_else(|| y.checked_add(1).and_then(|y| Date::new(y, 1, 1)));
                if let Some(next) = next {
                    prop_assert_eq!(next.day_number(), date.day_number() + 1);
                }
            }
        }

        #[test]
        fn per_week_is_finite_and_non_negative(posts in any::<u32>(), days in any::<u32>()) {
            if let Ok(v) = (CadenceInput::Count { posts, days }).per_week() {
                prop_assert!(v.is_finite() && v >= 0.0);
            }
        }
    }
}
