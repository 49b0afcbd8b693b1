"""Every service call a judge must not make is refused in the service layer and changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from juryapp.domain.access import Actor
from juryapp.domain.kinds import Role, SheetStatus
from juryapp.domain.messages import PermissionDeniedError
from juryapp.domain.model import Judge, Team
from juryapp.services.imports import ImportService
from tests.services.conftest import (
    KEY_PASSPHRASE,
    Stack,
    copy_database,
    fill_sheet,
    open_stack,
    pin_of,
)

THREE = Decimal(3)

# Each entry: a label and a call made by judge J1 that must be refused.
Call = Callable[[Stack, Actor], Any]
DENIED: list[tuple[str, Call]] = [
    ("read another judge's sheet", lambda s, a: s.scoring.sheet(a, "J2", "PKM-01")),
    ("read another judge's queue", lambda s, a: s.scoring.queue(a, "J2")),
    (
        "write another judge's sheet",
        lambda s, a: s.scoring.set_score(a, "J2", "PKM-01", "K1", THREE),
    ),
    (
        "start another judge's sheet",
        lambda s, a: s.scoring.set_score(a, "J4", "PKM-05", "K1", THREE),
    ),
    ("note on another judge's sheet", lambda s, a: s.scoring.set_note(a, "J2", "PKM-01", "x")),
    ("submit another judge's sheet", lambda s, a: s.scoring.submit(a, "J2", "PKM-01")),
    ("confirm own sheet", lambda s, a: s.scoring.confirm(a, "J1", "PKM-01")),
    ("confirm another sheet", lambda s, a: s.scoring.confirm(a, "J2", "PKM-01")),
    (
        "correct own sheet",
        lambda s, a: s.scoring.correct(a, "J1", "PKM-01", "K1", Decimal(5), "salah"),
    ),
    ("reopen own sheet", lambda s, a: s.scoring.reopen(a, "J1", "PKM-01", "ingin ubah")),
    ("abstain", lambda s, a: s.scoring.abstain(a, "J1", "PKM-03", "tidak hadir")),
    ("compute before release", lambda s, a: s.results.compute(a)),
    ("compare methods", lambda s, a: s.results.compare_methods(a)),
    ("see progress", lambda s, a: s.results.progress(a)),
    ("release results", lambda s, a: s.results.set_released(a, True)),
    (
        "decide a tie",
        lambda s, a: s.results.decide_tie(a, "PKM", ["PKM-01", "PKM-02"], reason="voting"),
    ),
    ("lock results", lambda s, a: s.locking.lock(a, "selesai", KEY_PASSPHRASE)),
    ("unlock results", lambda s, a: s.locking.unlock(a, "koreksi")),
    ("change the set-up", lambda s, a: s.setup.update(a, s.setup.spec())),
    ("create a convention", lambda s, a: s.setup.create(a, s.setup.spec())),
    (
        "add teams",
        lambda s, a: s.setup.upsert_teams(a, [Team("PKM-09", "Puskesmas X", "PKM", "Inovasi")]),
    ),
    ("add judges", lambda s, a: s.setup.upsert_judges(a, [Judge("J6", "dr. Baru")])),
    ("another judge's signature", lambda s, a: s.setup.set_signature(a, "J2", b"\x89PNG")),
    ("read every sheet for documents", lambda s, a: s.results.snapshot(a)),
    ("open the signing key", lambda s, a: s.keys.unlock(a, KEY_PASSPHRASE)),
    ("make a signing key", lambda s, a: s.keys.create(a, KEY_PASSPHRASE)),
    ("replace the signing key", lambda s, a: s.keys.replace(a, KEY_PASSPHRASE, "hilang")),
    (
        "change the key's passphrase",
        lambda s, a: s.keys.change_passphrase(a, KEY_PASSPHRASE, KEY_PASSPHRASE + "-baru"),
    ),
    ("read the audit trail", lambda s, a: s.integrity.events(a)),
    ("check the audit trail", lambda s, a: s.integrity.check(a)),
    (
        "create an account",
        lambda s, a: s.accounts.create(a, "x", "12345678", role=Role.SECRETARIAT),
    ),
    ("reset a PIN", lambda s, a: s.accounts.set_secret(a, "j2", "135790")),
]

# What someone who has not signed in may still do: read what the database file shows anyone.
READS = {
    "read another judge's sheet",
    "read another judge's queue",
    "compute before release",
    "compare methods",
    "read every sheet for documents",
    "read the audit trail",
    "check the audit trail",
}
CHANGES = [(label, call) for label, call in DENIED if label not in READS]
NOBODY = {
    "reader": Actor.reader(),
    "founder": Actor.founder(),
    "secretariat without an account": Actor(username="sek1", role=Role.SECRETARIAT),
}


@pytest.fixture(scope="module")
def busy_template(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Path:
    """J1 and J2 have submitted PKM-01; J2 has a draft for PKM-02; results are withheld."""
    path = tmp_path_factory.mktemp("busy") / "konvensi.sqlite3"
    copy_database(template_db, path)
    services = open_stack(path)
    try:
        for code in ("J1", "J2"):
            judge = services.accounts.sign_in(code.lower(), pin_of(code))
            fill_sheet(services, judge, code, "PKM-01", 4)
            services.scoring.submit(judge, code, "PKM-01")
        j2 = services.accounts.sign_in("j2", pin_of("J2"))
        services.scoring.set_score(j2, "J2", "PKM-02", "K1", THREE)
    finally:
        services.close()
    return path


@pytest.fixture
def stack_template(busy_template: Path) -> Path:
    return busy_template


@pytest.fixture
def busy(stack: Stack) -> Stack:
    return stack


@pytest.mark.parametrize(("label", "call"), DENIED, ids=[label for label, _ in DENIED])
def test_judge_is_refused(
    busy: Stack,
    judges: dict[str, Actor],
    label: str,
    call: Callable[[Stack, Actor], Any],
) -> None:
    before = busy.actions()
    with pytest.raises(PermissionDeniedError):
        call(busy, judges["J1"])
    assert busy.actions() == before, label


@pytest.mark.parametrize("who", sorted(NOBODY))
@pytest.mark.parametrize(("label", "call"), CHANGES, ids=[label for label, _ in CHANGES])
def test_nobody_signed_in_changes_anything(
    busy: Stack, who: str, label: str, call: Callable[[Stack, Actor], Any]
) -> None:
    before = busy.actions()
    with pytest.raises(PermissionDeniedError):
        call(busy, NOBODY[who])
    assert busy.actions() == before, label


def test_a_reader_reads_what_the_file_shows(busy: Stack) -> None:
    reader = Actor.reader()
    assert busy.scoring.sheet(reader, "J2", "PKM-01").filled == 8
    assert busy.results.compute(reader).team("PKM-01").judges_counted == 2
    assert busy.integrity.check(reader).ok


def test_released_results_show_a_judge_only_their_own_totals(
    busy: Stack, judges: dict[str, Actor], sek1: Actor
) -> None:
    busy.results.set_released(sek1, True)
    full = busy.results.compute(sek1).team("PKM-01")
    seen = busy.results.compute(judges["J1"]).team("PKM-01")
    assert (seen.score, seen.rank) == (full.score, full.rank)
    totals = {m.judge: m.total for m in seen.marks}
    assert totals["J1"] == next(m.total for m in full.marks if m.judge == "J1") is not None
    assert totals["J2"] is None  # J2 scored PKM-01, but J1 does not see how
    assert next(m.total for m in full.marks if m.judge == "J2") is not None
    assert {m.judge: m.status for m in seen.marks} == {m.judge: m.status for m in full.marks}


def test_judge_reads_and_writes_own_sheets(busy: Stack, judges: dict[str, Actor]) -> None:
    j2 = judges["J2"]
    assert busy.scoring.sheet(j2, "J2", "PKM-01").status is SheetStatus.SUBMITTED
    assert len(busy.scoring.queue(j2)) == 15
    assert len(busy.scoring.queue(j2, "J2")) == 15
    busy.scoring.set_score(j2, "J2", "PKM-02", "K2", THREE)
    busy.scoring.set_note(j2, "J2", "PKM-02", "presentasi melebihi waktu")
    busy.setup.set_signature(j2, "J2", b"\x89PNG-signature")
    assert busy.setup.signatures() == {"J2": b"\x89PNG-signature"}


def test_secretariat_reads_every_sheet(busy: Stack, sek1: Actor) -> None:
    assert busy.scoring.sheet(sek1, "J2", "PKM-01").filled == 8
    assert busy.scoring.sheet(sek1, "J1", "PKM-01").status is SheetStatus.SUBMITTED
    assert len(busy.scoring.queue(sek1, "J5")) == 15


def test_judge_sees_results_only_while_released(
    busy: Stack, judges: dict[str, Actor], sek1: Actor
) -> None:
    j1 = judges["J1"]
    assert busy.results.compute(sek1).categories  # the secretariat always can
    with pytest.raises(PermissionDeniedError):
        busy.results.compute(j1)
    busy.results.set_released(sek1, True)
    results = busy.results.compute(j1)
    assert results.team("PKM-01").judges_counted == 2
    busy.results.set_released(sek1, False)
    with pytest.raises(PermissionDeniedError):
        busy.results.compute(j1)
    assert [a for _, a, _ in busy.actions() if a.startswith("results.")] == [
        "results.release",
        "results.withhold",
    ]


def test_judge_cannot_import_files(busy: Stack, judges: dict[str, Actor], tmp_path: Path) -> None:
    imports = ImportService(busy.database, busy.setup)
    file = tmp_path / "nilai.csv"
    file.write_text("juri;tim;kriteria;skor\nJ1;PKM-01;K1;5\n", encoding="utf-8")
    before = busy.actions()
    for method in (imports.import_teams, imports.import_judges, imports.import_scores):
        with pytest.raises(PermissionDeniedError):
            method(judges["J1"], file)
    assert busy.actions() == before
