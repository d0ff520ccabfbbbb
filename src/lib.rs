//! Microscope: plan micro-influencer campaigns in the browser. Declares the modules and the `App`.

pub mod domain;
pub mod ui;

use leptos::prelude::*;

use ui::check_panel::CheckPanel;
use ui::shell::{hash_section, Footer, Header, Nav, Section};

/// The whole app: header, section navigation, the current section's panel, footer.
#[component]
pub fn App() -> impl IntoView {
    let section = hash_section();
    view! {
        <Header />
        <Nav current=section />
        <main id="main">
            {move || match section.get() {
                Section::Check => view! { <CheckPanel /> }.into_any(),
            }}
        </main>
        <Footer />
    }
}

/// Mounts the app into the page body (called once from `main`).
pub fn mount() {
    leptos::mount::mount_to_body(App);
}
