"""Opening a database: URL resolution, SQLite pragmas, BEGIN IMMEDIATE and migrations."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from platformdirs import user_data_path
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import ConnectionPoolEntry

from juryapp.domain.messages import JuryError, Text

WRITE_OPTION = "juryapp_write"
BUSY_TIMEOUT_MS = 10_000
PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    # FULL keeps a committed score across a power cut; NORMAL may roll the last ones back.
    "PRAGMA synchronous=FULL",
    "PRAGMA fullfsync=ON",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)
# A database opened only to read: nothing here may write, not even the journal mode.
READ_ONLY_PRAGMAS = (
    "PRAGMA query_only=ON",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)


class DatabaseError(JuryError):
    """The database cannot be opened or used."""


def default_database_path() -> Path:
    return user_data_path("juryapp", appauthor=False) / "juryapp.sqlite3"


def resolve_url(target: str | os.PathLike[str] | None) -> URL:
    """A SQLAlchemy URL from ``--db``, ``JURYAPP_DB`` or the user's data folder."""
    raw = os.fspath(target) if target is not None else os.environ.get("JURYAPP_DB") or ""
    if "://" in raw:
        url = make_url(raw)
        if url.drivername == "postgresql":  # psycopg 3, whatever SQLAlchemy's default driver
            url = url.set(drivername="postgresql+psycopg")
        return url
    path = Path(raw).expanduser() if raw else default_database_path()
    return URL.create("sqlite+pysqlite", database=str(path.resolve()))


def _create_privately(path: Path) -> None:
    """A new database file readable by its owner only (0600), in a new folder (0700).

    Its sheets, scores and sealed key are nobody else's business on a shared computer; SQLite
    gives the -wal and -shm files the same permissions as the database. Existing files and
    folders are left as they are.
    """
    folder = path.parent
    try:
        if not folder.exists():
            folder.mkdir(mode=0o700, parents=True)
        if not path.exists():
            descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            os.close(descriptor)
    except FileExistsError:
        pass  # another process created it first
    except OSError as exc:
        raise DatabaseError(
            Text(
                "basis data {f} tidak dapat dibuat: {e}",
                "cannot create the database {f}: {e}",
            ).format(f=path, e=exc.strerror)
        ) from exc


def sqlite_file(url: URL) -> Path | None:
    """The file of a SQLite URL, None for another database or one in memory."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database or "")


def _run_pragmas(dbapi_connection: Any, pragmas: tuple[str, ...]) -> None:
    # Take transaction control from the driver so that BEGIN IMMEDIATE can be issued below.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        for pragma in pragmas:
            cursor.execute(pragma)
    finally:
        cursor.close()


def _on_connect(dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
    _run_pragmas(dbapi_connection, PRAGMAS)


def _on_read_only_connect(dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
    _run_pragmas(dbapi_connection, READ_ONLY_PRAGMAS)


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    """A SQLite URI that opens ``path`` for reading only; ``immutable`` also tells SQLite that
    nobody can change the file (true on read-only media), so it needs no lock or -shm file."""
    # as_uri escapes spaces and non-ASCII letters and writes C:\ paths as file:///C:/…
    return path.resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")


def connect_read_only(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    return sqlite3.connect(
        read_only_uri(path, immutable=immutable),
        uri=True,
        timeout=BUSY_TIMEOUT_MS / 1000,
        check_same_thread=False,
    )


def create_read_only_engine(path: Path, *, immutable: bool = False) -> Engine:
    """An engine that only reads the SQLite file at ``path``."""
    engine = create_engine(
        URL.create("sqlite+pysqlite", database=str(path)),
        creator=lambda: connect_read_only(path, immutable=immutable),
    )
    event.listen(engine, "connect", _on_read_only_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _on_begin(connection: Any) -> None:
    # Writers take the lock up front so that two writers wait (busy timeout) instead of failing.
    write = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def create_database_engine(target: str | os.PathLike[str] | None = None) -> Engine:
    """An engine for the given path or URL; the SQLite file's folder is created if needed."""
    url = resolve_url(target)
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        if database and database != ":memory:":
            _create_privately(Path(database))
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _on_connect)
        event.listen(engine, "begin", _on_begin)
        return engine
    engine = create_engine(url, pool_pre_ping=True)
    if url.get_backend_name() == "postgresql":
        event.listen(engine, "begin", _on_begin_postgresql)
    return engine


# Any constant shared by every juryapp process on the server: the key of the advisory lock.
WRITERS_LOCK = 0x6A757279  # "jury"


def _on_begin_postgresql(connection: Any) -> None:
    # What BEGIN IMMEDIATE is on SQLite: writers take one lock first and run one at a time,
    # so a merge, a save and a confirmation at several secretariat desks never interleave
    # (the services read, decide, then write, as they do on SQLite). Readers never wait.
    if connection.get_execution_options().get(WRITE_OPTION, False):
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITERS_LOCK})")


def describe(engine: Engine) -> str:
    """The database location as a person should see it (no password)."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)
