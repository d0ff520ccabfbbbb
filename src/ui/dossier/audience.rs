//! The audience as the creator's insights show it: countries, ages and genders, each a list of
//! names with a percentage, and the day it was read. Checked with `Audience::check` (each share
//! 0-100%, a group at most 100%); a problem names the group and the row, and nothing typed is lost.

use leptos::prelude::*;

use crate::domain::creator::dossier::{Audience, Share};
use crate::domain::creator::edit::AUDIENCE;
use crate::domain::creator::record::Creator;
use crate::domain::text::format::trimmed;
use crate::domain::text::number::parse_amount;
use crate::ui::dossier::rows::{PairRows, Pairs, RowLabels};
use crate::ui::dossier::store::{dated, fact, Dossier, EditForm, Part};
use crate::ui::widgets::fields::{read_date_field, TextField};

/// A share as typed: "42", "42%" or "42.5 %" (percent), into 0.42.
fn read_share(group: &str, row: usize, name: &str, text: &str) -> Result<Share, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(format!(
            "{group}, row {row}: give a name for the {text} share."
        ));
    }
    let number = text.trim().trim_end_matches('%').trim();
    let percent = parse_amount(number).map_err(|e| format!("{group}, row {row}: {e}"))?;
    Ok(Share {
        name: name.to_string(),
        share: percent / 100.0,
    })
}

fn read_group(group: &str, pairs: Pairs) -> Result<Vec<Share>, String> {
    pairs
        .values()
        .iter()
        .enumerate()
        .map(|(i, (name, value))| read_share(group, i + 1, name, value))
        .collect()
}

fn shares_text(list: &[Share]) -> String {
    if list.is_empty() {
        return "not entered".to_string();
    }
    list.iter()
        .map(|s| format!("{} {}%", s.name, trimmed(s.share * 100.0, 1)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn as_pairs(list: &[Share]) -> Vec<(String, String)> {
    list.iter()
        .map(|s| (s.name.clone(), trimmed(s.share * 100.0, 2)))
        .collect()
}

/// One group of the insights screen: a list of named shares.
struct Group {
    /// How the group is named in what the dossier shows and in a problem ("Audience countries").
    what: &'static str,
    /// A prefix for its fields' ids.
    id: &'static str,
    legend: &'static str,
    labels: RowLabels,
    list: fn(&Audience) -> &Vec<Share>,
}

const GROUPS: [Group; 3] = [
    Group {
        what: "Audience countries",
        id: "dossier-countries",
        legend: "Countries",
        labels: RowLabels {
            name: "Country {n}",
            value: "Country {n} share (%)",
            row: "country {n}",
            add: "Add a country",
        },
        list: |a| &a.countries,
    },
    Group {
        what: "Audience ages",
        id: "dossier-ages",
        legend: "Ages",
        labels: RowLabels {
            name: "Age group {n}",
            value: "Age group {n} share (%)",
            row: "age group {n}",
            add: "Add an age group",
        },
        list: |a| &a.ages,
    },
    Group {
        what: "Audience genders",
        id: "dossier-genders",
        legend: "Genders",
        labels: RowLabels {
            name: "Gender {n}",
            value: "Gender {n} share (%)",
            row: "gender {n}",
            add: "Add a gender",
        },
        list: |a| &a.genders,
    },
];

/// The form's texts for an audience: each group's rows (in the order of `GROUPS`), the date.
fn form_texts(a: &Audience) -> ([Vec<(String, String)>; 3], String) {
    (
        GROUPS.each_ref().map(|g| as_pairs((g.list)(a))),
        a.date.map(|d| d.to_string()).unwrap_or_default(),
    )
}

#[component]
pub(super) fn AudiencePart(dossier: Dossier) -> impl IntoView {
    // The rows of each group, in the order of `GROUPS`.
    let pairs = [Pairs::new(), Pairs::new(), Pairs::new()];
    let date = RwSignal::new(String::new());
    // The creator the form was filled with: a save writes only the groups (and date) changed
    // here; a group another tab saved meanwhile stays.
    let opened = StoredValue::new(None::<Creator>);
    let fill = move || {
        let c = dossier.creator.get_untracked();
        if let Some(c) = &c {
            let (groups, day) = form_texts(&c.audience);
            for (rows, group) in pairs.iter().zip(groups) {
                rows.set(group);
            }
            date.set(day);
        }
        opened.set_value(c);
    };
    fill();
    // While nothing is typed here, the form follows what is stored (another tab's save).
    Effect::new(move |_| {
        let Some(now) = dossier
            .creator
            .with(|c| c.as_ref().map(|c| form_texts(&c.audience)))
        else {
            return;
        };
        let untouched = opened.with_value(|o| {
            o.as_ref().is_some_and(|o| {
                let (groups, day) = form_texts(&o.audience);
                (&groups, &day) != (&now.0, &now.1)
                    && date.with_untracked(|d| *d == day)
                    && pairs
                        .iter()
                        .zip(&groups)
                        .all(|(rows, group)| rows.shows(group))
            })
        });
        if untouched {
            fill();
        }
    });
    let error = RwSignal::new(None::<String>);
    let note = RwSignal::new(None::<String>);
    let save = move |()| {
        let date_text = date.get_untracked();
        let built = (|| {
            let day = read_date_field("dossier-audience-date", &date_text)
                .map_err(|e| format!("Audience read on: {e}"))?;
            if let Some(d) = day.filter(|d| *d > dossier.today) {
                return Err(format!(
                    "Audience read on: {d} is after today ({}).",
                    dossier.today
                ));
            }
            let [countries, ages, genders] = pairs;
            let [c, a, g] = &GROUPS;
            let audience = Audience {
                date: day,
                countries: read_group(c.what, countries)?,
                ages: read_group(a.what, ages)?,
                genders: read_group(g.what, genders)?,
            };
            audience.check().map_err(|e| e.to_string())?;
            Ok(audience)
        })();
        let audience = match built {
            Ok(a) => a,
            Err(e) => {
                error.set(Some(e));
                return;
            }
        };
        let edit = |c: &mut Creator| {
            c.audience = audience.into();
            Ok(())
        };
        let opened = opened.get_value();
        if dossier.save_form_and_say(
            opened.as_ref(),
            AUDIENCE,
            edit,
            "Audience saved.",
            note,
            error,
        ) {
            fill();
        }
    };
    let shown = move || {
        dossier.with(|c| {
            let a = &c.audience;
            view! {
                <dl class="dossier-facts">
                    {fact("Read on", dated(a.date, dossier.today))}
                    {GROUPS.iter().map(|g| fact(g.legend, shares_text((g.list)(a)))).collect_view()}
                </dl>
            }
        })
    };
    view! {
        <Part
            id="dossier-audience-title"
            title="Audience"
            intro="As the creator's insights screen shows it: a name and a percentage per row."
        >
            {shown}
            <EditForm on_submit=save submit="Save audience" error=error note=note>
                <TextField
                    id="dossier-audience-date"
                    label="Audience read on"
                    value=date
                    kind="date"
                />
                {GROUPS
                    .iter()
                    .zip(pairs)
                    .map(|(g, rows)| {
                        view! { <PairRows pairs=rows id=g.id legend=g.legend labels=g.labels /> }
                    })
                    .collect_view()}
            </EditForm>
        </Part>
    }
}
