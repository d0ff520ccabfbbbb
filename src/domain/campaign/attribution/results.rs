//! Results in money per creator and for the campaign (DOMAIN.md "Attribution"): orders, revenue
//! (order totals after refunds), AOV = revenue ÷ orders, ROAS = revenue ÷ spend, CPA = spend ÷
//! orders. Spend is the creator's agreed price (the price per post entered on the creator, one
//! post each, as the budget plan counts it), converted with a typed rate when the creator is paid
//! in another currency; a creator without one has no ROAS or CPA, and says why.

use crate::campaign::record::Campaign;
use crate::creator::record::Creator;

use super::attribute::{attribute, Attributed};

/// What a creator costs the campaign.
#[derive(Debug, Clone, PartialEq)]
pub enum Spend {
    /// The price entered on the creator, in the campaign's currency.
    Agreed(f64),
    /// The price in the creator's currency, times the rate the user typed.
    Converted {
        amount: f64,
        price: f64,
        currency: String,
        rate: f64,
    },
    /// Why there is none.
    Unknown(String),
}

impl Spend {
    pub fn amount(&self) -> Option<f64> {
        match self {
            Spend::Agreed(a) | Spend::Converted { amount: a, .. } => Some(*a),
            Spend::Unknown(_) => None,
        }
    }
}

/// One creator's results.
#[derive(Debug, Clone, PartialEq)]
pub struct CreatorResult {
    pub creator_id: String,
    pub name: String,
    pub code: String,
    pub orders: usize,
    pub revenue: f64,
    pub refunds: f64,
    pub aov: Option<f64>,
    pub spend: Spend,
    pub roas: Option<f64>,
    pub cpa: Option<f64>,
}

/// The campaign's totals. ROAS and CPA are over the creators with a known spend.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CampaignTotals {
    pub orders: usize,
    pub revenue: f64,
    pub aov: Option<f64>,
    /// Spend of the creators whose spend is known.
    pub spend: f64,
    /// Creators (with a code) whose spend is unknown: left out of ROAS and CPA.
    pub spend_unknown: usize,
    pub roas: Option<f64>,
    pub cpa: Option<f64>,
}

/// Everything the results view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    pub currency: String,
    pub creators: Vec<CreatorResult>,
    pub total: CampaignTotals,
    pub attributed: Attributed,
}

fn ratio(a: f64, b: f64) -> Option<f64> {
    (b > 0.0).then(|| a / b).filter(|v| v.is_finite())
}

fn spend_of(campaign: &Campaign, c: &Creator) -> Spend {
    let Some(price) = c.price.filter(|p| p.is_finite() && *p >= 0.0) else {
        return Spend::Unknown(
            "no agreed price: enter the price per post on the creator (shortlist editor)."
                .to_string(),
        );
    };
    let currency = c.currency.as_deref().unwrap_or(&campaign.currency);
    if currency == campaign.currency {
        return Spend::Agreed(price);
    }
    match campaign.attribution.rate_of(currency) {
        Some(rate) => Spend::Converted {
            amount: price * rate,
            price,
            currency: currency.to_string(),
            rate,
        },
        None => Spend::Unknown(format!(
            "the price is in {currency} and the campaign in {}; type a rate for {currency} below.",
            campaign.currency
        )),
    }
}

