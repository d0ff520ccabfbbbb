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
#[cfg(test)]
mod sparse_formats;
#[cfg(test)]
pub(crate) mod testing;

pub(crate) mod campaign;
pub(crate) mod creator;
pub(crate) mod engine;
// `io` stays public while its CSV import and workspace files are being rewritten: their unused
// re-exports and test-only helpers would be reported as dead code here. The bench
// (`tests/bench/import.rs`) reads `io::csv_import::ImportSession`.
pub mod io;
pub(crate) mod risk;
pub(crate) mod text;

// The areas are `pub(crate)`, so the compiler reports what nothing uses. The one public surface is
// what the integration tests (`tests/browser*.rs`) and benches (`tests/bench/*.rs`) name: they are
// separate crates and see only this.
pub use campaign::record::Campaign;
pub use creator::metrics::PostMetrics;
pub use creator::platform::Platform;
pub use creator::record::{Creator, Status};
pub use engine::analysis::{analyze, AnalysisInput};
pub use engine::cadence::CadenceInput;
pub use engine::engagement::Formula;

// Short paths the UI uses.
pub(crate) use creator::tier::Tier;

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
