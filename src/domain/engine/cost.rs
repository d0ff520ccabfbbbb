//! Cost per post and what it buys (DOMAIN.md §3): CPM, CPV, CPE from the user's price or from a
//! published price range, and earned media value (EMV) from a published CPM.
//!
//! The tables are in US dollars. A price the user enters always beats the tables.

use thiserror::Error;

use crate::creator::platform::Platform;
use crate::creator::tier::Tier;
use crate::engine::engagement::ratio;
use crate::text::format::money;

/// A published price range per post for a platform and tier, in US dollars.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PriceRange {
    pub platform: Platform,
    pub tier: Tier,
    pub low: f64,
    pub high: f64,
    pub source: &'static str,
    pub year: u16,
    pub approximate_year: bool,
    pub note: &'static str,
}

impl PriceRange {
    pub fn citation(&self) -> String {
        let approx = if self.approximate_year { "~" } else { "" };
        format!("{}, {approx}{}", self.source, self.year)
    }
}

const IG_GUIDES: &str = "industry pricing guides";
const GUIDE: &str = "pricing guide";

/// Price per post by platform and tier. No row for below-nano accounts (usually paid in product)
/// nor for mega accounts (quoted only as "six-figure fees").
pub static PRICE_TABLE: [PriceRange; 9] = [
    PriceRange { platform: Platform::Instagram, tier: Tier::Nano, low: 10.0, high: 100.0, source: IG_GUIDES, year: 2022, approximate_year: true, note: "" },
    PriceRange { platform: Platform::Instagram, tier: Tier::Micro, low: 100.0, high: 500.0, source: IG_GUIDES, year: 2022, approximate_year: true, note: "" },
    PriceRange {
        platform: Platform::Instagram,
        tier: Tier::Macro,
        low: 5_000.0,
        high: 10_000.0,
        source: IG_GUIDES,
        year: 2022,
        approximate_year: true,
        note: "Guides also quote $500–$5K for a \"mid-tier\" between micro and macro; accounts near 100K followers may cost that instead.",
    },
    PriceRange { platform: Platform::TikTok, tier: Tier::Nano, low: 5.0, high: 25.0, source: GUIDE, year: 2023, approximate_year: false, note: "" },
    PriceRange { platform: Platform::TikTok, tier: Tier::Micro, low: 25.0, high: 125.0, source: GUIDE, year: 2023, approximate_year: false, note: "" },
    PriceRange { platform: Platform::TikTok, tier: Tier::Macro, low: 125.0, high: 2_500.0, source: GUIDE, year: 2023, approximate_year: false, note: "" },
    PriceRange { platform: Platform::YouTube, tier: Tier::Nano, low: 20.0, high: 200.0, source: GUIDE, year: 2023, approximate_year: false, note: "" },
    PriceRange { platform: Platform::YouTube, tier: Tier::Micro, low: 200.0, high: 1_000.0, source: GUIDE, year: 2023, approximate_year: false, note: "" },
    PriceRange { platform: Platform::YouTube, tier: Tier::Macro, low: 1_000.0, high: 20_000.0, source: GUIDE, year: 2023, approximate_year: false, note: "" },
];

/// Why no price could be estimated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum NoPrice {
    #[error("No published price range for {} {} creators; enter the price you were quoted.", .platform.name(), .tier.name().to_lowercase())]
    NoRange { platform: Platform, tier: Tier },
    #[error("Enter the price you were quoted, or the follower count for an estimate.")]
    TierUnknown,
}

/// The price range for a platform and tier. Total: never panics.
pub fn price_range(platform: Platform, tier: Tier) -> Result<&'static PriceRange, NoPrice> {
    PRICE_TABLE
        .iter()
        .find(|r| r.platform == platform && r.tier == tier)
        .ok_or(NoPrice::NoRange { platform, tier })
}

/// A low–high pair; both ends equal for a price the user entered.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    pub low: f64,
    pub high: f64,
}

impl Span {
    pub fn exact(v: f64) -> Span {
        Span { low: v, high: v }
    }

    pub fn is_exact(&self) -> bool {
        self.low == self.high
    }

