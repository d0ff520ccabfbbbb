//! Engagement rate formulas (DOMAIN.md §2) as named variants, and the rate of a creator's posts.
//!
//! Tools disagree on the formula, so every rate carries the formula that produced it and a
//! benchmark is only ever compared with a rate of the same formula (see `benchmark.rs`).

use serde::{Deserialize, Serialize};

use crate::creator::metrics::PostMetrics;
use crate::creator::platform::Platform;
use crate::text::choice::{choices, Choice};

pub use super::field::{Field, FieldSet};

/// What the rate is divided by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Denominator {
    Views,
    Followers,
    Impressions,
    Reach,
}

impl Denominator {
    /// The post field divided by; `None` for followers, which belong to the account.
    pub fn field(self) -> Option<Field> {
        match self {
            Denominator::Views => Some(Field::Views),
            Denominator::Impressions => Some(Field::Impressions),
            Denominator::Reach => Some(Field::Reach),
            Denominator::Followers => None,
        }
    }
}

/// The engagement rate formulas in use (DOMAIN.md §2). The serde form is the stable `id()`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Formula {
    /// The source article's (CreatorDB): (likes + dislikes + shares + comments) / views.
    #[default]
    #[serde(rename = "source-views")]
    SourceViews,
    /// (likes + comments) / followers, averaged over posts: HypeAuditor for Instagram, GRIN, Upfluence.
    #[serde(rename = "followers")]
    Followers,
    /// (likes + comments + shares + saves) / views: HypeAuditor for TikTok, CreatorIQ.
    #[serde(rename = "tiktok-views")]
    TikTokViews,
    /// Median (likes + comments) per post / median views per post: Modash, YouTube.
    #[serde(rename = "median-views")]
    MedianViews,
    /// (likes + comments + shares + saves) / impressions, from the creator's insights: Captiv8,
    /// Buffer.
    #[serde(rename = "impressions")]
    Impressions,
    /// (likes + comments + shares + saves) / reach, from the creator's insights.
    #[serde(rename = "reach")]
    Reach,
}

// The ids are also the JSON form (see the serde renames above); `parse` is `Choice`'s (id or
// name, ignoring case), and the name is the short one for a selector.
choices! {
    Formula, id, name;
    SourceViews => "source-views", "By views (CreatorDB)";
    Followers => "followers", "By followers";
    TikTokViews => "tiktok-views", "By views, TikTok style";
    MedianViews => "median-views", "Median by views";
    Impressions => "impressions", "By impressions";
    Reach => "reach", "By reach";
}

impl Formula {
    /// Reads an id back (also accepts the short name, case-insensitively).
    pub fn parse(s: &str) -> Option<Formula> {
        <Formula as Choice>::parse(s)
    }

    /// The formula written out.
    pub fn expression(self) -> &'static str {
        match self {
            Formula::SourceViews => "(likes + dislikes + shares + comments) ÷ views",
            Formula::Followers => "(likes + comments) ÷ followers, per post",
            Formula::TikTokViews => "(likes + comments + shares + saves) ÷ views",
            Formula::MedianViews => "median (likes + comments) ÷ median views",
            Formula::Impressions => "(likes + comments + shares + saves) ÷ impressions",
            Formula::Reach => "(likes + comments + shares + saves) ÷ reach",
        }
    }

    /// One line the UI shows next to the selector.
    pub fn explanation(self) -> &'static str {
        match self {
            Formula::SourceViews => "Likes, dislikes, shares and comments divided by views: the formula of the CreatorDB article whose benchmarks the app quotes.",
            Formula::Followers => "Likes and comments divided by followers, averaged over posts: the classic Instagram formula (HypeAuditor, GRIN, Upfluence).",
            Formula::TikTokViews => "Likes, comments, shares and saves divided by views: the TikTok-style formula (HypeAuditor for TikTok, CreatorIQ).",
            Formula::MedianViews => "Median likes + comments per post divided by median views per post, so one viral post can't skew it (Modash, YouTube; Modash uses the last 30 videos).",
            Formula::Impressions => "Likes, comments, shares and saves divided by impressions, as Captiv8 and Buffer report it. Impressions come from the creator's insights (ask for a screenshot); they count repeat views, so the rate runs lower than by reach.",
            Formula::Reach => "Likes, comments, shares and saves divided by reach (accounts that saw the post), from the creator's insights. No published benchmark uses it yet; useful to compare creators you have insights for.",
        }
    }

    /// The fields added up as interactions.
    pub fn counted(self) -> FieldSet {
        match self {
            Formula::SourceViews => FieldSet::of(&[
                Field::Likes,
                Field::Dislikes,
                Field::Shares,
                Field::Comments,
            ]),
            Formula::Followers | Formula::MedianViews => {
                FieldSet::of(&[Field::Likes, Field::Comments])
            }
            Formula::TikTokViews | Formula::Impressions | Formula::Reach => {
                FieldSet::of(&[Field::Likes, Field::Comments, Field::Shares, Field::Saves])
            }
        }
    }

    pub fn denominator(self) -> Denominator {
        match self {
            Formula::Followers => Denominator::Followers,
            Formula::Impressions => Denominator::Impressions,
            Formula::Reach => Denominator::Reach,
            Formula::SourceViews | Formula::TikTokViews | Formula::MedianViews => {
                Denominator::Views
            }
        }
    }

    /// Interactions of one post under this formula; fields not entered count as 0.
    pub fn interactions(self, post: &PostMetrics) -> f64 {
        self.counted()
            .iter()
            .map(|f| f.get(post).unwrap_or(0.0))
            .sum()
    }
}

