//! The restore dialog: what an opened workspace file holds next to what is here, one choice per
//! store (merge, replace or keep; merge by default, keep for a store the file lacks), an export of
//! the current workspace first, then the restore and its report (records added and updated,
//! conflicts resolved, records of the file that could not be used).

use leptos::prelude::*;

use crate::domain::io::workspace::merge::{Choices, StoreChoice};
use crate::domain::io::workspace::{Counts, WorkspaceImport};
use crate::domain::risk::thresholds::THRESHOLDS;
use crate::domain::text::format::plural;
use crate::storage::file::FileHandle;
use crate::ui::state::workspace::Stores;
use crate::ui::widgets::dialog::Modal;
use crate::ui::widgets::files::download_outcome;
use crate::ui::workspace::export::ExportWorkspaceButton;
use crate::ui::workspace::file_sync::FileSync;

/// An opened file waiting for the user's choices.
#[derive(Clone)]
pub struct Pending {
    pub import: WorkspaceImport,
    pub file_name: String,
    /// Opened with "Open a file…": bound once restored, with its last-modified time.
    pub handle: Option<(FileHandle, f64)>,
}

/// What the last restore did, shown under the Workspace panel.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub title: String,
    pub lines: Vec<String>,
}

/// The stores a file can restore, in the dialog's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Store {
    Creators,
    Campaigns,
    Thresholds,
    Settings,
}

impl Store {
    const ALL: [Store; 4] = [
        Store::Creators,
        Store::Campaigns,
        Store::Thresholds,
        Store::Settings,
    ];

    fn id(self) -> &'static str {
        match self {
            Store::Creators => "creators",
            Store::Campaigns => "campaigns",
            Store::Thresholds => "thresholds",
            Store::Settings => "settings",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Store::Creators => "Creators",
            Store::Campaigns => "Campaigns",
            Store::Thresholds => "Risk thresholds",
            Store::Settings => "Settings",
        }
    }

    /// "The file: 12 creators. Here: 3 creators."
    fn compare(self, file: Counts, here: Counts) -> String {
        let count = |c: Counts| match self {
            Store::Creators => plural(c.creators, "creator", "creators"),
            Store::Campaigns => plural(c.campaigns, "campaign", "campaigns"),
            // A file may name only some: say how many, so "Replace" below reads right.
            Store::Thresholds if c.thresholds && c.thresholds_named < THRESHOLDS.len() => {
                format!(
                    "{} of {}",
                    c.thresholds_named,
                    plural(THRESHOLDS.len(), "threshold", "thresholds")
                )
            }
            Store::Thresholds if c.thresholds => "changed thresholds".into(),
            Store::Thresholds => "the defaults".into(),
            Store::Settings if c.settings => "your choices".into(),
            Store::Settings => "none".into(),
        };
        format!("The file: {}. Here: {}.", count(file), count(here))
    }

    /// Whether the file holds anything for this store (else it is kept by default).
    fn in_file(self, file: Counts) -> bool {
        match self {
            Store::Creators => file.creators > 0,
            Store::Campaigns => file.campaigns > 0,
            Store::Thresholds => file.thresholds,
            Store::Settings => file.settings,
        }
    }

    /// The option's label: thresholds and settings are one value, not records with ids.
    fn label(self, choice: StoreChoice, list_label: &'static str) -> &'static str {
        match (self, choice) {
            (Store::Thresholds | Store::Settings, StoreChoice::Merge) => {
                "Merge: use the file's where it has them, keep the rest of yours"
            }
            // A file may name only some thresholds (`restore` puts them over the defaults).
            (Store::Thresholds, StoreChoice::Replace) => {
                "Replace yours with the file's; any it does not name go back to their defaults"
            }
            _ => list_label,
        }
    }

    fn get(self, choices: &Choices) -> StoreChoice {
        let mut copy = *choices;
        *self.slot(&mut copy)
    }

    fn slot(self, choices: &mut Choices) -> &mut StoreChoice {
        match self {
            Store::Creators => &mut choices.creators,
            Store::Campaigns => &mut choices.campaigns,
            Store::Thresholds => &mut choices.thresholds,
            Store::Settings => &mut choices.settings,
        }
    }
}

/// Merge for every store the file holds, keep for the others.
fn default_choices(file: Counts) -> Choices {
    let mut choices = Choices::default();
    for store in Store::ALL {
        if !store.in_file(file) {
            *store.slot(&mut choices) = StoreChoice::Keep;
        }
    }
    choices
}

const OPTIONS: [(StoreChoice, &str, &str); 3] = [
    (
        StoreChoice::Merge,
        "merge",
        "Merge: add the file's, update records with the same id where the file's are newer",
    ),
    (
        StoreChoice::Replace,
        "replace",
        "Replace what is here with the file's",
    ),
    (StoreChoice::Keep, "keep", "Keep what is here"),
];

