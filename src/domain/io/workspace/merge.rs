//! Restoring a workspace file into what the browser holds, store by store: replace, merge, or
//! keep what is here. Merge matches records by id, keeps the newer `updated_at`, and never loses a
//! dated entry of either side (a post, a comment sample, a tracked result): those are unioned.

use crate::campaign::attribution::{shared_codes, SharedCode};
use crate::campaign::record::Campaign;
use crate::creator::dossier::Entries;
use crate::creator::record::Creator;
use crate::io::workspace::Workspace;
use crate::risk::thresholds::{PartialThresholds, Thresholds};
use crate::text::date::Date;
use crate::text::format::capitalise;

/// What to do with one store of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StoreChoice {
    /// Add the file's records, update those with the same id when the file's are newer.
    #[default]
    Merge,
    /// Use the file's store instead of this browser's.
    Replace,
    /// Leave this browser's store as it is.
    Keep,
}

/// One choice per store; thresholds and settings are single values, so merge means "the file's
/// where it has them": each threshold or setting the file names, the others as they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Choices {
    pub creators: StoreChoice,
    pub campaigns: StoreChoice,
    pub thresholds: StoreChoice,
    pub settings: StoreChoice,
}

/// What a restore did to one list store.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoreReport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Records both sides changed; each line says which version was kept and why.
    pub conflicts: Vec<String>,
}

/// What a restore did, store by store.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub creators: StoreReport,
    pub campaigns: StoreReport,
    pub thresholds_changed: bool,
    /// Values of the file's thresholds left out of the restore, one sentence each (a value that
    /// would have put a pair of thresholds out of order).
    pub thresholds_notes: Vec<String>,
    pub settings_changed: bool,
    /// Discount codes the restore left with two creators (issue 17: codes are unique in the
    /// workspace), one sentence each naming the holders. They are reported, not renamed: a creator
    /// may already be handing the code out, so the user picks which one changes.
    pub shared_codes: Vec<String>,
}

