//! CSV import: a file (read as bytes, so Windows-1252 and UTF-16 files decode correctly) or pasted
//! rows, a preview with the detected separator and encoding, a column mapping the user can correct
//! (including which column holds the names), the columns kept as custom fields, then the import in
//! chunks (the page stays responsive at 100,000 rows) and a report naming every row that was not
//! imported, by line.
//!
//! This file draws it (the file and paste inputs, the preview with its mapping, the progress bar,
//! the report); `import_run` holds the session and runs the import slice by slice.

use leptos::prelude::*;

use crate::domain::io::csv_import::{
    ColumnMapping, Field, ImportError, ImportSession, Preview, RejectedRow, Target, MAX_BYTES,
};
use crate::domain::text::format::date_stamp;
use crate::domain::text::format::{group_thousands, plural};
use crate::storage;
use crate::ui::app::clock::now_ms;
use crate::ui::shortlist::format::count_label;
use crate::ui::shortlist::import_run::Importer;
use crate::ui::state::ShortlistStore;
use crate::ui::widgets::files::download_text;
use crate::ui::widgets::focus::focus_after_redraw;
use crate::ui::widgets::import_preview::{column_name, FileField, MappingRow, PreviewFrame};
use crate::ui::widgets::section::{Depth, Section};
use crate::ui::widgets::table::ScrollTable;
use crate::ui::workspace::usage::QUOTA_UNITS;

/// A stored creator's size when the preview has none to measure: a plain row (name, platform,
/// counts) with its follower count dated in the history, as JSON. Stored compressed such a row
/// takes far less (the bench measured 32 characters a creator), so this errs on the large side.
const CHARS_PER_CREATOR: usize = 300;

/// Said before the import, not after: a list that cannot be saved must not come as a surprise.
/// `per_creator` is the stored size of the previewed creators (dossier included), measured; the
/// room is what this browser keeps for the site (measured, `usage::QUOTA_UNITS`) less what the
/// other stores take now, and the shortlist's own stored size counts as measured too.
fn storage_warning(existing: usize, incoming: usize, per_creator: usize) -> Option<impl IntoView> {
    let after = existing.saturating_add(incoming);
    let (room, shortlist) = storage::usage().map_or((QUOTA_UNITS, 0), |u| {
        (
            QUOTA_UNITS.saturating_sub(u.units - u.shortlist_units),
            u.shortlist_units,
        )
    });
    // Each creator as stored in parts: its JSON, a comma, and its share of the part's key,
    // envelope and index entry (about 160 characters for 64 creators).
    let per_creator = per_creator.max(1) + 4;
    let holds = room / per_creator;
    let needed = shortlist.saturating_add(incoming.saturating_mul(per_creator));
    (needed > room).then(|| {
        view! {
            <p class="notice" role="note">
                {format!(
                    "With these rows the shortlist would hold up to {} creators; this browser's storage holds about {} creators like these (about {} characters each as stored). The import works and the list stays open in this tab, but it cannot be saved here: export it (CSV or workspace) to keep it, or import fewer rows.",
                    group_thousands(after as u64),
                    group_thousands(holds as u64),
                    group_thousands(per_creator as u64),
                )}
            </p>
        }
    })
}

/// Rejected rows listed on the page; all of them are in the download.
const SHOWN_REJECTED: usize = 50;

/// The mapping table's row for `col`: a select of the field it imports as (the columns Microscope
/// has no field for are kept as custom fields), and the note on how it is read.
fn mapping_row(col: &ColumnMapping, importer: Importer) -> impl IntoView {
    let index = col.index;
    let current = col.target;
    let select_id = format!("import-map-{index}");
    let options = Target::all()
        .into_iter()
        .map(|t| {
            let label = match t {
                Target::Ignore => "Ignore this column".to_string(),
                Target::Custom => "Keep as a custom field".to_string(),
                t => t.label(),
            };
            view! {
                <option value=t.id() selected=current == t>
                    {label}
                </option>
            }
        })
        .collect_view();
    view! {
        <MappingRow
            index=index
            header=col.header.clone()
            id=select_id.clone()
            reads_as="imports as"
            note=col.note.clone().unwrap_or_default()
            on_change=move |v: String| {
                if let Some(t) = Target::parse(&v) {
                    importer.remap(index, t);
                }
                focus_after_redraw(select_id.clone());
            }
        >
            {options}
        </MappingRow>
    }
}

