"""The document check in the File menu: anyone, signed in or not, gets a verdict in words."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import qrcode
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from juryapp.gui.app_window import AppWindow
from juryapp.gui.ops import Ops
from juryapp.gui.verify_dialog import VerifyDialog
from juryapp.reports.claims import DocumentClaim, sign_claim
from juryapp.reports.convention_key import ConventionKey, create_convention_key
from juryapp.reports.document_check import Standing
from juryapp.reports.document_kinds import DocumentKind
from juryapp.reports.fingerprint import fingerprint_of_certificate
from tests.reports.test_document_check import signed_certificate


@pytest.fixture(scope="module")
def key() -> ConventionKey:
    return create_convention_key("Konvensi Mutu Bidang Kesehatan Jakarta Barat 2024", "Sudinkes")


@pytest.fixture(scope="module")
def attacker() -> ConventionKey:
    return create_convention_key("Konvensi Mutu Bidang Kesehatan Jakarta Barat 2024", "Sudinkes")


def fingerprint(key: ConventionKey) -> str:
    return fingerprint_of_certificate(key.certificate_pem)


def claim_text(key: ConventionKey) -> str:
    claim = DocumentClaim(
        DocumentKind.CERTIFICATE, "KMBK Jakarta Barat 2024", "PKM-03",
        "Puskesmas Kecamatan Kalideres", "Puskesmas", rank=1, score="87,50", results_version=2,
    )  # fmt: skip
    return sign_claim(claim, key).text


@pytest.fixture
def dialog(qtbot: object, qapp: QApplication, indonesian: None) -> Iterator[VerifyDialog]:
    ops = Ops()  # checking a document needs no database: only somewhere to run
    made = VerifyDialog(ops)
    qtbot.addWidget(made)  # type: ignore[attr-defined]
    made.show()
    yield made
    ops.close()


def finish(qtbot: object, start: Callable[[], object]) -> None:
    task = start()
    assert task is not None
    qtbot.waitUntil(lambda: not task.is_running, timeout=20_000)  # type: ignore[attr-defined]


def test_the_file_menu_opens_the_check_without_signing_in(
    make_window: Callable[[Path], AppWindow], demo_db: Path
) -> None:
    window = make_window(demo_db)
    assert window.actor is None
    assert window.verify_action in window.file_menu.actions()
    assert window.verify_action.isEnabled()
    assert window.verify_action.text().replace("&", "") == "Periksa keaslian dokumen…"
    window.verify_action.trigger()
    opened = window.open_verify_dialog()  # the same dialog, brought to the front
    assert opened.isVisible() and opened.windowTitle() == "Periksa keaslian dokumen"
    assert window.findChildren(VerifyDialog) == [opened]


def test_a_pasted_code_with_the_right_key_is_valid_in_green(
    qtbot: object, dialog: VerifyDialog, key: ConventionKey
) -> None:
    dialog.key.setText(fingerprint(key).lower())
    dialog.code.setPlainText(claim_text(key) + "\n")
    assert dialog.check_code_button.isEnabled()
    qtbot.mouseClick(dialog.check_code_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    finish(qtbot, lambda: dialog.task)
    (view,) = dialog.results
    assert view.standing is Standing.GENUINE
    assert view.verdict.text() == "Kode QR — SAH: ditandatangani dengan kunci yang Anda masukkan"
    assert "#1b6e3a" in view.verdict.styleSheet()
    assert view.certifies.text().startswith(
        "Mengesahkan: Piagam Penghargaan: PKM-03 Puskesmas Kecamatan Kalideres, Juara I "
        "kategori Puskesmas, nilai 87,50"
    )
    assert view.fingerprint.text() == fingerprint(key)
    assert view.fingerprint.font().pointSize() >= 20


def test_a_code_signed_by_another_key_is_not_valid_in_red(
    qtbot: object, dialog: VerifyDialog, key: ConventionKey, attacker: ConventionKey
) -> None:
    dialog.key.setText(fingerprint(key))
    dialog.code.setPlainText(claim_text(attacker))
    finish(qtbot, dialog.check_code)
    (view,) = dialog.results
    assert view.standing is Standing.INVALID
    assert view.verdict.text() == "Kode QR — TIDAK SAH"
    assert "#a11b1b" in view.verdict.styleSheet()
    assert view.certifies.isHidden()  # the forger's words are not shown
    assert view.fingerprint.text() == fingerprint(attacker)
    assert (
        f"ditandatangani kunci {fingerprint(attacker)}, bukan kunci yang diharapkan "
        f"{fingerprint(key)}" in view.findings.text()
    )


def test_a_pdf_without_a_key_is_intact_and_asks_for_the_printed_fingerprint(
    qtbot: object, dialog: VerifyDialog, key: ConventionKey, tmp_path: Path
) -> None:
    pdf = tmp_path / "piagam.pdf"
    pdf.write_bytes(signed_certificate(key))
    finish(qtbot, lambda: dialog.check_pdf(pdf))
    (view,) = dialog.results
    assert view.standing is Standing.INTACT
    assert view.verdict.text().startswith("piagam.pdf — UTUH")
    assert view.fingerprint.text() == fingerprint(key)
    assert "Berita Acara" in view.findings.text()


def test_a_photo_of_a_code_is_read_and_checked(
    qtbot: object, dialog: VerifyDialog, key: ConventionKey, tmp_path: Path
) -> None:
    image = tmp_path / "foto.png"
    buffer = io.BytesIO()
    qrcode.make(claim_text(key), box_size=4).save(buffer)
    image.write_bytes(buffer.getvalue())
    dialog.key.setText(fingerprint(key))
    finish(qtbot, lambda: dialog.check_image(image))
    assert [view.standing for view in dialog.results] == [Standing.GENUINE]


def test_what_cannot_be_checked_is_said_where_the_verdict_goes(
    qtbot: object, dialog: VerifyDialog, tmp_path: Path
) -> None:
    dialog.key.setText("bukan sidik jari")
    assert dialog.check_pdf(tmp_path / "a.pdf") is None  # refused before any work starts
    (view,) = dialog.results
    assert view.standing is Standing.INVALID
    assert "bukan sidik jari kunci" in view.findings.text()

    dialog.key.clear()
    finish(qtbot, lambda: dialog.check_pdf(tmp_path / "hilang.pdf"))
    (view,) = dialog.results
    assert view.verdict.text() == "hilang.pdf — TIDAK SAH"
    assert view.findings.text()

    not_image = tmp_path / "catatan.png"
    not_image.write_text("bukan gambar")
    finish(qtbot, lambda: dialog.check_image(not_image))
    (view,) = dialog.results
    assert "bukan gambar yang dapat dibaca" in view.findings.text()
