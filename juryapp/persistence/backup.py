"""Copies of a live SQLite database made and put back with SQLite's online backup API."""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import secrets
import sqlite3
from contextlib import closing
from pathlib import Path

from juryapp.domain.messages import Text, shown, storage_error
from juryapp.persistence.database import Failure, classify, database_error
from juryapp.persistence.engine import BUSY_TIMEOUT_MS, DatabaseError, connect_read_only

PART_SUFFIX = ".part"


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable where the system can sync a folder (not Windows)."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def open_for_reading(path: Path) -> sqlite3.Connection:
    """A read-only connection to a database file, also on read-only media."""
    connection = connect_read_only(path)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        connection.close()
        if classify(exc) is not Failure.CANNOT_OPEN:
            raise
        # no -shm file can be made beside it: read it as it is (see Database.open)
        connection = connect_read_only(path, immutable=True)
    return connection


def copy_database(source: Path, target: Path) -> None:
    """Write a consistent copy of the live database ``source`` to ``target``, whole or not at all.

    The copy is one snapshot (a single backup step inside one read transaction, which never
    blocks the live database's writers), is made a self-contained file (rollback journal, not
    WAL), synced, and only then renamed to ``target``; whatever fails leaves no file behind.
    """
    stem = f".{target.name[:80]}."
    for stale in target.parent.glob(f"{glob.escape(stem)}*{PART_SUFFIX}"):
        _discard(stale)  # left by a copy to the same name that a crash cut short
    part = target.with_name(f"{stem}{secrets.token_hex(6)}{PART_SUFFIX}")
    try:
        # made here first, so that a folder that cannot be written is said as such
        os.close(os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except OSError as exc:
        raise storage_error(exc, target) from exc
    try:
        with closing(open_for_reading(source)) as live, closing(sqlite3.connect(part)) as copy:
            live.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
        with part.open("rb") as written:
            os.fsync(written.fileno())
        part.replace(target)
    except OSError as exc:
        _discard(part)
        raise storage_error(exc, target) from exc
    except sqlite3.Error as exc:
        _discard(part)
        raise _sqlite_problem(exc, source, target) from exc
    except BaseException:
        _discard(part)
        raise
    sync_folder(target.parent)


def replace_contents(live: Path, backup: Path) -> None:
    """Make the live database's contents those of ``backup``, in one write transaction.

    The backup API writes into the live file through SQLite (never a file copy), so a crash
    or a full disk part way leaves the live database as it was, and the change is durable
    when this returns. Nothing else may have the live database open.
    """
    with (
        closing(open_for_reading(backup)) as source,
        closing(sqlite3.connect(live, timeout=BUSY_TIMEOUT_MS / 1000)) as target,
    ):
        target.execute("PRAGMA synchronous=FULL")
        target.execute("PRAGMA fullfsync=ON")
        page = target.execute("PRAGMA page_size").fetchone()[0]
        if source.execute("PRAGMA page_size").fetchone()[0] != page:
            raise DatabaseError(
                Text(
                    "cadangan {b} memakai ukuran halaman lain dan tidak dapat dipulihkan ke sini",
                    "the backup {b} uses another page size and cannot be restored here",
                ).format(b=shown(backup, 200))
            )
        try:
            source.backup(target)
        except sqlite3.Error as exc:
            raise _sqlite_problem(exc, backup, live) from exc


def _sqlite_problem(exc: sqlite3.Error, source: Path, target: Path) -> Exception:
    failure = classify(exc)
    if failure is None:
        return exc
    if failure is Failure.FULL:
        return storage_error(OSError(errno.ENOSPC, "full"), target)  # said as for any file
    if failure is Failure.DAMAGED:
        return database_error(failure, str(source))
    return database_error(failure, str(target))


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def discard_leftovers(folder: Path) -> int:
    """Remove half-written copies a crash left in ``folder``; how many there were."""
    removed = 0
    with contextlib.suppress(OSError):
        for leftover in folder.glob(f".*{PART_SUFFIX}"):
            _discard(leftover)
            removed += 1
    return removed
