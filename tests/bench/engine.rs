//! Throughput of the engine: scores 100,000 deterministic pseudo-random creators with every
//! engagement formula through `analyze()`. Run with `cargo bench --bench engine` (not part of `cargo test`).

use std::hint::black_box;
use std::time::Instant;

use microscope::domain::{analyze, AnalysisInput, CadenceInput, Formula, Platform, PostMetrics};

const CREATORS: usize = 100_000;

/// xorshift64*: deterministic, so runs compare like with like; no `rand` crate needed.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Roughly uniform in `0..n` (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// Log-uniform between 10^lo and 10^hi, like follower and view counts.
    fn log_uniform(&mut self, lo: f64, hi: f64) -> f64 {
        let unit = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        10f64.powf(lo + unit * (hi - lo)).round()
    }

    /// A count that is sometimes not entered.
    fn maybe(&mut self, value: f64, missing_in_ten: u64) -> Option<f64> {
        (self.below(10) >= missing_in_ten).then_some(value)
    }
}

fn creator(rng: &mut XorShift) -> AnalysisInput {
    let platform = Platform::ALL
        .get(rng.below(3) as usize)
        .copied()
        .unwrap_or(Platform::TikTok);
    let followers = rng.log_uniform(2.0, 7.0) as u64;
    // Half give averages (one element), half give up to 30 posts.
    let n_posts = if rng.below(2) == 0 {
        1
    } else {
        1 + rng.below(30) as usize
    };
    let posts = (0..n_posts)
        .map(|_| {
            let views = rng.log_uniform(2.0, 7.5);
            let rate = rng.below(150) as f64 / 1000.0;
            let inter = views * rate;
            PostMetrics {
                views: rng.maybe(views, 1),
                likes: rng.maybe((inter * 0.85).round(), 0),
                comments: rng.maybe((inter * 0.08).round(), 1),
                shares: rng.maybe((inter * 0.05).round(), 3),
                dislikes: rng.maybe((inter * 0.01).round(), 7),
                saves: rng.maybe((inter * 0.03).round(), 5),
                ..PostMetrics::default()
            }
        })
        .collect();
    let cadence = match rng.below(3) {
        0 => None,
        _ => Some(CadenceInput::Count {
            posts: rng.below(20) as u32,
            days: 1 + rng.below(60) as u32,
        }),
    };
    let price = (rng.below(2) == 0).then(|| rng.log_uniform(1.0, 4.0));
    AnalysisInput {
        platform,
        followers: (rng.below(20) != 0).then_some(followers),
        posts,
        formula: Formula::default(),
        cadence,
        price,
    }
}

fn main() {
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    let mut inputs: Vec<AnalysisInput> = (0..CREATORS).map(|_| creator(&mut rng)).collect();

    let total_start = Instant::now();
    let mut defined = 0usize;
    for formula in Formula::ALL {
        for input in &mut inputs {
            input.formula = formula;
        }
        let start = Instant::now();
        for input in &inputs {
            let a = analyze(black_box(input));
            defined += usize::from(a.engagement.rate.is_some());
            black_box(a);
        }
        let elapsed = start.elapsed();
        report(
            &format!("{} ({})", formula.name(), formula.id()),
            CREATORS,
            1,
            elapsed.as_secs_f64(),
        );
    }
    let total = total_start.elapsed().as_secs_f64();
    report("all formulas", CREATORS, Formula::ALL.len(), total);
    println!(
        "engine: {defined} of {} rates defined",
        CREATORS * Formula::ALL.len()
    );
}

/// `creators/s` counts creators fully scored (with every formula of the line) per second.
fn report(what: &str, creators: usize, formulas: usize, secs: f64) {
    let ms = secs * 1000.0;
    let rate = |n: usize| if secs > 0.0 { n as f64 / secs } else { 0.0 };
    println!(
        "engine: {creators} creators x {formulas} formulas in {ms:.1} ms = {:.0} creators/s ({:.0} analyses/s)  [{what}]",
        rate(creators),
        rate(creators * formulas)
    );
}
