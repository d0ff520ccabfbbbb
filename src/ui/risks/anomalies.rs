//! Inexperience and engagement anomalies: a few numbers about a creator, run through the risk rules.
//! With a creator picked, the numbers the shortlist has are taken from it (shown, not asked for
//! again); only the missing ones are asked for, and can be saved to the creator.

use leptos::prelude::*;

use crate::domain::creator::dossier::{FollowerSnapshot, SnapshotSource};
use crate::domain::engine::benchmark::{find_for_followers, NoBenchmark, Scope};
use crate::domain::engine::engagement::{compute, Formula};
use crate::domain::risk::rules::{assess, EngagementInput, NotChecked, RiskInput, RiskKind};
use crate::domain::risk::thresholds::Thresholds;
use crate::domain::text::format::{group_thousands, percent};
use crate::domain::text::number::{parse_optional_amount, parse_optional_count, NumberError};
use crate::domain::{Platform, Tier};
use crate::ui::app::clock::today;
use crate::ui::app::shell::Section as AppSection;
use crate::ui::risks::target::{SaveNote, Target};
use crate::ui::risks::tool::RiskTool;
use crate::ui::widgets::fields::ChoiceSelect;
use crate::ui::widgets::number_field::NumberField;
use crate::ui::widgets::section::placeholder;
use crate::ui::widgets::warning::warning_list;

/// "2.4", "2.4%" or "2,4 %" as a fraction (0.024).
fn parse_rate(text: &str) -> Result<Option<f64>, NumberError> {
    parse_optional_amount(text.trim().trim_end_matches('%').trim()).map(|r| r.map(|p| p / 100.0))
}

const KINDS: [RiskKind; 3] = [
    RiskKind::EngagementAnomaly,
    RiskKind::BoughtEngagement,
    RiskKind::Inexperience,
];

/// The numbers the shortlist already has for the picked creator.
#[derive(Debug, Clone, Default, PartialEq)]
struct Known {
    platform: Option<Platform>,
    followers: Option<u64>,
    /// (likes + comments) ÷ followers, from the stored averages.
    rate: Option<f64>,
    likes: Option<f64>,
    sponsored: Option<u32>,
}

/// Whether the shortlist lacks a number this tool asks for and the creator record keeps.
fn lacks_a_number(k: &Known) -> bool {
    k.platform.is_none() || k.followers.is_none() || k.likes.is_none() || k.sponsored.is_none()
}

impl Known {
    fn any(&self) -> bool {
        *self != Known::default()
    }

    /// (label, value) of each number known, for the read-only list.
    fn shown(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(p) = self.platform {
            out.push(("Platform", p.name().to_string()));
        }
        if let Some(f) = self.followers {
            out.push(("Followers", group_thousands(f)));
        }
        if self.rate.is_some() {
            out.push(("Engagement rate by followers", percent(self.rate, 2)));
        }
        if let Some(l) = self.likes {
            out.push(("Average likes per post", group_thousands(l.round() as u64)));
        }
        if let Some(n) = self.sponsored {
            out.push(("Past sponsored posts", n.to_string()));
        }
        out
    }
}

