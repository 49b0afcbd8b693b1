"""Reading the stored convention back as plain domain data (no ORM objects leave here)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from juryapp.domain.kinds import JudgeRole, Method, SheetStatus, TotalFormula
from juryapp.domain.messages import NotFoundError, Text
from juryapp.domain.model import (
    Abstention,
    Category,
    Conflict,
    ConventionDay,
    ConventionInfo,
    ConventionSpec,
    Criterion,
    Judge,
    LevelDescriptor,
    ScoringSettings,
    Team,
)
from juryapp.domain.results import SheetInput, TieDecision
from juryapp.persistence.tables import (
    CategoryRow,
    ConflictRow,
    ConventionRow,
    CriterionRow,
    DayRow,
    JudgeRow,
    ScoreRow,
    SheetRow,
    TeamRow,
    TieDecisionRow,
)
from juryapp.services.state import BATCH_ROWS


def convention_row(session: Session) -> ConventionRow:
    row = session.scalar(select(ConventionRow).limit(1))
    if row is None:
        raise NotFoundError(
            Text(
                "basis data ini belum berisi konvensi; buat dulu (juryapp init atau juryapp demo)",
                "this database holds no convention yet; create one first (juryapp init or demo)",
            )
        )
    return row


def split_codes(text: str) -> tuple[str, ...]:
    return tuple(code for code in (part.strip() for part in text.split(",")) if code)


def info_of(row: ConventionRow) -> ConventionInfo:
    return ConventionInfo(
        name=row.name,
        theme=row.theme,
        organiser=row.organiser,
        organiser_head_title=row.organiser_head_title,
        organiser_head_name=row.organiser_head_name,
        organiser_head_nip=row.organiser_head_nip,
        venue=row.venue,
        city=row.city,
        next_level=row.next_level,
        minutes_number=row.minutes_number,
        max_team_members=row.max_team_members,
        parent_body=row.parent_body,
        parent_office=row.parent_office,
        address=row.address,
        telephone=row.telephone,
        email=row.email,
        website=row.website,
        organiser_head_rank=row.organiser_head_rank,
        next_level_en=row.next_level_en,
        logo=row.logo,
    )


def settings_of(row: ConventionRow) -> ScoringSettings:
    return ScoringSettings(
        method=Method(row.method),
        trim=row.trim,
        total_formula=TotalFormula(row.total_formula),
        tie_break=split_codes(row.tie_break),
        outlier_threshold=row.outlier_threshold,
        presentation_minutes=row.presentation_minutes,
        qa_minutes=row.qa_minutes,
    )


def criterion_of(row: CriterionRow) -> Criterion:
    return Criterion(
        code=row.code,
        name=row.name,
        name_en=row.name_en,
        description=row.description,
        description_en=row.description_en,
        weight=row.weight,
        scale_min=row.scale_min,
        scale_max=row.scale_max,
        scale_step=row.scale_step,
        levels=tuple(
            LevelDescriptor(lv.score, lv.label, lv.label_en, lv.description, lv.description_en)
            for lv in row.levels
        ),
    )


def team_of(row: TeamRow) -> Team:
    return Team(
        code=row.code,
        institution=row.institution,
        category=row.category.code,
        title=row.title,
        pillar=row.pillar,
        programme=row.programme,
        members=tuple(m.name for m in row.members),
        day=row.day,
        order=row.order,
        time=row.start,
    )


def judge_of(row: JudgeRow) -> Judge:
    return Judge(
        code=row.code,
        name=row.name,
        affiliation=row.affiliation,
        position=row.position,
        nip=row.nip,
        role=JudgeRole(row.role),
    )


# Teams (with their members) are read a hundred at a time for the same reason as BATCH_ROWS:
# the ORM turns rows into objects in compiled code that does not let other threads in.
TEAM_BATCH = 100


def load_spec(session: Session, teams_only: Collection[str] | None = None) -> ConventionSpec:
    """The whole set-up in a handful of queries; with ``teams_only``, only those teams."""
    convention = convention_row(session)
    query = (
        select(TeamRow)
        .options(selectinload(TeamRow.members), selectinload(TeamRow.category))
        .order_by(TeamRow.day, TeamRow.order, TeamRow.code)
    )
    if teams_only is not None:
        query = query.where(TeamRow.code.in_(list(teams_only)))
    teams = session.scalars(query.execution_options(yield_per=TEAM_BATCH)).all()
    conflicts = session.scalars(
        select(ConflictRow)
        .options(selectinload(ConflictRow.judge), selectinload(ConflictRow.team))
        .order_by(ConflictRow.id)
    ).all()
    return ConventionSpec(
        info=info_of(convention),
        days=tuple(
            ConventionDay(d.date, d.start)
            for d in session.scalars(select(DayRow).order_by(DayRow.position))
        ),
        scoring=settings_of(convention),
        categories=tuple(
            Category(c.code, c.name, c.quota, c.name_en)
            for c in session.scalars(select(CategoryRow).order_by(CategoryRow.position))
        ),
        criteria=tuple(
            criterion_of(c)
            for c in session.scalars(
                select(CriterionRow)
                .options(selectinload(CriterionRow.levels))
                .order_by(CriterionRow.position)
            )
        ),
        judges=tuple(
            judge_of(j) for j in session.scalars(select(JudgeRow).order_by(JudgeRow.code))
        ),
        teams=tuple(team_of(t) for t in teams),
        conflicts=tuple(
            Conflict(
                judge=c.judge.code,
                team=c.team.code if c.team is not None else None,
                institution=c.institution,
                reason=c.reason,
            )
            for c in conflicts
        ),
        abstentions=load_abstentions(session),
    )


def load_abstentions(session: Session) -> tuple[Abstention, ...]:
    """Every recorded abstention, by judge then team."""
    rows = session.execute(
        select(JudgeRow.code, TeamRow.code, SheetRow.abstain_reason)
        .join(JudgeRow, JudgeRow.id == SheetRow.judge_id)
        .join(TeamRow, TeamRow.id == SheetRow.team_id)
        .where(SheetRow.abstained)
        .order_by(JudgeRow.code, TeamRow.code)
    )
    return tuple(Abstention(judge, team, reason) for judge, team, reason in rows)


def _codes(session: Session) -> tuple[dict[int, str], dict[int, str], dict[int, str]]:
    """Codes by row id of judges, teams and criteria, to key sheets the way people do."""
    return (
        dict(session.execute(select(JudgeRow.id, JudgeRow.code)).all()),
        dict(session.execute(select(TeamRow.id, TeamRow.code)).all()),
        dict(session.execute(select(CriterionRow.id, CriterionRow.code)).all()),
    )


def load_sheets(session: Session, teams_only: Collection[str] | None = None) -> list[SheetInput]:
    """Every stored sheet with its scores, keyed by codes; with ``teams_only``, theirs only.

    Plain column queries rather than ORM objects: a large convention holds 200,000 scores,
    and building an object for each took seconds.
    """
    judges, teams, criteria = _codes(session)
    scores: dict[int, dict[str, Decimal]] = defaultdict(dict)
    score_query = select(ScoreRow.sheet_id, ScoreRow.criterion_id, ScoreRow.value).where(
        ScoreRow.value.is_not(None)
    )
    sheet_query = select(
        SheetRow.id, SheetRow.judge_id, SheetRow.team_id, SheetRow.status, SheetRow.abstained
    )
    if teams_only is not None:
        wanted = [team_id for team_id, code in teams.items() if code in teams_only]
        sheet_query = sheet_query.where(SheetRow.team_id.in_(wanted))
        score_query = score_query.where(
            ScoreRow.sheet_id.in_(select(SheetRow.id).where(SheetRow.team_id.in_(wanted)))
        )
    batched = score_query.execution_options(yield_per=BATCH_ROWS)
    for sheet_id, criterion_id, value in session.execute(batched):
        if value is not None:
            scores[sheet_id][criteria[criterion_id]] = value
    sheets = session.execute(sheet_query.execution_options(yield_per=BATCH_ROWS))
    return [
        SheetInput(
            judge=judges[judge_id],
            team=teams[team_id],
            scores=scores.get(sheet_id, {}),
            status=SheetStatus(status),
            abstained=abstained,
        )
        for sheet_id, judge_id, team_id, status, abstained in sheets
    ]


def load_decisions(session: Session) -> list[TieDecision]:
    rows = session.scalars(
        select(TieDecisionRow)
        .options(selectinload(TieDecisionRow.category))
        .order_by(TieDecisionRow.id)
    )
    return [
        TieDecision(
            category=row.category.code,
            teams=frozenset(split_codes(row.teams)),
            order=split_codes(row.ordering),
            shared=row.shared,
            reason=row.reason,
            decided_by=row.decided_by,
        )
        for row in rows
    ]


def load_notes(session: Session) -> dict[tuple[str, str], tuple[str, dict[str, str]]]:
    """Judges' notes per sheet: (sheet note, {criterion code: note})."""
    judges, teams, criteria = _codes(session)
    per_sheet: dict[int, dict[str, str]] = defaultdict(dict)
    for sheet_id, criterion_id, note in session.execute(
        select(ScoreRow.sheet_id, ScoreRow.criterion_id, ScoreRow.note)
        .where(ScoreRow.note != "")
        .execution_options(yield_per=BATCH_ROWS)
    ):
        if note.strip():
            per_sheet[sheet_id][criteria[criterion_id]] = note
    notes: dict[tuple[str, str], tuple[str, dict[str, str]]] = {}
    for sheet_id, judge_id, team_id, note in session.execute(
        select(SheetRow.id, SheetRow.judge_id, SheetRow.team_id, SheetRow.note)
    ):
        per_criterion = per_sheet.get(sheet_id, {})
        if note.strip() or per_criterion:
            notes[(judges[judge_id], teams[team_id])] = (note, per_criterion)
    return notes
