//! One persisted value over `storage`: debounced saves, a flush when the page is hidden or closed
//! (or the section that owns it goes away), the save's outcome as signals the banners read, and a
//! subscription to other tabs' writes.
//!
//! The rules every store keeps live here once: nothing is written while the stored data could not
//! be read (until the owner says "start fresh"); a save only replaces the exact text this tab last
//! saw, and when another tab wrote in between the owner's conflict handler merges before retrying;
//! a failed save keeps everything in memory and says so until the next save succeeds.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use leptos::prelude::*;
use serde::Serialize;

use crate::storage::envelope::{Kind, Load};
use crate::storage::{self, SaveError};

/// Edits within this time are saved together: typing a name does not write on every key.
pub const SAVE_DELAY: Duration = Duration::from_millis(300);
/// A save that keeps meeting newer data gives up after this many merges (another tab saving in a loop).
const MAX_SAVE_ATTEMPTS: usize = 4;

/// How a store words a failed save for its banner: "{subject} could not be saved: {error}.
/// {advice}", the advice depending on whether storage was full.
#[derive(Debug)]
pub struct SaveWords {
    /// Whose changes, e.g. "Your latest changes".
    pub subject: &'static str,
    /// What to do when the browser's storage is full.
    pub quota: &'static str,
    /// What to do after any other failure.
    pub other: &'static str,
}

impl SaveWords {
    pub fn describe(&self, e: &SaveError) -> String {
        let advice = match e {
            SaveError::Quota(_) => self.quota,
            _ => self.other,
        };
        format!("{} could not be saved: {e}. {advice}", self.subject)
    }
}

/// Whether saves may go to storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Saves go to storage.
    Normal,
    /// Storage can't be used; saves are not attempted.
    Unavailable,
    /// Stored data must not be overwritten; saves wait for the user's "Start fresh".
    Blocked,
}

impl Mode {
    /// The mode a load outcome leaves the store in.
    pub fn after<T>(load: &Load<T>) -> Mode {
        match load {
            Load::Missing | Load::Loaded { .. } => Mode::Normal,
            Load::Unavailable { .. } => Mode::Unavailable,
            Load::Corrupt { .. } | Load::TooNew { .. } => Mode::Blocked,
        }
    }
}

/// What a save attempt ended in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Nothing pending, or saving is off (unavailable or blocked).
    Nothing,
    Written,
    /// Not saved; `save_error` says why. A conflict here means no handler could merge it.
    Failed(SaveError),
}

/// Called when a save met newer data: re-read, merge, hand the merged value back through
/// [`Persisted::adopt`]. Returns false when saving must stop.
type ConflictFn = Arc<dyn Fn() -> bool + Send + Sync>;
/// Called after a save wrote (the owner forgets its record of unsaved edits).
type SavedFn = Arc<dyn Fn() + Send + Sync>;

struct Book<T> {
    /// The stored text this tab last read or wrote; a save only replaces exactly this.
    last_seen: Option<String>,
    mode: Mode,
    timer: Option<TimeoutHandle>,
    /// The value waiting to be saved. Kept here, outside the reactive arena, so that leaving the
    /// section (which disposes the signals) can still save the last edits.
    pending: Option<T>,
    on_conflict: Option<ConflictFn>,
    on_saved: Option<SavedFn>,
}

type Shared<T> = Arc<Mutex<Book<T>>>;

/// How a store's value goes to storage: a setting whole ([`Whole`]), a list through
/// `storage::save_list` (`list::ListToSave`, in parts when its kind is laid out so).
pub trait Save: Send + Sync + 'static {
    /// Saves if the stored text is still `last_seen`; returns the new stored text.
    fn save(&self, kind: &Kind, last_seen: Option<&str>) -> Result<String, SaveError>;
    /// Replaces whatever is stored (the user chose to).
    fn overwrite(&self, kind: &Kind) -> Result<String, SaveError>;
}

/// A value saved whole under its kind's key.
pub struct Whole<T>(pub T);

impl<T: Serialize + Send + Sync + 'static> Save for Whole<T> {
    fn save(&self, kind: &Kind, last_seen: Option<&str>) -> Result<String, SaveError> {
        storage::save(kind, &self.0, last_seen)
    }

    fn overwrite(&self, kind: &Kind) -> Result<String, SaveError> {
        storage::overwrite(kind, &self.0)
    }
}

