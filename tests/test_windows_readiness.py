"""The app runs where the venue's laptops do (Windows): no POSIX-only call outside a branch
for the system it belongs to, and every path it writes may hold spaces and any letter."""

from __future__ import annotations

import ast
import multiprocessing
import os
from pathlib import Path

import pytest

from juryapp.cli.main import main
from tests.credentials import DEMO_SECRETARIAT

PACKAGE = Path(__file__).parents[1] / "juryapp"
POSIX_MODULES = {"fcntl", "pwd", "grp", "termios", "tty", "pty", "resource", "posix", "syslog"}
POSIX_CALLS = {
    "os": {
        "fork", "forkpty", "getuid", "geteuid", "getgid", "getegid", "setsid", "killpg",
        "major", "minor", "makedev", "statvfs", "fstatvfs", "chown", "lchown", "fchown",
        "sync", "O_DIRECTORY", "O_NOFOLLOW", "mkfifo", "getpgid", "uname", "getloadavg",
        "pipe2", "posix_fadvise", "posix_fallocate", "wait3", "wait4", "WNOHANG",
    },
    "signal": {"SIGKILL", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM", "alarm"},
}  # fmt: skip
# Each platform-split place, with the branch that keeps it off Windows.
ALLOWED = {
    ("persistence/instance_lock.py", "fcntl"): "imported under `if sys.platform == 'win32' … else`",
    ("persistence/placement.py", "os.major"): "in linux_storage, called only on Linux",
    ("persistence/placement.py", "os.minor"): "in linux_storage, called only on Linux",
}


def _uses(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names} & POSIX_MODULES
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.split(".")[0] in POSIX_MODULES:
                found.add(node.module.split(".")[0])
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.attr in POSIX_CALLS.get(node.value.id, ())
        ):
            found.add(f"{node.value.id}.{node.attr}")
    return found


def test_no_posix_only_call_outside_its_platform_branch() -> None:
    seen = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).as_posix()
        for name in _uses(ast.parse(path.read_text(encoding="utf-8"))):
            seen.add((module, name))
    assert seen - set(ALLOWED) == set(), "POSIX-only, add a branch for Windows (see ALLOWED)"
    assert set(ALLOWED) <= seen  # an entry nobody needs any longer is taken out


def test_the_suite_can_run_with_spawned_processes() -> None:
    """JURYAPP_START_METHOD=spawn runs the whole suite the way Windows and macOS start
    processes (tests/conftest.py sets it before anything else)."""
    wanted = os.environ.get("JURYAPP_START_METHOD")
    if wanted:
        assert multiprocessing.get_start_method() == wanted
    else:
        assert multiprocessing.get_start_method() in multiprocessing.get_all_start_methods()


def test_a_whole_convention_in_a_windows_users_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """C:\\Users\\Siti Nurhaliza\\… : spaces and letters beyond ASCII in every path."""
    home = tmp_path / "Users" / "Siti Nurhaliza" / "Dokumen" / "Konvensi Peñjaringan 2024"
    home.mkdir(parents=True)
    db = home / "konvensi jakarta barat.sqlite3"
    args = ["--db", str(db), "--lang", "en"]
    assert main([*args, "demo"]) == 0
    for name, value in DEMO_SECRETARIAT.items():  # every command as the demo's secretariat
        monkeypatch.setenv(name, value)
    scores = home / "nilai kertas ñ.csv"
    scores.write_text(
        "judge;team;criterion;score\n" + "".join(f"J1;RSS-04;K{i};4\n" for i in range(1, 9)),
        encoding="utf-8",
    )
    assert main([*args, "import-scores", str(scores)]) == 0
    assert main([*args, "lock", "--reason", "pleno juri"]) == 0
    out = home / "Dokumen Cetak Ä"
    assert main([*args, "report", "--out", str(out), "--quiet"]) == 0
    pdfs = sorted(out.glob("*.pdf"))
    assert len(pdfs) > 10
    assert main([*args, "verify", str(pdfs[0])]) == 0
    backup = home / "Cadangan Flashdisk" / "cadangan 1.sqlite3"
    backup.parent.mkdir()
    assert main([*args, "backup", str(backup)]) == 0
    assert main([*args, "restore", str(backup)]) == 0
    assert "Restored" in capsys.readouterr().out
    automatic = home / "konvensi jakarta barat-backups"
    assert {p.name.split("-e")[0].rsplit("-", 1)[-1] for p in automatic.iterdir()} >= {
        "import",
        "lock",
    }
