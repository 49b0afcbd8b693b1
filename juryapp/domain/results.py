"""The scoring engine: team scores by method, ranking, tie-breaks, advancement and flags."""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from juryapp.domain.agreement import kendalls_w
from juryapp.domain.kinds import Method, SheetStatus
from juryapp.domain.model import ConventionSpec, Team
from juryapp.domain.result_types import (
    CategoryResult,
    JudgeMark,
    MarkStatus,
    Results,
    SheetInput,
    TeamResult,
    TieDecision,
    TieGroup,
    for_judge,
)
from juryapp.domain.totals import TotalRule

__all__ = [
    "CategoryResult",
    "JudgeMark",
    "MarkStatus",
    "Results",
    "SheetInput",
    "TeamResult",
    "TieDecision",
    "TieGroup",
    "compute_results",
    "for_judge",
]

Z_TOLERANCE = 1e-9  # z-scores are floats: closer than this counts as a tie


@dataclass
class _Working:
    team: Team
    marks: list[JudgeMark]
    counted: list[tuple[str, int]]  # (judge, integer numerator)
    criterion_sums: dict[str, int]
    score: Fraction | None = None
    z: float | None = None
    trimmed_fallback: bool = False


def compute_results(
    spec: ConventionSpec,
    sheets: Iterable[SheetInput],
    decisions: Iterable[TieDecision] = (),
    method: Method | None = None,
) -> Results:
    """Score, rank and flag every team of the convention from the stored sheets."""
    settings = spec.scoring
    chosen = method or settings.method
    rule = TotalRule.build(spec.criteria, settings.total_formula)
    by_pair = {(s.judge, s.team): s for s in sheets}
    judges = [j.code for j in spec.judges]
    working: dict[str, _Working] = {}
    missing: list[tuple[str, str]] = []
    conflicted = _conflicted_pairs(spec)
    scaled: dict[Decimal, int] = {}  # a rubric has few distinct scores: scale each once
    for team in spec.teams:
        w = _Working(team, [], [], dict.fromkeys(rule.codes, 0))
        for judge in judges:
            mark = _mark(
                rule,
                judge=judge,
                conflict=(judge, team.code) in conflicted,
                sheet=by_pair.get((judge, team.code)),
                w=w,
                known=scaled,
            )
            if mark.status is MarkStatus.MISSING:
                missing.append((judge, team.code))
            w.marks.append(mark)
        working[team.code] = w

    one = Fraction(100, rule.denominator)
    for w in working.values():
        _score(w, chosen, settings.trim, one)
    if chosen is Method.ZSCORE:
        _zscores(working, one)
    _flag_outliers(working, Fraction(settings.outlier_threshold), one)

    all_decisions = list(decisions)
    categories = []
    for category in spec.categories:
        members = [w for w in working.values() if w.team.category == category.code]
        ranked, ties = _rank(
            members,
            chain=settings.tie_break,
            rule=rule,
            decisions=[d for d in all_decisions if d.category == category.code],
            quota=category.quota,
            method=chosen,
        )
        w_value, w_judges, w_teams = _agreement(members, judges)
        categories.append(
            CategoryResult(
                code=category.code,
                name=category.name,
                name_en=category.name_en,
                quota=category.quota,
                teams=tuple(ranked),
                ties=tuple(ties),
                kendall_w=w_value,
                kendall_judges=w_judges,
                kendall_teams=w_teams,
            )
        )
    return Results(chosen, tuple(categories), tuple(missing))


def _conflicted_pairs(spec: ConventionSpec) -> set[tuple[str, str]]:
    """Every (judge, team) pair a conflict of interest covers, worked out once."""
    return {(c.judge, t.code) for c in spec.conflicts for t in spec.teams if c.covers(t)}


