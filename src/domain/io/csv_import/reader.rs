//! The CSV tokenizer: RFC 4180 records with spreadsheet leniency, line numbers kept, and a fast row count.

use std::borrow::Cow;

use crate::creator::record::trim;

use super::Delimiter;

/// A position in the text: byte offset and the physical line (1-based) it lies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Cursor {
    pub(super) pos: usize,
    pub(super) line: usize,
}

/// NUL bytes never occur in text a person pastes or a spreadsheet writes as CSV; a zip (xlsx) starts with "PK".
pub(super) fn looks_binary(body: &str) -> bool {
    let head = body.as_bytes().get(..4096).unwrap_or(body.as_bytes());
    head.starts_with(b"PK\x03\x04") || head.contains(&0)
}

pub(super) fn skip_blank_lines(text: &str, cursor: &mut Cursor) {
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

/// Where a CSV text's data starts, as both imports (creators, orders) open it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Opening {
    /// The data's first byte after a byte-order mark.
    pub(super) start: usize,
    /// Just after the header row.
    pub(super) cursor: Cursor,
    pub(super) delimiter: Delimiter,
    /// The header row's cells, trimmed, formula marks removed.
    pub(super) headers: Vec<String>,
    /// Records after the header ([`count_rows`]).
    pub(super) total_rows: usize,
}

/// Why a text can't be opened as CSV; each import words it (`limits::from_unopened`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unopened {
    /// Over an import's byte limit (only from `limits::Limits`).
    TooLarge {
        bytes: usize,
    },
    /// Over an import's row limit (only from `limits::Limits`).
    TooManyRows {
        rows: usize,
    },
    NotText,
    Empty,
    /// The header row opens a quote it never closes (every row would vanish into it).
    HeaderQuote,
}

/// Opens a CSV text: skips a byte-order mark and blank lines, takes the delimiter from Excel's
/// "sep=;" first line or else from the header, reads the header row and counts the rows after it.
pub(super) fn open(text: &str) -> Result<Opening, Unopened> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    if looks_binary(text.get(start..).unwrap_or("")) {
        return Err(Unopened::NotText);
    }
    let mut cursor = Cursor {
        pos: start,
        line: 1,
    };
    skip_blank_lines(text, &mut cursor);
    if cursor.pos >= text.len() {
        return Err(Unopened::Empty);
    }
    let delimiter = match sep_line(text, &mut cursor) {
        Some(d) => d,
        None => detect_delimiter(text.get(cursor.pos..).unwrap_or("")),
    };
    skip_blank_lines(text, &mut cursor);
    let mut cells: Vec<Cow<str>> = Vec::new();
    match read_record(text, &mut cursor, delimiter.byte(), &mut cells) {
        None => return Err(Unopened::Empty),
        Some(meta) if meta.unclosed_quote => return Err(Unopened::HeaderQuote),
        Some(_) => {}
    }
    let headers = cells
        .iter()
        .map(|c| unneutralise(c.trim()).to_string())
        .collect();
    let total_rows = count_rows(text.get(cursor.pos..).unwrap_or(""), delimiter.byte());
    Ok(Opening {
        start,
        cursor,
        delimiter,
        headers,
        total_rows,
    })
}

