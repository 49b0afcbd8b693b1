"""Score sheets: judges typing scores, paper entry, submission, correction and confirmation."""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from decimal import Decimal
from fractions import Fraction
from typing import Any, NoReturn, cast

from sqlalchemy import Connection, Executable, Table, and_, bindparam, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, selectinload

from juryapp.domain.access import (
    Actor,
    require_different_person,
    require_own_sheet,
    require_secretariat,
)
from juryapp.domain.kinds import SheetSource, SheetStatus, TotalFormula
from juryapp.domain.messages import NotFoundError, PermissionDeniedError, StateError, Text
from juryapp.domain.model import Criterion, LevelDescriptor, same_institution
from juryapp.domain.totals import TotalRule
from juryapp.persistence.database import Database
from juryapp.persistence.tables import (
    CategoryRow,
    ConflictRow,
    ConventionRow,
    CriterionRow,
    DayRow,
    JudgeRow,
    LevelRow,
    ScoreRow,
    SheetRow,
    TeamRow,
    UserRow,
)
from juryapp.services import audit
from juryapp.services import state as state_of_sheet
from juryapp.services.snapshot import convention_row, criterion_of, settings_of


@dataclass(frozen=True)
class ScoreLine:
    criterion: Criterion
    value: Decimal | None
    note: str
    points: Fraction | None  # what the score adds to the total


@dataclass(frozen=True)
class SheetView:
    """One judge's sheet for one team, as the judge (or the secretariat) sees it."""

    judge_code: str
    judge_name: str
    team_code: str
    institution: str
    title: str
    category: str
    status: SheetStatus | None  # None: not started
    source: SheetSource
    lines: tuple[ScoreLine, ...]
    note: str
    total: Fraction | None
    filled: int
    abstained: bool
    conflict: bool
    entered_by: str
    confirmed_by: str

    @property
    def complete(self) -> bool:
        return self.filled == len(self.lines)

    @property
    def editable(self) -> bool:
        return self.status in (None, SheetStatus.DRAFT) and not self.conflict


@dataclass(frozen=True)
class QueueEntry:
    team_code: str
    institution: str
    title: str
    category: str
    day: int | None
    day_date: date | None
    order: int | None
    start: time | None
    status: SheetStatus | None
    filled: int
    conflict: bool


