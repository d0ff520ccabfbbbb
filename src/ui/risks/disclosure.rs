//! The sponsored-caption checker: a verdict per selected country, each with the label, where it was found and the rule cited.
//! With a creator picked, the caption, its post link, what was ticked about the post and the
//! verdicts are saved in the creator's dossier.

use leptos::prelude::*;

use crate::domain::creator::dossier::{CaptionCheck, PostSettings};
use crate::domain::creator::record::Creator;
use crate::domain::risk::disclosure::{
    check_caption, DisclosureInput, FoundLabel, Jurisdiction, JurisdictionResult, Verdict,
    DISCLAIMER, RULES_AS_OF,
};
use crate::domain::risk::findings::{caption_check, check_post_link};
use crate::ui::app::clock::today;
use crate::ui::risks::target::{save_as_edited, SaveNote, Target};
use crate::ui::risks::tool::RiskTool;
use crate::ui::widgets::evidence::verdict_badge;
use crate::ui::widgets::fields::TextField;
use crate::ui::widgets::section::placeholder;
use crate::ui::widgets::table::column_heads;

fn describe(found: &FoundLabel) -> String {
    let written = if found.as_written == found.label {
        format!("“{}”", found.as_written)
    } else {
        format!("“{}” (counts as “{}”)", found.as_written, found.label)
    };
    format!("{written}, line {}, {}", found.line, found.where_found())
}

/// A checkbox inside its label (the "check" style), bound to `on`.
fn check_label(id: String, on: RwSignal<bool>, text: String) -> impl IntoView {
    let for_id = id.clone();
    view! {
        <label class="check" for=for_id>
            <input
                id=id
                type="checkbox"
                prop:checked=move || on.get()
                on:change=move |ev| on.set(event_target_checked(&ev))
            />
            {text}
        </label>
    }
}

fn caption_checks(c: &mut Creator) -> &mut Vec<CaptionCheck> {
    &mut c.caption_checks
}

/// The caption checker. With a `target`, the check is saved in its dossier: one entry per
/// visit, updated as the caption, the link or the countries change.
#[component]
pub fn DisclosureChecker(target: Option<Target>) -> impl IntoView {
    let caption = RwSignal::new(String::new());
    let link = RwSignal::new(String::new());
    let link_checked = Memo::new(move |_| link.with(|l| check_post_link(l)));
    let link_error = Signal::derive(move || link_checked.get().err());
    let toggle = RwSignal::new(false);
    let retouched = RwSignal::new(false);
    let persona = RwSignal::new(false);
    let selected: Vec<(Jurisdiction, RwSignal<bool>)> = Jurisdiction::ALL
        .into_iter()
        .map(|j| (j, RwSignal::new(true)))
        .collect();
    let selected = StoredValue::new(selected);

    let checked = move || DisclosureInput {
        caption: caption.get(),
        paid_partnership_label: toggle.get(),
        retouched_or_ai_images: retouched.get(),
        virtual_persona: persona.get(),
    };
    let report = Memo::new(move |_| check_caption(&checked()));
    let chosen = move || {
        selected.with_value(|s| {
            s.iter()
                .filter(|(_, on)| on.get())
                .map(|(j, _)| *j)
                .collect::<Vec<_>>()
        })
    };
    let set_all = move |on: bool| selected.with_value(|s| s.iter().for_each(|(_, v)| v.set(on)));

    let boxes = selected.with_value(|s| {
        s.iter()
            .map(|&(j, on)| {
                check_label(
                    format!("risks-country-{}", j.id()),
                    on,
                    format!(" {}", j.name()),
                )
            })
            .collect_view()
    });

    // The verdicts shown: `None` until there is something to check.
    let rows = Memo::new(move |_| {
        let has_input = caption.with(|c| !c.trim().is_empty()) || toggle.get();
        has_input.then(|| {
            let report = report.get();
            chosen()
                .iter()
                .filter_map(|j| report.get(*j).cloned())
                .collect::<Vec<JurisdictionResult>>()
        })
    });

    let note = save_as_edited(target, "Caption", caption, caption_checks, move |text| {
        let results = rows.get().unwrap_or_default();
        // A link that is not a web address is refused (it would become an `href`); the caption
        // and verdicts are saved all the same, and the field's error says why.
        let (post_link, refused) = match link_checked.get() {
            Ok(l) => (l, ""),
            Err(_) => (None, " The post link is not saved until it is fixed."),
        };
        let none = if results.is_empty() {
            " No country is chosen, so no verdict is saved with it."
        } else {
            ""
        };
        // The ticks go with the check: they change some countries' verdicts.
        let input = DisclosureInput {
            caption: text,
            ..checked()
        };
        let check = caption_check(today(), &input, post_link, &results);
        (check, format!("{refused}{none}"))
    });
    let summary = move || {
        rows.with(|rows| {
            let rows = rows.as_ref().filter(|r| !r.is_empty())?;
            let count = |v: Verdict| rows.iter().filter(|r| r.verdict == v).count();
            Some(format!(
                "Meets the rule in {} of {} countries. In the wrong place: {}. Not clear enough: {}. No disclosure: {}.",
                count(Verdict::Meets),
                rows.len(),
                count(Verdict::Misplaced),
                count(Verdict::Weak),
                count(Verdict::Missing),
            ))
        })
    };
    let results = move || match rows.get() {
        None => placeholder("Paste the caption of a sponsored post to check its ad label."),
        Some(rows) if rows.is_empty() => placeholder("Choose at least one country."),
        Some(rows) => view! {
            {glance_table(&rows)}
            <ul class="verdicts">{rows.into_iter().map(verdict_card).collect_view()}</ul>
        }
        .into_any(),
    };

    view! {
        <RiskTool
            id="risks-disclosure-title"
            title="Ad disclosure in a caption"
            intro="Paste the caption of a past (or planned) sponsored post to see, country by country, whether its ad label is accepted and where it has to be."
        >
            <p class="help" data-testid="rules-as-of">
                "Rules as of "
                {RULES_AS_OF}
                ", each verdict names the law or guide it follows and its date."
            </p>
            <form class="risk-form" on:submit=|ev| ev.prevent_default()>
                <TextField
                    id="risks-caption"
                    label="Caption"
                    value=caption
                    rows=5
                    help="Paste it exactly as posted, hashtags and line breaks included: where the label sits matters."
                />
                <TextField
                    id="risks-post-link"
                    label="Post link (optional)"
                    value=link
                    kind="url"
                    no_spellcheck=true
                    placeholder="https://www.instagram.com/p/…"
                    help="The post the caption is from, kept with the check (http or https only)."
                    error=link_error
                />
                <div class="checks">
                    {[
                        (toggle, "risks-paid-label", PostSettings::PAID_PARTNERSHIP_LABEL),
                        (retouched, "risks-retouched", PostSettings::RETOUCHED_OR_AI_IMAGES),
                        (persona, "risks-virtual-persona", PostSettings::VIRTUAL_PERSONA),
                    ]
                        .map(|(on, id, text)| check_label(id.to_string(), on, format!(" {text}")))}
                </div>
                <fieldset class="countries">
                    <legend>"Countries to check"</legend>
                    <div class="country-list">{boxes}</div>
                    <div class="actions">
                        <button type="button" class="secondary" on:click=move |_| set_all(true)>
                            "Select all"
                        </button>
                        <button type="button" class="secondary" on:click=move |_| set_all(false)>
                            "Clear"
                        </button>
                    </div>
                </fieldset>
            </form>
            <div class="risk-result">
                <p class="headline" role="status">
                    {summary}
                </p>
                {results}
            </div>
            <SaveNote target=target note=note waiting="Paste a caption to save its check to" />
            <p class="caveat">{DISCLAIMER}</p>
        </RiskTool>
    }
}

