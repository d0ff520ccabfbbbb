//! Keeping the workspace in a file the user picked (File System Access API, Chromium): every
//! change is written to it after a pause, and at once when the page is hidden; when the page comes
//! back and the file changed on disk (a teammate's edit through a synced folder), it is read and
//! merged before anything is written. A file that can't be read is never written over: the binding
//! pauses and says why. The handle lives as long as the page; after a reload the user opens the
//! file again.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::io::workspace::merge::Choices;
use crate::domain::io::workspace::{import_workspace, WorkspaceFile, WorkspaceImport};
use crate::storage::file::{self, FileError, FileHandle};
use crate::ui::app::clock::now_ms;
use crate::ui::state::lazy::Lazy;
use crate::ui::state::persisted::page_hidden;
use crate::ui::state::workspace::Stores;
use crate::ui::workspace::export::file_name;
use crate::ui::workspace::rules::{
    merged_note, next_step, paused_note, unread_note, Known, Step, FILE_SAVE_DELAY,
};

/// What the panel says when the save picker failed (not when it was closed).
pub fn chosen_error(e: &FileError) -> String {
    format!("The file could not be chosen: {e}.")
}

/// Where the binding stands, as the Workspace panel shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Binding {
    /// No file: the workspace lives in this browser only.
    None,
    /// Changes are written to the file named.
    Bound { name: String },
    /// The file could not be read or written: nothing is written until the user acts.
    Paused { name: String, why: String },
}

struct Book {
    handle: Option<FileHandle>,
    known: Known,
    timer: Option<TimeoutHandle>,
    /// A write or read is running; `again` asks for another pass when it ends.
    busy: bool,
    again: bool,
}

/// The page's file binding (`FileSync::here`). Cheap to copy.
#[derive(Clone, Copy)]
pub struct FileSync {
    stores: Stores,
    book: StoredValue<Book, LocalStorage>,
    pub binding: RwSignal<Binding>,
    /// The last thing worth saying: saved, merged from the file, or why a step failed.
    pub note: RwSignal<Option<String>>,
}

impl FileSync {
    /// The binding for `stores`: follows their changes and the page's visibility for as long as
    /// the current reactive owner lives.
    pub fn new(stores: Stores) -> FileSync {
        let this = FileSync {
            stores,
            book: StoredValue::new_local(Book {
                handle: None,
                known: Known::default(),
                timer: None,
                busy: false,
                again: false,
            }),
            binding: RwSignal::new(Binding::None),
            note: RwSignal::new(None),
        };
        // Any change in a store schedules a write (the first run only subscribes).
        Effect::new(move |first: Option<()>| {
            stores.track();
            if first.is_some() {
                this.schedule();
            }
        });
        let visibility = window_event_listener_untyped("visibilitychange", move |_| {
            if page_hidden() {
                this.flush();
            } else {
                this.sync();
            }
        });
        let focus = window_event_listener_untyped("focus", move |_| this.sync());
        let pagehide = window_event_listener_untyped("pagehide", move |_| this.flush());
        on_cleanup(move || {
            visibility.remove();
            focus.remove();
            pagehide.remove();
        });
        this
    }

    /// The page's binding: created on first use (the Workspace panel asks as soon as its module
    /// has loaded) under `App`'s owner through the `Lazy` handle `App` provides, so it lives as
    /// long as the page; `None` outside `App`. Kept out of `App` itself so that its code (the
    /// workspace file's writer and merge) is not in the main wasm module.
    /// A binding provided as it is (a test that mounts the panel alone) comes first.
    pub fn here() -> Option<FileSync> {
        use_context::<FileSync>().or_else(|| {
            use_context::<Lazy<FileSync>>().map(|lazy| lazy.get(|| FileSync::new(Stores::here())))
        })
    }

    fn name(&self) -> Option<String> {
        match self.binding.try_get_untracked()? {
            Binding::Bound { name } | Binding::Paused { name, .. } => Some(name),
            Binding::None => None,
        }
    }

