//! Risk badge and warning lists for one creator (shortlist row, analysis panel, editor) and a campaign's combined list.

use leptos::prelude::*;

use crate::domain::campaign::record::Campaign;
use crate::domain::campaign::risk_profile::{
    campaign_risks, creator_risk, CreatorRisk, RiskSummary,
};
use crate::domain::creator::record::Creator;
use crate::domain::engine::engagement::Formula;
use crate::domain::risk::rules::{NotChecked, Severity};
use crate::domain::risk::thresholds::Thresholds;
use crate::domain::text::date::Date;
use crate::ui::app::clock::today;
use crate::ui::state::{ShortlistStore, ThresholdsStore};
use crate::ui::widgets::section::{placeholder, Depth, Section};
use crate::ui::widgets::warning::{warning_list, WarningCard};

/// The thresholds in use: the app's when it provides them as context, else loaded once here.
/// Call it once per panel, never per row (loading reads storage).
pub fn thresholds_signal() -> Signal<Thresholds> {
    match use_context::<ThresholdsStore>() {
        Some(state) => state.value.into(),
        None => ThresholdsStore::load().value.into(),
    }
}

/// Class and symbol for the highest severity; the words always come with them.
fn look(summary: &RiskSummary) -> (&'static str, &'static str) {
    match summary.highest() {
        Some(Severity::High) => ("risk-badge sev-high", "▲"),
        Some(Severity::Caution) => ("risk-badge sev-caution", "◆"),
        Some(Severity::Info) => ("risk-badge sev-info", "●"),
        None if summary.unchecked() => ("risk-badge sev-none", "–"),
        None => ("risk-badge sev-clear", "✓"),
    }
}

/// What the badge shows for `c`, worked out once per version of the creator.
///
/// Why a cache: the shortlist's rows are positions, so a sort or a filter hands every visible
/// row another creator and each row's memo runs the risk rules again (measured 17 ms of a
/// 5,000-dossier sort for 50 rows, 81 µs a dossier). Entries are keyed by the whole creator
/// (compared, not hashed: a creator edited in any field misses), and dropped when the formula,
/// the thresholds or the day change.
fn badge_info(c: &Creator, formula: Formula, t: &Thresholds, today: Date) -> BadgeInfo {
    BADGES.with(|cache| {
        let mut cache = cache.borrow_mut();
        let context = (formula, *t, today);
        if cache.context != Some(context) || cache.entries.len() >= BADGE_CACHE_MAX {
            cache.context = Some(context);
            cache.entries.clear();
        }
        if let Some((seen, info)) = cache.entries.get(&c.id) {
            if seen == c {
                return info.clone();
            }
        }
        let risk = creator_risk(c, formula, None, t, today);
        let titles = risk
            .report
            .warnings
            .iter()
            .map(|w| format!("{}: {}", w.severity.label(), w.title))
            .collect::<Vec<_>>()
            .join("\n");
        let info = BadgeInfo {
            name: c.name.clone(),
            summary: risk.summary(),
            titles,
        };
        cache
            .entries
            .insert(c.id.clone(), (c.clone(), info.clone()));
        info
    })
}

/// More badges than a user pages through in a session; past it the cache starts again, so a
/// huge list cannot hold a second copy of itself.
const BADGE_CACHE_MAX: usize = 1_000;

#[derive(Default)]
struct BadgeCache {
    context: Option<(Formula, Thresholds, Date)>,
    entries: std::collections::HashMap<String, (Creator, BadgeInfo)>,
}

thread_local! {
    static BADGES: std::cell::RefCell<BadgeCache> = std::cell::RefCell::new(BadgeCache::default());
}

/// "High risk · 2 warnings", "No warnings", "Not checked".
fn badge_text(summary: &RiskSummary) -> String {
    match summary.highest() {
        Some(s) => format!("{} · {}", s.label(), summary.label()),
        None => summary.label(),
    }
}

/// What the badge says and shows; compared so a row only re-renders when it changes.
#[derive(Debug, Clone, PartialEq, Default)]
struct BadgeInfo {
    name: String,
    summary: RiskSummary,
    /// Warning titles for the tooltip.
    titles: String,
}

