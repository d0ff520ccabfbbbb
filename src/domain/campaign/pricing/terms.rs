//! The deal terms that raise a creator's fee (DOMAIN.md §9): usage rights, exclusivity,
//! whitelisting or paid amplification, rush. Each is a percentage range added to the base fee;
//! the defaults are unsourced industry practice, so every one is editable and says so.
//!
//! Terms add up rather than compound (usage rights +50% and rush +25% make +75%, not +87.5%):
//! that is how rate cards quote them, each as a share of the base fee.

use serde::{Deserialize, Serialize};

use crate::engine::cost::Span;
use crate::text::choice::choices;
use crate::text::format::trimmed;

/// A deal term that raises the fee.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Term {
    #[default]
    #[serde(rename = "usage-rights")]
    UsageRights,
    #[serde(rename = "exclusivity")]
    Exclusivity,
    #[serde(rename = "whitelisting")]
    Whitelisting,
    #[serde(rename = "rush")]
    Rush,
}

choices! {
    Term, id, label;
    UsageRights => "usage-rights", "Usage rights";
    Exclusivity => "exclusivity", "Exclusivity (30 days)";
    Whitelisting => "whitelisting", "Whitelisting / paid amplification (30 days)";
    Rush => "rush", "Rush";
}

/// Where the default percentages come from, shown next to each.
pub const TERMS_SOURCE: &str =
    "industry practice with no published source: an editable default (as quoted in 2026)";

/// The highest percentage a term may add: ten times the fee is past any rate card.
pub const MAX_PCT: f64 = 1_000.0;

impl Term {
    /// The default range, in percent of the base fee (DOMAIN.md §9).
    pub fn default_pct(self) -> (f64, f64) {
        match self {
            Term::UsageRights => (50.0, 200.0),
            Term::Exclusivity => (25.0, 50.0),
            Term::Whitelisting => (20.0, 40.0),
            Term::Rush => (25.0, 50.0),
        }
    }

    /// What the brand gets for it.
    pub fn explanation(self) -> &'static str {
        match self {
            Term::UsageRights => "The brand may reuse the content (ads, website, email) beyond the creator's own post.",
            Term::Exclusivity => "The creator works with no competing brand for 30 days.",
            Term::Whitelisting => "The brand runs ads through the creator's account for 30 days.",
            Term::Rush => "The content is needed sooner than the creator's usual lead time.",
        }
    }
}

/// One term as the user set it: ticked or not, and its range when edited (`None`: the default).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TermSetting {
    pub term: Term,
    pub on: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub low_pct: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub high_pct: Option<f64>,
}

impl TermSetting {
    /// The range in use, in percent.
    pub fn pct(&self) -> (f64, f64) {
        let (low, high) = self.term.default_pct();
        (self.low_pct.unwrap_or(low), self.high_pct.unwrap_or(high))
    }
}

/// What the ticked terms add together.
#[derive(Debug, Clone, PartialEq)]
pub struct Uplift {
    /// The ticked terms with their ranges in percent, in `Term::ALL` order.
    pub applied: Vec<(Term, f64, f64)>,
    /// Sums, in percent.
    pub low_pct: f64,
    pub high_pct: f64,
}

impl Uplift {
    /// The terms from the stored settings (a term not stored is off, at its default range).
    pub fn of(settings: &[TermSetting]) -> Uplift {
        let applied: Vec<(Term, f64, f64)> = Term::ALL
            .iter()
            .filter_map(|&t| {
                let s = settings.iter().find(|s| s.term == t)?;
                let (low, high) = s.pct();
                s.on.then_some((t, low, high))
            })
            .collect();
        Uplift {
            low_pct: applied.iter().map(|a| a.1).sum(),
            high_pct: applied.iter().map(|a| a.2).sum(),
            applied,
        }
    }

    pub fn is_none(&self) -> bool {
        self.applied.is_empty()
    }

    /// A base fee range with the terms: low × (1 + low %), high × (1 + high %).
    pub fn apply(&self, base: Span) -> Span {
        Span {
            low: base.low * (1.0 + self.low_pct / 100.0),
            high: base.high * (1.0 + self.high_pct / 100.0),
        }
    }

    /// "+75–250% for usage rights (+50–200%) and rush (+25–50%)", or "no deal terms ticked".
    pub fn label(&self) -> String {
        if self.is_none() {
            return "no deal terms ticked".to_string();
        }
        let parts: Vec<String> = self
            .applied
            .iter()
            .map(|(t, l, h)| format!("{} ({})", t.label().to_lowercase(), pct_range(*l, *h)))
            .collect();
        format!(
            "{} for {}",
            pct_range(self.low_pct, self.high_pct),
            join_and(&parts)
        )
    }
}

/// "+50–200%", or "+30%" when both ends are equal.
pub fn pct_range(low: f64, high: f64) -> String {
    if low == high {
        format!("+{}%", trimmed(low, 1))
    } else {
        format!("+{}–{}%", trimmed(low, 1), trimmed(high, 1))
    }
}

/// "a", "a and b", "a, b and c".
fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(term: Term) -> TermSetting {
        TermSetting {
            term,
            on: true,
            ..TermSetting::default()
        }
    }

    #[test]
    fn defaults_are_the_published_practice() {
        // DOMAIN.md §9, in percent.
        let cases = [
            (Term::UsageRights, (50.0, 200.0)),
            (Term::Exclusivity, (25.0, 50.0)),
            (Term::Whitelisting, (20.0, 40.0)),
            (Term::Rush, (25.0, 50.0)),
        ];
        for (t, want) in cases {
            assert_eq!(t.default_pct(), want);
            assert!(!t.explanation().is_empty());
        }
    }

    #[test]
    fn ticked_terms_add_up_and_scale_the_ends() {
        let base = Span {
            low: 100.0,
            high: 500.0,
        };
        let edited = TermSetting {
            term: Term::Rush,
            on: true,
            low_pct: Some(10.0),
            high_pct: None,
        };
        let off = TermSetting {
            term: Term::Exclusivity,
            on: false,
            low_pct: Some(99.0),
            high_pct: Some(99.0),
        };
        // (settings, low %, high %, low $, high $, label)
        type Case = (Vec<TermSetting>, f64, f64, f64, f64, &'static str);
        let cases: [Case; 4] = [
            (vec![], 0.0, 0.0, 100.0, 500.0, "no deal terms ticked"),
            (
                vec![on(Term::UsageRights)],
                50.0,
                200.0,
                150.0,
                1_500.0,
                "+50–200% for usage rights (+50–200%)",
            ),
            (
                vec![on(Term::UsageRights), edited, off],
                60.0,
                250.0,
                160.0,
                1_750.0,
                "+60–250% for usage rights (+50–200%) and rush (+10–50%)",
            ),
            (
                vec![on(Term::Rush), on(Term::Whitelisting), on(Term::Exclusivity)],
                70.0,
                140.0,
                170.0,
                1_200.0,
                "+70–140% for exclusivity (30 days) (+25–50%), whitelisting / paid amplification (30 days) (+20–40%) and rush (+25–50%)",
            ),
        ];
        for (settings, low, high, low_usd, high_usd, label) in cases {
            let u = Uplift::of(&settings);
            assert_eq!((u.low_pct, u.high_pct), (low, high), "{label}");
            let s = u.apply(base);
            assert!(
                (s.low - low_usd).abs() < 1e-9 && (s.high - high_usd).abs() < 1e-9,
                "{s:?}"
            );
            assert_eq!(u.label(), label);
        }
        assert_eq!(pct_range(30.0, 30.0), "+30%");
    }
}
