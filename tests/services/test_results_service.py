"""Results service: the progress matrix, the fingerprint, tie decisions and locking."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from juryapp.domain.access import Actor
from juryapp.domain.kinds import Method, Role, SheetStatus
from juryapp.domain.messages import (
    JuryError,
    NotFoundError,
    PermissionDeniedError,
    StateError,
    Text,
)
from juryapp.domain.model import ConventionSpec
from juryapp.services.results import CellState
from tests.services.conftest import (
    CRITERIA,
    JUDGE_CODES,
    KEY_PASSPHRASE,
    SECRETARIAT_PASSPHRASE,
    Stack,
    copy_database,
    fill_sheet,
    open_stack,
    pin_of,
    settle_open_sheets,
)


def test_progress_matrix_matches_what_was_done(
    stack: Stack, judges: dict[str, Actor], sek1: Actor, sek2: Actor
) -> None:
    j1 = judges["J1"]
    for criterion in CRITERIA[:3]:
        stack.scoring.set_score(j1, "J1", "PKM-01", criterion, Decimal(3))  # draft, 3 filled
    fill_sheet(stack, j1, "J1", "PKM-02", 4)
    stack.scoring.submit(j1, "J1", "PKM-02")  # submitted
    fill_sheet(stack, j1, "J1", "PKM-03", 5)
    stack.scoring.submit(j1, "J1", "PKM-03")
    stack.scoring.confirm(sek1, "J1", "PKM-03")  # confirmed
    fill_sheet(stack, sek1, "J4", "RSUD-01", 2)  # paper, typed by sek1
    stack.scoring.submit(sek1, "J4", "RSUD-01")
    stack.scoring.confirm(sek2, "J4", "RSUD-01")
    stack.scoring.abstain(sek1, "J2", "PKM-06", "juri tidak hadir")

    progress = stack.results.progress(sek2)
    assert progress.judges == JUDGE_CODES
    assert len(progress.teams) == 15
    assert progress.criteria == 8
    assert len(progress.cells) == 75
    expected = {
        ("J1", "PKM-01"): (CellState.DRAFT, 3),
        ("J1", "PKM-02"): (CellState.SUBMITTED, 8),
        ("J1", "PKM-03"): (CellState.CONFIRMED, 8),
        ("J4", "RSUD-01"): (CellState.CONFIRMED, 8),
        ("J2", "PKM-06"): (CellState.ABSTAINED, 0),
        ("J3", "PKM-04"): (CellState.CONFLICT, 0),
        ("J5", "RSS-02"): (CellState.CONFLICT, 0),
        ("J2", "RSS-04"): (CellState.CONFLICT, 0),
    }
    for key, (state, filled) in expected.items():
        cell = progress.cells[key]
        assert (cell.state, cell.filled) == (state, filled), key
    others = {k: c for k, c in progress.cells.items() if k not in expected}
    assert {c.state for c in others.values()} == {CellState.NOT_STARTED}
    assert progress.count(CellState.NOT_STARTED) == 75 - len(expected)
    assert progress.count(CellState.CONFLICT) == 3
    spec = stack.setup.spec()
    assert progress.judge_names == {j.code: j.name for j in spec.judges}
    teams = {t.code: t for t in spec.teams}
    assert [(r.code, r.institution, r.category) for r in progress.rows] == [
        (code, teams[code].institution, teams[code].category) for code in progress.teams
    ]


def test_fingerprint_is_stable_and_follows_every_score(
    stack: Stack, judges: dict[str, Actor]
) -> None:
    j1 = judges["J1"]
    fill_sheet(stack, j1, "J1", "PKM-01", 3)
    first = stack.results.fingerprint(Actor.reader())
    assert stack.results.fingerprint(Actor.reader()) == first
    assert len(first) == 64

    stack.scoring.set_score(j1, "J1", "PKM-01", "K4", Decimal(4))
    changed = stack.results.fingerprint(Actor.reader())
    assert changed != first
    stack.scoring.set_score(j1, "J1", "PKM-01", "K4", Decimal("3.00"))
    assert stack.results.fingerprint(Actor.reader()) == first  # the same data again


def test_fingerprint_follows_status_and_version(
    stack: Stack, judges: dict[str, Actor], sek1: Actor
) -> None:
    j1 = judges["J1"]
    fill_sheet(stack, j1, "J1", "PKM-01", 3)
    draft = stack.results.fingerprint(Actor.reader())
    stack.scoring.submit(j1, "J1", "PKM-01")
    submitted = stack.results.fingerprint(Actor.reader())
    settle_open_sheets(stack, sek1)
    settled = stack.results.fingerprint(Actor.reader())
    stack.locking.lock(sek1, "uji", KEY_PASSPHRASE)
    stack.locking.unlock(sek1, "uji")
    unlocked = stack.results.fingerprint(Actor.reader())
    assert len({draft, submitted, settled, unlocked}) == 4


# A small convention (two Puskesmas, no conflicts) that every judge can finish quickly.
@pytest.fixture(scope="module")
def small_template(
    tmp_path_factory: pytest.TempPathFactory, template_db: Path, demo_spec: ConventionSpec
) -> Path:
    path = tmp_path_factory.mktemp("small") / "konvensi.sqlite3"
    copy_database(template_db, path)
    services = open_stack(path)
    try:
        sek1 = services.accounts.sign_in("sek1", SECRETARIAT_PASSPHRASE)
        small = replace(demo_spec, teams=demo_spec.teams[:2], conflicts=())
        services.setup.update(sek1, small)
        for code in JUDGE_CODES:
            judge = services.accounts.sign_in(code.lower(), pin_of(code))
            for team in ("PKM-01", "PKM-02"):
                fill_sheet(services, judge, code, team, 3)  # the two teams tie exactly
                services.scoring.submit(judge, code, team)
    finally:
        services.close()
    return path


@pytest.fixture
def small(small_template: Path, tmp_path: Path) -> Iterator[Stack]:
    path = tmp_path / "kecil.sqlite3"
    copy_database(small_template, path)
    services = open_stack(path)
    yield services
    services.close()


def test_tie_is_shown_then_settled_by_a_recorded_decision(small: Stack) -> None:
    sek1 = small.accounts.sign_in("sek1", SECRETARIAT_PASSPHRASE)
    results = small.results.compute(sek1)
    one, two = results.team("PKM-01"), results.team("PKM-02")
    assert one.tied and two.tied
    assert one.rank == two.rank == 1

    small.results.decide_tie(
        sek1, "PKM", ["PKM-02", "PKM-01"], reason="suara terbanyak dalam sidang pleno"
    )
    results = small.results.compute(sek1)
    assert results.team("PKM-02").rank == 1
    assert results.team("PKM-01").rank == 2
    assert results.team("PKM-02").tie_broken_by == "jury"
    [decision] = small.results.snapshot(Actor.reader()).decisions
    assert decision.order == ("PKM-02", "PKM-01")
    assert decision.decided_by == "sek1"
    [event] = small.events("tie.decide")
    assert event.details["ordering"] == ["PKM-02", "PKM-01"]


REASON = Text("alasan keputusan wajib diisi", "the decision needs a reason")
ONCE = Text("sebutkan setiap tim yang seri tepat satu kali", "name every tied team exactly once")


@pytest.mark.parametrize(
    ("category", "ordering", "reason", "error", "text"),
    [
        ("PKM", ["PKM-01", "PKM-02"], "", StateError, REASON),
        ("PKM", ["PKM-01", "PKM-02"], "   ", StateError, REASON),
        ("PKM", ["PKM-01"], "alasan", StateError, ONCE),
        ("PKM", [], "alasan", StateError, ONCE),
        ("PKM", ["PKM-01", "PKM-01"], "alasan", StateError, ONCE),
        ("PKM", ["PKM-01", "PKM-02", "PKM-01"], "alasan", StateError, ONCE),
        (
            "XXX",
            ["PKM-01", "PKM-02"],
            "alasan",
            NotFoundError,
            Text("kategori 'XXX' tidak dikenal", "unknown category 'XXX'"),
        ),
        (
            "PKM",
            ["PKM-01", "PKM-99"],
            "alasan",
            NotFoundError,
            Text("tim PKM-99 tidak ada di kategori PKM", "team PKM-99 is not in category PKM"),
        ),
        (
            "RSUD",
            ["PKM-01", "PKM-02"],
            "alasan",
            NotFoundError,
            Text(
                "tim PKM-01, PKM-02 tidak ada di kategori RSUD",
                "team PKM-01, PKM-02 is not in category RSUD",
            ),
        ),
    ],
)
def test_tie_decision_is_validated(
    stack: Stack,
    sek1: Actor,
    category: str,
    ordering: list[str],
    reason: str,
    error: type[JuryError],
    text: Text,
) -> None:
    before = stack.actions()
    with pytest.raises(error) as refused:
        stack.results.decide_tie(sek1, category, ordering, reason=reason)
    assert refused.value.text == text
    assert stack.actions() == before
    assert stack.results.snapshot(Actor.reader()).decisions == ()


def test_tie_decision_refused_while_locked(stack: Stack, sek1: Actor) -> None:
    settle_open_sheets(stack, sek1, "tanpa nilai, uji kunci")
    stack.locking.lock(sek1, "", KEY_PASSPHRASE)
    with pytest.raises(StateError) as refused:
        stack.results.decide_tie(sek1, "PKM", ["PKM-01", "PKM-02"], shared=True, reason="kembar")
    assert refused.value.text == Text("hasil sudah dikunci", "the results are locked")


def test_lock_with_unconfirmed_sheets_needs_a_reason(
    stack: Stack, judges: dict[str, Actor], sek1: Actor
) -> None:
    fill_sheet(stack, judges["J1"], "J1", "PKM-01", 3)
    stack.scoring.submit(judges["J1"], "J1", "PKM-01")
    fill_sheet(stack, judges["J2"], "J2", "PKM-01", 4)
    stack.scoring.submit(judges["J2"], "J2", "PKM-01")
    assert settle_open_sheets(stack, sek1, "hari kedua ditunda") == 70  # 75 cells − 3 − 2
    with pytest.raises(StateError) as refused:
        stack.locking.lock(sek1, "", KEY_PASSPHRASE)
    assert "2 sheets are not confirmed" in refused.value.text.en
    assert not stack.results.lock_state().locked

    state = stack.locking.lock(sek1, "hari kedua ditunda; hasil sementara", KEY_PASSPHRASE)
    assert state.locked
    assert state.note == "hari kedua ditunda; hasil sementara"
    [event] = stack.events("results.lock")
    assert event.details["unconfirmed"] == ["J1/PKM-01", "J2/PKM-01"]
    assert event.details["fingerprint"] == stack.results.fingerprint(Actor.reader())
    with pytest.raises(StateError):
        stack.locking.lock(sek1, "lagi", KEY_PASSPHRASE)


def test_lock_without_reason_once_every_sheet_is_confirmed(small: Stack) -> None:
    sek2 = small.accounts.sign_in("sek2", SECRETARIAT_PASSPHRASE)
    with pytest.raises(StateError):
        small.locking.lock(sek2, "", KEY_PASSPHRASE)
    for judge in JUDGE_CODES:
        for team in ("PKM-01", "PKM-02"):
            small.scoring.confirm(sek2, judge, team)
    snapshot = small.results.snapshot(Actor.reader())
    assert {s.status for s in snapshot.sheets} == {SheetStatus.CONFIRMED}
    state = small.locking.lock(sek2, "", KEY_PASSPHRASE)
    assert (state.locked, state.version, state.note) == (True, 1, "")
    [event] = small.events("results.lock")
    assert event.details["unconfirmed"] == []


def test_unlock_raises_the_version_each_time(stack: Stack, sek1: Actor) -> None:
    with pytest.raises(StateError):
        stack.locking.unlock(sek1, "belum dikunci")
    settle_open_sheets(stack, sek1)
    for version in (2, 3):
        stack.locking.lock(sek1, "uji", KEY_PASSPHRASE)
        assert stack.locking.unlock(sek1, "koreksi").version == version
    assert stack.results.lock_state() == type(stack.results.lock_state())(False, 3, "", False)


def test_progress_of_a_few_teams_is_the_whole_matrix_cut_to_them(
    stack: Stack, sek1: Actor, judges: dict[str, Actor]
) -> None:
    fill_sheet(stack, judges["J1"], "J1", "PKM-01", 5)  # far above the others: an outlier
    for code in ("J2", "J3", "J4"):
        fill_sheet(stack, judges[code], code, "PKM-01", 1)
    for code in ("J1", "J2", "J3", "J4"):
        stack.scoring.submit(judges[code], code, "PKM-01")
    stack.scoring.set_score(judges["J2"], "J2", "RSUD-02", "K1", Decimal(3))
    whole = stack.results.progress(sek1)
    some = stack.results.progress(sek1, ["PKM-01", "RSUD-02"])
    assert set(some.teams) == {"PKM-01", "RSUD-02"}
    assert [row.code for row in some.rows] == [c for c in whole.teams if c in some.teams]
    assert some.cells == {k: c for k, c in whole.cells.items() if k[1] in some.teams}
    assert some.cells[("J1", "PKM-01")].outlier  # judged against its own team's panel
    assert some.judges == whole.judges and some.criteria == whole.criteria
    assert some.judge_names == whole.judge_names
    before = some.head
    stack.scoring.set_score(judges["J2"], "J2", "RSUD-02", "K2", Decimal(3))
    assert stack.results.progress(sek1, ["RSUD-02"]).head == before + 1


def test_a_lock_records_and_seals_what_it_froze_and_unlocking_says_why_not(
    stack: Stack, sek1: Actor
) -> None:
    settle_open_sheets(stack, sek1, "uji kunci")
    with pytest.raises(StateError) as caught:
        stack.locking.unlock(sek1, "koreksi")
    assert caught.value.text == Text("hasil belum dikunci", "the results are not locked")
    state = stack.locking.lock(sek1, "  pleno selesai  ", KEY_PASSPHRASE)
    assert (state.locked, state.version, state.note) == (True, 1, "pleno selesai")
    [event] = stack.events("results.lock")
    key = stack.keys.active(sek1)
    assert key is not None
    assert event.actor == "sek1"
    assert event.details["version"] == 1
    assert event.details["reason"] == "  pleno selesai  "
    assert event.details["key"] == key.fingerprint
    assert event.details["fingerprint"] == stack.results.fingerprint(Actor.reader())
    report = stack.integrity.check(Actor.reader())
    assert report.ok, report.findings
    assert report.seal is not None
    assert (report.seal.version, report.seal.sealed_by) == (1, "sek1")
    assert report.seal.key_fingerprint == key.fingerprint
    assert (report.seal.audit_seq, report.seal.audit_hash) == (event.seq, event.hash)
    assert report.seal.content_hash == event.details["fingerprint"]
    with pytest.raises(StateError) as again:
        stack.locking.lock(sek1, "lagi", KEY_PASSPHRASE)
    assert again.value.text == Text("hasil sudah dikunci", "the results are already locked")
    with pytest.raises(StateError) as blank:
        stack.locking.unlock(sek1, " ")
    assert blank.value.text == Text("membuka kunci memerlukan alasan", "unlocking needs a reason")
    unlocked = stack.locking.unlock(sek1, "koreksi K1")
    assert (unlocked.locked, unlocked.version, unlocked.note) == (False, 2, "")
    [opened] = stack.events("results.unlock")
    assert opened.details == {"reason": "koreksi K1", "version": 2}


def test_compare_methods_ranks_by_every_method_from_the_stored_sheets(
    stack: Stack, sek1: Actor, judges: dict[str, Actor]
) -> None:
    for code, value in zip(JUDGE_CODES, (5, 1, 2, 3, 3), strict=True):
        fill_sheet(stack, judges[code], code, "PKM-01", value)
        fill_sheet(stack, judges[code], code, "PKM-02", 3)
        for team in ("PKM-01", "PKM-02"):
            stack.scoring.submit(judges[code], code, team)
    compared = stack.results.compare_methods(sek1)
    assert list(compared) == list(Method)
    for method, results in compared.items():
        assert results == stack.results.compute(sek1, method)
        assert results.method is method
    scores = {m: r.team("PKM-01").score for m, r in compared.items()}
    assert scores[Method.MEAN] != scores[Method.MEDIAN]  # the methods really differ here


def test_a_judge_sees_released_results_by_the_method_asked_for(
    stack: Stack, sek1: Actor, judges: dict[str, Actor]
) -> None:
    j1 = judges["J1"]
    with pytest.raises(PermissionDeniedError) as withheld:
        stack.results.compute(j1)
    assert withheld.value.text == Text(
        "hasil belum dibuka oleh sekretariat", "the secretariat has not released the results yet"
    )
    for code, value in zip(JUDGE_CODES, (5, 1, 2, 3, 3), strict=True):
        fill_sheet(stack, judges[code], code, "PKM-01", value)
        stack.scoring.submit(judges[code], code, "PKM-01")
    stack.results.set_released(sek1, True)
    for method in Method:
        seen = stack.results.compute(j1, method)
        assert seen.method is method
        full = stack.results.compute(sek1, method).team("PKM-01")
        assert seen.team("PKM-01").score == full.score
    # a judge's role without a judge's code reads nothing, released or not
    nobody = Actor(username="j9", role=Role.JUDGE, user_id=j1.user_id)
    with pytest.raises(PermissionDeniedError):
        stack.results.compute(nobody)


@pytest.mark.sqlite_only
@pytest.mark.tampers
def test_progress_counts_no_events_when_the_trails_head_is_gone(stack: Stack, sek1: Actor) -> None:
    assert stack.results.progress(sek1).head == len(stack.actions())
    with closing(sqlite3.connect(stack.path)) as connection:
        connection.execute("DELETE FROM audit_head")
        connection.commit()
    assert stack.results.progress(sek1).head == 0


def test_a_shared_place_is_recorded_with_its_reason_and_who_decided(small: Stack) -> None:
    sek1 = small.accounts.sign_in("sek1", SECRETARIAT_PASSPHRASE)
    small.accounts.create(
        sek1, "sek3", SECRETARIAT_PASSPHRASE, role=Role.SECRETARIAT, display_name="Siti Aminah"
    )
    sek3 = small.accounts.sign_in("sek3", SECRETARIAT_PASSPHRASE)
    small.results.decide_tie(sek3, "PKM", ["PKM-01", "PKM-02"], shared=True, reason=" sama kuat ")
    [decision] = small.results.snapshot(Actor.reader()).decisions
    assert (decision.category, decision.teams) == ("PKM", frozenset({"PKM-01", "PKM-02"}))
    assert (decision.shared, decision.reason, decision.decided_by) == (
        True,
        "sama kuat",
        "Siti Aminah",
    )
    [event] = small.events("tie.decide")
    assert (event.actor, event.subject) == ("sek3", "PKM")
    assert event.details == {
        "ordering": ["PKM-01", "PKM-02"],
        "shared": True,
        "reason": " sama kuat ",
    }
    results = small.results.compute(sek1)
    assert results.team("PKM-01").rank == results.team("PKM-02").rank == 1


def test_the_lock_lists_unconfirmed_sheets_in_the_decided_order_past_an_abstention(
    small: Stack,
) -> None:
    sek1 = small.accounts.sign_in("sek1", SECRETARIAT_PASSPHRASE)
    small.scoring.abstain(sek1, "J1", "PKM-01", "juri berhalangan")
    small.results.decide_tie(sek1, "PKM", ["PKM-02", "PKM-01"], reason="suara terbanyak")
    small.locking.lock(sek1, "belum dikonfirmasi semua", KEY_PASSPHRASE)
    [event] = small.events("results.lock")
    assert event.details["unconfirmed"] == [
        *(f"{judge}/PKM-02" for judge in JUDGE_CODES),
        *(f"{judge}/PKM-01" for judge in JUDGE_CODES[1:]),
    ]


def test_the_snapshot_says_whether_locked_which_version_and_whether_a_demo(
    stack: Stack, sek1: Actor
) -> None:
    before = stack.results.snapshot(Actor.reader())
    assert (before.locked, before.version, before.is_demo, before.released) == (
        False,
        1,
        True,
        False,
    )
    settle_open_sheets(stack, sek1)
    stack.locking.lock(sek1, "pleno", KEY_PASSPHRASE)
    stack.locking.unlock(sek1, "koreksi")
    stack.locking.lock(sek1, "pleno kedua", KEY_PASSPHRASE)
    after = stack.results.snapshot(Actor.reader())
    assert (after.locked, after.version, after.is_demo) == (True, 2, True)
