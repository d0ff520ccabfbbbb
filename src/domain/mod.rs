//! The product's logic in plain Rust: no browser, no UI framework. Tested natively with `cargo test`.
//!
//! `scripts/check-domain-purity.sh` fails the build if a browser or UI crate is imported here.

pub mod campaign;
pub mod creator;
pub mod engine;
pub mod io;
pub mod risk;
pub mod text;

pub use creator::metrics::PostMetrics;
pub use creator::platform::Platform;
pub use creator::tier::Tier;
pub use text::number::NumberError;
