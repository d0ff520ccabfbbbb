//! The parts of a campaign computed from it: recommendations, assigned creators with the budget
//! plan, the checklist with progress, and the printable brief. Each says why, in the domain's words.

use leptos::prelude::*;

use crate::domain::campaign::brief::{campaign_brief, vetting_record, Vetting};
use crate::domain::campaign::budget::plan;
use crate::domain::campaign::checklist::{checklist, Scope};
use crate::domain::campaign::recommend::recommend;
use crate::domain::campaign::record::{money_in, Campaign};
use crate::domain::campaign::risk_profile::creator_risk;
use crate::domain::creator::record::{Creator, Status};
use crate::domain::engine::engagement::Formula;
use crate::domain::text::format::compact;
use crate::ui::risks::for_creator::thresholds_signal;
use crate::ui::state::campaigns::CampaignStore;
use crate::ui::state::shortlist::ShortlistState;
use crate::ui::widgets::files::download_text;

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

/// "spring-launch" from "Spring launch!" for file names.
fn slug(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|ch| {
            if ch.is_ascii_alphanumeric() {
                ch.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let s = s.trim_matches('-');
    if s.is_empty() {
        "campaign".to_string()
    } else {
        s.to_string()
    }
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
                    let cur = campaign
                        .with_untracked(|c| c.as_ref().map(|c| c.currency.clone()))
                        .unwrap_or_default();
                    view! {
                        <div class="campaign-plan">
                            <p class="figure">
                                "Plan: " {money_in(f.spend, &cur)} " of " {money_in(p.budget, &cur)}
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
    let limits = thresholds_signal();
    let list = Memo::new(move |_| {
        let all = creators.get();
        let min = limits.with(|t| t.min_sponsored_posts);
        campaign.with(|c| c.as_ref().map(|c| checklist(c, &all, min)))
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
                                        // Per-creator items repeat for each creator: the name tells them apart.
                                        let title = match &item.scope {
                                            Scope::Creator { name, .. } => format!("{name}: {}", item.title),
                                            Scope::Campaign => item.title.clone(),
                                        };
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
                                                <label for=box_id>{title}</label>
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
    let limits = thresholds_signal();
    let text = Memo::new(move |_| {
        let all = creators.get();
        let min = limits.with(|t| t.min_sponsored_posts);
        campaign.with(|c| {
            c.as_ref()
                .map(|c| campaign_brief(c, &all, Formula::default(), min))
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
        let file = format!("brief-{}.md", slug(&name));
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
    <div class="campaign-brief-doc">{move || text.with(|md| document_view(md))}</div>
                <details class="campaign-form">
                    <summary>"The brief as Markdown text"</summary>
                    <pre class="campaign-brief-text" aria-label="Campaign brief (Markdown)" tabindex="0">
                        {move || text.get()}
                    </pre>
                </details>
            </section>
        }
}

/// The vetting record: for each of the campaign's creators, the numbers they were picked on
/// (formula and source), the budget decision and the risk warnings seen, on the page and as a
/// Markdown download to keep with the campaign's files.
#[component]
pub fn VettingView(campaign: CampaignMemo) -> impl IntoView {
    let creators = shortlisted();
    let limits = thresholds_signal();
    let text = Memo::new(move |_| {
        let all = creators.get();
        let t = limits.get();
        campaign.with(|c| {
            let Some(c) = c.as_ref() else {
                return String::new();
            };
            let formula = Formula::default();
            let (members, _) = c.members(&all);
            let members: Vec<&Creator> = members
                .into_iter()
                .filter(|m| m.status != Status::Declined)
                .collect();
            let reports: Vec<_> = members
                .iter()
                .map(|m| creator_risk(m, formula, Some(c), &t).report)
                .collect();
            let entries: Vec<Vetting<'_>> = members
                .iter()
                .zip(&reports)
                .map(|(m, r)| Vetting {
                    creator: m,
                    warnings: &r.warnings,
                })
                .collect();
            let the_plan = plan(c, &all).ok();
            vetting_record(c, &entries, formula, the_plan.as_ref())
        })
    });
    let status = RwSignal::new(None::<String>);
    let download = move |_| {
        let name =
            campaign.with_untracked(|c| c.as_ref().map(|c| c.name.clone()).unwrap_or_default());
        let file = format!("vetting-record-{}.md", slug(&name));
        match download_text(&file, "text/markdown", &text.get_untracked()) {
            Ok(()) => status.set(Some(format!("Downloaded {file}."))),
            Err(e) => status.set(Some(format!(
                "The vetting record could not be downloaded: {e}"
            ))),
        }
    };
    view! {
            <section class="subpanel campaign-vetting campaign-form" aria-labelledby="campaign-vetting-title">
                <h4 id="campaign-vetting-title">"Vetting record"</h4>
                <p class="help">
                    "Why each creator was picked (their numbers, with the formula and the published benchmark they were compared with) and the risk warnings seen. Keep it with the campaign's files."
                </p>
                <div class="actions">
                    <button type="button" class="button" on:click=download>
                        "Download vetting record (Markdown)"
                    </button>
                </div>
                <p class="status" role="status">{move || status.get()}</p>
                <details class="campaign-vetting-details">
                    <summary>"Show the vetting record"</summary>
    <div class="campaign-vetting-doc" aria-label="Vetting record">
                        {move || text.with(|md| document_view(md))}
                    </div>
                </details>
            </section>
        }
}

/// A run of inline text: bold or not, backslash escapes resolved.
fn inline(text: &str) -> Vec<(bool, String)> {
    let mut out: Vec<(bool, String)> = Vec::new();
    let mut bold = false;
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    current.push(next);
                }
            }
            '*' if chars.peek() == Some(&'*') => {
                chars.next();
                if !current.is_empty() {
                    out.push((bold, std::mem::take(&mut current)));
                }
                bold = !bold;
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        out.push((bold, current));
    }
    out
}

fn inline_view(text: &str) -> impl IntoView {
    inline(text)
        .into_iter()
        .map(|(bold, t)| {
            if bold {
                view! { <strong>{t}</strong> }.into_any()
            } else {
                t.into_any()
            }
        })
        .collect_view()
}

/// Table cells of a Markdown row, split on unescaped pipes.
fn cells(row: &str) -> Vec<String> {
    let inner = row.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut out = Vec::new();
    let mut current = String::new();
    let mut escaped = false;
    for c in inner.chars() {
        if escaped {
            current.push('\\');
            current.push(c);
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '|' {
            out.push(current.trim().to_string());
            current.clear();
        } else {
            current.push(c);
        }
    }
    out.push(current.trim().to_string());
    out
}

/// One block of the brief as the page and the printer show it.
enum Block {
    Heading(u8, String),
    Para(String),
    /// Items, each with its sub-items and quoted lines.
    List(Vec<(String, Vec<String>, Vec<String>)>),
    Ordered(Vec<String>),
    Table(Vec<Vec<String>>),
    Quote(Vec<String>),
    Note(String),
}

/// Reads the Markdown the brief module writes (headings, lists with sub-items and quotes,
/// numbered steps, tables, italic notes): a small known subset, so no Markdown crate ships.
fn blocks(md: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for line in md.lines() {
        let last = out.last_mut();
        if line.trim().is_empty() {
            continue;
        }
        if let Some(h) = line.strip_prefix("# ") {
            out.push(Block::Heading(1, h.to_string()));
        } else if let Some(h) = line.strip_prefix("## ") {
            out.push(Block::Heading(2, h.to_string()));
        } else if let Some(item) = line.strip_prefix("- ") {
            match last {
                Some(Block::List(items)) => items.push((item.to_string(), Vec::new(), Vec::new())),
                _ => out.push(Block::List(vec![(
                    item.to_string(),
                    Vec::new(),
                    Vec::new(),
                )])),
            }
        } else if let Some(sub) = line.strip_prefix("  - ") {
            match last {
                Some(Block::List(items)) if !items.is_empty() => {
                    if let Some(i) = items.last_mut() {
                        i.1.push(sub.to_string());
                    }
                }
                _ => out.push(Block::List(vec![(sub.to_string(), Vec::new(), Vec::new())])),
            }
        } else if let Some(q) = line.strip_prefix("  > ") {
            match last {
                Some(Block::List(items)) if !items.is_empty() => {
                    if let Some(i) = items.last_mut() {
                        i.2.push(q.to_string());
                    }
                }
                _ => out.push(Block::Quote(vec![q.to_string()])),
            }
        } else if let Some(q) = line.strip_prefix("> ") {
            match last {
                Some(Block::Quote(lines)) => lines.push(q.to_string()),
                _ => out.push(Block::Quote(vec![q.to_string()])),
            }
        } else if line.starts_with('|') {
            let row = cells(line);
            let separator = row
                .iter()
                .all(|c| !c.is_empty() && c.chars().all(|ch| ch == '-'));
            match last {
                Some(Block::Table(rows)) => {
                    if !separator {
                        rows.push(row);
                    }
                }
                _ => out.push(Block::Table(vec![row])),
            }
        } else if let Some((n, step)) = line
            .split_once(". ")
            .filter(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        {
            let _ = n;
            match last {
                Some(Block::Ordered(steps)) => steps.push(step.to_string()),
                _ => out.push(Block::Ordered(vec![step.to_string()])),
            }
        } else if line.starts_with('_') && line.ends_with('_') && line.len() > 1 {
            out.push(Block::Note(line.trim_matches('_').to_string()));
        } else {
            out.push(Block::Para(line.to_string()));
        }
    }
    out
}

/// The brief rendered as a document: every piece of text is a text node, never HTML.
fn document_view(md: &str) -> impl IntoView {
    blocks(md)
        .into_iter()
        .map(|b| match b {
            Block::Heading(1, t) => view! { <h5 class="brief-title">{inline_view(&t)}</h5> }.into_any(),
            Block::Heading(_, t) => view! { <h6>{inline_view(&t)}</h6> }.into_any(),
            Block::Para(t) => view! { <p>{inline_view(&t)}</p> }.into_any(),
            Block::Note(t) => view! { <p class="help"><em>{inline_view(&t)}</em></p> }.into_any(),
            Block::Quote(lines) => view! {
                <blockquote>{lines.into_iter().map(|l| view! { <p>{inline_view(&l)}</p> }).collect_view()}</blockquote>
            }
            .into_any(),
            Block::Ordered(steps) => view! {
                <ol>{steps.into_iter().map(|s| view! { <li>{inline_view(&s)}</li> }).collect_view()}</ol>
            }
            .into_any(),
            Block::List(items) => view! {
                <ul>
                    {items
                        .into_iter()
                        .map(|(item, subs, quotes)| {
                            view! {
                                <li>
                                    {inline_view(&item)}
                                    {(!subs.is_empty()).then(|| view! {
                                        <ul>{subs.into_iter().map(|s| view! { <li>{inline_view(&s)}</li> }).collect_view()}</ul>
                                    })}
                                    {(!quotes.is_empty()).then(|| view! {
                                        <blockquote>{quotes.into_iter().map(|q| view! { <p>{inline_view(&q)}</p> }).collect_view()}</blockquote>
                                    })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any(),
            Block::Table(rows) => {
                let mut rows = rows.into_iter();
                let head = rows.next().unwrap_or_default();
                view! {
                    <div class="brief-table">
                        <table>
                            <thead>
                                <tr>{head.into_iter().map(|c| view! { <th scope="col">{inline_view(&c)}</th> }).collect_view()}</tr>
                            </thead>
                            <tbody>
                                {rows
                                    .map(|r| view! {
                                        <tr>{r.into_iter().map(|c| view! { <td>{inline_view(&c)}</td> }).collect_view()}</tr>
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                .into_any()
            }
        })
        .collect_view()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_bold_and_escapes() {
        let cases: [(&str, Vec<(bool, &str)>); 4] = [
            ("- plain", vec![(false, "- plain")]),
            (
                "**Goal:** Engagement.",
                vec![(true, "Goal:"), (false, " Engagement.")],
            ),
            ("\\*\\*not bold\\*\\*", vec![(false, "**not bold**")]),
            (
                "\\<script\\> \\[x\\]\\(y\\)",
                vec![(false, "<script> [x](y)")],
            ),
        ];
        for (md, want) in cases {
            let want: Vec<(bool, String)> =
                want.into_iter().map(|(b, s)| (b, s.to_string())).collect();
            assert_eq!(inline(md), want, "{md}");
        }
    }

    #[test]
    fn blocks_of_a_brief() {
        let md = "# Campaign brief: A\n\n- **Goal:** x\n- **Dates:** y\n  > quoted \\| line\n\n## Creators\n\n| Creator | Price |\n|---|---|\n| Ann \\| Co | $1 |\n\n1. Draft\n2. Post\n\n_guidance_\n";
        let b = blocks(md);
        let kinds: Vec<&str> = b
            .iter()
            .map(|b| match b {
                Block::Heading(..) => "h",
                Block::Para(_) => "p",
                Block::List(_) => "ul",
                Block::Ordered(_) => "ol",
                Block::Table(_) => "table",
                Block::Quote(_) => "quote",
                Block::Note(_) => "note",
            })
            .collect();
        assert_eq!(kinds, vec!["h", "ul", "h", "table", "ol", "note"]);
        if let Some(Block::Table(rows)) = b.get(3) {
            assert_eq!(rows.len(), 2, "separator row skipped");
            assert_eq!(
                rows.get(1).and_then(|r| r.first()).map(String::as_str),
                Some("Ann \\| Co")
            );
        }
        if let Some(Block::List(items)) = b.get(1) {
            assert_eq!(
                items.get(1).map(|i| i.2.clone()),
                Some(vec!["quoted \\| line".to_string()])
            );
        }
    }
}
