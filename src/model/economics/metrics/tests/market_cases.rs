//! Worked scenarios of the market: the default snapshot, cheap power, an override, the halving.

use super::{Case, ModelError};
use ModelError::MarginNotPositive;

// The default scenario: the late-November 2025 snapshot, an S21 and an H100.
pub(super) const DEFAULT: Case = Case {
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
};

// An S21 XP (3645 W / 270 TH/s = 13.5 J/TH) on 3-cent power.
pub(super) const CHEAP_POWER_S21XP: Case = Case {
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
};

// A $40 hashprice override: hashprice_btc = hp / btc.
pub(super) const HASHPRICE_OVERRIDE: Case = Case {
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
};

// The 2028 subsidy: mining margin turns negative, so mining payback is never.
pub(super) const POST_HALVING: Case = Case {
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
};
