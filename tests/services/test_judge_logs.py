"""Judges at their own laptops: signed logs, bundles merged at the hub, receipts."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from juryapp.domain.access import Actor
from juryapp.domain.kinds import SheetSource, SheetStatus
from juryapp.domain.messages import (
    AuthenticationError,
    FileProblemError,
    PermissionDeniedError,
    StateError,
)
from juryapp.persistence.tables import AuditRow, LogEventRow
from juryapp.services import state
from juryapp.services.documents import Kind
from juryapp.services.laptop import LaptopService
from juryapp.services.log_format import read_bundle, read_receipt, write_bundle
from juryapp.services.publishing import PublishingService
from tests.services.conftest import (
    CRITERIA,
    KEY_PASSPHRASE,
    Stack,
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
)

__all__ = ["hub", "make_laptop", "package"]

MakeLaptop = Callable[[str], Laptop]


def sheets(stack: Stack) -> dict[str, object]:
    with stack.database.reading() as session:
        return state.sheet_states(session.connection())


def audit_count(stack: Stack) -> int:
    with stack.database.reading() as session:
        return session.scalar(select(func.count()).select_from(AuditRow)) or 0


def test_a_laptop_made_from_the_package_holds_the_convention_and_no_secretariat(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    laptop = make_laptop("j1")
    accounts = laptop.services.accounts.accounts()
    assert {a.username for a in accounts} == {"j1", "j2", "j3", "j4", "j5"}
    assert laptop.services.setup.spec().teams == hub.stack.setup.spec().teams
    key = laptop.services.keys.active(Actor.reader())
    assert key is not None and key.fingerprint == hub.stack.keys.active(hub.secretariat).fingerprint  # type: ignore[union-attr]


def test_the_key_is_made_at_the_first_sign_in_and_opened_by_the_same_pin_later(
    make_laptop: MakeLaptop,
) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.services.accounts.sign_in("j1", pin_of("J1"))
    made = laptop.services.judge_keys.after_sign_in(j1, pin_of("J1"))
    assert made is not None and len(made.fingerprint) == 24
    again = laptop.services.judge_keys.after_sign_in(j1, pin_of("J1"))
    assert again is not None and again.fingerprint == made.fingerprint
    with pytest.raises(AuthenticationError):
        laptop.services.judge_keys.after_sign_in(j1, "999999")


def test_every_change_is_a_signed_event_chained_to_the_one_before(make_laptop: MakeLaptop) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.fill(j1, "PKM-01", submit=True)
    laptop.services.scoring.set_note(j1, "J1", "PKM-02", "hadir terlambat")
    with laptop.services.database.reading() as session:
        rows = session.execute(
            select(LogEventRow.seq, LogEventRow.prev_hash, LogEventRow.hash).order_by(
                LogEventRow.seq
            )
        ).all()
    assert [r.seq for r in rows] == list(range(1, len(CRITERIA) + 3))
    assert all(later.prev_hash == earlier.hash for earlier, later in itertools.pairwise(rows))
    bundle = read_bundle(laptop.bundle(j1), "b")
    kinds = [json.loads(e.body)["kind"] for e in bundle.events]
    assert kinds == ["score"] * len(CRITERIA) + ["submit", "note"]


def test_without_the_open_key_a_laptop_refuses_the_change(make_laptop: MakeLaptop) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.services.accounts.sign_in("j1", pin_of("J1"))  # the PIN checked, no key opened
    with pytest.raises(StateError, match="kunci"):
        laptop.services.scoring.set_score(j1, "J1", "PKM-01", "K1", Decimal(3))
    assert laptop.services.scoring.sheet(j1, "J1", "PKM-01").filled == 0


def test_several_judges_share_a_laptop_each_signing_with_their_own_key(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    laptop = make_laptop("shared")
    j1, j2 = laptop.sign_in("J1"), laptop.sign_in("J2")
    laptop.fill(j1, "PKM-01", 4)
    laptop.fill(j2, "PKM-01", 2)
    assert laptop.services.laptop.judges_with_logs() == ["J1", "J2"]
    first, second = read_bundle(laptop.bundle(j1), "1"), read_bundle(laptop.bundle(j2), "2")
    assert first.fingerprint != second.fingerprint
    for actor in (j1, j2):
        hub.enrol_and_merge(laptop.bundle(actor))
    assert hub.stack.scoring.sheet(hub.secretariat, "J1", "PKM-01").lines[0].value == 4
    assert hub.stack.scoring.sheet(hub.secretariat, "J2", "PKM-01").lines[0].value == 2


def test_a_merge_applies_the_judges_sheet_as_if_typed_at_the_hub(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.fill(j1, "PKM-01", 4, submit=True)
    laptop.fill(j1, "PKM-02", 5)
    before = audit_count(hub.stack)
    imported = hub.enrol_and_merge(laptop.bundle(j1))
    result = imported.result
    assert (result.new, result.applied, result.upto, result.sheets) == (17, 17, 17, 2)
    assert audit_count(hub.stack) == before + 2  # the enrolment, then one event for the merge
    view = hub.stack.scoring.sheet(hub.secretariat, "J1", "PKM-01")
    assert view.status is SheetStatus.SUBMITTED and view.source is SheetSource.JUDGE
    with laptop.services.database.reading() as session:
        on_laptop = state.sheet_states(session.connection())
    assert {k: v for k, v in sheets(hub.stack).items() if k.startswith("J1/")} == on_laptop
    # the secretariat confirms the judge's own sheet; the judge is not a secretariat user
    hub.stack.scoring.confirm(hub.secretariat, "J1", "PKM-01")


def test_the_same_bundle_twice_or_an_older_one_changes_nothing(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.fill(j1, "PKM-01", 4)
    stale = laptop.bundle(j1)
    laptop.services.scoring.set_score(j1, "J1", "PKM-01", "K1", Decimal(1))
    fresh = laptop.bundle(j1)
    hub.enrol_and_merge(fresh)
    after_fresh = sheets(hub.stack)
    for data in (fresh, stale):
        result = hub.enrol_and_merge(data).result
        assert (result.new, result.applied, result.sheets) == (0, 0, 0)
        assert sheets(hub.stack) == after_fresh
    assert hub.stack.scoring.sheet(hub.secretariat, "J1", "PKM-01").lines[0].value == 1


def test_an_older_bundle_first_then_the_newer_one_gives_the_newest_state(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.fill(j1, "PKM-01", 4)
    stale = laptop.bundle(j1)
    laptop.services.scoring.set_score(j1, "J1", "PKM-01", "K1", None)
    hub.enrol_and_merge(stale)
    assert hub.stack.scoring.sheet(hub.secretariat, "J1", "PKM-01").filled == len(CRITERIA)
    hub.enrol_and_merge(laptop.bundle(j1))
    assert hub.stack.scoring.sheet(hub.secretariat, "J1", "PKM-01").filled == len(CRITERIA) - 1


def test_a_receipt_tells_the_judge_what_the_secretariat_holds(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.fill(j1, "PKM-01")
    status = laptop.services.laptop.status(j1, "J1")
    assert status.received is None and status.not_received == ("PKM-01",)
    imported = hub.enrol_and_merge(laptop.bundle(j1))
    assert imported.receipt is not None
    laptop.services.scoring.set_score(j1, "J1", "PKM-02", "K1", Decimal(2))
    status = laptop.services.laptop.import_receipt(imported.receipt, "tanda-terima")
    assert (status.received, status.last, status.not_received) == (8, 9, ("PKM-02",))
    receipt = read_receipt(imported.receipt, "r")
    assert (receipt.judge, receipt.seq, receipt.missing) == ("J1", 8, ())


def test_a_receipt_not_signed_by_the_convention_key_is_refused(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.fill(j1, "PKM-01")
    receipt = hub.enrol_and_merge(laptop.bundle(j1)).receipt
    assert receipt is not None
    forged = receipt.replace(b'"seq":8', b'"seq":9')
    with pytest.raises(FileProblemError, match="tidak ditandatangani"):
        laptop.services.laptop.import_receipt(forged, "palsu")
    assert laptop.services.laptop.status(j1, "J1").received is None


def test_an_unknown_key_is_refused_whole_before_anything_is_written(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.fill(j1, "PKM-01")
    before, events = sheets(hub.stack), audit_count(hub.stack)
    with pytest.raises(FileProblemError, match="belum terdaftar"):
        hub.hub.merge(hub.secretariat, laptop.bundle(j1), "nilai-J1.jurylog", hub.key)
    assert (sheets(hub.stack), audit_count(hub.stack)) == (before, events)


def test_a_key_enrolled_for_another_judge_is_refused(make_laptop: MakeLaptop, hub: Hub) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.fill(j1, "PKM-01")
    data = laptop.bundle(j1)
    bundle = read_bundle(data, "b")
    with pytest.raises(PermissionDeniedError, match="juri lain"):
        hub.judge_keys.enrol(hub.secretariat, "J1", bundle.public_key, bundle.fingerprint)
        hub.judge_keys.enrol(hub.secretariat, "J2", bundle.public_key, bundle.fingerprint)
    # a bundle that claims another judge's key: J2's header with J1's key and events
    hub.judge_keys.enrol(hub.secretariat, "J1", bundle.public_key, bundle.fingerprint)
    other = make_laptop("j2")
    j2 = other.sign_in("J2")
    other.fill(j2, "PKM-01")
    j2_bundle = read_bundle(other.bundle(j2), "b2")
    hub.judge_keys.enrol(hub.secretariat, "J2", j2_bundle.public_key, j2_bundle.fingerprint)
    lying = write_bundle(
        bundle.convention,
        "J2",
        bundle.public_key,
        [(e.body.replace(b'"judge":"J1"', b'"judge":"J2"'), e.signature) for e in bundle.events],
    )
    before = sheets(hub.stack)
    with pytest.raises(FileProblemError):
        hub.hub.merge(hub.secretariat, lying, "bohong", hub.key)
    assert sheets(hub.stack) == before


def test_a_typed_fingerprint_that_differs_enrols_nothing(make_laptop: MakeLaptop, hub: Hub) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.fill(j1, "PKM-01")
    bundle = read_bundle(laptop.bundle(j1), "b")
    wrong = "0000-0000-0000-0000-0000"
    with pytest.raises(Exception, match="bandingkan"):
        hub.judge_keys.enrol(hub.secretariat, "J1", bundle.public_key, wrong)
    assert hub.judge_keys.enrolled(hub.secretariat) == []


def test_a_gap_holds_later_events_until_the_missing_ones_arrive(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.fill(j1, "PKM-01", 4)
    laptop.fill(j1, "PKM-02", 2)
    whole = read_bundle(laptop.bundle(j1), "b")
    hub.judge_keys.enrol(hub.secretariat, "J1", whole.public_key, whole.fingerprint)
    tail = part_of(whole, whole.events[10:])
    result = hub.hub.merge(hub.secretariat, tail, "ekor", hub.key).result
    assert (result.new, result.applied, result.upto, result.missing) == (6, 0, 0, ((1, 10),))
    assert hub.hub.received(hub.secretariat)[0].missing == ((1, 10),)
    assert hub.stack.scoring.sheet(hub.secretariat, "J1", "PKM-02").filled == 0
    result = hub.enrol_and_merge(laptop.bundle(j1)).result
    assert (result.new, result.applied, result.upto, result.missing) == (10, 16, 16, ())
    assert hub.stack.scoring.sheet(hub.secretariat, "J1", "PKM-02").filled == len(CRITERIA)


def test_a_locked_hub_refuses_a_bundle_whole_naming_the_event(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.fill(j1, "PKM-01", 4)
    bundle = read_bundle(laptop.bundle(j1), "b")
    hub.judge_keys.enrol(hub.secretariat, "J1", bundle.public_key, bundle.fingerprint)
    settle_open_sheets(hub.stack, hub.secretariat)  # every sheet abstained: the lock may go on
    hub.stack.locking.lock(hub.secretariat, "uji", KEY_PASSPHRASE)
    before = (sheets(hub.stack), audit_count(hub.stack))
    with pytest.raises(FileProblemError, match=r"#1 \(PKM-01/K1\).*dikunci"):
        hub.hub.merge(hub.secretariat, laptop.bundle(j1), "nilai", hub.key)
    assert (sheets(hub.stack), audit_count(hub.stack)) == before


def test_a_sheet_typed_from_paper_at_the_hub_refuses_the_judges_bundle(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.fill(j1, "PKM-01", 4)
    hub.stack.scoring.set_score(hub.secretariat, "J1", "PKM-01", "K1", Decimal(2))
    with pytest.raises(FileProblemError, match="kertas"):
        hub.enrol_and_merge(laptop.bundle(j1))
    assert hub.stack.scoring.sheet(hub.secretariat, "J1", "PKM-01").filled == 1


def test_judges_cannot_merge_or_settle_and_the_fingerprints_are_there_for_the_daftar_hadir(
    make_laptop: MakeLaptop, hub: Hub, judges: dict[str, Actor]
) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.fill(j1, "PKM-01")
    data = laptop.bundle(j1)
    with pytest.raises(PermissionDeniedError):
        hub.hub.merge(judges["J1"], data, "b", None)
    bundle = read_bundle(data, "b")
    with pytest.raises(PermissionDeniedError):
        hub.judge_keys.enrol(judges["J1"], "J1", bundle.public_key, bundle.fingerprint)
    hub.enrol_and_merge(data)
    assert hub.judge_keys.fingerprints(Actor.reader()) == {"J1": bundle.fingerprint}
    own = laptop.services.judge_keys.own(j1)
    assert own is not None and own.fingerprint == bundle.fingerprint


def test_the_daftar_hadir_prints_each_enrolled_judges_key_beside_their_name(
    make_laptop: MakeLaptop, hub: Hub, tmp_path: Path
) -> None:
    laptop = make_laptop("j2")
    j2 = laptop.sign_in("J2")
    laptop.fill(j2, "PKM-01")
    bundle = read_bundle(laptop.bundle(j2), "b")
    hub.enrol_and_merge(laptop.bundle(j2))
    stack = hub.stack
    publishing = PublishingService(stack.database, stack.results, stack.setup, stack.keys)
    written = publishing.publish(hub.secretariat, tmp_path, kinds=[Kind.ATTENDANCE])
    [attendance] = [w for w in written if w.kind == Kind.ATTENDANCE.value]
    # compared without spaces and line ends: the fingerprint is printed on two lines
    text = "".join(
        "".join(page.extract_text().split()) for page in PdfReader(attendance.path).pages
    )
    judges = {j.code: "".join(j.name.split()[:2]) for j in stack.setup.spec().judges}
    days = len(stack.setup.spec().days)
    assert text.count(bundle.fingerprint) == days  # once on each day's list
    rows = text.split(judges["J2"])[1:]
    assert len(rows) == days
    for row in rows:  # in J2's row, before the next judge's: never beside another name
        assert bundle.fingerprint in row.split(judges["J3"])[0]


def test_a_retired_key_is_refused_and_a_new_one_can_be_enrolled(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.fill(j1, "PKM-01")
    data = laptop.bundle(j1)
    hub.enrol_and_merge(data)
    hub.judge_keys.retire(hub.secretariat, "J1", "laptop hilang")
    with pytest.raises(FileProblemError, match="dipensiunkan"):
        hub.hub.merge(hub.secretariat, data, "b", hub.key)
    spare = make_laptop("cadangan")
    again = spare.sign_in("J1")
    spare.fill(again, "PKM-02")
    assert hub.enrol_and_merge(spare.bundle(again)).result.applied == len(CRITERIA)


def test_a_newer_package_updates_the_laptop_and_another_conventions_is_refused(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    laptop = make_laptop("j1")
    spec = hub.stack.setup.spec()
    renamed = replace(spec, teams=(replace(spec.teams[0], title="Judul baru"), *spec.teams[1:]))
    hub.stack.setup.update(hub.secretariat, renamed)
    newer = hub.hub.export_package(hub.secretariat, hub.key)
    summary = laptop.services.laptop.import_package(newer, "baru")
    assert summary.updated
    assert laptop.services.setup.spec().teams[0].title == "Judul baru"
    with pytest.raises(FileProblemError, match="sekretariat"):
        LaptopService(hub.stack.database).import_package(newer, "paket")


def test_several_bundles_in_turn_each_whole_or_refused_in_its_place(
    make_laptop: MakeLaptop, hub: Hub
) -> None:
    bundles = []
    for judge in ("J1", "J2"):
        laptop = make_laptop(judge.lower())
        actor = laptop.sign_in(judge)
        laptop.fill(actor, "PKM-01", 4)
        data = laptop.bundle(actor)
        parsed = read_bundle(data, judge)
        hub.judge_keys.enrol(hub.secretariat, judge, parsed.public_key, parsed.fingerprint)
        bundles.append((data, f"nilai-{judge}.jurylog"))
    damaged = (bundles[0][0][:-10], "rusak.jurylog")
    outcomes = hub.hub.merge_all(hub.secretariat, [bundles[0], damaged, bundles[1]], hub.key)
    assert isinstance(outcomes[1], FileProblemError) and "rusak.jurylog" in str(outcomes[1])
    first, third = outcomes[0], outcomes[2]
    assert not isinstance(first, Exception) and first.result.applied == len(CRITERIA)
    assert not isinstance(third, Exception) and third.result.judge == "J2"
    assert first.receipt is not None and third.receipt is not None
