//! The split points: every part of the app whose code is a wasm module of its own in the release
//! build, downloaded the first time it is needed (`lazy::split_fn!`). Check (its form, tier, cadence
//! and cost), the navigation, the settings and thresholds stores stay in the main module.
//!
//! A split point is a section's entry component: what the section's folder adds below it lands
//! in its module by itself. Code two modules share goes into a shared module the first of them
//! fetches; code the main module uses stays there. Functions naming the same module (`in name:`)
//! share one file. To make another part lazy, add a function here and show it
//! with `lazy::lazy_view` (docs/ARCHITECTURE.md, "Code on first use").
//!
//! The parts that read the shortlist are declared with `store_part!` and shown through
//! [`with_shortlist`]: the store's module and the part's are downloaded at the same time, and the
//! part is built once the store is provided.
//!
//! The shortlist store is one of them: reading and decoding the stored creators (their dossiers,
//! migrations, merge) is a large part of the code, and the first screen does not need it. It is
//! loaded once per page under `App`'s owner ([`provide_shortlist`]) before any part that uses it
//! is built ([`with_shortlist`]), and when Check adds a creator ([`add_to_shortlist`]).
//!
//! Check's results (engagement, cadence, cost, warnings) are one module, `check_results`, fetched
//! on the form's first input: the analysis itself is made there, so the engine's tables are not
//! in the main module either.

use std::future::{poll_fn, Future};
use std::pin::pin;
use std::task::Poll;

use leptos::prelude::*;

use crate::ui::app::lazy::{app_owner, split_fn, split_view, ChunkError};
use crate::ui::campaign::panel::CampaignPanel;
use crate::ui::check::economics::{CadenceView, CostView};
use crate::ui::check::engagement::EngagementView;
use crate::ui::check::form::CheckForm;
use crate::ui::check::panel::{creator_from_form, CheckRisks};
use crate::ui::dossier::DossierPage;
use crate::ui::risks::panel::RisksPanel;
use crate::ui::shortlist::panel::ShortlistPanel;
use crate::ui::state::ids::next_id;
use crate::ui::state::ShortlistStore;
use crate::ui::workspace::panel::{Shell, WorkspaceLive};
use crate::ui::workspace::share::SharedLink;

/// Loads the shortlist store and provides it on `App`'s owner, once per page.
fn provide_store() {
    let provide = || {
        if use_context::<ShortlistStore>().is_none() {
            provide_context(ShortlistStore::load());
        }
    };
    match app_owner() {
        Some(owner) => owner.with(provide),
        None => provide(),
    }
}

split_fn! {
    /// The shortlist store, loaded and provided as context (a no-op once it is).
    in shortlist_store: pub fn provide_shortlist() -> () => provide_store()
}

split_fn! {
    /// Check's "Add to shortlist": loads the store if needed and adds the creator `form` describes
    /// (made here, so the creator record's code is not in the main module).
    in shortlist_store: pub fn add_to_shortlist(form: CheckForm) -> String => {
        provide_store();
        let creator = creator_from_form(&form, next_id());
        let name = creator.name.clone();
        if let Some(store) = app_owner().and_then(|o| o.with(use_context::<ShortlistStore>)) {
            store.add(creator);
        }
        name
    }
}

/// A part that needs the shortlist store, as [`with_shortlist`] takes it: the download of its
/// module (`code`) and the part itself (`view`, which builds it, and is not polled until the
/// store is provided). Made by the functions `store_part!` declares.
pub struct Part<C, V> {
    code: C,
    view: V,
}

/// `part` once the shortlist store is provided: every part but Check's own views uses it. The
/// store's module and the part's are downloaded at the same time (one after the other, the
/// section waited for both downloads end to end); the part is built once both are in.
pub async fn with_shortlist<C, V>(part: Part<C, V>) -> Result<AnyView, ChunkError>
where
    C: Future<Output = Result<(), ChunkError>>,
    V: Future<Output = Result<AnyView, ChunkError>>,
{
    let (store, code) = both(provide_shortlist(), part.code).await;
    store?;
    code?;
    part.view.await
}

