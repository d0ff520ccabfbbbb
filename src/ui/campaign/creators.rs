//! Assigning shortlisted creators to the campaign, and the budget plan over them with why each was
//! picked or left out.

use leptos::prelude::*;

use crate::domain::campaign::budget::plan;
use crate::domain::campaign::record::money_in;
use crate::domain::text::format::compact;
use crate::ui::campaign::inputs::{campaign_id, set_member, shortlisted, CampaignMemo};
use crate::ui::campaign::part::Part;
use crate::ui::state::CampaignsStore;
use crate::ui::widgets::fields::CheckBox;
use crate::ui::widgets::section::placeholder;

#[component]
pub fn CreatorsView(campaign: CampaignMemo, store: CampaignsStore) -> impl IntoView {
    let creators = shortlisted();
    let the_plan = Memo::new(move |_| {
        let list = creators.get();
        campaign.with(|c| {
            c.as_ref()
                .map(|c| plan(c, &list).map_err(|e| e.to_string()))
        })
    });
    let id = campaign_id(campaign);
    view! {
        <Part id="campaign-creators-title" class="campaign-form" title="Creators and budget plan">
            {move || {
                let list = creators.get();
                if list.is_empty() {
                    return placeholder(
                        "Your shortlist is empty: add creators in “Check a creator” first, then assign them here.",
                    );
                }
                view! {
                    <fieldset class="field">
                        <legend>"Assign shortlisted creators"</legend>
                        {list
                            .into_iter()
                            .map(|cr| {
                                let cid = cr.id.clone();
                                let cid2 = cr.id.clone();
                                let checked = Signal::derive(move || {
                                    campaign
                                        .with(|c| {
                                            c.as_ref().is_some_and(|c| c.creators.contains(&cid))
                                        })
                                });
                                view! {
                                    <CheckBox
                                        id=format!("campaign-creator-{}", cr.id)
                                        label=cr.name.clone()
                                        checked=checked
                                        on_toggle=move |on| {
                                            let who = cid2.clone();
                                            store
                                                .edit(&id(), move |c| set_member(&mut c.creators, who, on));
                                        }
                                    />
                                }
                            })
                            .collect_view()}
                    </fieldset>
                }
                    .into_any()
            }}
            {move || match the_plan.get() {
                None => ().into_any(),
                Some(Err(e)) => view! { <p class="help">{e}</p> }.into_any(),
                Some(Ok(p)) => {
                    let f = p.forecast.clone();
                    let cur = campaign
                        .with_untracked(|c| c.as_ref().map(|c| c.currency.clone()))
                        .unwrap_or_default();
                    view! {
                        <div class="campaign-plan">
                            <p class="figure">
                                "Plan: " {money_in(f.spend, &cur)} " of " {money_in(p.budget, &cur)}
                                " spent, about " {compact(f.views)} " views"
                                {f.engagements.map(|e| format!(" and {} engagements", compact(e)))}
                                " (one post per creator)."
                            </p>
                            <ul>
                                {p
                                    .picks
                                    .into_iter()
                                    .map(|pick| {
                                        view! {
                                            <li>
                                                <strong>{pick.candidate.name}</strong>
                                                ": "
                                                {pick.explanation}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                                {p
                                    .left_out
                                    .into_iter()
                                    .map(|l| {
                                        view! {
                                            <li class="muted">
                                                <strong>{l.name}</strong>
                                                ": "
                                                {l.reason}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                            <p class="help">{p.method.explanation}</p>
                        </div>
                    }
                        .into_any()
                }
            }}
        </Part>
    }
}
