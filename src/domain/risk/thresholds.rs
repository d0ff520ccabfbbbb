//! Editable thresholds: every number a risk rule compares against, its table of labels, units and limits, and the checks on an edit or a stored value.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::domain::creator::dossier::STALE_AFTER_DAYS;
use crate::domain::text::number::parse_amount;

// ---------------------------------------------------------------------------------------------
// Thresholds.

/// Every number a rule compares against, in one place. Shares are fractions (0.3 = 30%).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Thresholds {
    pub engagement_high_multiple: f64,
    pub engagement_low_multiple: f64,
    pub min_engagement_by_followers: f64,
    pub likes_low_share_of_usual: f64,
    pub likes_high_share_of_followers: f64,
    pub generic_comment_share: f64,
    pub negative_comment_share: f64,
    pub negative_comment_share_high: f64,
    pub min_comment_sample: f64,
    pub dislike_ratio: f64,
    pub sponsored_engagement_drop: f64,
    pub min_follower_credibility: f64,
    pub min_sponsored_posts: f64,
    pub min_audience_overlap: f64,
    pub cadence_low_multiple: f64,
    // The rules over a creator's dossier (rules/history.rs, rules/geography.rs) and its age.
    pub min_history_posts: f64,
    pub min_follower_snapshots: f64,
    pub follower_spike_weekly: f64,
    pub follower_spike_multiple: f64,
    pub follower_drop_share: f64,
    pub likes_post_high_multiple: f64,
    pub views_spread_max: f64,
    pub engagement_decline_share: f64,
    pub reported_figure_multiple: f64,
    pub min_audience_in_countries: f64,
    pub stale_evidence_days: f64,
}

impl Thresholds {
    /// The age in whole days after which stored evidence is flagged as stale (the editable
    /// `stale_evidence_days`; the dossier's default when the stored value is unusable).
    pub fn stale_after_days(&self) -> u32 {
        let days = self.stale_evidence_days;
        if days.is_finite() && days >= 0.0 {
            days as u32
        } else {
            crate::domain::creator::dossier::STALE_AFTER_DAYS
        }
    }
}

impl Default for Thresholds {
    fn default() -> Self {
        let mut t = Thresholds {
            engagement_high_multiple: 0.0,
            engagement_low_multiple: 0.0,
            min_engagement_by_followers: 0.0,
            likes_low_share_of_usual: 0.0,
            likes_high_share_of_followers: 0.0,
            generic_comment_share: 0.0,
            negative_comment_share: 0.0,
            negative_comment_share_high: 0.0,
            min_comment_sample: 0.0,
            dislike_ratio: 0.0,
            sponsored_engagement_drop: 0.0,
            min_follower_credibility: 0.0,
            min_sponsored_posts: 0.0,
            min_audience_overlap: 0.0,
            cadence_low_multiple: 0.0,
            min_history_posts: 0.0,
            min_follower_snapshots: 0.0,
            follower_spike_weekly: 0.0,
            follower_spike_multiple: 0.0,
            follower_drop_share: 0.0,
            likes_post_high_multiple: 0.0,
            views_spread_max: 0.0,
            engagement_decline_share: 0.0,
            reported_figure_multiple: 0.0,
            min_audience_in_countries: 0.0,
            stale_evidence_days: 0.0,
        };
        for info in THRESHOLDS {
            if let Some(slot) = t.slot(info.key) {
                *slot = info.default;
            }
        }
        t
    }
}

/// How a threshold is shown and typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThresholdUnit {
    /// Stored as a fraction, shown and typed as a percentage ("30" means 30%).
    Percent,
    /// A multiple of a benchmark ("2" means 2×).
    Multiple,
    /// A whole number.
    Count,
}

/// What a threshold means, where its default comes from, and what values make sense.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ThresholdInfo {
    pub key: &'static str,
    pub label: &'static str,
    pub explanation: &'static str,
    /// Where the default comes from; "Microscope default" when it is our own pick.
    pub source: &'static str,
    pub unit: ThresholdUnit,
    pub default: f64,
    pub min: f64,
    pub max: f64,
}

