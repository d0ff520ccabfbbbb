//! A creator on the shortlist: the record, its validation rules (tags, currency; profile links
//! are checked in `links`, re-exported here) and the ids new records get.
//!
//! The engagement rate is deliberately not stored here: it depends on the formula the user picks,
//! so sorting by rate takes the rates from the caller.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::creator::dossier::{
    check_email, Audience, CaptionCheck, CommentSample, CustomField, Entries, FollowerSnapshot,
    Post, Rare, ReportedFigure,
};
use crate::creator::metrics::PostMetrics;
use crate::creator::platform::Platform;
use crate::creator::tier::Tier;
use crate::text::choice::{choices, exact, fold_key};
use crate::text::number::MAX_VALUE;

pub use super::links::{platform_from_url, validate_profile_url, UrlError};
use super::links::{url_shape, UrlShape};

/// Where a creator stands in the outreach pipeline, in pipeline order.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Prospect,
    Contacted,
    Negotiating,
    Confirmed,
    Posted,
    Declined,
}

// The ids are also the JSON form (serde's lowercase names).
choices! {
    Status, id, label, parse = Status::parse;
    Prospect => "prospect", "Prospect";
    Contacted => "contacted", "Contacted";
    Negotiating => "negotiating", "Negotiating";
    Confirmed => "confirmed", "Confirmed";
    Posted => "posted", "Posted";
    Declined => "declined", "Declined";
}

impl Status {
    /// Reads an id, a label, or the words people use in their own sheets ("reached out", "booked").
    /// An empty text is a prospect: a new row in a sheet has no status yet.
    pub fn parse(s: &str) -> Option<Status> {
        if let Some(exact) = exact(s) {
            return Some(exact);
        }
        let status = match fold_key(s).as_str() {
            "" | "prospect" | "new" | "lead" | "shortlisted" | "shortlist" | "idea" | "todo" => {
                Status::Prospect
            }
            "contacted" | "reachedout" | "outreach" | "emailed" | "messaged" | "pitched" => {
                Status::Contacted
            }
            "negotiating" | "negotiation" | "innegotiation" | "inprogress" | "talking" => {
                Status::Negotiating
            }
            "confirmed" | "booked" | "signed" | "agreed" | "accepted" | "contracted" => {
                Status::Confirmed
            }
            "posted" | "live" | "published" | "done" | "delivered" | "completed" => Status::Posted,
            "declined" | "rejected" | "passed" | "no" | "cancelled" | "canceled" | "dropped" => {
                Status::Declined
            }
            _ => return None,
        };
        Some(status)
    }
}

/// `str::trim`, skipping the Unicode scan in the usual case of text that starts and ends with a
/// visible ASCII character (measurably faster over 100,000 imported rows).
pub fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(a), Some(b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

/// Splits a tags text on commas, semicolons, pipes and line breaks and normalises each tag.
pub fn parse_tags(text: &str) -> Vec<String> {
    normalize_tags(std::iter::once(text))
}

/// A measured fast path of the CSV import (see `text::number`): `parse_tags` for the usual cell, lower-case ASCII words and commas ("food, diy"): the same
/// tags, without the general splitter's character-by-character matching and lower-casing copies.
pub fn parse_tags_fast(v: &str) -> Vec<String> {
    let simple = v.bytes().all(|b| {
        b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b' ' | b',' | b'-' | b'_')
    });
    if !simple {
        return parse_tags(v);
    }
    // Room for every part at once: grown from empty, the list took a second allocation (issue 19).
    let parts = v.bytes().filter(|&b| b == b',').count() + 1;
    let mut out: Vec<String> = Vec::with_capacity(parts);
    for part in v.split(',') {
        let tag = part.trim_matches(' ');
        if !tag.is_empty() && !out.iter().any(|t| t == tag) {
            out.push(tag.to_string());
        }
    }
    out
}

/// Normalises tags: trimmed, lower case, without a leading '#', no empties, no duplicates (first
/// one kept, order preserved). A tag never contains a separator, so "a, b" always reads back the same.
pub fn normalize_tags<I, S>(tags: I) -> Vec<String>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut out: Vec<String> = Vec::new();
    for raw in tags {
        for part in raw.as_ref().split([',', ';', '|', '\n', '\r']) {
            let tag = part.trim().trim_start_matches('#').trim();
            if tag.is_empty() {
                continue;
            }
            let tag = tag.to_lowercase();
            if !out.contains(&tag) {
                out.push(tag);
            }
        }
    }
    out
}

