"""The hub on PostgreSQL: the same migrations reach the model, and writers take turns."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.engine import URL

from juryapp.persistence import migrate
from juryapp.persistence.database import Database
from juryapp.persistence.engine import resolve_url
from juryapp.persistence.tables import Base
from tests.persistence.concurrency import two_increments
from tests.postgres import SKIP_REASON, drop_database, fresh_database, server_url


@pytest.fixture
def server(request: pytest.FixtureRequest) -> URL:
    url = server_url(request.config)
    if url is None:
        pytest.skip(SKIP_REASON)
    return url


@pytest.fixture
def empty(server: URL) -> Iterator[str]:
    """A new, empty database on the server, dropped afterwards."""
    url = fresh_database(server)
    yield url.render_as_string(hide_password=False)
    drop_database(server, url)


def test_a_plain_postgresql_url_uses_psycopg_3() -> None:
    assert resolve_url("postgresql://juri@127.0.0.1/konvensi").drivername == "postgresql+psycopg"


def test_the_migrations_give_the_model_and_go_down_and_up_again(empty: str) -> None:
    db = Database.open(empty)
    try:
        assert migrate.current_revision(db.engine) == migrate.HEAD
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
        config = migrate.alembic_config()
        with db.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        migrate.upgrade(db.engine)
        assert set(inspect(db.engine).get_table_names()) == set(Base.metadata.tables) | {
            "alembic_version"
        }
    finally:
        db.close()


def test_two_read_modify_write_transactions_lose_no_update(empty: str) -> None:
    """Writers take one advisory lock first, as BEGIN IMMEDIATE makes them do on SQLite."""
    errors, n = two_increments(empty)
    assert errors == []
    assert n == 2


def test_readers_do_not_wait_for_a_writer(empty: str) -> None:
    writer, reader = Database.open(empty), Database.open(empty)
    try:
        held, release = threading.Event(), threading.Event()
        released: list[bool] = []

        def hold() -> None:
            with writer.writing() as session:
                session.execute(text("SELECT 1"))
                held.set()
                released.append(release.wait(30))

        thread = threading.Thread(target=hold)
        thread.start()
        assert held.wait(30)
        assert not reader.has_convention()
        release.set()
        thread.join()
        assert released == [True]  # read while the writer still held its transaction open
    finally:
        writer.close()
        reader.close()
