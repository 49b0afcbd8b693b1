"""The wizard's last steps: the accounts to create, and what is still missing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from juryapp.domain.kinds import Role
from juryapp.domain.model import ConventionSpec
from juryapp.domain.validation import check_spec
from juryapp.gui.problems import problem_lines, sentence
from juryapp.gui.secretariat.common import say
from juryapp.gui.wizard.setup_pages import Page
from juryapp.services.accounts import MIN_PASSPHRASE, AccountView
from juryapp.services.keys import MIN_PASSPHRASE as MIN_KEY_PASSPHRASE
from juryapp.services.readiness import before_judging

SpecSource = Callable[[], ConventionSpec]


class _Person(QGroupBox):
    """Username, full name and passphrase (typed twice) of one secretariat account."""

    def __init__(self, parent: QLabel | Page) -> None:
        super().__init__(parent)
        self.username = QLineEdit(self)
        self.full_name = QLineEdit(self)
        self.secret = QLineEdit(self)
        self.repeat = QLineEdit(self)
        for field in (self.secret, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.labels = [QLabel(self) for _ in range(4)]
        form = QFormLayout(self)
        for label, field in zip(
            self.labels, (self.username, self.full_name, self.secret, self.repeat), strict=True
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        # Enter moves on, field by field, as a paper form is filled.
        self.username.returnPressed.connect(self.full_name.setFocus)
        self.full_name.returnPressed.connect(self.secret.setFocus)
        self.secret.returnPressed.connect(self.repeat.setFocus)

    def retranslate(self, title: str) -> None:
        self.setTitle(title)
        texts = (
            self.tr("Username:"),
            self.tr("Full name:"),
            self.tr("Passphrase ({n}+ characters):").format(n=MIN_PASSPHRASE),
            self.tr("Repeat the passphrase:"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)

    def filled(self) -> bool:
        return bool(self.username.text().strip() or self.secret.text())

    def problem(self) -> str:
        """Why this account cannot be created as typed, or ""."""
        if not self.username.text().strip():
            return self.tr("{who}: type a username.").format(who=self.title())
        if len(self.secret.text()) < MIN_PASSPHRASE:
            return self.tr("{who}: the passphrase needs at least {n} characters.").format(
                who=self.title(), n=MIN_PASSPHRASE
            )
        if self.secret.text() != self.repeat.text():
            return self.tr("{who}: the two passphrases differ.").format(who=self.title())
        return ""


class _KeyPassphrase(QGroupBox):
    """The passphrase that seals the convention's signing key, typed twice."""

    def __init__(self, parent: Page) -> None:
        super().__init__(parent)
        self.explain = QLabel(self)
        self.explain.setWordWrap(True)
        self.secret = QLineEdit(self)
        self.repeat = QLineEdit(self)
        for field in (self.secret, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.labels = [QLabel(self) for _ in range(2)]
        form = QFormLayout(self)
        form.addRow(self.explain)
        for label, field in zip(self.labels, (self.secret, self.repeat), strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        self.secret.returnPressed.connect(self.repeat.setFocus)

    def retranslate(self) -> None:
        self.setTitle(self.tr("The convention's signing key"))
        self.explain.setText(
            self.tr(
                "Final documents are signed with a key made now and stored only sealed by this "
                "passphrase. It is asked for when the results are locked and printed, and it is "
                "never stored: keep it safe, as a lost passphrase needs a new key."
            )
        )
        self.labels[0].setText(
            self.tr("Key passphrase ({n}+ characters):").format(n=MIN_KEY_PASSPHRASE)
        )
        self.labels[1].setText(self.tr("Repeat the key passphrase:"))

    def problem(self) -> str:
        if len(self.secret.text().strip()) < MIN_KEY_PASSPHRASE:
            return self.tr("The key passphrase needs at least {n} characters.").format(
                n=MIN_KEY_PASSPHRASE
            )
        if self.secret.text() != self.repeat.text():
            return self.tr("The two key passphrases differ.")
        return ""


class AccountsPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.first = _Person(self)
        self.second = _Person(self)
        self.key = _KeyPassphrase(self)
        self.judge_accounts = QCheckBox(self)
        self.judge_accounts.setChecked(True)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        for field in (
            self.first.username, self.first.secret, self.first.repeat, self.key.secret
        ):  # fmt: skip
            field.textChanged.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.first)
        layout.addWidget(self.second)
        layout.addWidget(self.key)
        layout.addWidget(self.judge_accounts)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Accounts"))
        self.setSubTitle(
            self.tr(
                "You sign in with the first account. A paper sheet typed by one secretariat "
                "user is confirmed by another, so add the second one now if you can."
            )
        )
        self.first.retranslate(self.tr("Your secretariat account"))
        self.second.retranslate(self.tr("Second secretariat account (may be added later)"))
        self.key.retranslate()
        self.judge_accounts.setText(
            self.tr("Create an account with a six-digit PIN for every judge (slips to print)")
        )

    def isComplete(self) -> bool:  # noqa: N802
        return bool(
            self.first.username.text().strip()
            and self.first.secret.text()
            and self.key.secret.text()
        )

    def validatePage(self) -> bool:  # noqa: N802
        problems = [self.first.problem(), self.key.problem()]
        if self.second.filled():
            problems.append(self.second.problem())
            if self.second.username.text().strip() == self.first.username.text().strip():
                problems.append(self.tr("The two secretariat accounts need different usernames."))
        problems = [p for p in problems if p]
        self.error.setText("\n".join(problems))
        return not problems

    def planned(self, spec: ConventionSpec) -> list[AccountView]:
        """The accounts the wizard will create, as the checklist counts them."""
        people = [self.first] + ([self.second] if self.second.filled() else [])
        planned = [
            AccountView(
                p.username.text().strip(), p.full_name.text(), Role.SECRETARIAT, None, False
            )
            for p in people
            if p.username.text().strip()
        ]
        if self.judge_accounts.isChecked():
            planned += [
                AccountView(j.code.lower(), j.name, Role.JUDGE, j.code, False) for j in spec.judges
            ]
        return planned


class ChecklistPage(Page):
    """What is still missing before judging starts; the convention can be stored once the
    set-up itself has no problem, and the rest done later from the Set-up screen."""

    def __init__(self, spec: SpecSource, accounts: AccountsPage) -> None:
        super().__init__()
        self._spec, self._accounts = spec, accounts
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.items = QListWidget(self)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.error)
        self.setFinalPage(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Before judging starts"))
        self.setSubTitle(self.tr("Check what is still missing, then press Finish."))
        self.show_items()

    def initializePage(self) -> None:  # noqa: N802
        self.show_items()

    def problems(self) -> list[str]:
        return problem_lines(check_spec(self._spec()))

    def gaps(self) -> list[str]:
        spec = self._spec()
        return [sentence(say(g.text)) for g in before_judging(spec, self._accounts.planned(spec))]

    def show_items(self) -> None:
        self.items.clear()
        problems = self.problems()
        gaps = self.gaps()
        for text in problems:
            item = QListWidgetItem("✗ " + text, self.items)
            item.setForeground(QBrush(QColor("#b00020")))
        for text in gaps:
            if problems and text in problems:
                continue
            QListWidgetItem("• " + text, self.items)
        if problems:
            self.intro.setText(
                self.tr("Fix the problems marked ✗ (go Back to their step) before finishing:")
            )
        elif gaps:
            self.intro.setText(
                self.tr(
                    "The convention can be created now. These things are still missing before "
                    "judges can start; do them later on the Set-up and Accounts screens:"
                )
            )
        else:
            self.intro.setText(
                self.tr("Nothing is missing: press Finish, sign in and judging can start.")
            )
        self.items.setVisible(bool(problems or gaps))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return not check_spec(self._spec())

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setAlignment(Qt.AlignmentFlag.AlignLeft)
