"""Akun: judges' accounts and PIN slips, secretariat users, new PINs, lifted lockouts."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
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
from juryapp.gui.ops import Reload
from juryapp.gui.secretariat.common import Notice, lang
from juryapp.gui.secretariat.record_model import Column, RecordModel
from juryapp.gui.tables import heading
from juryapp.services.accounts import AccountView, IssuedPin
from juryapp.services.changes import Change


def _no_blank(_row: int) -> AccountView:
    raise AssertionError("accounts are created by the service, never added in the table")


class AccountsPage(QWidget):
    """Hashing a PIN takes a third of a second: every action here runs off the GUI thread."""

    WATCHES = frozenset({Change.ACCOUNTS, Change.SETUP})
    pins_issued = Signal(object)  # the IssuedPinsDialog just opened

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._ops, self._actor = services, services.runner, actor
        self._convention = ""
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
        self._reload = Reload(
            self._ops, self, self._read, self._show_read, failed=self.notice.read_failed
        )

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
        self._reload.request()

    def _read(self) -> Callable[[], tuple[list[AccountView], str]]:
        accounts, setup = self._services.accounts, self._services.setup
        return lambda: (accounts.accounts(), setup.overview().name)

    def _show_read(self, loaded: tuple[list[AccountView], str]) -> None:
        accounts, self._convention = loaded
        self.notice.read_ok()
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
    def show_pins(self, pins: Sequence[IssuedPin]) -> IssuedPinsDialog:
        if self.pins_dialog is not None:
            self.pins_dialog.close()
            self.pins_dialog.deleteLater()
        self.pins_dialog = IssuedPinsDialog(pins, self._convention, lang(), self._ops, self)
        self.pins_dialog.open()
        self.pins_issued.emit(self.pins_dialog)
        return self.pins_dialog

    def create_judge_accounts(self) -> None:
        accounts, actor = self._services.accounts, self._actor

        def created(pins: list[IssuedPin]) -> None:
            if not pins:
                self.notice.show_info(self.tr("Every judge has an account already."))
                return
            self.notice.show_info(
                self.tr("{n} judge accounts created; print their PIN slips now.").format(
                    n=len(pins)
                )
            )
            self.show_pins(pins)

        self._ops.change(self, lambda: accounts.create_judge_accounts(actor)).success(
            created
        ).failure(self.notice.refused).run()

    def new_pin(self, username: str) -> None:
        accounts, actor = self._services.accounts, self._actor

        def issued(pin: IssuedPin) -> None:
            self.notice.show_info(
                self.tr("{user} has a new PIN; the old one no longer works.").format(user=username)
            )
            self.show_pins([pin])

        self._ops.change(self, lambda: accounts.issue_pin(actor, username)).success(issued).failure(
            self.notice.refused
        ).run()

    def lift_lockout(self, username: str) -> None:
        accounts, actor = self._services.accounts, self._actor
        self._ops.change(self, lambda: accounts.lift_lockout(actor, username)).success(
            lambda _none: self.notice.show_info(
                self.tr("{user} can sign in again.").format(user=username)
            )
        ).failure(self.notice.refused).run()

    def create_secretariat(self, username: str, name: str, secret: str) -> None:
        """The account (off the GUI thread); a refusal comes back as the service raised it."""
        self._services.accounts.create(
            self._actor, username, secret, role=Role.SECRETARIAT, display_name=name
        )

    def _secretariat_created(self, username: str) -> None:
        self.notice.show_info(self.tr("Account {user} created.").format(user=username.strip()))

    def secretariat_dialog(self) -> NewSecretariatDialog:
        """The form for another secretariat account (built, not shown)."""
        dialog = NewSecretariatDialog(self._ops, self)
        dialog.action = lambda: self.create_secretariat(
            dialog.username.text(), dialog.full_name.text().strip(), dialog.secret.text()
        )
        dialog.accepted.connect(lambda: self._secretariat_created(dialog.username.text()))
        return dialog

    def _ask_secretariat(self) -> None:
        dialog = self.secretariat_dialog()
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

    def own_secret_dialog(self) -> ChangeSecretDialog:
        """The form for a new passphrase of one's own (built, not shown)."""
        dialog = ChangeSecretDialog(self._ops, pin=False, parent=self)
        accounts, actor = self._services.accounts, self._actor
        dialog.action = lambda: accounts.change_own_secret(
            actor, dialog.current.text(), dialog.new.text()
        )
        dialog.accepted.connect(
            lambda: self.notice.show_info(self.tr("Your passphrase is changed."))
        )
        return dialog

    def _ask_own(self) -> None:
        dialog = self.own_secret_dialog()
        dialog.exec()
        dialog.deleteLater()
