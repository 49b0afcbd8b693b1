"""The sheets waiting for a second person, and confirming a judge's laptop sheets at once."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from juryapp.domain.kinds import SheetSource
from juryapp.gui.secretariat.pending_model import (
    INSTITUTION,
    JUDGE_ROLE,
    TEAM,
    PendingModel,
    PendingSheet,
)
from juryapp.gui.tables import fit_to_visible_rows


class WaitingPanel(QWidget):
    chosen = Signal(str, str)  # judge, team
    confirm_judge = Signal(str)  # confirm this judge's laptop sheets after review

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._judge = ""
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: bold;")
        self.model = PendingModel(self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        fit_to_visible_rows(self.view)
        self.view.setModel(proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(INSTITUTION, QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().hide()
        self.view.selectionModel().selectionChanged.connect(self._picked)
        self.batch_button = QPushButton(self)
        self.batch_button.clicked.connect(lambda: self.confirm_judge.emit(self._judge))
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.batch_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Sheets waiting for a second person"))
        self.hint.setText(
            self.tr(
                "Paper sheets are confirmed by typing them again; a judge's laptop sheets are "
                "confirmed together once you have looked through them."
            )
        )
        self.show_judge(self._judge)

    def set_rows(self, rows: tuple[PendingSheet, ...]) -> None:
        self.model.set_rows(rows)
        self.show_judge(self._judge)

    def laptop_sheets(self, judge: str) -> list[PendingSheet]:
        return [
            r
            for r in self.model.rows()
            if r.judge == judge and r.source is SheetSource.JUDGE and not r.typed_by_me
        ]

    def show_judge(self, judge: str) -> None:
        """Offer to confirm this judge's laptop sheets, with how many there are."""
        self._judge = judge
        count = len(self.laptop_sheets(judge)) if judge else 0
        self.batch_button.setText(
            self.tr("Confirm all {n} laptop sheets of {judge}…").format(n=count, judge=judge)
        )
        self.batch_button.setEnabled(count > 0)

    def next_after(self, judge: str, team: str) -> PendingSheet | None:
        """The waiting sheet after (judge, team) in the list, for "confirm and next"."""
        rows = [r for r in self.model.rows() if not r.typed_by_me]
        keys = [(r.judge, r.team) for r in rows]
        if not rows:
            return None
        if (judge, team) in keys:
            position = keys.index((judge, team))
            rest = rows[position + 1 :] + rows[:position]
            return rest[0] if rest else None
        return rows[0]

    def _picked(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            index = indexes[0]
            self.chosen.emit(str(index.data(JUDGE_ROLE)), str(index.siblingAtColumn(TEAM).data()))
