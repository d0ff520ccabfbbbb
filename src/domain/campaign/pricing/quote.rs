//! The creator's quote and how it compares: the quote typed in the campaign beats the price in
//! the creator's record; it is set in US dollars (the estimates' currency) directly, or through
//! the rate the user gives for the campaign's currency; then said in words against an estimate
//! ("the quote is 2.3x the CPM-based estimate").

use crate::campaign::record::{money_in, Campaign};
use crate::creator::record::Creator;
use crate::engine::cost::Span;
use crate::text::format::{money, trimmed};

/// Where a quote came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteSource {
    /// Typed in this campaign (`Pricing::quotes`), in the campaign's currency.
    Campaign,
    /// The price per post in the creator's record (the dossier), in its own currency.
    Creator,
}

/// A creator's quote per post.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub amount: f64,
    /// Upper-case code.
    pub currency: String,
    pub source: QuoteSource,
    /// In US dollars, or why it can't be (a currency without a rate).
    pub usd: Result<f64, String>,
}

impl Quote {
    /// "$300 per post, typed in this campaign" or "€276 per post, from the creator's record
    /// ($300 at 0.92 EUR per US dollar)".
    pub fn label(&self, usd_rate: Option<f64>) -> String {
        let from = match self.source {
            QuoteSource::Campaign => "typed in this campaign",
            QuoteSource::Creator => "from the creator's record",
        };
        let amount = money_in(self.amount, &self.currency);
        match (&self.usd, usd_rate) {
            (Ok(usd), Some(rate)) if self.currency != "USD" => format!(
                "{amount} per post, {from} ({} at {} {} per US dollar)",
                money(Some(*usd), "$"),
                trimmed(rate, 4),
                self.currency
            ),
            _ => format!("{amount} per post, {from}"),
        }
    }
}

fn usable(v: f64) -> bool {
    v.is_finite() && v >= 0.0
}

/// The quote for `creator` in `campaign`, if any.
pub fn quote_for(campaign: &Campaign, creator: &Creator) -> Option<Quote> {
    let typed = campaign
        .pricing
        .quotes
        .iter()
        .find(|q| q.creator_id == creator.id)
        .map(|q| q.amount)
        .filter(|v| usable(*v));
    let (amount, currency, source) = match typed {
        Some(a) => (a, campaign.currency.clone(), QuoteSource::Campaign),
        None => {
            let price = creator.price.filter(|v| usable(*v))?;
            // A record without a currency is in the workspace's; the campaign's is the best
            // stand-in the domain has.
            let cur = creator
                .currency
                .clone()
                .unwrap_or_else(|| campaign.currency.clone());
            (price, cur, QuoteSource::Creator)
        }
    };
    let usd = in_usd(amount, &currency, campaign);
    Some(Quote {
        amount,
        currency,
        source,
        usd,
    })
}

/// `amount` of `currency` in US dollars: as is for USD; through the campaign's rate (units of the
/// campaign's currency per dollar) for the campaign's currency; otherwise not comparable.
fn in_usd(amount: f64, currency: &str, campaign: &Campaign) -> Result<f64, String> {
    if currency == "USD" {
        return Ok(amount);
    }
    if currency != campaign.currency {
        return Err(format!(
            "The quote is in {currency}, neither US dollars (the estimates' currency) nor the campaign's {}: enter it in the campaign to compare.",
            campaign.currency
        ));
    }
    match campaign.pricing.usd_rate.filter(|r| r.is_finite() && *r > 0.0) {
        Some(rate) => Ok(amount / rate),
        None => Err(format!(
            "The quote is in {currency} and the estimates in US dollars: enter how many {currency} one US dollar buys to compare them."
        )),
    }
}

