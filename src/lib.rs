//! Microscope: plan micro-influencer campaigns in the browser. Declares the modules and the `App`.

pub mod charts;
pub mod domain;
pub mod storage;
pub mod ui;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use ui::app::shell::{hash_section, Footer, Nav, Section};
use ui::campaign::panel::CampaignPanel;
use ui::check::panel::CheckPanel;
use ui::dossier::{hash_creator, DossierPage};
use ui::risks::panel::RisksPanel;
use ui::shortlist::panel::ShortlistPanel;
use ui::state::lazy::Lazy;
use ui::state::workspace::Stores;
use ui::state::{CampaignsStore, SettingsStore, ShortlistStore, ThresholdsStore};
use ui::workspace::file_sync::FileSync;
use ui::workspace::panel::WorkspacePanel;
use ui::workspace::share::SharedLink;

/// The app below index.html's static header: section navigation, the current section's panel,
/// the Workspace panel (export, import, keep in a file), a shared link's view, footer.
#[component]
pub fn App() -> impl IntoView {
    let section = hash_section();
    // `#creator/<id>` opens that creator's dossier instead of a section.
    let dossier = hash_creator();
    // The stores are loaded once for the whole app and follow other tabs' saves from then on:
    // the check panel adds to the shortlist, the shortlist panel shows it, campaigns pick from it.
    provide_context(ShortlistStore::load());
    // The campaigns only on the first visit to Campaign (the first screen does not need them),
    // then for the page, under this owner: `CampaignsStore::from_context`.
    provide_context(Lazy::<CampaignsStore>::new());
    // One set of risk thresholds for every section: an edit under Risks re-scores the shortlist's
    // badges and the campaign's warnings at once.
    provide_context(ThresholdsStore::load());
    // The formula picked last, the currency new campaigns start in, the notices dismissed.
    provide_context(SettingsStore::load());
    // The workspace file on disk, when the user keeps one, follows every store.
    provide_context(FileSync::new(Stores::here()));
    view! {
        <Nav current=section />
        <main id="main">
            {move || match (dossier.get(), section.get()) {
                (Some(id), _) => view! { <DossierPage id=id /> }.into_any(),
                (None, Section::Check) => view! { <CheckPanel /> }.into_any(),
                (None, Section::Shortlist) => view! { <ShortlistPanel /> }.into_any(),
                (None, Section::Campaign) => view! { <CampaignPanel /> }.into_any(),
                (None, Section::Risks) => view! { <RisksPanel /> }.into_any(),
            }}
        </main>
        <WorkspacePanel />
        <SharedLink />
        <Footer />
    }
}

/// Mounts the app into index.html's `#app` (the page body if it is missing; called once from
/// `main`).
pub fn mount() {
    let window = web_sys::window();
    // User Timing marks for `make bench`: when the wasm started running and when the app was
    // mounted (interactive: its handlers are attached). Failing to mark changes nothing.
    let mark = |name: &str| {
        if let Some(p) = window.as_ref().and_then(|w| w.performance()) {
            let _ = p.mark(name);
        }
    };
    mark("microscope:start");
    let target = window
        .as_ref()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match target {
        // The app lives as long as the page: its unmount handle is never dropped.
        Some(root) => leptos::mount::mount_to(root, App).forget(),
        None => leptos::mount::mount_to_body(App),
    }
    mark("microscope:mounted");
}
