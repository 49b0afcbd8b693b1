"""The secretariat's long reads (rankings, matrix, set-up, paper entry, trail check) apart.

Reckoning a 1,000-team convention keeps Python busy for one to two seconds, and a thread of
the desktop app's own process that does it shares the interpreter with the GUI thread: every
call the GUI thread makes into Python (each table cell it paints) waits its turn, and each
pass of the cyclic garbage collector over the objects of a reckoning holds the interpreter
for up to a quarter of a second. Measured while scores arrived, that was the rankings
stuttering on every reckoning. Here the reckoning runs in a process of its own, reading the
same database (read-only: a SQLite file, or the hub's PostgreSQL server); the app's worker
thread only waits for the answer, which leaves the interpreter to the GUI thread.

The command line, the tests and anything that opens a database in memory reckon in-process
through the same methods: :class:`Reckoner` decides where, the screens do not. If the second
process cannot start or dies, the read is done in-process and the next one starts it again.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import pickle
import threading
import traceback
from dataclasses import dataclass, replace
from fractions import Fraction
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING, Any

from juryapp.domain.messages import JuryError
from juryapp.domain.results import JudgeMark, MarkStatus, Results
from juryapp.reports.collection import collection_paused

if TYPE_CHECKING:
    from collections.abc import Callable

    from juryapp.bootstrap import Services
    from juryapp.domain.access import Actor
    from juryapp.domain.kinds import Method
    from juryapp.domain.model import ConventionSpec
    from juryapp.services.confirmation import WaitingSheet
    from juryapp.services.integrity import IntegrityReport
    from juryapp.services.results import LockState, Progress

__all__ = ["MarkRow", "Rankings", "Reckoner", "ReckoningFailedError", "marks_by_team", "ranks_only"]

log = logging.getLogger(__name__)

# Starts of the second process after which the reads stay in-process for good: something on
# this computer keeps killing it, and reckoning slowly beats not reckoning.
_MOST_STARTS = 3
# How long a starting process may take to open the database before the read is done here.
_START_TIMEOUT_S = 60.0


@dataclass(frozen=True)
class Rankings:
    """What the rankings screen shows: each method's ranks and scores, the chosen method's
    judges' marks, the lock and the judges' names.

    The marks come as plain rows, not as a :class:`JudgeMark` per judge and team: the app
    shows one team's at a time, and taking twenty thousand objects in (1,000 teams) held the
    interpreter for 35–40 ms at every reckoning while the GUI thread waited to paint.
    """

    by_method: dict[Method, Results]  # every team's rank and score, without marks
    method: Method  # the method ``marks`` are of
    marks: dict[str, tuple[MarkRow, ...]]  # team code -> its judges' marks
    lock: LockState
    judge_names: dict[str, str] | None  # None: not asked for (unchanged since the last read)

    def marks_of(self, team: str) -> tuple[JudgeMark, ...]:
        """The judges' marks of ``team`` under :attr:`method`, as the domain has them."""
        return tuple(
            JudgeMark(judge, MarkStatus(status), _total(numerator, denominator), outlier)
            for judge, status, numerator, denominator, outlier in self.marks.get(team, ())
        )


# A judge's mark as it crosses: judge, status, the total as numerator and denominator, outlier.
MarkRow = tuple[str, str, int | None, int | None, bool]


def _total(numerator: int | None, denominator: int | None) -> Fraction | None:
    return None if numerator is None or denominator is None else Fraction(numerator, denominator)


def marks_by_team(results: Results) -> dict[str, tuple[MarkRow, ...]]:
    """Every team's judges' marks in ``results``, as plain rows."""
    return {
        team.code: tuple(
            (
                mark.judge,
                mark.status.value,
                None if mark.total is None else mark.total.numerator,
                None if mark.total is None else mark.total.denominator,
                mark.outlier,
            )
            for mark in team.marks
        )
        for category in results.categories
        for team in category.teams
    }


class ReckoningFailedError(RuntimeError):
    """A bug in a read done in the second process; its traceback is in the message."""


def read_rankings(
    services: Services, actor: Actor, method: Method, every: bool, with_names: bool
) -> Rankings:
    """``method``'s ranks and its judges' marks (every method's ranks with ``every``), the
    lock and, if asked, who the judges are."""
    results = services.results
    found = results.compare_methods(actor) if every else {method: results.compute(actor, method)}
    names = {j.code: j.name for j in services.setup.spec().judges} if with_names else None
    return Rankings(
        {other: ranks_only(each) for other, each in found.items()},
        method,
        marks_by_team(found[method]),
        results.lock_state(),
        names,
    )


