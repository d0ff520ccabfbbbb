//! A campaign plan: goal, budget, platforms, target countries, dates, shortlisted creators, targets and posted results.
//!
//! Every field has a serde default so campaigns stored by an older build still load; `checked()`
//! normalises what came from outside and refuses what can't be used, naming the field.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::campaign::attribution::{Attribution, AttributionError};
use crate::campaign::calendar::{DeliverableError, Deliverables};
use crate::campaign::pricing::{Pricing, PricingError};
use crate::creator::platform::Platform;
use crate::creator::record::{
    normalize_currency, normalize_tags, shorten, trim, Creator, CreatorError,
};
use crate::engine::cadence::Date;
use crate::risk::disclosure::Jurisdiction;
use crate::text::choice::{choices, fold_key};
use crate::text::format::compact;
use crate::text::number::MAX_VALUE;
use crate::text::sparse::{is_default, sparse_record};

/// What the campaign is for (DOMAIN.md §4 step 1): it decides which creators and platforms fit
/// and what the budget optimiser maximises.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Goal {
    #[serde(rename = "awareness")]
    Awareness,
    /// The default: the source article measures campaigns by engagement first.
    #[default]
    #[serde(rename = "engagement")]
    Engagement,
    #[serde(rename = "conversions")]
    Conversions,
    #[serde(rename = "content-creation")]
    ContentCreation,
}

/// What the budget optimiser maximises for a goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Objective {
    Views,
    Engagements,
}

impl Objective {
    /// "views", "engagements".
    pub fn noun(self) -> &'static str {
        match self {
            Objective::Views => "views",
            Objective::Engagements => "engagements",
        }
    }
}

// The ids are also the JSON form (see the serde renames above).
choices! {
    Goal, id, label, parse = Goal::parse;
    Awareness => "awareness", "Awareness";
    Engagement => "engagement", "Engagement";
    Conversions => "conversions", "Conversions";
    ContentCreation => "content-creation", "Content creation";
}

impl Goal {
    /// One line the UI shows under the choice.
    pub fn explanation(self) -> &'static str {
        match self {
            Goal::Awareness => "Get the brand seen by as many of the right people as possible: measured in views and reach.",
            Goal::Engagement => "Get people to react, comment and share: measured in interactions per view.",
            Goal::Conversions => "Get people to click, sign up or buy: measured in clicks and sales, helped by audiences that trust the creator.",
            Goal::ContentCreation => "Get many good posts, photos and videos you can reuse: measured in pieces of content per dollar.",
        }
    }

    /// Reads an id or a label, case-insensitively and ignoring spaces and dashes.
    pub fn parse(s: &str) -> Option<Goal> {
        let key = fold_key(s);
        Goal::ALL.into_iter().find(|g| fold_key(g.id()) == key)
    }

    /// Views for reach and content (more eyes on each piece), engagements for engagement and
    /// conversions (interaction is the closest published proxy for an audience that acts).
    pub fn objective(self) -> Objective {
        match self {
            Goal::Awareness | Goal::ContentCreation => Objective::Views,
            Goal::Engagement | Goal::Conversions => Objective::Engagements,
        }
    }
}

sparse_record! {
    /// What the campaign aims for in total. `None`: no target set.
    #[derive(Copy)]
    pub struct Targets {
        pub views: Option<f64>,
        pub engagements: Option<f64>,
        pub clicks: Option<f64>,
        pub conversions: Option<f64>,
    }
}

/// What one post delivered: enter each post once, dated the day it went live, and update its
/// numbers as they grow. Tracking adds posts up by date.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PostResult {
    /// The shortlisted creator who posted; may be empty for a result not tied to a creator.
    pub creator_id: String,
    /// `None` only in hand-edited data; tracking lists such results as undated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub views: Option<f64>,
    /// Likes, comments, shares and the like, as the platform counts them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interactions: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clicks: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversions: Option<f64>,
}

/// The currency a campaign gets when none is stored: the published price tables are in dollars.
pub const DEFAULT_CURRENCY: &str = "USD";

