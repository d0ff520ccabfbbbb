//! A creator's stored evidence from the Risks tools, drawn the same wherever it shows (under
//! Risks, in the dossier): comment samples and caption checks newest first, each dated with its
//! age and marked for a re-check once older than the editable age of the risk thresholds; caption
//! checks with their verdicts in words (never the stored ids) and what was ticked about the post;
//! comment samples with the likes and dislikes typed beside them and their dislike ratio.

use leptos::prelude::*;

use crate::domain::creator::dossier::{age_text, is_stale, CaptionCheck, CommentSample};
use crate::domain::creator::record::validate_profile_url;
use crate::domain::risk::disclosure::Verdict;
use crate::domain::text::date::Date;
use crate::ui::widgets::section::placeholder;

/// Today and the age in days after which evidence is stale (`Thresholds::stale_after_days`).
#[derive(Debug, Clone, Copy)]
pub struct Fresh {
    pub today: Date,
    pub days: u32,
}

impl Fresh {
    fn stale(self, date: Date) -> bool {
        is_stale(date, self.today, self.days)
    }
}

/// One stored entry, handed to what follows it in the list (the Risks section's Delete button).
#[derive(Debug, Clone, PartialEq)]
pub enum StoredEntry {
    Sample(CommentSample),
    Caption(CaptionCheck),
}

impl StoredEntry {
    /// "the comment sample of 2026-12-06", as a question about it names it.
    pub fn what(&self) -> String {
        match self {
            StoredEntry::Sample(s) => format!("the comment sample of {}", s.date),
            StoredEntry::Caption(c) => format!("the caption check of {}", c.date),
        }
    }
}

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Meets => "badge verdict-meets",
        Verdict::Missing => "badge verdict-missing",
        Verdict::Weak => "badge verdict-weak",
        Verdict::Misplaced => "badge verdict-misplaced",
    }
}

/// A mark that reads at a glance next to the words (hidden from screen readers, which get the words).
fn verdict_mark(v: Verdict) -> &'static str {
    match v {
        Verdict::Meets => "✓",
        Verdict::Missing => "✗",
        Verdict::Weak | Verdict::Misplaced => "!",
    }
}

/// A disclosure verdict in words, with its mark and colour.
pub fn verdict_badge(v: Verdict) -> impl IntoView {
    view! {
        <span class=verdict_class(v)>
            <span aria-hidden="true">{verdict_mark(v)}" "</span>
            {v.label()}
        </span>
    }
}

