"""Judges' PIN slips: every judge's name, username and PIN on a slip, eight slips to a page."""

from __future__ import annotations

from datetime import datetime
from io import BytesIO

import pytest
from pypdf import PdfReader

from juryapp.reports.pin_slips import PinSlip, pin_slips_pdf

CONVENTION = "Konvensi Mutu Bidang Kesehatan Tingkat Kota Administrasi Jakarta Barat 2024"
PRINTED = datetime(2024, 9, 17, 8, 15)


def slips(count: int) -> list[PinSlip]:
    return [
        PinSlip(f"J{i}", f"dr. Juri Ke-{i}, M.Kes.", f"j{i}", f"{480213 + i}") for i in range(count)
    ]


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(BytesIO(pdf)).pages]


def test_each_slip_names_the_judge_and_shows_the_pin_in_two_groups() -> None:
    text = pages(pin_slips_pdf(CONVENTION, slips(3), printed_at=PRINTED))
    assert len(text) == 1
    for i in range(3):
        pin = f"{480213 + i}"
        assert f"dr. Juri Ke-{i}, M.Kes." in text[0]
        assert f"Juri J{i} · Nama pengguna: j{i}" in text[0]
        assert f"{pin[:3]} {pin[3:]}" in text[0]
    assert text[0].count("PIN JURI — RAHASIA") == 3
    assert "Dicetak Selasa, 17 September 2024 pukul 08.15" in text[0]


@pytest.mark.parametrize(("count", "expected"), [(1, 1), (8, 1), (9, 2), (17, 3)])
def test_eight_slips_fill_a_page(count: int, expected: int) -> None:
    assert len(pages(pin_slips_pdf(CONVENTION, slips(count), printed_at=PRINTED))) == expected


def test_slips_in_english() -> None:
    [text] = pages(pin_slips_pdf(CONVENTION, slips(1), lang="en", printed_at=PRINTED))
    assert "JUDGE'S PIN — CONFIDENTIAL" in text and "Username: j0" in text
    assert "Tuesday, 17 September 2024 at 08:15" in text


def test_the_same_slips_give_the_same_file() -> None:
    once = pin_slips_pdf(CONVENTION, slips(2), printed_at=PRINTED)
    assert once == pin_slips_pdf(CONVENTION, slips(2), printed_at=PRINTED)
