//! Banners about where the shortlist is kept: first-run notice, stored data that can't be used,
//! records that were dropped, failed saves, and changes from another tab.

use leptos::prelude::*;

use crate::domain::engine::engagement::Formula;
use crate::ui::shortlist::transfer::{Export, ExportButton};
use crate::ui::state::settings::SettingsExt;
use crate::ui::state::shortlist::FIRST_RUN_FLAG;
use crate::ui::state::workspace::Stores;
use crate::ui::state::{SettingsStore, ShortlistStore};
use crate::ui::widgets::banners::StoredDataBanner;
use crate::ui::widgets::files::download_outcome;
use crate::ui::workspace::panel::SaveToFileButton;
use crate::ui::workspace::usage::capacity_text;

#[component]
pub fn StorageBanners(#[prop(into)] formula: Signal<Formula>) -> impl IntoView {
    let state = expect_context::<ShortlistStore>();
    let stores = Stores::here();
    let settings = use_context::<SettingsStore>();
    let message = RwSignal::new(None::<Result<String, String>>);
    let outcome = move || download_outcome(message.get());

    let save_error = move || {
        state.save_error.get().map(|e| {
            view! {
                <div class="banner danger" role="alert">
                    <p class="banner-title">"Not saved"</p>
                    <p>{e}</p>
                    // Measured now: what the list takes and how many creators like these fit.
                    {crate::storage::usage()
                        .and_then(|u| {
                            let n = state.list.with_untracked(|l| l.len());
                            capacity_text(u.units, u.shortlist_units, n)
                        })
                        .map(|t| view! { <p class="capacity">{t}</p> })}
                    <p>
                        {if crate::storage::file::supported() {
                            "Everything stays in this tab's memory until you close it. Choose “Save to a file…” to keep the whole workspace in a file on your disk, which has no such limit."
                        } else {
                            "Everything stays in this tab's memory until you close it. Export the workspace to keep it."
                        }}
                    </p>
                    <div class="button-row">
                        <SaveToFileButton />
                        <ExportButton export=Export::Workspace message=message />
                        <ExportButton export=Export::Csv message=message formula=formula />
                    </div>
                </div>
            }
        })
    };

    let first_run = move || {
        // Dismissed once, in this browser (a flag) or in a restored workspace (a setting).
        let dismissed = settings.is_some_and(|s| s.dismissed(FIRST_RUN_FLAG));
        (state.first_run.get() && !dismissed).then(|| {
            view! {
                <div class="banner info" role="note" aria-labelledby="first-run-title">
                    <p id="first-run-title" class="banner-title">
                        "Your shortlist stays in this browser"
                    </p>
                    <p>
                        "Microscope keeps your workspace (shortlist, campaigns, thresholds, settings) in this browser only: nothing is sent anywhere. Clearing your browsing data or site data (or closing a private window) erases it. To keep a copy or move it to another device, use “Export workspace (JSON)”: that one file restores all of it. “Export CSV” below keeps the shortlist's figures for spreadsheets."
                    </p>
                    <div class="button-row">
                        <button
                            type="button"
                            class="secondary"
                            on:click=move |_| {
                                state.dismiss_first_run();
                                if let Some(s) = settings {
                                    s.dismiss(FIRST_RUN_FLAG);
                                }
                            }
                        >
                            "Got it"
                        </button>
                    </div>
                </div>
            }
        })
    };

    view! {
        <div class="shortlist-banners">
            <StoredDataBanner
                store=*state
                export=Callback::new(move |_| {
                    message.set(Some(Export::Workspace.download(stores, Formula::default())))
                })
            />
            {save_error}
            {first_run}
            <p class="status" role="status">
                {outcome}
                " "
                {move || state.sync_note.get()}
            </p>
        </div>
    }
}
