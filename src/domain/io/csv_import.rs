//! Imports creators from pasted CSV text or a file's text, in steps, so 100,000 rows never freeze the page.
//!
//! Flow: [`ImportSession::new`] detects the delimiter and maps the header; [`ImportSession::preview`]
//! shows what will happen before anything is saved; [`ImportSession::step`] parses a chunk of rows
//! (call it between animation frames); [`ImportSession::finish`] returns the creators and every
//! rejected row with its line number. Nothing is dropped silently.
//!
//! Formula-injection marks: the export puts an apostrophe before a cell starting with `=` `+` `-`
//! `@` tab, CR or an apostrophe (see `csv_export`). This importer removes exactly that one apostrophe
//! again, so "-Ann-" or "@handle" come back unchanged. A cell like "'Tis" (apostrophe followed by
//! anything else) is kept as written.

use std::borrow::Cow;
use std::collections::HashMap;

use thiserror::Error;

use crate::domain::text::choice::choices;
use crate::domain::creator::record::{
    normalize_currency, parse_tags, platform_from_url, shorten, trim, validate_profile_url,
    Creator, IdSource, Status,
};
use crate::domain::text::format::group_thousands;
use crate::domain::text::number::{parse_amount, parse_count, NumberError, MAX_VALUE};
use crate::domain::creator::platform::Platform;

/// Largest text imported at once. Bigger files are refused with a message, not truncated.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;
/// Most data rows imported at once.
pub const MAX_ROWS: usize = 200_000;

/// The character separating cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    Comma,
    Semicolon,
    Tab,
}

impl Delimiter {
    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
        }
    }

    pub fn as_char(self) -> char {
        self.byte() as char
    }

    /// For the preview: "comma", "semicolon", "tab".
    pub fn label(self) -> &'static str {
        match self {
            Delimiter::Comma => "comma",
            Delimiter::Semicolon => "semicolon",
            Delimiter::Tab => "tab",
        }
    }
}

/// A creator field a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Id,
    Name,
    Platform,
    ProfileUrl,
    Followers,
    Views,
    Likes,
    Comments,
    Shares,
    Saves,
    Dislikes,
    PostsPerWeek,
    Price,
    Currency,
    SponsoredPosts,
    Status,
    Tags,
    Notes,
}

// In export column order. The id is the canonical header, written by the export and always
// recognised by the import; the label names the field in messages and in the mapping preview.
choices! {
    Field, header, label;
    Id => "id", "id";
    Name => "name", "name";
    Platform => "platform", "platform";
    ProfileUrl => "profile_url", "profile link";
    Followers => "followers", "followers";
    Views => "views", "average views";
    Likes => "likes", "average likes";
    Comments => "comments", "average comments";
    Shares => "shares", "average shares";
    Saves => "saves", "average saves";
    Dislikes => "dislikes", "average dislikes";
    PostsPerWeek => "posts_per_week", "posts per week";
    Price => "price", "price per post";
    Currency => "currency", "currency";
    SponsoredPosts => "sponsored_posts", "past sponsored posts";
    Status => "status", "status";
    Tags => "tags", "tags";
    Notes => "notes", "notes";
}

/// Header aliases, in normalised form (see [`normalize_header`]).
const ALIASES: &[(&str, Field)] = &[
    ("id", Field::Id),
    ("creatorid", Field::Id),
    ("name", Field::Name),
    ("handle", Field::Name),
    ("username", Field::Name),
    ("user", Field::Name),
    ("creator", Field::Name),
    ("creatorname", Field::Name),
    ("account", Field::Name),
    ("accountname", Field::Name),
    ("influencer", Field::Name),
    ("influencername", Field::Name),
    ("channel", Field::Name),
    ("channelname", Field::Name),
    ("platform", Field::Platform),
    ("network", Field::Platform),
    ("socialnetwork", Field::Platform),
    ("channeltype", Field::Platform),
    ("url", Field::ProfileUrl),
    ("profile", Field::ProfileUrl),
    ("profileurl", Field::ProfileUrl),
    ("profilelink", Field::ProfileUrl),
    ("link", Field::ProfileUrl),
    ("channelurl", Field::ProfileUrl),
    ("accounturl", Field::ProfileUrl),
    ("followers", Field::Followers),
    ("follower", Field::Followers),
    ("followercount", Field::Followers),
    ("followerscount", Field::Followers),
    ("numfollowers", Field::Followers),
    ("subscribers", Field::Followers),
    ("subscriber", Field::Followers),
    ("subscribercount", Field::Followers),
    ("subscriberscount", Field::Followers),
    ("subs", Field::Followers),
    ("fans", Field::Followers),
    ("views", Field::Views),
    ("avgviews", Field::Views),
    ("averageviews", Field::Views),
    ("viewsperpost", Field::Views),
    ("avgviewsperpost", Field::Views),
    ("averageviewsperpost", Field::Views),
    ("plays", Field::Views),
    ("avgplays", Field::Views),
    ("likes", Field::Likes),
    ("avglikes", Field::Likes),
    ("averagelikes", Field::Likes),
    ("likesperpost", Field::Likes),
    ("comments", Field::Comments),
    ("avgcomments", Field::Comments),
    ("averagecomments", Field::Comments),
    ("commentsperpost", Field::Comments),
    ("shares", Field::Shares),
    ("avgshares", Field::Shares),
    ("averageshares", Field::Shares),
    ("sharesperpost", Field::Shares),
    ("saves", Field::Saves),
    ("avgsaves", Field::Saves),
    ("averagesaves", Field::Saves),
    ("bookmarks", Field::Saves),
    ("dislikes", Field::Dislikes),
    ("avgdislikes", Field::Dislikes),
    ("averagedislikes", Field::Dislikes),
    ("postsperweek", Field::PostsPerWeek),
    ("weeklyposts", Field::PostsPerWeek),
    ("cadence", Field::PostsPerWeek),
    ("postingfrequency", Field::PostsPerWeek),
    ("price", Field::Price),
    ("rate", Field::Price),
    ("fee", Field::Price),
    ("cost", Field::Price),
    ("priceperpost", Field::Price),
    ("rateperpost", Field::Price),
    ("feeperpost", Field::Price),
    ("costperpost", Field::Price),
    ("currency", Field::Currency),
    ("sponsoredposts", Field::SponsoredPosts),
    ("pastsponsoredposts", Field::SponsoredPosts),
    ("sponsored", Field::SponsoredPosts),
    ("paidposts", Field::SponsoredPosts),
    ("brandedposts", Field::SponsoredPosts),
    ("branddeals", Field::SponsoredPosts),
    ("status", Field::Status),
    ("stage", Field::Status),
    ("outreachstatus", Field::Status),
    ("tags", Field::Tags),
    ("tag", Field::Tags),
    ("interests", Field::Tags),
    ("audience", Field::Tags),
    ("audienceinterests", Field::Tags),
    ("categories", Field::Tags),
    ("category", Field::Tags),
    ("niche", Field::Tags),
    ("niches", Field::Tags),
    ("topics", Field::Tags),
    ("notes", Field::Notes),
    ("note", Field::Notes),
    ("remarks", Field::Notes),
];

/// Columns Microscope computes itself (the export writes some of them); they are not read back.
const COMPUTED: &[&str] = &[
    "tier",
    "engagementrate",
    "engagement",
    "er",
    "cpm",
    "cpv",
    "cpe",
];

/// Lower case, letters and digits only: "Avg. Views", "avg_views" and "AVG VIEWS" are one header.
pub fn normalize_header(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The field a header names, if any.
pub fn field_for_header(header: &str) -> Option<Field> {
    let key = normalize_header(header);
    ALIASES
        .iter()
        .find(|(alias, _)| *alias == key)
        .map(|&(_, f)| f)
}

/// Which header feeds which field, or why a column is ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnMapping {
    /// 0-based column position.
    pub index: usize,
    pub header: String,
    pub field: Option<Field>,
    /// Why the column is ignored (when `field` is `None`).
    pub note: Option<String>,
}

/// A row that was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RejectedRow {
    /// Physical line in the file where the row starts (the header is line 1 in a usual file).
    pub line: usize,
    pub reason: String,
}

impl std::fmt::Display for RejectedRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

