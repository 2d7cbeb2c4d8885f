//! The three uses of a site's power. Each path's metrics are named in `metric.rs`.

/// One of the three uses of a site's power, for the figures each one has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Path {
    /// Bitcoin mining with the scenario's ASICs.
    Mining,
    /// The site leased to an AI tenant (colocation).
    Colo,
    /// A GPU cloud run on the site.
    Gpu,
}

impl Path {
    pub const ALL: [Path; 3] = [Path::Mining, Path::Colo, Path::Gpu];

    /// The prefix of its metrics and projection fields: `mining`, `colo`, `gpu`.
    pub fn name(self) -> &'static str {
        match self {
            Path::Mining => "mining",
            Path::Colo => "colo",
            Path::Gpu => "gpu",
        }
    }

    /// Its position in [`Path::ALL`], for arrays of one figure a path.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The one of `of` (in [`Path::ALL`] order) that is this path's.
    pub fn pick<T: Copy>(self, of: [T; 3]) -> T {
        of[self.index()]
    }
}
