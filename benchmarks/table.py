"""Rows measured now put in place of the same benchmarks' rows in an earlier full table."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from benchmarks.common import Row

__all__ = ["merged_rows"]


def merged_rows(previous: Path, new: list[Row], replaced: set[str]) -> list[Row]:
    """The rows of ``previous`` (a performance.json) with those of the benchmarks in
    ``replaced`` swapped for ``new``, in the table's order; the rows kept say when they were
    measured. Rows written before they carried their benchmark's name are matched by title.
    """
    if not previous.is_file():
        return new
    payload: dict[str, Any] = json.loads(previous.read_text(encoding="utf-8"))
    date = str(payload.get("date", ""))[:16].replace("T", " ")
    by_title = {row.what: row for row in new}
    placed: set[int] = set()
    merged: list[Row] = []

    def place(rows: list[Row]) -> None:
        for row in rows:
            if id(row) not in placed:
                placed.add(id(row))
                merged.append(row)

    for item in payload.get("rows", []):
        old = Row(**item)
        benchmark = old.details.get("benchmark")
        if benchmark in replaced:
            place([row for row in new if row.details.get("benchmark") == benchmark])
        elif old.what in by_title:
            place([by_title[old.what]])
        else:
            measured = old.details.setdefault("measured", date)
            if measured and f"measured {measured}" not in old.notes:
                earlier = f"measured {measured}, in an earlier run than the rest of this table"
                old.notes = f"{old.notes}; {earlier}" if old.notes else earlier
            merged.append(old)
    place(new)
    return merged
