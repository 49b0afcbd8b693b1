"""The scoring engine against hand-worked conventions: methods, who counts, flags."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest

from juryapp.domain.kinds import Method, SheetStatus
from juryapp.domain.model import Category, Conflict
from juryapp.domain.results import (
    MarkStatus,
    SheetInput,
    compute_results,
)
from tests.domain.builders import (
    PKM,
    RS,
    advancing,
    category,
    criterion,
    direct,
    direct_spec,
    grid,
    make_spec,
    mark,
    order,
    ranks,
    sheet,
    team,
    uniform,
)


def test_each_row_carries_its_team_and_each_category_its_names() -> None:
    # the documents print these straight from the results
    spec = direct_spec(
        [team("T1", institution="Puskesmas Kebon Jeruk"), team("T2", RS), "T3"],
        categories=[
            Category(PKM, "Puskesmas", 3, "Community health centres"),
            Category(RS, "Rumah Sakit", 1, "Hospitals"),
        ],
    )
    results = compute_results(spec, grid({"T1": (80, 70, 71), "T2": (60, 60, 90)}))
    one, two = results.team("T1"), results.team("T2")
    assert (one.institution, one.title, one.category) == (
        "Puskesmas Kebon Jeruk",
        "Inovasi T1",
        PKM,
    )
    assert (two.institution, two.title, two.category) == ("Institusi T2", "Inovasi T2", RS)
    assert [(c.code, c.name, c.name_en, c.quota) for c in results.categories] == [
        (PKM, "Puskesmas", "Community health centres", 3),
        (RS, "Rumah Sakit", "Hospitals", 1),
    ]


def test_a_team_alone_on_its_score_and_a_team_without_scores_have_no_tie() -> None:
    spec = direct_spec(["T1", "T2", "T3"])
    results = compute_results(spec, grid({"T1": (80, 70, 71), "T2": (60, 60, 90)}))
    for code in ("T1", "T2", "T3"):
        found = results.team(code)
        assert (found.tied, found.tied_with, found.tie_broken_by) == (False, (), None), code
    assert results.team("T3").rank is None and results.team("T3").score is None


# === team score by method ======================================================================


def test_mean_of_the_judges_is_exact() -> None:
    # T1: (80 + 70 + 71)/3 = 221/3 = 73.666…   T2: (60 + 60 + 90)/3 = 70
    results = compute_results(direct_spec(), grid({"T1": (80, 70, 71), "T2": (60, 60, 90)}))
    assert results.team("T1").score == Fraction(221, 3)
    assert results.team("T2").score == 70
    assert results.method is Method.MEAN


def test_mean_on_the_default_rubric() -> None:
    # J1 all 5 → 100, J2 all 3 → 50, J3 all 4 → 75: (100 + 50 + 75)/3 = 75
    sheets = [
        sheet("J1", "T1", uniform(5)),
        sheet("J2", "T1", uniform(3)),
        sheet("J3", "T1", uniform(4)),
    ]
    result = compute_results(make_spec(["T1"]), sheets).team("T1")
    assert result.score == 75
    assert [m.total for m in result.marks] == [100, 50, 75]
    # criterion means: K1 (5 + 3 + 4)/3 = 4 on every criterion
    assert result.criterion_means == dict.fromkeys(result.criterion_means, Fraction(4))
    assert len(result.criterion_means) == 8


def test_half_points_count_as_typed() -> None:
    # one criterion on 0–10 in steps of 0.5 (weight 100): the total is 10·x
    criteria = [criterion("A", 100, lo=0, hi=10, step="0.5")]
    spec = make_spec(["T1"], criteria=criteria)
    typed = {"J1": "7.5", "J2": "8", "J3": "6.5"}
    sheets = [sheet(judge, "T1", {"A": Decimal(value)}) for judge, value in typed.items()]
    result = compute_results(spec, sheets).team("T1")
    assert [m.total for m in result.marks] == [75, 80, 65]
    assert result.score == Fraction(220, 3)
    assert result.criterion_means == {"A": Fraction(22, 3)}


def test_trimmed_mean_with_four_judges_drops_one_each_end() -> None:
    # 60 70 80 95 → drop 60 and 95 → (70 + 80)/2 = 75   (plain mean would be 305/4 = 76.25)
    spec = direct_spec(["T1"], ["J1", "J2", "J3", "J4"], method=Method.TRIMMED, trim=1)
    sheets = grid({"T1": (95, 60, 80, 70)}, ["J1", "J2", "J3", "J4"])
    result = compute_results(spec, sheets).team("T1")
    assert result.score == 75
    assert result.trimmed_fallback is False
    assert compute_results(spec, sheets, method=Method.MEAN).team("T1").score == Fraction(305, 4)


@pytest.mark.parametrize(
    ("trim", "expected"),
    [
        # 40 62 70 81 90 99, k=1 → 62 70 81 90 → 303/4 = 75.75
        (1, Fraction(303, 4)),
        # k=2 → 70 81 → 151/2 = 75.5
        (2, Fraction(151, 2)),
    ],
)
def test_trimmed_mean_with_six_judges(trim: int, expected: Fraction) -> None:
    judges = ["J1", "J2", "J3", "J4", "J5", "J6"]
    spec = direct_spec(["T1"], judges, method=Method.TRIMMED, trim=trim)
    sheets = grid({"T1": (81, 40, 99, 70, 62, 90)}, judges)
    result = compute_results(spec, sheets).team("T1")
    assert result.score == expected
    assert result.trimmed_fallback is False


def test_trimming_none_is_the_plain_mean_and_no_fallback() -> None:
    # k = 0 drops nobody: nothing had to fall back, whatever the number of judges
    spec = direct_spec(["T1", "T2"], method=Method.TRIMMED, trim=0)
    results = compute_results(spec, grid({"T1": (60, 80, 91), "T2": (70, None, None)}))
    assert results.team("T1").score == 77
    assert results.team("T2").score == 70
    assert results.team("T1").trimmed_fallback is False
    assert results.team("T2").trimmed_fallback is False


def test_trimmed_mean_falls_back_to_the_mean_when_too_few_judges() -> None:
    # T1 has 2 judges, k=1 would leave none: plain mean (60 + 80)/2 = 70, flagged
    # T2 has 4 judges: 50 60 70 100 → (60 + 70)/2 = 65, not flagged
    judges = ["J1", "J2", "J3", "J4"]
    spec = direct_spec(["T1", "T2"], judges, method=Method.TRIMMED, trim=1)
    sheets = grid({"T1": (60, 80, None, None), "T2": (100, 50, 70, 60)}, judges)
    results = compute_results(spec, sheets)
    assert results.team("T1").score == 70
    assert results.team("T1").trimmed_fallback is True
    assert results.team("T2").score == 65
    assert results.team("T2").trimmed_fallback is False


def test_trimmed_k2_with_four_judges_falls_back() -> None:
    # 4 − 2·2 = 0 judges would be left: mean (95 + 60 + 80 + 70)/4 = 305/4
    judges = ["J1", "J2", "J3", "J4"]
    spec = direct_spec(["T1"], judges, method=Method.TRIMMED, trim=2)
    result = compute_results(spec, grid({"T1": (95, 60, 80, 70)}, judges)).team("T1")
    assert result.score == Fraction(305, 4)
    assert result.trimmed_fallback is True


def test_trimmed_k1_with_three_judges_keeps_the_middle_one() -> None:
    # 60 70 90 → drop 60 and 90 → 70 (one judge is left, so no fallback)
    spec = direct_spec(["T1"], method=Method.TRIMMED, trim=1)
    result = compute_results(spec, grid({"T1": (60, 90, 70)})).team("T1")
    assert result.score == 70
    assert result.trimmed_fallback is False


def test_trimming_only_counts_judges_who_scored() -> None:
    # J4 has a conflict: the three others 60 70 90 are trimmed to 70, J4's sheet is ignored
    judges = ["J1", "J2", "J3", "J4"]
    spec = direct_spec(["T1"], judges, method=Method.TRIMMED, conflicts=[Conflict("J4", team="T1")])
    result = compute_results(spec, grid({"T1": (60, 90, 70, 0)}, judges)).team("T1")
    assert result.score == 70
    assert result.judges_counted == 3


def test_median_odd_count() -> None:
    # 60 70 90 → 70
    spec = direct_spec(["T1"], method=Method.MEDIAN)
    assert compute_results(spec, grid({"T1": (60, 90, 70)})).team("T1").score == 70


def test_median_even_count() -> None:
    # 60 70 75 90 → (70 + 75)/2 = 72.5
    judges = ["J1", "J2", "J3", "J4"]
    spec = direct_spec(["T1"], judges, method=Method.MEDIAN)
    result = compute_results(spec, grid({"T1": (60, 90, 70, 75)}, judges)).team("T1")
    assert result.score == Fraction(145, 2)


def test_method_argument_overrides_the_setting() -> None:
    spec = direct_spec(["T1"], method=Method.MEAN)
    results = compute_results(spec, grid({"T1": (60, 90, 70)}), method=Method.MEDIAN)
    assert results.method is Method.MEDIAN
    assert results.team("T1").score == 70  # the mean would be 220/3


# --- z-score --------------------------------------------------------------------------------

# Totals:      T1  T2  T3
#   J1         70  90  80    mean 80, pstdev √((100 + 100 + 0)/3) = √(200/3) = 8.16497
#   J2         80  60  10    mean 50, pstdev √((900 + 100 + 1600)/3) = √(2600/3) = 29.43920
#   J3         75  75  75    pstdev 0: says nothing about order, z = 0 for every team
SD1 = math.sqrt(200 / 3)
SD2 = math.sqrt(2600 / 3)
# z(J1) = −10/SD1, +10/SD1, 0                  = −1.22474, 1.22474, 0
# z(J2) = 30/SD2, 10/SD2, −40/SD2              =  1.01905, 0.33968, −1.35873
# team z = mean over its three judges (J3 adds 0 to the sum and 1 to the count):
Z_T1 = (-10 / SD1 + 30 / SD2 + 0) / 3  # −0.06857
Z_T2 = (10 / SD1 + 10 / SD2 + 0) / 3  # 0.52148
Z_T3 = (0 + -40 / SD2 + 0) / 3  # −0.45291
# mapped onto the category's raw range: raw team means T1 225/3 = 75, T2 225/3 = 75,
# T3 165/3 = 55, so the lowest z (T3) lands on 55 and the highest (T2) on 75:
# score = 55 + (z − Z_T3)/(Z_T2 − Z_T3) · 20
RAW_LOW, RAW_HIGH = 55, 75
Z_SHEETS = {"T1": (70, 80, 75), "T2": (90, 60, 75), "T3": (80, 10, 75)}


def test_zscore_three_judges_three_teams() -> None:
    results = compute_results(direct_spec(method=Method.ZSCORE), grid(Z_SHEETS))
    expected = {"T1": Z_T1, "T2": Z_T2, "T3": Z_T3}
    for code, z in expected.items():
        result = results.team(code)
        assert result.z == pytest.approx(z, abs=1e-12)
        assert result.score is not None
        mapped = RAW_LOW + (z - Z_T3) / (Z_T2 - Z_T3) * (RAW_HIGH - RAW_LOW)
        assert float(result.score) == pytest.approx(mapped, abs=1e-9)
    # T2 75.00, T1 62.89, T3 55.00
    assert float(results.team("T1").score or 0) == pytest.approx(62.8890, abs=1e-4)
    assert ranks(results) == {"T2": 1, "T1": 2, "T3": 3}
    assert order(results) == ["T2", "T1", "T3"]
    assert not any(t.tied for t in category(results).teams)


def test_zscore_differs_from_the_mean_here() -> None:
    # the plain mean ties T1 and T2 at (70 + 80 + 75)/3 = (90 + 60 + 75)/3 = 75;
    # the one-criterion rubric has nothing in the tie-break chain, so they share rank 1
    results = compute_results(direct_spec(method=Method.MEAN), grid(Z_SHEETS))
    assert results.team("T1").score == results.team("T2").score == 75
    assert ranks(results) == {"T1": 1, "T2": 1, "T3": 3}


def test_a_judge_with_identical_totals_contributes_zero() -> None:
    # J1 (70, 90, 80) as above; J3 gives 75 to all.  T2: (10/SD1 + 0)/2 = 0.61237
    spec = direct_spec(judges=["J1", "J3"], method=Method.ZSCORE)
    sheets = grid({"T1": (70, 75), "T2": (90, 75), "T3": (80, 75)}, ["J1", "J3"])
    results = compute_results(spec, sheets)
    assert results.team("T2").z == pytest.approx(10 / SD1 / 2, abs=1e-12)
    assert results.team("T1").z == pytest.approx(-10 / SD1 / 2, abs=1e-12)
    assert results.team("T3").z == pytest.approx(0.0, abs=1e-12)


def test_zscore_all_judges_constant_is_a_tie() -> None:
    # every judge gives every team the same total: all z = 0 → all share rank 1
    spec = direct_spec(method=Method.ZSCORE)
    results = compute_results(spec, grid({"T1": (70, 60, 50), "T2": (70, 60, 50)}))
    assert ranks(results) == {"T1": 1, "T2": 1, "T3": None}
    assert results.team("T1").z == 0
    assert results.team("T1").tied and results.team("T2").tied


def test_zscore_scores_keep_the_order_of_z() -> None:
    # 10 teams, 2 judges.  J1: T1 100, T2 95, T3–T10 0.  J2: T1 100, T2 99, T3–T10 90.
    # J1: mean 195/10 = 19.5; var (80.5² + 75.5² + 8·19.5²)/10 = 1522.25, sd 39.016
    #     z T1 = 80.5/39.016 = 2.0633, z T2 = 75.5/39.016 = 1.9351
    # J2: mean 919/10 = 91.9; var (8.1² + 7.1² + 8·1.9²)/10 = 14.49, sd 3.8066
    #     z T1 = 8.1/3.8066 = 2.1279, z T2 = 7.1/3.8066 = 1.8652
    # team z: T1 (2.0633 + 2.1279)/2 = 2.0956, T2 (1.9351 + 1.8652)/2 = 1.9001
    # pooled: mean 1114/20 = 55.7, var 103626/20 − 55.7² = 2078.81, sd 45.594
    # rescaled: T1 55.7 + 45.594·2.0956 = 151.2, T2 55.7 + 45.594·1.9001 = 142.3
    # both are clamped to 100.0: the recap would print 100,00 twice with ranks 1 and 2.
    teams = [f"T{i}" for i in range(1, 11)]
    rows: dict[str, tuple[int, int]] = {"T1": (100, 100), "T2": (95, 99)}
    rows.update(dict.fromkeys(teams[2:], (0, 90)))
    spec = direct_spec(teams, ["J1", "J2"], method=Method.ZSCORE)
    results = compute_results(spec, grid(rows, ["J1", "J2"]))
    first, second = results.team("T1"), results.team("T2")
    assert first.z == pytest.approx(2.0956, abs=1e-4)
    assert second.z == pytest.approx(1.9001, abs=1e-4)
    assert (first.rank, second.rank, first.tied) == (1, 2, False)
    assert first.score is not None and second.score is not None
    assert 0 <= second.score < first.score <= 100


def test_zscore_ranking_of_a_category_ignores_other_categories() -> None:
    # Puskesmas, judges J1 and J2:   A1  A2  A3
    #   J1                           60  50  40   mean 50, sd √(200/3): z 1.2247, 0, −1.2247
    #   J2                           50  70  60   mean 60, sd √(200/3): z −1.2247, 1.2247, 0
    # within the category: A1 0, A2 0.6124, A3 −0.6124 → A2 1st, A1 2nd, A3 3rd.
    # Hospitals B1, B2 are scored either (J1 0/100, J2 60/60) or (J1 60/60, J2 0/100).
    # Pooled over both categories the engine gets:
    #   case 1: J1 over 60 50 40 0 100: mean 50, sd √1040 = 32.25 → z 0.3101, 0, −0.3101
    #           J2 over 50 70 60 60 60: mean 60, sd √40 = 6.32 → z −1.5811, 1.5811, 0
    #           A1 −0.6355, A2 0.7906, A3 −0.1550 → A2, A3, A1
    #   case 2: J1 over 60 50 40 60 60: mean 54, sd 8 → z 0.75, −0.5, −1.75
    #           J2 over 50 70 60 0 100: mean 56, sd √1064 = 32.62 → z −0.1839, 0.4292, 0.1226
    #           A1 0.2830, A2 −0.0354, A3 −0.8137 → A1, A2, A3
    # The Puskesmas order must not depend on how the hospitals were scored.
    teams = [team("A1"), team("A2"), team("A3"), team("B1", RS), team("B2", RS)]
    spec = direct_spec(teams, ["J1", "J2"], method=Method.ZSCORE)
    puskesmas = {"A1": (60, 50), "A2": (50, 70), "A3": (40, 60)}
    case1 = compute_results(spec, grid({**puskesmas, "B1": (0, 60), "B2": (100, 60)}, ["J1", "J2"]))
    case2 = compute_results(spec, grid({**puskesmas, "B1": (60, 0), "B2": (60, 100)}, ["J1", "J2"]))
    assert ranks(case1) == ranks(case2)
    z = 1.5**0.5 / 2  # A2: (0 + 1.2247)/2 = 0.6124
    for results in (case1, case2):
        assert ranks(results) == {"A2": 1, "A1": 2, "A3": 3}
        assert results.team("A2").z == pytest.approx(z, abs=1e-9)
        assert results.team("A1").z == pytest.approx(0.0, abs=1e-9)


# === who counts ===============================================================================


def test_institution_conflict_ignores_case_and_spacing() -> None:
    # J3 works at Puskesmas Kebon Jeruk and handed in a 10 anyway; it must not count.
    # T1 = (80 + 70)/2 = 75  — not (80 + 70 + 10)/3 = 53.33 and not (80 + 70 + 0)/3 = 50
    teams = [
        team("T1", institution="Puskesmas Kebon Jeruk"),
        team("T2", institution="Puskesmas Palmerah"),
    ]
    conflict = Conflict("J3", institution="  PUSKESMAS   kebon jeruk ")
    spec = direct_spec(teams, conflicts=[conflict])
    results = compute_results(spec, grid({"T1": (80, 70, 10), "T2": (60, 60, 60)}))
    t1 = results.team("T1")
    assert t1.score == 75
    assert (t1.judges_counted, t1.judges_expected, t1.complete) == (2, 2, True)
    assert mark(t1, "J3") is MarkStatus.CONFLICT
    assert next(m for m in t1.marks if m.judge == "J3").total is None
    assert ("J3", "T1") not in results.missing
    # J3 still counts for the other Puskesmas
    t2 = results.team("T2")
    assert (t2.judges_counted, t2.judges_expected) == (3, 3)
    assert mark(t2, "J3") is MarkStatus.COUNTED


def test_institution_conflict_does_not_cover_a_similar_name() -> None:
    teams = [team("T1", institution="Puskesmas Kebon Jeruk Utara")]
    spec = direct_spec(teams, conflicts=[Conflict("J3", institution="Puskesmas Kebon Jeruk")])
    result = compute_results(spec, grid({"T1": (80, 70, 10)})).team("T1")
    assert result.score == Fraction(160, 3)  # (80 + 70 + 10)/3
    assert mark(result, "J3") is MarkStatus.COUNTED


def test_team_conflict_without_a_sheet_is_not_missing() -> None:
    # J2 may not score T2 and has no sheet for it: T2 = (90 + 70)/2 = 80, complete
    spec = direct_spec(["T1", "T2"], conflicts=[Conflict("J2", team="T2")])
    results = compute_results(spec, grid({"T1": (60, 60, 60), "T2": (90, None, 70)}))
    t2 = results.team("T2")
    assert t2.score == 80
    assert (t2.judges_counted, t2.judges_expected, t2.complete) == (2, 2, True)
    assert mark(t2, "J2") is MarkStatus.CONFLICT
    assert results.missing == ()
    # the conflict is about T2 only
    assert mark(results.team("T1"), "J2") is MarkStatus.COUNTED


def test_team_conflict_with_a_sheet_is_excluded() -> None:
    spec = direct_spec(["T1"], conflicts=[Conflict("J2", team="T1")])
    result = compute_results(spec, grid({"T1": (90, 0, 70)})).team("T1")
    assert result.score == 80  # (90 + 70)/2
    assert result.judges_expected == 2


def test_abstaining_judge_is_excluded_not_zero() -> None:
    # J1 abstains on T1 (the sheet even holds scores): T1 = (70 + 80)/2 = 75
    sheets = [
        direct("J1", "T1", 100, abstained=True),
        direct("J2", "T1", 70),
        direct("J3", "T1", 80),
    ]
    results = compute_results(direct_spec(["T1"]), sheets)
    result = results.team("T1")
    assert result.score == 75
    assert (result.judges_counted, result.judges_expected, result.complete) == (2, 2, True)
    assert mark(result, "J1") is MarkStatus.ABSTAINED
    assert results.missing == ()


@pytest.mark.parametrize(
    "absent",
    [
        pytest.param(None, id="no-sheet"),
        pytest.param(direct("J3", "T1", 10, status=SheetStatus.DRAFT), id="draft"),
        pytest.param(sheet("J3", "T1", {}, status=SheetStatus.CONFIRMED), id="incomplete"),
    ],
)
def test_absent_judge_is_missing_and_team_scored_from_the_others(
    absent: SheetInput | None,
) -> None:
    # T1 from J1 and J2 only: (80 + 70)/2 = 75; J3 still expected
    sheets = grid({"T1": (80, 70, None), "T2": (50, 50, 50)})
    if absent is not None:
        sheets.append(absent)
    results = compute_results(direct_spec(["T1", "T2"]), sheets)
    result = results.team("T1")
    assert result.score == 75
    assert (result.judges_counted, result.judges_expected) == (2, 3)
    assert result.complete is False
    assert mark(result, "J3") is MarkStatus.MISSING
    assert results.missing == (("J3", "T1"),)
    assert results.team("T2").complete is True


def test_incomplete_default_rubric_sheet_is_missing() -> None:
    partial = uniform(5)
    del partial["K8"]
    sheets = [
        sheet("J1", "T1", uniform(4)),
        sheet("J2", "T1", uniform(2)),
        sheet("J3", "T1", partial, status=SheetStatus.CONFIRMED),
    ]
    result = compute_results(make_spec(["T1"]), sheets).team("T1")
    assert result.score == 50  # (75 + 25)/2
    assert mark(result, "J3") is MarkStatus.MISSING


def test_submitted_and_confirmed_both_count() -> None:
    sheets = [
        direct("J1", "T1", 80, status=SheetStatus.SUBMITTED),
        direct("J2", "T1", 60, status=SheetStatus.CONFIRMED),
    ]
    result = compute_results(direct_spec(["T1"], ["J1", "J2"]), sheets).team("T1")
    assert result.score == 70
    assert result.complete


def test_sheets_of_unknown_judges_or_teams_are_ignored() -> None:
    sheets = [*grid({"T1": (80, 60)}, ["J1", "J2"]), direct("JX", "T1", 0), direct("J1", "TX", 0)]
    results = compute_results(direct_spec(["T1"], ["J1", "J2"]), sheets)
    assert results.team("T1").score == 70
    with pytest.raises(KeyError):
        results.team("TX")


# === flags ====================================================================================


def test_outlier_far_from_the_panel_mean() -> None:
    # T1: 80 80 50 → panel mean 70; J3 is 20 away (> 15) → flagged; J1, J2 are 10 away → not
    result = compute_results(direct_spec(["T1"]), grid({"T1": (80, 80, 50)})).team("T1")
    assert [m.outlier for m in result.marks] == [False, False, True]


def test_outlier_threshold_is_a_strict_more_than() -> None:
    # DOMAIN: "a judge more than a set distance from the panel mean".
    # T1: 75 75 75 55 → mean 70, J4 exactly 15 away → not flagged
    # T2: 76 76 76 52 → mean 70, J4 18 away → flagged (J1–J3 are 6 away)
    judges = ["J1", "J2", "J3", "J4"]
    spec = direct_spec(["T1", "T2"], judges)
    results = compute_results(spec, grid({"T1": (75, 75, 75, 55), "T2": (76, 76, 76, 52)}, judges))
    assert [m.outlier for m in results.team("T1").marks] == [False, False, False, False]
    assert [m.outlier for m in results.team("T2").marks] == [False, False, False, True]


def test_outlier_threshold_is_a_setting() -> None:
    # threshold 9: 80 80 50 → all three are more than 9 from 70 (10, 10, 20)
    spec = direct_spec(["T1"], outlier=9)
    result = compute_results(spec, grid({"T1": (80, 80, 50)})).team("T1")
    assert [m.outlier for m in result.marks] == [True, True, True]


def test_an_outlier_threshold_with_a_fraction_is_compared_exactly() -> None:
    # threshold 12.5: T1's 88 is 12 from the mean 76, T2's 90 is 13⅓ from the mean 76⅔
    spec = direct_spec(["T1", "T2"], outlier=Decimal("12.5"))
    results = compute_results(spec, grid({"T1": (70, 70, 88), "T2": (70, 70, 90)}))
    assert [m.outlier for m in results.team("T1").marks] == [False, False, False]
    assert [m.outlier for m in results.team("T2").marks] == [False, False, True]


def test_outlier_ignores_excluded_judges() -> None:
    # J3's conflicting 0 is not part of the panel: mean (80 + 60)/2 = 70, both 10 away
    spec = direct_spec(["T1"], conflicts=[Conflict("J3", team="T1")])
    result = compute_results(spec, grid({"T1": (80, 60, 0)})).team("T1")
    assert not any(m.outlier for m in result.marks)


def test_single_judge_is_never_an_outlier() -> None:
    spec = direct_spec(["T1", "T2"])
    result = compute_results(spec, grid({"T1": (100, None, None), "T2": (0, 0, 0)})).team("T1")
    assert not any(m.outlier for m in result.marks)


@pytest.mark.parametrize("method", list(Method))
def test_team_nobody_scored_is_listed_last_without_rank(method: Method) -> None:
    # T2 has only a draft, T0 a conflict with every judge; T1 and T3 are scored
    conflicts = [Conflict(j, team="T0") for j in ("J1", "J2", "J3")]
    spec = direct_spec(["T2", "T0", "T1", "T3"], conflicts=conflicts, method=method, quota=3)
    sheets = [
        *grid({"T1": (80, 70, 60), "T3": (50, 40, 60)}),
        direct("J1", "T2", 100, status=SheetStatus.DRAFT),
    ]
    results = compute_results(spec, sheets)
    assert order(results) == ["T1", "T3", "T0", "T2"]
    for code in ("T0", "T2"):
        result = results.team(code)
        assert (result.rank, result.score, result.z, result.advances) == (None, None, None, False)
        assert (result.tied, result.cut_line_tie, result.judges_counted) == (False, False, 0)
    assert results.team("T0").judges_expected == 0
    assert results.team("T2").judges_expected == 3
    assert ranks(results)["T3"] == 2
    assert advancing(results) == {"T1", "T3"}
    assert {pair for pair in results.missing if pair[1] == "T2"} == {
        ("J1", "T2"), ("J2", "T2"), ("J3", "T2"),
    }  # fmt: skip
