"""Pieces every screen's tables and headings share: the sort role, the sorting proxy, titles."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QObject, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QWidget

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # a raw value (number, date, code) that sorts correctly
# Rows measured to size a column to its contents: about a screenful.
VISIBLE_ROWS = 40


def sorting_proxy(parent: QObject, source: QAbstractItemModel) -> QSortFilterProxyModel:
    """A proxy that sorts on each model's raw ``SORT_ROLE`` values, not on displayed text."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(source)
    proxy.setSortRole(SORT_ROLE)
    return proxy


def read_only_sortable(table: QTableView) -> None:
    """No editing, and sorting by a header only once it is clicked: until then the rows stay
    in the order the model gives them (presentation order, today's teams first)."""
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)


def fit_to_visible_rows(table: QTableView) -> None:
    """Columns sized to their contents measure about a screenful of rows, not all of them: at
    1,000 teams measuring every row asked the model a hundred thousand times per reset (Qt
    measures every row of a table not on screen unless told how many)."""
    table.horizontalHeader().setResizeContentsPrecision(VISIBLE_ROWS)


def heading(parent: QWidget, grow: int = 4) -> QLabel:
    """A bold title label ``grow`` points larger than the body text."""
    label = QLabel(parent)
    font = label.font()
    font.setPointSize(font.pointSize() + grow)
    font.setBold(True)
    label.setFont(font)
    return label
