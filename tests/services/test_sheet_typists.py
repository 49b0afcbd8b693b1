"""Whose values stand on a sheet since its last confirmation, read from the trail alone."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from juryapp.domain.access import Actor
from juryapp.domain.kinds import Role
from juryapp.domain.model import Judge
from juryapp.services.imports import ImportService
from juryapp.services.sheet_typists import changed_since_confirmed
from tests.services.conftest import CRITERIA, SECRETARIAT_PASSPHRASE, Stack, fill_sheet


def owners(stack: Stack, judge: str = "J4", team: str = "PKM-02") -> set[str]:
    with stack.database.reading() as session:
        return changed_since_confirmed(session, judge, team)


def typed(stack: Stack, typist: Actor, judge: str = "J4", team: str = "PKM-02") -> None:
    fill_sheet(stack, typist, judge, team)
    stack.scoring.submit(typist, judge, team)


def imported(stack: Stack, actor: Actor, folder: Path, judge: str, team: str) -> None:
    path = folder / "nilai.csv"
    lines = ["judge;team;criterion;score", *(f"{judge};{team};{c};4" for c in CRITERIA)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ImportService(stack.database, stack.setup).import_scores(actor, path)


@pytest.fixture
def sek3(stack: Stack, sek1: Actor) -> Actor:
    stack.accounts.create(sek1, "sek3", SECRETARIAT_PASSPHRASE, role=Role.SECRETARIAT)
    return stack.accounts.sign_in("sek3", SECRETARIAT_PASSPHRASE)


def test_each_typist_owns_what_they_typed_until_someone_else_confirms(
    stack: Stack, sek1: Actor, sek2: Actor, sek3: Actor
) -> None:
    assert owners(stack) == set()
    typed(stack, sek1)
    assert owners(stack) == {"sek1"}
    stack.scoring.correct(sek2, "J4", "PKM-02", "K2", Decimal(4), "salah baca")
    assert owners(stack) == {"sek1", "sek2"}
    stack.scoring.confirm(sek3, "J4", "PKM-02")
    assert owners(stack) == set()


def test_only_a_changed_value_is_owned_after_a_confirmation(
    stack: Stack, sek1: Actor, sek2: Actor
) -> None:
    typed(stack, sek1)
    stack.scoring.confirm(sek2, "J4", "PKM-02")
    # a correction that leaves the value as confirmed changes nobody's ownership
    stack.scoring.correct(sek2, "J4", "PKM-02", "K1", Decimal(3), "dibaca ulang, tetap")
    assert owners(stack) == set()
    stack.scoring.correct(sek2, "J4", "PKM-02", "K1", Decimal(5), "salah baca")
    assert owners(stack) == {"sek2"}
    # back to the confirmed value is still a change since the last state: sek1 made it
    stack.scoring.correct(sek1, "J4", "PKM-02", "K1", Decimal(3), "kembali")
    assert owners(stack) == {"sek1"}


def test_another_sheets_confirmation_clears_nothing_here(
    stack: Stack, sek1: Actor, sek2: Actor
) -> None:
    typed(stack, sek1)
    typed(stack, sek1, "J5", "PKM-03")
    stack.scoring.confirm(sek2, "J5", "PKM-03")
    assert owners(stack, "J5", "PKM-03") == set()
    assert owners(stack) == {"sek1"}


def test_an_import_is_its_importers_even_for_codes_with_like_wildcards(
    stack: Stack, sek1: Actor, sek2: Actor, tmp_path: Path
) -> None:
    # "_" is a LIKE wildcard: the sheet J_9/PKM-02 must be found as written, and only it
    stack.setup.upsert_judges(sek1, [Judge("J_9", "dr. Garis Bawah"), Judge("JX9", "dr. Lain")])
    imported(stack, sek2, tmp_path, "J_9", "PKM-02")
    assert owners(stack, "J_9", "PKM-02") == {"sek2"}
    assert owners(stack, "JX9", "PKM-02") == set()


def test_handing_in_a_sheet_another_typed_does_not_take_its_values(
    stack: Stack, sek1: Actor, sek2: Actor
) -> None:
    fill_sheet(stack, sek1, "J4", "PKM-02")
    stack.scoring.submit(sek2, "J4", "PKM-02")
    assert owners(stack) == {"sek1"}
    # a value cleared is a change too: the one who cleared it owns the gap
    stack.scoring.set_score(sek2, "J4", "PKM-03", "K1", Decimal(2))
    stack.scoring.set_score(sek2, "J4", "PKM-03", "K1", None)
    assert owners(stack, "J4", "PKM-03") == {"sek2"}
