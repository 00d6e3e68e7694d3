//! Times the course search natively: builds the index once, then runs every query of the benchmark many times.
//!
//!   cargo run --release --example bench_search
//!
//! Prints the index build time and, per query, the number of results and the median and slowest time of
//! `SearchIndex::search(query, 12)` in microseconds, then a summary line that `scripts/bench.mjs` reads:
//!
//!   bench_search: build_us=… median_us=… max_us=… queries=… iterations=…
//!
//! The release profile is the app's (opt-level "z"), so this is the same code the browser runs, only native.
//! Target: well under 10 ms per query (the whole keystroke budget in the browser).

use std::hint::black_box;
use std::time::{Duration, Instant};
use trust_steps::content::search::SearchIndex;

/// The queries `scripts/bench.mjs` types into the course search, in the same order.
const QUERIES: [&str; 12] = [
    "trust",
    "oxytocin",
    "forgive",
    "boundaries",
    "catfish",
    "why do I",
    "attachment anxious",
    "thinking trap",
    "therapy",
    "a",
    "zz",
    "self compassion",
];
/// Same limit as the search box (`MAX_RESULTS` in src/ui/components/course_search.rs).
const LIMIT: usize = 12;
const ITERATIONS: usize = 200;

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn median(sorted: &[f64]) -> f64 {
    let m = sorted.len() / 2;
    if sorted.len() % 2 == 1 {
        sorted[m]
    } else {
        (sorted[m - 1] + sorted[m]) / 2.0
    }
}

fn main() {
    let started = Instant::now();
    let index = black_box(SearchIndex::build());
    let build = micros(started.elapsed());
    println!("index: {} pieces, built in {build:.0} µs", index.docs().len());
    println!("{:<22} {:>7} {:>12} {:>12}", "query", "results", "median µs", "max µs");

    let mut all = Vec::with_capacity(QUERIES.len() * ITERATIONS);
    let mut medians = Vec::with_capacity(QUERIES.len());
    for query in QUERIES {
        let mut times = Vec::with_capacity(ITERATIONS);
        let mut results = 0;
        for _ in 0..ITERATIONS {
            let t = Instant::now();
            let hits = index.search(black_box(query), LIMIT);
            times.push(micros(t.elapsed()));
            results = black_box(hits).len();
        }
        times.sort_by(f64::total_cmp);
        let (med, max) = (median(&times), times[times.len() - 1]);
        println!("{:<22} {results:>7} {med:>12.1} {max:>12.1}", format!("\"{query}\""));
        medians.push(med);
        all.extend(times);
    }
    all.sort_by(f64::total_cmp);
    medians.sort_by(f64::total_cmp);
    println!(
        "all queries: median {:.1} µs, slowest query's median {:.1} µs, max {:.1} µs",
        median(&all),
        medians[medians.len() - 1],
        all[all.len() - 1]
    );
    println!(
        "bench_search: build_us={build:.1} median_us={:.1} slowest_median_us={:.1} max_us={:.1} queries={} iterations={ITERATIONS}",
        median(&all),
        medians[medians.len() - 1],
        all[all.len() - 1],
        QUERIES.len()
    );
}
