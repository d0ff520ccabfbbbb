//! Inexperience and engagement anomalies: a few numbers about a creator, run through the risk rules.

use leptos::prelude::*;

use crate::domain::engine::benchmark::{find_for_followers, NoBenchmark, Scope};
use crate::domain::engine::engagement::Formula;
use crate::domain::risk::rules::{assess, EngagementInput, NotChecked, RiskInput, RiskKind};
use crate::domain::risk::thresholds::Thresholds;
use crate::domain::text::number::{parse_optional_amount, parse_optional_count, NumberError};
use crate::domain::{Platform, Tier};
use crate::ui::widgets::fields::ChoiceSelect;
use crate::ui::widgets::number_field::NumberField;
use crate::ui::widgets::section::{Depth, Section};
use crate::ui::widgets::warning::warning_list;

/// "2.4", "2.4%" or "2,4 %" as a fraction (0.024).
fn parse_rate(text: &str) -> Result<Option<f64>, NumberError> {
    parse_optional_amount(text.trim().trim_end_matches('%').trim()).map(|r| r.map(|p| p / 100.0))
}

const KINDS: [RiskKind; 3] = [
    RiskKind::EngagementAnomaly,
    RiskKind::BoughtEngagement,
    RiskKind::Inexperience,
];

#[component]
pub fn AnomalyTool(thresholds: RwSignal<Thresholds>) -> impl IntoView {
    let platform = RwSignal::new(Platform::Instagram);
    let followers = RwSignal::new(String::new());
    let rate = RwSignal::new(String::new());
    let likes = RwSignal::new(String::new());
    let sponsored = RwSignal::new(String::new());

    let followers_n = move || followers.with(|t| parse_optional_count(t));
    let rate_n = move || rate.with(|t| parse_rate(t));
    let likes_n = move || likes.with(|t| parse_optional_amount(t));
    let sponsored_n = move || sponsored.with(|t| parse_optional_count(t));
    let err = |r: Result<_, NumberError>| r.err().map(|e: NumberError| e.to_string());
    let followers_error = Signal::derive(move || err(followers_n().map(|_| ())));
    let rate_error = Signal::derive(move || err(rate_n().map(|_| ())));
    let likes_error = Signal::derive(move || err(likes_n().map(|_| ())));
    let sponsored_error = Signal::derive(move || err(sponsored_n().map(|_| ())));

    let report = Memo::new(move |_| {
        let platform = platform.get();
        let followers = followers_n().ok().flatten();
        let rate = rate_n().ok().flatten();
        let mut extra_note = None;
        let engagement = rate.map(|rate| {
            let bench = followers.and_then(|f| {
                find_for_followers(platform, f, Formula::Followers)
                    .find(|b| b.scope() == Scope::Tier)
            });
            if followers.is_none() {
                extra_note = Some(NoBenchmark::TierUnknown.to_string());
            }
            EngagementInput {
                rate,
                benchmark: bench.map(|b| b.value),
                formula: Formula::Followers.expression().to_string(),
                benchmark_source: bench
                    .map(|b| format!("{}, {}", b.label(), b.citation()))
                    .unwrap_or_default(),
            }
        });
        let input = RiskInput {
            platform: Some(platform),
            tier: followers.map(Tier::for_followers),
            followers: followers.map(|f| f as f64),
            engagement,
            engagement_by_followers: rate,
            average_likes: likes_n().ok().flatten(),
            sponsored_posts: sponsored_n()
                .ok()
                .flatten()
                .map(|n| u32::try_from(n).unwrap_or(u32::MAX)),
            ..RiskInput::default()
        };
        let report = assess(&input, &thresholds.get());
        let warnings: Vec<_> = report
            .warnings
            .into_iter()
            .filter(|w| KINDS.contains(&w.kind))
            .collect();
        // Comment checks live in their own tools above; only the rules this form feeds are listed.
        let mut missing: Vec<String> = report
            .not_checked
            .into_iter()
            .filter(|n: &NotChecked| {
                matches!(n.kind, RiskKind::EngagementAnomaly | RiskKind::Inexperience)
            })
            .map(|n| n.reason)
            .collect();
        if let Some(note) = extra_note {
            missing.retain(|m| !m.starts_with("No published benchmark"));
            missing.push(note);
        }
        if input.average_likes.is_none() || input.followers.is_none() {
            missing.push(
                "Enter followers and average likes to compare likes with the audience size."
                    .to_string(),
            );
        }
        (warnings, missing)
    });

    let anything = move || {
        [followers, rate, likes, sponsored]
            .iter()
            .any(|s| s.with(|t| !t.trim().is_empty()))
    };

    view! {
        <Section
            id="risks-anomaly-title"
            class="risk-tool"
            depth=Depth::Tool
            title="Experience and engagement anomalies"
            intro="A few numbers from the creator's profile: engagement far from the benchmark, likes out of line with the audience, or little experience with brands."
        >
            <form class="risk-form" on:submit=|ev| ev.prevent_default()>
                <div class="fields">
                    <ChoiceSelect
                        id="risks-platform"
                        label="Platform"
                        choices=&Platform::ALL
                        value=platform
                        on_pick=move |p: Platform| platform.set(p)
                    />
                    <NumberField
                        id="risks-followers"
                        label="Followers"
                        help="Followers or subscribers.".to_string()
                        value=followers
                        error=followers_error
                        placeholder="e.g. 45K"
                    />
                    <NumberField
                        id="risks-rate"
                        label="Engagement rate by followers (%)"
                        help="(likes + comments) ÷ followers, averaged over recent posts; e.g. 2.4 for 2.4%."
                            .to_string()
                        value=rate
                        error=rate_error
                    />
                    <NumberField
                        id="risks-avg-likes"
                        label="Average likes per post"
                        help="Over recent posts.".to_string()
                        value=likes
                        error=likes_error
                    />
                    <NumberField
                        id="risks-sponsored"
                        label="Past sponsored posts"
                        help="How many sponsored posts you found on the profile.".to_string()
                        value=sponsored
                        error=sponsored_error
                    />
                </div>
            </form>
            <p class="visually-hidden" role="status">
                {move || {
                    if !anything() {
                        return String::new();
                    }
                    match report.with(|r| r.0.len()) {
                        0 => "No warning from the numbers entered.".to_string(),
                        1 => "1 warning.".to_string(),
                        n => format!("{n} warnings."),
                    }
                }}
            </p>
            <div class="risk-result">
                {move || {
                    if !anything() {
                        return view! {
                            <p class="placeholder">"Enter a few numbers to check them."</p>
                        }
                            .into_any();
                    }
                    let (warnings, missing) = report.get();
                    let none = warnings
                        .is_empty()
                        .then(|| {
                            view! { <p>"No warning from the numbers entered."</p> }
                        });
                    view! {
                        {none}
                        {warning_list(warnings)}
                        {(!missing.is_empty())
                            .then(|| {
                                view! {
                                    <p class="not-checked-title">"Not checked yet:"</p>
                                    <ul class="not-checked">
                                        {missing
                                            .into_iter()
                                            .map(|m| view! { <li>{m}</li> })
                                            .collect_view()}
                                    </ul>
                                }
                            })}
                    }
                        .into_any()
                }}
            </div>
        </Section>
    }
}
