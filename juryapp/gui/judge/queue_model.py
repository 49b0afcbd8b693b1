"""The table model of a judge's teams: schedule, team, category and the sheet's state."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from juryapp.domain.formatting import format_date, format_time
from juryapp.domain.kinds import SheetStatus
from juryapp.domain.messages import current_language
from juryapp.gui.tables import SORT_ROLE
from juryapp.services.scoring import QueueEntry

__all__ = ["SORT_ROLE", "TEAM_CODE_ROLE", "QueueModel"]

DAY, ORDER, TIME, INSTITUTION, TITLE, CATEGORY, STATUS = range(7)
COLUMN_COUNT = 7

TEAM_CODE_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex
_GREY = QColor("#8a8f98")
_SUBMITTED = QColor("#1b6e3a")


def _headers() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("QueueModel", "Day"),
        QCoreApplication.translate("QueueModel", "No."),
        QCoreApplication.translate("QueueModel", "Time"),
        QCoreApplication.translate("QueueModel", "Institution"),
        QCoreApplication.translate("QueueModel", "Innovation title"),
        QCoreApplication.translate("QueueModel", "Category"),
        QCoreApplication.translate("QueueModel", "Status"),
    )


def status_text(entry: QueueEntry, criteria: int) -> str:
    if entry.conflict:
        return QCoreApplication.translate("QueueModel", "Excluded (conflict of interest)")
    if entry.status is SheetStatus.SUBMITTED:
        return QCoreApplication.translate("QueueModel", "Submitted")
    if entry.status is SheetStatus.CONFIRMED:
        return QCoreApplication.translate("QueueModel", "Confirmed")
    if entry.status is SheetStatus.DRAFT or entry.filled:
        return QCoreApplication.translate("QueueModel", "In progress ({filled} of {total})").format(
            filled=entry.filled, total=criteria
        )
    return QCoreApplication.translate("QueueModel", "Not started")


class QueueModel(QAbstractTableModel):
    """Today's teams first, then the rest in presentation order (day, order)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[QueueEntry] = []
        self._criteria = 0
        self._today: date | None = None

    def set_entries(self, entries: list[QueueEntry], criteria: int, today: date) -> None:
        self.beginResetModel()
        self._today = today
        self._criteria = criteria
        self._entries = sorted(
            entries,
            key=lambda e: (e.day_date != today, e.day or 0, e.order or 0, e.team_code),
        )
        self.endResetModel()

    def update_entries(self, entries: list[QueueEntry]) -> None:
        """Take fresh states for the same teams, announcing only the rows that changed."""
        fresh = {e.team_code: e for e in entries}
        if set(fresh) != {e.team_code for e in self._entries}:
            self.set_entries(entries, self._criteria, self._today or date.today())
            return
        for row, old in enumerate(self._entries):
            new = fresh[old.team_code]
            if new != old:
                self._entries[row] = new
                self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))

    def entry(self, row: int) -> QueueEntry:
        return self._entries[row]

    def row_of(self, team_code: str) -> int:
        for row, entry in enumerate(self._entries):
            if entry.team_code == team_code:
                return row
        return -1

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        if self._entries:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._entries) - 1, COLUMN_COUNT - 1)
            )

    # -- QAbstractTableModel ---------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < COLUMN_COUNT:
            return _headers()[section]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._entries[index.row()].conflict:
            # Shown, so the judge sees the schedule whole, but never opened.
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(  # noqa: PLR0911 - one answer per role
        self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or index.row() >= len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == SORT_ROLE:
            return self._sort_value(entry, column)
        if role == TEAM_CODE_ROLE:
            return entry.team_code
        if role == Qt.ItemDataRole.ForegroundRole:
            if entry.conflict:
                return QBrush(_GREY)
            if column == STATUS and entry.status in (SheetStatus.SUBMITTED, SheetStatus.CONFIRMED):
                return QBrush(_SUBMITTED)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if entry.conflict:
                return QCoreApplication.translate(
                    "QueueModel", "You do not score this team: conflict of interest."
                )
            when = format_date(entry.day_date, current_language()) if entry.day_date else ""
            return "\n".join(part for part in (when, entry.institution, entry.title) if part)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (ORDER, TIME):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, entry: QueueEntry, column: int) -> str | None:  # noqa: PLR0911
        lang = current_language()
        if column == DAY:
            if entry.day_date is None:
                return "—"
            if entry.day_date == self._today:
                return QCoreApplication.translate("QueueModel", "Today")
            return format_date(entry.day_date, lang)
        if column == ORDER:
            return str(entry.order) if entry.order is not None else "—"
        if column == TIME:
            return format_time(entry.start, lang) if entry.start is not None else "—"
        if column == INSTITUTION:
            return entry.institution
        if column == TITLE:
            return entry.title
        if column == CATEGORY:
            return entry.category
        if column == STATUS:
            return status_text(entry, self._criteria)
        return None

    def _sort_value(self, entry: QueueEntry, column: int) -> Any:
        if column == DAY:
            return (entry.day_date or date.max).toordinal() * 1000 + (entry.order or 0)
        if column == ORDER:
            return entry.order or 0
        if column == TIME:
            return entry.start.isoformat() if entry.start is not None else ""
        if column == STATUS:
            rank = {None: 0, SheetStatus.DRAFT: 1, SheetStatus.SUBMITTED: 2}
            return 9 if entry.conflict else rank.get(entry.status, 3)
        return (self._display(entry, column) or "").casefold()
