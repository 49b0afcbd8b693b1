"""Score sheets: judges typing scores, paper entry, submission, correction and confirmation.

The work is split by seam: ``sheet_views`` (what a sheet looks like), ``fast_save`` (the hot
path of one score), ``handing_in`` (submission and the secretariat's review) and
``sheet_rows`` (lookups and who may change what).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from juryapp.domain.access import Actor, require_own_sheet
from juryapp.domain.kinds import SheetStatus
from juryapp.domain.messages import NotFoundError, Text
from juryapp.persistence.database import Database
from juryapp.persistence.tables import DayRow, SheetRow, TeamRow
from juryapp.services import audit, handing_in
from juryapp.services.fast_save import (
    CONTEXT,
    SCORES,
    TOUCH_SHEET,
    Rubric,
    SaveContext,
    created_sheet,
    load_rubric,
    score_upsert,
)
from juryapp.services.sheet_rows import (
    conflicted_team_ids,
    editable_sheet,
    judge_row,
    raise_conflict,
    raise_locked,
    refuse_uneditable,
    team_row,
)
from juryapp.services.sheet_views import QueueEntry, ScoreLine, SheetView, sheet_view
from juryapp.services.snapshot import convention_row

__all__ = ["QueueEntry", "ScoreLine", "ScoringService", "SheetView"]


class ScoringService:
    """Every score change is its own committed transaction, with an audit event."""

    def __init__(self, database: Database) -> None:
        self._db = database
        self._rubric: Rubric | None = None

    # -- reading -------------------------------------------------------------------------
    def queue(self, actor: Actor, judge_code: str | None = None) -> list[QueueEntry]:
        """A judge's teams in presentation order (day, order), with each sheet's state."""
        code = judge_code or actor.judge_code
        if code is None:
            raise NotFoundError(Text("pilih juri", "choose a judge"))
        require_own_sheet(actor, code, change=False)
        with self._db.reading() as session:
            judge = judge_row(session, code)
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
            conflicted = conflicted_team_ids(session, judge)
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
            return sheet_view(session, judge_row(session, judge_code), team_row(session, team_code))

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
                CONTEXT, {"judge_code": judge_code, "team_code": team_code}
            ).first()
            if context is None:  # one of the two codes is unknown: say which
                judge_row(session, judge_code)
                team_row(session, team_code)
                raise NotFoundError(
                    Text("tim '{c}' tidak dikenal", "unknown team '{c}'").format(c=team_code)
                )
            ctx = SaveContext.of(tuple(context))
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
                raise_locked()
            if rubric.conflicted(ctx.judge_id, ctx.team_id, ctx.institution):
                raise_conflict(judge_code, team_code)
            now = audit.now()
            if ctx.sheet_id is None:
                ctx = created_sheet(connection, actor, ctx, now)
                scores: dict[int, tuple[Decimal | None, str]] = {}
            else:
                refuse_uneditable(actor, ctx.status, ctx.source)
                scores = {
                    cid: (v, n) for cid, v, n in connection.execute(SCORES, {"sheet": ctx.sheet_id})
                }
            criterion_id = rubric.ids[criterion_code]
            old, old_note = scores.get(criterion_id, (None, ""))
            connection.execute(
                score_upsert(connection.dialect.name, note is not None),
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
            connection.execute(TOUCH_SHEET, {"sheet": ctx.sheet_id, "now": now})
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

    def _rubric_for(self, session: Session, key: str) -> Rubric:
        rubric = self._rubric
        if rubric is None or rubric.key != key or not key:
            rubric = load_rubric(session, key)
            self._rubric = rubric
        return rubric

    def set_note(self, actor: Actor, judge_code: str, team_code: str, note: str) -> None:
        require_own_sheet(actor, judge_code)
        with self._db.writing() as session:
            judge, team = judge_row(session, judge_code), team_row(session, team_code)
            sheet = editable_sheet(session, actor, judge, team)
            sheet.note, sheet.updated_at = note, audit.now()
            audit.record_sheets(
                session, actor, "sheet.note", f"{judge_code}/{team_code}", [sheet.id]
            )

    def submit(self, actor: Actor, judge_code: str, team_code: str) -> SheetView:
        """Hand in a complete sheet; after this only the secretariat can change it."""
        return handing_in.submit(self._db, actor, judge_code, team_code)

    def confirm(self, actor: Actor, judge_code: str, team_code: str) -> SheetView:
        """The secretariat's check of a submitted sheet, by someone who did not type it."""
        return handing_in.confirm(self._db, actor, judge_code, team_code)

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
        return handing_in.correct(
            self._db, actor, judge_code, team_code, criterion_code, value, reason
        )

    def reopen(self, actor: Actor, judge_code: str, team_code: str, reason: str) -> None:
        """Give a handed-in sheet back to its judge as a draft, with a reason on record."""
        handing_in.reopen(self._db, actor, judge_code, team_code, reason)

    def abstain(self, actor: Actor, judge_code: str, team_code: str, reason: str) -> None:
        """Record that a judge does not score a team (excluded, never counted as zero)."""
        handing_in.abstain(self._db, actor, judge_code, team_code, reason)