impl StoreReport {
    /// "2 added, 1 updated, 3 unchanged" (only the counts that are not zero); `None` when the
    /// store was not touched.
    fn counts(&self) -> Option<String> {
        let parts: Vec<String> = [
            (self.added, "added"),
            (self.updated, "updated"),
            (self.unchanged, "unchanged"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

impl MergeReport {
    /// One line per store that changed or was compared, then each conflict resolved, naming its
    /// store: what a restore or a file sync tells the user.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (store, report) in [("Creators", &self.creators), ("Campaigns", &self.campaigns)] {
            if let Some(counts) = report.counts() {
                out.push(format!("{store}: {counts}."));
            }
        }
        if self.thresholds_changed {
            out.push("Risk thresholds: changed.".to_string());
        }
        out.extend(
            self.thresholds_notes
                .iter()
                .map(|n| format!("Risk thresholds: {n}")),
        );
        if self.settings_changed {
            out.push("Settings: changed.".to_string());
        }
        for (store, report) in [("Creators", &self.creators), ("Campaigns", &self.campaigns)] {
            out.extend(
                report
                    .conflicts
                    .iter()
                    .map(|c| format!("{store}, conflict resolved: {c}")),
            );
        }
        out.extend(
            self.shared_codes
                .iter()
                .map(|c| format!("Campaigns, to check: {}", capitalise(c))),
        );
        out
    }

    /// Whether anything here changed (records added or updated, thresholds, settings).
    pub fn changed(&self) -> bool {
        self.creators.added + self.creators.updated + self.campaigns.added + self.campaigns.updated
            > 0
            || self.thresholds_changed
            || self.settings_changed
    }
}

/// A record that merges by id and date.
pub trait Mergeable: Clone + PartialEq {
    /// Id, name and `updated_at`.
    fn stamp(&self) -> (&str, &str, f64);
    fn id(&self) -> &str {
        self.stamp().0
    }
    fn name(&self) -> &str {
        self.stamp().1
    }
    fn updated_at(&self) -> f64 {
        self.stamp().2
    }
    /// Adds the dated entries of `other` that `self` lacks (both versions of one record).
    fn absorb(&mut self, other: &Self);
}

/// Appends each entry of `from` that `into` does not hold yet, then keeps date order.
fn union<T: Clone + PartialEq>(into: &mut Vec<T>, from: &[T], date: impl Fn(&T) -> Option<Date>) {
    let before = into.len();
    for item in from {
        if !into.contains(item) {
            into.push(item.clone());
        }
    }
    if into.len() != before {
        // Stable: entries of the same date keep their order; undated ones come first.
        into.sort_by_key(|x| date(x));
    }
}

fn union_entries<T: Clone + PartialEq>(
    into: &mut Entries<T>,
    from: &Entries<T>,
    date: impl Fn(&T) -> Option<Date>,
) {
    union(into, from, date);
}

impl Mergeable for Creator {
    fn stamp(&self) -> (&str, &str, f64) {
        (&self.id, &self.name, self.updated_at)
    }
    fn absorb(&mut self, other: &Self) {
        union_entries(&mut self.posts, &other.posts, |p| p.date);
        union_entries(&mut self.follower_history, &other.follower_history, |s| {
            Some(s.date)
        });
        union_entries(&mut self.comment_samples, &other.comment_samples, |s| {
            Some(s.date)
        });
        union_entries(&mut self.caption_checks, &other.caption_checks, |c| {
            Some(c.date)
        });
        union_entries(&mut self.reported, &other.reported, |r| r.date);
        // A custom column is one value per name: the kept version's value wins, the other side's
        // columns this one lacks are added.
        for field in other.custom.iter() {
            if !self.custom.iter().any(|f| f.name == field.name) {
                self.custom.push(field.clone());
            }
        }
        for link in &other.links {
            if !self.links.contains(link) {
                self.links.push(link.clone());
            }
        }
    }
}

impl Mergeable for Campaign {
    fn stamp(&self) -> (&str, &str, f64) {
        (&self.id, &self.name, self.updated_at)
    }
    fn absorb(&mut self, other: &Self) {
        union(&mut self.results, &other.results, |r| r.date);
        self.deliverables.absorb(&other.deliverables);
        self.pricing.absorb(&other.pricing);
        for id in &other.creators {
            if !self.creators.contains(id) {
                self.creators.push(id.clone());
            }
        }
    }
}

fn when(ms: f64) -> String {
    Date::from_ms(ms).map_or_else(|| "an unknown date".to_string(), |d| d.to_string())
}

/// Merges `incoming` into `current` by id (see the module's rules). Order: `current`'s records
/// first, in their order, then the new ones in the file's order.
pub fn merge_records<T: Mergeable>(current: &[T], incoming: &[T]) -> (Vec<T>, StoreReport) {
    let mut report = StoreReport::default();
    let mut out: Vec<T> = current.to_vec();
    let mut index: std::collections::HashMap<String, usize> = out
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id().to_string(), i))
        .collect();
    for theirs in incoming {
        let Some(&i) = index.get(theirs.id()) else {
            index.insert(theirs.id().to_string(), out.len());
            out.push(theirs.clone());
            report.added += 1;
            continue;
        };
        let Some(ours) = out.get_mut(i) else {
            continue;
        };
        if *ours == *theirs {
            report.unchanged += 1;
            continue;
        }
        if theirs.updated_at() > ours.updated_at() {
            let mut kept = theirs.clone();
            kept.absorb(ours);
            if ours.updated_at() > 0.0 && ours.updated_at() != theirs.updated_at() {
                report.conflicts.push(format!(
                    "“{}”: the file's version (changed {}) replaced this browser's (changed {}); dated entries of both were kept.",
                    theirs.name(),
                    when(theirs.updated_at()),
                    when(ours.updated_at())
                ));
            }
            *ours = kept;
            report.updated += 1;
        } else {
            let before = ours.clone();
            ours.absorb(theirs);
            report.conflicts.push(format!(
                "“{}”: this browser's version (changed {}) was kept over the file's (changed {}); dated entries of both were kept.",
                ours.name(),
                when(ours.updated_at()),
                when(theirs.updated_at())
            ));
            if *ours != before {
                report.updated += 1;
            } else {
                report.unchanged += 1;
            }
        }
    }
    (out, report)
}

