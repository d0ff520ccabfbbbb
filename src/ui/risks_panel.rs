//! The Risks section: comment sentiment, generic comments, the caption checker and thresholds.

use leptos::prelude::*;

#[component]
pub fn RisksPanel() -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="risks-title">
            <h2 id="risks-title">"Risks"</h2>
        </section>
    }
}
