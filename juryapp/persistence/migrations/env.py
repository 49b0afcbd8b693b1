"""Alembic environment: runs on the connection handed over by ``juryapp.persistence.migrate``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from juryapp.persistence.tables import Base

config = context.config
connection = config.attributes.get("connection")


def _run(conn: object) -> None:
    context.configure(
        connection=conn,  # type: ignore[arg-type]
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite can only alter tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    _run(connection)
else:  # the alembic command line, used to write new migrations
    url = config.get_main_option("sqlalchemy.url") or "sqlite:///migrations-scratch.sqlite3"
    with create_engine(url).begin() as conn:
        _run(conn)
