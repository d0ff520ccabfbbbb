//! The risk tools' findings as a creator's dossier keeps them, and back: a comment sample's counts
//! into the summaries the rules take, and the stable ids of the disclosure verdicts that a caption
//! check stores ("meets", "missing", "weak", "misplaced").
//!
//! The creator area sits below this one, so it stores plain counts and ids; their meaning lives
//! here, next to the types they stand for.

use crate::creator::dossier::{CaptionCheck, CommentSample, CountryVerdict, SampleCounts};
use crate::risk::comments::GenericSummary;
use crate::risk::disclosure::{DisclosureInput, Jurisdiction, Verdict};
use crate::risk::rules::dislike_ratio;
use crate::risk::sentiment::SentimentSummary;
use crate::text::choice::{choices, exact};
use crate::text::format::{group_thousands, percent, plural};

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

// The ids a caption check stores (`CountryVerdict::verdict`).
choices! {
    Verdict, id;
    Meets => "meets";
    Missing => "missing";
    Weak => "weak";
    Misplaced => "misplaced";
}

impl Verdict {
    /// Reads a stored id back, exactly as written.
    pub fn from_id(id: &str) -> Option<Verdict> {
        exact(id)
    }
}

impl SampleCounts {
    /// What a stored sample found, as every page says it: "24 comments: 17 negative (71%),
    /// 6 positive (25%), 1 neutral (4%). 4 generic (17%)."
    pub fn summary(&self) -> String {
        let n = |k: usize| group_thousands(k as u64);
        let sentiment = match SentimentSummary::from_counts(self) {
            Some(s) => format!(
                "{} negative ({}), {} positive ({}), {} neutral ({}).",
                n(s.negative),
                percent(s.negative_share(), 0),
                n(s.positive),
                percent(s.positive_share(), 0),
                n(s.neutral),
                percent(s.neutral_share(), 0),
            ),
            None => {
                "sentiment not scored (the word list was not loaded when it was saved).".to_string()
            }
        };
        let generic = GenericSummary::from_counts(self)
            .map(|g| format!(" {} generic ({}).", n(g.generic), percent(g.share(), 0)))
            .unwrap_or_default();
        format!(
            "{}: {sentiment}{generic}",
            plural(self.total, "comment", "comments")
        )
    }
}

impl CommentSample {
    /// dislikes ÷ (likes + dislikes) of the likes and dislikes typed with the sample, as the
    /// Risks panel works it out; `None` unless both were typed and are not both zero.
    pub fn dislike_ratio(&self) -> Option<f64> {
        dislike_ratio(self.likes, self.dislikes)
    }

    /// The typed likes and dislikes and their ratio with its formula, as every page says them:
    /// "Likes 1,200 · dislikes 30: dislikes are 2.4% of likes + dislikes (dislikes ÷ (likes +
    /// dislikes))."; `None` when neither was typed.
    pub fn reactions_summary(&self) -> Option<String> {
        if self.likes.is_none() && self.dislikes.is_none() {
            return None;
        }
        // Typed as whole counts; a fraction could only come from an edited file.
        let count = |label: &str, v: Option<f64>| match v {
            Some(v) => format!("{label} {}", group_thousands(v.round().max(0.0) as u64)),
            None => format!("{label} not given"),
        };
        let head = format!(
            "{} · {}",
            count("Likes", self.likes),
            count("dislikes", self.dislikes)
        );
        Some(match self.dislike_ratio() {
            Some(r) => format!(
                "{head}: dislikes are {} of likes + dislikes (dislikes ÷ (likes + dislikes)).",
                percent(Some(r), 1)
            ),
            None => format!("{head}: no dislike ratio (it needs both counts, not both zero)."),
        })
    }
}

impl CountryVerdict {
    /// The country's name ("United Kingdom"); the stored id when this build does not know it.
    pub fn country_name(&self) -> String {
        Jurisdiction::parse(&self.country).map_or_else(|| self.country.clone(), |j| j.name().into())
    }

