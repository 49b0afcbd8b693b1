"""Tests of the secretariat screens: progress, paper entry, results and schedule."""

# The fixtures are imported from secretariat_fixtures, so their names reappear as arguments.
# ruff: noqa: F811

from __future__ import annotations

import os
from datetime import datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from juryapp.domain import messages
from juryapp.domain.kinds import Method, SheetStatus
from juryapp.gui.i18n import install_translators
from juryapp.gui.secretariat import SecretariatWindow
from juryapp.gui.secretariat.common import CODE_ROLE
from juryapp.gui.secretariat.progress_model import STATE_ROLE
from juryapp.gui.secretariat.results_models import CODE, SCORE, TIE, RankingModel
from juryapp.gui.secretariat.schedule_page import now_and_next
from juryapp.services.demo import DEMO_PASSPHRASE
from juryapp.services.results import CellState
from tests.gui.conftest import settle
from tests.gui.secretariat_fixtures import Demo, demo, window, window2  # noqa: F401

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# A Qt warning is a bug in the widget or the test, as in qutebrowser.
pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    # The services still call Result.tuples(), deprecated in SQLAlchemy 2.1; not ours to fix.
    pytest.mark.filterwarnings("ignore:The Result.tuples:DeprecationWarning"),
]

# The offscreen platform cannot raise windows or pass size hints; that is not a bug here.
OFFSCREEN_LIMITS = "This plugin does not support"


def _cell(window: SecretariatWindow, judge: str, team: str) -> QModelIndex:
    model = window.dashboard.model
    row = next(r for r, t in enumerate(model.table.rows) if t.code == team)
    column = 1 + [code for code, _name in model.table.judges].index(judge)
    return model.index(row, column)


def _fill(qtbot: QtBot, window: SecretariatWindow, demo: Demo, judge: str, team: str) -> None:
    """Type a whole paper sheet for (judge, team) through the paper-entry screen."""
    window.open_sheet(judge, team)
    settle(qtbot, demo.services)
    for criterion in demo.services.setup.spec().criteria:
        assert window.paper.save_score(criterion.code, "4")
    settle(qtbot, demo.services)


# --- models --------------------------------------------------------------------------------


def test_every_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, window: SecretariatWindow, demo: Demo
) -> None:
    for page in range(window.stack.count()):
        window.show_page(page)
    window.results.details.setCurrentWidget(window.results.compare_view)  # filled when shown
    settle(qtbot, demo.services)
    window.results.ranking_view.selectRow(0)
    setup = window.setup
    models = [
        window.dashboard.model,
        window.paper.pending,
        window.results.ranking,
        window.results.breakdown,
        window.results.compare,
        window.schedule.model,
        setup.days,
        setup.categories,
        setup.rubric.criteria,
        setup.rubric.levels,
        setup.teams,
        setup.judges,
        setup.conflicts,
        window.accounts.model,
    ]
    for model in models:
        assert model.rowCount() > 0, type(model).__name__
        qtmodeltester.check(model, force_py=True)


# --- dashboard -----------------------------------------------------------------------------


def test_dashboard_shows_the_demo_states(
    qtbot: QtBot, window: SecretariatWindow, demo: Demo
) -> None:
    window.show_page(window.DASHBOARD)
    settle(qtbot, demo.services)
    totals = window.dashboard.totals
    assert totals[CellState.CONFIRMED].text().endswith(": 39")
    assert totals[CellState.SUBMITTED].text().endswith(": 32")
    assert totals[CellState.CONFLICT].text().endswith(": 3")
    assert totals[CellState.NOT_STARTED].text().endswith(": 1")
    judge, team = demo.info.pending
    assert _cell(window, judge, team).data(STATE_ROLE) == CellState.NOT_STARTED.value
    assert _cell(window, "J1", "PKM-01").data() == "✓"
    assert _cell(window, "J3", "PKM-04").data(STATE_ROLE) == CellState.CONFLICT.value
    assert _cell(window, "J1", "RSUD-01").data(STATE_ROLE) == CellState.SUBMITTED.value
    teams = [row.code for row in window.dashboard.model.table.rows]
    assert teams[0] == "PKM-01" and teams[-1] == "RSS-04"  # schedule order


