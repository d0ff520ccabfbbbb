//! A creator's profile links: which links are accepted and in what form they are stored
//! (`validate_profile_url`, `UrlError`), and the platform a link names (`platform_from_url`).

use thiserror::Error;

use crate::creator::platform::Platform;
use crate::creator::record::{shorten, trim};

/// Why a profile link was refused. Shown to the user as is.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum UrlError {
    #[error("profile link “{0}” is not a web address; only links starting with http:// or https:// are accepted.")]
    Scheme(String),
    #[error("profile link “{0}” has no site name after “//”.")]
    NoHost(String),
    #[error("profile link “{0}” contains spaces or control characters; paste the address exactly as the browser shows it.")]
    BadCharacters(String),
    #[error(
        "profile link “{0}” doesn't look like a web address, such as https://www.tiktok.com/@name."
    )]
    NotALink(String),
}

/// Checks a profile link and returns it in the form to store. Empty means no link.
///
/// Only http and https are kept: the link is rendered as an `href`, and `javascript:` or `data:`
/// there would run code or show forged content when clicked. A bare "instagram.com/name", as
/// people copy it, gets "https://" in front, but only when it starts with a host name
/// (`starts_with_host`): "abc" is refused rather than stored as "https://abc".
pub fn validate_profile_url(input: &str) -> Result<Option<String>, UrlError> {
    let s = trim(input);
    if s.is_empty() {
        return Ok(None);
    }
    Ok(Some(match url_shape(s)? {
        UrlShape::AsIs => s.to_string(),
        UrlShape::AddHttps => format!("https://{s}"),
    }))
}

/// What a valid link needs before it is stored.
pub(super) enum UrlShape {
    AsIs,
    AddHttps,
}

/// The checks of [`validate_profile_url`] on trimmed, non-empty text, without allocating: the
/// importer runs them on every row.
pub(super) fn url_shape(s: &str) -> Result<UrlShape, UrlError> {
    let shown = || shorten(s, 80);
    let bad_byte = s.bytes().any(|b| b <= b' ' || b == 0x7f);
    if bad_byte || (!s.is_ascii() && s.chars().any(|c| c.is_whitespace() || c.is_control())) {
        return Err(UrlError::BadCharacters(shown()));
    }
    let rest = if let Some(rest) = strip_prefix_ignore_case(s, "https://") {
        rest
    } else if let Some(rest) = strip_prefix_ignore_case(s, "http://") {
        rest
    } else if scheme_of(s).is_some() {
        return Err(UrlError::Scheme(shown()));
    } else if s.starts_with('/') {
        return Err(UrlError::NotALink(shown()));
    } else {
        // No scheme: accept "site.tld/..." only, so that a handle or a stray word is not turned into a link.
        if !starts_with_host(s) {
            return Err(UrlError::NotALink(shown()));
        }
        return Ok(UrlShape::AddHttps);
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or("");
    if host.is_empty() || host.starts_with(':') {
        return Err(UrlError::NoHost(shown()));
    }
    Ok(UrlShape::AsIs)
}

/// Whether text typed without a scheme starts with something that reads as a host name, so that
/// "https://" may be put in front: labels of letters, digits and hyphens joined by dots, at least
/// two of them, the last (the top-level domain) letters only and at least two long, then an
/// optional port, then the path. "shop.example/spring" and "www.tiktok.com:443/@ann" pass;
/// "abc", "ann.1", "@ann.fit", "localhost:8080" and "192.168.0.1" do not (typed with "https://"
/// they are taken as they are). Letters include non-ASCII ones, for names such as "café.fr".
pub fn starts_with_host(s: &str) -> bool {
    let host = s.split(['/', '?', '#']).next().unwrap_or("");
    let host = match host.split_once(':') {
        Some((name, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => name,
        Some(_) => return false,
        None => host,
    };
    let mut labels = host.split('.').peekable();
    let mut count = 0;
    while let Some(label) = labels.next() {
        count += 1;
        let fine = !label.is_empty()
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_alphanumeric() || c == '-');
        if !fine {
            return false;
        }
        if labels.peek().is_none() {
            return count >= 2
                && label.chars().count() >= 2
                && label.chars().all(char::is_alphabetic);
        }
    }
    false
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        s.get(prefix.len()..)
    } else {
        None
    }
}

/// The scheme of "scheme:...", when the text has one. A part with a dot ("site.com:8080") is a host.
fn scheme_of(s: &str) -> Option<&str> {
    let (head, _) = s.split_once(':')?;
    let mut chars = head.chars();
    let first = chars.next()?;
    let ok = first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '-');
    ok.then_some(head)
}

