//! The history in the evaluator's output (SPEC.md, "History (v1 extension)"): every month
//! of the data, the fleet's revenue per kWh, the backtest's months and metrics, and the
//! data's attribution, as `kwhich eval` prints them.

use std::process::Command;

use serde_json::Value;

fn eval(link: &str) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_kwhich")).args(["eval", link]).output().expect("the evaluator runs");
    assert_eq!(out.status.code(), Some(0), "{link}");
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn month<'a>(v: &'a Value, month: &str) -> &'a Value {
    v["history"].as_array().and_then(|h| h.iter().find(|m| m["month"] == month)).expect("the month is listed")
}

#[test]
fn it_prints_every_month_with_its_hashprice_and_the_attribution() {
    let v = eval("?v=1");
    let history = v["history"].as_array().expect("a list");
    assert_eq!(history.len(), 122);
    assert_eq!((history[0]["month"].as_str(), history[121]["month"].as_str()), (Some("2016-01"), Some("2026-02")));
    assert_eq!(v["history_source"], "Source: Coin Metrics Community Data (CC BY-NC 4.0)");
    // data/README.md's figures, to the cent.
    for (m, want) in [("2024-06", 55.07), ("2024-08", 43.50), ("2025-11", 39.76), ("2026-02", 32.25)] {
        let got = month(&v, m)["hashprice_usd_per_ph_day"].as_f64().expect("a number");
        assert_eq!((got * 100.0).round() / 100.0, want, "{m}");
    }
    // Defaults: bought 2022-02 (the last month less four years), 48 months.
    assert_eq!(v["scenario"]["bt"], "2022-02");
    assert_eq!(v["scenario"]["btcap"].as_f64(), Some(14.0));
    assert_eq!(v["metrics"]["backtest_months"].as_f64(), Some(48.0));
    let counted = history.iter().filter(|m| !m["backtest_cum_usd_per_mw"].is_null()).count();
    assert_eq!(counted, 48);
    assert!(month(&v, "2022-01")["backtest_cum_usd_per_mw"].is_null());
    assert_eq!(
        month(&v, "2026-01")["backtest_cum_usd_per_mw"].as_f64(),
        v["metrics"]["backtest_cash_usd_per_mw"].as_f64()
    );
}

#[test]
fn it_refuses_bt_outside_the_data_with_its_reason() {
    let v = eval("?bt=2026-03");
    assert_eq!(v["scenario"]["bt"], "2022-02");
    assert_eq!(
        v["warnings"][0],
        "bt=2026-03 ignored: the history runs from 2016-01 to 2026-02; using the data's last month less the ASIC life."
    );
}

#[test]
fn it_replays_a_fleet_that_pays_back_and_one_that_does_not() {
    // The hand-worked cases of src/model/history/tests.rs, through the link.
    let base = "pue=1&pool=0&up=100&opx=0&site=0&life=0.25";
    let paid = eval(&format!("?{base}&kwh=0.05&bt=2024-06&btcap=2"));
    assert_eq!(paid["metrics"]["backtest_payback_months"].as_f64(), Some(3.0));
    let cash = paid["metrics"]["backtest_cash_usd_per_mw"].as_f64().expect("a number");
    assert_eq!((cash * 100.0).round() / 100.0, 34260.08);
    let never = eval(&format!("?{base}&kwh=0.09&bt=2025-12&btcap=14"));
    assert!(never["metrics"]["backtest_payback_months"].is_null());
    assert!(never["metrics"].get("backtest_payback_months").is_some());
}
