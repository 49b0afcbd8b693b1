"""The sign-in page: a judge picks their name and types a PIN, the secretariat a passphrase."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from juryapp.domain.kinds import Role
from juryapp.domain.messages import AuthenticationError, JuryError
from juryapp.gui.errors import show_error

if TYPE_CHECKING:
    from juryapp.bootstrap import Services
    from juryapp.domain.access import Actor
    from juryapp.services.accounts import AccountView
    from juryapp.services.demo import Credential

__all__ = ["SignInPage"]

_ERROR_STYLE = "color: #b00020; font-weight: bold;"
_USERNAME_ROLE = Qt.ItemDataRole.UserRole


_Listed = tuple[list["AccountView"], str, bool, tuple["Credential", ...]]


class SignInPage(QWidget):
    """Checking a PIN or passphrase takes a third of a second (Argon2id), so it runs off the
    GUI thread, as does reading the accounts the page lists."""

    signed_in = Signal(object)  # Actor
    refreshed = Signal()  # the lists are read and shown
    refused = Signal(str)  # a sign-in or a first account was refused, and why

    def __init__(  # noqa: PLR0915 - builds the page
        self, services: Services, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._accounts: list[AccountView] = []
        self._demo: tuple[Credential, ...] = ()

        self._title = QLabel(self)
        font = self._title.font()
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        self._title.setFont(font)
        self._convention = QLabel(self)
        self._convention.setWordWrap(True)

        self.judge_mode = QPushButton(self)
        self.secretariat_mode = QPushButton(self)
        modes = QButtonGroup(self)
        for index, button in enumerate((self.judge_mode, self.secretariat_mode)):
            button.setCheckable(True)
            button.setMinimumHeight(40)
            modes.addButton(button, index)
        self.judge_mode.setChecked(True)
        modes.idClicked.connect(self._set_mode)

        # Judge: pick a name, type the PIN, press Enter.
        self._judge_box = QWidget(self)
        self._judges_label = QLabel(self._judge_box)
        self.judges = QListWidget(self._judge_box)
        self.judges.setMinimumHeight(150)
        self._pin_label = QLabel(self._judge_box)
        self.pin = QLineEdit(self._judge_box)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setValidator(QRegularExpressionValidator(QRegularExpression("[0-9]{0,12}"), self))
        self.pin.setMaxLength(12)
        self.judge_button = QPushButton(self._judge_box)
        self._judges_label.setBuddy(self.judges)
        self._pin_label.setBuddy(self.pin)
        judge_layout = QVBoxLayout(self._judge_box)
        judge_layout.setContentsMargins(0, 0, 0, 0)
        judge_layout.addWidget(self._judges_label)
        judge_layout.addWidget(self.judges, 1)
        judge_layout.addWidget(self._pin_label)
        judge_layout.addWidget(self.pin)
        judge_layout.addWidget(self.judge_button)
        self.judges.itemActivated.connect(lambda _item: self.pin.setFocus())
        self.judges.currentItemChanged.connect(self._clear_error)
        self.pin.returnPressed.connect(self.sign_in_judge)
        self.judge_button.clicked.connect(self.sign_in_judge)

        # Secretariat: username and passphrase.
        self._secretariat_box = QWidget(self)
        self.username = QLineEdit(self._secretariat_box)
        self.passphrase = QLineEdit(self._secretariat_box)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.secretariat_button = QPushButton(self._secretariat_box)
        self._secretariat_form = QFormLayout(self._secretariat_box)
        self._secretariat_form.setContentsMargins(0, 0, 0, 0)
        self._secretariat_labels = (QLabel(self._secretariat_box), QLabel(self._secretariat_box))
        for label, field in zip(
            self._secretariat_labels, (self.username, self.passphrase), strict=True
        ):
            label.setBuddy(field)
            self._secretariat_form.addRow(label, field)
        self._secretariat_form.addRow(self.secretariat_button)
        self.username.returnPressed.connect(self.passphrase.setFocus)
        self.passphrase.returnPressed.connect(self.sign_in_secretariat)
        self.secretariat_button.clicked.connect(self.sign_in_secretariat)

        # First secretariat account, only while a fresh convention has none.
        self._first_box = QGroupBox(self)
        self._first_intro = QLabel(self._first_box)
        self._first_intro.setWordWrap(True)
        self.first_username = QLineEdit(self._first_box)
        self.first_name = QLineEdit(self._first_box)
        self.first_secret = QLineEdit(self._first_box)
        self.first_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.first_repeat = QLineEdit(self._first_box)
        self.first_repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.first_button = QPushButton(self._first_box)
        self._first_form = QFormLayout(self._first_box)
        self._first_form.addRow(self._first_intro)
        first_fields = (self.first_username, self.first_name, self.first_secret, self.first_repeat)
        self._first_labels = tuple(QLabel(self._first_box) for _ in first_fields)
        for label, field in zip(self._first_labels, first_fields, strict=True):
            label.setBuddy(field)
            self._first_form.addRow(label, field)
        self._first_form.addRow(self.first_button)
        self.first_button.clicked.connect(self.create_first_account)
        # Enter moves down the form and, on its last field, creates the account.
        self.first_username.returnPressed.connect(self.first_name.setFocus)
        self.first_name.returnPressed.connect(self.first_secret.setFocus)
        self.first_secret.returnPressed.connect(self.first_repeat.setFocus)
        self.first_repeat.returnPressed.connect(self.create_first_account)

        self._forms = QStackedWidget(self)
        self._forms.addWidget(self._judge_box)
        self._forms.addWidget(self._secretariat_box)

        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(_ERROR_STYLE)
        self.error.setTextFormat(Qt.TextFormat.PlainText)

        # The demo's accounts, so a newcomer can try every role.
        self.demo_panel = QGroupBox(self)
        self.demo_text = QLabel(self.demo_panel)
        self.demo_text.setTextFormat(Qt.TextFormat.PlainText)
        self.demo_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._demo_intro = QLabel(self.demo_panel)
        self._demo_intro.setWordWrap(True)
        demo_layout = QVBoxLayout(self.demo_panel)
        demo_layout.addWidget(self._demo_intro)
        demo_layout.addWidget(self.demo_text)
        demo_layout.addStretch(1)

        mode_row = QHBoxLayout()
        mode_row.addWidget(self.judge_mode)
        mode_row.addWidget(self.secretariat_mode)
        left = QVBoxLayout()
        left.addWidget(self._title)
        left.addWidget(self._convention)
        left.addSpacing(8)
        left.addLayout(mode_row)
        left.addWidget(self._forms, 1)
        left.addWidget(self.error)
        left.addWidget(self._first_box)
        row = QHBoxLayout(self)
        row.setContentsMargins(48, 24, 48, 24)
        row.addLayout(left, 3)
        row.addSpacing(32)
        row.addWidget(self.demo_panel, 2)
        self._retranslate()

    # -- data ------------------------------------------------------------------------------
    def set_services(self, services: Services) -> None:
        self._services = services

    def reset(self) -> None:
        """As for the next person: no username, secret or message left from the last one."""
        for field in (self.username, self.passphrase, self.pin):
            field.clear()
        self.error.clear()

    def refresh(self) -> None:
        """Reload the judges, the demo panel and whether a first account is needed."""
        self.error.clear()
        self.pin.clear()
        self.passphrase.clear()
        accounts, setup = self._services.accounts, self._services.setup

        def read() -> _Listed:
            overview = setup.overview()
            return accounts.accounts(), overview.name, overview.is_demo, setup.demo_credentials()

        self._services.runner.query(self, read).success(self._show_listed).run()

    def _show_listed(self, listed: _Listed) -> None:
        self._accounts, name, is_demo, self._demo = listed
        self._convention.setText(name)
        chosen = self.current_judge()
        self.judges.clear()
        for account in self._accounts:
            if account.role is not Role.JUDGE:
                continue
            label = f"{account.judge_code or ''} — {account.display_name}"
            item = QListWidgetItem(label, self.judges)
            item.setData(_USERNAME_ROLE, account.username)
            if account.username == chosen:
                self.judges.setCurrentItem(item)
        if self.judges.currentItem() is None and self.judges.count():
            self.judges.setCurrentRow(0)
        no_secretariat = not any(a.role is Role.SECRETARIAT for a in self._accounts)
        self._first_box.setVisible(no_secretariat)
        self.demo_panel.setVisible(is_demo)
        self._render_demo()
        self._focus_first_field()
        self.refreshed.emit()

    def _render_demo(self) -> None:
        lines = []
        for person in self._demo:
            role = self.tr("Judge") if person.role is Role.JUDGE else self.tr("Secretariat")
            lines.append(f"{role}: {person.username} / {person.secret}  ({person.display_name})")
        self.demo_text.setText("\n".join(lines))

    def _clear_error(self) -> None:
        self.error.clear()

    def current_judge(self) -> str | None:
        item = self.judges.currentItem()
        value = item.data(_USERNAME_ROLE) if item is not None else None
        return value if isinstance(value, str) else None

    def select_judge(self, username: str) -> None:
        for row in range(self.judges.count()):
            if self.judges.item(row).data(_USERNAME_ROLE) == username:
                self.judges.setCurrentRow(row)
                return

    # -- actions ---------------------------------------------------------------------------
    def _set_mode(self, index: int) -> None:
        self._forms.setCurrentIndex(index)
        (self.judge_mode if index == 0 else self.secretariat_mode).setChecked(True)
        self.error.clear()
        self._focus_first_field()

    def show_secretariat(self) -> None:
        self._set_mode(1)

    def show_judge(self) -> None:
        self._set_mode(0)

    def _focus_first_field(self) -> None:
        if self._forms.currentIndex() == 0:
            self.pin.setFocus()
        else:
            self.username.setFocus()

    def sign_in_judge(self) -> None:
        username = self.current_judge()
        if username is None:
            self.error.setText(self.tr("Choose your name in the list first."))
            return
        if not self.pin.text():
            self.error.setText(self.tr("Type your PIN."))
            return
        self._sign_in(username, self.pin.text(), self.pin)

    def sign_in_secretariat(self) -> None:
        self._sign_in(self.username.text(), self.passphrase.text(), self.passphrase)

    def _sign_in(self, username: str, secret: str, field: QLineEdit) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self._set_busy(True)
        accounts, judge_keys = self._services.accounts, self._services.judge_keys

        def signed_in(actor: Actor) -> None:
            self._done()
            self.error.clear()
            field.clear()
            self.signed_in.emit(actor)

        def refused(exc: BaseException) -> None:
            self._done()
            if isinstance(exc, AuthenticationError):
                self.error.setText(str(exc))
                field.clear()
                field.setFocus()
                self.refused.emit(str(exc))
            else:
                show_error(self, exc)

        def sign_in() -> Actor:
            actor = accounts.sign_in(username, secret)
            # on a judge's own laptop the PIN also opens (at first: makes) the judge's key
            judge_keys.after_sign_in(actor, secret)
            return actor

        # A sign-in writes (attempts and lockouts are recorded), so it is a change.
        self._services.runner.change(self, sign_in).success(signed_in).failure(refused).run()

    def _done(self) -> None:
        QApplication.restoreOverrideCursor()
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.judge_button, self.secretariat_button, self.first_button):
            button.setEnabled(not busy)

    def create_first_account(self) -> None:
        if self.first_secret.text() != self.first_repeat.text():
            self.error.setText(self.tr("The two passphrases differ."))
            return
        accounts = self._services.accounts
        username, secret = self.first_username.text(), self.first_secret.text()
        name = self.first_name.text().strip()

        def created(_actor: Actor) -> None:
            self.username.setText(username.strip())
            for field in (
                self.first_username,
                self.first_name,
                self.first_secret,
                self.first_repeat,
            ):
                field.clear()
            self.refresh()
            self.show_secretariat()
            self.passphrase.setFocus()

        def refused(exc: BaseException) -> None:
            if isinstance(exc, JuryError):
                self.error.setText(str(exc))
                self.refused.emit(str(exc))
            else:
                show_error(self, exc)

        self._services.runner.change(
            self, lambda: accounts.create_first(username, secret, display_name=name)
        ).success(created).failure(refused).run()

    # -- language --------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self._title.setText(self.tr("Sign in"))
        self.judge_mode.setText(self.tr("I am a judge"))
        self.secretariat_mode.setText(self.tr("Secretariat"))
        self._judges_label.setText(self.tr("Your &name:"))
        self._pin_label.setText(self.tr("&PIN (digits only, Enter signs in):"))
        self.judge_button.setText(self.tr("Sign in as judge"))
        self.pin.setPlaceholderText(self.tr("PIN"))
        for label, text in zip(
            self._secretariat_labels, (self.tr("&Username:"), self.tr("Pass&phrase:")), strict=True
        ):
            label.setText(text)
        self.secretariat_button.setText(self.tr("Sign in as secretariat"))
        self._first_box.setTitle(self.tr("First secretariat account"))
        self._first_intro.setText(
            self.tr(
                "This convention has no accounts yet. Create the first secretariat account; "
                "it can then add the judges' accounts."
            )
        )
        first_labels = (
            self.tr("Username:"),
            self.tr("Full name:"),
            self.tr("Passphrase (8+ characters):"),
            self.tr("Repeat the passphrase:"),
        )
        for label, text in zip(self._first_labels, first_labels, strict=True):
            label.setText(text)
        self.first_button.setText(self.tr("Create the account"))
        self.demo_panel.setTitle(self.tr("Demo accounts"))
        self._demo_intro.setText(
            self.tr("This is the demo convention. Sign in with any of these accounts:")
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._render_demo()
        super().changeEvent(event)
