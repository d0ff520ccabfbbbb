//! A post's number fields (`Field`: views, likes, ... with the header names they parse from) and
//! `FieldSet`, a set of them; the engagement formulas in `engagement` count and divide by them.

use serde::{Deserialize, Serialize};

use crate::creator::metrics::PostMetrics;
use crate::creator::platform::Platform;
use crate::text::choice::{choices, fold_key};

/// A number field of a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Views,
    Likes,
    Comments,
    Shares,
    Dislikes,
    Saves,
    /// From the creator's insights: how often the post was shown (one person may count twice).
    Impressions,
    /// From the creator's insights: how many accounts saw the post at least once.
    Reach,
}

// In the order of `PostMetrics`, which is also the default column order of pasted rows. A post's
// counts have no separate label: the lower-case name serves as both.
choices! {
    Field, name, parse = Field::parse;
    Views => "views";
    Likes => "likes";
    Comments => "comments";
    Shares => "shares";
    Dislikes => "dislikes";
    Saves => "saves";
    Impressions => "impressions";
    Reach => "reach";
}

impl Field {
    /// The value as entered; a negative or non-finite stored value counts as not entered, so a
    /// corrupted record can never produce a negative or NaN rate.
    pub fn get(self, post: &PostMetrics) -> Option<f64> {
        self.stored(post).filter(|v| v.is_finite() && *v >= 0.0)
    }

    /// The value exactly as stored (an editor shows it, so a bad one can be corrected).
    pub fn stored(self, post: &PostMetrics) -> Option<f64> {
        let mut copy = *post;
        *self.slot(&mut copy)
    }

    pub fn set(self, post: &mut PostMetrics, value: Option<f64>) {
        *self.slot(post) = value;
    }

    fn slot(self, post: &mut PostMetrics) -> &mut Option<f64> {
        match self {
            Field::Views => &mut post.views,
            Field::Likes => &mut post.likes,
            Field::Comments => &mut post.comments,
            Field::Shares => &mut post.shares,
            Field::Dislikes => &mut post.dislikes,
            Field::Saves => &mut post.saves,
            Field::Impressions => &mut post.impressions,
            Field::Reach => &mut post.reach,
        }
    }

    /// Whether the platform has this count at all. TikTok and Instagram have no dislike button and
    /// YouTube shows no saves, so those are zero by nature, not "not entered".
    pub fn exists_on(self, platform: Platform) -> bool {
        match self {
            Field::Dislikes => platform == Platform::YouTube,
            Field::Saves => platform != Platform::YouTube,
            _ => true,
        }
    }

    /// Reads a column name as people write it in a header ("Views", "plays", "hearts", "favorites").
    pub fn parse(s: &str) -> Option<Field> {
        match fold_key(s).as_str() {
            "views" | "view" | "plays" | "play" | "viewcount" | "videoviews" => Some(Field::Views),
            "likes" | "like" | "hearts" | "heart" | "reactions" => Some(Field::Likes),
            "comments" | "comment" | "replies" => Some(Field::Comments),
            "shares" | "share" | "reposts" | "repost" => Some(Field::Shares),
            "dislikes" | "dislike" => Some(Field::Dislikes),
            "saves" | "save" | "favorites" | "favourites" | "bookmarks" | "collects" => {
                Some(Field::Saves)
            }
            "impressions" | "impression" | "imps" => Some(Field::Impressions),
            "reach" | "reached" | "accountsreached" => Some(Field::Reach),
            _ => None,
        }
    }
}

/// A set of fields as a bit mask: copying it costs nothing, which matters on every keystroke.
/// Eight fields fill the eight bits exactly; a ninth needs a wider integer.
/// The bits are open to the engine (`engagement` intersects the sets it reports).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct FieldSet(pub(super) u8);

impl FieldSet {
    pub const EMPTY: FieldSet = FieldSet(0);

    pub const fn of(fields: &[Field]) -> FieldSet {
        let mut bits = 0u8;
        let mut i = 0;
        while i < fields.len() {
            bits |= 1 << fields[i] as u8;
            i += 1;
        }
        FieldSet(bits)
    }

    pub fn insert(&mut self, field: Field) {
        self.0 |= 1 << field as u8;
    }

    pub fn contains(self, field: Field) -> bool {
        self.0 & (1 << field as u8) != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The fields of `self` that are not in `other`.
    pub fn without(self, other: FieldSet) -> FieldSet {
        FieldSet(self.0 & !other.0)
    }

    /// In `Field::ALL` order.
    pub fn iter(self) -> impl Iterator<Item = Field> + Clone {
        Field::ALL.into_iter().filter(move |f| self.contains(*f))
    }

    /// The fields a platform has.
    pub fn on_platform(platform: Platform) -> FieldSet {
        let mut set = FieldSet::EMPTY;
        for f in Field::ALL {
            if f.exists_on(platform) {
                set.insert(f);
            }
        }
        set
    }

    /// "shares", "shares and saves", "likes, shares and saves".
    pub fn list(self) -> String {
        let names: Vec<&str> = self.iter().map(Field::name).collect();
        match names.split_last() {
            None => String::new(),
            Some((last, [])) => (*last).to_string(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        }
    }
}

// The header names `Field::parse` reads are checked with the other choice enums' in
// `domain::choices`.
