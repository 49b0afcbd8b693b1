"""The tie-break chain picked from the rubric's criteria: ticked ones count, top one first."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from juryapp.domain.model import Criterion

_CODE = Qt.ItemDataRole.UserRole


class TieBreakList(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setMaximumHeight(130)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        self.up, self.down = QPushButton(self), QPushButton(self)
        self.up.clicked.connect(lambda: self.move_selected(-1))
        self.down.clicked.connect(lambda: self.move_selected(1))
        buttons = QVBoxLayout()
        buttons.addWidget(self.up)
        buttons.addWidget(self.down)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._retranslate()

    def _retranslate(self) -> None:
        self.up.setText(self.tr("Up"))
        self.down.setText(self.tr("Down"))
        self.list.setToolTip(
            self.tr("Tick the criteria that break a tie, in order: the top one is tried first.")
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def set_chain(self, criteria: tuple[Criterion, ...], chain: tuple[str, ...]) -> None:
        """Show every criterion: the chain first and ticked, the others after it, unticked."""
        names = {c.code: c.name for c in criteria}
        order = [code for code in chain if code in names]
        order += [c.code for c in criteria if c.code not in order]
        self.list.blockSignals(True)
        self.list.clear()
        for code in order:
            item = QListWidgetItem(f"{code} — {names[code]}" if names[code] else code, self.list)
            item.setData(_CODE, code)
            item.setToolTip(f"{code} — {names[code]}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in chain else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)

    def chain(self) -> tuple[str, ...]:
        return tuple(
            str(self.list.item(i).data(_CODE))
            for i in range(self.list.count())
            if self.list.item(i).checkState() is Qt.CheckState.Checked
        )

    def move_selected(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.changed.emit()

    def set_read_only(self, read_only: bool) -> None:
        self.list.setEnabled(not read_only)
        self.up.setEnabled(not read_only)
        self.down.setEnabled(not read_only)
