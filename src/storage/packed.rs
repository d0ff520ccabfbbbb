//! A stored part's text, compressed: raw deflate (RFC 1951) packed 15 bits to a character, so
//! that a shortlist of dossiers fits the browser's storage.
//!
//! Why. localStorage keeps about 5.24 M UTF-16 code units a site (measured, see
//! `ui::workspace::usage::QUOTA_UNITS`), and a dossier with 30 posts and 5 follower counts is
//! about 3,300 characters of JSON: about 1,590 such creators fitted, far from the 5,000 a
//! spreadsheet of this kind holds. JSON of many records of one shape deflates to a tenth or so,
//! and a code unit holds 15 bits of it where an ASCII character holds 8.
//!
//! Format. `deflate15:` then one digit, then the characters. The deflated bytes are read as one
//! string of bits, most significant first, cut into groups of 15, each group written as the
//! character `32 + group` (U+0020 to U+801F: no control characters, no surrogates, so every
//! browser stores it as is). The last group is padded with zero bits; unpacking those groups
//! gives the bytes back and, when the padding is 8 bits or more, one byte too many: the digit
//! says how many bytes to drop (0 or 1), so the deflate stream comes back exactly (a browser's
//! `DecompressionStream("deflate-raw")` rejects trailing bytes). A JSON text never starts with
//! `d`, so a reader tells the two forms apart by the first character.

use thiserror::Error;

/// How a packed text starts.
pub const PREFIX: &str = "deflate15:";

/// The deflate level: 1 compresses 64 dossiers (about 210 KB of JSON) in a few milliseconds in
/// the browser, to about 11% of the text; the best level gains 2 points for several times the time
/// of a save.
const LEVEL: u8 = 1;

/// The largest text a part inflates to: far above any part (64 records), far below what would
/// exhaust the page's memory if a stored text were crafted to inflate without end.
const MAX_INFLATED: usize = 256 * 1024 * 1024;

/// Why a packed text can't be read back.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum UnpackError {
    #[error("its compressed text has no length digit after “{PREFIX}”")]
    NoDigit,
    #[error("its compressed text holds the character U+{0:04X}, which packing never writes")]
    BadCharacter(u32),
    #[error("its compressed text is cut short or damaged (deflate: {0})")]
    Inflate(String),
    #[error("its compressed text does not hold UTF-8 text")]
    NotText,
}

/// Whether `text` is packed (else it is stored as plain JSON).
pub fn is_packed(text: &str) -> bool {
    text.starts_with(PREFIX)
}

/// `text` deflated and packed, ready to store.
pub fn pack(text: &str) -> String {
    let bytes = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), LEVEL);
    let chars = (bytes.len() * 8).div_ceil(15);
    let extra = chars * 15 / 8 - bytes.len();
    let mut out = String::with_capacity(PREFIX.len() + 1 + chars * 3);
    out.push_str(PREFIX);
    out.push(if extra == 0 { '0' } else { '1' });
    let mut acc: u32 = 0;
    let mut bits = 0;
    for &b in &bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            out.push(unit(acc >> bits));
            acc &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        out.push(unit(acc << (15 - bits)));
    }
    out
}

/// About how many characters each of `records` (their JSON texts) takes stored in a compressed
/// part together: what an import's preview measures its rows by. `None` without records. A few
/// records compress less well than a part of 64, so this errs on the large side.
pub fn units_per_record(records: &[String]) -> Option<usize> {
    if records.is_empty() {
        return None;
    }
    let text = format!("[{}]", records.join(","));
    Some(pack(&text).chars().count().div_ceil(records.len()))
}

/// The character for a 15-bit group.
fn unit(group: u32) -> char {
    // 32 + (0..=0x7FFF) is below the surrogates (U+D800), so always a char.
    char::from_u32(32 + (group & 0x7FFF)).unwrap_or(' ')
}