def ranks_only(results: Results) -> Results:
    """``results`` without each team's marks and criterion means."""
    return replace(
        results,
        categories=tuple(
            replace(
                category,
                teams=tuple(replace(team, marks=(), criterion_means={}) for team in category.teams),
            )
            for category in results.categories
        ),
    )


def read_progress(
    services: Services, actor: Actor, teams_only: frozenset[str] | None = None
) -> Progress:
    """Every judge's state on every team (the secretariat's matrix), or on ``teams_only``."""
    return services.results.progress(actor, teams_only)


def read_paper_entry(
    services: Services, actor: Actor
) -> tuple[ConventionSpec, tuple[WaitingSheet, ...]]:
    """The set-up the paper form is built from, and the sheets waiting for confirmation."""
    return services.setup.spec(), tuple(services.confirmation.waiting(actor))


def read_setup(
    services: Services, with_spec: bool
) -> tuple[LockState, ConventionSpec | None, frozenset[str]]:
    """Whether the results are locked and, ``with_spec``, the whole set-up and the judges whose
    signatures are stored (the set-up page: every team, judge and conflict, read on each
    change to the set-up while the page builds and lays itself out)."""
    spec = services.setup.spec() if with_spec else None
    signed = frozenset(services.setup.signatures()) if spec is not None else frozenset()
    return services.results.lock_state(), spec, signed


def read_integrity(services: Services, actor: Actor) -> IntegrityReport:
    """Every check of the trail against the tables (at sign-in: 200,000 events at 1,000
    teams, most of the app's peak memory when it was done there)."""
    return services.integrity.check(actor)


# What the second process may be asked to do, by name (nothing else crosses the pipe).
_READS: dict[str, Callable[..., Any]] = {
    "rankings": read_rankings,
    "progress": read_progress,
    "paper_entry": read_paper_entry,
    "setup": read_setup,
    "integrity": read_integrity,
}


class Reckoner:
    """The long reads of one open database; in a second process when ``apart``.

    The second process answers one read at a time, so a short read may wait behind a long
    one: screens ask for every read through here on the slow lane of ``gui/ops.py``.
    """

    def __init__(self, services: Services, *, apart: bool) -> None:
        self._services = services
        self._apart = apart
        self._lock = threading.Lock()  # one read at a time crosses the pipe
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None
        self._starts = 0
        self._closed = False

    # -- the reads -------------------------------------------------------------------------
    def rankings(
        self, actor: Actor, method: Method, *, every: bool = False, with_names: bool = True
    ) -> Rankings:
        result: Rankings = self._read("rankings", actor, method, every, with_names)
        return result

    def progress(self, actor: Actor, teams_only: frozenset[str] | None = None) -> Progress:
        result: Progress = self._read("progress", actor, teams_only)
        return result

    def paper_entry(self, actor: Actor) -> tuple[ConventionSpec, tuple[WaitingSheet, ...]]:
        result: tuple[ConventionSpec, tuple[WaitingSheet, ...]] = self._read("paper_entry", actor)
        return result

    def setup(self, *, with_spec: bool) -> tuple[LockState, ConventionSpec | None, frozenset[str]]:
        result: tuple[LockState, ConventionSpec | None, frozenset[str]] = self._read(
            "setup", with_spec
        )
        return result

    def integrity(self, actor: Actor) -> IntegrityReport:
        result: IntegrityReport = self._read("integrity", actor)
        return result

    # -- where they run --------------------------------------------------------------------
    @property
    def apart(self) -> bool:
        """Whether reads go to the second process (it may still be starting)."""
        return self._apart and not self._closed and self._starts <= _MOST_STARTS

    def process_id(self) -> int | None:
        """The second process's id while it runs (for tests and diagnostics)."""
        process = self._process
        return process.pid if process is not None and process.is_alive() else None

    def _read(self, name: str, *args: Any) -> Any:
        if self.apart:
            with self._lock:
                answer = self._ask(name, args)
            if answer is not None:
                status, value = answer
                if status == "ok":
                    return value
                if status == "refused":
                    raise value
                raise ReckoningFailedError(value)
        return _READS[name](self._services, *args)

    def _ask(self, name: str, args: tuple[Any, ...]) -> tuple[str, Any] | None:
        """The second process's answer, or None if it could not give one (then read here)."""
        connection = self._running()
        if connection is None:
            return None
        try:
            connection.send((name, args))
            data = connection.recv_bytes()
            # our own second process, over a pipe only the two hold: Connection.recv's trust
            answer: tuple[str, Any] = pickle.Unpickler(_FrameByFrame(data)).load()  # noqa: S301
        except (EOFError, OSError) as exc:
            log.warning("the reading process stopped (%s); reading in this process", exc)
            self._stop()
            return None
        return answer

    def _running(self) -> Connection | None:
        """The pipe to a second process that has the database open, started if need be."""
        if self._process is not None and self._process.is_alive():
            return self._connection
        self._stop()
        if self._closed or self._starts >= _MOST_STARTS:
            self._starts = _MOST_STARTS + 1
            return None
        self._starts += 1
        if not self._start():
            return None
        opened = self._opened()
        if opened is None:
            self._stop()
        return opened

    def _start(self) -> bool:
        context = multiprocessing.get_context("spawn")  # never fork a process with Qt threads
        ours, theirs = context.Pipe()
        target = self._services.target
        process = context.Process(
            target=_serve,
            args=(theirs, None if target is None else os.fspath(target)),
            name="juryapp-reckoner",
            daemon=True,  # ends with the app, however the app ends
        )
        try:
            process.start()
        except (OSError, RuntimeError, pickle.PicklingError) as exc:  # no processes, no spawn
            log.warning("the reading process cannot start (%s); reading in this process", exc)
            ours.close()
            return False
        finally:
            theirs.close()
        self._process, self._connection = process, ours
        return True

    def _opened(self) -> Connection | None:
        """The pipe once the new process says it opened the database; None if it did not."""
        connection = self._connection
        assert connection is not None
        try:
            if not connection.poll(_START_TIMEOUT_S):
                log.warning("the reading process did not open the database; reading here")
                return None
            opened: tuple[str, Any] = connection.recv()
        except (EOFError, OSError) as exc:
            log.warning("the reading process stopped while opening (%s); reading here", exc)
            return None
        if opened[0] != "ok":  # it cannot open this database: say why once, then read here
            log.warning("the reading process cannot open the database: %s", opened[1])
            self._starts = _MOST_STARTS + 1
            return None
        return connection

    def _stop(self) -> None:
        connection, process = self._connection, self._process
        self._connection = self._process = None
        if connection is not None:
            connection.close()
        if process is not None:
            process.kill()
            process.join(5)

    def close(self) -> None:
        """Stop the second process; reads asked afterwards are done in-process."""
        self._closed = True
        with self._lock:
            self._stop()


