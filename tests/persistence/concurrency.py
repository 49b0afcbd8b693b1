"""Two writers that read, wait and write the same counter: what either backend must survive."""

from __future__ import annotations

import os
import threading
import time

from sqlalchemy import text

from juryapp.persistence.database import Database


def two_increments(target: str | os.PathLike[str]) -> tuple[list[BaseException], int]:
    """Two databases on ``target`` each read a counter, pause, and write it plus one, at the
    same moment; the errors either raised and the counter's final value."""
    databases = [Database.open(target) for _ in range(2)]
    try:
        with databases[0].writing() as session:
            session.execute(text("CREATE TABLE counter (n INTEGER NOT NULL)"))
            session.execute(text("INSERT INTO counter VALUES (0)"))
        barrier = threading.Barrier(2)
        errors: list[BaseException] = []

        def increment(db: Database) -> None:
            try:
                barrier.wait()
                with db.writing() as session:
                    n = session.execute(text("SELECT n FROM counter")).scalar_one()
                    time.sleep(0.2)  # the other writer's turn, if it could take one
                    session.execute(text("UPDATE counter SET n = :n"), {"n": n + 1})
            except BaseException as exc:  # returned to the test
                errors.append(exc)

        threads = [threading.Thread(target=increment, args=(db,)) for db in databases]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        with databases[0].reading() as session:
            return errors, int(session.execute(text("SELECT n FROM counter")).scalar_one())
    finally:
        for db in databases:
            db.close()
