"""Real read-only media and small disks for tests: a read-only bind mount and a small tmpfs.

Both need root and a kernel that lets the test mount (CI runs as root). Where that is not
possible a read-only folder falls back to permissions (which root ignores), and a test that
still cannot get what it needs is skipped with the reason.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount(*args: str) -> str | None:
    """Run mount; None when it worked, else why not."""
    if shutil.which("mount") is None:
        return "there is no mount command"
    done = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    return None if done.returncode == 0 else (done.stderr.strip() or f"mount {done.returncode}")


def _unmount(point: Path) -> None:
    for _ in range(20):  # a file closed a moment ago can keep the mount busy briefly
        done = subprocess.run(["umount", str(point)], capture_output=True, check=False)
        if done.returncode == 0:
            return
        subprocess.run(["sync"], check=False)
    subprocess.run(["umount", "-l", str(point)], check=False)


@contextlib.contextmanager
def read_only_view(source: Path, point: Path) -> Iterator[Path]:
    """``source`` seen read-only at ``point``: a read-only bind mount, or permissions."""
    point.mkdir(parents=True, exist_ok=True)
    why = _mount("--bind", str(source), str(point)) if os.name == "posix" else "not POSIX"
    if why is None:
        why = _mount("-o", "remount,bind,ro", str(point))
        if why is not None:
            _unmount(point)
    if why is None:
        try:
            yield point
        finally:
            _unmount(point)
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip(f"cannot make a read-only mount ({why}) and root ignores permissions")
    modes = {p: p.stat().st_mode for p in (source, *source.rglob("*"))}
    try:
        for path, mode in modes.items():
            path.chmod(stat.S_IMODE(mode) & ~0o222)
        yield source
    finally:
        for path, mode in modes.items():
            path.chmod(stat.S_IMODE(mode))


@contextlib.contextmanager
def small_disk(point: Path, size_kib: int) -> Iterator[Path]:
    """A tmpfs of ``size_kib`` KiB mounted at ``point``, or the test is skipped."""
    point.mkdir(parents=True, exist_ok=True)
    why = (
        _mount("-t", "tmpfs", "-o", f"size={size_kib}k,mode=0777", "tmpfs", str(point))
        if os.name == "posix"
        else "not POSIX"
    )
    if why is not None:
        pytest.skip(f"cannot mount a small tmpfs: {why}")
    try:
        yield point
    finally:
        _unmount(point)


def fill(folder: Path, leave: int = 0) -> Path:
    """Fill the disk under ``folder`` until at most ``leave`` bytes are free."""
    filler = folder / "filler.bin"
    with filler.open("ab") as stream:
        chunk = b"\0" * 65536
        while True:
            free = shutil.disk_usage(folder).free
            if free <= leave:
                break
            try:
                stream.write(chunk[: max(1, min(len(chunk), free - leave))])
                stream.flush()
            except OSError:
                break
    return filler
