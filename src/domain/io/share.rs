//! Share by link: a creator's dossier summary or a campaign brief as data in the URL fragment
//! (after `#`, which browsers never send to a server).
//!
//! The page compresses the JSON this module writes (the browser's own `CompressionStream`,
//! deflate-raw, so no compressor ships in the wasm) and this module turns the bytes into URL-safe
//! text and back. Opening a link is untrusted input: the text is size-limited before and after
//! decompression, decoded with the same record checks as an import (links must be http(s), numbers
//! sane), and every message says what is wrong.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

use crate::campaign::record::Campaign;
use crate::creator::record::Creator;
use crate::io::workspace::merge::{merge_records, Mergeable};
use crate::io::workspace::{check_header, decode_record, Header, APP_ID};

/// The share format this build writes and the newest it reads. Format 2: the same payload,
/// whose records gained fields, so an older build says "update the app" instead of opening a
/// creator or campaign without them (and merging that into its lists). Both read the same way.
pub const SHARE_VERSION: u32 = 2;
/// The fragment key: `#share=...`.
pub const FRAGMENT_KEY: &str = "share=";
/// Longest link text accepted (characters after `#share=`): chat apps and mail clients cut
/// longer links, so a longer one is refused when made, not when a colleague opens it.
pub const MAX_LINK_CHARS: usize = 32_000;
/// Largest decompressed JSON accepted: guards against a small link that inflates to gigabytes.
pub const MAX_SHARE_JSON: usize = 1024 * 1024;

/// What a link carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
// One value per link opened or made: the size of the creator variant costs nothing worth a Box.
#[allow(clippy::large_enum_variant)]
pub enum Shared {
    /// A creator's dossier summary (see [`creator_summary`]).
    Creator { creator: Box<Creator> },
    /// A campaign and the creators its brief names.
    Brief {
        campaign: Box<Campaign>,
        creators: Vec<Creator>,
    },
}

/// Why a link can't be made or opened. Shown as is.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ShareError {
    #[error("This link is {chars} characters long; links up to {max} characters are accepted. Share fewer creators, or send the workspace file instead.")]
    TooLong { chars: usize, max: usize },
    #[error("This link is damaged: character {position} (“{found}”) can't be part of a Microscope link. Copy the whole link again.")]
    BadCharacter { position: usize, found: char },
    #[error("This link is cut short. Copy the whole link again.")]
    CutShort,
    #[error("This link holds more than 1 MB of data once unpacked, more than any Microscope link; it was not opened.")]
    TooLarge,
    #[error("This link's data could not be read ({0}). Copy the whole link again.")]
    NotJson(String),
    #[error("This link was not made by Microscope.")]
    NotMicroscope,
    #[error("This link was made by a newer Microscope (format {found}; this one reads up to {supported}). Update the app to open it.")]
    TooNew { found: u64, supported: u32 },
    #[error("This link holds a “{0}”, which this version can't show.")]
    UnknownKind(String),
    #[error("This link's {what} could not be used: {reason}")]
    Record { what: &'static str, reason: String },
}

/// What a creator's link holds: the dossier without what is private to the team (notes, email,
/// price, custom columns, the text of pasted comments; their counts stay).
pub fn creator_summary(creator: &Creator) -> Creator {
    let mut c = creator.clone();
    c.notes.clear();
    c.email = None;
    c.price = None;
    c.currency = None;
    c.custom = Default::default();
    for sample in c.comment_samples.iter_mut() {
        sample.text.clear();
    }
    c
}

