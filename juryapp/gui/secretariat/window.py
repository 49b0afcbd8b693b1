"""The secretariat's window: a side list of screens and one refresh the shell can drive."""

from __future__ import annotations

import gc
import importlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QEvent, QSize, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget, QVBoxLayout, QWidget

from juryapp.domain.access import Actor
from juryapp.gui import dialogs
from juryapp.gui.secretariat.dashboard import DashboardPage
from juryapp.gui.secretariat.integrity_banner import IntegrityBanner
from juryapp.gui.watcher import DataWatcher
from juryapp.services.changes import Change, Changes

if TYPE_CHECKING:
    from juryapp.bootstrap import Services
    from juryapp.gui.secretariat.accounts_page import AccountsPage
    from juryapp.gui.secretariat.paper_entry import PaperEntryPage
    from juryapp.gui.secretariat.print_page import PrintPage
    from juryapp.gui.secretariat.results_page import SecretariatResultsPage
    from juryapp.gui.secretariat.schedule_page import SchedulePage
    from juryapp.gui.secretariat.setup_page import SetupPage

log = logging.getLogger(__name__)

# Each screen is built the first time it is shown (or asked for), so signing in builds only
# the dashboard: the others hold thousands of widgets and model rows. (module, class) in
# navigation order, after the dashboard.
_LATER_PAGES = (
    ("juryapp.gui.secretariat.paper_entry", "PaperEntryPage"),
    ("juryapp.gui.secretariat.results_page", "SecretariatResultsPage"),
    ("juryapp.gui.secretariat.print_page", "PrintPage"),
    ("juryapp.gui.secretariat.setup_page", "SetupPage"),
    ("juryapp.gui.secretariat.schedule_page", "SchedulePage"),
    ("juryapp.gui.secretariat.received_page", "ReceivedPage"),
    ("juryapp.gui.secretariat.accounts_page", "AccountsPage"),
)


def _load_later_pages(_progress: object) -> None:
    for module_name, _class_name in _LATER_PAGES:
        importlib.import_module(module_name)
    # Their code stays for good: set it aside from the collector's full passes, as the code
    # loaded at start-up is (``share_the_interpreter_with_the_gui``).
    gc.freeze()


def _not_loaded(exc: BaseException) -> None:
    # Nothing lost: a screen whose code cannot be loaded says so when it is opened.
    log.warning("the screens' code could not be loaded ahead", exc_info=exc)


class _ScreenStack(QStackedWidget):
    """The screens, sized as the one shown: a plain stack asks every screen it holds for its
    size whenever any of them changes its layout, though only the one shown is seen (with all
    eight built at 1,000 teams, rebuilding the paper form held the GUI thread 54–57 ms with a
    plain stack and 34–40 ms with this one)."""

    def sizeHint(self) -> QSize:  # noqa: N802
        shown = self.currentWidget()
        return shown.sizeHint() if shown is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        shown = self.currentWidget()
        return shown.minimumSizeHint() if shown is not None else super().minimumSizeHint()


class _Page(Protocol):
    WATCHES: frozenset[Change]  # the kinds of data the screen shows

    def refresh(self) -> None: ...

    def retranslate(self) -> None: ...


class _Editing(Protocol):
    """A screen whose edits are kept only when saved (set-up, schedule)."""

    def has_unsaved(self) -> bool: ...

    def unsaved_name(self) -> str: ...

    def save(self, then: Callable[[], object] | None = None) -> bool: ...

    def discard(self) -> None: ...


