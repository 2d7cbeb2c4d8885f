//! What a keystroke costs: reading a link, evaluating every metric and writing the link
//! back, for a few scenarios. No framework: `std::time::Instant` over batches of calls,
//! then the median and 95th percentile of the per-call time. It reports, never asserts.
//!
//! `cargo bench --bench evaluate`

use std::hint::black_box;
use std::time::{Duration, Instant};

use kwhich::model::analysis::decision_map::{decision_map, MAP_CELLS};
use kwhich::model::InvalidKeys;
use kwhich::model::{evaluate, evaluate_static, from_query, project, to_query};

/// Scenarios a reader might share: the default, cheap power on a newer ASIC, a hashprice
/// override after the halving, a long link with presets and display keys, and every life
/// at the 240-month cap (the longest projection there is).
const SCENARIOS: [(&str, &str); 7] = [
    ("default", ""),
    ("s21xp, 3-cent power", "https://example.com/kwhich/?v=1&asic=s21xp&kwh=0.03"),
    ("hp override, halving", "?v=1&sub=1.5625&hp=38.5&btc=120000&kwh=0.045"),
    (
        "b200, every group",
        "?v=1&btc=95000&diff=160&fee=0.05&asic=s21pro&kwh=0.04&opx=0.006&up=95&pool=1.5&pue=1.1\
         &capex=16&site=600000&life=3&colo=121&gpue=1.45&gpu=b200&util=80&gopx=12&gfit=12000000\
         &tgt=45000&mo=48&dg=1.5&gd=-20&dr=10&conv=6&glife=4&clife=15&mw=50&lang=vi&embed=1&show=compare,mw&theme=dark",
    ),
    ("240 months, all lives", "?v=1&mo=240&life=20&clife=20&glife=20&kwh=0.03"),
    // Power by the hour: the same 240 months with ERCOT's year, and with a fixed strike and a
    // credit (each month decides its running buckets anew), against the flat row above.
    ("240 months, ERCOT", "?v=1&mo=240&life=20&clife=20&glife=20&kwh=0.03&pp=ercot-n-2025"),
    ("240 mo, strike+credit", "?v=1&mo=240&life=20&clife=20&glife=20&kwh=0.03&pp=ercot-n-2025&strike=0.04&drc=20"),
];

/// How long the timed batches of one row take in all, about.
const ROW_BUDGET: Duration = Duration::from_millis(800);
/// A batch lasts at least this long, so the clock's own cost is noise.
const BATCH_LENGTH: Duration = Duration::from_micros(50);

/// Median and 95th percentile of the per-call time in microseconds, over batches sized to
/// the call's cost (at least 100 batches, at most 2,000).
fn time(mut call: impl FnMut()) -> (f64, f64) {
    let start = Instant::now();
    call();
    let once = start.elapsed().max(Duration::from_nanos(100));
    let batch = (BATCH_LENGTH.as_nanos() / once.as_nanos()).clamp(1, 1000) as u32;
    let samples = (ROW_BUDGET.as_nanos() / (once.as_nanos() * u128::from(batch))).clamp(100, 2000) as usize;
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
    (micros(per_call[samples / 2]), micros(per_call[samples * 95 / 100]))
}

fn main() {
    let started = Instant::now();
    println!("kwhich model: microseconds per call (batches sized to the call)\n");
    println!("{:<22} {:<15} {:>10} {:>10}", "scenario", "operation", "median µs", "p95 µs");
    println!("{}", "-".repeat(60));
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
                // The metrics of today, with the all-in margins: what a decision map's cell costs.
                "static",
                time(|| {
                    black_box(evaluate_static(black_box(&scenario), InvalidKeys::default()));
                }),
            ),
            (
                // The page's decision map: 40 × 40 cells, its lines and shades.
                "map 40x40",
                time(|| {
                    black_box(decision_map(black_box(&scenario), InvalidKeys::default(), MAP_CELLS)).ok();
                }),
            ),
            (
                "projection",
                time(|| {
                    black_box(project(black_box(&scenario)));
                }),
            ),
            (
                // Every metric: today's and, for each path over its life, payback, lifetime
                // cash, NPV, IRR and site totals (one projection).
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
            println!("{name:<22} {operation:<15} {median:>10.2} {p95:>10.2}");
        }
    }
    println!("\ntotal {:.1} s", started.elapsed().as_secs_f64());
}