/// Why the text can't be imported at all.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    #[error("There is nothing to import: the text is empty.")]
    Empty,
    #[error("The file is {} MB; Microscope imports up to 20 MB at a time. Split it into smaller files and import them one after the other.", megabytes(*.bytes))]
    TooLarge { bytes: usize },
    #[error("The file has {} rows; Microscope imports up to {} at a time. Split it into smaller files and import them one after the other.", group_thousands(*.rows as u64), group_thousands(MAX_ROWS as u64))]
    TooManyRows { rows: usize },
    #[error("This doesn't look like text: it may be an Excel workbook (.xlsx) or another binary file. In your spreadsheet choose File › Download (or Save as) › CSV, then import that file.")]
    NotText,
    #[error("None of the columns ({}) holds the creators' names. Rename the column with names or handles to “name” (or handle, username, creator, account).", .headers.join(", "))]
    NoNameColumn { headers: Vec<String> },
    #[error("The header row opens a double quote (\") that is never closed, so the whole file would be read as one row. Remove the stray quote from the first line.")]
    HeaderQuote,
    #[error("The column mapping can't change once the import has started.")]
    AlreadyStarted,
    #[error("There is no column {} in this file.", .0 + 1)]
    NoSuchColumn(usize),
}

fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10 + 524_288) / 1_048_576;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// How far the import has come, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Data rows handled so far, imported or rejected (empty lines not counted).
    pub done_rows: usize,
    /// Rows in the file, counted before the import (an upper bound: rows of only separators count).
    pub total_rows: usize,
    pub consumed_bytes: usize,
    pub total_bytes: usize,
    pub finished: bool,
}

impl Progress {
    /// Share done, 0.0 to 1.0.
    pub fn fraction(&self) -> f64 {
        if self.finished || self.total_bytes == 0 {
            1.0
        } else {
            (self.consumed_bytes as f64 / self.total_bytes as f64).clamp(0.0, 1.0)
        }
    }
}

/// One row of the preview.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewRow {
    pub line: usize,
    /// The creator it becomes, or why it will be rejected.
    pub result: Result<Creator, String>,
}

/// What the import will do, shown before anything is saved.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub delimiter: Delimiter,
    pub columns: Vec<ColumnMapping>,
    /// The first rows, parsed exactly as the import will parse them (empty lines left out).
    pub rows: Vec<PreviewRow>,
    pub total_rows: usize,
}

/// The outcome of an import.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportReport {
    pub creators: Vec<Creator>,
    pub rejected: Vec<RejectedRow>,
    pub skipped_empty: usize,
    pub delimiter: Delimiter,
    pub columns: Vec<ColumnMapping>,
}

impl ImportReport {
    /// "Imported 1,250 creators. 3 rows were not imported. 2 empty lines skipped."
    pub fn summary(&self) -> String {
        let n = self.creators.len();
        let mut s = format!(
            "Imported {} creator{}.",
            group_thousands(n as u64),
            if n == 1 { "" } else { "s" }
        );
        match self.rejected.len() {
            0 => {}
            1 => s.push_str(" 1 row was not imported."),
            r => s.push_str(&format!(
                " {} rows were not imported.",
                group_thousands(r as u64)
            )),
        }
        match self.skipped_empty {
            0 => {}
            1 => s.push_str(" 1 empty line skipped."),
            e => s.push_str(&format!(
                " {} empty lines skipped.",
                group_thousands(e as u64)
            )),
        }
        s
    }
}

/// A position in the text: byte offset and the physical line (1-based) it lies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cursor {
    pos: usize,
    line: usize,
}

/// Turns rows into creators; holds what must persist across rows (ids handed out and seen).
#[derive(Debug, Clone)]
struct RowBuilder {
    map: Vec<Option<Field>>,
    delimiter: Delimiter,
    now_ms: f64,
    ids: IdSource,
    /// Ids given in the file, with the line that used each first.
    seen: HashMap<String, usize>,
}

/// An import in progress. Owns the text so it can live across animation frames.
#[derive(Debug, Clone)]
pub struct ImportSession {
    text: String,
    /// Byte offset past the BOM.
    start: usize,
    delimiter: Delimiter,
    columns: Vec<ColumnMapping>,
    data_start: Cursor,
    cursor: Cursor,
    total_rows: usize,
    done_rows: usize,
    started: bool,
    finished: bool,
    builder: RowBuilder,
    creators: Vec<Creator>,
    rejected: Vec<RejectedRow>,
    skipped_empty: usize,
}

impl ImportSession {
    /// Reads the header and prepares the import. `now_ms` dates the new creators and seeds their ids.
    pub fn new(text: impl Into<String>, now_ms: f64) -> Result<ImportSession, ImportError> {
        let text: String = text.into();
        if text.len() > MAX_BYTES {
            return Err(ImportError::TooLarge { bytes: text.len() });
        }
        let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let body = text.get(start..).unwrap_or("");
        if looks_binary(body) {
            return Err(ImportError::NotText);
        }
        let mut cursor = Cursor {
            pos: start,
            line: 1,
        };
        skip_blank_lines(&text, &mut cursor);
        if cursor.pos >= text.len() {
            return Err(ImportError::Empty);
        }
        // Excel's "sep=;" first line names the delimiter.
        let delimiter = match sep_line(&text, &mut cursor) {
            Some(d) => d,
            None => detect_delimiter(text.get(cursor.pos..).unwrap_or("")),
        };
        skip_blank_lines(&text, &mut cursor);
        let mut cells: Vec<Cow<str>> = Vec::new();
        match read_record(&text, &mut cursor, delimiter.byte(), &mut cells) {
            None => return Err(ImportError::Empty),
            // Otherwise every row would vanish into the header without a word.
            Some(meta) if meta.unclosed_quote => return Err(ImportError::HeaderQuote),
            Some(_) => {}
        }
        let headers: Vec<String> = cells
            .iter()
            .map(|c| unneutralise(c.trim()).to_string())
            .collect();
        let columns = map_headers(&headers);
        if !columns.iter().any(|c| c.field == Some(Field::Name)) {
            return Err(ImportError::NoNameColumn { headers });
        }
        let total_rows = count_rows(text.get(cursor.pos..).unwrap_or(""), delimiter.byte());
        if total_rows > MAX_ROWS {
            return Err(ImportError::TooManyRows { rows: total_rows });
        }
        let builder = RowBuilder {
            map: columns.iter().map(|c| c.field).collect(),
            delimiter,
            now_ms,
            ids: IdSource::new(now_ms),
            seen: HashMap::new(),
        };
        Ok(ImportSession {
            text,
            start,
            delimiter,
            columns,
            data_start: cursor,
            cursor,
            total_rows,
            done_rows: 0,
            started: false,
            finished: false,
            builder,
            creators: Vec::new(),
            rejected: Vec::new(),
            skipped_empty: 0,
        })
    }

    pub fn delimiter(&self) -> Delimiter {
        self.delimiter
    }

    pub fn columns(&self) -> &[ColumnMapping] {
        &self.columns
    }

    /// Lets the user correct the mapping in the preview: column `index` feeds `field` (or nothing).
    /// A column already feeding that field is unmapped. Only before the first [`ImportSession::step`].
    pub fn remap(&mut self, index: usize, field: Option<Field>) -> Result<(), ImportError> {
        if self.started {
            return Err(ImportError::AlreadyStarted);
        }
        if index >= self.columns.len() {
            return Err(ImportError::NoSuchColumn(index));
        }
        let mut columns = self.columns.clone();
        for col in columns.iter_mut() {
            if col.index == index {
                col.field = field;
                col.note = field.is_none().then(|| "ignored, as you chose".to_string());
            } else if field.is_some() && col.field == field {
                col.field = None;
                col.note = Some(format!(
                    "ignored: column {} (“{}”) now gives the {}",
                    index + 1,
                    self.columns
                        .get(index)
                        .map(|c| c.header.as_str())
                        .unwrap_or(""),
                    field.map(Field::label).unwrap_or("")
                ));
            }
        }
        if !columns.iter().any(|c| c.field == Some(Field::Name)) {
            let headers = columns.iter().map(|c| c.header.clone()).collect();
            return Err(ImportError::NoNameColumn { headers });
        }
        self.builder.map = columns.iter().map(|c| c.field).collect();
        self.columns = columns;
        Ok(())
    }

