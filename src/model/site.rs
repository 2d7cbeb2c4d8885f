//! What the reader already owns and how the site is split (SPEC.md, "Site (v1 extension)"):
//! `own`, `mix` and `aip`, the three keys of that extension that are no number. (`rlife` and
//! `ai` are numbers, in the key table.)

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::fields::{parse_decimal, FieldError};
use super::presets::AsicPreset;

/// What the reader already owns, paid for (`own=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Own {
    /// A new build: every path pays for its site.
    #[default]
    None,
    /// The powered site exists (land, substation, distribution, shell).
    Site,
    /// The site and the ASICs are paid; the fleet has `rlife` years left.
    Fleet,
}

impl Own {
    pub const ALL: [Own; 3] = [Own::None, Own::Site, Own::Fleet];

    /// The link value.
    pub fn name(self) -> &'static str {
        match self {
            Own::None => "none",
            Own::Site => "site",
            Own::Fleet => "fleet",
        }
    }

    pub fn from_name(name: &str) -> Option<Own> {
        Self::ALL.into_iter().find(|o| o.name() == name)
    }

    /// Is the powered site paid for?
    pub fn site_owned(self) -> bool {
        self != Own::None
    }
}

/// Which AI path the converted share of the site takes (`aip=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum AiPath {
    #[default]
    Colo,
    Gpu,
}

impl AiPath {
    pub const ALL: [AiPath; 2] = [AiPath::Colo, AiPath::Gpu];

    /// The link value.
    pub fn name(self) -> &'static str {
        match self {
            AiPath::Colo => "colo",
            AiPath::Gpu => "gpu",
        }
    }

    pub fn from_name(name: &str) -> Option<AiPath> {
        Self::ALL.into_iter().find(|p| p.name() == name)
    }
}

/// At most this many models in a fleet.
pub const MIX_MAX: usize = 6;

/// One model of a fleet and its share of the mining power, in % (more than 0, at most 100).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MixModel {
    pub preset: &'static AsicPreset,
    pub share_pct: Decimal,
}

/// A fleet of several ASIC models (`mix=ID:SHARE,…`): 1 to 6 known presets, each once, the
/// shares summing to 100 (to 10^−9). Valid by construction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mix(Vec<MixModel>);

/// Why a `mix=` value is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MixError {
    /// Nothing given.
    Empty,
    /// An entry that is not `ID:SHARE` (the entry).
    NotIdShare(String),
    /// An id that is no ASIC preset (the id).
    UnknownModel(String),
    /// A model named twice (the id).
    Repeated(String),
    /// More models than [`MIX_MAX`].
    TooMany,
    /// A share that is not a number (the id, and why).
    Share(String, FieldError),
    /// A share at or below zero, or above 100 (the id).
    ShareOutOfRange(String),
    /// The shares do not sum to 100 (their sum).
    Sum(Decimal),
}

/// How far from 100 the shares may sum.
const SUM_TOLERANCE: Decimal = dec!(0.000000001);

impl Mix {
    /// Checks a list of models and shares.
    pub fn new(models: Vec<MixModel>) -> Result<Mix, MixError> {
        if models.is_empty() {
            return Err(MixError::Empty);
        }
        if models.len() > MIX_MAX {
            return Err(MixError::TooMany);
        }
        let mut sum = Decimal::ZERO;
        for (i, m) in models.iter().enumerate() {
            if models[..i].iter().any(|o| o.preset.id == m.preset.id) {
                return Err(MixError::Repeated(m.preset.id.to_string()));
            }
            if m.share_pct <= Decimal::ZERO || m.share_pct > Decimal::ONE_HUNDRED {
                return Err(MixError::ShareOutOfRange(m.preset.id.to_string()));
            }
            // Six shares of at most 100 each: no overflow.
            sum = sum.checked_add(m.share_pct).ok_or(MixError::TooMany)?;
        }
        if (sum - Decimal::ONE_HUNDRED).abs() > SUM_TOLERANCE {
            return Err(MixError::Sum(sum.normalize()));
        }
        Ok(Mix(models.into_iter().map(|m| MixModel { share_pct: m.share_pct.normalize(), ..m }).collect()))
    }

