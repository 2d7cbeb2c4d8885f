//! What a keystroke costs: reading a link, evaluating every metric and writing the link
//! back, for a few scenarios, and the decision map's 40 × 40 grid. No framework: `std::time::Instant` over batches of calls,
//! then the median and 95th percentile of the per-call time. It reports, never asserts.
//!
//! `cargo bench --bench evaluate` runs everything; `cargo bench --bench evaluate -- map` only
//! the decision map and the tornado (`-- link` only the link operations).

use std::hint::black_box;
use std::time::{Duration, Instant};

use kwhich::model::decision_map::{decision_map, MAP_CELLS};
use kwhich::model::drivers::drivers;
use kwhich::model::metrics::InvalidKeys;
use kwhich::model::{evaluate, from_query, to_query};

/// Scenarios a reader might share: the default, cheap power on a newer ASIC, a hashprice
/// override after the halving, and a long link with presets and display keys.
const SCENARIOS: [(&str, &str); 4] = [
    ("default", ""),
    ("s21xp, 3-cent power", "https://example.com/kwhich/?v=1&asic=s21xp&kwh=0.03"),
    ("hp override, halving", "?v=1&sub=1.5625&hp=38.5&btc=120000&kwh=0.045"),
    (
        "b200, every group",
        "?v=1&btc=95000&diff=160&fee=0.05&asic=s21pro&kwh=0.04&opx=0.006&up=95&pool=1.5&pue=1.1\
         &capex=16&site=600000&life=3&colo=121&gpue=1.45&gpu=b200&util=80&gopx=12&gfit=12000000\
         &tgt=45000&mo=48&dg=1.5&gd=-20&lang=vi&embed=1&show=compare,mw&theme=dark",
    ),
];

/// Calls per timed batch: enough that the clock's own cost is noise.
const BATCH: u32 = 50;
/// Batches per operation and scenario; the warm-up runs a tenth as many.
const SAMPLES: usize = 2_000;

/// Median and 95th percentile of the per-call time in microseconds.
fn time(call: impl FnMut()) -> (f64, f64) {
    let (_, median, p95) = time_with(SAMPLES, BATCH, call);
    (median, p95)
}

/// The minimum, median and 95th percentile with `samples` batches of `batch` calls.
fn time_with(samples: usize, batch: u32, mut call: impl FnMut()) -> (f64, f64, f64) {
    for _ in 0..samples / 10 * batch as usize {
        call();
    }
    let mut per_call: Vec<Duration> = (0..samples)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..batch {
                call();
            }
            start.elapsed() / batch
        })
        .collect();
    per_call.sort_unstable();
    let micros = |d: Duration| d.as_secs_f64() * 1e6;
    (micros(per_call[0]), micros(per_call[samples / 2]), micros(per_call[samples * 95 / 100]))
}

fn main() {
    let started = Instant::now();
    let only = std::env::args().skip(1).find(|a| a == "map" || a == "link");
    if only.as_deref() != Some("map") {
        link_operations();
    }
    if only.as_deref() != Some("link") {
        map_operations();
    }
    println!("\ntotal {:.1} s", started.elapsed().as_secs_f64());
}

/// Reading, evaluating and writing each scenario's link.
fn link_operations() {
    println!("kwhich model: microseconds per call ({SAMPLES} batches of {BATCH} calls each)\n");
    println!("{:<22} {:<12} {:>10} {:>10}", "scenario", "operation", "median µs", "p95 µs");
    println!("{}", "-".repeat(57));
    for (name, link) in SCENARIOS {
        let (scenario, warnings) = from_query(link);
        assert!(warnings.is_empty(), "{name}: the benchmark's own links are valid: {warnings:?}");
        let rows = [
            (
                "from_query",
                time(|| {
                    black_box(from_query(black_box(link)));
                }),
            ),
            (
                "evaluate",
                time(|| {
                    black_box(evaluate(black_box(&scenario)));
                }),
            ),
            (
                "to_query",
                time(|| {
                    black_box(to_query(black_box(&scenario)));
                }),
            ),
            (
                "all three",
                time(|| {
                    let (s, _) = from_query(black_box(link));
                    black_box(evaluate(&s));
                    black_box(to_query(&s));
                }),
            ),
        ];
        for (operation, (median, p95)) in rows {
            println!("{name:<22} {operation:<12} {median:>10.2} {p95:>10.2}");
        }
    }
}

/// The decision map's grid and the tornado's steps, each scenario; the minimum too, as
/// the closest to the machine's own speed when others share its cores.
fn map_operations() {
    // The decision map: 1,600 static evaluations per edit (budget 2 ms natively), and the
    // tornado's two evaluations per input.
    println!("\n{:<22} {:<12} {:>10} {:>10} {:>10}", "scenario", "operation", "min µs", "median µs", "p95 µs");
    println!("{}", "-".repeat(68));
    for (name, link) in SCENARIOS {
        let (scenario, _) = from_query(link);
        let map = time_with(100, 1, || {
            black_box(decision_map(black_box(&scenario), InvalidKeys::default(), MAP_CELLS).ok());
        });
        let tornado = time_with(100, 5, || {
            black_box(drivers(black_box(&scenario), InvalidKeys::default()));
        });
        for (operation, (min, median, p95)) in [("map 40×40", map), ("tornado", tornado)] {
            println!("{name:<22} {operation:<12} {min:>10.2} {median:>10.2} {p95:>10.2}");
        }
    }
}
