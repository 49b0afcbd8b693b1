"""Every screen follows a language switch, shortcuts never clash, the window keeps its width."""

# The fixtures are imported from secretariat_fixtures, so their names reappear as arguments.
# ruff: noqa: F811

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QWidget

from juryapp.domain import messages
from juryapp.gui import dialogs
from juryapp.gui.app_window import AppWindow
from juryapp.gui.launch import apply_language
from juryapp.gui.secretariat import SecretariatWindow
from juryapp.gui.wizard import ConventionWizard
from tests.gui.conftest import settle
from tests.gui.screen_texts import mnemonic_clashes, texts
from tests.gui.secretariat_fixtures import Demo, demo, window  # noqa: F401

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)"),
]

MakeWindow = Callable[[Path], AppWindow]


def switch(qtbot, qapp: QApplication, lang: str) -> None:
    apply_language(qapp, lang)
    qtbot.wait(10)  # LanguageChange is delivered through the event loop


def every_page(window: SecretariatWindow) -> None:
    """Build every screen of the secretariat and every tab of its set-up."""
    for index in range(window.stack.count()):
        window.show_page(index)
    for tab in range(window.setup.tabs.count()):
        window.setup.tabs.setCurrentIndex(tab)
    window.show_page(window.DASHBOARD)


def round_trip(qtbot, qapp: QApplication, root: QWidget, build: Callable[[], QWidget]) -> None:
    """Indonesian → English → Indonesian gives back every Indonesian text, and the English
    in between is what the same screen built in English shows."""
    indonesian = texts(root)
    switch(qtbot, qapp, "en")
    english = texts(root)
    switch(qtbot, qapp, "id")
    assert texts(root) == indonesian
    switch(qtbot, qapp, "en")
    fresh = build()
    qtbot.addWidget(fresh)
    assert texts(fresh) == english
    changed = sum(1 for a, b in zip(indonesian, english, strict=True) if a != b)
    assert changed > len(indonesian) // 3  # the switch really changed the words


def test_the_secretariat_screens_follow_every_switch(
    qtbot, qapp: QApplication, indonesian: None, demo: Demo
) -> None:
    def build() -> SecretariatWindow:
        built = SecretariatWindow(demo.services, demo.sek1)
        built.resize(1366, 768)
        every_page(built)
        settle(qtbot, demo.services)
        return built

    first = build()
    qtbot.addWidget(first)
    round_trip(qtbot, qapp, first, build)


def test_the_wizard_follows_every_switch(
    qtbot, qapp: QApplication, indonesian: None, tmp_path: Path, services_for
) -> None:
    services = services_for(tmp_path / "kosong.sqlite3")

    def build() -> ConventionWizard:
        return ConventionWizard(services)

    first = build()
    qtbot.addWidget(first)
    round_trip(qtbot, qapp, first, build)


def test_the_start_and_sign_in_pages_follow_every_switch(
    qtbot, qapp: QApplication, make_window: MakeWindow, tmp_path: Path, demo_db: Path
) -> None:
    empty = make_window(tmp_path / "kosong.sqlite3")
    round_trip(
        qtbot, qapp, empty.start_page, lambda: make_window(tmp_path / "b.sqlite3").start_page
    )
    switch(qtbot, qapp, "id")
    signed = make_window(demo_db)
    round_trip(qtbot, qapp, signed.sign_in_page, lambda: make_window(demo_db).sign_in_page)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_two_controls_on_a_screen_share_a_shortcut(
    qtbot, qapp: QApplication, lang: str, demo: Demo, make_window: MakeWindow, tmp_path: Path
) -> None:
    switch(qtbot, qapp, lang)
    main = make_window(tmp_path / "kosong.sqlite3")
    assert mnemonic_clashes(main) == {}, "start page"
    window = SecretariatWindow(demo.services, demo.sek1)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    for index in range(window.stack.count()):
        window.show_page(index)
        settle(qtbot, demo.services)
        if index == window.SETUP:
            for tab in range(window.setup.tabs.count()):
                window.setup.tabs.setCurrentIndex(tab)
                assert mnemonic_clashes(window) == {}, window.setup.tabs.tabText(tab)
            window.setup.tabs.setCurrentWidget(window.setup.rubric)
            window.setup.rubric.selected_tabs.setCurrentIndex(1)
        assert mnemonic_clashes(window) == {}, window.navigation.item(index).text()
    wizard = ConventionWizard(demo.services)
    qtbot.addWidget(wizard)
    wizard.show()
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        wizard.setStartId(page_id)
        wizard.restart()
        assert mnemonic_clashes(wizard) == {}, page.title()


def test_a_spin_box_shows_numbers_as_the_language_writes_them(
    qtbot, qapp: QApplication, indonesian: None, window: SecretariatWindow, demo: Demo
) -> None:
    window.show_page(window.SETUP)
    settle(qtbot, demo.services)
    outlier = window.setup.rubric.outlier
    assert outlier.text() == "15,0"
    switch(qtbot, qapp, "en")
    assert outlier.text() == "15.0"
    assert window.setup.days.index(0, 0).data() == "Wednesday, 18 September 2024"
    switch(qtbot, qapp, "id")
    assert outlier.text() == "15,0"
    assert window.setup.days.index(0, 0).data() == "Rabu, 18 September 2024"


def test_file_dialogs_are_in_indonesian(qtbot, indonesian: None) -> None:
    chooser = dialogs._file_dialog(None, "Pilih berkas", "", "PDF (*.pdf)")
    qtbot.addWidget(chooser)
    chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    chooser.show()
    shown = {label.text() for label in chooser.findChildren(QLabel)}
    assert {"&Nama berkas:", "&Jenis berkas:"} <= shown
    assert chooser.testOption(QFileDialog.Option.DontUseNativeDialog)


def test_the_main_window_keeps_its_width_on_every_screen(
    qtbot, make_window: MakeWindow, demo_db: Path
) -> None:
    main = make_window(demo_db)
    main.resize(1366, 740)
    with qtbot.waitSignal(main.routed, timeout=20_000):
        main.open_database(str(demo_db.parent / ("x" * 150) / ".." / demo_db.name))
    actor = main.services.accounts.sign_in("sekretariat", "jakbar2024")
    main.enter(actor)
    area = main.stack.currentWidget()
    assert isinstance(area, SecretariatWindow)
    for index in range(area.stack.count()):
        area.show_page(index)
        settle(qtbot, main.services)
        name = area.navigation.item(index).text()
        assert main.width() == 1366, name
        assert main.minimumSizeHint().width() <= 1366, name
        assert area.minimumSizeHint().width() <= 1366 - 20, name


def test_domain_messages_follow_too(qtbot, qapp: QApplication, indonesian: None) -> None:
    assert messages.current_language() == "id"
    switch(qtbot, qapp, "en")
    assert messages.current_language() == "en"
