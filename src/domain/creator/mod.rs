//! The creator: `platform`, `tier` by follower count, per-post `metrics`, the `record` kept for
//! each creator (with its validation rules and ids), and the `shortlist` that holds the records
//! with fast sort, filter, search and merge. `record` builds on `platform`, `tier` and `metrics`;
//! `shortlist` on `record`; nothing here knows campaigns or risks. The `dossier` holds the
//! record's dated history (posts, follower counts, comment samples, caption checks, audience,
//! reported figures, custom fields) in plain form, so that the risk area above can read it;
//! `series` puts its dated lists in date order for the charts and the history rules.

pub mod dossier;
pub mod metrics;
pub mod platform;
pub mod record;
pub mod series;
pub mod shortlist;
pub mod tier;

pub use dossier::{Entries, Post};
pub use record::{Creator, IdSource, Status};
pub use shortlist::{Filter, Shortlist, SortDir, SortKey};
