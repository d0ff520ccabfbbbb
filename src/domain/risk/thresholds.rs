//! Editable thresholds: every number a risk rule compares against, its table of labels, units and
//! limits, and the checks on an edit or a stored value. This file holds the types and the checks;
//! the table's rows, one per threshold, are in `table`; a workspace file's thresholds, which may
//! name only some, in `partial`.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::text::number::parse_amount;

mod partial;
mod table;

/// Some or all of the thresholds, as a workspace file names them (`thresholds/partial.rs`).
pub use partial::PartialThresholds;

/// The threshold table (its rows are in `thresholds/table.rs`): labels and explanations for the
/// settings screen, defaults, valid ranges.
pub use table::THRESHOLDS;

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
            crate::creator::dossier::STALE_AFTER_DAYS
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

pub fn format_value(unit: ThresholdUnit, value: f64) -> String {
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

pub fn trim_number(s: String) -> String {
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
    use crate::testing::check_cases;

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
        check_cases(cases, |got| got);
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
