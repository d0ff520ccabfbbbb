//! The Campaign section: the campaign list and editor (`panel`), the `plan` (recommendations, budget,
//! checklist, brief) and `tracking` of results.

pub mod panel;
pub mod plan;
pub mod tracking;
