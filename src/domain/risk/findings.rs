//! The risk tools' results as the entries a creator's dossier keeps: a comment sample's counts
//! from the two summaries the comment tools compute, a caption check from the checker's verdicts,
//! and the post link a caption check may carry (http or https only, as every stored link).
//!
//! `stored` reads these entries back into rule inputs; the two stay next to each other so that
//! what is written and what is read agree.

use crate::creator::dossier::{CaptionCheck, CountryVerdict, PostSettings, SampleCounts};
use crate::creator::links::UrlError;
use crate::creator::record::validate_profile_url;
use crate::risk::comments::GenericSummary;
use crate::risk::disclosure::{DisclosureInput, JurisdictionResult};
use crate::risk::sentiment::SentimentSummary;
use crate::text::date::Date;

impl SampleCounts {
    /// The counts of a pasted sample: the sentiment counts when the word list has scored it
    /// (`None` while it loads or when it could not be fetched: those stay 0) and the
    /// generic-comment counts, which need no word list.
    pub fn from_summaries(
        sentiment: Option<&SentimentSummary>,
        generic: &GenericSummary,
    ) -> SampleCounts {
        let (positive, neutral, negative, unrecognised) = sentiment
            .map(|s| (s.positive, s.neutral, s.negative, s.unrecognised))
            .unwrap_or_default();
        SampleCounts {
            // Both count the non-blank lines; the sentiment's total wins should they ever differ,
            // since `stored` reads the sentiment shares over it.
            total: sentiment.map_or(generic.total, |s| s.total),
            positive,
            neutral,
            negative,
            unrecognised,
            generic: generic.generic,
            emoji_only: generic.emoji_only,
            one_word: generic.one_word,
            stock_praise: generic.stock_praise,
            self_promotion: generic.self_promotion,
        }
    }
}

/// A caption check dated `date`: the caption as pasted with what the user ticked about the post
/// (`checked`), the post link when given, and the verdict of each country in `results` (the
/// countries the user chose), by their stable ids.
pub fn caption_check(
    date: Date,
    checked: &DisclosureInput,
    post_link: Option<String>,
    results: &[JurisdictionResult],
) -> CaptionCheck {
    CaptionCheck {
        date,
        caption: checked.caption.clone(),
        post_link,
        post_settings: PostSettings {
            paid_partnership_label: checked.paid_partnership_label,
            retouched_or_ai_images: checked.retouched_or_ai_images,
            virtual_persona: checked.virtual_persona,
        },
        verdicts: results
            .iter()
            .map(|r| CountryVerdict {
                country: r.jurisdiction.id().to_string(),
                verdict: r.verdict.id().to_string(),
            })
            .collect(),
    }
}

/// Checks the link of the post a caption is from: empty is no link; anything but an http or
/// https address is refused with the reason, worded for this field.
pub fn check_post_link(input: &str) -> Result<Option<String>, String> {
    check_link_of_post("Post link", input)
}

