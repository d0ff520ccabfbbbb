//! A creator's dossier: what is learned about a creator besides the headline numbers, each entry
//! dated (posts, follower counts over time, comment samples, caption checks, audience, figures
//! reported by others, and the columns of imported files the app has no field for).
//!
//! The creator area sits below the risk area, so the findings of the risk tools are kept here in
//! plain form (counts, verdict ids, the pasted text itself); `risk` and `campaign::risk_profile`
//! turn them back into rule inputs. Keeping the user's own text (the comments, the caption) means
//! nothing they gave is lost and every summary can be recomputed.
//!
//! Lists are [`Entries`]: a malformed entry (one post, one sample) is dropped and reported when
//! the creator is read, never the whole creator.

use std::ops::{Deref, DerefMut};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use thiserror::Error;

use crate::creator::metrics::PostMetrics;
use crate::text::choice::choices;
use crate::text::date::Date;
use crate::text::format::plural;
use crate::text::number::MAX_VALUE;
use crate::text::sparse::{is_default, sparse_record};

/// A list kept in a creator record that reads entry by entry: an entry that cannot be read is
/// left out and remembered (see [`Entries::take_dropped`]), so one bad post never costs the
/// creator. Serialises as a plain JSON list of the entries it kept.
#[derive(Debug, Clone)]
pub struct Entries<T> {
    items: Vec<T>,
    /// Position (1-based, in the list as read) and reason of each entry left out; never written.
    /// Boxed, as it is nearly always empty: a creator holds six lists, and an empty `Vec` here
    /// took 8 bytes more in each of 100,000 imported creators (issue 19). The lint's advice (a
    /// plain `Vec`) is the size this avoids.
    #[allow(clippy::box_collection)]
    dropped: Option<Box<Vec<(usize, String)>>>,
}

impl<T> Default for Entries<T> {
    fn default() -> Self {
        Entries::new()
    }
}

/// A part of a creator that nearly every creator leaves empty (the posts, comment samples,
/// caption checks and audience), kept behind a pointer that stays null while it is: reads see the
/// empty value, the first write through `DerefMut` makes the box. Inline, these four took 92 bytes
/// of each creator, 9 MB of fresh memory in an import of 100,000 (issue 19); behind `Rare` they
/// take 16. Reads, writes, equality and the JSON are those of the part itself.
pub struct Rare<T: Empty>(Option<Box<T>>);

/// A type [`Rare`] can hold: one shared empty value to read while nothing is written, and whether
/// a value is that empty one (so reading one back keeps no box for it).
pub trait Empty: Default + 'static {
    fn empty() -> &'static Self;
    fn is_blank(&self) -> bool;
}

impl<T: Empty> Rare<T> {
    /// The part, when something was ever written to it; `None` leaves it unboxed (`DerefMut`
    /// would box an empty one).
    pub fn if_any(&mut self) -> Option<&mut T> {
        self.0.as_deref_mut()
    }
}

impl<T: Empty> Default for Rare<T> {
    fn default() -> Self {
        Rare(None)
    }
}

impl<T: Empty> From<T> for Rare<T> {
    fn from(value: T) -> Self {
        Rare((!value.is_blank()).then(|| Box::new(value)))
    }
}

impl<T> From<Vec<T>> for Rare<Entries<T>>
where
    Entries<T>: Empty,
{
    fn from(items: Vec<T>) -> Self {
        Rare::from(Entries::from(items))
    }
}

impl<T: Empty> Deref for Rare<T> {
    type Target = T;
    fn deref(&self) -> &T {
        match &self.0 {
            Some(value) => value,
            None => T::empty(),
        }
    }
}

impl<T: Empty> DerefMut for Rare<T> {
    fn deref_mut(&mut self) -> &mut T {
        self.0.get_or_insert_with(Box::default)
    }
}

impl<T: Empty + Clone> Clone for Rare<T> {
    fn clone(&self) -> Self {
        Rare(self.0.clone())
    }
}

