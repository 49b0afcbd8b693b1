"""The mutation section of docs/reliability.md, written from docs/mutation.json's figures."""

from __future__ import annotations

import fnmatch
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RELIABILITY = ROOT / "docs" / "reliability.md"
SECTION = "## Mutation testing"
# the layers whose every module is meant to be mutated (of juryapp/reports, only verification)
WHOLE = ("juryapp/domain", "juryapp/services")


def _section(report: dict[str, Any], areas: dict[str, Any]) -> str:
    lines = [
        SECTION,
        "",
        "One-line bugs planted by [mutmut](https://mutmut.readthedocs.io) in the rules, the",
        "services and the verification of signed documents, and how many the tests catch;",
        "`python tools/mutation.py` runs it again (slow, so not part of the normal test run).",
        "A mutant is killed when a test fails or times out; mutants listed in",
        "`tools/mutation-equivalent.toml` behave exactly like the original and are not counted.",
        "A run with `--resume` keeps its kills in `docs/mutation-ledger.json`, and a later run",
        "takes them over while the mutated module's text is byte for byte the same (the",
        "*Carried* column: kills of an earlier run, with the date of the oldest, not run again",
        "against the tests of the day); every other mutant runs again. A timeout in such a run",
        "counts only once a second run times out too, since a paused run times out as well.",
        "*Not run* counts the mutants with no outcome, from this run or carried over.",
        "",
        "| Area | Mutated | Tests run | Killed | of them carried | Survived | No test reaches it "
        "| Equivalent | Not run | Score | Results read |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for area, result in report.items():
        own = areas.get(area, {})
        counts = result["counts"]
        score = "—" if result["score"] is None else f"{result['score']:.1f} %"
        lines.append(
            f"| {area} | {', '.join(f'`{m}`' for m in own.get('mutate', []))} "
            f"| {', '.join(f'`{t}`' for t in own.get('tests', []))} | {result['killed']} "
            f"| {_carried(result)} | {counts.get('survived', 0)} | {counts.get('no tests', 0)} "
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


def _carried(result: dict[str, Any]) -> str:
    if not result.get("carried"):
        return "0"
    return f"{result['carried']} (oldest {result['carried_since']})"


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
        carried = sum(r.get("carried", 0) for r in results)
        score = f"{100 * killed / judged:.1f} %" if judged else "—"
        lines += [
            "",
            f"The {layer} areas measured, together: {killed} of {judged} mutants killed, "
            f"**{score}** ({equivalent} equivalent ones apart"
            + (f"; {carried} of the kills carried from earlier runs" if carried else "")
            + (f"; {stopped} not run yet" if stopped else "")
            + ").",
        ]
    return lines


def remarked(result: dict[str, Any], equivalent: dict[str, str]) -> dict[str, Any]:
    """An area's stored result with tools/mutation-equivalent.toml as it is now: a survivor
    marked equivalent since the run counts as equivalent, and one no longer listed as
    surviving again. For an area whose copy is gone, so that its outcomes cannot be read again."""
    counts = dict(result["counts"])
    survivors = []
    for entry in result["survivors"]:
        status = entry["status"]
        if status == "survived" and entry["mutant"] in equivalent:
            status = "equivalent"
        elif status == "equivalent" and entry["mutant"] not in equivalent:
            status = "survived"
        if status != entry["status"]:
            counts[entry["status"]] -= 1
            counts[status] = counts.get(status, 0) + 1
        survivors.append({**entry, "status": status, "why": equivalent.get(entry["mutant"], "")})
    judged = result["killed"] + counts.get("survived", 0) + counts.get("no tests", 0)
    return {
        **result,
        "counts": {status: n for status, n in counts.items() if n},
        "judged": judged,
        "score": round(100 * result["killed"] / judged, 1) if judged else None,
        "survivors": survivors,
    }


def write_section(report: dict[str, Any], areas: dict[str, Any]) -> None:
    """Replaces the mutation section of docs/reliability.md, leaving the rest as it is."""
    text = RELIABILITY.read_text(encoding="utf-8")
    start = text.index(SECTION)
    end = text.find("\n## ", start + len(SECTION))
    tail = text[end + 1 :] if end != -1 else ""
    RELIABILITY.write_text(
        text[:start] + _section(report, areas) + ("\n" + tail if tail else ""), encoding="utf-8"
    )
