//! Budget planner: the set of shortlisted creators that gets the most views or engagements for the budget (a 0/1 knapsack), with a forecast and every pick and non-pick explained.
//!
//! Method. Prices are whole cents, so "fits the budget" is exact integer arithmetic.
//! 1. Creators that cost nothing are always taken; creators with nothing to forecast, or dearer
//!    than the whole budget, are left out with the reason.
//! 2. A branch-and-bound search over the real prices, creators taken in order of value per
//!    dollar and pruned with the fractional (linear) relaxation, finds and proves the best plan.
//!    It usually finishes within [`knapsack::FIRST_SEARCH_LIMIT`] steps, in well under a
//!    millisecond.
//! 3. If it doesn't (typically many creators with the same value per dollar), dynamic
//!    programming over the budget in price steps. The step is the largest common divisor of the
//!    prices when that gives at most [`knapsack::MAX_BUCKETS`] steps: the answer is then exact.
//!    Otherwise the budget is cut into at most [`knapsack::MAX_BUCKETS`] steps and each price
//!    rounded *up* to a step, so the plan never exceeds the budget but may miss the best one; the
//!    search then runs again from the better plan for up to [`knapsack::SEARCH_LIMIT`] steps to
//!    prove or improve it.
//!    If it still can't finish, the plan is labelled "near-optimal" with how far below the best
//!    possible it can at most be.
//!
//! Views per post are the creator's average views, or followers × [`ASSUMED_REACH`] (labelled
//! as an assumption). Engagements per post are the creator's average interactions (the source
//! article's formula: likes + dislikes + shares + comments), or views × the published rate for
//! the platform and tier (labelled). Prices are the creator's, or the midpoint of the published
//! range for the platform and tier (labelled as estimated; US dollars only).

use thiserror::Error;

use crate::campaign::record::{money_in, Campaign, Objective};
use crate::creator::platform::Platform;
use crate::creator::record::{Creator, Status};
use crate::creator::tier::Tier;
use crate::engine::benchmark::{find, Benchmark, Scope};
use crate::engine::cost::{price_range, PriceRange};
use crate::engine::engagement::{ratio, Formula};
use crate::text::format::{compact, group_thousands};

mod knapsack;

pub use knapsack::Proof;
use knapsack::{knapsack, Item};

/// Share of followers assumed to see a post when average views were not entered. Microscope's
/// assumption, not a published figure: enter the creator's average views to replace it.
pub const ASSUMED_REACH: f64 = 0.10;
/// Larger prices, views or engagements are data errors, not creators.
pub const MAX_NUMBER: f64 = 1e12;
/// The formula engagements are counted with: the source article's.
pub const FORMULA: Formula = Formula::SourceViews;

// ---------------------------------------------------------------------------------------------
// Candidates.

/// Where a candidate's price comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PriceSource {
    Entered,
    /// The midpoint of a published range: an estimate.
    Estimated(&'static PriceRange),
}

/// Where expected views per post come from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ViewsSource {
    /// The creator's average views per post.
    Entered,
    /// Followers × [`ASSUMED_REACH`].
    Assumed { followers: u64 },
}

/// Where expected engagements per post come from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum EngagementSource {
    /// The creator's average interactions per post; `rate` is interactions ÷ views when views
    /// were entered.
    Entered {
        rate: Option<f64>,
    },
    /// Expected views × a published rate for the platform and tier.
    Benchmark(&'static Benchmark),
    Unknown,
}

/// A creator the optimiser can choose, with per-post forecasts.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub creator_id: String,
    pub name: String,
    pub platform: Platform,
    pub tier: Option<Tier>,
    /// Price per post, in the campaign's currency.
    pub price: f64,
    pub price_source: PriceSource,
    pub views: f64,
    pub views_source: ViewsSource,
    /// `None` when there is nothing to forecast engagements from.
    pub engagements: Option<f64>,
    pub engagement_source: EngagementSource,
}