impl<T: Empty + PartialEq> PartialEq for Rare<T> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<T: Empty + std::fmt::Debug> std::fmt::Debug for Rare<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

impl<T: Empty + Serialize> Serialize for Rare<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(serializer)
    }
}

impl<'de, T: Empty + Deserialize<'de>> Deserialize<'de> for Rare<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Rare::from)
    }
}

/// The empty lists [`Rare`] reads, one per kind of entry it holds.
macro_rules! rare_entries {
    ($($t:ty),*) => {$(
        impl Empty for Entries<$t> {
            fn empty() -> &'static Self {
                static EMPTY: Entries<$t> = Entries::new();
                &EMPTY
            }
            fn is_blank(&self) -> bool {
                self.items.is_empty() && self.dropped.is_none()
            }
        }
    )*};
}

rare_entries!(Post, CommentSample, CaptionCheck);

impl Empty for Audience {
    fn empty() -> &'static Self {
        static EMPTY: Audience = Audience {
            date: None,
            countries: Vec::new(),
            ages: Vec::new(),
            genders: Vec::new(),
        };
        &EMPTY
    }
    fn is_blank(&self) -> bool {
        self.date.is_none() && self.is_empty()
    }
}

impl<T: PartialEq> PartialEq for Entries<T> {
    fn eq(&self, other: &Self) -> bool {
        self.items == other.items
    }
}

impl<T> Deref for Entries<T> {
    type Target = Vec<T>;
    fn deref(&self) -> &Vec<T> {
        &self.items
    }
}

impl<T> DerefMut for Entries<T> {
    fn deref_mut(&mut self) -> &mut Vec<T> {
        &mut self.items
    }
}

impl<T> From<Vec<T>> for Entries<T> {
    fn from(items: Vec<T>) -> Self {
        Entries {
            items,
            dropped: None,
        }
    }
}

impl<T> Entries<T> {
    pub const fn new() -> Self {
        Entries {
            items: Vec::new(),
            dropped: None,
        }
    }

    /// What was left out while reading or checking, as sentences naming the entry: "post 2 was
    /// left out: ...". Empties the list.
    pub fn take_dropped(&mut self, what: &str) -> Vec<String> {
        self.dropped
            .take()
            .map(|d| *d)
            .unwrap_or_default()
            .into_iter()
            .map(|(n, reason)| format!("{what} {n} was left out: {reason}"))
            .collect()
    }

    /// Keeps the entries `check` accepts; the others are remembered as dropped, with its reason.
    pub fn retain_valid(&mut self, check: impl Fn(&T) -> Result<(), String>) {
        let mut kept = Vec::with_capacity(self.items.len());
        for (i, item) in std::mem::take(&mut self.items).into_iter().enumerate() {
            match check(&item) {
                Ok(()) => kept.push(item),
                Err(reason) => self.drop_entry(i + 1, reason),
            }
        }
        self.items = kept;
    }

    fn drop_entry(&mut self, position: usize, reason: String) {
        self.dropped
            .get_or_insert_with(Box::default)
            .push((position, reason));
    }
}

impl<T: Serialize> Serialize for Entries<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.items.serialize(serializer)
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Entries<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Each entry goes through a `Value` so that a bad one can be skipped: a streaming parser
        // cannot resume inside a list after an error.
        let values = Vec::<Value>::deserialize(deserializer)?;
        let mut out = Entries {
            items: Vec::with_capacity(values.len()),
            dropped: None,
        };
        for (i, value) in values.into_iter().enumerate() {
            match T::deserialize(value) {
                Ok(item) => out.items.push(item),
                Err(e) => out.drop_entry(i + 1, format!("it could not be read ({e}).")),
            }
        }
        Ok(out)
    }
}

