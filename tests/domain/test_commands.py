"""The one handler of score changes: what each command does to a sheet, and what it refuses."""

from __future__ import annotations

from decimal import Decimal

import pytest

from juryapp.domain.commands import (
    Abstain,
    Circumstances,
    SetNote,
    SetScore,
    Sheet,
    Submit,
    decide,
)
from juryapp.domain.kinds import SheetSource, SheetStatus
from juryapp.domain.messages import (
    NotFoundError,
    PermissionDeniedError,
    StateError,
    ValidationError,
)
from juryapp.domain.model import Criterion

CRITERIA = {code: Criterion(code=code, name=code, weight=Decimal(50)) for code in ("K1", "K2")}
JUDGE = Circumstances(by_secretariat=False, locked=False, conflict=False)
DESK = Circumstances(by_secretariat=True, locked=False, conflict=False)


def test_a_first_score_starts_a_draft_from_where_it_is_typed() -> None:
    at_laptop = decide(SetScore("J1", "T1", "K1", Decimal(4)), Sheet(), CRITERIA, JUDGE)
    assert at_laptop.status is SheetStatus.DRAFT
    assert at_laptop.source is SheetSource.JUDGE
    assert at_laptop.scores == {"K1": (Decimal(4), "")}
    on_paper = decide(SetScore("J1", "T1", "K1", Decimal(4)), Sheet(), CRITERIA, DESK)
    assert on_paper.source is SheetSource.PAPER


def test_a_note_of_none_keeps_the_note_and_a_clear_keeps_the_row() -> None:
    sheet = decide(SetScore("J1", "T1", "K1", Decimal(4), "jelas"), Sheet(), CRITERIA, JUDGE)
    kept = decide(SetScore("J1", "T1", "K1", Decimal(5)), sheet, CRITERIA, JUDGE)
    assert kept.scores["K1"] == (Decimal(5), "jelas")
    cleared = decide(SetScore("J1", "T1", "K1", None), kept, CRITERIA, JUDGE)
    assert cleared.scores["K1"] == (None, "jelas")
    assert sheet.scores["K1"] == (Decimal(4), "jelas")  # the sheet given is not changed


def test_submit_needs_every_criterion_and_then_closes_the_sheet() -> None:
    one = decide(SetScore("J1", "T1", "K1", Decimal(4)), Sheet(), CRITERIA, JUDGE)
    with pytest.raises(StateError, match="K2"):
        decide(Submit("J1", "T1"), one, CRITERIA, JUDGE)
    both = decide(SetScore("J1", "T1", "K2", Decimal(3)), one, CRITERIA, JUDGE)
    handed_in = decide(Submit("J1", "T1"), both, CRITERIA, JUDGE)
    assert handed_in.status is SheetStatus.SUBMITTED
    for command in (SetScore("J1", "T1", "K1", Decimal(1)), SetNote("J1", "T1", "x")):
        with pytest.raises(StateError):
            decide(command, handed_in, CRITERIA, JUDGE)


@pytest.mark.parametrize(
    ("command", "circumstances", "error"),
    [
        (SetScore("J1", "T1", "K9", Decimal(1)), JUDGE, NotFoundError),
        (SetScore("J1", "T1", "K1", Decimal(6)), JUDGE, ValidationError),
        (SetScore("J1", "T1", "K1", Decimal("2.5")), JUDGE, ValidationError),
        (SetScore("J1", "T1", "K1", Decimal(2)), Circumstances(False, True, False), StateError),
        (SetNote("J1", "T1", "x"), Circumstances(False, False, True), PermissionDeniedError),
        (Abstain("J1", "T1", "sakit"), Circumstances(True, True, False), StateError),
    ],
)
def test_refusals(command: object, circumstances: Circumstances, error: type[Exception]) -> None:
    with pytest.raises(error):
        decide(command, Sheet(), CRITERIA, circumstances)  # type: ignore[arg-type]


def test_a_sheet_is_changed_only_from_where_it_is_typed() -> None:
    paper = decide(SetScore("J1", "T1", "K1", Decimal(4)), Sheet(), CRITERIA, DESK)
    with pytest.raises(StateError, match="kertas"):
        decide(SetScore("J1", "T1", "K1", Decimal(3)), paper, CRITERIA, JUDGE)
    laptop = decide(SetScore("J1", "T1", "K1", Decimal(4)), Sheet(), CRITERIA, JUDGE)
    with pytest.raises(StateError, match="laptop"):
        decide(SetScore("J1", "T1", "K1", Decimal(3)), laptop, CRITERIA, DESK)


def test_an_abstention_is_recorded_on_any_sheet_and_withdrawn_by_an_empty_reason() -> None:
    laptop = decide(SetScore("J1", "T1", "K1", Decimal(4)), Sheet(), CRITERIA, JUDGE)
    handed_in = decide(
        Submit("J1", "T1"),
        decide(SetScore("J1", "T1", "K2", Decimal(4)), laptop, CRITERIA, JUDGE),
        CRITERIA,
        JUDGE,
    )
    abstained = decide(Abstain("J1", "T1", "  sakit "), handed_in, CRITERIA, DESK)
    assert (abstained.abstained, abstained.reason) == (True, "sakit")
    assert abstained.status is SheetStatus.SUBMITTED
    withdrawn = decide(Abstain("J1", "T1", " "), abstained, CRITERIA, DESK)
    assert (withdrawn.abstained, withdrawn.reason) == (False, "")
