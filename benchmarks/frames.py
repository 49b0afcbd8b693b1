"""Scrolling and sorting the secretariat dashboard's table at 1,000 teams × 20 judges."""

from __future__ import annotations

from pathlib import Path

from benchmarks.common import Config, Row, run_child, seconds, verdict

LIMIT = 0.050


def measure(config: Config, database: Path, label: str) -> Row:
    try:
        runs = [run_child(config.work, "frames", str(database), "60") for _ in range(config.runs)]
    except RuntimeError as exc:
        return Row(
            what=f"Scrolling and sorting the dashboard, {label}",
            figure="not measured",
            target="no frame over 50 ms",
            verdict="SKIP",
            notes=f"the dashboard could not be driven: {str(exc).splitlines()[-1]}",
        )
    scroll = [max(r["scroll"]) for r in runs]
    sort = [max(r["sort"]) for r in runs]
    worst = max(*scroll, *sort)
    return Row(
        what=f"Scrolling and sorting the dashboard, {label}",
        figure=f"worst frame {seconds(worst)} (scroll {seconds(max(scroll))}, "
        f"sort {seconds(max(sort))})",
        target="no frame over 50 ms",
        verdict=verdict(worst <= LIMIT),
        details={
            "worst_scroll_per_run": scroll,
            "worst_sort_per_run": sort,
            "frames_per_run": len(runs[0]["scroll"]) + len(runs[0]["sort"]),
            "load_seconds": [r["load"] for r in runs],
            "table": f"{runs[0]['rows']} rows × {runs[0]['columns']} columns",
        },
    )
