//! The posted results of a campaign as a table: newest first, who posted each (changeable, so
//! results from before creators were recorded can be assigned), and a Remove button.

use leptos::prelude::*;

use crate::domain::campaign::record::count_label;
use crate::domain::campaign::tracking::UNTIED;
use crate::ui::campaign::inputs::{campaign_id, CampaignMemo};
use crate::ui::state::CampaignsStore;
use crate::ui::widgets::table::column_heads_and_actions;

/// The posted results, newest first by entry, each with who posted it (changeable: results
/// from before creators were recorded can be assigned) and a Remove button.
#[component]
pub fn ResultsTable(
    campaign: CampaignMemo,
    store: CampaignsStore,
    options: Memo<Vec<(String, String)>>,
) -> impl IntoView {
    let id = campaign_id(campaign);
    let results = Memo::new(move |_| {
        campaign.with(|c| c.as_ref().map(|c| c.results.clone()).unwrap_or_default())
    });
    move || {
        let list = results.get();
        if list.is_empty() {
            return None;
        }
        let opts = options.get();
        Some(view! {
            <table class="campaign-results">
                <caption>"Posted results"</caption>
                {column_heads_and_actions(
                    &["Date", "Posted by", "Views", "Interactions", "Clicks", "Conversions"],
                )}
                <tbody>
                    {list
                        .into_iter()
                        .enumerate()
                        .map(|(index, r)| {
                            let select_id = format!("campaign-result-{index}-creator");
                            let date = r.date.map_or("no date".to_string(), |d| d.to_string());
                            let current = r.creator_id.clone();
                            let mut choices = opts.clone();
                            if !current.is_empty() && !choices.iter().any(|(i, _)| *i == current) {
                                choices.push((current.clone(), current.clone()));
                            }
                            let label = format!("Posted by (result of {date})");
                            view! {
                                <tr>
                                    <td>{date.clone()}</td>
                                    <td>
                                        <label class="visually-hidden" for=select_id.clone()>
                                            {label}
                                        </label>
                                        <select
                                            id=select_id
                                            on:change=move |ev| {
                                                let who = event_target_value(&ev);
                                                store
                                                    .edit(
                                                        &id(),
                                                        move |c| {
                                                            if let Some(r) = c.results.get_mut(index) {
                                                                r.creator_id = who;
                                                            }
                                                        },
                                                    );
                                            }
                                        >
                                            <option value="" selected=current.is_empty()>
                                                {UNTIED}
                                            </option>
                                            {choices
                                                .into_iter()
                                                .map(|(cid, name)| {
                                                    let sel = cid == current;
                                                    view! {
                                                        <option value=cid selected=sel>
                                                            {name}
                                                        </option>
                                                    }
                                                })
                                                .collect_view()}
                                        </select>
                                    </td>
                                    <td>{count_label(r.views)}</td>
                                    <td>{count_label(r.interactions)}</td>
                                    <td>{count_label(r.clicks)}</td>
                                    <td>{count_label(r.conversions)}</td>
                                    <td>
                                        <button
                                            type="button"
                                            class="secondary"
                                            aria-label=format!("Remove the result of {date}")
                                            on:click=move |_| {
                                                store
                                                    .edit(
                                                        &id(),
                                                        move |c| {
                                                            if index < c.results.len() {
                                                                c.results.remove(index);
                                                            }
                                                        },
                                                    );
                                            }
                                        >
                                            "Remove"
                                        </button>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        })
    }
}
