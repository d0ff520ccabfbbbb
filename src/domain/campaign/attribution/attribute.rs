//! Stored orders to creators: matched by the campaign's current codes (letter case ignored),
//! each order once (an order in several files counts from the file imported last), and every
//! order left out counted by reason: cancelled or voided, refunded in full, before the start or
//! after the end plus the attribution window (both edges count), in another currency with no rate.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::campaign::record::Campaign;
use crate::text::date::Date;

use super::codes::code_key;
use super::orders::{CodeCount, OrderState, UnreadableRow};

/// Orders left out, by reason.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Excluded {
    /// Cancelled (a "Cancelled at" date) or voided or failed.
    pub cancelled: usize,
    /// Refunded in full: nothing left to count.
    pub refunded: usize,
    /// Placed before the campaign's start.
    pub before_start: usize,
    /// Placed after the end plus the window.
    pub after_window: usize,
    /// In a currency other than the campaign's, with no rate typed: currency -> orders.
    pub no_rate: BTreeMap<String, usize>,
    /// The same order (by name) in more than one file: counted once.
    pub duplicates: usize,
}

#[cfg(test)]
impl Excluded {
    pub fn total(&self) -> usize {
        self.cancelled
            + self.refunded
            + self.before_start
            + self.after_window
            + self.no_rate.values().sum::<usize>()
    }
}

/// What one creator's code brought.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sums {
    pub orders: usize,
    /// Net of refunds, in the campaign's currency.
    pub revenue: f64,
    /// Refunds netted out of `revenue`, in the campaign's currency.
    pub refunds: f64,
}

/// The orders of every stored file, attributed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attributed {
    /// Creator id -> sums (only creators with a code that has orders).
    pub per_creator: HashMap<String, Sums>,
    pub excluded: Excluded,
    /// Codes in the files that match no creator of the campaign now, most used first.
    pub unmatched: Vec<CodeCount>,
    /// Unmatched codes of stored files that are a creator's code now: import the file again.
    pub rematch: Vec<String>,
    /// Unreadable rows of every file: (file, row).
    pub unreadable: Vec<(String, UnreadableRow)>,
    pub unreadable_count: usize,
    /// Orders whose currency was assumed to be the campaign's (the file had no currency column).
    pub currency_assumed: usize,
    /// Orders without a discount code, in all files.
    pub without_code: usize,
    /// Counted window: from the start, until the end plus the window (inclusive); `None` = open.
    pub from: Option<Date>,
    pub until: Option<Date>,
}