/// "line 4: …" lines, one per rejected row, for the download.
fn rejected_text(rows: &[RejectedRow]) -> String {
    let mut out = String::with_capacity(rows.len() * 80);
    for r in rows {
        out.push_str(&r.to_string());
        out.push_str("\r\n");
    }
    out
}

/// The preview of a session: how the file was read, which column gives the names, the mapping,
/// the first rows as they will be read, and the buttons that import or cancel.
fn preview(p: Preview, importer: Importer) -> impl IntoView {
    let state = importer.state;
    let mapping = p
        .columns
        .iter()
        .map(|col| mapping_row(col, importer))
        .collect_view();
    let rows = p
        .rows
        .iter()
        .map(|row| {
            let line = row.line.to_string();
            match &row.result {
                Ok(c) => view! {
                    <tr>
                        <td>{line}</td>
                        <td>{c.name.clone()}</td>
                        <td>{c.platform.map(|p| p.name()).unwrap_or("n/a")}</td>
                        <td>{count_label(c.followers)}</td>
                        <td>{c.status.label()}</td>
                        <td>"will be imported"</td>
                    </tr>
                }
                .into_any(),
                Err(reason) => view! {
                    <tr class="rejected">
                        <td>{line}</td>
                        <td colspan="4">"n/a"</td>
                        <td>"will be skipped: " {reason.clone()}</td>
                    </tr>
                }
                .into_any(),
            }
        })
        .collect_view();
    let total = p.total_rows;
    let custom = p.custom_columns();
    // Measured on the previewed creators as the shortlist stores them: compressed.
    let previewed: Vec<String> = p
        .rows
        .iter()
        .filter_map(|r| r.result.as_ref().ok())
        .filter_map(|c| serde_json::to_string(c).ok())
        .collect();
    let per_creator = storage::packed::units_per_record(&previewed).unwrap_or(CHARS_PER_CREATOR);
    let name_column = p
        .columns
        .iter()
        .find(|c| c.target == Target::Field(Field::Name));
    let name_index = name_column.map(|c| c.index);
    let name_options = p
        .columns
        .iter()
        .map(|col| {
            view! {
                <option value=col.index.to_string() selected=name_index == Some(col.index)>
                    {column_name(col.index, &col.header)}
                </option>
            }
        })
        .collect_view();
    let about = format!(
        "Separator detected: {}. {} to import.",
        p.delimiter.label(),
        plural(total, "row", "rows"),
    );
    view! {
        <PreviewFrame
            class="import-preview"
            about=about
            encoding=p.encoding
            encoding_warning=p.encoding_warning.clone()
            problems=p.name_missing.clone().into_iter().collect()
            rows=total
            on_import=move || importer.run()
            on_cancel=move || importer.cancel()
        >
            <div class="field">
                <label for="import-name-column">"Column with the creators' names"</label>
                <select
                    id="import-name-column"
                    on:change=move |ev| {
                        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                            importer.remap(i, Target::Field(Field::Name));
                        }
                        focus_after_redraw("import-name-column".to_string());
                    }
                >
                    <option value="" selected=name_index.is_none() disabled=true>
                        "Choose a column"
                    </option>
                    {name_options}
                </select>
            </div>
            {p.readings.iter().map(|r| view! { <p>{r.clone()}</p> }).collect_view()}
            {(!custom.is_empty())
                .then(|| {
                    view! {
                        <p>
                            {format!(
                                "Kept as custom fields, under their own headers: {}.",
                                custom.join(", "),
                            )}
                        </p>
                    }
                })}
            {storage_warning(state.list.with_untracked(|l| l.len()), total, per_creator)}
            <ScrollTable
                label="Column mapping"
                caption="Which column fills which field"
                heads=&["#", "Header in the file", "Imports as", "Note"]
            >
                {mapping}
            </ScrollTable>
            <ScrollTable
                label="First rows"
                caption=format!("The first {} rows, as they will be read", p.rows.len())
                heads=&["Line", "Name", "Platform", "Followers", "Status", "Result"]
            >
                {rows}
            </ScrollTable>
        </PreviewFrame>
    }
}