/// Writes the pending value if saving is on. `None`: nothing to do.
fn write<T: Save>(kind: &Kind, book: &mut Book<T>) -> Option<Result<String, SaveError>> {
    if book.mode != Mode::Normal {
        return None;
    }
    let data = book.pending.as_ref()?;
    let result = data.save(kind, book.last_seen.as_deref());
    if let Ok(text) = &result {
        book.last_seen = Some(text.clone());
        book.pending = None;
    }
    Some(result)
}

/// Handle to one persisted value. Cheap to copy.
pub struct Persisted<T: Send + Sync + 'static> {
    kind: &'static Kind,
    book: StoredValue<Shared<T>>,
    words: &'static SaveWords,
    delay: Duration,
    /// Why the last save failed; cleared by the next successful save.
    pub save_error: RwSignal<Option<String>>,
    /// Edits not yet in storage.
    pub unsaved: RwSignal<bool>,
}

impl<T: Send + Sync + 'static> Clone for Persisted<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Persisted<T> {}

impl<T: Send + Sync + 'static> std::fmt::Debug for Persisted<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Persisted")
            .field("kind", &self.kind.key)
            .finish_non_exhaustive()
    }
}

impl<T: Save> Persisted<T> {
    /// A store for `kind` that last saw `last_seen` stored. `words` word a failed save for the
    /// banner; `delay` is the debounce (zero: save on the next tick).
    pub fn new(
        kind: &'static Kind,
        mode: Mode,
        last_seen: Option<String>,
        delay: Duration,
        words: &'static SaveWords,
    ) -> Persisted<T> {
        Persisted {
            kind,
            book: StoredValue::new(Arc::new(Mutex::new(Book {
                last_seen,
                mode,
                timer: None,
                pending: None,
                on_conflict: None,
                on_saved: None,
            }))),
            words,
            delay,
            save_error: RwSignal::new(None),
            unsaved: RwSignal::new(false),
        }
    }

    fn with_book<R>(&self, f: impl FnOnce(&mut Book<T>) -> R) -> Option<R> {
        let shared = self.book.try_get_value()?;
        let mut book = shared.lock().ok()?;
        Some(f(&mut book))
    }