/// The threshold table: labels and explanations for the settings screen, defaults, valid ranges.
pub const THRESHOLDS: &[ThresholdInfo] = &[
    ThresholdInfo {
        key: "engagement_high_multiple",
        label: "Engagement far above benchmark",
        explanation: "Flag an engagement rate more than this many times the benchmark for the same platform, tier and formula. Far-above-normal engagement is a common sign of bought likes, comment pods or one viral post skewing the average.",
        source: "Published fake-engagement heuristic: more than 2× the tier benchmark is a red flag (DOMAIN.md §5)",
        unit: ThresholdUnit::Multiple,
        default: 2.0,
        min: 1.1,
        max: 20.0,
    },
    ThresholdInfo {
        key: "engagement_low_multiple",
        label: "Engagement far below benchmark",
        explanation: "Flag an engagement rate below this fraction of the benchmark (same formula). Many followers who never engage point to ghost or bought followers.",
        source: "Microscope default: the mirror image of the 2× rule (half the benchmark)",
        unit: ThresholdUnit::Multiple,
        default: 0.5,
        min: 0.05,
        max: 0.95,
    },
    ThresholdInfo {
        key: "min_engagement_by_followers",
        label: "Brand minimum engagement by followers",
        explanation: "Many brands ask for at least this engagement rate by followers ((likes + comments) / followers). Below it and below the tier benchmark, ghost followers are likely.",
        source: "Brands commonly ask for at least 2% by followers (DOMAIN.md §5)",
        unit: ThresholdUnit::Percent,
        default: 0.02,
        min: 0.001,
        max: 0.5,
    },
    ThresholdInfo {
        key: "likes_low_share_of_usual",
        label: "Likes far below the usual share of followers",
        explanation: "Flag when the share of followers who like a post is below this fraction of the usual share (for example 1% where 4% is usual is 25%). Few likers for the audience size suggests bought or inactive followers.",
        source: "Published heuristic: below 40% of the usual share of followers (DOMAIN.md §5)",
        unit: ThresholdUnit::Percent,
        default: 0.40,
        min: 0.05,
        max: 0.95,
    },
    ThresholdInfo {
        key: "likes_high_share_of_followers",
        label: "Likes above the follower count",
        explanation: "Flag average likes above this share of followers. More likes than followers usually means a giveaway, paid boosting, a viral post or bought likes. Common for TikTok and YouTube, whose feeds reach beyond followers.",
        source: "Published heuristic: above 100% (DOMAIN.md §5)",
        unit: ThresholdUnit::Percent,
        default: 1.0,
        min: 0.1,
        max: 10.0,
    },
    ThresholdInfo {
        key: "generic_comment_share",
        label: "Generic comments",
        explanation: "Flag when this share of comments or more are emoji-only, one word, stock praise (“great pic”) or spam. 1 to 3 out of 20 is normal.",
        source: "Published heuristic: 50% or more generic comments (DOMAIN.md §5)",
        unit: ThresholdUnit::Percent,
        default: 0.50,
        min: 0.10,
        max: 1.0,
    },
    ThresholdInfo {
        key: "negative_comment_share",
        label: "Negative comments (caution)",
        explanation: "Warn of possible hate-watching when this share of comments or more read negative. 30% means about one comment in three, well above the share that sarcasm and slang misread by the word list can explain.",
        source: "Microscope default: no published cut-off; 30% leaves room for VADER's misreadings",
        unit: ThresholdUnit::Percent,
        default: 0.30,
        min: 0.05,
        max: 1.0,
    },
    ThresholdInfo {
        key: "negative_comment_share_high",
        label: "Negative comments (high risk)",
        explanation: "Treat hate-watching as a high risk when this share of comments or more read negative: negativity is then the majority reaction.",
        source: "Microscope default: half of the comments",
        unit: ThresholdUnit::Percent,
        default: 0.50,
        min: 0.05,
        max: 1.0,
    },
    ThresholdInfo {
        key: "min_comment_sample",
        label: "Smallest comment sample to judge",
        explanation: "With fewer comments than this, shares are too noisy to call a risk: the warning is shown as information only.",
        source: "Microscope default: 20, the sample size of the published “1 to 3 of 20” rule",
        unit: ThresholdUnit::Count,
        default: 20.0,
        min: 1.0,
        max: 1000.0,
    },
    ThresholdInfo {
        key: "dislike_ratio",
        label: "Dislike ratio",
        explanation: "Flag when dislikes are this share or more of likes plus dislikes (where the count is known; YouTube hid public dislikes in December 2021).",
        source: "Microscope default: one dislike for every four likes",
        unit: ThresholdUnit::Percent,
        default: 0.20,
        min: 0.01,
        max: 0.9,
    },
    ThresholdInfo {
        key: "sponsored_engagement_drop",
        label: "Engagement on sponsored posts",
        explanation: "Flag when sponsored posts get less than this share of the creator's usual engagement: the audience turns away when the creator advertises.",
        source: "Microscope default: half the usual engagement",
        unit: ThresholdUnit::Percent,
        default: 0.5,
        min: 0.05,
        max: 0.95,
    },
    ThresholdInfo {
        key: "min_follower_credibility",
        label: "Follower credibility",
        explanation: "Flag when an audit tool rates fewer than this share of followers as real and active.",
        source: "Modash flags credibility below 75%; GRIN asks for more than 80% genuine followers",
        unit: ThresholdUnit::Percent,
        default: 0.75,
        min: 0.3,
        max: 0.99,
    },
    ThresholdInfo {
        key: "min_sponsored_posts",
        label: "Past sponsored posts",
        explanation: "With fewer past sponsored posts than this, treat the creator as new to brand work and plan an approval process and a content framework.",
        source: "Microscope default: 3; the source article recommends an approval process for inexperienced creators",
        unit: ThresholdUnit::Count,
        default: 3.0,
        min: 1.0,
        max: 100.0,
    },
    ThresholdInfo {
        key: "min_audience_overlap",
        label: "Audience fit",
        explanation: "Flag when the creator's audience interests cover less than this share of the campaign's brand categories.",
        source: "Microscope default: half of the brand categories",
        unit: ThresholdUnit::Percent,
        default: 0.5,
        min: 0.05,
        max: 1.0,
    },
    ThresholdInfo {
        key: "cadence_low_multiple",
        label: "Posting far less than usual",
        explanation: "Flag when the creator posts less than this fraction of the benchmark's posts per week.",
        source: "Microscope default: half the benchmark cadence",
        unit: ThresholdUnit::Multiple,
        default: 0.5,
        min: 0.05,
        max: 0.95,
    },
    ThresholdInfo {
        key: "min_history_posts",
        label: "Smallest number of posts to judge",
        explanation: "The rules over single posts (likes against followers, spread of views, engagement over time, sponsored against other posts, figures reported by others) need at least this many posts with the numbers they read; with fewer they are listed as not checked.",
        source: "Microscope default: 6, so that the earliest and the latest third of the posts hold two posts each",
        unit: ThresholdUnit::Count,
        default: 6.0,
        min: 3.0,
        max: 60.0,
    },
    ThresholdInfo {
        key: "min_follower_snapshots",
        label: "Smallest follower history to judge",
        explanation: "Follower jumps and falls are looked for with at least this many follower counts on different dates.",
        source: "Microscope default: 3 counts, so that each jump can be set against the creator's other growth",
        unit: ThresholdUnit::Count,
        default: 3.0,
        min: 2.0,
        max: 50.0,
    },
    ThresholdInfo {
        key: "follower_spike_weekly",
        label: "Follower jump (per week)",
        explanation: "Flag growth between two follower counts above this share per week ((later − earlier) ÷ earlier × 7 ÷ days between), whatever the creator's usual growth. Bought followers arrive within days and show as a step in the history.",
        source: "Microscope default (no published cut-off): 10% a week; follower jumps (“hockey stick”) are a published sign of bought followers (DOMAIN.md §5)",
        unit: ThresholdUnit::Percent,
        default: 0.10,
        min: 0.01,
        max: 1.0,
    },
    ThresholdInfo {
        key: "follower_spike_multiple",
        label: "Follower jump (against usual growth)",
        explanation: "Also flag growth per week more than this many times the creator's usual growth (the median of the other periods), when it is at least a quarter of the per-week jump above: a near-zero usual growth would otherwise make small growth look like a jump.",
        source: "Microscope default: 5× the creator's own median growth",
        unit: ThresholdUnit::Multiple,
        default: 5.0,
        min: 2.0,
        max: 50.0,
    },
    ThresholdInfo {
        key: "follower_drop_share",
        label: "Follower fall",
        explanation: "Flag a fall of this share of followers or more from a high point to a later count. After a jump it reads as bought followers being purged (platforms remove fake accounts); alone it is a note.",
        source: "Microscope default: 5% of the high point",
        unit: ThresholdUnit::Percent,
        default: 0.05,
        min: 0.01,
        max: 0.5,
    },
    ThresholdInfo {
        key: "likes_post_high_multiple",
        label: "Likes on a post far above the usual share",
        explanation: "Flag a post whose likes, as a share of the followers on its date, are more than this many times the creator's usual (median) share: a giveaway, paid boosting or bought likes on that post. Posts far below use “Likes far below the usual share of followers”.",
        source: "Microscope default: 3× the creator's median share",
        unit: ThresholdUnit::Multiple,
        default: 3.0,
        min: 1.5,
        max: 20.0,
    },
    ThresholdInfo {
        key: "views_spread_max",
        label: "Views per post vary widely",
        explanation: "Flag when the middle half of posts spreads over more than this share of the median views ((upper quartile − lower quartile) ÷ median): an average of such views forecasts poorly, so plan with the median.",
        source: "Microscope default: 100%, the middle half spanning more than the median itself",
        unit: ThresholdUnit::Percent,
        default: 1.0,
        min: 0.2,
        max: 10.0,
    },
    ThresholdInfo {
        key: "engagement_decline_share",
        label: "Engagement falling over time",
        explanation: "Flag when the latest third of posts (by date) gets less than this share of the engagement of the earliest third (median rate per post of each third).",
        source: "Microscope default: half. Brand accounts lost 16% (Instagram) to 34% (TikTok) of their engagement in a year (Rival IQ 2025, DOMAIN.md §7), so a smaller fall may be the platform's, not the creator's",
        unit: ThresholdUnit::Percent,
        default: 0.5,
        min: 0.05,
        max: 0.95,
    },
    ThresholdInfo {
        key: "reported_figure_multiple",
        label: "Reported figure differs from the posts",
        explanation: "Flag a figure someone else reported (an imported file, a vendor page) that is more than this many times higher or lower than what the creator's posts give.",
        source: "Microscope default: 1.5×; tools count over different posts and periods, so smaller gaps are expected",
        unit: ThresholdUnit::Multiple,
        default: 1.5,
        min: 1.1,
        max: 10.0,
    },
    ThresholdInfo {
        key: "min_audience_in_countries",
        label: "Audience in the campaign's countries",
        explanation: "Flag when less than this share of the creator's audience (from their insights) lives in the campaign's target countries.",
        source: "Microscope default: half of the audience",
        unit: ThresholdUnit::Percent,
        default: 0.5,
        min: 0.05,
        max: 1.0,
    },
    ThresholdInfo {
        key: "stale_evidence_days",
        label: "Evidence is stale after (days)",
        explanation: "A comment sample, caption check, audience or follower count older than this many days is flagged, asking you to check it again: audiences, comment tone and habits change.",
        source: "Microscope default: 90 days, a quarter",
        unit: ThresholdUnit::Count,
        default: STALE_AFTER_DAYS as f64,
        min: 7.0,
        max: 730.0,
    },
];

