"""The GUI side of the benchmarks, run in a child process: start-up, memory and frames."""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path
from typing import Any


def peak_rss(pid: int | str | None = "self") -> int:
    """Peak resident memory of this process (or of process ``pid``; 0 for None) in bytes
    (VmHWM, else this process's ru_maxrss)."""
    if pid is None:
        return 0
    try:
        for line in Path(f"/proc/{pid}/status").read_text(encoding="utf-8").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        if pid != "self":
            return 0
    value = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return value if sys.platform == "darwin" else value * 1024


def _settle(app: Any, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)


def bare_window(launched: float, settle: float) -> dict[str, Any]:
    from PySide6.QtCore import QTimer  # noqa: PLC0415
    from PySide6.QtGui import QStandardItemModel  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView  # noqa: PLC0415

    app = QApplication([])
    window = QMainWindow()
    view = QTableView(window)
    view.setModel(QStandardItemModel(10, 5, view))
    window.setCentralWidget(view)
    window.resize(1280, 700)
    result: dict[str, Any] = {}

    def shown() -> None:
        result["shown"] = time.time() - launched
        app.quit()

    window.show()
    QTimer.singleShot(0, shown)
    app.exec()
    _settle(app, settle)
    window.close()
    result["peak_rss"] = peak_rss()
    return result


def app_window(launched: float, database: str, settle: float, secretariat: bool) -> dict[str, Any]:
    from PySide6.QtCore import QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from benchmarks.synthetic import credentials_of  # noqa: PLC0415
    from juryapp.bootstrap import bootstrap  # noqa: PLC0415
    from juryapp.gui.app_window import AppWindow  # noqa: PLC0415
    from juryapp.gui.launch import apply_language  # noqa: PLC0415
    from juryapp.gui.settings import AppSettings  # noqa: PLC0415

    app = QApplication([])
    apply_language(app, "id")
    services = bootstrap(database, reads_apart=True)  # as the desktop app does
    settings = AppSettings(Path(database).with_suffix(".ini"))
    window = AppWindow(services, settings, database_path=database, switch_language=lambda _l: None)
    result: dict[str, Any] = {}

    def shown() -> None:
        result["shown"] = time.time() - launched
        app.quit()

    window.show()
    QTimer.singleShot(0, shown)
    app.exec()
    if secretariat:
        started = time.perf_counter()
        window.enter(credentials_of(services)[0])
        app.processEvents()
        result["secretariat_seconds"] = time.perf_counter() - started
        _wait(app, services.runner.idle, 300)  # the matrix read and shown
    _settle(app, settle)
    result["peak_rss"] = peak_rss()
    result["second_peak_rss"] = peak_rss(services.reckoner.process_id())
    window.close()
    services.close()
    return result


