//! Engagement results: the formula switch (`FormulaPick`, in the main module), then the rate, the
//! benchmark range with each figure under it, and the chart (`EngagementView`, fetched on the
//! form's first input).

use leptos::prelude::*;

use crate::charts::{rate_vs_benchmarks, BarKind, Chart, RateBar, Reference};
use crate::domain::engine::analysis::Analysis;
use crate::domain::engine::benchmark::{
    self, context_for, tier_convention_note, Benchmark, RangePosition, Scope, Verdict,
};
use crate::domain::engine::engagement::Formula;
use crate::domain::text::format::percent;
use crate::domain::{Platform, Tier};
use crate::ui::check::form::CheckForm;
use crate::ui::state::settings::SettingsExt;
use crate::ui::state::SettingsStore;
use crate::ui::widgets::chart_image::ChartImage;
use crate::ui::widgets::fields::ChoiceSelect;

/// The bars: the creator, every benchmark for its platform and tier under the chosen formula, and
/// the first one of each other platform for the same tier (same formula only: never mixed).
fn chart_bars(analysis: &Analysis, formula: Formula, followers: Option<u64>) -> Vec<RateBar> {
    let source = format!(
        "{} over {} post{}",
        formula.name(),
        analysis.engagement.posts,
        if analysis.engagement.posts == 1 {
            ""
        } else {
            "s"
        }
    );
    let mut bars = vec![RateBar {
        label: "This creator".to_string(),
        rate: analysis.engagement.rate,
        kind: BarKind::Creator,
        source,
    }];
    let Some(tier) = analysis.tier else {
        return bars;
    };
    let bar = |b: &Benchmark, kind| RateBar {
        label: b.label(),
        rate: Some(b.value),
        kind,
        source: b.citation(),
    };
    let own: Vec<&Benchmark> = match followers {
        Some(n) => benchmark::find_for_followers(analysis.platform, n, formula).collect(),
        None => benchmark::find(analysis.platform, tier, formula).collect(),
    };
    bars.extend(own.into_iter().map(|b| bar(b, BarKind::Benchmark)));
    for other in Platform::ALL
        .into_iter()
        .filter(|p| *p != analysis.platform)
    {
        if let Some(b) = benchmark::find(other, tier, formula).next() {
            bars.push(bar(b, BarKind::Other));
        }
    }
    bars
}

/// "Verdicts: far below = under 0.5× the benchmark; ..." from the one table of bands.
fn verdict_bands() -> String {
    let bands: Vec<String> = Verdict::ALL
        .into_iter()
        .map(|v| format!("{} = {}", v.label(), v.range_label()))
        .collect();
    format!("Verdicts: {}.", bands.join("; "))
}

fn chart(analysis: &Analysis, formula: Formula, followers: Option<u64>) -> Chart {
    let reference = analysis.rule_of_thumb.as_ref().ok().map(|c| Reference {
        rate: c.benchmark.value,
        label: "excellent".to_string(),
    });
    let tier = analysis.tier.map(Tier::name).unwrap_or("unknown tier");
    rate_vs_benchmarks(
        &format!("Engagement rate, {} ({tier})", formula.name()),
        &chart_bars(analysis, formula, followers),
        reference.as_ref(),
    )
}

/// The formula switch at the top of the Engagement part. In the main module, so that a formula
/// can be picked before the results' module is fetched (`CheckPanel`).
#[component]
pub fn FormulaPick(form: CheckForm) -> impl IntoView {
    let formula = form.formula;
    // A pick is kept as the setting "formula picked last" (the shortlist starts with it too).
    let settings = use_context::<SettingsStore>();
    view! {
        <ChoiceSelect
            id="check-formula"
            label="Engagement formula"
            choices=&Formula::ALL
            class="formula-field"
            value=formula
            on_pick=move |f: Formula| {
                formula.set(f);
                if let Some(settings) = settings {
                    settings.set_formula(f);
                }
            }
        >
            <code>{move || formula.get().expression()}</code>
            " "
            {move || formula.get().explanation()}
        </ChoiceSelect>
    }
}

