//! Pasted comments, read two ways: sentiment (hate-watching, with the likes/dislikes ratio) and generic comments (bought engagement).
//! With a creator picked, the pasted sample, its counts and the likes and dislikes typed beside it
//! are saved in the creator's dossier.

use leptos::prelude::*;

use crate::domain::creator::dossier::{CommentSample, SampleCounts};
use crate::domain::creator::record::Creator;
use crate::domain::risk::comments::{
    summarise_generic, GenericKind, GenericSummary, NORMAL_SHARE_NOTE,
};
use crate::domain::risk::rules::{assess, dislike_ratio, RiskInput, RiskKind};
use crate::domain::risk::sentiment::{summarise_comments, SentimentSummary, ENGLISH_ONLY_NOTE};
use crate::domain::risk::thresholds::Thresholds;
use crate::domain::text::format::{group_thousands, percent, plural};
use crate::domain::text::number::parse_optional_count;
use crate::ui::app::clock::today;
use crate::ui::risks::lexicon::{ensure_loaded, initial_status, LexiconStatus};
use crate::ui::risks::target::{save_as_edited, SaveNote, Target};
use crate::ui::risks::tool::RiskTool;
use crate::ui::widgets::fields::TextField;
use crate::ui::widgets::number_field::NumberField;
use crate::ui::widgets::section::placeholder;
use crate::ui::widgets::table::column_heads;
use crate::ui::widgets::warning::warning_list;

fn share_text(part: usize, share: Option<f64>) -> String {
    format!("{} ({})", group_thousands(part as u64), percent(share, 0))
}

fn samples(c: &mut Creator) -> &mut Vec<CommentSample> {
    &mut c.comment_samples
}

