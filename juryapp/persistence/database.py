"""One open database: its engine, migrated schema and read/write sessions."""

from __future__ import annotations

import logging
import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from juryapp.domain.messages import Text, shown
from juryapp.persistence import migrate
from juryapp.persistence.engine import (
    WRITE_OPTION,
    DatabaseError,
    create_database_engine,
    create_read_only_engine,
    describe,
    resolve_url,
    sqlite_file,
)
from juryapp.persistence.tables import Base, ConventionRow

log = logging.getLogger(__name__)
T = TypeVar("T")


class Failure(StrEnum):
    """What kind of trouble a database error is, as far as a person can act on it."""

    BUSY = "busy"
    RETRYABLE = "retryable"  # the server undid the change for another's sake: run it again
    FULL = "full"
    READ_ONLY = "read-only"
    CANNOT_OPEN = "cannot-open"
    DEVICE = "device"
    DAMAGED = "damaged"


# SQLite's primary result codes (the low byte of an extended code): sqlite.org/rescode.html
_SQLITE_CODES = {
    3: Failure.READ_ONLY,  # SQLITE_PERM
    5: Failure.BUSY,  # SQLITE_BUSY
    6: Failure.BUSY,  # SQLITE_LOCKED
    8: Failure.READ_ONLY,  # SQLITE_READONLY (and its READONLY_* extended codes)
    10: Failure.DEVICE,  # SQLITE_IOERR
    11: Failure.DAMAGED,  # SQLITE_CORRUPT
    13: Failure.FULL,  # SQLITE_FULL
    14: Failure.CANNOT_OPEN,  # SQLITE_CANTOPEN
    26: Failure.DAMAGED,  # SQLITE_NOTADB
}
# PostgreSQL's SQLSTATE codes (psycopg's ``sqlstate``) for the same situations
_SQLSTATES = {
    "53100": Failure.FULL,
    "25006": Failure.READ_ONLY,
    "40001": Failure.RETRYABLE,  # serialization_failure
    "40P01": Failure.RETRYABLE,  # deadlock_detected
    "55P03": Failure.BUSY,
}


def classify(exc: BaseException) -> Failure | None:
    """The kind of a driver error by its error code, never its wording; None for anything
    else, which is a bug to be reported with its traceback rather than a message."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        return _SQLITE_CODES.get(code & 0xFF)
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    return _SQLSTATES.get(state) if isinstance(state, str) else None


def failure_text(failure: Failure, location: str) -> Text:
    """One line saying what went wrong with the database at ``location`` and what to do."""
    where = shown(location, 200)
    texts = {
        Failure.BUSY: Text(
            "basis data {w} sedang dipakai proses lain; coba lagi sebentar lagi",
            "the database {w} is busy in another process; try again in a moment",
        ),
        Failure.RETRYABLE: Text(
            "server basis data {w} membatalkan perubahan ini karena bertabrakan dengan "
            "perubahan lain; tidak ada yang disimpan — ulangi",
            "the database server {w} undid this change because it collided with another; "
            "nothing was saved — try again",
        ),
        Failure.FULL: Text(
            "disk tempat basis data {w} penuh; tidak ada yang disimpan — kosongkan ruang disk "
            "lalu ulangi",
            "the disk holding the database {w} is full; nothing was saved — free some disk "
            "space, then try again",
        ),
        Failure.READ_ONLY: Text(
            "basis data {w} tidak dapat ditulisi (media hanya-baca atau tanpa izin); tidak ada "
            "yang disimpan — salin ke folder yang dapat ditulisi",
            "the database {w} cannot be written (a read-only medium or no permission); nothing "
            "was saved — copy it to a folder that can be written",
        ),
        Failure.CANNOT_OPEN: Text(
            "basis data {w} tidak dapat dibuka; periksa bahwa foldernya ada dan dapat ditulisi",
            "the database {w} cannot be opened; check that its folder exists and can be written",
        ),
        Failure.DEVICE: Text(
            "kesalahan perangkat saat memakai basis data {w}; tidak ada yang disimpan — periksa "
            "disk atau flashdisk, lalu buka ulang aplikasi",
            "a device error while using the database {w}; nothing was saved — check the disk "
            "or USB stick, then open the app again",
        ),
        Failure.DAMAGED: Text(
            "basis data {w} rusak atau bukan basis data juryapp; pulihkan cadangan terakhir "
            "(Berkas → Pulihkan…)",
            "the database {w} is damaged or not a juryapp database; restore the last backup "
            "(File → Restore…)",
        ),
    }
    return texts[failure].format(w=where)


class DatabaseBusyError(DatabaseError):
    """Another process holds the database longer than a writer waits."""


class RetryableError(DatabaseError):
    """The server undid a transaction for another's sake; running it again may succeed."""


