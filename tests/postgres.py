"""A PostgreSQL server for the tests: a fresh database per test, copied from a template.

The server is named by ``--postgresql URL`` or ``JURYAPP_TEST_POSTGRESQL`` (a URL to any
database on it, e.g. ``postgresql://juryapp@127.0.0.1:55432/postgres``); ``.ci/run`` starts
one with ``tools/test-postgres.sh``. Without it the PostgreSQL half of a test is skipped.
"""

from __future__ import annotations

import hashlib
import itertools
import os
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, func, inspect, select, text
from sqlalchemy.engine import URL

from juryapp.persistence.database import Database
from juryapp.persistence.engine import resolve_url
from juryapp.persistence.tables import Base

VARIABLE = "JURYAPP_TEST_POSTGRESQL"
SKIP_REASON = (
    "PostgreSQL half skipped: no server named (give --postgresql URL or set "
    f"{VARIABLE}; tools/run-tests.sh starts one)"
)
_counter = itertools.count()
_templates: dict[str, str] = {}


def server_url(config: pytest.Config) -> URL | None:
    given = config.getoption("--postgresql", default=None) or os.environ.get(VARIABLE)
    return resolve_url(given) if given else None


def _admin(server: URL) -> Engine:
    return create_engine(server, isolation_level="AUTOCOMMIT")


def _name(prefix: str) -> str:
    return f"{prefix}_{os.getpid()}_{next(_counter)}"


def fresh_database(server: URL, template: str | None = None) -> URL:
    """A new, empty (or template-copied) database on the server."""
    name = _name("juryapp_t")
    admin = _admin(server)
    try:
        with admin.connect() as connection:
            clause = f' TEMPLATE "{template}"' if template else ""
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"{clause}')
    finally:
        admin.dispose()
    return server.set(database=name)


def drop_database(server: URL, database: URL) -> None:
    admin = _admin(server)
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(
                f'DROP DATABASE IF EXISTS "{database.database}" WITH (FORCE)'
            )
    finally:
        admin.dispose()


def copy_of_sqlite(server: URL, sqlite_file: Path) -> URL:
    """A fresh database holding exactly what a SQLite template file holds (cached by file)."""
    key = hashlib.sha256(sqlite_file.read_bytes()).hexdigest()[:16]
    template = _templates.get(key)
    if template is None:
        url = fresh_database(server)
        target = Database.open(url.render_as_string(hide_password=False))  # by the migrations
        source = Database.open(sqlite_file)
        try:
            _copy_rows(source, target)
        finally:
            source.close()
            target.close()
        template = _templates[key] = str(url.database)
    return fresh_database(server, template)


def _copy_rows(source: Database, target: Database) -> None:
    with source.engine.connect() as reading, target.engine.begin() as writing:
        for table in Base.metadata.sorted_tables:
            rows = [dict(r._mapping) for r in reading.execute(select(table))]
            if rows:
                writing.execute(table.insert(), rows)
        for table in Base.metadata.sorted_tables:
            for column in table.primary_key.columns:
                sequence = writing.execute(
                    text("SELECT pg_get_serial_sequence(:t, :c)"),
                    {"t": table.name, "c": column.name},
                ).scalar()
                if sequence:
                    highest = writing.execute(select(func.max(column))).scalar() or 0
                    writing.execute(
                        text("SELECT setval(:s, :n, :called)"),
                        {"s": sequence, "n": max(highest, 1), "called": highest > 0},
                    )
        assert set(inspect(writing).get_table_names()) >= {
            t.name for t in Base.metadata.tables.values()
        }
