//! A campaign document (the brief, the vetting record) as elements: each typed block becomes its
//! element and every span a text node, never HTML; and its Markdown download.

use leptos::prelude::*;

use crate::domain::campaign::document::{Block, Document, Item, Table, Text};
use crate::ui::campaign::inputs::CampaignMemo;
use crate::ui::widgets::files::download_text;

/// "spring-launch" from "Spring launch!" for file names.
pub fn slug(name: &str) -> String {
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

/// Downloads the open campaign's `doc` (empty while there is none) as Markdown to
/// "{prefix}-{slug of the campaign name}.md" and returns the status line to show; `what` names the
/// document in the error ("The brief could not be downloaded").
pub fn download_markdown(
    prefix: &str,
    campaign: CampaignMemo,
    doc: Memo<Option<Document>>,
    what: &str,
) -> String {
    let name = campaign.with_untracked(|c| c.as_ref().map(|c| c.name.clone()).unwrap_or_default());
    let text = doc.with_untracked(|d| d.as_ref().map(Document::markdown));
    let text = text.unwrap_or_else(|| Document::default().markdown());
    let file = format!("{prefix}-{}.md", slug(&name));
    match download_text(&file, "text/markdown", &text) {
        Ok(()) => format!("Downloaded {file}."),
        Err(e) => format!("{what} could not be downloaded: {e}"),
    }
}

/// Inline text: neighbouring spans of one style become one text node (a bold run one `<strong>`),
/// so the browser shapes a line as it would one string.
fn text_view(text: &Text) -> impl IntoView {
    let mut runs: Vec<(bool, String)> = Vec::new();
    for span in &text.0 {
        match runs.last_mut() {
            Some((strong, t)) if *strong == span.strong => t.push_str(&span.text),
            _ => runs.push((span.strong, span.text.clone())),
        }
    }
    runs.into_iter()
        .map(|(strong, t)| {
            if strong {
                view! { <strong>{t}</strong> }.into_any()
            } else {
                t.into_any()
            }
        })
        .collect_view()
}

fn item_view(item: &Item) -> impl IntoView {
    let subs = (!item.sub.is_empty()).then(|| {
        view! { <ul>{item.sub.iter().map(|s| view! { <li>{text_view(s)}</li> }).collect_view()}</ul> }
    });
    let quote = (!item.quote.is_empty()).then(|| {
        view! {
            <blockquote>
                {item.quote.iter().map(|q| view! { <p>{text_view(q)}</p> }).collect_view()}
            </blockquote>
        }
    });
    view! { <li>{text_view(&item.text)} {subs} {quote}</li> }
}

fn table_view(table: &Table) -> impl IntoView {
    view! {
        <div class="brief-table">
            <table>
                <thead>
                    <tr>
                        {table
                            .header
                            .iter()
                            .map(|h| view! { <th scope="col">{*h}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {table
                        .rows
                        .iter()
                        .map(|r| {
                            view! {
                                <tr>
                                    {r
                                        .iter()
                                        .map(|c| view! { <td>{text_view(c)}</td> })
                                        .collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

fn block_view(block: &Block) -> AnyView {
    match block {
        Block::Paragraph(t) => view! { <p>{text_view(t)}</p> }.into_any(),
        Block::Note(t) => view! {
            <p class="help">
                <em>{text_view(t)}</em>
            </p>
        }
        .into_any(),
        Block::List(items) => view! { <ul>{items.iter().map(item_view).collect_view()}</ul> }.into_any(),
        Block::Steps(steps) => {
            view! { <ol>{steps.iter().map(|s| view! { <li>{text_view(s)}</li> }).collect_view()}</ol> }
                .into_any()
        }
        Block::Table(t) => table_view(t).into_any(),
    }
}

/// The document as the page and the printer show it: the title, then each section's heading and
/// blocks, in one flat run (the print styles address headings, lists and tables directly).
#[component]
pub fn DocumentView(#[prop(into)] doc: Signal<Option<Document>>) -> impl IntoView {
    move || {
        doc.with(|d| {
            let d = d.as_ref()?;
            let title = view! { <h5 class="brief-title">{text_view(&d.title)}</h5> };
            let intro = d.intro.iter().map(block_view).collect_view();
            let sections = d
                .sections
                .iter()
                .map(|s| {
                    view! {
                        <h6>{text_view(&s.heading)}</h6>
                        {s.blocks.iter().map(block_view).collect_view()}
                    }
                })
                .collect_view();
            Some(view! {
                {title}
                {intro}
                {sections}
            })
        })
    }
}
