//! "Check a creator": the creator's numbers in, tier, engagement against benchmarks, cadence and
//! cost out, updated as the user types; then "Add to shortlist".

use std::future::Future;

use leptos::prelude::*;

use crate::domain::campaign::risk_profile::check_form_risk;
use crate::domain::creator::dossier::SnapshotSource;
use crate::domain::creator::record::Creator;
use crate::domain::creator::tier::TIERS;
use crate::domain::engine::averages::average_posts;
use crate::domain::text::format::plural;
use crate::domain::{Platform, Tier};
use crate::ui::app::clock::{now_ms, today};
use crate::ui::app::lazy::{lazy_view, ChunkError};
use crate::ui::app::sections;
use crate::ui::check::engagement::FormulaPick;
use crate::ui::check::form::{CheckForm, EntryMode};
use crate::ui::risks::for_creator::{thresholds_signal, CreatorWarnings};
use crate::ui::state::settings::SettingsExt;
use crate::ui::state::SettingsStore;
use crate::ui::widgets::fields::{ChoiceSelect, FieldGroup, TextField};
use crate::ui::widgets::number_field::{AverageFields, NumberField};
use crate::ui::widgets::section::{Depth, Section};
use crate::ui::widgets::table::column_heads;

/// The creator as the form describes it, for the shortlist (run in the shortlist store's module:
/// `sections::add_to_shortlist`).
pub fn creator_from_form(form: &CheckForm, id: String) -> Creator {
    let input = form.input();
    let name = form.name.get();
    let name = if name.trim().is_empty() {
        format!("Unnamed {} creator", input.platform.name())
    } else {
        name
    };
    let mut creator = Creator::new(id, &name, now_ms());
    creator.platform = Some(input.platform);
    creator.followers = input.followers;
    // The shortlist keeps averages per post: pasted rows are averaged field by field.
    creator.metrics = average_posts(&input.posts);
    creator.posts_per_week = input.cadence.as_ref().and_then(|c| c.per_week().ok());
    creator.price = input.price;
    creator.sponsored_posts = form.parsed_sponsored().ok().flatten();
    // The count checked today starts the creator's follower history.
    if let Some(n) = input.followers {
        creator.note_followers(n, today(), SnapshotSource::Check);
    }
    creator
}