/// A shared creator to merge with the same creator here: what [`creator_summary`] leaves out
/// comes from here. A link's empty note or missing price means "not shared", not "cleared";
/// merging it as it is wiped the team's notes, email and price and added each comment sample a
/// second time, without its text.
fn with_private_kept(shared: &Creator, here: &Creator) -> Creator {
    let mut c = shared.clone();
    c.notes.clone_from(&here.notes);
    c.email.clone_from(&here.email);
    c.price = here.price;
    c.currency.clone_from(&here.currency);
    c.custom.clone_from(&here.custom);
    // A sample travels without its text; the one here with the same date and counts is it.
    // Its likes and dislikes travel (they are findings, like the counts); a link made before
    // they were kept has none, which means "not shared", so those here stay. Likes the link does
    // give must be the same, or it is another finding and both are kept.
    for sample in c.comment_samples.iter_mut().filter(|s| s.text.is_empty()) {
        let same = |shared: Option<f64>, mine: Option<f64>| shared.is_none() || shared == mine;
        if let Some(mine) = here.comment_samples.iter().find(|h| {
            h.date == sample.date
                && h.counts == sample.counts
                && same(sample.likes, h.likes)
                && same(sample.dislikes, h.dislikes)
        }) {
            sample.text.clone_from(&mine.text);
            sample.likes = sample.likes.or(mine.likes);
            sample.dislikes = sample.dislikes.or(mine.dislikes);
        }
    }
    c
}

/// A shared brief's campaign to merge with the same campaign here: the shop's orders never
/// travel in a link ([`crate::campaign::attribution::Attribution::without_orders`]), so the
/// ones imported here stay.
fn with_orders_kept(shared: &Campaign, here: &Campaign) -> Campaign {
    let mut c = shared.clone();
    c.attribution.files.clone_from(&here.attribution.files);
    c
}

/// The JSON a link carries (before compression).
pub fn share_json(item: &Shared) -> Result<String, ShareError> {
    #[derive(Serialize)]
    struct Payload<'a> {
        app: &'a str,
        share: u32,
        #[serde(flatten)]
        item: &'a Shared,
    }
    serde_json::to_string(&Payload {
        app: APP_ID,
        share: SHARE_VERSION,
        item,
    })
    .map_err(|e| ShareError::NotJson(e.to_string()))
}

/// Reads a link's JSON (after decompression), checking every record as an import does.
pub fn open_share(json: &str) -> Result<Shared, ShareError> {
    if json.len() > MAX_SHARE_JSON {
        return Err(ShareError::TooLarge);
    }
    let value: Value =
        serde_json::from_str(json).map_err(|e| ShareError::NotJson(e.to_string()))?;
    let Value::Object(mut map) = value else {
        return Err(ShareError::NotMicroscope);
    };
    check_header(&map, "share", SHARE_VERSION).map_err(|h| match h {
        Header::NotOurs | Header::NoVersion => ShareError::NotMicroscope,
        Header::TooNew(found) => ShareError::TooNew {
            found,
            supported: SHARE_VERSION,
        },
    })?;
    let kind = map
        .get("kind")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let record = |what: &'static str, d: crate::io::workspace::DroppedRecord| ShareError::Record {
        what,
        reason: d.reason,
    };
    match kind.as_str() {
        "creator" => {
            let value = map.remove("creator").unwrap_or(Value::Null);
            let creator = decode_record::<Creator>(0, value).map_err(|d| record("creator", d))?;
            Ok(Shared::Creator {
                creator: Box::new(creator),
            })
        }
        "brief" => {
            let value = map.remove("campaign").unwrap_or(Value::Null);
            let campaign =
                decode_record::<Campaign>(0, value).map_err(|d| record("campaign", d))?;
            let list = match map.remove("creators") {
                None | Some(Value::Null) => Vec::new(),
                Some(Value::Array(items)) => items,
                Some(_) => {
                    return Err(ShareError::Record {
                        what: "creators",
                        reason: "they are not a list.".into(),
                    })
                }
            };
            let mut creators = Vec::with_capacity(list.len());
            for (i, v) in list.into_iter().enumerate() {
                creators.push(decode_record::<Creator>(i, v).map_err(|d| record("creator", d))?);
            }
            Ok(Shared::Brief {
                campaign: Box::new(campaign),
                creators,
            })
        }
        other => Err(ShareError::UnknownKind(other.chars().take(40).collect())),
    }
}

/// What "Add to my workspace" made of a shared item: the new lists and one sentence per record
/// saying whether it was added, merged with the same record already here, or given a new id.
#[derive(Debug, Clone, PartialEq)]
pub struct Added {
    pub creators: Vec<Creator>,
    pub campaigns: Vec<Campaign>,
    pub messages: Vec<String>,
}