/// Guesses the platform from a profile link, for sheets that have links but no platform column.
pub fn platform_from_url(url: &str) -> Option<Platform> {
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .unwrap_or(&lower);
    let host = rest.split(['/', '?', '#', ':']).next().unwrap_or("");
    let host = host.strip_prefix("www.").unwrap_or(host);
    let host = host.strip_prefix("m.").unwrap_or(host);
    match host {
        "tiktok.com" | "vm.tiktok.com" => Some(Platform::TikTok),
        "youtube.com" | "youtu.be" => Some(Platform::YouTube),
        "instagram.com" | "instagr.am" => Some(Platform::Instagram),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::check_cases;

    #[test]
    fn profile_links() {
        let ok = [
            ("https://www.tiktok.com/@ann", "https://www.tiktok.com/@ann"),
            ("  http://youtube.com/c/x ", "http://youtube.com/c/x"),
            ("HTTPS://Instagram.com/ann", "HTTPS://Instagram.com/ann"),
            ("instagram.com/ann", "https://instagram.com/ann"),
            (
                "www.tiktok.com/@ann?lang=en",
                "https://www.tiktok.com/@ann?lang=en",
            ),
            ("site.com:8080/x", "https://site.com:8080/x"),
        ];
        for (input, want) in ok {
            assert_eq!(
                validate_profile_url(input),
                Ok(Some(want.to_string())),
                "{input:?}"
            );
        }
        assert_eq!(validate_profile_url("   "), Ok(None));
        let refused = [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "file:///etc/passwd",
            "ftp://example.com",
            "mailto:a@b.com",
            "https://",
            "http:///path",
            "//evil.com/x",
            "/relative",
            "@ann",
            "ann",
            "abc",
            "ann.1",
            "ann.fit.",
            ".ann.fit",
            "localhost:8080/x",
            "192.168.0.1/admin",
            "site.com:80a/x",
            "https://exa mple.com",
            "java\u{0}script:alert(1)",
            "https://x.com/\u{7}",
        ];
        for input in refused {
            assert!(
                validate_profile_url(input).is_err(),
                "{input:?} must be refused"
            );
        }
        let msg = validate_profile_url("javascript:alert(1)")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            msg.contains("only links starting with http:// or https://"),
            "{msg}"
        );
    }

    /// Text typed without a scheme gets "https://" only when it starts with a host name.
    #[test]
    fn hosts_without_a_scheme() {
        let cases = [
            ("shop.example", true),
            ("shop.example/product?x=1#top", true),
            ("www.tiktok.com/@ann", true),
            ("shop.example:8080/x", true),
            ("my-shop.co.uk", true),
            ("café.fr/menu", true),
            ("abc", false),
            ("abc/def", false),
            ("ann.1", false),
            ("ann.x", false),
            ("ann..fit", false),
            ("-ann.fit", false),
            ("ann-.fit", false),
            ("@ann.fit", false),
            ("ann_fit.com", false),
            ("localhost:8080", false),
            ("192.168.0.1", false),
            ("shop.example:/x", false),
            ("shop.example:80a", false),
            ("", false),
        ];
        check_cases(cases, starts_with_host);
    }

    #[test]
    fn platform_guessed_from_links() {
        let cases = [
            ("https://www.tiktok.com/@ann", Some(Platform::TikTok)),
            ("https://youtu.be/abc", Some(Platform::YouTube)),
            ("https://m.youtube.com/@ann", Some(Platform::YouTube)),
            ("http://instagram.com/ann", Some(Platform::Instagram)),
            ("https://notinstagram.com/ann", None),
            ("https://example.com", None),
        ];
        check_cases(cases, platform_from_url);
    }
}
