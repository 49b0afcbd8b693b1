"""High-stakes actions ask first; the lock lists what is open; no edit is lost in silence."""

# The fixtures are imported from secretariat_fixtures, so their names reappear as arguments.
# ruff: noqa: F811

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester

from juryapp.domain.messages import Text
from juryapp.gui import dialogs
from juryapp.gui.app_window import AppWindow
from juryapp.gui.secretariat import SecretariatWindow
from juryapp.gui.secretariat.lock_dialog import LockDialog
from juryapp.services.demo import DEMO_PASSPHRASE
from juryapp.services.readiness import OpenItem, OpenKind, Readiness
from tests.gui.conftest import settle
from tests.gui.secretariat_fixtures import Demo, demo, window, window2  # noqa: F401

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)"),
]

MakeWindow = Callable[[Path], AppWindow]


class Answers:
    """Stands in for a question's dialog: records what was asked, answers as told."""

    def __init__(self, answer: object) -> None:
        self.answer = answer
        self.asked: list[tuple[object, ...]] = []

    def __call__(self, *args: object, **kwargs: object) -> object:
        self.asked.append(args)
        return self.answer


def settle_pending(demo: Demo) -> None:
    judge, team = demo.info.pending or ("", "")
    demo.services.scoring.abstain(demo.sek1, judge, team, "juri berhalangan hadir")


# --- releasing, locking, unlocking ---------------------------------------------------------
def test_a_confirmation_names_the_action_on_its_button(qtbot) -> None:
    box, button = dialogs.confirmation_box(
        None, "Tampilkan hasil ke juri", "Tampilkan?", "&Tampilkan ke juri"
    )
    qtbot.addWidget(box)
    assert button.text() == "&Tampilkan ke juri"
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)


def test_releasing_results_asks_and_can_be_declined(
    qtbot, monkeypatch: pytest.MonkeyPatch, window: SecretariatWindow, demo: Demo
) -> None:
    window.show_page(window.RESULTS)
    settle(qtbot, demo.services)
    declined = Answers(False)
    monkeypatch.setattr(dialogs, "confirm", declined)
    window.results.release_button.click()
    settle(qtbot, demo.services)
    assert declined.asked and declined.asked[0][3] == "&Show to judges"
    assert not demo.services.results.lock_state().released
    monkeypatch.setattr(dialogs, "confirm", Answers(True))
    window.results.release_button.click()
    settle(qtbot, demo.services)
    assert demo.services.results.lock_state().released
    assert window.results.release_button.text() == "&Withhold from judges…"


def test_the_lock_dialog_says_what_locking_does_and_lists_what_is_open(
    qtbot, qtmodeltester: ModelTester, window: SecretariatWindow, demo: Demo
) -> None:
    window.show_page(window.RESULTS)
    settle(qtbot, demo.services)
    with qtbot.waitSignal(window.results.lock_dialog_ready, timeout=20_000) as ready:
        window.results.ask_for_lock_dialog()
    dialog = ready.args[0]
    qtbot.addWidget(dialog)
    assert "final and signed" in dialog.explain.text() and "new version" in dialog.explain.text()
    kinds = [item.kind for item in dialog.readiness.items]
    assert kinds[0] is OpenKind.MISSING and kinds.count(OpenKind.MISSING) == 1
    assert kinds.count(OpenKind.UNCONFIRMED) == 32  # the second day's laptop sheets
    assert not dialog.lock_button.isEnabled() and dialog.reason.isHidden()
    assert len(dialog.go_buttons) == len(kinds)
    qtmodeltester.check(dialog.model)
    with qtbot.waitSignal(dialog.go_to_sheet) as went:
        dialog.go_buttons[0].click()
    judge, team = demo.info.pending or ("", "")
    assert went.args == [judge, team]
    settle(qtbot, demo.services)
    assert window.stack.currentWidget() is window.paper
    assert window.paper.sheet is not None
    assert (window.paper.sheet.judge_code, window.paper.sheet.team_code) == (judge, team)


