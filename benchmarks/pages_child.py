"""In the benchmark's child process: the secretariat's pages opened one after another."""

from __future__ import annotations

import time
from typing import Any

from benchmarks.child import _settle, _wait, peak_rss


def open_pages(database: str, rounds: int) -> dict[str, Any]:
    """Every gap between ticks of a 5 ms timer on the GUI thread while each page of the
    secretariat's window is opened (the first round builds it, later ones show it again), told
    that something changed, and each of its tabs shown, every step until its reads have
    arrived and it has settled; and the gaps of the same window left alone on the dashboard,
    as the floor."""
    from PySide6.QtCore import Qt, QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication, QTabWidget  # noqa: PLC0415

    from benchmarks.synthetic import credentials_of  # noqa: PLC0415
    from juryapp.bootstrap import bootstrap  # noqa: PLC0415
    from juryapp.gui.launch import share_the_interpreter_with_the_gui  # noqa: PLC0415
    from juryapp.gui.secretariat import SecretariatWindow  # noqa: PLC0415

    app = QApplication([])
    services = bootstrap(database, reads_apart=True)  # as the desktop app does
    window = SecretariatWindow(services, credentials_of(services)[0])
    window.resize(1366, 768)
    window.show()
    _wait(app, lambda: window.dashboard.model.rowCount() > 0 and services.runner.idle(), 300)
    share_the_interpreter_with_the_gui()  # as the app does once its first page is up
    _settle(app, 1.0)

    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(tick)

    def measured(action: Any) -> list[float]:
        gaps.clear()
        last[0] = time.perf_counter()
        action()
        _wait(app, services.runner.idle, 300)
        _settle(app, 0.5)
        return list(gaps)

    heartbeat.start()
    idle = measured(lambda: None)
    pages: list[dict[str, Any]] = []
    for round_ in range(rounds):
        for index in range(window.stack.count()):
            shown = measured(lambda index=index: window.show_page(index))
            page = window.page(index)
            refreshed = measured(getattr(page, "refresh", lambda: None))
            tabs: list[float] = []  # each tab of the page's tab bars shown, then the first again
            for bar in page.findChildren(QTabWidget):
                for tab in [*range(1, bar.count()), 0]:
                    tabs += measured(lambda bar=bar, tab=tab: bar.setCurrentIndex(tab))
            pages.append(
                {
                    "page": type(page).__name__,
                    "round": round_,
                    "shown": shown,
                    "refreshed": refreshed,
                    "tabs": tabs,
                }
            )
    heartbeat.stop()
    window.close()
    services.close()
    return {"idle": idle, "pages": pages, "peak_rss": peak_rss()}
