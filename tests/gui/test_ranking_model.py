"""The ranking table shown again after each reckoning: every changed value shows, nothing stale."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from fractions import Fraction

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from juryapp.domain.results import CategoryResult, TeamResult, TieGroup
from juryapp.gui.launch import apply_language
from juryapp.gui.secretariat.results_models import ADVANCES, JUDGES, RANK, SCORE, TIE, RankingModel


def _team(code: str, rank: int, score: Fraction, *, advances: bool = False) -> TeamResult:
    return TeamResult(
        code=code,
        institution=f"Puskesmas {code}",
        title=f"Inovasi {code}",
        category="PKM",
        score=score,
        z=None,
        rank=rank,
        tied=False,
        tied_with=(),
        tie_broken_by=None,
        advances=advances,
        cut_line_tie=False,
        judges_counted=4,
        judges_expected=4,
        marks=(),
        criterion_means={},
    )


def _category(*teams: TeamResult, ties: tuple[TieGroup, ...] = ()) -> CategoryResult:
    return CategoryResult(
        "PKM", "Puskesmas", "Community health centres", 1, teams, ties, None, 0, 0
    )


def _shown(model: RankingModel, column: int) -> dict[str, str]:
    """Each team's text in ``column``, by code, in the model's current rows."""
    return {
        model.code_at(row): str(model.index(row, column).data() or "")
        for row in range(model.rowCount())
    }


@pytest.fixture
def model(qapp: QApplication, english: None) -> Iterator[RankingModel]:
    shown = RankingModel()
    yield shown
    shown.deleteLater()


def test_a_team_whose_score_changes_shows_the_new_score_and_rank(model: RankingModel) -> None:
    a, b, c = (
        _team("A", 1, Fraction(90)),
        _team("B", 2, Fraction(80)),
        _team("C", 3, Fraction(70)),
    )
    model.set_category(_category(a, b, c))
    model.set_category(_category(replace(b, rank=1, score=Fraction(181, 2), advances=True),
                                 replace(a, rank=2), c))  # fmt: skip

    assert _shown(model, RANK) == {"A": "2", "B": "1", "C": "3"}
    assert _shown(model, SCORE)["B"] == "90.50"
    assert _shown(model, ADVANCES) == {"A": "", "B": "Advances", "C": ""}
    bold = model.index(model.row_of("B"), ADVANCES).data(Qt.ItemDataRole.FontRole)
    assert bold is not None and bold.bold()
    assert model.index(model.row_of("A"), ADVANCES).data(Qt.ItemDataRole.FontRole) is None


def test_a_team_with_one_more_judge_counted_shows_it(model: RankingModel) -> None:
    a = _team("A", 1, Fraction(90))
    model.set_category(_category(replace(a, judges_counted=3)))
    assert _shown(model, JUDGES) == {"A": "3/4"}
    model.set_category(_category(a))
    assert _shown(model, JUDGES) == {"A": "4/4"}


def test_a_new_tie_partner_changes_the_tie_text_of_an_unchanged_team(model: RankingModel) -> None:
    a, b, c = (
        _team("A", 1, Fraction(90)),
        _team("B", 2, Fraction(80)),
        _team("C", 3, Fraction(70)),
    )
    broken = replace(a, tie_broken_by="K1")
    group = TieGroup(("A", "B"), ("K1",), (), crosses_cut_line=False, decision=None)
    model.set_category(_category(broken, replace(b, tie_broken_by="K1"), c, ties=(group,)))
    assert _shown(model, TIE)["A"] == "Tied with B, broken by K1"

    wider = TieGroup(("A", "B", "C"), ("K1",), (), crosses_cut_line=False, decision=None)
    model.set_category(_category(broken, replace(b, tie_broken_by="K1"),
                                 replace(c, tie_broken_by="K1"), ties=(wider,)))  # fmt: skip
    assert _shown(model, TIE)["A"] == "Tied with B, C, broken by K1"


def test_the_same_ranking_after_a_language_switch_is_in_the_new_language(
    qapp: QApplication, model: RankingModel
) -> None:
    category = _category(_team("A", 1, Fraction(181, 2), advances=True))
    model.set_category(category)
    assert _shown(model, ADVANCES) == {"A": "Advances"}
    assert _shown(model, SCORE) == {"A": "90.50"}

    apply_language(qapp, "id")
    model.set_category(category)

    assert _shown(model, ADVANCES) == {"A": "Lolos"}
    assert _shown(model, SCORE) == {"A": "90,50"}


def test_going_back_to_a_category_shows_its_teams_as_they_are_now(model: RankingModel) -> None:
    puskesmas = _category(_team("A", 1, Fraction(90)), _team("B", 2, Fraction(80)))
    hospitals = replace(puskesmas, code="RS", teams=(_team("A", 1, Fraction(70)),))
    model.set_category(puskesmas)
    model.set_category(hospitals)
    assert _shown(model, SCORE) == {"A": "70.00"}

    a, b = puskesmas.teams
    model.set_category(replace(puskesmas, teams=(replace(b, rank=1), replace(a, rank=2))))
    assert _shown(model, RANK) == {"A": "2", "B": "1"}
    assert _shown(model, SCORE) == {"A": "90.00", "B": "80.00"}


def test_cells_worked_out_ahead_for_another_category_change_nothing_shown(
    qtbot: QtBot, model: RankingModel
) -> None:
    a, b = _team("A", 1, Fraction(90)), _team("B", 2, Fraction(80))
    group = TieGroup(("A", "B"), ("K1",), (), crosses_cut_line=False, decision=None)
    shown = _category(replace(a, tie_broken_by="K1"), replace(b, tie_broken_by="K1"), ties=(group,))
    other = replace(_category(_team("C", 1, Fraction(70))), code="RS")
    model.set_category(shown)
    model.keep_soon([other])
    qtbot.waitUntil(lambda: not model._to_keep)

    assert _shown(model, TIE) == {
        "A": "Tied with B, broken by K1",
        "B": "Tied with A, broken by K1",
    }
    model.set_category(shown)  # a new reckoning of the same category: its own partners still
    assert _shown(model, TIE)["A"] == "Tied with B, broken by K1"
    model.set_category(other)
    assert _shown(model, SCORE) == {"C": "70.00"}