def frames(database: str, steps: int) -> dict[str, Any]:
    """Worst repaint of the dashboard's table while scrolling and sorting, in seconds."""
    from PySide6.QtCore import Qt  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from benchmarks.synthetic import credentials_of  # noqa: PLC0415
    from juryapp.bootstrap import bootstrap  # noqa: PLC0415
    from juryapp.gui.secretariat.dashboard import DashboardPage  # noqa: PLC0415

    app = QApplication([])
    services = bootstrap(database, reads_apart=True)  # as the desktop app does
    page = DashboardPage(services.reckoner, services.runner, credentials_of(services)[0])
    page.resize(1280, 700)
    started = time.perf_counter()
    page.refresh()  # read and prepared off the GUI thread; shown when it arrives
    while page.model.rowCount() == 0:
        app.processEvents()
        time.sleep(0.005)
    load = time.perf_counter() - started
    view = page.view
    proxy = view.model()  # the dashboard sorts in its own model, as the person clicking does
    page.show()
    _settle(app, 0.3)

    scroll: list[float] = []
    bar = view.verticalScrollBar()
    top = bar.maximum()
    stride = max(1, top // steps)
    for value in [*range(0, top + 1, stride), *range(top, -1, -stride)]:
        started = time.perf_counter()
        bar.setValue(value)
        view.viewport().repaint()
        scroll.append(time.perf_counter() - started)
    for _ in range(steps // 4):  # small steps, as a mouse wheel makes them
        started = time.perf_counter()
        bar.setValue(bar.value() + 3)
        view.viewport().repaint()
        scroll.append(time.perf_counter() - started)

    sort: list[float] = []
    for column in (0, 1, min(5, proxy.columnCount() - 1), proxy.columnCount() - 1):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            started = time.perf_counter()
            view.sortByColumn(column, order)
            view.viewport().repaint()
            sort.append(time.perf_counter() - started)
    page.close()
    services.close()
    return {
        "load": load,
        "rows": proxy.rowCount(),
        "columns": proxy.columnCount(),
        "scroll": scroll,
        "sort": sort,
        "peak_rss": peak_rss(),
    }


def _wait(app: Any, until: Any, timeout: float) -> None:
    end = time.perf_counter() + timeout
    while not until():
        if time.perf_counter() > end:
            raise TimeoutError("the screen did not settle")
        app.processEvents()
        time.sleep(0.005)


def responsive(
    database: str, seconds: float, rate: float, open_teams: int, screen: str
) -> dict[str, Any]:
    """The secretariat's window on the progress matrix (``screen`` "dashboard") or the rankings
    ("results") while judges save (``rate`` > 0) or not.

    Returns every gap between ticks of a 5 ms timer on the GUI thread (a stall is a gap longer
    than the tick), and every repaint of a changed matrix cell with what it showed, to match
    with the judges' commits (the rankings: when each new reckoning was shown). The first two
    thirds of the time the person reads the screen; the last third they scroll and sort it.
    """
    import subprocess  # noqa: PLC0415

    from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from benchmarks.synthetic import credentials_of  # noqa: PLC0415
    from juryapp.bootstrap import bootstrap  # noqa: PLC0415
    from juryapp.gui.launch import share_the_interpreter_with_the_gui  # noqa: PLC0415
    from juryapp.gui.secretariat import SecretariatWindow  # noqa: PLC0415
    from juryapp.gui.secretariat.common import CODE_ROLE  # noqa: PLC0415
    from juryapp.gui.secretariat.progress_model import JUDGE_ROLE  # noqa: PLC0415

    app = QApplication([])
    services = bootstrap(database, reads_apart=True)  # as the desktop app does
    window = SecretariatWindow(services, credentials_of(services)[0])
    window.resize(1366, 768)
    window.show()
    page = window.dashboard
    _wait(app, lambda: page.model.rowCount() > 0 and services.runner.idle(), 300)
    view, model = page.view, page.model
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())  # the open teams
    reckoned: list[float] = []
    if screen == "results":
        window.show_page(window.RESULTS)
        _wait(app, lambda: window.results.ranking.rowCount() > 0 and services.runner.idle(), 300)
        view, model = window.results.ranking_view, window.results.ranking
        model.modelReset.connect(lambda: reckoned.append(time.time()))
    share_the_interpreter_with_the_gui()  # as the app does once its first page is up
    _settle(app, 1.0)

    changed: dict[tuple[int, int], str] = {}
    painted: list[list[Any]] = []

    def on_changed(first: Any, last: Any) -> None:
        if (first.row(), first.column()) == (last.row(), last.column()):
            changed[(first.row(), first.column())] = str(first.data())

    class PaintWatch(QObject):
        def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and changed:
                now = time.time()
                for (row, column), text in changed.items():
                    index = model.index(row, column)
                    painted.append([now, index.data(JUDGE_ROLE), index.data(CODE_ROLE), text])
                changed.clear()
            return False

    watch = PaintWatch()
    view.viewport().installEventFilter(watch)
    model.dataChanged.connect(on_changed)

    gaps: list[list[float]] = [[], []]  # reading, then scrolling and sorting
    phase = [0]
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps[phase[0]].append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(tick)

    judges = None
    if rate > 0:
        judges = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.judges", database, str(seconds), str(rate),
             str(open_teams)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert judges.stdin is not None and judges.stdout is not None
        if judges.stdout.readline().strip() != "ready":
            raise RuntimeError("the judges' laptops did not start")
        judges.stdin.write("go\n")
        judges.stdin.flush()

    bar, steps = view.verticalScrollBar(), [0]

    def interact() -> None:
        steps[0] += 1
        if steps[0] % 10 == 0:  # a sort a second, by another column then back
            column = 1 + (steps[0] // 10) % (model.columnCount() - 1)
            view.sortByColumn(column if steps[0] % 20 else 0, Qt.SortOrder.AscendingOrder)
        else:  # and the wheel in between
            bar.setValue(bar.value() + (30 if steps[0] % 4 < 2 else -30))
        if screen == "results" and steps[0] % 25 == 0:  # another category now and then
            combo = window.results.category
            combo.setCurrentIndex((combo.currentIndex() + 1) % combo.count())

    scrolled_from = [0.0]

    def second_phase() -> None:
        phase[0] = 1
        scrolled_from[0] = time.time()
        actions.start()

    actions = QTimer()
    actions.setInterval(100)
    actions.timeout.connect(interact)
    loop = QEventLoop()
    last[0] = time.perf_counter()
    heartbeat.start()
    QTimer.singleShot(int(seconds * 2 / 3 * 1000), second_phase)
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    heartbeat.stop()
    actions.stop()
    saves: list[list[Any]] = []
    if judges is not None:
        out, _ = judges.communicate(timeout=120)
        saves = json.loads(out.strip().splitlines()[-1])["saves"]
    window.close()
    services.close()
    return {
        "gaps": gaps,
        "painted": painted,
        "saves": saves,
        "scrolled_from": scrolled_from[0],
        "reckoned": reckoned,
        "peak_rss": peak_rss(),
    }


def main(argv: list[str]) -> None:
    mode = argv[0]
    if mode == "bare":
        result = bare_window(float(argv[1]), float(argv[2]))
    elif mode == "app":
        result = app_window(float(argv[1]), argv[2], float(argv[3]), argv[4] == "secretariat")
    elif mode == "frames":
        result = frames(argv[1], int(argv[2]))
    elif mode == "responsive":
        result = responsive(argv[1], float(argv[2]), float(argv[3]), int(argv[4]), argv[5])
    elif mode == "pages":
        from benchmarks.pages_child import open_pages  # noqa: PLC0415

        result = open_pages(argv[1], int(argv[2]))
    else:
        raise SystemExit(f"unknown mode {mode}")
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
