//! Lexicon sentiment of pasted comments: a Rust port of VADER 3.3.2 (Hutto & Gilbert, 2014), used to spot hate-watching.
//!
//! The word list is data, not code: `public/lexicon/vader_lexicon.txt` is fetched on first use
//! (so it does not weigh down the wasm) and parsed with [`Lexicon::parse`]. The rules follow
//! `vaderSentiment.py` 3.3.2; the few places where this port differs on purpose are marked
//! "Differs from VADER" below. English only: other languages mostly score as neutral.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

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

// Empirically derived constants from vaderSentiment.py 3.3.2.
const B_INCR: f64 = 0.293;
const B_DECR: f64 = -0.293;
const C_INCR: f64 = 0.733;
const N_SCALAR: f64 = -0.74;
/// Approximates the largest expected sum of valences; keeps the compound inside -1..1.
const NORMALIZE_ALPHA: f64 = 15.0;
/// Longest comment kept for display in a summary; the score always uses the whole text.
const MAX_SHOWN_CHARS: usize = 280;

const NEGATE: &[&str] = &[
    "aint",
    "arent",
    "cannot",
    "cant",
    "couldnt",
    "darent",
    "didnt",
    "doesnt",
    "ain't",
    "aren't",
    "can't",
    "couldn't",
    "daren't",
    "didn't",
    "doesn't",
    "dont",
    "hadnt",
    "hasnt",
    "havent",
    "isnt",
    "mightnt",
    "mustnt",
    "neither",
    "don't",
    "hadn't",
    "hasn't",
    "haven't",
    "isn't",
    "mightn't",
    "mustn't",
    "neednt",
    "needn't",
    "never",
    "none",
    "nope",
    "nor",
    "not",
    "nothing",
    "nowhere",
    "oughtnt",
    "shant",
    "shouldnt",
    "uhuh",
    "wasnt",
    "werent",
    "oughtn't",
    "shan't",
    "shouldn't",
    "uh-uh",
    "wasn't",
    "weren't",
    "without",
    "wont",
    "wouldnt",
    "won't",
    "wouldn't",
    "rarely",
    "seldom",
    "despite",
];

/// Degree adverbs: boosters add to the next sentiment word, dampeners take away.
const BOOSTERS: &[(&str, f64)] = &[
    ("absolutely", B_INCR),
    ("amazingly", B_INCR),
    ("awfully", B_INCR),
    ("completely", B_INCR),
    ("considerable", B_INCR),
    ("considerably", B_INCR),
    ("decidedly", B_INCR),
    ("deeply", B_INCR),
    ("effing", B_INCR),
    ("enormous", B_INCR),
    ("enormously", B_INCR),
    ("entirely", B_INCR),
    ("especially", B_INCR),
    ("exceptional", B_INCR),
    ("exceptionally", B_INCR),
    ("extreme", B_INCR),
    ("extremely", B_INCR),
    ("fabulously", B_INCR),
    ("flipping", B_INCR),
    ("flippin", B_INCR),
    ("frackin", B_INCR),
    ("fracking", B_INCR),
    ("fricking", B_INCR),
    ("frickin", B_INCR),
    ("frigging", B_INCR),
    ("friggin", B_INCR),
    ("fully", B_INCR),
    ("fuckin", B_INCR),
    ("fucking", B_INCR),
    ("fuggin", B_INCR),
    ("fugging", B_INCR),
    ("greatly", B_INCR),
    ("hella", B_INCR),
    ("highly", B_INCR),
    ("hugely", B_INCR),
    ("incredible", B_INCR),
    ("incredibly", B_INCR),
    ("intensely", B_INCR),
    ("major", B_INCR),
    ("majorly", B_INCR),
    ("more", B_INCR),
    ("most", B_INCR),
    ("particularly", B_INCR),
    ("purely", B_INCR),
    ("quite", B_INCR),
    ("really", B_INCR),
    ("remarkably", B_INCR),
    ("so", B_INCR),
    ("substantially", B_INCR),
    ("thoroughly", B_INCR),
    ("total", B_INCR),
    ("totally", B_INCR),
    ("tremendous", B_INCR),
    ("tremendously", B_INCR),
    ("uber", B_INCR),
    ("unbelievably", B_INCR),
    ("unusually", B_INCR),
    ("utter", B_INCR),
    ("utterly", B_INCR),
    ("very", B_INCR),
    ("almost", B_DECR),
    ("barely", B_DECR),
    ("hardly", B_DECR),
    ("just enough", B_DECR),
    ("kind of", B_DECR),
    ("kinda", B_DECR),
    ("kindof", B_DECR),
    ("kind-of", B_DECR),
    ("less", B_DECR),
    ("little", B_DECR),
    ("marginal", B_DECR),
    ("marginally", B_DECR),
    ("occasional", B_DECR),
    ("occasionally", B_DECR),
    ("partly", B_DECR),
    ("scarce", B_DECR),
    ("scarcely", B_DECR),
    ("slight", B_DECR),
    ("slightly", B_DECR),
    ("somewhat", B_DECR),
    ("sort of", B_DECR),
    ("sorta", B_DECR),
    ("sortof", B_DECR),
    ("sort-of", B_DECR),
];