class ScoringService:
    """Every score change is its own committed transaction, with an audit event."""

    def __init__(self, database: Database) -> None:
        self._db = database
        self._rubric: _Rubric | None = None

    # -- reading -------------------------------------------------------------------------
    def queue(self, actor: Actor, judge_code: str | None = None) -> list[QueueEntry]:
        """A judge's teams in presentation order (day, order), with each sheet's state."""
        code = judge_code or actor.judge_code
        if code is None:
            raise NotFoundError(Text("pilih juri", "choose a judge"))
        require_own_sheet(actor, code, change=False)
        with self._db.reading() as session:
            judge = _judge(session, code)
            days = {d.position: d.date for d in session.scalars(select(DayRow))}
            teams = session.scalars(
                select(TeamRow)
                .options(selectinload(TeamRow.category))
                .order_by(TeamRow.day, TeamRow.order, TeamRow.code)
            ).all()
            sheets = {
                s.team_id: s
                for s in session.scalars(
                    select(SheetRow)
                    .where(SheetRow.judge_id == judge.id)
                    .options(selectinload(SheetRow.scores))
                )
            }
            conflicted = _conflicted_team_ids(session, judge)
            return [
                QueueEntry(
                    team_code=t.code,
                    institution=t.institution,
                    title=t.title,
                    category=t.category.name,
                    day=t.day,
                    day_date=days.get(t.day) if t.day else None,
                    order=t.order,
                    start=t.start,
                    status=SheetStatus(sheets[t.id].status) if t.id in sheets else None,
                    filled=sum(1 for s in sheets[t.id].scores if s.value is not None)
                    if t.id in sheets
                    else 0,
                    conflict=t.id in conflicted,
                )
                for t in teams
            ]

    def sheet(self, actor: Actor, judge_code: str, team_code: str) -> SheetView:
        require_own_sheet(actor, judge_code, change=False)
        with self._db.reading() as session:
            return _view(session, _judge(session, judge_code), _team(session, team_code))

    # -- writing -------------------------------------------------------------------------
    def set_score(
        self,
        actor: Actor,
        judge_code: str,
        team_code: str,
        criterion_code: str,
        value: Decimal | None,
        note: str | None = None,
    ) -> SheetView:
        """Save one score (or clear it with None) at once; refuses values off the scale.

        The hot path of judging: a handful of plain statements in one BEGIN IMMEDIATE
        transaction, with the rubric taken from a cache that is checked against the audit head
        (every set-up change appends an audit event, so an unchanged head means an unchanged
        rubric).
        """
        require_own_sheet(actor, judge_code)
        with self._db.writing() as session:
            connection = session.connection()
            head = audit.read_head(connection)
            rubric = self._rubric_for(session, head[1] if head is not None else "")
            context = connection.execute(
                _CONTEXT, {"judge_code": judge_code, "team_code": team_code}
            ).first()
            if context is None:  # one of the two codes is unknown: say which
                _judge(session, judge_code)
                _team(session, team_code)
                raise NotFoundError(
                    Text("tim '{c}' tidak dikenal", "unknown team '{c}'").format(c=team_code)
                )
            ctx = _Context.of(tuple(context))
            criterion = rubric.by_code.get(criterion_code)
            if criterion is None:
                raise NotFoundError(
                    Text("kriteria '{c}' tidak dikenal", "unknown criterion '{c}'").format(
                        c=criterion_code
                    )
                )
            if value is not None:
                criterion.check_score(value)
            if ctx.locked is None:
                convention_row(session)  # raises: there is no convention
            if ctx.locked:
                _raise_locked()
            if rubric.conflicted(ctx.judge_id, ctx.team_id, ctx.institution):
                _raise_conflict(judge_code, team_code)
            now = audit.now()
            if ctx.sheet_id is None:
                ctx = _created_sheet(connection, actor, ctx, now)
                scores: dict[int, tuple[Decimal | None, str]] = {}
            else:
                _refuse_uneditable(actor, ctx.status, ctx.source)
                scores = {
                    cid: (v, n)
                    for cid, v, n in connection.execute(_SCORES, {"sheet": ctx.sheet_id})
                }
            criterion_id = rubric.ids[criterion_code]
            old, old_note = scores.get(criterion_id, (None, ""))
            connection.execute(
                _score_upsert(connection.dialect.name, note is not None),
                {
                    "sheet_id": ctx.sheet_id,
                    "criterion_id": criterion_id,
                    "value": value,
                    "note": note if note is not None else "",
                    "updated_at": now,
                    "updated_by": actor.user_id,
                    "checked": False,
                },
            )
            scores[criterion_id] = (value, note if note is not None else old_note)
            connection.execute(_TOUCH_SHEET, {"sheet": ctx.sheet_id, "now": now})
            key = audit.append_after(
                connection,
                head,
                actor,
                "score.set",
                f"{judge_code}/{team_code}/{criterion_code}",
                old=old,
                new=value,
                source=ctx.source,
                sheets={f"{judge_code}/{team_code}": rubric.state(ctx, scores)},
            )
            # A score changes no set-up: the rubric stays valid under the new head.
            self._rubric = replace(rubric, key=key)
            return rubric.view(judge_code, team_code, ctx, scores)

    def _rubric_for(self, session: Session, key: str) -> _Rubric:
        rubric = self._rubric
        if rubric is None or rubric.key != key or not key:
            rubric = _load_rubric(session, key)
            self._rubric = rubric
        return rubric

    def set_note(self, actor: Actor, judge_code: str, team_code: str, note: str) -> None:
        require_own_sheet(actor, judge_code)
        with self._db.writing() as session:
            judge, team = _judge(session, judge_code), _team(session, team_code)
            sheet = _editable_sheet(session, actor, judge, team)
            sheet.note, sheet.updated_at = note, audit.now()
            audit.record_sheets(
                session, actor, "sheet.note", f"{judge_code}/{team_code}", [sheet.id]
            )

    def submit(self, actor: Actor, judge_code: str, team_code: str) -> SheetView:
        """Hand in a complete sheet; after this only the secretariat can change it."""
        require_own_sheet(actor, judge_code)
        with self._db.writing() as session:
            judge, team = _judge(session, judge_code), _team(session, team_code)
            sheet = _editable_sheet(session, actor, judge, team)
            view = _view(session, judge, team)
            if not view.complete:
                missing = ", ".join(ln.criterion.code for ln in view.lines if ln.value is None)
                raise StateError(
                    Text(
                        "lembar belum lengkap; belum ada skor untuk {m}",
                        "the sheet is incomplete; no score yet for {m}",
                    ).format(m=missing)
                )
            sheet.status, sheet.submitted_at = SheetStatus.SUBMITTED.value, audit.now()
            audit.record_sheets(
                session, actor, "sheet.submit", f"{judge_code}/{team_code}", [sheet.id]
            )
            session.flush()
            return _view(session, judge, team)

    def confirm(self, actor: Actor, judge_code: str, team_code: str) -> SheetView:
        """The secretariat's check of a submitted sheet, by someone who did not type it."""
        require_secretariat(actor)
        with self._db.writing() as session:
            _refuse_if_locked(session)
            judge, team = _judge(session, judge_code), _team(session, team_code)
            sheet = _sheet(session, judge, team)
            if sheet is None or sheet.status != SheetStatus.SUBMITTED.value:
                raise StateError(
                    Text(
                        "hanya lembar yang sudah diserahkan yang dapat dikonfirmasi",
                        "only a submitted sheet can be confirmed",
                    )
                )
            # Nobody who typed, imported or corrected a value that no one else has checked yet
            # may confirm a sheet; with two secretariat users the other one always can.
            for typed_by in _unchecked_typists(session, sheet):
                require_different_person(actor, typed_by, _username(session, typed_by))
            sheet.status, sheet.confirmed_by = SheetStatus.CONFIRMED.value, actor.user_id
            sheet.confirmed_at = audit.now()
            session.execute(
                update(ScoreRow).where(ScoreRow.sheet_id == sheet.id).values(checked=True)
            )
            audit.record_sheets(
                session, actor, "sheet.confirm", f"{judge_code}/{team_code}", [sheet.id]
            )
            session.flush()
            return _view(session, judge, team)

    def correct(
        self,
        actor: Actor,
        judge_code: str,
        team_code: str,
        criterion_code: str,
        value: Decimal,
        reason: str,
    ) -> SheetView:
        """Change a score on a handed-in sheet; the old value and the reason stay in the trail."""
        require_secretariat(actor)
        if not reason.strip():
            raise StateError(Text("alasan koreksi wajib diisi", "a correction needs a reason"))
        with self._db.writing() as session:
            _refuse_if_locked(session)
            judge, team = _judge(session, judge_code), _team(session, team_code)
            criterion_row = _criterion(session, criterion_code)
            criterion_of(criterion_row).check_score(value)
            sheet = _sheet(session, judge, team)
            if sheet is None or sheet.status == SheetStatus.DRAFT.value:
                raise StateError(
                    Text(
                        "lembar ini belum diserahkan; juri dapat mengubahnya sendiri",
                        "this sheet is not handed in yet; the judge can still change it",
                    )
                )
            score = session.scalar(
                select(ScoreRow).where(
                    ScoreRow.sheet_id == sheet.id, ScoreRow.criterion_id == criterion_row.id
                )
            )
            if score is None:  # a criterion added to the rubric after the sheet was handed in
                score = ScoreRow(sheet_id=sheet.id, criterion_id=criterion_row.id, note="")
                session.add(score)
            old = score.value
            score.value, score.updated_at, score.updated_by = value, audit.now(), actor.user_id
            score.checked = False
            # A corrected sheet needs a fresh confirmation by someone else.
            sheet.status, sheet.confirmed_by, sheet.confirmed_at = "submitted", None, None
            sheet.corrected_by, sheet.updated_at = actor.user_id, audit.now()
            audit.record_sheets(
                session,
                actor,
                "score.correct",
                f"{judge_code}/{team_code}/{criterion_code}",
                [sheet.id],
                old=old,
                new=value,
                reason=reason,
            )
            session.flush()
            return _view(session, judge, team)

    def reopen(self, actor: Actor, judge_code: str, team_code: str, reason: str) -> None:
        """Give a handed-in sheet back to its judge as a draft, with a reason on record."""
        require_secretariat(actor)
        if not reason.strip():
            raise StateError(Text("alasan wajib diisi", "a reason is required"))
        with self._db.writing() as session:
            _refuse_if_locked(session)
            sheet = _sheet(session, _judge(session, judge_code), _team(session, team_code))
            if sheet is None:
                raise NotFoundError(Text("lembar belum ada", "there is no such sheet yet"))
            sheet.status, sheet.confirmed_by, sheet.confirmed_at = "draft", None, None
            sheet.submitted_at, sheet.updated_at = None, audit.now()
            audit.record_sheets(
                session,
                actor,
                "sheet.reopen",
                f"{judge_code}/{team_code}",
                [sheet.id],
                reason=reason,
            )

    def abstain(self, actor: Actor, judge_code: str, team_code: str, reason: str) -> None:
        """Record that a judge does not score a team (excluded, never counted as zero)."""
        require_secretariat(actor)
        with self._db.writing() as session:
            _refuse_if_locked(session)
            record_abstention(session, actor, judge_code, team_code, reason)


