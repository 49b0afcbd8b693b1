"""One way for the screens to run service calls: off the GUI thread, in order, told the outcome.

A screen says in one line what to run, what to do with its result and, if not the default
dialog, what to do when it is refused::

    self._ops.change(self, lambda: scoring.submit(actor, judge, team)).success(self._show).run()
    self._ops.query(self, lambda: results.progress(actor)).slow().success(self._fill).run()

Calls run on four lanes, one worker thread each:

- **changes**: every write, one at a time in the order asked, so that two saves of one sheet
  never race and a submission always follows the scores typed before it;
- **queries**: the quick reads a screen shows at once (one sheet, a list, what changed);
- **slow**: reads that take long on a large convention (rankings, the whole matrix), so
  that they never hold up a quick one;
- **jobs**: long work with a progress dialog (printing, checking documents, exports).

A read waits for every change asked before it, so a screen never shows the state from before
its own last action. Results and failures come back on the GUI thread (``gui/worker.py``); a
finished change makes ``changed`` fire, which the watcher takes as a cue to look at once.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable
from enum import Enum
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from juryapp.gui.worker import BackgroundRunner, Cancelled, Progress, Task
from juryapp.reports.collection import collection_paused

__all__ = ["Cancelled", "Lane", "Op", "Ops", "Progress", "Reload", "Task"]

T = TypeVar("T")

# How often a read waiting for earlier changes looks whether it was cancelled meanwhile.
_WAIT_SLICE_S = 0.05


class Lane(Enum):
    CHANGES = "changes"
    QUERIES = "queries"
    SLOW = "slow"
    JOBS = "jobs"


class Op(Generic[T]):
    """One service call as a screen asks for it; nothing runs until :meth:`run`."""

    def __init__(
        self, ops: Ops, lane: Lane, parent: QObject, work: Callable[[Progress], T]
    ) -> None:
        self._ops, self.lane, self._parent, self._work = ops, lane, parent, work
        self._success: Callable[[T], object] | None = None
        self._failure: Callable[[BaseException], object] | None = None
        self._cancelled: Callable[[], object] | None = None
        self._title: str | None = None
        self._builds_here = True

    def success(self, handler: Callable[[T], object]) -> Op[T]:
        """Called on the GUI thread with the result, unless the parent is gone by then."""
        self._success = handler
        return self

    def failure(self, handler: Callable[[BaseException], object]) -> Op[T]:
        """Called instead of the default, which shows the refusal or error in a dialog."""
        self._failure = handler
        return self

    def cancelled(self, handler: Callable[[], object]) -> Op[T]:
        self._cancelled = handler
        return self

    def slow(self, *, builds_here: bool = True) -> Op[T]:
        """A read that takes long on a large convention: run it where it holds up no other.

        ``builds_here``: the read builds its objects in this process, so the cyclic collector
        is held off while it runs; False when it mostly waits for the second process
        (``juryapp/reckoner.py``) and only takes its answer in.
        """
        if self.lane is Lane.QUERIES:
            self.lane = Lane.SLOW
        self._builds_here = builds_here
        return self

    def with_progress(self, title: str) -> Op[T]:
        """A progress dialog with a Cancel button, once the work takes more than a moment."""
        self._title = title
        return self

    def run(self) -> Task:
        return self._ops._submit(self)

    # -- for Ops ---------------------------------------------------------------------------
    def _succeeded(self, result: T) -> None:
        if self._success is not None:
            self._success(result)

    def _failed(self, exc: BaseException) -> None:
        if self._failure is not None:
            self._failure(exc)
            return
        from juryapp.gui.errors import show_error  # noqa: PLC0415

        parent = self._parent
        show_error(parent if isinstance(parent, QWidget) else None, exc)

    def _was_cancelled(self) -> None:
        if self._cancelled is not None:
            self._cancelled()


class Ops(QObject):
    """The four lanes of one open database; ``bootstrap`` makes one, tests may pass their own."""

    changed = Signal()  # a change is over (committed or refused): look at the data again

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lanes = {lane: BackgroundRunner(self) for lane in Lane}
        self._order = threading.Condition()
        self._asked = 0  # changes asked for so far (GUI thread)
        self._over = 0  # changes over so far (worker thread, under _order)
        self._reloads: weakref.WeakSet[Reload[Any]] = weakref.WeakSet()
        self._closed = False

    # -- asking ----------------------------------------------------------------------------
    def change(self, parent: QObject, work: Callable[[], T]) -> Op[T]:
        """A write, run after every change asked before it."""
        return Op(self, Lane.CHANGES, parent, lambda _progress: work())

    def query(self, parent: QObject, work: Callable[[], T]) -> Op[T]:
        """A read, run once every change asked before it is over."""
        return Op(self, Lane.QUERIES, parent, lambda _progress: work())

    def job(
        self, parent: QObject, work: Callable[[Progress], T], *, changes: bool = False
    ) -> Op[T]:
        """Long work that reports progress and can be cancelled; ``changes`` if it writes
        (an import), which puts it in line with the other changes."""
        return Op(self, Lane.CHANGES if changes else Lane.JOBS, parent, work)

    # -- state -----------------------------------------------------------------------------
    def idle(self) -> bool:
        """No work queued, running or resting before it runs, and every result delivered."""
        return not any(runner.running_tasks() for runner in self._lanes.values()) and not any(
            reload.waiting for reload in list(self._reloads)
        )

    def settle(self) -> None:
        """Process events until :meth:`idle`: for scripts that drive the screens and then
        read them (the screenshot tools); the app itself never waits like this."""
        app = QCoreApplication.instance()
        if app is None:
            return
        for _ in range(3):
            app.processEvents()
        while not self.idle():
            app.processEvents()
            time.sleep(0.01)
        for _ in range(3):
            app.processEvents()

    def running(self, lane: Lane) -> list[Task]:
        return self._lanes[lane].running_tasks()

    def close(self, msecs: int = 30_000) -> bool:
        """Cancel what listens for it and wait for the rest (changes first); False on time-out.

        Whatever is asked afterwards (a result shown after closing asks for the next read) is
        cancelled before it runs: the database it would open again is closed for good.
        """
        self._closed = True
        for runner in self._lanes.values():
            runner.cancel_all()
        done = True
        for lane in Lane:
            done = self._lanes[lane].wait_for_done(msecs) and done
        return done

    # -- running ---------------------------------------------------------------------------
    def _submit(self, op: Op[T]) -> Task:
        runner = self._lanes[op.lane]
        if self._closed:
            op._work = _refused
        if op.lane is Lane.CHANGES:
            self._asked += 1
            task = runner.submit(
                op._parent,
                op._work,
                op._succeeded,
                op._failed,
                title=op._title,
                on_cancelled=op._was_cancelled,
                settled=self._change_over,
            )
            task.finished.connect(self.changed)
            return task
        ticket, work = self._asked, op._work
        pause = op.lane is Lane.JOBS or (op.lane is Lane.SLOW and op._builds_here)

        def after_changes(progress: Progress) -> T:
            self._wait_for(ticket, progress)
            if not pause:
                return work(progress)
            # Reckoning or checking a large convention builds hundreds of thousands of objects
            # at once; each full pass of the cyclic collector they set off walked all of them
            # holding the interpreter, and the GUI thread waited (up to 200 ms at 1,000 teams).
            # Freed by reference counting when the read ends; the few cycles are collected
            # after it. An answer from the second process is not held off: taken in with the
            # collector paused, its objects would pile up young and the first pass after it
            # would walk them all at once (120 ms measured for one method's rankings).
            with collection_paused():
                return work(progress)

        return runner.submit(
            op._parent,
            after_changes,
            op._succeeded,
            op._failed,
            title=op._title,
            on_cancelled=op._was_cancelled,
        )

    def _change_over(self) -> None:
        with self._order:
            self._over += 1
            self._order.notify_all()

    def _wait_for(self, ticket: int, progress: Progress) -> None:
        with self._order:
            while self._over < ticket:
                progress.raise_if_cancelled()
                self._order.wait(_WAIT_SLICE_S)


def _refused(_progress: Progress) -> Any:
    raise Cancelled


class Reload(Generic[T]):
    """A screen's reload: one at a time; asked for meanwhile, it runs once more afterwards.

    ``prepare`` runs on the GUI thread when a reload starts and returns what runs on the
    worker (so it can take the screen's current choices along); ``show`` gets its result.
    However often it is asked for while one runs (a score arriving every few milliseconds),
    one more follows, reading everything up to then. With ``rest``, the next one waits that
    share of the last one's duration: rankings reckoned back to back at 1,000 teams would
    keep a core busy and slow every other thread, the GUI thread among them. ``slow`` and
    ``builds_here`` are as in :meth:`Op.slow`.
    """

    def __init__(
        self,
        ops: Ops,
        parent: QObject,
        prepare: Callable[[], Callable[[], T]],
        show: Callable[[T], object],
        *,
        failed: Callable[[BaseException], object] | None = None,
        slow: bool = False,
        builds_here: bool = True,
        rest: float = 0.0,
    ) -> None:
        self._ops, self._parent = ops, parent
        self._prepare, self._show, self._failed = prepare, show, failed
        self._slow, self._builds_here, self._rest = slow, builds_here, rest
        self._running = False
        self._again = False
        self._resting = False
        self._started = 0.0
        ops._reloads.add(self)

    @property
    def busy(self) -> bool:
        return self._running or self._again

    @property
    def waiting(self) -> bool:
        """Asked for again, and resting before it runs."""
        return self._resting and self._again and shiboken6.isValid(self._parent)

    def request(self) -> None:
        if self._running or self._resting:
            self._again = True
            return
        self._start()

    def _start(self) -> None:
        self._again = False
        self._running = True
        self._started = time.monotonic()
        op = self._ops.query(self._parent, self._prepare())
        if self._slow:
            op.slow(builds_here=self._builds_here)
        if self._failed is not None:
            op.failure(self._failed)
        task = op.success(self._show).run()
        task.finished.connect(self._finished)

    def _finished(self) -> None:
        self._running = False
        if not self._again or not shiboken6.isValid(self._parent):
            return
        pause = int((time.monotonic() - self._started) * self._rest * 1000)
        if pause <= 0:
            self._start()
            return
        self._resting = True
        QTimer.singleShot(pause, self._parent, self._rested)

    def _rested(self) -> None:
        self._resting = False
        if self._again:
            self._start()