#[component]
pub fn AnomalyTool(thresholds: RwSignal<Thresholds>, target: Option<Target>) -> impl IntoView {
    let known = Memo::new(move |_| {
        target
            .and_then(|t| t.creator())
            .map(|c| Known {
                platform: c.platform,
                followers: c.followers,
                rate: compute(
                    Formula::Followers,
                    std::slice::from_ref(&c.metrics),
                    c.followers,
                )
                .rate
                .filter(|r| r.is_finite()),
                likes: c.metrics.likes,
                sponsored: c.sponsored_posts,
            })
            .unwrap_or_default()
    });
    let platform = RwSignal::new(Platform::Instagram);
    // Only a platform the user chose is saved to the creator, never the select's first value.
    let platform_chosen = RwSignal::new(false);
    let followers = RwSignal::new(String::new());
    let rate = RwSignal::new(String::new());
    let likes = RwSignal::new(String::new());
    let sponsored = RwSignal::new(String::new());

    let followers_n = move || followers.with(|t| parse_optional_count(t));
    let rate_n = move || rate.with(|t| parse_rate(t));
    let likes_n = move || likes.with(|t| parse_optional_amount(t));
    let sponsored_n = move || sponsored.with(|t| parse_optional_count(t));
    let err = |r: Result<_, NumberError>| r.err().map(|e: NumberError| e.to_string());
    let followers_error = Signal::derive(move || err(followers_n().map(|_| ())));
    let rate_error = Signal::derive(move || err(rate_n().map(|_| ())));
    let likes_error = Signal::derive(move || err(likes_n().map(|_| ())));
    let sponsored_error = Signal::derive(move || err(sponsored_n().map(|_| ())));
    let sponsored_typed = move || {
        sponsored_n()
            .ok()
            .flatten()
            .map(|n| u32::try_from(n).unwrap_or(u32::MAX))
    };

    // What the rules get: the shortlist's number where it has one, else what was typed here.
    let platform_v = move || known.with(|k| k.platform).unwrap_or_else(|| platform.get());
    let followers_v = move || {
        known
            .with(|k| k.followers)
            .or_else(|| followers_n().ok().flatten())
    };
    let rate_v = move || known.with(|k| k.rate).or_else(|| rate_n().ok().flatten());
    let likes_v = move || known.with(|k| k.likes).or_else(|| likes_n().ok().flatten());
    let sponsored_v = move || known.with(|k| k.sponsored).or_else(sponsored_typed);

    let report = Memo::new(move |_| {
        let platform = platform_v();
        let followers = followers_v();
        let rate = rate_v();
        let mut extra_note = None;
        let engagement = rate.map(|rate| {
            let bench = followers.and_then(|f| {
                find_for_followers(platform, f, Formula::Followers)
                    .find(|b| b.scope() == Scope::Tier)
            });
            if followers.is_none() {
                extra_note = Some(NoBenchmark::TierUnknown.to_string());
            }
            EngagementInput {
                rate,
                benchmark: bench.map(|b| b.value),
                formula: Formula::Followers.expression().to_string(),
                benchmark_source: bench
                    .map(|b| format!("{}, {}", b.label(), b.citation()))
                    .unwrap_or_default(),
            }
        });
        let input = RiskInput {
            platform: Some(platform),
            tier: followers.map(Tier::for_followers),
            followers: followers.map(|f| f as f64),
            engagement,
            engagement_by_followers: rate,
            average_likes: likes_v(),
            sponsored_posts: sponsored_v(),
            ..RiskInput::default()
        };
        let report = assess(&input, &thresholds.get());
        let warnings: Vec<_> = report
            .warnings
            .into_iter()
            .filter(|w| KINDS.contains(&w.kind))
            .collect();
        // Comment checks live in their own tools above; only the rules this form feeds are listed.
        let mut missing: Vec<String> = report
            .not_checked
            .into_iter()
            .filter(|n: &NotChecked| {
                matches!(n.kind, RiskKind::EngagementAnomaly | RiskKind::Inexperience)
            })
            .map(|n| n.reason)
            .collect();
        if let Some(note) = extra_note {
            missing.retain(|m| !m.starts_with("No published benchmark"));
            missing.push(note);
        }
        if input.average_likes.is_none() || input.followers.is_none() {
            missing.push(
                "Enter followers and average likes to compare likes with the audience size."
                    .to_string(),
            );
        }
        (warnings, missing)
    });

    let anything = move || {
        known.with(Known::any)
            || [followers, rate, likes, sponsored]
                .iter()
                .any(|s| s.with(|t| !t.trim().is_empty()))
    };

    // The missing numbers typed here, saved to the creator on request (never silently: they
    // change the shortlist's figures).
    let note = RwSignal::new(None::<String>);
    let typed_missing = move || {
        let k = known.get();
        let followers = k
            .followers
            .is_none()
            .then(|| followers_n().ok().flatten())
            .flatten();
        let likes = k
            .likes
            .is_none()
            .then(|| likes_n().ok().flatten())
            .flatten();
        let sponsored = k.sponsored.is_none().then(sponsored_typed).flatten();
        let platform = (k.platform.is_none() && platform_chosen.get()).then(|| platform.get());
        (platform, followers, likes, sponsored)
    };
    let can_save = move || {
        target.is_some() && {
            let (p, f, l, n) = typed_missing();
            p.is_some() || f.is_some() || l.is_some() || n.is_some()
        }
    };
    let save = move |_| {
        let Some(t) = target else {
            return;
        };
        let (p, f, l, n) = untrack(typed_missing);
        let date = today();
        let saved = t.update(|c| {
            if c.platform.is_none() {
                c.platform = p;
            }
            if let (None, Some(count)) = (c.followers, f) {
                c.followers = Some(count);
                c.follower_history.push(FollowerSnapshot {
                    date,
                    count,
                    source: SnapshotSource::Edit,
                });
            }
            if c.metrics.likes.is_none() {
                c.metrics.likes = l;
            }
            if c.sponsored_posts.is_none() {
                c.sponsored_posts = n;
            }
        });
        if saved {
            note.set(Some(format!(
                "{} The numbers now come from the shortlist.",
                t.saved_note(date)
            )));
        }
    };
    // A field for a number only while the shortlist does not have it.
    let missing = move |pick: fn(&Known) -> bool| move || known.with(|k| !pick(k));
    type Has = fn(&Known) -> bool;
    // (known on the shortlist, id, label, help, text, error, placeholder)
    let number_fields = [
        (
            (|k| k.followers.is_some()) as Has,
            "risks-followers",
            "Followers",
            "Followers or subscribers.",
            followers,
            followers_error,
            "e.g. 45K",
        ),
        (
            |k| k.rate.is_some(),
            "risks-rate",
            "Engagement rate by followers (%)",
            "(likes + comments) ÷ followers, averaged over recent posts; e.g. 2.4 for 2.4%.",
            rate,
            rate_error,
            "",
        ),
        (
            |k| k.likes.is_some(),
            "risks-avg-likes",
            "Average likes per post",
            "Over recent posts.",
            likes,
            likes_error,
            "",
        ),
        (
            |k| k.sponsored.is_some(),
            "risks-sponsored",
            "Past sponsored posts",
            "How many sponsored posts you found on the profile.",
            sponsored,
            sponsored_error,
            "",
        ),
    ];

    view! {
        <RiskTool
            id="risks-anomaly-title"
            title="Experience and engagement anomalies"
            intro="A few numbers from the creator's profile: engagement far from the benchmark, likes out of line with the audience, or little experience with brands."
        >
            <form class="risk-form" on:submit=|ev| ev.prevent_default()>
                {move || {
                    let k = known.get();
                    k.any()
                        .then(|| {
                            view! {
                                <div class="from-shortlist">
                                    <p class="help">
                                        "From the shortlist; edit them there. "
                                        <a href=format!(
                                            "#{}",
                                            AppSection::Shortlist.id(),
                                        )>"Open the shortlist"</a>
                                    </p>
                                    <dl class="fit known">
                                        {k
                                            .shown()
                                            .into_iter()
                                            .map(|(label, value)| {
                                                view! {
                                                    <div>
                                                        <dt>{label}</dt>
                                                        <dd>{value}</dd>
                                                    </div>
                                                }
                                            })
                                            .collect_view()}
                                    </dl>
                                </div>
                            }
                        })
                }}
                <div class="fields">
                    <Show when=missing(|k| k.platform.is_some())>
                        <ChoiceSelect
                            id="risks-platform"
                            label="Platform"
                            choices=&Platform::ALL
                            value=platform
                            on_pick=move |p: Platform| {
                                platform_chosen.set(true);
                                platform.set(p);
                            }
                        />
                    </Show>
                    {number_fields
                        .into_iter()
                        .map(|(known, id, label, help, value, error, placeholder)| {
                            view! {
                                <Show when=missing(known)>
                                    <NumberField
                                        id=id
                                        label=label
                                        help=help.to_string()
                                        value=value
                                        error=error
                                        placeholder=placeholder
                                    />
                                </Show>
                            }
                        })
                        .collect_view()}
                </div>
                <Show when=can_save>
                    <p class="actions">
                        <button type="button" class="secondary" on:click=save>
                            {move || {
                                format!(
                                    "Save the numbers typed here to {}'s shortlist entry",
                                    target.map(|t| t.name()).unwrap_or_default(),
                                )
                            }}
                        </button>
                    </p>
                </Show>
            </form>
            // Only while something can still be saved (or was): a creator whose numbers are all
            // on the shortlist has nothing to type here.
            <Show when=move || {
                target.is_some() && (note.with(Option::is_some) || known.with(lacks_a_number))
            }>
                <SaveNote target=target note=note waiting="Numbers typed here can be saved to" />
            </Show>
            <p class="visually-hidden" role="status">
                {move || {
                    if !anything() {
                        return String::new();
                    }
                    match report.with(|r| r.0.len()) {
                        0 => "No warning from the numbers entered.".to_string(),
                        1 => "1 warning.".to_string(),
                        n => format!("{n} warnings."),
                    }
                }}
            </p>
            <div class="risk-result">
                {move || {
                    if !anything() {
                        return placeholder("Enter a few numbers to check them.");
                    }
                    let (warnings, missing) = report.get();
                    let none = warnings
                        .is_empty()
                        .then(|| {
                            view! { <p>"No warning from the numbers entered."</p> }
                        });
                    view! {
                        {none}
                        {warning_list(warnings)}
                        {(!missing.is_empty())
                            .then(|| {
                                view! {
                                    <p class="not-checked-title">"Not checked yet:"</p>
                                    <ul class="not-checked">
                                        {missing
                                            .into_iter()
                                            .map(|m| view! { <li>{m}</li> })
                                            .collect_view()}
                                    </ul>
                                }
                            })}
                    }
                        .into_any()
                }}
            </div>
        </RiskTool>
    }
}
