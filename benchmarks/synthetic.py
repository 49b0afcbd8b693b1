"""Large synthetic conventions: N teams × J judges × C criteria, loaded the way the app loads."""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, time, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert, select

from juryapp.bootstrap import Services, bootstrap
from juryapp.domain.access import Actor
from juryapp.domain.kinds import JudgeRole, Role, SheetSource, SheetStatus
from juryapp.domain.model import (
    PILLARS,
    Category,
    ConventionDay,
    ConventionInfo,
    ConventionSpec,
    Criterion,
    Judge,
    ScoringSettings,
    Team,
)
from juryapp.persistence.tables import CriterionRow, JudgeRow, ScoreRow, SheetRow, TeamRow
from juryapp.services import audit

CATEGORIES = (
    ("PKM", "Puskesmas", "Community health centres"),
    ("RSUD", "Rumah Sakit Umum Daerah", "Regional public hospitals"),
    ("RSS", "Rumah Sakit Swasta", "Private hospitals"),
    ("KLN", "Klinik Pratama", "Primary clinics"),
    ("DNK", "Dinas Kesehatan", "Health offices"),
)
TEAMS_PER_DAY = 100


@dataclass(frozen=True)
class Size:
    teams: int
    judges: int
    criteria: int

    @property
    def label(self) -> str:
        return f"{self.teams:,} teams × {self.judges} judges × {self.criteria} criteria"


DEMO_LIKE = Size(25, 5, 10)
LARGE = Size(1_000, 20, 10)


