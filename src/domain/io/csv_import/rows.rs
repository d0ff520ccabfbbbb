//! One CSV row to a creator: each mapped cell parsed, checked and named in the rejection when it is wrong.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::domain::creator::platform::Platform;
use crate::domain::creator::record::{
    normalize_currency, platform_from_url, shorten, trim, validate_profile_url, Creator, IdSource,
    Status,
};
use crate::domain::text::format::group_thousands;
use crate::domain::text::number::NumberError;

use super::reader::{unneutralise, RecordMeta};
use super::{Delimiter, Field};
use crate::domain::creator::record::parse_tags_fast;
use crate::domain::text::number::{parse_amount_fast, parse_count_fast};

/// Turns rows into creators; holds what must persist across rows (ids handed out and seen).
#[derive(Debug, Clone)]
pub(super) struct RowBuilder {
    pub(super) map: Vec<Option<Field>>,
    pub(super) delimiter: Delimiter,
    pub(super) now_ms: f64,
    pub(super) ids: IdSource,
    /// Ids given in the file, with the line that used each first.
    pub(super) seen: HashMap<String, usize>,
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

impl RowBuilder {
    /// One row to a creator, or the reason it is rejected (without the line number).
    pub(super) fn build(
        &mut self,
        cells: &[Cow<str>],
        meta: RecordMeta,
        line_after: usize,
    ) -> Result<Creator, String> {
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
        let mut c = Creator {
            created_at: self.now_ms,
            updated_at: self.now_ms,
            ..Creator::default()
        };
        let mut id: Option<&str> = None;
        let mut currency: Option<String> = None;
        let mut price_currency: Option<&'static str> = None;
        for (field, cell) in self.map.iter().zip(cells) {
            let Some(field) = *field else { continue };
            let v = unneutralise(trim(cell));
            if v.is_empty() {
                continue;
            }
            let number = |e: NumberError| format!("{}: {e}", field.label());
            match field {
                Field::Id => id = Some(v),
                Field::Name => c.name = v.to_string(),
                Field::Platform => {
                    c.platform = Some(Platform::parse(v).ok_or_else(|| {
                        format!(
                            "platform “{}” is not one Microscope knows; use TikTok, YouTube or Instagram.",
                            shorten(v, 40)
                        )
                    })?)
                }
                Field::ProfileUrl => {
                    c.profile_url = validate_profile_url(v).map_err(|e| e.to_string())?
                }
                Field::Followers => c.followers = Some(parse_count_fast(v).map_err(number)?),
                Field::Views => c.metrics.views = Some(parse_amount_fast(v).map_err(number)?),
                Field::Likes => c.metrics.likes = Some(parse_amount_fast(v).map_err(number)?),
                Field::Comments => c.metrics.comments = Some(parse_amount_fast(v).map_err(number)?),
                Field::Shares => c.metrics.shares = Some(parse_amount_fast(v).map_err(number)?),
                Field::Saves => c.metrics.saves = Some(parse_amount_fast(v).map_err(number)?),
                Field::Dislikes => c.metrics.dislikes = Some(parse_amount_fast(v).map_err(number)?),
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
                Field::Tags => c.tags = parse_tags_fast(v),
                Field::Notes => c.notes = v.to_string(),
            }
        }
        if c.name.trim().is_empty() {
            return Err("the name is empty; every creator needs a name or handle.".to_string());
        }
        c.currency = currency.or(price_currency.map(str::to_string));
        if c.platform.is_none() {
            c.platform = c.profile_url.as_deref().and_then(platform_from_url);
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
        c.checked().map_err(|e| e.to_string())
    }
}
