"""Opening each of the secretariat's pages at 1,000 teams × 20 judges: the GUI thread's stalls."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from benchmarks.common import Config, Row, run_child, seconds, verdict
from benchmarks.responsive import STALL_LIMIT, worst_stall

ROUNDS = 2  # the first builds each page, the second shows it again


def measure(config: Config, database: Path, label: str) -> Row:
    runs = [run_child(config.work, "pages", str(database), str(ROUNDS)) for _ in range(config.runs)]
    first: dict[str, list[float]] = defaultdict(list)
    again: dict[str, list[float]] = defaultdict(list)
    for run in runs:
        for page in run["pages"]:
            stall = max(worst_stall(page[step]) for step in ("shown", "refreshed", "tabs"))
            (first if page["round"] == 0 else again)[page["page"]].append(stall)
    worst_first = max(first.items(), key=lambda item: max(item[1]))
    worst_again = max(again.items(), key=lambda item: max(item[1]))
    worst = max(*worst_first[1], *worst_again[1])
    idle = max(worst_stall(run["idle"]) for run in runs)
    return Row(
        what=f"Opening each of the secretariat's {len(first)} pages and each of their tabs, "
        f"{label}, and a change arriving on it: worst GUI stall, first opening / opened again",
        figure=f"{seconds(max(worst_first[1]))} ({worst_first[0]}) / "
        f"{seconds(max(worst_again[1]))} ({worst_again[0]})",
        floor=f"{seconds(idle)} with the dashboard left alone",
        ratio=f"{worst / idle:.1f}×" if idle > 0 else "—",
        target="worst GUI stall ≤ 50 ms",
        verdict=verdict(worst <= STALL_LIMIT),
        details={
            "first_opening_worst_per_page": {
                k: [round(v, 4) for v in vs] for k, vs in first.items()
            },
            "opened_again_worst_per_page": {
                k: [round(v, 4) for v in vs] for k, vs in again.items()
            },
            "idle_worst": [round(worst_stall(run["idle"]), 4) for run in runs],
        },
        notes="each page is shown, refreshed as a change it shows would refresh it, and each of "
        "its tabs shown; each step is measured until its reads have arrived and the page has "
        "settled for 0.5 s",
    )
