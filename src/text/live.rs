//! Today's network in words: where and when the figures came from, why none came, and
//! which value the scenario refused. The model reads the API's answers into typed facts
//! ([`crate::model::edit::live`]); this says them.

use super::fields::{error_text, label, unit};
use super::{num, t, tf};
use crate::model::edit::live::{Endpoint, Failure, Problem, Refused, Source, UtcMinute};

/// The month's short name: "Nov".
fn month(month: u8) -> &'static str {
    match month {
        1 => t("Jan"),
        2 => t("Feb"),
        3 => t("Mar"),
        4 => t("Apr"),
        5 => t("May"),
        6 => t("Jun"),
        7 => t("Jul"),
        8 => t("Aug"),
        9 => t("Sep"),
        10 => t("Oct"),
        11 => t("Nov"),
        // The model only reads months 1 to 12.
        _ => t("Dec"),
    }
}

/// A whole number in the reader's digits, ungrouped (a year, a status).
fn whole(n: impl ToString) -> String {
    num(&n.to_string())
}

/// The minute in UTC: "25 Nov 2026 14:03 UTC".
pub fn minute(at: &UtcMinute) -> String {
    let (day, year) = (whole(at.day), whole(at.year));
    let (hour, min) = (num(&format!("{:02}", at.hour)), num(&format!("{:02}", at.minute)));
    tf(
        "{day} {month} {year} {hour}:{minute} UTC",
        &[("day", &day), ("month", month(at.month)), ("year", &year), ("hour", &hour), ("minute", &min)],
    )
}

/// Where and when: "mempool.space, 25 Nov 2026 14:03 UTC".
pub fn source(source: &Source) -> String {
    tf("{host}, {time}", &[("host", &source.host), ("time", &minute(&source.at))])
}

/// What a request asked for, as the object of "for …".
fn endpoint(endpoint: Endpoint) -> &'static str {
    match endpoint {
        Endpoint::Price => t("the bitcoin price"),
        Endpoint::Difficulty => t("the difficulty"),
        Endpoint::Fees => t("the fees of the last 144 blocks"),
        Endpoint::Height => t("the block height"),
    }
}

/// Why no figures came, in one sentence.
pub fn failure(failure: &Failure) -> String {
    let (what, host, problem) = match failure {
        Failure::NoApi => return t("This build names no API for today’s network.").to_string(),
        Failure::NoCode => {
            return t("The page could not load its live-data script: the connection may be offline.").to_string()
        }
        Failure::Request { endpoint: e, host, problem } => (endpoint(*e), host.as_str(), *problem),
    };
    let (what, host) = (("what", what), ("host", host));
    match problem {
        Problem::Timeout { seconds } => {
            tf("{host} did not answer within {seconds} s for {what}.", &[host, ("seconds", &whole(seconds)), what])
        }
        Problem::Offline => tf("Could not reach {host} for {what}: the connection may be offline.", &[host, what]),
        Problem::Limited => {
            tf("{host} is limiting requests (HTTP 429) for {what}: try again in a minute.", &[host, what])
        }
        Problem::Server { status } => {
            tf("{host} had a server error (HTTP {status}) for {what}.", &[host, ("status", &whole(status)), what])
        }
        Problem::Http { status } => {
            tf("{host} gave an error (HTTP {status}) for {what}.", &[host, ("status", &whole(status)), what])
        }
        Problem::Malformed => tf("The answer of {host} for {what} is not the expected JSON.", &[host, what]),
    }
}

/// The value the scenario refused and why: "Bitcoin price = 0 USD. Bitcoin price is out of
/// range; it must be > 0 and ≤ 10,000,000 USD."
pub fn refused(refused: &Refused) -> String {
    let why = error_text(refused.key.field(), &refused.error);
    let Some(value) = refused.value else { return why };
    let (label, value) = (label(refused.key), num(&value.normalize().to_string()));
    match unit(refused.key) {
        "" => tf("{label} = {value}. {why}", &[("label", label), ("value", &value), ("why", &why)]),
        unit => {
            tf("{label} = {value} {unit}. {why}", &[("label", label), ("value", &value), ("unit", unit), ("why", &why)])
        }
    }
}

/// A refusal of the reading from `source`: "From mempool.space, 25 Nov 2026 14:03 UTC: …".
pub fn refused_from(from: &Source, refusal: &Refused) -> String {
    tf("From {source}: {refused}", &[("source", &source(from)), ("refused", &refused(refusal))])
}