/// The restore dialog over `pending` (open while it holds a file).
#[component]
pub fn RestoreDialog(
    pending: RwSignal<Option<Pending>, LocalStorage>,
    outcome: RwSignal<Option<Outcome>>,
    stores: Stores,
    sync: Option<FileSync>,
) -> impl IntoView {
    let choices = RwSignal::new(Choices::default());
    let exported = RwSignal::new(None::<Result<String, String>>);
    let open = Signal::derive(move || pending.with(|p| p.is_some()));
    let on_open = move || {
        let file = pending.with_untracked(|p| {
            p.as_ref()
                .map(|p| p.import.file.workspace.counts())
                .unwrap_or_default()
        });
        choices.set(default_choices(file));
        exported.set(None);
    };

    let apply = move |_| {
        let Some(p) = pending.get_untracked() else {
            return;
        };
        let report = stores.restore(&p.import.file.workspace, choices.get_untracked());
        let mut lines = report.lines();
        if lines.is_empty() {
            lines
                .push("Nothing changed: this browser already held everything the file has.".into());
        }
        let dropped = p.import.report();
        if !dropped.is_empty() {
            // Entries, not records: a threshold value or the settings are reported here too.
            lines.push(format!(
                "{} in the file could not be used:",
                plural(dropped.len(), "entry", "entries")
            ));
            lines.extend(dropped);
        }
        outcome.set(Some(Outcome {
            title: format!("Restored from {}.", p.file_name),
            lines,
        }));
        if let (Some((handle, modified)), Some(sync)) = (p.handle, sync) {
            sync.bind_opened(handle, modified, p.import);
        }
        pending.set(None);
    };

    let here = move || stores.current().counts();
    let body = move || {
        pending.with(|p| {
            p.as_ref().map(|p| {
                let file = p.import.file.workspace.counts();
                let here = here();
                // Said before the choice, not only after it (regression: a creator that did not
                // read was named only once the user had restored, maybe replacing theirs).
                let unusable = p.import.report();
                view! {
                    <p>
                        <strong>{p.file_name.clone()}</strong>
                        {format!(" holds {}.", file.sentence())}
                    </p>
                    {(!unusable.is_empty())
                        .then(|| {
                            view! {
                                <div class="warning restore-unusable">
                                    <p>
                                        {format!(
                                            "{} in the file can't be used and will not be restored:",
                                            plural(unusable.len(), "entry", "entries"),
                                        )}
                                    </p>
                                    <ul>
                                        {unusable
                                            .into_iter()
                                            .map(|line| view! { <li>{line}</li> })
                                            .collect_view()}
                                    </ul>
                                </div>
                            }
                        })}
                    {Store::ALL
                        .into_iter()
                        .map(|store| {
                            let name = format!("restore-{}", store.id());
                            view! {
                                <fieldset class="restore-store">
                                    <legend>{store.title()}</legend>
                                    <p class="help">{store.compare(file, here)}</p>
                                    {OPTIONS
                                        .into_iter()
                                        .map(|(choice, id, label)| {
                                            let input_id = format!("{name}-{id}");
                                            let label = store.label(choice, label);
                                            view! {
                                                <div class="choice">
                                                    <input
                                                        type="radio"
                                                        id=input_id.clone()
                                                        name=name.clone()
                                                        prop:checked=move || {
                                                            choices.with(|c| store.get(c) == choice)
                                                        }
                                                        on:change=move |_| {
                                                            choices.update(|c| *store.slot(c) = choice)
                                                        }
                                                    />
                                                    <label for=input_id>{label}</label>
                                                </div>
                                            }
                                        })
                                        .collect_view()}
                                </fieldset>
                            }
                        })
                        .collect_view()}
                }
            })
        })
    };

    view! {
        <Modal
            class="modal restore-dialog"
            labelled_by="restore-title"
            open=open
            on_open=on_open
            on_dismiss=move || pending.set(None)
        >
            <h2 id="restore-title">"Restore a workspace file"</h2>
            {body}
            <p class="help">
                "Replacing removes what is here for that store. Export your current workspace first if you might need it."
            </p>
            <div class="button-row">
                <ExportWorkspaceButton label="Export my current workspace first" message=exported />
                <button type="button" on:click=apply>
                    "Restore"
                </button>
                <button type="button" class="secondary" on:click=move |_| pending.set(None)>
                    "Cancel"
                </button>
            </div>
            <p class="status" role="status">
                {move || download_outcome(exported.get())}
            </p>
        </Modal>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_store_the_file_lacks_is_kept_by_default() {
        let file = Counts {
            creators: 2,
            campaigns: 0,
            thresholds: true,
            thresholds_named: 1,
            settings: false,
        };
        let c = default_choices(file);
        assert_eq!(
            (c.creators, c.campaigns, c.thresholds, c.settings),
            (
                StoreChoice::Merge,
                StoreChoice::Keep,
                StoreChoice::Merge,
                StoreChoice::Keep
            )
        );
        assert_eq!(
            Store::Creators.compare(file, Counts::default()),
            "The file: 2 creators. Here: 0 creators."
        );
        // A file naming one threshold says so, next to what is here.
        let here = Counts {
            thresholds: true,
            thresholds_named: THRESHOLDS.len(),
            ..Counts::default()
        };
        assert_eq!(
            Store::Thresholds.compare(file, here),
            format!(
                "The file: 1 of {} thresholds. Here: changed thresholds.",
                THRESHOLDS.len()
            )
        );
    }
}
