"""Bring a database to the current schema with Alembic whenever it is opened."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from juryapp.persistence.engine import WRITE_OPTION

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Apply every pending migration; a database already at head is left untouched."""
    config = alembic_config()
    head = ScriptDirectory.from_config(config).get_current_head()
    if current_revision(engine) == head:
        return
    # BEGIN IMMEDIATE (on SQLite): a second process opening the file at the same moment waits
    # for this one instead of failing with "database is locked", then finds nothing to do.
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as connection:
        if MigrationContext.configure(connection).get_current_revision() == head:
            return
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
