//! The campaign's checklist: progress, and each step with why it matters, ticked by the user.

use leptos::prelude::*;

use crate::domain::campaign::checklist::{checklist, Scope};
use crate::domain::text::format::capitalise;
use crate::ui::campaign::inputs::{campaign_id, from_campaign_and_thresholds, CampaignMemo};
use crate::ui::campaign::part::Part;
use crate::ui::state::CampaignsStore;

#[component]
pub fn ChecklistView(campaign: CampaignMemo, store: CampaignsStore) -> impl IntoView {
    let list = from_campaign_and_thresholds(campaign, |c, all, t| {
        checklist(c, all, t.min_sponsored_posts)
    });
    let id = campaign_id(campaign);
    view! {
        <Part id="campaign-checklist-title" class="campaign-form" title="Checklist">
            {move || {
                list.get()
                    .map(|l| {
                        let pct = l.progress.percent().unwrap_or(0);
                        view! {
                            <p id="campaign-progress-label" class="figure" role="status">
                                {l.progress.label()}
                            </p>
                            <progress
                                aria-labelledby="campaign-progress-label"
                                max="100"
                                value=pct.to_string()
                            ></progress>
                            <ul class="campaign-checklist">
                                {l
                                    .items
                                    .into_iter()
                                    .enumerate()
                                    .map(|(n, item)| {
                                        let box_id = format!("campaign-check-{n}");
                                        let help_id = format!("campaign-check-{n}-help");
                                        let key = item.key.clone();
                                        let title = match &item.scope {
                                            Scope::Creator { name, .. } => {
                                                format!("{name}: {}", item.title)
                                            }
                                            Scope::Campaign => item.title.clone(),
                                        };
                                        // Per-creator items repeat for each creator: the name tells them apart.
                                        view! {
                                            <li>
                                                <input
                                                    id=box_id.clone()
                                                    type="checkbox"
                                                    aria-describedby=help_id.clone()
                                                    prop:checked=item.done
                                                    on:change=move |ev| {
                                                        let on = event_target_checked(&ev);
                                                        let k = key.clone();
                                                        store.edit(&id(), move |c| c.checklist.set(&k, on));
                                                    }
                                                />
                                                <label for=box_id>{title}</label>
                                                <p id=help_id class="help">
                                                    {item.explanation}
                                                    // The domain's hint is a clause: a sentence of its own here.
                                                    {item.note.map(|n| format!(" {}.", capitalise(&n)))}
                                                </p>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })
            }}
        </Part>
    }
}
