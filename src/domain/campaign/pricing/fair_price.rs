//! A fair price range per creator, two ways, each times the ticked deal terms:
//!
//! - from the price table (tier × platform, DOMAIN.md §3: `engine::cost::PRICE_TABLE`);
//! - from the CPM ranges (§3: `engine::cost::CPM_TABLE`, 2023): price = audience × CPM ÷ 1,000,
//!   where the audience is the average views for YouTube and TikTok and the reach for Instagram
//!   (HypeAuditor's CPM convention, §9; the reach from the creator's insights, else the editable
//!   share of followers in `reach`).
//!
//! Both are in US dollars, as the tables are. Then the creator's quote is set against them in
//! words (`quote`).

use crate::campaign::pricing::quote::{compare, quote_for, Quote};
use crate::campaign::pricing::reach::{feed_reach, ReachAssumptions};
use crate::campaign::pricing::terms::Uplift;
use crate::campaign::record::Campaign;
use crate::creator::platform::Platform;
use crate::creator::record::Creator;
use crate::engine::cost::{cpm_range, price_range, Span};
use crate::text::format::{group_thousands, money};

/// One way of estimating the price of a post, in US dollars.
#[derive(Debug, Clone, PartialEq)]
pub struct Estimate {
    /// Before the deal terms.
    pub base: Span,
    /// With the ticked deal terms (equal to `base` when none are ticked).
    pub with_terms: Span,
    /// How `base` was found, with its inputs, source and year.
    pub formula: String,
}

/// A creator's price check.
#[derive(Debug, Clone, PartialEq)]
pub struct FairPrice {
    pub creator_id: String,
    pub name: String,
    /// The table estimate, or why there is none.
    pub table: Result<Estimate, String>,
    /// The CPM-based estimate, or why there is none.
    pub cpm: Result<Estimate, String>,
    pub quote: Option<Quote>,
    /// The quote against both estimates, in words; empty without a quote.
    pub comparison: Vec<String>,
}

fn usd(v: f64) -> String {
    money(Some(v), "$")
}

/// "$100.00–$500.00".
pub fn usd_span(s: Span) -> String {
    s.label("$")
}

/// The price-table range for the creator's platform and tier.
pub fn table_estimate(creator: &Creator, uplift: &Uplift) -> Result<Estimate, String> {
    let platform = creator
        .platform
        .ok_or("Set the creator's platform for an estimate.")?;
    let tier = creator
        .tier()
        .ok_or("Enter the follower count for a price-table estimate.")?;
    let range = price_range(platform, tier).map_err(|e| e.to_string())?;
    let base = Span {
        low: range.low,
        high: range.high,
    };
    Ok(Estimate {
        base,
        with_terms: uplift.apply(base),
        formula: format!(
            "price table: {} per post for {} {} creators ({})",
            usd_span(base),
            platform.name(),
            tier.name().to_lowercase(),
            range.citation()
        ),
    })
}

/// Price = audience × CPM ÷ 1,000 at both ends of the platform's CPM range.
pub fn cpm_estimate(
    creator: &Creator,
    uplift: &Uplift,
    assumptions: &ReachAssumptions,
) -> Result<Estimate, String> {
    let platform = creator
        .platform
        .ok_or("Set the creator's platform for an estimate.")?;
    let (audience, basis, convention) = match platform {
        Platform::Instagram => {
            let (reach, basis) = feed_reach(creator, assumptions).ok_or(
                "Enter the follower count (or a post's reach from the creator's insights) for a CPM-based estimate.",
            )?;
            (reach, basis, "Instagram CPM is on reach (HypeAuditor)")
        }
        Platform::TikTok | Platform::YouTube => {
            let views = creator
                .metrics
                .views
                .filter(|v| v.is_finite() && *v >= 0.0)
                .ok_or("Enter the creator's average views per post for a CPM-based estimate.")?;
            let basis = format!("{} average views", group_thousands(views.round() as u64));
            (
                views,
                basis,
                "YouTube and TikTok CPM is on views (HypeAuditor)",
            )
        }
    };
    let cpm = cpm_range(platform);
    let base = Span {
        low: audience * cpm.low / 1000.0,
        high: audience * cpm.high / 1000.0,
    };
    Ok(Estimate {
        base,
        with_terms: uplift.apply(base),
        formula: format!(
            "CPM-based: {basis} × CPM {}–{} ÷ 1,000 = {} per post ({} CPM range, {} {}; {convention})",
            usd(cpm.low),
            usd(cpm.high),
            usd_span(base),
            platform.name(),
            cpm.source,
            cpm.year,
        ),
    })
}

