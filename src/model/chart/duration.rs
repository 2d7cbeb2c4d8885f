//! The year's price duration curve (Power by the hour): the profile's 100 buckets scaled to
//! the site's average price, dearest first, so that point `k` is the `k`-th percent of the
//! year's hours counted from the dearest; the price mining runs up to (the strike or its
//! break-even, whichever is lower), the hours it stops in shaded, and the price the AI
//! paths pay every hour. Drawn on the line chart's geometry ([`super::line`]), the buckets
//! standing in for its months.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::line::LineChart;
use super::scale::Rect;
use crate::model::economics::inputs::{Inputs, InvalidKeys};
use crate::model::economics::margins::{firm_cash, Fixed, Moving};
use crate::model::economics::profile::scaled_of;
use crate::model::error::ModelError;
use crate::model::figure::{sub, Figure};
use crate::model::power::BUCKETS;
use crate::model::scenario::Scenario;

/// The buckets' positions on the x axis: 0 (the dearest) to 99 (the cheapest).
pub const LAST_BUCKET: u32 = BUCKETS as u32 - 1;

/// What the curve shows, in USD/kWh.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DurationCurve {
    /// `p_b`, dearest first.
    pub prices: Vec<Decimal>,
    /// How many of the dearest buckets mining stops in: `100 − n`.
    pub stopped: u32,
    /// The price mining runs up to: `min(strike, revenue − opx)`.
    pub cap: Decimal,
    /// What mining pays on average in the buckets it runs; `None` when it runs in none.
    pub running_price: Option<Decimal>,
    /// What the AI paths pay every hour: `kwh + firm`.
    pub ai: Decimal,
}

/// The scenario's duration curve; `None` with a flat price.
pub fn duration_curve(scenario: &Scenario, invalid: InvalidKeys) -> Option<Figure<DurationCurve>> {
    let i = Inputs::new(scenario, invalid);
    let scaled = scaled_of(&i)?;
    Some((|| {
        let scaled = scaled?;
        let fixed = Fixed::new(&i);
        let revenue = fixed.margins(&Moving::now(&i)).revenue?;
        let opx = fixed.opx?;
        let run = scaled.run(revenue, opx, scenario.strike())?;
        let breakeven = sub(revenue, opx)?;
        let cap = scenario.strike().map_or(breakeven, |s| s.min(breakeven));
        let ai = firm_cash(i.kwh()?.get(), i.firm()?.get())?;
        let running_price = match run.mean_price() {
            Ok(p) => Some(p),
            Err(ModelError::MiningNeverRuns) => None,
            Err(e) => return Err(e),
        };
        let prices = scaled.prices().iter().rev().map(|p| p.normalize()).collect();
        let stopped = u32::try_from(BUCKETS - run.n).unwrap_or(0);
        Ok(DurationCurve { prices, stopped, cap: cap.normalize(), running_price, ai: ai.normalize() })
    })())
}

/// The curve laid out: the line chart (series: the prices, the cap, the AI price), the
/// shaded span of the hours mining stops in, and where each quarter of the hours sits.
#[derive(Clone, Debug, PartialEq)]
pub struct DurationGeometry {
    pub chart: LineChart,
    /// The dearest `stopped` buckets, full plot height; `None` when mining runs every hour.
    pub stopped: Option<Rect>,
    /// `(x, percent of the hours)` at 0, 25, 50, 75 and 100 %.
    pub x_ticks: Vec<(i32, u32)>,
    /// The value the y axis stops at: prices above it are drawn at it (their exact values
    /// stay in the points' data and the downloads).
    pub top: f64,
}

impl DurationCurve {
    /// The top of the y axis: three times the dearer of the AI price and the cap, so that
    /// a few scarcity hours (ERCOT's dearest percent averages over five times the year's
    /// mean) do not flatten the rest; at least the dearest bucket when that is lower.
    pub fn top(&self) -> f64 {
        let f = |d: Decimal| d.to_f64().unwrap_or(0.0);
        let dearest = self.prices.first().map_or(0.0, |p| f(*p));
        let level = f(self.ai).max(f(self.cap)).max(0.0) * 3.0;
        if level > 0.0 {
            dearest.min(level).max(f(self.cap)).max(f(self.ai))
        } else {
            dearest
        }
    }

