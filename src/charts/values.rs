//! How chart values and axis ticks are printed; undefined values print as "n/a".
//! Counts and money come from `domain::format`, so a chart reads like the rest of the app.

use crate::domain::text::format::{self, trimmed};

/// What a number means, so the chart prints it the way the rest of the app does.
#[derive(Clone, Debug, PartialEq)]
pub enum Unit {
    /// A rate given as a fraction: 0.085 prints as "8.5%".
    Percent,
    /// A count printed short: 12.5K, 1.2M.
    Count,
    /// An amount with its currency symbol: "$4.50", "$1,250", "$0.0123".
    Money(String),
}

/// A finite value, or `None` for anything a chart must show as "n/a".
pub(crate) fn finite(v: Option<f64>) -> Option<f64> {
    v.filter(|x| x.is_finite())
}

/// The value as shown next to a bar or point.
pub(crate) fn show(v: Option<f64>, unit: &Unit) -> String {
    let Some(x) = finite(v) else {
        return "n/a".to_string();
    };
    match unit {
        // ×100 overflows near f64::MAX.
        Unit::Percent if !(x * 100.0).is_finite() => "n/a".to_string(),
        Unit::Percent => {
            let p = x * 100.0;
            // Sub-1% benchmarks (0.54%) would all read "0.5%" with one decimal.
            let decimals = if p.abs() < 1.0 && p != 0.0 { 2 } else { 1 };
            format!("{p:.decimals$}%")
        }
        Unit::Count => count(x),
        // The app's money format, with the sign in front of the symbol ("-$3.00").
        Unit::Money(symbol) => {
            let sign = if x < 0.0 { "-" } else { "" };
            format!("{sign}{}", format::money(Some(x.abs()), symbol))
        }
    }
}

/// An axis tick: as short as possible ("5%", "10K", "$2").
pub(crate) fn tick(x: f64, unit: &Unit) -> String {
    match unit {
        Unit::Percent if !(x * 100.0).is_finite() => "n/a".to_string(),
        Unit::Percent => format!("{}%", trimmed(x * 100.0, 2)),
        Unit::Count => count(x),
        Unit::Money(symbol) if x.abs() >= 1000.0 => format!("{symbol}{}", format::compact(x)),
        Unit::Money(symbol) => format!("{symbol}{}", trimmed(x, 2)),
    }
}

/// Axis top and step for values up to `max`: 4–8 "round" steps (1, 2, 2.5, 5 × 10^n).
pub(crate) fn nice_axis(max: f64) -> (f64, f64) {
    if !(max.is_finite() && max > 0.0) {
        return (1.0, 0.25);
    }
    let raw = max / 4.0;
    let pow = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * pow)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * pow);
    let top = (max / step).ceil() * step;
    // Near f64::MAX rounding up overflows; callers loop over top / step ticks, so keep it small.
    if top.is_finite() {
        (top, step)
    } else {
        (max, max / 4.0)
    }
}

/// A count as the app prints it (12.5K), except that small fractions keep one decimal: an
/// average of 0.5 comments must not print as "0" on a chart.
fn count(x: f64) -> String {
    if x.abs() < 1000.0 && x.fract() != 0.0 {
        trimmed(x, 1)
    } else {
        format::compact(x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_print_like_the_app() {
        let usd = Unit::Money("$".into());
        let cases = [
            (Some(0.085), Unit::Percent, "8.5%"),
            (Some(0.0054), Unit::Percent, "0.54%"),
            (Some(0.05), Unit::Percent, "5.0%"),
            (Some(0.0), Unit::Percent, "0.0%"),
            (Some(950.0), Unit::Count, "950"),
            (Some(0.5), Unit::Count, "0.5"),
            (Some(12_500.0), Unit::Count, "12.5K"),
            (Some(130_000.0), Unit::Count, "130K"),
            (Some(1_200_000.0), Unit::Count, "1.2M"),
            (Some(4.5), usd.clone(), "$4.50"),
            (Some(1250.4), usd.clone(), "$1,250"),
            (Some(0.0123), usd.clone(), "$0.0123"),
            (Some(-3.0), usd.clone(), "-$3.00"),
            (None, Unit::Percent, "n/a"),
            (Some(f64::NAN), Unit::Count, "n/a"),
            (Some(f64::INFINITY), usd, "n/a"),
            (Some(f64::MAX), Unit::Percent, "n/a"),
        ];
        for (v, unit, want) in cases {
            assert_eq!(show(v, &unit), want, "{v:?} {unit:?}");
        }
    }

    #[test]
    fn ticks_are_short() {
        let cases = [
            (0.0, Unit::Percent, "0%"),
            (0.025, Unit::Percent, "2.5%"),
            (0.30000000000000004, Unit::Percent, "30%"),
            (20_000.0, Unit::Count, "20K"),
            (2.0, Unit::Money("€".into()), "€2"),
            (2500.0, Unit::Money("$".into()), "$2.5K"),
        ];
        for (x, unit, want) in cases {
            assert_eq!(tick(x, &unit), want);
        }
    }

    #[test]
    fn axis_is_round_and_covers_the_max() {
        let cases = [
            (0.085, (0.1, 0.025)),
            (7.0, (8.0, 2.0)),
            (20_000.0, (20_000.0, 5_000.0)),
            (0.0, (1.0, 0.25)),
            (f64::NAN, (1.0, 0.25)),
            (-5.0, (1.0, 0.25)),
            (f64::MAX, (f64::MAX, f64::MAX / 4.0)),
        ];
        for (max, (top, step)) in cases {
            let (t, s) = nice_axis(max);
            assert!(
                (t - top).abs() < 1e-9 && (s - step).abs() < 1e-9,
                "{max}: {t} {s}"
            );
        }
    }
}
