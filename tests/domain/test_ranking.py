"""The engine's ranking and advancement against hand-worked categories: places, ties, quotas."""

from __future__ import annotations

from decimal import Decimal

import pytest

from juryapp.domain.model import Category
from juryapp.domain.results import (
    SheetInput,
    TieDecision,
    compute_results,
)
from tests.domain.builders import (
    PKM,
    RS,
    advancing,
    category,
    direct_spec,
    grid,
    make_spec,
    order,
    ranks,
    same_sheets,
    sheet,
    team,
    uniform,
    varied,
)

# === ranking ==================================================================================


def test_competition_ranking_one_two_two_four() -> None:
    spec = direct_spec(["T1", "T2", "T3", "T4"], ["J1"])
    results = compute_results(
        spec, grid({"T1": (90,), "T2": (80,), "T3": (80,), "T4": (70,)}, ["J1"])
    )
    assert ranks(results) == {"T1": 1, "T2": 2, "T3": 2, "T4": 4}
    assert order(results) == ["T1", "T2", "T3", "T4"]
    t2, t3 = results.team("T2"), results.team("T3")
    assert (t2.tied, t2.tied_with, t3.tied, t3.tied_with) == (True, ("T3",), True, ("T2",))
    assert results.team("T1").tied is False
    assert results.team("T4").tied is False
    (tie,) = category(results).ties
    assert tie.teams == ("T2", "T3")
    assert tie.still_tied == (("T2", "T3"),)


def test_categories_are_ranked_separately() -> None:
    teams = [team("T1"), team("T2"), team("H1", RS), team("H2", RS)]
    spec = direct_spec(teams, ["J1"])
    results = compute_results(
        spec, grid({"T1": (60,), "T2": (50,), "H1": (90,), "H2": (95,)}, ["J1"])
    )
    assert ranks(results, PKM) == {"T1": 1, "T2": 2}
    assert ranks(results, RS) == {"H2": 1, "H1": 2}


# The chain K5 → K3 → K8 on the default rubric, one value per step:
#   K1, K2, K4, K6, K7 (weight 10): 10/4 = 2.5 points;  K3, K5 (15): 3.75;  K8 (20): 5.
# All 3s is 50 points.


def test_tie_broken_by_k5_first() -> None:
    # T1: K5 5 (+7.5), K3 1 (−7.5) → 50;  T2: all 3 → 50.
    # K5 means 5 > 3 → T1 first, although T2 would win on K3.
    spec = make_spec(["T1", "T2"])
    sheets = same_sheets({"T1": varied(3, K5=5, K3=1), "T2": uniform(3)})
    results = compute_results(spec, sheets)
    assert results.team("T1").score == results.team("T2").score == 50
    assert ranks(results) == {"T1": 1, "T2": 2}
    for code in ("T1", "T2"):
        assert results.team(code).tied is False
        assert results.team(code).tie_broken_by == "K5"
    (tie,) = category(results).ties
    assert (tie.teams, tie.resolved_by, tie.still_tied, tie.decision) == (
        ("T1", "T2"), ("K5",), (), None,
    )  # fmt: skip


def test_tie_broken_by_k3_when_k5_is_equal() -> None:
    # T2: K3 5 (+7.5), K1 2 (−2.5), K8 2 (−5) → 50;  T1: all 3 → 50.
    # K5 equal (3 = 3); K3 5 > 3 → T2 first, although T1 would win on K8.
    spec = make_spec(["T1", "T2"])
    sheets = same_sheets({"T1": uniform(3), "T2": varied(3, K3=5, K1=2, K8=2)})
    results = compute_results(spec, sheets)
    assert results.team("T2").score == 50
    assert ranks(results) == {"T2": 1, "T1": 2}
    assert results.team("T1").tie_broken_by == "K3"
    (tie,) = category(results).ties
    assert tie.resolved_by == ("K3",)