/// A shortlist row's risk badge: highest severity in words and a symbol, the count, and an
/// accessible name ("Risks for Ana: 1 high risk, 1 caution") that does not repeat the creator's
/// name in the row's text.
///
/// With `on_open` it is a button (the shortlist opens the creator's warnings with it); without,
/// an image role carrying the name.
///
/// Cheap: one memo per visible row over that row's creator, the formula and the thresholds;
/// nothing else re-runs it. Audience fit needs a campaign, so it is not part of the badge.
#[component]
pub fn RiskBadge(
    /// The row's creator; `None` while the row is empty.
    #[prop(into)]
    creator: Signal<Option<Creator>>,
    /// The shortlist's engagement formula, tried first against the benchmarks.
    #[prop(into)]
    formula: Signal<Formula>,
    #[prop(into)] thresholds: Signal<Thresholds>,
    /// Called when the badge is activated; makes the badge a button.
    #[prop(optional, into)]
    on_open: Option<Callback<()>>,
) -> impl IntoView {
    let info = Memo::new(move |_| {
        let formula = formula.get();
        thresholds.with(|t| {
            creator.with(|c| {
                c.as_ref()
                    .map(|c| badge_info(c, formula, t, today()))
                    .unwrap_or_default()
            })
        })
    });
    let class = move || info.with(|i| look(&i.summary).0);
    let count = move || info.with(|i| i.summary.total());
    let title = move || info.with(|i| (!i.titles.is_empty()).then(|| i.titles.clone()));
    let name = move || info.with(|i| i.summary.accessible_name(&i.name));
    let inner = move || {
        view! {
            <span class="risk-symbol" aria-hidden="true">
                {move || info.with(|i| look(&i.summary).1)}
            </span>
            " "
            {move || info.with(|i| badge_text(&i.summary))}
        }
    };
    match on_open {
        Some(open) => view! {
            <button
                type="button"
                class=class
                data-risk-count=count
                title=title
                aria-label=move || format!("{}. Show the warnings", name())
                on:click=move |_| open.run(())
            >
                {inner()}
            </button>
        }
        .into_any(),
        None => view! {
            <span role="img" class=class data-risk-count=count title=title aria-label=name>
                {inner()}
            </span>
        }
        .into_any(),
    }
}

/// "2 warnings: 1 high risk, 1 caution." / "No warnings from the numbers entered."
fn summary_sentence(summary: &RiskSummary) -> String {
    match summary.total() {
        0 if summary.unchecked() => {
            "Nothing checked yet: the numbers these checks need are missing (see below)."
                .to_string()
        }
        0 => "No warnings from the numbers entered.".to_string(),
        _ => format!("{}: {}.", summary.label(), summary.breakdown()),
    }
}

