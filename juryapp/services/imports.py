"""Importing teams, judges and paper scores from spreadsheets: all rows or none."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

from sqlalchemy import (
    Connection,
    DateTime,
    Insert,
    Integer,
    String,
    Table,
    Update,
    bindparam,
    func,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session

from juryapp.domain.access import Actor, require_secretariat
from juryapp.domain.formatting import parse_decimal
from juryapp.domain.kinds import JudgeRole, SheetSource, SheetStatus
from juryapp.domain.messages import FileProblemError, JuryError, Text
from juryapp.domain.model import Criterion, Judge, Team
from juryapp.domain.validation import check_spec
from juryapp.interchange.columns import JUDGE_COLUMNS, SCORE_COLUMNS, TEAM_COLUMNS
from juryapp.interchange.tabular import Row, read_table
from juryapp.persistence.database import Database
from juryapp.persistence.tables import CriterionRow, JudgeRow, ScoreRow, SheetRow, TeamRow
from juryapp.persistence.types import DecimalText
from juryapp.services import audit
from juryapp.services.setup import SetupService, UpsertTable, with_upserted
from juryapp.services.snapshot import convention_row, load_spec

ROLE_WORDS = {
    "chair": "chair",
    "ketua": "chair",
    "member": "member",
    "anggota": "member",
    "": "member",
}


@dataclass(frozen=True)
class ImportSummary:
    rows: int
    added: int
    changed: int
    unchanged: int = 0


class ImportService:
    def __init__(self, database: Database, setup: SetupService) -> None:
        self._db = database
        self._setup = setup

    def import_teams(self, actor: Actor, path: Path) -> ImportSummary:
        require_secretariat(actor)
        rows = read_table(path, TEAM_COLUMNS)
        return self._import_records(actor, path, rows, "teams", [_team(path.name, r) for r in rows])

    def import_judges(self, actor: Actor, path: Path) -> ImportSummary:
        require_secretariat(actor)
        rows = read_table(path, JUDGE_COLUMNS)
        judges = [_judge(path.name, r) for r in rows]
        return self._import_records(actor, path, rows, "judges", judges)

    def _import_records(
        self,
        actor: Actor,
        path: Path,
        rows: list[Row],
        table: UpsertTable,
        items: Sequence[Team | Judge],
    ) -> ImportSummary:
        """Check the merged set-up first, so a problem names the spreadsheet row it came from."""
        _no_repeats(path.name, rows, [x.code for x in items], "code")
        candidate = with_upserted(self._setup.spec(), table, items)
        merged: Sequence[Team | Judge] = getattr(candidate, table)
        _refuse_problems(path.name, rows, items, merged, table, check_spec(candidate))
        added, changed = self._setup.upsert(actor, table, items)
        return ImportSummary(len(rows), added, changed)

    def import_scores(self, actor: Actor, path: Path) -> ImportSummary:
        """Paper sheets typed into a spreadsheet; complete sheets are handed in for confirmation.

        Replaying the same file changes nothing. A sheet already handed in is never changed by
        an import (that is a correction, with a reason); a row that would do so is refused.
        """
        require_secretariat(actor)
        rows = read_table(path, SCORE_COLUMNS)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        with self._db.writing() as session:
            if convention_row(session).results_locked:
                raise FileProblemError(
                    Text("hasil sudah dikunci; nilai tidak dapat diimpor",
                         "the results are locked; scores cannot be imported"),
                    file=path.name,
                )  # fmt: skip
            plan = _ScorePlan(session, path.name)
            for row in rows:
                plan.add(row)
            summary = plan.apply(actor)
            audit.record(
                session,
                actor,
                "scores.import",
                path.name,
                sha256=digest,
                rows=len(rows),
                added=summary.added,
                changed=summary.changed,
            )
            return summary


_JUDGE, _TEAM, _CRITERION = (
    Text("juri", "judge"),
    Text("tim", "team"),
    Text("kriteria", "criterion"),
)
_SHEETS = cast(Table, SheetRow.__table__)
_SCORES = cast(Table, ScoreRow.__table__)
_ADD_SHEETS = _SHEETS.insert()
_ADD_SCORES = _SCORES.insert().values(
    sheet_id=bindparam("sheet_id"),
    criterion_id=bindparam("criterion_id"),
    value=bindparam("text", type_=String),  # rendered once per distinct score, not per row
    note=bindparam("note"),
    updated_at=bindparam("at", type_=DateTime),
    updated_by=bindparam("by", type_=Integer),
)
_CHANGE_SCORES = (
    _SCORES.update()
    .where(_SCORES.c.id == bindparam("score_id"))
    .values(
        value=bindparam("text", type_=String),
        note=bindparam("new_note"),
        updated_at=bindparam("at", type_=DateTime),
    )
)
_TOUCH_SHEETS = (
    _SHEETS.update().where(_SHEETS.c.id == bindparam("sheet_id")).values(updated_at=bindparam("at"))
)
_HAND_IN = (
    _SHEETS.update()
    .where(_SHEETS.c.id == bindparam("sheet_id"))
    .values(status=SheetStatus.SUBMITTED.value, submitted_at=bindparam("at"))
)
_AS_TEXT = DecimalText()


class _ScorePlan:
    """Every row checked against the stored convention before anything is written.

    200,000 rows go through here, so the writing uses plain statements and executemany, and a
    score text is parsed and checked once per criterion (a rubric has few distinct scores).
    """

    def __init__(self, session: Session, file: str) -> None:
        self.session, self.file = session, file
        self.connection = session.connection()
        spec = load_spec(session)
        self.judge_ids = dict(session.execute(select(JudgeRow.code, JudgeRow.id)).all())
        self.team_ids = dict(session.execute(select(TeamRow.code, TeamRow.id)).all())
        self.criterion_ids = dict(session.execute(select(CriterionRow.code, CriterionRow.id)).all())
        self.criteria: dict[str, Criterion] = {c.code: c for c in spec.criteria}
        teams = {t.code: t for t in spec.teams}
        self.conflicts = {
            (c.judge, t.code) for c in spec.conflicts for t in teams.values() if c.covers(t)
        }
        self.values: dict[tuple[str, str], dict[str, tuple[Decimal, str, int]]] = defaultdict(dict)
        # (criterion, score as typed) -> (the score, its stored text), filled as rows pass
        self.checked: dict[tuple[str, str], tuple[Decimal, str]] = {}
        self.texts: dict[Decimal, str] = {}

    def fail(self, row: Row, column: str, text: Text) -> FileProblemError:
        return FileProblemError(text, file=self.file, row=row.number, column=column)

    def add(self, row: Row) -> None:
        values = row.values
        judge, team, code = values["judge"], values["team"], values["criterion"]
        if judge not in self.judge_ids:
            raise self.unknown(row, "judge", _JUDGE, judge)
        if team not in self.team_ids:
            raise self.unknown(row, "team", _TEAM, team)
        if code not in self.criterion_ids:
            raise self.unknown(row, "criterion", _CRITERION, code)
        if (judge, team) in self.conflicts:
            raise self.fail(
                row,
                "judge",
                Text("juri {j} memiliki konflik kepentingan dengan tim {t}",
                     "judge {j} has a conflict of interest with team {t}").format(j=judge, t=team),
            )  # fmt: skip
        typed = values["score"]
        known = self.checked.get((code, typed))
        if known is None:
            known = self.check(row, code, typed)
        sheet = self.values[(judge, team)]
        if code in sheet:
            raise self.fail(
                row,
                "criterion",
                Text("skor {j}/{t}/{c} sudah ada di baris {r}",
                     "score {j}/{t}/{c} already given on row {r}").format(
                    j=judge, t=team, c=code, r=sheet[code][2]),
            )  # fmt: skip
        sheet[code] = (known[0], values.get("note", ""), row.number)

    def unknown(self, row: Row, column: str, noun: Text, value: str) -> FileProblemError:
        return self.fail(
            row,
            column,
            Text("{n} '{v}' tidak dikenal", "unknown {n} '{v}'").format(n=noun, v=value),
        )

    def check(self, row: Row, code: str, typed: str) -> tuple[Decimal, str]:
        try:
            score = parse_decimal(typed)
            self.criteria[code].check_score(score)
        except ValueError as exc:
            raise self.fail(row, "score", Text(str(exc), str(exc))) from None
        except JuryError as exc:
            raise self.fail(row, "score", exc.text) from None
        known = self.checked[(code, typed)] = (score, self.text(score))
        return known

    def text(self, value: Decimal) -> str:
        """The stored text of a score, as the DecimalText column would write it."""
        known = self.texts.get(value)
        if known is None:
            known = _AS_TEXT.process_bind_param(value, self.connection.dialect) or ""
            self.texts[value] = known
        return known

    def apply(self, actor: Actor) -> ImportSummary:
        connection = self.connection
        now = audit.now()
        sheets = self._sheets(actor, now)
        # Stored scores as raw text: only the few that meet an imported row become Decimals.
        stored: dict[tuple[int, int], tuple[int, str | None]] = {
            (sheet_id, criterion_id): (score_id, value)
            for score_id, sheet_id, criterion_id, value in connection.execute(
                select(
                    _SCORES.c.id,
                    _SCORES.c.sheet_id,
                    _SCORES.c.criterion_id,
                    type_coerce(_SCORES.c.value, String),
                )
            )
        }
        added = changed = unchanged = 0
        new_scores: list[tuple[object, ...]] = []
        changed_scores: list[tuple[object, ...]] = []
        touched: list[dict[str, object]] = []
        for (judge, team), scores in self.values.items():
            sheet_id, status, source = sheets[(self.judge_ids[judge], self.team_ids[team])]
            open_paper = status == SheetStatus.DRAFT.value and source == SheetSource.PAPER.value
            for code, (value, note, number) in scores.items():
                criterion_id = self.criterion_ids[code]
                existing = stored.get((sheet_id, criterion_id))
                if (
                    existing is not None
                    and existing[1] is not None
                    and Decimal(existing[1]) == value
                ):
                    unchanged += 1
                    continue
                if not open_paper:
                    raise FileProblemError(
                        Text("lembar {j}/{t} sudah diserahkan atau diisi juri; ubah lewat koreksi",
                             "sheet {j}/{t} is handed in or typed by the judge; use a correction")
                        .format(j=judge, t=team),
                        file=self.file, row=number, column="score",
                    )  # fmt: skip
                if existing is None:
                    new_scores.append((sheet_id, criterion_id, self.text(value), note))
                    added += 1
                else:
                    changed_scores.append((existing[0], self.text(value), note))
                    changed += 1
            touched.append({"sheet_id": sheet_id, "at": now})
        if new_scores:
            _execute_many(
                connection,
                _ADD_SCORES,
                ("sheet_id", "criterion_id", "text", "note"),
                new_scores,
                {"at": now, "by": actor.user_id},
            )
        if changed_scores:
            _execute_many(
                connection,
                _CHANGE_SCORES,
                ("score_id", "text", "new_note"),
                changed_scores,
                {"at": now},
            )
        if touched:
            connection.execute(_TOUCH_SHEETS, touched)
        self._hand_in_complete()
        return ImportSummary(added + changed + unchanged, added, changed, unchanged)

    def _sheets(self, actor: Actor, now: datetime) -> dict[tuple[int, int], tuple[int, str, str]]:
        """(judge id, team id) -> (sheet id, status, source), adding the missing paper sheets."""
        connection = self.connection
        sheets = {
            (judge_id, team_id): (sheet_id, status, source)
            for sheet_id, judge_id, team_id, status, source in connection.execute(
                select(
                    _SHEETS.c.id,
                    _SHEETS.c.judge_id,
                    _SHEETS.c.team_id,
                    _SHEETS.c.status,
                    _SHEETS.c.source,
                )
            )
        }
        missing = [
            key
            for key in ((self.judge_ids[j], self.team_ids[t]) for j, t in self.values)
            if key not in sheets
        ]
        if missing:
            connection.execute(
                _ADD_SHEETS,
                [
                    {
                        "judge_id": judge_id, "team_id": team_id,
                        "status": SheetStatus.DRAFT.value, "source": SheetSource.PAPER.value,
                        "entered_by": actor.user_id, "note": "", "abstain_reason": "",
                        "abstained": False, "updated_at": now,
                    }
                    for judge_id, team_id in missing
                ],
            )  # fmt: skip
            new = set(missing)
            for sheet_id, judge_id, team_id in connection.execute(
                select(_SHEETS.c.id, _SHEETS.c.judge_id, _SHEETS.c.team_id)
            ):
                if (judge_id, team_id) in new:
                    sheets[(judge_id, team_id)] = (
                        sheet_id, SheetStatus.DRAFT.value, SheetSource.PAPER.value,
                    )  # fmt: skip
        return sheets

    def _hand_in_complete(self) -> None:
        """A paper sheet with every criterion scored waits for the second person's check."""
        connection = self.connection
        counts: dict[int, int] = dict(
            connection.execute(
                select(_SCORES.c.sheet_id, func.count())
                .where(_SCORES.c.value.is_not(None))
                .group_by(_SCORES.c.sheet_id)
            ).all()
        )
        keys = {(self.judge_ids[j], self.team_ids[t]) for j, t in self.values}
        now = audit.now()
        complete = [
            {"sheet_id": sheet_id, "at": now}
            for sheet_id, judge_id, team_id in connection.execute(
                select(_SHEETS.c.id, _SHEETS.c.judge_id, _SHEETS.c.team_id).where(
                    _SHEETS.c.status == SheetStatus.DRAFT.value,
                    _SHEETS.c.source == SheetSource.PAPER.value,
                )
            )
            if (judge_id, team_id) in keys and counts.get(sheet_id, 0) == len(self.criteria)
        ]
        if complete:
            connection.execute(_HAND_IN, complete)