/// Phrases whose meaning differs from their words ("the shit" is praise, "bus stop" is not bad).
const SPECIAL_CASES: [(&str, f64); 9] = [
    ("the shit", 3.0),
    ("the bomb", 3.0),
    ("bad ass", 1.5),
    ("badass", 1.5),
    ("bus stop", 0.0),
    ("yeah right", -2.0),
    ("kiss of death", -1.5),
    ("to die for", 3.0),
    ("beating heart", 3.5),
];

/// One common comment emoji: the word it stands for in comments and that word's VADER valence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EmojiValence {
    pub emoji: char,
    /// The lexicon entry whose rating is used.
    pub reads_as: &'static str,
    pub valence: f64,
}

const fn emo(emoji: char, reads_as: &'static str, valence: f64) -> EmojiValence {
    EmojiValence {
        emoji,
        reads_as,
        valence,
    }
}

/// Differs from VADER: VADER swaps each emoji for its Unicode name and scores the name's words,
/// which reads 🔥 ("fire") as negative, 💔 ("broken heart") as positive and 👎 as neutral. This
/// table reads each emoji as the word it means in comments and borrows that word's VADER rating
/// (a test checks every value against the lexicon). Ambiguous emoji (💀 and 😭 mostly mean
/// laughing, 🤔 and 👀 mean nothing on their own) score 0.
pub const EMOJI: [EmojiValence; 66] = [
    emo('😂', "haha", 2.0),
    emo('🤣', "hahaha", 2.6),
    emo('😆', "haha", 2.0),
    emo('😅', "smile", 1.5),
    emo('😁', "smiling", 2.0),
    emo('😀', "smile", 1.5),
    emo('😃', "smile", 1.5),
    emo('😄', "smiling", 2.0),
    emo('😊', "happy", 2.7),
    emo('🙂', "smile", 1.5),
    emo('😉', ";)", 0.9),
    emo('😜', ":p", 1.0),
    emo('😛', ":p", 1.0),
    emo('😍', "love", 3.2),
    emo('🥰', "love", 3.2),
    emo('😻', "love", 3.2),
    emo('😘', "kiss", 1.8),
    emo('❤', "love", 3.2),
    emo('♥', "love", 3.2),
    emo('💕', "love", 3.2),
    emo('💖', "love", 3.2),
    emo('💗', "love", 3.2),
    emo('💓', "love", 3.2),
    emo('💞', "love", 3.2),
    emo('💘', "love", 3.2),
    emo('💝', "love", 3.2),
    emo('💙', "love", 3.2),
    emo('💚', "love", 3.2),
    emo('💛', "love", 3.2),
    emo('💜', "love", 3.2),
    emo('🧡', "love", 3.2),
    emo('🖤', "love", 3.2),
    emo('🤍', "love", 3.2),
    emo('🫶', "love", 3.2),
    emo('😇', "blessed", 2.9),
    emo('🤗', "hug", 2.1),
    emo('🤩', "amazing", 2.8),
    emo('🔥', "amazing", 2.8),
    emo('😎', "cool", 1.3),
    emo('👍', "good", 1.9),
    emo('👌', "perfect", 2.7),
    emo('💯', "perfect", 2.7),
    emo('👏', "applause", 1.8),
    emo('🙌', "praise", 2.6),
    emo('✨', "sparkle", 1.8),
    emo('💪', "strong", 2.3),
    emo('🙏', "grateful", 2.0),
    emo('🎉', "celebrate", 2.7),
    emo('🥳', "celebrate", 2.7),
    emo('😋', "yummy", 2.4),
    emo('🤤', "yummy", 2.4),
    emo('😢', ":'(", -2.2),
    emo('😞', "disappointed", -2.1),
    emo('😔', "sad", -2.1),
    emo('😟', "worried", -1.2),
    emo('😕', "confused", -1.3),
    emo('😩', "tired", -1.9),
    emo('😫', "tired", -1.9),
    emo('😒', "unimpressed", -1.4),
    emo('🙄', "annoyed", -1.6),
    emo('😠', "angry", -2.3),
    emo('😡', "rage", -2.6),
    emo('🤬', "furious", -2.7),
    emo('🤮', "disgusting", -2.4),
    emo('🤢', "gross", -2.1),
    emo('👎', "dislike", -1.6),
];

