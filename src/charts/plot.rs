//! The plot area the line charts share (`history`, `progress`): where a value sits on the value
//! axis, that axis with its grid, the title, the data line with a dot on each point, and the note
//! in the middle of an empty chart. Each chart keeps its own x axis.

use plotters::style::text_anchor::HPos;

use super::canvas::{self, Canvas, Font, GRID, HIGHLIGHT, SMALL, TITLE};
use super::values::{tick, Unit};

/// A chart `w` × `h` whose values are drawn between `left` and `right`, `top` and `bottom`.
pub(crate) struct Plot {
    pub w: f64,
    pub h: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

impl Plot {
    /// A chart `w` × `h` whose plot area leaves `left`, `right`, `top` and `bottom` around it (for
    /// the value axis, the x axis's labels, the title and the legend).
    pub const fn inset(w: f64, h: f64, left: f64, right: f64, top: f64, bottom: f64) -> Plot {
        Plot {
            w,
            h,
            left,
            right: w - right,
            top,
            bottom: h - bottom,
        }
    }

    /// Draws the chart titled `title`: `paint` adds what is its own.
    pub fn draw(&self, title: &str, paint: impl FnOnce(&mut Canvas)) -> String {
        canvas::draw(self.w as u32, self.h as u32, title, |c| {
            c.text(&TITLE.fit(title, self.w - 32.0), 16.0, 22.0, TITLE);
            paint(c);
        })
    }

    /// Where `along` of an x axis `span` long is.
    pub fn x(&self, along: f64, span: f64) -> f64 {
        self.left + (self.right - self.left) * along / span
    }

    /// Where `v` sits on a value axis up to `max` (negative values at the axis, larger at its top).
    pub fn y(&self, v: f64, max: f64) -> f64 {
        self.bottom - (self.bottom - self.top) * (v.max(0.0) / max).min(1.0)
    }

    /// The middle of the plot area.
    pub fn middle(&self) -> (f64, f64) {
        (
            (self.left + self.right) / 2.0,
            (self.top + self.bottom) / 2.0,
        )
    }

    /// The value axis up to `max`: a grid line and its value every `step`.
    pub fn value_grid(&self, c: &mut Canvas, max: f64, step: f64, unit: &Unit) {
        for i in 0..=(max / step).round() as usize {
            let v = step * i as f64;
            let y = self.y(v, max);
            c.line((self.left, y), (self.right, y), GRID, 1);
            c.text(
                &tick(v, unit),
                self.left - 8.0,
                y,
                SMALL.anchor(HPos::Right),
            );
        }
    }

    /// The data: a line through `points` with a dot on each.
    pub fn data_line(&self, c: &mut Canvas, points: &[(f64, f64)]) {
        c.polyline(points, HIGHLIGHT, 3);
        for &p in points {
            c.dot(p, 4, HIGHLIGHT);
        }
    }

    /// What an empty chart says, in the middle of the plot area.
    pub fn empty_note(&self, c: &mut Canvas, note: &str, font: Font) {
        let (x, y) = self.middle();
        c.label(note, x, y, font.anchor(HPos::Center));
    }
}
