"""Peak memory of the GUI (secretariat dashboard open) on the demo and on 1,000 teams."""

from __future__ import annotations

import time
from pathlib import Path

from benchmarks.common import Config, Row, median, megabytes, run_child, verdict

LIMITS = {"demo": 150 * 2**20, "large": 300 * 2**20}


def measure(config: Config, databases: dict[str, Path], labels: dict[str, str]) -> list[Row]:
    floor = [
        run_child(config.work, "bare", str(time.time()), "1")["peak_rss"]
        for _ in range(config.runs)
    ]
    rows = []
    for name, database in databases.items():
        runs = [
            run_child(config.work, "app", str(time.time()), str(database), "1", "secretariat")
            for _ in range(config.runs)
        ]
        # The app's own process and the second one that reads the matrix and the rankings
        # (juryapp/reckoner.py): the person's computer holds both.
        peaks = [run["peak_rss"] + run.get("second_peak_rss", 0) for run in runs]
        peak = median(peaks)
        own = median([run["peak_rss"] for run in runs])
        second = median([run.get("second_peak_rss", 0) for run in runs])
        rows.append(
            Row(
                what=f"Peak memory of the GUI, secretariat dashboard, {labels[name]}",
                figure=f"{megabytes(peak)} ({megabytes(own)} the app, "
                f"{megabytes(second)} its reading process)",
                floor=f"{megabytes(median(floor))} (bare window)",
                ratio=f"{peak / median(floor):.1f}×",
                target=f"≤ {megabytes(LIMITS[name])}",
                verdict=verdict(peak <= LIMITS[name]),
                details={
                    "peak_bytes": peaks,
                    "app_bytes": [run["peak_rss"] for run in runs],
                    "second_process_bytes": [run.get("second_peak_rss", 0) for run in runs],
                    "floor_bytes": floor,
                },
            )
        )
    return rows
