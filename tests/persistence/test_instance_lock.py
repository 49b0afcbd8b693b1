"""One app writes a database at a time; a second one is told who has it open."""

from __future__ import annotations

import getpass
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from juryapp.persistence.instance_lock import DatabaseInUseError, InstanceLock, read_holder

HOLDER = """
import sys
from pathlib import Path
from juryapp.persistence.instance_lock import InstanceLock
lock = InstanceLock(Path(sys.argv[1]), "juryapp (jendela)").acquire()
print("held", flush=True)
sys.stdin.read()
"""


def hold(database: Path) -> subprocess.Popen[str]:
    """Another process holding the lock until its stdin closes (or it is killed)."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(database)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "held"
    return process


def test_a_second_app_is_told_who_holds_the_database(tmp_path: Path) -> None:
    database = tmp_path / "Siti Nurhaliza" / "konvensi.sqlite3"
    database.parent.mkdir()
    holder = hold(database)
    try:
        with pytest.raises(DatabaseInUseError) as caught:
            InstanceLock(database, "juryapp import-scores").acquire()
        error = caught.value
        assert error.holder is not None
        assert (error.holder.pid, error.holder.program) == (holder.pid, "juryapp (jendela)")
        assert error.holder.host == socket.gethostname()
        assert error.holder.user == getpass.getuser()
        for words in (error.text.en, error.text.id):
            assert str(holder.pid) in words and "juryapp (jendela)" in words
        assert "close it there first" in error.text.en
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(30)
    with InstanceLock(database, "juryapp import-scores"):  # released when the holder ends
        pass


def test_a_killed_holder_leaves_no_lock_behind(tmp_path: Path) -> None:
    database = tmp_path / "konvensi.sqlite3"
    holder = hold(database)
    holder.kill()
    holder.wait(30)
    assert read_holder(database.with_name("konvensi.sqlite3.lock")) is not None  # stale text
    with InstanceLock(database, "juryapp"):
        holder_now = read_holder(database.with_name("konvensi.sqlite3.lock"))
        assert holder_now is not None and holder_now.pid == os.getpid()


def test_one_process_may_open_the_same_database_twice(tmp_path: Path) -> None:
    database = tmp_path / "konvensi.sqlite3"
    first = InstanceLock(database, "a").acquire()
    second = InstanceLock(database, "b").acquire()
    first.release()
    holder = subprocess.run(
        [sys.executable, "-c", HOLDER.replace("sys.stdin.read()", ""), str(database)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert holder.returncode != 0 and "DatabaseInUseError" in holder.stderr  # still held
    second.release()
    with InstanceLock(database, "c"):
        pass
