"""The secretariat's window: a side list of screens and one refresh the shell can drive."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Slot
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget, QWidget

from juryapp.bootstrap import Services
from juryapp.domain.access import Actor
from juryapp.gui.secretariat.dashboard import DashboardPage
from juryapp.gui.secretariat.paper_entry import PaperEntryPage
from juryapp.gui.secretariat.print_page import PrintPage
from juryapp.gui.secretariat.results_page import SecretariatResultsPage
from juryapp.gui.secretariat.schedule_page import SchedulePage
from juryapp.gui.secretariat.setup_page import SetupPage

# Without a watcher on the database the screens still catch up with other users this often.
FALLBACK_REFRESH_MS = 10_000


class SecretariatWindow(QWidget):
    DASHBOARD, PAPER, RESULTS, PRINT, SETUP, SCHEDULE = range(6)

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._actor = services, actor
        self.dashboard = DashboardPage(services, actor, self)
        self.paper = PaperEntryPage(services, actor, self)
        self.results = SecretariatResultsPage(services, actor, self)
        self.print = PrintPage(services, actor, self)
        self.setup = SetupPage(services, actor, self)
        self.schedule = SchedulePage(services, actor, self)
        self._pages: list[
            DashboardPage
            | PaperEntryPage
            | SecretariatResultsPage
            | PrintPage
            | SetupPage
            | SchedulePage
        ] = [
            self.dashboard,
            self.paper,
            self.results,
            self.print,
            self.setup,
            self.schedule,
        ]
        self.navigation = QListWidget(self)
        self.navigation.setFixedWidth(150)
        self.navigation.setStyleSheet("QListWidget::item { padding: 8px; }")
        self.stack = QStackedWidget(self)
        for page in self._pages:
            self.stack.addWidget(page)
            self.navigation.addItem("")
        self.navigation.currentRowChanged.connect(self._show_page)
        self.dashboard.open_sheet.connect(self.open_sheet)
        self.setup.saved.connect(self.refresh)
        self.schedule.saved.connect(self.refresh)
        self.results.lock_changed.connect(self._others_stale)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)

        self._timer = QTimer(self)
        self._timer.setInterval(FALLBACK_REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self._stale: set[int] = set(range(len(self._pages)))
        self._retranslate()
        self.navigation.setCurrentRow(self.DASHBOARD)

    def connect_watcher(self, watcher: QObject) -> None:
        """Refresh when the database changes instead of polling."""
        watcher.changed.connect(self.refresh)  # type: ignore[attr-defined]
        self._timer.stop()

    @Slot()
    def refresh(self) -> None:
        """Reload the visible screen now; the others reload when they are next shown."""
        current = self.stack.currentIndex()
        self._stale = set(range(len(self._pages))) - {current}
        self._refresh_page(current)

    @Slot()
    def _others_stale(self) -> None:
        """The visible screen is up to date already; the others reload when next shown."""
        self._stale = set(range(len(self._pages))) - {self.stack.currentIndex()}

    def show_page(self, index: int) -> None:
        self.navigation.setCurrentRow(index)

    @Slot(str, str)
    def open_sheet(self, judge: str, team: str) -> None:
        self.show_page(self.PAPER)
        self.paper.select(judge, team)

    def _show_page(self, index: int) -> None:
        if index < 0:
            return
        self.stack.setCurrentIndex(index)
        if index in self._stale:
            self._refresh_page(index)

    def _refresh_page(self, index: int) -> None:
        self._stale.discard(index)
        self._pages[index].refresh()

    def _retranslate(self) -> None:
        names = (
            self.tr("Progress"),
            self.tr("Paper entry"),
            self.tr("Results"),
            self.tr("Print"),
            self.tr("Set-up"),
            self.tr("Schedule"),
        )
        for row, name in enumerate(names):
            item = self.navigation.item(row)
            if item is not None:
                item.setText(name)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            for page in self._pages:
                page.retranslate()
        super().changeEvent(event)
