"""Small pieces the secretariat screens share: bilingual texts, a notice line, roles, colours."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QWidget

from juryapp.domain.formatting import format_score
from juryapp.domain.messages import FileProblemError, JuryError, Text, current_language
from juryapp.domain.model import ConventionSpec, Team, presentation_order
from juryapp.gui.problems import refusal_text, sentence

T = TypeVar("T")

# Roles every secretariat model offers beside the display text.
CODE_ROLE = Qt.ItemDataRole.UserRole + 2  # the code of the team, judge or criterion

GREY = QColor("#e6e6e6")
AMBER = QColor("#ffd98a")
BLUE = QColor("#b9d7f7")
GREEN = QColor("#b8e6b8")
RED = QColor("#c62828")
PALE_RED = QColor("#fde2e2")


def say(text: Text) -> str:
    """A domain text in the interface language."""
    return text.in_language(current_language())


def lang() -> str:
    return current_language()


def score_text(value: Fraction | Decimal | None) -> str:
    return "" if value is None else _score_text(value, lang())


@lru_cache(maxsize=4096)
def _score_text(value: Fraction | Decimal, language: str) -> str:
    # Rankings show hundreds of scores again every few seconds while judges save; most repeat.
    return format_score(value, language)


def error_text(exc: JuryError) -> str:
    """The message of a refused action as a sentence, with file, row and column for a problem
    in a file and set-up locations in words."""
    if isinstance(exc, FileProblemError):
        return f"{exc.location(lang())}: {sentence(say(exc.text))}"
    return refusal_text(exc)


def schedule_order(spec: ConventionSpec) -> list[Team]:
    """Teams in presentation order: day, then order, then code for the unscheduled."""
    return presentation_order(spec.teams)


class Notice(QLabel):
    """One line under a screen's controls that says what just happened or why it was refused."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._unreadable = False  # what is shown is why the screen could not be read
        self.hide()

    def read_failed(self, exc: BaseException) -> None:
        """A screen's reload failed: say why, until a reload works again."""
        self.refused(exc)
        self._unreadable = True

    def read_ok(self) -> None:
        """A reload worked: a message from a failed one goes; what an action said stays."""
        if self._unreadable:
            self.clear_notice()

    def show_error(self, text: str) -> None:
        self._unreadable = False
        self.setStyleSheet(
            "QLabel { background: #fde2e2; color: #8e1b1b; border: 1px solid #c62828;"
            " padding: 6px; font-weight: bold; }"
        )
        self.setText(text)
        self.show()

    def show_info(self, text: str) -> None:
        self._unreadable = False
        self.setStyleSheet(
            "QLabel { background: #e3f1e3; color: #1b5e20; border: 1px solid #66bb6a;"
            " padding: 6px; }"
        )
        self.setText(text)
        self.show()

    def clear_notice(self) -> None:
        self._unreadable = False
        self.clear()
        self.hide()

    def attempt(self, action: Callable[[], T]) -> T | None:
        """Run a service call; a refusal is shown here instead of escaping as a traceback."""
        try:
            result = action()
        except JuryError as exc:
            self.show_error(error_text(exc))
            return None
        self.clear_notice()
        return result

    def refused(self, exc: BaseException) -> None:
        """A refusal from work run off the GUI thread, shown here; anything else is a bug,
        shown in the error dialog (and logged)."""
        if isinstance(exc, JuryError):
            self.show_error(error_text(exc))
            return
        from juryapp.gui.errors import show_error  # noqa: PLC0415

        show_error(self.window(), exc)

    def run(self, action: Callable[[], object]) -> bool:
        """Like :meth:`attempt` for calls whose result does not matter: True when it worked."""
        try:
            action()
        except JuryError as exc:
            self.show_error(error_text(exc))
            return False
        self.clear_notice()
        return True