    /// The first `n` rows, parsed as the import will parse them; nothing is consumed or saved.
    pub fn preview(&self, n: usize) -> Preview {
        let mut builder = self.builder.clone();
        builder.seen.clear();
        let mut cursor = self.data_start;
        let mut cells: Vec<Cow<str>> = Vec::new();
        let mut rows = Vec::new();
        while rows.len() < n {
            let Some(meta) =
                read_record(&self.text, &mut cursor, self.delimiter.byte(), &mut cells)
            else {
                break;
            };
            if is_empty_record(&cells) {
                continue;
            }
            let result = builder.build(&cells, meta, cursor.line);
            rows.push(PreviewRow {
                line: meta.line,
                result,
            });
        }
        Preview {
            delimiter: self.delimiter,
            columns: self.columns.clone(),
            rows,
            total_rows: self.total_rows,
        }
    }

    /// Parses up to `max_rows` more lines (about 2,000 keeps a frame short in the browser).
    pub fn step(&mut self, max_rows: usize) -> Progress {
        if !self.started {
            // Growing 100,000 creators by doubling copies them several times over; the count is known.
            self.creators.reserve(self.total_rows);
        }
        self.started = true;
        let mut cells: Vec<Cow<str>> = Vec::new();
        let mut handled = 0;
        while handled < max_rows && !self.finished {
            let Some(meta) = read_record(
                &self.text,
                &mut self.cursor,
                self.delimiter.byte(),
                &mut cells,
            ) else {
                self.finished = true;
                break;
            };
            handled += 1;
            if is_empty_record(&cells) {
                self.skipped_empty += 1;
                continue;
            }
            self.done_rows += 1;
            match self.builder.build(&cells, meta, self.cursor.line) {
                Ok(c) => self.creators.push(c),
                Err(reason) => self.rejected.push(RejectedRow {
                    line: meta.line,
                    reason,
                }),
            }
        }
        if self.cursor.pos >= self.text.len() {
            self.finished = true;
        }
        self.progress()
    }

    /// Parses batches of `batch` lines while `keep_going` (asked after each batch with the progress
    /// so far) says so, or until the text ends: the page passes a clock check, so each turn of the
    /// event loop does about the same amount of work on a fast or a slow device.
    pub fn step_while(
        &mut self,
        batch: usize,
        mut keep_going: impl FnMut(&Progress) -> bool,
    ) -> Progress {
        loop {
            let p = self.step(batch.max(1));
            if p.finished || !keep_going(&p) {
                return p;
            }
        }
    }

    pub fn progress(&self) -> Progress {
        Progress {
            done_rows: self.done_rows,
            total_rows: self.total_rows,
            consumed_bytes: self.cursor.pos.saturating_sub(self.start),
            total_bytes: self.text.len().saturating_sub(self.start),
            finished: self.finished,
        }
    }

    /// Parses whatever is left and returns the result.
    pub fn finish(mut self) -> ImportReport {
        while !self.finished {
            self.step(usize::MAX);
        }
        ImportReport {
            creators: self.creators,
            rejected: self.rejected,
            skipped_empty: self.skipped_empty,
            delimiter: self.delimiter,
            columns: self.columns,
        }
    }
}

/// NUL bytes never occur in text a person pastes or a spreadsheet writes as CSV; a zip (xlsx) starts with "PK".
fn looks_binary(body: &str) -> bool {
    let head = body.as_bytes().get(..4096).unwrap_or(body.as_bytes());
    head.starts_with(b"PK\x03\x04") || head.contains(&0)
}

fn skip_blank_lines(text: &str, cursor: &mut Cursor) {
    let bytes = text.as_bytes();
    let mut i = cursor.pos;
    let mut line_start = i;
    while let Some(&b) = bytes.get(i) {
        match b {
            b' ' | b'\t' => i += 1,
            b'\n' => {
                i += 1;
                cursor.line += 1;
                line_start = i;
            }
            b'\r' => {
                i += 1;
                if bytes.get(i) == Some(&b'\n') {
                    i += 1;
                }
                cursor.line += 1;
                line_start = i;
            }
            _ => break,
        }
    }
    cursor.pos = if i >= bytes.len() { i } else { line_start };
}

/// Consumes a first line "sep=X" and returns its delimiter.
fn sep_line(text: &str, cursor: &mut Cursor) -> Option<Delimiter> {
    let rest = text.get(cursor.pos..)?;
    let line_end = rest.find(['\r', '\n']).unwrap_or(rest.len());
    let line = rest.get(..line_end)?;
    let value = line
        .strip_prefix("sep=")
        .or_else(|| line.strip_prefix("SEP="))?;
    let delimiter = match value {
        "," => Delimiter::Comma,
        ";" => Delimiter::Semicolon,
        "\t" => Delimiter::Tab,
        _ => return None,
    };
    let mut next = cursor.pos + line_end;
    let bytes = text.as_bytes();
    if bytes.get(next) == Some(&b'\r') {
        next += 1;
    }
    if bytes.get(next) == Some(&b'\n') {
        next += 1;
    }
    cursor.pos = next;
    cursor.line += 1;
    Some(delimiter)
}

/// The delimiter used most in the header line, outside quotes; comma when there is none
/// (a one-column file). Ties prefer tab, then semicolon: those are never part of a header by accident.
fn detect_delimiter(text: &str) -> Delimiter {
    let (mut commas, mut semicolons, mut tabs) = (0usize, 0usize, 0usize);
    let mut in_quotes = false;
    for &b in text.as_bytes() {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'\n' | b'\r' if !in_quotes => break,
            b',' if !in_quotes => commas += 1,
            b';' if !in_quotes => semicolons += 1,
            b'\t' if !in_quotes => tabs += 1,
            _ => {}
        }
    }
    if tabs > 0 && tabs >= semicolons && tabs >= commas {
        Delimiter::Tab
    } else if semicolons > 0 && semicolons >= commas {
        Delimiter::Semicolon
    } else {
        Delimiter::Comma
    }
}

fn map_headers(headers: &[String]) -> Vec<ColumnMapping> {
    let mut first_for: HashMap<Field, usize> = HashMap::new();
    headers
        .iter()
        .enumerate()
        .map(|(index, header)| {
            let key = normalize_header(header);
            let (field, note) = if key.is_empty() {
                (None, Some("ignored: the column has no header".to_string()))
            } else if let Some(field) = field_for_header(header) {
                match first_for.get(&field) {
                    Some(&first) => (
                        None,
                        Some(format!(
                            "ignored: column {} (“{}”) already gives the {}",
                            first + 1,
                            headers.get(first).map(String::as_str).unwrap_or(""),
                            field.label()
                        )),
                    ),
                    None => {
                        first_for.insert(field, index);
                        (Some(field), None)
                    }
                }
            } else if COMPUTED.contains(&key.as_str()) {
                (
                    None,
                    Some("ignored: Microscope computes this from the other columns".to_string()),
                )
            } else {
                (
                    None,
                    Some("ignored: not a column Microscope knows".to_string()),
                )
            };
            ColumnMapping {
                index,
                header: header.clone(),
                field,
                note,
            }
        })
        .collect()
}

/// Counts the non-empty records left, outside quotes, without building them: fast enough to run on
/// 20 MB before the import starts, so the row cap is known up front (and the preview shows it).
fn count_rows(text: &str, delimiter: u8) -> usize {
    count_rows_in_pieces(text, delimiter, 1 << 16)
}

/// The count done by calls over about `piece` bytes each: the browser first runs wasm through a
/// quick compiler and its optimised code only serves calls that start after it is ready, so a
/// single call over 20 MB would run the slow code to the end.
fn count_rows_in_pieces(text: &str, delimiter: u8, piece: usize) -> usize {
    let bytes = text.as_bytes();
    let mut rows = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (n, next) = count_rows_from(bytes, i, delimiter, i.saturating_add(piece.max(1)));
        rows += n;
        i = next;
    }
    rows
}

