"""The fast path of saving one score: the few plain statements and the cached rubric it uses."""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any, cast

from sqlalchemy import Connection, Executable, Table, and_, bindparam, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from juryapp.domain.access import Actor
from juryapp.domain.commands import Sheet
from juryapp.domain.kinds import SheetSource, SheetStatus, TotalFormula
from juryapp.domain.messages import StateError, Text
from juryapp.domain.model import Criterion, LevelDescriptor, same_institution
from juryapp.domain.totals import TotalRule
from juryapp.persistence.tables import (
    CategoryRow,
    ConflictRow,
    ConventionRow,
    CriterionRow,
    JudgeRow,
    LevelRow,
    ScoreRow,
    SheetRow,
    TeamRow,
    UserRow,
)
from juryapp.services import state as state_of_sheet
from juryapp.services.sheet_views import ScoreLine, SheetView

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

CONTEXT = (
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
SCORES = select(_SCORE_TABLE.c.criterion_id, _SCORE_TABLE.c.value, _SCORE_TABLE.c.note).where(
    _SCORE_TABLE.c.sheet_id == bindparam("sheet")
)
TOUCH_SHEET = (
    _SHEETS.update().where(_SHEETS.c.id == bindparam("sheet")).values(updated_at=bindparam("now"))
)


@dataclass(frozen=True)
class SaveContext:
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
    def of(cls, row: tuple[Any, ...]) -> SaveContext:
        (judge_id, judge_name, team_id, institution, title, category, sheet_id, status, source,
         note, abstained, reason, entered_by, confirmed_by, locked) = row  # fmt: skip
        return cls(
            judge_id, judge_name, team_id, institution, title, category, sheet_id, status, source,
            note, abstained, reason or "", entered_by, confirmed_by, locked,
        )  # fmt: skip


@dataclass(frozen=True)
class Rubric:
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
        self, ctx: SaveContext, scores: dict[int, tuple[Decimal | None, str]]
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

    def sheet(self, ctx: SaveContext, scores: dict[int, tuple[Decimal | None, str]]) -> Sheet:
        """The sheet as ``commands.decide`` sees it (not started when there is none)."""
        if ctx.sheet_id is None:
            return Sheet()
        codes = self.codes
        return Sheet(
            status=SheetStatus(ctx.status),
            source=SheetSource(ctx.source),
            abstained=bool(ctx.abstained),
            reason=ctx.abstain_reason,
            note=ctx.note,
            scores={codes[cid]: entry for cid, entry in scores.items()},
        )

    @functools.cached_property
    def codes(self) -> dict[int, str]:
        return {criterion_id: code for code, criterion_id in self.ids.items()}

    def value_points(self, code: str, value: Decimal) -> Fraction:
        known = self.points.get((code, value))
        if known is None:
            known = self.points[(code, value)] = self.rule.criterion_value(code, value)
        return known

    def view(
        self,
        judge_code: str,
        team_code: str,
        ctx: SaveContext,
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


def load_rubric(source: Session | Connection, key: str) -> Rubric:
    connection = source.connection() if isinstance(source, Session) else source
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
    return Rubric(
        key=key,
        criteria=tuple(criteria),
        by_code={c.code: c for c in criteria},
        ids=ids,
        rule=TotalRule.build(criteria, TotalFormula(formula) if formula else TotalFormula.RANGE),
        conflicts={judge: tuple(found) for judge, found in conflicts.items()},
    )


def created_sheet(
    connection: Connection, actor: Actor, ctx: SaveContext, now: datetime
) -> SaveContext:
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
def score_upsert(dialect: str, with_note: bool) -> Executable:
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
