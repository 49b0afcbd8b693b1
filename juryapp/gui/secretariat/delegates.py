"""Cell editors that offer a choice (a category, a judge, a team) or a calendar instead of text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex
Choices = Callable[[], list[tuple[str, str]]]  # (value stored, text shown)


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down of the values that make sense in a column, e.g. the categories' codes.

    ``free`` lets a person type a value that is not in the list (an institution not among
    the teams yet); otherwise only the listed values can be chosen.
    """

    def __init__(self, choices: Choices, parent: QWidget | None = None, *, free: bool = False):
        super().__init__(parent)
        self._choices = choices
        self._free = free

    def createEditor(  # noqa: N802
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setEditable(self._free)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for value, text in self._choices():
            combo.addItem(text, value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        current = str(index.data(Qt.ItemDataRole.EditRole) or "")
        found = editor.findData(current)
        if found >= 0:
            editor.setCurrentIndex(found)
        elif self._free:
            editor.setEditText(current)

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: QAbstractItemModel, index: Index
    ) -> None:
        assert isinstance(editor, QComboBox)
        value = editor.currentData()
        typed = editor.currentText().strip()
        if self._free and (value is None or editor.itemText(editor.currentIndex()) != typed):
            value = typed
        model.setData(index, "" if value is None else str(value), Qt.ItemDataRole.EditRole)


class DateDelegate(QStyledItemDelegate):
    """A calendar for a date column; the model takes the date as YYYY-MM-DD."""

    def createEditor(  # noqa: N802
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        editor = QDateEdit(parent)
        editor.setCalendarPopup(True)
        editor.setLocale(QLocale())
        editor.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.LongFormat))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QDateEdit)
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        try:
            day = date.fromisoformat(text)
        except ValueError:
            day = date.today()
        editor.setDate(QDate(day.year, day.month, day.day))

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: QAbstractItemModel, index: Index
    ) -> None:
        assert isinstance(editor, QDateEdit)
        chosen = editor.date()
        iso = date(chosen.year(), chosen.month(), chosen.day()).isoformat()
        model.setData(index, iso, Qt.ItemDataRole.EditRole)
