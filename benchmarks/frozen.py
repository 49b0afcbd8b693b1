"""Size of the frozen one-folder build and its archive against a bare PySide6 window's."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import ROOT, Config, Row, median, seconds, verdict

TARGET = 1.3
START_TARGET = 1.5
START_SAMPLES_PER_RUN = 4
BARE = '''"""A bare PySide6 window, frozen the same way as the app for the size floor."""
import os
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

app = QApplication([])
window = QMainWindow()
view = QTableView(window)
view.setModel(QStandardItemModel(10, 5, view))
window.setCentralWidget(view)
window.show()


def shown_and_quit():
    print(f"juryapp: first window shown at {time.time():.3f}", flush=True)
    app.quit()


if os.environ.get("JURYAPP_EXIT_AFTER_SHOWN"):  # the same hook the app has, for cold starts
    QTimer.singleShot(0, shown_and_quit)
app.exec()
'''
SHOWN = re.compile(r"first window shown at ([0-9.]+)")


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


def _sizes(folder: int, archive: int) -> str:
    return f"{folder / 2**20:.0f} MB folder, {archive / 2**20:.0f} MB zip"


def _cold_start(executable: Path, args: list[str], home: Path) -> tuple[float, float]:
    """Seconds from launching a frozen program to its first window shown, and to its exit.

    Both programs print the wall-clock time at which their first window is shown (the event
    loop's first turn after ``show()``), then quit.
    """
    env = {
        "HOME": str(home),
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "JURYAPP_EXIT_AFTER_SHOWN": "1",
    }
    started = time.time()
    done = subprocess.run(
        [str(executable), *args], env=env, check=True, timeout=120,
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    exited = time.time() - started
    found = SHOWN.search(done.stdout)
    if found is None:
        raise RuntimeError(f"{executable.name} did not say when its first window was shown")
    return float(found.group(1)) - started, exited


def _start_row(config: Config, bare: Path, app: Path) -> Row:
    """Cold start of the frozen app on the demo against the frozen bare window, alternated."""
    home = config.work / "frozen" / "home"
    (home / ".config" / "juryapp").mkdir(parents=True, exist_ok=True)
    # The language was chosen before, so the first window is the main one, as on a second run.
    (home / ".config" / "juryapp" / "juryapp.ini").write_text("[ui]\nlanguage=id\n")
    demo = config.work / "demo.sqlite3"
    app_args = ["--db", str(demo)]
    _cold_start(bare / "bare", [], home)  # load both from disk once, like the other rows
    _cold_start(app / "juryapp-gui", app_args, home)
    floor, figure = [], []
    # A pair takes half a second, and single starts on this kind of machine fall in a fast and
    # a slow mode 50–80 ms apart: more pairs than the other rows' runs keep the medians steady.
    for _ in range(START_SAMPLES_PER_RUN * config.runs):
        floor.append(_cold_start(bare / "bare", [], home))
        figure.append(_cold_start(app / "juryapp-gui", app_args, home))
    shown = [run[0] for run in figure], [run[0] for run in floor]
    exited = [run[1] for run in figure], [run[1] for run in floor]
    ratio = median(shown[0]) / median(shown[1])
    exit_ratio = median(exited[0]) / median(exited[1])
    return Row(
        what="Cold start of the frozen app to its first window, demo database",
        figure=seconds(median(shown[0])),
        floor=f"{seconds(median(shown[1]))} (bare window frozen the same way)",
        ratio=f"{ratio:.2f}×",
        target=f"≤ {START_TARGET}× the floor",
        verdict=verdict(ratio <= START_TARGET),
        details={
            "app_seconds": shown[0],
            "bare_seconds": shown[1],
            "app_exit_seconds": exited[0],
            "bare_exit_seconds": exited[1],
        },
        notes=f"median of {len(figure)} alternated starts each; process launch to the first "
        "window shown, files in the page cache; to the "
        f"exit right after it: {seconds(median(exited[0]))} against "
        f"{seconds(median(exited[1]))}, {exit_ratio:.2f}×",
    )


def measure(config: Config) -> list[Row]:
    what = "Frozen one-folder build size and archive size"
    target = f"≤ {TARGET}× the floor"
    if config.skip_frozen:
        return [Row(what=what, figure="not measured (--skip-frozen)", target=target,
                    verdict="SKIP")]  # fmt: skip
    spec = ROOT / "juryapp.spec"
    work = config.work / "frozen"
    shutil.rmtree(work, ignore_errors=True)
    (work / "bare").mkdir(parents=True)
    try:
        import PyInstaller  # noqa: F401, PLC0415
    except ImportError:
        return [Row(what=what, figure="not measured: PyInstaller is not installed",
                    target=target, verdict="SKIP")]  # fmt: skip
    if not spec.is_file():
        return [Row(what=what, figure="not measured: juryapp.spec is missing", target=target,
                    verdict="SKIP")]  # fmt: skip
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
        return [Row(what=what, figure=f"not measured: {exc}", target=target, verdict="MISS",
                    notes="the build itself failed")]  # fmt: skip
    bare, app = _built(work / "bare" / "dist"), _built(work / "app" / "dist")
    sizes = {
        "app_folder": _folder_size(app),
        "bare_folder": _folder_size(bare),
        "app_archive": _archive_size(app, work),
        "bare_archive": _archive_size(bare, work),
    }
    folder_ratio = sizes["app_folder"] / sizes["bare_folder"]
    start = _start_row(config, bare, app)
    archive_ratio = sizes["app_archive"] / sizes["bare_archive"]
    return [
        Row(
            what=what,
            figure=_sizes(sizes["app_folder"], sizes["app_archive"]),
            floor=_sizes(sizes["bare_folder"], sizes["bare_archive"]),
            ratio=f"{folder_ratio:.2f}× / {archive_ratio:.2f}×",
            target=target,
            verdict=verdict(folder_ratio <= TARGET and archive_ratio <= TARGET),
            details=sizes,
        ),
        start,
    ]
