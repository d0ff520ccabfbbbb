//! The creator: `platform`, `tier` by follower count, per-post `metrics`, the `record` kept for
//! each creator (with its validation rules and ids; `links` checks its profile links), and the
//! `shortlist` that holds the records with fast sort, filter, search and merge (its `id_index` finds
//! a creator by id without a copy of the ids). `record` builds
//! on `platform`, `tier`, `metrics` and `links`; `shortlist` on `record`; nothing here knows
//! campaigns or risks. The `dossier` holds the record's dated history (posts, follower counts,
//! comment samples, caption checks, audience, reported figures, custom fields) in plain form, so
//! that the risk area above can read it; `series` puts its dated lists in date order for the
//! charts and the history rules. `history` is the rule that keeps one follower count per day from
//! every check and edit.

pub mod dossier;
pub mod edit;
pub mod history;
mod id_index;
pub mod links;
pub mod metrics;
pub mod platform;
pub mod record;
pub mod series;
pub mod shortlist;
pub mod tier;
