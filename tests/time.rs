//! SPEC.md's Time extension end to end: each path over its own life, from a link to the
//! figures. Every expectation was worked out from SPEC.md's definitions independently of
//! this crate, in decimal arithmetic at 40 significant digits, and pasted here to 25: the
//! month-by-month inputs as `diff · (1 + dg/100)^m`, `btc · (1 + pg/100)^(m/12)` (a
//! fractional power taken directly, not a twelfth root multiplied up), the cash flows and
//! their sums, the NPV with `(1 + dr/100)^(m/12)` for each month, and the IRR by bisection
//! on the yearly rate.

use core::str::FromStr;

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use kwhich::model::InvalidKeys;
use kwhich::model::ModelError::{self, NeverPaysBack, NoCashFlow, NoOutlay, RateOutOfRange};
use kwhich::model::{evaluate_over_time, from_query, Evaluation, Key, MetricId, Path, Scenario};

/// Relative distance allowed between a figure and the worked one: both carry 25 or more
/// significant digits, so anything looser than rounding noise is a wrong formula.
const TOLERANCE: Decimal = dec!(0.000000000001);

fn close(got: Decimal, want: &str) -> bool {
    let want = Decimal::from_str(want).expect("a worked figure parses");
    if want.is_zero() {
        return got.is_zero();
    }
    (got - want).abs() <= want.abs() * TOLERANCE
}

fn scenario(link: &str) -> Scenario {
    let (scenario, warnings) = from_query(link);
    assert!(warnings.is_empty(), "{link}: {warnings:?}");
    scenario
}

fn evaluated(link: &str) -> Evaluation {
    evaluate_over_time(&scenario(link), InvalidKeys::default())
}

/// What one path's figures over its life should be.
struct PathWant {
    /// `L_p`, the last month of its life.
    end: u32,
    payback: Result<u32, ModelError>,
    lifetime: &'static str,
    npv: &'static str,
    irr: Result<&'static str, ModelError>,
}

struct Case {
    name: &'static str,
    link: &'static str,
    /// Months computed: 0 to the horizon or the longest life, whichever is later.
    months: usize,
    /// Mining, colocation, GPU cloud.
    paths: [PathWant; 3],
}

