//! One entry point over the engine (engagement, benchmarks, cadence, cost) so the UI and the
//! shortlist stay thin; and the parser for pasted per-post rows.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::creator::metrics::PostMetrics;
use crate::creator::platform::Platform;
use crate::creator::record::Creator;
use crate::creator::tier::Tier;
use crate::engine::benchmark::{self, BenchmarkRange, Comparison, NoBenchmark};
use crate::engine::cadence::{
    cadence_benchmark, CadenceComparison, CadenceGap, CadenceInput, NoCadenceBenchmark,
};
use crate::engine::cost::{self, Cost, Emv, NoPrice};
use crate::engine::engagement::{self, Engagement, Field, Formula};
use crate::text::number::{parse_count, NumberError};

/// Everything known about a creator that the engine uses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnalysisInput {
    pub platform: Platform,
    #[serde(default)]
    pub followers: Option<u64>,
    /// One element: averages per post; several: one per post.
    #[serde(default)]
    pub posts: Vec<PostMetrics>,
    #[serde(default)]
    pub formula: Formula,
    #[serde(default)]
    pub cadence: Option<CadenceInput>,
    /// Price per post the creator quoted, in the user's currency.
    #[serde(default)]
    pub price: Option<f64>,
}

/// Posting cadence and how it compares.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CadenceOutcome {
    pub per_week: Result<f64, CadenceGap>,
    pub comparison: Result<CadenceComparison, NoCadenceBenchmark>,
}

/// The engine's answer for one creator. Every figure carries its formula, source and year.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub platform: Platform,
    /// `None` when followers were not entered.
    pub tier: Option<Tier>,
    pub engagement: Engagement,
    /// Against the tier's benchmarks of the same formula (the bracket containing the follower
    /// count where a source publishes brackets), then all-creator medians; or why there are none.
    pub benchmarks: Result<Vec<Comparison>, NoBenchmark>,
    /// The tier figures among `benchmarks` as a range (the all-size medians when there are
    /// none), with the figure the verdict uses.
    pub range: Option<BenchmarkRange>,
    /// Which other formulas have more figures for this account, in words; `None` when none has.
    pub richer_formulas: Option<String>,
    /// Against the 5% rule of thumb, when the formula is the one it is quoted for.
    pub rule_of_thumb: Result<Comparison, NoBenchmark>,
    /// `None` when no cadence was entered.
    pub cadence: Option<CadenceOutcome>,
    pub cost: Result<Cost, NoPrice>,
    /// Earned media value of an average post; `None` without views.
    pub emv: Option<Emv>,
}

impl Analysis {
    /// True when a tier benchmark says the rate is more than 2× the norm (DOMAIN.md §5).
    pub fn engagement_red_flag(&self) -> bool {
        self.benchmarks
            .as_ref()
            .is_ok_and(|cs| cs.iter().any(Comparison::red_flag))
    }
}

/// Runs the engine over a saved creator: their averages per post and price, no cadence (the
/// record keeps posts per week, not a counted period). `None` without a platform, which the
/// benchmarks and prices depend on. The campaign documents and the shortlist's comparison read it.
pub fn analyze_creator(c: &Creator, formula: Formula) -> Option<Analysis> {
    let platform = c.platform?;
    Some(analyze(&AnalysisInput {
        platform,
        followers: c.followers,
        posts: vec![c.metrics],
        formula,
        cadence: None,
        price: c.price,
    }))
}

/// Runs the whole engine. Cheap enough for every keystroke: a few small allocations, no parsing.
pub fn analyze(input: &AnalysisInput) -> Analysis {
    let tier = input.followers.map(Tier::for_followers);
    let engagement = engagement::compute(input.formula, &input.posts, input.followers);

    let benchmarks = match input.followers {
        None => Err(NoBenchmark::TierUnknown),
        Some(followers) => {
            let found: Vec<Comparison> =
                benchmark::find_for_followers(input.platform, followers, input.formula)
                    .filter_map(|b| Comparison::new(engagement.rate, input.formula, b))
                    .collect();
            if found.is_empty() {
                Err(NoBenchmark::for_formula(
                    input.platform,
                    Tier::for_followers(followers),
                    input.formula,
                ))
            } else {
                Ok(found)
            }
        }
    };

    let range = benchmarks
        .as_ref()
        .ok()
        .and_then(|cs| BenchmarkRange::new(cs));
    let richer_formulas = input
        .followers
        .and_then(|f| benchmark::richer_formulas_note(input.platform, f, input.formula));

    let rule_of_thumb = benchmark::rule_of_thumb(input.formula).and_then(|b| {
        Comparison::new(engagement.rate, input.formula, b).ok_or(NoBenchmark::RuleOfThumbFormula)
    });

    let cadence = input.cadence.as_ref().map(|c| {
        let per_week = c.per_week();
        let comparison = tier
            .ok_or(NoCadenceBenchmark::TierUnknown)
            .and_then(|t| cadence_benchmark(input.platform, t))
            .map(|b| CadenceComparison::new(per_week.ok(), b));
        CadenceOutcome {
            per_week,
            comparison,
        }
    });

    let views = engagement::mean_views(&input.posts);
    let cost = cost::cost(
        input.price,
        input.platform,
        tier,
        views,
        engagement.interactions_per_post(),
    );
    let emv = cost::emv(input.platform, views);

    Analysis {
        platform: input.platform,
        tier,
        engagement,
        benchmarks,
        range,
        richer_formulas,
        rule_of_thumb,
        cadence,
        cost,
        emv,
    }
}

