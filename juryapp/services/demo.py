"""The demo convention: West Jakarta 2024 as a convention file, its scores and its accounts."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import insert, select

from juryapp.domain.formatting import parse_decimal
from juryapp.domain.kinds import Role, SheetSource, SheetStatus
from juryapp.persistence.database import Database
from juryapp.persistence.tables import (
    CriterionRow,
    JudgeRow,
    ScoreRow,
    SheetRow,
    TeamRow,
    UserRow,
)
from juryapp.resources import resource
from juryapp.services import audit
from juryapp.services.accounts import AccountService
from juryapp.services.keys import KeyService
from juryapp.services.setup import SetupService

# the signing key's passphrase, listed in the README with the demo's accounts
DEMO_PASSPHRASE = "kunci-demo-2024"  # noqa: S105
SECRETARIAT = (
    ("sekretariat", "jakbar2024", "Sekretariat — Rina Oktaviani"),
    ("sekretariat2", "jakbar2024b", "Sekretariat — Bayu Prasetyo"),
)


@dataclass(frozen=True)
class Credential:
    username: str
    secret: str
    display_name: str
    role: Role


@dataclass(frozen=True)
class DemoInfo:
    credentials: tuple[Credential, ...]
    # (judge, team) left unscored so a newcomer can score it; None in the complete demo
    pending: tuple[str, str] | None


def judge_pin(index: int) -> str:
    """Easy demo PINs: 1111 for the first judge, 2222 for the second…"""
    return str(index) * 4


def demo_credentials(judges: list[tuple[str, str]]) -> tuple[Credential, ...]:
    people = [Credential(u, s, n, Role.SECRETARIAT) for u, s, n in SECRETARIAT]
    people += [
        Credential(code.lower(), judge_pin(i), name, Role.JUDGE)
        for i, (code, name) in enumerate(judges, 1)
    ]
    return tuple(people)


def load_demo(
    database: Database,
    setup: SetupService,
    accounts: AccountService,
    keys: KeyService,
    *,
    complete: bool = False,
) -> DemoInfo:
    """Create the demo in an empty database: accounts, set-up, its signing key, the scores.

    The plain demo leaves one sheet empty and the second day's sheets waiting for a second
    person's confirmation; the ``complete`` demo fills that sheet and confirms every sheet, so
    the results can be locked and printed at once.
    """
    # The spreadsheet readers load only to build the demo: the sign-in screen of any database
    # imports this module for the demo's accounts, and they are 14 MB.
    from juryapp.interchange.columns import SCORE_COLUMNS  # noqa: PLC0415
    from juryapp.interchange.convention_file import read_convention_file  # noqa: PLC0415
    from juryapp.interchange.tabular import read_table  # noqa: PLC0415

    spec = read_convention_file(resource("demo", "convention.toml"))
    credentials = demo_credentials([(j.code, j.name) for j in spec.judges])
    first, *others = credentials
    actor = accounts.create_first(first.username, first.secret, display_name=first.display_name)
    setup.create(actor, spec, is_demo=True)
    keys.create(actor, DEMO_PASSPHRASE)
    for person in others:
        accounts.create(
            actor,
            person.username,
            person.secret,
            role=person.role,
            display_name=person.display_name,
            judge_code=person.username.upper() if person.role is Role.JUDGE else None,
            demo_pin=True,
        )
    # The first judge has not scored the last team on the last day yet: a sheet to try.
    last = max(spec.teams, key=lambda t: (t.day or 0, t.order or 0))
    pending = None if complete else (spec.judges[0].code, last.code)
    rows = read_table(resource("demo", "scores.csv"), SCORE_COLUMNS)
    by_sheet: dict[tuple[str, str], list[tuple[str, Decimal, str]]] = defaultdict(list)
    for row in rows:
        key = (row.values["judge"], row.values["team"])
        if key != pending:
            by_sheet[key].append(
                (
                    row.values["criterion"],
                    parse_decimal(row.values["score"]),
                    row.values.get("note", ""),
                )
            )
    first_day = {t.code for t in spec.teams if t.day == 1}
    with database.writing() as session:
        judges = dict(session.execute(select(JudgeRow.code, JudgeRow.id)).all())
        teams = dict(session.execute(select(TeamRow.code, TeamRow.id)).all())
        criteria = dict(session.execute(select(CriterionRow.code, CriterionRow.id)).all())
        checker = session.scalar(select(UserRow.id).where(UserRow.username == SECRETARIAT[1][0]))
        now = audit.now()
        scores = []
        sheet_ids: list[int] = []
        for (judge, team), lines in by_sheet.items():
            # Day one is checked; day two waits for the secretariat (unless the demo is complete).
            confirmed = complete or team in first_day
            sheet = SheetRow(
                judge_id=judges[judge],
                team_id=teams[team],
                status=(SheetStatus.CONFIRMED if confirmed else SheetStatus.SUBMITTED).value,
                source=SheetSource.JUDGE.value,
                submitted_at=now,
                confirmed_at=now if confirmed else None,
                confirmed_by=checker if confirmed else None,
                note="",
                abstain_reason="",
                updated_at=now,
            )
            session.add(sheet)
            session.flush()
            sheet_ids.append(sheet.id)
            scores += [
                {"sheet_id": sheet.id, "criterion_id": criteria[code], "value": value,
                 "note": note, "updated_at": now, "checked": confirmed}
                for code, value, note in lines
            ]  # fmt: skip
        session.execute(insert(ScoreRow), scores)
        audit.record_sheets(
            session,
            actor,
            "demo.scores",
            "",
            sheet_ids,
            count=len(by_sheet),
            scores=len(scores),
            complete=complete,
        )
    return DemoInfo(credentials, pending)


def stored_demo_credentials(database: Database) -> tuple[Credential, ...]:
    """The demo's accounts for the sign-in screen (only ever shown for a demo database)."""
    with database.reading() as session:
        judges = session.execute(select(JudgeRow.code, JudgeRow.name).order_by(JudgeRow.code))
        return demo_credentials([(code, name) for code, name in judges])
