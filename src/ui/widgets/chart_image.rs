//! Shows a chart SVG as an image (a data URL: scripts in it could never run) with its text alternative.

use leptos::prelude::*;

use crate::charts::{svg_data_url, Chart};

#[component]
pub fn ChartImage(
    #[prop(into)] chart: Signal<Chart>,
    #[prop(into)] caption: String,
) -> impl IntoView {
    view! {
        <figure class="chart">
            <img
                src=move || chart.with(|c| svg_data_url(&c.svg))
                alt=move || chart.with(|c| c.alt.clone())
            />
            <figcaption>{caption}</figcaption>
        </figure>
    }
}
