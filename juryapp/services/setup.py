"""Storing and changing a convention's set-up: details, rubric, categories, teams, judges."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Literal, TypeVar

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from juryapp.domain.access import Actor, require_secretariat
from juryapp.domain.messages import NotFoundError, StateError, Text
from juryapp.domain.model import (
    Conflict,
    ConventionInfo,
    ConventionSpec,
    Criterion,
    Judge,
    Team,
    same_institution,
)
from juryapp.domain.validation import validate_spec
from juryapp.persistence.database import Database
from juryapp.persistence.tables import (
    CategoryRow,
    ConflictRow,
    ConventionRow,
    CriterionRow,
    DayRow,
    JudgeRow,
    LevelRow,
    MemberRow,
    SheetRow,
    TeamRow,
    UserRow,
)
from juryapp.services import audit
from juryapp.services.handing_in import record_abstention
from juryapp.services.snapshot import convention_row, load_abstentions, load_spec

if TYPE_CHECKING:
    from juryapp.services.demo import Credential


@dataclass(frozen=True)
class ConventionOverview:
    name: str
    is_demo: bool


UpsertTable = Literal["teams", "judges"]


def with_upserted(
    spec: ConventionSpec, table: UpsertTable, items: Sequence[Team | Judge]
) -> ConventionSpec:
    """The set-up with ``items`` added, or replacing the ones with the same code."""
    merged = {x.code: x for x in getattr(spec, table)} | {x.code: x for x in items}
    if table == "teams":
        return replace(spec, teams=tuple(x for x in merged.values() if isinstance(x, Team)))
    return replace(spec, judges=tuple(x for x in merged.values() if isinstance(x, Judge)))


RowT = TypeVar("RowT", CategoryRow, CriterionRow, JudgeRow, TeamRow)


class SetupService:
    """The secretariat's set-up work; every change is validated as a whole before it is kept."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def has_convention(self) -> bool:
        return self._db.has_convention()

    def overview(self) -> ConventionOverview:
        """What the sign-in screen may show before anyone has signed in."""
        with self._db.reading() as session:
            row = convention_row(session)
            return ConventionOverview(row.name, row.is_demo)

    def spec(self) -> ConventionSpec:
        with self._db.reading() as session:
            return load_spec(session)

    def demo_credentials(self) -> tuple[Credential, ...]:
        """The demo's accounts, for its sign-in screen; none for any other convention."""
        if not self.overview().is_demo:
            return ()
        from juryapp.services.demo import stored_demo_credentials  # noqa: PLC0415

        return stored_demo_credentials(self._db)

    def create(self, actor: Actor, spec: ConventionSpec, *, is_demo: bool = False) -> None:
        """Store a whole new convention in an empty database.

        A signed-in secretariat user creates it, or the founder of a database that has no
        accounts yet (the first account is then created without signing in, and the signing
        key at the first lock).
        """
        if not actor.is_founder:
            require_secretariat(actor)
        validate_spec(spec)
        with self._db.writing() as session:
            if actor.is_founder and session.scalar(select(UserRow.id).limit(1)) is not None:
                require_secretariat(actor)  # accounts exist: somebody must sign in
            if session.scalar(select(ConventionRow.id).limit(1)) is not None:
                raise StateError(
                    Text(
                        "basis data ini sudah berisi konvensi",
                        "this database already holds a convention",
                    )
                )
            _write_convention(session, spec, is_demo=is_demo)
            audit.record_setup(session, actor, "convention.create", spec.info.name, is_demo=is_demo)
            _record_abstentions(session, actor, spec)

    def update(self, actor: Actor, spec: ConventionSpec) -> None:
        """Replace details, schedule, rubric settings, categories, judges, teams and conflicts.

        Rows are matched by code, so stored sheets and scores stay attached to their team,
        judge and criterion. Removing something that already has scores is refused.
        """
        require_secretariat(actor)
        validate_spec(spec)
        with self._db.writing() as session:
            _refuse_if_locked(session)
            _apply(session, spec)
            audit.record_setup(session, actor, "convention.update", spec.info.name)
            _record_abstentions(session, actor, spec)

    def upsert_teams(self, actor: Actor, teams: Sequence[Team]) -> tuple[int, int]:
        """Add or replace teams by code; returns (added, changed)."""
        return self.upsert(actor, "teams", teams)

    def upsert_judges(self, actor: Actor, judges: Sequence[Judge]) -> tuple[int, int]:
        """Add or replace judges by code; returns (added, changed)."""
        return self.upsert(actor, "judges", judges)

    def upsert(
        self, actor: Actor, table: UpsertTable, items: Sequence[Team | Judge]
    ) -> tuple[int, int]:
        """Add or replace teams or judges by code, validated as a whole; (added, changed)."""
        require_secretariat(actor)
        with self._db.writing() as session:
            current = load_spec(session)
            spec = with_upserted(current, table, items)
            validate_spec(spec)
            _refuse_if_locked(session)
            _apply(session, spec)
            known = {x.code for x in getattr(current, table)}
            added = sum(1 for x in items if x.code not in known)
            changed = len(items) - added
            audit.record_setup(session, actor, f"{table}.import", "", added=added, changed=changed)
            return added, changed

    def suggest_conflicts(self) -> list[Conflict]:
        """Judge ↔ institution pairs where the judge's affiliation is a team's institution."""
        spec = self.spec()
        existing = {(c.judge, c.team, c.institution) for c in spec.conflicts}
        suggestions: list[Conflict] = []
        for judge in spec.judges:
            for institution in sorted({t.institution for t in spec.teams}):
                if judge.affiliation and same_institution(judge.affiliation, institution):
                    key = (judge.code, None, institution)
                    if key not in existing:
                        suggestions.append(
                            Conflict(judge.code, institution=institution, reason="afiliasi sama")
                        )
        return suggestions

    def set_signature(self, actor: Actor, judge_code: str, png: bytes | None) -> None:
        """Keep a judge's handwritten signature for their signature blocks."""
        if not actor.is_secretariat and actor.judge_code != judge_code:
            require_secretariat(actor)
        with self._db.writing() as session:
            _refuse_if_locked(session)  # signatures are printed, so they are sealed
            judge = session.scalar(select(JudgeRow).where(JudgeRow.code == judge_code))
            if judge is None:
                raise NotFoundError(
                    Text("juri '{c}' tidak dikenal", "unknown judge '{c}'").format(c=judge_code)
                )
            judge.signature_png = png
            audit.record_setup(session, actor, "judge.signature", judge_code, cleared=png is None)

    def signatures(self) -> dict[str, bytes]:
        with self._db.reading() as session:
            rows = session.execute(
                select(JudgeRow.code, JudgeRow.signature_png).where(
                    JudgeRow.signature_png.is_not(None)
                )
            )
            return {code: png for code, png in rows if png is not None}


