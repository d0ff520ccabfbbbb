//! Running a CSV import: the session behind the preview (`Importer`: start, remap, cancel), the
//! import in time slices so the page stays responsive, and the merge into the shortlist with the
//! `Report` it leaves. `import` draws it.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use wasm_bindgen::JsCast;

use leptos::prelude::*;

use crate::domain::io::csv_import::{
    merge_imported, ImportError, ImportSession, Preview, Progress, RejectedRow, Target,
};
use crate::domain::text::format::{group_thousands, plural};
use crate::ui::app::clock::performance;
use crate::ui::state::ShortlistStore;

/// Rows parsed between two looks at the clock: well under a millisecond of work.
const BATCH_ROWS: usize = 250;
/// Work per turn of the event loop before the browser gets to paint the progress bar and handle a
/// click on "Stop the import". Fixed row counts (2,000 rows, 50 turns for 100,000) spent more time
/// in the browser's minimum timer delay (4 ms once timers nest) and in redraws than parsing needed.
const SLICE_MS: f64 = 20.0;
/// A page may set `window.__microscopeImportSliceMs` (a number) to replace [`SLICE_MS`]. Only the
/// end-to-end test does (0: one batch per turn), so that it proves the import yields between
/// chunks however fast the machine parses (with 20 ms slices, how many counts showed depended on
/// the CPU: an Intel Xeon showed one).
const SLICE_MS_OVERRIDE: &str = "__microscopeImportSliceMs";

/// The time slice for this turn: [`SLICE_MS`] unless the page overrides it (see
/// [`SLICE_MS_OVERRIDE`]).
fn slice_ms() -> f64 {
    web_sys::window()
        .and_then(|w| {
            web_sys::js_sys::Reflect::get(&w, &wasm_bindgen::JsValue::from_str(SLICE_MS_OVERRIDE))
                .ok()
        })
        .and_then(|v| v.as_f64())
        .unwrap_or(SLICE_MS)
}

/// A slice of the import waiting for its turn.
type Task = Box<dyn FnOnce()>;

/// Runs `f` in a task of its own once the browser has had its turn (painted the progress bar if
/// a frame was due, handled a click on "Stop the import"). The task comes from a message posted
/// on a `MessageChannel`: a zero timeout nested in timeouts waits at least 4 ms from the fifth
/// on (the HTML standard's clamp), and the 16 turns of a 100,000-row import waited 64 ms in all
/// (issue 19). Falls back to a timeout where the channel can't be made.
fn next_turn(f: impl FnOnce() + 'static) {
    let channel = match web_sys::MessageChannel::new() {
        Ok(channel) => channel,
        Err(_) => return set_timeout(f, Duration::ZERO),
    };
    // Shared with the handler, so that `f` can still run by a timeout if posting fails.
    let task: Rc<Cell<Option<Task>>> = Rc::new(Cell::new(Some(Box::new(f))));
    let port = channel.port1();
    // The handler holds the channel, so both ports live until the message has arrived; it is
    // freed once called.
    let (held, pending) = (channel.clone(), task.clone());
    let run = wasm_bindgen::closure::Closure::once_into_js(move || {
        held.port1().close();
        if let Some(f) = pending.take() {
            f();
        }
    });
    port.set_onmessage(Some(run.unchecked_ref()));
    if channel
        .port2()
        .post_message(&wasm_bindgen::JsValue::NULL)
        .is_err()
    {
        port.set_onmessage(None);
        if let Some(f) = task.take() {
            set_timeout(f, Duration::ZERO);
        }
    }
}

/// Rows parsed for the import before the preview shows (see `ImportSession::read_ahead`): a few
/// milliseconds, after which the browser optimises the parser while the preview is drawn.
const READ_AHEAD_ROWS: usize = 3_000;

/// Rows shown in the preview.
const PREVIEW_ROWS: usize = 5;

/// What the import did, as the report shows it.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Report {
    pub(super) summary: String,
    pub(super) merged: String,
    pub(super) rejected: Vec<RejectedRow>,
}

