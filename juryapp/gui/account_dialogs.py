"""Account dialogs: PINs just issued and their slips, a new secretariat user, one's own PIN."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from juryapp.domain.messages import JuryError
from juryapp.gui import dialogs
from juryapp.gui.ops import Ops
from juryapp.gui.problems import refusal_text
from juryapp.gui.secretariat.record_model import Column, RecordModel
from juryapp.services.accounts import PIN_DIGITS, IssuedPin

__all__ = ["ChangeSecretDialog", "IssuedPinsDialog", "NewSecretariatDialog", "write_pin_slips"]

_ERROR = "color: #b00020; font-weight: bold;"


def write_pin_slips(path: Path, convention: str, pins: Sequence[IssuedPin], lang: str) -> None:
    """The slips as a PDF at ``path``, written whole or not at all."""
    from juryapp.interchange.files import write_atomically  # noqa: PLC0415
    from juryapp.reports.pin_slips import PinSlip, pin_slips_pdf  # noqa: PLC0415

    slips = [PinSlip(p.judge_code, p.display_name, p.username, p.pin) for p in pins]
    write_atomically(path, pin_slips_pdf(convention, slips, lang=lang, printed_at=datetime.now()))


class IssuedPinsDialog(QDialog):
    """PINs just created: shown once, to print as slips; they cannot be read back later."""

    printed = Signal(object)  # the slips' path, once written

    def __init__(
        self,
        pins: Sequence[IssuedPin],
        convention: str,
        lang: str,
        ops: Ops,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self.pins = tuple(pins)
        self._convention, self._lang = convention, lang
        self.printed_to: Path | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.model: RecordModel[IssuedPin] = RecordModel(self._columns(), _no_blank, self)
        self.model.read_only = True
        self.model.set_records(self.pins)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setFont(self.font())
        self.table.horizontalHeader().setStretchLastSection(True)
        self.print_button = QPushButton(self)
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self._ask_print)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.print_button)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.resize(640, 380)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Judges' PINs"))
        self.intro.setText(
            self.tr(
                "These PINs are shown only now: the app keeps them scrambled and cannot show "
                "them again. Print the slips, cut them out and hand each judge their own."
            )
        )
        self.model.set_columns(self._columns())
        self.table.resizeColumnsToContents()
        self.print_button.setText(self.tr("&Print the PIN slips (PDF)…"))

    def _columns(self) -> list[Column[IssuedPin]]:
        return [
            Column(self.tr("Judge"), lambda p: p.judge_code),
            Column(self.tr("Name"), lambda p: p.display_name),
            Column(self.tr("Username"), lambda p: p.username),
            Column(self.tr("PIN"), lambda p: p.pin),
        ]

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _ask_print(self) -> None:
        path = dialogs.save_file(
            self, self.tr("Save the PIN slips"), "PDF (*.pdf)", "slip-pin-juri.pdf", "pdf"
        )
        if path is not None:
            self.print_to(path)

    def print_to(self, path: Path) -> None:
        """Write the slips off the GUI thread; ``printed`` says where once they are written."""
        convention, pins, lang = self._convention, self.pins, self._lang
        self._ops.job(
            self, lambda _progress: write_pin_slips(path, convention, pins, lang)
        ).success(lambda _none: self._printed(path)).failure(self._not_printed).run()

    def _printed(self, path: Path) -> None:
        self.printed_to = path
        self.note.setStyleSheet("")
        self.note.setText(self.tr("Slips written to {path}.").format(path=path))
        self.printed.emit(path)

    def _not_printed(self, exc: BaseException) -> None:
        if not isinstance(exc, (OSError, JuryError)):
            from juryapp.gui.errors import show_error  # noqa: PLC0415

            show_error(self, exc)
            return
        self.note.setStyleSheet(_ERROR)
        self.note.setText(str(exc))


def _no_blank(_row: int) -> IssuedPin:
    raise AssertionError("PINs are issued by the service, never added by hand")


class _SecretForm(QDialog):
    """A form whose OK button carries the action's name and whose refusals show inside it.

    ``action`` runs off the GUI thread when the person confirms (hashing a passphrase takes a
    third of a second); the form closes once it is done, or shows the refusal and stays open
    so that the person can correct what they typed.
    """

    def __init__(self, ops: Ops, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.action: Callable[[], object] | None = None
        self.form = QFormLayout()
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(_ERROR)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def _secret(self) -> QLineEdit:
        field = QLineEdit(self)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    def refuse(self, text: str) -> None:
        self.error.setText(text)

    def refuse_error(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        if isinstance(exc, JuryError):
            self.error.setText(refusal_text(exc))
            return
        from juryapp.gui.errors import show_error  # noqa: PLC0415

        show_error(self, exc)

    def run_action(self) -> None:
        """Run the action off the GUI thread, then close the form (or say why not)."""
        action = self.action
        if action is None:
            super().accept()
            return
        self.ok.setEnabled(False)
        self.error.clear()
        self._ops.change(self, action).success(lambda _result: self._done()).failure(
            self.refuse_error
        ).run()

    def _done(self) -> None:
        self.ok.setEnabled(True)
        super().accept()


class NewSecretariatDialog(_SecretForm):
    """Another secretariat account: the second person the two-person rule needs."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.username = QLineEdit(self)
        self.full_name = QLineEdit(self)
        self.secret, self.repeat = self._secret(), self._secret()
        self._labels = [QLabel(self) for _ in range(4)]
        for label, field in zip(
            self._labels, (self.username, self.full_name, self.secret, self.repeat), strict=True
        ):
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.repeat.returnPressed.connect(self.accept)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("New secretariat account"))
        texts = (
            self.tr("&Username:"),
            self.tr("&Full name:"),
            self.tr("&Passphrase (8+ characters):"),
            self.tr("&Repeat the passphrase:"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.ok.setText(self.tr("&Create the account"))

    def accept(self) -> None:
        if self.secret.text() != self.repeat.text():
            self.refuse(self.tr("The two passphrases differ."))
            return
        if not self.username.text().strip():
            self.refuse(self.tr("Type a username."))
            return
        self.run_action()


class ChangeSecretDialog(_SecretForm):
    """One's own PIN (a judge) or passphrase (the secretariat), knowing the current one."""

    def __init__(self, ops: Ops, *, pin: bool, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._pin = pin
        self.current, self.new, self.repeat = self._secret(), self._secret(), self._secret()
        if pin:
            digits = QRegularExpressionValidator(QRegularExpression("[0-9]{0,12}"), self)
            for field in (self.current, self.new, self.repeat):
                field.setValidator(digits)
                field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self._labels = [QLabel(self) for _ in range(3)]
        for label, field in zip(self._labels, (self.current, self.new, self.repeat), strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.current.returnPressed.connect(self.new.setFocus)
        self.new.returnPressed.connect(self.repeat.setFocus)
        self.repeat.returnPressed.connect(self.accept)
        self._retranslate()

    def _retranslate(self) -> None:
        if self._pin:
            self.setWindowTitle(self.tr("Change my PIN"))
            texts = (
                self.tr("C&urrent PIN:"),
                self.tr("&New PIN ({n}+ digits):").format(n=PIN_DIGITS),
                self.tr("&Repeat the new PIN:"),
            )
            self.ok.setText(self.tr("&Change the PIN"))
        else:
            self.setWindowTitle(self.tr("Change my passphrase"))
            texts = (
                self.tr("C&urrent passphrase:"),
                self.tr("&New passphrase (8+ characters):"),
                self.tr("&Repeat the new passphrase:"),
            )
            self.ok.setText(self.tr("&Change the passphrase"))
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)

    def accept(self) -> None:
        if self.new.text() != self.repeat.text():
            self.refuse(
                self.tr("The two new PINs differ.")
                if self._pin
                else self.tr("The two new passphrases differ.")
            )
            return
        self.run_action()