def _execute_many(
    connection: Connection,
    statement: Insert | Update,
    names: tuple[str, ...],
    rows: list[tuple[object, ...]],
    constants: dict[str, object],
) -> None:
    """An executemany whose per-row values (ints and strings) go to the driver as they are.

    SQLAlchemy would build and convert a parameter set per row, which for 200,000 scores cost
    more than SQLite's own work; the constants are converted once here instead.
    """
    dialect = connection.dialect
    compiled = statement.compile(dialect=dialect, for_executemany=True)  # no RETURNING
    fixed: dict[str, object] = {}
    for name, value in constants.items():
        processor = compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect)
        fixed[name] = processor(value) if processor is not None else value
    if compiled.positional and compiled.positiontup is not None:
        order = compiled.positiontup
        slots = [(names.index(n), None) if n in names else (-1, fixed[n]) for n in order]
        parameters: list[Any] = [
            tuple(row[i] if i >= 0 else constant for i, constant in slots) for row in rows
        ]
    else:
        parameters = [dict(zip(names, row, strict=True)) | fixed for row in rows]
    connection.exec_driver_sql(compiled.string, parameters)


def _cell(row: Row, key: str) -> str:
    return row.values.get(key, "").strip()


def _integer(file: str, row: Row, key: str) -> int | None:
    text = _cell(row, key)
    if not text:
        return None
    try:
        value = parse_decimal(text)
    except ValueError:
        value = Decimal("NaN")
    if not value.is_finite() or value != value.to_integral_value():
        raise FileProblemError(
            Text("'{v}' bukan bilangan bulat", "'{v}' is not a whole number").format(v=text),
            file=file, row=row.number, column=key,
        )  # fmt: skip
    return int(value)