/// What could not be checked, each with what to add and where.
fn not_checked_items(items: Vec<NotChecked>) -> impl IntoView {
    view! {
        <ul class="not-checked">
            {items
                .into_iter()
                .map(|n| {
                    view! {
                        <li>
                            <strong>{n.kind.label()}</strong>
                            ": "
                            {n.reason}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

fn not_checked_list(items: Vec<NotChecked>) -> impl IntoView {
    let count = items.len();
    (count > 0).then(|| {
        view! {
            <details class="not-checked-list">
                <summary>{format!("Not checked ({count}): what to add and where")}</summary>
                {not_checked_items(items)}
            </details>
        }
    })
}

/// One creator's warnings, each expandable to its evidence, then what was not checked and where
/// to supply it. The caller computes `risk` (see `risk_profile::creator_risk` and `check_form_risk`).
#[component]
pub fn CreatorWarnings(#[prop(into)] risk: Signal<CreatorRisk>) -> impl IntoView {
    view! {
        <div class="creator-warnings">
            <p class="risk-summary">{move || risk.with(|r| summary_sentence(&r.summary()))}</p>
            {move || {
                let r = risk.get();
                view! {
                    {warning_list(r.report.warnings)}
                    {not_checked_list(r.report.not_checked)}
                }
            }}
        </div>
    }
}

/// The creators of `campaign` from the shortlist, in the campaign's order (ids no longer on the
/// shortlist are skipped).
fn campaign_creators(campaign: &Campaign, shortlist: Option<ShortlistStore>) -> Vec<Creator> {
    let Some(state) = shortlist else {
        return Vec::new();
    };
    state.list.with(|l| {
        campaign
            .creators
            .iter()
            .filter_map(|id| l.get(id).cloned())
            .collect()
    })
}

/// A campaign's combined warning list: every creator's warnings, tagged with the creator's name,
/// most severe first, then by name; then who had none and what could not be checked.
///
/// Props for the campaign panel:
/// - `campaign`: the campaign shown (`None`: nothing selected). Its brand categories drive the
///   audience-fit check, its countries are named in the disclosure hint.
/// - `creators` (optional): the creators to assess. Without it, the campaign's `creators` ids are
///   looked up in the shortlist context (`ShortlistStore`).
/// - `formula` (optional): the engagement formula to try first (default: the source article's).
#[component]
pub fn CampaignWarnings(
    #[prop(into)] campaign: Signal<Option<Campaign>>,
    #[prop(optional, into)] creators: Option<Signal<Vec<Creator>>>,
    #[prop(optional, into)] formula: Option<Signal<Formula>>,
) -> impl IntoView {
    let thresholds = thresholds_signal();
    let shortlist = use_context::<ShortlistStore>();
    let risks = Memo::new(move |_| {
        let formula = formula.map(|f| f.get()).unwrap_or_default();
        campaign.with(|c| {
            let list = match creators {
                Some(s) => s.get(),
                None => c
                    .as_ref()
                    .map(|c| campaign_creators(c, shortlist))
                    .unwrap_or_default(),
            };
            thresholds.with(|t| campaign_risks(&list, c.as_ref(), formula, t, today()))
        })
    });
    view! {
        <Section
            id="campaign-risks-title"
            class="campaign-risks"
            depth=Depth::Tool
            title="Risks across the campaign's creators"
        >
            {move || {
                let r = risks.get();
                let s = r.summary();
                let empty = r.warnings.is_empty() && r.clear.is_empty() && r.unchecked.is_empty();
                if empty {
                    return placeholder(
                        "Add creators from the shortlist to this campaign to see their risks.",
                    );
                }
                let cards = r
                    .warnings
                    .into_iter()
                    .map(|w| view! { <WarningCard warning=w.warning creator=w.creator_name /> })
                    .collect_view();
                let names = |label: &'static str, names: Vec<String>| {
                    (!names.is_empty())
                        .then(|| {
                            view! {
                                <p class="risk-names">
                                    <strong>{label}</strong>
                                    " "
                                    {names.join(", ")}
                                </p>
                            }
                        })
                };
                let gaps = (!r.gaps.is_empty())
                    .then(|| {
                        let total: usize = r.gaps.iter().map(|g| g.not_checked.len()).sum();
                        view! {
                            <details class="not-checked-list">
                                <summary>
                                    {format!("Not checked ({total}): what to add, per creator")}
                                </summary>
                                {r
                                    .gaps
                                    .into_iter()
                                    .map(|g| {
                                        view! {
                                            <p class="not-checked-title">{g.creator_name}</p>
                                            {not_checked_items(g.not_checked)}
                                        }
                                    })
                                    .collect_view()}
                            </details>
                        }
                    });
                view! {
                    <p class="risk-summary">
                        {match s.total() {
                            0 => "No warnings for this campaign's creators.".to_string(),
                            _ => format!("{}: {}.", s.label(), s.breakdown()),
                        }}
                    </p>
                    <div class="warnings">{cards}</div>
                    {names("No warnings:", r.clear)}
                    {names("Nothing could be checked for:", r.unchecked)}
                    {gaps}
                }
                    .into_any()
            }}
        </Section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn badge_words_and_classes() {
        // (summary, class, text)
        let s = |high, caution, info, checked| RiskSummary {
            high,
            caution,
            info,
            checked,
            not_checked: 0,
        };
        let cases = [
            (
                s(1, 1, 0, 2),
                "risk-badge sev-high",
                "High risk · 2 warnings",
            ),
            (
                s(0, 1, 0, 1),
                "risk-badge sev-caution",
                "Caution · 1 warning",
            ),
            (s(0, 0, 2, 1), "risk-badge sev-info", "Info · 2 warnings"),
            (s(0, 0, 0, 3), "risk-badge sev-clear", "No warnings"),
            (s(0, 0, 0, 0), "risk-badge sev-none", "Not checked"),
        ];
        for (summary, class, text) in cases {
            assert_eq!(look(&summary).0, class, "{summary:?}");
            assert_eq!(badge_text(&summary), text);
        }
        assert_eq!(
            summary_sentence(&s(1, 1, 0, 2)),
            "2 warnings: 1 high risk, 1 caution."
        );
    }
}
