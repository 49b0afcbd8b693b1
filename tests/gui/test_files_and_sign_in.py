"""Berkas, the start page's text, and sign-in details that once got in the way."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from juryapp.domain.messages import StateError, Text
from juryapp.domain.validation import SpecProblemsError
from juryapp.gui.app_window import AppWindow
from juryapp.gui.errors import build_error_box
from juryapp.gui.problems import describe_where, refusal_text
from juryapp.gui.settings import AppSettings
from tests.gui.conftest import settle

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)"),
]

MakeWindow = Callable[[Path], AppWindow]


def test_the_start_page_text_has_room_for_every_line(
    qtbot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window(tmp_path / "kosong.sqlite3")
    intro = window.start_page._intro
    qtbot.waitUntil(intro.isVisible)
    assert intro.height() >= intro.heightForWidth(intro.width())
    assert window.start_page.new_button.isDefault()


def test_signing_out_forgets_the_username_and_secret(
    qtbot, make_window: MakeWindow, demo_db: Path
) -> None:
    window = make_window(demo_db)
    page = window.sign_in_page
    page.show_secretariat()
    qtbot.keyClicks(page.username, "sekretariat")
    qtbot.keyClicks(page.passphrase, "jakbar2024")
    with qtbot.waitSignal(page.signed_in, timeout=30_000):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert window.actor is not None
    assert window.sign_out()
    settle(qtbot, window.services)
    assert page.username.text() == "" and page.passphrase.text() == ""
    qtbot.keyClicks(page.username, "sekretariat2")
    assert page.username.text() == "sekretariat2"  # not appended to the last name


def test_enter_creates_the_first_account(
    qtbot, make_window: MakeWindow, tmp_path: Path, services_for
) -> None:
    from juryapp.gui.start.start_page import FIRST_RUN_ACTOR  # noqa: PLC0415
    from juryapp.interchange.convention_file import read_convention_file  # noqa: PLC0415
    from juryapp.resources import resource  # noqa: PLC0415

    path = tmp_path / "baru.sqlite3"
    services_for(path).setup.create(
        FIRST_RUN_ACTOR, read_convention_file(resource("demo", "convention.toml"))
    )
    window = make_window(path)
    page = window.sign_in_page
    assert not page._first_box.isHidden()
    for field, text in (
        (page.first_username, "rina"),
        (page.first_name, "Rina Oktaviani"),
        (page.first_secret, "kata-sandi-rina"),
        (page.first_repeat, "kata-sandi-rina"),
    ):
        field.setFocus()
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    settle(qtbot, window.services)
    assert page._first_box.isHidden()
    assert page.username.text() == "rina"
    assert services_for(path).accounts.sign_in("rina", "kata-sandi-rina").is_secretariat


def test_opened_databases_become_the_recent_ones(
    qtbot, make_window: MakeWindow, demo_db: Path, tmp_path: Path, app_settings: AppSettings
) -> None:
    window = make_window(tmp_path / "kosong.sqlite3")
    with qtbot.waitSignal(window.routed, timeout=30_000):
        assert window.open_database(str(demo_db))
    assert window.stack.currentWidget() is window.sign_in_page
    recent = AppSettings(app_settings.file_path).recent_databases
    assert recent and recent[0] == demo_db.resolve()
    window.file_menu._fill_recent()
    names = [a.text() for a in window.file_menu.recent_menu.actions()]
    assert names[0] == demo_db.name


def test_the_complete_demo_opens_from_the_menu(
    qtbot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window(tmp_path / "kosong.sqlite3")
    window.file_menu.complete_demo_action.trigger()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.sign_in_page, timeout=20_000)
    services = window.services
    actor = services.accounts.sign_in("sekretariat", "jakbar2024")
    assert services.readiness.before_lock(actor).items == ()
    assert window.status_texts()[1].endswith("demo-lengkap.sqlite3")


def test_messages_read_as_sentences_and_name_places_in_words(qtbot, indonesian: None) -> None:
    assert refusal_text(StateError(Text("hasil sudah dikunci", "locked"))) == "Hasil sudah dikunci"
    problems = SpecProblemsError(
        [("conflicts[1].team", Text("tim 'X' tidak dikenal", "unknown team 'X'"))]
    )
    assert refusal_text(problems) == "Konflik kepentingan, baris 1, Tim: Tim 'X' tidak dikenal"
    assert describe_where("criteria[2].weight") == "Rubrik, baris 2, Bobot"
    box = build_error_box(None, problems)
    qtbot.addWidget(box)
    assert "conflicts[" not in box.text() and box.text()[0].isupper()