/// Counts records from `i`, stopping at the first record start at or after `stop`; returns the
/// count and where it stopped (`bytes.len()` at the end).
///
/// A record counts once it has anything but spaces and delimiters; it then runs to the next line
/// break outside double quotes. The scans between quotes and line breaks test one table entry per
/// byte, about three times faster in the browser than tracking the state at every byte.
#[inline(never)]
fn count_rows_from(bytes: &[u8], mut i: usize, delimiter: u8, stop: usize) -> (usize, usize) {
    const QUOTE_OR_BREAK: [bool; 256] = {
        let mut table = [false; 256];
        table[b'"' as usize] = true;
        table[b'\n' as usize] = true;
        table[b'\r' as usize] = true;
        table
    };
    let len = bytes.len();
    let mut rows = 0;
    loop {
        while let Some(&b) = bytes.get(i) {
            if b == b' ' || b == delimiter || b == b'\n' || b == b'\r' {
                i += 1;
            } else {
                break;
            }
        }
        if i >= len {
            return (rows, len);
        }
        if i >= stop {
            return (rows, i);
        }
        rows += 1;
        loop {
            while let Some(&b) = bytes.get(i) {
                if QUOTE_OR_BREAK[usize::from(b)] {
                    break;
                }
                i += 1;
            }
            match bytes.get(i) {
                None => return (rows, len),
                Some(b'"') => {
                    // Line breaks up to the closing quote belong to the cell.
                    i += 1;
                    while let Some(&b) = bytes.get(i) {
                        if b == b'"' {
                            break;
                        }
                        i += 1;
                    }
                    if i >= len {
                        return (rows, len);
                    }
                    i += 1;
                }
                Some(_) => {
                    i += 1;
                    break;
                }
            }
        }
    }
}

/// Facts about one record read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct RecordMeta {
    /// Physical line the record starts on.
    line: usize,
    /// A quoted cell ran to the end of the text.
    unclosed_quote: bool,
}

/// Reads one record at `cursor` into `cells` and moves the cursor past it; `None` at the end.
///
/// RFC 4180 with the leniency spreadsheets show: `""` inside quotes is one quote; line breaks
/// inside quotes are kept; CRLF, LF and a lone CR all end a record; text after a closing quote is
/// kept (`"ab"c` is `abc`); a quote inside an unquoted cell is an ordinary character.
fn read_record<'a>(
    text: &'a str,
    cursor: &mut Cursor,
    delimiter: u8,
    cells: &mut Vec<Cow<'a, str>>,
) -> Option<RecordMeta> {
    let bytes = text.as_bytes();
    let len = bytes.len();
    if cursor.pos >= len {
        return None;
    }
    cells.clear();
    let meta_line = cursor.line;
    let mut unclosed_quote = false;
    let mut i = cursor.pos;
    // Every index used to slice below sits on an ASCII byte or at the end, so on a char boundary.
    let slice = |a: usize, b: usize| text.get(a..b).unwrap_or("");
    loop {
        if bytes.get(i) == Some(&b'"') {
            i += 1;
            let mut seg = i;
            let mut owned: Option<String> = None;
            loop {
                match bytes.get(i) {
                    None => {
                        unclosed_quote = true;
                        let piece = slice(seg, len);
                        cells.push(match owned.take() {
                            Some(mut s) => {
                                s.push_str(piece);
                                Cow::Owned(s)
                            }
                            None => Cow::Borrowed(piece),
                        });
                        cursor.pos = len;
                        return Some(RecordMeta {
                            line: meta_line,
                            unclosed_quote,
                        });
                    }
                    Some(b'"') => {
                        if bytes.get(i + 1) == Some(&b'"') {
                            owned
                                .get_or_insert_with(String::new)
                                .push_str(slice(seg, i + 1));
                            i += 2;
                            seg = i;
                        } else {
                            let piece = slice(seg, i);
                            i += 1;
                            let tail_start = i;
                            while let Some(&b) = bytes.get(i) {
                                if b == delimiter || b == b'\n' || b == b'\r' {
                                    break;
                                }
                                i += 1;
                            }
                            let tail = slice(tail_start, i);
                            cells.push(match owned.take() {
                                None if tail.is_empty() => Cow::Borrowed(piece),
                                other => {
                                    let mut s = other.unwrap_or_default();
                                    s.push_str(piece);
                                    s.push_str(tail);
                                    Cow::Owned(s)
                                }
                            });
                            break;
                        }
                    }
                    Some(b'\n') => {
                        cursor.line += 1;
                        i += 1;
                    }
                    Some(b'\r') => {
                        if bytes.get(i + 1) != Some(&b'\n') {
                            cursor.line += 1;
                        }
                        i += 1;
                    }
                    Some(_) => i += 1,
                }
            }
        } else {
            let start = i;
            while let Some(&b) = bytes.get(i) {
                if b == delimiter || b == b'\n' || b == b'\r' {
                    break;
                }
                i += 1;
            }
            cells.push(Cow::Borrowed(slice(start, i)));
        }
        match bytes.get(i) {
            None => {
                cursor.pos = len;
                break;
            }
            Some(b'\n') => {
                cursor.line += 1;
                cursor.pos = i + 1;
                break;
            }
            Some(b'\r') => {
                i += 1;
                if bytes.get(i) == Some(&b'\n') {
                    i += 1;
                }
                cursor.line += 1;
                cursor.pos = i;
                break;
            }
            Some(_) => {
                // A delimiter: another cell follows, even if the text ends here.
                i += 1;
                if i >= len {
                    cells.push(Cow::Borrowed(""));
                    cursor.pos = len;
                    break;
                }
            }
        }
    }
    Some(RecordMeta {
        line: meta_line,
        unclosed_quote,
    })
}

fn is_empty_record(cells: &[Cow<str>]) -> bool {
    cells.iter().all(|c| trim(c).is_empty())
}

/// Removes the apostrophe the export puts before a cell that a spreadsheet would run as a formula.
pub fn unneutralise(cell: &str) -> &str {
    if cell.as_bytes().first() != Some(&b'\'') {
        return cell;
    }
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) => rest,
        _ => cell,
    }
}

/// Whole counts, with fast paths for the forms sheets write most ("45000", "45,000", "12.5K");
/// anything else, and every error, is left to `parse_count`.
fn count_cell(v: &str) -> Result<u64, NumberError> {
    // A leading apostrophe is how spreadsheets mark a number stored as text.
    let v = v.strip_prefix('\'').unwrap_or(v);
    match plain_count(v)
        .or_else(|| grouped_count(v))
        .or_else(|| compact_count(v))
    {
        Some(n) => Ok(n),
        None => parse_count(v),
    }
}

fn digits_value(digits: &[u8]) -> u64 {
    digits
        .iter()
        .fold(0u64, |acc, &b| acc * 10 + u64::from(b.wrapping_sub(b'0')))
}

/// "45000": up to 11 digits, at most 10 billion.
fn plain_count(v: &str) -> Option<u64> {
    let b = v.as_bytes();
    if b.is_empty() || b.len() > 11 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = digits_value(b);
    (n <= MAX_VALUE).then_some(n)
}

/// "45,000" or "1,234,567": one to three digits, then groups of a comma and three digits, as
/// `parse_count` reads them (a comma before exactly three digits groups thousands).
fn grouped_count(v: &str) -> Option<u64> {
    let b = v.as_bytes();
    let first = b.iter().position(|&c| c == b',')?;
    if !(1..=3).contains(&first) || b.len() > 15 {
        return None;
    }
    let head = b.get(..first)?;
    if !head.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut n = digits_value(head);
    let mut groups = b.get(first..)?.chunks(4);
    groups.try_for_each(|g| match g {
        [b',', d @ ..] if d.len() == 3 && d.iter().all(u8::is_ascii_digit) => {
            n = n * 1_000 + digits_value(d);
            Some(())
        }
        _ => None,
    })?;
    (n <= MAX_VALUE).then_some(n)
}

