//! Margins per kWh month by month, as the network, prices and leases drift.
//!
//! Each month is the scenario with five inputs moved, evaluated by the same model:
//! difficulty `diff · (1 + dg/100)^m` (compounding monthly); bitcoin price and GPU rental
//! price compounding yearly at `pg` and `gd` (spread evenly over the months: the monthly
//! factor is the twelfth root of the yearly one); the colocation lease stepping up by `ce`
//! at each full year; and the subsidy halving whenever the block height, `blk` plus 4,380
//! blocks a month (144 a day, 730 hours a month), passes a multiple of 210,000.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::error::ModelError;
use super::fields::Key;
use super::metrics::{evaluate, mul, MetricId};
use super::scenario::Scenario;

type Figure = Result<Decimal, ModelError>;

/// Blocks mined in a month of 730 hours at six an hour.
const BLOCKS_PER_MONTH: u64 = 4380;
const HALVING_INTERVAL: u64 = 210_000;

/// The three paths' margins per kWh in one month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectionPoint {
    /// Months from now, 0 being the scenario itself.
    pub month: u32,
    pub mining: Figure,
    pub colo: Figure,
    pub gpu: Figure,
}

/// `1 + pct/100`.
fn growth(pct: Decimal) -> Decimal {
    Decimal::ONE + pct / Decimal::ONE_HUNDRED
}

/// The twelfth root of `x > 0` by Newton's method: the monthly factor of a yearly one.
fn twelfth_root(x: Decimal) -> Figure {
    if x <= Decimal::ZERO {
        return Err(ModelError::ZeroDivisor("yearly growth factor"));
    }
    let mut r = Decimal::ONE;
    for _ in 0..60 {
        let r11 = (0..10).try_fold(r, |acc, _| mul(acc, r))?;
        let r12 = mul(r11, r)?;
        let step = (r12 - x).checked_div(mul(dec!(12), r11)?).ok_or(ModelError::Overflow)?;
        r -= step;
        if step.abs() < dec!(0.0000000000000000000001) {
            break;
        }
    }
    Ok(r)
}

/// Every month from 0 to the horizon `mo`.
pub fn project(scenario: &Scenario) -> Vec<ProjectionPoint> {
    let months = u32::try_from(scenario.get(Key::Mo).unwrap_or(Decimal::ZERO).mantissa()).unwrap_or(0);
    let value = |key: Key| scenario.get(key).unwrap_or(Decimal::ZERO);
    let diff_step = growth(value(Key::Dg));
    let btc_step = twelfth_root(growth(value(Key::Pg)));
    let gph_step = twelfth_root(growth(value(Key::Gd)));
    let colo_step = growth(value(Key::Ce));
    let start_height = u64::try_from(value(Key::Blk).mantissa()).unwrap_or(0);

    let mut diff = Ok(value(Key::Diff));
    let mut btc = Ok(value(Key::Btc));
    let mut gph = Ok(value(Key::Gph));
    let mut colo = Ok(value(Key::Colo));
    let mut points = Vec::with_capacity(months as usize + 1);
    for month in 0..=months {
        if month > 0 {
            diff = diff.and_then(|d| mul(d, diff_step));
            btc = btc.and_then(|b| mul(b, btc_step?));
            gph = gph.and_then(|g| mul(g, gph_step?));
            if month % 12 == 0 {
                colo = colo.and_then(|c| mul(c, colo_step));
            }
        }
        let height = start_height + BLOCKS_PER_MONTH * u64::from(month);
        let halvings = height / HALVING_INTERVAL - start_height / HALVING_INTERVAL;
        let sub = (0..halvings.min(64)).fold(value(Key::Sub), |s, _| s / dec!(2));
        let mut moved = scenario.clone();
        let point = [(Key::Diff, diff), (Key::Btc, btc), (Key::Gph, gph), (Key::Colo, colo), (Key::Sub, Ok(sub))]
            .into_iter()
            .try_for_each(|(key, v)| v.map(|v| moved.drift(key, v)));
        let metrics = evaluate(&moved);
        let figure = |id: MetricId| point.and_then(|()| metrics.get(id));
        points.push(ProjectionPoint {
            month,
            mining: figure(MetricId::MiningMarginUsdPerKwh),
            colo: figure(MetricId::ColoMarginUsdPerKwh),
            gpu: figure(MetricId::GpuMarginUsdPerKwh),
        });
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::from_query;

    #[test]
    fn it_starts_from_the_scenario_itself() {
        let (s, _) = from_query("");
        let points = project(&s);
        assert_eq!(points.len(), 37);
        let now = evaluate(&s);
        assert_eq!(points[0].mining, now.get(MetricId::MiningMarginUsdPerKwh));
        assert_eq!(points[0].colo, now.get(MetricId::ColoMarginUsdPerKwh));
        assert_eq!(points[0].gpu, now.get(MetricId::GpuMarginUsdPerKwh));
    }

    #[test]
    fn it_compounds_difficulty_monthly_and_prices_yearly() {
        // Month 12 with dg=2, pg=10, gd=-15, ce=2: difficulty · 1.02^12, price · 1.1,
        // GPU price · 0.85, lease · 1.02; the halving at 1,050,000 is still ahead.
        let (s, _) = from_query("?dg=2&pg=10&gd=-15&ce=2&mo=12");
        let month12 = &project(&s)[12];
        let (expected, _) =
            from_query("?dg=2&pg=10&gd=-15&ce=2&mo=12&diff=196.57747815719452433676288&btc=93500&gph=1.7&colo=142.8");
        let want = evaluate(&expected);
        let close = |a: Figure, b: Figure| {
            let (a, b) = (a.unwrap_or_default(), b.unwrap_or_default());
            assert!((a - b).abs() <= b.abs() * dec!(0.000000001), "{a} vs {b}");
        };
        close(month12.mining, want.get(MetricId::MiningMarginUsdPerKwh));
        close(month12.colo, want.get(MetricId::ColoMarginUsdPerKwh));
        close(month12.gpu, want.get(MetricId::GpuMarginUsdPerKwh));
    }

    #[test]
    fn it_halves_the_subsidy_when_the_height_passes_1050000() {
        // From 925,000 at 4,380 blocks a month: 1,050,000 is passed in month 29 (1,052,020).
        let (s, _) = from_query("?dg=0&pg=0&gd=0&ce=0&mo=40");
        let points = project(&s);
        let (halved, _) = from_query("?sub=1.5625");
        let after = evaluate(&halved).get(MetricId::MiningMarginUsdPerKwh);
        let before = evaluate(&s).get(MetricId::MiningMarginUsdPerKwh);
        assert_eq!(points[28].mining, before);
        assert_eq!(points[29].mining, after);
    }

    #[test]
    fn it_finds_twelfth_roots() {
        // The yearly factors a link allows: −99 % to +1,000 %.
        for yearly in [dec!(0.01), dec!(0.85), dec!(1), dec!(1.1), dec!(11)] {
            let r = twelfth_root(yearly).unwrap_or_default();
            let back = (0..11).fold(r, |acc, _| acc * r);
            assert!((back - yearly).abs() < dec!(0.000000000001), "{yearly}: {r}^12 = {back}");
        }
    }
}