/// A problem on one pasted line (1-based line numbers, as the user sees them).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RowError {
    #[error("line {line}, {field}: {error}")]
    BadNumber {
        line: usize,
        field: &'static str,
        error: NumberError,
    },
    #[error("line {line}: {found} values, but there are only {expected} columns ({columns}). Separate values with tabs, semicolons, “, ” or spaces, and keep thousands together (45,000 or 45000).")]
    TooManyValues {
        line: usize,
        found: usize,
        expected: usize,
        columns: String,
    },
    #[error("line {line}: none of these column names is known; use views, likes, comments, shares, dislikes, saves, impressions or reach.")]
    UnknownHeader { line: usize },
    #[error("line {line}: the column “{name}” appears twice.")]
    DuplicateColumn { line: usize, name: String },
}

/// Pasted per-post rows, read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PastedPosts {
    /// One per good line, in order.
    pub posts: Vec<PostMetrics>,
    /// The column order used: from the header, or the default (views, likes, comments, shares,
    /// dislikes, saves). `None` marks a header column that is not a known field and was skipped.
    pub columns: Vec<Option<Field>>,
    /// True when the first line was read as a header.
    pub header: bool,
    /// Header names that are not known fields (a "date" column): their values are skipped.
    pub ignored_columns: Vec<String>,
    /// Every bad line, with what is wrong; a bad line adds no post.
    pub errors: Vec<RowError>,
}

/// Cells of one line: split on tabs if there are any, else semicolons, else ", " (a comma and a
/// space; "45,000" stays one number), else runs of spaces.
fn cells(line: &str) -> Vec<&str> {
    let parts: Vec<&str> = if line.contains('\t') {
        line.split('\t').collect()
    } else if line.contains(';') {
        line.split(';').collect()
    } else if line.contains(", ") {
        line.split(", ").collect()
    } else {
        line.split_whitespace().collect()
    };
    let mut parts: Vec<&str> = parts.into_iter().map(str::trim).collect();
    // A trailing separator ("1000;50;") is not an extra empty column.
    while parts.last().is_some_and(|p| p.is_empty()) {
        parts.pop();
    }
    parts
}

/// What people type for "no value".
fn is_blank(cell: &str) -> bool {
    matches!(
        cell.to_ascii_lowercase().as_str(),
        "" | "-" | "–" | "—" | "n/a" | "na" | "?"
    )
}

/// Reads pasted rows, one post per line. An optional first line names the columns ("views likes
/// comments shares"); without one, columns are views, likes, comments, shares, dislikes, saves,
/// impressions, reach, and a line may stop early. Numbers are read as people paste them ("12.5K", "45,000").
pub fn parse_post_rows(text: &str) -> PastedPosts {
    let mut out = PastedPosts {
        columns: Field::ALL.iter().copied().map(Some).collect(),
        ..PastedPosts::default()
    };
    let mut seen_content = false;
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let parts = cells(line);
        if parts.iter().all(|c| c.is_empty()) {
            continue;
        }
        let first = !seen_content;
        seen_content = true;
        if first
            && parts
                .iter()
                .all(|c| !c.chars().any(|ch| ch.is_ascii_digit()))
            && !parts.iter().all(|c| is_blank(c))
        {
            read_header(&parts, line_no, &mut out);
            continue;
        }
        read_row(&parts, line_no, &mut out);
    }
    out
}

