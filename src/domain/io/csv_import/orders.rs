//! An orders file (a shop's export) read through the same tokenizer and encoding detection as
//! the creator import, in steps so 80,000 rows never freeze the page: [`OrdersSession::from_file`]
//! decodes and finds the columns, [`OrdersSession::preview`] shows the first orders as they will
//! be read, [`OrdersSession::remap`] lets the user correct a column, [`OrdersSession::step_while`]
//! reads rows between frames, and [`OrdersSession::finish`] returns the campaign's stored summary
//! (`campaign::attribution::OrdersFile`). What a row means is `campaign::attribution`'s business;
//! this file only turns bytes into cells.

use std::borrow::Cow;
use std::collections::HashSet;

use thiserror::Error;

use crate::campaign::attribution::{
    map_columns, OrderColumns, OrdersFile, OrdersReader, PreviewOrder, Role,
};
use crate::io::encoding::{Encoding, EncodingError};
use crate::text::format::group_thousands;

use super::limits::{from_unopened, Limits, Reading};
use super::reader::read_record_wanted;
use super::{Delimiter, Progress, Steps};

/// A shop's export is larger than a creator list: 50,000 orders with line items and addresses
/// take about 30 MB.
pub const MAX_ORDER_BYTES: usize = 100 * 1024 * 1024;
/// Most data rows read at once.
pub const MAX_ORDER_ROWS: usize = 1_000_000;
const LIMITS: Limits = Limits {
    bytes: MAX_ORDER_BYTES,
    rows: MAX_ORDER_ROWS,
};
/// Rows read for the preview at most.
const PREVIEW_ROWS: usize = 200;

/// Why an orders file can't be read. Shown to the user as is.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OrdersImportError {
    #[error("The file is empty.")]
    Empty,
    #[error("The file is {} MB; Microscope reads orders files up to 100 MB. Export a shorter period (e.g. the campaign's months) and import that.", (.bytes + 524_288) / 1_048_576)]
    TooLarge { bytes: usize },
    #[error("The file has {} rows; Microscope reads up to {} at a time. Export a shorter period and import that.", group_thousands(*.rows as u64), group_thousands(MAX_ORDER_ROWS as u64))]
    TooManyRows { rows: usize },
    #[error("This doesn't look like text: it may be an Excel workbook (.xlsx). Export the orders as CSV (in Shopify: Orders › Export › CSV for Excel, Numbers, or other spreadsheet programs) and import that file.")]
    NotText,
    #[error("{0}")]
    Encoding(#[from] EncodingError),
    #[error("The header row opens a double quote (\") that is never closed, so the whole file would be read as one row. Remove the stray quote from the first line.")]
    HeaderQuote,
    #[error("{0}")]
    Missing(String),
    #[error("The columns can't change once the import has started.")]
    AlreadyStarted,
}

from_unopened!(OrdersImportError);

/// What the import will do, shown before anything is saved.
#[derive(Debug, Clone, PartialEq)]
pub struct OrdersPreview {
    pub delimiter: Delimiter,
    pub encoding: Option<Encoding>,
    pub encoding_warning: Option<String>,
    pub columns: OrderColumns,
    /// Why the import can't start: a required column is missing (named).
    pub missing: Vec<String>,
    /// The first orders, read as the import will read them.
    pub orders: Vec<PreviewOrder>,
    pub total_rows: usize,
}

/// An orders import in progress. Owns the text so it can live across animation frames.
#[derive(Debug, Clone)]
pub struct OrdersSession {
    name: String,
    reading: Reading,
    reader: OrdersReader,
}

impl OrdersSession {
    /// Decodes a file's bytes (see `io::encoding`) and finds its columns.
    pub fn from_file(name: &str, bytes: Vec<u8>) -> Result<OrdersSession, OrdersImportError> {
        let opened = LIMITS.read_file::<OrdersImportError>(bytes)?;
        Ok(Self::start(name, opened))
    }

    /// Text already decoded (tests, benches).
    pub fn from_text(name: &str, text: String) -> Result<OrdersSession, OrdersImportError> {
        Ok(Self::start(name, LIMITS.read_text(text)?))
    }