/// `entries` newest first; entries of one day keep the later-added first.
fn newest_first<T: Clone>(entries: &[T], date: fn(&T) -> Date) -> Vec<T> {
    let mut out: Vec<T> = entries.iter().rev().cloned().collect();
    out.sort_by_key(|e| std::cmp::Reverse(date(e)));
    out
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

/// What the entries list needs besides the entries: their freshness, whether the comments show
/// opened (a printed dossier), and what follows each entry.
#[derive(Clone, Copy)]
struct Looks {
    fresh: Fresh,
    open: bool,
    controls: Option<Callback<StoredEntry, AnyView>>,
}

impl Looks {
    fn controls(self, entry: StoredEntry) -> Option<AnyView> {
        self.controls.map(|c| c.run(entry))
    }
}

/// Stored text as it was pasted, in a box that scrolls when long: focusable, so a keyboard can
/// scroll it (axe: scrollable-region-focusable), and named for a screen reader.
fn pasted(label: String, text: String, class: &'static str) -> impl IntoView {
    view! {
        <div class=class tabindex="0" role="group" aria-label=label>
            {text}
        </div>
    }
}

fn sample_item(s: CommentSample, looks: Looks) -> AnyView {
    let stale = looks.fresh.stale(s.date);
    view! {
        <li class="evidence" class:stale=stale>
            {dated(s.date, looks.fresh)}
            <p>{s.counts.summary()}</p>
            {s.reactions_summary().map(|text| view! { <p class="reactions">{text}</p> })}
            <details open=looks.open>
                <summary>"The comments as pasted"</summary>
                {pasted(format!("Comments as pasted on {}", s.date), s.text.clone(), "pasted")}
            </details>
            {looks.controls(StoredEntry::Sample(s))}
        </li>
    }
    .into_any()
}

fn caption_item(c: CaptionCheck, looks: Looks) -> AnyView {
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
            let verdict = match v.verdict() {
                Some(verdict) => verdict_badge(verdict).into_any(),
                // An id of a newer build, shown as stored rather than hidden.
                None => view! { <span class="badge">{v.verdict.clone()}</span> }.into_any(),
            };
            view! { <li>{v.country_name()} ": " {verdict}</li> }
        })
        .collect_view();
    let ticked = c.post_settings.ticked();
    let stale = looks.fresh.stale(c.date);
    view! {
        <li class="evidence" class:stale=stale>
            {dated(c.date, looks.fresh)}
            {pasted(
                format!("Caption as checked on {}", c.date),
                c.caption.clone(),
                "pasted caption",
            )}
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
            {(!ticked.is_empty())
                .then(|| {
                    view! {
                        <p class="post-settings">
                            <strong>"Ticked: "</strong>
                            {ticked.join("; ")}
                        </p>
                    }
                })}
            {if c.verdicts.is_empty() {
                view! { <p class="help">"No country was chosen for this check."</p> }.into_any()
            } else {
                view! { <ul class="stored-verdicts">{verdicts}</ul> }.into_any()
            }}
            {looks.controls(StoredEntry::Caption(c))}
        </li>
    }
    .into_any()
}

/// The entries of `list`, newest first, each drawn by `item`.
fn drawn<T: Clone + Send + Sync + 'static>(
    list: Signal<Vec<T>>,
    date: fn(&T) -> Date,
    item: fn(T, Looks) -> AnyView,
    looks: Looks,
) -> Vec<AnyView> {
    list.with(|l| newest_first(l, date))
        .into_iter()
        .map(|e| item(e, looks))
        .collect()
}

/// One kind of entry under its heading (`id`), or what fills it while there is none.
fn entry_list(
    id: String,
    heading: &'static str,
    empty: &'static str,
    items: impl Fn() -> Vec<AnyView> + Send + Sync + 'static,
) -> impl IntoView {
    let labelled_by = id.clone();
    view! {
        <h4 id=id>{heading}</h4>
        {move || {
            let items = items();
            if items.is_empty() {
                placeholder(empty)
            } else {
                view! {
                    <ul class="evidence-list" aria-labelledby=labelled_by.clone()>
                        {items}
                    </ul>
                }
                    .into_any()
            }
        }}
    }
}

/// The comment samples and the caption checks, each list under its heading (ids `{id}-samples`
/// and `{id}-captions`), saying where entries come from while a list is empty.
#[component]
pub fn StoredEntries(
    /// Prefix of the two headings' ids.
    id: &'static str,
    #[prop(into)] samples: Signal<Vec<CommentSample>>,
    #[prop(into)] captions: Signal<Vec<CaptionCheck>>,
    fresh: Fresh,
    empty_samples: &'static str,
    empty_captions: &'static str,
    /// The pasted comments open rather than behind a "show" (for a page meant to be printed).
    #[prop(optional)]
    open: bool,
    /// What follows each entry (a Delete button); nothing when not given.
    #[prop(optional, into)]
    controls: Option<Callback<StoredEntry, AnyView>>,
) -> impl IntoView {
    let looks = Looks {
        fresh,
        open,
        controls,
    };
    view! {
        {entry_list(
            format!("{id}-samples"),
            "Comment samples",
            empty_samples,
            move || drawn(samples, |s| s.date, sample_item, looks),
        )}
        {entry_list(
            format!("{id}-captions"),
            "Caption checks",
            empty_captions,
            move || drawn(captions, |c| c.date, caption_item, looks),
        )}
    }
}
