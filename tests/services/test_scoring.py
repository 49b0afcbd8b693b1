"""Score sheets: immediate commits, scale checks, submission, corrections, conflicts, two people."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from juryapp.domain.access import Actor
from juryapp.domain.commands import Abstain, Command, SetNote, SetScore
from juryapp.domain.kinds import SheetSource, SheetStatus
from juryapp.domain.messages import (
    NotFoundError,
    PermissionDeniedError,
    StateError,
    Text,
    ValidationError,
)
from juryapp.domain.model import ConventionSpec, presentation_order
from juryapp.persistence.database import Database
from juryapp.persistence.tables import (
    AuditRow,
    CriterionRow,
    JudgeRow,
    ScoreRow,
    SheetRow,
    TeamRow,
)
from juryapp.services import audit
from juryapp.services.scoring import ScoringService
from tests.services.conftest import (
    CONFLICTS,
    CRITERIA,
    KEY_PASSPHRASE,
    Stack,
    fill_sheet,
    settle_open_sheets,
)


def stored(path: Path, judge: str, team: str, criterion: str) -> Decimal | None:
    """A score as another process would see it: through a new Database on the same file."""
    database = Database.open(path)
    try:
        with database.reading() as session:
            value: Decimal | None = session.scalar(
                select(ScoreRow.value)
                .join(SheetRow, SheetRow.id == ScoreRow.sheet_id)
                .join(JudgeRow, JudgeRow.id == SheetRow.judge_id)
                .join(TeamRow, TeamRow.id == SheetRow.team_id)
                .join(CriterionRow, CriterionRow.id == ScoreRow.criterion_id)
                .where(JudgeRow.code == judge, TeamRow.code == team, CriterionRow.code == criterion)
            )
            return value
    finally:
        database.close()


def sheet_count(stack: Stack) -> int:
    with stack.database.reading() as session:
        return session.scalar(select(func.count()).select_from(SheetRow)) or 0


def test_each_score_is_committed_before_set_score_returns(
    stack: Stack, judges: dict[str, Actor]
) -> None:
    j1 = judges["J1"]
    for i, criterion in enumerate(CRITERIA):
        value = Decimal(1 + i % 5)
        view = stack.scoring.set_score(j1, "J1", "PKM-02", criterion, value)
        assert stored(stack.path, "J1", "PKM-02", criterion) == value
        assert view.filled == i + 1
    stack.scoring.set_score(j1, "J1", "PKM-02", "K3", Decimal(5))
    assert stored(stack.path, "J1", "PKM-02", "K3") == Decimal(5)
    stack.scoring.set_score(j1, "J1", "PKM-02", "K3", None)  # clearing is a change too
    assert stored(stack.path, "J1", "PKM-02", "K3") is None


def test_sheet_view_totals_and_status(stack: Stack, judges: dict[str, Actor]) -> None:
    j1 = judges["J1"]
    fill_sheet(stack, j1, "J1", "PKM-01", 5)
    view = stack.scoring.sheet(j1, "J1", "PKM-01")
    assert (view.status, view.source, view.complete, view.editable) == (
        SheetStatus.DRAFT,
        SheetSource.JUDGE,
        True,
        True,
    )
    assert view.total == 100  # range formula: the top of every scale is worth all its weight
    empty = stack.scoring.sheet(j1, "J1", "PKM-03")
    assert (empty.status, empty.filled, empty.total) == (None, 0, None)


@pytest.mark.parametrize(
    "value", ["0", "6", "3.5", "4.01", "-1", "NaN", "Infinity", "-Infinity", "5.0000001"]
)
def test_values_off_the_scale_or_between_steps_are_refused_and_change_nothing(
    stack: Stack, judges: dict[str, Actor], value: str
) -> None:
    j1 = judges["J1"]
    stack.scoring.set_score(j1, "J1", "PKM-01", "K1", Decimal(4))
    before_sheets, before_events = sheet_count(stack), stack.actions()
    with pytest.raises(ValidationError):
        stack.scoring.set_score(j1, "J1", "PKM-01", "K1", Decimal(value))
    with pytest.raises(ValidationError):
        stack.scoring.set_score(j1, "J1", "PKM-05", "K1", Decimal(value))  # no sheet yet
    assert stored(stack.path, "J1", "PKM-01", "K1") == Decimal(4)
    assert sheet_count(stack) == before_sheets
    assert stack.actions() == before_events


@pytest.mark.parametrize("value", ["1", "5", "3.0", "2.000"])
def test_values_on_the_scale_are_kept(stack: Stack, judges: dict[str, Actor], value: str) -> None:
    stack.scoring.set_score(judges["J2"], "J2", "PKM-01", "K8", Decimal(value))
    assert stored(stack.path, "J2", "PKM-01", "K8") == Decimal(value)


def test_unknown_codes_are_refused(stack: Stack, judges: dict[str, Actor], sek1: Actor) -> None:
    j1 = judges["J1"]
    with pytest.raises(NotFoundError) as team:
        stack.scoring.set_score(j1, "J1", "PKM-99", "K1", Decimal(3))
    assert team.value.text == Text("tim 'PKM-99' tidak dikenal", "unknown team 'PKM-99'")
    with pytest.raises(NotFoundError):
        stack.scoring.set_score(j1, "J1", "PKM-01", "K9", Decimal(3))
    with pytest.raises(NotFoundError) as judge:
        stack.scoring.set_score(sek1, "J9", "PKM-99", "K1", Decimal(3))
    assert judge.value.text == Text("juri 'J9' tidak dikenal", "unknown judge 'J9'")
    assert sheet_count(stack) == 0


def test_incomplete_sheet_cannot_be_submitted_and_names_what_is_missing(
    stack: Stack, judges: dict[str, Actor]
) -> None:
    j1 = judges["J1"]
    for criterion in CRITERIA[:5]:
        stack.scoring.set_score(j1, "J1", "PKM-01", criterion, Decimal(3))
    with pytest.raises(StateError) as refused:
        stack.scoring.submit(j1, "J1", "PKM-01")
    assert "K6, K7, K8" in refused.value.text.en
    assert "K6, K7, K8" in refused.value.text.id
    assert stack.scoring.sheet(j1, "J1", "PKM-01").status is SheetStatus.DRAFT
    with pytest.raises(StateError):
        stack.scoring.submit(j1, "J1", "PKM-02")  # nothing at all


def test_submitted_sheet_is_closed_to_its_judge(stack: Stack, judges: dict[str, Actor]) -> None:
    j1 = judges["J1"]
    fill_sheet(stack, j1, "J1", "PKM-01", 4)
    view = stack.scoring.submit(j1, "J1", "PKM-01")
    assert (view.status, view.editable) == (SheetStatus.SUBMITTED, False)
    with pytest.raises(StateError):
        stack.scoring.set_score(j1, "J1", "PKM-01", "K1", Decimal(5))
    with pytest.raises(StateError):
        stack.scoring.set_score(j1, "J1", "PKM-01", "K1", None)
    with pytest.raises(StateError):
        stack.scoring.set_note(j1, "J1", "PKM-01", "changed my mind")
    with pytest.raises(StateError):
        stack.scoring.submit(j1, "J1", "PKM-01")
    assert stored(stack.path, "J1", "PKM-01", "K1") == Decimal(4)


def test_correction_changes_the_score_and_keeps_old_value_and_reason(
    stack: Stack, judges: dict[str, Actor], sek1: Actor, sek2: Actor
) -> None:
    j1 = judges["J1"]
    fill_sheet(stack, j1, "J1", "PKM-01", 4)
    stack.scoring.submit(j1, "J1", "PKM-01")
    assert stack.scoring.confirm(sek1, "J1", "PKM-01").status is SheetStatus.CONFIRMED

    with pytest.raises(StateError):
        stack.scoring.correct(sek2, "J1", "PKM-01", "K5", Decimal(2), "   ")
    with pytest.raises(ValidationError):
        stack.scoring.correct(sek2, "J1", "PKM-01", "K5", Decimal(7), "salah tulis")
    reason = "juri salah melingkari skor K5 (berita acara pleno)"
    view = stack.scoring.correct(sek2, "J1", "PKM-01", "K5", Decimal(2), reason)
    assert view.status is SheetStatus.SUBMITTED
    assert view.confirmed_by == ""
    assert stored(stack.path, "J1", "PKM-01", "K5") == Decimal(2)
    [event] = stack.events("score.correct")
    assert (event.actor, event.subject) == ("sek2", "J1/PKM-01/K5")
    assert event.details == {"old": "4", "new": "2", "reason": reason}
    assert stack.events("score.set")[4].details["new"] == "4"  # the original stays on record


def test_correction_of_a_draft_is_refused(
    stack: Stack, judges: dict[str, Actor], sek1: Actor
) -> None:
    stack.scoring.set_score(judges["J1"], "J1", "PKM-01", "K1", Decimal(3))
    with pytest.raises(StateError):
        stack.scoring.correct(sek1, "J1", "PKM-01", "K1", Decimal(4), "alasan")
    with pytest.raises(StateError):
        stack.scoring.correct(sek1, "J1", "PKM-02", "K1", Decimal(4), "alasan")  # no sheet


def test_reopen_gives_the_sheet_back_to_the_judge(
    stack: Stack, judges: dict[str, Actor], sek1: Actor
) -> None:
    j1 = judges["J1"]
    fill_sheet(stack, j1, "J1", "PKM-01", 4)
    stack.scoring.submit(j1, "J1", "PKM-01")
    with pytest.raises(StateError):
        stack.scoring.reopen(sek1, "J1", "PKM-01", "")
    stack.scoring.reopen(sek1, "J1", "PKM-01", "juri minta memperbaiki")
    stack.scoring.set_score(j1, "J1", "PKM-01", "K1", Decimal(5))
    assert stored(stack.path, "J1", "PKM-01", "K1") == Decimal(5)


def test_conflicted_judge_cannot_score_the_team(
    stack: Stack, judges: dict[str, Actor], sek1: Actor
) -> None:
    for judge, team in sorted(CONFLICTS):
        actor = judges[judge]
        with pytest.raises(PermissionDeniedError):
            stack.scoring.set_score(actor, judge, team, "K1", Decimal(3))
        with pytest.raises(PermissionDeniedError):
            stack.scoring.set_score(sek1, judge, team, "K1", Decimal(3))  # nor from paper
        view = stack.scoring.sheet(actor, judge, team)
        assert view.conflict
        assert not view.editable
        queue = {entry.team_code: entry for entry in stack.scoring.queue(actor)}
        assert queue[team].conflict
        assert sum(entry.conflict for entry in queue.values()) == 1
    assert sheet_count(stack) == 0


def test_queue_is_in_presentation_order(stack: Stack, judges: dict[str, Actor]) -> None:
    queue = stack.scoring.queue(judges["J4"])
    assert len(queue) == 15
    slots = [(entry.day, entry.order) for entry in queue]
    assert slots == sorted(slots)
    assert queue[0].team_code == "PKM-01"


def test_queue_shows_each_team_and_how_far_its_sheet_is(
    stack: Stack, judges: dict[str, Actor], sek1: Actor, demo_spec: ConventionSpec
) -> None:
    j4 = judges["J4"]
    for criterion in CRITERIA[:3]:
        stack.scoring.set_score(j4, "J4", "PKM-02", criterion, Decimal(3))
    fill_sheet(stack, j4, "J4", "PKM-03", 4)
    stack.scoring.submit(j4, "J4", "PKM-03")
    teams = {team.code: team for team in demo_spec.teams}
    names = {category.code: category.name for category in demo_spec.categories}
    dates = {n: day.date for n, day in enumerate(demo_spec.days, start=1)}
    queue = stack.scoring.queue(sek1, "J4")
    assert queue == stack.scoring.queue(j4)
    assert [entry.team_code for entry in queue] == [
        t.code for t in sorted(demo_spec.teams, key=lambda t: (t.day, t.order, t.code))
    ]
    for entry in queue:
        team = teams[entry.team_code]
        assert (entry.institution, entry.title) == (team.institution, team.title)
        assert entry.category == names[team.category]
        assert (entry.day, entry.order, entry.start) == (team.day, team.order, team.time)
        assert entry.day_date == dates[team.day]
    by_code = {entry.team_code: entry for entry in queue}
    assert (by_code["PKM-01"].status, by_code["PKM-01"].filled) == (None, 0)
    assert (by_code["PKM-02"].status, by_code["PKM-02"].filled) == (SheetStatus.DRAFT, 3)
    assert (by_code["PKM-03"].status, by_code["PKM-03"].filled) == (
        SheetStatus.SUBMITTED,
        len(CRITERIA),
    )
    assert [e.team_code for e in queue if e.conflict] == []  # J4 has no conflict
    with pytest.raises(NotFoundError) as unnamed:
        stack.scoring.queue(sek1)  # the secretariat names the judge
    assert unnamed.value.text == Text("pilih juri", "choose a judge")
    assert stack.scoring.queue(Actor.reader(), "J4") == queue  # whoever reads the file


def test_unscheduled_teams_are_queued_by_their_codes(
    stack: Stack, judges: dict[str, Actor], sek1: Actor
) -> None:
    spec = stack.setup.spec()
    first, *others = spec.teams
    unscheduled = replace(first, day=None, order=None, time=None)
    added = replace(unscheduled, code="PKM-00", title="Tim tambahan")  # stored after PKM-01
    stack.setup.update(sek1, replace(spec, teams=(unscheduled, *others, added)))
    queue = [entry.team_code for entry in stack.scoring.queue(judges["J4"])]
    # last, as in presentation_order, on either database (NULLs sort first on SQLite alone)
    assert queue[-2:] == ["PKM-00", "PKM-01"]
    assert queue == [t.code for t in presentation_order(stack.setup.spec().teams)]


def test_paper_sheet_needs_a_second_person_to_confirm(
    stack: Stack, sek1: Actor, sek2: Actor, judges: dict[str, Actor]
) -> None:
    view = stack.scoring.set_score(sek1, "J4", "PKM-02", "K1", Decimal(3))
    assert view.source is SheetSource.PAPER
    assert view.entered_by == "sek1"
    for criterion in CRITERIA[1:]:
        stack.scoring.set_score(sek1, "J4", "PKM-02", criterion, Decimal(4))
    with pytest.raises(StateError):
        stack.scoring.set_score(judges["J4"], "J4", "PKM-02", "K1", Decimal(5))  # paper sheet
    with pytest.raises(StateError):
        stack.scoring.confirm(sek2, "J4", "PKM-02")  # not submitted yet
    stack.scoring.submit(sek1, "J4", "PKM-02")

    with pytest.raises(PermissionDeniedError):
        stack.scoring.confirm(sek1, "J4", "PKM-02")
    view = stack.scoring.confirm(sek2, "J4", "PKM-02")
    assert (view.status, view.confirmed_by) == (SheetStatus.CONFIRMED, "sek2")

    stack.scoring.correct(sek2, "J4", "PKM-02", "K2", Decimal(5), "salah ketik dari formulir")
    with pytest.raises(PermissionDeniedError):
        stack.scoring.confirm(sek2, "J4", "PKM-02")
    view = stack.scoring.confirm(sek1, "J4", "PKM-02")
    assert (view.status, view.confirmed_by) == (SheetStatus.CONFIRMED, "sek1")
    assert [e.actor for e in stack.events("sheet.confirm")] == ["sek2", "sek1"]


def test_typist_who_also_corrects_still_cannot_confirm(
    stack: Stack, sek1: Actor, sek2: Actor
) -> None:
    fill_sheet(stack, sek1, "J4", "PKM-03", 3)
    stack.scoring.submit(sek1, "J4", "PKM-03")
    stack.scoring.correct(sek1, "J4", "PKM-03", "K1", Decimal(2), "salah ketik")
    with pytest.raises(PermissionDeniedError):
        stack.scoring.confirm(sek1, "J4", "PKM-03")
    stack.scoring.confirm(sek2, "J4", "PKM-03")


def test_secretariat_does_not_retype_a_judges_laptop_sheet(
    stack: Stack, judges: dict[str, Actor], sek1: Actor
) -> None:
    stack.scoring.set_score(judges["J1"], "J1", "PKM-01", "K1", Decimal(3))
    with pytest.raises(StateError):
        stack.scoring.set_score(sek1, "J1", "PKM-01", "K2", Decimal(3))


def test_judge_sheet_is_confirmed_by_any_secretariat_user(
    stack: Stack, judges: dict[str, Actor], sek1: Actor
) -> None:
    fill_sheet(stack, judges["J1"], "J1", "PKM-01", 3)
    stack.scoring.submit(judges["J1"], "J1", "PKM-01")
    assert stack.scoring.confirm(sek1, "J1", "PKM-01").status is SheetStatus.CONFIRMED
    with pytest.raises(StateError):
        stack.scoring.confirm(sek1, "J1", "PKM-01")  # already confirmed


def test_locked_results_refuse_changes_until_unlocked_with_a_reason(
    stack: Stack, judges: dict[str, Actor], sek1: Actor, sek2: Actor
) -> None:
    j1 = judges["J1"]
    fill_sheet(stack, j1, "J1", "PKM-01", 3)
    stack.scoring.submit(j1, "J1", "PKM-01")
    stack.scoring.set_score(j1, "J1", "PKM-02", "K1", Decimal(3))
    settle_open_sheets(stack, sek1, "juri berhalangan")  # J1 × PKM-02 too: a draft blocks
    state = stack.locking.lock(
        sek1, "pleno selesai; satu lembar belum dikonfirmasi", KEY_PASSPHRASE
    )
    assert (state.locked, state.version) == (True, 1)

    with pytest.raises(StateError):
        stack.scoring.set_score(j1, "J1", "PKM-02", "K2", Decimal(3))
    with pytest.raises(StateError):
        stack.scoring.set_score(sek1, "J4", "PKM-05", "K1", Decimal(3))
    with pytest.raises(StateError):
        stack.scoring.confirm(sek2, "J1", "PKM-01")
    with pytest.raises(StateError):
        stack.scoring.correct(sek2, "J1", "PKM-01", "K1", Decimal(4), "alasan")
    with pytest.raises(StateError):
        stack.scoring.submit(j1, "J1", "PKM-02")
    sheets = [("J1", "PKM-01"), ("J1", "PKM-02"), ("J4", "PKM-05"), ("J2", "PKM-06")]
    before = stack.actions(), [stack.scoring.sheet(sek1, j, t) for j, t in sheets]
    assert stack.scoring.sheet(sek1, "J4", "PKM-05").abstained  # settled above
    with pytest.raises(StateError):
        stack.scoring.reopen(sek2, "J1", "PKM-01", "salah ketik")
    for judge, team, reason in (("J2", "PKM-06", "juri sakit"), ("J4", "PKM-05", "")):
        with pytest.raises(StateError):
            stack.scoring.abstain(sek1, judge, team, reason)  # recording or lifting one
    with pytest.raises(StateError):
        stack.scoring.set_note(j1, "J1", "PKM-02", "catatan baru")
    assert (stack.actions(), [stack.scoring.sheet(sek1, j, t) for j, t in sheets]) == before
    assert stored(stack.path, "J1", "PKM-02", "K2") is None

    with pytest.raises(StateError):
        stack.locking.unlock(sek1, " ")
    state = stack.locking.unlock(sek2, "koreksi skor K1 setelah pleno")
    assert (state.locked, state.version) == (False, 2)
    assert stack.results.lock_state().version == 2
    stack.scoring.confirm(sek2, "J1", "PKM-01")
    stack.scoring.set_score(j1, "J1", "PKM-02", "K2", Decimal(3))
    [unlock] = stack.events("results.unlock")
    assert unlock.details == {"reason": "koreksi skor K1 setelah pleno", "version": 2}


def test_abstention_is_recorded_with_a_reason(
    stack: Stack, sek1: Actor, judges: dict[str, Actor]
) -> None:
    stack.scoring.abstain(sek1, "J2", "PKM-06", "juri sakit")
    assert stack.scoring.sheet(judges["J2"], "J2", "PKM-06").abstained
    [event] = stack.events("sheet.abstain")
    assert event.details == {"reason": "juri sakit"}


def test_score_timestamps_are_recent_utc(stack: Stack, judges: dict[str, Actor]) -> None:
    before = audit.now()
    stack.scoring.set_score(judges["J1"], "J1", "PKM-01", "K1", Decimal(3))
    with stack.database.reading() as session:
        updated = session.scalar(select(ScoreRow.updated_at))
    assert updated is not None
    assert before <= updated <= audit.now()


def test_correction_fills_a_criterion_added_after_submission(
    stack: Stack, judges: dict[str, Actor], sek1: Actor
) -> None:
    fill_sheet(stack, judges["J1"], "J1", "PKM-01", 4)
    stack.scoring.submit(judges["J1"], "J1", "PKM-01")
    spec = stack.setup.spec()
    *first, k8 = spec.criteria
    k9 = replace(k8, code="K9", name="Kriteria tambahan", weight=Decimal(5), levels=())
    stack.setup.update(sek1, replace(spec, criteria=(*first, replace(k8, weight=Decimal(15)), k9)))
    assert not stack.scoring.sheet(sek1, "J1", "PKM-01").complete

    view = stack.scoring.correct(sek1, "J1", "PKM-01", "K9", Decimal(3), "kriteria baru")
    assert view.complete
    [added] = [line for line in view.lines if line.criterion.code == "K9"]
    assert (added.value, added.note) == (Decimal(3), "")
    assert stored(stack.path, "J1", "PKM-01", "K9") == Decimal(3)
    [event] = stack.events("score.correct")
    assert event.details == {"old": None, "new": "3", "reason": "kriteria baru"}


def test_reopening_correcting_and_confirming_say_why_not_and_record_only_their_sheet(
    stack: Stack, judges: dict[str, Actor], sek1: Actor, sek2: Actor
) -> None:
    j1 = judges["J1"]
    fill_sheet(stack, j1, "J1", "PKM-01", 4)
    fill_sheet(stack, j1, "J1", "PKM-03", 3)  # another sheet, which no event below may record
    with pytest.raises(StateError) as caught:
        stack.scoring.confirm(sek1, "J1", "PKM-01")
    assert caught.value.text == Text(
        "hanya lembar yang sudah diserahkan yang dapat dikonfirmasi",
        "only a submitted sheet can be confirmed",
    )
    with pytest.raises(StateError) as caught:
        stack.scoring.correct(sek1, "J1", "PKM-01", "K1", Decimal(3), "alasan")
    assert caught.value.text == Text(
        "lembar ini belum diserahkan; juri dapat mengubahnya sendiri",
        "this sheet is not handed in yet; the judge can still change it",
    )
    with pytest.raises(StateError) as caught:
        stack.scoring.correct(sek1, "J1", "PKM-01", "K1", Decimal(3), " ")
    assert caught.value.text == Text("alasan koreksi wajib diisi", "a correction needs a reason")
    with pytest.raises(StateError) as caught:
        stack.scoring.reopen(sek1, "J1", "PKM-01", " ")
    assert caught.value.text == Text("alasan wajib diisi", "a reason is required")
    with pytest.raises(NotFoundError) as missing:
        stack.scoring.reopen(sek1, "J3", "PKM-04", "salah")
    assert missing.value.text == Text("lembar belum ada", "there is no such sheet yet")

    stack.scoring.submit(j1, "J1", "PKM-01")
    stack.scoring.confirm(sek1, "J1", "PKM-01")
    [confirmed] = stack.events("sheet.confirm")
    assert (confirmed.actor, confirmed.subject) == ("sek1", "J1/PKM-01")
    assert list(confirmed.state["sheets"]) == ["J1/PKM-01"]
    with stack.database.reading() as session:
        row = session.scalars(
            select(SheetRow).join(JudgeRow).join(TeamRow).where(TeamRow.code == "PKM-01")
        ).one()
        assert row.confirmed_at is not None

    stack.scoring.correct(sek2, "J1", "PKM-01", "K2", Decimal(5), "salah baca")
    [corrected] = stack.events("score.correct")
    assert list(corrected.state["sheets"]) == ["J1/PKM-01"]

    stack.scoring.reopen(sek2, "J1", "PKM-01", "juri minta memperbaiki")
    [reopened] = stack.events("sheet.reopen")
    assert (reopened.actor, reopened.subject) == ("sek2", "J1/PKM-01")
    assert reopened.details == {"reason": "juri minta memperbaiki"}
    assert list(reopened.state["sheets"]) == ["J1/PKM-01"]
    assert reopened.state["sheets"]["J1/PKM-01"]["status"] == "draft"


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


def test_the_change_hook_sees_each_change_in_its_own_transaction(
    stack: Stack, judges: dict[str, Actor], sek1: Actor
) -> None:
    seen: list[tuple[int | None, str, Command]] = []

    def hook(session: Session, actor: Actor, command: Command) -> None:
        # the change's own event is visible: the hook runs before the change commits
        seen.append((session.scalar(select(func.max(AuditRow.seq))), actor.username, command))

    scoring = ScoringService(stack.database, after=hook)
    j1 = judges["J1"]
    scoring.set_score(j1, "J1", "PKM-01", "K1", Decimal(3))
    scoring.set_note(j1, "J1", "PKM-01", "catatan")
    scoring.abstain(sek1, "J2", "PKM-01", "juri sakit")
    changes = [
        stack.events("score.set")[-1],
        stack.events("sheet.note")[-1],
        stack.events("sheet.abstain")[-1],
    ]
    assert [(seq, who) for seq, who, _ in seen] == [(e.seq, e.actor) for e in changes]
    assert [type(command) for _, _, command in seen] == [SetScore, SetNote, Abstain]
    assert [(c.judge, c.team) for _, _, c in seen] == [
        ("J1", "PKM-01"),
        ("J1", "PKM-01"),
        ("J2", "PKM-01"),
    ]


def test_a_score_keeps_its_note_unless_given_one_and_its_event_holds_the_old_value(
    stack: Stack, judges: dict[str, Actor]
) -> None:
    j1 = judges["J1"]
    view = stack.scoring.set_score(j1, "J1", "PKM-01", "K1", Decimal(3), note="inovatif")
    assert (view.judge_code, view.team_code) == ("J1", "PKM-01")
    stack.scoring.set_score(j1, "J1", "PKM-01", "K1", Decimal(4))  # no note given: kept

    def k1_note() -> str:
        view = stack.scoring.sheet(j1, "J1", "PKM-01")
        return next(line.note for line in view.lines if line.criterion.code == "K1")

    assert k1_note() == "inovatif"
    first, second = stack.events("score.set")
    assert (first.details["old"], first.details["new"]) == (None, "3")
    assert (first.actor, first.subject, first.details["source"]) == ("j1", "J1/PKM-01/K1", "judge")
    assert (second.details["old"], second.details["new"]) == ("3", "4")
    assert second.state["sheets"]["J1/PKM-01"]["scores"]["K1"] == ["4", "inovatif"]
    stack.scoring.set_score(j1, "J1", "PKM-01", "K1", Decimal(4), note="")  # cleared
    assert k1_note() == ""


def test_a_change_made_at_a_given_time_is_stored_at_that_time(
    stack: Stack, judges: dict[str, Actor]
) -> None:
    at = datetime(2024, 9, 18, 9, 30)  # as a judge's laptop log replays it
    stack.scoring.execute(judges["J1"], SetScore("J1", "PKM-01", "K1", Decimal(3), None, at))
    with stack.database.reading() as session:
        assert session.scalar(select(ScoreRow.updated_at)) == at
        assert session.scalar(select(SheetRow.updated_at)) == at


@pytest.mark.sqlite_only
@pytest.mark.tampers
def test_a_database_without_its_convention_row_takes_no_score(
    stack: Stack, judges: dict[str, Actor]
) -> None:
    with closing(sqlite3.connect(stack.path)) as connection:
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute("DELETE FROM convention")
        connection.commit()
    with pytest.raises(NotFoundError) as missing:
        stack.scoring.set_score(judges["J1"], "J1", "PKM-01", "K1", Decimal(3))
    assert missing.value.text.en.startswith("this database holds no convention yet")
    assert sheet_count(stack) == 0


def test_a_scale_changed_between_two_scores_applies_to_the_second(
    stack: Stack, judges: dict[str, Actor], sek1: Actor
) -> None:
    j1 = judges["J1"]
    stack.scoring.set_score(j1, "J1", "PKM-01", "K2", Decimal(3))
    with pytest.raises(ValidationError):
        stack.scoring.set_score(j1, "J1", "PKM-01", "K1", Decimal(7))
    spec = stack.setup.spec()
    k1, *rest = spec.criteria
    stack.setup.update(sek1, replace(spec, criteria=(replace(k1, scale_max=Decimal(10)), *rest)))
    view = stack.scoring.set_score(j1, "J1", "PKM-01", "K1", Decimal(7))
    assert next(line.value for line in view.lines if line.criterion.code == "K1") == Decimal(7)


def test_a_note_made_at_a_given_time_is_stored_at_that_time(
    stack: Stack, judges: dict[str, Actor]
) -> None:
    at = datetime(2024, 9, 18, 9, 45)  # as a judge's laptop log replays it
    stack.scoring.execute(judges["J1"], SetNote("J1", "PKM-01", "catatan", at))
    with stack.database.reading() as session:
        assert session.scalar(select(SheetRow.updated_at)) == at