    /// The verdict, when this build knows its id.
    pub fn verdict(&self) -> Option<Verdict> {
        Verdict::from_id(&self.verdict)
    }

    /// "United Kingdom: Not clear enough": how every page writes a stored verdict (never its ids);
    /// an id this build does not know is shown as stored, so nothing is hidden.
    pub fn readable(&self) -> String {
        match self.verdict() {
            Some(v) => format!("{}: {}", self.country_name(), v.label()),
            None => format!("{}: {}", self.country_name(), self.verdict),
        }
    }
}

impl CaptionCheck {
    /// What the checker was given: the caption and the ticks saved with it, to check it again.
    pub fn disclosure_input(&self) -> DisclosureInput {
        let s = self.post_settings;
        DisclosureInput {
            caption: self.caption.clone(),
            paid_partnership_label: s.paid_partnership_label,
            retouched_or_ai_images: s.retouched_or_ai_images,
            virtual_persona: s.virtual_persona,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::risk::comments::summarise_generic;
    use crate::testing::check_cases;

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
    fn typed_likes_and_dislikes_in_words() {
        let sample = |likes: Option<f64>, dislikes: Option<f64>| CommentSample {
            date: crate::text::date::day("2026-12-06"),
            text: "nice".into(),
            counts: SampleCounts::default(),
            likes,
            dislikes,
        };
        // (likes, dislikes, the ratio, the words)
        let cases = [
            (None, None, None, None),
            (
                Some(1200.0),
                Some(30.0),
                Some(30.0 / 1230.0),
                Some("Likes 1,200 · dislikes 30: dislikes are 2.4% of likes + dislikes (dislikes ÷ (likes + dislikes))."),
            ),
            (
                Some(750.0),
                None,
                None,
                Some("Likes 750 · dislikes not given: no dislike ratio (it needs both counts, not both zero)."),
            ),
            (
                Some(0.0),
                Some(0.0),
                None,
                Some("Likes 0 · dislikes 0: no dislike ratio (it needs both counts, not both zero)."),
            ),
        ];
        for (likes, dislikes, ratio, words) in cases {
            let s = sample(likes, dislikes);
            assert_eq!(s.dislike_ratio(), ratio, "{likes:?} {dislikes:?}");
            assert_eq!(
                s.reactions_summary().as_deref(),
                words,
                "{likes:?} {dislikes:?}"
            );
        }
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

    #[test]
    fn stored_verdicts_read_as_words_not_ids() {
        // Regression: the dossier showed a caption check's raw ids ("uk: weak") where the Risks
        // section showed "United Kingdom: Not clear enough".
        let v = |country: &str, verdict: &str| CountryVerdict {
            country: country.into(),
            verdict: verdict.into(),
        };
        // (stored ids, as shown)
        let cases = [
            (v("uk", "weak"), "United Kingdom: Not clear enough"),
            (v("us", "meets"), "United States: Meets the rule"),
            (v("de", "missing"), "Germany: No disclosure"),
            (v("fr", "misplaced"), "France: In the wrong place"),
            // Ids of a newer build are shown as stored rather than hidden.
            (v("xx", "unclear"), "xx: unclear"),
        ];
        check_cases(cases, |stored| stored.readable());
    }

    #[test]
    fn sample_summaries_give_each_share() {
        let counts = |total, positive, neutral, negative, generic| SampleCounts {
            total,
            positive,
            neutral,
            negative,
            generic,
            ..SampleCounts::default()
        };
        // (counts, summary)
        let cases = [
            (
                counts(24, 6, 1, 17, 4),
                "24 comments: 17 negative (71%), 6 positive (25%), 1 neutral (4%). 4 generic (17%).",
            ),
            (
                counts(5, 0, 0, 0, 1),
                "5 comments: sentiment not scored (the word list was not loaded when it was saved). 1 generic (20%).",
            ),
        ];
        check_cases(cases, |c| c.summary());
    }
}
