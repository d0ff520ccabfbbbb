//! Lexicon sentiment of pasted comments: a Rust port of VADER 3.3.2 (Hutto & Gilbert, 2014), used to spot hate-watching.
//!
//! The word list is data, not code: `public/lexicon/vader_lexicon.txt` is fetched on first use
//! (so it does not weigh down the wasm) and parsed with [`Lexicon::parse`]. The rules follow
//! `vaderSentiment.py` 3.3.2; the few places where this port differs on purpose are marked
//! "Differs from VADER" below. English only: other languages mostly score as neutral.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::text::format::clip;

mod scoring;
mod tables;

use scoring::*;
use tables::*;

pub use tables::{is_emoji, is_emoji_modifier, EmojiValence};

/// Compound score at or above which a comment counts as positive (VADER's published cut-off).
pub const POSITIVE_THRESHOLD: f64 = 0.05;
/// Compound score at or below which a comment counts as negative (VADER's published cut-off).
pub const NEGATIVE_THRESHOLD: f64 = -0.05;

/// Shown next to every sentiment result.
pub const ENGLISH_ONLY_NOTE: &str =
    "Sentiment is scored with the VADER word list (Hutto & Gilbert, 2014), which is English only: \
comments in other languages, sarcasm and new slang mostly count as neutral or can be misread. \
Read the most negative comments yourself before you decide.";

/// Where the app loads the lexicon from, relative to the page (same origin, nothing leaves the device).
pub const LEXICON_PATH: &str = "lexicon/vader_lexicon.txt";

/// Why a lexicon file was refused. Shown to the user; names the line.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum LexiconError {
    #[error("The sentiment word list is empty; it may not have downloaded completely. Reload the page to try again.")]
    Empty,
    #[error("The sentiment word list came back as a web page, not a word list: the file is probably missing on the server ({path}).")]
    NotAWordList { path: &'static str },
    #[error("Sentiment word list, line {line}: “{content}” has no score; each line needs a word, a tab and a number.")]
    MissingScore { line: usize, content: String },
    #[error("Sentiment word list, line {line}: the line has a score but no word.")]
    MissingWord { line: usize },
    #[error("Sentiment word list, line {line}: the score “{score}” for “{word}” is not a number.")]
    BadScore {
        line: usize,
        word: String,
        score: String,
    },
    #[error("Sentiment word list, line {line}: the score {score} for “{word}” is outside VADER's range of −4 to +4.")]
    OutOfRange {
        line: usize,
        word: String,
        score: String,
    },
}

/// The VADER word list: word (as written in the file) to mean valence, −4 to +4.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lexicon {
    words: HashMap<String, f64>,
}

impl Lexicon {
    /// Reads `word<TAB>score[<TAB>anything]` lines: the stripped file Microscope ships and the
    /// original four-column VADER file both work. Blank lines are skipped; a repeated word keeps
    /// its last score, as VADER does.
    pub fn parse(text: &str) -> Result<Lexicon, LexiconError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let start = text.trim_start();
        if start.starts_with('<') {
            return Err(LexiconError::NotAWordList { path: LEXICON_PATH });
        }
        let mut words = HashMap::new();
        for (index, raw_line) in text.lines().enumerate() {
            let line_no = index + 1;
            let line = raw_line.trim_end_matches(['\r', ' ']);
            if line.trim().is_empty() {
                continue;
            }
            let mut fields = line.split('\t');
            let word = fields.next().unwrap_or("");
            let Some(score_text) = fields.next().map(str::trim) else {
                return Err(LexiconError::MissingScore {
                    line: line_no,
                    content: clip(line, 40),
                });
            };
            if word.is_empty() {
                return Err(LexiconError::MissingWord { line: line_no });
            }
            let score: f64 = score_text.parse().map_err(|_| LexiconError::BadScore {
                line: line_no,
                word: clip(word, 40),
                score: clip(score_text, 20),
            })?;
            if !score.is_finite() {
                return Err(LexiconError::BadScore {
                    line: line_no,
                    word: clip(word, 40),
                    score: clip(score_text, 20),
                });
            }
            if !(-4.0..=4.0).contains(&score) {
                return Err(LexiconError::OutOfRange {
                    line: line_no,
                    word: clip(word, 40),
                    score: clip(score_text, 20),
                });
            }
            words.insert(word.to_string(), score);
        }
        if words.is_empty() {
            return Err(LexiconError::Empty);
        }
        Ok(Lexicon { words })
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The valence of an entry exactly as written in the file (VADER looks words up lower-cased).
    pub fn get(&self, word: &str) -> Option<f64> {
        self.words.get(word).copied()
    }
}

