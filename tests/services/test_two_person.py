"""The two-person rule against every way round it: typing, importing and overwriting a sheet."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from juryapp.domain.access import Actor
from juryapp.domain.kinds import Role, SheetSource, SheetStatus
from juryapp.domain.messages import NotFoundError, PermissionDeniedError
from juryapp.persistence.tables import ScoreRow, SheetRow
from juryapp.services.imports import ImportService
from tests.services.conftest import CRITERIA, SECRETARIAT_PASSPHRASE, Stack, fill_sheet


def scores_file(
    folder: Path, values: dict[str, int], judge: str = "J4", team: str = "PKM-02"
) -> Path:
    path = folder / "nilai.csv"
    lines = ["judge;team;criterion;score"]
    lines += [f"{judge};{team};{criterion};{value}" for criterion, value in values.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


SEK2_TYPED = "sek2 typed this sheet; another secretariat user must confirm it"


@pytest.fixture
def imports(stack: Stack) -> ImportService:
    return ImportService(stack.database, stack.setup)


@pytest.fixture
def sek3(stack: Stack, sek1: Actor) -> Actor:
    stack.accounts.create(sek1, "sek3", SECRETARIAT_PASSPHRASE, role=Role.SECRETARIAT)
    return stack.accounts.sign_in("sek3", SECRETARIAT_PASSPHRASE)


def test_who_imports_a_sheet_cannot_confirm_it(
    stack: Stack, imports: ImportService, sek1: Actor, sek2: Actor, tmp_path: Path
) -> None:
    imports.import_scores(sek1, scores_file(tmp_path, dict.fromkeys(CRITERIA, 4)))
    view = stack.scoring.sheet(sek1, "J4", "PKM-02")
    assert (view.status, view.entered_by) == (SheetStatus.SUBMITTED, "sek1")
    with stack.database.reading() as session:  # each imported value waits for its check
        assert set(session.scalars(select(ScoreRow.checked))) == {False}
    with pytest.raises(PermissionDeniedError):
        stack.scoring.confirm(sek1, "J4", "PKM-02")
    assert stack.scoring.confirm(sek2, "J4", "PKM-02").status is SheetStatus.CONFIRMED


def test_half_typed_half_imported_needs_a_third_person(
    stack: Stack,
    imports: ImportService,
    sek1: Actor,
    sek2: Actor,
    sek3: Actor,
    tmp_path: Path,
) -> None:
    for criterion in CRITERIA[:4]:
        stack.scoring.set_score(sek1, "J4", "PKM-02", criterion, Decimal(3))
    imports.import_scores(sek2, scores_file(tmp_path, dict.fromkeys(CRITERIA[4:], 4)))
    assert stack.scoring.sheet(sek1, "J4", "PKM-02").status is SheetStatus.SUBMITTED
    for typist in (sek1, sek2):
        with pytest.raises(PermissionDeniedError):
            stack.scoring.confirm(typist, "J4", "PKM-02")
    assert stack.scoring.confirm(sek3, "J4", "PKM-02").confirmed_by == "sek3"


def test_who_overwrites_a_sheet_by_import_cannot_confirm_it(
    stack: Stack, imports: ImportService, sek1: Actor, sek2: Actor, tmp_path: Path
) -> None:
    for criterion in CRITERIA[:-1]:
        stack.scoring.set_score(sek1, "J4", "PKM-02", criterion, Decimal(3))
    imports.import_scores(sek2, scores_file(tmp_path, dict.fromkeys(CRITERIA, 5)))
    with pytest.raises(PermissionDeniedError):
        stack.scoring.confirm(sek2, "J4", "PKM-02")
    # every value the first user typed was overwritten: they check the second user's typing
    assert stack.scoring.confirm(sek1, "J4", "PKM-02").status is SheetStatus.CONFIRMED


def test_a_correction_is_checked_by_the_other_user(
    stack: Stack, imports: ImportService, sek1: Actor, sek2: Actor, tmp_path: Path
) -> None:
    imports.import_scores(sek1, scores_file(tmp_path, dict.fromkeys(CRITERIA, 4)))
    stack.scoring.confirm(sek2, "J4", "PKM-02")
    stack.scoring.correct(sek2, "J4", "PKM-02", "K3", Decimal(2), "salah baca formulir")
    with pytest.raises(PermissionDeniedError):
        stack.scoring.confirm(sek2, "J4", "PKM-02")
    # sek1's values were checked by sek2 already; sek1 now checks sek2's correction
    assert stack.scoring.confirm(sek1, "J4", "PKM-02").confirmed_by == "sek1"


def test_an_import_refused_for_nobody_signed_in(
    stack: Stack, imports: ImportService, tmp_path: Path
) -> None:
    before = stack.actions()
    for nobody in (Actor.reader(), Actor(username="sek1", role=Role.SECRETARIAT)):
        with pytest.raises(PermissionDeniedError):
            imports.import_scores(nobody, scores_file(tmp_path, dict.fromkeys(CRITERIA, 4)))
    assert stack.actions() == before


def _typed_and_handed_in(stack: Stack, typist: Actor) -> None:
    """J4's paper sheet for PKM-02, every value typed by ``typist``, then handed in."""
    fill_sheet(stack, typist, "J4", "PKM-02")
    stack.scoring.submit(typist, "J4", "PKM-02")


