//! The campaign brief: rendered from its typed blocks for the page and the printer, downloaded and
//! shown as Markdown written from the same blocks.

use leptos::prelude::*;

use crate::domain::campaign::document::{campaign_brief, Document};
use crate::domain::campaign::record::Campaign;
use crate::domain::engine::engagement::Formula;
use crate::domain::io::share::{creator_summary, Shared};
use crate::ui::campaign::document::{download_markdown, DocumentView};
use crate::ui::campaign::inputs::{from_campaign_and_thresholds, shortlisted, CampaignMemo};
use crate::ui::campaign::part::Part;
use crate::ui::widgets::print::PrintButton;
use crate::ui::widgets::section::StatusLine;
use crate::ui::workspace::share::CopyLinkButton;

#[component]
pub fn BriefView(campaign: CampaignMemo) -> impl IntoView {
    let doc = from_campaign_and_thresholds(campaign, |c, all, t| {
        campaign_brief(c, all, Formula::default(), t.min_sponsored_posts)
    });
    let creators = shortlisted();
    // The brief as a link carries it: the campaign and the summaries of its shortlisted creators.
    let shared = Signal::derive(move || {
        let all = creators.get();
        campaign.with(|c| {
            c.as_ref().map(|c| Shared::Brief {
                // Codes and links travel; the shop's orders don't (their data, and too long).
                campaign: Box::new(Campaign {
                    attribution: c.attribution.without_orders(),
                    ..c.clone()
                }),
                creators: all
                    .iter()
                    .filter(|x| c.creators.contains(&x.id))
                    .map(creator_summary)
                    .collect(),
            })
        })
    });
    let shared_name = Signal::derive(move || {
        campaign.with(|c| {
            format!(
                "the brief for {}",
                c.as_ref().map(|c| c.name.as_str()).unwrap_or("")
            )
        })
    });
    let status = RwSignal::new(None::<String>);
    let download =
        move |_| status.set(Some(download_markdown("brief", campaign, doc, "The brief")));
    view! {
        <Part id="campaign-brief-title" class="campaign-brief" title="Brief">
            <div class="actions campaign-form">
                <PrintButton label="Print brief" class="button" status_class="campaign-form" />
                <button type="button" class="button" on:click=download>
                    "Download brief (Markdown)"
                </button>
                <CopyLinkButton item=shared name=shared_name id="brief" />
            </div>
            <StatusLine class="status campaign-form" text=status />
            <div class="campaign-brief-doc">
                <DocumentView doc=doc />
            </div>
            <details class="campaign-form">
                <summary>"The brief as Markdown text"</summary>
                <pre
                    class="campaign-brief-text"
                    aria-label="Campaign brief (Markdown)"
                    tabindex="0"
                >
                    {move || doc.with(|d| d.as_ref().map(Document::markdown))}
                </pre>
            </details>
        </Part>
    }
}
