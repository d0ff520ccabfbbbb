//! Custom fields: columns of imported files the app has no field for, and anything else the user
//! wants to keep about the creator, as name and value; shown, editable, added and removed.

use leptos::prelude::*;

use crate::domain::creator::dossier::CustomField;
use crate::domain::creator::edit::CUSTOM;
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

/// The rows the form shows for a creator's custom fields.
fn as_pairs(c: &Creator) -> Vec<(String, String)> {
    c.custom
        .iter()
        .map(|f| (f.name.clone(), f.value.clone()))
        .collect()
}

#[component]
pub(super) fn CustomPart(dossier: Dossier) -> impl IntoView {
    let pairs = Pairs::new();
    // The creator the form was filled with: a save writes only the fields changed here (a field
    // another tab added or changed meanwhile stays).
    let opened = StoredValue::new(None::<Creator>);
    let fill = move || {
        let c = dossier.creator.get_untracked();
        if let Some(c) = &c {
            pairs.set(as_pairs(c));
        }
        opened.set_value(c);
    };
    fill();
    // While nothing is typed here, the rows follow what is stored (another tab's save).
    Effect::new(move |_| {
        let Some(now) = dossier.creator.with(|c| c.as_ref().map(as_pairs)) else {
            return;
        };
        let untouched = opened.with_value(|o| {
            o.as_ref()
                .is_some_and(|o| as_pairs(o) != now && pairs.shows(&as_pairs(o)))
        });
        if untouched {
            fill();
        }
    });
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
        let opened = opened.get_value();
        if dossier.save_form_and_say(
            opened.as_ref(),
            CUSTOM,
            edit,
            "Custom fields saved.",
            note,
            error,
        ) {
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
