//! Parts of the app whose code is downloaded the first time they are needed: `split_fn!` declares
//! one (`split_view!` for a view), `lazy_view` shows a view (a loading line, then the part, or a
//! message with Retry when the download fails), and `app_owner` is where page-wide things a part
//! loads (the shortlist store) are provided.
//!
//! With the `split` feature (the build `scripts/build-wasm.mjs` runs for trunk) a `split_fn!`
//! function is a `wasm_split` split point: its body, and whatever only it reaches, is cut out of
//! the main module into a wasm module of its own that is fetched and linked on the first call.
//! The split is `fallible`: a download that fails (offline before the first visit, a deploy in
//! between) comes back as `Err(ChunkError)` instead of a panic, and the next call tries again.
//! Without the feature (native tests, browser tests, clippy) the function is a plain async
//! function over the same body, so every other build sees the same code.

use std::future::Future;

use leptos::prelude::*;

/// A part's code could not be downloaded or linked (the browser console has the details).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkError;

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for ChunkError {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// `in $module: fn $name(args) -> $ret => $body` declares `async fn $name(args) -> Result<$ret,
/// ChunkError>` that returns `$body`; in the split build its code is the wasm module `$module` (functions naming the same module share it).
/// Arguments must be owned values (they cross into the other module by value).
/// `in $module, preload $preload: ...` also declares `async fn $preload()`, which downloads the
/// module without calling anything in it (`Err` if that fails; always `Ok` without the split), so
/// a caller can fetch it while it waits for something else (`sections::with_shortlist`).
macro_rules! split_fn {
    // Both forms: `$split` is what `wasm_split` is given.
    (@both ($($split:tt)*) $(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty => $body:expr) => {
        $(#[$meta])*
        #[cfg(feature = "split")]
        #[::wasm_split_helpers::wasm_split($($split)*)]
        $vis fn $name($($arg: $ty),*) -> Result<$ret, $crate::ui::app::lazy::ChunkError> {
            Ok($body)
        }

        $(#[$meta])*
        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, $crate::ui::app::lazy::ChunkError> {
            Ok($body)
        }
    };
    ($(#[$meta:meta])* in $module:ident: $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty => $body:expr) => {
        $crate::ui::app::lazy::split_fn! {
            @both ($module, fallible) $(#[$meta])* $vis fn $name($($arg: $ty),*) -> $ret => $body
        }
    };
    ($(#[$meta:meta])* in $module:ident, preload $preload:ident: $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty => $body:expr) => {
        $crate::ui::app::lazy::split_fn! {
            @both ($module, fallible, preload($preload)) $(#[$meta])* $vis fn $name($($arg: $ty),*) -> $ret => $body
        }

        /// Without the split there is nothing to download.
        #[cfg(not(feature = "split"))]
        $vis async fn $preload() -> Result<(), $crate::ui::app::lazy::ChunkError> {
            Ok(())
        }
    };
}
pub(crate) use split_fn;

/// `split_fn!` for a view: `async fn $name(args) -> Result<AnyView, ChunkError>`.
macro_rules! split_view {
    ($(#[$meta:meta])* in $module:ident: $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) => $body:expr) => {
        $crate::ui::app::lazy::split_fn! {
            $(#[$meta])* in $module: $vis fn $name($($arg: $ty),*) -> ::leptos::prelude::AnyView => $body
        }
    };
}
pub(crate) use split_view;

thread_local! {
    /// `App`'s reactive owner: what a part loads for the whole page (the shortlist store) is
    /// created and provided as context there, so it outlives the part and every later part sees it.
    static APP: std::cell::RefCell<Option<Owner>> = const { std::cell::RefCell::new(None) };
}

/// Records the current owner as `App`'s (called once, by `App`).
pub fn set_app_owner() {
    APP.with(|app| *app.borrow_mut() = Owner::current());
}

/// `App`'s owner; the current one outside `App` (a test that mounts one panel).
pub fn app_owner() -> Option<Owner> {
    APP.with(|app| app.borrow().clone()).or_else(Owner::current)
}

/// Marks `microscope:load:<part>` (asked for) or `microscope:ready:<part>` (shown) for
/// `make bench`; failing to mark changes nothing.
fn mark(what: &str, part: &str) {
    super::clock::mark(&format!("microscope:{what}:{part}"));
}

/// Shows the view `load` builds: "Loading <label>…" while its code downloads (at most once per
/// page: later calls resolve at once), then the view; if the download fails, a message with
/// Retry (which calls `load` again) and Reload, never a blank panel or the panic screen.
/// `part` names it in the User Timing marks.
#[cfg(feature = "split")]
pub fn lazy_view<F, Fut>(part: &'static str, label: &'static str, load: F) -> AnyView
where
    F: Fn() -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, ChunkError>> + Send + 'static,
{
    // Bumped by Retry: the closure below runs again and calls `load` anew.
    let attempt = RwSignal::new(0_u32);
    view! {
        <Suspense fallback=move || {
            view! {
                <p class="part-loading" role="status">
                    "Loading "
                    {label}
                    "…"
                </p>
            }
        }>
            {move || {
                attempt.track();
                mark("load", part);
                let load = load.clone();
                Suspend::new(async move {
                    match load().await {
                        Ok(view) => {
                            mark("ready", part);
                            view
                        }
                        Err(ChunkError) => view! { <PartFailed part label attempt /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}

/// Without the `split` feature every part is in the one module and `load` is ready at once: the
/// view is built here and now, as it was before the split, with no `<Suspense>` in between.
#[cfg(not(feature = "split"))]
pub fn lazy_view<F, Fut>(part: &'static str, label: &'static str, load: F) -> AnyView
where
    F: Fn() -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, ChunkError>> + Send + 'static,
{
    use std::task::{Context, Poll, Waker};
    mark("load", part);
    let future = std::pin::pin!(load());
    match future.poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(Ok(view)) => {
            mark("ready", part);
            view
        }
        // Not reached: nothing in an unsplit part waits.
        Poll::Ready(Err(ChunkError)) | Poll::Pending => {
            view! { <PartFailed part label attempt=RwSignal::new(0) /> }.into_any()
        }
    }
}

/// What a part that could not be downloaded shows instead of itself (`part` keeps its heading's
/// id unique: Check's results and warnings can fail together).
#[component]
fn PartFailed(part: &'static str, label: &'static str, attempt: RwSignal<u32>) -> impl IntoView {
    let title = format!("part-failed-{part}");
    let labelled_by = title.clone();
    let reload = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    view! {
        <section class="panel part-failed" role="alert" aria-labelledby=labelled_by>
            <h2 id=title>"Could not load " {label}</h2>
            <p>
                "Microscope downloads this part the first time you open it, and the download failed: "
                "this device may be offline, or a new version of Microscope was published since this page was opened. "
                "Nothing you saved is affected."
            </p>
            <p class="button-row">
                <button type="button" on:click=move |_| attempt.update(|n| *n += 1)>
                    "Retry"
                </button>
                <button type="button" class="secondary" on:click=reload>
                    "Reload the page"
                </button>
            </p>
        </section>
    }
}
