"""Kill during an import, a lock, a backup or a restore: whole or not at all, nothing lost.

A child repeats the action and is killed at a random moment, again and again. After every
kill the database passes ``integrity_check``, its audit chain is unbroken, and it holds
either what the last acknowledged action left or what the action cut short would have
left; a backup file is whole or absent. ``JURYAPP_KILLS`` sets the kills per action.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

from juryapp.interchange.tabular import write_table
from juryapp.persistence.database import Database
from juryapp.services import audit
from juryapp.services.accounts import AccountService
from juryapp.services.backups import BackupService, verify_backup
from juryapp.services.scoring import ScoringService
from tests.figures import record
from tests.services.conftest import CRITERIA, SECRETARIAT_PASSPHRASE, Stack, copy_database


@pytest.fixture
def stack_template(settled_template: Path) -> Path:
    """Every sheet settled (abstentions), so that the lock's children can lock."""
    return settled_template


CHILD = Path(__file__).with_name("action_child.py")
KILLS = int(os.environ.get("JURYAPP_KILLS", "8"))
# a kill comes up to this long after the worker's first action began: a few actions' time
LONGEST_WAIT_S = {"import": 0.5, "lock": 0.8, "backup": 0.5, "restore": 0.8}
# The kills test SQLite's own durability; a PostgreSQL hub's is the server's.
pytestmark = [pytest.mark.slow, pytest.mark.sqlite_only]

State = object


class Child:
    """The child script; a fresh worker for every run, killed at a random moment."""

    def __init__(self, action: str, database: Path, files: list[Path]) -> None:
        self.longest_wait = LONGEST_WAIT_S[action]
        self.command = [sys.executable, str(CHILD), action, str(database), *map(str, files)]
        self.errors: list[str] = []
        self._start()

    def _start(self) -> None:
        self.process = subprocess.Popen(
            self.command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, args=(self.process, self.lines), daemon=True).start()
        threading.Thread(target=self._collect, args=(self.process,), daemon=True).start()
        self.until(lambda line: line == "loaded")

    @staticmethod
    def _pump(process: subprocess.Popen[str], lines: queue.Queue[str | None]) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line.strip())
        lines.put(None)

    def _collect(self, process: subprocess.Popen[str]) -> None:
        assert process.stderr is not None
        self.errors.extend(process.stderr)

    def until(self, done: Callable[[str], bool]) -> list[str]:
        seen: list[str] = []
        while True:
            try:
                line = self.lines.get(timeout=120)
            except queue.Empty:
                raise AssertionError(f"no word from the child for 120 s after {seen}") from None
            if line is None:
                return seen
            seen.append(line)
            if done(line):
                return seen

    def run_and_kill(self, rng: random.Random, database: Path | None = None) -> list[str]:
        """One worker, killed once it has begun at least once; every line it printed."""
        assert self.process.stdin is not None
        self.process.stdin.write(f"run {database or ''}\n")
        self.process.stdin.flush()
        seen = self.until(lambda line: line.startswith("pid "))
        pid = int(seen[-1].split()[1])
        seen += self.until(lambda line: line.startswith("begin "))
        assert seen[-1].startswith("begin "), "the worker failed: " + "".join(self.errors)
        time.sleep(rng.uniform(0, self.longest_wait))
        if pid == self.process.pid:  # no fork here: the child itself is the worker
            self.process.kill()
            seen += self.until(lambda _line: False)
            self.process.wait()
            self._start()
        else:
            os.kill(pid, signal.SIGKILL)
            seen += self.until(lambda line: line.startswith(f"exit {pid} "))
        return seen

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            self.process.wait(30)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()


def outcome(lines: list[str]) -> tuple[str | None, str | None, int]:
    """(what the last acknowledged action did, what the one cut short was doing, acks)."""
    acknowledged = cut_short = None
    acks = 0
    for line in lines:
        words = line.split()
        if words[:1] == ["begin"] and len(words) == 3:
            cut_short = words[2]
        elif words[:1] == ["done"]:
            acknowledged, cut_short = cut_short, None
            acks += 1
    return acknowledged, cut_short, acks


