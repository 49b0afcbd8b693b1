"""Berkas: a new convention, open another, a copy, the recent ones, the demos, sign-out, quit."""

# Each convention lives in its own database file; the menu says what the person chose and the
# main window does it.

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from juryapp.gui.settings import AppSettings

__all__ = ["FileMenu", "ask_copy_target", "ask_database", "ask_new_database"]


def _databases(everything: bool = False) -> str:
    if everything:
        return QCoreApplication.translate(
            "AppWindow", "juryapp databases (*.sqlite3 *.sqlite *.db);;All files (*)"
        )
    return QCoreApplication.translate("AppWindow", "juryapp databases (*.sqlite3)")


def ask_database(parent: QWidget, current: Path) -> Path | None:
    """Another convention's database to open, chosen in the app's own file dialog."""
    from juryapp.gui import dialogs  # noqa: PLC0415 - not needed for the first window

    return dialogs.open_file(
        parent,
        QCoreApplication.translate("AppWindow", "Open a convention"),
        _databases(everything=True),
        str(current.parent),
    )


def ask_new_database(parent: QWidget, current: Path) -> Path | None:
    """Where a new convention's database goes; a file there is replaced (after asking)."""
    from juryapp.gui import dialogs  # noqa: PLC0415 - not needed for the first window

    path = dialogs.save_file(
        parent,
        QCoreApplication.translate("AppWindow", "Where to keep the new convention"),
        _databases(),
        str(current.with_name("konvensi-baru.sqlite3")),
        "sqlite3",
    )
    if path is None or path.resolve() == current.resolve():
        return None
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


def ask_copy_target(parent: QWidget, current: Path) -> Path | None:
    """Where the person wants a copy of the open database; None if nowhere (or onto itself)."""
    from juryapp.gui import dialogs  # noqa: PLC0415 - not needed for the first window

    path = dialogs.save_file(
        parent,
        QCoreApplication.translate("AppWindow", "Save a copy of the convention"),
        _databases(),
        str(current.with_name(f"{current.stem}-salinan.sqlite3")),
        "sqlite3",
    )
    if path is None or path.resolve() == current.resolve():
        return None
    return path


class FileMenu(QMenu):
    new_convention = Signal()
    open_database = Signal()
    open_recent = Signal(str)
    save_copy = Signal()
    open_demo = Signal(bool)  # complete: every sheet filled in and confirmed

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.new_action = QAction(self)
        self.new_action.setShortcuts(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_convention)
        self.open_action = QAction(self)
        self.open_action.setShortcuts(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.open_database)
        self.copy_action = QAction(self)
        self.copy_action.triggered.connect(self.save_copy)
        self.recent_menu = QMenu(self)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.demo_menu = QMenu(self)
        self.demo_action = QAction(self)
        self.demo_action.triggered.connect(lambda: self.open_demo.emit(False))
        self.complete_demo_action = QAction(self)
        self.complete_demo_action.triggered.connect(lambda: self.open_demo.emit(True))
        self.demo_menu.addAction(self.demo_action)
        self.demo_menu.addAction(self.complete_demo_action)
        # Open to anyone at the laptop, signed in or not: a team member or a journalist
        # checks a document with nothing but the file or its QR code.
        self.verify_action = QAction(self)
        self.sign_out_action = QAction(self)
        # setShortcuts, not setShortcut: choosing among the latter's overloads builds the Qt
        # namespace's enums, which the first frame does without (see app_window).
        self.sign_out_action.setShortcuts([QKeySequence("Ctrl+Shift+L")])
        self.quit_action = QAction(self)
        self.quit_action.setShortcuts(QKeySequence.StandardKey.Quit)  # all the platform's keys
        self.addAction(self.new_action)
        self.addAction(self.open_action)
        self.addMenu(self.recent_menu)
        self.addAction(self.copy_action)
        self.addSeparator()
        self.addMenu(self.demo_menu)
        self.addSeparator()
        self.addAction(self.verify_action)
        self.addSeparator()
        self.addAction(self.sign_out_action)
        self.addSeparator()
        self.addAction(self.quit_action)

    def retranslate(self) -> None:
        self.setTitle(self.tr("&File"))
        self.new_action.setText(self.tr("&New convention…"))
        self.open_action.setText(self.tr("&Open a convention…"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.copy_action.setText(self.tr("Save a &copy…"))
        self.demo_menu.setTitle(self.tr("&Demo"))
        self.demo_action.setText(self.tr("Open the &demo (one sheet left to score)"))
        self.complete_demo_action.setText(
            self.tr("Open the &complete demo (every sheet confirmed)")
        )
        self.verify_action.setText(self.tr("C&heck a document…"))
        self.sign_out_action.setText(self.tr("&Sign out"))
        self.quit_action.setText(self.tr("&Quit"))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self._settings.recent_databases
        for path in recent:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=str(path): self.open_recent.emit(p))
        if not recent:
            empty = self.recent_menu.addAction(self.tr("(none yet)"))
            empty.setEnabled(False)
