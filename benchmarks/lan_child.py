"""One judge's laptop for the LAN benchmark: made from the package, then typing and pushing.

Usage: python -m benchmarks.lan_child PACKAGE DATABASE JUDGE SCORES SEED. Prints ``key
FINGERPRINT PUBLIC_KEY_HEX`` once its key is made, waits for a ``go`` line on stdin, then
types SCORES scores at a judge's pace, pushing after each as the app does, and prints
``latencies`` with the seconds from each score's commit to the hub's receipt, as JSON.
"""

from __future__ import annotations

import json
import random
import sys
import time
from decimal import Decimal
from pathlib import Path

from argon2 import PasswordHasher

from juryapp.bootstrap import bootstrap
from juryapp.lan.client import PushError, push_once
from juryapp.reports.key_vault import KdfCost

PIN = "246810"
PACE = (0.5, 2.0)  # seconds between two scores of one judge


def main() -> None:
    package, database, judge = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    count, seed = int(sys.argv[4]), int(sys.argv[5])
    services = bootstrap(
        database,
        hasher=PasswordHasher(time_cost=1, memory_cost=8, parallelism=1),
        kdf_cost=KdfCost(time_cost=1, memory_kib=8, parallelism=1),
    )
    services.laptop.import_package(package.read_bytes(), str(package))
    actor = services.accounts.sign_in(judge.lower(), PIN)
    key = services.judge_keys.after_sign_in(actor, PIN)
    assert key is not None
    print("key", key.fingerprint, key.public_key.hex(), flush=True)
    sys.stdin.readline()  # "go": every laptop starts at once
    address, pin = services.laptop.hub()
    teams = [t.code for t in services.setup.spec().teams]
    criteria = [c.code for c in services.setup.spec().criteria]
    rng = random.Random(seed)
    received, latencies = 0, []
    for _ in range(count):
        time.sleep(rng.uniform(*PACE))
        team, criterion = rng.choice(teams), rng.choice(criteria)
        services.scoring.set_score(actor, judge, team, criterion, Decimal(rng.randint(1, 5)))
        typed = time.perf_counter()
        while True:  # as the app's pusher: again until the hub answers
            try:
                received = push_once(services, actor, judge, address, pin, received)
                break
            except PushError:
                time.sleep(0.2)
        latencies.append(time.perf_counter() - typed)
    print("latencies", json.dumps(latencies), flush=True)
    services.close()


if __name__ == "__main__":
    main()
