//! Imports creators from pasted CSV text or a file's bytes, in steps, so 100,000 rows never freeze the page.
//!
//! Flow: [`ImportSession::new`] (pasted text) or [`ImportSession::from_file`] (a file's bytes,
//! decoded by `io::encoding`) detects the delimiter and maps the header; [`ImportSession::preview`]
//! shows what will happen before anything is saved; [`ImportSession::step`] parses a chunk of rows
//! (call it between animation frames); [`ImportSession::finish`] returns the creators and every
//! rejected row with its line number. Nothing is dropped silently.
//!
//! Nothing in a file is lost either: a column Microscope has a field for fills it, a figure it
//! computes itself but the file reports (engagement rate, a vendor's averages, following, posts,
//! audience quality) is kept as a dated `ReportedFigure` naming the file, and every other column
//! is kept as a `CustomField` under its own header (DOMAIN.md §10).
//!
//! Formula-injection marks: the export puts an apostrophe before a cell starting with `=` `+` `-`
//! `@` tab, CR or an apostrophe (see `csv_export`). This importer removes exactly that one apostrophe
//! again, so "-Ann-" or "@handle" come back unchanged. A cell like "'Tis" (apostrophe followed by
//! anything else) is kept as written.

mod limits;
mod merge;
mod orders;
mod post_rows;
mod reader;
mod rows;
mod session;
#[cfg(test)]
mod vendor_files;

pub use merge::merge_imported;
pub use orders::{OrdersImportError, OrdersPreview, OrdersSession, MAX_ORDER_BYTES};
pub use post_rows::{parse_post_rows, PastedPostRows};
pub use reader::unneutralise;
pub use rows::reported_text;
pub use rows::{is_link, name_from_link, read_rate, RateScale};
pub use session::{
    ImportError, ImportReport, ImportSession, Preview, PreviewRow, Progress, RejectedRow, Steps,
    MAX_BYTES, MAX_ROWS,
};

use crate::creator::dossier::ReportedKind;
use crate::creator::platform::Platform;
use crate::text::choice::choices;

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
    Impressions,
    Reach,
    PostsPerWeek,
    Price,
    Currency,
    SponsoredPosts,
    Status,
    Tags,
    Notes,
    Email,
    Location,
    Language,
    Links,
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
    Impressions => "impressions", "average impressions";
    Reach => "reach", "average reach";
    PostsPerWeek => "posts_per_week", "posts per week";
    Price => "price", "price per post";
    Currency => "currency", "currency";
    SponsoredPosts => "sponsored_posts", "past sponsored posts";
    Status => "status", "status";
    Tags => "tags", "tags";
    Notes => "notes", "notes";
    Email => "email", "email";
    Location => "location", "location";
    Language => "language", "language";
    Links => "links", "other links";
}

impl Field {
    /// Several columns may feed it, their cells joined: a location from city, state and
    /// country; links from a website and other profiles.
    pub fn joins(self) -> bool {
        matches!(self, Field::Location | Field::Links)
    }
}

/// What a column of the file becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Field(Field),
    /// A column named after a platform holding handles or profile links (Aspire's `instagram`,
    /// `tiktok`, `youtube`): the first one filled gives the platform, the profile link and (when
    /// no column gives a name) the name; the others become links.
    Handle(Platform),
    /// A first name, joined with the last name when no column gives a name or handle.
    FirstName,
    LastName,
    /// A figure the file reports and Microscope computes itself, kept as written with its source.
    Reported(ReportedKind),
    /// Kept on the creator under the column's header.
    Custom,
    Ignore,
}

impl Target {
    /// Every choice of the preview's mapping select, in its order.
    pub fn all() -> Vec<Target> {
        let mut out = vec![Target::Custom, Target::Ignore];
        out.extend(Field::ALL.into_iter().map(Target::Field));
        out.extend([Target::FirstName, Target::LastName]);
        out.extend(Platform::ALL.into_iter().map(Target::Handle));
        out.extend(ReportedKind::ALL.into_iter().map(Target::Reported));
        out
    }

