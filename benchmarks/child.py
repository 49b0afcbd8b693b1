"""The GUI side of the benchmarks, run in a child process: start-up, memory and frames."""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path
from typing import Any


def peak_rss() -> int:
    """Peak resident memory of this process in bytes (VmHWM, else ru_maxrss)."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
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
    from juryapp.bootstrap import open_services  # noqa: PLC0415
    from juryapp.gui.app_window import AppWindow  # noqa: PLC0415
    from juryapp.gui.launch import apply_language  # noqa: PLC0415
    from juryapp.gui.settings import AppSettings  # noqa: PLC0415

    app = QApplication([])
    apply_language(app, "id")
    services = open_services(database)
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
    _settle(app, settle)
    result["peak_rss"] = peak_rss()
    window.close()
    services.close()
    return result


def frames(database: str, steps: int) -> dict[str, Any]:
    """Worst repaint of the dashboard's table while scrolling and sorting, in seconds."""
    from PySide6.QtCore import Qt  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from benchmarks.synthetic import credentials_of  # noqa: PLC0415
    from juryapp.bootstrap import open_services  # noqa: PLC0415
    from juryapp.gui.secretariat.dashboard import DashboardPage  # noqa: PLC0415

    app = QApplication([])
    services = open_services(database)
    page = DashboardPage(services, credentials_of(services)[0])
    page.resize(1280, 700)
    started = time.perf_counter()
    page.refresh()
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


def main(argv: list[str]) -> None:
    mode = argv[0]
    if mode == "bare":
        result = bare_window(float(argv[1]), float(argv[2]))
    elif mode == "app":
        result = app_window(float(argv[1]), argv[2], float(argv[3]), argv[4] == "secretariat")
    elif mode == "frames":
        result = frames(argv[1], int(argv[2]))
    else:
        raise SystemExit(f"unknown mode {mode}")
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
