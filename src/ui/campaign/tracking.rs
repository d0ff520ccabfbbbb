//! Tracking a running campaign: dates and a target, posted results typed in per creator, the
//! results per creator, and the cumulative results (in total or for one creator) drawn against a
//! straight pace line, with the domain's pace warning naming who is behind and what to look at.

use leptos::prelude::*;

use crate::charts::{actual_vs_target, DayValue, Goal as ChartGoal, Unit};
use crate::domain::campaign::budget::plan;
use crate::domain::campaign::record::{count_label, PostResult};
use crate::domain::campaign::tracking::{
    forecasts_from_plan, headline_metric, per_creator, track, track_creator, CreatorForecast,
    Metric, Tracking,
};
use crate::domain::engine::cadence::Date;
use crate::domain::text::format::{compact, group_thousands, percent};
use crate::domain::text::number::{parse_optional_amount, NumberError};
use crate::ui::campaign::inputs::{
    campaign_id, creator_names, shortlisted, typed_date, CampaignMemo,
};
use crate::ui::campaign::part::{AddForm, Part};
use crate::ui::campaign::results::ResultsTable;
use crate::ui::state::CampaignsStore;
use crate::ui::widgets::chart_image::ChartImage;
use crate::ui::widgets::fields::{CreatorSelect, TextField};

/// The chart's "everyone" choice; any other value is a creator id.
const ALL: &str = "__all";

/// The result form's label of a metric: engagements are entered as the platform's interactions.
fn field_word(metric: Metric) -> &'static str {
    match metric {
        Metric::Views => "views",
        Metric::Engagements => "interactions",
        Metric::Clicks => "clicks",
        Metric::Conversions => "conversions",
    }
}

fn amount_text(v: Option<f64>) -> String {
    match v {
        Some(v) if v.fract() == 0.0 && (0.0..1e15).contains(&v) => group_thousands(v as u64),
        Some(v) => v.to_string(),
        None => String::new(),
    }
}

/// A date field: `apply` gets the parsed date (or `None` when emptied).
fn date_field(
    id: &'static str,
    label: &'static str,
    start: Option<Date>,
    // Applies the date; returns why the store refused it, if it did (an end before the start).
    apply: impl Fn(Option<Date>) -> Option<String> + Send + Sync + 'static,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let text = RwSignal::new(start.map(|d| d.to_string()).unwrap_or_default());
    view! {
        <TextField
            id=id
            label=label
            value=text
            placeholder="2026-05-01"
            error=error
            // Applied as typed, so nothing waits for a blur that may come after the section
            // is gone; the error waits for the user to leave the field ("2026-0" is not
            // wrong yet, only unfinished).
            on_input=move |text: String| {
                if text.trim().is_empty() {
                    error.set(apply(None));
                } else if let Ok(d) = Date::parse(&text) {
                    error.set(apply(Some(d)));
                }
            }
            on_change=move |text: String| {
                if let Err(e) = Date::parse(&text) {
                    if !text.trim().is_empty() {
                        error.try_set(Some(e.to_string()));
                    }
                }
            }
        />
    }
}

/// The drawn chart for a tracking result.
fn chart_of(t: &Tracking, title: &str) -> Option<crate::charts::Chart> {
    let days = t.days?;
    let goal = ChartGoal {
        metric: t.metric.label().to_string(),
        unit: Unit::Count,
        total: t.target.unwrap_or(0.0),
        days,
    };
    let actual: Vec<DayValue> = t
        .actual
        .iter()
        .map(|&(day, v)| DayValue {
            day,
            value: Some(v),
        })
        .collect();
    let ticks = vec![(0, "start".to_string()), (days, "end".to_string())];
    Some(actual_vs_target(title, &goal, &actual, &ticks))
}