    pub fn midpoint(&self) -> f64 {
        self.low / 2.0 + self.high / 2.0
    }

    /// "$4.50" or "$25.00–$125.00".
    pub fn label(&self, symbol: &str) -> String {
        if self.is_exact() {
            money(Some(self.low), symbol)
        } else {
            format!(
                "{}–{}",
                money(Some(self.low), symbol),
                money(Some(self.high), symbol)
            )
        }
    }

    /// `self ÷ by × scale` at both ends; `None` when `by` is zero or not given.
    fn per(self, by: Option<f64>, scale: f64) -> Option<Span> {
        let by = by?;
        Some(Span {
            low: ratio(self.low * scale, by)?,
            high: ratio(self.high * scale, by)?,
        })
    }
}

/// Where the price came from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PriceBasis {
    /// The user's own price.
    Entered,
    /// A published range: an estimate, labelled as such.
    Estimated(&'static PriceRange),
}

/// Cost per post and per result. A rate is `None` ("n/a") when views or interactions are unknown or 0.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cost {
    pub basis: PriceBasis,
    pub price: Span,
    /// Cost per 1,000 views.
    pub cpm: Option<Span>,
    /// Cost per view.
    pub cpv: Option<Span>,
    /// Cost per interaction.
    pub cpe: Option<Span>,
}

impl Cost {
    pub fn is_estimate(&self) -> bool {
        matches!(self.basis, PriceBasis::Estimated(_))
    }

    /// "$250.00 per post (your price)" or "estimate: $25.00–$125.00 per post for TikTok micro
    /// (pricing guide, 2023)".
    pub fn price_label(&self) -> String {
        match self.basis {
            PriceBasis::Entered => format!("{} per post (your price)", self.price.label("$")),
            PriceBasis::Estimated(r) => format!(
                "estimate: {} per post for {} {} ({})",
                self.price.label("$"),
                r.platform.name(),
                r.tier.name().to_lowercase(),
                r.citation()
            ),
        }
    }
}

/// Cost metrics per post. `price` is the user's price (a non-finite or negative value counts as not
/// entered); without one, the published range for the tier is used. `views` and `interactions`
/// are per post.
pub fn cost(
    price: Option<f64>,
    platform: Platform,
    tier: Option<Tier>,
    views: Option<f64>,
    interactions: Option<f64>,
) -> Result<Cost, NoPrice> {
    let entered = price.filter(|p| p.is_finite() && *p >= 0.0);
    let (basis, price) = match entered {
        Some(p) => (PriceBasis::Entered, Span::exact(p)),
        None => {
            let range = price_range(platform, tier.ok_or(NoPrice::TierUnknown)?)?;
            (
                PriceBasis::Estimated(range),
                Span {
                    low: range.low,
                    high: range.high,
                },
            )
        }
    };
    let views = views.filter(|v| v.is_finite());
    let interactions = interactions.filter(|v| v.is_finite());
    Ok(Cost {
        basis,
        price,
        cpm: price.per(views, 1000.0),
        cpv: price.per(views, 1.0),
        cpe: price.per(interactions, 1.0),
    })
}

/// A published CPM range for a platform, in US dollars.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CpmRange {
    pub platform: Platform,
    pub low: f64,
    pub high: f64,
    pub source: &'static str,
    pub year: u16,
}

impl CpmRange {
    /// The CPM EMV uses: the midpoint, because the source gives only a range and the midpoint
    /// errs in neither direction (a flat $6.50, which some vendors use, sits below every range).
    pub fn used(&self) -> f64 {
        self.low / 2.0 + self.high / 2.0
    }
}

pub static CPM_TABLE: [CpmRange; 3] = [
    CpmRange {
        platform: Platform::TikTok,
        low: 5.0,
        high: 15.0,
        source: "quoted CPM ranges",
        year: 2023,
    },
    CpmRange {
        platform: Platform::YouTube,
        low: 15.0,
        high: 30.0,
        source: "quoted CPM ranges",
        year: 2023,
    },
    CpmRange {
        platform: Platform::Instagram,
        low: 5.0,
        high: 15.0,
        source: "quoted CPM ranges",
        year: 2023,
    },
];

