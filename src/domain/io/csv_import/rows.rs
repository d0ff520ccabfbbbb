//! One CSV row to a creator: each mapped cell parsed, checked and named in the rejection when it
//! is wrong; reported figures and custom fields kept as written; the name read from a handle or a
//! profile link when no column gives it.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::creator::dossier::{
    check_email, CustomField, FollowerSnapshot, ReportedFigure, ReportedKind, SnapshotSource,
};
use crate::creator::platform::Platform;
use crate::creator::record::{
    normalize_currency, normalize_tags, platform_from_url, shorten, trim, validate_profile_url,
    Creator, CreatorError, IdSource, Status, UrlError,
};
use crate::text::date::Date;
use crate::text::format::group_thousands;
use crate::text::number::NumberError;

use super::reader::{unneutralise, RecordMeta};
use super::{ColumnMapping, Delimiter, Field, Target};
use crate::creator::record::parse_tags_fast;
use crate::text::number::{parse_amount_fast, parse_count_fast};

/// What the builder needs of a column.
#[derive(Debug, Clone)]
pub(super) struct Column {
    pub(super) target: Target,
    pub(super) also_reported: Option<ReportedKind>,
    pub(super) scale: RateScale,
    /// The custom field's name (the header, or "Column 4").
    pub(super) custom_name: String,
}

impl Column {
    pub(super) fn of(c: &ColumnMapping) -> Column {
        Column {
            target: c.target,
            also_reported: c.also_reported,
            scale: c.scale,
            custom_name: c.custom_name(),
        }
    }
}

/// Turns rows into creators; holds what must persist across rows (ids handed out and seen).
#[derive(Debug, Clone)]
pub(super) struct RowBuilder {
    pub(super) map: Vec<Column>,
    pub(super) delimiter: Delimiter,
    pub(super) now_ms: f64,
    pub(super) ids: IdSource,
    /// Ids given in the file, with the line that used each first.
    pub(super) seen: HashMap<String, usize>,
    /// Where reported figures come from: "import file “list.csv”", "pasted rows".
    pub(super) source: String,
    /// The import's date, for reported figures and the follower history.
    pub(super) today: Option<Date>,
    /// How many columns are kept as custom fields, and how many give reported figures: the
    /// room a row's lists of them are made with.
    pub(super) custom_columns: usize,
    pub(super) reported_columns: usize,
}

/// How the bare numbers of an engagement-rate column are read: "0.1185" as a fraction (11.85%,
/// as APIs such as Modash's write it) or "11.85" as a percentage (as people type it). A cell with
/// "%" is always a percentage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateScale {
    Percent,
    Fraction,
}

impl RateScale {
    /// Fractions when every bare number in the sample is 1 or less, percentages otherwise.
    pub fn of_sample<'a>(cells: impl IntoIterator<Item = &'a str>) -> RateScale {
        let mut bare = 0;
        for cell in cells {
            match decimal(cell) {
                Some((_, _, true)) | None => {}
                Some((int, frac, false)) => {
                    if !at_most_one(&int, &frac) {
                        return RateScale::Percent;
                    }
                    bare += 1;
                }
            }
        }
        if bare > 0 {
            RateScale::Fraction
        } else {
            RateScale::Percent
        }
    }
}

/// A rate cell as a percentage, written exactly ("0.1185" as a fraction is "11.85%"); `None` when
/// the cell is not a number. Decimal digits are moved, never multiplied, so nothing is rounded.
pub fn read_rate(cell: &str, scale: RateScale) -> Option<String> {
    let (mut int, mut frac, percent) = decimal(cell)?;
    // In a column of fractions a value above 1 can only be a percentage typed among them.
    if !percent && scale == RateScale::Fraction && at_most_one(&int, &frac) {
        let moved: String = frac.chars().chain("00".chars()).take(2).collect();
        int.push_str(&moved);
        frac = frac.chars().skip(2).collect();
    }
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    Some(if frac.is_empty() {
        format!("{int}%")
    } else {
        format!("{int}.{frac}%")
    })
}

