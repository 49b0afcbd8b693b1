"""Results: computing rankings, releasing them to judges, tie decisions, progress and locking."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from juryapp.domain.access import Actor, require_secretariat
from juryapp.domain.kinds import Method, SheetStatus
from juryapp.domain.messages import NotFoundError, PermissionDeniedError, StateError, Text
from juryapp.domain.model import ConventionSpec
from juryapp.domain.results import MarkStatus, Results, SheetInput, TieDecision, compute_results
from juryapp.persistence.database import Database
from juryapp.persistence.tables import CategoryRow, TeamRow, TieDecisionRow
from juryapp.services import audit
from juryapp.services.readiness import open_items as open_items_of
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
class Progress:
    """The judge × team matrix the secretariat watches during the convention."""

    judges: tuple[str, ...]
    teams: tuple[str, ...]
    criteria: int
    cells: dict[tuple[str, str], ProgressCell]

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

    def snapshot(self) -> Snapshot:
        """Every sheet, drafts included, for other services; never hand it to a screen."""
        with self._db.reading() as session:
            return _snapshot(session)

    def compute(self, actor: Actor, method: Method | None = None) -> Results:
        """Rankings per category; judges see them only once the secretariat releases them."""
        snap = self.snapshot()
        if not actor.is_secretariat and not snap.released:
            raise PermissionDeniedError(
                Text(
                    "hasil belum dibuka oleh sekretariat",
                    "the secretariat has not released the results yet",
                )
            )
        return compute_results(snap.spec, snap.sheets, snap.decisions, method)

    def compare_methods(self, actor: Actor) -> dict[Method, Results]:
        require_secretariat(actor)
        snap = self.snapshot()
        return {m: compute_results(snap.spec, snap.sheets, snap.decisions, m) for m in Method}

    def progress(self, actor: Actor) -> Progress:
        require_secretariat(actor)
        snap = self.snapshot()
        results = compute_results(snap.spec, snap.sheets, snap.decisions)
        sheets = {(s.judge, s.team): s for s in snap.sheets}
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
        return Progress(
            judges=tuple(j.code for j in snap.spec.judges),
            teams=tuple(t.code for t in snap.spec.teams),
            criteria=len(snap.spec.criteria),
            cells=cells,
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
            audit.record(
                session,
                actor,
                "tie.decide",
                category_code,
                ordering=ordering,
                shared=shared,
                reason=reason,
            )

    # -- locking -----------------------------------------------------------------------------
    def lock_state(self) -> LockState:
        with self._db.reading() as session:
            row = convention_row(session)
            return LockState(
                row.results_locked, row.results_version, row.lock_note, row.results_released
            )

    def lock(self, actor: Actor, reason: str = "") -> LockState:
        """Freeze the results once every sheet is handed in and every cut-line tie decided.

        Handed-in sheets not yet confirmed by a second person need a recorded reason.
        """
        require_secretariat(actor)
        with self._db.writing() as session:
            row = convention_row(session)
            if row.results_locked:
                raise StateError(Text("hasil sudah dikunci", "the results are already locked"))
            snap = _snapshot(session)
            readiness = open_items_of(snap.spec, snap.sheets, snap.decisions)
            if not readiness.can_lock:  # a missing or draft sheet, or an undecided cut-line tie
                raise StateError(readiness.refusal())
            open_items = _unconfirmed(snap)
            if open_items and not reason.strip():
                raise StateError(
                    Text(
                        "{n} lembar belum dikonfirmasi (mis. {e}); konfirmasi dulu atau "
                        "kunci dengan alasan",
                        "{n} sheets are not confirmed (e.g. {e}); confirm them or lock with "
                        "a reason",
                    ).format(n=len(open_items), e=", ".join(open_items[:3]))
                )
            row.results_locked, row.lock_note = True, reason.strip()
            audit.record(
                session,
                actor,
                "results.lock",
                "",
                version=row.results_version,
                reason=reason,
                unconfirmed=open_items,
                fingerprint=results_fingerprint(snap),
            )
            return LockState(True, row.results_version, row.lock_note, row.results_released)

    def unlock(self, actor: Actor, reason: str) -> LockState:
        """Reopen locked results; the version goes up so older printouts are recognisable."""
        require_secretariat(actor)
        if not reason.strip():
            raise StateError(Text("membuka kunci memerlukan alasan", "unlocking needs a reason"))
        with self._db.writing() as session:
            row = convention_row(session)
            if not row.results_locked:
                raise StateError(Text("hasil belum dikunci", "the results are not locked"))
            row.results_locked = False
            row.results_version += 1
            row.lock_note = ""
            audit.record(
                session, actor, "results.unlock", "", reason=reason, version=row.results_version
            )
            return LockState(False, row.results_version, "", row.results_released)


def _snapshot(session: Session) -> Snapshot:
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


def _unconfirmed(snap: Snapshot) -> list[str]:
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


def results_fingerprint(snap: Snapshot) -> str:
    """SHA-256 of a canonical form of every setting and score the results come from."""
    spec = snap.spec
    canonical = {
        "version": snap.version,
        "convention": spec.info.name,
        "scoring": {
            "method": spec.scoring.method.value,
            "trim": spec.scoring.trim,
            "formula": spec.scoring.total_formula.value,
            "tie_break": list(spec.scoring.tie_break),
        },
        "categories": sorted([c.code, c.quota] for c in spec.categories),
        "criteria": sorted(
            [c.code, str(c.weight), str(c.scale_min), str(c.scale_max), str(c.scale_step)]
            for c in spec.criteria
        ),
        "teams": sorted([t.code, t.category, t.institution] for t in spec.teams),
        "judges": sorted(j.code for j in spec.judges),
        "conflicts": sorted([c.judge, c.team or "", c.institution or ""] for c in spec.conflicts),
        "sheets": sorted(
            [
                s.judge,
                s.team,
                s.status.value,
                s.abstained,
                sorted([k, str(v.normalize())] for k, v in s.scores.items()),
            ]
            for s in snap.sheets
        ),
        "decisions": sorted(
            [d.category, sorted(d.teams), list(d.order), d.shared] for d in snap.decisions
        ),
    }
    text = json.dumps(canonical, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()
