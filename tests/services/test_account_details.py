"""Accounts in detail: each refusal word for word, what the list shows, what a reset clears."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

import juryapp.services.accounts as accounts_module
from juryapp.domain.access import Actor
from juryapp.domain.kinds import Role
from juryapp.domain.messages import (
    AuthenticationError,
    JuryError,
    StateError,
    Text,
)
from juryapp.domain.model import ConventionSpec, Judge
from juryapp.services.accounts import (
    LOCK_MINUTES,
    MAX_ATTEMPTS,
    AccountView,
    IssuedPin,
    make_hasher,
)
from tests.postgres import drop_database, fresh_database, server_url
from tests.services.conftest import (
    JUDGE_CODES,
    SECRETARIAT_PASSPHRASE,
    Stack,
    open_stack,
    pin_of,
)
from tests.services.test_accounts import MovingClock

NEW_PIN_RULE = Text(
    "PIN baru harus berupa angka, paling sedikit 6 digit, dan tidak mudah ditebak "
    "(bukan 111111 atau 123456)",
    "a new PIN must be digits, at least 6 of them, and not easy to guess (not 111111 or 123456)",
)


@pytest.fixture
def empty(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> Iterator[Stack]:
    """A database with no convention and no account yet, on the backend of this run."""
    server = server_url(request.config) if backend == "postgresql" else None
    if server is None:
        stack = open_stack(tmp_path / "kosong.sqlite3")
    else:
        url = fresh_database(server)
        stack = open_stack(url.render_as_string(hide_password=False))
    yield stack
    stack.close()
    if server is not None:
        drop_database(server, url)


def refusal(call: Callable[..., object], *args: object, **kwargs: object) -> Text:
    """The text of the refusal ``call(*args, **kwargs)`` raises."""
    with pytest.raises(JuryError) as refused:
        call(*args, **kwargs)
    return refused.value.text


def names(stack: Stack) -> dict[str, str]:
    return {j.code: j.name for j in stack.setup.spec().judges}


def fail(stack: Stack, username: str, times: int) -> None:
    for _ in range(times):
        with pytest.raises(AuthenticationError):
            stack.accounts.sign_in(username, "000000")


def locked(stack: Stack, username: str) -> bool:
    return next(a.locked for a in stack.accounts.accounts() if a.username == username)


def test_the_app_hashes_at_rfc_9106s_second_choice() -> None:
    hasher = make_hasher()
    assert (hasher.time_cost, hasher.memory_cost, hasher.parallelism) == (3, 65536, 4)


def test_the_first_account_is_named_by_its_username_unless_given_a_name(empty: Stack) -> None:
    assert not empty.accounts.has_accounts()
    first = empty.accounts.create_first("ani", SECRETARIAT_PASSPHRASE)
    assert empty.accounts.has_accounts()
    assert (first.username, first.display_name, first.role) == ("ani", "ani", Role.SECRETARIAT)
    assert empty.accounts.accounts() == [AccountView("ani", "ani", Role.SECRETARIAT, None, False)]


def test_the_account_list_secretariat_first_then_judges_by_username(stack: Stack) -> None:
    judges = names(stack)
    assert stack.accounts.accounts() == [
        AccountView("sek1", "sek1", Role.SECRETARIAT, None, False),
        AccountView("sek2", "sek2", Role.SECRETARIAT, None, False),
        *(AccountView(code.lower(), judges[code], Role.JUDGE, code, False) for code in JUDGE_CODES),
    ]


def add_judges(stack: Stack, sek1: Actor, *codes: str) -> None:
    """Judges without an account yet, like the first of the demo but for their codes."""
    spec = stack.setup.spec()
    extra = tuple(Judge(code=c, name=f"Dr. {c}") for c in codes)
    stack.setup.update(sek1, replace(spec, judges=(*spec.judges, *extra)))


def test_a_new_account_is_named_after_its_judge_or_its_username(stack: Stack, sek1: Actor) -> None:
    add_judges(stack, sek1, "J6", "J7")
    stack.accounts.create(sek1, "tamu", SECRETARIAT_PASSPHRASE, role=Role.SECRETARIAT)
    stack.accounts.create(sek1, "enam", "582914", role=Role.JUDGE, judge_code="J6")
    stack.accounts.create(
        sek1, "tujuh", "582914", role=Role.JUDGE, judge_code="J7", display_name="Bu Tujuh"
    )
    shown = {a.username: a for a in stack.accounts.accounts()}
    assert shown["tamu"] == AccountView("tamu", "tamu", Role.SECRETARIAT, None, False)
    assert shown["enam"] == AccountView("enam", "Dr. J6", Role.JUDGE, "J6", False)
    assert shown["tujuh"] == AccountView("tujuh", "Bu Tujuh", Role.JUDGE, "J7", False)
    assert stack.accounts.sign_in("enam", "582914").judge_code == "J6"
    assert [a.username for a in stack.accounts.accounts()] == [
        "sek1",
        "sek2",
        "tamu",
        "enam",
        *(code.lower() for code in JUDGE_CODES),
        "tujuh",
    ]
    created = stack.events("account.create")[-3:]
    assert [(e.subject, e.details) for e in created] == [
        ("tamu", {"role": "secretariat"}),
        ("enam", {"role": "judge"}),
        ("tujuh", {"role": "judge"}),
    ]


def test_refusals_when_creating_an_account_word_for_word(stack: Stack, sek1: Actor) -> None:
    create = stack.accounts.create
    assert refusal(create, sek1, "baca", SECRETARIAT_PASSPHRASE, role=Role.READER) == Text(
        "peran tidak dikenal", "unknown role"
    )
    assert refusal(create, sek1, "sek2", SECRETARIAT_PASSPHRASE, role=Role.SECRETARIAT) == Text(
        "nama pengguna 'sek2' sudah dipakai", "username 'sek2' is taken"
    )
    assert refusal(create, sek1, "j9", "582914", role=Role.JUDGE, judge_code="J9") == Text(
        "juri 'J9' tidak dikenal", "unknown judge 'J9'"
    )
    assert refusal(stack.accounts.create_judge_accounts, sek1, ["J1", "J9"]) == Text(
        "juri 'J9' tidak dikenal", "unknown judge 'J9'"
    )
    assert refusal(stack.accounts.set_secret, sek1, "siapa", SECRETARIAT_PASSPHRASE) == Text(
        "pengguna 'siapa' tidak ada", "no user 'siapa'"
    )
    assert refusal(stack.accounts.issue_pin, sek1, "sek2") == Text(
        "PIN baru hanya untuk akun juri; sekretariat memakai kata sandi",
        "new PINs are for judges' accounts; the secretariat uses passphrases",
    )


def test_short_pins_only_in_the_demo(
    tmp_path: Path, stack: Stack, sek1: Actor, demo_spec: ConventionSpec
) -> None:
    add_judges(stack, sek1, "J6")
    stack.accounts.create(
        sek1, "enam", "1234", role=Role.JUDGE, judge_code="J6", demo_pin=True
    )  # the stack's convention is the demo
    assert stack.accounts.sign_in("enam", "1234").judge_code == "J6"
    real = open_stack(tmp_path / "sungguhan.sqlite3")
    try:
        first = real.accounts.create_first("ani", SECRETARIAT_PASSPHRASE)
        real.setup.create(first, demo_spec)
        refused = refusal(
            real.accounts.create,
            first,
            "j1",
            "1234",
            role=Role.JUDGE,
            judge_code="J1",
            demo_pin=True,
        )
        assert refused == Text("PIN pendek hanya untuk demo", "short PINs are for the demo only")
        assert [a.username for a in real.accounts.accounts()] == ["ani"]
    finally:
        real.close()


def test_changing_ones_own_secret_refusals_word_for_word(
    stack: Stack, judges: dict[str, Actor]
) -> None:
    change = stack.accounts.change_own_secret
    assert refusal(change, Actor.reader(), "x", "582914") == Text(
        "masuk dulu dengan akun Anda", "sign in with your own account first"
    )
    j1 = judges["J1"]
    assert refusal(change, j1, "000000", "582914") == Text(
        "PIN/kata sandi lama salah", "the current PIN/passphrase is wrong"
    )
    assert refusal(change, j1, pin_of("J1"), "123456") == NEW_PIN_RULE
    # someone else's name on J1's account number: refused even with J1's own PIN
    stranger = replace(j1, username="j9")
    assert refusal(change, stranger, pin_of("J1"), "582914") == Text(
        "pengguna 'j9' tidak ada", "no user 'j9'"
    )
    assert stack.accounts.sign_in("j1", pin_of("J1")).judge_code == "J1"


def test_a_new_pin_comes_back_with_the_judge_and_clears_every_failure(
    stack: Stack, sek1: Actor
) -> None:
    fail(stack, "j1", MAX_ATTEMPTS)
    slip = stack.accounts.issue_pin(sek1, "j1")
    assert slip == IssuedPin("j1", names(stack)["J1"], "J1", slip.pin)
    [event] = stack.events("account.reset")
    assert (event.actor, event.subject, event.details) == ("sek1", "j1", {"generated": True})
    _cleared(stack, "j1")


def test_a_reset_passphrase_clears_every_failure(stack: Stack, sek1: Actor) -> None:
    fail(stack, "j2", MAX_ATTEMPTS - 1)
    stack.accounts.set_secret(sek1, "j2", "582914")
    fail(stack, "j2", MAX_ATTEMPTS - 1)
    assert not locked(stack, "j2")  # the count started again at the reset


def test_lifting_a_lockout_clears_every_failure(stack: Stack, sek1: Actor) -> None:
    fail(stack, "j3", MAX_ATTEMPTS)
    stack.accounts.lift_lockout(sek1, "j3")
    _cleared(stack, "j3")
    stack.accounts.lift_lockout(sek1, "j4")  # never locked
    assert [e.details for e in stack.events("account.unlock")] == [
        {"was_locked": True},
        {"was_locked": False},
    ]


def _cleared(stack: Stack, username: str) -> None:
    """No failure left and no earlier lockout counted: the next lockout is a first one."""
    fail(stack, username, MAX_ATTEMPTS - 1)
    assert not locked(stack, username)
    fail(stack, username, 1)
    assert locked(stack, username)
    last = stack.events("account.locked")[-1]
    assert (last.subject, last.details) == (username, {"minutes": LOCK_MINUTES, "lockouts": 1})


def test_a_lockout_is_over_at_the_minute_it_ends(stack: Stack, sek1: Actor) -> None:
    clock = MovingClock()
    moved = open_stack(stack.path, clock=clock)
    try:
        fail(moved, "j1", MAX_ATTEMPTS)
        fail(moved, "j2", MAX_ATTEMPTS)
        clock.now += timedelta(minutes=LOCK_MINUTES)
        assert not locked(moved, "j1")
        moved.accounts.lift_lockout(sek1, "j2")
        assert moved.events("account.unlock")[-1].details == {"was_locked": False}
    finally:
        moved.close()


def test_judge_accounts_in_the_order_of_the_codes_named_like_their_judges(
    tmp_path: Path, demo_spec: ConventionSpec
) -> None:
    fresh = open_stack(tmp_path / "baru.sqlite3")
    try:
        first = fresh.accounts.create_first("ani", SECRETARIAT_PASSPHRASE)
        extra = Judge(code="J0", name="Dr. Nol")
        fresh.setup.create(first, replace(demo_spec, judges=(*demo_spec.judges, extra)))
        fresh.accounts.create(first, "j2", SECRETARIAT_PASSPHRASE, role=Role.SECRETARIAT)
        fresh.accounts.create(first, "j2-2", SECRETARIAT_PASSPHRASE, role=Role.SECRETARIAT)
        issued = fresh.accounts.create_judge_accounts(first)
        assert [(p.username, p.judge_code) for p in issued] == [
            ("j0", "J0"),
            ("j1", "J1"),
            ("j2-3", "J2"),
            ("j3", "J3"),
            ("j4", "J4"),
            ("j5", "J5"),
        ]
        judges = names(fresh)
        shown = {a.username: a.display_name for a in fresh.accounts.accounts()}
        assert [shown[p.username] for p in issued] == [judges[p.judge_code] for p in issued]
        assert {e.details["role"] for e in fresh.events("account.create")[-6:]} == {"judge"}
    finally:
        fresh.close()


@pytest.mark.parametrize("elsewhere", ["judge", "name"])
def test_judge_accounts_made_elsewhere_meanwhile_stop_the_whole_batch(
    stack: Stack, sek1: Actor, monkeypatch: pytest.MonkeyPatch, elsewhere: str
) -> None:
    """Another laptop gives J1 an account, or takes the name j6, while the PINs are hashed."""
    add_judges(stack, sek1, "J6")
    made = accounts_module.generate_pin

    def pin_then_account_elsewhere() -> str:
        monkeypatch.setattr(accounts_module, "generate_pin", made)
        other = open_stack(stack.path)
        try:
            sek2 = other.accounts.sign_in("sek2", SECRETARIAT_PASSPHRASE)
            if elsewhere == "judge":
                other.accounts.create(sek2, "enam", "582914", role=Role.JUDGE, judge_code="J6")
            else:
                other.accounts.create(sek2, "j6", SECRETARIAT_PASSPHRASE, role=Role.SECRETARIAT)
        finally:
            other.close()
        return made()

    monkeypatch.setattr(accounts_module, "generate_pin", pin_then_account_elsewhere)
    with pytest.raises(StateError) as refused:
        stack.accounts.create_judge_accounts(sek1, ["J6"])
    assert refused.value.text == Text(
        "akun juri baru saja dibuat di tempat lain; muat ulang dan coba lagi",
        "judge accounts were just created elsewhere; reload and try again",
    )
    assert [a.username for a in stack.accounts.accounts() if a.judge_code == "J6"] == (
        ["enam"] if elsewhere == "judge" else []
    )


def test_judges_whose_codes_differ_only_in_case_get_two_usernames(
    stack: Stack, sek1: Actor
) -> None:
    add_judges(stack, sek1, "J6", "j6")
    issued = stack.accounts.create_judge_accounts(sek1)
    assert sorted(p.username for p in issued) == ["j6", "j6-2"]
    assert sorted(p.judge_code for p in issued) == ["J6", "j6"]


USERNAME_RULE = Text(
    "nama pengguna wajib diisi, tanpa spasi, paling panjang 80 karakter",
    "a username is required, without spaces, at most 80 characters",
)


@pytest.mark.parametrize("username", ["", "a b", "a\u200bb\x00", "x" * 81])
def test_a_username_is_one_printable_word_of_at_most_80_characters(
    stack: Stack, sek1: Actor, username: str
) -> None:
    create = stack.accounts.create
    assert refusal(create, sek1, username, SECRETARIAT_PASSPHRASE, role=Role.SECRETARIAT) == (
        USERNAME_RULE
    )
    create(sek1, "x" * 80, SECRETARIAT_PASSPHRASE, role=Role.SECRETARIAT)
    assert "x" * 80 in {a.username for a in stack.accounts.accounts()}


def test_the_pin_and_passphrase_rules_word_for_word(stack: Stack, sek1: Actor) -> None:
    add_judges(stack, sek1, "J6")
    create = stack.accounts.create
    assert refusal(create, sek1, "enam", "12345", role=Role.JUDGE, judge_code="J6") == Text(
        "PIN juri harus berupa angka, paling sedikit 6 digit",
        "a judge's PIN must be digits, at least 6 of them",
    )
    assert refusal(
        create, sek1, "enam", "123", role=Role.JUDGE, judge_code="J6", demo_pin=True
    ) == Text(
        "PIN juri harus berupa angka, paling sedikit 4 digit",
        "a judge's PIN must be digits, at least 4 of them",
    )
    assert refusal(create, sek1, "tamu", "pendek", role=Role.SECRETARIAT) == Text(
        "kata sandi sekretariat paling sedikit 8 karakter",
        "a secretariat passphrase needs at least 8 characters",
    )


def test_the_first_account_is_made_once_recorded_as_the_first(empty: Stack) -> None:
    first = empty.accounts.create_first("ani", SECRETARIAT_PASSPHRASE, display_name="Ani S.")
    assert (first.username, first.display_name) == ("ani", "Ani S.")
    assert [(a.username, a.display_name) for a in empty.accounts.accounts()] == [("ani", "Ani S.")]
    [event] = empty.events("account.create")
    assert (event.actor, event.subject, event.details) == (
        "ani",
        "ani",
        {"role": "secretariat", "first": True},
    )
    assert refusal(empty.accounts.create_first, "budi", SECRETARIAT_PASSPHRASE) == Text(
        "basis data ini sudah memiliki akun; masuk sebagai sekretariat untuk menambah akun",
        "this database already has accounts; sign in as the secretariat to add one",
    )


def test_sign_in_refusals_word_for_word_with_the_minutes_left(stack: Stack) -> None:
    wrong = Text("nama pengguna atau PIN/kata sandi salah", "wrong username or PIN/passphrase")
    assert refusal(stack.accounts.sign_in, "siapa", "000001") == wrong
    clock = MovingClock()
    moved = open_stack(stack.path, clock=clock)
    try:
        for _ in range(MAX_ATTEMPTS):
            assert refusal(moved.accounts.sign_in, "j1", "000000") == wrong
        # 290 s left is told as 5 min, 240 s as 5 (four whole minutes and the one begun), 20 s as 1
        steps = (
            (timedelta(seconds=10), 5),
            (timedelta(seconds=50), 5),
            (timedelta(minutes=3, seconds=40), 1),
        )
        for after, left in steps:
            clock.now += after
            assert refusal(moved.accounts.sign_in, "j1", pin_of("J1")) == Text(
                f"akun terkunci karena terlalu banyak percobaan salah; coba lagi {left} menit lagi",
                f"the account is locked after too many wrong attempts; try again in {left} min",
            )
        assert [(e.actor, e.subject) for e in moved.events("account.refused_locked")] == [
            ("j1", "j1"),
            ("j1", "j1"),
            ("j1", "j1"),
        ]
        clock.now += timedelta(seconds=20)
        signed_in = moved.accounts.sign_in("j1", pin_of("J1"))
        assert (signed_in.username, signed_in.judge_code) == ("j1", "J1")
    finally:
        moved.close()
