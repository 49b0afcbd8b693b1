"""The footer of every page, drawn once the page count is known, and its QR code."""

from __future__ import annotations

import functools
from collections import Counter
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from juryapp.domain.formatting import format_datetime
from juryapp.reports import fonts
from juryapp.reports.labels import label
from juryapp.reports.model import DocumentStamp
from juryapp.reports.speedups import drawn_once
from juryapp.reports.styles import FOOTER_HEIGHT, INK, MUTED, QR_SIZE, RULE, fit_size


def short_fingerprint(value: str) -> str:
    """The first 16 hex digits in groups of four: enough to compare two printouts by eye."""
    digits = "".join(ch for ch in value.rsplit(":", maxsplit=1)[-1] if ch.isalnum()).upper()[:16]
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


class Footer:
    """Printed time, results version, fingerprint, page x of y and, on finals, a QR code."""

    def __init__(self, stamp: DocumentStamp) -> None:
        lang = stamp.lang
        self.lang = lang
        when = format_datetime(stamp.printed_at, lang)
        self.line1 = " · ".join(
            [
                label("printed_on", lang, when=when),
                label("version", lang, version=stamp.results_version),
            ]
        )
        second = [label("fingerprint", lang, value=short_fingerprint(stamp.results_fingerprint))]
        if stamp.key_id:
            second.append(label("key", lang, value=stamp.key_id))
        if stamp.certificate_fingerprint:
            cert = short_fingerprint(stamp.certificate_fingerprint)
            second.append(label("certificate", lang, value=cert))
        if stamp.draft:
            second.insert(0, label("draft_note", lang))
        self.line2 = " · ".join(second)
        self.qr = None if stamp.draft else stamp.qr_payload
        self._form_ready = False

    def draw(self, canv: Canvas, page: int, pages: int) -> None:
        left, right, bottom = canv.jury_footer_box
        canv.saveState()
        top = bottom + FOOTER_HEIGHT - 3 * mm
        # the rule and the lines of text are the same under every one-page sheet of a run
        drawn_once(canv, ("footer rule", left, right, top), lambda: _rule(canv, left, right, top))
        text_right = right
        if self.qr:
            self._draw_qr(canv, right - QR_SIZE, bottom)
            text_right = right - QR_SIZE - 3 * mm
        drawn_once(
            canv,
            ("footer", self, left, text_right, top, canv.jury_numbered, page, pages),
            lambda: self._draw_text(canv, left, text_right, top, page, pages),
        )
        canv.restoreState()

    def _draw_text(
        self, canv: Canvas, left: float, text_right: float, top: float, page: int, pages: int
    ) -> None:
        canv.setFillColor(MUTED)
        number = label("page", self.lang, page=page, pages=pages) if canv.jury_numbered else ""
        number_width = stringWidth(number, fonts.SANS_BOLD, 7.5) + 4 * mm if number else 0
        room = text_right - left - number_width
        y = top - 4 * mm
        for text in (self.line1, self.line2):
            size = fit_size(text, fonts.SANS, 7, room, smallest=5)
            canv.setFont(fonts.SANS, size)
            canv.drawString(left, y, text)
            y -= 3.6 * mm
        if self.qr:
            canv.setFont(fonts.SANS, 6)
            canv.drawString(left, y, label("verify", self.lang))
        if number:
            canv.setFillColor(INK)
            canv.setFont(fonts.SANS_BOLD, 7.5)
            canv.drawRightString(text_right, top - 4 * mm, number)

    def _draw_qr(self, canv: Canvas, x: float, y: float) -> None:
        # one form XObject for the whole file: the code is the same on every page
        if not self._form_ready:
            assert self.qr is not None
            canv.beginForm("juryQR", 0, 0, QR_SIZE, QR_SIZE)
            operators = _QR_OPERATORS.get(self.qr)
            if operators is None:
                renderPDF.draw(_qr_drawing(self.qr), canv, 0, 0)
                if not canv._colorsUsed:  # plain RGB only: the stream stands on its own
                    _QR_OPERATORS[self.qr] = tuple(canv._code)
            else:
                # the form's drawing operators, as the first rendering of this code wrote them
                canv._code.extend(operators)
            canv.endForm()
            self._form_ready = True
        canv.saveState()
        canv.translate(x, y)
        canv.doForm("juryQR")
        canv.restoreState()


def _rule(canv: Canvas, left: float, right: float, y: float) -> None:
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.4)
    canv.line(left, y, right, y)


# The form stream of each QR code drawn so far (a print run has one payload): the widget's
# rectangles are turned into PDF operators once per process, not once per file.
_QR_OPERATORS: dict[str, tuple[str, ...]] = {}


@functools.lru_cache(maxsize=4)
def _qr_drawing(payload: str) -> Drawing:
    """The QR code of one payload as plain shapes, encoded once for every file of a print run.

    Encoding (and the widget's bounds, which encode it again) dominated the time of a small
    signed document; the modules drawn are the widget's own, so the code is unchanged.
    """
    widget = QrCodeWidget(payload, barLevel="M", barBorder=2)
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(
        QR_SIZE,
        QR_SIZE,
        transform=[QR_SIZE / (x1 - x0), 0, 0, QR_SIZE / (y1 - y0), 0, 0],
    )
    drawing.add(widget.draw())
    return drawing


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