const CASES: [Case; 13] = [
    Case {
        name: "default",
        link: "",
        months: 154,
        paths: [
            // mining: earning months to 48
            PathWant {
                end: 48,
                payback: Err(NeverPaysBack),
                lifetime: "-1128081.377530512402951933",
                npv: "-1135577.754976978895319645",
                irr: Ok("-95.60979120428492843242934"),
            },
            // colo: earning months to 153
            PathWant {
                end: 153,
                payback: Ok(98),
                lifetime: "7066934.926463549106463539",
                npv: "-1700520.20433454473645519",
                irr: Ok("8.505739212096781916734617"),
            },
            // gpu: earning months to 69
            PathWant {
                end: 69,
                payback: Err(NeverPaysBack),
                lifetime: "-15846736.23241315424906915",
                npv: "-20406289.62467983521679231",
                irr: Ok("-19.16722828668562155148148"),
            },
        ],
    },
    Case {
        name: "pays_back",
        link: "hp=60&kwh=0.03&gd=0&gph=3",
        months: 154,
        paths: [
            // mining: earning months to 48
            PathWant {
                end: 48,
                payback: Ok(19),
                lifetime: "2080327.238095238095238095",
                npv: "1412704.709357774818722693",
                irr: Ok("79.24246683455188934094918"),
            },
            // colo: earning months to 153
            PathWant {
                end: 153,
                payback: Ok(98),
                lifetime: "7066934.926463549106463539",
                npv: "-1700520.20433454473645519",
                irr: Ok("8.505739212096781916734617"),
            },
            // gpu: earning months to 69
            PathWant {
                end: 69,
                payback: Ok(52),
                lifetime: "13011796.38009049773755656",
                npv: "-775596.9595110901418166672",
                irr: Ok("11.12420917803453515245056"),
            },
        ],
    },
    Case {
        name: "no_conversion",
        link: "conv=0",
        months: 145,
        paths: [
            // mining: earning months to 48
            PathWant {
                end: 48,
                payback: Err(NeverPaysBack),
                lifetime: "-1128081.377530512402951933",
                npv: "-1135577.754976978895319645",
                irr: Ok("-95.60979120428492843242934"),
            },
            // colo: earning months to 144
            PathWant {
                end: 144,
                payback: Ok(90),
                lifetime: "6806946.72557985133641728",
                npv: "-1100064.242630398324608876",
                irr: Ok("9.459053176347213029233561"),
            },
            // gpu: earning months to 60
            PathWant {
                end: 60,
                payback: Err(NeverPaysBack),
                lifetime: "-13359585.10485896074116582",
                npv: "-17360780.41263043287197959",
                irr: Ok("-19.78357038548917885680167"),
            },
        ],
    },
    Case {
        name: "two_year_conversion",
        link: "conv=24",
        months: 169,
        paths: [
            // mining: earning months to 48
            PathWant {
                end: 48,
                payback: Err(NeverPaysBack),
                lifetime: "-1128081.377530512402951933",
                npv: "-1135577.754976978895319645",
                irr: Ok("-95.60979120428492843242934"),
            },
            // colo: earning months to 168
            PathWant {
                end: 168,
                payback: Ok(111),
                lifetime: "7507181.613293277330408538",
                npv: "-2609179.881431076282847649",
                irr: Ok("7.387095713008394290060218"),
            },
            // gpu: earning months to 84
            PathWant {
                end: 84,
                payback: Err(NeverPaysBack),
                lifetime: "-19374078.28124702447485882",
                npv: "-24237900.67990069152998956",
                irr: Ok("-18.68708045232481921644202"),
            },
        ],
    },
    Case {
        name: "lives_shorter_than_the_horizon",
        link: "mo=200&life=2&clife=5&glife=3",
        months: 201,
        paths: [
            // mining: earning months to 24
            PathWant {
                end: 24,
                payback: Err(NeverPaysBack),
                lifetime: "-1128081.377530512402951933",
                npv: "-1135577.754976978895319645",
                irr: Ok("-95.60979120428492843242934"),
            },
            // colo: earning months to 69
            PathWant {
                end: 69,
                payback: Err(NeverPaysBack),
                lifetime: "-3392900.553206153846153846",
                npv: "-5411250.62277840757963776",
                irr: Ok("-11.29288810469311419011231"),
            },
            // gpu: earning months to 45
            PathWant {
                end: 45,
                payback: Err(NeverPaysBack),
                lifetime: "-20760940.16888569398282816",
                npv: "-23288409.06710533520800162",
                irr: Ok("-35.36412252964709062304118"),
            },
        ],
    },
    Case {
        name: "life_longer_than_the_horizon",
        link: "mo=12&life=10",
        months: 154,
        paths: [
            // mining: earning months to 120
            PathWant {
                end: 120,
                payback: Err(NeverPaysBack),
                lifetime: "-1128081.377530512402951933",
                npv: "-1135577.754976978895319645",
                irr: Ok("-95.60979120428492843242934"),
            },
            // colo: earning months to 153
            PathWant {
                end: 153,
                payback: Ok(98),
                lifetime: "7066934.926463549106463539",
                npv: "-1700520.20433454473645519",
                irr: Ok("8.505739212096781916734617"),
            },
            // gpu: earning months to 69
            PathWant {
                end: 69,
                payback: Err(NeverPaysBack),
                lifetime: "-15846736.23241315424906915",
                npv: "-20406289.62467983521679231",
                irr: Ok("-19.16722828668562155148148"),
            },
        ],
    },
    Case {
        name: "lease_of_twenty_years",
        link: "clife=20",
        months: 241,
        paths: [
            // mining: earning months to 48
            PathWant {
                end: 48,
                payback: Err(NeverPaysBack),
                lifetime: "-1128081.377530512402951933",
                npv: "-1135577.754976978895319645",
                irr: Ok("-95.60979120428492843242934"),
            },
            // colo: earning months to 240
            PathWant {
                end: 240,
                payback: Ok(98),
                lifetime: "19587297.12475520363922171",
                npv: "283096.585295445534983721",
                irr: Ok("12.40996374985960772277453"),
            },
            // gpu: earning months to 69
            PathWant {
                end: 69,
                payback: Err(NeverPaysBack),
                lifetime: "-15846736.23241315424906915",
                npv: "-20406289.62467983521679231",
                irr: Ok("-19.16722828668562155148148"),
            },
        ],
    },
    Case {
        name: "idle_from_the_start",
        link: "kwh=0.07",
        months: 154,
        paths: [
            // mining: earning months to 48
            PathWant {
                end: 48,
                payback: Err(NeverPaysBack),
                lifetime: "-1260002.500423861355642386",
                npv: "-1260024.253443423116431906",
                irr: Err(RateOutOfRange),
            },
            // colo: earning months to 153
            PathWant {
                end: 153,
                payback: Ok(98),
                lifetime: "7066934.926463549106463539",
                npv: "-1700520.20433454473645519",
                irr: Ok("8.505739212096781916734617"),
            },
            // gpu: earning months to 69
            PathWant {
                end: 69,
                payback: Err(NeverPaysBack),
                lifetime: "-16722736.23241315424906915",
                npv: "-21017636.81786577742065816",
                irr: Ok("-20.5671993397728655288567"),
            },
        ],
    },
    Case {
        name: "idle_gpus_later",
        link: "gd=-40&glife=8",
        months: 154,
        paths: [
            // mining: earning months to 48
            PathWant {
                end: 48,
                payback: Err(NeverPaysBack),
                lifetime: "-1128081.377530512402951933",
                npv: "-1135577.754976978895319645",
                irr: Ok("-95.60979120428492843242934"),
            },
            // colo: earning months to 153
            PathWant {
                end: 153,
                payback: Ok(98),
                lifetime: "7066934.926463549106463539",
                npv: "-1700520.20433454473645519",
                irr: Ok("8.505739212096781916734617"),
            },
            // gpu: earning months to 105
            PathWant {
                end: 105,
                payback: Err(NeverPaysBack),
                lifetime: "-27076051.39521640621941335",
                npv: "-28147332.01987639661077135",
                irr: Ok("-53.36962027675960386749775"),
            },
        ],
    },
    Case {
        name: "no_gpu_hour_sold",
        link: "util=0",
        months: 154,
        paths: [
            // mining: earning months to 48
            PathWant {
                end: 48,
                payback: Err(NeverPaysBack),
                lifetime: "-1128081.377530512402951933",
                npv: "-1135577.754976978895319645",
                irr: Ok("-95.60979120428492843242934"),
            },
            // colo: earning months to 153
            PathWant {
                end: 153,
                payback: Ok(98),
                lifetime: "7066934.926463549106463539",
                npv: "-1700520.20433454473645519",
                irr: Ok("8.505739212096781916734617"),
            },
            // gpu: earning months to 69
            PathWant {
                end: 69,
                payback: Err(NeverPaysBack),
                lifetime: "-32624434.38914027149321267",
                npv: "-32624434.38914027149321267",
                irr: Err(NoCashFlow),
            },
        ],
    },
    Case {
        name: "zero_capex",
        link: "gfit=0",
        months: 154,
        paths: [
            // mining: earning months to 48
            PathWant {
                end: 48,
                payback: Err(NeverPaysBack),
                lifetime: "-1128081.377530512402951933",
                npv: "-1135577.754976978895319645",
                irr: Ok("-95.60979120428492843242934"),
            },
            // colo: earning months to 153
            PathWant {
                end: 153,
                payback: Ok(0),
                lifetime: "17066934.92646354910646354",
                npv: "8299479.79566545526354481",
                irr: Err(NoOutlay),
            },
            // gpu: earning months to 69
            PathWant {
                end: 69,
                payback: Err(NeverPaysBack),
                lifetime: "-5846736.232413154249069151",
                npv: "-10406289.62467983521679231",
                irr: Ok("-9.459000125496638990202519"),
            },
        ],
    },
    Case {
        name: "horizon_of_one_month",
        link: "mo=1",
        months: 154,
        paths: [
            // mining: earning months to 48
            PathWant {
                end: 48,
                payback: Err(NeverPaysBack),
                lifetime: "-1128081.377530512402951933",
                npv: "-1135577.754976978895319645",
                irr: Ok("-95.60979120428492843242934"),
            },
            // colo: earning months to 153
            PathWant {
                end: 153,
                payback: Ok(98),
                lifetime: "7066934.926463549106463539",
                npv: "-1700520.20433454473645519",
                irr: Ok("8.505739212096781916734617"),
            },
            // gpu: earning months to 69
            PathWant {
                end: 69,
                payback: Err(NeverPaysBack),
                lifetime: "-15846736.23241315424906915",
                npv: "-20406289.62467983521679231",
                irr: Ok("-19.16722828668562155148148"),
            },
        ],
    },
    Case {
        name: "halving_inside_the_life",
        link: "blk=1040000&dg=0&pg=0&kwh=0.02",
        months: 154,
        paths: [
            // mining: earning months to 48
            PathWant {
                end: 48,
                payback: Err(NeverPaysBack),
                lifetime: "-711669.6890740002721502301",
                npv: "-806847.2497220407837092331",
                irr: Ok("-32.90309640650771040534825"),
            },
            // colo: earning months to 153
            PathWant {
                end: 153,
                payback: Ok(98),
                lifetime: "7066934.926463549106463539",
                npv: "-1700520.20433454473645519",
                irr: Ok("8.505739212096781916734617"),
            },
            // gpu: earning months to 69
            PathWant {
                end: 69,
                payback: Err(NeverPaysBack),
                lifetime: "-14532736.23241315424906915",
                npv: "-19489268.83490092191099353",
                irr: Ok("-17.17372640303634404537672"),
            },
        ],
    },
];

