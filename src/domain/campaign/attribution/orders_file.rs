//! Reading an orders CSV: which column is which (a Shopify export's headers recognised, any other
//! file's code, amount and date columns found by their usual names or mapped by the user), then
//! its rows folded into orders and summarised as an [`OrdersFile`].
//!
//! Rules (DOMAIN.md §10 and "Attribution" there): an order spans one row per line item and its
//! order-level cells are filled on the first row only, so rows are grouped by the order column
//! and each order counts once (a cell already read is never overwritten by a later row). A file
//! without an order column has one order per row. A total or date that can't be read makes the
//! order unreadable: listed by line, never counted. The cells come from io's tokenizer, which
//! drives [`OrdersReader`] in slices; this file never sees bytes.

use std::collections::{HashMap, HashSet};

use crate::creator::record::{normalize_currency, shorten};
use crate::text::choice::{choices, fold_key};
use crate::text::date::Date;
use crate::text::number::parse_amount;

use super::orders::{CodeCount, OrderState, OrdersFile, StoredOrder, UnreadableRow};

/// Unreadable rows kept in the stored summary; the rest are counted.
pub const MAX_UNREADABLE_KEPT: usize = 100;
/// Unmatched codes kept in the stored summary (the most used).
const MAX_UNMATCHED_KEPT: usize = 200;

/// What a column of an orders file gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Order,
    Code,
    Total,
    Date,
    Status,
    Currency,
    Refunded,
    Cancelled,
}

choices! {
    Role, id, label;
    Order => "order", "Order (name or id)";
    Code => "code", "Discount code";
    Total => "total", "Total (amount)";
    Date => "date", "Date of the order";
    Status => "status", "Financial status";
    Currency => "currency", "Currency";
    Refunded => "refunded", "Refunded amount";
    Cancelled => "cancelled", "Cancelled at";
}

impl Role {
    /// Header names that give the role, compared lower case with letters and digits only, best
    /// first. Shopify's own header comes first.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Role::Order => &[
                "name",
                "order",
                "orderid",
                "ordernumber",
                "orderno",
                "ordername",
                "orderreference",
                "id",
            ],
            Role::Code => &[
                "discountcode",
                "discountcodes",
                "code",
                "couponcode",
                "couponcodes",
                "coupon",
                "promocode",
                "vouchercode",
                "voucher",
            ],
            Role::Total => &[
                "total",
                "ordertotal",
                "totalprice",
                "grandtotal",
                "amount",
                "orderamount",
                "revenue",
                "totalsales",
                "sales",
            ],
            Role::Date => &[
                "createdat",
                "date",
                "orderdate",
                "datecreated",
                "created",
                "processedat",
                "paidat",
            ],
            Role::Status => &["financialstatus", "paymentstatus", "status", "orderstatus"],
            Role::Currency => &["currency", "currencycode"],
            Role::Refunded => &[
                "refundedamount",
                "refunded",
                "totalrefunded",
                "refundamount",
                "refund",
            ],
            Role::Cancelled => &["cancelledat", "canceledat", "cancelled", "canceled"],
        }
    }

    /// The roles an orders file must have.
    pub const REQUIRED: [Role; 3] = [Role::Code, Role::Total, Role::Date];

    /// Why the file can't be imported without this column, naming what was looked for.
    pub fn missing_message(self) -> String {
        let (what, shopify, others) = match self {
            Role::Code => (
                "a discount-code column",
                "Discount Code",
                "code, coupon, promo code, voucher",
            ),
            Role::Total => (
                "a total column",
                "Total",
                "order total, amount, revenue, sales",
            ),
            Role::Date => ("a date column", "Created at", "date, order date, paid at"),
            _ => ("this column", self.label(), ""),
        };
        format!("The file has no {what} (Shopify's “{shopify}”; also read: {others}), so its orders can't be attributed. Choose the column that holds it below, or export the orders again with it.")
    }
}

/// Which column gives each role (by index), and the headers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderColumns {
    pub headers: Vec<String>,
    pub roles: HashMap<Role, usize>,
    /// The headers are a Shopify orders export's (`Financial Status`, `Lineitem name`...).
    pub shopify: bool,
}

impl OrderColumns {
    pub fn index(&self, role: Role) -> Option<usize> {
        self.roles.get(&role).copied()
    }

    /// The role column `index` gives, if any.
    pub fn role_of(&self, index: usize) -> Option<Role> {
        Role::ALL
            .iter()
            .copied()
            .find(|r| self.index(*r) == Some(index))
    }

