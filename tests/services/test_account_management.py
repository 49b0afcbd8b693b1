"""Accounts managed from the desktop app: generated PINs, new PINs, lockouts, own changes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from juryapp.domain.access import Actor
from juryapp.domain.kinds import Role
from juryapp.domain.messages import (
    AuthenticationError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from juryapp.domain.model import ConventionSpec
from juryapp.services.accounts import MAX_ATTEMPTS, PIN_DIGITS, generate_pin, guessable_pin
from tests.services.conftest import SECRETARIAT_PASSPHRASE, Stack, open_stack


@pytest.fixture
def fresh(tmp_path: Path, demo_spec: ConventionSpec, console: Actor) -> Iterator[Stack]:
    """The demo convention with one secretariat account and no judge accounts yet."""
    stack = open_stack(tmp_path / "baru.sqlite3")
    stack.setup.create(console, demo_spec)
    stack.accounts.create(console, "rina", SECRETARIAT_PASSPHRASE, role=Role.SECRETARIAT)
    yield stack
    stack.close()


@pytest.fixture
def rina(fresh: Stack) -> Actor:
    return fresh.accounts.sign_in("rina", SECRETARIAT_PASSPHRASE)


def test_generated_pins_have_six_digits_and_are_never_easy_to_guess() -> None:
    pins = {generate_pin() for _ in range(300)}
    assert all(len(p) == PIN_DIGITS and p.isdigit() and not guessable_pin(p) for p in pins)
    assert len(pins) > 290  # random, not a sequence


@pytest.mark.parametrize("pin", ["111111", "121212", "123456", "987654", "000000", "345678"])
def test_pins_a_stranger_would_try_first_are_guessable(pin: str) -> None:
    assert guessable_pin(pin)


# three different digits that make no run are the fewest a PIN may have ("112233", "135135")
@pytest.mark.parametrize("pin", ["582914", "102938", "660271", "112233", "135135"])
def test_pins_with_no_pattern_are_not_guessable(pin: str) -> None:
    assert not guessable_pin(pin)


def test_every_judge_gets_an_account_in_one_go(fresh: Stack, rina: Actor) -> None:
    issued = fresh.accounts.create_judge_accounts(rina)
    assert [(p.username, p.judge_code) for p in issued] == [
        ("j1", "J1"),
        ("j2", "J2"),
        ("j3", "J3"),
        ("j4", "J4"),
        ("j5", "J5"),
    ]
    assert issued[1].display_name.startswith("dr. Maya")
    for slip in issued:
        judge = fresh.accounts.sign_in(slip.username, slip.pin)
        assert (judge.role, judge.judge_code) == (Role.JUDGE, slip.judge_code)
    created = [subject for _, action, subject in fresh.actions() if action == "account.create"]
    assert created == ["rina", "j1", "j2", "j3", "j4", "j5"]
    assert fresh.accounts.create_judge_accounts(rina) == []  # nobody is left without one


def test_judge_accounts_for_chosen_judges_and_a_taken_username(
    fresh: Stack, rina: Actor, console: Actor
) -> None:
    fresh.accounts.create(console, "j2", SECRETARIAT_PASSPHRASE, role=Role.SECRETARIAT)
    issued = fresh.accounts.create_judge_accounts(rina, ["J2", "J4"])
    assert [(p.username, p.judge_code) for p in issued] == [("j2-2", "J2"), ("j4", "J4")]
    with pytest.raises(NotFoundError):
        fresh.accounts.create_judge_accounts(rina, ["J9"])


def test_a_new_pin_replaces_the_old_one_and_lifts_a_lockout(fresh: Stack, rina: Actor) -> None:
    [slip] = fresh.accounts.create_judge_accounts(rina, ["J1"])
    _lock_out(fresh, "j1")
    with pytest.raises(AuthenticationError):
        fresh.accounts.sign_in("j1", slip.pin)
    new = fresh.accounts.issue_pin(rina, "j1")
    assert new.pin != slip.pin and new.judge_code == "J1"
    assert fresh.accounts.sign_in("j1", new.pin).judge_code == "J1"
    with pytest.raises(AuthenticationError):
        fresh.accounts.sign_in("j1", slip.pin)
    assert ("rina", "account.reset", "j1") in fresh.actions()
    with pytest.raises(ValidationError):
        fresh.accounts.issue_pin(rina, "rina")  # the secretariat has passphrases


def test_lifting_a_lockout_is_recorded(fresh: Stack, rina: Actor) -> None:
    [slip] = fresh.accounts.create_judge_accounts(rina, ["J3"])
    _lock_out(fresh, "j3")
    assert next(a for a in fresh.accounts.accounts() if a.username == "j3").locked
    fresh.accounts.lift_lockout(rina, "j3")
    assert not next(a for a in fresh.accounts.accounts() if a.username == "j3").locked
    assert fresh.accounts.sign_in("j3", slip.pin).judge_code == "J3"
    [event] = fresh.events("account.unlock")
    assert (event.actor, event.subject, event.details) == ("rina", "j3", {"was_locked": True})


def test_judges_manage_no_accounts(fresh: Stack, rina: Actor) -> None:
    [slip] = fresh.accounts.create_judge_accounts(rina, ["J1"])
    judge = fresh.accounts.sign_in("j1", slip.pin)
    before = fresh.actions()
    for action in (
        lambda: fresh.accounts.create_judge_accounts(judge),
        lambda: fresh.accounts.issue_pin(judge, "j1"),
        lambda: fresh.accounts.lift_lockout(judge, "j1"),
    ):
        with pytest.raises(PermissionDeniedError):
            action()
    assert fresh.actions() == before


def test_a_judge_changes_their_own_pin(fresh: Stack, rina: Actor) -> None:
    [slip] = fresh.accounts.create_judge_accounts(rina, ["J2"])
    judge = fresh.accounts.sign_in("j2", slip.pin)
    with pytest.raises(AuthenticationError):
        fresh.accounts.change_own_secret(judge, "000000", "582914")
    assert fresh.events("account.change_refused")[0].subject == "j2"
    for weak in ("1234", "123456", "abcdef", "777777"):
        with pytest.raises(ValidationError):
            fresh.accounts.change_own_secret(judge, slip.pin, weak)
    fresh.accounts.change_own_secret(judge, slip.pin, "582914")
    assert fresh.accounts.sign_in("j2", "582914").judge_code == "J2"
    with pytest.raises(AuthenticationError):
        fresh.accounts.sign_in("j2", slip.pin)
    assert fresh.events("account.change_secret")[0].subject == "j2"


def test_the_secretariat_changes_its_own_passphrase(fresh: Stack, rina: Actor) -> None:
    with pytest.raises(ValidationError):
        fresh.accounts.change_own_secret(rina, SECRETARIAT_PASSPHRASE, "pendek")
    fresh.accounts.change_own_secret(rina, SECRETARIAT_PASSPHRASE, "sandi-baru-2025")
    assert fresh.accounts.sign_in("rina", "sandi-baru-2025").role is Role.SECRETARIAT


def test_someone_not_signed_in_has_no_own_secret(fresh: Stack) -> None:
    with pytest.raises(PermissionDeniedError):
        fresh.accounts.change_own_secret(Actor.reader(), "x", "y")


def _lock_out(stack: Stack, username: str) -> None:
    for _ in range(MAX_ATTEMPTS):
        with pytest.raises(AuthenticationError):
            stack.accounts.sign_in(username, "000000")
