//! Posts pasted into a creator's dossier, one per line, as copied from a spreadsheet (tabs) or a
//! CSV file (commas or semicolons, quotes around a caption that holds one): the same tokenizer as
//! the import, so a quoted caption reads the same way in both.
//!
//! Columns, unless a first line names them: date, views, likes, comments, shares, saves,
//! dislikes, sponsored, caption, link (the dossier table's order); a line may stop early.

use std::borrow::Cow;

use crate::creator::dossier::Post;
use crate::creator::record::{trim, validate_profile_url};
use crate::engine::engagement::Field;
use crate::text::date::Date;
use crate::text::number::parse_count;

use super::reader::{detect_delimiter, is_empty_record, read_record, Cursor};
use super::Delimiter;

/// A column of a pasted post row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Date,
    Number(Field),
    Sponsored,
    Caption,
    Link,
}

/// The order without a header line: the dossier table's.
const DEFAULT_COLUMNS: [Column; 10] = [
    Column::Date,
    Column::Number(Field::Views),
    Column::Number(Field::Likes),
    Column::Number(Field::Comments),
    Column::Number(Field::Shares),
    Column::Number(Field::Saves),
    Column::Number(Field::Dislikes),
    Column::Sponsored,
    Column::Caption,
    Column::Link,
];

impl Column {
    /// A header cell as people write it ("Date", "Plays", "Ad?", "URL"); `None` if unknown.
    fn parse(name: &str) -> Option<Column> {
        let key: String = name
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        match key.as_str() {
            "date" | "posted" | "day" | "published" => Some(Column::Date),
            "sponsored" | "ad" | "paid" | "sponsor" => Some(Column::Sponsored),
            "caption" | "text" | "description" | "title" => Some(Column::Caption),
            "link" | "url" | "postlink" | "posturl" => Some(Column::Link),
            _ => Field::parse(name).map(Column::Number),
        }
    }
}

/// What a paste gave: the posts of every good line, and one message per bad line ("Line 3:
/// views: ..."). The caller adds the posts only when there are no errors, so a fixed paste is
/// never added twice.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PastedPostRows {
    pub posts: Vec<Post>,
    pub errors: Vec<String>,
    /// A first line named the columns.
    pub header: bool,
}

