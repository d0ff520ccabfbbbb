//! The banners for stored data that could not be used: a list (the shortlist, campaigns), with
//! what happened, the stored text as a download, and "Start fresh" only after an explicit
//! confirmation; and a setting (thresholds, settings), with the defaults in use meanwhile.

use leptos::prelude::*;

use crate::domain::text::date::Date;
use crate::ui::state::list::{ListNames, ListStore, Records};
use crate::ui::state::value::{Notice, Setting, ValueStore};
use crate::ui::state::StoreProblem;
use crate::ui::widgets::files::{download_outcome, download_stored};

/// What the banner asks before it acts: each choice that cannot be undone is confirmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ask {
    /// "Start fresh": replace stored data this version could not read.
    StartFresh,
    /// "Save without them": no copy of the unread records could be kept aside.
    SaveWithout,
    /// "Remove the kept copy".
    RemoveKept,
}

impl Ask {
    /// The question's title, text and the button that says yes.
    fn words(self, what: &str, items: &str) -> (&'static str, String, &'static str) {
        match self {
            Ask::StartFresh => (
                "Replace the stored data?",
                format!("Starting fresh overwrites the stored {items} with those in this tab. This can't be undone; download the stored data first if you may need it."),
                "Yes, replace the stored data",
            ),
            Ask::SaveWithout => (
                "Save without them?",
                format!("The next save stores the {what} without the {items} that could not be loaded. This can't be undone; download the stored data first if you may need them."),
                "Yes, save without them",
            ),
            Ask::RemoveKept => (
                "Remove the kept copy?",
                format!("The copy of your saved {what} kept aside in this browser is deleted. This can't be undone; download it first if you may need it."),
                "Yes, remove the kept copy",
            ),
        }
    }
}

