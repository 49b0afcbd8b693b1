"""Plants one-line bugs with mutmut and writes how many the tests catch to docs/reliability.md.

    python tools/mutation.py                        # every area in pyproject.toml, in turn
    python tools/mutation.py domain verification    # only these areas
    python tools/mutation.py --survivors domain     # only the survivors, against new tests
    python tools/mutation.py --resume services-keys # all but the kills the ledger carries
    python tools/mutation.py --report               # rewrite the report from the last runs

A slow job, not part of the normal test run: each area is a list of modules to mutate and the
tests to catch their mutants, in [tool.juryapp.mutation.AREA] of pyproject.toml, on top of the
shared [tool.mutmut] settings. Each area runs in its own copy under build/mutation/AREA, so
the worktree is never changed. Mutants known to be equivalent (no test could tell them from
the original) are listed with the reason in tools/mutation-equivalent.toml and counted apart.
With --resume, the kills go to docs/mutation-ledger.json batch by batch, and a later run, on
any machine, runs only the mutants the ledger does not hold as killed in an unchanged module.
"""

from __future__ import annotations

import argparse
import filecmp
import fnmatch
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import mutation_ledger as ledgers
import tomli_w
from mutation_report import remarked, write_section
from mutmut.stats import status_by_exit_code

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "build" / "mutation"
REPORT = ROOT / "docs" / "mutation.json"
EQUIVALENT = ROOT / "tools" / "mutation-equivalent.toml"
LEDGER = ROOT / "docs" / "mutation-ledger.json"
COPIED = ("juryapp", "tests", "resources")
KILLED = {"killed", "timeout", "caught by type check", "segfault"}


def _settings() -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    tool = project["tool"]
    return project, tool["mutmut"], tool["juryapp"]["mutation"]


def _mutmut() -> str:
    found = shutil.which("mutmut", path=str(Path(sys.executable).parent)) or shutil.which("mutmut")
    if found is None:
        raise SystemExit("mutmut is not installed: pip install -e '.[mutation]'")
    return found


def _prepare(area: str, project: dict[str, Any], base: dict[str, Any], own: dict[str, Any]) -> Path:
    """A fresh copy of the code and tests, with mutmut told what to mutate and what to run."""
    work = WORK / area
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    for name in COPIED:
        shutil.copytree(
            ROOT / name, work / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
        )
    _write_settings(work, project, base, own)
    return work


def _write_settings(
    work: Path, project: dict[str, Any], base: dict[str, Any], own: dict[str, Any]
) -> None:
    settings = dict(project)
    settings["tool"] = dict(project["tool"])
    settings["tool"]["mutmut"] = {
        **base,
        "only_mutate": own["mutate"],
        "pytest_add_cli_args_test_selection": own["tests"],
    }
    (work / "pyproject.toml").write_text(tomli_w.dumps(settings), encoding="utf-8")


