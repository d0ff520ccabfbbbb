//! The parts of a campaign computed from it: recommendations, assigned creators with the budget
//! plan, the checklist with progress, and the printable brief. Each says why, in the domain's words.

use leptos::prelude::*;

use crate::domain::brief::campaign_brief;
use crate::domain::budget::plan;
use crate::domain::campaign::Campaign;
use crate::domain::checklist::checklist;
use crate::domain::creator::Creator;
use crate::domain::engagement::Formula;
use crate::domain::format::{compact, money};
use crate::domain::recommend::recommend;
use crate::domain::risk::Thresholds;
use crate::ui::campaign_state::CampaignStore;
use crate::ui::shortlist_download::download_text;
use crate::ui::shortlist_state::ShortlistState;

type CampaignMemo = Memo<Option<Campaign>>;

/// The shortlisted creators, or none when the shortlist is not provided (e.g. a test).
pub fn shortlisted() -> Signal<Vec<Creator>> {
    let state = use_context::<ShortlistState>();
    Signal::derive(move || {
        state
            .map(|s| s.list.with(|l| l.creators().to_vec()))
            .unwrap_or_default()
    })
}

fn min_sponsored_posts() -> f64 {
    Thresholds::default().min_sponsored_posts
}

#[component]
pub fn RecommendationsView(campaign: CampaignMemo) -> impl IntoView {
    let recs =
        Memo::new(move |_| campaign.with(|c| c.as_ref().map(|c| recommend(c.goal, &c.platforms))));
    view! {
        <section class="subpanel campaign-form" aria-labelledby="campaign-recs-title">
            <h4 id="campaign-recs-title">"Who to look for"</h4>
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
                                                                    {reason.text}
                                                                    " "
                                                                    <span class="figure">{reason.figure}</span>
                                                                    " "
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
        </section>
    }
}

#[component]
pub fn CreatorsView(campaign: CampaignMemo, store: CampaignStore) -> impl IntoView {
    let creators = shortlisted();
    let the_plan = Memo::new(move |_| {
        let list = creators.get();
        campaign.with(|c| {
            c.as_ref()
                .map(|c| plan(c, &list).map_err(|e| e.to_string()))
        })
    });
    let id = move || campaign.with(|c| c.as_ref().map(|c| c.id.clone()).unwrap_or_default());
    view! {
        <section class="subpanel campaign-form" aria-labelledby="campaign-creators-title">
            <h4 id="campaign-creators-title">"Creators and budget plan"</h4>
            {move || {
                let list = creators.get();
                if list.is_empty() {
                    return view! {
                        <p class="placeholder">
                            "Your shortlist is empty: add creators in “Check a creator” first, then assign them here."
                        </p>
                    }
                        .into_any();
                }
                view! {
                    <fieldset class="field">
                        <legend>"Assign shortlisted creators"</legend>
                        {list
                            .into_iter()
                            .map(|cr| {
                                let box_id = format!("campaign-creator-{}", cr.id);
                                let cid = cr.id.clone();
                                let cid2 = cr.id.clone();
                                view! {
                                    <div>
                                        <input
                                            id=box_id.clone()
                                            type="checkbox"
                                            prop:checked=move || {
                                                campaign
                                                    .with(|c| {
                                                        c.as_ref().is_some_and(|c| c.creators.contains(&cid))
                                                    })
                                            }
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                let who = cid2.clone();
                                                store
                                                    .edit(
                                                        &id(),
                                                        move |c| {
                                                            c.creators.retain(|x| *x != who);
                                                            if on {
                                                                c.creators.push(who);
                                                            }
                                                        },
                                                    );
                                            }
                                        />
                                        <label for=box_id>{cr.name.clone()}</label>
                                    </div>
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
                    view! {
                        <div class="campaign-plan">
                            <p class="figure">
                                "Plan: " {money(Some(f.spend), "$")} " of " {money(Some(p.budget), "$")}
                                " spent, about " {compact(f.views)} " views"
                                {f
                                    .engagements
                                    .map(|e| format!(" and {} engagements", compact(e)))}
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
        </section>
    }
}

#[component]
pub fn ChecklistView(campaign: CampaignMemo, store: CampaignStore) -> impl IntoView {
    let creators = shortlisted();
    let list = Memo::new(move |_| {
        let all = creators.get();
        campaign.with(|c| {
            c.as_ref()
                .map(|c| checklist(c, &all, min_sponsored_posts()))
        })
    });
    let id = move || campaign.with(|c| c.as_ref().map(|c| c.id.clone()).unwrap_or_default());
    view! {
        <section class="subpanel campaign-form" aria-labelledby="campaign-checklist-title">
            <h4 id="campaign-checklist-title">"Checklist"</h4>
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
                                                <label for=box_id>{item.title}</label>
                                                <p id=help_id class="help">
                                                    {item.explanation}
                                                    {item.note.map(|n| format!(" {n}"))}
                                                </p>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })
            }}
        </section>
    }
}

#[component]
pub fn BriefView(campaign: CampaignMemo) -> impl IntoView {
    let creators = shortlisted();
    let text = Memo::new(move |_| {
        let all = creators.get();
        campaign.with(|c| {
            c.as_ref()
                .map(|c| campaign_brief(c, &all, Formula::default(), min_sponsored_posts()))
                .unwrap_or_default()
        })
    });
    let status = RwSignal::new(None::<String>);
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            if w.print().is_err() {
                status.set(Some(
                    "This browser would not open the print dialog; use its Print menu.".into(),
                ));
            }
        }
    };
    let download = move |_| {
        let name =
            campaign.with_untracked(|c| c.as_ref().map(|c| c.name.clone()).unwrap_or_default());
        let slug: String = name
            .chars()
            .map(|ch| {
                if ch.is_ascii_alphanumeric() {
                    ch.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        let file = format!("brief-{}.md", slug.trim_matches('-'));
        match download_text(&file, "text/markdown", &text.get_untracked()) {
            Ok(()) => status.set(Some(format!("Downloaded {file}."))),
            Err(e) => status.set(Some(format!("The brief could not be downloaded: {e}"))),
        }
    };
    view! {
        <section class="subpanel campaign-brief" aria-labelledby="campaign-brief-title">
            <h4 id="campaign-brief-title">"Brief"</h4>
            <div class="actions campaign-form">
                <button type="button" class="button" on:click=print>
                    "Print brief"
                </button>
                <button type="button" class="button" on:click=download>
                    "Download brief (Markdown)"
                </button>
            </div>
            <p class="status campaign-form" role="status">
                {move || status.get()}
            </p>
            <pre class="campaign-brief-text" aria-label="Campaign brief">
                {move || text.get()}
            </pre>
        </section>
    }
}
