//! Sponsored-post caption checker: for ten jurisdictions (DOMAIN.md §6), is the ad label there, accepted, and where it must be?
//!
//! A tiny tokenizer (no regex) reads the caption into words and hashtags with their position, so
//! "ad" matches "#ad", "AD" and "Ad:" but never "add", "made" or "#adidas", and "#Publicité",
//! "publicite" and "PUBLICITÉ" are one label. Every verdict names the label found, where it was
//! found and the rule it was judged by. Guidance, not legal advice.

use serde::{Deserialize, Serialize};

use crate::domain::text::choice::choices;
use crate::domain::risk::audience::fold_accents;

/// Shown with every result.
pub const DISCLAIMER: &str = "This is guidance, not legal advice. Rules change and depend on the case (paid or gifted, \
platform, format, who the audience is); check the regulator's current guidance or ask a lawyer before you rely on it.";

/// Instagram cuts captions at about 125 characters behind “more”; other platforms show less.
pub const FOLD_CHARS: usize = 125;
/// A run of this many hashtags in a row is a pile a label can get lost in.
pub const PILE_MIN: usize = 3;
/// "At the start" (Germany) means among the first few words.
const START_WORDS: usize = 3;

/// The places whose disclosure rules the checker knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Jurisdiction {
    Us,
    Uk,
    Eu,
    Germany,
    France,
    India,
    Australia,
    Canada,
    China,
    Brazil,
}

choices! {
    Jurisdiction, id, name, parse = Jurisdiction::parse;
    Us => "us", "United States";
    Uk => "uk", "United Kingdom";
    Eu => "eu", "European Union";
    Germany => "de", "Germany";
    France => "fr", "France";
    India => "in", "India";
    Australia => "au", "Australia";
    Canada => "ca", "Canada";
    China => "cn", "China";
    Brazil => "br", "Brazil";
}

impl Jurisdiction {
    /// Who sets the rule and in which document.
    pub fn regulator(self) -> &'static str {
        match self {
            Jurisdiction::Us => "FTC Endorsement Guides",
            Jurisdiction::Uk => "ASA & CMA Influencers' guide",
            Jurisdiction::Eu => "European Commission influencer sweep",
            Jurisdiction::Germany => "Die Medienanstalten guidance and UWG §5a",
            Jurisdiction::France => "Law no. 2023-451 on influencers",
            Jurisdiction::India => "ASCI Guidelines for Influencer Advertising in Digital Media",
            Jurisdiction::Australia => "AANA Code of Ethics, section 2.7",
            Jurisdiction::Canada => "Ad Standards Influencer Marketing Disclosure Guidelines",
            Jurisdiction::China => "SAMR Measures for the Administration of Internet Advertising",
            Jurisdiction::Brazil => "CONAR Guide to Advertising by Digital Influencers",
        }
    }

    /// The year of the rule or of the version the checker follows.
    pub fn year(self) -> u16 {
        match self {
            Jurisdiction::Us => 2023,
            Jurisdiction::Uk => 2020,
            Jurisdiction::Eu => 2024,
            Jurisdiction::Germany => 2022,
            Jurisdiction::France => 2023,
            Jurisdiction::India => 2021,
            Jurisdiction::Australia => 2021,
            Jurisdiction::Canada => 2025,
            Jurisdiction::China => 2023,
            Jurisdiction::Brazil => 2020,
        }
    }

    /// "FTC Endorsement Guides, 2023".
    pub fn citation(self) -> String {
        format!("{}, {}", self.regulator(), self.year())
    }

    /// The rule in one or two sentences, as the checker applies it.
    pub fn rule_summary(self) -> &'static str {
        match self {
            Jurisdiction::Us => "Say “ad”, “advertisement” or “sponsored” (or “thanks to Brand for the free product”) in the first lines, before “more”, not lost in a pile of hashtags. The platform's paid-partnership label alone may not be enough.",
            Jurisdiction::Uk => "Label it “Ad”, “#ad”, “Advert”, “Advertising” or “Advertisement feature”, up front, visible without clicking. “Sponsored”, “spon”, “gifted” alone, “aff”, “collab”, “PR”, “in association with” and “thanks to” are not enough.",
            Jurisdiction::Eu => "Switch on the platform's paid-partnership label and add clear wording such as “ad” or “advertising”, visible immediately. “Collaboration”, “partnership” or a generic thank-you are not enough.",
            Jurisdiction::Germany => "Write “Werbung” or “Anzeige” (or “bezahlte Werbepartnerschaft”) at the start, and on every story slide. The platform label alone, or “#ad” at the end, is not enough.",
            Jurisdiction::France => "Write “Publicité” or “Collaboration commerciale” on the image or video for the whole promotion, plus “Images retouchées” or “Images virtuelles” when a body or face is retouched or made with AI.",
            Jurisdiction::India => "Use “Advertisement”, “Ad”, “Sponsored”, “Collaboration”, “Partnership”, “Employee”, “Free gift” or “Affiliate” up front, in the content's language, not mixed into a group of hashtags or links.",
            Jurisdiction::Australia => "Make it clearly distinguishable as an ad: “#ad”, “#sponsored” or the platform's “Paid partnership with” label. “sp”, “spon”, or “#gifted” alone on a paid post, are not enough.",
            Jurisdiction::Canada => "Use “#ad”, “#sponsored”, “#BrandPartner”, “#BrandAmbassador” (with the brand's name) or “#gifted”; in French “#pub” or “#commandité”; up front and in the creator's language. A disclosure only in the bio or the comments does not count.",
            Jurisdiction::China => "Content with shopping links must be marked “广告” (advertisement) conspicuously.",
            Jurisdiction::Brazil => "Use “publicidade”, “publi”, “publipost” or the platform's paid-partnership tool, visible first without tapping “more”. Hashtags only at the end are not enough.",
        }
    }

    /// Reads an id or a name ("us", "US", "germany", "de").
    pub fn parse(s: &str) -> Option<Jurisdiction> {
        let key: String = s
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        Jurisdiction::ALL.iter().copied().find(|j| {
            key == j.id()
                || key
                    == j.name()
                        .chars()
                        .filter(|c| c.is_alphanumeric())
                        .collect::<String>()
                        .to_lowercase()
        })
    }

    fn rules(self) -> &'static Rules {
        match self {
            Jurisdiction::Us => &US,
            Jurisdiction::Uk => &UK,
            Jurisdiction::Eu => &EU,
            Jurisdiction::Germany => &DE,
            Jurisdiction::France => &FR,
            Jurisdiction::India => &IN,
            Jurisdiction::Australia => &AU,
            Jurisdiction::Canada => &CA,
            Jurisdiction::China => &CN,
            Jurisdiction::Brazil => &BR,
        }
    }
}

