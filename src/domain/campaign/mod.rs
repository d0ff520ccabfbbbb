//! A campaign: its `record` (goal, budget, countries, creators), the `checklist` of steps, the
//! `budget` plan over the shortlist, `recommend`ed tiers and platforms, `tracking` of results, and the
//! `document`s (the brief and the vetting record) built from all of them.
//! A campaign: its `record` (goal, budget, countries, creators, ticked checklist items), the
//! `checklist` of steps built from the record, the `budget` plan over the shortlist (its knapsack
//! solver in `budget::knapsack`), `recommend`ed tiers and platforms, `tracking` of posted results
//! against the plan, each creator's `risk_profile` (risk rules fed from the creator and the
//! campaign's countries and categories), and the `brief` and vetting record built from all of them.
//! Campaign builds on `creator`, `engine` and `risk`; only `io` builds on it.

pub mod budget;
pub mod checklist;
pub mod document;
pub mod recommend;
pub mod record;
pub mod risk_profile;
pub mod tracking;

pub use budget::{plan, Plan};
pub use checklist::{checklist, Checklist};
pub use record::{Campaign, Goal, Objective};
pub use risk_profile::{campaign_risks, check_form_risk, creator_risk, CreatorRisk};
pub use tracking::{track, Metric, Tracking};
