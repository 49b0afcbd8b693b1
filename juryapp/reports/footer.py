"""The footer of every page, drawn once the page count is known, and its QR code."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from reportlab.lib.rl_accel import fp_str
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from juryapp.domain.formatting import format_datetime
from juryapp.reports import fonts
from juryapp.reports.labels import label
from juryapp.reports.model import DocumentStamp
from juryapp.reports.speedups import drawn_once
from juryapp.reports.styles import FOOTER_HEIGHT, INK, MUTED, QR_DROP, QR_SIZE, RULE, fit_size

# A certificate has no footer text, only its QR code in the corner, inside the border and
# beside the signatures
CERTIFICATE_FOOT = 6 * mm
_CERTIFICATE_INSET = 16.5 * mm  # from the page's edges to the QR code: inside the border


def short_fingerprint(value: str) -> str:
    """The first 16 hex digits in groups of four: enough to compare two printouts by eye."""
    digits = "".join(ch for ch in value.rsplit(":", maxsplit=1)[-1] if ch.isalnum()).upper()[:16]
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


FootingStyle = Literal["results", "form", "certificate"]


@dataclass(frozen=True)
class Footing:
    """How the footer of one document's pages looks."""

    style: FootingStyle
    numbered: bool  # "Halaman x dari y"
    qr: str | None  # the QR code's text; no code when None


class Footer:
    """Printed time, results version, fingerprints, page x of y and, on finals, a QR code.

    A form (a blank score form, a declaration, an attendance list) holds no results: its
    footer says only when it was printed. A certificate carries its QR code alone.
    """

    def __init__(self, stamp: DocumentStamp, footings: Sequence[Footing]) -> None:
        lang = stamp.lang
        self.lang = lang
        self.footings = tuple(footings)
        printed = label("printed_on", lang, when=format_datetime(stamp.printed_at, lang))
        first = " · ".join([printed, label("version", lang, version=stamp.results_version)])
        second = [label("fingerprint", lang, value=short_fingerprint(stamp.results_fingerprint))]
        if stamp.key_fingerprint:
            second.append(label("key", lang, value=stamp.key_fingerprint))
        if stamp.draft:
            second.insert(0, label("draft_note", lang))
        self.results_lines = (first, " · ".join(second))
        self.form_lines = (printed,)

    def draw(self, canv: Canvas, page: int, pages: int) -> None:
        footing = self.footings[canv.jury_part]
        left, right, bottom = canv.jury_footer_box
        canv.saveState()
        if footing.style == "certificate":
            if footing.qr:
                width, _ = canv._pagesize
                x = width - _CERTIFICATE_INSET - QR_SIZE
                _draw_qr(canv, footing.qr, x, _CERTIFICATE_INSET)
            canv.restoreState()
            return
        top = bottom + FOOTER_HEIGHT - 3 * mm
        text_right = right
        if footing.qr:
            # the code stands clear of the rule and the text: a line across it spoils a scan
            _draw_qr(canv, footing.qr, right - QR_SIZE, bottom - QR_DROP)
            text_right = right - QR_SIZE - 3 * mm
        # the rule and the lines of text are the same under every one-page sheet of a run
        drawn_once(
            canv, ("footer rule", left, text_right, top), lambda: _rule(canv, left, text_right, top)
        )
        drawn_once(
            canv,
            ("footer", self, footing, left, text_right, top, page, pages),
            lambda: self._draw_text(canv, footing, left, text_right, top, page, pages),
        )
        canv.restoreState()

    def _draw_text(
        self,
        canv: Canvas,
        footing: Footing,
        left: float,
        text_right: float,
        top: float,
        page: int,
        pages: int,
    ) -> None:
        canv.setFillColor(MUTED)
        number = label("page", self.lang, page=page, pages=pages) if footing.numbered else ""
        number_width = stringWidth(number, fonts.SANS_BOLD, 7.5) + 4 * mm if number else 0
        room = text_right - left - number_width
        y = top - 4 * mm
        lines = self.form_lines if footing.style == "form" else self.results_lines
        for text in lines:
            size = fit_size(text, fonts.SANS, 7, room, smallest=5)
            canv.setFont(fonts.SANS, size)
            canv.drawString(left, y, text)
            y -= 3.6 * mm
        if footing.qr:
            canv.setFont(fonts.SANS, 6)
            canv.drawString(left, y, label("verify", self.lang))
        if number:
            canv.setFillColor(INK)
            canv.setFont(fonts.SANS_BOLD, 7.5)
            canv.drawRightString(text_right, top - 4 * mm, number)


