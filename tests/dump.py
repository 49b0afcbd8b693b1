"""A logical dump of a database, to compare what it holds before and after an attempt."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path


def logical_dump(path: Path) -> list[str]:
    """Every table's rows as SQL text, in a stable order (the file's bytes may differ).

    An ordinary connection, not a read-only one: closing the last connection to a database
    in WAL mode removes its -wal and -shm files, which a read-only one would leave behind.
    """
    with closing(sqlite3.connect(path)) as connection:
        return [line for line in connection.iterdump() if not line.startswith("BEGIN")]