    /// Column `index` gives `role` (`None`: nothing); a role has one column.
    pub fn set(&mut self, index: usize, role: Option<Role>) {
        self.roles.retain(|_, i| *i != index);
        if let Some(r) = role {
            self.roles.insert(r, index);
        }
    }

    /// Which columns the reader needs (by index, up to the last one that gives a role): the
    /// tokenizer builds only these cells.
    pub fn wanted(&self) -> Vec<bool> {
        let mut wanted = vec![false; self.roles.values().max().map_or(0, |m| m + 1)];
        for &i in self.roles.values() {
            if let Some(w) = wanted.get_mut(i) {
                *w = true;
            }
        }
        wanted
    }

    /// The required roles no column gives.
    pub fn missing(&self) -> Vec<Role> {
        Role::REQUIRED
            .iter()
            .copied()
            .filter(|r| !self.roles.contains_key(r))
            .collect()
    }
}

/// Recognises the columns by their headers: each role takes the first column whose header is
/// its best alias. In a Shopify export `Name` is the order (filled on every row of it); in other
/// files a bare "name" is usually a customer, so it only counts there when no order column exists.
pub fn map_columns(headers: &[String]) -> OrderColumns {
    let keys: Vec<String> = headers.iter().map(|h| fold_key(h)).collect();
    let shopify = keys.iter().any(|k| k == "financialstatus")
        && keys.iter().any(|k| k.starts_with("lineitem"));
    let mut roles = HashMap::new();
    let mut used = HashSet::new();
    for role in Role::ALL {
        let aliases: Vec<&str> = role
            .aliases()
            .iter()
            .copied()
            .filter(|a| !(role == Role::Order && *a == "name" && !shopify))
            .collect();
        let found = aliases.iter().find_map(|alias| {
            keys.iter()
                .enumerate()
                .find(|(i, k)| k == alias && !used.contains(i))
                .map(|(i, _)| i)
        });
        if let Some(i) = found {
            used.insert(i);
            roles.insert(role, i);
        }
    }
    OrderColumns {
        headers: headers.to_vec(),
        roles,
        shopify,
    }
}

/// Reads an amount: "54.90" on the fast path, else the app's number reader ("€1.234,50").
fn read_amount(cell: &str) -> Result<f64, String> {
    let b = cell.as_bytes();
    let simple = !b.is_empty()
        && b.len() < 16
        && b.first().is_some_and(u8::is_ascii_digit)
        && b.iter().filter(|c| **c == b'.').count() <= 1
        && b.iter().all(|c| c.is_ascii_digit() || *c == b'.')
        && cell.rsplit_once('.').is_none_or(|(_, d)| d.len() <= 2);
    if simple {
        if let Ok(v) = cell.parse::<f64>() {
            return Ok(v);
        }
    }
    let negative = cell.starts_with('-');
    let v = parse_amount(cell.trim_start_matches('-'))
        .map_err(|_| format!("“{}” is not an amount such as 54.90.", shorten(cell, 30)))?;
    if negative && v != 0.0 {
        return Err(format!("“{}” is negative.", shorten(cell, 30)));
    }
    Ok(v)
}

/// Reads the day of "2025-03-04 10:22:33 -0500" (Shopify), "2025-03-04T10:22:33Z" or
/// "2025-03-04", as written (the shop's day).
fn read_date(cell: &str) -> Result<Date, String> {
    let day = cell.get(..10).filter(|_| {
        cell.len() == 10 || matches!(cell.as_bytes().get(10), Some(b' ' | b'T' | b't'))
    });
    match day.map(Date::parse) {
        Some(Ok(d)) => Ok(d),
        Some(Err(e)) => Err(e.to_string()),
        None => Err(format!(
            "“{}” is not a date Microscope reads; dates must start with YYYY-MM-DD, as Shopify writes them (2025-03-14 18:30:00 -0500).",
            shorten(cell, 40)
        )),
    }
}

/// What a status cell says.
fn read_status(cell: &str) -> OrderState {
    let s = cell.to_ascii_lowercase();
    // Shopify's "expired": an authorisation that lapsed, so no payment was taken.
    if s.contains("void") || s.contains("fail") || s.contains("expire") {
        OrderState::Voided
    } else if s.contains("cancel") {
        OrderState::Cancelled
    } else if s.contains("refund") && !s.contains("partial") {
        OrderState::Refunded
    } else {
        OrderState::Counted
    }
}

