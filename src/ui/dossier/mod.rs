//! A creator's dossier page (`#creator/<id>`): everything known about one creator, dated, with
//! the forms that add to it. `route` reads and writes the page's address; `page` looks the
//! creator up and lays out the parts, each in its own file (`headline`, `contact`, `posts`,
//! `followers`, `audience`, `figures`, `evidence`, `custom`); `rows` is the editable list of
//! name and value pairs that the audience and the custom fields share, and `store` the one way
//! every part saves (stamp, averages from posts, checks, into the shortlist store).
//!
//! It builds on `app`, `widgets` and `state` like a section, and shows `risks::for_creator`.

mod audience;
mod contact;
mod custom;
mod evidence;
mod figures;
mod followers;
mod headline;
pub mod page;
mod posts;
pub mod route;
mod rows;
mod store;

pub use page::DossierPage;
pub use route::{dossier_href, hash_creator};