/// Why a dossier entry was refused. Shown to the user as is, naming the field.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum DossierError {
    #[error("{what} is dated {date}, which is after today ({today}).")]
    Future {
        what: String,
        date: Date,
        today: Date,
    },
    #[error("{what}: {field} is {value}, which is not a usable number.")]
    Number {
        what: String,
        field: &'static str,
        value: f64,
    },
    #[error("{what}: the share of “{name}” is {percent}%; a share is between 0% and 100%.")]
    Share {
        what: String,
        name: String,
        percent: String,
    },
    #[error("{what}: the shares add up to {percent}%, more than 100%.")]
    SharesOver { what: String, percent: String },
    #[error("{what}: “{value}” is not an email address (it needs one “@” and no spaces).")]
    Email { what: String, value: String },
    #[error("{what}: {reason}")]
    Other { what: String, reason: String },
}

/// One post, as the user typed it or a file gave it. Any number may be unknown.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Post {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(flatten)]
    pub metrics: PostMetrics,
    /// A paid or gifted post (an ad label, or the user knows it was sponsored).
    #[serde(default, skip_serializing_if = "is_false")]
    pub sponsored: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub caption: String,
    /// http or https only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Where a follower count came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SnapshotSource {
    /// Typed into the dossier's follower history.
    #[default]
    Typed,
    /// Saved from "Check a creator".
    Check,
    /// The count was edited on the shortlist.
    Edit,
    /// Read from an imported file.
    Import,
    /// The count the creator had when dossiers were introduced (dated by its last change).
    Stored,
}

choices! {
    SnapshotSource, id, label;
    Typed => "typed", "Typed in";
    Check => "check", "Check a creator";
    Edit => "edit", "Edited";
    Import => "import", "Imported";
    Stored => "stored", "Saved before history was kept";
}

/// A follower count on a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowerSnapshot {
    pub date: Date,
    pub count: u64,
    #[serde(default)]
    pub source: SnapshotSource,
}

/// The counts of a scored comment sample (exact VADER sentiment and the generic-comment check),
/// kept so that badges and rules work without the word list, which loads on demand.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SampleCounts {
    pub total: usize,
    pub positive: usize,
    pub neutral: usize,
    pub negative: usize,
    pub unrecognised: usize,
    pub generic: usize,
    pub emoji_only: usize,
    pub one_word: usize,
    pub stock_praise: usize,
    pub self_promotion: usize,
}

/// Comments pasted from one or more posts, one per line, with what they were found to be.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentSample {
    pub date: Date,
    /// The comments as pasted.
    pub text: String,
    #[serde(default)]
    pub counts: SampleCounts,
    /// Likes the user typed beside the comments (YouTube: from the creator's analytics), kept so
    /// the dislike ratio can be worked out again from the dossier. `None` when not typed; samples
    /// stored before these were kept read as `None`, so no storage version was needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub likes: Option<f64>,
    /// Dislikes typed beside the comments (YouTube hides them publicly since December 2021).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dislikes: Option<f64>,
}

impl CommentSample {
    /// The typed likes and dislikes are numbers a load accepts: each, when given, finite, not
    /// negative and at most 10 billion (the limit of every count). The error names the field.
    pub fn check(&self) -> Result<(), String> {
        for (field, value) in [("likes", self.likes), ("dislikes", self.dislikes)] {
            if let Some(v) = value {
                if !(v.is_finite() && v >= 0.0 && v <= MAX_VALUE as f64) {
                    return Err(format!(
                        "its {field} count ({v}) is not usable: a count is between 0 and 10 billion."
                    ));
                }
            }
        }
        Ok(())
    }
}

/// A caption checked against the ad-disclosure rules of some countries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaptionCheck {
    pub date: Date,
    pub caption: String,
    /// The post the caption is from, when the user gave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_link: Option<String>,
    /// Jurisdiction id and verdict id per target country ("us", "missing").
    #[serde(default)]
    pub verdicts: Vec<CountryVerdict>,
    /// What the user ticked about the post; checks saved before these were kept read as none
    /// ticked.
    #[serde(default, skip_serializing_if = "is_default")]
    pub post_settings: PostSettings,
}

