//! The vetting record on the page (in a disclosure) and as a Markdown download.

use leptos::prelude::*;

use crate::domain::campaign::budget::plan;
use crate::domain::campaign::creator_risk;
use crate::domain::campaign::document::{vetting_record, Vetting};
use crate::domain::creator::record::{Creator, Status};
use crate::domain::engine::engagement::Formula;
use crate::ui::app::clock::today;
use crate::ui::campaign::document::{download_markdown, DocumentView};
use crate::ui::campaign::inputs::{from_campaign_and_thresholds, CampaignMemo};
use crate::ui::campaign::part::Part;
use crate::ui::widgets::section::StatusLine;

/// The vetting record: for each of the campaign's creators, the numbers they were picked on
/// (formula and source), the budget decision and the risk warnings seen, on the page and as a
/// Markdown download to keep with the campaign's files.
#[component]
pub fn VettingView(campaign: CampaignMemo) -> impl IntoView {
    let doc = from_campaign_and_thresholds(campaign, |c, all, t| {
        let formula = Formula::default();
        let (members, _) = c.members(all);
        let members: Vec<&Creator> = members
            .into_iter()
            .filter(|m| m.status != Status::Declined)
            .collect();
        let day = today();
        let risks: Vec<_> = members
            .iter()
            .map(|m| creator_risk(m, formula, Some(c), t, day))
            .collect();
        let entries: Vec<Vetting<'_>> = members
            .iter()
            .zip(&risks)
            .map(|(m, r)| Vetting {
                creator: m,
                warnings: &r.report.warnings,
                evidence: &r.evidence,
            })
            .collect();
        let the_plan = plan(c, all).ok();
        vetting_record(c, &entries, formula, the_plan.as_ref())
    });
    let status = RwSignal::new(None::<String>);
    let download = move |_| {
        let message = download_markdown("vetting-record", campaign, doc, "The vetting record");
        status.set(Some(message));
    };
    view! {
        <Part
            id="campaign-vetting-title"
            class="campaign-vetting campaign-form"
            title="Vetting record"
            intro="Why each creator was picked (their numbers, with the formula and the published benchmark they were compared with) and the risk warnings seen. Keep it with the campaign's files."
        >
            <div class="actions">
                <button type="button" class="button" on:click=download>
                    "Download vetting record (Markdown)"
                </button>
            </div>
            <StatusLine class="status" text=status />
            <details class="campaign-vetting-details">
                <summary>"Show the vetting record"</summary>
                <div class="campaign-vetting-doc" aria-label="Vetting record">
                    <DocumentView doc=doc />
                </div>
            </details>
        </Part>
    }
}