def record_abstention(
    session: Session, actor: Actor, judge_code: str, team_code: str, reason: str
) -> None:
    """``abstain`` inside the caller's write transaction (an import or a set-up records
    abstentions among other changes, all or none); an empty reason lifts the abstention."""
    judge, team = _judge(session, judge_code), _team(session, team_code)
    sheet = _sheet(session, judge, team) or _new_sheet(session, actor, judge, team)
    sheet.abstained, sheet.abstain_reason = bool(reason.strip()), reason.strip()
    sheet.updated_at = audit.now()
    audit.record_sheets(
        session, actor, "sheet.abstain", f"{judge_code}/{team_code}", [sheet.id], reason=reason
    )


# -- helpers ---------------------------------------------------------------------------------
def _judge(session: Session, code: str) -> JudgeRow:
    row = session.scalar(select(JudgeRow).where(JudgeRow.code == code))
    if row is None:
        raise NotFoundError(Text("juri '{c}' tidak dikenal", "unknown judge '{c}'").format(c=code))
    return row


def _team(session: Session, code: str) -> TeamRow:
    row = session.scalar(
        select(TeamRow).where(TeamRow.code == code).options(selectinload(TeamRow.category))
    )
    if row is None:
        raise NotFoundError(Text("tim '{c}' tidak dikenal", "unknown team '{c}'").format(c=code))
    return row


