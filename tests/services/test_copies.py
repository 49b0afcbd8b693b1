"""Berkas → Save a copy: a whole, consistent database at the target, or nothing changed there."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from juryapp.domain.messages import StateError
from juryapp.services.copies import save_copy


def live_database(path: Path, rows: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("CREATE TABLE score (id INTEGER PRIMARY KEY, value TEXT NOT NULL)")
        db.executemany("INSERT INTO score (value) VALUES (?)", [(f"{i}",) for i in range(rows)])
    return path


def rows_in(path: Path) -> list[tuple[int, str]]:
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return db.execute("SELECT id, value FROM score ORDER BY id").fetchall()


def test_a_copy_holds_every_committed_row_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    source = live_database(tmp_path / "konvensi.sqlite3", 500)
    target = tmp_path / "salinan" / "konvensi-salinan.sqlite3"
    save_copy(source, target)
    assert rows_in(target) == rows_in(source)
    assert [p.name for p in target.parent.iterdir()] == [target.name]


def test_a_write_still_open_elsewhere_is_not_in_the_copy(tmp_path: Path) -> None:
    source = live_database(tmp_path / "konvensi.sqlite3", 3)
    target = tmp_path / "salinan.sqlite3"
    with closing(sqlite3.connect(source)) as writer:
        writer.execute("BEGIN")
        writer.execute("INSERT INTO score (value) VALUES ('belum disimpan')")
        save_copy(source, target)
        writer.rollback()
    assert [value for _, value in rows_in(target)] == ["0", "1", "2"]


def test_an_older_copy_at_the_target_is_replaced_whole(tmp_path: Path) -> None:
    target = live_database(tmp_path / "salinan.sqlite3", 50)
    source = live_database(tmp_path / "konvensi.sqlite3", 2)
    save_copy(source, target)
    assert rows_in(target) == [(1, "0"), (2, "1")]


def test_a_source_that_is_no_database_leaves_the_target_as_it_was(tmp_path: Path) -> None:
    source = tmp_path / "bukan-database.sqlite3"
    source.write_bytes(b"bukan database SQLite " * 200)
    target = live_database(tmp_path / "salinan" / "salinan.sqlite3", 4)
    before = target.read_bytes()
    with pytest.raises(sqlite3.DatabaseError):
        save_copy(source, target)
    assert target.read_bytes() == before
    assert [p.name for p in target.parent.iterdir()] == [target.name]


def test_a_copy_onto_the_open_database_itself_is_refused(tmp_path: Path) -> None:
    source = live_database(tmp_path / "konvensi.sqlite3", 3)
    link = tmp_path / "nama-lain.sqlite3"
    link.hardlink_to(source)
    for target in (source, link, tmp_path / "." / "konvensi.sqlite3"):
        with pytest.raises(StateError):
            save_copy(source, target)
    assert rows_in(source) == [(1, "0"), (2, "1"), (3, "2")]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["konvensi.sqlite3", "nama-lain.sqlite3"]