def test_chain_compares_means_over_the_judges() -> None:
    # T1: J1 K5 5 & K3 1, J2 K5 3 & K3 3 → K5 mean 4, K3 mean 2, totals 50 and 50.
    # T2: J1 and J2 K5 4 & K3 2 → K5 mean 4, K3 mean 2, totals 50.  Equal on K5 and K3.
    # K8 decides: T1 has K8 3; T2 has K8 4 and K1 1 (+5 − 5 = 0) → T2 first on K8.
    spec = make_spec(["T1", "T2"], ["J1", "J2"])
    t2 = varied(3, K5=4, K3=2, K8=4, K1=1)
    sheets = [
        sheet("J1", "T1", varied(3, K5=5, K3=1)),
        sheet("J2", "T1", uniform(3)),
        sheet("J1", "T2", t2),
        sheet("J2", "T2", t2),
    ]
    results = compute_results(spec, sheets)
    assert results.team("T1").score == results.team("T2").score == 50
    assert results.team("T1").criterion_means["K5"] == 4
    assert ranks(results) == {"T2": 1, "T1": 2}
    assert results.team("T2").tie_broken_by == "K8"


def tie_through_the_chain() -> list[SheetInput]:
    """T1 and T2: 50 each, equal on K5, K3 and K8 (they differ only on K1/K2); T3 all 2 → 25."""
    return same_sheets({"T1": varied(3, K1=4, K2=2), "T2": varied(3, K1=2, K2=4), "T3": uniform(2)})


def test_tie_surviving_the_chain_shares_the_rank() -> None:
    sheets = tie_through_the_chain()
    results = compute_results(make_spec(), sheets)
    assert ranks(results) == {"T1": 1, "T2": 1, "T3": 3}
    t1, t2 = results.team("T1"), results.team("T2")
    assert (t1.tied, t1.tied_with, t1.tie_broken_by) == (True, ("T2",), None)
    assert (t2.tied, t2.tied_with, t2.tie_broken_by) == (True, ("T1",), None)
    (tie,) = category(results).ties
    assert tie.teams == ("T1", "T2")
    assert tie.resolved_by == ()
    assert tie.still_tied == (("T1", "T2"),)
    assert tie.decision is None


def test_three_way_tie_partly_broken() -> None:
    # T1 K5 4 & K3 2 → 50; T2 and T3 as in the unbreakable pair → 50
    per_team = {
        "T1": varied(3, K5=4, K3=2),
        "T2": varied(3, K1=4, K2=2),
        "T3": varied(3, K1=2, K2=4),
    }
    results = compute_results(make_spec(), same_sheets(per_team))
    assert ranks(results) == {"T1": 1, "T2": 2, "T3": 2}
    assert results.team("T1").tied is False
    assert results.team("T2").tied_with == ("T3",)
    (tie,) = category(results).ties
    assert tie.teams == ("T1", "T2", "T3")
    assert tie.resolved_by == ("K5",)
    assert tie.still_tied == (("T2", "T3"),)


def test_jury_decision_orders_a_surviving_tie() -> None:
    sheets = tie_through_the_chain()
    decision = TieDecision(PKM, frozenset({"T1", "T2"}), ("T2", "T1"), reason="pleno")
    results = compute_results(make_spec(), sheets, [decision])
    assert ranks(results) == {"T2": 1, "T1": 2, "T3": 3}
    for code in ("T1", "T2"):
        assert results.team(code).tied is False
        assert results.team(code).tie_broken_by == "jury"
    (tie,) = category(results).ties
    assert (tie.resolved_by, tie.still_tied, tie.decision) == (("jury",), (), decision)


def test_latest_decision_on_the_same_teams_wins() -> None:
    sheets = tie_through_the_chain()
    first = TieDecision(PKM, frozenset({"T1", "T2"}), ("T2", "T1"))
    second = TieDecision(PKM, frozenset({"T1", "T2"}), ("T1", "T2"))
    results = compute_results(make_spec(), sheets, [first, second])
    assert ranks(results) == {"T1": 1, "T2": 2, "T3": 3}