/// An order being read: cells are filled from the first row that has them.
#[derive(Debug, Clone, Default)]
struct Pending {
    key: String,
    line: usize,
    codes: String,
    total: Option<Result<f64, String>>,
    date: Option<Result<Date, String>>,
    state: Option<OrderState>,
    currency: String,
    refunded: Option<Result<f64, String>>,
    cancelled: bool,
}

/// An order as the preview shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewOrder {
    pub line: usize,
    pub key: String,
    pub codes: String,
    /// The total, or why it can't be read.
    pub total: Result<f64, String>,
    pub date: Result<Date, String>,
    pub state: OrderState,
    pub currency: String,
    pub refunded: f64,
}

/// Folds an orders file's rows into orders; [`OrdersReader::finish`] sorts them out.
#[derive(Debug, Clone)]
pub struct OrdersReader {
    columns: OrderColumns,
    by_key: HashMap<String, usize>,
    orders: Vec<Pending>,
    rows: usize,
}

/// Sets an order's field from a non-empty cell, unless an earlier row set it.
fn fill<T>(slot: &mut Option<T>, text: &str, read: impl FnOnce(&str) -> T) {
    if slot.is_none() && !text.is_empty() {
        *slot = Some(read(text));
    }
}

fn cell<S: AsRef<str>>(cells: &[S], index: Option<usize>) -> &str {
    index
        .and_then(|i| cells.get(i))
        .map_or("", |c| c.as_ref().trim())
}

impl OrdersReader {
    pub fn new(columns: OrderColumns) -> OrdersReader {
        OrdersReader {
            columns,
            by_key: HashMap::new(),
            orders: Vec::new(),
            rows: 0,
        }
    }

    pub fn columns(&self) -> &OrderColumns {
        &self.columns
    }

    /// Reads one data row starting on `line`.
    pub fn row<S: AsRef<str>>(&mut self, line: usize, cells: &[S]) {
        self.rows += 1;
        let c = &self.columns;
        let key_cell = cell(cells, c.index(Role::Order));
        let index = if key_cell.is_empty() {
            None
        } else {
            self.by_key.get(key_cell).copied()
        };
        let index = match index {
            Some(i) => i,
            None => {
                let key = if key_cell.is_empty() {
                    format!("line {line}")
                } else {
                    key_cell.to_string()
                };
                if !key_cell.is_empty() {
                    self.by_key.insert(key.clone(), self.orders.len());
                }
                self.orders.push(Pending {
                    key,
                    line,
                    ..Pending::default()
                });
                self.orders.len() - 1
            }
        };
        let Some(o) = self.orders.get_mut(index) else {
            return;
        };
        // An order's other rows (its further line items) leave what its first row gave.
        let given = |role| cell(cells, c.index(role));
        if o.codes.is_empty() {
            o.codes = given(Role::Code).to_string();
        }
        fill(&mut o.total, given(Role::Total), |t| {
            read_amount(t).map_err(|e| format!("total: {e}"))
        });
        fill(&mut o.date, given(Role::Date), |d| {
            read_date(d).map_err(|e| format!("date: {e}"))
        });
        fill(&mut o.state, given(Role::Status), read_status);
        if o.currency.is_empty() {
            o.currency = given(Role::Currency).to_string();
        }
        fill(&mut o.refunded, given(Role::Refunded), |r| {
            read_amount(r).map_err(|e| format!("refunded amount: {e}"))
        });
        if !cell(cells, c.index(Role::Cancelled)).is_empty() {
            o.cancelled = true;
        }
    }

    /// The orders read so far, as the preview shows them.
    pub fn preview(&self, n: usize) -> Vec<PreviewOrder> {
        self.orders
            .iter()
            .take(n)
            .map(|o| PreviewOrder {
                line: o.line,
                key: o.key.clone(),
                codes: o.codes.clone(),
                total: o
                    .total
                    .clone()
                    .unwrap_or_else(|| Err("no total".to_string())),
                date: o.date.clone().unwrap_or_else(|| Err("no date".to_string())),
                state: state_of(o),
                currency: o.currency.clone(),
                refunded: o.refunded.clone().and_then(Result::ok).unwrap_or(0.0),
            })
            .collect()
    }

