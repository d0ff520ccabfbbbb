//! Number formatting for display: thousands grouping, percentages, money, trimmed decimals and
//! counted nouns. Never prints NaN or inf.

use crate::text::date::Date;

/// 1234567 -> "1,234,567".
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Short form as marketers write it: 950, 12.5K, 1.2M, 3B.
pub fn compact(n: f64) -> String {
    if !n.is_finite() {
        return "n/a".to_string();
    }
    let (value, unit) = if n.abs() >= 1e9 {
        (n / 1e9, "B")
    } else if n.abs() >= 1e6 {
        (n / 1e6, "M")
    } else if n.abs() >= 1e3 {
        (n / 1e3, "K")
    } else {
        (n, "")
    };
    let s = if value.abs() >= 100.0 || unit.is_empty() {
        format!("{value:.0}")
    } else {
        trim_zeros(format!("{value:.1}"))
    };
    format!("{s}{unit}")
}

/// A rate (0.085) as a percentage with `decimals` places: "8.5%". "n/a" for undefined.
pub fn percent(rate: Option<f64>, decimals: usize) -> String {
    // Check the scaled value: a finite rate near f64::MAX overflows to inf when multiplied.
    match rate.map(|r| r * 100.0) {
        Some(p) if p.is_finite() => format!("{p:.*}%", decimals),
        _ => "n/a".to_string(),
    }
}

/// Money with a currency symbol and sensible precision: "$0.012", "$4.50", "$1,250".
pub fn money(amount: Option<f64>, symbol: &str) -> String {
    match amount {
        Some(a) if a.is_finite() => {
            if a >= 1000.0 {
                format!("{symbol}{}", group_thousands(a.round() as u64))
            } else if a >= 1.0 || a == 0.0 {
                format!("{symbol}{a:.2}")
            } else {
                // Cost per view is often a fraction of a cent: keep three significant digits.
                let digits = (-a.log10()).ceil() as usize + 2;
                format!("{symbol}{a:.*}", digits.min(8))
            }
        }
        _ => "n/a".to_string(),
    }
}

/// "2.50" -> "2.5", "3.0" -> "3": drops the zeros a fixed precision leaves behind.
fn trim_zeros(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// `x` with at most `places` decimals and no trailing zeros: (2.5, 2) -> "2.5", (3.0, 1) -> "3",
/// (0.126, 2) -> "0.13". The one number trimmer: multiples, shares and rates all go through it.
pub fn trimmed(x: f64, places: usize) -> String {
    trim_zeros(format!("{x:.places$}"))
}

/// Shortens to `max` characters on a character boundary, marking the cut with "…": pasted
/// comments and words shown as examples.
pub fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

/// The text with its first letter in upper case, for a sentence made to follow a prefix
/// ("discount code …") shown on its own.
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

/// A count with its noun, thousands grouped: "1 creator", "0 creators", "1,200 rows".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        group_thousands(n as u64),
        if n == 1 { one } else { many }
    )
}

/// "2026-05-14" for a time in milliseconds since 1970 (UTC), for file names; a time that is not
/// a usable date counts as 1970-01-01.
pub fn date_stamp(ms: f64) -> String {
    let ms = if ms.is_finite() && ms > 0.0 { ms } else { 0.0 };
    Date::from_ms(ms).map_or_else(|| "1970-01-01".to_string(), |d| d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::check_cases;

    #[test]
    fn grouping() {
        let cases = [
            (0, "0"),
            (999, "999"),
            (1_000, "1,000"),
            (99_999, "99,999"),
            (1_000_000, "1,000,000"),
            (u64::MAX, "18,446,744,073,709,551,615"),
        ];
        check_cases(cases, group_thousands);
    }

    #[test]
    fn compact_forms() {
        let cases = [
            (950.0, "950"),
            (12_500.0, "12.5K"),
            (130_000.0, "130K"),
            (1_200_000.0, "1.2M"),
            (1_000_000.0, "1M"),
            (11_000_000.0, "11M"),
            (f64::NAN, "n/a"),
            (f64::INFINITY, "n/a"),
        ];
        check_cases(cases, compact);
    }

    #[test]
    fn trimmed_numbers() {
        let cases = [
            (2.5, 2, "2.5"),
            (2.0, 2, "2"),
            (3.0, 1, "3"),
            (0.126, 2, "0.13"),
            (1.25, 2, "1.25"),
            (10.0, 0, "10"),
            (100.0, 2, "100"),
            (0.004, 2, "0"),
        ];
        for (x, places, want) in cases {
            assert_eq!(trimmed(x, places), want, "{x} to {places} places");
        }
    }

    #[test]
    fn counted_nouns() {
        let cases = [
            (0, "0 creators"),
            (1, "1 creator"),
            (2, "2 creators"),
            (1_200, "1,200 creators"),
        ];
        check_cases(cases, |n| plural(n, "creator", "creators"));
    }

    #[test]
    fn percentages_and_money() {
        assert_eq!(percent(Some(0.085), 1), "8.5%");
        assert_eq!(percent(Some(0.036), 2), "3.60%");
        assert_eq!(percent(None, 1), "n/a");
        assert_eq!(percent(Some(f64::NAN), 1), "n/a");
        // Regression: a finite rate near f64::MAX printed "inf%" (found by the engine's proptest).
        assert_eq!(percent(Some(f64::MAX), 1), "n/a");
        assert_eq!(money(Some(1250.4), "$"), "$1,250");
        assert_eq!(money(Some(4.5), "$"), "$4.50");
        assert_eq!(money(Some(0.0123), "$"), "$0.0123");
        assert_eq!(money(Some(0.0), "$"), "$0.00");
        assert_eq!(money(None, "$"), "n/a");
        assert_eq!(money(Some(f64::INFINITY), "$"), "n/a");
    }

    #[test]
    fn date_stamps() {
        let cases = [
            (0.0, "1970-01-01"),
            (951_782_400_000.0, "2000-02-29"),
            (1_778_716_800_000.0, "2026-05-14"),
            (f64::NAN, "1970-01-01"),
        ];
        check_cases(cases, date_stamp);
    }
}
