"""Properties of the scoring engine that must hold for any convention, checked with hypothesis."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from juryapp.domain.kinds import Method, SheetStatus
from juryapp.domain.model import Category, Conflict, ConventionSpec
from juryapp.domain.results import (
    CategoryResult,
    Results,
    SheetInput,
    TeamResult,
    TieDecision,
    compute_results,
)
from tests.domain.builders import PKM, RS, criterion, make_spec, sheet, team

FAST = settings(
    max_examples=75,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

INSTITUTIONS = (
    "Puskesmas Kebon Jeruk",
    "puskesmas  KEBON jeruk",
    "Puskesmas Palmerah",
    "RSUD Cengkareng",
    "RS Medika",
)
SHEET_KINDS = ("ok",) * 6 + ("none", "draft", "partial", "abstain")
Z_TOLERANCE = 1e-9


@dataclass(frozen=True)
class Case:
    spec: ConventionSpec
    sheets: list[SheetInput]


@st.composite
def cases(
    draw: st.DrawFn,
    *,
    methods: tuple[Method, ...] = tuple(Method),
    hi: int | None = None,
    chain: tuple[str, ...] | None = None,
    holes: bool = True,
) -> Case:
    """A small convention with coarse scales (so ties are common) and optional holes."""
    n_judges = draw(st.integers(1, 4))
    n_teams = draw(st.integers(1, 8))
    judges = [f"J{i}" for i in range(1, n_judges + 1)]
    top = hi if hi is not None else draw(st.sampled_from((2, 3)))
    codes = draw(
        st.sampled_from(
            (
                ("K1", "K2"),  # outside the chain: every equal score stays tied
                ("K5", "K3"),
                ("K5", "K3", "K8"),
                ("K1", "K5", "K3", "K8"),
            )
        )
    )
    weights = {"K1": 10, "K2": 10, "K3": 15, "K5": 15, "K8": 20}
    criteria = [criterion(c, weights[c], 1, top) for c in codes]
    teams = [
        team(
            f"T{i}",
            draw(st.sampled_from((PKM, RS))),
            draw(st.sampled_from(INSTITUTIONS)),
        )
        for i in range(1, n_teams + 1)
    ]
    categories = [
        Category(PKM, "Puskesmas", draw(st.integers(1, 4))),
        Category(RS, "Rumah Sakit", draw(st.integers(1, 3))),
    ]
    conflicts: list[Conflict] = []
    if holes:
        for judge in judges:
            if draw(st.booleans()) and draw(st.booleans()):
                conflicts.append(Conflict(judge, team=draw(st.sampled_from(teams)).code))
            if draw(st.integers(0, 5)) == 0:
                conflicts.append(Conflict(judge, institution=draw(st.sampled_from(INSTITUTIONS))))
    sheets: list[SheetInput] = []
    # a few score rows shared by many sheets, so that equal team scores are common
    rows = draw(
        st.lists(
            st.fixed_dictionaries({c: st.integers(1, top) for c in codes}), min_size=1, max_size=3
        )
    )
    for t in teams:
        for judge in judges:
            kind = draw(st.sampled_from(SHEET_KINDS)) if holes else "ok"
            if kind == "none":
                continue
            if draw(st.integers(0, 3)) > 0:
                row = draw(st.sampled_from(rows))
            else:
                row = {c: draw(st.integers(1, top)) for c in codes}
            values = {c: Decimal(v) for c, v in row.items()}
            if kind == "partial":
                values.pop(codes[-1])
            sheets.append(
                sheet(
                    judge,
                    t.code,
                    values,
                    status=draw(st.sampled_from((SheetStatus.SUBMITTED, SheetStatus.CONFIRMED)))
                    if kind != "draft"
                    else SheetStatus.DRAFT,
                    abstained=kind == "abstain",
                )
            )
    spec = make_spec(
        teams,
        judges,
        criteria=criteria,
        categories=categories,
        conflicts=conflicts,
        method=draw(st.sampled_from(methods)),
        trim=draw(st.integers(0, 2)),
        tie_break=chain if chain is not None else ("K5", "K3", "K8"),
        outlier=draw(st.sampled_from((10, 15, 25))),
    )
    return Case(spec, sheets)


@st.composite
def decisions_for(draw: st.DrawFn, case: Case) -> list[TieDecision]:
    """Jury decisions on ties that actually survive the chain, plus one on a wrong set."""
    results = compute_results(case.spec, case.sheets)
    out: list[TieDecision] = []
    for cat in results.categories:
        for group in cat.ties:
            for tied in group.still_tied:
                if draw(st.booleans()):
                    shared = draw(st.booleans())
                    order = () if shared else tuple(draw(st.permutations(tied)))
                    out.append(TieDecision(cat.code, frozenset(tied), order, shared=shared))
    codes = [t.code for t in case.spec.teams]
    if len(codes) >= 2 and draw(st.booleans()):
        wrong = draw(st.lists(st.sampled_from(codes), min_size=2, max_size=3, unique=True))
        out.append(TieDecision(PKM, frozenset(wrong), tuple(wrong)))
    return out


def summary(results: Results) -> dict[str, tuple[object, ...]]:
    return {
        t.code: (
            t.category,
            t.score,
            t.z,
            t.rank,
            t.advances,
            t.tied,
            t.tied_with,
            t.tie_broken_by,
            t.cut_line_tie,
            t.judges_counted,
            t.judges_expected,
            t.trimmed_fallback,
            tuple(sorted((m.judge, m.status, m.total, m.outlier) for m in t.marks)),
        )
        for c in results.categories
        for t in c.teams
    }


def tie_summary(cat: CategoryResult) -> set[tuple[object, ...]]:
    return {
        (frozenset(g.teams), g.resolved_by, g.still_tied, g.crosses_cut_line, g.decision)
        for g in cat.ties
    }


def scored(cat: CategoryResult) -> list[TeamResult]:
    return [t for t in cat.teams if t.rank is not None]


# === order does not matter ======================================================================


@FAST
@given(case=cases(), data=st.data())
def test_order_of_judges_teams_and_sheets_never_matters(case: Case, data: st.DataObject) -> None:
    decisions = data.draw(decisions_for(case))
    before = compute_results(case.spec, case.sheets, decisions)
    spec = replace(
        case.spec,
        judges=tuple(data.draw(st.permutations(case.spec.judges))),
        teams=tuple(data.draw(st.permutations(case.spec.teams))),
        conflicts=tuple(data.draw(st.permutations(case.spec.conflicts))),
    )
    sheets = data.draw(st.permutations(case.sheets))
    after = compute_results(spec, sheets, decisions)
    assert summary(after) == summary(before)
    assert set(after.missing) == set(before.missing)
    for a, b in zip(after.categories, before.categories, strict=True):
        assert tie_summary(a) == tie_summary(b)
        assert (a.kendall_judges, a.kendall_teams) == (b.kendall_judges, b.kendall_teams)
        if b.kendall_w is None:
            assert a.kendall_w is None
        else:
            assert a.kendall_w is not None
            assert abs(a.kendall_w - b.kendall_w) < 1e-9


# === z-score ranks ignore a judge's leniency and spread =========================================


def z_view(results: Results) -> dict[str, tuple[object, ...]]:
    return {
        t.code: (t.rank, t.tied, t.tied_with, t.advances, t.cut_line_tie)
        for c in results.categories
        for t in c.teams
    }


def remap_judge(case: Case, judge: str, f: Callable[[Decimal], Decimal]) -> list[SheetInput]:
    return [
        replace(s, scores={c: f(v) for c, v in s.scores.items()}) if s.judge == judge else s
        for s in case.sheets
    ]


@FAST
@given(case=cases(methods=(Method.ZSCORE,), hi=5, chain=()), data=st.data())
def test_zscore_ranks_ignore_one_judge_raising_every_score(case: Case, data: st.DataObject) -> None:
    # keep the chosen judge off the top of the scale, then raise every score one step:
    # that judge's totals all move by the same 25 points, so its z-scores do not change
    judge = data.draw(st.sampled_from([j.code for j in case.spec.judges]))
    low = remap_judge(case, judge, lambda v: min(v, Decimal(4)))
    high = remap_judge(Case(case.spec, low), judge, lambda v: v + 1)
    before = compute_results(case.spec, low)
    after = compute_results(case.spec, high)
    assert z_view(after) == z_view(before)
    for code in z_view(before):
        a, b = after.team(code).z, before.team(code).z
        assert (a is None) == (b is None)
        if a is not None and b is not None:
            assert abs(a - b) < 1e-9


@FAST
@given(case=cases(methods=(Method.ZSCORE,), hi=5, chain=()), data=st.data())
def test_zscore_ranks_ignore_one_judge_stretching_the_scale(
    case: Case, data: st.DataObject
) -> None:
    # the judge's scores 1..3 are mapped by x → 2x − 1 onto 1, 3, 5: every total doubles
    # (x − 1 becomes 2(x − 1)), an affine change that leaves that judge's z-scores alone
    judge = data.draw(st.sampled_from([j.code for j in case.spec.judges]))
    low = remap_judge(case, judge, lambda v: min(v, Decimal(3)))
    wide = remap_judge(Case(case.spec, low), judge, lambda v: 2 * v - 1)
    before = compute_results(case.spec, low)
    after = compute_results(case.spec, wide)
    assert z_view(after) == z_view(before)


# === ties are never hidden ======================================================================


@FAST
@given(case=cases(holes=True))
def test_a_tie_is_never_hidden(case: Case) -> None:
    results = compute_results(case.spec, case.sheets)
    chain = [c for c in case.spec.scoring.tie_break if c in {k.code for k in case.spec.criteria}]
    for cat in results.categories:
        teams = scored(cat)
        for a in teams:
            for b in teams:
                if a is b:
                    continue
                if results.method is Method.ZSCORE:
                    assert a.z is not None and b.z is not None
                    level = a.z == b.z
                else:
                    level = a.score == b.score
                same_chain = all(a.criterion_means[c] == b.criterion_means[c] for c in chain)
                if level and same_chain:
                    assert a.rank == b.rank
                    assert a.tied and b.tied
                    assert b.code in a.tied_with
                # and the other way round: a shared rank is always shown as a tie
                if a.rank == b.rank:
                    assert a.tied and b.code in a.tied_with
                    assert same_chain
                    if results.method is not Method.ZSCORE:
                        assert level


# === ranks, scores and advancement ==============================================================


def check_category(cat: CategoryResult, method: Method, decisions: list[TieDecision]) -> None:
    teams = scored(cat)
    unscored = [t for t in cat.teams if t.rank is None]
    # scored teams first, in rank order, then the teams nobody has scored yet
    assert list(cat.teams) == teams + unscored
    assert all(t.score is None and not t.advances and not t.tied for t in unscored)
    assert all(t.score is not None for t in teams)
    rank: dict[str, int] = {t.code: t.rank for t in teams if t.rank is not None}
    assert [rank[t.code] for t in teams] == sorted(rank.values())
    for t in teams:
        r = rank[t.code]
        # competition ranking: one more than the number of teams placed strictly ahead
        assert r == 1 + sum(1 for u in teams if rank[u.code] < r)
        # tied means: shares the rank, with exactly the teams named
        assert set(t.tied_with) == {u.code for u in teams if rank[u.code] == r and u is not t}
        assert t.tied == bool(t.tied_with)
    for a in teams:
        for b in teams:
            if method is Method.ZSCORE:
                assert a.z is not None and b.z is not None
                better = a.z > b.z + Z_TOLERANCE
            else:
                assert a.score is not None and b.score is not None
                better = a.score > b.score
            if better:
                assert rank[a.code] < rank[b.code]

    quota = cat.quota
    going = [t for t in teams if t.advances]
    assert all(rank[t.code] <= quota for t in going)
    for t in teams:
        # inside the quota a team either advances or is flagged for a decision, never dropped
        if rank[t.code] <= quota:
            assert t.advances != t.cut_line_tie
        else:
            assert not t.advances and not t.cut_line_tie
    flagged = [t.code for t in teams if t.cut_line_tie]
    if flagged:
        r = rank[flagged[0]]
        place = {code for code, value in rank.items() if value == r}
        assert set(flagged) == place
        assert r <= quota < r + len(place) - 1
    assert cat.cut_line_tie == bool(flagged)
    if len(going) > quota:
        # only a shared ("juara kembar") decision straddling the line may exceed the quota
        r = rank[going[-1].code]
        place = {code for code, value in rank.items() if value == r}
        assert all(t.tie_broken_by == "jury" for t in teams if t.code in place)
        assert any(d.shared and d.category == cat.code and d.teams == place for d in decisions)
        assert len(going) == r + len(place) - 1


@FAST
@given(case=cases(), data=st.data())
def test_ranks_scores_and_advancement_are_consistent(case: Case, data: st.DataObject) -> None:
    decisions = data.draw(decisions_for(case))
    results = compute_results(case.spec, case.sheets, decisions)
    seen = Counter(t.code for c in results.categories for t in c.teams)
    assert seen == Counter(t.code for t in case.spec.teams)
    for cat in results.categories:
        assert all(t.category == cat.code for t in cat.teams)
        check_category(cat, results.method, decisions)


@FAST
@given(case=cases())
def test_advancing_never_exceeds_the_quota_without_a_shared_decision(case: Case) -> None:
    results = compute_results(case.spec, case.sheets)
    for cat in results.categories:
        assert sum(t.advances for t in cat.teams) <= cat.quota


# === an independent recomputation of the scores =================================================


def spaced(name: str) -> str:
    """An institution as the rule compares it: case and runs of spaces do not matter."""
    return " ".join(name.casefold().split())


def expected_totals(case: Case, code: str) -> tuple[list[Fraction], int]:
    """Totals that count for a team, from the rule S = Σ w·(x − min)/(max − min)·100 / Σ w."""
    spec = case.spec
    target = next(t for t in spec.teams if t.code == code)
    by_pair = {(s.judge, s.team): s for s in case.sheets}
    weight_sum = sum(Fraction(c.weight) for c in spec.criteria)
    totals: list[Fraction] = []
    expected = 0
    for judge in spec.judges:
        conflicted = any(
            c.judge == judge.code
            and (
                c.team == code
                if c.team is not None
                else c.institution is not None
                and spaced(c.institution) == spaced(target.institution)
            )
            for c in spec.conflicts
        )
        s = by_pair.get((judge.code, code))
        if conflicted or (s is not None and s.abstained):
            continue
        expected += 1
        if s is None or s.status is SheetStatus.DRAFT:
            continue
        if any(c.code not in s.scores for c in spec.criteria):
            continue
        total = sum(
            (
                Fraction(c.weight)
                * (Fraction(s.scores[c.code]) - Fraction(c.scale_min))
                / (Fraction(c.scale_max) - Fraction(c.scale_min))
                for c in spec.criteria
            ),
            Fraction(0),
        )
        totals.append(100 * total / weight_sum)
    return totals, expected


def expected_score(totals: list[Fraction], method: Method, trim: int) -> Fraction | None:
    if not totals:
        return None
    values = sorted(totals)
    if method is Method.MEDIAN:
        return Fraction(statistics.median(values))
    if method is Method.TRIMMED and trim > 0 and len(values) > 2 * trim:
        values = values[trim:-trim]
    return sum(values, Fraction(0)) / len(values)


@FAST
@given(case=cases(methods=(Method.MEAN, Method.TRIMMED, Method.MEDIAN)))
def test_scores_match_a_recomputation_from_the_rules(case: Case) -> None:
    results = compute_results(case.spec, case.sheets)
    for t in case.spec.teams:
        totals, expected = expected_totals(case, t.code)
        result = results.team(t.code)
        assert result.score == expected_score(totals, results.method, case.spec.scoring.trim)
        assert (result.judges_counted, result.judges_expected) == (len(totals), expected)
        assert sorted(m.total for m in result.marks if m.total is not None) == sorted(totals)
        n = len(totals)
        panel = sum(totals, Fraction(0)) / n if n else None
        threshold = Fraction(case.spec.scoring.outlier_threshold)
        for m in result.marks:
            if m.total is not None and panel is not None and n >= 2:
                assert m.outlier == (abs(m.total - panel) > threshold)
            else:
                assert not m.outlier