/// The currencies offered in the campaign form, with their names. Stored campaigns may hold any
/// other three-letter code (imported files); the form then lists it too.
pub const CURRENCIES: [(&str, &str); 9] = [
    ("USD", "US dollar"),
    ("EUR", "Euro"),
    ("GBP", "British pound"),
    ("INR", "Indian rupee"),
    ("AUD", "Australian dollar"),
    ("CAD", "Canadian dollar"),
    ("BRL", "Brazilian real"),
    ("CNY", "Chinese yuan"),
    ("CHF", "Swiss franc"),
];

fn default_currency() -> String {
    DEFAULT_CURRENCY.to_string()
}

/// One campaign. Numbers are `None` when not entered, which the UI shows as "n/a".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Campaign {
    pub id: String,
    pub name: String,
    pub goal: Goal,
    /// Total budget in `currency`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget: Option<f64>,
    /// Upper-case code such as "USD".
    pub currency: String,
    /// Platforms the campaign runs on; empty means "not decided yet".
    pub platforms: Vec<Platform>,
    /// Target countries as disclosure jurisdiction ids ("us", "uk", "de", ...).
    pub countries: Vec<String>,
    /// What the brand sells, as audience tags (normalised like creator tags).
    pub brand_categories: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
    /// Ids of shortlisted creators taking part, in the user's order.
    pub creators: Vec<String>,
    pub checklist: ChecklistState,
    pub targets: Targets,
    pub results: Vec<PostResult>,
    /// What the brief should carry: the product, facts that must be right, dos and don'ts.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Codes, links and attributed orders (issue #17).
    #[serde(skip_serializing_if = "is_default")]
    pub attribution: Attribution,
    /// Price checks and reach assumptions (issue #17).
    #[serde(skip_serializing_if = "is_default")]
    pub pricing: Pricing,
    /// Dated deliverables per creator (issue #17).
    #[serde(skip_serializing_if = "is_default")]
    pub deliverables: Deliverables,
    /// Milliseconds since 1970, given by the caller (the domain has no clock).
    pub created_at: f64,
    pub updated_at: f64,
}

impl Default for Campaign {
    fn default() -> Self {
        Campaign {
            id: String::new(),
            name: String::new(),
            goal: Goal::default(),
            budget: None,
            currency: default_currency(),
            platforms: Vec::new(),
            countries: Vec::new(),
            brand_categories: Vec::new(),
            start: None,
            end: None,
            creators: Vec::new(),
            checklist: ChecklistState::default(),
            targets: Targets::default(),
            results: Vec::new(),
            notes: String::new(),
            attribution: Attribution::default(),
            pricing: Pricing::default(),
            deliverables: Deliverables::default(),
            created_at: 0.0,
            updated_at: 0.0,
        }
    }
}

