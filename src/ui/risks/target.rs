//! The creator the Risks tools work on: a shortlisted creator whose dossier takes their results,
//! or none (a quick check, which saves nothing). Each tool gets an `Option<Target>` and says in
//! its `SaveNote` where its result went.
//!
//! Saving loses nothing and does not flood the dossier: a tool keeps the entry it wrote during
//! this visit (the tools are mounted afresh for each pick) and replaces that entry as the user
//! edits; a new visit, or a new day, starts a new entry.

use leptos::prelude::*;

use crate::domain::creator::dossier::{CaptionCheck, CommentSample};
use crate::domain::creator::record::Creator;
use crate::domain::text::date::Date;
use crate::ui::app::clock::now_ms;
use crate::ui::state::ShortlistStore;

/// A shortlisted creator picked under Risks. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Target {
    store: ShortlistStore,
    id: StoredValue<String>,
}

/// A dossier entry with its date: the entry of this visit is only replaced on the same day.
pub trait Dated: Clone + PartialEq + Send + Sync + 'static {
    fn date(&self) -> Date;
}

impl Dated for CommentSample {
    fn date(&self) -> Date {
        self.date
    }
}

impl Dated for CaptionCheck {
    fn date(&self) -> Date {
        self.date
    }
}

/// The entry one tool wrote during this visit, to replace as the user edits.
pub type VisitEntry<T> = StoredValue<Option<T>>;

impl Target {
    pub fn new(store: ShortlistStore, id: String) -> Target {
        Target {
            store,
            id: StoredValue::new(id),
        }
    }

    /// The creator as stored now (tracked), `None` once removed from the shortlist.
    pub fn creator(self) -> Option<Creator> {
        self.id
            .with_value(|id| self.store.list.with(|l| l.get(id).cloned()))
    }

    /// The creator's name (tracked); empty once removed.
    pub fn name(self) -> String {
        self.id.with_value(|id| {
            self.store
                .list
                .with(|l| l.get(id).map(|c| c.name.clone()).unwrap_or_default())
        })
    }

    /// Changes the stored creator with `change` and schedules the save; stamps the change time so
    /// a merge with another tab keeps it. False when the creator is no longer on the shortlist.
    pub fn update(self, change: impl FnOnce(&mut Creator)) -> bool {
        let Some(mut c) = self
            .id
            .with_value(|id| self.store.list.with_untracked(|l| l.get(id).cloned()))
        else {
            return false;
        };
        change(&mut c);
        c.updated_at = now_ms().max(c.updated_at);
        self.store.put(c);
        true
    }

    /// Writes `entry` into the list `list` picks: over the entry this visit wrote (`visit`) when
    /// it is still there and of the same day, else as a new entry. Returns the sentence that says
    /// where it went ("Saved to Ana's dossier, 2026-12-06."), or why it could not be saved.
    pub fn save_entry<T: Dated>(
        self,
        visit: VisitEntry<T>,
        list: fn(&mut Creator) -> &mut Vec<T>,
        entry: T,
    ) -> String {
        let earlier = visit.get_value();
        if earlier.as_ref() == Some(&entry) {
            return self.saved_note(entry.date());
        }
        let saved = self.update(|c| {
            let entries = list(c);
            let mine = earlier
                .filter(|e| e.date() == entry.date())
                .and_then(|e| entries.iter().position(|x| *x == e));
            match mine {
                Some(i) => entries[i] = entry.clone(),
                None => entries.push(entry.clone()),
            }
        });
        if !saved {
            return "Not saved: this creator is no longer on the shortlist.".to_string();
        }
        let date = entry.date();
        visit.set_value(Some(entry));
        self.saved_note(date)
    }

    /// "Saved to Ana's dossier, 2026-12-06.", or that it stays in this tab when the shortlist
    /// cannot be saved (its banner says why).
    pub fn saved_note(self, date: Date) -> String {
        let name = self.id.with_value(|id| {
            self.store
                .list
                .with_untracked(|l| l.get(id).map(|c| c.name.clone()))
                .unwrap_or_default()
        });
        if self.store.saving_enabled() {
            format!("Saved to {name}'s dossier, {date}.")
        } else {
            format!("Kept in {name}'s dossier in this tab only, {date}: the shortlist cannot be saved in this browser right now (see the Shortlist section).")
        }
    }
}

/// Saves the entry `build` makes of `text` (with the words to add to the save note) each time
/// either changes, while a creator is picked; a blank `field` saves nothing and says why.
/// Returns the note for the tool's [`SaveNote`].
pub fn save_as_edited<T: Dated>(
    target: Option<Target>,
    field: &'static str,
    text: RwSignal<String>,
    list: fn(&mut Creator) -> &mut Vec<T>,
    build: impl Fn(String) -> (T, String) + 'static,
) -> RwSignal<Option<String>> {
    let note = RwSignal::new(None::<String>);
    let visit: VisitEntry<T> = StoredValue::new(None);
    if let Some(t) = target {
        Effect::new(move |_| {
            let text = text.get();
            if text.trim().is_empty() {
                note.set(blank_note(field, &text, visit.with_value(Option::is_some)));
                return;
            }
            let (entry, more) = build(text);
            let saved = t.save_entry(visit, list, entry);
            note.set(Some(format!("{saved}{more}")));
        });
    }
    note
}

/// Why a blank `field` saves nothing: `None` while it is simply empty and nothing was saved in
/// this visit; else a sentence naming the field.
fn blank_note(field: &str, text: &str, saved_earlier: bool) -> Option<String> {
    if saved_earlier {
        Some(format!("{field}: the box is empty, so nothing new is saved; what this visit saved stays in the dossier (delete it under Stored evidence)."))
    } else if text.is_empty() {
        None
    } else {
        Some(format!(
            "{field}: only blank lines or spaces were pasted, so nothing is saved."
        ))
    }
}

/// Where a tool's result went: the note of the last save, or what is needed before anything is
/// saved, or that a quick check saves nothing. A polite status line.
#[component]
pub fn SaveNote(
    target: Option<Target>,
    /// The last save's sentence, or why nothing was saved.
    #[prop(into)]
    note: Signal<Option<String>>,
    /// What this tool saves, when nothing has been saved yet: "Paste comments to save them to".
    waiting: &'static str,
    /// Said instead of `waiting` while it has a sentence (likes typed, waiting for comments);
    /// shown as quietly, since nothing is saved yet.
    #[prop(optional, into)]
    waiting_instead: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let text = move || match target {
        None => "Quick check: nothing here is saved.".to_string(),
        Some(t) => note
            .get()
            .or_else(|| waiting_instead.and_then(|w| w.get()))
            .unwrap_or_else(|| format!("{waiting} {}'s dossier.", t.name())),
    };
    view! {
        <p
            class="save-note"
            class:quick=move || target.is_none() || note.with(Option::is_none)
            role="status"
        >
            {text}
        </p>
    }
}
