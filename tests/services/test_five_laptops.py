"""Five judges at five laptops, one package, bundles merged in every order: one result.

Each laptop is its own database in its own process. Their bundles go into copies of the hub
in every order of the five judges, some twice and some stale after fresh; every time the
hub's sheets and results must equal those of one database where the judges typed directly.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from juryapp.cli.output import results_json
from juryapp.domain.access import Actor
from juryapp.services import state
from juryapp.services.hub import HubService
from juryapp.services.log_format import read_bundle
from tests.postgres import drop_database, fresh_database, server_url
from tests.services.conftest import (
    CONFLICTS,
    CRITERIA,
    JUDGE_CODES,
    Stack,
    copy_database,
    open_stack,
    pin_of,
)
from tests.services.laptop_fixtures import Hub, hub, package

__all__ = ["hub", "package"]

ROOT = Path(__file__).resolve().parents[2]
Plan = list[list[Any]]


def plan_for(judge: str, teams: list[str], seed: int) -> Plan:
    """What one judge does: scores, changes, clears, notes and hand-ins, with two exports."""
    rng = random.Random(seed)
    mine = [t for t in teams if (judge, t) not in CONFLICTS]
    rng.shuffle(mine)
    plan: Plan = []

    def fill(team: str) -> None:
        for criterion in CRITERIA:
            plan.append(["score", team, criterion, str(rng.randint(1, 5))])

    for team in mine[:5]:
        fill(team)
    plan += [["submit", t] for t in mine[:2]]
    plan.append(["note", mine[2], f"catatan {judge}"])
    plan.append(["export", "stale"])
    for team in mine[5:]:
        fill(team)
    for team in mine[2:8]:  # second thoughts on drafts
        plan.append(["score", team, rng.choice(CRITERIA), str(rng.randint(1, 5))])
    plan.append(["score", mine[3], "K8", None])  # cleared, left empty
    plan += [["submit", t] for t in mine[4:9]]
    plan.append(["export", "fresh"])
    return plan


def replay(stack: Stack, actor: Actor, judge: str, plan: Plan) -> None:
    """The same plan typed straight into one database."""
    for step in plan:
        if step[0] == "score":
            value = None if step[3] is None else Decimal(step[3])
            stack.scoring.set_score(actor, judge, step[1], step[2], value)
        elif step[0] == "note":
            stack.scoring.set_note(actor, judge, step[1], step[2])
        elif step[0] == "submit":
            stack.scoring.submit(actor, judge, step[1])


def outcome(stack: Stack) -> tuple[dict[str, Any], dict[str, Any]]:
    with stack.database.reading() as session:
        sheets = state.sheet_states(session.connection())
    return sheets, results_json(stack.results.compute(Actor.reader()))


@pytest.fixture
def laptops(
    hub: Hub, package: bytes, tmp_path: Path
) -> tuple[dict[str, Plan], dict[str, dict[str, bytes]]]:
    """Five laptop processes run side by side; their stale and fresh bundles."""
    package_file = tmp_path / "paket.jurypkg"
    package_file.write_bytes(package)
    teams = [t.code for t in hub.stack.setup.spec().teams]
    plans = {j: plan_for(j, teams, seed=i) for i, j in enumerate(JUDGE_CODES, start=11)}
    children = []
    for judge in JUDGE_CODES:
        out = tmp_path / judge
        out.mkdir()
        children.append(
            subprocess.Popen(
                [
                    sys.executable,
                    str(ROOT / "tests" / "services" / "laptop_child.py"),
                    str(package_file),
                    str(tmp_path / f"laptop-{judge}.sqlite3"),
                    judge,
                    json.dumps(plans[judge]),
                    str(out),
                ],
                cwd=ROOT,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    for child in children:
        stdout, stderr = child.communicate(timeout=300)
        assert child.returncode == 0, stderr
        assert stdout.startswith("done ")
    bundles = {
        j: {name: (tmp_path / j / f"{name}.jurylog").read_bytes() for name in ("stale", "fresh")}
        for j in JUDGE_CODES
    }
    return plans, bundles


@pytest.fixture
def copies(hub: Hub, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    """Fresh copies of the hub as it stands (keys enrolled), on the hub's own backend."""
    server = server_url(request.config) if isinstance(hub.stack.path, str) else None
    made: list[Any] = []
    # in memory where the system offers it: 120 hub copies, each committing ten merges durably
    folder = Path(tempfile.mkdtemp(dir="/dev/shm" if os.access("/dev/shm", os.W_OK) else tmp_path))

    def copy() -> str | Path:
        if server is None:
            target = folder / f"kopi-{len(made)}.sqlite3"
            copy_database(Path(hub.stack.path), target)
            made.append(target)
            return target
        hub.stack.database.engine.dispose()  # a template database must have no connections
        base = str(hub.stack.path).rsplit("/", 1)[1]
        url = fresh_database(server, base)
        made.append(url)
        return url.render_as_string(hide_password=False)

    yield copy
    shutil.rmtree(folder, ignore_errors=True)
    if server is not None:
        for url in made:
            drop_database(server, url)


@pytest.mark.slow
def test_every_order_of_five_laptops_gives_the_results_of_one_database(
    hub: Hub, laptops: tuple[dict[str, Plan], dict[str, dict[str, bytes]]], copies: Any,
    stack_template: Path, tmp_path: Path, request: pytest.FixtureRequest,
) -> None:  # fmt: skip
    plans, bundles = laptops
    reference = open_stack(tmp_path / "langsung.sqlite3")
    copy_database(stack_template, Path(reference.path))
    reference.close()
    reference = open_stack(tmp_path / "langsung.sqlite3")
    try:
        for judge in JUDGE_CODES:
            actor = reference.accounts.sign_in(judge.lower(), pin_of(judge))
            replay(reference, actor, judge, plans[judge])
        expected = outcome(reference)
    finally:
        reference.close()
    assert sum(1 for s in expected[0].values() if s["status"] == "submitted") == 5 * 7

    for judge in JUDGE_CODES:  # the secretariat compares each fingerprint with the laptop
        bundle = read_bundle(bundles[judge]["fresh"], judge)
        hub.judge_keys.enrol(hub.secretariat, judge, bundle.public_key, bundle.fingerprint)

    orders = list(itertools.permutations(JUDGE_CODES))
    if isinstance(hub.stack.path, str):  # PostgreSQL: a database per order costs more
        orders = orders[::10]
    for number, (a, b, c, d, e) in enumerate(orders):
        target = copies()
        copy = open_stack(target)
        try:
            hub_service = HubService(copy.database)
            steps = [
                bundles[a]["stale"], bundles[b]["fresh"], bundles[a]["fresh"],
                bundles[c]["fresh"], bundles[d]["fresh"], bundles[e]["fresh"],
                bundles[c]["fresh"], bundles[b]["stale"],
            ]  # fmt: skip
            for data in steps:
                result = hub_service.merge(hub.secretariat, data, "nilai.jurylog").result
                assert result.forks == () and result.missing == ()
            assert outcome(copy) == expected, (a, b, c, d, e)
            if number % 8 == 0:  # the trail replays to the same tables (the hub's own always)
                report = copy.integrity.check(Actor.reader())
                assert report.ok, "; ".join(str(f) for f in report.findings)
        finally:
            copy.close()
    assert request.node.name  # the hub itself is left as it was; its fixture checks it