    /// A stable id for form values: "field:followers", "handle:instagram", "reported:following".
    pub fn id(self) -> String {
        match self {
            Target::Field(f) => format!("field:{}", f.header()),
            Target::Handle(p) => format!("handle:{}", p.id()),
            Target::FirstName => "first-name".to_string(),
            Target::LastName => "last-name".to_string(),
            Target::Reported(k) => format!("reported:{}", k.id()),
            Target::Custom => "custom".to_string(),
            Target::Ignore => "ignore".to_string(),
        }
    }

    pub fn parse(id: &str) -> Option<Target> {
        Target::all().into_iter().find(|t| t.id() == id)
    }

    /// For the select and for messages: "followers", "Instagram handle or link".
    pub fn label(self) -> String {
        match self {
            Target::Field(f) => f.label().to_string(),
            Target::Handle(p) => format!("{} handle or link", p.name()),
            Target::FirstName => "first name".to_string(),
            Target::LastName => "last name".to_string(),
            Target::Reported(k) => format!("reported {}", k.label().to_lowercase()),
            Target::Custom => "a custom field (kept under its header)".to_string(),
            Target::Ignore => "nothing (ignore this column)".to_string(),
        }
    }

    /// Only one column may give it; a second one is kept as a custom field instead.
    fn single(self) -> bool {
        match self {
            Target::Field(f) => !f.joins(),
            Target::FirstName | Target::LastName | Target::Reported(_) => true,
            Target::Handle(_) | Target::Custom | Target::Ignore => false,
        }
    }

    /// Gives the name, or something the name can be read from (a handle, a profile link).
    fn names(self) -> bool {
        matches!(
            self,
            Target::Field(Field::Name | Field::ProfileUrl)
                | Target::FirstName
                | Target::LastName
                | Target::Handle(_)
        )
    }
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
    // Upfluence's template: the influencer's social profile.
    ("mediaurl", Field::ProfileUrl),
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
    ("impressions", Field::Impressions),
    ("avgimpressions", Field::Impressions),
    ("averageimpressions", Field::Impressions),
    ("reach", Field::Reach),
    ("avgreach", Field::Reach),
    ("averagereach", Field::Reach),
    ("accountsreached", Field::Reach),
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
    ("email", Field::Email),
    ("emailaddress", Field::Email),
    ("mail", Field::Email),
    ("contactemail", Field::Email),
    ("businessemail", Field::Email),
    ("location", Field::Location),
    ("city", Field::Location),
    ("town", Field::Location),
    ("state", Field::Location),
    ("region", Field::Location),
    ("province", Field::Location),
    ("country", Field::Location),
    ("countrycode", Field::Location),
    ("language", Field::Language),
    ("lang", Field::Language),
    ("contentlanguage", Field::Language),
    ("links", Field::Links),
    ("otherlinks", Field::Links),
    ("website", Field::Links),
    ("websites", Field::Links),
    ("sociallinks", Field::Links),
];

/// Names that fill the name only when no column above gives a name or handle (HypeAuditor's
/// `full_name` next to `username`: the handle names the creator, the full name is kept as a
/// custom field).
const FULL_NAMES: &[&str] = &["fullname", "profilename", "displayname", "realname"];
const FIRST_NAMES: &[&str] = &["firstname", "givenname", "first"];
const LAST_NAMES: &[&str] = &["lastname", "surname", "familyname", "last"];

/// Columns named after a platform (Aspire) hold that platform's handles or links.
const HANDLES: &[(&str, Platform)] = &[
    ("instagram", Platform::Instagram),
    ("instagramhandle", Platform::Instagram),
    ("instagramusername", Platform::Instagram),
    ("instagramurl", Platform::Instagram),
    ("instagramlink", Platform::Instagram),
    ("instagramprofile", Platform::Instagram),
    ("tiktok", Platform::TikTok),
    ("tiktokhandle", Platform::TikTok),
    ("tiktokusername", Platform::TikTok),
    ("tiktokurl", Platform::TikTok),
    ("tiktoklink", Platform::TikTok),
    ("tiktokprofile", Platform::TikTok),
    ("youtube", Platform::YouTube),
    ("youtubechannel", Platform::YouTube),
    ("youtubehandle", Platform::YouTube),
    ("youtubeurl", Platform::YouTube),
    ("youtubelink", Platform::YouTube),
    ("youtubechannelurl", Platform::YouTube),
];