def test_dashboard_follows_a_saved_score_without_a_reset(
    qtbot: QtBot, window: SecretariatWindow, demo: Demo
) -> None:
    window.show_page(window.DASHBOARD)
    settle(qtbot, demo.services)
    window.dashboard.view.verticalScrollBar().setValue(3)
    judge, team = demo.info.pending
    demo.services.scoring.set_score(demo.sek2, judge, team, "K1", Decimal(4))
    with qtbot.assertNotEmitted(window.dashboard.model.modelReset):
        window.refresh()
        settle(qtbot, demo.services)
    cell = _cell(window, judge, team)
    assert cell.data(STATE_ROLE) == CellState.DRAFT.value
    assert cell.data() == "1/8"
    assert window.dashboard.totals[CellState.DRAFT].text().endswith(": 1")


def test_dashboard_sorts_by_team_and_by_a_judges_state_and_keeps_it_on_refresh(
    qtbot: QtBot, qtmodeltester: ModelTester, window: SecretariatWindow, demo: Demo
) -> None:
    window.show_page(window.DASHBOARD)
    settle(qtbot, demo.services)
    view, model = window.dashboard.view, window.dashboard.model
    codes = lambda: [row.code for row in model.table.rows]  # noqa: E731
    view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert codes()[0] == "RSUD-03" and codes() == sorted(codes(), reverse=True)
    judge, team = demo.info.pending  # J1 has not started RSS-04: first by state
    view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert codes()[0] == team
    assert _cell(window, judge, team).data(STATE_ROLE) == CellState.NOT_STARTED.value
    window.refresh()
    settle(qtbot, demo.services)
    assert codes()[0] == team  # a refresh keeps the order the person chose
    qtmodeltester.check(model)


def test_double_click_opens_the_sheet_in_paper_entry(
    qtbot: QtBot, window: SecretariatWindow, demo: Demo
) -> None:
    window.show_page(window.DASHBOARD)
    settle(qtbot, demo.services)
    with qtbot.waitSignal(window.dashboard.open_sheet) as blocker:
        window.dashboard.view.doubleClicked.emit(_cell(window, "J2", "RSUD-01"))
    assert blocker.args == ["J2", "RSUD-01"]
    settle(qtbot, demo.services)
    assert window.stack.currentWidget() is window.paper
    assert window.paper.sheet is not None
    assert (window.paper.sheet.judge_code, window.paper.sheet.team_code) == ("J2", "RSUD-01")


# --- paper entry ---------------------------------------------------------------------------


@pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)
def test_scores_are_typed_with_the_keyboard(
    qtbot: QtBot, window: SecretariatWindow, demo: Demo
) -> None:
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    judge, team = demo.info.pending
    window.open_sheet(judge, team)
    settle(qtbot, demo.services)
    first = window.paper.fields["K1"]
    qtbot.waitUntil(first.isVisible)  # a layout shows new children on the next event loop
    first.setFocus()
    qtbot.keyClicks(first, "4")
    qtbot.keyClick(first, Qt.Key.Key_Return)
    assert window.focusWidget() is window.paper.fields["K2"]  # on at once, saved in order
    settle(qtbot, demo.services)
    assert window.paper.sheet is not None and window.paper.sheet.filled == 1
    qtbot.keyClicks(window.paper.fields["K2"], "9")
    qtbot.keyClick(window.paper.fields["K2"], Qt.Key.Key_Return)
    settle(qtbot, demo.services)
    assert not window.paper.notice.isHidden()
    assert "K2" in window.paper.notice.text()
    stored = demo.services.scoring.sheet(demo.sek1, judge, team)
    assert stored.filled == 1


def test_two_person_rule_for_paper_sheets(
    qtbot: QtBot, window: SecretariatWindow, window2: SecretariatWindow, demo: Demo
) -> None:
    judge, team = demo.info.pending or ("", "")
    _fill(qtbot, window, demo, judge, team)
    window.paper.submit()
    settle(qtbot, demo.services)
    assert window.paper.sheet is not None
    assert window.paper.sheet.status is SheetStatus.SUBMITTED
    # The confirm button stays usable so that pressing it explains the rule.
    assert window.paper.confirm_button.isEnabled()
    again = dict.fromkeys(window.paper.fields, "4")
    assert window.paper.confirm_by_reentry(again)
    settle(qtbot, demo.services)
    assert not window.paper.notice.isHidden()
    assert window.paper.notice.text().startswith("Lembar ini diketik oleh")  # a sentence
    assert "konfirmasi harus oleh petugas sekretariat lain" in window.paper.notice.text()
    assert demo.services.scoring.sheet(demo.sek1, judge, team).status is SheetStatus.SUBMITTED

    window2.open_sheet(judge, team)
    settle(qtbot, demo.services)
    with qtbot.waitSignal(window2.paper.confirmed):
        assert window2.paper.confirm_by_reentry(again)
    assert demo.services.scoring.sheet(demo.sek1, judge, team).status is SheetStatus.CONFIRMED
    assert window2.paper.sheet is not None


