"""A judge's log merged at the hub in detail: the refused event named, hand-in times kept."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from juryapp.domain.messages import FileProblemError, Text
from juryapp.persistence.tables import JudgeRow, SheetRow, TeamRow
from juryapp.services.log_format import read_bundle, write_bundle
from tests.services.conftest import KEY_PASSPHRASE, Stack, settle_open_sheets
from tests.services.laptop_fixtures import Hub, Laptop, hub, make_laptop, package

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


def test_each_gap_in_a_log_is_named_as_its_own_range(make_laptop: MakeLaptop, hub: Hub) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.fill(j1, "PKM-01", 4)
    laptop.fill(j1, "PKM-02", 2)
    whole = read_bundle(laptop.bundle(j1), "b")
    hub.judge_keys.enrol(hub.secretariat, "J1", whole.public_key, whole.fingerprint)
    for name, part in (("tengah", whole.events[3:6]), ("ekor", whole.events[8:])):  # #4-#6, #9-
        data = write_bundle(
            whole.convention, "J1", whole.public_key, [(e.body, e.signature) for e in part]
        )
        result = hub.hub.merge(hub.secretariat, data, name, hub.key).result
    assert (result.applied, result.missing) == (0, ((1, 3), (7, 8)))