/// One list store as `choice` restores it: kept, replaced by the file's records (all of them
/// added), or merged record by record; `report` says what changed.
fn restore_list<T: Mergeable>(
    choice: StoreChoice,
    current: &[T],
    file: &[T],
    report: &mut StoreReport,
) -> Vec<T> {
    match choice {
        StoreChoice::Keep => current.to_vec(),
        StoreChoice::Replace => {
            report.added = file.len();
            file.to_vec()
        }
        StoreChoice::Merge => {
            let (list, r) = merge_records(current, file);
            *report = r;
            list
        }
    }
}

/// The thresholds `choice` restores, always a full set (`None`: the defaults), and one sentence
/// per value of the file left out. The file may name only some thresholds: merge puts them over
/// this browser's, so those it does not name stay as they are; replace puts them over the
/// defaults (the restore dialog says so).
fn restore_thresholds(
    choice: StoreChoice,
    current: &Workspace,
    file: &Workspace,
) -> (Option<PartialThresholds>, Vec<String>) {
    let here = current
        .thresholds
        .map(|t| t.or_defaults())
        .unwrap_or_default();
    let (values, notes) = match (choice, file.thresholds) {
        (StoreChoice::Keep, _) | (StoreChoice::Merge, None) => return (current.thresholds, vec![]),
        (StoreChoice::Replace, None) => (Thresholds::default(), vec![]),
        (StoreChoice::Replace, Some(t)) => t.over(&Thresholds::default()),
        (StoreChoice::Merge, Some(t)) => t.over(&here),
    };
    // What the stores hold is `None` at the defaults (`Stores::current`), so the same here: a
    // restore that lands on them reports no change when there was none.
    let values = (values != Thresholds::default()).then(|| PartialThresholds::all(values));
    (values, notes)
}

