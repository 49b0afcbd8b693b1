"""Locking results: the key made for an older database, a key replaced meanwhile, the record."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography import x509
from cryptography.x509.oid import NameOID

from juryapp.domain.access import Actor
from juryapp.domain.messages import StateError, Text, ValidationError
from juryapp.domain.model import ConventionSpec
from juryapp.services.backups import LOCK, BackupService
from juryapp.services.readiness import open_items
from tests.services.conftest import (
    JUDGE_CODES,
    KEY_PASSPHRASE,
    SECRETARIAT_PASSPHRASE,
    Stack,
    fill_sheet,
    open_stack,
    replace_key_once_opened,
    settle_open_sheets,
)


def test_a_database_without_a_key_gets_its_first_key_when_locked(
    tmp_path: Path, demo_spec: ConventionSpec
) -> None:
    stack = open_stack(tmp_path / "lama.sqlite3")
    try:
        sek1 = stack.accounts.create_first("sek1", SECRETARIAT_PASSPHRASE, display_name="sek1")
        stack.setup.create(sek1, demo_spec, is_demo=True)
        settle_open_sheets(stack, sek1)
        assert stack.keys.active(sek1) is None

        state = stack.locking.lock(sek1, "pleno", KEY_PASSPHRASE)

        assert (state.locked, state.version, state.note, state.released) == (
            True,
            1,
            "pleno",
            False,
        )
        key = stack.keys.active(sek1)
        assert key is not None
        assert [k.fingerprint for k in stack.keys.all(sek1)] == [key.fingerprint]
        made, locked = stack.actions()[-2:]
        assert made == ("sek1", "key.create", key.fingerprint)
        assert locked == ("sek1", "results.lock", "")
        [event] = stack.events("results.lock")
        assert event.details["key"] == key.fingerprint
        subject = x509.load_pem_x509_certificate(key.certificate_pem).subject
        [common_name] = subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        [organisation] = subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
        assert organisation.value == demo_spec.info.organiser
        assert str(common_name.value).startswith("Konvensi Mutu Bidang Kesehatan")
        assert str(common_name.value).endswith("2024")
        # the key is sealed by the passphrase given at the lock, and the seal holds
        assert stack.keys.unlock(sek1, KEY_PASSPHRASE).key_id == key.key_id
        report = stack.integrity.check(Actor.reader())
        assert report.ok, report.findings
        assert report.seal is not None
        assert report.seal.key_fingerprint == key.fingerprint
    finally:
        stack.close()


def test_a_lock_keeps_the_key_it_has(stack: Stack, sek1: Actor) -> None:
    before = stack.keys.all(sek1)
    settle_open_sheets(stack, sek1)
    stack.locking.lock(sek1, "pleno", KEY_PASSPHRASE)
    assert stack.keys.all(sek1) == before
    assert [a for _, a, _ in stack.actions()].count("key.create") == 1


def test_a_key_replaced_while_the_lock_opens_it_refuses_the_lock(
    stack: Stack, sek1: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    settle_open_sheets(stack, sek1)
    replace_key_once_opened(stack, monkeypatch, "frasa-sandi-kunci-baru")
    with pytest.raises(StateError) as refused:
        stack.locking.lock(sek1, "pleno", KEY_PASSPHRASE)
    assert refused.value.text == Text("kunci berubah; coba lagi", "the key changed; try again")
    assert not stack.results.lock_state().locked
    assert stack.events("results.lock") == []


@pytest.mark.sqlite_only  # a PostgreSQL hub is backed up with pg_dump, not by the app
def test_the_lock_and_unlock_events_name_no_subject_and_a_backup_follows_the_lock(
    stack: Stack, sek1: Actor
) -> None:
    settle_open_sheets(stack, sek1)
    backups = BackupService(stack.database)
    assert backups.backups() == []
    state = stack.locking.lock(sek1, "pleno", KEY_PASSPHRASE)
    assert state.released is False
    [event] = stack.events("results.lock")
    assert event.subject == ""
    [made] = backups.backups()
    assert made.reason == LOCK
    assert made.audit_events == event.seq
    unlocked = stack.locking.unlock(sek1, "koreksi")
    assert unlocked.released is False
    [opened] = stack.events("results.unlock")
    assert opened.subject == ""


def test_a_lock_with_open_sheets_says_which(stack: Stack, sek1: Actor) -> None:
    snapshot = stack.results.snapshot(sek1)
    expected = open_items(snapshot.spec, snapshot.sheets, snapshot.decisions).refusal()
    with pytest.raises(StateError) as refused:
        stack.locking.lock(sek1, "pleno", KEY_PASSPHRASE)
    assert refused.value.text == expected
    assert stack.events("results.lock") == []


def test_unconfirmed_sheets_are_named_three_at_most(
    stack: Stack, sek1: Actor, judges: dict[str, Actor]
) -> None:
    for code in JUDGE_CODES[:4]:
        fill_sheet(stack, judges[code], code, "PKM-01", 3)
        stack.scoring.submit(judges[code], code, "PKM-01")
    settle_open_sheets(stack, sek1)
    with pytest.raises(StateError) as refused:
        stack.locking.lock(sek1, " ", KEY_PASSPHRASE)
    assert refused.value.text == Text(
        "4 lembar belum dikonfirmasi (mis. J1/PKM-01, J2/PKM-01, J3/PKM-01); konfirmasi dulu "
        "atau kunci dengan alasan",
        "4 sheets are not confirmed (e.g. J1/PKM-01, J2/PKM-01, J3/PKM-01); confirm them or "
        "lock with a reason",
    )


def test_a_short_passphrase_is_refused_before_the_key_is_tried(stack: Stack, sek1: Actor) -> None:
    settle_open_sheets(stack, sek1)
    with pytest.raises(ValidationError):
        stack.locking.lock(sek1, "pleno", "pendek")
    assert stack.events("key.passphrase_refused") == []
    assert not stack.results.lock_state().locked
