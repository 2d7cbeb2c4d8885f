//! One scenario: every input of the contract, valid by construction.

use rust_decimal::Decimal;

use super::fields::{FieldError, Key};
use super::history::BacktestKeys;
use super::power::PowerKeys;
use super::presets::{AsicPreset, GpuPreset};
use super::site::{AiPath, Mix, Own, SiteKeys};
use super::units::*;
use super::view::View;

/// Every input of SPEC.md. Values can only be set through [`Scenario::set`], which checks the
/// range, so a `Scenario` always holds a valid value for each key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scenario {
    values: [Decimal; Key::COUNT],
    /// `hp` is the one key with no default: absent means "compute hashprice".
    hp: Option<Decimal>,
    asic: &'static AsicPreset,
    gpu: &'static GpuPreset,
    /// `bt` and `btcap` (src/model/history.rs): defaults that follow `life` and `capex`.
    pub(super) backtest: BacktestKeys,
    /// `pp`, `pq` and `strike` (src/model/power.rs): the power price's shape over the year.
    pub(super) power: PowerKeys,
    /// `own`, `mix` and `aip` (src/model/site.rs).
    site: SiteKeys,
    pub view: View,
}

impl Default for Scenario {
    fn default() -> Self {
        let asic = AsicPreset::default_preset();
        let gpu = GpuPreset::default_preset();
        let mut values = [Decimal::ZERO; Key::COUNT];
        for key in Key::ALL {
            values[key.index()] = key.field().default.unwrap_or(Decimal::ZERO);
        }
        let mut scenario = Scenario {
            values,
            hp: None,
            asic,
            gpu,
            backtest: BacktestKeys::default(),
            power: PowerKeys::default(),
            site: SiteKeys::default(),
            view: View::default(),
        };
        scenario.fill_asic();
        scenario.fill_gpu();
        scenario
    }
}

/// Calls `$m!` with every numeric input as `accessor: Key => Unit;`: the one place that
/// says which unit each key has, for the scenario's accessors and the model's checked reads.
macro_rules! for_each_input {
    ($m:ident) => {
        $m! {
            btc: Btc => UsdPerBtc;
            diff: Diff => Difficulty;
            sub: Sub => BtcPerBlock;
            fee: Fee => BtcPerBlock;
            th: Th => TerahashPerSecond;
            w: W => Watts;
            kwh: Kwh => UsdPerKwh;
            opx: Opx => UsdPerKwh;
            up: Up => Share;
            pool: Pool => Share;
            pue: Pue => Pue;
            capex: Capex => UsdPerTerahash;
            site: Site => UsdPerMegawatt;
            life: Life => Years;
            colo: Colo => UsdPerKwMonth;
            gpue: Gpue => Pue;
            gph: Gph => UsdPerGpuHour;
            util: Util => Share;
            gkw: Gkw => Kilowatts;
            gcap: Gcap => Usd;
            gopx: Gopx => Share;
            gfit: Gfit => UsdPerMegawatt;
            tgt: Tgt => UsdPerBtc;
            mo: Mo => Months;
            dg: Dg => Rate;
            pg: Pg => Rate;
            gd: Gd => Rate;
            ce: Ce => Rate;
            blk: Blk => BlockHeight;
            dr: Dr => Rate;
            conv: Conv => Months;
            glife: Glife => Years;
            clife: Clife => Years;
            mw: Mw => Megawatts;
            drc: Drc => UsdPerKwYear;
            firm: Firm => UsdPerKwh;
            rlife: Rlife => Years;
            ai: Ai => Share;
        }
    };
}
pub(crate) use for_each_input;

macro_rules! accessors {
    ($($fn:ident: $key:ident => $unit:ident;)*) => {
        $(
            #[doc = concat!("`", stringify!($fn), "` in its unit.")]
            pub fn $fn(&self) -> $unit {
                $unit::new(self.values[Key::$key.index()])
            }
        )*
    };
}

impl Scenario {
    for_each_input!(accessors);

    /// The hashprice override, if one is set.
    pub fn hp(&self) -> Option<UsdPerPhDay> {
        self.hp.map(UsdPerPhDay::new)
    }

