"""Screens read again only what a change touched: the kinds they show, the cells it changed."""

# The fixtures are imported from secretariat_fixtures, so their names reappear as arguments.
# ruff: noqa: F811

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from juryapp.bootstrap import Services
from juryapp.gui.app_window import AppWindow
from juryapp.gui.ops import Op, Ops
from juryapp.gui.secretariat import SecretariatWindow
from juryapp.gui.secretariat.progress_model import STATE_ROLE, PreparedTable, ProgressModel
from juryapp.services.changes import Change, Changes
from juryapp.services.results import CellState, Progress, ProgressCell, ProgressTeam
from tests.gui.conftest import settle
from tests.gui.secretariat_fixtures import Demo, demo, window  # noqa: F401

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)"),
]

SHEET = ("J2", "PKM-02")
SCORES, SETUP, RESULTS, ACCOUNTS = Change.SCORES, Change.SETUP, Change.RESULTS, Change.ACCOUNTS
# What each screen shows, as the person sees it (navigation order).
SHOWN = {
    "DashboardPage": {SCORES, SETUP},  # sheet states; the teams, judges and rubric
    "PaperEntryPage": {SCORES, SETUP},  # the sheet and the list waiting; the choices
    "SecretariatResultsPage": {SCORES, SETUP, RESULTS},  # rankings, the lock, release, ties
    "PrintPage": {RESULTS},  # the lock and the key
    "SetupPage": {SETUP, RESULTS},  # the set-up, read-only while locked
    "SchedulePage": {SETUP, RESULTS},
    "ReceivedPage": {Change.LAPTOPS},  # the judges' logs the hub holds, forks
    "AccountsPage": {ACCOUNTS, SETUP},  # accounts; the convention's name on PIN slips
}


def change(kind: Change, sheets: frozenset[tuple[str, str]] = frozenset({SHEET})) -> Changes:
    return Changes(0, 1, frozenset({kind}), sheets if kind is Change.SCORES else frozenset())


@contextmanager
def reads_asked(ops: Ops) -> Iterator[list[QObject]]:
    """The parent of every read or change asked for meanwhile: who went to the database."""
    asked: list[QObject] = []
    submit = ops._submit

    def recording(op: Op[object]) -> object:
        asked.append(op._parent)
        return submit(op)

    ops._submit = recording  # type: ignore[method-assign]
    try:
        yield asked
    finally:
        ops._submit = submit  # type: ignore[method-assign]


def within(widget: QWidget, asked: list[QObject]) -> bool:
    return any(o is widget or (isinstance(o, QWidget) and widget.isAncestorOf(o)) for o in asked)


@pytest.mark.parametrize("kind", list(Change), ids=[k.value for k in Change])
def test_each_screen_reads_again_only_on_the_kinds_it_shows(
    qtbot: QtBot, window: SecretariatWindow, demo: Demo, kind: Change
) -> None:
    ops = demo.services.runner
    window.watcher.stop()  # the changes below are the test's own
    for index in range(window.stack.count()):
        window.show_page(index)
        settle(qtbot, demo.services)
    for index in range(window.stack.count()):
        window.show_page(index)
        settle(qtbot, demo.services)
        page = window.page(index)
        with reads_asked(ops) as asked:
            window.take_changes(change(kind))
            settle(qtbot, demo.services)
        name = type(page).__name__
        shows = kind in SHOWN[name]
        assert within(page, asked) is shows, f"{name} on a {kind.value} change"
        # The other screens only remember to read again when they are next shown.
        others = [window.page(i) for i in range(window.stack.count()) if i != index]
        assert not any(within(other, asked) for other in others), name


