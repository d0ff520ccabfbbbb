//! The banners for stored data that could not be used: a list (the shortlist, campaigns), with
//! what happened, the stored text as a download, and "Start fresh" only after an explicit
//! confirmation; and a setting (thresholds, settings), with the defaults in use meanwhile.

use leptos::prelude::*;

use crate::ui::state::list::{ListNames, ListStore, Records};
use crate::ui::state::value::{Notice, Setting, ValueStore};
use crate::ui::state::StoreProblem;
use crate::ui::widgets::files::{download_outcome, download_stored};

/// The banner for a stored list (the shortlist, campaigns) that could not be used: what happened,
/// the stored text as a download, and "Start fresh" only after an explicit confirmation, worded
/// with the list's names (`ListNames`); `export`, when given, offers the workspace export while
/// nothing can be saved. The ids are derived from the list's `what`, so each list's banner is
/// unique on the page.
#[component]
pub fn StoredDataBanner<C: Records>(
    store: ListStore<C>,
    #[prop(optional)] export: Option<Callback<()>>,
) -> impl IntoView {
    let ListNames { what, was, items } = C::SPEC.names;
    let problem = store.problem;
    let start_fresh = move || store.start_fresh();
    let dismiss = move || store.dismiss_problem();
    let confirming = RwSignal::new(false);
    let message = RwSignal::new(None::<Result<String, String>>);
    let start_fresh_ref = NodeRef::<leptos::html::Button>::new();
    let cancel_ref = NodeRef::<leptos::html::Button>::new();
    let title_id = format!("{what}-start-fresh-title");
    let text_id = format!("{what}-start-fresh-text");
    let outcome = move || download_outcome(message.get());
    let banner = move || {
        problem.get().map(|p| {
            let download = p.raw().map(str::to_string).map(|raw| {
                view! {
                    <button
                        type="button"
                        class="secondary"
                        on:click=move |_| message.set(Some(download_stored(what, &raw)))
                    >
                        "Download the stored data"
                    </button>
                }
            });
            let (class, title, detail) = match &p {
                StoreProblem::Unavailable { .. } => (
                    "banner danger",
                    "Nothing will be saved".to_string(),
                    String::new(),
                ),
                StoreProblem::Blocked { .. } => (
                    "banner danger",
                    format!("Your saved {what} {was} not loaded"),
                    format!("The stored data is left exactly as it is. You can still work here; your {items} are kept in this tab only until you choose what to do."),
                ),
                StoreProblem::Dropped { .. } => (
                    "banner warn",
                    format!("Some saved {items} could not be loaded"),
                    "The next save stores the list without them; download the stored data first to keep a copy.".to_string(),
                ),
            };
            let records = match &p {
                StoreProblem::Dropped { records, .. } => records.clone(),
                _ => Vec::new(),
            };
            let action = match &p {
                StoreProblem::Blocked { .. } => Some(
                    view! {
                        <button
                            type="button"
                            class="secondary"
                            node_ref=start_fresh_ref
                            aria-expanded=move || confirming.get().to_string()
                            on:click=move |_| {
                                confirming.set(true);
                                request_animation_frame(move || {
                                    if let Some(Some(b)) = cancel_ref.try_get_untracked() {
                                        let _ = b.focus();
                                    }
                                });
                            }
                        >
                            "Start fresh…"
                        </button>
                    }
                    .into_any(),
                ),
                StoreProblem::Dropped { .. } => Some(
                    view! {
                        <button type="button" class="secondary" on:click=move |_| dismiss()>
                            "Dismiss"
                        </button>
                    }
                    .into_any(),
                ),
                StoreProblem::Unavailable { .. } => export.map(|export| {
                    view! {
                        <button type="button" class="secondary" on:click=move |_| export.run(())>
                            "Export workspace (JSON)"
                        </button>
                    }
                    .into_any()
                }),
            };
            view! {
                <div class=class role="alert">
                    <p class="banner-title">{title}</p>
                    <p>{p.message().to_string()}</p>
                    {(!detail.is_empty()).then(|| view! { <p>{detail}</p> })}
                    {(!records.is_empty())
                        .then(|| {
                            view! {
                                <ul class="dropped">
                                    {records
                                        .into_iter()
                                        .map(|r| view! { <li>{r}</li> })
                                        .collect_view()}
                                </ul>
                            }
                        })}
                    <div class="button-row">{download} {action}</div>
                </div>
            }
        })
    };
    let confirm = move || {
        let blocked = matches!(problem.get(), Some(StoreProblem::Blocked { .. }));
        let (title_id, text_id) = (title_id.clone(), text_id.clone());
        let (title_ref, text_ref) = (title_id.clone(), text_id.clone());
        (blocked && confirming.get()).then(|| {
            view! {
                <div
                    class="banner confirm"
                    role="alertdialog"
                    aria-labelledby=title_ref
                    aria-describedby=text_ref
                >
                    <p id=title_id class="banner-title">
                        "Replace the stored data?"
                    </p>
                    <p id=text_id>
                        {format!(
                            "Starting fresh overwrites the stored {items} with those in this tab. This can't be undone; download the stored data first if you may need it.",
                        )}
                    </p>
                    <div class="button-row">
                        <button
                            type="button"
                            class="danger"
                            on:click=move |_| {
                                confirming.set(false);
                                start_fresh();
                            }
                        >
                            "Yes, replace the stored data"
                        </button>
                        <button
                            type="button"
                            class="secondary"
                            node_ref=cancel_ref
                            on:click=move |_| {
                                confirming.set(false);
                                if let Some(b) = start_fresh_ref.get_untracked() {
                                    let _ = b.focus();
                                }
                            }
                        >
                            "Cancel"
                        </button>
                    </div>
                </div>
            }
        })
    };
    view! {
        {banner}
        {confirm}
        <p class="status" role="status">
            {outcome}
        </p>
    }
}

