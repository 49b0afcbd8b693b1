"""Plants one-line bugs with mutmut and writes how many the tests catch to docs/reliability.md.

    python tools/mutation.py                        # every area in pyproject.toml, in turn
    python tools/mutation.py domain verification    # only these areas
    python tools/mutation.py --survivors domain     # only the survivors, against new tests
    python tools/mutation.py --report               # rewrite the report from the last runs

A slow job, not part of the normal test run: each area is a list of modules to mutate and the
tests to catch their mutants, in [tool.juryapp.mutation.AREA] of pyproject.toml, on top of the
shared [tool.mutmut] settings. Each area runs in its own copy under build/mutation/AREA, so
the worktree is never changed. Mutants known to be equivalent (no test could tell them from
the original) are listed with the reason in tools/mutation-equivalent.toml and counted apart.
"""

from __future__ import annotations

import argparse
import filecmp
import fnmatch
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from datetime import datetime
from pathlib import Path
from typing import Any

import tomli_w

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "build" / "mutation"
REPORT = ROOT / "docs" / "mutation.json"
EQUIVALENT = ROOT / "tools" / "mutation-equivalent.toml"
RELIABILITY = ROOT / "docs" / "reliability.md"
COPIED = ("juryapp", "tests", "resources")
KILLED = {"killed", "timeout", "caught by type check", "segfault"}
SECTION = "## Mutation testing"
# the layers whose every module is meant to be mutated (of juryapp/reports, only verification)
WHOLE = ("juryapp/domain", "juryapp/services")


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
    with log.open("a" if names else "w", encoding="utf-8") as out:
        subprocess.run(  # noqa: S603 - mutmut, on our own copy
            [_mutmut(), "run", "--max-children", str(children), *(names or [])],
            cwd=work,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            check=False,
        )
    if "TMPDIR" in env and env["TMPDIR"] != os.environ.get("TMPDIR"):
        shutil.rmtree(env["TMPDIR"], ignore_errors=True)


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


def _collect(area: str, work: Path, equivalent: dict[str, str]) -> dict[str, Any]:
    """Counts by outcome, and every surviving mutant with its diff."""
    listing = subprocess.run(  # noqa: S603 - mutmut, on our own copy
        [_mutmut(), "results", "--all", "true"],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    outcomes: dict[str, str] = {}
    for line in listing.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if name:
            outcomes[name] = status
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
        "survivors": survivors,
    }


