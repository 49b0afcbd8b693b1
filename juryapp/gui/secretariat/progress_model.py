"""The judge × team progress matrix as a Qt table model."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter

from juryapp.gui.secretariat.common import AMBER, BLUE, CODE_ROLE, GREEN, GREY
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
_RANK = {state: i for i, state in enumerate(CellState)}


@cache
def _brushes() -> dict[CellState, QBrush]:
    """One brush per state, shared by every cell; conflicts get grey with a diagonal hatch.

    The hatch is a texture the view fills in C++, so no cell needs painting in Python.
    Built on first use, on the GUI thread: the worker preparing a table only hands them on.
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
Key = tuple[str, str]  # (judge, team)


@dataclass(frozen=True)
class ProgressRow:
    code: str
    institution: str
    category: str


@dataclass(frozen=True)
class ProgressTable:
    """What the matrix shows: rows in the order on screen, judges, and every cell."""

    rows: tuple[ProgressRow, ...]
    judges: tuple[tuple[str, str], ...]  # (code, name)
    criteria: int
    cells: dict[Key, ProgressCell]

    @classmethod
    def build(cls, progress: Progress) -> ProgressTable:
        names = progress.judge_names
        return cls(
            rows=tuple(ProgressRow(t.code, t.institution, t.category) for t in progress.rows),
            judges=tuple((code, names.get(code, code)) for code in progress.judges),
            criteria=progress.criteria,
            cells=dict(progress.cells),
        )

    def count(self, state: CellState) -> int:
        return sum(1 for c in self.cells.values() if c.state is state)


@dataclass(frozen=True)
class CellTexts:
    """The words cells show, translated on the GUI thread before a table is prepared."""

    states: dict[CellState, str]

    def text(self, cell: ProgressCell | None, criteria: int) -> str:
        if cell is None:
            return self.states[CellState.NOT_STARTED]
        if cell.state is CellState.DRAFT:
            return f"{cell.filled}/{criteria}"
        return self.states[cell.state]


def _mark(cell: ProgressCell | None) -> int:
    if cell is None:
        return 0
    return (CONFLICT_MARK if cell.state is CellState.CONFLICT else 0) | (
        OUTLIER_MARK if cell.outlier else 0
    )


@dataclass
class PreparedTable:
    """Every role a frame asks for, worked out once: made on a worker, handed to the model."""

    table: ProgressTable  # rows in presentation order
    head: int
    by_role: dict[int, list[list[object]]]  # role -> [row][column]
    marks: list[list[int]]  # [row][column - 1]
    team_texts: list[str]
    counts: Counter[CellState]

    @classmethod
    def build(cls, progress: Progress, texts: CellTexts) -> PreparedTable:
        """Pure Python over plain data and shared brushes: safe on any thread."""
        table = ProgressTable.build(progress)
        brushes = _brushes()
        cells, criteria = table.cells, table.criteria
        display: list[list[object]] = []
        background: list[list[object]] = []
        sort: list[list[object]] = []
        states: list[list[object]] = []
        marks: list[list[int]] = []
        team_texts: list[str] = []
        counts: Counter[CellState] = Counter()
        judges = [code for code, _name in table.judges]
        for team in table.rows:
            line = [cells.get((judge, team.code)) for judge in judges]
            values = [c.state if c is not None else CellState.NOT_STARTED for c in line]
            counts.update(c.state for c in line if c is not None)
            team_texts.append(f"{team.code}  {team.institution}")
            display.append([team_texts[-1], *(texts.text(c, criteria) for c in line)])
            background.append([None, *(brushes[v] for v in values)])
            sort.append([team.code, *(v.value for v in values)])
            states.append([None, *(v.value for v in values)])
            marks.append([_mark(c) for c in line])
        alignment: list[object] = [None, *([_CENTRE] * len(judges))]
        by_role: dict[int, list[list[object]]] = {
            _DISPLAY: display,
            _BACKGROUND: background,
            _ALIGNMENT: [alignment] * len(table.rows),
            SORT_ROLE: sort,
            STATE_ROLE: states,
        }
        return cls(table, progress.head, by_role, marks, team_texts, counts)


