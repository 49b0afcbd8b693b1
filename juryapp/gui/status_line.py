"""The main window's status bar: who is signed in, which database, and whether all is saved."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar

if TYPE_CHECKING:
    from juryapp.domain.access import Actor

__all__ = ["StatusFacts", "StatusLine"]

_UNSAVED_STYLE = "color: #8a5a00; font-weight: bold;"
_SAVED_STYLE = "color: #1b6e3a; font-weight: bold;"


@dataclass(frozen=True)
class StatusFacts:
    """What the status bar says, as the window knows it."""

    actor: Actor | None
    database: Path | str
    read_only: bool
    unsaved: bool
    saved_at: datetime | None


class StatusLine(QObject):
    """Three labels in a status bar, written again from :class:`StatusFacts` when asked."""

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.person = QLabel(bar)
        self.path = QLabel(bar)
        # A long path must not widen the window: the label shrinks and says it all on hover.
        self.path.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.saved = QLabel(bar)
        bar.addWidget(self.person)
        bar.addWidget(self.path, 1)
        bar.addPermanentWidget(self.saved)

    def texts(self) -> tuple[str, str, str]:
        """The person, the database, the saved indicator."""
        return self.person.text(), self.path.text(), self.saved.text()

    def show(self, facts: StatusFacts) -> None:
        actor = facts.actor
        if actor is None:
            self.person.setText(self.tr("Not signed in"))
        elif actor.is_secretariat:
            self.person.setText(self.tr("Secretariat: {name}").format(name=actor.display_name))
        else:
            self.person.setText(
                self.tr("Judge {code}: {name}").format(
                    code=actor.judge_code or "", name=actor.display_name
                )
            )
        if facts.read_only:
            self.path.setText(self.tr("Database (read-only): {path}").format(path=facts.database))
        else:
            self.path.setText(self.tr("Database: {path}").format(path=facts.database))
        self.saved.setStyleSheet(_UNSAVED_STYLE if facts.unsaved else _SAVED_STYLE)
        if actor is None:
            self.saved.clear()
        elif facts.unsaved:
            self.saved.setText(self.tr("Unsaved changes on the Set-up or Schedule screen"))
        elif facts.saved_at is not None:
            self.saved.setText(
                self.tr("All changes saved ✓ {time}").format(
                    time=facts.saved_at.strftime("%H.%M.%S")
                )
            )
        else:
            self.saved.setText(self.tr("All changes saved ✓"))
