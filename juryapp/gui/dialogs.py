"""The app's questions: file choosers in its own language, confirmations naming the action."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

__all__ = [
    "Unsaved",
    "ask_reason",
    "ask_unsaved",
    "choose_folder",
    "confirm",
    "open_file",
    "save_file",
]


# Qt's own dialog, not the platform's: Qt ships no Indonesian for the platform dialogs to
# follow, and its widget dialog asks our translations for every text it shows.
_OPTIONS = QFileDialog.Option.DontUseNativeDialog


def _file_dialog(parent: QWidget | None, title: str, folder: str, filters: str) -> QFileDialog:
    dialog = QFileDialog(parent, title, folder, filters)
    dialog.setOptions(_OPTIONS | QFileDialog.Option.DontConfirmOverwrite)
    return dialog


def open_file(parent: QWidget | None, title: str, filters: str, folder: str = "") -> Path | None:
    """An existing file the person chose, or None."""
    dialog = _file_dialog(parent, title, folder, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def save_file(
    parent: QWidget | None, title: str, filters: str, suggested: str = "", suffix: str = ""
) -> Path | None:
    """Where to write a new file; replacing an existing one is asked in our own words."""
    dialog = _file_dialog(parent, title, str(Path(suggested).parent) if suggested else "", filters)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if suffix:
        dialog.setDefaultSuffix(suffix)
    if suggested:
        dialog.selectFile(suggested)
    while dialog.exec() == QDialog.DialogCode.Accepted and dialog.selectedFiles():
        path = Path(dialog.selectedFiles()[0])
        if not path.exists() or confirm(
            parent,
            title,
            QCoreApplication.translate("Dialogs", "{name} already exists. Replace it?").format(
                name=path.name
            ),
            QCoreApplication.translate("Dialogs", "&Replace the file"),
        ):
            return path
    return None


def choose_folder(parent: QWidget | None, title: str, folder: str = "") -> Path | None:
    dialog = QFileDialog(parent, title, folder)
    dialog.setOptions(_OPTIONS | QFileDialog.Option.ShowDirsOnly)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def confirmation_box(
    parent: QWidget | None, title: str, text: str, action: str, informative: str = ""
) -> tuple[QMessageBox, QPushButton]:
    """The box :func:`confirm` shows (built, not shown), and its action button."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    button = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)  # Enter never does a high-stakes action by accident
    box.setEscapeButton(cancel)
    return box, button


def confirm(
    parent: QWidget | None, title: str, text: str, action: str, informative: str = ""
) -> bool:
    """Ask before a high-stakes action; the button that goes ahead carries the action's name."""
    box, button = confirmation_box(parent, title, text, action, informative)
    box.exec()
    return box.clickedButton() is button


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved(parent: QWidget | None, what: str) -> Unsaved:
    """Unsaved changes on ``what``: save them, throw them away, or stay."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "Unsaved changes"))
    box.setText(
        QCoreApplication.translate("Dialogs", "The changes on {what} are not saved yet.").format(
            what=what
        )
    )
    box.setInformativeText(QCoreApplication.translate("Dialogs", "Save them before you go on?"))
    save = box.addButton(
        QCoreApplication.translate("Dialogs", "&Save changes"), QMessageBox.ButtonRole.AcceptRole
    )
    discard = box.addButton(
        QCoreApplication.translate("Dialogs", "&Discard changes"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    stay = box.addButton(
        QCoreApplication.translate("Dialogs", "&Stay here"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(save)
    box.setEscapeButton(stay)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return Unsaved.SAVE
    if clicked is discard:
        return Unsaved.DISCARD
    return Unsaved.CANCEL


class ReasonDialog(QDialog):
    """A one-line reason for the record, with the action's name on the button."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        prompt: str,
        action: str,
        *,
        required: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._required = required
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        self.reason = QLineEdit(self)
        label.setBuddy(self.reason)
        buttons = QDialogButtonBox(self)
        self.action = buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self._update()

    def _update(self) -> None:
        self.action.setEnabled(not self._required or bool(self.reason.text().strip()))


def ask_reason(
    parent: QWidget | None, title: str, prompt: str, action: str, *, required: bool = True
) -> str | None:
    """The reason typed, or None when the person cancelled."""
    dialog = ReasonDialog(parent, title, prompt, action, required=required)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    reason = dialog.reason.text().strip()
    dialog.deleteLater()
    return reason if accepted else None
