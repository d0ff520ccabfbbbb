//! A fair price and reach estimates (issue #17), kept in `Campaign::pricing`.
//!
//! `terms` are the deal terms that raise a fee (usage rights, exclusivity, whitelisting, rush:
//! editable percentages, unsourced industry practice); `fair_price` estimates each creator's fee
//! from the price table and from the CPM ranges (both in `engine::cost`), times the ticked terms;
//! `quote` takes the creator's quote (typed in the campaign, else the creator's record) into US
//! dollars and says how it compares; `reach` estimates reach and impressions per creator and for
//! the plan from editable vendor defaults, kept apart from the views entered in tracking. This
//! module holds what the campaign stores and its checks.

pub mod fair_price;
pub mod quote;
pub mod reach;
pub mod terms;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::creator::record::{shorten, trim};
use crate::text::format::trimmed;
use crate::text::number::MAX_VALUE;
use crate::text::sparse::sparse_record;
use reach::ReachAssumptions;
use terms::{Term, TermSetting, MAX_PCT};

/// Said wherever a price estimate is shown (DOMAIN.md §9).
pub const FEES_NOTE: &str = "Fees follow followers only loosely: across 250,000 creator payments, follower counts and fees correlated at 0.56, with an average payment of $2,300 and a median of $800 (Lumanu, 2024). Read every estimate as a range; the creator's quote and your own past deals are better evidence.";

/// A quote typed in the campaign for one creator, per post, in the campaign's currency.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CampaignQuote {
    pub creator_id: String,
    pub amount: f64,
}

sparse_record! {
    /// Everything pricing keeps in a campaign; an empty one is not written to storage.
    pub struct Pricing {
        /// The deal terms the user touched (ticked, or their range edited).
        pub terms: Vec<TermSetting>,
        pub quotes: Vec<CampaignQuote>,
        /// Units of the campaign's currency one US dollar buys, to set quotes against the dollar
        /// estimates; `None` until the user gives it.
        pub usd_rate: Option<f64>,
        pub reach: ReachAssumptions,
    }
}

/// Why a campaign's pricing can't be kept; names the field and, for a quote, the creator.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum PricingError {
    #[error("pricing: the {term} term's {end} end is {value}%, which is not usable (it must be between 0 and {max}%).", term = .term.label().to_lowercase(), max = MAX_PCT)]
    TermPct {
        term: Term,
        end: &'static str,
        value: f64,
    },
    #[error("pricing: the {term} term runs from {low}% to {high}%; the low end must not be above the high end.", term = .term.label().to_lowercase())]
    TermOrder { term: Term, low: f64, high: f64 },
    #[error("pricing: the {term} term is listed twice.", term = .0.label().to_lowercase())]
    TermTwice(Term),
    #[error("pricing: the quote for creator “{creator}” is {value}, which is not a usable amount (it must be between 0 and 10 billion).")]
    Quote { creator: String, value: f64 },
    #[error("pricing: creator “{0}” has two quotes; keep one.")]
    QuoteTwice(String),
    #[error("pricing: a quote has no creator id.")]
    QuoteNoCreator,
    #[error("pricing: the exchange rate is {0}, which is not usable (it must be more than 0 and at most 1 million units per US dollar).")]
    Rate(f64),
    #[error("pricing: the assumption “{label}” is {value}, outside {min} to {max}.", label = .0.label(), value = trimmed(*.1, 4), min = trimmed(.0.range().0, 2), max = trimmed(.0.range().1, 2))]
    Assumption(reach::Assumption, f64),
}

impl Pricing {
    /// The stored setting of a term (off, at its default range, when never touched).
    pub fn term(&self, term: Term) -> TermSetting {
        self.terms
            .iter()
            .find(|s| s.term == term)
            .copied()
            .unwrap_or(TermSetting {
                term,
                ..TermSetting::default()
            })
    }

