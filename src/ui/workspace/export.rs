//! The workspace file made from the stores: as a download ("Export workspace") and as the text a
//! bound file is written with.

use leptos::prelude::*;

use crate::domain::io::workspace::{Counts, WorkspaceFile};
use crate::domain::text::format::date_stamp;
use crate::ui::app::clock::now_ms;
use crate::ui::state::workspace::Stores;
use crate::ui::widgets::files::download_text;

/// The name a workspace file is offered under: "microscope-workspace-2026-12-06.json".
pub fn file_name(ms: f64) -> String {
    format!("microscope-workspace-{}.json", date_stamp(ms))
}

/// Every store as the text of a workspace file, and what it holds.
pub fn workspace_text(stores: Stores) -> Result<(String, Counts), String> {
    let workspace = stores.current();
    let counts = workspace.counts();
    let text = WorkspaceFile::new(workspace, now_ms())
        .to_json()
        .map_err(|e| e.to_string())?;
    Ok((text, counts))
}

/// Downloads every store as a workspace file that "Import workspace" reads back.
pub fn download_workspace(stores: Stores) -> Result<String, String> {
    let (text, counts) = workspace_text(stores)?;
    let name = file_name(now_ms());
    download_text(&name, "application/json", &text)?;
    Ok(format!("Exported {} to {name}.", counts.sentence()))
}

/// A button that downloads the workspace file and puts the outcome in `message`.
#[component]
pub fn ExportWorkspaceButton(
    label: &'static str,
    message: RwSignal<Option<Result<String, String>>>,
) -> impl IntoView {
    let stores = Stores::here();
    view! {
        <button
            type="button"
            class="secondary"
            on:click=move |_| message.set(Some(download_workspace(stores)))
        >
            {label}
        </button>
    }
}
