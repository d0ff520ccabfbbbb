//! Results in money (issue #17): a discount code and a UTM link per creator, and the shop's orders
//! attributed to creators by code (orders, revenue, AOV, ROAS, CPA). Kept in `Campaign::attribution`.
//!
//! How the parts fit:
//! - `codes`: a code per creator from an editable pattern ("{handle}{percent}"), unique in the whole
//!   workspace (a suffix on collision; a code typed by hand that collides is refused, naming who
//!   holds it), and the CSV a shop imports them from.
//! - `links`: the UTM link per creator from the campaign's landing URL (http or https only), each
//!   part editable, every value percent-encoded.
//! - `orders`: the stored form of imported orders (below).
//! - `orders_file`: an orders CSV's columns recognised (Shopify's export, DOMAIN.md §10) or mapped
//!   in a preview, and its rows folded into orders (an order spans one row per line item),
//!   statuses, refunds and unreadable rows by line. The tokenizer is io's (`io::csv_import::orders`
//!   drives this reader in time slices); this area only sees cells.
//! - `attribute`: stored orders to creators under the campaign's current codes, dates, window and
//!   exchange rates, each order once, every order left out counted by reason.
//! - `results`: orders, revenue, AOV, ROAS and CPA per creator and for the campaign, with spend
//!   from the creator's agreed price.
//!
//! **What is stored** (the campaign is saved whole in localStorage and in the workspace file, so
//! this must stay small; a shop's export is tens of MB): the pattern and discount percent, the
//! landing URL, per creator the code and the UTM parts the user changed, the attribution window
//! (default 30 days after the end), the exchange rates the user typed, and per imported file a
//! summary ([`OrdersFile`]): its name, date, row and order counts, the orders without a code (a
//! count), the codes that matched no creator (code and count), the unreadable rows (line and
//! reason, the first 100 and a count), and only the orders whose code was one of the campaign's
//! codes at import time, in a compact form (order name, code, day, total, refunded, currency,
//! state: about 70 characters each). That is enough to recompute every result when a date, the
//! window, a rate or a spend changes, and to replace a file on re-import: a file imported again
//! under the same name replaces the earlier import, and an order found in two files (by its order
//! name) counts once, from the file imported last. A code added after an import is only matched
//! by importing the file again (the page says so when an unmatched code of a stored file has
//! become a creator's code).

mod attribute;
mod codes;
mod links;
mod orders;
mod orders_file;
mod results;

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::creator::record::{normalize_currency, shorten};
use crate::text::sparse::sparse_record;

pub use attribute::attribute;
pub use codes::{
    code_key, codes_csv, generate_codes, set_code, shared_codes, validate_code, CodeError,
    SharedCode, DEFAULT_PATTERN, DEFAULT_PERCENT,
};
pub use links::{utm_defaults, utm_link, utm_parts, validate_landing_url, LinkError};
pub use orders::OrdersFile;
pub use orders_file::{map_columns, OrderColumns, OrdersReader, PreviewOrder, Role};
pub use results::{results, Results, Spend};
// What only tests name (the workspace round trip, the stored-fields guard in `testing`).
#[cfg(any(test, feature = "testing"))]
pub use orders::{CodeCount, OrderState, StoredOrder, UnreadableRow};

/// Days after the campaign's end during which orders still count: sales trail the posts.
pub const DEFAULT_WINDOW_DAYS: u32 = 30;
/// A longer window would credit creators with ordinary sales.
pub const MAX_WINDOW_DAYS: u32 = 365;
/// A generous cap on stored attributed orders, so a tampered file can't make results slow.
pub const MAX_STORED_ORDERS: usize = 200_000;
/// Imported files kept per campaign.
pub const MAX_FILES: usize = 200;

sparse_record! {
    /// The UTM parts a user changed for one creator; `None` keeps the convention's value.
    #[derive(Eq)]
    pub struct UtmParts {
        pub source: Option<String>,
        pub medium: Option<String>,
        pub campaign: Option<String>,
        pub content: Option<String>,
    }
}

