//! Display keys of the share link: they change the view, never a number.

use rust_decimal::Decimal;

/// The display language (`lang=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    En,
    Ar,
    Vi,
}

/// The colour theme (`theme=`); `Auto` follows `prefers-color-scheme`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

/// The unit the power price is shown and typed in (`pu=`). The link always holds `kwh` in
/// USD/kWh; this only changes the field.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PowerUnit {
    /// USD per kWh (`pu=kwh`).
    #[default]
    UsdPerKwh,
    /// US cents per kWh (`pu=ckwh`).
    CentsPerKwh,
    /// USD per MWh (`pu=mwh`).
    UsdPerMwh,
}

impl PowerUnit {
    pub const ALL: [PowerUnit; 3] = [PowerUnit::UsdPerKwh, PowerUnit::CentsPerKwh, PowerUnit::UsdPerMwh];

    pub fn name(self) -> &'static str {
        match self {
            PowerUnit::UsdPerKwh => "kwh",
            PowerUnit::CentsPerKwh => "ckwh",
            PowerUnit::UsdPerMwh => "mwh",
        }
    }

    pub fn from_name(name: &str) -> Option<PowerUnit> {
        Self::ALL.into_iter().find(|u| u.name() == name)
    }

    /// How many of this unit make one USD/kWh: 1, 100 (¢) or 1,000 (per MWh).
    pub fn per_usd_per_kwh(self) -> Decimal {
        match self {
            PowerUnit::UsdPerKwh => Decimal::ONE,
            PowerUnit::CentsPerKwh => Decimal::ONE_HUNDRED,
            PowerUnit::UsdPerMwh => Decimal::ONE_THOUSAND,
        }
    }

    /// A price in USD/kWh as this unit shows it (exact: a power of ten).
    pub fn shown(self, usd_per_kwh: Decimal) -> Option<Decimal> {
        usd_per_kwh.checked_mul(self.per_usd_per_kwh()).map(|v| v.normalize())
    }

    /// A price typed in this unit, in USD/kWh (exact: a power of ten).
    pub fn to_usd_per_kwh(self, typed: Decimal) -> Option<Decimal> {
        typed.checked_div(self.per_usd_per_kwh()).map(|v| v.normalize())
    }
}

/// A section of the page an embed may show (`show=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// Revenue and margin per kWh side by side, with the chart.
    Compare,
    /// Cost to mine one BTC against the target.
    Btc,
    /// Capex, margin and payback per MW.
    PerMw,
    /// Hashprice and network hashrate.
    Network,
    /// Margins and cash over time, payback, NPV and IRR.
    Time,
    /// The input fields.
    Inputs,
    /// The decision map: which path wins over power and bitcoin prices.
    Map,
    /// What moves the answer: each input stepped down and up.
    Drivers,
    /// Hashprice since 2016, each generation's revenue per kWh, and the backtest.
    History,
}

impl Section {
    pub const ALL: [Section; 9] = [
        Section::Compare,
        Section::Btc,
        Section::PerMw,
        Section::Network,
        Section::Time,
        Section::Inputs,
        Section::Map,
        Section::Drivers,
        Section::History,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Section::Compare => "compare",
            Section::Btc => "btc",
            Section::PerMw => "mw",
            Section::Network => "network",
            Section::Time => "time",
            Section::Inputs => "inputs",
            Section::Map => "map",
            Section::Drivers => "drivers",
            Section::History => "history",
        }
    }

    pub fn from_name(name: &str) -> Option<Section> {
        Self::ALL.into_iter().find(|s| s.name() == name)
    }

    fn bit(self) -> u16 {
        1 << (self as u8)
    }

    /// Whether a comparison shows this section: a group of its table, or (B's) inputs. The
    /// decision map, "What moves the answer" and History are of one scenario.
    pub fn in_comparison(self) -> bool {
        !matches!(self, Section::Map | Section::Drivers | Section::History)
    }
}

