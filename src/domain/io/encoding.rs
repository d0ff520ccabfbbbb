//! Reads a file's bytes as text in the encodings spreadsheets actually save: UTF-8 (with or without
//! a byte order mark), UTF-16 with a byte order mark (Excel's "Unicode text") and Windows-1252
//! (Excel's "CSV (Comma delimited)" on Windows in Western Europe and the Americas).
//!
//! The browser's `File.text()` reads everything as UTF-8 and silently turns every other byte into
//! U+FFFD, so "José" saved by Excel on Windows arrives as "Jos�" and is stored that way. Decoding
//! here, from the bytes, lets the preview say which encoding was read, and refuse (with a reason)
//! bytes that are not text in the encoding they claim, instead of storing replacement characters.

use thiserror::Error;

/// An encoding a file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// UTF-8 starting with the byte order mark EF BB BF (Excel's "CSV UTF-8").
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// The WHATWG "windows-1252" decoder: every byte is a character.
    Windows1252,
}

impl Encoding {
    /// For the preview: "Encoding read: …".
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (with a byte order mark, as Excel's “CSV UTF-8” saves it)",
            Encoding::Utf16Le => "UTF-16 little-endian (Excel's “Unicode text”)",
            Encoding::Utf16Be => "UTF-16 big-endian",
            Encoding::Windows1252 => {
                "Windows-1252 (the file is not UTF-8; Excel on Windows saves “CSV (Comma delimited)” this way)"
            }
        }
    }
}

/// A file's text and how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// Without the byte order mark.
    pub text: String,
    pub encoding: Encoding,
    /// Set when Windows-1252 had to keep bytes that have no character in it (0x81, 0x8D, 0x8F,
    /// 0x90, 0x9D): a sign that the file is in yet another encoding.
    pub warning: Option<String>,
}

/// Why the bytes are not text in any encoding Microscope reads. Shown to the user as is.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EncodingError {
    #[error("The file starts with the UTF-8 mark, but byte {position} is not UTF-8 text, so nothing was imported. Save the sheet again as “CSV UTF-8” and import that file.")]
    Utf8 { position: usize },
    #[error("The file is UTF-16 (Excel's “Unicode text”), but bytes {position} onwards are not a character, so nothing was imported. Save the sheet again as “CSV UTF-8” and import that file.")]
    Utf16 { position: usize },
}

/// What bytes 0x80 to 0x9F are in Windows-1252; 0x00-0x7F are ASCII and 0xA0-0xFF are Latin-1
/// (the same code points), so these 32 are the whole table. The five bytes Windows-1252 leaves
/// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same number, as the
/// WHATWG Encoding Standard (and so every browser) does.
const WINDOWS_1252_80_9F: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

/// One Windows-1252 byte as a character.
pub fn windows_1252_char(b: u8) -> char {
    match b {
        0x80..=0x9F => WINDOWS_1252_80_9F
            .get(usize::from(b - 0x80))
            .copied()
            .unwrap_or(char::from(b)),
        _ => char::from(b),
    }
}

/// Reads a file's bytes: the byte order mark decides when there is one; otherwise UTF-16 when
/// the text is plainly ASCII with a zero byte beside each letter, UTF-8 when the bytes are valid
/// UTF-8, and Windows-1252 when they are not (it gives a character for every byte).
pub fn decode(bytes: Vec<u8>) -> Result<Decoded, EncodingError> {
    let decoded = |text: String, encoding: Encoding| Decoded {
        text,
        encoding,
        warning: None,
    };
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return match std::str::from_utf8(rest) {
            Ok(text) => Ok(decoded(text.to_string(), Encoding::Utf8Bom)),
            Err(e) => Err(EncodingError::Utf8 {
                position: e.valid_up_to() + 3 + 1,
            }),
        };
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes, 2).map(|t| decoded(t, Encoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes, 2).map(|t| decoded(t, Encoding::Utf16Be));
    }
    match utf16_without_mark(&bytes) {
        Some(Encoding::Utf16Le) => {
            return utf16(&bytes, u16::from_le_bytes, 0).map(|t| decoded(t, Encoding::Utf16Le))
        }
        Some(Encoding::Utf16Be) => {
            return utf16(&bytes, u16::from_be_bytes, 0).map(|t| decoded(t, Encoding::Utf16Be))
        }
        _ => {}
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(decoded(text, Encoding::Utf8)),
        Err(e) => {
            let bytes = e.into_bytes();
            let text: String = bytes.iter().map(|&b| windows_1252_char(b)).collect();
            let undefined = bytes
                .iter()
                .filter(|b| matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D))
                .count();
            let warning = (undefined > 0).then(|| {
                format!(
                    "{undefined} byte{} of the file {} no character in Windows-1252: the file may be in another encoding. Check the names in the preview; if they look wrong, save the sheet as “CSV UTF-8” and import that file.",
                    if undefined == 1 { "" } else { "s" },
                    if undefined == 1 { "has" } else { "have" },
                )
            });
            Ok(Decoded {
                text,
                encoding: Encoding::Windows1252,
                warning,
            })
        }
    }
}

/// UTF-16 code units to text; `skipped` is the length of the byte order mark, for positions.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, skipped: usize) -> Result<String, EncodingError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(EncodingError::Utf16 {
            position: skipped + bytes.len(),
        });
    }
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let mut text = String::with_capacity(bytes.len() / 2);
    // Code units read so far: a character outside the BMP takes two.
    let mut at = 0;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                text.push(c);
                at += c.len_utf16();
            }
            Err(_) => {
                return Err(EncodingError::Utf16 {
                    position: skipped + 2 * at + 1,
                })
            }
        }
    }
    Ok(text)
}