class ProgressModel(QAbstractTableModel):
    """Every role a frame or a sort asks for is answered from a prepared grid with one look-up.

    A whole table is prepared off the GUI thread (:class:`PreparedTable`) and swapped in; a
    few teams read again after a saved score change only their own cells, in place.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[ProgressRow, ...] = ()  # in the order shown
        self._judges: tuple[tuple[str, str], ...] = ()
        self._criteria = 0
        self._cells: dict[Key, ProgressCell] = {}
        self._read_at: dict[str, int] = {}  # team -> trail head its cells were read at
        self._head = 0  # of the last whole table
        self._row_of: dict[str, int] = {}
        self._column_of: dict[str, int] = {}
        self._marks: list[list[int]] = []  # [row][column - 1]
        self._team_texts: list[str] = []
        self._counts: Counter[CellState] = Counter()
        self._n_rows = 0
        self._n_columns = 1
        # role -> [row][column]: the roles the view asks for every cell.
        self._by_role: dict[int, list[list[object]]] = {}
        self._schedule: tuple[ProgressRow, ...] = ()  # the rows in presentation order
        self._sort_column = -1  # -1: presentation order
        self._sort_order = Qt.SortOrder.AscendingOrder

    # -- what the screen reads -------------------------------------------------------------
    @property
    def table(self) -> ProgressTable:
        """The matrix as shown now (rows in screen order)."""
        return ProgressTable(self._rows, self._judges, self._criteria, dict(self._cells))

    def count(self, state: CellState) -> int:
        return self._counts[state]

    def team_texts(self) -> list[str]:
        """The team column's texts, to size that column without asking every row."""
        return list(self._team_texts)

    def texts(self) -> CellTexts:
        """The cells' words in the interface language (on the GUI thread)."""
        _brushes()  # made here, so that a worker preparing a table only reads them
        return CellTexts({state: self._state_text(state) for state in CellState})

    # -- new data --------------------------------------------------------------------------
    def set_table(self, prepared: PreparedTable) -> None:
        """Show a whole table; an unchanged shape repaints instead of resetting the view.

        Teams read again since (a higher trail head) keep their newer cells.
        """
        table = prepared.table
        newer = {
            (judge, team): cell
            for (judge, team), cell in self._cells.items()
            if self._read_at.get(team, -1) > prepared.head
        }
        same_shape = (
            self._schedule == table.rows and self._judges == table.judges and self._n_rows > 0
        )
        shown_before = [row.code for row in self._rows]
        before = self.persistentIndexList() if same_shape else []
        if same_shape:
            self.layoutAboutToBeChanged.emit()
        else:
            self.beginResetModel()
        self._schedule = table.rows
        self._rows, self._judges, self._criteria = table.rows, table.judges, table.criteria
        self._cells = dict(table.cells)
        self._head = prepared.head
        self._read_at = {team: seq for team, seq in self._read_at.items() if seq > prepared.head}
        self._by_role, self._marks = prepared.by_role, prepared.marks
        self._team_texts, self._counts = prepared.team_texts, Counter(prepared.counts)
        self._n_rows, self._n_columns = len(table.rows), len(table.judges) + 1
        self._column_of = {code: i for i, (code, _name) in enumerate(table.judges, 1)}
        self._row_of = {row.code: i for i, row in enumerate(table.rows)}
        if self._sort_column >= 0:
            self._reorder(self._sorted_rows(self._sort_column, self._sort_order))
        if same_shape:
            moved = [
                self.index(self._row_of[shown_before[old.row()]], old.column()) for old in before
            ]
            self.changePersistentIndexList(before, moved)
            self.layoutChanged.emit()
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._n_rows - 1, self._n_columns - 1)
            )
        else:
            self.endResetModel()
        if newer:
            self._put(newer, texts=self.texts())

    def update_teams(self, progress: Progress) -> None:
        """Take in a few teams read again (see ``ResultsService.progress(teams_only=…)``)."""
        fresh = {
            key: cell
            for key, cell in progress.cells.items()
            if progress.head >= self._read_at.get(key[1], self._head)
        }
        for team in {key[1] for key in fresh}:
            self._read_at[team] = progress.head
        if not self._n_rows:
            self._cells.update(fresh)  # the whole table is on its way: it keeps these
            return
        if progress.criteria != self._criteria:
            return  # the rubric changed: a whole table follows
        sorted_by = (
            self._judges[self._sort_column - 1][0] if self._sort_column > TEAM_COLUMN else ""
        )
        moved = any(
            judge == sorted_by and self._cells.get((judge, team), cell).state is not cell.state
            for (judge, team), cell in fresh.items()
        )
        self._put(fresh, texts=self.texts())
        if moved:  # a state changed in the column the rows are sorted by
            self.sort(self._sort_column, self._sort_order)

    def _put(self, cells: dict[Key, ProgressCell], *, texts: CellTexts) -> None:
        brushes = _brushes()
        display, background = self._by_role[_DISPLAY], self._by_role[_BACKGROUND]
        sort, states = self._by_role[SORT_ROLE], self._by_role[STATE_ROLE]
        for (judge, team), cell in cells.items():
            row, column = self._row_of.get(team), self._column_of.get(judge)
            if row is None or column is None:
                continue
            old = self._cells.get((judge, team))
            if old == cell:
                continue
            if old is not None:
                self._counts[old.state] -= 1
            self._counts[cell.state] += 1
            self._cells[(judge, team)] = cell
            display[row][column] = texts.text(cell, self._criteria)
            background[row][column] = brushes[cell.state]
            sort[row][column] = states[row][column] = cell.state.value
            self._marks[row][column - 1] = _mark(cell)
            index = self.index(row, column)
            self.dataChanged.emit(index, index)

    def retranslate(self) -> None:
        """Work the texts out again in the new language and repaint every cell."""
        if not self._n_rows:
            return
        texts = self.texts()
        display = self._by_role[_DISPLAY]
        for row, team in enumerate(self._rows):
            line = display[row]
            for column, (judge, _name) in enumerate(self._judges, 1):
                line[column] = texts.text(self._cells.get((judge, team.code)), self._criteria)
        self.dataChanged.emit(self.index(0, 0), self.index(self._n_rows - 1, self._n_columns - 1))

    # -- sorting ---------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows on prepared keys: a proxy would call data() twice per comparison."""
        self._sort_column, self._sort_order = column, order
        rows = self._sorted_rows(column, order)
        if rows == self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        shown_before = [row.code for row in self._rows]
        self._reorder(rows)
        moved = [self.index(self._row_of[shown_before[old.row()]], old.column()) for old in before]
        self.changePersistentIndexList(before, moved)
        self.layoutChanged.emit()

    def _reorder(self, rows: tuple[ProgressRow, ...]) -> None:
        """Put the prepared cells in ``rows``' order; nothing is worked out again."""
        permutation = [self._row_of[row.code] for row in rows]  # new row -> old row
        self._rows = rows
        self._by_role = {
            role: [grid[i] for i in permutation] for role, grid in self._by_role.items()
        }
        self._marks = [self._marks[i] for i in permutation]
        self._team_texts = [self._team_texts[i] for i in permutation]
        self._row_of = {row.code: i for i, row in enumerate(rows)}

    def _sorted_rows(self, column: int, order: Qt.SortOrder) -> tuple[ProgressRow, ...]:
        schedule = self._schedule or self._rows
        if not 0 <= column < len(self._judges) + 1:
            return schedule
        descending = order is Qt.SortOrder.DescendingOrder
        if column == TEAM_COLUMN:
            return tuple(sorted(schedule, key=lambda r: r.code, reverse=descending))
        judge = self._judges[column - 1][0]
        missing = _RANK[CellState.NOT_STARTED]
        cells = self._cells

        def key(row: ProgressRow) -> int:
            cell = cells.get((judge, row.code))
            return _RANK[cell.state] if cell is not None else missing

        # sorted() is stable, so teams with the same state keep their presentation order.
        return tuple(sorted(schedule, key=key, reverse=descending))

    # -- the model's interface -------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """One call instead of the base class's rowCount and columnCount for every index."""
        if 0 <= row < self._n_rows and 0 <= column < self._n_columns and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._n_rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._n_columns

    def cell(self, index: Index) -> ProgressCell | None:
        if not index.isValid() or index.column() == TEAM_COLUMN:
            return None
        judge = self._judges[index.column() - 1][0]
        return self._cells.get((judge, self._rows[index.row()].code))

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
            return self._rows[row].code
        if column == TEAM_COLUMN:
            return self._rows[row].institution if role == _TOOLTIP else None
        judge = self._judges[column - 1][0]
        mark = self._marks[row][column - 1]
        if role == _TOOLTIP:
            cell = self._cells.get((judge, self._rows[row].code))
            return self._tooltip(cell.state if cell else CellState.NOT_STARTED, cell)
        if role == MARK_ROLE:
            return mark
        if role == OUTLIER_ROLE:
            return bool(mark & OUTLIER_MARK)
        if role == JUDGE_ROLE:
            return judge
        return None

    def _outliers(self, row: int) -> tuple[int, ...]:
        return tuple(
            column for column, mark in enumerate(self._marks[row], 1) if mark & OUTLIER_MARK
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
        if not 0 < section <= len(self._judges):
            return None
        code, name = self._judges[section - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return code
        if role == Qt.ItemDataRole.ToolTipRole:
            return name
        return None
