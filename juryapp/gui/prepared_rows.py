"""A table model that answers every role from prepared grids, sorts itself, updates in place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from juryapp.gui.tables import SORT_ROLE

Index = QModelIndex | QPersistentModelIndex


@dataclass
class PreparedRows:
    """What a table shows, worked out before it is shown: one look-up per cell and role.

    ``codes`` names each row (unique); ``items`` are what the rows stand for (a team, say);
    ``by_role`` holds role -> [row][column]; ``sort_keys`` one key per row and column.
    """

    codes: list[str] = field(default_factory=list)
    items: list[object] = field(default_factory=list)
    by_role: dict[int, list[list[object]]] = field(default_factory=dict)
    sort_keys: list[tuple[Any, ...]] = field(default_factory=list)


class PreparedRowsModel(QAbstractTableModel):
    """Rows shown from a :class:`PreparedRows`; a view calls back into Python once per cell it
    paints (``multiData``), and a sort is one Python ``sorted`` over prepared keys, not a
    proxy asking ``data()`` twice per comparison. New rows for the same teams update the
    cells in place: selection and scroll position stay, and the view is not reset."""

    def __init__(self, columns: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._shown = PreparedRows()  # in the order the rows were given
        self._order: list[int] = []  # screen row -> row of ``_shown``
        self._row_of: dict[str, int] = {}  # code -> screen row
        self._sort_column = -1  # -1: the order the rows were given in
        self._sort_order = Qt.SortOrder.AscendingOrder

    # -- new rows ------------------------------------------------------------------------------
    def show_rows(self, prepared: PreparedRows) -> None:
        """Show ``prepared``; the same rows as before (by code) are updated in place."""
        same_rows = bool(self._order) and sorted(prepared.codes) == sorted(self._shown.codes)
        if not same_rows:
            self.beginResetModel()
            self._install(prepared, self._sorted(prepared, self._sort_column, self._sort_order))
            self.endResetModel()
            return
        order = self._sorted(prepared, self._sort_column, self._sort_order)
        if [prepared.codes[i] for i in order] == [self._shown.codes[i] for i in self._order]:
            self._install(prepared, order)
        else:
            self._move_rows(lambda: self._install(prepared, order))
        self.dataChanged.emit(self.index(0, 0), self.index(len(order) - 1, self._columns - 1))

    def _install(self, prepared: PreparedRows, order: list[int]) -> None:
        # Qt asks with plain ints; the grids may be keyed by Qt's role enums.
        prepared.by_role = {int(role): grid for role, grid in prepared.by_role.items()}
        self._shown, self._order = prepared, order
        self._row_of = {prepared.codes[i]: row for row, i in enumerate(order)}

    def _move_rows(self, change: Callable[[], None]) -> None:
        """Reorder the rows with ``change``; selections and the current row follow them."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        codes = [self.code_at(index.row()) for index in before]
        change()
        moved = [
            self.index(self._row_of[code], old.column())
            for old, code in zip(before, codes, strict=True)
        ]
        self.changePersistentIndexList(before, moved)
        self.layoutChanged.emit()

    # -- sorting -------------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        rows = self._sorted(self._shown, column, order)
        if rows != self._order:
            self._move_rows(lambda: self._install(self._shown, rows))

    def _sorted(self, prepared: PreparedRows, column: int, order: Qt.SortOrder) -> list[int]:
        rows = list(range(len(prepared.codes)))
        if not 0 <= column < self._columns:
            return rows
        keys = prepared.sort_keys
        # sorted() is stable: rows with equal keys keep the order they were given in.
        return sorted(
            rows, key=lambda i: keys[i][column], reverse=order is Qt.SortOrder.DescendingOrder
        )

    # -- what the view asks --------------------------------------------------------------------
    def column_texts(self, column: int) -> list[str]:
        """What a column shows in every row, to size it without asking the model per row."""
        grid = self._shown.by_role.get(int(Qt.ItemDataRole.DisplayRole), [])
        return [str(line[column]) for line in grid if line[column] is not None]

    def code_at(self, row: int) -> str:
        return self._shown.codes[self._order[row]]

    def item_at(self, row: int) -> object:
        return self._shown.items[self._order[row]]

    def row_of(self, code: str) -> int | None:
        return self._row_of.get(code)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._columns

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Qt's own asks rowCount() and columnCount() first: two more calls into Python per
        # cell, each waiting for the interpreter while a worker reckons.
        if parent.isValid() or not (0 <= row < len(self._order) and 0 <= column < self._columns):
            return QModelIndex()
        return self.createIndex(row, column)

    def multiData(  # noqa: N802
        self,
        index: Index,
        roleDataSpan: QModelRoleDataSpan | QModelRoleData,  # noqa: N803
    ) -> None:
        """Every role a view asks of a cell in one call (Qt asks about ten per cell painted):
        each call into Python from the GUI thread may wait up to a switch interval for the
        interpreter while a worker runs Python."""
        row, column = index.row(), index.column()
        inside = index.isValid() and row < len(self._order) and 0 <= column < self._columns
        shown = self._order[row] if inside else 0
        grids = self._shown.by_role
        span: Any = roleDataSpan  # the stubs do not say it can be indexed
        slots = [span] if isinstance(span, QModelRoleData) else (span[i] for i in range(len(span)))
        for slot in slots:
            grid = grids.get(slot.role()) if inside else None
            value = grid[shown][column] if grid is not None else None
            if value is None:
                slot.clearData()
            else:
                slot.setData(value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == SORT_ROLE:
            row = index.row()
            if not index.isValid() or row >= len(self._order):
                return None
            return self._shown.sort_keys[self._order[row]][index.column()]
        grid = self._shown.by_role.get(role)
        if grid is None or not index.isValid():
            return None
        row = index.row()
        return grid[self._order[row]][index.column()] if row < len(self._order) else None
