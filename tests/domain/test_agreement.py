"""Kendall's W against hand-worked examples, and the engine's W on a block with a hole."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from juryapp.domain.agreement import average_ranks, kendalls_w
from juryapp.domain.model import Conflict
from juryapp.domain.results import compute_results
from tests.domain.builders import PKM, direct_spec, grid


def test_average_ranks_highest_first_with_ties_averaged() -> None:
    # 10 → 1; the two 8s share places 2 and 3 → 2.5 each; 5 → 4
    assert average_ranks([10, 8, 8, 5]) == [1.0, 2.5, 2.5, 4.0]
    assert average_ranks([5, 8, 10, 8]) == [4.0, 2.5, 1.0, 2.5]
    # three equal values share places 1–3 → 2
    assert average_ranks([7, 7, 7]) == [2.0, 2.0, 2.0]


def test_perfect_agreement_is_one() -> None:
    # three judges, different numbers, same order T1 > T2 > T3 > T4
    matrix = [[90, 80, 70, 60], [60, 55, 50, 10], [100, 99, 98, 97]]
    assert kendalls_w(matrix) == pytest.approx(1.0)


def test_perfect_disagreement_of_two_judges_is_zero() -> None:
    # ranks 1 2 3 and 3 2 1 → rank sums 4 4 4 = the mean 4 → S = 0 → W = 0
    assert kendalls_w([[3, 2, 1], [1, 2, 3]]) == pytest.approx(0.0)


def test_example_without_ties() -> None:
    # m = 3 judges, n = 4 teams
    #   J1 40 30 20 10 → ranks 1 2 3 4
    #   J2 30 40 20 10 → ranks 2 1 3 4
    #   J3 40 20 30 10 → ranks 1 3 2 4
    # rank sums 4 6 8 12, mean m(n+1)/2 = 7.5
    # S = 3.5² + 1.5² + 0.5² + 4.5² = 12.25 + 2.25 + 0.25 + 20.25 = 35
    # W = 12·S / (m²(n³ − n)) = 420 / (9·60) = 7/9
    matrix = [[40, 30, 20, 10], [30, 40, 20, 10], [40, 20, 30, 10]]
    assert kendalls_w(matrix) == pytest.approx(7 / 9, abs=1e-12)


def test_example_with_tied_ranks() -> None:
    # m = 3, n = 4
    #   J1 10  8  8  5 → ranks 1   2.5 2.5 4   one pair tied: t³ − t = 6
    #   J2  9  9  7  6 → ranks 1.5 1.5 3   4   one pair tied: 6
    #   J3 10  7  8  4 → ranks 1   3   2   4   no ties
    # rank sums 3.5 7 7.5 12 (total 30 = m·n(n+1)/2), mean 7.5
    # S = 4² + 0.5² + 0² + 4.5² = 16 + 0.25 + 0 + 20.25 = 36.5
    # W = 12·S / (m²(n³ − n) − m·ΣT) = 438 / (9·60 − 3·12) = 438/504 = 73/84 = 0.869048
    # (without the tie correction it would be 438/540 = 0.8111)
    matrix = [[10, 8, 8, 5], [9, 9, 7, 6], [10, 7, 8, 4]]
    assert kendalls_w(matrix) == pytest.approx(float(Fraction(73, 84)), abs=1e-12)


def test_one_judge_who_gives_everyone_the_same_total() -> None:
    # J1 5 5 5 → ranks 2 2 2, T = 3³ − 3 = 24;  J2 3 2 1 → ranks 1 2 3
    # rank sums 3 4 5, mean 4, S = 1 + 0 + 1 = 2
    # W = 24 / (4·24 − 2·24) = 24/48 = 0.5
    assert kendalls_w([[5, 5, 5], [3, 2, 1]]) == pytest.approx(0.5, abs=1e-12)


@pytest.mark.parametrize(
    "matrix",
    [
        pytest.param([], id="no-judges"),
        pytest.param([[90, 80, 70]], id="one-judge"),
        pytest.param([[90], [80]], id="one-team"),
        pytest.param([[70, 70, 70], [60, 60, 60]], id="all-level"),
    ],
)
def test_undefined_w_is_none(matrix: list[list[int]]) -> None:
    assert kendalls_w(matrix) is None


# --- the engine's per-category W ------------------------------------------------------------


def test_engine_w_on_a_block_with_a_conflict_hole() -> None:
    # J1 may not score T1, so the full block over all three teams is J2 × J3:
    #   J2 80 70 60 → ranks 1 2 3;  J3 70 80 60 → ranks 2 1 3
    #   rank sums 3 3 6, mean 4, S = 1 + 1 + 4 = 6, W = 12·6 / (4·24) = 0.75
    # J1's totals on T2 and T3 (opposite to the others) are not part of that block.
    spec = direct_spec(conflicts=[Conflict("J1", team="T1")])
    results = compute_results(
        spec, grid({"T1": (None, 80, 70), "T2": (10, 70, 80), "T3": (100, 60, 60)})
    )
    (category,) = results.categories
    assert category.code == PKM
    assert category.kendall_w == pytest.approx(0.75, abs=1e-12)
    assert (category.kendall_judges, category.kendall_teams) == (2, 3)


def test_engine_w_on_a_block_with_a_hole_and_tied_totals() -> None:
    # J1 has no sheet for T1 (missing).  Block J2 × J3 over T1 T2 T3:
    #   J2 80 80 60 → ranks 1.5 1.5 3 (T = 6);  J3 70 80 60 → ranks 2 1 3
    #   rank sums 3.5 2.5 6, mean 4, S = 0.25 + 2.25 + 4 = 6.5
    #   W = 12·6.5 / (4·24 − 2·6) = 78/84 = 13/14 = 0.928571
    spec = direct_spec()
    results = compute_results(
        spec, grid({"T1": (None, 80, 70), "T2": (0, 80, 80), "T3": (100, 60, 60)})
    )
    (category,) = results.categories
    assert category.kendall_w == pytest.approx(13 / 14, abs=1e-12)
    assert (category.kendall_judges, category.kendall_teams) == (2, 3)


def test_engine_w_on_the_largest_complete_block() -> None:
    # J1 and J2 both work at T1's institution.  Complete blocks:
    #   J3, J4 × T1–T4 (8 cells)   or   J1–J4 × T2–T4 (12 cells, the largest)
    # On the largest block every judge orders T2 > T3 > T4 → W = 1.
    # (The engine's 2 × 4 block: J3 80 70 60 50 → 1 2 3 4, J4 70 80 60 50 → 2 1 3 4;
    #  sums 3 3 6 8, mean 5, S = 4 + 4 + 1 + 9 = 18, W = 12·18/(4·60) = 0.9.)
    judges = ["J1", "J2", "J3", "J4"]
    conflicts = [Conflict("J1", team="T1"), Conflict("J2", team="T1")]
    spec = direct_spec(["T1", "T2", "T3", "T4"], judges, conflicts=conflicts)
    sheets = grid(
        {
            "T1": (None, None, 80, 70),
            "T2": (90, 90, 70, 80),
            "T3": (80, 80, 60, 60),
            "T4": (70, 70, 50, 50),
        },
        judges,
    )
    (category,) = compute_results(spec, sheets).categories
    assert (category.kendall_judges, category.kendall_teams) == (4, 3)
    assert category.kendall_w == pytest.approx(1.0)


def test_engine_w_uses_every_judge_when_nobody_is_missing() -> None:
    # the 3 × 4 no-tie example above as totals → 7/9
    spec = direct_spec(["T1", "T2", "T3", "T4"])
    sheets = grid({"T1": (40, 30, 40), "T2": (30, 40, 20), "T3": (20, 20, 30), "T4": (10, 10, 10)})
    (category,) = compute_results(spec, sheets).categories
    assert category.kendall_w == pytest.approx(7 / 9, abs=1e-12)
    assert (category.kendall_judges, category.kendall_teams) == (3, 4)


def test_engine_w_needs_two_judges() -> None:
    spec = direct_spec(judges=["J1"])
    (category,) = compute_results(spec, grid({"T1": (80,), "T2": (70,)}, ["J1"])).categories
    assert category.kendall_w is None
    assert (category.kendall_judges, category.kendall_teams) == (0, 0)


def test_engine_w_on_a_category_of_two_teams() -> None:
    spec = direct_spec(["T1", "T2"])
    (category,) = compute_results(spec, grid({"T1": (80, 90, 60), "T2": (70, 60, 50)})).categories
    assert category.kendall_w == pytest.approx(1.0)
    assert (category.kendall_judges, category.kendall_teams) == (3, 2)


def test_engine_w_drops_the_team_fewest_judges_scored_first() -> None:
    # T5, scored by three of five judges, goes first: J1–J5 × T1–T4 (20 cells) is then found,
    # larger than J1–J3 × T1–T5 (15). Dropping T1 first would never meet the larger block.
    judges = ["J1", "J2", "J3", "J4", "J5"]
    conflicts = [Conflict("J4", team="T5"), Conflict("J5", team="T5")]
    spec = direct_spec(["T1", "T2", "T3", "T4", "T5"], judges, conflicts=conflicts)
    sheets = grid(
        {
            "T1": (90, 90, 90, 90, 90),
            "T2": (80, 80, 80, 80, 80),
            "T3": (70, 70, 70, 70, 70),
            "T4": (60, 60, 60, 60, 60),
            "T5": (50, 50, 50, None, None),
        },
        judges,
    )
    (category,) = compute_results(spec, sheets).categories
    assert (category.kendall_judges, category.kendall_teams) == (5, 4)
    assert category.kendall_w == pytest.approx(1.0)


# --- properties -------------------------------------------------------------------------------

matrices = st.integers(2, 5).flatmap(
    lambda n: st.lists(st.lists(st.integers(0, 4), min_size=n, max_size=n), min_size=2, max_size=5)
)


@settings(max_examples=100, deadline=None)
@given(matrix=matrices, data=st.data())
def test_w_is_between_0_and_1_and_ignores_order(
    matrix: list[list[int]], data: st.DataObject
) -> None:
    w = kendalls_w(matrix)
    if w is None:
        return
    assert -1e-12 <= w <= 1 + 1e-12
    rows = data.draw(st.permutations(range(len(matrix))))
    cols = data.draw(st.permutations(range(len(matrix[0]))))
    shuffled = [[matrix[r][c] for c in cols] for r in rows]
    assert kendalls_w(shuffled) == pytest.approx(w, abs=1e-12)
    # an order-preserving change of one judge's numbers changes nothing
    stretched = [[3 * x + 7 for x in matrix[0]], *matrix[1:]]
    assert kendalls_w(stretched) == pytest.approx(w, abs=1e-12)


def test_two_teams_are_enough_for_agreement() -> None:
    assert kendalls_w([[80, 70], [90, 60]]) == 1.0
    assert kendalls_w([[80, 70], [60, 90]]) == 0.0
    assert kendalls_w([[80], [90]]) is None
    assert kendalls_w([[80, 70]]) is None
