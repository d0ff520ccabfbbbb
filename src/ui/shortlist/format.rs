//! How the shortlist shows a creator's figures (rate under the chosen formula, price, links), and
//! small helpers for pages and file names. Pure, so tested natively.

use crate::domain::creator::record::{Creator, Status};
use crate::domain::engine::engagement::{self, Formula};
use crate::domain::text::format::{group_thousands, money, percent, trimmed};

/// Rows per page: enough to scan, few enough that 5,000 creators never render at once. 50, not
/// 100: a re-sort or filter re-renders a whole page, and at 100 rows that took about twice the
/// 50 ms budget (issue 8), half of it the browser's layout and paint of the table.
pub const PAGE_SIZE: usize = 50;

/// The creator's engagement rate under `formula`, from its averages per post; `None` when undefined.
pub fn rate_of(c: &Creator, formula: Formula) -> Option<f64> {
    engagement::compute(formula, std::slice::from_ref(&c.metrics), c.followers)
        .rate
        .filter(|r| r.is_finite())
}

/// "8.50%" or "n/a".
pub fn rate_label(c: &Creator, formula: Formula) -> String {
    percent(rate_of(c, formula), 2)
}

/// The sign printed before an amount in `code`; codes without a sign print as "CHF ".
/// No currency means the app's default, US dollars (as on the check panel).
pub fn currency_symbol(code: Option<&str>) -> String {
    match code {
        None | Some("USD") => "$".to_string(),
        Some("EUR") => "€".to_string(),
        Some("GBP") => "£".to_string(),
        Some("INR") => "₹".to_string(),
        Some("JPY") => "¥".to_string(),
        Some(other) => format!("{other} "),
    }
}

/// Every text a shortlist row shows of one creator, worked out in one go: a row keeps one of these
/// per creator it shows and compares it with the next one, so a sort or filter updates a row's
/// cells from one reactive value instead of each cell looking the creator up again (issue 19).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RowCells {
    pub id: String,
    pub name: String,
    /// The profile link, only a web one (see [`safe_href`]).
    pub href: Option<String>,
    pub platform: &'static str,
    pub followers: String,
    pub tier: &'static str,
    pub rate: String,
    pub status: Option<Status>,
    pub tags: String,
    pub price: String,
}

impl RowCells {
    /// `c`'s cells, its rate under `formula`.
    pub fn of(c: &Creator, formula: Formula) -> RowCells {
        RowCells {
            id: c.id.clone(),
            name: c.name.clone(),
            href: safe_href(c.profile_url.as_deref()).map(str::to_string),
            platform: c.platform.map(|p| p.name()).unwrap_or("n/a"),
            followers: count_label(c.followers),
            tier: c.tier().map(|t| t.name()).unwrap_or("n/a"),
            rate: rate_label(c, formula),
            status: Some(c.status),
            tags: c.tags.join(", "),
            price: price_label(c),
        }
    }
}

/// "$250.00", "€1,200", or "n/a".
pub fn price_label(c: &Creator) -> String {
    money(c.price, &currency_symbol(c.currency.as_deref()))
}

/// "45,000" or "n/a".
pub fn count_label(n: Option<u64>) -> String {
    n.map(group_thousands).unwrap_or_else(|| "n/a".to_string())
}

/// An amount that may have a fraction, as entered: "1.5", "130,000", or "n/a".
pub fn amount_label(v: Option<f64>) -> String {
    match v.filter(|v| v.is_finite() && *v >= 0.0) {
        None => "n/a".to_string(),
        Some(v) if v.fract() == 0.0 && v < 1e15 => group_thousands(v as u64),
        Some(v) => trimmed(v, 2),
    }
}

/// The link to render, only for http and https: stored data could have been edited by hand, and a
/// `javascript:` href would run code when clicked.
pub fn safe_href(url: Option<&str>) -> Option<&str> {
    let url = url?.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let ok = lower.starts_with("https://") || lower.starts_with("http://");
    let has_host = url.split_once("//").is_some_and(|(_, rest)| {
        !rest.is_empty() && !rest.starts_with('/') && !rest.contains(char::is_whitespace)
    });
    (ok && has_host).then_some(url)
}

/// How many pages `total` rows take (at least one, so "Page 1 of 1" reads right).
pub fn page_count(total: usize) -> usize {
    total.div_ceil(PAGE_SIZE).max(1)
}