/// Checks a post's link typed in the field called `field` ("Post link", "Link"): the reason for a
/// refusal starts with the field's name.
pub fn check_link_of_post(field: &str, input: &str) -> Result<Option<String>, String> {
    // The profile-link check is the one link check of the app (it guards every `href`); only its
    // wording names another field, and its example is a profile's.
    validate_profile_url(input).map_err(|e| match e {
        UrlError::NotALink(text) => format!(
            "{field}: “{text}” is not a web address. Enter the post's address, such as https://www.instagram.com/p/abc/."
        ),
        e => {
            let reason = e.to_string();
            let reason = reason.strip_prefix("profile link ").unwrap_or(&reason);
            format!("{field}: {reason}")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::risk::comments::summarise_generic;
    use crate::risk::disclosure::{check_caption, Jurisdiction, Verdict};
    use crate::risk::sentiment::Lexicon;

    #[test]
    fn counts_come_from_both_summaries_and_read_back() {
        let text = "I love this, great video\nThis is awful\n🔥🔥\nnice\nwhere is the jacket from?";
        let generic = summarise_generic(text);
        let lexicon = Lexicon::parse(
            "love\t3.2\t0.4\t[]\ngreat\t3.1\t0.5\t[]\nawful\t-2.0\t0.5\t[]\nnice\t1.8\t0.5\t[]\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let sentiment = crate::risk::sentiment::summarise_comments(&lexicon, text);
        let counts = SampleCounts::from_summaries(Some(&sentiment), &generic);
        assert_eq!(counts.total, 5);
        assert_eq!(
            (counts.positive, counts.negative, counts.neutral),
            (sentiment.positive, sentiment.negative, sentiment.neutral)
        );
        assert_eq!((counts.generic, counts.emoji_only), (generic.generic, 1));
        // What `stored` reads back is what the tools showed.
        let back = SentimentSummary::from_counts(&counts).unwrap_or_default();
        assert_eq!(back.negative_share(), sentiment.negative_share());
        let back = GenericSummary::from_counts(&counts).unwrap_or_default();
        assert_eq!(back.share(), generic.share());

        // Before the word list is in: generic counts only, no sentiment read back.
        let early = SampleCounts::from_summaries(None, &generic);
        assert_eq!(
            (early.total, early.positive, early.generic),
            (5, 0, generic.generic)
        );
        assert_eq!(SentimentSummary::from_counts(&early), None);
    }

    #[test]
    fn caption_checks_keep_verdict_ids_of_the_chosen_countries() {
        let input = DisclosureInput {
            caption: "#ad new shoes".into(),
            ..DisclosureInput::default()
        };
        let report = check_caption(&input);
        let chosen: Vec<_> = [Jurisdiction::Us, Jurisdiction::Germany]
            .iter()
            .filter_map(|j| report.get(*j).cloned())
            .collect();
        let day = Date::parse("2026-12-06").unwrap_or(Date::EPOCH);
        let check = caption_check(day, &input, None, &chosen);
        let ids: Vec<(&str, &str)> = check
            .verdicts
            .iter()
            .map(|v| (v.country.as_str(), v.verdict.as_str()))
            .collect();
        assert_eq!(ids, [("us", "meets"), ("de", "weak")]);
        assert_eq!(
            Verdict::from_id(&check.verdicts[1].verdict),
            Some(Verdict::Weak)
        );
        assert_eq!(check.post_settings, PostSettings::default());
        // The ticks are kept with the check they were ticked for (issue #15: they were lost).
        let ticked = DisclosureInput {
            paid_partnership_label: true,
            virtual_persona: true,
            ..input
        };
        let check = caption_check(day, &ticked, None, &chosen);
        assert_eq!(
            check.post_settings.ticked(),
            [
                PostSettings::PAID_PARTNERSHIP_LABEL,
                PostSettings::VIRTUAL_PERSONA
            ]
        );
        assert_eq!(check.disclosure_input(), ticked);
    }

    #[test]
    fn post_links_are_web_addresses() {
        // (input, stored link or the error's words)
        let cases = [
            ("", Ok(None)),
            (
                " https://www.instagram.com/p/abc/ ",
                Ok(Some("https://www.instagram.com/p/abc/")),
            ),
            ("tiktok.com/@ana/video/1", Ok(Some("https://tiktok.com/@ana/video/1"))),
            (
                "javascript:alert(1)",
                Err("Post link: “javascript:alert(1)” is not a web address; only links starting with http:// or https:// are accepted."),
            ),
            ("ftp://x.com/a", Err("only links starting with http:// or https://")),
            ("my post", Err("Post link: “my post” contains spaces")),
            // Regression: a word without a scheme is refused, naming the field and what is
            // expected (the landing page's check had made "abc" into https://abc).
            (
                "abc",
                Err("Post link: “abc” is not a web address. Enter the post's address, such as https://www.instagram.com/p/abc/."),
            ),
            ("ann.1", Err("Post link: “ann.1” is not a web address.")),
        ];
        for (input, want) in cases {
            let got = check_post_link(input);
            match want {
                Ok(link) => assert_eq!(got, Ok(link.map(str::to_string)), "{input:?}"),
                Err(words) => {
                    let msg = got.err().unwrap_or_default();
                    assert!(msg.contains(words), "{input:?}: {msg}");
                    assert!(msg.starts_with("Post link: "), "{msg}");
                }
            }
        }
    }
}