/// Why an edited threshold was refused. Shown to the user.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ThresholdError {
    #[error("There is no threshold called “{0}”.")]
    UnknownKey(String),
    #[error("{label}: {reason}")]
    NotANumber { label: String, reason: String },
    #[error("{label}: {value} is outside the sensible range of {min} to {max}.")]
    OutOfRange {
        label: String,
        value: String,
        min: String,
        max: String,
    },
    #[error("{label}: {value} must be a whole number.")]
    NotWhole { label: String, value: String },
    #[error("“{low}” ({low_value}) must not be higher than “{high}” ({high_value}).")]
    Order {
        low: String,
        low_value: String,
        high: String,
        high_value: String,
    },
}

/// Pairs that must stay in order: (lower key, higher key).
const ORDERED: &[(&str, &str)] = &[("negative_comment_share", "negative_comment_share_high")];

impl ThresholdInfo {
    pub fn find(key: &str) -> Option<&'static ThresholdInfo> {
        THRESHOLDS.iter().find(|i| i.key == key)
    }

    /// "2×", "30%", "20".
    pub fn format(&self, value: f64) -> String {
        format_value(self.unit, value)
    }

    fn check(&self, value: f64) -> Result<(), ThresholdError> {
        if !value.is_finite() {
            return Err(ThresholdError::NotANumber {
                label: self.label.to_string(),
                reason: "the value is not a number.".to_string(),
            });
        }
        if self.unit == ThresholdUnit::Count && value.fract() != 0.0 {
            // Quote the value as typed: `format` rounds counts, which turned 2.5 into "2".
            return Err(ThresholdError::NotWhole {
                label: self.label.to_string(),
                value: value.to_string(),
            });
        }
        if value < self.min || value > self.max {
            return Err(ThresholdError::OutOfRange {
                label: self.label.to_string(),
                value: self.format(value),
                min: self.format(self.min),
                max: self.format(self.max),
            });
        }
        Ok(())
    }
}

