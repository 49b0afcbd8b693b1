"""Several desks at once on one database: saves, merges and confirmations take turns."""

from __future__ import annotations

import threading
from collections.abc import Callable
from decimal import Decimal

from juryapp.domain.access import Actor
from juryapp.persistence.database import Database
from juryapp.services.hub import HubService
from juryapp.services.scoring import ScoringService
from tests.services.conftest import CRITERIA, SECRETARIAT_PASSPHRASE, Stack
from tests.services.laptop_fixtures import Hub, Laptop, hub, make_laptop, package

__all__ = ["hub", "make_laptop", "package"]

TEAMS = ("PKM-01", "PKM-02", "PKM-03")


def test_judges_typing_a_desk_typing_paper_and_a_merge_at_once_lose_nothing(
    stack: Stack, hub: Hub, make_laptop: Callable[[str], Laptop], judges: dict[str, Actor]
) -> None:
    laptop = make_laptop("j5")
    j5 = laptop.sign_in("J5")
    for team in TEAMS:
        laptop.fill(j5, team, 4)
    bundle = laptop.bundle(j5)
    parsed = hub.hub.read(bundle, "b")
    hub.judge_keys.enrol(hub.secretariat, "J5", parsed.public_key, parsed.fingerprint)
    sek2 = stack.accounts.sign_in("sek2", SECRETARIAT_PASSPHRASE)
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def desk(work: Callable[[Database], None]) -> Callable[[], None]:
        def run() -> None:
            database = Database.open(stack.path)  # each desk its own connection pool
            try:
                start.wait()
                work(database)
            except BaseException as exc:  # reported below
                errors.append(exc)
            finally:
                database.close()

        return run

    def judge(code: str) -> Callable[[Database], None]:
        def work(database: Database) -> None:
            scoring = ScoringService(database)
            for team in TEAMS:
                for criterion in CRITERIA:
                    scoring.set_score(judges[code], code, team, criterion, Decimal(3))

        return work

    def paper(database: Database) -> None:
        scoring = ScoringService(database)
        for team in TEAMS:
            for criterion in CRITERIA:
                scoring.set_score(sek2, "J3", team, criterion, Decimal(2))

    def merge(database: Database) -> None:
        HubService(database).merge(hub.secretariat, bundle, "nilai-J5.jurylog", hub.key)

    threads = [threading.Thread(target=desk(w)) for w in (judge("J1"), judge("J2"), paper, merge)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    for code, value in (("J1", 3), ("J2", 3), ("J3", 2), ("J5", 4)):
        for team in TEAMS:
            view = stack.scoring.sheet(hub.secretariat, code, team)
            assert [line.value for line in view.lines] == [Decimal(value)] * len(CRITERIA)
    # the stack fixture then checks that the audit trail accounts for every table
