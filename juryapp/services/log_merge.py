"""Merging a judge's signed log into the secretariat's database, never overwriting in silence.

An event already held changes nothing; an event whose predecessor has not arrived waits
(a gap, shown); a different event with a number already held is a fork, set aside until a
person decides; every other event is decided by ``commands.decide`` exactly as if the judge
had typed it here. The whole bundle is one transaction and one audit event, written with a
few bulk statements so that 200,000 events merge in seconds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, NoReturn, cast

from sqlalchemy import Connection, Table, bindparam, select
from sqlalchemy.orm import Session

from juryapp.domain.access import Actor
from juryapp.domain.commands import Circumstances, Command, Sheet, Submit, decide
from juryapp.domain.kinds import SheetSource, SheetStatus
from juryapp.domain.messages import FileProblemError, JuryError, Text
from juryapp.domain.model import Criterion
from juryapp.persistence.tables import (
    ConventionRow,
    JudgeKeyRow,
    JudgeRow,
    LogEventRow,
    LogForkRow,
    ScoreRow,
    SheetRow,
    TeamRow,
    UserRow,
)
from juryapp.persistence.types import decimal_text
from juryapp.services import audit
from juryapp.services.fast_save import load_rubric
from juryapp.services.log_format import GENESIS, Bundle, LogEvent, read_event

APPLIED, PENDING, SET_ASIDE = "applied", "pending", "set_aside"

_EVENTS = cast(Table, LogEventRow.__table__)
_SHEETS = cast(Table, SheetRow.__table__)
_SCORES = cast(Table, ScoreRow.__table__)
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


@dataclass
class _Judged:
    """A judge's sheets as stored, and as the commands leave them."""

    sheet_ids: dict[int, int]  # team id → sheet id
    before: dict[int, Sheet]
    after: dict[int, Sheet]
    submitted: set[int] = field(default_factory=set)


def apply_commands(
    connection: Connection,
    judge_id: int,
    judge_code: str,
    commands: Sequence[tuple[int, Command]],
    file: str,
    now: datetime,
    *,
    start_empty: Iterable[int] = (),
) -> list[int]:
    """Decide every command in order over the judge's sheets and write what changed.

    ``start_empty``: team ids whose sheets are rebuilt from nothing (a fork decision).
    Returns the ids of the sheets changed. A command the rules refuse refuses everything, with
    the event's number and what it was about.
    """
    rubric = load_rubric(connection, "")
    teams = {
        code: (team_id, institution)
        for team_id, code, institution in connection.execute(
            select(TeamRow.id, TeamRow.code, TeamRow.institution)
        )
    }
    locked = bool(connection.execute(select(ConventionRow.results_locked).limit(1)).scalar())
    judged = _stored_sheets(connection, judge_id, rubric.codes)
    for team_id in start_empty:  # rebuilt from the log; an abstention stays the secretariat's
        kept = judged.before.get(team_id, Sheet())
        judged.after[team_id] = Sheet(abstained=kept.abstained, reason=kept.reason)
    criteria: dict[str, Criterion] = rubric.by_code
    # what else decides a command, by team: worked out once per team, not once per event
    circumstances: dict[str, tuple[int, Circumstances]] = {}
    after = judged.after
    empty = Sheet()
    for seq, command in commands:
        known = circumstances.get(command.team)
        if known is None:
            found = teams.get(command.team)
            if found is None:
                _refuse_event(file, seq, command, Text("tim tidak dikenal", "unknown team"))
            team_id, institution = found
            conflict = rubric.conflicted(judge_id, team_id, institution)
            known = circumstances[command.team] = (
                team_id,
                Circumstances(by_secretariat=False, locked=locked, conflict=conflict),
            )
        team_id = known[0]
        try:
            after[team_id] = decide(command, after.get(team_id, empty), criteria, known[1])
        except JuryError as exc:
            _refuse_event(file, seq, command, exc.text)
        if isinstance(command, Submit):
            judged.submitted.add(team_id)
    return _write(connection, judge_id, judged, rubric.ids, now)


def _refuse_event(file: str, seq: int, command: Command, why: Text) -> NoReturn:
    what = "/".join(x for x in (command.team, getattr(command, "criterion", "")) if x)
    raise FileProblemError(
        Text(
            f"peristiwa #{seq} ({what}) ditolak: {why.id}",
            f"event #{seq} ({what}) is refused: {why.en}",
        ),
        file=file,
    )


def _stored_sheets(connection: Connection, judge_id: int, codes: dict[int, str]) -> _Judged:
    rows = connection.execute(
        select(
            SheetRow.id,
            SheetRow.team_id,
            SheetRow.status,
            SheetRow.source,
            SheetRow.abstained,
            SheetRow.abstain_reason,
            SheetRow.note,
        ).where(SheetRow.judge_id == judge_id)
    ).all()
    scores: dict[int, dict[str, tuple[Decimal | None, str]]] = defaultdict(dict)
    for sheet_id, criterion_id, value, note in connection.execute(
        select(ScoreRow.sheet_id, ScoreRow.criterion_id, ScoreRow.value, ScoreRow.note)
        .join(SheetRow, SheetRow.id == ScoreRow.sheet_id)
        .where(SheetRow.judge_id == judge_id)
    ).all():
        code = codes.get(criterion_id)
        if code is not None:
            scores[sheet_id][code] = (value, note)
    judged = _Judged({}, {}, {})
    for sheet_id, team_id, status, source, abstained, reason, note in rows:
        sheet = Sheet(
            status=SheetStatus(status),
            source=SheetSource(source),
            abstained=bool(abstained),
            reason=reason,
            note=note,
            scores=scores.get(sheet_id, {}),
        )
        judged.sheet_ids[team_id] = sheet_id
        judged.before[team_id] = judged.after[team_id] = sheet
    return judged


