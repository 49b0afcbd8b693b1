"""Pieces every screen's tables and headings share: the sort role, the sorting proxy, titles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QLabel, QStyle, QTableView, QWidget

if TYPE_CHECKING:
    from juryapp.gui.prepared_rows import PreparedRowsModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # a raw value (number, date, code) that sorts correctly
# Rows measured to size a column to its contents: about a screenful.
VISIBLE_ROWS = 40
# Widths of texts already measured, by font and screen resolution: the same codes and ranks
# come back with every reckoning while scores arrive. Forgotten for a font once it holds this
# many.
MAX_WIDTHS_KEPT = 20_000
_WIDTHS: dict[str, dict[str, int]] = {}


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


def fit_to_texts(
    table: QTableView,
    model: PreparedRowsModel,
    columns: tuple[int, ...],
    *,
    bold: tuple[int, ...] = (),
) -> None:
    """Columns as wide as their widest text or heading, measured from the prepared texts in
    one go: resize-to-contents asks the model about the visible rows each time it sizes the
    columns, a call into Python per cell that may wait for the interpreter while a worker runs."""
    header = table.horizontalHeader()
    plain, heading = table.fontMetrics(), header.fontMetrics()
    bold_font = QFont(table.font())
    bold_font.setBold(True)
    strong = QFontMetrics(bold_font)
    padding = 2 * table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 12
    for column in (*columns, *bold):
        font = bold_font if column in bold else table.font()
        widths = _WIDTHS.setdefault(f"{font.key()}@{table.logicalDpiX()}", {})
        if len(widths) > MAX_WIDTHS_KEPT:
            widths.clear()
        metrics = strong if column in bold else plain
        widest = 0
        for text in model.column_texts(column):
            width = widths.get(text)
            if width is None:
                width = widths[text] = metrics.horizontalAdvance(text)
            widest = max(widest, width)
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        # room for the sort arrow beside the heading
        header.resizeSection(
            column, max(widest + padding, heading.horizontalAdvance(title) + padding + 24)
        )