/// Why a rate is undefined; the UI shows "n/a" and this message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undefined {
    NoPosts,
    NoViews,
    ZeroViews,
    NoFollowers,
    ZeroFollowers,
    NoInteractions,
    NoImpressions,
    ZeroImpressions,
    NoReach,
    ZeroReach,
}

impl Undefined {
    /// The post field divided by was entered on no post.
    fn not_entered(field: Field) -> Undefined {
        match field {
            Field::Impressions => Undefined::NoImpressions,
            Field::Reach => Undefined::NoReach,
            _ => Undefined::NoViews,
        }
    }

    /// The post field divided by adds up to zero.
    fn zero(field: Field) -> Undefined {
        match field {
            Field::Impressions => Undefined::ZeroImpressions,
            Field::Reach => Undefined::ZeroReach,
            _ => Undefined::ZeroViews,
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            Undefined::NoPosts => "n/a: enter a post's numbers, or averages per post.",
            Undefined::NoViews => "n/a: this formula divides by views; enter views.",
            Undefined::ZeroViews => "n/a: views are 0, so a rate per view is undefined.",
            Undefined::NoImpressions => {
                "n/a: this formula divides by impressions; enter them from the creator's insights."
            }
            Undefined::ZeroImpressions => {
                "n/a: impressions are 0, so a rate per impression is undefined."
            }
            Undefined::NoReach => {
                "n/a: this formula divides by reach; enter it from the creator's insights."
            }
            Undefined::ZeroReach => "n/a: reach is 0, so a rate per account reached is undefined.",
            Undefined::NoFollowers => {
                "n/a: this formula divides by followers; enter the follower count."
            }
            Undefined::ZeroFollowers => {
                "n/a: followers are 0, so a rate per follower is undefined."
            }
            Undefined::NoInteractions => {
                "n/a: none of the interactions this formula counts were entered."
            }
        }
    }
}

/// An engagement rate with what went into it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Engagement {
    pub formula: Formula,
    /// The headline rate (0.085 = 8.5%): total interactions / total denominator, except for
    /// `MedianViews`, where it is median interactions / median views. `None` when undefined.
    pub rate: Option<f64>,
    /// The median of the per-post rates (equals `rate` for a single post).
    pub median_post_rate: Option<f64>,
    /// Posts that went into the rate.
    pub posts: usize,
    /// Posts left out because the denominator (views) was not entered.
    pub skipped: usize,
    /// Total interactions of the counted posts.
    pub interactions: f64,
    /// Total views, or followers × posts.
    pub denominator: f64,
    /// Counted fields entered on none of the counted posts (counted as 0).
    pub missing: FieldSet,
    /// Counted fields entered on some counted posts but not all (counted as 0 where missing).
    pub partly_missing: FieldSet,
    pub undefined: Option<Undefined>,
}

impl Engagement {
    /// Average interactions per counted post, under this formula.
    pub fn interactions_per_post(&self) -> Option<f64> {
        (self.posts > 0).then(|| self.interactions / self.posts as f64)
    }

