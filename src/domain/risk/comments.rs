//! Generic comments ("nice", "great pic", "🔥🔥", "follow me"): when half or more of a sample is generic, engagement may be bought.
//!
//! Published heuristic (DOMAIN.md §5): generic or emoji-only comments at 50% or more of a post's
//! comments point to comment pods, bots or bought engagement; 1 to 3 out of 20 is normal. The
//! rules are word lists, not a model, so every verdict can be explained by pointing at the list.

use serde::{Deserialize, Serialize};

use crate::risk::sentiment::{comment_lines, is_emoji, is_emoji_modifier};
use crate::text::choice::choices;
use crate::text::format::clip;

/// Shown with the share: what a healthy sample looks like.
pub const NORMAL_SHARE_NOTE: &str =
    "In a genuine audience about 1 to 3 comments out of 20 are generic; half or more is a sign of bought engagement or comment pods.";

/// How many generic comments a summary keeps as examples.
const MAX_EXAMPLES: usize = 5;
const MAX_EXAMPLE_CHARS: usize = 120;
/// Longer than this, a comment says something even if every word is a stock word.
const MAX_STOCK_WORDS: usize = 8;

/// Words that, with nothing else, make a comment that could sit under any post.
///
/// Matched after lower-casing and collapsing stretched letters ("niiice", "sooo"), so only the
/// plain spelling is listed. A comment made only of these words (eight at most) is stock praise:
/// "great pic", "love it", "so beautiful", "keep it up". One real word ("love this colour")
/// makes it specific, so the list can afford common words such as "this" or "you".
pub const STOCK_WORDS: &[&str] = &[
    "a",
    "account",
    "agree",
    "amazing",
    "and",
    "are",
    "awesome",
    "babe",
    "beautiful",
    "beauty",
    "best",
    "brilliant",
    "bro",
    "content",
    "congrats",
    "congratulations",
    "cool",
    "cute",
    "dear",
    "dude",
    "epic",
    "ever",
    "excellent",
    "fab",
    "fabulous",
    "facts",
    "fantastic",
    "feed",
    "fire",
    "for",
    "girl",
    "goals",
    "going",
    "good",
    "gorgeous",
    "great",
    "guys",
    "haha",
    "hahaha",
    "i",
    "i'm",
    "im",
    "incredible",
    "is",
    "it",
    "it's",
    "its",
    "job",
    "keep",
    "king",
    "legend",
    "like",
    "lit",
    "lmao",
    "lol",
    "look",
    "looking",
    "looks",
    "love",
    "loved",
    "lovely",
    "mood",
    "much",
    "my",
    "nice",
    "omg",
    "one",
    "outstanding",
    "page",
    "perfect",
    "photo",
    "photos",
    "pic",
    "pics",
    "picture",
    "post",
    "pretty",
    "profile",
    "queen",
    "really",
    "same",
    "sharing",
    "shot",
    "sis",
    "so",
    "stunning",
    "such",
    "super",
    "thank",
    "thanks",
    "that",
    "the",
    "this",
    "top",
    "true",
    "u",
    "up",
    "ur",
    "very",
    "vibe",
    "vibes",
    "video",
    "wonderful",
    "work",
    "wow",
    "yay",
    "yes",
    "you",
    "your",
    "100",
];

/// Phrases of spam and self-promotion; anywhere in a comment they make it generic, whatever else it says.
pub const SELF_PROMOTION_PHRASES: &[&str] = &[
    "follow me",
    "follow back",
    "follow for follow",
    "like for like",
    "f4f",
    "l4l",
    "sub4sub",
    "check my page",
    "check out my page",
    "check my profile",
    "check out my profile",
    "check my bio",
    "visit my page",
    "dm me",
    "dm us",
    "dm to collab",
    "dm for collab",
    "send a dm",
    "send pic",
    "send us a dm",
    "promote it on",
    "promote your",
    "be an ambassador",
    "lets collab",
    "let's collab",
    "collab with me",
    "earn money",
];