def _criterion(session: Session, code: str) -> CriterionRow:
    row = session.scalar(
        select(CriterionRow)
        .where(CriterionRow.code == code)
        .options(selectinload(CriterionRow.levels))
    )
    if row is None:
        raise NotFoundError(
            Text("kriteria '{c}' tidak dikenal", "unknown criterion '{c}'").format(c=code)
        )
    return row


def _sheet(session: Session, judge: JudgeRow, team: TeamRow) -> SheetRow | None:
    return session.scalar(
        select(SheetRow).where(SheetRow.judge_id == judge.id, SheetRow.team_id == team.id)
    )


def _unchecked_typists(session: Session, sheet: SheetRow) -> list[int]:
    """Everyone who typed, imported or corrected a value nobody else has checked yet.

    A cleared value keeps its row and its typist, so clearing does not escape the rule.
    """
    people = set(
        session.scalars(
            select(ScoreRow.updated_by)
            .where(ScoreRow.sheet_id == sheet.id, ScoreRow.checked.is_(False))
            .distinct()
        )
    )
    return sorted(p for p in people if p is not None)


def _username(session: Session, user_id: int | None) -> str:
    if user_id is None:
        return ""
    return session.scalar(select(UserRow.display_name).where(UserRow.id == user_id)) or ""


