"""Paper scores and abstentions from a spreadsheet: every row checked, then only what changed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import (
    Boolean,
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

from juryapp.domain.access import Actor
from juryapp.domain.formatting import parse_decimal
from juryapp.domain.kinds import SheetSource, SheetStatus
from juryapp.domain.messages import FileProblemError, JuryError, Text, shown
from juryapp.domain.model import Criterion
from juryapp.domain.validation import text_problem
from juryapp.interchange.tabular import Row
from juryapp.persistence.tables import CriterionRow, JudgeRow, ScoreRow, SheetRow, TeamRow
from juryapp.persistence.types import DecimalText
from juryapp.services import audit
from juryapp.services.handing_in import record_abstention
from juryapp.services.snapshot import load_spec


@dataclass(frozen=True)
class ScoreChanges:
    """What one import of scores changed; all zero but ``unchanged`` for a replayed file."""

    added: int
    changed: int
    unchanged: int
    abstained: int
    sheet_ids: frozenset[int] = frozenset()  # the sheets whose scores it wrote

    @property
    def any(self) -> bool:
        return bool(self.added or self.changed or self.abstained)


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
    checked=bindparam("checked", type_=Boolean),
)
_CHANGE_SCORES = (
    _SCORES.update()
    .where(_SCORES.c.id == bindparam("score_id"))
    .values(
        value=bindparam("text", type_=String),
        note=bindparam("new_note"),
        updated_at=bindparam("at", type_=DateTime),
        # whoever overwrites a value has typed it, and may not confirm the sheet
        updated_by=bindparam("by", type_=Integer),
        checked=bindparam("checked", type_=Boolean),
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


@dataclass
class _Sheet:
    """What the file says about one judge × team sheet: scores, or an abstention."""

    scores: dict[str, tuple[Decimal, str, int]] = field(default_factory=dict)
    abstain: tuple[str, int] | None = None  # (reason, row)


class ScorePlan:
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
        self.sheets: dict[tuple[str, str], _Sheet] = defaultdict(_Sheet)
        # (criterion, score as typed) -> (the score, its stored text), filled as rows pass
        self.checked: dict[tuple[str, str], tuple[Decimal, str]] = {}
        self.texts: dict[Decimal, str] = {}
        self.score_heading = "score"  # as the file names the column

    def fail(self, row: Row, column: str, text: Text) -> FileProblemError:
        return FileProblemError(text, file=self.file, row=row.number, column=row.heading(column))

    def add(self, row: Row) -> None:
        values = row.values
        self.score_heading = row.heading("score")
        judge, team = values["judge"], values["team"]
        if judge not in self.judge_ids:
            raise self.unknown(row, "judge", _JUDGE, judge)
        if team not in self.team_ids:
            raise self.unknown(row, "team", _TEAM, team)
        if (judge, team) in self.conflicts:
            raise self.fail(
                row,
                "judge",
                Text("juri {j} memiliki konflik kepentingan dengan tim {t}",
                     "judge {j} has a conflict of interest with team {t}").format(j=judge, t=team),
            )  # fmt: skip
        for key, lines in (("note", True), ("abstain", False)):
            problem = text_problem(values.get(key, ""), lines=lines)
            if problem is not None:
                raise self.fail(row, key, problem)
        sheet = self.sheets[(judge, team)]
        if values.get("abstain", ""):
            self.add_abstention(row, judge, team, sheet)
        else:
            self.add_score(row, judge, team, sheet)

    def add_abstention(self, row: Row, judge: str, team: str, sheet: _Sheet) -> None:
        values = row.values
        reason = values["abstain"]
        if values["score"]:
            raise self.fail(
                row,
                "abstain",
                Text("isi skor atau alasan tidak menilai, bukan keduanya",
                     "give a score or a reason for not scoring, not both"),
            )  # fmt: skip
        if sheet.scores:
            first = min(number for _, _, number in sheet.scores.values())
            raise self.fail(row, "abstain", _scores_and_abstention(judge, team, first))
        if sheet.abstain is not None and sheet.abstain[0] != reason:
            raise self.fail(
                row,
                "abstain",
                Text("alasan lain untuk {j}/{t} sudah ada di baris {r}",
                     "another reason for {j}/{t} is given on row {r}").format(
                    j=judge, t=team, r=sheet.abstain[1]),
            )  # fmt: skip
        if sheet.abstain is None:
            sheet.abstain = (reason, row.number)

    def add_score(self, row: Row, judge: str, team: str, sheet: _Sheet) -> None:
        values = row.values
        code, typed = values["criterion"], values["score"]
        if not code:
            raise self.fail(row, "criterion", _EMPTY.format(what=_CRITERION))
        if code not in self.criterion_ids:
            raise self.unknown(row, "criterion", _CRITERION, code)
        if not typed:
            raise self.fail(row, "score", _NO_SCORE)
        if sheet.abstain is not None:
            raise self.fail(row, "score", _scores_and_abstention(judge, team, sheet.abstain[1]))
        known = self.checked.get((code, typed))
        if known is None:
            known = self.check(row, code, typed)
        if code in sheet.scores:
            raise self.fail(
                row,
                "criterion",
                Text("skor {j}/{t}/{c} sudah ada di baris {r}",
                     "score {j}/{t}/{c} already given on row {r}").format(
                    j=judge, t=team, c=code, r=sheet.scores[code][2]),
            )  # fmt: skip
        sheet.scores[code] = (known[0], values.get("note", ""), row.number)

    def unknown(self, row: Row, column: str, noun: Text, value: str) -> FileProblemError:
        return self.fail(
            row,
            column,
            Text("{n} '{v}' tidak dikenal", "unknown {n} '{v}'").format(n=noun, v=shown(value)),
        )

    def check(self, row: Row, code: str, typed: str) -> tuple[Decimal, str]:
        try:
            score = parse_decimal(typed)
        except ValueError:
            raise self.fail(
                row,
                "score",
                Text("'{v}' bukan angka; tulis misalnya 4 atau 4,5",
                     "'{v}' is not a number; write e.g. 4 or 4.5").format(v=shown(typed)),
            ) from None  # fmt: skip
        try:
            self.criteria[code].check_score(score)
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

    def apply(self, actor: Actor) -> ScoreChanges:
        """Write what differs from the store: equal scores, notes and abstentions are left
        as they are (no new time, no audit event), and an empty note keeps the stored one."""
        abstained = self._abstentions(actor)
        scored = {key: sheet for key, sheet in self.sheets.items() if sheet.scores}
        connection = self.connection
        now = audit.now()
        sheets = self._sheets(actor, now, scored)
        stored: dict[tuple[int, int], tuple[int, str | None, str]] = {
            (sheet_id, criterion_id): (score_id, value, note)
            for score_id, sheet_id, criterion_id, value, note in connection.execute(
                select(
                    _SCORES.c.id,
                    _SCORES.c.sheet_id,
                    _SCORES.c.criterion_id,
                    type_coerce(_SCORES.c.value, String),
                    _SCORES.c.note,
                )
            )
        }
        added = changed = unchanged = 0
        new_scores: list[tuple[object, ...]] = []
        changed_scores: list[tuple[object, ...]] = []
        touched: set[int] = set()
        for (judge, team), planned in scored.items():
            sheet_id, status, source = sheets[(self.judge_ids[judge], self.team_ids[team])]
            open_paper = status == SheetStatus.DRAFT.value and source == SheetSource.PAPER.value
            for code, (value, note, number) in planned.scores.items():
                existing = stored.get((sheet_id, self.criterion_ids[code]))
                if existing is not None:
                    kept_note = note or existing[2]
                    if (
                        existing[1] is not None
                        and Decimal(existing[1]) == value
                        and kept_note == existing[2]
                    ):
                        unchanged += 1
                        continue
                if not open_paper:
                    raise FileProblemError(
                        Text("lembar {j}/{t} sudah diserahkan atau diisi juri; ubah lewat koreksi",
                             "sheet {j}/{t} is handed in or typed by the judge; use a correction")
                        .format(j=judge, t=team),
                        file=self.file, row=number, column=self.score_heading,
                    )  # fmt: skip
                touched.add(sheet_id)
                if existing is None:
                    new_scores.append((sheet_id, self.criterion_ids[code], self.text(value), note))
                    added += 1
                else:
                    changed_scores.append((existing[0], self.text(value), kept_note))
                    changed += 1
        self._write(actor, now, new_scores, changed_scores, touched)
        return ScoreChanges(added, changed, unchanged, abstained, frozenset(touched))

    def _write(
        self,
        actor: Actor,
        now: datetime,
        new_scores: list[tuple[object, ...]],
        changed_scores: list[tuple[object, ...]],
        touched: set[int],
    ) -> None:
        connection = self.connection
        # an imported value is typed by whoever imports it, and checked by somebody else
        constants: dict[str, object] = {"at": now, "by": actor.user_id, "checked": False}
        if new_scores:
            adding = ("sheet_id", "criterion_id", "text", "note")
            _execute_many(connection, _ADD_SCORES, adding, new_scores, constants)
        if changed_scores:
            changing = ("score_id", "text", "new_note")
            _execute_many(connection, _CHANGE_SCORES, changing, changed_scores, constants)
        if touched:
            connection.execute(_TOUCH_SHEETS, [{"sheet_id": s, "at": now} for s in touched])
            self._hand_in_complete(touched)

    def _abstentions(self, actor: Actor) -> int:
        """Record each abstention the store does not hold yet, the way ``abstain`` does."""
        wanted = {key: sheet.abstain for key, sheet in self.sheets.items() if sheet.abstain}
        if not wanted:
            return 0
        current = {
            (judge, team): (abstained, reason)
            for judge, team, abstained, reason in self.session.execute(
                select(JudgeRow.code, TeamRow.code, SheetRow.abstained, SheetRow.abstain_reason)
                .join(JudgeRow, JudgeRow.id == SheetRow.judge_id)
                .join(TeamRow, TeamRow.id == SheetRow.team_id)
            )
        }
        count = 0
        for (judge, team), found in wanted.items():
            if found is None or current.get((judge, team)) == (True, found[0]):
                continue
            record_abstention(self.session, actor, judge, team, found[0])
            count += 1
        return count

    def _sheets(
        self, actor: Actor, now: datetime, scored: dict[tuple[str, str], _Sheet]
    ) -> dict[tuple[int, int], tuple[int, str, str]]:
        """(judge id, team id) -> (sheet id, status, source), adding the missing paper sheets."""
        connection = self.connection
        read: Callable[[], Any] = lambda: connection.execute(  # noqa: E731
            select(
                _SHEETS.c.id, _SHEETS.c.judge_id, _SHEETS.c.team_id, _SHEETS.c.status,
                _SHEETS.c.source,
            )
        )  # fmt: skip
        sheets = {(j, t): (s, status, source) for s, j, t, status, source in read()}
        keys = {(self.judge_ids[j], self.team_ids[t]) for j, t in scored}
        missing = [key for key in keys if key not in sheets]
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
            sheets = {(j, t): (s, status, source) for s, j, t, status, source in read()}
        return sheets

    def _hand_in_complete(self, touched: set[int]) -> None:
        """A paper sheet this import completed waits for the second person's check."""
        connection = self.connection
        counts: dict[int, int] = dict(
            connection.execute(
                select(_SCORES.c.sheet_id, func.count())
                .where(_SCORES.c.value.is_not(None))
                .group_by(_SCORES.c.sheet_id)
            ).all()
        )
        now = audit.now()
        complete = [
            {"sheet_id": sheet_id, "at": now}
            for (sheet_id,) in connection.execute(
                select(_SHEETS.c.id).where(
                    _SHEETS.c.status == SheetStatus.DRAFT.value,
                    _SHEETS.c.source == SheetSource.PAPER.value,
                )
            )
            # in Python, not SQL: tens of thousands of ids would pass SQLite's variable limit
            if sheet_id in touched and counts.get(sheet_id, 0) == len(self.criteria)
        ]
        if complete:
            connection.execute(_HAND_IN, complete)


_EMPTY = Text("{what} wajib diisi pada baris skor", "a score row needs its {what}")
_NO_SCORE = Text(
    "skor kosong; isi skor, atau alasan di kolom tidak menilai bila juri tidak menilai tim ini",
    "the score is empty; give a score, or a reason in the abstain column if the judge did not "
    "score this team",
)


def _scores_and_abstention(judge: str, team: str, other_row: int) -> Text:
    return Text(
        "baris {r} berkata lain tentang {j}/{t}: juri yang tidak menilai tidak memberi skor",
        "row {r} says otherwise about {j}/{t}: a judge who does not score gives no scores",
    ).format(r=other_row, j=judge, t=team)


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