/// What the user tells the checker about the post.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisclosureInput {
    pub caption: String,
    /// The platform's own "Paid partnership" label is switched on.
    #[serde(default)]
    pub paid_partnership_label: bool,
    /// Bodies or faces in the images are retouched or made with AI (matters in France).
    #[serde(default)]
    pub retouched_or_ai_images: bool,
}

/// The outcome for one jurisdiction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Verdict {
    /// An accepted label in an accepted place (and any extra requirement met).
    Meets,
    /// No label of any kind.
    Missing,
    /// Only labels this jurisdiction does not accept, or a requirement is missing.
    Weak,
    /// An accepted label, but where viewers may not see it.
    Misplaced,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Meets => "Meets the rule",
            Verdict::Missing => "No disclosure",
            Verdict::Weak => "Not clear enough",
            Verdict::Misplaced => "In the wrong place",
        }
    }
}

/// Where in the caption a label was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Position {
    /// Among the first three words.
    Start,
    /// In the first line, within the first 125 characters.
    FirstLine,
    /// Within the first 125 characters, on a later line.
    BeforeFold,
    /// After the first 125 characters, with more text after it.
    AfterFold,
    /// After the first 125 characters with nothing but hashtags and mentions after it.
    AtEnd,
}

impl Position {
    /// Visible without tapping "more".
    pub fn is_up_front(self) -> bool {
        matches!(
            self,
            Position::Start | Position::FirstLine | Position::BeforeFold
        )
    }

    pub fn describe(self) -> &'static str {
        match self {
            Position::Start => "at the start of the caption",
            Position::FirstLine => "in the first line",
            Position::BeforeFold => "within the first 125 characters, before “more”",
            Position::AfterFold => {
                "after the first 125 characters, where viewers must tap “more” to see it"
            }
            Position::AtEnd => "at the end of the caption, where viewers must tap “more” to see it",
        }
    }
}

/// A label found in the caption.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoundLabel {
    /// The label as the rule names it ("#ad", "Werbung").
    pub label: String,
    /// Exactly as written in the caption ("#AD", "WERBUNG").
    pub as_written: String,
    /// 1-based line of the caption.
    pub line: usize,
    /// 0-based character offset in the caption.
    pub offset: usize,
    pub position: Position,
    /// Size of the hashtag pile it sits in (3 or more), if any.
    pub hashtag_pile: Option<usize>,
    /// For a label this jurisdiction does not accept: why.
    pub why_not_enough: Option<String>,
}

impl FoundLabel {
    /// "in the first line", "at the end of the caption, inside a pile of 6 hashtags".
    pub fn where_found(&self) -> String {
        match self.hashtag_pile {
            Some(n) => format!(
                "{}, inside a pile of {n} hashtags",
                self.position.describe()
            ),
            None => self.position.describe().to_string(),
        }
    }
}

/// The verdict for one jurisdiction, with its reasons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JurisdictionResult {
    pub jurisdiction: Jurisdiction,
    pub verdict: Verdict,
    /// The accepted label the verdict is based on, if one was found.
    pub label: Option<FoundLabel>,
    /// Labels found that this jurisdiction does not accept, each with the reason.
    pub not_enough: Vec<FoundLabel>,
    /// Why this verdict: which label, where, and what the rule wants.
    pub explanation: String,
    /// The rule, cited: "FTC Endorsement Guides, 2023: Say “ad”…".
    pub rule: String,
    /// Things the caption cannot show (video, image overlay, story slides).
    pub notes: Vec<String>,
    pub disclaimer: String,
}

/// Results for every jurisdiction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisclosureReport {
    pub results: Vec<JurisdictionResult>,
    pub disclaimer: String,
}

impl DisclosureReport {
    pub fn get(&self, jurisdiction: Jurisdiction) -> Option<&JurisdictionResult> {
        self.results.iter().find(|r| r.jurisdiction == jurisdiction)
    }
}

/// Checks a caption against all ten jurisdictions.
pub fn check_caption(input: &DisclosureInput) -> DisclosureReport {
    let caption = Caption::read(&input.caption);
    DisclosureReport {
        results: Jurisdiction::ALL
            .iter()
            .map(|&j| judge(&caption, input, j))
            .collect(),
        disclaimer: DISCLAIMER.to_string(),
    }
}

/// Checks a caption against one jurisdiction.
pub fn check(input: &DisclosureInput, jurisdiction: Jurisdiction) -> JurisdictionResult {
    judge(&Caption::read(&input.caption), input, jurisdiction)
}

