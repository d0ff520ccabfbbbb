//! Follower history: every count with its date and where it came from (a check, an edit, an
//! import, typed in here), a chart of followers over time with its values as text, and a form to
//! add a count seen on a given day.

use leptos::prelude::*;

use crate::charts::{over_time, Chart, Unit};
use crate::domain::creator::dossier::{FollowerSnapshot, SnapshotSource};
use crate::domain::creator::series::followers_over_time;
use crate::domain::text::number::parse_count;
use crate::ui::dossier::store::{chart_points, dated, number_text, Dossier, EditForm, Part};
use crate::ui::widgets::chart_image::ChartImage;
use crate::ui::widgets::fields::{read_date_field, TextField};
use crate::ui::widgets::section::placeholder;

fn followers_chart(history: &[FollowerSnapshot]) -> Chart {
    let points = chart_points(&followers_over_time(history));
    over_time("Followers over time", "counts", Unit::Count, &points)
}

#[component]
pub(super) fn FollowersPart(dossier: Dossier) -> impl IntoView {
    let today = dossier.today;
    let date = RwSignal::new(today.to_string());
    let count = RwSignal::new(String::new());
    let date_error = RwSignal::new(None::<String>);
    let count_error = RwSignal::new(None::<String>);
    let note = RwSignal::new(None::<String>);
    let add = move |()| {
        let day = read_date_field("dossier-history-date", &date.get_untracked())
            .and_then(|d| d.ok_or_else(|| "enter the day the count was read.".to_string()))
            .map_err(|e| format!("Date: {e}"))
            .and_then(|d| {
                let snapshot = FollowerSnapshot {
                    date: d,
                    count: 0,
                    source: SnapshotSource::Typed,
                };
                snapshot.check(today).map(|()| d).map_err(|e| e.to_string())
            });
        let n = parse_count(&count.get_untracked()).map_err(|e| format!("Followers: {e}"));
        date_error.set(day.as_ref().err().cloned());
        count_error.set(n.as_ref().err().cloned());
        let (Ok(day), Ok(n)) = (day, n) else {
            return;
        };
        let done = format!("Follower count for {day} saved.");
        if dossier.save_followers(n, day, SnapshotSource::Typed, &done, note, note) {
            count.set(String::new());
        }
    };
    let history = Memo::new(move |_| {
        dossier
            .with(|c| c.follower_history.to_vec())
            .unwrap_or_default()
    });
    let chart = Signal::derive(move || history.with(|h| followers_chart(h)));
    let table = move || {
        history.with(|h| {
            if h.is_empty() {
                return placeholder(
                    "No follower counts yet. Each check, edit and import adds one, dated.",
                );
            }
            let rows = h
                .iter()
                .rev()
                .map(|s| {
                    view! {
                        <tr>
                            <td>{dated(Some(s.date), today)}</td>
                            <td class="num">{number_text(Some(s.count as f64))}</td>
                            <td>{s.source.label()}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table class="dossier-history">
                    <caption>"Follower counts, newest first"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Date"</th>
                            <th scope="col" class="num">
                                "Followers"
                            </th>
                            <th scope="col">"Source"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        })
    };
    view! {
        <Part id="dossier-followers-title" title="Follower history">
            {table}
            <Show when=move || history.with(|h| !h.is_empty())>
                <ChartImage
                    chart=chart
                    caption="Followers on each day counted; the text alternative lists every value."
                />
                <p class="chart-alt">{move || chart.with(|c| c.alt.clone())}</p>
            </Show>
            <EditForm on_submit=add submit="Add count" legend="Add a follower count" note=note>
                <div class="fields">
                    <TextField
                        id="dossier-history-date"
                        label="Counted on"
                        value=date
                        kind="date"
                        error=Signal::derive(move || date_error.get())
                    />
                    <TextField
                        id="dossier-history-count"
                        label="Follower count"
                        value=count
                        inputmode="decimal"
                        no_spellcheck=true
                        error=Signal::derive(move || count_error.get())
                    />
                </div>
            </EditForm>
        </Part>
    }
}
