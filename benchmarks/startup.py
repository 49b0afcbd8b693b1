"""Cold start to the first window shown (demo database) against a bare PySide6 window."""

from __future__ import annotations

import time
from pathlib import Path

from benchmarks.common import Config, Row, median, run_child, seconds, verdict

TARGET = 2.5


def measure(config: Config, demo: Path) -> Row:
    floor, app = [], []
    for _ in range(config.runs):  # interleaved, so both see the same machine
        floor.append(run_child(config.work, "bare", str(time.time()), "0")["shown"])
        app.append(run_child(config.work, "app", str(time.time()), str(demo), "0", "no")["shown"])
    ratio = median(app) / median(floor)
    return Row(
        what="Cold start to the first window shown, demo database",
        figure=seconds(median(app)),
        floor=f"{seconds(median(floor))} (bare QMainWindow + QTableView)",
        ratio=f"{ratio:.1f}×",
        target=f"≤ {TARGET}× the floor",
        verdict=verdict(ratio <= TARGET),
        details={"app_seconds": app, "floor_seconds": floor},
    )
