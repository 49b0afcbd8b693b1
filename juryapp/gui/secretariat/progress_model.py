"""The judge × team progress matrix as a Qt table model."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from juryapp.domain.model import ConventionSpec
from juryapp.gui.secretariat.common import (
    AMBER,
    BLUE,
    CODE_ROLE,
    GREEN,
    GREY,
    SORT_ROLE,
    schedule_order,
)
from juryapp.services.results import CellState, Progress, ProgressCell

STATE_ROLE = Qt.ItemDataRole.UserRole + 10  # CellState of a judge cell
OUTLIER_ROLE = Qt.ItemDataRole.UserRole + 11  # True where the judge is far from the panel
JUDGE_ROLE = Qt.ItemDataRole.UserRole + 12  # judge code of a judge cell

TEAM_COLUMN = 0  # judges follow from column 1

_COLOURS: dict[CellState, QColor] = {
    CellState.NOT_STARTED: QColor("#f4f4f4"),
    CellState.DRAFT: AMBER,
    CellState.SUBMITTED: BLUE,
    CellState.CONFIRMED: GREEN,
    CellState.CONFLICT: GREY,
    CellState.ABSTAINED: GREY,
}

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ProgressRow:
    code: str
    institution: str
    category: str


@dataclass(frozen=True)
class ProgressTable:
    """What the matrix shows, prepared from the service's progress and the set-up."""

    rows: tuple[ProgressRow, ...]
    judges: tuple[tuple[str, str], ...]  # (code, name)
    criteria: int
    cells: dict[tuple[str, str], ProgressCell]

    @classmethod
    def build(cls, progress: Progress, spec: ConventionSpec) -> ProgressTable:
        names = {j.code: j.name for j in spec.judges}
        return cls(
            rows=tuple(
                ProgressRow(t.code, t.institution, t.category) for t in schedule_order(spec)
            ),
            judges=tuple((code, names.get(code, code)) for code in progress.judges),
            criteria=progress.criteria,
            cells=dict(progress.cells),
        )

    def count(self, state: CellState) -> int:
        return sum(1 for c in self.cells.values() if c.state is state)


class ProgressModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table = ProgressTable((), (), 0, {})

    @property
    def table(self) -> ProgressTable:
        return self._table

    def set_table(self, table: ProgressTable) -> None:
        """Show new data; an unchanged shape only repaints the cells that changed."""
        old = self._table
        if old.rows != table.rows or old.judges != table.judges:
            self.beginResetModel()
            self._table = table
            self.endResetModel()
            return
        self._table = table
        for row, team in enumerate(table.rows):
            for column, (judge, _name) in enumerate(table.judges, 1):
                key = (judge, team.code)
                if old.cells.get(key) != table.cells.get(key) or old.criteria != table.criteria:
                    index = self.index(row, column)
                    self.dataChanged.emit(index, index)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._table.judges) + 1

    def cell(self, index: Index) -> ProgressCell | None:
        if not index.isValid() or index.column() == TEAM_COLUMN:
            return None
        judge = self._table.judges[index.column() - 1][0]
        return self._table.cells.get((judge, self._table.rows[index.row()].code))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: PLR0911, PLR0912 - one branch per column and role
        if not index.isValid():
            return None
        team = self._table.rows[index.row()]
        if index.column() == TEAM_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{team.code}  {team.institution}"
            if role in (CODE_ROLE, SORT_ROLE):
                return team.code
            if role == Qt.ItemDataRole.ToolTipRole:
                return team.institution
            return None
        judge = self._table.judges[index.column() - 1][0]
        cell = self._table.cells.get((judge, team.code))
        state = cell.state if cell is not None else CellState.NOT_STARTED
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell_text(state, cell)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_COLOURS[state])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(state, cell)
        if role == STATE_ROLE:
            return state.value
        if role == OUTLIER_ROLE:
            return bool(cell and cell.outlier)
        if role in (CODE_ROLE, SORT_ROLE):
            return team.code if role == CODE_ROLE else state.value
        if role == JUDGE_ROLE:
            return judge
        return None

    def _cell_text(self, state: CellState, cell: ProgressCell | None) -> str:
        filled = cell.filled if cell is not None else 0
        if state is CellState.DRAFT:
            return f"{filled}/{self._table.criteria}"
        if state is CellState.SUBMITTED:
            return self.tr("submitted")
        if state is CellState.CONFIRMED:
            return "✓"
        if state is CellState.CONFLICT:
            return self.tr("CoI")
        if state is CellState.ABSTAINED:
            return self.tr("abstained")
        return ""

    def _tooltip(self, state: CellState, cell: ProgressCell | None) -> str:
        names = {
            CellState.NOT_STARTED: self.tr("Not started"),
            CellState.DRAFT: self.tr("Draft"),
            CellState.SUBMITTED: self.tr("Submitted, waiting for confirmation"),
            CellState.CONFIRMED: self.tr("Confirmed"),
            CellState.CONFLICT: self.tr("Conflict of interest: this judge does not score"),
            CellState.ABSTAINED: self.tr("Abstained"),
        }
        text = names[state]
        if cell is not None and cell.outlier:
            text += "\n" + self.tr("Far from the panel mean: discuss in the plenary")
        return text

    def headerData(  # noqa: N802, PLR0911 - one branch per column and role
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if section == TEAM_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("Team")
            return None
        if not 0 < section <= len(self._table.judges):
            return None
        code, name = self._table.judges[section - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return code
        if role == Qt.ItemDataRole.ToolTipRole:
            return name
        return None
