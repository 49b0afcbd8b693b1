"""Colours, page measures and paragraph styles shared by every printed document."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from juryapp.reports import fonts

INK = colors.black
MUTED = colors.Color(0.35, 0.35, 0.35)
RULE = colors.Color(0.25, 0.25, 0.25)
HEAD_FILL = colors.Color(0.88, 0.88, 0.88)
SHADE = colors.Color(0.95, 0.95, 0.95)
NAVY = colors.Color(0.11, 0.2, 0.35)
GOLD = colors.Color(0.72, 0.56, 0.2)


@dataclass(frozen=True)
class Margins:
    left: float
    right: float
    top: float
    bottom: float


@dataclass(frozen=True)
class Padding:
    """A table cell's padding, in points: what a TableStyle sets and a direct drawing reads."""

    left: float
    right: float
    top: float
    bottom: float

    def commands(
        self, start: tuple[int, int] = (0, 0), stop: tuple[int, int] = (-1, -1)
    ) -> list[tuple[Any, ...]]:
        return [
            ("LEFTPADDING", start, stop, self.left),
            ("RIGHTPADDING", start, stop, self.right),
            ("TOPPADDING", start, stop, self.top),
            ("BOTTOMPADDING", start, stop, self.bottom),
        ]


GRID_PADDING = Padding(left=3, right=3, top=2.5, bottom=3)
GRID_RULE = 0.5
GRID_FONT_SIZE = 8.5
FIELD_PADDING = Padding(left=0, right=2, top=1, bottom=1)
SIGNATURE_PADDING = Padding(left=2, right=2, top=0, bottom=1)


# Indonesian official papers keep a wider left margin for binding (Tata Naskah Dinas)
PORTRAIT = Margins(left=25 * mm, right=18 * mm, top=10 * mm, bottom=8 * mm)
LANDSCAPE = Margins(left=15 * mm, right=15 * mm, top=10 * mm, bottom=8 * mm)
CERTIFICATE = Margins(left=28 * mm, right=28 * mm, top=18 * mm, bottom=14 * mm)
LETTERHEAD_HEIGHT = 28 * mm
RUNNING_HEIGHT = 10 * mm
FOOTER_HEIGHT = 17 * mm
# A document's QR code holds a signed claim of up to 300 characters: at 20 mm it reads back
# from a 150 dpi scan (reports/claims.py PRINTED_SIDE_MM, tested), at 15 mm it did not.
QR_SIZE = 20 * mm
# The code's bottom sits this far below the footer's, so that it ends at the footer's top.
QR_DROP = 3 * mm
SIGNATURE_HEIGHT = 15 * mm


# --- text styles and cells -----------------------------------------------------------------


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    body: ParagraphStyle
    text: ParagraphStyle
    small: ParagraphStyle
    small_center: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_right: ParagraphStyle
    head: ParagraphStyle
    dense: ParagraphStyle
    dense_center: ParagraphStyle
    dense_head: ParagraphStyle
    sign: ParagraphStyle


@functools.cache
def styles() -> Styles:
    """The paragraph styles of every document (the fonts are registered on first use)."""
    fonts.register_fonts()
    base = ParagraphStyle(
        "base",
        fontName=fonts.SANS,
        bulletFontName=fonts.SANS,
        fontSize=9.5,
        leading=12.5,
        textColor=INK,
    )

    def derive(name: str, **changes: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **changes)

    cell = derive("cell", fontSize=8.5, leading=10.5)
    dense = derive("dense", fontName=fonts.CONDENSED, fontSize=6.8, leading=8.2)
    return Styles(
        title=derive(
            "title", fontName=fonts.SANS_BOLD, fontSize=13.5, leading=17, alignment=TA_CENTER
        ),
        subtitle=derive("subtitle", fontSize=10, leading=13, alignment=TA_CENTER),
        # prose in the same family as the tables: one typeface per document
        body=derive("body", fontSize=10, leading=15, alignment=TA_JUSTIFY),
        text=base,
        small=derive("small", fontSize=7.8, leading=10, textColor=MUTED),
        small_center=derive("small_center", fontSize=7.2, leading=8.6, alignment=TA_CENTER),
        cell=cell,
        cell_center=ParagraphStyle("cell_center", parent=cell, alignment=TA_CENTER),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        head=ParagraphStyle(
            "head", parent=cell, fontName=fonts.SANS_BOLD, alignment=TA_CENTER, fontSize=8.2
        ),
        dense=dense,
        dense_center=ParagraphStyle("dense_center", parent=dense, alignment=TA_CENTER),
        dense_head=ParagraphStyle(
            "dense_head", parent=dense, fontName=fonts.CONDENSED_BOLD, alignment=TA_CENTER
        ),
        sign=derive("sign", fontSize=9.5, leading=12.5, alignment=TA_CENTER),
    )


# --- fitting text on one line -----------------------------------------------------------


def fit_size(text: str, font: str, size: float, width: float, smallest: float = 6.5) -> float:
    """The largest font size up to ``size`` at which ``text`` fits on one line of ``width``."""
    natural = float(stringWidth(text, font, size))
    if natural <= width:
        return size
    return max(smallest, size * width / natural)


def shortened(text: str, font: str, size: float, width: float) -> tuple[str, float]:
    """``text`` at a size that fits ``width`` on one line, cut at a word with "…" if it must be.

    The two halves of a running header share one line: neither may run into the other.
    """
    size = fit_size(text, font, size, width)
    if stringWidth(text, font, size) <= width + 0.01:  # a size fitted exactly may round over
        return text, size
    words = text.split()
    while len(words) > 1 and stringWidth(" ".join(words) + " …", font, size) > width:
        words.pop()
    shortened = " ".join(words).rstrip(" ,.;:—-") + " …"
    while len(shortened) > 1 and stringWidth(shortened, font, size) > width:
        shortened = shortened[:-2] + "…"  # a single word too long for the line
    return shortened, size
