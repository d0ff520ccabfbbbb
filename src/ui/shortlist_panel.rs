//! The Shortlist section: the saved creators as a sortable, filterable table.

use leptos::prelude::*;

#[component]
pub fn ShortlistPanel() -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="shortlist-title">
            <h2 id="shortlist-title">"Shortlist"</h2>
        </section>
    }
}
