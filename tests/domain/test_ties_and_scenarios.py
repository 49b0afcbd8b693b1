"""Ties broken criterion by criterion, jury decisions on exact sets, and scenarios of one judge."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from juryapp.domain.kinds import Method, TotalFormula
from juryapp.domain.messages import Text, set_language
from juryapp.domain.results import TieDecision, compute_results
from juryapp.domain.robustness import Scenario, Standing, robustness
from juryapp.domain.totals import TotalRule
from tests.domain.builders import (
    DEFAULT_CODES,
    PKM,
    criterion,
    direct_spec,
    grid,
    make_spec,
    same_sheets,
    sheet,
)


def _row(**changes: int) -> dict[str, Decimal]:
    """A sheet of 3s on every criterion but the ones named."""
    return {code: Decimal(changes.get(code, 3)) for code in DEFAULT_CODES}


# Four teams of the same total (K5 and K3 weigh 15 each, K1 10 and K8 20):
# T1 is ahead on K5; T3 is behind on K3; T2 and T4 are alike on every criterion.
LEVEL = {
    "T1": _row(K5=4, K3=2),
    "T2": _row(),
    "T3": _row(K3=1, K1=4, K8=4),
    "T4": _row(),
}


def test_a_chain_reports_each_criterion_it_used_once_and_who_stays_level() -> None:
    spec = make_spec(("T1", "T2", "T3", "T4"), quota=1)
    results = compute_results(spec, same_sheets(LEVEL))
    teams = {t.code: t for c in results.categories for t in c.teams}
    assert len({t.score for t in teams.values()}) == 1  # one total for all four
    assert {code: t.rank for code, t in teams.items()} == {"T1": 1, "T2": 2, "T4": 2, "T3": 4}
    assert {code: t.tie_broken_by for code, t in teams.items()} == {
        "T1": "K5",
        "T2": None,
        "T4": None,
        "T3": "K3",
    }
    (tie,) = results.categories[0].ties
    assert tie.resolved_by == ("K5", "K3")
    assert tie.still_tied == (("T2", "T4"),)


def test_the_same_criterion_breaking_two_places_is_reported_once() -> None:
    # K5 splits {T1, T2} from {T3, T4}; K3 then splits each pair
    rows = {
        "T1": _row(K5=5, K3=5, K8=1, K1=1),
        "T2": _row(K5=5, K8=2, K1=2),
        "T3": _row(K3=5, K8=2, K1=2),
        "T4": _row(),
    }
    spec = make_spec(tuple(rows), quota=1)
    results = compute_results(spec, same_sheets(rows))
    assert len({t.score for t in results.categories[0].teams}) == 1
    (tie,) = results.categories[0].ties
    assert tie.resolved_by == ("K5", "K3")
    assert [t.code for t in results.categories[0].teams] == ["T1", "T2", "T3", "T4"]


def test_a_decision_applies_only_to_the_exact_set_of_teams_it_names() -> None:
    spec = direct_spec(("T1", "T2", "T3"), quota=1)
    sheets = grid({"T1": (80, 80, 80), "T2": (80, 80, 80), "T3": (70, 70, 70)})
    wider = TieDecision(PKM, frozenset({"T1", "T2", "T3"}), ("T2", "T1", "T3"), reason="x")
    results = compute_results(spec, sheets, [wider])
    assert [t.rank for t in results.categories[0].teams] == [1, 1, 3]  # not this tie's set
    exact = TieDecision(PKM, frozenset({"T1", "T2"}), ("T2", "T1"), reason="presentasi")
    decided = compute_results(spec, sheets, [wider, exact])
    assert [(t.code, t.rank) for t in decided.categories[0].teams] == [
        ("T2", 1),
        ("T1", 2),
        ("T3", 3),
    ]
    # an order naming other teams than the tie is no decision on it
    wrong = TieDecision(PKM, frozenset({"T1", "T2"}), ("T2", "T3"), reason="salah")
    assert [t.rank for t in compute_results(spec, sheets, [wrong]).categories[0].teams] == [1, 1, 3]


def test_an_unknown_team_is_a_key_error_naming_it() -> None:
    results = compute_results(direct_spec(["T1"]), grid({"T1": (80, 80, 80)}))
    with pytest.raises(KeyError, match="T9"):
        results.team("T9")


JUDGES = ("J1", "J2", "J3", "J4")


def test_a_rank_that_changes_without_advancement_changing() -> None:
    # without J4, T2 and T3 swap second and third; T1 advances either way (quota 1)
    spec = direct_spec(("T1", "T2", "T3"), JUDGES, quota=1)
    sheets = grid({"T1": (90, 90, 90, 90), "T2": (70, 70, 70, 90), "T3": (75, 75, 75, 60)}, JUDGES)
    official = compute_results(spec, sheets)
    found = robustness(spec, sheets, (), official)
    assert found.judges_that_change("T2", advancement=False) == ("J4",)
    assert found.judges_that_change("T2", advancement=True) == ()
    assert found.judges_that_change("T1", advancement=False) == ()
    without_j4 = found.scenarios.index(Scenario(Method.MEAN, "J4"))
    assert found.standings["T2"][without_j4] == Standing(3, False)
    assert found.standings["T3"][without_j4] == Standing(2, False)
    assert Method.MEDIAN in found.methods_that_change("T2", advancement=False)
    assert found.methods_that_change("T2", advancement=True) == ()


def test_a_judge_left_out_is_worked_out_with_the_official_method() -> None:
    # by the median, leaving J4 out swaps T1 and T2; by the spec's own mean it would not
    spec = direct_spec(("T1", "T2"), JUDGES, quota=1)
    sheets = grid({"T1": (80, 80, 70, 50), "T2": (79, 79, 79, 100)}, JUDGES)
    official = compute_results(spec, sheets, (), Method.MEDIAN)
    found = robustness(spec, sheets, (), official)
    assert found.scenarios[len(Method) :] == tuple(
        Scenario(Method.MEDIAN, judge) for judge in JUDGES
    )
    median_without_j4 = compute_results(
        direct_spec(("T1", "T2"), JUDGES[:3], quota=1),
        [s for s in sheets if s.judge != "J4"],
        (),
        Method.MEDIAN,
    )
    without_j4 = found.scenarios.index(Scenario(Method.MEDIAN, "J4"))
    for code in ("T1", "T2"):
        expected = median_without_j4.team(code)
        assert found.standings[code][without_j4] == Standing(expected.rank, expected.advances)
    assert found.standings["T1"][without_j4] != Standing(
        official.team("T1").rank, official.team("T1").advances
    )


def test_a_text_given_to_format_follows_each_language_whatever_is_shown() -> None:
    set_language("en")
    filled = Text("{a} / {b}", "{a} / {b}").format(a=Text("satu", "one"), b="x")
    assert filled == Text("satu / x", "one / x")


def test_zscore_scores_span_the_raw_means_on_a_rubric_of_several_criteria() -> None:
    # on the default rubric a total is not the number typed (one point of K8 is 5 of 100),
    # so the raw team means the z-scores are mapped onto must be worked out as totals
    rows = {
        "T1": {"J1": _row(K8=5), "J2": _row(K8=4)},
        "T2": {"J1": _row(), "J2": _row(K1=4)},
        "T3": {"J1": _row(K8=1), "J2": _row(K8=2, K1=2)},
    }
    sheets = [sheet(j, t, row) for t, by_judge in rows.items() for j, row in by_judge.items()]
    spec = make_spec(tuple(rows), ("J1", "J2"))
    by_mean = compute_results(spec, sheets, (), Method.MEAN)
    by_z = compute_results(spec, sheets, (), Method.ZSCORE)
    means = {code: by_mean.team(code).score for code in rows}
    # all 3s make 50; a point of K8 is 5 and of K1 2.5: T1 (60 + 55)/2, T3 (40 + 42.5)/2
    assert means == {"T1": Fraction(115, 2), "T2": Fraction(205, 4), "T3": Fraction(165, 4)}
    scores = {code: by_z.team(code).score for code in rows}
    # the best and the worst z land on the highest and lowest raw means
    assert float(scores["T1"]) == pytest.approx(57.5, abs=1e-9)  # type: ignore[arg-type]
    assert float(scores["T3"]) == pytest.approx(41.25, abs=1e-9)  # type: ignore[arg-type]
    assert 41.25 < float(scores["T2"]) < 57.5  # type: ignore[arg-type]
    assert [t.code for t in by_z.categories[0].teams] == ["T1", "T2", "T3"]


def test_zscore_of_two_teams_is_not_taken_for_a_tie() -> None:
    # two teams: their mean z are +a and −a, whose sum is zero; they are far from level
    spec = make_spec(("T1", "T2"), ("J1", "J2"))
    sheets = same_sheets({"T1": _row(K8=5), "T2": _row(K8=1)}, ("J1", "J2"))
    results = compute_results(spec, sheets, (), Method.ZSCORE)
    assert results.team("T1").z == pytest.approx(-results.team("T2").z)  # type: ignore[operator]
    assert float(results.team("T1").score) == pytest.approx(60.0, abs=1e-9)  # type: ignore[arg-type]
    assert float(results.team("T2").score) == pytest.approx(40.0, abs=1e-9)  # type: ignore[arg-type]
    assert not results.team("T1").tied


def test_zscore_with_no_spread_gives_every_team_the_mean_of_the_raw_means() -> None:
    # each judge gives every team one total (J1 60, J2 40): no judge says anything about order
    spec = make_spec(("T1", "T2", "T3"), ("J1", "J2"))
    sheets = [sheet("J1", t, _row(K8=5)) for t in ("T1", "T2", "T3")]
    sheets += [sheet("J2", t, _row(K8=1)) for t in ("T1", "T2", "T3")]
    results = compute_results(spec, sheets, (), Method.ZSCORE)
    assert [t.score for t in results.categories[0].teams] == [50, 50, 50]
    assert all(t.rank == 1 and t.tied for t in results.categories[0].teams)


def test_half_points_are_totalled_exactly() -> None:
    half = criterion("K1", 100, lo=1, hi=5, step="0.5")
    assert TotalRule.build([half], TotalFormula.RANGE).total({"K1": Decimal("3.5")}) == Fraction(
        125, 2
    )
    spec = make_spec(("T1", "T2"), ("J1", "J2"), criteria=[half], tie_break=())
    sheets = [
        sheet("J1", "T1", {"K1": Decimal("3.5")}),
        sheet("J2", "T1", {"K1": Decimal("4.5")}),
        sheet("J1", "T2", {"K1": Decimal("1.5")}),
        sheet("J2", "T2", {"K1": Decimal("3.5")}),  # the same value again, for another team
    ]
    results = compute_results(spec, sheets)
    assert results.team("T1").score == 75  # (62.5 + 87.5) / 2
    assert results.team("T2").score == Fraction(75, 2)  # (12.5 + 62.5) / 2


def test_an_empty_rubric_totals_zero() -> None:
    rule = TotalRule.build((), TotalFormula.RANGE)
    assert rule.numerator({}) == 0
    assert rule.total({}) == 0


def test_a_result_carries_the_names_as_set_up_and_plain_flags_for_a_team_alone() -> None:
    spec = make_spec(("T1", "T2", "T3"), ("J1", "J2"))
    sheets = same_sheets({"T1": _row(K8=5), "T2": _row()}, ("J1", "J2"))
    results = compute_results(spec, sheets)
    category = results.categories[0]
    assert (category.name, category.name_en) == (
        spec.categories[0].name,
        spec.categories[0].name_en,
    )
    first = results.team("T1")
    assert (first.institution, first.title) == ("Institusi T1", "Inovasi T1")
    assert (first.rank, first.tied, first.tied_with, first.tie_broken_by) == (1, False, (), None)
    unscored = results.team("T3")
    assert (unscored.rank, unscored.tied_with, unscored.tie_broken_by) == (None, (), None)
