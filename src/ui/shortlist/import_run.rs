//! Running a CSV import: the session behind the preview (`Importer`: start, remap, cancel), the
//! import in time slices so the page stays responsive, and the merge into the shortlist with the
//! `Report` it leaves, shown a frame before the table's page one. `import` draws it.

use leptos::prelude::*;

use crate::domain::io::csv_import::{
    merge_imported, ImportError, ImportSession, Preview, RejectedRow, Target,
};
use crate::domain::text::format::{group_thousands, plural};
use crate::ui::app::slices::after_paint;
use crate::ui::state::ShortlistStore;
use crate::ui::widgets::import_session;

/// Rows parsed between two looks at the clock: well under a millisecond of work.
const BATCH_ROWS: usize = 250;

/// Rows parsed for the import before the preview shows (see `ImportSession::read_ahead`): a few
/// milliseconds, after which the browser optimises the parser while the preview is drawn.
const READ_AHEAD_ROWS: usize = 3_000;

/// Rows shown in the preview.
const PREVIEW_ROWS: usize = 5;

/// What the import did, as the report shows it.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Report {
    pub(super) summary: String,
    pub(super) merged: String,
    pub(super) rejected: Vec<RejectedRow>,
}

/// The import's signals, copied into each scheduled chunk.
pub(super) type Importer = import_session::Importer<ImportSession, Preview, Report, ShortlistStore>;

impl Importer {
    pub(super) fn start(self, session: Result<ImportSession, ImportError>) {
        self.open(session, |s| {
            s.read_ahead(READ_AHEAD_ROWS);
            s.preview(PREVIEW_ROWS)
        });
    }

    pub(super) fn remap(self, index: usize, target: Target) {
        let result = self.with_session(|s| s.remap(index, target).map(|_| s.preview(PREVIEW_ROWS)));
        match result {
            Some(Ok(p)) => {
                self.error.set(None);
                self.preview.set(Some(p));
            }
            Some(Err(e)) => {
                self.error.set(Some(e.to_string()));
                // Show the mapping as it still is.
                let p = self
                    .session
                    .with_value(|s| s.as_ref().map(|s| s.preview(PREVIEW_ROWS)));
                self.preview.set(p);
            }
            None => {}
        }
    }

    pub(super) fn run(self) {
        // The progress bar shows before any parsing, however quick the whole import turns out
        // to be; adding the creators to the shortlist and redrawing it is one long step of its
        // own, after the full bar has shown (`run_in_slices`).
        self.read_in_slices(BATCH_ROWS, move |session| self.merge(session));
    }

    /// Adds the parsed creators to the shortlist and shows the report.
    fn merge(self, session: ImportSession) {
        let report = session.finish();
        let summary = report.summary();
        let columns = report.columns;
        // The creators are in the list (and their save scheduled) before the report says so;
        // the table learns of them once the report has painted (below).
        let (merged, unshown) = self.state.import_unshown(report.creators, |old, new| {
            merge_imported(old, new, &columns)
        });
        let merged = format!(
            "{} added to the shortlist{}.",
            plural(merged.added, "creator", "creators"),
            if merged.updated > 0 {
                format!(
                    ", {} already on it updated (same id)",
                    group_thousands(merged.updated as u64)
                )
            } else {
                String::new()
            }
        );
        self.progress.set(None);
        self.report.set(Some(Report {
            summary,
            merged,
            rejected: report.rejected,
        }));
        // Page one of the table (50 rows built with their badges, the query and the tag counts
        // over the whole list: the longest part of this step) is drawn a frame after the report,
        // so "Import finished" shows without waiting for it (issue 19). The bench times both:
        // file to report, and report to page one painted (tests/e2e/bench/workloads.js).
        after_paint(move || unshown.show());
    }
}
