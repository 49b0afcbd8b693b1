"""Score sheets: judges typing scores, paper entry, submission, correction and confirmation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from juryapp.domain.access import (
    Actor,
    require_different_person,
    require_own_sheet,
    require_secretariat,
)
from juryapp.domain.messages import NotFoundError, PermissionDeniedError, StateError, Text
from juryapp.domain.model import Criterion, SheetSource, SheetStatus, same_institution
from juryapp.domain.totals import TotalRule
from juryapp.persistence.database import Database
from juryapp.persistence.tables import (
    ConflictRow,
    CriterionRow,
    DayRow,
    JudgeRow,
    ScoreRow,
    SheetRow,
    TeamRow,
    UserRow,
)
from juryapp.services import audit
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


class ScoringService:
    """Every score change is its own committed transaction, with an audit event."""

    def __init__(self, database: Database) -> None:
        self._db = database

    # -- reading -------------------------------------------------------------------------
    def queue(self, actor: Actor, judge_code: str | None = None) -> list[QueueEntry]:
        """A judge's teams in presentation order (day, order), with each sheet's state."""
        code = judge_code or actor.judge_code
        if code is None:
            raise NotFoundError(Text("pilih juri", "choose a judge"))
        require_own_sheet(actor, code)
        with self._db.reading() as session:
            judge = _judge(session, code)
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
            conflicted = _conflicted_team_ids(session, judge)
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
        require_own_sheet(actor, judge_code)
        with self._db.reading() as session:
            return _view(session, _judge(session, judge_code), _team(session, team_code))

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
        """Save one score (or clear it with None) at once; refuses values off the scale."""
        require_own_sheet(actor, judge_code)
        with self._db.writing() as session:
            judge, team = _judge(session, judge_code), _team(session, team_code)
            criterion_row = _criterion(session, criterion_code)
            if value is not None:
                criterion_of(criterion_row).check_score(value)
            sheet = _editable_sheet(session, actor, judge, team)
            score = session.scalar(
                select(ScoreRow).where(
                    ScoreRow.sheet_id == sheet.id, ScoreRow.criterion_id == criterion_row.id
                )
            )
            old = score.value if score is not None else None
            now = audit.now()
            if score is None:
                score = ScoreRow(sheet_id=sheet.id, criterion_id=criterion_row.id, note="")
                session.add(score)
            score.value, score.updated_at, score.updated_by = value, now, actor.user_id
            if note is not None:
                score.note = note
            sheet.updated_at = now
            audit.record(
                session,
                actor,
                "score.set",
                f"{judge_code}/{team_code}/{criterion_code}",
                old=old,
                new=value,
                source=sheet.source,
            )
            session.flush()
            return _view(session, judge, team)

    def set_note(self, actor: Actor, judge_code: str, team_code: str, note: str) -> None:
        require_own_sheet(actor, judge_code)
        with self._db.writing() as session:
            judge, team = _judge(session, judge_code), _team(session, team_code)
            sheet = _editable_sheet(session, actor, judge, team)
            sheet.note, sheet.updated_at = note, audit.now()
            audit.record(session, actor, "sheet.note", f"{judge_code}/{team_code}")

    def submit(self, actor: Actor, judge_code: str, team_code: str) -> SheetView:
        """Hand in a complete sheet; after this only the secretariat can change it."""
        require_own_sheet(actor, judge_code)
        with self._db.writing() as session:
            judge, team = _judge(session, judge_code), _team(session, team_code)
            sheet = _editable_sheet(session, actor, judge, team)
            view = _view(session, judge, team)
            if not view.complete:
                missing = ", ".join(ln.criterion.code for ln in view.lines if ln.value is None)
                raise StateError(
                    Text(
                        "lembar belum lengkap; belum ada skor untuk {m}",
                        "the sheet is incomplete; no score yet for {m}",
                    ).format(m=missing)
                )
            sheet.status, sheet.submitted_at = SheetStatus.SUBMITTED.value, audit.now()
            audit.record(session, actor, "sheet.submit", f"{judge_code}/{team_code}")
            session.flush()
            return _view(session, judge, team)

    def confirm(self, actor: Actor, judge_code: str, team_code: str) -> SheetView:
        """The secretariat's check of a submitted sheet, by someone who did not type it."""
        require_secretariat(actor)
        with self._db.writing() as session:
            _refuse_if_locked(session)
            judge, team = _judge(session, judge_code), _team(session, team_code)
            sheet = _sheet(session, judge, team)
            if sheet is None or sheet.status != SheetStatus.SUBMITTED.value:
                raise StateError(
                    Text(
                        "hanya lembar yang sudah diserahkan yang dapat dikonfirmasi",
                        "only a submitted sheet can be confirmed",
                    )
                )
            # Whoever typed the current values last (the corrector, else the typist) cannot
            # confirm them; with two secretariat users the other one always can.
            typed_by = sheet.corrected_by if sheet.corrected_by is not None else sheet.entered_by
            require_different_person(actor, typed_by, _username(session, typed_by))
            sheet.status, sheet.confirmed_by = SheetStatus.CONFIRMED.value, actor.user_id
            sheet.confirmed_at = audit.now()
            audit.record(session, actor, "sheet.confirm", f"{judge_code}/{team_code}")
            session.flush()
            return _view(session, judge, team)

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
        require_secretariat(actor)
        if not reason.strip():
            raise StateError(Text("alasan koreksi wajib diisi", "a correction needs a reason"))
        with self._db.writing() as session:
            _refuse_if_locked(session)
            judge, team = _judge(session, judge_code), _team(session, team_code)
            criterion_row = _criterion(session, criterion_code)
            criterion_of(criterion_row).check_score(value)
            sheet = _sheet(session, judge, team)
            if sheet is None or sheet.status == SheetStatus.DRAFT.value:
                raise StateError(
                    Text(
                        "lembar ini belum diserahkan; juri dapat mengubahnya sendiri",
                        "this sheet is not handed in yet; the judge can still change it",
                    )
                )
            score = session.scalar(
                select(ScoreRow).where(
                    ScoreRow.sheet_id == sheet.id, ScoreRow.criterion_id == criterion_row.id
                )
            )
            if score is None:  # a criterion added to the rubric after the sheet was handed in
                score = ScoreRow(sheet_id=sheet.id, criterion_id=criterion_row.id, note="")
                session.add(score)
            old = score.value
            score.value, score.updated_at, score.updated_by = value, audit.now(), actor.user_id
            # A corrected sheet needs a fresh confirmation by someone else.
            sheet.status, sheet.confirmed_by, sheet.confirmed_at = "submitted", None, None
            sheet.corrected_by, sheet.updated_at = actor.user_id, audit.now()
            audit.record(
                session,
                actor,
                "score.correct",
                f"{judge_code}/{team_code}/{criterion_code}",
                old=old,
                new=value,
                reason=reason,
            )
            session.flush()
            return _view(session, judge, team)

    def reopen(self, actor: Actor, judge_code: str, team_code: str, reason: str) -> None:
        """Give a handed-in sheet back to its judge as a draft, with a reason on record."""
        require_secretariat(actor)
        if not reason.strip():
            raise StateError(Text("alasan wajib diisi", "a reason is required"))
        with self._db.writing() as session:
            _refuse_if_locked(session)
            sheet = _sheet(session, _judge(session, judge_code), _team(session, team_code))
            if sheet is None:
                raise NotFoundError(Text("lembar belum ada", "there is no such sheet yet"))
            sheet.status, sheet.confirmed_by, sheet.confirmed_at = "draft", None, None
            sheet.submitted_at, sheet.updated_at = None, audit.now()
            audit.record(session, actor, "sheet.reopen", f"{judge_code}/{team_code}", reason=reason)

    def abstain(self, actor: Actor, judge_code: str, team_code: str, reason: str) -> None:
        """Record that a judge does not score a team (excluded, never counted as zero)."""
        require_secretariat(actor)
        with self._db.writing() as session:
            _refuse_if_locked(session)
            judge, team = _judge(session, judge_code), _team(session, team_code)
            sheet = _sheet(session, judge, team) or _new_sheet(session, actor, judge, team)
            sheet.abstained, sheet.abstain_reason = bool(reason.strip()), reason.strip()
            sheet.updated_at = audit.now()
            audit.record(
                session, actor, "sheet.abstain", f"{judge_code}/{team_code}", reason=reason
            )