/// The row range of `page` (0-based), clamped to the last page.
pub fn page_range(total: usize, page: usize) -> std::ops::Range<usize> {
    let page = page.min(page_count(total) - 1);
    let start = page * PAGE_SIZE;
    start.min(total)..(start + PAGE_SIZE).min(total)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::creator::metrics::PostMetrics;

    /// A creator with followers and four averages (no platform, no price), for the shortlist's
    /// tests.
    pub(crate) fn ann() -> Creator {
        let mut c = Creator::new("a".into(), "Ann", 0.0);
        c.followers = Some(45_000);
        c.metrics = PostMetrics::counts(130_000.0, 9_500.0, 850.0, 700.0);
        c
    }

    #[test]
    fn rates_follow_the_formula_and_never_nan() {
        let mut c = ann();
        let cases = [
            (Formula::SourceViews, "8.50%"),
            (Formula::Followers, "23.00%"),
            (Formula::TikTokViews, "8.50%"),
        ];
        for (formula, want) in cases {
            assert_eq!(rate_label(&c, formula), want, "{formula:?}");
        }
        c.metrics.views = Some(0.0);
        assert_eq!(rate_label(&c, Formula::SourceViews), "n/a");
        let empty = Creator::new("b".into(), "Bo", 0.0);
        for formula in Formula::ALL {
            assert_eq!(rate_of(&empty, formula), None);
        }
    }

    /// Guards issue 19's one-value rows: a row shows what the cells say, so they must say what
    /// each cell showed when it read the creator itself (and an unsafe link stays plain text).
    #[test]
    fn row_cells_hold_what_each_cell_showed() {
        let mut c = ann();
        c.platform = Some(crate::domain::Platform::TikTok);
        c.tags = vec!["beauty".into(), "travel".into()];
        c.price = Some(250.0);
        c.profile_url = Some("https://www.tiktok.com/@ann".into());
        let cells = RowCells::of(&c, Formula::SourceViews);
        let want = RowCells {
            id: "a".into(),
            name: "Ann".into(),
            href: Some("https://www.tiktok.com/@ann".into()),
            platform: "TikTok",
            followers: "45,000".into(),
            tier: c.tier().map(|t| t.name()).unwrap_or("n/a"),
            rate: "8.50%".into(),
            status: Some(c.status),
            tags: "beauty, travel".into(),
            price: "$250.00".into(),
        };
        assert_eq!(cells, want);
        assert_eq!(RowCells::of(&c, Formula::Followers).rate, "23.00%");
        let mut bare = Creator::new("b".into(), "Bo", 0.0);
        bare.profile_url = Some("javascript:alert(1)".into());
        let cells = RowCells::of(&bare, Formula::SourceViews);
        let cases = [
            (cells.href.as_deref(), None),
            (Some(cells.platform), Some("n/a")),
            (Some(cells.followers.as_str()), Some("n/a")),
            (Some(cells.tier), Some("n/a")),
            (Some(cells.rate.as_str()), Some("n/a")),
            (Some(cells.tags.as_str()), Some("")),
            (Some(cells.price.as_str()), Some("n/a")),
        ];
        for (i, (got, want)) in cases.into_iter().enumerate() {
            assert_eq!(got, want, "case {i}");
        }
    }

    #[test]
    fn prices_and_counts() {
        let mut c = Creator::new("a".into(), "Ann", 0.0);
        assert_eq!(price_label(&c), "n/a");
        c.price = Some(250.0);
        assert_eq!(price_label(&c), "$250.00");
        c.currency = Some("EUR".into());
        c.price = Some(1_200.0);
        assert_eq!(price_label(&c), "€1,200");
        c.currency = Some("CHF".into());
        assert_eq!(price_label(&c), "CHF 1,200");
        assert_eq!(count_label(Some(45_000)), "45,000");
        assert_eq!(count_label(None), "n/a");
        assert_eq!(amount_label(Some(1.5)), "1.5");
        assert_eq!(amount_label(Some(130_000.0)), "130,000");
        assert_eq!(amount_label(Some(f64::NAN)), "n/a");
        assert_eq!(amount_label(Some(0.126)), "0.13");
    }

    #[test]
    fn only_web_links_are_rendered() {
        let cases = [
            (Some("https://www.tiktok.com/@ann"), true),
            (Some("HTTP://example.com"), true),
            (Some("javascript:alert(1)"), false),
            (Some(" javascript:alert(1)"), false),
            (Some("data:text/html,x"), false),
            (Some("https://"), false),
            (Some("https:///x"), false),
            (Some("//evil.com"), false),
            (Some("https://a b.com"), false),
            (None, false),
        ];
        for (url, ok) in cases {
            assert_eq!(safe_href(url).is_some(), ok, "{url:?}");
        }
    }

    #[test]
    fn pages() {
        let cases = [
            (0, 0, 0..0, 1),
            (5, 0, 0..5, 1),
            (50, 0, 0..50, 1),
            (51, 1, 50..51, 2),
            (5_000, 99, 4_950..5_000, 100),
            // A page past the end (rows were removed) shows the last page.
            (75, 7, 50..75, 2),
        ];
        for (total, page, range, count) in cases {
            assert_eq!(page_range(total, page), range, "{total} {page}");
            assert_eq!(page_count(total), count, "{total}");
        }
    }
}