def _conflicted_team_ids(session: Session, judge: JudgeRow) -> set[int]:
    ids: set[int] = set()
    conflicts = session.scalars(select(ConflictRow).where(ConflictRow.judge_id == judge.id)).all()
    if not conflicts:
        return ids
    teams = session.execute(select(TeamRow.id, TeamRow.institution)).all()
    for conflict in conflicts:
        if conflict.team_id is not None:
            ids.add(conflict.team_id)
        elif conflict.institution:
            ids.update(i for i, inst in teams if same_institution(inst, conflict.institution))
    return ids


def _refuse_if_locked(session: Session) -> None:
    if convention_row(session).results_locked:
        _raise_locked()


def _raise_locked() -> NoReturn:
    raise StateError(
        Text(
            "hasil sudah dikunci; nilai tidak dapat diubah",
            "the results are locked; scores cannot change",
        )
    )


def _raise_conflict(judge_code: str, team_code: str) -> NoReturn:
    raise PermissionDeniedError(
        Text(
            "juri {j} memiliki konflik kepentingan dengan {t} dan tidak menilainya",
            "judge {j} has a conflict of interest with {t} and does not score it",
        ).format(j=judge_code, t=team_code)
    )


def _new_sheet(session: Session, actor: Actor, judge: JudgeRow, team: TeamRow) -> SheetRow:
    paper = actor.is_secretariat
    sheet = SheetRow(
        judge_id=judge.id,
        team_id=team.id,
        status=SheetStatus.DRAFT.value,
        source=(SheetSource.PAPER if paper else SheetSource.JUDGE).value,
        entered_by=actor.user_id if paper else None,
        note="",
        abstain_reason="",
        updated_at=audit.now(),
    )
    session.add(sheet)
    session.flush()
    return sheet


def _editable_sheet(session: Session, actor: Actor, judge: JudgeRow, team: TeamRow) -> SheetRow:
    _refuse_if_locked(session)
    if team.id in _conflicted_team_ids(session, judge):
        _raise_conflict(judge.code, team.code)
    sheet = _sheet(session, judge, team)
    if sheet is None:
        return _new_sheet(session, actor, judge, team)
    _refuse_uneditable(actor, sheet.status, sheet.source)
    return sheet


def _refuse_uneditable(actor: Actor, status: str, source: str) -> None:
    """Only a draft is edited, and only from where it is being typed (laptop or paper)."""
    if status != SheetStatus.DRAFT.value:
        raise StateError(
            Text(
                "lembar sudah diserahkan; perubahan hanya melalui sekretariat dengan alasan",
                "the sheet is handed in; only the secretariat can change it, with a reason",
            )
        )
    if actor.is_secretariat and source == SheetSource.JUDGE.value:
        raise StateError(
            Text(
                "juri sedang mengisi lembar ini di laptop; jangan ketik ulang dari kertas",
                "the judge is filling this sheet at a laptop; do not type it again from paper",
            )
        )
    if not actor.is_secretariat and source == SheetSource.PAPER.value:
        raise StateError(
            Text(
                "lembar ini diisi sekretariat dari formulir kertas",
                "the secretariat is typing this sheet from a paper form",
            )
        )


