//! Every metric of SPEC.md against figures worked out from its formulas independently of
//! this crate, in decimal arithmetic at 40 significant digits, pasted here to 25. Each row's
//! comment is the formula with the scenario's numbers in it (intermediates to 12 digits).
//! Notation as in SPEC.md: `eff = w/th`, `keep = 1 − pool/100`, `cash = kwh + opx`.

use core::str::FromStr;

use super::*;
use crate::model::error::Quantity;
use crate::model::fields::Key;
use crate::model::link::share_link::{from_query, plain};
use crate::text::format::figure_text;
use ModelError::{MarginNotPositive, ZeroDivisor};

/// How far a figure may sit from the worked one, relative to it. Both sides carry 25 or more
/// significant digits, so anything looser than rounding noise is a wrong formula.
const TOLERANCE: Decimal = dec!(0.000000000001);

/// A worked figure: its digits, or the reason it has none.
type Want = Result<&'static str, ModelError>;

/// The metrics of SPEC.md's first table, before the Time extension: the first in the order.
const V1_COUNT: usize = 30;

struct Case {
    name: &'static str,
    link: &'static str,
    /// Every metric of SPEC.md's first table, in its order.
    want: [(&'static str, Want); V1_COUNT],
}

const CASES: [Case; 7] = [
    // The default scenario: the late-November 2025 snapshot, an S21 and an H100.
    Case {
        name: "default",
        link: "",
        want: [
            // (sub+fee)·86400·10^15/(diff·10^12·2^32) = 3.145·86400·10^15/(155·10^12·2^32)
            ("hashprice_btc_per_ph_day", Ok("0.0004081716460566366872479839")),
            // hashprice_btc·btc = 0.000408171646057·85000
            ("hashprice_usd_per_ph_day", Ok("34.69458991481411841607863")),
            // diff·10^12·2^32/600/10^18 = 155·2^32/(6·10^8)
            ("network_hashrate_eh_s", Ok("1109.533218133333333333333")),
            // w/th = 3500/200
            ("asic_efficiency_j_per_th", Ok("17.5")),
            // hashprice_usd·keep/(24·eff·pue) = 34.6945899148·0.98/(24·17.5·1.05)
            ("mining_revenue_usd_per_kwh", Ok("0.07709908869958692981350806")),
            // kwh+opx = 0.05+0.005
            ("mining_cash_cost_usd_per_kwh", Ok("0.055")),
            // revenue − cash = 0.0770990886996 − 0.055
            ("mining_margin_usd_per_kwh", Ok("0.02209908869958692981350806")),
            // 24·eff·pue/(hashprice_btc·keep) = 24·17.5·1.05/(0.000408171646057·0.98)
            ("energy_kwh_per_btc", Ok("1102477.363010068892421834")),
            // energy·kwh = 1102477.36301·0.05
            ("energy_cost_per_btc_usd", Ok("55123.86815050344462109168")),
            // energy·cash = 1102477.36301·0.055
            ("cash_cost_per_btc_usd", Ok("60636.25496555378908320085")),
            // cash_cost + (capex/(life·365))/(hashprice_btc/1000·keep·up/100) = 60636.2549656 + (14/(4·365))/(0.000408171646057/1000·0.98·97/100)
            ("allin_cost_per_btc_usd", Ok("85349.77096993100448910114")),
            // tgt = 50000
            ("target_cost_per_btc_usd", Ok("50000")),
            // tgt/energy − opx = 50000/1102477.36301 − 0.005
            ("target_max_power_price_usd_per_kwh", Ok("0.0403524051174040763608871")),
            // tgt·hashprice_btc·keep/(24·pue·cash) = 50000·0.000408171646057·0.98/(24·1.05·0.055)
            ("target_required_efficiency_j_per_th", Ok("14.43031071917402429664589")),
            // revenue − opx = 0.0770990886996 − 0.005
            ("breakeven_power_price_usd_per_kwh", Ok("0.07209908869958692981350806")),
            // colo/(730·gpue) + kwh = 140/(730·1.3) + 0.05
            ("colo_revenue_usd_per_kwh", Ok("0.1975237091675447839831401")),
            // colo/(730·gpue) − opx = 140/(730·1.3) − 0.005
            ("colo_margin_usd_per_kwh", Ok("0.1425237091675447839831401")),
            // gph·util/100/(gkw·gpue) = 2.00·70/100/(1.275·1.3)
            ("gpu_revenue_usd_per_kwh", Ok("0.8446455505279034690799397")),
            // gpu_rev − cash − gpu_rev·gopx/100 = 0.844645550528 − 0.055 − 0.844645550528·15/100
            ("gpu_margin_usd_per_kwh", Ok("0.6629487179487179487179487")),
            // colo_rev/mining_rev = 0.197523709168/0.0770990886996
            ("colo_vs_mining_revenue_multiple", Ok("2.561946094294147571864783")),
            // gpu_rev/mining_rev = 0.844645550528/0.0770990886996
            ("gpu_vs_mining_revenue_multiple", Ok("10.95532469675518729050176")),
            // capex·10^6/(eff·pue) + site = 14·10^6/(17.5·1.05) + 500000
            ("mining_capex_usd_per_mw", Ok("1261904.761904761904761905")),
            // gfit = 10000000
            ("colo_capex_usd_per_mw", Ok("10000000")),
            // gcap·1000/(gkw·gpue) + gfit = 37500·1000/(1.275·1.3) + 10000000
            ("gpu_capex_usd_per_mw", Ok("32624434.38914027149321267")),
            // margin·8,760,000·up/100 = 0.0220990886996·8760000·97/100
            ("mining_margin_usd_per_mw_year", Ok("187780.3764981300600113407")),
            // colo_margin·8,760,000 = 0.142523709168·8760000
            ("colo_margin_usd_per_mw_year", Ok("1248507.692307692307692308")),
            // gpu_margin·8,760,000 = 0.662948717949·8760000
            ("gpu_margin_usd_per_mw_year", Ok("5807430.769230769230769231")),
            // capex/margin_year = 1261904.7619/187780.376498
            ("mining_payback_years", Ok("6.720109872169353686113513")),
            // capex/margin_year = 10000000/1248507.69231
            ("colo_payback_years", Ok("8.009562185008564070336278")),
            // capex/margin_year = 32624434.3891/5807430.76923
            ("gpu_payback_years", Ok("5.617705261678321002691044")),
        ],
    },
    // An S21 XP (3645 W / 270 TH/s = 13.5 J/TH) on 3-cent power.
    Case {
        name: "cheap_power_s21xp",
        link: "asic=s21xp&kwh=0.03",
        want: [
            // (sub+fee)·86400·10^15/(diff·10^12·2^32) = 3.145·86400·10^15/(155·10^12·2^32)
            ("hashprice_btc_per_ph_day", Ok("0.0004081716460566366872479839")),
            // hashprice_btc·btc = 0.000408171646057·85000
            ("hashprice_usd_per_ph_day", Ok("34.69458991481411841607863")),
            // diff·10^12·2^32/600/10^18 = 155·2^32/(6·10^8)
            ("network_hashrate_eh_s", Ok("1109.533218133333333333333")),
            // w/th = 3645/270
            ("asic_efficiency_j_per_th", Ok("13.5")),
            // hashprice_usd·keep/(24·eff·pue) = 34.6945899148·0.98/(24·13.5·1.05)
            ("mining_revenue_usd_per_kwh", Ok("0.09994326312909416827676971")),
            // kwh+opx = 0.03+0.005
            ("mining_cash_cost_usd_per_kwh", Ok("0.035")),
            // revenue − cash = 0.0999432631291 − 0.035
            ("mining_margin_usd_per_kwh", Ok("0.06494326312909416827676971")),
            // 24·eff·pue/(hashprice_btc·keep) = 24·13.5·1.05/(0.000408171646057·0.98)
            ("energy_kwh_per_btc", Ok("850482.5371791960027254145")),
            // energy·kwh = 850482.537179·0.03
            ("energy_cost_per_btc_usd", Ok("25514.47611537588008176243")),
            // energy·cash = 850482.537179·0.035
            ("cash_cost_per_btc_usd", Ok("29766.88880127186009538951")),
            // cash_cost + (capex/(life·365))/(hashprice_btc/1000·keep·up/100) = 29766.8888013 + (14/(4·365))/(0.000408171646057/1000·0.98·97/100)
            ("allin_cost_per_btc_usd", Ok("54480.40480564907550128979")),
            // tgt = 50000
            ("target_cost_per_btc_usd", Ok("50000")),
            // tgt/energy − opx = 50000/850482.537179 − 0.005
            ("target_max_power_price_usd_per_kwh", Ok("0.05379015478182009898633513")),
            // tgt·hashprice_btc·keep/(24·pue·cash) = 50000·0.000408171646057·0.98/(24·1.05·0.035)
            ("target_required_efficiency_j_per_th", Ok("22.67620255870203818044355")),
            // revenue − opx = 0.0999432631291 − 0.005
            ("breakeven_power_price_usd_per_kwh", Ok("0.09494326312909416827676971")),
            // colo/(730·gpue) + kwh = 140/(730·1.3) + 0.03
            ("colo_revenue_usd_per_kwh", Ok("0.1775237091675447839831401")),
            // colo/(730·gpue) − opx = 140/(730·1.3) − 0.005
            ("colo_margin_usd_per_kwh", Ok("0.1425237091675447839831401")),
            // gph·util/100/(gkw·gpue) = 2.00·70/100/(1.275·1.3)
            ("gpu_revenue_usd_per_kwh", Ok("0.8446455505279034690799397")),
            // gpu_rev − cash − gpu_rev·gopx/100 = 0.844645550528 − 0.035 − 0.844645550528·15/100
            ("gpu_margin_usd_per_kwh", Ok("0.6829487179487179487179487")),
            // colo_rev/mining_rev = 0.177523709168/0.0999432631291
            ("colo_vs_mining_revenue_multiple", Ok("1.776244877438531588410718")),
            // gpu_rev/mining_rev = 0.844645550528/0.0999432631291
            ("gpu_vs_mining_revenue_multiple", Ok("8.451250480354001624101359")),
            // capex·10^6/(eff·pue) + site = 14·10^6/(13.5·1.05) + 500000
            ("mining_capex_usd_per_mw", Ok("1487654.320987654320987654")),
            // gfit = 10000000
            ("colo_capex_usd_per_mw", Ok("10000000")),
            // gcap·1000/(gkw·gpue) + gfit = 37500·1000/(1.275·1.3) + 10000000
            ("gpu_capex_usd_per_mw", Ok("32624434.38914027149321267")),
            // margin·8,760,000·up/100 = 0.0649432631291·8760000·97/100
            ("mining_margin_usd_per_mw_year", Ok("551835.8954605389666813676")),
            // colo_margin·8,760,000 = 0.142523709168·8760000
            ("colo_margin_usd_per_mw_year", Ok("1248507.692307692307692308")),
            // gpu_margin·8,760,000 = 0.682948717949·8760000
            ("gpu_margin_usd_per_mw_year", Ok("5982630.769230769230769231")),
            // capex/margin_year = 1487654.32099/551835.895461
            ("mining_payback_years", Ok("2.695827388586457865515829")),
            // capex/margin_year = 10000000/1248507.69231
            ("colo_payback_years", Ok("8.009562185008564070336278")),
            // capex/margin_year = 32624434.3891/5982630.76923
            ("gpu_payback_years", Ok("5.453192023303660203663486")),
        ],
    },
    // A $40 hashprice override: hashprice_btc = hp / btc.
    Case {
        name: "hashprice_override",
        link: "hp=40",
        want: [
            // hp/btc = 40/85000
            ("hashprice_btc_per_ph_day", Ok("0.0004705882352941176470588235")),
            // hashprice_btc·btc = 0.000470588235294·85000
            ("hashprice_usd_per_ph_day", Ok("40")),
            // diff·10^12·2^32/600/10^18 = 155·2^32/(6·10^8)
            ("network_hashrate_eh_s", Ok("1109.533218133333333333333")),
            // w/th = 3500/200
            ("asic_efficiency_j_per_th", Ok("17.5")),
            // hashprice_usd·keep/(24·eff·pue) = 40·0.98/(24·17.5·1.05)
            ("mining_revenue_usd_per_kwh", Ok("0.08888888888888888888888889")),
            // kwh+opx = 0.05+0.005
            ("mining_cash_cost_usd_per_kwh", Ok("0.055")),
            // revenue − cash = 0.0888888888889 − 0.055
            ("mining_margin_usd_per_kwh", Ok("0.03388888888888888888888889")),
            // 24·eff·pue/(hashprice_btc·keep) = 24·17.5·1.05/(0.000470588235294·0.98)
            ("energy_kwh_per_btc", Ok("956250")),
            // energy·kwh = 956250·0.05
            ("energy_cost_per_btc_usd", Ok("47812.5")),
            // energy·cash = 956250·0.055
            ("cash_cost_per_btc_usd", Ok("52593.75")),
            // cash_cost + (capex/(life·365))/(hashprice_btc/1000·keep·up/100) = 52593.75 + (14/(4·365))/(0.000470588235294/1000·0.98·97/100)
            ("allin_cost_per_btc_usd", Ok("74029.38257812657614945427")),
            // tgt = 50000
            ("target_cost_per_btc_usd", Ok("50000")),
            // tgt/energy − opx = 50000/956250 − 0.005
            ("target_max_power_price_usd_per_kwh", Ok("0.04728758169934640522875817")),
            // tgt·hashprice_btc·keep/(24·pue·cash) = 50000·0.000470588235294·0.98/(24·1.05·0.055)
            ("target_required_efficiency_j_per_th", Ok("16.63695781342840166369578")),
            // revenue − opx = 0.0888888888889 − 0.005
            ("breakeven_power_price_usd_per_kwh", Ok("0.08388888888888888888888889")),
            // colo/(730·gpue) + kwh = 140/(730·1.3) + 0.05
            ("colo_revenue_usd_per_kwh", Ok("0.1975237091675447839831401")),
            // colo/(730·gpue) − opx = 140/(730·1.3) − 0.005
            ("colo_margin_usd_per_kwh", Ok("0.1425237091675447839831401")),
            // gph·util/100/(gkw·gpue) = 2.00·70/100/(1.275·1.3)
            ("gpu_revenue_usd_per_kwh", Ok("0.8446455505279034690799397")),
            // gpu_rev − cash − gpu_rev·gopx/100 = 0.844645550528 − 0.055 − 0.844645550528·15/100
            ("gpu_margin_usd_per_kwh", Ok("0.6629487179487179487179487")),
            // colo_rev/mining_rev = 0.197523709168/0.0888888888889
            ("colo_vs_mining_revenue_multiple", Ok("2.222141728134878819810327")),
            // gpu_rev/mining_rev = 0.844645550528/0.0888888888889
            ("gpu_vs_mining_revenue_multiple", Ok("9.502262443438914027149321")),
            // capex·10^6/(eff·pue) + site = 14·10^6/(17.5·1.05) + 500000
            ("mining_capex_usd_per_mw", Ok("1261904.761904761904761905")),
            // gfit = 10000000
            ("colo_capex_usd_per_mw", Ok("10000000")),
            // gcap·1000/(gkw·gpue) + gfit = 37500·1000/(1.275·1.3) + 10000000
            ("gpu_capex_usd_per_mw", Ok("32624434.38914027149321267")),
            // margin·8,760,000·up/100 = 0.0338888888889·8760000·97/100
            ("mining_margin_usd_per_mw_year", Ok("287960.6666666666666666667")),
            // colo_margin·8,760,000 = 0.142523709168·8760000
            ("colo_margin_usd_per_mw_year", Ok("1248507.692307692307692308")),
            // gpu_margin·8,760,000 = 0.662948717949·8760000
            ("gpu_margin_usd_per_mw_year", Ok("5807430.769230769230769231")),
            // capex/margin_year = 1261904.7619/287960.666667
            ("mining_payback_years", Ok("4.382212253194632732578887")),
            // capex/margin_year = 10000000/1248507.69231
            ("colo_payback_years", Ok("8.009562185008564070336278")),
            // capex/margin_year = 32624434.3891/5807430.76923
            ("gpu_payback_years", Ok("5.617705261678321002691044")),
        ],
    },
    // The 2028 subsidy: mining margin turns negative, so mining payback is never.
    Case {
        name: "post_halving",
        link: "sub=1.5625",
        want: [
            // (sub+fee)·86400·10^15/(diff·10^12·2^32) = 1.5825·86400·10^15/(155·10^12·2^32)
            ("hashprice_btc_per_ph_day", Ok("0.0002053836661000405588457661")),
            // hashprice_btc·btc = 0.0002053836661·85000
            ("hashprice_usd_per_ph_day", Ok("17.45761161850344750189012")),
            // diff·10^12·2^32/600/10^18 = 155·2^32/(6·10^8)
            ("network_hashrate_eh_s", Ok("1109.533218133333333333333")),
            // w/th = 3500/200
            ("asic_efficiency_j_per_th", Ok("17.5")),
            // hashprice_usd·keep/(24·eff·pue) = 17.4576116185·0.98/(24·17.5·1.05)
            ("mining_revenue_usd_per_kwh", Ok("0.03879469248556321667086694")),
            // kwh+opx = 0.05+0.005
            ("mining_cash_cost_usd_per_kwh", Ok("0.055")),
            // revenue − cash = 0.0387946924856 − 0.055
            ("mining_margin_usd_per_kwh", Ok("-0.01620530751443678332913306")),
            // 24·eff·pue/(hashprice_btc·keep) = 24·17.5·1.05/(0.0002053836661·0.98)
            ("energy_kwh_per_btc", Ok("2191021.362822538177988415")),
            // energy·kwh = 2191021.36282·0.05
            ("energy_cost_per_btc_usd", Ok("109551.0681411269088994207")),
            // energy·cash = 2191021.36282·0.055
            ("cash_cost_per_btc_usd", Ok("120506.1749552395997893628")),
            // cash_cost + (capex/(life·365))/(hashprice_btc/1000·keep·up/100) = 120506.174955 + (14/(4·365))/(0.0002053836661/1000·0.98·97/100)
            ("allin_cost_per_btc_usd", Ok("169620.8718486148556829214")),
            // tgt = 50000
            ("target_cost_per_btc_usd", Ok("50000")),
            // tgt/energy − opx = 50000/2191021.36282 − 0.005
            ("target_max_power_price_usd_per_kwh", Ok("0.0178204073444489509828629")),
            // tgt·hashprice_btc·keep/(24·pue·cash) = 50000·0.0002053836661·0.98/(24·1.05·0.055)
            ("target_required_efficiency_j_per_th", Ok("7.261038700506484403638196")),
            // revenue − opx = 0.0387946924856 − 0.005
            ("breakeven_power_price_usd_per_kwh", Ok("0.03379469248556321667086694")),
            // colo/(730·gpue) + kwh = 140/(730·1.3) + 0.05
            ("colo_revenue_usd_per_kwh", Ok("0.1975237091675447839831401")),
            // colo/(730·gpue) − opx = 140/(730·1.3) − 0.005
            ("colo_margin_usd_per_kwh", Ok("0.1425237091675447839831401")),
            // gph·util/100/(gkw·gpue) = 2.00·70/100/(1.275·1.3)
            ("gpu_revenue_usd_per_kwh", Ok("0.8446455505279034690799397")),
            // gpu_rev − cash − gpu_rev·gopx/100 = 0.844645550528 − 0.055 − 0.844645550528·15/100
            ("gpu_margin_usd_per_kwh", Ok("0.6629487179487179487179487")),
            // colo_rev/mining_rev = 0.197523709168/0.0387946924856
            ("colo_vs_mining_revenue_multiple", Ok("5.091513722941607654669663")),
            // gpu_rev/mining_rev = 0.844645550528/0.0387946924856
            ("gpu_vs_mining_revenue_multiple", Ok("21.7721934731722363530035")),
            // capex·10^6/(eff·pue) + site = 14·10^6/(17.5·1.05) + 500000
            ("mining_capex_usd_per_mw", Ok("1261904.761904761904761905")),
            // gfit = 10000000
            ("colo_capex_usd_per_mw", Ok("10000000")),
            // gcap·1000/(gkw·gpue) + gfit = 37500·1000/(1.275·1.3) + 10000000
            ("gpu_capex_usd_per_mw", Ok("32624434.38914027149321267")),
            // margin·8,760,000·up/100 = -0.0162053075144·8760000·97/100
            ("mining_margin_usd_per_mw_year", Ok("-137699.7390116722353043095")),
            // colo_margin·8,760,000 = 0.142523709168·8760000
            ("colo_margin_usd_per_mw_year", Ok("1248507.692307692307692308")),
            // gpu_margin·8,760,000 = 0.662948717949·8760000
            ("gpu_margin_usd_per_mw_year", Ok("5807430.769230769230769231")),
            // margin per MW-year -137699.739012 ≤ 0: never
            ("mining_payback_years", Err(MarginNotPositive)),
            // capex/margin_year = 10000000/1248507.69231
            ("colo_payback_years", Ok("8.009562185008564070336278")),
            // capex/margin_year = 32624434.3891/5807430.76923
            ("gpu_payback_years", Ok("5.617705261678321002691044")),
        ],
    },
    // A B200 (1.79 kW, $60,000, $5/h) and the Core Scientific lease ($121) at PUE 1.45.
    Case {
        name: "gpu_b200_colo_121",
        link: "gpu=b200&colo=121&gpue=1.45",
        want: [
            // (sub+fee)·86400·10^15/(diff·10^12·2^32) = 3.145·86400·10^15/(155·10^12·2^32)
            ("hashprice_btc_per_ph_day", Ok("0.0004081716460566366872479839")),
            // hashprice_btc·btc = 0.000408171646057·85000
            ("hashprice_usd_per_ph_day", Ok("34.69458991481411841607863")),
            // diff·10^12·2^32/600/10^18 = 155·2^32/(6·10^8)
            ("network_hashrate_eh_s", Ok("1109.533218133333333333333")),
            // w/th = 3500/200
            ("asic_efficiency_j_per_th", Ok("17.5")),
            // hashprice_usd·keep/(24·eff·pue) = 34.6945899148·0.98/(24·17.5·1.05)
            ("mining_revenue_usd_per_kwh", Ok("0.07709908869958692981350806")),
            // kwh+opx = 0.05+0.005
            ("mining_cash_cost_usd_per_kwh", Ok("0.055")),
            // revenue − cash = 0.0770990886996 − 0.055
            ("mining_margin_usd_per_kwh", Ok("0.02209908869958692981350806")),
            // 24·eff·pue/(hashprice_btc·keep) = 24·17.5·1.05/(0.000408171646057·0.98)
            ("energy_kwh_per_btc", Ok("1102477.363010068892421834")),
            // energy·kwh = 1102477.36301·0.05
            ("energy_cost_per_btc_usd", Ok("55123.86815050344462109168")),
            // energy·cash = 1102477.36301·0.055
            ("cash_cost_per_btc_usd", Ok("60636.25496555378908320085")),
            // cash_cost + (capex/(life·365))/(hashprice_btc/1000·keep·up/100) = 60636.2549656 + (14/(4·365))/(0.000408171646057/1000·0.98·97/100)
            ("allin_cost_per_btc_usd", Ok("85349.77096993100448910114")),
            // tgt = 50000
            ("target_cost_per_btc_usd", Ok("50000")),
            // tgt/energy − opx = 50000/1102477.36301 − 0.005
            ("target_max_power_price_usd_per_kwh", Ok("0.0403524051174040763608871")),
            // tgt·hashprice_btc·keep/(24·pue·cash) = 50000·0.000408171646057·0.98/(24·1.05·0.055)
            ("target_required_efficiency_j_per_th", Ok("14.43031071917402429664589")),
            // revenue − opx = 0.0770990886996 − 0.005
            ("breakeven_power_price_usd_per_kwh", Ok("0.07209908869958692981350806")),
            // colo/(730·gpue) + kwh = 121/(730·1.45) + 0.05
            ("colo_revenue_usd_per_kwh", Ok("0.1643127066603684459140293")),
            // colo/(730·gpue) − opx = 121/(730·1.45) − 0.005
            ("colo_margin_usd_per_kwh", Ok("0.1093127066603684459140293")),
            // gph·util/100/(gkw·gpue) = 5.00·70/100/(1.79·1.45)
            ("gpu_revenue_usd_per_kwh", Ok("1.348487767289539587748025")),
            // gpu_rev − cash − gpu_rev·gopx/100 = 1.34848776729 − 0.055 − 1.34848776729·15/100
            ("gpu_margin_usd_per_kwh", Ok("1.091214602196108649585822")),
            // colo_rev/mining_rev = 0.16431270666/0.0770990886996
            ("colo_vs_mining_revenue_multiple", Ok("2.131188700564352797960126")),
            // gpu_rev/mining_rev = 1.34848776729/0.0770990886996
            ("gpu_vs_mining_revenue_multiple", Ok("17.49032044391420047582997")),
            // capex·10^6/(eff·pue) + site = 14·10^6/(17.5·1.05) + 500000
            ("mining_capex_usd_per_mw", Ok("1261904.761904761904761905")),
            // gfit = 10000000
            ("colo_capex_usd_per_mw", Ok("10000000")),
            // gcap·1000/(gkw·gpue) + gfit = 60000·1000/(1.79·1.45) + 10000000
            ("gpu_capex_usd_per_mw", Ok("33116933.15353496436139472")),
            // margin·8,760,000·up/100 = 0.0220990886996·8760000·97/100
            ("mining_margin_usd_per_mw_year", Ok("187780.3764981300600113407")),
            // colo_margin·8,760,000 = 0.10931270666·8760000
            ("colo_margin_usd_per_mw_year", Ok("957579.3103448275862068966")),
            // gpu_margin·8,760,000 = 1.0912146022·8760000
            ("gpu_margin_usd_per_mw_year", Ok("9559039.915237911770371797")),
            // capex/margin_year = 1261904.7619/187780.376498
            ("mining_payback_years", Ok("6.720109872169353686113513")),
            // capex/margin_year = 10000000/957579.310345
            ("colo_payback_years", Ok("10.44299922937867755619414")),
            // capex/margin_year = 33116933.1535/9559039.91524
            ("gpu_payback_years", Ok("3.464462273114248002239021")),
        ],
    },
    // Free power and no other cost: the efficiency needed for the target divides by zero.
    Case {
        name: "free_power",
        link: "kwh=0&opx=0",
        want: [
            // (sub+fee)·86400·10^15/(diff·10^12·2^32) = 3.145·86400·10^15/(155·10^12·2^32)
            ("hashprice_btc_per_ph_day", Ok("0.0004081716460566366872479839")),
            // hashprice_btc·btc = 0.000408171646057·85000
            ("hashprice_usd_per_ph_day", Ok("34.69458991481411841607863")),
            // diff·10^12·2^32/600/10^18 = 155·2^32/(6·10^8)
            ("network_hashrate_eh_s", Ok("1109.533218133333333333333")),
            // w/th = 3500/200
            ("asic_efficiency_j_per_th", Ok("17.5")),
            // hashprice_usd·keep/(24·eff·pue) = 34.6945899148·0.98/(24·17.5·1.05)
            ("mining_revenue_usd_per_kwh", Ok("0.07709908869958692981350806")),
            // kwh+opx = 0+0
            ("mining_cash_cost_usd_per_kwh", Ok("0")),
            // revenue − cash = 0.0770990886996 − 0
            ("mining_margin_usd_per_kwh", Ok("0.07709908869958692981350806")),
            // 24·eff·pue/(hashprice_btc·keep) = 24·17.5·1.05/(0.000408171646057·0.98)
            ("energy_kwh_per_btc", Ok("1102477.363010068892421834")),
            // energy·kwh = 1102477.36301·0
            ("energy_cost_per_btc_usd", Ok("0")),
            // energy·cash = 1102477.36301·0
            ("cash_cost_per_btc_usd", Ok("0")),
            // cash_cost + (capex/(life·365))/(hashprice_btc/1000·keep·up/100) = 0 + (14/(4·365))/(0.000408171646057/1000·0.98·97/100)
            ("allin_cost_per_btc_usd", Ok("24713.51600437721540590029")),
            // tgt = 50000
            ("target_cost_per_btc_usd", Ok("50000")),
            // tgt/energy − opx = 50000/1102477.36301 − 0
            ("target_max_power_price_usd_per_kwh", Ok("0.0453524051174040763608871")),
            // tgt·hashprice_btc·keep/(24·pue·cash) = 50000·0.000408171646057·0.98/(24·1.05·0)
            ("target_required_efficiency_j_per_th", Err(ZeroDivisor(Quantity::CashCostPerKwh))),
            // revenue − opx = 0.0770990886996 − 0
            ("breakeven_power_price_usd_per_kwh", Ok("0.07709908869958692981350806")),
            // colo/(730·gpue) + kwh = 140/(730·1.3) + 0
            ("colo_revenue_usd_per_kwh", Ok("0.1475237091675447839831401")),
            // colo/(730·gpue) − opx = 140/(730·1.3) − 0
            ("colo_margin_usd_per_kwh", Ok("0.1475237091675447839831401")),
            // gph·util/100/(gkw·gpue) = 2.00·70/100/(1.275·1.3)
            ("gpu_revenue_usd_per_kwh", Ok("0.8446455505279034690799397")),
            // gpu_rev − cash − gpu_rev·gopx/100 = 0.844645550528 − 0 − 0.844645550528·15/100
            ("gpu_margin_usd_per_kwh", Ok("0.7179487179487179487179487")),
            // colo_rev/mining_rev = 0.147523709168/0.0770990886996
            ("colo_vs_mining_revenue_multiple", Ok("1.913429998405871752793116")),
            // gpu_rev/mining_rev = 0.844645550528/0.0770990886996
            ("gpu_vs_mining_revenue_multiple", Ok("10.95532469675518729050176")),
            // capex·10^6/(eff·pue) + site = 14·10^6/(17.5·1.05) + 500000
            ("mining_capex_usd_per_mw", Ok("1261904.761904761904761905")),
            // gfit = 10000000
            ("colo_capex_usd_per_mw", Ok("10000000")),
            // gcap·1000/(gkw·gpue) + gfit = 37500·1000/(1.275·1.3) + 10000000
            ("gpu_capex_usd_per_mw", Ok("32624434.38914027149321267")),
            // margin·8,760,000·up/100 = 0.0770990886996·8760000·97/100
            ("mining_margin_usd_per_mw_year", Ok("655126.3764981300600113407")),
            // colo_margin·8,760,000 = 0.147523709168·8760000
            ("colo_margin_usd_per_mw_year", Ok("1292307.692307692307692308")),
            // gpu_margin·8,760,000 = 0.717948717949·8760000
            ("gpu_margin_usd_per_mw_year", Ok("6289230.769230769230769231")),
            // capex/margin_year = 1261904.7619/655126.376498
            ("mining_payback_years", Ok("1.926200512105871200753993")),
            // capex/margin_year = 10000000/1292307.69231
            ("colo_payback_years", Ok("7.738095238095238095238095")),
            // capex/margin_year = 32624434.3891/6289230.76923
            ("gpu_payback_years", Ok("5.187348912167606768734891")),
        ],
    },
    // A lease of $0 and free GPU-hours: a zero colocation margin and a negative GPU margin both mean never.
    Case {
        name: "no_lease_no_rent",
        link: "colo=0&opx=0&gph=0",
        want: [
            // (sub+fee)·86400·10^15/(diff·10^12·2^32) = 3.145·86400·10^15/(155·10^12·2^32)
            ("hashprice_btc_per_ph_day", Ok("0.0004081716460566366872479839")),
            // hashprice_btc·btc = 0.000408171646057·85000
            ("hashprice_usd_per_ph_day", Ok("34.69458991481411841607863")),
            // diff·10^12·2^32/600/10^18 = 155·2^32/(6·10^8)
            ("network_hashrate_eh_s", Ok("1109.533218133333333333333")),
            // w/th = 3500/200
            ("asic_efficiency_j_per_th", Ok("17.5")),
            // hashprice_usd·keep/(24·eff·pue) = 34.6945899148·0.98/(24·17.5·1.05)
            ("mining_revenue_usd_per_kwh", Ok("0.07709908869958692981350806")),
            // kwh+opx = 0.05+0
            ("mining_cash_cost_usd_per_kwh", Ok("0.05")),
            // revenue − cash = 0.0770990886996 − 0.05
            ("mining_margin_usd_per_kwh", Ok("0.02709908869958692981350806")),
            // 24·eff·pue/(hashprice_btc·keep) = 24·17.5·1.05/(0.000408171646057·0.98)
            ("energy_kwh_per_btc", Ok("1102477.363010068892421834")),
            // energy·kwh = 1102477.36301·0.05
            ("energy_cost_per_btc_usd", Ok("55123.86815050344462109168")),
            // energy·cash = 1102477.36301·0.05
            ("cash_cost_per_btc_usd", Ok("55123.86815050344462109168")),
            // cash_cost + (capex/(life·365))/(hashprice_btc/1000·keep·up/100) = 55123.8681505 + (14/(4·365))/(0.000408171646057/1000·0.98·97/100)
            ("allin_cost_per_btc_usd", Ok("79837.38415488066002699197")),
            // tgt = 50000
            ("target_cost_per_btc_usd", Ok("50000")),
            // tgt/energy − opx = 50000/1102477.36301 − 0
            ("target_max_power_price_usd_per_kwh", Ok("0.0453524051174040763608871")),
            // tgt·hashprice_btc·keep/(24·pue·cash) = 50000·0.000408171646057·0.98/(24·1.05·0.05)
            ("target_required_efficiency_j_per_th", Ok("15.87334179109142672631048")),
            // revenue − opx = 0.0770990886996 − 0
            ("breakeven_power_price_usd_per_kwh", Ok("0.07709908869958692981350806")),
            // colo/(730·gpue) + kwh = 0/(730·1.3) + 0.05
            ("colo_revenue_usd_per_kwh", Ok("0.05")),
            // colo/(730·gpue) − opx = 0/(730·1.3) − 0
            ("colo_margin_usd_per_kwh", Ok("0")),
            // gph·util/100/(gkw·gpue) = 0·70/100/(1.275·1.3)
            ("gpu_revenue_usd_per_kwh", Ok("0")),
            // gpu_rev − cash − gpu_rev·gopx/100 = 0 − 0.05 − 0·15/100
            ("gpu_margin_usd_per_kwh", Ok("-0.05")),
            // colo_rev/mining_rev = 0.05/0.0770990886996
            ("colo_vs_mining_revenue_multiple", Ok("0.6485160958882758190716668")),
            // gpu_rev/mining_rev = 0/0.0770990886996
            ("gpu_vs_mining_revenue_multiple", Ok("0")),
            // capex·10^6/(eff·pue) + site = 14·10^6/(17.5·1.05) + 500000
            ("mining_capex_usd_per_mw", Ok("1261904.761904761904761905")),
            // gfit = 10000000
            ("colo_capex_usd_per_mw", Ok("10000000")),
            // gcap·1000/(gkw·gpue) + gfit = 37500·1000/(1.275·1.3) + 10000000
            ("gpu_capex_usd_per_mw", Ok("32624434.38914027149321267")),
            // margin·8,760,000·up/100 = 0.0270990886996·8760000·97/100
            ("mining_margin_usd_per_mw_year", Ok("230266.3764981300600113407")),
            // colo_margin·8,760,000 = 0·8760000
            ("colo_margin_usd_per_mw_year", Ok("0")),
            // gpu_margin·8,760,000 = -0.05·8760000
            ("gpu_margin_usd_per_mw_year", Ok("-438000")),
            // capex/margin_year = 1261904.7619/230266.376498
            ("mining_payback_years", Ok("5.480195507028398223334044")),
            // margin per MW-year 0 ≤ 0: never
            ("colo_payback_years", Err(MarginNotPositive)),
            // margin per MW-year -438000 ≤ 0: never
            ("gpu_payback_years", Err(MarginNotPositive)),
        ],
    },
];

fn close(got: Decimal, want: Decimal) -> bool {
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

/// A zero with a minus sign, or text that reads as one ("-0", "-0.00", "−$0").
fn is_negative_zero(value: Decimal) -> bool {
    value.is_zero() && value.is_sign_negative()
}

fn reads_as_negative_zero(text: &str) -> bool {
    (text.contains('-') || text.contains('−')) && !text.chars().any(|c| ('1'..='9').contains(&c))
}

#[test]
fn it_matches_the_hand_worked_tables() {
    for case in &CASES {
        let metrics = evaluate(&scenario(case.link));
        let names: Vec<&str> = case.want.iter().map(|(name, _)| *name).collect();
        let keys: Vec<&str> = MetricId::ALL.iter().take(V1_COUNT).map(|id| id.key()).collect();
        assert_eq!(names, keys, "{}: the table lists SPEC.md's metrics in order", case.name);
        for (name, want) in &case.want {
            let id = MetricId::from_key(name).unwrap_or_else(|| panic!("{name} is not a metric"));
            let got = metrics.get(id);
            match (got, want) {
                (Ok(got), Ok(want)) => {
                    let want = Decimal::from_str(want).expect("a worked figure parses");
                    assert!(close(got, want), "{}: {name} = {got}, worked by hand {want}", case.name);
                }
                (got, want) => assert_eq!(got.err(), want.err(), "{}: {name}", case.name),
            }
        }
    }
}

#[test]
fn it_agrees_with_the_reference_check_figures() {
    // The published check figure: at 3.145 BTC a block and 150 T, hashprice is 0.000422 BTC, or $35.9 at
    // $85,000, and the network runs about 1.07 ZH/s.
    let metrics = evaluate(&scenario("diff=150"));
    let btc = metrics.get(MetricId::HashpriceBtcPerPhDay).map(|d| d.round_dp(6));
    assert_eq!(btc, Ok(dec!(0.000422)));
    let usd = metrics.get(MetricId::HashpriceUsdPerPhDay).map(|d| d.round_dp(1));
    assert_eq!(usd, Ok(dec!(35.9)));
    let zh = metrics.get(MetricId::NetworkHashrateEhS).map(|d| (d / dec!(1000)).round_dp(2));
    assert_eq!(zh, Ok(dec!(1.07)));
}

#[test]
fn it_stops_at_a_zero_cash_cost() {
    let metrics = evaluate(&scenario("kwh=0&opx=0"));
    let figure = metrics.get(MetricId::TargetRequiredEfficiencyJPerTh);
    assert_eq!(figure, Err(ZeroDivisor(Quantity::CashCostPerKwh)));
    assert_eq!(crate::text::reasons::model_error(&figure.unwrap_err()), "cash cost per kWh is zero");
    assert_eq!(figure_text(MetricId::TargetRequiredEfficiencyJPerTh, figure), "—");
    // Everything else at today's figures still has a value.
    let others =
        metrics.iter().filter(|(id, _)| *id != MetricId::TargetRequiredEfficiencyJPerTh && !id.needs_projection());
    for (id, figure) in others {
        assert!(figure.is_ok(), "{}: {figure:?}", id.key());
    }
}

#[test]
fn it_stops_at_a_hashprice_too_small_to_hold() {
    // 10^-22 BTC a block at a million T: about 2·10^-29 BTC per PH/s per day, below the
    // 28 decimal places a `Decimal` holds. It is not zero, so it is not shown as zero (nor
    // "hashprice is zero" downstream): every figure built on it says it is too small.
    let metrics = evaluate(&scenario("diff=1000000&sub=0&fee=0.0000000000000000000001"));
    for id in [
        MetricId::HashpriceBtcPerPhDay,
        MetricId::HashpriceUsdPerPhDay,
        MetricId::MiningRevenueUsdPerKwh,
        MetricId::MiningMarginUsdPerKwh,
        MetricId::EnergyKwhPerBtc,
        MetricId::EnergyCostPerBtcUsd,
        MetricId::CashCostPerBtcUsd,
        MetricId::AllinCostPerBtcUsd,
        MetricId::TargetMaxPowerPriceUsdPerKwh,
        MetricId::TargetRequiredEfficiencyJPerTh,
        MetricId::ColoVsMiningRevenueMultiple,
        MetricId::GpuVsMiningRevenueMultiple,
        MetricId::MiningPaybackYears,
    ] {
        assert_eq!(metrics.get(id), Err(ModelError::Underflow), "{}", id.key());
    }
    assert!(metrics.get(MetricId::GpuPaybackYears).is_ok());
}

#[test]
fn it_says_never_when_the_margin_is_not_positive() {
    let cases = [
        // Mining margin below zero after the halving.
        ("sub=1.5625", MetricId::MiningPaybackYears),
        // A mining margin of exactly zero: 27 · 0.98 / (24 · 17.5 · 1.05) = 0.06 = 0.055 + 0.005.
        ("hp=27&kwh=0.055", MetricId::MiningPaybackYears),
        // A colocation margin of exactly zero: no lease, no other cost.
        ("colo=0&opx=0", MetricId::ColoPaybackYears),
        // A GPU margin below zero: no GPU-hour sold.
        ("util=0", MetricId::GpuPaybackYears),
    ];
    for (link, id) in cases {
        let figure = evaluate(&scenario(link)).get(id);
        assert_eq!(figure, Err(MarginNotPositive), "{link}");
        assert_eq!(figure_text(id, figure), "never", "{link}");
    }
    assert_eq!(crate::text::reasons::model_error(&MarginNotPositive), "never: the margin is not positive");
}

#[test]
fn it_never_writes_a_negative_zero() {
    let mut links: Vec<&str> = CASES.iter().map(|c| c.link).collect();
    links.extend([
        // Uptime so small that `up/100` rounds to zero against a negative margin.
        "up=0.0000000000000000000000000001&kwh=10",
        // A target exactly at the highest power price: tgt / energy − opx = 0.
        "kwh=0&opx=0.005&tgt=5512.386815050344462109168",
        "colo=0&opx=0&gph=0&util=0&kwh=0",
        "dg=-0&pg=-0&gd=-0&ce=-0",
    ]);
    for link in links {
        let (scenario, _) = from_query(link);
        for (id, figure) in evaluate(&scenario).iter() {
            if let Ok(value) = figure {
                assert!(!is_negative_zero(value), "{link}: {} = {value:?}", id.key());
                assert!(!plain(value).starts_with("-0") || !value.is_zero(), "{link}: {}", id.key());
            }
            let text = figure_text(id, figure);
            assert!(!reads_as_negative_zero(&text), "{link}: {} reads {text}", id.key());
        }
    }
}

/// The inputs each metric reads, from SPEC.md's formulas. With an `hp` override the
/// hashprice in BTC is `hp / btc` and the hashprice in USD is `hp` itself (`btc` cancels),
/// so the dollar figures stop depending on `btc`, `sub`, `fee` and `diff`.
fn inputs_of(id: MetricId, hp_given: bool) -> Vec<Key> {
    use Key::*;
    use MetricId as M;
    let hashprice_btc: &[Key] = if hp_given { &[Hp, Btc] } else { &[Hp, Sub, Fee, Diff] };
    let hashprice_usd: &[Key] = if hp_given { &[Hp] } else { &[Hp, Sub, Fee, Diff, Btc] };
    let eff = [Th, W];
    let cash = [Kwh, Opx];
    let revenue = [hashprice_usd, &eff, &[Pool, Pue]].concat();
    let energy = [hashprice_btc, &eff, &[Pool, Pue]].concat();
    let margin = [&revenue[..], &cash].concat();
    let colo_revenue = [Colo, Gpue, Kwh];
    let colo_margin = [Colo, Gpue, Opx];
    let gpu_revenue = [Gph, Util, Gkw, Gpue];
    let gpu_margin = [&gpu_revenue[..], &cash, &[Gopx]].concat();
    let mining_capex = [Capex, Th, W, Pue, Site];
    let gpu_capex = [Gcap, Gkw, Gpue, Gfit];
    let mining_year = [&margin[..], &[Up]].concat();
    // With `hp` given, the mining margin stays as it is month after month.
    let drift: &[Key] = if hp_given { &[] } else { &[Pg, Dg, Blk] };
    let mining_life = [&margin[..], drift, &[Life, Up], &mining_capex].concat();
    let colo_life = [&colo_margin[..], &[Ce, Conv, Clife, Gfit]].concat();
    let gpu_life = [&gpu_margin[..], &[Gd, Conv, Glife], &gpu_capex].concat();
    match id {
        M::HashpriceBtcPerPhDay => hashprice_btc.to_vec(),
        M::HashpriceUsdPerPhDay => hashprice_usd.to_vec(),
        M::NetworkHashrateEhS => vec![Diff],
        M::AsicEfficiencyJPerTh => eff.to_vec(),
        M::MiningRevenueUsdPerKwh => revenue,
        M::MiningCashCostUsdPerKwh => cash.to_vec(),
        M::MiningMarginUsdPerKwh => margin,
        M::EnergyKwhPerBtc => energy,
        M::EnergyCostPerBtcUsd => [&energy[..], &[Kwh]].concat(),
        M::CashCostPerBtcUsd => [&energy[..], &cash].concat(),
        M::AllinCostPerBtcUsd => [&energy[..], &cash, &[Capex, Life, Up]].concat(),
        M::TargetCostPerBtcUsd => vec![Tgt],
        M::TargetMaxPowerPriceUsdPerKwh => [&energy[..], &[Tgt, Opx]].concat(),
        M::TargetRequiredEfficiencyJPerTh => [hashprice_btc, &cash, &[Tgt, Pool, Pue]].concat(),
        M::BreakevenPowerPriceUsdPerKwh => [&revenue[..], &[Opx]].concat(),
        M::ColoRevenueUsdPerKwh => colo_revenue.to_vec(),
        M::ColoMarginUsdPerKwh => colo_margin.to_vec(),
        M::GpuRevenueUsdPerKwh => gpu_revenue.to_vec(),
        M::GpuMarginUsdPerKwh => gpu_margin,
        M::ColoVsMiningRevenueMultiple => [&colo_revenue[..], &revenue].concat(),
        M::GpuVsMiningRevenueMultiple => [&gpu_revenue[..], &revenue].concat(),
        M::MiningCapexUsdPerMw => mining_capex.to_vec(),
        M::ColoCapexUsdPerMw => vec![Gfit],
        M::GpuCapexUsdPerMw => gpu_capex.to_vec(),
        M::MiningMarginUsdPerMwYear => mining_year,
        M::ColoMarginUsdPerMwYear => colo_margin.to_vec(),
        M::GpuMarginUsdPerMwYear => gpu_margin,
        M::MiningPaybackYears => [&mining_capex[..], &mining_year].concat(),
        M::ColoPaybackYears => [&colo_margin[..], &[Gfit]].concat(),
        M::GpuPaybackYears => [&gpu_capex[..], &gpu_margin].concat(),
        // Over each life: the margins month by month (which drift with the outlook keys), the
        // life, the hours, and the capex; the NPV also needs the discount rate, and site
        // totals the site's power.
        M::MiningPaybackMonths | M::MiningLifetimeCashUsdPerMw | M::MiningIrrPct => mining_life,
        M::ColoPaybackMonths | M::ColoLifetimeCashUsdPerMw | M::ColoIrrPct => colo_life,
        M::GpuPaybackMonths | M::GpuLifetimeCashUsdPerMw | M::GpuIrrPct => gpu_life,
        M::MiningNpvUsdPerMw => [&mining_life[..], &[Dr]].concat(),
        M::ColoNpvUsdPerMw => [&colo_life[..], &[Dr]].concat(),
        M::GpuNpvUsdPerMw => [&gpu_life[..], &[Dr]].concat(),
        M::MiningAllinMarginUsdPerKwh => [&margin[..], &mining_capex, &[Life, Up]].concat(),
        M::ColoAllinMarginUsdPerKwh => [&colo_margin[..], &[Gfit, Clife]].concat(),
        M::GpuAllinMarginUsdPerKwh => [&gpu_margin[..], &gpu_capex, &[Glife]].concat(),
        M::MiningSiteCapexUsd => [&mining_capex[..], &[Mw]].concat(),
        M::ColoSiteCapexUsd => vec![Gfit, Mw],
        M::GpuSiteCapexUsd => [&gpu_capex[..], &[Mw]].concat(),
        M::MiningSiteMarginUsdPerYear => [&mining_year[..], &[Mw]].concat(),
        M::ColoSiteMarginUsdPerYear => [&colo_margin[..], &[Mw]].concat(),
        M::GpuSiteMarginUsdPerYear => [&gpu_margin[..], &[Mw]].concat(),
        M::MiningSiteNpvUsd => [&mining_life[..], &[Dr, Mw]].concat(),
        M::ColoSiteNpvUsd => [&colo_life[..], &[Dr, Mw]].concat(),
        M::GpuSiteNpvUsd => [&gpu_life[..], &[Dr, Mw]].concat(),
        M::MiningSiteLifetimeCashUsd => [&mining_life[..], &[Mw]].concat(),
        M::ColoSiteLifetimeCashUsd => [&colo_life[..], &[Mw]].concat(),
        M::GpuSiteLifetimeCashUsd => [&gpu_life[..], &[Mw]].concat(),
        // The plan at `ai=0`: all mining (an AI term of weight 0 is not needed), and `ai`.
        M::PlanSiteCapexUsd => [&mining_capex[..], &[Mw, Ai]].concat(),
        M::PlanSiteMarginUsdPerYear => [&mining_year[..], &[Mw, Ai]].concat(),
        M::PlanSiteNpvUsd => [&mining_life[..], &[Dr, Mw, Ai]].concat(),
        M::PlanSiteLifetimeCashUsd => [&mining_life[..], &[Mw, Ai]].concat(),
    }
}

#[test]
fn it_marks_exactly_the_metrics_that_need_an_invalid_input() {
    for (link, hp_given) in [("", false), ("hp=40", true)] {
        let scenario = scenario(link);
        let valid = evaluate(&scenario);
        for key in Key::ALL {
            let metrics = evaluate_with_invalid(&scenario, InvalidKeys::default().with(key));
            for id in MetricId::ALL {
                let got = metrics.get(id);
                if inputs_of(id, hp_given).contains(&key) {
                    assert_eq!(got, Err(ModelError::InvalidInput(key)), "{link:?}: {key} invalid, {}", id.key());
                } else {
                    assert_eq!(got, valid.get(id), "{link:?}: {key} invalid, {} must keep its value", id.key());
                }
            }
        }
    }
}

#[test]
fn it_marks_figures_invalid_with_several_inputs_invalid() {
    let scenario = Scenario::default();
    let invalid = InvalidKeys::default().with(Key::Kwh).with(Key::Gph);
    assert!(invalid.contains(Key::Kwh) && invalid.contains(Key::Gph) && !invalid.contains(Key::Opx));
    let metrics = evaluate_with_invalid(&scenario, invalid);
    for id in MetricId::ALL {
        let needs = inputs_of(id, false);
        let got = metrics.get(id);
        if needs.contains(&Key::Kwh) || needs.contains(&Key::Gph) {
            assert!(matches!(got, Err(ModelError::InvalidInput(Key::Kwh | Key::Gph))), "{}: {got:?}", id.key());
        } else {
            assert_eq!(got, evaluate(&scenario).get(id), "{}", id.key());
        }
    }
    let reason = crate::text::reasons::model_error(&ModelError::InvalidInput(Key::Kwh));
    assert_eq!(reason, "needs a valid Electricity price");
}

#[test]
fn it_marks_each_key_invalid_alone() {
    for key in Key::ALL {
        let set = InvalidKeys::default().with(key);
        for other in Key::ALL {
            assert_eq!(set.contains(other), other == key, "{key} marked, {other} read");
        }
        assert!(!set.is_empty());
    }
    assert!(InvalidKeys::default().is_empty());
}

#[test]
fn it_takes_only_the_figures_over_time_from_the_projection() {
    let (now, _) = from_query("?kwh=0.03");
    let (before, _) = from_query("?kwh=0.06");
    let today = evaluate_static(&now, InvalidKeys::default());
    let over_time = evaluate_over_time(&now, InvalidKeys::default()).metrics;
    // With the projection of the same scenario: every figure as the full evaluation has it.
    assert_eq!(today.with_projected(&over_time), over_time);
    // With an older projection: today's figures stay the latest edit's.
    let older = evaluate_over_time(&before, InvalidKeys::default()).metrics;
    let merged = today.with_projected(&older);
    for (id, figure) in merged.iter() {
        let want = if today.get(id) == Err(ModelError::NotProjected) { older.get(id) } else { today.get(id) };
        assert_eq!(figure, want, "{}", id.key());
    }
    assert_eq!(merged.get(MetricId::MiningMarginUsdPerKwh), over_time.get(MetricId::MiningMarginUsdPerKwh));
    assert_ne!(merged.get(MetricId::MiningNpvUsdPerMw), over_time.get(MetricId::MiningNpvUsdPerMw));
}
