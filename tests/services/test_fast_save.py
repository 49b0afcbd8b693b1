"""The fast path of saving a score shows the sheet exactly as a fresh read of it does."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

from juryapp.domain.access import Actor
from juryapp.domain.kinds import SheetSource, SheetStatus, TotalFormula
from juryapp.services.sheet_views import SheetView
from tests.services.conftest import CRITERIA, Stack


def saved_and_read(
    stack: Stack, actor: Actor, judge: str, team: str, criterion: str, value: int
) -> tuple[SheetView, SheetView]:
    saved = stack.scoring.set_score(actor, judge, team, criterion, Decimal(value))
    return saved, stack.scoring.sheet(actor, judge, team)


def test_a_judges_first_score_makes_the_sheet_a_fresh_read_shows(
    stack: Stack, judges: dict[str, Actor]
) -> None:
    saved, read = saved_and_read(stack, judges["J1"], "J1", "PKM-03", "K1", 4)
    assert saved == read
    assert (saved.status, saved.source) == (SheetStatus.DRAFT, SheetSource.JUDGE)
    assert (saved.abstained, saved.note, saved.entered_by, saved.confirmed_by) == (
        False,
        "",
        "",  # a judge's own sheet has no typist
        "",
    )
    saved, read = saved_and_read(stack, judges["J1"], "J1", "PKM-03", "K2", 3)
    assert saved == read and saved.filled == 2


def test_a_paper_sheets_first_score_names_its_typist(stack: Stack, sek1: Actor) -> None:
    saved, read = saved_and_read(stack, sek1, "J4", "PKM-02", "K1", 5)
    assert saved == read
    assert saved.source is SheetSource.PAPER
    assert saved.entered_by != "" and saved.entered_by == read.entered_by
    saved, read = saved_and_read(stack, sek1, "J4", "PKM-02", "K2", 4)
    assert saved == read and saved.entered_by != ""


def test_the_fast_path_follows_the_rubric_as_set_up(
    stack: Stack, sek1: Actor, judges: dict[str, Actor]
) -> None:
    spec = stack.setup.spec()
    # the proportional total, and a criterion on 0–10 in half points with no level texts
    first, *rest = spec.criteria
    halves = replace(
        first,
        code="KX",
        scale_min=Decimal(0),
        scale_max=Decimal(10),
        scale_step=Decimal("0.5"),
        levels=(),
    )
    scoring = replace(spec.scoring, total_formula=TotalFormula.PROPORTIONAL)
    stack.setup.update(sek1, replace(spec, scoring=scoring, criteria=(halves, *rest)))
    judge = judges["J2"]
    for criterion in CRITERIA[1:]:
        stack.scoring.set_score(judge, "J2", "PKM-04", criterion, Decimal(4))
    saved = stack.scoring.set_score(judge, "J2", "PKM-04", "KX", Decimal("7.5"))
    assert saved == stack.scoring.sheet(judge, "J2", "PKM-04")
    assert saved.lines[0].criterion.levels == ()
    # proportional: Σ w·x/max over Σ w, here 7.5 of 10 and 4 of 5 elsewhere
    weights = {c.code: Fraction(c.weight) for c in (halves, *rest)}
    share = {code: Fraction(4, 5) for code in weights} | {"KX": Fraction(3, 4)}
    expected = 100 * sum(weights[c] * share[c] for c in weights) / sum(weights.values())
    assert saved.total == expected