// ---------------------------------------------------------------------------------------------
// Rules per jurisdiction.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pattern {
    /// Whole words in order ("paid partnership"), or the same words run together as one token
    /// ("#PaidPartnership"). Hashtag or plain word alike.
    Words(&'static str),
    /// Only as a hashtag: the plain word means something else ("pub" is a bar, "SP" São Paulo).
    Hashtag(&'static str),
    /// A hashtag ending with the word after a brand name: "#NikePartner", "#Nike_Ambassador".
    BrandSuffix(&'static str),
    /// "thanks/thank you … free …" within a few words: "Thanks to Brand for the free product".
    ThanksForFree,
    /// Chinese text, matched inside a run of characters (Chinese does not separate words).
    Cjk(&'static str),
}

#[derive(Debug, Clone, Copy)]
struct Label {
    pattern: Pattern,
    /// How the rule names it.
    shown: &'static str,
    /// For labels that are not enough: why.
    why: &'static str,
}

const fn ok(pattern: Pattern, shown: &'static str) -> Label {
    Label {
        pattern,
        shown,
        why: "",
    }
}

const fn weak(pattern: Pattern, shown: &'static str, why: &'static str) -> Label {
    Label {
        pattern,
        shown,
        why,
    }
}

use Pattern::{BrandSuffix, Cjk, Hashtag, ThanksForFree, Words};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Placement {
    /// Among the first words of the caption (Germany: "at the start").
    Start,
    /// Visible without tapping "more", not lost in a hashtag pile.
    UpFront,
    /// Anywhere, as long as it stands out (not lost in a hashtag pile).
    Distinguishable,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Toggle {
    /// The platform's paid-partnership label is an accepted disclosure on its own.
    Enough,
    /// Required together with wording (EU).
    Required,
    /// May not suffice alone; wording decides.
    NotEnoughAlone,
}

struct Rules {
    accepted: &'static [Label],
    not_enough: &'static [Label],
    placement: Placement,
    toggle: Toggle,
    /// What to write instead, in the explanation.
    advice: &'static str,
    notes: &'static [&'static str],
}

const WHY_SP: &str = "abbreviations such as “sp” and “spon” are not understood by most viewers";
const WHY_COLLAB: &str = "“collab” does not say the brand paid or gave something";
const WHY_THANKS: &str =
    "a thank-you alone does not say the post is paid for or the product was free";
const WHY_AMBASSADOR: &str = "“ambassador” does not make clear that the post is paid for";
const WHY_PARTNER: &str = "“partner” is ambiguous: it does not say the post is an ad";

const US: Rules = Rules {
    accepted: &[
        ok(Words("ad"), "ad"),
        ok(Words("advertisement"), "advertisement"),
        ok(Words("advertising"), "advertising"),
        ok(Words("sponsored"), "sponsored"),
        ok(Words("paid partnership"), "paid partnership"),
        ok(ThanksForFree, "thanks to Brand for the free product"),
    ],
    not_enough: &[
        weak(Hashtag("sp"), "#sp", WHY_SP),
        weak(Hashtag("spon"), "#spon", WHY_SP),
        weak(Words("collab"), "collab", WHY_COLLAB),
        weak(Words("thanks"), "thanks", WHY_THANKS),
        weak(Words("thank you"), "thank you", WHY_THANKS),
        weak(Words("ambassador"), "ambassador", WHY_AMBASSADOR),
        weak(
            BrandSuffix("ambassador"),
            "#BrandAmbassador",
            WHY_AMBASSADOR,
        ),
        weak(Words("partner"), "#partner", WHY_PARTNER),
        weak(BrandSuffix("partner"), "#BrandPartner", WHY_PARTNER),
    ],
    placement: Placement::UpFront,
    toggle: Toggle::NotEnoughAlone,
    advice: "Put “#ad” or “Sponsored” at the start of the caption.",
    notes: &[
        "In a video ad, say and show the disclosure in the video itself, not only in the caption.",
    ],
};

const UK: Rules = Rules {
    accepted: &[
        ok(Words("ad"), "#ad"),
        ok(Words("advert"), "Advert"),
        ok(Words("advertising"), "Advertising"),
        ok(Words("advertisement feature"), "Advertisement feature"),
        ok(Words("advertisement"), "Advertisement"),
    ],
    not_enough: &[
        weak(Words("sponsored"), "sponsored", "the ASA and CMA found viewers do not read “sponsored” as clearly as “Ad”"),
        weak(Hashtag("sp"), "#sp", WHY_SP),
        weak(Hashtag("spon"), "#spon", WHY_SP),
        weak(Words("gifted"), "gifted", "“gifted” alone is only for gifts with no payment and no brand control; a paid post needs “Ad”"),
        weak(Words("aff"), "aff", "“aff” is not understood; affiliate posts need “Ad” too"),
        weak(Words("collab"), "collab", WHY_COLLAB),
        weak(Words("pr"), "PR", "“PR” is industry jargon most viewers do not read as advertising"),
        weak(Words("in association with"), "in association with", "it does not say the post is an ad"),
        weak(Words("thanks to"), "thanks to", WHY_THANKS),
    ],
    placement: Placement::UpFront,
    toggle: Toggle::NotEnoughAlone,
    advice: "Put “Ad” or “#ad” at the start of the caption.",
    notes: &[],
};

const EU: Rules = Rules {
    accepted: &[
        ok(Words("ad"), "ad"),
        ok(Words("advert"), "advert"),
        ok(Words("advertisement"), "advertisement"),
        ok(Words("advertising"), "advertising"),
        ok(Words("sponsored"), "sponsored"),
        ok(Words("paid partnership"), "paid partnership"),
        ok(Words("werbung"), "Werbung"),
        ok(Words("anzeige"), "Anzeige"),
        ok(Words("publicite"), "Publicité"),
        ok(Words("collaboration commerciale"), "Collaboration commerciale"),
        ok(Words("pubblicita"), "Pubblicità"),
        ok(Words("publicidad"), "Publicidad"),
        ok(Words("publicidade"), "Publicidade"),
        ok(Words("reclame"), "Reclame"),
        ok(Words("advertentie"), "Advertentie"),
        ok(Words("reklama"), "Reklama"),
    ],
    not_enough: &[
        weak(Words("collaboration"), "collaboration", "the Commission's 2024 sweep found “collaboration” alone does not say it is advertising"),
        weak(Words("partnership"), "partnership", "the Commission's 2024 sweep found “partnership” alone does not say it is advertising"),
        weak(Words("collab"), "collab", WHY_COLLAB),
        weak(Words("partner"), "partner", WHY_PARTNER),
        weak(Words("thanks"), "thanks", WHY_THANKS),
        weak(Words("thank you"), "thank you", WHY_THANKS),
        weak(Hashtag("sp"), "#sp", WHY_SP),
        weak(Hashtag("spon"), "#spon", WHY_SP),
    ],
    placement: Placement::UpFront,
    toggle: Toggle::Required,
    advice: "Switch on the platform's paid-partnership label and put “#ad” (or the local word, e.g. “Werbung”) at the start of the caption.",
    notes: &["The disclosure must stay visible for the whole communication, in the language of the audience."],
};

const DE: Rules = Rules {
    accepted: &[
        ok(Words("bezahlte werbepartnerschaft"), "bezahlte Werbepartnerschaft"),
        ok(Words("werbung"), "Werbung"),
        ok(Words("anzeige"), "Anzeige"),
    ],
    not_enough: &[
        weak(Words("ad"), "#ad", "German regulators expect the German word “Werbung” or “Anzeige”; “#ad”, especially at the end, is not enough"),
        weak(Words("sponsored"), "sponsored", "German regulators expect the German word “Werbung” or “Anzeige”"),
        weak(Words("kooperation"), "Kooperation", "“Kooperation” does not say it is advertising"),
        weak(Words("collab"), "collab", WHY_COLLAB),
        weak(Words("partner"), "partner", WHY_PARTNER),
        weak(Hashtag("sp"), "#sp", WHY_SP),
        weak(Hashtag("spon"), "#spon", WHY_SP),
    ],
    placement: Placement::Start,
    toggle: Toggle::NotEnoughAlone,
    advice: "Start the caption with “Werbung” or “Anzeige”.",
    notes: &["In stories, show “Werbung” on every slide, not just the first."],
};

const FR: Rules = Rules {
    accepted: &[
        ok(Words("publicite"), "Publicité"),
        ok(Words("collaboration commerciale"), "Collaboration commerciale"),
    ],
    not_enough: &[
        weak(Words("pub"), "pub", "the law asks for the full word “Publicité” (or “Collaboration commerciale”)"),
        weak(Words("partenariat"), "partenariat", "the law asks for “Publicité” or “Collaboration commerciale”; “partenariat” is not one of them"),
        weak(Words("collab"), "collab", WHY_COLLAB),
        weak(Words("ad"), "#ad", "the law asks for the French words “Publicité” or “Collaboration commerciale”"),
        weak(Words("sponsorise"), "sponsorisé", "the law asks for “Publicité” or “Collaboration commerciale”"),
        weak(Hashtag("sp"), "#sp", WHY_SP),
        weak(Hashtag("spon"), "#spon", WHY_SP),
    ],
    placement: Placement::Distinguishable,
    toggle: Toggle::NotEnoughAlone,
    advice: "Write “Publicité” or “Collaboration commerciale” in the caption and on the image or video.",
    notes: &["The law asks for the mention on the image or video itself, for the whole promotion; this checker can only read the caption."],
};

const IN: Rules = Rules {
    accepted: &[
        ok(Words("advertisement"), "Advertisement"),
        ok(Words("ad"), "Ad"),
        ok(Words("sponsored"), "Sponsored"),
        ok(Words("collaboration"), "Collaboration"),
        ok(Words("partnership"), "Partnership"),
        ok(Words("employee"), "Employee"),
        ok(Words("free gift"), "Free gift"),
        ok(Words("affiliate"), "Affiliate"),
    ],
    not_enough: &[
        weak(Hashtag("sp"), "#sp", WHY_SP),
        weak(Hashtag("spon"), "#spon", WHY_SP),
        weak(
            Words("collab"),
            "collab",
            "“collab” is not on ASCI's list of labels; write “Collaboration”",
        ),
        weak(
            Words("partner"),
            "partner",
            "“partner” is not on ASCI's list of labels; write “Partnership”",
        ),
    ],
    placement: Placement::UpFront,
    toggle: Toggle::NotEnoughAlone,
    advice: "Put “#ad” or “Sponsored” up front, apart from your other hashtags.",
    notes: &["Use the label in the language of the content, and also over images and in videos."],
};

const AU: Rules = Rules {
    accepted: &[
        ok(Words("ad"), "#ad"),
        ok(Words("sponsored"), "#sponsored"),
        ok(Words("paid partnership"), "Paid partnership with"),
        ok(Words("advertisement"), "advertisement"),
        ok(Words("advertising"), "advertising"),
    ],
    not_enough: &[
        weak(Hashtag("sp"), "#sp", WHY_SP),
        weak(Hashtag("spon"), "#spon", WHY_SP),
        weak(
            Words("gifted"),
            "#gifted",
            "“#gifted” alone is not enough when the creator was paid",
        ),
        weak(Words("collab"), "collab", WHY_COLLAB),
    ],
    placement: Placement::Distinguishable,
    toggle: Toggle::Enough,
    advice: "Add “#ad” where it stands out, or switch on the platform's paid-partnership label.",
    notes: &[],
};

const CA: Rules = Rules {
    accepted: &[
        ok(Words("ad"), "#ad"),
        ok(Words("sponsored"), "#sponsored"),
        ok(BrandSuffix("partner"), "#BrandPartner"),
        ok(BrandSuffix("ambassador"), "#BrandAmbassador"),
        ok(Words("gifted"), "#gifted"),
        ok(Hashtag("pub"), "#pub"),
        ok(Words("commandite"), "#commandité"),
        ok(BrandSuffix("partenaire"), "#Marquepartenaire"),
        ok(BrandSuffix("ambassadeur"), "#Marqueambassadeur"),
    ],
    not_enough: &[
        weak(Hashtag("sp"), "#sp", WHY_SP),
        weak(Hashtag("spon"), "#spon", WHY_SP),
        weak(Words("collab"), "collab", WHY_COLLAB),
        weak(Words("partner"), "#partner", "Canada accepts “#BrandPartner” with the brand's name (e.g. #NikePartner), not a bare “#partner”"),
        weak(Words("ambassador"), "#ambassador", "Canada accepts “#BrandAmbassador” with the brand's name, not a bare “#ambassador”"),
        weak(Words("thanks"), "thanks", WHY_THANKS),
    ],
    placement: Placement::UpFront,
    toggle: Toggle::NotEnoughAlone,
    advice: "Put “#ad” (or “#pub” in French) at the start of the caption.",
    notes: &["A disclosure only in the bio or in the comments does not count."],
};

const CN: Rules = Rules {
    accepted: &[ok(Cjk("广告"), "广告")],
    not_enough: &[weak(
        Words("ad"),
        "ad",
        "Chinese rules ask for the Chinese word “广告”; the English “ad” is not enough",
    )],
    placement: Placement::UpFront,
    toggle: Toggle::NotEnoughAlone,
    advice: "Mark the post “广告” at the start of the caption.",
    notes: &["Applies to content with shopping links, which must be marked as advertising conspicuously."],
};

const BR: Rules = Rules {
    accepted: &[
        ok(Words("publicidade"), "publicidade"),
        ok(Words("publipost"), "publipost"),
        ok(Words("publi"), "publi"),
    ],
    not_enough: &[
        weak(Hashtag("sp"), "#sp", WHY_SP),
        weak(Hashtag("spon"), "#spon", WHY_SP),
        weak(Words("collab"), "collab", WHY_COLLAB),
        weak(Words("parceria"), "parceria", "“parceria” alone does not say it is advertising; write “publicidade” or “publi”"),
    ],
    placement: Placement::UpFront,
    toggle: Toggle::Enough,
    advice: "Start the caption with “#publi” or “Publicidade”, or switch on the platform's paid-partnership tool.",
    notes: &[],
};

/// "Images retouchées" / "Images virtuelles" (France, law 2023-451).
const FR_IMAGE_NOTICES: &[Label] = &[
    ok(Words("images retouchees"), "Images retouchées"),
    ok(Words("image retouchee"), "Image retouchée"),
    ok(Words("images virtuelles"), "Images virtuelles"),
    ok(Words("image virtuelle"), "Image virtuelle"),
];

// ---------------------------------------------------------------------------------------------
// Tokenizer.

#[derive(Debug, Clone, PartialEq, Eq)]
struct Token {
    /// Lower case, accents folded, underscores removed, "#" / "@" dropped.
    norm: String,
    hashtag: bool,
    mention: bool,
    /// Character offsets in the caption, end exclusive (the "#" included).
    start: usize,
    end: usize,
    /// 0-based line.
    line: usize,
}

/// The caption as tokens, plus what placement needs.
struct Caption {
    chars: Vec<char>,
    tokens: Vec<Token>,
    /// For each token: the size of the hashtag run it is in (0 for non-hashtags).
    pile: Vec<usize>,
}

impl Caption {
    fn read(text: &str) -> Caption {
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
            if sigil || c.is_alphanumeric() {
                let start = i;
                if sigil {
                    i += 1;
                }
                let mut raw = String::new();
                while let Some(&w) = chars.get(i) {
                    let keep = w.is_alphanumeric() || (sigil && w == '_') || (c == '@' && w == '.');
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

    fn text(&self, start: usize, end: usize) -> String {
        self.chars
            .get(start..end)
            .map(|s| s.iter().collect())
            .unwrap_or_default()
    }

    /// Where the occurrence spanning tokens `first..=last` sits.
    fn locate(&self, first: usize, last: usize, offset: usize) -> (Position, Option<usize>) {
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

/// Hashtags in a row form a pile; mentions between them neither break nor grow it.
fn pile_sizes(tokens: &[Token]) -> Vec<usize> {
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

fn close_run(run: &mut Vec<usize>, sizes: &mut [usize]) {
    for &k in run.iter() {
        if let Some(s) = sizes.get_mut(k) {
            *s = run.len();
        }
    }
    run.clear();
}

/// One match of a pattern: token range (inclusive) and character span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Occurrence {
    first: usize,
    last: usize,
    start: usize,
    end: usize,
}

fn find(caption: &Caption, pattern: Pattern) -> Vec<Occurrence> {
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

fn overlaps(a: &Occurrence, b: &Occurrence) -> bool {
    a.start < b.end && b.start < a.end
}

fn found_label(
    caption: &Caption,
    label: &Label,
    occ: &Occurrence,
    why: Option<&str>,
) -> FoundLabel {
    let (position, hashtag_pile) = caption.locate(occ.first, occ.last, occ.start);
    let line = caption
        .tokens
        .get(occ.first)
        .map(|t| t.line + 1)
        .unwrap_or(1);
    FoundLabel {
        label: label.shown.to_string(),
        as_written: caption.text(occ.start, occ.end),
        line,
        offset: occ.start,
        position,
        hashtag_pile,
        why_not_enough: why.map(str::to_string),
    }
}

fn placement_ok(placement: Placement, found: &FoundLabel) -> bool {
    let not_lost = found.hashtag_pile.is_none();
    match placement {
        Placement::Start => found.position == Position::Start && not_lost,
        Placement::UpFront => found.position.is_up_front() && not_lost,
        Placement::Distinguishable => not_lost,
    }
}

fn placement_wanted(placement: Placement) -> &'static str {
    match placement {
        Placement::Start => {
            "it must come at the very start of the caption, not lost among hashtags"
        }
        Placement::UpFront => "it must be visible before “more” and not lost in a pile of hashtags",
        Placement::Distinguishable => "it must stand out, not be lost in a pile of hashtags",
    }
}

/// Every accepted and not-enough label in the caption, in caption order.
fn scan(caption: &Caption, rules: &Rules) -> (Vec<(FoundLabel, Occurrence)>, Vec<FoundLabel>) {
    let mut accepted: Vec<(FoundLabel, Occurrence)> = Vec::new();
    for label in rules.accepted {
        for occ in find(caption, label.pattern) {
            // "advertisement feature" and "advertisement" both match: keep the longer, first listed.
            if accepted.iter().all(|(_, o)| !overlaps(o, &occ)) {
                accepted.push((found_label(caption, label, &occ, None), occ));
            }
        }
    }
    accepted.sort_by_key(|(f, _)| f.offset);
    let mut weak_found: Vec<(FoundLabel, Occurrence)> = Vec::new();
    for label in rules.not_enough {
        for occ in find(caption, label.pattern) {
            let clash = accepted.iter().any(|(_, o)| overlaps(o, &occ))
                || weak_found.iter().any(|(_, o)| overlaps(o, &occ));
            if !clash {
                weak_found.push((found_label(caption, label, &occ, Some(label.why)), occ));
            }
        }
    }
    weak_found.sort_by_key(|(f, _)| f.offset);
    (accepted, weak_found.into_iter().map(|(f, _)| f).collect())
}

fn judge(
    caption: &Caption,
    input: &DisclosureInput,
    jurisdiction: Jurisdiction,
) -> JurisdictionResult {
    let rules = jurisdiction.rules();
    let (accepted, not_enough) = scan(caption, rules);
    let well_placed = accepted
        .iter()
        .find(|(f, _)| placement_ok(rules.placement, f))
        .map(|(f, _)| f.clone());
    let first_accepted = accepted.first().map(|(f, _)| f.clone());
    let toggle = input.paid_partnership_label;
    let mut notes: Vec<String> = rules.notes.iter().map(|s| s.to_string()).collect();

    let (mut verdict, label, mut explanation) = match (&well_placed, &first_accepted) {
        (Some(f), _) => {
            let text = format!(
                "Found “{}” {}, which this rule accepts.",
                f.as_written,
                f.where_found()
            );
            (Verdict::Meets, Some(f.clone()), text)
        }
        (None, Some(f)) => {
            let text = format!(
                "Found “{}”, but {}: {}. {}",
                f.as_written,
                f.where_found(),
                placement_wanted(rules.placement),
                rules.advice
            );
            (Verdict::Misplaced, Some(f.clone()), text)
        }
        (None, None) if !not_enough.is_empty() => {
            let listed: Vec<String> = not_enough
                .iter()
                .map(|f| {
                    format!(
                        "“{}” ({}): {}",
                        f.as_written,
                        f.where_found(),
                        f.why_not_enough
                            .as_deref()
                            .unwrap_or("not an accepted label")
                    )
                })
                .collect();
            let text = format!(
                "Only labels that are not enough here: {}. {}",
                listed.join("; "),
                rules.advice
            );
            (Verdict::Weak, None, text)
        }
        (None, None) => {
            let text = format!("No disclosure label found in the caption. {}", rules.advice);
            (Verdict::Missing, None, text)
        }
    };

    match rules.toggle {
        Toggle::Enough if toggle && verdict != Verdict::Meets => {
            verdict = Verdict::Meets;
            explanation = "The platform's paid-partnership label is switched on, which this rule accepts as a disclosure.".to_string();
        }
        Toggle::Required => match (toggle, verdict) {
            (false, Verdict::Meets) => {
                verdict = Verdict::Weak;
                explanation.push_str(" But the platform's paid-partnership label is off: the EU expects the label and clear wording together. Switch it on.");
            }
            (true, Verdict::Missing | Verdict::Weak) => {
                verdict = Verdict::Weak;
                explanation = "The platform's paid-partnership label is on, but the caption has no clear wording; the EU expects both. Put “#ad” (or the local word, e.g. “Werbung”) at the start of the caption.".to_string();
            }
            _ => {}
        },
        Toggle::NotEnoughAlone if toggle && matches!(verdict, Verdict::Missing) => {
            verdict = Verdict::Weak;
            explanation = format!(
                "Only the platform's paid-partnership label is on; here it may not be enough on its own. {}",
                rules.advice
            );
        }
        _ => {}
    }

    if jurisdiction == Jurisdiction::France {
        let notice = FR_IMAGE_NOTICES
            .iter()
            .flat_map(|l| find(caption, l.pattern).into_iter().map(move |o| (l, o)))
            .min_by_key(|(_, o)| o.start);
        match (input.retouched_or_ai_images, notice) {
            (true, None) => {
                if verdict == Verdict::Meets {
                    verdict = Verdict::Weak;
                }
                explanation.push_str(" The images are retouched or made with AI: the law also requires “Images retouchées” (retouched) or “Images virtuelles” (AI-made), which is missing.");
            }
            (true, Some((_, o))) => notes.push(format!(
                "Found “{}” for the retouched or AI-made images; show it on the image too.",
                caption.text(o.start, o.end)
            )),
            (false, _) => notes.push(
                "If a body or face in the images is retouched or made with AI, add “Images retouchées” or “Images virtuelles”.".to_string(),
            ),
        }
    }

    JurisdictionResult {
        jurisdiction,
        verdict,
        label,
        not_enough,
        explanation,
        rule: format!(
            "{}: {}",
            jurisdiction.citation(),
            jurisdiction.rule_summary()
        ),
        notes,
        disclaimer: DISCLAIMER.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(caption: &str, j: Jurisdiction) -> Verdict {
        check(
            &DisclosureInput {
                caption: caption.to_string(),
                ..DisclosureInput::default()
            },
            j,
        )
        .verdict
    }

    /// Long enough to push what follows past the 125-character fold.
    const FILLER: &str = "Spent the whole weekend testing these trail shoes on wet rocks, mud and a very long descent, and honestly they held up better than I expected";

    fn after_fold(label: &str) -> String {
        format!("{FILLER}. More thoughts soon. {label} Let me know what you think!")
    }

    fn at_end(label: &str) -> String {
        format!("{FILLER}.\n#hiking #trail {label} #shoes")
    }

    fn pile(label: &str) -> String {
        format!("New shoes! #hiking #trail {label} #shoes #outdoors")
    }

    #[test]
    fn every_jurisdiction_pass_fail_misplaced() {
        use Jurisdiction::*;
        use Verdict::*;
        // (jurisdiction, caption, expected)
        let cases: Vec<(Jurisdiction, String, Verdict)> = vec![
            // United States
            (Us, "#ad Loving these trail shoes from @brand".into(), Meets),
            (Us, "Sponsored by Brand: my new trail shoes".into(), Meets),
            (
                Us,
                "Thanks to Brand for the free shoes! Loving them".into(),
                Meets,
            ),
            (Us, "Loving these trail shoes".into(), Missing),
            (Us, "Loving these trail shoes #sp".into(), Weak),
            (Us, "Thanks @brand! Loving these trail shoes".into(), Weak),
            (Us, "#collab with @brand".into(), Weak),
            (Us, after_fold("#ad"), Misplaced),
            (Us, pile("#ad"), Misplaced),
            // United Kingdom
            (Uk, "Ad | my new trail shoes".into(), Meets),
            (Uk, "Advertisement feature: trail shoes".into(), Meets),
            (Uk, "#sponsored trail shoes".into(), Weak),
            (Uk, "PR package from @brand, thanks to them".into(), Weak),
            (Uk, "#gifted trail shoes".into(), Weak),
            (Uk, "trail shoes".into(), Missing),
            (Uk, at_end("#ad"), Misplaced),
            // European Union: wording alone is not enough (toggle tested separately)
            (Eu, "#ad trail shoes".into(), Weak),
            (Eu, "In collaboration with @brand".into(), Weak),
            (Eu, "trail shoes".into(), Missing),
            // Germany
            (Germany, "Werbung | Meine neuen Trailschuhe".into(), Meets),
            (Germany, "#Anzeige neue Schuhe".into(), Meets),
            (
                Germany,
                "Bezahlte Werbepartnerschaft mit @brand".into(),
                Meets,
            ),
            (
                Germany,
                "Meine neuen Trailschuhe, ich liebe sie so sehr #werbung".into(),
                Misplaced,
            ),
            (Germany, "Meine neuen Trailschuhe #ad".into(), Weak),
            (Germany, "In Kooperation mit @brand".into(), Weak),
            (Germany, "Meine neuen Trailschuhe".into(), Missing),
            // France
            (France, "Publicité : mes nouvelles chaussures".into(), Meets),
            (France, "PUBLICITE mes chaussures".into(), Meets),
            (
                France,
                "Collaboration commerciale avec @marque".into(),
                Meets,
            ),
            (France, "#pub mes chaussures".into(), Weak),
            (France, "En partenariat avec @marque".into(), Weak),
            (France, "mes chaussures".into(), Missing),
            (France, pile("#publicité"), Misplaced),
            // India
            (India, "#ad New trail shoes".into(), Meets),
            (India, "Collaboration with @brand: new shoes".into(), Meets),
            (India, "Free gift from @brand".into(), Meets),
            (India, pile("#ad"), Misplaced),
            (India, "New shoes #collab".into(), Weak),
            (India, "New shoes".into(), Missing),
            // Australia
            (Australia, "#ad New trail shoes".into(), Meets),
            (Australia, after_fold("#sponsored"), Meets),
            (Australia, pile("#ad"), Misplaced),
            (Australia, "New shoes #gifted".into(), Weak),
            (Australia, "New shoes #spon".into(), Weak),
            (Australia, "New shoes".into(), Missing),
            // Canada
            (Canada, "#NikePartner new shoes".into(), Meets),
            (Canada, "#gifted new shoes".into(), Meets),
            (Canada, "#commandité nouvelles chaussures".into(), Meets),
            (Canada, "#pub nouvelles chaussures".into(), Meets),
            (Canada, "Great night at the pub".into(), Missing),
            (Canada, "#partner new shoes".into(), Weak),
            (Canada, after_fold("#ad"), Misplaced),
            // China
            (China, "广告｜这款面霜真的好用".into(), Meets),
            (China, "#广告# 这款面霜".into(), Meets),
            (China, "这是广告，面霜很好用".into(), Meets),
            (China, "这款面霜真的好用".into(), Missing),
            (China, "ad: 这款面霜".into(), Weak),
            (China, after_fold("广告"), Misplaced),
            // Brazil
            (Brazil, "#publi Meus novos tênis".into(), Meets),
            (Brazil, "Publicidade: meus novos tênis".into(), Meets),
            (Brazil, at_end("#publi"), Misplaced),
            (Brazil, "Meus novos tênis #parceria".into(), Weak),
            (Brazil, "Meus novos tênis em SP".into(), Missing),
        ];
        for (j, caption, want) in &cases {
            let got = check(
                &DisclosureInput {
                    caption: caption.clone(),
                    ..DisclosureInput::default()
                },
                *j,
            );
            assert_eq!(
                got.verdict,
                *want,
                "{} on {caption:?}: {}",
                j.name(),
                got.explanation
            );
        }
        // Every jurisdiction has at least one passing, failing and misplaced-or-weak case.
        for j in Jurisdiction::ALL {
            let verdicts: Vec<Verdict> = cases.iter().filter(|c| c.0 == j).map(|c| c.2).collect();
            assert!(
                verdicts.contains(&Missing) || j == Eu,
                "{} needs a failing case",
                j.name()
            );
            assert!(verdicts.len() >= 3, "{} needs more cases", j.name());
        }
    }

    #[test]
    fn word_boundaries() {
        // (caption, is "ad" found)
        let cases = [
            ("#ad", true),
            ("AD: new shoes", true),
            ("Ad.", true),
            ("(ad)", true),
            ("#AD #hiking", true),
            ("#ad_", true),
            ("add this to your list", false),
            ("I made this", false),
            ("#adidas shoes", false),
            ("#adventure", false),
            ("headline", false),
            ("a d", false),
            ("", false),
        ];
        for (caption, want) in cases {
            let got = verdict(caption, Jurisdiction::Us) != Verdict::Missing;
            assert_eq!(got, want, "{caption:?}");
        }
    }

    #[test]
    fn case_accents_and_hashtags() {
        use Jurisdiction::*;
        let cases = [
            ("#Werbung neue Schuhe", Germany),
            ("WERBUNG neue Schuhe", Germany),
            ("#publicité mes chaussures", France),
            ("Publicite mes chaussures", France),
            ("#PUBLICITÉ mes chaussures", France),
            ("#CollaborationCommerciale avec @marque", France),
            ("#Collaboration_Commerciale avec @marque", France),
            ("#COMMANDITE chaussures", Canada),
            ("#PaidPartnership with @brand", Us),
            ("＃ad new shoes", Us),
        ];
        for (caption, j) in cases {
            assert_eq!(
                verdict(caption, j),
                Verdict::Meets,
                "{caption:?} in {}",
                j.name()
            );
        }
    }

    #[test]
    fn explains_label_place_and_rule() {
        let r = check(
            &DisclosureInput {
                caption: pile("#ad"),
                ..DisclosureInput::default()
            },
            Jurisdiction::Us,
        );
        assert_eq!(r.verdict, Verdict::Misplaced);
        let label = r.label.clone().unwrap_or_else(|| panic!("label expected"));
        assert_eq!(label.as_written, "#ad");
        assert_eq!(label.hashtag_pile, Some(5));
        assert!(
            r.explanation.contains("inside a pile of 5 hashtags"),
            "{}",
            r.explanation
        );
        assert!(
            r.rule.starts_with("FTC Endorsement Guides, 2023"),
            "{}",
            r.rule
        );
        assert!(r.disclaimer.contains("not legal advice"));

        let r = check(
            &DisclosureInput {
                caption: "Loving it #sp #collab".into(),
                ..DisclosureInput::default()
            },
            Jurisdiction::Us,
        );
        let named: Vec<&str> = r.not_enough.iter().map(|f| f.as_written.as_str()).collect();
        assert_eq!(named, ["#sp", "#collab"]);
        assert!(
            r.explanation.contains("“#sp”") && r.explanation.contains("abbreviations"),
            "{}",
            r.explanation
        );

        let r = check(
            &DisclosureInput {
                caption: at_end("#ad"),
                ..DisclosureInput::default()
            },
            Jurisdiction::Uk,
        );
        let label = r.label.unwrap_or_else(|| panic!("label expected"));
        assert_eq!(label.position, Position::AtEnd);
        assert_eq!(label.line, 2);
        assert!(
            r.explanation.contains("at the end of the caption"),
            "{}",
            r.explanation
        );
    }

    #[test]
    fn positions() {
        // (caption, where "#ad" is)
        let cases = [
            ("#ad new shoes", Position::Start, None),
            (
                "My new trail shoes are great #ad",
                Position::FirstLine,
                None,
            ),
            (
                "My new trail shoes.\nSo comfy.\nLove them #ad",
                Position::BeforeFold,
                None,
            ),
            (&after_fold("#ad") as &str, Position::AfterFold, None),
            (&at_end("#ad"), Position::AtEnd, Some(4)),
            ("#ad #hiking #trail new shoes", Position::Start, None),
            ("#hiking #trail #ad new shoes", Position::Start, None),
            (
                "#a #b #c #hiking #trail #ad new shoes",
                Position::FirstLine,
                Some(6),
            ),
            (
                "New! #hiking @anna #trail #ad",
                Position::FirstLine,
                Some(3),
            ),
        ];
        for (caption, position, pile) in cases {
            let r = check(
                &DisclosureInput {
                    caption: caption.to_string(),
                    ..DisclosureInput::default()
                },
                Jurisdiction::Us,
            );
            let label = r.label.unwrap_or_else(|| panic!("no label in {caption:?}"));
            assert_eq!(
                (label.position, label.hashtag_pile),
                (position, pile),
                "{caption:?}"
            );
        }
    }

    #[test]
    fn platform_label() {
        use Jurisdiction::*;
        let with_toggle = |caption: &str, j: Jurisdiction| {
            check(
                &DisclosureInput {
                    caption: caption.to_string(),
                    paid_partnership_label: true,
                    retouched_or_ai_images: false,
                },
                j,
            )
            .verdict
        };
        // (caption, jurisdiction, verdict with the toggle on)
        let cases = [
            ("#ad trail shoes", Eu, Verdict::Meets),
            ("trail shoes", Eu, Verdict::Weak),
            ("collaboration with @brand", Eu, Verdict::Weak),
            ("trail shoes", Us, Verdict::Weak),
            ("trail shoes", Germany, Verdict::Weak),
            ("trail shoes", Australia, Verdict::Meets),
            ("trail shoes", Brazil, Verdict::Meets),
            ("#ad trail shoes", Us, Verdict::Meets),
            (&pile("#ad") as &str, Us, Verdict::Misplaced),
        ];
        for (caption, j, want) in cases {
            assert_eq!(with_toggle(caption, j), want, "{caption:?} in {}", j.name());
        }
    }

    #[test]
    fn france_retouched_images() {
        let input = |caption: &str, retouched: bool| DisclosureInput {
            caption: caption.to_string(),
            paid_partnership_label: false,
            retouched_or_ai_images: retouched,
        };
        let r = check(&input("Publicité – ma routine", true), Jurisdiction::France);
        assert_eq!(r.verdict, Verdict::Weak);
        assert!(
            r.explanation.contains("Images retouchées"),
            "{}",
            r.explanation
        );
        let r = check(
            &input("Publicité – Images retouchées – ma routine", true),
            Jurisdiction::France,
        );
        assert_eq!(r.verdict, Verdict::Meets);
        assert!(
            r.notes.iter().any(|n| n.contains("Images retouchées")),
            "{:?}",
            r.notes
        );
        let r = check(
            &input("Publicité · image virtuelle", true),
            Jurisdiction::France,
        );
        assert_eq!(r.verdict, Verdict::Meets);
        let r = check(
            &input("Publicité – ma routine", false),
            Jurisdiction::France,
        );
        assert_eq!(r.verdict, Verdict::Meets);
        assert!(r.notes.iter().any(|n| n.contains("Images virtuelles")));
        // Only France cares.
        assert_eq!(
            check(&input("#ad my routine", true), Jurisdiction::Us).verdict,
            Verdict::Meets
        );
    }

    #[test]
    fn report_covers_all_ten() {
        let report = check_caption(&DisclosureInput {
            caption: "#ad #werbung #publicité new shoes".into(),
            ..DisclosureInput::default()
        });
        assert_eq!(report.results.len(), 10);
        assert!(report.disclaimer.contains("not legal advice"));
        for j in Jurisdiction::ALL {
            let r = report
                .get(j)
                .unwrap_or_else(|| panic!("{} missing", j.name()));
            assert!(
                r.rule.contains(&j.year().to_string()),
                "{}: {}",
                j.name(),
                r.rule
            );
            assert!(!r.explanation.is_empty());
            assert_eq!(Jurisdiction::parse(j.id()), Some(j));
            assert_eq!(Jurisdiction::parse(j.name()), Some(j));
        }
        assert_eq!(
            report.get(Jurisdiction::Germany).map(|r| r.verdict),
            Some(Verdict::Meets)
        );
        assert_eq!(
            report.get(Jurisdiction::China).map(|r| r.verdict),
            Some(Verdict::Weak)
        );
    }

    #[test]
    fn ids_are_unique() {
        for (i, a) in Jurisdiction::ALL.iter().enumerate() {
            for b in Jurisdiction::ALL.iter().skip(i + 1) {
                assert_ne!(a.id(), b.id());
            }
        }
    }
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn arbitrary_captions_never_panic(caption in "\\PC{0,300}", toggle: bool, retouched: bool) {
            let report = check_caption(&DisclosureInput { caption, paid_partnership_label: toggle, retouched_or_ai_images: retouched });
            prop_assert_eq!(report.results.len(), 10);
        }

        #[test]
        fn label_soup_never_panics(words in proptest::collection::vec(
            prop_oneof![
                Just("#ad"), Just("ad"), Just("#"), Just("@"), Just("#_"), Just("广告"), Just("\n"),
                Just("thanks"), Just("free"), Just("#NikePartner"), Just("paid"), Just("partnership"),
                Just("Publicité"), Just("images"), Just("retouchées"), Just("＃"), Just("é"),
            ], 0..40)) {
            let caption = words.join(" ");
            let report = check_caption(&DisclosureInput { caption: caption.clone(), paid_partnership_label: false, retouched_or_ai_images: true });
            for r in &report.results {
                if let Some(l) = &r.label {
                    prop_assert!(l.offset <= caption.chars().count());
                }
            }
        }
    }
}