pub(crate) fn format_value(unit: ThresholdUnit, value: f64) -> String {
    if !value.is_finite() {
        return "n/a".to_string();
    }
    match unit {
        ThresholdUnit::Percent => {
            let pct = value * 100.0;
            if (pct - pct.round()).abs() < 1e-9 {
                format!("{pct:.0}%")
            } else {
                trim_number(format!("{pct:.2}")) + "%"
            }
        }
        ThresholdUnit::Multiple => trim_number(format!("{value:.2}")) + "×",
        ThresholdUnit::Count => format!("{value:.0}"),
    }
}

pub(crate) fn trim_number(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

impl Thresholds {
    fn slot(&mut self, key: &str) -> Option<&mut f64> {
        Some(match key {
            "engagement_high_multiple" => &mut self.engagement_high_multiple,
            "engagement_low_multiple" => &mut self.engagement_low_multiple,
            "min_engagement_by_followers" => &mut self.min_engagement_by_followers,
            "likes_low_share_of_usual" => &mut self.likes_low_share_of_usual,
            "likes_high_share_of_followers" => &mut self.likes_high_share_of_followers,
            "generic_comment_share" => &mut self.generic_comment_share,
            "negative_comment_share" => &mut self.negative_comment_share,
            "negative_comment_share_high" => &mut self.negative_comment_share_high,
            "min_comment_sample" => &mut self.min_comment_sample,
            "dislike_ratio" => &mut self.dislike_ratio,
            "sponsored_engagement_drop" => &mut self.sponsored_engagement_drop,
            "min_follower_credibility" => &mut self.min_follower_credibility,
            "min_sponsored_posts" => &mut self.min_sponsored_posts,
            "min_audience_overlap" => &mut self.min_audience_overlap,
            "cadence_low_multiple" => &mut self.cadence_low_multiple,
            "min_history_posts" => &mut self.min_history_posts,
            "min_follower_snapshots" => &mut self.min_follower_snapshots,
            "follower_spike_weekly" => &mut self.follower_spike_weekly,
            "follower_spike_multiple" => &mut self.follower_spike_multiple,
            "follower_drop_share" => &mut self.follower_drop_share,
            "likes_post_high_multiple" => &mut self.likes_post_high_multiple,
            "views_spread_max" => &mut self.views_spread_max,
            "engagement_decline_share" => &mut self.engagement_decline_share,
            "reported_figure_multiple" => &mut self.reported_figure_multiple,
            "min_audience_in_countries" => &mut self.min_audience_in_countries,
            "stale_evidence_days" => &mut self.stale_evidence_days,
            _ => return None,
        })
    }

    pub fn get(&self, key: &str) -> Option<f64> {
        let mut copy = *self;
        copy.slot(key).map(|v| *v)
    }

    /// Sets one threshold after checking its range and that ordered pairs stay in order.
    pub fn set(&mut self, key: &str, value: f64) -> Result<(), ThresholdError> {
        let info =
            ThresholdInfo::find(key).ok_or_else(|| ThresholdError::UnknownKey(key.to_string()))?;
        info.check(value)?;
        let mut next = *self;
        if let Some(slot) = next.slot(key) {
            *slot = value;
        }
        next.check_order()?;
        *self = next;
        Ok(())
    }

    /// Sets a threshold from what the user typed: percentages as "30" or "30%", multiples as
    /// "2", "2x" or "2×", counts as whole numbers.
    pub fn set_from_text(&mut self, key: &str, text: &str) -> Result<(), ThresholdError> {
        let info =
            ThresholdInfo::find(key).ok_or_else(|| ThresholdError::UnknownKey(key.to_string()))?;
        let trimmed = text.trim();
        let bare = match info.unit {
            ThresholdUnit::Percent => trimmed.trim_end_matches('%'),
            ThresholdUnit::Multiple => trimmed.trim_end_matches(['x', 'X', '×']),
            ThresholdUnit::Count => trimmed,
        };
        let number = parse_amount(bare).map_err(|e| ThresholdError::NotANumber {
            label: info.label.to_string(),
            reason: e.to_string(),
        })?;
        let value = match info.unit {
            ThresholdUnit::Percent => number / 100.0,
            _ => number,
        };
        self.set(key, value)
    }

    /// Every problem with these values (for example after loading old settings).
    pub fn validate(&self) -> Result<(), Vec<ThresholdError>> {
        let mut errors: Vec<ThresholdError> = THRESHOLDS
            .iter()
            .filter_map(|info| self.get(info.key).and_then(|v| info.check(v).err()))
            .collect();
        if let Err(e) = self.check_order() {
            errors.push(e);
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// A copy with every invalid value (or broken pair) reset to its default.
    pub fn repaired(&self) -> Thresholds {
        let defaults = Thresholds::default();
        let mut out = *self;
        for info in THRESHOLDS {
            let bad = out.get(info.key).is_none_or(|v| info.check(v).is_err());
            if bad {
                if let Some(slot) = out.slot(info.key) {
                    *slot = info.default;
                }
            }
        }
        if out.check_order().is_err() {
            for (low, high) in ORDERED {
                for key in [low, high] {
                    if let (Some(slot), Some(d)) = (out.slot(key), defaults.get(key)) {
                        *slot = d;
                    }
                }
            }
        }
        out
    }

    fn check_order(&self) -> Result<(), ThresholdError> {
        for (low, high) in ORDERED {
            let (Some(lv), Some(hv)) = (self.get(low), self.get(high)) else {
                continue;
            };
            let (Some(li), Some(hi)) = (ThresholdInfo::find(low), ThresholdInfo::find(high)) else {
                continue;
            };
            if lv > hv {
                return Err(ThresholdError::Order {
                    low: li.label.to_string(),
                    low_value: li.format(lv),
                    high: hi.label.to_string(),
                    high_value: hi.format(hv),
                });
            }
        }
        Ok(())
    }

    /// "30%" for a key, as the settings screen shows it.
    pub fn display(&self, key: &str) -> Option<String> {
        let info = ThresholdInfo::find(key)?;
        self.get(key).map(|v| info.format(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_whole_quotes_the_value_as_typed() {
        // Regression: typing 2.5 for past sponsored posts said "2 must be a whole number".
        let mut t = super::Thresholds::default();
        let err = t.set_from_text("min_sponsored_posts", "2.5");
        let message = err.map_err(|e| e.to_string()).err().unwrap_or_default();
        assert!(message.contains("2.5 must be a whole number"), "{message}");
    }

    #[test]
    fn defaults_match_the_domain_document() {
        let t = Thresholds::default();
        let cases = [
            (t.engagement_high_multiple, 2.0),
            (t.min_engagement_by_followers, 0.02),
            (t.likes_low_share_of_usual, 0.40),
            (t.likes_high_share_of_followers, 1.0),
            (t.generic_comment_share, 0.50),
            (t.negative_comment_share, 0.30),
            (t.min_sponsored_posts, 3.0),
            (t.min_follower_credibility, 0.75),
        ];
        for (got, want) in cases {
            assert_eq!(got, want);
        }
        assert_eq!(t.validate(), Ok(()));
        for info in THRESHOLDS {
            assert_eq!(t.get(info.key), Some(info.default), "{}", info.key);
            assert!(
                info.min <= info.default && info.default <= info.max,
                "{}",
                info.key
            );
            assert!(
                !info.label.is_empty() && !info.explanation.is_empty() && !info.source.is_empty()
            );
        }
    }

    #[test]
    fn every_field_has_a_table_row() {
        // Guards against a field added to Thresholds without a row: it would stay at 0.
        let json = serde_json::to_value(Thresholds::default()).unwrap_or_default();
        let fields = json.as_object().map(|o| o.len()).unwrap_or(0);
        assert_eq!(fields, THRESHOLDS.len());
        for info in THRESHOLDS {
            assert!(json.get(info.key).is_some(), "{} is not a field", info.key);
        }
    }

    #[test]
    fn threshold_edits_are_validated() {
        // (key, typed text, accepted value or error text)
        let cases: &[(&str, &str, Result<f64, &str>)] = &[
            ("negative_comment_share", "25", Ok(0.25)),
            ("negative_comment_share", "25%", Ok(0.25)),
            ("negative_comment_share", " 12,5 % ", Ok(0.125)),
            ("engagement_high_multiple", "3x", Ok(3.0)),
            ("engagement_high_multiple", "2.5×", Ok(2.5)),
            ("min_sponsored_posts", "5", Ok(5.0)),
            (
                "engagement_high_multiple",
                "0.8",
                Err("outside the sensible range of 1.1× to 20×"),
            ),
            (
                "negative_comment_share",
                "150",
                Err("150% is outside the sensible range of 5% to 100%"),
            ),
            (
                "negative_comment_share",
                "70",
                Err("must not be higher than"),
            ),
            (
                "negative_comment_share",
                "abc",
                Err("Negative comments (caution): “abc” is not a number"),
            ),
            ("negative_comment_share", "-5", Err("negative")),
            ("min_sponsored_posts", "2.5", Err("must be a whole number")),
            (
                "no_such_threshold",
                "1",
                Err("There is no threshold called “no_such_threshold”"),
            ),
        ];
        for (key, text, want) in cases {
            let mut t = Thresholds::default();
            let got = t.set_from_text(key, text);
            match want {
                Ok(v) => {
                    assert_eq!(got, Ok(()), "{key} = {text:?}");
                    let value = t.get(key).unwrap_or(f64::NAN);
                    assert!((value - v).abs() < 1e-12, "{key} = {text:?} gave {value}");
                }
                Err(msg) => {
                    let err = got.map(|_| String::new()).unwrap_or_else(|e| e.to_string());
                    assert!(
                        err.contains(msg),
                        "{key} = {text:?}: {err:?} should contain {msg:?}"
                    );
                    assert_eq!(t, Thresholds::default(), "a refused edit changes nothing");
                }
            }
        }
        let mut t = Thresholds::default();
        assert!(t.set("generic_comment_share", f64::NAN).is_err());
        assert!(t.set("generic_comment_share", f64::INFINITY).is_err());
    }

    #[test]
    fn stored_settings_are_repaired() {
        let stored = r#"{"engagement_high_multiple": 0.2, "negative_comment_share": 0.8, "negative_comment_share_high": 0.6}"#;
        let t: Thresholds = serde_json::from_str(stored).unwrap_or_default();
        assert_eq!(
            t.generic_comment_share, 0.5,
            "missing fields take their default"
        );
        let errors = t.validate().err().unwrap_or_default();
        assert_eq!(errors.len(), 2, "{errors:?}");
        let fixed = t.repaired();
        assert_eq!(fixed.validate(), Ok(()));
        assert_eq!(fixed.engagement_high_multiple, 2.0);
        assert_eq!(fixed.negative_comment_share, 0.30);
        assert_eq!(
            fixed.display("negative_comment_share").as_deref(),
            Some("30%")
        );
        assert_eq!(
            fixed.display("engagement_high_multiple").as_deref(),
            Some("2×")
        );
        assert_eq!(fixed.display("min_comment_sample").as_deref(), Some("20"));
    }
}
