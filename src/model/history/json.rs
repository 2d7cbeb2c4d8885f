//! The history in the evaluator's JSON: the backtest's three metrics, the attribution and
//! the `"history"` list (SPEC.md, "History (v1 extension)").

use rust_decimal::Decimal;

use super::{month_text, History, ATTRIBUTION};
use crate::model::error::ModelError;

/// The backtest's metrics as `(key, figure)`, after the contract's others.
pub fn metrics(history: &History) -> [(&'static str, Result<Decimal, ModelError>); 3] {
    let b = &history.backtest;
    [
        ("backtest_months", b.months.map(Decimal::from)),
        ("backtest_cash_usd_per_mw", b.cash()),
        ("backtest_payback_months", b.payback_months()),
    ]
}

/// `,\n  "history_source": "…",\n  "history": [{"month": "2016-01", …}, …]`, one month a
/// line; `number` writes a figure (`null` when it has none), `string` a JSON string.
pub fn list(
    out: &mut String,
    history: &History,
    number: impl Fn(Result<Decimal, ModelError>) -> String,
    string: impl Fn(&str) -> String,
) {
    out.push_str(",\n  \"history_source\": ");
    out.push_str(&string(ATTRIBUTION));
    out.push_str(",\n  \"history\": [");
    for (n, m) in history.months.iter().enumerate() {
        out.push_str(if n == 0 { "\n    " } else { ",\n    " });
        out.push_str(&format!(
            "{{\"month\": \"{}\", \"hashprice_usd_per_ph_day\": {}, \"mining_revenue_usd_per_kwh\": {}, \
             \"backtest_cum_usd_per_mw\": {}}}",
            month_text(m.month),
            number(m.hashprice),
            number(m.revenue),
            m.cum.map_or_else(|| "null".to_string(), &number),
        ));
    }
    out.push_str("\n  ]");
}
