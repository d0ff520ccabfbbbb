//! The fair-price check of the campaign's creators: the deal terms (each ticked or not, with
//! its editable percentage range), the exchange rate for a campaign not in dollars, then per
//! creator the price-table and CPM-based estimates with their formulas, the quote (typed here or
//! taken from the creator's record) and how it compares in words; the plan's totals last. The
//! domain (`campaign::pricing`) does the sums and the wording.

use leptos::prelude::*;

use crate::domain::campaign::pricing::fair_price::{plan_price, usd_span, Estimate, FairPrice};
use crate::domain::campaign::pricing::terms::{pct_range, Term, Uplift, TERMS_SOURCE};
use crate::domain::campaign::pricing::FEES_NOTE;
use crate::domain::text::format::{money, trimmed};
use crate::domain::text::number::parse_optional_amount;
use crate::ui::campaign::inputs::{campaign_id, from_campaign, CampaignMemo};
use crate::ui::campaign::part::Part;
use crate::ui::state::CampaignsStore;
use crate::ui::widgets::fields::TextField;
use crate::ui::widgets::section::placeholder;

/// A percentage as typed ("50", "50%", "12.5 %"); `Ok(None)` when empty.
fn parse_pct(text: &str) -> Result<Option<f64>, String> {
    let t = text.trim().trim_end_matches('%').trim();
    parse_optional_amount(t).map_err(|e| e.to_string())
}

/// One deal term: its checkbox, the "from" and "to" percentages and what it is.
fn term_row(term: Term, campaign: CampaignMemo, store: CampaignsStore) -> impl IntoView {
    let id = campaign_id(campaign);
    let first = campaign
        .with_untracked(|c| c.as_ref().map(|c| c.pricing.term(term)))
        .unwrap_or_default();
    let (low, high) = first.pct();
    let low_text = RwSignal::new(trimmed(low, 2));
    let high_text = RwSignal::new(trimmed(high, 2));
    let error = RwSignal::new(None::<String>);
    let on = Signal::derive(move || {
        campaign.with(|c| c.as_ref().is_some_and(|c| c.pricing.term(term).on))
    });
    let box_id = format!("campaign-term-{}", term.id());
    let low_id = format!("campaign-term-{}-low", term.id());
    let high_id = format!("campaign-term-{}-high", term.id());
    let help_id = format!("campaign-term-{}-help", term.id());
    let error_id = format!("campaign-term-{}-error", term.id());
    let (dl, dh) = term.default_pct();
    // Both ends are applied together, so "from" above "to" waits until the user fixes one.
    let apply = move || {
        let (l, h) = (
            parse_pct(&low_text.get_untracked()),
            parse_pct(&high_text.get_untracked()),
        );
        match (l, h) {
            (Err(e), _) | (_, Err(e)) => error.set(Some(e)),
            (Ok(l), Ok(h)) => {
                let (dl, dh) = term.default_pct();
                let (lv, hv) = (l.unwrap_or(dl), h.unwrap_or(dh));
                if lv > hv {
                    error.set(Some(format!(
                        "“From” ({}%) is above “to” ({}%).",
                        trimmed(lv, 2),
                        trimmed(hv, 2)
                    )));
                } else if hv > 1_000.0 {
                    error.set(Some("At most 1,000%.".to_string()));
                } else {
                    error.set(None);
                    store.edit(&id(), move |c| {
                        c.pricing.set_term(term, |s| {
                            s.low_pct = l.filter(|v| *v != dl);
                            s.high_pct = h.filter(|v| *v != dh);
                        })
                    });
                }
            }
        }
    };
    let described = format!("{help_id} {error_id}");
    let group_label = format!("{box_id}-label");
    let label_id = group_label.clone();
    view! {
        <div class="campaign-term" role="group" aria-labelledby=group_label>
            <div class="campaign-term-box">
                <input
                    id=box_id.clone()
                    type="checkbox"
                    aria-describedby=help_id.clone()
                    prop:checked=move || on.get()
                    on:change=move |ev| {
                        let v = event_target_checked(&ev);
                        store.edit(&id(), move |c| c.pricing.set_term(term, |s| s.on = v));
                    }
                />
                <label id=label_id for=box_id>
                    {term.label()}
                </label>
            </div>
            <div class="campaign-term-pct">
                <label for=low_id.clone()>"from +"</label>
                {percent_input(low_id, low_text, described.clone(), apply)}
                <label for=high_id.clone()>"% to +"</label>
                {percent_input(high_id, high_text, described, apply)}
                <span aria-hidden="true">"%"</span>
            </div>
            <p id=help_id class="help">
                {format!(
                    "{} Default {} of the base fee: {}.",
                    term.explanation(),
                    pct_range(dl, dh),
                    TERMS_SOURCE,
                )}
            </p>
            <p id=error_id class="error" role="alert">
                {move || error.get()}
            </p>
        </div>
    }
}

