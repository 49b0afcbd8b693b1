"""Bring a database to the current schema with Alembic whenever it is opened."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, inspect, text

from juryapp.persistence.engine import WRITE_OPTION

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

# The newest revision in migrations/versions; tests/persistence/test_migrations.py checks it
# against Alembic's own view. Opening a database already at this revision needs one plain
# query, and Alembic (a fifth of the start-up time) is imported only when there is work to do.
HEAD = "0005"
VERSION_TABLE = "alembic_version"
READ_VERSION = text(f"SELECT version_num FROM {VERSION_TABLE}")  # noqa: S608 - a constant


def alembic_config() -> Config:
    from alembic.config import Config  # noqa: PLC0415

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str | None:
    """The head revision according to Alembic's scripts (slow: reads every migration)."""
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def _stored_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    rows = connection.execute(READ_VERSION).scalars().all()
    return rows[0] if len(rows) == 1 else None  # several heads: let Alembic sort it out


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return _stored_revision(connection)


def upgrade(engine: Engine) -> None:
    """Apply every pending migration; a database already at head is left untouched."""
    if current_revision(engine) == HEAD:
        return
    from alembic import command  # noqa: PLC0415

    config = alembic_config()
    # BEGIN IMMEDIATE (on SQLite): a second process opening the file at the same moment waits
    # for this one instead of failing with "database is locked", then finds nothing to do.
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as connection:
        if _stored_revision(connection) == HEAD:
            return
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def known_revisions() -> frozenset[str]:
    """Every revision this app's migrations know, read from the scripts' ``revision = …``."""
    found = set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        match = re.search(r'^revision\s*=\s*["\']([^"\']+)["\']', script.read_text(), re.M)
        if match is not None:
            found.add(match[1])
    return frozenset(found)


Schema = frozenset[tuple[str, str, str, str]]
_SCHEMA = text("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")


def read_schema(connection: Connection) -> Schema:
    """A SQLite database's tables, indexes, views and triggers, with their SQL."""
    return frozenset(
        (kind, name, table, " ".join((sql or "").split()))
        for kind, name, table, sql in connection.execute(_SCHEMA)
    )


@functools.cache
def schema_at(revision: str) -> Schema:
    """What the migrations build up to ``revision``, on an empty SQLite database."""
    from alembic import command  # noqa: PLC0415

    engine = create_engine("sqlite://")
    try:
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            return read_schema(connection)
    finally:
        engine.dispose()
