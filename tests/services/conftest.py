"""Service fixtures: a fresh database per test holding the demo convention and its accounts."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from juryapp.bootstrap import Services, bootstrap
from juryapp.domain.access import Actor
from juryapp.domain.clock import Clock
from juryapp.domain.kinds import Role
from juryapp.domain.model import ConventionSpec
from juryapp.interchange.convention_file import read_convention_file
from juryapp.persistence.database import Database
from juryapp.persistence.tables import AuditRow
from juryapp.reports.convention_key import ConventionKey
from juryapp.reports.key_vault import KdfCost
from juryapp.resources import resource
from juryapp.services.accounts import AccountService
from juryapp.services.integrity import IntegrityService
from juryapp.services.keys import KeyService
from juryapp.services.locking import LockService
from juryapp.services.readiness import open_items
from juryapp.services.results import ResultsService
from juryapp.services.scoring import ScoringService
from juryapp.services.setup import SetupService
from tests.postgres import SKIP_REASON, copy_of_sqlite, drop_database, server_url

SECRETARIAT_PASSPHRASE = "kata-sandi-sekretariat"
KEY_PASSPHRASE = "frasa-sandi-kunci-uji"
# Argon2id at a trivial cost: the key is opened at every lock and final print in the tests
CHEAP_KDF = KdfCost(time_cost=1, memory_kib=8, parallelism=1)
JUDGE_CODES = ("J1", "J2", "J3", "J4", "J5")
CRITERIA = ("K1", "K2", "K3", "K4", "K5", "K6", "K7", "K8")
# Conflicts in the demo file: J5 × RSS-02 (team), J2 × RS Tirta Medika (RSS-04), J3 × Tambora.
CONFLICTS = {("J5", "RSS-02"), ("J2", "RSS-04"), ("J3", "PKM-04")}


def pin_of(judge_code: str) -> str:
    return f"{judge_code[1:]:0>6}"  # J1 → 000001


def fast_hasher() -> PasswordHasher:
    """Argon2id at a trivial cost so that tests that sign in many times stay quick."""
    return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


# What events record for the replay check, apart from what the change was about.
STATE_KEYS = ("sheets", "setup", "criteria", "sealed_keys", "accounts", "account_rows")


@dataclass(frozen=True)
class Event:
    seq: int
    at: datetime
    actor: str
    subject: str
    details: dict[str, Any]  # without the recorded states (see ``state``)
    hash: str
    state: dict[str, Any]  # the sheets' states, set-up digest and criteria it recorded


@dataclass
class Stack:
    """The services of one open database, wired like ``juryapp.bootstrap`` wires them."""

    path: Path | str  # a SQLite file, or a PostgreSQL URL
    database: Database
    setup: SetupService
    accounts: AccountService
    scoring: ScoringService
    results: ResultsService
    keys: KeyService
    locking: LockService
    integrity: IntegrityService
    services: Services

    def close(self) -> None:
        self.services.close()

    def actions(self) -> list[tuple[str, str, str]]:
        """(actor, action, subject) of every audit event, oldest first."""
        with self.database.reading() as session:
            rows = session.scalars(select(AuditRow).order_by(AuditRow.seq))
            return [(r.actor, r.action, r.subject) for r in rows]

    def events(self, action: str) -> list[Event]:
        """The audit events of one kind as plain values, oldest first."""
        with self.database.reading() as session:
            rows = session.scalars(
                select(AuditRow).where(AuditRow.action == action).order_by(AuditRow.seq)
            )
            events = []
            for r in rows:
                details = json.loads(r.details)
                state = {k: details.pop(k) for k in STATE_KEYS if k in details}
                events.append(Event(r.seq, r.at, r.actor, r.subject, details, r.hash, state))
            return events


def open_stack(
    path: Path | str, hasher: PasswordHasher | None = None, clock: Clock | None = None
) -> Stack:
    """The services wired by ``bootstrap`` itself, with a cheap hasher and key cost."""
    services = bootstrap(path, clock=clock, hasher=hasher or fast_hasher(), kdf_cost=CHEAP_KDF)
    return Stack(
        path=path,
        database=services.database,
        setup=services.setup,
        accounts=services.accounts,
        scoring=services.scoring,
        results=services.results,
        keys=services.keys,
        locking=services.locking,
        integrity=services.integrity,
        services=services,
    )


def fill_sheet(stack: Stack, actor: Actor, judge: str, team: str, value: int | Decimal = 3) -> None:
    for criterion in CRITERIA:
        stack.scoring.set_score(actor, judge, team, criterion, Decimal(value))


def settle_open_sheets(stack: Stack, actor: Actor, reason: str = "uji kunci") -> int:
    """Record an abstention for every sheet not handed in, so that the results can be locked."""
    snap = stack.results.snapshot(actor)
    settled = 0
    for item in open_items(snap.spec, snap.sheets, snap.decisions).blocking:
        if item.judge is not None:
            stack.scoring.abstain(actor, item.judge, item.teams[0], reason)
            settled += 1
    return settled


@pytest.fixture(scope="session")
def demo_spec() -> ConventionSpec:
    return read_convention_file(resource("demo", "convention.toml"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "konvensi.sqlite3"


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory, demo_spec: ConventionSpec) -> Path:
    """The demo convention, its signing key, secretariat users sek1/sek2 and five judges."""
    path = tmp_path_factory.mktemp("template") / "konvensi.sqlite3"
    services = open_stack(path)
    try:
        first = services.accounts.create_first("sek1", SECRETARIAT_PASSPHRASE, display_name="sek1")
        services.setup.create(first, demo_spec, is_demo=True)
        services.keys.create(first, KEY_PASSPHRASE)
        services.accounts.create(
            first, "sek2", SECRETARIAT_PASSPHRASE, role=Role.SECRETARIAT, display_name="sek2"
        )
        for code in JUDGE_CODES:
            services.accounts.create(
                first, code.lower(), pin_of(code), role=Role.JUDGE, judge_code=code
            )
    finally:
        services.close()
    return path


def copy_database(source: Path, target: Path) -> None:
    """Copy with SQLite's online backup API, never by copying the file."""
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