/// "$37.50–$375.00 per post" with the terms, and the base range before them when they differ.
fn estimate_line(
    label: &'static str,
    e: &Result<Estimate, String>,
    uplift: &Uplift,
) -> impl IntoView {
    match e {
        Ok(e) => {
            let terms = if uplift.is_none() {
                String::new()
            } else {
                format!(
                    " with the terms ({}), {} before them",
                    pct_range(uplift.low_pct, uplift.high_pct),
                    usd_span(e.base)
                )
            };
            view! {
                <li>
                    <strong>{label} " (estimate): " {usd_span(e.with_terms)} " per post"</strong>
                    {terms}
                    "."
                    <br />
                    <span class="help">{e.formula.clone()} "."</span>
                </li>
            }
            .into_any()
        }
        Err(why) => view! {
            <li>
                <strong>{label} ": "</strong>
                <span class="muted">{why.clone()}</span>
            </li>
        }
        .into_any(),
    }
}

/// One creator's check; `row` follows the campaign, the quote field keeps its own text.
fn creator_card(
    creator_id: String,
    plan: Memo<Option<crate::domain::campaign::pricing::fair_price::PlanPrice>>,
    campaign: CampaignMemo,
    store: CampaignsStore,
) -> impl IntoView {
    let cid = StoredValue::new(creator_id.clone());
    let row = Memo::new(move |_| {
        plan.with(|p| {
            p.as_ref().and_then(|p| {
                p.rows
                    .iter()
                    .find(|r| cid.with_value(|c| &r.creator_id == c))
                    .cloned()
            })
        })
    });
    let id = campaign_id(campaign);
    let typed = campaign
        .with_untracked(|c| c.as_ref().and_then(|c| c.pricing.quote(&creator_id)))
        .map(|v| trimmed(v, 2))
        .unwrap_or_default();
    let quote_text = RwSignal::new(typed);
    let quote_error = Signal::derive(move || {
        parse_optional_amount(&quote_text.get())
            .err()
            .map(|e| e.to_string())
    });
    let name = move || row.with(|r| r.as_ref().map(|r| r.name.clone()).unwrap_or_default());
    let currency =
        move || campaign.with(|c| c.as_ref().map(|c| c.currency.clone()).unwrap_or_default());
    let field_id = format!("campaign-quote-{creator_id}");
    let heading_id = format!("campaign-price-{creator_id}");
    let card_label = heading_id.clone();
    view! {
        <li class="campaign-price-card" aria-labelledby=card_label>
            <h5 id=heading_id>{name}</h5>
            {move || {
                row.get()
                    .map(|r: FairPrice| {
                        let uplift = campaign
                            .with(|c| c.as_ref().map(|c| Uplift::of(&c.pricing.terms)))
                            .unwrap_or_else(|| Uplift::of(&[]));
                        view! {
                            <ul class="campaign-estimates">
                                {estimate_line("Price table", &r.table, &uplift)}
                                {estimate_line("CPM-based", &r.cpm, &uplift)}
                            </ul>
                        }
                    })
            }}
            <TextField
                id=field_id
                label=Signal::derive(move || {
                    format!("Quote for {} ({} per post)", name(), currency())
                })
                value=quote_text
                inputmode="decimal"
                error=quote_error
                help=Signal::derive(move || {
                    row.with(|r| match r.as_ref().and_then(|r| r.quote.as_ref()) {
                        Some(q) => {
                            let rate = campaign
                                .with(|c| c.as_ref().and_then(|c| c.pricing.usd_rate));
                            format!(
                                "Compared: {}. Empty uses the price in the creator's record.",
                                q.label(rate),
                            )
                        }
                        None => {
                            "What the creator asked for one post; empty uses the price in the creator's record (none entered)."
                                .to_string()
                        }
                    })
                })
                on_input=move |text: String| {
                    if let Ok(v) = parse_optional_amount(&text) {
                        let who = cid.get_value();
                        store.edit(&id(), move |c| c.pricing.set_quote(&who, v));
                    }
                }
            />
            <div class="campaign-quote-verdict" role="status">
                {move || {
                    row.with(|r| {
                        r.as_ref()
                            .map(|r| {
                                r.comparison
                                    .iter()
                                    .map(|s| view! { <p>{s.clone()}</p> })
                                    .collect_view()
                            })
                    })
                }}
            </div>
        </li>
    }
}