def _mark(
    rule: TotalRule,
    *,
    judge: str,
    conflict: bool,
    sheet: SheetInput | None,
    w: _Working,
    known: dict[Decimal, int],
) -> JudgeMark:
    if conflict:
        return JudgeMark(judge, MarkStatus.CONFLICT)
    if sheet is not None and sheet.abstained:
        return JudgeMark(judge, MarkStatus.ABSTAINED)
    if sheet is None or sheet.status is SheetStatus.DRAFT:
        return JudgeMark(judge, MarkStatus.MISSING)
    # Each score is scaled to an integer once; the total and the criterion sums share it
    # (the same arithmetic as TotalRule.numerator and TotalRule.scaled).
    scores = sheet.scores
    scaled: list[int] = []
    for code in rule.codes:
        value = scores.get(code)
        if value is None:
            return JudgeMark(judge, MarkStatus.MISSING)
        x = known.get(value)
        if x is None:
            x = known[value] = int(value * rule.scale)
        scaled.append(x)
    numerator = 0
    for coefficient, offset, x in zip(rule.coefficients, rule.offsets, scaled, strict=True):
        numerator += coefficient * (x - offset)
    w.counted.append((judge, numerator))
    sums = w.criterion_sums
    for code, x in zip(rule.codes, scaled, strict=True):
        sums[code] += x
    return JudgeMark(judge, MarkStatus.COUNTED, Fraction(100 * numerator, rule.denominator))


def _score(w: _Working, method: Method, trim: int, one: Fraction) -> None:
    values = sorted(n for _, n in w.counted)
    if not values:
        return
    if method is Method.TRIMMED:
        if len(values) - 2 * trim >= 1 and trim > 0:
            values = values[trim : len(values) - trim]
        elif trim > 0:
            w.trimmed_fallback = True
    if method is Method.MEDIAN:
        middle = len(values) // 2
        if len(values) % 2:
            w.score = values[middle] * one
        else:
            w.score = Fraction(values[middle - 1] + values[middle], 2) * one
        return
    w.score = Fraction(sum(values), len(values)) * one


def _zscores(working: Mapping[str, _Working], one: Fraction) -> None:
    """Per-judge z-scores within each category, mapped back onto the category's raw range.

    A judge's severity is measured against the teams they scored in the same category, so
    one category's ranking never depends on how another was scored. The team's mean z is
    then placed linearly between the lowest and highest raw team means of the category:
    the order of z is kept and the score stays on the 0–100 scale of the totals.
    """
    by_category: dict[str, list[_Working]] = defaultdict(list)
    for w in working.values():
        if w.counted:
            by_category[w.team.category].append(w)
    # n·one as a float is (n·p)/q in integer true division: the same correctly rounded value
    # as float(n * one), without building a Fraction for every total.
    p, q = one.numerator, one.denominator
    for members in by_category.values():
        per_judge: dict[str, list[float]] = defaultdict(list)
        for w in members:
            for judge, numerator in w.counted:
                per_judge[judge].append(numerator * p / q)
        moments = {}
        for judge, values in per_judge.items():
            mean = math.fsum(values) / len(values)
            sd = statistics.pstdev(values, mu=mean) if len(values) > 1 else 0.0
            moments[judge] = (mean, sd)
        for w in members:
            zs = []
            for judge, numerator in w.counted:
                mean, sd = moments[judge]
                # A judge who gave every team the same total says nothing about order.
                zs.append((numerator * p / q - mean) / sd if sd > 0 else 0.0)
            w.z = math.fsum(zs) / len(zs)
        raw = [sum(n for _, n in w.counted) * p / (len(w.counted) * q) for w in members]
        low, high = min(raw), max(raw)
        z_low = min(w.z for w in members if w.z is not None)
        z_high = max(w.z for w in members if w.z is not None)
        for w in members:
            assert w.z is not None
            if z_high - z_low <= Z_TOLERANCE:
                w.score = Fraction(math.fsum(raw) / len(raw))
            else:
                w.score = Fraction(low + (w.z - z_low) / (z_high - z_low) * (high - low))


def _flag_outliers(working: Mapping[str, _Working], threshold: Fraction, one: Fraction) -> None:
    # |100·x/d − Σ/n · one| > t, compared exactly in integers: with one = p/q and t = a/b,
    # |x·n·p − Σ·p|·b > a·q·n (the marks' totals are 100·x/d = x·one).
    p, q = one.numerator, one.denominator
    a, b = threshold.numerator, threshold.denominator
    for w in working.values():
        n = len(w.counted)
        if n < 2:
            continue
        total = sum(x for _, x in w.counted)
        numerators = dict(w.counted)
        limit = a * q * n
        w.marks = [
            JudgeMark(
                m.judge, m.status, m.total, abs((numerators[m.judge] * n - total) * p) * b > limit
            )
            if m.total is not None
            else m
            for m in w.marks
        ]


def _criterion_means(w: _Working, rule: TotalRule) -> dict[str, Fraction]:
    n = len(w.counted)
    if n == 0:
        return {}
    return {code: Fraction(total, n * rule.scale) for code, total in w.criterion_sums.items()}


