"""The mutation ledger: kills of earlier runs, carried over while their module is unchanged."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

# outcomes that settle a mutant at once
KILLS = ("killed", "caught by type check")
# outcomes a pause or a stop of the run can cause as well as the mutant (mutmut's wall-clock
# limit runs on while the run is paused): settled only when a second run gives them again
DOUBTFUL = ("timeout", "segfault")
ONCE = " once"
ABOUT = (
    "Mutants killed in earlier runs of tools/mutation.py --resume, by area and mutated module. "
    "An entry holds while the module's text has the sha256 given; names are mutmut's, less the "
    "module's dotted path; 'timeout once' is a timeout still to be confirmed by a second run."
)


def module_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def changed_since_copied(root: Path, work: Path, modules: Iterable[str]) -> list[str]:
    """The modules whose text in ``root`` is no longer that of their copy in ``work``: the
    outcomes of mutants run on the copy are of the old text and count for nothing."""
    return sorted(m for m in modules if module_sha256(root / m) != module_sha256(work / m))


def dotted(module: str) -> str:
    """``juryapp/services/keys.py`` -> ``juryapp.services.keys.``, its mutants' names' start."""
    return module.removesuffix(".py").replace("/", ".").replace(".__init__", "") + "."


def load(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {"about": ABOUT, "areas": {}}
    ledger: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return ledger


def save(ledger: dict[str, Any], path: Path) -> None:
    """Written whole to a side file first, so that a stop mid-write leaves the last ledger."""
    ledger["about"] = ABOUT
    ledger["areas"] = {area: ledger["areas"][area] for area in sorted(ledger["areas"])}
    side = path.with_suffix(".json.part")
    side.write_text(json.dumps(ledger, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    side.replace(path)


def refresh(ledger: dict[str, Any], area: str, modules: dict[str, tuple[str, int]]) -> int:
    """Keeps an area's entries only for the modules still mutated with the same text
    (module -> (sha256, number of mutants)); returns how many outcomes were dropped."""
    before = ledger["areas"].get(area, {})
    kept = {}
    for module, (sha, count) in sorted(modules.items()):
        entry = before.get(module)
        if entry is None or entry["sha256"] != sha:
            entry = {"sha256": sha, "outcomes": {}}
        kept[module] = {"sha256": sha, "mutants": count, "outcomes": entry["outcomes"]}
    ledger["areas"][area] = kept
    return sum(_size(entry) for entry in before.values()) - sum(_size(e) for e in kept.values())


def _size(entry: dict[str, Any]) -> int:
    return sum(len(names) for by_date in entry["outcomes"].values() for names in by_date.values())


def outcomes(ledger: dict[str, Any], area: str) -> dict[str, tuple[str, str]]:
    """Every mutant of the area the ledger knows: full name -> (outcome, date)."""
    found = {}
    for module, entry in ledger["areas"].get(area, {}).items():
        prefix = dotted(module)
        for status, by_date in entry["outcomes"].items():
            for date, names in by_date.items():
                found.update({prefix + name: (status, date) for name in names})
    return found


def settled(status: str) -> bool:
    """Whether a ledger outcome means killed, so that the mutant need not run again."""
    return status in KILLS or status in DOUBTFUL


def record(ledger: dict[str, Any], area: str, name: str, status: str, today: str) -> bool:
    """Writes a fresh outcome of a mutant; True when it is a first timeout (or segfault),
    to be run once more before it counts as a kill."""
    modules = [
        (dotted(module), entry)
        for module, entry in ledger["areas"][area].items()
        if name.startswith(dotted(module)) and name[len(dotted(module)) :].startswith(("x_", "xǁ"))
    ]
    if not modules:
        raise KeyError(f"{name} is not a mutant of a module of {area}")
    prefix, entry = modules[0]
    short = name[len(prefix) :]
    before = None
    for earlier, by_date in list(entry["outcomes"].items()):
        for date, names in list(by_date.items()):
            if short in names:
                before = earlier
                names.remove(short)
                if not names:
                    del by_date[date]
        if not by_date:
            del entry["outcomes"][earlier]
    again = status in DOUBTFUL and (before or "").removesuffix(ONCE) not in DOUBTFUL
    if status in KILLS or status in DOUBTFUL:
        kept = status + ONCE if again else status
        names = entry["outcomes"].setdefault(kept, {}).setdefault(today, [])
        names.append(short)
        names.sort()
    return again


def judge(
    fresh: dict[str, str], known: dict[str, tuple[str, str]], confirming: bool
) -> tuple[dict[str, str], dict[str, str]]:
    """Each mutant's outcome for the report, from this copy's runs (``fresh``: name -> mutmut's
    outcome) and the ledger's (``known``); returns (name -> outcome, name -> date of the
    carried ones). A mutant with neither is "not checked", as is a timeout still to be
    confirmed when ``confirming`` (the area is run with the ledger)."""
    judged: dict[str, str] = {}
    carried: dict[str, str] = {}
    for name, found in fresh.items():
        earlier, date = known.get(name, ("", ""))
        unconfirmed = found in DOUBTFUL and confirming and earlier != found
        status = "not checked" if unconfirmed else found
        if status in KILLS or status in DOUBTFUL or status in ("survived", "no tests"):
            judged[name] = status
        elif settled(earlier):
            judged[name] = earlier
            carried[name] = date
        else:
            judged[name] = "not checked"
    return judged, carried
