"""Backups: online copies, a rotating folder, checks that refuse a bad backup, and restores."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url

from juryapp.domain.access import Actor
from juryapp.domain.messages import FileProblemError, PermissionDeniedError, StateError
from juryapp.persistence import migrate
from juryapp.persistence.database import Database
from juryapp.persistence.placement import Storage
from juryapp.services import backups as backups_module
from juryapp.services.backups import (
    BackupService,
    back_up_automatically,
    verify_backup,
)
from tests.dump import logical_dump
from tests.services.conftest import KEY_PASSPHRASE, Stack, settle_open_sheets

# Backups are copies of a SQLite file; a PostgreSQL hub is backed up with pg_dump, which the
# last tests here check is what the app says there.
pytestmark = pytest.mark.sqlite_only


class Clock:
    """A clock the test moves on, one backup after another."""

    def __init__(self) -> None:
        self.now = datetime(2024, 9, 18, 8, 0, 0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **step: float) -> None:
        self.now += timedelta(**step)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def backups(stack: Stack, clock: Clock) -> BackupService:
    return BackupService(stack.database, clock=clock, keep_latest=3)


def score(stack: Stack, judges: dict[str, Actor], value: int) -> None:
    stack.scoring.set_score(judges["J1"], "J1", "PKM-01", "K1", Decimal(value))


def test_a_backup_is_a_whole_checked_copy_in_one_file(
    stack: Stack, backups: BackupService, sek1: Actor, tmp_path: Path
) -> None:
    target = tmp_path / "Flashdisk Siti" / "cadangan ñ.sqlite3"
    target.parent.mkdir()
    check = backups.back_up_to(sek1, target)
    assert check.ok and check.revision == migrate.HEAD and check.audit_events > 0
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]  # no -wal
    with closing(sqlite3.connect(target)) as copy:
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert logical_dump(target) == logical_dump(stack.path)


def test_a_backup_never_goes_over_the_live_database(
    stack: Stack, backups: BackupService, sek1: Actor
) -> None:
    with pytest.raises(StateError):
        backups.back_up_to(sek1, stack.path)


def test_automatic_backups_rotate_keeping_the_latest_and_one_a_day(
    stack: Stack, backups: BackupService, clock: Clock, judges: dict[str, Actor]
) -> None:
    made = []
    for day in range(3):
        for hour in range(4):
            score(stack, judges, 1 + (day + hour) % 5)
            made.append(backups.back_up_now("auto"))
            clock.advance(hours=1)
        clock.advance(days=1)
    lock = backups.back_up_now("lock")
    kept = [b.path for b in backups.backups()]
    # the newest of days 1 and 2, the three latest (all of day 3), and the lock's
    assert kept == [made[3], made[7], made[9], made[10], made[11], lock]
    assert [b.reason for b in backups.backups()][-1] == "lock"


def test_a_periodic_backup_is_made_only_after_a_change(
    stack: Stack, backups: BackupService, clock: Clock, judges: dict[str, Actor]
) -> None:
    first = backups.back_up_if_changed()
    assert first is not None
    clock.advance(minutes=5)
    assert backups.back_up_if_changed() is None
    score(stack, judges, 4)
    clock.advance(minutes=5)
    second = backups.back_up_if_changed()
    assert second is not None and second != first


def test_a_half_written_copy_left_by_a_crash_is_cleared(
    stack: Stack, backups: BackupService
) -> None:
    backups.folder().mkdir()
    leftover = backups.folder() / ".konvensi-x.sqlite3.abc123.part"
    leftover.write_bytes(b"SQLite format 3\0 cut short")
    backups.back_up_now("auto")
    assert not leftover.exists()


def test_locking_leaves_a_backup(stack: Stack, sek1: Actor) -> None:
    settle_open_sheets(stack, sek1)
    stack.locking.lock(sek1, "uji", KEY_PASSPHRASE)
    [made] = BackupService(stack.database).backups()
    assert made.reason == "lock"
    assert verify_backup(made.path).locked


def test_a_restore_brings_the_backup_back_and_keeps_the_replaced_database(
    stack: Stack, backups: BackupService, sek1: Actor, judges: dict[str, Actor], tmp_path: Path
) -> None:
    score(stack, judges, 2)
    saved = tmp_path / "cadangan.sqlite3"
    backups.back_up_to(sek1, saved)
    before = logical_dump(stack.path)
    score(stack, judges, 5)
    replaced = logical_dump(stack.path)

    restored = backups.restore(sek1, saved)

    assert logical_dump(restored.kept) == replaced
    # the backup's contents, and the restore added to its audit trail (a new event and head)
    added = [line for line in logical_dump(stack.path) if line not in before]
    assert len(added) == 2 and "'database.restore'" in added[0] and "audit_head" in added[1]
    [event] = stack.events("database.restore")
    assert event.subject == "cadangan.sqlite3" and event.details["kept"] == restored.kept.name
    assert verify_backup(saved).ok
    view = stack.scoring.sheet(sek1, "J1", "PKM-01")
    assert view.lines[0].value == 2


def _planted_trigger(path: Path) -> None:
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TRIGGER hapus AFTER INSERT ON score BEGIN DELETE FROM audit_event; END")
        db.commit()


def _edited_audit(path: Path) -> None:
    with closing(sqlite3.connect(path)) as db:
        db.execute("UPDATE audit_event SET actor = 'orang lain' WHERE seq = 2")
        db.commit()


def _newer_schema(path: Path) -> None:
    with closing(sqlite3.connect(path)) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
        db.commit()


def _damaged_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 3 + 200] = b"\xff" * 200
    path.write_bytes(bytes(data))


def _cut_short(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: 4096 * 5 + 100])


def _not_sqlite(path: Path) -> None:
    path.write_text("judge,team,criterion,score\nJ1,PKM-01,K1,4\n", encoding="utf-8")


def _small_pages(path: Path) -> None:
    path.unlink()
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA page_size=512")
        db.execute("VACUUM")


@pytest.mark.parametrize(
    "spoil",
    [_planted_trigger, _edited_audit, _newer_schema, _damaged_page, _cut_short, _not_sqlite],
)
def test_a_bad_backup_is_refused_before_anything_changes(
    stack: Stack, backups: BackupService, sek1: Actor, tmp_path: Path, spoil: Callable[[Path], None]
) -> None:
    bad = tmp_path / "cadangan.sqlite3"
    backups.back_up_to(sek1, bad)
    spoil(bad)
    assert not verify_backup(bad).ok
    before = logical_dump(stack.path)
    with pytest.raises(FileProblemError) as caught:
        backups.restore(sek1, bad)
    assert caught.value.file == "cadangan.sqlite3" and "\n" not in str(caught.value)
    assert logical_dump(stack.path) == before
    assert backups.backups() == []  # nothing kept: nothing was replaced


def test_a_backup_of_another_page_size_is_refused_whole(
    stack: Stack, backups: BackupService, sek1: Actor, tmp_path: Path
) -> None:
    other = tmp_path / "cadangan.sqlite3"
    backups.back_up_to(sek1, other)
    with closing(sqlite3.connect(other)) as db:
        db.execute("PRAGMA page_size=1024")
        db.execute("VACUUM")
    assert verify_backup(other).ok
    before = logical_dump(stack.path)
    with pytest.raises(Exception, match=r"page size|ukuran halaman"):
        backups.restore(sek1, other)
    assert logical_dump(stack.path) == before


def test_judges_cannot_back_up_or_restore(
    stack: Stack, backups: BackupService, judges: dict[str, Actor], tmp_path: Path
) -> None:
    with pytest.raises(PermissionDeniedError):
        backups.back_up_to(judges["J1"], tmp_path / "x.sqlite3")
    with pytest.raises(PermissionDeniedError, match="sekretariat"):
        backups.restore(judges["J1"], tmp_path / "x.sqlite3")
    assert not (tmp_path / "x.sqlite3").exists()


@pytest.fixture
def server_database() -> Iterator[Database]:
    """A database whose URL names a PostgreSQL server (no server or driver is needed)."""
    engine = create_engine("sqlite://")
    engine.url = make_url("postgresql+psycopg://juri:rahasia@server/konvensi")
    database = Database(engine)
    yield database
    database.close()


def test_on_postgresql_it_says_to_use_pg_dump(
    server_database: Database, sek1: Actor, tmp_path: Path
) -> None:
    service = BackupService(server_database)
    with pytest.raises(StateError) as caught:
        service.back_up_to(sek1, tmp_path / "x.sqlite3")
    assert "pg_dump" in caught.value.text.en and "pg_restore" in caught.value.text.id
    assert "rahasia" not in caught.value.text.en
    assert back_up_automatically(server_database, "lock") is None
    assert service.storage_warning() is None


@pytest.mark.parametrize(
    ("storage", "words"),
    [(Storage.REMOVABLE, "removable media"), (Storage.NETWORK, "network share")],
)
def test_a_database_on_a_stick_or_a_share_is_warned_about(
    backups: BackupService, monkeypatch: pytest.MonkeyPatch, storage: Storage, words: str
) -> None:
    assert backups.storage_warning() is None
    monkeypatch.setattr(backups_module, "storage_of", lambda _path: storage)
    warning = backups.storage_warning()
    assert warning is not None and words in warning.en and "copy it" in warning.en


def test_an_automatic_backup_that_fails_does_not_stop_the_action(
    stack: Stack, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups_module, "copy_database", full)
    assert back_up_automatically(stack.database, "import") is None