/// VADER's four scores for one text.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SentimentScores {
    /// Normalised sum of valences, −1 (most negative) to +1 (most positive).
    pub compound: f64,
    /// Shares of the text that read positive, neutral and negative; they add up to 1 (or all 0).
    pub positive: f64,
    pub neutral: f64,
    pub negative: f64,
}

/// The class of a text by VADER's cut-offs on the compound score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Polarity {
    Positive,
    Neutral,
    Negative,
}

impl Polarity {
    /// compound ≥ 0.05 positive, ≤ −0.05 negative, neutral in between.
    pub fn of(compound: f64) -> Polarity {
        if compound >= POSITIVE_THRESHOLD {
            Polarity::Positive
        } else if compound <= NEGATIVE_THRESHOLD {
            Polarity::Negative
        } else {
            Polarity::Neutral
        }
    }
}

/// Scores one text (a comment, a sentence) with VADER's rules; the app scores whole samples with
/// `summarise_comments`, the tests one text at a time.
#[cfg(test)]
pub fn score(lexicon: &Lexicon, text: &str) -> SentimentScores {
    analyse(lexicon, text).0
}

/// One pasted comment with its score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoredComment {
    /// The comment, shortened to 280 characters for display.
    pub text: String,
    pub compound: f64,
    pub polarity: Polarity,
}

/// Sentiment of a pasted comment sample, one comment per line.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SentimentSummary {
    /// Comments scored (non-blank lines).
    pub total: usize,
    pub positive: usize,
    pub neutral: usize,
    pub negative: usize,
    /// Comments with no word or emoji the lexicon knows (often another language); counted as neutral.
    pub unrecognised: usize,
    /// Up to three negative comments, most negative first.
    pub most_negative: Vec<ScoredComment>,
}

impl SentimentSummary {
    pub fn positive_share(&self) -> Option<f64> {
        share(self.positive, self.total)
    }
    pub fn neutral_share(&self) -> Option<f64> {
        share(self.neutral, self.total)
    }
    pub fn negative_share(&self) -> Option<f64> {
        share(self.negative, self.total)
    }
    /// Share of comments the lexicon could not read at all.
    pub fn unrecognised_share(&self) -> Option<f64> {
        share(self.unrecognised, self.total)
    }
    /// The English-only caveat to show with the numbers.
    #[cfg(test)]
    pub fn caveat(&self) -> &'static str {
        ENGLISH_ONLY_NOTE
    }
}

/// The comments of a pasted sample: one per line, trimmed, blank lines skipped.
pub fn comment_lines(sample: &str) -> impl Iterator<Item = &str> {
    sample.lines().map(str::trim).filter(|l| !l.is_empty())
}

/// Scores every comment of a pasted sample (one per line) and counts them by polarity.
pub fn summarise_comments(lexicon: &Lexicon, sample: &str) -> SentimentSummary {
    let mut summary = SentimentSummary::default();
    let mut negatives: Vec<ScoredComment> = Vec::new();
    for comment in comment_lines(sample) {
        let (scores, known) = analyse(lexicon, comment);
        summary.total += 1;
        if known == 0 {
            summary.unrecognised += 1;
        }
        let polarity = Polarity::of(scores.compound);
        match polarity {
            Polarity::Positive => summary.positive += 1,
            Polarity::Neutral => summary.neutral += 1,
            Polarity::Negative => {
                summary.negative += 1;
                negatives.push(ScoredComment {
                    text: clip(comment, MAX_SHOWN_CHARS),
                    compound: scores.compound,
                    polarity,
                });
            }
        }
    }
    // Stable sort: among equal scores the earlier comment comes first.
    negatives.sort_by(|a, b| a.compound.total_cmp(&b.compound));
    negatives.truncate(3);
    summary.most_negative = negatives;
    summary
}

