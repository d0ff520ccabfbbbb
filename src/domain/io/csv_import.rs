//! Imports creators from pasted CSV text or a file's text, in steps, so 100,000 rows never freeze the page.
//!
//! Flow: [`ImportSession::new`] detects the delimiter and maps the header; [`ImportSession::preview`]
//! shows what will happen before anything is saved; [`ImportSession::step`] parses a chunk of rows
//! (call it between animation frames); [`ImportSession::finish`] returns the creators and every
//! rejected row with its line number. Nothing is dropped silently.
//!
//! Formula-injection marks: the export puts an apostrophe before a cell starting with `=` `+` `-`
//! `@` tab, CR or an apostrophe (see `csv_export`). This importer removes exactly that one apostrophe
//! again, so "-Ann-" or "@handle" come back unchanged. A cell like "'Tis" (apostrophe followed by
//! anything else) is kept as written.

mod post_rows;
mod reader;
mod rows;
mod session;

pub use post_rows::{parse_post_rows, PastedPostRows};
pub use reader::unneutralise;
pub use session::{
    ImportError, ImportReport, ImportSession, Preview, PreviewRow, Progress, RejectedRow,
    MAX_BYTES, MAX_ROWS,
};

use std::collections::HashMap;

use crate::domain::text::choice::choices;

/// The character separating cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    Comma,
    Semicolon,
    Tab,
}

impl Delimiter {
    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
        }
    }

    pub fn as_char(self) -> char {
        self.byte() as char
    }

    /// For the preview: "comma", "semicolon", "tab".
    pub fn label(self) -> &'static str {
        match self {
            Delimiter::Comma => "comma",
            Delimiter::Semicolon => "semicolon",
            Delimiter::Tab => "tab",
        }
    }
}

/// A creator field a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Id,
    Name,
    Platform,
    ProfileUrl,
    Followers,
    Views,
    Likes,
    Comments,
    Shares,
    Saves,
    Dislikes,
    PostsPerWeek,
    Price,
    Currency,
    SponsoredPosts,
    Status,
    Tags,
    Notes,
}

// In export column order. The id is the canonical header, written by the export and always
// recognised by the import; the label names the field in messages and in the mapping preview.
choices! {
    Field, header, label;
    Id => "id", "id";
    Name => "name", "name";
    Platform => "platform", "platform";
    ProfileUrl => "profile_url", "profile link";
    Followers => "followers", "followers";
    Views => "views", "average views";
    Likes => "likes", "average likes";
    Comments => "comments", "average comments";
    Shares => "shares", "average shares";
    Saves => "saves", "average saves";
    Dislikes => "dislikes", "average dislikes";
    PostsPerWeek => "posts_per_week", "posts per week";
    Price => "price", "price per post";
    Currency => "currency", "currency";
    SponsoredPosts => "sponsored_posts", "past sponsored posts";
    Status => "status", "status";
    Tags => "tags", "tags";
    Notes => "notes", "notes";
}

/// Header aliases, in normalised form (see [`normalize_header`]).
const ALIASES: &[(&str, Field)] = &[
    ("id", Field::Id),
    ("creatorid", Field::Id),
    ("name", Field::Name),
    ("handle", Field::Name),
    ("username", Field::Name),
    ("user", Field::Name),
    ("creator", Field::Name),
    ("creatorname", Field::Name),
    ("account", Field::Name),
    ("accountname", Field::Name),
    ("influencer", Field::Name),
    ("influencername", Field::Name),
    ("channel", Field::Name),
    ("channelname", Field::Name),
    ("platform", Field::Platform),
    ("network", Field::Platform),
    ("socialnetwork", Field::Platform),
    ("channeltype", Field::Platform),
    ("url", Field::ProfileUrl),
    ("profile", Field::ProfileUrl),
    ("profileurl", Field::ProfileUrl),
    ("profilelink", Field::ProfileUrl),
    ("link", Field::ProfileUrl),
    ("channelurl", Field::ProfileUrl),
    ("accounturl", Field::ProfileUrl),
    ("followers", Field::Followers),
    ("follower", Field::Followers),
    ("followercount", Field::Followers),
    ("followerscount", Field::Followers),
    ("numfollowers", Field::Followers),
    ("subscribers", Field::Followers),
    ("subscriber", Field::Followers),
    ("subscribercount", Field::Followers),
    ("subscriberscount", Field::Followers),
    ("subs", Field::Followers),
    ("fans", Field::Followers),
    ("views", Field::Views),
    ("avgviews", Field::Views),
    ("averageviews", Field::Views),
    ("viewsperpost", Field::Views),
    ("avgviewsperpost", Field::Views),
    ("averageviewsperpost", Field::Views),
    ("plays", Field::Views),
    ("avgplays", Field::Views),
    ("likes", Field::Likes),
    ("avglikes", Field::Likes),
    ("averagelikes", Field::Likes),
    ("likesperpost", Field::Likes),
    ("comments", Field::Comments),
    ("avgcomments", Field::Comments),
    ("averagecomments", Field::Comments),
    ("commentsperpost", Field::Comments),
    ("shares", Field::Shares),
    ("avgshares", Field::Shares),
    ("averageshares", Field::Shares),
    ("sharesperpost", Field::Shares),
    ("saves", Field::Saves),
    ("avgsaves", Field::Saves),
    ("averagesaves", Field::Saves),
    ("bookmarks", Field::Saves),
    ("dislikes", Field::Dislikes),
    ("avgdislikes", Field::Dislikes),
    ("averagedislikes", Field::Dislikes),
    ("postsperweek", Field::PostsPerWeek),
    ("weeklyposts", Field::PostsPerWeek),
    ("cadence", Field::PostsPerWeek),
    ("postingfrequency", Field::PostsPerWeek),
    ("price", Field::Price),
    ("rate", Field::Price),
    ("fee", Field::Price),
    ("cost", Field::Price),
    ("priceperpost", Field::Price),
    ("rateperpost", Field::Price),
    ("feeperpost", Field::Price),
    ("costperpost", Field::Price),
    ("currency", Field::Currency),
    ("sponsoredposts", Field::SponsoredPosts),
    ("pastsponsoredposts", Field::SponsoredPosts),
    ("sponsored", Field::SponsoredPosts),
    ("paidposts", Field::SponsoredPosts),
    ("brandedposts", Field::SponsoredPosts),
    ("branddeals", Field::SponsoredPosts),
    ("status", Field::Status),
    ("stage", Field::Status),
    ("outreachstatus", Field::Status),
    ("tags", Field::Tags),
    ("tag", Field::Tags),
    ("interests", Field::Tags),
    ("audience", Field::Tags),
    ("audienceinterests", Field::Tags),
    ("categories", Field::Tags),
    ("category", Field::Tags),
    ("niche", Field::Tags),
    ("niches", Field::Tags),
    ("topics", Field::Tags),
    ("notes", Field::Notes),
    ("note", Field::Notes),
    ("remarks", Field::Notes),
];