/// Emoji that are common in comments but carry no clear sentiment on their own.
const NEUTRAL_EMOJI: [char; 10] = ['💀', '😭', '🤔', '👀', '🙃', '🥺', '🥲', '😳', '😐', '😮'];

impl EmojiValence {
    /// The table entry for `c`, if it is one of the common comment emoji.
    pub fn of(c: char) -> Option<&'static EmojiValence> {
        EMOJI.iter().find(|e| e.emoji == c)
    }
}

/// True for characters that are emoji or pictographs (used to spot emoji-only comments too).
pub fn is_emoji(c: char) -> bool {
    matches!(
        c as u32,
        0x1F000..=0x1FAFF // emoticons, pictographs, transport, supplemental symbols
            | 0x2600..=0x27BF // misc symbols and dingbats (☀ ❤ ✨ ✔)
            | 0x2B00..=0x2BFF // arrows and stars (⭐ ⬆)
            | 0x2300..=0x23FF // technical (⌚ ⏰)
            | 0x3030 | 0x303D | 0x3297 | 0x3299
            | 0x2190..=0x21FF // arrows
            | 0x2122 | 0x2139 | 0x00A9 | 0x00AE | 0x203C | 0x2049
    )
}

/// Parts of an emoji sequence that change how it looks but not what it means.
pub fn is_emoji_modifier(c: char) -> bool {
    matches!(
        c as u32,
        0xFE0E | 0xFE0F | 0x200D | 0x20E3 | 0x1F3FB..=0x1F3FF
    )
}

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

    pub fn label(self) -> &'static str {
        match self {
            Polarity::Positive => "positive",
            Polarity::Neutral => "neutral",
            Polarity::Negative => "negative",
        }
    }
}

/// Scores one text (a comment, a sentence) with VADER's rules.
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

/// Shortens to `max` characters on a character boundary, marking the cut with "…".
fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

/// A word or emoticon of the text, or one emoji.
#[derive(Debug, Clone)]
struct Token {
    /// As written, punctuation stripped: used for the ALL-CAPS check.
    raw: String,
    /// Lower-cased, curly apostrophes straightened: used for every lookup.
    lower: String,
    /// Set for emoji from [`EMOJI`] / [`NEUTRAL_EMOJI`].
    emoji: Option<f64>,
}

impl Token {
    /// The valence the lexicon or emoji table gives this token on its own.
    fn valence(&self, lexicon: &Lexicon) -> Option<f64> {
        self.emoji.or_else(|| lexicon.get(&self.lower))
    }
}

