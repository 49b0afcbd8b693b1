"""On a judge's own laptop: how far the secretariat has received the judge's signed log."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from juryapp.bootstrap import Services
from juryapp.domain.access import Actor
from juryapp.domain.messages import JuryError
from juryapp.gui.ops import Reload
from juryapp.services.laptop import LogStatus

if TYPE_CHECKING:
    from juryapp.lan.client import LogPusher, PushState

__all__ = ["LogStatusBar"]

log = logging.getLogger(__name__)

_RECEIVED = "color: #1b6e3a; font-weight: bold;"
_WAITING = "color: #8a5300; font-weight: bold;"
_MUTED = "color: #555b65;"
MAX_TEAMS_SHOWN = 6


class LogStatusBar(QFrame):
    """ "Received by the secretariat up to #N", what is not yet, and the judge's key.

    Its buttons write the bundle for a USB stick and read the receipt that comes back.
    """

    receipt_read = Signal()
    push_state = Signal(object)  # PushState, emitted from the pusher's thread

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._actor = services, actor
        self._status: LogStatus | None = None
        self._reload: Reload[LogStatus | None] = Reload(
            services.runner, self, self._status_read, self._show, failed=self._unreadable
        )
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.received = QLabel(self)
        self.received.setWordWrap(True)
        self.waiting = QLabel(self)
        self.waiting.setWordWrap(True)
        self.waiting.setStyleSheet(_MUTED)
        self.key = QLabel(self)
        self.key.setStyleSheet(_MUTED)
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.connection = QLabel(self)  # only where the package names a hub on the LAN
        self.connection.setWordWrap(True)
        self.connection.hide()
        self._push: PushState | None = None
        self.pusher: LogPusher | None = None
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export_scores)
        self.receipt_button = QPushButton(self)
        self.receipt_button.clicked.connect(self.read_receipt)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.received)
        texts.addWidget(self.waiting)
        texts.addWidget(self.key)
        texts.addWidget(self.connection)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addLayout(texts, 1)
        layout.addWidget(self.export_button)
        layout.addWidget(self.receipt_button)
        self.refresh()
        self.push_state.connect(self._pushed)
        laptop = services.laptop
        services.runner.query(self, laptop.hub).success(self._start_pushing).run()

    def _start_pushing(self, hub: tuple[str, str]) -> None:
        """Push after every change when the package names the hub on the venue LAN."""
        address, pin = hub
        if not (address and pin):
            return
        try:  # loaded only where the LAN is used
            from juryapp.lan.client import LogPusher as Pusher  # noqa: PLC0415
        except ImportError:  # a build without the LAN libraries: USB sticks only
            return
        pusher = Pusher(self._services, self._actor, address, pin, self.push_state.emit)
        self.pusher = pusher
        self.destroyed.connect(lambda *_: pusher.stop())
        self.connection.show()
        pusher.start()

    def changed(self) -> None:
        """A change was saved here: show it, and send it if the hub is on the LAN."""
        self.refresh()
        if self.pusher is not None:
            self.pusher.notify()

    def _pushed(self, state: PushState) -> None:
        self._push = state
        self.refresh()

    @property
    def status(self) -> LogStatus | None:
        return self._status

    def refresh(self) -> None:
        """Read again, off the GUI thread, how far the secretariat has received the log."""
        if self._actor.judge_code is not None:
            self._reload.request()

    def _status_read(self) -> Callable[[], LogStatus | None]:
        laptop, actor, code = self._services.laptop, self._actor, self._actor.judge_code or ""
        return lambda: laptop.status(actor, code)

    def _show(self, status: LogStatus | None) -> None:
        self._status = status
        self._retranslate()

    def _unreadable(self, exc: BaseException) -> None:
        if not isinstance(exc, JuryError):
            log.warning("the log's status cannot be read", exc_info=exc)
        self._show(None)

    def _retranslate(self) -> None:
        self.export_button.setText(self.tr("Save scores for the secretariat…"))
        self.receipt_button.setText(self.tr("Read a receipt…"))
        status = self._status
        if status is None:
            self.received.clear()
            self.waiting.clear()
            self.key.clear()
            return
        if status.received is None:
            self.received.setText(self.tr("Not yet received by the secretariat"))
            self.received.setStyleSheet(_WAITING)
        elif status.received >= status.last:
            self.received.setText(
                self.tr("Received by the secretariat up to #{n} ✓").format(n=status.received)
            )
            self.received.setStyleSheet(_RECEIVED)
        else:
            self.received.setText(
                self.tr("Received by the secretariat up to #{n}").format(n=status.received)
            )
            self.received.setStyleSheet(_WAITING)
        teams = list(status.not_received)
        if teams:
            shown = ", ".join(teams[:MAX_TEAMS_SHOWN])
            if len(teams) > MAX_TEAMS_SHOWN:
                shown += " " + self.tr("and {n} more").format(n=len(teams) - MAX_TEAMS_SHOWN)
            first = (status.received or 0) + 1
            self.waiting.setText(
                self.tr("Not received yet: #{a}–#{b}, teams {teams}").format(
                    a=first, b=status.last, teams=shown
                )
            )
        else:
            self.waiting.setText(self.tr("Everything you scored has been received."))
        self.key.setText(self.tr("Your signing key: {key}").format(key=status.fingerprint or "—"))
        self._show_connection()

    def _show_connection(self) -> None:
        state = self._push
        if state is None:
            self.connection.setText(self.tr("Connecting to the secretariat…"))
            self.connection.setStyleSheet(_MUTED)
        elif state.connected:
            self.connection.setText(self.tr("Connected to the secretariat ✓"))
            self.connection.setStyleSheet(_RECEIVED)
        elif state.refused:
            self.connection.setText(
                self.tr("The secretariat did not accept your scores: {why}").format(
                    why=state.refused
                )
            )
            self.connection.setStyleSheet(_WAITING)
        else:
            since = state.offline_since.strftime("%H.%M") if state.offline_since else "—"
            self.connection.setText(
                self.tr(
                    "Not connected since {time}: your scores are kept on this laptop and sent "
                    "when the connection returns"
                ).format(time=since)
            )
            self.connection.setStyleSheet(_WAITING)

    def export_scores(self) -> None:
        from juryapp.interchange.files import write_atomically  # noqa: PLC0415

        code = self._actor.judge_code or ""
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save scores for the secretariat"),
            f"nilai-{code}.jurylog",
            self.tr("Score bundles (*.jurylog)"),
        )
        if not name:
            return
        laptop, actor = self._services.laptop, self._actor

        def write() -> None:
            write_atomically(Path(name), laptop.export_scores(actor, code).data)

        self._services.runner.query(self, write).run()  # a refusal is shown in a dialog

    def read_receipt(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Read a receipt from the secretariat"),
            "",
            self.tr("Receipts (*.receipt)"),
        )
        if not name:
            return
        laptop = self._services.laptop
        self._services.runner.change(
            self, lambda: laptop.import_receipt(Path(name).read_bytes(), name)
        ).success(self._receipt_taken).run()

    def _receipt_taken(self, _result: object) -> None:
        self.refresh()
        self.receipt_read.emit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