def _mark_every_score_checked_behind_the_app(stack: Stack) -> None:
    """What an insider does to the file between a correction and a confirmation."""
    with stack.database.writing() as session:
        session.execute(update(ScoreRow).values(checked=True))


def test_a_corrector_who_marks_the_scores_checked_by_hand_still_cannot_confirm(
    stack: Stack, imports: ImportService, sek1: Actor, sek2: Actor, tmp_path: Path
) -> None:
    imports.import_scores(sek1, scores_file(tmp_path, dict.fromkeys(CRITERIA, 4)))
    stack.scoring.confirm(sek2, "J4", "PKM-02")
    stack.scoring.correct(sek2, "J4", "PKM-02", "K3", Decimal(2), "salah baca formulir")
    _mark_every_score_checked_behind_the_app(stack)
    with pytest.raises(PermissionDeniedError) as refused:
        stack.scoring.confirm(sek2, "J4", "PKM-02")
    # the trail names who changed the sheet, though the marks no longer do
    assert refused.value.text.en == SEK2_TYPED
    assert stack.scoring.confirm(sek1, "J4", "PKM-02").confirmed_by == "sek1"


def test_a_typist_who_marks_the_scores_checked_by_hand_still_cannot_confirm(
    stack: Stack, sek1: Actor, sek2: Actor
) -> None:
    _typed_and_handed_in(stack, sek1)
    _mark_every_score_checked_behind_the_app(stack)
    with pytest.raises(PermissionDeniedError):
        stack.scoring.confirm(sek1, "J4", "PKM-02")
    assert stack.scoring.confirm(sek2, "J4", "PKM-02").confirmed_by == "sek2"


def test_a_confirmation_clears_what_came_before_it_for_the_next(
    stack: Stack, sek1: Actor, sek2: Actor
) -> None:
    # sek1 typed, sek2 confirmed; a later correction by sek2 leaves sek1 free to confirm,
    # and sek1's typing before the first confirmation no longer counts against sek1
    _typed_and_handed_in(stack, sek1)
    stack.scoring.confirm(sek2, "J4", "PKM-02")
    stack.scoring.correct(sek2, "J4", "PKM-02", "K1", Decimal(4), "salah ketik")
    assert stack.scoring.confirm(sek1, "J4", "PKM-02").confirmed_by == "sek1"


