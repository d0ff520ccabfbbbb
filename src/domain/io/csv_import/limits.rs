//! The opening step both imports (creators, orders) share: a file's bytes decoded and a text
//! opened as CSV within one import's size limits, and the same refusals for both; then the
//! [`Reading`] both sessions keep of their text between steps.

use crate::io::encoding::{decode, Decoded, Encoding, EncodingError};

use super::reader::{open, Cursor, Opening, Unopened};
use super::{Delimiter, Progress};

/// How large a file one import reads; larger ones are refused with a message, not truncated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Limits {
    pub(super) bytes: usize,
    pub(super) rows: usize,
}

impl Limits {
    /// Decodes a file's bytes (see `io::encoding`), refusing a file over the byte limit before
    /// decoding it.
    pub(super) fn decode<E: From<Unopened> + From<EncodingError>>(
        self,
        bytes: Vec<u8>,
    ) -> Result<Decoded, E> {
        if bytes.len() > self.bytes {
            return Err(Unopened::TooLarge { bytes: bytes.len() }.into());
        }
        Ok(decode(bytes)?)
    }

    /// Opens a CSV text (see [`open`]) no larger than the limits.
    pub(super) fn open(self, text: &str) -> Result<Opening, Unopened> {
        if text.len() > self.bytes {
            return Err(Unopened::TooLarge { bytes: text.len() });
        }
        let opening = open(text)?;
        if opening.total_rows > self.rows {
            return Err(Unopened::TooManyRows {
                rows: opening.total_rows,
            });
        }
        Ok(opening)
    }

    /// A file's bytes decoded (see [`Limits::decode`]) and opened for reading in steps (see
    /// [`Limits::read_text`]).
    pub(super) fn read_file<E: From<Unopened> + From<EncodingError>>(
        self,
        bytes: Vec<u8>,
    ) -> Result<(Reading, Vec<String>), E> {
        let decoded = self.decode::<E>(bytes)?;
        Ok(self.reading(decoded.text, Some(decoded.encoding), decoded.warning)?)
    }

    /// Text already decoded (pasted, tests, benches) opened for reading in steps; with it, the
    /// header row's cells.
    pub(super) fn read_text(self, text: String) -> Result<(Reading, Vec<String>), Unopened> {
        self.reading(text, None, None)
    }

    fn reading(
        self,
        text: String,
        encoding: Option<Encoding>,
        encoding_warning: Option<String>,
    ) -> Result<(Reading, Vec<String>), Unopened> {
        let Opening {
            start,
            cursor,
            delimiter,
            headers,
            total_rows,
        } = self.open(&text)?;
        let reading = Reading {
            text,
            start,
            encoding,
            encoding_warning,
            delimiter,
            data_start: cursor,
            cursor,
            total_rows,
            done_rows: 0,
            started: false,
            finished: false,
        };
        Ok((reading, headers))
    }
}

/// A text opened within the limits and how far it has been read: what both sessions keep of
/// their file across animation frames (each adds what its rows become).
#[derive(Debug, Clone)]
pub(super) struct Reading {
    pub(super) text: String,
    /// Byte offset past the BOM.
    pub(super) start: usize,
    /// How the file's bytes were read; `None` for text already decoded.
    pub(super) encoding: Option<Encoding>,
    /// A doubt about the encoding worth showing (see `io::encoding::Decoded::warning`).
    pub(super) encoding_warning: Option<String>,
    pub(super) delimiter: Delimiter,
    /// Just after the header row: where the preview, and a reading started again, begin.
    pub(super) data_start: Cursor,
    pub(super) cursor: Cursor,
    /// Rows in the text, counted when it was opened.
    pub(super) total_rows: usize,
    /// Data rows handled so far (empty lines not counted).
    pub(super) done_rows: usize,
    /// Set by the first step: from then on the columns can't change.
    pub(super) started: bool,
    pub(super) finished: bool,
}

impl Reading {
    /// Where the reading stands, for a progress bar.
    pub(super) fn progress(&self) -> Progress {
        Progress {
            done_rows: self.done_rows,
            total_rows: self.total_rows,
            consumed_bytes: self.cursor.pos.saturating_sub(self.start),
            total_bytes: self.text.len().saturating_sub(self.start),
            finished: self.finished,
        }
    }