/// "11.85%", "0,1185", "12": the digits before and after the decimal mark, and whether a "%"
/// followed. Rates are never grouped in thousands, so "." and "," are both a decimal mark.
fn decimal(cell: &str) -> Option<(String, String, bool)> {
    let s = cell.trim();
    let (s, percent) = match s.strip_suffix('%') {
        Some(rest) => (rest.trim_end(), true),
        None => (s, false),
    };
    let (int, frac) = match s.split_once(['.', ',']) {
        Some((i, f)) => (i, f),
        None => (s, ""),
    };
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !digits(int) || !digits(frac) {
        return None;
    }
    Some((int.to_string(), frac.to_string(), percent))
}

fn at_most_one(int: &str, frac: &str) -> bool {
    match int.trim_start_matches('0') {
        "" => true,
        "1" => frac.bytes().all(|b| b == b'0'),
        _ => false,
    }
}

/// The currency a price cell names unambiguously ("€120", "120 EUR"); "$" alone could be several.
fn currency_in_price(v: &str) -> Option<&'static str> {
    if v.bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    let has = |code: &str| {
        v.as_bytes()
            .windows(code.len())
            .any(|w| w.eq_ignore_ascii_case(code.as_bytes()))
    };
    if v.contains('€') || has("EUR") {
        Some("EUR")
    } else if v.contains('£') || has("GBP") {
        Some("GBP")
    } else if has("US$") || has("USD") {
        Some("USD")
    } else if v.contains('₹') {
        Some("INR")
    } else {
        None
    }
}

/// The text the export writes between a reported figure's value and its source.
pub const REPORTED_SEPARATOR: &str = " — ";

/// One reported figure as the export writes it: "11.85% — import file “modash.csv”, 2026-05-14".
pub fn reported_text(f: &ReportedFigure) -> String {
    match f.date {
        Some(d) => format!("{}{REPORTED_SEPARATOR}{}, {d}", f.value, f.source),
        None => format!("{}{REPORTED_SEPARATOR}{}", f.value, f.source),
    }
}

/// The figures of a reported cell: lines the export wrote (value, source and date) are read
/// back as they were; any other text is the file's own figure, dated today.
fn reported_figures(
    kind: ReportedKind,
    cell: &str,
    scale: RateScale,
    source: &str,
    today: Option<Date>,
    out: &mut Vec<ReportedFigure>,
) {
    for line in cell.split('\n') {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if let Some((value, rest)) = line.split_once(REPORTED_SEPARATOR) {
            let (src, date) = match rest.rsplit_once(", ") {
                Some((src, d)) => match Date::parse(d) {
                    Ok(date) if d.len() == 10 => (src, Some(date)),
                    _ => (rest, None),
                },
                None => (rest, None),
            };
            out.push(ReportedFigure {
                kind,
                value: value.trim().to_string(),
                source: src.trim().to_string(),
                date,
            });
            continue;
        }
        let value = match kind {
            ReportedKind::EngagementRate => read_rate(line, scale),
            _ => None,
        };
        out.push(ReportedFigure {
            kind,
            value: value.unwrap_or_else(|| line.to_string()),
            source: source.to_string(),
            date: today,
        });
    }
}

/// Whether a name or handle cell is a web address rather than a name.
pub fn is_link(v: &str) -> bool {
    // Compared in place, ignoring ASCII case: the name cell of every row comes here.
    let head = v.get(..12.min(v.len())).unwrap_or("").as_bytes();
    let starts = |p: &str| {
        head.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
    };
    let prefixed = match head.first() {
        Some(b'h' | b'H') => starts("http://") || starts("https://"),
        Some(b'w' | b'W') => starts("www."),
        _ => false,
    };
    prefixed || (v.bytes().any(|b| b == b'/') && platform_from_url(v).is_some())
}

/// The handle in a profile link: "ann.fit" from https://www.instagram.com/ann.fit/, "ann" from
/// https://www.tiktok.com/@ann/video/1, "GusGames" from https://youtube.com/c/GusGames; the site's
/// name when the link has no path.
pub fn name_from_link(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    let mut parts = rest.split('/').filter(|p| !p.is_empty());
    let host = parts.next().unwrap_or("");
    let path: Vec<&str> = parts.collect();
    let handle = match path.as_slice() {
        [] => host.strip_prefix("www.").unwrap_or(host),
        ["c" | "user" | "channel", name, ..] => name,
        [first, ..] => first,
    };
    handle.trim_start_matches('@').to_string()
}