sparse_record! {
    /// One creator's code and link parts.
    #[derive(Eq)]
    pub struct CreatorCode {
        pub code: String,
        pub utm: UtmParts,
    }
}

#[cfg(test)]
impl CreatorCode {
    /// A code with the default link parts: what most tests need.
    pub fn new(code: &str) -> CreatorCode {
        CreatorCode {
            code: code.into(),
            ..CreatorCode::default()
        }
    }

    /// A code whose link names the creator in `utm_content`, the other parts default.
    pub fn with_content(code: &str, content: &str) -> CreatorCode {
        CreatorCode {
            code: code.into(),
            utm: UtmParts {
                content: Some(content.into()),
                ..UtmParts::default()
            },
        }
    }
}

/// An exchange rate the user typed: 1 `currency` is `rate` of the campaign's currency.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rate {
    pub currency: String,
    pub rate: f64,
}

/// Everything attribution keeps in a campaign; an empty one is not written to storage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Attribution {
    /// The code pattern: "{handle}", "{percent}" and "{campaign}" are replaced.
    #[serde(skip_serializing_if = "is_default_pattern")]
    pub pattern: String,
    /// The discount the codes give, in percent (for the pattern and the shop's import file).
    #[serde(skip_serializing_if = "is_default_percent")]
    pub percent: f64,
    /// The page the links lead to (http or https), before the UTM parameters.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub landing_url: String,
    /// Per creator id: the code and the link parts changed by hand.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub creators: BTreeMap<String, CreatorCode>,
    /// Days after the end during which orders count.
    #[serde(skip_serializing_if = "is_default_window")]
    pub window_days: u32,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rates: Vec<Rate>,
    /// Imported orders files, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<OrdersFile>,
}

fn is_default_pattern(p: &String) -> bool {
    p == DEFAULT_PATTERN
}
fn is_default_percent(p: &f64) -> bool {
    *p == DEFAULT_PERCENT
}
fn is_default_window(d: &u32) -> bool {
    *d == DEFAULT_WINDOW_DAYS
}

impl Default for Attribution {
    fn default() -> Self {
        Attribution {
            pattern: DEFAULT_PATTERN.to_string(),
            percent: DEFAULT_PERCENT,
            landing_url: String::new(),
            creators: BTreeMap::new(),
            window_days: DEFAULT_WINDOW_DAYS,
            rates: Vec::new(),
            files: Vec::new(),
        }
    }
}

/// Why the attribution part of a campaign can't be kept; each names the field.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum AttributionError {
    #[error("discount code of creator “{creator}”: {error}")]
    Code { creator: String, error: CodeError },
    #[error("discount code “{code}” is given to two creators of this campaign (“{first}” and “{second}”); codes must be unique.")]
    DuplicateCode {
        code: String,
        first: String,
        second: String,
    },
    #[error("landing URL: {0}")]
    Landing(LinkError),
    #[error("UTM {part} of creator “{creator}”: {error}")]
    Utm {
        creator: String,
        part: &'static str,
        error: LinkError,
    },
    #[error("the code pattern is longer than 60 characters.")]
    LongPattern,
    #[error("the discount percent is {0}; it must be between 0 and 100.")]
    Percent(f64),
    #[error("the attribution window is {0} days; it must be between 0 and {MAX_WINDOW_DAYS} days after the end.")]
    Window(u32),
    #[error("exchange rate for “{currency}”: {why}")]
    Rate { currency: String, why: String },
    #[error("orders file “{file}”: {why}")]
    File { file: String, why: String },
    #[error("{0} orders files; Microscope keeps up to {MAX_FILES} per campaign.")]
    TooManyFiles(usize),
    #[error("{0} attributed orders; Microscope keeps up to {MAX_STORED_ORDERS} per campaign.")]
    TooManyOrders(usize),
}

impl Attribution {
    /// The code of a creator, empty when none is set.
    pub fn code_of(&self, creator_id: &str) -> &str {
        self.creators
            .get(creator_id)
            .map_or("", |c| c.code.as_str())
    }