def test_pending_list_holds_submitted_sheets(
    qtbot: QtBot, window: SecretariatWindow, demo: Demo
) -> None:
    window.show_page(window.PAPER)
    settle(qtbot, demo.services)
    rows = window.paper.pending.rowCount()
    assert rows == 32
    window.paper.pending_view.selectRow(0)
    settle(qtbot, demo.services)
    assert window.paper.sheet is not None
    assert window.paper.sheet.status is SheetStatus.SUBMITTED


def test_correction_needs_a_reason_and_a_fresh_confirmation(
    qtbot: QtBot, window: SecretariatWindow, window2: SecretariatWindow, demo: Demo
) -> None:
    window.open_sheet("J1", "PKM-01")
    settle(qtbot, demo.services)
    window.paper.correct("K1", "2", "  ")
    settle(qtbot, demo.services)
    assert not window.paper.notice.isHidden()
    assert demo.services.scoring.sheet(demo.sek1, "J1", "PKM-01").lines[0].value != Decimal(2)
    assert window.paper.correct("K1", "2", "salah ketik dari formulir")
    settle(qtbot, demo.services)
    assert demo.services.scoring.sheet(demo.sek1, "J1", "PKM-01").status is SheetStatus.SUBMITTED
    window.paper.confirm()  # sek1 corrected it: refused
    settle(qtbot, demo.services)
    assert "sekretariat lain" in window.paper.notice.text()
    window2.open_sheet("J1", "PKM-01")
    settle(qtbot, demo.services)
    window2.paper.confirm()
    settle(qtbot, demo.services)
    assert demo.services.scoring.sheet(demo.sek1, "J1", "PKM-01").status is SheetStatus.CONFIRMED


def test_reopen_gives_the_sheet_back_as_a_draft(
    qtbot: QtBot, window: SecretariatWindow, demo: Demo
) -> None:
    window.open_sheet("J2", "RSUD-01")
    settle(qtbot, demo.services)
    window.paper.reopen("")
    settle(qtbot, demo.services)
    assert not window.paper.notice.isHidden()  # a reason is required
    assert demo.services.scoring.sheet(demo.sek1, "J2", "RSUD-01").status is SheetStatus.SUBMITTED
    window.paper.reopen("juri ingin meninjau ulang K3")
    settle(qtbot, demo.services)
    assert demo.services.scoring.sheet(demo.sek1, "J2", "RSUD-01").status is SheetStatus.DRAFT


# --- results -------------------------------------------------------------------------------


def _ranking(window: SecretariatWindow) -> dict[str, tuple[str, str, str]]:
    model: RankingModel = window.results.ranking
    return {
        str(model.index(r, 0).data(CODE_ROLE)): (
            str(model.index(r, 0).data()),
            str(model.index(r, SCORE).data()),
            str(model.index(r, TIE).data()),
        )
        for r in range(model.rowCount())
    }


def test_results_show_pkm_ranks_and_the_tie_broken_by_k5(
    qtbot: QtBot, window: SecretariatWindow, demo: Demo
) -> None:
    window.show_page(window.RESULTS)
    settle(qtbot, demo.services)
    window.results.select_category("PKM")
    ranks = _ranking(window)
    # The team code stands beside its institution, as the tie column names codes.
    assert window.results.ranking.index(0, CODE).data() == "PKM-03"
    assert ranks["PKM-03"][:2] == ("1", "83,50")
    assert ranks["PKM-01"][:2] == ("2", "78,00")
    assert ranks["PKM-05"][:2] == ("3", "78,00")
    assert "PKM-05" in ranks["PKM-01"][2] and "K5" in ranks["PKM-01"][2]
    assert "K5" in ranks["PKM-05"][2]
    assert ranks["PKM-02"][2] == ""
    assert not window.results.banner.isVisible()
    assert "Kendall" in window.results.kendall.text()
    window.results.ranking_view.selectRow(0)
    assert window.results.breakdown.rowCount() == 5


