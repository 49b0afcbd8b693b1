"""The data of the documents: notes that point to no judge, names and formulas in words."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from juryapp.domain.kinds import TotalFormula
from juryapp.domain.results import compute_results
from juryapp.services.documents import DocumentInputs, header_of
from juryapp.services.event_documents import anonymous_notes
from juryapp.services.results import Snapshot
from juryapp.services.wording import formula_text
from tests.domain.builders import criterion, make_spec

JUDGES = ("J1", "J2", "J3", "J4", "J5")
NOTES = {
    ("J1", "T1"): ("Presentasi runtut", {"K5": "Data lengkap"}),
    ("J2", "T1"): ("", {"K5": "Target tercapai", "K3": "Gagasan baru"}),
    ("J3", "T1"): ("Jawaban lugas", {"K5": "Perlu pembanding"}),
    ("J4", "T1"): ("", {"K5": "Replikasi mudah"}),
}


def inputs(spec: Any, notes: dict[tuple[str, str], Any]) -> DocumentInputs:
    snapshot = Snapshot(spec, (), (), False, False, 1, False)
    return DocumentInputs(snapshot, compute_results(spec, ()), notes, {}, "id")


def test_notes_are_grouped_by_criterion_and_shuffled_the_same_way_on_every_print() -> None:
    spec = make_spec(("T1", "T2"), JUDGES)
    notes = anonymous_notes(inputs(spec, NOTES), "T1")
    assert [n.criterion_code for n in notes] == ["K3", "K5", "K5", "K5", "K5", None, None]
    assert {n.text for n in notes if n.criterion_code == "K5"} == {
        "Data lengkap", "Target tercapai", "Perlu pembanding", "Replikasi mudah"
    }  # fmt: skip
    assert anonymous_notes(inputs(spec, NOTES), "T1") == notes


def test_the_order_of_notes_says_nothing_of_the_judges_order() -> None:
    spec = make_spec(("T1",), JUDGES)
    shuffled = replace(spec, judges=tuple(reversed(spec.judges)))
    assert anonymous_notes(inputs(spec, NOTES), "T1") == anonymous_notes(
        inputs(shuffled, NOTES), "T1"
    )
    # nor is it the judges' order: across teams the same notes come out in other orders
    orders = {
        tuple(n.text for n in anonymous_notes(inputs(make_spec((t,), JUDGES), _for(t)), t))
        for t in ("T1", "T2", "T3", "T4", "T5", "T6")
    }
    assert len(orders) > 1


def _for(team: str) -> dict[tuple[str, str], Any]:
    return {(judge, team): value for (judge, _), value in NOTES.items()}


def test_the_formula_in_use_is_written_out() -> None:
    criteria = (criterion("K1", 40), criterion("K2", 60))
    assert formula_text(criteria, TotalFormula.RANGE, "id") == "Nilai = Bobot × (Skor − 1) ÷ 4"
    assert formula_text(criteria, TotalFormula.PROPORTIONAL, "id") == "Nilai = Bobot × Skor ÷ 5"
    assert formula_text(criteria, TotalFormula.RANGE, "en") == "Value = Weight × (Score − 1) ÷ 4"
    tenths = (criterion("K1", 40, lo=0, hi=10), criterion("K2", 60, lo=0, hi=10))
    assert formula_text(tenths, TotalFormula.RANGE, "id") == "Nilai = Bobot × Skor ÷ 10"
    mixed = (criterion("K1", 40), criterion("K2", 60, lo=0, hi=10))
    assert "skor terendah" in formula_text(mixed, TotalFormula.RANGE, "id")


def test_the_next_level_is_named_in_english_when_it_can_be() -> None:
    spec = make_spec()
    info = replace(spec.info, next_level="Tingkat Provinsi DKI Jakarta")
    assert header_of(replace(spec, info=info), "en").next_level == (
        "next level (Tingkat Provinsi DKI Jakarta)"
    )
    english = replace(info, next_level_en="DKI Jakarta provincial level")
    assert header_of(replace(spec, info=english), "en").next_level == "DKI Jakarta provincial level"
    assert header_of(replace(spec, info=english), "id").next_level == "Tingkat Provinsi DKI Jakarta"
