"""Judges at their laptops, saving scores at a steady pace for the responsiveness benchmark.

python -m benchmarks.judges DATABASE SECONDS SAVES_PER_SECOND OPEN_TEAMS

Each judge is a thread with its own engine on the database file, as each laptop has its own.
It signs in, prints ``ready`` once every judge has, waits for ``go`` on stdin, then saves one
score every 1/SAVES_PER_SECOND seconds into the sheets of the last OPEN_TEAMS teams to present
(left unscored by ``synthetic.make_database``), through the scoring
service. When the time is up it prints one JSON line: every save's commit time (wall clock,
to compare with the screen's), judge, team and how many criteria the sheet then had.
"""

from __future__ import annotations

import json
import random
import sys
import threading
import time
from decimal import Decimal
from typing import Any

from benchmarks.synthetic import judge_pin, still_to_score
from juryapp.bootstrap import bootstrap


def laptop(
    database: str,
    judge: str,
    teams: list[str],
    criteria: list[str],
    pace: float,
    start: threading.Event,
    ready: threading.Barrier,
    stop_at: list[float],
    saves: list[list[Any]],
) -> None:
    services = bootstrap(database)
    try:
        actor = services.accounts.sign_in(judge.lower(), judge_pin(judge))
        rng = random.Random(judge)
        plan = [(team, criterion) for team in teams for criterion in criteria]
        ready.wait()
        start.wait()
        # Judges do not type in step: each starts at its own moment within the first second.
        due = time.perf_counter() + rng.random() * pace
        for team, criterion in plan:
            delay = due - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            if time.time() >= stop_at[0]:
                break
            view = services.scoring.set_score(
                actor, judge, team, criterion, Decimal(rng.randint(1, 5))
            )
            saves.append([time.time(), judge, team, view.filled])
            due += pace
    finally:
        services.close()


def main(argv: list[str]) -> None:
    database, seconds, rate, count = argv[0], float(argv[1]), float(argv[2]), int(argv[3])
    services = bootstrap(database)
    try:
        spec = services.setup.spec()
    finally:
        services.close()
    teams = [t.code for t in still_to_score(spec, count)]
    criteria = [c.code for c in spec.criteria]
    start, stop_at = threading.Event(), [float("inf")]
    ready = threading.Barrier(len(spec.judges) + 1)
    saves: list[list[Any]] = []
    threads = [
        threading.Thread(
            target=laptop,
            args=(database, j.code, teams, criteria, 1 / rate, start, ready, stop_at, saves),
            daemon=True,
        )
        for j in spec.judges
    ]
    for thread in threads:
        thread.start()
    ready.wait()
    print("ready", flush=True)
    sys.stdin.readline()
    stop_at[0] = time.time() + seconds
    start.set()
    for thread in threads:
        thread.join()
    print(json.dumps({"saves": saves, "judges": len(threads), "teams": teams}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
