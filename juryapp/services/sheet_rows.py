"""Finding a sheet's rows by code, and the rules on who may change a sheet and when."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from juryapp.domain.access import Actor
from juryapp.domain.commands import raise_conflict, raise_locked, refuse_uneditable
from juryapp.domain.kinds import SheetSource, SheetStatus
from juryapp.domain.messages import NotFoundError, Text
from juryapp.domain.model import same_institution
from juryapp.persistence.tables import (
    ConflictRow,
    CriterionRow,
    JudgeRow,
    ScoreRow,
    SheetRow,
    TeamRow,
    UserRow,
)
from juryapp.services import audit
from juryapp.services.snapshot import convention_row


def judge_row(session: Session, code: str) -> JudgeRow:
    row = session.scalar(select(JudgeRow).where(JudgeRow.code == code))
    if row is None:
        raise NotFoundError(Text("juri '{c}' tidak dikenal", "unknown judge '{c}'").format(c=code))
    return row


def team_row(session: Session, code: str) -> TeamRow:
    row = session.scalar(
        select(TeamRow).where(TeamRow.code == code).options(selectinload(TeamRow.category))
    )
    if row is None:
        raise NotFoundError(Text("tim '{c}' tidak dikenal", "unknown team '{c}'").format(c=code))
    return row


def criterion_row(session: Session, code: str) -> CriterionRow:
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


def sheet_row(session: Session, judge: JudgeRow, team: TeamRow) -> SheetRow | None:
    return session.scalar(
        select(SheetRow).where(SheetRow.judge_id == judge.id, SheetRow.team_id == team.id)
    )


def unchecked_typists(session: Session, sheet: SheetRow) -> list[int]:
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


def username_of(session: Session, user_id: int | None) -> str:
    if user_id is None:
        return ""
    return session.scalar(select(UserRow.display_name).where(UserRow.id == user_id)) or ""


def conflicted_team_ids(session: Session, judge: JudgeRow) -> set[int]:
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


def refuse_if_locked(session: Session) -> None:
    if convention_row(session).results_locked:
        raise_locked()


def new_sheet(session: Session, actor: Actor, judge: JudgeRow, team: TeamRow) -> SheetRow:
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


__all__ = [
    "conflicted_team_ids",
    "criterion_row",
    "judge_row",
    "new_sheet",
    "raise_conflict",
    "raise_locked",
    "refuse_if_locked",
    "refuse_uneditable",
    "sheet_row",
    "team_row",
    "unchecked_typists",
    "username_of",
]