#[test]
fn it_matches_the_worked_figures_over_each_life() {
    for case in &CASES {
        let Evaluation { metrics, projection } = evaluated(case.link);
        assert_eq!(projection.points().len(), case.months, "{}: months computed", case.name);
        let mw = scenario(case.link).get(Key::Mw).expect("mw has a default");
        for (path, want) in Path::ALL.into_iter().zip(&case.paths) {
            let at = |what: &str| format!("{}: {} {what}", case.name, path.name());
            assert_eq!(projection.life_end(path), Ok(want.end), "{}", at("life"));
            let payback = metrics.get(path.payback_months());
            assert_eq!(payback, want.payback.map(Decimal::from), "{}", at("payback"));
            let lifetime = metrics.get(path.lifetime_cash()).unwrap_or_else(|e| panic!("{}: {e:?}", at("lifetime")));
            assert!(close(lifetime, want.lifetime), "{}: {lifetime}, worked {}", at("lifetime"), want.lifetime);
            let npv = metrics.get(path.npv()).unwrap_or_else(|e| panic!("{}: {e:?}", at("NPV")));
            assert!(close(npv, want.npv), "{}: {npv}, worked {}", at("NPV"), want.npv);
            match (metrics.get(path.irr()), want.irr) {
                (Ok(irr), Ok(worked)) => assert!(close(irr, worked), "{}: {irr}, worked {worked}", at("IRR")),
                (got, want) => assert_eq!(got.err(), want.err(), "{}", at("IRR")),
            }
            // Site totals: the same figures for `mw` MW.
            let site_npv = metrics.get(path.site_npv()).unwrap_or_else(|e| panic!("{}: {e:?}", at("site NPV")));
            assert_eq!(site_npv, (npv * mw).normalize(), "{}", at("site NPV"));
            let site_cash = metrics.get(path.site_lifetime_cash());
            assert_eq!(site_cash, Ok((lifetime * mw).normalize()), "{}", at("site lifetime cash"));
            // The projection carries the same cash: flat after the life ends.
            for point in projection.points().iter().skip(want.end as usize) {
                assert_eq!(point.cum(path), Ok(lifetime), "{}: month {}", at("cum"), point.month);
            }
        }
    }
}

