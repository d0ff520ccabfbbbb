//! Discount codes per creator: made from an editable pattern, unique within the whole workspace
//! (every campaign), checked when typed by hand, and written as a CSV a shop imports.
//!
//! Codes are compared without regard to letter case (shops treat "ann15" and "ANN15" as one
//! code), so uniqueness and matching use [`code_key`].

use std::collections::{BTreeMap, HashMap};

use thiserror::Error;

use crate::campaign::record::Campaign;
use crate::creator::record::{shorten, Creator};
use crate::text::format::trimmed;

/// The pattern new campaigns start with: the handle, then the discount ("ANNFIT15").
pub const DEFAULT_PATTERN: &str = "{handle}{percent}";
/// The discount new campaigns start with, in percent.
pub const DEFAULT_PERCENT: f64 = 15.0;
/// Longer codes are typing accidents; shops accept up to 255 characters.
pub const MAX_CODE_CHARS: usize = 40;
/// The handle part of a generated code.
const MAX_HANDLE_CHARS: usize = 20;

/// Why a code can't be used. Shown to the user as is.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CodeError {
    #[error("the code is empty.")]
    Empty,
    #[error("“{0}” is longer than {MAX_CODE_CHARS} characters.")]
    TooLong(String),
    #[error("“{0}” contains a space or a character shops refuse in codes; use letters, digits, - and _ only.")]
    Characters(String),
    #[error("“{code}” is already the code of {creator} in campaign “{campaign}”; every code must be unique in the workspace so each order is credited to one creator. Choose another, e.g. “{suggestion}”.")]
    Taken {
        code: String,
        creator: String,
        campaign: String,
        suggestion: String,
    },
}

/// The form codes are compared in: trimmed, upper case.
pub fn code_key(code: &str) -> String {
    code.trim().to_uppercase()
}

/// Checks a code's form (not its uniqueness: see [`set_code`]).
pub fn validate_code(code: &str) -> Result<(), CodeError> {
    let code = code.trim();
    if code.is_empty() {
        return Err(CodeError::Empty);
    }
    if code.chars().count() > MAX_CODE_CHARS {
        return Err(CodeError::TooLong(shorten(code, 50)));
    }
    if !code
        .chars()
        .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    {
        return Err(CodeError::Characters(shorten(code, 50)));
    }
    Ok(())
}

/// The creator's handle as a code part: from the profile link's path ("ann.fit" from
/// instagram.com/ann.fit/) or else the name, letters and digits only, upper case ("ANNFIT").
pub fn handle_of(creator: &Creator) -> String {
    let from_link = creator.profile_url.as_deref().and_then(|url| {
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        let rest = rest.split(['?', '#']).next().unwrap_or("");
        let mut parts = rest.split('/').filter(|p| !p.is_empty());
        parts.next()?;
        let path: Vec<&str> = parts.collect();
        let handle = match path.as_slice() {
            ["c" | "user" | "channel", name, ..] => *name,
            [first, ..] => *first,
            [] => return None,
        };
        Some(handle.trim_start_matches('@').to_string())
    });
    let raw = from_link.unwrap_or_else(|| creator.name.clone());
    let handle: String = raw
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .take(MAX_HANDLE_CHARS)
        .collect();
    if handle.is_empty() {
        "CREATOR".to_string()
    } else {
        handle
    }
}

/// The lowercase handle, for `utm_content` (same source as [`handle_of`]).
pub(super) fn handle_lower(creator: &Creator) -> String {
    handle_of(creator).to_lowercase()
}

/// The pattern filled in for one creator: "{handle}", "{percent}" and "{campaign}" replaced,
/// then only letters, digits, - and _ kept, upper case, at most 40 characters.
pub fn pattern_code(pattern: &str, handle: &str, percent: f64, campaign_name: &str) -> String {
    let campaign: String = campaign_name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(12)
        .collect();
    let filled = pattern
        .replace("{handle}", handle)
        .replace("{percent}", &trimmed(percent, 2).replace('.', "_"))
        .replace("{campaign}", &campaign);
    let code: String = filled
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .map(|c| c.to_ascii_uppercase())
        .take(MAX_CODE_CHARS)
        .collect();
    if code.is_empty() {
        handle.to_string()
    } else {
        code
    }
}

