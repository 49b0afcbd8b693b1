"""The judge × team progress matrix as a Qt table model."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter

from juryapp.domain.model import ConventionSpec
from juryapp.gui.secretariat.common import AMBER, BLUE, CODE_ROLE, GREEN, GREY, schedule_order
from juryapp.gui.tables import SORT_ROLE
from juryapp.services.results import CellState, Progress, ProgressCell

STATE_ROLE = Qt.ItemDataRole.UserRole + 10  # CellState of a judge cell
OUTLIER_ROLE = Qt.ItemDataRole.UserRole + 11  # True where the judge is far from the panel
JUDGE_ROLE = Qt.ItemDataRole.UserRole + 12  # judge code of a judge cell
MARK_ROLE = Qt.ItemDataRole.UserRole + 13  # CONFLICT_MARK | OUTLIER_MARK of a judge cell
OUTLIERS_ROLE = Qt.ItemDataRole.UserRole + 14  # judge columns of a row's outliers, any column

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

HATCH = QColor("#9e9e9e")


@cache
def _brushes() -> dict[CellState, QBrush]:
    """One brush per state, shared by every cell; conflicts get grey with a diagonal hatch.

    The hatch is a texture the view fills in C++, so no cell needs painting in Python.
    Built on first use: a brush is worth keeping only once there is something to paint.
    """
    brushes = {state: QBrush(colour) for state, colour in _COLOURS.items()}
    tile = QImage(8, 8, QImage.Format.Format_RGB32)  # the period of Qt's hatch patterns
    tile.fill(_COLOURS[CellState.CONFLICT])
    painter = QPainter(tile)
    painter.fillRect(tile.rect(), QBrush(HATCH, Qt.BrushStyle.BDiagPattern))
    painter.end()
    brushes[CellState.CONFLICT] = QBrush(tile)
    return brushes


_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)  # ints: data() gets plain ints as roles
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)

_RARE_ROLES = frozenset({_TOOLTIP, CODE_ROLE, MARK_ROLE, OUTLIER_ROLE, JUDGE_ROLE, OUTLIERS_ROLE})

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
    """Every role a frame or a sort asks for is answered from a prepared grid with one look-up."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table = ProgressTable((), (), 0, {})
        self._team_texts: list[str] = []
        self._grid: list[list[_Cell]] = []  # [row][column - 1]
        self._rows = 0
        self._columns = 1
        # role -> [row][column]: the roles the view asks for every cell.
        self._by_role: dict[int, list[list[object]]] = {}
        self._schedule: tuple[ProgressRow, ...] = ()  # the rows in presentation order
        self._sort_column = -1  # -1: presentation order
        self._sort_order = Qt.SortOrder.AscendingOrder

    def _prepare(self) -> None:
        """Display texts, states and marks of every cell, for the data() calls to look up."""
        table = self._table
        texts = {state: self._state_text(state) for state in CellState}
        draft = {n: f"{n}/{table.criteria}" for n in range(table.criteria + 1)}
        cells = table.cells
        empty = _Cell(CellState.NOT_STARTED, texts[CellState.NOT_STARTED], 0, None)
        brushes = _brushes()
        grid: list[list[_Cell]] = []
        team_texts: list[str] = []
        display: list[list[object]] = []
        background: list[list[object]] = []
        sort: list[list[object]] = []
        states: list[list[object]] = []
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
            team_texts.append(f"{team.code}  {team.institution}")
            display.append([team_texts[-1], *(c.text for c in line)])
            background.append([None, *(brushes[c.state] for c in line)])
            values = [c.state.value for c in line]
            sort.append([team.code, *values])
            states.append([None, *values])
        self._grid = grid
        self._team_texts = team_texts
        self._rows = len(table.rows)
        self._columns = len(table.judges) + 1
        alignment: list[object] = [None, *([_CENTRE] * len(table.judges))]
        self._by_role = {
            _DISPLAY: display,
            _BACKGROUND: background,
            _ALIGNMENT: [alignment] * len(table.rows),
            SORT_ROLE: sort,
            STATE_ROLE: states,
        }

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
        self._schedule = table.rows
        table = replace(table, rows=self._sorted_rows(table, self._sort_column, self._sort_order))
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

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows on prepared keys: a proxy would call data() twice per comparison."""
        self._sort_column, self._sort_order = column, order
        rows = self._sorted_rows(self._table, column, order)
        if rows == self._table.rows:
            return
        self.layoutAboutToBeChanged.emit()
        where = {row.code: i for i, row in enumerate(self._table.rows)}
        permutation = [where[row.code] for row in rows]  # new row -> old row
        position = {old: new for new, old in enumerate(permutation)}
        before = self.persistentIndexList()
        moved = [self.index(position[old.row()], old.column()) for old in before]
        # The prepared cells only change places; nothing is worked out again.
        self._table = replace(self._table, rows=rows)
        self._grid = [self._grid[i] for i in permutation]
        self._team_texts = [self._team_texts[i] for i in permutation]
        self._by_role = {
            role: [grid[i] for i in permutation] for role, grid in self._by_role.items()
        }
        self.changePersistentIndexList(before, moved)
        self.layoutChanged.emit()

    def _sorted_rows(
        self, table: ProgressTable, column: int, order: Qt.SortOrder
    ) -> tuple[ProgressRow, ...]:
        schedule = self._schedule or table.rows
        if not 0 <= column < len(table.judges) + 1:
            return schedule
        descending = order is Qt.SortOrder.DescendingOrder
        if column == TEAM_COLUMN:
            return tuple(sorted(schedule, key=lambda r: r.code, reverse=descending))
        judge = table.judges[column - 1][0]
        rank = {state: i for i, state in enumerate(CellState)}
        missing = rank[CellState.NOT_STARTED]

        def key(row: ProgressRow) -> int:
            cell = table.cells.get((judge, row.code))
            return rank[cell.state] if cell is not None else missing

        # sorted() is stable, so teams with the same state keep their presentation order.
        return tuple(sorted(schedule, key=key, reverse=descending))

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """One call instead of the base class's rowCount and columnCount for every index."""
        if 0 <= row < self._rows and 0 <= column < self._columns and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._columns

    def cell(self, index: Index) -> ProgressCell | None:
        if not index.isValid() or index.column() == TEAM_COLUMN:
            return None
        judge = self._table.judges[index.column() - 1][0]
        return self._table.cells.get((judge, self._table.rows[index.row()].code))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # Painting and sorting ask these roles thousands of times a frame: one dict look-up.
        grid = self._by_role.get(role)
        if grid is not None:
            row = index.row()
            return grid[row][index.column()] if row >= 0 else None
        if role in _RARE_ROLES and index.isValid():
            return self._rare(index.row(), index.column(), role)
        return None

    def _rare(self, row: int, column: int, role: int) -> object:  # noqa: PLR0911 - one per role
        """The roles asked for one cell at a time: tooltips, marks, codes."""
        if role == OUTLIERS_ROLE:
            return self._outliers(row)
        if role == CODE_ROLE:
            return self._table.rows[row].code
        if column == TEAM_COLUMN:
            return self._table.rows[row].institution if role == _TOOLTIP else None
        cell = self._grid[row][column - 1]
        if role == _TOOLTIP:
            return self._tooltip(cell.state, cell.cell)
        if role == MARK_ROLE:
            return cell.mark
        if role == OUTLIER_ROLE:
            return bool(cell.mark & OUTLIER_MARK)
        if role == JUDGE_ROLE:
            return self._table.judges[column - 1][0]
        return None

    def _outliers(self, row: int) -> tuple[int, ...]:
        return tuple(
            column for column, cell in enumerate(self._grid[row], 1) if cell.mark & OUTLIER_MARK
        )

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
