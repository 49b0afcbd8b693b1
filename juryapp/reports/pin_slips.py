"""Judges' PIN slips: one small card per judge, eight to an A4 page, to cut out and hand over."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from juryapp.domain.formatting import format_datetime
from juryapp.domain.messages import Text
from juryapp.reports import fonts

COLUMNS, ROWS = 2, 4
MARGIN = 12 * mm
CUT = colors.Color(0.45, 0.45, 0.45)

TEXTS = {
    "title": Text("PIN JURI — RAHASIA", "JUDGE'S PIN — CONFIDENTIAL"),
    "judge": Text("Juri {code}", "Judge {code}"),
    "username": Text("Nama pengguna: {username}", "Username: {username}"),
    "pin": Text("PIN", "PIN"),
    "how": Text(
        "Di layar masuk pilih nama Anda, ketik PIN ini, lalu tekan Enter. Setelah masuk, "
        "PIN dapat diganti lewat tombol Ganti PIN. Jangan tunjukkan PIN kepada orang lain.",
        "On the sign-in screen pick your name, type this PIN and press Enter. Once signed in "
        "you can change it with the Change PIN button. Show it to nobody.",
    ),
    "printed": Text("Dicetak {when}", "Printed {when}"),
    "subject": Text("Slip PIN juri", "Judges' PIN slips"),
}


@dataclass(frozen=True)
class PinSlip:
    judge_code: str
    name: str
    username: str
    pin: str


def pin_slips_pdf(
    convention: str, slips: Sequence[PinSlip], *, lang: str = "id", printed_at: datetime
) -> bytes:
    """A PDF with one slip per judge, framed by dashed cutting lines."""
    fonts.register_fonts()
    out = BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=True)
    canvas.setTitle(f"{TEXTS['subject'].in_language(lang)} — {convention}")
    canvas.setAuthor("juryapp")
    width, height = A4
    slip_w = (width - 2 * MARGIN) / COLUMNS
    slip_h = (height - 2 * MARGIN) / ROWS
    per_page = COLUMNS * ROWS
    printed = TEXTS["printed"].in_language(lang).format(when=format_datetime(printed_at, lang))
    for start in range(0, len(slips), per_page):
        if start:
            canvas.showPage()
        for offset, slip in enumerate(slips[start : start + per_page]):
            column, row = offset % COLUMNS, offset // COLUMNS
            x = MARGIN + column * slip_w
            y = height - MARGIN - (row + 1) * slip_h
            _cut_lines(canvas, x, y, slip_w, slip_h)
            _slip(canvas, x, y, slip_w, slip_h, convention, slip, lang, printed)
    canvas.save()
    return out.getvalue()


def _cut_lines(canvas: Canvas, x: float, y: float, w: float, h: float) -> None:
    canvas.saveState()
    canvas.setStrokeColor(CUT)
    canvas.setLineWidth(0.5)
    canvas.setDash(3, 3)
    canvas.rect(x, y, w, h)
    canvas.restoreState()


def _slip(
    canvas: Canvas,
    x: float,
    y: float,
    w: float,
    h: float,
    convention: str,
    slip: PinSlip,
    lang: str,
    printed: str,
) -> None:
    pad = 5 * mm
    inner = w - 2 * pad
    top = y + h - pad

    def lines(text: str, font: str, size: float, at: float, limit: int = 2) -> float:
        canvas.setFont(font, size)
        for line in simpleSplit(text, font, size, inner)[:limit]:
            at -= size * 1.2
            canvas.drawString(x + pad, at, line)
        return at

    canvas.setFillColor(colors.Color(0.35, 0.35, 0.35))
    cursor = lines(convention, fonts.SANS, 7.5, top)
    canvas.setFillColor(colors.black)
    cursor = lines(TEXTS["title"].in_language(lang), fonts.SANS_BOLD, 9, cursor - 2)
    cursor = lines(slip.name, fonts.SANS_BOLD, 10.5, cursor - 3)
    code = TEXTS["judge"].in_language(lang).format(code=slip.judge_code)
    username = TEXTS["username"].in_language(lang).format(username=slip.username)
    cursor = lines(f"{code} · {username}", fonts.SANS, 9, cursor - 1, limit=1)
    # The PIN in large digits, in two groups of three: read once, typed without a slip.
    canvas.setFont(fonts.SANS, 8)
    canvas.drawString(x + pad, cursor - 24, TEXTS["pin"].in_language(lang))
    half = len(slip.pin) // 2
    grouped = f"{slip.pin[:half]} {slip.pin[half:]}" if len(slip.pin) >= 6 else slip.pin
    canvas.setFont(fonts.SANS_BOLD, 24)
    canvas.drawString(x + pad + 12 * mm, cursor - 30, grouped)
    cursor -= 36
    canvas.setFillColor(colors.Color(0.2, 0.2, 0.2))
    lines(TEXTS["how"].in_language(lang), fonts.SANS, 7, cursor - 2, limit=4)
    canvas.setFont(fonts.SANS, 6)
    canvas.drawRightString(x + w - pad, y + pad - 2, printed)
    canvas.setFillColor(colors.black)
