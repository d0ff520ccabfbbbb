//! The layout the horizontal-bar charts share (`bars`, `revenue`): a column of names and notes at
//! the left, as wide as they need within limits, a value axis from there to a right margin with a
//! grid line and a value at each nice tick, and one row of bars per item below a header band.

use plotters::style::text_anchor::HPos;

use super::canvas::{self, Canvas, GRID, LABEL, SMALL, TITLE};
use super::values::{nice_axis, tick, Unit};

/// What a horizontal-bar chart fixes: its width, where the first row starts (`top`, below the
/// title and whatever the chart puts there), a row's height, the room right of the axis's end
/// (for a value printed after a bar) and the widest the name column may grow.
#[derive(Clone, Copy)]
pub(crate) struct Frame {
    pub width: f64,
    pub top: f64,
    pub row: f64,
    pub right: f64,
    pub column_max: f64,
}

/// A frame laid out for its rows and their largest value.
pub(crate) struct BarLayout {
    frame: Frame,
    /// The name column's width.
    pub column: f64,
    /// Where bars start (the axis's zero).
    pub x0: f64,
    x1: f64,
    /// The largest value shown (0 when there is nothing to measure).
    max: f64,
    /// The axis's end and its tick step (`nice_axis`).
    axis_top: f64,
    step: f64,
    /// Below the last row.
    pub bottom: f64,
}

impl BarLayout {
    /// Lays `frame` out for rows named by `labels` (each row's name, drawn bold, and the note
    /// under it, drawn small) whose values go up to `max`.
    pub fn new<'a>(
        frame: Frame,
        max: f64,
        labels: impl ExactSizeIterator<Item = (&'a str, &'a str)>,
    ) -> BarLayout {
        let (axis_top, step) = nice_axis(max);
        let names = LABEL.bold();
        let rows = labels.len();
        let column = labels
            .map(|(name, note)| names.width(name).max(SMALL.width(note)))
            .fold(0.0, f64::max)
            .clamp(110.0, frame.column_max);
        let x0 = 16.0 + column + 12.0;
        let x1 = frame.width - frame.right;
        let bottom = frame.top + frame.row * rows as f64;
        BarLayout {
            frame,
            column,
            x0,
            x1,
            max,
            axis_top,
            step,
            bottom,
        }
    }

    /// Where `v` ends on the value axis (negative values at zero, larger ones at the axis's end).
    pub fn scale(&self, v: f64) -> f64 {
        self.x0 + (self.x1 - self.x0) * (v.max(0.0) / self.axis_top).min(1.0)
    }

    /// Where row `i` starts.
    pub fn row_top(&self, i: usize) -> f64 {
        self.frame.top + self.frame.row * i as f64
    }

    /// Draws the chart titled `title` with room for the axis values under the rows: `paint` adds
    /// the grid, the rows and whatever else is the chart's own.
    pub fn draw(&self, title: &str, paint: impl FnOnce(&mut Canvas)) -> String {
        let width = self.frame.width;
        let height = self.bottom + 34.0;
        canvas::draw(width as u32, height as u32, title, |c| {
            c.text(&TITLE.fit(title, width - 32.0), 16.0, 22.0, TITLE);
            paint(c);
        })
    }

    /// The value axis: a grid line and its value in `unit` at each tick, only where there is
    /// something to measure.
    pub fn value_grid(&self, c: &mut Canvas, unit: &Unit) {
        if self.max <= 0.0 {
            return;
        }
        let ticks = (self.axis_top / self.step).round() as usize;
        for i in 0..=ticks {
            let v = self.step * i as f64;
            let x = self.scale(v);
            c.line((x, self.frame.top - 6.0), (x, self.bottom), GRID, 1);
            c.text(
                &tick(v, unit),
                x,
                self.bottom + 14.0,
                SMALL.anchor(HPos::Center),
            );
        }
    }
}

/// " (note)" after a value in a text alternative, nothing when there is no note.
pub(crate) fn in_brackets(note: &str) -> String {
    if note.is_empty() {
        String::new()
    } else {
        format!(" ({note})")
    }
}
