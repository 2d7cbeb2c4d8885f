//! Months on a time axis: month `k` of a projection is `k` calendar months after the
//! snapshot, and the axis labels dates, not month numbers.

/// A calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct YearMonth {
    year: i32,
    /// 1 … 12.
    month: u8,
}

/// Month 0 of every projection: the snapshot of [`crate::model::SNAPSHOT_DATE`]
/// (22 November 2025), so month 1 is December 2025 and month 26 is January 2028.
pub const SNAPSHOT_MONTH: YearMonth = YearMonth { year: 2025, month: 11 };

impl YearMonth {
    /// A month; `None` unless `month` is 1 … 12.
    pub const fn new(year: i32, month: u8) -> Option<YearMonth> {
        if month >= 1 && month <= 12 {
            Some(YearMonth { year, month })
        } else {
            None
        }
    }

    pub const fn year(self) -> i32 {
        self.year
    }

    /// 1 … 12.
    pub const fn month(self) -> u8 {
        self.month
    }

    /// The month `offset` months later; the year saturates at `i32::MAX`.
    pub fn plus_months(self, offset: u32) -> YearMonth {
        let total = i64::from(self.month) - 1 + i64::from(offset);
        let year = i64::from(self.year) + total / 12;
        // total % 12 lies in 0 … 11.
        let month = (total % 12) as u8 + 1;
        YearMonth { year: i32::try_from(year).unwrap_or(i32::MAX), month }
    }

    /// How many months from this one to the next January (0 when this is a January).
    pub fn months_to_january(self) -> u32 {
        u32::from((13 - self.month) % 12)
    }
}

/// `(year, month)` of the month `offset` months after `(start_year, start_month)`, as a
/// date label needs it: `month_date(2025, 11, 26) = Some((2028, 1))`. `None` when
/// `start_month` is not 1 … 12.
pub fn month_date(start_year: i32, start_month: u8, offset: u32) -> Option<(i32, u8)> {
    let date = YearMonth::new(start_year, start_month)?.plus_months(offset);
    Some((date.year, date.month))
}

/// Month steps a time axis may use: whole years once the horizon spans two of them (so
/// labels read as dates a year apart), else fractions of a year.
const YEAR_STEPS: [u32; 5] = [12, 24, 36, 60, 120];
const SHORT_STEPS: [u32; 5] = [1, 2, 3, 6, 12];
/// Years between ticks on a calendar axis.
const YEAR_INTERVALS: [u32; 5] = [1, 2, 5, 10, 20];
/// More labels than this crowd a time axis at 360 px.
const MAX_TIME_TICKS: u32 = 7;

/// Ticks counted from month 0 for a horizon of `horizon` months: the smallest step of
/// 12, 24, 36, 60 or 120 months (1, 2, 3, 6 or 12 below two years) giving at most seven
/// ticks, starting at month 0. `month_ticks(120) = [0, 24, 48, 72, 96, 120]`.
pub fn month_ticks(horizon: u32) -> Vec<u32> {
    let steps = if horizon >= 24 { YEAR_STEPS } else { SHORT_STEPS };
    let step = steps
        .into_iter()
        .find(|s| horizon / s < MAX_TIME_TICKS)
        // Past 60 years: an even spread of seven.
        .unwrap_or_else(|| horizon.div_ceil(MAX_TIME_TICKS - 1));
    (0..=horizon).step_by(step.max(1) as usize).collect()
}

/// Ticks on Januaries, for an axis labelled by year alone (`2026`, `2028`): every 1, 2, 5,
/// 10 or 20 years, on years divisible by that interval, the smallest interval giving at
/// most seven ticks. `None` when fewer than two Januaries fall within months
/// `0 ..= horizon`; use [`month_ticks`] then.
pub fn year_ticks(start: YearMonth, horizon: u32) -> Option<Vec<u32>> {
    let first = start.months_to_january();
    let januaries: Vec<u32> = (first..=horizon).step_by(12).collect();
    if januaries.len() < 2 {
        return None;
    }
    YEAR_INTERVALS.into_iter().find_map(|years| {
        let ticks: Vec<u32> =
            januaries.iter().copied().filter(|&m| start.plus_months(m).year.rem_euclid(years as i32) == 0).collect();
        (ticks.len() as u32 <= MAX_TIME_TICKS).then_some(ticks)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_counts_calendar_months() {
        type Case = ((i32, u8, u32), Option<(i32, u8)>);
        let cases: [Case; 9] = [
            ((2025, 11, 0), Some((2025, 11))),
            ((2025, 11, 1), Some((2025, 12))),
            ((2025, 11, 2), Some((2026, 1))),
            // The April 2028 halving is month 29 from the snapshot.
            ((2025, 11, 29), Some((2028, 4))),
            ((2025, 11, 120), Some((2035, 11))),
            ((2025, 11, 240), Some((2045, 11))),
            ((2025, 1, 11), Some((2025, 12))),
            ((2025, 13, 1), None),
            ((2025, 0, 1), None),
        ];
        for ((y, m, k), want) in cases {
            assert_eq!(month_date(y, m, k), want, "{y}-{m} + {k}");
        }
        let far = YearMonth { year: i32::MAX, month: 12 }.plus_months(u32::MAX);
        assert_eq!(far.year(), i32::MAX);
        assert!((1..=12).contains(&far.month()));
    }

    #[test]
    fn it_matches_the_snapshot_date() {
        let (year, month) = (SNAPSHOT_MONTH.year(), SNAPSHOT_MONTH.month());
        assert_eq!(crate::model::SNAPSHOT_DATE[..7], format!("{year}-{month:02}"));
    }

    #[test]
    fn it_ticks_months_from_zero() {
        let cases: [(u32, &[u32]); 9] = [
            (0, &[0]),
            (1, &[0, 1]),
            (12, &[0, 2, 4, 6, 8, 10, 12]),
            (23, &[0, 6, 12, 18]),
            (36, &[0, 12, 24, 36]),
            (72, &[0, 12, 24, 36, 48, 60, 72]),
            (84, &[0, 24, 48, 72]),
            (120, &[0, 24, 48, 72, 96, 120]),
            (240, &[0, 36, 72, 108, 144, 180, 216]),
        ];
        for (horizon, want) in cases {
            assert_eq!(month_ticks(horizon), want, "{horizon}");
        }
        assert!(month_ticks(u32::MAX).len() <= 7);
    }

    #[test]
    fn it_ticks_januaries() {
        let nov = SNAPSHOT_MONTH;
        let jan = YearMonth::new(2026, 1);
        type Case = (Option<YearMonth>, u32, Option<&'static [u32]>);
        let cases: [Case; 6] = [
            // Januaries 2026 … 2035 at months 2, 14, …, 110: ten, so every two years.
            (Some(nov), 120, Some(&[2, 26, 50, 74, 98])),
            // Twenty Januaries: every five years, 2030 … 2045.
            (Some(nov), 240, Some(&[50, 110, 170, 230])),
            (Some(nov), 36, Some(&[2, 14, 26])),
            (Some(nov), 14, Some(&[2, 14])),
            (Some(nov), 13, None),
            // Starting on a January, month 0 is one.
            (jan, 24, Some(&[0, 12, 24])),
        ];
        for (start, horizon, want) in cases {
            let Some(start) = start else { panic!("bad month") };
            assert_eq!(year_ticks(start, horizon).as_deref(), want, "{start:?} {horizon}");
        }
    }
}