/// The CPM range of a platform (every platform has one).
pub fn cpm_range(platform: Platform) -> &'static CpmRange {
    match platform {
        Platform::TikTok => &CPM_TABLE[0],
        Platform::YouTube => &CPM_TABLE[1],
        Platform::Instagram => &CPM_TABLE[2],
    }
}

/// Earned media value of one post: what its views would cost as ads. EMV = views × CPM ÷ 1,000
/// (Upfluence's form; vendors vary).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Emv {
    pub views: f64,
    pub cpm: &'static CpmRange,
    /// The CPM the headline value uses (`cpm.used()`).
    pub cpm_used: f64,
    pub value: f64,
    /// Values at the low and high ends of the CPM range.
    pub range: Span,
}

impl Emv {
    /// "EMV = views × CPM ÷ 1,000 with CPM $10.00, the midpoint of $5.00–$15.00 for TikTok (quoted CPM ranges, 2023)".
    pub fn explanation(&self) -> String {
        format!(
            "EMV = views × CPM ÷ 1,000 with CPM {}, the midpoint of {}–{} for {} ({}, {})",
            money(Some(self.cpm_used), "$"),
            money(Some(self.cpm.low), "$"),
            money(Some(self.cpm.high), "$"),
            self.cpm.platform.name(),
            self.cpm.source,
            self.cpm.year
        )
    }
}

