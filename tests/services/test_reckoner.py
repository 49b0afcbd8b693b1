"""The secretariat's long reads done in a second process give what the services give here."""

from __future__ import annotations

import os
import pickle
import signal
import sqlite3
from collections.abc import Iterator
from contextlib import closing

import pytest

from juryapp.domain.access import Actor
from juryapp.domain.kinds import Method
from juryapp.domain.messages import (
    FileProblemError,
    JuryError,
    PermissionDeniedError,
    StateError,
    Text,
)
from juryapp.persistence.database import DatabaseBusyError
from juryapp.reckoner import Reckoner, _FrameByFrame, marks_by_team, ranks_only
from tests.services.conftest import KEY_PASSPHRASE, Stack, fill_sheet, settle_open_sheets


@pytest.fixture
def apart(stack: Stack) -> Iterator[Reckoner]:
    reckoner = Reckoner(stack.services, apart=True)
    yield reckoner
    reckoner.close()


def test_rankings_read_apart_are_those_reckoned_here(
    stack: Stack, apart: Reckoner, sek1: Actor, judges: dict[str, Actor]
) -> None:
    for judge, value in (("J1", 4), ("J2", 2)):
        fill_sheet(stack, judges[judge], judge, "PKM-01", value)
        stack.scoring.submit(judges[judge], judge, "PKM-01")
    read = apart.rankings(sek1, Method.MEDIAN, every=True, with_names=True)
    assert apart.process_id() not in (None, os.getpid())  # it really ran elsewhere
    here = stack.results.compare_methods(sek1)
    assert set(read.by_method) == set(Method) and read.method is Method.MEDIAN
    for method, results in read.by_method.items():  # ranks and scores, no marks
        assert results == ranks_only(here[method])
        teams = [t for c in results.categories for t in c.teams]
        assert all(t.marks == () and not t.criterion_means for t in teams)
    # the chosen method's marks, team by team, as the domain has them
    whole = [t for c in here[Method.MEDIAN].categories for t in c.teams]
    assert sorted(read.marks) == sorted(t.code for t in whole)
    assert all(read.marks_of(t.code) == t.marks for t in whole)
    counted = {m.judge: m.total for m in read.marks_of("PKM-01") if m.total is not None}
    assert set(counted) == {"J1", "J2"} and counted["J1"] > counted["J2"]
    assert read.marks_of("no such team") == ()
    assert read.lock == stack.results.lock_state()
    assert read.judge_names == {j.code: j.name for j in stack.setup.spec().judges}
    one = apart.rankings(sek1, Method.TRIMMED, every=False, with_names=False)
    trimmed = stack.results.compute(sek1, Method.TRIMMED)
    assert one.by_method == {Method.TRIMMED: ranks_only(trimmed)}
    assert one.method is Method.TRIMMED and one.marks == marks_by_team(trimmed)
    assert one.judge_names is None
    assert apart.progress(sek1) == stack.results.progress(sek1)


def test_the_paper_entry_read_apart_is_the_one_read_here(
    stack: Stack, apart: Reckoner, sek1: Actor, judges: dict[str, Actor]
) -> None:
    fill_sheet(stack, judges["J4"], "J4", "PKM-03", 3)
    stack.scoring.submit(judges["J4"], "J4", "PKM-03")
    spec, waiting = apart.paper_entry(sek1)
    assert spec == stack.setup.spec()
    assert waiting == tuple(stack.services.confirmation.waiting(sek1))
    assert [(w.judge, w.team) for w in waiting] == [("J4", "PKM-03")]


def test_the_setup_read_apart_is_the_one_read_here(
    stack: Stack, apart: Reckoner, sek1: Actor
) -> None:
    stack.setup.set_signature(sek1, "J2", b"\x89PNG tanda tangan J2")
    state, spec, signed = apart.setup(with_spec=True)
    assert apart.process_id() not in (None, os.getpid())
    assert spec == stack.setup.spec() and signed == {"J2"}
    assert state == stack.results.lock_state() and not state.locked
    # edits wait to be saved on the page: only the lock is read, not the set-up
    assert apart.setup(with_spec=False) == (state, None, frozenset())
    settle_open_sheets(stack, sek1)
    stack.locking.lock(sek1, "hasil final", KEY_PASSPHRASE)
    locked, _spec, _signed = apart.setup(with_spec=True)
    assert locked.locked and locked == stack.results.lock_state()


def test_a_score_saved_here_is_in_the_next_read_apart(
    stack: Stack, apart: Reckoner, sek1: Actor, judges: dict[str, Actor]
) -> None:
    before = apart.progress(sek1)
    ranked = apart.rankings(sek1, Method.MEAN)
    fill_sheet(stack, judges["J3"], "J3", "PKM-02", 5)
    stack.scoring.submit(judges["J3"], "J3", "PKM-02")
    after = apart.progress(sek1)
    assert after.cells[("J3", "PKM-02")] != before.cells[("J3", "PKM-02")]
    assert after == stack.results.progress(sek1)
    again = apart.rankings(sek1, Method.MEAN)
    reckoned = stack.results.compute(sek1, Method.MEAN)
    assert again.by_method[Method.MEAN] == ranks_only(reckoned)
    assert again.by_method != ranked.by_method and again.marks != ranked.marks
    assert [m.judge for m in again.marks_of("PKM-02") if m.total is not None] == ["J3"]
    one_team = apart.progress(sek1, frozenset({"PKM-02"}))
    assert one_team == stack.results.progress(sek1, frozenset({"PKM-02"}))
    assert {code for _judge, code in one_team.cells} == {"PKM-02"}