    pub fn kind(&self) -> &'static Kind {
        self.kind
    }

    /// `None` once the owner is gone.
    pub fn mode(&self) -> Option<Mode> {
        self.with_book(|b| b.mode)
    }

    /// Whether `raw` is what this tab last saw stored (then a storage event brings nothing new).
    pub fn has_seen(&self, raw: Option<&str>) -> bool {
        self.with_book(|b| b.last_seen.as_deref() == raw)
            .unwrap_or(true)
    }

    /// Sets the handler a save calls when another tab wrote in between.
    pub fn on_conflict(&self, handler: impl Fn() -> bool + Send + Sync + 'static) {
        let handler: ConflictFn = Arc::new(handler);
        self.with_book(|b| b.on_conflict = Some(handler));
    }

    /// Sets the handler called after each successful write.
    pub fn on_saved(&self, handler: impl Fn() + Send + Sync + 'static) {
        let handler: SavedFn = Arc::new(handler);
        self.with_book(|b| b.on_saved = Some(handler));
    }

    fn saved(&self) -> Saved {
        let _ = self.unsaved.try_set(false);
        if self.save_error.try_get_untracked().flatten().is_some() {
            let _ = self.save_error.try_set(None);
        }
        if let Some(Some(h)) = self.with_book(|b| b.on_saved.clone()) {
            h();
        }
        Saved::Written
    }

    /// Takes in what storage now holds: `raw` becomes the text saves replace, `mode` what the
    /// load allows, and `pending` (the merge of this tab's edits, if any) what is saved next.
    pub fn adopt(&self, raw: Option<String>, mode: Mode, pending: Option<T>) {
        let unsaved = pending.is_some();
        self.with_book(|b| {
            b.last_seen = raw;
            b.mode = mode;
            b.pending = pending;
        });
        let _ = self.unsaved.try_set(unsaved);
    }

    /// Turns saving back on after the user chose to save over what could not be kept (see
    /// `ListStore::save_without_unread`), and saves `data` after the delay.
    pub fn resume(&self, data: T) {
        self.with_book(|b| b.mode = Mode::Normal);
        self.schedule(data);
    }

    /// Saves `data` after the debounce delay without further edits.
    pub fn schedule(&self, data: T) {
        let _ = self.unsaved.try_set(true);
        let this = *self;
        let timer = set_timeout_with_handle(
            move || {
                this.flush();
            },
            self.delay,
        )
        .ok();
        let old = self
            .with_book(|b| {
                b.pending = Some(data);
                std::mem::replace(&mut b.timer, timer)
            })
            .flatten();
        if let Some(old) = old {
            old.clear();
        }
    }

    /// Saves `data` now (settings that apply at once).
    pub fn save_now(&self, data: T) -> Saved {
        self.with_book(|b| b.pending = Some(data));
        self.flush()
    }

    /// Saves pending edits now (page hidden or closed, or a test wants it settled).
    pub fn flush(&self) -> Saved {
        let Some(shared) = self.book.try_get_value() else {
            return Saved::Nothing;
        };
        for _ in 0..MAX_SAVE_ATTEMPTS {
            let (result, handler) = {
                let Ok(mut book) = shared.lock() else {
                    return Saved::Nothing;
                };
                if let Some(t) = book.timer.take() {
                    t.clear();
                }
                (write(self.kind, &mut book), book.on_conflict.clone())
            };
            match result {
                None => {
                    if self.with_book(|b| b.pending.is_none()) == Some(true) {
                        let _ = self.unsaved.try_set(false);
                    }
                    return Saved::Nothing;
                }
                Some(Ok(_)) => return self.saved(),
                Some(Err(SaveError::Conflict { stored })) => match handler {
                    // The handler merged and adopted: try again with the merged value.
                    Some(h) if h() => continue,
                    _ => {
                        let e = SaveError::Conflict { stored };
                        let _ = self.save_error.try_set(Some(self.words.describe(&e)));
                        return Saved::Failed(e);
                    }
                },
                Some(Err(e)) => {
                    let _ = self.save_error.try_set(Some(self.words.describe(&e)));
                    return Saved::Failed(e);
                }
            }
        }
        let e = SaveError::Conflict { stored: None };
        let _ = self.save_error.try_set(Some(
            "Another tab keeps saving changes at the same time, so this tab's changes are not saved yet. They are still here; they will be saved with your next change.".to_string(),
        ));
        Saved::Failed(e)
    }

    /// Replaces whatever is stored with `data`, after the user chose to ("Start fresh", "save
    /// mine over them"). Saving is back on afterwards.
    pub fn overwrite(&self, data: &T) -> Saved {
        match data.overwrite(self.kind) {
            Ok(text) => {
                self.with_book(|b| {
                    b.last_seen = Some(text);
                    b.mode = Mode::Normal;
                    b.pending = None;
                });
                self.saved()
            }
            Err(e) => {
                let _ = self.save_error.try_set(Some(self.words.describe(&e)));
                Saved::Failed(e)
            }
        }
    }

    /// Listens to other tabs' writes of this kind (`on_other_tab` re-reads and merges), and
    /// flushes when the page is hidden or closed. When the current reactive owner is cleaned up
    /// the listeners go and pending edits are saved.
    pub fn listen(&self, on_other_tab: impl Fn() + 'static) {
        let this = *self;
        let kind = self.kind;
        let storage_events = window_event_listener(leptos::ev::storage, move |ev| {
            if storage::event_is_for(&ev, kind) {
                on_other_tab();
            }
        });
        // visibilitychange is fired at the document and bubbles to the window.
        let hidden = window_event_listener_untyped("visibilitychange", move |_| {
            if page_hidden() {
                this.flush();
            }
        });
        let pagehide = window_event_listener_untyped("pagehide", move |_| {
            this.flush();
        });
        let shared = self.book.get_value();
        on_cleanup(move || {
            storage_events.remove();
            hidden.remove();
            pagehide.remove();
            // The signals may be gone already; the book is not. A failure here can't be shown.
            if let Ok(mut book) = shared.lock() {
                if let Some(t) = book.timer.take() {
                    t.clear();
                }
                let _ = write(kind, &mut book);
            }
        });
    }
}

/// Shows `text` in `note` (a polite status line, e.g. "Updated from another tab") for a few
/// seconds, unless something else replaced it meanwhile.
pub fn flash_note(note: RwSignal<Option<String>>, text: &'static str) {
    note.set(Some(text.to_string()));
    set_timeout(
        move || {
            if note.try_with_untracked(|n| n.as_deref() == Some(text)) == Some(true) {
                let _ = note.try_set(None);
            }
        },
        Duration::from_secs(8),
    );
}
/// Whether the page is hidden (another tab in front, the window minimised, the page closing):
/// the moment to write what is pending, since the page may never come back.
pub(crate) fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden)
}
