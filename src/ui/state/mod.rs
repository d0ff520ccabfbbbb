//! The persisted stores: `persisted` is the design (load once, save debounced, merge another tab's
//! write, never overwrite unreadable data); `shortlist` and `campaigns` are its lists and `merge` their
//! cross-tab merge book.

pub mod campaigns;
pub mod merge;
pub mod persisted;
pub mod shortlist;
