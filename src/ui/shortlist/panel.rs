//! The Shortlist section: the saved creators as a sortable, filterable table (50 rows a page, so
//! 5,000 creators stay fast), with add, edit, remove with undo, status per row, compare, import
//! and export.

use std::time::Duration;

use leptos::prelude::*;

use crate::domain::creator::record::{Creator, IdSource, Status};
use crate::domain::creator::shortlist::{Filter, SortDir, SortKey};
use crate::domain::engine::engagement::Formula;
use crate::domain::risk::rules::Thresholds;
use crate::domain::text::format::group_thousands;
use crate::domain::{Platform, Tier};
use crate::ui::app::clock::now_ms;
use crate::ui::risks::for_creator::{thresholds_signal, RiskBadge};
use crate::ui::shortlist::compare::{ComparePanel, MAX_COMPARE};
use crate::ui::shortlist::editor::CreatorEditor;
use crate::ui::shortlist::format::{
    count_label, page_count, page_range, price_label, rate_label, rate_of, safe_href, PAGE_SIZE,
};
use crate::ui::shortlist::r#import::CsvImport;
use crate::ui::shortlist::transfer::{ExportBar, WorkspaceImportForm};
use crate::ui::state::shortlist::ShortlistState;
use crate::ui::widgets::banners::StorageBanners;

/// How long "Undo" stays after a removal (it also goes at the next action).
const UNDO_TIME: Duration = Duration::from_secs(10);

/// The direction a column sorts in when first clicked: the figures a marketer looks for first.
fn first_direction(key: SortKey) -> SortDir {
    match key {
        SortKey::Followers | SortKey::Tier | SortKey::Rate | SortKey::Updated => SortDir::Desc,
        SortKey::Name | SortKey::Status | SortKey::Price => SortDir::Asc,
    }
}

/// The next sort after clicking `key`'s header: the other direction on the same column.
fn next_sort(current: (SortKey, SortDir), key: SortKey) -> (SortKey, SortDir) {
    match current {
        (k, SortDir::Asc) if k == key => (key, SortDir::Desc),
        (k, SortDir::Desc) if k == key => (key, SortDir::Asc),
        _ => (key, first_direction(key)),
    }
}

fn parse_tier(id: &str) -> Option<Tier> {
    Tier::ALL.into_iter().find(|t| t.id() == id)
}

fn focus_by_id(id: &'static str) {
    request_animation_frame(move || {
        let el = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
        if let Some(el) = el {
            let _ = el.focus();
        }
    });
}

/// Filters, sort, page and selection: what the user is looking at, not what is stored.
#[derive(Clone, Copy)]
struct View {
    state: ShortlistState,
    text: RwSignal<String>,
    tier: RwSignal<Option<Tier>>,
    platform: RwSignal<Option<Platform>>,
    status: RwSignal<Option<Status>>,
    tag: RwSignal<Option<String>>,
    sort: RwSignal<(SortKey, SortDir)>,
    formula: RwSignal<Formula>,
    page: RwSignal<usize>,
    selected: RwSignal<Vec<String>>,
    editing: RwSignal<Option<Creator>>,
    removed: RwSignal<Option<Creator>>,
    notice: RwSignal<Option<String>>,
    undo_generation: StoredValue<u64>,
}

impl View {
    fn new(state: ShortlistState) -> View {
        View {
            state,
            text: RwSignal::new(String::new()),
            tier: RwSignal::new(None),
            platform: RwSignal::new(None),
            status: RwSignal::new(None),
            tag: RwSignal::new(None),
            sort: RwSignal::new((SortKey::Name, SortDir::Asc)),
            formula: RwSignal::new(Formula::default()),
            page: RwSignal::new(0),
            selected: RwSignal::new(Vec::new()),
            editing: RwSignal::new(None),
            removed: RwSignal::new(None),
            notice: RwSignal::new(None),
            undo_generation: StoredValue::new(0),
        }
    }

