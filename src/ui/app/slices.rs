//! Long work in time slices (the creator and the orders imports): one slice per turn of the event
//! loop, turns chained by posted messages, and a frame let through whenever one is due, so the
//! progress bar paints and a click on "Stop" is handled while the work runs; and the progress bar
//! and preview buttons both imports show.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::io::csv_import::Progress;
use crate::domain::text::format::{group_thousands, plural};
use crate::ui::app::clock::performance;

/// Work per turn of the event loop. Fixed row counts (2,000 rows, 50 turns for 100,000) spent
/// more time in the browser's minimum timer delay and in redraws than the parsing needed. 40 ms,
/// not 20 (issue 19, session 11): each slice is followed by a frame of about 2.5 ms (traced: the
/// bar's redraw, style, paint, the posted message), 10-12% of a 20 ms slice; 40 ms halves that
/// and stays under the 50 ms a task may take before the browser counts it as long, so the bar
/// still moves about 25 times a second and a click on "Stop" waits at most one slice.
const SLICE_MS: f64 = 40.0;
/// A page may set `window.__microscopeImportSliceMs` (a number) to replace [`SLICE_MS`]. Only the
/// end-to-end tests do (0: one batch per turn), so that they prove the imports yield between
/// slices however fast the machine parses (with 20 ms slices, how many counts showed depended on
/// the CPU: an Intel Xeon showed one).
const SLICE_MS_OVERRIDE: &str = "__microscopeImportSliceMs";
/// After this long without an animation frame the next slice waits for one (a frame at 60 Hz):
/// slices shorter than a frame run back to back, longer ones let every frame through.
const FRAME_MS: f64 = 16.0;
/// A page in a background tab gets no animation frames: the wait for one ends after this long,
/// so the work goes on (at the pace of the browser's timers there) instead of stalling.
const FRAME_WAIT_MAX: Duration = Duration::from_millis(100);

/// What one slice of work says when it ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slice {
    /// More to do: the next slice comes in a later turn.
    More,
    /// Finished: the closing step runs in a turn of its own, after a frame.
    Done,
    /// Cancelled or gone: nothing more runs.
    Stopped,
}

/// The time slice for this turn, in ms: [`SLICE_MS`] unless the page overrides it (see
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

/// Runs `work` one slice per turn until it returns [`Slice::Done`] (then `finish`, in a turn of
/// its own) or [`Slice::Stopped`]. `work` gets `in_slice`, which says whether this turn has time
/// left (look at it every few hundred rows). The first slice comes after a frame, so the progress
/// bar shows before any work; so does `finish`, so the full bar shows before the long last step.
pub fn run_in_slices(
    work: impl FnMut(&dyn Fn() -> bool) -> Slice + 'static,
    finish: impl FnOnce() + 'static,
) {
    let runner = Rc::new(Runner {
        work: RefCell::new(Box::new(work)),
        finish: Cell::new(Some(Box::new(finish))),
        last_frame: Cell::new(f64::NEG_INFINITY),
        frame_requested: Cell::new(false),
        waiting: Cell::new(None),
        waits: Cell::new(0),
    });
    let first = runner.clone();
    Runner::after_frame(&runner, Box::new(move || Runner::slice(first)));
}

/// A task waiting for its turn.
type Task = Box<dyn FnOnce()>;
type Work = Box<dyn FnMut(&dyn Fn() -> bool) -> Slice>;

struct Runner {
    work: RefCell<Work>,
    finish: Cell<Option<Task>>,
    /// When the last animation frame this run saw began (`performance.now()`).
    last_frame: Cell<f64>,
    /// An animation frame is requested and has not come yet.
    frame_requested: Cell<bool>,
    /// What runs once that frame has come (or the wait for it has timed out).
    waiting: Cell<Option<Task>>,
    /// How many waits for a frame this run has started (see [`Runner::after_frame`]).
    waits: Cell<u32>,
}

impl Runner {
    fn slice(runner: Rc<Runner>) {
        // The frame is asked for as the slice starts, so the browser has it due when the slice
        // ends and paints at once; asked for at the end, it came at the next vsync, up to a frame
        // of idle time per slice.
        Runner::request_frame(&runner);
        // Without a clock (not in a browser) each slice is one batch.
        let clock = performance();
        let started = clock.as_ref().map(|p| p.now());
        let slice = slice_ms();
        let in_slice = || match (&clock, started) {
            (Some(p), Some(t)) => p.now() - t < slice,
            _ => false,
        };
        let outcome = match runner.work.try_borrow_mut() {
            Ok(mut work) => work(&in_slice),
            Err(_) => Slice::Stopped,
        };
        match outcome {
            Slice::Stopped => {}
            Slice::Done => {
                if let Some(finish) = runner.finish.take() {
                    Runner::after_frame(&runner, finish);
                }
            }
            Slice::More => {
                let now = clock.as_ref().map(|p| p.now()).unwrap_or_default();
                let next = runner.clone();
                if now - runner.last_frame.get() >= FRAME_MS {
                    Runner::after_frame(&runner, Box::new(move || Runner::slice(next)));
                } else {
                    next_turn(move || Runner::slice(next));
                }
            }
        }
    }