def sound(path: Path) -> None:
    """The database after a kill: integrity_check and the audit chain hold."""
    with closing(sqlite3.connect(path)) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    database = Database.open(path)
    try:
        with database.reading() as session:
            check = audit.verify(session)
        assert check.intact, f"audit chain broken at {check.first_broken}"
    finally:
        database.close()


def harness(
    name: str,
    child: Child,
    state: Callable[[], State],
    states: dict[str | None, State],
    extra: Callable[[], None] = lambda: None,
) -> None:
    """Kill ``KILLS`` workers; after each, the state is the acknowledged one or the cut one."""
    rng = random.Random()
    seed = rng.randrange(1 << 30)
    rng.seed(seed)
    kills = acks = lost = 0
    before = repr(state())  # what the database holds before the first worker
    try:
        for _ in range(KILLS):
            lines = child.run_and_kill(rng)
            last, cut, count = outcome(lines)
            kills += 1
            acks += count
            # the last acknowledged action, else what the database held before this worker;
            # the action cut short may have committed just before the kill
            allowed = {repr(states[last]) if last is not None else before}
            if cut is not None:
                allowed.add(repr(states[cut]))
            now = repr(state())
            if now not in allowed:
                lost += 1
            assert now in allowed, f"seed {seed}: {now} not in {allowed} after {lines}"
            before = now
            extra()
    finally:
        child.close()
    record(f"kill during {name}", kills=kills, acknowledged=acks, lost=lost, seed=seed)


@pytest.fixture
def closed(stack: Stack) -> Iterator[Stack]:
    """The test's database, closed: only the children touch it until the checks."""
    stack.close()
    yield stack


def _sheet_rows(value: int, note: str) -> list[list[str]]:
    return [["J1", "PKM-01", code, str(value), note] for code in CRITERIA[:7]]  # stays a draft


def test_kill_during_import(closed: Stack, tmp_path: Path) -> None:
    files = []
    for name, value in (("a.csv", 3), ("b.csv", 4)):
        path = tmp_path / name
        write_table(path, ["judge", "team", "criterion", "score", "note"], _sheet_rows(value, name))
        files.append(path)

    def state() -> State:
        sound(closed.path)
        with closing(sqlite3.connect(closed.path)) as raw:
            return sorted(raw.execute("SELECT value, note FROM score").fetchall())

    states: dict[str | None, State] = {
        None: [],
        "a.csv": [("3", "a.csv")] * 7,
        "b.csv": [("4", "b.csv")] * 7,
    }
    harness("import", Child("import", closed.path, files), state, states)


def _locked_and_sealed(path: Path) -> tuple[bool, bool]:
    """Whether the results are locked, and whether the current version has its seal."""
    with closing(sqlite3.connect(path)) as raw:
        locked, version = raw.execute(
            "SELECT results_locked, results_version FROM convention"
        ).fetchone()
        seals = raw.execute(
            "SELECT count(*) FROM results_seal WHERE version = ?", (version,)
        ).fetchone()[0]
    return bool(locked), bool(seals)


def test_kill_during_lock(closed: Stack) -> None:
    unsealed: list[int] = []

    def state() -> State:
        sound(closed.path)
        locked, sealed = _locked_and_sealed(closed.path)
        if locked and not sealed:
            unsealed.append(1)
        return "locked" if locked else "unlocked"

    states: dict[str | None, State] = {None: "unlocked", "lock": "locked", "unlock": "unlocked"}
    harness("lock", Child("lock", closed.path, []), state, states)
    record("kill during lock: locked without a seal", cases=len(unsealed))
    assert not unsealed