/// The text `packed` holds. `packed` must start with [`PREFIX`].
pub fn unpack(packed: &str) -> Result<String, UnpackError> {
    let rest = packed.strip_prefix(PREFIX).unwrap_or(packed);
    let mut chars = rest.chars();
    let drop = match chars.next() {
        Some('0') => 0,
        Some('1') => 1,
        _ => return Err(UnpackError::NoDigit),
    };
    let mut bytes = Vec::with_capacity(rest.len() * 15 / 8 / 2);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for c in chars {
        let group = u32::from(c)
            .checked_sub(32)
            .filter(|g| *g <= 0x7FFF)
            .ok_or(UnpackError::BadCharacter(u32::from(c)))?;
        acc = (acc << 15) | group;
        bits += 15;
        while bits >= 8 {
            bits -= 8;
            bytes.push((acc >> bits) as u8);
        }
        acc &= (1 << bits) - 1;
    }
    let keep = bytes.len().saturating_sub(drop);
    bytes.truncate(keep);
    let text = miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, MAX_INFLATED)
        .map_err(|e| UnpackError::Inflate(e.to_string()))?;
    String::from_utf8(text).map_err(|_| UnpackError::NotText)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        // Lengths around the 15-bit boundaries, non-ASCII text, and a part-like JSON text.
        let part = format!(
            r#"{{"app":"microscope","kind":"shortlist","version":5,"data":[{}]}}"#,
            (0..64)
                .map(|i| format!(
                    r#"{{"id":"c{i}","name":"José García {i}","notes":"Zürich café ☕"}}"#
                ))
                .collect::<Vec<_>>()
                .join(",")
        );
        let mut cases: Vec<String> = (0..40).map(|n| "ab€".repeat(n)).collect();
        cases.push(part);
        for text in cases {
            let packed = pack(&text);
            assert!(is_packed(&packed), "{packed}");
            assert!(packed[PREFIX.len() + 1..]
                .chars()
                .all(|c| (' '..='\u{801F}').contains(&c)));
            assert_eq!(unpack(&packed).as_deref(), Ok(text.as_str()));
        }
    }

    #[test]
    fn many_records_pack_small() {
        // Why packing exists: records of one shape shrink to a small share of their characters.
        let text = (0..64)
            .map(|i| {
                format!(
                    r#"{{"date":"2026-03-{:02}","views":{},"likes":{}}}"#,
                    i % 28 + 1,
                    1000 + i * 37,
                    70 + i
                )
            })
            .collect::<Vec<_>>()
            .join(",");
        let packed = pack(&text);
        assert!(
            packed.chars().count() * 4 < text.chars().count(),
            "{} of {}",
            packed.chars().count(),
            text.chars().count()
        );
    }

    #[test]
    fn a_preview_measures_its_records_packed() {
        let records: Vec<String> = (0..10)
            .map(|i| {
                format!(
                    r#"{{"id":"c{i}","name":"Creator {i}","platform":"TikTok","followers":{}}}"#,
                    1000 + i
                )
            })
            .collect();
        let each = units_per_record(&records).unwrap_or(0);
        let plain = records.iter().map(String::len).sum::<usize>() / records.len();
        assert!(each > 0 && each < plain, "{each} of {plain}");
        assert_eq!(units_per_record(&[]), None);
    }

    #[test]
    fn damaged_texts_are_named() {
        let good = pack("hello, hello, hello");
        let cut: String = good.chars().take(good.chars().count() - 2).collect();
        let cases: Vec<(String, UnpackError)> = vec![
            (PREFIX.to_string(), UnpackError::NoDigit),
            (format!("{PREFIX}7abc"), UnpackError::NoDigit),
            (format!("{PREFIX}0a\u{1}"), UnpackError::BadCharacter(1)),
            (
                format!("{PREFIX}0\u{9000}"),
                UnpackError::BadCharacter(0x9000),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(unpack(&text), Err(want), "{text:?}");
        }
        assert!(
            matches!(unpack(&cut), Err(UnpackError::Inflate(_))),
            "{cut:?}"
        );
        assert!(!is_packed(r#"{"app":"microscope"}"#));
    }
}
