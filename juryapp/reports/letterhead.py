"""The organiser's letterhead (kop surat): logo, parent bodies, office, address and contacts."""

from __future__ import annotations

import functools
import zlib
from io import BytesIO

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from juryapp.domain.messages import StateError, Text
from juryapp.reports import fonts
from juryapp.reports.labels import label
from juryapp.reports.model import Header
from juryapp.reports.speedups import draw_image_once, drawn_once
from juryapp.reports.styles import INK, Margins, fit_size

LOGO_SIZE = 22 * mm
_LOGO_GAP = 3 * mm
_TOP_GAP = 4.2 * mm  # from the top margin to the first baseline
_RULE_GAP = 3.2 * mm  # from the last baseline to the double rule
_BELOW_RULE = 5 * mm  # from the rule to the document's first line
_LEADING = 1.28

# (font, size, room above) of each kind of line: the organiser, what the letter is from, is the
# largest, and the address stands a little apart from it
_PARENT = (fonts.SANS_BOLD, 11.0, 0.0)
_ORGANISER = (fonts.SANS_BOLD, 12.5, 0.5)
_ADDRESS = (fonts.SANS, 8.8, 2.5)
_CONTACT = (fonts.SANS, 8.3, 0.0)

Line = tuple[str, str, float, float]  # text, font, size, extra room above in points


def letterhead_lines(header: Header, lang: str) -> tuple[Line, ...]:
    """The lines of the letterhead, top to bottom; a field left empty leaves its line out."""
    lines: list[Line] = [(text.upper(), *_PARENT) for text in header.parent_body if text]
    if header.organiser:
        lines.append((header.organiser.upper(), *_ORGANISER))
    if header.address:
        lines.append((header.address, *_ADDRESS))
    contacts = [
        label(key, lang, value=value)
        for key, value in (
            ("telephone", header.telephone),
            ("email", header.email),
            ("website", header.website),
        )
        if value
    ]
    if contacts:
        lines.append(("   ".join(contacts), *_CONTACT))
    return tuple(lines)


@functools.lru_cache(maxsize=64)
def letterhead_height(header: Header, lang: str) -> float:
    """From the top margin to where the document's first line may start."""
    lines = letterhead_lines(header, lang)
    text = (
        _TOP_GAP + sum(size * _LEADING + above for _, _, size, above in lines[1:]) if lines else 0.0
    )
    drawn = max(text + _RULE_GAP, LOGO_SIZE + 2 * mm if header.logo is not None else 0.0)
    return float(max(drawn, 12 * mm) + _BELOW_RULE)


def draw_letterhead(
    canv: Canvas, header: Header, lang: str, margins: Margins, width: float, height: float
) -> None:
    left, right = margins.left, width - margins.right
    top = height - margins.top
    text_left, text_right = left, right
    if header.logo is not None:
        draw_logo(canv, header.logo, left, top - LOGO_SIZE - 1 * mm, LOGO_SIZE)
        # the lines are centred in the room right of the logo, where the longest of them, the
        # organiser's name, can keep its size
        text_left = left + LOGO_SIZE + _LOGO_GAP
    rule_y = height - margins.top - letterhead_height(header, lang) + _BELOW_RULE
    drawn_once(
        canv,
        (
            "letterhead",
            header.parent_body,
            header.organiser,
            header.address,
            header.telephone,
            header.email,
            header.website,
            lang,
            text_left,
            text_right,
            top,
            rule_y,
            left,
            right,
        ),
        lambda: _draw_text(canv, header, lang, (text_left, text_right), top, (left, right, rule_y)),
    )


def _draw_text(
    canv: Canvas,
    header: Header,
    lang: str,
    columns: tuple[float, float],
    top: float,
    rule: tuple[float, float, float],
) -> None:
    text_left, text_right = columns
    room = text_right - text_left
    centre = (text_left + text_right) / 2
    canv.saveState()
    canv.setFillColor(INK)
    y = top - _TOP_GAP
    for index, (text, font, size, above) in enumerate(letterhead_lines(header, lang)):
        if index:  # each line's own leading above it, as letterhead_height counts
            y -= size * _LEADING + above
        fitted = fit_size(text, font, size, room, smallest=6)
        canv.setFont(font, fitted)
        canv.drawCentredString(centre, y, text)
    left, right, rule_y = rule
    canv.setStrokeColor(INK)
    canv.setLineWidth(1.8)
    canv.line(left, rule_y + 1.6, right, rule_y + 1.6)
    canv.setLineWidth(0.6)
    canv.line(left, rule_y - 0.6, right, rule_y - 0.6)
    canv.restoreState()


def draw_logo(canv: Canvas, logo: bytes, x: float, y: float, size: float) -> None:
    """The logo in a square of ``size`` at (x, y), embedded once per file however often drawn."""
    name = f"juryLogo{_logo_id(logo)}"
    forms = canv.__dict__.setdefault("_jury_logo_forms", set())
    if name not in forms:
        reader = _reader(logo)
        image_w, image_h = reader.getSize()
        scale = min(size / image_w, size / image_h)
        w, h = image_w * scale, image_h * scale
        canv.beginForm(name, 0, 0, size, size)
        canv.translate((size - w) / 2, (size - h) / 2)
        draw_image_once(canv, f"juryLogoImage{_logo_id(logo)}", reader, (w, h))
        canv.endForm()
        forms.add(name)
    canv.saveState()
    canv.translate(x, y)
    canv.doForm(name)
    canv.restoreState()


@functools.lru_cache(maxsize=8)
def _logo_id(logo: bytes) -> int:
    return zlib.crc32(logo)


def check_logo(logo: bytes) -> None:
    """Refuse a logo that cannot be drawn, with a message that says where to change it."""
    _reader(logo)


@functools.lru_cache(maxsize=8)
def _reader(logo: bytes) -> ImageReader:
    """The decoded logo, once per process: every file of a print run draws the same image."""
    try:
        reader = ImageReader(BytesIO(logo))
        reader.getSize()
        reader.getRGBData()
    except Exception as exc:  # whatever the image library raises for a damaged image
        raise StateError(
            Text(
                "logo kop surat tidak dapat dibaca; pilih gambar lain di Pengaturan",
                "the letterhead logo cannot be read; choose another image in Set-up",
            )
        ) from exc
    return reader
