//! A Print button with its status line: opens the browser's print dialog (the page's print style
//! decides what is printed), or says to use the browser's menu when it would not open.

use leptos::prelude::*;

use crate::ui::widgets::section::{classes, StatusLine};

/// `before` runs first (e.g. to open folded parts so they print).
#[component]
pub fn PrintButton(
    label: &'static str,
    class: &'static str,
    /// The status line's class besides "status".
    #[prop(optional)]
    status_class: Option<&'static str>,
    #[prop(optional, into)] before: Option<Callback<()>>,
) -> impl IntoView {
    let status = RwSignal::new(None::<String>);
    let print = move |_| {
        if let Some(f) = before {
            f.run(());
        }
        if let Some(w) = web_sys::window() {
            if w.print().is_err() {
                status.set(Some(
                    "This browser would not open the print dialog; use its Print menu.".into(),
                ));
            }
        }
    };
    let status_class = classes("status", status_class);
    view! {
        <button type="button" class=class on:click=print>
            {label}
        </button>
        <StatusLine class=status_class text=status />
    }
}
