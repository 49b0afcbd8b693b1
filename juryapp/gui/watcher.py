"""Notices changes other laptops or processes make to the database by polling a tiny row."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from juryapp.domain.messages import JuryError
from juryapp.persistence.database import Database
from juryapp.persistence.tables import AuditHeadRow

__all__ = ["DataWatcher"]

log = logging.getLogger(__name__)

POLL_MS = 1500


class DataWatcher(QObject):
    """Emits ``changed`` whenever the audit chain's head moves, that is after any write.

    Every write records an audit event, so one indexed read of ``audit_head.seq`` tells
    whether anything changed, however large the convention is.
    """

    changed = Signal()

    def __init__(
        self, database: Database, parent: QObject | None = None, interval_ms: int = POLL_MS
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._seen: int | None = None
        self._seen = self.read_head()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def read_head(self) -> int | None:
        try:
            with self._database.reading() as session:
                return session.scalar(select(AuditHeadRow.seq).order_by(AuditHeadRow.id).limit(1))
        except (JuryError, SQLAlchemyError):
            # A busy or briefly unreadable file: try again at the next tick.
            log.debug("audit head not readable this time", exc_info=True)
            return self._seen

    def acknowledge(self) -> None:
        """Take the current state as seen, after this process wrote it itself."""
        self._seen = self.read_head()

    def poll(self) -> bool:
        """Check once; True (and ``changed`` emitted) when the database moved on."""
        head = self.read_head()
        if head == self._seen:
            return False
        self._seen = head
        self.changed.emit()
        return True
