"""What the scoring engine returns, team by team and by category, and a judge's view of it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from juryapp.domain.kinds import Method, SheetStatus


class MarkStatus(StrEnum):
    """Why a judge's total does or does not count for a team."""

    COUNTED = "counted"
    CONFLICT = "conflict"
    ABSTAINED = "abstained"
    MISSING = "missing"  # no sheet yet, a draft, or an incomplete sheet


@dataclass(frozen=True)
class SheetInput:
    """One judge's scores for one team, as stored."""

    judge: str
    team: str
    scores: Mapping[str, Decimal]
    status: SheetStatus
    abstained: bool = False


@dataclass(frozen=True)
class TieDecision:
    """A jury's recorded decision on teams still tied after the tie-break chain."""

    category: str
    teams: frozenset[str]
    order: tuple[str, ...]  # best first; ignored when ``shared``
    shared: bool = False  # "juara kembar": the jury keeps them level
    reason: str = ""
    decided_by: str = ""


@dataclass(frozen=True)
class JudgeMark:
    judge: str
    status: MarkStatus
    total: Fraction | None = None
    outlier: bool = False


@dataclass(frozen=True)
class TeamResult:
    code: str
    institution: str
    title: str
    category: str
    score: Fraction | None  # exact for mean/trimmed/median; from a float for zscore
    z: float | None
    rank: int | None  # None: nobody has scored the team yet
    tied: bool  # shares its rank with another team
    tied_with: tuple[str, ...]
    tie_broken_by: str | None  # criterion code, "jury", or None
    advances: bool
    cut_line_tie: bool  # tied across the quota line and not yet decided
    judges_counted: int
    judges_expected: int
    marks: tuple[JudgeMark, ...]
    criterion_means: Mapping[str, Fraction]
    trimmed_fallback: bool = False

    @property
    def complete(self) -> bool:
        return self.judges_counted == self.judges_expected


@dataclass(frozen=True)
class TieGroup:
    """Teams equal on score; how (and whether) the tie was settled."""

    teams: tuple[str, ...]
    resolved_by: tuple[str, ...]  # criterion codes used, then "jury" if a decision applied
    still_tied: tuple[tuple[str, ...], ...]
    crosses_cut_line: bool  # the equal scores straddled the quota line, settled or not
    decision: TieDecision | None


@dataclass(frozen=True)
class CategoryResult:
    code: str
    name: str
    name_en: str
    quota: int
    teams: tuple[TeamResult, ...]
    ties: tuple[TieGroup, ...]
    kendall_w: float | None
    kendall_judges: int
    kendall_teams: int

    @property
    def cut_line_tie(self) -> bool:
        return any(t.cut_line_tie for t in self.teams)


@dataclass(frozen=True)
class Results:
    method: Method
    categories: tuple[CategoryResult, ...]
    missing: tuple[tuple[str, str], ...]  # (judge, team) pairs still expected

    def team(self, code: str) -> TeamResult:
        for category in self.categories:
            for team in category.teams:
                if team.code == code:
                    return team
        raise KeyError(code)


def for_judge(results: Results, judge: str) -> Results:
    """Released results as a judge may see them: every ranking, only their own totals.

    Other judges' marks keep their status (counted, conflict, abstained) and lose their totals
    and outlier flags; criterion means stay, as the teams' feedback sheets publish them.
    """

    def mark(m: JudgeMark) -> JudgeMark:
        return m if m.judge == judge else replace(m, total=None, outlier=False)

    return replace(
        results,
        categories=tuple(
            replace(
                category,
                teams=tuple(
                    replace(team, marks=tuple(mark(m) for m in team.marks))
                    for team in category.teams
                ),
            )
            for category in results.categories
        ),
    )
