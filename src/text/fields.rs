//! The inputs as a reader reads them: each key's label, unit and one line of help, each
//! group's title, each range and each refusal in words. The model's field table holds only
//! keys, defaults and ranges.

use rust_decimal::Decimal;

use super::{format::grouped, num, t, tf};
use crate::model::edit::draft::Held;
use crate::model::fields::{Bound, Field, FieldError, Group, Unusual, TYPICAL_POWER_PRICE};
use crate::model::view::Section;
use crate::model::Key;

/// The short label beside the input.
pub fn label(key: Key) -> &'static str {
    match key {
        Key::Btc => t("Bitcoin price"),
        Key::Diff => t("Network difficulty"),
        Key::Sub => t("Block subsidy"),
        Key::Fee => t("Transaction fees"),
        Key::Hp => t("Hashprice override"),
        Key::Th => t("Hashrate per machine"),
        Key::W => t("Power per machine"),
        Key::Kwh => t("Electricity price"),
        Key::Opx => t("Other cash cost"),
        Key::Up => t("Mining uptime"),
        Key::Pool => t("Pool fee"),
        Key::Pue => t("Mining site overhead (PUE)"),
        Key::Capex => t("ASIC price"),
        Key::Site => t("Mining site build cost"),
        Key::Life => t("ASIC depreciation life"),
        Key::Colo => t("AI colocation lease"),
        Key::Gpue => t("AI site overhead (PUE)"),
        Key::Gph => t("GPU rental price"),
        Key::Util => t("GPU-hours sold"),
        Key::Gkw => t("IT power per GPU"),
        Key::Gcap => t("Capex per GPU"),
        Key::Gopx => t("GPU cloud other opex"),
        Key::Gfit => t("AI data-hall fit-out"),
        Key::Tgt => t("Target cash cost per BTC"),
        Key::Mo => t("Horizon"),
        Key::Dg => t("Difficulty change"),
        Key::Pg => t("Bitcoin price change"),
        Key::Gd => t("GPU rental price change"),
        Key::Ce => t("Colocation lease escalator"),
        Key::Blk => t("Block height at the start"),
        Key::Dr => t("Discount rate"),
        Key::Conv => t("Conversion for AI"),
        Key::Glife => t("GPU useful life"),
        Key::Clife => t("AI hall fit-out life"),
        Key::Mw => t("Site power"),
        Key::Drc => t("Demand-response credit"),
        Key::Firm => t("AI's firm-power premium"),
        Key::Rlife => t("Fleet's remaining life"),
        Key::Ai => t("Share of the site converted to AI"),
    }
}

/// Other words a reader may search an input by ("Find an input"): what it means, not its
/// label ("curtail" finds the uptime, "halving" the block height). Empty for most.
pub fn search_words(key: Key) -> &'static str {
    match key {
        Key::Btc => t("BTC market"),
        Key::Kwh => t("power energy electricity tariff"),
        Key::Opx => t("maintenance staff"),
        Key::Up => t("curtail curtailment downtime availability"),
        Key::Pue => t("cooling efficiency"),
        Key::Gpue => t("cooling efficiency"),
        Key::Blk => t("halving"),
        Key::Sub => t("halving reward"),
        Key::Mw => t("MW megawatts site size capacity"),
        Key::Drc => t("curtailment demand response credit flexible load"),
        Key::Firm => t("firm power always-on premium"),
        Key::Dr => t("NPV interest cost of capital"),
        Key::Colo => t("rent tenant"),
        Key::Gph => t("rent hourly"),
        _ => "",
    }
}

