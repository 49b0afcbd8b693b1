"""Kill-test child: repeats an import, a lock, a backup or a restore until it is killed.

Usage: action_child.py ACTION DATABASE [FILE...]. The script loads the application once and,
for every ``run [DATABASE]`` line on stdin (another database for that run), starts a worker
(a fork where the system has one, else it serves that one run itself and ends) that prints
``pid N``, then repeats the action for ever:
``begin K WHAT`` before each, ``done K WHAT`` once the action returned. Every line is written
whole and at once. ACTION is one of:

- ``import A B``: imports the score files A and B in turn (each changes the same sheets);
- ``lock``: locks the results (a key the first time, and a backup), then unlocks them;
- ``backup TARGET``: writes a backup to TARGET and one into the automatic folder;
- ``restore A B``: restores the backups A and B in turn.
"""

from __future__ import annotations

import itertools
import os
import sys
import traceback
from pathlib import Path

from juryapp.bootstrap import bootstrap
from tests.services.conftest import KEY_PASSPHRASE, SECRETARIAT_PASSPHRASE


def say(*words: object) -> None:
    os.write(sys.stdout.fileno(), (" ".join(map(str, words)) + "\n").encode())


def repeat(action: str, database: Path, files: list[Path]) -> None:
    services = bootstrap(database)
    actor = services.accounts.sign_in("sek1", SECRETARIAT_PASSPHRASE)
    for count in itertools.count(1):
        if action == "import":
            chosen = files[count % 2]
            say("begin", count, chosen.name)
            services.imports.import_scores(actor, chosen)
        elif action == "lock":
            locked = services.results.lock_state().locked
            say("begin", count, "unlock" if locked else "lock")
            if locked:
                services.locking.unlock(actor, "uji kill")
            else:
                services.locking.lock(actor, "uji kill", KEY_PASSPHRASE)
        elif action == "backup":
            say("begin", count, files[0].name)
            services.backups.back_up_to(actor, files[0])
            services.backups.back_up_now("auto")
        elif action == "restore":
            chosen = files[count % 2]
            say("begin", count, chosen.name)
            services.backups.restore(actor, chosen)
        else:
            raise SystemExit(f"unknown action {action}")
        say("done", count, "ok")


def serve(action: str, database: Path, files: list[Path]) -> None:
    try:
        repeat(action, database, files)
    except BaseException:
        traceback.print_exc()
        sys.stderr.flush()
    os._exit(1)


def warm_up() -> None:
    """Load once, before the workers are forked, what each would otherwise load itself
    (the signing libraries, the schema a backup is checked against)."""
    from juryapp.persistence import migrate  # noqa: PLC0415
    from juryapp.reports import signing  # noqa: PLC0415, F401
    from juryapp.services import backups, imports, publishing  # noqa: PLC0415, F401

    migrate.schema_at(migrate.HEAD)


def main() -> None:
    action, database, files = sys.argv[1], Path(sys.argv[2]), [Path(f) for f in sys.argv[3:]]
    warm_up()
    say("loaded")
    for line in sys.stdin:
        command, _, other = line.strip().partition(" ")
        if command != "run":
            continue
        target = Path(other) if other else database
        if not hasattr(os, "fork"):  # this process is the worker of its only run
            say("pid", os.getpid())
            serve(action, target, files)
        pid = os.fork()
        if pid == 0:
            serve(action, target, files)
        say("pid", pid)
        _, status = os.waitpid(pid, 0)
        say("exit", pid, os.waitstatus_to_exitcode(status))


if __name__ == "__main__":
    main()
