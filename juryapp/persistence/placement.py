"""Where a database file sits: a local disk, removable media or a network share."""

from __future__ import annotations

import contextlib
import os
import sys
from enum import StrEnum
from pathlib import Path

# File systems that live on another machine (Linux names, as /proc/mounts gives them).
NETWORK_FILE_SYSTEMS = frozenset(
    (
        "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "9p", "ceph", "glusterfs",
        "fuse.sshfs", "sshfs", "fuse.rclone", "davfs", "fuse.davfs2", "fuse.gvfsd-fuse",
    )
)  # fmt: skip
_REMOVABLE_MOUNTS = ("/media/", "/run/media/", "/mnt/usb")
_WINDOWS_REMOVABLE, _WINDOWS_REMOTE, _WINDOWS_CDROM = 2, 4, 5


class Storage(StrEnum):
    LOCAL = "local"
    REMOVABLE = "removable"
    NETWORK = "network"


def storage_of(path: Path) -> Storage:
    """Best knowledge of the medium under ``path`` (LOCAL when it cannot be told)."""
    try:
        if sys.platform == "win32":
            return _windows_storage(path)
        if sys.platform == "darwin":
            return _mac_storage(path)
        return linux_storage(path, Path("/proc/self/mounts"), Path("/sys/dev/block"))
    except (OSError, ValueError):
        return Storage.LOCAL


def linux_storage(path: Path, mounts: Path, devices: Path) -> Storage:
    """From the mount table (``/proc/self/mounts``) and the block devices in sysfs."""
    target = path.resolve()
    best = ("", "", "")
    for line in mounts.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        source, point, kind = parts[0], _unescape_mount(parts[1]), parts[2]
        if _is_under(target, point) and len(point) > len(best[1]):
            best = (source, point, kind)
    source, point, kind = best
    if kind in NETWORK_FILE_SYSTEMS or source.startswith("//"):
        return Storage.NETWORK
    if any((point + "/").startswith(prefix) for prefix in _REMOVABLE_MOUNTS):
        return Storage.REMOVABLE
    stat = _existing(target).stat()
    device = devices / f"{os.major(stat.st_dev)}:{os.minor(stat.st_dev)}"
    with contextlib.suppress(OSError):
        real = device.resolve()
        if "/usb" in str(real):
            return Storage.REMOVABLE
        for folder in (real, *real.parents):
            flag = folder / "removable"
            if flag.is_file():
                return Storage.REMOVABLE if flag.read_text().strip() == "1" else Storage.LOCAL
    return Storage.LOCAL


def _existing(path: Path) -> Path:
    """``path`` or its nearest folder that exists (a database not created yet)."""
    resolved = path.resolve()
    for candidate in (resolved, *resolved.parents):
        if candidate.exists():
            return candidate
    return resolved


def _is_under(path: Path, point: str) -> bool:
    return point == "/" or str(path) == point or str(path).startswith(point.rstrip("/") + "/")


def _unescape_mount(point: str) -> str:
    """Mount points in /proc/mounts write a space as \\040 (and tab, newline, backslash)."""
    for code, character in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        point = point.replace(code, character)
    return point


def _mac_storage(path: Path) -> Storage:
    """macOS mounts every other disk and every share under /Volumes."""
    target = _existing(path)
    if str(target).startswith("/Volumes/") and target.stat().st_dev != Path("/").stat().st_dev:
        return Storage.REMOVABLE
    return Storage.LOCAL


def _windows_storage(path: Path) -> Storage:  # pragma: no cover - runs on Windows only
    import ctypes  # noqa: PLC0415

    text = str(path.resolve())
    if text.startswith("\\\\"):  # \\server\share
        return Storage.NETWORK
    root = os.path.splitdrive(text)[0] + "\\"
    kind = ctypes.windll.kernel32.GetDriveTypeW(root)  # type: ignore[attr-defined]
    if kind == _WINDOWS_REMOTE:
        return Storage.NETWORK
    if kind in (_WINDOWS_REMOVABLE, _WINDOWS_CDROM):
        return Storage.REMOVABLE
    return Storage.LOCAL