/// One end of a term's range, in percent: a short text box that applies the range as typed.
fn percent_input(
    id: String,
    text: RwSignal<String>,
    described: String,
    apply: impl Fn() + Copy + 'static,
) -> impl IntoView {
    view! {
        <input
            id=id
            type="text"
            inputmode="decimal"
            autocomplete="off"
            size="5"
            aria-describedby=described
            prop:value=move || text.get()
            on:input=move |ev| {
                text.set(event_target_value(&ev));
                apply();
            }
        />
    }
}

#[component]
pub fn PricingView(campaign: CampaignMemo, store: CampaignsStore) -> impl IntoView {
    let plan = from_campaign(campaign, plan_price);
    let id = campaign_id(campaign);
    let member_ids = Memo::new(move |_| {
        plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.rows
                        .iter()
                        .map(|r| r.creator_id.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let currency = Memo::new(move |_| {
        campaign.with(|c| c.as_ref().map(|c| c.currency.clone()).unwrap_or_default())
    });
    let rate_text = RwSignal::new(
        campaign
            .with_untracked(|c| c.as_ref().and_then(|c| c.pricing.usd_rate))
            .map(|r| trimmed(r, 6))
            .unwrap_or_default(),
    );
    let rate_error = Signal::derive(move || match parse_optional_amount(&rate_text.get()) {
        Err(e) => Some(e.to_string()),
        Ok(Some(r)) if !(r > 0.0 && r <= 1e6) => {
            Some("Enter a rate above 0, e.g. 0.92.".to_string())
        }
        Ok(_) => None,
    });
    view! {
        <Part
            id="campaign-price-title"
            class="campaign-pricing campaign-form"
            title="Fair price"
            intro=FEES_NOTE
        >
            <fieldset class="field campaign-terms">
                <legend>"Deal terms, added to the base fee (tick those the deal includes)"</legend>
                {Term::ALL.into_iter().map(|t| term_row(t, campaign, store)).collect_view()}
                <p class="figure campaign-terms-total" role="status">
                    {move || {
                        campaign
                            .with(|c| {
                                c.as_ref()
                                    .map(|c| {
                                        let u = Uplift::of(&c.pricing.terms);
                                        if u.is_none() {
                                            "No deal terms ticked: the estimates are base fees."
                                                .to_string()
                                        } else {
                                            format!("Terms in the estimates: {}.", u.label())
                                        }
                                    })
                            })
                    }}
                </p>
            </fieldset>
            <Show when=move || currency.get() != "USD">
                <TextField
                    id="campaign-usd-rate"
                    label=Signal::derive(move || format!("{} per US dollar", currency.get()))
                    value=rate_text
                    inputmode="decimal"
                    error=rate_error
                    help=Signal::derive(move || {
                        format!(
                            "The published prices are in US dollars: give today's rate (how many {} one dollar buys) to compare quotes in {} with them.",
                            currency.get(),
                            currency.get(),
                        )
                    })
                    on_input=move |text: String| {
                        if let Ok(v) = parse_optional_amount(&text) {
                            if v.is_none_or(|r| r > 0.0 && r <= 1e6) {
                                store.edit(&id(), move |c| c.pricing.usd_rate = v);
                            }
                        }
                    }
                />
            </Show>
            <Show
                when=move || !member_ids.with(Vec::is_empty)
                fallback=|| placeholder(
                    "Assign creators to the campaign above to check their prices.",
                )
            >
                <ul class="campaign-prices">
                    <For each=move || member_ids.get() key=|id| id.clone() let:cid>
                        {creator_card(cid, plan, campaign, store)}
                    </For>
                </ul>
            </Show>
            {move || {
                plan.with(|p| {
                    let p = p.as_ref()?;
                    if p.rows.is_empty() {
                        return None;
                    }
                    let total = |s: Option<crate::domain::engine::cost::Span>, n: usize| {
                        s.map_or_else(
                            || "none".to_string(),
                            |s| {
                                format!(
                                    "{} for {} creator{}",
                                    usd_span(s),
                                    n,
                                    if n == 1 { "" } else { "s" },
                                )
                            },
                        )
                    };
                    Some(
                        view! {
                            <p class="figure campaign-price-plan">
                                "Plan, one post per creator (estimates, with the terms): price table "
                                {total(p.table, p.table_count)} "; CPM-based "
                                {total(p.cpm, p.cpm_count)} "; quotes "
                                {p
                                    .quotes
                                    .map_or_else(
                                        || "none comparable".to_string(),
                                        |q| format!("{} for {}", money(Some(q), "$"), p.quote_count),
                                    )} "."
                            </p>
                        },
                    )
                })
            }}
        </Part>
    }
}
