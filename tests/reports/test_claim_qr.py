"""A claim drawn as the documents draw their QR codes reads back from a 150 dpi scan."""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import zlib
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from juryapp.domain.messages import FileProblemError
from juryapp.reports.claims import (
    MAX_CHARACTERS,
    PRINTED_SIDE_MM,
    DocumentClaim,
    read_claim,
    sign_claim,
)
from juryapp.reports.convention_key import ConventionKey, create_convention_key
from juryapp.reports.document_kinds import DocumentKind
from juryapp.reports.documents import render_certificate
from juryapp.reports.footer import _draw_qr
from juryapp.reports.qr_reader import read_qr_file, read_qr_image
from juryapp.reports.styles import QR_SIZE
from tests.reports.test_claims import LONG_NAMES
from tests.reports.test_documents import certificate, stamp

DPI = 150
PIXEL = 72 / DPI  # one pixel of the scan, in points
PLACEMENTS = [(i * PIXEL / 3, j * PIXEL / 3) for i in range(3) for j in range(3)]

needs_pdftoppm = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed"
)


@pytest.fixture(scope="module")
def key() -> ConventionKey:
    return create_convention_key("Konvensi Mutu Bidang Kesehatan Jakarta Barat 2024", "Sudinkes")


def claims(key: ConventionKey) -> list[str]:
    """A typical certificate's claim and the longest claim of every kind."""
    typical = DocumentClaim(
        DocumentKind.CERTIFICATE,
        "Konvensi Mutu Bidang Kesehatan Tingkat Kota Administrasi Jakarta Barat 2024",
        "PKM-03", "Puskesmas Kecamatan Kalideres", "Puskesmas", rank=1, advances=True,
        score="87,50", results_version=2,
    )  # fmt: skip
    texts = [sign_claim(typical, key).text]
    for kind in DocumentKind:
        made = [
            sign_claim(
                DocumentClaim(
                    kind, name, name[:20], name, name, name, rank=2, shared_rank=True,
                    advances=True, score=score, results_version=65535,
                ),
                key,
            ).text
            for name in LONG_NAMES
            for score in ("", "100,00")
        ]  # fmt: skip
        texts.append(max(made, key=len))
    assert max(len(t) for t in texts) == MAX_CHARACTERS
    return texts


def codes_pdf(texts: list[str], side: float) -> bytes:
    """One small page per code and placement, each code drawn as the documents' footer does."""
    buffer = io.BytesIO()
    page = side + 20 * mm
    canvas = Canvas(buffer, pagesize=(page, page))
    for text in texts:
        for dx, dy in PLACEMENTS:
            canvas.saveState()
            canvas.translate(10 * mm + dx, 10 * mm + dy)
            canvas.scale(side / QR_SIZE, side / QR_SIZE)  # the code is drawn QR_SIZE wide
            _draw_qr(canvas, text, 0, 0)
            canvas.restoreState()
            canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def scanned(pdf: bytes, folder: Path) -> list[Path]:
    """Every page rendered at 150 dpi, as a flatbed scanner or a printer's driver would."""
    source = folder / "page.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-png", str(source), str(folder / "scan")], check=True
    )
    return sorted(folder.glob("scan-*.png"))


@needs_pdftoppm
def test_every_claim_reads_back_from_150_dpi_at_its_printed_size(
    key: ConventionKey, tmp_path: Path
) -> None:
    texts = claims(key)
    pages = scanned(codes_pdf(texts, PRINTED_SIDE_MM * mm), tmp_path)
    assert len(pages) == len(texts) * len(PLACEMENTS)
    expected = [text for text in texts for _ in PLACEMENTS]
    found = [read_qr_file(page) for page in pages]
    assert found == [[text] for text in expected]
    for text in texts:
        read_claim(text)  # and each reads as a genuine claim


def test_the_documents_draw_their_codes_at_the_size_claims_read_at() -> None:
    assert mm * PRINTED_SIDE_MM == QR_SIZE


@needs_pdftoppm
def test_a_claim_in_a_certificates_footer_reads_back_from_150_dpi(
    key: ConventionKey, tmp_path: Path
) -> None:
    text = claims(key)[0]
    pdf = render_certificate(certificate("PKM-03"), replace(stamp(), qr_payload=text))
    (page,) = scanned(pdf, tmp_path)
    assert read_qr_file(page) == [text]


@needs_pdftoppm
def test_a_photo_turned_sideways_and_saved_as_jpeg_still_reads(
    key: ConventionKey, tmp_path: Path
) -> None:
    text = claims(key)[0]
    page = scanned(codes_pdf([text], PRINTED_SIDE_MM * mm), tmp_path)[0]
    photo = io.BytesIO()
    with Image.open(page) as image:
        image.convert("RGB").rotate(90, expand=True).save(photo, "JPEG", quality=85)
    assert read_qr_image(photo.getvalue()) == [text]


def test_an_image_without_a_code_gives_nothing() -> None:
    blank = io.BytesIO()
    Image.new("L", (200, 200), 255).save(blank, "PNG")
    assert read_qr_image(blank.getvalue()) == []


@pytest.mark.parametrize(
    "data", [b"", b"not an image", b"\x89PNG\r\n\x1a\n" + b"\0" * 40], ids=["empty", "text", "png"]
)
def test_a_file_that_is_no_image_is_refused_naming_the_file(data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "kode.png"
    path.write_bytes(data)
    with pytest.raises(FileProblemError) as caught:
        read_qr_file(path)
    assert caught.value.file == "kode.png"
    assert "not an image that can be read" in caught.value.text.en


def test_a_huge_image_is_refused_before_it_is_decoded(tmp_path: Path) -> None:
    """A PNG whose header claims 20,000 × 20,000 pixels: refused from the header alone."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        checksum = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + checksum

    header = struct.pack(">IIBBBBB", 20_000, 20_000, 8, 0, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")
    path = tmp_path / "foto.png"
    path.write_bytes(png)
    with pytest.raises(FileProblemError) as caught:
        read_qr_file(path)
    assert "too large" in caught.value.text.en


def test_a_missing_file_is_refused_naming_it(tmp_path: Path) -> None:
    with pytest.raises(FileProblemError) as caught:
        read_qr_file(tmp_path / "tidak-ada.png")
    assert caught.value.file == "tidak-ada.png"
