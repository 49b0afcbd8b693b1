"""Records the jury's decision on a tie the tie-break chain could not settle."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class TieDecisionDialog(QDialog):
    def __init__(self, teams: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        """``teams``: (code, institution) of the tied teams, in their current order."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Jury decision on a tie"))
        explain = QLabel(
            self.tr(
                "Put the teams in the order the jury decided (best first), or keep them on "
                "a shared place. The reason goes into the minutes."
            ),
            self,
        )
        explain.setWordWrap(True)
        self.order = QListWidget(self)
        self.order.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        for code, institution in teams:
            item = QListWidgetItem(f"{code} — {institution}")
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.order.addItem(item)
        self.order.setCurrentRow(0)
        up, down = QPushButton(self.tr("Move &up"), self), QPushButton(self.tr("Move &down"), self)
        up.clicked.connect(lambda: self.move_team(-1))
        down.clicked.connect(lambda: self.move_team(1))
        self.shared = QCheckBox(self.tr("Shared place (juara kembar)"), self)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Required: what the jury decided and why"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(lambda text: self._ok.setEnabled(bool(text.strip())))
        self._ok.setEnabled(False)
        moves = QHBoxLayout()
        moves.addWidget(up)
        moves.addWidget(down)
        moves.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.order)
        layout.addLayout(moves)
        layout.addWidget(self.shared)
        layout.addWidget(QLabel(self.tr("Reason"), self))
        layout.addWidget(self.reason)
        layout.addWidget(buttons)

    def move_team(self, step: int) -> None:
        row = self.order.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.order.count():
            return
        item = self.order.takeItem(row)
        self.order.insertItem(target, item)
        self.order.setCurrentRow(target)

    def decision(self) -> tuple[list[str], bool, str]:
        """(ordering best first, shared, reason)."""
        codes = [
            str(self.order.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.order.count())
        ]
        return codes, self.shared.isChecked(), self.reason.text()
