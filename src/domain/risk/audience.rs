//! Audience fit: the creator's audience interests (tags) against the campaign's brand categories.
//!
//! Tags are compared by a match key (case, accents, "#", separators and plural "s" ignored), plus
//! a small table of synonyms, so "#Workouts" covers "fitness" and "Skin-care" covers "beauty".

use serde::{Deserialize, Serialize};

/// Interests that brands and audience tools file under one heading while creators tag the
/// specific activity. Kept small on purpose: each group must be obvious to a marketer, and
/// anything doubtful (is "yoga" fitness or wellness?) is left out rather than guessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SynonymGroup {
    pub name: &'static str,
    pub members: &'static [&'static str],
}

pub const SYNONYMS: &[SynonymGroup] = &[
    SynonymGroup {
        name: "fitness",
        members: &[
            "fitness",
            "gym",
            "workout",
            "training",
            "exercise",
            "bodybuilding",
        ],
    },
    SynonymGroup {
        name: "beauty",
        members: &["beauty", "makeup", "skincare", "cosmetics", "haircare"],
    },
    SynonymGroup {
        name: "food",
        members: &["food", "cooking", "recipes", "foodie", "baking"],
    },
    SynonymGroup {
        name: "travel",
        members: &["travel", "tourism", "wanderlust", "backpacking"],
    },
    SynonymGroup {
        name: "fashion",
        members: &["fashion", "style", "outfits", "clothing", "apparel", "ootd"],
    },
    SynonymGroup {
        name: "gaming",
        members: &["gaming", "video games", "esports", "gamer"],
    },
    SynonymGroup {
        name: "tech",
        members: &["tech", "technology", "gadgets", "electronics"],
    },
    SynonymGroup {
        name: "parenting",
        members: &[
            "parenting",
            "parents",
            "moms",
            "dads",
            "motherhood",
            "fatherhood",
        ],
    },
    SynonymGroup {
        name: "pets",
        members: &["pets", "dogs", "cats"],
    },
    SynonymGroup {
        name: "home",
        members: &["home decor", "interior design", "interiors", "homeware"],
    },
    SynonymGroup {
        name: "wellness",
        members: &[
            "wellness",
            "wellbeing",
            "mental health",
            "self care",
            "mindfulness",
        ],
    },
    SynonymGroup {
        name: "outdoors",
        members: &["outdoors", "hiking", "camping"],
    },
];

/// How a brand category was covered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum MatchVia {
    /// The same tag, give or take case, accents, "#", separators or a plural "s".
    Same,
    /// A different tag of the same synonym group (the group's name).
    Synonym(String),
}

/// A brand category the audience covers, and the audience tag that covers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryMatch {
    pub category: String,
    pub audience_tag: String,
    pub via: MatchVia,
}

/// How well the creator's audience interests cover the campaign's categories.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AudienceFit {
    pub matching: Vec<CategoryMatch>,
    /// Brand categories no audience tag covers.
    pub missing: Vec<String>,
    /// Audience interests that match no brand category (what else the audience cares about).
    pub other_interests: Vec<String>,
    /// Covered categories over all categories, 0 to 1; `None` when either list is empty.
    pub score: Option<f64>,
}

impl AudienceFit {
    /// "2 of 3 brand categories".
    pub fn covered_label(&self) -> String {
        let total = self.matching.len() + self.missing.len();
        format!("{} of {total} brand categories", self.matching.len())
    }

    /// Each covered category, saying how a synonym matched it: "fitness (via “gym”, both fitness)".
    pub fn matching_text(&self) -> Vec<String> {
        self.matching
            .iter()
            .map(|m| match &m.via {
                MatchVia::Same => m.category.clone(),
                MatchVia::Synonym(group) => {
                    format!("{} (via “{}”, both {group})", m.category, m.audience_tag)
                }
            })
            .collect()
    }
}

