//! Small multiples comparing a few creators: one panel per metric, one bar per creator.

use plotters::style::text_anchor::HPos;
use plotters::style::{Color, RGBColor};

use super::canvas::{self, GRID, INK, LABEL, MUTED, SMALL, TITLE};
use super::values::{finite, show, Unit};
use super::Chart;

/// One metric across the creators: `values[i]` belongs to `creators[i]`; missing or `None`
/// values are drawn as "n/a". Each panel has its own scale, so followers and rates can sit
/// side by side without normalising.
#[derive(Clone, Debug, PartialEq)]
pub struct Metric {
    pub name: String,
    pub unit: Unit,
    /// True for costs (cost per engagement): the heading says so.
    pub lower_is_better: bool,
    pub values: Vec<Option<f64>>,
}

/// Okabe–Ito colours: distinguishable with colour-blindness, dark enough on white.
const PALETTE: [RGBColor; 4] = [
    RGBColor(0, 114, 178),
    RGBColor(213, 94, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
];
const WIDTH: f64 = 640.0;
const BAR_ROW: f64 = 24.0;
const HEADING: f64 = 26.0;
const GAP: f64 = 12.0;

/// One panel per metric with every creator's bar and printed value.
pub fn compare_creators(title: &str, creators: &[String], metrics: &[Metric]) -> Chart {
    let names = creators
        .iter()
        .map(|n| LABEL.width(n))
        .fold(0.0, f64::max)
        .clamp(80.0, 200.0);
    let x0 = 16.0 + names + 10.0;
    let x1 = WIDTH - 90.0;
    let panel = HEADING + BAR_ROW * creators.len() as f64 + GAP;
    let height = 40.0 + panel * metrics.len() as f64 + 8.0;

    let svg = canvas::draw(WIDTH as u32, height as u32, title, |c| {
        c.text(&TITLE.fit(title, WIDTH - 32.0), 16.0, 22.0, TITLE);
        if creators.is_empty() {
            c.text("No creators to compare", 16.0, 48.0, LABEL.color(MUTED));
            return;
        }
        for (m, metric) in metrics.iter().enumerate() {
            let y = 40.0 + panel * m as f64;
            c.line((16.0, y), (WIDTH - 16.0, y), GRID, 1);
            let heading = LABEL.bold();
            let name = heading.fit(&metric.name, WIDTH - 160.0);
            c.text(&name, 16.0, y + HEADING / 2.0 + 2.0, heading);
            let hint = SMALL.anchor(HPos::Right);
            c.text(better(metric), WIDTH - 16.0, y + HEADING / 2.0 + 2.0, hint);
            let max = metric
                .values
                .iter()
                .filter_map(|v| finite(*v))
                .fold(0.0, f64::max);
            for (i, creator) in creators.iter().enumerate() {
                let mid = y + HEADING + BAR_ROW * i as f64 + BAR_ROW / 2.0;
                c.text(&LABEL.fit(creator, names), 16.0, mid, LABEL);
                let value = metric.values.get(i).copied().flatten();
                let text = show(value, &metric.unit);
                let Some(v) = finite(value) else {
                    c.text(&text, x0 + 4.0, mid, LABEL.color(MUTED));
                    continue;
                };
                let end = if max > 0.0 {
                    x0 + (x1 - x0) * (v.max(0.0) / max)
                } else {
                    x0
                };
                let color = PALETTE[i % PALETTE.len()];
                c.rect(x0, mid - 8.0, end.max(x0 + 1.0), mid + 8.0, color.to_rgba());
                c.text(&text, end + 6.0, mid, LABEL.color(INK));
            }
        }
    });

    let mut alt = format!("{title}: ");
    let panels: Vec<String> = metrics
        .iter()
        .map(|metric| {
            let values: Vec<String> = creators
                .iter()
                .enumerate()
                .map(|(i, creator)| {
                    let v = metric.values.get(i).copied().flatten();
                    format!("{creator} {}", show(v, &metric.unit))
                })
                .collect();
            format!(
                "{} ({}): {}",
                metric.name,
                better(metric),
                values.join(", ")
            )
        })
        .collect();
    alt.push_str(&panels.join("; "));
    alt.push('.');
    Chart { svg, alt }
}

fn better(metric: &Metric) -> &'static str {
    if metric.lower_is_better {
        "lower is better"
    } else {
        "higher is better"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::strings;

    #[test]
    fn alt_lists_every_value_per_metric() {
        let metrics = [
            Metric {
                name: "Engagement rate".into(),
                unit: Unit::Percent,
                lower_is_better: false,
                values: vec![Some(0.082), Some(0.031)],
            },
            Metric {
                name: "Cost per engagement".into(),
                unit: Unit::Money("$".into()),
                lower_is_better: true,
                // Shorter than the creator list: the third creator's value is missing.
                values: vec![Some(0.12), None],
            },
        ];
        let chart = compare_creators("Compare", &strings(&["Ana", "Ben", "Cy"]), &metrics);
        assert_eq!(
            chart.alt,
            "Compare: Engagement rate (higher is better): Ana 8.2%, Ben 3.1%, Cy n/a; \
             Cost per engagement (lower is better): Ana $0.120, Ben n/a, Cy n/a."
        );
        for text in ["8.2%", "3.1%", "$0.120", "lower is better", "Cy"] {
            assert!(chart.svg.contains(text), "{text}");
        }
    }

    #[test]
    fn degenerate_inputs_draw_something() {
        let zero = Metric {
            name: "Followers".into(),
            unit: Unit::Count,
            lower_is_better: false,
            values: vec![Some(0.0), Some(0.0)],
        };
        let cases: [(Vec<String>, Vec<Metric>); 3] = [
            (vec![], vec![]),
            (strings(&["A"]), vec![]),
            (strings(&["A", "B", "C", "D", "E"]), vec![zero]),
        ];
        for (who, metrics) in cases {
            let chart = compare_creators("t", &who, &metrics);
            assert!(chart.svg.ends_with("</svg>\n"));
        }
    }
}
