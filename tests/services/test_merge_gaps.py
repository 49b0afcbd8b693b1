"""Gaps and branches in a judge's log at the hub: what continues the held log, what waits."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from juryapp.domain.access import Actor
from juryapp.domain.messages import FileProblemError
from juryapp.services.log_format import read_bundle
from tests.services.conftest import copy_database
from tests.services.laptop_fixtures import Hub, Laptop, hub, make_laptop, package, part_of, reopened
from tests.services.test_merge_details import sheets_of

__all__ = ["hub", "make_laptop", "package"]

MakeLaptop = Callable[[str], Laptop]


def _scored_then_copied(make_laptop: MakeLaptop, tmp_path: Path) -> tuple[Laptop, Actor, Path]:
    """J1's laptop with PKM-01 scored (events #1-#8), and a copy of it made at that point."""
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.fill(j1, "PKM-01", 4)
    copy = tmp_path / "salinan.sqlite3"
    copy_database(laptop.path, copy)
    return laptop, j1, copy


def test_a_partial_bundle_from_another_branch_is_refused_from_its_second_event(
    make_laptop: MakeLaptop, hub: Hub, tmp_path: Path
) -> None:
    # the copy is made before the first event: the two laptops differ from #1, and the copy's
    # bundle from #2 on does not follow the #1 the hub holds
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    copy = tmp_path / "salinan.sqlite3"
    copy_database(laptop.path, copy)
    laptop.services.scoring.set_score(j1, "J1", "PKM-01", "K1", Decimal(5))  # #1
    hub.enrol_and_merge(laptop.bundle(j1))
    held = sheets_of(hub.stack)
    with reopened(copy) as restored:
        again = restored.sign_in("J1")
        for criterion, value in (("K1", 1), ("K2", 2)):  # another #1, then #2
            restored.services.scoring.set_score(again, "J1", "PKM-01", criterion, Decimal(value))
        branch = read_bundle(restored.bundle(again), "b")
    assert [event.seq for event in branch.events] == [1, 2]
    with pytest.raises(FileProblemError) as refused:
        hub.hub.merge(hub.secretariat, part_of(branch, branch.events[1:]), "dua.jurylog", hub.key)
    assert refused.value.file == "dua.jurylog"
    assert sheets_of(hub.stack) == held


def test_an_event_held_ahead_of_a_gap_is_not_applied_after_another_branchs_event(
    make_laptop: MakeLaptop, hub: Hub, tmp_path: Path
) -> None:
    # the hub holds #1-#8; a copy's #11 arrives alone (no #10 held, so it waits), then the
    # laptop's own #9 and #10: #11 follows the copy's #10, not the laptop's, and stays waiting
    laptop, j1, copy = _scored_then_copied(make_laptop, tmp_path)
    hub.enrol_and_merge(laptop.bundle(j1))
    with reopened(copy) as restored:
        again = restored.sign_in("J1")
        for criterion, value in (("K1", 1), ("K2", 1), ("K3", 1)):  # #9-#11 of the copy
            restored.services.scoring.set_score(again, "J1", "PKM-01", criterion, Decimal(value))
        branch = read_bundle(restored.bundle(again), "b")
    ahead = hub.hub.merge(hub.secretariat, part_of(branch, branch.events[10:]), "c", hub.key)
    assert (ahead.result.new, ahead.result.applied) == (1, 0)
    for criterion in ("K4", "K5"):  # #9, #10 of the laptop
        laptop.services.scoring.set_score(j1, "J1", "PKM-02", criterion, Decimal(2))
    hub.enrol_and_merge(laptop.bundle(j1))

    values = {
        line.criterion.code: line.value
        for line in hub.stack.scoring.sheet(hub.secretariat, "J1", "PKM-01").lines
    }
    assert values["K3"] == 4  # not the copy's 1
    assert hub.stack.scoring.sheet(hub.secretariat, "J1", "PKM-02").filled == 2


def test_an_event_set_aside_on_a_fork_does_not_fill_the_gap_it_stands_in(
    make_laptop: MakeLaptop, hub: Hub, tmp_path: Path
) -> None:
    # the hub holds the laptop's #1-#9, the copy's #9 and #10 set aside as a fork, then the
    # laptop's #12 alone: its own #10 and #11 are still missing, whatever the copy's #10 is
    laptop, j1, copy = _scored_then_copied(make_laptop, tmp_path)
    for criterion in ("K1", "K2", "K3", "K4"):  # #9-#12 of the laptop
        laptop.services.scoring.set_score(j1, "J1", "PKM-02", criterion, Decimal(2))
    whole = read_bundle(laptop.bundle(j1), "b")
    hub.enrol_and_merge(part_of(whole, whole.events[:9]))
    with reopened(copy) as restored:
        again = restored.sign_in("J1")
        for criterion in ("K1", "K2"):  # #9, #10 of the copy
            restored.services.scoring.set_score(again, "J1", "PKM-03", criterion, Decimal(1))
        assert hub.hub.merge(hub.secretariat, restored.bundle(again), "c", hub.key).result.forks
    hub.hub.merge(hub.secretariat, part_of(whole, whole.events[11:]), "ekor", hub.key)

    [received] = [r for r in hub.hub.received(hub.secretariat) if r.judge_code == "J1"]
    assert (received.upto, received.missing, received.set_aside) == (9, ((10, 11),), 2)
