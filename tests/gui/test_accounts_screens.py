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
from tests.gui.conftest import settle

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
    qtbot, qtmodeltester: ModelTester, screen: SecretariatWindow, fresh: Services, tmp_path: Path
) -> None:
    page = screen.accounts
    settle(qtbot, fresh)
    assert [a.username for a in page.accounts()] == ["rina"]
    with qtbot.waitSignal(page.pins_issued, timeout=30_000) as issued:
        page.create_judge_accounts()
    dialog = issued.args[0]
    assert dialog is page.pins_dialog
    pins = dialog.pins
    assert [p.judge_code for p in pins] == ["J1", "J2", "J3", "J4", "J5"]
    assert all(len(p.pin) == 6 for p in pins)
    settle(qtbot, fresh)  # the watcher saw the new accounts and the list followed
    assert len(page.accounts()) == 6
    qtmodeltester.check(dialog.model)
    qtmodeltester.check(page.model)
    assert dialog.model.index(0, 3).data() == pins[0].pin
    with qtbot.waitSignal(dialog.printed, timeout=30_000):
        dialog.print_to(tmp_path / "slip.pdf")
    text = PdfReader(tmp_path / "slip.pdf").pages[0].extract_text()
    assert all(f"{p.pin[:3]} {p.pin[3:]}" in text for p in pins)
    assert fresh.accounts.sign_in("j3", pins[2].pin).judge_code == "J3"
    page.create_judge_accounts()
    settle(qtbot, fresh)
    assert "already" in page.notice.text()


def test_a_second_secretariat_account_and_its_refusals(
    qtbot, screen: SecretariatWindow, fresh: Services
) -> None:
    page = screen.accounts
    dialog = page.secretariat_dialog()
    qtbot.addWidget(dialog)
    for field, text in (
        (dialog.username, "bayu"),
        (dialog.full_name, "Bayu Prasetyo"),
        (dialog.secret, "pendek"),
        (dialog.repeat, "pendek"),
    ):
        qtbot.keyClicks(field, text)
    dialog.ok.click()
    qtbot.waitUntil(lambda: "8" in dialog.error.text(), timeout=30_000)  # said in the form
    assert dialog.result() != dialog.DialogCode.Accepted
    for field in (dialog.secret, dialog.repeat):
        field.clear()
        qtbot.keyClicks(field, "kata-sandi-bayu")
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=30_000)
    assert fresh.accounts.sign_in("bayu", "kata-sandi-bayu").is_secretariat
    assert "bayu" in page.notice.text()


def test_a_new_pin_and_a_lifted_lockout_are_recorded(
    qtbot, screen: SecretariatWindow, fresh: Services
) -> None:
    page = screen.accounts
    with qtbot.waitSignal(page.pins_issued, timeout=30_000) as issued:
        page.create_judge_accounts()
    [old] = [p for p in issued.args[0].pins if p.judge_code == "J2"]
    with fresh.database.writing() as session:
        session.execute(
            update(UserRow)
            .where(UserRow.username == "j2")
            .values(locked_until=audit.now() + timedelta(minutes=5))
        )
    page.refresh()
    settle(qtbot, fresh)
    page.select("j2")
    assert page.unlock_button.isEnabled() and page.pin_button.isEnabled()
    assert page.model.index(page.view.currentIndex().row(), 4).data() == "locked after wrong tries"
    page.lift_lockout("j2")
    settle(qtbot, fresh)
    assert not page.unlock_button.isEnabled()
    assert fresh.accounts.sign_in("j2", old.pin).judge_code == "J2"
    with qtbot.waitSignal(page.pins_issued, timeout=30_000) as issued:
        page.new_pin("j2")
    [new] = issued.args[0].pins
    assert new.pin != old.pin
    assert fresh.accounts.sign_in("j2", new.pin).judge_code == "J2"
    settle(qtbot, fresh)
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
    qtbot.waitUntil(lambda: "tidak mudah ditebak" in dialog.error.text(), timeout=30_000)
    assert dialog.result() != dialog.DialogCode.Accepted  # refused, said inside the form
    for field in (dialog.new, dialog.repeat):
        field.clear()
        qtbot.keyClicks(field, "582914")
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=30_000)
    assert services_for(demo_db).accounts.sign_in("j4", "582914").judge_code == "J4"
