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

use std::future::Future;

use leptos::prelude::*;

use crate::domain::creator::record::Creator;
use crate::domain::engine::analysis::Analysis;
use crate::ui::app::lazy::{app_owner, split_fn, split_view, ChunkError};
use crate::ui::campaign::panel::CampaignPanel;
use crate::ui::check::engagement::EngagementView;
use crate::ui::check::form::CheckForm;
use crate::ui::check::panel::CheckRisks;
use crate::ui::dossier::DossierPage;
use crate::ui::risks::panel::RisksPanel;
use crate::ui::shortlist::panel::ShortlistPanel;
use crate::ui::state::ShortlistStore;
use crate::ui::workspace::panel::WorkspacePanel;
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
    /// Check's "Add to shortlist": loads the store if needed and adds `creator`.
    in shortlist_store: pub fn add_to_shortlist(creator: Creator) -> () => {
        provide_store();
        if let Some(store) = app_owner().and_then(|o| o.with(use_context::<ShortlistStore>)) {
            store.add(creator);
        }
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
    /// Check's engagement results: rate, benchmarks and the chart (plotters).
    in check_results: pub fn check_engagement(form: CheckForm, analysis: Memo<Analysis>) => view! { <EngagementView form=form analysis=analysis /> }.into_any()
}

split_view! {
    /// Check's risk warnings (the risk rules).
    in check_results: pub fn check_risks(form: CheckForm) => view! { <CheckRisks form=form /> }.into_any()
}

split_view! {
    /// The Workspace panel under every section (export, import, keep in a file).
    in workspace: pub fn workspace_panel() => view! { <WorkspacePanel /> }.into_any()
}

split_view! {
    /// The dialog that opens a shared link (`#share=...`).
    in workspace: pub fn shared_link() => view! { <SharedLink /> }.into_any()
}
