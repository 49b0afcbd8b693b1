"""What differs from a seal, leaf by leaf, as shown; an event without a subject; the notes read."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from juryapp.domain.access import Actor
from juryapp.services.seal import MAX_LISTED, differences
from juryapp.services.snapshot import load_notes
from tests.services.conftest import Stack

NONE = "(tidak ada / none)"


def said(found: list[Any]) -> list[str]:
    return [f.text.en for f in found]


def test_each_leaf_added_removed_or_changed_is_named_with_both_values() -> None:
    sealed = {
        ("judge", "J1"): {"name": "Ani"},
        ("team", "A"): {"title": "Lama", "day": 1, "scores": {"K1": "3"}},
    }
    now = {
        ("team", "A"): {"title": "Baru", "room": "R1", "scores": {"K1": "3", "K2": "4"}},
        ("team", "B"): {"title": "Ruang é", "day": 2},
    }
    found = differences(sealed, now, 3)
    head = "differs from the seal of version 3:"
    assert said(found) == [
        f'{head} judge/J1 — sealed {{"name": "Ani"}}, now {NONE}',
        f"{head} team/A/day — sealed 1, now {NONE}",
        f"{head} team/A/room — sealed {NONE}, now 'R1'",
        f"{head} team/A/scores/K2 — sealed {NONE}, now '4'",
        f"{head} team/A/title — sealed 'Lama', now 'Baru'",
        f'{head} team/B — sealed {NONE}, now {{"title": "Ruang é", "day": 2}}',
    ]
    assert (
        found[0].text.id
        == f'berbeda dari segel versi 3: judge/J1 — disegel {{"name": "Ani"}}, sekarang {NONE}'
    )
    assert [str(f) for f in found] == [str(f.text) for f in found]


def test_a_leaf_that_became_a_table_or_stopped_being_one_is_shown_whole() -> None:
    found = differences({("x",): {"a": 1}}, {("x",): 5}, 1)
    assert said(found) == ['differs from the seal of version 1: x — sealed {"a": 1}, now 5']
    found = differences({("x",): None}, {("x",): {"a": None}}, 1)
    assert said(found) == ['differs from the seal of version 1: x — sealed null, now {"a": null}']


def test_exactly_a_dozen_differences_are_all_listed_and_one_more_is_counted() -> None:
    sealed = {("team", f"T{n:02}"): "a" for n in range(MAX_LISTED + 1)}
    now = dict.fromkeys(sealed, "b")
    dozen = dict(list(sealed.items())[:MAX_LISTED])
    assert len(differences(dozen, {p: now[p] for p in dozen}, 2)) == MAX_LISTED
    found = differences(sealed, now, 2)
    assert said(found)[-1] == "… and 1 more differences from the seal of version 2"
    assert len(found) == MAX_LISTED + 1


def test_an_event_recorded_without_a_subject_has_an_empty_one(stack: Stack, sek1: Actor) -> None:
    stack.results.set_released(sek1, True)
    [event] = stack.events("results.release")
    assert (event.actor, event.subject) == ("sek1", "")


def test_the_notes_read_for_the_documents_are_the_sheets_with_any_note(
    stack: Stack, sek1: Actor
) -> None:
    scoring = stack.scoring
    scoring.set_note(sek1, "J1", "PKM-01", "hadir terlambat")
    scoring.set_score(sek1, "J2", "PKM-01", "K1", Decimal(3), note="inovatif")
    scoring.set_score(sek1, "J2", "PKM-01", "K2", Decimal(4), note="   ")
    scoring.set_score(sek1, "J2", "PKM-01", "K3", Decimal(4), note="XXXX")  # whatever it says
    scoring.set_score(sek1, "J3", "PKM-02", "K1", Decimal(2))
    scoring.set_note(sek1, "J4", "PKM-02", "  ")
    with stack.database.reading() as session:
        notes = load_notes(session)
    assert notes == {
        ("J1", "PKM-01"): ("hadir terlambat", {}),
        ("J2", "PKM-01"): ("", {"K1": "inovatif", "K3": "XXXX"}),
    }
