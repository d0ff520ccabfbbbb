//! A labelled text field for a pasted number, with its help line and inline error.

use leptos::prelude::*;

/// `error` is `Some(message)` when the text does not parse; the field is then marked invalid.
///
/// With `after_touch`, the error waits until the user has typed in the field or left it: a
/// required field that starts empty is not shown as wrong before anyone touched it.
#[component]
pub fn NumberField(
    id: &'static str,
    label: &'static str,
    #[prop(into)] help: Signal<String>,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] placeholder: &'static str,
    #[prop(optional)] after_touch: bool,
) -> impl IntoView {
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let touched = RwSignal::new(!after_touch);
    // `try_`: leaving the section removes a focused field, and the browser fires its blur after
    // the component was disposed; a plain get/set there panicked the whole app.
    let touch = move || {
        if touched.try_get_untracked() == Some(false) {
            touched.try_set(true);
        }
    };
    let shown = Signal::derive(move || if touched.get() { error.get() } else { None });
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
                aria-invalid=move || shown.get().is_some().then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| {
                    touch();
                    value.set(event_target_value(&ev));
                }
                on:blur=move |_| touch()
            />
            <p id=help_id class="help">
                {move || help.get()}
            </p>
            <p id=error_id class="error" role="alert">
                {move || shown.get()}
            </p>
        </div>
    }
}
