//! One row of the shortlist table, keyed by its position on the page.

use leptos::prelude::*;

use crate::domain::creator::record::Status;
use crate::domain::risk::thresholds::Thresholds;
use crate::ui::app::shell::Section;
use crate::ui::dossier::dossier_href;
use crate::ui::risks::for_creator::RiskBadge;
use crate::ui::shortlist::compare::MAX_COMPARE;
use crate::ui::shortlist::format::{count_label, price_label, rate_label, safe_href};
use crate::ui::shortlist::table_state::View;

/// The table row at `position` on the current page. Rows are keyed by position, not by creator:
/// a new filter or sort only rewrites cell texts instead of rebuilding a page of rows (several
/// times faster at 5,000 creators), and a status change keeps focus on its select.
#[component]
pub(super) fn Row(
    position: usize,
    page_ids: Memo<Vec<String>>,
    v: View,
    thresholds: Signal<Thresholds>,
    show_risks: RwSignal<bool>,
) -> impl IntoView {
    let state = v.state;
    let row_id = Memo::new(move |_| page_ids.with(|ids| ids.get(position).cloned()));
    let creator = Memo::new(move |_| {
        row_id.with(|id| {
            id.as_ref()
                .and_then(|id| state.list.with(|l| l.get(id).cloned()))
        })
    });
    // One value per row for the status select instead of one reactive `selected` per option: a
    // re-sort touches one property per row, and none when the status did not change.
    let status = Memo::new(move |_| creator.with(|c| c.as_ref().map(|c| c.status)));
    let first_status = status.get_untracked();
    let name = move || creator.with(|c| c.as_ref().map(|c| c.name.clone()).unwrap_or_default());
    let current_id = move || row_id.get_untracked().unwrap_or_default();
    let checked = move || {
        row_id.with(|id| {
            id.as_ref()
                .is_some_and(|id| v.selected.with(|s| s.contains(id)))
        })
    };

    // One <a> that only gets an href for a web link (without one it is plain text to every
    // reader): switching rows then updates attributes instead of rebuilding nodes.
    let href = move || {
        creator.with(|c| {
            c.as_ref()
                .and_then(|c| safe_href(c.profile_url.as_deref()))
                .map(str::to_string)
        })
    };
    let is_link = move || {
        creator.with(|c| {
            c.as_ref()
                .is_some_and(|c| safe_href(c.profile_url.as_deref()).is_some())
        })
    };
    let name_cell = view! {
        <a
            class="name"
            href=href
            target=move || is_link().then_some("_blank")
            rel=move || is_link().then_some("noopener noreferrer")
        >
            {name}
            <span class="visually-hidden">
                {move || if is_link() { " (profile, opens in a new tab)" } else { "" }}
            </span>
        </a>
    };

    view! {
        <tr class:selected=checked>
            <td>
                <input
                    type="checkbox"
                    aria-label=move || format!("Compare {}", name())
                    prop:checked=checked
                    disabled=move || !checked() && v.selected.with(|s| s.len() >= MAX_COMPARE)
                    on:change=move |ev| v.toggle_selected(&current_id(), event_target_checked(&ev))
                />
            </td>
            <th scope="row">{name_cell}</th>
            <td>
                {move || {
                    creator
                        .with(|c| {
                            c.as_ref().and_then(|c| c.platform).map(|p| p.name()).unwrap_or("n/a")
                        })
                }}
            </td>
            <td class="num">
                {move || creator.with(|c| count_label(c.as_ref().and_then(|c| c.followers)))}
            </td>
            <td>
                {move || {
                    creator
                        .with(|c| {
                            c.as_ref().and_then(|c| c.tier()).map(|t| t.name()).unwrap_or("n/a")
                        })
                }}
            </td>
            <td class="num">
                {move || {
                    let f = v.formula.get();
                    creator.with(|c| c.as_ref().map(|c| rate_label(c, f)).unwrap_or_default())
                }}
            </td>
            <td class="risk-cell">
                <RiskBadge
                    creator=creator
                    formula=v.formula
                    thresholds=thresholds
                    on_open=move || {
                        if let Some(c) = state
                            .list
                            .with_untracked(|l| l.get(&current_id()).cloned())
                        {
                            v.action(None);
                            show_risks.set(true);
                            v.editing.set(Some(c));
                        }
                    }
                />
            </td>
            <td>
                <select
                    class="status-select"
                    aria-label=move || format!("Status of {}", name())
                    prop:value=move || status.get().map(Status::id).unwrap_or_default()
                    on:change=move |ev| {
                        if let Some(s) = Status::parse(&event_target_value(&ev)) {
                            v.action(None);
                            state.set_status(&current_id(), s);
                        }
                    }
                >
                    // `selected` picks the first value before the options exist for `prop:value`;
                    // later changes go through the select's value alone.
                    {Status::ALL
                        .into_iter()
                        .map(|s| {
                            view! {
                                <option value=s.id() selected=first_status == Some(s)>
                                    {s.label()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </td>
            <td class="tags">
                {move || {
                    creator.with(|c| c.as_ref().map(|c| c.tags.join(", ")).unwrap_or_default())
                }}
            </td>
            <td class="num">
                {move || creator.with(|c| c.as_ref().map(price_label).unwrap_or_default())}
            </td>
            <td class="row-actions">
                <a
                    class="button secondary small"
                    href=move || row_id.with(|id| id.as_deref().map(dossier_href))
                    aria-label=move || format!("Open dossier of {}", name())
                >
                    "Open dossier"
                </a>
                <button
                    type="button"
                    class="secondary small"
                    aria-label=move || format!("Edit {}", name())
                    on:click=move |_| {
                        if let Some(c) = state
                            .list
                            .with_untracked(|l| l.get(&current_id()).cloned())
                        {
                            v.action(None);
                            v.editing.set(Some(c));
                        }
                    }
                >
                    "Edit"
                </button>
                // A link, not a button: it goes to another section (and back with the browser's
                // back button), opening Risks with this creator picked.
                <a
                    class="button secondary small"
                    href=move || row_id.get().map(|id| Section::Risks.item_href(&id))
                    aria-label=move || format!("Check risks of {}", name())
                >
                    "Check risks"
                </a>
                <button
                    type="button"
                    class="secondary small"
                    aria-label=move || format!("Remove {}", name())
                    on:click=move |_| v.remove(&current_id())
                >
                    "Remove"
                </button>
            </td>
        </tr>
    }
}