/// The banner for a stored list (the shortlist, campaigns) that could not be used in full: what
/// happened, the stored text as a download, and every choice that cannot be undone ("Start
/// fresh", "Save without them", "Remove the kept copy") only after an explicit confirmation;
/// worded with the list's names (`ListNames`). Records that could not be loaded are kept aside
/// in this browser (`storage::aside`), and a later visit says so until the copy is removed.
/// `export`, when given, offers the workspace export while nothing can be saved. The ids are
/// derived from the list's `what`, so each list's banner is unique on the page.
#[component]
pub fn StoredDataBanner<C: Records>(
    store: ListStore<C>,
    #[prop(optional)] export: Option<Callback<()>>,
) -> impl IntoView {
    let ListNames { what, was, items } = C::SPEC.names;
    let problem = store.problem;
    let asking = RwSignal::new(None::<Ask>);
    let message = RwSignal::new(None::<Result<String, String>>);
    let ask_ref = NodeRef::<leptos::html::Button>::new();
    let cancel_ref = NodeRef::<leptos::html::Button>::new();
    let title_id = format!("{what}-confirm-title");
    let text_id = format!("{what}-confirm-text");
    let outcome = move || download_outcome(message.get());
    // The button that asks: it gets the focus back when the question is cancelled.
    let ask_button = move |ask: Ask, label: &'static str| {
        view! {
            <button
                type="button"
                class="secondary"
                node_ref=ask_ref
                aria-expanded=move || (asking.get() == Some(ask)).to_string()
                on:click=move |_| {
                    asking.set(Some(ask));
                    request_animation_frame(move || {
                        if let Some(Some(b)) = cancel_ref.try_get_untracked() {
                            let _ = b.focus();
                        }
                    });
                }
            >
                {label}
            </button>
        }
        .into_any()
    };
    let dismiss = move || {
        view! {
            <button type="button" class="secondary" on:click=move |_| store.dismiss_problem()>
                "Dismiss"
            </button>
        }
        .into_any()
    };
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
                .into_any()
            });
            let (class, title, detail, records, actions) = match &p {
                StoreProblem::Unavailable { .. } => (
                    "banner danger",
                    "Nothing will be saved".to_string(),
                    String::new(),
                    Vec::new(),
                    export
                        .map(|export| {
                            view! {
                                <button
                                    type="button"
                                    class="secondary"
                                    on:click=move |_| export.run(())
                                >
                                    "Export workspace (JSON)"
                                </button>
                            }
                            .into_any()
                        })
                        .into_iter()
                        .collect::<Vec<_>>(),
                ),
                StoreProblem::Blocked { .. } => (
                    "banner danger",
                    format!("Your saved {what} {was} not loaded"),
                    format!("The stored data is left exactly as it is. You can still work here; your {items} are kept in this tab only until you choose what to do."),
                    Vec::new(),
                    vec![ask_button(Ask::StartFresh, "Start fresh…")],
                ),
                StoreProblem::Dropped { records, not_kept: None, .. } => (
                    "banner warn",
                    format!("Some saved {items} could not be loaded"),
                    format!("Nothing is lost: the {what} as it was stored, these {items} included, is kept aside in this browser, and saving goes on without them. Download the stored data to repair them or to ask for help."),
                    records.clone(),
                    vec![dismiss()],
                ),
                StoreProblem::Dropped { records, not_kept: Some(why), .. } => (
                    "banner danger",
                    format!("Some saved {items} could not be loaded"),
                    format!("A copy of them could not be kept aside ({why}), so nothing is saved until you choose. Download the stored data first, then save without them."),
                    records.clone(),
                    vec![ask_button(Ask::SaveWithout, "Save without them…")],
                ),
                StoreProblem::Kept { copies } => (
                    "banner warn",
                    format!("A copy of your saved {what} is kept aside"),
                    match copies {
                        Ok(_) => format!("Some saved {items} could not be loaded, so the {what} as it was stored was kept aside in this browser. It is not in the {what} or in an exported workspace file: download it to repair them or to ask for help, then remove it."),
                        Err(why) => format!("The copy kept aside could not be read ({why}). It is left as it is: download it, then remove it."),
                    },
                    copies
                        .iter()
                        .flatten()
                        .flat_map(|c| {
                            let day = Date::from_ms(c.kept_at)
                                .map_or_else(String::new, |d| format!("Kept {d}: "));
                            c.records.iter().map(move |r| format!("{day}{r}"))
                        })
                        .collect(),
                    vec![
                        view! {
                            <button
                                type="button"
                                class="secondary"
                                on:click=move |_| {
                                    message
                                        .set(
                                            Some(
                                                store
                                                    .kept_download()
                                                    .ok_or_else(|| "No copy is kept any more.".to_string())
                                                    .and_then(|text| {
                                                        download_stored(&format!("{what}-kept"), &text)
                                                    }),
                                            ),
                                        )
                                }
                            >
                                "Download the kept copy"
                            </button>
                        }
                            .into_any(),
                        ask_button(Ask::RemoveKept, "Remove the kept copy…"),
                        dismiss(),
                    ],
                ),
            };
            let message = p.message().to_string();
            view! {
                <div class=class role="alert">
                    <p class="banner-title">{title}</p>
                    {(!message.is_empty()).then(|| view! { <p>{message}</p> })}
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
                    {(!detail.is_empty()).then(|| view! { <p>{detail}</p> })}
                    <div class="button-row">{download} {actions}</div>
                </div>
            }
        })
    };
    let act = move |ask: Ask| {
        asking.set(None);
        match ask {
            Ask::StartFresh => store.start_fresh(),
            Ask::SaveWithout => store.save_without_unread(),
            Ask::RemoveKept => {
                if let Err(e) = store.remove_kept() {
                    message.set(Some(Err(format!(
                        "The kept copy could not be removed: {e}."
                    ))));
                }
            }
        }
    };
    let confirm = move || {
        let ask = asking.get()?;
        // The question only while its banner is up (another tab may have resolved it).
        let still = matches!(
            (ask, problem.get()),
            (Ask::StartFresh, Some(StoreProblem::Blocked { .. }))
                | (
                    Ask::SaveWithout,
                    Some(StoreProblem::Dropped {
                        not_kept: Some(_),
                        ..
                    })
                )
                | (Ask::RemoveKept, Some(StoreProblem::Kept { .. }))
        );
        let (title, text, yes) = ask.words(what, items);
        let (title_id, text_id) = (title_id.clone(), text_id.clone());
        let (title_ref, text_ref) = (title_id.clone(), text_id.clone());
        still.then(|| {
            view! {
                <div
                    class="banner confirm"
                    role="alertdialog"
                    aria-labelledby=title_ref
                    aria-describedby=text_ref
                >
                    <p id=title_id class="banner-title">
                        {title}
                    </p>
                    <p id=text_id>{text}</p>
                    <div class="button-row">
                        <button type="button" class="danger" on:click=move |_| act(ask)>
                            {yes}
                        </button>
                        <button
                            type="button"
                            class="secondary"
                            node_ref=cancel_ref
                            on:click=move |_| {
                                asking.set(None);
                                if let Some(b) = ask_ref.get_untracked() {
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