def _same_score(a: _Working, b: _Working, method: Method) -> bool:
    if method is Method.ZSCORE:
        assert a.z is not None and b.z is not None
        return abs(a.z - b.z) <= Z_TOLERANCE
    return a.score == b.score


def _rank(
    members: list[_Working],
    *,
    chain: tuple[str, ...],
    rule: TotalRule,
    decisions: list[TieDecision],
    quota: int,
    method: Method,
) -> tuple[list[TeamResult], list[TieGroup]]:
    scored = [w for w in members if w.score is not None]
    unscored = sorted((w for w in members if w.score is None), key=lambda w: w.team.code)
    chain = tuple(c for c in chain if c in rule.codes)
    means = {w.team.code: _criterion_means(w, rule) for w in members}

    # Each score group becomes an ordered list of places; a place with several teams is shared.
    places: list[list[_Working]] = []
    broken_by: dict[str, str | None] = {}
    settled: list[tuple[list[_Working], tuple[str, ...], TieDecision | None, int]] = []
    for group in _group_by_score(scored, method):
        start = sum(len(p) for p in places)
        if len(group) == 1:
            places.append(group)
            broken_by[group[0].team.code] = None
            continue
        group_places, resolved, decision = _settle(group, chain, means, decisions, broken_by)
        places.extend(group_places)
        settled.append((group, resolved, decision, start))

    results: list[TeamResult] = []
    position = 0
    rank_of: dict[str, int] = {}
    for place in places:
        rank = position + 1
        last = position + len(place)
        shared_decided = len(place) > 1 and all(broken_by.get(w.team.code) == "jury" for w in place)
        straddles = len(place) > 1 and rank <= quota < last
        for w in place:
            rank_of[w.team.code] = rank
            results.append(
                _team_result(
                    w,
                    rank=rank,
                    tied_with=tuple(sorted(x.team.code for x in place if x is not w)),
                    broken_by=broken_by.get(w.team.code),
                    advances=(last <= quota) or (straddles and shared_decided),
                    cut_line_tie=straddles and not shared_decided,
                    means=means[w.team.code],
                )
            )
        position = last
    results.extend(
        _team_result(
            w, rank=None, tied_with=(), broken_by=None, advances=False, cut_line_tie=False, means={}
        )
        for w in unscored
    )
    ties = [
        TieGroup(
            teams=tuple(w.team.code for w in group),
            resolved_by=resolved,
            still_tied=_still_tied(tuple(w.team.code for w in group), rank_of),
            crosses_cut_line=start < quota < start + len(group),
            decision=decision,
        )
        for group, resolved, decision, start in settled
    ]
    return results, ties


def _group_by_score(scored: list[_Working], method: Method) -> list[list[_Working]]:
    def primary(w: _Working) -> float | Fraction:
        value = w.z if method is Method.ZSCORE else w.score
        assert value is not None
        return value

    groups: list[list[_Working]] = []
    for w in sorted(scored, key=lambda w: (-primary(w), w.team.code)):
        if groups and _same_score(groups[-1][0], w, method):
            groups[-1].append(w)
        else:
            groups.append([w])
    return groups


def _settle(
    group: list[_Working],
    chain: tuple[str, ...],
    means: Mapping[str, Mapping[str, Fraction]],
    decisions: list[TieDecision],
    broken_by: dict[str, str | None],
) -> tuple[list[list[_Working]], tuple[str, ...], TieDecision | None]:
    """Order a tied group by the tie-break chain, then by a recorded jury decision."""
    chain_places, used = _break_by_chain(group, chain, means, broken_by)
    applied: TieDecision | None = None
    places: list[list[_Working]] = []
    for place in chain_places:
        decision = _decision_for(place, decisions) if len(place) > 1 else None
        if decision is None:
            places.append(place)
            continue
        applied = decision
        for w in place:
            broken_by[w.team.code] = "jury"
        if decision.shared:
            places.append(place)
        else:
            places.extend(
                [w] for w in sorted(place, key=lambda w: decision.order.index(w.team.code))
            )
    return places, used + (("jury",) if applied is not None else ()), applied


