"""Runs the reliability tests and writes docs/reliability.md (and .json) from their figures.

    python tools/reliability.py            # 200 kills of scoring, 50 of each other action,
                                           # 5,000 fuzz examples per parser (about 15 min)
    python tools/reliability.py --quick    # the counts of a normal test run (about 2 min)

Each test records its figures through tests/figures.py; this script sets the folder they go
to, runs pytest, and turns them into the report. It exits non-zero when any test failed,
after writing the report, which then says which.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from defusedxml import ElementTree

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"

# (pytest arguments, what they check); the slow marker gives fuzzing its full count
RUNS: tuple[tuple[list[str], str], ...] = (
    (
        [
            "-m",
            "slow",
            "tests/services/test_crash.py",
            "tests/services/test_kills.py",
            "tests/services/test_fuzz.py",
        ],
        "kills and fuzzing",
    ),
    (
        [
            "tests/services/test_corpus.py",
            "tests/services/test_full_and_read_only.py",
            "tests/persistence/test_connections.py",
            "tests/persistence/test_read_only.py",
            "tests/persistence/test_instance_lock.py",
            "tests/services/test_backups.py",
            "tests/services/test_imports.py",
            "tests/services/test_audit_chain.py",
            "tests/services/test_roles.py",
            "tests/cli/test_attacks.py",
            "tests/cli/test_backup_cli.py",
            "tests/test_windows_readiness.py",
        ],
        "files, media and rules",
    ),
)


def run(quick: bool, out: Path) -> tuple[list[dict[str, Any]], dict[str, Outcomes]]:
    env = {**os.environ, "JURYAPP_RELIABILITY_OUT": str(out)}
    if not quick:
        env |= {"JURYAPP_CRASH_KILLS": "200", "JURYAPP_KILLS": "50"}
    else:
        env |= {"JURYAPP_FUZZ_EXAMPLES": "100"}
    outcomes: dict[str, Outcomes] = {}
    for index, (arguments, what) in enumerate(RUNS):
        junit = out / f"junit-{index}.xml"
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                   f"--junitxml={junit}", *arguments]  # fmt: skip
        print(f"== {what}: {' '.join(command[3:])}", flush=True)
        subprocess.run(command, cwd=ROOT, env=env, check=False)  # noqa: S603 - our own tests
        if junit.is_file():
            for name, counts in read_junit(junit).items():
                outcomes.setdefault(name, Outcomes()).add(counts)
    figures = []
    lines = out / "figures.jsonl"
    if lines.is_file():
        figures = [json.loads(line) for line in lines.read_text(encoding="utf-8").splitlines()]
    return figures, outcomes


class Outcomes(dict[str, int]):
    """passed / failed / skipped / expected failure counts of one test file."""

    def add(self, other: dict[str, int]) -> None:
        for key, value in other.items():
            self[key] = self.get(key, 0) + value


def read_junit(path: Path) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for case in ElementTree.parse(path).getroot().iter("testcase"):
        parts = case.get("classname", "").split(".")
        while parts and not (ROOT / "/".join(parts)).with_suffix(".py").is_file():
            parts.pop()  # a test class: its module is one step up
        file = "/".join(parts) + ".py"
        children = {child.tag for child in case}
        skipped = case.find("skipped")
        if "failure" in children or "error" in children:
            outcome = "failed"
        elif skipped is not None and "xfail" in (
            skipped.get("type", "") + skipped.get("message", "")
        ):
            outcome = "expected failure"
        elif skipped is not None and "PostgreSQL half" in skipped.get("message", ""):
            outcome = "postgresql"  # the same test on PostgreSQL, with no server named
        elif skipped is not None:
            outcome = "skipped"
        else:
            outcome = "passed"
        file_counts = counts.setdefault(file, {})
        file_counts[outcome] = file_counts.get(outcome, 0) + 1
    return counts


def _pragmas() -> dict[str, object]:
    """The settings of a connection as the app opens one."""
    from juryapp.persistence.database import Database  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as folder:
        database = Database.open(Path(folder) / "pragma.sqlite3")
        try:
            with database.engine.connect() as connection:
                return {
                    name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                    for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
                }
        finally:
            database.close()


def _by_test(figures: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {figure["test"]: figure for figure in figures}


def _commit() -> str:
    git = shutil.which("git")
    if git is None:
        return "unknown"
    done = subprocess.run(  # noqa: S603 - git, asked for this checkout's commit
        [git, "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
        check=False,
    )  # fmt: skip
    return done.stdout.strip() or "unknown"


def render(
    figures: list[dict[str, Any]],
    outcomes: dict[str, Outcomes],
    quick: bool,
    seconds: float,
) -> str:
    by = _by_test(figures)
    pragmas = _pragmas()
    lines = [
        "# Reliability: figures from the latest run",
        "",
        "Written by `python tools/reliability.py` (re-run it to check or refresh these",
        "figures); every figure below comes from the tests named beside it, in this run.",
        "",
        f"- Run: {datetime.now().strftime('%Y-%m-%d %H:%M')}, commit {_commit()}, "
        f"{'quick counts' if quick else 'full counts'}, {seconds / 60:.1f} minutes",
        f"- Machine: {platform.platform()}, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs",
        "",
        "## Kills",
        "",
        "A child repeats the action and is killed at a random moment; after each kill the",
        "database passes `integrity_check`, its audit chain is unbroken, and it holds what the",
        "last acknowledged action left or what the one cut short would have (`lost` counts",
        "any other state).",
        "",
        "| Test | Kills | Acknowledged | Lost | Where |",
        "|---|---|---|---|---|",
    ]
    kill_rows = (
        ("kill during scoring", "scores saved", "tests/services/test_crash.py"),
        ("kill during import", "imports", "tests/services/test_kills.py"),
        ("kill during lock", "locks and unlocks", "tests/services/test_kills.py"),
        ("kill during backup", "backups", "tests/services/test_kills.py"),
        ("kill during restore", "restores", "tests/services/test_kills.py"),
    )
    for name, acknowledged, where in kill_rows:
        figure = by.get(name)
        if figure is None:
            lines.append(f"| {name} | not run | | | `{where}` |")
            continue
        lines.append(
            f"| {name} | {figure['kills']} | {figure['acknowledged']:,} {acknowledged} | "
            f"{figure['lost']} | `{where}` |"
        )
    first = by.get("kill during the first lock")
    halves = by.get("kill during backup: half-written copies")
    lines += [""]
    if first:
        lines.append(
            f"- The first lock, killed on a fresh database each time ({first['kills']} kills): "
            f"{first['locked']} were locked, {first['locked_without_seal']} of them without "
            "their seal or key (the lock, its key, its seal and its events are one "
            "transaction; `test_kill_during_the_first_lock`)."
        )
    if halves:
        lines.append(
            f"- Backups cut short left {halves['after_kills']} half-written `.part` files over "
            f"the run, never under the backup's name; the next backup left "
            f"{halves['after_next']}."
        )
    scoring = by.get("kill during scoring")
    if scoring:
        lines.append(
            f"- Scoring: {scoring['distinct_scores']} distinct scores, "
            f"{scoring['in_doubt']} saves in doubt at a kill, `integrity_check` "
            f"{scoring['integrity_check']}, seed {scoring['seed']}."
        )
    corpus = by.get("hostile files")
    lines += ["", "## Hostile files", ""]
    if corpus:
        lines += [
            "Each file of `tests/corpus` handed to its parser on a fresh database: a refusal is",
            "one line in each language naming the file (and row and column, or line and key),",
            "quotes at most 60 characters, and leaves a logical dump of the database unchanged.",
            "",
            f"- Tried {corpus['tried']}: {corpus['refused']} refused as expected, "
            f"{corpus['accepted']} read as expected, **{corpus['unexpected']} unexpected "
            "exceptions**.",
            f"- Slowest {corpus['slowest_seconds']} s; largest peak {corpus['largest_peak_mb']} MB "
            "of Python memory (cap 250 MB).",
            "",
            "| Parser | Refused | Read |",
            "|---|---|---|",
        ]
        for parser, counts in corpus["by_parser"].items():
            lines.append(f"| {parser} | {counts.get('refused', 0)} | {counts.get('accepted', 0)} |")
    lines += ["", "## Fuzzing", "", "| Parser | Examples |", "|---|---|"]
    for name in ("CSV", "XLSX", "convention files", "backups", "score imports"):
        figure = by.get(f"fuzz {name}")
        lines.append(f"| {name} | {figure['examples']:,} |" if figure else f"| {name} | not run |")
    lines += [
        "",
        "Each example is a file (or rows) the parser reads whole or refuses in one line; no",
        "other exception, and a refused import leaves the database as it was.",
        "",
        "## A full disk and read-only media",
        "",
        "On a 4 MB tmpfs filled to the last byte, and on a read-only bind mount: the refusal,",
        "after which the database is whole and logically unchanged and no partial file is left.",
        "",
        "| Action | Full disk | Read-only medium |",
        "|---|---|---|",
    ]
    full, read_only = by.get("full disk", {}), by.get("read-only medium", {})
    for action in ("save", "import", "lock", "report", "backup", "restore"):
        lines.append(
            f"| {action} | {full.get(action, 'not run (cannot mount here)')} | "
            f"{read_only.get(action, 'not run (cannot mount here)')} |"
        )
    lines += [
        "",
        "## Durability settings",
        "",
        f"A connection as the app opens one: journal_mode {pragmas['journal_mode']}, "
        f"synchronous {pragmas['synchronous']} (2 = FULL), foreign_keys "
        f"{pragmas['foreign_keys']}, busy_timeout {pragmas['busy_timeout']} ms.",
        "",
        *mutation_section(),
        "## Test outcomes",
        "",
        "The PostgreSQL half of a test runs when `JURYAPP_TEST_POSTGRESQL` names a server",
        "(`tools/run-tests.sh` starts one); without one it is counted in its own column.",
        "",
        "| Test file | Passed | Failed | Expected failures | Skipped | PostgreSQL half not run |",
        "|---|---|---|---|---|---|",
    ]
    for file, counts in sorted(outcomes.items()):
        lines.append(
            f"| `{file}` | {counts.get('passed', 0)} | {counts.get('failed', 0)} | "
            f"{counts.get('expected failure', 0)} | {counts.get('skipped', 0)} | "
            f"{counts.get('postgresql', 0)} |"
        )
    return "\n".join(lines) + "\n"


def mutation_section(report: Path = DOCS / "reliability.md") -> list[str]:
    """The mutation section as tools/mutation.py last wrote it: a slow job run on its own."""
    heading = "## Mutation testing"
    text = report.read_text(encoding="utf-8") if report.exists() else ""
    if heading not in text:
        return [heading, "", "Not measured yet: `python tools/mutation.py` writes it here.", ""]
    start = text.index(heading)
    end = text.find("\n## ", start + len(heading))
    section = text[start : end + 1 if end != -1 else len(text)]
    return [*section.rstrip("\n").split("\n"), ""]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the counts of a normal test run")
    parser.add_argument("--out", type=Path, default=DOCS, help="folder for the report")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="juryapp-reliability-") as folder:
        figures, outcomes = run(args.quick, Path(folder))
    seconds = time.perf_counter() - started
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "reliability.md").write_text(
        render(figures, outcomes, args.quick, seconds), encoding="utf-8"
    )
    (args.out / "reliability.json").write_text(
        json.dumps({"figures": figures, "outcomes": outcomes}, indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    failed = sum(counts.get("failed", 0) for counts in outcomes.values())
    print(f"wrote {args.out / 'reliability.md'}; {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