/// The price check of one creator in `campaign`.
pub fn fair_price(campaign: &Campaign, creator: &Creator) -> FairPrice {
    let uplift = Uplift::of(&campaign.pricing.terms);
    let table = table_estimate(creator, &uplift);
    let cpm = cpm_estimate(creator, &uplift, &campaign.pricing.reach);
    let quote = quote_for(campaign, creator);
    let mut comparison = Vec::new();
    if let Some(q) = &quote {
        match q.usd {
            Ok(amount) => {
                if let Ok(e) = &cpm {
                    comparison.push(compare(amount, e.with_terms, "the CPM-based estimate"));
                }
                if let Ok(e) = &table {
                    comparison.push(compare(amount, e.with_terms, "the price-table estimate"));
                }
            }
            Err(ref why) => comparison.push(why.clone()),
        }
    }
    FairPrice {
        creator_id: creator.id.clone(),
        name: creator.name.clone(),
        table,
        cpm,
        quote,
        comparison,
    }
}

/// The plan's totals, one post per creator, in US dollars.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanPrice {
    pub rows: Vec<FairPrice>,
    /// Sum of the table estimates with the terms, and how many creators have one.
    pub table: Option<Span>,
    pub table_count: usize,
    pub cpm: Option<Span>,
    pub cpm_count: usize,
    /// Sum of the quotes that could be set in dollars, and how many.
    pub quotes: Option<f64>,
    pub quote_count: usize,
}

fn sum(spans: &[Span]) -> Option<Span> {
    (!spans.is_empty()).then(|| Span {
        low: spans.iter().map(|s| s.low).sum(),
        high: spans.iter().map(|s| s.high).sum(),
    })
}

