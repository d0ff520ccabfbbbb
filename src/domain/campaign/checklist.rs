//! The campaign checklist: the source article's seven steps (DOMAIN.md §4) and per-creator tasks, with what is done and the progress.
//!
//! Items have stable keys; the campaign stores only the set of keys ticked (`ChecklistState`, in
//! the campaign `record`), so the list itself is always rebuilt from the campaign and its creators
//! and never goes stale.

use std::collections::HashMap;

use crate::campaign::record::Campaign;
use crate::creator::record::{Creator, Status};
use crate::risk::disclosure::Jurisdiction;
use crate::risk::rules::APPROVAL_CHECKLIST_ID;
use crate::risk::thresholds::Thresholds;
use crate::text::sparse::is_default;

/// One step of the source article's method (DOMAIN.md §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// Stable key, also the checklist key.
    pub id: &'static str,
    pub title: &'static str,
    pub explanation: &'static str,
}

/// The seven steps, in the article's order.
pub static STEPS: [Step; 7] = [
    Step {
        id: "set-goal",
        title: "Set the campaign goal",
        explanation: "Decide the goal before choosing creators: it decides which creator qualities and platforms fit.",
    },
    Step {
        id: "pick-fitting-creators",
        title: "Pick creators who fit the brand",
        explanation: "Choose creators whose content and values match the brand, not only their numbers.",
    },
    Step {
        id: "connect-story",
        title: "Connect the creator's story with the brand",
        explanation: "Link the creator's own story to the brand and shape it together with them.",
    },
    Step {
        id: "creative-freedom",
        title: "Give creators creative freedom",
        explanation: "Creators know their audience; their authentic voice is what you are paying for.",
    },
    Step {
        id: "define-metrics",
        title: "Define metrics and track them",
        explanation: "Set measurable targets up front and track them while the campaign runs, so you can adjust before the whole budget is spent.",
    },
    Step {
        id: "approval-process",
        title: "Plan approval for inexperienced creators",
        explanation: "Give creators new to brand work an approval process and a content framework.",
    },
    Step {
        id: "disclosure-briefing",
        title: "Brief every creator on disclosure rules",
        explanation: "Tell each creator how to label the post as an ad in every target country.",
    },
];

/// What a per-creator item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CreatorTask {
    BriefSent,
    ApprovalFramework,
    Disclosure(Jurisdiction),
    ContentApproved,
    Posted,
}

impl CreatorTask {
    /// The item part of the key; `approval-framework` is the id risk warnings link to.
    pub fn id(self) -> String {
        match self {
            CreatorTask::BriefSent => "brief-sent".to_string(),
            CreatorTask::ApprovalFramework => APPROVAL_CHECKLIST_ID.to_string(),
            CreatorTask::Disclosure(j) => format!("disclosure-{}", j.id()),
            CreatorTask::ContentApproved => "content-approved".to_string(),
            CreatorTask::Posted => "posted".to_string(),
        }
    }
}

/// The key of a per-creator item: "creator:{creator id}:{item}".
pub fn creator_key(creator_id: &str, task: CreatorTask) -> String {
    format!("creator:{creator_id}:{}", task.id())
}

/// Where an item belongs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Campaign,
    Creator { id: String, name: String },
}

/// One line of the checklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub key: String,
    pub scope: Scope,
    pub title: String,
    pub explanation: String,
    pub done: bool,
    /// Counted in the progress. An approval framework for an experienced creator is optional.
    pub required: bool,
    /// Why the item needs attention, or a hint: "only 1 past sponsored post", "posted: status is Posted".
    pub note: Option<String>,
}

/// Done out of total, over required items.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

impl Progress {
    /// 0.0 to 1.0; `None` when there is nothing to do yet.
    pub fn share(&self) -> Option<f64> {
        (self.total > 0).then(|| self.done as f64 / self.total as f64)
    }

    /// Whole percent, 0 to 100; `None` when there is nothing to do yet.
    pub fn percent(&self) -> Option<u32> {
        self.share().map(|s| (s * 100.0).floor() as u32)
    }

    /// "7 of 19 done (36%)".
    pub fn label(&self) -> String {
        match self.percent() {
            Some(p) => format!("{} of {} done ({p}%)", self.done, self.total),
            None => "nothing to do yet".to_string(),
        }
    }
}

/// The whole checklist of a campaign.
#[derive(Debug, Clone, PartialEq)]
pub struct Checklist {
    pub items: Vec<Item>,
    pub progress: Progress,
    /// Creator ids listed by the campaign but no longer on the shortlist.
    pub missing_creators: Vec<String>,
}

