//! What each jurisdiction accepts as an ad label, and where: the rule data behind every verdict.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pattern {
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
pub(super) struct Label {
    pub(super) pattern: Pattern,
    /// How the rule names it.
    pub(super) shown: &'static str,
    /// For labels that are not enough: why.
    pub(super) why: &'static str,
}

pub(super) const fn ok(pattern: Pattern, shown: &'static str) -> Label {
    Label {
        pattern,
        shown,
        why: "",
    }
}

pub(super) const fn weak(pattern: Pattern, shown: &'static str, why: &'static str) -> Label {
    Label {
        pattern,
        shown,
        why,
    }
}

pub(super) use Pattern::{BrandSuffix, Cjk, Hashtag, ThanksForFree, Words};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Placement {
    /// Among the first words of the caption (Germany: "at the start").
    Start,
    /// In the first line, seen at first sight in the feed (Brazil 2026: without tapping "more";
    /// feeds show a line or two, so the app reads it as the first line).
    FirstSight,
    /// Visible without tapping "more", not lost in a hashtag pile.
    UpFront,
    /// Anywhere, as long as it stands out (not lost in a hashtag pile).
    Distinguishable,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Toggle {
    /// The platform's paid-partnership label is an accepted disclosure on its own.
    Enough,
    /// Required together with wording (EU).
    Required,
    /// May not suffice alone; wording decides.
    NotEnoughAlone,
}

/// A law, code or guide a rule comes from, with the date it took effect or was published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instrument {
    pub name: &'static str,
    pub date: &'static str,
}

/// An instrument in the rule tables: its name and the date it took effect or was published.
pub(super) const fn cite(name: &'static str, date: &'static str) -> Instrument {
    Instrument { name, date }
}

impl Instrument {
    /// "DMCC Act 2024, consumer enforcement (in force 6 April 2025)".
    pub fn cited(self) -> String {
        format!("{} ({})", self.name, self.date)
    }
}

pub(super) struct Rules {
    /// Where the rule comes from, the main instrument first.
    pub(super) instruments: &'static [Instrument],
    pub(super) accepted: &'static [Label],
    pub(super) not_enough: &'static [Label],
    pub(super) placement: Placement,
    pub(super) toggle: Toggle,
    /// What to write instead, in the explanation.
    pub(super) advice: &'static str,
    pub(super) notes: &'static [&'static str],
    /// Why a virtual or AI-made persona must say so here; `None` where no rule asks it.
    pub(super) virtual_persona: Option<&'static str>,
}

/// Labels that are weak wherever they appear (DOMAIN.md §8): "thanks to", "collab", "sp",
/// "spon". Checked after a jurisdiction's own list, whose reasons are more specific.
pub(super) const COMMON_WEAK: &[Label] = &[
    weak(Hashtag("sp"), "#sp", WHY_SP),
    weak(Words("spon"), "spon", WHY_SP),
    weak(Words("collab"), "collab", WHY_COLLAB),
    weak(Words("thanks to"), "thanks to", WHY_THANKS),
    weak(Words("thanks"), "thanks", WHY_THANKS),
    weak(Words("thank you"), "thank you", WHY_THANKS),
];

/// A caption line saying the persona is virtual or AI-made.
pub(super) const PERSONA_NOTICES: &[Label] = &[
    ok(Words("virtual influencer"), "virtual influencer"),
    ok(Words("virtual creator"), "virtual creator"),
    ok(Words("virtual persona"), "virtual persona"),
    ok(Words("ai influencer"), "AI influencer"),
    ok(Words("ai creator"), "AI creator"),
    ok(Words("ai generated"), "AI-generated"),
    ok(Words("made with ai"), "made with AI"),
    ok(Words("not a real person"), "not a real person"),
    ok(Words("not human"), "not human"),
    ok(Words("cgi"), "CGI"),
];
pub(super) const WHY_SP: &str =
    "abbreviations such as “sp” and “spon” are not understood by most viewers";
