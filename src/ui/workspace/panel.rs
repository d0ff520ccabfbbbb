//! The Workspace panel under every section: export the whole workspace, import (restore) a
//! workspace file, and keep the workspace in a file on disk where the browser allows it.
//!
//! The panel is in two halves so that a first visit does not download what only its buttons need.
//! `WorkspacePanel` (the main module) draws the heading, the buttons and the status lines, and
//! turns each click into a [`Request`]; `WorkspaceLive` (the `workspace` module,
//! `ui::app::sections::workspace_live`) carries the requests out: the workspace file's writer and
//! reader, the restore dialog and the binding to a file on disk. It is fetched on the first
//! interaction with the panel (a pointer over it, focus in it, a click). The file pickers are
//! opened by the click itself, in the main module, so the browser's user activation (a few
//! seconds) never runs out while the module downloads; the picked file is handed over with the
//! request. A request made before the module is in waits in the queue, so no click is lost.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::io::workspace::import_workspace;
use crate::storage::file::{self, FileError, FileHandle};
use crate::ui::app::clock::now_ms;
use crate::ui::app::lazy::lazy_view;
use crate::ui::app::sections;
use crate::ui::state::lazy::Lazy;
use crate::ui::state::workspace::Stores;
use crate::ui::state::{SettingsStore, ThresholdsStore};
use crate::ui::widgets::banners::StoredValueBanner;
use crate::ui::widgets::files::{chosen_file, download_outcome, read_text};
use crate::ui::widgets::section::{Depth, Section};
use crate::ui::workspace::export::{download_workspace, file_name};
use crate::ui::workspace::file_sync::{chosen_error, Binding, FileSync};
use crate::ui::workspace::restore::{Outcome, Pending, RestoreDialog};

/// Why there is no "Save to a file…" here, in a browser without the File System Access API.
pub const NO_FILE_API: &str = "This browser (Firefox and Safari among them) can't keep a file on your disk in step with the page: it lacks the File System Access API that Chrome and Edge have. Use “Export workspace” and “Import workspace” with the same file instead: save it into a folder your team syncs, and import it when a teammate changed it.";

/// "Save to a file…", for the quota banner; nothing where the browser can't keep a file (the
/// export buttons beside it are the way out there).
#[component]
pub fn SaveToFileButton(#[prop(optional)] label: Option<&'static str>) -> impl IntoView {
    let sync = FileSync::here().filter(|_| file::supported());
    let label = label.unwrap_or("Save to a file…");
    sync.map(|sync| {
        view! {
            <button type="button" on:click=move |_| sync.save_to_file()>
                {label}
            </button>
        }
    })
}

/// What a click in the panel asks of the `workspace` module.
pub enum Request {
    /// "Export workspace (JSON)".
    Export,
    /// A workspace file's text, chosen with "Import workspace" or "Open a file…" (then with its
    /// handle and last-modified time, bound once restored).
    Opened {
        text: String,
        file_name: String,
        handle: Option<(FileHandle, f64)>,
    },
    /// "Save to a file…": the file the user picked.
    SaveTo(FileHandle),
}

/// The panel's state, owned by its main-module half; `Copy`, so it crosses into the module.
#[derive(Clone, Copy)]
pub struct Shell {
    queue: StoredValue<Vec<Request>, LocalStorage>,
    /// Bumped by every request: what `WorkspaceLive` follows.
    asked: RwSignal<u32>,
    /// Set on the first interaction: the `workspace` module is then fetched and shown.
    live: RwSignal<bool>,
    pub error: RwSignal<Option<String>>,
    pub exported: RwSignal<Option<Result<String, String>>>,
    pub outcome: RwSignal<Option<Outcome>>,
    /// The file binding's last note (saved, merged, why a step failed).
    pub note: RwSignal<Option<String>>,
}

impl Shell {
    fn new() -> Shell {
        Shell {
            queue: StoredValue::new_local(Vec::new()),
            asked: RwSignal::new(0),
            live: RwSignal::new(false),
            error: RwSignal::new(None),
            exported: RwSignal::new(None),
            outcome: RwSignal::new(None),
            note: RwSignal::new(None),
        }
    }

