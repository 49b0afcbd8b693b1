"""The judge's screens: queue, keyboard-only scoring, submission, results and the watcher."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from juryapp.bootstrap import Services
from juryapp.domain.formatting import format_score
from juryapp.domain.kinds import Role, SheetStatus
from juryapp.domain.model import Criterion
from juryapp.gui.app_window import AppWindow
from juryapp.gui.judge.judge_area import JudgeArea
from juryapp.gui.judge.queue_model import STATUS, QueueModel
from juryapp.gui.judge.results_page import ResultsModel
from juryapp.gui.judge.score_entry import ScoreEdit
from juryapp.gui.watcher import DataWatcher
from juryapp.services.changes import Change
from juryapp.services.demo import DemoInfo
from tests.gui.conftest import settle

# A Qt warning fails the test; only the offscreen platform's own limits are let through.
pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)"),
]

# As in conftest: the window is told the demo's second day is today.
DEMO_TODAY = date(2024, 9, 19)

MakeWindow = Callable[[Path], AppWindow]
OpenServices = Callable[[Path], Services]

# The demo's scores for the pending sheet are not in the database: any valid ones will do.
SCORES = "45344534"


def _judge_window(
    qtbot, make_window: MakeWindow, path: Path, username: str, pin: str
) -> tuple[AppWindow, JudgeArea]:
    window = make_window(path)
    window.enter(window.services.accounts.sign_in(username, pin))
    area = window.judge_area
    assert area is not None
    settle(qtbot, window.services)
    return window, area


def _focused(qtbot) -> QWidget:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _stored(services: Services, judge: str, team: str) -> list[Decimal | None]:
    actor = services.accounts.sign_in(judge.lower(), str(int(judge[1:])) * 4)
    view = services.scoring.sheet(actor, judge, team)
    return [line.value for line in view.lines]


def test_queue_model_passes_the_model_tester(
    qtmodeltester, services_for: OpenServices, demo_db: Path
) -> None:
    services = services_for(demo_db)
    actor = services.accounts.sign_in("j2", "2222")
    model = QueueModel()
    model.set_entries(services.scoring.queue(actor), 8, DEMO_TODAY)
    qtmodeltester.check(model)
    assert model.rowCount() == 15


def test_results_model_passes_the_model_tester(
    qtmodeltester, services_for: OpenServices, demo_db: Path
) -> None:
    services = services_for(demo_db)
    secretariat = services.accounts.sign_in("sekretariat", "jakbar2024")
    model = ResultsModel()
    model.set_results(services.results.compute(secretariat))
    qtmodeltester.check(model)
    assert model.rowCount() == 15


def test_queue_puts_today_first_and_greys_out_conflicts(
    qtbot, make_window: MakeWindow, services_for: OpenServices, demo_db: Path
) -> None:
    _window, area = _judge_window(qtbot, make_window, demo_db, "j2", "2222")
    model = area.queue.model
    assert model.entry(0).day_date == DEMO_TODAY
    conflicted = [row for row in range(model.rowCount()) if model.entry(row).conflict]
    assert conflicted
    row = conflicted[0]
    assert model.flags(model.index(row, 0)) == Qt.ItemFlag.NoItemFlags
    assert model.index(row, STATUS).data() == "Dikecualikan (konflik kepentingan)"
    area.queue._open_index(area.queue.proxy.mapFromSource(model.index(row, 0)))
    assert area.stack.currentWidget() is area.queue


def test_judge_scores_the_pending_sheet_by_keyboard_and_submits(
    qtbot,
    make_window: MakeWindow,
    services_for: OpenServices,
    demo_db: Path,
    demo_info: DemoInfo,
) -> None:
    judge, team = demo_info.pending
    window, area = _judge_window(qtbot, make_window, demo_db, "j1", "1111")
    other = services_for(demo_db)  # a second process's view of the same file

    area.queue.select_team(team)
    area.queue.focus_table()
    sheet = area.sheet
    with qtbot.waitSignal(sheet.loaded):
        qtbot.keyClick(area.queue.table, Qt.Key.Key_Return)
    assert area.stack.currentWidget() is sheet
    assert sheet.view is not None and sheet.view.team_code == team
    edits = sheet.score_edits()
    assert len(edits) == len(SCORES)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edits[0])

    # Off the scale: refused at once, naming the criterion and the scale; nothing stored.
    qtbot.keyClick(_focused(qtbot), "7")
    assert "K1" in sheet.message.text() and "1 sampai 5" in sheet.message.text()
    assert _stored(other, judge, team)[0] is None
    assert QApplication.focusWidget() is edits[0]

    for position, digit in enumerate(SCORES):
        qtbot.keyClick(_focused(qtbot), digit)
        assert edits[position].text() == digit  # shown at once, saved in order
        settle(qtbot, window.services)
        stored = _stored(other, judge, team)
        assert stored[position] == Decimal(digit), position
        assert "✓" in sheet.saved_label.text()
        if position == 2:
            # Shift+Tab reaches the previous criterion's note, Tab comes back.
            qtbot.keyClick(_focused(qtbot), Qt.Key.Key_Backtab)
            assert QApplication.focusWidget() is sheet.note_edits()[2]
            qtbot.keyClicks(sheet.note_edits()[2], "analisis akar masalah rapi")
            qtbot.keyClick(_focused(qtbot), Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is edits[3]
        if position == 4:
            # Up goes back, Backspace clears (stored at once), the digit again restores.
            qtbot.keyClick(_focused(qtbot), Qt.Key.Key_Up)
            assert QApplication.focusWidget() is edits[4]
            qtbot.keyClick(_focused(qtbot), Qt.Key.Key_Backspace)
            settle(qtbot, window.services)
            assert _stored(other, judge, team)[4] is None
            qtbot.keyClick(_focused(qtbot), digit)
            settle(qtbot, window.services)
            assert _stored(other, judge, team)[4] == Decimal(digit)

    assert all(edit.value is not None for edit in edits)
    assert "Total" in sheet.total.text() or "Nilai" in sheet.total.text()
    assert window.status_texts()[2].startswith("Semua perubahan tersimpan")

    def accept_confirmation() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        assert "tidak dapat" in box.informativeText()
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(0, accept_confirmation)
    with qtbot.waitSignal(sheet.submitted):
        qtbot.keyClick(_focused(qtbot), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window.services)

    actor = other.accounts.sign_in("sekretariat", "jakbar2024")
    view = other.scoring.sheet(actor, judge, team)
    assert view.status is SheetStatus.SUBMITTED
    assert view.lines[2].note == "analisis akar masalah rapi"
    assert all(edit.isReadOnly() for edit in edits)
    assert not sheet.submit_button.isVisible()
    qtbot.keyClick(edits[0], "1")
    assert other.scoring.sheet(actor, judge, team).lines[0].value == Decimal(SCORES[0])


def test_submitting_an_incomplete_sheet_names_the_missing_criteria(
    qtbot, make_window: MakeWindow, services_for: OpenServices, demo_db: Path, demo_info
) -> None:
    _judge, team = demo_info.pending
    window, area = _judge_window(qtbot, make_window, demo_db, "j1", "1111")
    with qtbot.waitSignal(area.sheet.loaded):
        area.open_team(team)
    qtbot.keyClick(_focused(qtbot), "3")
    # Asked while the score is still being saved: the check waits for it, then says what is
    # missing (K1 is no longer among them).
    qtbot.keyClick(_focused(qtbot), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window.services)
    message = area.sheet.message.text()
    assert "K2" in message and "K8" in message and "K1" not in message
    assert QApplication.focusWidget() is area.sheet.score_edits()[1]


def test_letters_are_refused(qtbot) -> None:
    edit = ScoreEdit(Criterion("K1", "Urgensi", Decimal(10)))
    qtbot.addWidget(edit)
    refused: list[str] = []
    committed: list[object] = []
    edit.refused.connect(refused.append)
    edit.commit_requested.connect(committed.append)
    qtbot.keyClicks(edit, "a0")
    qtbot.keyClick(edit, "5")
    assert refused == ["a", "0"]
    assert committed == [Decimal(5)]


def test_a_ten_point_scale_waits_for_the_second_digit(qtbot) -> None:
    edit = ScoreEdit(Criterion("K1", "Urgensi", Decimal(10), scale_max=Decimal(10)))
    qtbot.addWidget(edit)
    committed: list[object] = []
    edit.commit_requested.connect(committed.append)
    qtbot.keyClick(edit, "1")
    assert committed == [] and edit.pending == "1"
    qtbot.keyClick(edit, "0")
    assert committed == [Decimal(10)]
    qtbot.keyClick(edit, "1")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert committed == [Decimal(10), Decimal(1)]


def test_results_wait_for_release(
    qtbot, make_window: MakeWindow, services_for: OpenServices, demo_db: Path
) -> None:
    _window, area = _judge_window(qtbot, make_window, demo_db, "j3", "3333")
    with qtbot.waitSignal(area.results_shown):
        qtbot.mouseClick(area.queue.results_button, Qt.MouseButton.LeftButton)
    assert area.stack.currentWidget() is area.results
    assert "belum" in area.results.message.text()
    assert area.results.model.rowCount() == 0
    services = services_for(demo_db)  # the secretariat's laptop
    services.results.set_released(services.accounts.sign_in("sekretariat", "jakbar2024"), True)
    # The judge's screen learns it from the trail, without anyone pressing anything.
    qtbot.waitUntil(lambda: area.results.model.rowCount() == 15, timeout=20_000)
    assert area.results.model.index(0, 0).data(Qt.ItemDataRole.DisplayRole) is not None


def test_watcher_tells_what_another_process_changed(
    qtbot, services_for: OpenServices, demo_db: Path
) -> None:
    mine, theirs = services_for(demo_db), services_for(demo_db)
    secretariat = theirs.accounts.sign_in("sekretariat", "jakbar2024")
    assert secretariat.role is Role.SECRETARIAT
    watcher = DataWatcher(mine.changes, mine.runner)
    watcher.start()
    qtbot.waitUntil(lambda: watcher.seen is not None)
    with qtbot.assertNotEmitted(watcher.changed):
        watcher.poll()
        settle(qtbot, mine)
    with qtbot.waitSignal(watcher.changed, timeout=20_000) as told:
        theirs.results.set_released(secretariat, True)
    assert told.args[0].kinds == {Change.RESULTS}
    with qtbot.waitSignal(watcher.changed, timeout=20_000) as told:
        theirs.scoring.abstain(secretariat, "J1", "PKM-02", "juri sakit")
    assert told.args[0].sheets == {("J1", "PKM-02")}
    watcher.stop()


def test_a_save_is_acknowledged_only_once_committed(
    qtbot,
    make_window: MakeWindow,
    services_for: OpenServices,
    demo_db: Path,
    demo_info: DemoInfo,
) -> None:
    judge, team = demo_info.pending
    window, area = _judge_window(qtbot, make_window, demo_db, "j1", "1111")
    sheet, other = area.sheet, services_for(demo_db)
    with qtbot.waitSignal(sheet.loaded):
        area.open_team(team)
    # Hold the changes worker, as a slow disk would: the save waits in line behind it.
    gate = threading.Event()
    held = window.services.runner.change(window, lambda: gate.wait(20)).run()
    qtbot.keyClick(_focused(qtbot), "4")
    assert sheet.score_edits()[0].text() == "4"
    assert sheet.saving and "✓" not in sheet.saved_label.text()
    assert _stored(other, judge, team)[0] is None
    with qtbot.waitSignal(sheet.saved, timeout=20_000):
        gate.set()
    assert not held.is_running
    assert _stored(other, judge, team)[0] == Decimal(4)
    assert "✓" in sheet.saved_label.text() and not sheet.saving


def test_a_refused_save_puts_back_what_was_committed(
    qtbot,
    make_window: MakeWindow,
    services_for: OpenServices,
    demo_db: Path,
    demo_info: DemoInfo,
) -> None:
    judge, team = demo_info.pending
    window, area = _judge_window(qtbot, make_window, demo_db, "j1", "1111")
    sheet = area.sheet
    with qtbot.waitSignal(sheet.loaded):
        area.open_team(team)
    qtbot.keyClick(_focused(qtbot), "3")
    settle(qtbot, window.services)
    area.watcher.stop()  # this screen does not hear of what follows before it saves again
    # Meanwhile the same judge finishes and hands the sheet in at another laptop.
    theirs = services_for(demo_db)
    actor = theirs.accounts.sign_in("j1", "1111")
    for criterion in ("K1", "K2", "K3", "K4", "K5", "K6", "K7", "K8"):
        theirs.scoring.set_score(actor, judge, team, criterion, Decimal(4))
    theirs.scoring.submit(actor, judge, team)
    edit = sheet.score_edits()[0]
    edit.setFocus()
    qtbot.keyClick(edit, "5")
    settle(qtbot, window.services)
    assert edit.text() == "3"  # what this screen last saw committed, not the refused value
    assert "diserahkan" in sheet.message.text()
    assert "✓" in sheet.saved_label.text() and not sheet.saving
    assert _stored(theirs, judge, team)[0] == Decimal(4)


def test_no_judge_screen_shows_other_judges(
    qtbot, make_window: MakeWindow, services_for: OpenServices, demo_db: Path
) -> None:
    window, area = _judge_window(qtbot, make_window, demo_db, "j1", "1111")
    qtbot.mouseClick(area.queue.results_button, Qt.MouseButton.LeftButton)
    services = services_for(demo_db)
    secretariat = services.accounts.sign_in("sekretariat", "jakbar2024")
    services.results.set_released(secretariat, True)
    area.refresh()
    settle(qtbot, window.services)
    model = area.results.model
    # the released rankings arrive off the GUI thread, after any read still resting
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    assert model.rowCount() == 15 and model.columnCount() == 6
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert not any("juri" in str(h).casefold() or "judge" in str(h).casefold() for h in headers)
    cells = [
        str(model.index(row, column).data(Qt.ItemDataRole.DisplayRole))
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    ]
    judges = services.setup.spec().judges
    assert len(judges) == 5
    for judge in judges:
        assert not any(
            judge.name in cell or re.search(rf"\b{judge.code}\b", cell) for cell in cells
        )
    # one final score per team and no judge's own total beside it
    finals = {
        team.institution: format_score(team.score, "id")
        for category in services.results.compute(secretariat).categories
        for team in category.teams
        if team.score is not None
    }
    rows = [cells[row * 6 : row * 6 + 6] for row in range(model.rowCount())]
    assert {row[2]: row[4] for row in rows if row[4] != "—"} == finals
