"""Sheets handed in and waiting for a second person's confirmation, as a Qt table model."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from juryapp.domain.model import ConventionSpec
from juryapp.gui.secretariat.common import CODE_ROLE, schedule_order
from juryapp.gui.tables import SORT_ROLE
from juryapp.services.results import CellState, Progress

JUDGE_ROLE = Qt.ItemDataRole.UserRole + 20

JUDGE, TEAM, INSTITUTION = range(3)

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class PendingSheet:
    judge: str
    judge_name: str
    team: str
    institution: str


def pending_sheets(progress: Progress, spec: ConventionSpec) -> tuple[PendingSheet, ...]:
    names = {j.code: j.name for j in spec.judges}
    return tuple(
        PendingSheet(judge, names.get(judge, judge), team.code, team.institution)
        for team in schedule_order(spec)
        for judge in progress.judges
        if (cell := progress.cells.get((judge, team.code))) is not None
        and cell.state is CellState.SUBMITTED
    )


class PendingModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[PendingSheet, ...] = ()

    def set_rows(self, rows: tuple[PendingSheet, ...]) -> None:
        if rows == self._rows:
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> PendingSheet:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        sheet = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return (sheet.judge, sheet.team, sheet.institution)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == JUDGE:
            return sheet.judge_name
        if role == CODE_ROLE:
            return sheet.team
        if role == JUDGE_ROLE:
            return sheet.judge
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == JUDGE:
            return self.tr("Judge")
        if section == TEAM:
            return self.tr("Team")
        if section == INSTITUTION:
            return self.tr("Institution")
        return None
