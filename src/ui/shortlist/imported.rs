//! What imported files brought that the editor has no field for, shown read-only in the editor:
//! contact, location, language and other links, the figures files reported (each with its source
//! and date) and the custom columns under their own headers. The values come from the domain as
//! they are; nothing is computed here.

use leptos::prelude::*;

use crate::domain::creator::record::Creator;
use crate::domain::io::csv_import::{reported_header, reported_text};

/// One label and its value.
fn entry(label: String, value: String) -> impl IntoView {
    view! {
        <dt>{label}</dt>
        <dd>{value}</dd>
    }
}

/// The details, or nothing when the creator has none.
#[component]
pub fn ImportedDetails(creator: Creator) -> impl IntoView {
    let mut entries: Vec<(String, String)> = Vec::new();
    if let Some(email) = &creator.email {
        entries.push(("Email".into(), email.clone()));
    }
    for (label, value) in [
        ("Location", &creator.location),
        ("Language", &creator.language),
    ] {
        if !value.is_empty() {
            entries.push((label.into(), value.clone()));
        }
    }
    if !creator.links.is_empty() {
        entries.push(("Other links".into(), creator.links.join(" ")));
    }
    for f in creator.reported.iter() {
        entries.push((reported_header(f.kind), reported_text(f)));
    }
    for f in creator.custom.iter() {
        entries.push((f.name.clone(), f.value.clone()));
    }
    (!entries.is_empty()).then(|| {
        let count = entries.len();
        view! {
            <details class="editor-imported">
                <summary>{format!("Contact and imported columns: {count}")}</summary>
                <dl>{entries.into_iter().map(|(l, v)| entry(l, v)).collect_view()}</dl>
            </details>
        }
    })
}
