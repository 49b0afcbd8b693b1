"""An editable table of frozen set-up records (categories, criteria, teams, judges, conflicts)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from juryapp.gui.tables import SORT_ROLE

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: how to show a record's field and how a typed text changes the record.

    ``put`` raises ``ValueError`` for text it cannot take; ``warn`` returns a warning that
    colours the cell and shows as its tooltip; ``edit`` gives the text an editor starts from
    when it differs from the one shown (a date shown in words, edited as YYYY-MM-DD).
    """

    header: str
    get: Callable[[R], str]
    put: Callable[[R, str], R] | None = None
    warn: Callable[[R], str] | None = None
    edit: Callable[[R], str] | None = None


# A cell longer than this may be cut off by its column: its tooltip shows it whole.
TOOLTIP_FROM = 18


class RecordModel(QAbstractTableModel, Generic[R]):
    """Edits replace whole records (they are frozen dataclasses); the page reads ``records``."""

    edited = Signal()
    refused = Signal(str)  # why a typed value was not taken

    def __init__(
        self, columns: Sequence[Column[R]], blank: Callable[[int], R], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._blank = blank
        self._records: list[R] = []
        self.read_only = False

    @property
    def records(self) -> tuple[R, ...]:
        return tuple(self._records)

    def set_records(self, records: Sequence[R]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def set_columns(self, columns: Sequence[Column[R]]) -> None:
        """New headers (after a language change); same number of columns."""
        self._columns = list(columns)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(columns) - 1)

    def add(self, record: R | None = None) -> int:
        row = len(self._records)
        self.beginInsertRows(QModelIndex(), row, row)
        self._records.append(self._blank(row) if record is None else record)
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove(self, row: int) -> None:
        if not 0 <= row < len(self._records):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._records[row]
        self.endRemoveRows()
        self.edited.emit()

    def replace_record(self, row: int, record: R) -> None:
        self._records[row] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))
        self.edited.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._columns[index.column()].put is not None and not self.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: PLR0911 - one answer per role
        if not index.isValid():
            return None
        record, column = self._records[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.EditRole and column.edit is not None:
            return column.edit(record)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, SORT_ROLE):
            return column.get(record)
        warning = column.warn(record) if column.warn is not None else ""
        if warning and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor("#fde2e2"))
        if role == Qt.ItemDataRole.ToolTipRole:
            if warning:
                return warning
            text = column.get(record)
            return text if len(text) > TOOLTIP_FROM else None
        return None

    def describe(self, row: int) -> str:
        """A row as a person names it: its first two cells, e.g. "PKM-01 Puskesmas Tambora"."""
        if not 0 <= row < len(self._records):
            return ""
        record = self._records[row]
        cells = [c.get(record) for c in self._columns[:2]]
        return " — ".join(cell for cell in cells if cell)

    def setData(  # noqa: N802
        self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        column = self._columns[index.column()]
        if column.put is None:
            return False
        try:
            record = column.put(self._records[index.row()], str(value))
        except ValueError as exc:
            self.refused.emit(str(exc))
            return False
        self.replace_record(index.row(), record)
        return True

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return self._columns[section].header if 0 <= section < len(self._columns) else None
