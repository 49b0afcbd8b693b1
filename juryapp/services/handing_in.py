"""Handing a sheet in, and the secretariat's confirmation, correction, reopening and abstention."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from juryapp.domain.access import (
    Actor,
    require_different_person,
    require_secretariat,
)
from juryapp.domain.commands import Abstain, Circumstances, Command, SetNote, Sheet, Submit, decide
from juryapp.domain.kinds import SheetSource, SheetStatus
from juryapp.domain.messages import NotFoundError, StateError, Text
from juryapp.persistence.database import Database
from juryapp.persistence.tables import CriterionRow, ScoreRow, SheetRow
from juryapp.services import audit
from juryapp.services.sheet_rows import (
    conflicted_team_ids,
    criterion_row,
    judge_row,
    new_sheet,
    refuse_if_locked,
    sheet_row,
    team_row,
    unchecked_typists,
    username_of,
)
from juryapp.services.sheet_typists import changed_since_confirmed
from juryapp.services.sheet_views import SheetView, sheet_view
from juryapp.services.snapshot import convention_row, criterion_of

# Called in the transaction of every change a command makes, after its audit event: on a
# judge's own laptop it appends the change to the judge's signed log.
ChangeHook = Callable[[Session, Actor, Command], None]


def change_sheet(
    database: Database, actor: Actor, command: SetNote | Submit | Abstain, after: ChangeHook
) -> SheetView:
    """A note, a hand-in or an abstention, decided by ``commands.decide`` and recorded."""
    with database.writing() as session:
        apply_sheet_change(session, actor, command, after)
        return sheet_view(
            session, judge_row(session, command.judge), team_row(session, command.team)
        )


def apply_sheet_change(
    session: Session, actor: Actor, command: SetNote | Submit | Abstain, after: ChangeHook
) -> None:
    """``change_sheet`` inside the caller's write transaction: an import or a set-up that
    records abstentions among other changes keeps all of them or none."""
    judge, team = judge_row(session, command.judge), team_row(session, command.team)
    row = sheet_row(session, judge, team)
    before = Sheet() if row is None else sheet_of(session, row)
    criteria = {c.code: criterion_of(c) for c in session.scalars(select(CriterionRow))}
    circumstances = Circumstances(
        by_secretariat=actor.is_secretariat,
        locked=convention_row(session).results_locked,
        conflict=not isinstance(command, Abstain)
        and team.id in conflicted_team_ids(session, judge),
    )
    changed = decide(command, before, criteria, circumstances)
    if row is None:
        row = new_sheet(session, actor, judge, team)
    now = command.at or audit.now()
    row.note, row.updated_at = changed.note, now
    row.abstained, row.abstain_reason = changed.abstained, changed.reason
    subject = f"{command.judge}/{command.team}"
    if isinstance(command, SetNote):
        audit.record_sheets(session, actor, "sheet.note", subject, [row.id])
    elif isinstance(command, Submit):
        row.status, row.submitted_at = SheetStatus.SUBMITTED.value, now
        audit.record_sheets(session, actor, "sheet.submit", subject, [row.id])
    else:
        audit.record_sheets(
            session, actor, "sheet.abstain", subject, [row.id], reason=command.reason
        )
    after(session, actor, command)
    session.flush()


def record_abstention(
    session: Session, actor: Actor, judge_code: str, team_code: str, reason: str
) -> None:
    """An abstention recorded by the secretariat among other changes in one transaction (an
    empty reason lifts it); nothing goes to a judge's log, which holds only the judge's own."""
    require_secretariat(actor)
    apply_sheet_change(
        session, actor, Abstain(judge_code, team_code, reason, audit.now()), _nothing
    )


def _nothing(_session: Session, _actor: Actor, _command: Command) -> None:
    """No hook: the change is the secretariat's, made on the hub."""


def sheet_of(session: Session, row: SheetRow) -> Sheet:
    """A stored sheet as the rules see it."""
    scores = session.execute(
        select(CriterionRow.code, ScoreRow.value, ScoreRow.note)
        .join(CriterionRow, CriterionRow.id == ScoreRow.criterion_id)
        .where(ScoreRow.sheet_id == row.id)
    )
    return Sheet(
        status=SheetStatus(row.status),
        source=SheetSource(row.source),
        abstained=bool(row.abstained),
        reason=row.abstain_reason,
        note=row.note,
        scores={code: (value, note) for code, value, note in scores},
    )


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
        if actor.username in changed_since_confirmed(session, judge_code, team_code):
            require_different_person(actor, actor.user_id, username_of(session, actor.user_id))
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
