//! A figure a source article publishes for one platform and tier (posts per week, views per
//! post), kept with the article's own wording and its citation. The tables stay with their users
//! (`cadence::CADENCE_BENCHMARKS`, `campaign::recommend::TYPICAL_VIEWS`).

use crate::creator::platform::Platform;
use crate::creator::tier::Tier;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PublishedFigure {
    pub platform: Platform,
    pub tier: Tier,
    /// The figure: posts per week, views per post.
    pub value: f64,
    /// As the source words it: "almost 3", "over 11M".
    pub wording: &'static str,
    pub source: &'static str,
    pub year: u16,
    pub note: &'static str,
}

impl PublishedFigure {
    pub fn citation(&self) -> String {
        format!("{}, {}", self.source, self.year)
    }

    /// The figure `table` publishes for `platform` and `tier`, if any.
    pub fn find(
        table: &'static [PublishedFigure],
        platform: Platform,
        tier: Tier,
    ) -> Option<&'static PublishedFigure> {
        table
            .iter()
            .find(|f| f.platform == platform && f.tier == tier)
    }
}