/// Waits for two futures at once and returns both outputs.
async fn both<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    let mut a = pin!(a);
    let mut b = pin!(b);
    let (mut out_a, mut out_b) = (None, None);
    poll_fn(|cx| {
        if out_a.is_none() {
            if let Poll::Ready(v) = a.as_mut().poll(cx) {
                out_a = Some(v);
            }
        }
        if out_b.is_none() {
            if let Poll::Ready(v) = b.as_mut().poll(cx) {
                out_b = Some(v);
            }
        }
        match (out_a.take(), out_b.take()) {
            (Some(x), Some(y)) => Poll::Ready((x, y)),
            (x, y) => {
                (out_a, out_b) = (x, y);
                Poll::Pending
            }
        }
    })
    .await
}

/// A split point's `preload` as a `ChunkError` result (its error is the splitter's in the split
/// build).
async fn code_of<E>(preload: impl Future<Output = Result<(), E>>) -> Result<(), ChunkError>
where
    ChunkError: From<E>,
{
    preload.await.map_err(ChunkError::from)
}

/// `in $module: pub fn $name(args) => $body` declares a part that needs the shortlist store:
/// `$name(args)` returns its [`Part`] for [`with_shortlist`]; the split point is `$name::$name`
/// (the view `$body`), and `$name::code` downloads its module.
macro_rules! store_part {
    ($(#[$meta:meta])* in $module:ident: pub fn $name:ident($($arg:ident: $ty:ty),* $(,)?) => $body:expr) => {
        #[doc(hidden)]
        pub mod $name {
            use super::*;
            $crate::ui::app::lazy::split_fn! {
                $(#[$meta])* in $module, preload code: pub fn $name($($arg: $ty),*) -> AnyView => $body
            }
        }

        $(#[$meta])*
        pub fn $name(
            $($arg: $ty),*
        ) -> Part<
            impl Future<Output = Result<(), ChunkError>> + Send,
            impl Future<Output = Result<AnyView, ChunkError>> + Send,
        > {
            Part { code: code_of($name::code()), view: $name::$name($($arg),*) }
        }
    };
}

store_part! {
    /// The Shortlist section (table, import, export, editor, compare).
    in shortlist_section: pub fn shortlist_section() => view! { <ShortlistPanel /> }.into_any()
}

store_part! {
    /// The Campaign section (plan, brief, vetting, tracking, results).
    in campaign_section: pub fn campaign_section() => view! { <CampaignPanel /> }.into_any()
}

store_part! {
    /// The Risks section (the tools, the thresholds editor).
    in risks_section: pub fn risks_section() => view! { <RisksPanel /> }.into_any()
}

store_part! {
    /// A creator's dossier page (`#creator/<id>`).
    in dossier_page: pub fn dossier_page(id: String) => view! { <DossierPage id=id /> }.into_any()
}

split_view! {
    /// Check's engagement results: rate, benchmarks and the chart (plotters), fetched on the
    /// form's first input. The analysis (the engine's tables) is made here, not in the main module.
    in check_results: pub fn check_engagement(form: CheckForm) => view! { <EngagementView form=form analysis=form.analysis() /> }.into_any()
}

split_view! {
    /// Check's posting cadence, cost and risk warnings (the risk rules), fetched with the
    /// engagement results.
    in check_results: pub fn check_details(form: CheckForm) => {
        let analysis = form.analysis();
        view! {
            <CadenceView analysis=analysis />
            <CostView analysis=analysis />
            <CheckRisks form=form />
        }
        .into_any()
    }
}

store_part! {
    /// What the Workspace panel's buttons do (export, import, keep in a file), fetched on the first
    /// interaction with the panel; its heading and buttons are in the main module.
    in workspace: pub fn workspace_live(shell: Shell) => view! { <WorkspaceLive shell=shell /> }.into_any()
}

store_part! {
    /// The dialog that opens a shared link (`#share=...`).
    in workspace: pub fn shared_link() => view! { <SharedLink /> }.into_any()
}