/// Applies `file` to `current` with the user's `choices`; returns the new workspace and what
/// changed. Pure: the caller saves each store (and nothing when an error stops it earlier).
pub fn restore(
    current: &Workspace,
    file: &Workspace,
    choices: Choices,
) -> (Workspace, MergeReport) {
    let mut report = MergeReport::default();
    let creators = restore_list(
        choices.creators,
        &current.creators,
        &file.creators,
        &mut report.creators,
    );
    let campaigns = restore_list(
        choices.campaigns,
        &current.campaigns,
        &file.campaigns,
        &mut report.campaigns,
    );
    let (thresholds, notes) = restore_thresholds(choices.thresholds, current, file);
    report.thresholds_changed = thresholds != current.thresholds;
    report.thresholds_notes = notes;
    let settings = match choices.settings {
        StoreChoice::Keep => current.settings.clone(),
        StoreChoice::Replace => file.settings.clone(),
        StoreChoice::Merge => {
            let mut s = current.settings.clone();
            let f = &file.settings;
            s.formula = f.formula.or(s.formula);
            if f.currency.is_some() {
                s.currency = f.currency.clone();
            }
            for d in &f.dismissed {
                if !s.dismissed.contains(d) {
                    s.dismissed.push(d.clone());
                }
            }
            for (k, v) in &f.extra {
                s.extra.insert(k.clone(), v.clone());
            }
            s
        }
    };
    report.settings_changed = settings != current.settings;
    // Only what this restore brought: a code already shared here was reported when it arrived.
    let before: Vec<SharedCode> = shared_codes(&current.campaigns);
    report.shared_codes = shared_codes(&campaigns)
        .into_iter()
        .filter(|s| !before.contains(s))
        .map(|s| s.sentence(&creators))
        .collect();
    (
        Workspace {
            creators,
            campaigns,
            thresholds,
            settings,
        },
        report,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::creator::dossier::{CommentSample, FollowerSnapshot, SnapshotSource};
    use crate::text::date::day;

    /// A file's thresholds entry as `import_workspace` reads it.
    fn file_thresholds(entry: serde_json::Value) -> Option<PartialThresholds> {
        let (t, problems) = PartialThresholds::from_json(entry);
        assert!(problems.is_empty(), "{problems:?}");
        t
    }

    /// Regression: a file naming one threshold, merged into a browser whose thresholds were
    /// customised, reset every threshold it did not name to its default. Merge now keeps this
    /// browser's value for each threshold the file does not name; replace takes the defaults for
    /// them; keep ignores the file.
    #[test]
    fn thresholds_the_file_does_not_name() {
        let here = Workspace {
            thresholds: Some(PartialThresholds::all(Thresholds {
                negative_comment_share: 0.41,
                min_sponsored_posts: 7.0,
                ..Thresholds::default()
            })),
            ..Workspace::default()
        };
        let named = |json| Workspace {
            thresholds: file_thresholds(json),
            ..Workspace::default()
        };
        let one = named(serde_json::json!({"min_comment_sample": 40}));
        let low = named(serde_json::json!({"negative_comment_share": 0.45}));
        let none = Workspace::default();
        let d = Thresholds::default();
        // (file, choice, (negative share, sponsored posts, comment sample), changed, notes)
        let cases = [
            (&one, StoreChoice::Merge, (0.41, 7.0, 40.0), true, 0),
            (
                &one,
                StoreChoice::Replace,
                (d.negative_comment_share, d.min_sponsored_posts, 40.0),
                true,
                0,
            ),
            (
                &one,
                StoreChoice::Keep,
                (0.41, 7.0, d.min_comment_sample),
                false,
                0,
            ),
            (
                &none,
                StoreChoice::Merge,
                (0.41, 7.0, d.min_comment_sample),
                false,
                0,
            ),
            (
                &none,
                StoreChoice::Replace,
                (
                    d.negative_comment_share,
                    d.min_sponsored_posts,
                    d.min_comment_sample,
                ),
                true,
                0,
            ),
            // 45% is under the default "high" share (50%): used, the rest kept.
            (
                &low,
                StoreChoice::Merge,
                (0.45, 7.0, d.min_comment_sample),
                true,
                0,
            ),
        ];
        for (file, choice, (share, posts, sample), changed, notes) in cases {
            let row = format!("{:?} {choice:?}", file.thresholds);
            let (ws, report) = restore(
                &here,
                file,
                Choices {
                    thresholds: choice,
                    ..Choices::default()
                },
            );
            let got = ws.thresholds.map(|t| t.or_defaults()).unwrap_or_default();
            assert_eq!(
                (
                    got.negative_comment_share,
                    got.min_sponsored_posts,
                    got.min_comment_sample
                ),
                (share, posts, sample),
                "{row}"
            );
            assert!(ws.thresholds.is_none_or(|t| t.is_complete()), "{row}");
            assert_eq!(report.thresholds_changed, changed, "{row}");
            assert_eq!(report.thresholds_notes.len(), notes, "{row}");
        }
        // A value that would put a pair out of order against this browser's other half is left
        // out, and the report says so; the pair stays as it was here.
        let high_here = Workspace {
            thresholds: Some(PartialThresholds::all(Thresholds {
                negative_comment_share_high: 0.40,
                ..Thresholds::default()
            })),
            ..Workspace::default()
        };
        let (ws, report) = restore(&high_here, &low, Choices::default());
        assert_eq!(ws.thresholds, high_here.thresholds);
        assert_eq!(
            report.lines(),
            vec!["Risk thresholds: “Negative comments (caution)” (45%) must not be higher than “Negative comments (high risk)” (40%). The file's value was not used."]
        );
    }

    fn creator(id: &str, name: &str, updated: f64) -> Creator {
        let mut c = Creator::new(id.into(), name, 1.0);
        c.updated_at = updated;
        c
    }

    fn sample(date: &str, text: &str) -> CommentSample {
        CommentSample {
            date: day(date),
            text: text.into(),
            counts: Default::default(),
            likes: None,
            dislikes: None,
        }
    }

    const NOV_1: f64 = 1_761_955_200_000.0;
    const DEC_1: f64 = 1_764_547_200_000.0;

    #[test]
    fn merge_by_id_keeps_the_newer_and_both_sides_entries() {
        let mut ours_ana = creator("a", "Ana", NOV_1);
        ours_ana.comment_samples.push(sample("2026-10-30", "ours"));
        ours_ana.followers = Some(10);
        let mut theirs_ana = creator("a", "Ana S.", DEC_1);
        theirs_ana
            .comment_samples
            .push(sample("2026-11-20", "theirs"));
        theirs_ana.followers = Some(12);
        let mut ours_bo = creator("b", "Bo", DEC_1);
        ours_bo.notes = "ours is newer".into();
        let theirs_bo = creator("b", "Bo", NOV_1);
        let cy = creator("c", "Cy", NOV_1);
        let (list, report) = merge_records(
            &[ours_ana, ours_bo.clone(), cy.clone()],
            &[theirs_ana, theirs_bo, cy, creator("d", "Dee", NOV_1)],
        );
        let names: Vec<&str> = list.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, vec!["Ana S.", "Bo", "Cy", "Dee"]);
        let ana = &list[0];
        assert_eq!(ana.followers, Some(12));
        let texts: Vec<&str> = ana
            .comment_samples
            .iter()
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(texts, vec!["ours", "theirs"]);
        assert_eq!(list[1].notes, "ours is newer");
        assert_eq!(
            (report.added, report.updated, report.unchanged),
            (1, 1, 2),
            "{report:?}"
        );
        assert_eq!(
            report.conflicts,
            vec![
                "“Ana S.”: the file's version (changed 2025-12-01) replaced this browser's (changed 2025-11-01); dated entries of both were kept.",
                "“Bo”: this browser's version (changed 2025-12-01) was kept over the file's (changed 2025-11-01); dated entries of both were kept.",
            ]
        );
    }

    /// Conflicts, one row each: this browser's record and the file's with the same id.
    #[test]
    fn merge_conflict_table() {
        // (ours updated, theirs updated, same content, kept name, (added, updated, unchanged), conflicts)
        let cases = [
            (NOV_1, DEC_1, false, "Theirs", (0, 1, 0), 1),
            (DEC_1, NOV_1, false, "Ours", (0, 0, 1), 1),
            (NOV_1, NOV_1, false, "Ours", (0, 0, 1), 1),
            (NOV_1, NOV_1, true, "Ours", (0, 0, 1), 0),
            // Never stamped (0): the file's newer version is taken without a conflict line.
            (0.0, NOV_1, false, "Theirs", (0, 1, 0), 0),
        ];
        for (ours_at, theirs_at, same, kept, counts, conflicts) in cases {
            let ours = creator("a", "Ours", ours_at);
            let theirs = if same {
                ours.clone()
            } else {
                creator("a", "Theirs", theirs_at)
            };
            let (list, report) = merge_records(&[ours], &[theirs]);
            let row = format!("{ours_at} {theirs_at} {same}");
            assert_eq!(list.len(), 1, "{row}");
            assert_eq!(list[0].name, kept, "{row}");
            assert_eq!(
                (report.added, report.updated, report.unchanged),
                counts,
                "{row}"
            );
            assert_eq!(
                report.conflicts.len(),
                conflicts,
                "{row}: {:?}",
                report.conflicts
            );
        }
    }

    #[test]
    fn report_lines_name_each_store() {
        let mut here = Workspace::default();
        here.creators.push(creator("a", "Ana", NOV_1));
        let file = Workspace {
            creators: vec![creator("a", "Ana S.", DEC_1), creator("b", "Bo", NOV_1)],
            campaigns: vec![Campaign::new("k".into(), "Spring", NOV_1)],
            thresholds: file_thresholds(serde_json::json!({"min_sponsored_posts": 5})),
            settings: Default::default(),
        };
        let (_, report) = restore(&here, &file, Choices::default());
        assert!(report.changed());
        assert_eq!(
            report.lines(),
            vec![
                "Creators: 1 added, 1 updated.",
                "Campaigns: 1 added.",
                "Risk thresholds: changed.",
                "Creators, conflict resolved: “Ana S.”: the file's version (changed 2025-12-01) replaced this browser's (changed 2025-11-01); dated entries of both were kept.",
            ]
        );
        let (_, nothing) = restore(&here, &Workspace::default(), Choices::default());
        assert!(!nothing.changed());
        assert!(nothing.lines().is_empty());
    }

    #[test]
    fn restore_store_by_store() {
        let mut here = Workspace::default();
        here.creators.push(creator("a", "Ana", NOV_1));
        let mut snap = creator("a", "Ana", DEC_1);
        snap.follower_history.push(FollowerSnapshot {
            date: day("2025-12-01"),
            count: 5,
            source: SnapshotSource::Import,
        });
        let file = Workspace {
            creators: vec![snap, creator("z", "Zed", NOV_1)],
            campaigns: vec![],
            thresholds: file_thresholds(serde_json::json!({"min_sponsored_posts": 5})),
            settings: Default::default(),
        };
        // (choices, creator names after, thresholds changed)
        let cases = [
            (Choices::default(), vec!["Ana", "Zed"], true),
            (
                Choices {
                    creators: StoreChoice::Keep,
                    thresholds: StoreChoice::Keep,
                    ..Choices::default()
                },
                vec!["Ana"],
                false,
            ),
            (
                Choices {
                    creators: StoreChoice::Replace,
                    ..Choices::default()
                },
                vec!["Ana", "Zed"],
                true,
            ),
        ];
        for (choices, names, thresholds) in cases {
            let (ws, report) = restore(&here, &file, choices);
            let got: Vec<&str> = ws.creators.iter().map(|c| c.name.as_str()).collect();
            assert_eq!(got, names, "{choices:?}");
            assert_eq!(report.thresholds_changed, thresholds, "{choices:?}");
        }
        let (ws, _) = restore(&here, &file, Choices::default());
        assert_eq!(ws.creators[0].follower_history.len(), 1);
    }

    /// Issue 17: a restore that gives one discount code to two creators (two teammates each
    /// generated "ANN15") says so, naming both, and renames neither; a code that was already
    /// shared before the restore is not reported again, and "Keep" brings nothing.
    #[test]
    fn restore_reports_codes_it_leaves_shared() {
        use crate::campaign::attribution::CreatorCode;
        let coded = |id: &str, name: &str, creator: &str, code: &str| {
            let mut c = Campaign::new(id.into(), name, 1.0);
            c.creators = vec![creator.to_string()];
            c.attribution.creators.insert(
                creator.into(),
                CreatorCode {
                    code: code.into(),
                    ..CreatorCode::default()
                },
            );
            c
        };
        let here = Workspace {
            creators: vec![creator("a", "Ann", NOV_1), creator("b", "Bob", NOV_1)],
            campaigns: vec![coded("c1", "Launch", "a", "ANN15")],
            ..Workspace::default()
        };
        let file = Workspace {
            campaigns: vec![coded("c2", "Spring", "b", "ann15")],
            ..Workspace::default()
        };
        let want = "Campaigns, to check: Discount code “ANN15” is held by “Ann” in “Launch” and by “Bob” in “Spring”; a shop credits each order to one code, so change all but one of them.";
        // (choices, lines about shared codes)
        let keep = Choices {
            campaigns: StoreChoice::Keep,
            ..Choices::default()
        };
        for (choices, shared) in [(Choices::default(), vec![want]), (keep, vec![])] {
            let (ws, report) = restore(&here, &file, choices);
            let lines = report.lines();
            let got: Vec<&str> = lines
                .iter()
                .map(String::as_str)
                .filter(|l| l.contains("to check"))
                .collect();
            assert_eq!(got, shared, "{choices:?}");
            // Neither code was renamed.
            let codes: Vec<&str> = ws
                .campaigns
                .iter()
                .flat_map(|c| c.attribution.creators.values().map(|k| k.code.as_str()))
                .collect();
            assert!(
                codes.iter().all(|c| c.eq_ignore_ascii_case("ANN15")),
                "{codes:?}"
            );
        }
        // Already shared here: restoring the same file again reports nothing new.
        let (merged, _) = restore(&here, &file, Choices::default());
        let (_, again) = restore(&merged, &file, Choices::default());
        assert!(again.shared_codes.is_empty(), "{:?}", again.shared_codes);
    }
}
