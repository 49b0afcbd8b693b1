"""What a sheet and a judge's queue look like to the screens, the command line and reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from juryapp.domain.kinds import SheetSource, SheetStatus
from juryapp.domain.model import Criterion
from juryapp.domain.totals import TotalRule
from juryapp.persistence.tables import CriterionRow, JudgeRow, ScoreRow, TeamRow
from juryapp.services.sheet_rows import conflicted_team_ids, sheet_row, username_of
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


def sheet_view(session: Session, judge: JudgeRow, team: TeamRow) -> SheetView:
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
    sheet = sheet_row(session, judge, team)
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
        conflict=team.id in conflicted_team_ids(session, judge),
        entered_by=username_of(session, sheet.entered_by) if sheet is not None else "",
        confirmed_by=username_of(session, sheet.confirmed_by) if sheet is not None else "",
    )
