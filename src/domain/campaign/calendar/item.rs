//! One deliverable: what is due (its kind, or a title of the user's own), for which creator, on
//! which day, how far it got (its state) and a note; with the checks a stored or imported one
//! goes through.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::creator::record::{shorten, trim};
use crate::text::choice::choices;
use crate::text::date::Date;
use crate::text::format::group_thousands;

/// What is due. Each kind is met by reaching one state (`Kind::met_by`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    #[serde(rename = "draft-due")]
    DraftDue,
    #[serde(rename = "approval")]
    Approval,
    #[default]
    #[serde(rename = "go-live")]
    GoLive,
    #[serde(rename = "usage-rights-end")]
    UsageRightsEnd,
    #[serde(rename = "custom")]
    Custom,
}

// The ids are also the JSON form (see the serde renames above).
choices! {
    Kind, id, label;
    DraftDue => "draft-due", "Draft due";
    Approval => "approval", "Approval";
    GoLive => "go-live", "Go live";
    UsageRightsEnd => "usage-rights-end", "Usage rights end";
    Custom => "custom", "Custom";
}

/// How far a deliverable got, in order: each state includes the ones before it.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum State {
    #[default]
    #[serde(rename = "planned")]
    Planned,
    #[serde(rename = "submitted")]
    Submitted,
    #[serde(rename = "approved")]
    Approved,
    #[serde(rename = "live")]
    Live,
    #[serde(rename = "done")]
    Done,
}

choices! {
    State, id, label;
    Planned => "planned", "Planned";
    Submitted => "submitted", "Submitted";
    Approved => "approved", "Approved";
    Live => "live", "Live";
    Done => "done", "Done";
}

impl Kind {
    /// The state that meets this kind of deliverable: a draft is met once submitted, an approval
    /// once approved, a go-live once live; the end of usage rights (the brand stops using the
    /// content) and a custom item once marked done. Before it, a past date is overdue.
    pub fn met_by(self) -> State {
        match self {
            Kind::DraftDue => State::Submitted,
            Kind::Approval => State::Approved,
            Kind::GoLive => State::Live,
            Kind::UsageRightsEnd | Kind::Custom => State::Done,
        }
    }
}

/// One dated deliverable of a creator in a campaign.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Deliverable {
    /// Stable key (from the page's id source): the `.ics` UID is built from it.
    pub id: String,
    /// The shortlisted creator it is for; empty for the campaign as a whole.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub creator_id: String,
    pub kind: Kind,
    /// The name of a custom deliverable ("Unboxing Story"); optional for the other kinds, where
    /// it replaces the kind's label.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// `None` only in hand-edited data, which `checked` refuses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    pub state: State,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Deliverable {
    /// What it is called: its title, else its kind's label.
    pub fn name(&self) -> &str {
        if self.title.is_empty() {
            self.kind.label()
        } else {
            &self.title
        }
    }

    /// Met: it reached the state its kind needs.
    pub fn is_met(&self) -> bool {
        self.state >= self.kind.met_by()
    }
}

/// A campaign holds at most this many deliverables; more is a tampered file, not a plan.
pub const MAX_DELIVERABLES: usize = 10_000;
/// Longer titles are pasted paragraphs, not names.
pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_NOTE_CHARS: usize = 2_000;

/// Why a campaign's deliverables can't be kept: names the deliverable (1-based, as listed), its
/// creator and the field.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DeliverableError {
    #[error("the campaign has {} deliverables; at most {} can be kept.", group_thousands(*.0 as u64), group_thousands(MAX_DELIVERABLES as u64))]
    TooMany(usize),
    #[error("deliverable {index}{who}: {problem}", who = who(.creator))]
    Field {
        /// 1-based.
        index: usize,
        creator: String,
        problem: String,
    },
}

fn who(creator: &str) -> String {
    if creator.is_empty() {
        String::new()
    } else {
        format!(" (creator “{}”)", shorten(creator, 40))
    }
}

