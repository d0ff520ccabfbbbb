//! The one Markdown writer: a [`Document`]'s blocks as the text of the download.
//!
//! Every span a user typed (names, notes, categories) and every warning text (which can quote
//! user data) goes through [`escape`], so a creator named `[x](javascript:alert(1))` or
//! `<script>` shows as those characters and never becomes a link or HTML in a Markdown viewer.
//! Microscope's own wording is written as it is, except that a table cell escapes its pipes.

use super::{one_line, Block, Document, Item, Origin, Table, Text};

/// ASCII punctuation Markdown or HTML can act on.
const SPECIAL: &[char] = &[
    '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '<', '>', '#', '+', '-', '.', '!', '|', '~',
    '&', ':', '=', '"', '\'', '$', '%', '@', '^',
];

/// Markdown-escapes one line of user text: special punctuation gets a backslash (CommonMark shows
/// an escaped character as itself), and line breaks and other control characters become spaces.
pub fn escape(text: &str) -> String {
    let line = one_line(text);
    let mut out = String::with_capacity(line.len() + 8);
    for c in line.chars() {
        if SPECIAL.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Where inline text sits: a table cell must also keep Microscope's own pipes from splitting it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Line,
    Cell,
}

/// A checked web address as a CommonMark autolink (`<https://…>`), which shows and copies it as
/// it is; escaped like user text when it could break out of one (a space, `<`, `>`, a pipe) or
/// is not http(s).
fn link(text: &str) -> String {
    let web = text.starts_with("https://") || text.starts_with("http://");
    let safe = !text.contains(|c: char| c.is_whitespace() || c.is_control() || "<>|".contains(c));
    if web && safe {
        format!("<{text}>")
    } else {
        escape(text)
    }
}

/// One span's characters as Markdown.
fn chars(text: &str, origin: Origin, place: Place) -> String {
    match origin {
        Origin::User => escape(text),
        Origin::Link => link(text),
        Origin::Own => {
            let flat = text.replace(['\n', '\r'], " ");
            match place {
                Place::Cell => flat.replace('|', "\\|"),
                Place::Line => flat,
            }
        }
    }
}

/// Inline text: neighbouring bold spans share one `**…**`.
fn inline(text: &Text, place: Place) -> String {
    let mut out = String::new();
    let mut bold = false;
    for span in &text.0 {
        if span.strong != bold {
            out.push_str("**");
            bold = span.strong;
        }
        out.push_str(&chars(&span.text, span.origin, place));
    }
    if bold {
        out.push_str("**");
    }
    out
}

fn item(lines: &mut Vec<String>, i: &Item) {
    lines.push(format!("- {}", inline(&i.text, Place::Line)));
    for s in &i.sub {
        lines.push(format!("  - {}", inline(s, Place::Line)));
    }
    for q in &i.quote {
        lines.push(format!("  > {}", inline(q, Place::Line)));
    }
}

fn table(lines: &mut Vec<String>, t: &Table) {
    lines.push(format!("| {} |", t.header.join(" | ")));
    lines.push(format!("|{}", "---|".repeat(t.header.len())));
    for row in &t.rows {
        let cells: Vec<String> = row.iter().map(|c| inline(c, Place::Cell)).collect();
        lines.push(format!("| {} |", cells.join(" | ")));
    }
}

fn block(lines: &mut Vec<String>, b: &Block) {
    match b {
        Block::Paragraph(t) => lines.push(inline(t, Place::Line)),
        Block::Note(t) => lines.push(format!("_{}_", inline(t, Place::Line))),
        Block::List(items) => items.iter().for_each(|i| item(lines, i)),
        Block::Steps(steps) => {
            for (n, s) in steps.iter().enumerate() {
                lines.push(format!("{}. {}", n + 1, inline(s, Place::Line)));
            }
        }
        Block::Table(t) => table(lines, t),
    }
}

/// The document as Markdown: a blank line between blocks, a newline at the end.
pub fn write(doc: &Document) -> String {
    let mut lines = vec![format!("# {}", inline(&doc.title, Place::Line))];
    for b in &doc.intro {
        lines.push(String::new());
        block(&mut lines, b);
    }
    for s in &doc.sections {
        lines.push(String::new());
        lines.push(format!("## {}", inline(&s.heading, Place::Line)));
        for b in &s.blocks {
            lines.push(String::new());
            block(&mut lines, b);
        }
    }
    let mut md = lines.join("\n");
    md.push('\n');
    md
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::document::Section;
    use crate::testing::check_cases;

    #[test]
    fn escaping() {
        let cases = [
            ("<script>", "\\<script\\>"),
            (
                "[x](javascript:alert(1))",
                "\\[x\\]\\(javascript\\:alert\\(1\\)\\)",
            ),
            ("Ann | Co", "Ann \\| Co"),
            ("# Title\n- item", "\\# Title \\- item"),
            ("**bold** _it_", "\\*\\*bold\\*\\* \\_it\\_"),
            ("&lt;b&gt;", "\\&lt;b\\&gt;"),
            ("www.evil.com", "www\\.evil\\.com"),
            ("Zoë 小红", "Zoë 小红"),
            ("  plain  ", "plain"),
            ("tab\there", "tab here"),
        ];
        check_cases(cases, escape);
    }

    /// Regression: a creator's tracked link was escaped like typed text
    /// (`https\://shop\.example/…?utm\_source\=…`), so the Markdown file's link could not be
    /// copied or followed.
    #[test]
    fn checked_links_are_autolinks_unless_they_could_break_out() {
        let cases = [
            (
                "https://shop.example/spring?utm_source=tiktok&utm_medium=influencer",
                "<https://shop.example/spring?utm_source=tiktok&utm_medium=influencer>",
            ),
            ("http://a.example/", "<http://a.example/>"),
            ("https://a.example/x y", r"https\://a\.example/x y"),
            ("https://a.example/<b>", r"https\://a\.example/\<b\>"),
            ("https://a.example/a|b", r"https\://a\.example/a\|b"),
            ("javascript:alert(1)", r"javascript\:alert\(1\)"),
        ];
        check_cases(cases, link);
    }

    #[test]
    fn inline_text() {
        let cases = [
            (Text::own("plain - text."), Place::Line, "plain - text."),
            (Text::user("a.b"), Place::Line, "a\\.b"),
            (
                Text::label("Goal:").and(" Engagement."),
                Place::Line,
                "**Goal:** Engagement.",
            ),
            // Bold own words and bold user words share one pair of stars.
            (
                Text::label("Caution: ")
                    .and_strong_user("Ann*")
                    .and(". Seen"),
                Place::Line,
                "**Caution: Ann\\***. Seen",
            ),
            (
                Text::label("a").and(" b ").and_strong("c"),
                Place::Line,
                "**a** b **c**",
            ),
            (Text::own("x | y\nz"), Place::Line, "x | y z"),
            (Text::own("x | y\nz"), Place::Cell, "x \\| y z"),
            (Text::user("x | y"), Place::Cell, "x \\| y"),
            (Text::default(), Place::Line, ""),
        ];
        for (text, place, want) in cases {
            assert_eq!(inline(&text, place), want, "{text:?}");
        }
    }

    #[test]
    fn each_block_kind() {
        let cases: Vec<(Block, &str)> = vec![
            (Block::Paragraph(Text::own("Hello.")), "Hello."),
            (Block::Note(Text::own("guidance")), "_guidance_"),
            (
                Block::List(vec![
                    Item::new(Text::label("A:").and(" one")),
                    Item {
                        text: Text::label("Notes:"),
                        sub: vec![Text::own("sub")],
                        quote: vec![Text::user("<b>"), Text::user("line")],
                    },
                ]),
                "- **A:** one\n- **Notes:**\n  - sub\n  > \\<b\\>\n  > line",
            ),
            (
                Block::Steps(vec![Text::own("Draft."), Text::own("Post.")]),
                "1. Draft.\n2. Post.",
            ),
            (
                Block::Table(Table {
                    header: vec!["Creator", "Source"],
                    rows: vec![vec![Text::user("Ann | Co"), Text::own("a | b")]],
                }),
                "| Creator | Source |\n|---|---|\n| Ann \\| Co | a \\| b |",
            ),
        ];
        for (b, want) in cases {
            let mut lines = Vec::new();
            block(&mut lines, &b);
            assert_eq!(lines.join("\n"), want, "{b:?}");
        }
    }

    #[test]
    fn a_document_has_blank_lines_between_blocks() {
        let doc = Document {
            title: Text::own("Brief: ").and_user("A_1"),
            intro: vec![Block::Paragraph(Text::own("Intro."))],
            sections: vec![Section {
                heading: Text::user("Ann"),
                blocks: vec![
                    Block::Paragraph(Text::own("One.")),
                    Block::Paragraph(Text::own("Two.")),
                ],
            }],
        };
        assert_eq!(
            doc.markdown(),
            "# Brief: A\\_1\n\nIntro.\n\n## Ann\n\nOne.\n\nTwo.\n"
        );
    }
}