/// What the status line says after a press that changed nothing.
pub fn nothing_changed(why: &str) -> String {
    tf("{why} Nothing changed.", &[("why", why)])
}

/// What the status line says while the scenario holds the reading's four values.
pub fn applied(from: &Source) -> String {
    tf("Price, difficulty, fees and height: {source}", &[("source", &source(from))])
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;
    use crate::model::fields::FieldError;
    use crate::model::Key;

    fn mempool() -> Source {
        let at = UtcMinute { year: 2026, month: 11, day: 25, hour: 14, minute: 3 };
        Source { host: "mempool.space".to_string(), at }
    }

    #[test]
    fn it_says_where_and_when() {
        assert_eq!(source(&mempool()), "mempool.space, 25 Nov 2026 14:03 UTC");
        let early = UtcMinute { year: 2027, month: 1, day: 5, hour: 0, minute: 7 };
        assert_eq!(minute(&early), "5 Jan 2027 00:07 UTC");
        let months: Vec<&str> = (1..=12).map(month).collect();
        assert_eq!(months, ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]);
        assert_eq!(applied(&mempool()), "Price, difficulty, fees and height: mempool.space, 25 Nov 2026 14:03 UTC");
    }

    #[test]
    fn it_words_each_failure_as_before() {
        let host = "127.0.0.1:8080";
        let request = |endpoint, problem| Failure::Request { endpoint, host: host.to_string(), problem };
        let cases = [
            (
                request(Endpoint::Price, Problem::Limited),
                "127.0.0.1:8080 is limiting requests (HTTP 429) for the bitcoin price: try again in a minute.",
            ),
            (
                request(Endpoint::Price, Problem::Server { status: 500 }),
                "127.0.0.1:8080 had a server error (HTTP 500) for the bitcoin price.",
            ),
            (
                request(Endpoint::Fees, Problem::Server { status: 503 }),
                "127.0.0.1:8080 had a server error (HTTP 503) for the fees of the last 144 blocks.",
            ),
            (
                request(Endpoint::Price, Problem::Http { status: 404 }),
                "127.0.0.1:8080 gave an error (HTTP 404) for the bitcoin price.",
            ),
            (
                request(Endpoint::Difficulty, Problem::Malformed),
                "The answer of 127.0.0.1:8080 for the difficulty is not the expected JSON.",
            ),
            (
                request(Endpoint::Difficulty, Problem::Timeout { seconds: 6 }),
                "127.0.0.1:8080 did not answer within 6 s for the difficulty.",
            ),
            (
                request(Endpoint::Height, Problem::Offline),
                "Could not reach 127.0.0.1:8080 for the block height: the connection may be offline.",
            ),
            (Failure::NoApi, "This build names no API for today’s network."),
            (Failure::NoCode, "The page could not load its live-data script: the connection may be offline."),
        ];
        for (reason, expected) in cases {
            assert_eq!(failure(&reason), expected, "{reason:?}");
        }
        assert_eq!(
            nothing_changed(&failure(&Failure::NoApi)),
            "This build names no API for today’s network. Nothing changed."
        );
    }

    #[test]
    fn it_names_the_refused_value_and_the_range() {
        let zero_price = Refused { key: Key::Btc, value: Some(dec!(0)), error: FieldError::OutOfRange };
        assert_eq!(
            refused(&zero_price),
            "Bitcoin price = 0 USD. Bitcoin price is out of range; it must be > 0 and ≤ 10,000,000 USD."
        );
        let high = Refused { key: Key::Blk, value: Some(dec!(10000001)), error: FieldError::OutOfRange };
        assert_eq!(
            refused(&high),
            "Block height at the start = 10000001. Block height at the start is out of range; it must be a whole number ≥ 0 and ≤ 10,000,000."
        );
        let no_fee = Refused { key: Key::Fee, value: None, error: FieldError::NotANumber };
        assert_eq!(refused(&no_fee), "Transaction fees is not a number; it must be ≥ 0 and ≤ 1,000 BTC/block.");
        assert_eq!(
            refused_from(&mempool(), &zero_price),
            "From mempool.space, 25 Nov 2026 14:03 UTC: Bitcoin price = 0 USD. Bitcoin price is out of range; it must \
be > 0 and ≤ 10,000,000 USD."
        );
    }
}
