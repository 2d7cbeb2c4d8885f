//! Difficulty and network hashrate are two views of one number; people know one or the other.

use rust_decimal::{Decimal, RoundingStrategy};
use rust_decimal_macros::dec;

use super::error::ModelError;

/// The difficulty (in T): `EH/s · 10^18 · 600 / 2^32 / 10^12`, for `eh_s` EH/s at ten-minute blocks, rounded to 0.0001 T
/// so a link stays readable.
pub fn difficulty_from_hashrate(eh_s: Decimal) -> Result<Decimal, ModelError> {
    let t = eh_s
        .checked_mul(dec!(600000000))
        .and_then(|h| h.checked_div(dec!(4294967296)))
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
        // REFERENCE.md: about 1.07 ZH/s at 150 T.
        assert_eq!(difficulty_from_hashrate(dec!(1073.741824)), Ok(dec!(150)));
    }
}
