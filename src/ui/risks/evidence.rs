//! The evidence a picked creator's dossier already holds from the Risks tools: comment samples
//! and caption checks, newest first, each dated with its age, what it found, and a "re-check"
//! mark once older than the editable age of the risk thresholds (90 days by default). Deleting one asks first.

use leptos::html;
use leptos::prelude::*;

use crate::domain::creator::record::Creator;
use crate::domain::risk::thresholds::Thresholds;
use crate::domain::text::format::plural;
use crate::ui::app::clock::today;
use crate::ui::risks::for_creator::thresholds_signal;
use crate::ui::risks::target::Target;
use crate::ui::risks::tool::RiskTool;
use crate::ui::widgets::evidence::{Fresh, StoredEntries, StoredEntry};

/// Takes `entry` out of `c` (the first equal one: two equal entries are one finding).
fn remove_from(c: &mut Creator, entry: &StoredEntry) {
    match entry {
        StoredEntry::Sample(s) => remove_first(&mut c.comment_samples, s),
        StoredEntry::Caption(k) => remove_first(&mut c.caption_checks, k),
    }
}

fn remove_first<T: PartialEq>(list: &mut Vec<T>, item: &T) {
    if let Some(i) = list.iter().position(|x| x == item) {
        list.remove(i);
    }
}

/// The Delete button and, once pressed, the question with its two answers.
fn delete_controls(
    target: Target,
    entry: StoredEntry,
    confirming: RwSignal<Option<StoredEntry>>,
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
        target.update(|c| remove_from(c, &entry));
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
            .map(|c| c.comment_samples.to_vec())
            .unwrap_or_default()
    });
    let captions = Memo::new(move |_| {
        target
            .creator()
            .map(|c| c.caption_checks.to_vec())
            .unwrap_or_default()
    });
    let confirming = RwSignal::new(None::<StoredEntry>);
    let intro = move || {
        format!(
            "In {}'s dossier: {} and {}. Evidence older than {days} days is marked for a re-check.",
            target.name(),
            plural(samples.with(Vec::len), "comment sample", "comment samples"),
            plural(captions.with(Vec::len), "caption check", "caption checks"),
        )
    };
    let controls = move |entry: StoredEntry| delete_controls(target, entry, confirming).into_any();
    view! {
        <RiskTool
            id="risks-evidence-title"
            class="stored-evidence"
            title="Stored evidence"
            intro=intro
        >
            <StoredEntries
                id="risks-evidence"
                samples=samples
                captions=captions
                fresh=fresh
                empty_samples="None yet: comments pasted below are saved here."
                empty_captions="None yet: captions checked below are saved here."
                controls=controls
            />
        </RiskTool>
    }
}
