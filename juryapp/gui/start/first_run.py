"""The first-run question: which language the interface speaks."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

__all__ = ["LanguageDialog"]


class LanguageDialog(QDialog):
    """Bahasa Indonesia or English; the choice is previewed at once through ``language_picked``."""

    language_picked = Signal(str)

    def __init__(self, initial: str = "id", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prompt = QLabel(self)
        self._prompt.setWordWrap(True)
        # Language names are written in their own language: each reader finds theirs.
        self.indonesian = QRadioButton("Bahasa Indonesia", self)
        self.english = QRadioButton("English", self)
        self._group = QButtonGroup(self)
        self._group.addButton(self.indonesian)
        self._group.addButton(self.english)
        (self.english if initial == "en" else self.indonesian).setChecked(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.buttons.accepted.connect(self.accept)
        self.indonesian.toggled.connect(self._picked)

        layout = QVBoxLayout(self)
        layout.addWidget(self._prompt)
        layout.addWidget(self.indonesian)
        layout.addWidget(self.english)
        layout.addWidget(self.buttons)
        self._retranslate()

    def language(self) -> str:
        return "en" if self.english.isChecked() else "id"

    def _picked(self) -> None:
        self.language_picked.emit(self.language())

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome to juryapp"))
        self._prompt.setText(
            self.tr("Choose the language of the interface. You can change it later in the menu.")
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