def test_unconfirmed_sheets_lock_only_with_a_reason(
    qtbot, window: SecretariatWindow, demo: Demo
) -> None:
    settle_pending(demo)
    window.show_page(window.RESULTS)
    settle(qtbot, demo.services)
    with qtbot.waitSignal(window.results.lock_dialog_ready, timeout=20_000) as ready:
        window.results.ask_for_lock_dialog()
    dialog = ready.args[0]
    qtbot.addWidget(dialog)
    assert dialog.readiness.can_lock and not dialog.reason.isHidden()
    assert not dialog.lock_button.isEnabled()
    qtbot.keyClicks(dialog.reason, "dikonfirmasi pada rekap kertas")
    assert not dialog.lock_button.isEnabled()  # the key's passphrase is still missing
    qtbot.keyClicks(dialog.passphrase, DEMO_PASSPHRASE)
    assert dialog.lock_button.isEnabled()


def test_a_tie_item_takes_the_person_to_its_category(
    qtbot, window: SecretariatWindow, demo: Demo
) -> None:
    window.show_page(window.RESULTS)
    settle(qtbot, demo.services)
    tie = OpenItem(OpenKind.CUT_LINE_TIE, "RSUD", ("RSUD-01", "RSUD-02"), None, Text("a", "a"))
    dialog = LockDialog(Readiness((tie,)), 1, window.results)
    dialog.go_to_category.connect(window.results.show_tie)
    assert dialog.go_buttons[0].text() == "Decide the tie"
    dialog.go_buttons[0].click()
    assert window.results.current_category() is not None
    assert window.results.current_category().code == "RSUD"  # type: ignore[union-attr]


def test_unlocking_asks_for_a_reason_with_the_action_on_its_button(
    qtbot, monkeypatch: pytest.MonkeyPatch, window: SecretariatWindow, demo: Demo
) -> None:
    settle_pending(demo)
    demo.services.locking.lock(demo.sek1, "rekap final", DEMO_PASSPHRASE)
    window.show_page(window.RESULTS)
    settle(qtbot, demo.services)
    assert window.results.lock_button.text() == "&Unlock the results…"
    asked = Answers(None)
    monkeypatch.setattr(dialogs, "ask_reason", asked)
    window.results.lock_button.click()
    settle(qtbot, demo.services)
    assert asked.asked[0][3] == "&Unlock the results" and "version 2" in str(asked.asked[0][2])
    assert demo.services.results.lock_state().locked
    monkeypatch.setattr(dialogs, "ask_reason", Answers("koreksi nilai RSUD-02"))
    window.results.lock_button.click()
    settle(qtbot, demo.services)
    assert not demo.services.results.lock_state().locked


def test_removing_a_row_asks_first(qtbot, window: SecretariatWindow, demo: Demo) -> None:
    window.show_page(window.SETUP)
    settle(qtbot, demo.services)
    editor = window.setup.team_editor
    asked = Answers(False)
    editor.ask = asked  # type: ignore[assignment]
    editor.view.selectRow(0)
    assert not editor.remove_selected()
    assert window.setup.teams.rowCount() == 15
    assert "PKM-01" in str(asked.asked[0][2]) and asked.asked[0][3] == "&Remove team"
    editor.ask = Answers(True)  # type: ignore[assignment]
    assert editor.remove_selected()
    assert window.setup.teams.rowCount() == 14
    assert window.setup.has_unsaved()


# --- unsaved work --------------------------------------------------------------------------
def _edit_venue(window: SecretariatWindow, text: str) -> None:
    venue = window.setup.info_fields["venue"]
    venue.setText(text)
    venue.textEdited.emit(text)


def test_leaving_a_screen_with_unsaved_edits_asks(
    qtbot, window: SecretariatWindow, demo: Demo
) -> None:
    window.show_page(window.SETUP)
    settle(qtbot, demo.services)
    with qtbot.waitSignal(window.unsaved_changed) as changed:
        _edit_venue(window, "Aula Kantor Wali Kota")
    assert changed.args == [True]
    stay = Answers(dialogs.Unsaved.CANCEL)
    window.ask_unsaved = stay  # type: ignore[assignment]
    window.show_page(window.RESULTS)
    assert stay.asked and window.stack.currentWidget() is window.setup
    assert window.navigation.currentRow() == window.SETUP
    window.ask_unsaved = Answers(dialogs.Unsaved.SAVE)  # type: ignore[assignment]
    window.show_page(window.RESULTS)
    settle(qtbot, demo.services)  # saved first, then on to the screen asked for
    assert window.stack.currentWidget() is window.results
    assert demo.services.setup.spec().info.venue == "Aula Kantor Wali Kota"
    assert not window.has_unsaved()


