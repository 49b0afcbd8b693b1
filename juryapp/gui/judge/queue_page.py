"""The judge's queue: their teams in presentation order, today's first."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from juryapp.gui.judge.queue_model import (
    INSTITUTION,
    STATUS,
    TEAM_CODE_ROLE,
    TITLE,
    QueueModel,
)
from juryapp.gui.tables import fit_to_visible_rows, heading, read_only_sortable, sorting_proxy
from juryapp.services.scoring import QueueEntry

__all__ = ["QueuePage", "QueueTable"]


class QueueTable(QTableView):
    """Enter opens the selected team, as a double click does."""

    activated_row = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class QueuePage(QWidget):
    open_team = Signal(str)
    show_results = Signal()
    change_pin = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QueueModel(self)
        self.proxy = sorting_proxy(self, self.model)

        self._title = heading(self)
        self._hint = QLabel(self)
        self._hint.setWordWrap(True)
        self.table = QueueTable(self)
        fit_to_visible_rows(self.table)
        self.table.setModel(self.proxy)
        read_only_sortable(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(INSTITUTION, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated_row.connect(self._open_index)

        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self._open_current)
        self.results_button = QPushButton(self)
        self.results_button.clicked.connect(self.show_results)
        self.pin_button = QPushButton(self)
        self.pin_button.clicked.connect(self.change_pin)

        buttons = QHBoxLayout()
        buttons.addWidget(self.results_button)
        buttons.addWidget(self.pin_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(self._hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._judge_name = ""
        self._retranslate()

    def set_judge_name(self, name: str) -> None:
        self._judge_name = name
        self._retranslate()

    def set_entries(self, entries: list[QueueEntry], criteria: int, today: date) -> None:
        current = self.current_team()
        self.model.set_entries(entries, criteria, today)
        self.table.resizeColumnToContents(INSTITUTION)
        self.table.setColumnWidth(INSTITUTION, min(self.table.columnWidth(INSTITUTION), 300))
        self.select_team(current or self._first_open_team())

    def update_entries(self, entries: list[QueueEntry]) -> None:
        self.model.update_entries(entries)

    def _first_open_team(self) -> str | None:
        for row in range(self.model.rowCount()):
            entry = self.model.entry(row)
            if not entry.conflict and entry.status is None:
                return entry.team_code
        return None

    def select_team(self, team_code: str | None) -> None:
        if team_code is None:
            return
        row = self.model.row_of(team_code)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def current_team(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        value = index.siblingAtColumn(0).data(TEAM_CODE_ROLE)
        return value if isinstance(value, str) else None

    def _open_index(self, index: QModelIndex) -> None:
        if not index.isValid() or not (index.flags() & Qt.ItemFlag.ItemIsEnabled):
            return
        code = index.siblingAtColumn(0).data(TEAM_CODE_ROLE)
        if isinstance(code, str):
            self.open_team.emit(code)

    def _open_current(self) -> None:
        self._open_index(self.table.currentIndex())

    def focus_table(self) -> None:
        self.table.setFocus()

    def _retranslate(self) -> None:
        if self._judge_name:
            self._title.setText(self.tr("Teams to score — {name}").format(name=self._judge_name))
        else:
            self._title.setText(self.tr("Teams to score"))
        self._hint.setText(
            self.tr(
                "Choose a team with the arrow keys and press Enter to open its score sheet. "
                "Today's teams come first; greyed teams are excluded because of a conflict "
                "of interest."
            )
        )
        self.open_button.setText(self.tr("Open score sheet"))
        self.results_button.setText(self.tr("Results"))
        self.pin_button.setText(self.tr("Change my PIN…"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
