"""The judge's "received up to #N" indicator and the secretariat's "received from" screen."""

# The fixtures are imported from secretariat_fixtures, so their names reappear as arguments.
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from juryapp.bootstrap import Services
from juryapp.domain.access import Actor
from juryapp.gui.judge.judge_area import JudgeArea
from juryapp.gui.secretariat import SecretariatWindow
from juryapp.gui.secretariat.received_page import ReceivedPage
from juryapp.lan.server import HubServer
from juryapp.lan.tls import hub_certificate
from juryapp.services.demo import DEMO_PASSPHRASE
from tests.gui.conftest import settle
from tests.gui.secretariat_fixtures import Demo, demo, window

__all__ = ["demo", "window"]

TEAM = "RSS-04"  # the demo leaves the first judge's sheet of the last team empty
PIN = "1111"


def laptop_for(
    demo: Demo, path: Path, services_for: Callable[[Path], Services]
) -> tuple[Services, Actor]:
    key = demo.services.keys.unlock(demo.sek1, DEMO_PASSPHRASE)
    package = demo.services.hub.export_package(demo.sek1, key)
    laptop = services_for(path)
    laptop.laptop.import_package(package, "paket.jurypkg")
    judge = laptop.accounts.sign_in("j1", PIN)
    laptop.judge_keys.after_sign_in(judge, PIN)
    return laptop, judge


