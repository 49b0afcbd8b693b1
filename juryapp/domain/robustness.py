"""How much a ranking depends on the method and on each judge: the results recomputed each way."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from juryapp.domain.kinds import Method
from juryapp.domain.model import ConventionSpec
from juryapp.domain.results import Results, SheetInput, TieDecision, compute_results


@dataclass(frozen=True)
class Scenario:
    """One way of working the results out again: another method, or one judge left out."""

    method: Method
    without: str | None = None  # the judge whose totals are left out


@dataclass(frozen=True)
class Standing:
    """A team's place under one scenario."""

    rank: int | None
    advances: bool


@dataclass(frozen=True)
class Robustness:
    """Every team's standing under every scenario, beside the official results."""

    official: Results
    scenarios: tuple[Scenario, ...]
    standings: dict[str, tuple[Standing, ...]]  # team code → one standing per scenario

    def methods_that_change(self, team: str, *, advancement: bool) -> tuple[Method, ...]:
        """The methods under which ``team``'s place (or only its advancement) is different."""
        return tuple(
            scenario.method
            for scenario, standing in zip(self.scenarios, self.standings[team], strict=True)
            if scenario.without is None and self._differs(team, standing, advancement=advancement)
        )

    def judges_that_change(self, team: str, *, advancement: bool) -> tuple[str, ...]:
        """The judges whose totals, left out, change ``team``'s place (or its advancement)."""
        return tuple(
            scenario.without
            for scenario, standing in zip(self.scenarios, self.standings[team], strict=True)
            if scenario.without is not None
            and self._differs(team, standing, advancement=advancement)
        )

    def _differs(self, team: str, standing: Standing, *, advancement: bool) -> bool:
        official = self.official.team(team)
        if advancement:
            return standing.advances != official.advances
        return standing.rank != official.rank or standing.advances != official.advances


def robustness(
    spec: ConventionSpec,
    sheets: Sequence[SheetInput],
    decisions: Iterable[TieDecision],
    official: Results,
) -> Robustness:
    """Rank every category under each method, then with each judge left out in turn.

    A judge left out takes their conflicts with them; the jury's recorded tie decisions stay,
    and apply wherever the same teams are still level.
    """
    recorded = tuple(decisions)
    scenarios = [Scenario(method) for method in Method]
    scenarios += [Scenario(official.method, judge.code) for judge in spec.judges]
    outcomes: list[Results] = []
    for scenario in scenarios:
        if scenario.without is None and scenario.method is official.method:
            outcomes.append(official)
            continue
        outcomes.append(_recompute(spec, sheets, recorded, scenario))
    standings: dict[str, list[Standing]] = {team.code: [] for team in spec.teams}
    for outcome in outcomes:
        for category in outcome.categories:
            for team in category.teams:
                standings[team.code].append(Standing(team.rank, team.advances))
    return Robustness(
        official=official,
        scenarios=tuple(scenarios),
        standings={code: tuple(places) for code, places in standings.items()},
    )


def _recompute(
    spec: ConventionSpec,
    sheets: Sequence[SheetInput],
    decisions: tuple[TieDecision, ...],
    scenario: Scenario,
) -> Results:
    if scenario.without is None:
        return compute_results(spec, sheets, decisions, scenario.method)
    judge = scenario.without
    fewer = replace(
        spec,
        judges=tuple(j for j in spec.judges if j.code != judge),
        conflicts=tuple(c for c in spec.conflicts if c.judge != judge),
    )
    kept = [sheet for sheet in sheets if sheet.judge != judge]
    return compute_results(fewer, kept, decisions, scenario.method)
