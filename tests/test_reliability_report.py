"""tools/reliability.py writes its report from the figures the tests record, by their names."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("reliability_tool", ROOT / "tools/reliability.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_first_lock_line_reads_the_figures_its_test_records() -> None:
    # the names the kill test records its figures under, read from the test itself
    source = (ROOT / "tests/services/test_kills.py").read_text(encoding="utf-8")
    call = source[source.index('"kill during the first lock",') :]
    names = re.findall(r"(\w+)=", call[: call.index(")")])
    assert {"kills", "locked", "locked_without_seal"} <= set(names)
    figure = {"test": "kill during the first lock", **dict.fromkeys(names, 7)}
    text = _tool().render([figure], {}, quick=True, seconds=60.0)
    assert "killed on a fresh database each time (7 kills): 7 were locked, 7 of them" in text
    assert "expected failure" not in text
