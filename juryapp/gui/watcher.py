"""Tells the screens what changed in the database, here or in another process or laptop."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from juryapp.gui.ops import Reload

if TYPE_CHECKING:
    from juryapp.gui.ops import Ops
    from juryapp.services.changes import ChangeFeed, Changes

__all__ = ["DataWatcher"]

log = logging.getLogger(__name__)

# One indexed read of the trail's head per tick while nothing changes; scores typed at other
# laptops reach the screens within this, plus the time to read what they changed.
POLL_MS = 250


class DataWatcher(QObject):
    """Emits ``changed`` with what the audit trail says changed since it last looked.

    Every change appends an audit event, so the trail after the last sequence number seen
    says what changed, in every process that shares the database. It looks every
    ``interval_ms`` and at once after each change this app made itself.
    """

    changed = Signal(object)  # Changes

    def __init__(
        self,
        feed: ChangeFeed,
        ops: Ops,
        parent: QObject | None = None,
        interval_ms: int = POLL_MS,
    ) -> None:
        super().__init__(parent)
        self._feed, self._ops = feed, ops
        self._seen: int | None = None
        self._reload: Reload[int | Changes] = Reload(
            ops, self, self._next_read, self._read, failed=self._unreadable
        )
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)
        ops.changed.connect(self.poll)

    @property
    def seen(self) -> int | None:
        """The last sequence number taken in (None until the first read)."""
        return self._seen

    def start(self) -> None:
        self._timer.start()
        self.poll()

    def stop(self) -> None:
        self._timer.stop()
        with contextlib.suppress(RuntimeError, TypeError):  # already disconnected
            self._ops.changed.disconnect(self.poll)

    def poll(self) -> None:
        """Look now (off the GUI thread); ``changed`` fires when something did."""
        self._reload.request()

    def _next_read(self) -> Callable[[], int | Changes]:
        feed, seen = self._feed, self._seen
        if seen is None:
            return feed.head  # the first look only learns where the trail stands
        return lambda: feed.since(seen)

    def _read(self, outcome: int | Changes) -> None:
        if isinstance(outcome, int):
            self._seen = outcome
            return
        self._seen = outcome.head
        if not outcome.empty:
            self.changed.emit(outcome)

    def _unreadable(self, _exc: BaseException) -> None:
        # A busy or briefly unreadable file: the next tick tries again.
        log.debug("the trail could not be read this time", exc_info=_exc)
