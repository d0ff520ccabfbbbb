//! Creator tiers by follower count: the one table of thresholds (DOMAIN.md §1), lower bounds inclusive.

use serde::{Deserialize, Serialize};

use crate::text::choice::Choice;
use crate::text::format::group_thousands;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Tier {
    BelowNano,
    Nano,
    Micro,
    Macro,
    Mega,
}

/// One row of the tier table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TierInfo {
    pub tier: Tier,
    pub name: &'static str,
    /// Inclusive lower bound.
    pub min: u64,
    /// Inclusive upper bound; `None` for the open-ended top tier.
    pub max: Option<u64>,
    /// What the tier means when planning a campaign.
    pub meaning: &'static str,
}

/// The thresholds are a convention (DOMAIN.md §1); they live here and nowhere else.
pub const TIERS: [TierInfo; 5] = [
    TierInfo {
        tier: Tier::BelowNano,
        name: "Below nano",
        min: 0,
        max: Some(999),
        meaning: "Not an influencer tier yet: a personal account. Fine for gifting or ambassador programmes, too small to carry a paid campaign.",
    },
    TierInfo {
        tier: Tier::Nano,
        name: "Nano",
        min: 1_000,
        max: Some(9_999),
        meaning: "Small, close-knit audience with high trust and low fees; you need many nano creators to add up to real reach.",
    },
    TierInfo {
        tier: Tier::Micro,
        name: "Micro",
        min: 10_000,
        max: Some(99_999),
        meaning: "The sweet spot for campaigns: reach large enough to matter, an audience still close enough to trust the creator.",
    },
    TierInfo {
        tier: Tier::Macro,
        name: "Macro",
        min: 100_000,
        max: Some(999_999),
        meaning: "Broad reach at a higher price per post; engagement is usually lower and the relationship with followers looser.",
    },
    TierInfo {
        tier: Tier::Mega,
        name: "Mega",
        min: 1_000_000,
        max: None,
        meaning: "Celebrity reach with six-figure fees per post; built for awareness, rarely for trust or conversions.",
    },
];

impl Tier {
    pub const ALL: [Tier; 5] = [
        Tier::BelowNano,
        Tier::Nano,
        Tier::Micro,
        Tier::Macro,
        Tier::Mega,
    ];

    /// The tier of an account with `followers` followers. Total: every count has a tier.
    pub fn for_followers(followers: u64) -> Tier {
        TIERS
            .iter()
            .rev()
            .find(|row| followers >= row.min)
            .map(|row| row.tier)
            .unwrap_or(Tier::BelowNano)
    }

    pub fn info(self) -> &'static TierInfo {
        // TIERS is ordered as the enum; the index is the discriminant.
        &TIERS[self as usize]
    }

    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// A stable identifier for storage and CSV.
    pub fn id(self) -> &'static str {
        match self {
            Tier::BelowNano => "below-nano",
            Tier::Nano => "nano",
            Tier::Micro => "micro",
            Tier::Macro => "macro",
            Tier::Mega => "mega",
        }
    }

    /// Reads an id or a name ("micro", "Below nano"), trimmed and ignoring case.
    pub fn parse(s: &str) -> Option<Tier> {
        <Tier as Choice>::parse(s)
    }

    /// "10,000 to 99,999 followers", "1,000,000 followers or more", "fewer than 1,000 followers".
    pub fn bounds_label(self, noun: &str) -> String {
        let info = self.info();
        match (info.min, info.max) {
            (0, Some(max)) => format!("fewer than {} {noun}", group_thousands(max + 1)),
            (min, Some(max)) => {
                format!(
                    "{} to {} {noun}",
                    group_thousands(min),
                    group_thousands(max)
                )
            }
            (min, None) => format!("{} {noun} or more", group_thousands(min)),
        }
    }

    /// The headline shown for a tier: "Micro: 10,000 to 99,999 followers".
    pub fn headline(self, noun: &str) -> String {
        format!("{}: {}", self.name(), self.bounds_label(noun))
    }
}

/// The label is the tier table's name.
impl Choice for Tier {
    const ALL: &'static [Self] = &Tier::ALL;

    fn id(self) -> &'static str {
        Tier::id(self)
    }

    fn label(self) -> &'static str {
        self.name()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::check_cases;

    #[test]
    fn every_boundary() {
        let cases = [
            (0, Tier::BelowNano),
            (999, Tier::BelowNano),
            (1_000, Tier::Nano),
            (9_999, Tier::Nano),
            (10_000, Tier::Micro),
            (45_000, Tier::Micro),
            (99_999, Tier::Micro),
            (100_000, Tier::Macro),
            (999_999, Tier::Macro),
            (1_000_000, Tier::Mega),
            (u64::MAX, Tier::Mega),
        ];
        check_cases(cases, Tier::for_followers);
    }

    #[test]
    fn table_is_contiguous_and_ordered() {
        for (i, row) in TIERS.iter().enumerate() {
            assert_eq!(row.tier as usize, i, "TIERS must follow the enum order");
            assert_eq!(Tier::ALL[i], row.tier);
            if let Some(next) = TIERS.get(i + 1) {
                assert_eq!(
                    row.max.map(|m| m + 1),
                    Some(next.min),
                    "gap after {}",
                    row.name
                );
            } else {
                assert_eq!(row.max, None);
            }
        }
        assert_eq!(TIERS[0].min, 0);
    }

    #[test]
    fn headlines() {
        let cases = [
            (Tier::BelowNano, "Below nano: fewer than 1,000 followers"),
            (Tier::Nano, "Nano: 1,000 to 9,999 followers"),
            (Tier::Micro, "Micro: 10,000 to 99,999 followers"),
            (Tier::Macro, "Macro: 100,000 to 999,999 followers"),
            (Tier::Mega, "Mega: 1,000,000 followers or more"),
        ];
        check_cases(cases, |tier| tier.headline("followers"));
        assert_eq!(
            Tier::Micro.headline("subscribers"),
            "Micro: 10,000 to 99,999 subscribers"
        );
    }

    #[test]
    fn pasted_text_to_tier() {
        use crate::text::number::parse_count;
        let cases = [
            ("999", Tier::BelowNano),
            ("1,000", Tier::Nano),
            ("9 999", Tier::Nano),
            ("10K", Tier::Micro),
            ("45K", Tier::Micro),
            ("99,999", Tier::Micro),
            ("100K", Tier::Macro),
            ("999,999", Tier::Macro),
            ("1M", Tier::Mega),
            ("1.2M", Tier::Mega),
        ];
        check_cases(cases, |text| {
            Tier::for_followers(parse_count(text).unwrap_or(u64::MAX))
        });
    }
}
