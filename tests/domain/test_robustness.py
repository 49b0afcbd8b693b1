"""The ranking under every method and with each judge left out, beside the official one."""

from __future__ import annotations

from juryapp.domain.kinds import Method
from juryapp.domain.model import Conflict
from juryapp.domain.results import compute_results
from juryapp.domain.robustness import Scenario, robustness
from tests.domain.builders import direct_spec, grid

JUDGES = ("J1", "J2", "J3", "J4")


def test_every_method_then_each_judge_left_out() -> None:
    spec = direct_spec(("T1", "T2"), JUDGES, quota=1)
    sheets = grid({"T1": (80, 80, 80, 80), "T2": (70, 70, 70, 70)}, JUDGES)
    found = robustness(spec, sheets, (), compute_results(spec, sheets))
    assert found.scenarios == (
        *(Scenario(method) for method in Method),
        *(Scenario(Method.MEAN, judge) for judge in JUDGES),
    )
    assert all(s.rank == 1 and s.advances for s in found.standings["T1"])
    assert not found.methods_that_change("T1", advancement=False)
    assert not found.judges_that_change("T2", advancement=True)


def test_a_place_that_one_judge_decides_is_found() -> None:
    # J4 alone lifts T2 over T1: without J4, T1 advances instead
    spec = direct_spec(("T1", "T2", "T3"), JUDGES, quota=1)
    sheets = grid({"T1": (80, 80, 80, 40), "T2": (75, 75, 75, 100), "T3": (50, 50, 50, 50)}, JUDGES)
    official = compute_results(spec, sheets)
    assert official.team("T2").advances
    found = robustness(spec, sheets, (), official)
    assert found.judges_that_change("T2", advancement=True) == ("J4",)
    assert found.judges_that_change("T1", advancement=True) == ("J4",)
    assert found.judges_that_change("T3", advancement=False) == ()
    # the median (and the trimmed mean) do not let one judge decide either
    assert Method.MEDIAN in found.methods_that_change("T2", advancement=True)
    assert Method.MEAN not in found.methods_that_change("T2", advancement=True)


def test_a_judge_left_out_takes_their_conflicts_along() -> None:
    spec = direct_spec(
        ("T1", "T2"), JUDGES, quota=1, conflicts=[Conflict("J2", team="T2", reason="pembina")]
    )
    sheets = grid({"T1": (80, 60, 80, 80), "T2": (79, None, 79, 79)}, JUDGES)
    found = robustness(spec, sheets, (), compute_results(spec, sheets))
    without_j2 = found.scenarios.index(Scenario(Method.MEAN, "J2"))
    assert found.standings["T1"][without_j2].rank == 1  # 80 against 79, J2's 60 left out
    assert found.official.team("T2").rank == 1  # with J2: 75 against 79
    assert found.judges_that_change("T2", advancement=True) == ("J2",)


def test_the_other_judges_conflicts_stay_when_one_judge_is_left_out() -> None:
    # J3 scored T2 despite a conflict: that sheet never counts, with or without J2
    spec = direct_spec(
        ("T1", "T2"), JUDGES, quota=1, conflicts=[Conflict("J3", team="T2", reason="mantan kepala")]
    )
    sheets = grid({"T1": (80, 80, 80, 80), "T2": (78, 78, 100, 78)}, JUDGES)
    official = compute_results(spec, sheets)
    assert official.team("T2").score == 78
    found = robustness(spec, sheets, (), official)
    without_j2 = found.scenarios.index(Scenario(Method.MEAN, "J2"))
    assert found.standings["T1"][without_j2].rank == 1
    assert found.judges_that_change("T2", advancement=True) == ()
