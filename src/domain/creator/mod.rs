//! The creator: platform, tier by follower count, per-post metrics, and the record kept on the
//! shortlist. `record` builds on `platform`, `tier` and `metrics`; nothing here knows campaigns or risks.

pub mod metrics;
pub mod platform;
pub mod record;
pub mod shortlist;
pub mod tier;