/// Figures Microscope computes (or keeps per post) that vendors and teams report.
const REPORTED: &[(&str, ReportedKind)] = &[
    ("engagementrate", ReportedKind::EngagementRate),
    ("engagement", ReportedKind::EngagementRate),
    ("er", ReportedKind::EngagementRate),
    ("engrate", ReportedKind::EngagementRate),
    ("avgengagementrate", ReportedKind::EngagementRate),
    ("averageengagementrate", ReportedKind::EngagementRate),
    ("engagementratepercent", ReportedKind::EngagementRate),
    ("following", ReportedKind::Following),
    ("followings", ReportedKind::Following),
    ("followingcount", ReportedKind::Following),
    ("followingscount", ReportedKind::Following),
    ("posts", ReportedKind::PostCount),
    ("postscount", ReportedKind::PostCount),
    ("postcount", ReportedKind::PostCount),
    ("numberofposts", ReportedKind::PostCount),
    ("mediacount", ReportedKind::PostCount),
    ("totalposts", ReportedKind::PostCount),
    ("aqs", ReportedKind::AudienceQuality),
    ("audiencequality", ReportedKind::AudienceQuality),
    ("audiencequalityscore", ReportedKind::AudienceQuality),
    ("credibility", ReportedKind::AudienceQuality),
    ("followercredibility", ReportedKind::AudienceQuality),
    ("audiencecredibility", ReportedKind::AudienceQuality),
];

/// A vendor's averages ("avgLikes"): they fill the average and are also kept as the vendor's
/// reported figure, dated, since the average is what the user goes on to edit.
const VENDOR_AVERAGES: &[(&str, ReportedKind)] = &[
    ("avgviews", ReportedKind::AverageViews),
    ("averageviews", ReportedKind::AverageViews),
    ("avgplays", ReportedKind::AverageViews),
    ("avglikes", ReportedKind::AverageLikes),
    ("averagelikes", ReportedKind::AverageLikes),
    ("avgcomments", ReportedKind::AverageComments),
    ("averagecomments", ReportedKind::AverageComments),
];

/// The header the export writes for a reported figure: "Reported engagement rate".
pub fn reported_header(kind: ReportedKind) -> String {
    format!("Reported {}", kind.label().to_lowercase())
}

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

/// What a header becomes on its own (before duplicates and the name's sources are settled), and
/// how strongly it names the creator (lower is stronger).
fn target_for_key(key: &str) -> (Target, u8) {
    if let Some(&(_, f)) = ALIASES.iter().find(|(a, _)| *a == key) {
        let rank = if f == Field::Name { 0 } else { u8::MAX };
        return (Target::Field(f), rank);
    }
    if FULL_NAMES.contains(&key) {
        return (Target::Field(Field::Name), 1);
    }
    if FIRST_NAMES.contains(&key) {
        return (Target::FirstName, 2);
    }
    if LAST_NAMES.contains(&key) {
        return (Target::LastName, 2);
    }
    if let Some(&(_, p)) = HANDLES.iter().find(|(a, _)| *a == key) {
        return (Target::Handle(p), 3);
    }
    if let Some(&(_, k)) = REPORTED.iter().find(|(a, _)| *a == key) {
        return (Target::Reported(k), u8::MAX);
    }
    if let Some(k) = ReportedKind::ALL
        .into_iter()
        .find(|&k| normalize_header(&reported_header(k)) == key)
    {
        return (Target::Reported(k), u8::MAX);
    }
    (Target::Custom, u8::MAX)
}

/// What a header becomes when nothing else in the file competes for it.
pub fn target_for_header(header: &str) -> Target {
    let key = normalize_header(header);
    if key.is_empty() {
        Target::Custom
    } else if is_computed(header, &key) {
        Target::Ignore
    } else {
        target_for_key(&key).0
    }
}

/// Columns Microscope computes itself from the others and writes in its own export: the tier,
/// and the engagement rate under the chosen formula ("engagement rate ((likes + comments) ÷
/// views)"). Read back they would only go stale.
fn is_computed(header: &str, key: &str) -> bool {
    key == "tier" || (key.starts_with("engagementrate") && header.contains('÷'))
}

/// Which header feeds which field, or why a column is ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnMapping {
    /// 0-based column position.
    pub index: usize,
    pub header: String,
    pub target: Target,
    /// Why the column maps as it does, when that is not plain from its header.
    pub note: Option<String>,
    /// A vendor's average, kept as its reported figure too.
    pub also_reported: Option<ReportedKind>,
    /// How bare numbers in an engagement-rate column are read (set by the session from the rows).
    pub scale: RateScale,
}

