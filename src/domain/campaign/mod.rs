//! A campaign: its `record` (goal, budget, countries, creators), the `checklist` of steps, the
//! `budget` plan over the shortlist, `recommend`ed tiers and platforms, `tracking` of results, and the
//! `document`s (the brief and the vetting record) built from all of them.

pub mod budget;
pub mod checklist;
pub mod document;
pub mod recommend;
pub mod record;
pub mod tracking;