pub(super) const WHY_COLLAB: &str = "“collab” does not say the brand paid or gave something";
pub(super) const WHY_THANKS: &str =
    "a thank-you alone does not say the post is paid for or the product was free";
pub(super) const WHY_AMBASSADOR: &str =
    "“ambassador” does not make clear that the post is paid for";
pub(super) const WHY_PARTNER: &str = "“partner” is ambiguous: it does not say the post is an ad";

pub(super) const US: Rules = Rules {
    instruments: &[
        cite("FTC Guides Concerning the Use of Endorsements and Testimonials in Advertising (16 CFR Part 255)", "revised 29 June 2023"),
        cite("FTC Trade Regulation Rule on the Use of Consumer Reviews and Testimonials (16 CFR Part 465)", "in force 21 October 2024"),
    ],
    accepted: &[
        ok(Words("ad"), "ad"),
        ok(Words("advertisement"), "advertisement"),
        ok(Words("advertising"), "advertising"),
        ok(Words("sponsored"), "sponsored"),
        ok(Words("paid partnership"), "paid partnership"),
        ok(ThanksForFree, "thanks to Brand for the free product"),
    ],
    not_enough: &[
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
    advice: "Put “#ad” or “Sponsored by Brand” at the start of the caption.",
    notes: &[
        "In a video ad, say and show the disclosure in the video itself, not only in the caption.",
        "“Sponsored by Brand” is clearer than a bare “Sponsored”: name the brand.",
        "Since 21 October 2024 buying or selling fake followers or views is itself prohibited (Consumer Reviews and Testimonials rule).",
    ],
    virtual_persona: None,
};

pub(super) const UK: Rules = Rules {
    instruments: &[
        cite("ASA & CMA Influencers' guide to making clear that ads are ads", "2020"),
        cite("Digital Markets, Competition and Consumers Act 2024, consumer enforcement", "in force 6 April 2025"),
    ],
    accepted: &[
        ok(Words("ad"), "#ad"),
        ok(Words("advert"), "Advert"),
        ok(Words("advertising"), "Advertising"),
        ok(Words("advertisement feature"), "Advertisement feature"),
        ok(Words("advertisement"), "Advertisement"),
    ],
    not_enough: &[
        weak(Words("sponsored"), "sponsored", "the ASA and CMA found viewers do not read “sponsored” as clearly as “Ad”"),
        weak(Words("gifted"), "gifted", "“gifted” alone is only for gifts with no payment and no brand control; a paid post needs “Ad”"),
        weak(Words("aff"), "aff", "“aff” is not understood; affiliate posts need “Ad” too"),
        weak(Words("pr"), "PR", "“PR” is industry jargon most viewers do not read as advertising"),
        weak(Words("in association with"), "in association with", "it does not say the post is an ad"),
        weak(Words("thanks to"), "thanks to", WHY_THANKS),
    ],
    placement: Placement::UpFront,
    toggle: Toggle::NotEnoughAlone,
    advice: "Put “Ad” or “#ad” at the start of the caption.",
    notes: &[
        "Since 6 April 2025 the CMA fines directly under the DMCC Act, up to 10% of global turnover.",
        "Keep labelling posts about the brand for 12 months after the relationship ends.",
    ],
    virtual_persona: Some("the DMCC Act regime counts virtual personas as influencers, and viewers must not be misled about who is speaking; the app's reading: say in the caption that the persona is virtual"),
};

pub(super) const EU: Rules = Rules {
    instruments: &[
        cite("Unfair Commercial Practices Directive, as applied in the Commission's influencer sweep", "results published 14 February 2024"),
    ],
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
        weak(Words("partner"), "partner", WHY_PARTNER),
    ],
    placement: Placement::UpFront,
    toggle: Toggle::Required,
    advice: "Switch on the platform's paid-partnership label and put “#ad” (or the local word, e.g. “Werbung”) at the start of the caption.",
    notes: &["The disclosure must stay visible for the whole communication, in the language of the audience."],
    virtual_persona: None,
};

