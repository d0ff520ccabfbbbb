//! The caption tokenizer: words and hashtags with their positions, hashtag piles, and where a label pattern occurs.

use crate::risk::audience::fold_accents;

use super::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Token {
    /// Lower case, accents folded, underscores removed, "#" / "@" dropped.
    pub(super) norm: String,
    pub(super) hashtag: bool,
    pub(super) mention: bool,
    /// Character offsets in the caption, end exclusive (the "#" included).
    pub(super) start: usize,
    pub(super) end: usize,
    /// 0-based line.
    pub(super) line: usize,
}

/// The caption as tokens, plus what placement needs.
pub(super) struct Caption {
    pub(super) chars: Vec<char>,
    pub(super) tokens: Vec<Token>,
    /// For each token: the size of the hashtag run it is in (0 for non-hashtags).
    pub(super) pile: Vec<usize>,
}

impl Caption {
    pub(super) fn read(text: &str) -> Caption {
        let chars: Vec<char> = text.chars().collect();
        let mut tokens = Vec::new();
        let mut line = 0;
        let mut i = 0;
        while let Some(&c) = chars.get(i) {
            if c == '\n' {
                line += 1;
                i += 1;
                continue;
            }
            let sigil = (c == '#' || c == '@' || c == '＃')
                && chars
                    .get(i + 1)
                    .is_some_and(|&n| n.is_alphanumeric() || n == '_');
            if sigil || is_word_char(c) {
                let start = i;
                if sigil {
                    i += 1;
                }
                let mut raw = String::new();
                while let Some(&w) = chars.get(i) {
                    let keep = is_word_char(w) || (sigil && w == '_') || (c == '@' && w == '.');
                    if !keep {
                        break;
                    }
                    raw.push(w);
                    i += 1;
                }
                let norm: String = fold_accents(&raw.to_lowercase())
                    .chars()
                    .filter(|&ch| ch != '_')
                    .collect();
                tokens.push(Token {
                    norm,
                    hashtag: sigil && c != '@',
                    mention: c == '@',
                    start,
                    end: i,
                    line,
                });
            } else {
                i += 1;
            }
        }
        let pile = pile_sizes(&tokens);
        Caption {
            chars,
            tokens,
            pile,
        }
    }

    pub(super) fn text(&self, start: usize, end: usize) -> String {
        self.chars
            .get(start..end)
            .map(|s| s.iter().collect())
            .unwrap_or_default()
    }

    /// Where the occurrence spanning tokens `first..=last` sits.
    pub(super) fn locate(
        &self,
        first: usize,
        last: usize,
        offset: usize,
    ) -> (Position, Option<usize>) {
        let Some(token) = self.tokens.get(first) else {
            return (Position::AtEnd, None);
        };
        let pile = self.pile.get(first).copied().unwrap_or(0);
        let words_before = self
            .tokens
            .iter()
            .take(first)
            .filter(|t| !t.mention)
            .count();
        let position = if words_before < START_WORDS && offset < FOLD_CHARS {
            Position::Start
        } else if offset < FOLD_CHARS && token.line == 0 {
            Position::FirstLine
        } else if offset < FOLD_CHARS {
            Position::BeforeFold
        } else if self
            .tokens
            .iter()
            .skip(last + 1)
            .all(|t| t.hashtag || t.mention)
        {
            Position::AtEnd
        } else {
            Position::AfterFold
        };
        // A label among the first words opens the caption even when hashtags follow: not lost.
        let in_pile = (pile >= PILE_MIN && position != Position::Start).then_some(pile);
        (position, in_pile)
    }
}

/// Letters and digits, and the Devanagari signs (virama, vowel signs) that are not letters to
/// Unicode but sit inside Hindi words: "विज्ञापन" is one word, not two.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{0900}'..='\u{097F}').contains(&c)
}

/// Hashtags in a row form a pile; mentions between them neither break nor grow it.
pub(super) fn pile_sizes(tokens: &[Token]) -> Vec<usize> {
    let mut sizes = vec![0; tokens.len()];
    let mut run: Vec<usize> = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        if t.hashtag {
            run.push(k);
        } else if !t.mention {
            close_run(&mut run, &mut sizes);
        }
    }
    close_run(&mut run, &mut sizes);
    sizes
}

pub(super) fn close_run(run: &mut Vec<usize>, sizes: &mut [usize]) {
    for &k in run.iter() {
        if let Some(s) = sizes.get_mut(k) {
            *s = run.len();
        }
    }
    run.clear();
}

/// One match of a pattern: token range (inclusive) and character span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Occurrence {
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) start: usize,
    pub(super) end: usize,
}

pub(super) fn find(caption: &Caption, pattern: Pattern) -> Vec<Occurrence> {
    let tokens = &caption.tokens;
    let mut found = Vec::new();
    let single = |k: usize, t: &Token| Occurrence {
        first: k,
        last: k,
        start: t.start,
        end: t.end,
    };
    match pattern {
        Words(phrase) => {
            let words: Vec<&str> = phrase.split(' ').collect();
            let joined: String = words.concat();
            for (k, t) in tokens.iter().enumerate() {
                if t.mention {
                    continue;
                }
                if t.norm == joined {
                    found.push(single(k, t));
                    continue;
                }
                if words.len() > 1 {
                    let window = tokens.get(k..k + words.len());
                    let matches = window.is_some_and(|w| {
                        w.iter()
                            .zip(&words)
                            .all(|(t, word)| !t.mention && t.norm == *word)
                    });
                    if let Some(last) = matches.then(|| tokens.get(k + words.len() - 1)).flatten() {
                        found.push(Occurrence {
                            first: k,
                            last: k + words.len() - 1,
                            start: t.start,
                            end: last.end,
                        });
                    }
                }
            }
        }
        Hashtag(word) => {
            for (k, t) in tokens.iter().enumerate() {
                if t.hashtag && t.norm == word {
                    found.push(single(k, t));
                }
            }
        }
        BrandSuffix(suffix) => {
            for (k, t) in tokens.iter().enumerate() {
                // At least two letters of brand name before the suffix.
                if t.hashtag
                    && t.norm.ends_with(suffix)
                    && t.norm.chars().count() >= suffix.chars().count() + 2
                {
                    found.push(single(k, t));
                }
            }
        }
        ThanksForFree => {
            for (k, t) in tokens.iter().enumerate() {
                if !matches!(t.norm.as_str(), "thanks" | "thank" | "thx") {
                    continue;
                }
                let free = tokens
                    .iter()
                    .enumerate()
                    .skip(k + 1)
                    .take(10)
                    .find(|(_, f)| f.norm == "free");
                if let Some((j, f)) = free {
                    found.push(Occurrence {
                        first: k,
                        last: j,
                        start: t.start,
                        end: f.end,
                    });
                }
            }
        }
        Cjk(text) => {
            for (k, t) in tokens.iter().enumerate() {
                if let Some(byte) = t.norm.find(text) {
                    let skip = t.norm.get(..byte).map(|s| s.chars().count()).unwrap_or(0);
                    let sigil = usize::from(t.hashtag || t.mention);
                    let start = t.start + sigil + skip;
                    found.push(Occurrence {
                        first: k,
                        last: k,
                        start,
                        end: start + text.chars().count(),
                    });
                }
            }
        }
    }
    found
}