/// Month, margins per kWh and cumulative cash per MW (mining, colocation, GPU cloud).
type Month = (usize, [&'static str; 3], [&'static str; 3]);

const MONTHS: [(&str, &[Month]); 4] = [
    (
        // Mining stands idle from month 18 (its margin of month 17 is the last above zero),
        // so its cash stops there; the AI paths earn from month 10, after the conversion.
        "",
        &[
            (
                0,
                ["0.02209908869958692981350806", "0.1425237091675447839831401", "0.6629487179487179487179487"],
                ["-1261904.761904761904761905", "-10000000", "-32624434.38914027149321267"],
            ),
            (
                1,
                ["0.02058734186234012726814516", "0.1425237091675447839831401", "0.6532909098376325932183958"],
                ["-1246256.39719658439976096", "-10000000", "-32624434.38914027149321267"],
            ),
            (
                9,
                ["0.009513068463362532886368421", "0.1425237091675447839831401", "0.5805615545080613915554109"],
                ["-1157894.054511966636092418", "-10000000", "-32624434.38914027149321267"],
            ),
            (
                10,
                ["0.008248106336629934202321981", "0.1425237091675447839831401", "0.5720120141540379297249456"],
                ["-1151157.850733059626555581", "-9895957.692307692307692308", "-32200624.45434938667737722"],
            ),
            (
                17,
                ["0.00006128274940836755368526435", "0.145474183350895679662803", "0.5153002593401935167328192"],
                ["-1128124.771845368468016698", "-9156892.307692307692307692", "-29404084.20086572015663323"],
            ),
            (
                18,
                ["-0.00101835024567807102579876", "0.145474183350895679662803", "0.5076286104706941486616773"],
                ["-1128081.377530512402951933", "-9050696.153846153846153846", "-29027915.01154737888941827"],
            ),
            (
                48,
                ["-0.04000439234162004328932401", "0.1546844071654373024236038", "0.3197737179487179487179487"],
                ["-1128081.377530512402951933", "-5785195.046153846153846154", "-20038048.99003043139900386"],
            ),
            (
                98,
                ["-0.05217915122176116285775038", "0.1678475377664037766069547", "0.1354063016661904381682265"],
                ["-1128081.377530512402951933", "50113.56220841905230769231", "-15846736.23241315424906915"],
            ),
            (
                120,
                ["-0.05317536489543673008493324", "0.1748305782921664891818757", "0.08634572619333934294871795"],
                ["-1128081.377530512402951933", "2776027.907353537646276923", "-15846736.23241315424906915"],
            ),
            (
                153,
                ["-0.05451353936505111903202201", "0.1820957336551700153448234", "0.03540339228142368672037917"],
                ["-1128081.377530512402951933", "7066934.926463549106463539", "-15846736.23241315424906915"],
            ),
        ],
    ),
    (
        "mo=1",
        &[
            (
                0,
                ["0.02209908869958692981350806", "0.1425237091675447839831401", "0.6629487179487179487179487"],
                ["-1261904.761904761904761905", "-10000000", "-32624434.38914027149321267"],
            ),
            (
                1,
                ["0.02058734186234012726814516", "0.1425237091675447839831401", "0.6532909098376325932183958"],
                ["-1246256.39719658439976096", "-10000000", "-32624434.38914027149321267"],
            ),
        ],
    ),
    (
        // Lives of 24, 69 and 45 months under a 200-month horizon: the cash stays flat after
        // each, while the margins go on (the GPU's turns negative by month 200).
        "mo=200&life=2&clife=5&glife=3",
        &[
            (
                24,
                ["-0.007065839854963841857777627", "0.148483667017913593256059", "0.4637179487179487179487179"],
                ["-1128081.377530512402951933", "-8413519.230769230769230769", "-26885904.71230061045332602"],
            ),
            (
                69,
                ["-0.04510626070919082473170471", "0.1578780953087460484720759", "0.2270020381559851635092784"],
                ["-1128081.377530512402951933", "-3392900.553206153846153846", "-20760940.16888569398282816"],
            ),
            (
                200,
                ["-0.05489943114949418352475151", "0.1975184391071503748769304", "-0.007165395644774875523959084"],
                ["-1128081.377530512402951933", "-3392900.553206153846153846", "-20760940.16888569398282816"],
            ),
        ],
    ),
    (
        // A mining margin below zero from month 2: month 2's cash is month 1's margin, and
        // then none.
        "kwh=0.07",
        &[
            (
                1,
                ["0.0005873418623401272681451613", "0.1425237091675447839831401", "0.6332909098376325932183958"],
                ["-1260418.39719658439976096", "-10000000", "-32624434.38914027149321267"],
            ),
            (
                2,
                ["-0.0008947628800586987567204301", "0.1425237091675447839831401", "0.6237630180495083554764615"],
                ["-1260002.500423861355642386", "-10000000", "-32624434.38914027149321267"],
            ),
            (
                3,
                ["-0.002347806745155587016392579", "0.1425237091675447839831401", "0.6143632949568527856907206"],
                ["-1260002.500423861355642386", "-10000000", "-32624434.38914027149321267"],
            ),
            (
                48,
                ["-0.06000439234162004328932401", "0.1546844071654373024236038", "0.2997737179487179487179487"],
                ["-1260002.500423861355642386", "-5785195.046153846153846154", "-20607448.99003043139900386"],
            ),
        ],
    ),
];

