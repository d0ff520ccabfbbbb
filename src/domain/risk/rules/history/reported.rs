//! Figures others reported (engagement rate, average views, likes, comments) against what the
//! creator's posts give.

use super::*;

/// A reported value read as a number, and how it was read (for the evidence).
fn read_reported(kind: ReportedKind, text: &str) -> Option<(f64, Option<&'static str>)> {
    let trimmed = text.trim();
    match kind {
        ReportedKind::EngagementRate => {
            if let Some(bare) = trimmed.strip_suffix('%') {
                return decimal(bare).map(|v| (v / 100.0, None));
            }
            // Without "%": files write a rate either as a percentage ("3.1") or as a fraction
            // (Modash's API: 0.031); above 1 it can only be a percentage.
            let v = decimal(trimmed)?;
            Some(if v > 1.0 {
                (v / 100.0, Some("read as a percentage"))
            } else {
                (v, Some("read as a fraction"))
            })
        }
        ReportedKind::AverageViews | ReportedKind::AverageLikes | ReportedKind::AverageComments => {
            parse_amount(trimmed).ok().map(|v| (v, None))
        }
        _ => None,
    }
}

/// A rate as files write it: digits with one decimal point or comma ("3.1", "0,031"). Not
/// `parse_amount`, which reads "0.031" as thirty-one with a thousands separator; never "NaN".
fn decimal(text: &str) -> Option<f64> {
    let t = text.trim().replace(',', ".");
    let ok = !t.is_empty()
        && t.chars().all(|c| c.is_ascii_digit() || c == '.')
        && t.matches('.').count() <= 1
        && t.chars().any(|c| c.is_ascii_digit());
    ok.then(|| t.parse::<f64>().ok()).flatten()
}

fn mean_of(ctx: &Context, get: impl Fn(&Post) -> Option<f64>) -> (usize, Option<f64>) {
    let values: Vec<f64> = ctx.posts.iter().filter_map(|p| usable(get(p))).collect();
    let n = values.len();
    (n, (n > 0).then(|| values.iter().sum::<f64>() / n as f64))
}

/// What the posts give for a reported kind: (value shown, value, posts counted, formula text).
fn computed(ctx: &Context, kind: ReportedKind) -> Option<(usize, Option<f64>, String)> {
    Some(match kind {
        ReportedKind::EngagementRate => {
            let rates = ctx.rates(Formula::Followers);
            let n = rates.len();
            let mean = (n > 0).then(|| rates.iter().map(|r| r.rate).sum::<f64>() / n as f64);
            (
                n,
                mean,
                format!(
                    "{}, averaged over posts, with the follower count nearest each post's date (the formula of the Modash and HypeAuditor exports)",
                    Formula::Followers.expression()
                ),
            )
        }
        ReportedKind::AverageViews => {
            let (n, m) = mean_of(ctx, |p| p.metrics.views);
            (n, m, "mean views per post".to_string())
        }
        ReportedKind::AverageLikes => {
            let (n, m) = mean_of(ctx, |p| p.metrics.likes);
            (n, m, "mean likes per post".to_string())
        }
        ReportedKind::AverageComments => {
            let (n, m) = mean_of(ctx, |p| p.metrics.comments);
            (n, m, "mean comments per post".to_string())
        }
        _ => return None,
    })
}

fn show(kind: ReportedKind, v: f64) -> String {
    match kind {
        ReportedKind::EngagementRate => pct(v),
        _ => compact(v),
    }
}

