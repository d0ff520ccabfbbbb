//! The follower history rule: every check, edit and typed count leaves one dated entry per day, so
//! the dossier shows how the count moved without repeating what nothing changed.

use crate::creator::dossier::{FollowerSnapshot, SnapshotSource};
use crate::creator::record::Creator;
use crate::text::date::Date;

impl Creator {
    /// Notes a follower count seen on `date` from `source`.
    ///
    /// - no entry on that day: one is added, in date order;
    /// - an entry on that day with the same count: nothing changes (a second save the same day is
    ///   not news);
    /// - an entry on that day with another count: that entry takes the new count and source (the
    ///   day's last word wins, so a typo fixed the same day leaves no trace of the typo).
    ///
    /// When the count is the newest in the history it also becomes the creator's `followers`.
    /// Returns whether the history changed.
    pub fn note_followers(&mut self, count: u64, date: Date, source: SnapshotSource) -> bool {
        let history = &mut self.follower_history;
        let changed = match history.iter_mut().rev().find(|s| s.date == date) {
            Some(same_day) if same_day.count == count => false,
            Some(same_day) => {
                same_day.count = count;
                same_day.source = source;
                true
            }
            None => {
                // After every entry of that day or earlier: entries stay in date order.
                let at = history.partition_point(|s| s.date <= date);
                history.insert(
                    at,
                    FollowerSnapshot {
                        date,
                        count,
                        source,
                    },
                );
                true
            }
        };
        if history.iter().all(|s| s.date <= date) {
            self.followers = Some(count);
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::date::day;
    use SnapshotSource::{Check, Edit, Import, Typed};

    fn snap(date: &str, count: u64, source: SnapshotSource) -> FollowerSnapshot {
        FollowerSnapshot {
            date: day(date),
            count,
            source,
        }
    }

    #[test]
    fn one_entry_per_day_in_date_order() {
        let start = vec![
            snap("2026-01-10", 1_000, Import),
            snap("2026-02-10", 1_200, Check),
        ];
        // (history before, note (count, date, source), changed, history after, followers after)
        type Case = (
            Vec<FollowerSnapshot>,
            (u64, &'static str, SnapshotSource),
            bool,
            Vec<FollowerSnapshot>,
            Option<u64>,
        );
        let cases: Vec<Case> = vec![
            // First count ever.
            (
                vec![],
                (900, "2026-01-01", Check),
                true,
                vec![snap("2026-01-01", 900, Check)],
                Some(900),
            ),
            // A new day: appended, and it is the current count.
            (
                start.clone(),
                (1_300, "2026-03-01", Edit),
                true,
                vec![
                    snap("2026-01-10", 1_000, Import),
                    snap("2026-02-10", 1_200, Check),
                    snap("2026-03-01", 1_300, Edit),
                ],
                Some(1_300),
            ),
            // The same day and count: not repeated.
            (
                start.clone(),
                (1_200, "2026-02-10", Edit),
                false,
                start.clone(),
                Some(1_200),
            ),
            // The same day, a new count: that day's entry is updated, source included.
            (
                start.clone(),
                (1_250, "2026-02-10", Edit),
                true,
                vec![
                    snap("2026-01-10", 1_000, Import),
                    snap("2026-02-10", 1_250, Edit),
                ],
                Some(1_250),
            ),
            // An older count typed in: slotted in by date; the current count (5) stays.
            (
                start.clone(),
                (1_100, "2026-01-20", Typed),
                true,
                vec![
                    snap("2026-01-10", 1_000, Import),
                    snap("2026-01-20", 1_100, Typed),
                    snap("2026-02-10", 1_200, Check),
                ],
                Some(5),
            ),
            // The same count as the day before is still a new day's entry (the count was seen).
            (
                start.clone(),
                (1_200, "2026-02-11", Check),
                true,
                vec![
                    snap("2026-01-10", 1_000, Import),
                    snap("2026-02-10", 1_200, Check),
                    snap("2026-02-11", 1_200, Check),
                ],
                Some(1_200),
            ),
        ];
        for (before, (count, date, source), changed, after, followers) in cases {
            let mut c = Creator::new("c1".into(), "Ann", 0.0);
            c.followers = Some(5);
            c.follower_history = before.clone().into();
            assert_eq!(
                c.note_followers(count, day(date), source),
                changed,
                "{before:?} + {count} on {date}"
            );
            assert_eq!(*c.follower_history, after, "{before:?} + {count} on {date}");
            assert_eq!(c.followers, followers, "{before:?} + {count} on {date}");
        }
    }
}
