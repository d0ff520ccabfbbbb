//! Microscope: plan micro-influencer campaigns in the browser. Declares the modules and the `App`.

pub mod charts;
pub mod domain;
pub mod storage;
pub mod ui;

use leptos::prelude::*;

use ui::campaign_panel::CampaignPanel;
use ui::check_panel::CheckPanel;
use ui::risk_thresholds::ThresholdsState;
use ui::risks_panel::RisksPanel;
use ui::shell::{hash_section, Footer, Header, Nav, Section};
use ui::shortlist_panel::ShortlistPanel;
use ui::shortlist_state::ShortlistState;

/// The whole app: header, section navigation, the current section's panel, footer.
#[component]
pub fn App() -> impl IntoView {
    let section = hash_section();
    // Loaded once for the whole app: the check panel adds to it, the shortlist panel shows it.
    provide_context(ShortlistState::load());
    // One set of risk thresholds for every section: an edit under Risks re-scores the shortlist's
    // badges and the campaign's warnings at once.
    provide_context(ThresholdsState::load());
    view! {
        <Header />
        <Nav current=section />
        <main id="main">
            {move || match section.get() {
                Section::Check => view! { <CheckPanel /> }.into_any(),
                Section::Shortlist => view! { <ShortlistPanel /> }.into_any(),
                Section::Campaign => view! { <CampaignPanel /> }.into_any(),
                Section::Risks => view! { <RisksPanel /> }.into_any(),
            }}
        </main>
        <Footer />
    }
}

/// Mounts the app into the page body (called once from `main`).
pub fn mount() {
    leptos::mount::mount_to_body(App);
}
