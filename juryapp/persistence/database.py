"""One open database: its engine, migrated schema and read/write sessions."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from juryapp.domain.messages import Text
from juryapp.persistence import migrate
from juryapp.persistence.engine import WRITE_OPTION, DatabaseError, create_database_engine
from juryapp.persistence.tables import Base, ConventionRow


class Database:
    """Sessions for one user action each: ``reading()`` or ``writing()`` (BEGIN IMMEDIATE)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(
            engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )

    @classmethod
    def open(cls, target: str | os.PathLike[str] | None = None) -> Database:
        """Open (creating if needed) and migrate the database at a path or URL."""
        engine = create_database_engine(target)
        try:
            migrate.upgrade(engine)
        except DBAPIError as exc:  # also "file is not a database", which is not operational
            engine.dispose()
            raise DatabaseError(
                Text(
                    "basis data tidak dapat dibuka: {e}", "the database cannot be opened: {e}"
                ).format(e=exc.orig)
            ) from exc
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._read() as session, _translated_errors():
            yield session
            session.rollback()

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A write transaction, committed (durably) when the block ends without an error."""
        with self._write() as session, _translated_errors():
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def has_convention(self) -> bool:
        with self.reading() as session:
            return bool(session.scalar(select(func.count()).select_from(ConventionRow)))


@contextmanager
def _translated_errors() -> Iterator[None]:
    try:
        yield
    except IntegrityError as exc:
        raise DatabaseError(
            Text(
                "data bertentangan dengan data yang sudah ada: {e}",
                "the data conflicts with what is already stored: {e}",
            ).format(e=exc.orig)
        ) from exc
    except OperationalError as exc:
        message = str(exc.orig)
        if "locked" in message or "busy" in message:
            text = Text(
                "basis data sedang dipakai proses lain; coba lagi sebentar lagi",
                "the database is busy in another process; try again in a moment",
            )
        elif "readonly" in message or "read-only" in message:
            text = Text("basis data hanya-baca", "the database is read-only")
        elif "full" in message:
            text = Text(
                "disk penuh; tidak ada yang disimpan", "the disk is full; nothing was saved"
            )
        else:
            text = Text("kesalahan basis data: {e}", "database error: {e}").format(e=message)
        raise DatabaseError(text) from exc


def reset(database: Database) -> None:
    """Empty the database completely and recreate the current schema."""
    with database.engine.begin() as connection:
        Base.metadata.drop_all(connection)
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    migrate.upgrade(database.engine)
