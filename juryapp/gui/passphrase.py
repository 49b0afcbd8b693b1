"""Asking for the signing key's passphrase, which opens the key for one lock or print run."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget


def ask_passphrase(parent: QWidget, title: str) -> str | None:
    """The passphrase typed (hidden), or None if the person cancelled."""
    text, ok = QInputDialog.getText(
        parent,
        title,
        QCoreApplication.translate(
            "Passphrase",
            "Passphrase of the convention's signing key (it signs the final documents; it is "
            "never stored):",
        ),
        QLineEdit.EchoMode.Password,
    )
    return text if ok and text else None
