//! Imported orders as stored in the campaign: one summary per file with only the orders whose
//! code was a creator's, in a compact form (see the design in `attribution/mod.rs`).

use serde::{Deserialize, Serialize};

use crate::creator::record::shorten;
use crate::text::date::Date;
use crate::text::number::MAX_VALUE;

/// What the shop says happened to an order, as far as attribution cares.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrderState {
    /// Paid, pending, authorised, partly refunded: a sale (refunds are netted).
    #[default]
    #[serde(rename = "counted")]
    Counted,
    /// Financial status "refunded": no revenue is left.
    #[serde(rename = "refunded")]
    Refunded,
    /// A "Cancelled at" date, or a status saying cancelled.
    #[serde(rename = "cancelled")]
    Cancelled,
    /// Financial status "voided" (the payment was never taken), "expired" or "failed".
    #[serde(rename = "voided")]
    Voided,
}

fn is_counted(s: &OrderState) -> bool {
    *s == OrderState::Counted
}

fn is_zero(v: &f64) -> bool {
    *v == 0.0
}

/// One order whose code was a creator's at import time. Short keys: a campaign may hold
/// thousands, and they are saved with every edit.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StoredOrder {
    /// The order's name or id ("#1001"); "line 12" when the file has no order column.
    #[serde(rename = "k")]
    pub key: String,
    /// The code that matched, upper case.
    #[serde(rename = "c")]
    pub code: String,
    /// The day the order was placed, as the file wrote it (the shop's time zone).
    #[serde(rename = "d")]
    pub date: Date,
    /// The order's total (Shopify's `Total`: after discounts, with shipping and taxes).
    #[serde(rename = "t")]
    pub total: f64,
    /// Refunded so far (Shopify's `Refunded Amount`).
    #[serde(rename = "r", skip_serializing_if = "is_zero")]
    pub refunded: f64,
    /// Upper-case code; empty when the file had no currency (the campaign's is assumed).
    #[serde(rename = "$", skip_serializing_if = "String::is_empty")]
    pub currency: String,
    #[serde(rename = "s", skip_serializing_if = "is_counted")]
    pub state: OrderState,
}

impl StoredOrder {
    /// The total after refunds, never below zero.
    pub fn net(&self) -> f64 {
        if self.state == OrderState::Refunded {
            0.0
        } else {
            (self.total - self.refunded).max(0.0)
        }
    }
}

/// A code in the file that was no creator's, with how many orders used it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeCount {
    pub code: String,
    pub orders: usize,
}

/// A row of an orders file that could not be read (line and reason), stored with the file.
pub use crate::text::csv::RejectedRow as UnreadableRow;

/// One imported orders file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrdersFile {
    /// The file's name: importing a file of the same name replaces this one.
    pub name: String,
    /// Milliseconds since 1970, given by the caller.
    pub imported_at: f64,
    /// Data rows read (an order spans one row per line item).
    pub rows: usize,
    /// Orders in the file, each counted once.
    pub orders: usize,
    /// Orders with no discount code.
    pub without_code: usize,
    /// Orders in the file whose code was a creator's (whatever their state, date or currency).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub matched: Vec<StoredOrder>,
    /// Codes that were no creator's, most used first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unmatched: Vec<CodeCount>,
    /// The first rows that could not be read (up to `MAX_UNREADABLE_KEPT`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unreadable: Vec<UnreadableRow>,
    /// All of them, kept or not.
    pub unreadable_count: usize,
    /// The file has no order column: orders are its rows, keyed by line, and can't be recognised
    /// in another file.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub keyed_by_line: bool,
    /// The file has no currency column: every order is taken to be in the campaign's currency.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub currency_assumed: bool,
}

fn usable(v: f64) -> bool {
    v.is_finite() && (0.0..=MAX_VALUE as f64).contains(&v)
}

impl OrdersFile {
    /// Checks stored or imported data; the error names the order and the field.
    pub(super) fn checked(mut self) -> Result<OrdersFile, String> {
        self.name = self.name.trim().to_string();
        if self.name.is_empty() {
            return Err("the file has no name.".to_string());
        }
        if !self.imported_at.is_finite() {
            self.imported_at = 0.0;
        }
        for o in &mut self.matched {
            o.key = o.key.trim().to_string();
            let who = shorten(&o.key, 40);
            if o.key.is_empty() {
                return Err("an order has no name.".to_string());
            }
            if o.code.trim().is_empty() {
                return Err(format!("order “{who}”: the code is empty."));
            }
            o.code = o.code.trim().to_uppercase();
            if !usable(o.total) {
                return Err(format!(
                    "order “{who}”: the total is {}, which is not a usable amount.",
                    o.total
                ));
            }
            if !usable(o.refunded) {
                return Err(format!(
                    "order “{who}”: the refunded amount is {}, which is not a usable amount.",
                    o.refunded
                ));
            }
            let cur = o.currency.trim();
            if !(cur.is_empty() || (cur.len() == 3 && cur.bytes().all(|b| b.is_ascii_alphabetic())))
            {
                return Err(format!(
                    "order “{who}”: the currency “{}” is not a code such as USD.",
                    shorten(cur, 20)
                ));
            }
            o.currency = cur.to_ascii_uppercase();
        }
        self.unmatched.retain(|c| !c.code.trim().is_empty());
        self.unreadable_count = self.unreadable_count.max(self.unreadable.len());
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::check_cases;

    #[test]
    fn net_after_refunds() {
        let o = |total, refunded, state| StoredOrder {
            total,
            refunded,
            state,
            ..StoredOrder::default()
        };
        let cases = [
            (o(100.0, 0.0, OrderState::Counted), 100.0),
            (o(100.0, 30.0, OrderState::Counted), 70.0),
            (o(100.0, 130.0, OrderState::Counted), 0.0),
            (o(100.0, 0.0, OrderState::Refunded), 0.0),
        ];
        check_cases(cases, |order| order.net());
    }

    #[test]
    fn checked_normalises_and_refuses() {
        let f = OrdersFile {
            name: " o.csv ".into(),
            matched: vec![StoredOrder {
                key: " #1 ".into(),
                code: "ann15".into(),
                total: 10.0,
                currency: "eur".into(),
                ..StoredOrder::default()
            }],
            ..OrdersFile::default()
        };
        let f = f.checked();
        assert_eq!(
            f.as_ref().map(|f| (
                f.name.as_str(),
                f.matched[0].key.as_str(),
                f.matched[0].code.as_str(),
                f.matched[0].currency.as_str()
            )),
            Ok(("o.csv", "#1", "ANN15", "EUR"))
        );
        let bad = OrdersFile {
            name: "o.csv".into(),
            matched: vec![StoredOrder {
                key: "#2".into(),
                code: "A".into(),
                total: 1.0,
                refunded: -3.0,
                ..StoredOrder::default()
            }],
            ..OrdersFile::default()
        };
        assert_eq!(
            bad.checked().err().as_deref(),
            Some("order “#2”: the refunded amount is -3, which is not a usable amount.")
        );
    }
}