    /// "Shares and saves were not entered; they count as 0." Fields the platform doesn't have
    /// (dislikes on TikTok) are not mentioned: zero is their true value.
    pub fn missing_note(&self, platform: Platform) -> Option<String> {
        let relevant = FieldSet::on_platform(platform);
        let missing = FieldSet(self.missing.0 & relevant.0);
        let partly = FieldSet(self.partly_missing.0 & relevant.0);
        let mut parts = Vec::new();
        if !missing.is_empty() {
            let (verb, count) = if missing.len() == 1 {
                ("was", "counts")
            } else {
                ("were", "count")
            };
            parts.push(format!(
                "{} {verb} not entered and {count} as 0",
                missing.list()
            ));
        }
        if !partly.is_empty() {
            let (verb, count) = if partly.len() == 1 {
                ("is", "counts")
            } else {
                ("are", "count")
            };
            parts.push(format!(
                "{} {verb} missing on some posts and {count} as 0 there",
                partly.list()
            ));
        }
        if self.skipped > 0 {
            let s = if self.skipped == 1 { "" } else { "s" };
            let field = self.formula.denominator().field().unwrap_or(Field::Views);
            parts.push(format!(
                "{} post{s} without {} left out",
                self.skipped,
                field.name()
            ));
        }
        (!parts.is_empty()).then(|| format!("{}.", capitalize(&parts.join("; "))))
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `n / d`, or `None` when undefined: a zero denominator is never reported as 0%, NaN or inf.
pub fn ratio(n: f64, d: f64) -> Option<f64> {
    if d > 0.0 && n >= 0.0 {
        let r = n / d;
        r.is_finite().then_some(r)
    } else {
        None
    }
}

/// Medians are taken in a stack buffer when the post count is small (the usual 1 to 30 posts),
/// so a keystroke costs no allocation.
const STACK_POSTS: usize = 64;

fn median_in(buf: &mut [f64]) -> Option<f64> {
    let n = buf.len();
    if n == 0 {
        return None;
    }
    let mid = n / 2;
    let (lower, upper, _) = buf.select_nth_unstable_by(mid, f64::total_cmp);
    let upper = *upper;
    if n % 2 == 1 {
        Some(upper)
    } else {
        let lower_max = lower.iter().copied().max_by(f64::total_cmp)?;
        let m = (lower_max + upper) / 2.0;
        m.is_finite().then_some(m)
    }
}

/// Median of the `Some` values `value` gives for each post.
fn median_of(posts: &[PostMetrics], value: impl Fn(&PostMetrics) -> Option<f64>) -> Option<f64> {
    if posts.len() <= STACK_POSTS {
        let mut buf = [0.0f64; STACK_POSTS];
        let mut n = 0;
        for v in posts.iter().filter_map(&value) {
            if let Some(slot) = buf.get_mut(n) {
                *slot = v;
                n += 1;
            }
        }
        median_in(buf.get_mut(..n)?)
    } else {
        let mut values: Vec<f64> = posts.iter().filter_map(value).collect();
        median_in(&mut values)
    }
}

/// The engagement rate of `posts` (one element: averages per post; several: one per post) under
/// `formula`. `followers` is only used by `Formula::Followers`.
pub fn compute(formula: Formula, posts: &[PostMetrics], followers: Option<u64>) -> Engagement {
    let counted = formula.counted();
    // The post field divided by (views, impressions or reach); `None`: by followers.
    let per_post_field = formula.denominator().field();
    let by_views = per_post_field.is_some();
    let base = per_post_field.unwrap_or(Field::Views);
    let followers = followers.map(|f| f as f64);
    let included = |p: &PostMetrics| !by_views || base.get(p).is_some();

    let mut used = 0usize;
    let mut interactions = 0.0;
    let mut views = 0.0;
    // Per counted field: on how many counted posts it was entered.
    let mut entered = [0usize; Field::ALL.len()];
    for post in posts.iter().filter(|p| included(p)) {
        used += 1;
        views += base.get(post).unwrap_or(0.0);
        interactions += formula.interactions(post);
        for f in counted.iter() {
            if f.get(post).is_some() {
                if let Some(count) = entered.get_mut(f as usize) {
                    *count += 1;
                }
            }
        }
    }
    let mut missing = FieldSet::EMPTY;
    let mut partly_missing = FieldSet::EMPTY;
    let mut any_entered = false;
    for f in counted.iter() {
        match entered.get(f as usize).copied().unwrap_or(0) {
            0 => missing.insert(f),
            n if n < used => {
                any_entered = true;
                partly_missing.insert(f);
            }
            _ => any_entered = true,
        }
    }
    if used == 0 {
        // Nothing counted, so nothing is "missing" either.
        missing = FieldSet::EMPTY;
    }

    let denominator = if by_views {
        views
    } else {
        followers.unwrap_or(0.0) * used as f64
    };
    let undefined = if posts.is_empty() {
        Some(Undefined::NoPosts)
    } else if by_views && used == 0 {
        Some(Undefined::not_entered(base))
    } else if !by_views && followers.is_none() {
        Some(Undefined::NoFollowers)
    } else if !any_entered {
        Some(Undefined::NoInteractions)
    } else if !by_views && followers == Some(0.0) {
        Some(Undefined::ZeroFollowers)
    } else {
        None
    };

    let per_post = |p: &PostMetrics| -> Option<f64> {
        if !included(p) {
            return None;
        }
        let d = if by_views { base.get(p)? } else { followers? };
        ratio(formula.interactions(p), d)
    };

    let (rate, median_post_rate, undefined) = match undefined {
        Some(why) => (None, None, Some(why)),
        None => {
            let rate = if formula == Formula::MedianViews {
                let med_i = median_of(posts, |p| included(p).then(|| formula.interactions(p)));
                let med_v = median_of(posts, |p| Field::Views.get(p));
                med_i.zip(med_v).and_then(|(i, v)| ratio(i, v))
            } else {
                ratio(interactions, denominator)
            };
            let median_post_rate = median_of(posts, per_post);
            let why = match (rate, by_views) {
                (Some(_), _) => None,
                (None, true) => Some(Undefined::zero(base)),
                (None, false) => Some(Undefined::ZeroFollowers),
            };
            (rate, median_post_rate, why)
        }
    };

    Engagement {
        formula,
        rate,
        median_post_rate,
        posts: used,
        skipped: posts.len() - used,
        interactions,
        denominator,
        missing,
        partly_missing,
        undefined,
    }
}

/// Average views per post over the posts with views entered.
pub fn mean_views(posts: &[PostMetrics]) -> Option<f64> {
    let (sum, n) = posts
        .iter()
        .filter_map(|p| Field::Views.get(p))
        .fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64).filter(|m| m.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::check_choice_ids;

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-12)
    }

