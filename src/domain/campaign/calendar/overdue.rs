//! Which deliverables are late on the day the caller passes (the domain has no clock): dated
//! before today and not yet in the state their kind needs (`Kind::met_by`).

use crate::campaign::calendar::item::Deliverable;
use crate::text::date::Date;
use crate::text::format::plural;

/// A late deliverable and by how many days.
#[derive(Debug, Clone, PartialEq)]
pub struct Overdue<'a> {
    pub item: &'a Deliverable,
    /// 1 or more.
    pub days_late: i64,
}

impl Overdue<'_> {
    /// "Ann: Go live was due 2026-05-04 (3 days ago) and is still “Approved”; mark it Live once it
    /// is done, or agree a new date." `creator` is the creator's name ("" for the campaign).
    pub fn sentence(&self, creator: &str) -> String {
        let d = self.item;
        let who = if creator.is_empty() {
            String::new()
        } else {
            format!("{creator}: ")
        };
        let date = d.date.map(|x| x.to_string()).unwrap_or_default();
        format!(
            "{who}{} was due {date} ({} ago) and is still “{}”; mark it {} once it is done, or agree a new date.",
            d.name(),
            plural(self.days_late.max(0) as usize, "day", "days"),
            d.state.label(),
            d.kind.met_by().label(),
        )
    }
}

/// The late deliverables, oldest first (then in list order). A deliverable due today is not late.
pub fn overdue(items: &[Deliverable], today: Date) -> Vec<Overdue<'_>> {
    let mut out: Vec<Overdue> = items
        .iter()
        .filter(|d| !d.is_met())
        .filter_map(|d| {
            let days_late = d.date?.days_until(today);
            (days_late > 0).then_some(Overdue { item: d, days_late })
        })
        .collect();
    out.sort_by_key(|o| std::cmp::Reverse(o.days_late));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::calendar::item::{Kind, State};

    fn item(id: &str, kind: Kind, date: &str, state: State) -> Deliverable {
        Deliverable {
            id: id.into(),
            creator_id: "c1".into(),
            kind,
            date: Date::parse(date).ok(),
            state,
            ..Deliverable::default()
        }
    }

    #[test]
    fn late_means_before_today_and_not_met() {
        let today = Date::new(2026, 5, 7).unwrap_or_default();
        // (kind, date, state, days late or None)
        let cases = [
            (Kind::GoLive, "2026-05-04", State::Approved, Some(3)),
            (Kind::GoLive, "2026-05-04", State::Live, None),
            (Kind::GoLive, "2026-05-07", State::Planned, None),
            (Kind::GoLive, "2026-05-08", State::Planned, None),
            (Kind::GoLive, "2026-05-06", State::Planned, Some(1)),
            (Kind::DraftDue, "2026-04-07", State::Planned, Some(30)),
            (Kind::DraftDue, "2026-04-07", State::Submitted, None),
            (Kind::Approval, "2026-05-01", State::Submitted, Some(6)),
            (Kind::UsageRightsEnd, "2026-05-01", State::Live, Some(6)),
            (Kind::Custom, "2025-12-31", State::Done, None),
        ];
        for (kind, date, state, want) in cases {
            let items = [item("d", kind, date, state)];
            let got = overdue(&items, today).first().map(|o| o.days_late);
            assert_eq!(got, want, "{kind:?} {date} {state:?}");
        }
    }

    #[test]
    fn oldest_first_with_a_sentence() {
        let today = Date::new(2026, 5, 7).unwrap_or_default();
        let items = [
            item("a", Kind::GoLive, "2026-05-06", State::Approved),
            item("b", Kind::DraftDue, "2026-05-01", State::Planned),
            item("c", Kind::GoLive, "2026-05-09", State::Planned),
        ];
        let late = overdue(&items, today);
        let ids: Vec<&str> = late.iter().map(|o| o.item.id.as_str()).collect();
        assert_eq!(ids, vec!["b", "a"]);
        assert_eq!(
            late[1].sentence("Ann"),
            "Ann: Go live was due 2026-05-06 (1 day ago) and is still “Approved”; mark it Live once it is done, or agree a new date."
        );
        assert_eq!(
            late[0].sentence(""),
            "Draft due was due 2026-05-01 (6 days ago) and is still “Planned”; mark it Submitted once it is done, or agree a new date."
        );
    }
}