/// "Comment sentiment" and "Generic comments": one pasted sample feeds both. With a `target`,
/// the sample is saved in its dossier: one entry per visit, updated as the text changes.
#[component]
pub fn CommentTools(thresholds: RwSignal<Thresholds>, target: Option<Target>) -> impl IntoView {
    let comments = RwSignal::new(String::new());
    let likes = RwSignal::new(String::new());
    let dislikes = RwSignal::new(String::new());
    let status = RwSignal::new(initial_status());

    // The word list is fetched the first time there is something to score.
    Effect::new(move |_| {
        let wanted = comments.with(|c| !c.trim().is_empty());
        if wanted && status.with(|s| *s == LexiconStatus::Idle) {
            ensure_loaded(status);
        }
    });

    let sentiment = Memo::new(move |_| match status.get() {
        LexiconStatus::Ready(lexicon) => {
            comments.with(|c| Some(summarise_comments(&lexicon, c)).filter(|s| s.total > 0))
        }
        _ => None,
    });
    let generic = Memo::new(move |_| comments.with(|c| summarise_generic(c)));

    let likes_parsed = move || likes.with(|t| parse_optional_count(t));
    let dislikes_parsed = move || dislikes.with(|t| parse_optional_count(t));

    // Saved as the user pastes or edits, and again once the word list has scored the sample or
    // the likes or dislikes change: they are kept with the sample, so the dislike ratio can be
    // worked out again from the dossier. A count that does not read is left out (its field says
    // why) until it is corrected.
    let note = save_as_edited(target, "Comments", comments, samples, move |text| {
        let counts = SampleCounts::from_summaries(sentiment.get().as_ref(), &generic.get());
        let sample = CommentSample {
            date: today(),
            text,
            counts,
            likes: likes_parsed().ok().flatten().map(|v| v as f64),
            dislikes: dislikes_parsed().ok().flatten().map(|v| v as f64),
        };
        let more = " Edits in this visit update this sample; a later visit adds a new one.";
        (sample, more.to_string())
    });

    let likes_error = Signal::derive(move || likes_parsed().err().map(|e| e.to_string()));
    let dislikes_error = Signal::derive(move || dislikes_parsed().err().map(|e| e.to_string()));
    let ratio = Memo::new(move |_| {
        let l = likes_parsed().ok().flatten().map(|v| v as f64);
        let d = dislikes_parsed().ok().flatten().map(|v| v as f64);
        dislike_ratio(l, d)
    });

    // A sample is saved once comments are pasted; likes or dislikes typed before that are kept
    // with it, and the note says so rather than leaving them to look saved.
    let counts_waiting = Signal::derive(move || {
        let waiting = comments.with(|c| c.trim().is_empty())
            && (likes.with(|t| !t.trim().is_empty()) || dislikes.with(|t| !t.trim().is_empty()));
        let t = target.filter(|_| waiting)?;
        Some(format!(
            "Likes and dislikes are kept with a comment sample: paste comments to save them to {}'s dossier.",
            t.name()
        ))
    });

    let hate_warnings = move || {
        let input = RiskInput {
            sentiment: sentiment.get(),
            dislike_ratio: ratio.get(),
            ..RiskInput::default()
        };
        assess(&input, &thresholds.get()).warnings_where(|w| w.kind == RiskKind::HateWatching)
    };
    let generic_warnings = move || {
        let input = RiskInput {
            generic_comments: Some(generic.get()),
            ..RiskInput::default()
        };
        assess(&input, &thresholds.get()).warnings_where(|w| w.id == "generic-comments")
    };

    let sentiment_result = move || match status.get() {
        LexiconStatus::Idle => {
            placeholder("Paste comments to see how many read positive, neutral or negative.")
        }
        LexiconStatus::Loading => view! {
            <p class="placeholder loading">
                "Loading the sentiment word list (about 100 KB, only the first time)…"
            </p>
        }
        .into_any(),
        LexiconStatus::Failed(message) => view! {
            <p class="error" role="alert">
                {message}
            </p>
            <button type="button" class="secondary" on:click=move |_| ensure_loaded(status)>
                "Try again"
            </button>
        }
        .into_any(),
        LexiconStatus::Ready(_) => match sentiment.get() {
            None => {
                placeholder("Paste comments to see how many read positive, neutral or negative.")
            }
            Some(s) => sentiment_view(s).into_any(),
        },
    };

    view! {
        <RiskTool
            id="risks-sentiment-title"
            title="Comment sentiment (hate-watching)"
            intro="A following built on negative attention puts your brand next to mockery. Copy a few dozen comments from recent posts and paste them here, one per line."
        >
            <form class="risk-form" on:submit=|ev| ev.prevent_default()>
                <TextField
                    id="risks-comments"
                    label="Comments (one per line)"
                    value=comments
                    rows=8
                    help=Signal::derive(move || {
                        let n = generic.with(|g| g.total);
                        format!(
                            "{n} comment{} read. Nothing you paste leaves this device.",
                            if n == 1 { "" } else { "s" },
                        )
                    })
                />
                <div class="fields">
                    <NumberField
                        id="risks-likes"
                        label="Likes (YouTube, optional)"
                        help="From the creator's analytics or an archived count.".to_string()
                        value=likes
                        error=likes_error
                    />
                    <NumberField
                        id="risks-dislikes"
                        label="Dislikes (YouTube, optional)"
                        help="YouTube hid public dislikes in December 2021; ask the creator."
                            .to_string()
                        value=dislikes
                        error=dislikes_error
                    />
                </div>
            </form>
            <SaveNote
                target=target
                note=note
                waiting="Paste comments to save a scored sample to"
                waiting_instead=counts_waiting
            />
            <p class="visually-hidden" role="status">
                {move || match status.get() {
                    LexiconStatus::Loading => "Loading the sentiment word list.".to_string(),
                    LexiconStatus::Ready(_) => {
                        sentiment
                            .get()
                            .map(|s| {
                                format!(
                                    "{} comments scored: {} negative.",
                                    s.total,
                                    percent(s.negative_share(), 0),
                                )
                            })
                            .unwrap_or_default()
                    }
                    _ => String::new(),
                }}
            </p>
            <div class="risk-result">
                {sentiment_result}
                {move || {
                    ratio
                        .get()
                        .map(|r| {
                            view! {
                                <p>
                                    "Dislikes are " <strong>{percent(Some(r), 1)}</strong>
                                    " of likes + dislikes (dislikes ÷ (likes + dislikes))."
                                </p>
                            }
                        })
                }}
            </div>
            {move || warning_list(hate_warnings())}
        </RiskTool>

        <RiskTool
            id="risks-generic-title"
            title="Generic comments"
            intro=format!(
                "From the comments pasted above: emoji only, one word, stock praise (“great pic”) and spam could sit under any post. {NORMAL_SHARE_NOTE}",
            )
        >
            <div class="risk-result">
                {move || {
                    let g = generic.get();
                    if g.total == 0 {
                        placeholder("Paste comments above to count the generic ones.")
                    } else {
                        generic_view(g).into_any()
                    }
                }}
            </div>
            {move || warning_list(generic_warnings())}
        </RiskTool>
    }
}

