//! Charts: plotters draws SVG strings from plain data; pure, tested natively.
//!
//! Every chart returns a standalone SVG (own background, `<title>`, no `style` attributes, so it
//! passes the Content-Security-Policy) and a text alternative giving every value shown.
//! Plotters' text layout is never used: without the `ttf` feature it guesses widths natively
//! and, in the browser, measures text by inserting a `style`d span into the DOM, which the
//! CSP blocks and which would make native tests and the wasm build lay out differently. So the
//! charts draw straight onto the SVG backend with our own width estimate (see `canvas`).

mod bar_layout;
mod bars;
mod canvas;
mod compare;
mod data_url;
mod history;
mod plot;
mod progress;
mod revenue;
mod values;

pub use bars::{rate_vs_benchmarks, BarKind, RateBar, Reference};
pub use compare::{compare_creators, Metric};
pub use data_url::svg_data_url;
pub use history::{over_time, DatedValue};
pub use progress::{actual_vs_target, DayValue, Goal};
pub use revenue::{revenue_vs_spend, MoneyRow};
pub use values::Unit;

/// A drawn chart: the SVG document and its complete text alternative.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub svg: String,
    pub alt: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: [&str; 2] = ["<script>alert(1)</script>", "\"&'<>"];

    pub(super) fn all_charts(name: &str, num: Option<f64>) -> Vec<Chart> {
        let bars = [
            RateBar {
                label: name.to_string(),
                rate: num,
                kind: BarKind::Creator,
                source: name.to_string(),
            },
            RateBar {
                label: "TikTok micro".into(),
                rate: Some(0.085),
                kind: BarKind::Benchmark,
                source: "CreatorDB, 2026".into(),
            },
        ];
        let reference = Reference {
            rate: num.unwrap_or(0.05),
            label: name.to_string(),
        };
        let metrics = [Metric {
            name: name.to_string(),
            unit: Unit::Money(name.to_string()),
            lower_is_better: true,
            values: vec![num, Some(2.0)],
        }];
        let goal = Goal {
            metric: name.to_string(),
            unit: Unit::Count,
            total: num.unwrap_or(100.0),
            days: 10,
        };
        let actual = [
            DayValue { day: 0, value: num },
            DayValue {
                day: 3,
                value: Some(40.0),
            },
            DayValue { day: 5, value: num },
        ];
        let dated = [
            DatedValue {
                day: 20_000,
                label: name.to_string(),
                value: num,
            },
            DatedValue {
                day: 20_010,
                label: "2024-10-10".into(),
                value: Some(40.0),
            },
        ];
        vec![
            over_time(name, name, Unit::Count, &dated),
            rate_vs_benchmarks(name, &bars, Some(&reference)),
            compare_creators(name, &[name.to_string(), "Ben".into()], &metrics),
            actual_vs_target(name, &goal, &actual, &[(2, name.to_string())]),
            revenue_vs_spend(
                name,
                &[MoneyRow {
                    label: name.to_string(),
                    revenue: num,
                    spend: Some(2.0),
                    note: name.to_string(),
                }],
                "$",
            ),
        ]
    }

    pub(super) fn assert_clean_svg(svg: &str) {
        assert!(svg.starts_with("<svg "), "{svg}");
        assert!(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("viewBox=\"0 0 "));
        assert!(svg.contains("<title>"));
        assert!(svg.trim_end().ends_with("</svg>"));
        assert!(!svg.contains("style="), "inline styles break the CSP");
        assert!(!svg.contains("<style") && !svg.contains("<script"));
        // Exactly one root: nothing after the closing tag.
        assert_eq!(svg.matches("<svg").count(), 1);
        // Every '<' opens one of the tags we draw: data cannot inject markup.
        let tags = [
            "svg ",
            "/svg>",
            "title>",
            "/title>",
            "rect ",
            "line ",
            "polyline ",
            "polygon ",
            "circle ",
            "text ",
            "/text>",
        ];
        for (i, _) in svg.match_indices('<') {
            let rest = &svg[i + 1..];
            assert!(
                tags.iter().any(|t| rest.starts_with(t)),
                "stray < at {i}: {svg}"
            );
        }
    }

    #[test]
    fn data_from_users_is_escaped_everywhere() {
        for name in HOSTILE {
            for chart in all_charts(name, Some(0.04)) {
                assert_clean_svg(&chart.svg);
                assert!(!chart.svg.contains(name), "raw {name} in {}", chart.svg);
                assert!(chart.svg.contains("&lt;") && chart.svg.contains("&gt;"));
                // Only entity ampersands: every '&' starts one of the five XML escapes.
                for (i, _) in chart.svg.match_indices('&') {
                    let rest = &chart.svg[i..];
                    assert!(
                        ["&lt;", "&gt;", "&amp;", "&quot;", "&apos;"]
                            .iter()
                            .any(|e| rest.starts_with(e)),
                        "bare & at {i}"
                    );
                }
                // The alt text is plain text (the UI escapes it); it keeps the name intact.
                assert!(chart.alt.contains(name));
            }
        }
    }

    #[test]
    fn undefined_numbers_never_print_as_nan_or_inf() {
        for num in [
            None,
            Some(f64::NAN),
            Some(f64::INFINITY),
            Some(f64::NEG_INFINITY),
        ] {
            for chart in all_charts("Ana", num) {
                assert_clean_svg(&chart.svg);
                for text in [&chart.svg, &chart.alt] {
                    let lower = text.to_lowercase();
                    assert!(!lower.contains("nan"), "{num:?}: {text}");
                    assert!(!lower.contains("inf"), "{num:?}: {text}");
                }
                assert!(chart.alt.contains("n/a"), "{num:?}: {}", chart.alt);
            }
        }
    }

    #[test]
    fn charts_are_deterministic() {
        let a = all_charts("Ana", Some(0.031));
        let b = all_charts("Ana", Some(0.031));
        assert_eq!(a, b);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::tests::{all_charts, assert_clean_svg};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn any_name_and_number_give_a_clean_chart(
            // No 'n', 'i' or 'f': the name itself can't spell "nan" or "inf".
            name in "[<>&\"' a-ej-mo-z0-9é李]{0,40}",
            x in proptest::num::f64::ANY,
        ) {
            for chart in all_charts(&name, Some(x)) {
                assert_clean_svg(&chart.svg);
                for text in [&chart.svg, &chart.alt] {
                    let lower = text.to_lowercase();
                    prop_assert!(!lower.contains("nan") && !lower.contains("inf"), "{}", text);
                }
            }
        }
    }
}
