//! Revenue against spend per creator (issue #17): two horizontal bars each, on one money axis,
//! with the ROAS named beside them; unknown amounts print "n/a" and draw no bar.

use plotters::style::Color;

use super::bar_layout::{in_brackets, BarLayout, Frame};
use super::canvas::{HIGHLIGHT, INK, LABEL, MUTED, SMALL};
use super::values::{finite, show, Unit};
use super::Chart;

/// One creator's row.
#[derive(Clone, Debug, PartialEq)]
pub struct MoneyRow {
    pub label: String,
    pub revenue: Option<f64>,
    pub spend: Option<f64>,
    /// A short note under the name, e.g. "ROAS 2.0×" or "no agreed price".
    pub note: String,
}

const FRAME: Frame = Frame {
    width: 640.0,
    top: 70.0,
    row: 52.0,
    right: 80.0,
    column_max: 200.0,
};

/// Revenue (filled) and spend (grey) bars per row, in `currency` (its symbol, e.g. "$").
pub fn revenue_vs_spend(title: &str, rows: &[MoneyRow], symbol: &str) -> Chart {
    let unit = Unit::Money(symbol.to_string());
    let max = rows
        .iter()
        .flat_map(|r| [finite(r.revenue), finite(r.spend)])
        .flatten()
        .filter(|v| *v >= 0.0)
        .fold(0.0, f64::max);
    let layout = BarLayout::new(
        FRAME,
        max,
        rows.iter().map(|r| (r.label.as_str(), r.note.as_str())),
    );
    let (column, x0) = (layout.column, layout.x0);
    let names = LABEL.bold();

    let svg = layout.draw(title, |c| {
        // Legend.
        c.rect(16.0, 40.0, 28.0, 50.0, HIGHLIGHT.to_rgba());
        c.text("revenue", 32.0, 45.0, SMALL);
        c.rect(96.0, 40.0, 108.0, 50.0, MUTED.mix(0.45));
        c.text("spend", 112.0, 45.0, SMALL);
        layout.value_grid(c, &unit);
        for (i, r) in rows.iter().enumerate() {
            let y = layout.row_top(i);
            c.text(&names.fit(&r.label, column), 16.0, y + 16.0, names);
            c.text(&SMALL.fit(&r.note, column), 16.0, y + 32.0, SMALL);
            for (value, fill, mid) in [
                (r.revenue, HIGHLIGHT.to_rgba(), y + 14.0),
                (r.spend, MUTED.mix(0.45), y + 32.0),
            ] {
                let text = show(value, &unit);
                match finite(value).filter(|v| *v >= 0.0) {
                    Some(v) => {
                        let end = layout.scale(v);
                        c.rect(x0, mid - 7.0, end.max(x0 + 1.0), mid + 7.0, fill);
                        c.text(&text, end + 6.0, mid, SMALL.color(INK));
                    }
                    None => c.text(&text, x0 + 4.0, mid, SMALL.color(MUTED)),
                }
            }
        }
    });

    let items: Vec<String> = rows
        .iter()
        .map(|r| {
            let note = in_brackets(&r.note);
            format!(
                "{}: revenue {}, spend {}{note}",
                r.label,
                show(r.revenue, &unit),
                show(r.spend, &unit)
            )
        })
        .collect();
    let alt = if items.is_empty() {
        format!("{title}: no creators.")
    } else {
        format!("{title}: {}.", items.join("; "))
    };
    Chart { svg, alt }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_in_alt_and_svg() {
        let rows = [
            MoneyRow {
                label: "Ann".into(),
                revenue: Some(300.0),
                spend: Some(150.0),
                note: "ROAS 2×".into(),
            },
            MoneyRow {
                label: "Bo".into(),
                revenue: Some(50.0),
                spend: None,
                note: "no agreed price".into(),
            },
        ];
        let chart = revenue_vs_spend("Revenue and spend", &rows, "$");
        assert_eq!(
            chart.alt,
            "Revenue and spend: Ann: revenue $300.00, spend $150.00 (ROAS 2×); Bo: revenue $50.00, spend n/a (no agreed price)."
        );
        for text in ["$300.00", "$150.00", "n/a", "ROAS 2×", "revenue", "spend"] {
            assert!(chart.svg.contains(text), "{text}");
        }
        assert!(revenue_vs_spend("t", &[], "$").svg.ends_with("</svg>\n"));
    }
}
