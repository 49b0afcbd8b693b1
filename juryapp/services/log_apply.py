"""A judge's commands decided over their stored sheets, and what changed written in bulk.

The merge of a signed log (``log_merge``) and a fork's decision both end here: each command is
decided by ``commands.decide`` exactly as if the judge had typed it at this laptop, a refusal
refuses the whole bundle, and the sheets and scores that changed are written with a few
statements whatever their number.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, NoReturn, cast

from sqlalchemy import Connection, Table, bindparam, select

from juryapp.domain.commands import Circumstances, Command, Sheet, Submit, decide
from juryapp.domain.kinds import SheetSource, SheetStatus
from juryapp.domain.messages import FileProblemError, JuryError, Text
from juryapp.domain.model import Criterion
from juryapp.persistence.tables import (
    ConventionRow,
    ScoreRow,
    SheetRow,
    TeamRow,
    UserRow,
)
from juryapp.persistence.types import decimal_text
from juryapp.services.fast_save import load_rubric

_SHEETS = cast(Table, SheetRow.__table__)
_SCORES = cast(Table, ScoreRow.__table__)


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
