//! Thresholds as a workspace file names them, which may be only some: a file written by hand, or
//! by a teammate who changed one value, names only what it means to set. Each named value is read
//! and checked on its own (an unusable value or a key this version does not know is reported and
//! left out, the others are used), and the result is put over a full set: over what this browser
//! holds when the user merges, over the defaults when they replace. A threshold the file does not
//! name is never reset by a merge.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

use super::{ThresholdInfo, Thresholds, ORDERED, THRESHOLDS};

/// Which thresholds are named is kept as one bit per row of `THRESHOLDS`.
const _: () = assert!(THRESHOLDS.len() <= 64, "one bit per threshold in a u64");

/// Some or all of the thresholds, by key.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PartialThresholds {
    /// Every value: the named ones, the defaults for the others (so that equal sets compare
    /// equal whatever an unnamed slot held).
    values: Thresholds,
    /// Bit `i` is set when `THRESHOLDS[i]` is named.
    named: u64,
}

/// The bit of the `THRESHOLDS` row called `key`, when there is one.
fn bit(key: &str) -> Option<u64> {
    THRESHOLDS
        .iter()
        .position(|info| info.key == key)
        .map(|i| 1u64 << i)
}

impl PartialThresholds {
    /// Every threshold named, with these values (what this browser holds).
    pub fn all(values: Thresholds) -> PartialThresholds {
        PartialThresholds {
            values,
            named: THRESHOLDS
                .iter()
                .enumerate()
                .fold(0, |bits, (i, _)| bits | 1u64 << i),
        }
    }

    /// How many thresholds are named.
    pub fn named_count(&self) -> usize {
        self.named.count_ones() as usize
    }

    /// Whether every threshold is named.
    pub fn is_complete(&self) -> bool {
        self.named_count() == THRESHOLDS.len()
    }

    fn is_named(&self, key: &str) -> bool {
        bit(key).is_some_and(|b| self.named & b != 0)
    }

    /// The named values, the defaults for the others: what "Replace" restores.
    pub fn or_defaults(&self) -> Thresholds {
        self.values
    }

    /// Reads a file's `thresholds` entry key by key. Returns the usable values (`None` when none
    /// is) and one sentence per value left out, each saying why.
    pub fn from_json(value: Value) -> (Option<PartialThresholds>, Vec<String>) {
        let Value::Object(map) = value else {
            return (
                None,
                vec!["not used: the entry is not a set of named values.".to_string()],
            );
        };
        let mut out = PartialThresholds {
            values: Thresholds::default(),
            named: 0,
        };
        let mut problems = Vec::new();
        for (key, value) in map {
            let (Some(info), Some(b)) = (ThresholdInfo::find(&key), bit(&key)) else {
                problems.push(format!(
                    "“{key}” is not a threshold this version of Microscope knows; it was not used."
                ));
                continue;
            };
            let Some(number) = value.as_f64() else {
                problems.push(format!(
                    "{}: {value} is not a number; it was not used.",
                    info.label
                ));
                continue;
            };
            if let Err(e) = info.check(number) {
                problems.push(format!("{e} It was not used."));
                continue;
            }
            if let Some(slot) = out.values.slot(info.key) {
                *slot = number;
                out.named |= b;
            }
        }
        // A pair the file names both halves of must be in order on its own; one half named is
        // checked against what it is put over (`over`).
        for (low, high) in ORDERED {
            if out.is_named(low) && out.is_named(high) {
                if let Err(e) = out.values.check_order() {
                    problems.push(format!("{e} Neither value was used."));
                    out.unname(low);
                    out.unname(high);
                }
            }
        }
        ((out.named != 0).then_some(out), problems)
    }

    /// Forgets `key`: its slot goes back to the default.
    fn unname(&mut self, key: &str) {
        if let (Some(b), Some(info)) = (bit(key), ThresholdInfo::find(key)) {
            self.named &= !b;
            if let Some(slot) = self.values.slot(key) {
                *slot = info.default;
            }
        }
    }

