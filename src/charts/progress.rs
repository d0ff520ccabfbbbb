//! Line chart of cumulative campaign results against a linear pace to the goal.

use plotters::style::text_anchor::HPos;
use plotters::style::{Color, RGBColor};

use super::canvas::{Canvas, HIGHLIGHT, INK, LABEL, MUTED, SMALL};
use super::plot::Plot;
use super::values::{finite, nice_axis, show, Unit};
use super::Chart;

/// The campaign goal: `total` of `metric` (e.g. 20,000 views) by day `days`.
#[derive(Clone, Debug, PartialEq)]
pub struct Goal {
    pub metric: String,
    pub unit: Unit,
    pub total: f64,
    pub days: u32,
}

/// A cumulative result on a day since the campaign started; `None` if not measured.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DayValue {
    pub day: u32,
    pub value: Option<f64>,
}

const PLOT: Plot = Plot::inset(640.0, 340.0, 66.0, 28.0, 64.0, 46.0);
const BEHIND: RGBColor = RGBColor(220, 38, 38);
const AHEAD: RGBColor = RGBColor(22, 163, 74);

/// Actual results (line with points) against the target pace (dashed), with the gap between
/// them shaded and the latest gap labelled. `ticks` optionally names days on the x axis (dates,
/// for instance); without it the axis counts days.
pub fn actual_vs_target(
    title: &str,
    goal: &Goal,
    actual: &[DayValue],
    ticks: &[(u32, String)],
) -> Chart {
    let total = Some(goal.total).filter(|t| t.is_finite() && *t > 0.0);
    // Pace is undefined without a positive goal and a campaign length.
    let pace = |day: f64| match total {
        Some(t) if goal.days > 0 => Some(t * (day / f64::from(goal.days)).min(1.0)),
        _ => None,
    };
    // Sorted by day, keeping input order within a day; inserting by hand spares the wasm a
    // generic sort for a few dozen points.
    let mut points: Vec<(u32, f64)> = Vec::new();
    for p in actual {
        if let Some(v) = finite(p.value) {
            let at = points.partition_point(|q| q.0 <= p.day);
            points.insert(at, (p.day, v));
        }
    }
    let last_day = actual.iter().map(|p| p.day).max().unwrap_or(0);
    let span = f64::from(goal.days.max(last_day).max(1));
    let max = points.iter().map(|p| p.1).chain(total).fold(0.0, f64::max);
    let (top, step) = nice_axis(max);
    let x = |day: f64| PLOT.x(day, span);
    let y = |v: f64| PLOT.y(v, top);
    let latest = points.last().map(|&(d, v)| (d, v, pace(f64::from(d))));
    let gap_color = match latest {
        Some((_, v, Some(p))) if v < p => BEHIND,
        _ => AHEAD,
    };

    let svg = PLOT.draw(title, |c| {
        legend(c, total.is_some() && goal.days > 0);
        PLOT.value_grid(c, top, step, &goal.unit);
        x_axis(c, span, ticks, &x);
        if let (Some(t), Some(end)) = (total, pace(span)) {
            let days = f64::from(goal.days);
            if !points.is_empty() {
                let mut gap: Vec<(f64, f64)> = points
                    .iter()
                    .map(|&(d, v)| (x(f64::from(d)), y(v)))
                    .collect();
                // Back along the pace line, through its bend at the goal day if in range.
                let mut days_back: Vec<u32> = points.iter().map(|p| p.0).collect();
                if points.first().is_some_and(|p| p.0 < goal.days)
                    && points.last().is_some_and(|p| p.0 > goal.days)
                {
                    let at = days_back.partition_point(|&d| d < goal.days);
                    days_back.insert(at, goal.days);
                }
                gap.extend(days_back.iter().rev().filter_map(|&d| {
                    let d = f64::from(d);
                    pace(d).map(|p| (x(d), y(p)))
                }));
                c.polygon(&gap, gap_color.mix(0.15));
            }
            c.dashed((x(0.0), y(0.0)), (x(days), y(t)), MUTED, 2);
            if span > days {
                c.dashed((x(days), y(t)), (x(span), y(end)), MUTED, 2);
            }
            let text = format!("goal {} by day {}", show(Some(t), &goal.unit), goal.days);
            c.label(
                &text,
                x(days) - 4.0,
                y(t) - 12.0,
                SMALL.anchor(HPos::Right).bold(),
            );
        }
        let line: Vec<(f64, f64)> = points
            .iter()
            .map(|&(d, v)| (x(f64::from(d)), y(v)))
            .collect();
        PLOT.data_line(c, &line);
        if let Some((d, v, Some(p))) = latest {
            let at = x(f64::from(d));
            c.line((at, y(v)), (at, y(p)), gap_color, 2);
            let text = gap_text(v, p, &goal.unit);
            let font = LABEL.bold().color(gap_color);
            let (tx, font) = if at + 10.0 + font.width(&text) > PLOT.right {
                (at - 10.0, font.anchor(HPos::Right))
            } else {
                (at + 10.0, font)
            };
            c.label(&text, tx, (y(v) + y(p)) / 2.0, font);
        }
        if points.is_empty() {
            PLOT.empty_note(c, "No results recorded yet", LABEL);
        }
    });

    Chart {
        svg,
        alt: alt_text(title, goal, total, actual, latest),
    }
}

fn legend(c: &mut Canvas, has_target: bool) {
    let y = 44.0;
    c.line((16.0, y), (40.0, y), HIGHLIGHT, 3);
    c.dot((28.0, y), 4, HIGHLIGHT);
    c.text("actual (cumulative)", 46.0, y, SMALL.color(INK));
    if has_target {
        c.dashed((180.0, y), (204.0, y), MUTED, 2);
        c.text("target pace (linear)", 210.0, y, SMALL.color(INK));
    } else {
        c.text("no target: set a goal and a duration", 180.0, y, SMALL);
    }
}

