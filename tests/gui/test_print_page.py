"""Tests of the secretariat's print screen: draft and signed PDFs, and verifying them."""

# The fixtures are imported from secretariat_fixtures, so their names reappear as arguments.
# ruff: noqa: F811

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from juryapp.gui.secretariat import SecretariatWindow, print_page
from juryapp.gui.secretariat.print_page import PrintPage
from juryapp.gui.secretariat.verification_box import VerificationBox
from juryapp.services.demo import DEMO_PASSPHRASE
from juryapp.services.publishing import Kind
from tests.gui.conftest import settle
from tests.gui.secretariat_fixtures import Demo, demo, window  # noqa: F401

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The offscreen platform cannot raise windows or pass size hints; that is not a bug here.
OFFSCREEN_LIMITS = "This plugin does not support"

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS),
    # The services still call Result.tuples(), deprecated in SQLAlchemy 2.1; not ours to fix.
    pytest.mark.filterwarnings("ignore:The Result.tuples:DeprecationWarning"),
]

# Printing every document of the demo takes long; these two are enough to see the flow.
KINDS = {Kind.RECAP, Kind.MINUTES}


def _print(qtbot: QtBot, page: PrintPage, folder: Path) -> None:
    """Print recap and minutes into ``folder`` by clicking, and wait for the file list."""
    if not page.isVisible():
        # A click reaches only a widget on the screen.
        page.window().show()
        qtbot.waitExposed(page.window())
    page.set_kinds(KINDS)
    page.set_output_folder(folder)
    page.files.set_files([])
    with pytest.MonkeyPatch.context() as patch:  # the passphrase dialog, answered
        patch.setattr(print_page, "ask_passphrase", lambda _parent, _title: DEMO_PASSPHRASE)
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.files.rowCount() > 0, timeout=60_000)


def _verify(qtbot: QtBot, page: PrintPage, path: Path) -> VerificationBox:
    page.verify_file(path)

    def shown() -> bool:
        box = page.verification_box
        return box is not None and box.path == path and box.isVisible()

    qtbot.waitUntil(shown, timeout=30_000)
    assert page.verification_box is not None
    return page.verification_box


def _settle(demo: Demo) -> None:
    """The sheet the demo leaves empty: the judge was absent (locking needs every sheet)."""
    judge, team = demo.info.pending or ("", "")
    demo.services.scoring.abstain(demo.sek1, judge, team, "juri berhalangan hadir")


def _lock(demo: Demo) -> None:
    _settle(demo)
    demo.services.locking.lock(demo.sek1, "rekap final untuk pleno", DEMO_PASSPHRASE)


def test_print_is_a_page_after_results(window: SecretariatWindow) -> None:
    window.show_page(window.PRINT)
    assert window.stack.currentWidget() is window.print
    assert window.PRINT == window.RESULTS + 1
    assert window.navigation.item(window.PRINT).text() == "Print"


def test_drafts_are_printed_unsigned(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    window: SecretariatWindow,
    demo: Demo,
    tmp_path: Path,
) -> None:
    window.show_page(window.PRINT)
    settle(qtbot, demo.services)
    page = window.print
    assert "DRAFT" in page.state_text.text()
    assert page.fingerprint.isHidden()
    out = tmp_path / "dokumen"
    _print(qtbot, page, out)
    files = page.files.files()
    assert {w.kind for w in files} == {Kind.RECAP, Kind.MINUTES, "all"}
    assert all(w.path.parent == out and w.path.is_file() for w in files)
    assert not any(w.signed for w in files)
    assert page.files.index(0, 2).data() == "No (draft)"
    assert "draft" in page.notice.text()
    assert page.open_folder_button.isEnabled()
    qtmodeltester.check(page.files)


def test_nothing_to_print_without_a_document_kind(window: SecretariatWindow) -> None:
    page = window.print
    page.set_kinds(set())
    assert not page.print_button.isEnabled()
    assert page.create_pdfs() is None


def test_locked_results_print_signed_and_verify_as_valid(
    qtbot: QtBot, window: SecretariatWindow, demo: Demo, tmp_path: Path
) -> None:
    _lock(demo)
    window.show_page(window.PRINT)
    settle(qtbot, demo.services)
    page = window.print
    key = demo.services.keys.active(demo.sek1)
    assert key is not None
    assert "locked" in page.state_text.text()
    assert page.fingerprint.text() == key.fingerprint
    assert page.fingerprint.isVisibleTo(page)
    _print(qtbot, page, tmp_path / "final")
    files = page.files.files()
    assert all(w.signed for w in files)
    assert page.files.index(0, 2).data() == "Yes"

    recap = next(w.path for w in files if w.kind == Kind.RECAP)
    box = _verify(qtbot, page, recap)
    assert box.verdict == "Valid"
    assert box.text().startswith("Valid:")
    assert "Matches this database: yes" in box.informativeText()
    version = demo.services.results.lock_state().version
    assert f"results version {version}." in box.informativeText()
    box.close()


def test_a_tampered_copy_is_not_valid(
    qtbot: QtBot, window: SecretariatWindow, demo: Demo, tmp_path: Path
) -> None:
    _lock(demo)
    window.show_page(window.PRINT)
    settle(qtbot, demo.services)
    page = window.print
    _print(qtbot, page, tmp_path / "final")
    minutes = next(w.path for w in page.files.files() if w.kind == Kind.MINUTES)
    data = bytearray(minutes.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))

    box = _verify(qtbot, page, tampered)
    assert box.verdict == "Not valid"
    assert box.text().startswith("Not valid:")
    assert box.report.verdict.problems
    assert box.informativeText().startswith("• ")


def test_a_draft_is_not_valid(
    qtbot: QtBot, window: SecretariatWindow, demo: Demo, tmp_path: Path
) -> None:
    window.show_page(window.PRINT)
    settle(qtbot, demo.services)
    page = window.print
    _print(qtbot, page, tmp_path / "draft")
    box = _verify(qtbot, page, page.files.files()[0].path)
    assert box.verdict == "Not valid"
    assert "The file is not signed." in box.informativeText()


def test_locking_on_the_results_page_updates_the_print_page(
    qtbot: QtBot, window: SecretariatWindow, demo: Demo
) -> None:
    window.show_page(window.PRINT)
    settle(qtbot, demo.services)
    assert "DRAFT" in window.print.state_text.text()
    _settle(demo)
    window.show_page(window.RESULTS)
    settle(qtbot, demo.services)
    window.results.lock("rekap final untuk pleno", DEMO_PASSPHRASE)
    settle(qtbot, demo.services)  # the watcher marks the print screen out of date
    window.show_page(window.PRINT)
    settle(qtbot, demo.services)
    key = demo.services.keys.active(demo.sek1)
    assert key is not None
    assert window.print.fingerprint.text() == key.fingerprint


def test_a_cancelled_print_says_so(qtbot: QtBot, window: SecretariatWindow, tmp_path: Path) -> None:
    page = window.print
    page.set_kinds(KINDS)
    page.set_output_folder(tmp_path)
    task = page.create_pdfs()
    assert task is not None
    assert not page.print_button.isEnabled()
    # Rendering takes far longer than this line, so the work sees the request at a report.
    with qtbot.waitSignal(task.cancelled, timeout=30_000):
        task.cancel()
    assert "cancelled" in page.notice.text()
    assert page.files.rowCount() == 0
    assert page.print_button.isEnabled()