class DiskFullError(DatabaseError):
    """The disk holding the database is full."""


class ReadOnlyDatabaseError(DatabaseError):
    """The database cannot be written here."""


class CannotOpenDatabaseError(DatabaseError):
    """The database file cannot be opened or made."""


class DeviceError(DatabaseError):
    """The disk or stick failed while the database was read or written."""


class DamagedDatabaseError(DatabaseError):
    """The file is damaged or is no juryapp database."""


_ERRORS: dict[Failure, type[DatabaseError]] = {
    Failure.BUSY: DatabaseBusyError,
    Failure.RETRYABLE: RetryableError,
    Failure.FULL: DiskFullError,
    Failure.READ_ONLY: ReadOnlyDatabaseError,
    Failure.CANNOT_OPEN: CannotOpenDatabaseError,
    Failure.DEVICE: DeviceError,
    Failure.DAMAGED: DamagedDatabaseError,
}


def database_error(failure: Failure, location: str) -> DatabaseError:
    """The error of its own type for a kind of failure, its message naming ``location``."""
    return _ERRORS[failure](failure_text(failure, location))


def retrying(work: Callable[[], T], attempts: int = 4) -> T:
    """``work`` (one whole transaction), run again when the server undid it for another's
    sake (PostgreSQL's serialization failures and deadlocks), after a short random pause."""
    for attempt in range(1, attempts + 1):
        try:
            return work()
        except RetryableError:
            if attempt == attempts:
                raise
            log.info("transaction undone by the server; attempt %d of %d", attempt + 1, attempts)
            time.sleep(random.uniform(0.02, 0.1) * attempt)  # noqa: S311 - a pause, not a secret
    raise AssertionError("unreachable")


