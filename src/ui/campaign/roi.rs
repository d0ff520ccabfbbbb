//! Results in money (issue #17): orders, revenue, AOV, ROAS and CPA per creator and for the
//! campaign from the imported orders, with their formulas and sources, a revenue-and-spend chart,
//! the orders not counted by reason, the codes that matched no creator and the unreadable rows.

use leptos::prelude::*;

use crate::charts::{revenue_vs_spend, Chart, MoneyRow};
use crate::domain::campaign::attribution::{results, Results, Spend};
use crate::domain::campaign::record::{currency_symbol, money_in};
use crate::domain::text::format::{group_thousands, plural, trimmed};
use crate::ui::campaign::inputs::{from_campaign, CampaignMemo};
use crate::ui::campaign::part::Part;
use crate::ui::widgets::chart_image::ChartImage;
use crate::ui::widgets::table::{column_heads, scroll_region};

/// Unreadable rows listed on the page.
const SHOWN_UNREADABLE: usize = 50;

fn roas_label(r: Option<f64>) -> String {
    r.map_or("n/a".to_string(), |r| format!("{}×", trimmed(r, 2)))
}

fn money_or_na(v: Option<f64>, cur: &str) -> String {
    v.map_or("n/a".to_string(), |v| money_in(v, cur))
}

fn spend_label(s: &Spend, cur: &str) -> String {
    match s {
        Spend::Agreed(a) => money_in(*a, cur),
        Spend::Converted {
            amount,
            price,
            currency,
            rate,
        } => format!(
            "{} ({} at {})",
            money_in(*amount, cur),
            money_in(*price, currency),
            trimmed(*rate, 4)
        ),
        Spend::Unknown(_) => "n/a".to_string(),
    }
}

fn chart_of(r: &Results) -> Chart {
    let rows: Vec<MoneyRow> = r
        .creators
        .iter()
        .filter(|c| !c.code.is_empty())
        .map(|c| MoneyRow {
            label: c.name.clone(),
            revenue: Some(c.revenue),
            spend: c.spend.amount(),
            note: match c.roas {
                Some(x) => format!("ROAS {}", roas_label(Some(x))),
                None if c.spend.amount().is_none() => "no agreed price".to_string(),
                None => "ROAS n/a".to_string(),
            },
        })
        .collect();
    revenue_vs_spend(
        "Revenue from each creator's code against what they cost",
        &rows,
        currency_symbol(&r.currency).trim_end(),
    )
}

/// The sentence listing orders left out, by reason.
fn excluded_sentence(r: &Results) -> String {
    let e = &r.attributed.excluded;
    let counts = [
        (e.cancelled, "cancelled or voided"),
        (e.refunded, "refunded in full"),
        (e.before_start, "placed before the start"),
        (e.after_window, "placed after the window"),
    ];
    let mut parts: Vec<String> = counts
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, why)| format!("{} {why}", group_thousands(n as u64)))
        .collect();
    for (cur, n) in &e.no_rate {
        parts.push(format!(
            "{} in {cur}, which has no exchange rate (type one under “Orders from the shop” to count them)",
            group_thousands(*n as u64)
        ));
    }
    let mut s = if parts.is_empty() {
        "No order with a creator's code was left out.".to_string()
    } else {
        format!("Not counted: {}.", parts.join("; "))
    };
    if e.duplicates > 0 {
        s.push_str(&format!(
            " {} found in more than one file counted once (from the file imported last).",
            plural(e.duplicates, "order", "orders")
        ));
    }
    s
}

