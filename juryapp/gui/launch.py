"""Starts the desktop app: application object, language, services and the main window."""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog

from juryapp.bootstrap import bootstrap, default_database_path, shown_target
from juryapp.gui.app_window import AppWindow
from juryapp.gui.errors import install_excepthook
from juryapp.gui.i18n import install_translators
from juryapp.gui.settings import APPLICATION, ORGANISATION, AppSettings
from juryapp.resources import resource

__all__ = [
    "apply_language",
    "default_database",
    "language_was_chosen",
    "run_gui",
    "share_the_interpreter_with_the_gui",
]

log = logging.getLogger(__name__)

# Other screens' translations (judge_id.qm, secretariat_id.qm…) sit beside juryapp_id.qm;
# install_translators loads only the latter, so the rest are loaded here under this name.
_FONT_POINTS = 11


def apply_language(app: QCoreApplication, lang: str) -> None:
    """Switch every translation catalogue to ``lang``; open windows relabel themselves."""
    install_translators(app, lang)


# Collections of the oldest generation, at most one per this many of the middle one (Python's
# default is 10).
FULL_COLLECTION_EVERY = 1_000
# How long a thread busy in Python keeps the interpreter lock when another asks for it
# (Python's default is 5 ms).
SWITCH_INTERVAL_S = 0.001


def share_the_interpreter_with_the_gui() -> None:
    """Let the GUI thread have Python's interpreter lock soon whenever it needs it.

    Reckoning a 1,000-team convention keeps a worker thread busy in Python for seconds. The
    GUI thread takes the lock for every call into Python (each cell a table paints), and it
    waits: up to the switch interval each time, shortened here to a millisecond; and through
    every full pass of the cyclic garbage collector, which walks every object (50–100 ms,
    several times a reckoning). The objects alive after start-up (modules, widgets) are set
    aside for good and full passes come a hundred times less often; what a reckoning leaves
    behind is freed by reference counting long before.
    """
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    gc.freeze()
    first, second, _third = gc.get_threshold()
    gc.set_threshold(first, second, FULL_COLLECTION_EVERY)


def language_was_chosen(settings: AppSettings) -> bool:
    """Whether the person has picked a language before (the first run has not)."""
    raw = QSettings(str(settings.file_path), QSettings.Format.IniFormat)
    return raw.contains("ui/language")


def _report_shown_and_quit(app: QApplication) -> None:
    """Start-up timing (build/ci-bundle.sh): say when the first window is up, then quit."""
    if sys.stdout is not None:  # a windowed Windows build has no console
        print(f"juryapp: first window shown at {time.time():.3f}", flush=True)
    app.quit()


def default_database() -> Path:
    """The last database used, else the one the command line uses (the user's data folder)."""
    settings = AppSettings()
    if settings.last_database is not None:
        return settings.last_database
    # The composition root reads it from the persistence layer, which pulls in SQLAlchemy:
    # the window is shown without it.
    return default_database_path()


def app_icon() -> QIcon:
    return QIcon(str(resource("icons", "juryapp.png")))


def run_gui(database: str | None, lang: str) -> int:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationDisplayName("juryapp")
    app.setWindowIcon(app_icon())
    font = app.font()
    font.setPointSize(max(font.pointSize(), _FONT_POINTS))
    app.setFont(font)
    hook = install_excepthook(app)

    settings = AppSettings()
    chosen = settings.language if language_was_chosen(settings) else lang
    apply_language(app, chosen)
    if not language_was_chosen(settings):
        from juryapp.gui.start.first_run import LanguageDialog  # noqa: PLC0415

        dialog = LanguageDialog(chosen)
        dialog.language_picked.connect(lambda picked: apply_language(app, picked))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        settings.language = dialog.language()
        settings.sync()

    # a server's URL (the hub on PostgreSQL) is opened as given and shown without its password
    server = str(database) if database and "://" in str(database) else None
    target = Path(database) if database and server is None else default_database()
    shown: Path | str = target if server is None else shown_target(server)
    # The window shows first and opens the database once painted (see AppWindow); a database
    # that cannot be opened is reported in a dialog, then the app ends with status 1.
    window = AppWindow(
        bootstrap(server or target, reads_apart=True),
        settings,
        database_path=shown,
        switch_language=lambda picked: apply_language(app, picked),
    )
    failed: list[object] = []

    def remember(exc: object) -> None:
        failed.append(exc)
        window.close()

    def loaded() -> None:
        share_the_interpreter_with_the_gui()
        if server is None:
            settings.remember_database(target)

    window.load_failed.connect(remember)
    window.ready.connect(loaded)
    window.show()
    if os.environ.get("JURYAPP_EXIT_AFTER_SHOWN"):
        QTimer.singleShot(0, lambda: _report_shown_and_quit(app))
    try:
        code = int(app.exec())
        return 1 if failed else code
    finally:
        window.close_services()
        hook.uninstall()
