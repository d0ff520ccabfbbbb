//! A thin drawing surface over plotters' SVG backend: shapes, text with our own width estimate,
//! and the document wrapper (background, `<title>`).

use plotters::backend::{DrawingBackend, SVGBackend};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, RGBAColor, RGBColor, TextStyle};

/// Colours chosen to read on the chart's own light background, whatever the page theme.
pub(crate) const BACKGROUND: RGBColor = RGBColor(255, 255, 255);
pub(crate) const BORDER: RGBColor = RGBColor(203, 213, 225);
pub(crate) const INK: RGBColor = RGBColor(15, 23, 42);
pub(crate) const MUTED: RGBColor = RGBColor(71, 85, 105);
pub(crate) const GRID: RGBColor = RGBColor(226, 232, 240);
pub(crate) const HIGHLIGHT: RGBColor = RGBColor(37, 99, 235);
pub(crate) const ACCENT: RGBColor = RGBColor(180, 83, 9);

/// How a piece of text looks: size in pixels (one that survives the backend's `/ 1.24`
/// exactly: 13 and 15 would print as 13.000000000000002), colour, weight, horizontal anchor.
#[derive(Clone, Copy)]
pub(crate) struct Font {
    pub size: f64,
    pub color: RGBColor,
    pub bold: bool,
    pub anchor: HPos,
}

pub(crate) const TITLE: Font = Font {
    size: 16.0,
    color: INK,
    bold: true,
    anchor: HPos::Left,
};
pub(crate) const LABEL: Font = Font {
    size: 14.0,
    color: INK,
    bold: false,
    anchor: HPos::Left,
};
pub(crate) const SMALL: Font = Font {
    size: 12.0,
    color: MUTED,
    bold: false,
    anchor: HPos::Left,
};

impl Font {
    pub fn bold(self) -> Self {
        Font { bold: true, ..self }
    }
    pub fn color(self, color: RGBColor) -> Self {
        Font { color, ..self }
    }
    pub fn anchor(self, anchor: HPos) -> Self {
        Font { anchor, ..self }
    }

    /// Estimated width in pixels of `s` in a common sans-serif: the SVG viewer picks the real
    /// font, so only a good guess is possible; it decides column widths and truncation.
    pub fn width(&self, s: &str) -> f64 {
        s.chars().map(|c| self.char_width(c)).sum()
    }

    fn char_width(&self, c: char) -> f64 {
        let em = match c {
            'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'I' | ' ' => 0.33,
            'f' | 't' | 'r' | '(' | ')' | '-' | '/' => 0.42,
            'm' | 'w' | 'M' | 'W' | '%' | '@' => 0.95,
            'A'..='Z' | '0'..='9' | '$' | '€' | '£' | '&' | '<' | '>' => 0.7,
            c if c.is_ascii() => 0.6,
            // CJK and other wide scripts.
            c if c > '\u{2E80}' => 1.0,
            _ => 0.65,
        };
        // Erring wide: a cut name is better than one running into its bar.
        em * self.size * if self.bold { 1.1 } else { 1.0 }
    }

    /// `s` cut with an ellipsis so it fits in `max` pixels (linear: names can be huge).
    pub fn fit(&self, s: &str, max: f64) -> String {
        if self.width(s) <= max {
            return s.to_string();
        }
        let room = max - self.char_width('…');
        let mut used = 0.0;
        let mut out = String::new();
        for c in s.chars() {
            used += self.char_width(c);
            if used > room {
                break;
            }
            out.push(c);
        }
        format!("{}…", out.trim_end())
    }
}

pub(crate) struct Canvas<'a> {
    svg: SVGBackend<'a>,
}

/// Pixel coordinates for the backend; `as` saturates and maps NaN to 0, so no panic.
fn px(x: f64, y: f64) -> (i32, i32) {
    (x.round() as i32, y.round() as i32)
}

