"""Laptop fixtures: the hub is the service tests' ``stack``; each judge laptop is its own file."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from juryapp.bootstrap import Services, bootstrap
from juryapp.domain.access import Actor
from juryapp.reports.convention_key import ConventionKey
from juryapp.services.hub import HubService, Imported
from juryapp.services.judge_keys import JudgeKeyService, Signers
from juryapp.services.log_format import Bundle, LogEvent, write_bundle
from tests.services.conftest import (
    CHEAP_KDF,
    CRITERIA,
    KEY_PASSPHRASE,
    Stack,
    fast_hasher,
    pin_of,
)


@dataclass
class Hub:
    stack: Stack
    hub: HubService
    judge_keys: JudgeKeyService
    secretariat: Actor
    key: ConventionKey

    def enrol_and_merge(self, data: bytes, name: str = "bundle") -> Imported:
        bundle = self.hub.read(data, name)
        known = {k.fingerprint for k in self.judge_keys.enrolled(self.secretariat)}
        if bundle.fingerprint not in known:
            self.judge_keys.enrol(
                self.secretariat, bundle.judge, bundle.public_key, bundle.fingerprint
            )
        return self.hub.merge(self.secretariat, data, name, self.key)


@dataclass
class Laptop:
    services: Services
    path: Path

    def sign_in(self, judge: str) -> Actor:
        actor = self.services.accounts.sign_in(judge.lower(), pin_of(judge))
        self.services.judge_keys.after_sign_in(actor, pin_of(judge))
        return actor

    def fill(self, actor: Actor, team: str, value: int = 3, *, submit: bool = False) -> None:
        judge = actor.judge_code or ""
        for criterion in CRITERIA:
            self.services.scoring.set_score(actor, judge, team, criterion, Decimal(value))
        if submit:
            self.services.scoring.submit(actor, judge, team)

    def bundle(self, actor: Actor) -> bytes:
        return self.services.laptop.export_scores(actor, actor.judge_code or "").data


@pytest.fixture
def hub(stack: Stack, sek1: Actor) -> Hub:
    return Hub(
        stack=stack,
        hub=HubService(stack.database),
        judge_keys=JudgeKeyService(stack.database, Signers(), CHEAP_KDF),
        secretariat=sek1,
        key=stack.keys.unlock(sek1, KEY_PASSPHRASE),
    )


@pytest.fixture
def package(hub: Hub) -> bytes:
    return hub.hub.export_package(hub.secretariat, hub.key)


@pytest.fixture
def make_laptop(tmp_path: Path, package: bytes) -> Iterator[Callable[[str], Laptop]]:
    opened: list[Services] = []

    def make(name: str) -> Laptop:
        path = tmp_path / f"{name}.sqlite3"
        services = bootstrap(path, hasher=fast_hasher(), kdf_cost=CHEAP_KDF)
        opened.append(services)
        services.laptop.import_package(package, "paket.jurypkg")
        return Laptop(services, path)

    yield make
    for services in opened:
        report = services.integrity.check(Actor.reader())
        services.close()
        assert report.ok, "; ".join(str(f) for f in report.findings)


def part_of(whole: Bundle, events: Iterable[LogEvent]) -> bytes:
    """A bundle of the same judge's log holding only ``events`` (a gap, a tail), each still
    signed as the laptop signed it."""
    return write_bundle(
        whole.convention, whole.judge, whole.public_key, [(e.body, e.signature) for e in events]
    )


@contextmanager
def reopened(path: Path) -> Iterator[Laptop]:
    """A laptop's database opened again, as a copy of it brought back to the venue is."""
    laptop = Laptop(bootstrap(path, hasher=fast_hasher(), kdf_cost=CHEAP_KDF), path)
    try:
        yield laptop
    finally:
        laptop.services.close()