/// UTF-16 saved without a byte order mark: in the first bytes, nine pairs in ten are a letter and
/// a zero (Latin text), which no UTF-8 or Windows-1252 text looks like.
fn utf16_without_mark(bytes: &[u8]) -> Option<Encoding> {
    let head = bytes.get(..bytes.len().min(512))?;
    let pairs: Vec<&[u8]> = head.chunks_exact(2).collect();
    if pairs.len() < 2 || pairs.iter().any(|p| p == &[0, 0]) {
        return None;
    }
    let mostly = |n: usize| n * 10 >= pairs.len() * 9;
    let le = mostly(pairs.iter().filter(|p| p[1] == 0).count());
    let be = mostly(pairs.iter().filter(|p| p[0] == 0).count());
    match (le, be) {
        (true, false) => Some(Encoding::Utf16Le),
        (false, true) => Some(Encoding::Utf16Be),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { vec![] };
        out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        out
    }

    fn utf16be(text: &str) -> Vec<u8> {
        let mut out = vec![0xFE, 0xFF];
        out.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        out
    }

    /// "José García,Zürich café" as Excel on Windows writes it.
    fn windows_1252(text: &str) -> Vec<u8> {
        text.chars()
            .map(|c| {
                (0u8..=255)
                    .find(|&b| windows_1252_char(b) == c)
                    .unwrap_or_else(|| panic!("{c:?} is not in Windows-1252"))
            })
            .collect()
    }

    #[test]
    fn the_encodings_spreadsheets_save() {
        let text = "name,city\r\nJosé García,Zürich café\r\n";
        // (bytes, encoding read)
        let cases: Vec<(Vec<u8>, Encoding)> = vec![
            (text.as_bytes().to_vec(), Encoding::Utf8),
            (
                [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
                Encoding::Utf8Bom,
            ),
            (utf16le(text, true), Encoding::Utf16Le),
            (utf16le(text, false), Encoding::Utf16Le),
            (utf16be(text), Encoding::Utf16Be),
            (windows_1252(text), Encoding::Windows1252),
        ];
        for (bytes, encoding) in cases {
            let got = decode(bytes.clone());
            assert_eq!(
                got,
                Ok(Decoded {
                    text: text.to_string(),
                    encoding,
                    warning: None
                }),
                "{bytes:x?}"
            );
        }
        // The bytes themselves, so the test doesn't only agree with its own encoder.
        assert_eq!(windows_1252("José García"), b"Jos\xE9 Garc\xEDa".to_vec());
        assert_eq!(
            decode(b"Z\xFCrich caf\xE9 \x80 \x93quoted\x94".to_vec()).map(|d| d.text),
            Ok("Zürich café € “quoted”".to_string())
        );
    }

    #[test]
    fn every_windows_1252_byte() {
        let expected_80_9f = "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8D}Ž\u{8F}\u{90}‘’“”•–—˜™š›œ\u{9D}žŸ";
        let got: String = (0x80u8..=0x9F).map(windows_1252_char).collect();
        assert_eq!(got, expected_80_9f);
        for b in (0u8..0x80).chain(0xA0..=0xFF) {
            assert_eq!(windows_1252_char(b) as u32, u32::from(b), "{b:#x}");
        }
        // 256 bytes, 256 different characters: nothing is lost and the decoding can be undone.
        let all: std::collections::HashSet<char> = (0u8..=255).map(windows_1252_char).collect();
        assert_eq!(all.len(), 256);
        assert!(!all.contains(&'\u{FFFD}'));
    }

    #[test]
    fn undefined_bytes_are_kept_and_flagged() {
        let got = decode(b"name\nA\x81\x9D\xE9\n".to_vec());
        let Ok(d) = got else {
            panic!("{got:?}");
        };
        assert_eq!(d.text, "name\nA\u{81}\u{9D}é\n");
        assert_eq!(d.encoding, Encoding::Windows1252);
        assert!(d
            .warning
            .is_some_and(|w| w.starts_with("2 bytes of the file have no character")));
    }

    #[test]
    fn broken_bytes_are_refused_not_replaced() {
        let mut lone_surrogate = vec![0xFF, 0xFE, b'a', 0];
        lone_surrogate.extend([0x00, 0xD8, b'b', 0]);
        let cases: Vec<(Vec<u8>, EncodingError)> = vec![
            (
                vec![0xEF, 0xBB, 0xBF, b'a', 0xE9, b'b'],
                EncodingError::Utf8 { position: 5 },
            ),
            (lone_surrogate, EncodingError::Utf16 { position: 5 }),
            (
                vec![0xFF, 0xFE, b'a', 0, b'b'],
                EncodingError::Utf16 { position: 5 },
            ),
        ];
        for (bytes, want) in cases {
            assert_eq!(decode(bytes.clone()), Err(want), "{bytes:x?}");
        }
        assert!(EncodingError::Utf8 { position: 5 }
            .to_string()
            .contains("byte 5 is not UTF-8"));
    }

    #[test]
    fn utf8_wins_over_windows_1252_and_empty_is_utf8() {
        assert_eq!(decode(Vec::new()).map(|d| d.encoding), Ok(Encoding::Utf8));
        assert_eq!(
            decode("Ã©".as_bytes().to_vec()).map(|d| d.text),
            Ok("Ã©".to_string())
        );
        // A zip (an .xlsx) is not UTF-8: it is decoded and the import then says it is not text.
        assert_eq!(
            decode(b"PK\x03\x04\x14\x00\x06\x00\xA8".to_vec()).map(|d| d.encoding),
            Ok(Encoding::Windows1252)
        );
    }
}