/// The active ISO 4217 currency codes (the list of the ISO 4217 maintenance agency, as of 2026:
/// without fund codes, precious metals and withdrawn codes such as HRK, SLL, ZWL or ANG), sorted,
/// one space apart. One string, not a table of names: it is in the first visit's wasm.
pub const ISO_4217: &str = "AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB \
BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD \
FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR \
KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR \
MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK \
SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VED \
VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG";

/// Whether `code` (upper case) is an active ISO 4217 code.
pub fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && ISO_4217.split(' ').any(|c| c == code)
}

/// Reads a currency as people write it in a sheet: a code ("usd") or a sign ("€"). Any three
/// letters are kept: this reads stored records and imported files, where an odd code (a typo, a
/// withdrawn currency) must not cost the record. What a user types goes through
/// [`currency_as_typed`], which accepts only ISO 4217 codes.
pub fn normalize_currency(input: &str) -> Result<Option<String>, CreatorError> {
    let s = input.trim();
    let code = match s {
        "" => return Ok(None),
        "$" | "US$" => "USD".to_string(),
        "€" => "EUR".to_string(),
        "£" => "GBP".to_string(),
        "₹" => "INR".to_string(),
        other if other.len() == 3 && other.chars().all(|c| c.is_ascii_alphabetic()) => {
            other.to_ascii_uppercase()
        }
        other => return Err(CreatorError::Currency(shorten(other, 40))),
    };
    Ok(Some(code))
}

/// Reads a currency the user typed into a form: a sign or an active ISO 4217 code ("QQQ" is
/// refused). `stored` is the value the form was opened with: left as it was, it is read as stored
/// records are (`normalize_currency`), so an old odd code does not block saving other edits.
pub fn currency_as_typed(
    input: &str,
    stored: Option<&str>,
) -> Result<Option<String>, CreatorError> {
    let code = normalize_currency(input)?;
    let unchanged = stored.is_some_and(|s| s.trim().eq_ignore_ascii_case(input.trim()));
    match code {
        Some(c) if !unchanged && !is_currency_code(&c) => Err(CreatorError::Currency(c)),
        code => Ok(code),
    }
}

/// Why a creator record can't be kept. Shown to the user as is.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum CreatorError {
    #[error("the record has no id.")]
    NoId,
    #[error("the id “{0}” is longer than 64 characters.")]
    LongId(String),
    #[error("the name is empty; every creator needs a name or handle.")]
    NoName,
    #[error("{0}")]
    Url(#[from] UrlError),
    #[error(
        "{field} is {value}, which is not a usable number (it must be between 0 and 10 billion)."
    )]
    Number { field: &'static str, value: f64 },
    #[error("currency “{0}” is not a currency code; use a three-letter ISO 4217 code such as EUR or USD.")]
    Currency(String),
    #[error("{0}")]
    Dossier(String),
}

/// One creator on the shortlist.
///
/// Every optional number is `None` when not entered, which the UI shows as "n/a", never as zero.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Creator {
    /// Stable key; see [`IdSource`].
    pub id: String,
    /// Name or handle, trimmed, never empty.
    pub name: String,
    /// http or https only; see [`validate_profile_url`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<Platform>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub followers: Option<u64>,
    /// Averages per recent post: the engagement inputs.
    #[serde(skip_serializing_if = "metrics_empty")]
    pub metrics: PostMetrics,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub posts_per_week: Option<f64>,
    /// Price per post, in `currency` (or the workspace's currency when `None`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price: Option<f64>,
    /// Upper-case code such as "USD".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Audience interests, normalised by [`normalize_tags`].
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
    pub status: Status,
    /// Past sponsored posts; few or none means an approval process is advisable (DOMAIN.md §5).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sponsored_posts: Option<u32>,
    /// Milliseconds since 1970, given by the caller (the domain has no clock).
    pub created_at: f64,
    pub updated_at: f64,
    // The dossier (see `dossier`): contact, location, history and what others reported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Other profiles and pages (http or https only), besides `profile_url`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
    /// Where the creator lives or works, as the user or a file wrote it ("Lisbon, PT").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub location: String,
    /// The language the creator's content is in ("Portuguese").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub language: String,
    /// Posts one by one; when there are any with numbers, `metrics` is their average.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub posts: Rare<Entries<Post>>,
    /// Follower counts over time: one from every check, edit and import that changed it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub follower_history: Entries<FollowerSnapshot>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub comment_samples: Rare<Entries<CommentSample>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub caption_checks: Rare<Entries<CaptionCheck>>,
    #[serde(skip_serializing_if = "Audience::is_empty")]
    pub audience: Rare<Audience>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    /// Inline, not [`Rare`]: an import of a file with vendor averages ("avg views") fills it for
    /// every row, and a box would be one more allocation each.
    pub reported: Entries<ReportedFigure>,
    /// Columns of imported files the app has no field for, in file order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub custom: Entries<CustomField>,
}