pub(super) const DE: Rules = Rules {
    instruments: &[
        cite("Die Medienanstalten, Leitfaden Werbekennzeichnung bei Online-Medien", "2022 edition"),
        cite("UWG §5a (unfair competition act)", "as amended 28 May 2022"),
    ],
    accepted: &[
        ok(Words("bezahlte werbepartnerschaft"), "bezahlte Werbepartnerschaft"),
        ok(Words("werbung"), "Werbung"),
        ok(Words("anzeige"), "Anzeige"),
    ],
    not_enough: &[
        weak(Words("ad"), "#ad", "German regulators expect the German word “Werbung” or “Anzeige”; “#ad”, especially at the end, is not enough"),
        weak(Words("sponsored"), "sponsored", "German regulators expect the German word “Werbung” or “Anzeige”"),
        weak(Words("kooperation"), "Kooperation", "“Kooperation” does not say it is advertising"),
        weak(Words("partner"), "partner", WHY_PARTNER),
    ],
    placement: Placement::Start,
    toggle: Toggle::NotEnoughAlone,
    advice: "Start the caption with “Werbung” or “Anzeige”.",
    notes: &["In stories, show “Werbung” on every slide, not just the first."],
    virtual_persona: None,
};

pub(super) const FR: Rules = Rules {
    instruments: &[
        cite("Law no. 2023-451 on commercial influence", "9 June 2023"),
        cite("Ordonnance no. 2024-978 amending it", "6 November 2024"),
    ],
    accepted: &[
        ok(Words("publicite"), "Publicité"),
        ok(Words("collaboration commerciale"), "Collaboration commerciale"),
    ],
    not_enough: &[
        weak(Words("pub"), "pub", "the law asks for the full word “Publicité” (or “Collaboration commerciale”)"),
        weak(Words("partenariat"), "partenariat", "the law asks for “Publicité” or “Collaboration commerciale”; “partenariat” is not one of them"),
        weak(Words("ad"), "#ad", "the law asks for the French words “Publicité” or “Collaboration commerciale”"),
        weak(Words("sponsorise"), "sponsorisé", "the law asks for “Publicité” or “Collaboration commerciale”"),
    ],
    placement: Placement::Distinguishable,
    toggle: Toggle::NotEnoughAlone,
    advice: "Write “Publicité” or “Collaboration commerciale” in the caption and on the image or video.",
    notes: &[
        "The mention belongs on the image or video itself, clear and legible; since the November 2024 amendment it no longer has to stay on screen for the whole video. This checker can only read the caption.",
        "A written contract between the brand and the influencer is required.",
    ],
    virtual_persona: None,
};