impl Candidate {
    /// What the optimiser maximises for this candidate; `None` when unknown.
    pub fn value(&self, objective: Objective) -> Option<f64> {
        match objective {
            Objective::Views => Some(self.views),
            Objective::Engagements => self.engagements,
        }
        .filter(|v| v.is_finite() && *v >= 0.0)
    }

    /// Price in whole cents (prices are money: a cent is the finest step that matters).
    pub fn price_cents(&self) -> u64 {
        (self.price * 100.0).round().max(0.0) as u64
    }

    /// What is estimated or assumed about this candidate, in words.
    pub fn assumptions(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let PriceSource::Estimated(r) = self.price_source {
            out.push(format!(
                "estimated price: midpoint of {}–{} for {} {} ({})",
                money_in(r.low, "USD"),
                money_in(r.high, "USD"),
                r.platform.name(),
                r.tier.name().to_lowercase(),
                r.citation()
            ));
        }
        if let ViewsSource::Assumed { followers } = self.views_source {
            out.push(format!(
                "views assumed: {:.0}% of {} followers see a post (Microscope's assumption; enter average views to replace it)",
                ASSUMED_REACH * 100.0,
                group_thousands(followers)
            ));
        }
        if let EngagementSource::Benchmark(b) = self.engagement_source {
            out.push(format!(
                "engagements assumed at the {} {} ({})",
                b.value_label(),
                b.label(),
                b.citation()
            ));
        }
        out
    }
}

/// A creator that could not be considered, or was considered and not chosen, with why.
#[derive(Debug, Clone, PartialEq)]
pub struct LeftOut {
    pub creator_id: String,
    pub name: String,
    pub reason: String,
    /// Present when the creator was a candidate.
    pub candidate: Option<Candidate>,
}

/// Turns a shortlisted creator into a candidate, or says why it can't be one.
pub fn candidate(creator: &Creator, currency: &str) -> Result<Candidate, String> {
    if creator.status == Status::Declined {
        return Err("Left out: the creator declined.".to_string());
    }
    let Some(platform) = creator.platform else {
        return Err("Left out: no platform entered, so nothing can be forecast.".to_string());
    };
    let tier = creator.tier();
    let price_currency = creator.currency.as_deref().unwrap_or(currency);
    let entered = creator.price.filter(|p| p.is_finite() && *p >= 0.0);
    let (price, price_source) = match entered {
        Some(_) if price_currency != currency => {
            return Err(format!(
                "Left out: the price is in {price_currency} and the budget in {currency}; convert one of them."
            ))
        }
        Some(p) => (p, PriceSource::Entered),
        None => {
            let Some(t) = tier else {
                return Err("Left out: no price and no follower count to estimate one from; enter the price you were quoted.".to_string());
            };
            let range = price_range(platform, t).map_err(|e| format!("Left out: {e}"))?;
            if currency != "USD" {
                return Err(format!(
                    "Left out: no price entered, and the published price ranges are in US dollars while the budget is in {currency}; enter the price you were quoted."
                ));
            }
            (range.low / 2.0 + range.high / 2.0, PriceSource::Estimated(range))
        }
    };
    let m = &creator.metrics;
    let (views, views_source) = match (
        m.views.filter(|v| v.is_finite() && *v >= 0.0),
        creator.followers,
    ) {
        (Some(v), _) => (v, ViewsSource::Entered),
        (None, Some(f)) => (
            f as f64 * ASSUMED_REACH,
            ViewsSource::Assumed { followers: f },
        ),
        (None, None) => {
            return Err(
                "Left out: no average views and no follower count, so nothing can be forecast."
                    .to_string(),
            )
        }
    };
    let counted_entered = FORMULA
        .counted()
        .iter()
        .any(|f| f.get(m).is_some_and(|v| v.is_finite()));
    let (engagements, engagement_source) = if counted_entered {
        let interactions = FORMULA.interactions(m);
        let rate = match views_source {
            ViewsSource::Entered => ratio(interactions, views),
            ViewsSource::Assumed { .. } => None,
        };
        (
            Some(interactions).filter(|v| v.is_finite()),
            EngagementSource::Entered { rate },
        )
    } else {
        match tier.and_then(|t| find(platform, t, FORMULA).find(|b| b.scope() == Scope::Tier)) {
            Some(b) => (
                Some(views * b.value).filter(|v| v.is_finite()),
                EngagementSource::Benchmark(b),
            ),
            None => (None, EngagementSource::Unknown),
        }
    };
    Ok(Candidate {
        creator_id: creator.id.clone(),
        name: creator.name.clone(),
        platform,
        tier,
        price,
        price_source,
        views,
        views_source,
        engagements,
        engagement_source,
    })
}

