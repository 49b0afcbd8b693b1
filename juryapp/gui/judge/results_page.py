"""The released results as a judge sees them: ranks and final scores, never other sheets."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
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
from juryapp.gui.prepared_rows import PreparedRows, PreparedRowsModel
from juryapp.gui.tables import fit_to_visible_rows, heading, read_only_sortable

__all__ = ["ResultsModel", "ResultsPage"]

CATEGORY, RANK, INSTITUTION, TITLE, SCORE, REMARK = range(6)
_COLUMNS = 6


class ResultsModel(PreparedRowsModel):
    """One row per team: category, rank (ties marked), final score and advancement; every
    cell worked out once per release (a thousand teams at a large convention)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_COLUMNS, parent)
        self._results: Results | None = None

    def set_results(self, results: Results | None) -> None:
        self._results = results
        lang = current_language()
        advances = QCoreApplication.translate("ResultsModel", "Advances")
        display: list[list[object]] = []
        prepared = PreparedRows(by_role={Qt.ItemDataRole.DisplayRole: display})
        for position, category in enumerate(results.categories if results else ()):
            name = (category.name_en or category.name) if lang == "en" else category.name
            for team in category.teams:
                prepared.codes.append(team.code)
                prepared.items.append(team)
                display.append(
                    [
                        name,
                        _rank_text(team.rank, team.tied),
                        team.institution,
                        team.title,
                        "—" if team.score is None else format_score(team.score, lang),
                        advances if team.advances else "",
                    ]
                )
                prepared.sort_keys.append(
                    (
                        position,
                        (position, team.rank or 999),
                        team.institution.casefold(),
                        team.title.casefold(),
                        float(team.score) if team.score is not None else -1.0,
                        int(team.advances),
                    )
                )
        self.show_rows(prepared)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, _COLUMNS - 1)
        if self._results is not None:
            self.set_results(self._results)

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


def _rank_text(rank: int | None, tied: bool) -> str:
    if rank is None:
        return "—"
    if tied:
        return QCoreApplication.translate("ResultsModel", "{rank} (tied)").format(rank=rank)
    return str(rank)


class ResultsPage(QWidget):
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ResultsModel(self)
        self._title = heading(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.table = QTableView(self)
        fit_to_visible_rows(self.table)
        self.table.setModel(self.model)
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
