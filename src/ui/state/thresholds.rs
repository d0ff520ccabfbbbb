//! The risk thresholds store, provided as context by `App`: the single-value form of the persisted
//! store (`value`) over `Thresholds`. Every risk rule compares against it, so an edit under Risks
//! re-scores the shortlist's badges and the campaign's warnings at once.
//!
//! Saved values that can't be read (corrupt, or written by a newer Microscope) are never
//! overwritten behind the user's back: the defaults are used in memory, the user is told, and only
//! an explicit click replaces what is stored.

use serde::{Deserialize, Serialize};

use crate::domain::io::workspace::Record;
use crate::domain::risk::thresholds::Thresholds;
use crate::ui::state::value::{newtype_setting, ValueStore};

/// Where the thresholds are kept (`microscope.risk-thresholds`); every `Kind` lives in
/// `src/storage`.
pub use crate::storage::envelope::THRESHOLDS as THRESHOLDS_KIND;

/// The thresholds every risk rule compares against, with their storage state. Cheap to copy.
pub type ThresholdsStore = ValueStore<StoredThresholds>;

/// The stored form: the thresholds as they are, checked on the way in.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StoredThresholds(pub Thresholds);

impl Record for StoredThresholds {
    fn checked_record(self) -> Result<Self, String> {
        match self.0.validate() {
            Ok(()) => Ok(self),
            Err(errors) => Err(errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" ")),
        }
    }
}

newtype_setting!(
    StoredThresholds,
    Thresholds,
    &THRESHOLDS_KIND,
    "Your risk thresholds"
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::envelope::{decode_one, encode, Load};

    #[test]
    fn stored_thresholds_are_checked_on_the_way_in() {
        let order = Thresholds {
            negative_comment_share: 0.6,
            ..Thresholds::default()
        };
        let fraction = Thresholds {
            min_sponsored_posts: 2.5,
            ..Thresholds::default()
        };
        let cases: [(Thresholds, Option<&str>); 3] = [
            (Thresholds::default(), None),
            (order, Some("must not be higher than")),
            (fraction, Some("whole number")),
        ];
        for (value, problem) in cases {
            match (StoredThresholds(value).checked_record(), problem) {
                (Ok(v), None) => assert_eq!(v.0, value),
                (Err(e), Some(want)) => assert!(e.contains(want), "{e}"),
                (got, want) => panic!("{got:?}, expected {want:?}"),
            }
        }
    }

    #[test]
    fn stored_text_round_trips_and_newer_or_bad_text_is_not_loaded() {
        let edited = Thresholds {
            min_sponsored_posts: 5.0,
            ..Thresholds::default()
        };
        let text = encode(&THRESHOLDS_KIND, &StoredThresholds(edited)).expect("encodes");
        match decode_one::<StoredThresholds>(Some(&text), &THRESHOLDS_KIND) {
            Load::Loaded { value, .. } => assert_eq!(value.0, edited),
            other => panic!("{other:?}"),
        }
        let newer = text.replace("\"version\":2", "\"version\":3");
        assert!(matches!(
            decode_one::<StoredThresholds>(Some(&newer), &THRESHOLDS_KIND),
            Load::TooNew { .. }
        ));
        let bad = text.replace("5.0", "2.5");
        assert!(matches!(
            decode_one::<StoredThresholds>(Some(&bad), &THRESHOLDS_KIND),
            Load::Corrupt { .. }
        ));
        // Settings saved before a threshold existed load with its default.
        let old = r#"{"app":"microscope","kind":"risk-thresholds","version":1,"data":{"min_sponsored_posts":4.0}}"#;
        match decode_one::<StoredThresholds>(Some(old), &THRESHOLDS_KIND) {
            Load::Loaded { value, .. } => {
                assert_eq!(value.0.min_sponsored_posts, 4.0);
                assert_eq!(value.0.negative_comment_share, 0.3);
            }
            other => panic!("{other:?}"),
        }
    }
}