/// Puts `item` into `list`: added when its id is free; merged by id (newer `updated_at` kept,
/// dated entries of both) when the record here has the same id and name, so it is the same
/// record shared back; given a new id from `fresh_id` when the id is taken by another record.
/// Returns the id it ended under and what happened.
fn place<T: Mergeable>(
    list: &mut Vec<T>,
    item: &T,
    what: &str,
    fresh_id: &mut dyn FnMut() -> String,
    set_id: fn(&mut T, String),
    keep_here: fn(&T, &T) -> T,
) -> (String, String) {
    match list.iter().find(|r| r.id() == item.id()) {
        None => {
            list.push(item.clone());
            (
                item.id().to_string(),
                format!("Added the {what} “{}”.", item.name()),
            )
        }
        Some(here) if here.name() == item.name() => {
            let item = keep_here(item, here);
            let (merged, report) = merge_records(list, std::slice::from_ref(&item));
            *list = merged;
            let how = if report.updated > 0 {
                "merged with the one here by id (the newer version kept, dated entries of both)"
            } else {
                "already here with the same id; nothing new in the link"
            };
            (
                item.id().to_string(),
                format!("The {what} “{}” was {how}.", item.name()),
            )
        }
        Some(here) => {
            let other = here.name().to_string();
            let mut copy = item.clone();
            let id = fresh_id();
            set_id(&mut copy, id.clone());
            list.push(copy);
            (
                id,
                format!(
                    "Added the {what} “{}” under a new id: “{other}” here already has the link's id.",
                    item.name()
                ),
            )
        }
    }
}

/// "Add to my workspace" for a shared item, over the creators and campaigns held now. A brief's
/// campaign names its creators by id; those follow any new id they were given.
pub fn add_shared(
    shared: &Shared,
    creators: &[Creator],
    campaigns: &[Campaign],
    fresh_id: &mut dyn FnMut() -> String,
) -> Added {
    let mut out = Added {
        creators: creators.to_vec(),
        campaigns: campaigns.to_vec(),
        messages: Vec::new(),
    };
    let set_creator: fn(&mut Creator, String) = |c, id| c.id = id;
    match shared {
        Shared::Creator { creator } => {
            let (_, m) = place(
                &mut out.creators,
                creator,
                "creator",
                fresh_id,
                set_creator,
                with_private_kept,
            );
            out.messages.push(m);
        }
        Shared::Brief { campaign, creators } => {
            let mut campaign = campaign.clone();
            for c in creators {
                let (id, m) = place(
                    &mut out.creators,
                    c,
                    "creator",
                    fresh_id,
                    set_creator,
                    with_private_kept,
                );
                if id != c.id {
                    for member in campaign.creators.iter_mut().filter(|m| **m == c.id) {
                        member.clone_from(&id);
                    }
                    for result in campaign.results.iter_mut() {
                        if result.creator_id == c.id {
                            result.creator_id.clone_from(&id);
                        }
                    }
                    campaign.attribution.rename_creator(&c.id, &id);
                }
                out.messages.push(m);
            }
            let (_, m) = place(
                &mut out.campaigns,
                &campaign,
                "campaign",
                fresh_id,
                |c, id| c.id = id,
                with_orders_kept,
            );
            out.messages.push(m);
        }
    }
    out
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Bytes as URL-safe base64 without padding (RFC 4648 §5), refused when the result would be
/// longer than [`MAX_LINK_CHARS`].
pub fn to_link_text(bytes: &[u8]) -> Result<String, ShareError> {
    let chars = bytes.len().div_ceil(3) * 4 - (3 - bytes.len() % 3) % 3;
    if chars > MAX_LINK_CHARS {
        return Err(ShareError::TooLong {
            chars,
            max: MAX_LINK_CHARS,
        });
    }
    let mut out = String::with_capacity(chars);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            let index = ((n >> (18 - 6 * i)) & 63) as usize;
            out.push(char::from(ALPHABET[index]));
        }
    }
    Ok(out)
}