@pytest.mark.parametrize(
    "decision",
    [
        pytest.param(TieDecision(PKM, frozenset({"T1", "T3"}), ("T1", "T3")), id="other-teams"),
        pytest.param(
            TieDecision(PKM, frozenset({"T1", "T2", "T3"}), ("T2", "T1", "T3")), id="superset"
        ),
        pytest.param(TieDecision(RS, frozenset({"T1", "T2"}), ("T2", "T1")), id="other-category"),
    ],
)
def test_decision_on_a_different_tie_does_not_apply(decision: TieDecision) -> None:
    sheets = tie_through_the_chain()
    results = compute_results(make_spec(), sheets, [decision])
    assert ranks(results) == {"T1": 1, "T2": 1, "T3": 3}
    assert results.team("T1").tie_broken_by is None
    (tie,) = category(results).ties
    assert tie.decision is None
    assert tie.still_tied == (("T1", "T2"),)


def test_decision_does_not_override_the_chain() -> None:
    # K5 already puts T1 ahead; a recorded decision for T2 is not used
    sheets = same_sheets({"T1": varied(3, K5=5, K3=1), "T2": uniform(3)})
    decision = TieDecision(PKM, frozenset({"T1", "T2"}), ("T2", "T1"))
    results = compute_results(make_spec(["T1", "T2"]), sheets, [decision])
    assert ranks(results) == {"T1": 1, "T2": 2}
    assert results.team("T2").tie_broken_by == "K5"


def test_shared_decision_keeps_them_level() -> None:
    sheets = tie_through_the_chain()
    decision = TieDecision(PKM, frozenset({"T1", "T2"}), (), shared=True, reason="juara kembar")
    results = compute_results(make_spec(), sheets, [decision])
    assert ranks(results) == {"T1": 1, "T2": 1, "T3": 3}
    for code, other in (("T1", "T2"), ("T2", "T1")):
        result = results.team(code)
        assert (result.tied, result.tied_with, result.tie_broken_by) == (True, (other,), "jury")
    (tie,) = category(results).ties
    assert (tie.resolved_by, tie.still_tied, tie.decision) == (
        ("jury",), (("T1", "T2"),), decision,
    )  # fmt: skip


# === advancement ==============================================================================

# Five Puskesmas, two judges handing in the same sheets, quota 3:
#   T1 all 5 → 100, T2 all 4 → 75, T3 and T4 → 50 each, T5 all 1 → 0


def cut_line(t3: dict[str, Decimal], t4: dict[str, Decimal]) -> list[SheetInput]:
    per_team = {"T1": uniform(5), "T2": uniform(4), "T3": t3, "T4": t4, "T5": uniform(1)}
    return same_sheets(per_team, ["J1", "J2"])


FIVE = ["T1", "T2", "T3", "T4", "T5"]


def test_tie_across_the_cut_line_is_flagged_not_resolved() -> None:
    # T3 K1 4/K2 2, T4 K1 2/K2 4: equal on 50 and on K5, K3, K8 → ranks 1 2 3 3 5
    sheets = cut_line(varied(3, K1=4, K2=2), varied(3, K1=2, K2=4))
    results = compute_results(make_spec(FIVE, ["J1", "J2"], quota=3), sheets)
    assert ranks(results) == {"T1": 1, "T2": 2, "T3": 3, "T4": 3, "T5": 5}
    assert advancing(results) == {"T1", "T2"}
    for code in ("T3", "T4"):
        assert results.team(code).advances is False
        assert results.team(code).cut_line_tie is True
    assert results.team("T5").cut_line_tie is False
    assert results.team("T1").cut_line_tie is False
    assert category(results).cut_line_tie is True
    (tie,) = category(results).ties
    assert tie.teams == ("T3", "T4")
    assert tie.crosses_cut_line is True
    assert tie.still_tied == (("T3", "T4"),)


def test_same_tie_resolved_by_k5_lets_exactly_three_advance() -> None:
    # T3: K5 4 (+3.75), K3 2 (−3.75) → 50; T4 all 3 → 50; K5 4 > 3 → T3 3rd, T4 4th
    sheets = cut_line(varied(3, K5=4, K3=2), uniform(3))
    results = compute_results(make_spec(FIVE, ["J1", "J2"], quota=3), sheets)
    assert ranks(results) == {"T1": 1, "T2": 2, "T3": 3, "T4": 4, "T5": 5}
    assert advancing(results) == {"T1", "T2", "T3"}
    assert not any(t.cut_line_tie for t in category(results).teams)
    assert category(results).cut_line_tie is False
    (tie,) = category(results).ties
    assert tie.resolved_by == ("K5",)
    assert tie.still_tied == ()


