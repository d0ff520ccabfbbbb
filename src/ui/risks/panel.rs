//! The Risks section: comment sentiment, generic comments, the caption checker, audience fit, anomalies and thresholds.

use leptos::prelude::*;

use crate::ui::risks::anomalies::AnomalyTool;
use crate::ui::risks::audience::AudienceFitTool;
use crate::ui::risks::comments::CommentTools;
use crate::ui::risks::disclosure::DisclosureChecker;
use crate::ui::risks::thresholds::RiskThresholds;
use crate::ui::state::ThresholdsStore;
use crate::ui::widgets::section::{Depth, Section};

#[component]
pub fn RisksPanel() -> impl IntoView {
    // The app may provide the thresholds for every section; alone, the panel loads its own.
    let state = use_context::<ThresholdsStore>().unwrap_or_else(ThresholdsStore::load);
    let thresholds = state.value;
    view! {
        <Section
            id="risks-title"
            class="panel risks"
            depth=Depth::Panel
            title="Risks"
            intro="Check a creator's comments, a sponsored caption and the audience fit before you sign. Results update as you type; nothing you paste leaves this device."
        >
            <CommentTools thresholds=thresholds />
            <DisclosureChecker />
            <AudienceFitTool thresholds=thresholds />
            <AnomalyTool thresholds=thresholds />
            <RiskThresholds state=state />
        </Section>
    }
}