/// The start of a platform's profile link for a bare handle (the handle follows it).
fn handle_link_prefix(platform: Platform) -> &'static str {
    match platform {
        Platform::Instagram => "https://www.instagram.com/",
        Platform::TikTok => "https://www.tiktok.com/@",
        Platform::YouTube => "https://www.youtube.com/@",
    }
}

/// A platform's profile link for a bare handle.
fn link_for_handle(platform: Platform, handle: &str) -> String {
    let prefix = handle_link_prefix(platform);
    let mut link = String::with_capacity(prefix.len() + handle.len());
    link.push_str(prefix);
    link.push_str(handle);
    link
}

/// A handle cell, as it names the creator and links to them.
enum HandleCell<'a> {
    /// A profile link: the handle read from it, and the link as stored.
    Link(String, String),
    /// A handle ("ann", "@ann"): the cell as written, and the handle without its "@".
    Handle(&'a str, &'a str),
}

/// A handle cell read: a link gives its handle; a handle ("ann", "@ann") gives itself, and the
/// platform's link for it is made only when the row needs it (issue 19: a name and a link
/// allocated for every row of a handle column, then mostly dropped). `what` names the column in
/// a rejection, made only then.
fn read_handle<'a>(
    v: &'a str,
    what: impl Fn() -> String,
    shaped: &mut bool,
) -> Result<HandleCell<'a>, String> {
    if is_link(v) {
        let url = shaped_link(v, shaped)
            .map_err(|e| format!("{}: {e}", what()))?
            .unwrap_or_default();
        return Ok(HandleCell::Link(name_from_link(&url), url));
    }
    let handle = v.trim_start_matches('@');
    let ok = !handle.is_empty()
        && handle
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if !ok {
        return Err(format!(
            "{}: “{}” is neither a handle (letters, digits, “.”, “_”) nor a profile link.",
            what(),
            shorten(v, 40)
        ));
    }
    Ok(HandleCell::Handle(v, handle))
}

/// [`validate_profile_url`], noting in `shaped` when it added "https://" to the text: such a link is
/// the one kind `Creator::checked` may still refuse ("www.@" becomes "https://www.@", which has
/// no host), so a row with one still goes through it.
fn shaped_link(v: &str, shaped: &mut bool) -> Result<Option<String>, UrlError> {
    let url = validate_profile_url(v)?;
    if url.as_ref().is_some_and(|u| u.len() != trim(v).len()) {
        *shaped = true;
    }
    Ok(url)
}

fn push_link(links: &mut Vec<String>, profile: Option<&str>, url: String) {
    if profile != Some(url.as_str()) && !links.contains(&url) {
        links.push(url);
    }
}

impl RowBuilder {
    /// Sets the columns' targets (see [`Column::of`]).
    pub(super) fn set_map(&mut self, map: Vec<Column>) {
        self.custom_columns = map.iter().filter(|c| c.target == Target::Custom).count();
        self.reported_columns = map
            .iter()
            .filter(|c| c.also_reported.is_some() || matches!(c.target, Target::Reported(_)))
            .count();
        self.map = map;
    }

    /// One row to a creator, or the reason it is rejected (without the line number).
    pub(super) fn build(
        &mut self,
        cells: &[Cow<str>],
        meta: RecordMeta,
        line_after: usize,
    ) -> Result<Creator, String> {
        let mut c = Creator::default();
        self.build_into(cells, meta, line_after, &mut c)?;
        Ok(c)
    }

