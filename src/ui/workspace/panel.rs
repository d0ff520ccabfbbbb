//! The Workspace panel under every section: export the whole workspace, import (restore) a
//! workspace file, and keep the workspace in a file on disk where the browser allows it.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::io::workspace::import_workspace;
use crate::storage::file::{self, FileError};
use crate::ui::state::workspace::Stores;
use crate::ui::widgets::files::{chosen_file, download_outcome, read_text};
use crate::ui::widgets::section::{Depth, Section};
use crate::ui::workspace::export::ExportWorkspaceButton;
use crate::ui::workspace::file_sync::{Binding, FileSync};
use crate::ui::workspace::restore::{Outcome, Pending, RestoreDialog};

/// Why there is no "Save to a file…" here, in a browser without the File System Access API.
pub const NO_FILE_API: &str = "This browser (Firefox and Safari among them) can't keep a file on your disk in step with the page: it lacks the File System Access API that Chrome and Edge have. Use “Export workspace” and “Import workspace” with the same file instead: save it into a folder your team syncs, and import it when a teammate changed it.";

/// "Save to a file…", for the Workspace panel and the quota banner; nothing where the browser
/// can't keep a file (the export buttons beside it are the way out there).
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

#[component]
pub fn WorkspacePanel() -> impl IntoView {
    let stores = Stores::here();
    let sync = FileSync::here();
    let supported = file::supported() && sync.is_some();
    let pending = RwSignal::new_local(None::<Pending>);
    let outcome = RwSignal::new(None::<Outcome>);
    let error = RwSignal::new(None::<String>);
    let exported = RwSignal::new(None::<Result<String, String>>);
    let input_ref = NodeRef::<leptos::html::Input>::new();

    let opened = move |text: String, file_name: String, handle| match import_workspace(&text) {
        Err(e) => error.set(Some(format!("{file_name}: {e}"))),
        Ok(import) => pending.set(Some(Pending {
            import,
            file_name,
            handle,
        })),
    };
    let clear = move || {
        error.set(None);
        outcome.set(None);
        exported.set(None);
    };

    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(chosen) = chosen_file(&input) else {
            return;
        };
        clear();
        // The same file can be chosen again after a change.
        input.set_value("");
        let file_name = chosen.name();
        spawn_local(async move {
            match read_text(&chosen).await {
                Ok(text) => opened(text, file_name, None),
                Err(e) => error.set(Some(format!("{file_name}: {e}"))),
            }
        });
    };

    let open_file = move |_| {
        clear();
        spawn_local(async move {
            let handle = match file::pick_open().await {
                Ok(h) => h,
                Err(FileError::Cancelled) => return,
                Err(e) => return error.set(Some(format!("The file could not be opened: {e}."))),
            };
            let name = file::name(&handle);
            match file::read(&handle).await {
                Ok(read) => opened(read.text, name, Some((handle, read.last_modified))),
                Err(e) => error.set(Some(format!("{name} could not be read: {e}."))),
            }
        });
    };

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

    let file_part = if supported {
        view! {
            <p class="help">
                "Keep the workspace in a file: choose where to save it, and every change is written there. Put it in a folder that Dropbox, OneDrive or Google Drive's desktop app syncs and your team works on the same file."
            </p>
            <div class="button-row">
                <SaveToFileButton />
                <button type="button" class="secondary" on:click=open_file>
                    "Open a file…"
                </button>
            </div>
            {binding_view}
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
            <div class="button-row">
                <ExportWorkspaceButton label="Export workspace (JSON)" message=exported />
            </div>
            <div class="field">
                <label for="workspace-file">"Import workspace (.json)"</label>
                <input
                    id="workspace-file"
                    type="file"
                    accept=".json,application/json"
                    node_ref=input_ref
                    aria-describedby="workspace-file-help"
                    on:change=on_file
                />
                <p id="workspace-file-help" class="help">
                    "A file made with “Export workspace”. You see what it holds and choose, for each part, to merge, replace or keep yours before anything changes."
                </p>
            </div>
            {file_part}
            <p class="error" role="alert">
                {move || error.get()}
            </p>
            <div class="status" role="status">
                <p>{move || download_outcome(exported.get())}</p>
                <p>{move || sync.and_then(|s| s.note.get())}</p>
                {move || {
                    outcome
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
            <RestoreDialog pending=pending outcome=outcome stores=stores sync=sync />
        </Section>
    }
}
