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

from juryapp.domain.access import Actor, require_own_sheet, require_secretariat
from juryapp.domain.commands import (
    Abstain,
    Circumstances,
    Command,
    SetNote,
    SetScore,
    Submit,
    decide,
)
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
from juryapp.services.handing_in import ChangeHook
from juryapp.services.sheet_rows import conflicted_team_ids, judge_row, team_row
from juryapp.services.sheet_views import QueueEntry, ScoreLine, SheetView, sheet_view
from juryapp.services.snapshot import convention_row

__all__ = ["ChangeHook", "QueueEntry", "ScoreLine", "ScoringService", "SheetView"]


class ScoringService:
    """Every score change is its own committed transaction, with an audit event."""

    def __init__(self, database: Database, after: ChangeHook | None = None) -> None:
        self._db = database
        self._rubric: Rubric | None = None
        self._after: ChangeHook = after or _nothing_more

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
                # the unscheduled last, as in presentation_order, on SQLite and PostgreSQL alike
                .order_by(
                    TeamRow.day.asc().nulls_last(), TeamRow.order.asc().nulls_last(), TeamRow.code
                )
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
    def execute(self, actor: Actor, command: Command) -> SheetView:
        """Carry out one score change, whichever entry point built it.

        A judge changes only their own sheets; an abstention is the secretariat's to record.
        """
        if isinstance(command, Abstain):
            require_secretariat(actor)
        else:
            require_own_sheet(actor, command.judge)
        if isinstance(command, SetScore):
            return self._save_score(actor, command)
        return handing_in.change_sheet(self._db, actor, command, self._after)

    def set_score(
        self,
        actor: Actor,
        judge_code: str,
        team_code: str,
        criterion_code: str,
        value: Decimal | None,
        note: str | None = None,
    ) -> SheetView:
        """Save one score (or clear it with None) at once; refuses values off the scale."""
        return self.execute(
            actor, SetScore(judge_code, team_code, criterion_code, value, note, audit.now())
        )

    def set_note(self, actor: Actor, judge_code: str, team_code: str, note: str) -> None:
        self.execute(actor, SetNote(judge_code, team_code, note, audit.now()))

    def submit(self, actor: Actor, judge_code: str, team_code: str) -> SheetView:
        """Hand in a complete sheet; after this only the secretariat can change it."""
        return self.execute(actor, Submit(judge_code, team_code, audit.now()))

    def abstain(self, actor: Actor, judge_code: str, team_code: str, reason: str) -> None:
        """Record that a judge does not score a team (excluded, never counted as zero)."""
        self.execute(actor, Abstain(judge_code, team_code, reason, audit.now()))

    def _save_score(self, actor: Actor, command: SetScore) -> SheetView:
        """The hot path of judging: a handful of plain statements in one BEGIN IMMEDIATE
        transaction, with the rubric taken from a cache that is checked against the audit head
        (every set-up change appends an audit event, so an unchanged head means an unchanged
        rubric).
        """
        judge_code, team_code = command.judge, command.team
        criterion_code, value, note = command.criterion, command.value, command.note
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
            if ctx.locked is None and criterion_code in rubric.by_code:
                convention_row(session)  # raises: there is no convention
            scores: dict[int, tuple[Decimal | None, str]] = {}
            if ctx.sheet_id is not None:
                scores = {
                    cid: (v, n) for cid, v, n in connection.execute(SCORES, {"sheet": ctx.sheet_id})
                }
            decide(
                command,
                rubric.sheet(ctx, scores),
                rubric.by_code,
                Circumstances(
                    by_secretariat=actor.is_secretariat,
                    locked=bool(ctx.locked),
                    conflict=rubric.conflicted(ctx.judge_id, ctx.team_id, ctx.institution),
                ),
            )
            now = command.at or audit.now()
            if ctx.sheet_id is None:
                ctx = created_sheet(connection, actor, ctx, now)
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
            self._after(session, actor, command)
            # A score changes no set-up: the rubric stays valid under the new head.
            self._rubric = replace(rubric, key=key)
            return rubric.view(judge_code, team_code, ctx, scores)

    def _rubric_for(self, session: Session, key: str) -> Rubric:
        rubric = self._rubric
        if rubric is None or rubric.key != key or not key:
            rubric = load_rubric(session, key)
            self._rubric = rubric
        return rubric

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


def _nothing_more(session: Session, actor: Actor, command: Command) -> None:
    """What a change does beyond the tables and the trail where judges have no own laptops."""
