"""The hash-chained audit trail: score changes append events; edits, deletions, reorders show."""

from __future__ import annotations

import hashlib
import json
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from itertools import pairwise

import pytest
from sqlalchemy import create_engine, select

from juryapp.domain.access import Actor
from juryapp.domain.messages import ValidationError
from juryapp.persistence.tables import AuditRow, Base
from juryapp.services import audit
from tests.services.conftest import Stack


def _check(stack: Stack) -> audit.AuditCheck:
    with stack.database.reading() as session:
        return audit.verify(session)


def _sql(stack: Stack, *statements: str) -> None:
    with stack.database.engine.begin() as connection:
        for statement in statements:
            connection.exec_driver_sql(statement)


@pytest.fixture
def scored(stack: Stack, judges: dict[str, Actor]) -> Stack:
    """Six score changes by J1 on top of the set-up and sign-in events."""
    j1 = judges["J1"]
    for criterion, value in (("K1", 3), ("K2", 4), ("K3", 5), ("K1", 4), ("K4", 2), ("K5", 1)):
        stack.scoring.set_score(j1, "J1", "PKM-01", criterion, Decimal(value))
    return stack


def test_score_changes_append_events_and_the_chain_is_intact(scored: Stack) -> None:
    events = scored.events("score.set")
    assert [e.subject for e in events] == [
        "J1/PKM-01/K1",
        "J1/PKM-01/K2",
        "J1/PKM-01/K3",
        "J1/PKM-01/K1",
        "J1/PKM-01/K4",
        "J1/PKM-01/K5",
    ]
    assert all(e.actor == "j1" for e in events)
    assert events[3].details == {"old": "3", "new": "4", "source": "judge"}
    check = _check(scored)
    assert check.intact
    assert check.first_broken is None
    assert check.events == len(scored.actions())
    assert check.head == events[-1].hash  # the last event is a score change


def test_chain_links_every_event_to_the_one_before(scored: Stack) -> None:
    with scored.database.reading() as session:
        rows = [
            (r.seq, r.prev_hash, r.hash)
            for r in session.scalars(select(AuditRow).order_by(AuditRow.seq))
        ]
    assert rows[0][:2] == (1, audit.GENESIS)
    for (seq, _, digest), (next_seq, prev, _) in pairwise(rows):
        assert (next_seq, prev) == (seq + 1, digest)


def _middle(stack: Stack) -> int:
    return stack.events("score.set")[2].seq


def _hash_of(stack: Stack, seq: int) -> str:
    with stack.database.reading() as session:
        row = session.get(AuditRow, seq)
        assert row is not None
        return row.hash


@pytest.mark.tampers
def test_edited_details_are_detected(scored: Stack) -> None:
    seq = _middle(scored)
    _sql(
        scored,
        f"""UPDATE audit_event SET details = '{{"new": "5", "old": "1"}}' WHERE seq = {seq}""",
    )
    # broken at the edited event, after the events before it, whose last hash is the head
    assert _check(scored) == audit.AuditCheck(False, seq - 1, _hash_of(scored, seq - 1), seq)


@pytest.mark.tampers
def test_a_link_to_the_event_before_edited_alone_is_detected(scored: Stack) -> None:
    """The row's own hash does not cover its link back: the link is compared on its own."""
    seq = _middle(scored)
    _sql(scored, f"UPDATE audit_event SET prev_hash = '{'f' * 64}' WHERE seq = {seq}")
    assert _check(scored) == audit.AuditCheck(False, seq - 1, _hash_of(scored, seq - 1), seq)


@pytest.mark.tampers
def test_edited_details_with_a_recomputed_row_hash_are_detected(scored: Stack) -> None:
    seq = _middle(scored)
    with scored.database.reading() as session:
        row = session.get(AuditRow, seq)
        assert row is not None
        row.details = '{"new": "1", "old": null, "source": "judge"}'
        forged = audit._digest(row.prev_hash, audit._fields(row))
    _sql(
        scored,
        f"""UPDATE audit_event SET details = '{{"new": "1", "old": null, "source": "judge"}}',
            hash = '{forged}' WHERE seq = {seq}""",
    )
    check = _check(scored)
    assert not check.intact
    assert check.first_broken == seq + 1  # the next event still points at the true hash


@pytest.mark.tampers
def test_deleted_middle_event_is_detected(scored: Stack) -> None:
    seq = _middle(scored)
    _sql(scored, f"DELETE FROM audit_event WHERE seq = {seq}")
    check = _check(scored)
    assert not check.intact
    assert check.first_broken == seq + 1


@pytest.mark.tampers
def test_deleted_last_event_is_detected_by_the_head(scored: Stack) -> None:
    total = _check(scored).events
    _sql(scored, f"DELETE FROM audit_event WHERE seq = {total}")
    check = _check(scored)
    assert not check.intact
    assert check.events == total - 1  # every remaining event is well linked…
    assert check.first_broken == total  # …but the kept head names one more


@pytest.mark.tampers
def test_deleted_head_row_is_detected(scored: Stack) -> None:
    total = _check(scored).events
    assert total > 0
    _sql(scored, "DELETE FROM audit_head")
    assert _check(scored) == audit.AuditCheck(False, total, _hash_of(scored, total), total + 1)


@pytest.mark.tampers
def test_every_event_deleted_with_the_head_kept_is_detected(scored: Stack) -> None:
    _sql(scored, "DELETE FROM audit_event")
    check = _check(scored)
    assert not check.intact
    assert (check.events, check.first_broken) == (0, 1)


