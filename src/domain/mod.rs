//! The product's logic in plain Rust: no browser, no UI framework. Tested natively with `cargo test`.
//!
//! `scripts/check-domain-purity.sh` fails the build if a browser or UI crate is imported here.

pub mod format;
pub mod number;
pub mod platform;
pub mod tier;

pub use number::NumberError;
pub use platform::Platform;
pub use tier::Tier;
