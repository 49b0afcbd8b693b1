"""backup and restore on the command line, a second writer refused, and read-only databases."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from juryapp.cli.main import main
from tests.cli.test_cli import demo_db, demo_template, score_the_sheet_left_empty, table_counts
from tests.credentials import signed_in
from tests.dump import logical_dump
from tests.mounts import read_only_view
from tests.persistence.test_instance_lock import hold

__all__ = ["demo_db", "demo_template"]


def run(db: Path, *args: str) -> int:
    """A command as the demo's secretariat user."""
    with signed_in():
        return main(["--db", str(db), "--lang", "en", *args])


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.fixture
def siti(demo_db: Path, tmp_path: Path) -> Path:
    """The demo database in a folder such as a Windows user's, with a space and an ñ."""
    folder = tmp_path / "Siti Nurhaliza" / "Konvensi Peñjaringan"
    folder.mkdir(parents=True)
    target = folder / "konvensi 2024.sqlite3"
    shutil.move(demo_db, target)
    return target


def test_back_up_change_and_restore(
    siti: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stick = tmp_path / "FLASHDISK ñ" / "cadangan 1.sqlite3"
    stick.parent.mkdir()
    assert run(siti, "backup", str(stick)) == 0
    assert "checked" in capsys.readouterr().out
    saved = logical_dump(siti)
    assert run(siti, "unlock", "--reason", "x") == 2  # not locked: a change refused…
    score_the_sheet_left_empty(siti, tmp_path)
    assert run(siti, "lock", "--reason", "pleno") == 0  # …and one made
    assert logical_dump(siti) != saved
    capsys.readouterr()
    assert run(siti, "restore", "--check", str(stick)) == 0
    assert "can be restored" in capsys.readouterr().out
    assert run(siti, "restore", str(stick)) == 0
    out = capsys.readouterr().out
    assert "Restored from cadangan 1.sqlite3" in out and "before-restore" in out
    assert table_counts(siti)["audit_event"] == table_counts(stick)["audit_event"] + 1
    backups = siti.parent / "konvensi 2024-backups"
    reasons = sorted(p.name.rsplit("-e", 1)[0].split("-", 6)[-1] for p in backups.iterdir())
    assert reasons == ["before-restore", "import", "lock"]


def test_a_bad_backup_is_refused_in_one_line(
    siti: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "cadangan.sqlite3"
    bad.write_bytes(b"SQLite format 3\0" + b"\0" * 1000)
    before = logical_dump(siti)
    assert run(siti, "restore", str(bad)) == 2
    line = one_line(capsys.readouterr().err)
    assert "cadangan.sqlite3" in line and "not a juryapp database backup" in line
    assert logical_dump(siti) == before


def test_a_second_writer_is_told_who_has_the_database(
    siti: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    holder = hold(siti)
    try:
        scores = tmp_path / "nilai.csv"
        scores.write_text("judge,team,criterion,score\nJ1,RSS-04,K1,4\n", encoding="utf-8")
        before = logical_dump(siti)
        for command in (["import-scores", str(scores)], ["lock", "--reason", "x"]):
            assert run(siti, *command) == 2
            line = one_line(capsys.readouterr().err)
            assert f"process {holder.pid}" in line and "juryapp (jendela)" in line
        assert logical_dump(siti) == before
        assert run(siti, "results") == 0  # reading needs no lock
        assert run(siti, "backup", str(tmp_path / "cadangan.sqlite3")) == 0
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(30)


def test_a_read_only_database_still_shows_results_prints_drafts_and_backs_up(
    siti: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with read_only_view(siti.parent, tmp_path / "CD-ROM") as view:
        database = view / siti.name
        assert run(database, "results") == 0
        captured = capsys.readouterr()
        assert "RSS-03" in captured.out and "read-only" in one_line(captured.err)
        out = tmp_path / "draf"
        assert run(database, "report", "--out", str(out), "--quiet") == 0
        assert "DRAFT" in capsys.readouterr().out
        assert len(list(out.glob("*.pdf"))) > 10
        assert run(database, "backup", str(tmp_path / "cadangan.sqlite3")) == 0
        capsys.readouterr()
        assert run(database, "lock", "--reason", "x") == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert "cannot be saved" in err[-1] and str(database) in err[-1]


def test_signed_documents_are_verified_against_a_read_only_database(
    siti: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    score_the_sheet_left_empty(siti, tmp_path)
    assert run(siti, "lock", "--reason", "pleno") == 0
    out = tmp_path / "final"
    assert run(siti, "report", "--out", str(out), "--quiet", "--documents", "minutes") == 0
    signed = sorted(out.glob("*.pdf"))
    with read_only_view(siti.parent, tmp_path / "CD-ROM") as view:
        capsys.readouterr()
        assert run(view / siti.name, "verify", *map(str, signed)) == 0
        assert "matches results version 1 in this database" in capsys.readouterr().out
        # signed documents are printed where the printing (and the sign-in) can be recorded
        assert run(view / siti.name, "report", "--out", str(tmp_path / "lagi")) == 2
        assert "open read-only" in capsys.readouterr().err
