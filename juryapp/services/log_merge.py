"""Merging a judge's signed log into the secretariat's database, never overwriting in silence.

An event already held changes nothing; an event whose predecessor has not arrived waits
(a gap, shown); a different event with a number already held is a fork, set aside until a
person decides; every other event is decided by ``commands.decide`` exactly as if the judge
had typed it here. The whole bundle is one transaction and one audit event, written with a
few bulk statements so that 200,000 events merge in seconds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import cast

from sqlalchemy import Connection, Table, bindparam, select
from sqlalchemy.orm import Session

from juryapp.domain.access import Actor
from juryapp.domain.messages import FileProblemError, Text
from juryapp.persistence.tables import (
    ConventionRow,
    JudgeKeyRow,
    JudgeRow,
    LogEventRow,
    LogForkRow,
)
from juryapp.services import audit
from juryapp.services.log_apply import apply_commands, bulk, stamp
from juryapp.services.log_format import GENESIS, Bundle, LogEvent, read_event

APPLIED, PENDING, SET_ASIDE = "applied", "pending", "set_aside"

_EVENTS = cast(Table, LogEventRow.__table__)
_FORKS = cast(Table, LogForkRow.__table__)


@dataclass(frozen=True)
class MergeResult:
    judge: str
    fingerprint: str
    events: int  # in the bundle
    new: int  # not held before
    applied: int  # applied to the sheets by this merge
    upto: int  # the log is applied without a gap up to this event
    upto_hash: str
    missing: tuple[tuple[int, int], ...]  # events not yet received, behind which others wait
    set_aside: int  # events on fork branches not taken
    forks: tuple[int, ...]  # event numbers of forks found by this merge
    sheets: int  # sheets changed


@dataclass(slots=True)
class _Held:
    id: int | None
    seq: int
    hash: str
    prev: str
    state: str
    event: LogEvent | None = None  # read only when it must be applied


@dataclass
class _Log:
    """What the database holds of one judge key's log."""

    events: dict[int, list[_Held]] = field(default_factory=lambda: defaultdict(list))
    by_hash: dict[str, _Held] = field(default_factory=dict)

    def add(self, held: _Held) -> None:
        self.events[held.seq].append(held)
        self.by_hash[held.hash] = held

    def head(self) -> tuple[int, str]:
        """The last applied event (applied events always run from #1 without a gap)."""
        seq, digest = 0, GENESIS
        while True:
            applied = [h for h in self.events.get(seq + 1, ()) if h.state == APPLIED]
            if not applied:
                return seq, digest
            seq, digest = seq + 1, applied[0].hash

    def missing(self) -> tuple[tuple[int, int], ...]:
        upto = self.head()[0]
        waiting = sorted(
            s for s, hs in self.events.items() if s > upto and any(h.state == PENDING for h in hs)
        )
        ranges: list[tuple[int, int]] = []
        expected = upto + 1
        for seq in waiting:
            if seq > expected:
                ranges.append((expected, seq - 1))
            expected = seq + 1
        return tuple(ranges)

    def set_aside(self) -> int:
        return sum(1 for hs in self.events.values() for h in hs if h.state == SET_ASIDE)


class KeyRefusedError(FileProblemError):
    """The bundle's key is not enrolled here, is another judge's, or was retired."""


def key_of(connection: Connection, bundle: Bundle, file: str) -> tuple[int, int]:
    """(key row id, judge id) of the bundle's key, enrolled for the bundle's judge."""
    found = connection.execute(
        select(JudgeKeyRow.id, JudgeKeyRow.judge_id, JudgeKeyRow.retired_at, JudgeRow.code)
        .join(JudgeRow, JudgeRow.id == JudgeKeyRow.judge_id)
        .where(JudgeKeyRow.fingerprint == bundle.fingerprint)
    ).first()
    if found is None:
        raise KeyRefusedError(
            Text(
                "kunci {k} (juri {j}) belum terdaftar di sini: bandingkan sidik jarinya dengan "
                "layar laptop juri, lalu daftarkan",
                "key {k} (judge {j}) is not enrolled here: compare its fingerprint with the "
                "judge's screen, then enrol it",
            ).format(k=bundle.fingerprint, j=bundle.judge),
            file=file,
        )
    key_id, judge_id, retired, code = found
    if code != bundle.judge:
        raise KeyRefusedError(
            Text(
                "kunci {k} terdaftar untuk juri {o}, bukan {j}",
                "key {k} is enrolled for judge {o}, not {j}",
            ).format(k=bundle.fingerprint, o=code, j=bundle.judge),
            file=file,
        )
    if retired is not None:
        raise KeyRefusedError(
            Text("kunci {k} sudah dipensiunkan", "key {k} has been retired").format(
                k=bundle.fingerprint
            ),
            file=file,
        )
    uid = connection.execute(select(ConventionRow.uid).limit(1)).scalar()
    if uid != bundle.convention:
        raise FileProblemError(
            Text("bundel ini dari konvensi lain", "this bundle is from another convention"),
            file=file,
        )
    return key_id, judge_id