/// Every creator of the campaign found in `creators`, in campaign order, and the totals.
pub fn plan_price(campaign: &Campaign, creators: &[Creator]) -> PlanPrice {
    let (members, _) = campaign.members(creators);
    let rows: Vec<FairPrice> = members
        .into_iter()
        .map(|c| fair_price(campaign, c))
        .collect();
    let tables: Vec<Span> = rows
        .iter()
        .filter_map(|r| r.table.as_ref().ok().map(|e| e.with_terms))
        .collect();
    let cpms: Vec<Span> = rows
        .iter()
        .filter_map(|r| r.cpm.as_ref().ok().map(|e| e.with_terms))
        .collect();
    let quotes: Vec<f64> = rows
        .iter()
        .filter_map(|r| r.quote.as_ref().and_then(|q| q.usd.clone().ok()))
        .collect();
    PlanPrice {
        table: sum(&tables),
        table_count: tables.len(),
        cpm: sum(&cpms),
        cpm_count: cpms.len(),
        quotes: (!quotes.is_empty()).then(|| quotes.iter().sum()),
        quote_count: quotes.len(),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::pricing::terms::{Term, TermSetting};
    use crate::testing::check_cases;

    fn creator(platform: Platform, followers: u64, views: Option<f64>) -> Creator {
        let mut c = Creator::new("c1".into(), "Ann", 0.0);
        c.platform = Some(platform);
        c.followers = Some(followers);
        c.metrics.views = views;
        c
    }

    fn near(s: Span, low: f64, high: f64) -> bool {
        (s.low - low).abs() < 1e-9 && (s.high - high).abs() < 1e-9
    }

    #[test]
    fn hand_computed_ranges() {
        let none = Uplift::of(&[]);
        let usage = Uplift::of(&[TermSetting {
            term: Term::UsageRights,
            on: true,
            ..TermSetting::default()
        }]);
        let a = ReachAssumptions::default();
        // (creator, uplift, table base, table with terms, cpm base, cpm with terms)
        let cases = [
            // TikTok micro: table $25–125; CPM: 130,000 × $5–15 ÷ 1,000 = $650–1,950.
            (
                creator(Platform::TikTok, 45_000, Some(130_000.0)),
                &none,
                (25.0, 125.0),
                (25.0, 125.0),
                (650.0, 1_950.0),
                (650.0, 1_950.0),
            ),
            // With usage rights (+50–200%): low × 1.5, high × 3.
            (
                creator(Platform::TikTok, 45_000, Some(130_000.0)),
                &usage,
                (25.0, 125.0),
                (37.5, 375.0),
                (650.0, 1_950.0),
                (975.0, 5_850.0),
            ),
            // Instagram micro: table $100–500; reach 45,000 × 15% = 6,750; × $5–15 ÷ 1,000 = $33.75–101.25.
            (
                creator(Platform::Instagram, 45_000, Some(1_000_000.0)),
                &none,
                (100.0, 500.0),
                (100.0, 500.0),
                (33.75, 101.25),
                (33.75, 101.25),
            ),
            // YouTube nano: table $20–200; 8,000 views × $15–30 ÷ 1,000 = $120–240.
            (
                creator(Platform::YouTube, 5_000, Some(8_000.0)),
                &usage,
                (20.0, 200.0),
                (30.0, 600.0),
                (120.0, 240.0),
                (180.0, 720.0),
            ),
        ];
        for (c, uplift, tb, tw, cb, cw) in cases {
            let t = table_estimate(&c, uplift);
            let m = cpm_estimate(&c, uplift, &a);
            assert!(
                t.as_ref()
                    .is_ok_and(|e| near(e.base, tb.0, tb.1) && near(e.with_terms, tw.0, tw.1)),
                "{t:?}"
            );
            assert!(
                m.as_ref()
                    .is_ok_and(|e| near(e.base, cb.0, cb.1) && near(e.with_terms, cw.0, cw.1)),
                "{m:?}"
            );
        }
    }

    #[test]
    fn formulas_cite_source_and_year() {
        let none = Uplift::of(&[]);
        let a = ReachAssumptions::default();
        let tt = creator(Platform::TikTok, 45_000, Some(130_000.0));
        assert_eq!(
            table_estimate(&tt, &none).map(|e| e.formula),
            Ok("price table: $25.00–$125.00 per post for TikTok micro creators (pricing guide, 2023)".to_string())
        );
        assert_eq!(
            cpm_estimate(&tt, &none, &a).map(|e| e.formula),
            Ok("CPM-based: 130,000 average views × CPM $5.00–$15.00 ÷ 1,000 = $650.00–$1,950 per post (TikTok CPM range, quoted CPM ranges 2023; YouTube and TikTok CPM is on views (HypeAuditor))".to_string())
        );
        let ig = creator(Platform::Instagram, 45_000, None);
        assert_eq!(
            cpm_estimate(&ig, &none, &a).map(|e| e.formula),
            Ok("CPM-based: reach ≈ 45,000 followers × 15% (LoudCrowd, vendor baseline (no year published; current in 2026)) = 6,750 × CPM $5.00–$15.00 ÷ 1,000 = $33.75–$101.25 per post (Instagram CPM range, quoted CPM ranges 2023; Instagram CPM is on reach (HypeAuditor))".to_string())
        );
    }

    #[test]
    fn no_estimate_says_why() {
        let none = Uplift::of(&[]);
        let a = ReachAssumptions::default();
        let mut no_platform = creator(Platform::TikTok, 45_000, None);
        no_platform.platform = None;
        let mega = creator(Platform::Instagram, 2_000_000, None);
        let mut no_followers = creator(Platform::Instagram, 1, None);
        no_followers.followers = None;
        // The reason each estimate gives (an estimate given would fail with "").
        let platform = "Set the creator's platform for an estimate.";
        check_cases(
            [
                (&no_platform, platform),
                (&mega, "No published price range for Instagram mega creators; enter the price you were quoted."),
                (&no_followers, "Enter the follower count for a price-table estimate."),
            ],
            |c| table_estimate(c, &none).err().unwrap_or_default(),
        );
        let youtube = creator(Platform::YouTube, 5_000, None);
        check_cases(
            [
                (&no_platform, platform),
                (&no_followers, "Enter the follower count (or a post's reach from the creator's insights) for a CPM-based estimate."),
                (&youtube, "Enter the creator's average views per post for a CPM-based estimate."),
            ],
            |c| cpm_estimate(c, &none, &a).err().unwrap_or_default(),
        );
    }

    #[test]
    fn the_plan_adds_the_creators_up() {
        let mut k = Campaign::new("k".into(), "K", 0.0);
        let mut ann = creator(Platform::TikTok, 45_000, Some(130_000.0));
        ann.price = Some(300.0);
        let mut bo = creator(Platform::YouTube, 5_000, Some(8_000.0));
        bo.id = "c2".into();
        bo.name = "Bo".into();
        k.creators = vec!["c1".into(), "c2".into()];
        let p = plan_price(&k, &[ann, bo]);
        assert_eq!((p.table_count, p.cpm_count, p.quote_count), (2, 2, 1));
        assert!(p.table.is_some_and(|s| near(s, 45.0, 325.0)));
        assert!(p.cpm.is_some_and(|s| near(s, 770.0, 2_190.0)));
        assert_eq!(p.quotes, Some(300.0));
        assert_eq!(
            p.rows[0].comparison,
            vec![
                "The quote is 0.23x the CPM-based estimate ($1,300, the midpoint of $650.00–$1,950) and below that range.".to_string(),
                "The quote is 4x the price-table estimate ($75.00, the midpoint of $25.00–$125.00) and above that range.".to_string(),
            ]
        );
        assert!(p.rows[1].comparison.is_empty());
    }
}
