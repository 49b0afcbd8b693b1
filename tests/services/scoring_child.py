"""Crash-test child: starts score-saving processes on request, which the test then kills.

Usage: scoring_child.py DATABASE PLAN_JSON. PLAN_JSON maps each judge code to
``{"user_id": int, "teams": [team codes the judge may score]}``.

The script loads the application once, then for every ``run SEED`` line on stdin forks a
fresh saver process (so a restart costs milliseconds, not an interpreter start-up), prints
``pid N`` and waits for it; when the saver dies it prints ``exit N CODE``. A saver opens the
database itself and saves random scores through the service layer for ever: before each
save it prints ``try J T K V``, after ``set_score`` returns (the transaction committed)
``ack J T K V``. Every line is flushed at once.
"""

from __future__ import annotations

import json
import os
import random
import sys
import traceback
from decimal import Decimal
from pathlib import Path
from typing import Any

from juryapp.domain.access import Actor
from juryapp.domain.kinds import Role
from juryapp.persistence.database import Database
from juryapp.services.scoring import ScoringService

CRITERIA = ("K1", "K2", "K3", "K4", "K5", "K6", "K7", "K8")


def say(*words: object) -> None:
    os.write(sys.stdout.fileno(), (" ".join(map(str, words)) + "\n").encode())


def save_forever(path: Path, seed: int, plan: dict[str, Any]) -> None:
    rng = random.Random(seed)
    scoring = ScoringService(Database.open(path))
    actors = {
        code: Actor(username=code.lower(), role=Role.JUDGE, user_id=p["user_id"], judge_code=code)
        for code, p in plan.items()
    }
    judges = sorted(plan)
    say("ready")
    while True:
        judge = rng.choice(judges)
        team = rng.choice(plan[judge]["teams"])
        criterion = rng.choice(CRITERIA)
        value = rng.randint(1, 5)
        say("try", judge, team, criterion, value)
        scoring.set_score(actors[judge], judge, team, criterion, Decimal(value))
        say("ack", judge, team, criterion, value)


def main() -> None:
    path, plan = Path(sys.argv[1]), json.loads(sys.argv[2])
    say("loaded")
    for line in sys.stdin:
        command, _, argument = line.partition(" ")
        if command != "run":
            continue
        pid = os.fork()
        if pid == 0:  # the saver
            try:
                save_forever(path, int(argument), plan)
            except BaseException:
                traceback.print_exc()
                sys.stderr.flush()
            os._exit(1)
        say("pid", pid)
        _, status = os.waitpid(pid, 0)
        say("exit", pid, os.waitstatus_to_exitcode(status))


if __name__ == "__main__":
    main()