/// Consumes a first line "sep=X" and returns its delimiter.
pub(super) fn sep_line(text: &str, cursor: &mut Cursor) -> Option<Delimiter> {
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
pub(super) fn detect_delimiter(text: &str) -> Delimiter {
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

/// Counts the non-empty records left, outside quotes, without building them: fast enough to run on
/// 20 MB before the import starts, so the row cap is known up front (and the preview shows it).
pub(super) fn count_rows(text: &str, delimiter: u8) -> usize {
    count_rows_in_pieces(text, delimiter, 1 << 16)
}

/// The count done by calls over about `piece` bytes each: the browser first runs wasm through a
/// quick compiler and its optimised code only serves calls that start after it is ready, so a
/// single call over 20 MB would run the slow code to the end. The calls go through
/// [`not_inlined`]: the release build's optimiser otherwise inlined `count_rows_from` into its
/// only caller, making the whole count one call again (measured: 3 to 5 times slower in Chromium).
pub(super) fn count_rows_in_pieces(text: &str, delimiter: u8, piece: usize) -> usize {
    let bytes = text.as_bytes();
    let count: fn(&[u8], usize, u8, usize) -> (usize, usize) = not_inlined(count_rows_from);
    let mut rows = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (n, next) = count(bytes, i, delimiter, i.saturating_add(piece.max(1)));
        rows += n;
        i = next;
    }
    rows
}

/// `f`, hidden from the optimisers so that calls through it stay calls: a loop meant to be run in
/// pieces (see [`count_rows_in_pieces`]) must remain a function of its own in the wasm.
pub fn not_inlined<F>(f: F) -> F {
    std::hint::black_box(f)
}

/// Words of 8 bytes, for scanning 8 bytes per step (SWAR: "SIMD within a register").
const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `w` that equals `b`'s byte in `b * ONES`: exact for the lowest
/// such byte (a borrow can only mark bytes above a true match), which is all a scan needs.
#[inline(always)]
fn matches(w: u64, pattern: u64) -> u64 {
    let x = w ^ pattern;
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// The position of the first byte at or after `i` that is `a`, `b` or `c`; `bytes.len()` when
/// none is. Eight bytes per step, then byte by byte for the last few: a cell's text is skipped
/// about three times faster than by testing each byte (CSV cells hold 5 to 50 bytes).
#[inline]
pub(super) fn find3(bytes: &[u8], mut i: usize, a: u8, b: u8, c: u8) -> usize {
    let (pa, pb, pc) = (
        ONES * u64::from(a),
        ONES * u64::from(b),
        ONES * u64::from(c),
    );
    while let Some(chunk) = bytes.get(i..i + 8) {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let w = u64::from_le_bytes(word);
        let hits = matches(w, pa) | matches(w, pb) | matches(w, pc);
        if hits != 0 {
            return i + (hits.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&x) = bytes.get(i) {
        if x == a || x == b || x == c {
            return i;
        }
        i += 1;
    }
    bytes.len()
}

/// Counts records from `i`, stopping at the first record start at or after `stop`; returns the
/// count and where it stopped (`bytes.len()` at the end).
///
/// A record counts once it has anything but spaces and delimiters; it then runs to the next line
/// break outside double quotes. Between quotes and line breaks the text is skipped 8 bytes at a
/// time ([`find3`]).
#[inline(never)]
pub(super) fn count_rows_from(
    bytes: &[u8],
    mut i: usize,
    delimiter: u8,
    stop: usize,
) -> (usize, usize) {
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
            i = find3(bytes, i, b'"', b'\n', b'\r');
            match bytes.get(i) {
                None => return (rows, len),
                Some(b'"') => {
                    // Line breaks up to the closing quote belong to the cell.
                    i = find3(bytes, i + 1, b'"', b'"', b'"');
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
pub(super) struct RecordMeta {
    /// Physical line the record starts on.
    pub(super) line: usize,
    /// A quoted cell ran to the end of the text.
    pub(super) unclosed_quote: bool,
}

/// Reads one record at `cursor` into `cells` and moves the cursor past it; `None` at the end.
///
/// RFC 4180 with the leniency spreadsheets show: `""` inside quotes is one quote; line breaks
/// inside quotes are kept; CRLF, LF and a lone CR all end a record; text after a closing quote is
/// kept (`"ab"c` is `abc`); a quote inside an unquoted cell is an ordinary character.
///
/// Cells are slices of `text` (borrowed, never copied) unless a `""` or text after the closing
/// quote must be joined; the text between the bytes that matter is skipped 8 bytes at a time
/// ([`find3`]). Tests check it against a byte-by-byte reader kept for that purpose.
pub(super) fn read_record<'a>(
    text: &'a str,
    cursor: &mut Cursor,
    delimiter: u8,
    cells: &mut Vec<Cow<'a, str>>,
) -> Option<RecordMeta> {
    if cursor.pos >= text.len() {
        return None;
    }
    cells.clear();
    let line = cursor.line;
    let mut unclosed_quote = false;
    let mut i = cursor.pos;
    loop {
        let (cell, end) = cell_at(text, i, cursor, delimiter, &mut unclosed_quote);
        cells.push(cell);
        match next_cell(text.as_bytes(), end, cursor, cells) {
            Some(next) => i = next,
            None => break,
        }
    }
    Some(RecordMeta {
        line,
        unclosed_quote,
    })
}

/// Reads one record like [`read_record`], but builds only the cells `wanted` marks (by column):
/// the others are skipped without being unescaped or copied, and everything after the last
/// wanted column is skipped in steps of 8 bytes, delimiters and all, once the record is known
/// not to be blank. `cells` gets one entry per column up to the last wanted one (an empty one
/// for a column not wanted), fewer when the record is shorter. Returns the record's facts and
/// whether it is blank ([`is_empty_record`] of all its cells, read or not).
///
/// An orders export has 79 columns and the attribution reads 8 of them (issue #17's
/// performance budget); the property test checks it against [`read_record`].
pub(super) fn read_record_wanted<'a>(
    text: &'a str,
    cursor: &mut Cursor,
    delimiter: u8,
    wanted: &[bool],
    cells: &mut Vec<Cow<'a, str>>,
) -> Option<(RecordMeta, bool)> {
    let bytes = text.as_bytes();
    if cursor.pos >= bytes.len() {
        return None;
    }
    cells.clear();
    let line = cursor.line;
    let mut unclosed_quote = false;
    let mut blank = true;
    let mut i = cursor.pos;
    let mut column = 0;
    loop {
        let want = wanted.get(column).copied();
        if want.is_none() && !blank {
            skip_rest(bytes, i, cursor, delimiter, &mut unclosed_quote);
            break;
        }
        let end = if want == Some(true) || blank {
            let (cell, end) = cell_at(text, i, cursor, delimiter, &mut unclosed_quote);
            blank = blank && trim(&cell).is_empty();
            if want.is_some() {
                cells.push(if want == Some(true) {
                    cell
                } else {
                    Cow::Borrowed("")
                });
            }
            end
        } else {
            cells.push(Cow::Borrowed(""));
            skip_cell(bytes, i, cursor, delimiter, &mut unclosed_quote)
        };
        match after_cell(bytes, end, cursor) {
            After::Next(next) => {
                i = next;
                column += 1;
            }
            After::End => break,
            After::EndAfterDelimiter => {
                if column + 1 < wanted.len() {
                    cells.push(Cow::Borrowed(""));
                }
                break;
            }
        }
    }
    Some((
        RecordMeta {
            line,
            unclosed_quote,
        },
        blank,
    ))
}

/// The cell starting at `i`, and where it ends (a delimiter, a line break or the end of the
/// text). Line breaks inside quotes move `cursor.line`; a quote never closed sets `unclosed`
/// and the cell runs to the end.
#[inline(always)]
fn cell_at<'a>(
    text: &'a str,
    mut i: usize,
    cursor: &mut Cursor,
    delimiter: u8,
    unclosed: &mut bool,
) -> (Cow<'a, str>, usize) {
    let bytes = text.as_bytes();
    let len = bytes.len();
    // Every index used to slice below sits on an ASCII byte or at the end, so on a char boundary.
    let slice = |a: usize, b: usize| text.get(a..b).unwrap_or("");
    if bytes.get(i) != Some(&b'"') {
        let start = i;
        i = find3(bytes, i, delimiter, b'\n', b'\r');
        return (Cow::Borrowed(slice(start, i)), i);
    }
    i += 1;
    let mut seg = i;
    let mut owned: Option<String> = None;
    loop {
        i = find3(bytes, i, b'"', b'\n', b'\r');
        match bytes.get(i) {
            None => {
                *unclosed = true;
                let piece = slice(seg, len);
                let cell = match owned.take() {
                    Some(mut s) => {
                        s.push_str(piece);
                        Cow::Owned(s)
                    }
                    None => Cow::Borrowed(piece),
                };
                return (cell, len);
            }
            Some(b'"') if bytes.get(i + 1) == Some(&b'"') => {
                owned
                    .get_or_insert_with(String::new)
                    .push_str(slice(seg, i + 1));
                i += 2;
                seg = i;
            }
            Some(b'"') => {
                let piece = slice(seg, i);
                i += 1;
                let tail_start = i;
                i = find3(bytes, i, delimiter, b'\n', b'\r');
                let tail = slice(tail_start, i);
                let cell = match owned.take() {
                    None if tail.is_empty() => Cow::Borrowed(piece),
                    other => {
                        let mut s = other.unwrap_or_default();
                        s.push_str(piece);
                        s.push_str(tail);
                        Cow::Owned(s)
                    }
                };
                return (cell, i);
            }
            Some(b) => {
                line_break_in_quotes(bytes, i, *b, cursor);
                i += 1;
            }
        }
    }
}

/// A line break inside quotes at `i`: a lone CR ends a line; in CRLF the LF counts it.
#[inline(always)]
fn line_break_in_quotes(bytes: &[u8], i: usize, b: u8, cursor: &mut Cursor) {
    if b == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
        cursor.line += 1;
    }
}

/// Where the cell starting at `i` ends, as [`cell_at`] finds it, without building it.
#[inline(always)]
fn skip_cell(
    bytes: &[u8],
    mut i: usize,
    cursor: &mut Cursor,
    delimiter: u8,
    unclosed: &mut bool,
) -> usize {
    if bytes.get(i) == Some(&b'"') {
        i = skip_quoted(bytes, i + 1, cursor, unclosed);
    }
    find3(bytes, i, delimiter, b'\n', b'\r')
}

/// From just inside an opening quote to just after its closing quote (`""` pairs skipped, line
/// breaks counted); the end of the text when it never closes.
#[inline(always)]
fn skip_quoted(bytes: &[u8], mut i: usize, cursor: &mut Cursor, unclosed: &mut bool) -> usize {
    loop {
        i = find3(bytes, i, b'"', b'\n', b'\r');
        match bytes.get(i) {
            None => {
                *unclosed = true;
                return bytes.len();
            }
            Some(b'"') if bytes.get(i + 1) == Some(&b'"') => i += 2,
            Some(b'"') => return i + 1,
            Some(&b) => {
                line_break_in_quotes(bytes, i, b, cursor);
                i += 1;
            }
        }
    }
}

/// Skips the rest of a record from the start of a cell at `i` and moves the cursor past it.
/// Only quotes and line breaks are looked at: a quote right after a delimiter (or at `i`) opens
/// a quoted cell, skipped to its closing quote; any other quote is an ordinary character; the
/// first line break outside quotes ends the record. The same end as [`read_record`] finds.
fn skip_rest(bytes: &[u8], mut i: usize, cursor: &mut Cursor, delimiter: u8, unclosed: &mut bool) {
    let mut cell_start = i;
    loop {
        i = find3(bytes, i, b'"', b'\n', b'\r');
        match bytes.get(i) {
            None => {
                cursor.pos = bytes.len();
                return;
            }
            Some(b'"') => {
                let opens = i == cell_start
                    || i.checked_sub(1).and_then(|j| bytes.get(j)) == Some(&delimiter);
                i = if opens {
                    skip_quoted(bytes, i + 1, cursor, unclosed)
                } else {
                    i + 1
                };
                cell_start = usize::MAX;
            }
            Some(_) => {
                let _ = after_cell(bytes, i, cursor);
                return;
            }
        }
    }
}

/// After a cell of a record whose every cell is kept: where the next cell starts, or `None` at
/// the end of the record (an empty last cell added after a delimiter that ends the text).
#[inline(always)]
fn next_cell(
    bytes: &[u8],
    end: usize,
    cursor: &mut Cursor,
    cells: &mut Vec<Cow<str>>,
) -> Option<usize> {
    match after_cell(bytes, end, cursor) {
        After::Next(next) => Some(next),
        After::End => None,
        After::EndAfterDelimiter => {
            cells.push(Cow::Borrowed(""));
            None
        }
    }
}

/// What follows a cell.
enum After {
    /// A delimiter: the next cell starts here.
    Next(usize),
    /// The record ended (a line break or the end of the text); the cursor is past it.
    End,
    /// A delimiter was the text's last byte: one more, empty, cell ends the record.
    EndAfterDelimiter,
}

/// The byte at `i` ends a cell: a delimiter, a line break (CRLF, LF or a lone CR) or the end.
/// At the end of the record, moves the cursor past it.
#[inline(always)]
fn after_cell(bytes: &[u8], mut i: usize, cursor: &mut Cursor) -> After {
    let len = bytes.len();
    match bytes.get(i) {
        None => {
            cursor.pos = len;
            After::End
        }
        Some(b'\n') => {
            cursor.line += 1;
            cursor.pos = i + 1;
            After::End
        }
        Some(b'\r') => {
            i += 1;
            if bytes.get(i) == Some(&b'\n') {
                i += 1;
            }
            cursor.line += 1;
            cursor.pos = i;
            After::End
        }
        Some(_) => {
            // A delimiter: another cell follows, even if the text ends here.
            i += 1;
            if i >= len {
                cursor.pos = len;
                After::EndAfterDelimiter
            } else {
                After::Next(i)
            }
        }
    }
}

pub(super) fn is_empty_record(cells: &[Cow<str>]) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The reader before the 8-bytes-a-step scan (issue 19), kept to check the fast one against.
    pub(super) fn read_record_byte_by_byte<'a>(
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
            // What ends a cell is shared with the fast reader: the scans differ, not this.
            match next_cell(bytes, i, cursor, cells) {
                Some(next) => i = next,
                None => break,
            }
        }
        Some(RecordMeta {
            line: meta_line,
            unclosed_quote,
        })
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
    fn find3_finds_the_first_of_three_bytes_at_every_offset() {
        // Every position of the byte in a 24-byte text, from every start: the 8-byte steps and
        // the byte-by-byte tail must agree with a plain search. 0x80 and 0xFF test the borrow.
        for target in [b',', b'\n', b'\r', b'"'] {
            for at in 0..24 {
                let mut bytes = vec![b'a'; 24];
                bytes[(at + 5) % 24] = 0x80;
                bytes[(at + 11) % 24] = 0xFF;
                bytes[at] = target;
                for from in 0..=24 {
                    let want = bytes
                        .iter()
                        .skip(from)
                        .position(|&b| b == b',' || b == b'\n' || b == b'\r')
                        .map_or(24, |p| p + from);
                    assert_eq!(
                        find3(&bytes, from, b',', b'\n', b'\r'),
                        want,
                        "{target} at {at} from {from}"
                    );
                }
            }
        }
        assert_eq!(find3(b"", 0, b'a', b'b', b'c'), 0);
        assert_eq!(find3(b"abc", 7, b'a', b'b', b'c'), 3);
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
            let mut slow = cursor;
            let mut slow_cells = Vec::new();
            while let Some(meta) = read_record(text, &mut cursor, b',', &mut cells) {
                got.push(cells.iter().map(|c| c.to_string()).collect());
                // The byte-by-byte reader agrees, cell for cell.
                let slow_meta = read_record_byte_by_byte(text, &mut slow, b',', &mut slow_cells);
                assert_eq!(slow_meta, Some(meta), "{text:?}");
                assert_eq!((slow, &slow_cells), (cursor, &cells), "{text:?}");
            }
            let want: Vec<Vec<String>> = want
                .iter()
                .map(|r| r.iter().map(|s| s.to_string()).collect())
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
    }
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
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

        /// Issue 19: the reader that skips 8 bytes a step gives the same cells, line numbers and
        /// unclosed-quote flags as the byte-by-byte one, on text full of what makes CSV tricky:
        /// quotes, doubled quotes, CRLF, lone CR, line breaks inside quotes, empty trailing cells,
        /// delimiters of each kind and non-ASCII text around them.
        #[test]
        fn fast_reader_agrees_with_the_byte_loop(s in "(\"|\"\"|,|;|\t|\r\n|\r|\n| |é|€|[a-h]{1,12}|'=x){0,60}") {
            for d in [b',', b';', b'\t'] {
                let (mut fast, mut slow) = (Cursor { pos: 0, line: 1 }, Cursor { pos: 0, line: 1 });
                let (mut a, mut b) = (Vec::new(), Vec::new());
                loop {
                    let got = read_record(&s, &mut fast, d, &mut a);
                    let want = tests::read_record_byte_by_byte(&s, &mut slow, d, &mut b);
                    prop_assert_eq!(got, want);
                    prop_assert_eq!(fast, slow);
                    prop_assert_eq!(&a, &b);
                    if got.is_none() {
                        break;
                    }
                }
            }
        }

        /// Issue #17: reading only the wanted columns gives, for each of them, the cell
        /// [`read_record`] gives, an empty cell for the others, the same record ends, line numbers
        /// and unclosed-quote flags, and whether the record is blank, on the same tricky text.
        #[test]
        fn reading_wanted_columns_agrees_with_the_full_reader(
            s in "(\"|\"\"|,|;|\t|\r\n|\r|\n| |é|€|[a-h]{1,12}|'=x){0,60}",
            wanted in proptest::collection::vec(any::<bool>(), 0..8),
        ) {
            for d in [b',', b';', b'\t'] {
                let (mut part, mut full) = (Cursor { pos: 0, line: 1 }, Cursor { pos: 0, line: 1 });
                let (mut a, mut b) = (Vec::new(), Vec::new());
                loop {
                    let got = read_record_wanted(&s, &mut part, d, &wanted, &mut a);
                    let want = read_record(&s, &mut full, d, &mut b);
                    prop_assert_eq!(got.map(|g| g.0), want);
                    prop_assert_eq!(part, full);
                    let Some((_, blank)) = got else { break };
                    prop_assert_eq!(blank, is_empty_record(&b));
                    let expected: Vec<Cow<str>> = b
                        .iter()
                        .take(wanted.len())
                        .enumerate()
                        .map(|(i, c)| if wanted[i] { c.clone() } else { Cow::Borrowed("") })
                        .collect();
                    prop_assert_eq!(&a, &expected);
                }
            }
        }
    }
}
