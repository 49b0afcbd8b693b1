"""Paper entry as the second person uses it: review, abstentions, batches, blind re-entry."""

# The fixtures are imported from secretariat_fixtures, so their names reappear as arguments.
# ruff: noqa: F811

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from juryapp.domain.kinds import SheetStatus
from juryapp.gui.secretariat import SecretariatWindow
from juryapp.gui.secretariat.reentry_dialog import ReentryDialog
from juryapp.services.readiness import OpenKind
from juryapp.services.results import CellState
from tests.gui.conftest import settle
from tests.gui.secretariat_fixtures import Demo, demo, window, window2  # noqa: F401

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)"),
]


def test_a_laptop_sheet_shows_its_scores_as_values_not_boxes(
    qtbot, window: SecretariatWindow, demo: Demo
) -> None:
    window.open_sheet("J2", "RSUD-01")  # handed in at a laptop, waiting
    settle(qtbot, demo.services)
    paper = window.paper
    assert all(field.isReadOnly() for field in paper.fields.values())
    assert all(field.text() for field in paper.fields.values())
    assert "laptop" in paper.status.text()
    assert paper.confirm_button.text() == "&Confirm this laptop sheet"
    # The status has room for every line it can hold: the form does not move between sheets.
    top = paper.form.y()
    window.open_sheet("J1", "RSS-04")
    settle(qtbot, demo.services)
    assert paper.form.y() == top
    assert not any(field.isReadOnly() for field in paper.fields.values())


def test_an_abstention_is_recorded_with_a_reason_and_can_be_undone(
    qtbot, window: SecretariatWindow, demo: Demo
) -> None:
    judge, team = demo.info.pending or ("", "")
    window.open_sheet(judge, team)
    settle(qtbot, demo.services)
    paper = window.paper
    assert paper.abstain_button.text() == "Judge did &not score it…"
    paper.abstain("juri berhalangan hadir")
    settle(qtbot, demo.services)
    assert paper.sheet is not None and paper.sheet.abstained
    assert "did not score" in paper.status.text()
    assert paper.abstain_button.text() == "&Undo 'did not score'…"
    progress = demo.services.results.progress(demo.sek1)
    assert progress.cells[(judge, team)].state is CellState.ABSTAINED
    assert demo.services.readiness.before_lock(demo.sek1).count(OpenKind.MISSING) == 0
    paper.abstain("")
    settle(qtbot, demo.services)
    # Expected again: an empty sheet waits for the scores, and blocks the lock until then.
    cell = demo.services.results.progress(demo.sek1).cells[(judge, team)]
    assert (cell.state, cell.filled) == (CellState.DRAFT, 0)
    assert demo.services.readiness.before_lock(demo.sek1).count(OpenKind.DRAFT) == 1


def test_a_judges_laptop_sheets_are_confirmed_in_one_action(
    qtbot, qtmodeltester: ModelTester, window: SecretariatWindow, demo: Demo
) -> None:
    window.show_page(window.PAPER)
    settle(qtbot, demo.services)
    panel = window.paper.waiting
    qtmodeltester.check(panel.model)
    window.open_sheet("J3", "RSUD-01")
    settle(qtbot, demo.services)
    assert panel.batch_button.text() == "Confirm all 7 laptop sheets of J3…"
    with qtbot.waitSignal(window.paper.confirmed_judge, timeout=20_000) as confirmed:
        window.paper.confirm_judge("J3")
    outcome = confirmed.args[0]
    assert len(outcome.confirmed) == 7
    settle(qtbot, demo.services)  # the list follows through the window's watcher
    assert panel.model.rowCount() == 32 - 7
    statuses = {demo.services.scoring.sheet(demo.sek1, "J3", t).status for t in outcome.confirmed}
    assert statuses == {SheetStatus.CONFIRMED}
    assert not panel.batch_button.isEnabled()


def test_confirming_moves_on_to_the_next_waiting_sheet(
    qtbot, window: SecretariatWindow, demo: Demo
) -> None:
    window.open_sheet("J1", "RSUD-01")
    settle(qtbot, demo.services)
    window.paper.confirm()
    settle(qtbot, demo.services)
    assert window.paper.sheet is not None
    assert (window.paper.sheet.judge_code, window.paper.sheet.team_code) == ("J2", "RSUD-01")
    assert "Next: J2 × RSUD-01" in window.paper.notice.text()


def test_blind_re_entry_shows_differences_side_by_side(
    qtbot,
    qtmodeltester: ModelTester,
    window: SecretariatWindow,
    window2: SecretariatWindow,
    demo: Demo,
) -> None:
    judge, team = demo.info.pending or ("", "")
    window.open_sheet(judge, team)
    settle(qtbot, demo.services)
    for code in window.paper.fields:
        assert window.paper.save_score(code, "4")
    window.paper.submit()
    settle(qtbot, demo.services)
    with qtbot.waitSignal(window.paper.reentry_ready) as ready:
        window.paper.ask_for_reentry()
    own = ready.args[0]
    assert isinstance(own, ReentryDialog)
    qtbot.addWidget(own)
    assert not own.compare_button.isEnabled()  # the typist cannot be the second person
    window2.open_sheet(judge, team)
    settle(qtbot, demo.services)
    with qtbot.waitSignal(window2.paper.reentry_ready) as ready:
        window2.paper.ask_for_reentry()
    dialog = ready.args[0]
    qtbot.addWidget(dialog)
    assert dialog.compare_button.isEnabled()
    for field in dialog.fields.values():
        field.setText("4")
    dialog.fields["K2"].setText("x")
    assert not dialog.compare() and "K2" in dialog.error.text()
    dialog.fields["K2"].setText("3")
    with qtbot.waitSignal(dialog.compared) as compared:
        assert dialog.compare()
    assert not compared.args[0].confirmed and not dialog.confirmed
    qtmodeltester.check(dialog.differences)
    row = [dialog.differences.index(0, c).data() for c in range(3)]
    assert row[1:] == ["4", "3"] and row[0].startswith("K2")
    assert "Rina" in str(dialog.differences.headerData(1, Qt.Orientation.Horizontal))


def test_a_reason_is_asked_before_anything_is_recorded(qtbot) -> None:
    from juryapp.gui.dialogs import ReasonDialog  # noqa: PLC0415

    dialog = ReasonDialog(None, "Juri tidak menilai tim", "Alasan:", "&Catat")
    qtbot.addWidget(dialog)
    assert dialog.action.text() == "&Catat" and not dialog.action.isEnabled()
    qtbot.keyClicks(dialog.reason, "   ")
    assert not dialog.action.isEnabled()
    qtbot.keyClicks(dialog.reason, "tidak hadir")
    assert dialog.action.isEnabled()