def _write(
    connection: Connection, judge_id: int, judged: _Judged, ids: dict[str, int], now: datetime
) -> list[int]:
    changed = [t for t, sheet in judged.after.items() if judged.before.get(t) != sheet]
    if not changed:
        return []
    user = connection.execute(select(UserRow.id).where(UserRow.judge_id == judge_id)).scalar()
    fresh = [t for t in changed if t not in judged.sheet_ids]
    if fresh:
        connection.execute(
            _SHEETS.insert(),
            [_sheet_fields(judge_id, t, judged, now) for t in fresh],
        )
        judged.sheet_ids.update(
            connection.execute(
                select(SheetRow.team_id, SheetRow.id).where(
                    SheetRow.judge_id == judge_id, SheetRow.team_id.in_(fresh)
                )
            ).all()
        )
    stale = [t for t in changed if t not in fresh]
    if stale:
        connection.execute(
            _SHEETS.update()
            .where(_SHEETS.c.id == bindparam("sheet"))
            .values(
                status=bindparam("new_status"),
                note=bindparam("new_note"),
                abstained=bindparam("new_abstained"),
                abstain_reason=bindparam("new_reason"),
                submitted_at=bindparam("new_submitted"),
                confirmed_by=bindparam("new_confirmed_by"),
                confirmed_at=bindparam("new_confirmed_at"),
                updated_at=bindparam("now"),
            ),
            [_sheet_changes(t, judged, now) for t in stale],
        )
    scores = []
    when, unchecked = stamp(connection, now), flag(connection, False)
    for team_id in changed:
        sheet_id = judged.sheet_ids[team_id]
        old = judged.before.get(team_id, Sheet()).scores
        after = judged.after[team_id].scores
        # a rebuilt sheet may lose a score a set-aside branch gave: it is cleared, its row kept
        after = {**{code: (None, "") for code in old if code not in after}, **after}
        for code, (value, note) in after.items():
            if old.get(code) != (value, note) and code in ids:
                text = None if value is None else decimal_text(value)
                scores.append((sheet_id, ids[code], text, note, when, user, unchecked))
    if scores:
        bulk(
            connection,
            "INSERT INTO score (sheet_id, criterion_id, value, note, updated_at, updated_by, "
            "checked) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sheet_id, criterion_id) DO "
            "UPDATE SET value = excluded.value, note = excluded.note, updated_at = "
            "excluded.updated_at, updated_by = excluded.updated_by, checked = excluded.checked",
            scores,
        )
    return sorted(judged.sheet_ids[t] for t in changed)


def bulk(connection: Connection, statement: str, rows: list[tuple[Any, ...]]) -> None:
    """One statement for many rows straight to the driver: a merge writes tens of thousands
    of rows, and converting each through SQLAlchemy's parameters cost more than the insert.

    ``statement`` uses ``?``; values come as each database stores them (``stamp``, ``flag``).
    """
    if connection.dialect.paramstyle != "qmark":
        statement = statement.replace("?", "%s")
    connection.exec_driver_sql(statement, rows)


def stamp(connection: Connection, moment: datetime) -> datetime | str:
    """A timestamp as the driver takes it: SQLite stores SQLAlchemy's text form."""
    if connection.dialect.name == "sqlite":
        return moment.strftime("%Y-%m-%d %H:%M:%S.%f")
    return moment


def flag(connection: Connection, value: bool) -> bool | int:
    return int(value) if connection.dialect.name == "sqlite" else value


def _sheet_fields(judge_id: int, team_id: int, judged: _Judged, now: datetime) -> dict[str, Any]:
    sheet = judged.after[team_id]
    submitted = sheet.status is SheetStatus.SUBMITTED
    return {
        "judge_id": judge_id,
        "team_id": team_id,
        "status": cast(SheetStatus, sheet.status).value,
        "source": sheet.source.value,
        "entered_by": None,
        "note": sheet.note,
        "abstained": sheet.abstained,
        "abstain_reason": sheet.reason,
        "submitted_at": now if submitted else None,
        "updated_at": now,
    }


def _sheet_changes(team_id: int, judged: _Judged, now: datetime) -> dict[str, Any]:
    """A sheet the log changed; events apply only to drafts, so no confirmation is undone
    except by a fork decision, whose rebuilt sheets need a fresh confirmation."""
    sheet = judged.after[team_id]
    status = sheet.status or SheetStatus.DRAFT  # rebuilt with no event left: an empty draft
    return {
        "sheet": judged.sheet_ids[team_id],
        "new_status": status.value,
        "new_note": sheet.note,
        "new_abstained": sheet.abstained,
        "new_reason": sheet.reason,
        "new_submitted": now if status is not SheetStatus.DRAFT else None,
        "new_confirmed_by": None,
        "new_confirmed_at": None,
        "now": now,
    }
