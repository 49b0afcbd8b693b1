"""A logical dump of a database, to compare what it holds before and after an attempt."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select, text

from juryapp.persistence.tables import Base

if TYPE_CHECKING:
    from juryapp.bootstrap import Services


def logical_dump(source: Path | Services) -> list[str]:
    """Every table's rows as text, in a stable order (the file's bytes may differ).

    A SQLite file is dumped with an ordinary connection, not a read-only one: closing the
    last connection to a database in WAL mode removes its -wal and -shm files, which a
    read-only one would leave behind. Open services are dumped through their own database,
    which is how a test on PostgreSQL compares.
    """
    if isinstance(source, Path):
        with closing(sqlite3.connect(source)) as connection:
            return [line for line in connection.iterdump() if not line.startswith("BEGIN")]
    lines: list[str] = []
    with source.database.reading() as session:
        for table in Base.metadata.sorted_tables:
            rows = sorted(repr(tuple(r)) for r in session.execute(select(table)))
            lines.extend(f"{table.name} {row}" for row in rows)
        versions = session.execute(text("SELECT version_num FROM alembic_version")).scalars()
        lines.extend(f"alembic_version {v}" for v in versions)
    return lines