def test_a_hidden_screen_reads_again_when_shown_only_if_its_kinds_changed(
    qtbot: QtBot, window: SecretariatWindow, demo: Demo
) -> None:
    window.watcher.stop()
    for index in (window.ACCOUNTS, window.RESULTS, window.DASHBOARD):
        window.show_page(index)
        settle(qtbot, demo.services)
    window.take_changes(change(Change.SCORES))  # the dashboard is shown
    settle(qtbot, demo.services)
    with reads_asked(demo.services.runner) as asked:
        window.show_page(window.ACCOUNTS)  # accounts show no scores: nothing to read
        settle(qtbot, demo.services)
    assert not within(window.accounts, asked)
    with reads_asked(demo.services.runner) as asked:
        window.show_page(window.RESULTS)  # the rankings do
        settle(qtbot, demo.services)
    assert within(window.results, asked)


def test_a_score_saved_elsewhere_repaints_its_one_cell(
    qtbot: QtBot,
    window: SecretariatWindow,
    demo: Demo,
    demo_db: Path,
    services_for: Callable[[Path], Services],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window.show_page(window.DASHBOARD)
    settle(qtbot, demo.services)
    model = window.dashboard.model
    judge, team = demo.info.pending
    asked_teams: list[object] = []
    progress = demo.services.results.progress

    def recording(actor: object, teams_only: object = None) -> object:
        asked_teams.append(teams_only)
        return progress(actor, teams_only)  # type: ignore[arg-type]

    monkeypatch.setattr(demo.services.results, "progress", recording)
    painted: list[tuple[int, int, int, int]] = []

    def repainted(first: QModelIndex, last: QModelIndex) -> None:
        painted.append((first.row(), first.column(), last.row(), last.column()))

    model.dataChanged.connect(repainted)
    other = services_for(demo_db)  # a judge's laptop, another process on the same file
    actor = other.accounts.sign_in(judge.lower(), str(int(judge[1:])) * 4)
    with qtbot.assertNotEmitted(model.modelReset):
        other.scoring.set_score(actor, judge, team, "K1", Decimal(4))
        row = next(r for r, t in enumerate(model.table.rows) if t.code == team)
        column = 1 + [code for code, _ in model.table.judges].index(judge)
        cell = model.index(row, column)
        qtbot.waitUntil(lambda: cell.data(STATE_ROLE) == CellState.DRAFT.value, timeout=10_000)
    settle(qtbot, demo.services)
    assert asked_teams == [frozenset({team})]  # that team's cells, not the whole matrix
    assert painted == [(row, column, row, column)]
    assert cell.data() == "1/8"
    assert window.dashboard.totals[CellState.DRAFT].text().endswith(": 1")


def test_a_judge_reads_again_only_for_their_own_sheets(
    qtbot: QtBot, make_window: Callable[[Path], AppWindow], demo_db: Path
) -> None:
    main = make_window(demo_db)
    main.enter(main.services.accounts.sign_in("j1", "1111"))
    area = main.judge_area
    assert area is not None
    settle(qtbot, main.services)
    area.watcher.stop()
    with reads_asked(main.services.runner) as asked:
        area.take_changes(change(Change.SCORES, frozenset({("J2", "PKM-01")})))
        area.take_changes(change(Change.ACCOUNTS))
        area.take_changes(change(Change.RESULTS))  # the results are not on screen
        settle(qtbot, main.services)
    assert asked == []
    with reads_asked(main.services.runner) as asked:
        area.take_changes(change(Change.SCORES, frozenset({("J1", "PKM-01")})))
        settle(qtbot, main.services)
    assert asked == [area]


def _progress(cells: dict[tuple[str, str], tuple[CellState, int]], head: int) -> Progress:
    teams = ("T1", "T2", "T3")
    return Progress(
        judges=("J1", "J2"),
        teams=teams,
        criteria=8,
        cells={key: ProgressCell(state, filled, False) for key, (state, filled) in cells.items()},
        rows=tuple(ProgressTeam(t, f"Puskesmas {t}", "PKM") for t in teams),
        judge_names={"J1": "Satu", "J2": "Dua"},
        head=head,
    )


def test_a_few_cells_move_rows_only_when_the_sorted_column_changes_state(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    model = ProgressModel()
    draft, blank = (CellState.DRAFT, 2), (CellState.NOT_STARTED, 0)
    start = {(j, t): blank for j in ("J1", "J2") for t in ("T1", "T2", "T3")}
    start[("J1", "T3")] = draft
    model.set_table(PreparedTable.build(_progress(start, 10), model.texts()))
    model.sort(1, Qt.SortOrder.DescendingOrder)  # J1's column, drafts first
    assert [row.code for row in model.table.rows] == ["T3", "T1", "T2"]
    # One more score on T3's draft: its cell repaints, no row moves.
    with qtbot.assertNotEmitted(model.layoutChanged):
        model.update_teams(_progress({("J1", "T3"): (CellState.DRAFT, 3)}, 11))
    assert model.index(0, 1).data() == "3/8"
    # T2 handed in: J1's column changed state, the rows follow the sort.
    with qtbot.waitSignal(model.layoutChanged):
        model.update_teams(_progress({("J1", "T2"): (CellState.SUBMITTED, 8)}, 12))
    assert [row.code for row in model.table.rows] == ["T2", "T3", "T1"]
    # A reading older than what the model holds changes nothing.
    model.update_teams(_progress({("J1", "T2"): (CellState.DRAFT, 7)}, 11))
    assert model.table.cells[("J1", "T2")].state is CellState.SUBMITTED
    assert model.count(CellState.SUBMITTED) == 1 and model.count(CellState.DRAFT) == 1
    qtmodeltester.check(model)


def test_a_saved_set_up_is_read_again_whenever_the_watcher_reported_it(
    qtbot: QtBot, window: SecretariatWindow, demo: Demo
) -> None:
    """The watcher may report a save before its acknowledgement reaches the page, while the
    edits still count as unsaved and that read skips the set-up: the page reads it again
    itself once the save is acknowledged, or it would show nothing until the next change."""
    window.watcher.stop()  # the report never comes after the acknowledgement
    window.show_page(window.SETUP)
    settle(qtbot, demo.services)
    setup = window.setup
    setup.info_fields["website"].setText("sudinkes.example.id")
    setup.info_fields["website"].textEdited.emit("sudinkes.example.id")
    assert setup.dirty and setup.save()
    settle(qtbot, demo.services)
    assert setup.spec is not None and not setup.dirty
    assert setup.spec.info.website == "sudinkes.example.id"

    window.show_page(window.SCHEDULE)
    settle(qtbot, demo.services)
    schedule = window.schedule
    schedule.view.selectRow(1)
    schedule.move_selected(-1)
    assert schedule.save()
    settle(qtbot, demo.services)
    assert schedule._spec is not None and not schedule.model.dirty
    assert [t.code for t in schedule._spec.teams][:2] == ["PKM-02", "PKM-01"]


def test_new_scores_reckon_the_rankings_again_without_reading_the_set_up(
    qtbot: QtBot, window: SecretariatWindow, demo: Demo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The judges' names come with the whole set-up (a thousand teams at a large convention):
    read again after a set-up change, not with every reckoning while scores arrive."""
    window.watcher.stop()  # the changes below are the test's own
    window.show_page(window.RESULTS)
    settle(qtbot, demo.services)
    setup, read = demo.services.setup, []
    spec = setup.spec
    monkeypatch.setattr(setup, "spec", lambda: read.append("spec") or spec())
    reckoned = window.results.results
    window.take_changes(change(SCORES))
    settle(qtbot, demo.services)
    assert read == [] and window.results.results is not reckoned  # reckoned again
    window.take_changes(change(SETUP))
    settle(qtbot, demo.services)
    assert read == ["spec"]
    window.results.ranking_view.selectRow(0)
    assert "—" in str(window.results.breakdown.index(0, 0).data())  # "J1 — name"
