"""Accounts: Argon2id at OWASP strength, PIN and passphrase rules, a lockout that survives."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from juryapp.bootstrap import bootstrap
from juryapp.domain.access import Actor
from juryapp.domain.kinds import Role
from juryapp.domain.messages import (
    AuthenticationError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from juryapp.domain.model import ConventionSpec
from juryapp.persistence.tables import UserRow
from juryapp.services import audit
from juryapp.services.accounts import LOCK_MINUTES, MAX_ATTEMPTS, AccountService, lockout_length
from tests.services.conftest import SECRETARIAT_PASSPHRASE, Stack, open_stack, pin_of

OWASP_MEMORY_KIB = 19456  # OWASP Password Storage Cheat Sheet: Argon2id m=19 MiB, t=2, p=1
OWASP_PASSES = 2


def _stored_hash(stack: Stack, username: str) -> str:
    with stack.database.reading() as session:
        value: str | None = session.scalar(
            select(UserRow.password_hash).where(UserRow.username == username)
        )
        assert value is not None
        return value


def test_default_hasher_stores_argon2id_at_or_above_owasp_minimum(
    stack: Stack, console: Actor
) -> None:
    accounts = AccountService(stack.database)  # the real, default cost
    accounts.create(console, "ketua", "panitia-2024", role=Role.SECRETARIAT)
    stored = _stored_hash(stack, "ketua")
    match = re.fullmatch(r"\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[^$]+\$[^$]+", stored)
    assert match, stored
    memory, passes, lanes = (int(g) for g in match.groups())
    assert memory >= OWASP_MEMORY_KIB
    assert passes >= OWASP_PASSES
    assert lanes >= 1
    assert "panitia-2024" not in stored
    assert accounts.sign_in("ketua", "panitia-2024").role is Role.SECRETARIAT


def test_sign_in_returns_the_actor_and_is_logged(stack: Stack) -> None:
    judge = stack.accounts.sign_in("j2", pin_of("J2"))
    assert (judge.username, judge.role, judge.judge_code) == ("j2", Role.JUDGE, "J2")
    assert judge.user_id is not None
    assert judge.display_name.startswith("dr. Maya")
    secretariat = stack.accounts.sign_in(" sek1 ", SECRETARIAT_PASSPHRASE)
    assert (secretariat.role, secretariat.judge_code) == (Role.SECRETARIAT, None)
    assert ("j2", "account.sign_in", "j2") in stack.actions()


@pytest.mark.parametrize(
    ("username", "secret"), [("j1", "9999"), ("j1", ""), ("nobody", "0001"), ("J1", "0001")]
)
def test_wrong_credentials_are_refused_alike(stack: Stack, username: str, secret: str) -> None:
    with pytest.raises(AuthenticationError) as refused:
        stack.accounts.sign_in(username, secret)
    assert refused.value.text.en == "wrong username or PIN/passphrase"


def _fail(stack: Stack, username: str, times: int) -> None:
    for _ in range(times):
        with pytest.raises(AuthenticationError):
            stack.accounts.sign_in(username, "9999")


def test_five_wrong_pins_lock_the_account_across_a_restart(stack: Stack) -> None:
    _fail(stack, "j3", MAX_ATTEMPTS - 1)
    assert stack.accounts.sign_in("j3", pin_of("J3")).judge_code == "J3"  # resets the count
    _fail(stack, "j3", MAX_ATTEMPTS)
    with pytest.raises(AuthenticationError, match="terkunci"):
        stack.accounts.sign_in("j3", pin_of("J3"))
    assert [a.locked for a in stack.accounts.accounts() if a.username == "j3"] == [True]
    stack.close()

    reopened = bootstrap(stack.path)  # a restart: new engine, new services, real hasher
    try:
        with pytest.raises(AuthenticationError) as refused:
            reopened.accounts.sign_in("j3", pin_of("J3"))  # the right PIN, still locked
        assert "locked" in refused.value.text.en
        assert [a.locked for a in reopened.accounts.accounts() if a.username == "j3"] == [True]
        assert reopened.accounts.sign_in("j4", pin_of("J4")).judge_code == "J4"  # others not
    finally:
        reopened.close()

    later = open_stack(stack.path)
    try:
        trail = [(actor, action) for actor, action, subject in later.actions() if subject == "j3"]
        failed = [("j3", "account.failed")] * (MAX_ATTEMPTS - 1)
        assert trail == [
            ("sek1", "account.create"),
            *failed,
            ("j3", "account.sign_in"),
            *failed,
            ("j3", "account.locked"),
            ("j3", "account.refused_locked"),  # before the restart
            ("j3", "account.refused_locked"),  # after it
        ]
    finally:
        later.close()


@pytest.mark.tampers
def test_a_lockout_lifted_by_editing_the_file_does_not_let_the_judge_in(stack: Stack) -> None:
    """The lock runs out by the clock (below); set to the past in the file, it is refused."""
    _fail(stack, "j1", MAX_ATTEMPTS)
    with stack.database.writing() as session:
        locked_until = session.scalar(select(UserRow.locked_until).where(UserRow.username == "j1"))
        assert locked_until is not None
        assert locked_until - audit.now() <= timedelta(minutes=LOCK_MINUTES)
        session.execute(
            update(UserRow)
            .where(UserRow.username == "j1")
            .values(locked_until=audit.now() - timedelta(seconds=1))
        )
    with pytest.raises(AuthenticationError, match="tanpa tercatat"):
        stack.accounts.sign_in("j1", pin_of("J1"))
    assert stack.actions()[-1] == ("j1", "security.account_changed", "j1")


class MovingClock:
    """A clock the test moves by hand, wired through ``bootstrap`` like the real one."""

    def __init__(self) -> None:
        self.now = datetime(2024, 9, 19, 2, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_a_lockout_ends_by_the_clock_it_was_wired_with(stack: Stack) -> None:
    clock = MovingClock()
    moved = open_stack(stack.path, clock=clock)  # the same database, wired to a moving clock
    try:
        _fail(moved, "j1", MAX_ATTEMPTS)
        clock.now += timedelta(minutes=LOCK_MINUTES) - timedelta(seconds=1)
        with pytest.raises(AuthenticationError, match="terkunci"):
            moved.accounts.sign_in("j1", pin_of("J1"))
        assert [a.locked for a in moved.accounts.accounts() if a.username == "j1"] == [True]
        clock.now += timedelta(seconds=2)
        assert [a.locked for a in moved.accounts.accounts() if a.username == "j1"] == [False]
        assert moved.accounts.sign_in("j1", pin_of("J1")).judge_code == "J1"
    finally:
        moved.close()


def test_after_a_lockout_ends_it_takes_five_wrong_pins_again_to_lock(stack: Stack) -> None:
    clock = MovingClock()
    moved = open_stack(stack.path, clock=clock)
    try:
        _fail(moved, "j1", MAX_ATTEMPTS)
        clock.now += timedelta(minutes=LOCK_MINUTES, seconds=1)
        _fail(moved, "j1", MAX_ATTEMPTS - 1)
        assert [a.locked for a in moved.accounts.accounts() if a.username == "j1"] == [False]
        _fail(moved, "j1", 1)
        assert [a.locked for a in moved.accounts.accounts() if a.username == "j1"] == [True]
    finally:
        moved.close()


def test_secretariat_reset_unlocks(stack: Stack, sek1: Actor) -> None:
    _fail(stack, "j1", MAX_ATTEMPTS)
    stack.accounts.set_secret(sek1, "j1", "246802")
    assert stack.accounts.sign_in("j1", "246802").judge_code == "J1"
    assert ("sek1", "account.reset", "j1") in stack.actions()


@pytest.mark.parametrize(
    "pin", ["", "123", "1234", "12345", "12a456", "123 456", "abcdef", "-123456", "¹²³⁴⁵⁶"]
)
def test_judge_pin_must_be_at_least_six_digits(stack: Stack, console: Actor, pin: str) -> None:
    with pytest.raises(ValidationError):
        stack.accounts.set_secret(console, "j1", pin)
    with pytest.raises(ValidationError):
        stack.accounts.create(console, "j1b", pin, role=Role.JUDGE, judge_code="J1")


@pytest.mark.parametrize("pin", ["000000", "123456", "98765432"])
def test_judge_pin_of_six_or_more_digits_is_accepted(
    stack: Stack, console: Actor, pin: str
) -> None:
    stack.accounts.set_secret(console, "j1", pin)
    assert stack.accounts.sign_in("j1", pin).judge_code == "J1"


@pytest.mark.parametrize("secret", ["", "1234567", "pendek"])
def test_secretariat_passphrase_needs_eight_characters(
    stack: Stack, console: Actor, secret: str
) -> None:
    with pytest.raises(ValidationError):
        stack.accounts.create(console, "sek3", secret, role=Role.SECRETARIAT)
    stack.accounts.create(console, "sek3", "12345678", role=Role.SECRETARIAT)
    with pytest.raises(ValidationError):
        stack.accounts.set_secret(console, "sek3", secret)


def test_usernames_are_unique_and_judges_must_exist(stack: Stack, console: Actor) -> None:
    with pytest.raises(ValidationError):
        stack.accounts.create(console, "sek1", "12345678", role=Role.SECRETARIAT)
    with pytest.raises(NotFoundError):
        stack.accounts.create(console, "j9", "123456", role=Role.JUDGE, judge_code="J9")
    with pytest.raises(NotFoundError):
        stack.accounts.set_secret(console, "nobody", "12345678")


def test_judge_cannot_administer_accounts(stack: Stack, judges: dict[str, Actor]) -> None:
    judge = judges["J1"]
    with pytest.raises(PermissionDeniedError):
        stack.accounts.create(judge, "x", "12345678", role=Role.SECRETARIAT)
    with pytest.raises(PermissionDeniedError):
        stack.accounts.set_secret(judge, "j2", "1234")
    with pytest.raises(PermissionDeniedError):
        stack.accounts.set_secret(judge, "j1", "1234")


def test_each_lockout_lasts_twice_as_long_as_the_one_before(stack: Stack) -> None:
    clock = MovingClock()
    moved = open_stack(stack.path, clock=clock)
    try:
        lasted = []
        for _ in range(4):
            _fail(moved, "j2", MAX_ATTEMPTS)
            with moved.database.reading() as session:
                locked_until = session.scalar(
                    select(UserRow.locked_until).where(UserRow.username == "j2")
                )
            assert locked_until is not None
            lasted.append(
                round((locked_until - clock.now.replace(tzinfo=None)).total_seconds() / 60)
            )
            clock.now = locked_until.replace(tzinfo=UTC) + timedelta(seconds=1)  # it runs out
        assert lasted == [LOCK_MINUTES, 2 * LOCK_MINUTES, 4 * LOCK_MINUTES, 8 * LOCK_MINUTES]
        minutes = [e.details["minutes"] for e in moved.events("account.locked")]
        assert minutes == lasted
        assert moved.accounts.sign_in("j2", pin_of("J2")).judge_code == "J2"
        _fail(moved, "j2", MAX_ATTEMPTS)  # a good sign-in starts the doubling again
        assert moved.events("account.locked")[-1].details["minutes"] == LOCK_MINUTES
    finally:
        moved.close()


def test_lockouts_stop_doubling_at_a_day() -> None:
    assert lockout_length(0) == timedelta(minutes=LOCK_MINUTES)
    assert lockout_length(50) == timedelta(hours=24)


def test_only_the_first_account_is_made_without_signing_in(tmp_path: Path) -> None:
    services = open_stack(tmp_path / "baru.sqlite3")
    try:
        assert not services.accounts.has_accounts()
        first = services.accounts.create_first("admin", "kata-sandi-1", display_name="Admin")
        assert first.is_secretariat and first.user_id is not None
        with pytest.raises(PermissionDeniedError):
            services.accounts.create_first("penyusup", "kata-sandi-2")
        for nobody in (Actor.reader(), Actor.founder()):
            with pytest.raises(PermissionDeniedError):
                services.accounts.create(nobody, "sek2", "kata-sandi-2", role=Role.SECRETARIAT)
        services.accounts.create(first, "sek2", "kata-sandi-2", role=Role.SECRETARIAT)
        assert [a.username for a in services.accounts.accounts()] == ["admin", "sek2"]
    finally:
        services.close()


def test_short_demo_pins_only_in_the_demo(tmp_path: Path, demo_spec: ConventionSpec) -> None:
    for is_demo in (True, False):
        services = open_stack(tmp_path / f"demo-{is_demo}.sqlite3")
        try:
            first = services.accounts.create_first("admin", "kata-sandi-1")
            services.setup.create(first, demo_spec, is_demo=is_demo)
            with pytest.raises(ValidationError):
                services.accounts.create(first, "j1", "1111", role=Role.JUDGE, judge_code="J1")
            if is_demo:
                services.accounts.create(
                    first, "j1", "1111", role=Role.JUDGE, judge_code="J1", demo_pin=True
                )
            else:
                with pytest.raises(PermissionDeniedError):
                    services.accounts.create(
                        first, "j1", "1111", role=Role.JUDGE, judge_code="J1", demo_pin=True
                    )
        finally:
            services.close()
