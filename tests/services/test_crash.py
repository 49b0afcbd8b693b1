"""Kill during scoring: SIGKILL a process saving scores; no acknowledged score may be lost."""

from __future__ import annotations

import json
import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import select

from juryapp.domain.access import Actor
from juryapp.persistence.database import Database
from juryapp.persistence.tables import CriterionRow, JudgeRow, ScoreRow, SheetRow, TeamRow
from juryapp.services import audit
from tests.figures import record
from tests.services.conftest import Stack

# Killing the process that writes the SQLite file; PostgreSQL's durability is the server's.
pytestmark = pytest.mark.sqlite_only

CHILD = Path(__file__).with_name("scoring_child.py")
KILLS = int(os.environ.get("JURYAPP_CRASH_KILLS", "30"))  # RELIABILITY.md asks for ≥ 200
LONGEST_RUN_S = 0.4  # each saver is killed at a random moment up to this after its first save

Key = tuple[str, str, str]  # judge, team, criterion


@dataclass
class Ledger:
    """What the children acknowledged, and what they were saving when they were killed."""

    acknowledged: dict[Key, int] = field(default_factory=dict)
    in_doubt: dict[Key, set[int]] = field(default_factory=dict)
    acks: int = 0
    tries: int = 0

    def read(self, lines: list[str]) -> None:
        pending: tuple[Key, int] | None = None
        for line in lines:
            parts = line.split()
            if len(parts) != 5 or parts[0] not in ("try", "ack") or not parts[4].isdigit():
                continue  # a line cut short by the kill
            key, value = (parts[1], parts[2], parts[3]), int(parts[4])
            if parts[0] == "try":
                pending = (key, value)
                self.tries += 1
            else:
                assert pending == (key, value), "an ack without its try"
                self.acknowledged[key] = value
                self.in_doubt.pop(key, None)
                self.acks += 1
                pending = None
        if pending is not None:  # killed during set_score: it may or may not have committed
            self.in_doubt.setdefault(pending[0], set()).add(pending[1])


class Child:
    """The child script: loaded once, it forks a fresh saver process for every run."""

    def __init__(self, db_path: Path, plan: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(CHILD), str(db_path), plan],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.errors: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()
        threading.Thread(target=self._collect_errors, daemon=True).start()
        self.until(lambda line: line == "loaded")

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.strip())
        self.lines.put(None)

    def _collect_errors(self) -> None:
        assert self.process.stderr is not None
        self.errors.extend(self.process.stderr)

    def until(self, done: Callable[[str], bool]) -> list[str]:
        seen: list[str] = []
        while True:
            try:
                line = self.lines.get(timeout=120)
            except queue.Empty:
                raise AssertionError(f"no word from the child for 120 s after {seen}") from None
            if line is None:
                raise AssertionError("the child script ended: " + "".join(self.errors))
            seen.append(line)
            if done(line):
                return seen

    def run_and_kill(self, seed: int, delay: float) -> list[str]:
        """Start a saver, SIGKILL it ``delay`` seconds after its first save; its output."""
        assert self.process.stdin is not None
        self.process.stdin.write(f"run {seed}\n")
        self.process.stdin.flush()
        seen = self.until(lambda line: line.startswith("pid "))
        pid = int(seen[-1].split()[1])
        if not any(line.startswith("ack ") for line in seen):  # saving is under way
            seen += self.until(lambda line: line.startswith(("ack ", "exit ")))
        assert seen[-1].startswith("ack "), "the saver failed: " + "".join(self.errors)
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
        seen += self.until(lambda line: line.startswith(f"exit {pid} "))
        code = int(seen[-1].split()[2])
        assert code == -signal.SIGKILL, f"the saver ended with {code}: " + "".join(self.errors)
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


def _stored_scores(db_path: Path) -> dict[Key, int | None]:
    database = Database.open(db_path)
    try:
        with database.reading() as session:
            rows = session.execute(
                select(JudgeRow.code, TeamRow.code, CriterionRow.code, ScoreRow.value)
                .join(SheetRow, SheetRow.id == ScoreRow.sheet_id)
                .join(JudgeRow, JudgeRow.id == SheetRow.judge_id)
                .join(TeamRow, TeamRow.id == SheetRow.team_id)
                .join(CriterionRow, CriterionRow.id == ScoreRow.criterion_id)
            ).all()
            check = audit.verify(session)
        assert check.intact, f"audit chain broken at event {check.first_broken}"
    finally:
        database.close()
    return {(j, t, c): None if v is None else int(v) for j, t, c, v in rows}


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="the saver is forked to restart quickly")
def test_no_acknowledged_score_is_lost_when_killed(
    stack: Stack, judges: dict[str, Actor], capsys: pytest.CaptureFixture[str]
) -> None:
    plan = json.dumps(
        {
            code: {
                "user_id": actor.user_id,
                "teams": [e.team_code for e in stack.scoring.queue(actor) if not e.conflict],
            }
            for code, actor in judges.items()
        }
    )
    stack.close()  # only the children touch the file until the end
    rng = random.Random()
    seed = rng.randrange(1 << 30)
    ledger = Ledger()
    started = time.monotonic()
    child = Child(stack.path, plan)
    try:
        for run in range(KILLS):
            ledger.read(child.run_and_kill(seed + run, rng.uniform(0, LONGEST_RUN_S)))
    finally:
        child.close()

    stored = _stored_scores(stack.path)
    lost = {
        key: (value, stored.get(key))
        for key, value in ledger.acknowledged.items()
        if stored.get(key) != value and stored.get(key) not in ledger.in_doubt.get(key, set())
    }
    phantom = {
        key: value
        for key, value in stored.items()
        if value != ledger.acknowledged.get(key) and value not in ledger.in_doubt.get(key, set())
    }
    with closing(sqlite3.connect(stack.path)) as raw:
        integrity = raw.execute("PRAGMA integrity_check").fetchone()[0]
        events = raw.execute(
            "SELECT count(*) FROM audit_event WHERE action = 'score.set'"
        ).fetchone()[0]

    record(
        "kill during scoring",
        kills=KILLS,
        acknowledged=ledger.acks,
        distinct_scores=len(ledger.acknowledged),
        in_doubt=len(ledger.in_doubt),
        lost=len(lost),
        phantom=len(phantom),
        integrity_check=integrity,
        seed=seed,
    )
    with capsys.disabled():
        print(
            f"\n[kill during scoring] kills={KILLS} acknowledged saves={ledger.acks} "
            f"distinct scores={len(ledger.acknowledged)} in doubt={len(ledger.in_doubt)} "
            f"lost={len(lost)} integrity_check={integrity} "
            f"seconds={time.monotonic() - started:.1f} seed={seed}"
        )
    assert ledger.acks >= KILLS  # every saver was killed while saving
    assert lost == {}, f"acknowledged scores lost (seed {seed}): {lost}"
    assert phantom == {}, f"values nobody saved (seed {seed}): {phantom}"
    assert integrity == "ok"
    assert ledger.acks <= events <= ledger.tries  # one committed audit event per saved score
