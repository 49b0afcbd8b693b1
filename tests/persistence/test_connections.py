"""SQLite pragmas on every connection, BEGIN IMMEDIATE for writers, and readers beside writers."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, event, text

from juryapp.persistence.database import Database
from juryapp.persistence.engine import BUSY_TIMEOUT_MS, DatabaseError
from tests.persistence.concurrency import two_increments


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = Database.open(tmp_path / "juri.sqlite3")
    yield db
    db.close()


def _pragmas(connection: Connection) -> dict[str, Any]:
    return {
        name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
        for name in ("journal_mode", "synchronous", "fullfsync", "foreign_keys", "busy_timeout")
    }


def _assert_durable(pragmas: dict[str, Any]) -> None:
    assert pragmas["journal_mode"] == "wal"
    assert pragmas["synchronous"] == 2  # FULL: a committed score survives a power cut
    assert pragmas["fullfsync"] == 1  # the same on macOS, where fsync alone is not enough
    assert pragmas["foreign_keys"] == 1
    assert pragmas["busy_timeout"] >= 5000


def test_busy_timeout_setting_is_at_least_five_seconds() -> None:
    assert BUSY_TIMEOUT_MS >= 5000


def test_pragmas_on_first_pooled_and_reconnected_connections(database: Database) -> None:
    engine = database.engine
    with engine.connect() as first:
        _assert_durable(_pragmas(first))
        with engine.connect() as second:  # the pool must open a second connection here
            assert second.connection.dbapi_connection is not first.connection.dbapi_connection
            _assert_durable(_pragmas(second))
    engine.dispose()
    with engine.connect() as again:
        _assert_durable(_pragmas(again))


def test_pragmas_inside_read_and_write_sessions(database: Database) -> None:
    with database.reading() as session:
        _assert_durable(_pragmas(session.connection()))
    with database.writing() as session:
        _assert_durable(_pragmas(session.connection()))


def test_pragmas_after_reopening_the_file(tmp_path: Path) -> None:
    path = tmp_path / "juri.sqlite3"
    Database.open(path).close()
    db = Database.open(path)
    try:
        with db.engine.connect() as connection:
            _assert_durable(_pragmas(connection))
    finally:
        db.close()


def _statements(database: Database) -> list[str]:
    seen: list[str] = []

    def capture(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement.strip().upper())

    event.listen(database.engine, "before_cursor_execute", capture)
    return seen


def test_write_session_begins_immediate_and_read_session_deferred(database: Database) -> None:
    seen = _statements(database)
    with database.writing() as session:
        session.execute(text("SELECT 1"))
        raw = session.connection().connection.dbapi_connection
        assert raw is not None
        assert raw.in_transaction
    assert "BEGIN IMMEDIATE" in seen
    seen.clear()
    with database.reading() as session:
        session.execute(text("SELECT 1"))
    assert "BEGIN IMMEDIATE" not in seen
    assert "BEGIN" in seen


def test_second_writer_waits_for_the_first_instead_of_failing(tmp_path: Path) -> None:
    path = tmp_path / "juri.sqlite3"
    first, second = Database.open(path), Database.open(path)
    try:
        with second.writing() as session:
            session.execute(text("CREATE TABLE counter (n INTEGER NOT NULL)"))
            session.execute(text("INSERT INTO counter VALUES (0)"))
        held, release = threading.Event(), threading.Event()
        order: list[str] = []
        errors: list[BaseException] = []

        def hold() -> None:
            with first.writing() as session:
                session.execute(text("SELECT 1"))  # no write yet: BEGIN IMMEDIATE took the lock
                held.set()
                release.wait(30)
                order.append("first commits")

        def write() -> None:
            try:
                with second.writing() as session:
                    session.execute(text("UPDATE counter SET n = n + 1"))  # BEGIN IMMEDIATE
                    order.append("second writes")
            except BaseException as exc:  # reported below
                errors.append(exc)

        holder = threading.Thread(target=hold)
        holder.start()
        assert held.wait(30)
        writer = threading.Thread(target=write)
        writer.start()
        writer.join(0.5)  # time to reach BEGIN IMMEDIATE; how long it waits is a benchmark
        assert writer.is_alive() and order == [] and errors == []
        release.set()
        holder.join()
        writer.join()
        assert errors == []
        assert order == ["first commits", "second writes"]
        with second.reading() as session:
            assert session.execute(text("SELECT n FROM counter")).scalar() == 1
    finally:
        first.close()
        second.close()


def test_two_read_modify_write_transactions_lose_no_update(tmp_path: Path) -> None:
    """Deferred transactions would deadlock here (one gets SQLITE_BUSY); IMMEDIATE serialises."""
    errors, n = two_increments(tmp_path / "juri.sqlite3")
    assert errors == []
    assert n == 2


def test_open_reader_does_not_block_a_writer_and_keeps_its_snapshot(tmp_path: Path) -> None:
    path = tmp_path / "juri.sqlite3"
    reader_db, writer_db = Database.open(path), Database.open(path)
    try:
        with writer_db.writing() as session:
            session.execute(text("CREATE TABLE counter (n INTEGER NOT NULL)"))
            session.execute(text("INSERT INTO counter VALUES (0)"))
        with reader_db.reading() as reader:
            assert reader.execute(text("SELECT n FROM counter")).scalar() == 0
            with writer_db.writing() as session:
                session.execute(text("UPDATE counter SET n = 7"))
            assert reader.execute(text("SELECT n FROM counter")).scalar() == 0  # its snapshot
        with reader_db.reading() as reader:
            assert reader.execute(text("SELECT n FROM counter")).scalar() == 7
    finally:
        reader_db.close()
        writer_db.close()


def test_open_writer_does_not_block_a_reader(tmp_path: Path) -> None:
    path = tmp_path / "juri.sqlite3"
    reader_db, writer_db = Database.open(path), Database.open(path)
    try:
        with writer_db.writing() as session:
            session.execute(text("CREATE TABLE counter (n INTEGER NOT NULL)"))
            session.execute(text("INSERT INTO counter VALUES (0)"))
        with writer_db.writing() as session:
            session.execute(text("UPDATE counter SET n = 5"))
            with reader_db.reading() as reader:
                assert reader.execute(text("SELECT n FROM counter")).scalar() == 0
    finally:
        reader_db.close()
        writer_db.close()


def test_failed_write_rolls_back_everything(database: Database) -> None:
    with database.writing() as session:
        session.execute(text("CREATE TABLE counter (n INTEGER NOT NULL)"))
    with pytest.raises(RuntimeError), database.writing() as session:
        session.execute(text("INSERT INTO counter VALUES (1)"))
        raise RuntimeError("the service refused half-way")
    with database.reading() as session:
        assert session.execute(text("SELECT count(*) FROM counter")).scalar() == 0


def test_constraint_violation_becomes_a_database_error(database: Database) -> None:
    with database.writing() as session:
        session.execute(text("CREATE TABLE counter (n INTEGER NOT NULL)"))
    with pytest.raises(DatabaseError), database.writing() as session:
        session.execute(text("INSERT INTO counter VALUES (NULL)"))


def test_a_file_that_is_not_a_database_is_refused_with_a_database_error(tmp_path: Path) -> None:
    path = tmp_path / "bukan-basis-data.sqlite3"
    path.write_bytes(b"this is a spreadsheet, not a database\n" * 200)
    with pytest.raises(DatabaseError):
        Database.open(path)
