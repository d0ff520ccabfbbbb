//! The versioned envelope around every value kept in localStorage, and the migrations from older versions.
//!
//! Pure Rust (no browser API), so every case is tested natively; the browser half of storage reads
//! and writes the strings. Stored form:
//! `{"app":"microscope","kind":"shortlist","version":2,"data":[...]}`.
//!
//! Decoding tells apart everything the UI must treat differently: nothing stored, storage not
//! usable, unreadable (the raw text is returned so nothing is overwritten unseen), written by a
//! newer version, or loaded (with the records that had to be dropped, and the version migrated from).

use serde::Serialize;
use serde_json::{Map, Value};
use thiserror::Error;

use crate::domain::creator::platform::Platform;
use crate::domain::creator::record::parse_tags;
use crate::domain::io::workspace::{
    decode_record, decode_value, record_name, report_parts, DroppedRecord, Record, APP_ID,
};
use crate::domain::text::date::Date;
use crate::domain::text::number::parse_count;

/// Brings one record (or a single stored value) from version `from` to `from + 1`.
///
/// Migrations work record by record so that one record they can't convert is dropped and
/// reported while the others load.
pub type MigrateFn = fn(Value) -> Result<Value, String>;

#[derive(Debug, Clone, Copy)]
pub struct Migration {
    pub from: u32,
    /// `None`: the records read as they are. The version moved for the layout, or for fields an
    /// older build does not know: it would read such a record, drop them and save it back
    /// without them, so it must find the data too new instead (`storage::fields` holds the test).
    pub migrate: Option<MigrateFn>,
}

impl Migration {
    /// A step from `from` whose records read as they are.
    pub const fn unchanged(from: u32) -> Migration {
        Migration {
            from,
            migrate: None,
        }
    }

    /// A step from `from` that converts each record with `migrate`.
    pub const fn convert(from: u32, migrate: MigrateFn) -> Migration {
        Migration {
            from,
            migrate: Some(migrate),
        }
    }
}

/// A kind of stored value: its storage name, the version this build writes, and how to upgrade
/// each older version.
#[derive(Debug, Clone, Copy)]
pub struct Kind {
    /// Written in the envelope's "kind"; also a good localStorage key suffix.
    pub key: &'static str,
    /// How the UI names it: "Your saved shortlist could not be read".
    pub label: &'static str,
    pub version: u32,
    /// One per older version, `from` = 1, 2, ... `version - 1`.
    pub migrations: &'static [Migration],
    /// One key, or parts under an index (`storage::parts`).
    pub layout: Layout,
}

impl Kind {
    /// Whether records stored at `version` read as this version's, every step from it unchanged
    /// (the current version included).
    pub fn reads_unchanged(&self, version: u32) -> bool {
        version >= 1
            && version <= self.version
            && (version..self.version).all(|v| {
                self.migrations
                    .iter()
                    .any(|m| m.from == v && m.migrate.is_none())
            })
    }
}

/// How a kind is laid out in localStorage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// The whole value under the kind's key: small values, written whole on every save.
    Whole,
    /// A list in parts of at most `per_part` records, each under its own key, named by an index
    /// under the kind's key (`storage::parts`): a save writes only the parts that changed.
    Parts { per_part: usize },
}

/// The shortlist: a list of [`crate::domain::creator::record::Creator`] records.
///
/// Version 1 (the first release's shape): `followers` a string as typed ("45,000"), no `status`,
/// `tags` one comma-separated string, `url` for the profile link, the post numbers (`views`,
/// `likes`, `comments`, `shares`) at the top level, `created`/`updated` timestamps, platform ids
/// ("tiktok"). Version 2: the `Creator` JSON before dossiers. Version 3: the `Creator` with its
/// dossier (posts, follower history, comment samples, caption checks, audience, reported figures,
/// custom fields). The version moved so that a tab still running an older build refuses the new
/// data (too new) instead of saving it back without the dossier. Version 4: the same records,
/// kept in parts of 64 under an index (`storage::parts`), so a save writes only the part that
/// changed; a version-4 tab reads a list stored whole (versions 1 to 4) and writes it in parts,
/// and a version-3 tab finds the index too new and leaves it alone. Version 5: the same records
/// and index, each part's text compressed (`storage::packed`), so that 5,000 dossiers fit the
/// browser's storage; a version-5 tab reads version-4 parts (and writes them compressed at its
/// next save), and a version-4 tab finds the index too new and leaves it alone. Version 6: the
/// same layout; records gained fields (a comment sample's likes and dislikes), so a version-5
/// tab finds the index too new instead of saving records back without them. Records of
/// versions 3 to 6 read the same way; parts of version 5 stay as they are until they change.
pub const SHORTLIST: Kind = Kind {
    key: "shortlist",
    label: "shortlist",
    version: 6,
    migrations: &[
        Migration::convert(1, shortlist_v1_to_v2),
        Migration::convert(2, shortlist_v2_to_v3),
        Migration::unchanged(3),
        Migration::unchanged(4),
        Migration::unchanged(5),
    ],
    layout: Layout::Parts { per_part: 64 },
};

/// The campaigns: a list of [`crate::domain::campaign::record::Campaign`] records.
///
/// Version 1 (session 1's planner): posted results (`results`) had no creator, or an empty
/// `creator_id`. Version 2: each result names the campaign creator who posted it; a result
/// still without one is shown as "not tied to a creator" and can be assigned. Version 3: the
/// same records, which had gained fields since version 2 (codes and links, the shop's orders,
/// pricing, reach assumptions, the calendar), so a version-2 tab finds them too new instead of
/// saving campaigns back without them.
pub const CAMPAIGNS: Kind = Kind {
    key: "campaigns",
    label: "campaigns",
    version: 3,
    migrations: &[
        Migration::convert(1, campaigns_v1_to_v2),
        Migration::unchanged(2),
    ],
    layout: Layout::Whole,
};

