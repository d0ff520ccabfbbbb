//! Deliverables calendar (issue #17): dated deliverables per creator in a campaign, kept in
//! `Campaign::deliverables`.
//!
//! `item` is one deliverable (kind, title, date, state, note) and the checks every stored or
//! imported one goes through; `overdue` says which are late on the `today` the caller passes (the
//! UI's local date); `month` lays a month out in Monday-first weeks for the month view; `ics`
//! writes the RFC 5545 file calendar apps import and `csv` the spreadsheet.

pub mod csv;
pub mod ics;
pub mod item;
pub mod month;
pub mod overdue;

use crate::text::sparse::sparse_record;

pub use item::{Deliverable, DeliverableError};

sparse_record! {
    /// Every deliverable of a campaign, in the order the user added them; an empty one is not
    /// written to storage.
    pub struct Deliverables {
        pub items: Vec<Deliverable>,
    }
}

impl Deliverables {
    /// Adds the deliverables of `other` (another version of the same campaign, from a restored
    /// workspace file) that this one lacks, matched by id: this version's state and dates win
    /// for the ones both have, and nothing either side added is lost.
    pub fn absorb(&mut self, other: &Deliverables) {
        for d in &other.items {
            if !self.items.iter().any(|x| x.id == d.id) {
                self.items.push(d.clone());
            }
        }
    }

    /// Checked and normalised (see `item::checked`).
    pub fn checked(self) -> Result<Deliverables, DeliverableError> {
        Ok(Deliverables {
            items: item::checked(self.items)?,
        })
    }
}