/// One chart an embed may show alone (`show=` naming it), sized for an article's column
/// with its title, what it rests on and its source: as a chart tool's embed would be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chart {
    /// Revenue and margin per kWh of each path, as bars ("What a kWh earns").
    Kwh,
    /// Margin per kWh of each path, month by month ("Over time").
    Margin,
    /// Cumulative cash per MW of each path over its life ("Over time").
    Cash,
    /// The decision map.
    Map,
}

impl Chart {
    pub const ALL: [Chart; 4] = [Chart::Kwh, Chart::Margin, Chart::Cash, Chart::Map];

    /// The `show=` value: none is a section's name, so a link that names a section keeps
    /// its meaning.
    pub fn name(self) -> &'static str {
        match self {
            Chart::Kwh => "kwh-chart",
            Chart::Margin => "margin-chart",
            Chart::Cash => "cash-chart",
            Chart::Map => "map-chart",
        }
    }

    pub fn from_name(name: &str) -> Option<Chart> {
        Self::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// A set of sections, kept in `Section::ALL` order whatever order the link gave.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sections(u16);

impl Sections {
    /// What an embed shows when the link does not say: the comparison and the BTC card.
    pub const EMBED_DEFAULT: Sections = Sections(1 | 2);

    pub fn empty() -> Self {
        Sections(0)
    }

    pub fn with(self, s: Section) -> Self {
        Sections(self.0 | s.bit())
    }

    /// The set with `s` added (`on`) or removed.
    pub fn toggled(self, s: Section, on: bool) -> Self {
        if on {
            self.with(s)
        } else {
            Sections(self.0 & !s.bit())
        }
    }

    pub fn contains(self, s: Section) -> bool {
        self.0 & s.bit() != 0
    }

    /// The sections of these a comparison shows ([`Section::in_comparison`]).
    pub fn in_comparison(self) -> Sections {
        Section::ALL
            .into_iter()
            .filter(|s| s.in_comparison() && self.contains(*s))
            .fold(Sections::empty(), Sections::with)
    }

    /// The link value: `compare,btc`.
    pub fn to_link_value(self) -> String {
        let names: Vec<&str> = Section::ALL.into_iter().filter(|s| self.contains(*s)).map(Section::name).collect();
        names.join(",")
    }
}

/// The most characters `title=` may hold (SPEC.md, "Display keys").
pub const TITLE_MAX: usize = 80;

/// A headline for the scenario (`title=`): plain text of 1 to [`TITLE_MAX`] characters,
/// shown as text (never as markup). Held inline so that a [`View`] stays `Copy`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Title {
    len: u16,
    bytes: [u8; TITLE_MAX * 4],
}

/// Why a text cannot be a title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TitleError {
    /// Nothing but spaces.
    Empty,
    /// More than [`TITLE_MAX`] characters.
    TooLong,
}

/// Text from a link as the page may show it: each control character (a line break, a tab)
/// and each bidi control a space, so that it can neither break a line nor turn the text
/// around it (a U+202E reverses what follows).
pub fn plain_text(text: &str) -> String {
    let bidi =
        |c: char| matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    text.chars().map(|c| if c.is_control() || bidi(c) { ' ' } else { c }).collect()
}

impl Title {
    /// The title `text` makes: [`plain_text`], trimmed.
    pub fn new(text: &str) -> Result<Title, TitleError> {
        let spaced = plain_text(text);
        let clean = spaced.trim();
        if clean.is_empty() {
            return Err(TitleError::Empty);
        }
        if clean.chars().count() > TITLE_MAX {
            return Err(TitleError::TooLong);
        }
        let mut bytes = [0; TITLE_MAX * 4];
        // Trimmed after control characters became spaces: a DEL alone is no title.
        bytes[..clean.len()].copy_from_slice(clean.as_bytes());
        // At most 80 characters of at most 4 bytes: the length fits.
        Ok(Title { len: clean.len() as u16, bytes })
    }