    /// Asks for an animation frame unless one is on its way; when it comes, it notes the time
    /// and lets the waiting task run after the frame's style, layout and paint.
    fn request_frame(runner: &Rc<Runner>) {
        if runner.frame_requested.replace(true) {
            return;
        }
        let r = runner.clone();
        request_animation_frame(move || {
            r.frame_requested.set(false);
            if let Some(p) = performance() {
                r.last_frame.set(p.now());
            }
            if let Some(f) = r.waiting.take() {
                next_turn(f);
            }
        });
    }

    /// Runs `f` in a task of its own right after the next animation frame (the page painted), or
    /// after [`FRAME_WAIT_MAX`] where no frame comes (a background tab).
    fn after_frame(runner: &Rc<Runner>, f: Task) {
        runner.waiting.set(Some(f));
        Runner::request_frame(runner);
        // Only this wait's own timer may end it: an earlier one firing late must not let a later
        // slice skip its frame.
        let wait = runner.waits.get().wrapping_add(1);
        runner.waits.set(wait);
        let r = runner.clone();
        set_timeout(
            move || {
                if r.waits.get() == wait {
                    if let Some(f) = r.waiting.take() {
                        f();
                    }
                }
            },
            FRAME_WAIT_MAX,
        );
    }
}

/// Runs `f` in a task of its own once the page has painted what it shows now (the next animation
/// frame), or after [`FRAME_WAIT_MAX`] where no frame comes (a background tab): what `f` draws
/// then comes a frame after what is already on the page (the creator import's report, then the
/// table's page one).
pub fn after_paint(f: impl FnOnce() + 'static) {
    // Whichever of the frame and the timer comes first runs `f`; the other finds it gone.
    let task: Rc<Cell<Option<Task>>> = Rc::new(Cell::new(Some(Box::new(f))));
    let by_frame = task.clone();
    request_animation_frame(move || {
        next_turn(move || {
            if let Some(f) = by_frame.take() {
                f();
            }
        })
    });
    set_timeout(
        move || {
            if let Some(f) = task.take() {
                f();
            }
        },
        FRAME_WAIT_MAX,
    );
}

/// Runs `f` in a task of its own once the browser has had its turn. The task comes from a message
/// posted on a `MessageChannel`: a zero timeout nested in timeouts waits at least 4 ms from the
/// fifth on (the HTML standard's clamp), and the 16 turns of a 100,000-row import waited 64 ms in
/// all (issue 19). Falls back to a timeout where the channel can't be made.
pub fn next_turn(f: impl FnOnce() + 'static) {
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

/// The progress bar of an import running in slices, with its count and its Stop button (the
/// creator and the orders imports: `id` names the bar, `what` starts the count, "Importing").
/// Drawn once while `progress` holds a value; each slice's progress then updates the count and
/// the bar in place (issue 19: the bar made anew after every slice cost a share of each frame).
#[component]
pub fn ImportProgress(
    progress: RwSignal<Option<Progress>>,
    id: &'static str,
    what: &'static str,
    stop: &'static str,
    on_stop: impl Fn() + 'static,
) -> impl IntoView {
    let percent = move || {
        progress
            .with(|p| p.map(|p| (p.fraction() * 100.0).round()))
            .unwrap_or_default()
    };
    let count = move || {
        progress
            .with(|p| {
                p.map(|p| {
                    format!(
                        "{what}: {} of about {} rows",
                        group_thousands(p.done_rows as u64),
                        group_thousands(p.total_rows as u64),
                    )
                })
            })
            .unwrap_or_default()
    };
    view! {
        <div class="import-progress">
            <label for=id>{count}</label>
            <progress id=id max="100" value=move || percent().to_string()>
                {move || format!("{}%", percent())}
            </progress>
            <button type="button" class="secondary" on:click=move |_| on_stop()>
                {stop}
            </button>
        </div>
    }
}

/// The preview's "Import N rows" and "Cancel" buttons (Import disabled while `blocked`).
#[component]
pub fn ImportButtons(
    rows: usize,
    blocked: bool,
    on_import: impl Fn() + 'static,
    on_cancel: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <div class="button-row">
            <button type="button" disabled=blocked on:click=move |_| on_import()>
                {format!("Import {}", plural(rows, "row", "rows"))}
            </button>
            <button type="button" class="secondary" on:click=move |_| on_cancel()>
                "Cancel"
            </button>
        </div>
    }
}