def test_a_refusal_apart_is_the_refusal_here(
    stack: Stack, apart: Reckoner, judges: dict[str, Actor]
) -> None:
    with pytest.raises(PermissionDeniedError) as here:
        stack.results.progress(judges["J1"])
    with pytest.raises(PermissionDeniedError) as there:
        apart.progress(judges["J1"])
    assert there.value.text == here.value.text and str(there.value) == str(here.value)
    assert apart.process_id() is not None  # a refusal does not stop the process


def test_a_killed_process_is_started_again_and_nothing_is_lost(
    stack: Stack, apart: Reckoner, sek1: Actor
) -> None:
    expected = stack.results.progress(sek1)
    assert apart.progress(sek1) == expected
    first = apart.process_id()
    assert first is not None
    os.kill(first, signal.SIGKILL)
    assert apart.progress(sek1) == expected  # read here, or in a new process
    assert apart.progress(sek1) == expected  # by now in a new one
    assert apart.process_id() not in (None, first)


@pytest.mark.parametrize("refusal", [OSError(24, "too many open files"), RuntimeError("no spawn")])
def test_a_process_that_cannot_start_leaves_the_reads_here(
    stack: Stack, sek1: Actor, monkeypatch: pytest.MonkeyPatch, refusal: Exception
) -> None:
    def refuse(_process: object) -> None:
        raise refusal

    monkeypatch.setattr("multiprocessing.context.SpawnProcess.start", refuse)
    reckoner = Reckoner(stack.services, apart=True)
    try:
        assert reckoner.progress(sek1) == stack.results.progress(sek1)
        assert reckoner.process_id() is None
    finally:
        reckoner.close()


def test_closed_it_stops_its_process_and_reads_here(stack: Stack, sek1: Actor) -> None:
    reckoner = Reckoner(stack.services, apart=True)
    reckoner.progress(sek1)
    process = reckoner._process
    assert process is not None and process.is_alive()
    reckoner.close()
    assert not process.is_alive() and reckoner.process_id() is None and not reckoner.apart
    assert reckoner.progress(sek1) == stack.results.progress(sek1)
    assert reckoner.process_id() is None


def test_not_apart_it_reads_in_this_process(stack: Stack, sek1: Actor) -> None:
    reckoner = stack.services.reckoner  # bootstrap's default: no second process
    assert reckoner.progress(sek1) == stack.results.progress(sek1)
    assert not reckoner.apart and reckoner.process_id() is None


@pytest.mark.parametrize(
    "error",
    [
        PermissionDeniedError(Text("tidak boleh", "not allowed")),
        StateError(Text("hasil dikunci {v}", "results locked {v}").format(v=3)),
        FileProblemError(
            Text("bukan angka", "not a number"), file="skor.csv", row=4, column="skor"
        ),
        DatabaseBusyError(Text("sibuk", "busy")),
    ],
    ids=lambda e: type(e).__name__,
)
def test_every_refusal_crosses_processes_whole(error: JuryError) -> None:
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert again.text == error.text and str(again) == str(error)
    assert vars(again) == vars(error) and again.args == error.args


@pytest.mark.tampers
@pytest.mark.sqlite_only
def test_a_score_changed_behind_the_app_is_found_by_the_check_apart(
    stack: Stack, apart: Reckoner, sek1: Actor, judges: dict[str, Actor]
) -> None:
    fill_sheet(stack, judges["J1"], "J1", "PKM-01", 3)
    assert apart.integrity(sek1).ok
    with closing(sqlite3.connect(stack.path)) as connection, connection:
        connection.execute("UPDATE score SET value = '5' WHERE id = (SELECT min(id) FROM score)")
    found = apart.integrity(sek1)
    assert apart.process_id() not in (None, os.getpid())
    assert not found.ok and found == stack.integrity.check(sek1)


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_an_answer_read_frame_by_frame_is_the_answer(protocol: int) -> None:
    answer = ("ok", {"PKM-01": [1.5, None, "catatan\nbaris dua"], "RS-02": (b"\x00" * 70_000,)})
    data = pickle.dumps(answer, protocol=protocol)
    assert pickle.Unpickler(_FrameByFrame(data)).load() == answer


def test_a_large_answer_is_read_a_frame_at_a_time() -> None:
    """Between two reads the GUI thread can take the interpreter; one read of the whole
    answer would hold it until the last object is built."""
    answer = [(f"T{i:04}", i * 1.25, tuple(range(20))) for i in range(5_000)]
    data = pickle.dumps(("ok", answer), protocol=pickle.DEFAULT_PROTOCOL)
    reader = _FrameByFrame(data)
    sizes: list[int] = []
    read = reader.read

    def counted(size: int = -1) -> bytes:
        chunk = read(size)
        sizes.append(len(chunk))
        return chunk

    reader.read = counted  # type: ignore[method-assign]
    assert pickle.Unpickler(reader).load() == ("ok", answer)
    assert len(data) > 4 * 65_536 and sum(sizes) == len(data)
    assert max(sizes) <= 2 * 65_536 and len(sizes) >= len(data) // 65_536


def test_answers_from_the_second_process_are_read_frame_by_frame(
    stack: Stack, apart: Reckoner, sek1: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    used: list[int] = []

    class Counted(_FrameByFrame):
        def __init__(self, data: bytes) -> None:
            super().__init__(data)
            used.append(len(data))

    monkeypatch.setattr("juryapp.reckoner._FrameByFrame", Counted)
    assert apart.progress(sek1) == stack.results.progress(sek1)
    assert apart.process_id() is not None and len(used) == 1