/// The unit beside the input ("" for a count without one).
pub fn unit(key: Key) -> &'static str {
    match key {
        Key::Btc => t("USD"),
        Key::Diff => t("T"),
        Key::Sub => t("BTC/block"),
        Key::Fee => t("BTC/block"),
        Key::Hp => t("USD per PH/s per day"),
        Key::Th => t("TH/s"),
        Key::W => t("W"),
        Key::Kwh => t("USD/kWh"),
        Key::Opx => t("USD per facility kWh"),
        Key::Up => t("%"),
        Key::Pool => t("%"),
        Key::Pue => t("ratio"),
        Key::Capex => t("USD/TH"),
        Key::Site => t("USD/MW"),
        Key::Life => t("years"),
        Key::Colo => t("USD per kW-month"),
        Key::Gpue => t("ratio"),
        Key::Gph => t("USD per GPU-hour"),
        Key::Util => t("%"),
        Key::Gkw => t("kW"),
        Key::Gcap => t("USD"),
        Key::Gopx => t("% of GPU revenue"),
        Key::Gfit => t("USD per facility MW"),
        Key::Tgt => t("USD"),
        Key::Mo => t("months"),
        Key::Dg => t("% per month"),
        Key::Pg => t("% per year"),
        Key::Gd => t("% per year"),
        Key::Ce => t("% per year"),
        Key::Blk => "",
        Key::Dr => t("% per year"),
        Key::Conv => t("months"),
        Key::Glife => t("years"),
        Key::Clife => t("years"),
        Key::Mw => t("MW"),
        Key::Drc => t("USD per kW-year"),
        Key::Firm => t("USD/kWh"),
        Key::Rlife => t("years"),
        Key::Ai => t("%"),
    }
}

/// One line of help under the input.
pub fn help(key: Key) -> &'static str {
    match key {
        Key::Btc => t("Spot price of one bitcoin."),
        Key::Diff => t("Difficulty in trillions; 155 T in late November 2025."),
        Key::Sub => t("New coins per block: 3.125 since April 2024, 1.5625 from block 1,050,000."),
        Key::Fee => t("Average fees per block; subsidy plus fees must be above zero."),
        Key::Hp => t("Leave empty to compute hashprice from price, difficulty, subsidy and fees."),
        Key::Th => t("Nameplate hashrate of one ASIC."),
        Key::W => t("Wall power of one ASIC."),
        Key::Kwh => t("What the site pays per kWh at the meter."),
        Key::Opx => t("Staff, upkeep and hosting margin, per kWh drawn."),
        Key::Up => t("Share of hours the fleet runs; curtailment lowers it."),
        Key::Pool => t("Share of rewards the pool keeps."),
        Key::Pue => t("Facility power over ASIC power."),
        Key::Capex => t("Purchase price per TH/s of hashrate."),
        Key::Site => t("Substation, shells and cooling: $300k–800k per MW."),
        Key::Life => t("Years over which the ASIC price is written off."),
        Key::Colo => t("Lease per kW of IT load a month; the tenant pays power at cost. Deals signed: $102–159."),
        Key::Gpue => t("Facility power over IT power in an AI hall: 1.25–1.45 in signed deals."),
        Key::Gph => t("What a GPU-hour rents for."),
        Key::Util => t("Share of GPU-hours actually rented."),
        Key::Gkw => t("GPU plus its share of the server and network."),
        Key::Gcap => t("GPU plus its share of the server and network."),
        Key::Gopx => t("Staff, support, software and sales, as a share of revenue."),
        Key::Gfit => t("Cooling and redundancy for AI: $8–15 million per MW."),
        Key::Tgt => t("The cost per bitcoin to beat."),
        Key::Mo => t("How far the charts run; the figures over each asset's life do not depend on it."),
        Key::Dg => t("Compounding monthly."),
        Key::Pg => t("Compounding yearly."),
        Key::Gd => t("Compounding yearly."),
        Key::Ce => t("Yearly step in the lease."),
        Key::Blk => t("144 blocks a day; the subsidy halves every 210,000."),
        Key::Dr => t("Cost of capital: what money could earn elsewhere, for the net present value."),
        Key::Conv => t("Months to convert the site for AI; no AI revenue before."),
        Key::Glife => t("Years a GPU cluster earns, counted after the conversion."),
        Key::Clife => t("Years the fit-out earns (about the lease term), counted after the conversion."),
        Key::Mw => t("The site's facility power, for the site totals."),
        Key::Drc => t("Paid to mining for load it can switch off when the grid asks."),
        Key::Firm => t("What the AI paths pay above the average price for power every hour."),
        Key::Rlife => t("Years the owned fleet still earns; its price is paid and not counted."),
        Key::Ai => t("The rest of the site keeps mining; the plan's figures weigh the two."),
    }
}

/// A group's title, on its fold.
pub fn group_title(group: Group) -> &'static str {
    match group {
        Group::Market => t("Market & network"),
        Group::Fleet => t("Mining fleet"),
        Group::Colocation => t("AI colocation"),
        Group::GpuCloud => t("GPU cloud"),
        Group::Target => t("Target"),
        Group::Outlook => t("Outlook"),
        Group::Power => t("Power price"),
        Group::Site => t("Your site"),
    }
}