/// Who holds a code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeOwner {
    pub campaign_id: String,
    pub campaign_name: String,
    pub creator_id: String,
}

/// Every code in the workspace by [`code_key`], except the one slot (`campaign_id`,
/// `creator_id`) being edited.
pub fn owners_elsewhere(
    campaigns: &[Campaign],
    campaign_id: &str,
    creator_id: &str,
) -> HashMap<String, CodeOwner> {
    let mut out = HashMap::new();
    for c in campaigns {
        for (id, code) in &c.attribution.creators {
            if code.code.trim().is_empty() || (c.id == campaign_id && id == creator_id) {
                continue;
            }
            out.entry(code_key(&code.code))
                .or_insert_with(|| CodeOwner {
                    campaign_id: c.id.clone(),
                    campaign_name: c.name.clone(),
                    creator_id: id.clone(),
                });
        }
    }
    out
}

/// `base`, or `base-2`, `base-3`... : the first not in `taken` (by key).
fn free_code(base: &str, taken: &HashMap<String, CodeOwner>) -> String {
    if !taken.contains_key(&code_key(base)) {
        return base.to_string();
    }
    (2..)
        .map(|n| {
            let suffix = format!("-{n}");
            let keep = MAX_CODE_CHARS.saturating_sub(suffix.len());
            let head: String = base.chars().take(keep).collect();
            format!("{head}{suffix}")
        })
        .find(|c| !taken.contains_key(&code_key(c)))
        .unwrap_or_else(|| base.to_string())
}

/// Checks a code typed by hand for creator `creator_id` of campaign `campaign_id`: its form, and
/// that no other creator in any campaign has it (named in the error, with a free suggestion).
/// Returns the code trimmed, as typed (letter case kept).
pub fn set_code(
    campaigns: &[Campaign],
    creators: &[Creator],
    campaign_id: &str,
    creator_id: &str,
    code: &str,
) -> Result<String, CodeError> {
    let code = code.trim();
    validate_code(code)?;
    let taken = owners_elsewhere(campaigns, campaign_id, creator_id);
    if let Some(owner) = taken.get(&code_key(code)) {
        let creator = creators
            .iter()
            .find(|c| c.id == owner.creator_id)
            .map_or_else(
                || format!("creator id “{}”", shorten(&owner.creator_id, 40)),
                |c| format!("“{}”", shorten(&c.name, 40)),
            );
        return Err(CodeError::Taken {
            code: code.to_string(),
            creator,
            campaign: shorten(&owner.campaign_name, 60),
            suggestion: free_code(&code.to_uppercase(), &taken),
        });
    }
    Ok(code.to_string())
}

/// Codes for the campaign's creators from its pattern: creators who have one keep it unless
/// `replace` is set; a code already taken anywhere in the workspace gets a suffix ("-2").
/// Returns creator id -> code for every creator given a new code.
pub fn generate_codes(
    campaigns: &[Campaign],
    campaign_id: &str,
    creators: &[Creator],
    replace: bool,
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let Some(campaign) = campaigns.iter().find(|c| c.id == campaign_id) else {
        return out;
    };
    let (members, _) = campaign.members(creators);
    // Codes held elsewhere, plus (when keeping) this campaign's own.
    let mut taken = owners_elsewhere(campaigns, campaign_id, "");
    if replace {
        taken.retain(|_, o| o.campaign_id != campaign_id);
    }
    for m in members {
        let has = !campaign.attribution.code_of(&m.id).is_empty();
        if has && !replace {
            continue;
        }
        let base = pattern_code(
            &campaign.attribution.pattern,
            &handle_of(m),
            campaign.attribution.percent,
            &campaign.name,
        );
        let code = free_code(&base, &taken);
        taken.insert(
            code_key(&code),
            CodeOwner {
                campaign_id: campaign_id.to_string(),
                campaign_name: campaign.name.clone(),
                creator_id: m.id.clone(),
            },
        );
        out.insert(m.id.clone(), code);
    }
    out
}

