//! Throughput of the CSV importer: a generated 100,000-row creator CSV (~10 MB, realistic columns,
//! a few bad rows) imported natively in the chunks the page uses. Run with `cargo bench --bench import`.
//! With `BENCH_CSV=path` it imports that file instead: `make bench` passes the one the browser
//! benchmark imports (tests/e2e/bench/csv.js), so the native and in-page figures are of the same text.

use std::hint::black_box;
use std::time::Instant;

use microscope::domain::csv_import::ImportSession;

const ROWS: usize = 100_000;

/// The CSV the benchmarks use: deterministic, with every 5,000th row broken on purpose.
fn generate() -> String {
    let mut out = String::with_capacity(ROWS * 110);
    out.push_str(
        "name,platform,followers,avg views,likes,comments,shares,price,tags,status,notes\n",
    );
    let platforms = ["TikTok", "YouTube", "Instagram"];
    let statuses = ["prospect", "contacted", "negotiating", "confirmed"];
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for i in 0..ROWS {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let followers = 1_000 + x % 900_000;
        let views = followers / 2 + x % 5_000;
        let likes = views / 12;
        let followers_cell = if i % 5_000 == 4_999 {
            "lots".to_string()
        } else if i % 3 == 0 {
            format!("\"{},{:03}\"", followers / 1000, followers % 1000)
        } else {
            followers.to_string()
        };
        out.push_str(&format!(
            "@creator_{i},{},{followers_cell},{views},{likes},{},{},{},\"beauty, travel\",{},\"Met at the {i} fair; \"\"great\"\" fit\"\n",
            platforms[(x % 3) as usize],
            likes / 10,
            likes / 20,
            50 + x % 900,
            statuses[(x % 4) as usize],
        ));
    }
    out
}

fn main() {
    let text = match std::env::var("BENCH_CSV") {
        Ok(path) => match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("import: cannot read BENCH_CSV={path}: {e}");
                std::process::exit(1);
            }
        },
        Err(_) => generate(),
    };
    let rows = text.lines().count().saturating_sub(1);
    let bytes = text.len();
    let mut times = Vec::new();
    let mut imported = 0;
    let mut rejected = 0;
    for _ in 0..5 {
        let start = Instant::now();
        let Ok(mut session) = ImportSession::new(black_box(text.clone()), 0.0) else {
            eprintln!("import: the generated CSV was refused");
            std::process::exit(1);
        };
        // The page imports 2,000 rows per frame; do the same.
        while !session.step(2_000).finished {}
        let report = session.finish();
        times.push(start.elapsed().as_secs_f64());
        imported = report.creators.len();
        rejected = report.rejected.len();
        black_box(report);
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    println!(
        "import: {rows} rows ({:.1} MB) in {:.1} ms median of 5 = {:.0} rows/s; {imported} imported, {rejected} rejected",
        bytes as f64 / 1e6,
        median * 1000.0,
        rows as f64 / median
    );
}
