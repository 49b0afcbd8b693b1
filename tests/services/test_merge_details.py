"""A judge's log merged at the hub in detail: refusals word for word, gaps, forks, writes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from juryapp.domain.kinds import SheetStatus
from juryapp.domain.messages import FileProblemError, Text
from juryapp.domain.model import Conflict
from juryapp.persistence.tables import (
    ConventionRow,
    CriterionRow,
    JudgeRow,
    LogEventRow,
    ScoreRow,
    SheetRow,
    TeamRow,
)
from juryapp.services.log_format import GENESIS, read_bundle
from tests.services.conftest import (
    CRITERIA,
    KEY_PASSPHRASE,
    Stack,
    copy_database,
    pin_of,
    settle_open_sheets,
)
from tests.services.laptop_fixtures import (
    Hub,
    Laptop,
    hub,
    make_laptop,
    package,
    part_of,
    reopened,
)

__all__ = ["hub", "make_laptop", "package"]

MakeLaptop = Callable[[str], Laptop]


def submitted_at(stack: Stack, judge: str, team: str) -> datetime | None:
    with stack.database.reading() as session:
        return session.scalar(
            select(SheetRow.submitted_at)
            .join(JudgeRow, JudgeRow.id == SheetRow.judge_id)
            .join(TeamRow, TeamRow.id == SheetRow.team_id)
            .where(JudgeRow.code == judge, TeamRow.code == team)
        )


def test_a_refused_event_without_a_criterion_is_named_by_its_team(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.services.scoring.set_note(j1, "J1", "PKM-02", "hadir terlambat")
    data = laptop.bundle(j1)
    bundle = hub.hub.read(data, "nilai")
    hub.judge_keys.enrol(hub.secretariat, "J1", bundle.public_key, bundle.fingerprint)
    settle_open_sheets(hub.stack, hub.secretariat)
    hub.stack.locking.lock(hub.secretariat, "uji", KEY_PASSPHRASE)
    with pytest.raises(FileProblemError) as refused:
        hub.hub.merge(hub.secretariat, data, "nilai", hub.key)
    assert refused.value.file == "nilai"
    assert refused.value.text == Text(
        "peristiwa #1 (PKM-02) ditolak: hasil sudah dikunci; nilai tidak dapat diubah",
        "event #1 (PKM-02) is refused: the results are locked; scores cannot change",
    )


def test_a_sheet_handed_in_on_the_laptop_has_its_time_and_a_draft_has_none(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.fill(j1, "PKM-01", 4)
    laptop.fill(j1, "PKM-02", 3)
    hub.enrol_and_merge(laptop.bundle(j1))
    assert submitted_at(hub.stack, "J1", "PKM-01") is None
    laptop.services.scoring.submit(j1, "J1", "PKM-01")
    laptop.services.scoring.set_score(j1, "J1", "PKM-02", "K1", Decimal(5))
    hub.enrol_and_merge(laptop.bundle(j1))
    assert submitted_at(hub.stack, "J1", "PKM-01") is not None
    assert submitted_at(hub.stack, "J1", "PKM-02") is None
    statuses = [
        hub.stack.scoring.sheet(hub.secretariat, "J1", t).status for t in ("PKM-01", "PKM-02")
    ]
    assert statuses == [SheetStatus.SUBMITTED, SheetStatus.DRAFT]


def test_a_judges_only_sheet_handed_in_later_keeps_the_scores_merged_before(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    # the second merge decides the hand-in over the one sheet the hub holds for the judge,
    # with the scores the first merge stored: read back, not taken from the bundle
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.fill(j1, "PKM-01", 4)
    hub.enrol_and_merge(laptop.bundle(j1))
    laptop.services.scoring.submit(j1, "J1", "PKM-01")
    hub.enrol_and_merge(laptop.bundle(j1))
    sheet = hub.stack.scoring.sheet(hub.secretariat, "J1", "PKM-01")
    assert sheet.status is SheetStatus.SUBMITTED
    assert [(line.criterion.code, line.value) for line in sheet.lines] == [
        (code, Decimal(4)) for code in CRITERIA
    ]


def test_each_gap_in_a_log_is_named_as_its_own_range(make_laptop: MakeLaptop, hub: Hub) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.fill(j1, "PKM-01", 4)
    laptop.fill(j1, "PKM-02", 2)
    whole = read_bundle(laptop.bundle(j1), "b")
    hub.judge_keys.enrol(hub.secretariat, "J1", whole.public_key, whole.fingerprint)
    hub.stack.scoring.set_score(hub.secretariat, "J2", "PKM-03", "K1", Decimal(3))  # on paper
    for name, part in (("tengah", whole.events[3:6]), ("ekor", whole.events[8:])):  # #4-#6, #9-
        data = part_of(whole, part)
        result = hub.hub.merge(hub.secretariat, data, name, hub.key).result
    assert (result.applied, result.missing) == (0, ((1, 3), (7, 8)))
    event = hub.stack.events("log.merge")[-1]
    assert (event.actor, event.subject) == ("sek1", "J1")
    assert event.details == {
        "key": whole.fingerprint,
        "bundle": read_bundle(data, "ekor").sha256,
        "first": 9,
        "last": len(whole.events),
        "new": len(whole.events) - 8,
        "applied": 0,
        "upto": 0,
        "upto_hash": GENESIS,
        "missing": [[1, 3], [7, 8]],
        "forks": [],
    }
    assert event.state["sheets"] == {}  # no sheet changed, and no other is recorded


def test_a_new_sheet_from_a_merge_holds_what_the_laptop_typed(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.fill(j1, "PKM-01", 4, submit=True)
    laptop.services.scoring.set_note(j1, "J1", "PKM-02", "hadir terlambat")
    whole = read_bundle(laptop.bundle(j1), "b")
    result = hub.enrol_and_merge(laptop.bundle(j1)).result
    assert (result.applied, result.upto, result.upto_hash) == (
        len(whole.events),
        len(whole.events),
        whole.events[-1].hash,
    )
    with hub.stack.database.reading() as session:
        rows = {
            code: (r.status, r.source, r.note, r.abstained, r.abstain_reason, r.entered_by)
            for r, code in session.execute(
                select(SheetRow, TeamRow.code).join(TeamRow, TeamRow.id == SheetRow.team_id)
            )
        }
    assert rows == {
        "PKM-01": ("submitted", "judge", "", False, "", None),
        "PKM-02": ("draft", "judge", "hadir terlambat", False, "", None),
    }
    assert submitted_at(hub.stack, "J1", "PKM-01") is not None
    assert submitted_at(hub.stack, "J1", "PKM-02") is None


def test_a_bundles_key_and_convention_are_refused_word_for_word(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.fill(j1, "PKM-01")
    data = laptop.bundle(j1)
    whole = read_bundle(data, "b")
    key = whole.fingerprint
    other = make_laptop("j2")
    j2 = other.sign_in("J2")
    other.fill(j2, "PKM-01")
    j2_data = other.bundle(j2)
    j2_bundle = read_bundle(j2_data, "b2")

    def refusal(data: bytes) -> Text:
        with pytest.raises(FileProblemError) as refused:
            hub.hub.merge(hub.secretariat, data, "nilai.jurylog", hub.key)
        assert refused.value.file == "nilai.jurylog"
        return refused.value.text

    def convention_uid(uid: str) -> None:
        with hub.stack.database.writing() as session:
            session.execute(update(ConventionRow).values(uid=uid))

    before = sheets_of(hub.stack)
    assert refusal(data) == Text(
        f"kunci {key} (juri J1) belum terdaftar di sini: bandingkan sidik jarinya dengan "
        "layar laptop juri, lalu daftarkan",
        f"key {key} (judge J1) is not enrolled here: compare its fingerprint with the "
        "judge's screen, then enrol it",
    )
    # J2's key enrolled under J1 by mistake: J2's log is not taken as J1's, nor as J2's
    hub.judge_keys.enrol(hub.secretariat, "J1", j2_bundle.public_key, j2_bundle.fingerprint)
    assert refusal(j2_data) == Text(
        f"kunci {j2_bundle.fingerprint} terdaftar untuk juri J1, bukan J2",
        f"key {j2_bundle.fingerprint} is enrolled for judge J1, not J2",
    )
    hub.judge_keys.retire(hub.secretariat, "J1", "salah daftar")
    hub.judge_keys.enrol(hub.secretariat, "J1", whole.public_key, key)
    convention_uid("konvensi-lain")  # as if this database held another convention
    assert refusal(data) == Text(
        "bundel ini dari konvensi lain", "this bundle is from another convention"
    )
    convention_uid(whole.convention)
    hub.judge_keys.retire(hub.secretariat, "J1", "laptop hilang")
    assert refusal(data) == Text(f"kunci {key} sudah dipensiunkan", f"key {key} has been retired")
    assert sheets_of(hub.stack) == before


def sheets_of(stack: Stack) -> list[tuple[int, str]]:
    with stack.database.reading() as session:
        return [(r.id, r.status) for r in session.scalars(select(SheetRow).order_by(SheetRow.id))]


def test_a_partial_bundle_from_another_branch_is_refused_whole(
    make_laptop: MakeLaptop, hub: Hub, tmp_path: Path
) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.fill(j1, "PKM-01", 4)
    copy = tmp_path / "salinan.sqlite3"
    copy_database(laptop.path, copy)
    n = len(read_bundle(laptop.bundle(j1), "b").events)
    laptop.services.scoring.set_score(j1, "J1", "PKM-02", "K1", Decimal(5))  # event #n+1
    hub.enrol_and_merge(laptop.bundle(j1))
    held = sheets_of(hub.stack)
    with reopened(copy) as restored:
        again = restored.sign_in("J1")
        for criterion, value in (("K1", 1), ("K2", 2)):  # another #n+1, then #n+2
            restored.services.scoring.set_score(again, "J1", "PKM-01", criterion, Decimal(value))
        branch = read_bundle(restored.bundle(again), "b")
    # only the other branch's #n+2: no event of that number is held, so it is no fork, and
    # it does not follow the #n+1 the hub holds
    last = part_of(branch, branch.events[n + 1 :])
    with pytest.raises(FileProblemError) as refused:
        hub.hub.merge(hub.secretariat, last, "sebagian.jurylog", hub.key)
    assert (refused.value.file, refused.value.text) == (
        "sebagian.jurylog",
        Text(
            "bundel sebagian ini tidak menyambung log yang ada di sini; ekspor seluruh log",
            "this partial bundle does not continue the log held here; export the whole log",
        ),
    )
    assert sheets_of(hub.stack) == held
    assert hub.hub.received(hub.secretariat)[0].open_forks == 0


def test_a_gap_filled_later_leaves_every_received_event_applied(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.fill(j1, "PKM-01", 4)
    laptop.fill(j1, "PKM-02", 2)
    whole = read_bundle(laptop.bundle(j1), "b")
    hub.judge_keys.enrol(hub.secretariat, "J1", whole.public_key, whole.fingerprint)
    tail = part_of(whole, whole.events[4:])
    hub.hub.merge(hub.secretariat, tail, "ekor", hub.key)
    # another judge's events, also held behind a gap, wait on: filling J1's touches no other
    other = make_laptop("j2")
    j2 = other.sign_in("J2")
    other.fill(j2, "PKM-01", 3)
    theirs = read_bundle(other.bundle(j2), "b")
    hub.judge_keys.enrol(hub.secretariat, "J2", theirs.public_key, theirs.fingerprint)
    hub.hub.merge(hub.secretariat, part_of(theirs, theirs.events[2:]), "ekor2", hub.key)
    result = hub.hub.merge(hub.secretariat, laptop.bundle(j1), "utuh", hub.key).result
    total = len(whole.events)
    assert (result.judge, result.fingerprint, result.events, result.new, result.applied) == (
        "J1",
        whole.fingerprint,
        total,
        4,
        total,
    )
    [received] = [r for r in hub.hub.received(hub.secretariat) if r.judge_code == "J1"]
    assert (received.upto, received.missing, received.set_aside) == (total, (), 0)
    [waiting] = [r for r in hub.hub.received(hub.secretariat) if r.judge_code == "J2"]
    assert (waiting.upto, waiting.missing) == (0, ((1, 2),))
    with hub.stack.database.reading() as session:
        states = session.execute(
            select(LogEventRow.state, func.count())
            .group_by(LogEventRow.state)
            .order_by(LogEventRow.state)
        ).all()
    assert states == [("applied", total), ("pending", len(theirs.events) - 2)]


def test_a_bundle_that_goes_on_from_a_fork_stays_set_aside(
    make_laptop: MakeLaptop, hub: Hub, tmp_path: Path
) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.fill(j1, "PKM-01", 4)
    copy = tmp_path / "salinan.sqlite3"
    copy_database(laptop.path, copy)
    n = len(read_bundle(laptop.bundle(j1), "b").events)
    laptop.services.scoring.set_score(j1, "J1", "PKM-02", "K1", Decimal(5))  # event #n+1
    hub.enrol_and_merge(laptop.bundle(j1))
    held = sheets_of(hub.stack), scores_of(hub.stack)
    with reopened(copy) as restored:
        again = restored.sign_in("J1")
        for criterion, value in (("K1", 1), ("K2", 2)):  # another #n+1, then #n+2 after it
            restored.services.scoring.set_score(again, "J1", "PKM-01", criterion, Decimal(value))
        result = hub.enrol_and_merge(restored.bundle(again)).result
        assert (result.forks, result.new, result.applied, result.set_aside) == ((n + 1,), 2, 0, 2)
        restored.services.scoring.set_score(again, "J1", "PKM-01", "K3", Decimal(3))  # #n+3
        result = hub.enrol_and_merge(restored.bundle(again)).result
    assert (result.forks, result.new, result.applied, result.set_aside) == ((), 1, 0, 3)
    assert (sheets_of(hub.stack), scores_of(hub.stack)) == held


def test_a_second_merge_keeps_the_note_and_the_secretariats_abstention(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.services.scoring.set_note(j1, "J1", "PKM-01", "catatan juri")
    laptop.fill(j1, "PKM-01", 4)
    laptop.services.scoring.set_note(j1, "J1", "PKM-02", "hadir")
    hub.enrol_and_merge(laptop.bundle(j1))
    hub.stack.scoring.abstain(hub.secretariat, "J1", "PKM-02", "konflik kepentingan")
    first, sheet_times = scores_of(hub.stack), sheet_updated(hub.stack)
    laptop.services.scoring.set_score(j1, "J1", "PKM-01", "K1", Decimal(5))
    laptop.services.scoring.set_note(j1, "J1", "PKM-02", "hadir terlambat")
    hub.enrol_and_merge(laptop.bundle(j1))
    with hub.stack.database.reading() as session:
        rows = {
            code: (r.note, r.abstained, r.abstain_reason)
            for r, code in session.execute(
                select(SheetRow, TeamRow.code).join(TeamRow, TeamRow.id == SheetRow.team_id)
            )
        }
    assert rows == {
        "PKM-01": ("catatan juri", False, ""),
        "PKM-02": ("hadir terlambat", True, "konflik kepentingan"),
    }
    assert all(t > sheet_times[team] for team, t in sheet_updated(hub.stack).items())
    assert submitted_at(hub.stack, "J1", "PKM-02") is None  # written again, still a draft
    # only K1 was written again: the other scores keep their time; each is the judge's own,
    # not yet checked by anyone
    now = scores_of(hub.stack)
    judge_user = hub.stack.accounts.sign_in("j1", pin_of("J1")).user_id
    assert {by for _, _, by in now.values()} == {judge_user}
    with hub.stack.database.reading() as session:
        assert set(session.scalars(select(ScoreRow.checked))) == {False}
    assert {k: v for k, v in now.items() if v != first[k]} == {
        ("PKM-01", "K1"): ("5", now[("PKM-01", "K1")][1], now[("PKM-01", "K1")][2])
    }


def scores_of(stack: Stack) -> dict[tuple[str, str], tuple[str | None, object, object]]:
    """(team, criterion) → (value, updated at, updated by) of every score row."""
    with stack.database.reading() as session:
        return {
            (team, criterion): (
                None if s.value is None else str(s.value),
                s.updated_at,
                s.updated_by,
            )
            for s, team, criterion in session.execute(
                select(ScoreRow, TeamRow.code, CriterionRow.code)
                .join(SheetRow, SheetRow.id == ScoreRow.sheet_id)
                .join(TeamRow, TeamRow.id == SheetRow.team_id)
                .join(CriterionRow, CriterionRow.id == ScoreRow.criterion_id)
            )
        }


def test_a_conflict_declared_at_the_hub_refuses_the_judges_event_for_that_team(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.fill(j1, "PKM-01")
    spec = hub.stack.setup.spec()
    declared = Conflict("J1", team="PKM-01", reason="kerabat")
    hub.stack.setup.update(hub.secretariat, replace(spec, conflicts=(*spec.conflicts, declared)))
    before = sheets_of(hub.stack)
    with pytest.raises(FileProblemError) as refused:
        hub.enrol_and_merge(laptop.bundle(j1), "nilai.jurylog")
    assert (refused.value.file, refused.value.text) == (
        "nilai.jurylog",
        Text(
            "peristiwa #1 (PKM-01/K1) ditolak: juri J1 memiliki konflik kepentingan dengan "
            "PKM-01 dan tidak menilainya",
            "event #1 (PKM-01/K1) is refused: judge J1 has a conflict of interest with PKM-01 "
            "and does not score it",
        ),
    )
    assert sheets_of(hub.stack) == before


def sheet_updated(stack: Stack) -> dict[str, datetime]:
    with stack.database.reading() as session:
        return dict(
            session.execute(
                select(TeamRow.code, SheetRow.updated_at).join(
                    TeamRow, TeamRow.id == SheetRow.team_id
                )
            ).all()
        )


def test_a_partial_bundle_that_goes_on_from_the_held_log_is_applied(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.fill(j1, "PKM-01", 4)
    n = len(read_bundle(laptop.bundle(j1), "b").events)
    hub.enrol_and_merge(laptop.bundle(j1))
    laptop.fill(j1, "PKM-02", 2)
    whole = read_bundle(laptop.bundle(j1), "b")
    rest = part_of(whole, whole.events[n:])
    result = hub.hub.merge(hub.secretariat, rest, "lanjutan.jurylog", hub.key).result
    assert (result.new, result.applied, result.upto, result.missing) == (
        len(whole.events) - n,
        len(whole.events) - n,
        len(whole.events),
        (),
    )
    assert hub.stack.scoring.sheet(hub.secretariat, "J1", "PKM-02").filled == len(CRITERIA)


def test_an_event_for_a_team_no_longer_in_the_convention_is_refused(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.services.scoring.set_score(j1, "J1", "PKM-06", "K2", Decimal(3))
    spec = hub.stack.setup.spec()
    kept = tuple(t for t in spec.teams if t.code != "PKM-06")
    hub.stack.setup.update(hub.secretariat, replace(spec, teams=kept))
    before = sheets_of(hub.stack)
    with pytest.raises(FileProblemError) as refused:
        hub.enrol_and_merge(laptop.bundle(j1), "nilai.jurylog")
    assert (refused.value.file, refused.value.text) == (
        "nilai.jurylog",
        Text(
            "peristiwa #1 (PKM-06/K2) ditolak: tim tidak dikenal",
            "event #1 (PKM-06/K2) is refused: unknown team",
        ),
    )
    assert sheets_of(hub.stack) == before
