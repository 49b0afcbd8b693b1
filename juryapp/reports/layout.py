"""Pages: geometry, page templates, letterhead, running header, watermark and building a PDF."""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from typing import Literal

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
)

from juryapp.reports import fonts
from juryapp.reports.collection import collection_paused
from juryapp.reports.footer import (
    CERTIFICATE_FOOT,
    Footer,
    Footing,
    FootingStyle,
    NumberedCanvas,
)
from juryapp.reports.labels import label
from juryapp.reports.letterhead import check_logo, draw_letterhead, letterhead_height
from juryapp.reports.model import DocumentStamp, Header
from juryapp.reports.speedups import drawn_once
from juryapp.reports.styles import (
    CERTIFICATE,
    FOOTER_HEIGHT,
    GOLD,
    LANDSCAPE,
    MUTED,
    NAVY,
    PORTRAIT,
    RULE,
    RUNNING_HEIGHT,
    Margins,
    shortened,
)

Orientation = Literal["portrait", "landscape"]

PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "F4": (215 * mm, 330 * mm)}


@dataclass(frozen=True)
class Part:
    """One document inside a PDF: its flowables and how its pages are dressed."""

    header: Header
    flowables: tuple[Flowable, ...]
    running_title: str
    orientation: Orientation = "portrait"
    letterhead: bool = True  # the full letterhead on its first page
    numbered: bool = True  # "Halaman x dari y" in the footer
    certificate: bool = False  # decorative border instead of a letterhead, no footer text
    form: bool = False  # no results on it: no results stamp, QR code or DRAFT watermark
    qr_text: str | None = None  # its own QR text, instead of the print run's
    font: str = fonts.SANS  # the family every line of the document is set in


def page_size(stamp: DocumentStamp, orientation: Orientation) -> tuple[float, float]:
    size = PAGE_SIZES[stamp.paper]
    return landscape(size) if orientation == "landscape" else size


def margins_for(part: Part) -> Margins:
    if part.certificate:
        return CERTIFICATE
    return LANDSCAPE if part.orientation == "landscape" else PORTRAIT


def frame_width(stamp: DocumentStamp, orientation: Orientation, certificate: bool = False) -> float:
    width, _ = page_size(stamp, orientation)
    margins = (
        CERTIFICATE if certificate else (LANDSCAPE if orientation == "landscape" else PORTRAIT)
    )
    return width - margins.left - margins.right


def build_pdf(parts: Sequence[Part], stamp: DocumentStamp) -> bytes:
    """Lay out ``parts`` one after another, each starting on a new page, and return the PDF."""
    if not parts:
        raise ValueError("nothing to print: no documents were given")
    fonts.register_fonts()
    # binary streams, compressed as before: ASCII85 on top made files a quarter larger and,
    # without ReportLab's C accelerator, cost as much time as compressing them
    rl_config.useA85 = 0
    for logo in {part.header.logo for part in parts}:
        if logo is not None:
            check_logo(logo)  # before the build: ReportLab rewraps what its page hooks raise
    buffer = BytesIO()
    first = parts[0]
    doc = BaseDocTemplate(
        buffer,
        pagesize=page_size(stamp, first.orientation),
        pageCompression=1,
        title=first.running_title,
        author=first.header.organiser,
        subject=first.header.convention_name,
        creator="juryapp",
        lang="id-ID" if stamp.lang == "id" else "en",
        # the canvas starts every page in this font: ReportLab's default, Helvetica, would be
        # listed in the file as a font that is not embedded
        initialFontName=first.font,
    )
    templates: list[PageTemplate] = []
    story: list[Flowable] = []
    for index, part in enumerate(parts):
        templates += _templates(index, part, stamp)
        if index:
            story.append(PageBreak(nextTemplate=f"part{index}-first"))
        story += part.flowables
    doc.addPageTemplates(templates)
    footer = Footer(stamp, [_footing(part, stamp) for part in parts])
    with collection_paused():
        doc.build(story, canvasmaker=functools.partial(NumberedCanvas, footer=footer))
    return buffer.getvalue()


def _footing(part: Part, stamp: DocumentStamp) -> Footing:
    style: FootingStyle
    if part.certificate:
        style = "certificate"
    elif part.form:
        style = "form"
    else:
        style = "results"
    return Footing(
        style=style,
        numbered=part.numbered,
        qr=None if stamp.draft or part.form else (part.qr_text or stamp.qr_payload),
    )