def test_cut_line_tie_ordered_by_the_jury() -> None:
    sheets = cut_line(varied(3, K1=4, K2=2), varied(3, K1=2, K2=4))
    decision = TieDecision(PKM, frozenset({"T3", "T4"}), ("T4", "T3"))
    results = compute_results(make_spec(FIVE, ["J1", "J2"]), sheets, [decision])
    assert ranks(results) == {"T1": 1, "T2": 2, "T4": 3, "T3": 4, "T5": 5}
    assert advancing(results) == {"T1", "T2", "T4"}
    assert category(results).cut_line_tie is False


def test_cut_line_tie_shared_by_the_jury_lets_both_advance() -> None:
    sheets = cut_line(varied(3, K1=4, K2=2), varied(3, K1=2, K2=4))
    decision = TieDecision(PKM, frozenset({"T3", "T4"}), (), shared=True)
    results = compute_results(make_spec(FIVE, ["J1", "J2"]), sheets, [decision])
    assert ranks(results) == {"T1": 1, "T2": 2, "T3": 3, "T4": 3, "T5": 5}
    assert advancing(results) == {"T1", "T2", "T3", "T4"}  # four for a quota of three
    assert category(results).cut_line_tie is False


def test_tie_inside_the_quota_advances_both() -> None:
    # T2: all 4 but K1 5, K2 3 → 75; T3: all 4 but K1 3, K2 5 → 75; T4 all 3 → 50
    sheets = same_sheets(
        {
            "T1": uniform(5),
            "T2": varied(4, K1=5, K2=3),
            "T3": varied(4, K1=3, K2=5),
            "T4": uniform(3),
            "T5": uniform(1),
        },
        ["J1", "J2"],
    )
    results = compute_results(make_spec(FIVE, ["J1", "J2"], quota=3), sheets)
    assert ranks(results) == {"T1": 1, "T2": 2, "T3": 2, "T4": 4, "T5": 5}
    assert advancing(results) == {"T1", "T2", "T3"}
    assert not any(t.cut_line_tie for t in category(results).teams)
    (tie,) = category(results).ties
    assert tie.crosses_cut_line is False


def test_tie_just_below_the_quota_neither_advances_nor_flags() -> None:
    # ranks 1 2 3 4 4 with quota 3: the tie is for 4th, outside the quota
    spec = direct_spec(FIVE, ["J1"], quota=3)
    sheets = grid({"T1": (90,), "T2": (80,), "T3": (70,), "T4": (60,), "T5": (60,)}, ["J1"])
    results = compute_results(spec, sheets)
    assert advancing(results) == {"T1", "T2", "T3"}
    assert category(results).cut_line_tie is False
    (tie,) = category(results).ties
    assert tie.crosses_cut_line is False


def test_quota_larger_than_the_number_of_teams() -> None:
    spec = direct_spec(["T1", "T2", "T3"], ["J1"], quota=5)
    results = compute_results(spec, grid({"T1": (70,), "T2": (70,), "T3": (10,)}, ["J1"]))
    assert ranks(results) == {"T1": 1, "T2": 1, "T3": 3}
    assert advancing(results) == {"T1", "T2", "T3"}
    assert category(results).cut_line_tie is False


def test_quota_of_one_with_a_tie_at_the_top() -> None:
    # the private hospitals' single place: a tie for 1st blocks the place until decided
    categories = [Category(PKM, "Puskesmas", 3), Category(RS, "Rumah Sakit Swasta", 1)]
    teams = [team("H1", RS), team("H2", RS), team("H3", RS)]
    spec = direct_spec(teams, ["J1", "J2"], categories=categories)
    results = compute_results(
        spec, grid({"H1": (80, 70), "H2": (70, 80), "H3": (90, 10)}, ["J1", "J2"])
    )
    # H1 = H2 = 75, H3 = 50
    assert ranks(results, RS) == {"H1": 1, "H2": 1, "H3": 3}
    assert advancing(results, RS) == set()
    assert category(results, RS).cut_line_tie is True
    assert category(results, RS).quota == 1
