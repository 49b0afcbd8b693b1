"""What is still open before the lock, as a table: what it is, where, and a place for a button."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from juryapp.gui.problems import sentence
from juryapp.gui.secretariat.common import say
from juryapp.gui.tables import SORT_ROLE
from juryapp.services.readiness import OpenItem, OpenKind

Index = QModelIndex | QPersistentModelIndex
KIND, WHAT, GO = range(3)
ITEM_ROLE = Qt.ItemDataRole.UserRole + 40


def where(item: OpenItem) -> str:
    """The sheet (judge × team) or the tied teams of a category the item is about."""
    if item.judge is None:
        return f"{item.category}: {', '.join(item.teams)}"
    return f"{item.judge} × {item.teams[0]}"


class OpenItemsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: tuple[OpenItem, ...] = ()

    def set_items(self, items: tuple[OpenItem, ...]) -> None:
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    def item_at(self, row: int) -> OpenItem:
        return self._items[row]

    def kind_name(self, kind: OpenKind) -> str:
        names = {
            OpenKind.CUT_LINE_TIE: self.tr("Tie at the quota line"),
            OpenKind.MISSING: self.tr("Sheet not started"),
            OpenKind.DRAFT: self.tr("Sheet still a draft"),
            OpenKind.INCOMPLETE: self.tr("Sheet lacks a score"),
            OpenKind.UNCONFIRMED: self.tr("Sheet not confirmed"),
        }
        return names[kind]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: PLR0911 - one answer per column and role
        if not index.isValid():
            return None
        item = self._items[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            if column == KIND:
                return self.kind_name(item.kind)
            if column == WHAT:
                return where(item)
            return ""
        if role == Qt.ItemDataRole.ToolTipRole and column == WHAT:
            return sentence(say(item.text))
        if role == Qt.ItemDataRole.BackgroundRole and column == KIND:
            return QBrush(QColor("#fff1c4" if not item.blocks_lock else "#fde2e2"))
        if role == ITEM_ROLE:
            return item.kind.value
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (self.tr("What"), self.tr("Where"), "")
        return headers[section] if 0 <= section < len(headers) else None
