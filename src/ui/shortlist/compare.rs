//! Two to four shortlisted creators side by side: a table of their figures, each with its formula,
//! and the comparison chart.

use leptos::prelude::*;

use crate::charts::{compare_creators, Chart, Metric, Unit};
use crate::domain::campaign::risk_profile::creator_risk;
use crate::domain::creator::record::Creator;
use crate::domain::engine::analysis::analyze_creator;
use crate::domain::engine::engagement::{self, Formula};
use crate::domain::risk::thresholds::Thresholds;
use crate::domain::text::date::Date;
use crate::domain::text::format::{money, percent};
use crate::ui::app::clock::today;
use crate::ui::risks::for_creator::thresholds_signal;
use crate::ui::shortlist::format::{amount_label, count_label, currency_symbol, price_label};
use crate::ui::state::ShortlistStore;
use crate::ui::widgets::chart_image::ChartImage;
use crate::ui::widgets::section::{Depth, Section};
use crate::ui::widgets::table::scroll_region;

/// Most creators compared at once: more bars per panel stop being readable.
pub const MAX_COMPARE: usize = 4;

/// One creator's figures for the comparison.
#[derive(Clone, Debug, PartialEq)]
struct Figures {
    name: String,
    platform: String,
    followers: String,
    followers_value: Option<f64>,
    tier: String,
    rate: Option<f64>,
    benchmark: String,
    views: Option<f64>,
    interactions: Option<f64>,
    price: String,
    price_value: Option<f64>,
    symbol: String,
    cpe: Option<f64>,
    cpm: Option<f64>,
    per_week: String,
    sponsored: String,
    status: String,
    /// "1 high risk: Engagement is 3× the benchmark"; the warnings themselves are in the editor.
    risks: String,
}

