//! UTM links per creator (DOMAIN.md §10): the campaign's landing URL (http or https only) with
//! `utm_source` = the creator's platform, `utm_medium` = influencer, `utm_campaign` = the
//! campaign, `utm_content` = the creator's handle; each part editable per creator, every value
//! percent-encoded (RFC 3986: only letters, digits and `-._~` stay as they are).

use thiserror::Error;

use crate::campaign::record::Campaign;
use crate::creator::links::starts_with_host;
use crate::creator::record::{shorten, Creator};

use super::codes::handle_lower;

/// Longer UTM values are pasted paragraphs, not labels.
pub const MAX_PART_CHARS: usize = 200;

/// Why a landing URL or a UTM value can't be used. Shown to the user as is.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LinkError {
    #[error(
        "“{0}” is not a web address; only links starting with http:// or https:// are accepted."
    )]
    Scheme(String),
    #[error("“{0}” has no site name after “//”.")]
    NoHost(String),
    #[error(
        "“{0}” is not a web address. Enter a web address such as https://shop.example/product."
    )]
    NotALink(String),
    #[error("“{0}” contains spaces or control characters; paste the address exactly as the browser shows it.")]
    BadCharacters(String),
    #[error("the value is longer than {MAX_PART_CHARS} characters.")]
    TooLong,
    #[error("the value contains a line break or another control character.")]
    Control,
    #[error("set the campaign's landing URL first (the page the links lead to).")]
    NoLanding,
}

/// Checks a landing URL and returns it as stored; empty means none. A bare "shop.example/spring"
/// gets "https://" in front when it starts with a host name (`starts_with_host`), else it is
/// refused; any other scheme (javascript:, data:, ftp:) is refused, since the
/// link is shown as an `href` and handed to creators.
pub fn validate_landing_url(input: &str) -> Result<Option<String>, LinkError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let quoted = || shorten(s, 80);
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(LinkError::BadCharacters(quoted()));
    }
    let lower = s.to_ascii_lowercase();
    let (url, rest) = if let Some(rest) = lower.strip_prefix("https://") {
        (s.to_string(), rest.to_string())
    } else if let Some(rest) = lower.strip_prefix("http://") {
        (s.to_string(), rest.to_string())
    } else if has_scheme(s) {
        // "javascript:…", "mailto:…", "data:…", "ftp://…": a scheme, not a host with a port.
        return Err(LinkError::Scheme(quoted()));
    } else if starts_with_host(s) {
        (format!("https://{s}"), lower.clone())
    } else {
        // "abc" is a word, not a site: "https://abc" would lead nowhere.
        return Err(LinkError::NotALink(quoted()));
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || host.starts_with(':') {
        return Err(LinkError::NoHost(quoted()));
    }
    Ok(Some(url))
}

/// Whether the text starts with a scheme ("javascript:", "ftp://"): letters (and `+-.` after
/// the first) before a ':' that is not followed by a port number.
fn has_scheme(s: &str) -> bool {
    let Some((head, tail)) = s.split_once(':') else {
        return false;
    };
    let scheme_like = head.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && head
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !head.contains('.');
    let port = tail
        .split(['/', '?', '#'])
        .next()
        .is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    scheme_like && !port
}

/// Checks one UTM value typed by hand.
pub(super) fn check_part(v: &str) -> Result<(), LinkError> {
    if v.chars().count() > MAX_PART_CHARS {
        return Err(LinkError::TooLong);
    }
    if v.chars().any(char::is_control) {
        return Err(LinkError::Control);
    }
    Ok(())
}

/// Percent-encodes a query value: UTF-8 bytes, unreserved characters kept (RFC 3986 §2.3).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The four UTM values of one creator's link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UtmValues {
    pub source: String,
    pub medium: String,
    pub campaign: String,
    pub content: String,
}

/// "Spring launch 2026!" -> "spring-launch-2026": how campaign names usually appear in UTM tags.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The convention's values for a creator, whatever the user set for them: what an empty part
/// stands for.
pub fn utm_defaults(campaign: &Campaign, creator: &Creator) -> UtmValues {
    UtmValues {
        source: creator
            .platform
            .map_or("social".to_string(), |p| p.id().to_string()),
        medium: "influencer".to_string(),
        campaign: slug(&campaign.name),
        content: handle_lower(creator),
    }
}

/// The convention's values for a creator, replaced by any the user set for them.
pub fn utm_parts(campaign: &Campaign, creator: &Creator) -> UtmValues {
    let set = campaign
        .attribution
        .creators
        .get(&creator.id)
        .map(|c| c.utm.clone())
        .unwrap_or_default();
    let d = utm_defaults(campaign, creator);
    UtmValues {
        source: set.source.unwrap_or(d.source),
        medium: set.medium.unwrap_or(d.medium),
        campaign: set.campaign.unwrap_or(d.campaign),
        content: set.content.unwrap_or(d.content),
    }
}

