"""The secretariat's laptop as the hub: the convention package out, judges' bundles in, signed
receipts back, which judges it holds and up to when, and forks settled by a person.

The convention key signs packages and receipts. The hub holds it open in memory for a hub
session: the secretariat types the passphrase once (the command line reads it from
``JURYAPP_PASSPHRASE`` for each command), and it is dropped when they sign out.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from juryapp.domain.access import Actor, require_reader, require_secretariat
from juryapp.domain.kinds import Role
from juryapp.domain.messages import JuryError, NotFoundError, StateError, Text
from juryapp.persistence.database import Database, retrying
from juryapp.persistence.tables import (
    JudgeKeyRow,
    JudgeRow,
    LogEventRow,
    LogForkRow,
    SigningKeyRow,
    TeamRow,
    UserRow,
)
from juryapp.reports.collection import collection_paused
from juryapp.services import audit
from juryapp.services.convention_package import PackageAccount, write_package
from juryapp.services.judge_keys import is_laptop
from juryapp.services.log_apply import apply_commands
from juryapp.services.log_format import (
    Bundle,
    read_bundle,
    read_event,
    receipt_body,
    write_receipt,
)
from juryapp.services.log_merge import (
    APPLIED,
    PENDING,
    SET_ASIDE,
    MergeResult,
    held_log,
    merge,
)
from juryapp.services.snapshot import convention_row, load_spec

if TYPE_CHECKING:
    from juryapp.reports.convention_key import ConventionKey


@dataclass(frozen=True)
class Imported:
    result: MergeResult
    receipt: bytes | None  # signed by the convention key; None when no key was given


@dataclass(frozen=True)
class ReceivedJudge:
    """One row of "which judges have I received, and up to when"."""

    judge_code: str
    judge_name: str
    fingerprint: str | None  # None: no key enrolled yet
    upto: int  # applied without a gap up to this event
    last_received: datetime | None
    missing: tuple[tuple[int, int], ...]
    set_aside: int
    open_forks: int


@dataclass(frozen=True)
class ForkView:
    id: int
    judge_code: str
    seq: int
    applied_hash: str
    other_hash: str
    found_at: datetime
    decision: str  # "", "kept", "taken"
    decided_by: str
    reason: str
    applied_branch: tuple[str, ...]  # what the applied branch's events from the fork say
    other_branch: tuple[str, ...]


class HubService:
    def __init__(self, database: Database) -> None:
        self._db = database

    # -- the package ----------------------------------------------------------------------------
    def export_package(
        self,
        actor: Actor,
        key: ConventionKey,
        *,
        hub_address: str = "",
        hub_certificate: str = "",
    ) -> bytes:
        """The package a judge's laptop is made from, signed with the open convention key."""
        require_secretariat(actor)
        with self._db.writing() as session:
            if is_laptop(session.connection()):
                raise StateError(
                    Text(
                        "laptop juri tidak membuat paket konvensi",
                        "a judge's laptop does not make convention packages",
                    )
                )
            _require_active(session, key)
            convention = convention_row(session)
            fingerprint = session.scalar(
                select(SigningKeyRow.fingerprint).where(
                    SigningKeyRow.certificate_pem == key.certificate_pem
                )
            )
            accounts = [
                PackageAccount(username, name, code, password_hash)
                for username, name, code, password_hash in session.execute(
                    select(
                        UserRow.username, UserRow.display_name, JudgeRow.code, UserRow.password_hash
                    )
                    .join(JudgeRow, JudgeRow.id == UserRow.judge_id)
                    .where(UserRow.role == Role.JUDGE.value)
                    .order_by(UserRow.username)
                )
            ]
            data = write_package(
                convention=convention.uid,
                spec=load_spec(session),
                is_demo=convention.is_demo,
                key=key,
                fingerprint=fingerprint or "",
                accounts=accounts,
                hub_address=hub_address,
                hub_certificate=hub_certificate,
                made_at=audit.now(),
                made_by=actor.username,
            )
            audit.record(session, actor, "package.export", convention.uid, judges=len(accounts))
        return data

    def convention_uid(self, actor: Actor) -> str:
        """The convention's random identifier, which the LAN announcement carries."""
        del actor  # public: every package and bundle carries it
        with self._db.reading() as session:
            return convention_row(session).uid

    # -- bundles ----------------------------------------------------------------------------------
    def read(self, data: bytes, file: str) -> Bundle:
        """A bundle checked on its own (format, checksum, chain, signature), before any merge."""
        return read_bundle(data, file)

    def merge(
        self, actor: Actor, data: bytes, file: str, key: ConventionKey | None = None
    ) -> Imported:
        """Merge one bundle whole in one transaction with one audit event, or refuse it whole
        before anything is written; answer with a receipt signed by ``key``."""
        require_secretariat(actor)
        # a bundle is tens of thousands of short-lived objects, all kept until it is merged
        with collection_paused():
            return self._merge(actor, read_bundle(data, file), file, key)

    def merge_all(
        self, actor: Actor, files: Sequence[tuple[bytes, str]], key: ConventionKey | None = None
    ) -> list[Imported | JuryError]:
        """Merge several bundles in turn, each whole or refused whole (its error in its place).

        The next bundle is read and checked in a second thread while one is written: writing
        waits on the disk with the interpreter released, and that time reads the next.
        """
        require_secretariat(actor)
        outcomes: list[Imported | JuryError] = []
        with collection_paused(), ThreadPoolExecutor(max_workers=1) as reader:
            ahead = reader.submit(read_bundle, *files[0]) if files else None
            for number, (_, file) in enumerate(files):
                assert ahead is not None
                current = ahead
                following = files[number + 1] if number + 1 < len(files) else None
                ahead = reader.submit(read_bundle, *following) if following else None
                try:
                    outcomes.append(self._merge(actor, current.result(), file, key))
                except JuryError as exc:
                    outcomes.append(exc)
        return outcomes

    def _merge(
        self, actor: Actor, bundle: Bundle, file: str, key: ConventionKey | None
    ) -> Imported:
        def write() -> tuple[MergeResult, str]:
            with self._db.writing() as session:
                if key is not None:
                    _require_active(session, key)
                return merge(session, actor, bundle, file), convention_row(session).uid

        # On PostgreSQL the server may undo a transaction for another's sake (laptops push at
        # once): the whole merge runs again, reading afresh what the hub holds.
        result, uid = retrying(write)
        receipt = None
        if key is not None:
            receipt = _receipt(key, uid, result.judge, result.fingerprint, result)
        return Imported(result, receipt)

    def receipt(self, actor: Actor, judge_code: str, key: ConventionKey) -> bytes:
        """A fresh receipt for what is held of a judge's log now (for a judge who lost theirs)."""
        require_secretariat(actor)
        with self._db.reading() as session:
            _require_active(session, key)
            row = _active_key(session, judge_code)
            log = held_log(session.connection(), row.judge_id, row.fingerprint)
            upto, upto_hash = log.head()
            uid = convention_row(session).uid
            missing, aside = log.missing(), log.set_aside()
        body = receipt_body(
            uid, judge_code, row.fingerprint, upto, upto_hash, audit.now(), missing, aside
        )
        from juryapp.reports.convention_key import sign_payload  # noqa: PLC0415

        return write_receipt(body, sign_payload(key, body))

    # -- what is held ----------------------------------------------------------------------------
    def received(self, actor: Actor) -> list[ReceivedJudge]:
        require_reader(actor)
        with self._db.reading() as session:
            connection = session.connection()
            keys = dict(
                session.execute(
                    select(JudgeKeyRow.judge_id, JudgeKeyRow.fingerprint)
                    .where(JudgeKeyRow.retired_at.is_(None))
                    .order_by(JudgeKeyRow.id)
                ).all()
            )
            latest = dict(
                session.execute(
                    select(LogEventRow.judge_id, func.max(LogEventRow.received_at)).group_by(
                        LogEventRow.judge_id
                    )
                ).all()
            )
            open_forks = dict(
                session.execute(
                    select(LogForkRow.judge_id, func.count())
                    .where(LogForkRow.decision == "")
                    .group_by(LogForkRow.judge_id)
                ).all()
            )
            rows = []
            for judge_id, code, name in session.execute(
                select(JudgeRow.id, JudgeRow.code, JudgeRow.name).order_by(JudgeRow.code)
            ):
                fingerprint = keys.get(judge_id)
                log = held_log(connection, judge_id, fingerprint) if fingerprint else None
                rows.append(
                    ReceivedJudge(
                        judge_code=code,
                        judge_name=name,
                        fingerprint=fingerprint,
                        upto=log.head()[0] if log else 0,
                        last_received=latest.get(judge_id),
                        missing=log.missing() if log else (),
                        set_aside=log.set_aside() if log else 0,
                        open_forks=open_forks.get(judge_id, 0),
                    )
                )
            return rows

    def forks(self, actor: Actor) -> list[ForkView]:
        require_reader(actor)
        with self._db.reading() as session:
            forks = session.execute(
                select(LogForkRow, JudgeRow.code)
                .join(JudgeRow, JudgeRow.id == LogForkRow.judge_id)
                .order_by(LogForkRow.id)
            )
            return [
                ForkView(
                    id=fork.id,
                    judge_code=code,
                    seq=fork.seq,
                    applied_hash=fork.applied_hash,
                    other_hash=fork.other_hash,
                    found_at=fork.found_at,
                    decision=fork.decision,
                    decided_by=fork.decided_by,
                    reason=fork.reason,
                    applied_branch=_described(_branch(session, fork.judge_id, fork.applied_hash)),
                    other_branch=_described(_branch(session, fork.judge_id, fork.other_hash)),
                )
                for fork, code in forks
            ]

    def settle_fork(self, actor: Actor, fork_id: int, *, take_other: bool, reason: str) -> None:
        """Record a person's decision on a fork: keep the applied branch, or take the other
        one (the judge's sheets it touches are rebuilt from the log and need confirming)."""
        require_secretariat(actor)
        if not reason.strip():
            raise StateError(Text("alasan wajib diisi", "a reason is required"))
        with self._db.writing() as session:
            fork = session.get(LogForkRow, fork_id)
            if fork is None:
                raise NotFoundError(Text("percabangan tidak ada", "there is no such fork"))
            if fork.decision:
                raise StateError(
                    Text("percabangan ini sudah diputuskan", "this fork is already decided")
                )
            code = session.scalar(select(JudgeRow.code).where(JudgeRow.id == fork.judge_id))
            fork.decided_by, fork.decided_at, fork.reason = actor.username, audit.now(), reason
            subject = f"{code}#{fork.seq}"
            if not take_other:
                fork.decision = "kept"
                audit.record(session, actor, "log.fork_kept", subject, reason=reason)
                return
            fork.decision = "taken"
            changed = _take_other(session, fork, code or "")
            audit.record_sheets(session, actor, "log.fork_taken", subject, changed, reason=reason)


