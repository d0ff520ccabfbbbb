//! The numbers engine, built on `creator`: engagement by four labelled formulas (`engagement`),
//! sourced benchmarks to compare against (`benchmark`), posting cadence (`cadence`), cost and
//! earned media value (`cost`), and `analysis`, which runs them all over one creator's figures for
//! the Check section. Risk and campaign read its figures; it knows neither.

pub mod analysis;
pub mod benchmark;
pub mod cadence;
pub mod cost;
pub mod engagement;

pub use analysis::{analyze, Analysis, AnalysisInput};
pub use engagement::{compute, Engagement, Formula};
