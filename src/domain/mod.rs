//! The product's logic in plain Rust: no browser, no UI framework. Tested natively with `cargo test`.
//!
//! `scripts/check-domain-purity.sh` fails the build if a browser or UI crate is imported here.

pub mod analysis;
pub mod audience;
pub mod benchmark;
pub mod brief;
pub mod budget;
pub mod cadence;
pub mod campaign;
pub mod checklist;
pub mod comments;
pub mod cost;
pub mod creator;
pub mod csv_export;
pub mod csv_import;
pub mod disclosure;
pub mod engagement;
pub mod format;
pub mod metrics;
pub mod number;
pub mod platform;
pub mod recommend;
pub mod risk;
pub mod risk_profile;
pub mod sentiment;
pub mod tier;
pub mod tracking;
pub mod workspace;

pub use metrics::PostMetrics;
pub use number::NumberError;
pub use platform::Platform;
pub use tier::Tier;