def test_a_criterion_added_after_handing_in_is_filled_by_a_correction_another_checks(
    stack: Stack, sek1: Actor, sek2: Actor
) -> None:
    _typed_and_handed_in(stack, sek1)
    stack.scoring.confirm(sek2, "J4", "PKM-02")
    spec = stack.setup.spec()
    *kept, last = spec.criteria
    added = replace(last, code="K9", name="Keberlanjutan", name_en="Sustainability", weight=10)
    criteria = (*kept, replace(last, weight=last.weight - 10), added)
    stack.setup.update(sek1, replace(spec, criteria=criteria))
    view = stack.scoring.correct(sek2, "J4", "PKM-02", "K9", Decimal(4), "kriteria baru")
    (line,) = [x for x in view.lines if x.criterion.code == "K9"]
    assert (line.value, line.note) == (Decimal(4), "")
    assert view.status is SheetStatus.SUBMITTED
    with stack.database.reading() as session:
        assert session.scalar(select(ScoreRow.checked).where(ScoreRow.value == 4)) is False
    with pytest.raises(PermissionDeniedError) as refused:
        stack.scoring.confirm(sek2, "J4", "PKM-02")
    assert refused.value.text.en == SEK2_TYPED
    assert refused.value.text.id == (
        "lembar ini diketik oleh sek2; konfirmasi harus oleh petugas sekretariat lain"
    )
    assert stack.scoring.confirm(sek1, "J4", "PKM-02").confirmed_by == "sek1"


def test_a_typist_whose_sheet_another_handed_in_still_cannot_confirm_it(
    stack: Stack, sek1: Actor, sek2: Actor, sek3: Actor
) -> None:
    # sek1 types every value, sek2 only hands the sheet in: the values are still sek1's
    fill_sheet(stack, sek1, "J4", "PKM-02")
    stack.scoring.submit(sek2, "J4", "PKM-02")
    _mark_every_score_checked_behind_the_app(stack)
    with pytest.raises(PermissionDeniedError):
        stack.scoring.confirm(sek1, "J4", "PKM-02")
    assert stack.scoring.confirm(sek3, "J4", "PKM-02").confirmed_by == "sek3"


def test_a_correction_of_a_criterion_the_rubric_lacks_is_refused_by_name(
    stack: Stack, sek1: Actor, sek2: Actor
) -> None:
    _typed_and_handed_in(stack, sek1)
    before = stack.actions()
    with pytest.raises(NotFoundError) as refused:
        stack.scoring.correct(sek2, "J4", "PKM-02", "K99", Decimal(3), "tidak ada")
    assert refused.value.text.en == "unknown criterion 'K99'"
    assert refused.value.text.id == "kriteria 'K99' tidak dikenal"
    assert stack.actions() == before


def test_the_marks_alone_still_refuse_an_unchecked_values_typist(
    stack: Stack, sek1: Actor, sek2: Actor
) -> None:
    """The rule is read twice: a value left unchecked in the table refuses its typist even
    where the trail shows nothing since the last confirmation (here, a sheet put back to
    submitted behind the app with one value marked unchecked, as sek2's)."""
    _typed_and_handed_in(stack, sek1)
    stack.scoring.confirm(sek2, "J4", "PKM-02")
    with stack.database.writing() as session:
        session.execute(update(SheetRow).values(status="submitted"))
        session.execute(
            update(ScoreRow)
            .where(ScoreRow.id == session.scalar(select(func.min(ScoreRow.id))))
            .values(checked=False, updated_by=sek2.user_id)
        )
    with pytest.raises(PermissionDeniedError):
        stack.scoring.confirm(sek2, "J4", "PKM-02")
    assert stack.scoring.confirm(sek1, "J4", "PKM-02").confirmed_by == "sek1"


def test_another_sheets_unchecked_values_do_not_stop_their_typist_here(
    stack: Stack, sek1: Actor, sek2: Actor
) -> None:
    _typed_and_handed_in(stack, sek1)
    fill_sheet(stack, sek2, "J5", "PKM-03")  # sek2's own typing elsewhere, not yet checked
    assert stack.scoring.confirm(sek2, "J4", "PKM-02").confirmed_by == "sek2"


def test_a_paper_sheet_begun_with_a_note_names_its_typist(stack: Stack, sek1: Actor) -> None:
    stack.scoring.set_note(sek1, "J4", "PKM-02", "formulir kertas diterima")
    view = stack.scoring.sheet(sek1, "J4", "PKM-02")
    assert (view.status, view.source, view.note) == (
        SheetStatus.DRAFT,
        SheetSource.PAPER,
        "formulir kertas diterima",
    )
    assert (
        view.entered_by != ""
        and view.entered_by
        == stack.scoring.set_score(sek1, "J4", "PKM-02", "K1", Decimal(3)).entered_by
    )
