//! The pure decisions of keeping the workspace in a file: when to write, when the file changed on
//! disk, and what to tell the user. Tested natively; `file_sync` does the browser half.

use std::time::Duration;

use serde_json::{Map, Value};

use crate::domain::io::workspace::merge::MergeReport;
use crate::domain::io::workspace::{Workspace, WorkspaceImport};
use crate::domain::text::format::plural;

/// Edits within this time are written to the file together: a synced folder uploads every write.
pub const FILE_SAVE_DELAY: Duration = Duration::from_millis(1500);

/// What the binding knows about the file since it last read or wrote it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Known {
    /// The file's last-modified time after our last read or write.
    pub last_modified: Option<f64>,
    /// The workspace the file held after our last read or write.
    pub workspace: Option<Workspace>,
    /// The file's top-level entries this build does not read (`WorkspaceFile::extra`): written
    /// back as they were, so a teammate's entries are not lost by a write from here.
    pub extra: Map<String, Value>,
}

/// The next step before writing or after the page comes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The file is as we left it and holds what the stores hold: nothing to do.
    Nothing,
    /// The file is as we left it; the stores changed: write.
    Write,
    /// Someone else changed the file (a teammate's edit synced in): read and merge it first, and
    /// never write over it before it was read.
    MergeFirst,
}

/// Whether the file on disk changed since we last read or wrote it. An unknown time (0: a
/// browser that gives none) counts as changed only when ours is known and differs.
pub fn changed_on_disk(known: &Known, on_disk: f64) -> bool {
    match known.last_modified {
        None => true,
        Some(t) => t != on_disk,
    }
}

/// What to do with the file, from its last-modified time on disk and what the stores hold now.
pub fn next_step(known: &Known, on_disk: f64, now: &Workspace) -> Step {
    if changed_on_disk(known, on_disk) {
        Step::MergeFirst
    } else if known.workspace.as_ref() != Some(now) {
        Step::Write
    } else {
        Step::Nothing
    }
}

/// The note after a teammate's changes were merged from the file: `None` when nothing here
/// changed.
pub fn merged_note(file_name: &str, report: &MergeReport) -> Option<String> {
    report.changed().then(|| {
        format!(
            "Updated from {file_name}, changed outside this page: {}",
            report.lines().join(" ")
        )
    })
}

/// What to say when the file holds something this build could not use (a record that does not
/// read, a threshold value, the settings): a write from here would remove it from the file, so
/// the binding pauses. `None` when everything in it was used.
pub fn unread_note(file_name: &str, import: &WorkspaceImport) -> Option<String> {
    let report = import.report();
    (!report.is_empty()).then(|| {
        format!(
            "{file_name} holds {} this version of Microscope could not use, so it stopped writing to the file: a write would remove {}. {} What could be used is here, and your changes are kept in this browser. Fix the file, then choose “Try the file again”, or save to another file.",
            plural(report.len(), "entry", "entries"),
            if report.len() == 1 { "it" } else { "them" },
            report.join(" ")
        )
    })
}

/// Why the binding is paused when the file can't be read: it is never written over.
pub fn paused_note(file_name: &str, why: &str) -> String {
    format!(
        "{file_name} could not be read ({why}), so Microscope stopped writing to it and will not overwrite it. Your changes are kept in this browser. Fix or replace the file, then choose “Try the file again”, or save to another file."
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::creator::record::Creator;
    use crate::domain::io::workspace::merge::StoreReport;

    fn ws(names: &[&str]) -> Workspace {
        Workspace {
            creators: names
                .iter()
                .enumerate()
                .map(|(i, n)| Creator::new(format!("c{i}"), n, 1.0))
                .collect(),
            ..Workspace::default()
        }
    }

    #[test]
    fn next_step_table() {
        let ann = ws(&["Ann"]);
        let bound = Known {
            last_modified: Some(100.0),
            workspace: Some(ann.clone()),
            ..Known::default()
        };
        // (known, on disk, stores now, step)
        let cases = [
            (bound.clone(), 100.0, ann.clone(), Step::Nothing),
            (bound.clone(), 100.0, ws(&["Ann", "Bo"]), Step::Write),
            (bound.clone(), 250.0, ann.clone(), Step::MergeFirst),
            (bound.clone(), 250.0, ws(&["Ann", "Bo"]), Step::MergeFirst),
            (Known::default(), 100.0, ann.clone(), Step::MergeFirst),
        ];
        for (known, disk, now, want) in cases {
            assert_eq!(next_step(&known, disk, &now), want, "{known:?} {disk}");
        }
    }

    #[test]
    fn notes() {
        assert_eq!(merged_note("team.json", &MergeReport::default()), None);
        let report = MergeReport {
            creators: StoreReport {
                added: 1,
                updated: 2,
                unchanged: 3,
                conflicts: vec![],
            },
            thresholds_changed: true,
            ..MergeReport::default()
        };
        assert_eq!(
            merged_note("team.json", &report).as_deref(),
            Some("Updated from team.json, changed outside this page: Creators: 1 added, 2 updated, 3 unchanged. Risk thresholds: changed.")
        );
        assert!(paused_note("team.json", "not JSON").contains("will not overwrite it"));
    }

    /// Regression: a kept file holding a record this build could not use (hand-edited, or one
    /// the checks refuse) lost it at the next write from here, which wrote only what was read.
    #[test]
    fn a_file_with_entries_that_could_not_be_used_is_not_written() {
        use crate::domain::io::workspace::import_workspace;
        // (file, what the note says: its start, or None)
        let cases = [
            (
                r#"{"app":"microscope","version":3,"creators":[{"id":"c1","name":"Ann"}]}"#,
                None,
            ),
            (
                r#"{"app":"microscope","version":3,"creators":[{"id":"c1","name":"Ann"},{"id":"c2","name":"Bo","followers":"many"}]}"#,
                Some("team.json holds 1 entry this version of Microscope could not use, so it stopped writing to the file: a write would remove it. Creators: record 2 (Bo)"),
            ),
            (
                r#"{"app":"microscope","version":3,"thresholds":{"dislike_ratio":"high"},"settings":7}"#,
                Some("team.json holds 2 entries this version of Microscope could not use, so it stopped writing to the file: a write would remove them. Risk thresholds:"),
            ),
        ];
        for (text, want) in cases {
            let import = import_workspace(text).expect("the file opens");
            let got = unread_note("team.json", &import);
            match want {
                None => assert_eq!(got, None, "{text}"),
                Some(fragment) => assert!(
                    got.as_deref().is_some_and(|g| g.starts_with(fragment)),
                    "{text}: {got:?}"
                ),
            }
        }
    }
}
