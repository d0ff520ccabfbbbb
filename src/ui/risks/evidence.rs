//! The evidence a picked creator's dossier already holds from the Risks tools: comment samples
//! and caption checks, newest first, each dated with its age, what it found, and a "re-check"
//! mark once older than the editable age of the risk thresholds (90 days by default). Deleting one asks first.

use leptos::html;
use leptos::prelude::*;

use crate::domain::creator::dossier::{
    age_text, is_stale, CaptionCheck, CommentSample, SampleCounts,
};
use crate::domain::creator::record::{validate_profile_url, Creator};
use crate::domain::risk::comments::GenericSummary;
use crate::domain::risk::disclosure::{Jurisdiction, Verdict};
use crate::domain::risk::sentiment::SentimentSummary;
use crate::domain::risk::thresholds::Thresholds;
use crate::domain::text::date::Date;
use crate::domain::text::format::{group_thousands, percent, plural};
use crate::ui::app::clock::today;
use crate::ui::risks::disclosure::verdict_badge;
use crate::ui::risks::for_creator::thresholds_signal;
use crate::ui::risks::target::Target;
use crate::ui::widgets::section::{Depth, Section};

/// A stored entry the user asked to delete, waiting for their confirmation.
#[derive(Debug, Clone, PartialEq)]
enum Pending {
    Sample(CommentSample),
    Caption(CaptionCheck),
}

impl Pending {
    /// "the comment sample of 2026-12-06", as the confirmation names it.
    fn what(&self) -> String {
        match self {
            Pending::Sample(s) => format!("the comment sample of {}", s.date),
            Pending::Caption(c) => format!("the caption check of {}", c.date),
        }
    }

    /// Takes the entry out of `c` (the first equal one: two equal entries are one finding).
    fn remove_from(&self, c: &mut Creator) {
        match self {
            Pending::Sample(s) => remove_first(&mut c.comment_samples, s),
            Pending::Caption(k) => remove_first(&mut c.caption_checks, k),
        }
    }
}

fn remove_first<T: PartialEq>(list: &mut Vec<T>, item: &T) {
    if let Some(i) = list.iter().position(|x| x == item) {
        list.remove(i);
    }
}

/// `entries` newest first; entries of one day keep the later-added first.
fn newest_first<T: Clone>(entries: &[T], date: fn(&T) -> Date) -> Vec<T> {
    let mut out: Vec<T> = entries.iter().rev().cloned().collect();
    out.sort_by_key(|e| std::cmp::Reverse(date(e)));
    out
}

/// "24 comments: 17 negative (71%), 6 positive (25%), 1 neutral (4%). 4 generic (17%)."
fn counts_text(counts: &SampleCounts) -> String {
    let n = |k: usize| group_thousands(k as u64);
    let sentiment = match SentimentSummary::from_counts(counts) {
        Some(s) => format!(
            "{} negative ({}), {} positive ({}), {} neutral ({}).",
            n(s.negative),
            percent(s.negative_share(), 0),
            n(s.positive),
            percent(s.positive_share(), 0),
            n(s.neutral),
            percent(s.neutral_share(), 0),
        ),
        None => {
            "sentiment not scored (the word list was not loaded when it was saved).".to_string()
        }
    };
    let generic = GenericSummary::from_counts(counts)
        .map(|g| format!(" {} generic ({}).", n(g.generic), percent(g.share(), 0)))
        .unwrap_or_default();
    format!(
        "{}: {sentiment}{generic}",
        plural(counts.total, "comment", "comments")
    )
}

/// Today and the editable age after which evidence is stale (the risk thresholds').
#[derive(Debug, Clone, Copy)]
struct Fresh {
    today: Date,
    days: u32,
}

impl Fresh {
    fn stale(self, date: Date) -> bool {
        is_stale(date, self.today, self.days)
    }
}

/// The date, its age in words, and the re-check mark of stale evidence.
fn dated(date: Date, fresh: Fresh) -> impl IntoView {
    let stale = fresh.stale(date);
    let age = format!(" · {}", age_text(date, fresh.today));
    let days = fresh.days;
    view! {
        <p class="evidence-date">
            <strong>{date.to_string()}</strong>
            {age}
            {stale
                .then(|| {
                    view! {
                        " "
                        <span class="badge stale">
                            {format!("Stale (over {days} days): re-check")}
                        </span>
                    }
                })}
        </p>
    }
}

/// The Delete button and, once pressed, the question with its two answers.
fn delete_controls(
    target: Target,
    entry: Pending,
    confirming: RwSignal<Option<Pending>>,
) -> impl IntoView {
    let what = entry.what();
    let asked = {
        let entry = entry.clone();
        move || confirming.with(|c| c.as_ref() == Some(&entry))
    };
    let yes: NodeRef<html::Button> = NodeRef::new();
    // Keyboard users land on the question's first answer.
    Effect::new(move |_| {
        if let Some(button) = yes.get() {
            let _ = button.focus();
        }
    });
    let ask = {
        let entry = entry.clone();
        move |_| confirming.set(Some(entry.clone()))
    };
    let remove = move |_| {
        target.update(|c| entry.remove_from(c));
        confirming.set(None);
    };
    let label = format!("Delete {what}");
    let question = format!(
        "Delete {what} from {}'s dossier? This cannot be undone.",
        target.name()
    );
    view! {
        <Show
            when=asked
            fallback=move || {
                view! {
                    <button
                        type="button"
                        class="secondary small"
                        aria-label=label.clone()
                        on:click=ask.clone()
                    >
                        "Delete"
                    </button>
                }
            }
        >
            <div class="confirm" role="group" aria-label="Confirm deletion">
                <p>{question.clone()}</p>
                <button type="button" class="danger small" node_ref=yes on:click=remove.clone()>
                    "Delete it"
                </button>
                " "
                <button
                    type="button"
                    class="secondary small"
                    on:click=move |_| confirming.set(None)
                >
                    "Keep it"
                </button>
            </div>
        </Show>
    }
}

