"""Results: computing rankings, releasing them to judges, tie decisions and progress."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from juryapp.domain.access import Actor, require_reader, require_secretariat
from juryapp.domain.kinds import Method, Role, SheetStatus
from juryapp.domain.messages import NotFoundError, PermissionDeniedError, StateError, Text
from juryapp.domain.model import ConventionSpec, presentation_order
from juryapp.domain.results import (
    MarkStatus,
    Results,
    SheetInput,
    TieDecision,
    compute_results,
    for_judge,
)
from juryapp.persistence.database import Database
from juryapp.persistence.tables import AuditHeadRow, CategoryRow, TeamRow, TieDecisionRow
from juryapp.services import audit, state
from juryapp.services.snapshot import convention_row, load_decisions, load_sheets, load_spec


class CellState(StrEnum):
    NOT_STARTED = "not_started"
    DRAFT = "draft"
    SUBMITTED = "submitted"
    CONFIRMED = "confirmed"
    CONFLICT = "conflict"
    ABSTAINED = "abstained"


@dataclass(frozen=True)
class ProgressCell:
    state: CellState
    filled: int
    outlier: bool


@dataclass(frozen=True)
class ProgressTeam:
    code: str
    institution: str
    category: str


@dataclass(frozen=True)
class Progress:
    """The judge × team matrix the secretariat watches during the convention.

    ``teams`` and ``rows`` are in presentation order. ``head`` is the audit trail's sequence
    number when it was read: of two readings of one team, the higher head is the newer.
    """

    judges: tuple[str, ...]
    teams: tuple[str, ...]
    criteria: int
    cells: dict[tuple[str, str], ProgressCell]
    rows: tuple[ProgressTeam, ...] = ()
    judge_names: dict[str, str] = field(default_factory=dict)
    head: int = 0

    def count(self, state: CellState) -> int:
        return sum(1 for c in self.cells.values() if c.state is state)


@dataclass(frozen=True)
class Snapshot:
    """Everything results are computed from, read in one transaction."""

    spec: ConventionSpec
    sheets: tuple[SheetInput, ...]
    decisions: tuple[TieDecision, ...]
    released: bool
    locked: bool
    version: int
    is_demo: bool


@dataclass(frozen=True)
class LockState:
    locked: bool
    version: int
    note: str
    released: bool


class ResultsService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def snapshot(self, actor: Actor) -> Snapshot:
        """Every sheet, drafts included, for the secretariat's documents and checks."""
        require_reader(actor)
        with self._db.reading() as session:
            return read_snapshot(session)

    def compute(self, actor: Actor, method: Method | None = None) -> Results:
        """Rankings per category.

        What a judge sees (docs/trust.md): nothing before the secretariat releases the results;
        after it, the ranking of every category with each team's score, and their own totals
        — never another judge's total or criterion scores. The secretariat, and whoever reads
        the database file at the command line, see everything.
        """
        if actor.reads_everything:
            with self._db.reading() as session:
                snap = read_snapshot(session)
            return compute_results(snap.spec, snap.sheets, snap.decisions, method)
        if actor.role is not Role.JUDGE or actor.judge_code is None:
            require_reader(actor)
        with self._db.reading() as session:
            snap = read_snapshot(session)
        if not snap.released:
            raise PermissionDeniedError(
                Text(
                    "hasil belum dibuka oleh sekretariat",
                    "the secretariat has not released the results yet",
                )
            )
        results = compute_results(snap.spec, snap.sheets, snap.decisions, method)
        return for_judge(results, actor.judge_code or "")

    def compare_methods(self, actor: Actor) -> dict[Method, Results]:
        require_reader(actor)
        with self._db.reading() as session:
            snap = read_snapshot(session)
        return {m: compute_results(snap.spec, snap.sheets, snap.decisions, m) for m in Method}

    def fingerprint(self, actor: Actor) -> str:
        """SHA-256 of every fact any document shows (what a seal signs), as stored now."""
        require_reader(actor)
        with self._db.reading() as session:
            return state.digest(state.convention_facts(session.connection()))

    def progress(self, actor: Actor, teams_only: Collection[str] | None = None) -> Progress:
        """Every judge's state on every team, or on ``teams_only``: a saved score changes
        only its own team's cells (outliers are judged against that team's panel), so those
        are all a screen needs to read again, in milliseconds instead of a second."""
        require_secretariat(actor)
        with self._db.reading() as session:
            head = session.scalar(select(AuditHeadRow.seq).where(AuditHeadRow.id == 1)) or 0
            spec = load_spec(session, teams_only)
            sheets_read = load_sheets(session, teams_only)
        results = compute_results(spec, sheets_read)
        sheets = {(s.judge, s.team): s for s in sheets_read}
        cells: dict[tuple[str, str], ProgressCell] = {}
        for category in results.categories:
            for team in category.teams:
                for mark in team.marks:
                    sheet = sheets.get((mark.judge, team.code))
                    cells[(mark.judge, team.code)] = ProgressCell(
                        state=_cell_state(mark.status, sheet),
                        filled=len(sheet.scores) if sheet else 0,
                        outlier=mark.outlier,
                    )
        ordered = presentation_order(spec.teams)
        return Progress(
            judges=tuple(j.code for j in spec.judges),
            teams=tuple(t.code for t in ordered),
            criteria=len(spec.criteria),
            cells=cells,
            rows=tuple(ProgressTeam(t.code, t.institution, t.category) for t in ordered),
            judge_names={j.code: j.name for j in spec.judges},
            head=head,
        )

    def set_released(self, actor: Actor, released: bool) -> None:
        require_secretariat(actor)
        with self._db.writing() as session:
            convention_row(session).results_released = released
            audit.record(session, actor, "results.release" if released else "results.withhold")

    def decide_tie(
        self,
        actor: Actor,
        category_code: str,
        ordering: list[str],
        *,
        shared: bool = False,
        reason: str,
    ) -> None:
        """Record the jury's decision on teams still tied after the tie-break chain."""
        require_secretariat(actor)
        if not reason.strip():
            raise StateError(Text("alasan keputusan wajib diisi", "the decision needs a reason"))
        if len(set(ordering)) < 2 or len(set(ordering)) != len(ordering):
            raise StateError(
                Text(
                    "sebutkan setiap tim yang seri tepat satu kali",
                    "name every tied team exactly once",
                )
            )
        with self._db.writing() as session:
            row = convention_row(session)
            if row.results_locked:
                raise StateError(Text("hasil sudah dikunci", "the results are locked"))
            category = session.scalar(select(CategoryRow).where(CategoryRow.code == category_code))
            if category is None:
                raise NotFoundError(
                    Text("kategori '{c}' tidak dikenal", "unknown category '{c}'").format(
                        c=category_code
                    )
                )
            members = set(
                session.scalars(select(TeamRow.code).where(TeamRow.category_id == category.id))
            )
            strangers = [code for code in ordering if code not in members]
            if strangers:
                raise NotFoundError(
                    Text(
                        "tim {t} tidak ada di kategori {c}", "team {t} is not in category {c}"
                    ).format(t=", ".join(strangers), c=category_code)
                )
            session.add(
                TieDecisionRow(
                    category_id=category.id,
                    teams=",".join(sorted(ordering)),
                    ordering=",".join(ordering),
                    shared=shared,
                    reason=reason.strip(),
                    decided_by=actor.display_name or actor.username,
                    decided_at=audit.now(),
                )
            )
            audit.record_setup(
                session,
                actor,
                "tie.decide",
                category_code,
                ordering=ordering,
                shared=shared,
                reason=reason,
            )

    # -- locking (the lock itself is services.locking) ---------------------------------------
    def lock_state(self, actor: Actor | None = None) -> LockState:
        """Locked, version, reason and release: what every screen may know."""
        with self._db.reading() as session:
            row = convention_row(session)
            return LockState(
                row.results_locked, row.results_version, row.lock_note, row.results_released
            )


