//! The persisted stores, loaded once by `App` and provided as context. `persisted` is the design
//! every store keeps (save after a pause or at once, flush when the page is hidden, merge before
//! replacing another tab's write, never overwrite unreadable data); `list` is its form for records
//! with ids, merged by `merge`, and `value` its form for one setting. `ShortlistStore`,
//! `CampaignsStore` and `ThresholdsStore` are the three stores; `ids` hands out the page's record ids.

pub mod campaigns;
pub mod ids;
pub mod list;
pub mod merge;
pub mod persisted;
pub mod shortlist;
pub mod thresholds;
pub mod value;

pub use campaigns::CampaignsStore;
pub use list::StoreProblem;
pub use shortlist::ShortlistStore;
pub use thresholds::ThresholdsStore;