/// "The quote is 2.3x the CPM-based estimate ($130, the midpoint of $65.00–$195) and above that
/// range." `what` names the estimate. The ratio is to the midpoint, the one figure that errs in
/// neither direction; the position says where the quote falls against the whole range.
pub fn compare(quote_usd: f64, estimate: Span, what: &str) -> String {
    let mid = estimate.midpoint();
    let position = if quote_usd < estimate.low {
        "below that range"
    } else if quote_usd > estimate.high {
        "above that range"
    } else {
        "within that range"
    };
    let range = estimate.label("$");
    let mid_label = money(Some(mid), "$");
    if mid.is_nan() || mid <= 0.0 {
        return format!("The quote can't be set against {what} ({range}), which is zero.");
    }
    let ratio = quote_usd / mid;
    let places = if ratio < 1.0 { 2 } else { 1 };
    format!(
        "The quote is {}x {what} ({mid_label}, the midpoint of {range}) and {position}.",
        trimmed(ratio, places)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::pricing::CampaignQuote;
    use crate::testing::check_cases;

    #[test]
    fn comparisons_in_words() {
        let span = Span {
            low: 65.0,
            high: 195.0,
        };
        // (quote, sentence)
        let cases = [
            (299.0, "The quote is 2.3x the CPM-based estimate ($130.00, the midpoint of $65.00–$195.00) and above that range."),
            (130.0, "The quote is 1x the CPM-based estimate ($130.00, the midpoint of $65.00–$195.00) and within that range."),
            (195.0, "The quote is 1.5x the CPM-based estimate ($130.00, the midpoint of $65.00–$195.00) and within that range."),
            (26.0, "The quote is 0.2x the CPM-based estimate ($130.00, the midpoint of $65.00–$195.00) and below that range."),
            (58.5, "The quote is 0.45x the CPM-based estimate ($130.00, the midpoint of $65.00–$195.00) and below that range."),
        ];
        check_cases(cases, |quote| {
            compare(quote, span, "the CPM-based estimate")
        });
        assert_eq!(
            compare(10.0, Span::exact(0.0), "the CPM-based estimate"),
            "The quote can't be set against the CPM-based estimate ($0.00), which is zero."
        );
    }

    #[test]
    fn which_quote_and_in_which_currency() {
        let mut ann = Creator::new("c1".into(), "Ann", 0.0);
        ann.price = Some(276.0);
        let mut k = Campaign::new("k".into(), "K", 0.0);
        k.currency = "EUR".into();
        // The record's price, in the campaign's currency (none on the record), no rate yet.
        let q = quote_for(&k, &ann);
        assert_eq!(q.as_ref().map(|q| q.source), Some(QuoteSource::Creator));
        assert_eq!(
            q.map(|q| q.usd),
            Some(Err("The quote is in EUR and the estimates in US dollars: enter how many EUR one US dollar buys to compare them.".to_string()))
        );
        // With a rate: 276 EUR at 0.92 EUR per dollar = $300.
        k.pricing.usd_rate = Some(0.92);
        let q = quote_for(&k, &ann);
        assert!(q
            .as_ref()
            .is_some_and(|q| q.usd.as_ref().is_ok_and(|u| (u - 300.0).abs() < 1e-9)));
        assert_eq!(
            q.map(|q| q.label(Some(0.92))).as_deref(),
            Some("€276.00 per post, from the creator's record ($300.00 at 0.92 EUR per US dollar)")
        );
        // A quote typed in the campaign beats the record.
        k.pricing.quotes.push(CampaignQuote {
            creator_id: "c1".into(),
            amount: 460.0,
        });
        let q = quote_for(&k, &ann);
        assert_eq!(
            q.as_ref().map(|q| (q.amount, q.source)),
            Some((460.0, QuoteSource::Campaign))
        );
        // A record in a third currency can't be compared.
        k.pricing.quotes.clear();
        ann.currency = Some("GBP".into());
        assert_eq!(
            quote_for(&k, &ann).map(|q| q.usd),
            Some(Err("The quote is in GBP, neither US dollars (the estimates' currency) nor the campaign's EUR: enter it in the campaign to compare.".to_string()))
        );
        ann.price = None;
        assert_eq!(quote_for(&k, &ann), None);
        ann.price = Some(f64::NAN);
        assert_eq!(quote_for(&k, &ann), None);
    }
}