    #[test]
    fn seed_figures_reproduced() {
        // (formula, posts, followers, expected rate)
        let cases: &[(Formula, Vec<PostMetrics>, Option<u64>, f64)] = &[
            // Source article, TikTok micro: 130,000 views and 11,050 interactions = 8.5%.
            (
                Formula::SourceViews,
                vec![PostMetrics::counts(130_000.0, 10_000.0, 650.0, 400.0)],
                Some(45_000),
                0.085,
            ),
            // YouTube micro 3.6%: 396,000 interactions on 11M views.
            (
                Formula::SourceViews,
                vec![PostMetrics::counts(
                    11_000_000.0,
                    350_000.0,
                    30_000.0,
                    16_000.0,
                )],
                Some(80_000),
                0.036,
            ),
            // By followers: (likes + comments) / followers; shares don't count.
            (
                Formula::Followers,
                vec![PostMetrics::counts(130_000.0, 900.0, 100.0, 400.0)],
                Some(50_000),
                0.02,
            ),
            // TikTok style counts saves too.
            (
                Formula::TikTokViews,
                vec![PostMetrics {
                    saves: Some(500.0),
                    ..PostMetrics::counts(100_000.0, 8_000.0, 500.0, 1_000.0)
                }],
                None,
                0.1,
            ),
            // Pooled over posts: (1,000 + 100) / (10,000 + 1,000) = 10%.
            (
                Formula::SourceViews,
                vec![
                    PostMetrics::counts(10_000.0, 1_000.0, 0.0, 0.0),
                    PostMetrics::counts(1_000.0, 100.0, 0.0, 0.0),
                ],
                None,
                0.1,
            ),
            // Median formula: median engagements 300 / median views 2,000.
            (
                Formula::MedianViews,
                vec![
                    PostMetrics::counts(1_000.0, 100.0, 0.0, 0.0),
                    PostMetrics::counts(2_000.0, 300.0, 0.0, 0.0),
                    PostMetrics::counts(1_000_000.0, 900.0, 0.0, 0.0),
                ],
                None,
                0.15,
            ),
        ];
        for (i, (formula, posts, followers, want)) in cases.iter().enumerate() {
            let e = compute(*formula, posts, *followers);
            assert!(close(e.rate, *want), "case {i}: {:?} want {want}", e.rate);
            assert_eq!(e.undefined, None, "case {i}");
        }
    }

