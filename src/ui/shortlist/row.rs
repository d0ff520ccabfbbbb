//! One row of the shortlist table, keyed by its position on the page.

use leptos::html;
use leptos::prelude::*;

use crate::domain::creator::record::Status;
use crate::domain::risk::thresholds::Thresholds;
use crate::ui::app::shell::Section;
use crate::ui::dossier::dossier_href;
use crate::ui::risks::for_creator::RiskBadge;
use crate::ui::shortlist::compare::MAX_COMPARE;
use crate::ui::shortlist::format::RowCells;
use crate::ui::shortlist::table_state::View;

/// The table row at `position` on the current page. Rows are keyed by position, not by creator:
/// a new filter or sort only rewrites cell texts instead of rebuilding a page of rows (several
/// times faster at 5,000 creators), and a status change keeps focus on its select.
///
/// What the row shows of its creator is one value, [`RowCells`], worked out once per creator
/// shown (and formula), and written to the row's cells by one effect that compares it with
/// the last one and writes only what changed ([`write_cells`]). Not a reactive closure per text
/// and attribute: a sort hands all 50 rows another creator, and the reactive bookkeeping of 25
/// closures a row cost about as much as the writes themselves (issue 19). The same effect keeps
/// the compare box, the row's highlight and the status select in step with the selection and the
/// status; only the risk badge has reactive closures of its own. (One view per group of cells,
/// rebuilt in place by tachys, wrote more and was slower: docs/PERFORMANCE.md, session 11.)
#[component]
pub(super) fn Row(
    position: usize,
    page_ids: Memo<Vec<String>>,
    v: View,
    thresholds: Signal<Thresholds>,
    show_risks: RwSignal<bool>,
) -> impl IntoView {
    let state = v.state;
    let cells = Memo::new(move |_| {
        let formula = v.formula.get();
        page_ids.with(|ids| {
            ids.get(position)
                .and_then(|id| {
                    state
                        .list
                        .with(|l| l.get(id).map(|c| RowCells::of(c, formula)))
                })
                .unwrap_or_default()
        })
    });
    // The badge's own memo clones the creator when it runs, not a memo of every row's creator on
    // top of the cells.
    let creator = Signal::derive(move || {
        page_ids.with(|ids| {
            ids.get(position)
                .and_then(|id| state.list.with(|l| l.get(id).cloned()))
        })
    });
    let current_id = move || cells.with_untracked(|c| c.id.clone());
    // Whether the row's creator is picked to compare, and whether its box is disabled (the
    // comparison is full and it is not in it).
    let picked = move |id: &str| {
        v.selected.with(|s| {
            let on = s.iter().any(|x| x == id);
            (on, !on && s.len() >= MAX_COMPARE)
        })
    };

    let refs = CellRefs::default();
    // The first cells are written by the view below; later ones by `write_cells`.
    let first = cells.get_untracked();
    let (first_on, first_disabled) = picked(&first.id);
    // Compared with what the view shows on the effect's first run too (it runs a tick after the
    // row is built: the cells may have changed in between).
    let mut shown = Some((first.clone(), (first_on, first_disabled)));
    Effect::new(move |last: Option<(RowCells, (bool, bool))>| {
        let next = cells.get();
        let pick = picked(&next.id);
        if let Some((last, last_pick)) = last.or_else(|| shown.take()) {
            write_cells(&refs, &last, &next);
            write_pick(&refs, last_pick, pick);
        }
        (next, pick)
    });
    // The status select's options are built with the first status `selected`; later ones go
    // through the select's value (`write_cells`): one property a row, none when it is the same.
    let first_status = first.status;
    let is_link = first.href.is_some();

    view! {
        <tr node_ref=refs.row class:selected=first_on>
            <td>
                <input
                    node_ref=refs.compare
                    type="checkbox"
                    aria-label=format!("Compare {}", first.name)
                    prop:checked=first_on
                    disabled=first_disabled
                    on:change=move |ev| v.toggle_selected(&current_id(), event_target_checked(&ev))
                />
            </td>
            <th scope="row">
                // One <a> that only gets an href for a web link (without one it is plain text to
                // every reader): switching rows then updates attributes instead of rebuilding nodes.
                <a
                    node_ref=refs.name
                    class="name"
                    href=first.href.clone()
                    target=is_link.then_some("_blank")
                    rel=is_link.then_some("noopener noreferrer")
                >
                    {first.name.clone()}
                    <span node_ref=refs.link_hint class="visually-hidden">
                        {link_hint(is_link)}
                    </span>
                </a>
            </th>
            <td node_ref=refs.platform>{first.platform}</td>
            <td node_ref=refs.followers class="num">
                {first.followers.clone()}
            </td>
            <td node_ref=refs.tier>{first.tier}</td>
            <td node_ref=refs.rate class="num">
                {first.rate.clone()}
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
                    node_ref=refs.status
                    class="status-select"
                    aria-label=format!("Status of {}", first.name)
                    on:change=move |ev| {
                        if let Some(s) = Status::parse(&event_target_value(&ev)) {
                            v.action(None);
                            state.set_status(&current_id(), s);
                        }
                    }
                >
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
            <td node_ref=refs.tags class="tags">
                {first.tags.clone()}
            </td>
            <td node_ref=refs.price class="num">
                {first.price.clone()}
            </td>
            <td class="row-actions">
                <a
                    node_ref=refs.dossier
                    class="button secondary small"
                    href=dossier_link(&first.id)
                    aria-label=format!("Open dossier of {}", first.name)
                >
                    "Open dossier"
                </a>
                <button
                    node_ref=refs.edit
                    type="button"
                    class="secondary small"
                    aria-label=format!("Edit {}", first.name)
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
                    node_ref=refs.risks
                    class="button secondary small"
                    href=risks_link(&first.id)
                    aria-label=format!("Check risks of {}", first.name)
                >
                    "Check risks"
                </a>
                <button
                    node_ref=refs.remove
                    type="button"
                    class="secondary small"
                    aria-label=format!("Remove {}", first.name)
                    on:click=move |_| v.remove(&current_id())
                >
                    "Remove"
                </button>
            </td>
        </tr>
    }
}

