//! A campaign: its `record` (goal, budget, countries, creators, ticked checklist items), the
//! `checklist` of steps built from the record, the `budget` plan over the shortlist (its knapsack
//! solver in `budget::knapsack`), `recommend`ed tiers and platforms, `tracking` of posted results
//! against the plan, each creator's `risk_profile` (risk rules fed from the creator and the
//! campaign's countries and categories), and the `document`s (the brief and the vetting record)
//! built from all of them; results in money: `attribution` (codes, links, orders, ROAS), `pricing`
//! (fair price, reach estimates) and the `calendar` of deliverables. Campaign builds on `creator`, `engine` and `risk`; only `io` builds on it.

pub mod attribution;
pub mod budget;
pub mod calendar;
pub mod checklist;
pub mod document;
pub mod pricing;
pub mod recommend;
pub mod record;
pub mod risk_profile;
pub mod tracking;

pub use risk_profile::creator_risk;