def _view(session: Session, judge: JudgeRow, team: TeamRow) -> SheetView:
    convention = convention_row(session)
    criteria = [
        criterion_of(c)
        for c in session.scalars(
            select(CriterionRow)
            .options(selectinload(CriterionRow.levels))
            .order_by(CriterionRow.position)
        )
    ]
    rule = TotalRule.build(criteria, settings_of(convention).total_formula)
    sheet = _sheet(session, judge, team)
    by_criterion: dict[int, ScoreRow] = {}
    if sheet is not None:
        by_criterion = {
            s.criterion_id: s
            for s in session.scalars(select(ScoreRow).where(ScoreRow.sheet_id == sheet.id))
        }
    ids = dict(session.execute(select(CriterionRow.code, CriterionRow.id)).all())
    lines = []
    values: dict[str, Decimal] = {}
    for criterion in criteria:
        score = by_criterion.get(ids[criterion.code])
        value = score.value if score is not None else None
        if value is not None:
            values[criterion.code] = value
        lines.append(
            ScoreLine(
                criterion=criterion,
                value=value,
                note=score.note if score is not None else "",
                points=rule.criterion_value(criterion.code, value) if value is not None else None,
            )
        )
    return SheetView(
        judge_code=judge.code,
        judge_name=judge.name,
        team_code=team.code,
        institution=team.institution,
        title=team.title,
        category=team.category.name,
        status=SheetStatus(sheet.status) if sheet is not None else None,
        source=SheetSource(sheet.source) if sheet is not None else SheetSource.JUDGE,
        lines=tuple(lines),
        note=sheet.note if sheet is not None else "",
        total=rule.total(values),
        filled=len(values),
        abstained=bool(sheet and sheet.abstained),
        conflict=team.id in _conflicted_team_ids(session, judge),
        entered_by=_username(session, sheet.entered_by) if sheet is not None else "",
        confirmed_by=_username(session, sheet.confirmed_by) if sheet is not None else "",
    )


# -- the fast path of set_score ----------------------------------------------------------------
_CONVENTIONS = cast(Table, ConventionRow.__table__)
_CRITERIA = cast(Table, CriterionRow.__table__)
_LEVELS = cast(Table, LevelRow.__table__)
_CONFLICTS = cast(Table, ConflictRow.__table__)
_JUDGES = cast(Table, JudgeRow.__table__)
_TEAMS = cast(Table, TeamRow.__table__)
_CATEGORIES = cast(Table, CategoryRow.__table__)
_SHEETS = cast(Table, SheetRow.__table__)
_SCORE_TABLE = cast(Table, ScoreRow.__table__)
_USERS = cast(Table, UserRow.__table__)
_ENTERED = _USERS.alias("entered_by_user")
_CONFIRMED = _USERS.alias("confirmed_by_user")

_CONTEXT = (
    select(
        _JUDGES.c.id,
        _JUDGES.c.name,
        _TEAMS.c.id,
        _TEAMS.c.institution,
        _TEAMS.c.title,
        _CATEGORIES.c.name,
        _SHEETS.c.id,
        _SHEETS.c.status,
        _SHEETS.c.source,
        _SHEETS.c.note,
        _SHEETS.c.abstained,
        _SHEETS.c.abstain_reason,
        _ENTERED.c.display_name,
        _CONFIRMED.c.display_name,
        select(_CONVENTIONS.c.results_locked).limit(1).scalar_subquery(),
    )
    .select_from(
        _JUDGES.join(_TEAMS, _TEAMS.c.code == bindparam("team_code"))
        .join(_CATEGORIES, _CATEGORIES.c.id == _TEAMS.c.category_id)
        .outerjoin(
            _SHEETS, and_(_SHEETS.c.judge_id == _JUDGES.c.id, _SHEETS.c.team_id == _TEAMS.c.id)
        )
        .outerjoin(_ENTERED, _ENTERED.c.id == _SHEETS.c.entered_by)
        .outerjoin(_CONFIRMED, _CONFIRMED.c.id == _SHEETS.c.confirmed_by)
    )
    .where(_JUDGES.c.code == bindparam("judge_code"))
)
_SCORES = select(_SCORE_TABLE.c.criterion_id, _SCORE_TABLE.c.value, _SCORE_TABLE.c.note).where(
    _SCORE_TABLE.c.sheet_id == bindparam("sheet")
)
_TOUCH_SHEET = (
    _SHEETS.update().where(_SHEETS.c.id == bindparam("sheet")).values(updated_at=bindparam("now"))
)