    /// [`RowBuilder::build`] into `c`, a `Creator::default()` already where it is to stay (the
    /// import's list): a creator is some 600 bytes, and moving each one from the stack to the
    /// result and on into the list cost more than some of its cells (issue 19). On an error `c`
    /// is left half-built, for the caller to drop.
    pub(super) fn build_into(
        &mut self,
        cells: &[Cow<str>],
        meta: RecordMeta,
        line_after: usize,
        c: &mut Creator,
    ) -> Result<(), String> {
        if meta.unclosed_quote {
            let lines = line_after.saturating_sub(meta.line) + 1;
            return Err(format!(
                "a double quote (\") opened in this row is never closed, so the rest of the file ({} line{}) was read as one cell. Remove the stray quote or close it.",
                group_thousands(lines as u64),
                if lines == 1 { "" } else { "s" }
            ));
        }
        if cells.len() > self.map.len() {
            let extra_filled = cells
                .get(self.map.len()..)
                .unwrap_or(&[])
                .iter()
                .any(|c| !c.trim().is_empty());
            if extra_filled {
                return Err(format!(
                    "the row has {} cells but the header has {}; a value containing “{}” must be in double quotes.",
                    cells.len(),
                    self.map.len(),
                    match self.delimiter {
                        Delimiter::Tab => "a tab".to_string(),
                        d => d.as_char().to_string(),
                    }
                ));
            }
        }
        c.created_at = self.now_ms;
        c.updated_at = self.now_ms;
        let mut id: Option<&str> = None;
        let mut currency: Option<String> = None;
        let mut price_currency: Option<&'static str> = None;
        let mut name: Option<&str> = None;
        let (mut first, mut last): (Option<&str>, Option<&str>) = (None, None);
        let mut handles: Vec<(Platform, &str)> = Vec::new();
        let mut place: Vec<&str> = Vec::new();
        // A link made by adding "https://" (see `shaped_link`).
        let mut shaped = false;
        for (col, cell) in self.map.iter().zip(cells) {
            let v = unneutralise(trim(cell));
            if v.is_empty() {
                continue;
            }
            if let Some(kind) = col.also_reported {
                if c.reported.is_empty() {
                    c.reported.reserve_exact(self.reported_columns);
                }
                c.reported.push(ReportedFigure {
                    kind,
                    value: v.to_string(),
                    source: self.source.clone(),
                    date: self.today,
                });
            }
            let field = match col.target {
                Target::Field(f) => f,
                Target::Handle(p) => {
                    handles.push((p, v));
                    continue;
                }
                Target::FirstName => {
                    first = Some(v);
                    continue;
                }
                Target::LastName => {
                    last = Some(v);
                    continue;
                }
                Target::Reported(kind) => {
                    if c.reported.is_empty() {
                        c.reported.reserve_exact(self.reported_columns);
                    }
                    reported_figures(
                        kind,
                        v,
                        col.scale,
                        &self.source,
                        self.today,
                        &mut c.reported,
                    );
                    continue;
                }
                Target::Custom => {
                    if c.custom.is_empty() {
                        // One allocation of the right size, not a vector grown from four.
                        c.custom.reserve_exact(self.custom_columns);
                    }
                    c.custom.push(CustomField {
                        name: col.custom_name.clone(),
                        value: v.to_string(),
                    });
                    continue;
                }
                Target::Ignore => continue,
            };
            let number = |e: NumberError| format!("{}: {e}", field.label());
            match field {
                Field::Id => id = Some(v),
                Field::Name => name = Some(v),
                Field::Platform => {
                    c.platform = Some(Platform::parse(v).ok_or_else(|| {
                        format!(
                            "platform “{}” is not one Microscope knows; use TikTok, YouTube or Instagram.",
                            shorten(v, 40)
                        )
                    })?)
                }
                Field::ProfileUrl => {
                    c.profile_url = shaped_link(v, &mut shaped).map_err(|e| e.to_string())?
                }
                Field::Followers => c.followers = Some(parse_count_fast(v).map_err(number)?),
                Field::Views => c.metrics.views = Some(parse_amount_fast(v).map_err(number)?),
                Field::Likes => c.metrics.likes = Some(parse_amount_fast(v).map_err(number)?),
                Field::Comments => c.metrics.comments = Some(parse_amount_fast(v).map_err(number)?),
                Field::Shares => c.metrics.shares = Some(parse_amount_fast(v).map_err(number)?),
                Field::Saves => c.metrics.saves = Some(parse_amount_fast(v).map_err(number)?),
                Field::Dislikes => c.metrics.dislikes = Some(parse_amount_fast(v).map_err(number)?),
                Field::Impressions => {
                    c.metrics.impressions = Some(parse_amount_fast(v).map_err(number)?)
                }
                Field::Reach => c.metrics.reach = Some(parse_amount_fast(v).map_err(number)?),
                Field::PostsPerWeek => c.posts_per_week = Some(parse_amount_fast(v).map_err(number)?),
                Field::Price => {
                    c.price = Some(parse_amount_fast(v).map_err(number)?);
                    price_currency = currency_in_price(v);
                }
                Field::Currency => currency = normalize_currency(v).map_err(|e| e.to_string())?,
                Field::SponsoredPosts => {
                    let n = parse_count_fast(v).map_err(number)?;
                    c.sponsored_posts = Some(u32::try_from(n).map_err(|_| {
                        format!("{}: “{}” is far too many.", field.label(), shorten(v, 40))
                    })?);
                }
                Field::Status => {
                    c.status = Status::parse(v).ok_or_else(|| {
                        format!(
                            "status “{}” is not one of Prospect, Contacted, Negotiating, Confirmed, Posted or Declined.",
                            shorten(v, 40)
                        )
                    })?
                }
                Field::Tags => {
                    c.tags = parse_tags_fast(v);
                    // `Creator::checked` normalised the tags a second time, which changes only
                    // a tag the first pass left starting with '#' ("# #" reads as "#", then as
                    // nothing).
                    if c.tags.iter().any(|t| t.starts_with('#')) {
                        c.tags = normalize_tags(&c.tags);
                    }
                }
                Field::Notes => c.notes = v.to_string(),
                Field::Email => c.email = check_email(v).map_err(|e| e.to_string())?,
                Field::Location => place.push(v),
                Field::Language => c.language = v.to_string(),
                Field::Links => {
                    for part in v.split_whitespace() {
                        let url = shaped_link(part, &mut shaped)
                            .map_err(|e| format!("{}: {e}", field.label()))?;
                        if let Some(url) = url {
                            push_link(&mut c.links, None, url);
                        }
                    }
                }
            }
        }
        if !place.is_empty() {
            c.location = place.join(", ");
        }
        // The name: a name or handle column (a profile link there gives its handle), else first
        // and last names, else the first platform handle, else the profile link.
        let mut named_link: Option<String> = None;
        c.name = match name {
            Some(v) if is_link(v) => {
                let url = shaped_link(v, &mut shaped)
                    .map_err(|e| format!("name: {e}"))?
                    .unwrap_or_default();
                let handle = name_from_link(&url);
                named_link = Some(url);
                handle
            }
            Some(v) => v.to_string(),
            None => [first, last]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" "),
        };
        if let Some(url) = named_link {
            if c.profile_url.is_none() {
                c.profile_url = Some(url);
            } else {
                push_link(&mut c.links, c.profile_url.as_deref(), url);
            }
        }
        for (platform, v) in handles {
            let what = || Target::Handle(platform).label();
            let cell = read_handle(v, what, &mut shaped)?;
            if c.name.trim().is_empty() {
                c.name = match &cell {
                    HandleCell::Link(handle, _) => handle.clone(),
                    HandleCell::Handle(written, _) => written.to_string(),
                };
            }
            if c.platform.is_none() {
                c.platform = Some(platform);
            }
            let url = match cell {
                HandleCell::Link(_, url) => url,
                // The profile link already is this handle's link: nothing to add.
                HandleCell::Handle(_, handle)
                    if c.profile_url.as_deref().is_some_and(|p| {
                        p.strip_prefix(handle_link_prefix(platform)) == Some(handle)
                    }) =>
                {
                    continue
                }
                HandleCell::Handle(_, handle) => link_for_handle(platform, handle),
            };
            if c.profile_url.is_none() {
                c.profile_url = Some(url);
            } else {
                push_link(&mut c.links, c.profile_url.as_deref(), url);
            }
        }
        if c.name.trim().is_empty() {
            if let Some(url) = c.profile_url.as_deref() {
                c.name = name_from_link(url);
            }
        }
        if c.name.trim().is_empty() {
            return Err("the name is empty; every creator needs a name or handle.".to_string());
        }
        c.currency = currency.or(price_currency.map(str::to_string));
        if c.platform.is_none() {
            c.platform = c.profile_url.as_deref().and_then(platform_from_url);
        }
        if let (Some(count), Some(date)) = (c.followers, self.today) {
            c.follower_history = vec![FollowerSnapshot {
                date,
                count,
                source: SnapshotSource::Import,
            }]
            .into();
        }
        c.id = match id {
            Some(given) => {
                if let Some(&first) = self.seen.get(given) {
                    return Err(format!(
                        "id “{}” was already used on line {first}.",
                        shorten(given, 40)
                    ));
                }
                self.seen.insert(given.to_string(), meta.line);
                given.to_string()
            }
            None => self.ids.next_id(),
        };
        if shaped {
            *c = std::mem::take(c).checked().map_err(|e| e.to_string())?;
            return Ok(());
        }
        settle(c)
    }
}

