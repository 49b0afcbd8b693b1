"""The judge's part of the main window: queue, score sheet and results, one at a time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from juryapp.bootstrap import Services
from juryapp.domain.access import Actor
from juryapp.domain.clock import local_now
from juryapp.domain.messages import PermissionDeniedError
from juryapp.domain.results import Results
from juryapp.gui.account_dialogs import ChangeSecretDialog
from juryapp.gui.errors import show_error
from juryapp.gui.judge.log_status import LogStatusBar
from juryapp.gui.judge.queue_page import QueuePage
from juryapp.gui.judge.results_page import ResultsPage
from juryapp.gui.judge.score_sheet import ScoreSheetPage
from juryapp.gui.ops import Reload
from juryapp.gui.watcher import DataWatcher
from juryapp.services.changes import Change, Changes
from juryapp.services.scoring import QueueEntry

__all__ = ["JudgeArea"]


class JudgeArea(QWidget):
    """Reads run off the GUI thread; a change to this judge's sheets, made here or at
    another laptop, reloads the queue (and the sheet shown, unless it is being typed in)."""

    saved = Signal()
    queue_loaded = Signal()
    results_shown = Signal()

    def __init__(
        self,
        services: Services,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._services, self._ops, self._actor = services, services.runner, actor
        self._today = today
        self._first = True
        self.queue = QueuePage(self)
        self.queue.set_judge_name(actor.display_name)
        self.sheet = ScoreSheetPage(
            services.scoring, services.runner, actor, self, clock=services.clock
        )
        self.results = ResultsPage(self)
        self.stack = QStackedWidget(self)
        for page in (self.queue, self.sheet, self.results):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # on the judge's own laptop: how far the secretariat has received the judge's log
        self.log_status: LogStatusBar | None = None
        if services.judge_keys.signing_here(actor):  # asks no database
            self.log_status = LogStatusBar(services, actor, self)
            self.sheet.saved.connect(self.log_status.changed)
            layout.addWidget(self.log_status)
        layout.addWidget(self.stack)

        self.queue.open_team.connect(self.open_team)
        self.queue.show_results.connect(self.open_results)
        self.queue.change_pin.connect(self.ask_change_pin)
        self.sheet.back_requested.connect(self.show_queue)
        self.sheet.saved.connect(self.saved)
        self.sheet.loaded.connect(self._sheet_loaded)
        self._queue = Reload(
            self._ops,
            self,
            self._read_queue,
            self._show_queue,
            failed=self._failed,
            slow=True,
            rest=1.0,
        )
        self._results = Reload(
            self._ops, self, self._read_results, self._show_results, slow=True, rest=1.0
        )
        self.load_queue()
        self.watcher = DataWatcher(services.changes, services.runner, self)
        self.watcher.changed.connect(self.take_changes)
        self.watcher.start()

    # -- the queue -------------------------------------------------------------------------
    def load_queue(self) -> None:
        """Read this judge's teams and sheets again (off the GUI thread)."""
        self._queue.request()

    def _read_queue(self) -> Callable[[], tuple[list[QueueEntry], int]]:
        scoring, setup, actor = self._services.scoring, self._services.setup, self._actor
        return lambda: (scoring.queue(actor), len(setup.spec().criteria))

    def _show_queue(self, loaded: tuple[list[QueueEntry], int]) -> None:
        entries, criteria = loaded
        if self._first:
            self._first = False
            today = self._today or local_now(self._services.clock).date()
            self.queue.set_entries(entries, criteria, today)
        else:
            self.queue.update_entries(entries)
        self.queue_loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        if self._first:
            show_error(self, exc)

    def refresh(self) -> None:
        """Something changed in the database (here or on another laptop): show it."""
        self.load_queue()
        if self.log_status is not None:
            self.log_status.refresh()
        if self.stack.currentWidget() is self.sheet:
            self.sheet.reload()
        elif self.stack.currentWidget() is self.results:
            self.open_results()

    def take_changes(self, changes: Changes) -> None:
        """What the watcher found changed; only this judge's sheets matter here."""
        judge = self._actor.judge_code or ""
        mine = changes.every_sheet or bool(changes.sheets_of(judge))
        if Change.SETUP in changes.kinds or mine:
            self.load_queue()
            if self.stack.currentWidget() is self.sheet:
                self.sheet.reload()
        if self.stack.currentWidget() is self.results and changes.touches(
            (Change.RESULTS, Change.SCORES, Change.SETUP)
        ):
            self.open_results()

    def show_queue(self) -> None:
        self.load_queue()
        self.stack.setCurrentWidget(self.queue)
        self.queue.focus_table()

    def open_team(self, team_code: str) -> None:
        """Open the sheet for ``team_code`` once it is read."""
        self.sheet.load(team_code)

    def _sheet_loaded(self, team_code: str) -> None:
        self.stack.setCurrentWidget(self.sheet)
        self.queue.select_team(team_code)
        self.sheet.focus_first_open()

    # -- account and results ---------------------------------------------------------------
    def change_pin_dialog(self) -> ChangeSecretDialog:
        """The form for a new PIN (built, not shown); its button changes it or says why not."""
        dialog = ChangeSecretDialog(self._ops, pin=True, parent=self)
        accounts, actor = self._services.accounts, self._actor
        dialog.action = lambda: accounts.change_own_secret(
            actor, dialog.current.text(), dialog.new.text()
        )
        return dialog

    def ask_change_pin(self) -> None:
        dialog = self.change_pin_dialog()
        dialog.exec()
        dialog.deleteLater()

    def open_results(self) -> None:
        """The released results (worked out off the GUI thread), or why there are none."""
        self._results.request()

    def _read_results(self) -> Callable[[], Results | None]:
        results, actor = self._services.results, self._actor

        def read() -> Results | None:
            try:
                return results.compute(actor)
            except PermissionDeniedError:
                return None

        return read

    def _show_results(self, results: Results | None) -> None:
        self.results.show_results(results)
        if self.stack.currentWidget() is not self.results:
            self.stack.setCurrentWidget(self.results)
            self.results.back_button.setFocus()
        self.results_shown.emit()
