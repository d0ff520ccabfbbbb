//! The dated series of a creator's dossier, in date order: followers over time and views per post
//! by date. The dossier charts draw them and the history rules (`risk::rules::history`) read them,
//! so both see the same points.
//!
//! The stored lists keep the order the user entered them in, and may hold two follower counts for
//! one day (a check and an edit); a series is sorted by date and keeps one count a day.

use serde::{Deserialize, Serialize};

use crate::creator::dossier::{FollowerSnapshot, Post};
use crate::text::date::Date;

/// A value on a date: a follower count, or the views of one post.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub date: Date,
    pub value: f64,
}

/// Follower counts oldest first, one per date: of two counts on one day the one entered last
/// wins (it is the later reading of that day, as the history is appended to).
pub fn followers_over_time(history: &[FollowerSnapshot]) -> Vec<Point> {
    let mut points: Vec<Point> = history
        .iter()
        .map(|s| Point {
            date: s.date,
            value: s.count as f64,
        })
        .collect();
    // A stable sort keeps the entry order within a day, so the last of a day is the one kept.
    points.sort_by_key(|p| p.date);
    let mut out: Vec<Point> = Vec::with_capacity(points.len());
    for p in points {
        match out.last_mut() {
            Some(last) if last.date == p.date => *last = p,
            _ => out.push(p),
        }
    }
    out
}

/// Views of each dated post with views, oldest first (posts of one day keep their order).
/// Posts without a date or views have no place on a time axis and are left out.
pub fn views_by_date(posts: &[Post]) -> Vec<Point> {
    let mut points: Vec<Point> = posts
        .iter()
        .filter_map(|p| {
            let views = p.metrics.views.filter(|v| v.is_finite() && *v >= 0.0)?;
            Some(Point {
                date: p.date?,
                value: views,
            })
        })
        .collect();
    points.sort_by_key(|p| p.date);
    points
}

/// The count of the point nearest `date` in a date-ordered series (of two equally near, the
/// earlier); `None` for an empty series.
pub fn value_nearest(series: &[Point], date: Date) -> Option<f64> {
    let after = series.partition_point(|p| p.date < date);
    let later = series.get(after);
    let earlier = after.checked_sub(1).and_then(|i| series.get(i));
    match (earlier, later) {
        (Some(e), Some(l)) => {
            if e.date.days_until(date) <= date.days_until(l.date) {
                Some(e.value)
            } else {
                Some(l.value)
            }
        }
        (Some(p), None) | (None, Some(p)) => Some(p.value),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::creator::dossier::SnapshotSource;
    use crate::creator::metrics::PostMetrics;
    use crate::testing::check_cases;
    use crate::text::date::day;

    fn snap(date: &str, count: u64) -> FollowerSnapshot {
        FollowerSnapshot {
            date: day(date),
            count,
            source: SnapshotSource::Typed,
        }
    }

    fn dates(points: &[Point]) -> Vec<(String, f64)> {
        points
            .iter()
            .map(|p| (p.date.to_string(), p.value))
            .collect()
    }

    #[test]
    fn followers_are_sorted_with_one_count_a_day() {
        let history = [
            snap("2026-03-01", 300),
            snap("2026-01-01", 100),
            snap("2026-03-01", 310),
            snap("2026-02-01", 200),
        ];
        assert_eq!(
            dates(&followers_over_time(&history)),
            [
                ("2026-01-01".to_string(), 100.0),
                ("2026-02-01".to_string(), 200.0),
                ("2026-03-01".to_string(), 310.0),
            ]
        );
        assert!(followers_over_time(&[]).is_empty());
    }

    #[test]
    fn views_by_date_skip_undated_posts() {
        let post = |date: Option<&str>, views: Option<f64>| Post {
            date: date.map(day),
            metrics: PostMetrics {
                views,
                ..PostMetrics::default()
            },
            ..Post::default()
        };
        let posts = [
            post(Some("2026-02-02"), Some(500.0)),
            post(None, Some(900.0)),
            post(Some("2026-01-05"), Some(100.0)),
            post(Some("2026-01-20"), None),
            post(Some("2026-01-09"), Some(f64::NAN)),
        ];
        assert_eq!(
            dates(&views_by_date(&posts)),
            [
                ("2026-01-05".to_string(), 100.0),
                ("2026-02-02".to_string(), 500.0),
            ]
        );
    }

    #[test]
    fn nearest_value() {
        let series = followers_over_time(&[
            snap("2026-01-01", 100),
            snap("2026-01-11", 200),
            snap("2026-02-01", 300),
        ]);
        // (date, expected)
        let cases = [
            ("2025-12-01", Some(100.0)),
            ("2026-01-06", Some(100.0)), // five days either way: the earlier
            ("2026-01-07", Some(200.0)),
            ("2026-01-11", Some(200.0)),
            ("2026-03-01", Some(300.0)),
        ];
        check_cases(cases, |date| value_nearest(&series, day(date)));
        assert_eq!(value_nearest(&[], day("2026-01-01")), None);
    }
}