@pytest.fixture(scope="session")
def settled_template(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Path:
    """The template with every sheet recorded as an abstention: the results can be locked."""
    path = tmp_path_factory.mktemp("settled") / "konvensi.sqlite3"
    copy_database(template_db, path)
    services = open_stack(path)
    try:
        settle_open_sheets(services, services.accounts.sign_in("sek1", SECRETARIAT_PASSPHRASE))
    finally:
        services.close()
    return path


@pytest.fixture
def stack_template(template_db: Path) -> Path:
    """What each test's database starts as; a module may override it with a richer state."""
    return template_db


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    """Every test with a ``stack`` runs on SQLite, and on PostgreSQL when a server is named."""
    if request.param == "postgresql":
        if request.node.get_closest_marker("sqlite_only") is not None:
            pytest.skip("SQLite only: the test uses SQLite's own file or tools")
        if server_url(request.config) is None:
            pytest.skip(SKIP_REASON)
    return str(request.param)


@pytest.fixture
def stack(
    db_path: Path, stack_template: Path, backend: str, request: pytest.FixtureRequest
) -> Iterator[Stack]:
    """A fresh database for this test: a copy of the template made through the backup API
    (on PostgreSQL, a database copied from one holding the same rows).

    Whatever the test did through the services, the audit trail must still account for every
    table afterwards; a test that tampers with the file on purpose is marked ``tampers``.
    """
    server = server_url(request.config) if backend == "postgresql" else None
    if server is None:
        copy_database(stack_template, db_path)
        target: Path | str = db_path
    else:
        url = copy_of_sqlite(server, stack_template)
        target = url.render_as_string(hide_password=False)
    services = open_stack(target)
    yield services
    try:
        if request.node.get_closest_marker("tampers") is None:
            report = services.integrity.check(Actor.reader())
            assert report.ok, "; ".join(str(f) for f in report.findings)
    finally:
        services.close()
        if server is not None:
            drop_database(server, url)


@pytest.fixture
def sek1(stack: Stack) -> Actor:
    return stack.accounts.sign_in("sek1", SECRETARIAT_PASSPHRASE)


@pytest.fixture
def console(sek1: Actor) -> Actor:
    """A signed-in secretariat user, for tests that need one and do not care who."""
    return sek1


@pytest.fixture
def sek2(stack: Stack) -> Actor:
    return stack.accounts.sign_in("sek2", SECRETARIAT_PASSPHRASE)


@pytest.fixture
def judges(stack: Stack) -> dict[str, Actor]:
    """Signed-in judges by judge code."""
    return {code: stack.accounts.sign_in(code.lower(), pin_of(code)) for code in JUDGE_CODES}


def replace_key_once_opened(
    stack: Stack, monkeypatch: pytest.MonkeyPatch, new_passphrase: str
) -> None:
    """The next time ``stack`` opens its key, the second secretariat user replaces it from
    another connection (another laptop) before ``stack`` goes on."""
    opened = stack.keys.unlock

    def open_then_replaced_elsewhere(actor: Actor, passphrase: str) -> ConventionKey:
        key = opened(actor, passphrase)
        other = open_stack(stack.path)
        try:
            sek2 = other.accounts.sign_in("sek2", SECRETARIAT_PASSPHRASE)
            other.keys.replace(sek2, new_passphrase, "frasa sandi hilang")
        finally:
            other.close()
        return key

    monkeypatch.setattr(stack.keys, "unlock", open_then_replaced_elsewhere)