fn share(part: usize, total: usize) -> Option<f64> {
    (total > 0).then(|| part as f64 / total as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::check_cases;

    /// A few real VADER entries, enough to exercise every rule without the full file.
    const FIXTURE: &str = "good\t1.9\nhorrible\t-2.5\ngreat\t3.1\nbad\t-2.5\nlove\t3.2\nno\t-1.2\nhate\t-2.7\n:)\t2.0\nfunny\t1.9\n";

    fn fixture() -> Lexicon {
        Lexicon::parse(FIXTURE).unwrap_or_default()
    }

    fn real() -> Lexicon {
        Lexicon::parse(include_str!("../../../public/lexicon/vader_lexicon.txt"))
            .unwrap_or_default()
    }

    #[test]
    fn parse_accepts_both_layouts() {
        let stripped = Lexicon::parse("good\t1.9\r\n\r\nbad\t-2.5").unwrap_or_default();
        assert_eq!(stripped.len(), 2);
        assert_eq!(stripped.get("good"), Some(1.9));
        let original = Lexicon::parse("good\t1.9\t0.9434\t[2, 1, 2]\n").unwrap_or_default();
        assert_eq!(original.get("good"), Some(1.9));
        let bom = Lexicon::parse("\u{feff}good\t1.9").unwrap_or_default();
        assert_eq!(bom.get("good"), Some(1.9));
        let repeated = Lexicon::parse("lol\t2.9\nlol\t1.8").unwrap_or_default();
        assert_eq!(
            repeated.get("lol"),
            Some(1.8),
            "last entry wins, as in VADER"
        );
    }

    #[test]
    fn parse_errors_name_the_line() {
        let cases: &[(&str, LexiconError)] = &[
            ("", LexiconError::Empty),
            ("\n\n", LexiconError::Empty),
            (
                "<!doctype html><html>",
                LexiconError::NotAWordList { path: LEXICON_PATH },
            ),
            (
                "good\t1.9\nbad -2.5",
                LexiconError::MissingScore {
                    line: 2,
                    content: "bad -2.5".into(),
                },
            ),
            ("good\t1.9\n\tbad", LexiconError::MissingWord { line: 2 }),
            (
                "good\tabc",
                LexiconError::BadScore {
                    line: 1,
                    word: "good".into(),
                    score: "abc".into(),
                },
            ),
            (
                "good\tNaN",
                LexiconError::BadScore {
                    line: 1,
                    word: "good".into(),
                    score: "NaN".into(),
                },
            ),
            (
                "a\t1\nb\t2\ngood\t7.5",
                LexiconError::OutOfRange {
                    line: 3,
                    word: "good".into(),
                    score: "7.5".into(),
                },
            ),
        ];
        for (text, want) in cases {
            assert_eq!(Lexicon::parse(text).as_ref(), Err(want), "{text:?}");
        }
        let msg = Lexicon::parse("a\t1\nb\t2\ngood\tx")
            .map(|_| ())
            .unwrap_err()
            .to_string();
        assert!(msg.contains("line 3") && msg.contains("good"), "{msg}");
    }

    #[test]
    fn rules_on_the_fixture() {
        let lex = fixture();
        // (text, expected compound to 4 places): values computed with vaderSentiment 3.3.2.
        let cases: &[(&str, f64)] = &[
            ("The book was good.", 0.4404),
            ("The book was not good.", -0.3412),
            ("The food is good, but the service is horrible.", -0.5859),
            ("There is no good reason to buy this", -0.3412),
            ("Not bad at all", 0.431),
            ("great great great but awful", 0.7684), // "awful" is not in the fixture
            ("", 0.0),
            ("nothing here", 0.0),
        ];
        for (text, want) in cases {
            let got = score(&lex, text).compound;
            assert!(
                (got - want).abs() < 1e-3,
                "{text:?}: got {got}, want {want}"
            );
        }
    }

    #[test]
    fn boosters_caps_and_punctuation_raise_intensity() {
        let lex = fixture();
        let plain = score(&lex, "this is good").compound;
        let boosted = score(&lex, "this is very good").compound;
        let damped = score(&lex, "this is kind of good").compound;
        let caps = score(&lex, "this is GOOD").compound;
        let bang = score(&lex, "this is good!").compound;
        let bangs = score(&lex, "this is good!!!!!!!!").compound;
        let four = score(&lex, "this is good!!!!").compound;
        assert!(boosted > plain, "booster: {boosted} vs {plain}");
        assert!(damped < plain, "dampener: {damped} vs {plain}");
        assert!(caps > plain, "caps: {caps} vs {plain}");
        assert!(bang > plain, "exclamation: {bang} vs {plain}");
        assert!((bangs - four).abs() < 1e-12, "emphasis stops at four marks");
        // All caps everywhere is shouting, not emphasis of one word.
        assert!((score(&lex, "THIS IS GOOD").compound - plain).abs() < 1e-12);
        let q = score(&lex, "good??").compound;
        assert!(q > plain, "two question marks add emphasis");
    }

    #[test]
    fn negation_reaches_three_words_back() {
        let lex = fixture();
        for text in [
            "not good",
            "not very good",
            "not one two good",
            "isn't good",
            "don’t love",
        ] {
            let c = score(&lex, text).compound;
            assert!(c < 0.0, "{text:?} should read negative, got {c}");
        }
        let far = score(&lex, "not one two three good").compound;
        assert!(
            far > 0.0,
            "negation four words back no longer applies: {far}"
        );
    }

    #[test]
    fn emoji_carry_valence() {
        let lex = fixture();
        let cases: &[(&str, Polarity)] = &[
            ("😍😍", Polarity::Positive),
            ("🔥🔥🔥", Polarity::Positive),
            ("so good 👍🏽", Polarity::Positive),
            ("❤️", Polarity::Positive),
            ("🤮", Polarity::Negative),
            ("👎👎", Polarity::Negative),
            ("💀💀💀", Polarity::Neutral),
            ("wow😂", Polarity::Positive),
        ];
        check_cases(cases.iter().copied(), |text| {
            Polarity::of(score(&lex, text).compound)
        });
    }

    #[test]
    fn classification_cut_offs() {
        let cases = [
            (0.05, Polarity::Positive),
            (0.0499, Polarity::Neutral),
            (0.0, Polarity::Neutral),
            (-0.0499, Polarity::Neutral),
            (-0.05, Polarity::Negative),
            (-1.0, Polarity::Negative),
            (1.0, Polarity::Positive),
        ];
        check_cases(cases, Polarity::of);
    }

    #[test]
    fn scores_are_bounded_and_add_up() {
        let lex = fixture();
        for text in [
            "good good good good good good good good good good!!!!",
            "hate hate hate",
            "good but bad",
            "x",
        ] {
            let s = score(&lex, text);
            assert!((-1.0..=1.0).contains(&s.compound), "{text:?}");
            let total = s.positive + s.neutral + s.negative;
            assert!(
                (total - 1.0).abs() < 1e-9,
                "{text:?}: shares add to {total}"
            );
        }
    }

    /// Reference values computed with the Python package vaderSentiment 3.3.2 on the same lexicon.
    #[test]
    fn matches_vader_on_the_real_lexicon() {
        let lex = real();
        assert!(
            lex.len() > 7000,
            "the shipped lexicon has {} entries",
            lex.len()
        );
        let cases: &[(&str, f64)] = &[
            ("The book was good.", 0.4404),
            ("The book was not good.", -0.3412),
            ("The food is good, but the service is horrible.", -0.5859),
            ("VADER is smart, handsome, and funny.", 0.8316),
            ("VADER is smart, handsome, and funny!", 0.8439),
            ("VADER is very smart, handsome, and funny.", 0.8545),
            ("VADER is VERY SMART, handsome, and FUNNY.", 0.9227),
            ("VADER is VERY SMART, handsome, and FUNNY!!!", 0.9342),
            ("VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!", 0.9469),
            ("VADER is not smart, handsome, nor funny.", -0.7424),
            ("At least it isn't a horrible book.", 0.431),
            ("The book was only kind of good.", 0.3832),
            (
                "The plot was good, but the characters are uncompelling and the dialog is not great.",
                -0.7042,
            ),
            ("Today SUX!", -0.5461),
            ("Today only kinda sux! But I'll get by, lol", 0.5249),
            ("Make sure you :) or :D today!", 0.8633),
            ("Not bad at all", 0.431),
            ("Sentiment analysis has never been good.", -0.3412),
            ("Sentiment analysis has never been this good!", 0.5672),
            ("Most automated sentiment analysis tools are shit.", -0.5574),
            ("With VADER, sentiment analysis is the shit!", 0.6476),
            ("Other sentiment analysis tools can be quite bad.", -0.5849),
            ("On the other hand, VADER is quite bad ass", 0.802),
            ("VADER is such a badass!", 0.4003),
            ("Without a doubt, excellent idea.", 0.7013),
            ("Roger Dodger is one of the most compelling variations on this theme.", 0.2944),
            ("Roger Dodger is at least compelling as a variation on the theme.", 0.2263),
            ("Roger Dodger is one of the least compelling variations on this theme.", -0.1695),
            ("Not such a badass after all.", -0.2584),
            ("I love this so much", 0.6369),
            ("this is the worst product I have ever used", -0.6249),
            ("Why would anyone buy this???", 0.0),
            ("It was one of the worst movies I've seen, despite good reviews.", -0.7584),
            ("Unbelievably bad acting!!", -0.6572),
            ("VERY poor production.", -0.6281),
            ("VERY BAD movie!", -0.7616),
            ("No problem at all", 0.3089),
            ("There is no good reason to buy this", -0.3412),
            ("Honestly this looks fake and overpriced", -0.0258),
            ("I don't hate it", 0.4585),
            ("kind of boring tbh", -0.3182),
            ("great great great but awful", 0.3919),
            ("not the worst", 0.5096),
            ("I am not happy with this at all", -0.4585),
        ];
        for (text, want) in cases {
            let got = score(&lex, text).compound;
            assert!(
                (got - want).abs() < 1e-3,
                "{text:?}: got {got:.4}, VADER {want}"
            );
        }
        let s = score(&lex, "The book was good.");
        assert!((s.positive - 0.492).abs() < 1e-3 && (s.neutral - 0.508).abs() < 1e-3);
    }

    /// Each emoji borrows the rating of the word it reads as; guards against a mistyped value.
    #[test]
    fn emoji_table_matches_the_lexicon() {
        let lex = real();
        for e in EMOJI {
            assert_eq!(
                lex.get(e.reads_as),
                Some(e.valence),
                "{} reads as {:?}",
                e.emoji,
                e.reads_as
            );
            assert!(is_emoji(e.emoji), "{} should count as an emoji", e.emoji);
        }
        for c in NEUTRAL_EMOJI {
            assert!(is_emoji(c) && EmojiValence::of(c).is_none());
        }
        for c in ['a', 'é', '1', '#', '广', ' '] {
            assert!(!is_emoji(c), "{c:?}");
        }
    }

    #[test]
    fn summary_of_a_pasted_sample() {
        let lex = real();
        let sample = "Love this so much 😍\n\n  This is the worst product I have ever used  \nwhere did you get it\nSo fake and boring\nI hate it, horrible\n这个很好\ngreat video!";
        let s = summarise_comments(&lex, sample);
        assert_eq!(s.total, 7);
        assert_eq!((s.positive, s.neutral, s.negative), (2, 2, 3));
        assert_eq!(
            s.unrecognised, 2,
            "the question and the Chinese comment have no known word"
        );
        assert_eq!(s.negative_share(), Some(3.0 / 7.0));
        let texts: Vec<&str> = s.most_negative.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "I hate it, horrible",
                "So fake and boring",
                "This is the worst product I have ever used",
            ]
        );
        assert_eq!(s.most_negative.len(), 3);
        assert!(s
            .most_negative
            .windows(2)
            .all(|w| w[0].compound <= w[1].compound));
        assert!(s.caveat().contains("English only"));
        let empty = summarise_comments(&lex, "\n \n");
        assert_eq!(empty.total, 0);
        assert_eq!(
            empty.negative_share(),
            None,
            "no comments: share is n/a, not 0%"
        );
    }

    #[test]
    fn long_comments_are_clipped_for_display_only() {
        let lex = fixture();
        let long = format!("{} horrible", "é".repeat(400));
        let s = summarise_comments(&lex, &long);
        assert_eq!(s.negative, 1);
        let shown = &s
            .most_negative
            .first()
            .map(|c| c.text.clone())
            .unwrap_or_default();
        assert_eq!(shown.chars().count(), MAX_SHOWN_CHARS + 1);
        assert!(shown.ends_with('…'));
    }
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn arbitrary_text_never_panics_and_stays_in_range(text in "\\PC{0,200}") {
            let lex = Lexicon::parse("good\t1.9\nno\t-1.2\nbad\t-2.5\nbut\t0.1").unwrap_or_default();
            let s = score(&lex, &text);
            prop_assert!(s.compound.is_finite() && (-1.0..=1.0).contains(&s.compound));
            prop_assert!(s.positive.is_finite() && s.neutral.is_finite() && s.negative.is_finite());
            let summary = summarise_comments(&lex, &text);
            prop_assert!(summary.most_negative.len() <= 3);
        }

        #[test]
        fn word_soup_never_panics(words in proptest::collection::vec(
            prop_oneof![
                Just("not"), Just("no"), Just("very"), Just("kind"), Just("of"), Just("but"),
                Just("least"), Just("at"), Just("never"), Just("so"), Just("this"), Just("without"),
                Just("doubt"), Just("the"), Just("shit"), Just("GOOD"), Just("good"), Just("bad"),
                Just("!"), Just("?"), Just("😍"), Just("💀"), Just(":)"), Just("nor"), Just("or"),
            ], 0..30)) {
            let lex = Lexicon::parse("good\t1.9\nno\t-1.2\nbad\t-2.5\nshit\t-2.6\n:)\t2.0").unwrap_or_default();
            let s = score(&lex, &words.join(" "));
            prop_assert!(s.compound.is_finite() && (-1.0..=1.0).contains(&s.compound));
        }

        #[test]
        fn lexicon_parse_never_panics(text in "\\PC{0,200}") {
            let _ = Lexicon::parse(&text);
        }
    }
}
