"""A database on read-only media opens read-only; database errors are told apart by their code."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from juryapp.domain.messages import set_language
from juryapp.persistence.database import Database, Failure, classify
from juryapp.persistence.engine import DatabaseError
from tests.mounts import read_only_view


def _clean_database(folder: Path) -> Path:
    """A migrated database closed cleanly: no -wal or -shm file beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "konvensi.sqlite3"
    database = Database.open(path)
    with database.writing() as session:
        session.execute(text("CREATE TABLE catatan (isi TEXT)"))
        session.execute(text("INSERT INTO catatan VALUES ('tersimpan')"))
    database.close()
    assert sorted(p.name for p in folder.iterdir()) == ["konvensi.sqlite3"]
    return path


def test_a_database_on_read_only_media_opens_read_only(tmp_path: Path) -> None:
    source = _clean_database(tmp_path / "flashdisk")
    with read_only_view(source.parent, tmp_path / "terkunci") as view:
        database = Database.open(view / source.name)
        try:
            assert database.read_only is not None
            with database.reading() as session:
                assert session.execute(text("SELECT isi FROM catatan")).scalar() == "tersimpan"
            set_language("en")
            with pytest.raises(DatabaseError) as caught, database.writing():
                pass
            message = str(caught.value)
            assert str(view / source.name) in message and "\n" not in message
            assert "copy the database to a folder that can be written" in message
        finally:
            database.close()
    assert sorted(p.name for p in source.parent.iterdir()) == ["konvensi.sqlite3"]


def test_a_database_not_closed_cleanly_on_read_only_media_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "flashdisk"
    source = _clean_database(folder)
    keeper = sqlite3.connect(source)  # holds the -wal file open while it is copied
    keeper.execute("PRAGMA journal_mode=WAL")
    keeper.execute("PRAGMA wal_autocheckpoint=0")
    keeper.execute("INSERT INTO catatan VALUES ('hanya di wal')")
    keeper.commit()
    copy = tmp_path / "salinan"
    copy.mkdir()
    for name in ("konvensi.sqlite3", "konvensi.sqlite3-wal"):
        (copy / name).write_bytes((folder / name).read_bytes())
    keeper.close()
    # reading the file alone would miss the write waiting in the -wal file
    with (
        read_only_view(copy, tmp_path / "terkunci") as view,
        pytest.raises(DatabaseError) as caught,
    ):
        Database.open(view / "konvensi.sqlite3")
    assert "-wal" in caught.value.text.en


def test_opening_read_only_on_request(tmp_path: Path) -> None:
    path = _clean_database(tmp_path)
    database = Database.open(path, read_only=True)
    try:
        assert database.read_only is not None
        with pytest.raises(DatabaseError), database.writing():
            pass
    finally:
        database.close()


def _with_code(code: int, message: str) -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError(message)
    exc.sqlite_errorcode = code  # type: ignore[attr-defined]
    return exc


@pytest.mark.parametrize(
    ("code", "failure"),
    [
        (13, Failure.FULL),
        (8, Failure.READ_ONLY),
        (1032, Failure.READ_ONLY),  # SQLITE_READONLY_DBMOVED
        (5, Failure.BUSY),
        (517, Failure.BUSY),  # SQLITE_BUSY_SNAPSHOT
        (10, Failure.DEVICE),
        (266, Failure.DEVICE),  # SQLITE_IOERR_READ
        (11, Failure.DAMAGED),
        (26, Failure.DAMAGED),
        (14, Failure.CANNOT_OPEN),
        (1, None),  # SQLITE_ERROR: a bug, whatever it says
    ],
)
def test_errors_are_classified_by_their_code_not_their_words(
    code: int, failure: Failure | None
) -> None:
    assert classify(_with_code(code, "database or disk is full, readonly, locked")) is failure
    wrapped = OperationalError("INSERT", {}, _with_code(code, "anything"))
    assert classify(wrapped) is failure


def test_an_error_of_no_known_kind_stays_a_bug_with_its_traceback(tmp_path: Path) -> None:
    database = Database.open(tmp_path / "juri.sqlite3")
    try:
        with pytest.raises(OperationalError), database.writing() as session:
            session.execute(text("SELECT * FROM tabel_yang_tidak_ada"))
    finally:
        database.close()
