//! The split points: every part of the app whose code is a wasm module of its own in the release
//! build, downloaded the first time it is shown (`lazy::split_view!`). Check, the first section a
//! visitor sees, the navigation, the stores and the Workspace panel stay in the main module.
//!
//! A split point is a section's entry component: what the section's folder adds below it lands
//! in its module by itself. Code two parts share goes into a shared module the first of them
//! fetches; code the main module uses stays there. To make another part lazy, add a function
//! here and show it with `lazy::lazy_view` (docs/ARCHITECTURE.md, "Code on first use").

use leptos::prelude::*;

use crate::ui::app::lazy::split_view;
use crate::domain::engine::analysis::Analysis;
use crate::ui::campaign::panel::CampaignPanel;
use crate::ui::check::engagement::EngagementView;
use crate::ui::check::form::CheckForm;
use crate::ui::check::panel::CheckRisks;
use crate::ui::dossier::DossierPage;
use crate::ui::risks::panel::RisksPanel;
use crate::ui::shortlist::panel::ShortlistPanel;
use crate::ui::workspace::panel::WorkspacePanel;
use crate::ui::workspace::share::SharedLink;

split_view! {
    /// The Shortlist section (table, import, export, editor, compare).
    pub fn shortlist_section() in shortlist_section => view! { <ShortlistPanel /> }.into_any()
}

split_view! {
    /// The Campaign section (plan, brief, vetting, tracking, results).
    pub fn campaign_section() in campaign_section => view! { <CampaignPanel /> }.into_any()
}

split_view! {
    /// The Risks section (the tools, the thresholds editor).
    pub fn risks_section() in risks_section => view! { <RisksPanel /> }.into_any()
}

split_view! {
    /// A creator's dossier page (`#creator/<id>`).
    pub fn dossier_page(id: String) in dossier_page => view! { <DossierPage id=id /> }.into_any()
}

split_view! {
    /// Check's engagement results: rate, benchmarks and the chart (plotters).
    pub fn check_engagement(form: CheckForm, analysis: Memo<Analysis>) in check_engagement => view! { <EngagementView form=form analysis=analysis /> }.into_any()
}

split_view! {
    /// Check's risk warnings (the risk rules).
    pub fn check_risks(form: CheckForm) in check_risks => view! { <CheckRisks form=form /> }.into_any()
}

split_view! {
    /// The Workspace panel under every section (export, import, keep in a file).
    pub fn workspace_panel() in workspace_panel => view! { <WorkspacePanel /> }.into_any()
}

split_view! {
    /// The dialog that opens a shared link (`#share=...`).
    pub fn shared_link() in shared_link => view! { <SharedLink /> }.into_any()
}
