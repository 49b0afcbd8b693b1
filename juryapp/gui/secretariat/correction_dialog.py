"""Asks which score on a handed-in sheet changes, to what, and why."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from juryapp.domain.model import Criterion


class CorrectionDialog(QDialog):
    def __init__(self, criteria: tuple[Criterion, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Correct a handed-in score"))
        self.criterion = QComboBox(self)
        for criterion in criteria:
            self.criterion.addItem(f"{criterion.code} — {criterion.name}", criterion.code)
        self.value = QLineEdit(self)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Required: why the score changes"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Criterion"), self.criterion)
        form.addRow(self.tr("New score"), self.value)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(buttons)
        for field in (self.value, self.reason):
            field.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self._ok.setEnabled(bool(self.value.text().strip() and self.reason.text().strip()))

    def choice(self) -> tuple[str, str, str]:
        """(criterion code, typed score, reason)."""
        return str(self.criterion.currentData()), self.value.text(), self.reason.text()