def _take_other(session: Session, fork: LogForkRow, judge_code: str) -> list[int]:
    """Swap the branches at the fork and rebuild the sheets either branch touched."""
    connection = session.connection()
    fingerprint = session.scalar(
        select(LogEventRow.key_fingerprint).where(
            LogEventRow.judge_id == fork.judge_id, LogEventRow.hash == fork.other_hash
        )
    )
    applied = _branch(session, fork.judge_id, fork.applied_hash)
    other = _branch(session, fork.judge_id, fork.other_hash)
    touched_events = [*applied, *other]
    session.execute(
        update(LogEventRow)
        .where(LogEventRow.id.in_([e.id for e in applied]))
        .values(state=SET_ASIDE)
    )
    session.execute(
        update(LogEventRow).where(LogEventRow.id.in_([e.id for e in other])).values(state=APPLIED)
    )
    session.flush()
    chain = list(
        session.scalars(
            select(LogEventRow)
            .where(
                LogEventRow.judge_id == fork.judge_id,
                LogEventRow.key_fingerprint == fingerprint,
                LogEventRow.state == APPLIED,
            )
            .order_by(LogEventRow.seq)
        )
    )
    commands = [
        (row.seq, read_event(bytes(row.body), bytes(row.signature))[1].command) for row in chain
    ]
    teams = {read_event(bytes(e.body), bytes(e.signature))[1].command.team for e in touched_events}
    team_ids = dict(
        session.execute(select(TeamRow.code, TeamRow.id).where(TeamRow.code.in_(teams))).all()
    )
    return apply_commands(
        connection,
        fork.judge_id,
        judge_code,
        [(seq, c) for seq, c in commands if c.team in teams],
        "",
        audit.now(),
        start_empty=team_ids.values(),
    )