/// A section's name on the page and in the embed panel.
pub fn section_title(section: Section) -> &'static str {
    match section {
        Section::Compare => t("Per-kWh comparison"),
        Section::Btc => t("Cost per BTC"),
        Section::PerMw => t("Per MW"),
        Section::Network => t("Network"),
        Section::Time => t("Over time"),
        Section::Inputs => t("Inputs"),
        Section::Map => t("Decision map"),
        Section::Drivers => t("What moves the answer"),
        Section::History => t("History"),
    }
}

/// A range bound as the reader writes numbers, grouped: `10,000,000`, `10.000.000`.
fn bound(value: Decimal) -> String {
    num(&grouped(value.normalize(), None))
}

/// The range in words: "≥ 0 and ≤ 10 USD/kWh".
pub fn range_text(field: &Field) -> String {
    let lower = match field.min {
        Bound::Inclusive(m) => tf("≥ {n}", &[("n", &bound(m))]),
        Bound::Exclusive(m) => tf("> {n}", &[("n", &bound(m))]),
    };
    let upper = match field.max {
        Bound::Inclusive(m) => tf("≤ {n}", &[("n", &bound(m))]),
        Bound::Exclusive(m) => tf("< {n}", &[("n", &bound(m))]),
    };
    let range = tf("{lower} and {upper}", &[("lower", &lower), ("upper", &upper)]);
    let range = match unit(field.key) {
        "" => range,
        unit => tf("{range} {unit}", &[("range", &range), ("unit", unit)]),
    };
    match field.whole {
        true => tf("a whole number {range}", &[("range", &range)]),
        false => range,
    }
}

/// What is wrong, as the end of a sentence naming the input: "… is out of range".
pub fn predicate(error: &FieldError) -> &'static str {
    match error {
        FieldError::Empty => t("is empty"),
        FieldError::NotANumber => t("is not a number"),
        FieldError::Comma => t("uses a comma: write the decimal point as '.' with no thousands separators"),
        FieldError::NotWhole => t("must be a whole number"),
        FieldError::OutOfRange => t("is out of range"),
        FieldError::RewardNotPositive => t("makes subsidy plus fees zero"),
        FieldError::TooManyDigits => t("has more than 28 digits"),
    }
}

/// The message a person reads under an invalid input, naming the field and its range.
pub fn error_text(field: &Field, error: &FieldError) -> String {
    if *error == FieldError::RewardNotPositive {
        return t("Subsidy plus fees must be above zero.").to_string();
    }
    tf(
        "{label} {problem}; it must be {range}.",
        &[("label", label(field.key)), ("problem", predicate(error)), ("range", &range_text(field))],
    )
}

/// A value as the reader writes numbers, with its key's unit: "85,000 USD".
fn with_unit(key: Key, value: Decimal) -> String {
    let n = bound(value);
    match unit(key) {
        // A PUE is a plain ratio: "1.3", not "1.3 ratio".
        _ if matches!(key, Key::Pue | Key::Gpue) => n,
        "" => n,
        unit => tf("{range} {unit}", &[("range", &n), ("unit", unit)]),
    }
}

/// What the link holds while inputs are not valid, one sentence each: "Bitcoin price is not
/// valid: the link holds 85,000 USD instead." Empty when every input is valid.
pub fn held_instead(held: &[(Key, Held, Option<Decimal>)]) -> String {
    let sentences: Vec<String> = held
        .iter()
        .map(|(key, why, value)| match (why, value) {
            (Held::Invalid, Some(v)) => tf(
                "{label} is not valid: the link holds {value} instead.",
                &[("label", label(*key)), ("value", &with_unit(*key, *v))],
            ),
            (Held::Invalid, None) => tf("{label} is not valid: the link leaves it out.", &[("label", label(*key))]),
            (Held::Typing, Some(v)) => tf(
                "{label} is still being typed: the link holds {value} until you leave the field.",
                &[("label", label(*key)), ("value", &with_unit(*key, *v))],
            ),
            (Held::Typing, None) => tf(
                "{label} is still being typed: the link leaves it out until you leave the field.",
                &[("label", label(*key))],
            ),
        })
        .collect();
    sentences.join(" ")
}