/// Columns Microscope computes itself (the export writes some of them); they are not read back.
const COMPUTED: &[&str] = &[
    "tier",
    "engagementrate",
    "engagement",
    "er",
    "cpm",
    "cpv",
    "cpe",
];

/// Lower case, letters and digits only: "Avg. Views", "avg_views" and "AVG VIEWS" are one header.
pub fn normalize_header(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The field a header names, if any.
pub fn field_for_header(header: &str) -> Option<Field> {
    let key = normalize_header(header);
    ALIASES
        .iter()
        .find(|(alias, _)| *alias == key)
        .map(|&(_, f)| f)
}

/// Which header feeds which field, or why a column is ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnMapping {
    /// 0-based column position.
    pub index: usize,
    pub header: String,
    pub field: Option<Field>,
    /// Why the column is ignored (when `field` is `None`).
    pub note: Option<String>,
}

fn map_headers(headers: &[String]) -> Vec<ColumnMapping> {
    let mut first_for: HashMap<Field, usize> = HashMap::new();
    headers
        .iter()
        .enumerate()
        .map(|(index, header)| {
            let key = normalize_header(header);
            let (field, note) = if key.is_empty() {
                (None, Some("ignored: the column has no header".to_string()))
            } else if let Some(field) = field_for_header(header) {
                match first_for.get(&field) {
                    Some(&first) => (
                        None,
                        Some(format!(
                            "ignored: column {} (“{}”) already gives the {}",
                            first + 1,
                            headers.get(first).map(String::as_str).unwrap_or(""),
                            field.label()
                        )),
                    ),
                    None => {
                        first_for.insert(field, index);
                        (Some(field), None)
                    }
                }
            } else if COMPUTED.contains(&key.as_str()) {
                (
                    None,
                    Some("ignored: Microscope computes this from the other columns".to_string()),
                )
            } else {
                (
                    None,
                    Some("ignored: not a column Microscope knows".to_string()),
                )
            };
            ColumnMapping {
                index,
                header: header.clone(),
                field,
                note,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_aliases() {
        let cases: &[(&str, Option<Field>)] = &[
            ("Followers", Some(Field::Followers)),
            ("follower_count", Some(Field::Followers)),
            ("Follower Count", Some(Field::Followers)),
            ("SUBSCRIBERS", Some(Field::Followers)),
            ("fans", Some(Field::Followers)),
            ("Handle", Some(Field::Name)),
            ("user name", Some(Field::Name)),
            ("Creator", Some(Field::Name)),
            ("account", Some(Field::Name)),
            ("Network", Some(Field::Platform)),
            ("Profile URL", Some(Field::ProfileUrl)),
            ("link", Some(Field::ProfileUrl)),
            ("Avg. Views", Some(Field::Views)),
            ("average_views", Some(Field::Views)),
            ("likes", Some(Field::Likes)),
            ("Comments", Some(Field::Comments)),
            ("shares", Some(Field::Shares)),
            ("saves", Some(Field::Saves)),
            ("dislikes", Some(Field::Dislikes)),
            ("Rate", Some(Field::Price)),
            ("fee", Some(Field::Price)),
            ("Cost", Some(Field::Price)),
            ("Interests", Some(Field::Tags)),
            ("audience", Some(Field::Tags)),
            ("Categories", Some(Field::Tags)),
            ("notes", Some(Field::Notes)),
            ("Status", Some(Field::Status)),
            ("Sponsored Posts", Some(Field::SponsoredPosts)),
            ("posts-per-week", Some(Field::PostsPerWeek)),
            ("engagement rate", None),
            ("favourite colour", None),
            ("", None),
        ];
        for (header, want) in cases {
            assert_eq!(field_for_header(header), *want, "{header:?}");
        }
        // The export's canonical headers are always recognised.
        for f in Field::ALL {
            assert_eq!(field_for_header(f.header()), Some(f), "{f:?}");
        }
    }
}