fn known(lexicon: &Lexicon, token: &Token) -> bool {
    token.valence(lexicon).is_some()
}

/// Splits on whitespace like VADER and makes each known emoji a token of its own.
fn tokenize(lexicon: &Lexicon, text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, tokens: &mut Vec<Token>| {
        if !word.is_empty() {
            tokens.push(word_token(lexicon, word));
            word.clear();
        }
    };
    for c in text.chars() {
        if c.is_whitespace() {
            flush(&mut word, &mut tokens);
        } else if is_emoji_modifier(c) {
            // Skin tones and joiners change how an emoji looks, not what it means.
        } else if let Some(e) = EmojiValence::of(c) {
            flush(&mut word, &mut tokens);
            tokens.push(emoji_token(c, e.valence));
        } else if NEUTRAL_EMOJI.contains(&c) {
            flush(&mut word, &mut tokens);
            tokens.push(emoji_token(c, 0.0));
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut tokens);
    tokens
}

fn emoji_token(c: char, valence: f64) -> Token {
    Token {
        raw: c.to_string(),
        lower: c.to_string(),
        emoji: Some(valence),
    }
}

fn lower(s: &str) -> String {
    s.to_lowercase().replace('’', "'")
}

/// VADER strips leading and trailing ASCII punctuation from words but keeps emoticons.
///
/// Differs from VADER: VADER keeps the punctuation whenever the stripped word has two letters or
/// fewer (to protect ":)"), so "ok." or "no," are never found. Here a token that is itself in the
/// lexicon is kept as it is, and otherwise stripped unless nothing would be left.
fn word_token(lexicon: &Lexicon, word: &str) -> Token {
    let as_is = lower(word);
    let raw = if lexicon.get(&as_is).is_some() {
        word
    } else {
        let stripped = word.trim_matches(|c: char| c.is_ascii_punctuation());
        if stripped.is_empty() {
            word
        } else {
            stripped
        }
    };
    Token {
        raw: raw.to_string(),
        lower: lower(raw),
        emoji: None,
    }
}

/// Python's `str.isupper()`: at least one cased letter and no lower-case one.
fn is_upper(s: &str) -> bool {
    s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase)
}

fn booster(word_lower: &str) -> Option<f64> {
    BOOSTERS
        .iter()
        .find(|(w, _)| *w == word_lower)
        .map(|&(_, v)| v)
}

fn special_case(phrase: &str) -> Option<f64> {
    SPECIAL_CASES
        .iter()
        .find(|(p, _)| *p == phrase)
        .map(|&(_, v)| v)
}

fn negated(word_lower: &str) -> bool {
    NEGATE.contains(&word_lower) || word_lower.contains("n't")
}

/// Scores plus how many tokens the lexicon or emoji table knew.
fn analyse(lexicon: &Lexicon, text: &str) -> (SentimentScores, usize) {
    let tokens = tokenize(lexicon, text);
    let words: Vec<&str> = tokens.iter().map(|t| t.lower.as_str()).collect();
    let n = tokens.len();
    let upper_count = tokens.iter().filter(|t| is_upper(&t.raw)).count();
    // Capitals only signal emphasis when some words are in capitals and others are not.
    let cap_diff = upper_count > 0 && upper_count < n;
    let mut known_count = 0;

    let mut sentiments: Vec<f64> = Vec::with_capacity(n);
    for (i, token) in tokens.iter().enumerate() {
        if known(lexicon, token) {
            known_count += 1;
        }
        let next = words.get(i + 1).copied();
        if booster(&token.lower).is_some() || (token.lower == "kind" && next == Some("of")) {
            sentiments.push(0.0);
            continue;
        }
        sentiments.push(valence_at(lexicon, &tokens, &words, i, cap_diff));
    }

    but_check(&words, &mut sentiments);
    (score_valence(&sentiments, text), known_count)
}

