"""Finding a sheet's rows by code, and the rules on who may change a sheet and when."""

from __future__ import annotations

from typing import NoReturn

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from juryapp.domain.access import Actor
from juryapp.domain.kinds import SheetSource, SheetStatus
from juryapp.domain.messages import NotFoundError, PermissionDeniedError, StateError, Text
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


def raise_locked() -> NoReturn:
    raise StateError(
        Text(
            "hasil sudah dikunci; nilai tidak dapat diubah",
            "the results are locked; scores cannot change",
        )
    )


def raise_conflict(judge_code: str, team_code: str) -> NoReturn:
    raise PermissionDeniedError(
        Text(
            "juri {j} memiliki konflik kepentingan dengan {t} dan tidak menilainya",
            "judge {j} has a conflict of interest with {t} and does not score it",
        ).format(j=judge_code, t=team_code)
    )


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


def editable_sheet(session: Session, actor: Actor, judge: JudgeRow, team: TeamRow) -> SheetRow:
    refuse_if_locked(session)
    if team.id in conflicted_team_ids(session, judge):
        raise_conflict(judge.code, team.code)
    sheet = sheet_row(session, judge, team)
    if sheet is None:
        return new_sheet(session, actor, judge, team)
    refuse_uneditable(actor, sheet.status, sheet.source)
    return sheet


def refuse_uneditable(actor: Actor, status: str, source: str) -> None:
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