# -- helpers ---------------------------------------------------------------------------------
def _judge(session: Session, code: str) -> JudgeRow:
    row = session.scalar(select(JudgeRow).where(JudgeRow.code == code))
    if row is None:
        raise NotFoundError(Text("juri '{c}' tidak dikenal", "unknown judge '{c}'").format(c=code))
    return row


def _team(session: Session, code: str) -> TeamRow:
    row = session.scalar(
        select(TeamRow).where(TeamRow.code == code).options(selectinload(TeamRow.category))
    )
    if row is None:
        raise NotFoundError(Text("tim '{c}' tidak dikenal", "unknown team '{c}'").format(c=code))
    return row


def _criterion(session: Session, code: str) -> CriterionRow:
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


def _sheet(session: Session, judge: JudgeRow, team: TeamRow) -> SheetRow | None:
    return session.scalar(
        select(SheetRow).where(SheetRow.judge_id == judge.id, SheetRow.team_id == team.id)
    )


def _username(session: Session, user_id: int | None) -> str:
    if user_id is None:
        return ""
    return session.scalar(select(UserRow.display_name).where(UserRow.id == user_id)) or ""


def _conflicted_team_ids(session: Session, judge: JudgeRow) -> set[int]:
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


def _refuse_if_locked(session: Session) -> None:
    if convention_row(session).results_locked:
        raise StateError(
            Text(
                "hasil sudah dikunci; nilai tidak dapat diubah",
                "the results are locked; scores cannot change",
            )
        )


