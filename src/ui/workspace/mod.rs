//! The workspace as a whole, reachable from every section (the `WorkspacePanel` the shell shows
//! under each section): `export` makes the workspace file from the four stores, `restore` is the
//! dialog that opens one (per store: merge, replace or keep), `file_sync` keeps the workspace in a
//! file on disk (File System Access API, with `rules` its pure decisions), `share` makes and
//! opens links that carry one creator or a campaign brief (compressed by `streams`), and `usage`
//! says how much of the browser's storage the workspace takes.

pub mod export;
pub mod file_sync;
pub mod panel;
pub mod restore;
pub mod rules;
pub mod share;
pub mod streams;
pub mod usage;
