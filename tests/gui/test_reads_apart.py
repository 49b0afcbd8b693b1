"""The secretariat's screens as the app runs them: rankings and matrix read in a second process."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from juryapp.bootstrap import Services, bootstrap
from juryapp.domain.kinds import Method
from juryapp.domain.messages import StateError, Text
from juryapp.gui.secretariat import SecretariatWindow
from juryapp.gui.secretariat.common import CODE_ROLE, score_text
from juryapp.gui.secretariat.progress_model import STATE_ROLE
from juryapp.reckoner import ranks_only
from juryapp.services.demo import DemoInfo
from juryapp.services.results import CellState
from tests.gui.conftest import settle

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)"),
]


@pytest.fixture
def services(demo_db: Path) -> Iterator[Services]:
    opened = bootstrap(demo_db, reads_apart=True)  # as juryapp.gui.launch opens it
    yield opened
    opened.close()


def test_rankings_and_matrix_read_apart_follow_a_score(
    qtbot: QtBot, services: Services, demo_info: DemoInfo
) -> None:
    actor = services.accounts.sign_in("sekretariat", "jakbar2024")
    window = SecretariatWindow(services, actor)
    qtbot.addWidget(window)
    window.watcher.stop()  # the change below is announced by the test
    window.show_page(window.RESULTS)
    settle(qtbot, services)
    assert services.reckoner.process_id() not in (None, os.getpid())
    page = window.results
    method = Method(page.method.currentData())
    category = page.current_category()
    assert category is not None
    expected = next(
        c for c in services.results.compute(actor, method).categories if c.code == category.code
    )
    shown = [page.ranking.index(row, 0).data(CODE_ROLE) for row in range(page.ranking.rowCount())]
    assert shown == [team.code for team in expected.teams]

    assert demo_info.pending is not None
    judge, team = demo_info.pending
    # the team about to be scored is selected: its judges' marks follow the new score
    page.select_category(next(t.category for t in services.setup.spec().teams if t.code == team))
    row = page.ranking.row_of(team)
    assert row is not None
    page.ranking_view.selectRow(row)
    before = {
        page.breakdown.index(r, 0).data(CODE_ROLE): page.breakdown.index(r, 1).data()
        for r in range(page.breakdown.rowCount())
    }
    assert before[judge] == score_text(None)
    pin = next(c.secret for c in demo_info.credentials if c.username == judge.lower())
    judge_actor = services.accounts.sign_in(judge.lower(), pin)
    for criterion in services.setup.spec().criteria:
        services.scoring.set_score(judge_actor, judge, team, criterion.code, Decimal(3))
    services.scoring.submit(judge_actor, judge, team)
    window.take_changes(services.changes.since(0))
    settle(qtbot, services)
    matrix = window.dashboard.model
    row = next(r for r in range(matrix.rowCount()) if matrix.index(r, 0).data(CODE_ROLE) == team)
    states = [matrix.index(row, column).data(STATE_ROLE) for column in range(matrix.columnCount())]
    assert CellState.SUBMITTED in states
    computed = services.results.compute(actor, method)
    assert page.results == ranks_only(computed)
    assert page.ranking.index(0, 0).data(Qt.ItemDataRole.DisplayRole)
    # the team just scored, still selected: its judges' totals, the new one among them
    scored = next(t for c in computed.categories for t in c.teams if t.code == team)
    assert page.ranking_view.selectionModel().selectedRows()[0].data(CODE_ROLE) == team
    shown = [
        (page.breakdown.index(r, 0).data(CODE_ROLE), page.breakdown.index(r, 1).data())
        for r in range(page.breakdown.rowCount())
    ]
    assert shown == [(m.judge, score_text(m.total)) for m in scored.marks]
    assert (judge, score_text(next(m.total for m in scored.marks if m.judge == judge))) in shown
    assert next(m.total for m in scored.marks if m.judge == judge) is not None


def test_a_score_changed_with_sqlite_shows_at_sign_in_when_checked_apart(
    qtbot: QtBot, services: Services, demo_db: Path
) -> None:
    actor = services.accounts.sign_in("sekretariat", "jakbar2024")
    with closing(sqlite3.connect(demo_db)) as connection, connection:
        connection.execute("UPDATE score SET value = '1' WHERE id = 3")
    window = SecretariatWindow(services, actor)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.integrity.report is not None, timeout=30_000)
    assert services.reckoner.process_id() not in (None, os.getpid())
    assert window.integrity.isVisible() and window.integrity.report is not None
    assert window.integrity.report == services.integrity.check(actor)
    assert not window.integrity.report.ok


def test_the_setup_page_reads_apart_and_follows_a_change_made_elsewhere(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    actor = services.accounts.sign_in("sekretariat", "jakbar2024")
    window = SecretariatWindow(services, actor)
    qtbot.addWidget(window)
    window.watcher.stop()  # the change below is announced by the test
    read_here = services.setup.spec

    # read in this process, the set-up would be refused; the second process reads it untouched
    def not_here() -> None:
        raise StateError(Text("dibaca di proses aplikasi", "read in the app's own process"))

    monkeypatch.setattr(services.setup, "spec", not_here)
    window.show_page(window.SETUP)
    settle(qtbot, services)
    page = window.setup
    assert page.spec == read_here()

    spec = read_here()
    renamed = replace(spec.teams[0], title="Inovasi yang diganti di laptop lain")
    services.setup.update(actor, replace(spec, teams=(renamed, *spec.teams[1:])))
    window.take_changes(services.changes.since(0))
    settle(qtbot, services)
    assert page.spec is not None and page.spec.teams[0] == renamed
    shown = [page.teams.index(0, c).data() for c in range(page.teams.columnCount())]
    assert renamed.title in shown
