"""What is still open before the lock, the lock's guards, and the checklist before judging."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from juryapp.domain.access import Actor
from juryapp.domain.messages import PermissionDeniedError, StateError
from juryapp.domain.model import ConventionInfo, ConventionSpec
from juryapp.services.demo import DEMO_PASSPHRASE, load_demo
from juryapp.services.readiness import OpenKind, ReadinessService, Step, before_judging
from tests.services.conftest import Stack, copy_database, fill_sheet, open_stack


@pytest.fixture(scope="module")
def complete_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The complete demo: every sheet filled in and confirmed."""
    path = tmp_path_factory.mktemp("complete") / "demo.sqlite3"
    stack = open_stack(path)
    try:
        load_demo(stack.database, stack.setup, stack.accounts, stack.keys, complete=True)
    finally:
        stack.close()
    return path


@pytest.fixture
def complete(complete_template: Path, tmp_path: Path) -> Iterator[Stack]:
    path = tmp_path / "demo.sqlite3"
    copy_database(complete_template, path)
    stack = open_stack(path)
    yield stack
    stack.close()


@pytest.fixture
def sek(complete: Stack) -> Actor:
    return complete.accounts.sign_in("sekretariat", "jakbar2024")


def readiness(stack: Stack) -> ReadinessService:
    return ReadinessService(stack.results)


def tie_pkm_02_with_pkm_05(stack: Stack, actor: Actor) -> None:
    """Give PKM-02 exactly PKM-05's scores: level at places 3 and 4 of a quota of 3."""
    for judge in ("J1", "J2", "J3", "J4", "J5"):
        model = stack.scoring.sheet(actor, judge, "PKM-05")
        copy = stack.scoring.sheet(actor, judge, "PKM-02")
        for line, old in zip(model.lines, copy.lines, strict=True):
            if line.value != old.value:
                assert line.value is not None
                stack.scoring.correct(
                    actor, judge, "PKM-02", line.criterion.code, line.value, "uji"
                )


def test_the_complete_demo_has_nothing_open_and_locks_without_a_reason(
    complete: Stack, sek: Actor
) -> None:
    assert readiness(complete).before_lock(sek).items == ()
    state = complete.locking.lock(sek, "", DEMO_PASSPHRASE)
    assert state.locked and state.note == ""


def test_a_missing_sheet_blocks_the_lock_even_with_a_reason(complete: Stack, sek: Actor) -> None:
    other = complete.accounts.sign_in("sekretariat2", "jakbar2024b")
    complete.scoring.reopen(sek, "J1", "RSS-04", "juri ingin meninjau ulang")
    # A reopened sheet is a draft: it is not handed in, so it blocks like a missing one.
    items = readiness(complete).before_lock(sek)
    assert [(i.kind, i.judge, i.teams) for i in items.items] == [
        (OpenKind.DRAFT, "J1", ("RSS-04",))
    ]
    before = complete.actions()
    with pytest.raises(StateError) as refused:
        complete.locking.lock(other, "pleno selesai", DEMO_PASSPHRASE)
    assert "J1 × RSS-04" in refused.value.text.id
    assert refused.value.text.id.startswith("Hasil belum dapat dikunci")
    assert complete.actions() == before
    assert not complete.results.lock_state().locked


def test_an_abstention_with_a_reason_settles_a_sheet(stack: Stack, sek1: Actor) -> None:
    service = ReadinessService(stack.results)
    open_before = service.before_lock(sek1)
    assert open_before.count(OpenKind.MISSING) == 72  # 15 teams × 5 judges − 3 conflicts
    stack.scoring.abstain(sek1, "J4", "PKM-01", "juri berhalangan hadir")
    after = service.before_lock(sek1)
    assert after.count(OpenKind.MISSING) == 71
    assert all((i.judge, i.teams) != ("J4", ("PKM-01",)) for i in after.items)


