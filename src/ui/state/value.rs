//! The single-value form of a persisted store (settings such as the risk thresholds): loaded once
//! by `App`, saved at once on each change, following another tab's saves, and never written over a
//! stored value this tab could not read (the defaults apply in memory until the user chooses).

use std::time::Duration;

use leptos::prelude::*;
use serde::Serialize;

use crate::domain::io::workspace::Record;
use crate::storage;
use crate::storage::envelope::{Kind, Load};
use crate::storage::SaveError;
use crate::ui::state::persisted::{Mode, Persisted, SaveWords, Saved, Whole};

/// A stored setting: its stored form (checked on the way in) around the value in use.
pub trait Setting: Record + Serialize + Send + Sync + 'static {
    type Value: Clone + Default + PartialEq + Send + Sync + 'static;
    const KIND: &'static Kind;
    /// How a failed save is worded.
    const WORDS: &'static SaveWords;

    fn stored(value: Self::Value) -> Self;
    fn value(self) -> Self::Value;
}

/// Implements `Setting` for a stored form that is a newtype over its value (`$stored(pub $value)`),
/// kept under `$kind`. A failed save reads "{$subject} could not be saved: …", and the value still
/// applies until the page closes.
macro_rules! newtype_setting {
    ($stored:ident, $value:ty, $kind:expr, $subject:literal) => {
        impl $crate::ui::state::value::Setting for $stored {
            type Value = $value;
            const KIND: &'static $crate::storage::envelope::Kind = $kind;
            const WORDS: &'static $crate::ui::state::persisted::SaveWords =
                &$crate::ui::state::persisted::SaveWords {
                    subject: $subject,
                    quota: "They apply until you close this page.",
                    other: "They apply until you close this page.",
                };

            fn stored(value: $value) -> $stored {
                $stored(value)
            }

            fn value(self) -> $value {
                self.0
            }
        }
    };
}
pub(crate) use newtype_setting;

/// What to tell the user about loading and saving.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    None,
    Saved,
    /// Saving or storage failed; the value still applies until the page closes.
    Problem(String),
    /// The stored value could not be read: defaults in use, stored text kept.
    Blocked {
        message: String,
        raw: String,
    },
    /// Another tab saved in between.
    Conflict,
}

/// Handle to one stored setting. Cheap to copy.
pub struct ValueStore<S: Setting> {
    /// The value in use.
    pub value: RwSignal<S::Value>,
    pub notice: RwSignal<Notice>,
    /// Counts the times the value was read again from storage (another tab's save, or the user
    /// chose the stored one), so an editor knows to show it.
    pub reloads: RwSignal<u64>,
    /// Saves at once (a setting applies as soon as it is typed).
    store: Persisted<Whole<S>>,
}

impl<S: Setting> Clone for ValueStore<S> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<S: Setting> Copy for ValueStore<S> {}

impl<S: Setting> std::fmt::Debug for ValueStore<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ValueStore")
            .field("kind", &S::KIND.key)
            .finish_non_exhaustive()
    }
}

impl<S: Setting> ValueStore<S> {
    /// Loads the saved value (the default on a first visit or when it can't be read), and follows
    /// other tabs' saves unless the stored value can't be read (then it is left alone).
    pub fn load() -> ValueStore<S> {
        let (value, mode, last_seen, notice) = read::<S>();
        let this = ValueStore {
            value: RwSignal::new(value),
            store: Persisted::new(S::KIND, mode, last_seen, Duration::ZERO, S::WORDS),
            notice: RwSignal::new(notice),
            reloads: RwSignal::new(0),
        };
        this.store.listen(move || {
            if !this.blocked() {
                this.reload();
            }
        });
        this
    }

    /// Reads storage again (another tab changed it, or the user chose the stored version).
    pub fn reload(&self) {
        let (value, mode, last_seen, notice) = read::<S>();
        self.value.set(value);
        self.store.adopt(last_seen, mode, None);
        self.notice.set(notice);
        self.reloads.update(|n| *n += 1);
    }

    /// Uses `value` and saves it when storage allows it.
    pub fn apply(&self, value: S::Value) {
        self.value.set(value.clone());
        if self.store.mode() != Some(Mode::Normal) {
            // Unreadable stored value: it stays; the notice already says changes are not saved.
            return;
        }
        let saved = self.store.save_now(Whole(S::stored(value)));
        self.after_save(saved);
    }

    /// Changes the value in use with `f` and saves it, when that changed anything.
    pub fn change(&self, f: impl FnOnce(&mut S::Value)) {
        let mut value = self.value.get_untracked();
        let before = value.clone();
        f(&mut value);
        if value != before {
            self.apply(value);
        }
    }

    /// Saves the value in use over whatever is stored, after the user asked to.
    pub fn overwrite(&self) {
        let saved = self
            .store
            .overwrite(&Whole(S::stored(self.value.get_untracked())));
        self.after_save(saved);
    }

    fn after_save(&self, saved: Saved) {
        match saved {
            Saved::Nothing => {}
            Saved::Written => self.notice.set(Notice::Saved),
            Saved::Failed(SaveError::Conflict { .. }) => self.notice.set(Notice::Conflict),
            Saved::Failed(e) => self.notice.set(Notice::Problem(S::WORDS.describe(&e))),
        }
    }

    /// Whether the stored value could not be read (and so is left alone).
    fn blocked(&self) -> bool {
        self.store.mode() == Some(Mode::Blocked)
    }
}

fn read<S: Setting>() -> (S::Value, Mode, Option<String>, Notice) {
    let (load, raw) = storage::load_one::<S>(S::KIND);
    let message = load.message(S::KIND);
    let mode = Mode::after(&load);
    match load {
        Load::Loaded { value, .. } => (
            value.value(),
            mode,
            raw,
            message.map_or(Notice::None, Notice::Problem),
        ),
        Load::Missing => (S::Value::default(), mode, None, Notice::None),
        Load::Unavailable { .. } => (
            S::Value::default(),
            mode,
            None,
            Notice::Problem(message.unwrap_or_default()),
        ),
        Load::Corrupt { raw, .. } | Load::TooNew { raw, .. } => (
            S::Value::default(),
            mode,
            Some(raw.clone()),
            Notice::Blocked {
                message: message.unwrap_or_default(),
                raw,
            },
        ),
    }
}