/// Why a comment counts as generic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GenericKind {
    /// Only emoji (and punctuation), e.g. "🔥🔥".
    EmojiOnly,
    /// A single word, or only punctuation, e.g. "Nice!".
    OneWord,
    /// Only stock praise words, e.g. "great pic", "love it so much".
    StockPraise,
    /// Spam or self-promotion, e.g. "follow me", "DM to collab".
    SelfPromotion,
}

choices! {
    GenericKind, id, label;
    EmojiOnly => "emoji-only", "emoji only";
    OneWord => "one-word", "one word";
    StockPraise => "stock-praise", "stock praise";
    SelfPromotion => "self-promotion", "spam or self-promotion";
}

impl GenericKind {
    /// Why this kind says little about a real audience.
    pub fn explanation(self) -> &'static str {
        match self {
            GenericKind::EmojiOnly => "Emoji alone can be left in a second by anyone, including bots and comment pods.",
            GenericKind::OneWord => "One word fits under any post; it does not show the viewer watched this one.",
            GenericKind::StockPraise => "Made only of stock words (“great pic”, “love it”): it could sit under any post.",
            GenericKind::SelfPromotion => "Spam or self-promotion (“follow me”, “DM to collab”) comes from accounts chasing their own reach, not fans.",
        }
    }
}

/// One generic comment kept as an example.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenericExample {
    /// The comment, shortened to 120 characters.
    pub text: String,
    pub kind: GenericKind,
}

/// Generic comments in a pasted sample (one comment per line).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenericSummary {
    /// Comments read (non-blank lines).
    pub total: usize,
    /// Comments that are generic, of any kind.
    pub generic: usize,
    pub emoji_only: usize,
    pub one_word: usize,
    pub stock_praise: usize,
    pub self_promotion: usize,
    /// The first few generic comments, in the order pasted.
    pub examples: Vec<GenericExample>,
}

impl GenericSummary {
    /// Generic comments over all comments; `None` for an empty sample.
    pub fn share(&self) -> Option<f64> {
        (self.total > 0).then(|| self.generic as f64 / self.total as f64)
    }

    pub fn count(&self, kind: GenericKind) -> usize {
        match kind {
            GenericKind::EmojiOnly => self.emoji_only,
            GenericKind::OneWord => self.one_word,
            GenericKind::StockPraise => self.stock_praise,
            GenericKind::SelfPromotion => self.self_promotion,
        }
    }
}

/// Reads a pasted sample, one comment per line, and counts the generic ones.
pub fn summarise_generic(sample: &str) -> GenericSummary {
    let mut summary = GenericSummary::default();
    for comment in comment_lines(sample) {
        summary.total += 1;
        let Some(kind) = classify(comment) else {
            continue;
        };
        summary.generic += 1;
        match kind {
            GenericKind::EmojiOnly => summary.emoji_only += 1,
            GenericKind::OneWord => summary.one_word += 1,
            GenericKind::StockPraise => summary.stock_praise += 1,
            GenericKind::SelfPromotion => summary.self_promotion += 1,
        }
        if summary.examples.len() < MAX_EXAMPLES {
            summary.examples.push(GenericExample {
                text: clip(comment, MAX_EXAMPLE_CHARS),
                kind,
            });
        }
    }
    summary
}

/// The kind of generic comment this is, or `None` when it says something specific.
///
/// Order matters: spam wins over everything; a comment that tags someone ("@anna look") is a
/// person sharing the post with a friend, and a question ("Price?") is a real signal even when
/// short, so neither is generic.
pub fn classify(comment: &str) -> Option<GenericKind> {
    let parts = Parts::of(comment);
    if parts.has_link || contains_phrase(&parts.words, SELF_PROMOTION_PHRASES) {
        return Some(GenericKind::SelfPromotion);
    }
    if parts.mentions > 0 || parts.question {
        return None;
    }
    if parts.words.is_empty() {
        return Some(if parts.emoji > 0 {
            GenericKind::EmojiOnly
        } else {
            GenericKind::OneWord
        });
    }
    if parts.words.len() == 1 {
        return Some(GenericKind::OneWord);
    }
    if parts.words.len() <= MAX_STOCK_WORDS && parts.words.iter().all(|w| is_stock_word(w)) {
        return Some(GenericKind::StockPraise);
    }
    None
}