#[component]
pub fn CheckPanel() -> impl IntoView {
    let form = CheckForm::new();
    // The formula picked last, here or on the shortlist, is a setting (kept in the workspace
    // file): the check starts with it (a pick here becomes it: `EngagementView`).
    if let Some(settings) = use_context::<SettingsStore>() {
        form.formula.set(settings.formula());
    }
    // The engagement results and risk warnings are a module of their own (`check_results`),
    // fetched on the first input: a first visit that only looks does not download them. What was
    // typed meanwhile is in `form` (this module), so the results show it when they arrive.
    let formula_at_start = form.formula.get_untracked();
    let started = Memo::new(move |was: Option<&bool>| {
        was.copied().unwrap_or(false) || form.has_input(formula_at_start)
    });
    // Shown only once the field was touched (NumberField's `after_touch`): it starts empty.
    let followers_error =
        Signal::derive(move || form.parsed_followers().err().map(|e| e.to_string()));
    let tier = move || form.parsed_followers().ok().map(Tier::for_followers);
    let noun = move || form.platform.get().audience_noun();
    // Ok(name) once added; Err when the shortlist's module could not be downloaded.
    let added = RwSignal::new(None::<Result<String, String>>);

    // The cadence error names its field ("Posts: ..." or "Days: ..."): show it under that field.
    let cadence_error =
        Signal::derive(move || form.cadence().err().filter(|e| !e.starts_with("Days")));
    let days_error = Signal::derive(move || form.cadence().err().filter(|e| e.starts_with("Days")));
    let price_error = Signal::derive(move || form.parsed_price().err().map(|e| e.to_string()));
    let sponsored_error = Signal::derive(move || form.parsed_sponsored().err());
    let pasted = move || form.pasted_posts();

    // The shortlist store is downloaded and loaded on first use (`sections::add_to_shortlist`):
    // this screen does not need it before the first "Add".
    let add = move |_| {
        leptos::task::spawn_local(async move {
            let result = sections::add_to_shortlist(form).await;
            added.set(Some(result.map_err(|_| {
                "The shortlist could not be loaded: this device may be offline. Try again, or reload the page.".to_string()
            })));
        });
    };

    view! {
        <Section
            id="check-title"
            class="panel"
            depth=Depth::Panel
            title="Check a creator"
            intro="Paste numbers as you see them: 45,000, 45 000, 12.5K or 1.2M all work. Results update as you type."
        >
            <form class="check-form" on:submit=|ev| ev.prevent_default()>
                <FieldGroup legend="Creator">
                    <TextField
                        id="check-name"
                        label="Name or handle"
                        value=form.name
                        placeholder="@handle"
                    />
                    <ChoiceSelect
                        id="check-platform"
                        label="Platform"
                        choices=&Platform::ALL
                        value=form.platform
                        on_pick=move |p: Platform| form.platform.set(p)
                    />
                    <NumberField
                        id="check-followers"
                        label="Followers"
                        help=Signal::derive(move || format!("The account's {} count.", noun()))
                        value=form.followers
                        error=followers_error
                        placeholder="e.g. 45K"
                        after_touch=true
                    />
                </FieldGroup>

                <fieldset>
                    <legend>"Recent posts"</legend>
                    <div class="mode-switch" role="radiogroup" aria-label="How to enter posts">
                        {[
                            (EntryMode::Averages, " Averages per post"),
                            (EntryMode::PerPost, " Several posts"),
                        ]
                            .map(|(mode, text)| {
                                view! {
                                    <label>
                                        <input
                                            type="radio"
                                            name="check-mode"
                                            prop:checked=move || form.mode.get() == mode
                                            on:change=move |_| form.mode.set(mode)
                                        />
                                        {text}
                                    </label>
                                }
                            })}
                    </div>
                    <Show
                        when=move || form.mode.get() == EntryMode::Averages
                        fallback=move || {
                            view! {
                                <div class="field">
                                    <label for="check-posts">"Posts, one per line"</label>
                                    <textarea
                                        id="check-posts"
                                        rows="6"
                                        spellcheck="false"
                                        aria-describedby="check-posts-help check-posts-errors"
                                        placeholder="views likes comments shares\n130K 9,000 1,200 850\n98K 7.1K 640 410"
                                        prop:value=move || form.pasted.get()
                                        on:input=move |ev| form.pasted.set(event_target_value(&ev))
                                    ></textarea>
                                    <p id="check-posts-help" class="help">
                                        {move || {
                                            let p = pasted();
                                            format!(
                                                "{} read. Columns: views, likes, comments, shares, dislikes, saves, impressions, reach, or name them in a first line. Separate with tabs, semicolons or spaces.",
                                                plural(p.posts.len(), "post", "posts"),
                                            )
                                        }}
                                    </p>
                                    <ul id="check-posts-errors" class="error-list" role="alert">
                                        {move || {
                                            pasted()
                                                .errors
                                                .into_iter()
                                                .map(|e| view! { <li>{e.to_string()}</li> })
                                                .collect_view()
                                        }}
                                    </ul>
                                </div>
                            }
                        }
                    >
                        <div class="fields">
                            <AverageFields prefix="check" values=form.metrics mark_optional=true />
                        </div>
                    </Show>
                </fieldset>

                <FieldGroup legend="Cadence, price and experience">
                    <NumberField
                        id="check-post-count"
                        label="Posts published"
                        help="How many posts in the period below.".to_string()
                        value=form.posts_count
                        error=cadence_error
                    />
                    <NumberField
                        id="check-days"
                        label="In the last (days)"
                        help="The period, in days.".to_string()
                        value=form.days
                        error=days_error
                    />
                    <NumberField
                        id="check-price"
                        label="Price per post (optional)"
                        help="What the creator charges, in US dollars. Leave empty for an estimate."
                            .to_string()
                        value=form.price
                        error=price_error
                        placeholder="e.g. $250"
                    />
                    <NumberField
                        id="check-sponsored"
                        label="Past sponsored posts (optional)"
                        help="How many sponsored posts you found on the profile; few or none calls for an approval step."
                            .to_string()
                        value=form.sponsored
                        error=sponsored_error
                    />
                </FieldGroup>
            </form>

            <div class="result" aria-live="polite">
                {move || match tier() {
                    Some(t) => {
                        view! {
                            <p class="tier-headline" data-tier=t.id()>
                                {t.headline(noun())}
                            </p>
                            <p class="tier-meaning">{t.info().meaning}</p>
                        }
                            .into_any()
                    }
                    None => {
                        view! {
                            <p class="placeholder">
                                "Enter a follower count to see the creator's tier."
                            </p>
                        }
                            .into_any()
                    }
                }}
            </div>
            <details class="thresholds">
                <summary>"Tier thresholds"</summary>
                <p>
                    "Tiers are an industry convention, not a standard; lower bounds are inclusive (10,000 is micro)."
                </p>
                <table>
                    <caption class="visually-hidden">"Follower count range of each tier"</caption>
                    {column_heads(&["Tier", "Range"])}
                    <tbody>
                        {TIERS
                            .iter()
                            .map(|row| {
                                view! {
                                    <tr class:current=move || tier() == Some(row.tier)>
                                        <th scope="row">{row.name}</th>
                                        <td>{move || row.tier.bounds_label(noun())}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </details>

            <Section id="engagement-title" class="subpanel" depth=Depth::Tool title="Engagement">
                <FormulaPick form=form />
                {after_first_input(
                    started,
                    "check-engagement",
                    "the engagement results",
                    move || sections::check_engagement(form),
                    || {
                        view! {
                            <p class="placeholder">
                                "Enter the creator's numbers to compare their engagement rate with published benchmarks."
                            </p>
                        }
                            .into_any()
                    },
                )}
            </Section>
            {after_first_input(
                started,
                "check-details",
                "the cadence, cost and risk warnings",
                move || sections::check_details(form),
                || view! { <WaitingForInput /> }.into_any(),
            )}

            <div class="actions">
                <button type="button" on:click=add>
                    "Add to shortlist"
                </button>
                <p class="status" role="status">
                    {move || {
                        added
                            .get()
                            .map(|result| match result {
                                Ok(name) => {
                                    view! {
                                        "Added “"
                                        {name}
                                        "” to the "
                                        <a href="#shortlist">"shortlist"</a>
                                        "."
                                    }
                                        .into_any()
                                }
                                Err(why) => view! { <span class="error">{why}</span> }.into_any(),
                            })
                    }}
                </p>
            </div>
        </Section>
    }
}

/// A part of the results fetched on first use (`lazy_view` of `load`, named `part` and `label`)
/// once the form has had its first input (`started`), and `waiting` (what to enter) before.
fn after_first_input<F, Fut>(
    started: Memo<bool>,
    part: &'static str,
    label: &'static str,
    load: F,
    waiting: fn() -> AnyView,
) -> impl Fn() -> AnyView
where
    F: Fn() -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, ChunkError>> + Send + 'static,
{
    move || {
        if started.get() {
            lazy_view(part, label, load.clone())
        } else {
            waiting()
        }
    }
}

/// Cadence, cost and risks before the first input: what to enter (the results' module is
/// fetched on the first input, `sections::check_details`).
#[component]
fn WaitingForInput() -> impl IntoView {
    view! {
        <Section id="cadence-title" class="subpanel" depth=Depth::Tool title="Posting cadence">
            <p class="placeholder">
                "Enter how many posts the creator made in a period to compare their posting cadence."
            </p>
        </Section>
        <Section id="cost-title" class="subpanel" depth=Depth::Tool title="Cost">
            <p class="placeholder">
                "Enter the price you were quoted, or the follower count for an estimate."
            </p>
        </Section>
        <Section
            id="check-risks-title"
            class="subpanel creator-risks"
            depth=Depth::Tool
            title="Risks for this creator"
        >
            <p class="placeholder">
                "Enter the creator's numbers to see the warnings they raise against the risk thresholds."
            </p>
        </Section>
    }
}

/// The warnings the form's numbers raise against the risk thresholds (their own module in the
/// release build, `ui::app::sections::check_details`).
#[component]
pub fn CheckRisks(form: CheckForm) -> impl IntoView {
    let thresholds = thresholds_signal();
    let risk = Memo::new(move |_| {
        let sponsored = form.parsed_sponsored().ok().flatten();
        thresholds.with(|t| check_form_risk(&form.input(), sponsored, t))
    });
    view! {
        <Section
            id="check-risks-title"
            class="subpanel creator-risks"
            depth=Depth::Tool
            title="Risks for this creator"
        >
            <p class="help">
                "Warnings from the numbers above, against the risk thresholds (adjust them under "
                <a href="#risks">"Risks"</a>
                "). Each one says what was seen, why it matters and what to do."
            </p>
            <CreatorWarnings risk=risk />
        </Section>
    }
}