/// The risk thresholds (a single [`crate::domain::risk::thresholds::Thresholds`] value): `microscope.risk-thresholds`.
///
/// Version 2: the same value. Thresholds added since version 1 are fields a version-1 tab does
/// not know, so it finds the value too new instead of saving it back without them.
pub const THRESHOLDS: Kind = Kind {
    key: "risk-thresholds",
    label: "risk thresholds",
    version: 2,
    migrations: &[Migration::unchanged(1)],
    layout: Layout::Whole,
};

/// The workspace settings (a single [`crate::domain::io::workspace::Settings`] value: formula
/// choice, default currency, dismissed notices): `microscope.settings`.
pub const SETTINGS: Kind = Kind {
    key: "settings",
    label: "settings",
    version: 1,
    migrations: &[],
    layout: Layout::Whole,
};

/// Why a stored value can't be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Corrupt {
    #[error("it is not valid JSON ({0})")]
    NotJson(String),
    #[error("it was not written by Microscope")]
    NotOurs,
    #[error("it holds another kind of data (“{found}”), not your {expected}")]
    WrongKind { expected: String, found: String },
    #[error("it has no readable format version")]
    NoVersion,
    #[error("its format {0} is older than any this version of Microscope can upgrade")]
    UnknownVersion(u64),
    #[error("it has no data")]
    NoData,
    #[error("its data is not a list")]
    NotAList,
    #[error("its data is not usable ({0})")]
    Unreadable(String),
    /// A part stored compressed (`storage::packed`) that does not unpack.
    #[error("{0}")]
    Packed(String),
    /// One part of a list kept in parts (`storage::parts`); the others are left alone too.
    #[error("its part “{key}” could not be read: {reason}")]
    Part { key: String, reason: Box<Corrupt> },
}

/// Everything loading a stored value can end in. The UI handles all five.
#[derive(Debug, Clone, PartialEq)]
pub enum Load<T> {
    /// Nothing stored yet: a first visit.
    Missing,
    /// Storage can't be used (private mode, disabled, blocked); decided by the browser code.
    Unavailable { reason: String },
    /// Something is stored but can't be read. `raw` is kept so the user can save it before anything overwrites it.
    Corrupt { reason: Corrupt, raw: String },
    /// Written by a newer Microscope: don't overwrite it.
    TooNew {
        found: u64,
        supported: u32,
        raw: String,
    },
    Loaded {
        value: T,
        /// Records that could not be used, with why (lists only).
        dropped: Vec<DroppedRecord>,
        /// The stored version when it was older and has been upgraded: save again to keep the upgrade.
        migrated_from: Option<u32>,
    },
}

impl<T> Load<T> {
    /// A sentence for the user, for every outcome that needs one (`None` for a clean load or a first visit).
    pub fn message(&self, kind: &Kind) -> Option<String> {
        match self {
            Load::Missing => None,
            Load::Unavailable { reason } => Some(format!(
                "This browser isn't letting Microscope save anything ({reason}), so your {} will be lost when the page closes. Export the workspace to keep a copy.",
                kind.label
            )),
            Load::Corrupt { reason, .. } => Some(format!(
                "Your saved {} could not be read: {reason}. What is stored has been left untouched; download it before saving anything new.",
                kind.label
            )),
            Load::TooNew { found, supported, .. } => Some(format!(
                "This browser holds your {} as written by a newer Microscope (format {found}; this one reads up to {supported}). What is stored has been left untouched; update the app to use it.",
                kind.label
            )),
            Load::Loaded { dropped, .. } if dropped.is_empty() => None,
            Load::Loaded { dropped, .. } => {
                // Whole records lost and parts of records (one post) lost are counted apart:
                // "1 saved record could not be loaded" must not be said of a creator that loaded.
                let lost = dropped.iter().filter(|d| !d.kept).count();
                let parts = dropped.len() - lost;
                let mut counts = Vec::new();
                if lost > 0 {
                    counts.push(format!(
                        "{} saved record{} of your {} could not be loaded",
                        lost,
                        if lost == 1 { "" } else { "s" },
                        kind.label
                    ));
                }
                if parts > 0 {
                    counts.push(format!(
                        "{} part{} of saved records of your {} (such as a post or a comment sample) could not be read and {} left out",
                        parts,
                        if parts == 1 { "" } else { "s" },
                        kind.label,
                        if parts == 1 { "was" } else { "were" }
                    ));
                }
                // The counts only: the banner lists every record with why (regression: the
                // first five were said here too, so the banner said each of them twice).
                Some(format!("{}.", counts.join("; ")))
            }
        }
    }
}

/// Why a value could not be written.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("The {kind} could not be saved: {message}")]
pub struct EncodeError {
    pub kind: &'static str,
    pub message: String,
}

/// The stored text for `data` under the current version of `kind`.
pub fn encode<T: Serialize + ?Sized>(kind: &Kind, data: &T) -> Result<String, EncodeError> {
    #[derive(Serialize)]
    struct Envelope<'a, T: ?Sized> {
        app: &'a str,
        kind: &'a str,
        version: u32,
        data: &'a T,
    }
    serde_json::to_string(&Envelope {
        app: APP_ID,
        kind: kind.key,
        version: kind.version,
        data,
    })
    .map_err(|e| EncodeError {
        kind: kind.label,
        message: e.to_string(),
    })
}

/// Reads a stored list, record by record: a bad record is dropped and reported, the others load.
pub fn decode_list<T: Record>(raw: Option<&str>, kind: &Kind) -> Load<Vec<T>> {
    if let Some(load) = raw.and_then(|raw| decode_current_list(raw, kind)) {
        return load;
    }
    let (data, from, raw) = match open(raw, kind) {
        Ok(opened) => opened,
        Err(load) => return load,
    };
    let Value::Array(items) = data else {
        return Load::Corrupt {
            reason: Corrupt::NotAList,
            raw: raw.to_string(),
        };
    };
    let mut value = Vec::with_capacity(items.len());
    let mut dropped = Vec::new();
    for (index, item) in items.into_iter().enumerate() {
        let name = record_name(&item);
        let migrated = migrate(item, from, kind).map_err(|reason| DroppedRecord {
            index,
            name,
            reason,
            kept: false,
        });
        match migrated.and_then(|v| decode_record(index, v)) {
            Ok(mut record) => {
                report_parts(index, &mut record, &mut dropped);
                value.push(record);
            }
            Err(d) => dropped.push(d),
        }
    }
    Load::Loaded {
        value,
        dropped,
        migrated_from: (from < kind.version).then_some(from),
    }
}