def _refuse_if_locked(session: Session) -> None:
    if convention_row(session).results_locked:
        raise StateError(
            Text(
                "hasil sudah dikunci; buka kunci dulu dengan alasan",
                "the results are locked; unlock them first, with a reason",
            )
        )


def _record_abstentions(session: Session, actor: Actor, spec: ConventionSpec) -> None:
    """Record the set-up's abstentions not yet recorded, as ``ScoringService.abstain`` does.

    Only ever added: lifting an abstention is a change to one sheet, made on its own.
    """
    if not spec.abstentions:
        return
    recorded = set(load_abstentions(session))
    for abstention in spec.abstentions:
        if abstention not in recorded:
            record_abstention(session, actor, abstention.judge, abstention.team, abstention.reason)


def _write_convention(session: Session, spec: ConventionSpec, *, is_demo: bool) -> None:
    session.add(
        ConventionRow(
            id=1,
            name=spec.info.name,  # NOT NULL: must be there at the first flush
            created_at=audit.now(),
            is_demo=is_demo,
            results_version=1,
            uid=secrets.token_hex(16),
        )
    )
    session.flush()
    _apply(session, spec)


def _apply(session: Session, spec: ConventionSpec) -> None:
    """Make the stored set-up equal to ``spec``, keeping rows (and their scores) by code."""
    # New rows are filled in after they are added; flushing them half-filled would fail.
    with session.no_autoflush:
        _apply_unflushed(session, spec)
    session.flush()


