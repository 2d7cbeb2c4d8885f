#!/usr/bin/env python3
"""Opens the CSV downloads that tests/csv_files.rs wrote into DIR (and the table of many
links that tests/table.rs wrote) with pandas, as an analyst would: `pandas.read_csv(path)`
and nothing else. Each must load as one table whose numeric columns are numbers, whose
first header is not garbled by the byte order mark, whose titles keep their letters and
whose text cannot run as a formula.

    python3 tests/csv_load.py DIR
"""

import json
import pathlib
import sys

import pandas

TEXT = {
    "link", "warnings", "side", "date", "asic", "gpu", "bt", "lang", "title", "theme", "pu", "show",
    "history_source", "network_date", "nu", "pp", "pq", "strike", "own", "mix", "aip",
}
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def check(path, expected):
    frame = pandas.read_csv(path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name}: no UTF-8 byte order mark"
    assert frame.columns[0] in ("v", "side", "date", "link"), f"{path.name}: first column {frame.columns[0]!r}"
    assert len(frame) == expected["rows"], f"{path.name}: {len(frame)} rows, expected {expected['rows']}"
    for column in frame.columns:
        kind = frame[column].dtype.kind
        if column in TEXT:
            continue
        assert kind in "if", f"{path.name}: column {column} is {frame[column].dtype}, not numbers"
    for column, want in expected.get("cells", {}).items():
        got = frame[column].iloc[0]
        assert str(got) == want, f"{path.name}: {column} = {got!r}, expected {want!r}"
    for column in TEXT & set(frame.columns):
        for cell in frame[column].dropna():
            assert not str(cell).startswith(FORMULA), f"{path.name}: {column} starts a formula: {cell!r}"
    if "network_date" in frame.columns:
        # An ISO day (the snapshot's) or empty (the link sets the network).
        days = frame["network_date"].dropna()
        assert days.empty or pandas.to_datetime(days, format="%Y-%m-%d").notna().all(), f"{path.name}: network_date"
    if "date" in frame.columns:
        dates = pandas.to_datetime(frame["date"], format="%Y-%m-%d")
        assert dates.is_monotonic_increasing, f"{path.name}: dates out of order"
        assert frame["month"].tolist() == list(range(len(frame))), f"{path.name}: months"
    return frame


def main():
    folder = pathlib.Path(sys.argv[1])
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    for name, want in expected.items():
        check(folder / name, want)
    print(f"csv_load.py: {len(expected)} files load with pandas {pandas.__version__}")


if __name__ == "__main__":
    main()
