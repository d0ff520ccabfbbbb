//! The audience as the creator's insights show it: countries, ages and genders, each a list of
//! names with a percentage, and the day it was read. Checked with `Audience::check` (each share
//! 0-100%, a group at most 100%); a problem names the group and the row, and nothing typed is lost.

use leptos::prelude::*;

use crate::domain::creator::dossier::{Audience, Share};
use crate::domain::creator::record::Creator;
use crate::domain::text::date::Date;
use crate::domain::text::format::trimmed;
use crate::domain::text::number::parse_amount;
use crate::ui::dossier::rows::{PairRows, Pairs};
use crate::ui::dossier::store::{dated, form_end, Dossier};
use crate::ui::widgets::fields::TextField;
use crate::ui::widgets::section::{Depth, Section};

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

#[component]
pub(super) fn AudiencePart(dossier: Dossier) -> impl IntoView {
    let countries = Pairs::new();
    let ages = Pairs::new();
    let genders = Pairs::new();
    let date = RwSignal::new(String::new());
    let fill = move || {
        if let Some(a) = dossier
            .creator
            .with_untracked(|c| c.as_ref().map(|c| c.audience.clone()))
        {
            countries.set(as_pairs(&a.countries));
            ages.set(as_pairs(&a.ages));
            genders.set(as_pairs(&a.genders));
            date.set(a.date.map(|d| d.to_string()).unwrap_or_default());
        }
    };
    fill();
    let error = RwSignal::new(None::<String>);
    let note = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        note.set(None);
        let date_text = date.get_untracked();
        let built = (|| {
            let day = if date_text.trim().is_empty() {
                None
            } else {
                Some(Date::parse(&date_text).map_err(|e| format!("Audience read on: {e}"))?)
            };
            if let Some(d) = day.filter(|d| *d > dossier.today) {
                return Err(format!(
                    "Audience read on: {d} is after today ({}).",
                    dossier.today
                ));
            }
            let audience = Audience {
                date: day,
                countries: read_group("Audience countries", countries)?,
                ages: read_group("Audience ages", ages)?,
                genders: read_group("Audience genders", genders)?,
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
            c.audience = audience;
            Ok(())
        };
        if dossier.save_and_say(edit, "Audience saved.", note, error) {
            fill();
        }
    };
    let shown = move || {
        dossier.with(|c| {
            let a = &c.audience;
            view! {
                <dl class="dossier-facts">
                    <div>
                        <dt>"Read on"</dt>
                        <dd>{dated(a.date, dossier.today)}</dd>
                    </div>
                    <div>
                        <dt>"Countries"</dt>
                        <dd>{shares_text(&a.countries)}</dd>
                    </div>
                    <div>
                        <dt>"Ages"</dt>
                        <dd>{shares_text(&a.ages)}</dd>
                    </div>
                    <div>
                        <dt>"Genders"</dt>
                        <dd>{shares_text(&a.genders)}</dd>
                    </div>
                </dl>
            }
        })
    };
    view! {
        <Section
            id="dossier-audience-title"
            class="subpanel dossier-part"
            depth=Depth::Tool
            title="Audience"
            intro="As the creator's insights screen shows it: a name and a percentage per row."
        >
            {shown}
            <form class="dossier-form" on:submit=save novalidate>
                <TextField
                    id="dossier-audience-date"
                    label="Audience read on"
                    value=date
                    kind="date"
                />
                <PairRows
                    pairs=countries
                    id="dossier-countries"
                    legend="Countries"
                    name_label="Country {n}"
                    value_label="Country {n} share (%)"
                    row_label="country {n}"
                    add_label="Add a country"
                />
                <PairRows
                    pairs=ages
                    id="dossier-ages"
                    legend="Ages"
                    name_label="Age group {n}"
                    value_label="Age group {n} share (%)"
                    row_label="age group {n}"
                    add_label="Add an age group"
                />
                <PairRows
                    pairs=genders
                    id="dossier-genders"
                    legend="Genders"
                    name_label="Gender {n}"
                    value_label="Gender {n} share (%)"
                    row_label="gender {n}"
                    add_label="Add a gender"
                />
                {form_end("Save audience", Some(error), note)}
            </form>
        </Section>
    }
}