#[test]
fn it_matches_the_worked_months() {
    for (link, months) in MONTHS {
        let Evaluation { projection, .. } = evaluated(link);
        for (month, margins, cums) in months {
            let point = &projection.points()[*month];
            assert_eq!(point.month as usize, *month, "{link:?}");
            for (n, path) in Path::ALL.into_iter().enumerate() {
                let at = format!("{link:?} month {month} {}", path.name());
                let margin = point.margin(path).unwrap_or_else(|e| panic!("{at}: {e:?}"));
                assert!(close(margin, margins[n]), "{at}: margin {margin}, worked {}", margins[n]);
                let cum = point.cum(path).unwrap_or_else(|e| panic!("{at}: {e:?}"));
                assert!(close(cum, cums[n]), "{at}: cum {cum}, worked {}", cums[n]);
            }
        }
    }
}

#[test]
fn it_shows_months_up_to_the_horizon_whatever_the_lives() {
    // (link, months shown, months computed)
    let cases = [("", 121, 154), ("mo=1", 2, 154), ("mo=240", 241, 241), ("mo=200&life=2&clife=5&glife=3", 201, 201)];
    for (link, shown, computed) in cases {
        let Evaluation { projection, .. } = evaluated(link);
        assert_eq!(projection.shown().len(), shown, "{link:?}");
        assert_eq!(projection.points().len(), computed, "{link:?}");
        assert_eq!(projection.horizon(), Ok(shown as u32 - 1), "{link:?}");
    }
}