fn sample_item(
    target: Target,
    s: CommentSample,
    fresh: Fresh,
    confirming: RwSignal<Option<Pending>>,
) -> impl IntoView {
    let stale = fresh.stale(s.date);
    view! {
        <li class="evidence" class:stale=stale>
            {dated(s.date, fresh)}
            <p>{counts_text(&s.counts)}</p>
            <details>
                <summary>"The comments as pasted"</summary>
                <p class="pasted">{s.text.clone()}</p>
            </details>
            {delete_controls(target, Pending::Sample(s), confirming)}
        </li>
    }
}

fn caption_item(
    target: Target,
    c: CaptionCheck,
    fresh: Fresh,
    confirming: RwSignal<Option<Pending>>,
) -> impl IntoView {
    // Stored links were checked when saved; checked again because an imported file could carry
    // anything into an `href`.
    let link = c
        .post_link
        .as_deref()
        .and_then(|l| validate_profile_url(l).ok().flatten());
    let verdicts = c
        .verdicts
        .iter()
        .map(|v| {
            let country = Jurisdiction::parse(&v.country)
                .map(|j| j.name().to_string())
                .unwrap_or_else(|| v.country.clone());
            let verdict = match Verdict::from_id(&v.verdict) {
                Some(verdict) => verdict_badge(verdict).into_any(),
                None => view! { <span class="badge">{v.verdict.clone()}</span> }.into_any(),
            };
            view! { <li>{country} ": " {verdict}</li> }
        })
        .collect_view();
    let stale = fresh.stale(c.date);
    view! {
        <li class="evidence" class:stale=stale>
            {dated(c.date, fresh)}
            <p class="pasted caption">{c.caption.clone()}</p>
            {link
                .map(|href| {
                    view! {
                        <p>
                            "Post: " <a href=href.clone() target="_blank" rel="noopener noreferrer">
                                {href.clone()}
                            </a>
                        </p>
                    }
                })}
            {if c.verdicts.is_empty() {
                view! { <p class="help">"No country was chosen for this check."</p> }.into_any()
            } else {
                view! { <ul class="stored-verdicts">{verdicts}</ul> }.into_any()
            }}
            {delete_controls(target, Pending::Caption(c), confirming)}
        </li>
    }
}

/// One kind of entry under its heading (`id`), or what fills it while there is none.
fn entry_list(
    id: &'static str,
    heading: &'static str,
    empty: &'static str,
    items: impl Fn() -> Vec<AnyView> + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <h4 id=id>{heading}</h4>
        {move || {
            let items = items();
            if items.is_empty() {
                view! { <p class="placeholder">{empty}</p> }.into_any()
            } else {
                view! {
                    <ul class="evidence-list" aria-labelledby=id>
                        {items}
                    </ul>
                }
                    .into_any()
            }
        }}
    }
}

/// "Stored evidence": what the picked creator's dossier holds from these tools.
#[component]
pub fn StoredEvidence(target: Target) -> impl IntoView {
    let days = thresholds_signal().with_untracked(Thresholds::stale_after_days);
    let fresh = Fresh {
        today: today(),
        days,
    };
    let samples = Memo::new(move |_| {
        target
            .creator()
            .map(|c| newest_first(&c.comment_samples, |s| s.date))
            .unwrap_or_default()
    });
    let captions = Memo::new(move |_| {
        target
            .creator()
            .map(|c| newest_first(&c.caption_checks, |c| c.date))
            .unwrap_or_default()
    });
    let confirming = RwSignal::new(None::<Pending>);
    let intro = move || {
        format!(
            "In {}'s dossier: {} and {}. Evidence older than {days} days is marked for a re-check.",
            target.name(),
            plural(samples.with(Vec::len), "comment sample", "comment samples"),
            plural(captions.with(Vec::len), "caption check", "caption checks"),
        )
    };
    view! {
        <Section
            id="risks-evidence-title"
            class="risk-tool stored-evidence"
            depth=Depth::Tool
            title="Stored evidence"
            intro=intro
        >
            {entry_list(
                "risks-evidence-samples",
                "Comment samples",
                "None yet: comments pasted below are saved here.",
                move || {
                    samples
                        .get()
                        .into_iter()
                        .map(|s| sample_item(target, s, fresh, confirming).into_any())
                        .collect()
                },
            )}
            {entry_list(
                "risks-evidence-captions",
                "Caption checks",
                "None yet: captions checked below are saved here.",
                move || {
                    captions
                        .get()
                        .into_iter()
                        .map(|c| caption_item(target, c, fresh, confirming).into_any())
                        .collect()
                },
            )}
        </Section>
    }
}
