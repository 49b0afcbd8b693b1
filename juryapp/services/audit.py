"""The hash-chained audit trail: every change is appended with the state it leaves behind.

An event that changes sheets records each changed sheet's whole state afterwards (``sheets``),
and an event that changes the set-up records a digest of the whole set-up (``setup``), so that
replaying the trail must give back the tables exactly: a change made without an event, or an
event edited without the tables, is found by ``juryapp.services.integrity``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, select
from sqlalchemy.orm import Session

from juryapp.domain.access import Actor
from juryapp.persistence.tables import AuditHeadRow, AuditRow
from juryapp.services import state

GENESIS = "0" * 64
# Details that hold the state an event leaves behind; the replay reads them (services.integrity).
RECORDED_STATE = frozenset(
    {"sheets", "setup", "criteria", "sealed_keys", "accounts", "account_rows"}
)

_EVENTS = cast(Table, AuditRow.__table__)
_HEADS = cast(Table, AuditHeadRow.__table__)
_ADD_EVENT = _EVENTS.insert()
_ADD_HEAD = _HEADS.insert()
_HEAD = select(_HEADS.c.seq, _HEADS.c.hash).where(_HEADS.c.id == 1).with_for_update()
_MOVE_HEAD = (
    _HEADS.update()
    .where(_HEADS.c.id == 1)
    .values(seq=bindparam("new_seq"), hash=bindparam("new_hash"))
)


def now() -> datetime:
    """Timestamps are stored in UTC without zone, the same on SQLite and PostgreSQL."""
    return datetime.now(UTC).replace(tzinfo=None)


def _digest(prev: str, fields: list[object]) -> str:
    canonical = json.dumps([prev, *fields], ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def digest_of(
    prev: str, seq: int, at: datetime, actor: str, action: str, subject: str, details: str
) -> str:
    """The hash an event with these stored fields must have after ``prev``."""
    return _digest(prev, [seq, at.isoformat(), actor, action, subject, details])


def _fields(row: AuditRow) -> list[object]:
    return [row.seq, row.at.isoformat(), row.actor, row.action, row.subject, row.details]


def record(
    session: Session, actor: Actor | str, action: str, subject: str = "", **details: Any
) -> str:
    """Append one event in the caller's transaction, so it commits or fails with the change.

    Returns the new head hash. The head and the event are written with plain statements, not
    ORM objects: saving a score appends one event, and the ORM round trip dominated its cost.
    For changes to sheets or the set-up use ``record_sheets`` or ``record_setup``.
    """
    reserved = RECORDED_STATE.intersection(details)
    if reserved:  # a mistake in the calling code: the replay would read these as states
        raise ValueError(f"audit details may not be named {sorted(reserved)}")
    session.flush()  # the change first, then its event, as the ORM used to order them
    return append(session.connection(), actor, action, subject, **details)


def record_sheets(
    session: Session,
    actor: Actor | str,
    action: str,
    subject: str,
    sheet_ids: Iterable[int],
    **details: Any,
) -> str:
    """``record`` for a change to sheets: the event holds each sheet's state afterwards."""
    session.flush()
    connection = session.connection()
    details["sheets"] = state.sheet_states(connection, sheet_ids)
    return append(connection, actor, action, subject, **details)


def record_accounts(
    session: Session, actor: Actor | str, action: str, subject: str = "", **details: Any
) -> str:
    """``record`` for accounts and sign-ins: the event holds the digest of every account."""
    session.flush()
    connection = session.connection()
    details["accounts"] = state.accounts_digest(connection)
    details[ACCOUNT_ROWS] = state.account_digests(connection)
    return append(connection, actor, action, subject, **details)


# The details key of an accounts event holding each account's own digest, by username.
ACCOUNT_ROWS = "account_rows"
# The events that may add or change any account, whatever their subject: a judge's laptop
# takes its accounts from the convention package.
ACCOUNTS_FROM_ELSEWHERE = frozenset({"package.import"})


def recorded_account(connection: Connection, username: str) -> str | None:
    """The account's digest as the trail last recorded it, by the latest event about that
    account (or a package import): no other event may change it. "" for an account no event
    has recorded; None when the trail holds no per-account digests to compare with (made by
    an older version)."""
    accounts_events = _EVENTS.c.action.like("account.%")
    about = (accounts_events & (_EVENTS.c.subject == username)) | _EVENTS.c.action.in_(
        sorted(ACCOUNTS_FROM_ELSEWHERE)
    )
    latest = select(_EVENTS.c.details).where(about).order_by(_EVENTS.c.seq.desc()).limit(1)
    details = connection.execute(latest).scalar()
    if details is not None:
        rows = json.loads(details).get(ACCOUNT_ROWS)
        return str(rows.get(username, "")) if isinstance(rows, dict) else None
    keeps_digests = select(_EVENTS.c.seq).where(
        accounts_events & _EVENTS.c.details.like(f'%"{ACCOUNT_ROWS}"%')
    )
    return "" if connection.execute(keeps_digests.limit(1)).first() is not None else None


def record_setup(
    session: Session, actor: Actor | str, action: str, subject: str = "", **details: Any
) -> str:
    """``record`` for a change to the set-up: the event holds the digest of the whole set-up."""
    session.flush()
    connection = session.connection()
    details["setup"] = state.setup_digest(connection)
    details["criteria"] = state.criterion_codes(connection)
    details["sealed_keys"] = state.sealed_keys_digest(connection)
    return append(connection, actor, action, subject, **details)


def append(
    connection: Connection, actor: Actor | str, action: str, subject: str, **details: Any
) -> str:
    """``record`` on a connection already in the caller's write transaction."""
    return append_after(connection, read_head(connection), actor, action, subject, **details)


def read_head(connection: Connection) -> tuple[int, str] | None:
    """The chain's head as (seq, hash), locked for the rest of the write transaction."""
    head = connection.execute(_HEAD).first()
    return None if head is None else (head[0], head[1])


def append_after(
    connection: Connection,
    head: tuple[int, str] | None,
    actor: Actor | str,
    action: str,
    subject: str,
    **details: Any,
) -> str:
    """Append one event after ``head``, read by ``read_head`` in this same transaction."""
    prev, seq = (head[1], head[0] + 1) if head is not None else (GENESIS, 1)
    at = now()
    who = actor if isinstance(actor, str) else actor.username
    body = json.dumps(details, ensure_ascii=False, sort_keys=True, default=str)
    digest = _digest(prev, [seq, at.isoformat(), who, action, subject, body])
    connection.execute(
        _ADD_EVENT,
        {
            "seq": seq,
            "at": at,
            "actor": who,
            "action": action,
            "subject": subject,
            "details": body,
            "prev_hash": prev,
            "hash": digest,
        },
    )
    if head is None:
        connection.execute(_ADD_HEAD, {"id": 1, "seq": seq, "hash": digest})
    else:
        connection.execute(_MOVE_HEAD, {"new_seq": seq, "new_hash": digest})
    return digest


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
    head = session.execute(select(_HEADS.c.seq, _HEADS.c.hash).where(_HEADS.c.id == 1)).first()
    if (head is None and count) or (head is not None and (head[1] != prev or head[0] != count)):
        return AuditCheck(False, count, prev, count + 1)
    return AuditCheck(True, count, prev, None)
