//! Reach and impressions estimates for the campaign's creators and the plan: the vendor
//! assumptions as editable fields (each with its source and a reset), then a table per creator
//! with the formula behind every figure and, in its own column, the views entered in tracking,
//! which are actual figures and never mixed into the estimate.

use leptos::prelude::*;

use crate::domain::campaign::pricing::reach::{plan_reach, Assumption, Unit};
use crate::domain::campaign::record::count_label;
use crate::domain::text::format::{compact, trimmed};
use crate::domain::text::number::parse_optional_amount;
use crate::ui::campaign::inputs::{campaign_id, from_campaign, CampaignMemo};
use crate::ui::campaign::part::Part;
use crate::ui::state::CampaignsStore;
use crate::ui::widgets::section::placeholder;
use crate::ui::widgets::table::column_heads;

/// The field's text for a value: a share as a percentage ("68"), a multiplier as is ("1.5").
fn shown(a: Assumption, v: f64) -> String {
    match a.unit() {
        Unit::Share => trimmed(v * 100.0, 2),
        Unit::Times => trimmed(v, 3),
    }
}

/// What the user typed back into the stored value; `Err` says what is wrong.
fn read(a: Assumption, text: &str) -> Result<Option<f64>, String> {
    let t = text.trim().trim_end_matches('%').trim();
    let v = parse_optional_amount(t).map_err(|e| e.to_string())?;
    let Some(v) = v else { return Ok(None) };
    let v = match a.unit() {
        Unit::Share => v / 100.0,
        Unit::Times => v,
    };
    let (min, max) = a.range();
    if v < min || v > max {
        return Err(match a.unit() {
            Unit::Share => "Enter a percentage from 0 to 100.".to_string(),
            Unit::Times => format!(
                "Enter a multiplier from {} to {}.",
                trimmed(min, 1),
                trimmed(max, 1)
            ),
        });
    }
    Ok(Some(v))
}

fn assumption_field(a: Assumption, campaign: CampaignMemo, store: CampaignsStore) -> impl IntoView {
    let id = campaign_id(campaign);
    let start = campaign
        .with_untracked(|c| c.as_ref().map(|c| c.pricing.reach.get(a)))
        .unwrap_or(a.default_value());
    let text = RwSignal::new(shown(a, start));
    let error = RwSignal::new(None::<String>);
    let edited = Signal::derive(move || {
        campaign.with(|c| c.as_ref().and_then(|c| c.pricing.reach.edited(a)).is_some())
    });
    let field_id = format!("campaign-assumption-{}", a.id());
    let help_id = format!("{field_id}-help");
    let error_id = format!("{field_id}-error");
    let unit = match a.unit() {
        Unit::Share => "%",
        Unit::Times => "×",
    };
    let label = format!("{} ({unit})", a.label());
    let described = format!("{help_id} {error_id}");
    view! {
        <div class="field campaign-assumption">
            <label for=field_id.clone()>{label.clone()}</label>
            <div class="campaign-assumption-input">
                <input
                    id=field_id
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    size="6"
                    aria-describedby=described
                    aria-invalid=move || error.get().is_some().then_some("true")
                    prop:value=move || text.get()
                    on:input=move |ev| {
                        let t = event_target_value(&ev);
                        text.set(t.clone());
                        match read(a, &t) {
                            Ok(v) => {
                                error.set(None);
                                store.edit(&id(), move |c| c.pricing.reach.set(a, v));
                            }
                            Err(e) => error.set(Some(e)),
                        }
                    }
                />
                <button
                    type="button"
                    class="secondary"
                    aria-label=format!("Reset “{}” to the vendor default", a.label())
                    disabled=move || !edited.get()
                    on:click=move |_| {
                        text.set(shown(a, a.default_value()));
                        error.set(None);
                        store.edit(&id(), move |c| c.pricing.reach.set(a, None));
                    }
                >
                    "Reset"
                </button>
            </div>
            <p id=help_id class="help">
                {format!("Default {}: {}. {}.", a.show(a.default_value()), a.source(), a.formula())}
                {move || edited.get().then_some(" You changed it for this campaign.")}
            </p>
            <p id=error_id class="error" role="alert">
                {move || error.get()}
            </p>
        </div>
    }
}

#[component]
pub fn ReachView(campaign: CampaignMemo, store: CampaignsStore) -> impl IntoView {
    let plan = from_campaign(campaign, |c, all| plan_reach(c, all, &c.pricing.reach));
    view! {
        <Part
            id="campaign-reach-title"
            class="campaign-reach campaign-form"
            title="Reach and impressions (estimates)"
            intro="Estimates for one post per creator, from vendor defaults you can change for this campaign. They are never results: the views you enter under Tracking are shown beside them, not mixed in."
        >
            <fieldset class="field campaign-assumptions">
                <legend>"Assumptions (vendor defaults, editable)"</legend>
                {Assumption::ALL
                    .into_iter()
                    .map(|a| assumption_field(a, campaign, store))
                    .collect_view()}
            </fieldset>
            {move || {
                plan.with(|p| {
                    let p = p.as_ref()?;
                    if p.rows.is_empty() {
                        return Some(
                            placeholder(
                                "Assign creators to the campaign above for reach estimates.",
                            ),
                        );
                    }
                    Some(
                        view! {
                            <table class="money-table campaign-reach-table">
                                <caption>
                                    "Estimated reach and impressions per creator (one post)"
                                </caption>
                                {column_heads(
                                    &[
                                        "Creator",
                                        "Reach (estimate)",
                                        "Impressions (estimate)",
                                        "How it was estimated",
                                        "Actual views (entered in tracking)",
                                    ],
                                )}
                                <tbody>
                                    {p
                                        .rows
                                        .iter()
                                        .map(|r| {
                                            let how = r
                                                .missing
                                                .clone()
                                                .unwrap_or_else(|| r.formula.clone());
                                            let impressions = match (
                                                r.impressions,
                                                r.story_impressions,
                                            ) {
                                                (Some(i), Some(s)) => {
                                                    format!(
                                                        "{} (feed post); {} (Story)",
                                                        compact(i),
                                                        compact(s),
                                                    )
                                                }
                                                (i, _) => count_label(i),
                                            };
                                            view! {
                                                <tr>
                                                    <th scope="row">{r.name.clone()}</th>
                                                    <td>{count_label(r.reach)}</td>
                                                    <td>{impressions}</td>
                                                    <td class="reach-how">{how}</td>
                                                    <td>
                                                        {r
                                                            .actual_views
                                                            .map_or_else(|| "none entered".to_string(), compact)}
                                                    </td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                            <p class="figure campaign-reach-plan" role="status">
                                "Plan (estimate): about "
                                <strong>{compact(p.reach)}</strong>
                                " people reached and "
                                <strong>{compact(p.impressions)}</strong>
                                " impressions from "
                                {p.counted}
                                {if p.counted == 1 { " creator" } else { " creators" }}
                                {(p.not_counted > 0)
                                    .then(|| {
                                        format!(" ({} without the figures needed)", p.not_counted)
                                    })}
                                ". Audiences overlap, so fewer distinct people are reached than the sum."
                                {p
                                    .actual_views
                                    .map(|v| {
                                        format!(" Actual views entered so far: {}.", compact(v))
                                    })}
                            </p>
                        }
                            .into_any(),
                    )
                })
            }}
        </Part>
    }
}