pub(super) fn reported_rules(ctx: &Context, t: &Thresholds, report: &mut RiskReport) -> bool {
    let mut ran = false;
    for figure in ctx.reported {
        let Some((n, value, formula)) = computed(ctx, figure.kind) else {
            continue;
        };
        let label = figure.kind.label().to_lowercase();
        let Some((reported, reading)) = read_reported(figure.kind, &figure.value) else {
            not_checked(
                report,
                RiskKind::EngagementAnomaly,
                &format!(
                    "The reported {label} “{}” ({}) is not a number the app can read.",
                    figure.value, figure.source
                ),
            );
            continue;
        };
        if n < ctx.min_posts {
            not_checked(
                report,
                RiskKind::EngagementAnomaly,
                &format!(
                    "The reported {label} ({}, {}) is set against at least {} posts that have the numbers; {} have them.",
                    figure.value,
                    figure.source,
                    ctx.min_posts,
                    plural(n, "post", "posts")
                ),
            );
            continue;
        }
        ran = true;
        let Some(ours) = value.filter(|v| *v > 0.0) else {
            continue;
        };
        if reported <= 0.0 {
            continue;
        }
        let ratio = reported / ours;
        let gap = ratio.max(1.0 / ratio);
        if gap <= t.reported_figure_multiple {
            continue;
        }
        let higher = ratio > 1.0;
        let mut shown = figure.value.trim().to_string();
        if let Some(how) = reading {
            shown.push_str(&format!(" ({how}: {})", show(figure.kind, reported)));
        }
        let dated = figure.date.map(|d| format!(", {d}")).unwrap_or_default();
        report.warnings.push(
            Warning::new(
                format!("reported-{}-differs", figure.kind.id()),
                RiskKind::EngagementAnomaly,
                if higher { Severity::Caution } else { Severity::Info },
                format!(
                    "The reported {label} ({}) is {} {} what the posts give ({})",
                    show(figure.kind, reported),
                    times(gap),
                    if higher { "higher than" } else { "lower than" },
                    show(figure.kind, ours)
                ),
            )
            .evidence(vec![
                ev(format!("Reported ({}{dated})", figure.source), shown),
                ev(format!("From the creator's posts ({})", plural(n, "post", "posts")), show(figure.kind, ours)),
                ev("Computed as", formula),
                ev("Threshold", format!("more than {} apart", times(t.reported_figure_multiple))),
            ])
            .why(if higher {
                "A figure from a file or a vendor that is well above what the posts show may be old, counted over other posts or by another formula, or inflated; a choice made on it overrates the creator.".to_string()
            } else {
                "A figure from a file or a vendor well below what the posts show may be old or counted over other posts: the creator may be doing better now.".to_string()
            })
            .action("Trust the figure you can trace to posts; ask where the reported one comes from (which posts, which period, which formula) before quoting it.")
            .threshold("reported_figure_multiple"),
        );
    }
    ran
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::creator::metrics::PostMetrics;

    #[test]
    fn reported_figures_against_the_posts() {
        let t = Thresholds::default();
        // Six posts of 90 likes and 10 comments, 10,000 views, at 10,000 followers: 1% by
        // followers, 10,000 views on average.
        let posts: Vec<Post> = (0..6)
            .map(|_| Post {
                metrics: PostMetrics {
                    views: Some(10_000.0),
                    likes: Some(90.0),
                    comments: Some(10.0),
                    ..PostMetrics::default()
                },
                ..Post::default()
            })
            .collect();
        let figure = |kind: ReportedKind, value: &str| ReportedFigure {
            kind,
            value: value.into(),
            source: "import file “modash.csv”".into(),
            date: Some(day("2026-11-02")),
        };
        // (figure, expected warning id and severity)
        let cases: &[(ReportedFigure, Option<(&str, Severity)>)] = &[
            (
                figure(ReportedKind::EngagementRate, "3.1%"),
                Some(("reported-engagement-rate-differs", Severity::Caution)),
            ),
            (figure(ReportedKind::EngagementRate, "1.4%"), None),
            (
                figure(ReportedKind::EngagementRate, "1.6%"),
                Some(("reported-engagement-rate-differs", Severity::Caution)),
            ),
            (
                figure(ReportedKind::EngagementRate, "0.5%"),
                Some(("reported-engagement-rate-differs", Severity::Info)),
            ),
            (
                figure(ReportedKind::EngagementRate, "0.031"),
                Some(("reported-engagement-rate-differs", Severity::Caution)),
            ),
            (figure(ReportedKind::EngagementRate, "1.2"), None), // 1.2%
            (
                figure(ReportedKind::AverageViews, "42.9k"),
                Some(("reported-average-views-differs", Severity::Caution)),
            ),
            (figure(ReportedKind::AverageLikes, "100"), None),
            (figure(ReportedKind::Following, "9,000"), None),
        ];
        for (f, want) in cases {
            let input = RiskInput {
                followers: Some(10_000.0),
                posts: posts.clone(),
                reported: vec![f.clone()],
                ..RiskInput::default()
            };
            let out = assess_dossier(&input, &t);
            let got = out
                .report
                .warnings
                .iter()
                .find(|w| w.id.starts_with("reported-"))
                .map(|w| (w.id.as_str(), w.severity));
            assert_eq!(got, *want, "{}", f.value);
        }
        let input = RiskInput {
            followers: Some(10_000.0),
            posts: posts.clone(),
            reported: vec![figure(ReportedKind::EngagementRate, "0.031")],
            ..RiskInput::default()
        };
        let report = assess_dossier(&input, &t).report;
        let w = report.by_id("reported-engagement-rate-differs");
        assert_eq!(
            w.map(|w| w.title.as_str()),
            Some("The reported engagement rate (3.1%) is 3.1× higher than what the posts give (1.0%)")
        );
        let evidence: Vec<(&str, &str)> = w
            .map(|w| {
                w.evidence
                    .iter()
                    .map(|e| (e.label.as_str(), e.value.as_str()))
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(
            evidence.get(..2),
            Some(
                &[
                    (
                        "Reported (import file “modash.csv”, 2026-11-02)",
                        "0.031 (read as a fraction: 3.1%)"
                    ),
                    ("From the creator's posts (6 posts)", "1.0%"),
                ][..]
            )
        );
        assert!(evidence
            .iter()
            .any(|(l, v)| *l == "Computed as" && v.starts_with("(likes + comments) ÷ followers")));
        // Unreadable, or too few posts: not checked, with the figure named.
        for (f, n, start) in [
            (figure(ReportedKind::EngagementRate, "high"), 6, "The reported engagement rate “high”"),
            (figure(ReportedKind::AverageViews, "10k"), 3, "The reported average views (10k, import file “modash.csv”) is set against at least 6 posts"),
        ] {
            let input = RiskInput {
                followers: Some(10_000.0),
                posts: posts.get(..n).unwrap_or_default().to_vec(),
                reported: vec![f],
                ..RiskInput::default()
            };
            let report = assess_dossier(&input, &t).report;
            assert!(
                reasons(&report).iter().any(|r| r.starts_with(start)),
                "{:?}",
                reasons(&report)
            );
        }
    }
}
