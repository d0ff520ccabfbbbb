//! Tracking a running campaign: dates and a target, posted results typed in, and the cumulative
//! results drawn against a straight pace line with the domain's pace warning.

use leptos::prelude::*;

use crate::charts::{actual_vs_target, DayValue, Goal as ChartGoal, Unit};
use crate::domain::budget::plan;
use crate::domain::cadence::Date;
use crate::domain::campaign::{Campaign, PostResult, Targets};
use crate::domain::format::{compact, group_thousands};
use crate::domain::number::{parse_amount, parse_optional_amount};
use crate::domain::tracking::{forecasts_from_plan, headline_metric, track, Metric};
use crate::ui::campaign_plan::shortlisted;
use crate::ui::campaign_state::CampaignStore;
use crate::ui::chart_image::ChartImage;

type CampaignMemo = Memo<Option<Campaign>>;

fn set_target(t: &mut Targets, metric: Metric, v: Option<f64>) {
    match metric {
        Metric::Views => t.views = v,
        Metric::Engagements => t.engagements = v,
        Metric::Clicks => t.clicks = v,
        Metric::Conversions => t.conversions = v,
    }
}

fn set_value(r: &mut PostResult, metric: Metric, v: f64) {
    match metric {
        Metric::Views => r.views = Some(v),
        Metric::Engagements => r.interactions = Some(v),
        Metric::Clicks => r.clicks = Some(v),
        Metric::Conversions => r.conversions = Some(v),
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
    apply: impl Fn(Option<Date>) + 'static,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                type="text"
                autocomplete="off"
                placeholder="2026-05-01"
                aria-describedby=error_id.clone()
                aria-invalid=move || error.get().is_some().then_some("true")
                prop:value=start.map(|d| d.to_string()).unwrap_or_default()
                on:change=move |ev| {
                    let text = event_target_value(&ev);
                    if text.trim().is_empty() {
                        error.set(None);
                        apply(None);
                        return;
                    }
                    match Date::parse(&text) {
                        Ok(d) => {
                            error.set(None);
                            apply(Some(d));
                        }
                        Err(e) => error.set(Some(e.to_string())),
                    }
                }
            />
            <p id=error_id class="error" role="alert">
                {move || error.get()}
            </p>
        </div>
    }
}

#[component]
pub fn TrackingView(campaign: CampaignMemo, store: CampaignStore) -> impl IntoView {
    let creators = shortlisted();
    let id =
        move || campaign.with_untracked(|c| c.as_ref().map(|c| c.id.clone()).unwrap_or_default());
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
    let result_value = RwSignal::new(String::new());
    let result_error = RwSignal::new(None::<String>);

    let tracking = Memo::new(move |_| {
        let all = creators.get();
        let m = metric.get();
        campaign.with(|c| {
            c.as_ref().map(|c| {
                let forecasts = plan(c, &all)
                    .map(|p| forecasts_from_plan(&p, m))
                    .unwrap_or_default();
                track(c, m, None, &all, &forecasts)
            })
        })
    });
    let chart = Memo::new(move |_| {
        tracking.with(|t| {
            let t = t.as_ref()?;
            let total = t.target?;
            let days = t.days?;
            let goal = ChartGoal {
                metric: t.metric.label().to_string(),
                unit: Unit::Count,
                total,
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
            Some(actual_vs_target(
                &format!("{} against the pace to the target", t.metric.label()),
                &goal,
                &actual,
                &ticks,
            ))
        })
    });

    let add_result = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let date = match Date::parse(&result_date.get_untracked()) {
            Ok(d) => d,
            Err(e) => {
                result_error.set(Some(format!("Date: {e}")));
                return;
            }
        };
        let value = match parse_amount(&result_value.get_untracked()) {
            Ok(v) => v,
            Err(e) => {
                result_error.set(Some(format!("{}: {e}", metric.get_untracked().label())));
                return;
            }
        };
        result_error.set(None);
        let m = metric.get_untracked();
        store.edit(&id(), move |c| {
            let mut r = PostResult {
                date: Some(date),
                ..PostResult::default()
            };
            set_value(&mut r, m, value);
            c.results.push(r);
        });
        result_value.set(String::new());
    };

    view! {
        <section class="subpanel" aria-labelledby="campaign-tracking-title">
            <h4 id="campaign-tracking-title">"Tracking"</h4>
            <div class="fields campaign-form">
                {date_field("campaign-start", "Start date", first.start, move |d| store.edit(&id(), move |c| c.start = d))}
                {date_field("campaign-end", "End date", first.end, move |d| store.edit(&id(), move |c| c.end = d))}
                <div class="field">
                    <label for="campaign-target">{move || format!("Target ({})", metric.get().label().to_lowercase())}</label>
                    <input
                        id="campaign-target"
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        aria-describedby="campaign-target-error"
                        aria-invalid=move || target_error.get().is_some().then_some("true")
                        prop:value=move || target_text.get()
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            target_text.set(text.clone());
                            if let Ok(v) = parse_optional_amount(&text) {
                                let m = metric.get_untracked();
                                store.edit(&id(), move |c| set_target(&mut c.targets, m, v));
                            }
                        }
                    />
                    <p id="campaign-target-error" class="error" role="alert">{move || target_error.get()}</p>
                </div>
            </div>
            <form class="fields campaign-form" on:submit=add_result aria-label="Add a posted result">
                <div class="field">
                    <label for="campaign-result-date">"Result date"</label>
                    <input id="campaign-result-date" type="text" autocomplete="off" placeholder="2026-05-03"
                        prop:value=move || result_date.get()
                        on:input=move |ev| result_date.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="campaign-result-value">{move || format!("Result {}", metric.get().label().to_lowercase())}</label>
                    <input id="campaign-result-value" type="text" inputmode="decimal" autocomplete="off"
                        aria-describedby="campaign-result-error"
                        prop:value=move || result_value.get()
                        on:input=move |ev| result_value.set(event_target_value(&ev)) />
                </div>
                <p id="campaign-result-error" class="error" role="alert">{move || result_error.get()}</p>
                <button type="submit" class="button">"Add result"</button>
            </form>
            {move || tracking.get().map(|t| view! {
                <p class="figure" role="status">
                    {t.status.label()} ": " {compact(t.total)} " " {t.metric.label().to_lowercase()} " so far"
                    {t.expected.map(|e| format!(", {} expected by now", compact(e)))}
                    "."
                </p>
                {t.warning.map(|w| view! {
                    <div class="banner" role="alert">
                        <p><strong>{w.title}</strong></p>
                        <p>{w.why}</p>
                        <p>{w.action}</p>
                    </div>
                })}
            })}
            {move || chart.get().map(|c| view! {
                <ChartImage chart=Signal::derive(move || c.clone()) caption="Cumulative results against a straight pace line to the target." />
            })}
        </section>
    }
}
