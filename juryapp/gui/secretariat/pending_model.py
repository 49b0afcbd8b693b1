"""Sheets handed in and waiting for a second person's confirmation, as a Qt table model."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from juryapp.domain.kinds import SheetSource
from juryapp.domain.model import ConventionSpec
from juryapp.gui.secretariat.common import CODE_ROLE, schedule_order
from juryapp.gui.tables import SORT_ROLE
from juryapp.services.confirmation import WaitingSheet

JUDGE_ROLE = Qt.ItemDataRole.UserRole + 20

JUDGE, TEAM, INSTITUTION, SOURCE = range(4)

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class PendingSheet:
    judge: str
    judge_name: str
    team: str
    institution: str
    source: SheetSource = SheetSource.JUDGE
    typed_by_me: bool = False


def pending_sheets(
    waiting: Iterable[WaitingSheet], spec: ConventionSpec
) -> tuple[PendingSheet, ...]:
    """The waiting sheets in presentation order, judge by judge within a team."""
    names = {j.code: j.name for j in spec.judges}
    teams = {t.code: (i, t.institution) for i, t in enumerate(schedule_order(spec))}
    judges = {j.code: i for i, j in enumerate(spec.judges)}
    rows = [
        PendingSheet(
            w.judge,
            names.get(w.judge, w.judge),
            w.team,
            teams.get(w.team, (0, ""))[1],
            w.source,
            w.typed_by_me,
        )
        for w in waiting
    ]
    rows.sort(key=lambda p: (teams.get(p.team, (0, ""))[0], judges.get(p.judge, 0)))
    return tuple(rows)


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

    def rows(self) -> tuple[PendingSheet, ...]:
        return self._rows

    def row_at(self, row: int) -> PendingSheet:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 4

    def source_name(self, sheet: PendingSheet) -> str:
        if sheet.source is SheetSource.PAPER:
            return self.tr("paper, typed by you") if sheet.typed_by_me else self.tr("paper")
        return self.tr("laptop, corrected by you") if sheet.typed_by_me else self.tr("laptop")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: PLR0911 - one answer per role
        if not index.isValid():
            return None
        sheet = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return (sheet.judge, sheet.team, sheet.institution, self.source_name(sheet))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (sheet.judge_name, sheet.team, sheet.institution, self.source_name(sheet))[
                column
            ]
        if role == Qt.ItemDataRole.ForegroundRole and sheet.typed_by_me:
            return QBrush(QColor("#777777"))  # another person has to confirm these
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
        headers = (self.tr("Judge"), self.tr("Team"), self.tr("Institution"), self.tr("Source"))
        return headers[section] if 0 <= section < len(headers) else None