def _templates(index: int, part: Part, stamp: DocumentStamp) -> list[PageTemplate]:
    size = page_size(stamp, part.orientation)
    margins = margins_for(part)
    width, height = size
    bottom = margins.bottom + (CERTIFICATE_FOOT if part.certificate else FOOTER_HEIGHT)
    result = []
    for first in (True, False):
        if part.certificate:
            top = margins.top
        elif first and part.letterhead:
            top = margins.top + letterhead_height(part.header, stamp.lang)
        else:
            top = margins.top + RUNNING_HEIGHT
        frame = Frame(
            margins.left,
            bottom,
            width - margins.left - margins.right,
            height - top - bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        name = f"part{index}-{'first' if first else 'later'}"
        result.append(
            PageTemplate(
                id=name,
                frames=[frame],
                pagesize=size,
                onPage=functools.partial(
                    _dress_page, part=part, index=index, first=first, stamp=stamp
                ),
                autoNextPageTemplate=f"part{index}-later",
            )
        )
    return result


def _dress_page(
    canv: Canvas, doc: BaseDocTemplate, *, part: Part, index: int, first: bool, stamp: DocumentStamp
) -> None:
    """Everything drawn before the content: the watermark stays behind tables and text."""
    margins = margins_for(part)
    width, height = canv._pagesize
    # the footer is painted when the page count is known; these travel with the page's state
    canv.jury_part = index
    canv.jury_footer_box = (margins.left, width - margins.right, margins.bottom)
    if part.certificate:
        _draw_border(canv, width, height)
    if stamp.draft and not part.form:
        face = fonts.SERIF_BOLD if part.certificate else fonts.SANS_BOLD  # the document's own
        _draw_watermark(canv, width, height, label("draft", stamp.lang), face)
    if part.certificate:
        return
    if first and part.letterhead:
        draw_letterhead(canv, part.header, stamp.lang, margins, width, height)
    else:
        drawn_once(
            canv,
            ("running", part.header.convention_name, part.running_title, margins, width, height),
            lambda: _draw_running_header(canv, part, margins, width, height),
        )


def _draw_running_header(
    canv: Canvas, part: Part, margins: Margins, width: float, height: float
) -> None:
    left, right = margins.left, width - margins.right
    y = height - margins.top - 4 * mm
    canv.saveState()
    canv.setFillColor(MUTED)
    half = (right - left) / 2 - 4 * mm
    name, size = shortened(part.header.convention_name, fonts.SANS, 7.5, half)
    canv.setFont(fonts.SANS, size)
    canv.drawString(left, y, name)
    title, size = shortened(part.running_title, fonts.SANS_BOLD, 7.5, half)
    canv.setFont(fonts.SANS_BOLD, size)
    canv.drawRightString(right, y, title)
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.5)
    canv.line(left, y - 2 * mm, right, y - 2 * mm)
    canv.restoreState()


def _draw_watermark(canv: Canvas, width: float, height: float, text: str, face: str) -> None:
    diagonal = math.hypot(width, height)
    size = 0.55 * diagonal / stringWidth(text, face, 1)
    canv.saveState()
    canv.setFillColor(colors.Color(0.8, 0.8, 0.8))
    canv.setFillAlpha(0.45)
    canv.translate(width / 2, height / 2)
    canv.rotate(math.degrees(math.atan2(height, width)))
    canv.setFont(face, size)
    canv.drawCentredString(0, -size * 0.35, text)
    canv.restoreState()


def _draw_border(canv: Canvas, width: float, height: float) -> None:
    canv.saveState()
    outer, inner = 9 * mm, 12.5 * mm
    canv.setStrokeColor(NAVY)
    canv.setLineWidth(3.2)
    canv.rect(outer, outer, width - 2 * outer, height - 2 * outer)
    canv.setStrokeColor(GOLD)
    canv.setLineWidth(1.1)
    canv.rect(inner, inner, width - 2 * inner, height - 2 * inner)
    canv.setLineWidth(0.4)
    gap = 1.5 * mm
    canv.rect(inner + gap, inner + gap, width - 2 * (inner + gap), height - 2 * (inner + gap))
    canv.setFillColor(GOLD)
    corner = inner + 1.5 * mm
    for x, y in ((corner, corner), (width - corner, corner), (corner, height - corner),
                 (width - corner, height - corner)):  # fmt: skip
        _diamond(canv, x, y, 4 * mm)
    canv.restoreState()


def _diamond(canv: Canvas, x: float, y: float, size: float) -> None:
    path = canv.beginPath()
    path.moveTo(x, y + size)
    path.lineTo(x + size, y)
    path.lineTo(x, y - size)
    path.lineTo(x - size, y)
    path.close()
    canv.drawPath(path, stroke=0, fill=1)
