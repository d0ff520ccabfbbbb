//! The numbers engine, built on `creator`: engagement by four labelled formulas (`engagement`,
//! over a post's number fields in `field`), sourced benchmarks to compare against (`benchmark`,
//! the table; `benchmark::verdict`, how a rate sits against them), posting cadence (`cadence`;
//! its published frequencies, like the typical views campaigns cite, are `published` figures),
//! cost and earned media value (`cost`), and `analysis`, which runs them all over one creator's
//! figures for the Check section; `averages` turns several pasted posts into the averages per post
//! a creator keeps. Risk and campaign read its figures; it knows neither.

pub mod analysis;
pub mod averages;
pub mod benchmark;
pub mod cadence;
pub mod cost;
pub mod engagement;
pub mod field;
pub mod published;
