"""The mutation ledger carries a kill while its module is unchanged, a timeout once confirmed."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
KEYS = "juryapp/services/keys.py"
KILLED = "juryapp.services.keys.x_check_passphrase__mutmut_1"
SLOW = "juryapp.services.keys.xǁSignersǁ__init____mutmut_2"
ALIVE = "juryapp.services.keys.x_check_passphrase__mutmut_3"


def _tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / f"tools/{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _ledger() -> ModuleType:
    return _tool("mutation_ledger")


def _started(tool: ModuleType) -> dict[str, Any]:
    ledger: dict[str, Any] = {"areas": {}}
    tool.refresh(ledger, "keys", {KEYS: ("one", 3)})
    return ledger


def test_a_kill_is_carried_while_the_module_is_unchanged_and_dropped_when_it_changes(
    tmp_path: Path,
) -> None:
    tool = _ledger()
    ledger = _started(tool)
    assert tool.record(ledger, "keys", KILLED, "killed", "2026-12-07") is False
    tool.record(ledger, "keys", ALIVE, "survived", "2026-12-07")
    tool.save(ledger, tmp_path / "ledger.json")
    again = tool.load(tmp_path / "ledger.json")

    assert tool.refresh(again, "keys", {KEYS: ("one", 3)}) == 0
    assert tool.outcomes(again, "keys") == {KILLED: ("killed", "2026-12-07")}
    judged, carried = tool.judge(
        {KILLED: "not checked", ALIVE: "not checked"}, tool.outcomes(again, "keys"), True
    )
    assert judged == {KILLED: "killed", ALIVE: "not checked"}
    assert carried == {KILLED: "2026-12-07"}

    assert tool.refresh(again, "keys", {KEYS: ("two", 3)}) == 1
    assert tool.outcomes(again, "keys") == {}


def test_a_timeout_counts_only_when_a_second_run_times_out_too() -> None:
    tool = _ledger()
    ledger = _started(tool)
    assert tool.record(ledger, "keys", SLOW, "timeout", "2026-12-07") is True
    assert tool.outcomes(ledger, "keys") == {SLOW: ("timeout once", "2026-12-07")}
    assert not tool.settled("timeout once")
    judged, _ = tool.judge({SLOW: "timeout"}, tool.outcomes(ledger, "keys"), True)
    assert judged == {SLOW: "not checked"}

    assert tool.record(ledger, "keys", SLOW, "timeout", "2026-12-08") is False
    assert tool.outcomes(ledger, "keys") == {SLOW: ("timeout", "2026-12-08")}
    assert tool.settled("timeout")


def test_a_first_timeout_that_survives_its_second_run_leaves_the_ledger() -> None:
    tool = _ledger()
    ledger = _started(tool)
    tool.record(ledger, "keys", SLOW, "timeout", "2026-12-07")
    assert tool.record(ledger, "keys", SLOW, "survived", "2026-12-08") is False
    assert tool.outcomes(ledger, "keys") == {}


def test_outcomes_of_a_copy_older_than_the_module_count_for_nothing(tmp_path: Path) -> None:
    # a report written later than the run reads the copy's outcomes: a module changed since
    # the copy was made has none that hold
    tool = _ledger()
    root, work = tmp_path / "tree", tmp_path / "copy"
    for folder, text in ((root, "new"), (work, "old")):
        (folder / "juryapp/services").mkdir(parents=True)
        (folder / KEYS).write_text(text)
        (folder / "juryapp/services/accounts.py").write_text("same")
    modules = [KEYS, "juryapp/services/accounts.py"]
    assert tool.changed_since_copied(root, work, modules) == [KEYS]
    (work / KEYS).write_text("new")
    assert tool.changed_since_copied(root, work, modules) == []


def test_a_stored_result_follows_the_equivalents_marked_after_its_run() -> None:
    report = _tool("mutation_report")
    stored = {
        "counts": {"killed": 96, "survived": 3, "equivalent": 1},
        "killed": 96,
        "judged": 99,
        "score": 97.0,
        "survivors": [
            {"mutant": "m.a", "status": "survived", "diff": ["-a", "+b"], "why": ""},
            {"mutant": "m.b", "status": "survived", "diff": [], "why": ""},
            {"mutant": "m.c", "status": "survived", "diff": [], "why": ""},
            {"mutant": "m.d", "status": "equivalent", "diff": [], "why": "old reason"},
        ],
    }
    now = report.remarked(stored, {"m.a": "same rows either way", "m.b": "unreachable"})
    assert now["counts"] == {"killed": 96, "survived": 2, "equivalent": 2}
    assert (now["judged"], now["score"]) == (98, 98.0)
    assert [(s["mutant"], s["status"], s["why"]) for s in now["survivors"]] == [
        ("m.a", "equivalent", "same rows either way"),
        ("m.b", "equivalent", "unreachable"),
        ("m.c", "survived", ""),
        ("m.d", "survived", ""),  # no longer listed: counted as surviving again
    ]
    assert now["survivors"][0]["diff"] == ["-a", "+b"]
    assert stored["counts"]["survived"] == 3  # the stored result is left as it was