// ---------------------------------------------------------------------------------------------
// The plan.

/// A chosen creator, with why.
#[derive(Debug, Clone, PartialEq)]
pub struct Pick {
    pub candidate: Candidate,
    /// 1 = the best value per money among all candidates.
    pub value_rank: usize,
    /// "Picked: 8.1K engagements for $300, $0.037 per engagement, 3rd best value."
    pub explanation: String,
}

/// Creators and money per tier in the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct TierShare {
    /// `None`: follower count not entered.
    pub tier: Option<Tier>,
    pub creators: usize,
    pub spend: f64,
}

/// What the plan should deliver, one post per creator.
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    pub views: f64,
    /// Sum over picks with a forecast; `None` when no pick has one.
    pub engagements: Option<f64>,
    /// Picks without an engagement forecast (not counted in `engagements`).
    pub engagements_unknown: usize,
    pub spend: f64,
    pub remaining: f64,
    /// Cost per engagement; `None` when engagements are unknown or 0.
    pub cpe: Option<f64>,
    /// Cost per 1,000 views; `None` when views are 0.
    pub cpm: Option<f64>,
    pub tier_mix: Vec<TierShare>,
    /// Picks whose price is an estimate.
    pub estimated_prices: usize,
    /// Picks whose views are assumed from followers.
    pub assumed_views: usize,
}

/// How the plan was found, for the UI's "how" note.
#[derive(Debug, Clone, PartialEq)]
pub struct Method {
    pub exact: bool,
    pub proof: Proof,
    /// The price step of the dynamic programme, in the campaign's currency.
    pub step: f64,
    pub steps: u64,
    /// How far below the best possible the plan can at most be; `None` when exact.
    pub max_gap: Option<f64>,
    pub explanation: String,
}

/// The optimiser's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub objective: Objective,
    pub budget: f64,
    pub currency: String,
    /// Best value first.
    pub picks: Vec<Pick>,
    pub left_out: Vec<LeftOut>,
    pub forecast: Forecast,
    pub method: Method,
    /// Creator ids in the campaign but no longer on the shortlist.
    pub missing: Vec<String>,
}

/// Why no plan can be made.
#[derive(Debug, Clone, Copy, PartialEq, Error)]
pub enum PlanError {
    #[error("Enter a budget to plan with.")]
    NoBudget,
    #[error(
        "The budget is {0}, which is not a usable amount; enter a number between 0 and 10 billion."
    )]
    BadBudget(f64),
}

/// Plans the campaign's creators within its budget, for its goal.
pub fn plan(campaign: &Campaign, creators: &[Creator]) -> Result<Plan, PlanError> {
    let budget = match campaign.budget {
        None => return Err(PlanError::NoBudget),
        Some(b) => campaign.usable_budget().ok_or(PlanError::BadBudget(b))?,
    };
    let (members, missing) = campaign.members(creators);
    let mut candidates = Vec::new();
    let mut left_out = Vec::new();
    for c in members {
        match candidate(c, &campaign.currency) {
            Ok(cand) => candidates.push(cand),
            Err(reason) => left_out.push(LeftOut {
                creator_id: c.id.clone(),
                name: c.name.clone(),
                reason,
                candidate: None,
            }),
        }
    }
    let mut p = plan_candidates(
        candidates,
        budget,
        &campaign.currency,
        campaign.goal.objective(),
    );
    left_out.append(&mut p.left_out);
    p.left_out = left_out;
    p.missing = missing;
    Ok(p)
}