/// What a comment is made of.
#[derive(Debug, Default)]
struct Parts {
    /// Lower-case words and hashtag texts, in order.
    words: Vec<String>,
    mentions: usize,
    emoji: usize,
    question: bool,
    has_link: bool,
}

impl Parts {
    fn of(comment: &str) -> Parts {
        let text = comment.to_lowercase().replace('’', "'");
        let mut parts = Parts {
            question: text.contains('?'),
            has_link: text.contains("http://")
                || text.contains("https://")
                || text.contains("www."),
            ..Parts::default()
        };
        let mut word = String::new();
        let mut in_mention = false;
        for c in text.chars() {
            if c.is_alphanumeric() || c == '\'' || (in_mention && (c == '_' || c == '.')) {
                word.push(c);
            } else {
                parts.finish_word(&mut word, in_mention);
                in_mention = c == '@';
                // Skin tones and joiners belong to the emoji before them: not counted twice.
                if is_emoji(c) && !is_emoji_modifier(c) {
                    parts.emoji += 1;
                }
            }
        }
        parts.finish_word(&mut word, in_mention);
        parts
    }

    fn finish_word(&mut self, word: &mut String, mention: bool) {
        let trimmed = word.trim_matches('\'');
        if !trimmed.is_empty() {
            if mention {
                self.mentions += 1;
            } else {
                self.words.push(trimmed.to_string());
            }
        }
        word.clear();
    }
}

/// Stretched spellings ("niiice", "loooove", "goood") are matched by squeezing runs of a letter
/// to one and to two, so both "nice" and "good" are found.
fn is_stock_word(word: &str) -> bool {
    STOCK_WORDS.contains(&word)
        || STOCK_WORDS.contains(&squeeze(word, 1).as_str())
        || STOCK_WORDS.contains(&squeeze(word, 2).as_str())
}

fn squeeze(word: &str, keep: usize) -> String {
    let mut out = String::with_capacity(word.len());
    let mut last: Option<char> = None;
    let mut run = 0;
    for c in word.chars() {
        if Some(c) == last {
            run += 1;
        } else {
            run = 1;
            last = Some(c);
        }
        if run <= keep {
            out.push(c);
        }
    }
    out
}