    #[test]
    fn impressions_and_reach_formulas() {
        let insights = |impressions: Option<f64>, reach: Option<f64>| PostMetrics {
            saves: Some(100.0),
            impressions,
            reach,
            ..PostMetrics::counts(50_000.0, 800.0, 60.0, 40.0)
        };
        // (formula, posts, expected rate or why undefined)
        let cases: &[(Formula, Vec<PostMetrics>, Result<f64, Undefined>)] = &[
            // (800 + 60 + 40 + 100) / 20,000 impressions = 5%; views do not matter.
            (
                Formula::Impressions,
                vec![insights(Some(20_000.0), None)],
                Ok(0.05),
            ),
            // The same over 12,500 accounts reached = 8%.
            (
                Formula::Reach,
                vec![insights(None, Some(12_500.0))],
                Ok(0.08),
            ),
            // Pooled: 2,000 / 40,000.
            (
                Formula::Impressions,
                vec![
                    insights(Some(20_000.0), None),
                    insights(Some(20_000.0), None),
                ],
                Ok(0.05),
            ),
            (
                Formula::Impressions,
                vec![insights(None, Some(1.0))],
                Err(Undefined::NoImpressions),
            ),
            (
                Formula::Impressions,
                vec![insights(Some(0.0), None)],
                Err(Undefined::ZeroImpressions),
            ),
            (
                Formula::Reach,
                vec![insights(Some(1.0), None)],
                Err(Undefined::NoReach),
            ),
            (
                Formula::Reach,
                vec![insights(None, Some(0.0))],
                Err(Undefined::ZeroReach),
            ),
        ];
        for (i, (formula, posts, want)) in cases.iter().enumerate() {
            let e = compute(*formula, posts, Some(10_000));
            match want {
                Ok(rate) => assert!(close(e.rate, *rate), "case {i}: {:?}", e.rate),
                Err(why) => {
                    assert_eq!(e.rate, None, "case {i}");
                    assert_eq!(e.undefined, Some(*why), "case {i}");
                }
            }
        }
        // A post without impressions is left out, and the note says which field it lacked.
        let e = compute(
            Formula::Impressions,
            &[insights(Some(20_000.0), None), insights(None, None)],
            None,
        );
        assert_eq!(e.posts, 1);
        assert_eq!(
            e.missing_note(Platform::Instagram).as_deref(),
            Some("1 post without impressions left out.")
        );
        assert_eq!(Field::parse("Impressions"), Some(Field::Impressions));
        assert_eq!(Field::parse("Accounts reached"), Some(Field::Reach));
    }

    #[test]
    fn median_post_rate_and_counts() {
        let posts = [
            PostMetrics::counts(1_000.0, 100.0, 0.0, 0.0),  // 10%
            PostMetrics::counts(1_000.0, 20.0, 0.0, 0.0),   // 2%
            PostMetrics::counts(10_000.0, 500.0, 0.0, 0.0), // 5%
            PostMetrics::counts(4_000.0, 400.0, 0.0, 0.0),  // 10%
            PostMetrics {
                views: None,
                likes: Some(5.0),
                ..Default::default()
            },
        ];
        let e = compute(Formula::SourceViews, &posts, None);
        assert_eq!(e.posts, 4);
        assert_eq!(e.skipped, 1);
        // Even count: mean of 5% and 10%.
        assert!(close(e.median_post_rate, 0.075), "{:?}", e.median_post_rate);
        assert!(close(e.rate, 1_020.0 / 16_000.0));
    }