/// The banner for a stored setting (the risk thresholds, the settings) that could not be read:
/// the defaults are in use, the stored text is left as it is and can be downloaded, and the one
/// in use replaces it only when asked. Shown under every section, so a setting that silently fell
/// back to its defaults is never missed (regression: unreadable settings were not mentioned
/// anywhere, and changes to them were quietly not saved). `what` names it ("settings").
#[component]
pub fn StoredValueBanner<S: Setting>(store: ValueStore<S>, what: &'static str) -> impl IntoView {
    let message = RwSignal::new(None::<Result<String, String>>);
    let outcome = move || download_outcome(message.get());
    let slug = what.replace(' ', "-");
    move || match store.notice.get() {
        Notice::Blocked { message: why, raw } => {
            let slug = slug.clone();
            Some(view! {
                <div class="banner danger" role="alert">
                    <p class="banner-title">{format!("Your saved {what} are not in use")}</p>
                    <p>{why}</p>
                    <p>
                        {format!(
                            "The defaults are in use. The stored {what} are left exactly as they are; changes you make apply to this page only until you replace them.",
                        )}
                    </p>
                    <div class="button-row">
                        <button
                            type="button"
                            class="secondary"
                            on:click=move |_| message.set(Some(download_stored(&slug, &raw)))
                        >
                            "Download the stored data"
                        </button>
                        <button type="button" class="secondary" on:click=move |_| store.overwrite()>
                            {format!("Replace the stored {what} with the ones in use")}
                        </button>
                    </div>
                    <p class="status" role="status">
                        {outcome}
                    </p>
                </div>
            })
        }
        _ => None,
    }
}

/// A banner with a title over a message, shown while `text` holds one (a save that failed, an
/// edit that was refused); an alert, so a screen reader says it when it appears.
#[component]
pub fn MessageBanner(
    class: &'static str,
    title: &'static str,
    #[prop(into)] text: Signal<Option<String>>,
) -> impl IntoView {
    move || {
        text.get().map(|m| {
            view! {
                <div class=class role="alert">
                    <p class="banner-title">{title}</p>
                    <p>{m}</p>
                </div>
            }
        })
    }
}
