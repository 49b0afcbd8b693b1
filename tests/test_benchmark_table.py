"""A partial benchmark run replaces its own rows in the full table and keeps the others."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.common import Row
from benchmarks.table import merged_rows


def _write(path: Path, rows: list[Row]) -> Path:
    payload = {"date": "2026-11-23T23:10:00+00:00", "rows": [r.as_dict() for r in rows]}
    path.write_text(json.dumps(payload), encoding="utf-8")
    return path


def test_the_rows_run_again_take_their_place_and_the_others_say_when_they_were_measured(
    tmp_path: Path,
) -> None:
    old = [
        Row("Cold start", "178 ms", verdict="PASS"),  # written before rows named their benchmark
        Row("Dashboard frames", "23 ms", verdict="PASS", details={"benchmark": "frames"}),
        Row("Merging", "7.99 s", verdict="PASS", notes="CPU 5.64 s"),
    ]
    previous = _write(tmp_path / "performance.json", old)
    new = [
        Row("Dashboard frames", "21 ms", verdict="PASS", details={"benchmark": "frames"}),
        Row("Screens while judges save", "40 ms", verdict="PASS", details={"benchmark": "x"}),
        Row("Merging", "7.50 s", verdict="PASS", details={"benchmark": "merging"}),
    ]
    merged = merged_rows(previous, new, {"frames", "x", "merging"})
    assert [(r.what, r.figure) for r in merged] == [
        ("Cold start", "178 ms"),
        ("Dashboard frames", "21 ms"),
        ("Merging", "7.50 s"),  # matched by its title: the old row had no benchmark's name
        ("Screens while judges save", "40 ms"),
    ]
    assert (
        merged[0].notes
        == "measured 2026-11-23 23:10, in an earlier run than the rest of this table"
    )
    assert all(not r.notes for r in merged[1:])


def test_without_an_earlier_table_the_rows_are_the_new_ones(tmp_path: Path) -> None:
    new = [Row("Merging", "7.50 s")]
    assert merged_rows(tmp_path / "missing.json", new, {"merging"}) == new