/// Reads pasted post rows; `today` refuses posts dated in the future. A bad line is named by its
/// line number in the paste (which the message also uses as the post's number).
pub fn parse_post_rows(text: &str, today: Date) -> PastedPostRows {
    let mut out = PastedPostRows::default();
    // A spreadsheet copies tabs; a tab anywhere on the first line means the paste is tabbed,
    // whatever commas its captions hold.
    let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter = if first_line.contains('\t') {
        Delimiter::Tab
    } else {
        detect_delimiter(first_line)
    };
    let mut columns: Vec<Option<Column>> = DEFAULT_COLUMNS.iter().copied().map(Some).collect();
    let mut cursor = Cursor { pos: 0, line: 1 };
    let mut cells: Vec<Cow<str>> = Vec::new();
    let mut first = true;
    while let Some(meta) = read_record(text, &mut cursor, delimiter.byte(), &mut cells) {
        if is_empty_record(&cells) {
            continue;
        }
        let line = meta.line;
        if std::mem::take(&mut first) && is_header(&cells) {
            out.header = true;
            columns = cells.iter().map(|c| Column::parse(c)).collect();
            let unknown: Vec<&str> = cells
                .iter()
                .zip(&columns)
                .filter(|(_, col)| col.is_none())
                .map(|(c, _)| trim(c))
                .collect();
            if !unknown.is_empty() {
                out.errors.push(format!(
                    "Line {line}: unknown column {}; use date, views, likes, comments, shares, saves, dislikes, sponsored, caption, link.",
                    unknown
                        .iter()
                        .map(|u| format!("“{u}”"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            continue;
        }
        if meta.unclosed_quote {
            out.errors.push(format!(
                "Line {line}: a quote (\") opens a cell that never closes."
            ));
            continue;
        }
        match read_post(&cells, &columns, today, line) {
            Ok(post) => out.posts.push(post),
            Err(reason) => out.errors.push(format!("Line {line}: {reason}")),
        }
    }
    out
}

/// A first line with no digit in any cell names the columns.
fn is_header(cells: &[Cow<str>]) -> bool {
    cells
        .iter()
        .all(|c| !c.chars().any(|ch| ch.is_ascii_digit()))
}

fn read_post(
    cells: &[Cow<str>],
    columns: &[Option<Column>],
    today: Date,
    number: usize,
) -> Result<Post, String> {
    if cells.len() > columns.len() {
        return Err(format!(
            "{} values, but only {} columns; a caption with commas needs quotes around it.",
            cells.len(),
            columns.len()
        ));
    }
    let mut post = Post::default();
    for (cell, column) in cells.iter().zip(columns) {
        let cell = trim(cell);
        let Some(column) = column else { continue };
        if cell.is_empty() || (matches!(column, Column::Number(_)) && is_blank(cell)) {
            continue;
        }
        match column {
            Column::Date => {
                post.date = Some(Date::parse(cell).map_err(|e| format!("date: {e}"))?);
            }
            Column::Number(field) => {
                let n = parse_count(cell).map_err(|e| format!("{}: {e}", field.name()))?;
                field.set(&mut post.metrics, Some(n as f64));
            }
            Column::Sponsored => post.sponsored = yes_no(cell)?,
            Column::Caption => post.caption = cell.to_string(),
            Column::Link => {
                post.link = validate_profile_url(cell).map_err(|e| format!("link: {e}"))?;
            }
        }
    }
    post.check(number, today).map_err(|e| e.to_string())?;
    Ok(post)
}

/// What people type for "no value" in a number column.
fn is_blank(cell: &str) -> bool {
    matches!(cell, "-" | "–" | "—" | "?") || cell.eq_ignore_ascii_case("n/a")
}

fn yes_no(cell: &str) -> Result<bool, String> {
    match cell.to_lowercase().as_str() {
        "yes" | "y" | "true" | "1" | "x" | "✓" | "ad" | "sponsored" | "paid" => Ok(true),
        "no" | "n" | "false" | "0" | "-" => Ok(false),
        _ => Err(format!(
            "sponsored: “{cell}” is neither yes nor no (write yes, no, or leave it empty)."
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::creator::metrics::PostMetrics;

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn post(date: &str, views: f64, likes: Option<f64>) -> Post {
        Post {
            date: Some(day(date)),
            metrics: PostMetrics {
                views: Some(views),
                likes,
                ..PostMetrics::default()
            },
            ..Post::default()
        }
    }

    #[test]
    fn pasted_rows_read_as_posts_or_name_the_problem() {
        let today = day("2026-03-01");
        let full = Post {
            sponsored: true,
            caption: "New drop, #ad".into(),
            link: Some("https://www.tiktok.com/@ann/video/1".into()),
            metrics: PostMetrics {
                views: Some(12_500.0),
                likes: Some(800.0),
                comments: Some(40.0),
                shares: Some(12.0),
                saves: Some(30.0),
                dislikes: None,
                ..PostMetrics::default()
            },
            date: Some(day("2026-02-01")),
        };
        // (pasted text, posts, errors, header)
        let cases: Vec<(&str, Vec<Post>, Vec<&str>, bool)> = vec![
            ("", vec![], vec![], false),
            // Tabs, as a spreadsheet copies them; a short line stops early.
            (
                "2026-02-01\t12.5K\t800\t40\t12\t30\t\tyes\tNew drop, #ad\thttps://www.tiktok.com/@ann/video/1\n2026-02-03\t9,000\t500\n",
                vec![full.clone(), post("2026-02-03", 9_000.0, Some(500.0))],
                vec![],
                false,
            ),
            // Commas, with the caption quoted; CRLF line ends; blank lines skipped.
            (
                "2026-02-01,12500,800,40,12,30,,y,\"New drop, #ad\",https://www.tiktok.com/@ann/video/1\r\n\r\n2026-02-03,9000,500\r\n",
                vec![full.clone(), post("2026-02-03", 9_000.0, Some(500.0))],
                vec![],
                false,
            ),
            // A header line picks and orders the columns.
            (
                "Likes\tViews\tDate\n500\t9000\t2026-02-03\n",
                vec![post("2026-02-03", 9_000.0, Some(500.0))],
                vec![],
                true,
            ),
            // n/a and dashes in a number column are "not known".
            (
                "2026-02-03,9000,n/a,-",
                vec![post("2026-02-03", 9_000.0, None)],
                vec![],
                false,
            ),
            // Each bad line is named, with the field and the problem; good lines still read.
            (
                "2026-02-03,9000\n2026-03-05,100\n2026-02-30,1\n2026-02-04,-5\n2026-02-04,5,1,1,1,1,1,maybe\n2026-02-04,1,,,,,,,,javascript:alert(1)\n2026-02-04,1,2,3,4,5,6,no,caption,https://x.com,extra",
                vec![post("2026-02-03", 9_000.0, None)],
                vec![
                    "Line 2: Post 2 is dated 2026-03-05, which is after today (2026-03-01).",
                    "Line 3: date: “2026-02-30” is not a date: February 2026 has 28 days.",
                    "Line 4: views: “-5” is negative; it can't be below zero.",
                    "Line 5: sponsored: “maybe” is neither yes nor no (write yes, no, or leave it empty).",
                    "Line 6: link: ",
                    "Line 7: 11 values, but only 10 columns; a caption with commas needs quotes around it.",
                ],
                false,
            ),
            (
                "Date\tMood\n2026-02-03\t5",
                vec![Post {
                    date: Some(day("2026-02-03")),
                    ..Post::default()
                }],
                vec!["Line 1: unknown column “Mood”; use date, views, likes, comments, shares, saves, dislikes,"],
                true,
            ),
        ];
        for (text, posts, errors, header) in cases {
            let got = parse_post_rows(text, today);
            assert_eq!(got.posts, posts, "{text:?}");
            assert_eq!(got.header, header, "{text:?}");
            assert_eq!(got.errors.len(), errors.len(), "{text:?}: {:?}", got.errors);
            for (e, want) in got.errors.iter().zip(&errors) {
                assert!(e.starts_with(want), "{text:?}: {e:?} should start {want:?}");
            }
        }
    }
}