    /// The rate of `currency` into the campaign's, when typed.
    pub fn rate_of(&self, currency: &str) -> Option<f64> {
        self.rates
            .iter()
            .find(|r| r.currency == currency)
            .map(|r| r.rate)
            .filter(|r| r.is_finite() && *r > 0.0)
    }

    /// Sets (`Some`) or removes the rate of `currency`.
    pub fn set_rate(&mut self, currency: &str, rate: Option<f64>) {
        self.rates.retain(|r| r.currency != currency);
        if let Some(rate) = rate {
            self.rates.push(Rate {
                currency: currency.to_string(),
                rate,
            });
            self.rates.sort_by(|a, b| a.currency.cmp(&b.currency));
        }
    }

    /// Adds an imported file. A file of the same name imported before is replaced (its orders
    /// too), so importing the same export twice never doubles it; returns whether one was.
    pub fn add_file(&mut self, file: OrdersFile) -> bool {
        let before = self.files.len();
        self.files.retain(|f| f.name != file.name);
        let replaced = self.files.len() != before;
        self.files.push(file);
        replaced
    }

    /// Adds an imported file after checking it (as stored data is checked on load); returns
    /// whether it replaced an earlier import of the same name. Nothing changes on an error.
    pub fn import_file(&mut self, file: OrdersFile) -> Result<bool, AttributionError> {
        let name = shorten(file.name.trim(), 80);
        let file = file
            .checked()
            .map_err(|why| AttributionError::File { file: name, why })?;
        let stored: usize = self
            .files
            .iter()
            .filter(|f| f.name != file.name)
            .map(|f| f.matched.len())
            .sum::<usize>()
            + file.matched.len();
        if stored > MAX_STORED_ORDERS {
            return Err(AttributionError::TooManyOrders(stored));
        }
        Ok(self.add_file(file))
    }

    /// Removes the imported file named `name`.
    pub fn remove_file(&mut self, name: &str) {
        self.files.retain(|f| f.name != name);
    }

    /// The upper-case codes of the campaign's creators (`members`), for matching an import.
    pub fn code_keys(&self, members: &[String]) -> HashSet<String> {
        members
            .iter()
            .map(|id| self.code_of(id))
            .filter(|c| !c.is_empty())
            .map(code_key)
            .collect()
    }

    /// The same campaign without imported orders: what a shared brief link carries (orders are
    /// the shop's data and would make the link too long).
    pub fn without_orders(&self) -> Attribution {
        Attribution {
            files: Vec::new(),
            ..self.clone()
        }
    }

    /// Moves everything kept under creator id `old` to `new` (a shared brief's creator got a
    /// new id when added to the workspace).
    pub fn rename_creator(&mut self, old: &str, new: &str) {
        if let Some(c) = self.creators.remove(old) {
            self.creators.insert(new.to_string(), c);
        }
    }

