//! A campaign: its `record` (goal, budget, countries, creators), the `checklist` of steps, the
//! `budget` plan over the shortlist, `recommend`ed tiers and platforms, `tracking` of results, and the
//! `brief` and vetting record built from all of them.

pub mod brief;
pub mod budget;
pub mod checklist;
pub mod recommend;
pub mod record;
pub mod risk_profile;
pub mod tracking;
