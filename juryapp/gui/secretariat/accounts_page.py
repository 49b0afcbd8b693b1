"""Akun: judges' accounts and PIN slips, secretariat users, new PINs, lifted lockouts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from juryapp.bootstrap import Services
from juryapp.domain.access import Actor
from juryapp.domain.kinds import Role
from juryapp.gui import dialogs
from juryapp.gui.account_dialogs import ChangeSecretDialog, IssuedPinsDialog, NewSecretariatDialog
from juryapp.gui.secretariat.common import Notice, lang
from juryapp.gui.secretariat.record_model import Column, RecordModel
from juryapp.gui.tables import heading
from juryapp.services.accounts import AccountView, IssuedPin


def _no_blank(_row: int) -> AccountView:
    raise AssertionError("accounts are created by the service, never added in the table")


class AccountsPage(QWidget):
    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._actor = services, actor
        self.pins_dialog: IssuedPinsDialog | None = None
        self.title = heading(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.model: RecordModel[AccountView] = RecordModel(self._columns(), _no_blank, self)
        self.model.read_only = True
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

        self.judges_button = QPushButton(self)
        self.secretariat_button = QPushButton(self)
        self.pin_button = QPushButton(self)
        self.unlock_button = QPushButton(self)
        self.own_button = QPushButton(self)
        self.judges_button.clicked.connect(self.create_judge_accounts)
        self.secretariat_button.clicked.connect(self._ask_secretariat)
        self.pin_button.clicked.connect(self._ask_new_pin)
        self.unlock_button.clicked.connect(self._ask_unlock)
        self.own_button.clicked.connect(self._ask_own)
        self.notice = Notice(self)

        buttons = QVBoxLayout()
        for button in (
            self.judges_button,
            self.secretariat_button,
            self.pin_button,
            self.unlock_button,
            self.own_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.view, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(row, 1)
        layout.addWidget(self.notice)
        self.retranslate()

    def _columns(self) -> list[Column[AccountView]]:
        return [
            Column(self.tr("Username"), lambda a: a.username),
            Column(self.tr("Name"), lambda a: a.display_name),
            Column(
                self.tr("Role"),
                lambda a: self.tr("Judge") if a.role is Role.JUDGE else self.tr("Secretariat"),
            ),
            Column(self.tr("Judge"), lambda a: a.judge_code or ""),
            Column(
                self.tr("State"),
                lambda a: self.tr("locked after wrong tries") if a.locked else self.tr("active"),
            ),
        ]

    def retranslate(self) -> None:
        self.title.setText(self.tr("Accounts"))
        self.intro.setText(
            self.tr(
                "Judges sign in with a six-digit PIN printed on a slip; the secretariat with a "
                "passphrase. Paper sheets are confirmed by a second secretariat user, so create "
                "at least two secretariat accounts. Every change here is recorded."
            )
        )
        self.model.set_columns(self._columns())
        self.judges_button.setText(self.tr("Accounts for &judges without one…"))
        self.secretariat_button.setText(self.tr("New &secretariat account…"))
        self.pin_button.setText(self.tr("New &PIN for this judge…"))
        self.unlock_button.setText(self.tr("&Lift the lockout…"))
        self.own_button.setText(self.tr("Change &my passphrase…"))

    def refresh(self) -> None:
        accounts = self.notice.attempt(self._services.accounts.accounts)
        if accounts is None:
            return
        chosen = self.selected()
        self.model.set_records(accounts)
        if chosen is not None:
            self.select(chosen.username)
        self._update_buttons()

    def accounts(self) -> tuple[AccountView, ...]:
        return self.model.records

    def selected(self) -> AccountView | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.records[rows[0].row()] if rows else None

    def select(self, username: str) -> None:
        for row, account in enumerate(self.model.records):
            if account.username == username:
                self.view.selectRow(row)
                return

    def _update_buttons(self) -> None:
        account = self.selected()
        self.pin_button.setEnabled(account is not None and account.role is Role.JUDGE)
        self.unlock_button.setEnabled(account is not None and account.locked)

    # -- actions ------------------------------------------------------------------------------
    def _convention(self) -> str:
        try:
            return self._services.setup.overview().name
        except Exception:  # the name on a slip is a nicety, never a reason to fail
            return ""

    def show_pins(self, pins: Sequence[IssuedPin]) -> IssuedPinsDialog:
        if self.pins_dialog is not None:
            self.pins_dialog.close()
            self.pins_dialog.deleteLater()
        self.pins_dialog = IssuedPinsDialog(pins, self._convention(), lang(), self)
        self.pins_dialog.open()
        return self.pins_dialog

    def create_judge_accounts(self) -> list[IssuedPin]:
        pins = self.notice.attempt(
            lambda: self._services.accounts.create_judge_accounts(self._actor)
        )
        self.refresh()
        if not pins:
            if pins is not None:
                self.notice.show_info(self.tr("Every judge has an account already."))
            return []
        self.notice.show_info(
            self.tr("{n} judge accounts created; print their PIN slips now.").format(n=len(pins))
        )
        self.show_pins(pins)
        return pins

    def new_pin(self, username: str) -> IssuedPin | None:
        pin = self.notice.attempt(lambda: self._services.accounts.issue_pin(self._actor, username))
        if pin is None:
            return None
        self.refresh()
        self.notice.show_info(
            self.tr("{user} has a new PIN; the old one no longer works.").format(user=username)
        )
        self.show_pins([pin])
        return pin

    def lift_lockout(self, username: str) -> bool:
        if not self.notice.run(lambda: self._services.accounts.lift_lockout(self._actor, username)):
            return False
        self.refresh()
        self.notice.show_info(self.tr("{user} can sign in again.").format(user=username))
        return True

    def create_secretariat(self, username: str, name: str, secret: str) -> None:
        """Raises the service's refusal, for the dialog to show."""
        self._services.accounts.create(
            self._actor, username, secret, role=Role.SECRETARIAT, display_name=name
        )
        self.refresh()
        self.notice.show_info(self.tr("Account {user} created.").format(user=username.strip()))

    def _ask_secretariat(self) -> None:
        dialog = NewSecretariatDialog(self)
        dialog.action = lambda: self.create_secretariat(
            dialog.username.text(), dialog.full_name.text().strip(), dialog.secret.text()
        )
        dialog.exec()
        dialog.deleteLater()

    def _ask_new_pin(self) -> None:
        account = self.selected()
        if account is None:
            return
        if dialogs.confirm(
            self,
            self.tr("New PIN"),
            self.tr("Give {name} a new PIN? The old PIN stops working at once.").format(
                name=account.display_name
            ),
            self.tr("&Give a new PIN"),
        ):
            self.new_pin(account.username)

    def _ask_unlock(self) -> None:
        account = self.selected()
        if account is None:
            return
        if dialogs.confirm(
            self,
            self.tr("Lift the lockout"),
            self.tr(
                "{name} is locked out after too many wrong tries. Let them try again now? "
                "This is recorded."
            ).format(name=account.display_name),
            self.tr("&Lift the lockout"),
        ):
            self.lift_lockout(account.username)

    def _ask_own(self) -> None:
        dialog = ChangeSecretDialog(pin=False, parent=self)
        dialog.action = lambda: self._services.accounts.change_own_secret(
            self._actor, dialog.current.text(), dialog.new.text()
        )
        if dialog.exec():
            self.notice.show_info(self.tr("Your passphrase is changed."))
        dialog.deleteLater()