def held_log(connection: Connection, judge_id: int, fingerprint: str) -> _Log:
    log = _Log()
    for row_id, seq, digest, prev, state in connection.execute(
        select(
            LogEventRow.id,
            LogEventRow.seq,
            LogEventRow.hash,
            LogEventRow.prev_hash,
            LogEventRow.state,
        ).where(LogEventRow.judge_id == judge_id, LogEventRow.key_fingerprint == fingerprint)
    ).all():
        log.add(_Held(row_id, seq, digest, prev, state))
    return log


def merge(session: Session, actor: Actor, bundle: Bundle, file: str) -> MergeResult:
    """Merge one checked bundle in the caller's write transaction; raises before writing
    anything if the bundle cannot be taken whole."""
    connection = session.connection()
    _, judge_id = key_of(connection, bundle, file)
    log = held_log(connection, judge_id, bundle.fingerprint)
    new: list[_Held] = []
    forks: list[tuple[int, str, str]] = []
    aside = False  # this bundle continues a branch set aside at a fork
    now = audit.now()
    for event in bundle.events:
        known = log.by_hash.get(event.hash)
        if known is not None:
            aside = known.state == SET_ASIDE
            continue
        others = log.events.get(event.seq, [])
        state = PENDING
        if aside:
            state = SET_ASIDE
        elif others:
            forks.append((event.seq, others[0].hash, event.hash))
            state, aside = SET_ASIDE, True
        elif event.seq > 1 and event is bundle.events[0]:
            before = log.events.get(event.seq - 1, [])
            if before and all(h.hash != event.prev for h in before):
                raise FileProblemError(
                    Text(
                        "bundel sebagian ini tidak menyambung log yang ada di sini; ekspor "
                        "seluruh log",
                        "this partial bundle does not continue the log held here; export the "
                        "whole log",
                    ),
                    file=file,
                )
        held = _Held(None, event.seq, event.hash, event.prev, state, event)
        log.add(held)
        new.append(held)
    to_apply = _connected(log)
    for held in to_apply:
        if held.event is None:  # waited for an earlier event: read its stored bytes
            body, signature = connection.execute(
                select(LogEventRow.body, LogEventRow.signature).where(LogEventRow.id == held.id)
            ).one()
            held.event = read_event(bytes(body), bytes(signature))[1]
    judge_code = bundle.judge
    changed = apply_commands(
        connection,
        judge_id,
        judge_code,
        [(h.seq, cast(LogEvent, h.event).command) for h in to_apply],
        file,
        now,
    )
    for held in to_apply:
        held.state = APPLIED
    _store(connection, judge_id, bundle.fingerprint, new, to_apply, now)
    for seq, applied_hash, other_hash in forks:
        connection.execute(
            _FORKS.insert(),
            {
                "judge_id": judge_id,
                "seq": seq,
                "applied_hash": applied_hash,
                "other_hash": other_hash,
                "found_at": now,
                "decision": "",
                "decided_by": "",
                "reason": "",
            },
        )
    upto, upto_hash = log.head()
    result = MergeResult(
        judge=judge_code,
        fingerprint=bundle.fingerprint,
        events=len(bundle.events),
        new=len(new),
        applied=len(to_apply),
        upto=upto,
        upto_hash=upto_hash,
        missing=log.missing(),
        set_aside=log.set_aside(),
        forks=tuple(seq for seq, _, _ in forks),
        sheets=len(changed),
    )
    audit.record_sheets(
        session,
        actor,
        "log.merge",
        judge_code,
        changed,
        key=bundle.fingerprint,
        bundle=bundle.sha256,
        first=bundle.first,
        last=bundle.last,
        new=result.new,
        applied=result.applied,
        upto=upto,
        upto_hash=upto_hash,
        missing=[list(r) for r in result.missing],
        forks=list(result.forks),
    )
    return result


def _connected(log: _Log) -> list[_Held]:
    """The pending events that now follow the applied ones without a gap, in order."""
    seq, digest = log.head()
    chain: list[_Held] = []
    while True:
        following = [
            h for h in log.events.get(seq + 1, ()) if h.state == PENDING and h.prev == digest
        ]
        if not following:
            return chain
        chain.append(following[0])
        seq, digest = seq + 1, following[0].hash


def _store(
    connection: Connection,
    judge_id: int,
    fingerprint: str,
    new: Sequence[_Held],
    applied: Sequence[_Held],
    now: datetime,
) -> None:
    if new:
        when = stamp(connection, now)
        bulk(
            connection,
            "INSERT INTO log_event (judge_id, seq, hash, prev_hash, body, signature, "
            "key_fingerprint, state, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (judge_id, h.seq, h.hash, h.prev, cast(LogEvent, h.event).body,
                 cast(LogEvent, h.event).signature, fingerprint, h.state, when)
                for h in new
            ],
        )  # fmt: skip
    earlier = [{"row": h.id, "new_state": APPLIED} for h in applied if h.id is not None]
    if earlier:
        connection.execute(
            _EVENTS.update()
            .where(_EVENTS.c.id == bindparam("row"))
            .values(state=bindparam("new_state")),
            earlier,
        )