    /// Fetches the `workspace` module (once: later calls change nothing).
    fn warm(&self) {
        if !self.live.get_untracked() {
            self.live.set(true);
        }
    }

    fn ask(&self, request: Request) {
        self.queue.update_value(|q| q.push(request));
        self.asked.update(|n| *n += 1);
        self.warm();
    }

    /// The requests not yet carried out, oldest first.
    fn take(&self) -> Vec<Request> {
        self.queue
            .try_update_value(std::mem::take)
            .unwrap_or_default()
    }

    fn clear(&self) {
        self.error.set(None);
        self.outcome.set(None);
        self.exported.set(None);
    }
}

#[component]
pub fn WorkspacePanel() -> impl IntoView {
    let shell = Shell::new();
    // Where a binding could live (`FileSync::here`): inside `App`, or a test that provides one.
    let can_bind = use_context::<FileSync>().is_some() || use_context::<Lazy<FileSync>>().is_some();
    let supported = file::supported() && can_bind;

    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(chosen) = chosen_file(&input) else {
            return;
        };
        shell.clear();
        // The same file can be chosen again after a change.
        input.set_value("");
        let file_name = chosen.name();
        spawn_local(async move {
            match read_text(&chosen).await {
                Ok(text) => shell.ask(Request::Opened {
                    text,
                    file_name,
                    handle: None,
                }),
                Err(e) => shell.error.set(Some(format!("{file_name}: {e}"))),
            }
        });
    };

    // The pickers open here, at the click (they need its user activation).
    let open_file = move |_| {
        shell.clear();
        shell.warm();
        spawn_local(async move {
            let handle = match file::pick_open().await {
                Ok(h) => h,
                Err(FileError::Cancelled) => return,
                Err(e) => {
                    return shell
                        .error
                        .set(Some(format!("The file could not be opened: {e}.")))
                }
            };
            let name = file::name(&handle);
            match file::read(&handle).await {
                Ok(read) => shell.ask(Request::Opened {
                    text: read.text,
                    file_name: name,
                    handle: Some((handle, read.last_modified)),
                }),
                Err(e) => shell
                    .error
                    .set(Some(format!("{name} could not be read: {e}."))),
            }
        });
    };
    let save_to_file = move |_| {
        shell.warm();
        spawn_local(async move {
            match file::pick_save(&file_name(now_ms())).await {
                Ok(handle) => shell.ask(Request::SaveTo(handle)),
                Err(FileError::Cancelled) => {}
                Err(e) => shell.note.set(Some(chosen_error(&e))),
            }
        });
    };

    let file_part = if supported {
        view! {
            <p class="help">
                "Keep the workspace in a file: choose where to save it, and every change is written there. Put it in a folder that Dropbox, OneDrive or Google Drive's desktop app syncs and your team works on the same file."
            </p>
            <div
                class="button-row"
                on:pointerover=move |_| shell.warm()
                on:focusin=move |_| shell.warm()
            >
                <button type="button" on:click=save_to_file>
                    "Save to a file…"
                </button>
                <button type="button" class="secondary" on:click=open_file>
                    "Open a file…"
                </button>
            </div>
        }
        .into_any()
    } else {
        view! { <p class="help">{NO_FILE_API}</p> }.into_any()
    };

    view! {
        <Section
            id="workspace-title"
            class="panel workspace"
            depth=Depth::Panel
            title="Workspace"
            intro="One file holds everything you made here: every creator with their dossier, every campaign with its checklist, plan and tracked results, your risk thresholds and settings. Nothing is sent anywhere."
        >
            {use_context::<SettingsStore>()
                .map(|s| view! { <StoredValueBanner store=s what="settings" /> })}
            {use_context::<ThresholdsStore>()
                .map(|t| view! { <StoredValueBanner store=t what="risk thresholds" /> })}
            <div
                class="button-row"
                on:pointerover=move |_| shell.warm()
                on:focusin=move |_| shell.warm()
            >
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| {
                        shell.clear();
                        shell.ask(Request::Export);
                    }
                >
                    "Export workspace (JSON)"
                </button>
            </div>
            <div
                class="field"
                on:pointerover=move |_| shell.warm()
                on:focusin=move |_| shell.warm()
            >
                <label for="workspace-file">"Import workspace (.json)"</label>
                <input
                    id="workspace-file"
                    type="file"
                    accept=".json,application/json"
                    aria-describedby="workspace-file-help"
                    on:change=on_file
                />
                <p id="workspace-file-help" class="help">
                    "A file made with “Export workspace”. You see what it holds and choose, for each part, to merge, replace or keep yours before anything changes."
                </p>
            </div>
            {file_part}
            {move || {
                shell
                    .live
                    .get()
                    .then(|| {
                        lazy_view(
                            "workspace",
                            "the Workspace panel",
                            move || sections::with_shortlist(sections::workspace_live(shell)),
                        )
                    })
            }}
            <p class="error" role="alert">
                {move || shell.error.get()}
            </p>
            <div class="status" role="status">
                <p>{move || download_outcome(shell.exported.get())}</p>
                <p>{move || shell.note.get()}</p>
                {move || {
                    shell
                        .outcome
                        .get()
                        .map(|o| {
                            view! {
                                <p>{o.title}</p>
                                <ul class="restore-report">
                                    {o
                                        .lines
                                        .into_iter()
                                        .map(|l| view! { <li>{l}</li> })
                                        .collect_view()}
                                </ul>
                            }
                        })
                }}
            </div>
        </Section>
    }
}

