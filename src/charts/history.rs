//! A creator's numbers over time (views per post, followers): a line through dated points, the x
//! axis spaced by days so a gap of a month looks like one.

use plotters::style::text_anchor::HPos;

use super::canvas::{MUTED, SMALL};
use super::plot::Plot;
use super::values::{finite, nice_axis, show, Unit};
use super::Chart;

/// One dated value: `day` places it (any day count, e.g. days since 1970), `label` names it on the
/// axis and in the text alternative ("2026-03-14"); `None` is not known.
#[derive(Clone, Debug, PartialEq)]
pub struct DatedValue {
    pub day: i64,
    pub label: String,
    pub value: Option<f64>,
}

const PLOT: Plot = Plot::inset(640.0, 300.0, 66.0, 36.0, 48.0, 44.0);

/// `what` over time ("views per post", "followers"): one point per dated value, joined in date
/// order; values not known are left out of the line and said in the text alternative.
pub fn over_time(title: &str, what: &str, unit: Unit, points: &[DatedValue]) -> Chart {
    // Date order, keeping the given order within a day (a stable insertion: a few dozen points).
    let mut sorted: Vec<&DatedValue> = Vec::with_capacity(points.len());
    for p in points {
        let at = sorted.partition_point(|q| q.day <= p.day);
        sorted.insert(at, p);
    }
    let known: Vec<(i64, f64)> = sorted
        .iter()
        .filter_map(|p| finite(p.value).map(|v| (p.day, v.max(0.0))))
        .collect();
    let first = sorted.first().map_or(0, |p| p.day);
    let last = sorted.last().map_or(0, |p| p.day);
    let span = (last - first).max(1) as f64;
    let max = known.iter().map(|p| p.1).fold(0.0, f64::max);
    let (top, step) = nice_axis(max);
    let x = |day: i64| {
        if last == first {
            PLOT.middle().0
        } else {
            PLOT.x((day - first) as f64, span)
        }
    };
    let y = |v: f64| PLOT.y(v, top);
    let (left, right, bottom) = (PLOT.left, PLOT.right, PLOT.bottom);

    let svg = PLOT.draw(title, |c| {
        PLOT.value_grid(c, top, step, &unit);
        c.line((left, bottom), (right, bottom), MUTED, 1);
        // The first and last dates, and the middle one when there is room between them.
        let mut marks: Vec<&DatedValue> = sorted.first().into_iter().copied().collect();
        if sorted.len() > 2 {
            marks.extend(sorted.get(sorted.len() / 2).copied());
        }
        if sorted.len() > 1 {
            marks.extend(sorted.last().copied());
        }
        for m in marks {
            let at = x(m.day);
            c.line((at, bottom), (at, bottom + 4.0), MUTED, 1);
            let anchor = if sorted.len() > 1 && m.day == first {
                HPos::Left
            } else if sorted.len() > 1 && m.day == last {
                HPos::Right
            } else {
                HPos::Center
            };
            let font = SMALL.anchor(anchor);
            c.text(&font.fit(&m.label, 120.0), at, bottom + 16.0, font);
        }
        let line: Vec<(f64, f64)> = known.iter().map(|&(d, v)| (x(d), y(v))).collect();
        PLOT.data_line(c, &line);
        if known.is_empty() {
            PLOT.empty_note(c, &format!("No {what} recorded yet"), SMALL);
        }
    });
    Chart {
        svg,
        alt: alt_text(title, what, &unit, &sorted),
    }
}

/// "Views per post, 2026-01-02 to 2026-03-01: 2026-01-02 12K, 2026-02-01 n/a, 2026-03-01 9K.".
fn alt_text(title: &str, what: &str, unit: &Unit, sorted: &[&DatedValue]) -> String {
    let values: Vec<String> = sorted
        .iter()
        .map(|p| format!("{} {}", p.label, show(p.value, unit)))
        .collect();
    match (sorted.first(), sorted.last()) {
        (Some(first), Some(last)) if sorted.len() > 1 => format!(
            "{title}, {} to {}: {}.",
            first.label,
            last.label,
            values.join(", ")
        ),
        (Some(_), _) => format!("{title}: {}.", values.join(", ")),
        _ => format!("{title}: no {what} recorded yet."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: i64, value: Option<f64>) -> DatedValue {
        DatedValue {
            day,
            label: format!("day {day}"),
            value,
        }
    }

    #[test]
    fn alt_lists_every_value_in_date_order() {
        // (points, alt text)
        let cases = [
            (vec![], "Followers: no counts recorded yet."),
            (vec![at(5, Some(12_500.0))], "Followers: day 5 12.5K."),
            (
                vec![at(9, Some(2_000.0)), at(1, Some(1_000.0)), at(4, None)],
                "Followers, day 1 to day 9: day 1 1K, day 4 n/a, day 9 2K.",
            ),
        ];
        for (points, want) in cases {
            let chart = over_time("Followers", "counts", Unit::Count, &points);
            assert_eq!(chart.alt, want);
            assert_eq!(
                chart.svg.matches("<circle").count(),
                points.iter().filter(|p| p.value.is_some()).count()
            );
        }
    }
}