    /// `base` with the named values put over it. A named value that would break an ordered pair
    /// with a value of `base` the file does not name is left out (the pair stays as `base` has
    /// it), with a sentence saying so.
    pub fn over(&self, base: &Thresholds) -> (Thresholds, Vec<String>) {
        let mut out = *base;
        for info in THRESHOLDS {
            if self.is_named(info.key) {
                if let (Some(slot), Some(v)) = (out.slot(info.key), self.values.get(info.key)) {
                    *slot = v;
                }
            }
        }
        let mut notes = Vec::new();
        for (low, high) in ORDERED {
            let mut pair = *base;
            for key in [low, high] {
                if let (Some(slot), Some(v)) = (pair.slot(key), out.get(key)) {
                    *slot = v;
                }
            }
            if let Err(e) = pair.check_order() {
                notes.push(format!("{e} The file's value was not used."));
                for key in [low, high] {
                    if let (Some(slot), Some(v)) = (out.slot(key), base.get(key)) {
                        *slot = v;
                    }
                }
            }
        }
        (out, notes)
    }
}

/// A complete set is written as `Thresholds` always was; a partial one names only its values, so
/// that writing it back does not turn the defaults it leaves out into values it sets.
impl Serialize for PartialThresholds {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.is_complete() {
            return self.values.serialize(serializer);
        }
        let mut map = serializer.serialize_map(Some(self.named_count()))?;
        for info in THRESHOLDS {
            if let (true, Some(v)) = (self.is_named(info.key), self.values.get(info.key)) {
                map.serialize_entry(info.key, &v)?;
            }
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A file's `thresholds` entry, read key by key: (entry, keys used, report lines).
    #[test]
    fn a_file_entry_is_read_key_by_key() {
        let cases: Vec<(Value, Vec<&str>, Vec<&str>)> = vec![
            (json!({"min_comment_sample": 40}), vec!["min_comment_sample"], vec![]),
            (
                json!({"negative_comment_ratio": 0.45}),
                vec![],
                vec!["“negative_comment_ratio” is not a threshold this version of Microscope knows; it was not used."],
            ),
            (
                json!({"negative_comment_share": "45%", "min_sponsored_posts": 4}),
                vec!["min_sponsored_posts"],
                vec!["Negative comments (caution): \"45%\" is not a number; it was not used."],
            ),
            (
                json!({"negative_comment_share": 1.5}),
                vec![],
                vec!["Negative comments (caution): 150% is outside the sensible range of 5% to 100%. It was not used."],
            ),
            (
                json!({"min_sponsored_posts": 2.5}),
                vec![],
                vec!["Past sponsored posts: 2.5 must be a whole number. It was not used."],
            ),
            (
                json!({"negative_comment_share": 0.3, "negative_comment_share_high": 0.2}),
                vec![],
                vec!["“Negative comments (caution)” (30%) must not be higher than “Negative comments (high risk)” (20%). Neither value was used."],
            ),
            (json!({}), vec![], vec![]),
            (json!([0.3]), vec![], vec!["not used: the entry is not a set of named values."]),
        ];
        for (entry, keys, want) in cases {
            let row = entry.to_string();
            let (got, problems) = PartialThresholds::from_json(entry);
            assert_eq!(problems, want, "{row}");
            let named: Vec<&str> = THRESHOLDS
                .iter()
                .map(|i| i.key)
                .filter(|k| got.is_some_and(|t| t.is_named(k)))
                .collect();
            assert_eq!(named, keys, "{row}");
            assert_eq!(got.is_some(), !keys.is_empty(), "{row}");
        }
    }

    /// Put over a full set, the named values win and the others stay; written out, only the
    /// named values are (a complete set is written as `Thresholds` is).
    #[test]
    fn over_a_full_set_and_written_back() {
        let (Some(file), _) = PartialThresholds::from_json(json!({"min_comment_sample": 40}))
        else {
            panic!("one usable value");
        };
        let here = Thresholds {
            min_sponsored_posts: 7.0,
            ..Thresholds::default()
        };
        let (got, notes) = file.over(&here);
        assert!(notes.is_empty());
        assert_eq!(
            (got.min_comment_sample, got.min_sponsored_posts),
            (40.0, 7.0)
        );
        assert_eq!(
            serde_json::to_value(file).ok(),
            Some(json!({"min_comment_sample": 40.0}))
        );
        let all = PartialThresholds::all(here);
        assert!(all.is_complete() && !file.is_complete());
        assert_eq!(
            serde_json::to_value(all).ok(),
            serde_json::to_value(here).ok()
        );
    }
}
