//! The risk tools' findings as a creator's dossier keeps them, and back: a comment sample's counts
//! into the summaries the rules take, and the stable ids of the disclosure verdicts that a caption
//! check stores ("meets", "missing", "weak", "misplaced").
//!
//! The creator area sits below this one, so it stores plain counts and ids; their meaning lives
//! here, next to the types they stand for.

use crate::domain::creator::dossier::SampleCounts;
use crate::domain::risk::comments::GenericSummary;
use crate::domain::risk::disclosure::Verdict;
use crate::domain::risk::sentiment::SentimentSummary;

impl SentimentSummary {
    /// The sentiment counts of a stored sample. The comments themselves are not scored again
    /// (that needs the word list, fetched on demand), so there are no example comments; `None`
    /// when the sample was stored without sentiment counts.
    pub fn from_counts(counts: &SampleCounts) -> Option<SentimentSummary> {
        let scored = counts.positive + counts.neutral + counts.negative;
        (counts.total > 0 && scored > 0).then(|| SentimentSummary {
            total: counts.total,
            positive: counts.positive,
            neutral: counts.neutral,
            negative: counts.negative,
            unrecognised: counts.unrecognised,
            most_negative: Vec::new(),
        })
    }
}

impl GenericSummary {
    /// The generic-comment counts of a stored sample, without examples; `None` for an empty one.
    /// With the sample's text at hand, `comments::summarise_generic` gives the same counts and
    /// the examples.
    pub fn from_counts(counts: &SampleCounts) -> Option<GenericSummary> {
        (counts.total > 0).then(|| GenericSummary {
            total: counts.total,
            generic: counts.generic,
            emoji_only: counts.emoji_only,
            one_word: counts.one_word,
            stock_praise: counts.stock_praise,
            self_promotion: counts.self_promotion,
            examples: Vec::new(),
        })
    }
}

impl Verdict {
    pub const ALL: [Verdict; 4] = [
        Verdict::Meets,
        Verdict::Missing,
        Verdict::Weak,
        Verdict::Misplaced,
    ];

    /// The id a caption check stores (`CountryVerdict::verdict`).
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Meets => "meets",
            Verdict::Missing => "missing",
            Verdict::Weak => "weak",
            Verdict::Misplaced => "misplaced",
        }
    }

    /// Reads a stored id back.
    pub fn from_id(id: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.id() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::risk::comments::summarise_generic;

    #[test]
    fn counts_become_summaries() {
        let counts = SampleCounts {
            total: 40,
            positive: 10,
            neutral: 16,
            negative: 14,
            unrecognised: 3,
            generic: 22,
            emoji_only: 10,
            one_word: 6,
            stock_praise: 5,
            self_promotion: 1,
        };
        let s = SentimentSummary::from_counts(&counts).unwrap_or_default();
        assert_eq!((s.total, s.negative, s.unrecognised), (40, 14, 3));
        assert_eq!(s.negative_share(), Some(0.35));
        let g = GenericSummary::from_counts(&counts).unwrap_or_default();
        assert_eq!((g.total, g.generic, g.emoji_only), (40, 22, 10));
        // Unscored or empty samples give nothing.
        let unscored = SampleCounts {
            total: 5,
            generic: 1,
            ..SampleCounts::default()
        };
        assert_eq!(SentimentSummary::from_counts(&unscored), None);
        assert!(GenericSummary::from_counts(&unscored).is_some());
        assert_eq!(GenericSummary::from_counts(&SampleCounts::default()), None);
        // The counts a sample was stored with round-trip to what the checker says of its text.
        let text = "nice\n🔥🔥\nwhere did you buy it?\n";
        let fresh = summarise_generic(text);
        let stored = SampleCounts {
            total: fresh.total,
            generic: fresh.generic,
            emoji_only: fresh.emoji_only,
            one_word: fresh.one_word,
            stock_praise: fresh.stock_praise,
            self_promotion: fresh.self_promotion,
            ..SampleCounts::default()
        };
        let back = GenericSummary::from_counts(&stored).unwrap_or_default();
        assert_eq!(back.share(), fresh.share());
    }

    #[test]
    fn verdict_ids_round_trip() {
        let ids: Vec<&str> = Verdict::ALL.iter().map(|v| v.id()).collect();
        assert_eq!(ids, ["meets", "missing", "weak", "misplaced"]);
        for v in Verdict::ALL {
            assert_eq!(Verdict::from_id(v.id()), Some(v));
        }
        assert_eq!(Verdict::from_id("Meets"), None);
    }
}