fn metrics_empty(m: &PostMetrics) -> bool {
    *m == PostMetrics::default()
}

impl Creator {
    /// A new prospect with only a name; the caller fills in the rest.
    pub fn new(id: String, name: &str, now_ms: f64) -> Creator {
        Creator {
            id,
            name: name.trim().to_string(),
            created_at: now_ms,
            updated_at: now_ms,
            ..Creator::default()
        }
    }

    /// The tier by followers; `None` when followers were not entered.
    pub fn tier(&self) -> Option<Tier> {
        self.followers.map(Tier::for_followers)
    }

    /// Checks the record and returns it normalised: trimmed texts, tags normalised, link checked,
    /// every number finite, non-negative and within 10 billion.
    ///
    /// Run it on everything that comes from outside (stored data, imported files): a tampered file
    /// could otherwise carry a `javascript:` link into an `href`.
    pub fn checked(mut self) -> Result<Creator, CreatorError> {
        let id = trim(&self.id);
        if id.len() != self.id.len() {
            self.id = id.to_string();
        }
        if self.id.is_empty() {
            return Err(CreatorError::NoId);
        }
        if self.id.chars().count() > 64 {
            return Err(CreatorError::LongId(shorten(&self.id, 80)));
        }
        let name = trim(&self.name);
        if name.is_empty() {
            return Err(CreatorError::NoName);
        }
        if name.len() != self.name.len() {
            self.name = name.to_string();
        }
        if let Some(url) = self.profile_url.as_deref() {
            let trimmed = trim(url);
            let as_is = trimmed.len() == url.len()
                && !trimmed.is_empty()
                && matches!(url_shape(trimmed)?, UrlShape::AsIs);
            if !as_is {
                self.profile_url = validate_profile_url(url)?;
            }
        }
        let m = &self.metrics;
        let numbers = [
            ("views", m.views),
            ("likes", m.likes),
            ("comments", m.comments),
            ("shares", m.shares),
            ("saves", m.saves),
            ("dislikes", m.dislikes),
            ("posts per week", self.posts_per_week),
            ("price", self.price),
        ];
        for (field, value) in numbers {
            if let Some(v) = value {
                if !usable(v) {
                    return Err(CreatorError::Number { field, value: v });
                }
            }
        }
        if let Some(f) = self.followers {
            if f > MAX_VALUE {
                return Err(CreatorError::Number {
                    field: "followers",
                    value: f as f64,
                });
            }
        }
        self.currency = match self.currency.as_deref() {
            Some(c) => normalize_currency(c)?,
            None => None,
        };
        if self.tags.iter().any(|t| !is_normal_tag(t)) || has_duplicates(&self.tags) {
            self.tags = normalize_tags(&self.tags);
        }
        let notes = trim(&self.notes);
        if notes.len() != self.notes.len() {
            self.notes = notes.to_string();
        }
        if !self.created_at.is_finite() {
            self.created_at = 0.0;
        }
        if !self.updated_at.is_finite() {
            self.updated_at = self.created_at;
        }
        self.check_dossier()?;
        Ok(self)
    }

