"""The convention's signing key: one at a time, a new passphrase, a replacement, its events."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from sqlalchemy import select

from juryapp.domain.access import Actor
from juryapp.domain.messages import AuthenticationError, StateError, Text, ValidationError
from juryapp.persistence.tables import SigningKeyRow
from juryapp.reports.key_vault import WrongPassphraseError, open_sealed
from tests.services.conftest import (
    KEY_PASSPHRASE,
    SECRETARIAT_PASSPHRASE,
    Stack,
    open_stack,
    replace_key_once_opened,
    settle_open_sheets,
)

NEW_PASSPHRASE = "frasa-sandi-kunci-baru"


def test_a_second_first_key_is_refused(stack: Stack, sek1: Actor) -> None:
    with pytest.raises(StateError) as refused:
        stack.keys.create(sek1, NEW_PASSPHRASE)
    assert refused.value.text == Text(
        "konvensi ini sudah memiliki kunci tanda tangan",
        "this convention already has a signing key",
    )
    assert len(stack.keys.all(sek1)) == 1


def test_a_short_passphrase_is_refused_with_the_least_length(stack: Stack, sek1: Actor) -> None:
    with pytest.raises(ValidationError) as refused:
        stack.keys.change_passphrase(sek1, KEY_PASSPHRASE, " pendek   ")
    assert refused.value.text == Text(
        "frasa sandi kunci tanda tangan paling sedikit 10 karakter",
        "the signing key's passphrase needs at least 10 characters",
    )
    stack.keys.unlock(sek1, KEY_PASSPHRASE)  # nothing changed
    stack.keys.change_passphrase(sek1, KEY_PASSPHRASE, "sepuluh-10")  # ten is enough


def test_a_wrong_passphrase_is_refused_and_recorded_against_the_key(
    stack: Stack, sek1: Actor
) -> None:
    key = stack.keys.active(sek1)
    assert key is not None
    with pytest.raises(AuthenticationError) as refused:
        stack.keys.unlock(sek1, "tebakan-pertama")
    assert refused.value.text == Text(
        "frasa sandi kunci tanda tangan salah", "wrong passphrase for the signing key"
    )
    [event] = stack.events("key.passphrase_refused")
    assert (event.actor, event.subject) == ("sek1", key.key_id)


@pytest.mark.sqlite_only
@pytest.mark.tampers
def test_a_damaged_stored_key_says_so_and_asks_for_a_new_one(stack: Stack, sek1: Actor) -> None:
    with closing(sqlite3.connect(stack.path)) as connection:
        connection.execute("UPDATE signing_key SET sealed_private_key = X'7B7D'")  # "{}"
        connection.commit()
    with pytest.raises(StateError) as damaged:
        stack.keys.unlock(sek1, KEY_PASSPHRASE)
    # what is wrong with it, in the words of the vault
    assert damaged.value.text == Text(
        "kunci tanda tangan yang tersimpan rusak (the sealed key is damaged); buat kunci baru",
        "the stored signing key is damaged (the sealed key is damaged); make a new key",
    )


def test_a_new_passphrase_seals_the_same_key(stack: Stack, sek1: Actor) -> None:
    before = stack.keys.active(sek1)
    assert before is not None
    stack.keys.change_passphrase(sek1, KEY_PASSPHRASE, NEW_PASSPHRASE)
    with pytest.raises(AuthenticationError):
        stack.keys.unlock(sek1, KEY_PASSPHRASE)
    assert stack.keys.unlock(sek1, NEW_PASSPHRASE).key_id == before.key_id
    assert stack.keys.all(sek1) == [before]
    [event] = stack.events("key.passphrase_changed")
    assert (event.actor, event.subject) == ("sek1", before.fingerprint)


def test_a_key_replaced_while_its_passphrase_changes_refuses_the_change(
    stack: Stack, sek1: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    replace_key_once_opened(stack, monkeypatch, "frasa-sandi-kunci-lain")
    with pytest.raises(StateError) as refused:
        stack.keys.change_passphrase(sek1, KEY_PASSPHRASE, NEW_PASSPHRASE)
    assert refused.value.text == Text("kunci berubah; coba lagi", "the key changed; try again")
    assert stack.events("key.passphrase_changed") == []
    monkeypatch.undo()
    stack.keys.unlock(sek1, "frasa-sandi-kunci-lain")


def test_a_replaced_key_is_retired_with_its_reason_and_the_version_goes_up(
    stack: Stack, sek1: Actor
) -> None:
    old = stack.keys.active(sek1)
    assert old is not None
    version = stack.results.lock_state().version
    with pytest.raises(StateError) as blank:
        stack.keys.replace(sek1, NEW_PASSPHRASE, "  ")
    assert blank.value.text == Text("alasan wajib diisi", "a reason is required")

    new = stack.keys.replace(sek1, NEW_PASSPHRASE, "  frasa sandi hilang ")

    assert new.active and new.fingerprint != old.fingerprint
    assert stack.keys.active(sek1) == new
    retired, current = stack.keys.all(sek1)
    assert current == new
    assert (retired.fingerprint, retired.active) == (old.fingerprint, False)
    assert retired.retired_reason == "frasa sandi hilang"
    assert stack.results.lock_state().version == version + 1
    assert stack.keys.unlock(sek1, NEW_PASSPHRASE).key_id == new.key_id
    with pytest.raises(AuthenticationError):
        stack.keys.unlock(sek1, KEY_PASSPHRASE)
    [event] = stack.events("key.replace")
    assert (event.actor, event.subject) == ("sek1", new.fingerprint)
    assert event.details == {"fingerprint": new.fingerprint, "reason": "frasa sandi hilang"}
    # each key says when it was made: the replacement when its replacing was recorded
    assert retired.created_at <= current.created_at <= event.at


def test_a_judge_and_whoever_holds_the_file_see_the_keys_a_signature_is_checked_with(
    stack: Stack, sek1: Actor, judges: dict[str, Actor]
) -> None:
    stack.keys.replace(sek1, NEW_PASSPHRASE, "frasa sandi hilang")
    keys = stack.keys.all(sek1)
    assert [k.active for k in keys] == [False, True]
    for reader in (judges["J1"], Actor.reader()):
        assert stack.keys.all(reader) == keys
        assert stack.keys.active(reader) == keys[1]


def test_the_key_is_not_replaced_while_the_results_are_locked(stack: Stack, sek1: Actor) -> None:
    settle_open_sheets(stack, sek1)
    stack.locking.lock(sek1, "pleno", KEY_PASSPHRASE)
    before = stack.keys.all(sek1)
    with pytest.raises(StateError) as refused:
        stack.keys.replace(sek1, NEW_PASSPHRASE, "frasa sandi hilang")
    assert refused.value.text == Text(
        "buka kunci hasil dulu (dengan alasan); kunci tanda tangan baru dipakai saat hasil "
        "dikunci lagi",
        "unlock the results first (with a reason); the new key is used when they are locked again",
    )
    assert stack.keys.all(sek1) == before
    assert stack.events("key.replace") == []


def test_there_is_no_key_to_open_before_the_first_is_made(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    stack = open_stack(tmp_path_factory.mktemp("tanpa-kunci") / "konvensi.sqlite3")
    try:
        sek1 = stack.accounts.create_first("sek1", SECRETARIAT_PASSPHRASE, display_name="sek1")
        assert stack.keys.active(sek1) is None
        assert stack.keys.all(sek1) == []
        with pytest.raises(StateError) as none:
            stack.keys.unlock(sek1, KEY_PASSPHRASE)
        assert none.value.text == Text(
            "belum ada kunci tanda tangan; kunci dibuat saat hasil dikunci",
            "there is no signing key yet; it is made when the results are locked",
        )
    finally:
        stack.close()


def test_the_stored_key_is_sealed_to_its_id_and_certificate_as_databases_hold_it(
    stack: Stack,
) -> None:
    # the sealed half names what it belongs to: the key id, a NUL, the certificate. Databases
    # written before keep that form, so a later version must open them the same way
    with stack.database.reading() as session:
        row = session.scalars(select(SigningKeyRow)).one()
        key_id, certificate, sealed = row.key_id, row.certificate_pem, row.sealed_private_key
    assert sealed is not None
    context = key_id.encode() + b"\0" + certificate
    assert open_sealed(sealed, KEY_PASSPHRASE, context=context).startswith(b"-----BEGIN")
    with pytest.raises(WrongPassphraseError):
        open_sealed(sealed, KEY_PASSPHRASE, context=key_id.encode() + certificate)