def test_kill_during_the_first_lock(closed: Stack, tmp_path: Path) -> None:
    """A lock records the lock, its seal and its events together: never a lock without them."""
    child = Child("lock", closed.path, [])
    child.longest_wait = 0.3
    rng = random.Random()
    seed = rng.randrange(1 << 30)
    rng.seed(seed)
    kills = locked = without_key = 0
    try:
        for round_ in range(KILLS):
            fresh = tmp_path / f"konvensi-{round_}.sqlite3"
            copy_database(closed.path, fresh)
            child.run_and_kill(rng, fresh)
            kills += 1
            sound(fresh)
            is_locked, sealed = _locked_and_sealed(fresh)
            locked += is_locked
            without_key += is_locked and not sealed
    finally:
        child.close()
    record(
        "kill during the first lock",
        kills=kills,
        locked=locked,
        locked_without_seal=without_key,
        seed=seed,
    )
    assert without_key == 0


CRASH_IN_THE_LOCK = """
import os, sys
from juryapp.bootstrap import bootstrap
from juryapp.services import locking
from tests.services.conftest import KEY_PASSPHRASE, SECRETARIAT_PASSPHRASE

def crash(*_args, **_kwargs):
    os._exit(9)  # the power goes out with the lock written but its seal not yet

locking.write_seal = crash
services = bootstrap(sys.argv[1])
actor = services.accounts.sign_in("sek1", SECRETARIAT_PASSPHRASE)
services.locking.lock(actor, "uji", KEY_PASSPHRASE)
"""


def test_a_crash_inside_the_lock_leaves_nothing_locked(closed: Stack) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CRASH_IN_THE_LOCK, str(closed.path)],
        check=False,
        cwd=Path(__file__).parents[2],
    )
    assert done.returncode == 9
    sound(closed.path)
    assert _locked_and_sealed(closed.path) == (False, False)


def test_kill_during_backup(closed: Stack, tmp_path: Path) -> None:
    target = tmp_path / "Flashdisk" / "cadangan.sqlite3"
    target.parent.mkdir()
    halves: list[int] = []

    def state() -> State:
        sound(closed.path)
        if target.exists():  # whole, or not there at all
            assert verify_backup(target).ok
        halves.append(len(list(target.parent.glob(".*.part"))))
        return "sound"

    states: dict[str | None, State] = {None: "sound", "cadangan.sqlite3": "sound"}
    harness("backup", Child("backup", closed.path, [target]), state, states)
    database = Database.open(closed.path)
    try:
        sek1 = AccountService(database).sign_in("sek1", SECRETARIAT_PASSPHRASE)
        BackupService(database).back_up_to(sek1, target)
        BackupService(database).back_up_now("auto")
    finally:
        database.close()
    left = len(list(target.parent.glob(".*.part"))) + len(
        list(closed.path.with_name(f"{closed.path.stem}-backups").glob(".*.part"))
    )
    record("kill during backup: half-written copies", after_kills=sum(halves), after_next=left)
    assert left == 0  # the next backup clears what a kill left


def test_kill_during_restore(closed: Stack, tmp_path: Path) -> None:
    database = Database.open(closed.path)
    backups = BackupService(database)
    scoring = ScoringService(database)
    console = AccountService(database).sign_in("sek1", SECRETARIAT_PASSPHRASE)
    made = []
    for name, judge, team in (("a.sqlite3", "J2", "PKM-06"), ("b.sqlite3", "J3", "PKM-01")):
        scoring.abstain(console, judge, team, "sakit")
        backups.back_up_to(console, tmp_path / name)
        scoring.abstain(console, judge, team, "")
        made.append(tmp_path / name)
    database.close()

    def state() -> State:
        sound(closed.path)
        with closing(sqlite3.connect(closed.path)) as raw:
            return raw.execute("SELECT judge_id, team_id FROM sheet WHERE abstained").fetchall()

    with closing(sqlite3.connect(made[0])) as a, closing(sqlite3.connect(made[1])) as b:
        query = "SELECT judge_id, team_id FROM sheet WHERE abstained"
        states: dict[str | None, State] = {
            None: [],
            "a.sqlite3": a.execute(query).fetchall(),
            "b.sqlite3": b.execute(query).fetchall(),
        }
    harness("restore", Child("restore", closed.path, made), state, states)
