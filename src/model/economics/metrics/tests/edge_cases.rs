//! The worked scenarios at the edges: a colocated B200 fleet, free power, and no lease or rent.

use super::{Case, ModelError};
use crate::model::error::Quantity;
use ModelError::{MarginNotPositive, ZeroDivisor};

// A B200 (1.79 kW, $60,000, $5/h) and the Core Scientific lease ($121) at PUE 1.45.
pub(super) const GPU_B200_COLO_121: Case = Case {
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
};

// Free power and no other cost: the efficiency needed for the target divides by zero.
pub(super) const FREE_POWER: Case = Case {
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
};

// A lease of $0 and free GPU-hours: a zero colocation margin and a negative GPU margin both mean never.
pub(super) const NO_LEASE_NO_RENT: Case = Case {
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
};
