//! Figures other people reported (an import file's engagement rate, a vendor's averages), each
//! next to what Microscope computes from the creator's own numbers, so a difference shows.

use leptos::prelude::*;

use crate::domain::creator::dossier::ReportedKind;
use crate::domain::creator::record::Creator;
use crate::domain::engine::engagement::{self, Formula};
use crate::domain::text::format::{percent, plural};
use crate::ui::dossier::store::{averaged_posts, number_text, Dossier, Part};
use crate::ui::widgets::section::placeholder;

/// What Microscope computes for a reported figure's kind, with how.
fn computed(kind: ReportedKind, c: &Creator) -> String {
    let basis = match averaged_posts(c) {
        Some(n) => format!("averages of {}", plural(n, "post", "posts")),
        None => "averages typed in".to_string(),
    };
    match kind {
        ReportedKind::EngagementRate => {
            // Others nearly always report engagement by followers.
            let f = Formula::Followers;
            let rate = engagement::compute(f, std::slice::from_ref(&c.metrics), c.followers).rate;
            format!(
                "computed {} ({}; {basis})",
                percent(rate.filter(|r| r.is_finite()), 1),
                f.expression()
            )
        }
        ReportedKind::AverageViews => {
            format!("computed {} ({basis})", number_text(c.metrics.views))
        }
        ReportedKind::AverageLikes => {
            format!("computed {} ({basis})", number_text(c.metrics.likes))
        }
        ReportedKind::AverageComments => {
            format!("computed {} ({basis})", number_text(c.metrics.comments))
        }
        ReportedKind::PostCount => {
            format!("{} in this dossier", plural(c.posts.len(), "post", "posts"))
        }
        ReportedKind::AudienceQuality | ReportedKind::Following => {
            "not computed by Microscope".to_string()
        }
    }
}

#[component]
pub(super) fn FiguresPart(dossier: Dossier) -> impl IntoView {
    let list = move || {
        dossier.with(|c| {
            if c.reported.is_empty() {
                return placeholder("No figures reported by others. An imported file's columns such as “Engagement rate” or “Avg views” are kept here.");
            }
            view! {
                <ul class="dossier-figures">
                    {c
                        .reported
                        .iter()
                        .map(|r| {
                            let date = r.date.map(|d| format!(" ({d})")).unwrap_or_default();
                            view! {
                                <li>
                                    <strong>{r.kind.label()}</strong>
                                    {format!(": {} from {}{date}", r.value, r.source)}
                                    <span class="dossier-computed">
                                        {format!(" · {}", computed(r.kind, c))}
                                    </span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        })
    };
    view! {
        <Part
            id="dossier-figures-title"
            title="Figures reported by others"
            intro="Each as its source wrote it, next to what Microscope computes from this creator's numbers."
        >
            {list}
        </Part>
    }
}