#[component]
pub fn RoiView(campaign: CampaignMemo) -> impl IntoView {
    let res = from_campaign(campaign, results);
    let any_files = Memo::new(move |_| {
        campaign.with(|c| c.as_ref().is_some_and(|c| !c.attribution.files.is_empty()))
    });
    let chart = Signal::derive(move || {
        res.with(|r| r.as_ref().map(chart_of))
            .unwrap_or_else(|| revenue_vs_spend("", &[], "$"))
    });

    let body = move || {
        if !any_files.get() {
            return view! {
                <p class="muted">
                    "Import the shop's orders below to see revenue, ROAS and CPA per creator."
                </p>
            }
            .into_any();
        }
        let Some(r) = res.get() else {
            return ().into_any();
        };
        let cur = r.currency.clone();
        let rows = r
            .creators
            .iter()
            .map(|c| {
                let why = match &c.spend {
                    Spend::Unknown(w) => Some(w.clone()),
                    _ => None,
                };
                view! {
                    <tr>
                        <th scope="row">{c.name.clone()}</th>
                        <td>
                            {if c.code.is_empty() { "no code".to_string() } else { c.code.clone() }}
                        </td>
                        <td>{group_thousands(c.orders as u64)}</td>
                        <td>{money_in(c.revenue, &cur)}</td>
                        <td>{money_or_na(c.aov, &cur)}</td>
                        <td title=why.clone().unwrap_or_default()>{spend_label(&c.spend, &cur)}</td>
                        <td>{roas_label(c.roas)}</td>
                        <td>{money_or_na(c.cpa, &cur)}</td>
                    </tr>
                }
            })
            .collect_view();
        let missing_spend: Vec<String> = r
            .creators
            .iter()
            .filter_map(|c| match &c.spend {
                Spend::Unknown(w) if !c.code.is_empty() => Some(format!("{}: {w}", c.name)),
                _ => None,
            })
            .collect();
        let t = &r.total;
        let a = &r.attributed;
        let window = match (a.from, a.until) {
            (Some(f), Some(u)) => format!("from {f} to {u}"),
            (Some(f), None) => format!("from {f} (no end date, so no end to the window)"),
            (None, Some(u)) => format!("until {u} (no start date)"),
            (None, None) => "on any date (the campaign has no dates yet)".to_string(),
        };
        let unmatched = a
            .unmatched
            .iter()
            .take(30)
            .map(|u| format!("{} ({})", u.code, group_thousands(u.orders as u64)))
            .collect::<Vec<_>>()
            .join(", ");
        let unreadable = a
            .unreadable
            .iter()
            .take(SHOWN_UNREADABLE)
            .map(|(file, row)| view! { <li>{format!("{file}, {row}")}</li> })
            .collect_view();
        view! {
            {scroll_region(
                "Results in money",
                view! {
                    <table class="campaign-roi">
                        <caption>"Orders and revenue per creator"</caption>
                        {column_heads(
                            &["Creator", "Code", "Orders", "Revenue", "AOV", "Spend", "ROAS", "CPA"],
                        )}
                        <tbody>{rows}</tbody>
                        <tfoot>
                            <tr>
                                <th scope="row">"Campaign"</th>
                                <td></td>
                                <td>{group_thousands(t.orders as u64)}</td>
                                <td>{money_in(t.revenue, &cur)}</td>
                                <td>{money_or_na(t.aov, &cur)}</td>
                                <td>{money_in(t.spend, &cur)}</td>
                                <td>{roas_label(t.roas)}</td>
                                <td>{money_or_na(t.cpa, &cur)}</td>
                            </tr>
                        </tfoot>
                    </table>
                },
            )}
            <p class="help roi-formulas">
                {format!(
                    "Revenue: the orders' totals (Shopify's “Total”: after discounts, with shipping and taxes) minus refunds, for orders placed {window}, from the orders files imported below. AOV = revenue ÷ orders. ROAS = revenue ÷ spend. CPA = spend ÷ orders. Spend: the creator's agreed price per post on the shortlist, one post each, as the budget plan counts it. The campaign's ROAS and CPA count only creators whose spend is known{}.",
                    if t.spend_unknown > 0 {
                        format!(" ({} left out)", plural(t.spend_unknown, "creator", "creators"))
                    } else {
                        String::new()
                    },
                )}
            </p>
            {(!missing_spend.is_empty())
                .then(|| {
                    view! {
                        <p class="notice" role="note">
                            {format!("No spend for {}", missing_spend.join("; "))}
                        </p>
                    }
                })}
            <p class="roi-excluded">{excluded_sentence(&r)}</p>
            {(a.currency_assumed > 0)
                .then(|| {
                    view! {
                        <p class="help">
                            {format!(
                                "{} from files without a currency column are taken to be in {cur}.",
                                plural(a.currency_assumed, "order", "orders"),
                            )}
                        </p>
                    }
                })}
            {(!a.unmatched.is_empty())
                .then(|| {
                    view! {
                        <p class="roi-unmatched">
                            {format!(
                                "Codes in the files that match no creator of this campaign (orders): {unmatched}{}.",
                                if a.unmatched.len() > 30 { ", …" } else { "" },
                            )}
                        </p>
                    }
                })}
            {(!a.rematch.is_empty())
                .then(|| {
                    view! {
                        <p class="notice" role="note">
                            {format!(
                                "{} became a creator's code after the file was imported: import the file again to credit those orders.",
                                a.rematch.join(", "),
                            )}
                        </p>
                    }
                })}
            {(a.unreadable_count > 0)
                .then(|| {
                    view! {
                        <h5>"Rows that could not be read (not counted)"</h5>
                        <p class="help">
                            {format!(
                                "{} in all; the first are listed by file and line. Fix them in the export and import it again.",
                                plural(a.unreadable_count, "order", "orders"),
                            )}
                        </p>
                        <ol class="rejected-rows">{unreadable}</ol>
                    }
                })}
        }
            .into_any()
    };

    view! {
        <Part
            id="campaign-roi-title"
            class="campaign-roi-part"
            title="Results in money"
            intro="What each creator's code sold, against what the creator costs."
        >
            {move || {
                any_files
                    .get()
                    .then(|| {
                        view! {
                            <ChartImage
                                chart=chart
                                caption="Revenue and spend per creator with a code; the table below gives every figure."
                            />
                        }
                    })
            }}
            {body}
        </Part>
    }
}
