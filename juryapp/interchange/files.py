"""Writing files so that an interrupted write (a pulled USB stick) never leaves half a file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from juryapp.domain.messages import storage_error


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary name in the same folder, sync, then rename over ``path``.

    A full disk, a read-only medium or a pulled stick raises ``StorageError`` naming the file
    and what to do, and leaves neither a partial file nor the temporary one behind.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name[:80]}.", dir=path.parent)
    except OSError as exc:
        raise storage_error(exc, path) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(temp).replace(path)
    except OSError as exc:
        _discard(Path(temp))
        raise storage_error(exc, path) from exc
    except BaseException:
        _discard(Path(temp))
        raise
    sync_folder(path.parent)


def make_folder(folder: Path) -> None:
    """Create ``folder`` (and its parents) or raise ``StorageError`` saying why not."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise storage_error(exc, folder) from exc


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system can sync a folder (not Windows)."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
