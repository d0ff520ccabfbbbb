//! What the user is looking at in the shortlist table, not what is stored: filters, sort, page,
//! the selection to compare, the creator being edited, and removal with a time-limited undo.

use crate::ui::widgets::focus::focus_after_redraw;
use std::time::Duration;

use leptos::prelude::*;

use crate::domain::creator::record::{Creator, Status};
use crate::domain::creator::shortlist::{Filter, SortDir, SortKey};
use crate::domain::engine::engagement::Formula;
use crate::domain::{Platform, Tier};
use crate::ui::shortlist::compare::MAX_COMPARE;
use crate::ui::state::ShortlistStore;

/// How long "Undo" stays after a removal (it also goes at the next action).
const UNDO_TIME: Duration = Duration::from_secs(10);

/// The direction a column sorts in when first clicked: the figures a marketer looks for first.
fn first_direction(key: SortKey) -> SortDir {
    match key {
        SortKey::Followers | SortKey::Tier | SortKey::Rate | SortKey::Updated => SortDir::Desc,
        SortKey::Name | SortKey::Status | SortKey::Price => SortDir::Asc,
    }
}

/// The next sort after clicking `key`'s header: the other direction on the same column.
pub(super) fn next_sort(current: (SortKey, SortDir), key: SortKey) -> (SortKey, SortDir) {
    match current {
        (k, SortDir::Asc) if k == key => (key, SortDir::Desc),
        (k, SortDir::Desc) if k == key => (key, SortDir::Asc),
        _ => (key, first_direction(key)),
    }
}

/// Filters, sort, page and selection: what the user is looking at, not what is stored.
#[derive(Clone, Copy)]
pub(super) struct View {
    pub(super) state: ShortlistStore,
    pub(super) text: RwSignal<String>,
    pub(super) tier: RwSignal<Option<Tier>>,
    pub(super) platform: RwSignal<Option<Platform>>,
    pub(super) status: RwSignal<Option<Status>>,
    pub(super) tag: RwSignal<Option<String>>,
    pub(super) sort: RwSignal<(SortKey, SortDir)>,
    pub(super) formula: RwSignal<Formula>,
    pub(super) page: RwSignal<usize>,
    pub(super) selected: RwSignal<Vec<String>>,
    pub(super) editing: RwSignal<Option<Creator>>,
    pub(super) removed: RwSignal<Option<Creator>>,
    pub(super) notice: RwSignal<Option<String>>,
    pub(super) undo_generation: StoredValue<u64>,
}

impl View {
    pub(super) fn new(state: ShortlistStore) -> View {
        View {
            state,
            text: RwSignal::new(String::new()),
            tier: RwSignal::new(None),
            platform: RwSignal::new(None),
            status: RwSignal::new(None),
            tag: RwSignal::new(None),
            sort: RwSignal::new((SortKey::Name, SortDir::Asc)),
            formula: RwSignal::new(Formula::default()),
            page: RwSignal::new(0),
            selected: RwSignal::new(Vec::new()),
            editing: RwSignal::new(None),
            removed: RwSignal::new(None),
            notice: RwSignal::new(None),
            undo_generation: StoredValue::new(0),
        }
    }

    pub(super) fn filter(&self) -> Filter {
        Filter {
            tier: self.tier.get(),
            platform: self.platform.get(),
            status: self.status.get(),
            tag: self.tag.get(),
            text: self.text.get(),
        }
    }

    pub(super) fn clear_filters(&self) {
        self.text.set(String::new());
        self.tier.set(None);
        self.platform.set(None);
        self.status.set(None);
        self.tag.set(None);
        self.page.set(0);
    }

    /// Another action happened: the last removal can no longer be undone.
    pub(super) fn action(&self, notice: Option<String>) {
        self.removed.set(None);
        self.notice.set(notice);
    }

    pub(super) fn remove(&self, id: &str) {
        let Some(c) = self.state.remove(id) else {
            return;
        };
        self.selected.update(|s| s.retain(|x| x != id));
        let generation = self
            .undo_generation
            .try_update_value(|g| {
                *g += 1;
                *g
            })
            .unwrap_or(0);
        self.notice.set(None);
        self.removed.set(Some(c));
        let this = *self;
        set_timeout(
            move || {
                if this.undo_generation.try_get_value() == Some(generation) {
                    let _ = this.removed.try_set(None);
                }
            },
            UNDO_TIME,
        );
        focus_after_redraw("shortlist-undo");
    }

    pub(super) fn undo(&self) {
        let Some(c) = self.removed.get_untracked() else {
            return;
        };
        let name = c.name.clone();
        self.state.put(c);
        self.action(Some(format!("Restored “{name}”.")));
        focus_after_redraw("shortlist-notice");
    }

    pub(super) fn toggle_selected(&self, id: &str, on: bool) {
        self.selected.update(|s| {
            s.retain(|x| x != id);
            if on && s.len() < MAX_COMPARE {
                s.push(id.to_string());
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_clicks_toggle_direction() {
        let cases = [
            (
                (SortKey::Name, SortDir::Asc),
                SortKey::Name,
                (SortKey::Name, SortDir::Desc),
            ),
            (
                (SortKey::Name, SortDir::Desc),
                SortKey::Name,
                (SortKey::Name, SortDir::Asc),
            ),
            (
                (SortKey::Name, SortDir::Asc),
                SortKey::Followers,
                (SortKey::Followers, SortDir::Desc),
            ),
            (
                (SortKey::Rate, SortDir::Desc),
                SortKey::Price,
                (SortKey::Price, SortDir::Asc),
            ),
        ];
        for (current, key, want) in cases {
            assert_eq!(next_sort(current, key), want, "{current:?} {key:?}");
        }
    }
}
