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
        peaks = [
            run_child(config.work, "app", str(time.time()), str(database), "1", "secretariat")[
                "peak_rss"
            ]
            for _ in range(config.runs)
        ]
        peak = median(peaks)
        rows.append(
            Row(
                what=f"Peak memory of the GUI, secretariat dashboard, {labels[name]}",
                figure=megabytes(peak),
                floor=f"{megabytes(median(floor))} (bare window)",
                ratio=f"{peak / median(floor):.1f}×",
                target=f"≤ {megabytes(LIMITS[name])}",
                verdict=verdict(peak <= LIMITS[name]),
                details={"peak_bytes": peaks, "floor_bytes": floor},
            )
        )
    return rows
