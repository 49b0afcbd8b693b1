"""The change feed: what each change touched, read from the trail, in any process."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import select

from juryapp.domain.access import Actor
from juryapp.domain.messages import AuthenticationError
from juryapp.persistence.tables import JudgeRow, SheetRow, TeamRow
from juryapp.services import audit
from juryapp.services.changes import (
    LONGEST_PARSED,
    MOST_SHEETS,
    Change,
    ChangeFeed,
    Changes,
    classify,
)
from tests.services.conftest import (
    KEY_PASSPHRASE,
    SECRETARIAT_PASSPHRASE,
    Stack,
    fill_sheet,
    open_stack,
)
from tests.services.laptop_fixtures import Hub, Laptop, hub, make_laptop, package

__all__ = ["hub", "make_laptop", "package"]

MakeLaptop = Callable[[str], Laptop]

SCORES, SETUP, RESULTS, ACCOUNTS = Change.SCORES, Change.SETUP, Change.RESULTS, Change.ACCOUNTS


def feed_of(stack: Stack) -> ChangeFeed:
    return stack.services.changes


def test_a_saved_score_names_its_sheet_and_nothing_else(
    stack: Stack, judges: dict[str, Actor]
) -> None:
    feed = feed_of(stack)
    before = feed.head()
    stack.scoring.set_score(judges["J1"], "J1", "PKM-01", "K1", Decimal(4))
    changes = feed.since(before)
    assert changes.kinds == {SCORES}
    assert changes.sheets == {("J1", "PKM-01")}
    assert not changes.every_sheet
    assert (changes.since, changes.head, changes.events) == (before, before + 1, 1)
    assert changes.sheets_of("J1") == {("J1", "PKM-01")} and not changes.sheets_of("J2")


def test_nothing_new_is_an_empty_answer(stack: Stack) -> None:
    head = feed_of(stack).head()
    changes = feed_of(stack).since(head)
    assert changes.empty and changes.head == head and changes.events == 0


def test_each_kind_of_change_is_told_apart(
    stack: Stack, sek1: Actor, judges: dict[str, Actor]
) -> None:
    feed = feed_of(stack)

    def after(action: Callable[[], object]) -> Changes:
        before = feed.head()
        action()
        return feed.since(before)

    sheet = after(lambda: fill_sheet(stack, judges["J2"], "J2", "PKM-02"))
    assert sheet.kinds == {SCORES} and sheet.sheets == {("J2", "PKM-02")}
    assert after(lambda: stack.scoring.submit(judges["J2"], "J2", "PKM-02")).kinds == {SCORES}
    spec = stack.setup.spec()
    renamed = replace(spec, info=replace(spec.info, venue="Aula lain"))
    assert after(lambda: stack.setup.update(sek1, renamed)).kinds == {SETUP}
    assert after(lambda: stack.results.set_released(sek1, True)).kinds == {RESULTS}
    assert after(lambda: stack.accounts.lift_lockout(sek1, "j3")).kinds == {ACCOUNTS}
    # A sign-in is recorded with every account's digest: the accounts screen may show it.
    signed_in = after(lambda: stack.accounts.sign_in("sek2", SECRETARIAT_PASSPHRASE))
    assert signed_in.kinds == {ACCOUNTS}
    # A wrong passphrase for the key is recorded, and changes nothing a screen shows but the
    # key's own state.
    refused = after(lambda: _refuse_passphrase(stack, sek1))
    assert refused.kinds == {RESULTS} and refused.events == 1 and not refused.sheets


def _refuse_passphrase(stack: Stack, actor: Actor) -> None:
    with pytest.raises(AuthenticationError):
        stack.keys.change_passphrase(actor, "salah-sekali-ini", KEY_PASSPHRASE + "-baru")


def test_lock_and_tie_decisions_are_the_results_state_not_the_set_up() -> None:
    # They record the set-up digest (the lock and the keys are part of it) and still change
    # nothing a set-up screen shows.
    for action in ("results.lock", "results.unlock", "tie.decide", "key.create"):
        kinds, sheets = classify(action, {"setup": "…", "criteria": ["K1"]})
        assert kinds == {RESULTS} and not sheets, action


def test_an_event_from_elsewhere_is_read_by_what_it_recorded() -> None:
    # The hub merging judges' logs appends events through audit.record_sheets: the feed
    # needs no list of their actions, only the sheets they recorded.
    details = {"sheets": {"J1/PKM-01": {}, "J4/RSUD-02": {}}, "laptop": "J1"}
    kinds, sheets = classify("laptop.merge", details)
    assert kinds == {SCORES}
    assert sheets == {("J1", "PKM-01"), ("J4", "RSUD-02")}
    assert classify("documents.print", {"version": 2}) == (frozenset(), frozenset())


def test_sheets_merged_through_the_audit_module_reach_the_feed(
    stack: Stack, judges: dict[str, Actor]
) -> None:
    fill_sheet(stack, judges["J1"], "J1", "PKM-01")
    feed = feed_of(stack)
    before = feed.head()
    with stack.database.writing() as session:  # what the hub does after merging a log
        sheet = session.scalar(
            select(SheetRow.id)
            .join(JudgeRow, JudgeRow.id == SheetRow.judge_id)
            .join(TeamRow, TeamRow.id == SheetRow.team_id)
            .where(JudgeRow.code == "J1", TeamRow.code == "PKM-01")
        )
        assert sheet is not None
        audit.record_sheets(session, "hub", "laptop.merge", "J1", [sheet], laptop="J1")
    changes = feed.since(before)
    assert changes.kinds == {SCORES} and changes.sheets == {("J1", "PKM-01")}


def test_another_process_sees_the_change(stack: Stack, judges: dict[str, Actor]) -> None:
    other = open_stack(stack.path)  # a second engine on the same database, as another laptop has
    try:
        before = other.services.changes.head()
        stack.scoring.set_score(judges["J3"], "J3", "RSUD-01", "K2", Decimal(3))
        changes = other.services.changes.since(before)
        assert changes.sheets == {("J3", "RSUD-01")}
    finally:
        other.close()


def test_too_many_sheets_at_once_ask_for_every_sheet() -> None:
    half = MOST_SHEETS // 2 + 1
    many = Changes(0, 1, frozenset({SCORES}), frozenset(("J1", f"T{i}") for i in range(half)))
    more = Changes(1, 2, frozenset({SCORES}), frozenset(("J2", f"T{i}") for i in range(half)))
    assert not many.every_sheet and len(many.sheets) == half
    joined = many.then(more)
    assert joined.every_sheet and not joined.sheets and (joined.since, joined.head) == (0, 2)


@pytest.mark.tampers  # the states recorded are made up: only their number matters here
def test_an_import_of_every_sheet_is_read_as_a_bulk_change(stack: Stack) -> None:
    feed = feed_of(stack)
    before = feed.head()
    with stack.database.writing() as session:  # as an import or a restore records them
        connection = session.connection()
        audit.append(connection, "sek1", "scores.import", "", sheets=_many_states(MOST_SHEETS))
    changes = feed.since(before)
    assert changes.kinds == {SCORES} and changes.every_sheet and not changes.sheets


@pytest.mark.tampers  # the states recorded are made up: only their size matters here
def test_an_event_of_megabytes_is_told_apart_without_being_parsed(stack: Stack) -> None:
    feed = feed_of(stack)
    before = feed.head()
    states = {f"J1/T{i:05d}": {"note": "x" * 40} for i in range(LONGEST_PARSED // 40)}
    with stack.database.writing() as session:
        connection = session.connection()
        audit.append(connection, "sek1", "demo.scores", "", sheets=states, setup="…")
    changes = feed.since(before)
    assert changes.kinds == {SCORES, SETUP} and changes.every_sheet and not changes.sheets


def _many_states(count: int) -> dict[str, object]:
    return {f"J{i % 5 + 1}/T{i:04d}": {} for i in range(count + 1)}


def test_a_trail_that_went_back_means_everything_may_have_changed(stack: Stack) -> None:
    feed = feed_of(stack)
    head = feed.head()
    changes = feed.since(head + 10)  # another copy of the database was put in its place
    assert changes.every_sheet and changes.kinds == set(Change)


def test_a_judges_log_merged_at_the_hub_reaches_the_laptops_screen_and_the_sheets(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    laptop = make_laptop("j2")
    j2 = laptop.sign_in("J2")
    laptop.fill(j2, "PKM-01")
    feed = feed_of(hub.stack)
    before = feed.head()
    hub.enrol_and_merge(laptop.bundle(j2))  # the key's enrolment, then the merge
    changes = feed.since(before)
    assert changes.kinds == {Change.LAPTOPS, SCORES}
    assert changes.sheets == {("J2", "PKM-01")}
    again = feed.head()
    hub.enrol_and_merge(laptop.bundle(j2))  # nothing new: the merge is recorded all the same
    assert feed.since(again).kinds <= {Change.LAPTOPS}
