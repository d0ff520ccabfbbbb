//! A labelled text field for a pasted number, with its help line and inline error.

use leptos::prelude::*;

/// `error` is `Some(message)` when the text does not parse; the field is then marked invalid.
#[component]
pub fn NumberField(
    id: &'static str,
    label: &'static str,
    #[prop(into)] help: Signal<String>,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] placeholder: &'static str,
) -> impl IntoView {
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                type="text"
                inputmode="decimal"
                autocomplete="off"
                spellcheck="false"
                placeholder=placeholder
                aria-describedby=format!("{help_id} {error_id}")
                aria-invalid=move || error.get().is_some().then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            <p id=help_id class="help">
                {move || help.get()}
            </p>
            <p id=error_id class="error" role="alert">
                {move || error.get()}
            </p>
        </div>
    }
}
