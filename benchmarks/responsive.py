"""The secretariat's screens at 1,000 teams × 20 judges while twenty judges save scores.

Each run opens the secretariat's window on the progress matrix (scrolled to the teams still
being scored), or on the rankings, in a child process: for two thirds of the time the person
reads it, for the last third they scroll and sort it. In the measured runs twenty simulated
laptops (``judges.py``) save five scores a second each into those teams' sheets; in the
floor's runs nobody saves. A 5 ms timer on the GUI thread measures every stall; each repaint
of a changed cell is matched with the commits it shows, for the delay from a judge's save to
the secretariat's screen.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections import defaultdict
from pathlib import Path
from typing import Any

from benchmarks.common import Config, Row, percentile, run_child, seconds, verdict


def copy_database(source: Path, target: Path) -> None:
    """A whole copy through SQLite's backup API, replacing any earlier one."""
    import sqlite3  # noqa: PLC0415
    from contextlib import closing  # noqa: PLC0415

    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


STALL_LIMIT = 0.050
DELAY_LIMIT = 1.0
TICK = 0.005
SAVES_PER_SECOND = 5
OPEN_TEAMS = 20  # a screenful: every cell the judges change is in view
RUN_SECONDS = 30


def worst_stall(gaps: list[float]) -> float:
    return max((gap - TICK for gap in gaps), default=0.0)


def delays(run: dict[str, Any]) -> tuple[list[float], int]:
    """Save → repaint of its cell, for the saves while the person reads the matrix (scrolling
    and sorting move the cells out of view); and how many were never repainted."""
    shown: dict[tuple[str, str], list[tuple[float, int]]] = defaultdict(list)
    for when, judge, team, text in run["painted"]:
        filled = text.split("/")[0]
        if filled.isdigit():
            shown[(judge, team)].append((when, int(filled)))
    found, missed = [], 0
    reading_until = run["scrolled_from"] - DELAY_LIMIT
    for committed, judge, team, filled in run["saves"]:
        if committed > reading_until:
            continue
        repaints = shown.get((judge, team), [])
        start = bisect_left(repaints, (committed, -1))
        later = [when for when, count in repaints[start:] if count >= filled]
        if later:
            found.append(later[0] - committed)
        else:
            missed += 1
    return found, missed


def runs(config: Config, database: Path, screen: str) -> tuple[list[Any], list[Any]]:
    """(measured runs, floor's runs), alternated so that both see the same machine."""
    loaded: list[dict[str, Any]] = []
    idle: list[dict[str, Any]] = []

    def run(saving: bool) -> dict[str, Any]:
        # The judges fill the open sheets: every run starts from its own copy of them.
        fresh = config.work / "responsive.sqlite3"
        copy_database(database, fresh)
        rate = str(SAVES_PER_SECOND if saving else 0)
        return run_child(
            config.work, "responsive", str(fresh), str(RUN_SECONDS), rate, str(OPEN_TEAMS),
            screen, timeout=900,
        )  # fmt: skip

    for _ in range(config.runs):
        idle.append(run(saving=False))
        loaded.append(run(saving=True))
    return loaded, idle


def stalls(loaded: list[Any], idle: list[Any]) -> dict[str, Any]:
    reading = [worst_stall(r["gaps"][0]) for r in loaded]
    scrolling = [worst_stall(r["gaps"][1]) for r in loaded]
    floor_reading = [worst_stall(r["gaps"][0]) for r in idle]
    floor_scrolling = [worst_stall(r["gaps"][1]) for r in idle]
    return {
        "worst": max(*reading, *scrolling),
        "floor": max(*floor_reading, *floor_scrolling),
        "worst_stall_reading_per_run": reading,
        "worst_stall_scrolling_per_run": scrolling,
        "floor_worst_stall_reading_per_run": floor_reading,
        "floor_worst_stall_scrolling_per_run": floor_scrolling,
        "stalls_over_50_ms_per_run": [
            sum(1 for g in r["gaps"][0] + r["gaps"][1] if g - TICK > STALL_LIMIT) for r in loaded
        ],
        "floor_stalls_over_50_ms_per_run": [
            sum(1 for g in r["gaps"][0] + r["gaps"][1] if g - TICK > STALL_LIMIT) for r in idle
        ],
        "stall_p99_per_run": [percentile(r["gaps"][0] + r["gaps"][1], 0.99) - TICK for r in loaded],
        "peak_rss": [r["peak_rss"] for r in loaded],
        "seconds_per_run": RUN_SECONDS,
    }


