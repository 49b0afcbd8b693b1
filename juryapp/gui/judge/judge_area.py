"""The judge's part of the main window: queue, score sheet and results, one at a time."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from juryapp.bootstrap import Services
from juryapp.domain.access import Actor
from juryapp.domain.messages import JuryError, PermissionDeniedError
from juryapp.gui.account_dialogs import ChangeSecretDialog
from juryapp.gui.errors import show_error
from juryapp.gui.judge.log_status import LogStatusBar
from juryapp.gui.judge.queue_page import QueuePage
from juryapp.gui.judge.results_page import ResultsPage
from juryapp.gui.judge.score_sheet import ScoreSheetPage

__all__ = ["JudgeArea"]


class JudgeArea(QWidget):
    saved = Signal()

    def __init__(
        self,
        services: Services,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._today = today
        self.queue = QueuePage(self)
        self.queue.set_judge_name(actor.display_name)
        self.sheet = ScoreSheetPage(services, actor, self)
        self.results = ResultsPage(self)
        self.stack = QStackedWidget(self)
        for page in (self.queue, self.sheet, self.results):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # on the judge's own laptop: how far the secretariat has received the judge's log
        self.log_status: LogStatusBar | None = None
        if services.judge_keys.is_laptop():
            self.log_status = LogStatusBar(services, actor, self)
            self.sheet.saved.connect(self.log_status.changed)
            layout.addWidget(self.log_status)
        layout.addWidget(self.stack)

        self.queue.open_team.connect(self.open_team)
        self.queue.show_results.connect(self.open_results)
        self.queue.change_pin.connect(self.ask_change_pin)
        self.sheet.back_requested.connect(self.show_queue)
        self.sheet.saved.connect(self.saved)
        self.sheet.submitted.connect(lambda _code: self.refresh())
        self.results.back_requested.connect(self.show_queue)
        self.load_queue()

    def _criteria_count(self) -> int:
        return len(self._services.setup.spec().criteria)

    def load_queue(self) -> None:
        try:
            entries = self._services.scoring.queue(self._actor)
            count = self._criteria_count()
        except JuryError as exc:
            show_error(self, exc)
            return
        self.queue.set_entries(entries, count, self._today or date.today())

    def refresh(self) -> None:
        """Something changed in the database (here or on another laptop): show it."""
        try:
            self.queue.update_entries(self._services.scoring.queue(self._actor))
        except JuryError:
            return
        if self.log_status is not None:
            self.log_status.refresh()
        if self.stack.currentWidget() is self.sheet:
            self.sheet.reload()
        elif self.stack.currentWidget() is self.results:
            self.open_results()

    def show_queue(self) -> None:
        self.refresh()
        self.stack.setCurrentWidget(self.queue)
        self.queue.focus_table()

    def open_team(self, team_code: str) -> None:
        if self.sheet.load(team_code):
            self.stack.setCurrentWidget(self.sheet)
            self.queue.select_team(team_code)
            self.sheet.focus_first_open()

    def change_pin_dialog(self) -> ChangeSecretDialog:
        """The form for a new PIN (built, not shown); its button changes it or says why not."""
        dialog = ChangeSecretDialog(pin=True, parent=self)
        dialog.action = lambda: self._services.accounts.change_own_secret(
            self._actor, dialog.current.text(), dialog.new.text()
        )
        return dialog

    def ask_change_pin(self) -> None:
        dialog = self.change_pin_dialog()
        dialog.exec()
        dialog.deleteLater()

    def open_results(self) -> None:
        try:
            results = self._services.results.compute(self._actor)
        except PermissionDeniedError:
            results = None
        except JuryError as exc:
            show_error(self, exc)
            return
        self.results.show_results(results)
        self.stack.setCurrentWidget(self.results)
        self.results.back_button.setFocus()