@pytest.mark.tampers
def test_deleted_last_events_and_head_rewound_is_detected_by_the_head_hash(scored: Stack) -> None:
    total = _check(scored).events
    _sql(
        scored,
        f"DELETE FROM audit_event WHERE seq = {total}",
        f"UPDATE audit_head SET seq = {total - 1}",
    )
    assert not _check(scored).intact


@pytest.mark.tampers
def test_swapped_order_is_detected(scored: Stack) -> None:
    events = scored.events("score.set")
    a, b = events[1].seq, events[2].seq
    _sql(
        scored,
        f"UPDATE audit_event SET seq = -1 WHERE seq = {a}",
        f"UPDATE audit_event SET seq = {a} WHERE seq = {b}",
        f"UPDATE audit_event SET seq = {b} WHERE seq = -1",
    )
    check = _check(scored)
    assert not check.intact
    assert check.first_broken == a


@pytest.mark.tampers
def test_swapped_timestamps_are_detected(scored: Stack) -> None:
    events = scored.events("score.set")
    a, b = events[0].seq, events[4].seq
    _sql(
        scored,
        f"""UPDATE audit_event SET at = (SELECT at FROM audit_event WHERE seq = {b})
            WHERE seq = {a}""",
    )
    events_after = scored.events("score.set")
    if events_after[0].at == events[0].at:  # the same microsecond: nothing was changed
        pytest.skip("both events carry the same timestamp")
    assert not _check(scored).intact


def test_a_failed_change_leaves_no_event(scored: Stack, judges: dict[str, Actor]) -> None:
    before = scored.actions()
    with pytest.raises(ValidationError):
        scored.scoring.set_score(judges["J1"], "J1", "PKM-01", "K6", Decimal(9))
    assert scored.actions() == before
    assert _check(scored).intact


def test_details_may_not_take_the_names_of_recorded_states(stack: Stack, sek1: Actor) -> None:
    before = stack.actions()
    for name in ("sheets", "setup", "criteria", "accounts"):
        refused = pytest.raises(ValueError, match=rf"audit details may not be named \['{name}'\]")
        with refused, stack.database.writing() as session:
            audit.record(session, sek1, "uji", **{name: {}, "other": 1})
    assert stack.actions() == before


def test_each_kind_of_record_holds_its_own_state(stack: Stack, sek1: Actor) -> None:
    with stack.database.writing() as session:
        audit.record(session, sek1, "uji.polos", "subjek", nilai=1)
        audit.record_accounts(session, "sistem", "uji.akun")
        audit.record_setup(session, sek1, "uji.setelan")
    plain, accounts, setup = (stack.events(a)[0] for a in ("uji.polos", "uji.akun", "uji.setelan"))
    assert (plain.actor, plain.subject, plain.details, plain.state) == (
        "sek1",
        "subjek",
        {"nilai": 1},
        {},
    )
    assert (accounts.actor, accounts.subject, set(accounts.state)) == (
        "sistem",
        "",
        {"accounts", "account_rows"},
    )
    assert (setup.subject, set(setup.state)) == ("", {"setup", "criteria", "sealed_keys"})
    assert setup.state["criteria"] == [f"K{n}" for n in range(1, 9)]
    assert plain.seq + 1 == accounts.seq == setup.seq - 1
    assert _check(stack).intact


def test_an_event_is_stored_and_hashed_in_the_form_anyone_can_check(
    stack: Stack, sek1: Actor
) -> None:
    # the form a checker outside the app recomputes: details as sorted JSON with its text as
    # written; the hash the SHA-256 of the compact JSON list of the previous hash and the
    # stored fields. Every trail and every printed head depends on it staying the same.
    with stack.database.writing() as session:
        audit.record(session, sek1, "catatan.uji", "J1/PKM-01 · Désa", zeta=2, alpha="Bé")
    with stack.database.reading() as session:
        row = session.scalars(select(AuditRow).order_by(AuditRow.seq.desc()).limit(1)).one()
        stored = (row.prev_hash, row.seq, row.at.isoformat(), row.details, row.hash)
    prev, seq, at, details, digest = stored
    assert details == '{"alpha": "Bé", "zeta": 2}'
    fields = [prev, seq, at, "sek1", "catatan.uji", "J1/PKM-01 · Désa", details]
    written = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    assert digest == hashlib.sha256(written.encode("utf-8")).hexdigest()


def test_times_are_recorded_in_utc_whatever_the_machines_zone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", "Asia/Jakarta")  # seven hours ahead, all year
    time.tzset()
    try:
        recorded = audit.now()
        utc = datetime.now(UTC).replace(tzinfo=None)
    finally:
        monkeypatch.undo()
        time.tzset()
    assert recorded.tzinfo is None
    assert abs(utc - recorded) < timedelta(minutes=1)


def test_accounts_recorded_before_per_account_digests_are_not_compared() -> None:
    """A trail written by an older version holds account events without each account's
    digest: the sign-in check then has nothing to compare with (None), until an event keeps
    digests, after which an account no event recorded is "" (and so refused)."""
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with engine.begin() as connection:
        audit.append(connection, "sek1", "account.create", "lama", role="secretariat")
        assert audit.recorded_account(connection, "lama") is None
        assert audit.recorded_account(connection, "lain") is None
        rows = {audit.ACCOUNT_ROWS: {"baru": "ab12"}}
        audit.append(connection, "sek1", "account.create", "baru", **rows)
        assert audit.recorded_account(connection, "baru") == "ab12"
        assert audit.recorded_account(connection, "lain") == ""
        assert audit.recorded_account(connection, "lama") is None