#[test]
fn it_tells_the_default_scenarios_story() {
    let Evaluation { metrics, projection } = evaluated("");
    // At today's figures the fleet pays back in 6.7 years; as difficulty climbs 2 % a month
    // and the subsidy halves, it never does within its four years.
    let static_years = metrics.get(MetricId::MiningPaybackYears).expect("a static payback");
    assert!(close(static_years, "6.720109872169353686113513"), "{static_years}");
    assert_eq!(metrics.get(MetricId::MiningPaybackMonths), Err(NeverPaysBack));
    // The lease pays back in month 98, about eight years, at a return below the 12 % rate.
    assert_eq!(metrics.get(MetricId::ColoPaybackMonths), Ok(dec!(98)));
    let irr = metrics.get(MetricId::ColoIrrPct).expect("an IRR");
    assert!(irr < dec!(12) && metrics.get(MetricId::ColoNpvUsdPerMw).is_ok_and(|npv| npv < Decimal::ZERO));
    // The conversion: nothing earned before month 10.
    assert_eq!(projection.idle_months(Path::Colo), Ok(9));
    assert_eq!(projection.points()[9].colo_cum, Ok(dec!(-10000000)));
    // All-in margins and site totals, worked as above (100 MW).
    let worked = [
        (MetricId::MiningAllinMarginUsdPerKwh, "-0.01502798733442315305972973"),
        (MetricId::ColoAllinMarginUsdPerKwh, "0.04739433321625102447020255"),
        (MetricId::GpuAllinMarginUsdPerKwh, "-0.08190138225996404884398438"),
        (MetricId::MiningSiteCapexUsd, "126190476.1904761904761905"),
        (MetricId::ColoSiteCapexUsd, "1000000000"),
        (MetricId::GpuSiteCapexUsd, "3262443438.914027149321267"),
        (MetricId::MiningSiteMarginUsdPerYear, "18778037.64981300600113407"),
        (MetricId::ColoSiteMarginUsdPerYear, "124850769.2307692307692308"),
        (MetricId::GpuSiteMarginUsdPerYear, "580743076.9230769230769231"),
        (MetricId::MiningSiteNpvUsd, "-113557775.4976978895319645"),
        (MetricId::ColoSiteNpvUsd, "-170052020.433454473645519"),
        (MetricId::GpuSiteNpvUsd, "-2040628962.467983521679231"),
        (MetricId::MiningSiteLifetimeCashUsd, "-112808137.7530512402951933"),
        (MetricId::ColoSiteLifetimeCashUsd, "706693492.6463549106463539"),
        (MetricId::GpuSiteLifetimeCashUsd, "-1584673623.241315424906915"),
    ];
    for (id, want) in worked {
        let got = metrics.get(id).unwrap_or_else(|e| panic!("{}: {e:?}", id.key()));
        assert!(close(got, want), "{}: {got}, worked {want}", id.key());
    }
}