def test_method_comparison_and_release(qtbot: QtBot, window: SecretariatWindow, demo: Demo) -> None:
    window.show_page(window.RESULTS)
    settle(qtbot, demo.services)
    window.results.select_method(Method.MEDIAN)
    settle(qtbot, demo.services)
    assert window.results.results is not None
    assert window.results.results.method is Method.MEDIAN
    compare = window.results.compare
    assert compare.columnCount() == 5
    # Every method is reckoned once the side-by-side tab is open (a quarter of the work
    # otherwise): until then only the chosen one, and the side-by-side table is left empty.
    assert list(window.results._compare) == [Method.MEDIAN] and compare.rowCount() == 0
    window.results.details.setCurrentWidget(window.results.compare_view)
    settle(qtbot, demo.services)
    assert compare.index(0, 1).data() != "—" and compare.index(0, 3).data() != "—"
    assert window.results.release_button.text() == "Show to &judges…"  # the action, not the state
    window.results.set_released(True)
    settle(qtbot, demo.services)
    assert demo.services.results.lock_state().released
    assert window.results.release_button.text() == "&Withhold from judges…"
    assert "judges can see them" in window.results.version.text()


def test_lock_needs_a_reason_while_sheets_are_open_and_unlock_raises_the_version(
    qtbot: QtBot, window: SecretariatWindow, demo: Demo
) -> None:
    window.show_page(window.RESULTS)
    settle(qtbot, demo.services)
    window.results.lock("rekap sementara untuk pleno", DEMO_PASSPHRASE)
    settle(qtbot, demo.services)
    assert "J1 × RSS-04" in window.results.notice.text()  # the sheet left empty blocks it
    assert not demo.services.results.lock_state().locked
    judge, team = demo.info.pending or ("", "")
    demo.services.scoring.abstain(demo.sek1, judge, team, "juri berhalangan hadir")
    window.results.lock("", DEMO_PASSPHRASE)
    settle(qtbot, demo.services)
    assert not window.results.notice.isHidden()
    assert not demo.services.results.lock_state().locked
    window.results.lock("rekap sementara untuk pleno", "frasa sandi yang salah")
    settle(qtbot, demo.services)
    assert "frasa sandi" in window.results.notice.text().lower()
    assert not demo.services.results.lock_state().locked
    window.results.lock("rekap sementara untuk pleno", DEMO_PASSPHRASE)
    settle(qtbot, demo.services)
    assert demo.services.results.lock_state().locked
    window.results.unlock("koreksi nilai RSUD-02")
    settle(qtbot, demo.services)
    state = demo.services.results.lock_state()
    assert not state.locked and state.version == 2
    assert "2" in window.results.version.text()


def _make_cut_line_tie(demo: Demo) -> None:
    """Give PKM-02 exactly PKM-05's scores: both end level at places 3 and 4 of a quota of 3."""
    scoring, actor = demo.services.scoring, demo.sek1
    for judge in ("J1", "J2", "J3", "J4", "J5"):
        model = scoring.sheet(actor, judge, "PKM-05")
        copy = scoring.sheet(actor, judge, "PKM-02")
        for line, old in zip(model.lines, copy.lines, strict=True):
            if line.value != old.value:
                assert line.value is not None
                scoring.correct(actor, judge, "PKM-02", line.criterion.code, line.value, "uji seri")


def test_cut_line_tie_shows_a_banner_until_the_jury_decides(
    qtbot: QtBot, window: SecretariatWindow, demo: Demo
) -> None:
    _make_cut_line_tie(demo)
    window.show_page(window.RESULTS)
    settle(qtbot, demo.services)
    window.results.select_category("PKM")
    assert not window.results.banner.isHidden()
    assert "batas kuota" in window.results.banner_text.text() or "quota" in (
        window.results.banner_text.text()
    )
    tied = [code for code, _ in window.results.tied_at_cut_line()]
    assert sorted(tied) == ["PKM-02", "PKM-05"]
    window.results.decide(["PKM-05", "PKM-02"], False, "")
    settle(qtbot, demo.services)
    assert not window.results.banner.isHidden()  # a reason is required
    assert "alasan" in window.results.notice.text().lower()
    assert window.results.decide(["PKM-05", "PKM-02"], False, "keputusan sidang pleno juri")
    settle(qtbot, demo.services)
    assert window.results.banner.isHidden()
    ranks = _ranking(window)
    assert ranks["PKM-05"][0] == "3" and ranks["PKM-02"][0] == "4"
    assert ranks["PKM-05"][2] and "PKM-02" in ranks["PKM-05"][2]


