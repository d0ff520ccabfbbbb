//! What both CSV imports (creators into the shortlist, a shop's orders into a campaign) keep while
//! a file is previewed and read: the session behind the preview, the preview, the progress, the
//! report, the error and the file being read, in one `Copy` handle (`Importer`) that the page's
//! handlers and each scheduled slice take, and the reading in time slices both run. Each import
//! adds its own remapping, start and finish on its instance of it (`shortlist::import_run`,
//! `campaign::orders`).

use leptos::prelude::*;

use crate::domain::io::csv_import::{Progress, Steps};
use crate::ui::app::slices::{run_in_slices, ImportProgress, Slice};
use crate::ui::widgets::files::read_chosen_file;
use crate::ui::widgets::section::classes;

/// The signals of one import: `S` its session, `P` the preview, `R` what the finished import
/// reports, `T` where the import goes (the store it adds to).
pub struct Importer<S: 'static, P: 'static, R: 'static, T> {
    pub state: T,
    pub session: StoredValue<Option<S>>,
    pub preview: RwSignal<Option<P>>,
    pub progress: RwSignal<Option<Progress>>,
    pub report: RwSignal<Option<R>>,
    pub error: RwSignal<Option<String>>,
    /// The name of the file whose bytes are being read.
    pub reading: RwSignal<Option<String>>,
    pub cancelled: StoredValue<bool>,
}

// By hand: derived, they would ask the session, preview and report to be `Copy` too.
impl<S, P, R, T: Copy> Clone for Importer<S, P, R, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<S, P, R, T: Copy> Copy for Importer<S, P, R, T> {}

impl<S, P, R, T> Importer<S, P, R, T>
where
    S: Send + Sync + 'static,
    P: Send + Sync + 'static,
    R: Send + Sync + 'static,
    T: Copy + Send + Sync + 'static,
{
    /// An import into `state` with nothing chosen yet.
    pub fn new(state: T) -> Self {
        Self {
            state,
            session: StoredValue::new(None),
            preview: RwSignal::new(None),
            progress: RwSignal::new(None),
            report: RwSignal::new(None),
            error: RwSignal::new(None),
            reading: RwSignal::new(None),
            cancelled: StoredValue::new(false),
        }
    }

    /// Shows a new session's preview (made by `preview`, which may read ahead first), or why there
    /// is none; what an earlier import reported goes.
    pub fn open<E: ToString>(self, session: Result<S, E>, preview: impl FnOnce(&mut S) -> P) {
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
                self.preview.set(Some(preview(&mut s)));
                self.session.set_value(Some(s));
            }
        }
    }

    /// `f` on the session, when there is one (and the page still is).
    pub fn with_session<X>(self, f: impl FnOnce(&mut S) -> X) -> Option<X> {
        self.session
            .try_update_value(|s| s.as_mut().map(f))
            .flatten()
    }

    /// Drops the session: no preview, no bar, and a slice still scheduled does nothing.
    pub fn cancel(self) {
        self.cancelled.set_value(true);
        self.session.set_value(None);
        self.preview.set(None);
        self.progress.set(None);
    }

    /// Reads the session in time slices of `batch` rows (see `run_in_slices`), the preview gone
    /// and the progress bar shown before any reading, then hands the session to `finish`, after
    /// a frame with the full bar, unless the import was cancelled meanwhile.
    pub fn read_in_slices(self, batch: usize, finish: impl FnOnce(S) + 'static)
    where
        S: Steps,
    {
        self.cancelled.set_value(false);
        self.preview.set(None);
        let first = self.session.with_value(|s| s.as_ref().map(S::progress));
        self.progress.set(first);
        run_in_slices(
            move |in_slice| self.read_slice(batch, in_slice),
            move || {
                if self.cancelled.try_get_value() != Some(false) {
                    return;
                }
                if let Some(Some(session)) = self.session.try_update_value(Option::take) {
                    finish(session);
                }
            },
        );
    }

    /// One slice of the reading: batches of `batch` rows while `in_slice` allows; nothing when
    /// the import was cancelled or its session is gone; the progress shown; [`Slice::Done`] once
    /// the whole text is read.
    fn read_slice(self, batch: usize, in_slice: &dyn Fn() -> bool) -> Slice
    where
        S: Steps,
    {
        if self.cancelled.try_get_value() != Some(false) {
            return Slice::Stopped;
        }
        let Some(Some(p)) = self
            .session
            .try_update_value(|s| s.as_mut().map(|s| s.step_while(batch, |_| in_slice())))
        else {
            return Slice::Stopped;
        };
        self.progress.set(Some(p));
        if p.finished {
            Slice::Done
        } else {
            Slice::More
        }
    }

    /// Reads the file chosen in the input that fired `ev` (see `read_chosen_file`): `reading`
    /// names it meanwhile, `error` says why it could not be read.
    pub fn read_file(
        self,
        ev: &leptos::ev::Event,
        max_bytes: usize,
        too_large: impl FnOnce(usize),
        read: impl FnOnce(&str, Vec<u8>) + 'static,
    ) {
        read_chosen_file(ev, max_bytes, self.reading, self.error, too_large, read);
    }

    /// What the import shows under its inputs: the file being read (a status line) and what went
    /// wrong (an alert), both with `class` added when given; then the `preview`, and the progress
    /// bar while the import runs (`id` names it, `what` starts its count, `stop` is its button,
    /// which cancels).
    pub fn feedback(
        self,
        class: Option<&'static str>,
        preview: impl IntoView + 'static,
        id: &'static str,
        what: &'static str,
        stop: &'static str,
    ) -> impl IntoView {
        // Made once as the import starts; each slice's progress updates it in place.
        let running = Memo::new(move |_| self.progress.with(Option::is_some));
        let progress = move || {
            running.get().then(|| {
                view! {
                    <ImportProgress
                        progress=self.progress
                        id=id
                        what=what
                        stop=stop
                        on_stop=move || self.cancel()
                    />
                }
            })
        };
        view! {
            <p class=classes("status", class) role="status">
                {move || self.reading.get().map(|name| format!("Reading “{name}”…"))}
            </p>
            <p class=classes("error", class) role="alert">
                {move || self.error.get()}
            </p>
            {preview}
            {progress}
        }
    }
}
