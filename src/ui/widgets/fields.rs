//! Labelled form fields shared by the sections: a select over a choice enum (one of them or
//! none), a select of creators, a text field (one line or several), a checkbox, and a group of
//! fields under a legend; each field with its optional help line and inline error, so every form
//! labels, describes and marks its fields the same way.

use leptos::prelude::*;

use crate::domain::text::choice::Choice;

/// The `<option>`s of `choices` (value = id, text = label); `selected` says which is chosen.
/// `prop:selected`, so a value set after mount (a dialog refilled for another creator) moves the
/// selection.
pub fn choice_options<T>(
    choices: &'static [T],
    selected: impl Fn(T) -> bool + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    T: Choice + Send + Sync,
{
    choices
        .iter()
        .copied()
        .map(|c| {
            view! {
                <option value=c.id() prop:selected=move || selected(c)>
                    {c.label()}
                </option>
            }
        })
        .collect_view()
}

/// One `<option>` per (value, text) of `pairs`, selected while `current` holds its value.
pub fn pair_options(pairs: Vec<(String, String)>, current: Signal<String>) -> impl IntoView {
    pairs
        .into_iter()
        .map(|(value, text)| {
            let own = value.clone();
            view! {
                <option value=value selected=move || current.get() == own>
                    {text}
                </option>
            }
        })
        .collect_view()
}

/// The markup every select here shares: `div.field` (plus `class`), its label, the `<select>`
/// holding `options` (the value the user picks goes to `picked`), then the help line if any.
fn select_field(
    id: &'static str,
    label: &'static str,
    class: Option<&'static str>,
    described: Option<String>,
    picked: impl Fn(String) + 'static,
    options: impl IntoView + 'static,
    help: Option<AnyView>,
) -> impl IntoView {
    let class = class.map_or_else(|| "field".to_string(), |c| format!("field {c}"));
    view! {
        <div class=class>
            <label for=id>{label}</label>
            <select
                id=id
                aria-describedby=described
                on:change=move |ev| picked(event_target_value(&ev))
            >
                {options}
            </select>
            {help}
        </div>
    }
}

/// A labelled `<select>` over the values `choices` of `T` (usually all of them, `T::ALL`).
/// Children, when given, are the help line under it (`{id}-help`, named by `aria-describedby`).
///
/// `choices` also names `T` for the compiler, so the call needs no `<ChoiceSelect<T>>` (which
/// leptosfmt 0.1.33 mangles).
#[component]
pub fn ChoiceSelect<T>(
    id: &'static str,
    label: &'static str,
    choices: &'static [T],
    #[prop(into)] value: Signal<T>,
    /// Gets the value the user picked.
    #[prop(into)]
    on_pick: Callback<T>,
    /// A class added to the field's own ("field").
    #[prop(optional)]
    class: Option<&'static str>,
    /// The id of a help line placed elsewhere (a row of filters shows it under the row).
    #[prop(optional)]
    described_by: Option<&'static str>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView
where
    T: Choice + Send + Sync,
{
    let help_id = children.is_some().then(|| format!("{id}-help"));
    let described = help_id.clone().or(described_by.map(str::to_string));
    let help = children.map(|help| {
        view! {
            <p id=help_id class="help">
                {help()}
            </p>
        }
        .into_any()
    });
    let picked = move |text: String| {
        if let Some(c) = T::parse(&text) {
            on_pick.try_run(c);
        }
    };
    let options = choice_options(choices, move |c: T| value.get() == c);
    select_field(id, label, class, described, picked, options, help)
}

/// A labelled `<select>` over the values `choices` of `T` after a first option for none (value
/// "", text `none`: "All tiers", "Not set"…): a filter, or a choice that may stay unmade.
#[component]
pub fn OptionalChoiceSelect<T>(
    id: &'static str,
    label: &'static str,
    choices: &'static [T],
    /// The first option's text.
    none: &'static str,
    #[prop(into)] value: Signal<Option<T>>,
    /// Gets the value the user picked, `None` for the first option.
    #[prop(into)]
    on_pick: Callback<Option<T>>,
    /// A class added to the field's own ("field").
    #[prop(optional)]
    class: Option<&'static str>,
) -> impl IntoView
where
    T: Choice + Send + Sync,
{
    let picked = move |text: String| {
        on_pick.try_run(if text.is_empty() {
            None
        } else {
            T::parse(&text)
        });
    };
    let options = view! {
        <option value="" prop:selected=move || value.get().is_none()>
            {none}
        </option>
        {choice_options(choices, move |c: T| value.get() == Some(c))}
    };
    select_field(id, label, class, None, picked, options, None)
}

/// A labelled `<select>` of creators: first the option `none` (its value and text: "whole
/// campaign", "choose one"…), then one per (id, name) of `options`; `chosen` holds the value picked.
#[component]
pub fn CreatorSelect(
    id: &'static str,
    label: &'static str,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    chosen: RwSignal<String>,
    /// The first option's value and text.
    none: (&'static str, &'static str),
    /// A class added to the field's own ("field").
    #[prop(optional)]
    class: Option<&'static str>,
) -> impl IntoView {
    let (none_value, none_text) = none;
    let creators = move || pair_options(options.get(), chosen.into());
    let options = view! {
        <option value=none_value selected=move || chosen.get() == none_value>
            {none_text}
        </option>
        {creators}
    };
    select_field(
        id,
        label,
        class,
        None,
        move |text| chosen.set(text),
        options,
        None,
    )
}

/// A labelled text field bound to `value`: `<input>`, or `<textarea>` with `rows`. The help line
/// (`{id}-help`) and the error (`{id}-error`, role alert) are rendered when given, and named by
/// `aria-describedby`; the field is marked invalid while the error shows.
#[component]
pub fn TextField(
    /// The field's id; its help and error lines are `{id}-help` and `{id}-error`.
    #[prop(into)]
    id: String,
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    #[prop(optional, into)] help: Option<Signal<String>>,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
    /// One-line fields only, like `kind` to `required` and `on_change`.
    #[prop(optional)]
    placeholder: Option<&'static str>,
    /// The input's type (default "text"); "url" also asks for the URL keyboard.
    #[prop(optional)]
    kind: Option<&'static str>,
    /// "decimal" for a number typed as text.
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// Codes, links and pasted figures: no spelling marks.
    #[prop(optional)]
    no_spellcheck: bool,
    #[prop(optional)] required: bool,
    /// A `<textarea>` of this many rows instead of a one-line input (none of the paragraphs
    /// pasted into one needs a placeholder, a type or a change handler yet).
    #[prop(optional)]
    rows: Option<u32>,
    /// Called with the text after `value` took it.
    #[prop(optional, into)]
    on_input: Option<Callback<String>>,
    /// Called when the user leaves a changed field.
    #[prop(optional, into)]
    on_change: Option<Callback<String>>,
    /// A class added to the field's own ("field").
    #[prop(optional)]
    class: Option<&'static str>,
) -> impl IntoView {
    let class = class.map_or_else(|| "field".to_string(), |c| format!("field {c}"));
    let help_id = help.map(|_| format!("{id}-help"));
    let error_id = error.map(|_| format!("{id}-error"));
    let described = [help_id.clone(), error_id.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let described = (!described.is_empty()).then_some(described);
    let invalid = move || error.and_then(|e| e.get()).is_some().then_some("true");
    // `try_`: leaving the section removes a focused field, and the browser fires its change
    // (on blur) after the component was disposed; a plain `run` there panicked the whole app
    // (tests/e2e/navigation.spec.js).
    let input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        value.try_set(text.clone());
        if let Some(f) = on_input {
            f.try_run(text);
        }
    };
    let change = move |ev: leptos::ev::Event| {
        if let Some(f) = on_change {
            f.try_run(event_target_value(&ev));
        }
    };
    let spellcheck = no_spellcheck.then_some("false");
    let field = match rows {
        Some(rows) => view! {
            <textarea
                id=id.clone()
                aria-describedby=described
                aria-invalid=invalid
                rows=rows
                on:input=input
                prop:value=move || value.get()
            ></textarea>
        }
        .into_any(),
        None => {
            let kind = kind.unwrap_or("text");
            let inputmode = inputmode.or((kind == "url").then_some("url"));
            view! {
                <input
                    id=id.clone()
                    type=kind
                    inputmode=inputmode
                    autocomplete="off"
                    spellcheck=spellcheck
                    placeholder=placeholder
                    required=required
                    aria-describedby=described
                    aria-invalid=invalid
                    prop:value=move || value.get()
                    on:input=input
                    on:change=change
                />
            }
            .into_any()
        }
    };
    view! {
        <div class=class>
            <label for=id>{move || label.get()}</label>
            {field}
            {help
                .map(|h| {
                    view! {
                        <p id=help_id class="help">
                            {move || h.get()}
                        </p>
                    }
                })}
            {error
                .map(|e| {
                    view! {
                        <p id=error_id class="error" role="alert">
                            {move || e.get()}
                        </p>
                    }
                })}
        </div>
    }
}

/// A fieldset of fields laid out as a grid (`div.fields`) under its legend.
#[component]
pub fn FieldGroup(legend: &'static str, children: Children) -> impl IntoView {
    view! {
        <fieldset>
            <legend>{legend}</legend>
            <div class="fields">{children()}</div>
        </fieldset>
    }
}

/// A checkbox followed by its label, in a `<div>`: one of the options a fieldset lists. `checked`
/// follows the data; `on_toggle` gets the new state when the user ticks or unticks it.
#[component]
pub fn CheckBox(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into)] checked: Signal<bool>,
    #[prop(into)] on_toggle: Callback<bool>,
    /// The id of the fieldset's help line, when it has one.
    #[prop(optional)]
    described_by: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div>
            <input
                id=id.clone()
                type="checkbox"
                aria-describedby=described_by
                prop:checked=move || checked.get()
                on:change=move |ev| on_toggle.run(event_target_checked(&ev))
            />
            <label for=id>{label}</label>
        </div>
    }
}

/// What a date field says when the browser could not read the date typed in it.
pub const UNREADABLE_DATE: &str =
    "the date typed is incomplete or is not a real date; check the day and the month.";

/// The date in the date field `id`, whose text is `text`: `None` when it is empty. A date the
/// browser could not read (30 February, or a day left out) also gives an empty text, with the
/// field's `validity.badInput` set: that is an error, never "no date" (regression: such a post
/// was saved undated, and an audience lost the date it had).
pub fn read_date_field(
    id: &str,
    text: &str,
) -> Result<Option<crate::domain::text::date::Date>, String> {
    use wasm_bindgen::JsCast;
    if !text.trim().is_empty() {
        return crate::domain::text::date::Date::parse(text)
            .map(Some)
            .map_err(|e| e.to_string());
    }
    let unreadable = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|input| input.validity().bad_input());
    if unreadable {
        Err(UNREADABLE_DATE.to_string())
    } else {
        Ok(None)
    }
}
