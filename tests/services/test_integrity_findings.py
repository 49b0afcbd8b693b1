"""What the integrity check says of each change made behind the app's back, word for word."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from juryapp.domain.access import Actor
from juryapp.domain.messages import Text
from juryapp.services import audit
from tests.services.conftest import KEY_PASSPHRASE, SECRETARIAT_PASSPHRASE, Stack, open_stack
from tests.services.test_insider import (
    _rechain,
    findings,
    locked_template,  # noqa: F401 - a fixture used below
    sql,
)

pytestmark = [pytest.mark.tampers, pytest.mark.sqlite_only]

READER = Actor.reader()
SHEET = (
    "(SELECT s.id FROM sheet s JOIN judge j ON j.id = s.judge_id JOIN team t ON t.id = s.team_id"
    " WHERE j.code = '{j}' AND t.code = '{t}')"
)
K1 = "(SELECT id FROM criterion WHERE code = 'K1')"


@pytest.fixture
def stack_template(locked_template: Path) -> Path:  # noqa: F811 - the imported fixture
    return locked_template


def said(stack: Stack) -> list[tuple[str, Text]]:
    return [(f.kind, f.text) for f in findings(stack)]


def last_seq_recording(stack: Stack, what: str) -> int:
    with closing(sqlite3.connect(stack.path)) as connection:
        rows = connection.execute("SELECT seq, details FROM audit_event ORDER BY seq").fetchall()
    return max(seq for seq, details in rows if what in json.loads(details))


def reopened(stack: Stack) -> Stack:
    sek1 = stack.accounts.sign_in("sek1", SECRETARIAT_PASSPHRASE)
    stack.locking.unlock(sek1, "koreksi")
    assert said(stack) == []
    return stack


def test_an_event_edited_in_place_breaks_the_chain_there(stack: Stack) -> None:
    sql(stack, "UPDATE audit_event SET actor = 'sek2' WHERE seq = 5")
    assert said(stack) == [
        (
            "chain",
            Text(
                "jejak audit rusak pada peristiwa #5: diubah, dihapus, disisipkan atau "
                "diurutkan ulang",
                "the audit trail breaks at event #5: edited, deleted, inserted or reordered",
            ),
        )
    ]


def test_a_missing_or_moved_head_is_named(stack: Stack) -> None:
    events = stack.integrity.check(READER).events
    sql(
        stack,
        "UPDATE audit_head SET seq = seq - 1, "
        "hash = (SELECT prev_hash FROM audit_event ORDER BY seq DESC LIMIT 1)",
    )
    assert said(stack) == [
        (
            "chain",
            Text(
                f"kepala jejak audit tidak cocok dengan peristiwa terakhir (#{events - 1}): "
                "peristiwa terakhir dihapus atau kepala dipindah",
                f"the audit trail's head does not match its last event (#{events - 1}): "
                "events were deleted at the end or the head was moved",
            ),
        )
    ]
    sql(stack, "DELETE FROM audit_head")
    assert said(stack) == [
        ("chain", Text("kepala jejak audit hilang", "the audit trail's head record is missing"))
    ]


def test_a_wiped_trail_leaves_the_sheets_unaccounted_for_and_the_seal_unanchored(
    stack: Stack,
) -> None:
    seal = stack.integrity.check(READER).seal
    assert seal is not None
    sql(stack, "DELETE FROM audit_event")
    sql(stack, "DELETE FROM audit_head")
    found = said(stack)
    assert found[0] == (
        "chain",
        Text(
            "jejak audit kosong padahal konvensi ada: jejak itu dihapus",
            "the audit trail is empty although the convention exists: it was wiped",
        ),
    )
    assert found[1] == (
        "replay",
        Text(
            "lembar J1/PKM-01 ada di tabel tetapi tidak pernah tercatat di jejak audit",
            "sheet J1/PKM-01 is in the tables but was never recorded in the audit trail",
        ),
    )
    assert [kind for kind, _ in found[1:13]] == ["replay"] * 12
    assert found[13] == (
        "replay",
        Text(
            "… dan 60 lembar lain berbeda dari jejak audit",
            "… and 60 more sheets differ from the audit trail",
        ),
    )
    assert found[14:] == [
        (
            "seal",
            Text(
                f"jejak audit tidak lagi memuat kepala {seal.head} yang disegel pada versi 1: "
                "jejak itu ditulis ulang",
                f"the audit trail no longer holds the head {seal.head} sealed with version 1: "
                "it was rewritten",
            ),
        )
    ]


OLDER_VERSION = (
    "replay",
    Text(
        "jejak audit ini dibuat versi lama dan belum punya titik awal pemutaran ulang; "
        "buka basis data dengan aplikasi ini sekali",
        "this audit trail was made by an older version and has no replay baseline yet; "
        "open the database in the app once",
    ),
)


def _as_an_older_version_wrote_it(rows: list[list[object]]) -> None:
    """Events as versions before the replay wrote them: no state recorded in them."""
    for row in rows:
        details = json.loads(str(row[5]))
        row[5] = json.dumps({k: v for k, v in details.items() if k not in audit.RECORDED_STATE})


def test_a_trail_of_an_older_version_asks_to_be_opened_once_and_gets_its_baseline(
    stack: Stack,
) -> None:
    _rechain(stack, _as_an_older_version_wrote_it)
    sql(stack, "UPDATE audit_head SET format = 1")
    assert OLDER_VERSION in said(stack)
    reopened = open_stack(stack.path)  # opened once by this version
    try:
        assert reopened.actions()[-1] == ("juryapp", "audit.baseline", "")
        assert OLDER_VERSION not in [
            (f.kind, f.text) for f in reopened.integrity.check(READER).findings
        ]
    finally:
        reopened.close()


def test_a_head_marked_older_over_a_trail_of_this_version_is_named(stack: Stack) -> None:
    sql(stack, "UPDATE audit_head SET format = 1")
    assert said(stack) == [
        (
            "replay",
            Text(
                "kepala jejak audit menyebut jejak ini dibuat versi lama, padahal peristiwanya "
                "mencatat keadaan seperti versi ini: kepala diubah di luar aplikasi",
                "the audit head says this trail was made by an older version, yet its events "
                "record the state as this version does: the head was changed outside the app",
            ),
        )
    ]


LOCKED_WITHOUT_SEAL = (
    "seal",
    Text("hasil versi 1 terkunci tanpa segel", "results version 1 are locked without a seal"),
)


@pytest.mark.parametrize(
    ("statement", "why"),
    [
        (
            "UPDATE results_seal SET sealed_by = 'sek2'",
            Text(
                "tanda tangan segel versi 1 tidak sah: segel itu diubah",
                "the signature of the seal of version 1 is not valid: the seal was altered",
            ),
        ),
        (
            "UPDATE results_seal SET content = X'00'",
            Text(
                "isi segel versi 1 yang tersimpan diubah",
                "the stored content of the seal of version 1 was altered",
            ),
        ),
        (
            "UPDATE results_seal SET key_fingerprint = 'AAAA-BBBB'",
            Text(
                "segel versi 1 ditandatangani kunci AAAA-BBBB yang tidak ada di basis data",
                "the seal of version 1 is signed by key AAAA-BBBB, which is not in the database",
            ),
        ),
    ],
    ids=["signature", "content", "key"],
)
def test_an_altered_seal_is_named_and_counts_as_none(
    stack: Stack, statement: str, why: Text
) -> None:
    sql(stack, statement)
    assert said(stack) == [("seal", why), LOCKED_WITHOUT_SEAL]


def test_a_deleted_seal_leaves_the_lock_without_one(stack: Stack) -> None:
    sql(stack, "DELETE FROM results_seal")
    assert said(stack) == [LOCKED_WITHOUT_SEAL]


def test_differences_from_the_seal_are_listed_a_dozen_at_most(stack: Stack) -> None:
    setup = last_seq_recording(stack, "setup")
    sql(stack, "UPDATE team SET title = 'Judul lain'")
    found = said(stack)
    assert found[0] == (
        "setup",
        Text(
            "pengaturan (nama, rubrik, tim, juri, kunci, status kunci) berbeda dari perubahan "
            f"tercatat terakhir (#{setup}): diubah tanpa tercatat",
            "the set-up (names, rubric, teams, judges, keys, lock state) differs from the last "
            f"recorded change (#{setup}): it was changed without a record",
        ),
    )
    assert found[1] == (
        "seal",
        Text(
            "berbeda dari segel versi 1: team/PKM-01/title — disegel 'GEMAS TB (Gerakan "
            "Masyarakat Temukan dan Obati TB Sampai…, sekarang 'Judul lain'",
            "differs from the seal of version 1: team/PKM-01/title — sealed 'GEMAS TB (Gerakan "
            "Masyarakat Temukan dan Obati TB Sampai…, now 'Judul lain'",
        ),
    )
    assert len(found) == 1 + 12 + 1
    assert found[-1] == (
        "seal",
        Text(
            "… dan 3 perbedaan lain dari segel versi 1",
            "… and 3 more differences from the seal of version 1",
        ),
    )


def test_a_long_value_is_shortened_in_the_difference(stack: Stack) -> None:
    sql(stack, "UPDATE team SET title = ? WHERE code = 'PKM-01'", "panjang " * 12)
    [_, (_, text)] = said(stack)
    assert text.en.endswith(", now 'panjang panjang panjang panjang panjang panjang panjang …")
    # sixty characters as quoted are shown whole, sixty-one cut to fifty-seven and "…"
    for title, shown in (("a" * 58, f"'{'a' * 58}'"), ("b" * 59, f"'{'b' * 56}…")):
        sql(stack, "UPDATE team SET title = ? WHERE code = 'PKM-01'", title)
        [_, (_, text)] = said(stack)
        assert text.en.endswith(f", now {shown}"), title


@pytest.mark.parametrize(
    ("statement", "en", "id_"),
    [
        (
            f"UPDATE score SET value = '1' WHERE sheet_id = {SHEET.format(j='J2', t='PKM-01')} "
            f"AND criterion_id = {K1}",
            "sheet J2/PKM-01, K1: the table holds 1, the audit trail 3 — changed without a record",
            "lembar J2/PKM-01, K1: tabel berisi 1, jejak audit 3 — diubah tanpa tercatat",
        ),
        (
            "UPDATE score SET note = 'lain' WHERE note = 'inovatif'",
            "sheet J1/PKM-03, K1: the table holds 5 (lain), the audit trail 5 (inovatif) — "
            "changed without a record",
            "lembar J1/PKM-03, K1: tabel berisi 5 (lain), jejak audit 5 (inovatif) — diubah "
            "tanpa tercatat",
        ),
        (
            f"UPDATE sheet SET status = 'draft' WHERE id = {SHEET.format(j='J1', t='PKM-01')}",
            "sheet J1/PKM-01: status differs from the audit trail — changed without a record",
            "lembar J1/PKM-01: status berbeda dari jejak audit — diubah tanpa tercatat",
        ),
        (
            f"UPDATE sheet SET note = 'x', abstained = 1 "
            f"WHERE id = {SHEET.format(j='J1', t='PKM-01')}",
            "sheet J1/PKM-01: abstained, note differs from the audit trail — changed without a "
            "record",
            "lembar J1/PKM-01: abstained, note berbeda dari jejak audit — diubah tanpa tercatat",
        ),
        (
            f"DELETE FROM sheet WHERE id = {SHEET.format(j='J1', t='PKM-03')}",
            "sheet J1/PKM-03 is recorded in the audit trail but missing from the tables",
            "lembar J1/PKM-03 tercatat di jejak audit tetapi hilang dari tabel",
        ),
    ],
    ids=["score", "note", "status", "fields", "deleted"],
)
def test_the_replay_names_the_sheet_and_what_differs(
    stack: Stack, statement: str, en: str, id_: str
) -> None:
    reopened(stack)
    if statement.startswith("DELETE"):
        sql(
            stack,
            statement.replace("DELETE FROM sheet WHERE id", "DELETE FROM score WHERE sheet_id"),
        )
    sql(stack, statement)
    assert said(stack) == [("replay", Text(id_, en))]


def test_an_account_changed_without_a_record_is_named(stack: Stack) -> None:
    reopened(stack)
    accounts = last_seq_recording(stack, "accounts")
    sql(stack, "UPDATE user_account SET display_name = 'x' WHERE username = 'sek2'")
    assert said(stack) == [
        (
            "accounts",
            Text(
                f"akun pengguna berbeda dari perubahan tercatat terakhir (#{accounts}): akun "
                "ditambah atau diubah tanpa tercatat",
                f"the user accounts differ from the last recorded change (#{accounts}): an "
                "account was added or changed without a record",
            ),
        )
    ]


def test_a_printed_head_is_read_in_either_form(stack: Stack) -> None:
    report = stack.integrity.check(READER)
    seq = report.events
    assert report.head == f"#{seq} · {report.head_hash[:4]}…{report.head_hash[-4:]}"
    for printed in (report.head, f"  {report.head} ", f"{seq}:{report.head_hash}"):
        assert stack.integrity.check(READER, printed=printed).ok, printed
    other = f"#{seq - 1} · {report.head_hash[:4]}…{report.head_hash[-4:]}"
    assert [(f.kind, f.text) for f in stack.integrity.check(READER, printed=other).findings] == [
        (
            "anchor",
            Text(
                f"jejak audit tidak memuat kepala tercetak {other}: jejak sebelum titik itu "
                "ditulis ulang",
                f"the audit trail does not hold the printed head {other}: what came before it "
                "was rewritten",
            ),
        )
    ]
    wrong = stack.integrity.check(READER, printed="kepala").findings
    assert [(f.kind, f.text) for f in wrong] == [
        (
            "anchor",
            Text(
                "'kepala' bukan kepala jejak audit (mis. #1234 · 3f9a…c2e1)",
                "'kepala' is not an audit head (e.g. #1234 · 3f9a…c2e1)",
            ),
        )
    ]
    assert not stack.integrity.check(READER, printed=f"{seq}:{'0' * 64}").ok
    assert not stack.integrity.check(READER, printed=f"#{seq}").ok
    # a printed head is checked on top of the trail's own findings, not instead of them
    sql(stack, "UPDATE team SET title = 'Diubah' WHERE code = 'PKM-01'")
    own = said(stack)
    assert own
    assert [(f.kind, f.text) for f in stack.integrity.check(READER, printed="kepala").findings] == [
        *own,
        *[(f.kind, f.text) for f in wrong],
    ]


@pytest.mark.parametrize(
    ("statement", "table_holds"),
    [
        (f"DELETE FROM score WHERE sheet_id = {SHEET.format(j='J2', t='PKM-01')} AND ", "—"),
        (
            "UPDATE score SET value = NULL "
            f"WHERE sheet_id = {SHEET.format(j='J2', t='PKM-01')} AND ",
            "—",
        ),
        (
            f"UPDATE score SET note = 'abcdefghijklmnopqrstuvwxyz' "
            f"WHERE sheet_id = {SHEET.format(j='J2', t='PKM-01')} AND ",
            "3 (abcdefghijklmnopqrst)",
        ),
    ],
    ids=["row-deleted", "value-emptied", "long-note"],
)
def test_a_score_missing_emptied_or_noted_is_shown_as_the_table_holds_it(
    stack: Stack, statement: str, table_holds: str
) -> None:
    reopened(stack)
    sql(stack, statement + f"criterion_id = {K1}")
    assert said(stack) == [
        (
            "replay",
            Text(
                f"lembar J2/PKM-01, K1: tabel berisi {table_holds}, jejak audit 3 — diubah tanpa "
                "tercatat",
                f"sheet J2/PKM-01, K1: the table holds {table_holds}, the audit trail 3 — changed "
                "without a record",
            ),
        )
    ]


def test_a_printed_head_must_be_a_whole_head_of_this_chain(stack: Stack) -> None:
    report = stack.integrity.check(READER)
    seq, digest = report.events, report.head_hash

    def not_a_head(printed: str) -> list[tuple[str, Text]]:
        p = printed[:60]
        return [
            (
                "anchor",
                Text(
                    f"'{p}' bukan kepala jejak audit (mis. #1234 · 3f9a…c2e1)",
                    f"'{p}' is not an audit head (e.g. #1234 · 3f9a…c2e1)",
                ),
            )
        ]

    def not_held(printed: str) -> list[tuple[str, Text]]:
        return [
            (
                "anchor",
                Text(
                    f"jejak audit tidak memuat kepala tercetak {printed}: jejak sebelum titik itu "
                    "ditulis ulang",
                    f"the audit trail does not hold the printed head {printed}: what came before "
                    "it was rewritten",
                ),
            )
        ]

    def found(printed: str) -> list[tuple[str, Text]]:
        return [(f.kind, f.text) for f in stack.integrity.check(READER, printed=printed).findings]

    for wrong in ("#", f"#{seq}", f"X{report.head}", "kepala " * 10):
        assert found(wrong) == not_a_head(wrong), wrong
    for other in (
        f"{seq}:{digest[:10]}",  # the start of the hash is not the hash
        f"#{seq} · {digest[:4]}…0000",  # both ends must match
        f"{seq}:{seq}:{digest}",
    ):
        assert found(other) == not_held(other), other


def test_the_check_reports_the_latest_seal(stack: Stack) -> None:
    first = stack.integrity.check(READER).seal
    assert first is not None
    reopened(stack)
    sek1 = stack.accounts.sign_in("sek1", SECRETARIAT_PASSPHRASE)
    stack.locking.lock(sek1, "dikunci lagi", KEY_PASSPHRASE)
    report = stack.integrity.check(READER)
    assert report.ok
    assert report.seal is not None
    assert (report.seal.version, report.seal.audit_seq) == (first.version + 1, report.events)
    assert report.seal.audit_seq > first.audit_seq


def test_exactly_a_dozen_sheets_that_differ_are_all_listed_and_none_counted(stack: Stack) -> None:
    sql(stack, "UPDATE sheet SET note = 'diubah' WHERE id IN (SELECT id FROM sheet LIMIT 12)")
    replayed = [text.en for kind, text in said(stack) if kind == "replay"]
    assert len(replayed) == 12  # no "… and 0 more sheets" line after them
    assert all(
        text.startswith("sheet J")
        and text.endswith(": note differs from the audit trail — changed without a record")
        for text in replayed
    )