def _break_by_chain(
    group: list[_Working],
    chain: tuple[str, ...],
    means: Mapping[str, Mapping[str, Fraction]],
    broken_by: dict[str, str | None],
) -> tuple[list[list[_Working]], tuple[str, ...]]:
    """Split a tied group by criterion means in chain order; report the criteria used."""
    places: list[list[_Working]] = [sorted(group, key=lambda w: w.team.code)]
    used: list[str] = []
    for code in chain:
        if all(len(p) == 1 for p in places):
            break
        next_places: list[list[_Working]] = []
        for place in places:
            split = _split(place, code, means) if len(place) > 1 else [place]
            if len(split) > 1:
                used += [code] if code not in used else []
                for w in place:
                    broken_by[w.team.code] = code
            next_places.extend(split)
        places = next_places
    for place in places:
        for w in place:
            if len(place) > 1 or w.team.code not in broken_by:
                # Still level after the whole chain (or never tied): nothing broke a tie.
                broken_by[w.team.code] = None
    return places, tuple(used)


def _split(
    place: list[_Working], code: str, means: Mapping[str, Mapping[str, Fraction]]
) -> list[list[_Working]]:
    """Teams of one place regrouped by their mean on one criterion, best first."""
    split: list[list[_Working]] = []
    for w in sorted(place, key=lambda w: (-means[w.team.code][code], w.team.code)):
        if split and means[split[-1][0].team.code][code] == means[w.team.code][code]:
            split[-1].append(w)
        else:
            split.append([w])
    return split


def _decision_for(place: list[_Working], decisions: list[TieDecision]) -> TieDecision | None:
    codes = frozenset(w.team.code for w in place)
    for decision in reversed(decisions):  # the latest decision on this exact set wins
        if decision.teams == codes and (decision.shared or set(decision.order) == codes):
            return decision
    return None


def _still_tied(codes: tuple[str, ...], rank_of: Mapping[str, int]) -> tuple[tuple[str, ...], ...]:
    by_rank: dict[int, list[str]] = defaultdict(list)
    for code in codes:
        by_rank[rank_of[code]].append(code)
    return tuple(tuple(sorted(v)) for _, v in sorted(by_rank.items()) if len(v) > 1)


def _team_result(
    w: _Working,
    *,
    rank: int | None,
    tied_with: tuple[str, ...],
    broken_by: str | None,
    advances: bool,
    cut_line_tie: bool,
    means: Mapping[str, Fraction],
) -> TeamResult:
    expected = sum(1 for m in w.marks if m.status in (MarkStatus.COUNTED, MarkStatus.MISSING))
    return TeamResult(
        code=w.team.code,
        institution=w.team.institution,
        title=w.team.title,
        category=w.team.category,
        score=w.score,
        z=w.z,
        rank=rank,
        tied=bool(tied_with),
        tied_with=tied_with,
        tie_broken_by=broken_by,
        advances=advances,
        cut_line_tie=cut_line_tie,
        judges_counted=len(w.counted),
        judges_expected=expected,
        marks=tuple(w.marks),
        criterion_means=dict(means),
        trimmed_fallback=w.trimmed_fallback,
    )


def _agreement(members: list[_Working], judges: list[str]) -> tuple[float | None, int, int]:
    """Kendall's W on the largest complete judges × teams block of the category.

    Teams are dropped one at a time, the one the fewest judges scored first; of the blocks
    met on the way, the one with the most cells (at least 2 × 2) is used.
    """
    totals = {w.team.code: dict(w.counted) for w in members}
    teams = [code for code, row in totals.items() if row]
    # The dropping order depends only on each team's own count, so it is fixed up front; a
    # judge is "full" while no remaining team lacks their total (counted incrementally).
    dropping = sorted(teams, key=lambda t: (len(totals[t]), t))
    lacking = {j: sum(1 for t in teams if j not in totals[t]) for j in judges}
    remaining = set(teams)
    best: tuple[int, list[str], list[str]] | None = None
    for dropped in dropping:
        if len(remaining) < 2:
            break
        full = [j for j in judges if lacking[j] == 0]
        if len(full) >= 2 and (best is None or len(full) * len(remaining) > best[0]):
            best = (len(full) * len(remaining), full, [t for t in teams if t in remaining])
        remaining.discard(dropped)
        for j in judges:
            if j not in totals[dropped]:
                lacking[j] -= 1
    if best is None:
        return None, 0, 0
    _, full, block = best
    matrix = [[totals[t][j] for t in block] for j in full]
    return kendalls_w(matrix), len(full), len(block)
