"""Who may do what, rule by rule, with the words each refusal says in both languages."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from juryapp.domain.access import (
    FOUNDER_NAME,
    READER_NAME,
    Actor,
    require_different_person,
    require_own_sheet,
    require_reader,
    require_secretariat,
)
from juryapp.domain.kinds import Role
from juryapp.domain.messages import PermissionDeniedError, Text

SECRETARIAT = Actor("sek1", Role.SECRETARIAT, user_id=1, display_name="Rina")
JUDGE = Actor("j1", Role.JUDGE, user_id=3, judge_code="J1", display_name="Wisnu")
# built as the services build them; the reader and founder are made in each test
READER = Actor("tanpa-akun", Role.READER, display_name="tanpa-akun")
FOUNDER = Actor("pembuat-konvensi", Role.SECRETARIAT, display_name="pembuat-konvensi")
# a secretariat role without an account: not someone whose name can go on a change
NAMELESS = Actor("sek9", Role.SECRETARIAT)

ONLY_SECRETARIAT = Text(
    "hanya pengguna sekretariat yang sudah masuk yang boleh melakukan ini "
    "(di baris perintah: --user NAMA)",
    "only a signed-in secretariat user may do this (on the command line: --user NAME)",
)
ONLY_OWN_AND_RELEASED = Text(
    "juri hanya dapat melihat lembar penilaiannya sendiri dan hasil yang sudah dibuka",
    "a judge can only see their own score sheets and results once released",
)
SIGN_IN_FIRST = Text(
    "masuk dulu untuk mengisi lembar penilaian (di baris perintah: --user NAMA)",
    "sign in first to fill in a score sheet (on the command line: --user NAME)",
)
ONLY_OWN = Text(
    "juri hanya dapat membuka lembar penilaiannya sendiri",
    "a judge can only open their own score sheets",
)


def refusal(check: Callable[[], None]) -> Text:
    with pytest.raises(PermissionDeniedError) as caught:
        check()
    return caught.value.text


def test_the_reader_and_the_founder() -> None:
    assert Actor.reader() == READER
    assert Actor.founder() == FOUNDER
    assert Actor.founder().is_founder and not Actor.reader().is_founder
    assert (READER_NAME, FOUNDER_NAME) == ("tanpa-akun", "pembuat-konvensi")
    assert FOUNDER.is_founder
    assert not FOUNDER.is_secretariat  # may create the convention, nothing else
    assert not FOUNDER.reads_everything
    # the founder's name alone does not make a founder
    for actor in (
        Actor(FOUNDER_NAME, Role.SECRETARIAT, user_id=1),
        Actor(FOUNDER_NAME, Role.JUDGE),
        Actor("sek1", Role.SECRETARIAT),
    ):
        assert not actor.is_founder, actor


@pytest.mark.parametrize(
    ("actor", "secretariat", "reads"),
    [
        (SECRETARIAT, True, True),
        (JUDGE, False, False),
        (READER, False, True),
        (FOUNDER, False, False),
        (NAMELESS, False, False),
        (Actor("j2", Role.JUDGE, user_id=4, judge_code="J2"), False, False),
    ],
)
def test_roles(actor: Actor, secretariat: bool, reads: bool) -> None:
    assert actor.is_secretariat is secretariat
    assert actor.reads_everything is reads
    if secretariat:
        require_secretariat(actor)
    else:
        assert refusal(lambda: require_secretariat(actor)) == ONLY_SECRETARIAT
    if reads:
        require_reader(actor)
    else:
        assert refusal(lambda: require_reader(actor)) == ONLY_OWN_AND_RELEASED


def test_a_judge_reads_and_writes_only_their_own_sheets() -> None:
    require_own_sheet(JUDGE, "J1")
    require_own_sheet(JUDGE, "J1", change=False)
    assert refusal(lambda: require_own_sheet(JUDGE, "J2")) == ONLY_OWN
    assert refusal(lambda: require_own_sheet(JUDGE, "J2", change=False)) == ONLY_OWN
    assert refusal(lambda: require_own_sheet(JUDGE, "j1")) == ONLY_OWN  # codes are exact


def test_the_secretariat_types_every_sheet_and_the_reader_only_reads() -> None:
    for code in ("J1", "J2"):
        require_own_sheet(SECRETARIAT, code)
        require_own_sheet(READER, code, change=False)
        assert refusal(lambda c=code: require_own_sheet(READER, c)) == SIGN_IN_FIRST
    for actor in (FOUNDER, NAMELESS):
        assert refusal(lambda a=actor: require_own_sheet(a, "J1")) == SIGN_IN_FIRST
        assert refusal(lambda a=actor: require_own_sheet(a, "J1", change=False)) == (SIGN_IN_FIRST)


def test_whoever_typed_a_sheet_cannot_confirm_it() -> None:
    require_different_person(SECRETARIAT, 2, "Bayu")
    require_different_person(SECRETARIAT, None, "")  # typed by the judge at a laptop
    assert refusal(lambda: require_different_person(SECRETARIAT, 1, "Rina")) == Text(
        "lembar ini diketik oleh Rina; konfirmasi harus oleh petugas sekretariat lain",
        "Rina typed this sheet; another secretariat user must confirm it",
    )
    # an actor without an account never matches a typist who is unknown too
    require_different_person(NAMELESS, 1, "Rina")
