//! The opening step both imports (creators, orders) share: a file's bytes decoded and a text
//! opened as CSV within one import's size limits, and the same refusals for both.

use crate::io::encoding::{decode, Decoded, EncodingError};

use super::reader::{open, Opening, Unopened};

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