    /// The dossier half of [`Creator::checked`]: a bad contact field refuses the record (as a
    /// bad profile link does), while a bad entry of a list is left out and reported by
    /// [`Creator::take_dropped_parts`].
    fn check_dossier(&mut self) -> Result<(), CreatorError> {
        if let Some(email) = self.email.as_deref() {
            self.email = check_email(email).map_err(|e| CreatorError::Dossier(e.to_string()))?;
        }
        if !self.links.is_empty() {
            let mut links = Vec::with_capacity(self.links.len());
            for link in &self.links {
                if let Some(l) = validate_profile_url(link)? {
                    links.push(l);
                }
            }
            self.links = links;
        }
        for text in [&mut self.location, &mut self.language] {
            let t = trim(text);
            if t.len() != text.len() {
                *text = t.to_string();
            }
        }
        // Through `if_any`: a check must not box an empty part (see `Rare`).
        if let Some(posts) = self.posts.if_any() {
            posts.retain_valid(|p| {
                let link_ok = match p.link.as_deref() {
                    Some(l) => validate_profile_url(l)
                        .map(|_| ())
                        .map_err(|e| e.to_string()),
                    None => Ok(()),
                };
                link_ok.and_then(|()| {
                    let numbers = [
                        p.metrics.views,
                        p.metrics.likes,
                        p.metrics.comments,
                        p.metrics.shares,
                        p.metrics.saves,
                        p.metrics.dislikes,
                    ];
                    match numbers.into_iter().flatten().find(|v| !usable(*v)) {
                        Some(v) => Err(format!(
                            "{v} is not a usable number of views or interactions."
                        )),
                        None => Ok(()),
                    }
                })
            });
        }
        self.follower_history.retain_valid(|s| {
            if s.count > MAX_VALUE {
                Err(format!("{} followers is more than 10 billion.", s.count))
            } else {
                Ok(())
            }
        });
        // Through `if_any`, as the posts: a check must not box an empty part.
        if let Some(samples) = self.comment_samples.if_any() {
            samples.retain_valid(CommentSample::check);
        }
        self.audience
            .check()
            .map_err(|e| CreatorError::Dossier(e.to_string()))?;
        self.custom.retain_valid(|c| {
            if c.name.trim().is_empty() {
                Err("it has no column name.".to_string())
            } else {
                Ok(())
            }
        });
        Ok(())
    }

    /// What was left out of the dossier's lists while reading and checking this record, one
    /// sentence each ("post 3 was left out: ..."). Empties the lists of reasons.
    pub fn take_dropped_parts(&mut self) -> Vec<String> {
        // Through `if_any`: reading the reasons must not box an empty part (see `Rare`).
        let mut out = Vec::new();
        if let Some(posts) = self.posts.if_any() {
            out.extend(posts.take_dropped("post"));
        }
        out.extend(self.follower_history.take_dropped("follower count"));
        if let Some(samples) = self.comment_samples.if_any() {
            out.extend(samples.take_dropped("comment sample"));
        }
        if let Some(checks) = self.caption_checks.if_any() {
            out.extend(checks.take_dropped("caption check"));
        }
        out.extend(self.reported.take_dropped("reported figure"));
        out.extend(self.custom.take_dropped("custom field"));
        out
    }
}

fn usable(v: f64) -> bool {
    v.is_finite() && v >= 0.0 && v <= MAX_VALUE as f64
}

fn is_normal_tag(t: &str) -> bool {
    let lower = if t.is_ascii() {
        !t.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        t.to_lowercase() == t
    };
    !t.is_empty()
        && trim(t) == t
        && !t.starts_with('#')
        && !t.contains([',', ';', '|', '\n', '\r'])
        && lower
}

fn has_duplicates(tags: &[String]) -> bool {
    tags.iter()
        .enumerate()
        .any(|(i, t)| tags.iter().skip(i + 1).any(|u| u == t))
}

/// At most `max` characters of `s`, with "…" when cut: keeps error messages readable.
pub fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Hands out creator ids: "c" + the creation time in base 36 + a counter, e.g. "clx3k9a2b-0".
///
/// The time comes from the caller. Keep one source per page (or per import) so the counter, not
/// the clock, separates creators made within the same millisecond.
#[derive(Debug, Clone)]
pub struct IdSource {
    stamp: String,
    next: u64,
}

