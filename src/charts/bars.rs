//! Horizontal bars: a creator's engagement rate against the benchmarks for its tier.

use plotters::style::text_anchor::HPos;
use plotters::style::{Color, RGBColor, WHITE};

use super::bar_layout::{in_brackets, BarLayout, Frame};
use super::canvas::{self, Font, ACCENT, HIGHLIGHT, INK, LABEL, MUTED, SMALL};
use super::values::{finite, show, tick, Unit};
use super::Chart;

/// What a bar stands for; the creator's bar is highlighted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BarKind {
    /// The creator being checked.
    Creator,
    /// The benchmark for the creator's own platform and tier.
    Benchmark,
    /// Benchmarks of other platforms for the same tier, for context.
    Other,
}

/// One bar: a rate as a fraction (0.085 = 8.5%), `None` when unknown (drawn as "n/a").
#[derive(Clone, Debug, PartialEq)]
pub struct RateBar {
    pub label: String,
    pub rate: Option<f64>,
    pub kind: BarKind,
    /// Where the figure comes from, e.g. "CreatorDB, 2026, by views" or "your 12 posts".
    pub source: String,
}

/// A vertical reference line, e.g. 0.05 with label "excellent".
#[derive(Clone, Debug, PartialEq)]
pub struct Reference {
    pub rate: f64,
    pub label: String,
}

const WIDTH: f64 = 640.0;
const ROW: f64 = 44.0;
const TOP: f64 = 62.0;
const FRAME: Frame = Frame {
    width: WIDTH,
    top: TOP,
    row: ROW,
    right: 64.0,
    column_max: 230.0,
};

/// Bars for each rate with name, source and value; an optional dashed reference line.
pub fn rate_vs_benchmarks(title: &str, bars: &[RateBar], reference: Option<&Reference>) -> Chart {
    let reference = reference.filter(|r| r.rate.is_finite() && r.rate >= 0.0);
    let max = bars
        .iter()
        .filter_map(|b| finite(b.rate))
        .chain(reference.map(|r| r.rate))
        .fold(0.0, f64::max);
    let layout = BarLayout::new(
        FRAME,
        max,
        bars.iter().map(|b| (b.label.as_str(), b.source.as_str())),
    );
    let (column, x0, bottom) = (layout.column, layout.x0, layout.bottom);
    let names = LABEL.bold();

    let svg = layout.draw(title, |c| {
        layout.value_grid(c, &Unit::Percent);
        for (i, bar) in bars.iter().enumerate() {
            let mid = layout.row_top(i) + ROW / 2.0;
            let (fill, font) = match bar.kind {
                BarKind::Creator => (HIGHLIGHT, names),
                BarKind::Benchmark => (MUTED, LABEL),
                BarKind::Other => (RGBColor(148, 163, 184), LABEL),
            };
            c.text(&font.fit(&bar.label, column), 16.0, mid - 7.0, font);
            c.text(&SMALL.fit(&bar.source, column), 16.0, mid + 9.0, SMALL);
            let value = show(bar.rate, &Unit::Percent);
            let Some(rate) = finite(bar.rate) else {
                c.text(&value, x0 + 4.0, mid, LABEL.color(MUTED));
                continue;
            };
            let end = layout.scale(rate);
            c.rect(x0, mid - 9.0, end, mid + 9.0, fill.to_rgba());
            value_label(c, &value, end, x0, mid, font);
        }
        if let Some(r) = reference {
            let x = layout.scale(r.rate);
            c.dashed((x, TOP - 8.0), (x, bottom), ACCENT, 2);
            let text = format!("{} {}", tick(r.rate, &Unit::Percent), r.label);
            let font = SMALL.color(ACCENT).bold();
            let room = WIDTH - 16.0 - x;
            let anchored = if font.width(&text) / 2.0 > room {
                font.anchor(HPos::Right)
            } else {
                font.anchor(HPos::Center)
            };
            c.text(
                &font.fit(&text, WIDTH - 32.0),
                x.min(WIDTH - 16.0),
                TOP - 16.0,
                anchored,
            );
        }
    });

    let mut alt = format!("{title}: ");
    let items: Vec<String> = bars
        .iter()
        .map(|b| {
            let source = in_brackets(&b.source);
            format!("{} {}{source}", b.label, show(b.rate, &Unit::Percent))
        })
        .collect();
    alt.push_str(&items.join("; "));
    if let Some(r) = reference {
        alt.push_str(&format!(
            "; reference line at {}: {}",
            tick(r.rate, &Unit::Percent),
            r.label
        ));
    }
    alt.push('.');
    Chart { svg, alt }
}

/// The value after the bar's end, or inside it when the bar reaches the right edge.
fn value_label(c: &mut canvas::Canvas, value: &str, end: f64, x0: f64, mid: f64, font: Font) {
    let font = font.color(INK);
    if end + 6.0 + font.width(value) > WIDTH - 8.0 && end - x0 > font.width(value) + 12.0 {
        let inside = font.color(WHITE).anchor(HPos::Right).bold();
        c.text(value, end - 6.0, mid, inside);
    } else {
        c.text(value, end + 6.0, mid, font);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, rate: Option<f64>, kind: BarKind) -> RateBar {
        RateBar {
            label: label.into(),
            rate,
            kind,
            source: "src".into(),
        }
    }

    #[test]
    fn every_value_is_in_alt_and_svg() {
        let bars = [
            bar("This creator", Some(0.082), BarKind::Creator),
            bar("TikTok micro", Some(0.085), BarKind::Benchmark),
            bar("Instagram micro", None, BarKind::Other),
        ];
        let reference = Reference {
            rate: 0.05,
            label: "excellent".into(),
        };
        let chart = rate_vs_benchmarks("Engagement", &bars, Some(&reference));
        assert_eq!(
            chart.alt,
            "Engagement: This creator 8.2% (src); TikTok micro 8.5% (src); \
             Instagram micro n/a (src); reference line at 5%: excellent."
        );
        for text in ["8.2%", "8.5%", "n/a", "5% excellent", "This creator"] {
            assert!(chart.svg.contains(text), "{text}");
        }
    }

    #[test]
    fn unknown_rate_draws_no_bar() {
        // A None drawn as a zero-width bar would read as "0%"; only the background rects and
        // the bars of known rates may appear.
        let rects = |bars: &[RateBar]| {
            rate_vs_benchmarks("t", bars, None)
                .svg
                .matches("<rect")
                .count()
        };
        let known = rects(&[bar("a", Some(0.02), BarKind::Creator)]);
        let with_unknown = rects(&[
            bar("a", Some(0.02), BarKind::Creator),
            bar("b", None, BarKind::Other),
            bar("c", Some(f64::NAN), BarKind::Other),
        ]);
        assert_eq!(known, with_unknown);
    }

    #[test]
    fn empty_and_hostile_inputs_do_not_panic() {
        let cases: [(&[RateBar], Option<Reference>); 3] = [
            (&[], None),
            (
                &[],
                Some(Reference {
                    rate: f64::NAN,
                    label: "x".into(),
                }),
            ),
            (
                &[RateBar {
                    label: "x".repeat(500),
                    rate: Some(-1.0),
                    kind: BarKind::Creator,
                    source: String::new(),
                }],
                Some(Reference {
                    rate: 1e300,
                    label: String::new(),
                }),
            ),
        ];
        for (bars, reference) in cases {
            let chart = rate_vs_benchmarks("t", bars, reference.as_ref());
            assert!(chart.svg.ends_with("</svg>\n"));
        }
    }
}
