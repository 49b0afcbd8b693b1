"""The desktop app's start: its first window comes before the data and the heavy libraries."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# Loaded once the window is painted, or later still: none is needed for the first frame.
NOT_BEFORE_THE_FIRST_WINDOW = (
    "sqlalchemy",
    "openpyxl",
    "reportlab",
    "pyhanko",
    "juryapp.persistence",
    "juryapp.services",
    "juryapp.domain.model",
    "juryapp.gui.start.sign_in",
    "juryapp.gui.start.start_page",
    "juryapp.gui.timer_window",
)


def _imported_until_first_window(database: Path, home: Path) -> set[str]:
    """Modules a fresh ``python -m juryapp`` imports until its first window is shown."""
    settings = home / "config" / "juryapp" / "juryapp.ini"
    settings.parent.mkdir(parents=True)
    settings.write_text("[ui]\nlanguage=id\n", encoding="utf-8")  # not the first run
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "QT_QPA_PLATFORM": "offscreen",
        "JURYAPP_EXIT_AFTER_SHOWN": "1",  # quits on the event loop's first turn after show()
    }
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "juryapp", "--db", str(database)],
        env=env, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    assert "first window shown at" in done.stdout
    return {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }


def test_the_first_window_shows_before_the_database_and_the_pages(
    demo_db: Path, tmp_path: Path
) -> None:
    imported = _imported_until_first_window(demo_db, tmp_path / "home")
    assert "juryapp.gui.app_window" in imported  # the measurement saw the window's module
    early = sorted(
        name
        for name in imported
        if any(
            name == heavy or name.startswith(f"{heavy}.") for heavy in NOT_BEFORE_THE_FIRST_WINDOW
        )
    )
    assert early == []


def test_once_up_the_app_lets_the_gui_thread_have_the_interpreter_soon() -> None:
    import gc  # noqa: PLC0415

    from juryapp.gui.launch import (  # noqa: PLC0415
        FULL_COLLECTION_EVERY,
        SWITCH_INTERVAL_S,
        share_the_interpreter_with_the_gui,
    )

    interval, thresholds = sys.getswitchinterval(), gc.get_threshold()
    try:
        share_the_interpreter_with_the_gui()
        assert sys.getswitchinterval() == pytest.approx(SWITCH_INTERVAL_S)
        assert gc.get_threshold()[2] == FULL_COLLECTION_EVERY
        assert gc.get_freeze_count() > 0  # what start-up made is set aside
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)
        sys.setswitchinterval(interval)