fn x_axis(c: &mut Canvas, span: f64, ticks: &[(u32, String)], x: &impl Fn(f64) -> f64) {
    let (left, right, bottom) = (PLOT.left, PLOT.right, PLOT.bottom);
    c.line((left, bottom), (right, bottom), MUTED, 1);
    let below = SMALL.anchor(HPos::Center);
    if ticks.is_empty() {
        let (_, step) = nice_axis(span);
        let step = step.max(1.0).round();
        for i in 0..=(span / step) as usize {
            let day = step * i as f64;
            c.text(&format!("{day}"), x(day), bottom + 14.0, below);
        }
    } else {
        for (day, label) in ticks.iter().filter(|t| f64::from(t.0) <= span) {
            let day = f64::from(*day);
            c.line((x(day), bottom), (x(day), bottom + 4.0), MUTED, 1);
            c.text(&below.fit(label, 90.0), x(day), bottom + 14.0, below);
        }
    }
    let caption = "days since campaign start";
    c.text(caption, PLOT.middle().0, bottom + 32.0, below);
}

fn gap_text(actual: f64, pace: f64, unit: &Unit) -> String {
    let gap = actual - pace;
    if gap.abs() <= 1e-9 * pace.abs().max(1.0) {
        "on pace".to_string()
    } else if gap < 0.0 {
        format!("{} behind pace", show(Some(-gap), unit))
    } else {
        format!("{} ahead of pace", show(Some(gap), unit))
    }
}

fn alt_text(
    title: &str,
    goal: &Goal,
    total: Option<f64>,
    actual: &[DayValue],
    latest: Option<(u32, f64, Option<f64>)>,
) -> String {
    let target = match total {
        Some(t) if goal.days > 0 => format!(
            "target {} {} by day {} at a linear pace",
            show(Some(t), &goal.unit),
            goal.metric,
            goal.days
        ),
        _ => format!("no target for {} (goal or duration missing)", goal.metric),
    };
    let values: Vec<String> = actual
        .iter()
        .map(|p| format!("day {} {}", p.day, show(p.value, &goal.unit)))
        .collect();
    let values = if values.is_empty() {
        "none recorded yet".to_string()
    } else {
        values.join(", ")
    };
    let mut alt = format!(
        "{title}: {target}. Actual {} so far: {values}.",
        goal.metric
    );
    if let Some((d, v, Some(p))) = latest {
        alt.push_str(&format!(
            " On day {d}: {} against {} expected, {}.",
            show(Some(v), &goal.unit),
            show(Some(p), &goal.unit),
            gap_text(v, p, &goal.unit)
        ));
    }
    alt
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::check_cases;

    fn goal(total: f64, days: u32) -> Goal {
        Goal {
            metric: "views".into(),
            unit: Unit::Count,
            total,
            days,
        }
    }

    fn day(day: u32, value: Option<f64>) -> DayValue {
        DayValue { day, value }
    }

    #[test]
    fn alt_gives_target_every_point_and_the_gap() {
        let actual = [
            day(0, Some(0.0)),
            day(7, Some(3_000.0)),
            day(10, None),
            day(14, Some(6_000.0)),
        ];
        let cases = [
            (
                goal(20_000.0, 28),
                "Views: target 20K views by day 28 at a linear pace. Actual views so far: \
                 day 0 0, day 7 3K, day 10 n/a, day 14 6K. \
                 On day 14: 6K against 10K expected, 4K behind pace.",
            ),
            (
                goal(10_000.0, 28),
                "Views: target 10K views by day 28 at a linear pace. Actual views so far: \
                 day 0 0, day 7 3K, day 10 n/a, day 14 6K. \
                 On day 14: 6K against 5K expected, 1K ahead of pace.",
            ),
            (
                goal(10_000.0, 0),
                "Views: no target for views (goal or duration missing). Actual views so far: \
                 day 0 0, day 7 3K, day 10 n/a, day 14 6K.",
            ),
        ];
        check_cases(cases, |g| actual_vs_target("Views", &g, &actual, &[]).alt);
    }

    #[test]
    fn gap_colour_follows_the_pace() {
        let behind = actual_vs_target("t", &goal(100.0, 10), &[day(5, Some(10.0))], &[]);
        let ahead = actual_vs_target("t", &goal(100.0, 10), &[day(5, Some(90.0))], &[]);
        assert!(behind.svg.contains("#DC2626") && !behind.svg.contains("#16A34A"));
        assert!(ahead.svg.contains("#16A34A") && !ahead.svg.contains("#DC2626"));
    }

    #[test]
    fn tick_labels_and_odd_inputs() {
        let ticks = [
            (0, "1 May".to_string()),
            (7, "8 May".to_string()),
            (99, "late".to_string()),
        ];
        let chart = actual_vs_target("t", &goal(100.0, 14), &[day(3, Some(20.0))], &ticks);
        assert!(chart.svg.contains("8 May") && !chart.svg.contains("late"));
        // Points after the campaign end, unsorted and duplicated days, no points at all.
        let odd = [day(40, Some(500.0)), day(2, Some(5.0)), day(2, Some(6.0))];
        for points in [&odd[..], &[]] {
            for g in [goal(100.0, 14), goal(-1.0, 14), goal(f64::NAN, 0)] {
                let chart = actual_vs_target("t", &g, points, &[]);
                assert!(chart.svg.ends_with("</svg>\n"));
            }
        }
    }
}