fn sentiment_view(s: SentimentSummary) -> impl IntoView {
    let rows = [
        ("Positive", "positive", s.positive, s.positive_share()),
        ("Neutral", "neutral", s.neutral, s.neutral_share()),
        ("Negative", "negative", s.negative, s.negative_share()),
    ];
    let unrecognised = (s.unrecognised > 0).then(|| {
        format!(
            "{} of them ({}) had no word the list knows, often because they are in another language; they count as neutral.",
            group_thousands(s.unrecognised as u64),
            percent(s.unrecognised_share(), 0)
        )
    });
    view! {
        <table class="shares">
            <caption>
                {format!(
                    "Sentiment of {} (VADER compound ≥ 0.05 positive, ≤ −0.05 negative)",
                    plural(s.total, "comment", "comments"),
                )}
            </caption>
            {column_heads(&["Sentiment", "Comments (share)"])}
            <tbody>
                {rows
                    .into_iter()
                    .map(|(label, class, n, share)| {
                        view! {
                            <tr class=class>
                                <th scope="row">{label}</th>
                                <td>{share_text(n, share)}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        {unrecognised.map(|text| view! { <p class="help">{text}</p> })}
        {(!s.most_negative.is_empty())
            .then(|| {
                view! {
                    <h4>"Most negative comments"</h4>
                    <ol class="examples">
                        {s
                            .most_negative
                            .iter()
                            .map(|c| {
                                view! {
                                    <li>
                                        <q>{c.text.clone()}</q>
                                        <span class="score">
                                            {format!(" score {:.2}", c.compound).replace('-', "−")}
                                        </span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                }
            })}
        <p class="caveat">{ENGLISH_ONLY_NOTE}</p>
    }
}

fn generic_view(g: GenericSummary) -> impl IntoView {
    let headline = format!(
        "{} of {} comments ({}) are generic.",
        group_thousands(g.generic as u64),
        group_thousands(g.total as u64),
        percent(g.share(), 0)
    );
    let total = g.total;
    view! {
        <p class="headline">{headline}</p>
        <table class="shares stack">
            <caption class="visually-hidden">"Generic comments by kind"</caption>
            {column_heads(&["Kind", "Comments (share)", "Why it says little"])}
            <tbody>
                {GenericKind::ALL
                    .into_iter()
                    .map(|kind| {
                        let n = g.count(kind);
                        let share = (total > 0).then(|| n as f64 / total as f64);
                        view! {
                            <tr>
                                <th scope="row">{kind.label()}</th>
                                <td>{share_text(n, share)}</td>
                                <td>{kind.explanation()}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        {(!g.examples.is_empty())
            .then(|| {
                view! {
                    <h4>"Examples"</h4>
                    <ul class="examples">
                        {g
                            .examples
                            .iter()
                            .map(|e| {
                                view! {
                                    <li>
                                        <q>{e.text.clone()}</q>
                                        <span class="kind">{format!(" ({})", e.kind.label())}</span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
            })}
    }
}
