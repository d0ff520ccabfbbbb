//! The frame every part of the open campaign shares: a `subpanel` section under the panel's
//! heading, so the parts look and are named alike; and the form that adds to a part's list.

use leptos::prelude::*;
use leptos::text_prop::TextProp;

use crate::ui::widgets::section::{framed, Depth};

/// One part of the campaign (`<h4>`): `class` is added to `subpanel`, `intro` is its intro line
/// when it has one (with `intro_class` added to the intro's own).
#[component]
pub fn Part(
    /// The heading's id, which names the part.
    id: &'static str,
    class: &'static str,
    title: &'static str,
    #[prop(optional, into)] intro: Option<TextProp>,
    #[prop(optional)] intro_class: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    framed(
        id,
        format!("subpanel {class}"),
        Depth::Part,
        title,
        intro,
        intro_class,
        children,
    )
}

/// A part's form that adds an entry (`class` added to `fields campaign-form`, `label` naming it):
/// the fields, then what stopped the last try (an alert, `error_id`), then the submit button.
/// Submitting never reloads the page; it calls `on_submit`.
#[component]
pub fn AddForm(
    class: &'static str,
    label: &'static str,
    error_id: &'static str,
    error: RwSignal<Option<String>>,
    submit: &'static str,
    on_submit: impl Fn() + 'static,
    children: Children,
) -> impl IntoView {
    view! {
        <form
            class=format!("fields campaign-form {class}")
            on:submit=move |ev| {
                ev.prevent_default();
                on_submit();
            }
            aria-label=label
        >
            {children()}
            <p id=error_id class="error" role="alert">
                {move || error.get()}
            </p>
            <button type="submit" class="button">
                {submit}
            </button>
        </form>
    }
}