/// The panel's working half (the `workspace` module): carries out the requests `shell` queues,
/// and shows the binding to a file on disk and the restore dialog.
#[component]
pub fn WorkspaceLive(shell: Shell) -> impl IntoView {
    let stores = Stores::here();
    let sync = FileSync::here();
    let pending = RwSignal::new_local(None::<Pending>);
    if let Some(sync) = sync {
        Effect::new(move || shell.note.set(sync.note.get()));
    }
    Effect::new(move || {
        shell.asked.track();
        for request in shell.take() {
            match request {
                Request::Export => shell.exported.set(Some(download_workspace(stores))),
                Request::Opened {
                    text,
                    file_name,
                    handle,
                } => match import_workspace(&text) {
                    Err(e) => shell.error.set(Some(format!("{file_name}: {e}"))),
                    Ok(import) => pending.set(Some(Pending {
                        import,
                        file_name,
                        handle,
                    })),
                },
                Request::SaveTo(handle) => {
                    if let Some(sync) = sync {
                        sync.save_to_handle(handle);
                    }
                }
            }
        }
    });

    let binding_view = move || {
        let sync = sync?;
        let view = match sync.binding.get() {
            Binding::None => return None,
            Binding::Bound { name } => view! {
                <p>
                    {format!(
                        "Kept in {name}: changes here are written to it, and changes made to it elsewhere are merged in when you come back to this page. After a reload, open it again with “Open a file…”.",
                    )}
                </p>
                <div class="button-row">
                    <button type="button" class="secondary" on:click=move |_| sync.unbind()>
                        "Stop keeping it in the file"
                    </button>
                </div>
            }
            .into_any(),
            Binding::Paused { name, .. } => view! {
                <p class="error">{format!("Paused: nothing is written to {name}.")}</p>
                <div class="button-row">
                    <button type="button" on:click=move |_| sync.retry()>
                        "Try the file again"
                    </button>
                    <button type="button" class="secondary" on:click=move |_| sync.unbind()>
                        "Stop keeping it in the file"
                    </button>
                </div>
            }
            .into_any(),
        };
        Some(view! { <div class="workspace-binding">{view}</div> })
    };

    view! {
        {binding_view}
        <RestoreDialog pending=pending outcome=shell.outcome stores=stores sync=sync />
    }
}
