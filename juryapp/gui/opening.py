"""Opening a database for the main window, off the GUI thread, and the screens it routes to."""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from juryapp.domain.messages import Text

if TYPE_CHECKING:
    from juryapp.bootstrap import Services
    from juryapp.domain.access import Actor

__all__ = ["Opened", "open_for_window", "routing", "secretariat_screen"]

log = logging.getLogger(__name__)


def routing(services: Services) -> tuple[bool, str]:
    """Whether the database holds a convention, and its name (read off the GUI thread)."""
    if not services.setup.has_convention():
        return False, ""
    return True, services.setup.overview().name


@dataclass(frozen=True)
class Opened:
    """A database opened off the GUI thread: what it holds, and a warning about where it is."""

    routing: tuple[bool, str]
    storage_warning: Text | None


def open_for_window(services: Services) -> Opened:
    """Open the database off the GUI thread: its writer lock first (another app writing it
    is named in the dialog, and this one does not open it), then what it holds."""
    services.hold_writer_lock("juryapp (desktop)")
    services.ensure_open()
    database = services.database
    warning = None
    if database.path is not None and database.read_only is None:
        warning = services.backups.storage_warning()  # may touch a hung share: not here
    return Opened(routing(services), warning)


def secretariat_screen(services: Services, actor: Actor, parent: QWidget) -> QWidget:
    """The secretariat's screens, or a note while that part is not installed."""
    from PySide6.QtCore import Qt  # noqa: PLC0415

    try:
        module = importlib.import_module("juryapp.gui.secretariat")
        window_class = module.SecretariatWindow
    except (ImportError, AttributeError):
        log.warning("juryapp.gui.secretariat is not available", exc_info=True)
        note = QLabel(parent)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note.setWordWrap(True)
        note.setText(
            QCoreApplication.translate(
                "AppWindow",
                "The secretariat screens are not part of this build. Use the juryapp command "
                "line for the secretariat's work.",
            )
        )
        return note
    widget: QWidget = window_class(services, actor, parent)
    return widget
