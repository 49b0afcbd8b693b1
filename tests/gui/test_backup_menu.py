"""Back up to… and Restore… in the File menu, backups every few minutes, and a second app."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from juryapp.bootstrap import Services
from juryapp.domain.access import Actor
from juryapp.domain.messages import StorageError, Text
from juryapp.gui import app_window
from juryapp.gui.app_window import AppWindow
from juryapp.gui.launch import apply_language
from juryapp.gui.settings import AppSettings
from juryapp.persistence.instance_lock import DatabaseInUseError
from juryapp.services.backups import BackupService, verify_backup
from tests.dump import logical_dump
from tests.gui.conftest import DEMO_TODAY
from tests.persistence.test_instance_lock import hold

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)"),
]

MakeWindow = Callable[[Path], AppWindow]


def secretariat(window: AppWindow) -> Actor:
    actor = window.services.accounts.sign_in("sekretariat", "jakbar2024")
    window.enter(actor)
    return actor


def boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def test_the_file_menu_offers_backup_and_restore_to_the_secretariat_only(
    qtbot, make_window: MakeWindow, demo_db: Path
) -> None:
    window = make_window(demo_db)
    menu = window.backup_menu
    texts = [a.text() for a in window.file_menu.actions()]
    assert "&Cadangkan ke…" in texts and "&Pulihkan…" in texts
    assert not menu.back_up_action.isEnabled() and not menu.restore_action.isEnabled()
    secretariat(window)
    assert menu.back_up_action.isEnabled() and menu.restore_action.isEnabled()
    window.sign_out()
    window.enter(window.services.accounts.sign_in("j1", "1111"))
    assert not menu.back_up_action.isEnabled() and not menu.restore_action.isEnabled()


def test_back_up_to_writes_a_checked_copy(
    qtbot, make_window: MakeWindow, demo_db: Path, tmp_path: Path
) -> None:
    window = make_window(demo_db)
    secretariat(window)
    target = tmp_path / "Flashdisk Siti" / "cadangan.sqlite3"
    target.parent.mkdir()
    window.backup_menu.back_up_to(target)
    qtbot.waitUntil(lambda: any("cadangan.sqlite3" in b.text() for b in boxes()))
    assert verify_backup(target).ok
    for box in boxes():
        box.close()


def test_restore_replaces_the_database_and_signs_everyone_out(
    qtbot, make_window: MakeWindow, demo_db: Path, tmp_path: Path
) -> None:
    window = make_window(demo_db)
    actor = secretariat(window)
    saved = tmp_path / "cadangan.sqlite3"
    window.services.backups.back_up_to(actor, saved)
    before = logical_dump(demo_db)
    window.services.scoring.abstain(actor, "J2", "PKM-06", "sakit")
    text = window.backup_menu.confirm_text(verify_backup(saved))
    assert "cadangan.sqlite3" in text and "demo-backups" in text
    with qtbot.waitSignal(window.backup_menu.restored, timeout=30_000):
        window.backup_menu.restore(saved)
    assert window.actor is None
    assert window.stack.currentWidget() is window.sign_in_page
    added = [line for line in logical_dump(demo_db) if line not in before]
    assert len(added) == 2 and "'database.restore'" in added[0]
    [kept] = BackupService(window.services.database).backups()
    assert kept.reason == "before-restore"


def test_the_periodic_backup_follows_changes_and_warns_once_when_it_fails(
    qtbot, make_window: MakeWindow, demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(demo_db)
    actor = secretariat(window)
    backups = window.services.backups
    window.backup_menu.back_up_if_changed()
    qtbot.waitUntil(lambda: len(backups.backups()) == 1)
    window.services.scoring.abstain(actor, "J2", "PKM-06", "sakit")

    def full() -> None:
        raise StorageError(Text("disk penuh", "the disk is full"))

    monkeypatch.setattr(backups, "back_up_if_changed", full)
    window.backup_menu.back_up_if_changed()
    qtbot.waitUntil(lambda: any("disk penuh" in b.text() for b in boxes()))
    for box in boxes():
        box.close()
    window.backup_menu.back_up_if_changed()
    qtbot.wait(200)
    assert not boxes()  # once, until a backup works again
    monkeypatch.undo()
    window.backup_menu.back_up_if_changed()
    qtbot.waitUntil(lambda: len(backups.backups()) == 2)


def test_a_second_app_on_the_database_says_who_has_it_open_and_stops(
    qtbot,
    qapp: QApplication,
    app_settings: AppSettings,
    indonesian: None,
    services_for: Callable[[Path], Services],
    demo_db: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[BaseException] = []
    monkeypatch.setattr(app_window, "show_error", lambda _parent, exc: shown.append(exc))
    holder = hold(demo_db)
    try:
        window = AppWindow(
            services_for(demo_db),
            app_settings,
            database_path=demo_db,
            switch_language=lambda lang: apply_language(qapp, lang),
            today=DEMO_TODAY,
        )
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.load_failed) as failed:
            window.show()
        [problem] = shown
        assert failed.args == [problem] and isinstance(problem, DatabaseInUseError)
        assert problem.holder is not None and problem.holder.pid == holder.pid
        assert f"proses {holder.pid}" in str(problem) and "juryapp (jendela)" in str(problem)
        assert not window.services.is_open  # this app never opened it
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(30)


def test_opening_a_database_another_app_writes_keeps_the_current_one(
    qtbot, make_window: MakeWindow, demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(demo_db)
    other = tmp_path / "lain.sqlite3"
    other.write_bytes(demo_db.read_bytes())
    shown: list[BaseException] = []
    monkeypatch.setattr(app_window, "show_error", lambda _parent, exc: shown.append(exc))
    holder = hold(other)
    try:
        window.open_database(str(other))
        qtbot.waitUntil(lambda: bool(shown))  # opened off the GUI thread
        [problem] = shown
        assert isinstance(problem, DatabaseInUseError)
        assert window.services.target == demo_db and window.services.database.has_convention()
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(30)