/// True when one of `phrases` appears as whole words, in order, in `words`.
fn contains_phrase(words: &[String], phrases: &[&str]) -> bool {
    phrases.iter().any(|phrase| {
        let target: Vec<&str> = phrase.split(' ').collect();
        !target.is_empty()
            && words.windows(target.len()).any(|w| {
                w.iter()
                    .zip(&target)
                    .all(|(a, b)| a == b || squeeze(a, 1) == *b)
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::check_cases;

    #[test]
    fn kinds_of_comment() {
        use GenericKind::*;
        let cases: &[(&str, Option<GenericKind>)] = &[
            ("🔥🔥", Some(EmojiOnly)),
            ("😍😍😍!!!", Some(EmojiOnly)),
            ("❤️👏🏽", Some(EmojiOnly)),
            ("nice", Some(OneWord)),
            ("Nice!", Some(OneWord)),
            ("Niiiice 🔥", Some(OneWord)),
            ("!!!", Some(OneWord)),
            ("great pic", Some(StockPraise)),
            ("Great pic!! 😍", Some(StockPraise)),
            ("love it", Some(StockPraise)),
            ("Loooove this so much", Some(StockPraise)),
            ("goood vibes", Some(StockPraise)),
            ("keep it up bro", Some(StockPraise)),
            ("You are sooo beautiful", Some(StockPraise)),
            ("follow me", Some(SelfPromotion)),
            ("Great post! Check my page for more 🔥", Some(SelfPromotion)),
            ("DM to collab 💌", Some(SelfPromotion)),
            (
                "Send pic to @brand.shop to be an ambassador",
                Some(SelfPromotion),
            ),
            ("visit www.cheap-followers.example", Some(SelfPromotion)),
            ("f4f?", Some(SelfPromotion)),
            // Specific, genuine comments.
            ("Where did you get that jacket?", None),
            ("Price?", None),
            ("love this colour on you", None),
            ("I tried the recipe and my kids loved it", None),
            ("@anna_b look", None),
            ("@anna_b", None),
            ("@anna_b 😂😂", None),
            ("??", None),
            ("this made me think about my own garden", None),
            // "add" and "made" are not stock words; "ad" never enters this list.
            ("add more", None),
        ];
        for (comment, want) in cases {
            assert_eq!(classify(comment), *want, "{comment:?}");
        }
    }

    #[test]
    fn long_strings_of_stock_words_say_something() {
        let nine = "love love love love love love love love love";
        assert_eq!(classify(nine), None);
        let eight = "love love love love love love love love";
        assert_eq!(classify(eight), Some(GenericKind::StockPraise));
    }

    #[test]
    fn shares_of_a_sample() {
        // (sample, total, generic): 2 of 20 is a normal audience; 12 of 20 is suspicious.
        let specific = "Where is this place?\nI made this last week, so good with lime\nHow long did the dough rest?\nYour tips saved my sourdough\n";
        let normal = format!(
            "{}nice\n🔥🔥\n",
            specific.repeat(4) + "The colours in this one are unreal\nwhich lens?\n"
        );
        let bought = format!(
            "{}{}",
            "nice\ngreat pic\n😍😍\nfollow me\n".repeat(3),
            specific.repeat(2)
        );
        let cases: &[(&str, usize, usize)] = &[
            (&normal, 20, 2),
            (&bought, 20, 12),
            ("", 0, 0),
            ("\n  \n", 0, 0),
        ];
        for (sample, total, generic) in cases {
            let s = summarise_generic(sample);
            assert_eq!((s.total, s.generic), (*total, *generic), "{sample:?}");
        }
        let s = summarise_generic(&bought);
        assert_eq!(s.share(), Some(0.6));
        assert_eq!(
            (s.one_word, s.stock_praise, s.emoji_only, s.self_promotion),
            (3, 3, 3, 3)
        );
        assert_eq!(s.examples.len(), MAX_EXAMPLES);
        assert_eq!(
            s.examples.first(),
            Some(&GenericExample {
                text: "nice".into(),
                kind: GenericKind::OneWord
            })
        );
        assert_eq!(
            summarise_generic("").share(),
            None,
            "an empty sample is n/a, not 0%"
        );
        for kind in GenericKind::ALL {
            assert_eq!(s.count(kind), 3);
        }
    }

    #[test]
    fn examples_are_clipped() {
        let long = format!("follow me {}", "x".repeat(300));
        let s = summarise_generic(&long);
        let text = s
            .examples
            .first()
            .map(|e| e.text.clone())
            .unwrap_or_default();
        assert_eq!(text.chars().count(), MAX_EXAMPLE_CHARS + 1);
    }

    #[test]
    fn squeezing_stretched_letters() {
        let cases = [
            (("niiiice", 1), "nice"),
            (("goood", 2), "good"),
            (("goood", 1), "god"),
            (("", 1), ""),
        ];
        check_cases(cases, |(word, keep)| squeeze(word, keep));
    }
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
            let s = summarise_generic(&text);
            prop_assert!(s.generic <= s.total);
            prop_assert_eq!(s.generic, s.emoji_only + s.one_word + s.stock_praise + s.self_promotion);
            if let Some(share) = s.share() {
                prop_assert!((0.0..=1.0).contains(&share));
            }
        }
    }
}
