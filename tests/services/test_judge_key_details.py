"""Judges' keys in detail: opened and closed at sign-in and sign-out, shown, retired, refused."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from juryapp.bootstrap import bootstrap
from juryapp.domain.access import Actor
from juryapp.domain.kinds import Role
from juryapp.domain.messages import (
    AuthenticationError,
    NotFoundError,
    PermissionDeniedError,
    StateError,
    Text,
    ValidationError,
)
from juryapp.persistence.tables import AuditRow, JudgeKeyRow, SigningKeyRow
from juryapp.reports.key_vault import WrongPassphraseError, open_sealed
from juryapp.services import judge_keys
from juryapp.services.judge_keys import JudgeKeyInfo, fingerprint_of, public_bytes
from tests.services.conftest import (
    CHEAP_KDF,
    KEY_PASSPHRASE,
    SECRETARIAT_PASSPHRASE,
    Stack,
    fast_hasher,
    pin_of,
)
from tests.services.laptop_fixtures import Hub, Laptop, hub, make_laptop, package

__all__ = ["hub", "make_laptop", "package"]

MakeLaptop = Callable[[str], Laptop]
SECRETARIAT = Actor(username="sek1", role=Role.SECRETARIAT, user_id=1)


def enrolled_key(laptop: Laptop, hub: Hub, judge: str) -> JudgeKeyInfo:
    """The judge's key made at sign-in on ``laptop``, enrolled at the hub."""
    actor = laptop.sign_in(judge)
    own = laptop.services.judge_keys.own(actor)
    assert own is not None
    return hub.judge_keys.enrol(hub.secretariat, judge, own.public_key, own.fingerprint)


def test_a_key_is_open_from_sign_in_to_sign_out_for_that_judge_only(
    make_laptop: MakeLaptop,
) -> None:
    laptop = make_laptop("bersama")
    keys = laptop.services.judge_keys
    j1 = laptop.sign_in("J1")
    j2 = laptop.services.accounts.sign_in("j2", pin_of("J2"))  # the PIN checked, no key opened
    assert (keys.signing_here(j1), keys.signing_here(j2)) == (True, False)
    assert not keys.signing_here(SECRETARIAT)
    j2 = laptop.sign_in("J2")
    keys.sign_out(j1)
    assert (keys.signing_here(j1), keys.signing_here(j2)) == (False, True)
    keys.sign_out(j1)  # signing out twice is harmless
    keys.sign_out(SECRETARIAT)  # nothing of the secretariat's is open
    assert (keys.signing_here(j1), keys.signing_here(j2)) == (False, True)


def test_a_judge_sees_their_own_key_once_it_is_made(make_laptop: MakeLaptop) -> None:
    laptop = make_laptop("j1")
    keys = laptop.services.judge_keys
    with pytest.raises(PermissionDeniedError) as refused:
        keys.own(SECRETARIAT)
    assert refused.value.text == Text("hanya untuk juri", "for judges only")
    j1 = laptop.services.accounts.sign_in("j1", pin_of("J1"))
    assert keys.own(j1) is None  # made at the first sign-in that opens it
    made = keys.after_sign_in(j1, pin_of("J1"))
    own = keys.own(j1)
    assert made is not None and own is not None
    assert (own.judge_code, own.fingerprint, own.active) == ("J1", made.fingerprint, True)


def test_a_key_just_made_is_enrolled_by_nobody_and_retired_for_no_reason(
    make_laptop: MakeLaptop,
) -> None:
    # the laptop's own key waits for the secretariat's enrolment: empty texts, never NULLs,
    # both in what the sign-in returns and in the row it stored
    laptop = make_laptop("j1")
    j1 = laptop.services.accounts.sign_in("j1", pin_of("J1"))
    made = laptop.services.judge_keys.after_sign_in(j1, pin_of("J1"))
    assert made is not None
    assert (made.judge_code, made.enrolled_by, made.active) == ("J1", "", True)
    with laptop.services.database.reading() as session:
        [row] = session.scalars(select(JudgeKeyRow))
        assert (row.enrolled_by, row.retired_reason, row.retired_at) == ("", "", None)
        last = session.scalars(select(AuditRow).order_by(AuditRow.seq.desc()).limit(1)).one()
        assert (last.actor, last.action, last.subject) == ("j1", "judge_key.create", "J1")
        assert json.loads(last.details)["fingerprint"] == made.fingerprint


