//! `data/btc_monthly.csv`, row for row: the bitcoin network month by month from 2016-01.
//! Source: Coin Metrics Community Data (CC BY-NC 4.0); see `data/README.md`. A table in
//! Rust rather than a file read at run time, so the Wasm holds no parser and no figure can
//! fail to read; `tests::it_holds_the_data_file_row_for_row` re-reads the CSV and compares.

use rust_decimal_macros::dec;

use super::NetworkMonth;

/// The first month of the data.
pub const FIRST: (i32, u8) = (2016, 1);

/// Month `i` is `i` months after [`FIRST`]: price (USD), mean difficulty (T), fees and
/// subsidy (BTC per block).
#[rustfmt::skip]
pub static MONTHS: [NetworkMonth; 122] = [
    NetworkMonth { btc: dec!(411.04), diff: dec!(0.1109), fee: dec!(0.23643), sub: dec!(25.00000) }, // 2016-01
    NetworkMonth { btc: dec!(403.38), diff: dec!(0.1444), fee: dec!(0.27847), sub: dec!(25.00000) }, // 2016-02
    NetworkMonth { btc: dec!(414.86), diff: dec!(0.1621), fee: dec!(0.30611), sub: dec!(25.00000) }, // 2016-03
    NetworkMonth { btc: dec!(435.39), diff: dec!(0.1732), fee: dec!(0.36181), sub: dec!(25.00000) }, // 2016-04
    NetworkMonth { btc: dec!(462.95), diff: dec!(0.1899), fee: dec!(0.33565), sub: dec!(25.00000) }, // 2016-05
    NetworkMonth { btc: dec!(643.11), diff: dec!(0.2011), fee: dec!(0.41912), sub: dec!(25.00000) }, // 2016-06
    NetworkMonth { btc: dec!(662.62), diff: dec!(0.2129), fee: dec!(0.41630), sub: dec!(16.14261) }, // 2016-07
    NetworkMonth { btc: dec!(579.15), diff: dec!(0.2107), fee: dec!(0.45798), sub: dec!(12.50000) }, // 2016-08
    NetworkMonth { btc: dec!(606.28), diff: dec!(0.2269), fee: dec!(0.39672), sub: dec!(12.50000) }, // 2016-09
    NetworkMonth { btc: dec!(642.67), diff: dec!(0.2527), fee: dec!(0.50647), sub: dec!(12.50000) }, // 2016-10
    NetworkMonth { btc: dec!(725.36), diff: dec!(0.2657), fee: dec!(0.58592), sub: dec!(12.50000) }, // 2016-11
    NetworkMonth { btc: dec!(825.36), diff: dec!(0.3000), fee: dec!(0.64063), sub: dec!(12.50000) }, // 2016-12
    NetworkMonth { btc: dec!(912.79), diff: dec!(0.3468), fee: dec!(0.71354), sub: dec!(12.50000) }, // 2017-01
    NetworkMonth { btc: dec!(1066.56), diff: dec!(0.4248), fee: dec!(1.05854), sub: dec!(12.50000) }, // 2017-02
    NetworkMonth { btc: dec!(1129.10), diff: dec!(0.4671), fee: dec!(1.53206), sub: dec!(12.50000) }, // 2017-03
    NetworkMonth { btc: dec!(1220.10), diff: dec!(0.5122), fee: dec!(1.43574), sub: dec!(12.50000) }, // 2017-04
    NetworkMonth { btc: dec!(1887.75), diff: dec!(0.5593), fee: dec!(2.40688), sub: dec!(12.50000) }, // 2017-05
    NetworkMonth { btc: dec!(2616.20), diff: dec!(0.6813), fee: dec!(2.80215), sub: dec!(12.50000) }, // 2017-06
    NetworkMonth { btc: dec!(2509.20), diff: dec!(0.7698), fee: dec!(1.31713), sub: dec!(12.50000) }, // 2017-07
    NetworkMonth { btc: dec!(3874.59), diff: dec!(0.8958), fee: dec!(1.92085), sub: dec!(12.50000) }, // 2017-08
    NetworkMonth { btc: dec!(4102.38), diff: dec!(0.9863), fee: dec!(1.08160), sub: dec!(12.50000) }, // 2017-09
    NetworkMonth { btc: dec!(5348.38), diff: dec!(1.1988), fee: dec!(1.13409), sub: dec!(12.50000) }, // 2017-10
    NetworkMonth { btc: dec!(7781.03), diff: dec!(1.3879), fee: dec!(2.27698), sub: dec!(12.50000) }, // 2017-11
    NetworkMonth { btc: dec!(15194.10), diff: dec!(1.6538), fee: dec!(3.80316), sub: dec!(12.50000) }, // 2017-12
    NetworkMonth { btc: dec!(12891.06), diff: dec!(2.1829), fee: dec!(2.97600), sub: dec!(12.50000) }, // 2018-01
    NetworkMonth { btc: dec!(9396.60), diff: dec!(2.8526), fee: dec!(0.56926), sub: dec!(12.50000) }, // 2018-02
    NetworkMonth { btc: dec!(8992.05), diff: dec!(3.3222), fee: dec!(0.21831), sub: dec!(12.50000) }, // 2018-03
    NetworkMonth { btc: dec!(8018.05), diff: dec!(3.7125), fee: dec!(0.21536), sub: dec!(12.50000) }, // 2018-04
    NetworkMonth { btc: dec!(8423.25), diff: dec!(4.1473), fee: dec!(0.21392), sub: dec!(12.50000) }, // 2018-05
    NetworkMonth { btc: dec!(6769.32), diff: dec!(4.8829), fee: dec!(0.22670), sub: dec!(12.50000) }, // 2018-06
    NetworkMonth { btc: dec!(7118.68), diff: dec!(5.3165), fee: dec!(0.14408), sub: dec!(12.50000) }, // 2018-07
    NetworkMonth { btc: dec!(6677.73), diff: dec!(6.3201), fee: dec!(0.14459), sub: dec!(12.50000) }, // 2018-08
    NetworkMonth { btc: dec!(6590.20), diff: dec!(7.0083), fee: dec!(0.13994), sub: dec!(12.50000) }, // 2018-09
    NetworkMonth { btc: dec!(6415.11), diff: dec!(7.3048), fee: dec!(0.12453), sub: dec!(12.50000) }, // 2018-10
    NetworkMonth { btc: dec!(5345.76), diff: dec!(6.9482), fee: dec!(0.22567), sub: dec!(12.50000) }, // 2018-11
    NetworkMonth { btc: dec!(3665.74), diff: dec!(5.4652), fee: dec!(0.15955), sub: dec!(12.50000) }, // 2018-12
    NetworkMonth { btc: dec!(3659.23), diff: dec!(5.7603), fee: dec!(0.14069), sub: dec!(12.50000) }, // 2019-01
    NetworkMonth { btc: dec!(3659.20), diff: dec!(5.9748), fee: dec!(0.18127), sub: dec!(12.50000) }, // 2019-02
    NetworkMonth { btc: dec!(3923.42), diff: dec!(6.1484), fee: dec!(0.21743), sub: dec!(12.50000) }, // 2019-03
    NetworkMonth { btc: dec!(5145.80), diff: dec!(6.3768), fee: dec!(0.61899), sub: dec!(12.50000) }, // 2019-04
    NetworkMonth { btc: dec!(7292.92), diff: dec!(6.6830), fee: dec!(0.91993), sub: dec!(12.50000) }, // 2019-05
    NetworkMonth { btc: dec!(9393.02), diff: dec!(7.5022), fee: dec!(0.81894), sub: dec!(12.50000) }, // 2019-06
    NetworkMonth { btc: dec!(10659.62), diff: dec!(8.7188), fee: dec!(0.40753), sub: dec!(12.50000) }, // 2019-07
    NetworkMonth { btc: dec!(10628.74), diff: dec!(9.9330), fee: dec!(0.28593), sub: dec!(12.50000) }, // 2019-08
    NetworkMonth { btc: dec!(9792.42), diff: dec!(11.5082), fee: dec!(0.19991), sub: dec!(12.50000) }, // 2019-09
    NetworkMonth { btc: dec!(8387.16), diff: dec!(13.0927), fee: dec!(0.19765), sub: dec!(12.50000) }, // 2019-10
    NetworkMonth { btc: dec!(8339.69), diff: dec!(13.0115), fee: dec!(0.22398), sub: dec!(12.50000) }, // 2019-11
    NetworkMonth { btc: dec!(7246.17), diff: dec!(12.9210), fee: dec!(0.13738), sub: dec!(12.50000) }, // 2019-12
    NetworkMonth { btc: dec!(8365.74), diff: dec!(14.3822), fee: dec!(0.13059), sub: dec!(12.50000) }, // 2020-01
    NetworkMonth { btc: dec!(9646.19), diff: dec!(15.5086), fee: dec!(0.17913), sub: dec!(12.50000) }, // 2020-02
    NetworkMonth { btc: dec!(6885.04), diff: dec!(15.6597), fee: dec!(0.29397), sub: dec!(12.50000) }, // 2020-03
    NetworkMonth { btc: dec!(7224.35), diff: dec!(14.8963), fee: dec!(0.18129), sub: dec!(12.50000) }, // 2020-04
    NetworkMonth { btc: dec!(9264.67), diff: dec!(15.7277), fee: dec!(0.77566), sub: dec!(8.70259) }, // 2020-05
    NetworkMonth { btc: dec!(9478.76), diff: dec!(14.8074), fee: dec!(0.27608), sub: dec!(6.25000) }, // 2020-06
    NetworkMonth { btc: dec!(9597.28), diff: dec!(16.6086), fee: dec!(0.55585), sub: dec!(6.25000) }, // 2020-07
    NetworkMonth { btc: dec!(11648.21), diff: dec!(17.0629), fee: dec!(0.74551), sub: dec!(6.25000) }, // 2020-08
    NetworkMonth { btc: dec!(10647.19), diff: dec!(18.0782), fee: dec!(0.54530), sub: dec!(6.25000) }, // 2020-09
    NetworkMonth { btc: dec!(11895.13), diff: dec!(19.5917), fee: dec!(0.82997), sub: dec!(6.25000) }, // 2020-10
    NetworkMonth { btc: dec!(16670.63), diff: dec!(17.4325), fee: dec!(0.77035), sub: dec!(6.25000) }, // 2020-11
    NetworkMonth { btc: dec!(21995.87), diff: dec!(18.8589), fee: dec!(0.67635), sub: dec!(6.25000) }, // 2020-12
    NetworkMonth { btc: dec!(34752.86), diff: dec!(20.0760), fee: dec!(0.71398), sub: dec!(6.25000) }, // 2021-01
    NetworkMonth { btc: dec!(46316.12), diff: dec!(21.4134), fee: dec!(0.98273), sub: dec!(6.25000) }, // 2021-02
    NetworkMonth { btc: dec!(54933.49), diff: dec!(21.6606), fee: dec!(0.66319), sub: dec!(6.25000) }, // 2021-03
    NetworkMonth { btc: dec!(57105.46), diff: dec!(23.2996), fee: dec!(1.07618), sub: dec!(6.25000) }, // 2021-04
    NetworkMonth { btc: dec!(46507.35), diff: dec!(22.7316), fee: dec!(0.59306), sub: dec!(6.25000) }, // 2021-05
    NetworkMonth { btc: dec!(35811.81), diff: dec!(20.4786), fee: dec!(0.33303), sub: dec!(6.25000) }, // 2021-06
    NetworkMonth { btc: dec!(34412.28), diff: dec!(14.3161), fee: dec!(0.18501), sub: dec!(6.25000) }, // 2021-07
    NetworkMonth { btc: dec!(45746.96), diff: dec!(15.5433), fee: dec!(0.08452), sub: dec!(6.25000) }, // 2021-08
    NetworkMonth { btc: dec!(45927.46), diff: dec!(18.4038), fee: dec!(0.09303), sub: dec!(6.25000) }, // 2021-09
    NetworkMonth { btc: dec!(57915.47), diff: dec!(19.8634), fee: dec!(0.10132), sub: dec!(6.25000) }, // 2021-10
    NetworkMonth { btc: dec!(60684.55), diff: dec!(22.1836), fee: dec!(0.09249), sub: dec!(6.25000) }, // 2021-11
    NetworkMonth { btc: dec!(49356.95), diff: dec!(23.5428), fee: dec!(0.08623), sub: dec!(6.25000) }, // 2021-12
    NetworkMonth { btc: dec!(41113.15), diff: dec!(25.1047), fee: dec!(0.07257), sub: dec!(6.25000) }, // 2022-01
    NetworkMonth { btc: dec!(40756.41), diff: dec!(27.1887), fee: dec!(0.07665), sub: dec!(6.25000) }, // 2022-02
    NetworkMonth { btc: dec!(41973.92), diff: dec!(27.5688), fee: dec!(0.07957), sub: dec!(6.25000) }, // 2022-03
    NetworkMonth { btc: dec!(41441.34), diff: dec!(28.5579), fee: dec!(0.07052), sub: dec!(6.25000) }, // 2022-04
    NetworkMonth { btc: dec!(31706.79), diff: dec!(30.4723), fee: dec!(0.11575), sub: dec!(6.25000) }, // 2022-05
    NetworkMonth { btc: dec!(24352.58), diff: dec!(29.9867), fee: dec!(0.11206), sub: dec!(6.25000) }, // 2022-06
    NetworkMonth { btc: dec!(21545.18), diff: dec!(28.7215), fee: dec!(0.12930), sub: dec!(6.25000) }, // 2022-07
    NetworkMonth { btc: dec!(22362.42), diff: dec!(28.2675), fee: dec!(0.08815), sub: dec!(6.25000) }, // 2022-08
    NetworkMonth { btc: dec!(19792.87), diff: dec!(31.5094), fee: dec!(0.10015), sub: dec!(6.25000) }, // 2022-09
    NetworkMonth { btc: dec!(19647.72), diff: dec!(34.5119), fee: dec!(0.07981), sub: dec!(6.25000) }, // 2022-10
    NetworkMonth { btc: dec!(17579.61), diff: dec!(36.8364), fee: dec!(0.17036), sub: dec!(6.25000) }, // 2022-11
    NetworkMonth { btc: dec!(16937.16), diff: dec!(35.1045), fee: dec!(0.12466), sub: dec!(6.25000) }, // 2022-12
    NetworkMonth { btc: dec!(20239.87), diff: dec!(36.0873), fee: dec!(0.08527), sub: dec!(6.25000) }, // 2023-01
    NetworkMonth { btc: dec!(23303.40), diff: dec!(39.7425), fee: dec!(0.14280), sub: dec!(6.25000) }, // 2023-02
    NetworkMonth { btc: dec!(25123.18), diff: dec!(44.2358), fee: dec!(0.19985), sub: dec!(6.25000) }, // 2023-03
    NetworkMonth { btc: dec!(28855.59), diff: dec!(47.9696), fee: dec!(0.18840), sub: dec!(6.25000) }, // 2023-04
    NetworkMonth { btc: dec!(27516.27), diff: dec!(48.7880), fee: dec!(0.98446), sub: dec!(6.25000) }, // 2023-05
    NetworkMonth { btc: dec!(27760.89), diff: dec!(51.7131), fee: dec!(0.32325), sub: dec!(6.25000) }, // 2023-06
    NetworkMonth { btc: dec!(30050.35), diff: dec!(52.4016), fee: dec!(0.14180), sub: dec!(6.25000) }, // 2023-07
    NetworkMonth { btc: dec!(27845.17), diff: dec!(53.2836), fee: dec!(0.13573), sub: dec!(6.25000) }, // 2023-08
    NetworkMonth { btc: dec!(26306.34), diff: dec!(55.5156), fee: dec!(0.22655), sub: dec!(6.25000) }, // 2023-09
    NetworkMonth { btc: dec!(29748.87), diff: dec!(59.2266), fee: dec!(0.15084), sub: dec!(6.25000) }, // 2023-10
    NetworkMonth { btc: dec!(36604.63), diff: dec!(64.3314), fee: dec!(0.87389), sub: dec!(6.25000) }, // 2023-11
    NetworkMonth { btc: dec!(42548.03), diff: dec!(68.7838), fee: dec!(1.72277), sub: dec!(6.25000) }, // 2023-12
    NetworkMonth { btc: dec!(42911.79), diff: dec!(71.8928), fee: dec!(0.68372), sub: dec!(6.25000) }, // 2024-01
    NetworkMonth { btc: dec!(49872.91), diff: dec!(78.1073), fee: dec!(0.34423), sub: dec!(6.25000) }, // 2024-02
    NetworkMonth { btc: dec!(67711.85), diff: dec!(81.8212), fee: dec!(0.27988), sub: dec!(6.25000) }, // 2024-03
    NetworkMonth { btc: dec!(65915.20), diff: dec!(85.6411), fee: dec!(0.97841), sub: dec!(5.13175) }, // 2024-04
    NetworkMonth { btc: dec!(65255.60), diff: dec!(84.7556), fee: dec!(0.22708), sub: dec!(3.12500) }, // 2024-05
    NetworkMonth { btc: dec!(65903.24), diff: dec!(83.8191), fee: dec!(0.35683), sub: dec!(3.12500) }, // 2024-06
    NetworkMonth { btc: dec!(62837.64), diff: dec!(81.3300), fee: dec!(0.08490), sub: dec!(3.12500) }, // 2024-07
    NetworkMonth { btc: dec!(59963.01), diff: dec!(88.8068), fee: dec!(0.07781), sub: dec!(3.12500) }, // 2024-08
    NetworkMonth { btc: dec!(60337.91), diff: dec!(90.8039), fee: dec!(0.05378), sub: dec!(3.12500) }, // 2024-09
    NetworkMonth { btc: dec!(65582.58), diff: dec!(92.1646), fee: dec!(0.15074), sub: dec!(3.12500) }, // 2024-10
    NetworkMonth { btc: dec!(86569.09), diff: dec!(101.1372), fee: dec!(0.09999), sub: dec!(3.12500) }, // 2024-11
    NetworkMonth { btc: dec!(98246.96), diff: dec!(106.2576), fee: dec!(0.08732), sub: dec!(3.12500) }, // 2024-12
    NetworkMonth { btc: dec!(100008.38), diff: dec!(109.8197), fee: dec!(0.04598), sub: dec!(3.12500) }, // 2025-01
    NetworkMonth { btc: dec!(95251.20), diff: dec!(111.5532), fee: dec!(0.04252), sub: dec!(3.12500) }, // 2025-02
    NetworkMonth { btc: dec!(85064.31), diff: dec!(112.1651), fee: dec!(0.03892), sub: dec!(3.12500) }, // 2025-03
    NetworkMonth { btc: dec!(86436.35), diff: dec!(120.8143), fee: dec!(0.04161), sub: dec!(3.12500) }, // 2025-04
    NetworkMonth { btc: dec!(103629.43), diff: dec!(120.8884), fee: dec!(0.04181), sub: dec!(3.12500) }, // 2025-05
    NetworkMonth { btc: dec!(105806.70), diff: dec!(126.0016), fee: dec!(0.03351), sub: dec!(3.12500) }, // 2025-06
    NetworkMonth { btc: dec!(115353.56), diff: dec!(123.0071), fee: dec!(0.03107), sub: dec!(3.12500) }, // 2025-07
    NetworkMonth { btc: dec!(114845.94), diff: dec!(129.0476), fee: dec!(0.02499), sub: dec!(3.12500) }, // 2025-08
    NetworkMonth { btc: dec!(113170.92), diff: dec!(137.7925), fee: dec!(0.02676), sub: dec!(3.12500) }, // 2025-09
    NetworkMonth { btc: dec!(114119.53), diff: dec!(149.1956), fee: dec!(0.02178), sub: dec!(3.12500) }, // 2025-10
    NetworkMonth { btc: dec!(96281.99), diff: dec!(153.2781), fee: dec!(0.02129), sub: dec!(3.12500) }, // 2025-11
    NetworkMonth { btc: dec!(88915.92), diff: dec!(148.5648), fee: dec!(0.01919), sub: dec!(3.12500) }, // 2025-12
    NetworkMonth { btc: dec!(90477.77), diff: dec!(145.6146), fee: dec!(0.01892), sub: dec!(3.12500) }, // 2026-01
    NetworkMonth { btc: dec!(68855.45), diff: dec!(135.0192), fee: dec!(0.01889), sub: dec!(3.12500) }, // 2026-02
];
