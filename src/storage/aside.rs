//! Copies kept aside: when some records of a stored list could not be read, the list as it was
//! stored is copied under a key of its own before anything may save the list without them.
//!
//! Why. A list that loads with some records left out (a record a migration or a check refused, a
//! post of a dossier that no longer reads) would otherwise lose those records at its next save:
//! the save writes the list as this tab holds it. That breaks the first storage rule, "never
//! overwrite what could not be read" (regression: the next save after such a load deleted the
//! unread records, and the banner only advised downloading them first). With a copy kept aside,
//! saving goes on as usual and nothing the user typed is gone: the copy stays in this browser,
//! offered as a download, until the user removes it.
//!
//! Layout. The kind's key plus `.kept` ("microscope.shortlist.kept") holds one document:
//! `{"app":"microscope","kind":"shortlist.kept","version":1,"copies":[…]}`, each copy with the time
//! it was kept (ms since 1970), the report of what could not be read, and the stored text, packed
//! (`packed`) as parts are. A copy identical to one already kept is not kept twice. A document
//! that does not read is never replaced: keeping a new copy then fails, and the store keeps
//! saving off until the user chooses. The pure half (the document) is tested natively; the
//! browser half reads and writes the key.

use serde::{Deserialize, Serialize};

use crate::domain::io::workspace::APP_ID;

use super::envelope::Kind;
use super::{key, local_storage, packed, set_text, SaveError};

/// The document's version; a newer one is left alone.
const VERSION: u32 = 1;

/// One copy of a stored list, kept because some of its records could not be read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptCopy {
    /// When it was kept, in milliseconds since 1970.
    pub kept_at: f64,
    /// What could not be read, one line a record ("record 3 (Ann): …").
    pub records: Vec<String>,
    /// The stored text (packed in storage, plain in a download).
    pub text: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct Document {
    app: String,
    kind: String,
    version: u32,
    copies: Vec<KeptCopy>,
}

/// The localStorage key of `kind`'s kept copies: "microscope.shortlist.kept".
pub fn kept_key(kind: &Kind) -> String {
    format!("{}.kept", key(kind))
}

fn document_kind(kind: &Kind) -> String {
    format!("{}.kept", kind.key)
}

/// Reads a stored document of kept copies (their texts still packed). Names what is wrong.
fn read_document(text: &str, kind: &Kind) -> Result<Vec<KeptCopy>, String> {
    // Serde's own words (line, column, expected type) would mean nothing to the user: the key
    // is what they can look for.
    let not_ours = || {
        format!(
            "the value stored under {} is not one Microscope wrote",
            kept_key(kind)
        )
    };
    let doc: Document = serde_json::from_str(text).map_err(|_| not_ours())?;
    if doc.app != APP_ID || doc.kind != document_kind(kind) {
        return Err(not_ours());
    }
    if doc.version > VERSION {
        return Err(format!(
            "the copies kept aside were written by a newer Microscope (format {})",
            doc.version
        ));
    }
    Ok(doc.copies)
}

fn write_document(copies: Vec<KeptCopy>, kind: &Kind) -> Result<String, String> {
    serde_json::to_string(&Document {
        app: APP_ID.to_string(),
        kind: document_kind(kind),
        version: VERSION,
        copies,
    })
    .map_err(|e| e.to_string())
}

/// The document with `copy` (text plain) added to the `stored` one: `Ok(None)` when the same text
/// is already kept, `Err` when the stored document does not read (it is then left as it is).
pub fn with_copy(
    stored: Option<&str>,
    kind: &Kind,
    copy: KeptCopy,
) -> Result<Option<String>, String> {
    let mut copies = match stored {
        Some(text) => read_document(text, kind)?,
        None => Vec::new(),
    };
    // Packing is deterministic, so the packed texts compare as the plain ones would.
    let packed = packed::pack(&copy.text);
    if copies.iter().any(|c| c.text == packed) {
        return Ok(None);
    }
    copies.push(KeptCopy {
        text: packed,
        ..copy
    });
    write_document(copies, kind).map(Some)
}

/// The copies in a stored document, their texts unpacked. A text that does not unpack is given
/// as it is stored, so a download still carries it.
pub fn copies_in(text: &str, kind: &Kind) -> Result<Vec<KeptCopy>, String> {
    Ok(read_document(text, kind)?
        .into_iter()
        .map(|c| KeptCopy {
            text: if packed::is_packed(&c.text) {
                packed::unpack(&c.text).unwrap_or(c.text)
            } else {
                c.text
            },
            ..c
        })
        .collect())
}

/// The download of kept copies: the same document, texts plain, readable and self-explaining.
pub fn download_text(copies: Vec<KeptCopy>, kind: &Kind) -> Result<String, String> {
    write_document(copies, kind)
}

