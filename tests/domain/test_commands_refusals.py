"""What each refusal of a score change says, what every command keeps, and the scale cache."""

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
from juryapp.domain.messages import JuryError, StateError, Text
from juryapp.domain.model import Criterion

JUDGE = Circumstances(by_secretariat=False, locked=False, conflict=False)
DESK = Circumstances(by_secretariat=True, locked=False, conflict=False)
LOCKED = Circumstances(by_secretariat=True, locked=True, conflict=False)
CONFLICT = Circumstances(by_secretariat=False, locked=False, conflict=True)


def criteria() -> dict[str, Criterion]:
    """New criterion objects for each test, as each database read makes."""
    return {code: Criterion(code=code, name=code, weight=Decimal(50)) for code in ("K1", "K2")}


def said(command: object, sheet: Sheet, circumstances: Circumstances) -> Text:
    with pytest.raises(JuryError) as caught:
        decide(command, sheet, criteria(), circumstances)  # type: ignore[arg-type]
    return caught.value.text


DRAFT = Sheet(SheetStatus.DRAFT, SheetSource.JUDGE, False, "", "catatan", {"K1": (Decimal(4), "")})
PAPER = Sheet(SheetStatus.DRAFT, SheetSource.PAPER)
HANDED_IN = Sheet(SheetStatus.SUBMITTED, SheetSource.JUDGE)

REFUSALS = [
    (
        SetScore("J1", "T1", "K9", Decimal(1)),
        Sheet(),
        JUDGE,
        Text("kriteria 'K9' tidak dikenal", "unknown criterion 'K9'"),
    ),
    (
        SetScore("J1", "T1", "K1", Decimal(2)),
        Sheet(),
        LOCKED,
        Text(
            "hasil sudah dikunci; nilai tidak dapat diubah",
            "the results are locked; scores cannot change",
        ),
    ),
    (
        Abstain("J1", "T1", "sakit"),
        HANDED_IN,
        LOCKED,
        Text(
            "hasil sudah dikunci; nilai tidak dapat diubah",
            "the results are locked; scores cannot change",
        ),
    ),
    (
        SetNote("J1", "T2", "x"),
        Sheet(),
        CONFLICT,
        Text(
            "juri J1 memiliki konflik kepentingan dengan T2 dan tidak menilainya",
            "judge J1 has a conflict of interest with T2 and does not score it",
        ),
    ),
    (
        SetScore("J1", "T1", "K1", Decimal(1)),
        HANDED_IN,
        DESK,
        Text(
            "lembar sudah diserahkan; perubahan hanya melalui sekretariat dengan alasan",
            "the sheet is handed in; only the secretariat can change it, with a reason",
        ),
    ),
    (
        SetNote("J1", "T1", "x"),
        DRAFT,
        DESK,
        Text(
            "juri sedang mengisi lembar ini di laptop; jangan ketik ulang dari kertas",
            "the judge is filling this sheet at a laptop; do not type it again from paper",
        ),
    ),
    (
        Submit("J1", "T1"),
        PAPER,
        JUDGE,
        Text(
            "lembar ini diisi sekretariat dari formulir kertas",
            "the secretariat is typing this sheet from a paper form",
        ),
    ),
    (
        Submit("J1", "T1"),
        Sheet(),
        JUDGE,
        Text(
            "lembar belum lengkap; belum ada skor untuk K1, K2",
            "the sheet is incomplete; no score yet for K1, K2",
        ),
    ),
    (
        Submit("J1", "T1"),
        DRAFT,
        JUDGE,
        Text(
            "lembar belum lengkap; belum ada skor untuk K2",
            "the sheet is incomplete; no score yet for K2",
        ),
    ),
]


@pytest.mark.parametrize(("command", "sheet", "circumstances", "text"), REFUSALS)
def test_each_refusal_in_both_languages(
    command: object, sheet: Sheet, circumstances: Circumstances, text: Text
) -> None:
    assert said(command, sheet, circumstances) == text