/// EMV of a post with `views` views; `None` when views are unknown.
pub fn emv(platform: Platform, views: Option<f64>) -> Option<Emv> {
    let views = views.filter(|v| v.is_finite() && *v >= 0.0)?;
    let cpm = cpm_range(platform);
    let at = |c: f64| Some(views * c / 1000.0).filter(|v| v.is_finite());
    Some(Emv {
        views,
        cpm,
        cpm_used: cpm.used(),
        value: at(cpm.used())?,
        range: Span {
            low: at(cpm.low)?,
            high: at(cpm.high)?,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9 * b.abs().max(1.0))
    }

    #[test]
    fn entered_price() {
        // (price, views, interactions, cpm, cpv, cpe)
        let cases = [
            (
                250.0,
                130_000.0,
                11_050.0,
                250.0 / 130.0,
                250.0 / 130_000.0,
                250.0 / 11_050.0,
            ),
            (100.0, 10_000.0, 500.0, 10.0, 0.01, 0.2),
            (0.0, 10_000.0, 500.0, 0.0, 0.0, 0.0),
        ];
        for (price, views, inter, cpm, cpv, cpe) in cases {
            let c = cost(
                Some(price),
                Platform::TikTok,
                None,
                Some(views),
                Some(inter),
            );
            let c = c.ok();
            assert!(c.is_some_and(|c| !c.is_estimate() && c.price.is_exact()));
            assert!(close(c.and_then(|c| c.cpm).map(|s| s.low), cpm));
            assert!(close(c.and_then(|c| c.cpv).map(|s| s.high), cpv));
            assert!(close(c.and_then(|c| c.cpe).map(|s| s.low), cpe));
        }
    }

    #[test]
    fn zero_or_unknown_views_give_na() {
        let cases = [
            (Some(0.0), Some(0.0)),
            (None, None),
            (Some(f64::NAN), Some(f64::INFINITY)),
        ];
        for (views, inter) in cases {
            let c = cost(Some(100.0), Platform::YouTube, None, views, inter).ok();
            assert!(
                c.is_some_and(|c| c.cpm.is_none() && c.cpv.is_none() && c.cpe.is_none()),
                "{views:?}"
            );
        }
    }

    #[test]
    fn estimate_from_the_price_table() {
        let c = cost(
            None,
            Platform::TikTok,
            Some(Tier::Micro),
            Some(130_000.0),
            Some(11_050.0),
        );
        let c = c.ok();
        assert_eq!(
            c.map(|c| c.price_label()).as_deref(),
            Some("estimate: $25.00–$125.00 per post for TikTok micro (pricing guide, 2023)")
        );
        let cpm = c.and_then(|c| c.cpm);
        assert!(
            close(cpm.map(|s| s.low), 25.0 / 130.0) && close(cpm.map(|s| s.high), 125.0 / 130.0)
        );
        // A bad stored price falls back to the estimate rather than producing NaN.
        let c = cost(
            Some(f64::NAN),
            Platform::Instagram,
            Some(Tier::Nano),
            None,
            None,
        )
        .ok();
        assert_eq!(
            c.map(|c| c.price),
            Some(Span {
                low: 10.0,
                high: 100.0
            })
        );
        assert_eq!(
            cost(None, Platform::Instagram, Some(Tier::Micro), None, None).map(|c| c.price_label()),
            Ok("estimate: $100.00–$500.00 per post for Instagram micro (industry pricing guides, ~2022)".to_string())
        );
    }

    #[test]
    fn no_estimate_says_why() {
        let cases = [
            (Platform::Instagram, Some(Tier::Mega), "No published price range for Instagram mega creators; enter the price you were quoted."),
            (Platform::TikTok, Some(Tier::BelowNano), "No published price range for TikTok below nano creators; enter the price you were quoted."),
            (Platform::YouTube, None, "Enter the price you were quoted, or the follower count for an estimate."),
        ];
        for (p, t, want) in cases {
            assert_eq!(
                cost(None, p, t, Some(1.0), Some(1.0)).map_err(|e| e.to_string()),
                Err(want.to_string())
            );
        }
        assert_eq!(
            cost(
                Some(50.0),
                Platform::Instagram,
                Some(Tier::Mega),
                None,
                None
            )
            .map(|c| c.price_label()),
            Ok("$50.00 per post (your price)".to_string())
        );
    }

    #[test]
    fn emv_uses_the_midpoint_cpm() {
        // (platform, views, cpm used, emv)
        let cases = [
            (Platform::TikTok, 130_000.0, 10.0, 1_300.0),
            (Platform::Instagram, 10_000.0, 10.0, 100.0),
            (Platform::YouTube, 11_000_000.0, 22.5, 247_500.0),
        ];
        for (p, views, cpm, want) in cases {
            let e = emv(p, Some(views));
            assert!(close(e.map(|e| e.cpm_used), cpm));
            assert!(close(e.map(|e| e.value), want));
            assert!(e.is_some_and(|e| e.range.low <= e.value && e.value <= e.range.high));
        }
        assert_eq!(emv(Platform::TikTok, None), None);
        assert_eq!(emv(Platform::TikTok, Some(-5.0)), None);
        assert_eq!(
            emv(Platform::TikTok, Some(1_000.0)).map(|e| e.explanation()).as_deref(),
            Some("EMV = views × CPM ÷ 1,000 with CPM $10.00, the midpoint of $5.00–$15.00 for TikTok (quoted CPM ranges, 2023)")
        );
    }

    #[test]
    fn tables_are_total_and_sane() {
        for p in Platform::ALL {
            assert_eq!(cpm_range(p).platform, p);
            for t in Tier::ALL {
                if let Ok(r) = price_range(p, t) {
                    assert!(r.low > 0.0 && r.low < r.high, "{r:?}");
                    assert_eq!((r.platform, r.tier), (p, t));
                }
            }
        }
        for r in &PRICE_TABLE {
            assert!(!r.source.is_empty());
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn costs_are_finite(price in prop::option::of(any::<f64>()), views in prop::option::of(any::<f64>()), inter in prop::option::of(any::<f64>()), p in 0usize..3, t in 0usize..5) {
            let platform = Platform::ALL.get(p).copied().unwrap_or(Platform::TikTok);
            let tier = Tier::ALL.get(t).copied();
            if let Ok(c) = cost(price, platform, tier, views, inter) {
                for s in [Some(c.price), c.cpm, c.cpv, c.cpe].into_iter().flatten() {
                    prop_assert!(s.low.is_finite() && s.high.is_finite() && s.low >= 0.0 && s.low <= s.high);
                }
            }
            if let Some(e) = emv(platform, views) {
                prop_assert!(e.value.is_finite() && e.value >= 0.0);
            }
        }
    }
}
