"""Confirmation by a second person: blind re-entry of paper sheets, a judge's laptop sheets."""

from __future__ import annotations

from dataclasses import fields, replace
from decimal import Decimal

import pytest

from juryapp.domain.access import Actor
from juryapp.domain.kinds import SheetSource, SheetStatus
from juryapp.domain.messages import PermissionDeniedError, StateError, Text, ValidationError
from juryapp.services.confirmation import BlindSheet, ConfirmationService
from tests.services.conftest import CRITERIA, Stack, fill_sheet

PAPER = dict(zip(CRITERIA, (4, 3, 5, 4, 4, 3, 5, 4), strict=True))


@pytest.fixture
def confirmation(stack: Stack) -> ConfirmationService:
    return ConfirmationService(stack.database, stack.scoring)


def type_paper(stack: Stack, typist: Actor, judge: str, team: str) -> None:
    for code, value in PAPER.items():
        stack.scoring.set_score(typist, judge, team, code, Decimal(value))
    stack.scoring.submit(typist, judge, team)


def again(**changed: int) -> dict[str, Decimal]:
    return {code: Decimal(changed.get(code, value)) for code, value in PAPER.items()}


def test_the_blind_form_holds_no_value_of_the_first_entry(
    stack: Stack, confirmation: ConfirmationService, sek1: Actor, sek2: Actor
) -> None:
    type_paper(stack, sek1, "J4", "PKM-02")
    form = confirmation.blind_sheet(sek2, "J4", "PKM-02")
    assert [c.code for c in form.criteria] == list(CRITERIA)
    assert {f.name for f in fields(BlindSheet)} == {
        "judge", "judge_name", "team", "institution", "criteria", "typed_by", "typed_by_me"
    }  # fmt: skip
    assert (form.typed_by, form.typed_by_me) == ("sek1", False)
    assert confirmation.blind_sheet(sek1, "J4", "PKM-02").typed_by_me


def test_an_identical_second_entry_confirms_the_sheet(
    stack: Stack, confirmation: ConfirmationService, sek1: Actor, sek2: Actor
) -> None:
    type_paper(stack, sek1, "J4", "PKM-02")
    outcome = confirmation.confirm_by_reentry(sek2, "J4", "PKM-02", again())
    assert outcome.confirmed and outcome.differences == ()
    assert outcome.sheet.status is SheetStatus.CONFIRMED
    assert outcome.sheet.confirmed_by == "sek2"
    assert stack.actions()[-1] == ("sek2", "sheet.confirm", "J4/PKM-02")


def test_differences_are_shown_side_by_side_and_change_nothing(
    stack: Stack, confirmation: ConfirmationService, sek1: Actor, sek2: Actor
) -> None:
    type_paper(stack, sek1, "J4", "PKM-02")
    outcome = confirmation.confirm_by_reentry(sek2, "J4", "PKM-02", again(K3=3, K7=4))
    assert outcome.confirmed is False
    assert [(d.criterion.code, d.first, d.second) for d in outcome.differences] == [
        ("K3", Decimal(5), Decimal(3)),
        ("K7", Decimal(5), Decimal(4)),
    ]
    stored = stack.scoring.sheet(sek1, "J4", "PKM-02")
    assert stored.status is SheetStatus.SUBMITTED
    assert [line.value for line in stored.lines] == [Decimal(v) for v in PAPER.values()]
    assert outcome.sheet == stored
    [event] = stack.events("sheet.reentry_differs")
    assert (event.actor, event.subject) == ("sek2", "J4/PKM-02")
    assert event.details == {"differing": ["K3", "K7"], "first": ["5", "5"], "second": ["3", "4"]}


def test_the_typist_cannot_confirm_by_typing_again(
    stack: Stack, confirmation: ConfirmationService, sek1: Actor
) -> None:
    type_paper(stack, sek1, "J4", "PKM-02")
    with pytest.raises(PermissionDeniedError):
        confirmation.confirm_by_reentry(sek1, "J4", "PKM-02", again())
    assert stack.scoring.sheet(sek1, "J4", "PKM-02").status is SheetStatus.SUBMITTED


