//! The product's logic in plain Rust: no browser, no UI framework. Tested natively with `cargo test`.
//!
//! `scripts/check-domain-purity.sh` fails the build if a browser or UI crate is imported here.
//!
//! Areas depend on lower areas only, in this order: `text` <- `creator` <- `engine` <- `risk` <-
//! `campaign` <- `io`. Text parses and writes numbers; a creator record uses it; the engine computes
//! from creators; risk rules read the engine's figures; a campaign plans over creators, checks their
//! risks and holds its checklist; io reads and writes files of creators and campaigns. The test
//! `areas_import_only_lower_areas` below holds the order.

#[cfg(test)]
mod choices;

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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    /// The areas, lowest first: each may import only the ones before it.
    const ORDER: [&str; 6] = ["text", "creator", "engine", "risk", "campaign", "io"];

    fn sources(dir: &std::path::Path, out: &mut Vec<(std::path::PathBuf, String)>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push((
                    path.clone(),
                    std::fs::read_to_string(&path).unwrap_or_default(),
                ));
            }
        }
    }

    /// Guards issue 14's import cycles (campaign <-> risk, campaign/record <-> checklist).
    #[test]
    fn areas_import_only_lower_areas() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain");
        let mut bad = Vec::new();
        for (rank, area) in ORDER.iter().enumerate() {
            let mut files = Vec::new();
            sources(&root.join(area), &mut files);
            assert!(!files.is_empty(), "no sources for {area}");
            for (path, text) in files {
                for higher in ORDER.iter().skip(rank + 1) {
                    if text.contains(&format!("crate::domain::{higher}::")) {
                        bad.push(format!("{} uses {higher}", path.display()));
                    }
                }
            }
        }
        assert!(bad.is_empty(), "{bad:#?}");
    }
}