    fn filter(&self) -> Filter {
        Filter {
            tier: self.tier.get(),
            platform: self.platform.get(),
            status: self.status.get(),
            tag: self.tag.get(),
            text: self.text.get(),
        }
    }

    fn clear_filters(&self) {
        self.text.set(String::new());
        self.tier.set(None);
        self.platform.set(None);
        self.status.set(None);
        self.tag.set(None);
        self.page.set(0);
    }

    /// Another action happened: the last removal can no longer be undone.
    fn action(&self, notice: Option<String>) {
        self.removed.set(None);
        self.notice.set(notice);
    }

    fn remove(&self, id: &str) {
        let Some(c) = self.state.remove(id) else {
            return;
        };
        self.selected.update(|s| s.retain(|x| x != id));
        let generation = self
            .undo_generation
            .try_update_value(|g| {
                *g += 1;
                *g
            })
            .unwrap_or(0);
        self.notice.set(None);
        self.removed.set(Some(c));
        let this = *self;
        set_timeout(
            move || {
                if this.undo_generation.try_get_value() == Some(generation) {
                    let _ = this.removed.try_set(None);
                }
            },
            UNDO_TIME,
        );
        focus_by_id("shortlist-undo");
    }

    fn undo(&self) {
        let Some(c) = self.removed.get_untracked() else {
            return;
        };
        let name = c.name.clone();
        self.state.put(c);
        self.action(Some(format!("Restored “{name}”.")));
        focus_by_id("shortlist-notice");
    }

    fn toggle_selected(&self, id: &str, on: bool) {
        self.selected.update(|s| {
            s.retain(|x| x != id);
            if on && s.len() < MAX_COMPARE {
                s.push(id.to_string());
            }
        });
    }
}