/// Compares audience interests with brand categories. Both lists as the user typed them;
/// duplicates (by match key) count once.
pub fn audience_fit(audience_tags: &[String], brand_categories: &[String]) -> AudienceFit {
    let audience = dedupe(audience_tags);
    let categories = dedupe(brand_categories);
    let mut fit = AudienceFit::default();
    let mut used = vec![false; audience.len()];
    for (category, category_key) in &categories {
        let same = audience.iter().position(|(_, key)| key == category_key);
        let found = match same {
            Some(i) => Some((i, MatchVia::Same)),
            None => synonym_group(category_key).and_then(|group| {
                audience
                    .iter()
                    .position(|(_, key)| synonym_group(key) == Some(group))
                    .map(|i| (i, MatchVia::Synonym(group.name.to_string())))
            }),
        };
        match found.and_then(|(i, via)| audience.get(i).map(|(tag, _)| (i, tag, via))) {
            Some((i, tag, via)) => {
                if let Some(u) = used.get_mut(i) {
                    *u = true;
                }
                fit.matching.push(CategoryMatch {
                    category: category.clone(),
                    audience_tag: tag.clone(),
                    via,
                });
            }
            None => fit.missing.push(category.clone()),
        }
    }
    // An audience tag in the same synonym group as a matched one is not "other".
    for (i, (tag, key)) in audience.iter().enumerate() {
        let covered = used.get(i).copied().unwrap_or(false)
            || categories.iter().any(|(_, c)| {
                c == key || (synonym_group(c).is_some() && synonym_group(c) == synonym_group(key))
            });
        if !covered {
            fit.other_interests.push(tag.clone());
        }
    }
    if !audience.is_empty() && !categories.is_empty() {
        fit.score = Some(fit.matching.len() as f64 / categories.len() as f64);
    }
    fit
}

/// Splits a pasted list of tags: commas, semicolons, line breaks, "|" and "/" separate tags, and
/// so does each "#" ("#fitness #food" is two tags; "home decor" stays one). Returns the tags as
/// written (without "#"), first spelling kept when two spellings share a match key.
pub fn parse_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for piece in text.split([',', ';', '\n', '\r', '|', '/']) {
        for part in piece.split('#') {
            let tag = part.split_whitespace().collect::<Vec<_>>().join(" ");
            if !tag.is_empty() {
                tags.push(tag);
            }
        }
    }
    dedupe(&tags).into_iter().map(|(tag, _)| tag).collect()
}

/// The key two tags are compared by: accents folded, lower case, "#" and "@" dropped, words
/// joined without separators ("Home-Decor", "#homedecor" and "home décor" all give "homedecor"),
/// "and"/"&" dropped, and each word made singular.
///
/// Plurals are undone crudely but consistently: a final "s" goes (not after "s", "u" or "i":
/// "fitness", "tennis" stay), and a final "y" becomes "ie", so "hobby", "hobbies", "movie" and
/// "movies" each meet their pair. The key is internal; people only ever see their own spelling.
pub fn normalise_tag(tag: &str) -> String {
    let folded = fold_accents(&tag.to_lowercase());
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && *w != "and")
        .map(singular)
        .collect()
}

fn singular(word: &str) -> String {
    let mut w = word.to_string();
    if w.chars().count() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        w.pop();
    }
    if w.chars().count() > 2 && w.ends_with('y') {
        w.pop();
        w.push_str("ie");
    }
    w
}

fn synonym_group(key: &str) -> Option<&'static SynonymGroup> {
    SYNONYMS
        .iter()
        .find(|g| g.members.iter().any(|m| normalise_tag(m) == key))
}

/// Trimmed, "#"/"@"-less display forms with their keys; empty and repeated keys dropped.
fn dedupe(tags: &[String]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for tag in tags {
        let display = tag.trim().trim_start_matches(['#', '@']).trim().to_string();
        let key = normalise_tag(&display);
        if !key.is_empty() && !out.iter().any(|(_, k)| *k == key) {
            out.push((display, key));
        }
    }
    out
}

/// Replaces accented Latin letters with their plain form ("é" → "e", "ß" → "ss", "Æ" → "AE")
/// so "Publicité" and "publicite" or "Décor" and "decor" compare equal. Other characters
/// (including CJK) pass through unchanged.
pub fn fold_accents(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match fold_char(c) {
            Some(plain) => out.push_str(plain),
            None => out.push(c),
        }
    }
    out
}

fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => "A",
        'æ' => "ae",
        'Æ' => "AE",
        'ç' | 'ć' | 'č' => "c",
        'Ç' | 'Ć' | 'Č' => "C",
        'ď' | 'đ' => "d",
        'Ď' | 'Đ' => "D",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => "E",
        'ğ' => "g",
        'Ğ' => "G",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => "I",
        'ł' => "l",
        'Ł' => "L",
        'ñ' | 'ń' | 'ň' => "n",
        'Ñ' | 'Ń' | 'Ň' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => "O",
        'œ' => "oe",
        'Œ' => "OE",
        'ř' => "r",
        'Ř' => "R",
        'ś' | 'š' | 'ş' => "s",
        'Ś' | 'Š' | 'Ş' => "S",
        'ß' => "ss",
        'ť' | 'ţ' => "t",
        'Ť' | 'Ţ' => "T",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => "U",
        'ý' | 'ÿ' => "y",
        'Ý' | 'Ÿ' => "Y",
        'ź' | 'ż' | 'ž' => "z",
        'Ź' | 'Ż' | 'Ž' => "Z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::check_cases;
    use crate::testing::strings;

    #[test]
    fn match_keys() {
        let cases = [
            ("Fitness", "fitness"),
            ("#Fitness", "fitness"),
            ("Home-Decor", "homedecor"),
            ("home décor", "homedecor"),
            ("#homedecor", "homedecor"),
            ("home_decor", "homedecor"),
            ("Recipes", "recipe"),
            ("recipe", "recipe"),
            ("hobbies", "hobbie"),
            ("hobby", "hobbie"),
            ("movies", "movie"),
            ("tennis", "tennis"),
            ("Food & Drink", "fooddrink"),
            ("food and drink", "fooddrink"),
            ("Pâtisserie", "patisserie"),
            ("  ", ""),
            ("美食", "美食"),
        ];
        check_cases(cases, normalise_tag);
    }

    #[test]
    fn accents_fold() {
        assert_eq!(
            fold_accents("Publicité commandité Straße Æsop"),
            "Publicite commandite Strasse AEsop"
        );
        assert_eq!(fold_accents("广告"), "广告");
    }

    #[test]
    fn overlap_cases() {
        // (audience, brand categories, matching categories, missing, score)
        type Case<'a> = (
            &'a [&'a str],
            &'a [&'a str],
            &'a [&'a str],
            &'a [&'a str],
            Option<f64>,
        );
        let cases: &[Case] = &[
            (
                &["fitness", "food"],
                &["Fitness"],
                &["Fitness"],
                &[],
                Some(1.0),
            ),
            (
                &["#Workouts", "travel"],
                &["fitness", "beauty"],
                &["fitness"],
                &["beauty"],
                Some(0.5),
            ),
            (&["Skin-care"], &["beauty"], &["beauty"], &[], Some(1.0)),
            (
                &["cooking", "gym"],
                &["food", "fitness", "tech"],
                &["food", "fitness"],
                &["tech"],
                Some(2.0 / 3.0),
            ),
            (
                &["gaming"],
                &["beauty", "fashion"],
                &[],
                &["beauty", "fashion"],
                Some(0.0),
            ),
            (&[], &["beauty"], &[], &["beauty"], None),
            (&["beauty"], &[], &[], &[], None),
            (
                &["beauty"],
                &["Beauty", "#beauty", "beauty "],
                &["Beauty"],
                &[],
                Some(1.0),
            ),
        ];
        for (audience, brand, matching, missing, score) in cases {
            let fit = audience_fit(&strings(audience), &strings(brand));
            let got: Vec<&str> = fit.matching.iter().map(|m| m.category.as_str()).collect();
            assert_eq!(&got, matching, "{audience:?} vs {brand:?}");
            assert_eq!(fit.missing, strings(missing), "{audience:?} vs {brand:?}");
            assert_eq!(fit.score, *score, "{audience:?} vs {brand:?}");
        }
    }

    #[test]
    fn explains_how_each_category_matched() {
        let fit = audience_fit(
            &strings(&["#Workouts", "Beauty", "cars"]),
            &strings(&["fitness", "beauty"]),
        );
        assert_eq!(
            fit.matching,
            vec![
                CategoryMatch {
                    category: "fitness".into(),
                    audience_tag: "Workouts".into(),
                    via: MatchVia::Synonym("fitness".into()),
                },
                CategoryMatch {
                    category: "beauty".into(),
                    audience_tag: "Beauty".into(),
                    via: MatchVia::Same,
                },
            ]
        );
        assert_eq!(fit.other_interests, strings(&["cars"]));
        assert_eq!(fit.covered_label(), "2 of 2 brand categories");
    }

    #[test]
    fn synonym_groups_do_not_overlap() {
        // A tag in two groups would make matches depend on table order.
        for (i, a) in SYNONYMS.iter().enumerate() {
            for b in SYNONYMS.iter().skip(i + 1) {
                for m in a.members {
                    let key = normalise_tag(m);
                    assert!(
                        !b.members.iter().any(|n| normalise_tag(n) == key),
                        "{m:?} is in both {} and {}",
                        a.name,
                        b.name
                    );
                }
            }
        }
    }

    #[test]
    fn pasted_tag_lists() {
        let cases: &[(&str, &[&str])] = &[
            ("fitness, food; travel", &["fitness", "food", "travel"]),
            ("#fitness #food #Fitness", &["fitness", "food"]),
            (
                "home decor\nDIY | gardening",
                &["home decor", "DIY", "gardening"],
            ),
            ("beauty/skincare", &["beauty", "skincare"]),
            ("  ,, ;", &[]),
        ];
        check_cases(cases.iter().copied(), parse_tags);
    }
}
