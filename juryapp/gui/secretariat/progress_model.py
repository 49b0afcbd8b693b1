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
MARK_ROLE = Qt.ItemDataRole.UserRole + 13  # CONFLICT_MARK | OUTLIER_MARK, for the delegate

CONFLICT_MARK = 1
OUTLIER_MARK = 2

TEAM_COLUMN = 0  # judges follow from column 1

_COLOURS: dict[CellState, QColor] = {
    CellState.NOT_STARTED: QColor("#f4f4f4"),
    CellState.DRAFT: AMBER,
    CellState.SUBMITTED: BLUE,
    CellState.CONFIRMED: GREEN,
    CellState.CONFLICT: GREY,
    CellState.ABSTAINED: GREY,
}

# One brush per state, shared by every cell: data() runs for each visible cell on each frame.
_BRUSHES: dict[CellState, QBrush] = {state: QBrush(colour) for state, colour in _COLOURS.items()}
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
_DISPLAY = Qt.ItemDataRole.DisplayRole
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class _Cell:
    """What a judge cell shows, worked out once per refresh instead of once per paint."""

    state: CellState
    text: str
    mark: int
    cell: ProgressCell | None


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
        self._team_texts: list[str] = []
        self._grid: list[list[_Cell]] = []  # [row][column - 1]

    def _prepare(self) -> None:
        """Display texts, states and marks of every cell, for the data() calls to look up."""
        table = self._table
        texts = {state: self._state_text(state) for state in CellState}
        draft = {n: f"{n}/{table.criteria}" for n in range(table.criteria + 1)}
        cells = table.cells
        empty = _Cell(CellState.NOT_STARTED, texts[CellState.NOT_STARTED], 0, None)
        grid: list[list[_Cell]] = []
        for team in table.rows:
            line: list[_Cell] = []
            for judge, _name in table.judges:
                cell = cells.get((judge, team.code))
                if cell is None:
                    line.append(empty)
                    continue
                state = cell.state
                if state is CellState.DRAFT:
                    text = draft.get(cell.filled) or f"{cell.filled}/{table.criteria}"
                else:
                    text = texts[state]
                mark = (CONFLICT_MARK if state is CellState.CONFLICT else 0) | (
                    OUTLIER_MARK if cell.outlier else 0
                )
                line.append(_Cell(state, text, mark, cell))
            grid.append(line)
        self._grid = grid
        self._team_texts = [f"{team.code}  {team.institution}" for team in table.rows]

    def retranslate(self) -> None:
        """Work the texts out again in the new language and repaint every cell."""
        self._prepare()
        if self.rowCount() and self.columnCount():
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def team_texts(self) -> list[str]:
        """The team column's texts, to size that column without asking every row."""
        return list(self._team_texts)

    @property
    def table(self) -> ProgressTable:
        return self._table

    def set_table(self, table: ProgressTable) -> None:
        """Show new data; an unchanged shape only repaints the cells that changed."""
        old = self._table
        if old.rows != table.rows or old.judges != table.judges:
            self.beginResetModel()
            self._table = table
            self._prepare()
            self.endResetModel()
            return
        self._table = table
        self._prepare()
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
        # The most frequent roles come first: each visible cell asks for several per frame.
        row, column = index.row(), index.column()
        if column == TEAM_COLUMN:
            if not index.isValid():
                return None
            if role == _DISPLAY:
                return self._team_texts[row]
            if role in (CODE_ROLE, SORT_ROLE):
                return self._table.rows[row].code
            if role == _TOOLTIP:
                return self._table.rows[row].institution
            return None
        if row < 0 or column < 0:
            return None
        cell = self._grid[row][column - 1]
        if role == _DISPLAY:
            return cell.text
        if role == _BACKGROUND:
            return _BRUSHES[cell.state]
        if role == _ALIGNMENT:
            return _CENTRE
        if role == MARK_ROLE:
            return cell.mark
        if role in (SORT_ROLE, STATE_ROLE):
            return cell.state.value
        if role == _TOOLTIP:
            return self._tooltip(cell.state, cell.cell)
        if role == OUTLIER_ROLE:
            return bool(cell.mark & OUTLIER_MARK)
        if role == CODE_ROLE:
            return self._table.rows[row].code
        if role == JUDGE_ROLE:
            return self._table.judges[column - 1][0]
        return None

    def _state_text(self, state: CellState) -> str:
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