/// Every selected country on one line each, to scan before reading the explanations.
fn glance_table(rows: &[JurisdictionResult]) -> impl IntoView {
    view! {
        <table class="verdict-glance stack">
            <caption class="visually-hidden">"Verdict per country"</caption>
            {column_heads(&["Country", "Verdict", "Label found"])}
            <tbody>
                {rows
                    .iter()
                    .map(|r| {
                        let found = r
                            .label
                            .as_ref()
                            .map(|f| format!("“{}”", f.as_written))
                            .unwrap_or_else(|| "none accepted".to_string());
                        view! {
                            <tr>
                                <th scope="row">{r.jurisdiction.name()}</th>
                                <td>{verdict_badge(r.verdict)}</td>
                                <td>{found}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

fn verdict_card(r: JurisdictionResult) -> impl IntoView {
    let j = r.jurisdiction;
    let label = r.label.as_ref().map(describe);
    let not_enough: Vec<String> = r
        .not_enough
        .iter()
        .map(|f| {
            format!(
                "{}: {}",
                describe(f),
                f.why_not_enough
                    .as_deref()
                    .unwrap_or("not an accepted label")
            )
        })
        .collect();
    view! {
        <li class="verdict-card" data-jurisdiction=j.id() data-verdict=r.verdict.label()>
            <h4>{j.name()} " " {verdict_badge(r.verdict)}</h4>
            <p>{r.explanation}</p>
            {label
                .map(|l| {
                    view! {
                        <p>
                            <strong>"Label found: "</strong>
                            {l}
                        </p>
                    }
                })}
            {(!not_enough.is_empty())
                .then(|| {
                    view! {
                        <p class="not-enough-title">
                            <strong>"Not enough on its own here:"</strong>
                        </p>
                        <ul class="not-enough">
                            {not_enough.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
                        </ul>
                    }
                })}
            <p class="rule">
                <strong>"Rule: "</strong>
                {r.rule}
            </p>
            <p class="instruments">
                <strong>"Instruments: "</strong>
                {r.instruments.join("; ")}
            </p>
            {(!r.notes.is_empty())
                .then(|| {
                    view! {
                        <ul class="notes">
                            {r.notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                        </ul>
                    }
                })}
        </li>
    }
}
