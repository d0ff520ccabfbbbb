//! Export of the shortlist (CSV for spreadsheets, a JSON workspace file for backups) and import of
//! a workspace file, offering an export before anything is replaced.

use leptos::prelude::*;

use crate::domain::engine::engagement::Formula;
use crate::domain::io::csv_export::{export_csv, ExtraColumn};
use crate::domain::io::csv_import::Delimiter;
use crate::domain::io::workspace::{
    import_workspace, Settings, Workspace, WorkspaceFile, WorkspaceImport,
};
use crate::domain::risk::thresholds::Thresholds;
use crate::domain::text::format::date_stamp;
use crate::domain::text::format::{group_thousands, plural};
use crate::ui::app::clock::now_ms;
use crate::ui::shortlist::format::rate_label;
use crate::ui::state::{CampaignsStore, ShortlistStore, ThresholdsStore};
use crate::ui::widgets::files::{chosen_file, download_outcome, download_text, read_text};

/// Downloads the whole shortlist as CSV, with the engagement rate under `formula` as a last column.
fn download_csv(
    state: ShortlistStore,
    delimiter: Delimiter,
    formula: Formula,
) -> Result<String, String> {
    let header = format!("engagement rate ({})", formula.expression());
    let rate = move |c: &crate::domain::creator::record::Creator| rate_label(c, formula);
    let extra = [ExtraColumn {
        header: &header,
        value: &rate,
    }];
    let (text, n) = state
        .list
        .with_untracked(|l| (export_csv(l.creators(), delimiter, &extra), l.len()));
    let suffix = if delimiter == Delimiter::Semicolon {
        "-semicolon"
    } else {
        ""
    };
    let name = format!("microscope-shortlist-{}{suffix}.csv", date_stamp(now_ms()));
    download_text(&name, "text/csv;charset=utf-8", &text)?;
    Ok(format!(
        "Exported {} to {name}.",
        plural(n, "creator", "creators")
    ))
}

/// Downloads the whole workspace as a JSON file that "Import workspace" reads back.
fn download_workspace(state: ShortlistStore) -> Result<String, String> {
    let now = now_ms();
    let creators = state.list.with_untracked(|l| l.creators().to_vec());
    let campaigns = use_context::<CampaignsStore>()
        .map(|c| c.campaigns.get_untracked())
        .unwrap_or_default();
    let thresholds = use_context::<ThresholdsStore>()
        .map(|t| t.value.get_untracked())
        .filter(|t| *t != Thresholds::default());
    let workspace = Workspace {
        creators,
        campaigns,
        thresholds,
        settings: Settings::default(),
    };
    let counts = workspace.counts();
    let text = WorkspaceFile::new(workspace, now)
        .to_json()
        .map_err(|e| e.to_string())?;
    let name = format!("microscope-workspace-{}.json", date_stamp(now));
    download_text(&name, "application/json", &text)?;
    Ok(format!("Exported {} to {name}.", counts.sentence()))
}

/// The shortlist's exports, each offered as an `ExportButton`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    Csv,
    /// For Excel in Europe, which reads commas as decimal marks.
    CsvSemicolon,
    Workspace,
}

impl Export {
    fn label(self) -> &'static str {
        match self {
            Export::Csv => "Export CSV",
            Export::CsvSemicolon => "Export CSV with semicolons (Excel in Europe)",
            Export::Workspace => "Export workspace (JSON)",
        }
    }

    /// Makes the file and offers it as a download; CSV files end with the rate under `formula`.
    pub fn download(self, state: ShortlistStore, formula: Formula) -> Result<String, String> {
        match self {
            Export::Csv => download_csv(state, Delimiter::Comma, formula),
            Export::CsvSemicolon => download_csv(state, Delimiter::Semicolon, formula),
            Export::Workspace => download_workspace(state),
        }
    }
}

