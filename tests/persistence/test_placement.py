"""Telling a local disk from removable media and network shares, from the mount table."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from juryapp.persistence.placement import Storage, linux_storage


def mounts(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "mounts"
    path.write_text("\n".join(("/dev/vda / ext4 rw 0 0", *lines)) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("line", "storage"),
    [
        ("server:/konvensi {p} nfs4 rw 0 0", Storage.NETWORK),
        ("//nas/bersama {p} cifs rw 0 0", Storage.NETWORK),
        ("sshfs#siti@laptop: {p} fuse.sshfs rw 0 0", Storage.NETWORK),
        ("/dev/sdb1 {p} vfat rw 0 0", Storage.LOCAL),  # not under /media: asks sysfs
        ("tmpfs {p} tmpfs rw 0 0", Storage.LOCAL),
    ],
)
def test_the_file_system_of_the_nearest_mount_decides(
    tmp_path: Path, line: str, storage: Storage
) -> None:
    folder = tmp_path / "Konvensi 2024"
    folder.mkdir()
    point = str(folder).replace(" ", "\\040")  # as /proc/mounts writes a space
    table = mounts(tmp_path, line.format(p=point))
    assert linux_storage(folder / "konvensi.sqlite3", table, tmp_path / "no-sysfs") is storage


def test_a_mount_under_media_is_removable(tmp_path: Path) -> None:
    table = mounts(tmp_path, "/dev/sdb1 /media/siti/FLASHDISK vfat rw 0 0")
    assert (
        linux_storage(Path("/media/siti/FLASHDISK/x.sqlite3"), table, tmp_path) is Storage.REMOVABLE
    )


def test_the_removable_flag_of_the_block_device_decides(tmp_path: Path) -> None:
    devices = tmp_path / "dev-block"
    stick = tmp_path / "sys" / "block" / "sdb"
    (stick / "sdb1").mkdir(parents=True)
    (stick / "removable").write_text("1\n")
    devices.mkdir()
    device = Path(__file__).stat().st_dev
    (devices / f"{os.major(device)}:{os.minor(device)}").symlink_to(stick / "sdb1")
    table = mounts(tmp_path)
    assert linux_storage(Path(__file__), table, devices) is Storage.REMOVABLE
    (stick / "removable").write_text("0\n")
    assert linux_storage(Path(__file__), table, devices) is Storage.LOCAL