def stall_texts(found: dict[str, Any]) -> tuple[str, str]:
    figure = (
        f"worst stall {seconds(found['worst'])} (reading "
        f"{seconds(max(found['worst_stall_reading_per_run']))}, scrolling and sorting "
        f"{seconds(max(found['worst_stall_scrolling_per_run']))})"
    )
    floor = (
        f"worst stall {seconds(found['floor'])} with no saves arriving (reading "
        f"{seconds(max(found['floor_worst_stall_reading_per_run']))}, scrolling and sorting "
        f"{seconds(max(found['floor_worst_stall_scrolling_per_run']))})"
    )
    return figure, floor


def measure(config: Config, database: Path, label: str) -> list[Row]:
    rows = []
    for screen in ("dashboard", "results"):
        try:
            loaded, idle = runs(config, database, screen)
        except RuntimeError as exc:
            rows.append(
                Row(
                    what=f"Secretariat's {screen} while judges save",
                    figure="not measured",
                    verdict="SKIP",
                    notes=f"the window could not be driven: {str(exc).splitlines()[-1]}",
                )
            )
            continue
        rows.append(
            dashboard_row(loaded, idle, label)
            if screen == "dashboard"
            else results_row(loaded, idle, label)
        )
    return rows


def dashboard_row(loaded: list[Any], idle: list[Any], label: str) -> Row:
    found = stalls(loaded, idle)
    worst, floor = found["worst"], found["floor"]
    delayed: list[float] = []
    missed = 0
    for run in loaded:
        run_found, run_missed = delays(run)
        delayed += run_found
        missed += run_missed
    p50, p95 = (percentile(delayed, 0.5), percentile(delayed, 0.95)) if delayed else (0.0, 0.0)
    ok = worst <= STALL_LIMIT and bool(delayed) and p95 <= DELAY_LIMIT and missed == 0
    figure, floor_text = stall_texts(found)
    return Row(
        what=f"Secretariat's progress matrix, {label}, while 20 judges save 5 scores/s each",
        figure=f"{figure}; save → cell repainted p50 {seconds(p50)}, p95 {seconds(p95)} "
        f"({len(delayed):,} saves)",
        floor=floor_text,
        ratio=f"{worst / floor:.1f}×" if floor > 0 else "—",
        target="worst GUI stall ≤ 50 ms; save → cell repainted p95 ≤ 1 s",
        verdict=verdict(ok),
        details={
            **found,
            "saves_per_run": [len(r["saves"]) for r in loaded],
            "saves_matched": len(delayed),
            "saves_never_repainted": missed,
            "delay_max": max(delayed, default=0.0),
            "delays": sorted(round(d, 4) for d in delayed),
        },
        notes="each run: 20 s reading the matrix, then 10 s scrolling (a wheel step every "
        "100 ms) and sorting (once a second); the delay is counted for the saves made while "
        "reading, from the judge's commit to the first repaint of its cell showing it",
    )


def results_row(loaded: list[Any], idle: list[Any], label: str) -> Row:
    found = stalls(loaded, idle)
    worst, floor = found["worst"], found["floor"]
    gaps = [b - a for r in loaded for a, b in itertools.pairwise(r["reckoned"])]
    figure, floor_text = stall_texts(found)
    return Row(
        what=f"Secretariat's rankings, {label}, while 20 judges save 5 scores/s each",
        figure=f"{figure}; rankings shown again every {seconds(percentile(gaps, 0.5))} (median)"
        if gaps
        else figure,
        floor=floor_text,
        ratio=f"{worst / floor:.1f}×" if floor > 0 else "—",
        target="worst GUI stall ≤ 50 ms",
        verdict=verdict(worst <= STALL_LIMIT),
        details={**found, "reckoned_every": gaps},
        notes="each run: 20 s reading a category's ranking, then 10 s scrolling, sorting (once "
        "a second) and another category every 2.5 s; the rankings are reckoned again after "
        "each change, resting as long as the last reckoning took",
    )
