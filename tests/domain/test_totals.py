"""Judge totals on 0–100 checked against totals worked out by hand from the rubric rules."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from juryapp.domain.kinds import TotalFormula
from juryapp.domain.totals import TotalRule
from tests.domain.builders import DEFAULT_CODES, criterion, default_criteria, scores, uniform

RANGE = TotalFormula.RANGE
PROPORTIONAL = TotalFormula.PROPORTIONAL

# K1 K2 K3 K4 K5 K6 K7 K8 with weights 10 10 15 10 15 10 10 20 (sum 100)
MIXED = "4 3 5 2 4 3 5 4"


def default_rule(formula: TotalFormula = RANGE) -> TotalRule:
    return TotalRule.build(default_criteria(), formula)


# --- range formula: w·(x − min)/(max − min), the lowest score is worth nothing ---------------


def test_range_all_fives_is_100() -> None:
    # Σ w·(5−1)/4 = Σ w = 100, divided by Σ w = 100, times 100 → 100
    assert default_rule().total(uniform(5)) == 100


def test_range_all_ones_is_0() -> None:
    # every (1−1)/4 is 0
    assert default_rule().total(uniform(1)) == 0


def test_range_all_threes_is_50() -> None:
    # every (3−1)/4 = 1/2 → 100 · 1/2
    assert default_rule().total(uniform(3)) == 50


def test_range_mixed_sheet() -> None:
    # K1 10·3/4 = 7.5   K2 10·2/4 = 5     K3 15·4/4 = 15   K4 10·1/4 = 2.5
    # K5 15·3/4 = 11.25 K6 10·2/4 = 5     K7 10·4/4 = 10   K8 20·3/4 = 15
    # 7.5 + 5 + 15 + 2.5 + 11.25 + 5 + 10 + 15 = 71.25 (of 100)
    total = default_rule().total(scores(MIXED))
    assert total == Fraction(7125, 100)
    assert isinstance(total, Fraction)


def test_range_criterion_values_sum_to_total() -> None:
    rule = default_rule()
    sheet = scores(MIXED)
    values = {code: rule.criterion_value(code, sheet[code]) for code in DEFAULT_CODES}
    # the "Nilai" column of the sheet, worked out above
    assert values == {
        "K1": Fraction(15, 2),
        "K2": Fraction(5),
        "K3": Fraction(15),
        "K4": Fraction(5, 2),
        "K5": Fraction(45, 4),
        "K6": Fraction(5),
        "K7": Fraction(10),
        "K8": Fraction(15),
    }
    assert sum(values.values()) == rule.total(sheet) == Fraction(285, 4)


# --- proportional formula: w·x/max, the paper forms' "bobot × skor ÷ 5" -----------------------


def test_proportional_all_ones_is_20() -> None:
    # Σ w·1/5 = 100/5 = 20
    assert default_rule(PROPORTIONAL).total(uniform(1)) == 20


def test_proportional_all_fives_is_100() -> None:
    assert default_rule(PROPORTIONAL).total(uniform(5)) == 100


def test_proportional_mixed_sheet_and_values() -> None:
    # 10·4/5 = 8, 10·3/5 = 6, 15·5/5 = 15, 10·2/5 = 4, 15·4/5 = 12, 10·3/5 = 6,
    # 10·5/5 = 10, 20·4/5 = 16 → 8 + 6 + 15 + 4 + 12 + 6 + 10 + 16 = 77
    rule = default_rule(PROPORTIONAL)
    sheet = scores(MIXED)
    assert rule.total(sheet) == 77
    assert [rule.criterion_value(c, sheet[c]) for c in DEFAULT_CODES] == [
        8, 6, 15, 4, 12, 6, 10, 16,
    ]  # fmt: skip


# --- other scales and weights -------------------------------------------------------------------


def test_half_step_scales_with_different_ranges() -> None:
    # A: weight 60 on 1–5 step 0.5; B: weight 40 on 0–10 step 0.5
    # A = 3.5 → 60·(3.5−1)/4 = 60·0.625 = 37.5
    # B = 7.5 → 40·(7.5−0)/10 = 40·0.75 = 30
    # total = (37.5 + 30)/100·100 = 67.5
    criteria = (criterion("A", 60, 1, 5, "0.5"), criterion("B", 40, 0, 10, "0.5"))
    rule = TotalRule.build(criteria, RANGE)
    sheet = {"A": Decimal("3.5"), "B": Decimal("7.5")}
    assert rule.total(sheet) == Fraction(135, 2)
    assert rule.criterion_value("A", Decimal("3.5")) == Fraction(75, 2)
    assert rule.criterion_value("B", Decimal("7.5")) == 30
    # one half-step on A is worth 60·0.5/4 = 7.5 points
    assert rule.total({"A": Decimal("4.0"), "B": Decimal("7.5")}) == 75


def test_half_step_proportional() -> None:
    # A 3.5 → 60·3.5/5 = 42; B 7.5 → 40·7.5/10 = 30; total 72
    criteria = (criterion("A", 60, 1, 5, "0.5"), criterion("B", 40, 0, 10, "0.5"))
    rule = TotalRule.build(criteria, PROPORTIONAL)
    assert rule.total({"A": Decimal("3.5"), "B": Decimal("7.5")}) == 72


def test_non_integer_weights() -> None:
    # weights 12.5, 37.5, 50 (sum 100); scores 2, 4, 5 on 1–5
    # 12.5·1/4 = 3.125; 37.5·3/4 = 28.125; 50·4/4 = 50 → 81.25
    criteria = (criterion("A", "12.5"), criterion("B", "37.5"), criterion("C", 50))
    rule = TotalRule.build(criteria, RANGE)
    sheet = {"A": Decimal(2), "B": Decimal(4), "C": Decimal(5)}
    assert rule.total(sheet) == Fraction(325, 4)
    values = [rule.criterion_value(c, sheet[c]) for c in "ABC"]
    assert values == [Fraction(25, 8), Fraction(225, 8), 50]
    assert sum(values) == rule.total(sheet)


def test_weights_that_do_not_divide_evenly_stay_exact() -> None:
    # weights 33.3, 33.3, 33.4; scores 5, 1, 1 → 33.3·4/4 / 100 · 100 = 33.3 exactly
    criteria = (criterion("A", "33.3"), criterion("B", "33.3"), criterion("C", "33.4"))
    rule = TotalRule.build(criteria, RANGE)
    assert rule.total({"A": Decimal(5), "B": Decimal(1), "C": Decimal(1)}) == Fraction(333, 10)


def test_weights_not_summing_to_100_are_normalised() -> None:
    # Σ w_c = 1 in the rule: weights 2, 3, 5 (sum 10); scores 5, 3, 1 on 1–5
    # (2·4/4 + 3·2/4 + 5·0/4) / 10 · 100 = (2 + 1.5 + 0) · 10 = 35
    criteria = (criterion("A", 2), criterion("B", 3), criterion("C", 5))
    rule = TotalRule.build(criteria, RANGE)
    assert rule.total({"A": Decimal(5), "B": Decimal(3), "C": Decimal(1)}) == 35
    fractions = (criterion("A", "0.2"), criterion("B", "0.3"), criterion("C", "0.5"))
    assert (
        TotalRule.build(fractions, RANGE).total({"A": Decimal(5), "B": Decimal(3), "C": Decimal(1)})
        == 35
    )


def test_a_third_is_kept_exact() -> None:
    # one criterion on 1–4: a 2 is (2−1)/3 = 1/3 of the range → 100/3, not 33.333…
    rule = TotalRule.build((criterion("A", 1, 1, 4),), RANGE)
    assert rule.total({"A": Decimal(2)}) == Fraction(100, 3)


def test_extra_codes_on_a_sheet_are_ignored() -> None:
    sheet = {**uniform(5), "K9": Decimal(1)}
    assert default_rule().total(sheet) == 100


# --- incomplete sheets --------------------------------------------------------------------------


@pytest.mark.parametrize("formula", [RANGE, PROPORTIONAL])
def test_incomplete_sheet_has_no_total(formula: TotalFormula) -> None:
    rule = default_rule(formula)
    sheet = scores("4 3 5 2 - 3 5 4")  # K5 not scored
    assert rule.total(sheet) is None
    assert rule.numerator(sheet) is None
    assert rule.total({}) is None


def test_numerator_over_denominator_is_the_total() -> None:
    rule = default_rule()
    sheet = scores(MIXED)
    numerator = rule.numerator(sheet)
    assert numerator is not None
    assert Fraction(100 * numerator, rule.denominator) == Fraction(285, 4)


def test_a_rubric_not_written_yet_totals_an_empty_sheet_to_nothing() -> None:
    # a convention still being set up has no criteria; its screens still show a total
    for formula in (RANGE, PROPORTIONAL):
        rule = TotalRule.build((), formula)
        assert rule.numerator({}) == 0
        assert rule.total({}) == 0
        assert rule.total({"K1": Decimal(3)}) == 0  # a score of no criterion adds nothing
