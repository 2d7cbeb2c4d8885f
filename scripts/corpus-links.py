#!/usr/bin/env python3
"""Writes the fixture corpus of share links (tests/fixtures/corpus/links.txt).

The corpus pins what published links mean: tests/corpus.rs evaluates every link and
compares the output with the evaluator output stored beside it (outputs.jsonl), written
once by the evaluator of the day the corpus was made. Deterministic (a fixed seed), so
running this again writes the same file; it is kept in git, not regenerated in CI.

  python3 scripts/corpus-links.py > tests/fixtures/corpus/links.txt
"""
import random

rng = random.Random(20261207)

# key: (low, high, whole) inside the contract's ranges (docs/LINKS.md).
NUMERIC = {
    "btc": (1000, 400000, False), "diff": (10, 400, False), "sub": (0, 6.25, False),
    "fee": (0, 2, False), "hp": (5, 200, False), "th": (50, 500, False),
    "w": (1000, 6000, False), "kwh": (0, 0.2, False), "opx": (0, 0.03, False),
    "up": (50, 100, False), "pool": (0, 5, False), "pue": (1, 1.6, False),
    "capex": (0, 40, False), "site": (0, 1500000, False), "life": (0.5, 8, False),
    "colo": (0, 300, False), "gpue": (1, 1.8, False), "gph": (0, 8, False),
    "util": (0, 100, False), "gkw": (0.3, 2, False), "gcap": (0, 80000, False),
    "gopx": (0, 40, False), "gfit": (0, 20000000, False), "tgt": (10000, 150000, False),
    "mo": (1, 240, True), "dg": (-5, 8, False), "pg": (-50, 80, False),
    "gd": (-40, 20, False), "ce": (-5, 10, False), "blk": (800000, 1300000, True),
    "dr": (0, 40, False), "conv": (0, 60, True), "glife": (0.5, 10, False),
    "clife": (1, 20, False), "mw": (1, 500, False),
}
ASICS = ["s21xph", "a16xp", "s21xp", "s21pro", "s21", "m60s", "m66s", "s19xp", "s19jpro"]
GPUS = ["b200", "h200", "h100", "a100", "l40s", "rtx4090"]
# Values a link may carry that the contract refuses or names: each must keep its meaning too.
BAD = ["abc", "", "-1", "1e999", "0x10", "1,5", "NaN", "inf", "99999999999", "0.0000000000000000000000000001", " 5"]
DISPLAY = [
    "lang=ar", "lang=vi", "lang=xx", "theme=dark", "embed=1", "show=time,map", "show=",
    "edit=0", "live=1", "title=Mine%20vs%20AI", "title=", "utm_source=x", "foo=1", "v=2",
]


def number(key):
    low, high, whole = NUMERIC[key]
    if whole:
        return str(rng.randint(int(low), int(high)))
    x = rng.uniform(low, high)
    digits = rng.choice([0, 1, 2, 3, 4, 6])
    text = f"{x:.{digits}f}"
    return text


def side(prefix=""):
    parts = []
    if rng.random() < 0.3:
        parts.append(f"{prefix}asic={rng.choice(ASICS)}")
    if rng.random() < 0.3:
        parts.append(f"{prefix}gpu={rng.choice(GPUS)}")
    for key in rng.sample(sorted(NUMERIC), rng.randint(0, 8)):
        if rng.random() < 0.08:
            parts.append(f"{prefix}{key}={rng.choice(BAD)}")
        else:
            parts.append(f"{prefix}{key}={number(key)}")
    return parts


def link(i):
    parts = ["v=1"] if rng.random() < 0.7 else []
    parts += side()
    if rng.random() < 0.25:
        parts += rng.sample(DISPLAY, rng.randint(1, 3))
    if i % 5 == 0:
        # A comparison: B's keys under b., or cmp=1 for two equal sides.
        b = side("b.")
        parts += b if b else ["cmp=1"]
    rng.shuffle(parts)
    return "&".join(parts)


# Hand-picked edges first: the default, every preset alone, each key at its bounds.
edges = [""]
edges += [f"asic={a}" for a in ASICS] + [f"gpu={g}" for g in GPUS]
edges += [
    "kwh=0&opx=0", "hp=40", "sub=0&fee=0", "sub=0&fee=0.0001", "btc=10000000", "diff=1000000",
    "pool=99.999", "up=0.001", "pue=3&gpue=3", "life=50&glife=50&clife=50&mo=240",
    "dg=-50&pg=-99&gd=-99&ce=-50", "dg=100&pg=1000&gd=1000&ce=100", "blk=1049999&mo=240",
    "blk=0", "blk=10000000", "conv=60&mo=240", "dr=100", "dr=0", "mw=100000",
    "capex=0&site=0", "gfit=0&gcap=0", "colo=0&gph=0", "th=100000&w=1", "th=0.0001&w=1000000",
    "btc=85000&b.btc=120000", "cmp=1", "hp=40&b.hp=", "b.asic=s21xp&b.capex=18&asic=s19xp&kwh=0.04",
    "kwh=0.2&b.kwh=0.02&b.gpu=b200", "b.lang=ar", "a.kwh=1", "b.b.kwh=1", "cmp=2",
]
links = edges + [link(i) for i in range(600)]
print("\n".join(links))
