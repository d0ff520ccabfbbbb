//! Writing CSV cells and rows the way every export of the app does: RFC 4180 quoting, CRLF line
//! ends, and the formula-injection guard. The shortlist export (`io::csv_export`) and the
//! campaign's exports (the deliverables calendar) share it, so a file opened in a spreadsheet is
//! safe whichever list it came from.
//!
//! Formula injection: a cell starting with `=` `+` `-` `@` tab or CR would be run as a formula by a
//! spreadsheet (a creator named "=HYPERLINK(...)" could exfiltrate data when the file is opened).
//! Such a cell gets a leading apostrophe, which spreadsheets treat as "this is text". A cell
//! already starting with an apostrophe gets one more, so the importer can remove exactly one
//! (`csv_import::unneutralise`) and names like "-Ann-", "@handle" or "'Tis" round-trip unchanged.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// A row of a CSV file that was not read, by its physical line in the file (the header is line 1
/// in a usual file) and why. The creators import reports them (`csv_import::RejectedRow`); an
/// orders file keeps them with the campaign (`attribution::UnreadableRow`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectedRow {
    pub line: usize,
    pub reason: String,
}

impl std::fmt::Display for RejectedRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

/// Writes one row of `cells` (each guarded and quoted) and its CRLF.
pub fn write_row<I, S>(out: &mut String, delimiter: char, cells: I)
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    for (i, value) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(delimiter);
        }
        push_cell(out, &neutralise(value.as_ref()), delimiter);
    }
    out.push_str("\r\n");
}

/// The apostrophe guard described in the module comment.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// RFC 4180: quoted when the cell holds the delimiter, a quote or a line break; quotes doubled.
pub fn push_cell(out: &mut String, cell: &str, delimiter: char) {
    if cell.contains([delimiter, '"', '\r', '\n']) {
        out.push('"');
        for ch in cell.chars() {
            if ch == '"' {
                out.push('"');
            }
            out.push(ch);
        }
        out.push('"');
    } else {
        out.push_str(cell);
    }
}