/// "best value", "2nd best value", "23rd best value".
fn value_rank_label(rank: usize) -> String {
    if rank <= 1 {
        return "best value".to_string();
    }
    let suffix = match (rank % 10, rank % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{rank}{suffix} best value")
}

/// Plans prepared candidates within `budget` (in `currency`). Used by [`plan`]; public so the
/// optimiser can be timed and tested on its own.
pub fn plan_candidates(
    candidates: Vec<Candidate>,
    budget: f64,
    currency: &str,
    objective: Objective,
) -> Plan {
    let budget = if budget.is_finite() {
        budget.max(0.0)
    } else {
        0.0
    };
    let budget_cents = (budget * 100.0).floor() as u64;
    // Numbers beyond a trillion are data errors; leaving them out keeps every sum finite.
    let sane = |v: f64| v.is_finite() && (0.0..=MAX_NUMBER).contains(&v);
    let (candidates, broken): (Vec<Candidate>, Vec<Candidate>) = candidates
        .into_iter()
        .partition(|c| sane(c.price) && sane(c.views) && c.engagements.is_none_or(sane));
    let items: Vec<Item> = candidates
        .iter()
        .map(|c| Item {
            cost_cents: c.price_cents(),
            value: c.value(objective).unwrap_or(0.0),
        })
        .collect();
    let solution = knapsack(&items, budget_cents);

    // Value per cent, best first, over the candidates that bring something.
    let mut by_value: Vec<usize> = (0..candidates.len())
        .filter(|&i| items.get(i).is_some_and(|it| it.value > 0.0))
        .collect();
    let density = |i: usize| {
        items.get(i).map_or(0.0, |it| {
            if it.cost_cents == 0 {
                f64::MAX
            } else {
                it.value / it.cost_cents as f64
            }
        })
    };
    by_value.sort_by(|&a, &b| density(b).total_cmp(&density(a)).then_with(|| a.cmp(&b)));
    let mut ranks = vec![0usize; candidates.len()];
    for (place, &i) in by_value.iter().enumerate() {
        if let Some(r) = ranks.get_mut(i) {
            *r = place + 1;
        }
    }
    let rank_of = |i: usize| ranks.get(i).copied().unwrap_or(0);

    let spend_cents = solution.cost_cents;
    let spend = spend_cents as f64 / 100.0;
    let remaining = (budget - spend).max(0.0);
    let noun = objective.noun();
    let worst_picked_rank = (0..candidates.len())
        .filter(|&i| solution.chosen.get(i).copied().unwrap_or(false))
        .map(rank_of)
        .max()
        .unwrap_or(0);

    let mut picks = Vec::new();
    let mut left_out: Vec<LeftOut> = broken
        .into_iter()
        .map(|c| LeftOut {
            creator_id: c.creator_id.clone(),
            name: c.name.clone(),
            reason: "Left out: its price, views or engagements are over a trillion, which can't be right; check the numbers.".to_string(),
            candidate: Some(c),
        })
        .collect();
    for (i, cand) in candidates.into_iter().enumerate() {
        let chosen = solution.chosen.get(i).copied().unwrap_or(false);
        let value = cand.value(objective);
        let price_label = money_in(cand.price, currency);
        if chosen {
            let v = value.unwrap_or(0.0);
            let per = match objective {
                Objective::Views => ratio(cand.price * 1000.0, v)
                    .map(|x| format!("{} per 1,000 views", money_in(x, currency))),
                Objective::Engagements => ratio(cand.price, v)
                    .map(|x| format!("{} per engagement", money_in(x, currency))),
            };
            let rank = rank_of(i);
            let mut explanation = format!("Picked: {} {noun} for {price_label}", compact(v));
            if cand.price == 0.0 {
                explanation.push_str(", costs nothing");
            } else if let Some(per) = per {
                explanation.push_str(&format!(", {per}"));
            }
            explanation.push_str(&format!(", {}.", value_rank_label(rank)));
            let assumptions = cand.assumptions();
            if !assumptions.is_empty() {
                explanation.push_str(&format!(" Note: {}.", assumptions.join("; ")));
            }
            picks.push(Pick {
                candidate: cand,
                value_rank: rank,
                explanation,
            });
            continue;
        }
        let reason = match value {
            _ if cand.price_cents() > budget_cents => format!(
                "Left out: costs {price_label}, more than the whole budget of {}.",
                money_in(budget, currency)
            ),
            None => match objective {
                Objective::Engagements => format!(
                    "Left out: no likes, comments or shares entered and no published engagement rate for {} {}, so engagements can't be forecast.",
                    cand.platform.name(),
                    cand.tier.map_or("creators of unknown size".to_string(), |t| t.name().to_lowercase())
                ),
                Objective::Views => "Left out: no views to forecast from.".to_string(),
            },
            Some(v) if v <= 0.0 => format!("Left out: expected 0 {noun}."),
            Some(_) if cand.price_cents() <= budget_cents.saturating_sub(spend_cents) => format!(
                "Left out: it would fit in the {} left, but the plan compares prices in steps of {}; it may be worth adding by hand.",
                money_in(remaining, currency),
                money_in(solution.step_cents as f64 / 100.0, currency)
            ),
            Some(_) if rank_of(i) < worst_picked_rank => format!(
                "Left out: good value ({}), but the budget goes further without it: it costs {price_label} and {} is left.",
                value_rank_label(rank_of(i)),
                money_in(remaining, currency)
            ),
            Some(_) => format!(
                "Left out: over budget after better-value picks: it costs {price_label} and {} is left.",
                money_in(remaining, currency)
            ),
        };
        left_out.push(LeftOut {
            creator_id: cand.creator_id.clone(),
            name: cand.name.clone(),
            reason,
            candidate: Some(cand),
        });
    }
    picks.sort_by_key(|p| p.value_rank);

    // fold from +0.0: an empty f64 `sum()` is -0.0, which would print as "-0".
    let views: f64 = picks.iter().fold(0.0, |a, p| a + p.candidate.views);
    let known: Vec<f64> = picks
        .iter()
        .filter_map(|p| p.candidate.engagements)
        .collect();
    let engagements = (!known.is_empty()).then(|| known.iter().fold(0.0, |a, e| a + e));
    let mut tier_mix: Vec<TierShare> = Vec::new();
    for p in &picks {
        match tier_mix.iter_mut().find(|t| t.tier == p.candidate.tier) {
            Some(t) => {
                t.creators += 1;
                t.spend += p.candidate.price;
            }
            None => tier_mix.push(TierShare {
                tier: p.candidate.tier,
                creators: 1,
                spend: p.candidate.price,
            }),
        }
    }
    tier_mix.sort_by_key(|t| t.tier);
    let forecast = Forecast {
        views,
        engagements,
        engagements_unknown: picks.len() - known.len(),
        spend,
        remaining,
        cpe: engagements.and_then(|e| ratio(spend, e)),
        cpm: ratio(spend * 1000.0, views),
        tier_mix,
        estimated_prices: picks
            .iter()
            .filter(|p| matches!(p.candidate.price_source, PriceSource::Estimated(_)))
            .count(),
        assumed_views: picks
            .iter()
            .filter(|p| matches!(p.candidate.views_source, ViewsSource::Assumed { .. }))
            .count(),
    };
    let step = solution.step_cents as f64 / 100.0;
    let max_gap = solution.max_gap();
    let explanation = match solution.proof {
        Proof::AllFit => "Every creator with something to forecast fits the budget, so all of them are in.".to_string(),
        Proof::Search => "The best combination for the budget, proven by an exact search over every combination (branch and bound over the real prices).".to_string(),
        Proof::Steps => format!(
            "The best combination for the budget: dynamic programming over the budget in steps of {}, a step every price is a whole multiple of, so every combination was covered.",
            money_in(step, currency)
        ),
        Proof::NearOptimal => format!(
            "A near-optimal combination: prices were compared in steps of {} (the budget cut into {} steps) and the exact search stopped early; no combination can bring more than {} more {noun}.",
            money_in(step, currency),
            group_thousands(solution.steps),
            crate::text::format::percent(max_gap, 1)
        ),
    };
    Plan {
        objective,
        budget,
        currency: currency.to_string(),
        picks,
        left_out,
        forecast,
        method: Method {
            exact: solution.exact,
            proof: solution.proof,
            step,
            steps: solution.steps,
            max_gap,
            explanation,
        },
        missing: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::record::Goal;
    use crate::creator::metrics::PostMetrics;
    use crate::creator::platform::Platform::{TikTok, YouTube};
    use crate::testing::check_cases;
    use crate::testing::strings;

    fn creator(
        id: &str,
        platform: Platform,
        followers: u64,
        views: Option<f64>,
        likes: Option<f64>,
        price: Option<f64>,
    ) -> Creator {
        let mut c = Creator::new(id.into(), &format!("Creator {id}"), 0.0);
        c.platform = Some(platform);
        c.followers = Some(followers);
        c.metrics = PostMetrics {
            views,
            likes,
            ..PostMetrics::default()
        };
        c.price = price;
        c
    }

    /// A creator whose views, likes and price are all known.
    fn known(
        id: &str,
        platform: Platform,
        followers: u64,
        views: f64,
        likes: f64,
        price: f64,
    ) -> Creator {
        creator(
            id,
            platform,
            followers,
            Some(views),
            Some(likes),
            Some(price),
        )
    }

    fn campaign(goal: Goal, budget: Option<f64>, ids: &[&str]) -> Campaign {
        let mut c = Campaign::new("k".into(), "K", 0.0);
        c.goal = goal;
        c.budget = budget;
        c.creators = strings(ids);
        c
    }

    #[test]
    fn plan_explains_picks_and_non_picks() {
        let creators = vec![
            known("a", TikTok, 45_000, 100_000.0, 8_100.0, 300.0),
            known("b", TikTok, 30_000, 50_000.0, 5_000.0, 100.0),
            known("c", YouTube, 60_000, 40_000.0, 1_000.0, 900.0),
            creator("d", Platform::Instagram, 20_000, None, None, Some(5_000.0)),
        ];
        let c = campaign(
            Goal::Engagement,
            Some(1_000.0),
            &["a", "b", "c", "d", "gone"],
        );
        let p = plan(&c, &creators);
        assert!(p.is_ok());
        let Ok(p) = p else { return };
        let picked: Vec<&str> = p
            .picks
            .iter()
            .map(|x| x.candidate.creator_id.as_str())
            .collect();
        assert_eq!(picked, vec!["b", "a"]);
        assert_eq!(
            p.picks.get(1).map(|x| x.explanation.as_str()),
            Some("Picked: 8.1K engagements for $300.00, $0.0370 per engagement, 2nd best value.")
        );
        assert_eq!(p.forecast.spend, 400.0);
        assert_eq!(p.forecast.remaining, 600.0);
        assert_eq!(p.forecast.engagements, Some(13_100.0));
        assert_eq!(p.forecast.views, 150_000.0);
        assert!(p
            .forecast
            .cpe
            .is_some_and(|x| (x - 400.0 / 13_100.0).abs() < 1e-12));
        assert!(p
            .forecast
            .cpm
            .is_some_and(|x| (x - 400.0 / 150.0).abs() < 1e-12));
        assert_eq!(p.missing, vec!["gone".to_string()]);
        let reason = |id: &str| {
            p.left_out
                .iter()
                .find(|l| l.creator_id == id)
                .map(|l| l.reason.clone())
        };
        assert_eq!(
            reason("c").as_deref(),
            Some("Left out: over budget after better-value picks: it costs $900.00 and $600.00 is left.")
        );
        assert_eq!(
            reason("d").as_deref(),
            Some("Left out: costs $5,000, more than the whole budget of $1,000.")
        );
        assert!(p.method.exact);
        assert!(p.method.explanation.contains("proven by an exact search"));
        assert_eq!(p.method.proof, Proof::Search);
    }

    #[test]
    fn edge_cases() {
        let creators = vec![
            known("a", TikTok, 45_000, 100_000.0, 8_000.0, 300.0),
            known("gift", TikTok, 5_000, 3_000.0, 300.0, 0.0),
        ];
        // No budget.
        assert_eq!(
            plan(&campaign(Goal::Engagement, None, &["a"]), &creators).err(),
            Some(PlanError::NoBudget)
        );
        assert!(matches!(
            plan(
                &campaign(Goal::Engagement, Some(f64::NAN), &["a"]),
                &creators
            ),
            Err(PlanError::BadBudget(_))
        ));
        // Zero budget: only what costs nothing.
        let p = plan(
            &campaign(Goal::Engagement, Some(0.0), &["a", "gift"]),
            &creators,
        );
        let picked: Vec<String> = p
            .iter()
            .flat_map(|p| p.picks.iter().map(|x| x.candidate.creator_id.clone()))
            .collect();
        assert_eq!(picked, vec!["gift".to_string()]);
        assert!(p.as_ref().is_ok_and(|p| p
            .picks
            .iter()
            .all(|x| x.explanation.contains("costs nothing"))));
        // No candidates.
        let p = plan(&campaign(Goal::Awareness, Some(500.0), &[]), &creators);
        assert!(p
            .as_ref()
            .is_ok_and(|p| p.picks.is_empty() && p.left_out.is_empty()));
        assert!(p.as_ref().is_ok_and(|p| p.method.proof == Proof::AllFit));
        assert!(p.as_ref().is_ok_and(|p| p.forecast.cpm.is_none()
            && p.forecast.cpe.is_none()
            && p.forecast.engagements.is_none()));
        // All over budget.
        let p = plan(&campaign(Goal::Awareness, Some(100.0), &["a"]), &creators);
        assert!(p
            .as_ref()
            .is_ok_and(|p| p.picks.is_empty() && p.forecast.remaining == 100.0));
        assert!(p.as_ref().is_ok_and(|p| p
            .left_out
            .iter()
            .all(|l| l.reason.contains("more than the whole budget"))));
    }

    #[test]
    fn missing_prices_and_views_are_estimated_and_labelled() {
        let mut no_price = creator("e", Platform::TikTok, 45_000, None, None, None);
        no_price.currency = None;
        let euro = {
            let mut c = creator("f", Platform::TikTok, 45_000, Some(1.0), None, Some(50.0));
            c.currency = Some("EUR".into());
            c
        };
        let mega = creator("g", Platform::TikTok, 2_000_000, None, None, None);
        let mut declined = creator("h", Platform::TikTok, 45_000, None, None, Some(10.0));
        declined.status = Status::Declined;
        let no_platform = {
            let mut c = creator("i", Platform::TikTok, 45_000, None, None, Some(10.0));
            c.platform = None;
            c
        };
        let creators = vec![no_price, euro, mega, declined, no_platform];
        let c = campaign(Goal::Engagement, Some(1_000.0), &["e", "f", "g", "h", "i"]);
        let p = plan(&c, &creators).ok();
        let pick = p.as_ref().and_then(|p| p.picks.first());
        // TikTok micro midpoint of $25–$125; views 10% of 45,000; engagements at 8.5%.
        assert_eq!(pick.map(|x| x.candidate.price), Some(75.0));
        assert_eq!(pick.map(|x| x.candidate.views), Some(4_500.0));
        assert!(pick
            .and_then(|x| x.candidate.engagements)
            .is_some_and(|e| (e - 382.5).abs() < 1e-9));
        let text = pick.map(|x| x.explanation.clone()).unwrap_or_default();
        assert!(text.contains("estimated price: midpoint of $25.00–$125.00 for TikTok micro (pricing guide, 2023)"), "{text}");
        assert!(
            text.contains("views assumed: 10% of 45,000 followers"),
            "{text}"
        );
        assert!(
            text.contains(
                "engagements assumed at the 8.5% TikTok micro benchmark (CreatorDB, 2026)"
            ),
            "{text}"
        );
        assert_eq!(p.as_ref().map(|p| p.forecast.estimated_prices), Some(1));
        let reason = |id: &str| {
            p.as_ref()
                .and_then(|p| p.left_out.iter().find(|l| l.creator_id == id))
                .map(|l| l.reason.clone())
                .unwrap_or_default()
        };
        assert_eq!(
            reason("f"),
            "Left out: the price is in EUR and the budget in USD; convert one of them."
        );
        assert!(
            reason("g").contains("No published price range for TikTok mega"),
            "{}",
            reason("g")
        );
        assert_eq!(reason("h"), "Left out: the creator declined.");
        assert!(reason("i").contains("no platform"));
        // A euro campaign can't use dollar estimates.
        let mut eur = c.clone();
        eur.currency = "EUR".into();
        let p = plan(&eur, &creators).ok();
        assert!(
            p.is_some_and(|p| p.left_out.iter().any(|l| l.creator_id == "e"
                && l.reason
                    .contains("in US dollars while the budget is in EUR")))
        );
    }

    #[test]
    fn engagement_unknown_is_said() {
        let ig = creator(
            "j",
            Platform::Instagram,
            5_000,
            Some(2_000.0),
            None,
            Some(50.0),
        );
        let p = plan(
            &campaign(Goal::Engagement, Some(500.0), &["j"]),
            std::slice::from_ref(&ig),
        )
        .ok();
        assert!(p.is_some_and(|p| p.left_out.iter().any(|l| l
            .reason
            .contains("no published engagement rate for Instagram nano"))));
        // For views the same creator is fine.
        let p = plan(&campaign(Goal::Awareness, Some(500.0), &["j"]), &[ig]).ok();
        assert_eq!(p.map(|p| p.picks.len()), Some(1));
    }

    #[test]
    fn absurd_numbers_stay_in_range() {
        // Regression: costs near u64::MAX overflowed the "everything fits" sum, and took two
        // items whose costs add up to more than the budget.
        let items = vec![
            Item {
                cost_cents: u64::MAX,
                value: 1.0,
            },
            Item {
                cost_cents: u64::MAX,
                value: 2.0,
            },
            Item {
                cost_cents: 5,
                value: 3.0,
            },
        ];
        let s = knapsack(&items, u64::MAX);
        assert_eq!(s.chosen, vec![false, false, true]);
        let huge = Candidate {
            creator_id: "x".into(),
            name: "X".into(),
            platform: Platform::TikTok,
            tier: None,
            price: 1e300,
            price_source: PriceSource::Entered,
            views: 1e300,
            views_source: ViewsSource::Entered,
            engagements: Some(f64::MAX),
            engagement_source: EngagementSource::Unknown,
        };
        let p = plan_candidates(
            vec![huge.clone(), huge],
            1e300,
            "USD",
            Objective::Engagements,
        );
        assert!(p.picks.is_empty());
        assert!(p
            .left_out
            .iter()
            .all(|l| l.reason.contains("over a trillion")));
        // Regression: an empty f64 `sum()` is -0.0, which printed as "-0 views".
        assert!(p.forecast.views == 0.0 && p.forecast.views.is_sign_positive());
    }

    #[test]
    fn rank_labels() {
        let cases = [
            (1, "best value"),
            (2, "2nd best value"),
            (3, "3rd best value"),
            (4, "4th best value"),
            (11, "11th best value"),
            (21, "21st best value"),
            (112, "112th best value"),
        ];
        check_cases(cases, value_rank_label);
    }
}