def read_snapshot(session: Session) -> Snapshot:
    row = convention_row(session)
    return Snapshot(
        spec=load_spec(session),
        sheets=tuple(load_sheets(session)),
        decisions=tuple(load_decisions(session)),
        released=row.results_released,
        locked=row.results_locked,
        version=row.results_version,
        is_demo=row.is_demo,
    )


def _cell_state(status: MarkStatus, sheet: SheetInput | None) -> CellState:
    if status is MarkStatus.CONFLICT:
        return CellState.CONFLICT
    if status is MarkStatus.ABSTAINED:
        return CellState.ABSTAINED
    if sheet is None:
        return CellState.NOT_STARTED
    return CellState(sheet.status.value)


def unconfirmed_sheets(snap: Snapshot) -> list[str]:
    results = compute_results(snap.spec, snap.sheets, snap.decisions)
    statuses = {(s.judge, s.team): s.status for s in snap.sheets}
    items = []
    for category in results.categories:
        for team in category.teams:
            for mark in team.marks:
                if mark.status in (MarkStatus.CONFLICT, MarkStatus.ABSTAINED):
                    continue
                if statuses.get((mark.judge, team.code)) is not SheetStatus.CONFIRMED:
                    items.append(f"{mark.judge}/{team.code}")
    return items