/// The landing URL with the four UTM parameters (empty values left out). Parameters of the same
/// names already in the URL are replaced; other parameters and the `#fragment` are kept.
pub fn utm_link(landing: &str, v: &UtmValues) -> Result<String, LinkError> {
    let url = validate_landing_url(landing)?.ok_or(LinkError::NoLanding)?;
    let (before_fragment, fragment) = match url.split_once('#') {
        Some((a, f)) => (a.to_string(), Some(f.to_string())),
        None => (url, None),
    };
    let (base, query) = match before_fragment.split_once('?') {
        Some((b, q)) => (b.to_string(), q.to_string()),
        None => (before_fragment, String::new()),
    };
    const NAMES: [&str; 4] = ["utm_source", "utm_medium", "utm_campaign", "utm_content"];
    let mut params: Vec<String> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| {
            let name = p.split('=').next().unwrap_or("");
            !NAMES.iter().any(|n| n.eq_ignore_ascii_case(name))
        })
        .map(str::to_string)
        .collect();
    for (name, value) in NAMES
        .iter()
        .zip([&v.source, &v.medium, &v.campaign, &v.content])
    {
        let value = value.trim();
        if !value.is_empty() {
            params.push(format!("{name}={}", percent_encode(value)));
        }
    }
    let mut out = base;
    if !params.is_empty() {
        out.push('?');
        out.push_str(&params.join("&"));
    }
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(&f);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::attribution::{CreatorCode, UtmParts};
    use crate::creator::platform::Platform;
    use crate::testing::check_cases;

    #[test]
    fn landing_urls() {
        let ok = [
            ("https://shop.example/spring", "https://shop.example/spring"),
            ("HTTP://Shop.example", "HTTP://Shop.example"),
            (
                "shop.example/spring?ref=1",
                "https://shop.example/spring?ref=1",
            ),
            ("shop.example:8080/x", "https://shop.example:8080/x"),
        ];
        check_cases(
            ok.map(|(input, want)| (input, Ok(Some(want.into())))),
            validate_landing_url,
        );
        let scheme = |s: &str| Err(LinkError::Scheme(s.into()));
        let bad = [
            ("  ", Ok(None)),
            ("javascript:alert(1)", scheme("javascript:alert(1)")),
            ("data:text/html,<b>x</b>", scheme("data:text/html,<b>x</b>")),
            ("ftp://shop.example/", scheme("ftp://shop.example/")),
            ("mailto:a@b.c", scheme("mailto:a@b.c")),
            (
                "https://shop example",
                Err(LinkError::BadCharacters("https://shop example".into())),
            ),
            (
                "https:///path",
                Err(LinkError::NoHost("https:///path".into())),
            ),
            // Regression: a word typed without a scheme became "https://abc".
            ("abc", Err(LinkError::NotALink("abc".into()))),
            ("shop", Err(LinkError::NotALink("shop".into()))),
            ("shop.1/x", Err(LinkError::NotALink("shop.1/x".into()))),
            (
                "localhost:3000/x",
                Err(LinkError::NotALink("localhost:3000/x".into())),
            ),
        ];
        check_cases(bad, validate_landing_url);
        // Typed with its scheme, a host that is not a public name is taken as it is.
        assert_eq!(
            validate_landing_url("http://localhost:3000/x"),
            Ok(Some("http://localhost:3000/x".into()))
        );
        assert_eq!(
            LinkError::NotALink("abc".into()).to_string(),
            "“abc” is not a web address. Enter a web address such as https://shop.example/product."
        );
    }

    #[test]
    fn encoding() {
        let cases = [
            ("spring-launch_2026.x~", "spring-launch_2026.x~"),
            ("a b&c=d", "a%20b%26c%3Dd"),
            ("café", "caf%C3%A9"),
            ("#?/+%", "%23%3F%2F%2B%25"),
            ("李", "%E6%9D%8E"),
        ];
        check_cases(cases, percent_encode);
    }

    fn spring() -> (Campaign, Creator) {
        let mut c = Campaign::new("k".into(), "Spring launch 2026!", 0.0);
        c.attribution.landing_url = "https://shop.example/spring?ref=ig&utm_source=old#top".into();
        let mut ann = Creator::new("a".into(), "Ann Fit", 0.0);
        ann.platform = Some(Platform::TikTok);
        ann.profile_url = Some("https://www.tiktok.com/@ann.fit".into());
        (c, ann)
    }

    #[test]
    fn link_follows_the_convention() {
        let (c, ann) = spring();
        let v = utm_parts(&c, &ann);
        assert_eq!(
            v,
            UtmValues {
                source: "tiktok".into(),
                medium: "influencer".into(),
                campaign: "spring-launch-2026".into(),
                content: "annfit".into(),
            }
        );
        assert_eq!(
            utm_link(&c.attribution.landing_url, &v),
            Ok("https://shop.example/spring?ref=ig&utm_source=tiktok&utm_medium=influencer&utm_campaign=spring-launch-2026&utm_content=annfit#top".to_string())
        );
    }

    #[test]
    fn edited_parts_replace_and_are_encoded() {
        let (mut c, ann) = spring();
        c.attribution.creators.insert(
            "a".into(),
            CreatorCode {
                code: String::new(),
                utm: UtmParts {
                    source: Some("ig story".into()),
                    medium: Some(String::new()),
                    campaign: None,
                    content: Some("ann&co".into()),
                },
            },
        );
        let link = utm_link("shop.example", &utm_parts(&c, &ann));
        assert_eq!(
            link,
            Ok("https://shop.example?utm_source=ig%20story&utm_campaign=spring-launch-2026&utm_content=ann%26co".to_string())
        );
        assert_eq!(
            utm_link("", &utm_parts(&c, &ann)),
            Err(LinkError::NoLanding)
        );
        assert!(matches!(
            utm_link("javascript:alert(1)", &utm_parts(&c, &ann)),
            Err(LinkError::Scheme(_))
        ));
    }
}
