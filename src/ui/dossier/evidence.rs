//! The evidence behind the warnings: the creator's risk warnings (each with what was seen), the
//! checklist items of every campaign the creator is in, and the comment samples and caption
//! checks the Risks section saved (read-only here), each dated with its age.

use leptos::prelude::*;

use crate::ui::app::clock::today;

use crate::domain::campaign::checklist::{checklist, Scope};
use crate::domain::campaign::risk_profile::creator_risk;
use crate::domain::creator::dossier::{is_stale, CaptionCheck, CommentSample, STALE_AFTER_DAYS};
use crate::domain::engine::engagement::Formula;
use crate::domain::risk::disclosure::Jurisdiction;
use crate::domain::text::date::Date;
use crate::domain::text::format::plural;
use crate::ui::dossier::store::{dated, Dossier};
use crate::ui::risks::for_creator::{thresholds_signal, CreatorWarnings};
use crate::ui::state::CampaignsStore;
use crate::ui::widgets::section::{Depth, Section};

/// "2026-01-05 (4 months old; older than 90 days, check again)".
fn age_line(date: Date, today: Date) -> String {
    let stale = if is_stale(date, today, STALE_AFTER_DAYS) {
        format!("; older than {STALE_AFTER_DAYS} days, check again")
    } else {
        String::new()
    };
    let text = dated(Some(date), today);
    match text.strip_suffix(')') {
        Some(head) => format!("{head}{stale})"),
        None => text,
    }
}

/// One dated piece of evidence: `(date, what it found, the text as the user gave it)`.
type Evidence = (Date, String, String);

fn sample_evidence(s: &CommentSample) -> Evidence {
    let n = &s.counts;
    let summary = format!(
        "{}: {} negative, {} positive, {} generic",
        plural(n.total, "comment", "comments"),
        n.negative,
        n.positive,
        n.generic
    );
    (s.date, summary, s.text.clone())
}

fn caption_evidence(c: &CaptionCheck) -> Evidence {
    let verdicts = c
        .verdicts
        .iter()
        .map(|v| {
            let country =
                Jurisdiction::parse(&v.country).map_or(v.country.clone(), |j| j.name().to_string());
            format!("{country}: {}", v.verdict)
        })
        .collect::<Vec<_>>()
        .join(", ");
    let verdicts = if verdicts.is_empty() {
        "no verdicts kept".to_string()
    } else {
        verdicts
    };
    (c.date, verdicts, c.caption.clone())
}

/// The list of `items`, each with its date and age; `empty` when there are none.
fn evidence_list(items: Vec<Evidence>, today: Date, empty: &'static str) -> AnyView {
    if items.is_empty() {
        return view! { <p class="placeholder">{empty}</p> }.into_any();
    }
    view! {
        <ul class="dossier-evidence">
            {items
                .into_iter()
                .map(|(date, summary, quote)| {
                    view! {
                        <li>
                            <strong>{age_line(date, today)}</strong>
                            " "
                            {summary}
                            <blockquote class="dossier-quote">{quote}</blockquote>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
pub(super) fn EvidencePart(dossier: Dossier) -> impl IntoView {
    let thresholds = thresholds_signal();
    let today = today();
    let risk = Signal::derive(move || {
        thresholds.with(|t| {
            dossier
                .with(|c| creator_risk(c, Formula::default(), None, t, today))
                .unwrap_or_default()
        })
    });
    // Created now if no section has yet: the checklist items come from every campaign.
    let campaigns = Some(CampaignsStore::from_context());
    let today = dossier.today;
    let checklists = move || {
        let store = campaigns?;
        let min = thresholds.with(|t| t.min_sponsored_posts);
        dossier.with(|c| {
            let parts = store.campaigns.with(|all| {
                all.iter()
                    .filter(|camp| camp.creators.contains(&c.id))
                    .map(|camp| {
                        let list = checklist(camp, std::slice::from_ref(c), min);
                        let items = list
                            .items
                            .into_iter()
                            .filter(|i| matches!(&i.scope, Scope::Creator { id, .. } if *id == c.id))
                            .map(|i| {
                                let mark = if i.done { "✓ done" } else { "○ to do" };
                                view! {
                                    <li class:done=i.done>
                                        <span class="dossier-mark">{mark}</span>
                                        " "
                                        {i.title}
                                        {i.note.map(|n| format!(" ({n})"))}
                                    </li>
                                }
                            })
                            .collect_view();
                        let name = if camp.name.trim().is_empty() { "Untitled campaign".to_string() } else { camp.name.clone() };
                        view! {
                            <h4>{format!("Campaign “{name}”")}</h4>
                            <ul class="dossier-checklist">{items}</ul>
                        }
                    })
                    .collect::<Vec<_>>()
            });
            if parts.is_empty() {
                view! {
                    <p class="placeholder">
                        "Not in any campaign yet: a campaign's checklist items for this creator show here."
                    </p>
                }
                .into_any()
            } else {
                parts.collect_view().into_any()
            }
        })
    };
    let samples = move || {
        dossier.with(|c| {
            let items = c.comment_samples.iter().map(sample_evidence).collect();
            evidence_list(
                items,
                today,
                "No comment samples yet (Risks → Comment sentiment).",
            )
        })
    };
    let captions = move || {
        dossier.with(|c| {
            let items = c.caption_checks.iter().map(caption_evidence).collect();
            evidence_list(
                items,
                today,
                "No caption checks yet (Risks → Ad disclosure).",
            )
        })
    };
    view! {
        <Section
            id="dossier-evidence-title"
            class="subpanel dossier-part"
            depth=Depth::Tool
            title="Warnings and their evidence"
            intro="Each warning opens to what was seen; dated evidence says how old it is."
        >
            <CreatorWarnings risk=risk />
            <h4>"Campaign checklists"</h4>
            {checklists}
            <h4>"Comment samples"</h4>
            {samples}
            <h4>"Caption checks"</h4>
            {captions}
        </Section>
    }
}