def _refresh_tests(
    work: Path, project: dict[str, Any], base: dict[str, Any], own: dict[str, Any]
) -> list[str]:
    """The tests, the area's test list and the code copied again into an area's folder, and
    the mutants its last run left alive or never reached (a stopped run), to run against
    them: mutmut maps new tests itself. Only the files that changed are copied, so that the
    mutants of a module left as it was are neither made again nor run again."""
    shutil.rmtree(work / "tests")
    shutil.copytree(ROOT / "tests", work / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    _write_settings(work, project, base, own)
    for source in (ROOT / "juryapp").rglob("*.py"):
        name = source.relative_to(ROOT)
        copy = work / name
        if copy.exists() and filecmp.cmp(source, copy, shallow=False):
            continue
        # mutmut makes a changed mutated module's mutants again; any other module it copied
        # once into mutants/ is copied there by hand
        mutated = any(fnmatch.fnmatch(name.as_posix(), pattern) for pattern in own["mutate"])
        for target in (copy,) if mutated else (copy, work / "mutants" / name):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    listing = subprocess.run(  # noqa: S603 - mutmut, on our own copy
        [_mutmut(), "results"], cwd=work, capture_output=True, text=True, check=True
    ).stdout
    return [
        line.strip().rpartition(": ")[0]
        for line in listing.splitlines()
        if line.strip().endswith((": survived", ": no tests", ": not checked"))
    ]


def _run(area: str, work: Path, children: int, names: list[str] | None = None) -> None:
    log = work / "mutmut.log"
    print(f"· {area}: mutmut run in {work} (log: {log})", flush=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    # the tests' databases in memory where the system offers it: thousands of runs, each syncing
    memory = Path("/dev/shm")  # noqa: S108 - only a parent for a private folder from mkdtemp
    if memory.is_dir() and os.access(memory, os.W_OK):
        env["TMPDIR"] = tempfile.mkdtemp(prefix=f"juryapp-mutation-{area}-", dir=memory)
    try:
        with log.open("a" if names else "w", encoding="utf-8") as out:
            process = subprocess.Popen(  # noqa: S603 - mutmut, on our own copy
                [_mutmut(), "run", "--max-children", str(children), *(names or [])],
                cwd=work,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
            try:
                process.wait()
            except KeyboardInterrupt:
                _stop(process)
                raise
    finally:
        if "TMPDIR" in env and env["TMPDIR"] != os.environ.get("TMPDIR"):
            shutil.rmtree(env["TMPDIR"], ignore_errors=True)


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Lets mutmut stop by itself (it saves each outcome as it comes, and stops its tests on
    an interrupt), telling it to when only this tool was told."""
    for wait, then in ((5, signal.SIGINT), (120, signal.SIGKILL)):
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            process.send_signal(then)
    process.wait()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


# run in the area's folder: mutmut makes the mutants of every module, and runs none
_GENERATE = """
from pathlib import Path
import mutmut.__main__ as run
from mutmut.mutation.trampoline import set_mutant_under_test
set_mutant_under_test("mutant_generation")
Path("mutants").mkdir(exist_ok=True)
run.copy_src_dir()
run.copy_also_copy_files()
run.setup_source_paths()
run.store_lines_covered_by_tests()
run.create_mutants(1)
"""


def _generate(work: Path) -> None:
    subprocess.run(  # noqa: S603 - our own script, on our own copy
        [sys.executable, "-c", _GENERATE],
        cwd=work,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        check=True,
    )


def _meta(work: Path, own: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """mutmut's record of each mutated module of the area (its mutants' exit codes and
    durations), read again when mutmut was writing it; left out if it stays unreadable
    (mutmut stopped mid-write), so that its mutants count as not run."""
    found = {}
    for meta in sorted((work / "mutants").rglob("*.py.meta")):
        module = meta.relative_to(work / "mutants").as_posix().removesuffix(".meta")
        if not any(fnmatch.fnmatch(module, pattern) for pattern in own["mutate"]):
            continue
        for _ in range(10):
            try:
                found[module] = json.loads(meta.read_text(encoding="utf-8"))
                break
            except json.JSONDecodeError:
                time.sleep(0.5)
        else:
            print(f"  {meta} cannot be read: its mutants count as not run", flush=True)
    return found


def _status(code: int | None) -> str:
    return str(status_by_exit_code[code])


def _resume(
    area: str, project: dict[str, Any], base: dict[str, Any], own: dict[str, Any], args: Any
) -> None:
    """Runs the mutants the ledger does not hold as killed, batch by batch, writing the
    ledger after each; a first timeout is run once more at the end before it counts."""
    work = _prepare(area, project, base, own)
    _generate(work)
    metas = _meta(work, own)
    ledger = ledgers.load(LEDGER)
    modules = {
        module: (ledgers.module_sha256(work / module), len(meta["exit_code_by_key"]))
        for module, meta in metas.items()
    }
    dropped = ledgers.refresh(ledger, area, modules)
    ledgers.save(ledger, LEDGER)
    known = ledgers.outcomes(ledger, area)
    names = sorted(name for meta in metas.values() for name in meta["exit_code_by_key"])
    again = [n for n in names if known.get(n, ("", ""))[0].endswith(ledgers.ONCE)]
    queue = [n for n in names if n not in again and not ledgers.settled(known.get(n, ("",))[0])]
    print(
        f"· {area}: {len(names)} mutants, {len(names) - len(queue) - len(again)} kills carried "
        f"({dropped} dropped with their changed module), {len(queue)} to run, "
        f"{len(again)} timeouts to run again",
        flush=True,
    )
    while queue:
        for start in range(0, len(queue), args.batch):
            batch = queue[start : start + args.batch]
            began = time.monotonic()
            stopped = False
            try:
                _run(area, work, args.children, batch)
            except KeyboardInterrupt:
                stopped = True
            codes = {
                n: c
                for meta in _meta(work, own).values()
                for n, c in meta["exit_code_by_key"].items()
            }
            today = datetime.now(UTC).date().isoformat()
            seen: dict[str, int] = {}
            for name in batch:
                status = _status(codes.get(name))
                seen[status] = seen.get(status, 0) + 1
                outcome = status in (*ledgers.KILLS, *ledgers.DOUBTFUL, "survived", "no tests")
                if outcome and ledgers.record(ledger, area, name, status, today):
                    again.append(name)
            ledgers.save(ledger, LEDGER)
            print(
                f"  {area}: {start + len(batch)} of {len(queue)} run, this batch "
                f"{seen} in {time.monotonic() - began:.0f} s",
                flush=True,
            )
            if stopped:
                raise KeyboardInterrupt
        queue, again = again, []


# run in the area's folder: mutmut's own diff of each mutant, all in one process
_DIFFS = """
import json, sys
from mutmut.mutation.diff_apply import find_mutant, get_diff_for_mutant
out = {}
for name in sys.argv[1:]:
    diff = get_diff_for_mutant(name, path=find_mutant(name).path)
    out[name] = [
        line for line in diff.splitlines()
        if line[:1] in "-+" and line[:3] not in ("---", "+++") and line.strip() not in "-+"
    ]
print(json.dumps(out))
"""


def _diffs(work: Path, names: list[str]) -> dict[str, list[str]]:
    if not names:
        return {}
    done = subprocess.run(  # noqa: S603 - our own script, on our own copy
        [sys.executable, "-c", _DIFFS, *names],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    )
    found: dict[str, list[str]] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def _collect(
    area: str, work: Path, own: dict[str, Any], equivalent: dict[str, str]
) -> dict[str, Any]:
    """Counts by outcome, from this copy's runs and the kills the ledger carries, and every
    surviving mutant with its diff."""
    metas = _meta(work, own)
    now = {module: ledgers.module_sha256(ROOT / module) for module in metas}
    stale = ledgers.changed_since_copied(ROOT, work, metas)
    for module in stale:
        print(f"  {module} changed since its mutants ran: they count as not run", flush=True)
    fresh = {
        name: _status(code)
        for module, meta in metas.items()
        if module not in stale
        for name, code in meta["exit_code_by_key"].items()
    }
    ledger = ledgers.load(LEDGER)
    confirming = area in ledger["areas"]
    if confirming:  # only the entries of modules with the text of the tree
        ledgers.refresh(ledger, area, {module: (sha, 0) for module, sha in now.items()})
    outcomes, carried = ledgers.judge(fresh, ledgers.outcomes(ledger, area), confirming)
    # how long a mutant's tests ran, timeouts apart (a paused run's mutant waits for hours)
    durations = [
        seconds
        for meta in metas.values()
        for name, seconds in meta["durations_by_key"].items()
        if fresh.get(name) in ("killed", "survived", "no tests")
    ]
    counts: dict[str, int] = {}
    left = []
    for name, found in sorted(outcomes.items()):
        status = "equivalent" if found == "survived" and name in equivalent else found
        counts[status] = counts.get(status, 0) + 1
        if status in {"survived", "equivalent", "no tests"}:
            left.append((name, status))
    diffs = _diffs(work, [name for name, _ in left])
    survivors = [
        {
            "mutant": name,
            "status": status,
            "diff": diffs.get(name, []),
            "why": equivalent.get(name, ""),
        }
        for name, status in left
    ]
    killed = sum(n for status, n in counts.items() if status in KILLED)
    judged = killed + counts.get("survived", 0) + counts.get("no tests", 0)
    return {
        "area": area,
        "when": datetime.now().astimezone().isoformat(timespec="seconds"),
        "counts": counts,
        "killed": killed,
        "judged": judged,
        "score": round(100 * killed / judged, 1) if judged else None,
        "carried": len(carried),
        "carried_since": min(carried.values(), default=None),
        "seconds_per_mutant": round(sum(durations) / len(durations), 1) if durations else None,
        "survivors": survivors,
    }


def _figures(
    area: str,
    work: Path,
    own: dict[str, Any],
    equivalent: dict[str, str],
    stored: dict[str, Any] | None,
) -> dict[str, Any] | None:
    """An area's figures, read again from its copy; with no copy to read, the stored ones with
    the equivalent mutants as marked now."""
    if (work / "mutants").exists():
        return _collect(area, work, own, equivalent)
    return None if stored is None else remarked(stored, equivalent)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python tools/mutation.py", description=__doc__)
    parser.add_argument("areas", nargs="*", help="areas of pyproject.toml (default: all)")
    parser.add_argument("--report", action="store_true", help="only rewrite the report")
    parser.add_argument(
        "--survivors",
        action="store_true",
        help="run again only what the last run left alive or did not reach, with the current tests",
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help="run all but the kills docs/mutation-ledger.json carries, in batches, writing it",
    )
    parser.add_argument("--batch", type=int, default=80, help="mutants per mutmut run (--resume)")
    parser.add_argument("--children", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args(argv)
    project, base, areas = _settings()
    unknown = set(args.areas) - set(areas)
    if unknown:
        parser.error(f"unknown areas {sorted(unknown)}; known: {sorted(areas)}")
    equivalent = {
        entry["mutant"]: entry["why"]
        for entry in tomllib.loads(EQUIVALENT.read_text(encoding="utf-8")).get("equivalent", [])
    }
    report: dict[str, Any] = (
        json.loads(REPORT.read_text(encoding="utf-8")) if REPORT.exists() else {}
    )
    # a stop asked for (an interrupt, even where a shell started this in the background and
    # so had interrupts ignored, or a terminate) keeps the outcomes of the batch under way
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _interrupt)
    stopped = False
    for area in args.areas or list(areas):
        work = WORK / area
        try:
            if args.resume:
                _resume(area, project, base, areas[area], args)
            elif args.survivors and (work / "mutants").exists():
                alive = _refresh_tests(work, project, base, areas[area])
                if alive:
                    _run(area, work, args.children, alive)
            elif not args.report:
                work = _prepare(area, project, base, areas[area])
                _run(area, work, args.children)
        except KeyboardInterrupt:
            stopped = True
        result = _figures(area, work, areas[area], equivalent, report.get(area))
        if result is not None:
            report[area] = result
            print(f"  {area}: {result['killed']} of {result['judged']} killed", flush=True)
        if args.resume or stopped:  # what a long run has found so far, area by area
            _write_report(report, areas)
        if stopped:
            print("stopped; the ledger holds every outcome obtained so far", flush=True)
            return 130
    if not args.resume:
        _write_report(report, areas)
    return 0


def _write_report(report: dict[str, Any], areas: dict[str, Any]) -> None:
    report = {area: report[area] for area in areas if area in report}
    REPORT.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    write_section(report, areas)
    print(f"wrote {REPORT.relative_to(ROOT)} and the mutation section of docs/reliability.md")


if __name__ == "__main__":
    raise SystemExit(main())
