"""``juryapp --self-test`` on the source tree: every step passes, and a failing one is reported."""

import io
import re
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from juryapp import selftest
from juryapp.cli.main import main

STEPS = (
    "resources",
    "fonts",
    "spreadsheet",
    "database",
    "demo",
    "results",
    "reckoning",
    "lock",
    "documents",
    "verify",
    "qt",
    "closed",
)


@pytest.mark.slow
def test_every_step_passes_on_the_source_tree(qtbot: QtBot) -> None:
    out = io.StringIO()

    code = selftest.run_self_test(out)

    text = out.getvalue()
    assert code == 0, text
    for step in STEPS:
        assert re.search(rf"^{step}\s+OK\s+\d+\.\d\d s", text, re.MULTILINE), text
    assert "FAILED" not in text
    assert text.rstrip().splitlines()[-1].startswith("self-test passed")


def test_a_failing_step_is_reported_and_later_steps_still_run() -> None:
    out = io.StringIO()
    test = selftest.SelfTest(out)

    def broken() -> str:
        raise selftest.StepFailedError("no fonts here")

    assert not test.step("fonts", broken)
    assert test.step("other", lambda: "fine")

    lines = out.getvalue().splitlines()
    assert re.match(r"fonts\s+FAILED\s+\d+\.\d\d s  StepFailedError: no fonts here", lines[0])
    assert re.match(r"other\s+OK\s+\d+\.\d\d s  fine", lines[1])
    assert test.failures == ["fonts"]


def test_missing_resources_fail_the_resource_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "fonts").mkdir()
    monkeypatch.setattr(selftest, "resources_dir", lambda: tmp_path)
    monkeypatch.setattr(selftest, "resource", tmp_path.joinpath)
    out = io.StringIO()

    assert not selftest.SelfTest(out).step("resources", selftest._check_resources)

    assert re.match(r"resources\s+FAILED .*missing font", out.getvalue())


def test_the_command_line_flag_runs_the_self_test_before_any_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(selftest, "run_self_test", lambda: 7)

    assert main(["--self-test"]) == 7
