"""An insider holding the database file, but not the passphrase, edits it with sqlite3.

Every attack below succeeded before keys were sealed, locks sealed and events replayed. Each
is made the way such a person would make it: SQL on the file from a second connection, then
the app is asked whether anything is wrong. None may pass unnoticed.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from decimal import Decimal
from pathlib import Path

import pytest

from juryapp.domain.access import Actor
from juryapp.domain.messages import AuthenticationError, StateError, Text
from juryapp.reports.convention_key import create_convention_key
from juryapp.reports.key_vault import seal
from juryapp.services import audit
from juryapp.services.integrity import ACCOUNT_HISTORY
from juryapp.services.seal import Finding
from tests.services.conftest import (
    CHEAP_KDF,
    KEY_PASSPHRASE,
    Stack,
    copy_database,
    fill_sheet,
    open_stack,
    pin_of,
    settle_open_sheets,
)

# The insider edits the SQLite file behind the app with Python's sqlite3 module.
pytestmark = [pytest.mark.tampers, pytest.mark.sqlite_only]

READER = Actor.reader()


@pytest.fixture(scope="module")
def locked_template(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Path:
    """Four judges' sheets on PKM-01 and PKM-02, a note and a signature; results sealed."""
    path = tmp_path_factory.mktemp("locked") / "konvensi.sqlite3"
    copy_database(template_db, path)
    services = open_stack(path)
    try:
        sek1 = services.accounts.sign_in("sek1", "kata-sandi-sekretariat")
        services.setup.set_signature(sek1, "J1", b"\x89PNG tanda tangan J1")
        for code in ("J1", "J2", "J3", "J4"):
            judge = services.accounts.sign_in(code.lower(), pin_of(code))
            for team in ("PKM-01", "PKM-02"):
                fill_sheet(services, judge, code, team, 3 if team == "PKM-01" else 4)
                services.scoring.submit(judge, code, team)
        j1 = services.accounts.sign_in("j1", pin_of("J1"))
        services.scoring.set_score(j1, "J1", "PKM-03", "K1", Decimal(5), note="inovatif")
        settle_open_sheets(services, sek1, "tidak hadir")  # the other sheets: abstentions
        services.locking.lock(sek1, "pleno hari pertama", KEY_PASSPHRASE)
    finally:
        services.close()
    return path


@pytest.fixture
def stack_template(locked_template: Path) -> Path:
    return locked_template


def sql(stack: Stack, statement: str, *parameters: object) -> None:
    """A change made from outside the app, with sqlite3 on the file."""
    with closing(sqlite3.connect(stack.path)) as connection:
        if parameters:
            connection.execute(statement, parameters)
        else:  # a few statements, as typed into the sqlite3 shell
            connection.executescript(statement)
        connection.commit()


def findings(stack: Stack) -> list[Finding]:
    return list(stack.integrity.check(READER).findings)


def test_the_sealed_database_is_clean(stack: Stack) -> None:
    report = stack.integrity.check(READER)
    assert report.ok, report.findings
    assert report.seal is not None and report.seal.version == 1
    assert report.head == report.seal.head  # nothing happened after the lock


# -- the key ----------------------------------------------------------------------------------


def test_no_private_key_is_stored_in_the_clear(stack: Stack) -> None:
    stack.close()
    raw = b"".join(
        Path(f"{stack.path}{suffix}").read_bytes()
        for suffix in ("", "-wal")
        if Path(f"{stack.path}{suffix}").exists()
    )
    assert b"PRIVATE KEY" not in raw
    assert b"BEGIN CERTIFICATE" in raw  # the public half is there, as it should be
    with closing(sqlite3.connect(stack.path)) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(signing_key)")]
        (sealed,) = connection.execute("SELECT sealed_private_key FROM signing_key").fetchone()
    assert "private_key_pem" not in columns
    assert set(json.loads(sealed)) >= {"kdf", "salt", "nonce", "ciphertext"}


def test_the_key_opens_only_with_its_passphrase(stack: Stack, sek1: Actor) -> None:
    for wrong in ("", "frasa-sandi-kunci-uji ", "FRASA-SANDI-KUNCI-UJI", "tebakan-pertama"):
        with pytest.raises(AuthenticationError):
            stack.keys.unlock(sek1, wrong)
    assert stack.keys.unlock(sek1, KEY_PASSPHRASE).key_id
    assert len(stack.events("key.passphrase_refused")) == 4