/// The bytes of a link's text (the part after `#share=`; a whole URL or fragment is accepted).
pub fn from_link_text(text: &str) -> Result<Vec<u8>, ShareError> {
    let text = text.trim();
    let text = match text.find(FRAGMENT_KEY) {
        Some(i) => &text[i + FRAGMENT_KEY.len()..],
        None => text,
    };
    let chars = text.chars().count();
    if chars > MAX_LINK_CHARS {
        return Err(ShareError::TooLong {
            chars,
            max: MAX_LINK_CHARS,
        });
    }
    if text.len() % 4 == 1 {
        return Err(ShareError::CutShort);
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for (position, c) in text.chars().enumerate() {
        let v = match c {
            'A'..='Z' => c as u32 - 'A' as u32,
            'a'..='z' => c as u32 - 'a' as u32 + 26,
            '0'..='9' => c as u32 - '0' as u32 + 52,
            '-' => 62,
            '_' => 63,
            found => {
                return Err(ShareError::BadCharacter {
                    position: position + 1,
                    found,
                })
            }
        };
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xff) as u8);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::creator::dossier::{CommentSample, CustomField};
    use crate::text::date::Date;

    fn ana() -> Creator {
        let mut c = Creator::new("c1".into(), "Ana Souza", 5.0);
        c.followers = Some(48_200);
        c.notes = "private".into();
        c.email = Some("ana@example.com".into());
        c.price = Some(450.0);
        c.custom.push(CustomField {
            name: "Agent".into(),
            value: "Bia".into(),
        });
        c.comment_samples.push(CommentSample {
            date: Date::new(2026, 11, 2).unwrap_or_else(|| panic!("date")),
            text: "love it\nscam".into(),
            counts: Default::default(),
            likes: None,
            dislikes: None,
        });
        c
    }

    /// "Add to my workspace": added, merged by id (same record shared back), or a new id.
    #[test]
    fn adding_a_shared_item() {
        let mut n = 0;
        let mut fresh = || {
            n += 1;
            format!("new{n}")
        };
        let mut newer = ana();
        newer.updated_at += 10.0;
        newer.followers = Some(99);
        let mut other = ana();
        other.name = "Someone else".into();
        // (held here, shared, names after, the message's start)
        let cases = [
            (
                vec![],
                ana(),
                vec!["Ana Souza"],
                "Added the creator “Ana Souza”.",
            ),
            (
                vec![ana()],
                ana(),
                vec!["Ana Souza"],
                "The creator “Ana Souza” was already here",
            ),
            (
                vec![ana()],
                newer,
                vec!["Ana Souza"],
                "The creator “Ana Souza” was merged with the one here by id",
            ),
            (
                vec![other],
                ana(),
                vec!["Someone else", "Ana Souza"],
                "Added the creator “Ana Souza” under a new id: “Someone else” here",
            ),
        ];
        for (here, shared, names, message) in cases {
            let added = add_shared(
                &Shared::Creator {
                    creator: Box::new(shared),
                },
                &here,
                &[],
                &mut fresh,
            );
            let got: Vec<&str> = added.creators.iter().map(|c| c.name.as_str()).collect();
            assert_eq!(got, names);
            assert!(
                added.messages[0].starts_with(message),
                "{:?}",
                added.messages
            );
        }
        // A brief: the campaign follows its creator's new id.
        let mut campaign = Campaign::new("k1".into(), "Spring", 1.0);
        campaign.creators.push(ana().id);
        let mut taken = ana();
        taken.name = "Bo".into();
        let added = add_shared(
            &Shared::Brief {
                campaign: Box::new(campaign),
                creators: vec![ana()],
            },
            &[taken],
            &[],
            &mut fresh,
        );
        assert_eq!(added.campaigns.len(), 1);
        let new_id = added.creators[1].id.clone();
        assert!(new_id.starts_with("new"), "{new_id}");
        assert_eq!(added.campaigns[0].creators, vec![new_id]);
        assert_eq!(added.messages.len(), 2);
        assert_eq!(added.messages[1], "Added the campaign “Spring”.");
    }

    /// Regression: adding a teammate's newer link of a creator held here wiped the notes, email,
    /// price and currency (the link leaves them out) and added each comment sample again without
    /// its text; adding one's own link back did the second. A brief's link wiped the shop's
    /// orders imported here.
    #[test]
    fn adding_a_link_keeps_what_the_link_leaves_out() {
        let mut fresh = || "unused".to_string();
        let mut newer = ana();
        newer.updated_at += 10.0;
        newer.status = crate::creator::record::Status::Confirmed;
        // (the creator in the link, the message's start)
        let cases = [
            (
                creator_summary(&ana()),
                "The creator “Ana Souza” was already here",
            ),
            (
                creator_summary(&newer),
                "The creator “Ana Souza” was merged",
            ),
        ];
        for (shared, message) in cases {
            let want_status = shared.status;
            let added = add_shared(
                &Shared::Creator {
                    creator: Box::new(shared),
                },
                &[ana()],
                &[],
                &mut fresh,
            );
            assert!(
                added.messages[0].starts_with(message),
                "{:?}",
                added.messages
            );
            let [got] = added.creators.as_slice() else {
                panic!("one creator: {:?}", added.creators)
            };
            assert_eq!(got.status, want_status, "the link's newer status is taken");
            assert_eq!(
                (got.notes.as_str(), got.email.as_deref(), got.price),
                ("private", Some("ana@example.com"), Some(450.0))
            );
            assert_eq!(got.custom, ana().custom);
            assert_eq!(got.comment_samples, ana().comment_samples, "no second copy");
        }

        let mut campaign = Campaign::new("k1".into(), "Spring", 1.0);
        campaign.creators.push(ana().id);
        campaign.attribution.files.push(Default::default());
        let mut shared = campaign.clone();
        shared.attribution = campaign.attribution.without_orders();
        shared.updated_at += 10.0;
        shared.notes = "newer brief".into();
        let added = add_shared(
            &Shared::Brief {
                campaign: Box::new(shared),
                creators: vec![creator_summary(&ana())],
            },
            &[ana()],
            &[campaign],
            &mut fresh,
        );
        let [got] = added.campaigns.as_slice() else {
            panic!("one campaign: {:?}", added.campaigns)
        };
        assert_eq!(got.notes, "newer brief");
        assert_eq!(
            got.attribution.files.len(),
            1,
            "the orders imported here stay"
        );
        assert_eq!(added.creators[0].notes, "private");
    }

    /// The likes and dislikes typed beside a comment sample travel in a creator's link, and
    /// merging the link back finds the sample here by date, counts and those figures: one sample,
    /// its text and figures kept; a link of an older build (no figures) is the same sample; other
    /// figures are another finding, kept beside it.
    #[test]
    fn comment_sample_likes_and_dislikes_travel_and_merge() {
        let with_figures = |likes: Option<f64>, dislikes: Option<f64>| {
            let mut c = ana();
            for s in c.comment_samples.iter_mut() {
                s.likes = likes;
                s.dislikes = dislikes;
            }
            c
        };
        let here = with_figures(Some(1200.0), Some(30.0));
        let link = share_json(&Shared::Creator {
            creator: Box::new(creator_summary(&here)),
        })
        .unwrap_or_default();
        assert!(link.contains(r#""likes":1200.0,"dislikes":30.0"#), "{link}");
        let figures = |c: &Creator| -> Vec<(String, Option<f64>, Option<f64>)> {
            c.comment_samples
                .iter()
                .map(|s| (s.text.clone(), s.likes, s.dislikes))
                .collect()
        };
        let text = "love it\nscam".to_string();
        // (likes and dislikes in the link, the samples after merging: text, likes, dislikes)
        let cases = [
            (
                (Some(1200.0), Some(30.0)),
                vec![(text.clone(), Some(1200.0), Some(30.0))],
            ),
            ((None, None), vec![(text.clone(), Some(1200.0), Some(30.0))]),
            (
                (Some(1200.0), None),
                vec![(text.clone(), Some(1200.0), Some(30.0))],
            ),
            (
                (Some(1500.0), Some(30.0)),
                // The link's is newer, so its entries come first.
                vec![
                    (String::new(), Some(1500.0), Some(30.0)),
                    (text.clone(), Some(1200.0), Some(30.0)),
                ],
            ),
        ];
        for ((likes, dislikes), want) in cases {
            let mut shared = creator_summary(&with_figures(likes, dislikes));
            shared.updated_at += 10.0;
            let added = add_shared(
                &Shared::Creator {
                    creator: Box::new(shared),
                },
                std::slice::from_ref(&here),
                &[],
                &mut || "unused".to_string(),
            );
            let [got] = added.creators.as_slice() else {
                panic!("one creator: {:?}", added.creators)
            };
            assert_eq!(figures(got), want, "link with {likes:?}, {dislikes:?}");
        }
    }

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..70usize {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 % 256) as u8).collect();
            let text = to_link_text(&bytes).unwrap_or_default();
            assert!(!text.contains(['+', '/', '=']), "{text}");
            assert_eq!(from_link_text(&text), Ok(bytes), "{len}");
        }
        assert_eq!(to_link_text(b"Man"), Ok("TWFu".to_string()));
        assert_eq!(to_link_text(b"Ma"), Ok("TWE".to_string()));
    }

    #[test]
    fn a_creator_link_leaves_out_private_fields_and_opens() {
        let item = Shared::Creator {
            creator: Box::new(creator_summary(&ana())),
        };
        let json = share_json(&item).unwrap_or_default();
        for private in ["private", "ana@example.com", "Agent", "scam", "450"] {
            assert!(!json.contains(private), "{private} in {json}");
        }
        assert_eq!(open_share(&json), Ok(item));
    }

    #[test]
    fn bad_links_say_what_is_wrong() {
        // (link text or JSON, expected error)
        let cases: Vec<(Result<Shared, ShareError>, ShareError)> = vec![
            (
                from_link_text("https://x.test/#share=ab$d").and_then(|_| open_share("")),
                ShareError::BadCharacter {
                    position: 3,
                    found: '$',
                },
            ),
            (
                from_link_text("abcde").and_then(|_| open_share("")),
                ShareError::CutShort,
            ),
            (
                from_link_text(&"A".repeat(MAX_LINK_CHARS + 4)).and_then(|_| open_share("")),
                ShareError::TooLong {
                    chars: MAX_LINK_CHARS + 4,
                    max: MAX_LINK_CHARS,
                },
            ),
            (open_share(r#"{"app":"other"}"#), ShareError::NotMicroscope),
            (
                open_share(r#"{"app":"microscope","share":9,"kind":"creator"}"#),
                ShareError::TooNew {
                    found: 9,
                    supported: 2,
                },
            ),
            (
                open_share(r#"{"app":"microscope","share":1,"kind":"spell"}"#),
                ShareError::UnknownKind("spell".into()),
            ),
            (
                open_share(
                    r#"{"app":"microscope","share":1,"kind":"creator","creator":{"id":"c1","name":"X","profile_url":"javascript:alert(1)"}}"#,
                ),
                ShareError::Record {
                    what: "creator",
                    reason: "profile link “javascript:alert(1)” is not a web address; only links starting with http:// or https:// are accepted.".into(),
                },
            ),
        ];
        for (got, want) in cases {
            assert_eq!(got, Err(want));
        }
        assert!(matches!(
            open_share("{\"app\":"),
            Err(ShareError::NotJson(_))
        ));
        assert_eq!(
            open_share(&" ".repeat(MAX_SHARE_JSON + 1)),
            Err(ShareError::TooLarge)
        );
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]

        /// Any text as a link: never a panic, only a value or a message.
        #[test]
        fn link_decoder_never_panics(text in "\\PC{0,200}") {
            let _ = from_link_text(&text).map(|bytes| open_share(&String::from_utf8_lossy(&bytes)));
        }

        /// Any JSON-ish text as a link's payload: never a panic.
        #[test]
        fn share_decoder_never_panics(text in r#"\{("(app|share|kind|creator|campaign|creators)":("microscope"|1|"creator"|"brief"|\[\]|\{\}|null|"x"),?){0,6}\}"#) {
            let _ = open_share(&text);
        }
    }
}
