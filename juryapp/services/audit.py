"""The hash-chained audit trail: every change is appended, and tampering is detectable."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from juryapp.domain.access import Actor
from juryapp.persistence.tables import AuditHeadRow, AuditRow

GENESIS = "0" * 64


def now() -> datetime:
    """Timestamps are stored in UTC without zone, the same on SQLite and PostgreSQL."""
    return datetime.now(UTC).replace(tzinfo=None)


def _digest(prev: str, fields: list[object]) -> str:
    canonical = json.dumps([prev, *fields], ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _fields(row: AuditRow) -> list[object]:
    return [row.seq, row.at.isoformat(), row.actor, row.action, row.subject, row.details]


def record(
    session: Session, actor: Actor | str, action: str, subject: str = "", **details: Any
) -> None:
    """Append one event in the caller's transaction, so it commits or fails with the change."""
    head = session.get(AuditHeadRow, 1, with_for_update=True)
    prev, seq = (head.hash, head.seq + 1) if head else (GENESIS, 1)
    at = now()
    who = actor if isinstance(actor, str) else actor.username
    body = json.dumps(details, ensure_ascii=False, sort_keys=True, default=str)
    row = AuditRow(seq=seq, at=at, actor=who, action=action, subject=subject, details=body)
    digest = _digest(prev, _fields(row))
    row.prev_hash, row.hash = prev, digest
    session.add(row)
    if head is None:
        session.add(AuditHeadRow(id=1, seq=seq, hash=digest))
    else:
        head.seq, head.hash = seq, digest
    session.flush()


@dataclass(frozen=True)
class AuditCheck:
    intact: bool
    events: int
    head: str
    first_broken: int | None  # sequence number where the chain breaks


def verify(session: Session) -> AuditCheck:
    """Recompute the chain; an edited, deleted or reordered event breaks it."""
    prev = GENESIS
    expected_seq = 1
    count = 0
    for row in session.scalars(select(AuditRow).order_by(AuditRow.seq)):
        digest = _digest(prev, _fields(row))
        if row.seq != expected_seq or row.prev_hash != prev or row.hash != digest:
            return AuditCheck(False, count, prev, row.seq)
        prev, expected_seq, count = digest, expected_seq + 1, count + 1
    head = session.get(AuditHeadRow, 1)
    if (head is None and count) or (head is not None and (head.hash != prev or head.seq != count)):
        return AuditCheck(False, count, prev, count + 1)
    return AuditCheck(True, count, prev, None)