/// Why a campaign record can't be kept. Shown to the user as is.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum CampaignError {
    #[error("the campaign has no id.")]
    NoId,
    #[error("the campaign id “{0}” is longer than 64 characters.")]
    LongId(String),
    #[error("the campaign name is empty; give the campaign a name.")]
    NoName,
    #[error("the campaign name is longer than {MAX_NAME_CHARS} characters.")]
    LongName,
    #[error(
        "the budget is {0}, which is not a usable amount (it must be between 0 and 10 billion)."
    )]
    Budget(f64),
    #[error("{0}")]
    Currency(String),
    #[error("country “{0}” is not one Microscope knows the disclosure rules of; choose from {list}.", list = known_countries())]
    Country(String),
    #[error("the end date {end} is before the start date {start}.")]
    EndBeforeStart { start: Date, end: Date },
    #[error("the {field} target is {value}, which is not a usable number (it must be between 0 and 10 billion).")]
    Target { field: &'static str, value: f64 },
    #[error("result {index}{who}: {field} is {value}, which is not a usable number (it must be between 0 and 10 billion).", who = result_who(.creator))]
    ResultNumber {
        /// 1-based, as the user counts.
        index: usize,
        creator: String,
        field: &'static str,
        value: f64,
    },
    #[error("the campaign lists creator id “{0}”, which is longer than 64 characters.")]
    LongCreatorId(String),
    #[error("the campaign has {0} results; more than {MAX_RESULTS} is more than any campaign records by hand.")]
    TooManyResults(usize),
    #[error("codes and orders: {0}")]
    Attribution(#[from] AttributionError),
    #[error("{0}")]
    Pricing(#[from] PricingError),
    #[error("{0}")]
    Deliverables(#[from] DeliverableError),
}

fn result_who(creator: &str) -> String {
    if creator.is_empty() {
        String::new()
    } else {
        format!(" (creator “{}”)", shorten(creator, 40))
    }
}

fn known_countries() -> String {
    Jurisdiction::ALL
        .iter()
        .map(|j| format!("{} ({})", j.id(), j.name()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Longer names are typing accidents (a pasted paragraph), not names.
pub const MAX_NAME_CHARS: usize = 200;
/// A generous cap on hand-entered results, so a tampered file can't make tracking slow.
pub const MAX_RESULTS: usize = 100_000;

fn usable(v: f64) -> bool {
    v.is_finite() && v >= 0.0 && v <= MAX_VALUE as f64
}

/// The first named number that is set but not usable, to name in the error.
fn first_unusable<const N: usize>(
    fields: [(&'static str, Option<f64>); N],
) -> Option<(&'static str, f64)> {
    fields
        .into_iter()
        .find_map(|(field, value)| value.filter(|v| !usable(*v)).map(|v| (field, v)))
}

fn dedup_in_order<T: Clone + Ord>(items: &mut Vec<T>) {
    let mut seen = BTreeSet::new();
    items.retain(|x| seen.insert(x.clone()));
}

impl Campaign {
    /// A new campaign with only a name; the caller fills in the rest.
    pub fn new(id: String, name: &str, now_ms: f64) -> Campaign {
        Campaign {
            id,
            name: name.trim().to_string(),
            created_at: now_ms,
            updated_at: now_ms,
            ..Campaign::default()
        }
    }

    /// The target countries as jurisdictions, in the user's order; unknown ids are skipped
    /// (`checked()` refuses them, so a checked campaign has none).
    pub fn jurisdictions(&self) -> Vec<Jurisdiction> {
        self.countries
            .iter()
            .filter_map(|c| Jurisdiction::parse(c))
            .collect()
    }

    /// Days from start to end; `None` without both dates. A one-day campaign counts as 1 day so
    /// a pace can still be drawn.
    pub fn duration_days(&self) -> Option<u32> {
        let (start, end) = (self.start?, self.end?);
        let days = end.day_number() - start.day_number();
        u32::try_from(days).ok().map(|d| d.max(1))
    }

    /// The budget when it is a usable positive-or-zero amount.
    pub fn usable_budget(&self) -> Option<f64> {
        self.budget.filter(|b| usable(*b))
    }

    /// "$5,000", "EUR 5,000" or "no budget set".
    pub fn budget_label(&self) -> String {
        match self.usable_budget() {
            Some(b) => money_in(b, &self.currency),
            None => "no budget set".to_string(),
        }
    }

    /// The campaign's creators found in `all`, in the campaign's order, and the ids not found
    /// (removed from the shortlist since).
    pub fn members<'a>(&self, all: &'a [Creator]) -> (Vec<&'a Creator>, Vec<String>) {
        let index: HashMap<&str, &'a Creator> = all.iter().map(|c| (c.id.as_str(), c)).collect();
        let mut found = Vec::new();
        let mut missing = Vec::new();
        let mut seen = BTreeSet::new();
        // An unchecked campaign may list an id twice; it must not count twice.
        for id in self.creators.iter().filter(|id| seen.insert(id.as_str())) {
            match index.get(id.as_str()) {
                Some(c) => found.push(*c),
                None => missing.push(id.clone()),
            }
        }
        (found, missing)
    }

    /// Checks the record and returns it normalised: trimmed texts, countries as ids without
    /// repeats, categories normalised, every number finite, non-negative and within 10 billion.
    /// Run it on everything that comes from outside (storage, imported files).
    pub fn checked(mut self) -> Result<Campaign, CampaignError> {
        self.id = trim(&self.id).to_string();
        if self.id.is_empty() {
            return Err(CampaignError::NoId);
        }
        if self.id.chars().count() > 64 {
            return Err(CampaignError::LongId(shorten(&self.id, 80)));
        }
        self.name = trim(&self.name).to_string();
        if self.name.is_empty() {
            return Err(CampaignError::NoName);
        }
        if self.name.chars().count() > MAX_NAME_CHARS {
            return Err(CampaignError::LongName);
        }
        if let Some(b) = self.budget {
            if !usable(b) {
                return Err(CampaignError::Budget(b));
            }
        }
        self.currency = match normalize_currency(&self.currency) {
            Ok(Some(c)) => c,
            Ok(None) => default_currency(),
            Err(CreatorError::Currency(c)) => {
                return Err(CampaignError::Currency(format!(
                    "the campaign currency “{c}” is not a currency code such as USD, EUR or GBP."
                )))
            }
            Err(e) => return Err(CampaignError::Currency(e.to_string())),
        };
        dedup_in_order(&mut self.platforms);
        let mut countries = Vec::with_capacity(self.countries.len());
        for c in &self.countries {
            let j = Jurisdiction::parse(c).ok_or_else(|| CampaignError::Country(shorten(c, 40)))?;
            countries.push(j.id().to_string());
        }
        dedup_in_order(&mut countries);
        self.countries = countries;
        self.brand_categories = normalize_tags(&self.brand_categories);
        if let (Some(start), Some(end)) = (self.start, self.end) {
            if end < start {
                return Err(CampaignError::EndBeforeStart { start, end });
            }
        }
        let mut creators = Vec::with_capacity(self.creators.len());
        for id in &self.creators {
            let id = trim(id);
            if id.is_empty() {
                continue;
            }
            if id.chars().count() > 64 {
                return Err(CampaignError::LongCreatorId(shorten(id, 80)));
            }
            creators.push(id.to_string());
        }
        dedup_in_order(&mut creators);
        self.creators = creators;
        self.checklist = std::mem::take(&mut self.checklist).cleaned();
        let t = &self.targets;
        if let Some((field, value)) = first_unusable([
            ("views", t.views),
            ("engagements", t.engagements),
            ("clicks", t.clicks),
            ("conversions", t.conversions),
        ]) {
            return Err(CampaignError::Target { field, value });
        }
        if self.results.len() > MAX_RESULTS {
            return Err(CampaignError::TooManyResults(self.results.len()));
        }
        for (i, r) in self.results.iter_mut().enumerate() {
            r.creator_id = trim(&r.creator_id).to_string();
            if let Some((field, value)) = first_unusable([
                ("views", r.views),
                ("interactions", r.interactions),
                ("clicks", r.clicks),
                ("conversions", r.conversions),
            ]) {
                return Err(CampaignError::ResultNumber {
                    index: i + 1,
                    creator: r.creator_id.clone(),
                    field,
                    value,
                });
            }
        }
        self.notes = trim(&self.notes).to_string();
        self.attribution = std::mem::take(&mut self.attribution).checked()?;
        self.pricing = std::mem::take(&mut self.pricing).checked()?;
        self.deliverables = std::mem::take(&mut self.deliverables).checked()?;
        if !self.created_at.is_finite() {
            self.created_at = 0.0;
        }
        if !self.updated_at.is_finite() {
            self.updated_at = self.created_at;
        }
        Ok(self)
    }
}

/// An amount in a currency: "$1,250" for dollars (as the rest of the app shows them), "EUR 1,250"
/// otherwise, since a "$" on euros would mislead.
pub fn money_in(amount: f64, currency: &str) -> String {
    let symbol = currency_symbol(currency);
    crate::text::format::money(Some(amount), &symbol)
}

/// "$" for USD, "€" for EUR, "£" for GBP, "₹" for INR, "A$", "C$" and "R$" for the Australian
/// and Canadian dollar and the real (as those countries write them next to US prices), else the
/// code and a space. Anything that is not a three-letter code (unchecked data) shows no symbol
/// rather than arbitrary text.
pub fn currency_symbol(currency: &str) -> String {
    match currency {
        "USD" | "" => "$".to_string(),
        "EUR" => "€".to_string(),
        "GBP" => "£".to_string(),
        "INR" => "₹".to_string(),
        "AUD" => "A$".to_string(),
        "CAD" => "C$".to_string(),
        "BRL" => "R$".to_string(),
        code if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) => {
            format!("{code} ")
        }
        _ => String::new(),
    }
}

/// A count as marketers write it, "n/a" when unknown: "130K".
pub fn count_label(v: Option<f64>) -> String {
    match v.filter(|v| v.is_finite()) {
        Some(v) => compact(v),
        None => "n/a".to_string(),
    }
}

/// The keys of the items ticked. Stored with the campaign as a sorted list of strings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ChecklistState {
    done: BTreeSet<String>,
}

/// Longer keys can't come from this build; they are dropped when a stored campaign is checked.
const MAX_KEY_CHARS: usize = 200;

impl ChecklistState {
    pub fn is_done(&self, key: &str) -> bool {
        self.done.contains(key)
    }

    /// Ticks (`true`) or unticks an item.
    pub fn set(&mut self, key: &str, done: bool) {
        if done {
            self.done.insert(key.to_string());
        } else {
            self.done.remove(key);
        }
    }

    pub fn toggle(&mut self, key: &str) {
        let now = !self.is_done(key);
        self.set(key, now);
    }

    pub fn len(&self) -> usize {
        self.done.len()
    }

    pub fn is_empty(&self) -> bool {
        self.done.is_empty()
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.done.iter().map(String::as_str)
    }

    /// Trimmed keys, without empty or overlong ones. Keys of creators no longer in the campaign
    /// are kept on purpose: adding the creator back restores their ticks.
    pub fn cleaned(self) -> ChecklistState {
        ChecklistState {
            done: self
                .done
                .into_iter()
                .map(|k| k.trim().to_string())
                .filter(|k| !k.is_empty() && k.chars().count() <= MAX_KEY_CHARS)
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{check_cases, check_choice_ids};

    fn spring() -> Campaign {
        let mut c = Campaign::new("k1".into(), " Spring launch ", 5.0);
        c.budget = Some(5_000.0);
        c.platforms = vec![Platform::TikTok, Platform::YouTube, Platform::TikTok];
        c.countries = vec!["US".into(), "germany".into(), "us".into()];
        c.brand_categories = vec!["#Skincare".into(), "beauty, skincare".into()];
        c.start = Date::new(2025, 3, 1);
        c.end = Date::new(2025, 3, 31);
        c.creators = vec!["c1".into(), " c2 ".into(), "c1".into(), "".into()];
        c
    }

    #[test]
    fn goals_have_ids_labels_and_objectives() {
        check_choice_ids::<Goal>();
        for g in Goal::ALL {
            assert!(!g.explanation().is_empty());
        }
        let cases = [
            (Goal::Awareness, Objective::Views),
            (Goal::Engagement, Objective::Engagements),
            (Goal::Conversions, Objective::Engagements),
            (Goal::ContentCreation, Objective::Views),
        ];
        check_cases(cases, |g| g.objective());
        assert_eq!(Goal::parse("Content Creation"), Some(Goal::ContentCreation));
        assert_eq!(Goal::parse("sales"), None);
    }

    #[test]
    fn checked_normalises() {
        let c = spring().checked();
        assert!(c.is_ok(), "{c:?}");
        let Ok(c) = c else { return };
        assert_eq!(c.name, "Spring launch");
        assert_eq!(c.platforms, vec![Platform::TikTok, Platform::YouTube]);
        assert_eq!(c.countries, vec!["us".to_string(), "de".to_string()]);
        assert_eq!(c.brand_categories, vec!["skincare", "beauty"]);
        assert_eq!(c.creators, vec!["c1".to_string(), "c2".to_string()]);
        assert_eq!(c.currency, "USD");
        assert_eq!(c.duration_days(), Some(30));
        assert_eq!(
            c.jurisdictions(),
            vec![Jurisdiction::Us, Jurisdiction::Germany]
        );
    }

    #[test]
    fn checked_refuses_with_clear_messages() {
        type Edit = Box<dyn Fn(&mut Campaign)>;
        let cases: Vec<(Edit, &str)> = vec![
            (Box::new(|c| c.id = " ".into()), "the campaign has no id."),
            (
                Box::new(|c| c.name = "  ".into()),
                "the campaign name is empty; give the campaign a name.",
            ),
            (
                Box::new(|c| c.budget = Some(-5.0)),
                "the budget is -5, which is not a usable amount (it must be between 0 and 10 billion).",
            ),
            (
                Box::new(|c| c.budget = Some(f64::NAN)),
                "the budget is NaN, which is not a usable amount (it must be between 0 and 10 billion).",
            ),
            (
                Box::new(|c| c.currency = "dollars".into()),
                "the campaign currency “dollars” is not a currency code such as USD, EUR or GBP.",
            ),
            (
                Box::new(|c| c.end = Date::new(2025, 2, 1)),
                "the end date 2025-02-01 is before the start date 2025-03-01.",
            ),
            (
                Box::new(|c| c.targets.clicks = Some(f64::INFINITY)),
                "the clicks target is inf, which is not a usable number (it must be between 0 and 10 billion).",
            ),
            (
                Box::new(|c| {
                    c.results = vec![
                        PostResult::default(),
                        PostResult {
                            creator_id: "c2".into(),
                            views: Some(-1.0),
                            ..PostResult::default()
                        },
                    ]
                }),
                "result 2 (creator “c2”): views is -1, which is not a usable number (it must be between 0 and 10 billion).",
            ),
        ];
        for (edit, want) in cases {
            let mut c = spring();
            edit(&mut c);
            assert_eq!(c.checked().map_err(|e| e.to_string()), Err(want.into()));
        }
        let mut c = spring();
        c.countries = vec!["jp".into()];
        let msg = c
            .checked()
            .map_err(|e| e.to_string())
            .err()
            .unwrap_or_default();
        assert!(
            msg.starts_with("country “jp” is not one Microscope knows")
                && msg.contains("de (Germany)"),
            "{msg}"
        );
    }

    #[test]
    fn round_trip() {
        let mut c = spring().checked().unwrap_or_default();
        c.checklist.set("set-goal", true);
        c.targets.views = Some(1_000_000.0);
        c.results.push(PostResult {
            creator_id: "c1".into(),
            date: Date::new(2025, 3, 4),
            views: Some(12_000.0),
            interactions: Some(900.0),
            clicks: None,
            conversions: None,
        });
        let json = serde_json::to_string(&c).unwrap_or_default();
        assert!(json.contains("\"start\":\"2025-03-01\""), "{json}");
        let back: Result<Campaign, _> = serde_json::from_str(&json);
        assert_eq!(back.ok(), Some(c));
    }

    #[test]
    fn members_in_campaign_order() {
        let all = vec![
            Creator::new("c2".into(), "Bo", 0.0),
            Creator::new("c1".into(), "Ann", 0.0),
        ];
        let mut c = Campaign::new("k".into(), "K", 0.0);
        c.creators = vec!["c1".into(), "gone".into(), "c2".into(), "c1".into()];
        let (found, missing) = c.members(&all);
        let names: Vec<&str> = found.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, vec!["Ann", "Bo"]);
        assert_eq!(missing, vec!["gone".to_string()]);
    }

    #[test]
    fn money_labels() {
        assert_eq!(money_in(1250.0, "USD"), "$1,250");
        assert_eq!(money_in(1250.0, "EUR"), "€1,250");
        assert_eq!(money_in(12.5, "CHF"), "CHF 12.50");
        assert_eq!(money_in(2_000.0, "AUD"), "A$2,000");
        assert_eq!(money_in(2_000.0, "BRL"), "R$2,000");
        assert_eq!(money_in(2_000.0, "CNY"), "CNY 2,000");
        // Every offered currency is accepted by `checked()` as it is.
        for (code, _) in CURRENCIES {
            let mut c = Campaign::new("k".into(), "K", 0.0);
            c.currency = code.to_lowercase();
            assert_eq!(c.checked().map(|c| c.currency), Ok(code.to_string()));
            assert!(
                crate::creator::record::is_currency_code(code),
                "{code} is ISO 4217"
            );
        }
        // A stored or imported campaign with a code outside ISO 4217 still loads (it is not
        // dropped; only a typed currency must be an ISO code).
        let mut odd = Campaign::new("k".into(), "K", 0.0);
        odd.currency = "qqq".into();
        assert_eq!(odd.checked().map(|c| c.currency), Ok("QQQ".to_string()));
        assert_eq!(money_in(12.5, "<b>"), "12.50");
        let mut c = Campaign::new("k".into(), "K", 0.0);
        assert_eq!(c.budget_label(), "no budget set");
        c.budget = Some(5_000.0);
        assert_eq!(c.budget_label(), "$5,000");
    }
}
