//! Difficulty and network hashrate are two views of one number; people know one or the other.
//! `hashrate = difficulty · 10^12 · 2^32 / 600 s`, in EH/s (10^18 H/s).

use rust_decimal::{Decimal, RoundingStrategy};
use rust_decimal_macros::dec;

use crate::model::error::ModelError;
use crate::model::figure::Figure;

/// Expected hashes per block at difficulty 1.
pub const HASHES_PER_DIFFICULTY: Decimal = dec!(4294967296);
/// 600 s a block, and T (10^12) over EH (10^18): 600 · 10^6.
const SECONDS_TIMES_EH_PER_T: Decimal = dec!(600000000);

/// The network hashrate in EH/s that `diff_t` (in T) implies at ten-minute blocks.
pub fn hashrate_from_difficulty(diff_t: Decimal) -> Figure {
    let hashes = diff_t.checked_mul(HASHES_PER_DIFFICULTY).ok_or(ModelError::Overflow)?;
    hashes.checked_div(SECONDS_TIMES_EH_PER_T).ok_or(ModelError::Overflow)
}

/// The difficulty (in T) for `eh_s` EH/s at ten-minute blocks, rounded to 0.0001 T so a
/// link stays readable.
pub fn difficulty_from_hashrate(eh_s: Decimal) -> Figure {
    let t = eh_s
        .checked_mul(SECONDS_TIMES_EH_PER_T)
        .and_then(|h| h.checked_div(HASHES_PER_DIFFICULTY))
        .ok_or(ModelError::Overflow)?;
    Ok(t.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero).normalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_inverts_the_network_hashrate() {
        // 155 T · 2^32 / 600 / 10^6 = 1,109.533 EH/s (SPEC.md's network_hashrate_eh_s).
        assert_eq!(difficulty_from_hashrate(dec!(1109.5332181333)), Ok(dec!(155)));
        // About 1.07 ZH/s at 150 T.
        assert_eq!(difficulty_from_hashrate(dec!(1073.741824)), Ok(dec!(150)));
        assert_eq!(hashrate_from_difficulty(dec!(150)), Ok(dec!(1073.741824)));
    }
}