def test_each_kind_of_open_sheet_is_listed_once(
    stack: Stack, sek1: Actor, judges: dict[str, Actor]
) -> None:
    fill_sheet(stack, judges["J1"], "J1", "PKM-01", 3)  # handed in below: unconfirmed
    stack.scoring.submit(judges["J1"], "J1", "PKM-01")
    stack.scoring.set_score(judges["J2"], "J2", "PKM-01", "K1", Decimal(3))  # a draft
    items = ReadinessService(stack.results).before_lock(sek1)
    mine = [(i.judge, i.kind) for i in items.items if i.teams == ("PKM-01",)]
    assert sorted(mine) == [
        ("J1", OpenKind.UNCONFIRMED),
        ("J2", OpenKind.DRAFT),
        ("J3", OpenKind.MISSING),
        ("J4", OpenKind.MISSING),
        ("J5", OpenKind.MISSING),
    ]
    # Conflicts of interest are never open: J3 does not score PKM-04.
    assert all((i.judge, i.teams[0]) != ("J3", "PKM-04") for i in items.items)
    assert not items.can_lock
    assert items.blocking[0].kind is OpenKind.MISSING  # the worst first, unconfirmed last
    assert items.items[-1].kind is OpenKind.UNCONFIRMED


def test_an_undecided_cut_line_tie_blocks_the_lock_until_the_jury_decides(
    complete: Stack, sek: Actor
) -> None:
    other = complete.accounts.sign_in("sekretariat2", "jakbar2024b")
    tie_pkm_02_with_pkm_05(complete, sek)
    items = readiness(complete).before_lock(sek)
    [tie] = [i for i in items.items if i.kind is OpenKind.CUT_LINE_TIE]
    assert (tie.category, tie.teams, tie.judge) == ("PKM", ("PKM-02", "PKM-05"), None)
    assert items.items[0] is tie
    assert {i.kind for i in items.items} == {OpenKind.CUT_LINE_TIE, OpenKind.UNCONFIRMED}
    for item in items.unconfirmed:  # the corrected sheets, confirmed by the other user
        assert item.judge is not None
        complete.scoring.confirm(other, item.judge, item.teams[0])
    with pytest.raises(StateError) as refused:
        complete.locking.lock(sek, "pleno juri", DEMO_PASSPHRASE)
    assert "PKM-02, PKM-05" in refused.value.text.id
    complete.results.decide_tie(sek, "PKM", ["PKM-05", "PKM-02"], reason="sidang pleno")
    assert readiness(complete).before_lock(sek).items == ()
    assert complete.locking.lock(sek, "", DEMO_PASSPHRASE).locked


def test_unconfirmed_sheets_still_lock_with_a_reason(complete: Stack, sek: Actor) -> None:
    complete.scoring.correct(sek, "J2", "RSUD-01", "K1", Decimal(2), "salah baca formulir")
    items = readiness(complete).before_lock(sek)
    assert items.can_lock and len(items.unconfirmed) == 1
    with pytest.raises(StateError):
        complete.locking.lock(sek, "", DEMO_PASSPHRASE)
    assert complete.locking.lock(sek, "dikonfirmasi setelah pleno", DEMO_PASSPHRASE).locked


def test_only_the_secretariat_reads_what_is_open(stack: Stack, judges: dict[str, Actor]) -> None:
    with pytest.raises(PermissionDeniedError):
        ReadinessService(stack.results).before_lock(judges["J1"])


# -- before judging ---------------------------------------------------------------------------
def test_an_empty_convention_lists_every_step_still_to_do() -> None:
    gaps = before_judging(ConventionSpec(ConventionInfo("Konvensi Mutu 2025")), [])
    assert {g.step for g in gaps} == set(Step)
    assert all(str(g.text) and str(g.text)[0].islower() for g in gaps)


def test_the_demo_with_its_accounts_is_ready_to_judge(complete: Stack) -> None:
    accounts = complete.accounts.accounts()
    assert before_judging(complete.setup.spec(), accounts) == ()
    without_j5 = [a for a in accounts if a.username != "j5"]
    one_secretariat = [a for a in without_j5 if a.username != "sekretariat2"]
    gaps = before_judging(complete.setup.spec(), one_secretariat)
    texts = [g.text.en for g in gaps]
    assert [g.step for g in gaps] == [Step.ACCOUNTS, Step.ACCOUNTS]
    assert "J5" in texts[0] and "only one secretariat account" in texts[1]
    unscheduled = replace(
        complete.setup.spec(),
        teams=tuple(replace(t, day=None) for t in complete.setup.spec().teams),
    )
    assert any("15 teams" in g.text.en for g in before_judging(unscheduled, accounts))
