//! Export of the shortlist (CSV for spreadsheets) and of the whole workspace (a JSON file for
//! backups; `ui::workspace` makes it and restores it).

use leptos::prelude::*;

use crate::domain::engine::engagement::Formula;
use crate::domain::io::csv_export::{export_csv, ExtraColumn};
use crate::domain::io::csv_import::Delimiter;
use crate::domain::text::format::date_stamp;
use crate::domain::text::format::plural;
use crate::ui::app::clock::now_ms;
use crate::ui::shortlist::format::rate_label;
use crate::ui::state::workspace::Stores;
use crate::ui::state::ShortlistStore;
use crate::ui::widgets::files::download_text;
use crate::ui::workspace::export::download_workspace;

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
    pub fn download(self, stores: Stores, formula: Formula) -> Result<String, String> {
        let shortlist = || stores.shortlist.ok_or("there is no shortlist on this page");
        match self {
            Export::Csv => download_csv(shortlist()?, Delimiter::Comma, formula),
            Export::CsvSemicolon => download_csv(shortlist()?, Delimiter::Semicolon, formula),
            Export::Workspace => download_workspace(stores),
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
    let stores = Stores::here();
    let formula = move || formula.map(|f| f.get_untracked()).unwrap_or_default();
    view! {
        <button
            type="button"
            class="secondary"
            disabled=move || disabled.get()
            on:click=move |_| message.set(Some(export.download(stores, formula())))
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
                "CSV opens in Excel, Numbers and Google Sheets. The workspace file (JSON) holds every creator with their dossier, every campaign, your risk thresholds and settings; restore it with “Import workspace” under Workspace at the foot of any page, here or on another device."
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