@dataclass(frozen=True)
class _Context:
    """Who, which team and which sheet one save is about, read in one statement."""

    judge_id: int
    judge_name: str
    team_id: int
    institution: str
    title: str
    category: str
    sheet_id: int | None
    status: str
    source: str
    note: str
    abstained: bool
    abstain_reason: str
    entered_by: str | None
    confirmed_by: str | None
    locked: bool | None  # None: there is no convention

    @classmethod
    def of(cls, row: tuple[Any, ...]) -> _Context:
        (judge_id, judge_name, team_id, institution, title, category, sheet_id, status, source,
         note, abstained, reason, entered_by, confirmed_by, locked) = row  # fmt: skip
        return cls(
            judge_id, judge_name, team_id, institution, title, category, sheet_id, status, source,
            note, abstained, reason or "", entered_by, confirmed_by, locked,
        )  # fmt: skip


@dataclass(frozen=True)
class _Rubric:
    """The set-up a save checks against, valid while the audit head stays at ``key``."""

    key: str
    criteria: tuple[Criterion, ...]
    by_code: dict[str, Criterion]
    ids: dict[str, int]
    rule: TotalRule
    conflicts: dict[int, tuple[tuple[int | None, str | None], ...]]
    points: dict[tuple[str, Decimal], Fraction] = field(default_factory=dict)

    def conflicted(self, judge_id: int, team_id: int, institution: str) -> bool:
        for team, other in self.conflicts.get(judge_id, ()):
            if team is not None:
                if team == team_id:
                    return True
            elif other and same_institution(institution, other):
                return True
        return False

    def state(
        self, ctx: _Context, scores: dict[int, tuple[Decimal | None, str]]
    ) -> state_of_sheet.SheetState:
        """The sheet's state after a save, for the audit event (see ``services.state``)."""
        codes = {criterion_id: code for code, criterion_id in self.ids.items()}
        return state_of_sheet.state_of(
            ctx.status,
            bool(ctx.abstained),
            ctx.abstain_reason,
            ctx.note,
            {codes[cid]: [state_of_sheet.fact(v), n] for cid, (v, n) in scores.items()},
        )

    def value_points(self, code: str, value: Decimal) -> Fraction:
        known = self.points.get((code, value))
        if known is None:
            known = self.points[(code, value)] = self.rule.criterion_value(code, value)
        return known

    def view(
        self,
        judge_code: str,
        team_code: str,
        ctx: _Context,
        scores: dict[int, tuple[Decimal | None, str]],
    ) -> SheetView:
        lines = []
        values: dict[str, Decimal] = {}
        for criterion in self.criteria:
            value, note = scores.get(self.ids[criterion.code], (None, ""))
            if value is not None:
                values[criterion.code] = value
            lines.append(
                ScoreLine(
                    criterion=criterion,
                    value=value,
                    note=note,
                    points=self.value_points(criterion.code, value) if value is not None else None,
                )
            )
        return SheetView(
            judge_code=judge_code,
            judge_name=ctx.judge_name,
            team_code=team_code,
            institution=ctx.institution,
            title=ctx.title,
            category=ctx.category,
            status=SheetStatus(ctx.status),
            source=SheetSource(ctx.source),
            lines=tuple(lines),
            note=ctx.note,
            total=self.rule.total(values),
            filled=len(values),
            abstained=ctx.abstained,
            conflict=False,  # a conflicted sheet is refused before it is saved
            entered_by=ctx.entered_by or "",
            confirmed_by=ctx.confirmed_by or "",
        )


