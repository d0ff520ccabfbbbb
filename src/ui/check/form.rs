//! Reactive state of the "Check a creator" form: the texts as typed (so a half-typed number is
//! never lost), parsed into the engine's `AnalysisInput` on read.

use leptos::prelude::*;

use crate::domain::engine::analysis::{
    analyze, parse_post_rows, Analysis, AnalysisInput, PastedPosts,
};
use crate::domain::engine::cadence::CadenceInput;
use crate::domain::engine::engagement::{Field, Formula};
use crate::domain::text::number::{
    parse_amount, parse_count, parse_optional_amount, parse_optional_count, NumberError,
};
use crate::domain::{Platform, PostMetrics};

/// How the engagement numbers are entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryMode {
    /// One set of averages per post.
    Averages,
    /// Several posts pasted, one per line.
    PerPost,
}

/// The form's signals. Copy, so closures can capture it freely.
#[derive(Clone, Copy)]
pub struct CheckForm {
    pub name: RwSignal<String>,
    pub platform: RwSignal<Platform>,
    pub followers: RwSignal<String>,
    /// Average per post, one text per `Field::ALL` entry.
    pub metrics: [RwSignal<String>; Field::ALL.len()],
    pub mode: RwSignal<EntryMode>,
    pub pasted: RwSignal<String>,
    pub formula: RwSignal<Formula>,
    pub posts_count: RwSignal<String>,
    pub days: RwSignal<String>,
    pub price: RwSignal<String>,
    /// Past sponsored posts (optional): feeds the inexperience check.
    pub sponsored: RwSignal<String>,
}

/// The form's period, in days, before anything is typed.
const DAYS_AT_START: &str = "30";

impl CheckForm {
    pub fn new() -> CheckForm {
        CheckForm {
            name: RwSignal::new(String::new()),
            platform: RwSignal::new(Platform::TikTok),
            followers: RwSignal::new(String::new()),
            metrics: std::array::from_fn(|_| RwSignal::new(String::new())),
            mode: RwSignal::new(EntryMode::Averages),
            pasted: RwSignal::new(String::new()),
            formula: RwSignal::new(Formula::default()),
            posts_count: RwSignal::new(String::new()),
            days: RwSignal::new(DAYS_AT_START.to_string()),
            price: RwSignal::new(String::new()),
            sponsored: RwSignal::new(String::new()),
        }
    }

    /// Whether anything was typed or picked since the form was new (`formula` is the one it
    /// started with): the results, and their module, follow from the first input on.
    pub fn has_input(&self, formula: Formula) -> bool {
        let typed = |text: &RwSignal<String>| text.with(|t| !t.is_empty());
        [
            self.name,
            self.followers,
            self.pasted,
            self.posts_count,
            self.price,
            self.sponsored,
        ]
        .iter()
        .chain(self.metrics.iter())
        .any(typed)
            || self.days.with(|d| d != DAYS_AT_START)
            || self.platform.get() != Platform::TikTok
            || self.mode.get() != EntryMode::Averages
            || self.formula.get() != formula
    }

    pub fn metric_text(&self, field: Field) -> RwSignal<String> {
        let index = Field::ALL.iter().position(|f| *f == field).unwrap_or(0);
        self.metrics[index]
    }

    /// The parsed followers (empty is an error: the tier needs it).
    pub fn parsed_followers(&self) -> Result<u64, NumberError> {
        parse_count(&self.followers.get())
    }

    /// One averages field, parsed; empty is `Ok(None)`.
    pub fn parsed_metric(&self, field: Field) -> Result<Option<f64>, NumberError> {
        parse_optional_amount(&self.metric_text(field).get())
    }

    pub fn pasted_posts(&self) -> PastedPosts {
        parse_post_rows(&self.pasted.get())
    }

    /// Posts per week input; `Ok(None)` when the count was left empty.
    pub fn cadence(&self) -> Result<Option<CadenceInput>, String> {
        let count = self.posts_count.get();
        if count.trim().is_empty() {
            return Ok(None);
        }
        let posts = parse_count(&count).map_err(|e| format!("Posts: {e}"))?;
        let days = parse_count(&self.days.get()).map_err(|e| format!("Days: {e}"))?;
        let posts = u32::try_from(posts).map_err(|_| "Posts: that is too many.".to_string())?;
        let days = u32::try_from(days).map_err(|_| "Days: that is too many.".to_string())?;
        if days == 0 {
            return Err("Days: the period must be at least one day.".to_string());
        }
        Ok(Some(CadenceInput::Count { posts, days }))
    }

    pub fn parsed_price(&self) -> Result<Option<f64>, NumberError> {
        let text = self.price.get();
        if text.trim().is_empty() {
            Ok(None)
        } else {
            parse_amount(&text).map(Some)
        }
    }

    /// Past sponsored posts; `Ok(None)` when left empty.
    pub fn parsed_sponsored(&self) -> Result<Option<u32>, String> {
        match parse_optional_count(&self.sponsored.get()).map_err(|e| e.to_string())? {
            None => Ok(None),
            Some(n) => u32::try_from(n).map(Some).map_err(|_| {
                format!("{n} sponsored posts is more than any creator has published.")
            }),
        }
    }

    /// What the engine sees. Fields that don't parse count as not entered; the form marks them.
    pub fn input(&self) -> AnalysisInput {
        let posts = match self.mode.get() {
            EntryMode::Averages => {
                let mut post = PostMetrics::default();
                for field in Field::ALL {
                    field.set(&mut post, self.parsed_metric(field).ok().flatten());
                }
                if post == PostMetrics::default() {
                    Vec::new()
                } else {
                    vec![post]
                }
            }
            EntryMode::PerPost => self.pasted_posts().posts,
        };
        AnalysisInput {
            platform: self.platform.get(),
            followers: self.parsed_followers().ok(),
            posts,
            formula: self.formula.get(),
            cadence: self.cadence().ok().flatten(),
            price: self.parsed_price().ok().flatten(),
        }
    }

    /// The analysis, recomputed when any input changes (cheap: microseconds).
    pub fn analysis(&self) -> Memo<Analysis> {
        let form = *self;
        Memo::new(move |_| analyze(&form.input()))
    }
}

impl Default for CheckForm {
    fn default() -> Self {
        CheckForm::new()
    }
}