sparse_record! {
    /// Facts about a post that its caption does not show and that change some countries' verdicts
    /// (DOMAIN.md §6): the caption checker's ticks, kept with the check they were ticked for.
    #[derive(Copy, Eq)]
    pub struct PostSettings {
        /// The platform's own "Paid partnership" label is switched on.
        pub paid_partnership_label: bool,
        /// Bodies or faces in the images are retouched or made with AI (matters in France).
        pub retouched_or_ai_images: bool,
        /// The creator is a virtual or AI-made persona (must say so in the UK, India and Canada).
        pub virtual_persona: bool,
    }
}

impl PostSettings {
    /// The words of each tick, as the caption checker's boxes and the stored checks say them.
    pub const PAID_PARTNERSHIP_LABEL: &'static str = "Paid-partnership label is switched on";
    pub const RETOUCHED_OR_AI_IMAGES: &'static str = "Images are retouched or AI-generated";
    pub const VIRTUAL_PERSONA: &'static str = "The creator is a virtual or AI-made persona";

    /// The words of the ticked facts, in the checker's order.
    pub fn ticked(&self) -> Vec<&'static str> {
        [
            (self.paid_partnership_label, Self::PAID_PARTNERSHIP_LABEL),
            (self.retouched_or_ai_images, Self::RETOUCHED_OR_AI_IMAGES),
            (self.virtual_persona, Self::VIRTUAL_PERSONA),
        ]
        .into_iter()
        .filter_map(|(on, words)| on.then_some(words))
        .collect()
    }
}

/// A country's verdict on a caption, by stable ids (the risk area owns their meaning).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountryVerdict {
    pub country: String,
    pub verdict: String,
}

/// A named share of an audience: "United States" 0.42, "25-34" 0.31, "Women" 0.6.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Share {
    pub name: String,
    /// 0 to 1.
    pub share: f64,
}

sparse_record! {
    /// The audience as the creator's insights show it, typed by the user. Interests are the
    /// creator's tags.
    pub struct Audience {
        pub date: Option<Date>,
        pub countries: Vec<Share>,
        pub ages: Vec<Share>,
        pub genders: Vec<Share>,
    }
}

impl Audience {
    pub fn is_empty(&self) -> bool {
        self.countries.is_empty() && self.ages.is_empty() && self.genders.is_empty()
    }

    /// Each share within 0-100% and each group adding up to at most 100% (a little over is
    /// allowed for rounding in the insights screen).
    pub fn check(&self) -> Result<(), DossierError> {
        for (what, list) in [
            ("Audience countries", &self.countries),
            ("Audience ages", &self.ages),
            ("Audience genders", &self.genders),
        ] {
            let mut sum = 0.0;
            for s in list {
                if !(s.share.is_finite() && (0.0..=1.0).contains(&s.share)) {
                    return Err(DossierError::Share {
                        what: what.to_string(),
                        name: s.name.clone(),
                        percent: percent_text(s.share),
                    });
                }
                sum += s.share;
            }
            if sum > 1.005 {
                return Err(DossierError::SharesOver {
                    what: what.to_string(),
                    percent: percent_text(sum),
                });
            }
        }
        Ok(())
    }
}

fn percent_text(share: f64) -> String {
    if share.is_finite() {
        let p = (share * 1000.0).round() / 10.0;
        format!("{p}")
    } else {
        "not a number".to_string()
    }
}

/// A figure someone else reported (an import file, a vendor's page), kept as they wrote it, to be
/// shown next to what Microscope computes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportedFigure {
    /// What it measures, in a stable form ([`ReportedKind`]).
    pub kind: ReportedKind,
    /// As written: "3.1%", "42.9k".
    pub value: String,
    /// "import file “modash-list.csv”".
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
}

/// What a reported figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReportedKind {
    EngagementRate,
    AverageViews,
    AverageLikes,
    AverageComments,
    /// Audience or follower quality score (HypeAuditor's AQS, a credibility percentage).
    AudienceQuality,
    Following,
    PostCount,
}