    fn active(&self) -> bool {
        matches!(
            self.binding.try_get_untracked(),
            Some(Binding::Bound { .. })
        )
    }

    /// Writes after [`FILE_SAVE_DELAY`] without further changes.
    fn schedule(&self) {
        if !self.active() {
            return;
        }
        let this = *self;
        let timer = set_timeout_with_handle(move || this.sync(), FILE_SAVE_DELAY).ok();
        let old = self
            .book
            .try_update_value(|b| std::mem::replace(&mut b.timer, timer))
            .flatten();
        if let Some(old) = old {
            old.clear();
        }
    }

    /// Writes pending changes now (the page is being hidden or closed).
    pub fn flush(&self) {
        let pending = self.book.try_update_value(|b| b.timer.take()).flatten();
        if let Some(t) = pending {
            t.clear();
            self.sync();
        }
    }

    /// Binds `handle`, which holds `known` (what was just read from or written to it).
    fn bind(&self, handle: FileHandle, known: Known) {
        let name = file::name(&handle);
        self.book.update_value(|b| {
            b.handle = Some(handle);
            b.known = known;
        });
        self.binding.set(Binding::Bound { name });
    }

    fn pause(&self, why: String) {
        let name = self.name().unwrap_or_else(|| "The workspace file".into());
        self.pause_saying(paused_note(&name, &why), why);
    }

    /// Pauses with `note` said in full (`why`: the short reason the binding keeps).
    fn pause_saying(&self, note: String, why: String) {
        let name = self.name().unwrap_or_else(|| "The workspace file".into());
        self.note.set(Some(note));
        self.binding.set(Binding::Paused { name, why });
    }

    /// Pauses because the file holds what this build could not use, when it does: true then.
    fn pause_if_unread(&self, import: &WorkspaceImport) -> bool {
        let name = self.name().unwrap_or_else(|| "The workspace file".into());
        match unread_note(&name, import) {
            Some(note) => {
                self.pause_saying(note, "it holds entries this version could not use".into());
                true
            }
            None => false,
        }
    }

    /// Stops writing to the file (it stays as it is).
    pub fn unbind(&self) {
        if let Some(Some(t)) = self.book.try_update_value(|b| {
            b.handle = None;
            b.known = Known::default();
            b.timer.take()
        }) {
            t.clear();
        }
        self.binding.set(Binding::None);
        self.note.set(Some(
            "Stopped keeping the workspace in the file; it stays in this browser.".into(),
        ));
    }

    /// "Save to a file…": the user picks where; the workspace is written there and later changes
    /// follow.
    pub fn save_to_file(&self) {
        let this = *self;
        spawn_local(async move {
            match file::pick_save(&file_name(now_ms())).await {
                Ok(handle) => this.save_to_handle(handle),
                Err(FileError::Cancelled) => {}
                Err(e) => this.note.set(Some(chosen_error(&e))),
            }
        });
    }

    /// Writes the workspace to `handle`, a file the user picked (the Workspace panel asks the
    /// picker itself, while the click's user activation lasts, then hands the file over here);
    /// later changes follow.
    pub fn save_to_handle(&self, handle: FileHandle) {
        let this = *self;
        spawn_local(async move {
            let workspace = this.stores.current();
            let text = match WorkspaceFile::new(workspace.clone(), now_ms()).to_json() {
                Ok(t) => t,
                Err(e) => {
                    this.note.set(Some(e.to_string()));
                    return;
                }
            };
            match file::write(&handle, &text).await {
                Ok(modified) => {
                    let name = file::name(&handle);
                    this.bind(
                        handle,
                        Known {
                            last_modified: Some(modified),
                            workspace: Some(workspace),
                            extra: Default::default(),
                        },
                    );
                    this.note.set(Some(format!(
                        "Saved to {name}. Changes you make here are written to it from now on; after a reload, open it again with “Open a file…”."
                    )));
                }
                Err(e) => this.note.set(Some(format!(
                    "{} could not be written: {e}.",
                    file::name(&handle)
                ))),
            }
        });
    }