def _branch(session: Session, judge_id: int, first_hash: str) -> list[LogEventRow]:
    """The events from ``first_hash`` on, following each event's successor by its hash."""
    first = session.scalar(
        select(LogEventRow).where(LogEventRow.judge_id == judge_id, LogEventRow.hash == first_hash)
    )
    if first is None:
        return []
    later = session.scalars(
        select(LogEventRow)
        .where(
            LogEventRow.judge_id == judge_id,
            LogEventRow.key_fingerprint == first.key_fingerprint,
            LogEventRow.seq > first.seq,
        )
        .order_by(LogEventRow.seq)
    ).all()
    by_prev = {row.prev_hash: row for row in later}
    branch = [first]
    while branch[-1].hash in by_prev:
        branch.append(by_prev[branch[-1].hash])
    return branch


def _described(events: Sequence[LogEventRow]) -> tuple[str, ...]:
    """Each event in a few words, as the fork screen lists them: "#12 PKM-02 K3 = 4"."""
    lines = []
    for row in events:
        fields, event = read_event(bytes(row.body), bytes(row.signature))
        kind = fields["kind"]
        if kind == "score":
            value = fields["value"] if fields["value"] is not None else "—"
            lines.append(f"#{row.seq} {event.command.team} {fields['criterion']} = {value}")
        elif kind == "note":
            lines.append(f"#{row.seq} {event.command.team} ✎ {fields['note'][:40]}")
        else:
            lines.append(f"#{row.seq} {event.command.team} ✓")
    return tuple(lines)


