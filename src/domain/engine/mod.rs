//! The numbers engine: engagement by four labelled formulas (`engagement`), sourced benchmarks
//! (`benchmark`), posting cadence (`cadence`), cost and earned media value (`cost`), and `analysis`, which
//! runs them all over one creator's figures for the Check section; `averages` turns several pasted
//! posts into the averages per post a creator keeps.
//! The numbers engine, built on `creator`: engagement by four labelled formulas (`engagement`),
//! sourced benchmarks to compare against (`benchmark`), posting cadence (`cadence`), cost and
//! earned media value (`cost`), and `analysis`, which runs them all over one creator's figures for
//! the Check section. Risk and campaign read its figures; it knows neither.

pub mod analysis;
pub mod averages;
pub mod benchmark;
pub mod cadence;
pub mod cost;
pub mod engagement;

pub use analysis::{analyze, Analysis, AnalysisInput};
pub use engagement::{compute, Engagement, Formula};