/// A row of the comparison table: the figure, how it is worked out (empty when it is as entered
/// or counted), and how to read it off a creator's figures.
type ComparedRow = (&'static str, String, fn(&Figures) -> String);

/// The comparison table's rows, in order.
fn compared_rows(formula: Formula) -> Vec<ComparedRow> {
    vec![
        ("Platform", String::new(), |f| f.platform.clone()),
        ("Followers", String::new(), |f| f.followers.clone()),
        ("Tier", "by followers".into(), |f| f.tier.clone()),
        ("Engagement rate", formula.expression().to_string(), |f| {
            percent(f.rate, 2)
        }),
        (
            "Against the tier benchmark",
            "same formula only".into(),
            |f| f.benchmark.clone(),
        ),
        ("Average views per post", String::new(), |f| {
            amount_label(f.views)
        }),
        ("Interactions per post", formula.counted().list(), |f| {
            amount_label(f.interactions)
        }),
        ("Price per post", "as entered".into(), |f| f.price.clone()),
        (
            "Cost per engagement",
            "price ÷ interactions per post".into(),
            |f| money(f.cpe, &f.symbol),
        ),
        ("CPM", "price ÷ average views × 1,000".into(), |f| {
            money(f.cpm, &f.symbol)
        }),
        ("Posts per week", String::new(), |f| f.per_week.clone()),
        ("Past sponsored posts", String::new(), |f| {
            f.sponsored.clone()
        }),
        ("Status", String::new(), |f| f.status.clone()),
        ("Risks", "thresholds under Risks".into(), |f| {
            f.risks.clone()
        }),
    ]
}

/// `today` ages the creator's stored evidence (passed in: the browser clock is not there in native tests).
fn figures(c: &Creator, formula: Formula, thresholds: &Thresholds, today: Date) -> Figures {
    let posts = std::slice::from_ref(&c.metrics);
    let engagement = engagement::compute(formula, posts, c.followers);
    let benchmark = match analyze_creator(c, formula) {
        Some(analysis) => match &analysis.benchmarks {
            Ok(found) => found
                .first()
                .map(|b| b.sentence())
                .unwrap_or_else(|| "n/a".to_string()),
            Err(why) => format!("n/a: {why}"),
        },
        None => "n/a: set the platform to compare with a benchmark.".to_string(),
    };
    let views = engagement::mean_views(posts);
    let interactions = engagement.interactions_per_post();
    let price = c.price.filter(|p| p.is_finite());
    Figures {
        name: c.name.clone(),
        platform: c.platform.map(|p| p.name()).unwrap_or("n/a").to_string(),
        followers: count_label(c.followers),
        followers_value: c.followers.map(|n| n as f64),
        tier: c.tier().map(|t| t.name()).unwrap_or("n/a").to_string(),
        rate: engagement.rate,
        benchmark,
        views,
        interactions,
        price: price_label(c),
        price_value: price,
        symbol: currency_symbol(c.currency.as_deref()),
        cpe: price
            .zip(interactions)
            .and_then(|(p, i)| engagement::ratio(p, i)),
        cpm: price
            .zip(views)
            .and_then(|(p, v)| engagement::ratio(p * 1000.0, v)),
        per_week: amount_label(c.posts_per_week),
        sponsored: c
            .sponsored_posts
            .map(|n| n.to_string())
            .unwrap_or_else(|| "n/a".to_string()),
        status: c.status.label().to_string(),
        risks: risk_line(c, formula, thresholds, today),
    }
}

/// The creator's warnings in one cell: the count by severity, then each warning's title.
fn risk_line(c: &Creator, formula: Formula, thresholds: &Thresholds, today: Date) -> String {
    let risk = creator_risk(c, formula, None, thresholds, today);
    let summary = risk.summary();
    if summary.total() == 0 {
        return summary.label();
    }
    let titles: Vec<&str> = risk
        .report
        .warnings
        .iter()
        .map(|w| w.title.as_str())
        .collect();
    format!("{}: {}", summary.breakdown(), titles.join("; "))
}

/// The chart; cost panels only when every priced creator uses the same currency.
fn chart(all: &[Figures], formula: Formula) -> Chart {
    let names: Vec<String> = all.iter().map(|f| f.name.clone()).collect();
    let mut metrics = vec![
        Metric {
            // The formula's short name fits the panel heading; the table spells it out.
            name: format!("Engagement rate: {}", formula.name()),
            unit: Unit::Percent,
            lower_is_better: false,
            values: all.iter().map(|f| f.rate).collect(),
        },
        Metric {
            name: "Followers".to_string(),
            unit: Unit::Count,
            lower_is_better: false,
            values: all.iter().map(|f| f.followers_value).collect(),
        },
        Metric {
            name: "Average views per post".to_string(),
            unit: Unit::Count,
            lower_is_better: false,
            values: all.iter().map(|f| f.views).collect(),
        },
    ];
    if let Some(symbol) = shared_symbol(all) {
        metrics.push(Metric {
            name: "Cost per engagement, price ÷ interactions per post".to_string(),
            unit: Unit::Money(symbol.clone()),
            lower_is_better: true,
            values: all.iter().map(|f| f.cpe).collect(),
        });
        metrics.push(Metric {
            name: "CPM, price ÷ views × 1,000".to_string(),
            unit: Unit::Money(symbol),
            lower_is_better: true,
            values: all.iter().map(|f| f.cpm).collect(),
        });
    }
    compare_creators(
        &format!("Comparing {} creators", all.len()),
        &names,
        &metrics,
    )
}

/// The currency sign shared by every creator with a price; `None` when they differ (costs in
/// different currencies can't share a scale) or nobody has a price.
fn shared_symbol(all: &[Figures]) -> Option<String> {
    let mut symbols = all
        .iter()
        .filter(|f| f.price_value.is_some())
        .map(|f| f.symbol.clone());
    let first = symbols.next()?;
    symbols.all(|s| s == first).then_some(first)
}

#[component]
pub fn ComparePanel(
    selected: RwSignal<Vec<String>>,
    #[prop(into)] formula: Signal<Formula>,
) -> impl IntoView {
    let state = expect_context::<ShortlistStore>();
    let thresholds = thresholds_signal();
    let chosen = Memo::new(move |_| {
        let f = formula.get();
        thresholds.with(|t| {
            selected.with(|ids| {
                state.list.with(|l| {
                    ids.iter()
                        .filter_map(|id| l.get(id))
                        .map(|c| figures(c, f, t, today()))
                        .collect::<Vec<_>>()
                })
            })
        })
    });
    let count = move || chosen.with(Vec::len);

    view! {
        <Section id="compare-title" class="shortlist-compare" depth=Depth::Tool title="Compare">
            <Show
                when=move || { count() >= 2 }
                fallback=move || {
                    view! {
                        <p class="help">
                            {move || {
                                format!(
                                    "Tick 2 to {MAX_COMPARE} creators in the table to see them side by side ({} selected).",
                                    count(),
                                )
                            }}
                        </p>
                    }
                }
            >
                {scroll_region(
                    "Comparison table",
                    view! {
                        <table class="compare-table">
                            <caption class="visually-hidden">
                                "Selected creators side by side"
                            </caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Figure"</th>
                                    {move || {
                                        chosen
                                            .get()
                                            .into_iter()
                                            .map(|f| view! { <th scope="col">{f.name}</th> })
                                            .collect_view()
                                    }}
                                </tr>
                            </thead>
                            <tbody>
                                {move || {
                                    let all = chosen.get();
                                    let formula = formula.get();
                                    let row = |label: String, how: String, cells: Vec<String>| {
                                        view! {
                                            <tr>
                                                <th scope="row">
                                                    {label} <span class="formula">{how}</span>
                                                </th>
                                                {cells
                                                    .into_iter()
                                                    .map(|c| view! { <td>{c}</td> })
                                                    .collect_view()}
                                            </tr>
                                        }
                                    };
                                    compared_rows(formula)
                                        .into_iter()
                                        .map(|(label, how, get)| {
                                            row(label.into(), how, all.iter().map(get).collect())
                                        })
                                        .collect_view()
                                }}
                            </tbody>
                        </table>
                    },
                )}
                {move || {
                    (shared_symbol(&chosen.get()).is_none()
                        && chosen
                            .with(|all| all.iter().filter(|f| f.price_value.is_some()).count() > 1))
                        .then(|| {
                            view! {
                                <p class="help">
                                    "The prices are in different currencies, so the chart leaves costs out."
                                </p>
                            }
                        })
                }}
                <ChartImage
                    chart=Signal::derive(move || chart(&chosen.get(), formula.get()))
                    caption="Each panel has its own scale; n/a means the figure can't be computed from what was entered."
                />
                <button type="button" class="secondary" on:click=move |_| selected.set(Vec::new())>
                    "Clear the selection"
                </button>
            </Show>
        </Section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Platform;

    fn ann() -> Creator {
        let mut c = crate::ui::shortlist::format::tests::ann();
        c.platform = Some(Platform::TikTok);
        c.price = Some(110.5);
        c
    }

    /// `c`'s figures with the default thresholds, on the epoch day.
    fn figures_by(c: &Creator, formula: Formula) -> Figures {
        figures(c, formula, &Thresholds::default(), Date::EPOCH)
    }

    #[test]
    fn figures_carry_benchmark_and_costs() {
        let f = figures_by(&ann(), Formula::SourceViews);
        assert_eq!(f.rate.map(|r| (r * 1000.0).round()), Some(85.0));
        assert!(f.benchmark.contains("CreatorDB"), "{}", f.benchmark);
        // 110.5 / 11,050 interactions = $0.0100; 110.5 / 130,000 × 1,000 = $0.850.
        assert_eq!(money(f.cpe, &f.symbol), "$0.0100");
        assert_eq!(money(f.cpm, &f.symbol), "$0.850");
        let mut none = Creator::new("b".into(), "Bo", 0.0);
        none.price = Some(f64::NAN);
        let g = figures_by(&none, Formula::Followers);
        assert_eq!((g.rate, g.cpe, g.cpm), (None, None, None));
        assert!(g.benchmark.starts_with("n/a"));
    }

    #[test]
    fn the_risk_cell_counts_and_names_the_warnings() {
        let mut bought = ann();
        // 3× the micro TikTok benchmark of 8.5% by views.
        bought.metrics.likes = Some(30_000.0);
        bought.sponsored_posts = Some(5);
        let cases = [
            (bought, "1 high risk: Engagement is"),
            (Creator::new("n".into(), "Nil", 0.0), "Not checked"),
        ];
        for (c, want) in cases {
            let f = figures_by(&c, Formula::SourceViews);
            assert!(f.risks.starts_with(want), "{}: {}", c.name, f.risks);
        }
    }

    #[test]
    fn costs_are_charted_only_in_one_currency() {
        let a = figures_by(&ann(), Formula::SourceViews);
        let mut b_creator = ann();
        b_creator.currency = Some("EUR".into());
        let b = figures_by(&b_creator, Formula::SourceViews);
        assert_eq!(
            shared_symbol(&[a.clone(), a.clone()]),
            Some("$".to_string())
        );
        assert_eq!(shared_symbol(&[a.clone(), b.clone()]), None);
        let with_costs = chart(&[a.clone(), a.clone()], Formula::SourceViews);
        assert!(
            with_costs.alt.contains("Cost per engagement"),
            "{}",
            with_costs.alt
        );
        let mixed = chart(&[a, b], Formula::SourceViews);
        assert!(!mixed.alt.contains("Cost per engagement"), "{}", mixed.alt);
        assert!(mixed.alt.contains("Ann 8.5%"), "{}", mixed.alt);
    }
}
