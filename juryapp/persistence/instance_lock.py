"""One app writing a database at a time: a lock file beside it that says who holds it."""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any, ClassVar

from juryapp.domain.messages import StateError, Text, shown

# The operating system holds the lock for as long as the holder's file stays open, and lets
# go when the holder ends in any way (a crash, a kill, a power cut): no stale lock to clear.
# On Windows the lock covers one byte far past the text, so others can still read who holds
# it (elsewhere the lock is advisory and covers the whole file).
_LOCK_OFFSET = 1 << 20
_MAX_OWNER_BYTES = 4096


@dataclass(frozen=True)
class Holder:
    """Who has a database open for writing."""

    user: str
    host: str
    pid: int
    since: str  # local time, as the holder's clock shows it
    program: str

    def describe(self) -> Text:
        return Text(
            "{p} oleh {u} di {h} (proses {n}) sejak {s}",
            "{p} by {u} on {h} (process {n}) since {s}",
        ).format(
            p=shown(self.program, 40),
            u=shown(self.user, 40),
            h=shown(self.host, 40),
            n=self.pid,
            s=shown(self.since, 20),
        )


class DatabaseInUseError(StateError):
    """Another app holds the database; ``holder`` says who, when it could be read."""

    def __init__(self, text: Text, holder: Holder | None) -> None:
        super().__init__(text)
        self.holder = holder


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


class InstanceLock:
    """Held by the one app (desktop window or changing command) that writes a database.

    Within one process the lock is shared: a second window or a test that opens the same
    file again is the same app.
    """

    _held: ClassVar[dict[Path, tuple[IO[bytes], int]]] = {}
    _guard: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, database: Path, program: str) -> None:
        self.path = lock_path(database.resolve())
        self.program = program
        self._acquired = False

    def acquire(self) -> InstanceLock:
        """Take the lock, or raise ``DatabaseInUseError`` naming who holds it."""
        with self._guard:
            if self._acquired:
                return self
            held = self._held.get(self.path)
            if held is not None:
                self._held[self.path] = (held[0], held[1] + 1)
                self._acquired = True
                return self
            try:
                stream = self._open()
            except OSError:
                # No lock file can be made (read-only media): nobody can write there either.
                self._acquired = False
                return self
            try:
                _lock(stream)
            except OSError:
                stream.close()
                holder = read_holder(self.path)
                raise DatabaseInUseError(_in_use(self.path, holder), holder) from None
            self._write_holder(stream)
            self._held[self.path] = (stream, 1)
            self._acquired = True
            return self

    def _open(self) -> IO[bytes]:
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0)
        return os.fdopen(os.open(self.path, flags, 0o666), "r+b", buffering=0)

    def _write_holder(self, stream: IO[bytes]) -> None:
        holder = Holder(
            user=_user(),
            host=socket.gethostname(),
            pid=os.getpid(),
            since=datetime.now().strftime("%Y-%m-%d %H.%M"),
            program=self.program,
        )
        text = json.dumps(holder.__dict__, ensure_ascii=False).encode()[:_MAX_OWNER_BYTES]
        with contextlib.suppress(OSError):  # who holds it is a courtesy; the lock is what counts
            stream.seek(0)
            stream.write(text.ljust(_MAX_OWNER_BYTES))
            os.fsync(stream.fileno())

    def release(self) -> None:
        with self._guard:
            if not self._acquired:
                return
            self._acquired = False
            if self.path not in self._held:
                return
            stream, count = self._held[self.path]
            if count > 1:
                self._held[self.path] = (stream, count - 1)
                return
            del self._held[self.path]
            with contextlib.suppress(OSError):
                stream.seek(0)
                stream.truncate()
            _unlock(stream)
            stream.close()

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, *_exc: object) -> None:
        self.release()


def read_holder(path: Path) -> Holder | None:
    """Who the lock file says holds the lock (None if it cannot be read)."""
    try:
        with path.open("rb") as stream:
            data: Any = json.loads(stream.read(_MAX_OWNER_BYTES).decode().strip() or "null")
        return Holder(**data) if isinstance(data, dict) else None
    except (OSError, ValueError, TypeError):
        return None


def _in_use(path: Path, holder: Holder | None) -> Text:
    database = shown(path.with_name(path.name.removesuffix(".lock")), 200)
    if holder is None:
        return Text(
            "basis data {d} sedang dibuka untuk ditulisi oleh aplikasi juryapp lain; tutup "
            "dulu di sana",
            "the database {d} is open for writing in another juryapp; close it there first",
        ).format(d=database)
    return Text(
        "basis data {d} sedang dibuka untuk ditulisi: {w}; tutup dulu di sana",
        "the database {d} is open for writing: {w}; close it there first",
    ).format(d=database, w=holder.describe())


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name in the environment
        return "?"


if sys.platform == "win32":  # pragma: no cover - exercised on the Windows runners
    import msvcrt

    def _lock(stream: IO[bytes]) -> None:
        stream.seek(_LOCK_OFFSET)
        msvcrt.locking(stream.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(stream: IO[bytes]) -> None:
        with contextlib.suppress(OSError):
            stream.seek(_LOCK_OFFSET)
            msvcrt.locking(stream.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    # flock, not lockf: a record lock would be dropped as soon as this process closed any
    # other handle on the file, such as one that reads who holds it.
    def _lock(stream: IO[bytes]) -> None:
        fcntl.flock(stream.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(stream: IO[bytes]) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(stream.fileno(), fcntl.LOCK_UN)
