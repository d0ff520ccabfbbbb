//! Posting cadence and cost results: posts per week against the benchmark, CPM / CPV / CPE, EMV.

use leptos::prelude::*;

use crate::domain::engine::analysis::Analysis;
use crate::domain::engine::cadence::per_week_label;
use crate::domain::engine::cost::Span;
use crate::domain::text::format::money;
use crate::ui::widgets::section::{placeholder, Depth, Section};

fn span(s: Option<Span>) -> String {
    match s {
        Some(s) => s.label("$"),
        None => "n/a".to_string(),
    }
}

#[component]
pub fn CadenceView(analysis: Memo<Analysis>) -> impl IntoView {
    let body = move || {
        analysis.with(|a| match &a.cadence {
            None => placeholder("Enter how many posts the creator made in a period to compare their posting cadence."),
            Some(c) => {
                let per_week = match &c.per_week {
                    Ok(v) => per_week_label(Some(*v)),
                    Err(gap) => gap.to_string(),
                };
                let comparison = match &c.comparison {
                    Ok(cmp) => cmp.sentence(),
                    Err(why) => why.to_string(),
                };
                view! {
                    <p class="figure">
                        <span class="figure-label">"Posting cadence: "</span>
                        <strong>{per_week}</strong>
                        <span class="help">" (posts × 7 ÷ days)"</span>
                    </p>
                    <p>{comparison}</p>
                }
                .into_any()
            }
        })
    };
    view! {
        <Section id="cadence-title" class="subpanel" depth=Depth::Tool title="Posting cadence">
            {body}
        </Section>
    }
}

#[component]
pub fn CostView(analysis: Memo<Analysis>) -> impl IntoView {
    let body = move || {
        analysis.with(|a| match &a.cost {
            Err(why) => placeholder(why.to_string()),
            Ok(cost) => {
                let estimate = cost.is_estimate().then_some(
                    "No price entered: this is an estimated range from published price guides, not a quote. Your own prices always beat it.",
                );
                view! {
                    <p class="figure">
                        <span class="figure-label">"Price per post: "</span>
                        <strong>{cost.price_label()}</strong>
                    </p>
                    <p class="help">{estimate}</p>
                    <dl class="metrics">
                        <div>
                            <dt>"CPM"</dt>
                            <dd>{span(cost.cpm)}</dd>
                            <dd class="help">"cost ÷ views × 1,000"</dd>
                        </div>
                        <div>
                            <dt>"CPV"</dt>
                            <dd>{span(cost.cpv)}</dd>
                            <dd class="help">"cost ÷ views"</dd>
                        </div>
                        <div>
                            <dt>"CPE"</dt>
                            <dd>{span(cost.cpe)}</dd>
                            <dd class="help">"cost ÷ interactions (chosen formula)"</dd>
                        </div>
                    </dl>
                }
                .into_any()
            }
        })
    };
    let emv = move || {
        analysis.with(|a| {
            a.emv.as_ref().map(|e| {
                format!(
                    "Earned media value: {} per post. {}.",
                    money(Some(e.value), "$"),
                    e.explanation()
                )
            })
        })
    };
    view! {
        <Section id="cost-title" class="subpanel" depth=Depth::Tool title="Cost">
            {body}
            <p class="help">{emv}</p>
        </Section>
    }
}