/// Whether a creator needs an approval framework, with why; `None` when they have enough
/// experience. Unknown experience counts as needed: the safe choice until someone checks.
pub fn approval_needed(creator: &Creator, min_sponsored_posts: f64) -> Option<String> {
    let min = if min_sponsored_posts.is_finite() {
        min_sponsored_posts
    } else {
        Thresholds::default().min_sponsored_posts
    };
    match creator.sponsored_posts {
        None => Some(
            "past sponsored posts not entered: agree an approval framework unless you know they are experienced"
                .to_string(),
        ),
        Some(n) if f64::from(n) < min => Some(match n {
            0 => format!("no past sponsored posts (fewer than {min} is new to brand work)"),
            1 => format!("only 1 past sponsored post (fewer than {min} is new to brand work)"),
            n => format!("only {n} past sponsored posts (fewer than {min} is new to brand work)"),
        }),
        Some(_) => None,
    }
}

/// Builds the checklist from the campaign and the shortlist. `min_sponsored_posts` is the risk
/// threshold (`Thresholds::min_sponsored_posts`, 3 by default). Creators who declined get no
/// tasks; a creator whose status is Posted has "posted" ticked.
pub fn checklist(campaign: &Campaign, creators: &[Creator], min_sponsored_posts: f64) -> Checklist {
    let state = &campaign.checklist;
    let mut items: Vec<Item> = STEPS
        .iter()
        .map(|s| Item {
            key: s.id.to_string(),
            scope: Scope::Campaign,
            title: s.title.to_string(),
            explanation: s.explanation.to_string(),
            done: state.is_done(s.id),
            required: true,
            note: step_note(s.id, campaign),
        })
        .collect();

    let index: HashMap<&str, &Creator> = creators.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut missing_creators = Vec::new();
    let countries = campaign.jurisdictions();
    for id in &campaign.creators {
        let Some(c) = index.get(id.as_str()) else {
            missing_creators.push(id.clone());
            continue;
        };
        if c.status == Status::Declined {
            continue;
        }
        let scope = Scope::Creator {
            id: c.id.clone(),
            name: c.name.clone(),
        };
        let mut push = |task: CreatorTask,
                        title: String,
                        explanation: String,
                        required: bool,
                        note: Option<String>| {
            let key = creator_key(&c.id, task);
            let auto = task == CreatorTask::Posted && c.status == Status::Posted;
            let note = if auto && !state.is_done(&key) {
                Some("ticked because the creator's status is Posted".to_string())
            } else {
                note
            };
            items.push(Item {
                done: state.is_done(&key) || auto,
                key,
                scope: scope.clone(),
                title,
                explanation,
                required,
                note,
            });
        };
        push(
            CreatorTask::BriefSent,
            "Brief sent".into(),
            "Send the brief: goal, metrics, disclosure rules, dates and the approval steps.".into(),
            true,
            None,
        );
        let needed = approval_needed(c, min_sponsored_posts);
        push(
            CreatorTask::ApprovalFramework,
            "Approval framework agreed".into(),
            "Agree the steps from draft to post (draft, your review, publish) and a content framework.".into(),
            needed.is_some(),
            needed.or_else(|| Some("optional: the creator has done several sponsored posts".to_string())),
        );
        for j in &countries {
            push(
                CreatorTask::Disclosure(*j),
                format!("Disclosure rules explained for {}", j.name()),
                format!("{} ({})", j.rule_summary(), j.citation()),
                true,
                None,
            );
        }
        push(
            CreatorTask::ContentApproved,
            "Content approved".into(),
            "Check facts and the disclosure label; leave the creator's voice alone.".into(),
            true,
            None,
        );
        push(
            CreatorTask::Posted,
            "Posted".into(),
            "The post is live; record its results to track the campaign.".into(),
            true,
            None,
        );
    }

    let required = items.iter().filter(|i| i.required);
    let progress = Progress {
        total: required.clone().count(),
        done: required.filter(|i| i.done).count(),
    };
    Checklist {
        items,
        progress,
        missing_creators,
    }
}

