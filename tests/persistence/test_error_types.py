"""Database errors by their codes: each kind its own type, a bug a bug, a collision retried."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.exc import DBAPIError, IntegrityError

from juryapp.persistence.database import (
    CannotOpenDatabaseError,
    DamagedDatabaseError,
    Database,
    DatabaseBusyError,
    DeviceError,
    DiskFullError,
    Failure,
    ReadOnlyDatabaseError,
    RetryableError,
    database_error,
    retrying,
)
from juryapp.persistence.engine import DatabaseError


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    opened = Database.open(tmp_path / "konvensi.sqlite3")
    yield opened
    opened.close()


def _sqlite_error(code: int) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError("words that are never read")
    error.sqlite_errorcode = code  # as the driver sets it
    return error


class _ServerError(Exception):
    """What psycopg raises: the SQLSTATE code is all that is read."""

    def __init__(self, sqlstate: str) -> None:
        super().__init__("words that are never read")
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        (5, DatabaseBusyError),  # SQLITE_BUSY
        (6, DatabaseBusyError),  # SQLITE_LOCKED
        (13, DiskFullError),  # SQLITE_FULL
        (8, ReadOnlyDatabaseError),  # SQLITE_READONLY
        (8 | (3 << 8), ReadOnlyDatabaseError),  # SQLITE_READONLY_ROLLBACK, an extended code
        (14, CannotOpenDatabaseError),  # SQLITE_CANTOPEN
        (10 | (12 << 8), DeviceError),  # SQLITE_IOERR_WRITE
        (11, DamagedDatabaseError),  # SQLITE_CORRUPT
        (26, DamagedDatabaseError),  # SQLITE_NOTADB
    ],
)
def test_each_sqlite_code_is_an_error_of_its_own_kind(
    database: Database, code: int, kind: type[DatabaseError]
) -> None:
    with pytest.raises(kind) as caught, database.writing():
        raise _sqlite_error(code)
    assert database.location in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("sqlstate", "kind"),
    [
        ("40001", RetryableError),  # serialization_failure
        ("40P01", RetryableError),  # deadlock_detected
        ("55P03", DatabaseBusyError),  # lock_not_available
        ("53100", DiskFullError),  # disk_full
        ("25006", ReadOnlyDatabaseError),  # read_only_sql_transaction
    ],
)
def test_each_postgresql_sqlstate_is_an_error_of_its_own_kind(
    database: Database, sqlstate: str, kind: type[DatabaseError]
) -> None:
    with pytest.raises(kind), database.reading():
        raise DBAPIError("UPDATE score …", {}, _ServerError(sqlstate))


def test_an_error_no_code_explains_stays_a_bug_with_its_traceback(database: Database) -> None:
    with pytest.raises(sqlite3.OperationalError), database.writing():
        raise _sqlite_error(1)  # SQLITE_ERROR: a mistake in our SQL, not a situation


def test_a_constraint_that_fails_is_logged_with_its_traceback(
    database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    failure = IntegrityError("INSERT …", {}, sqlite3.IntegrityError("UNIQUE constraint failed"))
    with caplog.at_level(logging.ERROR), pytest.raises(DatabaseError), database.writing():
        raise failure
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert record.exc_info is not None and record.exc_info[1] is failure


def test_a_transaction_the_server_undid_runs_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("juryapp.persistence.database.time.sleep", lambda _s: None)
    calls: list[int] = []

    def work() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise database_error(Failure.RETRYABLE, "hub")
        return "merged"

    assert retrying(work) == "merged" and len(calls) == 3

    def always() -> str:
        calls.append(1)
        raise database_error(Failure.RETRYABLE, "hub")

    calls.clear()
    with pytest.raises(RetryableError):
        retrying(always, attempts=4)
    assert len(calls) == 4

    def full() -> str:  # any other failure is not tried again
        calls.append(1)
        raise database_error(Failure.FULL, "hub")

    calls.clear()
    with pytest.raises(DiskFullError):
        retrying(full)
    assert len(calls) == 1
