//! A labelled text field for a pasted number, with its help line and inline error, and the six
//! averages per post as such fields (the check and the shortlist's editor ask for the same ones).

use leptos::prelude::*;

use crate::domain::engine::engagement::Field;
use crate::domain::text::number::parse_optional_amount;

/// `error` is `Some(message)` when the text does not parse; the field is then marked invalid.
///
/// With `after_touch`, the error waits until the user has typed in the field or left it: a
/// required field that starts empty is not shown as wrong before anyone touched it.
///
/// The help line is `help` (a `<p>`), or the children when the help runs to several paragraphs
/// (a `<div>`); either way it is `{id}-help`, and the error `{id}-error`. A help of paragraphs
/// comes after the error, which would otherwise show far below its field.
#[component]
pub fn NumberField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] help: Option<Signal<String>>,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] placeholder: &'static str,
    #[prop(optional)] after_touch: bool,
    /// A class added to the field's own ("field").
    #[prop(optional)]
    class: Option<&'static str>,
    /// Called with the text after `value` took it.
    #[prop(optional, into)]
    on_input: Option<Callback<String>>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let class = class.map_or_else(|| "field".to_string(), |c| format!("field {c}"));
    let touched = RwSignal::new(!after_touch);
    // `try_`: leaving the section removes a focused field, and the browser fires its blur after
    // the component was disposed; a plain get/set there panicked the whole app.
    let touch = move || {
        if touched.try_get_untracked() == Some(false) {
            touched.try_set(true);
        }
    };
    let shown = Signal::derive(move || if touched.get() { error.get() } else { None });
    let error_line = view! {
        <p id=error_id.clone() class="error" role="alert">
            {move || shown.get()}
        </p>
    };
    let (before, after) = match children {
        Some(paragraphs) => (
            error_line.into_any(),
            view! {
                <div id=help_id.clone() class="help">
                    {paragraphs()}
                </div>
            }
            .into_any(),
        ),
        None => (
            view! {
                <p id=help_id.clone() class="help">
                    {move || help.map(|h| h.get())}
                </p>
            }
            .into_any(),
            error_line.into_any(),
        ),
    };
    view! {
        <div class=class>
            <label for=id.clone()>{label}</label>
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
                    let text = event_target_value(&ev);
                    value.set(text.clone());
                    if let Some(f) = on_input {
                        f.try_run(text);
                    }
                }
                on:blur=move |_| touch()
            />
            {before}
            {after}
        </div>
    }
}

/// How many averages per post there are (`Field::ALL`).
pub const AVERAGE_COUNT: usize = Field::ALL.len();

/// Each average's label and help line, in `Field::ALL` order.
const AVERAGES: [(&str, &str); AVERAGE_COUNT] = [
    ("Average views", "Views per post."),
    ("Average likes", "Likes per post."),
    ("Average comments", "Comments per post."),
    ("Average shares", "Shares per post."),
    (
        "Average dislikes",
        "YouTube only; hidden publicly since 2021.",
    ),
    ("Average saves", "Saves or bookmarks per post."),
    (
        "Average impressions",
        "From the creator's insights; for the by-impressions formula.",
    ),
    (
        "Average reach",
        "Accounts reached, from the creator's insights; for the by-reach formula.",
    ),
];

fn average(field: Field) -> (&'static str, &'static str) {
    let index = Field::ALL.iter().position(|f| *f == field).unwrap_or(0);
    AVERAGES[index]
}

/// The label of an average's field ("Average views"), which also names it in error summaries.
pub fn average_label(field: Field) -> &'static str {
    average(field).0
}

/// The averages per post, one `NumberField` each in `Field::ALL` order, ids `{prefix}-views`,
/// `{prefix}-likes`…, each checked as typed (empty is fine). `values` holds their texts in the
/// same order. Dislikes, saves, impressions and reach say "(optional)": no formula but their own
/// needs them (with `mark_optional`, in the check form; always for the insights-only two).
#[component]
pub fn AverageFields(
    prefix: &'static str,
    values: [RwSignal<String>; AVERAGE_COUNT],
    #[prop(optional)] mark_optional: bool,
) -> impl IntoView {
    Field::ALL
        .into_iter()
        .zip(values)
        .map(|(field, value)| {
            let (label, help) = average(field);
            let optional = matches!(field, Field::Impressions | Field::Reach)
                || (mark_optional && matches!(field, Field::Dislikes | Field::Saves));
            let label = if optional {
                format!("{label} (optional)")
            } else {
                label.to_string()
            };
            let error = Signal::derive(move || {
                parse_optional_amount(&value.get())
                    .err()
                    .map(|e| e.to_string())
            });
            view! {
                <NumberField
                    id=format!("{prefix}-{}", field.name())
                    label=label
                    help=help.to_string()
                    value=value
                    error=error
                />
            }
        })
        .collect_view()
}