/// "12.5K", "660.0K", "1.2M", "2B": digits, an optional dot and digits, one unit letter; rounded
/// half up, exactly as `parse_count` rounds an abbreviation.
fn compact_count(v: &str) -> Option<u64> {
    let (&unit, number) = v.as_bytes().split_last()?;
    let zeros: u32 = match unit {
        b'k' | b'K' => 3,
        b'm' | b'M' => 6,
        b'b' | b'B' => 9,
        _ => return None,
    };
    let (int, frac) = match number.iter().position(|&c| c == b'.') {
        Some(dot) => (number.get(..dot)?, number.get(dot + 1..)?),
        None => (number, &[][..]),
    };
    let digits_ok = |d: &[u8]| d.iter().all(u8::is_ascii_digit);
    let dotted = int.len() != number.len();
    if int.is_empty() || (dotted && frac.is_empty()) || int.len() + frac.len() > 12 {
        return None;
    }
    if !digits_ok(int) || !digits_ok(frac) {
        return None;
    }
    let mantissa = digits_value(int) * 10u64.pow(frac.len() as u32) + digits_value(frac);
    let decimals = frac.len() as u32;
    let n = if zeros >= decimals {
        mantissa.checked_mul(10u64.pow(zeros - decimals))?
    } else {
        let div = 10u64.pow(decimals - zeros);
        (mantissa + div / 2) / div
    };
    (n <= MAX_VALUE).then_some(n)
}

fn amount_cell(v: &str) -> Result<f64, NumberError> {
    let v = v.strip_prefix('\'').unwrap_or(v);
    if let Some(x) = plain_decimal(v) {
        return Ok(x);
    }
    parse_amount(v)
}

/// "1234" or "1234.5": the form exports write, read without the general parser. Computed exactly as
/// `parse_amount` computes it, so both paths give the same value. A fraction of exactly three
/// digits is left to the general parser, which reads "1.234" as 1,234.
fn plain_decimal(v: &str) -> Option<f64> {
    let bytes = v.as_bytes();
    let mut mantissa: u64 = 0;
    let mut dot: Option<usize> = None;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'0'..=b'9' => {
                // Wrapping only past 15 digits, which are refused below.
                mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(b - b'0'));
            }
            b'.' if dot.is_none() => dot = Some(i),
            _ => return None,
        }
    }
    let (int_len, frac_len) = match dot {
        Some(d) => (d, bytes.len() - d - 1),
        None => (bytes.len(), 0),
    };
    if int_len == 0 || frac_len == 3 || (dot.is_some() && frac_len == 0) || int_len + frac_len > 15
    {
        return None;
    }
    let value = mantissa as f64 / 10f64.powi(frac_len as i32);
    (value <= MAX_VALUE as f64).then_some(value)
}

/// `parse_tags` for the usual cell, lower-case ASCII words and commas ("food, diy"): the same
/// tags, without the general splitter's character-by-character matching and lower-casing copies.
fn tags_cell(v: &str) -> Vec<String> {
    let simple = v.bytes().all(|b| {
        b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b' ' | b',' | b'-' | b'_')
    });
    if !simple {
        return parse_tags(v);
    }
    let mut out: Vec<String> = Vec::new();
    for part in v.split(',') {
        let tag = part.trim_matches(' ');
        if !tag.is_empty() && !out.iter().any(|t| t == tag) {
            out.push(tag.to_string());
        }
    }
    out
}

/// The currency a price cell names unambiguously ("€120", "120 EUR"); "$" alone could be several.
fn currency_in_price(v: &str) -> Option<&'static str> {
    if v.bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    let has = |code: &str| {
        v.as_bytes()
            .windows(code.len())
            .any(|w| w.eq_ignore_ascii_case(code.as_bytes()))
    };
    if v.contains('€') || has("EUR") {
        Some("EUR")
    } else if v.contains('£') || has("GBP") {
        Some("GBP")
    } else if has("US$") || has("USD") {
        Some("USD")
    } else if v.contains('₹') {
        Some("INR")
    } else {
        None
    }
}