def _time(file: str, row: Row, key: str) -> time | None:
    text = _cell(row, key)
    if not text:
        return None
    match = re.fullmatch(r"(\d{1,2})[.:](\d{2})(?:[.:]\d{2})?", text)
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        raise FileProblemError(
            Text("jam '{v}' tidak sah; tulis seperti 09.30",
                 "time '{v}' is not valid; write e.g. 09:30").format(v=text),
            file=file, row=row.number, column=key,
        )  # fmt: skip
    return time(int(match[1]), int(match[2]))


def _team(file: str, row: Row) -> Team:
    members = [m.strip() for m in re.split(r"[;\n|]", _cell(row, "members")) if m.strip()]
    return Team(
        code=_cell(row, "code"),
        institution=_cell(row, "institution"),
        category=_cell(row, "category"),
        title=_cell(row, "title"),
        pillar=_cell(row, "pillar"),
        programme=_cell(row, "programme"),
        members=tuple(members),
        day=_integer(file, row, "day"),
        order=_integer(file, row, "order"),
        time=_time(file, row, "time"),
    )


def _judge(file: str, row: Row) -> Judge:
    role = _cell(row, "role").casefold()
    if role not in ROLE_WORDS:
        raise FileProblemError(
            Text("peran '{v}' tidak dikenal; tulis ketua atau anggota",
                 "unknown role '{v}'; write chair or member").format(v=role),
            file=file, row=row.number, column="role",
        )  # fmt: skip
    return Judge(
        code=_cell(row, "code"),
        name=_cell(row, "name"),
        affiliation=_cell(row, "affiliation"),
        position=_cell(row, "position"),
        nip=_cell(row, "nip"),
        role=JudgeRole(ROLE_WORDS[role]),
    )


def _no_repeats(file: str, rows: list[Row], codes: list[str], column: str) -> None:
    seen: dict[str, int] = {}
    for row, code in zip(rows, codes, strict=True):
        if code in seen:
            raise FileProblemError(
                Text("kode '{c}' sudah dipakai di baris {r}", "code '{c}' already used on row {r}")
                .format(c=code, r=seen[code]),
                file=file, row=row.number, column=column,
            )  # fmt: skip
        seen[code] = row.number


def _refuse_problems(
    file: str,
    rows: list[Row],
    imported: Sequence[Team | Judge],
    merged: Sequence[Team | Judge],
    table: str,
    problems: list[tuple[str, Text]],
) -> None:
    """Report the first set-up problem at the spreadsheet row and column it comes from."""
    if not problems:
        return
    row_of = {item.code: row.number for item, row in zip(imported, rows, strict=True)}
    for where, text in problems:
        match = re.fullmatch(rf"{table}\[(\d+)\]\.?(\w*)", where)
        if match is not None:
            code = merged[int(match[1]) - 1].code
            raise FileProblemError(text, file=file, row=row_of.get(code), column=match[2] or None)
    where, text = problems[0]
    raise FileProblemError(text, file=file, column=where)