fn valence_at(
    lexicon: &Lexicon,
    tokens: &[Token],
    words: &[&str],
    i: usize,
    cap_diff: bool,
) -> f64 {
    let Some(token) = tokens.get(i) else {
        return 0.0;
    };
    let Some(base) = token.valence(lexicon) else {
        return 0.0;
    };
    let word = |k: usize| words.get(k).copied().unwrap_or("");
    let is_known = |k: usize| tokens.get(k).is_some_and(|t| known(lexicon, t));
    let n = tokens.len();

    let mut valence = base;
    // "no" before another sentiment word negates it rather than counting as negative itself.
    if token.lower == "no" && i + 1 < n && is_known(i + 1) {
        valence = 0.0;
    }
    if (i > 0 && word(i - 1) == "no")
        || (i > 1 && word(i - 2) == "no")
        || (i > 2 && word(i - 3) == "no" && matches!(word(i - 1), "or" | "nor"))
    {
        valence = base * N_SCALAR;
    }
    if is_upper(&token.raw) && cap_diff {
        if valence > 0.0 {
            valence += C_INCR;
        } else {
            valence -= C_INCR;
        }
    }
    for start in 0..3 {
        if i > start && !is_known(i - (start + 1)) {
            let Some(prev) = tokens.get(i - (start + 1)) else {
                continue;
            };
            let mut s = scalar_inc_dec(prev, valence, cap_diff);
            if start == 1 {
                s *= 0.95;
            }
            if start == 2 {
                s *= 0.9;
            }
            valence += s;
            valence = negation_check(valence, words, start, i);
            if start == 2 {
                valence = special_idioms_check(valence, words, i);
            }
        }
    }
    least_check(valence, tokens, words, lexicon, i)
}

fn scalar_inc_dec(prev: &Token, valence: f64, cap_diff: bool) -> f64 {
    let Some(mut scalar) = booster(&prev.lower) else {
        return 0.0;
    };
    if valence < 0.0 {
        scalar = -scalar;
    }
    if is_upper(&prev.raw) && cap_diff {
        if valence > 0.0 {
            scalar += C_INCR;
        } else {
            scalar -= C_INCR;
        }
    }
    scalar
}

fn negation_check(valence: f64, words: &[&str], start: usize, i: usize) -> f64 {
    let word = |k: usize| words.get(k).copied().unwrap_or("");
    match start {
        0 if negated(word(i - 1)) => valence * N_SCALAR,
        1 => {
            if word(i - 2) == "never" && matches!(word(i - 1), "so" | "this") {
                valence * 1.25
            } else if word(i - 2) == "without" && word(i - 1) == "doubt" {
                valence
            } else if negated(word(i - 2)) {
                valence * N_SCALAR
            } else {
                valence
            }
        }
        2 => {
            if (word(i - 3) == "never" && matches!(word(i - 2), "so" | "this"))
                || matches!(word(i - 1), "so" | "this")
            {
                valence * 1.25
            } else if word(i - 3) == "without" && (word(i - 2) == "doubt" || word(i - 1) == "doubt")
            {
                valence
            } else if negated(word(i - 3)) {
                valence * N_SCALAR
            } else {
                valence
            }
        }
        _ => valence,
    }
}

/// Only called with `i >= 3`.
fn special_idioms_check(mut valence: f64, words: &[&str], i: usize) -> f64 {
    let word = |k: usize| words.get(k).copied().unwrap_or("");
    let one_zero = format!("{} {}", word(i - 1), word(i));
    let two_one_zero = format!("{} {} {}", word(i - 2), word(i - 1), word(i));
    let two_one = format!("{} {}", word(i - 2), word(i - 1));
    let three_two_one = format!("{} {} {}", word(i - 3), word(i - 2), word(i - 1));
    let three_two = format!("{} {}", word(i - 3), word(i - 2));
    for seq in [
        &one_zero,
        &two_one_zero,
        &two_one,
        &three_two_one,
        &three_two,
    ] {
        if let Some(v) = special_case(seq) {
            valence = v;
            break;
        }
    }
    if words.len() > i + 1 {
        if let Some(v) = special_case(&format!("{} {}", word(i), word(i + 1))) {
            valence = v;
        }
    }
    if words.len() > i + 2 {
        if let Some(v) = special_case(&format!("{} {} {}", word(i), word(i + 1), word(i + 2))) {
            valence = v;
        }
    }
    for n_gram in [&three_two_one, &three_two, &two_one] {
        if let Some(b) = booster(n_gram) {
            valence += b;
        }
    }
    valence
}

