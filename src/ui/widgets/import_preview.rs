//! What both CSV imports (creators into the shortlist, a shop's orders into a campaign) show
//! before anything is saved: how the file's bytes were read, and a mapping table with a row per
//! column of the file, each with a select of what the column is read as.

use leptos::prelude::*;

use crate::domain::io::encoding::Encoding;
use crate::ui::app::slices::ImportButtons;

/// "Column 3 “Total”": a column of the file by its place (from 1) and its header.
pub fn column_name(index: usize, header: &str) -> String {
    format!(
        "Column {} “{}”",
        index + 1,
        if header.is_empty() {
            "(no header)"
        } else {
            header
        }
    )
}

/// "Encoding read: …" for a file (pasted text has none), then a doubt about it worth showing.
pub fn encoding_notes(encoding: Option<Encoding>, warning: Option<String>) -> impl IntoView {
    view! {
        {encoding.map(|e| view! { <p>{format!("Encoding read: {}.", e.label())}</p> })}
        {warning
            .map(|w| {
                view! {
                    <p class="notice" role="note">
                        {w}
                    </p>
                }
            })}
    }
}

/// A mapping table's row for the column at `index` (from 0): its number, its header, and a
/// `<select id=id>` whose options are the children; screen readers hear it as "Column 2
/// “username” {reads_as}". `on_change` gets the value picked. A note cell ends the row when
/// `note` is given.
#[component]
pub fn MappingRow(
    index: usize,
    header: String,
    id: String,
    /// How the label ends: "is read as", "imports as".
    reads_as: &'static str,
    on_change: impl Fn(String) + 'static,
    #[prop(optional)] note: Option<String>,
    children: Children,
) -> impl IntoView {
    let label = format!("{} {reads_as}", column_name(index, &header));
    view! {
        <tr>
            <td>{(index + 1).to_string()}</td>
            <th scope="row">{header}</th>
            <td>
                <label class="visually-hidden" for=id.clone()>
                    {label}
                </label>
                <select id=id on:change=move |ev| on_change(event_target_value(&ev))>
                    {children()}
                </select>
            </td>
            {note.map(|n| view! { <td class="muted">{n}</td> })}
        </tr>
    }
}

/// The labelled file input an import reads from (`accept` lists the types offered); `node_ref`
/// when the page clears it.
#[component]
pub fn FileField(
    id: &'static str,
    label: &'static str,
    accept: &'static str,
    on_change: impl Fn(leptos::ev::Event) + 'static,
    #[prop(optional)] node_ref: NodeRef<leptos::html::Input>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type="file" accept=accept node_ref=node_ref on:change=on_change />
        </div>
    }
}

/// A session's preview, the same frame for both imports: the heading (`<h4>`, or `<h5>` with
/// `nested`), `about` (how the file was read), the encoding notes, each `problem` that blocks the
/// import as an alert, the children (the mapping and the first rows), then the buttons that import
/// the `rows` (disabled while there is a problem) or cancel.
#[component]
pub fn PreviewFrame(
    class: &'static str,
    #[prop(optional)] nested: bool,
    about: String,
    encoding: Option<Encoding>,
    encoding_warning: Option<String>,
    problems: Vec<String>,
    rows: usize,
    on_import: impl Fn() + 'static,
    on_cancel: impl Fn() + 'static,
    children: Children,
) -> impl IntoView {
    const HEADING: &str = "Preview: nothing is saved yet";
    let heading = if nested {
        view! { <h5>{HEADING}</h5> }.into_any()
    } else {
        view! { <h4>{HEADING}</h4> }.into_any()
    };
    let blocked = !problems.is_empty();
    let problems = problems
        .into_iter()
        .map(|m| {
            view! {
                <p class="error" role="alert">
                    {m}
                </p>
            }
        })
        .collect_view();
    view! {
        <div class=class>
            {heading} <p>{about}</p> {encoding_notes(encoding, encoding_warning)} {problems}
            {children()}
            <ImportButtons rows=rows blocked=blocked on_import=on_import on_cancel=on_cancel />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_by_place_and_header() {
        let cases = [
            (0, "username", "Column 1 “username”"),
            (2, "Total", "Column 3 “Total”"),
            (4, "", "Column 5 “(no header)”"),
        ];
        for (index, header, want) in cases {
            assert_eq!(column_name(index, header), want, "{index} {header:?}");
        }
    }
}
