"""The main window: start page, sign-in, then the judge's or the secretariat's screens."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

# No ``Qt`` here: the first touch of that namespace builds its 93 Python enums (15–25 ms), and
# the window's first frame does without it (see AppWindow).
from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QStackedWidget, QWidget

from juryapp.bootstrap import Services, bootstrap
from juryapp.domain.clock import local_now
from juryapp.domain.messages import Text, current_language
from juryapp.gui.backup_menu import BackupMenu
from juryapp.gui.errors import show_error
from juryapp.gui.file_menu import FileMenu
from juryapp.gui.opening import Opened, open_for_window, routing, secretariat_screen
from juryapp.gui.settings import AppSettings
from juryapp.gui.status_line import StatusFacts, StatusLine

if TYPE_CHECKING:
    from juryapp.domain.access import Actor
    from juryapp.gui.judge.judge_area import JudgeArea
    from juryapp.gui.start.sign_in import SignInPage
    from juryapp.gui.start.start_page import StartPage
    from juryapp.gui.verify_dialog import VerifyDialog

__all__ = ["AppWindow"]

log = logging.getLogger(__name__)

WINDOW_KEY = "main"
DEFAULT_SIZE = (1280, 700)  # fits a 1366×768 screen with its task bar
LOAD_FALLBACK_MS = 250


class AppWindow(QMainWindow):
    """Shows itself before the database is read: the data loads once the window is painted.

    Opening the database brings in SQLAlchemy and the services, several times the cost of the
    window itself, so a fresh ``Services`` is opened just after the first paint, off the GUI
    thread, behind an "opening" note. The first frame is only that note, the menus and the
    status bar: the start and sign-in pages are built with the data, and nothing before it
    touches the ``Qt`` namespace.
    """

    ready = Signal()  # the database is open and the window shows its first real page
    load_failed = Signal(object)  # the exception that kept the database from opening
    routed = Signal()  # the page that fits the database is shown (start, sign-in, signed in)

    def __init__(
        self,
        services: Services,
        settings: AppSettings,
        *,
        database_path: Path | str,
        switch_language: Callable[[str], None],
        today: date | None = None,
    ) -> None:
        super().__init__()
        self._services = services
        self._settings = settings
        self._database_path = Path(database_path)
        self._switch_language = switch_language
        self._today = today
        self._actor: Actor | None = None
        self._saved_at: datetime | None = None
        self._area: QWidget | None = None
        self._convention = ""
        self._unsaved = False
        self._loaded = False
        self._loading = False
        self._load_scheduled = False
        self._has_convention = False
        self.pins_dialog: QWidget | None = None  # the judges' PINs after a new convention
        self._pages: tuple[StartPage, SignInPage] | None = None
        self._verify_dialog: VerifyDialog | None = None

        self.stack = QStackedWidget(self)
        self._opening = QLabel(self)
        # Centred by the style sheet, which names the flag in C++ (see the imports).
        self._opening.setStyleSheet("qproperty-alignment: AlignCenter;")
        self._opening.installEventFilter(self)
        self.stack.addWidget(self._opening)
        self.setCentralWidget(self.stack)

        self.status_line = StatusLine(self.statusBar())

        self._build_menus()
        if not settings.restore_window(self, WINDOW_KEY):
            self.resize(*DEFAULT_SIZE)
        self._retranslate()

    # -- loading ---------------------------------------------------------------------------
    @property
    def loaded(self) -> bool:
        return self._loaded

    @property
    def start_page(self) -> StartPage:
        return self._finish_building()[0]

    @property
    def sign_in_page(self) -> SignInPage:
        return self._finish_building()[1]

    def _finish_building(self) -> tuple[StartPage, SignInPage]:
        """The start and sign-in pages, built on first use with the rest the first frame does
        without (the database path becomes selectable)."""
        if self._pages is None:
            from PySide6.QtCore import Qt  # noqa: PLC0415

            from juryapp.gui.start.sign_in import SignInPage  # noqa: PLC0415
            from juryapp.gui.start.start_page import StartPage  # noqa: PLC0415

            start, sign_in = StartPage(self._services, self), SignInPage(self._services, self)
            self.stack.addWidget(start)
            self.stack.addWidget(sign_in)
            start.convention_ready.connect(self.route)
            start.open_database.connect(self.open_database)
            start.convention_created.connect(self._created)
            sign_in.signed_in.connect(self.enter)
            self.status_line.path.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
            )
            self._pages = (start, sign_in)
        return self._pages

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._opening and event.type() == QEvent.Type.Paint:
            self._schedule_loading()
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._loaded:
            # Normally the first paint starts the loading; this covers a window never painted.
            QTimer.singleShot(LOAD_FALLBACK_MS, self.finish_loading)

    def _schedule_loading(self) -> None:
        if not self._loaded and not self._load_scheduled:
            self._load_scheduled = True
            QTimer.singleShot(0, self.finish_loading)

    def finish_loading(self) -> None:
        """Open the database off the GUI thread, then show the first page (``ready``)."""
        if self._loaded or self._loading:
            return
        self._loading = True
        services = self._services
        self._services.runner.query(self, lambda: open_for_window(services)).success(
            self._opened
        ).failure(self._not_opened).run()

    def _opened(self, opened: Opened) -> None:
        self._loading, self._loaded = False, True
        self._routed(opened.routing)
        self.backup_menu.start()
        self._warn_about_storage(opened.storage_warning)
        self.ready.emit()

    def _not_opened(self, exc: BaseException) -> None:
        self._loading = False
        log.warning("the database cannot be opened", exc_info=exc)
        show_error(self, exc)
        self.load_failed.emit(exc)

    def _warn_about_storage(self, warning: Text | None) -> None:
        """Say once, without stopping anything, when the database is on a stick or a share."""
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

        if warning is not None:
            box = QMessageBox(QMessageBox.Icon.Warning, "juryapp", warning.in_language(
                current_language()), parent=self)  # fmt: skip
            box.open()

    # -- menus -----------------------------------------------------------------------------
    def _build_menus(self) -> None:
        self.file_menu = FileMenu(self._settings, self)
        self.menuBar().addMenu(self.file_menu)
        self.sign_out_action = self.file_menu.sign_out_action
        self.sign_out_action.triggered.connect(self.sign_out)
        self.quit_action = self.file_menu.quit_action
        self.quit_action.triggered.connect(self.close)
        self.file_menu.new_convention.connect(self.new_convention)
        self.file_menu.open_database.connect(self.choose_database)
        self.file_menu.open_recent.connect(self.open_database)
        self.file_menu.save_copy.connect(self.save_copy)
        self.file_menu.open_demo.connect(self.open_demo)
        self.verify_action = self.file_menu.verify_action
        self.verify_action.triggered.connect(self.open_verify_dialog)
        self.backup_menu = BackupMenu(
            self,
            lambda: self._services,
            lambda: self._actor,
            self._before_restore,
            self._after_restore,
        )
        # Back up and restore sit with the other things done to the database file.
        verify = self.file_menu.verify_action
        self.file_menu.insertAction(verify, self.backup_menu.back_up_action)
        self.file_menu.insertAction(verify, self.backup_menu.restore_action)
        self.file_menu.insertSeparator(verify)

        self.language_menu = QMenu(self)
        self.menuBar().addMenu(self.language_menu)
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        # Each language is named in itself, so whoever reads it finds their own.
        for lang, name in (("id", "Bahasa Indonesia"), ("en", "English")):
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(lang == current_language())
            action.triggered.connect(lambda _checked=False, chosen=lang: self.set_language(chosen))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[lang] = action

    def open_verify_dialog(self) -> VerifyDialog:
        """The document check, one per window, brought to the front if already open."""
        from juryapp.gui.verify_dialog import VerifyDialog  # noqa: PLC0415

        if self._verify_dialog is None:
            self._verify_dialog = VerifyDialog(self._services.runner, self)
        self._verify_dialog.show()
        self._verify_dialog.raise_()
        self._verify_dialog.activateWindow()
        return self._verify_dialog

    def set_language(self, lang: str) -> None:
        """Switch the interface at once; every screen relabels itself on LanguageChange."""
        self._switch_language(lang)
        self._settings.language = lang
        self._settings.sync()
        self.language_actions[lang].setChecked(True)

    # -- database --------------------------------------------------------------------------
    @property
    def services(self) -> Services:
        return self._services

    @property
    def actor(self) -> Actor | None:
        return self._actor

    def open_database(self, path: str, then: Callable[[], object] | None = None) -> bool:
        """Leave the convention open now (asking about unsaved edits) and open another, off
        the GUI thread; ``then`` runs once it is open. False if the person stayed."""
        if self._actor is not None and not self.sign_out():
            return False
        services = bootstrap(path, reads_apart=self._services.reads_apart)

        def opened(result: Opened) -> None:
            self.backup_menu.stop()
            old, self._services = self._services, services
            old.close()
            self._database_path = Path(path)
            self._settings.remember_database(self._database_path)
            self.start_page.set_services(services)
            self.sign_in_page.set_services(services)
            if self._verify_dialog is not None:
                self._verify_dialog.set_ops(services.runner)
            self._loaded = True
            self._routed(result.routing)
            self.backup_menu.start()
            self._warn_about_storage(result.storage_warning)
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:
            services.close()
            show_error(self, exc)

        self._services.runner.job(self, lambda _progress: open_for_window(services)).success(
            opened
        ).failure(failed).run()
        return True

    # -- the File menu -----------------------------------------------------------------------
    def choose_database(self) -> None:
        from juryapp.gui.file_menu import ask_database  # noqa: PLC0415

        path = ask_database(self, self._database_path)
        if path is not None:
            self.open_database(str(path))

    def new_convention(self) -> None:
        """The wizard, in this database while it is empty, else in a new database file."""
        from juryapp.gui.file_menu import ask_new_database  # noqa: PLC0415

        if self._loaded and not self._has_convention:
            self.start_page.new_convention()
            return
        path = ask_new_database(self, self._database_path)
        if path is not None:
            self.open_database(str(path), then=self.start_page.new_convention)

    def save_copy(self) -> None:
        from juryapp.gui.file_menu import ask_copy_target  # noqa: PLC0415
        from juryapp.services.copies import save_copy  # noqa: PLC0415

        source = self._database_path
        target = ask_copy_target(self, source)
        if target is None:
            return
        self._services.runner.job(self, lambda _progress: save_copy(source, target)).success(
            lambda _none: self.statusBar().showMessage(
                self.tr("Copy saved: {path}").format(path=target), 8000
            )
        ).run()

    def open_demo(self, complete: bool) -> None:
        """The demo in its own database beside this one; created the first time."""
        name = "demo-lengkap.sqlite3" if complete else "demo.sqlite3"
        target = self._database_path.with_name(name)
        if target.resolve() == self._database_path.resolve():
            return

        def fill() -> None:
            if not self._has_convention:
                self.start_page.open_demo(complete=complete)

        self.open_database(str(target), then=fill)

    def _created(self, created: object) -> None:
        """After the wizard: sign-in with the first account, and the judges' PIN slips."""
        from juryapp.gui.account_dialogs import IssuedPinsDialog  # noqa: PLC0415
        from juryapp.gui.wizard.wizard import Created  # noqa: PLC0415

        self.route()
        if not isinstance(created, Created):
            return
        self.sign_in_page.show_secretariat()
        self.sign_in_page.username.setText(created.username)
        self.sign_in_page.passphrase.setFocus()
        if created.pins:
            dialog = IssuedPinsDialog(
                created.pins, created.name, current_language(), self._services.runner, self
            )
            dialog.open()
            self.pins_dialog = dialog

    def close_services(self) -> None:
        self.backup_menu.stop()
        self._services.close()

    def _before_restore(self) -> None:
        """Everyone out and nothing reading the database while a backup replaces it."""
        self.sign_out()
        self.backup_menu.stop()

    def _after_restore(self) -> None:
        self.backup_menu.start()
        self.route()

    def route(self) -> None:
        """The start page while the database is empty, else sign-in (or the signed-in area);
        what the database holds is read off the GUI thread."""
        services = self._services
        services.runner.query(self, lambda: routing(services)).success(self._routed).run()

    def _routed(self, state: tuple[bool, str]) -> None:
        has_convention, self._convention = state
        self._has_convention = has_convention
        if self._actor is not None and self._area is not None:
            self.stack.setCurrentWidget(self._area)
        elif has_convention:
            self.sign_in_page.refresh()
            self.stack.setCurrentWidget(self.sign_in_page)
            self.sign_in_page.pin.setFocus()
        else:
            self.stack.setCurrentWidget(self.start_page)
        self._retranslate()
        self.routed.emit()

    # -- session ---------------------------------------------------------------------------
    def enter(self, actor: Actor) -> None:
        from juryapp.gui.judge.judge_area import JudgeArea  # noqa: PLC0415

        self._loaded = True  # whoever signed in did so in an open database
        self._actor = actor
        if actor.is_secretariat:
            area = secretariat_screen(self._services, actor, self)
            unsaved = getattr(area, "unsaved_changed", None)
            if unsaved is not None:
                unsaved.connect(self._unsaved_changed)
        else:
            judge = JudgeArea(self._services, actor, self, today=self._today)
            judge.saved.connect(self._mark_saved)
            area = judge
        self._area = area
        self.stack.addWidget(area)
        self.stack.setCurrentWidget(area)
        if isinstance(area, JudgeArea):
            area.queue.focus_table()
        self._retranslate()

    def _may_leave(self, then: Callable[[], object]) -> bool:
        """Ask the signed-in screens about edits not saved yet; False to stay (or while they
        are saved first, after which ``then`` runs)."""
        confirm = getattr(self._area, "confirm_leave", None)
        return not callable(confirm) or bool(confirm(then))

    def sign_out(self) -> bool:
        """Leave the signed-in screens (after asking about unsaved edits); False if staying."""
        if self._actor is None:
            return True
        if not self._may_leave(self.sign_out):
            return False
        self._services.judge_keys.sign_out(self._actor)  # the judge's key leaves memory
        self._actor = None
        self._saved_at = None
        self._unsaved = False
        if self._area is not None:
            self.stack.removeWidget(self._area)
            self._area.deleteLater()
            self._area = None
        self.sign_in_page.reset()
        self.route()
        return True

    @property
    def judge_area(self) -> JudgeArea | None:
        from juryapp.gui.judge.judge_area import JudgeArea  # noqa: PLC0415

        return self._area if isinstance(self._area, JudgeArea) else None

    def _mark_saved(self) -> None:
        self._saved_at = local_now(self._services.clock)
        self._show_status()

    def _unsaved_changed(self, unsaved: bool) -> None:
        self._unsaved = unsaved
        self.setWindowModified(unsaved)
        self._show_status()

    # -- labels ----------------------------------------------------------------------------
    def status_texts(self) -> tuple[str, str, str]:
        """What the status bar shows: the person, the database, the saved indicator."""
        return self.status_line.texts()

    def _show_status(self) -> None:
        services = self._services
        read_only = services.is_open and services.database.read_only is not None
        self.status_line.show(
            StatusFacts(self._actor, self._database_path, read_only, self._unsaved, self._saved_at)
        )

    def _retranslate(self) -> None:
        # [*] is where Qt shows the unsaved-changes marker.
        if self._convention:
            title = self.tr("{convention}[*] — juryapp").format(convention=self._convention)
            self.setWindowTitle(title)
        else:
            self.setWindowTitle("juryapp[*]")
        self.file_menu.retranslate()
        self.sign_out_action.setEnabled(self._actor is not None)
        self.backup_menu.retranslate()
        self._opening.setText(self.tr("Opening the database…"))
        self.language_menu.setTitle(self.tr("&Language"))
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._actor is not None and not self._may_leave(self.close):
            event.ignore()
            return
        self._settings.save_window(self, WINDOW_KEY)
        self._settings.sync()
        super().closeEvent(event)