impl RowBuilder {
    /// One row to a creator, or the reason it is rejected (without the line number).
    fn build(
        &mut self,
        cells: &[Cow<str>],
        meta: RecordMeta,
        line_after: usize,
    ) -> Result<Creator, String> {
        if meta.unclosed_quote {
            let lines = line_after.saturating_sub(meta.line) + 1;
            return Err(format!(
                "a double quote (\") opened in this row is never closed, so the rest of the file ({} line{}) was read as one cell. Remove the stray quote or close it.",
                group_thousands(lines as u64),
                if lines == 1 { "" } else { "s" }
            ));
        }
        if cells.len() > self.map.len() {
            let extra_filled = cells
                .get(self.map.len()..)
                .unwrap_or(&[])
                .iter()
                .any(|c| !c.trim().is_empty());
            if extra_filled {
                return Err(format!(
                    "the row has {} cells but the header has {}; a value containing “{}” must be in double quotes.",
                    cells.len(),
                    self.map.len(),
                    match self.delimiter {
                        Delimiter::Tab => "a tab".to_string(),
                        d => d.as_char().to_string(),
                    }
                ));
            }
        }
        let mut c = Creator {
            created_at: self.now_ms,
            updated_at: self.now_ms,
            ..Creator::default()
        };
        let mut id: Option<&str> = None;
        let mut currency: Option<String> = None;
        let mut price_currency: Option<&'static str> = None;
        for (field, cell) in self.map.iter().zip(cells) {
            let Some(field) = *field else { continue };
            let v = unneutralise(trim(cell));
            if v.is_empty() {
                continue;
            }
            let number = |e: NumberError| format!("{}: {e}", field.label());
            match field {
                Field::Id => id = Some(v),
                Field::Name => c.name = v.to_string(),
                Field::Platform => {
                    c.platform = Some(Platform::parse(v).ok_or_else(|| {
                        format!(
                            "platform “{}” is not one Microscope knows; use TikTok, YouTube or Instagram.",
                            shorten(v, 40)
                        )
                    })?)
                }
                Field::ProfileUrl => {
                    c.profile_url = validate_profile_url(v).map_err(|e| e.to_string())?
                }
                Field::Followers => c.followers = Some(count_cell(v).map_err(number)?),
                Field::Views => c.metrics.views = Some(amount_cell(v).map_err(number)?),
                Field::Likes => c.metrics.likes = Some(amount_cell(v).map_err(number)?),
                Field::Comments => c.metrics.comments = Some(amount_cell(v).map_err(number)?),
                Field::Shares => c.metrics.shares = Some(amount_cell(v).map_err(number)?),
                Field::Saves => c.metrics.saves = Some(amount_cell(v).map_err(number)?),
                Field::Dislikes => c.metrics.dislikes = Some(amount_cell(v).map_err(number)?),
                Field::PostsPerWeek => c.posts_per_week = Some(amount_cell(v).map_err(number)?),
                Field::Price => {
                    c.price = Some(amount_cell(v).map_err(number)?);
                    price_currency = currency_in_price(v);
                }
                Field::Currency => currency = normalize_currency(v).map_err(|e| e.to_string())?,
                Field::SponsoredPosts => {
                    let n = count_cell(v).map_err(number)?;
                    c.sponsored_posts = Some(u32::try_from(n).map_err(|_| {
                        format!("{}: “{}” is far too many.", field.label(), shorten(v, 40))
                    })?);
                }
                Field::Status => {
                    c.status = Status::parse(v).ok_or_else(|| {
                        format!(
                            "status “{}” is not one of Prospect, Contacted, Negotiating, Confirmed, Posted or Declined.",
                            shorten(v, 40)
                        )
                    })?
                }
                Field::Tags => c.tags = tags_cell(v),
                Field::Notes => c.notes = v.to_string(),
            }
        }
        if c.name.trim().is_empty() {
            return Err("the name is empty; every creator needs a name or handle.".to_string());
        }
        c.currency = currency.or(price_currency.map(str::to_string));
        if c.platform.is_none() {
            c.platform = c.profile_url.as_deref().and_then(platform_from_url);
        }
        c.id = match id {
            Some(given) => {
                if let Some(&first) = self.seen.get(given) {
                    return Err(format!(
                        "id “{}” was already used on line {first}.",
                        shorten(given, 40)
                    ));
                }
                self.seen.insert(given.to_string(), meta.line);
                given.to_string()
            }
            None => self.ids.next_id(),
        };
        c.checked().map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::creator::metrics::PostMetrics;

    fn import(text: &str) -> ImportReport {
        match ImportSession::new(text, 1_000.0) {
            Ok(s) => s.finish(),
            Err(e) => panic!("import failed: {e}"),
        }
    }

    fn names(r: &ImportReport) -> Vec<&str> {
        r.creators.iter().map(|c| c.name.as_str()).collect()
    }

    fn rejected(r: &ImportReport) -> Vec<String> {
        r.rejected.iter().map(|r| r.to_string()).collect()
    }

    #[test]
    fn header_aliases() {
        let cases: &[(&str, Option<Field>)] = &[
            ("Followers", Some(Field::Followers)),
            ("follower_count", Some(Field::Followers)),
            ("Follower Count", Some(Field::Followers)),
            ("SUBSCRIBERS", Some(Field::Followers)),
            ("fans", Some(Field::Followers)),
            ("Handle", Some(Field::Name)),
            ("user name", Some(Field::Name)),
            ("Creator", Some(Field::Name)),
            ("account", Some(Field::Name)),
            ("Network", Some(Field::Platform)),
            ("Profile URL", Some(Field::ProfileUrl)),
            ("link", Some(Field::ProfileUrl)),
            ("Avg. Views", Some(Field::Views)),
            ("average_views", Some(Field::Views)),
            ("likes", Some(Field::Likes)),
            ("Comments", Some(Field::Comments)),
            ("shares", Some(Field::Shares)),
            ("saves", Some(Field::Saves)),
            ("dislikes", Some(Field::Dislikes)),
            ("Rate", Some(Field::Price)),
            ("fee", Some(Field::Price)),
            ("Cost", Some(Field::Price)),
            ("Interests", Some(Field::Tags)),
            ("audience", Some(Field::Tags)),
            ("Categories", Some(Field::Tags)),
            ("notes", Some(Field::Notes)),
            ("Status", Some(Field::Status)),
            ("Sponsored Posts", Some(Field::SponsoredPosts)),
            ("posts-per-week", Some(Field::PostsPerWeek)),
            ("engagement rate", None),
            ("favourite colour", None),
            ("", None),
        ];
        for (header, want) in cases {
            assert_eq!(field_for_header(header), *want, "{header:?}");
        }
        // The export's canonical headers are always recognised.
        for f in Field::ALL {
            assert_eq!(field_for_header(f.header()), Some(f), "{f:?}");
        }
    }

    #[test]
    fn delimiters_are_detected_from_the_header() {
        let cases: &[(&str, Delimiter)] = &[
            ("name,followers\nAnn,45000\n", Delimiter::Comma),
            ("name;followers\nAnn;45000\n", Delimiter::Semicolon),
            ("name\tfollowers\nAnn\t45000\n", Delimiter::Tab),
            // A quoted header containing another candidate doesn't count.
            ("name,\"notes;a;b\"\nAnn,x\n", Delimiter::Comma),
            ("name;\"notes,a,b\"\nAnn;x\n", Delimiter::Semicolon),
            ("sep=;\nname;followers\nAnn;45000\n", Delimiter::Semicolon),
            ("name\nAnn\n", Delimiter::Comma),
        ];
        for (text, want) in cases {
            let r = import(text);
            assert_eq!(r.delimiter, *want, "{text:?}");
            assert_eq!(names(&r), vec!["Ann"], "{text:?}");
            assert!(r.rejected.is_empty(), "{text:?}: {:?}", r.rejected);
        }
    }

    #[test]
    fn numbers_in_pasted_formats() {
        let cases: &[(&str, Option<u64>, Option<f64>)] = &[
            (
                "name,followers,price\nAnn,\"45,000\",\"$1,200.50\"\n",
                Some(45_000),
                Some(1_200.5),
            ),
            (
                "name;followers;price\nAnn;12,5K;99,90\n",
                Some(12_500),
                Some(99.9),
            ),
            (
                "name\tfollowers\tprice\nAnn\t1.2M\t€120\n",
                Some(1_200_000),
                Some(120.0),
            ),
            ("name,followers,price\nAnn,'45000,\n", Some(45_000), None),
            ("name,followers\nAnn,\n", None, None),
        ];
        for (text, followers, price) in cases {
            let r = import(text);
            assert!(r.rejected.is_empty(), "{text:?}: {:?}", r.rejected);
            let c = r.creators.first();
            assert_eq!(c.and_then(|c| c.followers), *followers, "{text:?}");
            assert_eq!(c.and_then(|c| c.price), *price, "{text:?}");
        }
        let r = import("name\tprice\nAnn\t€120\nBo\t120 GBP\nCy\t$5\n");
        let currencies: Vec<Option<&str>> =
            r.creators.iter().map(|c| c.currency.as_deref()).collect();
        assert_eq!(currencies, vec![Some("EUR"), Some("GBP"), None]);
    }

    #[test]
    fn a_full_row() {
        let text = "Handle,Network,Profile,Subscribers,Avg Views,Likes,Comments,Shares,Saves,Dislikes,Posts per week,Fee,Currency,Sponsored posts,Stage,Interests,Notes,Tier\r\n\
                    @ann,TikTok,https://www.tiktok.com/@ann,45K,130K,9000,500,300,120,,1.5,250,usd,2,Reached out,\"Fitness, Vegan\",\"Line one\r\nline \"\"two\"\"\",Micro\r\n";
        let r = import(text);
        assert!(r.rejected.is_empty(), "{:?}", r.rejected);
        let Some(c) = r.creators.first() else {
            panic!("no creator")
        };
        let want = Creator {
            id: c.id.clone(),
            name: "@ann".into(),
            profile_url: Some("https://www.tiktok.com/@ann".into()),
            platform: Some(Platform::TikTok),
            followers: Some(45_000),
            metrics: PostMetrics {
                views: Some(130_000.0),
                likes: Some(9_000.0),
                comments: Some(500.0),
                shares: Some(300.0),
                saves: Some(120.0),
                dislikes: None,
            },
            posts_per_week: Some(1.5),
            price: Some(250.0),
            currency: Some("USD".into()),
            tags: vec!["fitness".into(), "vegan".into()],
            notes: "Line one\r\nline \"two\"".into(),
            status: Status::Contacted,
            sponsored_posts: Some(2),
            created_at: 1_000.0,
            updated_at: 1_000.0,
        };
        assert_eq!(c, &want);
        assert!(c.id.starts_with('c'), "{}", c.id);
        let tier = r.columns.iter().find(|c| c.header == "Tier");
        assert_eq!(tier.and_then(|t| t.field), None);
        assert!(tier
            .and_then(|t| t.note.as_deref())
            .is_some_and(|n| n.contains("computes")));
    }

    #[test]
    fn bom_crlf_lone_cr_and_quoted_newlines_keep_line_numbers() {
        let text =
            "\u{feff}name,followers\r\n\"Ann\nSmith\",12x\r\nBo,5\rCy,oops\r\n\r\n,\r\nDee,7";
        let r = import(text);
        assert_eq!(names(&r), vec!["Bo", "Dee"]);
        assert_eq!(
            rejected(&r),
            vec![
                "line 2: followers: “x” in “12x” is not a known unit; use K for thousands, M for millions or B for billions.",
                "line 5: followers: “oops” is not a number. Write it like 45000, 45,000, 12.5K or 1.2M.",
            ]
        );
        assert_eq!(r.skipped_empty, 2);
    }

    #[test]
    fn bad_rows_are_listed_with_their_line() {
        let text = "name,followers,platform,url,status,id\n\
                    Ann,45000,tiktok,,,\n\
                    ,100,,,,\n\
                    Bo,100,myspace,,,\n\
                    Cy,100,,javascript:alert(1),,\n\
                    Dee,100,,,maybe,\n\
                    Eve,100,,,,x1\n\
                    Fay,100,,,,x1\n\
                    Gus,100,,,,,extra\n\
                    Hal,-5,,,,\n\
                    Ivy,100,,,\n";
        let r = import(text);
        assert_eq!(names(&r), vec!["Ann", "Eve", "Ivy"]);
        let reasons = rejected(&r);
        let want_starts = [
            "line 3: the name is empty",
            "line 4: platform “myspace” is not one Microscope knows",
            "line 5: profile link “javascript:alert(1)” is not a web address",
            "line 6: status “maybe” is not one of",
            "line 8: id “x1” was already used on line 7",
            "line 9: the row has 7 cells but the header has 6; a value containing “,” must be in double quotes",
            "line 10: followers: “-5” is negative",
        ];
        assert_eq!(reasons.len(), want_starts.len(), "{reasons:#?}");
        for (got, want) in reasons.iter().zip(want_starts) {
            assert!(got.starts_with(want), "{got:?} should start with {want:?}");
        }
    }

    #[test]
    fn formula_marks_are_removed_from_text_only() {
        let text = "name,notes\n'-Ann-,'=SUM(A1)\n'@handle,'+1\n'Tis,''quoted\n";
        let r = import(text);
        let got: Vec<(&str, &str)> = r
            .creators
            .iter()
            .map(|c| (c.name.as_str(), c.notes.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("-Ann-", "=SUM(A1)"),
                ("@handle", "+1"),
                ("'Tis", "'quoted")
            ]
        );
    }

    #[test]
    fn platform_comes_from_the_link_when_missing() {
        let r = import(
            "name,link\nAnn,instagram.com/ann\nBo,https://youtu.be/x\nCy,https://example.com\n",
        );
        let got: Vec<Option<Platform>> = r.creators.iter().map(|c| c.platform).collect();
        assert_eq!(
            got,
            vec![Some(Platform::Instagram), Some(Platform::YouTube), None]
        );
    }

    #[test]
    fn unclosed_quote_is_reported_not_swallowed_silently() {
        let r = import("name,notes\nAnn,\"oops\nBo,x\nCy,y\n");
        assert!(r.creators.is_empty());
        assert_eq!(r.rejected.len(), 1);
        let reason = r
            .rejected
            .first()
            .map(|r| r.to_string())
            .unwrap_or_default();
        assert!(reason.starts_with("line 2: a double quote"), "{reason}");
        assert!(reason.contains("(4 lines)"), "{reason}");
    }

    #[test]
    fn fatal_errors() {
        let big = "a".repeat(MAX_BYTES + 1);
        let many = format!("name\n{}", "x\n".repeat(MAX_ROWS + 1));
        let cases: Vec<(String, ImportError)> = vec![
            (String::new(), ImportError::Empty),
            ("\u{feff}\r\n  \n".into(), ImportError::Empty),
            (
                big,
                ImportError::TooLarge {
                    bytes: MAX_BYTES + 1,
                },
            ),
            (many, ImportError::TooManyRows { rows: MAX_ROWS + 1 }),
            ("PK\u{3}\u{4}rest".into(), ImportError::NotText),
            ("name\0,x\n".into(), ImportError::NotText),
            ("name,\"notes\nAnn,x\n".into(), ImportError::HeaderQuote),
            (
                "followers,price\n1,2\n".into(),
                ImportError::NoNameColumn {
                    headers: vec!["followers".into(), "price".into()],
                },
            ),
        ];
        for (text, want) in cases {
            let got = ImportSession::new(text, 0.0).err();
            assert_eq!(got.as_ref(), Some(&want));
        }
        assert_eq!(
            ImportError::TooLarge { bytes: 23_500_000 }.to_string(),
            "The file is 22.4 MB; Microscope imports up to 20 MB at a time. Split it into smaller files and import them one after the other."
        );
        assert!(ImportError::TooManyRows { rows: 250_000 }
            .to_string()
            .starts_with("The file has 250,000 rows; Microscope imports up to 200,000"));
        // Exactly at the cap is fine.
        let at_cap = format!("name\n{}", "x\n".repeat(MAX_ROWS));
        assert!(ImportSession::new(at_cap, 0.0).is_ok());
    }

    #[test]
    fn preview_shows_mapping_and_rows_without_consuming() {
        let text = "Name,Followers,Subscribers,Colour,\nAnn,45K,,red,\nBo,zz,,,\n\nCy,1,,,\n";
        let Ok(session) = ImportSession::new(text, 5.0) else {
            panic!("session");
        };
        let p = session.preview(2);
        assert_eq!(p.delimiter, Delimiter::Comma);
        let mapping: Vec<(&str, Option<Field>, bool)> = p
            .columns
            .iter()
            .map(|c| (c.header.as_str(), c.field, c.note.is_some()))
            .collect();
        assert_eq!(
            mapping,
            vec![
                ("Name", Some(Field::Name), false),
                ("Followers", Some(Field::Followers), false),
                ("Subscribers", None, true),
                ("Colour", None, true),
                ("", None, true),
            ]
        );
        assert_eq!(
            p.columns
                .get(2)
                .and_then(|c| c.note.clone())
                .unwrap_or_default(),
            "ignored: column 2 (“Followers”) already gives the followers"
        );
        assert_eq!(p.rows.len(), 2);
        assert_eq!(p.rows.first().map(|r| r.line), Some(2));
        assert!(p
            .rows
            .get(1)
            .is_some_and(|r| r.line == 3 && r.result.is_err()));
        assert_eq!(p.total_rows, 3);
        let r = session.finish();
        assert_eq!(names(&r), vec!["Ann", "Cy"]);
        assert_eq!(r.rejected.len(), 1);
        assert_eq!(r.skipped_empty, 1);
    }

    #[test]
    fn remap_before_start_only() {
        let Ok(mut s) = ImportSession::new("Name,Followers,Subscribers\nAnn,1,2\n", 0.0) else {
            panic!("session");
        };
        assert_eq!(s.remap(2, Some(Field::Followers)), Ok(()));
        assert_eq!(s.columns().get(1).and_then(|c| c.field), None);
        assert_eq!(
            s.remap(0, None),
            Err(ImportError::NoNameColumn {
                headers: vec!["Name".into(), "Followers".into(), "Subscribers".into()]
            })
        );
        assert_eq!(s.remap(9, None), Err(ImportError::NoSuchColumn(9)));
        s.step(1);
        assert_eq!(s.remap(1, None), Err(ImportError::AlreadyStarted));
        let r = s.finish();
        assert_eq!(r.creators.first().and_then(|c| c.followers), Some(2));
    }

    #[test]
    fn steps_give_the_same_result_as_one_pass() {
        let mut text = String::from("name,followers,notes\n");
        for i in 0..1_000 {
            if i % 97 == 0 {
                text.push_str(&format!("bad{i},x{i},\n"));
            } else if i % 89 == 0 {
                text.push('\n');
            } else {
                text.push_str(&format!("n{i},{i},\"multi\nline\"\n"));
            }
        }
        let whole = import(&text);
        let Ok(mut s) = ImportSession::new(text.clone(), 1_000.0) else {
            panic!("session");
        };
        let mut last = s.progress();
        let mut steps = 0;
        while !last.finished {
            let p = s.step(64);
            assert!(p.consumed_bytes >= last.consumed_bytes);
            assert!(p.fraction() >= last.fraction());
            last = p;
            steps += 1;
        }
        assert!(steps > 10);
        assert_eq!(last.consumed_bytes, last.total_bytes);
        assert_eq!(last.done_rows, whole.creators.len() + whole.rejected.len());
        assert_eq!(last.total_rows, last.done_rows);
        let chunked = s.finish();
        assert_eq!(chunked, whole);
        assert_eq!(whole.rejected.len(), 11);
        // Row 97 is the second bad one. Before it: header (1 line), bad row 0 and empty row 89
        // (1 line each), 95 valid rows of 2 physical lines each: it starts on line 1 + 2 + 190 + 1.
        assert_eq!(whole.rejected.get(1).map(|r| r.line), Some(194));
    }

    #[test]
    fn fast_number_path() {
        let cases: &[(&str, Option<f64>)] = &[
            ("45000", Some(45_000.0)),
            ("99.5", Some(99.5)),
            ("0.1250", Some(0.125)),
            ("12.25", Some(12.25)),
            // Left to the general parser: three-digit groups, separators, units, blanks.
            ("1.234", None),
            ("1,5", None),
            ("12K", None),
            ("12.", None),
            (".5", None),
            ("", None),
            ("99999999999", None),
        ];
        for (text, want) in cases {
            assert_eq!(plain_decimal(text), *want, "{text:?}");
        }
        assert_eq!(amount_cell("1.234"), Ok(1_234.0));
        let tags: &[(&str, &[&str])] = &[
            ("food, diy", &["food", "diy"]),
            (" a ,, b,a ,", &["a", "b"]),
            ("Food; #DIY", &["food", "diy"]),
            ("", &[]),
        ];
        for (text, want) in tags {
            assert_eq!(tags_cell(text), *want, "{text:?}");
            assert_eq!(parse_tags(text), *want, "{text:?}");
        }
        let counts: &[(&str, Option<u64>)] = &[
            ("45000", Some(45_000)),
            ("45,000", Some(45_000)),
            ("1,234,567", Some(1_234_567)),
            ("12.5K", Some(12_500)),
            ("660.0K", Some(660_000)),
            ("1.2M", Some(1_200_000)),
            ("2b", Some(2_000_000_000)),
            ("1.2345K", Some(1_235)),
            ("0.0005K", Some(1)),
            // Left to the general parser.
            ("45,00", None),
            ("1234,567", None),
            (",123", None),
            ("12.5", None),
            ("12.K", None),
            (".5K", None),
            ("12 K", None),
            ("99B", None),
            ("10,000,000,001", None),
        ];
        for (text, want) in counts {
            let fast = plain_count(text)
                .or_else(|| grouped_count(text))
                .or_else(|| compact_count(text));
            assert_eq!(fast, *want, "{text:?}");
            if let Some(n) = want {
                assert_eq!(parse_count(text), Ok(*n), "{text:?}");
            }
        }
        assert_eq!(Platform::parse("TikTok"), Some(Platform::TikTok));
        assert_eq!(Platform::parse("Tik Tok"), Some(Platform::TikTok));
    }

    #[test]
    fn stepping_while_a_clock_allows_gives_the_same_result() {
        let mut text = String::from("name,followers\n");
        for i in 0..500 {
            text.push_str(&format!(
                "n{i},{}\n",
                if i % 50 == 0 { "x" } else { "12.5K" }
            ));
        }
        let whole = import(&text);
        let Ok(mut s) = ImportSession::new(text, 1_000.0) else {
            panic!("session");
        };
        let mut turns = 0;
        let mut batches = 0;
        loop {
            // A clock that runs out after three batches, as a time slice in the page does.
            let mut asked = 0;
            let p = s.step_while(40, |_| {
                asked += 1;
                asked < 3
            });
            batches += asked + usize::from(p.finished);
            turns += 1;
            if p.finished {
                break;
            }
            assert_eq!(p.done_rows, 120 * turns, "three batches of 40 per turn");
        }
        assert_eq!(turns, 5);
        assert_eq!(batches, 13);
        assert_eq!(s.finish(), whole);
        assert_eq!(whole.rejected.len(), 10);
    }

    /// The count before the speed-up, kept to check the fast one against.
    pub(super) fn count_rows_byte_by_byte(text: &str, delimiter: u8) -> usize {
        let mut rows = 0;
        let mut in_quotes = false;
        let mut has_content = false;
        for &b in text.as_bytes() {
            match b {
                b'"' => {
                    in_quotes = !in_quotes;
                    has_content = true;
                }
                b'\n' | b'\r' if !in_quotes => {
                    if has_content {
                        rows += 1;
                    }
                    has_content = false;
                }
                b'\n' | b'\r' | b' ' => {}
                d if d == delimiter => {}
                _ => has_content = true,
            }
        }
        rows + usize::from(has_content)
    }

    #[test]
    fn row_count_cases() {
        let cases: &[(&str, usize)] = &[
            ("", 0),
            ("a", 1),
            ("a\nb\n", 2),
            ("a\r\nb\rc", 3),
            (" , ,\n\n\r\n", 0),
            ("\"x\ny\"\nz\n", 2),
            ("\"unclosed\na\nb\n", 1),
            ("a,\"b\"\"c\nd\",e\nf", 2),
            ("\"\"\n\"\"", 2),
            (
                "0123456789abcdef\"0123456789\nabcdef\"\n0123456789abcdef\n",
                2,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(count_rows(text, b','), *want, "{text:?}");
            assert_eq!(count_rows_byte_by_byte(text, b','), *want, "{text:?}");
            for piece in [1, 2, 3, 7] {
                assert_eq!(count_rows_in_pieces(text, b',', piece), *want, "{text:?}");
            }
        }
        assert_eq!(count_rows("\t\t\na\tb\n", b'\t'), 1);
    }

    #[test]
    fn summary_wording() {
        let r = import("name,followers\nAnn,1\nBo,x\n\n");
        assert_eq!(
            r.summary(),
            "Imported 1 creator. 1 row was not imported. 1 empty line skipped."
        );
    }

    #[test]
    fn record_reader_edge_cases() {
        let cases: &[(&str, &[&[&str]])] = &[
            ("a,b", &[&["a", "b"]]),
            ("a,b,", &[&["a", "b", ""]]),
            ("\"a\"\"b\",c\n", &[&["a\"b", "c"]]),
            ("\"a,b\"x,c\r\n", &[&["a,bx", "c"]]),
            ("a\"b,c", &[&["a\"b", "c"]]),
            ("\"\",\"\"\"\"", &[&["", "\""]]),
            ("a\r\rb", &[&["a"], &[""], &["b"]]),
            ("\"x\r\ny\"\nz", &[&["x\r\ny"], &["z"]]),
        ];
        for (text, want) in cases {
            let mut cursor = Cursor { pos: 0, line: 1 };
            let mut cells = Vec::new();
            let mut got: Vec<Vec<String>> = Vec::new();
            while read_record(text, &mut cursor, b',', &mut cells).is_some() {
                got.push(cells.iter().map(|c| c.to_string()).collect());
            }
            let want: Vec<Vec<String>> = want
                .iter()
                .map(|r| r.iter().map(|s| s.to_string()).collect())
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn fast_number_path_agrees_with_the_parser(s in "[0-9]{1,11}(\\.[0-9]{1,6})?") {
            if let Some(fast) = plain_decimal(&s) {
                prop_assert_eq!(Ok(fast), parse_amount(&s));
            }
            if let Ok(n) = count_cell(&s) {
                prop_assert_eq!(Ok(n), parse_count(&s));
            }
        }

        #[test]
        fn fast_count_paths_agree_with_the_parser(
            s in "[0-9]{1,4}(,[0-9]{1,4}){0,4}|[0-9]{0,13}(\\.[0-9]{0,13})?[kKmMbBx]?"
        ) {
            let fast = plain_count(&s).or_else(|| grouped_count(&s)).or_else(|| compact_count(&s));
            if let Some(n) = fast {
                prop_assert_eq!(Ok(n), parse_count(&s));
            }
            prop_assert_eq!(count_cell(&s), parse_count(&s));
        }

        #[test]
        fn fast_tags_agree_with_parse_tags(s in "[a-zA-Z0-9 ,;|#_\\-\t\né]{0,40}") {
            prop_assert_eq!(tags_cell(&s), parse_tags(&s));
        }

        #[test]
        fn fast_row_count_agrees_with_the_byte_loop(
            s in "[\",;\t\r\n a-z0-9]{0,120}",
            piece in 1usize..12,
        ) {
            for d in [b',', b';', b'\t'] {
                let want = tests::count_rows_byte_by_byte(&s, d);
                prop_assert_eq!(count_rows(&s, d), want);
                prop_assert_eq!(count_rows_in_pieces(&s, d, piece), want);
            }
        }

        #[test]
        fn never_panics_on_any_text(s in "\\PC{0,200}") {
            if let Ok(session) = ImportSession::new(s, 0.0) {
                let _ = session.preview(5);
                let _ = session.finish();
            }
        }

        #[test]
        fn never_panics_on_csv_like_text(s in "[\",;\t\r\n'=@a-z0-9 é€\u{feff}]{0,300}") {
            let text = format!("name,followers,notes,url\n{s}");
            if let Ok(mut session) = ImportSession::new(text, 0.0) {
                let _ = session.preview(3);
                while !session.step(7).finished {}
                let report = session.finish();
                for r in &report.rejected {
                    prop_assert!(r.line >= 2);
                }
            }
        }

        #[test]
        fn every_row_is_accounted_for(rows in proptest::collection::vec("[a-z,0-9 ]{0,12}", 0..40)) {
            let text: String = std::iter::once("name,followers")
                .chain(rows.iter().map(String::as_str))
                .flat_map(|r| [r, "\n"])
                .collect();
            if let Ok(session) = ImportSession::new(text, 0.0) {
                let r = session.finish();
                prop_assert_eq!(r.creators.len() + r.rejected.len() + r.skipped_empty, rows.len());
            }
        }
    }
}