choices! {
    ReportedKind, id, label;
    EngagementRate => "engagement-rate", "Engagement rate";
    AverageViews => "average-views", "Average views";
    AverageLikes => "average-likes", "Average likes";
    AverageComments => "average-comments", "Average comments";
    AudienceQuality => "audience-quality", "Audience quality";
    Following => "following", "Following";
    PostCount => "post-count", "Posts";
}

/// A column of an imported file the app has no field for, kept under its own header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomField {
    pub name: String,
    pub value: String,
}

/// Checks an email address lightly: one "@", something on both sides, no spaces.
pub fn check_email(input: &str) -> Result<Option<String>, DossierError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let ok = s.matches('@').count() == 1
        && !s.starts_with('@')
        && !s.ends_with('@')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control());
    if ok {
        Ok(Some(s.to_string()))
    } else {
        Err(DossierError::Email {
            what: "Email".to_string(),
            value: s.chars().take(60).collect(),
        })
    }
}

impl Post {
    /// Checks a post typed today: not dated after today, numbers usable.
    pub fn check(&self, number: usize, today: Date) -> Result<(), DossierError> {
        let what = format!("Post {number}");
        if let Some(date) = self.date {
            if date > today {
                return Err(DossierError::Future { what, date, today });
            }
        }
        for (field, value) in [
            ("views", self.metrics.views),
            ("likes", self.metrics.likes),
            ("comments", self.metrics.comments),
            ("shares", self.metrics.shares),
            ("saves", self.metrics.saves),
            ("dislikes", self.metrics.dislikes),
        ] {
            if let Some(v) = value {
                if !(v.is_finite() && v >= 0.0) {
                    return Err(DossierError::Number {
                        what: what.clone(),
                        field,
                        value: v,
                    });
                }
            }
        }
        Ok(())
    }

    /// Likes + comments + shares + saves, when likes are known.
    pub fn interactions(&self) -> Option<f64> {
        let m = &self.metrics;
        let likes = m.likes?;
        Some(likes + m.comments.unwrap_or(0.0) + m.shares.unwrap_or(0.0) + m.saves.unwrap_or(0.0))
    }
}

impl FollowerSnapshot {
    pub fn check(&self, today: Date) -> Result<(), DossierError> {
        if self.date > today {
            return Err(DossierError::Future {
                what: "A follower count".to_string(),
                date: self.date,
                today,
            });
        }
        Ok(())
    }
}

/// How old a dated piece of evidence is, in words: "today", "3 days old", "4 months old".
pub fn age_text(date: Date, today: Date) -> String {
    let days = date.days_until(today);
    match days {
        i64::MIN..=-1 => format!("dated {date}, after today"),
        0 => "today".to_string(),
        1..=59 => format!("{} old", plural(days as usize, "day", "days")),
        60..=729 => format!("{} old", plural((days / 30) as usize, "month", "months")),
        _ => format!("{} old", plural((days / 365) as usize, "year", "years")),
    }
}

/// Whether evidence dated `date` is older than `max_age_days` on `today`.
pub fn is_stale(date: Date, today: Date, max_age_days: u32) -> bool {
    date.days_until(today) > i64::from(max_age_days)
}

