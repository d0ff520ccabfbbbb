//! Codes and links per creator (issue #17): the code pattern and discount, the landing page, a
//! code per creator (generated, or typed and checked against the whole workspace), the UTM link
//! with its four parts editable, and the codes as a CSV for the shop. The rules are the domain's
//! (`campaign::attribution`); this file only renders them.

use leptos::prelude::*;

use crate::domain::campaign::attribution::{
    codes_csv, generate_codes, set_code, shared_codes, utm_defaults, utm_link, utm_parts,
    validate_landing_url, DEFAULT_PATTERN,
};
use crate::domain::campaign::record::Campaign;
use crate::domain::creator::record::Creator;
use crate::domain::text::format::{capitalise, date_stamp, plural, trimmed};
use crate::domain::text::number::parse_amount;
use crate::ui::app::clock::now_ms;
use crate::ui::campaign::inputs::{campaign_id, shortlisted, CampaignMemo};
use crate::ui::campaign::part::Part;
use crate::ui::state::CampaignsStore;
use crate::ui::widgets::fields::TextField;
use crate::ui::widgets::files::download_text;
use crate::ui::widgets::section::StatusLine;
use crate::ui::widgets::table::ScrollTable;

/// The link of a creator, or why there is none yet.
fn link_of(c: &Campaign, m: &Creator) -> Result<String, String> {
    utm_link(&c.attribution.landing_url, &utm_parts(c, m)).map_err(|e| capitalise(&e.to_string()))
}

/// A file-name-safe form of the campaign's name.
fn file_part(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    s.trim_matches('-').to_lowercase()
}