    fn start(name: &str, (reading, headers): (Reading, Vec<String>)) -> OrdersSession {
        OrdersSession {
            name: name.trim().to_string(),
            reading,
            reader: OrdersReader::new(map_columns(&headers)),
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn columns(&self) -> &OrderColumns {
        self.reader.columns()
    }

    /// Column `index` gives `role` (or nothing); only before the import starts.
    pub fn remap(&mut self, index: usize, role: Option<Role>) -> Result<(), OrdersImportError> {
        if self.reading.started {
            return Err(OrdersImportError::AlreadyStarted);
        }
        let mut columns = self.reader.columns().clone();
        columns.set(index, role);
        self.reader = OrdersReader::new(columns);
        Ok(())
    }

    /// Why the import can't start yet: a required column (code, total, date) is missing.
    pub fn ready(&self) -> Result<(), OrdersImportError> {
        match self.columns().missing().first() {
            Some(role) => Err(OrdersImportError::Missing(role.missing_message())),
            None => Ok(()),
        }
    }

    /// The first `n` orders, read as the import will read them; nothing is consumed.
    pub fn preview(&self, n: usize) -> OrdersPreview {
        let mut reader = OrdersReader::new(self.columns().clone());
        let wanted = self.columns().wanted();
        let mut cursor = self.reading.data_start;
        let mut cells: Vec<Cow<str>> = Vec::new();
        let mut rows = 0;
        while rows < PREVIEW_ROWS {
            let Some((meta, blank)) = read_record_wanted(
                &self.reading.text,
                &mut cursor,
                self.reading.delimiter.byte(),
                &wanted,
                &mut cells,
            ) else {
                break;
            };
            if blank {
                continue;
            }
            rows += 1;
            reader.row(meta.line, &cells);
            // One more order than shown has started: the last shown one is complete.
            if reader.preview(n + 1).len() > n {
                break;
            }
        }
        OrdersPreview {
            delimiter: self.reading.delimiter,
            encoding: self.reading.encoding,
            encoding_warning: self.reading.encoding_warning.clone(),
            columns: self.columns().clone(),
            missing: self
                .columns()
                .missing()
                .iter()
                .map(|r| r.missing_message())
                .collect(),
            orders: reader.preview(n),
            total_rows: self.reading.total_rows,
        }
    }

    /// Reads whatever is left and sorts the orders out against the campaign's codes (upper
    /// case); `now_ms` dates the import.
    pub fn finish(mut self, codes: &HashSet<String>, now_ms: f64) -> OrdersFile {
        while !self.reading.finished {
            self.step(usize::MAX);
        }
        self.reader.finish(&self.name, now_ms, codes)
    }
}

impl Steps for OrdersSession {
    /// Reads up to `max_rows` more lines.
    fn step(&mut self, max_rows: usize) -> Progress {
        let reading = &mut self.reading;
        reading.started = true;
        // Only the cells the attribution reads are built (8 of a Shopify export's 79 columns).
        let wanted = self.reader.columns().wanted();
        let mut cells: Vec<Cow<str>> = Vec::new();
        let mut handled = 0;
        while handled < max_rows && !reading.finished {
            let Some((meta, blank)) = read_record_wanted(
                &reading.text,
                &mut reading.cursor,
                reading.delimiter.byte(),
                &wanted,
                &mut cells,
            ) else {
                reading.finished = true;
                break;
            };
            handled += 1;
            if blank {
                continue;
            }
            reading.done_rows += 1;
            self.reader.row(meta.line, &cells);
        }
        reading.end_step()
    }

    fn progress(&self) -> Progress {
        self.reading.progress()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(list: &[&str]) -> HashSet<String> {
        list.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn a_shopify_export_in_steps() {
        let text = "\u{feff}Name,Email,Financial Status,Currency,Total,Discount Code,Created at,Lineitem name,Refunded Amount,Cancelled at\r\n\
            #1001,a@x.com,paid,USD,113.00,ANN15,2025-03-04 10:00:00 -0500,\"Serum, 30 ml\",0.00,\r\n\
            #1001,a@x.com,,,,,2025-03-04 10:00:00 -0500,Cream,,\r\n\
            \r\n\
            #1002,b@x.com,paid,USD,20.00,summer,2025-03-05 10:00:00 -0500,Soap,0.00,\r\n";
        let s = OrdersSession::from_text("orders_export.csv", text.to_string());
        assert!(s.is_ok(), "{s:?}");
        let Ok(mut s) = s else { return };
        assert_eq!(s.ready(), Ok(()));
        let p = s.preview(5);
        assert_eq!((p.total_rows, p.orders.len()), (3, 2));
        assert!(p.columns.shopify && p.missing.is_empty());
        let first = s.step(1);
        assert!(!first.finished && first.done_rows == 1);
        assert_eq!(s.remap(0, None), Err(OrdersImportError::AlreadyStarted));
        let f = s.finish(&codes(&["ANN15"]), 9.0);
        assert_eq!((f.rows, f.orders, f.matched.len()), (3, 2, 1));
        assert_eq!(f.name, "orders_export.csv");
        assert_eq!(f.unmatched.len(), 1);
    }

    /// Issue #17 item 6: a file without a code or total column is refused, naming it.
    #[test]
    fn missing_columns_are_named() {
        let cases = [
            ("Name,Total,Created at\n#1,10,2025-03-04\n", "Discount Code"),
            ("Name,Discount Code,Created at\n#1,A,2025-03-04\n", "Total"),
            ("Name,Discount Code,Total\n#1,A,10\n", "Created at"),
        ];
        for (text, column) in cases {
            let s = OrdersSession::from_text("o.csv", text.to_string());
            let Ok(mut s) = s else {
                panic!("{text}: {s:?}");
            };
            let err = s
                .ready()
                .map_err(|e| e.to_string())
                .err()
                .unwrap_or_default();
            assert!(err.contains(&format!("Shopify's “{column}”")), "{err}");
            assert_eq!(s.preview(3).missing.len(), 1);
            // Mapping the column by hand makes it ready (here: column 2 is the total).
            if column == "Total" {
                assert_eq!(s.remap(1, Some(Role::Total)), Ok(()));
                assert!(s.columns().missing().contains(&Role::Code));
            }
        }
        assert_eq!(
            OrdersSession::from_text("o.csv", "\n\n".into()).err(),
            Some(OrdersImportError::Empty)
        );
        assert_eq!(
            OrdersSession::from_file("o.xlsx", b"PK\x03\x04abc".to_vec()).err(),
            Some(OrdersImportError::NotText)
        );
    }

    /// The committed Shopify-shaped fixture (tests/fixtures/orders/generate.js, 300 orders).
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_shopify_fixture_imports_as_it_is() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/orders/shopify-orders.csv"
        );
        let bytes = std::fs::read(path).unwrap_or_default();
        let s = OrdersSession::from_file("shopify-orders.csv", bytes);
        let Ok(s) = s else { panic!("{s:?}") };
        assert_eq!(s.ready(), Ok(()));
        assert!(s.columns().shopify);
        let f = s.finish(&codes(&["ANNFIT15", "BOCOOKS15"]), 0.0);
        assert_eq!((f.rows, f.orders), (506, 300));
        assert!(f.unreadable.is_empty(), "{:?}", f.unreadable);
        assert!(f.matched.len() > 10, "{}", f.matched.len());
        assert!(f.unmatched.iter().any(|u| u.code == "WELCOME10"));
        assert!(f
            .matched
            .iter()
            .all(|o| o.code == "ANNFIT15" || o.code == "BOCOOKS15"));
    }

    #[test]
    fn windows_1252_files_decode() {
        let mut bytes = b"Order;Code;Total;Date\r\n#1;CAF\xc9;10,50;2025-03-04\r\n".to_vec();
        bytes.push(b'\n');
        let s = OrdersSession::from_file("o.csv", bytes);
        let Ok(s) = s else { panic!("{s:?}") };
        assert_eq!(s.preview(1).delimiter, Delimiter::Semicolon);
        let f = s.finish(&codes(&["CAFÉ"]), 0.0);
        assert_eq!(f.matched.len(), 1);
        assert_eq!(f.matched[0].total, 10.5);
    }
}