    pub fn asic(&self) -> &'static AsicPreset {
        self.asic
    }

    pub fn gpu(&self) -> &'static GpuPreset {
        self.gpu
    }

    /// What the reader already owns (`own`).
    pub fn own(&self) -> Own {
        self.site.own
    }

    /// The fleet's models and shares (`mix`), when it has several.
    pub fn mix(&self) -> Option<&Mix> {
        self.site.mix.as_ref()
    }

    /// The AI path of the converted share (`aip`).
    pub fn aip(&self) -> AiPath {
        self.site.aip
    }

    pub fn set_own(&mut self, own: Own) {
        self.site.own = own;
    }

    /// Sets the fleet's mix; `None` is the single model of `asic`, `th` and `w`.
    pub fn set_mix(&mut self, mix: Option<Mix>) {
        self.site.mix = mix;
    }

    pub fn set_aip(&mut self, aip: AiPath) {
        self.site.aip = aip;
    }

    /// The value of a key as the link writes it; `None` only for an unset `hp`.
    pub fn get(&self, key: Key) -> Option<Decimal> {
        match key {
            Key::Hp => self.hp,
            _ => Some(self.values[key.index()]),
        }
    }

    /// What `key` is when the link does not give it: the contract's default, or the
    /// preset's figure for the keys a preset fills.
    pub fn default_of(&self, key: Key) -> Option<Decimal> {
        match key {
            Key::Th => Some(self.asic.th),
            Key::W => Some(self.asic.w),
            Key::Gkw => Some(self.gpu.gkw),
            Key::Gcap => Some(self.gpu.gcap),
            Key::Gph => Some(self.gpu.gph),
            _ => key.field().default,
        }
    }

    /// Whether the network is the snapshot's ([`crate::model::SNAPSHOT_DATE`]): its
    /// difficulty, subsidy, fees and block height at their defaults, and no hashprice set
    /// by hand.
    pub fn network_is_snapshot(&self) -> bool {
        self.hp.is_none()
            && [Key::Diff, Key::Sub, Key::Fee, Key::Blk].into_iter().all(|k| self.get(k) == self.default_of(k))
    }

    /// Sets a key after checking its range; on error the scenario is unchanged.
    /// `None` clears `hp` (and resets any other key to its default).
    pub fn set(&mut self, key: Key, value: Option<Decimal>) -> Result<(), FieldError> {
        let field = key.field();
        match (key, value) {
            (Key::Hp, None) => self.hp = None,
            (_, None) => self.values[key.index()] = self.default_of(key).unwrap_or(Decimal::ZERO),
            (_, Some(v)) if !field.contains(v) => return Err(FieldError::OutOfRange),
            // Subsidy plus fees must stay above zero, or no hashprice exists.
            (Key::Sub, Some(v)) if v.is_zero() && self.fee().get().is_zero() => {
                return Err(FieldError::RewardNotPositive)
            }
            (Key::Fee, Some(v)) if v.is_zero() && self.sub().get().is_zero() => {
                return Err(FieldError::RewardNotPositive)
            }
            (Key::Hp, Some(v)) => self.hp = Some(v.normalize()),
            (_, Some(v)) => self.values[key.index()] = v.normalize(),
        }
        Ok(())
    }

    /// The same scenario as the full page shows it: no embed layout, sections, editing or
    /// live-data switch, but the same numbers, theme and language.
    pub fn without_embed(&self) -> Scenario {
        let mut full = self.clone();
        full.view.embed = false;
        full.view.show = None;
        full.view.chart = None;
        full.view.edit = true;
        // The full page always offers today's network.
        full.view.live = false;
        full
    }

    /// Picks an ASIC and fills its hashrate and power.
    pub fn set_asic(&mut self, preset: &'static AsicPreset) {
        self.asic = preset;
        self.fill_asic();
    }

    /// Picks a GPU and fills its power, capex and rental price.
    pub fn set_gpu(&mut self, preset: &'static GpuPreset) {
        self.gpu = preset;
        self.fill_gpu();
    }

    fn fill_asic(&mut self) {
        self.values[Key::Th.index()] = self.asic.th;
        self.values[Key::W.index()] = self.asic.w;
    }

    fn fill_gpu(&mut self) {
        self.values[Key::Gkw.index()] = self.gpu.gkw;
        self.values[Key::Gcap.index()] = self.gpu.gcap;
        self.values[Key::Gph.index()] = self.gpu.gph;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn it_starts_from_the_snapshot() {
        let s = Scenario::default();
        assert_eq!(s.btc().get(), dec!(85000));
        assert_eq!(s.th().get(), dec!(200));
        assert_eq!(s.gkw().get(), dec!(1.275));
        assert_eq!(s.hp(), None);
    }

    #[test]
    fn it_refuses_out_of_range_values_and_keeps_the_old_one() {
        let mut s = Scenario::default();
        assert_eq!(s.set(Key::Kwh, Some(dec!(11))), Err(FieldError::OutOfRange));
        assert_eq!(s.kwh().get(), dec!(0.05));
        assert_eq!(s.set(Key::Kwh, Some(dec!(0.03))), Ok(()));
        assert_eq!(s.kwh().get(), dec!(0.03));
    }

    #[test]
    fn it_keeps_subsidy_plus_fees_above_zero() {
        let mut s = Scenario::default();
        assert_eq!(s.set(Key::Fee, Some(dec!(0))), Ok(()));
        assert_eq!(s.set(Key::Sub, Some(dec!(0))), Err(FieldError::RewardNotPositive));
        assert_eq!(s.set(Key::Fee, Some(dec!(1))), Ok(()));
        assert_eq!(s.set(Key::Sub, Some(dec!(0))), Ok(()));
    }

    #[test]
    fn it_opens_an_embed_as_the_full_page_with_the_same_numbers() {
        let (embed, _) = crate::model::from_query("kwh=0.03&embed=1&show=btc&edit=0&live=1&theme=dark");
        let full = embed.without_embed();
        assert_eq!(crate::model::to_query(&full), "v=1&kwh=0.03&theme=dark");
    }

    #[test]
    fn it_fills_fields_from_a_preset() {
        let mut s = Scenario::default();
        s.set_asic(AsicPreset::by_id("s21xp").unwrap_or_else(|| panic!("no s21xp preset")));
        assert_eq!((s.th().get(), s.w().get()), (dec!(270), dec!(3645)));
        s.set_gpu(GpuPreset::by_id("b200").unwrap_or_else(|| panic!("no b200 preset")));
        assert_eq!((s.gkw().get(), s.gcap().get(), s.gph().get()), (dec!(1.79), dec!(60000), dec!(5.00)));
    }
}
