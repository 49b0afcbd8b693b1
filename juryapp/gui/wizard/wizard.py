"""The new-convention wizard: each step a page; Finish stores the convention and the accounts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QWidget, QWizard

from juryapp.bootstrap import Services
from juryapp.domain.access import Actor
from juryapp.domain.kinds import Role
from juryapp.domain.messages import JuryError
from juryapp.domain.model import ConventionInfo, ConventionSpec
from juryapp.domain.validation import validate_spec
from juryapp.gui.ops import Progress
from juryapp.gui.problems import refusal_text
from juryapp.gui.wizard.finish_pages import AccountsPage, ChecklistPage
from juryapp.gui.wizard.people_pages import ConflictsPage, JudgesPage, TeamsPage
from juryapp.gui.wizard.setup_pages import (
    NEW_SCORING,
    CategoriesPage,
    DaysPage,
    DetailsPage,
    RubricPage,
)
from juryapp.services.accounts import IssuedPin
from juryapp.services.keys import check_passphrase


@dataclass(frozen=True)
class Created:
    """What Finish stored: the convention's name, who signs in first, the judges' PINs."""

    name: str
    username: str
    pins: tuple[IssuedPin, ...]


class ConventionWizard(QWizard):
    stored = Signal(object)  # Created: the convention and its accounts are stored

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.created: Created | None = None
        self._storing = False
        # The first account, once made: a retry after a refusal acts as it.
        self._founder: Actor | None = None
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.details = DetailsPage()
        self.days = DaysPage()
        self.categories = CategoriesPage()
        self.rubric = RubricPage()
        self.teams = TeamsPage(self.built_spec, self._category_choices)
        self.judges = JudgesPage(self.built_spec)
        self.conflicts = ConflictsPage(self.built_spec)
        self.accounts = AccountsPage()
        self.checklist = ChecklistPage(self.built_spec, self.accounts)
        for page in (
            self.details, self.days, self.categories, self.rubric, self.teams,
            self.judges, self.conflicts, self.accounts, self.checklist,
        ):  # fmt: skip
            self.addPage(page)
        self._fit_screen()
        self._retranslate()

    def _fit_screen(self) -> None:
        """As large as a 1366×768 laptop allows: the rubric and the teams need the room."""
        screen = self.screen().availableGeometry()
        self.resize(min(1300, screen.width() - 40), min(740, screen.height() - 40))

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("New convention"))
        # QWizard labels its buttons once, when it is made; a language switch relabels them.
        buttons = {
            QWizard.WizardButton.BackButton: QCoreApplication.translate("QWizard", "< &Back"),
            QWizard.WizardButton.NextButton: QCoreApplication.translate("QWizard", "&Next >"),
            QWizard.WizardButton.FinishButton: QCoreApplication.translate("QWizard", "&Finish"),
            QWizard.WizardButton.CancelButton: QCoreApplication.translate("QWizard", "Cancel"),
            QWizard.WizardButton.CommitButton: QCoreApplication.translate("QWizard", "Commit"),
            QWizard.WizardButton.HelpButton: QCoreApplication.translate("QWizard", "&Help"),
        }
        for which, text in buttons.items():
            self.setButtonText(which, text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _category_choices(self) -> list[tuple[str, str]]:
        return [(c.code, f"{c.code} — {c.name}") for c in self.categories.categories.records]

    def built_spec(self) -> ConventionSpec:
        """The convention as the steps stand now (a step still being built adds nothing)."""
        pages = self.__dict__

        def records(page: str, model: str) -> tuple[Any, ...]:
            return tuple(getattr(pages[page], model).records) if page in pages else ()

        info = self.details.info() if "details" in pages else ConventionInfo(name="")
        spec = ConventionSpec(
            info=info,
            days=records("days", "days"),
            scoring=NEW_SCORING,
            categories=records("categories", "categories"),
            judges=records("judges", "judges"),
            teams=records("teams", "teams"),
            conflicts=records("conflicts", "conflicts"),
        )
        return self.rubric.apply_to(spec) if "rubric" in pages else spec

    def accept(self) -> None:
        """Finish: store the convention, then the accounts (off the GUI thread: each account
        and the key cost Argon2id); a refusal keeps the wizard open."""
        if self.created is not None:
            super().accept()
            return
        if self._storing:
            return
        self._storing = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self._services.runner.job(self, self._store_work(), changes=True).success(
            self._stored
        ).failure(self._not_stored).with_progress(self.tr("Creating the convention…")).run()

    def _store_work(self) -> Callable[[Progress], tuple[Created, str]]:
        """The first account (who then acts), the convention, its key, the other accounts:
        taken from the pages here, stored by the returned work on a worker thread."""
        spec = self.built_spec()
        first, second, key = self.accounts.first, self.accounts.second, self.accounts.key
        username, secret = first.username.text(), first.secret.text()
        name, passphrase = first.full_name.text().strip(), key.secret.text()
        other = (
            (second.username.text(), second.secret.text(), second.full_name.text().strip())
            if second.filled()
            else None
        )
        judges = self.accounts.judge_accounts.isChecked() and bool(spec.judges)
        services = self._services

        def work(_progress: Progress) -> tuple[Created, str]:
            validate_spec(spec)  # before anything is written
            check_passphrase(passphrase)
            if self._founder is None:
                self._founder = services.accounts.create_first(username, secret, display_name=name)
            services.setup.create(self._founder, spec)
            services.keys.create(self._founder, passphrase)
            pins: tuple[IssuedPin, ...] = ()
            problem = ""
            try:
                if other is not None:
                    services.accounts.create(
                        self._founder, other[0], other[1], role=Role.SECRETARIAT,
                        display_name=other[2],
                    )  # fmt: skip
                if judges:
                    pins = tuple(services.accounts.create_judge_accounts(self._founder))
            except JuryError as exc:
                # The convention is stored: what is missing can be added on the Accounts screen.
                problem = refusal_text(exc)
            return Created(spec.info.name, username.strip(), pins), problem

        return work

    def _stored(self, stored: tuple[Created, str]) -> None:
        self._storing = False
        self.created, problem = stored
        if problem:
            self.checklist.show_error(problem)
        self.stored.emit(self.created)
        super().accept()

    def _not_stored(self, exc: BaseException) -> None:
        self._storing = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        if isinstance(exc, JuryError):
            self.checklist.show_error(refusal_text(exc))
        else:
            from juryapp.gui.errors import show_error  # noqa: PLC0415

            show_error(self, exc)
