//! Microscope: plan micro-influencer campaigns in the browser. Declares the modules and the `App`.

pub mod charts;
pub use microscope_domain as domain;
pub mod storage;
pub mod ui;

use std::future::Future;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use ui::app::lazy::{self, lazy_view, ChunkError};
use ui::app::sections;
use ui::app::shell::{hash_section, Footer, Nav, Section};
use ui::app::slices::next_turn;
use ui::check::panel::CheckPanel;
use ui::dossier::hash_creator;
use ui::state::lazy::Lazy;
use ui::state::{CampaignsStore, SettingsStore, ThresholdsStore};
use ui::workspace::file_sync::FileSync;
use ui::workspace::panel::WorkspacePanel;
use ui::workspace::share::shared_fragment;

/// The app below index.html's static header: section navigation, the current section's panel,
/// the Workspace panel (export, import, keep in a file), a shared link's view, footer.
#[component]
pub fn App() -> impl IntoView {
    let section = hash_section();
    // `#creator/<id>` opens that creator's dossier instead of a section.
    let dossier = hash_creator();
    // The stores are loaded once for the whole app and follow other tabs' saves from then on:
    // the check panel adds to the shortlist, the shortlist panel shows it, campaigns pick from it.
    // The shortlist store is loaded by the first part that needs it (`sections::with_shortlist`),
    // under this owner; the first screen (Check) does not read it.
    lazy::set_app_owner();
    // The campaigns only on the first visit to Campaign (the first screen does not need them),
    // then for the page, under this owner: `CampaignsStore::from_context`.
    provide_context(Lazy::<CampaignsStore>::new());
    // One set of risk thresholds for every section: an edit under Risks re-scores the shortlist's
    // badges and the campaign's warnings at once.
    provide_context(ThresholdsStore::load());
    // The formula picked last, the currency new campaigns start in, the notices dismissed.
    provide_context(SettingsStore::load());
    // The workspace file on disk, when the user keeps one, follows every store: the binding is
    // created by the Workspace panel's module when it loads (`FileSync::here`), under this owner.
    // The panel's heading and buttons are drawn at once; what they do is fetched on the first
    // interaction with it (`ui::workspace::panel`).
    provide_context(Lazy::<FileSync>::new());
    // A shared link (`#share=...`) is opened by a module of its own, fetched only once the
    // address holds one (at start, or a link pasted into this tab); it then follows the address.
    let shared = RwSignal::new(shared_fragment().is_some());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        if !shared.get_untracked() && shared_fragment().is_some() {
            shared.set(true);
        }
    });
    on_cleanup(move || handle.remove());
    // The first screen is built in three tasks instead of one: the navigation, then the section,
    // then the Workspace panel and the footer, each added below what is already drawn (nothing
    // shifts). One task of ~40 ms on this machine was ~175 ms on Lighthouse's slowed phone CPU, the
    // page's longest: input waited behind it and it was most of the Total Blocking Time (issue 19).
    // `microscope:mounted` is marked once the last part is in (`mount`).
    let stage = RwSignal::new(Stage::Navigation);
    next_turn(move || {
        stage.set(Stage::Section);
        next_turn(move || {
            stage.set(Stage::Whole);
            ui::app::clock::mark("microscope:mounted");
        });
    });
    let section_shown = Memo::new(move |_| stage.get() >= Stage::Section);
    let rest_shown = Memo::new(move |_| stage.get() >= Stage::Whole);
    view! {
        <Nav current=section />
        <main id="main">
            {move || section_shown.get().then(|| panel(dossier.get(), section.get()))}
        </main>
        {move || {
            rest_shown
                .get()
                .then(|| {
                    view! {
                        <WorkspacePanel />
                        {move || {
                            shared
                                .get()
                                .then(|| {
                                    shortlist_part(
                                        "shared",
                                        "the shared link",
                                        sections::shared_link,
                                    )
                                })
                        }}
                        <Footer />
                    }
                })
        }}
    }
}

/// The main panel: the dossier `#creator/<id>` names, else the section's. Check is in the main
/// module; the other sections and the dossier are downloaded the first time they are shown
/// (`ui::app::sections`). "#creator/<id>" also names the Shortlist (for the navigation): the
/// dossier's own signal follows a moment later, so the Shortlist is not fetched meanwhile
/// (`names_creator`).
fn panel(dossier: Option<String>, section: Section) -> AnyView {
    match (dossier, section) {
        (Some(id), _) => shortlist_part("dossier", "the creator's dossier", move || {
            sections::dossier_page(id.clone())
        }),
        (None, Section::Check) => view! { <CheckPanel /> }.into_any(),
        (None, Section::Shortlist) if names_creator() => ().into_any(),
        (None, Section::Shortlist) => {
            shortlist_part("shortlist", "the Shortlist", sections::shortlist_section)
        }
        (None, Section::Campaign) => shortlist_part(
            "campaign",
            "the Campaign section",
            sections::campaign_section,
        ),
        (None, Section::Risks) => {
            shortlist_part("risks", "the Risks section", sections::risks_section)
        }
    }
}

/// A part that reads the shortlist (every one but Check): downloaded on first use
/// ([`lazy_view`]), built once the shortlist store is provided ([`sections::with_shortlist`]).
fn shortlist_part<C, V>(
    part: &'static str,
    label: &'static str,
    build: impl Fn() -> sections::Part<C, V> + Clone + Send + Sync + 'static,
) -> AnyView
where
    C: Future<Output = Result<(), ChunkError>> + Send + 'static,
    V: Future<Output = Result<AnyView, ChunkError>> + Send + 'static,
{
    lazy_view(part, label, move || sections::with_shortlist(build()))
}

/// How much of the first screen is built (`App`): each step in a task of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    Navigation,
    Section,
    Whole,
}

/// Whether the address is a creator's dossier ("#creator/<id>").
fn names_creator() -> bool {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .is_some_and(|h| h.starts_with("#creator/"))
}

/// Mounts the app into index.html's `#app` (the page body if it is missing; called once from
/// `main`).
pub fn mount() {
    // `make bench` reads the time from this mark to `microscope:mounted` (set by `App` once its
    // last part is built, a few tasks later: then its handlers are all attached).
    ui::app::clock::mark("microscope:start");
    let target = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match target {
        // The app lives as long as the page: its unmount handle is never dropped.
        Some(root) => leptos::mount::mount_to(root, App).forget(),
        None => leptos::mount::mount_to_body(App),
    }
}
