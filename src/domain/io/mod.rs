//! Files in and out, the top area: `encoding` (a file's bytes to text: UTF-8, UTF-16, Windows-1252),
//! CSV import (`csv_import`: column mapping, with the tokenizer,
//! row reading and the stepped import session beneath it), CSV export (`csv_export`, which
//! neutralises the formula marks the import removes) and the JSON `workspace` file, which also
//! holds the `Record` trait every stored or imported list is decoded with (creators, campaigns,
//! and the stored thresholds); `workspace::merge` restores a file into the browser's stores, and
//! `share` packs a creator summary or a campaign brief into a link's fragment and opens it again.

pub mod csv_export;
// Public until their rewrite lands (see `domain/mod.rs`); other areas use their items by path.
pub mod csv_import;
pub mod encoding;
// Public for the browser tests, which open links through the page's own deflate.
pub mod share;
pub mod workspace;