    /// Reads a link's `mix=` value: `ID:SHARE` entries separated by commas.
    pub fn parse(text: &str) -> Result<Mix, MixError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(MixError::Empty);
        }
        let mut models = Vec::new();
        for entry in text.split(',') {
            if models.len() == MIX_MAX {
                return Err(MixError::TooMany);
            }
            let Some((id, share)) = entry.split_once(':') else {
                return Err(MixError::NotIdShare(entry.to_string()));
            };
            let id = id.trim();
            let preset = AsicPreset::by_id(id).ok_or_else(|| MixError::UnknownModel(id.to_string()))?;
            let share_pct = parse_decimal(share).map_err(|e| MixError::Share(id.to_string(), e))?;
            models.push(MixModel { preset, share_pct });
        }
        Mix::new(models)
    }

    /// The link value: `ID:SHARE,…` in the fleet's order.
    pub fn to_link_value(&self) -> String {
        let entries: Vec<String> =
            self.0.iter().map(|m| format!("{}:{}", m.preset.id, m.share_pct.normalize())).collect();
        entries.join(",")
    }

    pub fn models(&self) -> &[MixModel] {
        &self.0
    }
}

/// The site keys that are no number: what is owned, the fleet's mix, the converted share's
/// AI path.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SiteKeys {
    pub own: Own,
    pub mix: Option<Mix>,
    pub aip: AiPath,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_reads_and_writes_a_mix() {
        let mix = Mix::parse("s19xp:60,s21:40").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(mix.models().len(), 2);
        assert_eq!(mix.models()[0].preset.id, "s19xp");
        assert_eq!(mix.models()[1].share_pct, dec!(40));
        assert_eq!(mix.to_link_value(), "s19xp:60,s21:40");
        assert_eq!(Mix::parse("s21:100.000").map(|m| m.to_link_value()), Ok("s21:100".to_string()));
        // Thirds: the shares sum to 100 within 10^−9.
        assert!(Mix::parse("s21:33.3333333333,s19xp:33.3333333333,m60s:33.3333333334").is_ok());
    }

    #[test]
    fn it_names_why_a_mix_is_refused() {
        let cases = [
            ("", MixError::Empty),
            ("s21", MixError::NotIdShare("s21".into())),
            ("s9:100", MixError::UnknownModel("s9".into())),
            ("s21:50,s21:50", MixError::Repeated("s21".into())),
            ("s21:abc", MixError::Share("s21".into(), FieldError::NotANumber)),
            ("s21:0,s19xp:100", MixError::ShareOutOfRange("s21".into())),
            ("s21:-10,s19xp:110", MixError::ShareOutOfRange("s21".into())),
            ("s21:60,s19xp:30", MixError::Sum(dec!(90))),
            ("s21:50,s19xp:50.00000001", MixError::Sum(dec!(100.00000001))),
            ("s21xph:10,a16xp:10,s21xp:10,s21pro:10,s21:10,m60s:10,m66s:40", MixError::TooMany),
        ];
        for (text, want) in cases {
            assert_eq!(Mix::parse(text), Err(want), "{text}");
        }
    }

    #[test]
    fn it_names_owners_and_ai_paths() {
        for own in Own::ALL {
            assert_eq!(Own::from_name(own.name()), Some(own));
        }
        assert_eq!(Own::from_name("all"), None);
        assert!(!Own::None.site_owned() && Own::Site.site_owned() && Own::Fleet.site_owned());
        assert_eq!(AiPath::from_name("gpu"), Some(AiPath::Gpu));
        assert_eq!(AiPath::from_name("mining"), None);
    }
}
