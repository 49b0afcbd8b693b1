"""Progres: who has scored whom, at a glance, with the totals of each state."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from juryapp.bootstrap import Services
from juryapp.domain.access import Actor
from juryapp.gui.secretariat.common import CODE_ROLE, Notice
from juryapp.gui.secretariat.progress_model import (
    JUDGE_ROLE,
    OUTLIER_ROLE,
    STATE_ROLE,
    TEAM_COLUMN,
    ProgressModel,
    ProgressTable,
)
from juryapp.services.results import CellState


class ProgressDelegate(QStyledItemDelegate):
    """Hatches conflict cells and outlines outliers in red, beside the usual colours."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        rect: QRect = option.rect
        painter.save()
        if index.data(STATE_ROLE) == CellState.CONFLICT.value:
            painter.fillRect(rect, QBrush(QColor("#9e9e9e"), Qt.BrushStyle.BDiagPattern))
        if index.data(OUTLIER_ROLE):
            painter.setPen(QPen(QColor("#c62828"), 3))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()


class DashboardPage(QWidget):
    """Double-clicking a judge cell asks the window to open that sheet in paper entry."""

    open_sheet = Signal(str, str)  # judge code, team code

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._actor = services, actor
        self.model = ProgressModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(ProgressDelegate(self.view))
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setMinimumSectionSize(64)
        self.view.doubleClicked.connect(self._open)
        self.model.modelReset.connect(self._size_columns)

        self.totals: dict[CellState, QLabel] = {}
        totals = QHBoxLayout()
        for state in CellState:
            label = QLabel(self)
            label.setObjectName(f"total-{state.value}")
            self.totals[state] = label
            totals.addWidget(label)
        totals.addStretch(1)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.notice = Notice(self)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(totals)
        layout.addWidget(self.notice)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)
        self.retranslate()

    def retranslate(self) -> None:
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
        def load() -> ProgressTable:
            progress = self._services.results.progress(self._actor)
            return ProgressTable.build(progress, self._services.setup.spec())

        table = self.notice.attempt(load)
        if table is not None:
            self.model.set_table(table)
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
        colours = {
            CellState.NOT_STARTED: "#f4f4f4",
            CellState.DRAFT: "#ffd98a",
            CellState.SUBMITTED: "#b9d7f7",
            CellState.CONFIRMED: "#b8e6b8",
            CellState.CONFLICT: "#e6e6e6",
            CellState.ABSTAINED: "#e6e6e6",
        }
        for state, label in self.totals.items():
            label.setText(f"{names[state]}: {self.model.table.count(state)}")
            label.setStyleSheet(
                f"QLabel {{ background: {colours[state]}; border: 1px solid #bbb;"
                " padding: 4px 8px; border-radius: 3px; }"
            )

    def _size_columns(self) -> None:
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(TEAM_COLUMN, QHeaderView.ResizeMode.ResizeToContents)

    def _open(self, index: QModelIndex) -> None:
        judge = index.data(JUDGE_ROLE)
        if not judge:
            return
        self.open_sheet.emit(str(judge), str(index.data(CODE_ROLE)))