def test_a_second_entry_must_be_whole_and_on_the_scale(
    stack: Stack, confirmation: ConfirmationService, sek1: Actor, sek2: Actor
) -> None:
    type_paper(stack, sek1, "J4", "PKM-02")
    partial = again()
    del partial["K8"]
    with pytest.raises(StateError) as missing:
        confirmation.confirm_by_reentry(sek2, "J4", "PKM-02", partial)
    assert missing.value.text == Text(
        "ketik ulang skor K8 juga; setiap kriteria diketik ulang",
        "type K8 again too; every criterion is typed again",
    )
    with pytest.raises(ValidationError):
        confirmation.confirm_by_reentry(sek2, "J4", "PKM-02", again(K1=9))
    assert stack.events("sheet.reentry_differs") == []


def test_laptop_sheets_are_not_typed_again(
    stack: Stack,
    confirmation: ConfirmationService,
    judges: dict[str, Actor],
    sek2: Actor,
) -> None:
    fill_sheet(stack, judges["J1"], "J1", "PKM-01", 4)
    stack.scoring.submit(judges["J1"], "J1", "PKM-01")
    laptop = Text(
        "lembar ini diisi juri di laptop; konfirmasi lembar-lembar juri itu setelah ditinjau",
        "the judge filled this sheet at a laptop; confirm that judge's sheets after review",
    )
    with pytest.raises(StateError) as form:
        confirmation.blind_sheet(sek2, "J1", "PKM-01")
    assert form.value.text == laptop
    with pytest.raises(StateError) as again_typed:
        confirmation.confirm_by_reentry(sek2, "J1", "PKM-01", again())
    assert again_typed.value.text == laptop


def test_a_judges_laptop_sheets_are_confirmed_in_one_action(
    stack: Stack,
    confirmation: ConfirmationService,
    judges: dict[str, Actor],
    sek1: Actor,
    sek2: Actor,
) -> None:
    j1 = judges["J1"]
    for team in ("PKM-01", "PKM-02", "PKM-03"):
        fill_sheet(stack, j1, "J1", team, 4)
        stack.scoring.submit(j1, "J1", team)
    stack.scoring.set_score(j1, "J1", "PKM-05", "K1", Decimal(3))  # a draft: left alone
    type_paper(stack, sek2, "J1", "PKM-06")  # paper: left for blind re-entry
    stack.scoring.correct(sek1, "J1", "PKM-03", "K2", Decimal(2), "salah input juri")
    waiting = confirmation.waiting(sek1)
    assert [(w.team, w.source, w.typed_by_me) for w in waiting] == [
        ("PKM-01", SheetSource.JUDGE, False),
        ("PKM-02", SheetSource.JUDGE, False),
        ("PKM-03", SheetSource.JUDGE, True),  # sek1 corrected it
        ("PKM-06", SheetSource.PAPER, False),
    ]
    outcome = confirmation.confirm_judge(sek1, "J1")
    assert outcome.judge == "J1"
    assert outcome.confirmed == ("PKM-01", "PKM-02")
    [(team, why)] = outcome.refused
    assert team == "PKM-03" and "sekretariat lain" in why.id
    status = {t: stack.scoring.sheet(sek1, "J1", t).status for t in ("PKM-05", "PKM-06")}
    assert status == {"PKM-05": SheetStatus.DRAFT, "PKM-06": SheetStatus.SUBMITTED}
    assert confirmation.confirm_judge(sek2, "J1").confirmed == ("PKM-03",)


def test_judges_confirm_nothing(
    stack: Stack, confirmation: ConfirmationService, judges: dict[str, Actor]
) -> None:
    for action in (
        lambda: confirmation.waiting(judges["J1"]),
        lambda: confirmation.confirm_judge(judges["J1"], "J1"),
        lambda: confirmation.blind_sheet(judges["J1"], "J1", "PKM-01"),
    ):
        with pytest.raises(PermissionDeniedError):
            action()


def test_the_blind_form_names_the_sheet_and_whether_i_typed_that_one(
    stack: Stack, confirmation: ConfirmationService, sek1: Actor, sek2: Actor
) -> None:
    # typed by sek2 first: the same judge's sheet of another team, another judge's of this team
    type_paper(stack, sek2, "J4", "PKM-01")
    type_paper(stack, sek2, "J3", "PKM-02")
    type_paper(stack, sek1, "J4", "PKM-02")
    form = confirmation.blind_sheet(sek2, "J4", "PKM-02")
    view = stack.scoring.sheet(sek2, "J4", "PKM-02")
    assert (form.judge, form.team) == ("J4", "PKM-02")
    assert (form.judge_name, form.institution) == (view.judge_name, view.institution)
    assert form.institution == "Puskesmas Kecamatan Palmerah"
    assert (form.typed_by, form.typed_by_me) == ("sek1", False)
    other = confirmation.blind_sheet(sek2, "J3", "PKM-02")
    assert (other.typed_by, other.typed_by_me) == ("sek2", True)
    stack.scoring.set_score(sek1, "J4", "PKM-03", "K1", Decimal(3))  # a paper draft
    with pytest.raises(StateError) as draft:
        confirmation.blind_sheet(sek2, "J4", "PKM-03")
    assert draft.value.text == Text(
        "hanya lembar yang sudah diserahkan yang dapat dikonfirmasi",
        "only a submitted sheet can be confirmed",
    )


