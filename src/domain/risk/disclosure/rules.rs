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

pub(super) struct Rules {
    pub(super) accepted: &'static [Label],
    pub(super) not_enough: &'static [Label],
    pub(super) placement: Placement,
    pub(super) toggle: Toggle,
    /// What to write instead, in the explanation.
    pub(super) advice: &'static str,
    pub(super) notes: &'static [&'static str],
}

pub(super) const WHY_SP: &str =
    "abbreviations such as “sp” and “spon” are not understood by most viewers";
pub(super) const WHY_COLLAB: &str = "“collab” does not say the brand paid or gave something";
pub(super) const WHY_THANKS: &str =
    "a thank-you alone does not say the post is paid for or the product was free";
pub(super) const WHY_AMBASSADOR: &str =
    "“ambassador” does not make clear that the post is paid for";
pub(super) const WHY_PARTNER: &str = "“partner” is ambiguous: it does not say the post is an ad";

pub(super) const US: Rules = Rules {
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

pub(super) const UK: Rules = Rules {
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

pub(super) const EU: Rules = Rules {
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

pub(super) const DE: Rules = Rules {
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

pub(super) const FR: Rules = Rules {
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

pub(super) const IN: Rules = Rules {
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

pub(super) const AU: Rules = Rules {
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

pub(super) const CA: Rules = Rules {
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

pub(super) const CN: Rules = Rules {
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

pub(super) const BR: Rules = Rules {
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
pub(super) const FR_IMAGE_NOTICES: &[Label] = &[
    ok(Words("images retouchees"), "Images retouchées"),
    ok(Words("image retouchee"), "Image retouchée"),
    ok(Words("images virtuelles"), "Images virtuelles"),
    ok(Words("image virtuelle"), "Image virtuelle"),
];
