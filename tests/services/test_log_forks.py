"""Forks in a judge's log (a laptop copied, both copies scoring on): flagged, then settled."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from juryapp.domain.access import Actor
from juryapp.domain.kinds import SheetStatus
from juryapp.domain.messages import StateError
from juryapp.persistence.tables import SheetRow, TeamRow
from juryapp.services import state
from tests.services.conftest import Stack, copy_database
from tests.services.laptop_fixtures import Hub, Laptop, hub, make_laptop, package, reopened

__all__ = ["hub", "make_laptop", "package"]

MakeLaptop = Callable[[str], Laptop]


def sheets(stack: Stack) -> dict[str, object]:
    with stack.database.reading() as session:
        return state.sheet_states(session.connection())


def _copied_after_scoring_pkm01(
    make_laptop: MakeLaptop, tmp_path: Path
) -> tuple[Laptop, Actor, Path]:
    """J1's laptop with PKM-01 scored (events #1-#8), and a copy of it made at that point:
    the next event on either makes #9, a fork once both reach the hub."""
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.fill(j1, "PKM-01", 4)
    copy = tmp_path / "salinan.sqlite3"
    copy_database(laptop.path, copy)
    return laptop, j1, copy


def _hub_sheet_columns(hub: Hub, team: str, *columns: Any) -> list[tuple[Any, ...]]:
    """The columns of the hub's sheets for ``team`` (one judge's, in these tests), as stored."""
    with hub.stack.database.reading() as session:
        query = select(*columns).join(TeamRow, TeamRow.id == SheetRow.team_id)
        return [tuple(row) for row in session.execute(query.where(TeamRow.code == team))]


def test_a_copied_laptop_makes_a_fork_that_is_flagged_and_overwrites_nothing(
    make_laptop: MakeLaptop, hub: Hub, tmp_path: Path
) -> None:
    laptop, j1, copy = _copied_after_scoring_pkm01(make_laptop, tmp_path)
    laptop.services.scoring.set_score(j1, "J1", "PKM-02", "K1", Decimal(5))  # event #9
    hub.enrol_and_merge(laptop.bundle(j1))
    held = sheets(hub.stack)

    with reopened(copy) as restored:
        again = restored.sign_in("J1")
        restored.services.scoring.set_score(again, "J1", "PKM-01", "K1", Decimal(1))  # also #9
        result = hub.enrol_and_merge(restored.bundle(again)).result
    assert result.forks == (9,) and result.applied == 0 and result.set_aside == 1
    assert sheets(hub.stack) == held  # nothing overwritten, nothing taken from either side
    forks = hub.hub.forks(hub.secretariat)
    assert [(f.judge_code, f.seq, f.decision, f.decided_by, f.reason) for f in forks] == [
        ("J1", 9, "", "", "")
    ]
    assert forks[0].applied_branch == ("#9 PKM-02 K1 = 5",)
    assert forks[0].other_branch == ("#9 PKM-01 K1 = 1",)
    assert hub.hub.received(hub.secretariat)[0].open_forks == 1

    hub.hub.settle_fork(
        hub.secretariat, forks[0].id, take_other=True, reason="laptop asli rusak; salinan dipakai"
    )
    assert hub.stack.scoring.sheet(hub.secretariat, "J1", "PKM-01").lines[0].value == 1
    cleared = hub.stack.scoring.sheet(hub.secretariat, "J1", "PKM-02")
    assert (cleared.filled, cleared.lines[0].value, cleared.lines[0].note) == (0, None, "")
    assert hub.hub.forks(hub.secretariat)[0].decision == "taken"
    with pytest.raises(StateError):
        hub.hub.settle_fork(hub.secretariat, forks[0].id, take_other=False, reason="lagi")