/// A button that makes one export and puts the outcome in `message`. `label` replaces the
/// export's own; `formula` (default: the source article's) is the CSV's rate column.
#[component]
pub fn ExportButton(
    export: Export,
    message: RwSignal<Option<Result<String, String>>>,
    #[prop(optional, into)] formula: Option<Signal<Formula>>,
    #[prop(optional)] label: Option<&'static str>,
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView {
    let state = expect_context::<ShortlistStore>();
    let formula = move || formula.map(|f| f.get_untracked()).unwrap_or_default();
    view! {
        <button
            type="button"
            class="secondary"
            disabled=move || disabled.get()
            on:click=move |_| message.set(Some(export.download(state, formula())))
        >
            {label.unwrap_or(export.label())}
        </button>
    }
}

/// The three export buttons and what happened.
#[component]
pub fn ExportBar(#[prop(into)] formula: Signal<Formula>) -> impl IntoView {
    let state = expect_context::<ShortlistStore>();
    let message = RwSignal::new(None::<Result<String, String>>);
    let empty = Signal::derive(move || state.list.with(|l| l.is_empty()));
    view! {
        <div class="shortlist-export" role="group" aria-labelledby="shortlist-export-title">
            <h3 id="shortlist-export-title">"Export"</h3>
            <p class="help">
                "CSV opens in Excel, Numbers and Google Sheets; the workspace file (JSON) restores everything here or on another device."
            </p>
            <div class="button-row">
                <ExportButton export=Export::Csv message=message formula=formula disabled=empty />
                <ExportButton
                    export=Export::CsvSemicolon
                    message=message
                    formula=formula
                    disabled=empty
                />
                <ExportButton export=Export::Workspace message=message />
            </div>
            <p class="status" role="status">
                {move || match message.get() {
                    Some(Ok(m)) => view! { <span>{m}</span> }.into_any(),
                    Some(Err(e)) => {
                        view! { <span class="error">"The file could not be made: " {e}</span> }
                            .into_any()
                    }
                    None => ().into_any(),
                }}
            </p>
        </div>
    }
}

/// A workspace file read and waiting for the user's choice (replace or merge).
#[derive(Clone)]
struct Pending {
    import: WorkspaceImport,
    file_name: String,
}

/// "Import workspace": reads a JSON file; over an existing shortlist, offers to export first,
/// then replace or merge.
#[component]
pub fn WorkspaceImportForm() -> impl IntoView {
    let state = expect_context::<ShortlistStore>();
    let pending = RwSignal::new(None::<Pending>);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let dropped = RwSignal::new(Vec::<String>::new());
    let exported = RwSignal::new(None::<Result<String, String>>);
    let input_ref = NodeRef::<leptos::html::Input>::new();

    let apply = move |replace: bool| {
        let Some(p) = pending.get_untracked() else {
            return;
        };
        let creators = p.import.file.workspace.creators;
        let n = creators.len();
        let message = if replace {
            state.replace_all(creators);
            format!(
                "Replaced the shortlist with {} from {}.",
                plural(n, "creator", "creators"),
                p.file_name
            )
        } else {
            let s = state.import(creators);
            format!(
                "Merged {}: {} added, {} updated.",
                p.file_name,
                group_thousands(s.added as u64),
                group_thousands(s.updated as u64)
            )
        };
        dropped.set(p.import.dropped.iter().map(|d| d.to_string()).collect());
        done.set(Some(message));
        pending.set(None);
        if let Some(input) = input_ref.get_untracked() {
            input.set_value("");
        }
    };

    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = chosen_file(&input) else {
            return;
        };
        error.set(None);
        done.set(None);
        exported.set(None);
        dropped.set(Vec::new());
        pending.set(None);
        let file_name = file.name();
        leptos::task::spawn_local(async move {
            let text = match read_text(&file).await {
                Ok(t) => t,
                Err(e) => {
                    error.set(Some(format!("“{file_name}”: {e}")));
                    return;
                }
            };
            match import_workspace(&text) {
                Err(e) => error.set(Some(e.to_string())),
                Ok(import) => {
                    pending.set(Some(Pending { import, file_name }));
                    if state.list.with_untracked(|l| l.is_empty()) {
                        apply(true);
                    }
                }
            }
        });
    };

    view! {
        <div class="shortlist-workspace-import">
            <div class="field">
                <label for="workspace-file">"Import a workspace file (.json)"</label>
                <input
                    id="workspace-file"
                    type="file"
                    accept=".json,application/json"
                    node_ref=input_ref
                    aria-describedby="workspace-file-help"
                    on:change=on_file
                />
                <p id="workspace-file-help" class="help">
                    "A file made with “Export workspace”. If you already have creators here, you can export them first, then replace or merge."
                </p>
            </div>
            <p class="error" role="alert">
                {move || error.get()}
            </p>
            {move || {
                pending
                    .get()
                    .filter(|_| state.list.with_untracked(|l| !l.is_empty()))
                    .map(|p| {
                        let incoming = p.import.file.workspace.creators.len();
                        let have = state.list.with_untracked(|l| l.len());
                        view! {
                            <div
                                class="notice"
                                role="group"
                                aria-labelledby="workspace-choice-title"
                            >
                                <p id="workspace-choice-title">
                                    <strong>{p.file_name.clone()}</strong>
                                    {format!(
                                        " holds {}. Your shortlist here has {}.",
                                        plural(incoming, "creator", "creators"),
                                        plural(have, "creator", "creators"),
                                    )}
                                </p>
                                <p>
                                    "Replacing removes the creators you have here. Export them first if you might need them."
                                </p>
                                <div class="button-row">
                                    <ExportButton
                                        export=Export::Workspace
                                        message=exported
                                        label="Export my current shortlist first"
                                    />
                                    <button type="button" on:click=move |_| apply(false)>
                                        "Merge into my shortlist"
                                    </button>
                                    <button
                                        type="button"
                                        class="danger"
                                        on:click=move |_| apply(true)
                                    >
                                        "Replace my shortlist"
                                    </button>
                                    <button
                                        type="button"
                                        class="secondary"
                                        on:click=move |_| {
                                            pending.set(None);
                                            if let Some(input) = input_ref.get_untracked() {
                                                input.set_value("");
                                            }
                                        }
                                    >
                                        "Cancel"
                                    </button>
                                </div>
                                <p class="status" role="status">
                                    {move || download_outcome(exported.get())}
                                </p>
                            </div>
                        }
                    })
            }}
            <div role="status">
                {move || done.get().map(|m| view! { <p>{m}</p> })}
                {move || {
                    let list = dropped.get();
                    (!list.is_empty())
                        .then(|| {
                            view! {
                                <div class="notice warn">
                                    <p>
                                        {format!(
                                            "{} in the file could not be used:",
                                            plural(list.len(), "record", "records"),
                                        )}
                                    </p>
                                    <ul>
                                        {list
                                            .into_iter()
                                            .map(|d| view! { <li>{d}</li> })
                                            .collect_view()}
                                    </ul>
                                </div>
                            }
                        })
                }}
            </div>
        </div>
    }
}