/// One CSV cell, RFC 4180 quoted when needed, a leading formula mark neutralised with an
/// apostrophe (as the shortlist export does).
fn cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The campaign's codes as a CSV a shop imports (DOMAIN.md §10, "Discount codes export"): UTF-8
/// with a BOM, CRLF, one row per creator with a code, in campaign order. `link` gives each
/// creator's UTM link (empty when there is none).
pub fn codes_csv(
    campaign: &Campaign,
    creators: &[Creator],
    link: impl Fn(&Creator) -> String,
) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str("Title,Command,Code,Value Type,Value,Starts At,Ends At,Creator,Platform,Link\r\n");
    let a = &campaign.attribution;
    let starts = campaign.start.map(|d| d.to_string()).unwrap_or_default();
    let ends = campaign
        .end
        .and_then(|e| {
            crate::text::date::Date::from_day_number(e.day_number() + i64::from(a.window_days))
        })
        .map(|d| d.to_string())
        .unwrap_or_default();
    let (members, _) = campaign.members(creators);
    for m in members {
        let code = a.code_of(&m.id);
        if code.is_empty() {
            continue;
        }
        let title = format!("{} – {}", campaign.name, m.name);
        let row = [
            cell(&title),
            "NEW".to_string(),
            cell(code),
            "percentage".to_string(),
            trimmed(a.percent, 2),
            starts.clone(),
            ends.clone(),
            cell(&m.name),
            m.platform.map(|p| p.name()).unwrap_or("").to_string(),
            cell(&link(m)),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A code that more than one creator slot (campaign, creator) holds. The app never gives out such a
/// code, but a restored or merged workspace file can bring one (two teammates who each generated
/// "ANN15" for a different creator). It is listed, never renamed silently: a creator may already
/// be handing it out, so the user chooses which code changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedCode {
    /// The code as the first holder typed it.
    pub code: String,
    /// Every slot holding it, in campaign order, then by creator id.
    pub holders: Vec<CodeOwner>,
}

impl SharedCode {
    /// "discount code “ANN15” is held by “Ann” in “Launch” and by “Bob” in “Spring”; ..."
    pub fn sentence(&self, creators: &[Creator]) -> String {
        let names: Vec<String> = self
            .holders
            .iter()
            .map(|h| {
                let who = creators.iter().find(|c| c.id == h.creator_id).map_or_else(
                    || format!("creator id “{}”", shorten(&h.creator_id, 40)),
                    |c| format!("“{}”", shorten(&c.name, 40)),
                );
                format!("{who} in “{}”", shorten(&h.campaign_name, 60))
            })
            .collect();
        format!(
            "discount code “{}” is held by {}; a shop credits each order to one code, so change all but one of them.",
            shorten(&self.code, 50),
            names.join(" and by ")
        )
    }
}

/// Every code held by more than one (campaign, creator) slot of `campaigns`, by [`code_key`], in
/// the order the codes first appear.
pub fn shared_codes(campaigns: &[Campaign]) -> Vec<SharedCode> {
    let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
    let mut found: Vec<SharedCode> = Vec::new();
    for c in campaigns {
        for (creator_id, code) in &c.attribution.creators {
            if code.code.trim().is_empty() {
                continue;
            }
            let holder = CodeOwner {
                campaign_id: c.id.clone(),
                campaign_name: c.name.clone(),
                creator_id: creator_id.clone(),
            };
            match by_key.get(&code_key(&code.code)) {
                Some(&i) => {
                    if let Some(shared) = found.get_mut(i) {
                        shared.holders.push(holder);
                    }
                }
                None => {
                    by_key.insert(code_key(&code.code), found.len());
                    found.push(SharedCode {
                        code: code.code.trim().to_string(),
                        holders: vec![holder],
                    });
                }
            }
        }
    }
    found.retain(|s| s.holders.len() > 1);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::attribution::CreatorCode;
    use crate::creator::platform::Platform;
    use crate::testing::{check_cases, strings};
    use crate::text::date::Date;

    fn creator(id: &str, name: &str, url: Option<&str>) -> Creator {
        let mut c = Creator::new(id.into(), name, 0.0);
        c.profile_url = url.map(str::to_string);
        c.platform = Some(Platform::Instagram);
        c
    }

    fn campaign(id: &str, name: &str, members: &[&str]) -> Campaign {
        let mut c = Campaign::new(id.into(), name, 0.0);
        c.creators = strings(members);
        c
    }

    fn with_code(mut c: Campaign, creator: &str, code: &str) -> Campaign {
        c.attribution
            .creators
            .insert(creator.into(), CreatorCode::new(code));
        c
    }

    #[test]
    fn handles_and_patterns() {
        let cases = [
            (
                creator("a", "Ann", Some("https://www.instagram.com/ann.fit/")),
                "ANNFIT",
            ),
            (
                creator("b", "Bo", Some("https://www.youtube.com/c/BoCooks")),
                "BOCOOKS",
            ),
            (
                creator("c", "@chloé_b", Some("https://www.tiktok.com/")),
                "CHLOB",
            ),
            (creator("d", "李", None), "CREATOR"),
            (
                creator("e", "Eve Long Name With Many Letters", None),
                "EVELONGNAMEWITHMANYL",
            ),
        ];
        for (c, want) in cases {
            assert_eq!(handle_of(&c), want, "{}", c.name);
        }
        assert_eq!(
            pattern_code(DEFAULT_PATTERN, "ANNFIT", 15.0, "Spring"),
            "ANNFIT15"
        );
        assert_eq!(
            pattern_code("{campaign}-{handle}", "ANN", 10.0, "Spring 26!"),
            "SPRING26-ANN"
        );
        assert_eq!(
            pattern_code("{handle}{percent}", "ANN", 12.5, "x"),
            "ANN12_5"
        );
        assert_eq!(pattern_code("   ", "ANN", 15.0, "x"), "ANN");
    }

    #[test]
    fn code_form() {
        let long = "A".repeat(41);
        let cases = [
            (" ANN-15_x ", Ok(())),
            ("", Err(CodeError::Empty)),
            ("a b", Err(CodeError::Characters("a b".into()))),
            ("a,b", Err(CodeError::Characters("a,b".into()))),
            (&long, Err(CodeError::TooLong(long.clone()))),
        ];
        check_cases(cases, validate_code);
        assert_eq!(code_key(" ann15 "), "ANN15");
    }

    /// Issue #17 item 1: unique within the workspace, a suffix on collision.
    #[test]
    fn generated_codes_are_unique_in_the_workspace() {
        let creators = vec![
            creator("a", "Ann", Some("https://www.instagram.com/ann/")),
            creator("a2", "Ann", None),
            creator("b", "Bo", None),
        ];
        let other = with_code(campaign("k0", "Winter", &["x"]), "x", "ann15");
        let spring = with_code(
            campaign("k1", "Spring", &["a", "a2", "b"]),
            "b",
            "BOSPECIAL",
        );
        let all = vec![other, spring];
        let got = generate_codes(&all, "k1", &creators, false);
        let want: BTreeMap<String, String> = [("a", "ANN15-2"), ("a2", "ANN15-3")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(got, want);
        // Replacing: Bo's own code no longer blocks, and Bo gets the pattern's.
        let got = generate_codes(&all, "k1", &creators, true);
        assert_eq!(got.get("b").map(String::as_str), Some("BO15"));
        assert_eq!(got.get("a").map(String::as_str), Some("ANN15-2"));
    }

    #[test]
    fn typed_code_collision_is_refused_and_explained() {
        let creators = vec![creator("a", "Ann", None), creator("b", "Bo", None)];
        let all = vec![
            with_code(campaign("k0", "Winter", &["a"]), "a", "ANN15"),
            campaign("k1", "Spring", &["b"]),
        ];
        let err = set_code(&all, &creators, "k1", "b", "ann15").map_err(|e| e.to_string());
        assert_eq!(
            err,
            Err("“ann15” is already the code of “Ann” in campaign “Winter”; every code must be unique in the workspace so each order is credited to one creator. Choose another, e.g. “ANN15-2”.".to_string())
        );
        // The holder may keep (re-type) its own code.
        assert_eq!(
            set_code(&all, &creators, "k0", "a", "Ann15"),
            Ok("Ann15".into())
        );
        assert_eq!(
            set_code(&all, &creators, "k1", "b", " BO10 "),
            Ok("BO10".into())
        );
    }

    #[test]
    fn shop_csv() {
        let mut ann = creator("a", "Ann, \"the\" fit", None);
        ann.platform = Some(Platform::TikTok);
        let creators = vec![ann, creator("b", "=Bo", None), creator("c", "Cy", None)];
        let mut c = with_code(campaign("k1", "Spring", &["a", "b", "c"]), "a", "ANN15");
        c = with_code(c, "b", "BO15");
        c.start = Date::new(2025, 3, 1);
        c.end = Date::new(2025, 3, 31);
        let csv = codes_csv(&c, &creators, |m| {
            format!("https://shop.example/?utm_content={}", m.id)
        });
        assert_eq!(
            csv,
            "\u{feff}Title,Command,Code,Value Type,Value,Starts At,Ends At,Creator,Platform,Link\r\n\
             \"Spring – Ann, \"\"the\"\" fit\",NEW,ANN15,percentage,15,2025-03-01,2025-04-30,\"Ann, \"\"the\"\" fit\",TikTok,https://shop.example/?utm_content=a\r\n\
             Spring – =Bo,NEW,BO15,percentage,15,2025-03-01,2025-04-30,'=Bo,Instagram,https://shop.example/?utm_content=b\r\n"
        );
    }

    /// Issue 17: a restored workspace can bring one code to two creators; it is listed with both
    /// holders, in any letter case, and a code held once (or empty) is not.
    #[test]
    fn shared_codes_are_found_across_campaigns() {
        let ann = creator("a", "Ann", None);
        let bob = creator("b", "Bob", None);
        let launch = with_code(campaign("c1", "Launch", &["a"]), "a", "ANN15");
        let spring = with_code(campaign("c2", "Spring", &["b"]), "b", "ann15");
        let spring_b = with_code(campaign("c2", "Spring", &["b"]), "b", "BOB15");
        let empty = with_code(campaign("c3", "Fall", &["a"]), "a", " ");
        // (campaigns, shared codes with their holders' creator ids)
        type Want<'a> = &'a [(&'a str, &'a [&'a str])];
        let cases: [(&[Campaign], Want); 4] = [
            (&[launch.clone(), spring.clone()], &[("ANN15", &["a", "b"])]),
            (&[launch.clone(), spring_b], &[]),
            (&[launch.clone(), empty], &[]),
            (&[], &[]),
        ];
        for (campaigns, want) in cases {
            let got: Vec<(String, Vec<String>)> = shared_codes(campaigns)
                .into_iter()
                .map(|s| {
                    (
                        s.code,
                        s.holders.into_iter().map(|h| h.creator_id).collect(),
                    )
                })
                .collect();
            let want: Vec<(String, Vec<String>)> = want
                .iter()
                .map(|(code, ids)| (code.to_string(), strings(ids)))
                .collect();
            assert_eq!(got, want);
        }
        let shared = shared_codes(&[launch, spring]);
        assert_eq!(
            shared.first().map(|s| s.sentence(&[ann, bob])).as_deref(),
            Some("discount code “ANN15” is held by “Ann” in “Launch” and by “Bob” in “Spring”; a shop credits each order to one code, so change all but one of them.")
        );
    }
}
