//! The platforms Microscope knows, with the words each uses for its audience.

use serde::{Deserialize, Serialize};

use crate::domain::text::choice::choices;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Platform {
    TikTok,
    YouTube,
    Instagram,
}

choices! {
    Platform, id, name, parse = Platform::parse;
    TikTok => "tiktok", "TikTok";
    YouTube => "youtube", "YouTube";
    Instagram => "instagram", "Instagram";
}

impl Platform {
    /// What the platform calls the people who follow an account.
    pub fn audience_noun(self) -> &'static str {
        match self {
            Platform::YouTube => "subscribers",
            _ => "followers",
        }
    }

    /// Reads an id or a name as people type it in a CSV ("TikTok", "tik tok", "yt", "IG").
    pub fn parse(s: &str) -> Option<Platform> {
        // What the app itself writes (exports, stored rows): matched without allocating, which
        // matters on a 100,000-row import.
        if let Some(exact) = Platform::ALL
            .into_iter()
            .find(|p| p.name() == s || p.id() == s)
        {
            return Some(exact);
        }
        let key: String = s
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        match key.as_str() {
            "tiktok" | "tt" => Some(Platform::TikTok),
            "youtube" | "yt" | "youtubeshorts" => Some(Platform::YouTube),
            "instagram" | "ig" | "insta" => Some(Platform::Instagram),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_names() {
        let cases = [
            ("tiktok", Some(Platform::TikTok)),
            ("Tik Tok", Some(Platform::TikTok)),
            ("YouTube", Some(Platform::YouTube)),
            ("yt", Some(Platform::YouTube)),
            ("IG", Some(Platform::Instagram)),
            ("Instagram", Some(Platform::Instagram)),
            ("myspace", None),
            ("", None),
        ];
        for (s, want) in cases {
            assert_eq!(Platform::parse(s), want, "{s:?}");
        }
        for p in Platform::ALL {
            assert_eq!(Platform::parse(p.id()), Some(p));
            assert_eq!(Platform::parse(p.name()), Some(p));
        }
    }
}
