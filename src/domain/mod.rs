//! The product's logic in plain Rust: no browser, no UI framework. Tested natively with `cargo test`.
//!
//! A crate of its own, `microscope-domain` (its manifest is `Cargo.toml` in this folder), which the
//! app re-exports as `microscope::domain`: its dependencies cannot include a browser or UI crate,
//! and the release build optimises it for speed (opt-level 3) while the UI around it is optimised
//! for size. At the size setting the CSV import ran 1.27 times PapaParse's parse; at 3, 0.78 (issue
//! 19). `scripts/check-domain-purity.sh` also fails the build if a browser or UI crate is named here.
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
#[cfg(any(test, feature = "testing"))]
pub mod testing;

pub mod campaign;
pub mod creator;
pub mod engine;
pub mod io;
pub mod risk;
pub mod text;

// The app names its types by their areas (`domain::creator::record::Creator`); the integration tests
// (`tests/browser*.rs`) and benches (`tests/bench/*.rs`) use these short paths. The areas are
// public because the app is another crate: the compiler no longer reports a domain item nothing
// uses (it did while they were `pub(crate)` in one crate).
pub use campaign::record::Campaign;
pub use creator::metrics::PostMetrics;
pub use creator::platform::Platform;
pub use creator::record::{Creator, Status};
pub use engine::analysis::{analyze, AnalysisInput};
pub use engine::cadence::CadenceInput;
pub use engine::engagement::Formula;

// Short paths the UI uses.
pub use creator::tier::Tier;

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
        // This crate's manifest is in src/domain: the areas are its folders.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut bad = Vec::new();
        for (rank, area) in ORDER.iter().enumerate() {
            let mut files = Vec::new();
            sources(&root.join(area), &mut files);
            assert!(!files.is_empty(), "no sources for {area}");
            for (path, text) in files {
                for higher in ORDER.iter().skip(rank + 1) {
                    if text.contains(&format!("crate::{higher}::")) {
                        bad.push(format!("{} uses {higher}", path.display()));
                    }
                }
            }
        }
        assert!(bad.is_empty(), "{bad:#?}");
    }
}