pub(super) const IN: Rules = Rules {
    instruments: &[
        cite("ASCI Guidelines for Influencer Advertising in Digital Media", "May 2021"),
        cite("CCPA Endorsement Know-hows! for celebrities, influencers and virtual influencers", "January 2023"),
    ],
    accepted: &[
        ok(Words("advertisement"), "Advertisement"),
        ok(Words("ad"), "Ad"),
        ok(Words("sponsored"), "Sponsored"),
        ok(Words("collaboration"), "Collaboration"),
        ok(Words("partnership"), "Partnership"),
        ok(Words("employee"), "Employee"),
        ok(Words("free gift"), "Free gift"),
        ok(Words("affiliate"), "Affiliate"),
        // The label may be in the ad's language: Hindi "advertisement" and "sponsored".
        ok(Words("विज्ञापन"), "विज्ञापन (advertisement)"),
        ok(Words("प्रायोजित"), "प्रायोजित (sponsored)"),
    ],
    not_enough: &[
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
    notes: &[
        "Write the label in English or in the language of the ad (e.g. “विज्ञापन” in a Hindi post), and also over images and in videos.",
        "In a live stream, label it at the start and at the end.",
    ],
    virtual_persona: Some("ASCI and the CCPA's 2023 guidance require virtual influencers to tell their audience they are not human"),
};

pub(super) const AU: Rules = Rules {
    instruments: &[
        cite("AANA Code of Ethics, section 2.7", "in force 1 February 2021"),
        cite("AANA practice note on influencer and affiliate marketing", "as current in 2026"),
    ],
    accepted: &[
        ok(Words("ad"), "#ad"),
        ok(Words("sponsored"), "#sponsored"),
        ok(Words("paid partnership"), "Paid Partnership"),
        ok(Words("paid promotion"), "Paid Promotion"),
        ok(Words("branded content"), "Branded Content"),
        ok(Words("advert"), "Advert"),
        ok(Words("advertisement"), "advertisement"),
        ok(Words("advertising"), "Advertising"),
    ],
    not_enough: &[
        weak(
            Words("gifted"),
            "#gifted",
            "the AANA practice note lists “gifted” as unclear; alone it is not enough, least of all when the creator was paid",
        ),
        weak(
            Words("affiliate"),
            "Affiliate",
            "the AANA practice note lists “Affiliate” as unclear: it does not say the post is an ad",
        ),
    ],
    placement: Placement::Distinguishable,
    toggle: Toggle::Enough,
    advice: "Add “#ad” where it stands out, or switch on the platform's paid-partnership label.",
    notes: &[],
    virtual_persona: None,
};

pub(super) const CA: Rules = Rules {
    instruments: &[
        cite("Ad Standards Influencer Marketing Disclosure Guidelines", "October 2025"),
    ],
    accepted: &[
        ok(Words("ad"), "#ad"),
        ok(Words("invited guest"), "#InvitedGuest"),
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
        weak(Words("partner"), "#partner", "Canada accepts “#BrandPartner” with the brand's name (e.g. #NikePartner), not a bare “#partner”"),
        weak(Words("ambassador"), "#ambassador", "Canada accepts “#BrandAmbassador” with the brand's name, not a bare “#ambassador”"),
    ],
    placement: Placement::UpFront,
    toggle: Toggle::NotEnoughAlone,
    advice: "Put “#ad” (or “#pub” in French) at the start of the caption.",
    notes: &[
        "“#Ad” on its own is the best practice (Ad Standards, October 2025); “#Gifted” fits a gift with no duty to post, and “#InvitedGuest” an event the creator was invited to.",
        "A disclosure only in the bio or in the comments never counts.",
    ],
    virtual_persona: Some("Ad Standards' October 2025 guidelines require AI-generated influencers to disclose that they are AI-generated"),
};

pub(super) const CN: Rules = Rules {
    instruments: &[cite("SAMR Measures for the Administration of Internet Advertising", "in force 1 May 2023")],
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
    virtual_persona: None,
};

pub(super) const BR: Rules = Rules {
    instruments: &[cite("CONAR Guide to Advertising by Digital Influencers, new edition", "in force 1 June 2026")],
    accepted: &[
        ok(Words("publicidade"), "publicidade"),
        ok(Words("publipost"), "publipost"),
        ok(Words("publi"), "publi"),
    ],
    not_enough: &[
        weak(Words("parceria"), "parceria", "“parceria” alone does not say it is advertising; write “publicidade” or “publi”"),
    ],
    placement: Placement::FirstSight,
    toggle: Toggle::Enough,
    advice: "Start the caption with “#publi” or “#publicidade”, or switch on the platform's paid-partnership tool.",
    notes: &["The 2026 guide names “#publicidade” and “#publi”; the label must be seen at first sight, without tapping “more”."],
    virtual_persona: None,
};

/// "Images retouchées" / "Images virtuelles" (France, law 2023-451).
pub(super) const FR_IMAGE_NOTICES: &[Label] = &[
    ok(Words("images retouchees"), "Images retouchées"),
    ok(Words("image retouchee"), "Image retouchée"),
    ok(Words("images virtuelles"), "Images virtuelles"),
    ok(Words("image virtuelle"), "Image virtuelle"),
];
