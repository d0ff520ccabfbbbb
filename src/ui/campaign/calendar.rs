//! The deliverables calendar of a campaign: a form to add one (creator, kind, date, state,
//! note), a month view (a keyboard-navigable grid: arrows, Home/End, Page Up/Down, Enter puts
//! the day in the form) or a list (state changeable, removable), downloads as `.ics` and CSV
//! (the warning at the top of the campaign is `overdue::OverdueBanner`). Today is the browser's local
//! date (`app::clock::today`); the domain (`campaign::calendar`) decides what is overdue and
//! writes the files.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::domain::campaign::calendar::csv::deliverables_csv;
use crate::domain::campaign::calendar::ics::ics;
use crate::domain::campaign::calendar::item::{checked, Deliverable, Kind, State};
use crate::domain::campaign::calendar::month::{month_grid, Month, WEEKDAYS};
use crate::domain::text::date::{month_name, Date};
use crate::domain::text::format::plural;
use crate::ui::app::clock::{now_ms, today};
use crate::ui::campaign::document::slug;
use crate::ui::campaign::inputs::{
    campaign_id, creator_names, shortlisted, typed_date, CampaignMemo,
};
use crate::ui::campaign::part::{AddForm, Part};
use crate::ui::state::ids::next_id;
use crate::ui::state::CampaignsStore;
use crate::ui::widgets::fields::{ChoiceSelect, CreatorSelect, TextField};
use crate::ui::widgets::files::{download_outcome, download_text};
use crate::ui::widgets::focus::focus_after_redraw;
use crate::ui::widgets::section::placeholder;
use crate::ui::widgets::table::column_heads_and_actions;

/// The creator's name for `id` in `names`, "Whole campaign" for none.
pub(super) fn name_in(names: &[(String, String)], id: &str) -> String {
    if id.is_empty() {
        return "Whole campaign".to_string();
    }
    names
        .iter()
        .find(|(i, _)| i == id)
        .map_or_else(|| id.to_string(), |(_, n)| n.clone())
}

/// "Ann: Go live".
fn title_of(names: &[(String, String)], d: &Deliverable) -> String {
    if d.creator_id.is_empty() {
        d.name().to_string()
    } else {
        format!("{}: {}", name_in(names, &d.creator_id), d.name())
    }
}

/// "Monday 4 May 2026".
fn long_date(d: Date) -> String {
    let weekday = WEEKDAYS.get(usize::from(d.weekday())).map_or("", |w| w.1);
    format!(
        "{weekday} {} {} {}",
        d.day(),
        month_name(d.month()),
        d.year()
    )
}

fn focus_day_cell(d: Date) {
    focus_after_redraw(format!("cal-day-{d}"));
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Month,
    List,
}

/// A button of the month view's navigation (previous, next, this month).
fn nav_button(label: &'static str, go: impl Fn() + 'static) -> impl IntoView {
    view! {
        <button type="button" class="secondary" on:click=move |_| go()>
            {label}
        </button>
    }
}

