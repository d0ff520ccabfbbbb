//! The Campaign section: goal first, then recommendations, budget plan, checklist, brief, tracking.

use leptos::prelude::*;

use crate::domain::campaign::record::{Campaign, Goal, CURRENCIES};
use crate::domain::creator::record::parse_tags;
use crate::domain::risk::disclosure::Jurisdiction;
use crate::domain::text::format::group_thousands;
use crate::domain::text::number::parse_optional_amount;
use crate::domain::Platform;
use crate::ui::campaign::brief::BriefView;
use crate::ui::campaign::calendar::CalendarView;
use crate::ui::campaign::checklist::ChecklistView;
use crate::ui::campaign::codes::CodesView;
use crate::ui::campaign::creators::CreatorsView;
use crate::ui::campaign::inputs::set_member;
use crate::ui::campaign::orders::OrdersView;
use crate::ui::campaign::overdue::OverdueBanner;
use crate::ui::campaign::pricing::PricingView;
use crate::ui::campaign::reach::ReachView;
use crate::ui::campaign::recommendations::RecommendationsView;
use crate::ui::campaign::roi::RoiView;
use crate::ui::campaign::tracking::TrackingView;
use crate::ui::campaign::vetting::VettingView;
use crate::ui::risks::for_creator::CampaignWarnings;
use crate::ui::state::settings::SettingsExt;
use crate::ui::state::{CampaignsStore, SettingsStore};
use crate::ui::widgets::banners::{MessageBanner, StoredDataBanner};
use crate::ui::widgets::fields::{pair_options, CheckBox, ChoiceSelect, TextField};
use crate::ui::widgets::section::{Depth, Section, StatusLine};

#[component]
pub fn CampaignPanel() -> impl IntoView {
    // The app's campaigns, loaded on the first visit and kept for the page; alone, the panel
    // loads its own.
    let store = CampaignsStore::from_context();
    // As when the section loaded the campaigns on each visit: a visit starts at the first
    // campaign, and leaving the section saves pending edits at once.
    store.select_first();
    on_cleanup(move || store.flush());
    let settings = use_context::<SettingsStore>();
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
        store.create(&name, settings.and_then(|s| s.currency()));
        new_name.set(String::new());
    };

    view! {
        <Section
            id="campaign-title"
            class="panel campaign"
            depth=Depth::Panel
            title="Campaign"
            intro="Start with the goal: it decides which creators to look for, how the budget is spent and what to track."
            intro_class="campaign-form"
        >
            <div class="campaign-banners campaign-form">
                <StoredDataBanner store=*store />
                <MessageBanner
                    class="banner danger"
                    title="Campaigns not saved"
                    text=store.save_error
                />
                <MessageBanner
                    class="banner warn"
                    title="Last change not kept"
                    text=store.refused
                />
                <StatusLine class="status" text=store.sync_note />
            </div>
            <nav class="campaign-list campaign-form" aria-label="Your campaigns">
                <h3>"Your campaigns"</h3>
                // An empty list would leave the heading over nothing: say what to do instead.
                <Show when=move || store.campaigns.with(|cs| cs.is_empty())>
                    <p class="help">"No campaigns yet. Name your first one below to start."</p>
                </Show>
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
                    <TextField
                        id="campaign-new-name"
                        label="New campaign name"
                        value=new_name
                        error=name_error
                    />
                    <button type="submit" class="button">
                        "Create campaign"
                    </button>
                </form>
            </nav>
            {move || {
                store.selected.get().map(|id| view! { <CampaignEditor store=store id=id /> })
            }}
        </Section>
    }
}