    /// Sorts the orders out: those whose code is in `codes` (upper case) are kept in full,
    /// the others counted (by code, or as without a code); unreadable ones listed by line.
    pub fn finish(self, name: &str, imported_at: f64, codes: &HashSet<String>) -> OrdersFile {
        let mut file = OrdersFile {
            name: name.trim().to_string(),
            imported_at,
            rows: self.rows,
            orders: self.orders.len(),
            keyed_by_line: self.columns.index(Role::Order).is_none(),
            currency_assumed: self.columns.index(Role::Currency).is_none(),
            ..OrdersFile::default()
        };
        let mut unmatched: HashMap<String, usize> = HashMap::new();
        for o in self.orders {
            let unreadable = |reason: String, file: &mut OrdersFile| {
                file.unreadable_count += 1;
                if file.unreadable.len() < MAX_UNREADABLE_KEPT {
                    file.unreadable.push(UnreadableRow {
                        line: o.line,
                        reason: format!("order “{}”: {reason}", shorten(&o.key, 40)),
                    });
                }
            };
            let (total, date, refunded) = match o.numbers() {
                Ok(cells) => cells,
                Err(reason) => {
                    unreadable(reason, &mut file);
                    continue;
                }
            };
            // Shopify lists several codes of one order as "A, B": the first that is a
            // creator's wins, so the order is credited once.
            let order_codes: Vec<String> = o
                .codes
                .split(',')
                .map(|c| c.trim().to_uppercase())
                .filter(|c| !c.is_empty())
                .collect();
            if order_codes.is_empty() {
                file.without_code += 1;
                continue;
            }
            let Some(code) = order_codes.iter().find(|c| codes.contains(*c)) else {
                for c in order_codes {
                    *unmatched.entry(c).or_default() += 1;
                }
                continue;
            };
            let currency = match normalize_currency(&o.currency) {
                Ok(Some(c)) => c,
                _ => o.currency.trim().to_ascii_uppercase(),
            };
            if !(currency.is_empty() || currency.len() == 3) {
                unreadable(
                    format!(
                        "currency “{}” is not a code such as USD.",
                        shorten(&o.currency, 20)
                    ),
                    &mut file,
                );
                continue;
            }
            file.matched.push(StoredOrder {
                key: o.key.clone(),
                code: code.clone(),
                date,
                total,
                refunded,
                currency,
                state: state_of(&o),
            });
        }
        let mut unmatched: Vec<CodeCount> = unmatched
            .into_iter()
            .map(|(code, orders)| CodeCount { code, orders })
            .collect();
        unmatched.sort_by(|a, b| b.orders.cmp(&a.orders).then_with(|| a.code.cmp(&b.code)));
        unmatched.truncate(MAX_UNMATCHED_KEPT);
        file.unmatched = unmatched;
        file
    }
}

impl Pending {
    /// The total, date and refunded amount, or why the order can't be counted: the first
    /// unreadable cell in that order, or a missing total or date (no refund is 0).
    fn numbers(&self) -> Result<(f64, Date, f64), String> {
        Ok((
            self.total.clone().transpose()?.ok_or("no total.")?,
            self.date.clone().transpose()?.ok_or("no date.")?,
            self.refunded.clone().transpose()?.unwrap_or(0.0),
        ))
    }
}