#[component]
pub fn CodesView(campaign: CampaignMemo, store: CampaignsStore) -> impl IntoView {
    let creators = shortlisted();
    let id = campaign_id(campaign);
    let first = campaign.get_untracked().unwrap_or_default();
    let members = Memo::new(move |_| {
        let all = creators.get();
        campaign.with(|c| {
            c.as_ref()
                .map(|c| c.members(&all).0.into_iter().cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let pattern = RwSignal::new(first.attribution.pattern.clone());
    let percent = RwSignal::new(trimmed(first.attribution.percent, 2));
    let percent_error = Signal::derive(move || {
        let t = percent.get();
        match parse_amount(&t) {
            Ok(p) if (0.0..=100.0).contains(&p) => None,
            Ok(_) => Some("The discount must be between 0 and 100%.".to_string()),
            Err(e) => Some(e.to_string()),
        }
    });
    let landing = RwSignal::new(first.attribution.landing_url.clone());
    let landing_error = Signal::derive(move || {
        validate_landing_url(&landing.get())
            .err()
            .map(|e| format!("Landing page: {e}"))
    });
    let status = RwSignal::new(None::<String>);

    let generate = move |replace: bool| {
        let cid = id();
        let all = creators.get_untracked();
        let codes = store
            .campaigns
            .with_untracked(|cs| generate_codes(cs, &cid, &all, replace));
        let n = codes.len();
        store.edit(&cid, move |c| {
            for (creator, code) in codes {
                c.attribution.creators.entry(creator).or_default().code = code;
            }
        });
        status.set(Some(if n == 0 {
            "Every creator already has a code.".to_string()
        } else {
            format!("{} made from the pattern.", plural(n, "code", "codes"))
        }));
    };
    let download = move |_| {
        let all = creators.get_untracked();
        let Some(c) = campaign.get_untracked() else {
            return;
        };
        let csv = codes_csv(&c, &all, |m| link_of(&c, m).unwrap_or_default());
        let name = format!(
            "microscope-codes-{}-{}.csv",
            file_part(&c.name),
            date_stamp(now_ms())
        );
        status.set(Some(
            match download_text(&name, "text/csv;charset=utf-8", &csv) {
                Ok(()) => format!("Downloaded {name}."),
                Err(e) => format!("The file could not be made: {e}"),
            },
        ));
    };

    // A restored or merged workspace can bring a code to two creators (the app never makes one):
    // said here, where the codes are changed, until one of them is.
    let shared = move || {
        let all = creators.get();
        let cid = campaign.with(|c| c.as_ref().map(|c| c.id.clone()).unwrap_or_default());
        let lines: Vec<String> = store.campaigns.with(|cs| {
            shared_codes(cs)
                .into_iter()
                .filter(|s| s.holders.iter().any(|h| h.campaign_id == cid))
                .map(|s| capitalise(&s.sentence(&all)))
                .collect()
        });
        (!lines.is_empty()).then(|| {
            view! {
                <div class="notice warn" role="alert">
                    <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                </div>
            }
        })
    };

    // The rows are keyed by creator and kept while their fields are typed into: each field saves
    // as it is typed (a reload or a closed tab right after typing keeps it, as every other
    // campaign field does), and rebuilding the rows on each save would take the field from under
    // the cursor. What a row shows of the campaign (the code, the link) follows the store.
    let has_members = move || members.with(|l| !l.is_empty());
    let rows = move || {
        if !has_members() {
            return view! { <p class="muted">"Add creators to the campaign above to give them codes and links."</p> }
                .into_any();
        }
        view! {
            <ScrollTable
                label="Codes and links"
                class="campaign-codes"
                caption="Discount code and link per creator"
                heads=&["Creator", "Discount code", "Link (UTM)"]
            >
                <For
                    each=move || members.get().into_iter().enumerate()
                    key=|(i, m)| (*i, m.id.clone(), m.name.clone(), m.platform)
                    children=move |(i, m)| code_row(i, campaign, m, store, creators)
                />
            </ScrollTable>
        }
        .into_any()
    };

    view! {
        <Part
            id="campaign-codes-title"
            class="campaign-codes-part"
            title="Codes and links"
            intro="Give each creator a discount code and a tracked link, so the shop's orders can be credited to them. Codes are unique across all your campaigns; letter case doesn't matter."
        >
            <form class="fields campaign-form" on:submit=|ev| ev.prevent_default()>
                <TextField
                    id="codes-pattern"
                    label="Code pattern"
                    value=pattern
                    no_spellcheck=true
                    help=format!(
                        "{{handle}}, {{percent}} and {{campaign}} are filled in per creator: {DEFAULT_PATTERN} gives e.g. ANNFIT15. A code already used anywhere in the workspace gets -2, -3…",
                    )
                    on_input=move |v: String| {
                        let p = v.trim().to_string();
                        store.edit(&id(), move |c| c.attribution.pattern = p);
                    }
                />
                <TextField
                    id="codes-percent"
                    label="Discount (%)"
                    value=percent
                    inputmode="decimal"
                    error=percent_error
                    help="What the codes give off, for the pattern and the shop's import file."
                    on_input=move |v: String| {
                        if let Ok(p) = parse_amount(&v) {
                            if (0.0..=100.0).contains(&p) {
                                store.edit(&id(), move |c| c.attribution.percent = p);
                            }
                        }
                    }
                />
                <TextField
                    id="codes-landing"
                    label="Landing page"
                    value=landing
                    kind="url"
                    no_spellcheck=true
                    placeholder="https://shop.example/spring"
                    error=landing_error
                    help="The page the links lead to (http or https). Each creator's link adds utm_source (platform), utm_medium=influencer, utm_campaign and utm_content (handle)."
                    on_input=move |v: String| {
                        if let Ok(u) = validate_landing_url(&v) {
                            let u = u.unwrap_or_default();
                            store.edit(&id(), move |c| c.attribution.landing_url = u);
                        }
                    }
                />
            </form>
            <div class="button-row campaign-form">
                <button type="button" class="button" on:click=move |_| generate(false)>
                    "Generate missing codes"
                </button>
                <button type="button" class="button secondary" on:click=move |_| generate(true)>
                    "Remake all codes from the pattern"
                </button>
                <button type="button" class="button secondary" on:click=download>
                    "Download codes for the shop (CSV)"
                </button>
            </div>
            <StatusLine class="status campaign-form" text=status />
            {shared}
            {rows}
        </Part>
    }
}

/// One creator's row: the code (checked as it is typed) and the link with its editable parts.
fn code_row(
    i: usize,
    campaign: CampaignMemo,
    m: Creator,
    store: CampaignsStore,
    creators: Signal<Vec<Creator>>,
) -> impl IntoView {
    let start = campaign.get_untracked().unwrap_or_default();
    let campaign_id = start.id.clone();
    let creator_id = m.id.clone();
    let error = RwSignal::new(None::<String>);
    let input_id = format!("code-{i}");
    let error_id = format!("code-{i}-error");
    let code = {
        let creator_id = creator_id.clone();
        move || {
            campaign.with(|c| {
                c.as_ref()
                    .map(|c| c.attribution.code_of(&creator_id).to_string())
                    .unwrap_or_default()
            })
        }
    };
    let link = {
        let m = m.clone();
        move || campaign.with(|c| c.as_ref().map_or(Err(String::new()), |c| link_of(c, &m)))
    };
    let parts = utm_parts(&start, &m);
    // What a part is when left empty: the convention's value, which follows the campaign.
    let default_of = {
        let m = m.clone();
        move |part: &str| {
            campaign.with(|c| {
                let d = match c {
                    Some(c) => utm_defaults(c, &m),
                    None => utm_defaults(&Campaign::default(), &m),
                };
                match part {
                    "source" => d.source,
                    "medium" => d.medium,
                    "campaign" => d.campaign,
                    _ => d.content,
                }
            })
        }
    };
    let on_code = {
        let (campaign_id, creator_id) = (campaign_id.clone(), creator_id.clone());
        move |ev: leptos::ev::Event| {
            let typed = event_target_value(&ev);
            let all = creators.get_untracked();
            let checked = if typed.trim().is_empty() {
                Ok(String::new())
            } else {
                store
                    .campaigns
                    .with_untracked(|cs| set_code(cs, &all, &campaign_id, &creator_id, &typed))
            };
            match checked {
                Ok(code) => {
                    error.set(None);
                    let who = creator_id.clone();
                    store.edit(&campaign_id, move |c| {
                        c.attribution.creators.entry(who).or_default().code = code;
                    });
                }
                Err(e) => error.set(Some(format!("Not saved: {e}"))),
            }
        }
    };
    let part_fields = [
        ("source", parts.source),
        ("medium", parts.medium),
        ("campaign", parts.campaign),
        ("content", parts.content),
    ]
    .into_iter()
    .map(|(part, value)| {
        let field_id = format!("utm-{i}-{part}");
        let (campaign_id, creator_id) = (campaign_id.clone(), creator_id.clone());
        let shown = if value == default_of(part) {
            String::new()
        } else {
            value
        };
        let default_of = default_of.clone();
        let placeholder = {
            let default_of = default_of.clone();
            move || default_of(part)
        };
        view! {
            <div class="field">
                <label for=field_id.clone()>{format!("utm_{part}")}</label>
                <input
                    id=field_id
                    type="text"
                    spellcheck="false"
                    value=shown
                    placeholder=placeholder
                    on:input=move |ev| {
                        let v = event_target_value(&ev).trim().to_string();
                        let v = (!v.is_empty() && v != default_of(part)).then_some(v);
                        let who = creator_id.clone();
                        store
                            .edit(
                                &campaign_id,
                                move |c| {
                                    let e = c.attribution.creators.entry(who).or_default();
                                    match part {
                                        "source" => e.utm.source = v,
                                        "medium" => e.utm.medium = v,
                                        "campaign" => e.utm.campaign = v,
                                        _ => e.utm.content = v,
                                    }
                                },
                            );
                    }
                />
            </div>
        }
    })
    .collect_view();
    view! {
        <tr>
            <th scope="row">{m.name.clone()}</th>
            <td>
                <label class="visually-hidden" for=input_id.clone()>
                    {format!("Discount code of {}", m.name)}
                </label>
                <input
                    id=input_id
                    class="code-input"
                    type="text"
                    spellcheck="false"
                    autocomplete="off"
                    prop:value=code
                    placeholder="no code yet"
                    aria-describedby=error_id.clone()
                    aria-invalid=move || error.get().is_some().to_string()
                    on:input=on_code
                />
                <p id=error_id class="error" role="alert">
                    {move || error.get()}
                </p>
            </td>
            <td>
                {move || match link() {
                    Ok(l) => view! { <code class="utm-link">{l}</code> }.into_any(),
                    Err(why) => view! { <span class="muted">{why}</span> }.into_any(),
                }} <details>
                    <summary>{format!("Link parts of {}", m.name)}</summary>
                    <div class="fields utm-parts">{part_fields}</div>
                </details>
            </td>
        </tr>
    }
}