/// Checks every deliverable and returns them normalised (texts trimmed).
pub fn checked(items: Vec<Deliverable>) -> Result<Vec<Deliverable>, DeliverableError> {
    if items.len() > MAX_DELIVERABLES {
        return Err(DeliverableError::TooMany(items.len()));
    }
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::with_capacity(items.len());
    for (i, mut d) in items.into_iter().enumerate() {
        d.id = trim(&d.id).to_string();
        d.creator_id = trim(&d.creator_id).to_string();
        d.title = trim(&d.title).to_string();
        d.note = d.note.trim().to_string();
        let fail = |problem: String| DeliverableError::Field {
            index: i + 1,
            creator: d.creator_id.clone(),
            problem,
        };
        if d.id.is_empty() {
            return Err(fail("it has no id.".into()));
        }
        if d.id.chars().count() > 64 {
            return Err(fail("its id is longer than 64 characters.".into()));
        }
        if !seen.insert(d.id.clone()) {
            return Err(fail(format!(
                "its id “{}” is also another deliverable's; each needs its own (calendar apps tell events apart by it).",
                shorten(&d.id, 40)
            )));
        }
        if d.creator_id.chars().count() > 64 {
            return Err(fail("the creator id is longer than 64 characters.".into()));
        }
        if d.date.is_none() {
            return Err(fail(
                "the date is missing; every deliverable needs one.".into(),
            ));
        }
        if d.kind == Kind::Custom && d.title.is_empty() {
            return Err(fail(
                "the title is empty; a custom deliverable needs one (e.g. “Unboxing Story”)."
                    .into(),
            ));
        }
        if d.title.chars().count() > MAX_TITLE_CHARS {
            return Err(fail(format!(
                "the title is longer than {MAX_TITLE_CHARS} characters."
            )));
        }
        if d.note.chars().count() > MAX_NOTE_CHARS {
            return Err(fail(format!(
                "the note is longer than {} characters.",
                group_thousands(MAX_NOTE_CHARS as u64)
            )));
        }
        out.push(d);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: &str) -> Deliverable {
        Deliverable {
            id: id.into(),
            creator_id: "c1".into(),
            kind: Kind::GoLive,
            date: Date::new(2026, 5, 4),
            ..Deliverable::default()
        }
    }

    #[test]
    fn each_kind_is_met_by_its_state() {
        // (kind, state, met)
        let cases = [
            (Kind::DraftDue, State::Planned, false),
            (Kind::DraftDue, State::Submitted, true),
            (Kind::DraftDue, State::Done, true),
            (Kind::Approval, State::Submitted, false),
            (Kind::Approval, State::Approved, true),
            (Kind::GoLive, State::Approved, false),
            (Kind::GoLive, State::Live, true),
            (Kind::UsageRightsEnd, State::Live, false),
            (Kind::UsageRightsEnd, State::Done, true),
            (Kind::Custom, State::Live, false),
            (Kind::Custom, State::Done, true),
        ];
        for (kind, state, met) in cases {
            let d = Deliverable {
                kind,
                state,
                ..item("d")
            };
            assert_eq!(d.is_met(), met, "{kind:?} {state:?}");
        }
    }

    #[test]
    fn names() {
        let mut d = item("d");
        assert_eq!(d.name(), "Go live");
        d.title = "Reel with the serum".into();
        assert_eq!(d.name(), "Reel with the serum");
    }

    #[test]
    fn checked_trims_and_refuses_naming_the_item_and_creator() {
        let mut padded = item(" d1 ");
        padded.note = "  bring the serum \n".into();
        padded.title = " Reel ".into();
        let ok = checked(vec![padded, item("d2")]);
        assert_eq!(
            ok.as_ref()
                .map(|v| (v[0].id.as_str(), v[0].note.as_str(), v[0].title.as_str())),
            Ok(("d1", "bring the serum", "Reel"))
        );
        type Edit = fn(&mut Deliverable);
        let cases: [(Edit, &str); 6] = [
            (|d| d.id = " ".into(), "deliverable 2 (creator “c1”): it has no id."),
            (|d| d.id = "d1".into(), "deliverable 2 (creator “c1”): its id “d1” is also another deliverable's; each needs its own (calendar apps tell events apart by it)."),
            (|d| d.date = None, "deliverable 2 (creator “c1”): the date is missing; every deliverable needs one."),
            (|d| d.kind = Kind::Custom, "deliverable 2 (creator “c1”): the title is empty; a custom deliverable needs one (e.g. “Unboxing Story”)."),
            (|d| d.note = "x".repeat(2_001), "deliverable 2 (creator “c1”): the note is longer than 2,000 characters."),
            (|d| { d.creator_id = String::new(); d.title = "t".repeat(201) }, "deliverable 2: the title is longer than 200 characters."),
        ];
        for (edit, want) in cases {
            let mut second = item("d2");
            edit(&mut second);
            assert_eq!(
                checked(vec![item("d1"), second]).map_err(|e| e.to_string()),
                Err(want.to_string())
            );
        }
        let many = vec![Deliverable::default(); MAX_DELIVERABLES + 1];
        assert_eq!(
            checked(many).map_err(|e| e.to_string()),
            Err("the campaign has 10,001 deliverables; at most 10,000 can be kept.".to_string())
        );
    }

    #[test]
    fn json_uses_the_ids() {
        let d = Deliverable {
            state: State::Approved,
            ..item("d1")
        };
        let json = serde_json::to_string(&d).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"id":"d1","creator_id":"c1","kind":"go-live","date":"2026-05-04","state":"approved"}"#
        );
        let back: Result<Deliverable, _> = serde_json::from_str(&json);
        assert_eq!(back.ok(), Some(d));
    }
}
