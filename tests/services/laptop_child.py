"""A judge's laptop in its own process: made from a package, scored by a plan, bundles out.

Usage: laptop_child.py PACKAGE DATABASE JUDGE PLAN_JSON OUT_FOLDER. The plan is a list of
``["score", team, criterion, value or null]``, ``["note", team, text]``, ``["submit", team]``
and ``["export", name]``; each export writes OUT_FOLDER/NAME.jurylog as ``export-scores``
writes it. Prints ``done N`` with the number of events in the log.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

from juryapp.bootstrap import bootstrap
from juryapp.interchange.files import write_atomically
from tests.services.conftest import CHEAP_KDF, fast_hasher, pin_of


def main() -> None:
    package, database, judge = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    plan, out = json.loads(sys.argv[4]), Path(sys.argv[5])
    services = bootstrap(database, hasher=fast_hasher(), kdf_cost=CHEAP_KDF)
    try:
        services.laptop.import_package(package.read_bytes(), str(package))
        actor = services.accounts.sign_in(judge.lower(), pin_of(judge))
        services.judge_keys.after_sign_in(actor, pin_of(judge))
        events = 0
        for step in plan:
            if step[0] == "score":
                value = None if step[3] is None else Decimal(step[3])
                services.scoring.set_score(actor, judge, step[1], step[2], value)
            elif step[0] == "note":
                services.scoring.set_note(actor, judge, step[1], step[2])
            elif step[0] == "submit":
                services.scoring.submit(actor, judge, step[1])
            elif step[0] == "export":
                bundle = services.laptop.export_scores(actor, judge)
                write_atomically(out / f"{step[1]}.jurylog", bundle.data)
                events = bundle.events
        print("done", events, flush=True)
    finally:
        services.close()


if __name__ == "__main__":
    main()
