//! ASIC and GPU presets from public planning figures. Where each one's figures come from,
//! in words, is `crate::text::fields::preset_source`: the model holds no sentences.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::fields::Key;

/// An ASIC model at its maker's nameplate.
#[derive(Debug, PartialEq, Eq)]
pub struct AsicPreset {
    /// The link value of `asic=`.
    pub id: &'static str,
    pub model: &'static str,
    /// Hashrate in TH/s.
    pub th: Decimal,
    /// Wall power in W.
    pub w: Decimal,
}

/// A GPU in an 8-GPU server, as planning figures.
#[derive(Debug, PartialEq, Eq)]
pub struct GpuPreset {
    /// The link value of `gpu=`.
    pub id: &'static str,
    pub model: &'static str,
    /// IT power per GPU with its share of the server, in kW.
    pub gkw: Decimal,
    /// Capex per GPU with its share of the server and network, in USD.
    pub gcap: Decimal,
    /// Rental price in USD per GPU-hour.
    pub gph: Decimal,
}

/// Makers' nameplate hashrate and power, most efficient first.
pub static ASICS: [AsicPreset; 9] = [
    AsicPreset { id: "s21xph", model: "Antminer S21 XP Hydro", th: dec!(473), w: dec!(5676) },
    AsicPreset { id: "a16xp", model: "Avalon A16 XP", th: dec!(300), w: dec!(3850) },
    AsicPreset { id: "s21xp", model: "Antminer S21 XP", th: dec!(270), w: dec!(3645) },
    AsicPreset { id: "s21pro", model: "Antminer S21 Pro", th: dec!(234), w: dec!(3510) },
    AsicPreset { id: "s21", model: "Antminer S21", th: dec!(200), w: dec!(3500) },
    AsicPreset { id: "m60s", model: "Whatsminer M60S", th: dec!(186), w: dec!(3441) },
    AsicPreset { id: "m66s", model: "Whatsminer M66S", th: dec!(298), w: dec!(5513) },
    AsicPreset { id: "s19xp", model: "Antminer S19 XP", th: dec!(140), w: dec!(3010) },
    AsicPreset { id: "s19jpro", model: "Antminer S19j Pro", th: dec!(104), w: dec!(3068) },
];

/// 8-GPU servers as planning figures: power from the DGX spec sheets divided by 8; capex from
/// 8-GPU server prices (8×H100 about $300k, 8×H200 $340k, 8×B200 $480k); rental prices
/// from 2025–26 market surveys (H100 $1.99–2.50 at smaller clouds).
pub static GPUS: [GpuPreset; 6] = [
    GpuPreset { id: "b200", model: "B200", gkw: dec!(1.79), gcap: dec!(60000), gph: dec!(5.00) },
    GpuPreset { id: "h200", model: "H200 SXM", gkw: dec!(1.275), gcap: dec!(42500), gph: dec!(3.00) },
    GpuPreset { id: "h100", model: "H100 SXM", gkw: dec!(1.275), gcap: dec!(37500), gph: dec!(2.00) },
    GpuPreset { id: "a100", model: "A100 SXM 80 GB", gkw: dec!(0.81), gcap: dec!(20000), gph: dec!(1.20) },
    GpuPreset { id: "l40s", model: "L40S", gkw: dec!(0.60), gcap: dec!(12000), gph: dec!(0.80) },
    GpuPreset { id: "rtx4090", model: "RTX 4090", gkw: dec!(0.60), gcap: dec!(3500), gph: dec!(0.35) },
];

pub const DEFAULT_ASIC: &str = "s21";
pub const DEFAULT_GPU: &str = "h100";

impl AsicPreset {
    /// The keys picking an ASIC fills.
    pub const FILLS: [Key; 2] = [Key::Th, Key::W];

    pub fn by_id(id: &str) -> Option<&'static AsicPreset> {
        ASICS.iter().find(|p| p.id == id)
    }

    pub fn default_preset() -> &'static AsicPreset {
        &ASICS[4]
    }

    /// Efficiency in J/TH, for the picker's label.
    pub fn j_per_th(&self) -> Decimal {
        (self.w / self.th).round_dp(1)
    }
}

impl GpuPreset {
    /// The keys picking a GPU fills.
    pub const FILLS: [Key; 3] = [Key::Gkw, Key::Gcap, Key::Gph];

    pub fn by_id(id: &str) -> Option<&'static GpuPreset> {
        GPUS.iter().find(|p| p.id == id)
    }

    pub fn default_preset() -> &'static GpuPreset {
        &GPUS[2]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_finds_the_defaults() {
        assert_eq!(AsicPreset::default_preset().id, DEFAULT_ASIC);
        assert_eq!(GpuPreset::default_preset().id, DEFAULT_GPU);
        assert!(AsicPreset::by_id("nope").is_none());
    }

    #[test]
    fn it_matches_the_reference_efficiencies() {
        let want = [
            ("s21xph", dec!(12.0)),
            ("a16xp", dec!(12.8)),
            ("s21xp", dec!(13.5)),
            ("s21pro", dec!(15.0)),
            ("s21", dec!(17.5)),
            ("m60s", dec!(18.5)),
            ("m66s", dec!(18.5)),
            ("s19xp", dec!(21.5)),
            ("s19jpro", dec!(29.5)),
        ];
        for (id, jth) in want {
            assert_eq!(AsicPreset::by_id(id).map(AsicPreset::j_per_th), Some(jth), "{id}");
        }
    }
}
