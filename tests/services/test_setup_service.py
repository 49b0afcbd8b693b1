"""Set-up: the demo convention is stored as read, and can be changed without losing scores."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from juryapp.domain.access import Actor
from juryapp.domain.messages import StateError, ValidationError
from juryapp.domain.model import ConventionSpec, Judge, LevelDescriptor, Team
from tests.services.conftest import KEY_PASSPHRASE, Stack, open_stack, settle_open_sheets


def test_a_new_database_stores_the_demo_convention_as_read(
    tmp_path: Path, demo_spec: ConventionSpec, console: Actor
) -> None:
    stack = open_stack(tmp_path / "baru.sqlite3")
    try:
        assert not stack.database.has_convention()
        stack.setup.create(console, demo_spec, is_demo=True)
        assert stack.database.has_convention()
        assert stack.setup.spec() == demo_spec
        assert stack.results.snapshot(Actor.reader()).is_demo
        assert [a for _, a, _ in stack.actions()] == ["convention.create"]
        with pytest.raises(StateError):
            stack.setup.create(console, demo_spec)
    finally:
        stack.close()


def test_invalid_set_up_is_refused_whole(
    tmp_path: Path, demo_spec: ConventionSpec, console: Actor
) -> None:
    stack = open_stack(tmp_path / "baru.sqlite3")
    try:
        first = demo_spec.criteria[0]
        criteria = (replace(first, weight=Decimal(11)), *demo_spec.criteria[1:])
        broken = replace(demo_spec, criteria=criteria)  # weights total 101
        with pytest.raises(ValidationError):
            stack.setup.create(console, broken)
        assert not stack.database.has_convention()
    finally:
        stack.close()


def test_update_with_the_same_spec_changes_nothing(
    stack: Stack, sek1: Actor, demo_spec: ConventionSpec
) -> None:
    stack.setup.update(sek1, stack.setup.spec())
    assert stack.setup.spec() == demo_spec


def test_update_changes_level_texts_and_keeps_scores(
    stack: Stack, sek1: Actor, judges: dict[str, Actor], demo_spec: ConventionSpec
) -> None:
    stack.scoring.set_score(judges["J1"], "J1", "PKM-01", "K1", Decimal(4))
    k1 = demo_spec.criteria[0]
    levels = (*k1.levels[:4], LevelDescriptor(Decimal(5), "Istimewa", "Outstanding"))
    changed = replace(demo_spec, criteria=(replace(k1, levels=levels), *demo_spec.criteria[1:]))
    stack.setup.update(sek1, changed)
    assert stack.setup.spec().criteria[0].levels[4].label == "Istimewa"
    assert stack.scoring.sheet(sek1, "J1", "PKM-01").lines[0].value == Decimal(4)


def test_teams_and_judges_are_added_and_changed_by_code(stack: Stack, sek1: Actor) -> None:
    new = Team("PKM-09", "Puskesmas Kecamatan Kebon Jeruk 2", "PKM", "Inovasi baru")
    old = replace(stack.setup.spec().teams[0], title="Judul yang diperbaiki")
    assert stack.setup.upsert_teams(sek1, [new, old]) == (1, 1)
    teams = {t.code: t for t in stack.setup.spec().teams}
    assert teams["PKM-09"].institution == "Puskesmas Kecamatan Kebon Jeruk 2"
    assert teams[old.code].title == "Judul yang diperbaiki"
    assert stack.setup.upsert_judges(sek1, [Judge("J6", "dr. Juri Cadangan")]) == (1, 0)
    assert len(stack.setup.spec().judges) == 6


def test_a_team_with_scores_cannot_be_removed(
    stack: Stack, sek1: Actor, judges: dict[str, Actor]
) -> None:
    stack.scoring.set_score(judges["J1"], "J1", "PKM-01", "K1", Decimal(4))
    spec = stack.setup.spec()
    without_scored = replace(spec, teams=spec.teams[1:])
    with pytest.raises(StateError):
        stack.setup.update(sek1, without_scored)
    assert len(stack.setup.spec().teams) == 15
    without_unscored = replace(spec, teams=tuple(t for t in spec.teams if t.code != "PKM-05"))
    stack.setup.update(sek1, without_unscored)
    assert len(stack.setup.spec().teams) == 14


def test_set_up_is_frozen_while_results_are_locked(stack: Stack, sek1: Actor) -> None:
    settle_open_sheets(stack, sek1)
    stack.locking.lock(sek1, "", KEY_PASSPHRASE)
    with pytest.raises(StateError):
        stack.setup.update(sek1, stack.setup.spec())
    with pytest.raises(StateError):
        stack.setup.upsert_judges(sek1, [Judge("J6", "dr. Juri Cadangan")])
