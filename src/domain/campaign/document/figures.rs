//! One creator's figures as both documents quote them: platform, followers, tier, engagement rate
//! with its basis, the benchmark sentence and the price, each "n/a" with a reason when unknown.

use crate::campaign::record::money_in;
use crate::creator::record::Creator;
use crate::engine::analysis::analyze_creator;
use crate::engine::benchmark::Scope;
use crate::engine::engagement::Formula;
use crate::text::format::{group_thousands, percent};

/// One creator's figures under `formula`, with formula and source.
pub struct Figures {
    pub platform: String,
    pub followers: String,
    pub tier: String,
    pub rate: String,
    /// Where the rate comes from, or why it is n/a.
    pub basis: String,
    /// "8.2% vs 8.5% TikTok micro benchmark (CreatorDB, 2026): in line", or why there is none.
    pub benchmark: String,
    pub posts: usize,
    pub price: String,
}

pub fn figures(c: &Creator, formula: Formula, currency: &str) -> Figures {
    let followers = c.followers.map_or("n/a".to_string(), group_thousands);
    let tier = c.tier().map_or("n/a".to_string(), |t| t.name().to_string());
    let (Some(platform), Some(a)) = (c.platform, analyze_creator(c, formula)) else {
        return Figures {
            platform: "n/a".into(),
            followers,
            tier,
            rate: "n/a".into(),
            basis: "no platform entered".into(),
            benchmark: "no platform entered".into(),
            posts: 0,
            price: entered_price(c, currency).unwrap_or_else(|| "n/a".into()),
        };
    };
    let (rate, basis) = match (a.engagement.rate, a.engagement.undefined) {
        (Some(r), _) => (
            percent(Some(r), 1),
            "averages entered from recent posts".to_string(),
        ),
        (None, why) => (
            "n/a".to_string(),
            why.map_or("n/a", |w| w.message()).to_string(),
        ),
    };
    let benchmark = match &a.benchmarks {
        Ok(list) => list
            .iter()
            .find(|b| b.benchmark.scope() == Scope::Tier)
            .or(list.first())
            .map_or("no benchmark".to_string(), |b| b.sentence()),
        Err(e) => e.to_string(),
    };
    // The published ranges are in dollars; the creator's own price is in their currency.
    let price = match (entered_price(c, currency), &a.cost) {
        (Some(p), _) => p,
        (None, Ok(cost)) => cost.price_label(),
        (None, Err(e)) => e.to_string(),
    };
    Figures {
        platform: platform.name().to_string(),
        followers,
        tier,
        rate,
        basis,
        benchmark,
        posts: a.engagement.posts,
        price,
    }
}

/// "€250.00 per post (your price)" in the creator's currency, or the campaign's.
fn entered_price(c: &Creator, currency: &str) -> Option<String> {
    let p = c.price.filter(|p| p.is_finite() && *p >= 0.0)?;
    let cur = c.currency.as_deref().unwrap_or(currency);
    Some(format!("{} per post (your price)", money_in(p, cur)))
}
