//! The Campaign section: the campaign list and editor (`panel`), then the parts computed from the
//! open campaign, each a component reading the same `inputs` (the campaign and the shortlist):
//! `recommendations`, assigned `creators` with the budget plan, the `checklist`, `tracking` of
//! results, and the two documents, the `brief` and the `vetting` record, which `document` renders
//! from their typed blocks and downloads as Markdown; results in money (issue #17): `codes` and
//! links per creator, the shop's `orders` imported in slices, and `roi` (revenue, ROAS, CPA).

pub mod brief;
pub mod checklist;
pub mod codes;
pub mod creators;
pub mod document;
pub mod inputs;
pub mod orders;
pub mod panel;
pub mod recommendations;
pub mod results;
pub mod roi;
pub mod tracking;
pub mod vetting;