/// A hint beside a valid value outside what is usually seen for its key, or `None`.
/// A power price above 1 USD/kWh is compared with a typical industrial price, as one
/// typed in cents would be: "4.5 USD/kWh is about 60 times a typical industrial price:
/// did you mean 4.5 ¢?"
pub fn unusual_hint(key: Key, value: Decimal) -> Option<String> {
    let shown = with_unit(key, value);
    let hint = match (key, key.unusual(value)?) {
        (Key::Kwh, Unusual::Above(_)) => {
            let times = (value / TYPICAL_POWER_PRICE).round();
            tf(
                "{value} is about {times} times a typical industrial price: did you mean {cents} ¢?",
                &[("value", &shown), ("times", &bound(times)), ("cents", &bound(value))],
            )
        }
        (_, Unusual::Above(high)) => tf(
            "{value} is above what is usually seen (up to {high}): is that what you meant?",
            &[("value", &shown), ("high", &with_unit(key, high))],
        ),
        (_, Unusual::Below(low)) => tf(
            "{value} is below what is usually seen (from {low}): is that what you meant?",
            &[("value", &shown), ("low", &with_unit(key, low))],
        ),
    };
    Some(hint)
}

/// Which preset's source is asked for: an ASIC's (all from their makers' nameplates) or a
/// GPU's, by preset id.
#[derive(Clone, Copy, Debug)]
pub enum PresetSource<'a> {
    Asic,
    Gpu(&'a str),
}

/// Where a preset's figures come from, shown under its picker.
pub fn preset_source(kind: PresetSource) -> &'static str {
    match kind {
        PresetSource::Asic => t("Maker's nameplate, as listed in 2025"),
        PresetSource::Gpu("b200") => t("DGX B200 14.3 kW / 8; 8×B200 server about $480k; rental 2025–26"),
        PresetSource::Gpu("h200") => t("10.2 kW / 8; 8×H200 server about $340k; rental 2025–26"),
        PresetSource::Gpu("h100") => {
            t("DGX H100 10.2 kW / 8; 8×H100 server about $300k; smaller clouds $1.99–2.50/h, Oct 2025")
        }
        PresetSource::Gpu("a100") => t("DGX A100 6.5 kW / 8; rental 2025–26"),
        PresetSource::Gpu("l40s") => t("Planning figures; marketplace spot about $0.79/h, 2025–26"),
        PresetSource::Gpu("rtx4090") => t("Planning figures; marketplace spot about $0.34/h, 2025–26"),
        PresetSource::Gpu(_) => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_names_the_field_and_range_in_errors() {
        let text = error_text(Key::Kwh.field(), &FieldError::OutOfRange);
        assert_eq!(text, "Electricity price is out of range; it must be ≥ 0 and ≤ 10 USD/kWh.");
        let text = error_text(Key::Mo.field(), &FieldError::NotWhole);
        assert_eq!(text, "Horizon must be a whole number; it must be a whole number ≥ 1 and ≤ 240 months.");
    }

    #[test]
    fn it_hints_at_unusual_values_and_names_what_the_link_holds() {
        use rust_decimal_macros::dec;
        assert_eq!(
            unusual_hint(Key::Kwh, dec!(4.5)).as_deref(),
            Some("4.5 USD/kWh is about 60 times a typical industrial price: did you mean 4.5 ¢?")
        );
        assert_eq!(unusual_hint(Key::Kwh, dec!(0.05)), None);
        assert_eq!(
            unusual_hint(Key::Btc, dec!(85)).as_deref(),
            Some("85 USD is below what is usually seen (from 1,000 USD): is that what you meant?")
        );
        assert_eq!(
            unusual_hint(Key::Pue, dec!(2.5)).as_deref(),
            Some("2.5 is above what is usually seen (up to 2): is that what you meant?")
        );
        assert_eq!(
            held_instead(&[
                (Key::Btc, Held::Invalid, Some(dec!(85000))),
                (Key::Hp, Held::Invalid, None),
                (Key::Kwh, Held::Typing, Some(dec!(0.05)))
            ]),
            "Bitcoin price is not valid: the link holds 85,000 USD instead. \
             Hashprice override is not valid: the link leaves it out. \
             Electricity price is still being typed: the link holds 0.05 USD/kWh until you leave the field."
        );
        assert_eq!(held_instead(&[]), "");
    }
}