#[component]
pub fn CsvImport() -> impl IntoView {
    let state = expect_context::<ShortlistStore>();
    let importer = Importer::new(state);
    let pasted = RwSignal::new(String::new());
    let file_ref = NodeRef::<leptos::html::Input>::new();

    let on_file = move |ev: leptos::ev::Event| {
        importer.read_file(
            &ev,
            MAX_BYTES,
            |bytes| {
                importer.preview.set(None);
                importer
                    .error
                    .set(Some(ImportError::TooLarge { bytes }.to_string()));
            },
            move |name, bytes| importer.start(ImportSession::from_file(name, bytes, now_ms())),
        );
    };

    let preview_view = move || importer.preview.get().map(|p| preview(p, importer));

    let report_view = move || {
        importer.report.get().map(|r| {
            let total = r.rejected.len();
            let shown = r
                .rejected
                .iter()
                .take(SHOWN_REJECTED)
                .map(|row| view! { <li>{row.to_string()}</li> })
                .collect_view();
            let all = r.rejected.clone();
            let download = move |_| {
                let name = format!("microscope-import-rejected-rows-{}.txt", date_stamp(now_ms()));
                if let Err(e) = download_text(&name, "text/plain;charset=utf-8", &rejected_text(&all)) {
                    importer.error.set(Some(format!("The file could not be made: {e}")));
                }
            };
            view! {
                <div class="import-report">
                    {(total > 0)
                        .then(|| {
                            view! {
                                <h5>"Rows not imported"</h5>
                                <p class="help">
                                    {if total > SHOWN_REJECTED {
                                        format!(
                                            "The first {SHOWN_REJECTED} of {}; download the list for all of them. Fix them in your sheet and import those rows again.",
                                            group_thousands(total as u64),
                                        )
                                    } else {
                                        "Fix them in your sheet and import those rows again."
                                            .to_string()
                                    }}
                                </p>
                                <ol class="rejected-rows">{shown}</ol>
                                <button type="button" class="secondary" on:click=download>
                                    {format!(
                                        "Download all {} rejected {}",
                                        group_thousands(total as u64),
                                        if total == 1 { "row" } else { "rows" },
                                    )}
                                </button>
                            }
                        })}
                </div>
            }
        })
    };

    view! {
        <Section
            id="import-title"
            class="shortlist-import"
            depth=Depth::Tool
            title="Import creators from a spreadsheet"
            intro="Export your sheet as CSV (comma, semicolon or tab separated, in UTF-8, UTF-16 or Excel's Windows encoding) with a header row naming the columns, such as name, platform, followers, views, likes, price, tags. Files from Modash, HypeAuditor, Upfluence and Aspire import as they are; every column Microscope has no field for is kept on the creator under its own header. You'll see a preview before anything is added. Up to 20 MB or 200,000 rows at a time."
        >
            <div class="fields">
                <FileField
                    id="import-file"
                    label="CSV file"
                    accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
                    node_ref=file_ref
                    on_change=on_file
                />
                <div class="field">
                    <label for="import-paste">"Or paste rows, header first"</label>
                    <textarea
                        id="import-paste"
                        rows="4"
                        spellcheck="false"
                        placeholder="name,platform,followers\n@ann,TikTok,45K"
                        prop:value=move || pasted.get()
                        on:input=move |ev| pasted.set(event_target_value(&ev))
                    ></textarea>
                    <div class="button-row">
                        <button
                            type="button"
                            class="secondary"
                            on:click=move |_| {
                                if let Some(input) = file_ref.get_untracked() {
                                    input.set_value("");
                                }
                                importer
                                    .start(ImportSession::new(pasted.get_untracked(), now_ms()));
                            }
                        >
                            "Preview pasted rows"
                        </button>
                    </div>
                </div>
            </div>
            {importer
                .feedback(None, preview_view, "import-progress", "Importing", "Stop the import")}
            <p class="status import-summary" role="status">
                {move || {
                    importer
                        .report
                        .with(|r| {
                            r.as_ref()
                                .map(|r| format!("Import finished. {} {}", r.summary, r.merged))
                        })
                }}
            </p>
            {report_view}
        </Section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mapping_values_round_trip() {
        for t in Target::all() {
            assert_eq!(Target::parse(&t.id()), Some(t));
        }
        assert_eq!(Target::parse(""), None);
    }

    #[test]
    fn rejected_rows_download_lists_every_line() {
        let rows = vec![
            RejectedRow {
                line: 3,
                reason: "the name is empty".into(),
            },
            RejectedRow {
                line: 9,
                reason: "followers: “x” is not a number".into(),
            },
        ];
        assert_eq!(
            rejected_text(&rows),
            "line 3: the name is empty\r\nline 9: followers: “x” is not a number\r\n"
        );
    }
}
