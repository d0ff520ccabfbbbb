//! The campaigns' reactive state: loading through `storage`, debounced saves, and the rule that
//! stored data which could not be read is never overwritten (the user keeps working in memory).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use leptos::prelude::*;

use crate::domain::campaign::Campaign;
use crate::domain::creator::IdSource;
use crate::storage::envelope::{Kind, Load};
use crate::storage::{self, SaveError};

/// Where campaigns are stored ("microscope.campaigns").
pub const CAMPAIGNS: Kind = Kind {
    key: "campaigns",
    label: "campaigns",
    version: 1,
    migrations: &[],
};

/// Edits within this time are saved together, so typing a name does not write on every key.
pub const SAVE_DELAY: Duration = Duration::from_millis(300);

/// Milliseconds since 1970 from the browser clock (0 outside a browser).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance().map(|p| p.time_origin() + p.now()))
        .unwrap_or(0.0)
}

struct Book {
    last_seen: Option<String>,
    timer: Option<TimeoutHandle>,
    /// False when storage is unusable or holds data this version must not overwrite.
    can_save: bool,
    ids: IdSource,
    /// The campaigns waiting to be saved. Kept here, outside the reactive arena, so leaving the
    /// section (which disposes the signals) can still save the last edits.
    pending: Option<Vec<Campaign>>,
}

type Shared = Arc<Mutex<Book>>;

/// Saves the pending campaigns, if any. `None`: nothing to do or saving is off.
fn save_pending(book: &mut Book) -> Option<Result<(), SaveError>> {
    if let Some(t) = book.timer.take() {
        t.clear();
    }
    let data = book.pending.take()?;
    if !book.can_save {
        return None;
    }
    Some(
        storage::save(&CAMPAIGNS, &data, book.last_seen.as_deref()).map(|text| {
            book.last_seen = Some(text);
        }),
    )
}

/// Context-free handle to the campaigns. Cheap to copy.
#[derive(Clone, Copy)]
pub struct CampaignStore {
    pub campaigns: RwSignal<Vec<Campaign>>,
    /// The campaign being edited.
    pub selected: RwSignal<Option<String>>,
    /// Why stored campaigns are not in use (shown as a banner).
    pub problem: RwSignal<Option<String>>,
    /// Why the last save failed; cleared by the next successful save.
    pub save_error: RwSignal<Option<String>>,
    book: StoredValue<Shared>,
}

impl CampaignStore {
    pub fn load() -> CampaignStore {
        let (load, raw) = storage::load_list::<Campaign>(&CAMPAIGNS);
        let message = load.message(&CAMPAIGNS);
        let (campaigns, can_save, last_seen) = match load {
            Load::Missing => (Vec::new(), true, None),
            Load::Unavailable { .. } => (Vec::new(), false, None),
            Load::Corrupt { raw, .. } | Load::TooNew { raw, .. } => (Vec::new(), false, Some(raw)),
            Load::Loaded { value, .. } => (value, true, raw),
        };
        let selected = campaigns.first().map(|c| c.id.clone());
        let store = CampaignStore {
            campaigns: RwSignal::new(campaigns),
            selected: RwSignal::new(selected),
            problem: RwSignal::new(message),
            save_error: RwSignal::new(None),
            book: StoredValue::new(Arc::new(Mutex::new(Book {
                last_seen,
                timer: None,
                can_save,
                ids: IdSource::new(now_ms()),
                pending: None,
            }))),
        };
        let pagehide = window_event_listener_untyped("pagehide", move |_| store.flush());
        let shared = store.book.get_value();
        on_cleanup(move || {
            pagehide.remove();
            // The signals may be gone already; the book is not. A failure here can't be shown.
            if let Ok(mut book) = shared.lock() {
                let _ = save_pending(&mut book);
            }
        });
        store
    }

    /// Adds a campaign named `name` and selects it. Returns its id.
    pub fn create(&self, name: &str) -> String {
        let id = self
            .book
            .try_with_value(|b| b.lock().ok().map(|mut b| b.ids.next_id()))
            .flatten()
            .unwrap_or_default();
        let campaign = Campaign::new(id.clone(), name, now_ms());
        self.campaigns.update(|cs| cs.push(campaign));
        self.selected.set(Some(id.clone()));
        self.schedule_save();
        id
    }

    /// Changes one campaign and schedules a save.
    pub fn edit(&self, id: &str, change: impl FnOnce(&mut Campaign)) {
        let now = now_ms();
        self.campaigns.update(|cs| {
            if let Some(c) = cs.iter_mut().find(|c| c.id == id) {
                change(c);
                c.updated_at = now;
            }
        });
        self.schedule_save();
    }

    pub fn remove(&self, id: &str) {
        self.campaigns.update(|cs| cs.retain(|c| c.id != id));
        if self.selected.get_untracked().as_deref() == Some(id) {
            let first = self
                .campaigns
                .with_untracked(|cs| cs.first().map(|c| c.id.clone()));
            self.selected.set(first);
        }
        self.schedule_save();
    }

    fn schedule_save(&self) {
        let store = *self;
        let Some(shared) = self.book.try_get_value() else {
            return;
        };
        let data = self.campaigns.get_untracked();
        let timer = set_timeout_with_handle(move || store.save_now(), SAVE_DELAY).ok();
        let Ok(mut book) = shared.lock() else {
            return;
        };
        book.pending = Some(data);
        if let Some(old) = std::mem::replace(&mut book.timer, timer) {
            old.clear();
        }
    }

    /// Saves pending edits now (page hidden, or a test wants it settled).
    pub fn flush(&self) {
        self.save_now();
    }

    fn save_now(&self) {
        let Some(shared) = self.book.try_get_value() else {
            return;
        };
        let Some(result) = shared.lock().ok().and_then(|mut b| save_pending(&mut b)) else {
            return;
        };
        match result {
            Ok(()) => self.save_error.set(None),
            Err(SaveError::Conflict { .. }) => self.save_error.set(Some(
                "Another tab saved campaigns since this one loaded them; your changes here are \
                 not saved. Reload the page to see the newest campaigns."
                    .to_string(),
            )),
            Err(e) => self.save_error.set(Some(format!(
                "Your campaigns could not be saved: {e}. They stay in this tab until it closes."
            ))),
        }
    }
}