def test_the_judge_sees_what_the_secretariat_has_received(
    qtbot: QtBot, demo: Demo, tmp_path: Path, services_for: Callable[[Path], Services],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    laptop, judge = laptop_for(demo, tmp_path / "laptop.sqlite3", services_for)
    area = JudgeArea(laptop, judge)
    qtbot.addWidget(area)
    settle(qtbot, laptop)
    bar = area.log_status
    assert bar is not None
    assert bar.received.text() == "Not yet received by the secretariat"
    key = laptop.judge_keys.own(judge)
    assert key is not None and key.fingerprint in bar.key.text()

    laptop.scoring.set_score(judge, "J1", TEAM, "K1", Decimal(4))
    laptop.scoring.set_score(judge, "J1", TEAM, "K2", Decimal(3))
    area.refresh()
    settle(qtbot, laptop)
    assert bar.waiting.text() == f"Not received yet: #1–#2, teams {TEAM}"

    bundle = laptop.laptop.export_scores(judge, "J1").data
    parsed = demo.services.hub.read(bundle, "b")
    demo.services.judge_keys.enrol(demo.sek1, "J1", parsed.public_key, parsed.fingerprint)
    hub_key = demo.services.keys.unlock(demo.sek1, DEMO_PASSPHRASE)
    receipt = demo.services.hub.merge(demo.sek1, bundle, "b", hub_key).receipt
    assert receipt is not None
    receipt_file = tmp_path / "nilai-J1.jurylog.receipt"
    receipt_file.write_bytes(receipt)
    monkeypatch.setattr(
        "juryapp.gui.judge.log_status.QFileDialog.getOpenFileName",
        lambda *args, **kwargs: (str(receipt_file), ""),
    )
    with qtbot.waitSignal(bar.receipt_read):
        bar.receipt_button.click()
    settle(qtbot, laptop)
    assert bar.received.text() == "Received by the secretariat up to #2 ✓"
    assert bar.waiting.text() == "Everything you scored has been received."

    laptop.scoring.set_score(judge, "J1", TEAM, "K3", Decimal(5))
    area.sheet.saved.emit()  # the sheet's own signal after a save refreshes the indicator
    settle(qtbot, laptop)
    assert bar.received.text() == "Received by the secretariat up to #2"
    assert bar.waiting.text() == f"Not received yet: #3–#3, teams {TEAM}"


def test_no_indicator_where_judges_share_the_secretariats_database(
    qtbot: QtBot, demo: Demo
) -> None:
    judge = demo.services.accounts.sign_in("j1", PIN)
    area = JudgeArea(demo.services, judge)
    qtbot.addWidget(area)
    assert area.log_status is None


def test_the_secretariat_imports_bundles_and_settles_a_fork(
    qtbot: QtBot, qtmodeltester: object, demo: Demo, window: SecretariatWindow,
    tmp_path: Path, services_for: Callable[[Path], Services], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    laptop_path = tmp_path / "laptop.sqlite3"
    laptop, judge = laptop_for(demo, laptop_path, services_for)
    laptop.scoring.set_score(judge, "J1", TEAM, "K1", Decimal(4))
    copy = tmp_path / "salinan.sqlite3"
    with closing(sqlite3.connect(laptop_path)) as src, closing(sqlite3.connect(copy)) as dst:
        src.backup(dst)
    laptop.scoring.set_score(judge, "J1", TEAM, "K2", Decimal(4))
    original = tmp_path / "nilai-J1.jurylog"
    original.write_bytes(laptop.laptop.export_scores(judge, "J1").data)
    restored = services_for(copy)
    again = restored.accounts.sign_in("j1", PIN)
    restored.judge_keys.after_sign_in(again, PIN)
    restored.scoring.set_score(again, "J1", TEAM, "K2", Decimal(2))
    forked = tmp_path / "nilai-J1-salinan.jurylog"
    forked.write_bytes(restored.laptop.export_scores(again, "J1").data)

    window.show_page(window.RECEIVED)
    page = window.page(window.RECEIVED)
    assert isinstance(page, ReceivedPage)
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    qtmodeltester.check(page.forks_model)  # type: ignore[attr-defined]
    shown: list[str] = []
    monkeypatch.setattr(
        "juryapp.gui.secretariat.received_page.ask_passphrase", lambda *a: DEMO_PASSPHRASE
    )
    monkeypatch.setattr(
        "juryapp.gui.secretariat.received_page.QFileDialog.getOpenFileNames",
        lambda *a, **k: ([str(original), str(forked)], ""),
    )
    monkeypatch.setattr(
        "juryapp.gui.secretariat.received_page.QMessageBox.question",
        lambda *a, **k: QMessageBox.StandardButton.Yes,
    )
    monkeypatch.setattr(
        "juryapp.gui.secretariat.received_page.QMessageBox.information",
        lambda parent, title, text: shown.append(text),
    )
    page.import_button.click()
    qtbot.waitUntil(lambda: bool(shown))
    settle(qtbot, demo.services)
    assert "nilai-J1.jurylog: judge J1, 2 new events, received up to #2" in shown[0]
    assert "FORK at #2" in shown[0]
    assert (original.parent / "nilai-J1.jurylog.receipt").exists()
    row = page.model.row_at(0)
    assert (row.judge_code, row.upto, row.open_forks) == ("J1", 2, 1)
    assert page.forks_model.rowCount() == 1
    assert page.take_button.isEnabled()

    page.forks.selectRow(0)
    monkeypatch.setattr(
        "juryapp.gui.secretariat.received_page.QInputDialog.getText",
        lambda *a, **k: ("laptop asli rusak", True),
    )
    page.take_button.click()
    settle(qtbot, demo.services)
    assert page.forks_model.index(0, 4).data().startswith("other branch taken by sekretariat")
    assert not page.take_button.isEnabled()
    view = demo.services.scoring.sheet(demo.sek1, "J1", TEAM)
    assert [line.value for line in view.lines[:2]] == [Decimal(4), Decimal(2)]


def test_on_the_lan_the_judge_sees_whether_the_laptop_is_connected(
    qtbot: QtBot, demo: Demo, tmp_path: Path, services_for: Callable[[Path], Services]
) -> None:
    certificate = hub_certificate(tmp_path / "tls")
    key = demo.services.keys.unlock(demo.sek1, DEMO_PASSPHRASE)
    server = HubServer(demo.services, demo.sek1, key, certificate, host="127.0.0.1", port=0)
    port = server.start()
    try:
        package = demo.services.hub.export_package(
            demo.sek1, key, hub_address=f"127.0.0.1:{port}", hub_certificate=certificate.sha256
        )
        laptop = services_for(tmp_path / "laptop.sqlite3")
        laptop.laptop.import_package(package, "paket.jurypkg")
        judge = laptop.accounts.sign_in("j1", PIN)
        own = laptop.judge_keys.after_sign_in(judge, PIN)
        assert own is not None
        demo.services.judge_keys.enrol(demo.sek1, "J1", own.public_key, own.fingerprint)
        area = JudgeArea(laptop, judge)
        qtbot.addWidget(area)
        settle(qtbot, laptop)  # the package's hub address is read off the GUI thread
        bar = area.log_status
        assert bar is not None and bar.pusher is not None
        laptop.scoring.set_score(judge, "J1", TEAM, "K1", Decimal(4))
        area.sheet.saved.emit()
        qtbot.waitUntil(lambda: bar.received.text() == "Received by the secretariat up to #1 ✓")
        assert bar.connection.text() == "Connected to the secretariat ✓"
    finally:
        server.stop()
    laptop.scoring.set_score(judge, "J1", TEAM, "K2", Decimal(3))
    area.sheet.saved.emit()
    qtbot.waitUntil(lambda: bar.connection.text().startswith("Not connected since"))
    assert bar.received.text() == "Received by the secretariat up to #1"
    bar.pusher.stop()


def test_the_secretariat_listens_on_the_lan_from_the_screen(
    qtbot: QtBot, demo: Demo, window: SecretariatWindow, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    # loopback only: the test listens and announces nowhere else
    monkeypatch.setattr("juryapp.gui.secretariat.received_page.LAN_PORT", 0)
    monkeypatch.setattr("juryapp.gui.secretariat.received_page.LAN_HOST", "127.0.0.1")
    monkeypatch.setattr("juryapp.lan.discovery.own_address", lambda: "127.0.0.1")
    monkeypatch.setattr("juryapp.lan.tls.default_folder", lambda: tmp_path / "tls")
    monkeypatch.setattr(
        "juryapp.gui.secretariat.received_page.ask_passphrase", lambda *a: DEMO_PASSPHRASE
    )
    window.show_page(window.RECEIVED)
    page = window.page(window.RECEIVED)
    assert isinstance(page, ReceivedPage)
    page.listen_button.click()
    settle(qtbot, demo.services)
    assert page.lan.text().startswith("Listening on ")
    assert hub_certificate(tmp_path / "tls").sha256 in page.lan.text()
    assert page.qr.pixmap() is not None and not page.qr.pixmap().isNull()
    page.listen_button.click()
    assert page.lan.text() == ""