def synthetic_spec(size: Size, seed: int = 2024) -> ConventionSpec:
    """A valid convention of the given size: five categories, 100 presentations a day."""
    rng = random.Random(seed)
    weights = [100 // size.criteria] * size.criteria
    weights[0] += 100 - sum(weights)
    criteria = tuple(
        Criterion(
            code=f"K{i}",
            name=f"Kriteria {i}",
            name_en=f"Criterion {i}",
            description=f"Uraian kriteria {i} untuk juri.",
            weight=Decimal(w),
        )
        for i, w in enumerate(weights, 1)
    )
    days = max(1, -(-size.teams // TEAMS_PER_DAY))
    start = date(2024, 9, 18)
    pillars = list(PILLARS)
    teams = []
    for i in range(size.teams):
        code, _name, _en = CATEGORIES[i % len(CATEGORIES)]
        day, order = divmod(i, TEAMS_PER_DAY)
        minutes = 8 * 60 + 30 + 30 * (order % 18)
        teams.append(
            Team(
                code=f"{code}-{i + 1:04d}",
                institution=f"{_name} Nomor {i + 1}",
                category=code,
                title=f"Inovasi peningkatan mutu layanan nomor {i + 1} "
                f"{rng.choice(['melalui', 'dengan', 'berbasis'])} sistem digital",
                pillar=pillars[i % len(pillars)],
                members=tuple(f"Anggota {m} Tim {i + 1}" for m in range(1, 5)),
                day=day + 1,
                order=order + 1,
                time=time(minutes // 60, minutes % 60),
            )
        )
    judges = tuple(
        Judge(
            code=f"J{j}",
            name=f"dr. Juri Nomor {j}, M.Kes.",
            affiliation=f"Universitas {j}",
            position="Dosen",
            nip=f"19700101{j:010d}",
            role=JudgeRole.CHAIR if j == 1 else JudgeRole.MEMBER,
        )
        for j in range(1, size.judges + 1)
    )
    tie_break = tuple(c.code for c in criteria[:3])
    return ConventionSpec(
        info=ConventionInfo(
            name=f"Konvensi Sintetis {size.teams} Tim",
            theme="Uji beban",
            organiser="Dinas Kesehatan Sintetis",
            organiser_head_title="Kepala Dinas Kesehatan",
            organiser_head_name="dr. Kepala Dinas, M.K.M.",
            organiser_head_nip="197405122003122002",
            venue="Aula Utama",
            city="Jakarta",
            next_level="Tingkat Provinsi",
            minutes_number="001/BA/SINTETIS/2024",
        ),
        days=tuple(ConventionDay(start + timedelta(days=d), time(8, 30)) for d in range(days)),
        scoring=ScoringSettings(tie_break=tie_break),
        categories=tuple(Category(code, name, 3, name_en=en) for code, name, en in CATEGORIES),
        criteria=criteria,
        judges=judges,
        teams=tuple(teams),
    )


def synthetic_scores(spec: ConventionSpec, seed: int = 7) -> Iterator[tuple[str, str, str, int]]:
    """(judge, team, criterion, score) for every sheet: team quality + judge leniency + noise."""
    rng = random.Random(seed)
    leniency = {j.code: rng.gauss(0, 0.4) for j in spec.judges}
    for team in spec.teams:
        quality = rng.uniform(2.0, 4.6)
        for judge in spec.judges:
            for criterion in spec.criteria:
                raw = quality + leniency[judge.code] + rng.gauss(0, 0.6)
                yield judge.code, team.code, criterion.code, max(1, min(5, round(raw)))


def write_scores_csv(spec: ConventionSpec, path: Path) -> int:
    rows = 0
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["judge", "team", "criterion", "score", "note"])
        for judge, team, criterion, score in synthetic_scores(spec):
            writer.writerow([judge, team, criterion, score, ""])
            rows += 1
    return rows


def write_scores_xlsx(spec: ConventionSpec, path: Path) -> int:
    from openpyxl import Workbook  # noqa: PLC0415 - only the import benchmark needs it

    book = Workbook(write_only=True)
    sheet = book.create_sheet("nilai")
    sheet.append(["judge", "team", "criterion", "score", "note"])
    rows = 0
    for judge, team, criterion, score in synthetic_scores(spec):
        sheet.append([judge, team, criterion, score, None])
        rows += 1
    book.save(path)
    return rows


# The synthetic convention's secretariat account and signing key.
BENCH_USER, BENCH_SECRET = "admin", "benchmark-admin"
BENCH_PASSPHRASE = "benchmark-passphrase"


def secretariat(services: Services) -> Actor:
    """The synthetic convention's secretariat user, signed in."""
    return services.accounts.sign_in(BENCH_USER, BENCH_SECRET)


def credentials_of(services: Services) -> tuple[Actor, str, str]:
    """A signed-in secretariat user, their secret and the key's passphrase, demo or synthetic."""
    from juryapp.services.demo import DEMO_PASSPHRASE, SECRETARIAT  # noqa: PLC0415

    if services.setup.overview().is_demo:
        user, secret, _name = SECRETARIAT[0]
        return services.accounts.sign_in(user, secret), secret, DEMO_PASSPHRASE
    return secretariat(services), BENCH_SECRET, BENCH_PASSPHRASE


def create_convention(services: Services, spec: ConventionSpec) -> None:
    """The set-up through the services, as ``juryapp add-user`` and ``init`` store it."""
    actor = services.accounts.create_first(BENCH_USER, BENCH_SECRET)
    services.setup.create(actor, spec)
    services.keys.create(actor, BENCH_PASSPHRASE)


def load_confirmed_scores(services: Services, spec: ConventionSpec, *, open_teams: int = 0) -> int:
    """Every sheet stored confirmed, in one transaction, the way the demo loader stores it,
    except those of the last ``open_teams`` teams to present (left for judges to score).

    The scoring service writes one score per durable transaction (that is the point of it),
    which would take minutes for 200,000 scores; the bulk path is the demo's.
    """
    left_open = {t.code for t in still_to_score(spec, open_teams)}
    database = services.database
    with database.writing() as session:
        judges = dict(session.execute(select(JudgeRow.code, JudgeRow.id)).all())
        teams = dict(session.execute(select(TeamRow.code, TeamRow.id)).all())
        criteria = dict(session.execute(select(CriterionRow.code, CriterionRow.id)).all())
        now = audit.now()
        session.execute(
            insert(SheetRow),
            [
                {
                    "judge_id": judges[j.code], "team_id": teams[t.code],
                    "status": SheetStatus.CONFIRMED.value, "source": SheetSource.JUDGE.value,
                    "submitted_at": now, "confirmed_at": now, "note": "",
                    "abstain_reason": "", "updated_at": now, "abstained": False,
                }
                for t in spec.teams
                if t.code not in left_open
                for j in spec.judges
            ],
        )  # fmt: skip
        sheet_ids = {
            (judge_id, team_id): sheet_id
            for sheet_id, judge_id, team_id in session.execute(
                select(SheetRow.id, SheetRow.judge_id, SheetRow.team_id)
            )
        }
        scores = [
            {
                "sheet_id": sheet_ids[(judges[judge], teams[team])],
                "criterion_id": criteria[criterion], "value": Decimal(score),
                "note": "", "updated_at": now, "checked": True,
            }
            for judge, team, criterion, score in synthetic_scores(spec)
            if team not in left_open
        ]  # fmt: skip
        session.execute(insert(ScoreRow), scores)
        audit.record_sheets(
            session, BENCH_USER, "benchmark.scores", "", list(sheet_ids.values()),
            count=len(sheet_ids), scores=len(scores),
        )  # fmt: skip
    return len(scores)


def still_to_score(spec: ConventionSpec, count: int) -> list[Team]:
    """The last ``count`` teams to present, in presentation order."""
    ordered = sorted(spec.teams, key=lambda t: (t.day or 0, t.order or 0, t.code))
    return ordered[len(ordered) - count :] if count else []


def judge_pin(code: str) -> str:
    """The synthetic judges' PINs: six digits, none of them easy to guess."""
    return f"{730_000 + int(code[1:]) * 37}"


def make_database(path: Path, size: Size, *, open_teams: int = 0) -> Path:
    """A database at ``path`` holding a synthetic convention with every sheet confirmed, but
    those of the last ``open_teams`` teams, which its judges (with accounts) have yet to score.
    """
    spec = synthetic_spec(size)
    services = bootstrap(path)
    try:
        create_convention(services, spec)
        load_confirmed_scores(services, spec, open_teams=open_teams)
    finally:
        services.close()
    if open_teams:
        add_judge_accounts(path, spec)
    return path


def add_judge_accounts(path: Path, spec: ConventionSpec) -> None:
    """An account for every judge (PIN from ``judge_pin``), hashed at a trivial cost: twenty
    are made here and checked again by each simulated laptop."""
    from argon2 import PasswordHasher  # noqa: PLC0415

    services = bootstrap(path, hasher=PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    try:
        actor = secretariat(services)
        for judge in spec.judges:
            services.accounts.create(
                actor, judge.code.lower(), judge_pin(judge.code), role=Role.JUDGE,
                judge_code=judge.code,
            )  # fmt: skip
    finally:
        services.close()


def make_demo_database(path: Path) -> Path:
    """A database at ``path`` holding the bundled demo convention, every sheet confirmed."""
    from juryapp.services.demo import load_demo  # noqa: PLC0415

    services = bootstrap(path)
    try:
        load_demo(
            services.database, services.setup, services.accounts, services.keys, complete=True
        )
    finally:
        services.close()
    return path