    /// The series as the chart plots them (USD/kWh): the prices, pinned at [`Self::top`],
    /// then the cap and the AI price across every bucket.
    pub fn series(&self) -> [Vec<Option<f64>>; 3] {
        let top = self.top();
        let f = |d: Decimal| d.to_f64();
        let prices = self.prices.iter().map(|p| f(*p).map(|v| v.min(top))).collect();
        let flat = |v: Decimal| vec![f(v); self.prices.len()];
        [prices, flat(self.cap), flat(self.ai)]
    }

    /// Lays the curve out in `plot`.
    pub fn geometry(&self, plot: Rect) -> DurationGeometry {
        let [prices, cap, ai] = self.series();
        let chart = LineChart::new(&[&prices, &cap, &ai], LAST_BUCKET, plot);
        let stopped = chart.band(0, self.stopped.min(LAST_BUCKET));
        let x_ticks = [0, 25, 50, 75, 100].into_iter().map(|pct| (chart.month_x(pct.min(LAST_BUCKET)), pct)).collect();
        DurationGeometry { chart, stopped, x_ticks, top: self.top() }
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;
    use crate::model::from_query;

    fn curve(link: &str) -> DurationCurve {
        let (s, warnings) = from_query(link);
        assert!(warnings.is_empty(), "{warnings:?}");
        match duration_curve(&s, InvalidKeys::default()) {
            Some(Ok(c)) => c,
            other => panic!("{link}: {other:?}"),
        }
    }

    fn four_levels() -> String {
        let mut parts = Vec::new();
        for level in ["10", "20", "40", "130"] {
            parts.extend(std::iter::repeat_n(level, 25));
        }
        parts.join(",")
    }

    #[test]
    fn it_has_no_curve_with_a_flat_price() {
        assert_eq!(duration_curve(&Scenario::default(), InvalidKeys::default()), None);
    }

    #[test]
    fn it_draws_four_levels_with_the_dearest_quarter_shaded() {
        // r̄ = 50; kwh 0.06: p = 0.012, 0.024, 0.048, 0.156 (25 buckets each). Revenue
        // 0.0770990887 − opx 0.005 = 0.0720990887: the dearest 25 stop.
        let c = curve(&format!("kwh=0.06&firm=0.01&pp=custom&pq={}", four_levels()));
        assert_eq!(
            (c.prices[0], c.prices[24], c.prices[25], c.prices[99]),
            (dec!(0.156), dec!(0.156), dec!(0.048), dec!(0.012))
        );
        assert_eq!(c.stopped, 25);
        assert_eq!(c.running_price, Some(dec!(0.028)));
        assert_eq!(c.ai, dec!(0.07));
        assert_eq!(c.cap.round_dp(10), dec!(0.0720990887));
        // The axis stops at 3 × 0.0721 = 0.2163, above the dearest 0.156: nothing pinned.
        assert!((c.top() - 0.156).abs() < 1e-12, "{}", c.top());
        // A plot 990 wide: bucket k at x = 10k; the shaded span runs from 0 to bucket 25.
        let g = c.geometry(Rect::new(0, 0, 990, 1000));
        assert_eq!(g.stopped, Some(Rect::new(0, 0, 250, 1000)));
        assert_eq!(g.x_ticks, vec![(0, 0), (250, 25), (500, 50), (750, 75), (990, 100)]);
        // Three lines of 100 points; the AI line is level.
        assert_eq!(g.chart.lines.len(), 3);
        let ai_y: Vec<i32> = g.chart.lines[2].points.iter().flatten().map(|p| p.y).collect();
        assert!(ai_y.len() == 100 && ai_y.iter().all(|y| *y == ai_y[0]));
    }

    #[test]
    fn it_pins_scarcity_hours_to_the_top_of_the_axis() {
        // ERCOT 2025 at 5 ¢: the dearest percent averages 41 ¢, the axis stops at
        // 3 × 7.21 ¢ (the break-even, above the AI's 5 ¢).
        let c = curve("pp=ercot-n-2025");
        assert_eq!(c.stopped, 14);
        let top = c.top();
        assert!((top - 3.0 * 0.0720990887).abs() < 1e-9, "{top}");
        let [prices, _, _] = c.series();
        assert_eq!(prices[0], Some(top));
        assert!(c.prices[0] > dec!(0.4));
        // Mining never runs at a strike of −1 USD/kWh: every bucket stopped, no running price.
        let never = curve("pp=ercot-n-2025&strike=-1");
        assert_eq!((never.stopped, never.running_price), (100, None));
        let g = never.geometry(Rect::new(0, 0, 990, 1000));
        assert_eq!(g.stopped, Some(Rect::new(0, 0, 990, 1000)));
    }
}