/// The import's signals, copied into each scheduled chunk.
#[derive(Clone, Copy)]
pub(super) struct Importer {
    pub(super) state: ShortlistStore,
    pub(super) session: StoredValue<Option<ImportSession>>,
    pub(super) preview: RwSignal<Option<Preview>>,
    pub(super) progress: RwSignal<Option<Progress>>,
    pub(super) report: RwSignal<Option<Report>>,
    pub(super) error: RwSignal<Option<String>>,
    pub(super) cancelled: StoredValue<bool>,
}

impl Importer {
    pub(super) fn start(self, session: Result<ImportSession, ImportError>) {
        self.error.set(None);
        self.report.set(None);
        self.progress.set(None);
        match session {
            Err(e) => {
                self.session.set_value(None);
                self.preview.set(None);
                self.error.set(Some(e.to_string()));
            }
            Ok(mut s) => {
                s.read_ahead(READ_AHEAD_ROWS);
                self.preview.set(Some(s.preview(PREVIEW_ROWS)));
                self.session.set_value(Some(s));
            }
        }
    }

    pub(super) fn remap(self, index: usize, target: Target) {
        let result = self
            .session
            .try_update_value(|s| {
                s.as_mut()
                    .map(|s| s.remap(index, target).map(|_| s.preview(PREVIEW_ROWS)))
            })
            .flatten();
        match result {
            Some(Ok(p)) => {
                self.error.set(None);
                self.preview.set(Some(p));
            }
            Some(Err(e)) => {
                self.error.set(Some(e.to_string()));
                // Show the mapping as it still is.
                let p = self
                    .session
                    .with_value(|s| s.as_ref().map(|s| s.preview(PREVIEW_ROWS)));
                self.preview.set(p);
            }
            None => {}
        }
    }

    pub(super) fn cancel(self) {
        self.cancelled.set_value(true);
        self.session.set_value(None);
        self.preview.set(None);
        self.progress.set(None);
    }

    pub(super) fn run(self) {
        self.cancelled.set_value(false);
        self.preview.set(None);
        let first = self
            .session
            .with_value(|s| s.as_ref().map(|s| s.progress()));
        self.progress.set(first);
        // The first slice in a task of its own: the click returns at once and the progress bar
        // shows before any parsing, however quick the whole import turns out to be.
        next_turn(move || self.chunk());
    }

    /// Parses for one time slice, then lets the browser paint the progress bar before the next.
    fn chunk(self) {
        if self.cancelled.try_get_value() != Some(false) {
            return;
        }
        // Without a clock (not in a browser) each slice is one batch.
        let clock = performance();
        let started = clock.as_ref().map(|p| p.now());
        let slice = slice_ms();
        let in_slice = |_: &Progress| match (&clock, started) {
            (Some(p), Some(t)) => p.now() - t < slice,
            _ => false,
        };
        let Some(Some(progress)) = self
            .session
            .try_update_value(|s| s.as_mut().map(|s| s.step_while(BATCH_ROWS, in_slice)))
        else {
            return;
        };
        self.progress.set(Some(progress));
        if progress.finished {
            // Adding the creators to the shortlist and redrawing it is one long step of its own:
            // the full progress bar shows first, and the page answers in between.
            next_turn(move || self.merge());
        } else {
            next_turn(move || self.chunk());
        }
    }

    /// Adds the parsed creators to the shortlist and shows the report.
    fn merge(self) {
        if self.cancelled.try_get_value() != Some(false) {
            return;
        }
        let Some(Some(session)) = self.session.try_update_value(Option::take) else {
            return;
        };
        let report = session.finish();
        let summary = report.summary();
        let columns = report.columns;
        let merged = self.state.import_with(report.creators, |old, new| {
            merge_imported(old, new, &columns)
        });
        let merged = format!(
            "{} added to the shortlist{}.",
            plural(merged.added, "creator", "creators"),
            if merged.updated > 0 {
                format!(
                    ", {} already on it updated (same id)",
                    group_thousands(merged.updated as u64)
                )
            } else {
                String::new()
            }
        );
        self.progress.set(None);
        self.report.set(Some(Report {
            summary,
            merged,
            rejected: report.rejected,
        }));
    }
}