def _apply_unflushed(session: Session, spec: ConventionSpec) -> None:
    row = convention_row(session)
    info, scoring = spec.info, spec.scoring
    for field in fields(ConventionInfo):  # every detail is a column of the same name
        setattr(row, field.name, getattr(info, field.name))
    row.method = scoring.method.value
    row.trim = scoring.trim
    row.total_formula = scoring.total_formula.value
    row.tie_break = ",".join(scoring.tie_break)
    row.outlier_threshold = scoring.outlier_threshold
    row.presentation_minutes = scoring.presentation_minutes
    row.qa_minutes = scoring.qa_minutes

    session.execute(delete(DayRow))
    session.flush()
    for i, day in enumerate(spec.days, 1):
        session.add(DayRow(position=i, date=day.date, start=day.start))

    categories = _sync(
        session, CategoryRow, [c.code for c in spec.categories], "kategori", "category"
    )
    for i, category in enumerate(spec.categories):
        c = categories[category.code]
        c.name, c.name_en, c.quota, c.position = category.name, category.name_en, category.quota, i
    criteria = _sync(
        session, CriterionRow, [c.code for c in spec.criteria], "kriteria", "criterion"
    )
    for i, criterion in enumerate(spec.criteria):
        _fill_criterion(criteria[criterion.code], criterion, i)
    judges = _sync(session, JudgeRow, [j.code for j in spec.judges], "juri", "judge")
    for judge in spec.judges:
        j = judges[judge.code]
        j.name, j.affiliation, j.position, j.nip = (
            judge.name,
            judge.affiliation,
            judge.position,
            judge.nip,
        )
        j.role = judge.role.value
    session.flush()
    teams = _sync(session, TeamRow, [t.code for t in spec.teams], "tim", "team")
    for team in spec.teams:
        _fill_team(teams[team.code], team, categories[team.category])
    session.flush()
    session.execute(delete(ConflictRow))
    for conflict in spec.conflicts:
        session.add(
            ConflictRow(
                judge_id=judges[conflict.judge].id,
                team_id=teams[conflict.team].id if conflict.team else None,
                institution=conflict.institution,
                reason=conflict.reason,
            )
        )
    session.flush()


def _sync(
    session: Session, table: type[RowT], codes: list[str], noun_id: str, noun_en: str
) -> dict[str, RowT]:
    rows = {r.code: r for r in session.scalars(select(table))}
    for code, row in list(rows.items()):
        if code in codes:
            continue
        if _has_sheets(session, row):
            raise StateError(
                Text(
                    f"{noun_id} '{code}' sudah memiliki nilai dan tidak dapat dihapus",
                    f"{noun_en} '{code}' already has scores and cannot be removed",
                )
            )
        session.delete(row)
        del rows[code]
    session.flush()
    for code in codes:
        if code not in rows:
            row = table(code=code)
            session.add(row)
            rows[code] = row
    return rows


def _has_sheets(session: Session, row: object) -> bool:
    if isinstance(row, JudgeRow):
        condition = SheetRow.judge_id == row.id
    elif isinstance(row, TeamRow):
        condition = SheetRow.team_id == row.id
    elif isinstance(row, CategoryRow):
        condition = SheetRow.team_id.in_(select(TeamRow.id).where(TeamRow.category_id == row.id))
    else:
        return False  # removing a criterion from the rubric drops its scores with it
    return session.scalar(select(SheetRow.id).where(condition).limit(1)) is not None


def _fill_criterion(row: CriterionRow, criterion: Criterion, position: int) -> None:
    row.name, row.name_en = criterion.name, criterion.name_en
    row.description, row.description_en = criterion.description, criterion.description_en
    row.weight, row.position = criterion.weight, position
    row.scale_min, row.scale_max, row.scale_step = (
        criterion.scale_min,
        criterion.scale_max,
        criterion.scale_step,
    )
    # Keep the stored level of each score: replacing them all would insert the new rows
    # before deleting the old ones and break the (criterion, score) uniqueness.
    existing = {lv.score: lv for lv in row.levels}
    levels = []
    for lv in criterion.levels:
        level = existing.pop(lv.score, None) or LevelRow(score=lv.score)
        level.label, level.label_en = lv.label, lv.label_en
        level.description, level.description_en = lv.description, lv.description_en
        levels.append(level)
    row.levels = levels


def _fill_team(row: TeamRow, team: Team, category: CategoryRow) -> None:
    row.institution, row.title, row.category = team.institution, team.title, category
    row.pillar, row.programme = team.pillar, team.programme
    row.day, row.order, row.start = team.day, team.order, team.time
    row.members = [MemberRow(position=i, name=name) for i, name in enumerate(team.members)]


# What a judge's laptop uses to build its set-up from a convention package.
write_convention = _write_convention
apply_spec = _apply