/// "least" negates ("the least compelling") except in "at least" and "very least".
fn least_check(valence: f64, tokens: &[Token], words: &[&str], lexicon: &Lexicon, i: usize) -> f64 {
    let word = |k: usize| words.get(k).copied().unwrap_or("");
    let prev_is_least =
        i > 0 && word(i - 1) == "least" && !tokens.get(i - 1).is_some_and(|t| known(lexicon, t));
    if !prev_is_least {
        return valence;
    }
    if i > 1 {
        if word(i - 2) != "at" && word(i - 2) != "very" {
            return valence * N_SCALAR;
        }
        valence
    } else {
        valence * N_SCALAR
    }
}

/// "but" shifts the weight to what follows: words before it count half, words after 1.5×.
///
/// Differs from VADER only in fixing its lookup of positions by value, which could scale the wrong
/// word when two words had the same score.
fn but_check(words: &[&str], sentiments: &mut [f64]) {
    let Some(bi) = words.iter().position(|w| *w == "but") else {
        return;
    };
    for (si, s) in sentiments.iter_mut().enumerate() {
        if si < bi {
            *s *= 0.5;
        } else if si > bi {
            *s *= 1.5;
        }
    }
}

fn punctuation_emphasis(text: &str) -> f64 {
    let exclamations = text.matches('!').count().min(4);
    let questions = text.matches('?').count();
    let qm = match questions {
        0 | 1 => 0.0,
        2 | 3 => questions as f64 * 0.18,
        _ => 0.96,
    };
    exclamations as f64 * 0.292 + qm
}

fn normalize(score: f64) -> f64 {
    let norm = score / (score * score + NORMALIZE_ALPHA).sqrt();
    if norm.is_finite() {
        norm.clamp(-1.0, 1.0)
    } else if score > 0.0 {
        1.0
    } else if score < 0.0 {
        -1.0
    } else {
        0.0
    }
}

fn score_valence(sentiments: &[f64], text: &str) -> SentimentScores {
    if sentiments.is_empty() {
        return SentimentScores {
            compound: 0.0,
            positive: 0.0,
            neutral: 0.0,
            negative: 0.0,
        };
    }
    let emphasis = punctuation_emphasis(text);
    let mut sum: f64 = sentiments.iter().sum();
    if sum > 0.0 {
        sum += emphasis;
    } else if sum < 0.0 {
        sum -= emphasis;
    }
    let compound = normalize(sum);

    let mut pos_sum = 0.0;
    let mut neg_sum = 0.0;
    let mut neutral_count = 0.0;
    for &s in sentiments {
        // ±1 compensates for neutral words, which are counted as 1 each.
        if s > 0.0 {
            pos_sum += s + 1.0;
        }
        if s < 0.0 {
            neg_sum += s - 1.0;
        }
        if s == 0.0 {
            neutral_count += 1.0;
        }
    }
    if pos_sum > neg_sum.abs() {
        pos_sum += emphasis;
    } else if pos_sum < neg_sum.abs() {
        neg_sum -= emphasis;
    }
    let total = pos_sum + neg_sum.abs() + neutral_count;
    let ratio = |x: f64| {
        let r = (x / total).abs();
        if r.is_finite() {
            r
        } else {
            0.0
        }
    };
    SentimentScores {
        compound,
        positive: ratio(pos_sum),
        neutral: ratio(neutral_count),
        negative: ratio(neg_sum),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        for (text, want) in cases {
            let c = score(&lex, text).compound;
            assert_eq!(Polarity::of(c), *want, "{text:?} scored {c}");
        }
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
        for (c, want) in cases {
            assert_eq!(Polarity::of(c), want, "{c}");
        }
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