/// Attributes the campaign's stored orders to its creators.
pub fn attribute(campaign: &Campaign) -> Attributed {
    let a = &campaign.attribution;
    let mut out = Attributed {
        from: campaign.start,
        until: campaign
            .end
            .and_then(|e| Date::from_day_number(e.day_number() + i64::from(a.window_days))),
        ..Attributed::default()
    };
    let owner: HashMap<String, &str> = campaign
        .creators
        .iter()
        .map(|id| (a.code_of(id), id.as_str()))
        .filter(|(code, _)| !code.is_empty())
        .map(|(code, id)| (code_key(code), id))
        .collect();
    // Newest import first, so an order found again counts from the latest file.
    let mut order: Vec<usize> = (0..a.files.len()).collect();
    order.sort_by(|&x, &y| {
        let (fx, fy) = (&a.files[x], &a.files[y]);
        fy.imported_at.total_cmp(&fx.imported_at).then(y.cmp(&x))
    });
    let mut seen: HashSet<&str> = HashSet::new();
    let mut unmatched: HashMap<String, usize> = HashMap::new();
    let mut rematch: Vec<String> = Vec::new();
    for &i in &order {
        let Some(file) = a.files.get(i) else { continue };
        out.without_code += file.without_code;
        out.unreadable_count += file.unreadable_count;
        out.unreadable.extend(
            file.unreadable
                .iter()
                .map(|r| (file.name.clone(), r.clone())),
        );
        for c in &file.unmatched {
            *unmatched.entry(c.code.clone()).or_default() += c.orders;
            if owner.contains_key(&code_key(&c.code)) && !rematch.contains(&c.code) {
                rematch.push(c.code.clone());
            }
        }
        for o in &file.matched {
            if !file.keyed_by_line && !seen.insert(o.key.as_str()) {
                out.excluded.duplicates += 1;
                continue;
            }
            let Some(creator) = owner.get(&code_key(&o.code)) else {
                *unmatched.entry(o.code.clone()).or_default() += 1;
                continue;
            };
            match o.state {
                OrderState::Cancelled | OrderState::Voided => {
                    out.excluded.cancelled += 1;
                    continue;
                }
                OrderState::Refunded => {
                    out.excluded.refunded += 1;
                    continue;
                }
                OrderState::Counted => {}
            }
            if o.net() <= 0.0 && o.total > 0.0 {
                out.excluded.refunded += 1;
                continue;
            }
            if out.from.is_some_and(|f| o.date < f) {
                out.excluded.before_start += 1;
                continue;
            }
            if out.until.is_some_and(|u| o.date > u) {
                out.excluded.after_window += 1;
                continue;
            }
            let rate = if o.currency.is_empty() || o.currency == campaign.currency {
                if o.currency.is_empty() {
                    out.currency_assumed += 1;
                }
                1.0
            } else if let Some(r) = a.rate_of(&o.currency) {
                r
            } else {
                *out.excluded.no_rate.entry(o.currency.clone()).or_default() += 1;
                continue;
            };
            let sums = out.per_creator.entry((*creator).to_string()).or_default();
            sums.orders += 1;
            sums.revenue += o.net() * rate;
            sums.refunds += (o.total - o.net()) * rate;
        }
    }
    let mut unmatched: Vec<CodeCount> = unmatched
        .into_iter()
        .map(|(code, orders)| CodeCount { code, orders })
        .collect();
    unmatched.sort_by(|a, b| b.orders.cmp(&a.orders).then_with(|| a.code.cmp(&b.code)));
    out.unmatched = unmatched;
    out.rematch = rematch;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::attribution::{CreatorCode, OrdersFile, StoredOrder};

    fn day(d: u8) -> Date {
        Date::new(2025, 3, d).unwrap_or_default()
    }

    fn o(key: &str, code: &str, date: Date, total: f64) -> StoredOrder {
        StoredOrder {
            key: key.into(),
            code: code.into(),
            date,
            total,
            currency: "USD".into(),
            ..StoredOrder::default()
        }
    }

    /// A campaign from 1 to 10 March with a 5-day window; Ann has ANN15, Bo has bo10.
    fn campaign(files: Vec<OrdersFile>) -> Campaign {
        let mut c = Campaign::new("k".into(), "Spring", 0.0);
        c.currency = "USD".into();
        c.start = Some(day(1));
        c.end = Some(day(10));
        c.creators = vec!["ann".into(), "bo".into()];
        c.attribution.window_days = 5;
        for (id, code) in [("ann", "ANN15"), ("bo", "bo10")] {
            c.attribution
                .creators
                .insert(id.into(), CreatorCode::new(code));
        }
        c.attribution.files = files;
        c
    }

    fn file(name: &str, at: f64, matched: Vec<StoredOrder>) -> OrdersFile {
        OrdersFile {
            name: name.into(),
            imported_at: at,
            matched,
            ..OrdersFile::default()
        }
    }

    fn sums(a: &Attributed, id: &str) -> (usize, f64) {
        a.per_creator.get(id).map_or((0, 0.0), |s| {
            (s.orders, (s.revenue * 100.0).round() / 100.0)
        })
    }

    /// The window's edges: the start day and the last day of the window count, the days
    /// around them don't.
    #[test]
    fn window_edges() {
        let cases = [
            (Date::new(2025, 2, 28), false),
            (Some(day(1)), true),
            (Some(day(10)), true),
            (Some(day(15)), true),
            (Some(day(16)), false),
        ];
        for (date, counted) in cases {
            let date = date.unwrap_or_default();
            let a = attribute(&campaign(vec![file(
                "o.csv",
                1.0,
                vec![o("#1", "ANN15", date, 10.0)],
            )]));
            assert_eq!(sums(&a, "ann").0, usize::from(counted), "{date}");
            assert_eq!(a.excluded.total(), usize::from(!counted), "{date}");
        }
        // Without dates every order counts.
        let mut c = campaign(vec![file(
            "o.csv",
            1.0,
            vec![o("#1", "ANN15", day(30), 10.0)],
        )]);
        c.start = None;
        c.end = None;
        assert_eq!(sums(&attribute(&c), "ann"), (1, 10.0));
    }

    #[test]
    fn states_refunds_and_letter_case() {
        let mut refunded = o("#3", "ANN15", day(3), 40.0);
        refunded.state = OrderState::Refunded;
        let mut partial = o("#4", "ann15", day(3), 40.0);
        partial.refunded = 15.0;
        let mut all_back = o("#5", "ANN15", day(3), 40.0);
        all_back.refunded = 40.0;
        let mut voided = o("#6", "BO10", day(3), 40.0);
        voided.state = OrderState::Voided;
        let mut cancelled = o("#7", "BO10", day(3), 40.0);
        cancelled.state = OrderState::Cancelled;
        let a = attribute(&campaign(vec![file(
            "o.csv",
            1.0,
            vec![
                o("#1", "ANN15", day(2), 100.0),
                o("#2", "Bo10", day(2), 20.0),
                refunded,
                partial,
                all_back,
                voided,
                cancelled,
                o("#8", "GONE20", day(2), 20.0),
            ],
        )]));
        assert_eq!(sums(&a, "ann"), (2, 125.0));
        assert_eq!(sums(&a, "bo"), (1, 20.0));
        assert_eq!(a.per_creator.get("ann").map(|s| s.refunds), Some(15.0));
        assert_eq!((a.excluded.refunded, a.excluded.cancelled), (2, 2));
        assert_eq!(
            a.unmatched,
            vec![CodeCount {
                code: "GONE20".into(),
                orders: 1
            }]
        );
    }

    #[test]
    fn two_currencies() {
        let mut eur = o("#2", "ANN15", day(2), 100.0);
        eur.currency = "EUR".into();
        let mut gbp = o("#3", "ANN15", day(2), 100.0);
        gbp.currency = "GBP".into();
        let mut c = campaign(vec![file(
            "o.csv",
            1.0,
            vec![o("#1", "ANN15", day(2), 100.0), eur, gbp],
        )]);
        let a = attribute(&c);
        assert_eq!(sums(&a, "ann"), (1, 100.0));
        let want: BTreeMap<String, usize> = [("EUR".to_string(), 1), ("GBP".to_string(), 1)]
            .into_iter()
            .collect();
        assert_eq!(a.excluded.no_rate, want);
        c.attribution.set_rate("EUR", Some(1.08));
        let a = attribute(&c);
        assert_eq!(sums(&a, "ann"), (2, 208.0));
        assert_eq!(a.excluded.no_rate.get("GBP"), Some(&1));
    }

    /// Issue #17 item 6: nothing is attributed twice, across files either.
    #[test]
    fn each_order_once_across_files() {
        let older = file(
            "march.csv",
            1.0,
            vec![
                o("#1", "ANN15", day(2), 100.0),
                o("#2", "ANN15", day(2), 50.0),
            ],
        );
        let mut refunded_later = o("#1", "ANN15", day(2), 100.0);
        refunded_later.refunded = 100.0;
        let newer = file("march (1).csv", 2.0, vec![refunded_later]);
        let a = attribute(&campaign(vec![older, newer]));
        assert_eq!(sums(&a, "ann"), (1, 50.0));
        assert_eq!((a.excluded.duplicates, a.excluded.refunded), (1, 1));
        // Rows keyed by line can't be recognised across files: both count.
        let mut x = file("a.csv", 1.0, vec![o("line 2", "ANN15", day(2), 10.0)]);
        x.keyed_by_line = true;
        let mut y = file("b.csv", 2.0, vec![o("line 2", "ANN15", day(2), 10.0)]);
        y.keyed_by_line = true;
        assert_eq!(sums(&attribute(&campaign(vec![x, y])), "ann"), (2, 20.0));
    }

    #[test]
    fn codes_added_after_an_import_ask_for_a_new_import() {
        let mut f = file("o.csv", 1.0, vec![]);
        f.unmatched = vec![CodeCount {
            code: "BO10".into(),
            orders: 3,
        }];
        let a = attribute(&campaign(vec![f]));
        assert_eq!(a.rematch, vec!["BO10".to_string()]);
    }
}