impl IdSource {
    pub fn new(now_ms: f64) -> IdSource {
        let ms = if now_ms.is_finite() && now_ms > 0.0 {
            now_ms as u64
        } else {
            0
        };
        IdSource {
            stamp: base36(ms),
            next: 0,
        }
    }

    pub fn next_id(&mut self) -> String {
        let n = self.next;
        self.next += 1;
        let mut id = String::with_capacity(self.stamp.len() + 6);
        id.push('c');
        id.push_str(&self.stamp);
        id.push('-');
        push_base36(&mut id, n);
        id
    }
}

fn base36(n: u64) -> String {
    let mut s = String::new();
    push_base36(&mut s, n);
    s
}

fn push_base36(out: &mut String, mut n: u64) {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut buf = [0u8; 13];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = DIGITS[(n % 36) as usize];
        n /= 36;
        if n == 0 {
            break;
        }
    }
    // ASCII digits: copied as they are, not pushed one char at a time (an import makes 100,000 ids).
    out.push_str(std::str::from_utf8(buf.get(i..).unwrap_or(&[])).unwrap_or(""));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{check_cases, check_choice_ids};

    #[test]
    fn status_ids_labels_and_synonyms() {
        check_choice_ids::<Status>();
        let cases = [
            ("", Some(Status::Prospect)),
            ("Reached out", Some(Status::Contacted)),
            ("in negotiation", Some(Status::Negotiating)),
            ("BOOKED", Some(Status::Confirmed)),
            ("live", Some(Status::Posted)),
            ("rejected", Some(Status::Declined)),
            ("maybe", None),
        ];
        check_cases(cases, Status::parse);
    }

    #[test]
    fn tags_are_normalised() {
        let cases: &[(&str, &[&str])] = &[
            ("Fitness, vegan ,FITNESS", &["fitness", "vegan"]),
            ("#Travel; food|  ", &["travel", "food"]),
            ("", &[]),
            (" , ;", &[]),
            ("Über Café", &["über café"]),
            ("a\nb\r\nc", &["a", "b", "c"]),
        ];
        for (text, want) in cases {
            assert_eq!(parse_tags(text), *want, "{text:?}");
        }
        assert_eq!(normalize_tags(["A", "a, B", " b "]), vec!["a", "b"]);
    }

    #[test]
    fn currencies() {
        let cases = [
            ("usd", Ok(Some("USD".to_string()))),
            ("€", Ok(Some("EUR".to_string()))),
            ("", Ok(None)),
            ("dollars", Err(CreatorError::Currency("dollars".into()))),
            // Stored and imported records keep an odd code rather than being dropped.
            ("qqq", Ok(Some("QQQ".to_string()))),
        ];
        check_cases(cases, normalize_currency);
    }

    /// Regression: any three letters passed as a currency typed into the editor ("QQQ").
    #[test]
    fn typed_currencies_are_iso_4217_codes() {
        let ok = |c: &str| Ok(Some(c.to_string()));
        let refused = |c: &str| Err(CreatorError::Currency(c.into()));
        // (typed, the value the form opened with, result)
        let cases = [
            (("eur", None), ok("EUR")),
            ((" chf ", None), ok("CHF")),
            (("XCG", None), ok("XCG")),
            (("€", None), ok("EUR")),
            (("", Some("QQQ")), Ok(None)),
            (("QQQ", None), refused("QQQ")),
            (("abc", Some("EUR")), refused("ABC")),
            (("HRK", None), refused("HRK")),
            (("dollars", None), refused("dollars")),
            // Opened with an odd stored code and left as it was: saving other edits still works.
            (("QQQ", Some("QQQ")), ok("QQQ")),
            (("qqq", Some("QQQ")), ok("QQQ")),
        ];
        check_cases(cases, |(typed, stored)| currency_as_typed(typed, stored));
        assert_eq!(
            CreatorError::Currency("QQQ".into()).to_string(),
            "currency “QQQ” is not a currency code; use a three-letter ISO 4217 code such as EUR or USD."
        );
    }

    /// The code list is sorted, upper case, three letters each, without repeats (that it holds
    /// every currency the campaign form offers is checked in `campaign::record`).
    #[test]
    fn the_code_list_is_well_formed() {
        let codes: Vec<&str> = ISO_4217.split(' ').collect();
        assert!(codes.len() > 150, "{}", codes.len());
        assert!(codes.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
        assert!(codes
            .iter()
            .all(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())));
        assert!(!is_currency_code("QQQ") && !is_currency_code("usd") && !is_currency_code(""));
    }

    fn creator(id: &str, name: &str) -> Creator {
        Creator::new(id.to_string(), name, 1.0)
    }

    #[test]
    fn checked_normalises_and_refuses() {
        let mut c = creator(" c1 ", "  Ann ");
        c.tags = vec!["Fitness".into(), "fitness".into(), " #Vegan".into()];
        c.notes = " hi ".into();
        c.currency = Some("eur".into());
        c.profile_url = Some("instagram.com/ann".into());
        let c = c.checked();
        let Ok(c) = c else {
            panic!("must be accepted: {c:?}");
        };
        assert_eq!(c.id, "c1");
        assert_eq!(c.name, "Ann");
        assert_eq!(c.tags, vec!["fitness", "vegan"]);
        assert_eq!(c.notes, "hi");
        assert_eq!(c.currency.as_deref(), Some("EUR"));
        assert_eq!(c.profile_url.as_deref(), Some("https://instagram.com/ann"));

        let bad: Vec<(Creator, &str)> = vec![
            (creator("", "Ann"), "no id"),
            (creator("c1", "  "), "name is empty"),
            (
                Creator {
                    profile_url: Some("javascript:alert(1)".into()),
                    ..creator("c1", "Ann")
                },
                "http:// or https://",
            ),
            (
                Creator {
                    price: Some(f64::NAN),
                    ..creator("c1", "Ann")
                },
                "price is NaN",
            ),
            (
                Creator {
                    metrics: PostMetrics {
                        views: Some(-1.0),
                        ..PostMetrics::default()
                    },
                    ..creator("c1", "Ann")
                },
                "views is -1",
            ),
            (
                Creator {
                    followers: Some(MAX_VALUE + 1),
                    ..creator("c1", "Ann")
                },
                "followers",
            ),
        ];
        for (c, want) in bad {
            let msg = c.checked().err().map(|e| e.to_string()).unwrap_or_default();
            assert!(msg.contains(want), "{msg:?} should mention {want:?}");
        }
    }

    #[test]
    fn ids_are_unique_and_stable_in_form() {
        let mut ids = IdSource::new(1_700_000_000_000.0);
        let a = ids.next_id();
        let b = ids.next_id();
        assert_ne!(a, b);
        assert!(a.starts_with('c') && a.ends_with("-0"), "{a}");
        assert_eq!(base36(0), "0");
        assert_eq!(base36(35), "z");
        assert_eq!(base36(36), "10");
        assert_eq!(base36(u64::MAX), "3w5e11264sgsf");
        assert_eq!(IdSource::new(f64::NAN).next_id(), "c0-0");
    }

    #[test]
    fn json_is_compact_and_reads_back() {
        let mut c = creator("c1", "Ann");
        c.followers = Some(45_000);
        c.platform = Some(Platform::TikTok);
        let json = serde_json::to_string(&c).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"id":"c1","name":"Ann","platform":"TikTok","followers":45000,"status":"prospect","created_at":1.0,"updated_at":1.0}"#
        );
        let back: Result<Creator, _> = serde_json::from_str(&json);
        assert_eq!(back.ok(), Some(c));
    }
}

#[cfg(test)]
mod fast_tests {
    use super::*;

    /// The import's fast path for tag cells gives what `parse_tags` gives.
    #[test]
    fn fast_tags_path() {
        let tags: &[(&str, &[&str])] = &[
            ("food, diy", &["food", "diy"]),
            (" a ,, b,a ,", &["a", "b"]),
            ("Food; #DIY", &["food", "diy"]),
            ("", &[]),
        ];
        for (text, want) in tags {
            assert_eq!(parse_tags_fast(text), *want, "{text:?}");
            assert_eq!(parse_tags(text), *want, "{text:?}");
        }
    }
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod fast_props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn fast_tags_agree_with_parse_tags(s in "[a-zA-Z0-9 ,;|#_\\-\t\né]{0,40}") {
            prop_assert_eq!(parse_tags_fast(&s), parse_tags(&s));
        }
    }
}
