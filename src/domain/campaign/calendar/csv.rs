//! The deliverables as a spreadsheet: one row each in date order, with whether it is overdue on
//! the day the caller passes. Written like the shortlist export (`text::csv`: UTF-8 with a BOM
//! for Excel, CRLF, RFC 4180 quoting, the formula guard).

use crate::campaign::calendar::item::Deliverable;
use crate::campaign::record::Campaign;
use crate::creator::record::Creator;
use crate::text::csv::write_row;
use crate::text::date::Date;

pub const HEADERS: [&str; 8] = [
    "Date",
    "Creator",
    "Deliverable",
    "Kind",
    "State",
    "Overdue (days)",
    "Note",
    "Campaign",
];

/// The file's text: the headers, then each deliverable by date (ties in list order).
pub fn deliverables_csv(campaign: &Campaign, creators: &[Creator], today: Date) -> String {
    let mut items: Vec<&Deliverable> = campaign.deliverables.items.iter().collect();
    items.sort_by_key(|d| d.date);
    let mut out = String::from('\u{feff}');
    write_row(&mut out, ',', HEADERS);
    for d in items {
        let creator = creators
            .iter()
            .find(|c| c.id == d.creator_id)
            .map_or(d.creator_id.as_str(), |c| c.name.as_str());
        let late = d
            .date
            .map(|x| x.days_until(today))
            .filter(|n| *n > 0 && !d.is_met())
            .map(|n| n.to_string())
            .unwrap_or_default();
        write_row(
            &mut out,
            ',',
            [
                d.date.map(|x| x.to_string()).unwrap_or_default().as_str(),
                creator,
                d.name(),
                d.kind.label(),
                d.state.label(),
                &late,
                &d.note,
                &campaign.name,
            ],
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::calendar::item::{Kind, State};

    #[test]
    fn rows_by_date_quoted_and_guarded() {
        let mut k = Campaign::new("k1".into(), "Spring", 0.0);
        let item = |id: &str, date: &str, kind: Kind, state: State, note: &str| Deliverable {
            id: id.into(),
            creator_id: "c1".into(),
            kind,
            date: Date::parse(date).ok(),
            state,
            note: note.into(),
            ..Deliverable::default()
        };
        k.deliverables.items = vec![
            item("a", "2026-05-20", Kind::GoLive, State::Planned, "=SUM(A1)"),
            item(
                "b",
                "2026-05-01",
                Kind::DraftDue,
                State::Planned,
                "two\nlines, \"quoted\"",
            ),
            item("c", "2026-05-02", Kind::Approval, State::Approved, ""),
        ];
        let ann = Creator::new("c1".into(), "Ann", 0.0);
        let csv = deliverables_csv(&k, &[ann], Date::new(2026, 5, 7).unwrap_or_default());
        let want = "\u{feff}Date,Creator,Deliverable,Kind,State,Overdue (days),Note,Campaign\r\n\
            2026-05-01,Ann,Draft due,Draft due,Planned,6,\"two\nlines, \"\"quoted\"\"\",Spring\r\n\
            2026-05-02,Ann,Approval,Approval,Approved,,,Spring\r\n\
            2026-05-20,Ann,Go live,Go live,Planned,,'=SUM(A1),Spring\r\n";
        assert_eq!(csv, want);
    }
}
