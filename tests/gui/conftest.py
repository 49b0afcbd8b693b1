"""Shared GUI fixtures: a fresh copy of the demo database per test and settings in tmp."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication

from juryapp.bootstrap import Services, bootstrap
from juryapp.domain import messages
from juryapp.gui.app_window import AppWindow
from juryapp.gui.launch import apply_language
from juryapp.gui.settings import AppSettings
from juryapp.services.demo import DemoInfo, load_demo

# The demo's second day: its last team (the sheet left to score) is "today".
DEMO_TODAY = date(2024, 9, 19)
# Long enough for the slowest work a test waits for (a signed print) on a busy machine.
SETTLE_MS = 60_000


def settle(qtbot: object, services: Services) -> None:
    """Wait until every service call the screens asked for is over and its result shown."""
    qtbot.waitUntil(services.runner.idle, timeout=SETTLE_MS)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class DemoTemplate:
    path: Path
    info: DemoInfo


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> DemoTemplate:
    """The demo loaded once; each test copies the file, which is much faster than reloading."""
    path = tmp_path_factory.mktemp("demo-template") / "demo.sqlite3"
    services = bootstrap(path)
    try:
        info = load_demo(services.database, services.setup, services.accounts, services.keys)
    finally:
        services.close()
    return DemoTemplate(path, info)


@pytest.fixture
def demo_db(tmp_path: Path, demo_template: DemoTemplate) -> Path:
    target = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template.path, target)
    return target


@pytest.fixture
def demo_info(demo_template: DemoTemplate) -> DemoInfo:
    return demo_template.info


@pytest.fixture
def services_for() -> Iterator[Callable[[Path], Services]]:
    """Opens services on a file and closes them all after the test."""
    opened: list[Services] = []

    def open_(path: Path) -> Services:
        services = bootstrap(path)
        opened.append(services)
        return services

    yield open_
    for services in opened:
        services.close()


@pytest.fixture(autouse=True)
def app_settings(tmp_path: Path) -> AppSettings:
    """Preferences in the test's folder, never the developer's."""
    folder = tmp_path / "settings"
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
    return AppSettings(folder / "juryapp.ini")


@pytest.fixture(autouse=True)
def known_languages(qapp: QApplication) -> Iterator[None]:
    """Every GUI test starts alike, whatever ran before it: the interface in English (no
    translator installed), domain messages in Indonesian; and leaves the same state behind."""
    locale = QLocale()
    apply_language(qapp, "en")
    messages.set_language("id")
    yield
    apply_language(qapp, "en")
    messages.set_language("id")
    QLocale.setDefault(locale)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """The interface and its messages in English."""
    apply_language(qapp, "en")
    yield
    messages.set_language("id")


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[None]:
    """The interface in Indonesian, as on first use; afterwards the state other tests expect."""
    domain_language = messages.current_language()
    locale = QLocale()
    apply_language(qapp, "id")
    yield
    apply_language(qapp, "en")  # removes every translator
    messages.set_language(domain_language)
    QLocale.setDefault(locale)


@pytest.fixture
def make_window(
    qtbot: object,
    qapp: QApplication,
    app_settings: AppSettings,
    indonesian: None,
    services_for: Callable[[Path], Services],
) -> Callable[[Path], AppWindow]:
    def make(path: Path) -> AppWindow:
        window = AppWindow(
            services_for(path),
            app_settings,
            database_path=path,
            switch_language=lambda lang: apply_language(qapp, lang),
            today=DEMO_TODAY,
        )
        qtbot.addWidget(window)  # type: ignore[attr-defined]
        window.show()
        qtbot.waitExposed(window)  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: window.loaded)  # type: ignore[attr-defined]  # after a paint
        settle(qtbot, window.services)
        window.activateWindow()
        return window

    return make
