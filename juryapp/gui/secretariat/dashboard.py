"""Progres: who has scored whom, at a glance, with the totals of each state."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from juryapp.domain.access import Actor
from juryapp.gui.ops import Ops, Reload
from juryapp.gui.secretariat.common import CODE_ROLE, Notice
from juryapp.gui.secretariat.progress_model import (
    JUDGE_ROLE,
    OUTLIERS_ROLE,
    TEAM_COLUMN,
    PreparedTable,
    ProgressModel,
)
from juryapp.gui.tables import read_only_sortable
from juryapp.reckoner import Reckoner
from juryapp.services.changes import Change, Changes
from juryapp.services.results import CellState, Progress

_OUTLINE = QPen(QColor("#c62828"), 3)
ROW_HEIGHT = 26
TEAM_COLUMN_MAX = 420  # px; longer names are elided, the full name is in the tooltip


_TOTAL_COLOURS = {
    CellState.NOT_STARTED: "#f4f4f4",
    CellState.DRAFT: "#ffd98a",
    CellState.SUBMITTED: "#b9d7f7",
    CellState.CONFIRMED: "#b8e6b8",
    CellState.CONFLICT: "#e6e6e6",
    CellState.ABSTAINED: "#e6e6e6",
}


class ProgressView(QTableView):
    """Outlines outliers in red over the cells Qt painted; colours and hatches are the model's.

    Cells are painted by Qt's own delegate, in C++; only the few outlines are drawn here, once
    per frame, asking the model one question per visible row.
    """

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        model = self.model()
        rows = self.verticalHeader()
        first = rows.visualIndexAt(0)
        if first < 0:
            return
        last = rows.visualIndexAt(self.viewport().height() - 1)
        if last < 0:
            last = rows.count() - 1
        painter: QPainter | None = None
        for visual in range(first, last + 1):
            row = rows.logicalIndex(visual)
            columns = model.index(row, TEAM_COLUMN).data(OUTLIERS_ROLE)
            for column in columns or ():
                if self.isColumnHidden(column):
                    continue
                rect = self.visualRect(model.index(row, column))
                if painter is None:
                    painter = QPainter(self.viewport())
                    painter.setPen(_OUTLINE)
                painter.drawRect(rect.adjusted(1, 1, -2, -2))
        if painter is not None:
            painter.end()


class DashboardPage(QWidget):
    """Double-clicking a judge cell asks the window to open that sheet in paper entry.

    The whole matrix is read and prepared off the GUI thread when the page opens and when the
    set-up changes; a saved score reads again only its own team's cells (a second at 1,000
    teams against a few milliseconds), and the view repaints just those.
    """

    WATCHES = frozenset({Change.SCORES, Change.SETUP})
    open_sheet = Signal(str, str)  # judge code, team code

    def __init__(
        self,
        reckoner: Reckoner,
        ops: Ops,
        actor: Actor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._reckoner, self._ops, self._actor = reckoner, ops, actor
        self._teams_to_read: set[str] = set()
        self.model = ProgressModel(self)
        self.view = ProgressView(self)
        self.view.setModel(self.model)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        # Fixed row heights and no ResizeToContents: measuring contents asks the model for
        # every row on each reset, sort and scroll, which is what made large tables stutter.
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_HEIGHT)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setMinimumSectionSize(64)
        self.view.doubleClicked.connect(self._open)
        read_only_sortable(self.view)
        self.model.modelReset.connect(self._size_columns)

        self.totals: dict[CellState, QLabel] = {}
        totals = QHBoxLayout()
        for state in CellState:
            label = QLabel(self)
            label.setObjectName(f"total-{state.value}")
            # Styled once: a style sheet set again on every saved score re-polished the six
            # labels and laid the page out again each time.
            label.setStyleSheet(
                f"QLabel {{ background: {_TOTAL_COLOURS[state]}; border: 1px solid #bbb;"
                " padding: 4px 8px; border-radius: 3px; }"
            )
            self.totals[state] = label
            totals.addWidget(label)
        totals.addStretch(1)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.notice = Notice(self)
        self._whole = Reload(
            ops,
            self,
            self._read_whole,
            self._show_whole,
            failed=self.notice.read_failed,
            slow=True,
            builds_here=not reckoner.apart,
        )
        # A few teams, but read in the second process, which answers one read at a time: on
        # the slow lane it may wait behind a whole matrix or the trail check without holding
        # up the quick reads (the change watcher's among them).
        self._teams = Reload(
            ops,
            self,
            self._read_teams,
            self._show_teams,
            failed=self.notice.read_failed,
            slow=True,
            builds_here=not reckoner.apart,
        )

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(totals)
        layout.addWidget(self.notice)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)
        self.retranslate()

    def retranslate(self) -> None:
        self.model.retranslate()
        self.title.setText(self.tr("Scoring progress"))
        self.hint.setText(
            self.tr(
                "Grey: not started · amber: draft (criteria filled) · blue: submitted · "
                "green ✓: confirmed · hatched CoI: conflict of interest · red outline: far "
                "from the panel mean. Double-click a cell to open the sheet."
            )
        )
        self._update_totals()

    def refresh(self) -> None:
        """Read the whole matrix again (off the GUI thread)."""
        self._whole.request()

    def take_changes(self, changes: Changes) -> None:
        """After a change: the teams whose sheets changed, or everything after a bulk one."""
        if Change.SETUP in changes.kinds or changes.every_sheet:
            self.refresh()
        elif Change.SCORES in changes.kinds:
            self._teams_to_read.update(team for _judge, team in changes.sheets)
            self._teams.request()

    @property
    def busy(self) -> bool:
        return self._whole.busy or self._teams.busy

    def _read_whole(self) -> Callable[[], PreparedTable]:
        reckoner, actor, texts = self._reckoner, self._actor, self.model.texts()
        return lambda: PreparedTable.build(reckoner.progress(actor), texts)

    def _show_whole(self, prepared: PreparedTable) -> None:
        self.notice.read_ok()
        self.model.set_table(prepared)
        self._update_totals()

    def _read_teams(self) -> Callable[[], Progress]:
        reckoner, actor = self._reckoner, self._actor
        teams, self._teams_to_read = frozenset(self._teams_to_read), set()
        return lambda: reckoner.progress(actor, teams)

    def _show_teams(self, progress: Progress) -> None:
        self.model.update_teams(progress)
        self._update_totals()

    def _update_totals(self) -> None:
        names = {
            CellState.NOT_STARTED: self.tr("Not started"),
            CellState.DRAFT: self.tr("Draft"),
            CellState.SUBMITTED: self.tr("Submitted"),
            CellState.CONFIRMED: self.tr("Confirmed"),
            CellState.CONFLICT: self.tr("Conflict"),
            CellState.ABSTAINED: self.tr("Abstained"),
        }
        for state, label in self.totals.items():
            text = f"{names[state]}: {self.model.count(state)}"
            if label.text() != text:
                label.setText(text)

    def _size_columns(self) -> None:
        """Fit the team column to its longest text once per reset, from the font alone."""
        header = self.view.horizontalHeader()
        if header.count() <= TEAM_COLUMN:
            return
        metrics = QFontMetrics(self.view.font())
        texts = self.model.team_texts()
        widest = max((metrics.horizontalAdvance(text) for text in texts), default=0)
        header.setSectionResizeMode(TEAM_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(TEAM_COLUMN, min(widest + 24, TEAM_COLUMN_MAX))

    def _open(self, index: QModelIndex) -> None:
        judge = index.data(JUDGE_ROLE)
        if not judge:
            return
        self.open_sheet.emit(str(judge), str(index.data(CODE_ROLE)))
