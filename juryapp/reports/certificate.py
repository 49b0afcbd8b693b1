"""Piagam Penghargaan: a landscape certificate for a winning or advancing team."""

from __future__ import annotations

import functools
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, Spacer, Table, TableStyle

from juryapp.reports import fonts
from juryapp.reports.blocks import (
    fill_in,
    judge_detail,
    nip_line,
    place_and_date,
    place_title,
    signatures_side_by_side,
)
from juryapp.reports.footer import CERTIFICATE_FOOT
from juryapp.reports.labels import label
from juryapp.reports.layout import Part, build_pdf, frame_width, page_size
from juryapp.reports.letterhead import draw_logo
from juryapp.reports.model import CertificateData, DocumentStamp
from juryapp.reports.speedups import para
from juryapp.reports.styles import CERTIFICATE, GOLD, INK, MUTED, NAVY

_NAME_LINES = 2
_LOGO = 16 * mm
_SIGNING_SPACE = 13 * mm
# one typeface for the whole certificate: the serif, in its regular, italic and bold faces
_REGULAR, _ITALIC, _BOLD = fonts.SERIF, fonts.SERIF_ITALIC, fonts.SERIF_BOLD


def render_certificate(data: CertificateData, stamp: DocumentStamp) -> bytes:
    """The certificate as a one-page PDF."""
    return build_pdf([certificate_part(data, stamp)], stamp)


@functools.cache
def _style(
    name: str, font: str, size: float, color: object = INK, space: float = 0
) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=size * 1.25,
        alignment=TA_CENTER,
        textColor=color,
        spaceAfter=space,
    )


def certificate_part(data: CertificateData, stamp: DocumentStamp) -> Part:
    fonts.register_fonts()
    lang = stamp.lang
    width = frame_width(stamp, "landscape", certificate=True)
    _, page_height = page_size(stamp, "landscape")
    height = page_height - CERTIFICATE.top - CERTIFICATE.bottom - CERTIFICATE_FOOT
    header = data.header
    flow: list[Flowable] = []
    if header.logo is not None:
        flow += [_Logo(header.logo, _LOGO), Spacer(1, 2 * mm)]
    for line in header.parent_body:
        flow.append(para(line.upper(), _style("parent", _REGULAR, 9, NAVY, 0.5)))
    if header.organiser:
        flow.append(para(header.organiser.upper(), _style("org", _BOLD, 10.5, NAVY, 4)))
    flow.append(para(label("certificate_title", lang), _style("title", _BOLD, 28, NAVY, 1)))
    if data.number:
        flow.append(para(label("number", lang, number=data.number), _style("no", _REGULAR, 9.5)))
    flow += [
        Spacer(1, 5 * mm),
        para(label("given_to", lang), _style("given", _ITALIC, 13, INK, 2)),
        _team_name(data.team_name, width),
    ]
    if data.institution and data.institution != data.team_name:
        flow.append(para(data.institution, _style("inst", _REGULAR, 12, INK, 2)))
    flow += _achievement(data, lang)
    if data.title:
        innovation = f"{escape(label('for_innovation', lang))} “{escape(data.title)}”"
        flow.append(para(innovation, _style("innov", _ITALIC, 11.5, INK, 1), markup=True))
    convention = label("at_convention", lang, convention=header.convention_name)
    flow.append(para(convention, _style("conv", _REGULAR, 11.5, INK, 1)))
    if header.theme:
        theme = label("with_theme", lang, theme=header.theme)
        flow.append(para(theme, _style("theme", _ITALIC, 10.5, MUTED)))
    flow += [Spacer(1, 7 * mm), _signatures(data, lang, width)]
    # one certificate is one page whatever the lengths: shrink rather than spill over, and
    # stand in the middle of the border when there is room to spare
    fitted = KeepInFrame(width, height - 2, flow, mode="shrink", hAlign="CENTER")
    centred = Table([[fitted]], colWidths=[width], rowHeights=[height - 1])
    centred.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), _REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return Part(
        header=header,
        flowables=(centred,),
        running_title=f"{label('certificate_title', lang)} — {data.team_name}",
        orientation="landscape",
        letterhead=False,
        numbered=False,
        certificate=True,
        qr_text=data.qr_text,
        font=_REGULAR,
    )


class _Logo(Flowable):  # type: ignore[misc]
    """The organiser's logo, centred, embedded once however many certificates a file holds."""

    def __init__(self, logo: bytes, size: float) -> None:
        super().__init__()
        self.logo, self.size = logo, size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        return availWidth, self.size

    def draw(self) -> None:
        draw_logo(self.canv, self.logo, (self.width - self.size) / 2, 0, self.size)


def _team_name(name: str, width: float) -> Flowable:
    """The team's name as large as it can be while it wraps onto at most two lines."""
    size = 26.0
    while True:
        paragraph = para(name, _style("team", _BOLD, size, NAVY, 3))
        _, height = paragraph.wrap(width, 1000)
        if height <= _NAME_LINES * size * 1.25 + 0.1 or size <= 14:
            return paragraph
        size -= 1


def _achievement(data: CertificateData, lang: str) -> list[Flowable]:
    flow: list[Flowable] = []
    if data.rank is not None:
        title = place_title(data.rank, data.shared_rank, lang)
        line = label("in_category", lang, title=title, category=data.category_name)
        flow += [
            Spacer(1, 1.5 * mm),
            para(label("as", lang), _style("as", _ITALIC, 11, INK, 1)),
            para(line, _style("rank", _BOLD, 17, GOLD, 2)),
        ]
    elif data.category_name:
        category = label("category_named", lang, name=data.category_name)
        flow.append(para(category, _style("cat", _REGULAR, 12, INK, 2)))
    if data.achievement:
        flow.append(para(data.achievement, _style("ach", _BOLD, 13, NAVY, 3)))
    return flow


def _signatures(data: CertificateData, lang: str, width: float) -> Flowable:
    header = data.header
    block_width = width / 2 - 10 * mm
    sign = _style("sign", _REGULAR, 11)
    chair = {
        "title": label("chair_signs", lang),
        "name": data.chair.name,
        "detail": judge_detail(data.chair, lang),
        "width": block_width,
        # the place and date stand over the organiser's block; the chair's line stays empty
        "place_date": "\u00a0",
        "signature_png": data.chair.signature_png,
        "style": sign,
        "space": _SIGNING_SPACE,
    }
    organiser = {
        "title": f"{fill_in(header.organiser_head_title)},",
        "name": header.organiser_head_name,
        "rank": header.organiser_head_rank,
        "detail": nip_line(header.organiser_head_nip, lang),
        "width": block_width,
        "place_date": place_and_date(header, data.date, lang),
        "style": sign,
        "space": _SIGNING_SPACE,
    }
    return signatures_side_by_side([chair, organiser], width)