def _new_sheet(session: Session, actor: Actor, judge: JudgeRow, team: TeamRow) -> SheetRow:
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


def _editable_sheet(session: Session, actor: Actor, judge: JudgeRow, team: TeamRow) -> SheetRow:
    _refuse_if_locked(session)
    if team.id in _conflicted_team_ids(session, judge):
        raise PermissionDeniedError(
            Text(
                "juri {j} memiliki konflik kepentingan dengan {t} dan tidak menilainya",
                "judge {j} has a conflict of interest with {t} and does not score it",
            ).format(j=judge.code, t=team.code)
        )
    sheet = _sheet(session, judge, team)
    if sheet is None:
        return _new_sheet(session, actor, judge, team)
    if sheet.status != SheetStatus.DRAFT.value:
        raise StateError(
            Text(
                "lembar sudah diserahkan; perubahan hanya melalui sekretariat dengan alasan",
                "the sheet is handed in; only the secretariat can change it, with a reason",
            )
        )
    if actor.is_secretariat and sheet.source == SheetSource.JUDGE.value:
        raise StateError(
            Text(
                "juri sedang mengisi lembar ini di laptop; jangan ketik ulang dari kertas",
                "the judge is filling this sheet at a laptop; do not type it again from paper",
            )
        )
    if not actor.is_secretariat and sheet.source == SheetSource.PAPER.value:
        raise StateError(
            Text(
                "lembar ini diisi sekretariat dari formulir kertas",
                "the secretariat is typing this sheet from a paper form",
            )
        )
    return sheet


def _view(session: Session, judge: JudgeRow, team: TeamRow) -> SheetView:
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
    sheet = _sheet(session, judge, team)
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
        conflict=team.id in _conflicted_team_ids(session, judge),
        entered_by=_username(session, sheet.entered_by) if sheet is not None else "",
        confirmed_by=_username(session, sheet.confirmed_by) if sheet is not None else "",
    )
