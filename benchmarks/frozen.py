"""Size of the frozen one-folder build and its archive against a bare PySide6 window's."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from benchmarks.common import ROOT, Config, Row, verdict

TARGET = 1.3
BARE = '''"""A bare PySide6 window, frozen the same way as the app for the size floor."""
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

app = QApplication([])
window = QMainWindow()
view = QTableView(window)
view.setModel(QStandardItemModel(10, 5, view))
window.setCentralWidget(view)
window.show()
app.exec()
'''


def _folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def _archive_size(folder: Path, into: Path) -> int:
    archive = shutil.make_archive(str(into / folder.name), "zip", folder.parent, folder.name)
    return Path(archive).stat().st_size


def _pyinstaller(args: list[str], cwd: Path, log: Path) -> None:
    with log.open("w", encoding="utf-8") as stream:
        done = subprocess.run(
            [sys.executable, "-m", "PyInstaller", "--noconfirm", *args],
            cwd=cwd, stdout=stream, stderr=subprocess.STDOUT, check=False, timeout=3600,
        )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"PyInstaller failed; see {log}")


def _built(dist: Path) -> Path:
    folders = [p for p in dist.iterdir() if p.is_dir() and not p.name.endswith(".app")]
    if not folders:
        raise RuntimeError(f"no one-folder build in {dist}")
    return max(folders, key=_folder_size)


def measure(config: Config) -> Row:
    what = "Frozen one-folder build size and archive size"
    target = f"≤ {TARGET}× the floor"
    if config.skip_frozen:
        return Row(what=what, figure="not measured (--skip-frozen)", target=target,
                   verdict="SKIP")  # fmt: skip
    spec = ROOT / "juryapp.spec"
    work = config.work / "frozen"
    shutil.rmtree(work, ignore_errors=True)
    (work / "bare").mkdir(parents=True)
    try:
        import PyInstaller  # noqa: F401, PLC0415
    except ImportError:
        return Row(what=what, figure="not measured: PyInstaller is not installed",
                   target=target, verdict="SKIP")  # fmt: skip
    if not spec.is_file():
        return Row(what=what, figure="not measured: juryapp.spec is missing", target=target,
                   verdict="SKIP")  # fmt: skip
    try:
        script = work / "bare" / "bare.py"
        script.write_text(BARE, encoding="utf-8")
        _pyinstaller(
            ["--onedir", "--windowed", "--name", "bare", "--specpath", str(work / "bare"),
             "--workpath", str(work / "bare" / "build"), "--distpath", str(work / "bare" / "dist"),
             str(script)],
            work / "bare", work / "bare.log",
        )  # fmt: skip
        _pyinstaller(
            [str(spec), "--workpath", str(work / "app" / "build"),
             "--distpath", str(work / "app" / "dist")],
            ROOT, work / "app.log",
        )  # fmt: skip
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        return Row(what=what, figure=f"not measured: {exc}", target=target, verdict="MISS",
                   notes="the build itself failed")  # fmt: skip
    bare, app = _built(work / "bare" / "dist"), _built(work / "app" / "dist")
    sizes = {
        "app_folder": _folder_size(app),
        "bare_folder": _folder_size(bare),
        "app_archive": _archive_size(app, work),
        "bare_archive": _archive_size(bare, work),
    }
    folder_ratio = sizes["app_folder"] / sizes["bare_folder"]
    archive_ratio = sizes["app_archive"] / sizes["bare_archive"]
    mb = 2**20
    return Row(
        what=what,
        figure=f"{sizes['app_folder'] / mb:.0f} MB folder, {sizes['app_archive'] / mb:.0f} MB zip",
        floor=f"{sizes['bare_folder'] / mb:.0f} MB folder, {sizes['bare_archive'] / mb:.0f} MB zip",
        ratio=f"{folder_ratio:.2f}× / {archive_ratio:.2f}×",
        target=target,
        verdict=verdict(folder_ratio <= TARGET and archive_ratio <= TARGET),
        details=sizes,
    )
