//! VADER scoring: the text as tokens, each token's valence after boosters, negation, idioms and "but", and the compound score.

use super::*;

/// A word or emoticon of the text, or one emoji.
#[derive(Debug, Clone)]
pub(super) struct Token {
    /// As written, punctuation stripped: used for the ALL-CAPS check.
    pub(super) raw: String,
    /// Lower-cased, curly apostrophes straightened: used for every lookup.
    pub(super) lower: String,
    /// Set for emoji from [`EMOJI`] / [`NEUTRAL_EMOJI`].
    pub(super) emoji: Option<f64>,
}

impl Token {
    /// The valence the lexicon or emoji table gives this token on its own.
    pub(super) fn valence(&self, lexicon: &Lexicon) -> Option<f64> {
        self.emoji.or_else(|| lexicon.get(&self.lower))
    }
}

pub(super) fn known(lexicon: &Lexicon, token: &Token) -> bool {
    token.valence(lexicon).is_some()
}

/// Splits on whitespace like VADER and makes each known emoji a token of its own.
pub(super) fn tokenize(lexicon: &Lexicon, text: &str) -> Vec<Token> {
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

pub(super) fn emoji_token(c: char, valence: f64) -> Token {
    Token {
        raw: c.to_string(),
        lower: c.to_string(),
        emoji: Some(valence),
    }
}

pub(super) fn lower(s: &str) -> String {
    s.to_lowercase().replace('’', "'")
}

/// VADER strips leading and trailing ASCII punctuation from words but keeps emoticons.
///
/// Differs from VADER: VADER keeps the punctuation whenever the stripped word has two letters or
/// fewer (to protect ":)"), so "ok." or "no," are never found. Here a token that is itself in the
/// lexicon is kept as it is, and otherwise stripped unless nothing would be left.
pub(super) fn word_token(lexicon: &Lexicon, word: &str) -> Token {
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
pub(super) fn is_upper(s: &str) -> bool {
    s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase)
}

pub(super) fn booster(word_lower: &str) -> Option<f64> {
    BOOSTERS
        .iter()
        .find(|(w, _)| *w == word_lower)
        .map(|&(_, v)| v)
}

pub(super) fn special_case(phrase: &str) -> Option<f64> {
    SPECIAL_CASES
        .iter()
        .find(|(p, _)| *p == phrase)
        .map(|&(_, v)| v)
}

pub(super) fn negated(word_lower: &str) -> bool {
    NEGATE.contains(&word_lower) || word_lower.contains("n't")
}

/// Scores plus how many tokens the lexicon or emoji table knew.
pub(super) fn analyse(lexicon: &Lexicon, text: &str) -> (SentimentScores, usize) {
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

pub(super) fn valence_at(
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

pub(super) fn scalar_inc_dec(prev: &Token, valence: f64, cap_diff: bool) -> f64 {
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

pub(super) fn negation_check(valence: f64, words: &[&str], start: usize, i: usize) -> f64 {
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
pub(super) fn special_idioms_check(mut valence: f64, words: &[&str], i: usize) -> f64 {
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
pub(super) fn least_check(
    valence: f64,
    tokens: &[Token],
    words: &[&str],
    lexicon: &Lexicon,
    i: usize,
) -> f64 {
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
pub(super) fn but_check(words: &[&str], sentiments: &mut [f64]) {
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

pub(super) fn punctuation_emphasis(text: &str) -> f64 {
    let exclamations = text.matches('!').count().min(4);
    let questions = text.matches('?').count();
    let qm = match questions {
        0 | 1 => 0.0,
        2 | 3 => questions as f64 * 0.18,
        _ => 0.96,
    };
    exclamations as f64 * 0.292 + qm
}

pub(super) fn normalize(score: f64) -> f64 {
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

pub(super) fn score_valence(sentiments: &[f64], text: &str) -> SentimentScores {
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