/// Keeps `text` (the stored list as it is, see `storage::stored_text`) aside with the report
/// `records`, unless it already is. Fails, writing nothing, when storage is full or unusable or
/// the copies already kept do not read.
pub fn keep_aside(
    kind: &Kind,
    text: &str,
    records: Vec<String>,
    now: f64,
) -> Result<(), SaveError> {
    let storage = local_storage().map_err(SaveError::Unavailable)?;
    let k = kept_key(kind);
    let stored = storage
        .get_item(&k)
        .map_err(|e| SaveError::Unavailable(super::js_error_text(&e)))?;
    let copy = KeptCopy {
        kept_at: now,
        records,
        text: text.to_string(),
    };
    match with_copy(stored.as_deref(), kind, copy).map_err(SaveError::Encode)? {
        Some(document) => set_text(&storage, &k, &document),
        None => Ok(()),
    }
}

/// The copies kept aside for `kind`, texts plain; empty when there are none or storage is
/// unusable, `Err` when they do not read.
pub fn kept_copies(kind: &Kind) -> Result<Vec<KeptCopy>, String> {
    let Ok(storage) = local_storage() else {
        return Ok(Vec::new());
    };
    match storage.get_item(&kept_key(kind)) {
        Ok(Some(text)) => copies_in(&text, kind),
        _ => Ok(Vec::new()),
    }
}

/// What each copy kept aside for `kind` was kept for (when, and what could not be read), its text
/// left packed: what a banner at page load needs, without inflating every copy. Empty when there
/// are none or storage is unusable, `Err` when they do not read.
pub fn kept_reports(kind: &Kind) -> Result<Vec<(f64, Vec<String>)>, String> {
    match kept_raw(kind) {
        Some(text) => Ok(read_document(&text, kind)?
            .into_iter()
            .map(|c| (c.kept_at, c.records))
            .collect()),
        None => Ok(Vec::new()),
    }
}

/// The stored document as it is, for a download when it does not read.
pub fn kept_raw(kind: &Kind) -> Option<String> {
    local_storage()
        .ok()?
        .get_item(&kept_key(kind))
        .ok()
        .flatten()
}

/// Removes the copies kept aside, after the user chose to.
pub fn remove_kept(kind: &Kind) -> Result<(), SaveError> {
    let storage = local_storage().map_err(SaveError::Unavailable)?;
    storage
        .remove_item(&kept_key(kind))
        .map_err(|e| SaveError::Unavailable(super::js_error_text(&e)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::envelope::{CAMPAIGNS, SHORTLIST};

    fn copy(at: f64, text: &str) -> KeptCopy {
        KeptCopy {
            kept_at: at,
            records: vec![format!("record 2: kept at {at}")],
            text: text.to_string(),
        }
    }

    #[test]
    fn copies_are_added_once_and_read_back_plain() {
        let first = with_copy(None, &SHORTLIST, copy(1.0, r#"{"a":1}"#))
            .unwrap()
            .unwrap();
        assert!(first.contains(r#""kind":"shortlist.kept""#), "{first}");
        // The same stored text again: nothing to write.
        assert_eq!(
            with_copy(Some(&first), &SHORTLIST, copy(2.0, r#"{"a":1}"#)).unwrap(),
            None
        );
        let second = with_copy(Some(&first), &SHORTLIST, copy(3.0, r#"{"a":2}"#))
            .unwrap()
            .unwrap();
        let copies = copies_in(&second, &SHORTLIST).unwrap();
        assert_eq!(
            copies,
            vec![copy(1.0, r#"{"a":1}"#), copy(3.0, r#"{"a":2}"#)]
        );
    }

    /// Whatever is stored under the key and does not read as kept copies is never replaced.
    #[test]
    fn an_unreadable_document_is_left_alone() {
        let campaigns = with_copy(None, &CAMPAIGNS, copy(1.0, "x"))
            .unwrap()
            .unwrap();
        let newer = r#"{"app":"microscope","kind":"shortlist.kept","version":9,"copies":[]}"#;
        let cases: &[(&str, &str)] = &[
            ("{not json", "is not one Microscope wrote"),
            (
                r#"{"app":"other","kind":"shortlist.kept","version":1,"copies":[]}"#,
                "is not one Microscope wrote",
            ),
            (&campaigns, "is not one Microscope wrote"),
            (newer, "newer Microscope (format 9)"),
        ];
        for (stored, want) in cases {
            match with_copy(Some(stored), &SHORTLIST, copy(2.0, "y")) {
                Err(e) => assert!(e.contains(want), "{stored}: {e}"),
                Ok(d) => panic!("{stored}: replaced by {d:?}"),
            }
        }
    }

    #[test]
    fn the_download_carries_the_plain_texts() {
        let doc = with_copy(None, &SHORTLIST, copy(1.0, r#"{"data":["Ann"]}"#))
            .unwrap()
            .unwrap();
        let text = download_text(copies_in(&doc, &SHORTLIST).unwrap(), &SHORTLIST).unwrap();
        assert!(text.contains(r#"{\"data\":[\"Ann\"]}"#), "{text}");
        assert_eq!(kept_key(&SHORTLIST), "microscope.shortlist.kept");
    }
}