fn read_header(parts: &[&str], line: usize, out: &mut PastedPosts) {
    out.header = true;
    let mut columns = Vec::with_capacity(parts.len());
    let mut ignored = Vec::new();
    for name in parts {
        let field = Field::parse(name);
        if let Some(f) = field {
            if columns.contains(&Some(f)) {
                out.errors.push(RowError::DuplicateColumn {
                    line,
                    name: (*name).to_string(),
                });
            }
        } else {
            ignored.push((*name).to_string());
        }
        columns.push(field);
    }
    if columns.iter().all(Option::is_none) {
        // Keep the default order so the data lines still read.
        out.errors.push(RowError::UnknownHeader { line });
        return;
    }
    out.columns = columns;
    out.ignored_columns = ignored;
}

fn read_row(parts: &[&str], line: usize, out: &mut PastedPosts) {
    if parts.len() > out.columns.len() {
        let columns = out
            .columns
            .iter()
            .map(|c| c.map_or("(skipped)", Field::name))
            .collect::<Vec<_>>()
            .join(", ");
        out.errors.push(RowError::TooManyValues {
            line,
            found: parts.len(),
            expected: out.columns.len(),
            columns,
        });
        return;
    }
    let mut post = PostMetrics::default();
    let mut ok = true;
    for (cell, column) in parts.iter().zip(out.columns.iter()) {
        let Some(field) = column else { continue };
        if is_blank(cell) {
            continue;
        }
        match parse_count(cell) {
            Ok(v) => field.set(&mut post, Some(v as f64)),
            Err(error) => {
                ok = false;
                out.errors.push(RowError::BadNumber {
                    line,
                    field: field.name(),
                    error,
                });
            }
        }
    }
    if ok {
        out.posts.push(post);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::benchmark::Verdict;

    fn input(
        platform: Platform,
        followers: Option<u64>,
        posts: Vec<PostMetrics>,
        formula: Formula,
    ) -> AnalysisInput {
        AnalysisInput {
            platform,
            followers,
            posts,
            formula,
            cadence: None,
            price: None,
        }
    }

    #[test]
    fn seed_tiktok_micro() {
        // 130,000 views and 11,050 interactions: 8.5%, in line with TikTok micro (CreatorDB, 2026).
        let mut i = input(
            Platform::TikTok,
            Some(45_000),
            vec![PostMetrics::counts(130_000.0, 10_000.0, 650.0, 400.0)],
            Formula::SourceViews,
        );
        i.cadence = Some(CadenceInput::Count { posts: 4, days: 28 });
        let a = analyze(&i);
        assert_eq!(a.tier, Some(Tier::Micro));
        let sentences: Vec<String> = a
            .benchmarks
            .as_ref()
            .map(|cs| cs.iter().map(Comparison::sentence).collect())
            .unwrap_or_default();
        assert_eq!(
            sentences,
            vec!["8.5% vs 8.5% TikTok micro benchmark (CreatorDB, 2026): in line".to_string()]
        );
        assert_eq!(
            a.rule_of_thumb
                .as_ref()
                .map(Comparison::sentence)
                .ok()
                .as_deref(),
            Some("8.5% vs 5% rule of thumb for an excellent result (CreatorDB, 2026): above")
        );
        let cadence = a.cadence.map(|c| c.comparison.map(|c| c.sentence()));
        assert_eq!(
            cadence,
            Some(Ok(
                "1 post a week vs about 1 for TikTok micro (CreatorDB, 2026): in line".to_string()
            ))
        );
        assert!(a.cost.as_ref().is_ok_and(Cost::is_estimate));
        assert!(a.emv.is_some_and(|e| (e.value - 1_300.0).abs() < 1e-9));
        assert!(!a.engagement_red_flag());
    }

    #[test]
    fn seed_youtube_micro() {
        let i = input(
            Platform::YouTube,
            Some(80_000),
            vec![PostMetrics::counts(
                11_000_000.0,
                350_000.0,
                30_000.0,
                16_000.0,
            )],
            Formula::SourceViews,
        );
        let a = analyze(&i);
        let c = a
            .benchmarks
            .as_ref()
            .ok()
            .and_then(|cs| cs.first().copied());
        assert_eq!(c.and_then(|c| c.verdict), Some(Verdict::InLine));
        assert_eq!(
            c.map(|c| c.sentence()).as_deref(),
            Some("3.6% vs 3.6% YouTube micro benchmark (CreatorDB, 2026): in line")
        );
    }

    #[test]
    fn zero_views_is_na_everywhere() {
        let i = AnalysisInput {
            price: Some(100.0),
            ..input(
                Platform::TikTok,
                Some(20_000),
                vec![PostMetrics::counts(0.0, 0.0, 0.0, 0.0)],
                Formula::SourceViews,
            )
        };
        let a = analyze(&i);
        assert_eq!(a.engagement.rate, None);
        let c = a
            .benchmarks
            .as_ref()
            .ok()
            .and_then(|cs| cs.first().copied());
        assert_eq!(
            c.map(|c| c.sentence()).as_deref(),
            Some("n/a vs 8.5% TikTok micro benchmark (CreatorDB, 2026)")
        );
        assert!(a
            .cost
            .as_ref()
            .is_ok_and(|c| c.cpm.is_none() && c.cpe.is_none()));
    }

    #[test]
    fn reasons_when_nothing_compares() {
        let a = analyze(&input(
            Platform::Instagram,
            Some(30_000),
            vec![PostMetrics::counts(5_000.0, 500.0, 20.0, 0.0)],
            Formula::SourceViews,
        ));
        assert_eq!(
            a.benchmarks.map_err(|e| e.to_string()),
            Err("No published benchmark for Instagram micro with “By views (CreatorDB)”; switch to “By followers” or “By impressions” to compare.".to_string())
        );
        let a = analyze(&input(
            Platform::Instagram,
            None,
            vec![PostMetrics::counts(5_000.0, 500.0, 20.0, 0.0)],
            Formula::Followers,
        ));
        assert_eq!(a.benchmarks, Err(NoBenchmark::TierUnknown));
        assert_eq!(a.rule_of_thumb, Err(NoBenchmark::RuleOfThumbFormula));
        assert_eq!(
            a.cost.map_err(|e| e.to_string()),
            Err(
                "Enter the price you were quoted, or the follower count for an estimate."
                    .to_string()
            )
        );
    }

    #[test]
    fn instagram_by_followers_uses_the_bracket_and_flags() {
        // 30,000 followers, 520 likes + comments per post: 1.73%; 20K–100K bracket 1.62% (in line),
        // eMarketer micro 0.54% (far above: a red flag to look into).
        let a = analyze(&input(
            Platform::Instagram,
            Some(30_000),
            vec![PostMetrics::counts(5_000.0, 500.0, 20.0, 0.0)],
            Formula::Followers,
        ));
        let verdicts: Vec<(String, Option<Verdict>)> = a
            .benchmarks
            .as_ref()
            .map(|cs| {
                cs.iter()
                    .map(|c| (c.benchmark.citation(), c.verdict))
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(
            verdicts,
            vec![
                (
                    "HypeAuditor via eMarketer, 2026".to_string(),
                    Some(Verdict::FarAbove)
                ),
                ("HypeAuditor, 2018".to_string(), Some(Verdict::InLine)),
            ]
        );
        assert!(a.engagement_red_flag());
    }

    #[test]
    fn input_serde_round_trip() {
        let mut i = input(
            Platform::YouTube,
            Some(12_345),
            vec![PostMetrics::counts(1.0, 2.0, 3.0, 4.0)],
            Formula::MedianViews,
        );
        i.cadence = Some(CadenceInput::Count { posts: 3, days: 7 });
        i.price = Some(99.5);
        let json = serde_json::to_string(&i).unwrap_or_default();
        assert!(json.contains("\"median-views\""), "{json}");
        assert_eq!(serde_json::from_str::<AnalysisInput>(&json).ok(), Some(i));
        // Older records without the newer fields still load.
        let minimal: Result<AnalysisInput, _> = serde_json::from_str(r#"{"platform":"TikTok"}"#);
        assert!(minimal.is_ok_and(|m| m.formula == Formula::SourceViews && m.posts.is_empty()));
    }

    #[test]
    fn pasted_rows_in_every_separator() {
        let want = PostMetrics::counts(12_500.0, 1_000.0, 45.0, 3.0);
        let cases = [
            "12500\t1000\t45\t3",
            "12.5K, 1,000, 45, 3",
            "12,500; 1K; 45; 3",
            "12.5K 1000 45 3",
            "  12500   1000 45 3  ",
            "12500;1000;45;3;",
            // Spaces separate columns; commas without a space group thousands.
            "12,500 1,000 45 3",
        ];
        for text in cases {
            let p = parse_post_rows(text);
            assert_eq!(p.errors, vec![], "{text:?}");
            assert_eq!(p.posts, vec![want], "{text:?}");
            assert!(!p.header);
        }
    }

    #[test]
    fn pasted_rows_with_header_and_blanks() {
        let text =
            "Date\tViews\tLikes\tComments\n2025-03-01\t10K\t800\t20\n\n2025-03-08\t12K\t-\t25\n";
        let p = parse_post_rows(text);
        assert!(p.header);
        assert_eq!(p.errors, vec![]);
        assert_eq!(p.ignored_columns, vec!["Date".to_string()]);
        assert_eq!(
            p.columns,
            vec![
                None,
                Some(Field::Views),
                Some(Field::Likes),
                Some(Field::Comments)
            ]
        );
        assert_eq!(p.posts.len(), 2);
        assert_eq!(p.posts.get(1).and_then(|p| p.likes), None);
        assert_eq!(p.posts.get(1).and_then(|p| p.comments), Some(25.0));

        let p = parse_post_rows("views likes\n1000 50 7");
        assert_eq!(p.errors.first().map(ToString::to_string).as_deref(), Some("line 2: 3 values, but there are only 2 columns (views, likes). Separate values with tabs, semicolons, “, ” or spaces, and keep thousands together (45,000 or 45000)."));
    }

    #[test]
    fn pasted_bad_lines_are_named() {
        let text = "views, likes, comments\n1000, 50, 2\n2000, lots, 3\n3000, 12.5, x1\nfoo bar\n";
        let p = parse_post_rows(text);
        assert_eq!(p.posts.len(), 1);
        let msgs: Vec<String> = p.errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            msgs,
            vec![
                "line 3, likes: “lots” is not a number. Write it like 45000, 45,000, 12.5K or 1.2M.".to_string(),
                "line 4, likes: “12.5” is not a whole number; a count must be whole (12.5K is fine, 12.5 is not).".to_string(),
                "line 4, comments: “x1” is not a number. Write it like 45000, 45,000, 12.5K or 1.2M.".to_string(),
                "line 5, views: “foo” is not a number. Write it like 45000, 45,000, 12.5K or 1.2M.".to_string(),
                "line 5, likes: “bar” is not a number. Write it like 45000, 45,000, 12.5K or 1.2M.".to_string(),
            ]
        );
        let p = parse_post_rows("date time\n1 2");
        assert_eq!(p.errors, vec![RowError::UnknownHeader { line: 1 }]);
        assert_eq!(p.posts.len(), 1);
        let p = parse_post_rows("views views\n1 2");
        assert_eq!(
            p.errors,
            vec![RowError::DuplicateColumn {
                line: 1,
                name: "views".into()
            }]
        );
        assert_eq!(parse_post_rows("").posts, vec![]);
    }

    #[test]
    fn pasted_rows_feed_the_engine() {
        let p = parse_post_rows("views likes comments shares\n100K 8K 500 1K\n160K 12K 900 2.1K");
        let a = analyze(&input(
            Platform::TikTok,
            Some(50_000),
            p.posts,
            Formula::SourceViews,
        ));
        // (9,500 + 15,000) / 260,000 = 9.42%.
        assert!(a
            .engagement
            .rate
            .is_some_and(|r| (r - 24_500.0 / 260_000.0).abs() < 1e-12));
        assert_eq!(a.engagement.posts, 2);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn analyze_is_total(
            p in 0usize..3,
            f in 0usize..4,
            followers in prop::option::of(any::<u64>()),
            views in prop::option::of(any::<f64>()),
            likes in prop::option::of(any::<f64>()),
            price in prop::option::of(any::<f64>()),
            posts_n in 0u32..100,
            days in 0u32..100,
        ) {
            let i = AnalysisInput {
                platform: Platform::ALL.get(p).copied().unwrap_or(Platform::TikTok),
                followers,
                posts: vec![PostMetrics { views, likes, ..Default::default() }],
                formula: Formula::ALL.get(f).copied().unwrap_or_default(),
                cadence: Some(CadenceInput::Count { posts: posts_n, days }),
                price,
            };
            let a = analyze(&i);
            for r in [a.engagement.rate, a.engagement.median_post_rate].into_iter().flatten() {
                prop_assert!(r.is_finite() && r >= 0.0);
            }
            if let Ok(cs) = &a.benchmarks {
                for c in cs {
                    prop_assert_eq!(c.benchmark.formula, i.formula);
                }
            }
        }

        #[test]
        fn row_parser_reports_every_line(s in "[0-9a-zA-Z,.;\\t \\n-]{0,80}") {
            let p = parse_post_rows(&s);
            let lines = s.lines().count();
            prop_assert!(p.posts.len() <= lines);
            for e in &p.errors {
                let line = match e {
                    RowError::BadNumber { line, .. }
                    | RowError::TooManyValues { line, .. }
                    | RowError::UnknownHeader { line }
                    | RowError::DuplicateColumn { line, .. } => *line,
                };
                prop_assert!(line >= 1 && line <= lines);
                let prefix = format!("line {}", line);
                prop_assert!(e.to_string().starts_with(&prefix));
            }
            for post in &p.posts {
                for f in Field::ALL {
                    prop_assert!(f.get(post).is_none_or(|v| v.is_finite() && v >= 0.0));
                }
            }
        }
    }
}
