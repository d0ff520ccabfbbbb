//! The overdue deliverables banner at the top of a campaign: every deliverable past its date and
//! not yet in the state its kind needs, oldest first (the domain's `campaign::calendar::overdue`
//! decides which; today is the browser's local date).

use leptos::prelude::*;

use crate::domain::campaign::calendar::overdue::overdue;
use crate::domain::text::format::plural;
use crate::ui::app::clock::today;
use crate::ui::campaign::calendar::name_in;
use crate::ui::campaign::inputs::{creator_names, shortlisted, CampaignMemo};

/// The warning at the top of the campaign: every overdue deliverable, oldest first.
#[component]
pub fn OverdueBanner(campaign: CampaignMemo) -> impl IntoView {
    let creators = shortlisted();
    let names = creator_names(creators, campaign);
    let day = today();
    move || {
        let list = names.get();
        campaign.with(|c| {
            let c = c.as_ref()?;
            let late = overdue(&c.deliverables.items, day);
            if late.is_empty() {
                return None;
            }
            let lines: Vec<String> = late
                .iter()
                .map(|o| {
                    o.sentence(&if o.item.creator_id.is_empty() {
                        String::new()
                    } else {
                        name_in(&list, &o.item.creator_id)
                    })
                })
                .collect();
            Some(view! {
                <div class="banner warn campaign-overdue campaign-form" role="alert">
                    <p class="banner-title">
                        <strong>
                            {format!(
                                "{} overdue",
                                plural(lines.len(), "deliverable", "deliverables"),
                            )}
                        </strong>
                        {format!(" (today is {day}, your device's date)")}
                    </p>
                    <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    <p>
                        "Update their state in the deliverables calendar below once they are done."
                    </p>
                </div>
            })
        })
    }
}
