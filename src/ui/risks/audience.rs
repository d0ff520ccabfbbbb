//! Audience fit: the creator's audience interests against the brand's categories, with what matches and what is missing.
//! With a creator picked, the interests start from the creator's tags, and typed interests become
//! the tags only when the user confirms.

use leptos::prelude::*;

use crate::domain::creator::record::normalize_tags;
use crate::domain::risk::audience::{audience_fit, parse_tags};
use crate::domain::risk::rules::{assess, RiskInput, RiskKind};
use crate::domain::risk::thresholds::Thresholds;
use crate::domain::text::format::percent;
use crate::ui::app::clock::today;
use crate::ui::risks::target::{SaveNote, Target};
use crate::ui::risks::tool::RiskTool;
use crate::ui::widgets::fields::TextField;
use crate::ui::widgets::section::placeholder;
use crate::ui::widgets::warning::warning_list;

#[component]
pub fn AudienceFitTool(thresholds: RwSignal<Thresholds>, target: Option<Target>) -> impl IntoView {
    // The dossier's interests are not asked for again: the field starts from the creator's tags.
    let stored_tags = move || {
        target
            .and_then(|t| t.creator())
            .map(|c| c.tags)
            .unwrap_or_default()
    };
    let interests = RwSignal::new(untrack(stored_tags).join(", "));
    let categories = RwSignal::new(String::new());
    let tags = Memo::new(move |_| interests.with(|t| parse_tags(t)));
    let brand = Memo::new(move |_| categories.with(|t| parse_tags(t)));
    let fit = Memo::new(move |_| tags.with(|a| brand.with(|b| audience_fit(a, b))));

    // The typed interests as the creator's tags would be; offered only when they differ.
    let as_tags = Memo::new(move |_| interests.with(|t| normalize_tags([t])));
    let differs = move || target.is_some() && as_tags.with(|typed| *typed != stored_tags());
    let note = RwSignal::new(None::<String>);
    let confirm = move |_| {
        let Some(t) = target else {
            return;
        };
        let tags = as_tags.get_untracked();
        let n = tags.len();
        if t.update(|c| c.tags = tags) {
            let saved = t.saved_note(today());
            note.set(Some(format!(
                "{saved} Its audience interests (tags) are now these {n}."
            )));
        }
    };

    let interests_help = match target {
        Some(_) => "Comma separated; starts from the creator's tags on the shortlist. Changes stay here until you save them as the creator's tags.",
        None => "Comma separated, from the creator's audience insights or an audit tool.",
    };

    let warnings = move || {
        let input = RiskInput {
            audience_tags: tags.get(),
            brand_categories: brand.get(),
            ..RiskInput::default()
        };
        assess(&input, &thresholds.get()).warnings_where(|w| w.kind == RiskKind::AudienceFit)
    };

    let result = move || {
        let fit = fit.get();
        let Some(score) = fit.score else {
            return placeholder(
                "Enter both lists to see how much of the brand's categories the audience covers.",
            );
        };
        let matching = fit.matching_text();
        let list = |items: Vec<String>| {
            if items.is_empty() {
                "none".to_string()
            } else {
                items.join(", ")
            }
        };
        view! {
            <p class="headline">
                "Overlap: " <strong>{percent(Some(score), 0)}</strong> " (" {fit.covered_label()}
                " covered by the audience's interests)"
            </p>
            <dl class="fit">
                <div>
                    <dt>"Matching"</dt>
                    <dd>{list(matching)}</dd>
                </div>
                <div>
                    <dt>"Missing"</dt>
                    <dd>{list(fit.missing.clone())}</dd>
                </div>
                <div>
                    <dt>"The audience is also into"</dt>
                    <dd>{list(fit.other_interests.clone())}</dd>
                </div>
            </dl>
            <p class="help">
                "Overlap = brand categories covered ÷ all brand categories. Tags match ignoring case, accents, “#” and plurals, plus a few obvious synonyms (“workouts” counts as fitness)."
            </p>
        }
        .into_any()
    };

    view! {
        <RiskTool id="risks-audience-title" title="Audience fit">
            <form class="risk-form" on:submit=|ev| ev.prevent_default()>
                <div class="fields">
                    <TextField
                        id="risks-interests"
                        label="Creator's audience interests"
                        value=interests
                        placeholder="fitness, cooking, travel"
                        help=interests_help
                    />
                    <TextField
                        id="risks-categories"
                        label="Brand categories"
                        value=categories
                        placeholder="fitness, wellness"
                        help="Comma separated: what the campaign sells to."
                    />
                </div>
                {move || {
                    differs()
                        .then(|| {
                            let name = target.map(|t| t.name()).unwrap_or_default();
                            view! {
                                <p class="actions">
                                    <button type="button" class="secondary" on:click=confirm>
                                        {format!("Save these interests as {name}'s tags")}
                                    </button>
                                </p>
                            }
                        })
                }}
            </form>
            <SaveNote
                target=target
                note=note
                waiting="Audience interests are saved when you confirm them as the tags in"
            />
            <p class="visually-hidden" role="status">
                {move || {
                    fit.with(|f| {
                        f.score
                            .map(|s| {
                                format!("Overlap {}: {}.", percent(Some(s), 0), f.covered_label())
                            })
                            .unwrap_or_default()
                    })
                }}
            </p>
            <div class="risk-result">{result}</div>
            {move || warning_list(warnings())}
        </RiskTool>
    }
}
