//! A calendar date stored as "YYYY-MM-DD": the tiny ISO parser every dated thing uses (post
//! dates, campaign dates, the dates of a creator's dossier entries), with day arithmetic.

use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A calendar date (proleptic Gregorian). Stored as "YYYY-MM-DD".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// 1970-01-01, the day the browser's clock counts from: what a missing clock reads as.
impl Default for Date {
    fn default() -> Self {
        Date {
            year: 1970,
            month: 1,
            day: 1,
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Why a date was refused; the message quotes the user's text.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DateError {
    #[error("“{0}” is not a date; write it as YYYY-MM-DD, for example 2025-03-14.")]
    NotIso(String),
    #[error("“{value}” has month {month}; months go from 01 to 12.")]
    BadMonth { value: String, month: u8 },
    #[error("“{value}” is not a date: {month_name} {year} has {days} days.")]
    BadDay {
        value: String,
        month_name: &'static str,
        year: u16,
        days: u8,
    },
}

impl Date {
    /// 1970-01-01, day number 0: the date of a clock that reads 0 (no browser).
    pub const EPOCH: Date = Date {
        year: 1970,
        month: 1,
        day: 1,
    };

    /// `None` when the day doesn't exist (2025-02-29) or the year isn't four digits.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    pub fn year(self) -> u16 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Reads "YYYY-MM-DD"; an ISO time after a 'T' ("2025-03-14T18:30:00Z") is ignored, since
    /// exports often carry one.
    pub fn parse(input: &str) -> Result<Date, DateError> {
        let value = input.trim();
        let not_iso = || DateError::NotIso(value.to_string());
        let date_part = value.split_once(['T', 't']).map_or(value, |(d, _)| d);
        let bytes = date_part.as_bytes();
        let digits = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = bytes.get(range)?;
            if part.is_empty() || !part.iter().all(u8::is_ascii_digit) {
                return None;
            }
            Some(part.iter().fold(0u16, |n, d| n * 10 + u16::from(d - b'0')))
        };
        if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
            return Err(not_iso());
        }
        let (year, month, day) = match (digits(0..4), digits(5..7), digits(8..10)) {
            (Some(y), Some(m), Some(d)) => (y, m as u8, d as u8),
            _ => return Err(not_iso()),
        };
        if year == 0 {
            return Err(not_iso());
        }
        if !(1..=12).contains(&month) {
            return Err(DateError::BadMonth {
                value: value.to_string(),
                month,
            });
        }
        Date::new(year, month, day).ok_or_else(|| DateError::BadDay {
            value: value.to_string(),
            month_name: MONTHS.get(usize::from(month) - 1).copied().unwrap_or(""),
            year,
            days: days_in_month(year, month),
        })
    }

    /// Days since 1970-01-01 (negative before), for differences between dates.
    pub fn day_number(self) -> i64 {
        // Howard Hinnant's days_from_civil: years start in March so the leap day comes last.
        let m = i64::from(self.month);
        let d = i64::from(self.day);
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl From<Date> for String {
    fn from(d: Date) -> String {
        d.to_string()
    }
}

impl TryFrom<String> for Date {
    type Error = DateError;
    fn try_from(s: String) -> Result<Date, DateError> {
        Date::parse(&s)
    }
}

impl Date {
    /// The date of a day number (days since 1970-01-01), the inverse of [`Date::day_number`].
    pub fn from_day_number(days: i64) -> Option<Date> {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// The UTC date of a time in milliseconds since 1970 (what the browser's clock gives).
    pub fn from_ms(ms: f64) -> Option<Date> {
        if !ms.is_finite() {
            return None;
        }
        Date::from_day_number((ms / 86_400_000.0).floor() as i64)
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.day_number() - self.day_number()
    }

    /// The day of the week, 0 for Monday to 6 for Sunday (ISO 8601 weeks start on Monday):
    /// 1970-01-01 was a Thursday.
    pub fn weekday(self) -> u8 {
        (self.day_number() + 3).rem_euclid(7) as u8
    }

    /// Days in this date's month.
    pub fn days_in_month(self) -> u8 {
        days_in_month(self.year, self.month)
    }
}

/// "January" for 1 … "December" for 12; "" for anything else.
pub fn month_name(month: u8) -> &'static str {
    MONTHS
        .get(usize::from(month).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

/// The date `s` names, for tests (a test's own dates are known good; a typo fails loudly).
#[cfg(test)]
pub fn day(s: &str) -> Date {
    Date::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_go_both_ways() {
        // (date, days since 1970-01-01)
        let cases = [
            ("1970-01-01", 0),
            ("2000-02-29", 11_016),
            ("2024-02-29", 19_782),
            ("2026-12-06", 20_793),
            ("1969-12-31", -1),
        ];
        for (text, days) in cases {
            let date = Date::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(date.day_number(), days, "{text}");
            assert_eq!(Date::from_day_number(days), Some(date), "{text}");
        }
        assert_eq!(
            Date::from_ms(1_796_515_200_000.0 + 3_600_000.0).map(|d| d.to_string()),
            Some("2026-12-06".to_string())
        );
        assert_eq!(Date::from_ms(f64::NAN), None);
    }
}