def test_a_score_keeps_everything_else_on_the_sheet() -> None:
    sheet = Sheet(SheetStatus.DRAFT, SheetSource.PAPER, True, "izin", "catatan", {})
    after = decide(SetScore("J1", "T1", "K2", Decimal(5), "baik"), sheet, criteria(), DESK)
    assert after == Sheet(
        SheetStatus.DRAFT, SheetSource.PAPER, True, "izin", "catatan", {"K2": (Decimal(5), "baik")}
    )
    # a note on a new sheet starts a draft from where it is typed, and keeps the scores
    noted = decide(SetNote("J1", "T1", "ringkas"), Sheet(), criteria(), DESK)
    assert noted == Sheet(SheetStatus.DRAFT, SheetSource.PAPER, note="ringkas")
    again = decide(SetNote("J1", "T1", "lain"), DRAFT, criteria(), JUDGE)
    assert again == Sheet(
        SheetStatus.DRAFT, SheetSource.JUDGE, False, "", "lain", {"K1": (Decimal(4), "")}
    )


def test_an_abstention_on_a_new_sheet_starts_a_draft_from_where_it_is_typed() -> None:
    at_desk = decide(Abstain("J1", "T1", "sakit"), Sheet(), criteria(), DESK)
    assert at_desk == Sheet(SheetStatus.DRAFT, SheetSource.PAPER, True, "sakit")
    at_laptop = decide(Abstain("J1", "T1", "sakit"), Sheet(), criteria(), JUDGE)
    assert at_laptop.source is SheetSource.JUDGE and at_laptop.status is SheetStatus.DRAFT
    # a conflict of interest does not stop recording why a judge did not score
    assert decide(Abstain("J1", "T1", "izin"), Sheet(), criteria(), CONFLICT).abstained


def test_a_submitted_sheet_keeps_its_scores_note_and_source() -> None:
    full = Sheet(
        SheetStatus.DRAFT,
        SheetSource.PAPER,
        False,
        "",
        "n",
        {"K1": (Decimal(1), ""), "K2": (Decimal(5), "x")},
    )
    assert decide(Submit("J1", "T1"), full, criteria(), DESK) == Sheet(
        SheetStatus.SUBMITTED, SheetSource.PAPER, False, "", "n", full.scores
    )


class CountingCriterion(Criterion):
    """A criterion that counts how often a score is checked against its scale."""

    def check_score(self, value: Decimal) -> None:
        CHECKED.append((self.code, value))
        super().check_score(value)


CHECKED: list[tuple[str, Decimal]] = []


def test_a_value_is_checked_against_a_scale_once_and_a_bad_one_every_time() -> None:
    CHECKED.clear()
    counted = {"K1": CountingCriterion(code="K1", name="K1", weight=Decimal(100))}
    sheet = Sheet()
    for value in (3, 3, 4, 3, 4):
        sheet = decide(SetScore("J1", "T1", "K1", Decimal(value)), sheet, counted, JUDGE)
    assert [("K1", Decimal(3)), ("K1", Decimal(4))] == CHECKED
    for _ in range(2):
        with pytest.raises(JuryError):
            decide(SetScore("J1", "T1", "K1", Decimal(9)), sheet, counted, JUDGE)
        with pytest.raises(JuryError):
            decide(SetScore("J1", "T1", "K1", Decimal("NaN")), sheet, counted, JUDGE)
    assert [(code, str(value)) for code, value in CHECKED[2:]] == [("K1", "9"), ("K1", "NaN")] * 2
    # another criterion object (another read of the rubric) is checked on its own
    other = {"K1": CountingCriterion(code="K1", name="K1", weight=Decimal(100))}
    decide(SetScore("J1", "T1", "K1", Decimal(3)), Sheet(), other, JUDGE)
    assert CHECKED[-1] == ("K1", Decimal(3)) and len(CHECKED) == 7


def test_a_criterion_with_another_scale_does_not_answer_from_the_cache() -> None:
    narrow = Criterion(code="K1", name="K1", weight=Decimal(100), scale_max=Decimal(3))
    wide = Criterion(code="K1", name="K1", weight=Decimal(100), scale_max=Decimal(9))
    decide(SetScore("J1", "T1", "K1", Decimal(8)), Sheet(), {"K1": wide}, JUDGE)
    with pytest.raises(JuryError):
        decide(SetScore("J1", "T1", "K1", Decimal(8)), Sheet(), {"K1": narrow}, JUDGE)


def test_submitting_twice_is_refused_as_handed_in() -> None:
    with pytest.raises(StateError):
        decide(Submit("J1", "T1"), HANDED_IN, criteria(), JUDGE)
