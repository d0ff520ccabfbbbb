//! The evidence behind the warnings: the creator's risk warnings (each with what was seen), the
//! checklist items of every campaign the creator is in, and the comment samples and caption
//! checks the Risks section saved (read-only here; drawn as under Risks, `widgets::evidence`).

use leptos::prelude::*;

use crate::domain::campaign::checklist::{checklist, Scope};
use crate::domain::campaign::risk_profile::creator_risk;
use crate::domain::engine::engagement::Formula;
use crate::domain::risk::thresholds::Thresholds;
use crate::ui::app::clock::today;
use crate::ui::dossier::store::{Dossier, Part};
use crate::ui::risks::for_creator::{thresholds_signal, CreatorWarnings};
use crate::ui::state::CampaignsStore;
use crate::ui::widgets::evidence::{Fresh, StoredEntries};
use crate::ui::widgets::section::placeholder;

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
                placeholder("Not in any campaign yet: a campaign's checklist items for this creator show here.")
            } else {
                parts.collect_view().into_any()
            }
        })
    };
    let fresh = Fresh {
        today,
        days: thresholds.with_untracked(Thresholds::stale_after_days),
    };
    let samples = Memo::new(move |_| {
        dossier
            .with(|c| c.comment_samples.to_vec())
            .unwrap_or_default()
    });
    let captions = Memo::new(move |_| {
        dossier
            .with(|c| c.caption_checks.to_vec())
            .unwrap_or_default()
    });
    view! {
        <Part
            id="dossier-evidence-title"
            title="Warnings and their evidence"
            intro="Each warning opens to what was seen; dated evidence says how old it is."
        >
            <CreatorWarnings risk=risk />
            <h4>"Campaign checklists"</h4>
            {checklists}
            <StoredEntries
                id="dossier-evidence"
                samples=samples
                captions=captions
                fresh=fresh
                empty_samples="No comment samples yet (Risks → Comment sentiment)."
                empty_captions="No caption checks yet (Risks → Ad disclosure)."
                open=true
            />
        </Part>
    }
}
