"""The secretariat sees at once when the database was changed behind the app's back."""

# The fixtures are imported from secretariat_fixtures, so their names reappear as arguments.
# ruff: noqa: F811

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from juryapp.gui.secretariat import SecretariatWindow
from juryapp.services.demo import DEMO_PASSPHRASE
from tests.gui.secretariat_fixtures import Demo, demo, window  # noqa: F401

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support"),
]

SHOTS = os.environ.get("JURYAPP_SCREENSHOTS")  # a folder: save what the tests show


def _checked(qtbot: QtBot, window: SecretariatWindow) -> None:
    qtbot.waitUntil(lambda: window.integrity.report is not None, timeout=30_000)


def test_no_band_while_everything_matches(qtbot: QtBot, window: SecretariatWindow) -> None:
    _checked(qtbot, window)
    assert window.integrity.report is not None and window.integrity.report.ok
    assert window.integrity.isHidden()


def test_a_score_changed_with_sqlite_shows_at_sign_in(
    qtbot: QtBot, demo: Demo, demo_db: Path, services_for: object
) -> None:
    judge, team = demo.info.pending or ("", "")
    demo.services.scoring.abstain(demo.sek1, judge, team, "juri berhalangan hadir")
    demo.services.locking.lock(demo.sek1, "pleno", DEMO_PASSPHRASE)
    with closing(sqlite3.connect(demo_db)) as connection:
        connection.execute("UPDATE score SET value = '1' WHERE id = 3")
        connection.commit()
    window = SecretariatWindow(demo.services, demo.sek1)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    _checked(qtbot, window)
    assert window.integrity.isVisible()
    assert "findings" in window.integrity.text.text() or "temuan" in window.integrity.text.text()
    dialog = window.integrity.open_details()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30_000)
    assert dialog.report is not None and not dialog.report.ok
    assert "scores/K" in dialog.findings.text()
    assert dialog.model.rowCount() > 0
    if SHOTS:
        window.grab().save(str(Path(SHOTS) / "integrity-band.png"))
        dialog.grab().save(str(Path(SHOTS) / "audit-dialog.png"))


def test_the_trail_is_exported_from_the_dialog(
    qtbot: QtBot, window: SecretariatWindow, tmp_path: Path
) -> None:
    dialog = window.integrity.open_details()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30_000)
    target = tmp_path / "jejak.pdf"
    dialog.export(target)
    qtbot.waitUntil(target.exists, timeout=30_000)
    assert target.read_bytes().startswith(b"%PDF")
