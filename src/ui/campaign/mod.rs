//! The Campaign section: the campaign list and editor (`panel`), then the parts computed from the
//! open campaign, each a component framed by `part::Part` reading the same `inputs` (the campaign
//! and the shortlist):
//! `recommendations`, assigned `creators` with the budget plan, the `checklist`, `tracking` of
//! results, and the two documents, the `brief` and the `vetting` record, which `document` renders
//! from their typed blocks and downloads as Markdown; results in money (issue #17): `codes` and
//! links per creator, the shop's `orders` imported in slices, `roi` (revenue, ROAS, CPA), the fair
//! `pricing` check, `reach` estimates and the deliverables `calendar` (with its `overdue` banner).

pub mod brief;
pub mod calendar;
pub mod checklist;
pub mod codes;
pub mod creators;
pub mod document;
pub mod inputs;
pub mod orders;
pub mod overdue;
pub mod panel;
pub mod part;
pub mod pricing;
pub mod reach;
pub mod recommendations;
pub mod results;
pub mod roi;
pub mod tracking;
pub mod vetting;
