//! The platforms Microscope knows, with the words each uses for its audience.

use serde::{Deserialize, Serialize};

use crate::text::choice::{choices, exact, fold_key};

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
        if let Some(exact) = exact(s) {
            return Some(exact);
        }
        match fold_key(s).as_str() {
            "tiktok" | "tt" => Some(Platform::TikTok),
            "youtube" | "yt" | "youtubeshorts" => Some(Platform::YouTube),
            "instagram" | "ig" | "insta" => Some(Platform::Instagram),
            _ => None,
        }
    }
}

// The aliases `parse` reads are checked with the other choice enums' in `domain::choices`.