class SecretariatWindow(QWidget):
    DASHBOARD, PAPER, RESULTS, PRINT, SETUP, SCHEDULE, RECEIVED, ACCOUNTS = range(8)

    unsaved_changed = Signal(bool)  # whether any screen holds edits not saved yet

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._actor = services, actor
        self.ask_unsaved = dialogs.ask_unsaved  # tests answer in its place
        self.dashboard = DashboardPage(services.reckoner, services.runner, actor, self)
        # None until built; a plain QWidget holds the page's place in the stack until then.
        self._pages: list[QWidget | None] = [self.dashboard] + [None] * len(_LATER_PAGES)
        self.navigation = QListWidget(self)
        self.navigation.setFixedWidth(150)
        self.navigation.setStyleSheet("QListWidget::item { padding: 8px; }")
        self.stack = _ScreenStack(self)
        for page in self._pages:
            self.stack.addWidget(page if page is not None else QWidget(self))
            self.navigation.addItem("")
        self.navigation.currentRowChanged.connect(self._show_page)
        self.dashboard.open_sheet.connect(self.open_sheet)

        # The other screens' code is loaded on a worker while the person reads the first one,
        # so that opening one does not wait for it.
        services.runner.job(self, _load_later_pages).failure(_not_loaded).run()
        # Whether the database still matches its audit trail and seal, checked at sign-in.
        self.integrity = IntegrityBanner(
            services.integrity, services.reckoner, services.runner, actor, self
        )
        self.integrity.check()

        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(self.integrity)
        layout = QHBoxLayout()
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        outer.addLayout(layout, 1)

        self._stale: set[int] = set(range(len(self._pages)))
        self._retranslate()
        self.navigation.setCurrentRow(self.DASHBOARD)
        # What changes, here or at another laptop, reaches the screens that show it.
        self.watcher = DataWatcher(services.changes, services.runner, self)
        self.watcher.changed.connect(self.take_changes)
        self.watcher.start()

    # -- the screens, built on first use ---------------------------------------------------
    def page(self, index: int) -> QWidget:
        """The screen at ``index`` of the navigation, built now if it was not yet."""
        built = self._pages[index]
        if built is not None:
            return built
        module_name, class_name = _LATER_PAGES[index - 1]
        page_class = getattr(importlib.import_module(module_name), class_name)
        page: QWidget = page_class(self._services, self._actor, self)
        self._pages[index] = page
        placeholder = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, page)
        if placeholder is not None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        if current == index:
            self.stack.setCurrentIndex(index)
        if index in (self.SETUP, self.SCHEDULE):
            page.unsaved_changed.connect(self._unsaved_changed)  # type: ignore[attr-defined]
        elif index == self.RESULTS:
            page.lock_changed.connect(self.integrity.check)  # type: ignore[attr-defined]
            page.open_sheet.connect(self.open_sheet)  # type: ignore[attr-defined]
        elif index == self.PRINT:
            page.audit_requested.connect(self.integrity.open_details)  # type: ignore[attr-defined]
        return page

    @property
    def paper(self) -> PaperEntryPage:
        return cast("PaperEntryPage", self.page(self.PAPER))

    @property
    def results(self) -> SecretariatResultsPage:
        return cast("SecretariatResultsPage", self.page(self.RESULTS))

    @property
    def print(self) -> PrintPage:
        return cast("PrintPage", self.page(self.PRINT))

    @property
    def setup(self) -> SetupPage:
        return cast("SetupPage", self.page(self.SETUP))

    @property
    def schedule(self) -> SchedulePage:
        return cast("SchedulePage", self.page(self.SCHEDULE))

    @property
    def accounts(self) -> AccountsPage:
        return cast("AccountsPage", self.page(self.ACCOUNTS))

    # -- edits not saved yet ---------------------------------------------------------------
    def _editing(self) -> list[_Editing]:
        return [
            cast("_Editing", page)
            for page in self._pages
            if page is not None and hasattr(page, "has_unsaved")
        ]

    def has_unsaved(self) -> bool:
        return any(page.has_unsaved() for page in self._editing())

    def _unsaved_changed(self) -> None:
        self.unsaved_changed.emit(self.has_unsaved())

    def _may_leave(self, page: QWidget | None, then: Callable[[], object]) -> bool:
        """Ask about a screen's unsaved edits: True to leave now. Saving first answers False
        and runs ``then`` once the edits are saved (off the GUI thread); staying, False."""
        if page is None or not hasattr(page, "has_unsaved"):
            return True
        editing = cast("_Editing", page)
        if not editing.has_unsaved():
            return True
        choice = self.ask_unsaved(self, editing.unsaved_name())
        if choice is dialogs.Unsaved.SAVE:
            editing.save(then)
            return False
        if choice is dialogs.Unsaved.DISCARD:
            editing.discard()
            return True
        return False

    def confirm_leave(self, then: Callable[[], object] | None = None) -> bool:
        """Before signing out or quitting: True once no screen holds unsaved edits.

        A screen the person chose to save answers False for now; ``then`` runs once saved.
        """

        def again() -> None:
            if self.confirm_leave(then) and then is not None:
                then()

        for index, page in enumerate(self._pages):
            if page is not None and hasattr(page, "has_unsaved"):
                if cast("_Editing", page).has_unsaved():
                    self.show_page(index)
                if not self._may_leave(page, again):
                    return False
        return True

    def take_changes(self, changes: Changes) -> None:
        """What the database watcher found changed: the visible screen takes it in now if it
        shows that kind of data, the others that show it reload when next shown."""
        current = self.stack.currentIndex()
        for index, page in enumerate(self._pages):
            if page is None or not changes.touches(cast("_Page", page).WATCHES):
                continue
            if index != current:
                self._stale.add(index)
                continue
            take = getattr(page, "take_changes", None)
            if callable(take):
                take(changes)
            else:
                self._refresh_page(index)

    @Slot()
    def refresh(self) -> None:
        """Reload the visible screen now; the others reload when they are next shown."""
        current = self.stack.currentIndex()
        self._stale = set(range(len(self._pages))) - {current}
        self._refresh_page(current)

    def show_page(self, index: int) -> None:
        self.navigation.setCurrentRow(index)

    @Slot(str, str)
    def open_sheet(self, judge: str, team: str) -> None:
        self.show_page(self.PAPER)
        if self.stack.currentIndex() == self.PAPER:
            self.paper.select(judge, team)

    def open_category(self, category: str) -> None:
        """The results of one category (where its undecided tie is settled)."""
        self.show_page(self.RESULTS)
        if self.stack.currentIndex() == self.RESULTS:
            self.results.select_category(category)

    def _show_page(self, index: int) -> None:
        if index < 0:
            return
        current = self.stack.currentIndex()
        if index != current and not self._may_leave(
            self._pages[current], lambda: self.show_page(index)
        ):
            self.navigation.blockSignals(True)
            self.navigation.setCurrentRow(current)
            self.navigation.blockSignals(False)
            return
        self.page(index)
        self.stack.setCurrentIndex(index)
        if index in self._stale:
            self._refresh_page(index)

    def _refresh_page(self, index: int) -> None:
        self._stale.discard(index)
        cast("_Page", self.page(index)).refresh()

    def _retranslate(self) -> None:
        names = (
            self.tr("Progress"),
            self.tr("Paper entry"),
            self.tr("Results"),
            self.tr("Print"),
            self.tr("Set-up"),
            self.tr("Schedule"),
            self.tr("Judges' laptops"),
            self.tr("Accounts"),
        )
        for row, name in enumerate(names):
            item = self.navigation.item(row)
            if item is not None:
                item.setText(name)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            for page in self._pages:
                if page is not None:
                    cast("_Page", page).retranslate()
        super().changeEvent(event)
