//! "Who to look for": the recommended tiers and platforms for the campaign's goal, each with its
//! reasons, figures and citations.

use leptos::prelude::*;

use crate::domain::campaign::recommend::recommend;
use crate::ui::campaign::inputs::CampaignMemo;
use crate::ui::campaign::part::Part;

#[component]
pub fn RecommendationsView(campaign: CampaignMemo) -> impl IntoView {
    let recs =
        Memo::new(move |_| campaign.with(|c| c.as_ref().map(|c| recommend(c.goal, &c.platforms))));
    view! {
        <Part id="campaign-recs-title" class="campaign-form" title="Who to look for">
            {move || {
                recs.get()
                    .map(|r| {
                        view! {
                            <ol class="campaign-recs">
                                {r
                                    .items
                                    .into_iter()
                                    .take(3)
                                    .map(|item| {
                                        view! {
                                            <li>
                                                <p>
                                                    <strong>{item.title()}</strong>
                                                    " — "
                                                    {item.fit.label()}
                                                </p>
                                                <ul>
                                                    {item
                                                        .reasons
                                                        .into_iter()
                                                        .map(|reason| {
                                                            view! {
                                                                <li>
                                                                    {reason.text} " "
                                                                    <span class="figure">{reason.figure}</span> " "
                                                                    <cite>"(" {reason.citation} ")"</cite>
                                                                </li>
                                                            }
                                                        })
                                                        .collect_view()}
                                                    {item
                                                        .gaps
                                                        .into_iter()
                                                        .map(|g| view! { <li class="muted">{g}</li> })
                                                        .collect_view()}
                                                </ul>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ol>
                            <ul class="help">
                                {r.notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                            </ul>
                        }
                    })
            }}
        </Part>
    }
}