    #[test]
    fn undefined_cases_are_none_never_zero() {
        let zero_views = [PostMetrics::counts(0.0, 10.0, 1.0, 0.0)];
        let no_views = [PostMetrics {
            likes: Some(3.0),
            ..Default::default()
        }];
        let only_views = [PostMetrics {
            views: Some(100.0),
            ..Default::default()
        }];
        let cases: &[(Formula, &[PostMetrics], Option<u64>, Undefined)] = &[
            (Formula::SourceViews, &[], None, Undefined::NoPosts),
            (
                Formula::SourceViews,
                &zero_views,
                None,
                Undefined::ZeroViews,
            ),
            (
                Formula::TikTokViews,
                &zero_views,
                None,
                Undefined::ZeroViews,
            ),
            (
                Formula::MedianViews,
                &zero_views,
                None,
                Undefined::ZeroViews,
            ),
            (Formula::SourceViews, &no_views, None, Undefined::NoViews),
            (
                Formula::Followers,
                &zero_views,
                None,
                Undefined::NoFollowers,
            ),
            (
                Formula::Followers,
                &zero_views,
                Some(0),
                Undefined::ZeroFollowers,
            ),
            (
                Formula::SourceViews,
                &only_views,
                None,
                Undefined::NoInteractions,
            ),
            (
                Formula::Followers,
                &only_views,
                Some(1_000),
                Undefined::NoInteractions,
            ),
        ];
        for (formula, posts, followers, why) in cases {
            let e = compute(*formula, posts, *followers);
            assert_eq!(e.rate, None, "{formula:?} {why:?}");
            assert_eq!(e.median_post_rate, None, "{formula:?} {why:?}");
            assert_eq!(e.undefined, Some(*why), "{formula:?}");
            assert!(why.message().starts_with("n/a"));
        }
    }

    #[test]
    fn missing_fields_are_reported() {
        // Shares not entered anywhere, likes missing on one of two posts.
        let posts = [
            PostMetrics {
                views: Some(100.0),
                likes: Some(10.0),
                comments: Some(1.0),
                ..Default::default()
            },
            PostMetrics {
                views: Some(100.0),
                comments: Some(2.0),
                ..Default::default()
            },
        ];
        let e = compute(Formula::TikTokViews, &posts, None);
        assert_eq!(e.missing, FieldSet::of(&[Field::Shares, Field::Saves]));
        assert_eq!(e.partly_missing, FieldSet::of(&[Field::Likes]));
        assert!(close(e.rate, 13.0 / 200.0));
        assert_eq!(
            e.missing_note(Platform::TikTok).as_deref(),
            Some("Shares and saves were not entered and count as 0; likes is missing on some posts and counts as 0 there.")
        );
        // Dislikes don't exist on TikTok: not reported; on YouTube they are.
        let e = compute(Formula::SourceViews, &posts[..1], None);
        assert_eq!(e.missing, FieldSet::of(&[Field::Shares, Field::Dislikes]));
        assert_eq!(
            e.missing_note(Platform::TikTok).as_deref(),
            Some("Shares was not entered and counts as 0.")
        );
        assert_eq!(
            e.missing_note(Platform::YouTube).as_deref(),
            Some("Shares and dislikes were not entered and count as 0.")
        );
        let full = compute(Formula::Followers, &posts[..1], Some(1_000));
        assert_eq!(full.missing_note(Platform::Instagram), None);
    }

    #[test]
    fn corrupted_values_count_as_not_entered() {
        // Regression guard: a negative or NaN stored value must not produce a negative/NaN rate.
        let posts = [PostMetrics {
            views: Some(1_000.0),
            likes: Some(-50.0),
            comments: Some(f64::NAN),
            shares: Some(10.0),
            ..Default::default()
        }];
        let e = compute(Formula::SourceViews, &posts, None);
        assert!(close(e.rate, 0.01));
        assert!(e.missing.contains(Field::Likes));
        let inf_views = [PostMetrics {
            views: Some(f64::INFINITY),
            likes: Some(1.0),
            ..Default::default()
        }];
        assert_eq!(
            compute(Formula::SourceViews, &inf_views, None).undefined,
            Some(Undefined::NoViews)
        );
    }

    #[test]
    fn formula_ids_round_trip() {
        check_choice_ids::<Formula>();
        for f in Formula::ALL {
            assert!(!f.explanation().is_empty() && f.counted().len() >= 2);
        }
        assert_eq!(Formula::parse("nope"), None);
        assert_eq!(Formula::default(), Formula::SourceViews);
    }