def _load_rubric(session: Session, key: str) -> _Rubric:
    connection = session.connection()
    formula = connection.execute(select(_CONVENTIONS.c.total_formula).limit(1)).scalar()
    levels: dict[int, list[LevelDescriptor]] = defaultdict(list)
    for criterion_id, *level in connection.execute(
        select(
            _LEVELS.c.criterion_id,
            _LEVELS.c.score,
            _LEVELS.c.label,
            _LEVELS.c.label_en,
            _LEVELS.c.description,
            _LEVELS.c.description_en,
        ).order_by(_LEVELS.c.criterion_id, _LEVELS.c.score)
    ):
        levels[criterion_id].append(LevelDescriptor(*level))
    ids: dict[str, int] = {}
    criteria = []
    for row in connection.execute(
        select(
            _CRITERIA.c.id,
            _CRITERIA.c.code,
            _CRITERIA.c.name,
            _CRITERIA.c.name_en,
            _CRITERIA.c.description,
            _CRITERIA.c.description_en,
            _CRITERIA.c.weight,
            _CRITERIA.c.scale_min,
            _CRITERIA.c.scale_max,
            _CRITERIA.c.scale_step,
        ).order_by(_CRITERIA.c.position)
    ):
        ids[row[1]] = row[0]
        criteria.append(
            Criterion(
                code=row[1],
                name=row[2],
                name_en=row[3],
                description=row[4],
                description_en=row[5],
                weight=row[6],
                scale_min=row[7],
                scale_max=row[8],
                scale_step=row[9],
                levels=tuple(levels.get(row[0], ())),
            )
        )
    conflicts: dict[int, list[tuple[int | None, str | None]]] = defaultdict(list)
    for judge_id, team_id, institution in connection.execute(
        select(_CONFLICTS.c.judge_id, _CONFLICTS.c.team_id, _CONFLICTS.c.institution)
    ):
        conflicts[judge_id].append((team_id, institution))
    return _Rubric(
        key=key,
        criteria=tuple(criteria),
        by_code={c.code: c for c in criteria},
        ids=ids,
        rule=TotalRule.build(criteria, TotalFormula(formula) if formula else TotalFormula.RANGE),
        conflicts={judge: tuple(found) for judge, found in conflicts.items()},
    )


def _created_sheet(connection: Connection, actor: Actor, ctx: _Context, now: datetime) -> _Context:
    """A new draft sheet, typed on paper by the secretariat or at a laptop by the judge."""
    paper = actor.is_secretariat
    source = (SheetSource.PAPER if paper else SheetSource.JUDGE).value
    entered = actor.user_id if paper else None
    result = connection.execute(
        _SHEETS.insert(),
        {
            "judge_id": ctx.judge_id,
            "team_id": ctx.team_id,
            "status": SheetStatus.DRAFT.value,
            "source": source,
            "entered_by": entered,
            "note": "",
            "abstain_reason": "",
            "abstained": False,
            "updated_at": now,
        },
    )
    inserted = result.inserted_primary_key
    if inserted is None:  # pragma: no cover - every supported dialect reports the new id
        raise StateError(Text("lembar baru tanpa nomor", "the new sheet got no id"))
    name = None
    if entered is not None:
        name = connection.execute(
            select(_USERS.c.display_name).where(_USERS.c.id == entered)
        ).scalar()
    return replace(
        ctx,
        sheet_id=inserted[0],
        status=SheetStatus.DRAFT.value,
        source=source,
        note="",
        abstained=False,
        abstain_reason="",
        entered_by=name,
        confirmed_by=None,
    )


@functools.cache
def _score_upsert(dialect: str, with_note: bool) -> Executable:
    """INSERT … ON CONFLICT (sheet, criterion) DO UPDATE for SQLite and PostgreSQL."""
    make = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = make(_SCORE_TABLE)
    changes = {
        "value": statement.excluded.value,
        "updated_at": statement.excluded.updated_at,
        "updated_by": statement.excluded.updated_by,
        "checked": statement.excluded.checked,
    }
    if with_note:
        changes["note"] = statement.excluded.note
    return statement.on_conflict_do_update(
        index_elements=[_SCORE_TABLE.c.sheet_id, _SCORE_TABLE.c.criterion_id], set_=changes
    )