#[test]
fn it_blanks_only_what_needs_an_invalid_outlook_value() {
    let s = Scenario::default();
    let valid = evaluate_over_time(&s, InvalidKeys::default());
    // The discount rate: the NPVs and nothing else.
    let Evaluation { metrics, projection } = evaluate_over_time(&s, InvalidKeys::default().with(Key::Dr));
    for (id, figure) in metrics.iter() {
        let needs =
            Path::ALL.into_iter().any(|p| id == p.npv() || id == p.site_npv()) || id == MetricId::PlanSiteNpvUsd;
        if needs {
            assert_eq!(figure, Err(ModelError::InvalidInput(Key::Dr)), "{}", id.key());
        } else {
            assert_eq!(figure, valid.metrics.get(id), "{}", id.key());
        }
    }
    assert_eq!(projection, valid.projection);
    // The horizon: no figure, only how far the charts run.
    let Evaluation { metrics, projection } = evaluate_over_time(&s, InvalidKeys::default().with(Key::Mo));
    assert_eq!(metrics, valid.metrics);
    assert_eq!(projection.horizon(), Err(ModelError::InvalidInput(Key::Mo)));
    assert_eq!(projection.points(), valid.projection.points());
    // The conversion: the AI paths' cash from month 1 on; mining and every margin stay.
    let Evaluation { projection, .. } = evaluate_over_time(&s, InvalidKeys::default().with(Key::Conv));
    for (point, before) in projection.points().iter().zip(valid.projection.points()) {
        assert_eq!((point.mining, point.colo, point.gpu), (before.mining, before.colo, before.gpu));
        assert_eq!(point.mining_cum, before.mining_cum);
        if point.month > 0 {
            assert_eq!(point.colo_cum, Err(ModelError::InvalidInput(Key::Conv)), "month {}", point.month);
            assert_eq!(point.gpu_cum, Err(ModelError::InvalidInput(Key::Conv)), "month {}", point.month);
        }
    }
    // Difficulty's drift: mining from month 1 on, and only mining.
    let Evaluation { projection, .. } = evaluate_over_time(&s, InvalidKeys::default().with(Key::Dg));
    assert_eq!(projection.points()[0], valid.projection.points()[0]);
    for (point, before) in projection.points().iter().zip(valid.projection.points()).skip(1) {
        assert_eq!(point.mining, Err(ModelError::InvalidInput(Key::Dg)), "month {}", point.month);
        assert_eq!((point.colo, point.gpu, point.colo_cum), (before.colo, before.gpu, before.colo_cum));
    }
}

#[test]
fn it_needs_no_projection_for_the_figures_of_today() {
    // The decision map's figures come from the cheap evaluation, the same as the full one's.
    let s = scenario("kwh=0.03&btc=100000");
    let full = evaluate_over_time(&s, InvalidKeys::default()).metrics;
    let cheap = kwhich::model::evaluate_static(&s, InvalidKeys::default());
    for (id, figure) in cheap.iter() {
        if id.needs_projection() {
            assert_eq!(figure, Err(ModelError::NotProjected), "{}", id.key());
        } else {
            assert_eq!(figure, full.get(id), "{}", id.key());
        }
    }
    for path in Path::ALL {
        assert!(!path.allin_margin().needs_projection() && path.npv().needs_projection());
    }
}