impl ColumnMapping {
    /// The field it fills, if any.
    pub fn field(&self) -> Option<Field> {
        match self.target {
            Target::Field(f) => Some(f),
            _ => None,
        }
    }

    /// The name of the custom field it keeps: the header, or "Column 4" when there is none.
    pub fn custom_name(&self) -> String {
        if self.header.trim().is_empty() {
            format!("Column {}", self.index + 1)
        } else {
            self.header.clone()
        }
    }
}

/// Whether some column gives the creators' names (or a handle or link to read one from).
pub fn has_name_source(columns: &[ColumnMapping]) -> bool {
    columns.iter().any(|c| c.target.names())
}

fn map_headers(headers: &[String]) -> Vec<ColumnMapping> {
    let keys: Vec<String> = headers.iter().map(|h| normalize_header(h)).collect();
    let raw: Vec<(Target, u8)> = headers
        .iter()
        .zip(&keys)
        .map(|(h, k)| {
            if k.is_empty() {
                (Target::Custom, u8::MAX)
            } else if is_computed(h, k) {
                (Target::Ignore, u8::MAX)
            } else {
                target_for_key(k)
            }
        })
        .collect();
    // The strongest name source present; weaker ones (a full name beside a handle) are kept as
    // custom fields. Platform handle columns stay: they give the platform and links too.
    let best_name = raw
        .iter()
        .filter(|(t, _)| !matches!(t, Target::Handle(_)))
        .map(|&(_, rank)| rank)
        .min()
        .unwrap_or(u8::MAX);
    let name_column = raw
        .iter()
        .position(|&(t, rank)| rank == best_name && !matches!(t, Target::Handle(_)));
    // The first column giving each target (few columns: a list beats a map).
    let mut first_for: Vec<(Target, usize)> = Vec::new();
    raw.iter()
        .enumerate()
        .map(|(index, &(target, rank))| {
            let header = headers.get(index).cloned().unwrap_or_default();
            let key = keys.get(index).map(String::as_str).unwrap_or("");
            let described = |i: usize| {
                format!(
                    "column {} (“{}”)",
                    i + 1,
                    headers.get(i).map(String::as_str).unwrap_or("")
                )
            };
            let (target, note) = if key.is_empty() {
                (
                    Target::Custom,
                    Some(format!(
                        "kept as a custom field named “Column {}”: the column has no header",
                        index + 1
                    )),
                )
            } else if target == Target::Ignore {
                (
                    Target::Ignore,
                    Some("ignored: Microscope computes this from the other columns".to_string()),
                )
            } else if rank < u8::MAX && rank > best_name && !matches!(target, Target::Handle(_)) {
                (
                    Target::Custom,
                    Some(format!(
                        "kept as a custom field: {} gives the name",
                        name_column.map(described).unwrap_or_default()
                    )),
                )
            } else if let Some(first) = first_for
                .iter()
                .find(|(t, _)| *t == target && target.single())
                .map(|&(_, i)| i)
            {
                (
                    Target::Custom,
                    Some(format!(
                        "kept as a custom field: {} already gives the {}",
                        described(first),
                        target.label()
                    )),
                )
            } else {
                first_for.push((target, index));
                let note = match target {
                    Target::Custom => {
                        Some("kept as a custom field: not a column Microscope knows".to_string())
                    }
                    Target::Reported(k) => Some(format!(
                        "kept as the file's reported {}, dated and named after the file: Microscope computes its own",
                        k.label().to_lowercase()
                    )),
                    _ => None,
                };
                (target, note)
            };
            let also_reported = match target {
                Target::Field(_) => VENDOR_AVERAGES
                    .iter()
                    .find(|(a, _)| *a == key)
                    .map(|&(_, k)| k),
                _ => None,
            };
            let note = match (note, also_reported) {
                (None, Some(k)) => Some(format!(
                    "also kept as the file's reported {}",
                    k.label().to_lowercase()
                )),
                (note, _) => note,
            };
            ColumnMapping {
                index,
                header,
                target,
                note,
                also_reported,
                scale: RateScale::Percent,
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
