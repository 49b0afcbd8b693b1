"""Released results as a judge sees them: every ranking, only the judge's own totals."""

from __future__ import annotations

from fractions import Fraction

import pytest

from juryapp.domain.model import Conflict
from juryapp.domain.results import JudgeMark, MarkStatus, compute_results, for_judge
from tests.domain.builders import direct, direct_spec, grid


def test_a_judge_sees_every_rank_and_only_their_own_totals() -> None:
    spec = direct_spec(["T1", "T2"], ["J1", "J2", "J3"], conflicts=[Conflict("J2", team="T2")])
    sheets = [*grid({"T1": (80, 80, 50)}), direct("J1", "T2", 70), direct("J3", "T2", 90)]
    results = compute_results(spec, sheets)
    seen = for_judge(results, "J3")
    assert [t.code for c in seen.categories for t in c.teams] == ["T2", "T1"]
    for official, shown in zip(results.categories[0].teams, seen.categories[0].teams, strict=True):
        assert (shown.rank, shown.score, shown.advances) == (
            official.rank,
            official.score,
            official.advances,
        )
    assert seen.team("T1").marks == (
        JudgeMark("J1", MarkStatus.COUNTED),
        JudgeMark("J2", MarkStatus.COUNTED),
        JudgeMark("J3", MarkStatus.COUNTED, Fraction(50), outlier=True),
    )
    assert seen.team("T2").marks == (
        JudgeMark("J1", MarkStatus.COUNTED),
        JudgeMark("J2", MarkStatus.CONFLICT),
        JudgeMark("J3", MarkStatus.COUNTED, Fraction(90)),
    )
    # the results themselves are left whole
    assert [m.total for m in results.team("T1").marks] == [80, 80, 50]
    assert [m.outlier for m in results.team("T1").marks] == [False, False, True]


@pytest.mark.parametrize("judge", ["J1", "J9", ""])
def test_someone_else_sees_no_outlier_of_another_judge(judge: str) -> None:
    results = compute_results(direct_spec(["T1"]), grid({"T1": (80, 80, 50)}))
    marks = for_judge(results, judge).team("T1").marks
    assert [m.outlier for m in marks] == [False, False, False]
    assert [m.total for m in marks] == ([80, None, None] if judge == "J1" else [None] * 3)
