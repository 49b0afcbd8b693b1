"""Rules every printed page keeps: signatures never alone, fonts embedded, one family, QR codes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from juryapp.reports import footer
from juryapp.reports.documents import render_minutes
from tests.documents.conftest import Printed, TieConvention, pdf_lines
from tests.reports.test_documents import minutes, stamp

# A line that opens a signature block: the place and date, the jury's heading, the signature
# table's head, "Mengetahui," or a signer's title
SIGNATURE_STARTS = re.compile(
    r"^(\S[^,]*, \d{1,2} \w+ \d{4}$|DEWAN JURI|THE JURY|Mengetahui,|Acknowledged by,"
    r"|No Nama Kedudukan Tanda Tangan|No Name Role Signature"
    r"|(Juri|Judge|Ketua Dewan Juri|Chair of the Jury|Yang menyatakan|Declared by),$)"
)
FORMS = ("blank", "declarations", "attendance")


def single_files(printed: Printed) -> Iterator[Path]:
    """Every file of a print run but the combined ones, which repeat their pages."""
    for written in printed.written:
        if not written.kind.startswith("all"):
            yield written.path


def prints(tie: TieConvention) -> list[Printed]:
    return [tie.final, tie.english, tie.f4, tie.draft]


def test_no_signature_block_starts_a_page(tie_convention: TieConvention) -> None:
    checked = 0
    for printed in (tie_convention.final, tie_convention.english, tie_convention.f4):
        for path in single_files(printed):
            for number, lines in enumerate(pdf_lines(path), start=1):
                # under the running header of a later page, or the letterhead of a first one
                body = lines[1:] if not lines[0].isupper() else lines
                body = [line for line in body if not line.startswith(("PEMERINTAH", "DINAS"))]
                signature = [i for i, line in enumerate(body) if SIGNATURE_STARTS.match(line)]
                if signature:
                    checked += 1
                    assert signature[0] > 0, f"{path.parent.name}/{path.name} page {number}"
    assert checked > 60


def test_the_rule_above_would_catch_a_page_of_signatures_alone() -> None:
    for line in ("Jakarta, 18 September 2025", "DEWAN JURI", "Mengetahui,", "Juri,"):
        assert SIGNATURE_STARTS.match(line)
    assert not SIGNATURE_STARTS.match("Hasil penilaian di atas adalah hasil versi 1")


def test_every_font_is_embedded_and_a_document_keeps_to_one_family(
    tie_convention: TieConvention,
) -> None:
    for printed in prints(tie_convention):
        for path in printed.folder.glob("*.pdf"):
            families = set()
            for font in _fonts(PdfReader(path)):
                name = str(font.get("/BaseFont", "")).split("+")[-1]
                assert "Helvetica" not in name, path.name
                descriptor = _descriptor(font)
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), (
                    path.name,
                    name,
                )
                families.add("DejaVuSerif" if name.startswith("DejaVuSerif") else name[:10])
            card = any(word in path.name for word in ("piagam", "certificate"))
            expected = {"DejaVuSerif"} if card else {"DejaVuSans"}
            assert families == expected, (path.name, families)


def test_results_documents_carry_a_qr_code_and_forms_none(tie_convention: TieConvention) -> None:
    for written in tie_convention.final.written:
        if written.kind.startswith("all"):
            continue
        pages = PdfReader(written.path).pages
        codes = [_qr_forms(page) for page in pages]
        if written.kind in FORMS:
            assert codes == [0] * len(pages), written.path.name
        else:
            assert all(codes), written.path.name


def test_a_document_can_carry_its_own_qr_text(monkeypatch: pytest.MonkeyPatch) -> None:
    drawn: list[str] = []
    modules = footer.qr_modules

    def recording(text: str) -> Any:
        drawn.append(text)
        return modules(text)

    monkeypatch.setattr(footer, "qr_modules", recording)
    footer._qr_path.cache_clear()  # each text's path is otherwise kept for the run
    render_minutes(minutes(), stamp())
    assert set(drawn) == {stamp().qr_payload}  # by default the run's payload
    drawn.clear()
    from dataclasses import replace  # noqa: PLC0415

    render_minutes(replace(minutes(), qr_text="juryapp:claim:minutes-001"), stamp())
    assert set(drawn) == {"juryapp:claim:minutes-001"}


def test_f4_prints_on_f4(tie_convention: TieConvention) -> None:
    for path in single_files(tie_convention.f4):
        for page in PdfReader(path).pages:
            sides = sorted((round(float(page.mediabox.width)), round(float(page.mediabox.height))))
            assert sides == [609, 935], path.name  # 215 × 330 mm


# --- helpers -------------------------------------------------------------------------------


def _fonts(reader: PdfReader) -> Iterator[DictionaryObject]:
    seen: set[int] = set()
    for page in reader.pages:
        yield from _fonts_in(page.get("/Resources"), seen)


def _fonts_in(resources: Any, seen: set[int]) -> Iterator[DictionaryObject]:
    if resources is None:
        return
    resources = resources.get_object()
    for reference in (resources.get("/Font") or {}).values():
        font = reference.get_object()
        if id(font) not in seen:
            seen.add(id(font))
            yield font
    for reference in (resources.get("/XObject") or {}).values():
        xobject = reference.get_object()
        if xobject.get("/Subtype") == "/Form":
            yield from _fonts_in(xobject.get("/Resources"), seen)


def _descriptor(font: DictionaryObject) -> DictionaryObject:
    if "/DescendantFonts" in font:
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    return descriptor.get_object() if descriptor is not None else DictionaryObject()


def _qr_forms(page: Any) -> int:
    objects = page["/Resources"].get("/XObject", {})
    return sum(1 for name in objects if "juryQR" in str(name))
