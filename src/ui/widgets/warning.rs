//! How a risk warning looks everywhere: severity badge in words, title, what we saw, why it matters, what to do.

use leptos::prelude::*;

use crate::domain::risk::rules::{Severity, Warning};

/// A severity in words (never colour alone); the class only adds the colour.
#[component]
pub fn SeverityBadge(severity: Severity) -> impl IntoView {
    let class = match severity {
        Severity::Info => "badge sev-info",
        Severity::Caution => "badge sev-caution",
        Severity::High => "badge sev-high",
    };
    view! { <span class=class>{severity.label()}</span> }
}

/// One explained warning. The headline fact shows in the summary; the full evidence expands.
/// `creator` names whom it is about, in lists that mix creators (a campaign's).
#[component]
pub fn WarningCard(warning: Warning, #[prop(optional)] creator: Option<String>) -> impl IntoView {
    let Warning {
        id,
        severity,
        title,
        evidence,
        why,
        action,
        ..
    } = warning;
    let headline = evidence
        .first()
        .map(|e| format!(" — {}: {}", e.label, e.value))
        .unwrap_or_default();
    let count = evidence.len();
    let who = creator.clone().map(|name| {
        view! {
            <span class="warning-creator">{name}</span>
            ": "
        }
    });
    view! {
        <article
            class="warning"
            data-warning=id
            data-severity=severity.label()
            data-creator=creator
        >
            <h4 class="warning-title">
                <SeverityBadge severity=severity />
                " "
                {who}
                {title}
            </h4>
            <details class="evidence">
                <summary>
                    <span class="evidence-lead">"What we saw"</span>
                    {headline}
                    {(count > 1).then(|| format!(" + {} more", count - 1))}
                </summary>
                <dl>
                    {evidence
                        .into_iter()
                        .map(|e| {
                            view! {
                                <div class="evidence-row">
                                    <dt>{e.label}</dt>
                                    <dd>{e.value}</dd>
                                </div>
                            }
                        })
                        .collect_view()}
                </dl>
            </details>
            <p>
                <strong>"Why it matters: "</strong>
                {why}
            </p>
            <p>
                <strong>"What to do: "</strong>
                {action}
            </p>
        </article>
    }
}

/// Warnings in order, or nothing when there are none.
pub fn warning_list(warnings: Vec<Warning>) -> impl IntoView {
    (!warnings.is_empty()).then(|| {
        view! {
            <div class="warnings">
                {warnings.into_iter().map(|w| view! { <WarningCard warning=w /> }).collect_view()}
            </div>
        }
    })
}
