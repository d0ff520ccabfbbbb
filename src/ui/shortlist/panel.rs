//! The Shortlist section: the saved creators as a sortable, filterable table (50 rows a page, so
//! 5,000 creators stay fast), with add, edit, remove with undo, status per row, compare, import
//! and export.

use leptos::prelude::*;

use crate::domain::creator::record::{Creator, Status};
use crate::domain::creator::shortlist::{SortDir, SortKey};
use crate::domain::engine::engagement::Formula;
use crate::domain::text::format::group_thousands;
use crate::domain::{Platform, Tier};
use crate::ui::app::clock::now_ms;
use crate::ui::risks::for_creator::thresholds_signal;
use crate::ui::shortlist::banners::StorageBanners;
use crate::ui::shortlist::compare::ComparePanel;
use crate::ui::shortlist::editor::CreatorEditor;
use crate::ui::shortlist::format::{page_count, page_range, rate_of, PAGE_SIZE};
use crate::ui::shortlist::r#import::CsvImport;
use crate::ui::shortlist::row::Row;
use crate::ui::shortlist::table_state::{next_sort, View};
use crate::ui::shortlist::transfer::ExportBar;
use crate::ui::state::ids::next_id;
use crate::ui::state::settings::SettingsExt;
use crate::ui::state::{SettingsStore, ShortlistStore};
use crate::ui::widgets::fields::{ChoiceSelect, OptionalChoiceSelect, TextField};
use crate::ui::widgets::section::{Depth, Section};
use crate::ui::workspace::usage::StorageUsage;

/// Sets a filter and goes back to the first page.
fn set_filter<T: Send + Sync + 'static>(
    v: View,
    filter: RwSignal<Option<T>>,
) -> Callback<Option<T>> {
    Callback::new(move |picked| {
        filter.set(picked);
        v.page.set(0);
    })
}

#[component]
pub fn ShortlistPanel() -> impl IntoView {
    let Some(state) = use_context::<ShortlistStore>() else {
        return view! {
            <Section id="shortlist-title" class="panel" depth=Depth::Panel title="Shortlist">
                <p>"The shortlist could not be opened."</p>
            </Section>
        }
        .into_any();
    };
    let v = View::new(state);
    // The formula picked last is a setting (kept in the workspace file): it follows a restore
    // and another tab's pick.
    let settings = use_context::<SettingsStore>();
    if let Some(s) = settings {
        v.formula.set(s.formula());
        Effect::new(move |_| {
            if let Some(f) = s.value.with(|x| x.formula) {
                if v.formula.get_untracked() != f {
                    v.formula.set(f);
                }
            }
        });
    }
    // Loaded once for every row's risk badge.
    let thresholds = thresholds_signal();
    // Set by a row's risk badge: the editor then opens on the creator's warnings.
    let show_risks = RwSignal::new(false);

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
        let id = next_id();
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
                        {formula
                            .then(|| {
                                view! {
                                    <span class="formula">
                                        {move || v.formula.get().expression()}
                                    </span>
                                }
                            })}
                    </span>
                    <span class="sort-arrow" aria-hidden="true">
                        {arrow}
                    </span>
                </button>
            </th>
        }
    };

    let filters = view! {
        <div class="shortlist-filters" role="search" aria-label="Filter the shortlist">
            <TextField
                id="filter-text"
                label="Search"
                value=v.text
                kind="search"
                placeholder="Name, notes or tags"
                class="grow"
                on_input=move |_| v.page.set(0)
            />
            <OptionalChoiceSelect
                id="filter-tier"
                label="Tier"
                choices=&Tier::ALL
                none="All tiers"
                value=v.tier
                on_pick=set_filter(v, v.tier)
            />
            <OptionalChoiceSelect
                id="filter-platform"
                label="Platform"
                choices=&Platform::ALL
                none="All platforms"
                value=v.platform
                on_pick=set_filter(v, v.platform)
            />
            <OptionalChoiceSelect
                id="filter-status"
                label="Status"
                choices=&Status::ALL
                none="All statuses"
                value=v.status
                on_pick=set_filter(v, v.status)
            />
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
                    <option value="" prop:selected=move || v.tag.with(Option::is_none)>
                        "All tags"
                    </option>
                    {move || {
                        let mut choices = tags.get();
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
                                // A chosen tag nobody carries any more (removed here or in another tab)
                                // stays listed, so the select never shows a filter other than the one applied.
                                view! {
                                    <option
                                        value=value
                                        prop:selected=move || {
                                            v.tag.with(|x| x.as_deref() == Some(t.as_str()))
                                        }
                                    >
                                        {label}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            <ChoiceSelect
                id="filter-formula"
                label="Engagement formula"
                choices=&Formula::ALL
                value=v.formula
                on_pick=move |f: Formula| {
                    v.formula.set(f);
                    if let Some(s) = settings {
                        s.set_formula(f);
                    }
                }
                described_by="filter-formula-help"
            />
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
                <button
                    type="button"
                    id="shortlist-undo"
                    class="secondary small"
                    on:click=move |_| v.undo()
                >
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
        <Section id="shortlist-title" class="panel shortlist" depth=Depth::Panel title="Shortlist">
            <p class="lede">
                {move || match total.get() {
                    0 => "No creators yet.".to_string(),
                    1 => "1 creator, kept in this browser.".to_string(),
                    n => format!("{} creators, kept in this browser.", group_thousands(n as u64)),
                }} {move || (state.unsaved.get() && state.saving_enabled()).then_some(" Saving…")}
            </p>
            <StorageUsage />
            <StorageBanners formula=v.formula />
            <div class="shortlist-toolbar">
                <button type="button" on:click=add_new>
                    "Add a creator"
                </button>
            </div>
            {filters}
            <div class="shortlist-status">
                <p class="count" role="status">
                    {count_text}
                </p>
                <p id="shortlist-notice" class="status" role="status" tabindex="-1">
                    {undo_view}
                </p>
            </div>
            <div
                class="table-scroll"
                tabindex="0"
                role="region"
                aria-labelledby="shortlist-caption"
            >
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
                            <Row
                                position=position
                                page_ids=page_ids
                                v=v
                                thresholds=thresholds
                                show_risks=show_risks
                            />
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
                                            <td colspan="11" class="empty">
                                                {text}
                                            </td>
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
            <CreatorEditor
                editing=v.editing
                on_saved=on_saved
                formula=v.formula
                thresholds=thresholds
                show_risks=show_risks
            />
        </Section>
    }
    .into_any()
}
