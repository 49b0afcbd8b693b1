"""Run every benchmark and write docs/performance.md and docs/performance.json.

python -m benchmarks.run [--quick] [--skip-frozen] [--runs N] [--work DIR]
python -m benchmarks.run --only responsive merging --keep-others   (those rows, in the table)
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from benchmarks import (
    documents,
    frames,
    frozen,
    imports,
    lan,
    limits,
    memory,
    merging,
    pages,
    responsive,
    results,
    saving,
    startup,
)
from benchmarks.common import ROOT, Config, Row, machine
from benchmarks.synthetic import LARGE, Size, make_database, make_demo_database
from benchmarks.table import merged_rows

QUICK_LARGE = Size(200, 20, 10)
BENCHMARKS = {
    "cold start": "startup",
    "saving a score": "saving",
    "results": "results",
    "demo documents": "demo-documents",
    "large documents": "large-documents",
    "memory": "memory",
    "imports": "imports",
    "frozen build": "frozen",
    "dashboard frames": "frames",
    "screens while judges save": "responsive",
    "secretariat pages": "pages",
    "judges' logs": "merging",
    "lan pushes": "lan",
    "limits": "limits",
}


def _attempt(what: str, action: Callable[[], Row | list[Row]], when: datetime) -> list[Row]:
    """A benchmark that fails becomes a MISS row with its error, and the others still run."""
    print(f"· {what}", flush=True)
    started = time.perf_counter()
    try:
        outcome = action()
    except Exception as exc:
        traceback.print_exc()
        return [Row(what=what, figure=f"failed: {type(exc).__name__}: {exc}", verdict="MISS")]
    rows = outcome if isinstance(outcome, list) else [outcome]
    for row in rows:
        row.details["benchmark_seconds"] = round(time.perf_counter() - started, 1)
        row.details["benchmark"] = BENCHMARKS[what]
        row.details["measured"] = f"{when:%Y-%m-%d %H:%M}"
        print(f"  {row.verdict:4}  {row.what}: {row.figure}", flush=True)
    return rows


def markdown(rows: list[Row], info: dict[str, object], config: Config, when: datetime) -> str:
    lines = [
        "# Performance",
        "",
        f"Measured {when:%Y-%m-%d %H:%M} with `python -m benchmarks.run"
        f"{' --quick' if config.quick else ''}{' --skip-frozen' if config.skip_frozen else ''}`;"
        f" each figure is the median of {config.runs} runs unless its notes say otherwise, and",
        "each floor was measured in the same run, interleaved with the figure where possible.",
        "The machine may be shared: compare ratios, not absolute times, across machines.",
        "",
        "| What | Figure | Floor measured in the same run | Ratio | Target | Verdict |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        cells = [row.what, row.figure, row.floor, row.ratio, row.target, f"**{row.verdict}**"]
        lines.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
    notes = [row for row in rows if row.notes]
    if notes:
        lines += ["", "## Notes", ""]
        lines += [f"- {row.what}: {row.notes}" for row in notes]
    lines += ["", "## Machine", ""]
    lines += [f"- {key}: {value}" for key, value in info.items()]
    lines += ["", "Every sample is in `performance.json` beside this file.", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs, 200 teams not 1,000")
    parser.add_argument("--skip-frozen", action="store_true", help="skip the PyInstaller builds")
    parser.add_argument("--runs", type=int, default=None, help="runs per figure (default 5; 3)")
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (kept)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="where to write")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=sorted(BENCHMARKS.values()),
        help="run only these benchmarks (and write the table to --out)",
    )
    parser.add_argument(
        "--keep-others",
        action="store_true",
        help="with --only: keep the other rows of --out's table, each saying when it was measured",
    )
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="juryapp-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    config = Config(
        runs=args.runs or (3 if args.quick else 5),
        quick=args.quick,
        skip_frozen=args.skip_frozen,
        work=work,
    )
    size = QUICK_LARGE if args.quick else LARGE
    when = datetime.now().astimezone()
    info = machine()
    print(f"scratch folder: {work}", flush=True)
    demo = work / "demo.sqlite3"
    large = work / "large.sqlite3"
    for path in (demo, large):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    make_demo_database(demo)
    started = time.perf_counter()
    make_database(large, size)
    info["large convention"] = f"{size.label}, built in {time.perf_counter() - started:.1f} s"
    label = f"{size.teams:,} teams × {size.judges} judges"

    def large_with_open_sheets() -> Path:
        """The large convention with a screenful of teams its judges have yet to score."""
        path = work / "large-open.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return make_database(path, size, open_teams=responsive.OPEN_TEAMS)

    plan: dict[str, Callable[[], Row | list[Row]]] = {
        "cold start": lambda: startup.measure(config, demo),
        "saving a score": lambda: saving.measure(config, demo),
        "results": lambda: results.measure(config, large, size.label),
        "demo documents": lambda: documents.measure_demo(config, demo),
        "large documents": lambda: documents.measure_large(config, large, label),
        "memory": lambda: memory.measure(
            config, {"demo": demo, "large": large}, {"demo": "demo", "large": label}
        ),
        "imports": lambda: imports.measure(config, Size(1_000, 20, 10)),
        "frozen build": lambda: frozen.measure(config),
        "dashboard frames": lambda: frames.measure(config, large, label),
        "screens while judges save": lambda: responsive.measure(
            config, large_with_open_sheets(), label
        ),
        "secretariat pages": lambda: pages.measure(config, large, label),
        "judges' logs": lambda: merging.measure(config, size, size.label),
        "lan pushes": lambda: lan.measure(config),
        "limits": lambda: limits.measure(config),
    }
    rows: list[Row] = []
    for what, action in plan.items():
        if args.only is None or BENCHMARKS[what] in args.only:
            rows += _attempt(what, action, when)
    if args.only and args.keep_others:
        rows = merged_rows(args.out / "performance.json", rows, set(args.only))

    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "performance.md").write_text(markdown(rows, info, config, when), encoding="utf-8")
    payload = {
        "date": when.isoformat(timespec="seconds"),
        "runs": config.runs,
        "quick": config.quick,
        "machine": info,
        "rows": [row.as_dict() for row in rows],
    }
    (args.out / "performance.json").write_text(
        json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8"
    )
    print(f"wrote {args.out / 'performance.md'} and performance.json", flush=True)
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if all(row.verdict != "MISS" for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