    pub fn as_str(&self) -> &str {
        // Built from a `str` in `new`, cut at its own length: always UTF-8.
        core::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl core::fmt::Debug for Title {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        core::fmt::Debug::fmt(self.as_str(), f)
    }
}

/// How the scenario is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct View {
    pub lang: Lang,
    /// `title=`: a headline above the results and in the embed.
    pub title: Option<Title>,
    pub theme: Theme,
    /// `embed=1`: the compact layout without page chrome.
    pub embed: bool,
    /// `show=`: the sections of an embed; `None` means the default set.
    pub show: Option<Sections>,
    /// `edit=0` makes an embed's inputs read-only.
    pub edit: bool,
    /// `live=1`: an embed offers "Use today's network" (the full page always does).
    pub live: bool,
    /// `pu=`: the unit of the power price's field.
    pub power_unit: PowerUnit,
    /// `nu=latn`: Western digits (0–9) where the language has its own (Arabic).
    pub latin_digits: bool,
    /// `show=` naming one chart: an embed of that chart alone (`show` is then `None`).
    pub chart: Option<Chart>,
}

impl Default for View {
    fn default() -> Self {
        View {
            lang: Lang::En,
            title: None,
            theme: Theme::Auto,
            embed: false,
            show: None,
            edit: true,
            live: false,
            power_unit: PowerUnit::UsdPerKwh,
            latin_digits: false,
            chart: None,
        }
    }
}

impl View {
    /// The sections this view shows.
    pub fn sections(&self) -> Sections {
        if self.chart.is_some() {
            return Sections::empty();
        }
        match (self.embed, self.show) {
            (_, Some(s)) => s,
            (true, None) => Sections::EMBED_DEFAULT,
            (false, None) => Section::ALL.into_iter().fold(Sections::empty(), Sections::with),
        }
    }
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ar, Lang::Vi];

    /// Arabic reads right to left.
    pub fn rtl(self) -> bool {
        self == Lang::Ar
    }

    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
            Lang::Vi => "vi",
        }
    }

    pub fn from_name(name: &str) -> Option<Lang> {
        Self::ALL.into_iter().find(|l| l.name() == name)
    }
}

impl Theme {
    pub fn name(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_name(name: &str) -> Option<Theme> {
        [Theme::Auto, Theme::Light, Theme::Dark].into_iter().find(|t| t.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_converts_the_power_price_to_and_from_its_unit_exactly() {
        use rust_decimal_macros::dec;
        for (unit, usd, shown) in [
            (PowerUnit::UsdPerKwh, dec!(0.045), dec!(0.045)),
            (PowerUnit::CentsPerKwh, dec!(0.045), dec!(4.5)),
            (PowerUnit::UsdPerMwh, dec!(0.045), dec!(45)),
            (PowerUnit::CentsPerKwh, dec!(0.0333), dec!(3.33)),
        ] {
            assert_eq!(unit.shown(usd), Some(shown), "{unit:?}");
            assert_eq!(unit.to_usd_per_kwh(shown), Some(usd), "{unit:?}");
            assert_eq!(PowerUnit::from_name(unit.name()), Some(unit));
        }
        assert_eq!(PowerUnit::from_name("usd"), None);
    }

    #[test]
    fn it_keeps_a_title_as_plain_text_of_at_most_80_characters() {
        assert_eq!(
            Title::new("  <b>Hà Nội</b>\tمقارنة ").map(|t| t.as_str().to_string()),
            Ok("<b>Hà Nội</b> مقارنة".into())
        );
        assert_eq!(Title::new(" \n ").err(), Some(TitleError::Empty));
        assert_eq!(Title::new("\u{7f}").err(), Some(TitleError::Empty));
        assert_eq!(Title::new("\u{202e}abc <b>\u{2066}x").map(|t| t.as_str().to_string()), Ok("abc <b> x".into()));
        let longest = "ế".repeat(TITLE_MAX);
        assert_eq!(Title::new(&longest).map(|t| t.as_str().len()), Ok(longest.len()));
        assert_eq!(Title::new(&[&longest, "x"].concat()).err(), Some(TitleError::TooLong));
        assert_eq!(Title::new(&"😀".repeat(TITLE_MAX)).map(|t| t.as_str().chars().count()), Ok(TITLE_MAX));
    }
}
