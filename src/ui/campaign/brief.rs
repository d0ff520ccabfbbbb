//! The campaign brief: rendered from its typed blocks for the page and the printer, downloaded and
//! shown as Markdown written from the same blocks.

use leptos::prelude::*;

use crate::domain::campaign::document::{campaign_brief, Document};
use crate::domain::engine::engagement::Formula;
use crate::ui::campaign::document::{download_markdown, DocumentView};
use crate::ui::campaign::inputs::{shortlisted, CampaignMemo};
use crate::ui::risks::for_creator::thresholds_signal;
use crate::ui::widgets::print::PrintButton;
use crate::ui::widgets::section::{Depth, Section};

#[component]
pub fn BriefView(campaign: CampaignMemo) -> impl IntoView {
    let creators = shortlisted();
    let limits = thresholds_signal();
    let doc = Memo::new(move |_| {
        let all = creators.get();
        let min = limits.with(|t| t.min_sponsored_posts);
        campaign.with(|c| {
            c.as_ref()
                .map(|c| campaign_brief(c, &all, Formula::default(), min))
        })
    });
    let status = RwSignal::new(None::<String>);
    let download =
        move |_| status.set(Some(download_markdown("brief", campaign, doc, "The brief")));
    view! {
        <Section
            id="campaign-brief-title"
            class="subpanel campaign-brief"
            depth=Depth::Part
            title="Brief"
        >
            <div class="actions campaign-form">
                <PrintButton label="Print brief" class="button" status_class="campaign-form" />
                <button type="button" class="button" on:click=download>
                    "Download brief (Markdown)"
                </button>
            </div>
            <p class="status campaign-form" role="status">
                {move || status.get()}
            </p>
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
        </Section>
    }
}
