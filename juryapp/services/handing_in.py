"""Handing a sheet in, and the secretariat's confirmation, correction, reopening and abstention."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select, update

from juryapp.domain.access import (
    Actor,
    require_different_person,
    require_own_sheet,
    require_secretariat,
)
from juryapp.domain.kinds import SheetStatus
from juryapp.domain.messages import NotFoundError, StateError, Text
from juryapp.persistence.database import Database
from juryapp.persistence.tables import ScoreRow
from juryapp.services import audit
from juryapp.services.sheet_rows import (
    criterion_row,
    editable_sheet,
    judge_row,
    new_sheet,
    refuse_if_locked,
    sheet_row,
    team_row,
    unchecked_typists,
    username_of,
)
from juryapp.services.sheet_views import SheetView, sheet_view
from juryapp.services.snapshot import criterion_of


def submit(database: Database, actor: Actor, judge_code: str, team_code: str) -> SheetView:
    """Hand in a complete sheet; after this only the secretariat can change it."""
    require_own_sheet(actor, judge_code)
    with database.writing() as session:
        judge, team = judge_row(session, judge_code), team_row(session, team_code)
        sheet = editable_sheet(session, actor, judge, team)
        view = sheet_view(session, judge, team)
        if not view.complete:
            missing = ", ".join(ln.criterion.code for ln in view.lines if ln.value is None)
            raise StateError(
                Text(
                    "lembar belum lengkap; belum ada skor untuk {m}",
                    "the sheet is incomplete; no score yet for {m}",
                ).format(m=missing)
            )
        sheet.status, sheet.submitted_at = SheetStatus.SUBMITTED.value, audit.now()
        audit.record_sheets(session, actor, "sheet.submit", f"{judge_code}/{team_code}", [sheet.id])
        session.flush()
        return sheet_view(session, judge, team)


def confirm(database: Database, actor: Actor, judge_code: str, team_code: str) -> SheetView:
    """The secretariat's check of a submitted sheet, by someone who did not type it."""
    require_secretariat(actor)
    with database.writing() as session:
        refuse_if_locked(session)
        judge, team = judge_row(session, judge_code), team_row(session, team_code)
        sheet = sheet_row(session, judge, team)
        if sheet is None or sheet.status != SheetStatus.SUBMITTED.value:
            raise StateError(
                Text(
                    "hanya lembar yang sudah diserahkan yang dapat dikonfirmasi",
                    "only a submitted sheet can be confirmed",
                )
            )
        # Nobody who typed, imported or corrected a value that no one else has checked yet
        # may confirm a sheet; with two secretariat users the other one always can.
        for typed_by in unchecked_typists(session, sheet):
            require_different_person(actor, typed_by, username_of(session, typed_by))
        sheet.status, sheet.confirmed_by = SheetStatus.CONFIRMED.value, actor.user_id
        sheet.confirmed_at = audit.now()
        session.execute(update(ScoreRow).where(ScoreRow.sheet_id == sheet.id).values(checked=True))
        audit.record_sheets(
            session, actor, "sheet.confirm", f"{judge_code}/{team_code}", [sheet.id]
        )
        session.flush()
        return sheet_view(session, judge, team)


def correct(
    database: Database,
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
    with database.writing() as session:
        refuse_if_locked(session)
        judge, team = judge_row(session, judge_code), team_row(session, team_code)
        found = criterion_row(session, criterion_code)
        criterion_of(found).check_score(value)
        sheet = sheet_row(session, judge, team)
        if sheet is None or sheet.status == SheetStatus.DRAFT.value:
            raise StateError(
                Text(
                    "lembar ini belum diserahkan; juri dapat mengubahnya sendiri",
                    "this sheet is not handed in yet; the judge can still change it",
                )
            )
        score = session.scalar(
            select(ScoreRow).where(ScoreRow.sheet_id == sheet.id, ScoreRow.criterion_id == found.id)
        )
        if score is None:  # a criterion added to the rubric after the sheet was handed in
            score = ScoreRow(sheet_id=sheet.id, criterion_id=found.id, note="")
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
        return sheet_view(session, judge, team)


def reopen(database: Database, actor: Actor, judge_code: str, team_code: str, reason: str) -> None:
    """Give a handed-in sheet back to its judge as a draft, with a reason on record."""
    require_secretariat(actor)
    if not reason.strip():
        raise StateError(Text("alasan wajib diisi", "a reason is required"))
    with database.writing() as session:
        refuse_if_locked(session)
        sheet = sheet_row(session, judge_row(session, judge_code), team_row(session, team_code))
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


def abstain(database: Database, actor: Actor, judge_code: str, team_code: str, reason: str) -> None:
    """Record that a judge does not score a team (excluded, never counted as zero)."""
    require_secretariat(actor)
    with database.writing() as session:
        refuse_if_locked(session)
        judge, team = judge_row(session, judge_code), team_row(session, team_code)
        sheet = sheet_row(session, judge, team) or new_sheet(session, actor, judge, team)
        sheet.abstained, sheet.abstain_reason = bool(reason.strip()), reason.strip()
        sheet.updated_at = audit.now()
        audit.record_sheets(
            session,
            actor,
            "sheet.abstain",
            f"{judge_code}/{team_code}",
            [sheet.id],
            reason=reason,
        )