/// Hints on campaign steps that the campaign's own data can give.
fn step_note(id: &str, campaign: &Campaign) -> Option<String> {
    match id {
        "define-metrics" if is_default(&campaign.targets) => Some(
            "no targets set yet: enter views, engagements, clicks or conversions to aim for".into(),
        ),
        "define-metrics" if campaign.start.is_none() || campaign.end.is_none() => {
            Some("set start and end dates so progress can be tracked against a pace".into())
        }
        "disclosure-briefing" if campaign.countries.is_empty() => {
            Some("choose the target countries to list the labels each one requires".into())
        }
        "pick-fitting-creators" if campaign.creators.is_empty() => {
            Some("no creators in the campaign yet".into())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::record::ChecklistState;
    use crate::testing::strings;

    fn creator(id: &str, sponsored: Option<u32>, status: Status) -> Creator {
        let mut c = Creator::new(id.into(), &format!("Name {id}"), 0.0);
        c.sponsored_posts = sponsored;
        c.status = status;
        c
    }

    fn campaign(countries: &[&str], creators: &[&str]) -> Campaign {
        let mut c = Campaign::new("k".into(), "K", 0.0);
        c.countries = strings(countries);
        c.creators = strings(creators);
        c
    }

    #[test]
    fn seven_steps_with_stable_ids() {
        let ids: Vec<&str> = STEPS.iter().map(|s| s.id).collect();
        assert_eq!(
            ids,
            vec![
                "set-goal",
                "pick-fitting-creators",
                "connect-story",
                "creative-freedom",
                "define-metrics",
                "approval-process",
                "disclosure-briefing"
            ]
        );
        let list = checklist(&campaign(&[], &[]), &[], 3.0);
        assert_eq!(list.items.len(), 7);
        assert_eq!(list.progress, Progress { done: 0, total: 7 });
        assert_eq!(list.progress.label(), "0 of 7 done (0%)");
    }

    #[test]
    fn per_creator_items_and_progress() {
        let creators = vec![
            creator("new", Some(1), Status::Confirmed),
            creator("pro", Some(10), Status::Posted),
            creator("unknown", None, Status::Contacted),
            creator("gone", Some(0), Status::Declined),
        ];
        let mut c = campaign(&["us", "de"], &["new", "pro", "unknown", "gone", "deleted"]);
        c.checklist.set("set-goal", true);
        c.checklist
            .set(&creator_key("new", CreatorTask::BriefSent), true);
        c.checklist.set(
            &creator_key("new", CreatorTask::Disclosure(Jurisdiction::Germany)),
            true,
        );
        let list = checklist(&c, &creators, 3.0);
        assert_eq!(list.missing_creators, vec!["deleted".to_string()]);
        // Per creator: brief, approval, 2 countries, approved, posted = 6 items; declined: none.
        assert_eq!(list.items.len(), 7 + 3 * 6);
        let item = |key: String| list.items.iter().find(|i| i.key == key).cloned();
        let approval_new = item(creator_key("new", CreatorTask::ApprovalFramework));
        assert_eq!(approval_new.as_ref().map(|i| i.required), Some(true));
        assert_eq!(
            approval_new.and_then(|i| i.note).as_deref(),
            Some("only 1 past sponsored post (fewer than 3 is new to brand work)")
        );
        assert_eq!(
            item("creator:new:approval-framework".into()).map(|i| i.key),
            Some(format!("creator:new:{APPROVAL_CHECKLIST_ID}"))
        );
        assert_eq!(
            item(creator_key("pro", CreatorTask::ApprovalFramework)).map(|i| i.required),
            Some(false)
        );
        assert_eq!(
            item(creator_key("unknown", CreatorTask::ApprovalFramework)).map(|i| i.required),
            Some(true)
        );
        // Posted status ticks "posted".
        assert_eq!(
            item(creator_key("pro", CreatorTask::Posted)).map(|i| i.done),
            Some(true)
        );
        let de = item(creator_key(
            "new",
            CreatorTask::Disclosure(Jurisdiction::Germany),
        ));
        assert_eq!(
            de.as_ref().map(|i| i.title.as_str()),
            Some("Disclosure rules explained for Germany")
        );
        assert!(de.is_some_and(|i| i.done && i.explanation.contains("Werbung")));
        // Required: 7 steps + new 6 + pro 5 (approval optional) + unknown 6 = 24; done: set-goal,
        // new brief, new de, pro posted = 4.
        assert_eq!(list.progress, Progress { done: 4, total: 24 });
        assert_eq!(list.progress.percent(), Some(16));
        assert_eq!(list.progress.label(), "4 of 24 done (16%)");
    }

    #[test]
    fn threshold_is_the_risk_setting() {
        let creators = vec![creator("a", Some(4), Status::Confirmed)];
        let c = campaign(&[], &["a"]);
        let required = |min: f64| {
            checklist(&c, &creators, min)
                .items
                .iter()
                .find(|i| i.key == creator_key("a", CreatorTask::ApprovalFramework))
                .map(|i| i.required)
        };
        assert_eq!(required(3.0), Some(false));
        assert_eq!(required(5.0), Some(true));
        assert_eq!(
            required(f64::NAN),
            Some(false),
            "NaN falls back to the default of 3"
        );
    }

    #[test]
    fn state_set_toggle_and_serde() {
        let mut s = ChecklistState::default();
        s.set("b", true);
        s.toggle("a");
        s.toggle("b");
        assert!(s.is_done("a") && !s.is_done("b"));
        s.set(" c ", true);
        s.set("", true);
        let json = serde_json::to_string(&s).unwrap_or_default();
        assert_eq!(json, r#"[""," c ","a"]"#);
        let back: ChecklistState = serde_json::from_str(&json).unwrap_or_default();
        let cleaned = back.cleaned();
        assert_eq!(cleaned.keys().collect::<Vec<_>>(), vec!["a", "c"]);
    }

    #[test]
    fn step_notes_point_at_missing_data() {
        let list = checklist(&campaign(&[], &[]), &[], 3.0);
        let note = |id: &str| {
            list.items
                .iter()
                .find(|i| i.key == id)
                .and_then(|i| i.note.clone())
        };
        assert!(note("define-metrics").is_some_and(|n| n.starts_with("no targets")));
        assert!(note("disclosure-briefing").is_some_and(|n| n.contains("target countries")));
        assert_eq!(note("set-goal"), None);
    }
}
