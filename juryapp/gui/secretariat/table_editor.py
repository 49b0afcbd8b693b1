"""A table of set-up records with Add and Remove buttons, used by every set-up tab."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from juryapp.gui import dialogs
from juryapp.gui.secretariat.record_model import RecordModel
from juryapp.gui.tables import fit_to_visible_rows

R = TypeVar("R")

# Long titles would otherwise push the other columns out of a 1366-pixel-wide window; a cut
# cell shows its whole text as a tooltip.
MAX_COLUMN_WIDTH = 300

_EDITING = (
    QAbstractItemView.EditTrigger.DoubleClicked
    | QAbstractItemView.EditTrigger.EditKeyPressed
    | QAbstractItemView.EditTrigger.AnyKeyPressed
)

# Asks whether a row may go; tests replace it to answer without a dialog.
Asker = Callable[[QWidget, str, str, str], bool]


class TableEditor(QWidget, Generic[R]):
    def __init__(
        self,
        model: RecordModel[R],
        parent: QWidget | None = None,
        *,
        noun: Callable[[], str] | None = None,
        shortcuts: bool = True,
    ) -> None:
        super().__init__(parent)
        self.model = model
        # A second table on the same screen leaves Alt+A and Alt+R to the first one.
        self._shortcuts = shortcuts
        self._noun = noun or (lambda: self.tr("row"))
        self.ask: Asker = dialogs.confirm
        self.view = QTableView(self)
        self._fit_when_shown = False
        fit_to_visible_rows(self.view)
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(_EDITING)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        model.modelReset.connect(self.fit_columns)
        model.headerDataChanged.connect(self.fit_columns)
        model.rowsInserted.connect(self.fit_columns)
        model.dataChanged.connect(self.fit_columns)
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self.remove_selected)
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.add_button)
        self.buttons.addWidget(self.remove_button)
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(self.buttons)
        self._retranslate()

    def _retranslate(self) -> None:
        add, remove = self.tr("&Add"), self.tr("&Remove…")
        if not self._shortcuts:
            add, remove = add.replace("&", ""), remove.replace("&", "")
        self.add_button.setText(add)
        self.remove_button.setText(remove)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._fit_when_shown:
            self.fit_columns()

    def fit_columns(self) -> None:
        """Each column as wide as its contents and header, up to a limit; a table out of sight
        (on another tab) is fitted when it is next shown, once, however often it changed: the
        set-up's seven tables were each fitted several times over while it loaded."""
        if not self.isVisible():
            self._fit_when_shown = True
            return
        self._fit_when_shown = False
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        for column in range(header.count()):
            header.resizeSection(column, min(header.sectionSize(column), MAX_COLUMN_WIDTH))

    def set_read_only(self, read_only: bool) -> None:
        self.model.read_only = read_only
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers if read_only else _EDITING
        )
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)

    def selected_row(self) -> int:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _add(self) -> None:
        row = self.model.add()
        self.view.selectRow(row)
        self.view.edit(self.model.index(row, 0))

    def remove_selected(self) -> bool:
        """Remove the selected row once the person says so; True if it went."""
        row = self.selected_row()
        if row < 0:
            return False
        what = self.model.describe(row) or str(row + 1)
        noun = self._noun()
        if not self.ask(
            self,
            self.tr("Remove a {noun}").format(noun=noun),
            self.tr(
                "Remove {noun} {what}? The change is kept only when you save the set-up."
            ).format(noun=noun, what=what),
            self.tr("&Remove {noun}").format(noun=noun),
        ):
            return False
        self.model.remove(row)
        return True