/// The results under `FormulaPick`: the rate, the benchmark range with each figure, the chart
/// (the `check_results` module).
#[component]
pub fn EngagementView(form: CheckForm, analysis: Memo<Analysis>) -> impl IntoView {
    let formula = form.formula;
    let rate_line = move || {
        analysis.with(|a| {
            let e = &a.engagement;
            match (e.rate, e.undefined) {
                (Some(rate), _) => {
                    let posts = if e.posts == 1 {
                        "1 post".to_string()
                    } else {
                        format!("{} posts pooled", e.posts)
                    };
                    format!("{} ({posts})", percent(Some(rate), 2))
                }
                // The message already starts with "n/a: ".
                (None, Some(why)) => why.message().to_string(),
                (None, None) => "n/a".to_string(),
            }
        })
    };
    let median_line = move || {
        analysis.with(|a| {
            (a.engagement.posts > 1).then(|| {
                format!(
                    "Median of the per-post rates: {}",
                    percent(a.engagement.median_post_rate, 2)
                )
            })
        })
    };
    let missing = move || analysis.with(|a| a.engagement.missing_note(a.platform));
    let range = move || {
        analysis.with(|a| {
            let r = a.range.as_ref()?;
            let scope = match r.scope {
                Scope::Tier => "for this account's size, under this formula",
                _ => "over every account size (no figure for this size under this formula): context, not a tier norm",
            };
            // Outside the range is not yet "below" or "above": the verdict under it allows a
            // margin around its figure, so say so instead of seeming to contradict it.
            let position = r.position(a.engagement.rate).map(|p| match p {
                RangePosition::Below => format!(
                    "This creator's rate is below every figure in the range; the verdict counts {} as in line.",
                    Verdict::InLine.range_label()
                ),
                RangePosition::Within => "This creator's rate is within the range.".to_string(),
                RangePosition::Above => format!(
                    "This creator's rate is above every figure in the range; the verdict counts {} as in line.",
                    Verdict::InLine.range_label()
                ),
            });
            Some(view! {
                <p class="figure" data-testid="benchmark-range">
                    <span class="figure-label">"Published benchmarks: "</span>
                    <strong>{r.label()}</strong>
                    " "
                    {scope}
                </p>
                <p class="help">{position}</p>
                <p data-testid="benchmark-verdict">{r.verdict_sentence()}</p>
            })
        })
    };
    let comparisons = move || {
        analysis.with(|a| match &a.benchmarks {
            Ok(list) => list
                .iter()
                .map(|c| {
                    let flag = c.red_flag().then_some(
                        ". More than twice the benchmark is a red flag for bought engagement: check the Risks section.",
                    );
                    let b = c.benchmark;
                    view! {
                        <li data-verdict=c
                            .verdict
                            .map(|v| {
                                v.label()
                            })>
                            {c.sentence()} {flag} <br />
                            <span class="help source">
                                {b.provenance()} "; " {b.population} "."
                            </span>
                        </li>
                    }
                })
                .collect_view()
                .into_any(),
            Err(why) => view! { <li class="muted">{why.to_string()}</li> }.into_any(),
        })
    };
    let richer = move || analysis.with(|a| a.richer_formulas.clone());
    let conventions = move || analysis.with(|a| a.tier.map(tier_convention_note));
    let context = move || {
        analysis.with(|a| {
            context_for(a.platform)
                .map(|c| view! { <li>{c.sentence()}</li> })
                .collect_view()
        })
    };
    let rule = move || {
        analysis.with(|a| match &a.rule_of_thumb {
            Ok(c) => c.sentence(),
            Err(why) => why.to_string(),
        })
    };
    let followers = move || form.parsed_followers().ok();
    let chart_signal = Signal::derive(move || {
        let f = formula.get();
        let n = followers();
        analysis.with(|a| chart(a, f, n))
    });

    view! {
        <p class="figure">
            <span class="figure-label">"Engagement rate: "</span>
            <strong data-testid="engagement-rate">{rate_line}</strong>
        </p>
        <p class="help">{median_line}</p>
        <p class="help">{missing}</p>
        <h4>"Compared with benchmarks"</h4>
        {range}
        <ul class="comparisons">{comparisons}</ul>
        <p class="help" data-testid="richer-formulas">
            {richer}
        </p>
        <p class="help">{conventions}</p>
        <p class="help">"Context, never compared with the creator's rate:"</p>
        <ul class="help context-figures">{context}</ul>
        <p class="help">{rule}</p>
        <p class="help">{verdict_bands()}</p>
        <ChartImage
            chart=chart_signal
            caption="The creator's rate against published benchmarks for the same formula."
        />
    }
}