    /// Checks and normalises what came from outside; errors name the field.
    pub fn checked(mut self) -> Result<Attribution, AttributionError> {
        self.pattern = self.pattern.trim().to_string();
        if self.pattern.is_empty() {
            self.pattern = DEFAULT_PATTERN.to_string();
        }
        if self.pattern.chars().count() > 60 {
            return Err(AttributionError::LongPattern);
        }
        if !(self.percent.is_finite() && (0.0..=100.0).contains(&self.percent)) {
            return Err(AttributionError::Percent(self.percent));
        }
        self.landing_url = match validate_landing_url(&self.landing_url) {
            Ok(u) => u.unwrap_or_default(),
            Err(e) => return Err(AttributionError::Landing(e)),
        };
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        let mut creators = BTreeMap::new();
        for (id, mut c) in std::mem::take(&mut self.creators) {
            let id = id.trim().to_string();
            if id.is_empty() {
                continue;
            }
            c.code = c.code.trim().to_string();
            if !c.code.is_empty() {
                validate_code(&c.code).map_err(|error| AttributionError::Code {
                    creator: shorten(&id, 40),
                    error,
                })?;
                if let Some(first) = seen.insert(code_key(&c.code), id.clone()) {
                    return Err(AttributionError::DuplicateCode {
                        code: c.code.clone(),
                        first: shorten(&first, 40),
                        second: shorten(&id, 40),
                    });
                }
            }
            for (part, value) in [
                ("source", &mut c.utm.source),
                ("medium", &mut c.utm.medium),
                ("campaign", &mut c.utm.campaign),
                ("content", &mut c.utm.content),
            ] {
                if let Some(v) = value.as_mut() {
                    *v = v.trim().to_string();
                    links::check_part(v).map_err(|error| AttributionError::Utm {
                        creator: shorten(&id, 40),
                        part,
                        error,
                    })?;
                }
            }
            if c != CreatorCode::default() {
                creators.insert(id, c);
            }
        }
        self.creators = creators;
        if self.window_days > MAX_WINDOW_DAYS {
            return Err(AttributionError::Window(self.window_days));
        }
        let mut rates: Vec<Rate> = Vec::with_capacity(self.rates.len());
        for r in std::mem::take(&mut self.rates) {
            let bad = |why: &str| AttributionError::Rate {
                currency: shorten(&r.currency, 20),
                why: why.to_string(),
            };
            let currency = match normalize_currency(&r.currency) {
                Ok(Some(c)) => c,
                _ => return Err(bad("not a currency code such as USD, EUR or GBP.")),
            };
            if !(r.rate.is_finite() && r.rate > 0.0 && r.rate <= 1e9) {
                return Err(bad(&format!(
                    "{} is not a usable rate (it must be above 0).",
                    r.rate
                )));
            }
            rates.retain(|x: &Rate| x.currency != currency);
            rates.push(Rate {
                currency,
                rate: r.rate,
            });
        }
        rates.sort_by(|a, b| a.currency.cmp(&b.currency));
        self.rates = rates;
        if self.files.len() > MAX_FILES {
            return Err(AttributionError::TooManyFiles(self.files.len()));
        }
        let stored: usize = self.files.iter().map(|f| f.matched.len()).sum();
        if stored > MAX_STORED_ORDERS {
            return Err(AttributionError::TooManyOrders(stored));
        }
        let mut files = Vec::with_capacity(self.files.len());
        for f in std::mem::take(&mut self.files) {
            let name = shorten(f.name.trim(), 80);
            files.push(
                f.checked()
                    .map_err(|why| AttributionError::File { file: name, why })?,
            );
        }
        self.files = files;
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::date::Date;
    use crate::text::sparse::is_default;

    fn order(key: &str, code: &str, total: f64) -> StoredOrder {
        StoredOrder {
            key: key.into(),
            code: code.into(),
            date: Date::new(2025, 3, 4).unwrap_or_default(),
            total,
            refunded: 0.0,
            currency: String::new(),
            state: OrderState::Counted,
        }
    }

    fn file(name: &str, orders: Vec<StoredOrder>) -> OrdersFile {
        OrdersFile {
            name: name.into(),
            matched: orders,
            ..OrdersFile::default()
        }
    }

    #[test]
    fn default_is_empty_and_not_written() {
        let a = Attribution::default();
        assert!(is_default(&a));
        assert_eq!(serde_json::to_string(&a).unwrap_or_default(), "{}");
        let back: Attribution = serde_json::from_str("{}").unwrap_or_else(|_| Attribution {
            window_days: 0,
            ..Attribution::default()
        });
        assert_eq!(back.window_days, DEFAULT_WINDOW_DAYS);
    }

    #[test]
    fn checked_refuses_naming_the_field() {
        type Edit = Box<dyn Fn(&mut Attribution)>;
        let code = |c: &str| CreatorCode {
            code: c.into(),
            utm: UtmParts::default(),
        };
        let cases: Vec<(Edit, &str)> = vec![
            (
                Box::new(|a| a.landing_url = "javascript:alert(1)".into()),
                "landing URL: “javascript:alert(1)” is not a web address; only links starting with http:// or https:// are accepted.",
            ),
            (
                Box::new(move |a| {
                    a.creators.insert("c1".into(), code("ANN 15"));
                }),
                "discount code of creator “c1”: “ANN 15” contains a space or a character shops refuse in codes; use letters, digits, - and _ only.",
            ),
            (
                Box::new(move |a| {
                    a.creators.insert("c1".into(), code("ann15"));
                    a.creators.insert("c2".into(), code("ANN15"));
                }),
                "discount code “ANN15” is given to two creators of this campaign (“c1” and “c2”); codes must be unique.",
            ),
            (
                Box::new(|a| a.window_days = 400),
                "the attribution window is 400 days; it must be between 0 and 365 days after the end.",
            ),
            (
                Box::new(|a| a.percent = -1.0),
                "the discount percent is -1; it must be between 0 and 100.",
            ),
            (
                Box::new(|a| a.set_rate("EUR", Some(f64::NAN))),
                "exchange rate for “EUR”: NaN is not a usable rate (it must be above 0).",
            ),
            (
                Box::new(|a| a.set_rate("euros?", Some(1.1))),
                "exchange rate for “euros?”: not a currency code such as USD, EUR or GBP.",
            ),
            (
                Box::new(|a| {
                    a.files.push(file("o.csv", vec![order("#1", "ANN15", f64::INFINITY)]))
                }),
                "orders file “o.csv”: order “#1”: the total is inf, which is not a usable amount.",
            ),
            (
                Box::new(move |a| {
                    a.creators.insert(
                        "c1".into(),
                        CreatorCode {
                            code: String::new(),
                            utm: UtmParts {
                                source: Some("x".repeat(300)),
                                ..UtmParts::default()
                            },
                        },
                    );
                }),
                "UTM source of creator “c1”: the value is longer than 200 characters.",
            ),
        ];
        for (edit, want) in cases {
            let mut a = Attribution::default();
            edit(&mut a);
            assert_eq!(
                a.checked().map_err(|e| e.to_string()),
                Err(want.to_string())
            );
        }
    }

    #[test]
    fn checked_normalises() {
        let mut a = Attribution {
            landing_url: " shop.example/spring ".into(),
            ..Attribution::default()
        };
        a.creators
            .insert(" c1 ".into(), CreatorCode::new(" ANN15 "));
        a.creators.insert("c2".into(), CreatorCode::default());
        a.set_rate("eur", Some(1.08));
        let a = a.checked();
        assert!(a.is_ok(), "{a:?}");
        let Ok(a) = a else { return };
        assert_eq!(a.landing_url, "https://shop.example/spring");
        assert_eq!(a.code_of("c1"), "ANN15");
        assert!(!a.creators.contains_key("c2"));
        assert_eq!(a.rate_of("EUR"), Some(1.08));
    }

    /// Issue #17 item 6: importing the same file again replaces its orders, never doubles them.
    #[test]
    fn same_file_again_replaces() {
        let mut a = Attribution::default();
        assert!(!a.add_file(file("orders.csv", vec![order("#1", "ANN15", 10.0)])));
        assert!(a.add_file(file("orders.csv", vec![order("#1", "ANN15", 10.0)])));
        assert_eq!(a.files.len(), 1);
        assert!(!a.add_file(file("other.csv", vec![])));
        assert_eq!(a.files.len(), 2);
        a.remove_file("orders.csv");
        assert_eq!(a.files.len(), 1);
    }

    #[test]
    fn round_trip_is_compact() {
        let mut a = Attribution {
            landing_url: "https://shop.example/".into(),
            ..Attribution::default()
        };
        a.creators
            .insert("c1".into(), CreatorCode::with_content("ANN15", "ann"));
        a.window_days = 14;
        a.set_rate("EUR", Some(1.08));
        a.files
            .push(file("orders.csv", vec![order("#1001", "ANN15", 54.9)]));
        let json = serde_json::to_string(&a).unwrap_or_default();
        assert!(
            json.contains(r##"{"k":"#1001","c":"ANN15","d":"2025-03-04","t":54.9}"##),
            "{json}"
        );
        let back: Result<Attribution, _> = serde_json::from_str(&json);
        assert_eq!(back.ok(), Some(a.clone()));
        assert!(a.without_orders().files.is_empty());
        let mut renamed = a.clone();
        renamed.rename_creator("c1", "c9");
        assert_eq!(renamed.code_of("c9"), "ANN15");
    }
}
