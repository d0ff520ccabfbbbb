//! Throughput of the CSV importer: a generated 100,000-row creator CSV (~10 MB, realistic columns,
//! a few bad rows) imported natively in the chunks the page uses. Run with `cargo bench --bench import`.
//! With `BENCH_CSV=path` it imports that file instead: `make bench` passes the one the browser
//! benchmark imports (tests/e2e/bench/csv.js), so the native and in-page figures are of the same text.

use std::hint::black_box;
use std::time::Instant;

use microscope::domain::io::csv_import::{ImportSession, OrdersSession, Steps};

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
    if let Ok(path) = std::env::var("BENCH_ORDERS") {
        return orders(&path);
    }
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
    // Where the time goes: reading the header and counting rows (before the preview), the
    // preview, and the rows themselves.
    let (mut opening, mut previews, mut parsing) = (Vec::new(), Vec::new(), Vec::new());
    let mut imported = 0;
    let mut rejected = 0;
    for _ in 0..5 {
        let copy = black_box(text.clone());
        let start = Instant::now();
        let Ok(mut session) = ImportSession::new(copy, 0.0) else {
            eprintln!("import: the generated CSV was refused");
            std::process::exit(1);
        };
        let opened = Instant::now();
        black_box(session.preview(5));
        let previewed = Instant::now();
        // The page works in time slices of 40 ms, looking at the clock every 250 rows; do the same.
        loop {
            let slice = Instant::now();
            let p = session.step_while(250, |_| slice.elapsed().as_secs_f64() < 0.040);
            if p.finished {
                break;
            }
        }
        let report = session.finish();
        let end = Instant::now();
        times.push((end - start).as_secs_f64());
        opening.push((opened - start).as_secs_f64());
        previews.push((previewed - opened).as_secs_f64());
        parsing.push((end - previewed).as_secs_f64());
        imported = report.creators.len();
        rejected = report.rejected.len();
        black_box(report);
    }
    let median = |xs: &mut Vec<f64>| {
        xs.sort_by(f64::total_cmp);
        xs.get(xs.len() / 2).copied().unwrap_or(0.0)
    };
    let total = median(&mut times);
    println!(
        "import: {rows} rows ({:.1} MB) in {:.1} ms median of 5 = {:.0} rows/s; {imported} imported, {rejected} rejected",
        bytes as f64 / 1e6,
        total * 1000.0,
        rows as f64 / total
    );
    println!(
        "  open (header, row count) {:.1} ms, preview {:.2} ms, rows {:.1} ms (medians)",
        median(&mut opening) * 1000.0,
        median(&mut previews) * 1000.0,
        median(&mut parsing) * 1000.0,
    );
}

/// `BENCH_ORDERS=path`: the orders import (issue #17's attribution bench) of that file, natively,
/// in the page's slices: opening (decoding check, header, row count), the preview, the rows, and
/// sorting the orders out.
fn orders(path: &str) {
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("orders: cannot read BENCH_ORDERS={path}");
        std::process::exit(1);
    };
    let codes: std::collections::HashSet<String> = ["ANNFIT15", "BOCOOKS15"]
        .iter()
        .map(|c| c.to_string())
        .collect();
    let (mut opening, mut previews, mut rows, mut finishing) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut matched = 0;
    for _ in 0..5 {
        let copy = black_box(text.clone());
        let start = Instant::now();
        let Ok(mut session) = OrdersSession::from_text("orders.csv", copy) else {
            eprintln!("orders: the file was refused");
            std::process::exit(1);
        };
        let opened = Instant::now();
        black_box(session.preview(5));
        let previewed = Instant::now();
        loop {
            let slice = Instant::now();
            let p = session.step_while(500, |_| slice.elapsed().as_secs_f64() < 0.020);
            if p.finished {
                break;
            }
        }
        let read = Instant::now();
        let file = session.finish(&codes, 0.0);
        let end = Instant::now();
        matched = file.matched.len();
        black_box(file);
        opening.push((opened - start).as_secs_f64());
        previews.push((previewed - opened).as_secs_f64());
        rows.push((read - previewed).as_secs_f64());
        finishing.push((end - read).as_secs_f64());
    }
    let median = |xs: &mut Vec<f64>| {
        xs.sort_by(f64::total_cmp);
        xs.get(xs.len() / 2).copied().unwrap_or(0.0) * 1000.0
    };
    println!(
        "orders: {:.1} MB; open {:.1} ms, preview {:.2} ms, rows {:.1} ms, finish {:.1} ms (medians of 5); {matched} matched",
        text.len() as f64 / 1e6,
        median(&mut opening),
        median(&mut previews),
        median(&mut rows),
        median(&mut finishing),
    );
}