class _FrameByFrame:
    """An answer's bytes handed to the unpickler one frame (about 64 KB) at a time, through
    Python code.

    ``pickle.loads`` is one call into C that holds the interpreter until the last object is
    built: the 1 MB of a 1,000-team ranking held the GUI thread up for 20–30 ms. Reading from
    this object instead, the unpickler calls back into Python for every frame, and there the
    GUI thread gets its turn (after the switch interval) — waits of a few milliseconds.
    """

    def __init__(self, data: bytes) -> None:
        self._bytes = data  # for readline's search, without a copy
        self._data = memoryview(data)
        self._at = 0

    def read(self, size: int = -1) -> bytes:
        start = self._at
        self._at = len(self._data) if size < 0 else min(start + size, len(self._data))
        return bytes(self._data[start : self._at])

    def readinto(self, buffer: memoryview) -> int:
        chunk = self._data[self._at : self._at + len(buffer)]
        buffer[: len(chunk)] = chunk
        self._at += len(chunk)
        return len(chunk)

    def readline(self) -> bytes:
        end = self._bytes.find(b"\n", self._at)
        return self.read(-1 if end < 0 else end + 1 - self._at)


def _serve(connection: Connection, target: str | None) -> None:
    """The second process: open the database read-only, then answer reads until told to stop
    (the pipe closes when the app ends or closes the database)."""
    from juryapp.bootstrap import bootstrap  # noqa: PLC0415

    services = bootstrap(target, read_only=True)
    try:
        services.ensure_open()
    except Exception as exc:
        connection.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    connection.send(("ok", None))
    # What is loaded by now (modules, the engine) stays for good: out of the collector's sight.
    # A read's own objects are freed as it ends, nearly all by reference counting: holding the
    # collector off while it runs spares it full passes over them (50–120 ms each, several per
    # reckoning at 1,000 teams), time the person waits for the screen.
    gc.freeze()
    try:
        while True:
            try:
                name, args = connection.recv()
                with collection_paused():
                    connection.send(_answer(services, name, args))
            except (EOFError, OSError):  # the app closed the pipe, or ended however it ended
                return
    finally:
        services.close()


def _answer(services: Services, name: str, args: tuple[Any, ...]) -> tuple[str, Any]:
    try:
        return "ok", _READS[name](services, *args)
    except JuryError as exc:  # refused or failed as the service says: raised again in the app
        return "refused", exc
    except Exception:
        return "failed", traceback.format_exc()