def _section(report: dict[str, Any], areas: dict[str, Any]) -> str:
    lines = [
        SECTION,
        "",
        "One-line bugs planted by [mutmut](https://mutmut.readthedocs.io) in the rules, the",
        "services and the verification of signed documents, and how many the tests catch;",
        "`python tools/mutation.py` runs it again (slow, so not part of the normal test run).",
        "A mutant is killed when a test fails or times out; mutants listed in",
        "`tools/mutation-equivalent.toml` behave exactly like the original and are not counted.",
        "",
        "| Area | Mutated | Tests run | Killed | Survived | No test reaches it | Equivalent "
        "| Not run (stopped) | Score | Results read |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for area, result in report.items():
        own = areas.get(area, {})
        counts = result["counts"]
        score = "—" if result["score"] is None else f"{result['score']:.1f} %"
        lines.append(
            f"| {area} | {', '.join(f'`{m}`' for m in own.get('mutate', []))} "
            f"| {', '.join(f'`{t}`' for t in own.get('tests', []))} | {result['killed']} "
            f"| {counts.get('survived', 0)} | {counts.get('no tests', 0)} "
            f"| {counts.get('equivalent', 0)} | {counts.get('not checked', 0)} "
            f"| **{score}** | {result['when'][:16].replace('T', ' ')} |"
        )
    lines += _totals(report)
    waiting = [area for area in areas if area not in report]
    if waiting:
        lines += [
            "",
            "Areas in pyproject.toml not measured yet: "
            + ", ".join(
                f"{area} ({', '.join(f'`{m}`' for m in areas[area]['mutate'])})" for area in waiting
            )
            + ".",
        ]
    for folder, modules in _unmutated(areas).items():
        lines += [
            "",
            f"Modules of `{folder}` that no area mutates, so that no figure above covers them: "
            + ", ".join(f"`{m}`" for m in modules)
            + ".",
        ]
    for area, result in report.items():
        left = [s for s in result["survivors"] if s["status"] != "equivalent"]
        same = [s for s in result["survivors"] if s["status"] == "equivalent"]
        if left:
            lines += ["", f"### {area}: mutants no test catches yet", ""]
            lines += [f"- `{s['mutant']}`: `{' / '.join(s['diff'])[:160]}`" for s in left]
        if same:
            lines += ["", f"### {area}: equivalent mutants", ""]
            lines += [f"- `{s['mutant']}`: {s['why']}" for s in same]
    return "\n".join(lines) + "\n"


def _unmutated(areas: dict[str, Any]) -> dict[str, list[str]]:
    """The modules of the layers measured whole (WHOLE) that no area mutates."""
    patterns = [pattern for own in areas.values() for pattern in own["mutate"]]
    found = {}
    for folder in WHOLE:
        left = [
            path.name
            for path in sorted((ROOT / folder).glob("*.py"))
            if path.name != "__init__.py"
            and not any(fnmatch.fnmatch(f"{folder}/{path.name}", p) for p in patterns)
        ]
        if left:
            found[folder] = left
    return found


def _totals(report: dict[str, Any]) -> list[str]:
    """One line per layer split into several areas (``services-sheets``, ``services-trail``…)."""
    layers: dict[str, list[dict[str, Any]]] = {}
    for area, result in report.items():
        layer, split, _ = area.partition("-")
        if split:
            layers.setdefault(layer, []).append(result)
    lines = []
    for layer, results in layers.items():
        killed = sum(r["killed"] for r in results)
        judged = sum(r["judged"] for r in results)
        equivalent = sum(r["counts"].get("equivalent", 0) for r in results)
        stopped = sum(r["counts"].get("not checked", 0) for r in results)
        score = f"{100 * killed / judged:.1f} %" if judged else "—"
        lines += [
            "",
            f"The {layer} areas measured, together: {killed} of {judged} mutants killed, "
            f"**{score}** ({equivalent} equivalent ones apart"
            + (f"; {stopped} not run yet, in stopped runs" if stopped else "")
            + ").",
        ]
    return lines


def write_section(report: dict[str, Any], areas: dict[str, Any]) -> None:
    """Replaces the mutation section of docs/reliability.md, leaving the rest as it is."""
    text = RELIABILITY.read_text(encoding="utf-8")
    start = text.index(SECTION)
    end = text.find("\n## ", start + len(SECTION))
    tail = text[end + 1 :] if end != -1 else ""
    RELIABILITY.write_text(
        text[:start] + _section(report, areas) + ("\n" + tail if tail else ""), encoding="utf-8"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python tools/mutation.py", description=__doc__)
    parser.add_argument("areas", nargs="*", help="areas of pyproject.toml (default: all)")
    parser.add_argument("--report", action="store_true", help="only rewrite the report")
    parser.add_argument(
        "--survivors",
        action="store_true",
        help="run again only what the last run left alive or did not reach, with the current tests",
    )
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
    for area in args.areas or list(areas):
        work = WORK / area
        if args.survivors and (work / "mutants").exists():
            alive = _refresh_tests(work, project, base, areas[area])
            if alive:
                _run(area, work, args.children, alive)
        elif not args.report:
            work = _prepare(area, project, base, areas[area])
            _run(area, work, args.children)
        if (work / "mutants").exists():
            report[area] = _collect(area, work, equivalent)
            result = report[area]
            print(f"  {area}: {result['killed']} of {result['judged']} killed", flush=True)
    report = {area: report[area] for area in areas if area in report}
    REPORT.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    write_section(report, areas)
    print(f"wrote {REPORT.relative_to(ROOT)} and the mutation section of docs/reliability.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
