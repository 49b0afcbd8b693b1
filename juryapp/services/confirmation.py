"""Confirming handed-in sheets: paper ones by blind re-entry, a judge's laptop ones all at once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from juryapp.domain.access import Actor, require_secretariat
from juryapp.domain.kinds import SheetSource, SheetStatus
from juryapp.domain.messages import JuryError, StateError, Text
from juryapp.domain.model import Criterion
from juryapp.persistence.database import Database
from juryapp.persistence.tables import JudgeRow, ScoreRow, SheetRow, TeamRow
from juryapp.services import audit
from juryapp.services.scoring import ScoringService, SheetView


@dataclass(frozen=True)
class WaitingSheet:
    """A handed-in sheet waiting for a second person, and whether this person typed any of it."""

    judge: str
    team: str
    source: SheetSource
    typed_by_me: bool


@dataclass(frozen=True)
class BlindSheet:
    """What the second person sees to type a paper sheet again: never the first entry."""

    judge: str
    judge_name: str
    team: str
    institution: str
    criteria: tuple[Criterion, ...]
    typed_by: str
    typed_by_me: bool


@dataclass(frozen=True)
class Difference:
    criterion: Criterion
    first: Decimal | None  # as typed the first time, and stored
    second: Decimal  # as typed again


@dataclass(frozen=True)
class ReentryOutcome:
    """Identical entries confirm the sheet; otherwise the two entries, side by side."""

    confirmed: bool
    differences: tuple[Difference, ...]
    sheet: SheetView


@dataclass(frozen=True)
class BatchOutcome:
    judge: str
    confirmed: tuple[str, ...]  # team codes
    refused: tuple[tuple[str, Text], ...]  # (team code, why)


class ConfirmationService:
    """The second person's check; every confirmation itself goes through ScoringService."""

    def __init__(self, database: Database, scoring: ScoringService) -> None:
        self._db = database
        self._scoring = scoring

    def waiting(self, actor: Actor) -> tuple[WaitingSheet, ...]:
        """Every handed-in sheet not confirmed yet, judge by judge in presentation order."""
        require_secretariat(actor)
        with self._db.reading() as session:
            rows = session.execute(
                select(SheetRow, JudgeRow.code, TeamRow.code)
                .join(JudgeRow, JudgeRow.id == SheetRow.judge_id)
                .join(TeamRow, TeamRow.id == SheetRow.team_id)
                .where(SheetRow.status == SheetStatus.SUBMITTED.value)
                .order_by(JudgeRow.code, TeamRow.day, TeamRow.order, TeamRow.code)
            ).all()
            mine = _sheets_typed_by(session, actor)
            return tuple(
                WaitingSheet(judge, team, SheetSource(sheet.source), sheet.id in mine)
                for sheet, judge, team in rows
                if not sheet.abstained
            )

    def blind_sheet(self, actor: Actor, judge_code: str, team_code: str) -> BlindSheet:
        """The form for typing a paper sheet again, with no value of the first entry."""
        require_secretariat(actor)
        view = self._scoring.sheet(actor, judge_code, team_code)
        _require_paper_waiting(view)
        with self._db.reading() as session:
            mine = _sheets_typed_by(session, actor)
            sheet_id = _sheet_id(session, judge_code, team_code)
        return BlindSheet(
            judge=view.judge_code,
            judge_name=view.judge_name,
            team=view.team_code,
            institution=view.institution,
            criteria=tuple(line.criterion for line in view.lines),
            typed_by=view.entered_by,
            typed_by_me=sheet_id in mine,
        )

    def confirm_by_reentry(
        self, actor: Actor, judge_code: str, team_code: str, values: Mapping[str, Decimal]
    ) -> ReentryOutcome:
        """Compare a second, blind entry of a paper sheet with the stored one.

        Identical entries confirm the sheet (through ``ScoringService.confirm``, so the
        two-person rule is the one place it is written); differing ones change nothing but are
        recorded, and come back side by side for the two people to settle against the paper.
        """
        require_secretariat(actor)
        view = self._scoring.sheet(actor, judge_code, team_code)
        _require_paper_waiting(view)
        differences: list[Difference] = []
        for line in view.lines:
            typed = values.get(line.criterion.code)
            if typed is None:
                raise StateError(
                    Text(
                        "ketik ulang skor {c} juga; setiap kriteria diketik ulang",
                        "type {c} again too; every criterion is typed again",
                    ).format(c=line.criterion.code)
                )
            line.criterion.check_score(typed)
            if line.value is None or typed != line.value:
                differences.append(Difference(line.criterion, line.value, typed))
        if not differences:
            confirmed = self._scoring.confirm(actor, judge_code, team_code)
            return ReentryOutcome(True, (), confirmed)
        with self._db.writing() as session:
            audit.record(
                session,
                actor,
                "sheet.reentry_differs",
                f"{judge_code}/{team_code}",
                differing=[d.criterion.code for d in differences],
                first=[d.first for d in differences],
                second=[d.second for d in differences],
            )
        return ReentryOutcome(False, tuple(differences), view)

    def confirm_judge(self, actor: Actor, judge_code: str) -> BatchOutcome:
        """Confirm every laptop sheet a judge has handed in, after the secretariat's review.

        Each sheet is confirmed on its own (a refusal names its team and leaves the others
        confirmed); paper sheets are left for blind re-entry.
        """
        require_secretariat(actor)
        teams = [
            w.team
            for w in self.waiting(actor)
            if w.judge == judge_code and w.source is SheetSource.JUDGE
        ]
        confirmed: list[str] = []
        refused: list[tuple[str, Text]] = []
        for team in teams:
            try:
                self._scoring.confirm(actor, judge_code, team)
            except JuryError as exc:
                refused.append((team, exc.text))
            else:
                confirmed.append(team)
        return BatchOutcome(judge_code, tuple(confirmed), tuple(refused))


def _require_paper_waiting(view: SheetView) -> None:
    if view.status is not SheetStatus.SUBMITTED:
        raise StateError(
            Text(
                "hanya lembar yang sudah diserahkan yang dapat dikonfirmasi",
                "only a submitted sheet can be confirmed",
            )
        )
    if view.source is not SheetSource.PAPER:
        raise StateError(
            Text(
                "lembar ini diisi juri di laptop; konfirmasi lembar-lembar juri itu setelah "
                "ditinjau",
                "the judge filled this sheet at a laptop; confirm that judge's sheets after review",
            )
        )


def _sheet_id(session: Session, judge_code: str, team_code: str) -> int | None:
    return session.scalar(
        select(SheetRow.id)
        .join(JudgeRow, JudgeRow.id == SheetRow.judge_id)
        .join(TeamRow, TeamRow.id == SheetRow.team_id)
        .where(JudgeRow.code == judge_code, TeamRow.code == team_code)
    )


def _sheets_typed_by(session: Session, actor: Actor) -> set[int]:
    """Sheets in which this person typed or corrected any value (a hint for the screens)."""
    if actor.user_id is None:
        return set()
    user = actor.user_id
    ids = set(
        session.scalars(
            select(SheetRow.id).where(
                (SheetRow.entered_by == user) | (SheetRow.corrected_by == user)
            )
        )
    )
    ids.update(session.scalars(select(ScoreRow.sheet_id).where(ScoreRow.updated_by == user)))
    return ids
