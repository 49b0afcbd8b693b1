"""The one way screens run service calls: lanes, order, reads after writes, reloads folded."""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from juryapp.gui.ops import Lane, Ops, Reload

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


@pytest.fixture
def ops(qapp: QApplication) -> Iterator[Ops]:
    made = Ops()
    yield made
    assert made.close(5000)


def test_changes_run_one_at_a_time_in_the_order_asked(qtbot: QtBot, ops: Ops) -> None:
    parent, order = QObject(), []

    def change(name: str) -> object:
        def work() -> str:
            order.append(f"{name} start")
            time.sleep(0.01)
            order.append(f"{name} end")
            return name

        return work

    results: list[str] = []
    for name in "abc":
        ops.change(parent, change(name)).success(results.append).run()
    qtbot.waitUntil(ops.idle, timeout=5000)
    assert order == ["a start", "a end", "b start", "b end", "c start", "c end"]
    assert results == ["a", "b", "c"]


def test_a_read_waits_for_every_change_asked_before_it(qtbot: QtBot, ops: Ops) -> None:
    parent, gate, seen = QObject(), threading.Event(), []
    stored = {"score": 3}

    def slow_save() -> None:
        gate.wait(5)
        stored["score"] = 4

    ops.change(parent, slow_save).run()
    ops.query(parent, lambda: stored["score"]).success(seen.append).run()
    ops.query(parent, lambda: stored["score"]).slow().success(seen.append).run()
    time.sleep(0.05)
    qtbot.wait(20)
    assert seen == []  # both wait for the save, on their own lanes
    gate.set()
    qtbot.waitUntil(ops.idle, timeout=5000)
    assert seen == [4, 4]


def test_a_long_read_holds_up_no_quick_one(qtbot: QtBot, ops: Ops) -> None:
    parent, gate, seen = QObject(), threading.Event(), []
    ops.query(parent, lambda: gate.wait(5) and "ranking").slow().success(seen.append).run()
    ops.query(parent, lambda: "one sheet").success(seen.append).run()
    qtbot.waitUntil(lambda: seen == ["one sheet"], timeout=5000)
    assert ops.running(Lane.SLOW)
    gate.set()
    qtbot.waitUntil(ops.idle, timeout=5000)
    assert seen == ["one sheet", "ranking"]


def test_long_reads_and_jobs_run_with_the_cyclic_collector_held_off(qtbot: QtBot, ops: Ops) -> None:
    """A full pass of the collector during a reckoning held the interpreter for up to 200 ms
    at 1,000 teams, and the GUI thread waited; quick reads and changes are left alone."""
    parent, seen = QObject(), {}
    ops.query(parent, gc.isenabled).slow().success(lambda on: seen.update(slow=on)).run()
    ops.job(parent, lambda _progress: gc.isenabled()).success(lambda on: seen.update(job=on)).run()
    ops.query(parent, gc.isenabled).success(lambda on: seen.update(quick=on)).run()
    ops.change(parent, gc.isenabled).success(lambda on: seen.update(change=on)).run()
    qtbot.waitUntil(ops.idle, timeout=5000)
    assert seen == {"slow": False, "job": False, "quick": True, "change": True}
    assert gc.isenabled()  # on again once the read is over


def test_a_finished_change_is_announced_whatever_its_outcome(qtbot: QtBot, ops: Ops) -> None:
    parent, refused = QObject(), []

    def refuse() -> None:
        raise ValueError("tidak boleh")

    with qtbot.waitSignal(ops.changed, timeout=5000):
        ops.change(parent, refuse).failure(refused.append).run()
    assert [str(e) for e in refused] == ["tidak boleh"]
    with qtbot.assertNotEmitted(ops.changed, wait=50):
        ops.query(parent, lambda: None).run()
        qtbot.waitUntil(ops.idle, timeout=5000)


def test_a_job_that_writes_waits_in_line_with_the_changes(qtbot: QtBot, ops: Ops) -> None:
    parent, order = QObject(), []
    gate = threading.Event()

    def first() -> None:
        gate.wait(5)
        order.append("save")

    ops.change(parent, first).run()
    ops.job(parent, lambda _progress: order.append("import"), changes=True).run()
    ops.job(parent, lambda _progress: order.append("export")).run()
    gate.set()
    qtbot.waitUntil(ops.idle, timeout=5000)
    assert order == ["save", "import", "export"]  # the export reads what both wrote


def test_no_callback_reaches_a_closed_screen(qtbot: QtBot, ops: Ops) -> None:
    gate, called = threading.Event(), []
    parent = QObject()
    ops.query(parent, lambda: gate.wait(5)).success(called.append).run()
    parent.deleteLater()
    qtbot.wait(10)
    gate.set()
    qtbot.waitUntil(ops.idle, timeout=5000)
    assert called == []


def test_nothing_asked_after_closing_runs(qtbot: QtBot, ops: Ops) -> None:
    # A result shown while closing may ask for the next read: the database it would open
    # again is closed, so the work is cancelled before it runs, on every lane.
    parent, ran, cancelled = QObject(), [], []
    assert ops.close(5000)
    for ask in (ops.change, ops.query):
        ask(parent, lambda: ran.append(1)).cancelled(lambda: cancelled.append(1)).run()
    for changes in (False, True):
        ops.job(parent, lambda _p: ran.append(1), changes=changes).cancelled(
            lambda: cancelled.append(1)
        ).run()
    qtbot.waitUntil(lambda: len(cancelled) == 4, timeout=5000)
    assert ran == []


def test_a_reload_asked_for_many_times_while_running_runs_once_more(qtbot: QtBot, ops: Ops) -> None:
    parent, gate = QObject(), threading.Event()
    reads: list[int] = []
    shown: list[int] = []
    counter = {"n": 0}

    def prepare() -> object:
        counter["n"] += 1
        n = counter["n"]

        def read() -> int:
            gate.wait(5)
            reads.append(n)
            return n

        return read

    reload = Reload(ops, parent, prepare, shown.append)  # type: ignore[arg-type]
    for _ in range(20):  # a score arriving every few milliseconds
        reload.request()
    assert reload.busy
    gate.set()
    qtbot.waitUntil(ops.idle, timeout=5000)
    assert reads == [1, 2] and shown == [1, 2]
    assert not reload.busy


def test_a_resting_reload_waits_its_turn_and_the_runner_is_not_idle_meanwhile(
    qtbot: QtBot, ops: Ops
) -> None:
    parent, runs = QObject(), []

    def prepare() -> object:
        def read() -> int:
            time.sleep(0.02)
            return len(runs)

        return read

    reload = Reload(ops, parent, prepare, runs.append, rest=1.0)  # type: ignore[arg-type]
    reload.request()
    reload.request()  # asked again while the first runs
    qtbot.waitUntil(lambda: len(runs) == 1, timeout=5000)
    assert reload.waiting and not ops.idle()  # resting as long as the first took
    qtbot.waitUntil(ops.idle, timeout=5000)
    assert runs == [0, 1] and not reload.busy