    /// Binds a file that was opened and restored (the restore dialog calls this once the user
    /// chose how to combine it); the stores' result is written back on the next pass if it
    /// differs from the file. A file holding something that could not be used is not written:
    /// the binding pauses and says what.
    pub fn bind_opened(&self, handle: FileHandle, last_modified: f64, import: WorkspaceImport) {
        self.bind(
            handle,
            Known {
                last_modified: Some(last_modified),
                workspace: Some(import.file.workspace.clone()),
                extra: import.file.extra.clone(),
            },
        );
        if !self.pause_if_unread(&import) {
            self.sync();
        }
    }

    /// Brings file and stores in step: merges the file first if it changed on disk, then writes
    /// what the stores hold if the file lacks it. One pass at a time; a request during a pass
    /// runs another after it.
    pub fn sync(&self) {
        if !self.active() {
            return;
        }
        let busy = self
            .book
            .try_update_value(|b| {
                if b.busy {
                    b.again = true;
                    true
                } else {
                    b.busy = true;
                    false
                }
            })
            .unwrap_or(true);
        if busy {
            return;
        }
        let this = *self;
        spawn_local(async move {
            loop {
                this.pass().await;
                let again = this
                    .book
                    .try_update_value(|b| {
                        let again = std::mem::take(&mut b.again);
                        b.busy = again;
                        again
                    })
                    .unwrap_or(false);
                if !again || !this.active() {
                    let _ = this.book.try_update_value(|b| b.busy = false);
                    return;
                }
            }
        });
    }

    async fn pass(&self) {
        let Some(Some(handle)) = self.book.try_with_value(|b| b.handle.clone()) else {
            return;
        };
        let name = file::name(&handle);
        let on_disk = match file::last_modified(&handle).await {
            Ok(t) => t,
            Err(e) => return self.pause(e.to_string()),
        };
        let Some(known) = self.book.try_with_value(|b| b.known.clone()) else {
            return;
        };
        let now = self.stores.current();
        match next_step(&known, on_disk, &now) {
            Step::Nothing => {}
            Step::MergeFirst => {
                let read = match file::read(&handle).await {
                    Ok(r) => r,
                    Err(e) => return self.pause(e.to_string()),
                };
                let import = match import_workspace(&read.text) {
                    Ok(i) => i,
                    Err(e) => return self.pause(e.to_string()),
                };
                let report = self
                    .stores
                    .restore(&import.file.workspace, Choices::default());
                self.book.update_value(|b| {
                    b.known = Known {
                        last_modified: Some(read.last_modified),
                        workspace: Some(import.file.workspace.clone()),
                        extra: import.file.extra.clone(),
                    };
                    // The merge may hold records of this browser the file lacks: write them.
                    b.again = true;
                });
                if self.pause_if_unread(&import) {
                    // What was used is merged; the file itself is left as it is (a paused
                    // binding's next pass writes nothing).
                    return;
                }
                if let Some(note) = merged_note(&name, &report) {
                    self.note.set(Some(note));
                }
            }
            Step::Write => {
                let file = WorkspaceFile {
                    extra: known.extra.clone(),
                    ..WorkspaceFile::new(now.clone(), now_ms())
                };
                let text = match file.to_json() {
                    Ok(t) => t,
                    Err(e) => return self.pause(e.to_string()),
                };
                match file::write(&handle, &text).await {
                    Ok(modified) => self.book.update_value(|b| {
                        b.known = Known {
                            last_modified: Some(modified),
                            workspace: Some(now),
                            extra: known.extra,
                        };
                    }),
                    Err(e) => self.pause(format!("it could not be written: {e}")),
                }
            }
        }
    }

    /// "Try the file again" after a pause: reads it once more; if it opens, merging resumes.
    pub fn retry(&self) {
        if let Binding::Paused { name, .. } = self.binding.get_untracked() {
            // Forget what we knew, so the next pass reads and merges before any write.
            self.book.update_value(|b| b.known = Known::default());
            self.binding.set(Binding::Bound { name });
            self.note.set(None);
            self.sync();
        }
    }
}