class Database:
    """Sessions for one user action each: ``reading()`` or ``writing()`` (BEGIN IMMEDIATE).

    A database that cannot be written (on read-only media, without permission) opens
    read-only: results, draft documents and verification work, and ``writing()`` says why
    nothing can be saved (``read_only`` holds the reason).
    """

    def __init__(self, engine: Engine, *, read_only: Text | None = None) -> None:
        self.engine = engine
        self.read_only = read_only
        self.location = describe(engine)
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(
            engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )

    @property
    def path(self) -> Path | None:
        """The SQLite file, None for a server database."""
        return sqlite_file(self.engine.url)

    @classmethod
    def open(
        cls, target: str | os.PathLike[str] | None = None, *, read_only: bool = False
    ) -> Database:
        """Open (creating if needed) and migrate the database at a path or URL.

        A SQLite file that cannot be written is opened read-only instead, and so is any with
        ``read_only`` (another app has it open for writing).
        """
        url = resolve_url(target)
        path = sqlite_file(url)
        if read_only and path is not None:
            return cls._open_read_only(
                path, Text("dibuka hanya-baca atas permintaan", "opened read-only on request")
            )
        engine = create_database_engine(target)
        try:
            migrate.upgrade(engine)
        except UnicodeDecodeError as exc:  # SQLite's complaint about a damaged schema
            engine.dispose()
            raise database_error(Failure.DAMAGED, describe(engine)) from exc
        except DBAPIError as exc:  # also "file is not a database", which is not operational
            engine.dispose()
            failure = classify(exc)
            if failure in (Failure.READ_ONLY, Failure.CANNOT_OPEN) and path and path.is_file():
                return cls._open_read_only(path, _CANNOT_WRITE.format(w=shown(path, 200)))
            if failure is not None:
                raise database_error(failure, describe(engine)) from exc
            text = Text(
                "basis data {w} tidak dapat dibuka: {e}",
                "the database {w} cannot be opened: {e}",
            ).format(w=describe(engine), e=shown(exc.orig, 200))
            raise DatabaseError(text) from exc
        return cls(engine)

    @classmethod
    def _open_read_only(cls, path: Path, reason: Text) -> Database:
        where = shown(path, 200)
        if not path.is_file():
            raise database_error(Failure.CANNOT_OPEN, str(path))
        engine = create_read_only_engine(path)
        try:
            revision = migrate.current_revision(engine)
        except DBAPIError as exc:
            engine.dispose()
            if classify(exc) is not Failure.CANNOT_OPEN:
                raise database_error(Failure.DAMAGED, str(path)) from exc
            # No -shm file can be made beside it (read-only media): read the file as it is,
            # which is only right if no write is waiting in a -wal file.
            wal = path.with_name(path.name + "-wal")
            if wal.is_file() and wal.stat().st_size > 0:
                raise DatabaseError(
                    Text(
                        "basis data {w} tidak ditutup dengan baik dan medianya hanya-baca; "
                        "salin foldernya (dengan berkas -wal) ke disk yang dapat ditulisi",
                        "the database {w} was not closed cleanly and its medium is read-only; "
                        "copy its folder (with the -wal file) to a disk that can be written",
                    ).format(w=where)
                ) from exc
            engine = create_read_only_engine(path, immutable=True)
            try:
                revision = migrate.current_revision(engine)
            except DBAPIError as again:
                engine.dispose()
                raise database_error(Failure.DAMAGED, str(path)) from again
        if revision != migrate.HEAD:
            engine.dispose()
            raise DatabaseError(
                Text(
                    "basis data {w} hanya dapat dibaca dan berasal dari versi juryapp lain "
                    "(skema {r}); buka sekali di folder yang dapat ditulisi",
                    "the database {w} can only be read and comes from another juryapp version "
                    "(schema {r}); open it once in a folder that can be written",
                ).format(w=where, r=revision or "-")
            )
        return cls(engine, read_only=reason)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._read() as session, _translated_errors(self.location):
            yield session
            session.rollback()

    def refuse_if_read_only(self) -> None:
        """Raise, saying why and what to do, when nothing can be written here."""
        if self.read_only is not None:
            raise ReadOnlyDatabaseError(
                Text("{r}; {t}", "{r}; {t}").format(
                    r=self.read_only, t=_NOTHING_SAVED.format(w=shown(self.location, 200))
                )
            )

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A write transaction, committed (durably) when the block ends without an error."""
        self.refuse_if_read_only()
        with self._write() as session, _translated_errors(self.location):
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def has_convention(self) -> bool:
        with self.reading() as session:
            return bool(session.scalar(select(func.count()).select_from(ConventionRow)))


_CANNOT_WRITE = Text(
    "{w} tidak dapat ditulisi (media hanya-baca atau tanpa izin), jadi dibuka hanya-baca",
    "{w} cannot be written (a read-only medium or no permission), so it is open read-only",
)
_NOTHING_SAVED = Text(
    "perubahan tidak dapat disimpan; salin basis data ke folder yang dapat ditulisi dan "
    "buka salinannya",
    "changes cannot be saved; copy the database to a folder that can be written and open the copy",
)


@contextmanager
def _translated_errors(location: str) -> Iterator[None]:
    try:
        yield
    except IntegrityError as exc:
        # The services check what a person can get wrong first: a constraint that still
        # fails is a bug, kept in the log with its traceback behind the one-line message.
        log.error("a constraint of the database refused a write", exc_info=exc)
        raise DatabaseError(
            Text(
                "data bertentangan dengan data yang sudah ada: {e}",
                "the data conflicts with what is already stored: {e}",
            ).format(e=shown(exc.orig, 200))
        ) from exc
    except (DBAPIError, sqlite3.Error) as exc:
        failure = classify(exc)
        if failure is None:
            raise  # a bug, not a situation: it keeps its traceback
        raise database_error(failure, location) from exc


def reset(database: Database) -> None:
    """Empty the database completely and recreate the current schema."""
    with database.engine.begin() as connection:
        Base.metadata.drop_all(connection)
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    migrate.upgrade(database.engine)
