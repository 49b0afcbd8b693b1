"""Locking the results: what it does, what is still open (each with a way there), a reason."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from juryapp.gui.secretariat.open_items_model import GO, KIND, WHAT, OpenItemsModel
from juryapp.services.readiness import OpenItem, OpenKind, Readiness


class LockDialog(QDialog):
    go_to_sheet = Signal(str, str)  # judge, team
    go_to_category = Signal(str)  # where an undecided tie is settled

    def __init__(self, readiness: Readiness, version: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.readiness = readiness
        self._version = version
        self.explain = QLabel(self)
        self.explain.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model = OpenItemsModel(self)
        self.model.set_items(readiness.items)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(GO, QHeaderView.ResizeMode.ResizeToContents)
        self.go_buttons = self._go_buttons()
        self.view.setVisible(bool(readiness.items))
        self._reason_label = QLabel(self)
        self._reason_label.setWordWrap(True)
        self.reason = QLineEdit(self)
        self._reason_label.setBuddy(self.reason)
        needs_reason = readiness.can_lock and bool(readiness.unconfirmed)
        self._reason_label.setVisible(needs_reason)
        self.reason.setVisible(needs_reason)
        self._passphrase_label, self.passphrase = self._passphrase_field(readiness.can_lock)
        self.buttons = QDialogButtonBox(self)
        self.lock_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update)
        self.passphrase.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self._reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self._passphrase_label)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.buttons)
        self.resize(760, 480 if readiness.items else 220)
        self._retranslate()
        self._update()

    def _go_buttons(self) -> list[QPushButton]:
        """A button on each open item's row that takes the person there."""
        buttons = []
        for row, item in enumerate(self.readiness.items):
            button = QPushButton(self.view)
            button.clicked.connect(lambda _checked=False, chosen=item: self.go(chosen))
            self.view.setIndexWidget(self.model.index(row, GO), button)
            buttons.append(button)
        return buttons

    def _passphrase_field(self, shown: bool) -> tuple[QLabel, QLineEdit]:
        """The key's passphrase, which opens the signing key for the seal; never stored."""
        label, field = QLabel(self), QLineEdit(self)
        label.setWordWrap(True)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        label.setBuddy(field)
        label.setVisible(shown)
        field.setVisible(shown)
        return label, field

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Lock the results"))
        self.explain.setText(
            self.tr(
                "Locking freezes results version {n}: no score, tie decision or set-up can "
                "change any more, and the documents printed from then on are final and signed. "
                "The lock seals every score and name with the convention's key, so any later "
                "change shows. Unlocking later needs a reason and makes a new version."
            ).format(n=self._version)
        )
        self.summary.setText(self._summary())
        for button, item in zip(self.go_buttons, self.readiness.items, strict=True):
            button.setText(
                self.tr("Decide the tie") if item.kind is OpenKind.CUT_LINE_TIE else self.tr("Open")
            )
        self._reason_label.setText(
            self.tr("Why lock while {n} handed-in sheets are not confirmed? (required)").format(
                n=len(self.readiness.unconfirmed)
            )
        )
        self._passphrase_label.setText(
            self.tr("&Passphrase of the convention's signing key (it is never stored):")
        )
        self.lock_button.setText(self.tr("&Lock the results"))

    def _summary(self) -> str:
        if not self.readiness.items:
            return self.tr(
                "Every sheet is confirmed or recorded as an abstention: nothing is open."
            )
        if self.readiness.can_lock:
            return self.tr(
                "Nothing blocks the lock, but these sheets are handed in and not confirmed by a "
                "second person yet:"
            )
        return self.tr(
            "The results cannot be locked yet. Settle each item below (or record that the "
            "judge did not score the team), then lock:"
        )

    def _update(self) -> None:
        needs_reason = self.readiness.can_lock and bool(self.readiness.unconfirmed)
        self.lock_button.setEnabled(
            self.readiness.can_lock
            and (not needs_reason or bool(self.reason.text().strip()))
            and bool(self.passphrase.text())
        )

    def go(self, item: OpenItem) -> None:
        """Close and take the person to where the item is settled."""
        self.reject()
        if item.kind is OpenKind.CUT_LINE_TIE:
            self.go_to_category.emit(item.category)
        elif item.judge is not None:
            self.go_to_sheet.emit(item.judge, item.teams[0])