    #[test]
    fn large_post_lists_use_the_heap_path() {
        // 100 posts exceed the stack buffer; the median must still be right.
        let posts: Vec<PostMetrics> = (1..=100)
            .map(|i| PostMetrics::counts(1_000.0, f64::from(i), 0.0, 0.0))
            .collect();
        let e = compute(Formula::SourceViews, &posts, None);
        assert!(close(e.median_post_rate, 0.0505));
        let e = compute(Formula::MedianViews, &posts, None);
        assert!(close(e.rate, 0.0505));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use proptest::prelude::*;

    fn value() -> impl Strategy<Value = Option<f64>> {
        prop_oneof![
            1 => Just(None),
            1 => Just(Some(0.0)),
            6 => (0u64..10_000_000).prop_map(|v| Some(v as f64)),
            1 => prop_oneof![Just(Some(-1.0)), Just(Some(f64::NAN)), Just(Some(f64::INFINITY)), Just(Some(f64::MAX))],
        ]
    }

    /// A post from one value per field, in `Field::ALL` order.
    fn post_of(values: [Option<f64>; Field::ALL.len()]) -> PostMetrics {
        let mut post = PostMetrics::default();
        for (field, value) in Field::ALL.into_iter().zip(values) {
            field.set(&mut post, value);
        }
        post
    }

    fn post() -> impl Strategy<Value = PostMetrics> {
        prop::array::uniform8(value()).prop_map(post_of)
    }

    fn clean_post() -> impl Strategy<Value = PostMetrics> {
        prop::array::uniform8((1u64..10_000_000).prop_map(|v| Some(v as f64))).prop_map(post_of)
    }

    fn formula() -> impl Strategy<Value = Formula> {
        prop::sample::select(Formula::ALL.to_vec())
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-12)
    }

    proptest! {
        #[test]
        fn rates_are_never_negative_nan_or_inf(
            f in formula(),
            posts in prop::collection::vec(post(), 0..80),
            followers in prop::option::of(0u64..20_000_000),
        ) {
            let e = compute(f, &posts, followers);
            for r in [e.rate, e.median_post_rate].into_iter().flatten() {
                prop_assert!(r.is_finite() && r >= 0.0, "{r}");
            }
            prop_assert_eq!(e.rate.is_none(), e.undefined.is_some());
        }

        #[test]
        fn scaling_by_k_keeps_the_rate(
            f in formula(),
            posts in prop::collection::vec(clean_post(), 1..20),
            followers in 1u64..10_000_000,
            k in 1u64..1_000,
        ) {
            let k = k as f64;
            let scaled: Vec<PostMetrics> = posts
                .iter()
                .map(|p| {
                    let mut q = *p;
                    for fld in Field::ALL {
                        fld.set(&mut q, fld.get(p).map(|v| v * k));
                    }
                    q
                })
                .collect();
            let a = compute(f, &posts, Some(followers));
            let b = compute(f, &scaled, Some(followers * k as u64));
            match (a.rate, b.rate) {
                (Some(x), Some(y)) => prop_assert!(close(x, y), "{x} vs {y}"),
                (x, y) => prop_assert_eq!(x, y),
            }
        }

        #[test]
        fn adding_an_interaction_never_lowers_the_rate(
            f in formula(),
            posts in prop::collection::vec(clean_post(), 1..20),
            followers in 1u64..10_000_000,
            which in 0usize..20,
            field in prop::sample::select(vec![Field::Likes, Field::Comments, Field::Shares, Field::Dislikes, Field::Saves]),
            extra in 1u64..10_000,
        ) {
            let before = compute(f, &posts, Some(followers));
            let mut more = posts.clone();
            let i = which % more.len();
            if let Some(p) = more.get_mut(i) {
                field.set(p, Some(field.get(p).unwrap_or(0.0) + extra as f64));
            }
            let after = compute(f, &more, Some(followers));
            if let (Some(b), Some(a)) = (before.rate, after.rate) {
                prop_assert!(a >= b * (1.0 - 1e-12), "{b} -> {a}");
            }
            prop_assert!(after.rate.is_some() || before.rate.is_none());
        }
    }
}