def test_discarding_unsaved_edits_puts_the_stored_set_up_back(
    qtbot, window: SecretariatWindow, demo: Demo
) -> None:
    window.show_page(window.SETUP)
    settle(qtbot, demo.services)
    before = demo.services.setup.spec().info.venue
    _edit_venue(window, "Ruang lain")
    window.ask_unsaved = Answers(dialogs.Unsaved.DISCARD)  # type: ignore[assignment]
    assert window.confirm_leave()
    settle(qtbot, demo.services)
    assert window.setup.info_fields["venue"].text() == before
    assert demo.services.setup.spec().info.venue == before


def test_sign_out_and_quit_ask_about_unsaved_edits_and_the_status_bar_says_so(
    qtbot, make_window: MakeWindow, demo_db: Path
) -> None:
    main = make_window(demo_db)
    main.enter(main.services.accounts.sign_in("sekretariat", "jakbar2024"))
    area = main.stack.currentWidget()
    assert isinstance(area, SecretariatWindow)
    area.show_page(area.SETUP)
    settle(qtbot, main.services)
    assert main.status_texts()[2].startswith("Semua perubahan tersimpan")
    _edit_venue(area, "Aula baru")
    assert main.isWindowModified()
    unsaved = "Ada perubahan yang belum disimpan di layar Pengaturan atau Jadwal"
    assert main.status_texts()[2] == unsaved
    area.ask_unsaved = Answers(dialogs.Unsaved.CANCEL)  # type: ignore[assignment]
    assert not main.sign_out()
    assert main.actor is not None
    assert not main.close()  # quitting waits too
    assert main.isVisible()
    area.ask_unsaved = Answers(dialogs.Unsaved.DISCARD)  # type: ignore[assignment]
    assert main.sign_out()
    assert main.actor is None and not main.isWindowModified()


def test_saving_on_the_way_out_signs_out_once_saved(
    qtbot, make_window: MakeWindow, demo_db: Path
) -> None:
    main = make_window(demo_db)
    main.enter(main.services.accounts.sign_in("sekretariat", "jakbar2024"))
    area = main.stack.currentWidget()
    assert isinstance(area, SecretariatWindow)
    area.show_page(area.SETUP)
    settle(qtbot, main.services)
    _edit_venue(area, "Aula yang disimpan")
    area.ask_unsaved = Answers(dialogs.Unsaved.SAVE)  # type: ignore[assignment]
    assert not main.sign_out()  # not yet: the edits are being saved
    settle(qtbot, main.services)
    assert main.actor is None  # signed out once they were
    assert main.services.setup.spec().info.venue == "Aula yang disimpan"


def test_a_failed_save_leaves_the_edits_marked_unsaved(
    qtbot, window: SecretariatWindow, demo: Demo
) -> None:
    window.show_page(window.SETUP)
    settle(qtbot, demo.services)
    teams = window.setup.teams
    assert teams.setData(teams.index(0, 2), "XYZ")
    window.setup.save()
    settle(qtbot, demo.services)
    assert window.setup.has_unsaved() and window.has_unsaved()
    assert window.setup.problems.count() >= 1


def test_the_set_up_is_read_only_while_the_results_are_locked(
    qtbot, window: SecretariatWindow, demo: Demo
) -> None:
    settle_pending(demo)
    demo.services.locking.lock(demo.sek1, "rekap final", DEMO_PASSPHRASE)
    window.show_page(window.SETUP)
    settle(qtbot, demo.services)
    setup = window.setup
    assert setup.locked and not setup.locked_note.isHidden()
    assert setup.teams.read_only
    assert not setup.teams.flags(setup.teams.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    assert not setup.team_editor.add_button.isEnabled()
    assert not setup.save_button.isEnabled()
    assert setup.info_fields["venue"].isReadOnly()
    assert not setup.files.buttons["teams"].isEnabled()
    assert setup.files.buttons["convention-out"].isEnabled()  # reading out is still fine
    window.show_page(window.SCHEDULE)
    settle(qtbot, demo.services)
    assert window.schedule.locked and not window.schedule.up_button.isEnabled()