/// The default age after which evidence is flagged as stale (editable in the thresholds).
pub const STALE_AFTER_DAYS: u32 = 90;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::date::day;

    #[test]
    fn entries_drop_only_the_bad_entry() {
        // (JSON list, posts kept, dropped count)
        let cases = [
            (r#"[]"#, 0, 0),
            (r#"[{"date":"2026-11-01","views":100}]"#, 1, 0),
            (r#"[{"date":"2026-13-01","views":100},{"views":5}]"#, 1, 1),
            (r#"[{"views":"lots"},{"likes":3},7]"#, 1, 2),
        ];
        for (json, kept, dropped) in cases {
            let mut list: Entries<Post> =
                serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"));
            assert_eq!(list.len(), kept, "{json}");
            let reasons = list.take_dropped("post");
            assert_eq!(reasons.len(), dropped, "{json}: {reasons:?}");
            assert!(
                reasons.iter().all(|r| r.starts_with("post ")),
                "{reasons:?}"
            );
            assert!(list.take_dropped("post").is_empty());
        }
    }

    /// Guards issue 19's smaller creator: the list of dropped entries, nearly always empty, takes
    /// one pointer in each of a creator's six lists, not a whole `Vec`.
    #[test]
    fn entries_take_one_pointer_besides_their_list() {
        assert_eq!(
            std::mem::size_of::<Entries<Post>>(),
            std::mem::size_of::<Vec<Post>>() + std::mem::size_of::<usize>()
        );
    }

    /// Guards session 10's smaller creator (issue 19): a rarely filled part takes one pointer
    /// and stays unboxed while only read, so 100,000 imported creators hold no box for it.
    #[test]
    fn rare_parts_take_one_pointer_and_box_only_when_written() {
        assert_eq!(
            std::mem::size_of::<Rare<Audience>>(),
            std::mem::size_of::<usize>()
        );
        assert_eq!(
            std::mem::size_of::<Rare<Entries<Post>>>(),
            std::mem::size_of::<usize>()
        );
        let mut posts: Rare<Entries<Post>> = Rare::default();
        assert!(posts.is_empty() && posts.iter().next().is_none());
        assert!(posts.if_any().is_none(), "read only: still unboxed");
        posts.push(Post::default());
        assert_eq!(posts.len(), 1);
        assert!(posts.if_any().is_some(), "written: boxed");
        posts.clear();
        // A part emptied again equals one never written, and writes the same JSON.
        assert_eq!(posts, Rare::default());
        assert_eq!(
            serde_json::to_string(&posts).ok(),
            serde_json::to_string(&Rare::<Entries<Post>>::default()).ok()
        );
    }

    /// Guards that `Rare` changes nothing stored (issue 19, session 10): each part reads and
    /// writes the JSON it did inline, an empty one is read back unboxed, and a list entry that
    /// could not be read is still reported (its box kept for the reason).
    #[test]
    fn rare_parts_read_and_write_the_json_of_the_part() {
        let cases: [(&str, &str, bool); 4] = [
            ("[]", "[]", false),
            (
                r#"[{"date":"2026-11-02","views":1200.0}]"#,
                r#"[{"date":"2026-11-02","views":1200.0}]"#,
                true,
            ),
            (r#"[{"date":"not a date"}]"#, "[]", true),
            (r#"[{"views":5.0},"bad"]"#, r#"[{"views":5.0}]"#, true),
        ];
        for (text, written, boxed) in cases {
            let mut read: Rare<Entries<Post>> = match serde_json::from_str(text) {
                Ok(r) => r,
                Err(e) => panic!("{text}: {e}"),
            };
            assert_eq!(
                serde_json::to_string(&read).ok().as_deref(),
                Some(written),
                "{text}"
            );
            let inline: Entries<Post> = serde_json::from_str(text).unwrap_or_default();
            assert_eq!(*read, inline, "{text}");
            assert_eq!(read.if_any().is_some(), boxed, "{text}");
        }
        let audience = Audience {
            date: Some(day("2026-11-20")),
            ..Audience::default()
        };
        let text = serde_json::to_string(&audience).unwrap_or_default();
        let mut read: Rare<Audience> = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(*read, audience, "a date alone is kept");
        assert!(read.if_any().is_some());
        let mut empty: Rare<Audience> = serde_json::from_str("{}").unwrap_or_default();
        assert!(
            empty.if_any().is_none(),
            "an empty audience is read back unboxed"
        );
    }

    #[test]
    fn posts_round_trip_compactly() {
        let post = Post {
            date: Some(day("2026-11-02")),
            metrics: PostMetrics {
                views: Some(1200.0),
                likes: Some(80.0),
                ..PostMetrics::default()
            },
            sponsored: true,
            caption: "#ad new drop".into(),
            link: None,
        };
        let json = serde_json::to_string(&post).unwrap_or_default();
        assert_eq!(
            json,
            r##"{"date":"2026-11-02","views":1200.0,"likes":80.0,"sponsored":true,"caption":"#ad new drop"}"##
        );
        let back: Post = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, post);
    }

    #[test]
    fn caption_checks_keep_the_post_settings_and_older_checks_read_as_none_ticked() {
        // (stored JSON, settings read, ticked words)
        let cases: [(&str, PostSettings, &[&str]); 3] = [
            // Saved before the ticks were kept.
            (
                r##"{"date":"2026-11-02","caption":"#ad","verdicts":[{"country":"uk","verdict":"meets"}]}"##,
                PostSettings::default(),
                &[],
            ),
            (
                r##"{"date":"2026-11-02","caption":"#ad","post_settings":{"paid_partnership_label":true}}"##,
                PostSettings {
                    paid_partnership_label: true,
                    ..PostSettings::default()
                },
                &[PostSettings::PAID_PARTNERSHIP_LABEL],
            ),
            (
                r##"{"date":"2026-11-02","caption":"#ad","post_settings":{"retouched_or_ai_images":true,"virtual_persona":true}}"##,
                PostSettings {
                    retouched_or_ai_images: true,
                    virtual_persona: true,
                    ..PostSettings::default()
                },
                &[
                    PostSettings::RETOUCHED_OR_AI_IMAGES,
                    PostSettings::VIRTUAL_PERSONA,
                ],
            ),
        ];
        for (json, settings, words) in cases {
            let check: CaptionCheck =
                serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"));
            assert_eq!(check.post_settings, settings, "{json}");
            assert_eq!(check.post_settings.ticked(), words, "{json}");
            let again = serde_json::to_string(&check).unwrap_or_default();
            let back: CaptionCheck =
                serde_json::from_str(&again).unwrap_or_else(|e| panic!("{again}: {e}"));
            assert_eq!(back, check);
            // Nothing ticked writes nothing: stored checks stay as small as before.
            assert_eq!(
                again.contains("post_settings"),
                !words.is_empty(),
                "{again}"
            );
        }
    }

    fn comment_sample(likes: Option<f64>, dislikes: Option<f64>) -> CommentSample {
        CommentSample {
            date: day("2026-12-06"),
            text: "nice".into(),
            counts: SampleCounts {
                total: 1,
                ..SampleCounts::default()
            },
            likes,
            dislikes,
        }
    }

    #[test]
    fn comment_samples_keep_likes_and_dislikes_and_older_samples_read_without() {
        // Regression: the likes and dislikes typed beside the comments under Risks were not
        // kept with the sample, so the dislike ratio could not be worked out from the dossier.
        let counts = r#""counts":{"total":1,"positive":0,"neutral":0,"negative":0,"unrecognised":0,"generic":0,"emoji_only":0,"one_word":0,"stock_praise":0,"self_promotion":0}"#;
        let older = format!(r#"{{"date":"2026-12-06","text":"nice",{counts}}}"#);
        let both = format!(
            r#"{{"date":"2026-12-06","text":"nice",{counts},"likes":1200.0,"dislikes":30.0}}"#
        );
        let only_dislikes =
            format!(r#"{{"date":"2026-12-06","text":"nice",{counts},"dislikes":30.0}}"#);
        // (sample, its stored JSON): none typed writes exactly what older builds wrote.
        let cases = [
            (comment_sample(None, None), older.clone()),
            (comment_sample(Some(1200.0), Some(30.0)), both),
            (comment_sample(None, Some(30.0)), only_dislikes),
        ];
        for (sample, want) in cases {
            let json = serde_json::to_string(&sample).unwrap_or_default();
            assert_eq!(json, want);
            let back: Option<CommentSample> = serde_json::from_str(&json).ok();
            assert_eq!(back, Some(sample));
        }
        // Stored before likes and dislikes were kept (and before the counts were): reads as
        // none typed.
        for json in [
            older.as_str(),
            r#"{"date":"2026-12-06","text":"nice","counts":{"total":1}}"#,
        ] {
            let s: Option<CommentSample> = serde_json::from_str(json).ok();
            assert_eq!(s, Some(comment_sample(None, None)), "{json}");
        }
    }

    #[test]
    fn comment_sample_likes_and_dislikes_are_checked() {
        let too_many = MAX_VALUE as f64 + 1.0;
        // (likes, dislikes, the error names)
        let cases = [
            (None, None, None),
            (Some(0.0), Some(0.0), None),
            (Some(1200.0), Some(MAX_VALUE as f64), None),
            (Some(-1.0), None, Some("its likes count (-1)")),
            (Some(f64::NAN), Some(3.0), Some("its likes count (NaN)")),
            (
                Some(5.0),
                Some(f64::INFINITY),
                Some("its dislikes count (inf)"),
            ),
            (
                None,
                Some(too_many),
                Some("its dislikes count (10000000001)"),
            ),
        ];
        for (likes, dislikes, want) in cases {
            let got = comment_sample(likes, dislikes).check().err();
            match want {
                None => assert_eq!(got, None, "{likes:?} {dislikes:?}"),
                Some(words) => {
                    let msg = got.unwrap_or_default();
                    assert!(
                        msg.starts_with(words),
                        "{msg:?} should start with {words:?}"
                    );
                    assert!(msg.contains("between 0 and 10 billion"), "{msg}");
                }
            }
        }
    }

    #[test]
    fn bad_input_names_the_field() {
        let today = day("2026-12-06");
        let future = Post {
            date: Some(day("2026-12-24")),
            ..Post::default()
        };
        let negative = Post {
            metrics: PostMetrics {
                likes: Some(-3.0),
                ..PostMetrics::default()
            },
            ..Post::default()
        };
        // (result, message)
        let cases: Vec<(Result<(), DossierError>, &str)> = vec![
            (
                future.check(2, today),
                "Post 2 is dated 2026-12-24, which is after today (2026-12-06).",
            ),
            (
                negative.check(1, today),
                "Post 1: likes is -3, which is not a usable number.",
            ),
            (
                Audience {
                    countries: vec![Share {
                        name: "Spain".into(),
                        share: 1.2,
                    }],
                    ..Audience::default()
                }
                .check(),
                "Audience countries: the share of “Spain” is 120%; a share is between 0% and 100%.",
            ),
            (
                Audience {
                    ages: vec![
                        Share {
                            name: "18-24".into(),
                            share: 0.7,
                        },
                        Share {
                            name: "25-34".into(),
                            share: 0.5,
                        },
                    ],
                    ..Audience::default()
                }
                .check(),
                "Audience ages: the shares add up to 120%, more than 100%.",
            ),
            (
                FollowerSnapshot {
                    date: day("2027-01-01"),
                    count: 5,
                    source: SnapshotSource::Typed,
                }
                .check(today),
                "A follower count is dated 2027-01-01, which is after today (2026-12-06).",
            ),
            (
                check_email("ana at mail.com").map(|_| ()),
                "Email: “ana at mail.com” is not an email address (it needs one “@” and no spaces).",
            ),
        ];
        for (got, want) in cases {
            assert_eq!(got.map_err(|e| e.to_string()), Err(want.to_string()));
        }
        assert_eq!(
            check_email(" ana@mail.com "),
            Ok(Some("ana@mail.com".into()))
        );
        assert_eq!(check_email(""), Ok(None));
    }

    #[test]
    fn ages_in_words() {
        let today = day("2026-12-06");
        // (date, words, stale after 90 days)
        let cases = [
            ("2026-12-06", "today", false),
            ("2026-12-05", "1 day old", false),
            ("2026-10-08", "59 days old", false),
            ("2026-09-07", "3 months old", false),
            ("2026-09-06", "3 months old", true),
            ("2024-12-01", "2 years old", true),
            ("2026-12-07", "dated 2026-12-07, after today", false),
        ];
        for (date, words, stale) in cases {
            assert_eq!(age_text(day(date), today), words, "{date}");
            assert_eq!(
                is_stale(day(date), today, STALE_AFTER_DAYS),
                stale,
                "{date}"
            );
        }
    }
}
