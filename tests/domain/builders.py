"""Terse builders of convention specs and score sheets for the scoring-engine tests."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from juryapp.domain.kinds import Method, SheetStatus, TotalFormula
from juryapp.domain.model import (
    Category,
    Conflict,
    ConventionInfo,
    ConventionSpec,
    Criterion,
    Judge,
    ScoringSettings,
    Team,
)
from juryapp.domain.results import CategoryResult, MarkStatus, Results, SheetInput, TeamResult

Number = int | str | Decimal

# The default rubric of DOMAIN.md: code → weight, in sheet order.
DEFAULT_WEIGHTS: dict[str, int] = {
    "K1": 10,
    "K2": 10,
    "K3": 15,
    "K4": 10,
    "K5": 15,
    "K6": 10,
    "K7": 10,
    "K8": 20,
}
DEFAULT_CODES: tuple[str, ...] = tuple(DEFAULT_WEIGHTS)

# A one-criterion rubric on 0–100 in steps of 1 where a judge's total *is* the score typed,
# so method, ranking and flag tests can be written with totals directly. Its code is not in
# the default tie-break chain, so a tie on it survives the chain.
DIRECT = "S"

PKM = "PKM"  # Puskesmas
RS = "RS"  # hospitals


def criterion(
    code: str,
    weight: Number,
    lo: Number = 1,
    hi: Number = 5,
    step: Number = 1,
) -> Criterion:
    return Criterion(
        code=code,
        name=f"Kriteria {code}",
        weight=Decimal(str(weight)),
        scale_min=Decimal(str(lo)),
        scale_max=Decimal(str(hi)),
        scale_step=Decimal(str(step)),
    )


def default_criteria() -> tuple[Criterion, ...]:
    return tuple(criterion(code, weight) for code, weight in DEFAULT_WEIGHTS.items())


def direct_criteria() -> tuple[Criterion, ...]:
    return (criterion(DIRECT, 1, lo=0, hi=100),)


def team(code: str, category: str = PKM, institution: str | None = None) -> Team:
    return Team(
        code=code,
        institution=institution if institution is not None else f"Institusi {code}",
        category=category,
        title=f"Inovasi {code}",
    )


def make_spec(
    teams: Iterable[str | Team] = ("T1", "T2", "T3"),
    judges: Iterable[str] = ("J1", "J2", "J3"),
    *,
    criteria: Sequence[Criterion] | None = None,
    categories: Sequence[Category] | None = None,
    quota: int = 3,
    conflicts: Sequence[Conflict] = (),
    method: Method = Method.MEAN,
    trim: int = 1,
    formula: TotalFormula = TotalFormula.RANGE,
    tie_break: tuple[str, ...] = ("K5", "K3", "K8"),
    outlier: Number = 15,
) -> ConventionSpec:
    """A spec; teams given as bare codes go to the Puskesmas category."""
    team_rows = tuple(t if isinstance(t, Team) else team(t) for t in teams)
    if categories is None:
        used = sorted({t.category for t in team_rows} | {PKM})
        categories = [Category(code, f"Kategori {code}", quota) for code in used]
    return ConventionSpec(
        info=ConventionInfo(name="Konvensi Mutu Uji"),
        scoring=ScoringSettings(
            method=method,
            trim=trim,
            total_formula=formula,
            tie_break=tie_break,
            outlier_threshold=Decimal(str(outlier)),
        ),
        categories=tuple(categories),
        criteria=tuple(criteria) if criteria is not None else default_criteria(),
        judges=tuple(Judge(code, f"Juri {code}") for code in judges),
        teams=team_rows,
        conflicts=tuple(conflicts),
    )


def direct_spec(
    teams: Iterable[str | Team] = ("T1", "T2", "T3"),
    judges: Iterable[str] = ("J1", "J2", "J3"),
    **kwargs: Any,
) -> ConventionSpec:
    """A spec on the one-criterion 0–100 rubric (total = the number typed)."""
    return make_spec(teams, judges, criteria=direct_criteria(), **kwargs)


def scores(text: str, codes: Sequence[str] = DEFAULT_CODES) -> dict[str, Decimal]:
    """``scores("4 3 5 2 4 3 5 4")`` → {"K1": 4, "K2": 3, …}; "-" leaves a criterion out."""
    values = text.split()
    assert len(values) == len(codes), (text, codes)
    return {c: Decimal(v) for c, v in zip(codes, values, strict=True) if v != "-"}


def uniform(value: Number, codes: Sequence[str] = DEFAULT_CODES) -> dict[str, Decimal]:
    return dict.fromkeys(codes, Decimal(str(value)))


def varied(
    base: Number, codes: Sequence[str] = DEFAULT_CODES, **changes: Number
) -> dict[str, Decimal]:
    """Every criterion at ``base`` except the ones named: ``varied(3, K5=4, K3=2)``."""
    row = uniform(base, codes)
    row.update({code: Decimal(str(v)) for code, v in changes.items()})
    return row


def sheet(
    judge: str,
    team_code: str,
    values: Mapping[str, Decimal],
    *,
    status: SheetStatus = SheetStatus.SUBMITTED,
    abstained: bool = False,
) -> SheetInput:
    return SheetInput(judge, team_code, dict(values), status, abstained)


def direct(judge: str, team_code: str, total: Number, **kwargs: Any) -> SheetInput:
    return sheet(judge, team_code, {DIRECT: Decimal(str(total))}, **kwargs)


def grid(
    totals: Mapping[str, Sequence[Number | None]],
    judges: Sequence[str] = ("J1", "J2", "J3"),
) -> list[SheetInput]:
    """Direct-rubric sheets from ``{"T1": (80, 70, None)}``: one total per judge, None = none."""
    out = []
    for team_code, row in totals.items():
        assert len(row) == len(judges), (team_code, row)
        for judge, value in zip(judges, row, strict=True):
            if value is not None:
                out.append(direct(judge, team_code, value))
    return out


def same_sheets(
    per_team: Mapping[str, Mapping[str, Decimal]],
    judges: Sequence[str] = ("J1", "J2", "J3"),
) -> list[SheetInput]:
    """Every judge hands in the same criterion scores for a team."""
    return [sheet(j, t, row) for t, row in per_team.items() for j in judges]


# --- reading results -------------------------------------------------------------------------


def category(results: Results, code: str = PKM) -> CategoryResult:
    (found,) = [c for c in results.categories if c.code == code]
    return found


def ranks(results: Results, code: str = PKM) -> dict[str, int | None]:
    return {t.code: t.rank for t in category(results, code).teams}


def order(results: Results, code: str = PKM) -> list[str]:
    return [t.code for t in category(results, code).teams]


def advancing(results: Results, code: str = PKM) -> set[str]:
    return {t.code for t in category(results, code).teams if t.advances}


def mark(result: TeamResult, judge: str) -> MarkStatus:
    (found,) = [m for m in result.marks if m.judge == judge]
    return found.status