    /// Changes one term's setting, keeping the others.
    pub fn set_term(&mut self, term: Term, f: impl FnOnce(&mut TermSetting)) {
        let mut s = self.term(term);
        f(&mut s);
        self.terms.retain(|t| t.term != term);
        if s != (TermSetting {
            term,
            ..TermSetting::default()
        }) {
            self.terms.push(s);
            self.terms
                .sort_by_key(|t| Term::ALL.iter().position(|x| *x == t.term));
        }
    }

    /// Sets (or with `None` removes) the quote typed for a creator.
    pub fn set_quote(&mut self, creator_id: &str, amount: Option<f64>) {
        self.quotes.retain(|q| q.creator_id != creator_id);
        if let Some(amount) = amount {
            self.quotes.push(CampaignQuote {
                creator_id: creator_id.to_string(),
                amount,
            });
        }
    }

    /// The quote typed for a creator.
    pub fn quote(&self, creator_id: &str) -> Option<f64> {
        self.quotes
            .iter()
            .find(|q| q.creator_id == creator_id)
            .map(|q| q.amount)
    }

    /// Adds what `other` (another version of the same campaign, from a restored workspace file)
    /// holds and this one lacks: quotes for other creators, terms never touched here, the rate.
    /// This version's values win where both have one.
    pub fn absorb(&mut self, other: &Pricing) {
        for q in &other.quotes {
            if self.quote(&q.creator_id).is_none() {
                self.quotes.push(q.clone());
            }
        }
        for t in &other.terms {
            if !self.terms.iter().any(|x| x.term == t.term) {
                self.terms.push(*t);
            }
        }
        self.terms
            .sort_by_key(|t| Term::ALL.iter().position(|x| *x == t.term));
        self.usd_rate = self.usd_rate.or(other.usd_rate);
    }