impl Canvas<'_> {
    pub fn rect(&mut self, x0: f64, y0: f64, x1: f64, y1: f64, color: RGBAColor) {
        // The SVG backend never fails when drawing into a String.
        let _ = self.svg.draw_rect(px(x0, y0), px(x1, y1), &color, true);
    }

    pub fn line(&mut self, from: (f64, f64), to: (f64, f64), color: RGBColor, width: u32) {
        let style = color.stroke_width(width);
        let _ = self
            .svg
            .draw_line(px(from.0, from.1), px(to.0, to.1), &style);
    }

    /// A dashed line, drawn as segments since the backend has no dash attribute.
    pub fn dashed(&mut self, from: (f64, f64), to: (f64, f64), color: RGBColor, width: u32) {
        let (dx, dy) = (to.0 - from.0, to.1 - from.1);
        let len = dx.hypot(dy);
        if !(len.is_finite() && len > 0.0) {
            return;
        }
        let dashes = (len / 10.0).ceil() as usize;
        for i in 0..dashes {
            let a = i as f64 * 10.0 / len;
            let b = ((i as f64 * 10.0 + 6.0) / len).min(1.0);
            let at = |t: f64| (from.0 + dx * t, from.1 + dy * t);
            self.line(at(a), at(b), color, width);
        }
    }

    pub fn polyline(&mut self, points: &[(f64, f64)], color: RGBColor, width: u32) {
        if points.len() < 2 {
            return;
        }
        let style = color.stroke_width(width);
        let pts = points.iter().map(|&(x, y)| px(x, y));
        let _ = self.svg.draw_path(pts, &style);
    }

    pub fn polygon(&mut self, points: &[(f64, f64)], color: RGBAColor) {
        let pts = points.iter().map(|&(x, y)| px(x, y));
        let _ = self.svg.fill_polygon(pts, &color);
    }

    pub fn dot(&mut self, at: (f64, f64), radius: u32, color: RGBColor) {
        let _ = self.svg.draw_circle(px(at.0, at.1), radius, &color, true);
    }

    /// Text on a translucent backing so lines under it don't cut through.
    pub fn label(&mut self, s: &str, x: f64, y: f64, font: Font) {
        let w = font.width(s);
        let x0 = match font.anchor {
            HPos::Left => x,
            HPos::Center => x - w / 2.0,
            HPos::Right => x - w,
        };
        let half = font.size * 0.7;
        self.rect(
            x0 - 3.0,
            y - half,
            x0 + w + 3.0,
            y + half,
            BACKGROUND.mix(0.85),
        );
        self.text(s, x, y, font);
    }

    /// Text vertically centred on `y`; the backend XML-escapes it.
    pub fn text(&mut self, s: &str, x: f64, y: f64, font: Font) {
        let weight = if font.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        // The SVG backend divides the size by 1.24 (its point-to-pixel factor); pick the float
        // that divides back exactly, or it prints font-size="13.000000000000002".
        let k = font.size * 1.24;
        let size = [k, k.next_up(), k.next_down()]
            .into_iter()
            .find(|k| k / 1.24 == font.size)
            .unwrap_or(k);
        let style = TextStyle {
            font: FontDesc::new(FontFamily::SansSerif, size, weight),
            color: font.color.to_backend_color(),
            pos: Pos::new(font.anchor, VPos::Center),
        };
        let _ = self.svg.draw_text(s, &style, px(x, y));
    }
}

/// Draws a `width` × `height` chart on a bordered background and returns the SVG document.
pub(crate) fn draw(
    width: u32,
    height: u32,
    title: &str,
    paint: impl FnOnce(&mut Canvas),
) -> String {
    let mut buf = String::new();
    {
        let mut canvas = Canvas {
            svg: SVGBackend::with_string(&mut buf, (width, height)),
        };
        let (w, h) = (f64::from(width), f64::from(height));
        canvas.rect(0.0, 0.0, w, h, BORDER.to_rgba());
        canvas.rect(1.0, 1.0, w - 1.0, h - 1.0, BACKGROUND.to_rgba());
        paint(&mut canvas);
        let _ = canvas.svg.present();
    }
    // The backend writes `<svg …>` first; the title must be the root's first child.
    let head = buf.find('>').map_or(0, |i| i + 1);
    let title = format!("<title>{}</title>", escape(title));
    buf.insert_str(head, &title);
    buf.replacen("<svg ", "<svg role=\"img\" ", 1)
}

/// XML-escapes text we write ourselves (the backend escapes what goes through it).
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::check_cases;

    #[test]
    fn long_text_is_cut_to_fit() {
        let cases = [
            (("Ana", 100.0), "Ana"),
            (("A very long creator name indeed", 90.0), "A very long…"),
            (("", 10.0), ""),
            (("Anything", 0.0), "…"),
        ];
        check_cases(cases, |(s, max)| {
            let got = LABEL.fit(s, max);
            assert!(
                s.is_empty() || max == 0.0 || LABEL.width(&got) <= max,
                "{s} in {max}"
            );
            got
        });
    }

    #[test]
    fn document_has_title_first_and_no_style() {
        let svg = draw(100, 50, "A & B", |c| c.text("<x>", 1.0, 1.0, LABEL));
        assert!(svg.starts_with("<svg role=\"img\" width=\"100\""), "{svg}");
        assert!(svg.contains("viewBox=\"0 0 100 50\""));
        assert!(svg.contains("2000/svg\"><title>A &amp; B</title>"));
        assert!(svg.contains("&lt;x&gt;") && !svg.contains("<x>"));
        assert!(svg.contains("font-size=\"14\""), "{svg}");
        for font in [TITLE, LABEL, SMALL] {
            let svg = draw(10, 10, "", |c| c.text("x", 0.0, 0.0, font));
            assert!(
                svg.contains(&format!("font-size=\"{}\"", font.size)),
                "{svg}"
            );
        }
        assert!(!svg.contains("style="));
    }
}
