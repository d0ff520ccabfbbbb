//! The Campaign section: the campaign list and editor (`panel`), then the parts computed from the
//! open campaign, each a component reading the same `inputs` (the campaign and the shortlist):
//! `recommendations`, assigned `creators` with the budget plan, the `checklist`, `tracking` of
//! results, and the two documents, the `brief` and the `vetting` record, which `document` renders
//! from their typed blocks and downloads as Markdown.

pub mod brief;
pub mod checklist;
pub mod creators;
pub mod document;
pub mod inputs;
pub mod panel;
pub mod recommendations;
pub mod results;
pub mod tracking;
pub mod vetting;
