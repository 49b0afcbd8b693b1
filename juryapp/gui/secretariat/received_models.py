"""Which judges' logs the hub holds and up to when, and the forks found in them: table models."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from juryapp.gui.tables import SORT_ROLE
from juryapp.services.hub import ForkView, ReceivedJudge

Index = QModelIndex | QPersistentModelIndex
FORK_ID_ROLE = Qt.ItemDataRole.UserRole + 30

JUDGE, NAME, KEY, UPTO, LAST, MISSING, SET_ASIDE, FORKS = range(8)
FORK_JUDGE, FORK_SEQ, APPLIED, OTHER, DECISION = range(5)
_WARNING = Qt.GlobalColor.darkRed


class ReceivedModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[ReceivedJudge, ...] = ()

    def set_rows(self, rows: tuple[ReceivedJudge, ...]) -> None:
        if rows == self._rows:
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> ReceivedJudge:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 8

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and (
            (column == MISSING and row.missing) or (column == FORKS and row.open_forks)
        ):
            return _WARNING
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (UPTO, SET_ASIDE, FORKS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: ReceivedJudge, column: int) -> str:
        return (
            row.judge_code,
            row.judge_name,
            row.fingerprint or self.tr("not enrolled"),
            f"#{row.upto}" if row.upto else "—",
            row.last_received.strftime("%d-%m %H.%M") if row.last_received else "—",
            ", ".join(f"#{a}–#{b}" for a, b in row.missing) or "—",
            str(row.set_aside) if row.set_aside else "—",
            str(row.open_forks) if row.open_forks else "—",
        )[column]

    def _sort_value(self, row: ReceivedJudge, column: int) -> object:
        if column == UPTO:
            return row.upto
        if column == LAST:
            return row.last_received.isoformat() if row.last_received else ""
        if column == SET_ASIDE:
            return row.set_aside
        if column == FORKS:
            return row.open_forks
        return self._text(row, column)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Judge"),
            self.tr("Name"),
            self.tr("Key"),
            self.tr("Received up to"),
            self.tr("Last received"),
            self.tr("Missing"),
            self.tr("Set aside"),
            self.tr("Forks"),
        )[section]


class ForksModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[ForkView, ...] = ()

    def set_rows(self, rows: tuple[ForkView, ...]) -> None:
        if rows == self._rows:
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 5

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        fork, column = self._rows[index.row()], index.column()
        if role == FORK_ID_ROLE or (role == SORT_ROLE and column == FORK_SEQ):
            return fork.id if role == FORK_ID_ROLE else fork.seq
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return (
                fork.judge_code,
                f"#{fork.seq}",
                "; ".join(fork.applied_branch),
                "; ".join(fork.other_branch),
                self._decision(fork),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (APPLIED, OTHER):
            return "\n".join(fork.applied_branch if column == APPLIED else fork.other_branch)
        if role == Qt.ItemDataRole.ForegroundRole and column == DECISION and not fork.decision:
            return _WARNING
        return None

    def _decision(self, fork: ForkView) -> str:
        if fork.decision == "kept":
            return self.tr("applied branch kept by {who}: {why}").format(
                who=fork.decided_by, why=fork.reason
            )
        if fork.decision == "taken":
            return self.tr("other branch taken by {who}: {why}").format(
                who=fork.decided_by, why=fork.reason
            )
        return self.tr("waiting for a decision")

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Judge"),
            self.tr("Event"),
            self.tr("Applied branch"),
            self.tr("Other branch"),
            self.tr("Decision"),
        )[section]