def test_a_key_row_of_ones_own_is_found(stack: Stack, sek1: Actor) -> None:
    forged = create_convention_key("Konvensi Mutu", "Penyusup")
    sealed = seal(forged.private_key_pem, "frasa-penyusup", context=b"x", cost=CHEAP_KDF)
    sql(stack, "UPDATE signing_key SET retired_at = '2024-09-19 10:00:00'")
    sql(
        stack,
        "INSERT INTO signing_key (key_id, fingerprint, certificate_pem, sealed_private_key, "
        "created_at, retired_reason) VALUES (?, ?, ?, ?, '2024-09-19 10:00:00', '')",
        forged.key_id,
        "AAAA-BBBB-CCCC-DDDD-EEEE",
        forged.certificate_pem,
        sealed,
    )
    kinds = {f.kind for f in findings(stack)}
    assert {"setup", "seal"} <= kinds


# -- the seal ---------------------------------------------------------------------------------

AFTER_THE_LOCK: list[tuple[str, str]] = [
    ("score", "UPDATE score SET value = '5' WHERE id = (SELECT min(id) FROM score)"),
    ("score note", "UPDATE score SET note = 'catatan lain' WHERE note = 'inovatif'"),
    ("score deleted", "DELETE FROM score WHERE id = (SELECT max(id) FROM score)"),
    ("sheet status", "UPDATE sheet SET status = 'confirmed'"),
    ("abstention", "UPDATE sheet SET abstained = 1, abstain_reason = 'sakit' WHERE id = 1"),
    ("team title", "UPDATE team SET title = 'Judul lain' WHERE code = 'PKM-01'"),
    ("team institution", "UPDATE team SET institution = 'Puskesmas Lain' WHERE code = 'PKM-02'"),
    ("team member", "UPDATE team_member SET name = 'Orang Lain' WHERE id = 1"),
    ("new team", "INSERT INTO team (code, institution, category_id, title, pillar, programme) "
     "VALUES ('PKM-99', 'Puskesmas Siluman', 1, 'Tanpa Judul', '', '')"),
    ("judge name", "UPDATE judge SET name = 'dr. Palsu' WHERE code = 'J2'"),
    ("signature image", "UPDATE judge SET signature_png = X'89504E4700' WHERE code = 'J1'"),
    ("criterion weight", "UPDATE criterion SET weight = '30' WHERE code = 'K5'"),
    ("criterion text", "UPDATE criterion SET description = 'lain' WHERE code = 'K1'"),
    ("level label", "UPDATE criterion_level SET label = 'Lain' WHERE id = 1"),
    ("category quota", "UPDATE category SET quota = 4 WHERE code = 'PKM'"),
    ("conflict removed", "DELETE FROM conflict WHERE id = (SELECT min(id) FROM conflict)"),
    ("convention name", "UPDATE convention SET name = 'Konvensi Lain'"),
    ("method", "UPDATE convention SET method = 'median'"),
    # a second row holding the sealed values, the first one (which the app reads) changed
    ("method under a second row", "CREATE TEMP TABLE c AS SELECT * FROM convention; "
     "UPDATE c SET id = id + 1; INSERT INTO convention SELECT * FROM c; "
     "UPDATE convention SET method = 'median' WHERE id = (SELECT min(id) FROM convention)"),
    ("member under a second row", "CREATE TEMP TABLE m AS SELECT * FROM team_member "
     "WHERE id = 1; UPDATE m SET id = (SELECT max(id) + 1 FROM team_member); "
     "INSERT INTO team_member SELECT * FROM m; UPDATE team_member SET name = 'Titipan' "
     "WHERE id = 1"),
    ("lock reason", "UPDATE convention SET lock_note = 'alasan lain'"),
    ("version", "UPDATE convention SET results_version = results_version + 1"),
    ("unlocked by hand", "UPDATE convention SET results_locked = 0"),
    ("tie decision", "INSERT INTO tie_decision (category_id, teams, ordering, shared, reason, "
     "decided_by, decided_at) VALUES (1, 'PKM-01,PKM-02', 'PKM-02,PKM-01', 0, 'x', 'x', "
     "'2024-09-19 10:00:00')"),
    ("seal deleted", "DELETE FROM results_seal"),
    ("seal content", "UPDATE results_seal SET content = X'789C030000000001'"),
    ("seal head", "UPDATE results_seal SET audit_seq = audit_seq - 1"),
    ("seal signature", "UPDATE results_seal SET signature = zeroblob(64)"),
]  # fmt: skip


