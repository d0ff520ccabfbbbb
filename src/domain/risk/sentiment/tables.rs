//! VADER 3.3.2's constants and word tables (negations, boosters, idioms) and the emoji valences, as published.

// Empirically derived constants from vaderSentiment.py 3.3.2.
pub(super) const B_INCR: f64 = 0.293;
pub(super) const B_DECR: f64 = -0.293;
pub(super) const C_INCR: f64 = 0.733;
pub(super) const N_SCALAR: f64 = -0.74;
/// Approximates the largest expected sum of valences; keeps the compound inside -1..1.
pub(super) const NORMALIZE_ALPHA: f64 = 15.0;
/// Longest comment kept for display in a summary; the score always uses the whole text.
pub(super) const MAX_SHOWN_CHARS: usize = 280;

pub(super) const NEGATE: &[&str] = &[
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
pub(super) const BOOSTERS: &[(&str, f64)] = &[
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
pub(super) const SPECIAL_CASES: [(&str, f64); 9] = [
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

pub(super) const fn emo(emoji: char, reads_as: &'static str, valence: f64) -> EmojiValence {
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
pub(super) const NEUTRAL_EMOJI: [char; 10] =
    ['💀', '😭', '🤔', '👀', '🙃', '🥺', '🥲', '😳', '😐', '😮'];

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
