//! An imported creator merged into the one already on the shortlist with the same id: what the
//! file gives replaces what was there, and nothing the file does not give is lost.
//!
//! A file that has a column for a field decides it, even empty (the user cleared the cell); a
//! field the file has no column for keeps its value, unless the import worked one out (a platform
//! from a link). The dossier only grows: posts, comment samples, caption checks and the audience
//! never come from a CSV and stay; links and reported figures are added to; custom fields are
//! replaced only under the headers the file has; the import's follower count joins the history
//! unless the history already holds that count on that date.

use crate::creator::record::Creator;

use super::{ColumnMapping, Field, Target};

/// `incoming` (read from a file whose columns were `columns`) merged into `existing`.
pub fn merge_imported(existing: &Creator, incoming: Creator, columns: &[ColumnMapping]) -> Creator {
    let has = |f: Field| columns.iter().any(|c| c.target == Target::Field(f));
    let mut out = incoming;
    let old = existing.clone();
    out.created_at = old.created_at;
    // An optional value: the file's when it has the column or worked one out, else the old one.
    fn keep<T>(given: bool, new: &mut Option<T>, old: Option<T>) {
        if !given && new.is_none() {
            *new = old;
        }
    }
    keep(has(Field::Platform), &mut out.platform, old.platform);
    keep(
        has(Field::ProfileUrl),
        &mut out.profile_url,
        old.profile_url,
    );
    keep(has(Field::Followers), &mut out.followers, old.followers);
    let m = &mut out.metrics;
    for (field, new, old) in [
        (Field::Views, &mut m.views, old.metrics.views),
        (Field::Likes, &mut m.likes, old.metrics.likes),
        (Field::Comments, &mut m.comments, old.metrics.comments),
        (Field::Shares, &mut m.shares, old.metrics.shares),
        (Field::Saves, &mut m.saves, old.metrics.saves),
        (Field::Dislikes, &mut m.dislikes, old.metrics.dislikes),
        (
            Field::Impressions,
            &mut m.impressions,
            old.metrics.impressions,
        ),
        (Field::Reach, &mut m.reach, old.metrics.reach),
        (
            Field::PostsPerWeek,
            &mut out.posts_per_week,
            old.posts_per_week,
        ),
        (Field::Price, &mut out.price, old.price),
    ] {
        keep(has(field), new, old);
    }
    keep(
        has(Field::Currency) || has(Field::Price),
        &mut out.currency,
        old.currency,
    );
    keep(
        has(Field::SponsoredPosts),
        &mut out.sponsored_posts,
        old.sponsored_posts,
    );
    keep(has(Field::Email), &mut out.email, old.email);
    if !has(Field::Status) {
        out.status = old.status;
    }
    if !has(Field::Tags) {
        out.tags = old.tags;
    }
    for (field, new, old) in [
        (Field::Notes, &mut out.notes, old.notes),
        (Field::Location, &mut out.location, old.location),
        (Field::Language, &mut out.language, old.language),
    ] {
        if !has(field) {
            *new = old;
        }
    }
    let mut links = old.links;
    for l in std::mem::take(&mut out.links) {
        if !links.contains(&l) {
            links.push(l);
        }
    }
    // A link that is also the profile link stays: a fresh import keeps both, and a re-import of
    // the same file must not change what the first one gave.
    out.links = links;
    // The dossier's lists: the old entries first, then what the file adds.
    out.posts = old.posts;
    out.comment_samples = old.comment_samples;
    out.caption_checks = old.caption_checks;
    out.audience = old.audience;
    let mut history = old.follower_history;
    for s in out.follower_history.iter() {
        if !history
            .iter()
            .any(|h| h.date == s.date && h.count == s.count)
        {
            history.push(s.clone());
        }
    }
    out.follower_history = history;
    let mut reported = old.reported;
    for f in out.reported.iter() {
        if !reported.contains(f) {
            reported.push(f.clone());
        }
    }
    out.reported = reported;
    let file_custom: Vec<String> = columns
        .iter()
        .filter(|c| c.target == Target::Custom)
        .map(ColumnMapping::custom_name)
        .collect();
    let mut custom = old.custom;
    custom.retain(|c| !file_custom.contains(&c.name));
    custom.extend(out.custom.iter().cloned());
    out.custom = custom;
    // Nothing new from the file (the same file imported again): the record keeps its last
    // change, so a re-import does not make an old copy win a later merge over a real edit.
    let unchanged = Creator {
        updated_at: old.updated_at,
        ..out.clone()
    } == *existing;
    if unchanged {
        out.updated_at = old.updated_at;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::creator::dossier::{
        CommentSample, CustomField, FollowerSnapshot, Post, SampleCounts, SnapshotSource,
    };
    use crate::creator::record::Status;
    use crate::io::csv_import::ImportSession;
    use crate::text::date::Date;

    const DAY_MS: f64 = 86_400_000.0;

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn imported(text: &str, now_ms: f64) -> (Creator, Vec<ColumnMapping>) {
        let Ok(session) = ImportSession::new(text, now_ms) else {
            panic!("session for {text:?}");
        };
        let report = session.finish();
        assert_eq!(report.rejected, vec![], "{text:?}");
        let Some(c) = report.creators.into_iter().next() else {
            panic!("no creator in {text:?}");
        };
        (c, report.columns)
    }

    fn existing() -> Creator {
        let mut c = Creator::new("c1".into(), "Ann", 5.0);
        c.followers = Some(40_000);
        c.status = Status::Contacted;
        c.notes = "met at the fair".into();
        c.email = Some("ann@mail.com".into());
        c.posts.push(Post {
            date: Some(day("2026-01-02")),
            caption: "#ad".into(),
            ..Post::default()
        });
        c.comment_samples.push(CommentSample {
            date: day("2026-01-03"),
            text: "love it".into(),
            counts: SampleCounts::default(),
            likes: None,
            dislikes: None,
        });
        c.custom = vec![
            CustomField {
                name: "Phone".into(),
                value: "555".into(),
            },
            CustomField {
                name: "Shirt size".into(),
                value: "M".into(),
            },
        ]
        .into();
        c.follower_history.push(FollowerSnapshot {
            date: day("2026-01-01"),
            count: 40_000,
            source: SnapshotSource::Typed,
        });
        c
    }

    /// Regression: importing the file just exported merged it into the same creators and still
    /// changed them: a link that was also the profile link was removed, and every creator's last
    /// change moved to the import, so an unchanged copy could win a later merge.
    #[test]
    fn the_same_file_imported_again_changes_nothing() {
        let now = day("2026-05-14").day_number() as f64 * DAY_MS;
        let file = "id,name,profile url,other links,followers\n\
                    c1,Ann,https://instagram.com/ann,https://instagram.com/ann,40000\n";
        let (first, columns) = imported(file, now);
        // (the record the first import made, when the file is imported again, its last change)
        let cases = [
            (now + 60_000.0, now),
            (now + 2.0 * DAY_MS, now + 2.0 * DAY_MS),
        ];
        for (later, want_updated) in cases {
            let (again, columns_again) = imported(file, later);
            assert_eq!(columns_again, columns);
            let merged = merge_imported(&first, again, &columns);
            assert_eq!(merged.links, vec!["https://instagram.com/ann".to_string()]);
            // The same day: nothing new. Two days on: the follower count was seen again, a
            // dated entry of its own, so the record did change.
            assert_eq!(merged.updated_at, want_updated, "{later}");
            if want_updated == now {
                assert_eq!(merged, first);
            }
        }
    }

    #[test]
    fn a_merge_keeps_what_the_file_does_not_give() {
        let now = day("2026-05-14").day_number() as f64 * DAY_MS;
        let (incoming, columns) = imported("id,name,followers,Phone\nc1,Ann F,42.9k,556\n", now);
        let old = existing();
        let merged = merge_imported(&old, incoming, &columns);
        assert_eq!(merged.name, "Ann F");
        assert_eq!(merged.followers, Some(42_900));
        assert_eq!(merged.created_at, 5.0);
        // Not in the file: kept.
        assert_eq!(merged.status, Status::Contacted);
        assert_eq!(merged.notes, "met at the fair");
        assert_eq!(merged.email.as_deref(), Some("ann@mail.com"));
        assert_eq!(merged.posts, old.posts);
        assert_eq!(merged.comment_samples, old.comment_samples);
        // The file's custom column replaces the old value; the other stays.
        let custom: Vec<(&str, &str)> = merged
            .custom
            .iter()
            .map(|c| (c.name.as_str(), c.value.as_str()))
            .collect();
        assert_eq!(custom, vec![("Shirt size", "M"), ("Phone", "556")]);
        let history: Vec<(String, u64, SnapshotSource)> = merged
            .follower_history
            .iter()
            .map(|s| (s.date.to_string(), s.count, s.source))
            .collect();
        assert_eq!(
            history,
            vec![
                ("2026-01-01".into(), 40_000, SnapshotSource::Typed),
                ("2026-05-14".into(), 42_900, SnapshotSource::Import),
            ]
        );
    }

    #[test]
    fn the_history_grows_only_when_count_or_date_differ() {
        // (import date, followers, snapshots after merging twice)
        let cases = [
            ("2026-05-14", "42900", 2),
            ("2026-01-01", "40000", 1),
            ("2026-01-01", "41000", 2),
        ];
        for (date, followers, want) in cases {
            let now = day(date).day_number() as f64 * DAY_MS;
            let text = format!("id,name,followers\nc1,Ann,{followers}\n");
            let (first, columns) = imported(&text, now);
            let once = merge_imported(&existing(), first.clone(), &columns);
            let twice = merge_imported(&once, first, &columns);
            assert_eq!(twice.follower_history.len(), want, "{date} {followers}");
        }
    }
}