def _receipt(
    key: ConventionKey, uid: str, judge: str, fingerprint: str, result: MergeResult
) -> bytes:
    from juryapp.reports.convention_key import sign_payload  # noqa: PLC0415

    body = receipt_body(
        uid,
        judge,
        fingerprint,
        result.upto,
        result.upto_hash,
        audit.now(),
        result.missing,
        result.set_aside,
    )
    return write_receipt(body, sign_payload(key, body))


def _require_active(session: Session, key: ConventionKey) -> None:
    active = session.scalar(
        select(SigningKeyRow.certificate_pem).where(
            SigningKeyRow.retired_at.is_(None), SigningKeyRow.sealed_private_key.is_not(None)
        )
    )
    if active is None or bytes(active) != key.certificate_pem:
        raise StateError(
            Text(
                "kunci yang dibuka bukan kunci tanda tangan aktif konvensi ini",
                "the key opened is not this convention's active signing key",
            )
        )


def _active_key(session: Session, judge_code: str) -> JudgeKeyRow:
    row = session.scalar(
        select(JudgeKeyRow)
        .join(JudgeRow, JudgeRow.id == JudgeKeyRow.judge_id)
        .where(JudgeRow.code == judge_code, JudgeKeyRow.retired_at.is_(None))
    )
    if row is None:
        raise NotFoundError(
            Text("juri {j} belum memiliki kunci terdaftar", "judge {j} has no enrolled key").format(
                j=judge_code
            )
        )
    return row


__all__ = ["PENDING", "ForkView", "HubService", "Imported", "ReceivedJudge"]
