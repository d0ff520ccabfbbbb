//! Custom fields: columns of imported files the app has no field for, and anything else the user
//! wants to keep about the creator, as name and value; shown, editable, added and removed.

use leptos::prelude::*;

use crate::domain::creator::dossier::CustomField;
use crate::domain::creator::record::Creator;
use crate::ui::dossier::rows::{PairRows, Pairs, RowLabels};
use crate::ui::dossier::store::{fact, Dossier, EditForm, Part};
use crate::ui::widgets::section::placeholder;

const LABELS: RowLabels = RowLabels {
    name: "Name of field {n}",
    value: "Value of field {n}",
    row: "field {n}",
    add: "Add a field",
};

#[component]
pub(super) fn CustomPart(dossier: Dossier) -> impl IntoView {
    let pairs = Pairs::new();
    let fill = move || {
        if let Some(fields) = dossier.creator.with_untracked(|c| {
            c.as_ref().map(|c| {
                c.custom
                    .iter()
                    .map(|f| (f.name.clone(), f.value.clone()))
                    .collect::<Vec<_>>()
            })
        }) {
            pairs.set(fields);
        }
    };
    fill();
    let error = RwSignal::new(None::<String>);
    let note = RwSignal::new(None::<String>);
    let save = move |()| {
        let mut fields = Vec::new();
        for (i, (name, value)) in pairs.values().into_iter().enumerate() {
            if name.trim().is_empty() {
                error.set(Some(format!(
                    "Custom field {}: give it a name (its value is “{}”).",
                    i + 1,
                    value.trim()
                )));
                return;
            }
            fields.push(CustomField {
                name: name.trim().to_string(),
                value: value.trim().to_string(),
            });
        }
        let edit = |c: &mut Creator| {
            c.custom = fields.into();
            Ok(())
        };
        if dossier.save_and_say(edit, "Custom fields saved.", note, error) {
            fill();
        }
    };
    let shown = move || {
        dossier.with(|c| {
            if c.custom.is_empty() {
                return placeholder("No custom fields yet.");
            }
            view! {
                <dl class="dossier-facts">
                    {c.custom.iter().map(|f| fact(f.name.clone(), f.value.clone())).collect_view()}
                </dl>
            }
            .into_any()
        })
    };
    view! {
        <Part
            id="dossier-custom-title"
            title="Custom fields"
            intro="Columns of imported files that Microscope has no field for, and anything else worth keeping."
        >
            {shown}
            <EditForm on_submit=save submit="Save custom fields" error=error note=note>
                <PairRows
                    pairs=pairs
                    id="dossier-custom"
                    legend="Edit the custom fields"
                    labels=LABELS
                />
            </EditForm>
        </Part>
    }
}
