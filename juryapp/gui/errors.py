"""Turns any exception into a dialog a person can act on, and catches those nobody handled."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

import PySide6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QThread
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

import juryapp
from juryapp.domain.messages import (
    AuthenticationError,
    FileProblemError,
    JuryError,
    NotFoundError,
    PermissionDeniedError,
    StateError,
    ValidationError,
)

__all__ = ["ExceptHook", "build_error_box", "install_excepthook", "show_error"]

log = logging.getLogger(__name__)

# Most specific class first: FileProblemError and friends all derive from JuryError.
_TITLES: tuple[tuple[type[JuryError], object], ...] = (
    (FileProblemError, QT_TRANSLATE_NOOP("ErrorDialog", "Problem in a file")),
    (ValidationError, QT_TRANSLATE_NOOP("ErrorDialog", "Please check the input")),
    (NotFoundError, QT_TRANSLATE_NOOP("ErrorDialog", "Not found")),
    (PermissionDeniedError, QT_TRANSLATE_NOOP("ErrorDialog", "Not allowed")),
    (StateError, QT_TRANSLATE_NOOP("ErrorDialog", "Not possible right now")),
    (AuthenticationError, QT_TRANSLATE_NOOP("ErrorDialog", "Sign-in failed")),
)


def _title_for(exc: JuryError) -> str:
    for kind, title in _TITLES:
        if isinstance(exc, kind):
            return QCoreApplication.translate("ErrorDialog", str(title))
    return QCoreApplication.translate("ErrorDialog", "Cannot continue")


def _file_location(exc: FileProblemError) -> str:
    lines = [QCoreApplication.translate("ErrorDialog", "File: {file}").format(file=exc.file)]
    if exc.row is not None:
        lines.append(QCoreApplication.translate("ErrorDialog", "Row: {row}").format(row=exc.row))
    if exc.column is not None:
        lines.append(
            QCoreApplication.translate("ErrorDialog", "Column: {column}").format(column=exc.column)
        )
    return "\n".join(lines)


def _traceback_text(exc: BaseException) -> str:
    import platform  # noqa: PLC0415 - only for a report, and slow to import at start-up

    # Versions first: whoever reads a forwarded report needs them before anything else.
    versions = (
        f"juryapp {juryapp.__version__}, Python {platform.python_version()}, "
        f"PySide6 {PySide6.__version__}, {platform.platform()}\n\n"
    )
    return versions + "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def build_error_box(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """The message box :func:`show_error` shows, built but not yet shown."""
    box = QMessageBox(parent)
    if isinstance(exc, JuryError):
        # Expected problems: the message is the whole story, written for the person.
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_title_for(exc))
        # Loaded here: it reads the set-up's rules, which the first window does without.
        from juryapp.gui.problems import refusal_text  # noqa: PLC0415

        box.setText(refusal_text(exc))
        if isinstance(exc, FileProblemError):
            box.setInformativeText(_file_location(exc))
    elif isinstance(exc, OSError) and exc.filename is not None:
        # A file that is open in another program, a full disk, a missing folder: the
        # person can fix these, so say which file and what the system answered.
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("ErrorDialog", "File cannot be used"))
        box.setText(
            QCoreApplication.translate("ErrorDialog", "The file could not be read or written.")
        )
        reason = exc.strerror or type(exc).__name__
        box.setInformativeText(
            QCoreApplication.translate("ErrorDialog", "File: {file}\nReason: {reason}").format(
                file=exc.filename, reason=reason
            )
        )
        box.setDetailedText(_traceback_text(exc))
    else:
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("ErrorDialog", "Unexpected error"))
        box.setText(
            QCoreApplication.translate(
                "ErrorDialog", "The action could not be completed because of an unexpected error."
            )
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "ErrorDialog",
                "Try again. If it happens again, send the text under Show Details to "
                "whoever supports juryapp.",
            )
        )
        box.setDetailedText(_traceback_text(exc))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setDefaultButton(QMessageBox.StandardButton.Ok)
    return box


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Show ``exc`` in a modal dialog and return when the person has closed it."""
    if not isinstance(exc, JuryError):
        log.error("error shown to the user", exc_info=exc)
    build_error_box(parent, exc).exec()


class ExceptHook:
    """A ``sys.excepthook`` that logs an unhandled exception and shows it as a dialog.

    PySide hands exceptions raised in slots and event handlers to ``sys.excepthook``; the
    default one prints to a console the person never sees, and the app carries on in an
    unknown state without telling anyone.
    """

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._previous = sys.excepthook
        self._showing = False

    def __call__(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous(exc_type, exc, tb)
            return
        if exc.__traceback__ is None and tb is not None:
            exc = exc.with_traceback(tb)
        if not isinstance(exc, JuryError):
            log.critical("unhandled exception", exc_info=(exc_type, exc, tb))
        # A dialog may only be opened from the GUI thread, and a failure while showing one
        # must not open another, endlessly.
        if self._showing or QThread.currentThread() is not self._app.thread():
            return
        self._showing = True
        try:
            parent = QApplication.activeModalWidget() or QApplication.activeWindow()
            build_error_box(parent, exc).exec()
        except Exception:
            log.exception("could not show the error dialog")
        finally:
            self._showing = False

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous


def install_excepthook(app: QApplication) -> ExceptHook:
    """Route unhandled exceptions to the log and an error dialog instead of the console."""
    hook = ExceptHook(app)
    sys.excepthook = hook
    return hook