/// The campaign's results: one row per creator of the campaign found on the shortlist, in the
/// campaign's order, and the totals.
pub fn results(campaign: &Campaign, creators: &[Creator]) -> Results {
    let attributed = attribute(campaign);
    let (members, _) = campaign.members(creators);
    let mut rows = Vec::with_capacity(members.len());
    let mut total = CampaignTotals::default();
    let (mut known_revenue, mut known_orders) = (0.0, 0usize);
    for m in members {
        let sums = attributed
            .per_creator
            .get(&m.id)
            .cloned()
            .unwrap_or_default();
        let spend = spend_of(campaign, m);
        let code = campaign.attribution.code_of(&m.id).to_string();
        total.orders += sums.orders;
        total.revenue += sums.revenue;
        match spend.amount() {
            Some(s) => {
                total.spend += s;
                known_revenue += sums.revenue;
                known_orders += sums.orders;
            }
            None if !code.is_empty() => total.spend_unknown += 1,
            None => {}
        }
        rows.push(CreatorResult {
            creator_id: m.id.clone(),
            name: m.name.clone(),
            code,
            orders: sums.orders,
            revenue: sums.revenue,
            refunds: sums.refunds,
            aov: ratio(sums.revenue, sums.orders as f64),
            roas: spend.amount().and_then(|s| ratio(sums.revenue, s)),
            cpa: spend.amount().and_then(|s| ratio(s, sums.orders as f64)),
            spend,
        });
    }
    total.aov = ratio(total.revenue, total.orders as f64);
    total.roas = ratio(known_revenue, total.spend);
    total.cpa = ratio(total.spend, known_orders as f64);
    Results {
        currency: campaign.currency.clone(),
        creators: rows,
        total,
        attributed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::attribution::{CreatorCode, OrdersFile, StoredOrder};
    use crate::text::date::Date;

    fn setup() -> (Campaign, Vec<Creator>) {
        let mut c = Campaign::new("k".into(), "Spring", 0.0);
        c.currency = "USD".into();
        c.creators = vec!["ann".into(), "bo".into(), "cy".into()];
        for (id, code) in [("ann", "ANN15"), ("bo", "BO15"), ("cy", "CY15")] {
            c.attribution
                .creators
                .insert(id.into(), CreatorCode::new(code));
        }
        let day = Date::new(2025, 3, 2).unwrap_or_default();
        let order = |k: &str, code: &str, total: f64| StoredOrder {
            key: k.into(),
            code: code.into(),
            date: day,
            total,
            ..StoredOrder::default()
        };
        c.attribution.files.push(OrdersFile {
            name: "o.csv".into(),
            matched: vec![
                order("#1", "ANN15", 120.0),
                order("#2", "ANN15", 80.0),
                order("#3", "ANN15", 100.0),
                order("#4", "BO15", 50.0),
            ],
            ..OrdersFile::default()
        });
        let mut ann = Creator::new("ann".into(), "Ann", 0.0);
        ann.price = Some(150.0);
        let mut bo = Creator::new("bo".into(), "Bo", 0.0);
        bo.price = Some(100.0);
        bo.currency = Some("EUR".into());
        let cy = Creator::new("cy".into(), "Cy", 0.0);
        (c, vec![ann, bo, cy])
    }

    /// Hand-computed: Ann 3 orders, $300, AOV $100, spend $150, ROAS 2, CPA $50.
    #[test]
    fn per_creator_and_campaign() {
        let (mut c, creators) = setup();
        let r = results(&c, &creators);
        let ann = &r.creators[0];
        assert_eq!(
            (ann.orders, ann.revenue, ann.aov, ann.roas, ann.cpa),
            (3, 300.0, Some(100.0), Some(2.0), Some(50.0))
        );
        let bo = &r.creators[1];
        assert_eq!((bo.orders, bo.revenue, bo.roas), (1, 50.0, None));
        assert!(matches!(&bo.spend, Spend::Unknown(m) if m.contains("type a rate for EUR")));
        let cy = &r.creators[2];
        assert_eq!((cy.orders, cy.aov, cy.cpa), (0, None, None));
        assert!(matches!(&cy.spend, Spend::Unknown(m) if m.starts_with("no agreed price")));
        // Totals: ROAS and CPA only over creators whose spend is known (Ann).
        assert_eq!(
            (
                r.total.orders,
                r.total.revenue,
                r.total.spend,
                r.total.spend_unknown
            ),
            (4, 350.0, 150.0, 2)
        );
        assert_eq!((r.total.roas, r.total.cpa), (Some(2.0), Some(50.0)));
        assert_eq!(r.total.aov, Some(87.5));
        // With a rate Bo's €100 is $110: ROAS 50 / 110.
        c.attribution.set_rate("EUR", Some(1.1));
        let r = results(&c, &creators);
        let bo = &r.creators[1];
        assert_eq!(
            bo.spend.amount().map(|s| (s * 100.0).round()),
            Some(11_000.0)
        );
        assert_eq!(bo.roas.map(|x| (x * 1000.0).round()), Some(455.0));
        assert_eq!(r.total.roas.map(|x| (x * 1000.0).round()), Some(1346.0));
    }
}
