"""Typed access to the desktop preferences (language, last database, window placement)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QWidget

from juryapp.domain.messages import LANGUAGES

if TYPE_CHECKING:  # the timer window is not needed to start the app
    from juryapp.gui.timer_window import TimerDurations

__all__ = ["AppSettings"]

ORGANISATION = "juryapp"
APPLICATION = "juryapp"
DEFAULT_LANGUAGE = "id"

_LANGUAGE = "ui/language"
_LAST_DATABASE = "files/last_database"
_RECENT = "files/recent"
RECENT_COUNT = 6
_PRESENTATION_S = "timer/presentation_seconds"
_QA_S = "timer/qa_seconds"
_WARNING_S = "timer/warning_seconds"


class AppSettings:
    """Preferences stored in an INI file, never in the Windows registry, so they are easy to
    find, copy and delete.

    ``AppSettings()`` uses the per-user file for organisation and application "juryapp";
    ``AppSettings(path)`` uses the given file (tests, portable installs).
    """

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self._qs = QSettings(
                QSettings.Format.IniFormat,
                QSettings.Scope.UserScope,
                ORGANISATION,
                APPLICATION,
            )
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def file_path(self) -> Path:
        return Path(self._qs.fileName())

    def sync(self) -> None:
        """Write pending changes to disk now (Qt also does it on its own, later)."""
        self._qs.sync()

    def _str(self, key: str, default: str) -> str:
        value = self._qs.value(key, default)
        return value if isinstance(value, str) else default

    def _int(self, key: str, default: int) -> int:
        value = self._qs.value(key, default)
        try:
            return int(str(value))
        except ValueError:
            return default

    @property
    def language(self) -> str:
        lang = self._str(_LANGUAGE, DEFAULT_LANGUAGE)
        # A hand-edited or future value must not stop the app from starting.
        return lang if lang in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language {lang!r}; use one of {', '.join(LANGUAGES)}")
        self._qs.setValue(_LANGUAGE, lang)

    @property
    def last_database(self) -> Path | None:
        value = self._str(_LAST_DATABASE, "")
        return Path(value) if value else None

    @last_database.setter
    def last_database(self, path: Path | None) -> None:
        if path is None:
            self._qs.remove(_LAST_DATABASE)
        else:
            self._qs.setValue(_LAST_DATABASE, str(path))

    @property
    def recent_databases(self) -> list[Path]:
        """The databases opened last, newest first (those that still exist)."""
        value = self._qs.value(_RECENT, [])
        names = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [Path(n) for n in names if isinstance(n, str) and n and Path(n).exists()]

    def remember_database(self, path: Path) -> None:
        """Put ``path`` first among the recent databases and make it the one opened next."""
        resolved = path.resolve()
        recent = [resolved] + [p for p in self.recent_databases if p.resolve() != resolved]
        self._qs.setValue(_RECENT, [str(p) for p in recent[:RECENT_COUNT]])
        self.last_database = resolved

    @property
    def timer_durations(self) -> TimerDurations:
        from juryapp.gui.timer_window import TimerDurations  # noqa: PLC0415

        default = TimerDurations()
        try:
            return TimerDurations(
                presentation_s=self._int(_PRESENTATION_S, default.presentation_s),
                qa_s=self._int(_QA_S, default.qa_s),
                warning_s=self._int(_WARNING_S, default.warning_s),
            )
        except ValueError:
            return default

    @timer_durations.setter
    def timer_durations(self, durations: TimerDurations) -> None:
        self._qs.setValue(_PRESENTATION_S, durations.presentation_s)
        self._qs.setValue(_QA_S, durations.qa_s)
        self._qs.setValue(_WARNING_S, durations.warning_s)

    def save_window(self, widget: QWidget, key: str) -> None:
        """Remember where ``widget`` is, how big, and (for a main window) its docks and bars."""
        self._qs.setValue(f"windows/{key}/geometry", widget.saveGeometry())
        if isinstance(widget, QMainWindow):
            self._qs.setValue(f"windows/{key}/state", widget.saveState())

    def restore_window(self, widget: QWidget, key: str) -> bool:
        """Put ``widget`` back where :meth:`save_window` left it; False if nothing was saved.

        Qt moves a window whose saved screen is gone (a projector unplugged) onto a
        screen that exists.
        """
        geometry = self._qs.value(f"windows/{key}/geometry")
        if not isinstance(geometry, QByteArray) or geometry.isEmpty():
            return False
        restored = widget.restoreGeometry(geometry)
        state = self._qs.value(f"windows/{key}/state")
        if isinstance(widget, QMainWindow) and isinstance(state, QByteArray):
            widget.restoreState(state)
        return restored