    /// Checks what came from outside: percentages within 0–1,000% and in order, each term and
    /// each creator's quote once, amounts usable, the rate positive, assumptions in range.
    pub fn checked(mut self) -> Result<Pricing, PricingError> {
        let mut seen = Vec::new();
        for s in &self.terms {
            if seen.contains(&s.term) {
                return Err(PricingError::TermTwice(s.term));
            }
            seen.push(s.term);
            for (end, v) in [("low", s.low_pct), ("high", s.high_pct)] {
                if let Some(v) = v.filter(|v| !(v.is_finite() && *v >= 0.0 && *v <= MAX_PCT)) {
                    return Err(PricingError::TermPct {
                        term: s.term,
                        end,
                        value: v,
                    });
                }
            }
            let (low, high) = s.pct();
            if low > high {
                return Err(PricingError::TermOrder {
                    term: s.term,
                    low,
                    high,
                });
            }
        }
        let mut creators = Vec::new();
        for q in &mut self.quotes {
            q.creator_id = trim(&q.creator_id).to_string();
            if q.creator_id.is_empty() {
                return Err(PricingError::QuoteNoCreator);
            }
            if !(q.amount.is_finite() && q.amount >= 0.0 && q.amount <= MAX_VALUE as f64) {
                return Err(PricingError::Quote {
                    creator: shorten(&q.creator_id, 40),
                    value: q.amount,
                });
            }
            if creators.contains(&q.creator_id) {
                return Err(PricingError::QuoteTwice(shorten(&q.creator_id, 40)));
            }
            creators.push(q.creator_id.clone());
        }
        if let Some(r) = self.usd_rate {
            if !(r.is_finite() && r > 0.0 && r <= 1e6) {
                return Err(PricingError::Rate(r));
            }
        }
        if let Some((a, v)) = self.reach.out_of_range() {
            return Err(PricingError::Assumption(a, v));
        }
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::sparse::is_default;
    use reach::Assumption;

    #[test]
    fn setters_keep_only_what_differs_from_the_defaults() {
        let mut p = Pricing::default();
        p.set_term(Term::Rush, |s| s.on = true);
        p.set_term(Term::UsageRights, |s| s.high_pct = Some(150.0));
        assert_eq!(
            p.terms.iter().map(|t| t.term).collect::<Vec<_>>(),
            vec![Term::UsageRights, Term::Rush]
        );
        assert!(p.term(Term::Rush).on);
        assert_eq!(p.term(Term::UsageRights).pct(), (50.0, 150.0));
        p.set_term(Term::Rush, |s| s.on = false);
        p.set_term(Term::UsageRights, |s| s.high_pct = None);
        assert!(is_default(&p));
        p.set_quote("c1", Some(300.0));
        p.set_quote("c1", Some(320.0));
        assert_eq!(p.quote("c1"), Some(320.0));
        p.set_quote("c1", None);
        assert!(is_default(&p));
    }

    #[test]
    fn checked_refuses_naming_the_field() {
        type Edit = fn(&mut Pricing);
        let cases: [(Edit, &str); 8] = [
            (|p| p.set_term(Term::Rush, |s| s.low_pct = Some(-5.0)), "pricing: the rush term's low end is -5%, which is not usable (it must be between 0 and 1000%)."),
            (|p| p.set_term(Term::UsageRights, |s| s.high_pct = Some(f64::NAN)), "pricing: the usage rights term's high end is NaN%, which is not usable (it must be between 0 and 1000%)."),
            (|p| p.set_term(Term::Exclusivity, |s| s.low_pct = Some(80.0)), "pricing: the exclusivity (30 days) term runs from 80% to 50%; the low end must not be above the high end."),
            (|p| p.terms = vec![TermSetting::default(), TermSetting::default()], "pricing: the usage rights term is listed twice."),
            (|p| p.set_quote("c1", Some(-1.0)), "pricing: the quote for creator “c1” is -1, which is not a usable amount (it must be between 0 and 10 billion)."),
            (|p| p.quotes = vec![CampaignQuote { creator_id: "c1".into(), amount: 1.0 }, CampaignQuote { creator_id: " c1 ".into(), amount: 2.0 }], "pricing: creator “c1” has two quotes; keep one."),
            (|p| p.usd_rate = Some(0.0), "pricing: the exchange rate is 0, which is not usable (it must be more than 0 and at most 1 million units per US dollar)."),
            (|p| p.reach.set(Assumption::TikTokUnique, Some(1.5)), "pricing: the assumption “Unique viewers among TikTok views” is 1.5, outside 0 to 1."),
        ];
        for (edit, want) in cases {
            let mut p = Pricing::default();
            edit(&mut p);
            assert_eq!(
                p.checked().map_err(|e| e.to_string()),
                Err(want.to_string())
            );
        }
        let mut fine = Pricing::default();
        fine.set_term(Term::Whitelisting, |s| {
            s.on = true;
            s.low_pct = Some(40.0);
        });
        fine.quotes.push(CampaignQuote {
            creator_id: " c1 ".into(),
            amount: 300.0,
        });
        fine.usd_rate = Some(0.92);
        fine.reach.set(Assumption::InstagramReach, Some(0.2));
        let back = fine.clone().checked();
        assert_eq!(
            back.as_ref().map(|p| p.quotes[0].creator_id.as_str()),
            Ok("c1")
        );
    }

    #[test]
    fn json_round_trip_and_empty_is_not_written() {
        let mut p = Pricing::default();
        assert_eq!(serde_json::to_string(&p).unwrap_or_default(), "{}");
        p.set_term(Term::UsageRights, |s| s.on = true);
        p.set_quote("c1", Some(300.0));
        p.usd_rate = Some(0.92);
        p.reach.set(Assumption::FeedImpressions, Some(2.0));
        let json = serde_json::to_string(&p).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"terms":[{"term":"usage-rights","on":true}],"quotes":[{"creator_id":"c1","amount":300.0}],"usd_rate":0.92,"reach":{"feed_impressions":2.0}}"#
        );
        let back: Result<Pricing, _> = serde_json::from_str(&json);
        assert_eq!(back.ok(), Some(p));
    }
}