/// Everything about one campaign. Re-created when another campaign is selected.
#[component]
fn CampaignEditor(store: CampaignsStore, id: String) -> impl IntoView {
    let id = StoredValue::new(id);
    let campaign = Memo::new(move |_| {
        store
            .campaigns
            .with(|cs| cs.iter().find(|c| id.with_value(|i| &c.id == i)).cloned())
    });
    let edit = move |f: Box<dyn FnOnce(&mut Campaign)>| {
        id.with_value(|i| store.edit(i, f));
    };
    let settings = use_context::<SettingsStore>();
    let start = campaign.get_untracked().unwrap_or_default();
    let budget_shown = |b: &Option<f64>| {
        b.map(|b| {
            if b.fract() == 0.0 && b < 1e15 {
                group_thousands(b as u64)
            } else {
                b.to_string()
            }
        })
        .unwrap_or_default()
    };
    let budget_text = RwSignal::new(budget_shown(&start.budget));
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
    let name_text = RwSignal::new(start.name.clone());
    let notes_text = RwSignal::new(start.notes.clone());
    // The typed fields follow the stored campaign when it changes from elsewhere (another tab,
    // a restored file): a field still showing the old text would write it back at the next
    // keystroke, over the other change (regression: notes typed in one tab were lost to a later
    // edit in another).
    let field = move |get: fn(&Campaign) -> String| {
        move || campaign.with(|c| c.as_ref().map(get).unwrap_or_default())
    };
    follow_stored(
        name_text,
        field(|c| c.name.clone()),
        |t, s| t.trim() == s,
        |s| s.clone(),
    );
    follow_stored(
        notes_text,
        field(|c| c.notes.clone()),
        |t, s| t.trim() == s,
        |s| s.clone(),
    );
    follow_stored(
        categories_text,
        move || {
            campaign.with(|c| {
                c.as_ref()
                    .map(|c| c.brand_categories.clone())
                    .unwrap_or_default()
            })
        },
        |t, s| parse_tags(t) == *s,
        |s| s.join(", "),
    );
    follow_stored(
        budget_text,
        move || campaign.with(|c| c.as_ref().and_then(|c| c.budget)),
        |t, s| parse_optional_amount(t).ok() == Some(*s),
        budget_shown,
    );
    let confirm_delete = RwSignal::new(false);

    view! {
        <article class="campaign-editor" aria-labelledby="campaign-editor-title">
            <h3 id="campaign-editor-title">
                {move || campaign.with(|c| c.as_ref().map(|c| c.name.clone()).unwrap_or_default())}
            </h3>
            <form class="fields campaign-form" on:submit=|ev| ev.prevent_default()>
                <TextField
                    id="campaign-name"
                    label="Name"
                    value=name_text
                    on_input=move |v: String| {
                        if !v.trim().is_empty() {
                            edit(Box::new(move |c| c.name = v.trim().to_string()));
                        }
                    }
                />
                <ChoiceSelect
                    id="campaign-goal"
                    label="Goal"
                    choices=&Goal::ALL
                    value=goal
                    on_pick=move |g: Goal| edit(Box::new(move |c| c.goal = g))
                >
                    {move || goal.get().explanation()}
                </ChoiceSelect>
                <div class="field">
                    <label for="campaign-currency">"Currency"</label>
                    <select
                        id="campaign-currency"
                        aria-describedby="campaign-currency-help"
                        on:change=move |ev| {
                            let code = event_target_value(&ev);
                            if let Some(s) = settings {
                                s.set_currency(&code);
                            }
                            edit(Box::new(move |c| c.currency = code));
                        }
                    >
                        {pair_options(currencies, currency)}
                    </select>
                    <p id="campaign-currency-help" class="help">
                        "The budget and the plan are shown in it. Creators' prices are used as entered; published price ranges are in US dollars."
                    </p>
                </div>
                <TextField
                    id="campaign-budget"
                    label=Signal::derive(move || format!("Budget ({})", currency.get()))
                    value=budget_text
                    inputmode="decimal"
                    help="The whole campaign's spend on creators, e.g. 5,000 or 12.5K."
                    error=budget_error
                    on_input=move |text: String| {
                        if let Ok(b) = parse_optional_amount(&text) {
                            edit(Box::new(move |c| c.budget = b));
                        }
                    }
                />
                <fieldset class="field">
                    <legend>"Platforms (none ticked means all)"</legend>
                    {Platform::ALL
                        .into_iter()
                        .map(|p| {
                            let checked = Signal::derive(move || {
                                campaign
                                    .with(|c| c.as_ref().is_some_and(|c| c.platforms.contains(&p)))
                            });
                            view! {
                                <CheckBox
                                    id=format!("campaign-platform-{}", p.id())
                                    label=p.name()
                                    checked=checked
                                    on_toggle=move |on| {
                                        edit(
                                            Box::new(move |c| {
                                                set_member(&mut c.platforms, p, on);
                                                if on {
                                                    c.platforms.sort();
                                                }
                                            }),
                                        )
                                    }
                                />
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
                            let checked = Signal::derive(move || {
                                campaign
                                    .with(|c| {
                                        c.as_ref()
                                            .is_some_and(|c| c.countries.iter().any(|x| x == j.id()))
                                    })
                            });
                            view! {
                                <CheckBox
                                    id=format!("campaign-country-{}", j.id())
                                    label=j.name()
                                    checked=checked
                                    described_by="campaign-countries-help"
                                    on_toggle=move |on| {
                                        edit(
                                            Box::new(move |c| {
                                                set_member(&mut c.countries, j.id().to_string(), on);
                                                if on {
                                                    c.countries
                                                        .sort_by_key(|x| {
                                                            Jurisdiction::ALL.iter().position(|k| k.id() == x)
                                                        });
                                                }
                                            }),
                                        )
                                    }
                                />
                            }
                        })
                        .collect_view()}
                </fieldset>
                <TextField
                    id="campaign-categories"
                    label="Brand categories"
                    value=categories_text
                    help="What the brand is about, as tags separated by commas (e.g. skincare, vegan): compared with creators' audience interests."
                    on_input=move |text: String| {
                        let tags = parse_tags(&text);
                        edit(Box::new(move |c| c.brand_categories = tags));
                    }
                    // Tidies the text once the user is done; `try_`: a field still focused
                    // when the section changes gets this event after the editor is gone.
                    on_change=move |text: String| {
                        categories_text.try_set(parse_tags(&text).join(", "));
                    }
                />
                <TextField
                    id="campaign-notes"
                    label="Notes for the brief"
                    value=notes_text
                    rows=3
                    help="The product, facts and claims that must be right, dos and don'ts. Shown in the brief under “What must be right”."
                    on_input=move |v: String| edit(
                        Box::new(move |c| c.notes = v.trim().to_string()),
                    )
                />
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
                    <div
                        class="banner confirm"
                        role="group"
                        aria-labelledby="campaign-delete-question"
                    >
                        <p id="campaign-delete-question">
                            {move || {
                                let name = campaign
                                    .with(|c| {
                                        c.as_ref().map(|c| c.name.clone()).unwrap_or_default()
                                    });
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
            // Late deliverables first: what needs chasing today.
            <OverdueBanner campaign=campaign />
            <RecommendationsView campaign=campaign />
            <CreatorsView campaign=campaign store=store />
            <PricingView campaign=campaign store=store />
            <ReachView campaign=campaign store=store />
            // After the plan and before the checklist: what to settle with these creators first.
            <CampaignWarnings campaign=campaign />
            <ChecklistView campaign=campaign store=store />
            <CalendarView campaign=campaign store=store />
            <TrackingView campaign=campaign store=store />
            <CodesView campaign=campaign store=store />
            <RoiView campaign=campaign />
            <OrdersView campaign=campaign store=store />
            <BriefView campaign=campaign />
            <VettingView campaign=campaign />
        </article>
    }
}

/// Keeps a typed field's `text` in step with the stored value it edits: when `stored` changes
/// and the text does not already say it (`same`: what the user is typing reads as the stored
/// value), the field shows the stored value (`shown`). A change this field made itself reads as
/// its own text, so typing is never interrupted; a field being cleared is left alone, since the
/// stored value does not change then.
fn follow_stored<T: PartialEq + Clone + Send + Sync + 'static>(
    text: RwSignal<String>,
    stored: impl Fn() -> T + Send + Sync + 'static,
    same: impl Fn(&str, &T) -> bool + Send + Sync + 'static,
    shown: impl Fn(&T) -> String + Send + Sync + 'static,
) {
    Effect::new(move |previous: Option<T>| {
        let now = stored();
        if previous.is_some_and(|p| p != now) && !text.with_untracked(|t| same(t, &now)) {
            text.set(shown(&now));
        }
        now
    });
}
