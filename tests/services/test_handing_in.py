"""Handing in: each note, hand-in and abstention recorded with its own sheet, conflicts refused."""

from __future__ import annotations

import pytest

from juryapp.domain.access import Actor
from juryapp.domain.messages import PermissionDeniedError, StateError, Text
from tests.services.conftest import Stack, fill_sheet


def test_a_note_a_hand_in_and_an_abstention_record_their_own_sheet_only(
    stack: Stack, judges: dict[str, Actor], sek1: Actor
) -> None:
    fill_sheet(stack, judges["J1"], "J1", "PKM-02", 4)  # another sheet, left as it is
    j1 = judges["J1"]
    stack.scoring.set_note(j1, "J1", "PKM-01", "hadir terlambat")
    fill_sheet(stack, j1, "J1", "PKM-01", 3)
    stack.scoring.submit(j1, "J1", "PKM-01")
    stack.scoring.abstain(sek1, "J2", "PKM-03", "juri sakit")

    [note] = stack.events("sheet.note")
    [submit] = stack.events("sheet.submit")
    [abstain] = stack.events("sheet.abstain")
    assert (note.actor, note.subject) == ("j1", "J1/PKM-01")
    assert (submit.actor, submit.subject) == ("j1", "J1/PKM-01")
    assert (abstain.actor, abstain.subject) == ("sek1", "J2/PKM-03")
    assert set(note.state["sheets"]) == {"J1/PKM-01"}
    assert set(submit.state["sheets"]) == {"J1/PKM-01"}
    assert set(abstain.state["sheets"]) == {"J2/PKM-03"}
    assert note.state["sheets"]["J1/PKM-01"]["note"] == "hadir terlambat"
    assert submit.state["sheets"]["J1/PKM-01"]["status"] == "submitted"
    assert submit.state["sheets"]["J1/PKM-01"]["note"] == "hadir terlambat"  # kept
    assert abstain.details == {"reason": "juri sakit"}


def test_a_conflicted_judge_can_neither_note_nor_hand_in_the_team(
    stack: Stack, judges: dict[str, Actor], sek1: Actor
) -> None:
    j5 = judges["J5"]  # J5 has a conflict of interest with RSS-02
    with pytest.raises(PermissionDeniedError):
        stack.scoring.set_note(j5, "J5", "RSS-02", "catatan")
    with pytest.raises(PermissionDeniedError):
        stack.scoring.submit(j5, "J5", "RSS-02")
    with pytest.raises(PermissionDeniedError):
        stack.scoring.set_note(sek1, "J5", "RSS-02", "dari kertas")
    assert stack.events("sheet.note") == []
    assert stack.events("sheet.submit") == []


def test_a_note_keeps_the_abstention_and_its_reason(stack: Stack, sek1: Actor) -> None:
    stack.scoring.abstain(sek1, "J2", "PKM-03", "juri sakit")
    stack.scoring.set_note(sek1, "J2", "PKM-03", "surat dokter menyusul")
    view = stack.scoring.sheet(sek1, "J2", "PKM-03")
    assert (view.abstained, view.note) == (True, "surat dokter menyusul")
    [note] = stack.events("sheet.note")
    recorded = note.state["sheets"]["J2/PKM-03"]
    assert (recorded["abstained"], recorded["reason"]) == (True, "juri sakit")


def test_a_draft_is_changed_only_from_where_it_is_typed(
    stack: Stack, judges: dict[str, Actor], sek1: Actor
) -> None:
    stack.scoring.set_note(judges["J1"], "J1", "PKM-01", "di laptop")
    with pytest.raises(StateError) as at_laptop:
        stack.scoring.set_note(sek1, "J1", "PKM-01", "dari kertas")
    assert at_laptop.value.text == Text(
        "juri sedang mengisi lembar ini di laptop; jangan ketik ulang dari kertas",
        "the judge is filling this sheet at a laptop; do not type it again from paper",
    )
    stack.scoring.set_note(sek1, "J2", "PKM-01", "dari kertas")
    with pytest.raises(StateError) as on_paper:
        stack.scoring.set_note(judges["J2"], "J2", "PKM-01", "di laptop")
    assert on_paper.value.text == Text(
        "lembar ini diisi sekretariat dari formulir kertas",
        "the secretariat is typing this sheet from a paper form",
    )
    assert stack.scoring.sheet(sek1, "J1", "PKM-01").note == "di laptop"
    assert stack.scoring.sheet(sek1, "J2", "PKM-01").note == "dari kertas"


def test_the_typist_is_named_when_refused_the_confirmation(
    stack: Stack, sek1: Actor, sek2: Actor
) -> None:
    fill_sheet(stack, sek1, "J4", "PKM-02", 3)
    stack.scoring.submit(sek1, "J4", "PKM-02")
    with pytest.raises(PermissionDeniedError) as refused:
        stack.scoring.confirm(sek1, "J4", "PKM-02")
    assert refused.value.text == Text(
        "lembar ini diketik oleh sek1; konfirmasi harus oleh petugas sekretariat lain",
        "sek1 typed this sheet; another secretariat user must confirm it",
    )
    stack.scoring.confirm(sek2, "J4", "PKM-02")