/// The elements of a row that [`write_cells`] writes to.
#[derive(Clone, Copy, Default)]
struct CellRefs {
    row: NodeRef<html::Tr>,
    compare: NodeRef<html::Input>,
    name: NodeRef<html::A>,
    link_hint: NodeRef<html::Span>,
    platform: NodeRef<html::Td>,
    followers: NodeRef<html::Td>,
    tier: NodeRef<html::Td>,
    rate: NodeRef<html::Td>,
    status: NodeRef<html::Select>,
    tags: NodeRef<html::Td>,
    price: NodeRef<html::Td>,
    dossier: NodeRef<html::A>,
    edit: NodeRef<html::Button>,
    risks: NodeRef<html::A>,
    remove: NodeRef<html::Button>,
}

/// What screen readers hear after a profile link's name.
fn link_hint(is_link: bool) -> &'static str {
    if is_link {
        " (profile, opens in a new tab)"
    } else {
        ""
    }
}

fn dossier_link(id: &str) -> Option<String> {
    (!id.is_empty()).then(|| dossier_href(id))
}

fn risks_link(id: &str) -> Option<String> {
    (!id.is_empty()).then(|| Section::Risks.item_href(id))
}

/// Shows whether the row is picked to compare (`(on, disabled)`, see `Row`) where it changed:
/// the row's highlight, its box's check and whether the box can be checked.
fn write_pick(refs: &CellRefs, last: (bool, bool), next: (bool, bool)) {
    let ((was_on, was_disabled), (on, disabled)) = (last, next);
    if was_on != on {
        if let Some(row) = refs.row.get_untracked() {
            let _ = row.class_list().toggle_with_force("selected", on);
        }
    }
    let Some(compare) = refs.compare.get_untracked() else {
        return;
    };
    if was_on != on {
        compare.set_checked(on);
    }
    if was_disabled != disabled {
        compare.set_disabled(disabled);
    }
}

/// Sets (or with `None` removes) attribute `name` of `el`.
fn set_attr(el: Option<impl AsRef<web_sys::Element>>, name: &str, value: Option<&str>) {
    let Some(el) = el else { return };
    let el = el.as_ref();
    let _ = match value {
        Some(v) => el.set_attribute(name, v),
        None => el.remove_attribute(name),
    };
}

/// Replaces the text of `el` (a cell holding only text): the value of its text node, as the
/// view's reactive texts did, or new text if it has none.
fn set_text(el: Option<impl AsRef<web_sys::Node>>, text: &str) {
    let Some(el) = el else { return };
    let el = el.as_ref();
    match el.first_child() {
        Some(node) if node.node_type() == web_sys::Node::TEXT_NODE => {
            node.set_node_value(Some(text))
        }
        _ => el.set_text_content(Some(text)),
    }
}

/// Writes to the row what differs between the cells shown (`last`) and `next`: the same texts
/// and attributes the view gives the first cells, and nothing that did not change.
fn write_cells(refs: &CellRefs, last: &RowCells, next: &RowCells) {
    if last.name != next.name {
        let labels: [(Option<web_sys::Element>, &str); 6] = [
            (refs.compare.get_untracked().map(Into::into), "Compare "),
            (refs.status.get_untracked().map(Into::into), "Status of "),
            (
                refs.dossier.get_untracked().map(Into::into),
                "Open dossier of ",
            ),
            (refs.edit.get_untracked().map(Into::into), "Edit "),
            (
                refs.risks.get_untracked().map(Into::into),
                "Check risks of ",
            ),
            (refs.remove.get_untracked().map(Into::into), "Remove "),
        ];
        for (el, what) in labels {
            set_attr(el, "aria-label", Some(&format!("{what}{}", next.name)));
        }
        // The name is the link's first child, its text; the hint follows in its own span.
        let text = refs.name.get_untracked().and_then(|a| a.first_child());
        if let Some(text) = text {
            text.set_node_value(Some(&next.name));
        }
    }
    if last.href != next.href {
        let a = refs.name.get_untracked();
        set_attr(a.clone(), "href", next.href.as_deref());
        let is_link = next.href.is_some();
        if last.href.is_some() != is_link {
            set_attr(a.clone(), "target", is_link.then_some("_blank"));
            set_attr(a, "rel", is_link.then_some("noopener noreferrer"));
            set_text(refs.link_hint.get_untracked(), link_hint(is_link));
        }
    }
    if last.id != next.id {
        set_attr(
            refs.dossier.get_untracked(),
            "href",
            dossier_link(&next.id).as_deref(),
        );
        set_attr(
            refs.risks.get_untracked(),
            "href",
            risks_link(&next.id).as_deref(),
        );
    }
    if last.status != next.status {
        if let Some(select) = refs.status.get_untracked() {
            select.set_value(next.status.map(Status::id).unwrap_or_default());
        }
    }
    let texts = [
        (&refs.platform, last.platform, next.platform),
        (&refs.followers, &*last.followers, &*next.followers),
        (&refs.tier, last.tier, next.tier),
        (&refs.rate, &*last.rate, &*next.rate),
        (&refs.tags, &*last.tags, &*next.tags),
        (&refs.price, &*last.price, &*next.price),
    ];
    for (cell, was, now) in texts {
        if was != now {
            set_text(cell.get_untracked(), now);
        }
    }
}
