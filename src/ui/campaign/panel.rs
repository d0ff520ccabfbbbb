//! The Campaign section: goal first, then recommendations, budget plan, checklist, brief, tracking.

use leptos::prelude::*;

use crate::domain::campaign::record::{Campaign, Goal, CURRENCIES};
use crate::domain::creator::record::parse_tags;
use crate::domain::risk::disclosure::Jurisdiction;
use crate::domain::text::format::group_thousands;
use crate::domain::text::number::parse_optional_amount;
use crate::domain::Platform;
use crate::ui::campaign::plan::{
    BriefView, ChecklistView, CreatorsView, RecommendationsView, VettingView,
};
use crate::ui::campaign::tracking::TrackingView;
use crate::ui::risks::for_creator::CampaignWarnings;
use crate::ui::state::campaigns::CampaignStore;
use crate::ui::widgets::banners::StoredDataBanner;

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
            <div class="campaign-banners campaign-form">
                <StoredDataBanner
                    problem=store.problem
                    what="campaigns"
                    was="were"
                    items="campaigns"
                    start_fresh=move |_| store.start_fresh()
                    dismiss=move |_| store.dismiss_problem()
                />
                {move || {
                    store
                        .save_error
                        .get()
                        .map(|m| {
                            view! {
                                <div class="banner danger" role="alert">
                                    <p class="banner-title">"Campaigns not saved"</p>
                                    <p>{m}</p>
                                </div>
                            }
                        })
                }}
                <p class="status" role="status">{move || store.sync_note.get()}</p>
            </div>
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
    let currency = Signal::derive(move || {
        campaign.with(|c| c.as_ref().map(|c| c.currency.clone()).unwrap_or_default())
    });
    // The offered currencies, plus a stored one the list lacks (an imported campaign).
    let mut currencies: Vec<(String, String)> = CURRENCIES
        .iter()
        .map(|(code, name)| (code.to_string(), format!("{code} ({name})")))
        .collect();
    if !currencies.iter().any(|(c, _)| *c == start.currency) && !start.currency.is_empty() {
        currencies.push((start.currency.clone(), start.currency.clone()));
    }
    let categories_text = RwSignal::new(start.brand_categories.join(", "));
    let confirm_delete = RwSignal::new(false);

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
                        on:input=move |ev| {
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
                    <label for="campaign-currency">"Currency"</label>
                    <select
                        id="campaign-currency"
                        aria-describedby="campaign-currency-help"
                        on:change=move |ev| {
                            let code = event_target_value(&ev);
                            edit(Box::new(move |c| c.currency = code));
                        }
                    >
                        {currencies
                            .into_iter()
                            .map(|(code, label)| {
                                let code2 = code.clone();
                                view! {
                                    <option value=code selected=move || currency.get() == code2>
                                        {label}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <p id="campaign-currency-help" class="help">
                        "The budget and the plan are shown in it. Creators' prices are used as entered; published price ranges are in US dollars."
                    </p>
                </div>
                <div class="field">
                    <label for="campaign-budget">
                        {move || format!("Budget ({})", currency.get())}
                    </label>
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
                <fieldset class="field campaign-countries">
                    <legend>"Target countries"</legend>
                    <p id="campaign-countries-help" class="help">
                        "Where the audience is: the brief and the checklist name the ad labels each one requires."
                    </p>
                    {Jurisdiction::ALL
                        .into_iter()
                        .map(|j| {
                            let box_id = format!("campaign-country-{}", j.id());
                            view! {
                                <div>
                                    <input
                                        id=box_id.clone()
                                        type="checkbox"
                                        aria-describedby="campaign-countries-help"
                                        prop:checked=move || {
                                            campaign
                                                .with(|c| {
                                                    c.as_ref().is_some_and(|c| c.countries.iter().any(|x| x == j.id()))
                                                })
                                        }
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            edit(
                                                Box::new(move |c| {
                                                    c.countries.retain(|x| x != j.id());
                                                    if on {
                                                        c.countries.push(j.id().to_string());
                                                        // The rules' order, so the brief reads the same however they were ticked.
                                                        c.countries.sort_by_key(|x| {
                                                            Jurisdiction::ALL.iter().position(|k| k.id() == x)
                                                        });
                                                    }
                                                }),
                                            );
                                        }
                                    />
                                    <label for=box_id>{j.name()}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <div class="field">
                    <label for="campaign-categories">"Brand categories"</label>
                    <input
                        id="campaign-categories"
                        type="text"
                        autocomplete="off"
                        aria-describedby="campaign-categories-help"
                        prop:value=move || categories_text.get()
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            let tags = parse_tags(&text);
                            categories_text.set(text);
                            edit(Box::new(move |c| c.brand_categories = tags));
                        }
                        // Tidies the text once the user is done; `try_`: a field still focused
                        // when the section changes gets this event after the editor is gone.
                        on:change=move |ev| {
                            let tags = parse_tags(&event_target_value(&ev));
                            categories_text.try_set(tags.join(", "));
                        }
                    />
                    <p id="campaign-categories-help" class="help">
                        "What the brand is about, as tags separated by commas (e.g. skincare, vegan): compared with creators' audience interests."
                    </p>
                </div>
                <div class="field">
                    <label for="campaign-notes">"Notes for the brief"</label>
                    <textarea
                        id="campaign-notes"
                        rows="3"
                        aria-describedby="campaign-notes-help"
                        prop:value=start.notes.clone()
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            edit(Box::new(move |c| c.notes = v.trim().to_string()));
                        }
                    ></textarea>
                    <p id="campaign-notes-help" class="help">
                        "The product, facts and claims that must be right, dos and don'ts. Shown in the brief under “What must be right”."
                    </p>
                </div>
                // Deleting takes a second, explicit click: a campaign holds weeks of checklist
                // and tracking work, and a stray click must not lose it.
                <Show
                    when=move || confirm_delete.get()
                    fallback=move || {
                        view! {
                            <button
                                type="button"
                                class="button"
                                on:click=move |_| confirm_delete.set(true)
                            >
                                "Delete this campaign…"
                            </button>
                        }
                    }
                >
                    <div class="banner confirm" role="group" aria-labelledby="campaign-delete-question">
                        <p id="campaign-delete-question">
                            {move || {
                                let name = campaign
                                    .with(|c| c.as_ref().map(|c| c.name.clone()).unwrap_or_default());
                                format!(
                                    "Delete “{name}” with its checklist and tracked results? Export the brief first if you need it; this cannot be undone.",
                                )
                            }}
                        </p>
                        <div class="button-row">
                        <button
                            type="button"
                            class="button danger"
                            on:click=move |_| id.with_value(|i| store.remove(i))
                        >
                            "Delete"
                        </button>
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| confirm_delete.set(false)
                        >
                            "Keep it"
                        </button>
                        </div>
                    </div>
                </Show>
            </form>
            <RecommendationsView campaign=campaign />
            <CreatorsView campaign=campaign store=store />
            // After the plan and before the checklist: what to settle with these creators first.
            <CampaignWarnings campaign=campaign />
            <ChecklistView campaign=campaign store=store />
            <TrackingView campaign=campaign store=store />
            <BriefView campaign=campaign />
            <VettingView campaign=campaign />
        </article>
    }
}
