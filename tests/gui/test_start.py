"""First run, the start page and sign-in, driven as a person would with qtbot."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from juryapp.domain.messages import current_language
from juryapp.gui.app_window import AppWindow
from juryapp.gui.judge.judge_area import JudgeArea
from juryapp.gui.launch import apply_language, language_was_chosen
from juryapp.gui.settings import AppSettings
from juryapp.gui.start.first_run import LanguageDialog
from juryapp.resources import resource
from tests.gui.conftest import settle

# A Qt warning fails the test; only the offscreen platform's own limits are let through.
pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)"),
]

MakeWindow = Callable[[Path], AppWindow]


def _type_pin(qtbot, window: AppWindow, username: str, pin: str) -> None:
    """Type a PIN and wait until it is checked (off the GUI thread)."""
    page = window.sign_in_page
    page.select_judge(username)
    page.pin.clear()
    qtbot.keyClicks(page.pin, pin)
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    settle(qtbot, window.services)


def test_language_dialog_previews_and_returns_the_choice(
    qtbot, qapp, app_settings, indonesian
) -> None:
    assert not language_was_chosen(app_settings)
    dialog = LanguageDialog("id")
    qtbot.addWidget(dialog)
    dialog.language_picked.connect(lambda lang: apply_language(qapp, lang))
    indonesian_title = dialog.windowTitle()
    with qtbot.waitSignal(dialog.language_picked) as picked:
        dialog.english.click()
    assert picked.args == ["en"]
    # Qt delivers LanguageChange through the event loop.
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Welcome to juryapp")
    assert indonesian_title != dialog.windowTitle()
    app_settings.language = dialog.language()
    app_settings.sync()
    assert language_was_chosen(app_settings)
    assert AppSettings(app_settings.file_path).language == "en"


def test_first_run_opens_the_demo_and_reaches_sign_in(
    qtbot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window(tmp_path / "empty.sqlite3")
    assert window.stack.currentWidget() is window.start_page
    with qtbot.waitSignal(window.routed, timeout=60_000):
        qtbot.mouseClick(window.start_page.demo_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.services)
    page = window.sign_in_page
    assert window.stack.currentWidget() is page
    assert page.demo_panel.isVisible()
    assert "j1 / 1111" in page.demo_text.text()
    assert "sekretariat / jakbar2024" in page.demo_text.text()
    assert page.judges.count() == 5
    assert "Jakarta Barat" in window.windowTitle()


def test_create_from_a_convention_file_then_first_secretariat_account(
    qtbot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window(tmp_path / "new.sqlite3")
    with qtbot.waitSignal(window.routed, timeout=20_000):
        window.start_page.create_from_file(resource("demo", "convention.toml"))
    settle(qtbot, window.services)
    page = window.sign_in_page
    assert window.stack.currentWidget() is page
    assert not page.demo_panel.isVisible()
    assert page.first_button.isVisible()
    qtbot.keyClicks(page.first_username, "admin")
    qtbot.keyClicks(page.first_name, "Rina")
    qtbot.keyClicks(page.first_secret, "rahasia-panjang")
    qtbot.keyClicks(page.first_repeat, "rahasia-panjang")
    qtbot.mouseClick(page.first_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.services)
    assert not page.first_button.isVisible()
    qtbot.keyClicks(page.passphrase, "rahasia-panjang")
    with qtbot.waitSignal(page.signed_in) as signed:
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert signed.args[0].is_secretariat


def test_judge_wrong_pin_is_refused_inline_then_right_pin_signs_in(
    qtbot, make_window: MakeWindow, demo_db: Path
) -> None:
    window = make_window(demo_db)
    page = window.sign_in_page
    assert window.stack.currentWidget() is page
    _type_pin(qtbot, window, "j1", "9999")
    assert window.stack.currentWidget() is page
    assert "salah" in page.error.text()  # Indonesian by default
    assert "#b00020" in page.error.styleSheet()
    assert page.pin.text() == ""
    with qtbot.waitSignal(page.signed_in):
        _type_pin(qtbot, window, "j1", "1111")
    assert isinstance(window.stack.currentWidget(), JudgeArea)
    assert window.actor is not None and window.actor.judge_code == "J1"
    assert "Wisnu" in window.status_texts()[0]


def test_pin_field_takes_digits_only(qtbot, make_window: MakeWindow, demo_db: Path) -> None:
    window = make_window(demo_db)
    qtbot.keyClicks(window.sign_in_page.pin, "12ab3")
    assert window.sign_in_page.pin.text() == "123"


def test_lockout_message_is_shown_and_survives_a_restart(
    qtbot, make_window: MakeWindow, demo_db: Path
) -> None:
    window = make_window(demo_db)
    for _ in range(5):
        _type_pin(qtbot, window, "j2", "0000")
    _type_pin(qtbot, window, "j2", "2222")
    assert "terkunci" in window.sign_in_page.error.text()
    window.close()
    again = make_window(demo_db)
    _type_pin(qtbot, again, "j2", "2222")
    assert "terkunci" in again.sign_in_page.error.text()
    assert again.actor is None


def test_secretariat_sign_in_and_sign_out(qtbot, make_window: MakeWindow, demo_db: Path) -> None:
    window = make_window(demo_db)
    page = window.sign_in_page
    qtbot.mouseClick(page.secretariat_mode, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.username, "sekretariat")
    qtbot.keyClicks(page.passphrase, "jakbar2024")
    with qtbot.waitSignal(page.signed_in):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert window.actor is not None and window.actor.is_secretariat
    assert window.stack.currentWidget() is not page
    window.sign_out_action.trigger()
    settle(qtbot, window.services)
    assert window.actor is None
    assert window.stack.currentWidget() is page


def test_judge_signs_out_with_the_keyboard(qtbot, make_window: MakeWindow, demo_db: Path) -> None:
    window = make_window(demo_db)
    _type_pin(qtbot, window, "j1", "1111")
    assert window.actor is not None
    area = window.judge_area
    assert area is not None
    qtbot.waitUntil(area.isVisible)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(area, Qt.Key.Key_L, modifiers)
    settle(qtbot, window.services)
    assert window.actor is None
    assert window.stack.currentWidget() is window.sign_in_page


def test_language_switch_relabels_the_open_window(
    qtbot, qapp: QApplication, make_window: MakeWindow, demo_db: Path, app_settings: AppSettings
) -> None:
    window = make_window(demo_db)
    page = window.sign_in_page
    before = (window.file_menu.title(), page.judge_button.text(), page.demo_panel.title())
    assert before[0] == "&Berkas"
    window.language_actions["en"].trigger()
    assert current_language() == "en"
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File")
    after = (window.file_menu.title(), page.judge_button.text(), page.demo_panel.title())
    assert after == ("&File", "Sign in as judge", "Demo accounts")
    assert "Judge: j1 / 1111" in page.demo_text.text()
    assert AppSettings(app_settings.file_path).language == "en"
    window.language_actions["id"].trigger()
    qtbot.waitUntil(lambda: window.file_menu.title() == before[0])