def test_the_key_made_at_the_first_sign_in_opens_again_at_the_next(
    make_laptop: MakeLaptop,
) -> None:
    laptop = make_laptop("j1")
    keys = laptop.services.judge_keys
    j1 = laptop.services.accounts.sign_in("j1", pin_of("J1"))
    made = keys.after_sign_in(j1, pin_of("J1"))
    keys.sign_out(j1)
    opened = keys.after_sign_in(j1, pin_of("J1"))
    assert made is not None and opened is not None
    assert (opened.judge_code, opened.fingerprint, opened.active) == ("J1", made.fingerprint, True)
    assert keys.signing_here(j1)


def test_a_key_made_meanwhile_by_another_sign_in_is_not_made_twice(
    make_laptop: MakeLaptop, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.services.accounts.sign_in("j1", pin_of("J1"))
    other = bootstrap(laptop.path, hasher=fast_hasher(), kdf_cost=CHEAP_KDF)
    sealing = judge_keys.seal_secret

    def made_meanwhile(*args: object, **kwargs: object) -> bytes:
        monkeypatch.setattr(judge_keys, "seal_secret", sealing)
        other.judge_keys.after_sign_in(j1, pin_of("J1"))  # the other sign-in is quicker
        return sealing(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(judge_keys, "seal_secret", made_meanwhile)
    try:
        with pytest.raises(StateError) as refused:
            laptop.services.judge_keys.after_sign_in(j1, pin_of("J1"))
        assert refused.value.text == Text(
            "kunci sudah dibuat; masuk lagi", "the key exists; sign in again"
        )
        made = other.judge_keys.own(j1)
        with laptop.services.database.reading() as session:
            assert made is not None
            assert list(session.scalars(select(JudgeKeyRow.fingerprint))) == [made.fingerprint]
    finally:
        other.close()


def _sealed_part(laptop: Laptop) -> tuple[str, bytes]:
    with laptop.services.database.reading() as session:
        [row] = session.scalars(select(JudgeKeyRow))
        assert row.sealed_private_key is not None
        return row.fingerprint, row.sealed_private_key


def test_a_judge_key_is_sealed_for_its_judge_and_fingerprint_as_earlier_versions_sealed_it(
    make_laptop: MakeLaptop,
) -> None:
    # a laptop's database outlives the version that sealed its key: the sealing's context
    # (what the key belongs to) is part of the stored format
    laptop = make_laptop("j1")
    laptop.sign_in("J1")
    fingerprint, sealed = _sealed_part(laptop)
    raw = open_sealed(
        sealed, pin_of("J1"), context=b"juryapp-judge-key\0J1\0" + fingerprint.encode()
    )
    key = Ed25519PrivateKey.from_private_bytes(raw)
    assert fingerprint_of(public_bytes(key.public_key())) == fingerprint
    assert _sealed_cost(sealed) == (  # at the cost the laptop was set up with
        CHEAP_KDF.time_cost,
        CHEAP_KDF.memory_kib,
        CHEAP_KDF.parallelism,
    )
    with pytest.raises(WrongPassphraseError):  # the same PIN, another judge's key
        open_sealed(sealed, pin_of("J1"), context=b"juryapp-judge-key\0J2\0" + fingerprint.encode())


def test_a_key_sealed_under_another_pin_asks_for_that_pin(make_laptop: MakeLaptop) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    keys = laptop.services.judge_keys
    keys.sign_out(j1)
    with pytest.raises(AuthenticationError) as refused:
        keys.after_sign_in(j1, pin_of("J2"))
    assert refused.value.text == Text(
        "kunci tanda tangan Anda disegel dengan PIN sebelumnya; masuk dengan PIN itu",
        "your signing key was sealed with your earlier PIN; sign in with that PIN",
    )
    assert not keys.signing_here(j1)


@pytest.mark.parametrize(
    ("stored", "refusal"),
    [
        (
            b"bukan kunci",
            Text(
                "kunci tanda tangan juri rusak (the sealed key is damaged)",
                "the judge's key is damaged (the sealed key is damaged)",
            ),
        ),
        (None, Text("kunci juri tanpa bagian rahasia", "a judge key without secret")),
    ],
    ids=["damaged", "without-secret"],
)
def test_a_damaged_stored_judge_key_is_refused_at_sign_in_saying_so(
    make_laptop: MakeLaptop, stored: bytes | None, refusal: Text
) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    keys = laptop.services.judge_keys
    keys.sign_out(j1)
    with laptop.services.database.writing() as session:
        [row] = session.scalars(select(JudgeKeyRow))
        row.sealed_private_key = stored
    with pytest.raises(StateError) as refused:
        keys.after_sign_in(j1, pin_of("J1"))
    assert refused.value.text == refusal
    assert not keys.signing_here(j1)


def test_a_fingerprint_typed_wrong_is_refused_quoting_both(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    laptop = make_laptop("j1")
    own = laptop.services.judge_keys.own(laptop.sign_in("J1"))
    assert own is not None
    typed = "0000-0000-0000-0000-0000"
    with pytest.raises(ValidationError) as refused:
        hub.judge_keys.enrol(hub.secretariat, "J1", own.public_key, f"  {typed} ")
    assert refused.value.text == Text(
        f"sidik jari yang diketik ({typed}) bukan sidik jari kunci ini ({own.fingerprint}); "
        "bandingkan lagi dengan layar laptop juri",
        f"the fingerprint typed ({typed}) is not this key's ({own.fingerprint}); compare it "
        "again with the judge's screen",
    )


def test_a_key_enrolled_again_is_the_same_and_a_second_key_waits_for_a_retirement(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    key = enrolled_key(make_laptop("j1"), hub, "J1")
    assert (key.judge_code, key.active, key.enrolled_by) == ("J1", True, "sek1")
    again = hub.judge_keys.enrol(hub.secretariat, "J1", key.public_key, key.fingerprint)
    assert (again.judge_code, again.fingerprint) == ("J1", key.fingerprint)
    [event] = hub.stack.events("judge_key.enrol")  # enrolled once, recorded once
    assert (event.actor, event.subject, event.details) == (
        "sek1",
        "J1",
        {"fingerprint": key.fingerprint},
    )
    assert key.created_at <= event.at  # made when its enrolment was recorded
    spare = make_laptop("cadangan")
    other = spare.services.judge_keys.own(spare.sign_in("J1"))
    assert other is not None
    with pytest.raises(StateError) as refused:
        hub.judge_keys.enrol(hub.secretariat, "J1", other.public_key, other.fingerprint)
    assert refused.value.text == Text(
        "juri J1 sudah memiliki kunci terdaftar; pensiunkan dulu dengan alasan",
        "judge J1 already has an enrolled key; retire it first, with a reason",
    )
    assert [k.fingerprint for k in hub.judge_keys.enrolled(hub.secretariat)] == [key.fingerprint]


def test_the_enrolled_keys_each_with_its_judge_oldest_first(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    laptop = make_laptop("bersama")
    second = enrolled_key(laptop, hub, "J2")
    first = enrolled_key(laptop, hub, "J1")
    hub.judge_keys.retire(hub.secretariat, "J2", "laptop hilang")
    assert [
        (k.judge_code, k.fingerprint, k.active, k.enrolled_by)
        for k in hub.judge_keys.enrolled(hub.secretariat)
    ] == [("J2", second.fingerprint, False, "sek1"), ("J1", first.fingerprint, True, "sek1")]
    assert hub.stack.keys.active(hub.secretariat).retired_reason == ""  # type: ignore[union-attr]
    with hub.stack.database.reading() as session:  # as enrolled: no reason until retired
        reasons = session.execute(
            select(JudgeKeyRow.fingerprint, JudgeKeyRow.retired_reason).order_by(JudgeKeyRow.id)
        ).all()
    assert reasons == [(second.fingerprint, "laptop hilang"), (first.fingerprint, "")]


def test_retiring_a_key_needs_a_reason_and_an_active_key_and_is_recorded(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    retire = hub.judge_keys.retire
    with pytest.raises(StateError) as no_reason:
        retire(hub.secretariat, "J1", "  ")
    assert no_reason.value.text == Text("alasan wajib diisi", "a reason is required")
    with pytest.raises(NotFoundError) as no_key:
        retire(hub.secretariat, "J1", "laptop hilang")
    assert no_key.value.text == Text(
        "juri J1 tidak memiliki kunci aktif", "judge J1 has no active key"
    )
    key = enrolled_key(make_laptop("j1"), hub, "J1")
    retire(hub.secretariat, "J1", "  laptop hilang ")
    [event] = hub.stack.events("judge_key.retire")
    assert (event.actor, event.subject, event.details) == (
        "sek1",
        "J1",
        {"fingerprint": key.fingerprint, "reason": "laptop hilang"},
    )
    assert [k.active for k in hub.judge_keys.enrolled(hub.secretariat)] == [False]


def test_a_key_for_a_judge_the_convention_does_not_have_is_refused_naming_the_code(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    laptop = make_laptop("j1")
    key = laptop.services.judge_keys.own(laptop.sign_in("J1"))
    assert key is not None
    with pytest.raises(NotFoundError) as refused:
        hub.judge_keys.enrol(hub.secretariat, "J9", key.public_key, key.fingerprint)
    assert refused.value.text == Text("juri 'J9' tidak dikenal", "unknown judge 'J9'")
    assert hub.judge_keys.enrolled(hub.secretariat) == []


def test_a_key_enrolled_for_one_judge_is_refused_for_another_naming_it(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    key = enrolled_key(make_laptop("j1"), hub, "J1")
    with pytest.raises(PermissionDeniedError) as refused:
        hub.judge_keys.enrol(hub.secretariat, "J2", key.public_key, key.fingerprint)
    assert refused.value.text == Text(
        f"kunci {key.fingerprint} terdaftar untuk juri lain",
        f"key {key.fingerprint} is enrolled for another judge",
    )


def _sealed_cost(sealed: bytes | None) -> tuple[int, int, int]:
    assert sealed is not None
    header = json.loads(sealed)
    return header["t"], header["m"], header["p"]


def test_the_convention_key_names_the_organiser_and_is_sealed_at_the_cost_set(
    tmp_path: Path, stack: Stack, sek1: Actor
) -> None:
    from cryptography import x509  # noqa: PLC0415
    from cryptography.x509.oid import NameOID  # noqa: PLC0415

    organiser = stack.setup.spec().info.organiser
    stack.keys.change_passphrase(sek1, KEY_PASSPHRASE, "frasa-sandi-baru-uji")
    with stack.database.reading() as session:
        [row] = session.scalars(select(SigningKeyRow))
        assert _sealed_cost(row.sealed_private_key) == (
            CHEAP_KDF.time_cost,
            CHEAP_KDF.memory_kib,
            CHEAP_KDF.parallelism,
        )
    replaced = stack.keys.replace(sek1, "frasa-sandi-ganti-uji", "frasa sandi hilang")
    with stack.database.reading() as session:
        old = session.scalar(select(SigningKeyRow).where(SigningKeyRow.retired_at.is_not(None)))
        assert old is not None and old.sealed_private_key is None  # no secret kept once retired
        new = session.scalar(select(SigningKeyRow).where(SigningKeyRow.retired_at.is_(None)))
        assert new is not None and _sealed_cost(new.sealed_private_key) == (
            CHEAP_KDF.time_cost,
            CHEAP_KDF.memory_kib,
            CHEAP_KDF.parallelism,
        )
    assert [(k.active, k.retired_reason) for k in stack.keys.all(sek1)] == [
        (False, "frasa sandi hilang"),
        (True, ""),
    ]
    certificate = x509.load_pem_x509_certificate(replaced.certificate_pem)
    [name] = certificate.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    assert name.value == organiser
    fresh = bootstrap(tmp_path / "baru.sqlite3", hasher=fast_hasher(), kdf_cost=CHEAP_KDF)
    try:
        first = fresh.accounts.create_first("ani", SECRETARIAT_PASSPHRASE)
        fresh.setup.create(first, stack.setup.spec())
        made = fresh.keys.create(first, KEY_PASSPHRASE)
        [attribute] = x509.load_pem_x509_certificate(
            made.certificate_pem
        ).subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
        assert attribute.value == organiser
        with fresh.database.reading() as session:
            assert ("ani", "key.create") in [
                (r.actor, r.action) for r in session.scalars(select(AuditRow))
            ]
    finally:
        fresh.close()