#[component]
pub fn CalendarView(campaign: CampaignMemo, store: CampaignsStore) -> impl IntoView {
    let creators = shortlisted();
    let names = creator_names(creators, campaign);
    let id = campaign_id(campaign);
    let day = today();
    let items = Memo::new(move |_| {
        campaign.with(|c| {
            c.as_ref()
                .map(|c| c.deliverables.items.clone())
                .unwrap_or_default()
        })
    });

    // The views.
    let mode = RwSignal::new(Mode::Month);
    let month = RwSignal::new(Month::of(day));
    let focus = RwSignal::new(day);

    // The form.
    let who = RwSignal::new(String::new());
    let kind = RwSignal::new(Kind::GoLive);
    let state = RwSignal::new(State::Planned);
    let title = RwSignal::new(String::new());
    let date_text = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let form_error = RwSignal::new(None::<String>);
    let add = move || {
        let Some(date) = typed_date(date_text, form_error) else {
            return;
        };
        let k = kind.get_untracked();
        let t = title.get_untracked().trim().to_string();
        if k == Kind::Custom && t.is_empty() {
            form_error.set(Some(
                "Title: a custom deliverable needs one (e.g. “Unboxing Story”).".to_string(),
            ));
            return;
        }
        let d = Deliverable {
            id: next_id(),
            creator_id: who.get_untracked(),
            kind: k,
            title: t,
            date: Some(date),
            state: state.get_untracked(),
            note: note.get_untracked().trim().to_string(),
        };
        // The checks stored data goes through, so nothing is saved that a reload would refuse
        // (a pasted essay as the note).
        let mut would_be = items.get_untracked();
        would_be.push(d.clone());
        if let Err(e) = checked(would_be) {
            form_error.set(Some(e.to_string()));
            return;
        }
        form_error.set(None);
        store.edit(&id(), move |c| c.deliverables.items.push(d));
        title.set(String::new());
        note.set(String::new());
        month.set(Month::of(date));
        focus.set(date);
    };

    let go_month = move |m: Month| {
        month.set(m);
        if let Some(d) = m.clamp(focus.get_untracked().day()) {
            focus.set(d);
        }
    };
    let on_key = move |ev: KeyboardEvent| {
        let cur = focus.get_untracked();
        let n = cur.day_number();
        let wd = i64::from(cur.weekday());
        let next = match ev.key().as_str() {
            "ArrowLeft" => Date::from_day_number(n - 1),
            "ArrowRight" => Date::from_day_number(n + 1),
            "ArrowUp" => Date::from_day_number(n - 7),
            "ArrowDown" => Date::from_day_number(n + 7),
            "Home" => Date::from_day_number(n - wd),
            "End" => Date::from_day_number(n + 6 - wd),
            "PageUp" => Month::of(cur).previous().clamp(cur.day()),
            "PageDown" => Month::of(cur).next().clamp(cur.day()),
            "Enter" | " " => {
                ev.prevent_default();
                date_text.set(cur.to_string());
                form_error.set(None);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        if let Some(d) = next {
            focus.set(d);
            if Month::of(d) != month.get_untracked() {
                month.set(Month::of(d));
            }
            focus_day_cell(d);
        }
    };
    let grid = move || {
        let m = month.get();
        let list = names.get();
        items.with(|all| {
            month_grid(m, all, day)
                .into_iter()
                .map(|week| {
                    let cells = week
                        .into_iter()
                        .map(|cell| {
                            let date = cell.date;
                            let late = cell.items.iter().any(|d| !d.is_met() && date < day);
                            let count = cell.items.len();
                            let spoken = if count == 0 {
                                long_date(date)
                            } else {
                                format!(
                                    "{}, {}",
                                    long_date(date),
                                    plural(count, "deliverable", "deliverables")
                                )
                            };
                            let entries = cell
                                .items
                                .iter()
                                .map(|d| {
                                    let overdue = !d.is_met() && date < day;
                                    let text = format!(
                                        "{}{}",
                                        title_of(&list, d),
                                        if overdue { " (overdue)" } else { "" }
                                    );
                                    view! {
                                        <li
                                            class=format!("cal-item state-{}", d.state.id())
                                            class:overdue=overdue
                                        >
                                            {text}
                                        </li>
                                    }
                                })
                                .collect_view();
                            view! {
                                <td
                                    id=format!("cal-day-{date}")
                                    tabindex=move || if focus.get() == date { "0" } else { "-1" }
                                    aria-selected=move || (focus.get() == date).to_string()
                                    class:outside=!cell.in_month
                                    class:today=cell.is_today
                                    class:late=late
                                    on:click=move |_| focus.set(date)
                                    // However the cell got focus (Tab, a click, a script), the
                                    // keys move from it.
                                    on:focus=move |_| focus.set(date)
                                >
                                    <span class="cal-num" aria-hidden="true">
                                        {date.day()}
                                    </span>
                                    <span class="visually-hidden">{spoken}</span>
                                    {(count > 0)
                                        .then(|| view! { <ul class="cal-items">{entries}</ul> })}
                                </td>
                            }
                        })
                        .collect_view();
                    view! { <tr>{cells}</tr> }
                })
                .collect_view()
        })
    };

    // The list, in date order.
    let sorted_ids = Memo::new(move |_| {
        items.with(|all| {
            let mut v: Vec<(Option<Date>, String)> =
                all.iter().map(|d| (d.date, d.id.clone())).collect();
            v.sort();
            v.into_iter().map(|(_, i)| i).collect::<Vec<_>>()
        })
    });
    let list_row = move |did: String| {
        let did = StoredValue::new(did);
        let item = Memo::new(move |_| {
            items.with(|all| all.iter().find(|d| did.with_value(|i| &d.id == i)).cloned())
        });
        let select_id = did.with_value(|i| format!("deliverable-{i}-state"));
        let what = move || {
            let list = names.get();
            item.with(|d| {
                d.as_ref().map(|d| {
                    format!(
                        "{} on {}",
                        title_of(&list, d),
                        d.date.map(|x| x.to_string()).unwrap_or_default()
                    )
                })
            })
            .unwrap_or_default()
        };
        let late = move || {
            item.with(|d| {
                d.as_ref().and_then(|d| {
                    let n = d.date?.days_until(day);
                    (n > 0 && !d.is_met()).then_some(n)
                })
            })
        };
        let date_text = move || {
            item.with(|d| d.as_ref().and_then(|d| d.date))
                .map(|x| x.to_string())
                .unwrap_or_default()
        };
        view! {
            <tr class:overdue=move || late().is_some()>
                <td>{date_text}</td>
                <td>
                    {move || {
                        let list = names.get();
                        item.with(|d| {
                            d.as_ref().map(|d| name_in(&list, &d.creator_id)).unwrap_or_default()
                        })
                    }}
                </td>
                <td>
                    {move || {
                        item.with(|d| d.as_ref().map(|d| d.name().to_string()).unwrap_or_default())
                    }}
                </td>
                <td>
                    <label class="visually-hidden" for=select_id.clone()>
                        {move || format!("State of {}", what())}
                    </label>
                    <select
                        id=select_id
                        on:change=move |ev| {
                            if let Some(s) = <State as crate::domain::text::choice::Choice>::parse(
                                &event_target_value(&ev),
                            ) {
                                let target = did.get_value();
                                store
                                    .edit(
                                        &id(),
                                        move |c| {
                                            if let Some(d) = c
                                                .deliverables
                                                .items
                                                .iter_mut()
                                                .find(|d| d.id == target)
                                            {
                                                d.state = s;
                                            }
                                        },
                                    );
                            }
                        }
                    >
                        {State::ALL
                            .into_iter()
                            .map(|s| {
                                view! {
                                    <option
                                        value=s.id()
                                        prop:selected=move || {
                                            item.with(|d| d.as_ref().is_some_and(|d| d.state == s))
                                        }
                                    >
                                        {s.label()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    {move || {
                        late()
                            .map(|n| {
                                view! {
                                    <span class="overdue-note">
                                        {format!(" overdue {}", plural(n as usize, "day", "days"))}
                                    </span>
                                }
                            })
                    }}
                </td>
                <td class="cal-note">
                    {move || item.with(|d| d.as_ref().map(|d| d.note.clone()).unwrap_or_default())}
                </td>
                <td>
                    <button
                        type="button"
                        class="secondary"
                        aria-label=move || format!("Remove {}", what())
                        on:click=move |_| {
                            let target = did.get_value();
                            store
                                .edit(
                                    &id(),
                                    move |c| c.deliverables.items.retain(|d| d.id != target),
                                );
                        }
                    >
                        "Remove"
                    </button>
                </td>
            </tr>
        }
    };

    // Downloads.
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let download = move |ext: &'static str| {
        let all = creators.get_untracked();
        let made = campaign.with_untracked(|c| {
            c.as_ref().map(|c| {
                let text = if ext == "ics" {
                    ics(c, &all, now_ms())
                } else {
                    deliverables_csv(c, &all, day)
                };
                (format!("deliverables-{}.{ext}", slug(&c.name)), text)
            })
        });
        let Some((file, text)) = made else { return };
        let mime = if ext == "ics" {
            "text/calendar"
        } else {
            "text/csv"
        };
        outcome.set(Some(
            download_text(&file, mime, &text).map(|()| format!("Downloaded {file}.")),
        ));
    };
    let empty = move || items.with(Vec::is_empty);

    view! {
        <Part
            id="campaign-calendar-title"
            class="campaign-calendar"
            title="Deliverables calendar"
            intro="What each creator owes and when: drafts, approvals, posts going live, the end of usage rights. Download it into Google Calendar or Outlook as an .ics file."
            intro_class="campaign-form"
        >
            <AddForm
                class="deliverable-form"
                label="Add a deliverable"
                error_id="deliverable-error"
                error=form_error
                submit="Add deliverable"
                on_submit=add
            >
                <CreatorSelect
                    id="deliverable-creator"
                    label="Creator"
                    options=names
                    chosen=who
                    none=("", "Whole campaign")
                />
                <ChoiceSelect
                    id="deliverable-kind"
                    label="Deliverable"
                    choices=&Kind::ALL
                    value=kind
                    on_pick=move |k: Kind| kind.set(k)
                >
                    {move || match kind.get() {
                        Kind::DraftDue => "Met once the draft is submitted.",
                        Kind::Approval => "Met once it is approved.",
                        Kind::GoLive => "Met once the post is live.",
                        Kind::UsageRightsEnd => {
                            "The day the brand must stop using the content; met once marked done."
                        }
                        Kind::Custom => "Give it a title; met once marked done.",
                    }}
                </ChoiceSelect>
                <TextField
                    id="deliverable-title"
                    label=Signal::derive(move || {
                        if kind.get() == Kind::Custom {
                            "Title".to_string()
                        } else {
                            "Title (optional)".to_string()
                        }
                    })
                    value=title
                />
                <TextField
                    id="deliverable-date"
                    label="Date"
                    value=date_text
                    placeholder="2026-05-01"
                />
                <ChoiceSelect
                    id="deliverable-state"
                    label="State"
                    choices=&State::ALL
                    value=state
                    on_pick=move |s: State| state.set(s)
                />
                <TextField id="deliverable-note" label="Note (optional)" value=note rows=2 />
            </AddForm>
            <div class="button-row cal-modes" role="group" aria-label="Show the deliverables as">
                {[(Mode::Month, "Month"), (Mode::List, "List")]
                    .into_iter()
                    .map(|(m, label)| {
                        view! {
                            <button
                                type="button"
                                class="button"
                                aria-pressed=move || (mode.get() == m).to_string()
                                on:click=move |_| mode.set(m)
                            >
                                {label}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <Show when=move || mode.get() == Mode::Month>
                <div class="cal-month">
                    <div class="cal-nav">
                        {nav_button(
                            "‹ Previous month",
                            move || go_month(month.get_untracked().previous()),
                        )} <h5 id="cal-month-label" aria-live="polite">
                            {move || month.get().label()}
                        </h5>
                        {nav_button(
                            "Next month ›",
                            move || go_month(month.get_untracked().next()),
                        )}
                        {nav_button(
                            "This month",
                            move || {
                                month.set(Month::of(day));
                                focus.set(day);
                            },
                        )}
                    </div>
                    <table
                        role="grid"
                        class="cal-grid"
                        aria-labelledby="cal-month-label"
                        aria-describedby="cal-keys"
                        on:keydown=on_key
                    >
                        <thead>
                            <tr>
                                {WEEKDAYS
                                    .iter()
                                    .map(|(short, full)| {
                                        view! {
                                            <th scope="col" abbr=*full>
                                                {*short}
                                            </th>
                                        }
                                    })
                                    .collect_view()}
                            </tr>
                        </thead>
                        <tbody>{grid}</tbody>
                    </table>
                    <p id="cal-keys" class="help">
                        "Arrow keys move between days, Page Up and Page Down between months, Home and End to the ends of the week; Enter puts the day into the form's date."
                    </p>
                </div>
            </Show>
            <Show when=move || mode.get() == Mode::List>
                <Show
                    when=move || !empty()
                    fallback=|| placeholder("No deliverables yet: add the first above.")
                >
                    <table class="money-table cal-list">
                        <caption>"Deliverables by date"</caption>
                        {column_heads_and_actions(
                            &["Date", "Creator", "Deliverable", "State", "Note"],
                        )}
                        <tbody>
                            <For each=move || sorted_ids.get() key=|i| i.clone() let:did>
                                {list_row(did)}
                            </For>
                        </tbody>
                    </table>
                </Show>
            </Show>
            <div class="button-row campaign-form">
                {[("ics", "Download .ics (calendar)"), ("csv", "Download CSV")]
                    .into_iter()
                    .map(|(ext, label)| {
                        view! {
                            <button
                                type="button"
                                class="button"
                                disabled=empty
                                on:click=move |_| download(ext)
                            >
                                {label}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="status campaign-form" role="status">
                {move || download_outcome(outcome.get())}
            </p>
        </Part>
    }
}