/// The usual case, read straight into records: several times faster than going through
/// `serde_json::Value`, which matters for 5,000 creators at page load. `None` when the text is
/// anything but a well-formed current envelope; the careful path then says what is wrong.
fn decode_current_list<T: Record>(raw: &str, kind: &Kind) -> Option<Load<Vec<T>>> {
    #[derive(serde::Deserialize)]
    struct Current<T> {
        app: String,
        kind: String,
        version: u64,
        data: Vec<T>,
    }
    let current: Current<T> = serde_json::from_str(raw).ok()?;
    let from = u32::try_from(current.version).ok()?;
    if current.app != APP_ID || current.kind != kind.key || !kind.reads_unchanged(from) {
        return None;
    }
    let mut value = Vec::with_capacity(current.data.len());
    let mut dropped = Vec::new();
    for (index, record) in current.data.into_iter().enumerate() {
        let name = record.record_label();
        match record.checked_record() {
            Ok(mut r) => {
                report_parts(index, &mut r, &mut dropped);
                value.push(r);
            }
            Err(reason) => dropped.push(DroppedRecord {
                index,
                name,
                reason,
                kept: false,
            }),
        }
    }
    Some(Load::Loaded {
        value,
        dropped,
        migrated_from: (from < kind.version).then_some(from),
    })
}

/// Reads a stored single value (settings and the like).
pub fn decode_one<T: Record>(raw: Option<&str>, kind: &Kind) -> Load<T> {
    let (data, from, raw) = match open(raw, kind) {
        Ok(opened) => opened,
        Err(load) => return load,
    };
    let corrupt = |reason: String| Load::Corrupt {
        reason: Corrupt::Unreadable(reason),
        raw: raw.to_string(),
    };
    let migrated = match migrate(data, from, kind) {
        Ok(v) => v,
        Err(reason) => return corrupt(reason),
    };
    match decode_value::<T>(migrated) {
        Ok(value) => Load::Loaded {
            value,
            dropped: Vec::new(),
            migrated_from: (from < kind.version).then_some(from),
        },
        Err(reason) => corrupt(reason),
    }
}

/// Checks the envelope; returns its data, its version and the raw text, or the final outcome.
fn open<'r, T>(raw: Option<&'r str>, kind: &Kind) -> Result<(Value, u32, &'r str), Load<T>> {
    let Some(raw) = raw else {
        return Err(Load::Missing);
    };
    let corrupt = |reason: Corrupt| Load::Corrupt {
        reason,
        raw: raw.to_string(),
    };
    let value: Value =
        serde_json::from_str(raw).map_err(|e| corrupt(Corrupt::NotJson(e.to_string())))?;
    let Value::Object(mut map) = value else {
        return Err(corrupt(Corrupt::NotOurs));
    };
    if map.get("app").and_then(Value::as_str) != Some(APP_ID) {
        return Err(corrupt(Corrupt::NotOurs));
    }
    match map.get("kind").and_then(Value::as_str) {
        Some(k) if k == kind.key => {}
        other => {
            return Err(corrupt(Corrupt::WrongKind {
                expected: kind.label.to_string(),
                found: other.unwrap_or("unnamed").to_string(),
            }))
        }
    }
    let version = map
        .get("version")
        .and_then(Value::as_u64)
        .filter(|&v| v >= 1)
        .ok_or_else(|| corrupt(Corrupt::NoVersion))?;
    if version > u64::from(kind.version) {
        return Err(Load::TooNew {
            found: version,
            supported: kind.version,
            raw: raw.to_string(),
        });
    }
    // Guaranteed to fit: at most kind.version.
    let from = u32::try_from(version).unwrap_or(kind.version);
    let upgradable = (from..kind.version).all(|v| kind.migrations.iter().any(|m| m.from == v));
    if !upgradable {
        return Err(corrupt(Corrupt::UnknownVersion(version)));
    }
    let data = map.remove("data").ok_or_else(|| corrupt(Corrupt::NoData))?;
    Ok((data, from, raw))
}

fn migrate(mut value: Value, from: u32, kind: &Kind) -> Result<Value, String> {
    for v in from..kind.version {
        let step = kind
            .migrations
            .iter()
            .find(|m| m.from == v)
            .ok_or_else(|| format!("there is no upgrade from format {v}"))?;
        if let Some(convert) = step.migrate {
            value = convert(value)
                .map_err(|e| format!("it could not be upgraded from format {v}: {e}"))?;
        }
    }
    Ok(value)
}

/// Shortlist record, version 2 to 3: the follower count becomes the first entry of the follower
/// history, dated by the record's last change (the best date known for it). Everything else is
/// unchanged: version 3 only adds fields.
pub fn shortlist_v2_to_v3(record: Value) -> Result<Value, String> {
    let Value::Object(mut map) = record else {
        return Err("it is not a record.".to_string());
    };
    let followers = map.get("followers").and_then(Value::as_u64);
    let date = map
        .get("updated_at")
        .and_then(Value::as_f64)
        .and_then(Date::from_ms);
    if let (Some(count), Some(date), false) =
        (followers, date, map.contains_key("follower_history"))
    {
        map.insert(
            "follower_history".into(),
            serde_json::json!([{ "date": date.to_string(), "count": count, "source": "stored" }]),
        );
    }
    Ok(Value::Object(map))
}

