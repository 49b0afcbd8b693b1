"""Fixtures for the secretariat screens: a fresh demo database and two secretariat users."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from juryapp.bootstrap import Services
from juryapp.domain.access import Actor
from juryapp.gui.secretariat import SecretariatWindow
from juryapp.services.demo import DemoInfo


@dataclass(frozen=True)
class Demo:
    services: Services
    info: DemoInfo
    sek1: Actor
    sek2: Actor


@pytest.fixture
def demo(demo_db: Path, demo_info: DemoInfo, services_for: Callable[[Path], Services]) -> Demo:
    """A fresh copy of the demo (from the shared conftest) and both secretariat users."""
    services = services_for(demo_db)
    return Demo(
        services,
        demo_info,
        services.accounts.sign_in("sekretariat", "jakbar2024"),
        services.accounts.sign_in("sekretariat2", "jakbar2024b"),
    )


@pytest.fixture
def window(qtbot: QtBot, demo: Demo) -> SecretariatWindow:
    widget = SecretariatWindow(demo.services, demo.sek1)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    return widget


@pytest.fixture
def window2(qtbot: QtBot, demo: Demo) -> SecretariatWindow:
    """The second secretariat user's window on the same database."""
    widget = SecretariatWindow(demo.services, demo.sek2)
    qtbot.addWidget(widget)
    return widget
