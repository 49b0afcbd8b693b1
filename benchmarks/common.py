"""Shared pieces of the benchmarks: timing, medians, rows of the report and child processes."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Config:
    runs: int  # repetitions whose median is reported
    quick: bool
    skip_frozen: bool
    work: Path  # scratch folder for databases, files and builds


@dataclass
class Row:
    """One line of the report: a figure, its floor (if any), the target and the verdict."""

    what: str
    figure: str
    floor: str = "—"
    ratio: str = "—"
    target: str = ""
    verdict: str = "—"  # PASS, MISS or SKIP
    details: dict[str, Any] = field(default_factory=dict)
    notes: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (share in 0–1) of a list of samples."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(share * len(ordered) + 0.5)))
    return ordered[rank - 1]


def timed(action: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def seconds(value: float) -> str:
    if value < 0.01:
        return f"{value * 1000:.2f} ms"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def megabytes(value: float) -> str:
    return f"{value / 2**20:.0f} MB"


def child_env(work: Path) -> dict[str, str]:
    """An offscreen Qt with its own settings folder, so no dialog waits for a person."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CONFIG_HOME"] = str(work / "config")
    env["HOME"] = str(work / "home")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    (work / "home").mkdir(parents=True, exist_ok=True)
    return env


def run_child(work: Path, *args: str, timeout: float = 600) -> dict[str, Any]:
    """Run ``python -m benchmarks.child ARGS`` and return the JSON it prints last."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.child", *args],
        cwd=ROOT,
        env=child_env(work),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"child {args} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    result: dict[str, Any] = json.loads(lines[-1])
    result["process_seconds"] = elapsed
    return result


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    import platform  # noqa: PLC0415

    info: dict[str, Any] = {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
    }
    try:
        with Path("/proc/cpuinfo").open(encoding="utf-8") as stream:
            for line in stream:
                if line.startswith("model name"):
                    info["processor"] = line.split(":", 1)[1].strip()
                    break
        info["load_average"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
        with Path("/proc/meminfo").open(encoding="utf-8") as stream:
            info["memory"] = stream.readline().split(":", 1)[1].strip()
    except OSError:
        pass
    try:
        from PySide6 import __version__ as pyside  # noqa: PLC0415

        info["pyside6"] = pyside
    except ImportError:
        pass
    import reportlab  # noqa: PLC0415

    info["reportlab"] = reportlab.Version
    return info
