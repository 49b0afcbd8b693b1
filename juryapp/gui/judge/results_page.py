"""The released results as a judge sees them: ranks and final scores, never other sheets."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
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

from juryapp.domain.formatting import format_score
from juryapp.domain.messages import current_language
from juryapp.domain.results import Results
from juryapp.gui.tables import (
    SORT_ROLE,
    fit_to_visible_rows,
    heading,
    read_only_sortable,
    sorting_proxy,
)

__all__ = ["ResultsModel", "ResultsPage"]

CATEGORY, RANK, INSTITUTION, TITLE, SCORE, REMARK = range(6)
_COLUMNS = 6
_Index = QModelIndex | QPersistentModelIndex


class ResultsModel(QAbstractTableModel):
    """One row per team: category, rank (ties marked), final score and advancement."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[int, str, int | None, bool, str, str, Any, bool]] = []

    def set_results(self, results: Results | None) -> None:
        self.beginResetModel()
        self._rows = []
        if results is not None:
            for position, category in enumerate(results.categories):
                lang = current_language()
                name = (category.name_en or category.name) if lang == "en" else category.name
                for team in category.teams:
                    self._rows.append(
                        (
                            position,
                            name,
                            team.rank,
                            team.tied,
                            team.institution,
                            team.title,
                            team.score,
                            team.advances,
                        )
                    )
        self.endResetModel()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, _COLUMNS - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, _COLUMNS - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else _COLUMNS

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        headers = (
            QCoreApplication.translate("ResultsModel", "Category"),
            QCoreApplication.translate("ResultsModel", "Rank"),
            QCoreApplication.translate("ResultsModel", "Institution"),
            QCoreApplication.translate("ResultsModel", "Innovation title"),
            QCoreApplication.translate("ResultsModel", "Final score"),
            QCoreApplication.translate("ResultsModel", "Remark"),
        )
        return headers[section] if 0 <= section < _COLUMNS else None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(  # noqa: PLR0911 - one answer per column
        self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        position, category, rank, tied, institution, title, score, advances = self._rows[
            index.row()
        ]
        column = index.column()
        if role == SORT_ROLE:
            keys: tuple[Any, ...] = (
                position,
                (position, rank or 999),
                institution.casefold(),
                title.casefold(),
                float(score) if score is not None else -1.0,
                int(advances),
            )
            return keys[column]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == CATEGORY:
            return category
        if column == RANK:
            if rank is None:
                return "—"
            return (
                QCoreApplication.translate("ResultsModel", "{rank} (tied)").format(rank=rank)
                if tied
                else str(rank)
            )
        if column == INSTITUTION:
            return institution
        if column == TITLE:
            return title
        if column == SCORE:
            return "—" if score is None else format_score(score, current_language())
        if column == REMARK:
            return QCoreApplication.translate("ResultsModel", "Advances") if advances else ""
        return None


class ResultsPage(QWidget):
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ResultsModel(self)
        self.proxy = sorting_proxy(self, self.model)
        self._title = heading(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.table = QTableView(self)
        fit_to_visible_rows(self.table)
        self.table.setModel(self.proxy)
        read_only_sortable(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.back_button = QPushButton(self)
        self.back_button.clicked.connect(self.back_requested)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self._released = False
        self._retranslate()

    def show_results(self, results: Results | None) -> None:
        """``None`` means the secretariat has not released them."""
        self._released = results is not None
        self.model.set_results(results)
        self.table.setVisible(self._released)
        self._retranslate()

    def _retranslate(self) -> None:
        self._title.setText(self.tr("Results"))
        self.back_button.setText(self.tr("← Back to the list"))
        if self._released:
            self.message.setText(
                self.tr("Final scores as released by the secretariat, per category.")
            )
        else:
            self.message.setText(
                self.tr(
                    "The secretariat has not released the results yet. They appear here as "
                    "soon as they are released."
                )
            )
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
