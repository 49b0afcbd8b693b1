"""Accounts from the app: judges' PINs and slips, secretariat users, lockouts, own PINs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.modeltest import ModelTester
from sqlalchemy import update

from juryapp.bootstrap import Services
from juryapp.gui.app_window import AppWindow
from juryapp.gui.secretariat import SecretariatWindow
from juryapp.interchange.convention_file import read_convention_file
from juryapp.persistence.tables import UserRow
from juryapp.resources import resource
from juryapp.services import audit

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)"),
]

PASSPHRASE = "kata-sandi-rina"


@pytest.fixture
def fresh(tmp_path: Path, services_for: Callable[[Path], Services]) -> Services:
    """The demo's set-up with one secretariat account and no judge accounts."""
    services = services_for(tmp_path / "baru.sqlite3")
    rina = services.accounts.create_first("rina", PASSPHRASE)
    services.setup.create(rina, read_convention_file(resource("demo", "convention.toml")))
    return services


@pytest.fixture
def screen(qtbot, fresh: Services) -> Iterator[SecretariatWindow]:
    window = SecretariatWindow(fresh, fresh.accounts.sign_in("rina", PASSPHRASE))
    qtbot.addWidget(window)
    window.show_page(window.ACCOUNTS)
    yield window


def test_judges_get_accounts_with_pins_printed_as_slips(
    qtmodeltester: ModelTester, screen: SecretariatWindow, fresh: Services, tmp_path: Path
) -> None:
    page = screen.accounts
    assert [a.username for a in page.accounts()] == ["rina"]
    pins = page.create_judge_accounts()
    assert [p.judge_code for p in pins] == ["J1", "J2", "J3", "J4", "J5"]
    assert all(len(p.pin) == 6 for p in pins)
    assert len(page.accounts()) == 6
    dialog = page.pins_dialog
    assert dialog is not None
    qtmodeltester.check(dialog.model)
    qtmodeltester.check(page.model)
    assert dialog.model.index(0, 3).data() == pins[0].pin
    assert dialog.print_to(tmp_path / "slip.pdf")
    text = PdfReader(tmp_path / "slip.pdf").pages[0].extract_text()
    assert all(f"{p.pin[:3]} {p.pin[3:]}" in text for p in pins)
    assert fresh.accounts.sign_in("j3", pins[2].pin).judge_code == "J3"
    assert page.create_judge_accounts() == []
    assert "already" in page.notice.text()


def test_a_second_secretariat_account_and_its_refusals(
    screen: SecretariatWindow, fresh: Services
) -> None:
    page = screen.accounts
    with pytest.raises(Exception, match="8"):
        page.create_secretariat("bayu", "Bayu", "pendek")
    page.create_secretariat("bayu", "Bayu Prasetyo", "kata-sandi-bayu")
    assert fresh.accounts.sign_in("bayu", "kata-sandi-bayu").is_secretariat
    assert "bayu" in page.notice.text()


def test_a_new_pin_and_a_lifted_lockout_are_recorded(
    screen: SecretariatWindow, fresh: Services
) -> None:
    page = screen.accounts
    [old] = [p for p in page.create_judge_accounts() if p.judge_code == "J2"]
    with fresh.database.writing() as session:
        session.execute(
            update(UserRow)
            .where(UserRow.username == "j2")
            .values(locked_until=audit.now() + timedelta(minutes=5))
        )
    page.refresh()
    page.select("j2")
    assert page.unlock_button.isEnabled() and page.pin_button.isEnabled()
    assert page.model.index(page.view.currentIndex().row(), 4).data() == "locked after wrong tries"
    assert page.lift_lockout("j2")
    assert not page.unlock_button.isEnabled()
    assert fresh.accounts.sign_in("j2", old.pin).judge_code == "J2"
    new = page.new_pin("j2")
    assert new is not None and new.pin != old.pin
    assert fresh.accounts.sign_in("j2", new.pin).judge_code == "J2"
    page.select("rina")
    assert not page.pin_button.isEnabled()  # the secretariat has passphrases, not PINs


def test_a_judge_changes_their_own_pin(
    qtbot, make_window: Callable[[Path], AppWindow], demo_db: Path, services_for
) -> None:
    window = make_window(demo_db)
    window.enter(window.services.accounts.sign_in("j4", "4444"))
    area = window.judge_area
    assert area is not None
    assert area.queue.pin_button.text() == "Ganti PIN saya…"
    dialog = area.change_pin_dialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.current, "4444")
    qtbot.keyClicks(dialog.new, "123456")
    qtbot.keyClicks(dialog.repeat, "123456")
    dialog.ok.click()
    assert "tidak mudah ditebak" in dialog.error.text()  # refused, said inside the form
    assert dialog.result() != dialog.DialogCode.Accepted
    for field in (dialog.new, dialog.repeat):
        field.clear()
        qtbot.keyClicks(field, "582914")
    dialog.ok.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert services_for(demo_db).accounts.sign_in("j4", "582914").judge_code == "J4"