/// Shortlist record, version 1 to 2 (shapes described at [`SHORTLIST`]).
pub fn shortlist_v1_to_v2(record: Value) -> Result<Value, String> {
    let Value::Object(mut old) = record else {
        return Err("it is not a record.".to_string());
    };
    let mut new = Map::new();
    for key in ["id", "name", "notes", "price"] {
        if let Some(v) = old.remove(key) {
            new.insert(key.to_string(), v);
        }
    }
    if let Some(url) = old.remove("url") {
        new.insert("profile_url".into(), url);
    }
    match old.remove("platform") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if s.trim().is_empty() => {}
        Some(Value::String(s)) => {
            let p = Platform::parse(&s)
                .ok_or_else(|| format!("the platform “{s}” is not one Microscope knows."))?;
            let v = serde_json::to_value(p).map_err(|e| e.to_string())?;
            new.insert("platform".into(), v);
        }
        Some(other) => return Err(format!("the platform {other} is not a name.")),
    }
    match old.remove("followers") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if s.trim().is_empty() => {}
        Some(Value::String(s)) => {
            let n = parse_count(&s).map_err(|e| format!("followers: {e}"))?;
            new.insert("followers".into(), n.into());
        }
        Some(v @ Value::Number(_)) => {
            new.insert("followers".into(), v);
        }
        Some(other) => return Err(format!("the follower count {other} is not a number.")),
    }
    let mut metrics = Map::new();
    for key in ["views", "likes", "comments", "shares"] {
        match old.remove(key) {
            None | Some(Value::Null) => {}
            Some(v) => {
                metrics.insert(key.to_string(), v);
            }
        }
    }
    if !metrics.is_empty() {
        new.insert("metrics".into(), Value::Object(metrics));
    }
    match old.remove("tags") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) => {
            let tags: Vec<Value> = parse_tags(&s).into_iter().map(Value::String).collect();
            new.insert("tags".into(), Value::Array(tags));
        }
        Some(v) => {
            new.insert("tags".into(), v);
        }
    }
    // Version 1 had no pipeline: everyone was a prospect.
    new.insert("status".into(), Value::String("prospect".into()));
    if let Some(v) = old.remove("created") {
        new.insert("created_at".into(), v);
    }
    if let Some(v) = old.remove("updated") {
        new.insert("updated_at".into(), v);
    }
    Ok(Value::Object(new))
}

