//! The three paths' names as a reader reads them: one place, so that every table, chart and
//! sentence calls a path the same.

use super::t;
use crate::model::Path;

/// The path's full name, in tables and sentences: "Bitcoin mining", "AI colocation".
pub fn path_name(path: Path) -> &'static str {
    match path {
        Path::Mining => t("Bitcoin mining"),
        Path::Colo => t("AI colocation"),
        Path::Gpu => t("GPU cloud"),
    }
}

/// The path's short name, where it sits beside a bar or a line: "Mining", "Colocation".
pub fn short_name(path: Path) -> &'static str {
    match path {
        Path::Mining => t("Mining"),
        Path::Colo => t("Colocation"),
        Path::Gpu => t("GPU cloud"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_names_each_path_once_in_full_and_short() {
        let full: Vec<&str> = Path::ALL.into_iter().map(path_name).collect();
        let short: Vec<&str> = Path::ALL.into_iter().map(short_name).collect();
        assert_eq!(full, ["Bitcoin mining", "AI colocation", "GPU cloud"]);
        assert_eq!(short, ["Mining", "Colocation", "GPU cloud"]);
    }
}