def test_tie_dialog_orders_and_returns_the_decision(qtbot: QtBot) -> None:
    from juryapp.gui.secretariat.tie_dialog import TieDecisionDialog  # noqa: PLC0415

    dialog = TieDecisionDialog([("A", "Satu"), ("B", "Dua")])
    qtbot.addWidget(dialog)
    dialog.order.setCurrentRow(1)
    dialog.move_team(-1)
    qtbot.keyClicks(dialog.reason, "undian")
    dialog.shared.setChecked(True)
    assert dialog.decision() == (["B", "A"], True, "undian")


# --- set-up --------------------------------------------------------------------------------


def test_schedule_reorders_and_keeps_the_time_slots(
    qtbot: QtBot, window: SecretariatWindow, demo: Demo
) -> None:
    window.show_page(window.SCHEDULE)
    settle(qtbot, demo.services)
    page = window.schedule
    page.view.selectRow(1)  # PKM-02 at 09.00
    page.move_selected(-1)
    assert page.model.dirty and page.save_button.isEnabled()
    assert page.save()
    settle(qtbot, demo.services)
    teams = {t.code: t for t in demo.services.setup.spec().teams}
    assert (teams["PKM-02"].order, teams["PKM-02"].time.isoformat()) == (1, "08:30:00")  # type: ignore[union-attr]
    assert (teams["PKM-01"].order, teams["PKM-01"].time.isoformat()) == (2, "09:00:00")  # type: ignore[union-attr]


def test_drag_and_drop_moves_a_team(qtbot: QtBot, window: SecretariatWindow, demo: Demo) -> None:
    window.show_page(window.SCHEDULE)
    settle(qtbot, demo.services)
    model = window.schedule.model
    data = model.mimeData([model.index(0, 0)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    codes = [model.index(r, 3).data() for r in range(4)]
    assert codes == ["PKM-02", "PKM-03", "PKM-01", "PKM-04"]


def test_now_and_next_follow_the_clock(demo: Demo) -> None:
    spec = demo.services.setup.spec()
    teams = sorted(spec.teams, key=lambda t: (t.day or 0, t.order or 0))
    state = now_and_next(spec, teams, datetime(2024, 9, 18, 10, 50))
    assert state.now is not None and state.now.code == "PKM-05"
    assert state.next is not None and state.next.code == "PKM-06"
    before = now_and_next(spec, teams, datetime(2024, 9, 17, 12, 0))
    assert before.now is None and before.next is not None and before.next.code == "PKM-01"


@pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)
def test_timer_opens_with_the_convention_durations(
    qtbot: QtBot, window: SecretariatWindow, demo: Demo
) -> None:
    window.show_page(window.SCHEDULE)
    settle(qtbot, demo.services)
    window.schedule.set_clock(lambda: datetime(2024, 9, 19, 9, 5))
    timer = window.schedule.open_timer()
    assert timer is not None
    qtbot.addWidget(timer)
    assert timer.durations().presentation_s == 15 * 60
    assert timer.team_text()[0] == "RSUD-02 · RSUD Kalideres"
    assert timer.caption_text() == "Presenting now"
    assert "Space" in timer.keys_text() and "Esc" in timer.keys_text()
    window.schedule.close_timer()


def test_indonesian_first_and_english_on_switch(
    qtbot: QtBot, qapp: QApplication, window: SecretariatWindow
) -> None:
    previous = messages.current_language()
    try:
        install_translators(qapp, "id")
        qtbot.waitUntil(lambda: window.navigation.item(0).text() == "Progres")
        assert window.dashboard.title.text() == "Progres penilaian"
        install_translators(qapp, "en")
        qtbot.waitUntil(lambda: window.navigation.item(0).text() == "Progress")
        assert window.results.decide_button.text() == "Record &decision…"
    finally:
        install_translators(qapp, previous)