def test_a_fork_settled_for_the_other_branch_keeps_the_secretariats_abstention(
    make_laptop: MakeLaptop, hub: Hub, tmp_path: Path
) -> None:
    # the sheets the fork touched are rebuilt from the log, which holds only the judge's own
    # commands: an abstention the secretariat recorded at the hub stays, with its reason
    laptop, j1, copy = _copied_after_scoring_pkm01(make_laptop, tmp_path)
    laptop.services.scoring.set_score(j1, "J1", "PKM-02", "K1", Decimal(5))  # event #9
    hub.enrol_and_merge(laptop.bundle(j1))
    hub.stack.scoring.abstain(hub.secretariat, "J1", "PKM-02", "hadir sebagai pembimbing")
    with reopened(copy) as restored:
        again = restored.sign_in("J1")
        # also #9, on a team the hub holds no sheet of J1's for yet
        restored.services.scoring.set_score(again, "J1", "PKM-03", "K1", Decimal(1))
        hub.enrol_and_merge(restored.bundle(again))
    fork = hub.hub.forks(hub.secretariat)[0]
    hub.hub.settle_fork(hub.secretariat, fork.id, take_other=True, reason="salinan dipakai")
    kept = hub.stack.scoring.sheet(hub.secretariat, "J1", "PKM-02")
    assert (kept.abstained, kept.filled) == (True, 0)
    assert _hub_sheet_columns(hub, "PKM-02", SheetRow.abstain_reason) == [
        ("hadir sebagai pembimbing",)
    ]
    assert hub.stack.scoring.sheet(hub.secretariat, "J1", "PKM-03").lines[0].value == 1
    assert hub.stack.scoring.sheet(hub.secretariat, "J1", "PKM-01").lines[0].value == 4


def test_a_confirmed_sheet_rebuilt_by_a_fork_decision_needs_a_new_confirmation(
    make_laptop: MakeLaptop, hub: Hub, tmp_path: Path
) -> None:
    laptop, j1, copy = _copied_after_scoring_pkm01(make_laptop, tmp_path)
    laptop.services.scoring.submit(j1, "J1", "PKM-01")  # event #9, then confirmed at the hub
    hub.enrol_and_merge(laptop.bundle(j1))
    hub.stack.scoring.confirm(hub.secretariat, "J1", "PKM-01")
    with reopened(copy) as restored:
        again = restored.sign_in("J1")
        restored.services.scoring.set_score(again, "J1", "PKM-03", "K1", Decimal(1))  # also #9
        hub.enrol_and_merge(restored.bundle(again))
    fork = hub.hub.forks(hub.secretariat)[0]
    hub.hub.settle_fork(hub.secretariat, fork.id, take_other=True, reason="salinan dipakai")
    rebuilt = hub.stack.scoring.sheet(hub.secretariat, "J1", "PKM-01")
    assert (rebuilt.status, rebuilt.confirmed_by, rebuilt.filled) == (SheetStatus.DRAFT, "", 8)
    columns = (SheetRow.confirmed_by, SheetRow.confirmed_at)
    assert _hub_sheet_columns(hub, "PKM-01", *columns) == [(None, None)]


def test_keeping_the_applied_branch_is_recorded_and_changes_no_sheet(
    make_laptop: MakeLaptop, hub: Hub, tmp_path: Path
) -> None:
    laptop, j1, copy = _copied_after_scoring_pkm01(make_laptop, tmp_path)
    laptop.services.scoring.set_score(j1, "J1", "PKM-01", "K2", Decimal(5))
    hub.enrol_and_merge(laptop.bundle(j1))
    with reopened(copy) as restored:
        again = restored.sign_in("J1")
        restored.services.scoring.set_score(again, "J1", "PKM-01", "K2", Decimal(1))
        hub.enrol_and_merge(restored.bundle(again))
    held = sheets(hub.stack)
    fork = hub.hub.forks(hub.secretariat)[0]
    hub.hub.settle_fork(hub.secretariat, fork.id, take_other=False, reason="salinan tidak sah")
    assert sheets(hub.stack) == held
    assert ("sek1", "log.fork_kept", "J1#9") in hub.stack.actions()
