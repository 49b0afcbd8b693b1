"""A consistent copy of a live database file, for Berkas → Save a copy."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

from juryapp.domain.messages import StateError, Text

__all__ = ["save_copy"]


def save_copy(source: Path, target: Path) -> None:
    """Copy through SQLite's backup API (never a file copy, which could catch a write half
    done), written under a temporary name and renamed once complete. A copy onto the database
    itself is refused: renaming over it would leave its open connections writing to a file
    that no longer has a name."""
    if target.exists() and target.samefile(source):
        raise StateError(
            Text(
                "salinan tidak dapat disimpan di atas database yang sedang dibuka",
                "a copy cannot be saved over the database that is open",
            )
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(fd)
    try:
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(temp)) as dst:
            src.backup(dst)
        with open(temp, "rb") as written:  # noqa: PTH123 - a descriptor to fsync
            os.fsync(written.fileno())
        Path(temp).replace(target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
