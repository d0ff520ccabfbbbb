//! The Risks section: the creator picker, that creator's stored evidence, then comment sentiment, generic comments, the caption checker, audience fit, anomalies and thresholds.
//!
//! The pick lives in the location hash ("#risks/<creator id>", "#risks/" for a quick check), so
//! the shortlist's "Check risks" links, reloads, back and forward all land on the same creator.
//! The tools are mounted afresh for each pick: what is typed for one creator never saves into
//! another's dossier.

use leptos::prelude::*;

use crate::domain::creator::record::Creator;
use crate::ui::app::shell::{go_to, hash_item, Section as AppSection};
use crate::ui::risks::anomalies::AnomalyTool;
use crate::ui::risks::audience::AudienceFitTool;
use crate::ui::risks::comments::CommentTools;
use crate::ui::risks::disclosure::DisclosureChecker;
use crate::ui::risks::evidence::StoredEvidence;
use crate::ui::risks::target::Target;
use crate::ui::risks::thresholds::RiskThresholds;
use crate::ui::state::{ShortlistStore, ThresholdsStore};
use crate::ui::widgets::section::{Depth, Section};

/// The select's value for "Not on the shortlist (quick check)": creator ids are never empty.
const QUICK: &str = "";

/// The creators to pick from, by name.
fn by_name(creators: &[Creator]) -> Vec<(String, String)> {
    let mut list: Vec<(String, String)> = creators
        .iter()
        .map(|c| (c.id.clone(), c.name.clone()))
        .collect();
    list.sort_by_cached_key(|(_, name)| name.to_lowercase());
    list
}

#[component]
pub fn RisksPanel() -> impl IntoView {
    // The app may provide the stores for every section; alone, the panel loads its own.
    let state = use_context::<ThresholdsStore>().unwrap_or_else(ThresholdsStore::load);
    let thresholds = state.value;
    let store = use_context::<ShortlistStore>().unwrap_or_else(ShortlistStore::load);
    let item = hash_item();
    // With no pick in the address, a quick check: text pasted on a plain visit is never saved
    // into someone's dossier unless the user chose them (here or with a "Check risks" link).
    let picked = Memo::new(move |_| match item.get() {
        None => None,
        Some(id) if id == QUICK => None,
        Some(id) => store.list.with(|l| l.get(&id).is_some()).then_some(id),
    });
    // The address names someone the shortlist does not have (removed, or a mistyped link).
    let unknown = move || {
        item.get()
            .filter(|id| id != QUICK && store.list.with(|l| l.get(id).is_none()))
    };
    let options = Memo::new(move |_| store.list.with(|l| by_name(l.creators())));

    view! {
        <Section
            id="risks-title"
            class="panel risks"
            depth=Depth::Panel
            title="Risks"
            intro="Check a creator's comments, a sponsored caption and the audience fit before you sign. Results update as you type; nothing you paste leaves this device."
        >
            <div class="risk-picker">
                <div class="field">
                    <label for="risks-creator">"Creator to check"</label>
                    <select
                        id="risks-creator"
                        aria-describedby="risks-creator-help"
                        prop:value=move || picked.get().unwrap_or_default()
                        on:change=move |ev| {
                            go_to(&AppSection::Risks.item_href(&event_target_value(&ev)))
                        }
                    >
                        <option value=QUICK selected=move || picked.with(Option::is_none)>
                            "Not on the shortlist (quick check)"
                        </option>
                        {move || {
                            options
                                .get()
                                .into_iter()
                                .map(|(id, name)| {
                                    let is_picked = {
                                        let id = id.clone();
                                        move || picked.with(|p| p.as_deref() == Some(id.as_str()))
                                    };
                                    view! {
                                        <option value=id selected=is_picked>
                                            {name}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                    <p id="risks-creator-help" class="help">
                        {move || match picked.get() {
                            Some(_) => {
                                "What the tools below find is saved, dated, in this creator's dossier on the shortlist."
                                    .to_string()
                            }
                            None => {
                                "Quick check: nothing you enter is saved. Pick a shortlisted creator to keep the results in their dossier."
                                    .to_string()
                            }
                        }}
                    </p>
                </div>
                {move || {
                    unknown()
                        .map(|id| {
                            view! {
                                <p class="error" role="alert">
                                    {format!(
                                        "The address names a creator (id “{id}”) who is not on the shortlist, so this is a quick check and nothing is saved.",
                                    )}
                                </p>
                            }
                        })
                }}
            </div>
            {move || {
                let target = picked.get().map(|id| Target::new(store, id));
                view! {
                    {target.map(|t| view! { <StoredEvidence target=t /> })}
                    <CommentTools thresholds=thresholds target=target />
                    <DisclosureChecker target=target />
                    <AudienceFitTool thresholds=thresholds target=target />
                    <AnomalyTool thresholds=thresholds target=target />
                }
            }}
            <RiskThresholds state=state />
        </Section>
    }
}