#[component]
pub fn ShortlistPanel() -> impl IntoView {
    let Some(state) = use_context::<ShortlistState>() else {
        return view! {
            <section class="panel" aria-labelledby="shortlist-title">
                <h2 id="shortlist-title">"Shortlist"</h2>
                <p>"The shortlist could not be opened."</p>
            </section>
        }
        .into_any();
    };
    let v = View::new(state);
    // Loaded once for every row's risk badge.
    let thresholds = thresholds_signal();
    // Set by a row's risk badge: the editor then opens on the creator's warnings.
    let show_risks = RwSignal::new(false);
    let ids = StoredValue::new(IdSource::new(now_ms()));

    // How many creators match, and the page shown: only that page is sorted (a list of 100,000
    // just imported is partitioned, not sorted in full).
    let shown = Memo::new(move |_| {
        let filter = v.filter();
        let (key, dir) = v.sort.get();
        let formula = v.formula.get();
        let page = v.page.get();
        state.list.with(|l| {
            let found = l.query_page(
                &filter,
                key,
                dir,
                |c| rate_of(c, formula),
                |n| page_range(n, page),
            );
            let ids: Vec<String> = found
                .positions
                .iter()
                .filter_map(|&i| l.creators().get(i))
                .map(|c| c.id.clone())
                .collect();
            (found.matching, ids)
        })
    });
    let matching = Memo::new(move |_| shown.with(|(n, _)| *n));
    let total = Memo::new(move |_| state.list.with(|l| l.len()));
    let pages = move || page_count(matching.get());
    let current_page = move || v.page.get().min(pages() - 1);
    let page_ids = Memo::new(move |_| shown.with(|(_, ids)| ids.clone()));
    let tags = Memo::new(move |_| state.list.with(|l| l.tag_counts()));

    let add_new = move |_| {
        let id = ids.try_update_value(|s| s.next_id()).unwrap_or_default();
        v.action(None);
        v.editing.set(Some(Creator::new(id, "", now_ms())));
    };
    let on_saved = Callback::new(move |name: String| {
        v.action(Some(format!("Saved “{name}”.")));
    });

    let sort_header = move |label: &'static str, key: SortKey, formula: bool| {
        let aria_sort = move || {
            let (k, d) = v.sort.get();
            (k == key).then_some(match d {
                SortDir::Asc => "ascending",
                SortDir::Desc => "descending",
            })
        };
        let arrow = move || {
            let (k, d) = v.sort.get();
            match (k == key, d) {
                (false, _) => "↕",
                (true, SortDir::Asc) => "▲",
                (true, SortDir::Desc) => "▼",
            }
        };
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button
                    type="button"
                    class="sort"
                    on:click=move |_| {
                        v.sort.update(|s| *s = next_sort(*s, key));
                        v.page.set(0);
                    }
                >
                    <span>
                        {label}
                        {formula.then(|| view! { <span class="formula">{move || v.formula.get().expression()}</span> })}
                    </span>
                    <span class="sort-arrow" aria-hidden="true">{arrow}</span>
                </button>
            </th>
        }
    };

    let filters = view! {
        <div class="shortlist-filters" role="search" aria-label="Filter the shortlist">
            <div class="field grow">
                <label for="filter-text">"Search"</label>
                <input
                    id="filter-text"
                    type="search"
                    autocomplete="off"
                    placeholder="Name, notes or tags"
                    prop:value=move || v.text.get()
                    on:input=move |ev| {
                        v.text.set(event_target_value(&ev));
                        v.page.set(0);
                    }
                />
            </div>
            <div class="field">
                <label for="filter-tier">"Tier"</label>
                <select
                    id="filter-tier"
                    on:change=move |ev| {
                        v.tier.set(parse_tier(&event_target_value(&ev)));
                        v.page.set(0);
                    }
                >
                    <option value="" prop:selected=move || v.tier.get().is_none()>"All tiers"</option>
                    {Tier::ALL
                        .into_iter()
                        .map(|t| view! { <option value=t.id() prop:selected=move || v.tier.get() == Some(t)>{t.name()}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-platform">"Platform"</label>
                <select
                    id="filter-platform"
                    on:change=move |ev| {
                        v.platform.set(Platform::parse(&event_target_value(&ev)));
                        v.page.set(0);
                    }
                >
                    <option value="" prop:selected=move || v.platform.get().is_none()>"All platforms"</option>
                    {Platform::ALL
                        .into_iter()
                        .map(|p| view! { <option value=p.id() prop:selected=move || v.platform.get() == Some(p)>{p.name()}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-status">"Status"</label>
                <select
                    id="filter-status"
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        v.status.set(if value.is_empty() { None } else { Status::parse(&value) });
                        v.page.set(0);
                    }
                >
                    <option value="" prop:selected=move || v.status.get().is_none()>"All statuses"</option>
                    {Status::ALL
                        .into_iter()
                        .map(|s| view! { <option value=s.id() prop:selected=move || v.status.get() == Some(s)>{s.label()}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-tag">"Tag"</label>
                <select
                    id="filter-tag"
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        v.tag.set((!value.is_empty()).then_some(value));
                        v.page.set(0);
                    }
                >
                    <option value="" prop:selected=move || v.tag.with(Option::is_none)>"All tags"</option>
                    {move || {
                        let mut choices = tags.get();
                        // A chosen tag nobody carries any more (removed here or in another tab)
                        // stays listed, so the select never shows a filter other than the one applied.
                        if let Some(current) = v.tag.get() {
                            if !choices.iter().any(|(t, _)| *t == current) {
                                choices.push((current, 0));
                            }
                        }
                        choices
                            .into_iter()
                            .map(|(t, n)| {
                                let label = format!("{t} ({n})");
                                let value = t.clone();
                                view! { <option value=value prop:selected=move || v.tag.with(|x| x.as_deref() == Some(t.as_str()))>{label}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            <div class="field">
                <label for="filter-formula">"Engagement formula"</label>
                <select
                    id="filter-formula"
                    aria-describedby="filter-formula-help"
                    on:change=move |ev| {
                        if let Some(f) = Formula::parse(&event_target_value(&ev)) {
                            v.formula.set(f);
                        }
                    }
                >
                    {Formula::ALL
                        .into_iter()
                        .map(|f| view! { <option value=f.id() prop:selected=move || v.formula.get() == f>{f.name()}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="field end">
                <button type="button" class="secondary" on:click=move |_| v.clear_filters()>
                    "Clear filters"
                </button>
            </div>
            <p id="filter-formula-help" class="help formula-help">
                {move || v.formula.get().explanation()}
            </p>
        </div>
    };

    let count_text = move || {
        let n = matching.get();
        let range = page_range(n, v.page.get());
        let mut s = format!(
            "Showing {} of {}",
            group_thousands(n as u64),
            group_thousands(total.get() as u64)
        );
        if n > PAGE_SIZE {
            s.push_str(&format!(
                " (rows {}–{} on this page)",
                group_thousands(range.start as u64 + 1),
                group_thousands(range.end as u64)
            ));
        }
        s
    };

    let undo_view = move || {
        if let Some(c) = v.removed.get() {
            view! {
                <span>"Removed “" {c.name} "”. "</span>
                <button type="button" id="shortlist-undo" class="secondary small" on:click=move |_| v.undo()>
                    "Undo"
                </button>
            }
            .into_any()
        } else {
            v.notice
                .get()
                .map(|n| view! { <span>{n}</span> })
                .into_any()
        }
    };

    // Whether there is more than one page, as a memo: the pager is then built once, not again
    // (with its listeners) on every sort or filter; its texts follow on their own.
    let paged = Memo::new(move |_| pages() > 1);
    let pager = move || {
        paged.get().then(|| {
            view! {
                <nav class="pager" aria-label="Pages of the shortlist">
                    <button
                        type="button"
                        class="secondary"
                        disabled=move || current_page() == 0
                        on:click=move |_| v.page.set(current_page().saturating_sub(1))
                    >
                        "Previous page"
                    </button>
                    <span>{move || format!("Page {} of {}", current_page() + 1, pages())}</span>
                    <button
                        type="button"
                        class="secondary"
                        disabled=move || { current_page() + 1 >= pages() }
                        on:click=move |_| v.page.set(current_page() + 1)
                    >
                        "Next page"
                    </button>
                </nav>
            }
        })
    };

    view! {
        <section class="panel shortlist" aria-labelledby="shortlist-title">
            <h2 id="shortlist-title">"Shortlist"</h2>
            <p class="lede">
                {move || match total.get() {
                    0 => "No creators yet.".to_string(),
                    1 => "1 creator, kept in this browser.".to_string(),
                    n => format!("{} creators, kept in this browser.", group_thousands(n as u64)),
                }}
                {move || (state.unsaved.get() && state.saving_enabled()).then_some(" Saving…")}
            </p>
            <StorageBanners formula=v.formula />
            <div class="shortlist-toolbar">
                <button type="button" on:click=add_new>"Add a creator"</button>
            </div>
            {filters}
            <div class="shortlist-status">
                <p class="count" role="status">{count_text}</p>
                <p id="shortlist-notice" class="status" role="status" tabindex="-1">{undo_view}</p>
            </div>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="shortlist-caption">
                <table class="shortlist-table">
                    <caption id="shortlist-caption" class="visually-hidden">
                        "Shortlisted creators. Column headers with buttons sort the table."
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">"Compare"</th>
                            {sort_header("Name", SortKey::Name, false)}
                            <th scope="col">"Platform"</th>
                            {sort_header("Followers", SortKey::Followers, false)}
                            {sort_header("Tier", SortKey::Tier, false)}
                            {sort_header("Engagement rate", SortKey::Rate, true)}
                            <th scope="col">"Risks"</th>
                            {sort_header("Status", SortKey::Status, false)}
                            <th scope="col">"Tags"</th>
                            {sort_header("Price per post", SortKey::Price, false)}
                            <th scope="col">"Actions"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || 0..page_ids.with(Vec::len)
                            key=|position| *position
                            let:position
                        >
                            <Row position=position page_ids=page_ids v=v thresholds=thresholds show_risks=show_risks />
                        </For>
                        {move || {
                            (page_ids.with(Vec::is_empty))
                                .then(|| {
                                    let text = if total.get() == 0 {
                                        "Your shortlist is empty. Add a creator here, choose “Add to shortlist” after checking one, or import a spreadsheet below."
                                    } else {
                                        "No creator matches these filters."
                                    };
                                    view! {
                                        <tr>
                                            <td colspan="11" class="empty">{text}</td>
                                        </tr>
                                    }
                                })
                        }}
                    </tbody>
                </table>
            </div>
            {pager}
            <ComparePanel selected=v.selected formula=v.formula />
            <ExportBar formula=v.formula />
            <CsvImport />
            <WorkspaceImportForm />
            <CreatorEditor editing=v.editing on_saved=on_saved formula=v.formula thresholds=thresholds show_risks=show_risks />
        </section>
    }
    .into_any()
}

/// The table row at `position` on the current page. Rows are keyed by position, not by creator:
/// a new filter or sort only rewrites cell texts instead of rebuilding a page of rows (several
/// times faster at 5,000 creators), and a status change keeps focus on its select.
#[component]
fn Row(
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
            <td>{move || creator.with(|c| c.as_ref().and_then(|c| c.platform).map(|p| p.name()).unwrap_or("n/a"))}</td>
            <td class="num">{move || creator.with(|c| count_label(c.as_ref().and_then(|c| c.followers)))}</td>
            <td>{move || creator.with(|c| c.as_ref().and_then(|c| c.tier()).map(|t| t.name()).unwrap_or("n/a"))}</td>
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
                        if let Some(c) = state.list.with_untracked(|l| l.get(&current_id()).cloned()) {
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
                        .map(|s| view! { <option value=s.id() selected={first_status == Some(s)}>{s.label()}</option> })
                        .collect_view()}
                </select>
            </td>
            <td class="tags">{move || creator.with(|c| c.as_ref().map(|c| c.tags.join(", ")).unwrap_or_default())}</td>
            <td class="num">{move || creator.with(|c| c.as_ref().map(price_label).unwrap_or_default())}</td>
            <td class="row-actions">
                <button
                    type="button"
                    class="secondary small"
                    aria-label=move || format!("Edit {}", name())
                    on:click=move |_| {
                        if let Some(c) = state.list.with_untracked(|l| l.get(&current_id()).cloned()) {
                            v.action(None);
                            v.editing.set(Some(c));
                        }
                    }
                >
                    "Edit"
                </button>
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_clicks_toggle_direction() {
        let cases = [
            (
                (SortKey::Name, SortDir::Asc),
                SortKey::Name,
                (SortKey::Name, SortDir::Desc),
            ),
            (
                (SortKey::Name, SortDir::Desc),
                SortKey::Name,
                (SortKey::Name, SortDir::Asc),
            ),
            (
                (SortKey::Name, SortDir::Asc),
                SortKey::Followers,
                (SortKey::Followers, SortDir::Desc),
            ),
            (
                (SortKey::Rate, SortDir::Desc),
                SortKey::Price,
                (SortKey::Price, SortDir::Asc),
            ),
        ];
        for (current, key, want) in cases {
            assert_eq!(next_sort(current, key), want, "{current:?} {key:?}");
        }
    }

    #[test]
    fn tier_ids_read_back() {
        for t in Tier::ALL {
            assert_eq!(parse_tier(t.id()), Some(t));
        }
        assert_eq!(parse_tier(""), None);
    }
}
