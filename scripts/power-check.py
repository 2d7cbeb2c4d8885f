#!/usr/bin/env python3
"""Power by the hour, worked independently of the Rust model (SPEC.md's formulas, literally):
reads data/ercot_hb_north_2025_hourly.csv, builds the 100 buckets, scales them to `kwh`, and
prints, for each scenario below, the run share, mining's price when running, its margin per
MW-year and the flexibility, in exact fractions (printed to 24 places). The figures pinned in
src/model/economics/profile/tests.rs come from this script:

    python3 scripts/power-check.py
"""
import csv
from fractions import Fraction as F
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def ercot_buckets():
    with open(ROOT / "data/ercot_hb_north_2025_hourly.csv") as f:
        rows = list(csv.DictReader(f))
    prices = sorted(F(r["usd_per_mwh"]) for r in rows)
    n = len(prices)
    return [sum(prices[(b - 1) * n // 100 : b * n // 100]) / (b * n // 100 - (b - 1) * n // 100) for b in range(1, 101)]


def revenue(btc, diff, sub=F("3.125"), fee=F("0.02"), pool=F(2), eff=F("17.5"), pue=F("1.05")):
    """mining_revenue_usd_per_kwh, SPEC.md's first table."""
    h = F(diff) * 10**12 * 2**32
    hashprice_btc = (sub + fee) * 86400 * 10**15 / h
    keep = 1 - pool / 100
    return hashprice_btc * F(btc) * keep / (24 * eff * pue)


def figures(r, kwh, rev, opx=F("0.005"), up=F(97), strike=None, drc=F(0)):
    mean = sum(r) / 100
    p = [kwh * rb / mean for rb in r]
    cap = rev - opx if strike is None else min(strike, rev - opx)
    running = [pb for pb in p if pb <= cap]
    n = len(running)
    price = sum(running) / n if n else None
    year = sum(rev - pb - opx for pb in running) * 87600 * up / 100 + drc * 1000
    all_sum = sum(rev - pb - opx for pb in p) * 87600 * up / 100
    return n, price, year, year - all_sum


def show(name, fig):
    n, price, year, flex = fig
    print(f"{name}: n={n} price={float(price) if price else None!r} = {price and format_fraction(price)}")
    print(f"   margin/MW-year={format_fraction(year)} flexibility={format_fraction(flex)}")


def format_fraction(x, places=24):
    sign = "-" if x < 0 else ""
    x = abs(x)
    whole = x.numerator // x.denominator
    frac = x - whole
    digits = (frac * 10**places).numerator // (frac * 10**places).denominator
    return f"{sign}{whole}.{digits:0{places}d}"


if __name__ == "__main__":
    r = ercot_buckets()
    print("r_1, r_50, r_100 =", format_fraction(r[0]), format_fraction(r[49]), format_fraction(r[99]))
    # 1. The default scenario with pp=ercot-n-2025.
    show("default", figures(r, F("0.05"), revenue(85000, 155)))
    # 2. pp=ercot-n-2025&btc=60000&kwh=0.04&strike=0.03&drc=25
    show("strike", figures(r, F("0.04"), revenue(60000, 155), strike=F("0.03"), drc=F(25)))
    # 3. pp=custom, a profile of four levels: 25 buckets each at 10, 20, 40 and 130 USD/MWh,
    #    kwh=0.06, up=90.
    custom = [F(10)] * 25 + [F(20)] * 25 + [F(40)] * 25 + [F(130)] * 25
    show("custom", figures(custom, F("0.06"), revenue(85000, 155), up=F(90)))
