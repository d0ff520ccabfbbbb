//! The numbers engine: engagement by four labelled formulas (`engagement`), sourced benchmarks
//! (`benchmark`), posting cadence (`cadence`), cost and earned media value (`cost`), and `analysis`, which
//! runs them all over one creator's figures for the Check section.

pub mod analysis;
pub mod benchmark;
pub mod cadence;
pub mod cost;
pub mod engagement;
