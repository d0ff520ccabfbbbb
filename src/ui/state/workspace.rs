//! The four stores read and restored together: what a workspace file holds. A restore is worked
//! out by the domain (`restore`) on a copy of what the stores hold, then each store that changed
//! takes the result through its own door (`replace_all`, `apply`), so the stores' rules still hold:
//! two tabs merge, unreadable stored data is never overwritten, a full quota keeps everything in
//! memory. A file that can't be opened stops before any store is touched.

use leptos::prelude::*;

use crate::domain::io::workspace::merge::{restore, Choices, MergeReport};
use crate::domain::io::workspace::{import_workspace, Workspace, WorkspaceError, WorkspaceImport};
use crate::domain::risk::thresholds::{PartialThresholds, Thresholds};
use crate::ui::state::lazy::Lazy;
use crate::ui::state::{CampaignsStore, SettingsStore, ShortlistStore, ThresholdsStore};

/// The stores this page provides (each may be missing, e.g. in a test that mounts one panel).
/// Taken from context when a component is set up; cheap to copy into its handlers.
#[derive(Clone, Copy, Default)]
pub struct Stores {
    pub shortlist: Option<ShortlistStore>,
    /// Provided as is (tests, a panel alone); otherwise see `lazy_campaigns`.
    pub campaigns: Option<CampaignsStore>,
    /// `App` creates the campaigns store on first use: reading or restoring the workspace is
    /// such a use, following it for the file is not (see [`Stores::track`]).
    pub lazy_campaigns: Option<StoredValue<Lazy<CampaignsStore>>>,
    pub thresholds: Option<ThresholdsStore>,
    pub settings: Option<SettingsStore>,
}

/// What a restore did: the file as opened (with its dropped records) and the merge's report.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    pub import: WorkspaceImport,
    pub report: MergeReport,
}

impl Stores {
    /// The stores provided as context here.
    pub fn here() -> Stores {
        Stores {
            shortlist: use_context(),
            campaigns: use_context(),
            lazy_campaigns: use_context::<Lazy<CampaignsStore>>().map(StoredValue::new),
            thresholds: use_context(),
            settings: use_context(),
        }
    }

    /// The campaigns store, created now if `App` has not yet (a workspace read or restore needs
    /// what is stored).
    fn campaigns_store(&self) -> Option<CampaignsStore> {
        self.campaigns.or_else(|| {
            self.lazy_campaigns
                .and_then(|l| l.try_with_value(|l| l.get(CampaignsStore::load)))
        })
    }

    /// What the stores hold now (thresholds only when changed from the defaults).
    pub fn current(&self) -> Workspace {
        Workspace {
            creators: self
                .shortlist
                .and_then(|s| s.list.try_with_untracked(|l| l.creators().to_vec()))
                .unwrap_or_default(),
            campaigns: self
                .campaigns_store()
                .and_then(|c| c.campaigns.try_get_untracked())
                .unwrap_or_default(),
            thresholds: self
                .thresholds
                .and_then(|t| t.value.try_get_untracked())
                .filter(|t| *t != Thresholds::default())
                .map(PartialThresholds::all),
            settings: self
                .settings
                .and_then(|s| s.value.try_get_untracked())
                .unwrap_or_default(),
        }
    }

    /// Subscribes the running effect to every store's value (a change anywhere re-runs it).
    pub fn track(&self) {
        if let Some(s) = self.shortlist {
            s.list.track();
        }
        // Not created yet: nothing to follow until a section creates it, which re-runs the
        // effect through `created`.
        let campaigns = self.campaigns.or_else(|| {
            self.lazy_campaigns
                .and_then(|l| l.try_with_value(Lazy::created).flatten())
        });
        if let Some(c) = campaigns {
            c.campaigns.track();
        }
        if let Some(t) = self.thresholds {
            t.value.track();
        }
        if let Some(s) = self.settings {
            s.value.track();
        }
    }

    /// Puts `next` into the stores, each through its own door, touching only those that differ
    /// from `before`.
    pub fn apply(&self, before: &Workspace, next: Workspace) {
        let Workspace {
            creators,
            campaigns,
            thresholds,
            settings,
        } = next;
        if let Some(s) = self.shortlist.filter(|_| creators != before.creators) {
            s.replace_all(creators);
        }
        if let Some(c) = self
            .campaigns_store()
            .filter(|_| campaigns != before.campaigns)
        {
            c.replace_all(campaigns);
        }
        if let Some(t) = self.thresholds.filter(|_| thresholds != before.thresholds) {
            // A restore's result names every threshold (`restore` puts a file's over a full set).
            t.apply(thresholds.map(|t| t.or_defaults()).unwrap_or_default());
        }
        if let Some(s) = self.settings.filter(|_| settings != before.settings) {
            s.apply(settings);
        }
    }

    /// Restores an opened file's workspace with the user's `choices`.
    pub fn restore(&self, file: &Workspace, choices: Choices) -> MergeReport {
        let before = self.current();
        let (next, report) = restore(&before, file, choices);
        self.apply(&before, next);
        report
    }

    /// Opens `text` as a workspace file and restores it: a file that can't be opened (newer,
    /// cut short, not JSON) returns its error and no store changes.
    pub fn restore_text(&self, text: &str, choices: Choices) -> Result<Restored, WorkspaceError> {
        let import = import_workspace(text)?;
        let report = self.restore(&import.file.workspace, choices);
        Ok(Restored { import, report })
    }
}