    /// Ends a step: the reading is finished once the cursor has reached the end of the text.
    pub(super) fn end_step(&mut self) -> Progress {
        if self.cursor.pos >= self.text.len() {
            self.finished = true;
        }
        self.progress()
    }
}

/// `From<Unopened>` for an import's error, whose variants carry the same names: each import
/// words the refusals its own way, but they are the same refusals.
macro_rules! from_unopened {
    ($error:ident) => {
        impl From<$crate::io::csv_import::reader::Unopened> for $error {
            fn from(refusal: $crate::io::csv_import::reader::Unopened) -> Self {
                use $crate::io::csv_import::reader::Unopened;
                match refusal {
                    Unopened::TooLarge { bytes } => $error::TooLarge { bytes },
                    Unopened::TooManyRows { rows } => $error::TooManyRows { rows },
                    Unopened::NotText => $error::NotText,
                    Unopened::Empty => $error::Empty,
                    Unopened::HeaderQuote => $error::HeaderQuote,
                }
            }
        }
    };
}
pub(super) use from_unopened;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::csv_import::{ImportError, OrdersImportError};

    const SMALL: Limits = Limits { bytes: 20, rows: 2 };

    #[test]
    fn texts_are_opened_within_the_limits() {
        let cases = [
            ("name\na\nb\n", Ok(2)),
            ("name\na\nb\nc\n", Err(Unopened::TooManyRows { rows: 3 })),
            (
                "name\n0123456789abcdefghij",
                Err(Unopened::TooLarge { bytes: 25 }),
            ),
            ("\n  \n", Err(Unopened::Empty)),
            ("PK\u{3}\u{4}", Err(Unopened::NotText)),
        ];
        for (text, want) in cases {
            assert_eq!(SMALL.open(text).map(|o| o.total_rows), want, "{text:?}");
        }
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_decoding() {
        let refused: Result<Decoded, ImportError> = SMALL.decode(vec![b'a'; 21]);
        assert_eq!(refused.err(), Some(ImportError::TooLarge { bytes: 21 }));
        let read: Result<Decoded, OrdersImportError> = SMALL.decode(b"name\na\n".to_vec());
        assert_eq!(read.map(|d| d.text), Ok("name\na\n".to_string()));
    }

    /// A text opened for reading starts at its data (after a byte-order mark and the header) with
    /// nothing read; its progress counts bytes from after the mark, and a step that reaches the
    /// end finishes it.
    #[test]
    fn a_reading_starts_at_the_data_and_finishes_at_the_end() {
        let text = "\u{feff}name;followers\nAnn;45K\n".to_string();
        let limits = Limits { bytes: 26, rows: 1 };
        let Ok((mut reading, headers)) = limits.read_text(text) else {
            panic!("not opened")
        };
        assert_eq!(headers, vec!["name", "followers"]);
        assert_eq!(reading.delimiter, Delimiter::Semicolon);
        assert_eq!((reading.start, reading.data_start.pos), (3, 18));
        assert_eq!(reading.cursor, reading.data_start);
        assert_eq!(reading.encoding, None);
        let p = reading.progress();
        assert_eq!((p.done_rows, p.total_rows, p.consumed_bytes), (0, 1, 15));
        assert_eq!((p.total_bytes, p.finished), (23, false));
        assert!(!reading.end_step().finished);
        reading.cursor.pos = 26;
        let p = reading.end_step();
        assert!(p.finished && reading.finished);
        assert_eq!(p.consumed_bytes, 23);
    }

    /// Each import's error takes every refusal as the variant of the same name and fields.
    #[test]
    fn both_imports_word_every_refusal() {
        let refusals = [
            Unopened::TooLarge { bytes: 3 },
            Unopened::TooManyRows { rows: 4 },
            Unopened::NotText,
            Unopened::Empty,
            Unopened::HeaderQuote,
        ];
        for u in refusals {
            let want = format!("{u:?}");
            assert_eq!(format!("{:?}", ImportError::from(u)), want);
            assert_eq!(format!("{:?}", OrdersImportError::from(u)), want);
        }
    }
}