@pytest.mark.parametrize(("what", "statement"), AFTER_THE_LOCK, ids=[w for w, _ in AFTER_THE_LOCK])
def test_a_change_after_the_lock_is_found(stack: Stack, what: str, statement: str) -> None:
    assert not findings(stack)
    sql(stack, statement)
    assert findings(stack), what


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE score SET value = '5' WHERE id = (SELECT min(id) FROM score)",
        "UPDATE team SET title = 'Judul lain' WHERE code = 'PKM-01'",
        "UPDATE judge SET signature_png = X'89504E4700' WHERE code = 'J1'",
    ],
)
def test_finals_are_not_printed_from_a_changed_database(
    stack: Stack, sek1: Actor, tmp_path: Path, statement: str
) -> None:
    from juryapp.services.publishing import Kind, PublishingService  # noqa: PLC0415

    publishing = PublishingService(stack.database, stack.results, stack.setup, stack.keys)
    sql(stack, statement)
    with pytest.raises(StateError) as refused:
        publishing.publish(sek1, tmp_path, passphrase=KEY_PASSPHRASE, kinds=[Kind.RECAP])
    assert "audit verify" in refused.value.text.en
    assert not list(tmp_path.glob("*.pdf"))


def test_the_difference_is_named(stack: Stack) -> None:
    sql(stack, "UPDATE team SET title = 'Judul lain' WHERE code = 'PKM-01'")
    lines = [str(f.text.en) for f in findings(stack)]
    assert any("team/PKM-01/title" in line and "'Judul lain'" in line for line in lines), lines


def test_a_changed_entry_of_a_list_is_named_not_the_lists_start(stack: Stack) -> None:
    # conflicts are sealed as one sorted list: the line shows the entry that changed, not the
    # first 60 characters of both lists, which would be the same
    sql(
        stack,
        "UPDATE conflict SET reason = 'alasan baru' WHERE id = (SELECT max(id) FROM conflict)",
    )
    lines = [str(f.text.en) for f in findings(stack) if f.kind == "seal"]
    assert any(line.startswith("differs from the seal of version 1: conflicts") for line in lines)
    assert any("alasan baru" in line for line in lines), lines


# -- the audit trail --------------------------------------------------------------------------


def _rechain(stack: Stack, edit: Callable[[list[list[object]]], None]) -> None:
    """Rewrite the trail and recompute every hash and the head, as a careful insider would."""
    with closing(sqlite3.connect(stack.path)) as connection:
        rows = [
            list(r)
            for r in connection.execute(
                "SELECT seq, at, actor, action, subject, details FROM audit_event ORDER BY seq"
            )
        ]
        edit(rows)
        connection.execute("DELETE FROM audit_event")
        prev = audit.GENESIS
        from datetime import datetime  # noqa: PLC0415

        for seq, (_, at, actor, action, subject, details) in enumerate(rows, 1):
            moment = datetime.fromisoformat(str(at))
            digest = audit.digest_of(prev, seq, moment, actor, action, subject, details)  # type: ignore[arg-type]
            connection.execute(
                "INSERT INTO audit_event VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (seq, at, actor, action, subject, details, prev, digest),
            )
            prev = digest
        connection.execute("UPDATE audit_head SET seq = ?, hash = ?", (len(rows), prev))
        connection.commit()


def test_a_wiped_trail_is_found(stack: Stack) -> None:
    sql(stack, "DELETE FROM audit_event")
    sql(stack, "DELETE FROM audit_head")
    assert {f.kind for f in findings(stack)} >= {"chain"}


def test_a_truncated_trail_is_found(stack: Stack) -> None:
    _rechain(stack, lambda rows: rows.__delitem__(slice(-3, None)))
    assert findings(stack)


def test_an_early_event_edited_and_rehashed_is_found_by_the_seal(stack: Stack) -> None:
    def edit(rows: list[list[object]]) -> None:
        score = next(r for r in rows if r[3] == "score.set")
        details = json.loads(str(score[5]))
        details["new"] = "1"
        score[5] = json.dumps(details)

    _rechain(stack, edit)
    assert any("rewritten" in str(f.text.en) for f in findings(stack))


def test_events_reordered_and_rehashed_are_found_by_the_seal(stack: Stack) -> None:
    def swap(rows: list[list[object]]) -> None:
        rows[3], rows[4] = rows[4], rows[3]

    _rechain(stack, swap)
    assert findings(stack)