def _draw_qr(canv: Canvas, text: str, x: float, y: float) -> None:
    """The QR code of ``text`` at (x, y): one form XObject per text and file, drawn anywhere."""
    forms: dict[str, str] = canv.__dict__.setdefault("_jury_qr_forms", {})
    name = forms.get(text)
    if name is None:
        name = forms[text] = f"juryQR{len(forms)}"
        canv.beginForm(name, 0, 0, QR_SIZE, QR_SIZE)
        canv.setFillColor(INK)
        canv._code.append(_qr_path(text))
        canv.endForm()
    canv.saveState()
    canv.translate(x, y)
    canv.doForm(name)
    canv.restoreState()


@functools.lru_cache(maxsize=64)
def _qr_path(payload: str) -> str:
    """The content-stream operators that fill the dark modules of ``payload``'s QR code.

    Written once a run for each payload, not once a file: as a path of seven hundred
    rectangles built anew, it cost a small document a few milliseconds.
    """
    rects = (f"{fp_str(*rect)} re" for rect in qr_modules(payload))
    return "\n".join((*rects, "f"))


def _rule(canv: Canvas, left: float, right: float, y: float) -> None:
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.4)
    canv.line(left, y, right, y)


QR_QUIET_MODULES = 2  # the light margin inside the drawn square, in modules


@functools.lru_cache(maxsize=64)
def qr_modules(payload: str) -> tuple[tuple[float, float, float, float], ...]:
    """The dark modules of ``payload``'s QR code (error level M), scaled to ``QR_SIZE``.

    Each row's runs of dark modules become one rectangle. zxing-cpp encodes a 300-character
    claim in about a millisecond, where ReportLab's QR widget took over a hundred: a print
    run with a claim on every document encodes hundreds of codes.
    """
    import zxingcpp  # noqa: PLC0415 - loaded with the first code, not with the reports

    matrix = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = memoryview(matrix.to_image(scale=1, add_quiet_zones=False))  # type: ignore[arg-type]
    rows, columns = image.shape or (0, 0)
    cells = columns + 2 * QR_QUIET_MODULES
    side = QR_SIZE / cells
    rects: list[tuple[float, float, float, float]] = []
    pixels = bytes(image)
    for row in range(rows):
        line = pixels[row * columns : (row + 1) * columns]
        y = (cells - QR_QUIET_MODULES - row - 1) * side  # PDF's y runs up, the image's down
        column = 0
        while column < columns:
            if line[column] != 0:  # a light module
                column += 1
                continue
            start = column
            while column < columns and line[column] == 0:
                column += 1
            rects.append(((start + QR_QUIET_MODULES) * side, y, (column - start) * side, side))
    return tuple(rects)


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds pages back until the end so each can say "Halaman x dari y" of its document."""

    def __init__(self, *args: Any, footer: Footer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._jury_painter = footer
        self._jury_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802  (ReportLab's name)
        self._jury_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        totals = Counter(state.get("jury_part", 0) for state in self._jury_pages)
        seen: Counter[int] = Counter()
        for state in self._jury_pages:
            self.__dict__.update(state)
            part = state.get("jury_part", 0)
            seen[part] += 1
            self._jury_painter.draw(self, seen[part], totals[part])
            super().showPage()
        super().save()