#[component]
pub fn TrackingView(campaign: CampaignMemo, store: CampaignsStore) -> impl IntoView {
    let creators = shortlisted();
    let id = campaign_id(campaign);
    let metric = Memo::new(move |_| {
        campaign.with(|c| c.as_ref().map(headline_metric).unwrap_or(Metric::Views))
    });
    let first = campaign.get_untracked().unwrap_or_default();
    let target_text = RwSignal::new(amount_text(metric.get_untracked().target(&first.targets)));
    let target_error = Signal::derive(move || {
        parse_optional_amount(&target_text.get())
            .err()
            .map(|e| e.to_string())
    });
    let result_date = RwSignal::new(String::new());
    let result_creator = RwSignal::new(String::new());
    let values: [(Metric, RwSignal<String>); 4] =
        Metric::ALL.map(|m| (m, RwSignal::new(String::new())));
    let result_error = RwSignal::new(None::<String>);
    let shown = RwSignal::new(ALL.to_string());

    let options = creator_names(creators, campaign);
    let forecasts = Memo::new(move |_| {
        let all = creators.get();
        let m = metric.get();
        campaign.with(|c| {
            c.as_ref()
                .and_then(|c| plan(c, &all).ok())
                .map(|p| forecasts_from_plan(&p, m))
                .unwrap_or_default()
        })
    });
    let tracking = Memo::new(move |_| {
        let all = creators.get();
        let m = metric.get();
        forecasts.with(|fc| campaign.with(|c| c.as_ref().map(|c| track(c, m, None, &all, fc))))
    });
    let rows = Memo::new(move |_| {
        let all = creators.get();
        let m = metric.get();
        forecasts.with(|fc| {
            campaign.with(|c| {
                c.as_ref()
                    .map(|c| per_creator(c, m, &all, fc))
                    .unwrap_or_default()
            })
        })
    });
    let chart = Memo::new(move |_| {
        let who = shown.get();
        if who == ALL {
            return tracking.with(|t| {
                let t = t.as_ref()?;
                chart_of(
                    t,
                    &format!("{} against the pace to the target", t.metric.label()),
                )
            });
        }
        let m = metric.get();
        let name = options.with(|o| {
            o.iter()
                .find(|(i, _)| *i == who)
                .map(|(_, n)| n.clone())
                .unwrap_or_else(|| who.clone())
        });
        forecasts.with(|fc| {
            let forecast: Option<&CreatorForecast> = fc.iter().find(|f| f.creator_id == who);
            campaign.with(|c| {
                let t = track_creator(c.as_ref()?, m, None, &who, forecast);
                chart_of(
                    &t,
                    &format!("{}: {} against the plan's forecast", name, m.label()),
                )
            })
        })
    });

    let add_result = move || {
        let Some(date) = typed_date(result_date, result_error) else {
            return;
        };
        let who = result_creator.get_untracked();
        let known = options.with_untracked(|o| o.iter().any(|(i, _)| *i == who));
        if !known {
            result_error.set(Some(
                "Creator: choose who posted it (assign creators to the campaign above first)."
                    .to_string(),
            ));
            return;
        }
        let mut r = PostResult {
            creator_id: who,
            date: Some(date),
            ..PostResult::default()
        };
        let mut any = false;
        for (m, text) in values {
            let parsed: Result<Option<f64>, NumberError> =
                parse_optional_amount(&text.get_untracked());
            match parsed {
                Ok(v) => {
                    any |= v.is_some();
                    m.set_in(&mut r, v);
                }
                Err(e) => {
                    result_error.set(Some(format!("Result {}: {e}", field_word(m))));
                    return;
                }
            }
        }
        if !any {
            result_error.set(Some(
                "Enter at least one number: views, interactions, clicks or conversions."
                    .to_string(),
            ));
            return;
        }
        result_error.set(None);
        store.edit(&id(), move |c| c.results.push(r));
        for (_, text) in values {
            text.set(String::new());
        }
    };

    let result_fields = values
        .into_iter()
        .map(|(m, text)| {
            let field_id = format!("campaign-result-{}", field_word(m));
            view! {
                <div class="field">
                    <label for=field_id.clone()>{format!("Result {}", field_word(m))}</label>
                    <input
                        id=field_id
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        aria-describedby="campaign-result-error"
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                    />
                </div>
            }
        })
        .collect_view();

    view! {
        <Part id="campaign-tracking-title" class="campaign-tracking" title="Tracking">
            <div class="fields campaign-form">
                {date_field(
                    "campaign-start",
                    "Start date",
                    first.start,
                    move |d| {
                        store.edit(&id(), move |c| c.start = d);
                        store.refused.get_untracked()
                    },
                )}
                {date_field(
                    "campaign-end",
                    "End date",
                    first.end,
                    move |d| {
                        store.edit(&id(), move |c| c.end = d);
                        store.refused.get_untracked()
                    },
                )}
                <TextField
                    id="campaign-target"
                    label=Signal::derive(move || {
                        format!("Target ({})", metric.get().label().to_lowercase())
                    })
                    value=target_text
                    inputmode="decimal"
                    error=target_error
                    on_input=move |text: String| {
                        if let Ok(v) = parse_optional_amount(&text) {
                            let m = metric.get_untracked();
                            store.edit(&id(), move |c| m.set_target(&mut c.targets, v));
                        }
                    }
                />
            </div>
            <AddForm
                class="campaign-result-form"
                label="Add a posted result"
                error_id="campaign-result-error"
                error=result_error
                submit="Add result"
                on_submit=add_result
            >
                <CreatorSelect
                    id="campaign-result-creator"
                    label="Posted by"
                    options=options
                    chosen=result_creator
                    none=("", "Choose a creator")
                />
                <TextField
                    id="campaign-result-date"
                    label="Result date"
                    value=result_date
                    placeholder="2026-05-03"
                />
                {result_fields}
            </AddForm>
            {move || {
                tracking
                    .get()
                    .map(|t| {
                        let metric_word = t.metric.label().to_lowercase();
                        view! {
                            <p class="figure" role="status">
                                {t.status.label()}
                                ": "
                                {compact(t.total)}
                                " "
                                {metric_word}
                                " so far"
                                {t.expected.map(|e| format!(", {} expected by now", compact(e)))}
                                "."
                            </p>
                            {t
                                .warning
                                .map(|w| {
                                    view! {
                                        <div class="banner warn campaign-pace-warning" role="alert">
                                            <p class="banner-title">
                                                <strong>{w.title}</strong>
                                            </p>
                                            <p>{w.why}</p>
                                            {(!w.under_delivering.is_empty())
                                                .then(|| {
                                                    let m = t.metric;
                                                    view! {
                                                        <p>"Behind their forecast:"</p>
                                                        <ul>
                                                            {w
                                                                .under_delivering
                                                                .iter()
                                                                .map(|g| view! { <li>{g.sentence(m)}</li> })
                                                                .collect_view()}
                                                        </ul>
                                                    }
                                                })}
                                            <p>{w.action}</p>
                                            <details>
                                                <summary>"The numbers behind this warning"</summary>
                                                <ul>
                                                    {w
                                                        .evidence
                                                        .into_iter()
                                                        .map(|e| view! { <li>{e.label} ": " {e.value}</li> })
                                                        .collect_view()}
                                                </ul>
                                            </details>
                                        </div>
                                    }
                                })}
                        }
                    })
            }}
            {move || {
                let list = rows.get();
                if list.is_empty() {
                    return None;
                }
                let m = metric.get();
                Some(
                    view! {
                        <table class="campaign-per-creator">
                            <caption>{format!("{} per creator", m.label())}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Creator"</th>
                                    <th scope="col">"Posts"</th>
                                    <th scope="col">{m.label()}</th>
                                    <th scope="col">"Forecast per post"</th>
                                    <th scope="col">"Share of forecast"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {list
                                    .into_iter()
                                    .map(|r| {
                                        view! {
                                            <tr class:behind=r.behind>
                                                <th scope="row">{r.name}</th>
                                                <td>{r.posts}</td>
                                                <td>{compact(r.total)}</td>
                                                <td>{count_label(r.forecast)}</td>
                                                <td>
                                                    {percent(r.share, 0)} {r.behind.then_some(" (behind)")}
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    },
                )
            }}
            <CreatorSelect
                id="campaign-chart-who"
                label="Show on the chart"
                options=options
                chosen=shown
                none=(ALL, "All creators (total)")
                class="campaign-form"
            />
            {move || {
                chart
                    .get()
                    .map(|c| {
                        view! {
                            <ChartImage
                                chart=Signal::derive(move || c.clone())
                                caption="Cumulative results against a straight pace line to the target (for one creator: the plan's forecast for their post)."
                            />
                        }
                    })
            }}
            <ResultsTable campaign=campaign store=store options=options />
        </Part>
    }
}