/// Campaign record, version 1 to 2: results without a creator go to the campaign's only
/// creator when it has exactly one (then who posted is certain); otherwise they stay untied.
pub fn campaigns_v1_to_v2(record: Value) -> Result<Value, String> {
    let Value::Object(mut campaign) = record else {
        return Err("it is not a record.".to_string());
    };
    let only_creator: Option<String> = match campaign.get("creators") {
        Some(Value::Array(ids)) => {
            let ids: Vec<&str> = ids
                .iter()
                .filter_map(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            match ids.as_slice() {
                [one] => Some((*one).to_string()),
                [first, rest @ ..] if rest.iter().all(|r| r == first) => Some((*first).to_string()),
                _ => None,
            }
        }
        _ => None,
    };
    match campaign.get_mut("results") {
        None | Some(Value::Null) => {}
        Some(Value::Array(results)) => {
            for (i, r) in results.iter_mut().enumerate() {
                let Value::Object(r) = r else {
                    return Err(format!("result {} is not a record.", i + 1));
                };
                let untied = match r.get("creator_id") {
                    None | Some(Value::Null) => true,
                    Some(Value::String(s)) => s.trim().is_empty(),
                    Some(_) => false,
                };
                if untied {
                    let id = only_creator.clone().unwrap_or_default();
                    r.insert("creator_id".into(), Value::String(id));
                }
            }
        }
        Some(_) => return Err("its results are not a list.".to_string()),
    }
    Ok(Value::Object(campaign))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::creator::dossier::{FollowerSnapshot, SnapshotSource};
    use crate::domain::creator::metrics::PostMetrics;
    use crate::domain::creator::record::{Creator, Status};

    fn ann() -> Creator {
        let mut c = Creator::new("c1".into(), "Ann", 10.0);
        c.followers = Some(45_000);
        c.platform = Some(Platform::TikTok);
        c.status = Status::Confirmed;
        c
    }

    fn loaded<T>(load: Load<T>) -> (T, Vec<DroppedRecord>, Option<u32>) {
        match load {
            Load::Loaded {
                value,
                dropped,
                migrated_from,
            } => (value, dropped, migrated_from),
            other => panic!("expected Loaded, got {}", variant(&other)),
        }
    }

    fn variant<T>(load: &Load<T>) -> String {
        match load {
            Load::Missing => "Missing".into(),
            Load::Unavailable { .. } => "Unavailable".into(),
            Load::Corrupt { reason, .. } => format!("Corrupt({reason:?})"),
            Load::TooNew { found, .. } => format!("TooNew({found})"),
            Load::Loaded { .. } => "Loaded".into(),
        }
    }

    #[test]
    fn encode_then_decode() {
        let list = vec![ann()];
        let Ok(raw) = encode(&SHORTLIST, &list) else {
            panic!("encode");
        };
        assert!(raw.starts_with(r#"{"app":"microscope","kind":"shortlist","version":6,"data":[{"#));
        let (value, dropped, from) = loaded(decode_list::<Creator>(Some(&raw), &SHORTLIST));
        assert_eq!(value, list);
        assert!(dropped.is_empty());
        assert_eq!(from, None);
    }

    #[test]
    fn outcomes_that_are_not_a_load() {
        let cases: &[(Option<&str>, &str)] = &[
            (None, "Missing"),
            (Some(""), "Corrupt(NotJson"),
            (Some("{\"app\":\"microscope\""), "Corrupt(NotJson"),
            (Some("[]"), "Corrupt(NotOurs)"),
            (Some("{\"kind\":\"shortlist\",\"version\":2,\"data\":[]}"), "Corrupt(NotOurs)"),
            (
                Some("{\"app\":\"microscope\",\"kind\":\"settings\",\"version\":1,\"data\":{}}"),
                "Corrupt(WrongKind { expected: \"shortlist\", found: \"settings\" })",
            ),
            (Some("{\"app\":\"microscope\",\"kind\":\"shortlist\",\"data\":[]}"), "Corrupt(NoVersion)"),
            (
                Some("{\"app\":\"microscope\",\"kind\":\"shortlist\",\"version\":-1,\"data\":[]}"),
                "Corrupt(NoVersion)",
            ),
            (
                Some("{\"app\":\"microscope\",\"kind\":\"shortlist\",\"version\":0,\"data\":[]}"),
                "Corrupt(NoVersion)",
            ),
            (Some("{\"app\":\"microscope\",\"kind\":\"shortlist\",\"version\":2}"), "Corrupt(NoData)"),
            (
                Some("{\"app\":\"microscope\",\"kind\":\"shortlist\",\"version\":2,\"data\":{}}"),
                "Corrupt(NotAList)",
            ),
            (
                Some("{\"app\":\"microscope\",\"kind\":\"shortlist\",\"version\":7,\"data\":\"whatever\"}"),
                "TooNew(7)",
            ),
            (
                Some("{\"app\":\"microscope\",\"kind\":\"shortlist\",\"version\":99999999999,\"data\":[]}"),
                "TooNew(99999999999)",
            ),
        ];
        for (raw, want) in cases {
            let got = variant(&decode_list::<Creator>(*raw, &SHORTLIST));
            assert!(got.starts_with(want), "{raw:?}: got {got}, want {want}");
        }
    }

    #[test]
    fn corrupt_and_too_new_keep_the_raw_text() {
        let raw = "{\"app\":\"microscope\",\"kind\":\"shortlist\",\"version\":7,\"data\":[]}";
        let load = decode_list::<Creator>(Some(raw), &SHORTLIST);
        assert_eq!(
            load.message(&SHORTLIST).unwrap_or_default(),
            "This browser holds your shortlist as written by a newer Microscope (format 7; this one reads up to 6). What is stored has been left untouched; update the app to use it."
        );
        assert!(matches!(load, Load::TooNew { found: 7, supported: 6, raw: r } if r == raw));
        let load = decode_list::<Creator>(Some("not json"), &SHORTLIST);
        assert!(matches!(&load, Load::Corrupt { raw, .. } if raw == "not json"));
        let msg = load.message(&SHORTLIST).unwrap_or_default();
        assert!(
            msg.starts_with("Your saved shortlist could not be read: it is not valid JSON"),
            "{msg}"
        );
    }

    /// A version-1 shortlist as the first release wrote it.
    const V1_FIXTURE: &str = r#"{"app":"microscope","kind":"shortlist","version":1,"data":[
        {"id":"c1","name":"Ann","platform":"tiktok","url":"https://www.tiktok.com/@ann",
         "followers":"45,000","views":130000,"likes":9000,"comments":500,"shares":300,
         "price":120,"tags":"Fitness, vegan ,fitness","notes":"Great replies",
         "created":1700000000000,"updated":1700000500000},
        {"id":"c2","name":"Bo","followers":"lots"},
        {"id":"c3","name":"Cy","platform":"yt","followers":"1.2M","tags":""},
        "garbage"
    ]}"#;

    #[test]
    fn migration_from_v1() {
        let (value, dropped, from) = loaded(decode_list::<Creator>(Some(V1_FIXTURE), &SHORTLIST));
        assert_eq!(from, Some(1));
        let want_ann = Creator {
            id: "c1".into(),
            name: "Ann".into(),
            profile_url: Some("https://www.tiktok.com/@ann".into()),
            platform: Some(Platform::TikTok),
            followers: Some(45_000),
            metrics: PostMetrics::counts(130_000.0, 9_000.0, 500.0, 300.0),
            price: Some(120.0),
            tags: vec!["fitness".into(), "vegan".into()],
            notes: "Great replies".into(),
            status: Status::Prospect,
            created_at: 1_700_000_000_000.0,
            updated_at: 1_700_000_500_000.0,
            // Version 3: the count becomes the first entry of the history, dated by updated_at.
            follower_history: vec![FollowerSnapshot {
                date: Date::new(2023, 11, 14).unwrap_or_else(|| panic!("date")),
                count: 45_000,
                source: SnapshotSource::Stored,
            }]
            .into(),
            ..Creator::default()
        };
        let want_cy = Creator {
            id: "c3".into(),
            name: "Cy".into(),
            platform: Some(Platform::YouTube),
            followers: Some(1_200_000),
            ..Creator::default()
        };
        assert_eq!(value, vec![want_ann, want_cy]);
        let reports: Vec<String> = dropped.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            reports,
            vec![
                "record 2 (Bo): it could not be upgraded from format 1: followers: “lots” is not a number. Write it like 45000, 45,000, 12.5K or 1.2M.",
                "record 4: it could not be upgraded from format 1: it is not a record.",
            ]
        );
        // Saving again writes the current version.
        let Ok(raw) = encode(&SHORTLIST, &value) else {
            panic!("encode");
        };
        let (again, _, from) = loaded(decode_list::<Creator>(Some(&raw), &SHORTLIST));
        assert_eq!(from, None);
        assert_eq!(again, value);
    }

    /// A stored shortlist of format `format` (a fixture) as it loads: every record kept, migrated
    /// from `format`. Returns the creators and the fixture's stored records, as JSON.
    fn load_fixture(raw: &str, format: u32) -> (Vec<Creator>, serde_json::Value) {
        let (value, dropped, from) = loaded(decode_list::<Creator>(Some(raw), &SHORTLIST));
        assert_eq!(from, Some(format));
        assert!(dropped.is_empty(), "{dropped:?}");
        let Ok(serde_json::Value::Object(old)) = serde_json::from_str::<serde_json::Value>(raw)
        else {
            panic!("fixture");
        };
        (value, old.get("data").cloned().unwrap_or_default())
    }

    /// Regression for the dossier release: a shortlist stored by the build before dossiers
    /// (format 2, `tests/fixtures/stored-shortlist-v2.json`) must load with every field it had,
    /// and gain a first follower-history entry from its count.
    #[test]
    fn migration_from_v2_keeps_every_field() {
        let raw = include_str!("../../tests/fixtures/stored-shortlist-v2.json");
        let (value, old_records) = load_fixture(raw, 2);
        assert_eq!(value.len(), 3);
        // Every field of the stored JSON is still there, with the same value.
        let old_records = old_records.as_array().cloned().unwrap_or_default();
        for (old, new) in old_records.iter().zip(&value) {
            let new_json = serde_json::to_value(new).unwrap_or_default();
            let Some(fields) = old.as_object() else {
                panic!("record");
            };
            for (key, v) in fields {
                assert_eq!(new_json.get(key), Some(v), "{key} of {}", new.name);
            }
        }
        // (name, history after the upgrade)
        let cases = [
            ("Ana Souza", vec![("2025-12-03", 48_200)]),
            ("@bo.makes", vec![("2025-11-24", 12_500)]),
            ("Cy Tech Reviews", vec![]),
        ];
        for (name, want) in cases {
            let got: Vec<(String, u64)> = value
                .iter()
                .find(|c| c.name == name)
                .map(|c| {
                    c.follower_history
                        .iter()
                        .map(|s| (s.date.to_string(), s.count))
                        .collect()
                })
                .unwrap_or_default();
            let want: Vec<(String, u64)> =
                want.into_iter().map(|(d, n)| (d.to_string(), n)).collect();
            assert_eq!(got, want, "{name}");
        }
    }

    /// Regression for the parts layout (version 4): a shortlist stored whole by the dossier
    /// build (format 3, `tests/fixtures/stored-shortlist-v3.json`, every dossier part filled)
    /// loads with every field it had, unchanged; written again it is version 4, which loads as it
    /// was without a migration.
    #[test]
    fn migration_from_v3_keeps_every_field() {
        let raw = include_str!("../../tests/fixtures/stored-shortlist-v3.json");
        let (value, old_records) = load_fixture(raw, 3);
        // Version 3 records are version 4 records: the JSON is the same, field for field.
        assert_eq!(
            serde_json::to_value(&value).unwrap_or_default(),
            old_records
        );
        let ana = value.first().cloned().unwrap_or_default();
        let counts = (
            ana.posts.len(),
            ana.follower_history.len(),
            ana.comment_samples.len(),
            ana.caption_checks.len(),
            ana.reported.len(),
            ana.custom.len(),
        );
        assert_eq!(counts, (2, 2, 1, 1, 1, 1));
        let Ok(again) = encode(&SHORTLIST, &value) else {
            panic!("encode");
        };
        let (again, _, from) = loaded(decode_list::<Creator>(Some(&again), &SHORTLIST));
        assert_eq!((again, from), (value, None));
    }

    #[test]
    fn a_bad_dossier_entry_is_dropped_never_the_creator() {
        // (stored data, creators kept, report lines); both the direct path (all parse) and the
        // careful one (a record that does not parse) must keep the creator.
        let cases = [
            (
                r#"[{"id":"c1","name":"Ann","posts":[{"views":10},{"views":"lots"}]}]"#,
                vec!["c1"],
                vec!["record 1 (Ann) loaded, but post 2 was left out: it could not be read (invalid type: string \"lots\", expected f64)."],
            ),
            (
                r#"[{"id":"c1","name":"Ann","follower_history":[{"date":"2026-02-30","count":5}],"comment_samples":[{"date":"2026-01-02","text":"nice"}]},{"id":"c2","name":" "}]"#,
                vec!["c1"],
                vec![
                    "record 1 (Ann) loaded, but follower count 1 was left out: it could not be read (“2026-02-30” is not a date: February 2026 has 28 days.).",
                    "record 2: the name is empty; every creator needs a name or handle.",
                ],
            ),
            // Likes and dislikes typed beside the comments under Risks: a sample with an
            // unusable count is left out, naming the field; one with sane counts stays.
            (
                r#"[{"id":"c1","name":"Ann","comment_samples":[{"date":"2026-01-02","text":"nice","likes":1200,"dislikes":30},{"date":"2026-01-03","text":"meh","dislikes":-4}]}]"#,
                vec!["c1"],
                vec!["record 1 (Ann) loaded, but comment sample 2 was left out: its dislikes count (-4) is not usable: a count is between 0 and 10 billion."],
            ),
            (
                r#"[{"id":"c1","name":"Ann","posts":[{"link":"javascript:alert(1)"}]},{"id":5}]"#,
                vec!["c1"],
                vec![
                    "record 1 (Ann) loaded, but post 1 was left out: profile link “javascript:alert(1)” is not a web address; only links starting with http:// or https:// are accepted.",
                    "record 2: its “id” could not be read: it holds the number 5 where text belongs.",
                ],
            ),
        ];
        for (data, ids, reports) in cases {
            let raw =
                format!(r#"{{"app":"microscope","kind":"shortlist","version":4,"data":{data}}}"#);
            let load = decode_list::<Creator>(Some(&raw), &SHORTLIST);
            let (value, dropped, _) = loaded(load);
            let got: Vec<&str> = value.iter().map(|c| c.id.as_str()).collect();
            assert_eq!(got, ids, "{data}");
            let got: Vec<String> = dropped.iter().map(|d| d.to_string()).collect();
            assert_eq!(got, reports, "{data}");
        }
    }

    #[test]
    fn one_bad_record_is_dropped_the_others_load() {
        let raw = r#"{"app":"microscope","kind":"shortlist","version":2,"data":[
            {"id":"c1","name":"Ann"},
            {"id":"c2","name":"Bo","followers":-5},
            {"id":"c3","name":"Cy","profile_url":"javascript:alert(1)"},
            {"id":"c4","name":"Dee"}
        ]}"#;
        let load = decode_list::<Creator>(Some(raw), &SHORTLIST);
        let msg = load.message(&SHORTLIST).unwrap_or_default();
        assert!(
            msg == "2 saved records of your shortlist could not be loaded.",
            "{msg}"
        );
        let (value, dropped, _) = loaded(load);
        let ids: Vec<&str> = value.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, vec!["c1", "c4"]);
        let indexes: Vec<usize> = dropped.iter().map(|d| d.index).collect();
        assert_eq!(indexes, vec![1, 2]);
    }

    #[test]
    fn versions_whose_records_read_unchanged() {
        // (kind, version, read as the current records)
        let cases = [
            (SHORTLIST, 1, false),
            (SHORTLIST, 2, false),
            (SHORTLIST, 3, true),
            (SHORTLIST, 5, true),
            (SHORTLIST, 6, true),
            (SHORTLIST, 7, false),
            (CAMPAIGNS, 1, false),
            (CAMPAIGNS, 2, true),
            (CAMPAIGNS, 3, true),
            (THRESHOLDS, 1, true),
            (THRESHOLDS, 0, false),
        ];
        for (kind, version, want) in cases {
            assert_eq!(
                kind.reads_unchanged(version),
                want,
                "{} {version}",
                kind.key
            );
        }
        // A version-5 list loads as it is, and says it came from version 5.
        let raw = r#"{"app":"microscope","kind":"shortlist","version":5,"data":[{"id":"c1","name":"Ann"}]}"#;
        let (value, dropped, from) = loaded(decode_list::<Creator>(Some(raw), &SHORTLIST));
        assert_eq!((value.len(), dropped.len(), from), (1, 0, Some(5)));
    }

    #[test]
    fn records_failing_checks_are_dropped_on_the_fast_path_too() {
        // Every record parses, so the direct path reads them; the checks still drop two.
        let raw = r#"{"app":"microscope","kind":"shortlist","version":6,"data":[
            {"id":"c1","name":"Ann","tags":["Vegan","vegan"]},
            {"id":"c2","name":"Bo","profile_url":"data:text/html,hi"},
            {"id":"c3","name":" "},
            {"id":"c4","name":"Dee"}
        ]}"#;
        let (value, dropped, from) = loaded(decode_list::<Creator>(Some(raw), &SHORTLIST));
        assert_eq!(from, None);
        let ids: Vec<&str> = value.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, vec!["c1", "c4"]);
        assert_eq!(
            value.first().map(|c| c.tags.clone()),
            Some(vec!["vegan".to_string()])
        );
        let reports: Vec<String> = dropped.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            reports,
            vec![
                "record 2 (Bo): profile link “data:text/html,hi” is not a web address; only links starting with http:// or https:// are accepted.",
                "record 3: the name is empty; every creator needs a name or handle.",
            ]
        );
    }

    /// A one-value kind with a migration, to test `decode_one` and the chain of steps.
    #[derive(Debug, Clone, PartialEq, serde::Deserialize)]
    struct Settings {
        currency: String,
        #[serde(default)]
        compact: bool,
    }

    impl Record for Settings {
        fn checked_record(self) -> Result<Self, String> {
            if self.currency.len() == 3 {
                Ok(self)
            } else {
                Err(format!("currency “{}” is not a code.", self.currency))
            }
        }
    }

    fn settings_v1_to_v2(v: Value) -> Result<Value, String> {
        let cur = v.get("cur").and_then(Value::as_str).ok_or("no currency")?;
        Ok(serde_json::json!({ "currency": cur }))
    }

    fn settings_v2_to_v3(mut v: Value) -> Result<Value, String> {
        if let Some(map) = v.as_object_mut() {
            map.insert("compact".into(), Value::Bool(true));
        }
        Ok(v)
    }

    const SETTINGS: Kind = Kind {
        key: "settings",
        label: "settings",
        version: 3,
        migrations: &[
            Migration::convert(1, settings_v1_to_v2),
            Migration::convert(2, settings_v2_to_v3),
        ],
        layout: Layout::Whole,
    };

    #[test]
    fn single_values_and_migration_chains() {
        let v1 = r#"{"app":"microscope","kind":"settings","version":1,"data":{"cur":"EUR"}}"#;
        let (value, _, from) = loaded(decode_one::<Settings>(Some(v1), &SETTINGS));
        assert_eq!(
            value,
            Settings {
                currency: "EUR".into(),
                compact: true
            }
        );
        assert_eq!(from, Some(1));
        let bad =
            r#"{"app":"microscope","kind":"settings","version":3,"data":{"currency":"euros"}}"#;
        assert_eq!(
            variant(&decode_one::<Settings>(Some(bad), &SETTINGS)),
            "Corrupt(Unreadable(\"currency “euros” is not a code.\"))"
        );
        let no_step = Kind {
            migrations: &[],
            ..SETTINGS
        };
        assert_eq!(
            variant(&decode_one::<Settings>(Some(v1), &no_step)),
            "Corrupt(UnknownVersion(1))"
        );
    }

    /// Campaigns as session 1's planner stored them: results without a creator (one with an
    /// empty id, one with none), a campaign with one creator, one with two, one with none.
    const CAMPAIGNS_V1_FIXTURE: &str = r#"{"app":"microscope","kind":"campaigns","version":1,"data":[
        {"id":"k1","name":"Solo","goal":"engagement","currency":"USD","platforms":[],"countries":["us"],
         "brand_categories":[],"creators":["c1"],"checklist":["set-goal"],"targets":{"views":100000},
         "results":[{"creator_id":"","date":"2026-05-03","views":5000},{"date":"2026-05-04","views":700}],
         "created_at":1.0,"updated_at":2.0},
        {"id":"k2","name":"Pair","creators":["c1","c2"],
         "results":[{"creator_id":"","date":"2026-05-03","interactions":40},{"creator_id":"c2","views":9}]},
        {"id":"k3","name":"Nobody","results":[{"date":"2026-05-03","clicks":3}]},
        {"id":"k4","name":"Broken","results":"lots"}
    ]}"#;

    #[test]
    fn campaigns_migrate_from_v1() {
        use crate::domain::campaign::record::Campaign;
        let (campaigns, dropped, from) = loaded(decode_list::<Campaign>(
            Some(CAMPAIGNS_V1_FIXTURE),
            &CAMPAIGNS,
        ));
        assert_eq!(from, Some(1));
        let who: Vec<(&str, Vec<&str>)> = campaigns
            .iter()
            .map(|c| {
                (
                    c.name.as_str(),
                    c.results.iter().map(|r| r.creator_id.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            who,
            vec![
                ("Solo", vec!["c1", "c1"]),
                ("Pair", vec!["", "c2"]),
                ("Nobody", vec![""]),
            ]
        );
        // Everything else is kept as stored.
        let solo = campaigns.first().cloned().unwrap_or_default();
        assert_eq!(solo.results.first().and_then(|r| r.views), Some(5000.0));
        assert_eq!(solo.targets.views, Some(100_000.0));
        assert!(solo.checklist.is_done("set-goal"));
        assert_eq!(solo.countries, vec!["us".to_string()]);
        assert_eq!(dropped.len(), 1);
        assert_eq!(
            dropped.first().map(|d| d.to_string()),
            Some("record 4 (Broken): it could not be upgraded from format 1: its results are not a list.".to_string())
        );
        // Written back as version 2, which loads without a migration.
        let text = encode(&CAMPAIGNS, &campaigns).unwrap_or_default();
        let (again, _, from) = loaded(decode_list::<Campaign>(Some(&text), &CAMPAIGNS));
        assert_eq!((again, from), (campaigns, None));
    }

    /// Every message reads right for every store, whether its name is singular ("shortlist") or
    /// plural ("risk thresholds"): no "it" or "was" that only fits one of them (regression:
    /// "Your saved risk thresholds was written by a newer Microscope", "It has been left
    /// untouched", "Export it to keep it").
    #[test]
    fn messages_read_right_for_every_store() {
        let too_new = |kind: &Kind| {
            Load::<()>::TooNew {
                found: 9,
                supported: 1,
                raw: String::new(),
            }
            .message(kind)
        };
        let corrupt = |kind: &Kind| {
            Load::<()>::Corrupt {
                reason: Corrupt::WrongKind {
                    expected: kind.label.to_string(),
                    found: "settings".into(),
                },
                raw: String::new(),
            }
            .message(kind)
        };
        let blocked = |kind: &Kind| {
            Load::<()>::Unavailable {
                reason: "private browsing".into(),
            }
            .message(kind)
        };
        // (store, message, want)
        // What one kind of load says of a store.
        type Message = fn(&Kind) -> Option<String>;
        let cases: [(&Kind, Message, &str); 4] = [
            (
                &THRESHOLDS,
                too_new,
                "This browser holds your risk thresholds as written by a newer Microscope (format 9; this one reads up to 1). What is stored has been left untouched; update the app to use it.",
            ),
            (
                &CAMPAIGNS,
                corrupt,
                "Your saved campaigns could not be read: it holds another kind of data (“settings”), not your campaigns. What is stored has been left untouched; download it before saving anything new.",
            ),
            (
                &SETTINGS,
                blocked,
                "This browser isn't letting Microscope save anything (private browsing), so your settings will be lost when the page closes. Export the workspace to keep a copy.",
            ),
            (
                &SHORTLIST,
                too_new,
                "This browser holds your shortlist as written by a newer Microscope (format 9; this one reads up to 1). What is stored has been left untouched; update the app to use it.",
            ),
        ];
        for (kind, message, want) in cases {
            assert_eq!(message(kind).as_deref(), Some(want), "{}", kind.key);
        }
        // A value refused by its checks: said once, and without a double full stop.
        let refused = Load::<()>::Corrupt {
            reason: Corrupt::Unreadable("Past sponsored posts: 2.5 must be a whole number.".into()),
            raw: String::new(),
        };
        assert_eq!(
            refused.message(&THRESHOLDS).as_deref(),
            Some("Your saved risk thresholds could not be read: its data is not usable (Past sponsored posts: 2.5 must be a whole number.). What is stored has been left untouched; download it before saving anything new.")
        );
        let part = DroppedRecord {
            index: 0,
            name: Some("Ann".into()),
            reason: "post 2 was left out.".into(),
            kept: true,
        };
        let load = Load::Loaded {
            value: (),
            dropped: vec![part],
            migrated_from: None,
        };
        assert_eq!(
            load.message(&SHORTLIST).as_deref(),
            Some("1 part of saved records of your shortlist (such as a post or a comment sample) could not be read and was left out.")
        );
    }

    #[test]
    fn unavailable_has_a_message() {
        let load: Load<Vec<Creator>> = Load::Unavailable {
            reason: "private browsing".into(),
        };
        let msg = load.message(&SHORTLIST).unwrap_or_default();
        assert!(msg.contains("(private browsing)"), "{msg}");
        assert_eq!(Load::<Vec<Creator>>::Missing.message(&SHORTLIST), None);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use crate::domain::creator::record::Creator;
    use crate::domain::io::workspace::props::arb_creator;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_never_panics(s in "\\PC{0,200}") {
            let _ = decode_list::<Creator>(Some(&s), &SHORTLIST);
        }

        #[test]
        fn any_data_never_panics(data in "[\\[\\]{}\":,0-9a-z .-]{0,120}", version in 0u32..4) {
            let raw = format!("{{\"app\":\"microscope\",\"kind\":\"shortlist\",\"version\":{version},\"data\":{data}}}");
            let _ = decode_list::<Creator>(Some(&raw), &SHORTLIST);
        }

        #[test]
        fn v1_records_never_panic(name in "\\PC{0,10}", followers in "\\PC{0,10}", tags in "\\PC{0,10}") {
            let record = serde_json::json!({"id": "c1", "name": name, "followers": followers, "tags": tags});
            let raw = format!("{{\"app\":\"microscope\",\"kind\":\"shortlist\",\"version\":1,\"data\":[{record}]}}");
            let _ = decode_list::<Creator>(Some(&raw), &SHORTLIST);
        }

    }

    proptest! {
        // Each case builds several creators from broad Unicode text: 64 keep the suite quick.
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn round_trip(creators in proptest::collection::vec(arb_creator(), 0..8)) {
            let raw = encode(&SHORTLIST, &creators);
            prop_assert!(raw.is_ok());
            let load = decode_list::<Creator>(raw.ok().as_deref(), &SHORTLIST);
            prop_assert_eq!(load, Load::Loaded { value: creators, dropped: vec![], migrated_from: None });
        }
    }
}
