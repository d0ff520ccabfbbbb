//! Results per creator: each campaign creator's totals for a metric, and one creator against their forecast.

use std::collections::HashMap;

use crate::campaign::record::{Campaign, Targets};
use crate::creator::record::{Creator, Status};
use crate::engine::cadence::Date;
use crate::engine::engagement::ratio;

use super::*;

/// One creator's results for a metric, for the per-creator table.
#[derive(Debug, Clone, PartialEq)]
pub struct CreatorTotal {
    /// Empty for results not tied to a creator.
    pub creator_id: String,
    pub name: String,
    /// Results with this metric entered.
    pub posts: usize,
    pub total: f64,
    /// Per post, from the budget plan; `None` when the plan has none for this creator or metric.
    pub forecast: Option<f64>,
    /// total ÷ (forecast × posts); `None` without a forecast or posts.
    pub share: Option<f64>,
    /// Below [`UNDER_DELIVERY_SHARE`] of forecast.
    pub behind: bool,
}

/// The name shown for results not tied to a creator.
pub const UNTIED: &str = "Not tied to a creator";

/// The metric per creator: the campaign's creators in its order (declined ones only when they
/// have results), then creators no longer in the campaign who have results, then results not
/// tied to a creator.
pub fn per_creator(
    campaign: &Campaign,
    metric: Metric,
    creators: &[Creator],
    forecasts: &[CreatorForecast],
) -> Vec<CreatorTotal> {
    let names: HashMap<&str, &Creator> = creators.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut sums: HashMap<&str, (usize, f64)> = HashMap::new();
    let mut order: Vec<&str> = campaign.creators.iter().map(String::as_str).collect();
    for r in &campaign.results {
        let id = r.creator_id.as_str();
        if let Some(v) = metric.of(r) {
            let e = sums.entry(id).or_insert((0, 0.0));
            e.0 += 1;
            e.1 += v;
        }
        if !id.is_empty() && !order.contains(&id) {
            order.push(id);
        }
    }
    let mut out: Vec<CreatorTotal> = order
        .into_iter()
        .filter_map(|id| {
            let (posts, total) = sums.get(id).copied().unwrap_or((0, 0.0));
            let who = names.get(id);
            if posts == 0 && who.is_some_and(|c| c.status == Status::Declined) {
                return None;
            }
            let forecast = forecasts
                .iter()
                .find(|f| f.creator_id == id)
                .map(|f| f.per_post);
            let share = forecast.and_then(|f| ratio(total, f * posts as f64));
            Some(CreatorTotal {
                creator_id: id.to_string(),
                name: who.map_or_else(|| id.to_string(), |c| c.name.clone()),
                posts,
                total,
                forecast,
                share,
                behind: share.is_some_and(|s| s < UNDER_DELIVERY_SHARE),
            })
        })
        .collect();
    if let Some(&(posts, total)) = sums.get("") {
        out.push(CreatorTotal {
            creator_id: String::new(),
            name: UNTIED.to_string(),
            posts,
            total,
            forecast: None,
            share: None,
            behind: false,
        });
    }
    out
}

/// One creator's results against their own pace: the plan's forecast per post as the target
/// (one post each), over the campaign's dates. No warning: the campaign's warning names
/// creators.
pub fn track_creator(
    campaign: &Campaign,
    metric: Metric,
    today: Option<Date>,
    creator_id: &str,
    forecast: Option<&CreatorForecast>,
) -> Tracking {
    let mut one = Campaign {
        results: campaign
            .results
            .iter()
            .filter(|r| r.creator_id == creator_id)
            .cloned()
            .collect(),
        creators: vec![creator_id.to_string()],
        ..campaign.clone()
    };
    one.targets = Targets::default();
    let per_post = forecast.map(|f| f.per_post);
    match metric {
        Metric::Views => one.targets.views = per_post,
        Metric::Engagements => one.targets.engagements = per_post,
        Metric::Clicks => one.targets.clicks = per_post,
        Metric::Conversions => one.targets.conversions = per_post,
    }
    let mut t = track(&one, metric, today, &[], &[]);
    t.warning = None;
    t
}

pub(super) struct PaceFacts {
    pub(super) target: f64,
    pub(super) expected: f64,
    pub(super) total: f64,
    pub(super) fraction: f64,
    pub(super) elapsed: i64,
    pub(super) days: u32,
    pub(super) late: bool,
}