def test_an_event_edited_without_rehashing_breaks_the_chain(stack: Stack) -> None:
    sql(stack, "UPDATE audit_event SET actor = 'sek2' WHERE seq = 5")
    assert findings(stack)[0].kind == "chain"


def test_the_printed_head_must_still_be_in_the_trail(stack: Stack) -> None:
    report = stack.integrity.check(READER)
    assert stack.integrity.check(READER, printed=report.head).ok
    assert not stack.integrity.check(READER, printed="#3 · 0000…ffff").ok


# -- before the lock: the replay --------------------------------------------------------------


@pytest.fixture
def open_stack_(stack: Stack, sek1: Actor) -> Stack:
    stack.locking.unlock(sek1, "koreksi")
    return stack


BEFORE_THE_LOCK = [
    ("score", "UPDATE score SET value = '5' WHERE id = (SELECT min(id) FROM score)"),
    ("note", "UPDATE score SET note = 'lain' WHERE note = 'inovatif'"),
    ("new score", "INSERT INTO score (sheet_id, criterion_id, value, note, updated_at, checked) "
     "SELECT sheet_id, (SELECT id FROM criterion WHERE code = 'K2'), '5', '', "
     "'2024-09-19 10:00:00', 0 FROM score WHERE note = 'inovatif'"),
    ("status", "UPDATE sheet SET status = 'draft' WHERE id = 1"),
    ("title", "UPDATE team SET title = 'Judul lain' WHERE code = 'PKM-01'"),
    ("account", "INSERT INTO user_account (username, display_name, role, password_hash, "
     "failed_attempts, lockouts, created_at) VALUES ('sek3', 'Penyusup', 'secretariat', "
     "'$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaA', 0, 0, '2024-09-19 10:00:00')"),
    ("password", "UPDATE user_account SET password_hash = 'x' WHERE username = 'sek2'"),
    ("lockout lifted", "UPDATE user_account SET lockouts = 3 WHERE username = 'j1'"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("what", "statement"), BEFORE_THE_LOCK, ids=[w for w, _ in BEFORE_THE_LOCK]
)
def test_a_change_without_an_event_is_found_by_the_replay(
    open_stack_: Stack, what: str, statement: str
) -> None:
    assert not findings(open_stack_)
    sql(open_stack_, statement)
    assert findings(open_stack_), what


@pytest.mark.parametrize(
    ("what", "statement"), BEFORE_THE_LOCK, ids=[w for w, _ in BEFORE_THE_LOCK]
)
def test_a_lock_refuses_to_seal_a_change_without_an_event(
    open_stack_: Stack, sek1: Actor, what: str, statement: str
) -> None:
    """The lock's own event would record the tables as they are and its seal vouch for them."""
    sql(open_stack_, statement)
    before = open_stack_.actions()
    with pytest.raises(StateError) as refused:
        open_stack_.locking.lock(sek1, "pleno", KEY_PASSPHRASE)
    assert open_stack_.actions() == before
    found = [f for f in findings(open_stack_) if f.kind != ACCOUNT_HISTORY]
    assert found, what  # and nothing was taken as recorded
    assert refused.value.text.en == (
        f"the results cannot be locked: the audit check finds {len(found)} problem(s), "
        f"e.g. {found[0].text.en}; see 'juryapp audit verify'"
    ), what
    assert refused.value.text.id == (
        f"hasil tidak dapat dikunci: pemeriksaan jejak audit menemukan {len(found)} masalah, "
        f"mis. {found[0].text.id}; lihat 'juryapp audit verify'"
    ), what


def test_a_head_marked_older_by_hand_gets_no_new_baseline_and_is_named(
    open_stack_: Stack, sek1: Actor
) -> None:
    # a baseline written now would take the changed scores as the replay's start
    sql(open_stack_, "UPDATE score SET value = '5' WHERE id = (SELECT min(id) FROM score)")
    sql(open_stack_, "UPDATE audit_head SET format = 1")
    before = open_stack_.actions()
    reopened = open_stack(open_stack_.path)  # opening a database from an older version
    try:
        assert reopened.actions() == before
        found = [str(f.text.en) for f in reopened.integrity.check(READER).findings]
        assert any("the head was changed outside the app" in text for text in found)
        with pytest.raises(StateError):
            reopened.locking.lock(sek1, "pleno", KEY_PASSPHRASE)
    finally:
        reopened.close()


def test_a_sealed_key_put_back_from_before_a_passphrase_change_is_found(
    stack: Stack, sek1: Actor
) -> None:
    """The chair changes the passphrase; someone who knew the old one puts the old sealed
    half back, to open the key with it again."""
    with closing(sqlite3.connect(stack.path)) as connection:
        [(old,)] = connection.execute("SELECT sealed_private_key FROM signing_key").fetchall()
    stack.keys.change_passphrase(sek1, KEY_PASSPHRASE, "frasa-sandi-baru-ketua")
    assert not findings(stack)
    sql(stack, "UPDATE signing_key SET sealed_private_key = ?", old)
    assert stack.keys.unlock(sek1, KEY_PASSPHRASE).key_id  # the old passphrase opens it again
    found = findings(stack)
    assert [f.kind for f in found] == ["key"]
    assert "sealed private half differs from the last recorded change" in found[0].text.en


# -- accounts: a change without a record is not taken as recorded by the next event ----------


def test_a_secret_set_with_sqlite3_does_not_sign_in_and_stays_found(stack: Stack) -> None:
    # the insider gives sek2 the secret they know (sek1's, hashed as the app hashes it)
    sql(stack, "UPDATE user_account SET password_hash = (SELECT password_hash FROM "
        "user_account WHERE username = 'sek1') WHERE username = 'sek2'")  # fmt: skip
    with pytest.raises(AuthenticationError) as refused:
        stack.accounts.sign_in("sek2", "kata-sandi-sekretariat")
    assert refused.value.text == Text(
        "akun ini diubah di luar aplikasi tanpa tercatat; masuk ditolak. Sekretariat "
        "memeriksanya dengan 'juryapp audit verify'",
        "this account was changed outside the app without a record; sign-in refused. "
        "The secretariat can see what changed with 'juryapp audit verify'",
    )
    # refused again at the next try: the refusal did not record the account as it now is
    with pytest.raises(AuthenticationError):
        stack.accounts.sign_in("sek2", "kata-sandi-sekretariat")
    assert [f.kind for f in findings(stack)] == ["accounts"]


@pytest.mark.parametrize(
    ("what", "statement"),
    [
        ("role", "UPDATE user_account SET role = 'secretariat', judge_id = NULL "
         "WHERE username = 'j1'"),
        ("lockout lifted", "UPDATE user_account SET failed_attempts = 0, lockouts = 0, "
         "locked_until = NULL WHERE username = 'j2'"),
        ("account", "INSERT INTO user_account (username, display_name, role, password_hash, "
         "failed_attempts, lockouts, created_at) SELECT 'sek3', 'Penyusup', 'secretariat', "
         "password_hash, 0, 0, '2024-09-19 10:00:00' FROM user_account WHERE username = 'sek1'"),
    ],
)  # fmt: skip
def test_an_account_changed_without_a_record_is_named_after_others_sign_in(
    stack: Stack, what: str, statement: str
) -> None:
    if what == "lockout lifted":  # five wrong PINs lock j2, then the insider lifts the lockout
        for _ in range(5):
            with pytest.raises(AuthenticationError):
                stack.accounts.sign_in("j2", "000000")
    sql(stack, statement)
    username = {"role": "j1", "lockout lifted": "j2", "account": "sek3"}[what]
    # the next events about other accounts record every account as it now is
    stack.accounts.sign_in("sek1", "kata-sandi-sekretariat")
    stack.accounts.sign_in("j3", pin_of("J3"))
    named = [str(f.text.en) for f in findings(stack) if f.kind == "account_history"]
    assert any(f"account '{username}' was added or changed without a record" in t for t in named)
    secret = {"j1": pin_of("J1"), "j2": pin_of("J2"), "sek3": "kata-sandi-sekretariat"}[username]
    with pytest.raises(AuthenticationError) as refused:  # the right secret, yet refused
        stack.accounts.sign_in(username, secret)
    assert "changed outside the app" in refused.value.text.en


# -- lock: all or nothing ---------------------------------------------------------------------


@pytest.fixture
def unlocked(stack: Stack, sek1: Actor) -> Iterator[Stack]:
    stack.locking.unlock(sek1, "koreksi")
    yield stack


def test_a_lock_that_fails_half_way_changes_nothing(
    unlocked: Stack, sek1: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from juryapp.services import locking  # noqa: PLC0415

    before = (unlocked.actions(), unlocked.results.lock_state())

    def broken(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(locking, "write_seal", broken)
    with pytest.raises(OSError):
        unlocked.locking.lock(sek1, "lagi", KEY_PASSPHRASE)
    after = (unlocked.actions(), unlocked.results.lock_state())
    assert after == before
    assert not after[1].locked