def test_waiting_sheets_come_judge_by_judge_in_presentation_order(
    stack: Stack, confirmation: ConfirmationService, judges: dict[str, Actor], sek1: Actor
) -> None:
    # handed in out of order: day 2 before day 1, a later slot before an earlier one, and
    # RSS-01 (slot 4) sorts before RSUD-01 (slot 1) by its code alone
    for judge, team in (("J2", "PKM-01"), ("J1", "RSS-01"), ("J1", "RSUD-01"), ("J1", "PKM-02")):
        fill_sheet(stack, judges[judge], judge, team, 3)
        stack.scoring.submit(judges[judge], judge, team)
    assert [(w.judge, w.team) for w in confirmation.waiting(sek1)] == [
        ("J1", "PKM-02"),
        ("J1", "RSUD-01"),
        ("J1", "RSS-01"),
        ("J2", "PKM-01"),
    ]


def test_my_sheets_are_those_i_typed_corrected_or_typed_a_value_in(
    stack: Stack,
    confirmation: ConfirmationService,
    judges: dict[str, Actor],
    sek1: Actor,
    sek2: Actor,
) -> None:
    j1 = judges["J1"]
    fill_sheet(stack, j1, "J1", "PKM-01", 4)  # nobody at the desk touched it
    stack.scoring.submit(j1, "J1", "PKM-01")
    type_paper(stack, sek1, "J4", "PKM-02")  # typed by sek1, every value corrected by sek2
    for code in CRITERIA:
        stack.scoring.correct(sek2, "J4", "PKM-02", code, Decimal(2), "salah baca formulir")
    fill_sheet(stack, j1, "J1", "PKM-03", 4)  # the judge's, one value corrected by sek2
    stack.scoring.submit(j1, "J1", "PKM-03")
    stack.scoring.correct(sek2, "J1", "PKM-03", "K1", Decimal(2), "salah input juri")
    for code in CRITERIA[1:]:  # begun by sek2, one value typed by sek1
        stack.scoring.set_score(sek2, "J4", "PKM-04", code, Decimal(3))
    stack.scoring.set_score(sek1, "J4", "PKM-04", "K1", Decimal(3))
    stack.scoring.submit(sek2, "J4", "PKM-04")

    def mine(actor: Actor) -> dict[str, bool]:
        return {f"{w.judge}/{w.team}": w.typed_by_me for w in confirmation.waiting(actor)}

    assert mine(sek1) == {
        "J1/PKM-01": False,
        "J1/PKM-03": False,
        "J4/PKM-02": True,
        "J4/PKM-04": True,
    }
    assert mine(sek2) == {
        "J1/PKM-01": False,
        "J1/PKM-03": True,
        "J4/PKM-02": True,
        "J4/PKM-04": True,
    }
    assert confirmation.blind_sheet(sek1, "J4", "PKM-04").typed_by_me


def test_unscheduled_teams_wait_in_the_order_of_their_codes(
    stack: Stack, confirmation: ConfirmationService, judges: dict[str, Actor], sek1: Actor
) -> None:
    spec = stack.setup.spec()
    unscheduled = {"PKM-01", "PKM-02"}
    teams = tuple(
        replace(t, day=None, order=None, time=None) if t.code in unscheduled else t
        for t in spec.teams
    )
    stack.setup.update(sek1, replace(spec, teams=teams))
    for team in ("PKM-02", "PKM-01"):  # handed in against the order of the codes
        fill_sheet(stack, judges["J1"], "J1", team, 3)
        stack.scoring.submit(judges["J1"], "J1", team)
    assert [w.team for w in confirmation.waiting(sek1)] == ["PKM-01", "PKM-02"]
