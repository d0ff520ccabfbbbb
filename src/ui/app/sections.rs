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
//! The shortlist store is one of them: reading and decoding the stored creators (their dossiers,
//! migrations, merge) is a large part of the code, and the first screen does not need it. It is
//! loaded once per page under `App`'s owner ([`provide_shortlist`]) before any part that uses it
//! is built ([`with_shortlist`]), and when Check adds a creator ([`add_to_shortlist`]).
//!
//! Check's results (engagement, cadence, cost, warnings) are one module, `check_results`, fetched
//! on the form's first input: the analysis itself is made there, so the engine's tables are not
//! in the main module either.

use std::future::Future;

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

/// `part` once the shortlist store is provided: every part but Check's own views uses it.
pub async fn with_shortlist(
    part: impl Future<Output = Result<AnyView, ChunkError>>,
) -> Result<AnyView, ChunkError> {
    provide_shortlist().await?;
    part.await
}

split_view! {
    /// The Shortlist section (table, import, export, editor, compare).
    in shortlist_section: pub fn shortlist_section() => view! { <ShortlistPanel /> }.into_any()
}

split_view! {
    /// The Campaign section (plan, brief, vetting, tracking, results).
    in campaign_section: pub fn campaign_section() => view! { <CampaignPanel /> }.into_any()
}

split_view! {
    /// The Risks section (the tools, the thresholds editor).
    in risks_section: pub fn risks_section() => view! { <RisksPanel /> }.into_any()
}

split_view! {
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

split_view! {
    /// What the Workspace panel's buttons do (export, import, keep in a file), fetched on the first
    /// interaction with the panel; its heading and buttons are in the main module.
    in workspace: pub fn workspace_live(shell: Shell) => view! { <WorkspaceLive shell=shell /> }.into_any()
}

split_view! {
    /// The dialog that opens a shared link (`#share=...`).
    in workspace: pub fn shared_link() => view! { <SharedLink /> }.into_any()
}
