"""The presentation order as a Qt table model that can move rows (drag and drop or keys)."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from juryapp.domain.formatting import format_date, format_time
from juryapp.domain.model import ConventionSpec, Team
from juryapp.gui.secretariat.common import CODE_ROLE, lang, schedule_order
from juryapp.gui.tables import SORT_ROLE

Index = QModelIndex | QPersistentModelIndex

DAY, ORDER, TIME, CODE, INSTITUTION, TITLE = range(6)
_MIME = "application/x-juryapp-schedule-row"


class ScheduleModel(QAbstractTableModel):
    """Rows are teams in presentation order. Moving a row changes its place, not the slots:
    each day keeps its times, and the team in the n-th place takes the n-th slot's time."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._spec: ConventionSpec | None = None
        self._teams: list[Team] = []
        self._slots: dict[int | None, list[time | None]] = {}
        self._placed: list[Team] | None = None  # teams(), worked out once per change
        self.dirty = False

    def set_spec(self, spec: ConventionSpec) -> None:
        self.beginResetModel()
        self._spec = spec
        self._teams = schedule_order(spec)
        self._placed = None
        self._slots = {}
        for team in self._teams:
            self._slots.setdefault(team.day, []).append(team.time)
        self.dirty = False
        self.endResetModel()

    def teams(self) -> list[Team]:
        """Teams with day, order and time as the rows now stand."""
        if self._placed is None:
            self._placed = self._place()
        return list(self._placed)

    def _place(self) -> list[Team]:
        placed: list[Team] = []
        counters: dict[int | None, int] = {}
        for team in self._teams:
            n = counters.get(team.day, 0)
            counters[team.day] = n + 1
            slots = self._slots.get(team.day, [])
            slot_time = slots[n] if n < len(slots) else team.time
            order = n + 1 if team.day is not None else team.order
            placed.append(replace(team, order=order, time=slot_time))
        return placed

    def updated_spec(self) -> ConventionSpec:
        assert self._spec is not None
        by_code = {t.code: t for t in self.teams()}
        return replace(self._spec, teams=tuple(by_code[t.code] for t in self._spec.teams))

    # -- reading ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._teams)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 6

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: PLR0911 - one branch per column and role
        if not index.isValid() or self._spec is None:
            return None
        if self._placed is None:
            self._placed = self._place()
        team = self._placed[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == DAY:
                if team.day is None or not 0 < team.day <= len(self._spec.days):
                    return "" if team.day is None else str(team.day)
                return format_date(self._spec.days[team.day - 1].date, lang())
            if column == ORDER:
                return "" if team.order is None else str(team.order)
            if column == TIME:
                return "" if team.time is None else format_time(team.time, lang())
            return (team.code, team.institution, team.title)[column - CODE]
        if role == SORT_ROLE:
            return index.row()
        if role == CODE_ROLE:
            return team.code
        if role == Qt.ItemDataRole.ToolTipRole and column == TITLE:
            return team.title
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (
            self.tr("Day"),
            self.tr("No."),
            self.tr("Time"),
            self.tr("Team"),
            self.tr("Institution"),
            self.tr("Innovation title"),
        )
        return headers[section] if 0 <= section < len(headers) else None

    # -- moving -------------------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def moveRows(  # noqa: N802
        self,
        source_parent: Index,
        source_row: int,
        count: int,
        destination_parent: Index,
        destination_child: int,
    ) -> bool:
        """Move rows; a team dropped among another day's teams joins that day."""
        if source_parent.isValid() or destination_parent.isValid() or count < 1:
            return False
        last = source_row + count - 1
        if (
            source_row < 0
            or last >= len(self._teams)
            or not 0 <= destination_child <= len(self._teams)
        ):
            return False
        if source_row <= destination_child <= last + 1:
            return False  # onto itself
        if not self.beginMoveRows(
            QModelIndex(), source_row, last, QModelIndex(), destination_child
        ):
            return False
        moving = self._teams[source_row : last + 1]
        rest = self._teams[:source_row] + self._teams[last + 1 :]
        at = destination_child if destination_child < source_row else destination_child - count
        neighbour = rest[at - 1] if at > 0 else (rest[0] if rest else None)
        day = neighbour.day if neighbour is not None else moving[0].day
        moving = [replace(t, day=day) for t in moving]
        self._teams = rest[:at] + moving + rest[at:]
        self._placed = None
        self._fit_slots()
        self.endMoveRows()
        self.dirty = True
        # Places and times of every row may have changed.
        self.dataChanged.emit(self.index(0, DAY), self.index(len(self._teams) - 1, TIME))
        return True

    def _fit_slots(self) -> None:
        """A day that gains a team gets one more slot, after its last, of the usual length."""
        for day in {t.day for t in self._teams}:
            needed = sum(1 for t in self._teams if t.day == day)
            slots = self._slots.setdefault(day, [])
            while len(slots) < needed:
                slots.append(_after(slots, self._slot_minutes()))

    def _slot_minutes(self) -> int:
        if self._spec is None:
            return 30
        return self._spec.scoring.presentation_minutes + self._spec.scoring.qa_minutes

    def move_row(self, row: int, step: int) -> bool:
        """Keyboard move: one place up (-1) or down (+1)."""
        target = row + step
        if not 0 <= target < len(self._teams):
            return False
        destination = target if step < 0 else target + 1
        return self.moveRows(QModelIndex(), row, 1, QModelIndex(), destination)

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]  # noqa: N802
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data.setData(_MIME, QByteArray(",".join(map(str, rows)).encode()))
        return data

    def canDropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return data.hasFormat(_MIME) and action == Qt.DropAction.MoveAction

    def dropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        text = bytes(data.data(_MIME).data()).decode()
        if not text:
            return False
        source = int(text.split(",")[0])
        destination = row if row >= 0 else (parent.row() if parent.isValid() else len(self._teams))
        self.moveRows(QModelIndex(), source, 1, QModelIndex(), destination)
        # The move is done here; returning False stops the view from removing the source row.
        return False


def _after(slots: list[time | None], minutes: int) -> time | None:
    known = [s for s in slots if s is not None]
    if not known:
        return None
    last = known[-1]
    total = last.hour * 60 + last.minute + minutes
    return time(min(total // 60, 23), total % 60)
