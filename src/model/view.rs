//! Display keys of the share link: they change the view, never a number.

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
}

impl Section {
    pub const ALL: [Section; 8] = [
        Section::Compare,
        Section::Btc,
        Section::PerMw,
        Section::Network,
        Section::Time,
        Section::Inputs,
        Section::Map,
        Section::Drivers,
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
        }
    }

    pub fn from_name(name: &str) -> Option<Section> {
        Self::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Every section's link name, for a message: "compare, btc, mw, network and inputs".
    pub fn list() -> String {
        let names: Vec<&str> = Self::ALL.into_iter().map(Section::name).collect();
        match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            _ => names.concat(),
        }
    }

    /// The section's name on the page and in the embed panel.
    pub fn title(self) -> &'static str {
        match self {
            Section::Compare => "Per-kWh comparison",
            Section::Btc => "Cost per BTC",
            Section::PerMw => "Per MW",
            Section::Network => "Network",
            Section::Time => "Over time",
            Section::Inputs => "Inputs",
            Section::Map => "Decision map",
            Section::Drivers => "What moves the answer",
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A set of sections, kept in `Section::ALL` order whatever order the link gave.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sections(u8);

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

    /// The link value: `compare,btc`.
    pub fn to_link_value(self) -> String {
        let names: Vec<&str> = Section::ALL.into_iter().filter(|s| self.contains(*s)).map(Section::name).collect();
        names.join(",")
    }
}

/// How the scenario is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct View {
    pub lang: Lang,
    pub theme: Theme,
    /// `embed=1`: the compact layout without page chrome.
    pub embed: bool,
    /// `show=`: the sections of an embed; `None` means the default set.
    pub show: Option<Sections>,
    /// `edit=0` makes an embed's inputs read-only.
    pub edit: bool,
    /// `live=1`: an embed offers "Use today's network" (the full page always does).
    pub live: bool,
}

impl Default for View {
    fn default() -> Self {
        View { lang: Lang::En, theme: Theme::Auto, embed: false, show: None, edit: true, live: false }
    }
}

impl View {
    /// The sections this view shows.
    pub fn sections(&self) -> Sections {
        match (self.embed, self.show) {
            (_, Some(s)) => s,
            (true, None) => Sections::EMBED_DEFAULT,
            (false, None) => Section::ALL.into_iter().fold(Sections::empty(), Sections::with),
        }
    }
}

impl Lang {
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
            Lang::Vi => "vi",
        }
    }

    pub fn from_name(name: &str) -> Option<Lang> {
        [Lang::En, Lang::Ar, Lang::Vi].into_iter().find(|l| l.name() == name)
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