/// The import's own end of [`Creator::checked`], which every row went through before issue 19:
/// each cell was checked as it was read (links, numbers, currency, email, tags, the custom
/// fields' names), so checking them all again cost a fifth of the import. What the cells'
/// checks leave is done here: texts trimmed once more (removing a formula mark can bare a tab)
/// and the id's length. (A row with a link made by adding "https://" still goes through
/// `checked`: see `shaped_link`.) A property test (`checked_changes_nothing_the_import_built`) holds
/// `checked()` to change nothing on what this returns.
fn settle(c: &mut Creator) -> Result<(), String> {
    for text in [
        &mut c.id,
        &mut c.name,
        &mut c.notes,
        &mut c.location,
        &mut c.language,
    ] {
        let t = trim(text);
        if t.len() != text.len() {
            *text = t.to_string();
        }
    }
    let error = |e: CreatorError| Err(e.to_string());
    if c.id.is_empty() {
        return error(CreatorError::NoId);
    }
    if c.id.len() > 64 && c.id.chars().count() > 64 {
        return error(CreatorError::LongId(shorten(&c.id, 80)));
    }
    if c.name.is_empty() {
        return error(CreatorError::NoName);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_read_exactly() {
        // (cell, scale, read as)
        let cases = [
            ("11.85%", RateScale::Fraction, Some("11.85%")),
            ("11.85 %", RateScale::Percent, Some("11.85%")),
            ("0.1185", RateScale::Fraction, Some("11.85%")),
            ("0,1185", RateScale::Fraction, Some("11.85%")),
            ("0.1185", RateScale::Percent, Some("0.1185%")),
            ("11.85", RateScale::Percent, Some("11.85%")),
            ("11.85", RateScale::Fraction, Some("11.85%")),
            ("0.05", RateScale::Fraction, Some("5%")),
            ("1", RateScale::Fraction, Some("100%")),
            (".5", RateScale::Fraction, Some("50%")),
            ("0.123", RateScale::Fraction, Some("12.3%")),
            ("007.50", RateScale::Percent, Some("7.5%")),
            ("n/a", RateScale::Percent, None),
            ("%", RateScale::Percent, None),
            ("-3%", RateScale::Percent, None),
        ];
        for (cell, scale, want) in cases {
            assert_eq!(
                read_rate(cell, scale).as_deref(),
                want,
                "{cell:?} {scale:?}"
            );
        }
        // (column, scale)
        let samples: &[(&[&str], RateScale)] = &[
            (&["0.1185", "0.02", "1"], RateScale::Fraction),
            (&["0.1185", "3.2"], RateScale::Percent),
            (&["11.85%", "0.5"], RateScale::Fraction),
            (&["11.85%"], RateScale::Percent),
            (&[], RateScale::Percent),
        ];
        for (cells, want) in samples {
            assert_eq!(
                RateScale::of_sample(cells.iter().copied()),
                *want,
                "{cells:?}"
            );
        }
    }

    #[test]
    fn names_from_links() {
        let cases = [
            ("https://www.instagram.com/ann.fit/", "ann.fit"),
            ("https://www.tiktok.com/@ann/video/1?lang=en", "ann"),
            ("https://youtube.com/c/GusGames", "GusGames"),
            ("https://www.youtube.com/channel/UC123", "UC123"),
            ("https://www.youtube.com/@gus", "gus"),
            ("https://annfit.com", "annfit.com"),
        ];
        for (url, want) in cases {
            assert_eq!(name_from_link(url), want, "{url}");
        }
        assert!(is_link("instagram.com/ann"));
        assert!(is_link("HTTPS://x.com"));
        assert!(!is_link("@ann"));
        assert!(!is_link("Ann / Bo"));
    }
}