/// Cancelled (a date in "Cancelled at") beats the financial status.
fn state_of(o: &Pending) -> OrderState {
    if o.cancelled {
        OrderState::Cancelled
    } else {
        o.state.unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHOPIFY: &str = "Name,Email,Financial Status,Paid at,Fulfillment Status,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Refunded Amount,Cancelled at,Id";

    fn headers(line: &str) -> Vec<String> {
        line.split(',').map(str::to_string).collect()
    }

    /// Reads CSV-ish lines (no quoting) as rows starting on line 2.
    fn read(header: &str, rows: &[&str], codes: &[&str]) -> OrdersFile {
        let mut r = OrdersReader::new(map_columns(&headers(header)));
        for (i, row) in rows.iter().enumerate() {
            let cells: Vec<&str> = row.split(',').collect();
            r.row(i + 2, &cells);
        }
        let codes: HashSet<String> = codes.iter().map(|c| c.to_string()).collect();
        r.finish("orders.csv", 5.0, &codes)
    }

    #[test]
    fn shopify_headers_are_recognised() {
        let c = map_columns(&headers(SHOPIFY));
        assert!(c.shopify);
        let want = [
            (Role::Order, 0),
            (Role::Status, 2),
            (Role::Currency, 5),
            (Role::Total, 9),
            (Role::Code, 10),
            (Role::Date, 12),
            (Role::Refunded, 16),
            (Role::Cancelled, 17),
        ];
        for (role, i) in want {
            assert_eq!(c.index(role), Some(i), "{role:?}");
        }
        assert!(c.missing().is_empty());
    }

    #[test]
    fn other_files_by_their_usual_names() {
        type Case<'a> = (&'a str, &'a [(Role, usize)], &'a [Role]);
        let cases: [Case; 4] = [
            (
                "order_id,customer name,coupon,order_total,order_date",
                &[
                    (Role::Order, 0),
                    (Role::Code, 2),
                    (Role::Total, 3),
                    (Role::Date, 4),
                ],
                &[],
            ),
            // A bare "name" is a customer outside Shopify's export.
            (
                "name,promo code,amount,date",
                &[(Role::Code, 1), (Role::Total, 2)],
                &[],
            ),
            ("Order,Total,Date", &[(Role::Order, 0)], &[Role::Code]),
            ("Order,Discount Code,Date", &[], &[Role::Total]),
        ];
        for (header, want, missing) in cases {
            let c = map_columns(&headers(header));
            for (role, i) in want {
                assert_eq!(c.index(*role), Some(*i), "{header}: {role:?}");
            }
            assert_eq!(c.missing(), missing.to_vec(), "{header}");
            if header.starts_with("name") {
                assert_eq!(c.index(Role::Order), None);
            }
        }
        assert!(Role::Code.missing_message().contains("“Discount Code”"));
        assert!(Role::Total.missing_message().contains("“Total”"));
    }

    /// Issue #17: an order spans a row per line item, order-level cells on the first only.
    #[test]
    fn multi_line_orders_count_once() {
        let f = read(
            SHOPIFY,
            &[
                "#1001,a@x,paid,2025-03-04 10:00:00 -0500,fulfilled,USD,100.00,5.00,8.00,113.00,ANN15,15.00,2025-03-04 10:00:00 -0500,1,Serum,60.00,0.00,,111",
                "#1001,a@x,,,,,,,,,,,2025-03-04 10:00:00 -0500,1,Cream,40.00,,,",
                "#1001,a@x,,,,,,,,,,,2025-03-04 10:00:00 -0500,2,Soap,5.00,,,",
                "#1002,b@x,paid,,,USD,20.00,0,0,20.00,,0,2025-03-05 09:00:00 -0500,1,Soap,20.00,0.00,,112",
            ],
            &["ANN15"],
        );
        assert_eq!((f.rows, f.orders, f.without_code), (4, 2, 1));
        assert_eq!(f.matched.len(), 1);
        let o = &f.matched[0];
        assert_eq!(
            (
                o.key.as_str(),
                o.code.as_str(),
                o.total,
                o.currency.as_str()
            ),
            ("#1001", "ANN15", 113.0, "USD")
        );
        assert_eq!(o.date, Date::new(2025, 3, 4).unwrap_or_default());
        assert!(f.unreadable.is_empty());
    }

    #[test]
    fn statuses_refunds_and_cancellations() {
        let rows = [
            "#1,,paid,,,USD,,,,50.00,ann15,,2025-03-04,,,,0.00,,",
            "#2,,partially_refunded,,,USD,,,,50.00,ANN15,,2025-03-04,,,,20.00,,",
            "#3,,refunded,,,USD,,,,50.00,Ann15,,2025-03-04,,,,50.00,,",
            "#4,,voided,,,USD,,,,50.00,ANN15,,2025-03-04,,,,,,",
            "#5,,paid,,,USD,,,,50.00,ANN15,,2025-03-04,,,,,2025-03-05 10:00:00 -0500,",
            "#6,,pending,,,USD,,,,50.00,ANN15,,2025-03-04,,,,,,",
            "#7,,expired,,,USD,,,,50.00,ANN15,,2025-03-04,,,,,,",
        ];
        let f = read(SHOPIFY, &rows, &["ANN15"]);
        let got: Vec<(&str, OrderState, f64)> = f
            .matched
            .iter()
            .map(|o| (o.key.as_str(), o.state, o.net()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("#1", OrderState::Counted, 50.0),
                ("#2", OrderState::Counted, 30.0),
                ("#3", OrderState::Refunded, 0.0),
                ("#4", OrderState::Voided, 50.0),
                ("#5", OrderState::Cancelled, 50.0),
                ("#6", OrderState::Counted, 50.0),
                ("#7", OrderState::Voided, 50.0),
            ]
        );
    }

    #[test]
    fn unknown_codes_and_several_codes() {
        let rows = [
            "#1,,paid,,,USD,,,,10,SUMMER10,,2025-03-04,,,,,,",
            "#2,,paid,,,USD,,,,10,summer10,,2025-03-04,,,,,,",
            "#3,,paid,,,USD,,,,10,WELCOME;,,2025-03-04,,,,,,",
        ];
        let f = read(SHOPIFY, &rows, &["ANN15"]);
        assert_eq!(
            f.unmatched,
            vec![
                CodeCount {
                    code: "SUMMER10".into(),
                    orders: 2
                },
                CodeCount {
                    code: "WELCOME;".into(),
                    orders: 1
                },
            ]
        );
        // "A, B" in one cell: the creator's code wins, once.
        let mut r = OrdersReader::new(map_columns(&headers("Order,Code,Total,Date")));
        r.row(2, &["#9", "SUMMER10, ANN15", "12.5", "2025-03-04"]);
        let codes: HashSet<String> = ["ANN15".to_string()].into_iter().collect();
        let f = r.finish("o.csv", 0.0, &codes);
        assert_eq!(f.matched.len(), 1);
        assert_eq!(f.matched[0].code, "ANN15");
        assert!(f.unmatched.is_empty());
    }

    /// Issue #17 item 6: unreadable totals and dates are listed by line and not counted.
    #[test]
    fn unreadable_rows_by_line() {
        let f = read(
            "Order,Code,Total,Date,Currency",
            &[
                "#1,ANN15,12.50,2025-03-04,EUR",
                "#2,ANN15,twelve,2025-03-04,EUR",
                "#3,ANN15,12.50,04/03/2025,EUR",
                "#4,ANN15,,2025-03-04,EUR",
                "#5,ANN15,€12.50,2025-03-04,eur",
                "#6,ANN15,-5,2025-03-04,EUR",
                "#7,ANN15,5,2025-02-30,EUR",
            ],
            &["ANN15"],
        );
        let lines: Vec<String> = f.unreadable.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            vec![
                "line 3: order “#2”: total: “twelve” is not an amount such as 54.90.".to_string(),
                "line 4: order “#3”: date: “04/03/2025” is not a date; write it as YYYY-MM-DD, for example 2025-03-14.".to_string(),
                "line 5: order “#4”: no total.".to_string(),
                "line 7: order “#6”: total: “-5” is negative.".to_string(),
                "line 8: order “#7”: date: “2025-02-30” is not a date: February 2025 has 28 days.".to_string(),
            ]
        );
        assert_eq!(f.unreadable_count, 5);
        let keys: Vec<&str> = f.matched.iter().map(|o| o.key.as_str()).collect();
        assert_eq!(keys, vec!["#1", "#5"]);
        assert_eq!(f.matched[1].currency, "EUR");
        assert!(!f.currency_assumed && !f.keyed_by_line);
    }

    #[test]
    fn without_order_column_each_row_is_an_order() {
        let f = read(
            "Code,Amount,Date",
            &["ANN15,10,2025-03-04", "ANN15,10,2025-03-04"],
            &["ANN15"],
        );
        assert!(f.keyed_by_line && f.currency_assumed);
        let keys: Vec<&str> = f.matched.iter().map(|o| o.key.as_str()).collect();
        assert_eq!(keys, vec!["line 2", "line 3"]);
    }

    #[test]
    fn amounts_and_dates() {
        let amounts = [
            ("54.90", Ok(54.9)),
            ("0", Ok(0.0)),
            ("1234.5", Ok(1234.5)),
            ("$1,234.50", Ok(1234.5)),
            ("1.234,50 €", Ok(1234.5)),
        ];
        for (input, want) in amounts {
            assert_eq!(read_amount(input), want, "{input}");
        }
        let dates = [
            "2025-03-04 10:22:33 -0500",
            "2025-03-04T10:22:33Z",
            "2025-03-04",
        ];
        for d in dates {
            assert_eq!(
                read_date(d),
                Ok(Date::new(2025, 3, 4).unwrap_or_default()),
                "{d}"
            );
        }
        assert!(read_date("2025-03-0").is_err());
        assert!(read_date("2025-03-045").is_err());
    }
}
