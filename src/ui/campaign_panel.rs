//! The Campaign section: goal first, then recommendations, budget plan, checklist, brief, tracking.

use leptos::prelude::*;

use crate::domain::campaign::{Campaign, Goal};
use crate::domain::format::group_thousands;
use crate::domain::number::parse_optional_amount;
use crate::domain::Platform;
use crate::ui::campaign_plan::{BriefView, ChecklistView, CreatorsView, RecommendationsView};
use crate::ui::campaign_state::CampaignStore;
use crate::ui::campaign_tracking::TrackingView;

#[component]
pub fn CampaignPanel() -> impl IntoView {
    let store = CampaignStore::load();
    let new_name = RwSignal::new(String::new());
    let name_error = RwSignal::new(None::<String>);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked();
        if name.trim().is_empty() {
            name_error.set(Some("Give the campaign a name.".to_string()));
            return;
        }
        name_error.set(None);
        store.create(&name);
        new_name.set(String::new());
    };

    view! {
        <section class="panel campaign" aria-labelledby="campaign-title">
            <h2 id="campaign-title">"Campaign"</h2>
            <p class="lede campaign-form">
                "Start with the goal: it decides which creators to look for, how the budget is spent and what to track."
            </p>
            {move || {
                store
                    .problem
                    .get()
                    .map(|m| {
                        view! {
                            <p class="banner campaign-form" role="alert">
                                {m}
                                " Your stored campaigns are left untouched; changes here are kept only in this tab."
                            </p>
                        }
                    })
            }}
            {move || {
                store
                    .save_error
                    .get()
                    .map(|m| view! { <p class="banner campaign-form" role="alert">{m}</p> })
            }}
            <nav class="campaign-list campaign-form" aria-label="Your campaigns">
                <h3>"Your campaigns"</h3>
                <ul>
                    <For
                        each=move || store.campaigns.get()
                        key=|c| (c.id.clone(), c.name.clone())
                        let:c
                    >
                        {
                            let id = c.id.clone();
                            let id2 = c.id.clone();
                            let name = if c.name.trim().is_empty() {
                                "Untitled campaign".to_string()
                            } else {
                                c.name.clone()
                            };
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="button"
                                        aria-pressed=move || {
                                            (store.selected.get().as_deref() == Some(id.as_str()))
                                                .to_string()
                                        }
                                        on:click=move |_| store.selected.set(Some(id2.clone()))
                                    >
                                        {name}
                                    </button>
                                </li>
                            }
                        }
                    </For>
                </ul>
                <form class="fields" on:submit=create>
                    <div class="field">
                        <label for="campaign-new-name">"New campaign name"</label>
                        <input
                            id="campaign-new-name"
                            type="text"
                            autocomplete="off"
                            aria-describedby="campaign-new-name-error"
                            prop:value=move || new_name.get()
                            on:input=move |ev| new_name.set(event_target_value(&ev))
                        />
                        <p id="campaign-new-name-error" class="error" role="alert">
                            {move || name_error.get()}
                        </p>
                    </div>
                    <button type="submit" class="button">
                        "Create campaign"
                    </button>
                </form>
            </nav>
            {move || {
                store
                    .selected
                    .get()
                    .map(|id| view! { <CampaignEditor store=store id=id /> })
            }}
        </section>
    }
}

/// Everything about one campaign. Re-created when another campaign is selected.
#[component]
fn CampaignEditor(store: CampaignStore, id: String) -> impl IntoView {
    let id = StoredValue::new(id);
    let campaign = Memo::new(move |_| {
        store
            .campaigns
            .with(|cs| cs.iter().find(|c| id.with_value(|i| &c.id == i)).cloned())
    });
    let edit = move |f: Box<dyn FnOnce(&mut Campaign)>| {
        id.with_value(|i| store.edit(i, f));
    };
    let start = campaign.get_untracked().unwrap_or_default();
    let budget_text = RwSignal::new(
        start
            .budget
            .map(|b| {
                if b.fract() == 0.0 && b < 1e15 {
                    group_thousands(b as u64)
                } else {
                    b.to_string()
                }
            })
            .unwrap_or_default(),
    );
    let budget_error = Signal::derive(move || {
        parse_optional_amount(&budget_text.get())
            .err()
            .map(|e| e.to_string())
    });
    let goal =
        Signal::derive(move || campaign.with(|c| c.as_ref().map(|c| c.goal).unwrap_or_default()));

    view! {
        <article class="campaign-editor" aria-labelledby="campaign-editor-title">
            <h3 id="campaign-editor-title">
                {move || campaign.with(|c| c.as_ref().map(|c| c.name.clone()).unwrap_or_default())}
            </h3>
            <form class="fields campaign-form" on:submit=|ev| ev.prevent_default()>
                <div class="field">
                    <label for="campaign-name">"Name"</label>
                    <input
                        id="campaign-name"
                        type="text"
                        autocomplete="off"
                        prop:value=start.name.clone()
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if !v.trim().is_empty() {
                                edit(Box::new(move |c| c.name = v.trim().to_string()));
                            }
                        }
                    />
                </div>
                <div class="field">
                    <label for="campaign-goal">"Goal"</label>
                    <select
                        id="campaign-goal"
                        aria-describedby="campaign-goal-help"
                        on:change=move |ev| {
                            if let Some(g) = Goal::parse(&event_target_value(&ev)) {
                                edit(Box::new(move |c| c.goal = g));
                            }
                        }
                    >
                        {Goal::ALL
                            .into_iter()
                            .map(|g| {
                                view! {
                                    <option value=g.id() selected=move || goal.get() == g>
                                        {g.label()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <p id="campaign-goal-help" class="help">
                        {move || goal.get().explanation()}
                    </p>
                </div>
                <div class="field">
                    <label for="campaign-budget">"Budget (USD)"</label>
                    <input
                        id="campaign-budget"
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        aria-describedby="campaign-budget-help campaign-budget-error"
                        aria-invalid=move || budget_error.get().is_some().then_some("true")
                        prop:value=move || budget_text.get()
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            budget_text.set(text.clone());
                            if let Ok(b) = parse_optional_amount(&text) {
                                edit(Box::new(move |c| c.budget = b));
                            }
                        }
                    />
                    <p id="campaign-budget-help" class="help">
                        "The whole campaign's spend on creators, e.g. 5,000 or 12.5K."
                    </p>
                    <p id="campaign-budget-error" class="error" role="alert">
                        {move || budget_error.get()}
                    </p>
                </div>
                <fieldset class="field">
                    <legend>"Platforms (none ticked means all)"</legend>
                    {Platform::ALL
                        .into_iter()
                        .map(|p| {
                            let box_id = format!("campaign-platform-{}", p.id());
                            view! {
                                <div>
                                    <input
                                        id=box_id.clone()
                                        type="checkbox"
                                        prop:checked=move || {
                                            campaign
                                                .with(|c| {
                                                    c.as_ref().is_some_and(|c| c.platforms.contains(&p))
                                                })
                                        }
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            edit(
                                                Box::new(move |c| {
                                                    c.platforms.retain(|x| *x != p);
                                                    if on {
                                                        c.platforms.push(p);
                                                        c.platforms.sort();
                                                    }
                                                }),
                                            );
                                        }
                                    />
                                    <label for=box_id>{p.name()}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| id.with_value(|i| store.remove(i))
                >
                    "Delete this campaign"
                </button>
            </form>
            <RecommendationsView campaign=campaign />
            <CreatorsView campaign=campaign store=store />
            <ChecklistView campaign=campaign store=store />
            <TrackingView campaign=campaign store=store />
            <BriefView campaign=campaign />
        </article>
    }
}
